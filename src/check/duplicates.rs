//! Rules on things said twice: a unit declared twice under two ids, a tie stated twice.

use std::collections::hash_map::Entry;

use super::{Context, described, unit_place};
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::{TieIx, UnitIx, tie_subjects};
use crate::i18n::text;
use crate::model::{FastMap, OrganisationIndex, UnitKind, fold};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    units(cx, out);
    ties(cx, out);
}

/// Which of a unit's names two units share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Name {
    Name,
    Acronym,
}

/// `duplicate-unit`: a unit with the kind, organisation and folded name or acronym of a unit
/// declared before it. Reported once per later unit, at it, with the first shown. One pass with a
/// hash map.
fn units(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let mut first: FastMap<(OrganisationIndex, UnitKind, Name, String), UnitIx> =
        FastMap::default();
    for (ix, unit) in graph.units() {
        let names = [
            Some((Name::Name, &unit.name)),
            unit.acronym.as_ref().map(|a| (Name::Acronym, a)),
        ];
        let mut same = None;
        for (which, text) in names.into_iter().flatten() {
            // Acronyms fold without spaces too: "B.E." and "BE" are one acronym.
            let folded = match which {
                Name::Name => fold(text),
                Name::Acronym => fold(text).replace(' ', ""),
            };
            if folded.is_empty() {
                continue;
            }
            let key = (unit.organisation, unit.kind.value, which, folded);
            match first.entry(key) {
                Entry::Occupied(earlier) => {
                    same = same.or(Some((*earlier.get(), which)));
                }
                Entry::Vacant(slot) => {
                    slot.insert(ix);
                }
            }
        }
        let Some((earlier, which)) = same else {
            continue;
        };
        let earlier = graph.unit(earlier);
        let (what, text) = match which {
            Name::Name => ("name", &unit.name),
            Name::Acronym => ("acronym", unit.acronym.as_ref().unwrap_or(&unit.name)),
        };
        let mut subjects = [earlier.id.as_str(), unit.id.as_str()];
        subjects.sort_unstable();
        out.push(
            Diagnostic::new(
                Code::DuplicateUnit,
                text!(
                    "check-duplicate-unit",
                    unit = described(unit),
                    first = earlier.id.as_str(),
                    what = what,
                    text = text
                ),
            )
            .at(unit_place(unit))
            .with_label(text!("check-duplicate-unit-label"))
            .with_related(unit_place(earlier), text!("first-declared-here"))
            .with_hint(text!("check-duplicate-unit-hint"))
            .about(subjects),
        );
    }
}

/// `duplicate-tie`: a tie of the kind and ends of one stated before it (either way round for a
/// symmetric kind). Reported at each later statement, with the first shown. One pass with a hash
/// map.
fn ties(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let mut first: FastMap<_, TieIx> = FastMap::default();
    for (ix, tie) in graph.ties() {
        let (from, to) = graph.ends(ix);
        let ends = if tie.kind.is_symmetric() && to < from {
            (to, from)
        } else {
            (from, to)
        };
        let earlier = match first.entry((tie.kind.value, ends)) {
            Entry::Occupied(earlier) => *earlier.get(),
            Entry::Vacant(slot) => {
                slot.insert(ix);
                continue;
            }
        };
        let earlier = graph.tie(earlier);
        let label = if earlier.from.value == tie.from.value {
            text!("check-duplicate-tie-label")
        } else {
            text!("check-duplicate-tie-reversed")
        };
        let mut subjects = tie_subjects(tie);
        if tie.kind.is_symmetric() {
            subjects[1..].sort_unstable();
        }
        out.push(
            Diagnostic::new(Code::DuplicateTie, text!("check-duplicate-tie", tie = tie))
                .at(tie.origin.at(tie.kind.span))
                .with_label(label)
                .with_related(
                    earlier.origin.at(earlier.kind.span),
                    text!("check-duplicate-tie-first"),
                )
                .with_hint(text!("check-duplicate-tie-hint"))
                .about(subjects),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::problems_of;
    use crate::diagnostic::Code;
    use crate::graph::testing::{description, organisation};
    use crate::model::OrganisationIndex;
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    #[test]
    fn same_kind_organisation_and_folded_name_or_acronym() {
        let mut d = description(
            &[
                ("a", Bureau),
                ("b", Bureau),
                ("c", Bureau),
                ("d", Service),
                ("e", Bureau),
                ("f", Bureau),
            ],
            &[],
        );
        d.organisations.push(organisation("other"));
        for (i, name) in [
            "Bureau des études",
            "BUREAU DES ETUDES",
            "x",
            "Bureau des études",
            "y",
            "z",
        ]
        .into_iter()
        .enumerate()
        {
            d.units[i].name = name.to_owned();
        }
        d.units[2].acronym = Some("BE".to_owned());
        d.units[4].acronym = Some("B.E.".to_owned());
        d.units[5].name = "Bureau des études".to_owned();
        d.units[5].organisation = OrganisationIndex(1);
        assert_eq!(problems_of(d, Code::DuplicateUnit), ["a b", "c e"]);
    }

    #[test]
    fn a_tie_stated_twice_or_both_ways_round() {
        let d = description(
            &[("a", Directorate), ("b", Directorate), ("c", Directorate)],
            &[
                ("a", Cooperation, "b"),
                ("b", Cooperation, "a"),
                ("a", Coordination, "b"),
                ("b", Coordination, "a"),
                ("a", Coordination, "c"),
                ("a", Coordination, "c"),
            ],
        );
        assert_eq!(
            problems_of(d, Code::DuplicateTie),
            ["cooperation a b", "coordination a c"]
        );
    }
}
