//! A dated history for a generated description (`generate --changes N`): changes on days from
//! 2000 to 2025, the kinds a reorganisation makes, each keeping the structure sound on every
//! day. On any day, every unit in force but the tops has a parent in force, no tie holds while
//! either of its ends does not exist, a unit has one attachment and one head at a time, and a
//! successor begins the day its predecessor ends.
//!
//! - **Renaming**: the unit's name (and sometimes its acronym) until the day go to its `was`.
//! - **Move**: the attachment of a unit ends on the day, and one to another unit of the same
//!   kind as its parent, in the same organisation and not under it, begins.
//! - **Creation**: a unit that never had a child nor a change begins on the day, with its ties.
//! - **Dissolution**: a unit with no child in force ends on the day, with its ties.
//! - **Succession**: a new unit of the same kind begins on the day, the children of one that
//!   ends move to it, and a `succession` tie says it succeeded it.
//! - **Change of head**: a post attached to a unit becomes its head on the day; the head it
//!   replaces, if any, stays in the unit as a post.
//!
//! The days are drawn at random and taken in order, each change made on the structure the
//! earlier ones left; some days are written as a month or a year (`2019-10`, `2019`), which
//! stand for their first day. A tie is never ended on the day it began, so no period is empty.
//! A change that no unit fits as drawn is drawn again as another kind: the history has the
//! number of changes asked, unless the description is too small to hold them.

use std::collections::HashMap;

use organigram::interop::NamedFile;
use organigram::model::{
    Boundary, Date, Recover, SourceId, Spanned, Status, Tie, TieKind, Unit, UnitId, UnitKind, Was,
};

use super::description::{citation, spanned, tie};
use super::random::Random;

/// The first day a change may take effect.
const FIRST_DAY: Date = Date {
    year: 2000,
    month: Some(1),
    day: Some(1),
};

/// The last day a change may take effect: all of them are in the past of the benchmarks.
const LAST_DAY: Date = Date {
    year: 2025,
    month: Some(12),
    day: Some(31),
};

/// How many units a change tries before it is drawn again as another kind.
const TRIES: usize = 16;

/// The kinds of change, with how often each is drawn (in percent).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    Rename,
    Move,
    Create,
    Dissolve,
    Succession,
    Head,
}

impl Change {
    const ALL: [(Change, u64); 6] = [
        (Change::Rename, 25),
        (Change::Move, 25),
        (Change::Create, 15),
        (Change::Dissolve, 15),
        (Change::Succession, 8),
        (Change::Head, 12),
    ];

    fn draw(random: &mut Random) -> usize {
        let mut roll = random.next() % 100;
        for (n, (_, percent)) in Change::ALL.iter().enumerate() {
            if roll < *percent {
                return n;
            }
            roll -= percent;
        }
        0
    }
}

/// A tie of the description, with its ends by position and the file it is written in.
struct Slot {
    file: usize,
    from: usize,
    to: usize,
    tie: Tie,
    /// Left out of the files: a tie of a unit created after the tie had ended never held.
    dropped: bool,
}

/// A unit, with what the changes need to know about it.
struct Node {
    file: usize,
    /// The ties at either end of it, by position in [`Timeline::ties`].
    ties: Vec<usize>,
    /// Whether it had a change or a child: it existed before the day of any later change, so
    /// it cannot be the unit a creation begins.
    settled: bool,
}

/// The description being given its history: its units and ties taken out of their files.
struct Timeline {
    units: Vec<Spanned<Unit>>,
    nodes: Vec<Node>,
    ties: Vec<Slot>,
    /// The units of each kind in each file, the units a move or a succession may go to.
    pools: HashMap<(usize, UnitKind), Vec<usize>>,
    /// The source each file's facts cite.
    sources: Vec<SourceId>,
    /// How many units each file declares, to put them back.
    counts: Vec<usize>,
}

