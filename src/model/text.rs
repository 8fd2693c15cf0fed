//! Text folding for look-ups: case, accents and punctuation do not matter when people search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for comparison: lowercase, accents stripped, ligatures opened, every run of
/// punctuation and spaces turned into one space, trimmed. "DiP  A-JUST" and "dip a just" fold
/// alike; so do "Délégué" and "delegue".
pub fn fold(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::fold;

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
}
