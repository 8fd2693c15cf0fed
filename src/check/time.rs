//! The rules of time: what the dates of a description say that cannot be, or hardly can. They
//! read the whole description, every unit and tie of every date, before it is cut to a day
//! ([`crate::Loader::check_timeline`]), where the rules of a graph see one day's structure:
//!
//! - `dates-out-of-order`: a unit or a tie that ends before it begins, or on the day it begins;
//!   a unit's `was` entries out of order, or ending outside its life;
//! - `outdated-tie`: a tie in force on a day when one of its ends is not (from before the unit
//!   begins, after it ended), or with no end to a unit dissolved at a date not known;
//! - `overlapping-attachments`: two plain attachments of a unit in force at once on days other
//!   than the day checked, whose structure `multiple-attachments` checks;
//! - `orphan-period`: a unit whose hierarchical ties leave part of its life with no parent, on
//!   days other than the day checked, whose structure `orphan-unit` checks;
//! - `succession-overlap` and `succession-gap`: a successor that takes over before its
//!   predecessor ends, or more than a year after;
//! - `undated-dissolution`: a unit dissolved at a date not known, in the structure of no day;
//! - `status-against-dates`: a status that the dates contradict today.
//!
//! Dates are compared as [`Period`] reads them (a partial date stands for its first day). A fact
//! whose own dates are out of order is reported once, as such, and left out of the other rules;
//! so is a unit that ended at a date not known. Ids are resolved through the description's map,
//! and the ties are grouped by unit once: the rules are linear in the units and `O(t log t)` in
//! the ties (each unit's ties are sorted by date).

use super::{described, unit_place};
use crate::TimelineDays;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::tie_subjects;
use crate::i18n::{Text, list, text};
use crate::model::{Date, Description, FastSet, Period, Status, Tie, TieKind, Unit};

/// Every problem of the dates of `description`, every date read. What the structure of the day it
/// is cut to shows to the rules of a graph (two attachments, no parent) is left to them; statuses
/// are read against today ([`TimelineDays`]). Fits [`crate::TimelineRules`].
pub fn rules(description: &Description, days: TimelineDays) -> Vec<Diagnostic> {
    // With no date and no dissolved unit, the rules have nothing to read (in most descriptions
    // written by hand at first, and every generated one): two plain passes, rather than
    // resolving every id, which costs as much as building the graph does.
    let timed = |unit: &Unit| {
        !unit.life().is_open() || !unit.was.is_empty() || unit.status == Status::Dissolved
    };
    if !description.units.values().any(timed)
        && description.ties.iter().all(|tie| tie.period().is_open())
    {
        return Vec::new();
    }
    let timeline = Timeline::new(description, days);
    let mut out = Vec::new();
    timeline.dates(&mut out);
    timeline.outdated(&mut out);
    timeline.attachments(&mut out);
    timeline.orphan_periods(&mut out);
    timeline.successions(&mut out);
    timeline.statuses(&mut out);
    out
}

/// A description, its ties' ends resolved and its ties grouped by unit once, for the rules.
struct Timeline<'d> {
    description: &'d Description,
    /// The day the structure is cut to, as its first day.
    day: Option<Date>,
    /// Today, as its first day.
    today: Option<Date>,
    /// For each tie, in declaration order, the index of its `from` and `to` units in the
    /// description's map, when it declares them.
    ends: Vec<(Option<usize>, Option<usize>)>,
    /// The hierarchical ties from each unit that hold on some day.
    up: Grouped,
    /// The succession ties that say each unit was succeeded (`to` is the unit).
    successors: Grouped,
    /// The units a tie that could not be read may place under a superior.
    unread_superior: FastSet<&'d str>,
}

impl<'d> Timeline<'d> {
    fn new(description: &'d Description, days: TimelineDays) -> Timeline<'d> {
        let units = &description.units;
        let ends: Vec<_> = description
            .ties
            .iter()
            .map(|tie| {
                (
                    units.get_index_of(tie.from.as_str()),
                    units.get_index_of(tie.to.as_str()),
                )
            })
            .collect();
        let ordered = |t: &usize| description.ties[*t].period().is_ordered();
        let kind = |t: usize| description.ties[t].kind.value;
        let up = Grouped::new(
            units.len(),
            (0..ends.len())
                .filter(|&t| kind(t).is_hierarchical())
                .filter(ordered)
                .filter_map(|t| Some((ends[t].0?, t))),
        );
        let successors = Grouped::new(
            units.len(),
            (0..ends.len())
                .filter(|&t| kind(t) == TieKind::Succession && ends[t].0 != ends[t].1)
                .filter(ordered)
                .filter_map(|t| Some((ends[t].1?, t))),
        );
        let unread_superior = description
            .unreadable
            .ties
            .iter()
            .filter(|tie| tie.hierarchical)
            .filter_map(|tie| tie.from.as_deref())
            .collect();
        Timeline {
            description,
            day: days.cut.map(Date::start),
            today: days.today.map(Date::start),
            ends,
            up,
            successors,
            unread_superior,
        }
    }

    /// The unit at `index` in the description's map.
    fn unit(&self, index: usize) -> &'d Unit {
        &self.description.units[index]
    }

