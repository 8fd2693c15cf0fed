//! The languages organigram speaks, and how a term of its vocabularies is written in each: a
//! description may say `"kind": "sous-direction"` as well as `"sub-directorate"`.

use std::sync::OnceLock;

use super::text::fold;

/// A language of organigram's output and of the names it reads. English is the default; French
/// is the language of its first users.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language's code (`en`, `fr`), as `--lang` takes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's position in [`Lang::ALL`], where tables of words per language keep it.
    pub(crate) const fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
        }
    }

    /// The language a code or a POSIX locale names: `fr`, `fr-CA`, `fr_FR.UTF-8` and
    /// `fr_BE@euro` are French, `en`, `en_GB.UTF-8`, `C` and `POSIX` English; any other is `None`.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "fr" => Some(Lang::Fr),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A term of one of the vocabularies (a unit kind, a tie kind), written in English or in French.
pub trait Term: Copy + 'static {
    /// Every term, in the order they are documented.
    const ALL: &'static [Self];

    /// The English name, as organigram writes it (`sub-directorate`).
    fn name(self) -> &'static str;

    /// The French name, as a description may write it (`sous-direction`).
    fn french_name(self) -> &'static str;

    /// Other French names read as this term (`pôle` for a department).
    fn other_names(self) -> &'static [&'static str];

    /// Every French name read as this term: its French name, then the others.
    fn french_names(self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.french_name()).chain(self.other_names().iter().copied())
    }

    /// The term an English or French name names. English names are read as written; French
    /// names whatever their case, accents and punctuation (`Sous direction`, `autorite
    /// hierarchique`), since people type them as they say them.
    fn from_name(text: &str) -> Option<Self>;
}

/// The term `text` names ([`Term::from_name`]): an English name as written, else any name
/// folded. The folded names are made once, in `cache`: a description written in French names a
/// kind for every unit and tie it holds. `O(terms)`.
pub(crate) fn find<T: Term>(text: &str, cache: &'static OnceLock<Vec<(String, T)>>) -> Option<T> {
    if let Some(&term) = T::ALL.iter().find(|t| t.name() == text) {
        return Some(term);
    }
    let folded_names = cache.get_or_init(|| {
        T::ALL
            .iter()
            .flat_map(|&term| {
                std::iter::once(term.name())
                    .chain(term.french_names())
                    .map(move |name| (fold(name), term))
            })
            .collect()
    });
    let folded = fold(text);
    folded_names
        .iter()
        .find(|(name, _)| *name == folded)
        .map(|&(_, term)| term)
}

/// Every English and French name of the terms, each once, English first: what may be written.
pub(crate) fn all_names<T: Term>(
    cache: &'static OnceLock<Vec<&'static str>>,
) -> &'static [&'static str] {
    cache.get_or_init(|| {
        let mut names: Vec<&'static str> = T::ALL.iter().map(|t| t.name()).collect();
        for term in T::ALL {
            for name in term.french_names() {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    })
}

/// Reads a term by any of its names, or says which names there are (the reader suggests the
/// nearest).
pub(crate) fn deserialize<'de, T: Term, D: serde::Deserializer<'de>>(
    deserializer: D,
    expecting: &'static str,
    names: &'static [&'static str],
) -> Result<T, D::Error> {
    struct Name<T> {
        expecting: &'static str,
        names: &'static [&'static str],
        term: std::marker::PhantomData<T>,
    }

    impl<T: Term> serde::de::Visitor<'_> for Name<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
            T::from_name(text).ok_or_else(|| E::unknown_variant(text, self.names))
        }
    }

    deserializer.deserialize_str(Name {
        expecting,
        names,
        term: std::marker::PhantomData,
    })
}

/// The JSON Schema of a term: one of its English names, each with its definition, or one of its
/// French names, each saying which English name it stands for.
pub(crate) fn schema<T: Term>(description: impl Fn(T) -> &'static str) -> schemars::Schema {
    let mut choices: Vec<serde_json::Value> = T::ALL
        .iter()
        .map(|&t| serde_json::json!({"type": "string", "const": t.name(), "description": description(t)}))
        .collect();
    for &term in T::ALL {
        for name in term.french_names() {
            if T::ALL.iter().all(|t| t.name() != name) {
                choices.push(serde_json::json!({
                    "type": "string",
                    "const": name,
                    "description": format!("French for `{}`.", term.name()),
                }));
            }
        }
    }
    schemars::json_schema!({ "oneOf": choices })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        for (locale, lang) in [
            ("fr", Some(Lang::Fr)),
            ("fr_FR.UTF-8", Some(Lang::Fr)),
            ("FR-ca", Some(Lang::Fr)),
            ("fr_BE@euro", Some(Lang::Fr)),
            ("en_GB.UTF-8", Some(Lang::En)),
            ("C", Some(Lang::En)),
            ("POSIX", Some(Lang::En)),
            ("C.UTF-8", Some(Lang::En)),
            ("de_DE.UTF-8", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_locale(locale), lang, "{locale}");
        }
    }
}
