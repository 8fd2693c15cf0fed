//! Rules on heads: a unit headed twice at once, a head sitting outside the unit it heads, a line
//! authority the heads contradict.

use petgraph::Direction::Incoming;
use petgraph::visit::EdgeRef;

use super::{Context, described};
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::{Link, OrgGraph, UnitIx};
use crate::i18n::text;
use crate::model::{Family, FastSet, Tie, TieKind};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    two_heads(cx, out);
    outside(cx, out);
    authority(cx, out);
}

/// `two-heads`: a unit with two head ties that hold at once ([`crate::model::Period::overlaps`]),
/// from two posts. Reported at the second, with the first shown. A graph cut to a day holds only
/// the heads of that day; one of the whole timeline has heads that followed each other.
fn two_heads(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for (ix, unit) in graph.units() {
        let mut edges: Vec<_> = graph
            .petgraph()
            .edges_directed(ix, Incoming)
            .filter(|e| e.weight().kind == TieKind::Head)
            .map(|e| (e.id(), e.source()))
            .collect();
        if edges.len() < 2 {
            continue;
        }
        edges.sort_unstable();
        let heads: Vec<(UnitIx, &Tie)> = edges
            .into_iter()
            .map(|(tie, post)| (post, graph.tie(tie)))
            .collect();
        let clash = heads.iter().enumerate().find_map(|(i, &(post, tie))| {
            heads[..i]
                .iter()
                .find(|&&(other, earlier)| other != post && earlier.period().overlaps(tie.period()))
                .map(|&(_, earlier)| (earlier, tie))
        });
        let Some((first, second)) = clash else {
            continue;
        };
        out.push(
            Diagnostic::new(
                Code::TwoHeads,
                text!(
                    "check-two-heads",
                    unit = described(unit),
                    first = first.from.as_str(),
                    second = second.from.as_str()
                ),
            )
            .at(second.origin.at(second.from.span))
            .with_label(text!("check-two-heads-label"))
            .with_related(
                first.origin.at(first.from.span),
                text!("check-two-heads-related"),
            )
            .with_hint(text!("check-two-heads-hint"))
            .about([unit.id.as_str()]),
        );
    }
}

/// `head-outside-unit`: a post that heads a unit and is attached to another: a head sits in the
/// unit it heads, so the attachment places it elsewhere.
fn outside(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for (ix, post) in graph.units() {
        if graph
            .hierarchy()
            .first_up(ix, |k| k == TieKind::Head)
            .is_none()
        {
            continue;
        }
        let up = graph.hierarchy().up(ix);
        let headed: Vec<&Link<'_>> = up.iter().filter(|l| l.kind() == TieKind::Head).collect();
        let Some(head) = headed.first() else {
            continue;
        };
        let headed_units: FastSet<UnitIx> = headed.iter().map(|l| l.to).collect();
        for link in up.iter().filter(|l| {
            matches!(l.kind(), TieKind::Attachment | TieKind::JointAttachment)
                && !headed_units.contains(&l.to)
        }) {
            let other = graph.unit(link.to);
            out.push(
                Diagnostic::new(
                    Code::HeadOutsideUnit,
                    text!(
                        "check-head-outside-unit",
                        post = described(post),
                        unit = head.tie.to.as_str(),
                        other = described(other)
                    ),
                )
                .at(link.tie.origin.at(link.tie.to.span))
                .with_label(text!("check-head-outside-unit-label"))
                .with_related(
                    head.tie.origin.at(head.tie.to.span),
                    text!("check-head-outside-unit-related"),
                )
                .with_hint(text!("check-head-outside-unit-hint"))
                .about([post.id.as_str()]),
            );
        }
    }
}