    /// The ties at these indices.
    fn ties<'a>(&self, indices: &'a [usize]) -> impl Iterator<Item = &'d Tie> + 'a
    where
        'd: 'a,
    {
        let ties = &self.description.ties;
        indices.iter().map(move |&t| &ties[t])
    }

    /// The life of the unit at `index`, for comparing dates with: `None` when there is no unit
    /// (an unknown id), when its dates are out of order (reported as such) or when it ended at a
    /// date not known.
    fn life(&self, index: Option<usize>) -> Option<Period> {
        let unit = self.unit(index?);
        (unit.life().is_ordered() && !unit.ended_undated()).then(|| unit.life())
    }

    /// `dates-out-of-order`: a unit or a tie that holds on no day, a unit's `was` entries out of
    /// order or outside its life.
    fn dates(&self, out: &mut Vec<Diagnostic>) {
        let disordered = |message: Text, label: Text| {
            Diagnostic::new(Code::DatesOutOfOrder, message)
                .with_label(label)
                .with_hint(text!("check-dates-hint"))
        };
        let shown = |date: Date| date.to_string();
        for unit in self.description.units.values() {
            if let (Some(from), Some(until)) = (unit.valid_from, unit.valid_until)
                && !unit.life().is_ordered()
            {
                let message = text!(
                    "check-dates-unit",
                    unit = described(unit),
                    from = shown(from),
                    until = shown(until)
                );
                out.push(
                    disordered(message, text!("check-dates-label"))
                        .at(unit_place(unit))
                        .about([unit.id.as_str()]),
                );
                continue;
            }
            let mut previous: Option<Date> = None;
            for was in &unit.was {
                let until = was.until;
                let found = if let Some(previous) =
                    previous.filter(|previous| until.start() <= previous.start())
                {
                    Some((
                        text!(
                            "check-dates-was-order",
                            unit = described(unit),
                            until = shown(until),
                            previous = shown(previous)
                        ),
                        text!("check-dates-was-order-label"),
                    ))
                } else if let Some(from) =
                    unit.valid_from.filter(|from| until.start() <= from.start())
                {
                    Some((
                        text!(
                            "check-dates-was-early",
                            unit = described(unit),
                            until = shown(until),
                            from = shown(from)
                        ),
                        text!("check-dates-was-label"),
                    ))
                } else {
                    unit.valid_until
                        .filter(|end| until.start() >= end.start())
                        .map(|end| {
                            (
                                text!(
                                    "check-dates-was-late",
                                    unit = described(unit),
                                    until = shown(until),
                                    end = shown(end)
                                ),
                                text!("check-dates-was-label"),
                            )
                        })
                };
                if let Some((message, label)) = found {
                    out.push(
                        disordered(message, label)
                            .at(unit_place(unit))
                            .about([unit.id.as_str()]),
                    );
                }
                previous = Some(until);
            }
        }
        for tie in &self.description.ties {
            if let (Some(from), Some(until)) = (tie.valid_from, tie.valid_until)
                && !tie.period().is_ordered()
            {
                let message = text!(
                    "check-dates-tie",
                    tie = tie,
                    from = shown(from),
                    until = shown(until)
                );
                out.push(
                    disordered(message, text!("check-dates-label"))
                        .at(tie.origin.at(tie.kind.span))
                        .about(tie_subjects(tie)),
                );
            }
        }
    }

    /// `outdated-tie`: a tie in force on a day when one of its ends is not. Its `valid_from` is
    /// before either end begins; or, while its `from` still exists, it holds after its `to`
    /// ended (the message names the successors, to point the tie at), or it has no end and its
    /// `to` was dissolved at a date not known.
    ///
    /// A tie is the statement of its `from`, whose file declares it ("`a` is attached to `b`"):
    /// it ends when its `from` ends, with no `valid_until` needed, and a tie between two units
    /// that ended says nothing after them. A symmetric tie is the statement of both its ends. A
    /// tie with no start claims nothing of when it began, and a unit's creation date need not
    /// date every tie to it (the cut leaves them out before it). Reported once per tie, at the
    /// end naming the unit, `to` first. Succession ties are the record of a change, and left
    /// alone.
    fn outdated(&self, out: &mut Vec<Diagnostic>) {
        for (tie, &(from, to)) in self.description.ties.iter().zip(&self.ends) {
            let period = tie.period();
            if tie.kind.value == TieKind::Succession || !period.is_ordered() {
                continue;
            }
            for (is_to, index, other) in [(true, to, from), (false, from, to)] {
                let Some(index) = index else {
                    continue;
                };
                let unit = self.unit(index);
                // The tie while its other end exists; `None` when that end is in no day's
                // structure. An end not declared is reported as unknown, and read as always.
                let within = match other {
                    Some(other) => self.life(Some(other)).map(|life| period.intersection(life)),
                    None => Some(period),
                };
                let stated = is_to || tie.kind.value.is_symmetric();
                let found = if !unit.life().is_ordered() || within.is_none() {
                    None
                } else if let Some(from) = unit
                    .valid_from
                    .filter(|_| tie.valid_from.is_some() && period.starts_before(unit.life()))
                {
                    Some(early(tie, unit, from))
                } else if !stated {
                    None
                } else if unit.ended_undated() {
                    within
                        .filter(|within| within.until.is_none())
                        .map(|_| dissolved(tie, unit))
                } else {
                    unit.valid_until
                        .filter(|_| within.is_some_and(|within| within.ends_after(unit.life())))
                        .map(|until| self.ended(tie, index, until))
                };
                if let Some(diagnostic) = found {
                    let end = if is_to { &tie.to } else { &tie.from };
                    out.push(
                        diagnostic
                            .at(tie.origin.at(end.span))
                            .about(tie_subjects(tie)),
                    );
                    break;
                }
            }
        }
    }

    /// An `outdated-tie` that holds after the unit at `index` ended, on `until`, with its
    /// successors.
    fn ended(&self, tie: &Tie, index: usize, until: Date) -> Diagnostic {
        let unit = self.unit(index);
        let id = unit.id.as_str();
        let date = until.to_string();
        let succeeded: Vec<&Tie> = self.ties(self.successors.of(index)).collect();
        let mut diagnostic = if succeeded.is_empty() {
            Diagnostic::new(
                Code::OutdatedTie,
                text!(
                    "check-outdated-ended",
                    tie = tie,
                    id = id,
                    date = date.as_str()
                ),
            )
            .with_hint(text!("check-outdated-ended-hint", date = date))
        } else {
            let successors: Vec<&str> = succeeded.iter().map(|s| s.from.as_str()).collect();
            let successors = list(&successors);
            Diagnostic::new(
                Code::OutdatedTie,
                text!(
                    "check-outdated-ended-by",
                    tie = tie,
                    id = id,
                    date = date,
                    successors = successors.clone()
                ),
            )
            .with_hint(text!(
                "check-outdated-succeeded-hint",
                successors = successors
            ))
        }
        .with_label(text!("check-outdated-ended-label", id = id))
        .with_related(unit_place(unit), text!("check-time-dates-here", id = id));
        for succession in &succeeded {
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
    }

    /// `overlapping-attachments`: two plain attachments of a unit, to two units, in force at once
    /// (each tie read within the lives of its two ends) on days other than the day checked: the
    /// structure of that day holds both, and `multiple-attachments` reports them there, so a pair
    /// is reported once. Without a day, the graph is not cut and holds every pair. A unit with a
    /// joint attachment at any date is left alone, as `multiple-attachments` leaves it.
    ///
    /// Each attachment is compared with the one, among those starting before it to another
    /// parent, that reaches furthest: a sweep by date, reported at the later of the two.
    fn attachments(&self, out: &mut Vec<Diagnostic>) {
        let Some(day) = self.day else {
            return;
        };
        for (index, unit) in self.description.units.values().enumerate() {
            let ties = self.up.of(index);
            let attachment = |t: &usize| {
                self.description.ties[*t].kind.value == TieKind::Attachment
                    && self.ends[*t].1 != Some(index)
            };
            // Most units have one attachment: they are done without a look at any date.
            if ties.iter().filter(|t| attachment(t)).nth(1).is_none()
                || self
                    .ties(ties)
                    .any(|t| t.kind.value == TieKind::JointAttachment)
            {
                continue;
            }
            let Some(life) = self.life(Some(index)) else {
                continue;
            };
            // Each attachment as it holds, within the lives of its two ends, with its parent.
            let mut held: Vec<(Period, &Tie, usize)> = ties
                .iter()
                .filter(|t| attachment(t))
                .filter_map(|&t| {
                    let parent = self.ends[t].1?;
                    let tie = &self.description.ties[t];
                    let held = tie
                        .period()
                        .intersection(life)
                        .intersection(self.life(Some(parent))?);
                    held.is_ordered().then_some((held, tie, parent))
                })
                .collect();
            held.sort_by_key(|(held, _, _)| held.from.map(Date::start));
            // The attachment that reaches furthest so far, and the one that reaches furthest to
            // another parent than that one's.
            let mut furthest: Option<(Period, &Tie, usize)> = None;
            let mut other: Option<(Period, &Tie, usize)> = None;
            for &(period, tie, parent) in &held {
                let earlier = match furthest {
                    Some(f) if f.2 != parent => Some(f),
                    _ => other,
                };
                if let Some((reach, first, _)) = earlier {
                    let both = period.intersection(reach);
                    if both.is_ordered() && !both.holds_at(day) {
                        out.push(overlapping(unit, first, tie, both));
                    }
                }
                match furthest {
                    Some(f) if f.2 == parent => {
                        if period.ends_after(f.0) {
                            furthest = Some((period, tie, parent));
                        }
                    }
                    Some(f) if !period.ends_after(f.0) => {
                        if other.is_none_or(|o| period.ends_after(o.0)) {
                            other = Some((period, tie, parent));
                        }
                    }
                    _ => {
                        other = furthest;
                        furthest = Some((period, tie, parent));
                    }
                }
            }
        }
    }

    /// `orphan-period`: a unit with hierarchical ties whose periods leave part of its life with
    /// no parent, on days other than the day checked (whose structure `orphan-unit` checks). A
    /// unit with no hierarchical tie at all is the orphan rule's, one with a boundary has no
    /// parent to have, and one whose tie to a superior could not be read is left alone. A tie is
    /// read with its own dates: one that outlasts its parent is an `outdated-tie`.
    fn orphan_periods(&self, out: &mut Vec<Diagnostic>) {
        for (index, unit) in self.description.units.values().enumerate() {
            let ties = self.up.of(index);
            // A unit with no hierarchical tie is the orphan rule's, and an undated tie covers
            // the whole life: most units of most descriptions are done here.
            if ties.is_empty()
                || self.ties(ties).any(|tie| tie.period().is_open())
                || unit.boundary.is_some()
                || self.unread_superior.contains(unit.id.as_str())
            {
                continue;
            }
            let Some(life) = self.life(Some(index)) else {
                continue;
            };
            let ties: Vec<&Tie> = self.ties(ties).collect();
            let periods: Vec<Period> = ties.iter().map(|tie| tie.period()).collect();
            for gap in life.gaps(&periods) {
                if self.day.is_some_and(|day| gap.period.holds_at(day)) {
                    continue;
                }
                let mut diagnostic = Diagnostic::new(
                    Code::OrphanPeriod,
                    text!(
                        "check-orphan-period",
                        unit = described(unit),
                        when = when(gap.period)
                    ),
                )
                .at(unit_place(unit))
                .with_label(text!("check-orphan-period-label"))
                .with_hint(text!("check-orphan-period-hint"))
                .about([unit.id.as_str()]);
                if let (Some(tie), Some(date)) = (gap.after, gap.period.from) {
                    let tie = ties[tie];
                    diagnostic = diagnostic.with_related(
                        tie.origin.at(tie.to.span),
                        text!("check-orphan-period-before", date = date.to_string()),
                    );
                }
                if let (Some(tie), Some(date)) = (gap.before, gap.period.until) {
                    let tie = ties[tie];
                    diagnostic = diagnostic.with_related(
                        tie.origin.at(tie.to.span),
                        text!("check-orphan-period-after", date = date.to_string()),
                    );
                }
                out.push(diagnostic);
            }
        }
    }

    /// `succession-overlap` and `succession-gap`: a successor that starts (the succession's
    /// `valid_from`, else its own) before its predecessor ends, or that has no end; or more than
    /// [`SUCCESSION_GAP`] after it ended. A succession with no start known, or a predecessor that
    /// ended at a date not known, is left alone.
    fn successions(&self, out: &mut Vec<Diagnostic>) {
        for (tie, &(from, to)) in self.description.ties.iter().zip(&self.ends) {
            if tie.kind.value != TieKind::Succession || from == to || !tie.period().is_ordered() {
                continue;
            }
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            let (successor, predecessor) = (self.unit(from), self.unit(to));
            if self.life(Some(to)).is_none() {
                continue;
            }
            let Some(start) = tie.valid_from.or(successor
                .valid_from
                .filter(|_| successor.life().is_ordered()))
            else {
                continue;
            };
            let (successor_id, predecessor_id) = (tie.from.as_str(), tie.to.as_str());
            let began = start.to_string();
            let overlap = |message: Text| {
                (
                    Code::SuccessionOverlap,
                    message,
                    text!("check-succession-overlap-label"),
                    text!(
                        "check-succession-overlap-hint",
                        successor = successor_id,
                        predecessor = predecessor_id
                    ),
                )
            };
            let (code, message, label, hint) = match predecessor.valid_until {
                None => overlap(text!(
                    "check-succession-open",
                    successor = successor_id,
                    predecessor = predecessor_id,
                    start = began
                )),
                Some(end) if start.start() < end.start() => overlap(text!(
                    "check-succession-overlap",
                    successor = successor_id,
                    predecessor = predecessor_id,
                    start = began,
                    end = end.to_string()
                )),
                Some(end) if start.start() > a_year_after(end) => (
                    Code::SuccessionGap,
                    text!(
                        "check-succession-gap",
                        successor = successor_id,
                        predecessor = predecessor_id,
                        start = began,
                        end = end.to_string()
                    ),
                    text!(
                        "check-succession-gap-label",
                        days = start.days_since_epoch().abs_diff(end.days_since_epoch())
                    ),
                    text!("check-succession-gap-hint"),
                ),
                Some(_) => continue,
            };
            let mut diagnostic = Diagnostic::new(code, message)
                .at(tie.origin.at(tie.kind.span))
                .with_label(label)
                .with_hint(hint)
                .with_related(
                    unit_place(predecessor),
                    text!("check-time-dates-here", id = predecessor_id),
                )
                .about(tie_subjects(tie));
            if tie.valid_from.is_none() {
                diagnostic = diagnostic.with_related(
                    unit_place(successor),
                    text!("check-time-dates-here", id = successor_id),
                );
            }
            out.push(diagnostic);
        }
    }

    /// `undated-dissolution`: a unit dissolved at a date not known; `status-against-dates`: a
    /// `dissolved` unit in force today, until a later `valid_until`, a `planned` one in force
    /// today, since its `valid_from`. A status says what a unit is now, whatever day the
    /// structure is cut to: a unit dissolved in 2019, in force in 2018, is no contradiction.
    fn statuses(&self, out: &mut Vec<Diagnostic>) {
        for unit in self.description.units.values() {
            let id = unit.id.as_str();
            if unit.ended_undated() {
                out.push(
                    Diagnostic::new(
                        Code::UndatedDissolution,
                        text!("check-undated-dissolution", unit = described(unit)),
                    )
                    .at(unit_place(unit))
                    .with_label(text!("check-undated-dissolution-label"))
                    .with_hint(text!("check-undated-dissolution-hint"))
                    .about([id]),
                );
                continue;
            }
            if !self.today.is_some_and(|today| unit.life().holds_at(today)) {
                continue;
            }
            let shown = |date: Date| date.to_string();
            let found = match (unit.status, unit.valid_from, unit.valid_until) {
                (Status::Dissolved, _, Some(until)) => Some((
                    text!(
                        "check-status-dissolved",
                        unit = described(unit),
                        until = shown(until)
                    ),
                    text!("check-status-dissolved-hint", until = shown(until)),
                )),
                (Status::Planned, Some(from), _) => Some((
                    text!(
                        "check-status-planned",
                        unit = described(unit),
                        from = shown(from)
                    ),
                    text!("check-status-planned-hint"),
                )),
                _ => None,
            };
            if let Some((message, hint)) = found {
                out.push(
                    Diagnostic::new(Code::StatusAgainstDates, message)
                        .at(unit_place(unit))
                        .with_label(text!("check-status-label"))
                        .with_hint(hint)
                        .about([id]),
                );
            }
        }
    }
}

