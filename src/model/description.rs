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
    /// What is declared but could not be read, its errors reported.
    pub unreadable: Unreadable,
}

/// What a description declares but could not be read (its errors are reported): references to
/// these ids are not reported again, and the rules do not report what the unread ties would have
/// said (an orphan, an isolated unit): one fault, one message.
#[derive(Clone, Debug, Default)]
pub struct Unreadable {
    /// Ids of units and sources.
    pub ids: FastSet<String>,
    /// The ties, as far as their ends can be made out.
    pub ties: Vec<UnreadTie>,
}

/// A tie that could not be read, as far as its ends can be made out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnreadTie {
    /// Its `from` end, when it is a text.
    pub from: Option<String>,
    /// Its `to` end, when it is a text.
    pub to: Option<String>,
    /// Whether it may be hierarchical: its kind is hierarchical, or cannot be made out.
    pub hierarchical: bool,
}
