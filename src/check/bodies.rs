//! Rules on collegial bodies (observatories, committees, boards): who runs them, who sits in them.

use petgraph::Direction::Incoming;

use super::{Context, described, unit_place};
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::UnitIx;
use crate::i18n::text;
use crate::model::{Boundary, Family, Status, TieKind, UnitKind};

/// `body-without-secretariat` and `body-without-members`: a body with no `secretariat` tie into
/// it, or no `membership` nor `representation` tie into it. A body declared `parent-outside`
/// belongs to an organisation that is not described, and a body under an external body (an EU
/// institution, a standards body) to one whose inner workings are not: their secretariat and
/// members may lie outside the description, so they are left alone, as are bodies planned or
/// dissolved.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let external: Vec<UnitIx> = graph
        .units()
        .filter(|(_, unit)| unit.kind.value == UnitKind::ExternalBody)
        .map(|(ix, _)| ix)
        .collect();
    let mut outside = vec![false; graph.unit_count()];
    cx.claim(&external, &mut outside, |_| true);
    for (ix, unit) in graph.units() {
        if unit.kind.family() != Family::Body
            || outside[ix.index()]
            || unit.boundary == Some(Boundary::ParentOutside)
            || matches!(unit.status, Status::Planned | Status::Dissolved)
        {
            continue;
        }
        let (mut secretariat, mut members) = (false, false);
        for edge in graph.petgraph().edges_directed(ix, Incoming) {
            match edge.weight().kind {
                TieKind::Secretariat => secretariat = true,
                TieKind::Membership | TieKind::Representation => members = true,
                _ => {}
            }
        }
        if !secretariat {
            out.push(
                Diagnostic::new(
                    Code::BodyWithoutSecretariat,
                    text!("check-no-secretariat", unit = described(unit)),
                )
                .at(unit_place(unit))
                .with_label(text!("check-no-secretariat-label"))
                .with_hint(text!("check-no-secretariat-hint"))
                .about([unit.id.as_str()]),
            );
        }
        if !members {
            out.push(
                Diagnostic::new(
                    Code::BodyWithoutMembers,
                    text!("check-no-members", unit = described(unit)),
                )
                .at(unit_place(unit))
                .with_label(text!("check-no-members-label"))
                .with_hint(text!("check-no-members-hint"))
                .about([unit.id.as_str()]),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Options;
    use crate::check::testing::found;
    use crate::diagnostic::Code;
    use crate::graph::testing::description;
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;
    use crate::model::{Boundary, Status};

    #[test]
    fn a_body_needs_a_secretariat_and_members_unless_it_lies_outside() {
        let mut d = description(
            &[
                ("unit", Directorate),
                ("whole", Committee),
                ("bare", Observatory),
                ("outside", Board),
                ("planned", Body),
                ("led", Committee),
                ("eu", ExternalBody),
                ("eu-group", Body),
            ],
            &[
                ("unit", Secretariat, "whole"),
                ("unit", Membership, "whole"),
                ("unit", Representation, "led"),
                ("eu-group", Attachment, "eu"),
            ],
        );
        d.units[3].boundary = Some(Boundary::ParentOutside);
        d.units[4].status = Status::Planned;
        let codes = [Code::BodyWithoutSecretariat, Code::BodyWithoutMembers];
        assert_eq!(
            found(d, Options::default(), &codes),
            [
                (Code::BodyWithoutSecretariat, "bare".to_owned()),
                (Code::BodyWithoutMembers, "bare".to_owned()),
                (Code::BodyWithoutSecretariat, "led".to_owned()),
            ]
        );
    }
}
