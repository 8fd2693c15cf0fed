//! One located message type that every layer reports through, and the source map it is shown
//! from.
//!
//! Detecting a problem and presenting it are apart: loaders and checks build [`Diagnostic`]s;
//! [`render`] turns them into rustc-like text or JSON, reading the files' texts from the
//! [`SourceMap`] it is handed. Nothing here reads a file.

mod code;
pub mod render;
mod shown;
mod source;

use serde::Serialize;

pub use code::Code;
pub use source::{LineCol, SourceMap, SourceText};

use crate::i18n::Text;
use crate::model::Origin;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The description is not what its files say, or the structure is broken: `check` fails.
    Error,
    /// Probably a mistake, or a weakness of the structure, worth a look.
    Warning,
    /// Worth knowing, nothing to fix (a vacant post).
    Note,
}

impl Severity {
    /// The severity as messages and JSON write it: `error`, `warning`, `note`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A secondary place a diagnostic points at ("first declared here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// Where it points.
    pub origin: Origin,
    /// What it says there.
    pub message: Text,
}

/// A problem, where it is, and what to do about it. Kept small (texts boxed), as results carry
/// it as their error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The kind of problem, stable across versions.
    pub code: Code,
    /// How serious it is: the code's default, unless levels changed it.
    pub severity: Severity,
    /// What is wrong, in a sentence that names what it is about.
    pub message: Text,
    /// Where the problem is; `None` for problems with no place (an empty folder).
    pub origin: Option<Origin>,
    /// What the primary label under the span says, when more than the message.
    pub label: Option<Text>,
    /// Other places that explain the problem (where an id was first declared).
    pub related: Vec<Related>,
    /// What to do about it.
    pub hint: Option<Text>,
    /// What the problem is about: the ids of the units and sources involved and the kinds of the
    /// ties, which identify it across two versions of a description (`check --proposal` tells new
    /// problems from old ones by code and subjects, never by message or position).
    pub subjects: Box<[String]>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity. Its texts are [`Text`]s, messages of the
    /// catalogues kept with their arguments, so that they can be shown in every language.
    pub fn new(code: Code, message: impl Into<Text>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: clip(message.into()),
            origin: None,
            label: None,
            related: Vec::new(),
            hint: None,
            subjects: Box::default(),
        }
    }

    /// Places the problem at `origin`.
    #[must_use]
    pub fn at(mut self, origin: Origin) -> Diagnostic {
        self.origin = Some(origin);
        self
    }

    /// Says more under the place than the message does.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<Text>) -> Diagnostic {
        self.label = Some(clip(label.into()));
        self
    }

    /// Adds another place that explains the problem, with what it says there.
    #[must_use]
    pub fn with_related(mut self, origin: Origin, message: impl Into<Text>) -> Diagnostic {
        self.related.push(Related {
            origin,
            message: clip(message.into()),
        });
        self
    }

    /// Says what to do about the problem.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<Text>) -> Diagnostic {
        self.hint = Some(clip(hint.into()));
        self
    }

    /// Adds a hint when there is one.
    #[must_use]
    pub fn with_hint_opt(self, hint: Option<impl Into<Text>>) -> Diagnostic {
        match hint {
            Some(hint) => self.with_hint(hint),
            None => self,
        }
    }

    /// Adds what the problem is about (see [`Diagnostic::subjects`]).
    #[must_use]
    pub fn about<S: Into<String>>(mut self, subjects: impl IntoIterator<Item = S>) -> Diagnostic {
        let mut all = std::mem::take(&mut self.subjects).into_vec();
        all.extend(subjects.into_iter().map(Into::into));
        self.subjects = all.into_boxed_slice();
        self
    }

    /// Whether the problem is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The most characters of a message, label or hint that a diagnostic keeps.
const LONGEST_TEXT: usize = 400;

/// `text`, its English and each string it quotes clipped as [`clip_string`] says.
fn clip(text: Text) -> Text {
    text.clipped(clip_string)
}

