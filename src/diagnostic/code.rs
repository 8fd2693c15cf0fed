//! The stable codes of diagnostics, each with its default severity and the reason it exists.

use serde::Serialize;

use super::Severity;

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, $severity:ident; )*) => {
        /// A stable code naming a kind of problem (`unknown-unit`). Codes never change meaning;
        /// scripts and `--allow` lists may rely on them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            pub const fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// Why the problem matters, in a sentence.
            pub const fn rationale(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),*).trim_ascii(),)* }
            }

            /// The code named `name`, if there is one.
            pub fn from_name(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|c| c.as_str() == name)
            }
        }
    };
}

codes! {
    /// A file or folder of the description cannot be read, so what it describes is missing.
    Io => "io", Error;
    /// A description file is not valid UTF-8 text, so it cannot be read as JSON.
    InvalidUtf8 => "invalid-utf8", Error;
    /// A description file is larger than the limit, which protects against reading runaway files.
    FileTooLarge => "file-too-large", Error;
    /// A description file is not valid JSON.
    Syntax => "syntax", Error;
    /// JSON nests deeper than the limit; no real description does, and deep nesting can exhaust
    /// the stack.
    TooDeep => "too-deep", Error;
    /// A field the format does not know: usually a typo, which would otherwise silently lose data.
    UnknownField => "unknown-field", Error;
    /// A value outside its vocabulary (a unit kind, a tie kind, a status).
    UnknownValue => "unknown-value", Error;
    /// A required field is absent.
    MissingField => "missing-field", Error;
    /// The same key twice in one JSON object: one of the two values would be silently lost.
    DuplicateKey => "duplicate-key", Error;
    /// A value of the wrong type or shape (a number for a name, an id that is not a slug, an
    /// impossible date).
    InvalidValue => "invalid-value", Error;
    /// Two units, sources or organisations share an id, so every reference to it is ambiguous.
    DuplicateId => "duplicate-id", Error;
    /// A tie names a unit that is declared nowhere in the description.
    UnknownUnit => "unknown-unit", Error;
    /// A citation names a source that is declared nowhere in the description.
    UnknownSource => "unknown-source", Error;
    /// A tie joins two kinds of unit it cannot join (a unit attached to a committee, a secretariat
    /// run for a directorate); the validity table in `model::TieKind` says what may join what.
    TieNotAllowed => "tie-not-allowed", Error;
    /// An attribute given to a unit of a kind it does not apply to (a vacant directorate).
    AttributeNotAllowed => "attribute-not-allowed", Error;
    /// A folder given as a description holds no description file.
    EmptyDescription => "empty-description", Error;
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_explained() {
        for (i, a) in Code::ALL.iter().enumerate() {
            assert!(!a.rationale().is_empty());
            assert_eq!(Code::from_name(a.as_str()), Some(*a));
            for b in &Code::ALL[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
            }
        }
    }
}
