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

mod date;
mod description;
mod file;
mod id;
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
pub use file::DescriptionFile;
pub(crate) use id::fixed_hash;
pub use id::{
    FastHash, FastMap, FastSet, IdMap, OrganisationId, SlugError, SourceId, UnitId, check_slug,
    file_name, slugify,
};
pub use source::{Citation, Source};
pub use span::{FileId, Origin, Recover, Span, Spanned};
pub(crate) use span::{protocol as spanned_protocol, recover_protocol};
pub use style::{Arrowhead, LineStyle, Shape, TieStyle, UnitStyle};
pub use text::{fold, is_forbidden_control};
pub use tie::{Tie, TieKey};
pub use tie_kind::TieKind;
pub use unit::{
    Boundary, Headcount, HeadcountBasis, HeadcountQualifier, Organisation, OrganisationIndex,
    Status, Unit,
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

    #[test]
    fn unit_and_tie_kinds_are_named_as_written_and_defined() {
        terms_are_named_as_written_and_defined(UnitKind::ALL, UnitKind::description);
        terms_are_named_as_written_and_defined(TieKind::ALL, TieKind::description);
    }
}
