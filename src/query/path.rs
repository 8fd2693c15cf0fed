//! The shortest connections between two units, over any ties.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{Tie, TieKind};

/// Which connections to look for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathOptions {
    /// Walk only ties of these kinds; `None` walks every tie. An empty list walks none.
    pub via: Option<Vec<TieKind>>,
    /// List several shortest connections, not just the first.
    pub all: bool,
    /// With `all`, the most connections listed (at least one).
    pub max: usize,
}

impl Default for PathOptions {
    fn default() -> PathOptions {
        PathOptions {
            via: None,
            all: false,
            max: 10,
        }
    }
}

/// One tie of a connection, walked from `from` to `to`.
#[derive(Clone, Copy, Debug)]
pub struct Hop<'g> {
    /// The tie's index in the graph, for [`OrgGraph::tie`] and [`OrgGraph::ends`].
    pub index: TieIx,
    /// The tie: its kind, dates, note and source.
    pub tie: &'g Tie,
    /// The unit the hop leaves.
    pub from: UnitIx,
    /// The unit the hop reaches.
    pub to: UnitIx,
    /// Whether the hop walks the tie as declared (`from` is the tie's `from`); `false` when it
    /// walks it backwards. Either way round reads the same for a symmetric kind (cooperation).
    pub forward: bool,
}

impl Hop<'_> {
    /// The kind of the tie walked: attachment, cooperation, steering…
    pub fn kind(&self) -> TieKind {
        self.tie.kind.value
    }
}

/// A connection between two units: hops, each starting where the previous one ended.
#[derive(Clone, Debug, Default)]
pub struct Path<'g> {
    /// The ties walked, in order: the first leaves the unit the connection starts from, the last
    /// reaches the other.
    pub hops: Vec<Hop<'g>>,
}

impl Path<'_> {
    /// The number of ties walked.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// Whether the connection joins a unit to itself.
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// The shortest connections from `a` to `b` over the ties of the kinds chosen, each tie walkable
/// either way, whatever its kind and direction: a connection is a connection, and each hop says
/// which way it walks its tie.
///
/// Returns the first shortest connection, or with `options.all` up to `options.max` of them,
/// ordered by the declaration order of their ties from `a` onwards (a connection whose first
/// hop's tie was declared earlier comes first, and so on hop by hop). No connection is an empty
/// list, not an error; `a == b` is one connection of no hop.
///
/// Bidirectional breadth-first: the search from `a` and the one from `b` each grow a level at a
/// time, the one with the smaller frontier first, until they meet, so that two units far apart,
/// each at the bottom of its organisation, meet halfway rather than after a search of all the
/// units nearer `a` than `b` is. Then `O(k · l)` ties are read to list `k` connections of length
/// `l`.
pub fn path<'g>(graph: &'g OrgGraph, a: UnitIx, b: UnitIx, options: &PathOptions) -> Vec<Path<'g>> {
    let units = graph.unit_count();
    if a.index() >= units || b.index() >= units {
        return Vec::new();
    }
    if a == b {
        return vec![Path::default()];
    }
    let walks = |kind: TieKind| options.via.as_ref().is_none_or(|via| via.contains(&kind));
    let around = |unit: UnitIx| hops(graph, unit, &walks);
    let Some((level, to_b)) = shortest_levels(units, a, b, &around) else {
        return Vec::new();
    };

    // Depth-first from `a` along those units only: every branch reaches `b`.
    let limit = if options.all { options.max.max(1) } else { 1 };
    let forward = |unit: UnitIx, d: usize| -> Vec<Hop<'g>> {
        around(unit)
            .into_iter()
            .filter(|h| level[h.to.index()] == d + 1)
            .collect()
    };
    let mut found = Vec::new();
    let mut current: Vec<Hop<'g>> = Vec::with_capacity(to_b);
    let mut stack: Vec<(Vec<Hop<'g>>, usize)> = vec![(forward(a, 0), 0)];
    while let Some((choices, next)) = stack.last_mut() {
        let Some(&hop) = choices.get(*next) else {
            stack.pop();
            current.pop();
            continue;
        };
        *next += 1;
        current.push(hop);
        if hop.to == b {
            found.push(Path {
                hops: current.clone(),
            });
            if found.len() >= limit {
                break;
            }
            current.pop();
        } else {
            stack.push((forward(hop.to, current.len()), 0));
        }
    }
    found
}

/// No distance: a unit the search has not reached, or that is on no shortest connection.
const FAR: usize = usize::MAX;

