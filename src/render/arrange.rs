//! Layout hints that keep charts compact, after Graphviz's own `unflatten` tool: Graphviz puts
//! every child of a unit on one rank and every untied unit on the first rank, so a directorate
//! with a dozen posts, or an organisation with a dozen bodies, makes a chart far wider than
//! tall. Leaves are staggered over a few ranks instead, and unattached units stacked in short
//! columns.

use std::collections::HashMap;

use super::Chart;
use crate::graph::{OrgGraph, TieIx, UnitIx};

/// Leaves are staggered over this many ranks.
const STAGGER: usize = 3;
/// A unit's leaves are staggered when it has at least this many.
const CROWD: usize = 6;
/// Unattached units are stacked in columns of at least this many.
const STACK: usize = 4;

/// How to arrange a chart: the extra length of some ties, and the untied units to stack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Arrangement {
    /// Ties to a leaf of a crowded unit, with the number of ranks they span (2 or more).
    pub lengths: HashMap<TieIx, usize>,
    /// Columns of the unattached units of one frame ([`super::Framed::unattached`]), each unit
    /// drawn under the previous one.
    pub stacks: Vec<Vec<UnitIx>>,
}

/// The arrangement of a chart. A leaf is a unit with one drawn tie, which shapes the layout;
/// the unit at its other end is crowded when it has [`CROWD`] leaves or more, and then its
/// leaves lie 1, 2, 3, 1, 2… ranks away, in the order of its ties. `O(V + E)` of the chart.
pub(super) fn arrange(graph: &OrgGraph, chart: &Chart) -> Arrangement {
    let constrains =
        |ix: TieIx| chart.view.is_left_to_right() || graph.tie(ix).kind.style().constrains;
    let mut degree: HashMap<UnitIx, usize> = HashMap::new();
    for &ix in &chart.ties {
        let (from, to) = chart.ends(graph, ix);
        *degree.entry(from).or_default() += 1;
        *degree.entry(to).or_default() += 1;
    }
    for bridge in &chart.bridges {
        *degree.entry(bridge.from).or_default() += 1;
        *degree.entry(bridge.to).or_default() += 1;
    }
    let is_leaf = |unit: UnitIx| degree.get(&unit) == Some(&1);
    // Each tie to a leaf, with the unit at its other end (the hub).
    let leaf_ties: Vec<(TieIx, UnitIx)> = chart
        .ties
        .iter()
        .filter(|&&ix| constrains(ix))
        .filter_map(|&ix| {
            let (from, to) = chart.ends(graph, ix);
            match (is_leaf(from), is_leaf(to)) {
                (true, false) => Some((ix, to)),
                (false, true) => Some((ix, from)),
                _ => None,
            }
        })
        .collect();
    let mut leaves: HashMap<UnitIx, usize> = HashMap::new();
    for &(_, hub) in &leaf_ties {
        *leaves.entry(hub).or_default() += 1;
    }
    let mut seen: HashMap<UnitIx, usize> = HashMap::new();
    let mut lengths = HashMap::new();
    for (ix, hub) in leaf_ties {
        if leaves.get(&hub).copied().unwrap_or(0) < CROWD {
            continue;
        }
        let count = seen.entry(hub).or_default();
        let length = 1 + *count % STAGGER;
        *count += 1;
        if length > 1 {
            lengths.insert(ix, length);
        }
    }
    // The unattached units of each frame, in columns.
    let stacks = chart
        .frames(graph)
        .iter()
        .flat_map(|framed| {
            columns(&framed.unattached)
                .map(|column| column.iter().map(|&(_, ix)| ix).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .filter(|stack| stack.len() > 1)
        .collect();
    Arrangement { lengths, stacks }
}

/// Unattached units in columns, each drawn under the previous one: [`STACK`] to a column, or
/// for many about the square root of their number, so that the block grows as wide as tall in
/// boxes (wider than tall, so that it spans fewer ranks than the hierarchy beside it): 4 units
/// make one column, 10 three, 35 six.
pub(super) fn columns<T>(units: &[T]) -> std::slice::Chunks<'_, T> {
    units.chunks(STACK.max(units.len().isqrt() + 1))
}
