//! The chain of command: from a unit up to the top, through every superior it has.

use std::collections::HashMap;

use crate::graph::{Link, Manager, OrgGraph, UnitIx};
use crate::model::{Boundary, Family};

/// Why a branch of a chain stops at a unit that has no superior in the description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The unit is declared the top of its hierarchy (`boundary: top`).
    Top,
    /// The unit's superior lies outside what is described (`boundary: parent-outside`): the chain
    /// leaves the description here.
    ParentOutside,
    /// Nothing is declared above the unit: the top of what is described, not said to be a top.
    Orphan,
}

impl End {
    fn of(boundary: Option<Boundary>) -> End {
        match boundary {
            Some(Boundary::Top) => End::Top,
            Some(Boundary::ParentOutside) => End::ParentOutside,
            None => End::Orphan,
        }
    }
}

/// What a chain finds above one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Above {
    /// The unit's superiors, one step each (indices into [`Chain::steps`]), in the declaration
    /// order of their ties: two superiors are two branches.
    Superiors(Vec<usize>),
    /// The unit has no superior in the description: the branch ends here, for this reason. A
    /// unit with a superior is followed whatever boundary it declares.
    End(End),
    /// Two branches meet: the unit's superiors are already shown above the step at this index,
    /// the first to reach it in depth-first order, and are not shown twice.
    AlreadyShown(usize),
    /// The unit is already on this branch, lower down: its ties loop (bad data), so the branch
    /// stops here.
    Cycle,
}

impl Above {
    fn push(&mut self, step: usize) {
        if let Above::Superiors(steps) = self {
            steps.push(step);
        }
    }
}

/// One step up a chain: a hierarchical tie from a unit to one of its superiors.
#[derive(Clone, Debug)]
pub struct Step<'g> {
    /// The tie, from the unit below to its superior `link.to`; the tie gives the step's kind
    /// (attachment, line authority, joint attachment) and its source.
    pub link: Link<'g>,
    /// How many steps up from the unit asked about: 1 for its own superiors.
    pub depth: usize,
    /// What lies above `link.to`.
    pub above: Above,
}

/// The chain of command of a unit: its superiors, theirs, and so on up to the top, as a tree of
/// steps whose branches are the superiors of units with several (joint attachment, or an
/// attachment and a different line authority). Every hierarchical tie kind is a step, line
/// authority between posts included, each labelled by its tie.
///
/// The steps are listed depth-first in declaration order, so that printing them in order, each
/// indented by its depth, draws the tree; [`Above::Superiors`] gives each unit's steps for a
/// nested view.
#[derive(Clone, Debug)]
pub struct Chain<'g> {
    /// The unit asked about.
    pub unit: UnitIx,
    /// What lies above it: its first steps ([`Chain::first_steps`]), or why it has none.
    pub above: Above,
    /// Every step of every branch, depth-first in declaration order; [`Above::Superiors`] and
    /// [`Above::AlreadyShown`] point into this list.
    pub steps: Vec<Step<'g>>,
}

impl Chain<'_> {
    /// The indices of the steps just above the unit asked about: one per superior it has,
    /// empty when it has none.
    pub fn first_steps(&self) -> &[usize] {
        match &self.above {
            Above::Superiors(steps) => steps,
            _ => &[],
        }
    }
}

/// Where a unit stands in the walk.
#[derive(Clone, Copy)]
enum Visit {
    /// On the branch being followed.
    OnBranch,
    /// Its superiors were shown above the step at this index.
    Shown(usize),
}

struct Frame<'g> {
    /// The step whose `above` receives the steps of `links`; `None` for the unit asked about.
    owner: Option<usize>,
    unit: UnitIx,
    links: Vec<Link<'g>>,
    next: usize,
}