/// The units on a shortest connection from `a` to `b`, each with its distance from `a` ([`FAR`]
/// for every other unit), and the distance from `a` to `b`; `None` when nothing connects them.
///
/// The two searches know true distances within their levels. When the one growing finds units
/// the other has reached, those units (the meeting) are on every shortest connection's way, one
/// per connection, and all at the other's last level: a unit the other had reached earlier
/// would have been met a level before. The units on a shortest connection are then those found
/// walking back from the meeting to `a` along the distances from `a`, and to `b` along those
/// from `b`.
fn shortest_levels<'g>(
    units: usize,
    a: UnitIx,
    b: UnitIx,
    around: &dyn Fn(UnitIx) -> Vec<Hop<'g>>,
) -> Option<(Vec<usize>, usize)> {
    let mut from_a = vec![FAR; units];
    let mut from_b = vec![FAR; units];
    from_a[a.index()] = 0;
    from_b[b.index()] = 0;
    let (mut frontier_a, mut frontier_b) = (vec![a], vec![b]);
    let (mut depth_a, mut depth_b) = (0, 0);
    let meeting = loop {
        if frontier_a.is_empty() || frontier_b.is_empty() {
            return None;
        }
        let (frontier, mine, theirs, depth) = if frontier_a.len() <= frontier_b.len() {
            (&mut frontier_a, &mut from_a, &from_b, &mut depth_a)
        } else {
            (&mut frontier_b, &mut from_b, &from_a, &mut depth_b)
        };
        *depth += 1;
        let mut next = Vec::new();
        let mut met = Vec::new();
        for &unit in frontier.iter() {
            for hop in around(unit) {
                let slot = &mut mine[hop.to.index()];
                if *slot == FAR {
                    *slot = *depth;
                    next.push(hop.to);
                    if theirs[hop.to.index()] != FAR {
                        met.push(hop.to);
                    }
                }
            }
        }
        *frontier = next;
        if !met.is_empty() {
            break met;
        }
    };
    let to_b = depth_a + depth_b;

    let mut level = vec![FAR; units];
    for &unit in &meeting {
        level[unit.index()] = from_a[unit.index()];
    }
    // Back to `a`, then back to `b`: each unit one step nearer its end than one on the way.
    for (distances, towards_a) in [(&from_a, true), (&from_b, false)] {
        let mut queue: VecDeque<UnitIx> = meeting.iter().copied().collect();
        while let Some(unit) = queue.pop_front() {
            let d = distances[unit.index()];
            if d == 0 {
                continue;
            }
            for hop in around(unit) {
                let before = hop.to.index();
                if distances[before] == d - 1 && level[before] == FAR {
                    level[before] = if towards_a { d - 1 } else { to_b - (d - 1) };
                    queue.push_back(hop.to);
                }
            }
        }
    }
    Some((level, to_b))
}

