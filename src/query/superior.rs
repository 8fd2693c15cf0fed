//! The lowest common superiors of two units: where their chains of command meet.

use std::collections::HashSet;

use crate::graph::{Link, Manager, OrgGraph, UnitIx, route_to};

/// A unit above both units asked about (or one of them, when it is above the other), with the
/// way up from each.
#[derive(Clone, Debug)]
pub struct CommonSuperior<'g> {
    /// The common superior.
    pub unit: UnitIx,
    /// The ties from the first unit up to `unit`, lowest first: a shortest way up, the earliest
    /// declared among equals. Empty when `unit` is the first unit.
    pub from_a: Vec<Link<'g>>,
    /// The same from the second unit.
    pub from_b: Vec<Link<'g>>,
}

/// The lowest common superiors of `a` and `b` over hierarchical ties (attachment, line authority,
/// joint attachment): the units above both (counting each unit as above itself) that are not
/// above another such unit. One of the two is the answer when it is above the other, and `a`
/// when `a == b`. Units with several superiors can have several lowest common ones; units in
/// disconnected hierarchies have none, which is an answer, not an error.
///
/// Answers are ordered by the total number of steps from `a` and `b`, then in declaration order.
/// In bad data where superiors form a cycle, the units of the cycle are above one another; when
/// that leaves no lowest one, the common superiors fewest steps away are the answer.
///
/// `O(a + t)` for `a` units above `a` and `b` and `t` hierarchical ties out of them: proportional
/// to the depth for plain chains.
pub fn superior(graph: &OrgGraph, a: UnitIx, b: UnitIx) -> Vec<CommonSuperior<'_>> {
    let above_a = graph.hierarchy().climb(a);
    let above_b = graph.hierarchy().climb(b);
    let common: Vec<(UnitIx, usize)> = above_a
        .iter()
        .filter_map(|(&unit, from_a)| {
            above_b
                .get(&unit)
                .map(|from_b| (unit, from_a.distance + from_b.distance))
        })
        .collect();
    // A common superior is above a lower one exactly when it is the superior of a common one:
    // every unit between a common superior and what is above it is common too.
    let mut not_lowest = HashSet::new();
    for &(unit, _) in &common {
        for link in graph.hierarchy().up(unit) {
            if link.to != unit && above_b.contains_key(&link.to) {
                not_lowest.insert(link.to);
            }
        }
    }
    let mut lowest: Vec<(UnitIx, usize)> = common
        .iter()
        .copied()
        .filter(|(unit, _)| !not_lowest.contains(unit))
        .collect();
    if lowest.is_empty()
        && let Some(nearest) = common.iter().map(|&(_, steps)| steps).min()
    {
        lowest = common
            .into_iter()
            .filter(|&(_, steps)| steps == nearest)
            .collect();
    }
    lowest.sort_by_key(|&(unit, steps)| (steps, unit));
    lowest
        .into_iter()
        .map(|(unit, _)| CommonSuperior {
            unit,
            from_a: route_to(&above_a, unit),
            from_b: route_to(&above_b, unit),
        })
        .collect()
}

/// The lowest post in the lines of posts of both `a` and `b`, each counted as in its own line,
/// with the way up from each ([`crate::graph::Heads::line`]); `None` when their lines do not
/// meet, or one of them is neither a post nor a unit with a head.
pub fn common_manager(graph: &OrgGraph, a: UnitIx, b: UnitIx) -> Option<CommonManager> {
    let line = |unit: UnitIx| {
        let start = super::chain::line_of_posts(graph, unit);
        start.start.map(|post| (post, start.managers))
    };
    let ((a, from_a), (b, from_b)) = (line(a)?, line(b)?);
    let posts_b: Vec<UnitIx> = std::iter::once(b)
        .chain(from_b.iter().map(|m| m.post))
        .collect();
    let posts_a = std::iter::once(a).chain(from_a.iter().map(|m| m.post));
    let (steps_a, post) = posts_a.enumerate().find(|(_, p)| posts_b.contains(p))?;
    let steps_b = posts_b.iter().position(|p| *p == post)?;
    Some(CommonManager {
        post,
        from_a: from_a[..steps_a].to_vec(),
        from_b: from_b[..steps_b].to_vec(),
    })
}

