//! The units within a few ties of a unit, whichever way the ties go.

use indexmap::IndexMap;

use crate::graph::{OrgGraph, UnitIx};
use crate::model::TieKind;

/// Every unit within `radius` ties of `unit`, walking only ties of the given kinds, each tie
/// either way round; with the number of ties that reach it. Breadth-first: `unit` first (at 0),
/// then by distance, then in the declaration order of the ties followed, each unit once.
///
/// `O(n + t)` for `n` units reached and `t` ties of the units expanded.
pub fn neighbourhood(
    graph: &OrgGraph,
    unit: UnitIx,
    radius: usize,
    kinds: &[TieKind],
) -> IndexMap<UnitIx, usize> {
    let mut reached = IndexMap::from([(unit, 0)]);
    let mut next = 0;
    while let Some((&at, &distance)) = reached.get_index(next) {
        next += 1;
        if distance == radius {
            continue;
        }
        for view in graph.ties_of(at) {
            if kinds.contains(&view.tie.kind.value) {
                reached.entry(view.other).or_insert(distance + 1);
            }
        }
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{graph, ids, ix};
    use crate::model::UnitKind::*;

    #[test]
    fn walks_chosen_ties_both_ways_up_to_the_radius() {
        let g = graph(
            &[
                ("top", Ministry),
                ("mid", Directorate),
                ("low", Bureau),
                ("side", Agency),
                ("far", Agency),
            ],
            &[
                ("mid", TieKind::Attachment, "top"),
                ("low", TieKind::Attachment, "mid"),
                ("mid", TieKind::Cooperation, "side"),
                ("far", TieKind::Cooperation, "side"),
            ],
        );
        let around = |radius, kinds: &[TieKind]| {
            let reached: Vec<UnitIx> = neighbourhood(&g, ix(&g, "mid"), radius, kinds)
                .into_keys()
                .collect();
            ids(&g, &reached)
        };
        assert_eq!(around(0, TieKind::ALL), ["mid"]);
        assert_eq!(around(1, TieKind::ALL), ["mid", "top", "side", "low"]);
        assert_eq!(
            around(2, TieKind::ALL),
            ["mid", "top", "side", "low", "far"]
        );
        assert_eq!(around(5, &[TieKind::Attachment]), ["mid", "top", "low"]);
        let distances = neighbourhood(&g, ix(&g, "mid"), 2, TieKind::ALL);
        assert_eq!(distances[&ix(&g, "far")], 2);
    }
}
