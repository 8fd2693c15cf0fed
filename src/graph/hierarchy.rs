//! The hierarchy: the graph seen through its hierarchical ties (attachment, line authority, joint
//! attachment) only, and the walks up and down it that queries, checks and charts share.
//!
//! Which edges belong to the hierarchy is decided in one place, [`Hierarchy::holds`], through
//! which every walk and the petgraph view go: a narrower hierarchy (the ties that hold at a date)
//! is one more condition there, not a second set of walks.
//!
//! Every walk reads only the ties of the units it reaches, never the whole graph, and keeps its
//! visited set in a map sized by what it reaches, so walking a unit's ancestry costs the size of
//! that ancestry, not of the description.

use std::collections::VecDeque;

use indexmap::IndexMap;
use petgraph::Direction;
use petgraph::graph::EdgeReference;
use petgraph::visit::{EdgeFiltered, EdgeRef};

use super::{Edge, OrgGraph, Petgraph, TieIx, UnitIx};
use crate::model::{FastSet, Tie, TieKind};

/// One hierarchical tie: `from` sits under `to`. The tie itself gives its kind, dates, note and
/// source.
#[derive(Clone, Copy, Debug)]
pub struct Link<'g> {
    /// The tie's edge in the graph.
    pub index: TieIx,
    /// The tie as declared.
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

/// The graph seen through its hierarchical ties only (attachment, line authority, joint
/// attachment), and the walks up and down it that queries, checks and charts share. One test
/// decides which edges belong, so that every walk sees the same hierarchy.
#[derive(Clone, Copy, Debug)]
pub struct Hierarchy<'g> {
    graph: &'g OrgGraph,
}

/// How a unit was reached by [`Hierarchy::climb`].
#[derive(Clone, Copy, Debug)]
pub struct Reached<'g> {
    /// Steps up from the start.
    pub distance: usize,
    /// The tie it was first reached by (its `to` is the unit); `None` for the start.
    pub via: Option<Link<'g>>,
}

/// The start of a [`Hierarchy::climb`] and every unit above it, breadth-first, each with how it
/// was reached.
pub type Climb<'g> = IndexMap<UnitIx, Reached<'g>>;

impl OrgGraph {
    /// The hierarchy of this graph.
    pub fn hierarchy(&self) -> Hierarchy<'_> {
        Hierarchy { graph: self }
    }
}

impl<'g> Hierarchy<'g> {
    /// Whether an edge belongs to the hierarchy: the one test every walk makes.
    fn holds(edge: Edge) -> bool {
        edge.kind.is_hierarchical()
    }