/// An `outdated-tie` with no end to `unit`, dissolved at a date not known.
fn dissolved(tie: &Tie, unit: &Unit) -> Diagnostic {
    Diagnostic::new(
        Code::OutdatedTie,
        text!("check-outdated-dissolved", tie = tie, id = unit.id.as_str()),
    )
    .with_label(text!("check-outdated-dissolved-label"))
    .with_hint(text!("check-outdated-dissolved-hint"))
}

/// An `outdated-tie` that starts before `unit` begins, on `from`.
fn early(tie: &Tie, unit: &Unit, from: Date) -> Diagnostic {
    let id = unit.id.as_str();
    let date = from.to_string();
    Diagnostic::new(
        Code::OutdatedTie,
        text!(
            "check-outdated-early",
            tie = tie,
            id = id,
            date = date.as_str()
        ),
    )
    .with_label(text!("check-outdated-early-label", id = id))
    .with_related(unit_place(unit), text!("check-time-dates-here", id = id))
    .with_hint(text!("check-outdated-early-hint", id = id, date = date))
}

/// How long after its predecessor ended a successor may start before `succession-gap` warns, in
/// years. A reorganisation takes effect on one date, the successor the day its predecessor ends,
/// or within months when a decree leaves time to set it up: a year apart is rare, and usually a
/// wrong date, or a unit between the two that is not described.
const SUCCESSION_GAP: u16 = 1;

