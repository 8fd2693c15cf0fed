//! The structure in force at a date: a description cut to what exists on one day, before it
//! becomes a graph, so that every command answers as of that day without knowing it.
//!
//! On a day (see [`Period`](crate::model::Period) for what "in force" means):
//! - a unit is in the structure when the day is in its life ([`Unit::in_force`]); a dissolved
//!   unit with no end date is in none;
//! - a unit has the name, acronym, kind, remit and headcount that applied on that day
//!   ([`Unit::take_values_at`]);
//! - a tie holds when the day is in its period and both its ends are in the structure. A tie to
//!   a unit the description does not declare at all is kept, to be reported as unknown.
//!
//! What is left out is kept apart, in [`Absent`], so that a unit that no longer exists (or does
//! not exist yet) can still be shown, with when it ended and what succeeded it.
//!
//! A proposal that takes effect on a day can also be written into the whole description as
//! changes of that day ([`apply_dated`]), which every cut then sees: the structure the proposal
//! makes from that day, the one there was before it.

mod dated;

pub use dated::apply_dated;
pub(crate) use dated::{date, reused_ids};

use crate::model::{Date, Description, IdMap, Tie, TieKind, Unit, UnitId};

/// The units and ties of a description that are not in force on the day it was cut to.
#[derive(Debug, Default)]
pub struct Absent {
    /// The day of the cut.
    day: Option<Date>,
    /// The units not in the structure on that day, in declaration order, with their own values.
    units: IdMap<UnitId, Unit>,
    /// The ties that do not hold on that day, in declaration order.
    ties: Vec<Tie>,
}

/// Why a unit is not in the structure on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gone {
    /// It ended on this date, on or before the day.
    Ended(Date),
    /// It ended at a date the description does not give (dissolved, no `valid_until`).
    EndedUndated,
    /// It starts on this date, after the day.
    NotYet(Date),
}

impl Absent {
    /// The day the description was cut to, if it was.
    pub const fn day(&self) -> Option<Date> {
        self.day
    }

    /// The unit with this id that is not in the structure on the day, with why.
    pub fn unit(&self, id: &str) -> Option<(&Unit, Gone)> {
        let unit = self.units.get(id)?;
        let day = self.day?.start();
        let gone = match (unit.valid_from, unit.valid_until) {
            (Some(from), _) if day < from.start() => Gone::NotYet(from),
            (_, Some(until)) => Gone::Ended(until),
            _ => Gone::EndedUndated,
        };
        Some((unit, gone))
    }

    /// Every unit not in the structure on the day, in declaration order.
    pub fn units(&self) -> impl Iterator<Item = &Unit> {
        self.units.values()
    }

    /// Every tie that does not hold on the day, in declaration order.
    pub fn ties(&self) -> &[Tie] {
        &self.ties
    }

    /// The succession ties that say a unit succeeded `id` (`from` replaced `to`), in declaration
    /// order: who took over from a unit that ended.
    pub fn successors_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Tie> + 'a {
        self.ties
            .iter()
            .filter(move |tie| tie.kind.value == TieKind::Succession && tie.to.as_str() == id)
    }

    /// The succession ties that say `id` succeeded another unit, in declaration order: whom a
    /// unit that does not exist yet will take over from.
    pub fn predecessors_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Tie> + 'a {
        self.ties
            .iter()
            .filter(move |tie| tie.kind.value == TieKind::Succession && tie.from.as_str() == id)
    }
}

/// Cuts `description` to the structure in force on `day`: what is not in force is moved to the
/// [`Absent`] returned beside it. Linear in the size of the description, and moves nothing
/// when nothing is dated.
pub fn cut(mut description: Description, day: Date) -> (Description, Absent) {
    let day = day.start();
    let mut absent = Absent {
        day: Some(day),
        ..Absent::default()
    };
    if description.units.values().any(|unit| !unit.in_force(day)) {
        absent.units = description
            .units
            .extract_if(.., |_, unit| !unit.in_force(day))
            .collect();
    }
    let none_absent = absent.units.is_empty();
    for unit in description.units.values_mut() {
        if !unit.was.is_empty() {
            unit.take_values_at(day);
        }
        if !none_absent
            && unit
                .within
                .as_ref()
                .is_some_and(|within| absent.units.contains_key(within.as_str()))
        {
            unit.within = None;
        }
    }
    for organisation in &mut description.organisations {
        if organisation
            .unit
            .as_ref()
            .is_some_and(|unit| absent.units.contains_key(unit.as_str()))
        {
            organisation.unit = None;
        }
    }
    let holds = |tie: &Tie| {
        tie.period().holds_at(day)
            && (none_absent
                || !absent.units.contains_key(tie.from.as_str())
                    && !absent.units.contains_key(tie.to.as_str()))
    };
    if !description.ties.iter().all(holds) {
        absent.ties = description.ties.extract_if(.., |tie| !holds(tie)).collect();
    }
    (description, absent)
}

