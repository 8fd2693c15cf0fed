//! Rules on the chain of command: orphans, posts outside any unit, cycles, ties to oneself,
//! attachments to several units, spans of control.

use std::collections::VecDeque;

use petgraph::algo::kosaraju_scc;

use super::{Context, described, unit_place};
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::{UnitIx, tie_subjects};
use crate::i18n::text;
use crate::i18n::{Arg, list};
use crate::model::{Boundary, FastSet, Status, TieKind, Unit, UnitKind};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    orphans(cx, out);
    posts_without_unit(cx, out);
    cycles(cx, out);
    self_ties(cx, out);
    attachments(cx, out);
    spans(cx, out);
}

impl Context<'_> {
    /// Whether the rules on the hierarchy leave a unit without a superior alone: it is dissolved,
    /// or its tie to its superior was left out (and is reported where it is written).
    fn exempt_from_hierarchy(&self, ix: UnitIx, unit: &Unit) -> bool {
        unit.status == Status::Dissolved || self.graph.lost_superior(ix)
    }

    /// Claims, root by root in the order given, every unit under each root that is not claimed
    /// yet, going down only into units `enter` accepts; returns how many units each root claimed,
    /// itself left out. Each unit is claimed once, so the whole is linear in the graph's size.
    pub(super) fn claim(
        &self,
        roots: &[UnitIx],
        claimed: &mut [bool],
        enter: impl Fn(UnitIx) -> bool,
    ) -> Vec<usize> {
        for root in roots {
            claimed[root.index()] = true;
        }
        let mut queue = VecDeque::new();
        roots
            .iter()
            .map(|&root| {
                let mut taken = 0;
                queue.push_back(root);
                while let Some(unit) = queue.pop_front() {
                    for below in self.graph.hierarchy().inferiors(unit) {
                        if !claimed[below.index()] && enter(below) {
                            claimed[below.index()] = true;
                            taken += 1;
                            queue.push_back(below);
                        }
                    }
                }
                taken
            })
            .collect()
    }
}

/// `orphan-unit`: a unit with no superior and no boundary, reported once at the top of what hangs
/// from it, with the number of units under it that are not held by anything else. Units under
/// both an orphan and an anchored unit are held; a unit under two orphans counts for the first.
fn orphans(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let (mut anchors, mut orphans) = (Vec::new(), Vec::new());
    for (ix, unit) in graph.units() {
        if graph.hierarchy().has_superior(ix) {
            continue;
        }
        if unit.boundary.is_some() || cx.exempt_from_hierarchy(ix, unit) {
            anchors.push(ix);
        } else {
            orphans.push(ix);
        }
    }
    let mut claimed = vec![false; graph.unit_count()];
    cx.claim(&anchors, &mut claimed, |_| true);
    let taken = cx.claim(&orphans, &mut claimed, |_| true);
    for (&ix, taken) in orphans.iter().zip(taken) {
        let unit = graph.unit(ix);
        let label = if taken == 0 {
            text!("check-orphan-label")
        } else {
            text!("check-orphan-label-cut", taken = taken)
        };
        out.push(
            Diagnostic::new(
                Code::OrphanUnit,
                text!("check-orphan", unit = described(unit)),
            )
            .at(unit_place(unit))
            .with_label(label)
            .with_hint(text!("check-orphan-hint"))
            .about([unit.id.as_str()]),
        );
    }
}

/// `post-without-unit`: a post at the top of its hierarchy (`boundary: top`, no superior),
/// reported with the number of posts under it, which belong to no unit either. Posts with no
/// superior and no boundary are orphans; posts declared `parent-outside` belong to a unit that is
/// not described; posts under a unit belong to it.
fn posts_without_unit(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let is_post = |ix: UnitIx| graph.unit(ix).kind.value == UnitKind::Post;
    let tops: Vec<UnitIx> = graph
        .units()
        .filter(|&(ix, unit)| {
            is_post(ix)
                && unit.boundary == Some(Boundary::Top)
                && unit.status != Status::Dissolved
                && !graph.hierarchy().has_superior(ix)
        })
        .map(|(ix, _)| ix)
        .collect();
    let mut claimed = vec![false; graph.unit_count()];
    let taken = cx.claim(&tops, &mut claimed, is_post);
    for (&ix, taken) in tops.iter().zip(taken) {
        let unit = graph.unit(ix);
        let mut diagnostic = Diagnostic::new(
            Code::PostWithoutUnit,
            text!("check-post-without-unit", id = unit.id.as_str()),
        )
        .at(unit_place(unit))
        .with_hint(text!("check-post-without-unit-hint"))
        .about([unit.id.as_str()]);
        if taken > 0 {
            diagnostic =
                diagnostic.with_label(text!("check-post-without-unit-label", taken = taken));
        }
        out.push(diagnostic);
    }
}

