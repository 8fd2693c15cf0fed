//! A proposal written into the history: its changes dated on the day they take effect, in the
//! whole description, so that the structure of every day before it is kept.
//!
//! Applied in memory ([`proposal::apply`]), a proposal changes the structure of one day: what it
//! removes is gone. Dated ([`apply_dated`]), the same changes become facts of the timeline, each
//! taking effect on the proposal's effective day `E`:
//!
//! - a unit removed, merged away or split up is closed: `valid_until: E`, and so is every tie of
//!   it in force on `E`; it is not deleted, and stays in every structure before `E`;
//! - a tie removed or replaced (a move's old attachment, a merged unit's re-pointed ties) ends:
//!   `valid_until: E`; a tie added (a move's new attachment, the re-pointed ties) starts:
//!   `valid_from: E`, unless the proposal gives it a start of its own;
//! - a unit added starts: `valid_from: E`, unless the proposal gives it a start of its own;
//! - a rename or a change of kind is written in the unit's past ([`Was`]): an entry until `E`
//!   with the name, acronym or kind it had (`"acronym": null` when it had none), the change's
//!   source citing it; the new value holds from `E` to the field's next dated change, if the
//!   description already has one after `E`, and is the unit's own value otherwise;
//! - a merge and a split add a `succession` tie from each unit that takes over to the unit that
//!   goes, from `E`, citing the change's source;
//! - a proposal's sources join the description's.
//!
//! What the description cannot date is given its value after `E`: a move drops the unit's
//! `boundary`, a post that becomes another kind loses the facts only posts have (`vacant`,
//! `vacant_from`…), an `update` sets its fields (a remit, a headcount, a note…), for every date. Nothing records
//! the source of an end (`valid_until` has none) or a change's `reason`: the proposal keeps them.
//!
//! So the dated description, cut to `E` ([`cut`]), is the structure the proposal makes on `E`,
//! and cut to any day before `E`, the structure there was.

use std::collections::HashMap;

use super::{Absent, Gone, cut};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::text;
use crate::model::{Citation, Date, Description, Spanned, Tie, TieKind, Unit, UnitId, Was};
use crate::proposal::{self, Applied, Effect, Merge, Operation, Proposal, Split};

/// Applies `proposal` to the structure in force on `effective`, and writes its changes into the
/// whole `description` as changes of that day (the rules are the manual's, `docs/proposals.md`
/// under `apply`): the dated description, and what each change did. Refused, with located errors, as
/// [`proposal::apply`] refuses, and when the proposal adds a unit with the id of a unit that
/// exists on another day (`duplicate-id`). Linear in the size of the description and of the
/// proposal.
pub fn apply_dated(
    description: &Description,
    proposal: &Proposal,
    effective: Date,
) -> Result<(Description, Vec<Applied>), Vec<Diagnostic>> {
    let (before, absent) = cut(description.clone(), effective);
    let (after, applied) = proposal::apply(&before, proposal)?;
    let reused = reused_ids(&absent, &after, &applied);
    if !reused.is_empty() {
        return Err(reused);
    }
    let dated = date(
        description.clone(),
        &before,
        &after,
        proposal,
        &applied,
        effective,
    );
    Ok((dated, applied))
}

/// The units a proposal adds with the id of a unit that is not in force on the day it was
/// applied to, but exists on another (`absent`): an id names one unit at every date, so the
/// proposal could not be written into the description. Each error is located at the new unit's
/// id, in the proposal, with the old unit's declaration.
pub(crate) fn reused_ids(
    absent: &Absent,
    after: &Description,
    applied: &[Applied],
) -> Vec<Diagnostic> {
    let added = applied
        .iter()
        .flat_map(|a| &a.effects)
        .filter_map(|effect| {
            let Effect::UnitAdded(id) = effect else {
                return None;
            };
            Some((after.units.get(id)?, absent.unit(id.as_str())?))
        });
    added
        .map(|(new, (old, gone))| {
            let (why, date) = match gone {
                Gone::Ended(until) => ("ended", until.to_string()),
                Gone::NotYet(from) => ("not-yet", from.to_string()),
                Gone::EndedUndated => ("ended-undated", String::new()),
            };
            Diagnostic::new(
                Code::DuplicateId,
                text!(
                    "proposal-id-of-absent",
                    id = new.id.as_str(),
                    why = why,
                    date = date
                ),
            )
            .at(new.origin.at(new.id.span))
            .with_label(text!("proposal-id-of-absent-label"))
            .with_related(old.origin.at(old.id.span), text!("proposal-declared-here"))
            .with_hint(text!("proposal-id-of-absent-hint"))
        })
        .collect()
}

