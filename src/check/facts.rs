//! Rules on single facts: units with no tie, facts with no source, vacant posts. Ties to a past
//! state are found on the whole timeline, by the rules of time ([`super::time`]).

use petgraph::Direction::{Incoming, Outgoing};

use super::{Context, described, unit_place};
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::tie_subjects;
use crate::i18n::text;
use crate::model::Status;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    isolated(cx, out);
    sources(cx, out);
    vacant(cx, out);
}

/// `isolated-unit`: a unit with no tie at all. One with no boundary is an orphan and reported
/// as such; one whose ties were left out has them reported where they are written.
fn isolated(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph.petgraph();
    for (ix, unit) in cx.graph.units() {
        let orphan = unit.boundary.is_none() && unit.status != Status::Dissolved;
        if orphan
            || cx.graph.lost_tie(ix)
            || graph.edges_directed(ix, Outgoing).next().is_some()
            || graph.edges_directed(ix, Incoming).next().is_some()
        {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::IsolatedUnit,
                text!("check-isolated", unit = described(unit)),
            )
            .at(unit_place(unit))
            .with_label(text!("check-isolated-label"))
            .with_hint(text!("check-isolated-hint"))
            .about([unit.id.as_str()]),
        );
    }
}

/// `missing-source`: a unit or a tie that cites no source.
fn sources(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let hint = text!("check-no-source-hint");
    for (_, unit) in cx.graph.units() {
        if unit.source.is_none() {
            out.push(
                Diagnostic::new(
                    Code::MissingSource,
                    text!("check-no-source-unit", unit = described(unit)),
                )
                .at(unit_place(unit))
                .with_label(text!("check-no-source-label"))
                .with_hint(hint.clone())
                .about([unit.id.as_str()]),
            );
        }
    }
    for (_, tie) in cx.graph.ties() {
        if tie.source.is_none() {
            out.push(
                Diagnostic::new(Code::MissingSource, text!("check-no-source-tie", tie = tie))
                    .at(tie.origin.at(tie.kind.span))
                    .with_label(text!("check-no-source-label"))
                    .with_hint(hint.clone())
                    .about(tie_subjects(tie)),
            );
        }
    }
}

/// `vacant-post`: a post nobody holds (dissolved posts aside).
fn vacant(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (_, unit) in cx.graph.units() {
        let Some(vacant) = unit.vacant.as_ref().filter(|v| v.value) else {
            continue;
        };
        if unit.status == Status::Dissolved {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::VacantPost,
                text!("check-vacant", id = unit.id.as_str(), name = &unit.name),
            )
            .at(unit.origin.at(vacant.span))
            .with_label(text!("check-vacant-label"))
            .about([unit.id.as_str()]),
        );
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
    use crate::model::{Boundary, Span, Spanned};

    #[test]
    fn a_unit_with_no_tie_is_isolated_unless_it_is_an_orphan() {
        let mut d = description(
            &[("alone", Agency), ("orphan", Agency), ("tied", Agency)],
            &[("tied", Cooperation, "orphan")],
        );
        d.units[0].boundary = Some(Boundary::Top);
        d.units[2].boundary = Some(Boundary::Top);
        assert_eq!(problems_of(d, Code::IsolatedUnit), ["alone"]);
    }

    #[test]
    fn facts_with_no_source_and_vacant_posts() {
        let mut d = description(
            &[("a", Directorate), ("p", Post)],
            &[("p", Attachment, "a")],
        );
        d.units[1].vacant = Some(Spanned::new(Span::default(), true));
        let codes = [Code::MissingSource, Code::VacantPost];
        assert_eq!(
            found(d, Options::default(), &codes),
            [
                (Code::MissingSource, "a".to_owned()),
                (Code::MissingSource, "p".to_owned()),
                (Code::MissingSource, "attachment p a".to_owned()),
                (Code::VacantPost, "p".to_owned()),
            ]
        );
    }
}