/// The chain of command from `unit` to the top.
///
/// Each unit's superiors are expanded once: a unit reached again by another branch (a diamond)
/// is marked [`Above::AlreadyShown`], and a unit reached again on its own branch (a cycle in bad
/// data) is marked [`Above::Cycle`], so the walk always ends. A unit without superiors is shown
/// with its [`End`] on every branch that reaches it. Iterative, so any depth is fine.
///
/// `O(a + t)` for `a` units above `unit` and `t` hierarchical ties out of them: proportional to
/// the depth for a plain chain, never to the size of the description.
pub fn chain(graph: &OrgGraph, unit: UnitIx) -> Chain<'_> {
    let links = graph.hierarchy().up(unit);
    if links.is_empty() {
        return Chain {
            unit,
            above: Above::End(End::of(graph.unit(unit).boundary)),
            steps: Vec::new(),
        };
    }
    let mut chain = Chain {
        unit,
        above: Above::Superiors(Vec::with_capacity(links.len())),
        steps: Vec::new(),
    };
    let mut visits = HashMap::from([(unit, Visit::OnBranch)]);
    let mut stack = vec![Frame {
        owner: None,
        unit,
        links,
        next: 0,
    }];
    while let Some(frame) = stack.last_mut() {
        let Some(&link) = frame.links.get(frame.next) else {
            if let Some(Frame {
                owner: Some(step),
                unit,
                ..
            }) = stack.pop()
            {
                visits.insert(unit, Visit::Shown(step));
            }
            continue;
        };
        frame.next += 1;
        let owner = frame.owner;
        let depth = stack.len();
        let index = chain.steps.len();
        let owner_above = match owner {
            Some(owner) => chain.steps.get_mut(owner).map(|s| &mut s.above),
            None => Some(&mut chain.above),
        };
        if let Some(above) = owner_above {
            above.push(index);
        }
        let above = match visits.get(&link.to) {
            Some(Visit::OnBranch) => Above::Cycle,
            Some(&Visit::Shown(at)) => Above::AlreadyShown(at),
            None => {
                let links = graph.hierarchy().up(link.to);
                if links.is_empty() {
                    Above::End(End::of(graph.unit(link.to).boundary))
                } else {
                    visits.insert(link.to, Visit::OnBranch);
                    let above = Above::Superiors(Vec::with_capacity(links.len()));
                    stack.push(Frame {
                        owner: Some(index),
                        unit: link.to,
                        links,
                        next: 0,
                    });
                    above
                }
            }
        };
        chain.steps.push(Step { link, depth, above });
    }
    chain
}

/// The line of posts above a unit: the people's chain beside the units' one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineOfPosts {
    /// The post the line starts from: the unit asked about when it is a post, else its head;
    /// `None` for a unit with no head.
    pub start: Option<UnitIx>,
    /// The post `start` answers to, theirs, and so on to the top, each with why.
    pub managers: Vec<Manager>,
}