/// Writes into the whole `description` the changes that turned `before` (the description cut to
/// `effective`) into `after` (`proposal` applied to it, as `applied` tells), as changes of that
/// day. `after` names no unit that `description` has on another day ([`reused_ids`]).
pub(crate) fn date(
    mut dated: Description,
    before: &Description,
    after: &Description,
    proposal: &Proposal,
    applied: &[Applied],
    effective: Date,
) -> Description {
    let sources = change_sources(proposal, applied);
    for (id, unit) in &mut dated.units {
        let Some(then) = before.units.get(id) else {
            continue;
        };
        match after.units.get(id) {
            None => unit.valid_until = Some(effective),
            Some(now) => {
                let source = sources.get(id).copied().flatten();
                change_values(unit, then, now, effective, source);
            }
        }
    }
    for (id, unit) in &after.units {
        if !before.units.contains_key(id) {
            let mut new = unit.clone();
            new.valid_from.get_or_insert(effective);
            dated.units.insert(id.clone(), new);
        }
    }
    for (id, source) in &after.sources {
        if !dated.sources.contains_key(id) {
            dated.sources.insert(id.clone(), source.clone());
        }
    }
    let kept = Ties::of(&after.ties);
    let ended = Ties::of(before.ties.iter().filter(|t| !kept.has(t)));
    for tie in &mut dated.ties {
        if ended.has(tie) {
            tie.valid_until = Some(effective);
        }
    }
    let held = Ties::of(&before.ties);
    for tie in after.ties.iter().filter(|t| !held.has(t)) {
        let mut new = tie.clone();
        new.valid_from.get_or_insert(effective);
        dated.ties.push(new);
    }
    dated.ties.extend(successions(proposal, effective));
    dated
}

/// Ties by their ends and kind, to find a given one among them: a tie of a description and its
/// copy in the description a proposal leaves are equal in every field, position included, while
/// a tie the proposal makes is located in the proposal, so differs from every tie of the
/// description. The ends are borrowed: finding allocates nothing.
struct Ties<'a>(HashMap<(&'a str, &'a str, TieKind), Vec<&'a Tie>>);

impl<'a> Ties<'a> {
    fn of(ties: impl IntoIterator<Item = &'a Tie>) -> Ties<'a> {
        let mut by_ends: HashMap<_, Vec<&Tie>> = HashMap::new();
        for tie in ties {
            by_ends.entry(ends(tie)).or_default().push(tie);
        }
        Ties(by_ends)
    }

    fn has(&self, tie: &Tie) -> bool {
        self.0
            .get(&ends(tie))
            .is_some_and(|same| same.contains(&tie))
    }
}

/// A tie's ends and kind, as [`Ties`] finds it by.
fn ends(tie: &Tie) -> (&str, &str, TieKind) {
    (tie.from.as_str(), tie.to.as_str(), tie.kind.value)
}

/// The source of the last change that changed each unit in place (renamed it, changed its kind),
/// which the unit's past cites for the change.
fn change_sources<'a>(
    proposal: &'a Proposal,
    applied: &'a [Applied],
) -> HashMap<&'a UnitId, Option<&'a Citation>> {
    let mut sources = HashMap::new();
    for (change, applied) in proposal.changes.iter().zip(applied) {
        for effect in &applied.effects {
            if let Effect::UnitChanged(id) = effect {
                sources.insert(id, change.source.as_ref());
            }
        }
    }
    sources
}

