//! A whole description: every file's organisations, sources, units and ties, merged.

use super::id::{FastSet, IdMap};
use super::{Organisation, Source, SourceId, Tie, Unit, UnitId};

/// Every fact of a description, in declaration order, before references are resolved into a
/// graph. Proposals change a description; a graph is built from the result.
#[derive(Clone, Debug, Default)]
pub struct Description {
    /// The organisations, one a file, in the order read.
    pub organisations: Vec<Organisation>,
    /// The sources facts are cited from, by id.
    pub sources: IdMap<SourceId, Source>,
    /// Every unit and post, by id, in declaration order.
    pub units: IdMap<UnitId, Unit>,
    /// Every tie, in declaration order, whether its ends exist or not.
    pub ties: Vec<Tie>,
    /// Ids of units and sources that are declared but could not be read (their errors are
    /// reported); references to them are not reported again.
    pub unreadable: FastSet<String>,
}
