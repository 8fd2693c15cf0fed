//! What organigram writes for people, in each of its languages: the message catalogues
//! (`i18n/en.ftl`, `i18n/fr.ftl`, in [Project Fluent](https://projectfluent.org) syntax, built into
//! the binary) and the two ways of using them.
//!
//! - [`tr!`](crate::tr) writes a message now, in a language: `tr!(lang, "show-kind", kind = …)`.
//!   The command line's text output and the charts use it. Exported, it stands at the crate's
//!   root, so only the modules above the front door (`render`, the command line) use it.
//! - `text!` makes a [`Text`]: a message kept with its arguments, written in English
//!   at once (what [`Text`] dereferences to, so that English callers read it as a `str`) and in
//!   another language when it is shown ([`Text::in_lang`]). Diagnostics carry their message, label
//!   and hint as [`Text`]s, since they are found before anyone knows in which language they will
//!   be read. The library's own, used as `crate::i18n::text`: a lower module that writes a
//!   message now writes `text!(…).in_lang(lang)`, keeping its arrows pointing down.
//!
//! An argument is an [`Arg`]: a string (ids, names: never translated), a number (which Fluent's
//! plural rules select on: `{ $n -> [one] unit *[other] units }`), a word of a vocabulary in each
//! language ([`Arg::word`]; a unit kind becomes its label), or another [`Text`].
//!
//! # Adding a message
//!
//! 1. Give it an id (`kebab-case`, prefixed by where it is used: `check-`, `show-`, `chart-`…) and
//!    write it in `i18n/en.ftl` and `i18n/fr.ftl`, with the same variables (`{ $unit }`); the
//!    catalogue tests fail otherwise, and when a French message is left the same as the English.
//! 2. Use it: `text!("check-orphan", unit = described)` or `tr!(lang, "show-parents")`. Variables
//!    are named in `snake_case`, which both Rust and Fluent accept.
//!
//! Terms of the vocabularies (unit kinds, tie verbs, statuses) are not in the catalogues: they are
//! beside their English in `model`, and reach a message as an [`Arg::word`].

/// A [`Text`] of message `id` of the catalogues, with its arguments named as the message names
/// its variables: `text!("check-orphan", unit = described(unit))`. Each value becomes an
/// [`Arg`] by `From`. The library's own (diagnostics are found inside it), used by this module's
/// path, `crate::i18n::text`, so that the modules that report stay below the crate's front door.
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::message(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}
pub(crate) use text;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::model::{Lang, Tie, TieKey, TieKind, UnitId, UnitKind};

/// The English catalogue, built into the binary.
const ENGLISH: &str = include_str!("../../i18n/en.ftl");
/// The French catalogue, built into the binary.
const FRENCH: &str = include_str!("../../i18n/fr.ftl");

/// The catalogue of a language, as Fluent reads it.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ENGLISH,
        Lang::Fr => FRENCH,
    }
}

/// The bundle of each language, in [`Lang::ALL`] order, read once.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&lang| {
                let id = lang.as_str().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Isolation marks (U+2068, U+2069) would show in terminals and charts; ids and
                // names are shown as they are written.
                bundle.set_use_isolating(false);
                if lang == Lang::Fr {
                    bundle.set_formatter(Some(french_number));
                }
                // A catalogue that does not parse or repeats an id fails the tests of this module;
                // what parses is used.
                let resource = FluentResource::try_new(source(lang).to_owned())
                    .unwrap_or_else(|(resource, _)| resource);
                let _ = bundle.add_resource(resource);
                bundle
            })
            .collect()
    });
    &bundles[lang.index()]
}

/// A whole number as French writes it, its digits grouped by three with a narrow no-break space
/// (U+202F), as the CLDR does: "2 000 000". Other values are left to Fluent.
fn french_number<M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let digits = number.as_string();
    let unsigned = digits.strip_prefix('-').unwrap_or(&digits);
    if number.value.fract() != 0.0
        || unsigned.len() < 4
        || !unsigned.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut grouped = String::with_capacity(digits.len() + unsigned.len());
    if number.value < 0.0 {
        grouped.push('-');
    }
    for (i, digit) in unsigned.chars().enumerate() {
        if i > 0 && (unsigned.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    Some(grouped)
}

/// A count written in `lang` outside a message, as messages write their numbers: "2 000 000" in
/// French, "2000000" in English.
pub fn number(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => french_number(&FluentValue::from(n), &()),
        Lang::En => None,
    }
    .unwrap_or_else(|| n.to_string())
}

