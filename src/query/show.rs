//! Everything about one unit: what it is, where it sits, and every tie in and out.

use crate::graph::{Manager, OrgGraph, OrganisationName, TieView, UnitIx};
use crate::model::Unit;

/// What `show` answers about a unit.
#[derive(Clone, Debug)]
pub struct UnitDetails<'g> {
    /// The unit asked about.
    pub index: UnitIx,
    /// Everything declared about it: names, kind, status, headcount, remit, source…
    pub unit: &'g Unit,
    /// The organisation it belongs to, from its line; `None` outside every organisation.
    pub organisation: Option<OrganisationName<'g>>,
    /// The posts heading it now (one, unless the description is wrong).
    pub heads: Vec<UnitIx>,
    /// For a post: the units it heads now.
    pub heads_of: Vec<UnitIx>,
    /// For a post: the post it answers to in the line of posts, and why.
    pub manager: Option<Manager>,
    /// Hierarchical ties out of the unit: who it is attached to, under whose authority.
    pub parents: Vec<TieView<'g>>,
    /// Hierarchical ties into the unit: who is attached to it.
    pub children: Vec<TieView<'g>>,
    /// Every other tie, out then in.
    pub ties: Vec<TieView<'g>>,
}

/// Gathers a unit's details. Linear in the number of the unit's ties.
pub fn show(graph: &OrgGraph, index: UnitIx) -> UnitDetails<'_> {
    let (hierarchical, ties): (Vec<_>, Vec<_>) = graph
        .ties_of(index)
        .into_iter()
        .partition(|t| t.tie.kind.is_hierarchical());
    let (parents, children) = hierarchical.into_iter().partition(|t| t.outgoing);
    UnitDetails {
        index,
        unit: graph.unit(index),
        organisation: graph.organisation_name(index),
        heads: graph.heads().of(index),
        heads_of: graph.heads().headed_by(index),
        manager: graph.heads().manager(index),
        parents,
        children,
        ties,
    }
}
