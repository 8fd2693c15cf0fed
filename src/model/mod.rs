//! The vocabulary of organigram: unit kinds, tie kinds (with their style in charts) and the table
//! of which tie may join which kinds; ids, dates, sources and spans. No I/O, and nothing else of
//! ours.

/// Displays each value of a vocabulary as its name in descriptions (`as_str`).
macro_rules! display_as_name {
    ($($vocabulary:ty),*) => {$(
        impl std::fmt::Display for $vocabulary {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
pub(crate) use display_as_name;

/// Makes a vocabulary a [`lang::Term`], read by its English or French names ([`lang`]), with a
/// JSON Schema that lists both.
macro_rules! term {
    ($vocabulary:ident, $expecting:literal) => {
        impl Term for $vocabulary {
            const ALL: &'static [$vocabulary] = $vocabulary::ALL;

            fn name(self) -> &'static str {
                self.as_str()
            }

            fn french_name(self) -> &'static str {
                $vocabulary::french_name(self)
            }

            fn other_names(self) -> &'static [&'static str] {
                $vocabulary::other_names(self)
            }

            fn from_name(text: &str) -> Option<$vocabulary> {
                static FOLDED: OnceLock<Vec<(String, $vocabulary)>> = OnceLock::new();
                lang::find(text, &FOLDED)
            }
        }

        impl $vocabulary {
            /// The term an English or French name names ([`Term::from_name`]).
            pub fn from_name(text: &str) -> Option<$vocabulary> {
                <$vocabulary as Term>::from_name(text)
            }

            /// Every name the term may be written with, English first, each once.
            pub fn names() -> &'static [&'static str] {
                static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
                lang::all_names::<$vocabulary>(&NAMES)
            }
        }

        impl<'de> serde::Deserialize<'de> for $vocabulary {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                lang::deserialize(deserializer, $expecting, $vocabulary::names())
            }
        }

        impl schemars::JsonSchema for $vocabulary {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($vocabulary).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                lang::schema::<$vocabulary>($vocabulary::description)
            }
        }
    };
}
pub(crate) use term;

mod date;
mod description;
mod file;
mod id;
pub mod lang;
#[cfg(test)]
mod palette;
mod period;
mod source;
mod span;
mod style;
pub(crate) mod text;
mod tie;
mod tie_kind;
mod unit;
mod unit_kind;

pub use date::Date;
pub use description::{Description, UnreadTie, Unreadable};
pub use file::{DescriptionFile, canonical_json};
pub(crate) use id::fixed_hash;
pub use id::{
    FastHash, FastMap, FastSet, IdMap, OrganisationId, SlugError, SourceId, UnitId, check_slug,
    file_name, slugify,
};
pub use lang::{Lang, Term};
pub use period::{Gap, Period};
pub use source::{Citation, Source};
pub use span::{FileId, Origin, Recover, Span, Spanned};
pub(crate) use span::{protocol as spanned_protocol, recover_protocol};
pub use style::{
    Arrowhead, Border, FillPattern, LineStyle, MUTED_COLOUR, Shape, TEXT_COLOUR, TieStyle,
    UnitStyle,
};
pub use text::{fold, is_forbidden_control};
pub use tie::{Tie, TieKey};
pub use tie_kind::TieKind;
pub use unit::{
    Boundary, Headcount, HeadcountBasis, HeadcountQualifier, Organisation, OrganisationIndex,
    Status, Unit, Values, Was,
};
pub use unit_kind::{Family, UnitKind};

#[cfg(test)]
mod tests {
    use super::{TieKind, UnitKind};

    /// Each term is written in descriptions as serde reads it, displays so, and is defined.
    fn terms_are_named_as_written_and_defined<T>(all: &[T], description: impl Fn(T) -> &'static str)
    where
        T: serde::Serialize + std::fmt::Display + Copy,
    {
        for &term in all {
            let json = serde_json::to_string(&term).unwrap();
            assert_eq!(json, format!("\"{term}\""));
            assert!(!description(term).is_empty(), "{term} has no description");
        }
    }

    /// Every English and French name reads as its own term and no other, whatever its case and
    /// accents; organigram writes the English name back.
    fn every_name_reads_as_its_term<T: super::Term + PartialEq + std::fmt::Debug>() {
        for &term in T::ALL {
            let names = std::iter::once(term.name()).chain(term.french_names());
            for name in names {
                assert_eq!(T::from_name(name), Some(term), "{name}");
                let shouted = super::fold(name).to_uppercase();
                assert_eq!(T::from_name(&shouted), Some(term), "{shouted}");
            }
        }
    }

    #[test]
    fn french_and_english_names_each_read_as_one_kind() {
        every_name_reads_as_its_term::<UnitKind>();
        every_name_reads_as_its_term::<TieKind>();
        assert_eq!(
            UnitKind::from_name("Sous direction"),
            Some(UnitKind::SubDirectorate)
        );
        assert_eq!(UnitKind::from_name("pole"), Some(UnitKind::Department));
        assert_eq!(
            TieKind::from_name("autorite hierarchique"),
            Some(TieKind::LineAuthority)
        );
        assert_eq!(TieKind::from_name("à la tête de"), Some(TieKind::Head));
        assert_eq!(UnitKind::from_name("sous-directin"), None);
        let kind: UnitKind = serde_json::from_str(r#""sous-direction""#).unwrap();
        assert_eq!(
            serde_json::to_string(&kind).unwrap(),
            r#""sub-directorate""#
        );
    }

    #[test]
    fn a_wrong_kind_is_answered_with_the_nearest_name_in_either_language() {
        let error = serde_json::from_str::<UnitKind>(r#""sous-directin""#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("unknown variant `sous-directin`"), "{error}");
        assert!(error.contains("`sous-direction`"), "{error}");
        let names = UnitKind::names();
        assert_eq!(names[0], "ministry");
        assert!(names.contains(&"ministère") && names.contains(&"pôle"));
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn unit_and_tie_kinds_are_named_as_written_and_defined() {
        terms_are_named_as_written_and_defined(UnitKind::ALL, UnitKind::description);
        terms_are_named_as_written_and_defined(TieKind::ALL, TieKind::description);
    }
}
