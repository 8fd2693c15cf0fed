//! Who heads what, and the line of posts that follows: the posts of a unit answer to its head,
//! and the head of a unit to the head of the unit above, unless a line-authority tie from the
//! post says otherwise, which wins.
//!
//! A head is a `head` tie from a post to the unit it heads, and places the post in that unit.
//! Dates are not read here: a graph cut to a day ([`crate::time::cut`]) holds the heads of that
//! day only, a head of the past or of a term that ends later alike; a graph of the whole timeline
//! holds the heads of every date, in declaration order. Units with no head are passed through:
//! the posts of a headless unit answer to the nearest head above it.

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use super::{OrgGraph, TieIx, UnitIx};
use crate::model::{Family, FastSet, TieKind};

/// Why a post answers to its manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Because {
    /// A line-authority tie from the post (to this post, or to a unit this post heads).
    LineAuthority(TieIx),
    /// The post is attached to its manager, a post.
    AttachedTo,
    /// The manager heads `unit`, the unit the post sits in.
    HeadOfItsUnit(UnitIx),
    /// The manager heads `unit`, a unit above the post's own (the post heads its unit, or its
    /// unit has no head).
    HeadAbove(UnitIx),
    /// `unit`, the post's own or one above it, is placed directly under the manager, a post
    /// (DiP A-JUST is attached to the director of judicial services).
    UnitUnder(UnitIx),
}

/// The post a post answers to, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Manager {
    /// The manager's post.
    pub post: UnitIx,
    /// Why.
    pub because: Because,
}

/// The graph seen through its heads: who heads a unit, what a post heads, and the line of posts.
#[derive(Clone, Copy, Debug)]
pub struct Heads<'g> {
    graph: &'g OrgGraph,
}

impl OrgGraph {
    /// The heads of this graph and the line of posts they make.
    pub fn heads(&self) -> Heads<'_> {
        Heads { graph: self }
    }
}

impl<'g> Heads<'g> {
    /// The posts heading `unit`, in declaration order: one, unless the description is wrong
    /// (`check` says so). `O(ties into the unit)`.
    pub fn of(self, unit: UnitIx) -> Vec<UnitIx> {
        self.ties(unit, Direction::Incoming)
    }

    /// The first post heading `unit`. Allocates nothing: charts ask it of every unit.
    pub fn head(self, unit: UnitIx) -> Option<UnitIx> {
        self.head_ties(unit, Direction::Incoming)
            .min_by_key(|(tie, _)| *tie)
            .map(|(_, post)| post)
    }

    /// The units `post` heads, in declaration order.
    pub fn headed_by(self, post: UnitIx) -> Vec<UnitIx> {
        self.ties(post, Direction::Outgoing)
    }

    /// The other ends of a unit's head ties in one direction, in declaration order.
    fn ties(self, unit: UnitIx, direction: Direction) -> Vec<UnitIx> {
        let mut found: Vec<(TieIx, UnitIx)> = self.head_ties(unit, direction).collect();
        found.sort_unstable_by_key(|(tie, _)| *tie);
        found.into_iter().map(|(_, other)| other).collect()
    }

