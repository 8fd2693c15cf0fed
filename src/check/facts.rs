//! Rules on single facts: units with no tie, ties to a past state, facts with no source, vacant
//! posts.

use petgraph::Direction::{Incoming, Outgoing};

use super::{Context, described, unit_place};
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::{UnitIx, tie_subjects};
use crate::i18n::list;
use crate::i18n::text;
use crate::model::{FastMap, Status, Tie, TieKind};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    isolated(cx, out);
    outdated(cx, out);
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

/// `outdated-tie`: a tie with no `valid_until` to or from a unit that a `succession` tie says was
/// succeeded, or that is dissolved; reported once per tie, at the end naming that unit, with the
/// successors suggested. Succession ties themselves are the record of the change.
fn outdated(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let mut successions: FastMap<UnitIx, Vec<&Tie>> = FastMap::default();
    for (ix, tie) in graph.ties() {
        let (successor, predecessor) = graph.ends(ix);
        if tie.kind.value == TieKind::Succession && successor != predecessor {
            successions.entry(predecessor).or_default().push(tie);
        }
    }
    let past = |unit: UnitIx| {
        successions.contains_key(&unit) || graph.unit(unit).status == Status::Dissolved
    };
    for (ix, tie) in graph.ties() {
        if tie.kind.value == TieKind::Succession || tie.valid_until.is_some() {
            continue;
        }
        let (from, to) = graph.ends(ix);
        let (gone, end) = if past(to) {
            (to, &tie.to)
        } else if past(from) {
            (from, &tie.from)
        } else {
            continue;
        };
        let unit = graph.unit(gone);
        let succeeded = successions.get(&gone).map_or(&[][..], Vec::as_slice);
        let id = unit.id.as_str();
        let diagnostic = if succeeded.is_empty() {
            Diagnostic::new(
                Code::OutdatedTie,
                text!("check-outdated-dissolved", tie = tie, id = id),
            )
            .with_label(text!("check-outdated-dissolved-label"))
            .with_hint(text!("check-outdated-dissolved-hint"))
        } else {
            let successors: Vec<&str> = succeeded.iter().map(|s| s.from.as_str()).collect();
            let successors = list(&successors);
            let message = match succeeded.iter().find_map(|s| s.valid_from) {
                Some(date) => text!(
                    "check-outdated-succeeded-in",
                    tie = tie,
                    successors = successors.clone(),
                    id = id,
                    date = date.to_string()
                ),
                None => text!(
                    "check-outdated-succeeded",
                    tie = tie,
                    successors = successors.clone(),
                    id = id
                ),
            };
            let mut diagnostic = Diagnostic::new(Code::OutdatedTie, message)
                .with_label(text!(
                    "check-outdated-succeeded-label",
                    successors = successors.clone()
                ))
                .with_hint(text!(
                    "check-outdated-succeeded-hint",
                    successors = successors
                ));
            for succession in succeeded {
                diagnostic = diagnostic.with_related(
                    succession.origin.at(succession.from.span),
                    text!(
                        "check-outdated-succeeded-here",
                        successor = succession.from.as_str(),
                        id = id
                    ),
                );
            }
            diagnostic
        };
        out.push(
            diagnostic
                .at(tie.origin.at(end.span))
                .about(tie_subjects(tie)),
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
    use crate::model::{Boundary, Date, Span, Spanned, Status};

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
    fn ties_to_a_succeeded_or_dissolved_unit_are_outdated_unless_they_end() {
        let mut d = description(
            &[
                ("new", Directorate),
                ("old", Directorate),
                ("gone", Directorate),
                ("team", Team),
                ("partner", Agency),
            ],
            &[
                ("new", Succession, "old"),
                ("team", Attachment, "old"),
                ("old", Cooperation, "partner"),
                ("partner", Cooperation, "gone"),
                ("team", Cooperation, "partner"),
                ("partner", Coordination, "old"),
            ],
        );
        d.units[2].status = Status::Dissolved;
        d.ties[0].valid_from = Some(Date::parse("2019").unwrap());
        d.ties[5].valid_until = Some(Date::parse("2019").unwrap());
        let found = crate::check::testing::checked(d, Options::default());
        let outdated: Vec<&str> = found
            .iter()
            .filter(|d| d.code == Code::OutdatedTie)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            outdated,
            [
                "`team` is attached to `old`, but `new` succeeded `old` in 2019",
                "`old` cooperates with `partner`, but `new` succeeded `old` in 2019",
                "`partner` cooperates with `gone`, but `gone` is dissolved",
            ]
        );
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
