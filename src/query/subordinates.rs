//! The units and posts under a unit, as a tree.

use std::collections::HashMap;

use crate::graph::{Link, OrgGraph, UnitIx};
use crate::model::{Unit, UnitKind};

/// What to show of a unit's subordinates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SubordinatesOptions {
    /// How many levels under the unit to show: `Some(1)` shows its direct subordinates only,
    /// `Some(0)` none; `None` shows every level. Levels are those of the hierarchy: a unit hidden
    /// by `kinds` still counts as a level.
    pub depth: Option<usize>,
    /// Show only units of these kinds; `None` shows every kind. A unit of another kind is hidden,
    /// but the units under it that are shown are listed under its nearest shown superior, so
    /// `--kind post` lists every post of the subtree under the unit that holds it.
    pub kinds: Option<Vec<UnitKind>>,
}

/// What is shown under a unit of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Below {
    /// Its shown subordinates, as indices into [`Subordinates::nodes`], in declaration order.
    /// Empty for a unit with nothing under it (or nothing of the kinds shown).
    Shown(Vec<usize>),
    /// The depth limit stops here, above units that are not shown.
    DepthLimit,
    /// The unit is also under another superior in the subtree (joint attachment, or an
    /// attachment and a line authority): its subordinates are shown at this node, the first
    /// place it appears depth-first, and not repeated.
    AlsoUnder(usize),
    /// The unit is its own superior through this branch (bad data): the branch stops here.
    Cycle,
}

/// One unit of the tree, under a shown superior.
#[derive(Clone, Debug)]
pub struct Subordinate<'g> {
    /// The tie placing the unit (`link.from`) under its superior (`link.to`). With a kind filter
    /// the superior may be hidden, and then differs from the node the unit is listed under.
    pub link: Link<'g>,
    /// Levels under the unit asked about: 1 for its direct subordinates.
    pub depth: usize,
    /// What is shown under this unit: its own subordinates, or why they are not shown here.
    pub below: Below,
}

impl Subordinate<'_> {
    /// The unit this node shows.
    pub fn unit(&self) -> UnitIx {
        self.link.from
    }
}

/// The subtree under a unit: the tree as shown, and figures about the whole subtree.
#[derive(Clone, Debug)]
pub struct Subordinates<'g> {
    /// The unit asked about.
    pub unit: UnitIx,
    /// What is shown directly under it: [`Below::Shown`], or [`Below::DepthLimit`] at depth 0.
    pub below: Below,
    /// Every node of the tree, depth-first in declaration order: printing them in order, each
    /// indented by its depth, draws the tree.
    pub nodes: Vec<Subordinate<'g>>,
    /// Distinct units directly under the unit, whatever their kind (two ties from the same unit
    /// count once).
    pub direct: usize,
    /// Distinct units anywhere under the unit, whatever their kind and depth: a unit under two
    /// superiors of the subtree counts once.
    pub total: usize,
    /// Vacant posts anywhere under the unit.
    pub vacant: usize,
    /// Distinct units the tree shows (after the depth limit and the kind filter).
    pub shown: usize,
}

/// Where a unit stands in the walk.
#[derive(Clone, Copy)]
enum Visit {
    /// On the branch being followed.
    OnBranch,
    /// Expanded, at this node if it is shown.
    Done(Option<usize>),
}

struct Frame<'g> {
    unit: UnitIx,
    /// The node showing `unit`; `None` for the root or a hidden unit.
    node: Option<usize>,
    /// Where the subordinates found here are listed: the nearest shown node, `None` for the root.
    owner: Option<usize>,
    depth: usize,
    links: Vec<Link<'g>>,
    next: usize,
}