/// Dates in `unit` (as the whole description has it) the changes from `then` (its values on
/// `day`) to `now` (as the proposal leaves it on that day): a name, an acronym or a kind is
/// written in its past, what cannot be dated takes its new value.
fn change_values(unit: &mut Unit, then: &Unit, now: &Unit, day: Date, source: Option<&Citation>) {
    let mut changes = Past { unit, day, source };
    if then.name != now.name {
        changes.record(|w| &mut w.name, |u| &mut u.name, &then.name, &now.name);
    }
    if then.acronym != now.acronym {
        changes.record(
            |w| &mut w.acronym,
            |u| &mut u.acronym,
            &then.acronym,
            &now.acronym,
        );
    }
    if then.kind.value != now.kind.value {
        let span = changes.unit.kind.span;
        changes.record(
            |w| &mut w.kind,
            |u| &mut u.kind,
            &then.kind,
            &Spanned::new(span, now.kind.value),
        );
    }
    let unit = changes.unit;
    // What is not dated takes its value after the day: a boundary a move dropped, the facts of
    // a post that became another kind, the fields an update set.
    macro_rules! take_changed {
        ($($field:ident),*) => {$(
            if then.$field != now.$field {
                unit.$field.clone_from(&now.$field);
            }
        )*};
    }
    take_changed!(
        aliases,
        status,
        valid_from,
        valid_until,
        was,
        vacant,
        vacant_from,
        recruiting,
        newly_created,
        term_months,
        grade,
        headcount,
        remit,
        roles,
        location,
        boundary,
        within,
        collective,
        note,
        source
    );
}

/// A unit's past, being written: the changes of one day, with the source that states them.
struct Past<'a> {
    unit: &'a mut Unit,
    day: Date,
    source: Option<&'a Citation>,
}

impl Past<'_> {
    /// Records that a field changed from `old` to `new` on the day: the entry of the day in
    /// [`Unit::was`] (made, in date order, if there is none) gets `old` unless it gives the field
    /// already (the value before the day is known then), and the value from the day on, until
    /// the field's next dated change, becomes `new`.
    fn record<T: Clone>(
        &mut self,
        in_was: fn(&mut Was) -> &mut Option<T>,
        own: fn(&mut Unit) -> &mut T,
        old: &T,
        new: &T,
    ) {
        let day = self.day.start();
        let was = &mut self.unit.was;
        let at = match was.iter().position(|w| w.until.start() >= day) {
            Some(i) if was[i].until.start() == day => i,
            found => {
                let i = found.unwrap_or(was.len());
                was.insert(i, empty_was(self.day));
                i
            }
        };
        let entry = &mut was[at];
        if entry.source.is_none() {
            entry.source = self.source.cloned();
        }
        let before = in_was(entry);
        if before.is_none() {
            *before = Some(old.clone());
        }
        match was[at + 1..].iter_mut().find_map(|w| in_was(w).as_mut()) {
            Some(next) => *next = new.clone(),
            None => *own(self.unit) = new.clone(),
        }
    }
}

/// An entry of a unit's past that says nothing yet.
fn empty_was(until: Date) -> Was {
    Was {
        until,
        name: None,
        acronym: None,
        kind: None,
        remit: None,
        headcount: None,
        source: None,
    }
}