    /// The hierarchy as a petgraph view of the graph, for petgraph's algorithms.
    pub fn view(self) -> EdgeFiltered<&'g Petgraph, impl Fn(EdgeReference<'g, Edge, u32>) -> bool> {
        EdgeFiltered::from_fn(self.graph.petgraph(), |e| Self::holds(*e.weight()))
    }

    /// The hierarchical edges of a unit in one direction, in no particular order.
    fn edges(
        self,
        unit: UnitIx,
        direction: Direction,
    ) -> impl Iterator<Item = EdgeReference<'g, Edge, u32>> {
        self.graph
            .petgraph()
            .edges_directed(unit, direction)
            .filter(|e| Self::holds(*e.weight()))
    }

    /// The hierarchical ties of a unit in one direction, in declaration order. Linear in the
    /// unit's ties in that direction.
    fn links(self, unit: UnitIx, direction: Direction) -> Vec<Link<'g>> {
        let mut links: Vec<Link<'g>> = self
            .edges(unit, direction)
            .map(|e| Link {
                index: e.id(),
                tie: self.graph.tie(e.id()),
                from: e.source(),
                to: e.target(),
            })
            .collect();
        // petgraph lists a node's edges newest first: the sort only reverses a descending run.
        links.sort_by_key(|l| l.index);
        links
    }

    /// The superior `unit` is placed under by its first-declared hierarchical tie of a kind
    /// `wanted` accepts, itself left out. Allocates nothing: for walks that visit every unit.
    pub fn first_up(self, unit: UnitIx, wanted: impl Fn(TieKind) -> bool) -> Option<UnitIx> {
        self.edges(unit, Direction::Outgoing)
            .filter(|e| e.target() != unit && wanted(e.weight().kind))
            .min_by_key(EdgeRef::id)
            .map(|e| e.target())
    }

    /// The superior a unit's line goes to, as a table or an organisation reads it: its first
    /// attachment, joint attachment or head in declaration order, else its first line authority;
    /// never itself (a tie to oneself places it nowhere). Allocates nothing.
    pub fn parent(self, unit: UnitIx) -> Option<UnitIx> {
        self.parent_among(unit, |_| true)
    }

    /// [`Hierarchy::parent`] among the ties that `holds` accepts: with the ties in force on a
    /// day, the unit's parent on that day, on a graph of every date. Allocates nothing.
    pub fn parent_among(self, unit: UnitIx, holds: impl Fn(&Tie) -> bool) -> Option<UnitIx> {
        self.parent_tie_among(unit, holds).map(|(parent, _)| parent)
    }

    /// [`Hierarchy::parent_among`] with the tie that places the unit under that parent: for a
    /// table that says which kind of tie its parent column stands for. Allocates nothing.
    pub fn parent_tie_among(
        self,
        unit: UnitIx,
        holds: impl Fn(&Tie) -> bool,
    ) -> Option<(UnitIx, TieIx)> {
        let up = |wanted: fn(TieKind) -> bool| {
            self.edges(unit, Direction::Outgoing)
                .filter(|e| {
                    e.target() != unit && wanted(e.weight().kind) && holds(self.graph.tie(e.id()))
                })
                .min_by_key(EdgeRef::id)
                .map(|e| (e.target(), e.id()))
        };
        up(TieKind::is_structural).or_else(|| up(|_| true))
    }

    /// The ties placing `unit` under its superiors, in declaration order.
    pub fn up(self, unit: UnitIx) -> Vec<Link<'g>> {
        self.links(unit, Direction::Outgoing)
    }

    /// The ties placing units under `unit`, in declaration order.
    pub fn down(self, unit: UnitIx) -> Vec<Link<'g>> {
        self.links(unit, Direction::Incoming)
    }

    /// The units directly above `unit`, in no particular order, repeated when tied twice; the
    /// unit itself when bad data ties it to itself. The cheapest walk up, for rules that only
    /// count.
    pub fn superiors(self, unit: UnitIx) -> impl Iterator<Item = UnitIx> + 'g {
        self.edges(unit, Direction::Outgoing).map(|e| e.target())
    }

    /// The units directly below `unit`, as [`Hierarchy::superiors`] gives those above.
    pub fn inferiors(self, unit: UnitIx) -> impl Iterator<Item = UnitIx> + 'g {
        self.edges(unit, Direction::Incoming).map(|e| e.source())
    }

    /// Whether `unit` has a superior other than itself.
    pub fn has_superior(self, unit: UnitIx) -> bool {
        self.superiors(unit).any(|up| up != unit)
    }

    /// Whether any unit is placed under `unit`, without collecting them.
    pub fn has_subordinates(self, unit: UnitIx) -> bool {
        self.inferiors(unit).next().is_some()
    }

    /// The distinct units and posts placed directly under `unit`, the unit itself left out even
    /// when bad data ties it to itself: its direct reports, whose number is its span of control.
    /// `O(d log d)` for `d` ties into the unit.
    pub fn direct_reports(self, unit: UnitIx) -> Vec<UnitIx> {
        let mut reports: Vec<UnitIx> = self.inferiors(unit).filter(|&u| u != unit).collect();
        reports.sort_unstable();
        reports.dedup();
        reports
    }

    /// The start and every unit above it, breadth-first: by distance, then in declaration order
    /// of the ties followed. Each unit once, so cycles end. `O(size of the ancestry)`.
    pub fn climb(self, start: UnitIx) -> Climb<'g> {
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
            for link in self.up(unit) {
                reached.entry(link.to).or_insert(Reached {
                    distance: distance + 1,
                    via: Some(link),
                });
            }
        }
        reached
    }

    /// The ways up from `start` to its nearest superiors that `passed` does not pass through: up
    /// every tie `follows` accepts, through the superiors `passed` accepts (units a chart or a
    /// tree hides), to the first unit it does not. Each way is its ties, lowest first; the last
    /// one's `to` is where it ends. One way per unit reached, the first met depth-first in
    /// declaration order, and each passed unit is gone through once, so two lines that meet
    /// above a hidden unit give one way and cycles end. A direct superior is a way of one tie.
    ///
    /// `O(p + t)` for `p` passed units above `start` and `t` ties out of them and of `start`.
    pub fn nearest_up(
        self,
        start: UnitIx,
        passed: impl Fn(UnitIx) -> bool,
        follows: impl Fn(&Link<'g>) -> bool,
    ) -> Vec<Vec<Link<'g>>> {
        let mut seen = FastSet::from_iter([start]);
        let mut ways: Vec<Vec<Link<'g>>> = Vec::new();
        // Each entry: the ties climbed so far and the ties still to try from their top.
        let mut stack: Vec<(Vec<Link<'g>>, std::vec::IntoIter<Link<'g>>)> =
            vec![(Vec::new(), self.up(start).into_iter())];
        while let Some((route, next)) = stack.last_mut() {
            let Some(link) = next.next() else {
                stack.pop();
                continue;
            };
            if !follows(&link) || !seen.insert(link.to) {
                continue;
            }
            let mut way = route.clone();
            way.push(link);
            if passed(link.to) {
                let above = self.up(link.to).into_iter();
                stack.push((way, above));
            } else {
                ways.push(way);
            }
        }
        ways
    }

    /// Every unit under `root`, each once, breadth-first in declaration order; `root` itself is
    /// left out even when bad data places it under itself. `O(size of the subtree)`.
    pub fn descendants(self, root: UnitIx) -> Vec<UnitIx> {
        let mut seen = FastSet::from_iter([root]);
        let mut order = Vec::new();
        let mut queue = VecDeque::from([root]);
        while let Some(unit) = queue.pop_front() {
            for link in self.down(unit) {
                if seen.insert(link.from) {
                    order.push(link.from);
                    queue.push_back(link.from);
                }
            }
        }
        order
    }
}

