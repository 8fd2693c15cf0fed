//! Dated histories as lists of events, and the two ways to read them that must agree: the dated
//! description written from every event ([`History::dated`]), and the plain structure rebuilt
//! from the events up to a day, each applied as an undated change ([`History::replay`]).
//!
//! A history starts with units that have always existed (undated), under a top, and one that was
//! dissolved on a day nobody knows; then come dated events, in order of their days, which are
//! full dates, months or years (a year stands for its first day, so many events fall on the same
//! day): a unit created under another, moved, renamed (with a new acronym, perhaps its first, or
//! a new kind), dissolved with or without ending its ties, succeeded by a new unit that takes its
//! parent and children; two units beginning or ceasing to cooperate. Each event is drawn as raw choices and made
//! against the structure the events before it left ([`State`]), so that it is one a real
//! history could hold: a unit moves under a unit not under it, only a unit with no child is
//! dissolved, and so on.

use organigram::model::{
    Boundary, Date, DescriptionFile, Organisation, OrganisationId, Origin, Recover, Span, Spanned,
    Status, Tie, TieKind, Unit, UnitId, UnitKind, Was,
};
use organigram::time::Gone;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

/// The kinds a unit of a history may have; a renaming may change one into another.
const KINDS: [UnitKind; 5] = [
    UnitKind::Directorate,
    UnitKind::SubDirectorate,
    UnitKind::Bureau,
    UnitKind::Service,
    UnitKind::Post,
];

/// A unit as the structure has it on a day: what the comparison looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Shown {
    pub id: String,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: UnitKind,
}

/// A tie as the structure has it on a day.
pub(crate) type ShownTie = (TieKind, String, String);

/// One change, made: units by number (`u0` is the top), ties by the number of their creation.
#[derive(Clone, Debug)]
enum Event {
    /// `unit` begins, attached to `parent`.
    Create {
        unit: usize,
        shown: Shown,
        parent: usize,
    },
    /// A unit dissolved on a day not given: it is in no structure, and its tie to `parent` with
    /// it.
    Lost {
        unit: usize,
        shown: Shown,
        parent: usize,
    },
    /// `unit`'s attachment `tie` ends, and one to `parent` begins.
    Move {
        unit: usize,
        tie: usize,
        parent: usize,
    },
    /// `unit` is called `name` from then on, and has `acronym` or `kind` when given.
    Rename {
        unit: usize,
        name: String,
        acronym: Option<String>,
        kind: Option<UnitKind>,
    },
    /// `unit`, with no child, ends; `ties` are the ties the description ends with it (the others
    /// it leaves open, as descriptions do: they end with the unit all the same).
    Dissolve { unit: usize, ties: Vec<usize> },
    /// `successor` begins under `unit`'s parent (`parent`, by the tie `tie`), its children's
    /// ties `children` end and the same begin to `successor`; `unit` ends, and `successor`
    /// succeeded it.
    Succeed {
        unit: usize,
        tie: usize,
        parent: usize,
        successor: usize,
        shown: Shown,
        children: Vec<(usize, usize)>,
    },
    /// `a` begins to cooperate with `b`.
    Cooperate { a: usize, b: usize },
    /// The cooperation `tie` ends.
    EndCooperation { tie: usize },
}

/// One change, by raw choices, to be made against the structure of its day.
#[derive(Clone, Debug)]
enum Draft {
    Create {
        parent: Index,
        kind: UnitKind,
        name: String,
        acronym: Option<String>,
    },
    Move {
        unit: Index,
        parent: Index,
    },
    Rename {
        unit: Index,
        name: String,
        acronym: Option<String>,
        kind: Option<UnitKind>,
    },
    Dissolve {
        unit: Index,
        end_ties: bool,
    },
    Succeed {
        unit: Index,
        name: String,
        acronym: Option<String>,
    },
    Cooperate {
        a: Index,
        b: Index,
    },
    EndCooperation {
        tie: Index,
    },
}

fn name() -> impl Strategy<Value = String> {
    "[A-Z][a-zé]{0,8}( [a-zé]{1,6}){0,2}"
}

fn acronym() -> impl Strategy<Value = String> {
    "[A-Z]{2,5}"
}

