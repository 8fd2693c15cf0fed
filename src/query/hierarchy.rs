//! The hierarchy seen one tie at a time: the links of a chain of command, and the walks up and
//! down them that the reporting-line queries share.
//!
//! Every walk here reads only the ties of the units it reaches, never the whole graph, and keeps
//! its visited set in a hash map sized by what it reaches, so walking a unit's ancestry costs the
//! size of that ancestry, not of the description.

use std::collections::{HashSet, VecDeque};

use indexmap::IndexMap;
use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{Boundary, Tie, TieKind};

/// One hierarchical tie (attachment, line authority or joint attachment): `from` sits under
/// `to`. The tie itself gives its kind, dates, note and source.
#[derive(Clone, Copy, Debug)]
pub struct Link<'g> {
    pub index: TieIx,
    pub tie: &'g Tie,
    /// The subordinate end.
    pub from: UnitIx,
    /// The superior end.
    pub to: UnitIx,
}

impl Link<'_> {
    /// The kind of the tie: attachment, line authority or joint attachment.
    pub fn kind(&self) -> TieKind {
        self.tie.kind.value
    }
}

/// The hierarchical ties of a unit in one direction, in declaration order. Linear in the unit's
/// ties in that direction.
fn links(graph: &OrgGraph, unit: UnitIx, direction: Direction) -> Vec<Link<'_>> {
    let mut links: Vec<Link<'_>> = graph
        .petgraph()
        .edges_directed(unit, direction)
        .filter(|e| e.weight().kind.is_hierarchical())
        .map(|e| Link {
            index: e.id(),
            tie: graph.tie(e.id()),
            from: e.source(),
            to: e.target(),
        })
        .collect();
    // petgraph lists a node's edges newest first: the sort only reverses a descending run.
    links.sort_by_key(|l| l.index);
    links
}

/// The ties placing `unit` under its superiors, in declaration order.
pub(crate) fn up(graph: &OrgGraph, unit: UnitIx) -> Vec<Link<'_>> {
    links(graph, unit, Direction::Outgoing)
}

/// The ties placing units under `unit`, in declaration order.
pub(crate) fn down(graph: &OrgGraph, unit: UnitIx) -> Vec<Link<'_>> {
    links(graph, unit, Direction::Incoming)
}

/// The distinct units and posts placed directly under `unit` by any hierarchical tie, the unit
/// itself left out even when bad data ties it to itself: its direct reports, whose number is its
/// span of control. `O(d log d)` for `d` ties into the unit.
pub(crate) fn direct_reports(graph: &OrgGraph, unit: UnitIx) -> Vec<UnitIx> {
    let mut reports: Vec<UnitIx> = down(graph, unit)
        .into_iter()
        .map(|l| l.from)
        .filter(|&u| u != unit)
        .collect();
    reports.sort_unstable();
    reports.dedup();
    reports
}

/// Whether any unit is placed under `unit`, without collecting them.
pub(crate) fn has_subordinates(graph: &OrgGraph, unit: UnitIx) -> bool {
    graph
        .petgraph()
        .edges_directed(unit, Direction::Incoming)
        .any(|e| e.weight().kind.is_hierarchical())
}

/// The boundary a unit declares, if the unit exists.
pub(crate) fn boundary(graph: &OrgGraph, unit: UnitIx) -> Option<Boundary> {
    graph.get_unit(unit).and_then(|u| u.boundary)
}

/// How a unit was reached by [`climb`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reached<'g> {
    /// Steps up from the start.
    pub distance: usize,
    /// The tie it was first reached by (its `to` is the unit); `None` for the start.
    pub via: Option<Link<'g>>,
}

/// The start and every unit above it, breadth-first: by distance, then in declaration order of
/// the ties followed. Each unit once, so cycles end. `O(size of the ancestry)`.
pub(crate) fn climb(graph: &OrgGraph, start: UnitIx) -> IndexMap<UnitIx, Reached<'_>> {
    let mut reached = IndexMap::new();
    reached.insert(
        start,
        Reached {
            distance: 0,
            via: None,
        },
    );
    let mut next = 0;
    while let Some((&unit, &Reached { distance, .. })) = reached.get_index(next) {
        next += 1;
        for link in up(graph, unit) {
            reached.entry(link.to).or_insert(Reached {
                distance: distance + 1,
                via: Some(link),
            });
        }
    }
    reached
}

/// The ties from the start of a [`climb`] up to `unit`, lowest first; empty for the start.
pub(crate) fn route_to<'g>(reached: &IndexMap<UnitIx, Reached<'g>>, unit: UnitIx) -> Vec<Link<'g>> {
    let mut route = Vec::new();
    let mut at = unit;
    // Each `via` leads to a unit reached strictly earlier, so this ends within the map's size.
    while let Some(link) = reached.get(&at).and_then(|r| r.via) {
        route.push(link);
        at = link.from;
        if route.len() > reached.len() {
            break;
        }
    }
    route.reverse();
    route
}

/// Every unit under `root`, each once, breadth-first in declaration order; `root` itself is left
/// out even when bad data places it under itself. `O(size of the subtree)`.
pub(crate) fn descendants(graph: &OrgGraph, root: UnitIx) -> Vec<UnitIx> {
    let mut seen = HashSet::from([root]);
    let mut order = Vec::new();
    let mut queue = VecDeque::from([root]);
    while let Some(unit) = queue.pop_front() {
        for link in down(graph, unit) {
            if seen.insert(link.from) {
                order.push(link.from);
                queue.push_back(link.from);
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitKind::*;
    use crate::query::testing::{graph, ids, ix};

    #[test]
    fn climb_is_breadth_first_and_routes_are_shortest() {
        let g = graph(
            &[("top", Ministry), ("mid", Directorate), ("low", Bureau)],
            &[
                ("low", TieKind::Attachment, "mid"),
                ("mid", TieKind::Attachment, "top"),
                ("low", TieKind::LineAuthority, "top"),
            ],
        );
        let reached = climb(&g, ix(&g, "low"));
        let order: Vec<UnitIx> = reached.keys().copied().collect();
        assert_eq!(ids(&g, &order), ["low", "mid", "top"]);
        let route = route_to(&reached, ix(&g, "top"));
        assert_eq!(route.len(), 1);
        assert_eq!(route[0].kind(), TieKind::LineAuthority);
    }

    #[test]
    fn descendants_leave_out_the_root_of_a_cycle() {
        let g = graph(
            &[("a", Directorate), ("b", Directorate)],
            &[
                ("b", TieKind::Attachment, "a"),
                ("a", TieKind::Attachment, "b"),
            ],
        );
        assert_eq!(ids(&g, &descendants(&g, ix(&g, "a"))), ["b"]);
    }
}