/// The ties from the start of a [`Hierarchy::climb`] up to `unit`, lowest first; empty for the
/// start.
pub fn route_to<'g>(reached: &Climb<'g>, unit: UnitIx) -> Vec<Link<'g>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{graph, ids, ix};
    use crate::model::UnitKind::*;

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
        let reached = g.hierarchy().climb(ix(&g, "low"));
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
        assert_eq!(ids(&g, &g.hierarchy().descendants(ix(&g, "a"))), ["b"]);
    }

    #[test]
    fn nearest_up_goes_through_passed_units_to_the_first_other_one() {
        let g = graph(
            &[
                ("top", Ministry),
                ("left", Directorate),
                ("right", Directorate),
                ("post", Post),
                ("low", Bureau),
            ],
            &[
                ("left", TieKind::Attachment, "top"),
                ("right", TieKind::Attachment, "top"),
                ("post", TieKind::Head, "left"),
                ("low", TieKind::Attachment, "post"),
                ("low", TieKind::JointAttachment, "right"),
                ("post", TieKind::LineAuthority, "post"),
            ],
        );
        let hidden = |u: UnitIx| u == ix(&g, "post") || u == ix(&g, "right");
        let ends = |ways: Vec<Vec<Link<'_>>>| -> Vec<Vec<UnitIx>> {
            ways.iter()
                .map(|way| way.iter().map(|l| l.to).collect())
                .collect()
        };
        let ways = g.hierarchy().nearest_up(ix(&g, "low"), hidden, |_| true);
        let ways = ends(ways);
        assert_eq!(ways.len(), 2, "one way up each line: {ways:?}");
        assert_eq!(ids(&g, &ways[0]), ["post", "left"]);
        assert_eq!(ids(&g, &ways[1]), ["right", "top"]);
        // Ties it does not follow end nothing: the head tie is not climbed.
        let ways = g
            .hierarchy()
            .nearest_up(ix(&g, "low"), hidden, |l| l.kind() != TieKind::Head);
        assert_eq!(
            ends(ways).iter().map(|w| ids(&g, w)).collect::<Vec<_>>(),
            [["right", "top"]]
        );
        // A unit under a shown superior has a way of one tie.
        let ways = g.hierarchy().nearest_up(ix(&g, "left"), hidden, |_| true);
        assert_eq!(
            ends(ways).iter().map(|w| ids(&g, w)).collect::<Vec<_>>(),
            [["top"]]
        );
    }
}