    /// A unit's head ties in one direction, each with its other end, in no order.
    fn head_ties(
        self,
        unit: UnitIx,
        direction: Direction,
    ) -> impl Iterator<Item = (TieIx, UnitIx)> + 'g {
        let graph = self.graph;
        graph
            .petgraph()
            .edges_directed(unit, direction)
            .filter(|e| e.weight().kind == TieKind::Head)
            .map(move |e| {
                let other = match direction {
                    Direction::Incoming => e.source(),
                    Direction::Outgoing => e.target(),
                };
                (e.id(), other)
            })
    }

    /// The unit a post sits in: the first it heads, else its first superior by attachment or
    /// joint attachment.
    pub fn unit_of(self, post: UnitIx) -> Option<UnitIx> {
        self.head_ties(post, Direction::Outgoing)
            .min_by_key(|(tie, _)| *tie)
            .map(|(_, unit)| unit)
            .or_else(|| {
                self.graph
                    .hierarchy()
                    .first_up(post, TieKind::is_structural)
            })
    }

    /// The post `post` answers to, and why; `None` at the top of the line of posts, or for a unit
    /// that is not a post. A line-authority tie from the post wins; else the head of its unit,
    /// else (for a head, or in a headless unit) the nearest head above. `O(size of the line
    /// above)`.
    pub fn manager(self, post: UnitIx) -> Option<Manager> {
        let graph = self.graph;
        if graph.unit(post).kind.family() != Family::Post {
            return None;
        }
        let up = graph.hierarchy().up(post);
        match up
            .iter()
            .find(|l| l.kind() == TieKind::LineAuthority && l.to != post)
        {
            Some(link) => self.answering(link.to, post).map(|manager| Manager {
                post: manager,
                because: Because::LineAuthority(link.index),
            }),
            None => self.by_heads(post),
        }
    }

    /// The post `post` answers to by the heads alone, line authority left aside: the post it is
    /// attached to, else the head of its unit, else the nearest head above. What the heads say,
    /// for `check` to hold a line authority against.
    pub fn by_heads(self, post: UnitIx) -> Option<Manager> {
        let graph = self.graph;
        let attached = graph
            .hierarchy()
            .up(post)
            .into_iter()
            .find(|l| l.kind().is_structural() && l.to != post && is_post(graph, l.to));
        if let Some(link) = attached {
            return Some(Manager {
                post: link.to,
                because: Because::AttachedTo,
            });
        }
        let unit = self.unit_of(post)?;
        if !self.headed_by(post).contains(&unit)
            && let Some(head) = self.head(unit).filter(|&h| h != post)
        {
            return Some(Manager {
                post: head,
                because: Because::HeadOfItsUnit(unit),
            });
        }
        self.head_above(unit, post)
    }

    /// The post that answers for `target` to `post` under line authority: `target` itself when
    /// it is a post, else its head, else the nearest head above it.
    fn answering(self, target: UnitIx, post: UnitIx) -> Option<UnitIx> {
        if is_post(self.graph, target) {
            return Some(target);
        }
        match self.head(target).filter(|&h| h != post) {
            Some(head) => Some(head),
            None => self.head_above(target, post).map(|m| m.post),
        }
    }

    /// The nearest head strictly above `unit`, following each unit's line authority first, then
    /// its first structural superior, never `post` itself. Each unit once, so cycles end.
    fn head_above(self, unit: UnitIx, post: UnitIx) -> Option<Manager> {
        let graph = self.graph;
        let mut seen = FastSet::from_iter([unit]);
        let mut at = unit;
        let hierarchy = graph.hierarchy();
        loop {
            let next = hierarchy
                .first_up(at, |kind| kind == TieKind::LineAuthority)
                .or_else(|| hierarchy.first_up(at, TieKind::is_structural))?;
            if !seen.insert(next) {
                return None;
            }
            if is_post(graph, next) {
                return (next != post).then_some(Manager {
                    post: next,
                    because: Because::UnitUnder(at),
                });
            }
            if let Some(head) = self.head(next).filter(|&h| h != post) {
                return Some(Manager {
                    post: head,
                    because: Because::HeadAbove(next),
                });
            }
            at = next;
        }
    }

    /// The line of posts above `post`: its manager, theirs, and so on to the top, each once.
    pub fn line(self, post: UnitIx) -> Vec<Manager> {
        let mut seen = FastSet::from_iter([post]);
        let mut line = Vec::new();
        let mut at = post;
        while let Some(manager) = self.manager(at) {
            if !seen.insert(manager.post) {
                break;
            }
            line.push(manager);
            at = manager.post;
        }
        line
    }

    /// The posts that answer directly to `post`, in declaration order: the posts of the units it
    /// heads and the heads of the units under them (through headless units), the posts attached
    /// to it and those under its line authority. `O(size of the units it heads and those under
    /// them, down to their heads)`.
    pub fn reports(self, post: UnitIx) -> Vec<UnitIx> {
        let graph = self.graph;
        let hierarchy = graph.hierarchy();
        let mut seen = FastSet::from_iter([post]);
        let mut candidates = Vec::new();
        let mut stack: Vec<UnitIx> = vec![post];
        stack.extend(self.headed_by(post));
        while let Some(unit) = stack.pop() {
            for link in hierarchy.down(unit) {
                let below = link.from;
                if !seen.insert(below) {
                    continue;
                }
                if is_post(graph, below) {
                    candidates.push(below);
                } else if let Some(head) = self.head(below) {
                    if seen.insert(head) {
                        candidates.push(head);
                    }
                } else {
                    stack.push(below);
                }
            }
        }
        candidates.retain(|&c| self.manager(c).is_some_and(|m| m.post == post));
        candidates.sort_unstable();
        candidates
    }
}