/// Writes message `id` in `lang` with `args`. A message missing from the catalogue (which the
/// tests rule out) is written as its id, so that the output still says something.
pub fn write(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        fluent.set(*name, arg.value(lang));
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent), &mut errors)
        .into_owned()
}

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// Text shown as it is in every language: an id, a name, a path.
    Str(Box<str>),
    /// A number, which plural forms select on.
    Number(usize),
    /// A word of a vocabulary in each language, in [`Lang::ALL`] order.
    Word([&'static str; 2]),
    /// A message, written in the language of the message around it.
    Text(Box<Text>),
}

impl Arg {
    /// A word of a vocabulary, given how it is written in each language:
    /// `Arg::word(|lang| kind.verb_in(lang))`.
    pub fn word(word: impl Fn(Lang) -> &'static str) -> Arg {
        Arg::Word(Lang::ALL.map(word))
    }

    /// The value Fluent formats.
    fn value(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Str(text) => FluentValue::from(&**text),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Word(words) => FluentValue::from(words[lang.index()]),
            Arg::Text(text) => FluentValue::from(text.in_lang(lang)),
        }
    }

    /// The argument, its strings passed through `clip`.
    fn clipped(self, clip: fn(String) -> String) -> Arg {
        match self {
            Arg::Str(text) => Arg::Str(clip(text.into()).into_boxed_str()),
            Arg::Text(text) => Arg::Text(Box::new(text.clipped(clip))),
            other => other,
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Str(text.into())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Str(text.into_boxed_str())
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Str(text.as_str().into())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(usize::try_from(n).unwrap_or(usize::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n as usize)
    }
}

impl From<&Arg> for Arg {
    fn from(arg: &Arg) -> Arg {
        arg.clone()
    }
}

impl From<Text> for Arg {
    fn from(text: Text) -> Arg {
        Arg::Text(Box::new(text))
    }
}

/// A unit kind is shown by its label: `sub-directorate`, `sous-direction`.
impl From<UnitKind> for Arg {
    fn from(kind: UnitKind) -> Arg {
        Arg::word(|lang| kind.label_in(lang))
    }
}

/// A text for people that can be written in every language: a message of the catalogues with its
/// arguments, or a text that is not in them (what a JSON parser says), the same in every language.
/// It dereferences to its English, written once when it is made. One pointer wide, as
/// diagnostics hold several and results carry diagnostics as their error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(Box<Written>);

/// What a [`Text`] holds: its English, and the message it was written from, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Written {
    english: String,
    message: Option<Message>,
}

/// A message of the catalogues and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Text {
    /// Message `id` of the catalogues with `args`, written in English now. `text!`
    /// reads better.
    pub fn message(id: &'static str, args: Vec<(&'static str, Arg)>) -> Text {
        Text(Box::new(Written {
            english: write(Lang::En, id, &args),
            message: Some(Message { id, args }),
        }))
    }

    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Cow<'_, str> {
        match &self.0.message {
            Some(message) if lang != Lang::En => Cow::Owned(write(lang, message.id, &message.args)),
            _ => Cow::Borrowed(&self.0.english),
        }
    }

    /// The English text.
    pub fn as_str(&self) -> &str {
        &self.0.english
    }

    /// The text with each of its strings, and its English, passed through `clip`: a message
    /// that quotes a megabyte of hostile input stays readable in every language.
    #[must_use]
    pub fn clipped(self, clip: fn(String) -> String) -> Text {
        let Written { english, message } = *self.0;
        Text(Box::new(Written {
            english: clip(english),
            message: message.map(|message| Message {
                id: message.id,
                args: message
                    .args
                    .into_iter()
                    .map(|(name, arg)| (name, arg.clipped(clip)))
                    .collect(),
            }),
        }))
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0.english
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.english)
    }
}

/// A text that is not in the catalogues, the same in every language.
impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Box::new(Written {
            english: text,
            message: None,
        }))
    }
}

/// A text that is not in the catalogues, the same in every language.
impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::from(text.to_owned())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0.english
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0.english == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.0.english == **other
    }
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`" ("none" for no name): names in backquotes, the last
/// two joined by the language's "and".
pub fn list<S: AsRef<str>>(names: &[S]) -> Text {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.split_last() {
        None => text!("list-none"),
        Some((last, [])) => Text::from(last.as_str()),
        Some((last, rest)) => text!("list-and", rest = rest.join(", "), last = last),
    }
}

/// "a", "a or b", "a or b or c": words of a vocabulary joined by the language's "or".
pub fn either(words: &[Arg]) -> Arg {
    match words.split_last() {
        None => Arg::from(text!("list-none")),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => Arg::from(text!("list-or", rest = either(rest), last = last.clone())),
    }
}

/// "`a` is attached to `b`", "`a` est rattaché à `b`": a tie as a sentence, ends as declared.
pub fn sentence(from: &UnitId, kind: TieKind, to: &UnitId) -> Text {
    text!(
        "tie-sentence",
        from = from.as_str(),
        verb = Arg::word(|lang| kind.verb_in(lang)),
        to = to.as_str()
    )
}

/// A tie is shown as a sentence ([`sentence`]).
impl From<&Tie> for Text {
    fn from(tie: &Tie) -> Text {
        sentence(&tie.from.value, tie.kind.value, &tie.to.value)
    }
}

/// A tie is shown as a sentence ([`sentence`]).
impl From<&Tie> for Arg {
    fn from(tie: &Tie) -> Arg {
        Arg::from(Text::from(tie))
    }
}

/// A tie's key is shown as a sentence ([`sentence`]), its ends in the key's order.
impl From<&TieKey> for Text {
    fn from(key: &TieKey) -> Text {
        sentence(&key.from, key.kind, &key.to)
    }
}

/// A tie's key is shown as a sentence ([`sentence`]), its ends in the key's order.
impl From<&TieKey> for Arg {
    fn from(key: &TieKey) -> Arg {
        Arg::from(Text::from(key))
    }
}

/// Message `id` of the catalogues written now in `lang`, with its arguments named as the message
/// names its variables: `tr!(lang, "show-kind", kind = unit.kind.value)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::write(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests;
