//! Layout hints that keep charts compact. Graphviz puts every child of a unit on one rank and
//! every untied unit on the first rank, so a directorate with a dozen posts, or a ministry with
//! sixty agencies, makes a chart far wider than tall.
//!
//! Top down, the leaves of a unit (its children with no drawn child of their own) stack in
//! columns under it, as org-chart tools draw them: each column hangs from a spine, a line down
//! from the unit through one invisible point per row, and each leaf sits beside its point, tied
//! to it by a short level line. Left to right, where a unit's children already stack down the
//! page, and in charts with ties drawn over the hierarchy (which pull leaves out of columns and
//! across spines), leaves of a crowded unit are staggered over a few ranks instead, after
//! Graphviz's own `unflatten` tool. The unattached units of each frame are stacked in columns
//! either way. When every tie shapes the layout, the parts of a chart that nothing joins
//! (organisations, lone units) are put in rows rather than one long row.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Chart;
use crate::graph::{Belonging, OrgGraph, TieIx, UnitIx};
use crate::model::TieKind;

/// Left to right, leaves are staggered over this many ranks.
const STAGGER: usize = 3;
/// Left to right, a unit's leaves are staggered when it has at least this many.
const CROWD: usize = 6;
/// Top down, a unit's leaves (of one tie kind, in one frame) are stacked when it has at least
/// this many: two side by side take less room than a column.
const STACKED: usize = 3;
/// Top down, up to this many leaves of a unit stack in one column.
const TALLEST: usize = 5;
/// Unattached units are stacked in columns of at least this many.
const STACK: usize = 4;

/// How to arrange a chart: the extra length of some ties, the leaves to hang in columns, and
/// the untied units to stack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Arrangement {
    /// Ties to a leaf of a crowded unit, with the number of ranks they span (2 or more).
    pub lengths: HashMap<TieIx, usize>,
    /// Columns of leaves, each hung from a spine under its parent.
    pub columns: Vec<Column>,
    /// Columns of the unattached units of one frame ([`super::Framed::unattached`]), each unit
    /// drawn under the previous one.
    pub stacks: Vec<Vec<UnitIx>>,
    /// Invisible ties that put the parts of a chart that nothing joins (organisations, lone
    /// units) in rows rather than in one long row: from a unit at the bottom of a row to the
    /// top unit of each part of the next row ([`wrap`]).
    pub rows: Vec<(UnitIx, UnitIx)>,
}

/// Leaves of one unit stacked in a column under it, hung from a spine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Column {
    /// The unit the leaves answer to, at the top of the spine.
    pub parent: UnitIx,
    /// The kind of the ties to the leaves, which the spine is drawn as.
    pub kind: TieKind,
    /// The key of the frame that holds the leaves, and so the spine ([`super::Framed::key`]).
    pub frame: String,
    /// The ties to the leaves and the leaves, top to bottom.
    pub leaves: Vec<(TieIx, UnitIx)>,
}

/// How many columns `leaves` leaves stack in: one up to [`TALLEST`], then about the square root
/// of two thirds of them, so that a block of boxes about three times wider than tall comes out a
/// little wider than tall, which suits landscape pages and slides (6 leaves make two columns,
/// 12 three, 38 five).
// Counts of leaves are far below 2^52, exact as floats, and the root of one is smaller still.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn columns_for(leaves: usize) -> usize {
    if leaves <= TALLEST {
        return 1;
    }
    ((leaves as f64 / 1.5).sqrt().round() as usize).clamp(1, leaves)
}