/// `hierarchy-cycle`: each set of units placed under each other in a circle (a strongly
/// connected component of the hierarchy of two units or more: a tie to oneself is a `self-tie`),
/// every member listed and every tie of the cycle shown. Kosaraju's algorithm, iterative:
/// `O(|V| + |E|)`.
fn cycles(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let mut components: Vec<Vec<UnitIx>> = kosaraju_scc(&graph.hierarchy().view())
        .into_iter()
        .filter(|c| c.len() > 1)
        .collect();
    for component in &mut components {
        component.sort_unstable();
    }
    components.sort_unstable_by_key(|c| c[0]);
    for members in components {
        let inside: FastSet<UnitIx> = members.iter().copied().collect();
        let ids: Vec<&str> = members.iter().map(|&m| graph.unit(m).id.as_str()).collect();
        let first = graph.unit(members[0]);
        let mut diagnostic = Diagnostic::new(
            Code::HierarchyCycle,
            text!("check-cycle", units = list(&ids)),
        )
        .at(unit_place(first))
        .with_label(text!("check-cycle-label", n = members.len()))
        .with_hint(text!("check-cycle-hint"));
        for &member in &members {
            for link in graph.hierarchy().up(member) {
                if link.to != member && inside.contains(&link.to) {
                    diagnostic =
                        diagnostic.with_related(link.tie.origin.at(link.tie.to.span), link.tie);
                }
            }
        }
        let mut subjects = ids;
        subjects.sort_unstable();
        out.push(diagnostic.about(subjects));
    }
}

/// `self-tie`: a tie whose two ends are one unit.
fn self_ties(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (ix, tie) in cx.graph.ties() {
        let (from, to) = cx.graph.ends(ix);
        if from == to {
            out.push(
                Diagnostic::new(
                    Code::SelfTie,
                    text!(
                        "check-self-tie",
                        id = tie.from.as_str(),
                        verb = Arg::word(|lang| tie.kind.verb_in(lang))
                    ),
                )
                .at(tie.origin.at(tie.to.span))
                .with_label(text!("check-self-tie-label"))
                .with_hint(text!("check-self-tie-hint"))
                .about(tie_subjects(tie)),
            );
        }
    }
}

/// `multiple-attachments`: a unit with plain attachments to two or more different units and no
/// joint attachment. Reported at its second parent, with the others shown.
fn attachments(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for (ix, unit) in graph.units() {
        let parents = graph.hierarchy().up(ix);
        if parents.iter().any(|l| l.kind() == TieKind::JointAttachment) {
            continue;
        }
        let mut seen = FastSet::default();
        let attached: Vec<_> = parents
            .into_iter()
            .filter(|l| l.kind() == TieKind::Attachment && l.to != ix && seen.insert(l.to))
            .collect();
        let [first, second, ..] = attached.as_slice() else {
            continue;
        };
        let ids: Vec<&str> = attached.iter().map(|v| v.tie.to.as_str()).collect();
        let mut diagnostic = Diagnostic::new(
            Code::MultipleAttachments,
            text!(
                "check-attachments",
                unit = described(unit),
                n = attached.len(),
                units = list(&ids)
            ),
        )
        .at(second.tie.origin.at(second.tie.to.span))
        .with_label(text!("check-attachments-label"))
        .with_related(
            first.tie.origin.at(first.tie.to.span),
            text!("check-attachments-first"),
        )
        .with_hint(text!("check-attachments-hint"))
        .about([unit.id.as_str()]);
        for other in &attached[2..] {
            diagnostic = diagnostic.with_related(
                other.tie.origin.at(other.tie.to.span),
                text!("check-attachments-other"),
            );
        }
        out.push(diagnostic);
    }
}