/// The `succession` ties the merges and splits of `proposal` make, from `effective`: the unit
/// merged into, or each new unit of a split, succeeds the unit that goes. Each is located at the
/// change and cites its source.
fn successions(proposal: &Proposal, effective: Date) -> impl Iterator<Item = Tie> + '_ {
    proposal.changes.iter().flat_map(move |change| {
        let pairs: Vec<(&Spanned<UnitId>, &Spanned<UnitId>)> = match &change.operation {
            Operation::Merge(Spanned {
                value: Merge { unit, into },
                ..
            }) => vec![(into, unit)],
            Operation::Split(Spanned {
                value: Split { unit, into, .. },
                ..
            }) => into.iter().map(|new| (&new.value.id, unit)).collect(),
            _ => Vec::new(),
        };
        pairs.into_iter().map(move |(successor, gone)| {
            let mut tie = Tie::new(
                Spanned::new(successor.span, TieKind::Succession),
                successor.clone(),
                gone.clone(),
            );
            tie.valid_from = Some(effective);
            tie.source.clone_from(&change.source);
            tie.origin = change.origin;
            tie
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::description;
    use crate::load::json::DEFAULT_MAX_DEPTH;
    use crate::model::{FileId, Span, TieKind::*, UnitKind::*};

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn proposal(changes: &str) -> Proposal {
        let text = format!(r#"{{"title": "t", "changes": [{changes}]}}"#);
        proposal::parse(FileId(1), &text, DEFAULT_MAX_DEPTH).unwrap()
    }

    /// A ministry with two sub-directorates, a bureau in the first and a team that left the
    /// second in 2020; the second was called otherwise until 2019, and is to be renamed in 2030.
    fn ministry() -> Description {
        let mut d = description(
            &[
                ("min", Ministry),
                ("sd-a", SubDirectorate),
                ("sd-b", SubDirectorate),
                ("bureau", Bureau),
                ("team", Team),
            ],
            &[
                ("sd-a", Attachment, "min"),
                ("sd-b", Attachment, "min"),
                ("bureau", Attachment, "sd-a"),
                ("team", Attachment, "sd-b"),
                ("team", Attachment, "min"),
                ("sd-a", Cooperation, "sd-b"),
            ],
        );
        d.ties[3].valid_until = Some(date("2020"));
        d.ties[4].valid_from = Some(date("2020"));
        let sd_b = &mut d.units["sd-b"];
        sd_b.name = "B (2030)".into();
        sd_b.was = vec![
            Was {
                name: Some("B (old)".into()),
                ..empty_was(date("2019"))
            },
            Was {
                name: Some("B".into()),
                ..empty_was(date("2030"))
            },
        ];
        d
    }

    /// The units of a description as "id: name (acronym), kind", and its ties as sentences.
    fn structure(d: &Description) -> (Vec<String>, Vec<String>) {
        let units = d
            .units
            .values()
            .map(|u| {
                let acronym = u.acronym.as_deref().unwrap_or("-");
                format!("{}: {} ({acronym}), {}", u.id.value, u.name, u.kind.value)
            })
            .collect();
        (units, d.ties.iter().map(ToString::to_string).collect())
    }

    fn at(d: &Description, day: &str) -> (Vec<String>, Vec<String>) {
        structure(&cut(d.clone(), date(day)).0)
    }

    const CHANGES: &str = r#"
        {"merge": {"unit": "sd-a", "into": "sd-b"}, "source": {"ref": "decree"}},
        {"rename": {"unit": "sd-b", "name": "B and A", "acronym": "SDAB"}, "source": {"ref": "decree"}},
        {"add-unit": {"id": "lab", "name": "Lab", "kind": "team"}, "organisation": "org"},
        {"add-tie": {"kind": "attachment", "from": "lab", "to": "sd-b"}},
        {"move": {"unit": "team", "to": "sd-b"}},
        {"change-kind": {"unit": "bureau", "kind": "service"}}
    "#;

    #[test]
    fn the_dated_description_is_the_proposal_on_its_day_and_the_past_before_it() {
        let whole = ministry();
        let p = proposal(CHANGES);
        let day = "2026-01-01";
        let (dated, _) = apply_dated(&whole, &p, date(day)).unwrap();
        let (before, _) = cut(whole.clone(), date(day));
        let (after, _) = proposal::apply(&before, &p).unwrap();
        assert_eq!(at(&dated, day), structure(&after));
        for past in ["2025-12-31", "2019-06", "2010"] {
            assert_eq!(at(&dated, past), at(&whole, past), "{past}");
        }
        // The rename of 2030 still takes effect, from the name the proposal gives.
        let (units, _) = at(&dated, "2030");
        assert!(units.contains(&"sd-b: B (2030) (SDAB), sub-directorate".to_owned()));
        let (units, _) = at(&dated, "2029-12-31");
        assert!(units.contains(&"sd-b: B and A (SDAB), sub-directorate".to_owned()));
    }

    #[test]
    fn changes_are_dated_rather_than_made() {
        let (dated, _) = apply_dated(&ministry(), &proposal(CHANGES), date("2026")).unwrap();
        let sd_a = &dated.units["sd-a"];
        assert_eq!(sd_a.valid_until, Some(date("2026")));
        let sd_b = &dated.units["sd-b"];
        assert_eq!(sd_b.name, "B (2030)");
        assert_eq!(sd_b.acronym.as_deref(), Some("SDAB"));
        let untils: Vec<String> = sd_b.was.iter().map(|w| w.until.to_string()).collect();
        assert_eq!(untils, ["2019", "2026", "2030"]);
        let change = &sd_b.was[1];
        assert_eq!(change.name.as_deref(), Some("B"));
        assert_eq!(change.acronym, Some(None));
        assert_eq!(
            change.source.as_ref().map(|c| c.source.as_str()),
            Some("decree")
        );
        assert_eq!(sd_b.was[2].name.as_deref(), Some("B and A"));
        let bureau = &dated.units["bureau"];
        assert_eq!(bureau.kind.value, Service);
        assert_eq!(bureau.was[0].kind.as_ref().map(|k| k.value), Some(Bureau));
        assert_eq!(dated.units["lab"].valid_from, Some(date("2026")));

        let ties: Vec<String> = dated
            .ties
            .iter()
            .map(|t| format!("{t} {}", t.period()))
            .collect();
        assert_eq!(
            ties,
            [
                "`sd-a` is attached to `min` until 2026",
                "`sd-b` is attached to `min` always",
                "`bureau` is attached to `sd-a` until 2026",
                "`team` is attached to `sd-b` until 2020",
                "`team` is attached to `min` 2020 – 2026",
                "`sd-a` cooperates with `sd-b` until 2026",
                "`bureau` is attached to `sd-b` since 2026",
                "`lab` is attached to `sd-b` since 2026",
                "`team` is attached to `sd-b` since 2026",
                "`sd-b` succeeded `sd-a` since 2026",
            ]
        );
    }

    #[test]
    fn a_split_closes_the_unit_and_each_part_succeeds_it() {
        let split = r#"{"split": {"unit": "sd-a", "into": [
            {"id": "one", "name": "One", "kind": "sub-directorate"},
            {"id": "two", "name": "Two", "kind": "sub-directorate"}]}}"#;
        let (dated, _) = apply_dated(&ministry(), &proposal(split), date("2026")).unwrap();
        assert_eq!(dated.units["sd-a"].valid_until, Some(date("2026")));
        let successions: Vec<String> = dated
            .ties
            .iter()
            .filter(|t| t.kind.value == Succession)
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            successions,
            ["`one` succeeded `sd-a`", "`two` succeeded `sd-a`"]
        );
        assert_eq!(at(&dated, "2025-12-31"), at(&ministry(), "2025-12-31"));
    }

    #[test]
    fn a_post_that_becomes_another_kind_was_a_post_and_loses_what_only_posts_have() {
        let mut whole = description(
            &[("min", Ministry), ("chef", Post)],
            &[("chef", Attachment, "min")],
        );
        let chef = &mut whole.units["chef"];
        chef.vacant = Some(Spanned::new(Span::default(), true));
        chef.vacant_from = Some(Spanned::new(Span::default(), date("2025-09")));
        let change = r#"{"change-kind": {"unit": "chef", "kind": "team"}}"#;
        let (dated, _) = apply_dated(&whole, &proposal(change), date("2026")).unwrap();
        let chef = &dated.units["chef"];
        assert_eq!(chef.kind.value, Team);
        assert_eq!(chef.was[0].kind.as_ref().map(|k| k.value), Some(Post));
        assert_eq!(chef.post_facts().count(), 0);
    }

    #[test]
    fn a_new_unit_may_not_take_the_id_of_a_unit_of_another_day() {
        let mut whole = ministry();
        whole.units["team"].valid_until = Some(date("2024"));
        let add =
            r#"{"add-unit": {"id": "team", "name": "T", "kind": "team"}, "organisation": "org"}"#;
        let errors = apply_dated(&whole, &proposal(add), date("2026")).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, Code::DuplicateId);
        assert_eq!(
            errors[0].message.as_ref() as &str,
            "`team` is the id of a unit that ended on 2024"
        );
        assert_eq!(errors[0].origin.map(|o| o.file), Some(FileId(1)));
    }
}