/// The hops out of `unit` over the ties `walks` allows, in declaration order of the ties; a tie
/// from a unit to itself leads nowhere and is left out.
fn hops<'g>(graph: &'g OrgGraph, unit: UnitIx, walks: &dyn Fn(TieKind) -> bool) -> Vec<Hop<'g>> {
    let g = graph.petgraph();
    let out = g.edges_directed(unit, Direction::Outgoing).map(|e| Hop {
        index: e.id(),
        tie: graph.tie(e.id()),
        from: unit,
        to: e.target(),
        forward: true,
    });
    let incoming = g.edges_directed(unit, Direction::Incoming).map(|e| Hop {
        index: e.id(),
        tie: graph.tie(e.id()),
        from: unit,
        to: e.source(),
        forward: false,
    });
    let mut hops: Vec<Hop<'g>> = out
        .chain(incoming)
        .filter(|h| h.to != unit && walks(h.tie.kind.value))
        .collect();
    hops.sort_by_key(|h| h.index);
    hops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{deep_chain, graph, id, ix};
    use crate::model::TieKind::{Attachment, Cooperation, FunctionalReporting, Membership};
    use crate::model::UnitKind;
    use crate::model::UnitKind::*;

    /// Each connection as "a -kind-> b <-kind- c".
    fn connections(g: &OrgGraph, a: &str, b: &str, options: &PathOptions) -> Vec<String> {
        path(g, ix(g, a), ix(g, b), options)
            .iter()
            .map(|p| {
                let mut text = a.to_owned();
                for hop in &p.hops {
                    let arrow = if hop.forward {
                        format!(" -{}-> ", hop.kind())
                    } else {
                        format!(" <-{}- ", hop.kind())
                    };
                    text.push_str(&arrow);
                    text.push_str(id(g, hop.to));
                }
                text
            })
            .collect()
    }

    fn all(max: usize) -> PathOptions {
        PathOptions {
            via: None,
            all: true,
            max,
        }
    }

    fn sample() -> OrgGraph {
        graph(
            &[
                ("justice", Ministry),
                ("dsj", Directorate),
                ("dinum", InterministerialDirectorate),
                ("board", Board),
                ("lab", Team),
            ],
            &[
                ("dsj", Attachment, "justice"),
                ("dsj", Cooperation, "dinum"),
                ("dinum", Membership, "board"),
                ("lab", FunctionalReporting, "dinum"),
            ],
        )
    }

    #[test]
    fn ties_are_walked_either_way_and_say_which() {
        let g = sample();
        assert_eq!(
            connections(&g, "justice", "board", &PathOptions::default()),
            ["justice <-attachment- dsj -cooperation-> dinum -membership-> board"]
        );
        assert_eq!(
            connections(&g, "dinum", "dsj", &PathOptions::default()),
            ["dinum <-cooperation- dsj"]
        );
    }

    #[test]
    fn a_via_filter_can_leave_no_connection() {
        let g = sample();
        let cooperation = PathOptions {
            via: Some(vec![Cooperation, Membership]),
            ..PathOptions::default()
        };
        assert_eq!(
            connections(&g, "dsj", "board", &cooperation),
            ["dsj -cooperation-> dinum -membership-> board"]
        );
        assert!(connections(&g, "justice", "board", &cooperation).is_empty());
        let nothing = PathOptions {
            via: Some(vec![]),
            ..PathOptions::default()
        };
        assert!(connections(&g, "dsj", "dinum", &nothing).is_empty());
        assert_eq!(connections(&g, "dsj", "dsj", &nothing), ["dsj"]);
    }

    #[test]
    fn disconnected_parts_have_no_connection() {
        let (mut units, mut ties) = deep_chain("x", 3);
        let (more_units, more_ties) = deep_chain("y", 3);
        units.extend(more_units);
        ties.extend(more_ties);
        let g = graph(&units, &ties);
        assert!(path(&g, ix(&g, "x-2"), ix(&g, "y-2"), &all(10)).is_empty());
        assert_eq!(path(&g, ix(&g, "x-2"), ix(&g, "x-0"), &all(10)).len(), 1);
    }

    /// An `n` by `n` grid of teams, each cooperating with the next to its right and below.
    fn grid(n: usize) -> OrgGraph {
        let name = |r: usize, c: usize| format!("t-{r}-{c}");
        let mut units = Vec::new();
        let mut ties = Vec::new();
        for r in 0..n {
            for c in 0..n {
                units.push((name(r, c), Team));
                if c + 1 < n {
                    ties.push((name(r, c), Cooperation, name(r, c + 1)));
                }
                if r + 1 < n {
                    ties.push((name(r, c), Cooperation, name(r + 1, c)));
                }
            }
        }
        graph(&units, &ties)
    }

    #[test]
    fn a_grid_has_as_many_shortest_connections_as_binomials_say() {
        let g = grid(5);
        let corner = |r, c| ix(&g, &format!("t-{r}-{c}"));
        // Corner to corner of a 5 by 5 grid: 8 hops, C(8, 4) = 70 ways.
        let found = path(&g, corner(0, 0), corner(4, 4), &all(1000));
        assert_eq!(found.len(), 70);
        assert!(found.iter().all(|p| p.len() == 8));
        let mut distinct: Vec<Vec<TieIx>> = found
            .iter()
            .map(|p| p.hops.iter().map(|h| h.index).collect())
            .collect();
        // Listed in declaration order of their ties, hop by hop, so already sorted and distinct.
        let listed = distinct.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct, listed);
        // Each hop starts where the previous ended.
        for p in &found {
            assert!(p.hops.windows(2).all(|w| w[0].to == w[1].from));
            assert_eq!(p.hops[0].from, corner(0, 0));
        }
        // Walking back the other way: the same number, every hop backwards.
        let back = path(&g, corner(4, 4), corner(0, 0), &all(1000));
        assert_eq!(back.len(), 70);
        assert!(back.iter().flat_map(|p| &p.hops).all(|h| !h.forward));
        // To (1, 2): 3 hops, C(3, 1) = 3 ways; the limit and `all` cut the list.
        assert_eq!(path(&g, corner(0, 0), corner(1, 2), &all(1000)).len(), 3);
        assert_eq!(path(&g, corner(0, 0), corner(4, 4), &all(5)).len(), 5);
        assert_eq!(path(&g, corner(0, 0), corner(4, 4), &all(0)).len(), 1);
        assert_eq!(
            path(&g, corner(0, 0), corner(4, 4), &PathOptions::default()).len(),
            1
        );
    }

    #[test]
    fn the_first_connection_follows_declaration_order() {
        let g = grid(3);
        assert_eq!(
            connections(&g, "t-0-0", "t-1-1", &all(10)),
            [
                "t-0-0 -cooperation-> t-0-1 -cooperation-> t-1-1",
                "t-0-0 -cooperation-> t-1-0 -cooperation-> t-1-1",
            ]
        );
    }

    #[test]
    fn two_ties_between_the_same_units_are_two_connections() {
        let g = graph(
            &[("a", Directorate), ("b", Directorate)],
            &[("a", Cooperation, "b"), ("b", FunctionalReporting, "a")],
        );
        assert_eq!(
            connections(&g, "a", "b", &all(10)),
            ["a -cooperation-> b", "a <-functional-reporting- b"]
        );
    }

    #[test]
    fn a_chain_a_thousand_long() {
        let (units, ties) = deep_chain("u", 1000);
        let g = graph(&units, &ties);
        let found = path(&g, ix(&g, "u-0"), ix(&g, "u-999"), &all(10));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), 999);
        assert!(found[0].hops.iter().all(|h| !h.forward));
    }

    #[test]
    fn cycles_and_self_ties_are_harmless() {
        let g = graph(
            &[("a", Directorate), ("b", Directorate), ("c", Directorate)],
            &[
                ("a", Attachment, "b"),
                ("b", Attachment, "c"),
                ("c", Attachment, "a"),
                ("a", Cooperation, "a"),
            ],
        );
        assert_eq!(connections(&g, "a", "c", &all(10)), ["a <-attachment- c"]);
    }

    /// The distance from `a` to `b` over every tie either way, and the number of shortest
    /// connections, counted by one breadth-first search from `a`: what the two searches that
    /// meet must find.
    fn counted(g: &OrgGraph, a: UnitIx, b: UnitIx) -> Option<(usize, usize)> {
        let around = |unit: UnitIx| hops(g, unit, &|_| true);
        let mut distance = vec![None; g.unit_count()];
        let mut ways = vec![0usize; g.unit_count()];
        distance[a.index()] = Some(0);
        ways[a.index()] = 1;
        let mut queue = VecDeque::from([a]);
        while let Some(unit) = queue.pop_front() {
            let d = distance[unit.index()].unwrap_or(0);
            for hop in around(unit) {
                let next = hop.to.index();
                if distance[next].is_none() {
                    distance[next] = Some(d + 1);
                    queue.push_back(hop.to);
                }
                if distance[next] == Some(d + 1) {
                    ways[next] += ways[unit.index()];
                }
            }
        }
        distance[b.index()].map(|d| (d, ways[b.index()]))
    }

    proptest::proptest! {
        #[test]
        fn the_two_searches_find_every_shortest_connection_and_no_other(
            n in 2usize..12,
            edges in proptest::collection::vec((0usize..12, 0usize..12, proptest::bool::ANY), 0..30),
        ) {
            let units: Vec<(String, UnitKind)> = (0..n).map(|i| (format!("u{i}"), Team)).collect();
            let ties: Vec<(String, TieKind, String)> = edges
                .iter()
                .filter(|(x, y, _)| *x < n && *y < n)
                .map(|&(x, y, cooperation)| {
                    let kind = if cooperation { Cooperation } else { FunctionalReporting };
                    (format!("u{x}"), kind, format!("u{y}"))
                })
                .collect();
            let g = graph(&units, &ties);
            for (x, y) in [(0, n - 1), (n / 2, 0), (1, n - 1)] {
                let (a, b) = (ix(&g, &format!("u{x}")), ix(&g, &format!("u{y}")));
                let found = path(&g, a, b, &all(100_000));
                match counted(&g, a, b) {
                    None => proptest::prop_assert!(found.is_empty()),
                    Some((length, ways)) => {
                        proptest::prop_assert_eq!(found.len(), ways);
                        for p in &found {
                            proptest::prop_assert_eq!(p.len(), length);
                            if let (Some(first), Some(last)) = (p.hops.first(), p.hops.last()) {
                                proptest::prop_assert_eq!(first.from, a);
                                proptest::prop_assert_eq!(last.to, b);
                            }
                            proptest::prop_assert!(p.hops.windows(2).all(|w| w[0].to == w[1].from));
                        }
                    }
                }
            }
        }
    }
}