/// The line of posts above `unit` ([`crate::graph::Heads::line`]), from the unit itself when it
/// is a post, else from its head. `O(size of the line above)`.
pub fn line_of_posts(graph: &OrgGraph, unit: UnitIx) -> LineOfPosts {
    let start = if graph.unit(unit).kind.family() == Family::Post {
        Some(unit)
    } else {
        graph.heads().head(unit)
    };
    LineOfPosts {
        start,
        managers: start
            .map(|post| graph.heads().line(post))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{build, deep_chain, description, graph, id, ix};
    use crate::model::TieKind::{Attachment, JointAttachment, LineAuthority};
    use crate::model::UnitKind::*;

    /// Each step as "from kind to (above)", in order, indented by depth.
    fn lines(g: &OrgGraph, chain: &Chain<'_>) -> Vec<String> {
        chain
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{}{} {} {} {:?}",
                    "  ".repeat(s.depth - 1),
                    id(g, s.link.from),
                    s.link.kind(),
                    id(g, s.link.to),
                    s.above
                )
            })
            .collect()
    }

    #[test]
    fn a_plain_chain_ends_at_the_declared_top() {
        let mut d = description(
            &[
                ("justice", Ministry),
                ("sg", SecretariatGeneral),
                ("bureau", Bureau),
            ],
            &[("bureau", Attachment, "sg"), ("sg", Attachment, "justice")],
        );
        d.units[0].boundary = Some(Boundary::Top);
        let g = build(d);
        let chain = chain(&g, ix(&g, "bureau"));
        assert_eq!(
            lines(&g, &chain),
            [
                "bureau attachment sg Superiors([1])",
                "  sg attachment justice End(Top)",
            ]
        );
        assert_eq!(chain.first_steps(), [0]);
    }

    #[test]
    fn a_unit_without_superiors_is_its_own_end() {
        let mut d = description(&[("a", Agency), ("b", Agency), ("c", Agency)], &[]);
        d.units[1].boundary = Some(Boundary::ParentOutside);
        d.units[2].boundary = Some(Boundary::Top);
        let g = build(d);
        for (unit, end) in [
            ("a", End::Orphan),
            ("b", End::ParentOutside),
            ("c", End::Top),
        ] {
            let chain = chain(&g, ix(&g, unit));
            assert_eq!(chain.above, Above::End(end));
            assert!(chain.steps.is_empty());
            assert!(chain.first_steps().is_empty());
        }
    }

    #[test]
    fn two_superiors_are_two_branches_and_the_chain_says_where_it_leaves() {
        let mut d = description(
            &[
                ("interior", Ministry),
                ("justice", Ministry),
                ("common", Directorate),
                ("head", Post),
                ("deputy", Post),
            ],
            &[
                ("common", JointAttachment, "interior"),
                ("common", JointAttachment, "justice"),
                ("deputy", Attachment, "common"),
                ("deputy", LineAuthority, "head"),
            ],
        );
        d.units[1].boundary = Some(Boundary::ParentOutside);
        let g = build(d);
        let chain = chain(&g, ix(&g, "deputy"));
        assert_eq!(
            lines(&g, &chain),
            [
                "deputy attachment common Superiors([1, 2])",
                "  common joint-attachment interior End(Orphan)",
                "  common joint-attachment justice End(ParentOutside)",
                "deputy line-authority head End(Orphan)",
            ]
        );
        assert_eq!(chain.first_steps(), [0, 3]);
    }

    #[test]
    fn a_diamond_is_expanded_once() {
        // Both `left` and `right` sit under `mid`, which sits under `top`; `low` under both.
        let g = graph(
            &[
                ("top", Ministry),
                ("mid", Directorate),
                ("left", SubDirectorate),
                ("right", SubDirectorate),
                ("low", Bureau),
            ],
            &[
                ("low", JointAttachment, "left"),
                ("low", JointAttachment, "right"),
                ("left", Attachment, "mid"),
                ("right", Attachment, "mid"),
                ("mid", Attachment, "top"),
            ],
        );
        let chain = chain(&g, ix(&g, "low"));
        assert_eq!(
            lines(&g, &chain),
            [
                "low joint-attachment left Superiors([1])",
                "  left attachment mid Superiors([2])",
                "    mid attachment top End(Orphan)",
                "low joint-attachment right Superiors([4])",
                "  right attachment mid AlreadyShown(1)",
            ]
        );
    }

    #[test]
    fn many_diamonds_stay_linear() {
        // A ladder of 200 rungs, each unit under both units of the rung above: 2^200 branches if
        // expanded naively.
        let mut units = vec![("top".to_owned(), Ministry)];
        let mut ties = Vec::new();
        for i in 0..200 {
            for side in ["l", "r"] {
                let unit = format!("{side}-{i}");
                units.push((unit.clone(), Directorate));
                if i == 0 {
                    ties.push((unit, Attachment, "top".to_owned()));
                } else {
                    ties.push((unit.clone(), JointAttachment, format!("l-{}", i - 1)));
                    ties.push((unit, JointAttachment, format!("r-{}", i - 1)));
                }
            }
        }
        let g = graph(&units, &ties);
        let chain = chain(&g, ix(&g, "l-199"));
        // Every unit's two ties are each one step: 2 per unit of rungs 1..199, 1 per rung 0.
        assert_eq!(chain.steps.len(), 2 * 2 * 199 - 2 + 2);
        let shown = chain
            .steps
            .iter()
            .filter(|s| matches!(s.above, Above::AlreadyShown(_)))
            .count();
        // Rungs 0 to 197 are each reached from both units of the rung below.
        assert_eq!(shown, 2 * 198);
    }

    #[test]
    fn a_cycle_ends_the_branch() {
        let g = graph(
            &[("a", Directorate), ("b", Directorate), ("c", Directorate)],
            &[
                ("a", Attachment, "b"),
                ("b", Attachment, "c"),
                ("c", Attachment, "a"),
            ],
        );
        let chain = chain(&g, ix(&g, "a"));
        assert_eq!(
            lines(&g, &chain),
            [
                "a attachment b Superiors([1])",
                "  b attachment c Superiors([2])",
                "    c attachment a Cycle",
            ]
        );
    }

    #[test]
    fn a_tie_to_itself_is_a_cycle() {
        let g = graph(&[("a", Directorate)], &[("a", Attachment, "a")]);
        let chain = chain(&g, ix(&g, "a"));
        assert_eq!(chain.steps.len(), 1);
        assert_eq!(chain.steps[0].above, Above::Cycle);
    }

    #[test]
    fn a_chain_a_thousand_deep() {
        let (units, ties) = deep_chain("u", 1000);
        let g = graph(&units, &ties);
        let chain = chain(&g, ix(&g, "u-999"));
        assert_eq!(chain.steps.len(), 999);
        assert!(
            chain
                .steps
                .iter()
                .enumerate()
                .all(|(i, s)| s.depth == i + 1)
        );
        assert_eq!(id(&g, chain.steps[998].link.to), "u-0");
        assert_eq!(chain.steps[998].above, Above::End(End::Orphan));
    }

    #[test]
    fn the_chain_of_a_unit_ignores_what_is_below_and_beside_it() {
        // `mid` has 500 subordinates and a cooperation tie; the chain of `low` does not read them.
        let mut units = vec![
            ("top".to_owned(), Ministry),
            ("mid".to_owned(), Directorate),
            ("other".to_owned(), Agency),
        ];
        let mut ties = vec![
            ("mid".to_owned(), Attachment, "top".to_owned()),
            (
                "mid".to_owned(),
                crate::model::TieKind::Cooperation,
                "other".to_owned(),
            ),
        ];
        for i in 0..500 {
            units.push((format!("b-{i}"), Bureau));
            ties.push((format!("b-{i}"), Attachment, "mid".to_owned()));
        }
        let g = graph(&units, &ties);
        let chain = chain(&g, ix(&g, "b-250"));
        assert_eq!(chain.steps.len(), 2);
    }
}