/// The units and posts under `unit`, as a tree, depth-first in declaration order.
///
/// Each unit is expanded once, where the walk first meets it: a unit met again under another
/// superior is shown there as [`Below::AlsoUnder`] without its subordinates, and a unit met again
/// on its own branch (a cycle in bad data) as [`Below::Cycle`]. With a depth limit, a unit under
/// two superiors at different depths is expanded where it is met first, which may be the deeper
/// place. Iterative, so any depth is fine.
///
/// `O(s + t)` for `s` units in the subtree and `t` hierarchical ties into them.
pub fn subordinates<'g>(
    graph: &'g OrgGraph,
    unit: UnitIx,
    options: &SubordinatesOptions,
) -> Subordinates<'g> {
    let (direct, total, vacant) = counts(graph, unit);
    let mut tree = Subordinates {
        unit,
        below: Below::Shown(Vec::new()),
        nodes: Vec::new(),
        direct,
        total,
        vacant,
        shown: 0,
    };
    if options.depth == Some(0) {
        if graph.hierarchy().has_subordinates(unit) {
            tree.below = Below::DepthLimit;
        }
        return tree;
    }
    let is_shown = |ix: UnitIx| {
        ix == unit
            || options.kinds.as_ref().is_none_or(|kinds| {
                graph
                    .get_unit(ix)
                    .is_some_and(|u| kinds.contains(&u.kind.value))
            })
    };
    let mut visits = HashMap::from([(unit, Visit::OnBranch)]);
    let mut stack = vec![Frame {
        unit,
        node: None,
        owner: None,
        depth: 0,
        links: graph.hierarchy().down(unit),
        next: 0,
    }];
    while let Some(frame) = stack.last_mut() {
        let Some(&link) = frame.links.get(frame.next) else {
            if let Some(done) = stack.pop()
                && done.unit != unit
            {
                visits.insert(done.unit, Visit::Done(done.node));
            }
            continue;
        };
        frame.next += 1;
        let (owner, depth) = (frame.owner, frame.depth + 1);
        let child = link.from;
        let shown = is_shown(child);
        match visits.get(&child).copied() {
            Some(Visit::OnBranch) => {
                if shown {
                    tree.add(owner, link, depth, Below::Cycle);
                }
            }
            Some(Visit::Done(Some(at))) => {
                tree.add(owner, link, depth, Below::AlsoUnder(at));
            }
            Some(Visit::Done(None)) => {}
            None => {
                let at_limit = options.depth.is_some_and(|limit| depth >= limit);
                let links = if at_limit {
                    Vec::new()
                } else {
                    graph.hierarchy().down(child)
                };
                let node = shown.then(|| {
                    tree.shown += 1;
                    let below = if at_limit && graph.hierarchy().has_subordinates(child) {
                        Below::DepthLimit
                    } else {
                        Below::Shown(Vec::new())
                    };
                    tree.add(owner, link, depth, below)
                });
                if links.is_empty() {
                    visits.insert(child, Visit::Done(node));
                } else {
                    visits.insert(child, Visit::OnBranch);
                    stack.push(Frame {
                        unit: child,
                        node,
                        owner: node.or(owner),
                        depth,
                        links,
                        next: 0,
                    });
                }
            }
        }
    }
    tree
}

impl<'g> Subordinates<'g> {
    /// Adds a node under `owner` (`None` for the root) and returns its index.
    fn add(&mut self, owner: Option<usize>, link: Link<'g>, depth: usize, below: Below) -> usize {
        let index = self.nodes.len();
        let list = match owner {
            Some(owner) => self.nodes.get_mut(owner).map(|n| &mut n.below),
            None => Some(&mut self.below),
        };
        if let Some(Below::Shown(children)) = list {
            children.push(index);
        }
        self.nodes.push(Subordinate { link, depth, below });
        index
    }
}

/// Direct subordinates, all subordinates and vacant posts under `unit`, each unit once.
fn counts(graph: &OrgGraph, unit: UnitIx) -> (usize, usize, usize) {
    let direct = graph.hierarchy().direct_reports(unit);
    let all = graph.hierarchy().descendants(unit);
    let vacant = all
        .iter()
        .filter(|&&u| graph.get_unit(u).is_some_and(Unit::is_vacant))
        .count();
    (direct.len(), all.len(), vacant)
}

/// The posts that answer to a post in the line of posts, as a tree: its direct reports, theirs,
/// and so on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reports {
    /// The post asked about.
    pub post: UnitIx,
    /// Every post under it, depth-first in the order [`crate::graph::Heads::reports`] gives,
    /// each once, with its depth (1 for a direct report).
    pub nodes: Vec<(UnitIx, usize)>,
    /// Its direct reports.
    pub direct: usize,
    /// The posts under it at any depth, each once, whatever the depth shown.
    pub total: usize,
}