/// The arrangement of a chart, `O(V + E)` of the chart.
///
/// A leaf is a unit with one drawn tie that shapes the layout; top down, that tie must be a
/// hierarchical one to its superior (its parent). The unit at its other end (the hub) has its
/// leaves stacked when top down it has [`STACKED`] of them of one kind in one frame, and
/// staggered when it has [`CROWD`] of them in a chart laid out left to right or with ties drawn
/// over the hierarchy: they lie 1, 2, 3, 1, 2… ranks away, in the order of its ties.
pub(super) fn arrange(graph: &OrgGraph, chart: &Chart) -> Arrangement {
    let constrains =
        |ix: TieIx| chart.view.is_left_to_right() || graph.tie(ix).kind.style().constrains;
    let mut degree: HashMap<UnitIx, usize> = HashMap::new();
    for &ix in &chart.ties {
        if !constrains(ix) {
            continue;
        }
        let (from, to) = chart.ends(graph, ix);
        *degree.entry(from).or_default() += 1;
        *degree.entry(to).or_default() += 1;
    }
    for bridge in &chart.bridges {
        *degree.entry(bridge.from).or_default() += 1;
        *degree.entry(bridge.to).or_default() += 1;
    }
    // Ties drawn over the hierarchy (the full view's cooperation) pull leaves out of their
    // columns and across the spines of others: such charts stagger their leaves.
    let every_tie_constrains = chart.ties.iter().all(|&ix| constrains(ix));
    let staggered = chart.is_left_to_right() || !every_tie_constrains;
    let is_leaf = |unit: UnitIx| degree.get(&unit) == Some(&1);
    // Each tie to a leaf, with the leaf and the unit at its other end (the hub).
    let leaf_ties: Vec<(TieIx, UnitIx, UnitIx)> = chart
        .ties
        .iter()
        .filter(|&&ix| constrains(ix))
        .filter_map(|&ix| {
            let (from, to) = chart.ends(graph, ix);
            let hierarchical = graph.tie(ix).kind.value.is_hierarchical();
            match (is_leaf(from), is_leaf(to)) {
                (true, false) if staggered || hierarchical => Some((ix, from, to)),
                (false, true) if staggered => Some((ix, to, from)),
                _ => None,
            }
        })
        .collect();
    let frames = chart.frames(graph);
    // Every unit of the chart is in one frame.
    let frame_of: HashMap<UnitIx, String> = frames
        .iter()
        .flat_map(|framed| {
            let key = framed.key();
            framed
                .attached
                .iter()
                .chain(&framed.unattached)
                .map(move |&(_, ix)| (ix, key.clone()))
        })
        .collect();
    let mut lengths = HashMap::new();
    let mut columns = Vec::new();
    if staggered {
        let mut leaves: HashMap<UnitIx, usize> = HashMap::new();
        for &(_, _, hub) in &leaf_ties {
            *leaves.entry(hub).or_default() += 1;
        }
        let mut seen: HashMap<UnitIx, usize> = HashMap::new();
        for (ix, _, hub) in leaf_ties {
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
    } else {
        // The leaves of each hub, by tie kind and frame, in the order of the hub's first tie.
        let mut groups: Vec<Column> = Vec::new();
        let mut group_of: HashMap<(UnitIx, TieKind, &str), usize> = HashMap::new();
        for (ix, leaf, hub) in leaf_ties {
            let Some(frame) = frame_of.get(&leaf) else {
                continue;
            };
            let kind = graph.tie(ix).kind.value;
            let at = *group_of.entry((hub, kind, frame)).or_insert_with(|| {
                groups.push(Column {
                    parent: hub,
                    kind,
                    frame: frame.clone(),
                    leaves: Vec::new(),
                });
                groups.len() - 1
            });
            if let Some(group) = groups.get_mut(at) {
                group.leaves.push((ix, leaf));
            }
        }
        for group in groups.into_iter().filter(|g| g.leaves.len() >= STACKED) {
            let count = columns_for(group.leaves.len());
            let tallest = group.leaves.len().div_ceil(count);
            columns.extend(group.leaves.chunks(tallest).map(|leaves| Column {
                leaves: leaves.to_vec(),
                ..group.clone()
            }));
        }
    }
    // The unattached units of each frame, in columns.
    let stacks: Vec<Vec<UnitIx>> = frames
        .iter()
        .flat_map(|framed| {
            stacks(&framed.unattached)
                .map(|column| column.iter().map(|&(_, ix)| ix).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .filter(|stack| stack.len() > 1)
        .collect();
    // Rows drawn under one another with ties across them (the full view's cooperation, drawn
    // over the hierarchy) make Graphviz 2.x's spline router fail: only charts whose every tie
    // shapes the layout are wrapped.
    let rows = if every_tie_constrains {
        wrap(graph, chart, &columns, &stacks, &constrains)
    } else {
        Vec::new()
    };
    Arrangement {
        lengths,
        columns,
        stacks,
        rows,
    }
}

/// The room between two boxes side by side, and between two ranks, in points (Graphviz's
/// `nodesep` and `ranksep`, with some slack).
const GAP: f64 = 20.;
/// The room a frame takes around its units, in points, its label included.
const FRAME: f64 = 40.;
/// How many breadths of rows [`wrap`] tries, from the broadest part's to all the parts'.
const TRIES: u32 = 40;
/// The page the parts of a chart are put in rows for: A4 landscape, less its margins, in
/// points.
const PAGE: (f64, f64) = (806., 559.);

/// A part of a chart that nothing joins to the rest, as [`wrap`] estimates it.
struct Part {
    /// Its unit on the first rank, where the part is tied from above.
    top: UnitIx,
    /// A unit on its last rank, from which the next row is tied.
    bottom: UnitIx,
    /// Its estimated extent across the ranks and along them, in points.
    breadth: f64,
    depth: f64,
}

/// The representative of `i`'s set in a union-find forest, halving the path to it on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while let Some(&p) = parent.get(i) {
        if p == i {
            break;
        }
        let grand = parent.get(p).copied().unwrap_or(p);
        if let Some(slot) = parent.get_mut(i) {
            *slot = grand;
        }
        i = grand;
    }
    i
}

/// The size of a unit's box in points, estimated from its label as Graphviz draws it (10 pt
/// Helvetica, about 5.5 pt a character, 12 pt a line, the node's margins), across and down.
// Label lengths are far below 2^52: exact as floats.
#[allow(clippy::cast_precision_loss)]
fn box_size(graph: &OrgGraph, chart: &Chart, unit: UnitIx) -> (f64, f64) {
    let look = super::look::Look::in_chart(graph, unit, chart);
    let lines = look.lines();
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    let (w, h) = (widest * 5.5 + 20., lines.len() as f64 * 12. + 12.);
    match look.shape {
        crate::model::Shape::Ellipse | crate::model::Shape::Hexagon => (w * 1.3, h * 1.3),
        _ => (w, h),
    }
}

/// The parts of a chart that nothing joins, put in rows so that the chart fits a landscape
/// page best, as invisible ties from the bottom of each row to the top of each part of the next.
///
/// A part is what the ties that shape the layout join, with the frame of each organisation and
/// the stacks of untied units; its size is estimated from its units' labels, ranked by those
/// ties (a leaf of a column one rank per row). The parts keep the chart's order; each row is
/// filled up to a breadth, the one of a few dozen tried that lets the chart be drawn largest on
/// the page. Nothing is returned when one row does best. `O(V + E)` of the chart, times the
/// breadths tried for the parts.
fn wrap(
    graph: &OrgGraph,
    chart: &Chart,
    columns: &[Column],
    stacks: &[Vec<UnitIx>],
    constrains: &dyn Fn(TieIx) -> bool,
) -> Vec<(UnitIx, UnitIx)> {
    let at: HashMap<UnitIx, usize> = chart
        .units
        .iter()
        .enumerate()
        .map(|(i, &u)| (u, i))
        .collect();
    let mut parent: Vec<usize> = (0..chart.units.len()).collect();
    let join = |parent: &mut Vec<usize>, a: UnitIx, b: UnitIx| {
        if let (Some(&a), Some(&b)) = (at.get(&a), at.get(&b)) {
            let (ra, rb) = (root(parent, a), root(parent, b));
            if let Some(slot) = parent.get_mut(ra.max(rb)) {
                *slot = ra.min(rb);
            }
        }
    };
    // Superiors over subordinates, by the ties that shape the layout.
    let mut below: HashMap<UnitIx, Vec<UnitIx>> = HashMap::new();
    let mut has_above: HashSet<UnitIx> = HashSet::new();
    for &ix in chart.ties.iter().filter(|&&ix| constrains(ix)) {
        let (from, to) = chart.ends(graph, ix);
        join(&mut parent, from, to);
        let (upper, lower) = if graph.tie(ix).kind.value.is_hierarchical() {
            (to, from)
        } else {
            (from, to)
        };
        if upper != lower {
            below.entry(upper).or_default().push(lower);
            has_above.insert(lower);
        }
    }
    let mut first_in_frame: HashMap<usize, UnitIx> = HashMap::new();
    for &unit in &chart.units {
        if let Belonging::Described(o) = graph.belonging(unit) {
            let first = *first_in_frame.entry(o.0 as usize).or_insert(unit);
            join(&mut parent, first, unit);
        }
    }
    for stack in stacks {
        for pair in stack.windows(2) {
            join(&mut parent, pair[0], pair[1]);
        }
        for (upper, lower) in stack.iter().zip(stack.iter().skip(1)) {
            below.entry(*upper).or_default().push(*lower);
            has_above.insert(*lower);
        }
    }
    // A leaf of a column lies one rank under the one above it.
    let mut extra: HashMap<UnitIx, usize> = HashMap::new();
    for column in columns {
        for (row, &(_, leaf)) in column.leaves.iter().enumerate() {
            extra.insert(leaf, row);
        }
    }
    // Each unit's rank.
    let rank = levels(&chart.units, &below, &has_above, |sub| {
        extra.get(&sub).copied().unwrap_or(0)
    });
    // The parts, in the order of their first unit, with each rank's breadth and depth (in the
    // order of the ranks, so that sums of floats come out the same every time).
    let across = chart.is_left_to_right();
    let mut order: Vec<usize> = Vec::new();
    let mut ranks: HashMap<usize, BTreeMap<usize, (f64, f64)>> = HashMap::new();
    let mut ends: HashMap<usize, (UnitIx, UnitIx, usize)> = HashMap::new();
    for (i, &unit) in chart.units.iter().enumerate() {
        let part = root(&mut parent, i);
        if !ranks.contains_key(&part) {
            order.push(part);
        }
        let (w, h) = box_size(graph, chart, unit);
        let (breadth, depth) = if across { (h, w) } else { (w, h) };
        let r = rank.get(&unit).copied().unwrap_or(0);
        let slot = ranks.entry(part).or_default().entry(r).or_insert((0., 0.));
        slot.0 += breadth + GAP;
        slot.1 = slot.1.max(depth);
        let end = ends.entry(part).or_insert((unit, unit, r));
        if r == 0 && rank.get(&end.0).copied().unwrap_or(0) != 0 {
            end.0 = unit;
        }
        if r > end.2 {
            end.1 = unit;
            end.2 = r;
        }
    }
    let parts: Vec<Part> = order
        .iter()
        .filter_map(|part| {
            let ranks = ranks.get(part)?;
            let &(top, bottom, _) = ends.get(part)?;
            let breadth = ranks.values().map(|r| r.0).fold(0., f64::max) + FRAME;
            let depth = ranks.values().map(|r| r.1 + GAP).sum::<f64>() + FRAME;
            Some(Part {
                top,
                bottom,
                breadth,
                depth,
            })
        })
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    // The rows parts fill up to `limit`, each a range of parts.
    let rows_for = |limit: f64| {
        let mut rows: Vec<std::ops::Range<usize>> = Vec::new();
        let mut start = 0;
        let mut filled = 0.;
        for (i, part) in parts.iter().enumerate() {
            if i > start && filled + part.breadth > limit {
                rows.push(start..i);
                start = i;
                filled = 0.;
            }
            filled += part.breadth;
        }
        rows.push(start..parts.len());
        rows
    };
    // The scale at which rows fit the page.
    let scale = |rows: &[std::ops::Range<usize>]| {
        let breadth = rows
            .iter()
            .map(|r| {
                parts
                    .get(r.clone())
                    .map_or(0., |p| p.iter().map(|p| p.breadth).sum())
            })
            .fold(0., f64::max);
        let depth: f64 = rows
            .iter()
            .map(|r| {
                parts
                    .get(r.clone())
                    .map_or(0., |p| p.iter().map(|p| p.depth).fold(0., f64::max))
            })
            .sum();
        let (width, height) = if across {
            (depth, breadth)
        } else {
            (breadth, depth)
        };
        (PAGE.0 / width).min(PAGE.1 / height)
    };
    let total: f64 = parts.iter().map(|p| p.breadth).sum();
    let widest = parts.iter().map(|p| p.breadth).fold(0., f64::max);
    let best = (0..=TRIES)
        .map(|i| widest + (total - widest) * f64::from(i) / f64::from(TRIES))
        .map(rows_for)
        .fold(
            None,
            |best: Option<Vec<std::ops::Range<usize>>>, rows| match best {
                Some(best) if scale(&best) >= scale(&rows) => Some(best),
                _ => Some(rows),
            },
        )
        .unwrap_or_default();
    // From the deepest part of each row to the top of every part of the next.
    let mut ties = Vec::new();
    for pair in best.windows(2) {
        let (Some(upper), Some(lower)) = (parts.get(pair[0].clone()), parts.get(pair[1].clone()))
        else {
            continue;
        };
        let Some(deepest) = upper.iter().max_by(|a, b| a.depth.total_cmp(&b.depth)) else {
            continue;
        };
        ties.extend(lower.iter().map(|part| (deepest.bottom, part.top)));
    }
    ties
}

/// Each unit's level under the tops (the units of `units` that are not `under` another): 0 for a
/// top, and for any other one more than the superior a breadth-first walk first reaches it from,
/// plus its `extra`. Units no top reaches have no level; a cycle ends the walk. `O(V + E)`.
pub(super) fn levels(
    units: &[UnitIx],
    below: &HashMap<UnitIx, Vec<UnitIx>>,
    under: &HashSet<UnitIx>,
    extra: impl Fn(UnitIx) -> usize,
) -> HashMap<UnitIx, usize> {
    let mut level: HashMap<UnitIx, usize> = HashMap::new();
    let mut queue: std::collections::VecDeque<UnitIx> = units
        .iter()
        .copied()
        .filter(|u| !under.contains(u))
        .collect();
    for &top in &queue {
        level.insert(top, 0);
    }
    while let Some(unit) = queue.pop_front() {
        let next = level.get(&unit).copied().unwrap_or(0) + 1;
        for &sub in below.get(&unit).into_iter().flatten() {
            if let std::collections::hash_map::Entry::Vacant(slot) = level.entry(sub) {
                slot.insert(next + extra(sub));
                queue.push_back(sub);
            }
        }
    }
    level
}

/// Unattached units in columns, each drawn under the previous one: [`STACK`] to a column, or
/// for many about the square root of their number, so that the block grows as wide as tall in
/// boxes (wider than tall, so that it spans fewer ranks than the hierarchy beside it): 4 units
/// make one column, 10 three, 35 six.
pub(super) fn stacks<T>(units: &[T]) -> std::slice::Chunks<'_, T> {
    units.chunks(STACK.max(units.len().isqrt() + 1))
}