/// Where two lines of posts meet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommonManager {
    /// The lowest post in both lines.
    pub post: UnitIx,
    /// The managers from the first up to `post`, `post` last; empty when it is the first.
    pub from_a: Vec<Manager>,
    /// The same from the second.
    pub from_b: Vec<Manager>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{deep_chain, graph, id, ix};
    use crate::model::TieKind::{Attachment, JointAttachment, LineAuthority};
    use crate::model::UnitKind::*;

    /// Each answer as "unit: route from a | route from b", routes as the units passed through.
    fn answers(g: &OrgGraph, a: &str, b: &str) -> Vec<String> {
        let route = |links: &[Link<'_>]| {
            links
                .iter()
                .map(|l| id(g, l.to))
                .collect::<Vec<_>>()
                .join(" ")
        };
        superior(g, ix(g, a), ix(g, b))
            .iter()
            .map(|s| {
                format!(
                    "{}: {} | {}",
                    id(g, s.unit),
                    route(&s.from_a),
                    route(&s.from_b)
                )
            })
            .collect()
    }

    fn tree() -> OrgGraph {
        graph(
            &[
                ("top", Ministry),
                ("dg", DirectorateGeneral),
                ("d-1", Directorate),
                ("d-2", Directorate),
                ("b-1", Bureau),
                ("b-2", Bureau),
                ("other", Agency),
            ],
            &[
                ("dg", Attachment, "top"),
                ("d-1", Attachment, "dg"),
                ("d-2", Attachment, "dg"),
                ("b-1", Attachment, "d-1"),
                ("b-2", Attachment, "d-2"),
            ],
        )
    }

    #[test]
    fn cousins_meet_at_their_lowest_common_superior() {
        let g = tree();
        assert_eq!(answers(&g, "b-1", "b-2"), ["dg: d-1 dg | d-2 dg"]);
        assert_eq!(answers(&g, "b-1", "d-2"), ["dg: d-1 dg | dg"]);
    }

    #[test]
    fn a_unit_above_the_other_is_the_answer() {
        let g = tree();
        assert_eq!(answers(&g, "b-1", "dg"), ["dg: d-1 dg | "]);
        assert_eq!(answers(&g, "top", "b-2"), ["top:  | d-2 dg top"]);
        assert_eq!(answers(&g, "d-1", "d-1"), ["d-1:  | "]);
    }

    #[test]
    fn disconnected_units_have_none() {
        let g = tree();
        assert!(answers(&g, "b-1", "other").is_empty());
    }

    #[test]
    fn joint_attachment_can_give_two_answers() {
        // `x` and `y` are both jointly attached to `left` and `right`: both are lowest.
        let g = graph(
            &[
                ("top", Ministry),
                ("left", Directorate),
                ("right", Directorate),
                ("x", Bureau),
                ("y", Bureau),
            ],
            &[
                ("left", Attachment, "top"),
                ("right", Attachment, "top"),
                ("x", JointAttachment, "left"),
                ("x", JointAttachment, "right"),
                ("y", JointAttachment, "right"),
                ("y", JointAttachment, "left"),
            ],
        );
        assert_eq!(
            answers(&g, "x", "y"),
            ["left: left | left", "right: right | right"]
        );
    }

    #[test]
    fn a_line_authority_is_a_way_up() {
        let g = graph(
            &[
                ("bureau", Bureau),
                ("head", Post),
                ("deputy", Post),
                ("clerk", Post),
            ],
            &[
                ("head", Attachment, "bureau"),
                ("deputy", LineAuthority, "head"),
                ("clerk", LineAuthority, "deputy"),
            ],
        );
        assert_eq!(answers(&g, "clerk", "deputy"), ["deputy: deputy | "]);
        assert_eq!(
            answers(&g, "clerk", "bureau"),
            ["bureau: deputy head bureau | "]
        );
    }

    #[test]
    fn deep_chains_meet() {
        let (mut units, mut ties) = deep_chain("u", 1000);
        units.push(("v".to_owned(), Bureau));
        ties.push(("v".to_owned(), Attachment, "u-500".to_owned()));
        let g = graph(&units, &ties);
        let found = superior(&g, ix(&g, "u-999"), ix(&g, "v"));
        assert_eq!(found.len(), 1);
        assert_eq!(id(&g, found[0].unit), "u-500");
        assert_eq!((found[0].from_a.len(), found[0].from_b.len()), (499, 1));
    }

    #[test]
    fn a_cycle_still_gives_an_answer() {
        let g = graph(
            &[
                ("a", Directorate),
                ("b", Directorate),
                ("x", Bureau),
                ("y", Bureau),
            ],
            &[
                ("a", Attachment, "b"),
                ("b", Attachment, "a"),
                ("x", Attachment, "a"),
                ("y", Attachment, "a"),
            ],
        );
        assert_eq!(answers(&g, "x", "y"), ["a: a | a"]);
        let g = graph(
            &[
                ("a", Directorate),
                ("b", Directorate),
                ("x", Bureau),
                ("y", Bureau),
            ],
            &[
                ("a", Attachment, "b"),
                ("b", Attachment, "a"),
                ("x", Attachment, "a"),
                ("y", Attachment, "b"),
            ],
        );
        assert_eq!(answers(&g, "x", "y"), ["a: a | b a", "b: a b | b"]);
    }
}