/// `authority-against-heads`: a post under the line authority of a post that sits in no unit
/// above its own (and heads none): the heads say it answers to someone else.
fn authority(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let heads = graph.heads();
    for (ix, post) in graph.units() {
        let authority = |k| k == TieKind::LineAuthority;
        if post.kind.family() != Family::Post || graph.hierarchy().first_up(ix, authority).is_none()
        {
            continue;
        }
        let Some(unit) = heads.unit_of(ix) else {
            continue;
        };
        let up = graph.hierarchy().up(ix);
        for link in up.iter().filter(|l| l.kind() == TieKind::LineAuthority) {
            if graph.unit(link.to).kind.family() != Family::Post
                || in_line(graph, ix, unit, link.to)
            {
                continue;
            }
            let hint = match heads.by_heads(ix) {
                Some(by_heads) => text!(
                    "check-authority-against-heads-hint",
                    head = graph.unit(by_heads.post).id.as_str()
                ),
                None => text!("check-authority-against-heads-hint-headless"),
            };
            out.push(
                Diagnostic::new(
                    Code::AuthorityAgainstHeads,
                    text!(
                        "check-authority-against-heads",
                        post = described(post),
                        manager = link.tie.to.as_str(),
                        unit = graph.unit(unit).id.as_str()
                    ),
                )
                .at(link.tie.origin.at(link.tie.to.span))
                .with_label(text!("check-authority-against-heads-label"))
                .with_hint(hint)
                .about([post.id.as_str()]),
            );
        }
    }
}

/// Whether `manager` sits in the line of `post`, whose unit is `unit`: in or at the head of a
/// unit above it, or of its own unit unless the post heads that unit.
fn in_line(graph: &OrgGraph, post: UnitIx, unit: UnitIx, manager: UnitIx) -> bool {
    let heads = graph.heads();
    let heads_own = heads.headed_by(post).contains(&unit);
    let above = graph.hierarchy().climb(unit);
    let placed = |u: UnitIx| above.contains_key(&u) && !(heads_own && u == unit);
    placed(manager)
        || heads.unit_of(manager).is_some_and(placed)
        || heads.headed_by(manager).into_iter().any(placed)
}

#[cfg(test)]
mod tests {
    use crate::check::Options;
    use crate::check::testing::{checked, problems_of};
    use crate::diagnostic::Code;
    use crate::graph::testing::description;
    use crate::model::Date;
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    #[test]
    fn a_unit_has_one_head_at_a_time() {
        let mut d = description(
            &[("dir", Directorate), ("old", Post), ("new", Post)],
            &[("old", Head, "dir"), ("new", Head, "dir")],
        );
        assert_eq!(problems_of(d.clone(), Code::TwoHeads), ["dir"]);
        d.ties[0].valid_until = Date::parse("2024").ok();
        d.ties[1].valid_from = Date::parse("2024").ok();
        assert!(
            problems_of(d, Code::TwoHeads).is_empty(),
            "one after the other"
        );
    }

    #[test]
    fn a_head_sits_in_the_unit_it_heads() {
        let d = description(
            &[
                ("sg", SecretariatGeneral),
                ("dir", Directorate),
                ("director", Post),
            ],
            &[
                ("dir", Attachment, "sg"),
                ("director", Head, "dir"),
                ("director", Attachment, "dir"),
            ],
        );
        assert!(problems_of(d.clone(), Code::HeadOutsideUnit).is_empty());
        let mut d = d;
        d.ties[2].to.value = crate::model::UnitId::new("sg").unwrap();
        assert_eq!(problems_of(d, Code::HeadOutsideUnit), ["director"]);
    }

    #[test]
    fn line_authority_outside_the_line_of_units_warns() {
        let d = description(
            &[
                ("sg", SecretariatGeneral),
                ("sgs", Post),
                ("deputy", Post),
                ("dir", Directorate),
                ("director", Post),
                ("agent", Post),
                ("other", Directorate),
                ("stranger", Post),
            ],
            &[
                ("sgs", Head, "sg"),
                ("deputy", Attachment, "sg"),
                ("dir", Attachment, "sg"),
                ("director", Head, "dir"),
                ("director", LineAuthority, "deputy"),
                ("agent", Attachment, "dir"),
                ("agent", LineAuthority, "director"),
                ("other", Attachment, "sg"),
                ("stranger", Head, "other"),
                ("agent", LineAuthority, "stranger"),
            ],
        );
        let warnings: Vec<_> = checked(d, Options::default())
            .into_iter()
            .filter(|w| w.code == Code::AuthorityAgainstHeads)
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:#?}");
        assert!(
            warnings[0].message.contains("`stranger`"),
            "{}",
            warnings[0].message
        );
        assert!(
            warnings[0]
                .hint
                .as_deref()
                .unwrap_or_default()
                .contains("`director`"),
            "{warnings:#?}"
        );
    }
}
