//! A whole description: every file's organisations, sources, units and ties, merged.

use super::id::{FastSet, IdMap};
use super::{Organisation, Source, SourceId, Tie, Unit, UnitId};

/// Every fact of a description, in declaration order, before references are resolved into a
/// graph. Proposals change a description; a graph is built from the result.
#[derive(Clone, Debug, Default)]
pub struct Description {
    pub organisations: Vec<Organisation>,
    pub sources: IdMap<SourceId, Source>,
    pub units: IdMap<UnitId, Unit>,
    pub ties: Vec<Tie>,
    /// Ids of units and sources that are declared but could not be read (their errors are
    /// reported); references to them are not reported again.
    pub unreadable: FastSet<String>,
}