fn draft() -> impl Strategy<Value = Draft> {
    let kind = || select(&KINDS[..]);
    prop_oneof![
        3 => (any::<Index>(), kind(), name(), proptest::option::of(acronym()))
            .prop_map(|(parent, kind, name, acronym)| Draft::Create { parent, kind, name, acronym }),
        3 => (any::<Index>(), any::<Index>())
            .prop_map(|(unit, parent)| Draft::Move { unit, parent }),
        3 => (
            any::<Index>(),
            name(),
            proptest::option::of(acronym()),
            proptest::option::weighted(0.3, kind()),
        )
            .prop_map(|(unit, name, acronym, kind)| Draft::Rename { unit, name, acronym, kind }),
        2 => (any::<Index>(), any::<bool>())
            .prop_map(|(unit, end_ties)| Draft::Dissolve { unit, end_ties }),
        1 => (any::<Index>(), name(), proptest::option::of(acronym()))
            .prop_map(|(unit, name, acronym)| Draft::Succeed { unit, name, acronym }),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Draft::Cooperate { a, b }),
        1 => any::<Index>().prop_map(|tie| Draft::EndCooperation { tie }),
    ]
}

/// A day of a history: a full date, a month or a year, over a few years so that days meet.
pub(crate) fn day() -> impl Strategy<Value = Date> {
    prop_oneof![
        (2018u16..2022).prop_map(|y| format!("{y}")),
        (2018u16..2022, 1u8..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (2018u16..2022, 1u8..=12, 1u8..=3).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
    .prop_map(|text| Date::parse(&text).expect("generated dates are valid"))
}

/// A history: up to `initial` units that have always existed, then up to `events` dated events.
pub(crate) fn history(initial: usize, events: usize) -> impl Strategy<Value = History> {
    let initial = vec(
        (
            any::<Index>(),
            select(&KINDS[..]),
            name(),
            proptest::option::of(acronym()),
        ),
        0..=initial,
    );
    (initial, vec((day(), draft()), 0..=events)).prop_map(|(initial, mut dated)| {
        dated.sort_by_key(|(day, _)| day.start());
        let mut history = History::default();
        let mut state = State::default();
        state.apply(&history.push(None, top()));
        let lost = history.units;
        state.apply(&history.push(
            None,
            Event::Lost {
                unit: lost,
                shown: shown(
                    lost,
                    "Mission perdue".into(),
                    Some("MP".into()),
                    UnitKind::Mission,
                ),
                parent: 0,
            },
        ));
        for (parent, kind, name, acronym) in initial {
            let draft = Draft::Create {
                parent,
                kind,
                name,
                acronym,
            };
            history.make(None, &draft, &mut state);
        }
        for (day, draft) in &dated {
            history.make(Some(*day), draft, &mut state);
        }
        history
    })
}

fn shown(unit: usize, name: String, acronym: Option<String>, kind: UnitKind) -> Shown {
    Shown {
        id: format!("u{unit}"),
        name,
        acronym,
        kind,
    }
}

/// The top, `u0`: a ministry that has always existed and never changes.
fn top() -> Event {
    Event::Create {
        unit: 0,
        shown: shown(
            0,
            "Ministère".into(),
            Some("MIN".into()),
            UnitKind::Ministry,
        ),
        parent: 0,
    }
}

/// The events of a history, each with its day (`None` for what has always been so).
#[derive(Clone, Debug, Default)]
pub(crate) struct History {
    events: Vec<(Option<Date>, Event)>,
    /// How many units the events have created: the number of the next.
    units: usize,
}

/// The plain structure a history's events make, applied one after the other as undated
/// changes: units and ties by number, in the order they were created.
#[derive(Clone, Debug, Default)]
pub(crate) struct State {
    units: Vec<(usize, Shown)>,
    ties: Vec<(usize, TieKind, usize, usize)>,
    /// How many ties the events applied have created, those no structure holds included.
    created: usize,
}

impl State {
    fn unit(&self, unit: usize) -> Option<&Shown> {
        self.units.iter().find(|(n, _)| *n == unit).map(|(_, u)| u)
    }

    /// The tie from `unit` to its parent, with the parent.
    fn parent(&self, unit: usize) -> Option<(usize, usize)> {
        self.ties
            .iter()
            .find(|(_, kind, from, _)| *kind == TieKind::Attachment && *from == unit)
            .filter(|_| unit != 0)
            .map(|&(tie, _, _, to)| (tie, to))
    }

    /// The ties from `unit`'s children to it, with the children.
    fn children(&self, unit: usize) -> Vec<(usize, usize)> {
        self.ties
            .iter()
            .filter(|(_, kind, _, to)| *kind == TieKind::Attachment && *to == unit)
            .map(|&(tie, _, from, _)| (tie, from))
            .collect()
    }

    /// Whether `unit` is `other` or under it.
    fn is_under(&self, mut unit: usize, other: usize) -> bool {
        loop {
            if unit == other {
                return true;
            }
            match self.parent(unit) {
                Some((_, up)) => unit = up,
                None => return false,
            }
        }
    }

    fn tie(&mut self, kind: TieKind, from: usize, to: usize) {
        self.ties.push((self.created, kind, from, to));
        self.created += 1;
    }

    fn remove_tie(&mut self, tie: usize) {
        self.ties.retain(|(n, ..)| *n != tie);
    }

    fn remove_unit(&mut self, unit: usize) {
        self.units.retain(|(n, _)| *n != unit);
        self.ties
            .retain(|(_, _, from, to)| *from != unit && *to != unit);
    }

    /// Applies `event` as an undated change.
    fn apply(&mut self, event: &Event) {
        match event {
            Event::Create {
                unit,
                shown,
                parent,
            } => {
                self.units.push((*unit, shown.clone()));
                if *unit != 0 {
                    self.tie(TieKind::Attachment, *unit, *parent);
                }
            }
            // Never in a structure, but its tie was created.
            Event::Lost { .. } => self.created += 1,
            Event::Move { unit, tie, parent } => {
                self.remove_tie(*tie);
                self.tie(TieKind::Attachment, *unit, *parent);
            }
            Event::Rename {
                unit,
                name,
                acronym,
                kind,
            } => {
                if let Some((_, shown)) = self.units.iter_mut().find(|(n, _)| n == unit) {
                    shown.name.clone_from(name);
                    if acronym.is_some() {
                        shown.acronym.clone_from(acronym);
                    }
                    if let Some(kind) = kind {
                        shown.kind = *kind;
                    }
                }
            }
            Event::Dissolve { unit, .. } => self.remove_unit(*unit),
            Event::Succeed {
                unit,
                parent,
                successor,
                shown,
                children,
                ..
            } => {
                self.units.push((*successor, shown.clone()));
                self.tie(TieKind::Attachment, *successor, *parent);
                for &(tie, child) in children {
                    self.remove_tie(tie);
                    self.tie(TieKind::Attachment, child, *successor);
                }
                self.remove_unit(*unit);
                // The succession: never in a structure, as its ends never exist together.
                self.created += 1;
            }
            Event::Cooperate { a, b } => self.tie(TieKind::Cooperation, *a, *b),
            Event::EndCooperation { tie } => self.remove_tie(*tie),
        }
    }

    /// The units of the structure, in the order they were created.
    pub(crate) fn units(&self) -> Vec<Shown> {
        self.units.iter().map(|(_, u)| u.clone()).collect()
    }

    /// The ties of the structure, in the order they were created.
    pub(crate) fn ties(&self) -> Vec<ShownTie> {
        self.ties
            .iter()
            .map(|&(_, kind, from, to)| (kind, format!("u{from}"), format!("u{to}")))
            .collect()
    }
}

impl History {
    /// Adds `event`, and counts the unit it creates.
    fn push(&mut self, day: Option<Date>, event: Event) -> Event {
        if matches!(
            event,
            Event::Create { .. } | Event::Lost { .. } | Event::Succeed { .. }
        ) {
            self.units += 1;
        }
        self.events.push((day, event.clone()));
        event
    }

    /// Makes the change `draft` chooses against `state`, the structure of the day, if it fits
    /// it (a unit to move, a parent not under it…), and applies it to `state`.
    fn make(&mut self, day: Option<Date>, draft: &Draft, state: &mut State) {
        let units: Vec<usize> = state.units.iter().map(|(n, _)| *n).collect();
        let pick = |index: &Index| units[index.index(units.len())];
        let line = |unit: usize| state.unit(unit).is_some_and(|u| u.kind != UnitKind::Post);
        let new = self.units;
        let event = match draft {
            Draft::Create {
                parent,
                kind,
                name,
                acronym,
            } => {
                let parent = pick(parent);
                line(parent).then(|| Event::Create {
                    unit: new,
                    shown: shown(new, name.clone(), acronym.clone(), *kind),
                    parent,
                })
            }
            Draft::Move { unit, parent } => {
                let (unit, parent) = (pick(unit), pick(parent));
                state
                    .parent(unit)
                    .filter(|_| line(parent) && !state.is_under(parent, unit))
                    .map(|(tie, _)| Event::Move { unit, tie, parent })
            }
            Draft::Rename {
                unit,
                name,
                acronym,
                kind,
            } => {
                let unit = pick(unit);
                // A unit with children stays a line unit.
                let kind = kind.filter(|k| *k != UnitKind::Post || state.children(unit).is_empty());
                (unit != 0).then(|| Event::Rename {
                    unit,
                    name: name.clone(),
                    acronym: acronym.clone(),
                    kind,
                })
            }
            Draft::Dissolve { unit, end_ties } => {
                let unit = pick(unit);
                let ties = state
                    .ties
                    .iter()
                    .filter(|(_, _, from, to)| *end_ties && (*from == unit || *to == unit))
                    .map(|(tie, ..)| *tie)
                    .collect();
                (unit != 0 && state.children(unit).is_empty())
                    .then_some(Event::Dissolve { unit, ties })
            }
            Draft::Succeed {
                unit,
                name,
                acronym,
            } => {
                let unit = pick(unit);
                state
                    .parent(unit)
                    .filter(|_| line(unit))
                    .zip(state.unit(unit))
                    .map(|((tie, parent), was)| Event::Succeed {
                        unit,
                        tie,
                        parent,
                        successor: new,
                        shown: shown(new, name.clone(), acronym.clone(), was.kind),
                        children: state.children(unit),
                    })
            }
            Draft::Cooperate { a, b } => {
                let (a, b) = (pick(a), pick(b));
                (a != b).then_some(Event::Cooperate { a, b })
            }
            Draft::EndCooperation { tie } => {
                let cooperations: Vec<usize> = (state.ties.iter())
                    .filter(|(_, kind, ..)| *kind == TieKind::Cooperation)
                    .map(|(tie, ..)| *tie)
                    .collect();
                (!cooperations.is_empty()).then(|| Event::EndCooperation {
                    tie: cooperations[tie.index(cooperations.len())],
                })
            }
        };
        if let Some(event) = event {
            state.apply(&self.push(day, event));
        }
    }

    /// The days of the events, in order.
    pub(crate) fn days(&self) -> impl Iterator<Item = Date> + '_ {
        self.events.iter().filter_map(|(day, _)| *day)
    }

    /// The structure rebuilt from the events up to `day` (those of that day included), each
    /// applied as an undated change.
    pub(crate) fn replay(&self, day: Date) -> State {
        let mut state = State::default();
        for (_, event) in self
            .events
            .iter()
            .filter(|(on, _)| on.is_none_or(|on| on.start() <= day.start()))
        {
            state.apply(event);
        }
        state
    }

    /// Why each unit the description declares is in no structure of `day`, by id: not created
    /// yet, ended, or lost at a day not known; units in the structure are left out.
    pub(crate) fn gone(&self, day: Date) -> Vec<(String, Gone)> {
        let mut gone: Vec<(usize, Gone)> = Vec::new();
        for (on, event) in &self.events {
            let created = match event {
                Event::Create { unit, .. } => Some(*unit),
                Event::Succeed { successor, .. } => Some(*successor),
                _ => None,
            };
            match (on, created, event) {
                (_, _, Event::Lost { unit, .. }) => gone.push((*unit, Gone::EndedUndated)),
                (Some(on), Some(unit), _) if day.start() < on.start() => {
                    gone.push((unit, Gone::NotYet(*on)));
                }
                _ => {}
            }
            let ended = match event {
                Event::Dissolve { unit, .. } | Event::Succeed { unit, .. } => Some(*unit),
                _ => None,
            };
            if let (Some(on), Some(unit)) = (on, ended)
                && on.start() <= day.start()
            {
                gone.push((unit, Gone::Ended(*on)));
            }
        }
        gone.sort_by_key(|(unit, _)| *unit);
        gone.into_iter()
            .map(|(unit, gone)| (format!("u{unit}"), gone))
            .collect()
    }

    /// The dated description the events write: one file, its units and ties in the order the
    /// events create them, each dated by its events (`valid_from`, `valid_until`, `was`).
    pub(crate) fn dated(&self) -> DescriptionFile {
        let mut units: Vec<Unit> = Vec::new();
        let mut ties: Vec<Tie> = Vec::new();
        let id = |unit: usize| spanned(UnitId::new(format!("u{unit}")).unwrap());
        let tie = |kind: TieKind, from: usize, to: usize, day: Option<Date>| Tie {
            valid_from: day,
            ..Tie::new(spanned(kind), id(from), id(to))
        };
        let create = |shown: &Shown, day: Option<Date>| Unit {
            acronym: shown.acronym.clone(),
            valid_from: day,
            ..Unit::new(
                spanned(UnitId::new(shown.id.clone()).unwrap()),
                shown.name.clone(),
                spanned(shown.kind),
            )
        };
        let at = |units: &[Unit], unit: usize| -> usize {
            let id = format!("u{unit}");
            units.iter().position(|u| u.id.as_str() == id).unwrap()
        };
        let end = |units: &mut Vec<Unit>, unit: usize, day: Option<Date>| {
            let n = at(units, unit);
            units[n].valid_until = day;
            units[n].status = Status::Dissolved;
        };
        for (day, event) in &self.events {
            match event {
                Event::Create {
                    unit,
                    shown,
                    parent,
                } => {
                    units.push(create(shown, *day));
                    if *unit == 0 {
                        units[0].boundary = Some(Boundary::Top);
                    } else {
                        ties.push(tie(TieKind::Attachment, *unit, *parent, *day));
                    }
                }
                Event::Lost {
                    unit,
                    shown,
                    parent,
                } => {
                    units.push(create(shown, None));
                    end(&mut units, *unit, None);
                    ties.push(tie(TieKind::Attachment, *unit, *parent, None));
                }
                Event::Move {
                    unit,
                    tie: old,
                    parent,
                } => {
                    ties[*old].valid_until = *day;
                    ties.push(tie(TieKind::Attachment, *unit, *parent, *day));
                }
                Event::Rename {
                    unit,
                    name,
                    acronym,
                    kind,
                } => {
                    let n = at(&units, *unit);
                    let renamed = &mut units[n];
                    let was = Was {
                        until: day.expect("a renaming is dated"),
                        name: Some(std::mem::replace(&mut renamed.name, name.clone())),
                        // The acronym it had, `Some(None)` when it had none.
                        acronym: acronym
                            .clone()
                            .map(|acronym| renamed.acronym.replace(acronym)),
                        kind: kind.map(|kind| std::mem::replace(&mut renamed.kind, spanned(kind))),
                        remit: None,
                        headcount: None,
                        source: None,
                    };
                    renamed.was.push(was);
                }
                Event::Dissolve { unit, ties: ended } => {
                    end(&mut units, *unit, *day);
                    for &t in ended {
                        ties[t].valid_until = *day;
                    }
                }
                Event::Succeed {
                    unit,
                    tie: attachment,
                    parent,
                    successor,
                    shown,
                    children,
                } => {
                    units.push(create(shown, *day));
                    ties.push(tie(TieKind::Attachment, *successor, *parent, *day));
                    for &(old, child) in children {
                        ties[old].valid_until = *day;
                        ties.push(tie(TieKind::Attachment, child, *successor, *day));
                    }
                    ties[*attachment].valid_until = *day;
                    end(&mut units, *unit, *day);
                    ties.push(tie(TieKind::Succession, *successor, *unit, *day));
                }
                Event::Cooperate { a, b } => ties.push(tie(TieKind::Cooperation, *a, *b, *day)),
                Event::EndCooperation { tie } => ties[*tie].valid_until = *day,
            }
        }
        DescriptionFile {
            schema: None,
            organisation: spanned(Organisation {
                id: spanned(OrganisationId::new("o").unwrap()),
                name: "Organisation".to_owned(),
                acronym: None,
                unit: Some(id(0)),
                origin: Origin::default(),
            }),
            sources: Vec::new(),
            units: units
                .into_iter()
                .map(|u| Recover::Read(spanned(u)))
                .collect(),
            ties: ties
                .into_iter()
                .map(|t| Recover::Read(spanned(t)))
                .collect(),
        }
    }
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(Span::default(), value)
}