/// `text`, or, when it is longer than [`LONGEST_TEXT`] characters, its start and end with what
/// was left out between them. Messages quote the input (an unknown field, an invalid id), which
/// may be megabytes long in a hostile file; a message stays readable whatever it quotes.
fn clip_string(text: String) -> String {
    let Some((head_end, _)) = text.char_indices().nth(LONGEST_TEXT / 2) else {
        return text;
    };
    let chars = text.chars().count();
    if chars <= LONGEST_TEXT {
        return text;
    }
    let tail_start = text
        .char_indices()
        .nth(chars - LONGEST_TEXT / 2)
        .map_or(text.len(), |(at, _)| at);
    format!(
        "{}… ({} characters left out) …{}",
        &text[..head_end],
        chars - LONGEST_TEXT,
        &text[tail_start..]
    )
}

/// "did you mean" for a run that may meet many wrong names. Each suggestion costs a pass over the
/// candidates, so past [`Suggestions::BUDGET`] of them the others get none: a badly broken input
/// (thousands of unknown ids among a million) stays linear to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestions {
    left: usize,
}

impl Suggestions {
    /// How many suggestions one run computes.
    pub const BUDGET: usize = 64;

    /// "did you mean `x`?", as [`did_you_mean`] says, while the budget lasts.
    pub fn did_you_mean<'a>(
        &mut self,
        wrong: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Option<Text> {
        self.left = self.left.checked_sub(1)?;
        did_you_mean(wrong, candidates)
    }
}

impl Default for Suggestions {
    fn default() -> Suggestions {
        Suggestions {
            left: Suggestions::BUDGET,
        }
    }
}

/// "1 unit", "2 units": a count and its noun, which takes an `s` unless the count is one.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// "did you mean `x`?" for the candidate nearest to `wrong`, when one is near enough.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<Text> {
    nearest(wrong, candidates).map(|best| crate::i18n::text!("did-you-mean", name = best))
}

/// The longest word, in characters, for which a nearest name is looked for: no name is that long,
/// and the edit distance costs time and memory in the product of the two lengths.
const LONGEST_TYPO: usize = 200;

/// The candidate nearest to `wrong` by edit distance, when it is near enough to be a typo: at most
/// a third of the longer word's length, and at least one character. Words whose lengths differ
/// by more than that are not compared, so the cost stays bounded whatever the input holds.
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_chars = wrong.chars().count();
    if wrong_chars > LONGEST_TYPO {
        return None;
    }
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .filter_map(|c| {
            let chars = c.chars().count();
            let most = (wrong_chars.max(chars) / 3).max(1);
            if wrong_chars.abs_diff(chars) > most {
                return None;
            }
            let distance = strsim::damerau_levenshtein(&wrong_lower, &c.to_lowercase());
            (distance <= most).then_some((distance, c))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_keep_their_start_and_end() {
        assert_eq!(clip_string("short".to_owned()), "short");
        let exact = "x".repeat(LONGEST_TEXT);
        assert_eq!(clip_string(exact.clone()), exact);
        let long = format!("unknown unit `{}`: check it", "é".repeat(50_000_000));
        let clipped = Diagnostic::new(Code::UnknownUnit, long).message;
        assert!(clipped.starts_with("unknown unit `éé"), "{clipped}");
        assert!(clipped.ends_with("éé`: check it"), "{clipped}");
        assert!(
            clipped.contains("(49999625 characters left out)"),
            "{clipped}"
        );
        assert!(clipped.chars().count() < LONGEST_TEXT + 50);
    }

    #[test]
    fn suggestions_cost_little_for_long_words() {
        let long = "a".repeat(10_000_000);
        assert_eq!(nearest(&long, [long.as_str(), "a"]), None);
        let candidate = "b".repeat(LONGEST_TYPO + 1);
        assert_eq!(nearest("b", [candidate.as_str()]), None);
    }

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(nearest("parnet", ["parent", "name"]), Some("parent"));
        assert_eq!(nearest("Kind", ["kind", "name"]), Some("kind"));
        assert_eq!(nearest("zzzzzz", ["parent", "name"]), None);
        assert_eq!(
            did_you_mean("atachment", ["attachment", "advice"]).as_deref(),
            Some("did you mean `attachment`?")
        );
    }
}