/// Gives `files` a history of `changes` changes, drawn from `random`; returns how many were
/// made (fewer only when no unit fits any kind of change).
pub(super) fn add(files: &mut [NamedFile], changes: usize, random: &mut Random) -> usize {
    let mut timeline = Timeline::take(files);
    let (first, last) = (FIRST_DAY.days_since_epoch(), LAST_DAY.days_since_epoch());
    let span = u64::try_from(last - first + 1).unwrap_or(1);
    let mut days: Vec<(i64, Date)> = (0..changes)
        .filter_map(|_| {
            let offset = i64::try_from(random.next() % span).unwrap_or(0);
            let date = Date::from_days_since_epoch(first + offset)?;
            // One day in ten is known by its year only, two by their month.
            let date = match random.next() % 10 {
                0 => Date {
                    month: None,
                    day: None,
                    ..date
                },
                1 | 2 => Date { day: None, ..date },
                _ => date,
            };
            Some((date.days_since_epoch(), date))
        })
        .collect();
    days.sort_by_key(|(day, _)| *day);
    let mut made = 0;
    for (day, date) in days {
        let first = Change::draw(random);
        let kinds = Change::ALL.len();
        let done = (0..kinds).any(|k| {
            let change = Change::ALL[(first + k) % kinds].0;
            (0..TRIES).any(|_| {
                let unit = random.between(0, timeline.units.len() - 1);
                timeline.change(change, unit, day, date, random)
            })
        });
        made += usize::from(done);
    }
    timeline.put_back(files);
    made
}

impl Timeline {
    fn take(files: &mut [NamedFile]) -> Timeline {
        let mut timeline = Timeline {
            units: Vec::new(),
            nodes: Vec::new(),
            ties: Vec::new(),
            pools: HashMap::new(),
            sources: Vec::new(),
            counts: Vec::new(),
        };
        for (file, named) in files.iter_mut().enumerate() {
            let units: Vec<Spanned<Unit>> = std::mem::take(&mut named.file.units)
                .into_iter()
                .filter_map(Recover::ok)
                .collect();
            timeline.counts.push(units.len());
            for unit in units {
                timeline
                    .pools
                    .entry((file, unit.kind.value))
                    .or_default()
                    .push(timeline.units.len());
                timeline.nodes.push(Node {
                    file,
                    ties: Vec::new(),
                    settled: unit.boundary.is_some(),
                });
                timeline.units.push(unit);
            }
            // Every generated file declares one source, its register, which its facts cite.
            let Some(Recover::Read(source)) = named.file.sources.first() else {
                unreachable!("a generated file declares its register");
            };
            timeline.sources.push(source.value.id.value.clone());
        }
        let positions: HashMap<UnitId, usize> = timeline
            .units
            .iter()
            .enumerate()
            .map(|(n, unit)| (unit.id.value.clone(), n))
            .collect();
        for (file, named) in files.iter_mut().enumerate() {
            for tie in std::mem::take(&mut named.file.ties)
                .into_iter()
                .filter_map(Recover::ok)
            {
                let (Some(&from), Some(&to)) = (
                    positions.get(&tie.value.from.value),
                    positions.get(&tie.value.to.value),
                ) else {
                    unreachable!("generated ties join generated units");
                };
                timeline.push(file, from, to, tie.value);
            }
        }
        timeline
    }

    /// Writes the units and ties back into their files, in their order, the new ties after
    /// those of their file.
    fn put_back(self, files: &mut [NamedFile]) {
        let mut units = self.units.into_iter();
        for (named, count) in files.iter_mut().zip(self.counts) {
            named.file.units = units.by_ref().take(count).map(Recover::Read).collect();
        }
        for slot in self.ties.into_iter().filter(|slot| !slot.dropped) {
            files[slot.file]
                .file
                .ties
                .push(Recover::Read(spanned(slot.tie)));
        }
    }

    /// Adds a tie written in `file`; a hierarchical one settles its superior.
    fn push(&mut self, file: usize, from: usize, to: usize, tie: Tie) {
        let n = self.ties.len();
        if tie.kind.value.is_hierarchical() {
            self.nodes[to].settled = true;
        }
        self.nodes[from].ties.push(n);
        self.nodes[to].ties.push(n);
        self.ties.push(Slot {
            file,
            from,
            to,
            tie,
            dropped: false,
        });
    }

    /// Adds a tie of `kind` from `from` to `to`, beginning on `date`, citing the register of the
    /// file it is written in (that of `from`).
    fn begin(&mut self, kind: TieKind, from: usize, to: usize, date: Date) {
        let file = self.nodes[from].file;
        let new = Tie {
            valid_from: Some(date),
            ..tie(
                kind,
                self.units[from].id.value.clone(),
                self.units[to].id.value.clone(),
                &self.sources[file],
            )
        };
        self.push(file, from, to, new);
    }

