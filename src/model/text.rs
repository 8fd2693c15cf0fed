//! Text as descriptions hold it: which characters a text may not hold, and folding for look-ups
//! (case, accents and punctuation do not matter when people search).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for comparison: lowercase, accents stripped, ligatures opened, every run of
/// punctuation and spaces turned into one space, trimmed. "DiP  A-JUST" and "dip a just" fold
/// alike; so do "Délégué" and "delegue".
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return fold_ascii(text);
    }
    let mut folded = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkd().filter(|c| !is_combining_mark(*c)) {
        let opened = match c {
            'œ' | 'Œ' => Some("oe"),
            'æ' | 'Æ' => Some("ae"),
            'ß' => Some("ss"),
            _ => None,
        };
        if let Some(pair) = opened {
            if pending_space && !folded.is_empty() {
                folded.push(' ');
            }
            pending_space = false;
            folded.push_str(pair);
        } else if c.is_alphanumeric() {
            if pending_space && !folded.is_empty() {
                folded.push(' ');
            }
            pending_space = false;
            folded.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    folded
}

/// [`fold`] for ASCII text, which has no accents or ligatures to undo: several times faster,
/// and most names of a large description are ASCII.
fn fold_ascii(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    }
    folded
}

/// Whether a description's text may not hold `c`: every control character (C0, DEL and C1) but
/// tab, line feed and carriage return, and the bidirectional embeddings, overrides and isolates
/// (U+202A to U+202E, U+2066 to U+2069). A description's texts are for people; control
/// characters in them drive the terminals they are printed on (an escape sequence in a name could
/// rewrite the screen), and XML cannot hold most of them, so exports would have to alter them.
/// Bidirectional controls make text display in another order than it is written (the "Trojan
/// Source" attack, CVE-2021-42574): a name could show as another unit's. Text in Arabic or
/// Hebrew displays right without them.
pub fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Reads a name (of a unit, an organisation, a document): a text that holds more than spaces,
/// since a unit named "" prints as nothing and cannot be looked up.
pub(crate) fn named<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = <String as serde::Deserialize>::deserialize(deserializer)?;
    blank_refused(text)
}

/// Reads an optional name (an acronym), `null` for none, as [`named`] reads a name.
pub(crate) fn named_if_any<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    <Option<String> as serde::Deserialize>::deserialize(deserializer)?
        .map(blank_refused)
        .transpose()
}

/// Reads an optional name that, when present, may be `null`: `Some(None)`, as a unit's past
/// acronym is when it had none.
#[allow(clippy::option_option)] // As `Was::acronym`.
pub(crate) fn named_or_none<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    named_if_any(deserializer).map(Some)
}

/// `text`, unless it holds nothing but spaces.
fn blank_refused<E: serde::de::Error>(text: String) -> Result<String, E> {
    if text.trim().is_empty() {
        return Err(E::custom(
            "an empty text: a name, an acronym, an alias or a title holds more than spaces",
        ));
    }
    Ok(text)
}

/// Reads a list of names (aliases) as [`named`] reads one.
pub(crate) fn all_named<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<String>, D::Error> {
    /// A name of the list.
    #[derive(serde::Deserialize)]
    struct Named(#[serde(deserialize_with = "named")] String);

    let names = <Vec<Named> as serde::Deserialize>::deserialize(deserializer)?;
    Ok(names.into_iter().map(|Named(name)| name).collect())
}

#[cfg(test)]
mod tests {
    use super::{fold, is_forbidden_control};

    #[test]
    fn control_characters_but_line_breaks_and_tabs_are_forbidden() {
        for c in [
            '\0', '\u{8}', '\u{1b}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}',
        ] {
            assert!(is_forbidden_control(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'é', '\u{a0}', '«', '\u{200f}', 'א'] {
            assert!(!is_forbidden_control(c), "{c:?}");
        }
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("DiP  A-JUST"), "dip a just");
        assert_eq!(
            fold("Délégué à la protection des données"),
            "delegue a la protection des donnees"
        );
        assert_eq!(
            fold("« intelligence artificielle »"),
            "intelligence artificielle"
        );
        assert_eq!(fold("Œuvre l'État"), "oeuvre l etat");
        assert_eq!(fold("  "), "");
    }

    #[test]
    fn ascii_text_folds_as_the_general_path_would() {
        for text in [
            "DiP  A-JUST",
            " -Bureau_des (RH)- ",
            "a",
            "",
            "SG/SDSI 2",
            "x--y",
        ] {
            let mut general = String::from(text);
            // A non-ASCII letter at the end takes the general path; its fold is known.
            general.push('é');
            let expected = fold(&general);
            let expected = expected.strip_suffix('e').unwrap().trim_end();
            assert_eq!(fold(text), expected, "{text:?}");
        }
    }
}