fn is_post(graph: &OrgGraph, unit: UnitIx) -> bool {
    graph.unit(unit).kind.family() == Family::Post
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{graph, ids, ix};
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    /// A ministry headed by a minister, a directorate headed by a director with a deputy and a
    /// headless bureau holding an agent, and a team whose head is under the deputy's authority.
    fn ministry() -> OrgGraph {
        graph(
            &[
                ("ministry", Ministry),
                ("minister", Post),
                ("dir", Directorate),
                ("director", Post),
                ("deputy", Post),
                ("bureau", Bureau),
                ("agent", Post),
                ("team", Team),
                ("lead", Post),
            ],
            &[
                ("minister", Head, "ministry"),
                ("dir", Attachment, "ministry"),
                ("director", Head, "dir"),
                ("deputy", Attachment, "dir"),
                ("bureau", Attachment, "dir"),
                ("agent", Attachment, "bureau"),
                ("team", Attachment, "dir"),
                ("lead", Head, "team"),
                ("lead", LineAuthority, "deputy"),
            ],
        )
    }

    #[test]
    fn posts_answer_to_their_head_and_heads_to_the_head_above() {
        let g = ministry();
        let manager = |id: &str| {
            g.heads()
                .manager(ix(&g, id))
                .map(|m| g.unit(m.post).id.as_str())
        };
        assert_eq!(manager("deputy"), Some("director"));
        assert_eq!(manager("director"), Some("minister"));
        assert_eq!(
            manager("agent"),
            Some("director"),
            "through the headless bureau"
        );
        assert_eq!(manager("lead"), Some("deputy"), "line authority wins");
        assert_eq!(manager("minister"), None);
        assert_eq!(manager("dir"), None, "a unit is not in the line of posts");
        let line: Vec<UnitIx> = g
            .heads()
            .line(ix(&g, "lead"))
            .iter()
            .map(|m| m.post)
            .collect();
        assert_eq!(ids(&g, &line), ["deputy", "director", "minister"]);
    }

    #[test]
    fn a_head_reports_what_answers_to_it() {
        let g = ministry();
        let reports = |id: &str| ids(&g, &g.heads().reports(ix(&g, id)));
        assert_eq!(reports("director"), ["deputy", "agent"]);
        assert_eq!(reports("deputy"), ["lead"]);
        assert_eq!(reports("minister"), ["director"]);
        assert_eq!(ids(&g, &g.heads().of(ix(&g, "dir"))), ["director"]);
        assert_eq!(g.heads().unit_of(ix(&g, "agent")), Some(ix(&g, "bureau")));
    }

    #[test]
    fn loops_end_and_the_cut_has_read_the_dates_of_heads() {
        let mut g = graph(
            &[
                ("a", Directorate),
                ("b", Directorate),
                ("p", Post),
                ("q", Post),
            ],
            &[
                ("a", Attachment, "b"),
                ("b", Attachment, "a"),
                ("p", Head, "a"),
                ("q", Attachment, "b"),
            ],
        );
        assert_eq!(
            g.heads().manager(ix(&g, "q")),
            Some(Manager {
                post: ix(&g, "p"),
                because: Because::HeadAbove(ix(&g, "a")),
            })
        );
        assert_eq!(
            g.heads().manager(ix(&g, "p")),
            None,
            "the loop leads back to p"
        );
        g = graph(&[("a", Directorate), ("p", Post)], &[("p", Head, "a")]);
        // A head tie in a graph holds on the graph's day (the cut left out the others): one
        // that ends later, at the end of a term, heads its unit until then.
        let mut description = g.to_description();
        description.ties[0].valid_until = crate::model::Date::parse("2030").ok();
        let g = OrgGraph::build(description, &mut Vec::new());
        assert_eq!(ids(&g, &g.heads().of(ix(&g, "a"))), ["p"]);
    }
}