/// The posts answering to `post`, directly or not, shown down to `depth` levels (`None`: all).
/// Each post once, so bad data that loops ends. `O(size of the units under the post)`.
pub fn reports(graph: &OrgGraph, post: UnitIx, depth: Option<usize>) -> Reports {
    let heads = graph.heads();
    let direct = heads.reports(post);
    let mut seen = std::collections::HashSet::from([post]);
    let mut nodes = Vec::new();
    let mut total = 0;
    let mut stack: Vec<(UnitIx, usize)> = direct.iter().rev().map(|&p| (p, 1)).collect();
    while let Some((at, level)) = stack.pop() {
        if !seen.insert(at) {
            continue;
        }
        total += 1;
        if depth.is_none_or(|d| level <= d) {
            nodes.push((at, level));
        }
        stack.extend(heads.reports(at).into_iter().rev().map(|p| (p, level + 1)));
    }
    Reports {
        post,
        nodes,
        direct: direct.len(),
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{build, deep_chain, description, graph, id, ix, wide_span};
    use crate::model::TieKind::{Attachment, JointAttachment, LineAuthority};
    use crate::model::UnitKind::*;
    use crate::model::{Span, Spanned};

    /// Each node as "unit (below)", indented by depth.
    fn lines(g: &OrgGraph, tree: &Subordinates<'_>) -> Vec<String> {
        tree.nodes
            .iter()
            .map(|n| {
                format!(
                    "{}{} {:?}",
                    "  ".repeat(n.depth - 1),
                    id(g, n.unit()),
                    n.below
                )
            })
            .collect()
    }

    fn all() -> SubordinatesOptions {
        SubordinatesOptions::default()
    }

    fn small() -> OrgGraph {
        let mut d = description(
            &[
                ("dir", Directorate),
                ("sd-a", SubDirectorate),
                ("b-1", Bureau),
                ("b-2", Bureau),
                ("sd-b", SubDirectorate),
                ("head", Post),
                ("dev", Post),
            ],
            &[
                ("sd-a", Attachment, "dir"),
                ("b-1", Attachment, "sd-a"),
                ("b-2", Attachment, "sd-a"),
                ("sd-b", Attachment, "dir"),
                ("head", Attachment, "b-1"),
                ("dev", Attachment, "sd-b"),
            ],
        );
        d.units[6].vacant = Some(Spanned::new(Span::default(), true));
        build(d)
    }

    #[test]
    fn the_tree_is_depth_first_in_declaration_order() {
        let g = small();
        let tree = subordinates(&g, ix(&g, "dir"), &all());
        assert_eq!(
            lines(&g, &tree),
            [
                "sd-a Shown([1, 3])",
                "  b-1 Shown([2])",
                "    head Shown([])",
                "  b-2 Shown([])",
                "sd-b Shown([5])",
                "  dev Shown([])",
            ]
        );
        assert_eq!(tree.below, Below::Shown(vec![0, 4]));
        assert_eq!(
            (tree.direct, tree.total, tree.vacant, tree.shown),
            (2, 6, 1, 6)
        );
    }

    #[test]
    fn the_depth_limit_cuts_and_says_so() {
        let g = small();
        let options = SubordinatesOptions {
            depth: Some(1),
            kinds: None,
        };
        let tree = subordinates(&g, ix(&g, "dir"), &options);
        assert_eq!(lines(&g, &tree), ["sd-a DepthLimit", "sd-b DepthLimit"]);
        // The figures are the whole subtree's.
        assert_eq!(
            (tree.direct, tree.total, tree.vacant, tree.shown),
            (2, 6, 1, 2)
        );
        let none = SubordinatesOptions {
            depth: Some(0),
            kinds: None,
        };
        let tree = subordinates(&g, ix(&g, "dir"), &none);
        assert_eq!(tree.below, Below::DepthLimit);
        assert!(tree.nodes.is_empty());
        let leaf = subordinates(&g, ix(&g, "head"), &none);
        assert_eq!(leaf.below, Below::Shown(vec![]));
    }

    #[test]
    fn a_kind_filter_lists_shown_units_under_their_nearest_shown_superior() {
        let g = small();
        let posts = SubordinatesOptions {
            depth: None,
            kinds: Some(vec![Post]),
        };
        let tree = subordinates(&g, ix(&g, "dir"), &posts);
        assert_eq!(lines(&g, &tree), ["    head Shown([])", "  dev Shown([])"]);
        assert_eq!(tree.below, Below::Shown(vec![0, 1]));
        assert_eq!(id(&g, tree.nodes[0].link.to), "b-1");
        assert_eq!(tree.shown, 2);
        let bureaux_and_posts = SubordinatesOptions {
            depth: None,
            kinds: Some(vec![Bureau, Post]),
        };
        let tree = subordinates(&g, ix(&g, "dir"), &bureaux_and_posts);
        assert_eq!(
            lines(&g, &tree),
            [
                "  b-1 Shown([1])",
                "    head Shown([])",
                "  b-2 Shown([])",
                "  dev Shown([])"
            ]
        );
        assert_eq!(tree.below, Below::Shown(vec![0, 2, 3]));
    }

    /// Charts bridge hidden levels with [`crate::graph::Hierarchy::nearest_up`]: the superior a
    /// shown unit is listed under here is where one of its ways up through hidden units ends.
    #[test]
    fn each_shown_unit_is_listed_under_where_its_way_up_through_hidden_units_ends() {
        let g = small();
        for kinds in [vec![Post], vec![Bureau, Post], vec![SubDirectorate, Post]] {
            let shown = |u: UnitIx| {
                g.unit(u).kind.value == Directorate || kinds.contains(&g.unit(u).kind.value)
            };
            let options = SubordinatesOptions {
                depth: None,
                kinds: Some(kinds.clone()),
            };
            let tree = subordinates(&g, ix(&g, "dir"), &options);
            for (at, node) in tree.nodes.iter().enumerate() {
                let owner = tree
                    .nodes
                    .iter()
                    .position(|n| matches!(&n.below, Below::Shown(list) if list.contains(&at)))
                    .map_or(tree.unit, |o| tree.nodes[o].unit());
                let ends: Vec<UnitIx> = g
                    .hierarchy()
                    .nearest_up(node.unit(), |u| !shown(u), |_| true)
                    .iter()
                    .filter_map(|way| way.last().map(|link| link.to))
                    .collect();
                assert!(ends.contains(&owner), "{kinds:?}: {}", id(&g, node.unit()));
            }
        }
    }

    #[test]
    fn a_unit_under_two_superiors_is_shown_under_both_and_counted_once() {
        let g = graph(
            &[
                ("top", Ministry),
                ("left", Directorate),
                ("right", Directorate),
                ("common", Directorate),
                ("team", Team),
            ],
            &[
                ("left", Attachment, "top"),
                ("right", Attachment, "top"),
                ("common", JointAttachment, "left"),
                ("common", JointAttachment, "right"),
                ("team", Attachment, "common"),
            ],
        );
        let tree = subordinates(&g, ix(&g, "top"), &all());
        assert_eq!(
            lines(&g, &tree),
            [
                "left Shown([1])",
                "  common Shown([2])",
                "    team Shown([])",
                "right Shown([4])",
                "  common AlsoUnder(1)",
            ]
        );
        assert_eq!((tree.direct, tree.total, tree.shown), (2, 4, 4));
    }

    #[test]
    fn two_ties_to_the_same_superior_count_once() {
        let g = graph(
            &[("bureau", Bureau), ("head", Post), ("deputy", Post)],
            &[
                ("head", Attachment, "bureau"),
                ("deputy", Attachment, "bureau"),
                ("deputy", LineAuthority, "head"),
            ],
        );
        let tree = subordinates(&g, ix(&g, "bureau"), &all());
        assert_eq!(
            lines(&g, &tree),
            [
                "head Shown([1])",
                "  deputy Shown([])",
                "deputy AlsoUnder(1)"
            ]
        );
        assert_eq!((tree.direct, tree.total), (2, 2));
    }

    #[test]
    fn a_cycle_ends_the_branch() {
        let g = graph(
            &[("a", Directorate), ("b", Directorate), ("c", Directorate)],
            &[
                ("b", Attachment, "a"),
                ("c", Attachment, "b"),
                ("a", Attachment, "c"),
            ],
        );
        let tree = subordinates(&g, ix(&g, "a"), &all());
        assert_eq!(
            lines(&g, &tree),
            ["b Shown([1])", "  c Shown([2])", "    a Cycle"]
        );
        assert_eq!(tree.total, 2);
    }

    #[test]
    fn a_wide_span() {
        let (units, ties) = wide_span(500);
        let g = graph(&units, &ties);
        let tree = subordinates(&g, ix(&g, "dir"), &all());
        assert_eq!(tree.nodes.len(), 500);
        assert_eq!((tree.direct, tree.total, tree.shown), (500, 500, 500));
        assert_eq!(id(&g, tree.nodes[499].unit()), "p-499");
        assert!(tree.nodes.iter().all(|n| n.depth == 1));
    }

    #[test]
    fn a_chain_a_thousand_deep() {
        let (units, ties) = deep_chain("u", 1000);
        let g = graph(&units, &ties);
        let tree = subordinates(&g, ix(&g, "u-0"), &all());
        assert_eq!(tree.nodes.len(), 999);
        assert_eq!(tree.nodes[998].depth, 999);
        assert_eq!((tree.direct, tree.total), (1, 999));
        let limited = SubordinatesOptions {
            depth: Some(10),
            kinds: None,
        };
        let tree = subordinates(&g, ix(&g, "u-0"), &limited);
        assert_eq!(tree.nodes.len(), 10);
        assert_eq!(tree.nodes[9].below, Below::DepthLimit);
    }

    #[test]
    fn other_parts_of_the_description_stay_out() {
        let (mut units, mut ties) = deep_chain("x", 5);
        let (more_units, more_ties) = deep_chain("y", 5);
        units.extend(more_units);
        ties.extend(more_ties);
        let g = graph(&units, &ties);
        let tree = subordinates(&g, ix(&g, "y-2"), &all());
        assert_eq!(lines(&g, &tree), ["y-3 Shown([1])", "  y-4 Shown([])"]);
    }
}