    /// The ties of `unit` that still hold: not ended, not dropped.
    fn open(&self, unit: usize) -> impl Iterator<Item = usize> + '_ {
        self.nodes[unit].ties.iter().copied().filter(|&t| {
            let slot = &self.ties[t];
            !slot.dropped && slot.tie.valid_until.is_none()
        })
    }

    /// The open hierarchical ties from `unit` to its parents.
    fn parents(&self, unit: usize) -> impl Iterator<Item = usize> + '_ {
        self.open(unit).filter(move |&t| {
            let slot = &self.ties[t];
            slot.from == unit && slot.tie.kind.value.is_hierarchical()
        })
    }

    /// The open hierarchical ties from `unit`'s children to it.
    fn children(&self, unit: usize) -> impl Iterator<Item = usize> + '_ {
        self.open(unit).filter(move |&t| {
            let slot = &self.ties[t];
            slot.to == unit && slot.tie.kind.value.is_hierarchical()
        })
    }

    /// Whether `unit` is `other` or under it, by the ties that hold now.
    fn is_under(&self, unit: usize, other: usize) -> bool {
        let mut stack = vec![unit];
        while let Some(next) = stack.pop() {
            if next == other {
                return true;
            }
            stack.extend(self.parents(next).map(|t| self.ties[t].to));
        }
        false
    }

    /// Whether the tie began before `day`, so that ending it on `day` leaves it a day or more.
    fn began_before(&self, tie: usize, day: i64) -> bool {
        self.ties[tie]
            .tie
            .valid_from
            .is_none_or(|from| from.days_since_epoch() < day)
    }

    /// Whether `unit` exists now, began and was last renamed before `day`, and is no top: a unit
    /// a change may end, move or rename on `day`. A unit renamed and ended on one day would have
    /// had its new name on no day.
    fn changeable(&self, unit: usize, day: i64) -> bool {
        let unit = &self.units[unit].value;
        let before = |date: Date| date.days_since_epoch() < day;
        unit.valid_until.is_none()
            && unit.valid_from.is_none_or(before)
            && unit.was.last().is_none_or(|was| before(was.until))
            && unit.boundary != Some(Boundary::Top)
    }

    /// Whether `unit` may begin on the day of a change: it never had a change nor a child (so
    /// no earlier change relies on it existing), and has not ended.
    fn may_begin(&self, unit: usize) -> bool {
        !self.nodes[unit].settled && self.units[unit].valid_until.is_none()
    }

    /// The units of `kind` in the organisation of `unit`: where a move or a succession may go.
    fn pool(&self, unit: usize, kind: UnitKind) -> Option<&[usize]> {
        self.pools
            .get(&(self.nodes[unit].file, kind))
            .map(Vec::as_slice)
    }

    /// Whether every open tie of `unit` but its successions began before `day`: it may end then.
    fn may_end(&self, unit: usize, day: i64) -> bool {
        self.changeable(unit, day)
            && self.open(unit).all(|t| {
                self.ties[t].tie.kind.value == TieKind::Succession || self.began_before(t, day)
            })
    }

    /// Makes a change of `kind` on `unit` (or, for a head, on the unit the post `unit` sits in),
    /// if it fits: whether it was made.
    fn change(
        &mut self,
        kind: Change,
        unit: usize,
        day: i64,
        date: Date,
        random: &mut Random,
    ) -> bool {
        match kind {
            Change::Rename => self.rename(unit, day, date, random),
            Change::Move => self.relocate(unit, day, date, random),
            Change::Create => self.create(unit, date),
            Change::Dissolve => self.dissolve(unit, day, date),
            Change::Succession => self.succeed(unit, day, date, random),
            Change::Head => self.change_head(unit, day, date, random),
        }
    }

    /// Renames `unit` on `date`: "… (nouvelle appellation, 2014-03)", from its first name; one
    /// time in two, a unit with an acronym changes it too.
    fn rename(&mut self, unit: usize, day: i64, date: Date, random: &mut Random) -> bool {
        if !self.changeable(unit, day) {
            return false;
        }
        let source = citation(&self.sources[self.nodes[unit].file]);
        let renamed = &mut self.units[unit].value;
        // Every renaming keeps the name it ends, so the first entry has the first name.
        let first_name = (renamed.was.first())
            .and_then(|was| was.name.clone())
            .unwrap_or_else(|| renamed.name.clone());
        let first_acronym = (renamed.was.iter())
            .find_map(|was| was.acronym.clone().flatten())
            .or_else(|| renamed.acronym.clone());
        // The acronym it had until then (`Some(None)`: none), when it changes.
        let acronym = first_acronym.filter(|_| random.chance(50)).map(|first| {
            renamed
                .acronym
                .replace(format!("{first}-{:02}", date.year % 100))
        });
        let name = format!("{first_name} (nouvelle appellation, {date})");
        let was = Was {
            until: date,
            name: Some(std::mem::replace(&mut renamed.name, name)),
            acronym,
            kind: None,
            remit: None,
            headcount: None,
            source: Some(source),
        };
        renamed.was.push(was);
        self.nodes[unit].settled = true;
        true
    }

    /// Moves `unit`, attached to one parent, to another unit of the parent's kind in its
    /// organisation, in force and not under it.
    fn relocate(&mut self, unit: usize, day: i64, date: Date, random: &mut Random) -> bool {
        if !self.changeable(unit, day) {
            return false;
        }
        let parents: Vec<usize> = self.parents(unit).collect();
        let [attachment] = parents[..] else {
            return false;
        };
        if self.ties[attachment].tie.kind.value != TieKind::Attachment
            || !self.began_before(attachment, day)
        {
            return false;
        }
        let parent = self.ties[attachment].to;
        let Some(pool) = self.pool(unit, self.units[parent].kind.value) else {
            return false;
        };
        let Some(target) = (0..TRIES)
            .map(|_| pool[random.between(0, pool.len() - 1)])
            .find(|&target| {
                target != parent
                    && self.units[target].valid_until.is_none()
                    && !self.is_under(target, unit)
            })
        else {
            return false;
        };
        self.ties[attachment].tie.valid_until = Some(date);
        self.begin(TieKind::Attachment, unit, target, date);
        self.nodes[unit].settled = true;
        true
    }

    /// Makes `unit` begin on `date`, with its ties, when it never had a change nor a child:
    /// nothing said before holds against it. Its ties that had already ended never held.
    fn create(&mut self, unit: usize, date: Date) -> bool {
        if !self.may_begin(unit) {
            return false;
        }
        self.begin_life(unit, date);
        true
    }

    /// Makes `unit` begin on `date`, with its ties: those that had already ended are dropped.
    fn begin_life(&mut self, unit: usize, date: Date) {
        for &t in &self.nodes[unit].ties {
            let slot = &mut self.ties[t];
            if slot.tie.valid_until.is_some() {
                slot.dropped = true;
            } else {
                slot.tie.valid_from = Some(date);
            }
        }
        self.units[unit].value.valid_from = Some(date);
        self.nodes[unit].settled = true;
    }

    /// Ends `unit` on `date` with its ties, when no child of it is in force.
    fn dissolve(&mut self, unit: usize, day: i64, date: Date) -> bool {
        if !self.may_end(unit, day) || self.children(unit).next().is_some() {
            return false;
        }
        self.end(unit, date);
        true
    }

    /// Ends `unit` and its open ties, its successions aside, on `date`.
    fn end(&mut self, unit: usize, date: Date) {
        let open: Vec<usize> = self.open(unit).collect();
        for t in open {
            if self.ties[t].tie.kind.value != TieKind::Succession {
                self.ties[t].tie.valid_until = Some(date);
            }
        }
        let unit = &mut self.units[unit].value;
        unit.valid_until = Some(date);
        unit.status = Status::Dissolved;
    }

    /// Replaces the line unit `unit` on `date` by a unit of its kind in its organisation that
    /// begins then, not under it, which takes its children.
    fn succeed(&mut self, unit: usize, day: i64, date: Date, random: &mut Random) -> bool {
        let kind = self.units[unit].kind.value;
        if kind == UnitKind::Post || !self.may_end(unit, day) {
            return false;
        }
        let Some(pool) = self.pool(unit, kind) else {
            return false;
        };
        let Some(successor) = (0..TRIES)
            .map(|_| pool[random.between(0, pool.len() - 1)])
            .find(|&other| other != unit && self.may_begin(other) && !self.is_under(other, unit))
        else {
            return false;
        };
        self.begin_life(successor, date);
        let children: Vec<usize> = self.children(unit).collect();
        for t in children {
            let (kind, child) = (self.ties[t].tie.kind.value, self.ties[t].from);
            self.ties[t].tie.valid_until = Some(date);
            self.begin(kind, child, successor, date);
        }
        self.end(unit, date);
        self.begin(TieKind::Succession, successor, unit, date);
        true
    }

    /// Makes a post attached to the unit `unit` (or to the unit the post `unit` is attached
    /// to) its head on `date`; its head until then, if any, stays in it as a post.
    fn change_head(&mut self, unit: usize, day: i64, date: Date, random: &mut Random) -> bool {
        let unit = if self.units[unit].kind.value == UnitKind::Post {
            match self.parents(unit).next() {
                Some(t) => self.ties[t].to,
                None => return false,
            }
        } else {
            unit
        };
        let posts: Vec<(usize, TieKind)> = self
            .children(unit)
            .filter(|&t| self.units[self.ties[t].from].kind.value == UnitKind::Post)
            .map(|t| (t, self.ties[t].tie.kind.value))
            .collect();
        let head = posts.iter().find(|(_, kind)| *kind == TieKind::Head);
        let attached: Vec<usize> = posts
            .iter()
            .filter(|&&(t, kind)| kind == TieKind::Attachment && self.began_before(t, day))
            .map(|&(t, _)| t)
            .collect();
        if attached.is_empty() || head.is_some_and(|&(t, _)| !self.began_before(t, day)) {
            return false;
        }
        if let Some(&(t, _)) = head {
            let former = self.ties[t].from;
            self.ties[t].tie.valid_until = Some(date);
            self.begin(TieKind::Attachment, former, unit, date);
            self.nodes[former].settled = true;
        }
        let t = attached[random.between(0, attached.len() - 1)];
        let new = self.ties[t].from;
        self.ties[t].tie.valid_until = Some(date);
        self.begin(TieKind::Head, new, unit, date);
        self.nodes[new].settled = true;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::description::{GenerateOptions, Generated, generate};
    use super::*;
    use organigram::check::{self, Options};
    use organigram::graph::OrgGraph;
    use organigram::load::{Input, Limits, load};
    use organigram::model::{Description, Period};

    fn generated(units: usize, changes: usize, seed: u64) -> Generated {
        generate(
            &GenerateOptions {
                units,
                seed,
                changes,
            },
            add,
        )
    }

    /// The description the files say, read from their JSON as `organigram` reads them: reading
    /// finds no problem.
    fn description(files: &[NamedFile]) -> Description {
        let inputs: Vec<Input> = files
            .iter()
            .map(|file| Input::Text {
                name: file.name.clone().into(),
                text: file.to_json().unwrap(),
            })
            .collect();
        let loaded = load(&inputs, Limits::default());
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        loaded.description
    }

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// A history of about one change per unit, and a dense one, of several changes per unit,
    /// where many fall on the same day.
    const HISTORIES: [(usize, usize, u64); 2] = [(4_000, 3_000, 5), (300, 1_500, 1)];

    #[test]
    fn the_structure_of_every_day_and_its_dates_check_without_an_error() {
        for (units, changes, seed) in HISTORIES {
            let Generated {
                files,
                changes: made,
            } = generated(units, changes, seed);
            // The dense one runs out of units that a change fits, as its units end.
            assert!(
                made == changes || units < changes && made > changes / 2,
                "{made}"
            );
            every_day_checks(&description(&files));
        }
    }

    fn every_day_checks(whole: &Description) {
        // The rules of time, which read every date, find nothing at all to say.
        let today = Some(date("2026-12-02"));
        for cut in [None, Some(date("2010"))] {
            let said = check::time::rules(whole, organigram::TimelineDays { cut, today });
            assert!(said.is_empty(), "{said:#?}");
        }
        let days = [
            "1999",
            "2000",
            "2000-01-02",
            "2003-07",
            "2007-02-28",
            "2010",
            "2012-12-31",
            "2016-06",
            "2019-10-25",
            "2022",
            "2025-12-31",
            "2026",
        ];
        for day in days.iter().map(|d| date(d)) {
            let (cut, _) = organigram::time::cut(whole.clone(), day);
            let mut problems = Vec::new();
            let graph = OrgGraph::build(cut, &mut problems);
            problems.extend(check::check(&graph, &Options::default()));
            let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
            assert!(errors.is_empty(), "as of {day}: {errors:#?}");
        }
    }

    #[test]
    fn no_fact_outlives_what_it_is_about() {
        for (units, changes, seed) in HISTORIES {
            facts_within_lives(&description(&generated(units, changes, seed).files));
        }
    }

    fn facts_within_lives(whole: &Description) {
        for tie in &whole.ties {
            assert!(tie.period().is_ordered(), "{tie}: {}", tie.period());
            let life = |id: &UnitId| whole.units[id.as_str()].life();
            let (from, to) = (life(&tie.from.value), life(&tie.to.value));
            if tie.kind.value == TieKind::Succession {
                // The successor begins the day its predecessor ends.
                assert_eq!(from.from, to.until, "{tie}");
                assert_eq!(tie.valid_from, from.from, "{tie}");
            } else {
                assert!(
                    !tie.period().outlasts(from),
                    "{tie}: {} {from}",
                    tie.period()
                );
                assert!(!tie.period().outlasts(to), "{tie}: {} {to}", tie.period());
            }
        }
        for unit in whole.units.values() {
            assert!(unit.life().is_ordered(), "{}", unit.id.as_str());
            assert_eq!(
                unit.status == Status::Dissolved,
                unit.valid_until.is_some(),
                "{}",
                unit.id.as_str()
            );
            let mut after = unit.valid_from;
            for was in &unit.was {
                assert!(
                    Period::new(after, Some(was.until)).is_ordered(),
                    "{}: {:?}",
                    unit.id.as_str(),
                    unit.was
                );
                after = Some(was.until);
            }
            assert!(Period::new(after, unit.valid_until).is_ordered());
        }
    }

    #[test]
    fn a_history_has_every_kind_of_change() {
        let whole = description(&generated(3_000, 1_000, 2).files);
        let units = whole.units.values();
        let created = units.clone().filter(|u| u.valid_from.is_some()).count();
        let ended = units.clone().filter(|u| u.valid_until.is_some()).count();
        let renamed = units.clone().filter(|u| !u.was.is_empty()).count();
        let new_acronyms = units
            .clone()
            .filter(|u| u.was.iter().any(|w| w.acronym.is_some()))
            .count();
        let ties = |kind: TieKind, dated: fn(&Tie) -> bool| {
            whole
                .ties
                .iter()
                .filter(|t| t.kind.value == kind && dated(t))
                .count()
        };
        let moves = ties(TieKind::Attachment, |t| {
            t.valid_from.is_some() && t.valid_until.is_none()
        });
        let heads = ties(TieKind::Head, |t| t.valid_from.is_some());
        let successions = ties(TieKind::Succession, |_| true);
        let partial = units
            .filter_map(|u| u.valid_from.or(u.valid_until))
            .filter(|d| !d.is_full())
            .count();
        for (what, count) in [
            ("created", created),
            ("ended", ended),
            ("renamed", renamed),
            ("new acronyms", new_acronyms),
            ("moves", moves),
            ("heads", heads),
            ("successions", successions),
            ("partial dates", partial),
        ] {
            assert!(count >= 10, "{count} {what}");
        }
    }

    #[test]
    fn a_history_dates_the_units_of_its_seed() {
        let ids = |files: &[NamedFile]| -> Vec<(String, UnitKind)> {
            description(files)
                .units
                .values()
                .map(|u| (u.id.as_str().to_owned(), u.kind.value))
                .collect()
        };
        let dated = generated(2_000, 500, 3);
        assert_eq!(ids(&dated.files), ids(&generated(2_000, 0, 3).files));
        let json = |g: &Generated| {
            (g.files.iter())
                .map(|f| serde_json::to_string(&f.file).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(json(&dated), json(&generated(2_000, 500, 3)));
        assert_ne!(json(&dated), json(&generated(2_000, 500, 4)));
    }

    #[test]
    fn a_description_too_small_holds_no_change() {
        // A lone ministry: a top neither moves, nor ends, nor is renamed.
        let Generated { files, changes } = generated(1, 10, 1);
        assert_eq!(changes, 0);
        assert_eq!(description(&files).units.len(), 1);
    }
}