/// The same day [`SUCCESSION_GAP`] years after `date`'s first day (29 February stands for the
/// end of February, as dates compare).
fn a_year_after(date: Date) -> Date {
    let start = date.start();
    Date {
        year: start.year.saturating_add(SUCCESSION_GAP),
        ..start
    }
}

/// Ties grouped by the index of a unit, each group in declaration order, in two arrays (where
/// each group starts, and the ties one group after the other): no allocation per unit.
struct Grouped {
    /// Where the group of each unit starts in `ties`, and where the last one ends.
    starts: Vec<usize>,
    /// The indices of the ties, group after group.
    ties: Vec<usize>,
}

impl Grouped {
    /// The ties of `pairs` (a unit's index, a tie's index, in the ties' order) grouped by unit,
    /// for `units` units. Two passes, `O(units + pairs)`.
    fn new(units: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Grouped {
        let mut starts = vec![0; units + 1];
        for (unit, _) in pairs.clone() {
            starts[unit + 1] += 1;
        }
        for i in 0..units {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut ties = vec![0; starts[units]];
        for (unit, tie) in pairs {
            ties[next[unit]] = tie;
            next[unit] += 1;
        }
        Grouped { starts, ties }
    }

    /// The indices of the ties of the unit at `unit`.
    fn of(&self, unit: usize) -> &[usize] {
        &self.ties[self.starts[unit]..self.starts[unit + 1]]
    }
}

/// `overlapping-attachments` of `unit`, attached to `first`'s parent and to `second`'s during
/// `both`: at the later attachment, the earlier shown.
fn overlapping(unit: &Unit, first: &Tie, second: &Tie, both: Period) -> Diagnostic {
    Diagnostic::new(
        Code::OverlappingAttachments,
        text!(
            "check-overlapping-attachments",
            unit = described(unit),
            first = first.to.as_str(),
            second = second.to.as_str(),
            when = when(both)
        ),
    )
    .at(second.origin.at(second.to.span))
    .with_label(text!("check-attachments-label"))
    .with_related(
        first.origin.at(first.to.span),
        text!("check-attachments-first"),
    )
    .with_hint(text!("check-overlapping-attachments-hint"))
    .about([unit.id.as_str(), first.to.as_str(), second.to.as_str()])
}

/// "from 2015 until 2019-10-25", "from 2019", "until 2019", "at every date": a period in words.
fn when(period: Period) -> Text {
    let shown = |date: Date| date.to_string();
    match (period.from, period.until) {
        (Some(from), Some(until)) => {
            text!("time-between", from = shown(from), until = shown(until))
        }
        (Some(from), None) => text!("time-from", from = shown(from)),
        (None, Some(until)) => text!("time-until", until = shown(until)),
        (None, None) => text!("time-always"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::description;
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;
    use crate::model::{Boundary, Was};

    fn date(text: &str) -> Option<Date> {
        (!text.is_empty()).then(|| Date::parse(text).unwrap())
    }

    /// Dates a unit: `valid_from`, `valid_until`, `""` for none.
    fn live(d: &mut Description, id: &str, from: &str, until: &str) {
        d.units[id].valid_from = date(from);
        d.units[id].valid_until = date(until);
    }

    /// Dates the tie at `index`.
    fn hold(d: &mut Description, index: usize, from: &str, until: &str) {
        d.ties[index].valid_from = date(from);
        d.ties[index].valid_until = date(until);
    }

    /// The structure cut to `day`, which is today (`""`: neither known).
    fn days(day: &str) -> TimelineDays {
        TimelineDays {
            cut: date(day),
            today: date(day),
        }
    }

    /// The messages of the problems with `code`, checked on `day` ([`days`]).
    fn found(d: &Description, day: &str, code: Code) -> Vec<String> {
        rules(d, days(day))
            .into_iter()
            .filter(|p| p.code == code)
            .map(|p| p.message.to_string())
            .collect()
    }

    #[test]
    fn dates_out_of_order_are_read_as_first_days() {
        let mut d = description(
            &[("top", Ministry), ("a", Directorate)],
            &[("a", Attachment, "top")],
        );
        live(&mut d, "a", "2019-10", "2019");
        hold(&mut d, 0, "2020", "2020-01-01");
        assert_eq!(
            found(&d, "", Code::DatesOutOfOrder),
            [
                "directorate `a` exists on no day: its `valid_until`, 2019, is not after its \
                 `valid_from`, 2019-10",
                "the tie `a` is attached to `top` holds on no day: its `valid_until`, \
                 2020-01-01, is not after its `valid_from`, 2020",
            ]
        );
        // A fact whose dates are out of order is not compared with others.
        assert!(found(&d, "", Code::OutdatedTie).is_empty());
        live(&mut d, "a", "2019", "2019-01-02");
        hold(&mut d, 0, "", "");
        assert!(
            found(&d, "2019", Code::DatesOutOfOrder).is_empty(),
            "one day is a life"
        );
    }

    #[test]
    fn was_entries_go_in_order_within_the_life() {
        let mut d = description(&[("a", Directorate)], &[]);
        d.units[0].boundary = Some(Boundary::Top);
        live(&mut d, "a", "2010", "2030");
        let was = |until: &str| Was {
            until: Date::parse(until).unwrap(),
            name: Some(until.to_owned()),
            acronym: None,
            kind: None,
            remit: None,
            headcount: None,
            source: None,
        };
        d.units[0].was = vec![was("2015"), was("2012"), was("2012-01-01"), was("2020")];
        assert_eq!(
            found(&d, "", Code::DatesOutOfOrder),
            [
                "the `was` entries of directorate `a` are out of order: the one until 2012 \
                 follows the one until 2015",
                "the `was` entries of directorate `a` are out of order: the one until \
                 2012-01-01 follows the one until 2012",
            ]
        );
        d.units[0].was = vec![was("2010-01-01"), was("2030")];
        assert_eq!(
            found(&d, "", Code::DatesOutOfOrder).len(),
            2,
            "outside its life"
        );
        d.units[0].was = vec![was("2010-01-02"), was("2029-12")];
        assert!(found(&d, "", Code::DatesOutOfOrder).is_empty());
    }

    /// DINSIC until 2019-10-25, DINUM from then, which succeeded it; a bureau in each in turn.
    fn dinum() -> Description {
        let mut d = description(
            &[
                ("pm", Ministry),
                ("dinsic", InterministerialDirectorate),
                ("dinum", InterministerialDirectorate),
                ("bureau", Bureau),
                ("partner", Agency),
            ],
            &[
                ("dinsic", Attachment, "pm"),
                ("dinum", Attachment, "pm"),
                ("bureau", Attachment, "dinsic"),
                ("bureau", Attachment, "dinum"),
                ("dinum", Succession, "dinsic"),
                ("partner", Cooperation, "dinsic"),
            ],
        );
        d.units["pm"].boundary = Some(Boundary::Top);
        d.units["partner"].boundary = Some(Boundary::Top);
        live(&mut d, "dinsic", "", "2019-10-25");
        live(&mut d, "dinum", "2019-10-25", "");
        hold(&mut d, 0, "", "2019-10-25");
        hold(&mut d, 1, "2019-10-25", "");
        hold(&mut d, 2, "", "2019-10-25");
        hold(&mut d, 3, "2019-10-25", "");
        hold(&mut d, 4, "2019-10-25", "");
        hold(&mut d, 5, "2015", "2019-10-25");
        d
    }

    #[test]
    fn a_history_that_holds_together_is_sound_on_every_day() {
        for day in ["", "2010", "2019-10-24", "2019-10-25", "2026-12-02"] {
            let problems: Vec<String> = rules(&dinum(), days(day))
                .into_iter()
                .map(|p| p.message.to_string())
                .collect();
            assert!(problems.is_empty(), "{day}: {problems:?}");
        }
    }

    #[test]
    fn a_tie_outside_the_life_of_an_end_is_outdated() {
        let mut d = dinum();
        // The cooperation outlasts the DINSIC, the bureau's second attachment starts before
        // DINUM, and the first is open while the DINSIC ended.
        hold(&mut d, 5, "2015", "");
        hold(&mut d, 3, "2019", "");
        hold(&mut d, 2, "", "");
        assert_eq!(
            found(&d, "", Code::OutdatedTie),
            [
                "`bureau` is attached to `dinsic`, but `dinsic` ended on 2019-10-25, \
                 succeeded by `dinum`",
                "`bureau` is attached to `dinum`, but `dinum` begins only on 2019-10-25",
                "`partner` cooperates with `dinsic`, but `dinsic` ended on 2019-10-25, \
                 succeeded by `dinum`",
            ]
        );
        // A tie with no start to a unit that begins later claims nothing of when it began.
        hold(&mut d, 3, "", "");
        assert_eq!(found(&d, "", Code::OutdatedTie).len(), 2);
        // A tie ends with its `from`: the DINSIC's own attachment needs no end.
        hold(&mut d, 3, "2019-10-25", "");
        hold(&mut d, 0, "", "");
        assert_eq!(found(&d, "", Code::OutdatedTie).len(), 2);
        // Nor does a tie from a unit that ended as early.
        live(&mut d, "bureau", "", "2019-10-25");
        assert_eq!(found(&d, "", Code::OutdatedTie).len(), 1, "the cooperation");
        // A tie with no end to a unit dissolved at a date not known; none to one with an end.
        live(&mut d, "bureau", "", "");
        d.units["dinsic"].valid_until = None;
        d.units["dinsic"].status = Status::Dissolved;
        d.ties.truncate(4);
        assert_eq!(
            found(&d, "", Code::OutdatedTie),
            ["`bureau` is attached to `dinsic`, but `dinsic` is dissolved"]
        );
        let problems = rules(&d, days(""));
        let outdated = problems
            .iter()
            .find(|p| p.code == Code::OutdatedTie)
            .unwrap();
        assert_eq!(&*outdated.subjects, ["attachment", "bureau", "dinsic"]);
        hold(&mut d, 2, "", "2019");
        assert!(found(&d, "", Code::OutdatedTie).is_empty());
    }

    #[test]
    fn two_attachments_at_once_are_reported_off_the_day_checked() {
        let mut d = dinum();
        // The bureau moves to DINUM a year before it leaves the DINSIC.
        hold(&mut d, 2, "", "2020-10-25");
        hold(&mut d, 3, "2019-10-25", "");
        d.units["dinsic"].valid_until = date("2021");
        assert_eq!(
            found(&d, "2026", Code::OverlappingAttachments),
            [
                "bureau `bureau` is attached to `dinsic` and to `dinum` at once, from 2019-10-25 \
                 until 2020-10-25, neither jointly"
            ]
        );
        // On a day of the overlap, the structure of the day has both: `multiple-attachments`
        // reports them, and without a day the graph holds every tie.
        assert!(found(&d, "2020", Code::OverlappingAttachments).is_empty());
        assert!(found(&d, "", Code::OverlappingAttachments).is_empty());
        // An attachment is read within the lives of its ends: the DINSIC ends in 2019.
        d.units["dinsic"].valid_until = date("2019-10-25");
        assert!(found(&d, "2026", Code::OverlappingAttachments).is_empty());
        // A joint attachment at any date says the unit has several parents.
        d.units["dinsic"].valid_until = date("2021");
        d.ties[3].kind.value = JointAttachment;
        assert!(found(&d, "2026", Code::OverlappingAttachments).is_empty());
    }

    #[test]
    fn overlaps_are_found_past_an_attachment_to_the_same_parent() {
        let mut d = description(
            &[("a", Directorate), ("b", Directorate), ("x", Bureau)],
            &[
                ("x", Attachment, "a"),
                ("x", Attachment, "a"),
                ("x", Attachment, "b"),
                ("x", Attachment, "b"),
            ],
        );
        hold(&mut d, 0, "2000", "2010");
        hold(&mut d, 1, "2001", "2003");
        hold(&mut d, 2, "2002", "2004");
        hold(&mut d, 3, "2009", "2012");
        assert_eq!(
            found(&d, "2026", Code::OverlappingAttachments),
            [
                "bureau `x` is attached to `a` and to `b` at once, from 2002 until 2004, \
                 neither jointly",
                "bureau `x` is attached to `a` and to `b` at once, from 2009 until 2010, \
                 neither jointly",
            ]
        );
    }

    #[test]
    fn a_unit_with_no_parent_for_part_of_its_life() {
        let mut d = dinum();
        // The bureau leaves the DINSIC in 2018 and joins DINUM in 2019-10-25.
        hold(&mut d, 2, "", "2018");
        live(&mut d, "bureau", "2012", "");
        assert_eq!(
            found(&d, "2026", Code::OrphanPeriod),
            ["bureau `bureau` has no parent from 2018 until 2019-10-25"]
        );
        let problems = rules(&d, days("2026"));
        let gap = problems
            .iter()
            .find(|p| p.code == Code::OrphanPeriod)
            .unwrap();
        let related: Vec<&str> = gap.related.iter().map(|r| r.message.as_str()).collect();
        assert_eq!(
            related,
            ["its parent until 2018", "its parent from 2019-10-25"]
        );
        // The day checked is the orphan rule's, on its structure.
        assert!(found(&d, "2019", Code::OrphanPeriod).is_empty());
        // Before its first tie, and after its last.
        hold(&mut d, 2, "2013", "2019-10-25");
        hold(&mut d, 3, "2019-10-25", "2020");
        assert_eq!(
            found(&d, "2019", Code::OrphanPeriod),
            [
                "bureau `bureau` has no parent from 2012 until 2013",
                "bureau `bureau` has no parent from 2020",
            ]
        );
        // A unit with no start has no parent before its first tie; a boundary has none to have.
        live(&mut d, "bureau", "", "2020");
        assert_eq!(
            found(&d, "", Code::OrphanPeriod),
            ["bureau `bureau` has no parent until 2013"]
        );
        d.units["bureau"].boundary = Some(Boundary::ParentOutside);
        assert!(found(&d, "", Code::OrphanPeriod).is_empty());
    }

    #[test]
    fn line_authority_and_heads_are_parents_and_undated_units_are_the_orphan_rule_s() {
        let mut d = description(
            &[("dir", Directorate), ("p", Post), ("alone", Bureau)],
            &[("p", Head, "dir"), ("p", LineAuthority, "dir")],
        );
        d.units[0].boundary = Some(Boundary::Top);
        hold(&mut d, 0, "", "2020");
        hold(&mut d, 1, "2020", "");
        assert!(found(&d, "2010", Code::OrphanPeriod).is_empty());
        hold(&mut d, 1, "2021", "");
        assert_eq!(
            found(&d, "2010", Code::OrphanPeriod),
            ["post `p` has no parent from 2020 until 2021"]
        );
    }

    #[test]
    fn a_successor_takes_over_when_its_predecessor_ends() {
        let mut d = dinum();
        live(&mut d, "dinsic", "", "2020");
        d.ties[5].valid_until = date("2020");
        assert_eq!(
            found(&d, "", Code::SuccessionOverlap),
            ["`dinum` succeeded `dinsic` on 2019-10-25, before `dinsic` ended on 2020"]
        );
        live(&mut d, "dinsic", "", "");
        d.ties[2].valid_until = None;
        d.ties[5].valid_until = None;
        assert_eq!(
            found(&d, "", Code::SuccessionOverlap),
            [
                "`dinum` succeeded `dinsic` on 2019-10-25, but `dinsic` has no end date: it is \
                 still in force"
            ]
        );
        // With no date of the succession, the successor's start is the date of it.
        d.ties[4].valid_from = None;
        assert_eq!(found(&d, "", Code::SuccessionOverlap).len(), 1);
        // A succession with no date at all is not compared.
        live(&mut d, "dinum", "", "");
        d.ties[3].valid_from = None;
        assert!(found(&d, "", Code::SuccessionOverlap).is_empty());
    }

    #[test]
    fn a_successor_that_starts_more_than_a_year_later_leaves_a_gap() {
        let mut d = dinum();
        live(&mut d, "dinsic", "", "2018-10-25");
        hold(&mut d, 2, "", "2018-10-25");
        hold(&mut d, 5, "2015", "2018-10-25");
        d.units["bureau"].boundary = Some(Boundary::Top);
        assert!(
            found(&d, "", Code::SuccessionGap).is_empty(),
            "a year exactly"
        );
        live(&mut d, "dinsic", "", "2018-10-24");
        assert_eq!(
            found(&d, "", Code::SuccessionGap),
            [
                "`dinum` succeeded `dinsic` on 2019-10-25, more than a year after `dinsic` \
                 ended on 2018-10-24"
            ]
        );
        let problems = rules(&d, days(""));
        let gap = problems
            .iter()
            .find(|p| p.code == Code::SuccessionGap)
            .unwrap();
        assert_eq!(gap.label.as_deref(), Some("366 days between the two"));
    }

    #[test]
    fn statuses_are_read_against_the_dates_of_the_day() {
        let mut d = description(
            &[("gone", Agency), ("later", Agency), ("project", Agency)],
            &[],
        );
        for unit in d.units.values_mut() {
            unit.boundary = Some(Boundary::Top);
        }
        d.units["gone"].status = Status::Dissolved;
        d.units["later"].status = Status::Dissolved;
        live(&mut d, "later", "", "2030");
        d.units["project"].status = Status::Planned;
        live(&mut d, "project", "2026-01-01", "");
        assert_eq!(
            found(&d, "", Code::UndatedDissolution),
            [
                "agency `gone` is dissolved, on a date the description does not give: it is in the \
              structure of no day"
            ]
        );
        assert!(found(&d, "", Code::StatusAgainstDates).is_empty(), "no day");
        assert!(found(&d, "2025-12-31", Code::StatusAgainstDates).len() == 1);
        assert_eq!(
            found(&d, "2026-01-01", Code::StatusAgainstDates),
            [
                "agency `later` is `dissolved`, yet it ends only on 2030: it is in force until then",
                "agency `project` is `planned`, yet it began on 2026-01-01: it is in force since \
                 then",
            ]
        );
        assert_eq!(
            found(&d, "2030", Code::StatusAgainstDates).len(),
            1,
            "only the project"
        );
    }

    #[test]
    fn ties_are_grouped_by_unit_in_declaration_order() {
        let grouped = Grouped::new(4, [(2, 0), (0, 1), (2, 2), (3, 5)].into_iter());
        assert_eq!(grouped.of(0), [1]);
        assert!(grouped.of(1).is_empty());
        assert_eq!(grouped.of(2), [0, 2]);
        assert_eq!(grouped.of(3), [5]);
    }
}
