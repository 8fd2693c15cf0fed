//! The vocabulary of organigram: unit kinds, tie kinds (with their style in charts) and the table
//! of which tie may join which kinds; ids, dates, sources and spans. No I/O, and nothing else of
//! ours.

mod date;
mod description;
mod file;
mod id;
mod source;
mod span;
mod style;
mod text;
mod tie;
mod tie_kind;
mod unit;
mod unit_kind;

pub use date::Date;
pub use description::Description;
pub use file::DescriptionFile;
pub use id::{
    FastHash, FastMap, FastSet, IdMap, OrganisationId, SlugError, SourceId, UnitId, check_slug,
    slugify,
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
