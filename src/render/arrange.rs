//! Layout hints that keep charts compact, after Graphviz's own `unflatten` tool: Graphviz puts
//! every child of a unit on one rank and every untied unit on the first rank, so a directorate
//! with a dozen posts, or an organisation with a dozen bodies, makes a chart far wider than
//! tall. Leaves are staggered over a few ranks instead, and untied units stacked in short
//! columns.

use std::collections::HashMap;

use super::Chart;
use crate::graph::{OrgGraph, TieIx, UnitIx};

/// Leaves are staggered over this many ranks.
const STAGGER: usize = 3;
/// A unit's leaves are staggered when it has at least this many.
const CROWD: usize = 6;
/// Untied units are stacked in columns of this many.
const STACK: usize = 4;

/// How to arrange a chart: the extra length of some ties, and the untied units to stack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Arrangement {
    /// Ties to a leaf of a crowded unit, with the number of ranks they span (2 or more).
    pub lengths: HashMap<TieIx, usize>,
    /// Columns of untied units of one organisation, each unit drawn under the previous one.
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
    // One group per organisation's frame, and one for the units outside every frame.
    let organisations = graph.organisations().len();
    let mut untied: Vec<Vec<UnitIx>> = vec![Vec::new(); organisations + 1];
    for &unit in &chart.units {
        let frame = match graph.belonging(unit) {
            crate::graph::Belonging::Described(o) => o.0 as usize,
            _ => organisations,
        };
        if !degree.contains_key(&unit)
            && let Some(group) = untied.get_mut(frame)
        {
            group.push(unit);
        }
    }
    let stacks = untied
        .iter()
        .flat_map(|group| group.chunks(STACK).map(<[UnitIx]>::to_vec))
        .filter(|stack| stack.len() > 1)
        .collect();
    Arrangement { lengths, stacks }
}