/// `wide-span`: a unit or post with more distinct direct reports than the threshold (as `stats`
/// counts them: units and posts under it by any hierarchical tie).
fn spans(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let max = cx.options.max_span;
    for (ix, unit) in cx.graph.units() {
        let span = cx.graph.hierarchy().direct_reports(ix).len();
        if span > max {
            out.push(
                Diagnostic::new(
                    Code::WideSpan,
                    text!(
                        "check-wide-span",
                        unit = described(unit),
                        span = span,
                        max = max
                    ),
                )
                .at(unit_place(unit))
                .with_label(text!("check-wide-span-label", span = span))
                .with_hint(text!("check-wide-span-hint"))
                .about([unit.id.as_str()]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Options;
    use crate::check::testing::{found, problems_of};
    use crate::diagnostic::Code;
    use crate::graph::testing::description;
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;
    use crate::model::{Boundary, Status};

    #[test]
    fn an_orphan_is_reported_once_at_the_top_of_what_hangs_from_it() {
        let mut d = description(
            &[
                ("top", Ministry),
                ("lost", Directorate),
                ("b-1", Bureau),
                ("b-2", Bureau),
                ("shared", Post),
            ],
            &[
                ("b-1", Attachment, "lost"),
                ("b-2", Attachment, "b-1"),
                ("shared", JointAttachment, "lost"),
                ("shared", JointAttachment, "top"),
            ],
        );
        d.units[0].boundary = Some(Boundary::Top);
        assert_eq!(problems_of(d, Code::OrphanUnit), ["lost"]);
    }

    #[test]
    fn boundaries_dissolved_units_and_ties_left_out_are_not_orphans() {
        let mut d = description(
            &[
                ("top", Ministry),
                ("outside", Agency),
                ("old", Directorate),
                ("child", Bureau),
            ],
            &[("child", Attachment, "nowhere")],
        );
        d.units[0].boundary = Some(Boundary::Top);
        d.units[1].boundary = Some(Boundary::ParentOutside);
        d.units[2].status = Status::Dissolved;
        let codes = [Code::UnknownUnit, Code::OrphanUnit];
        assert_eq!(
            found(d, Options::default(), &codes),
            [(Code::UnknownUnit, "attachment child nowhere".to_owned())]
        );
    }

    #[test]
    fn a_post_at_the_top_belongs_to_no_unit() {
        let mut d = description(
            &[
                ("head", Post),
                ("deputy", Post),
                ("unit", Directorate),
                ("clerk", Post),
            ],
            &[
                ("deputy", LineAuthority, "head"),
                ("unit", Attachment, "head"),
                ("clerk", Attachment, "unit"),
            ],
        );
        d.units[0].boundary = Some(Boundary::Top);
        let found = crate::check::testing::checked(d, Options::default());
        let posts: Vec<_> = found
            .iter()
            .filter(|d| d.code == Code::PostWithoutUnit)
            .collect();
        assert_eq!(posts.len(), 1);
        assert_eq!(&*posts[0].subjects, ["head"]);
        assert_eq!(
            posts[0].label.as_deref(),
            Some("it and 1 post under it belong to no unit")
        );
    }

    #[test]
    fn a_cycle_lists_every_member_once() {
        let mut d = description(
            &[
                ("top", Ministry),
                ("a", Directorate),
                ("b", Bureau),
                ("c", Bureau),
            ],
            &[
                ("a", Attachment, "c"),
                ("b", Attachment, "a"),
                ("c", Attachment, "b"),
                ("c", LineAuthority, "a"),
                ("a", Attachment, "a"),
            ],
        );
        d.units[0].boundary = Some(Boundary::Top);
        let codes = [
            Code::HierarchyCycle,
            Code::SelfTie,
            Code::MultipleAttachments,
            Code::OrphanUnit,
        ];
        assert_eq!(
            found(d, Options::default(), &codes),
            [
                (Code::HierarchyCycle, "a b c".to_owned()),
                (Code::SelfTie, "attachment a a".to_owned()),
            ]
        );
    }

    #[test]
    fn two_attachments_need_a_joint_one() {
        let mut d = description(
            &[
                ("top", Ministry),
                ("a", Directorate),
                ("b", Directorate),
                ("twice", Bureau),
                ("joint", Bureau),
                ("led", Bureau),
            ],
            &[
                ("a", Attachment, "top"),
                ("b", Attachment, "top"),
                ("twice", Attachment, "a"),
                ("twice", Attachment, "b"),
                ("joint", JointAttachment, "a"),
                ("joint", JointAttachment, "b"),
                ("led", Attachment, "a"),
                ("led", LineAuthority, "b"),
                ("led", Attachment, "a"),
            ],
        );
        d.units[0].boundary = Some(Boundary::Top);
        assert_eq!(problems_of(d, Code::MultipleAttachments), ["twice"]);
    }

    #[test]
    fn a_span_above_the_threshold_warns() {
        let mut units = vec![("top".to_owned(), Ministry)];
        let mut ties = Vec::new();
        for i in 0..4 {
            units.push((format!("b-{i}"), Bureau));
            ties.push((format!("b-{i}"), Attachment, "top".to_owned()));
        }
        let mut d = description(&units, &ties);
        d.units[0].boundary = Some(Boundary::Top);
        let wide = |max_span| found(d.clone(), Options { max_span }, &[Code::WideSpan]).len();
        assert_eq!(wide(3), 1);
        assert_eq!(wide(4), 0);
    }
}