/// The day a succession took effect: the tie's `valid_from`, else the day the successor (its
/// `from`) began, else the day the predecessor (its `to`) ended; `None` when none is dated.
/// `history` and `diff` date successions this one way.
pub fn succession_day(
    tie: &Tie,
    successor: Option<&Unit>,
    predecessor: Option<&Unit>,
) -> Option<Date> {
    tie.valid_from
        .or_else(|| successor.and_then(|unit| unit.valid_from))
        .or_else(|| predecessor.and_then(|unit| unit.valid_until))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::description;
    use crate::model::{Status, TieKind::*, UnitKind::*};

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// DINSIC until 2019-10-25, then DINUM, which succeeded it; a bureau that moved from one to
    /// the other on that day; a committee dissolved at a date not known.
    fn history() -> Description {
        let mut d = description(
            &[
                ("pm", Ministry),
                ("dinsic", InterministerialDirectorate),
                ("dinum", InterministerialDirectorate),
                ("bureau", Bureau),
                ("old-committee", Committee),
            ],
            &[
                ("dinsic", Attachment, "pm"),
                ("dinum", Attachment, "pm"),
                ("bureau", Attachment, "dinsic"),
                ("bureau", Attachment, "dinum"),
                ("dinum", Succession, "dinsic"),
                ("dinum", Membership, "old-committee"),
            ],
        );
        d.units["dinsic"].valid_until = Some(date("2019-10-25"));
        d.units["dinum"].valid_from = Some(date("2019-10-25"));
        d.ties[2].valid_until = Some(date("2019-10-25"));
        d.ties[3].valid_from = Some(date("2019-10-25"));
        d.ties[4].valid_from = Some(date("2019-10-25"));
        d.units["old-committee"].status = Status::Dissolved;
        d
    }

    fn ids(description: &Description) -> Vec<&str> {
        description.units.keys().map(UnitId::as_str).collect()
    }

    fn ties(description: &Description) -> Vec<String> {
        description.ties.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_cut_keeps_what_exists_on_the_day() {
        let (before, absent) = cut(history(), date("2019-10-24"));
        assert_eq!(ids(&before), ["pm", "dinsic", "bureau"]);
        assert_eq!(
            ties(&before),
            [
                "`dinsic` is attached to `pm`",
                "`bureau` is attached to `dinsic`"
            ]
        );
        assert_eq!(
            absent.unit("dinum").map(|(_, gone)| gone),
            Some(Gone::NotYet(date("2019-10-25")))
        );
        assert_eq!(
            absent
                .predecessors_of("dinum")
                .next()
                .map(|t| t.to.as_str()),
            Some("dinsic")
        );
        let (after, absent) = cut(history(), date("2019-10-25"));
        assert_eq!(ids(&after), ["pm", "dinum", "bureau"]);
        assert_eq!(
            ties(&after),
            [
                "`dinum` is attached to `pm`",
                "`bureau` is attached to `dinum`"
            ]
        );
        assert_eq!(
            absent.unit("dinsic").map(|(_, gone)| gone),
            Some(Gone::Ended(date("2019-10-25")))
        );
        assert_eq!(
            absent.unit("old-committee").map(|(_, gone)| gone),
            Some(Gone::EndedUndated)
        );
        let successors: Vec<&str> = absent
            .successors_of("dinsic")
            .map(|t| t.from.as_str())
            .collect();
        assert_eq!(successors, ["dinum"]);
        assert!(absent.unit("bureau").is_none());
    }

    #[test]
    fn a_cut_of_an_undated_description_changes_nothing() {
        let undated = description(
            &[("pm", Ministry), ("d", Directorate)],
            &[("d", Attachment, "pm"), ("d", Attachment, "ghost")],
        );
        let (cut, absent) = cut(undated.clone(), date("2026-12-02"));
        assert_eq!(ids(&cut), ids(&undated));
        // A tie to a unit never declared is kept, for the graph to report it.
        assert_eq!(ties(&cut), ties(&undated));
        assert!(absent.units().next().is_none() && absent.ties().is_empty());
    }

    #[test]
    fn a_cut_gives_units_the_values_of_the_day() {
        let mut d = history();
        d.units["dinum"].valid_from = None;
        d.units["dinum"].was = vec![crate::model::Was {
            until: date("2019-10-25"),
            name: Some("Direction interministérielle du numérique et du SIC".into()),
            acronym: Some(Some("DINSIC".into())),
            kind: None,
            remit: None,
            headcount: None,
            source: None,
        }];
        let (before, _) = cut(d.clone(), date("2019"));
        assert_eq!(before.units["dinum"].acronym.as_deref(), Some("DINSIC"));
        let (after, _) = cut(d, date("2020"));
        assert_eq!(after.units["dinum"].acronym, None);
    }
}
