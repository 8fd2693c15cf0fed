//! The history of one unit: its life told as dated events, each with the citation of the fact
//! that says it.
//!
//! It is read from a graph of the whole timeline (every unit and tie of every date, as
//! [`Loader::whole_timeline`](crate::Loader::whole_timeline) loads it), from the unit itself and
//! its own ties only (and the dates of the unit at a succession's other end):
//! - its life: created on its `valid_from`, dissolved on its `valid_until` (or dissolved on a
//!   date not known, when its status says so without a date);
//! - its names and what it is: each entry of [`Unit::was`] ends on a date, when each field it
//!   gives changed to the value of the next entry that gives it, or to the unit's own;
//! - where it sits: its hierarchical ties out (attachment, joint attachment, line authority, and
//!   for a post the units it heads). Ties that end on a day and ties that begin on it are one
//!   event: a move from the old parents to the new, an attachment when none ends, a detachment
//!   when none begins;
//! - who heads it: the head ties into it, grouped by day the same way;
//! - what it replaced and what replaced it: its succession ties, out (it succeeded them: a
//!   merger when several on one day) and in (they succeeded it: a split when several), each on
//!   the day the tie says, else the day the successor began, else the day the predecessor ended
//!   ([`time::succession_day`]).
//!
//! The ties of the units under it (posts and sub-units joining or leaving) are theirs, not its:
//! their own histories tell them. Facts outside the unit's life are not events of it: a tie that
//! holds on the day the unit is created is part of its creation, and one that ends on or after
//! the day it ends ends with it (the rules of `check` say when such dates are wrong).
//!
//! Events come in the order of their dates; the undated ones (a dissolution or a succession the
//! description does not date) come last, since nothing says when they happened. Events of one
//! day come in the order of a life: creation, what it succeeded, changes of name and kind,
//! moves, heads, dissolution, what succeeded it.

use std::collections::BTreeMap;

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::graph::{OrgGraph, TieView, UnitIx};
use crate::model::{Citation, Date, Headcount, Period, Status, TieKind, Unit, UnitKind, Was};
use crate::time;

/// The history of one unit, as [`history`] tells it.
#[derive(Clone, Debug)]
pub struct History<'g> {
    /// The unit.
    pub unit: UnitIx,
    /// What happened to it, by date, the undated last.
    pub events: Vec<Event<'g>>,
}

/// One thing that happened to a unit.
#[derive(Clone, Debug)]
pub struct Event<'g> {
    /// When it happened, as the description gives it; `None` when it does not say.
    pub date: Option<Date>,
    /// What happened.
    pub change: Change<'g>,
    /// The document that says it: the unit's own source for its creation and dissolution, the
    /// entry of [`Unit::was`] for a change of name, the tie's for a tie (the first with one when
    /// several ties make one event, those that begin first).
    pub source: Option<&'g Citation>,
}

/// What happened to a unit. Ties are seen from the unit ([`TieView::other`] is the parent, the
/// head, the predecessor or the successor).
#[derive(Clone, Debug)]
pub enum Change<'g> {
    /// It was created, under these parents and headed by these posts (the ties that held on its
    /// first day, in declaration order).
    Created {
        /// Its hierarchical ties out on its first day.
        parents: Vec<TieView<'g>>,
        /// The head ties into it on its first day.
        heads: Vec<TieView<'g>>,
    },
    /// It succeeded these units, by these succession ties out of it: several make a merger.
    Succeeded(Vec<TieView<'g>>),
    /// It was renamed.
    Renamed {
        /// The name it had.
        before: &'g str,
        /// The name it had from then on.
        after: &'g str,
    },
    /// Its acronym changed.
    AcronymChanged {
        /// The acronym it had, if any.
        before: Option<&'g str>,
        /// The acronym it had from then on, if any.
        after: Option<&'g str>,
    },
    /// Its kind changed.
    KindChanged {
        /// The kind it was.
        before: UnitKind,
        /// The kind it was from then on.
        after: UnitKind,
    },
    /// Its remit changed.
    RemitChanged {
        /// The remit it had.
        before: &'g str,
        /// The remit it had from then on, if any.
        after: Option<&'g str>,
    },
    /// Its headcount changed.
    HeadcountChanged {
        /// The headcount it had.
        before: &'g Headcount,
        /// The headcount it had from then on, if any.
        after: Option<&'g Headcount>,
    },
    /// Its hierarchical ties out changed: those in `from` ended, those in `to` began. `from`
    /// empty is an attachment, `to` empty a detachment, both a move.
    Moved {
        /// The ties that ended that day.
        from: Vec<TieView<'g>>,
        /// The ties that began that day.
        to: Vec<TieView<'g>>,
    },
    /// The posts heading it changed: the head ties in `from` ended, those in `to` began.
    HeadChanged {
        /// The head ties that ended that day.
        from: Vec<TieView<'g>>,
        /// The head ties that began that day.
        to: Vec<TieView<'g>>,
    },
    /// It was dissolved: it ended (on the event's date, when there is one).
    Dissolved,
    /// These units succeeded it, by these succession ties into it: several make a split.
    SucceededBy(Vec<TieView<'g>>),
}

impl Change<'_> {
    /// The event's name, as JSON output writes it: `created`, `succeeded`, `merged`,
    /// `renamed`, `acronym-changed`, `kind-changed`, `remit-changed`, `headcount-changed`,
    /// `attached`, `moved`, `detached`, `head-began`, `head-changed`, `head-ended`,
    /// `dissolved`, `succeeded-by`, `split`.
    pub fn name(&self) -> &'static str {
        let turn = |from: &[TieView<'_>], to: &[TieView<'_>], names: [&'static str; 3]| match (
            from.is_empty(),
            to.is_empty(),
        ) {
            (true, _) => names[0],
            (false, true) => names[2],
            (false, false) => names[1],
        };
        match self {
            Change::Created { .. } => "created",
            Change::Succeeded(ties) if ties.len() > 1 => "merged",
            Change::Succeeded(_) => "succeeded",
            Change::Renamed { .. } => "renamed",
            Change::AcronymChanged { .. } => "acronym-changed",
            Change::KindChanged { .. } => "kind-changed",
            Change::RemitChanged { .. } => "remit-changed",
            Change::HeadcountChanged { .. } => "headcount-changed",
            Change::Moved { from, to } => turn(from, to, ["attached", "moved", "detached"]),
            Change::HeadChanged { from, to } => {
                turn(from, to, ["head-began", "head-changed", "head-ended"])
            }
            Change::Dissolved => "dissolved",
            Change::SucceededBy(ties) if ties.len() > 1 => "split",
            Change::SucceededBy(_) => "succeeded-by",
        }
    }

    /// Where the change comes among those of one day: the order of a life.
    fn rank(&self) -> u8 {
        match self {
            Change::Created { .. } => 0,
            Change::Succeeded(_) => 1,
            Change::Renamed { .. }
            | Change::AcronymChanged { .. }
            | Change::KindChanged { .. }
            | Change::RemitChanged { .. }
            | Change::HeadcountChanged { .. } => 2,
            Change::Moved { .. } => 3,
            Change::HeadChanged { .. } => 4,
            Change::Dissolved => 5,
            Change::SucceededBy(_) => 6,
        }
    }
}

/// The history of `unit` in `graph`, which should hold the whole timeline. Reads the unit and
/// its own ties only: `O(d log d)` for a unit of `d` ties and `was` entries, whatever the size
/// of the graph.
pub fn history<'g>(graph: &'g OrgGraph, unit: UnitIx) -> History<'g> {
    let ties = Ties::of(graph, unit);
    let declared = graph.unit(unit);
    let life = declared.life();
    let mut events = Vec::new();
    if let Some(from) = declared.valid_from {
        let on_first_day = |views: &[TieView<'g>]| -> Vec<TieView<'g>> {
            views
                .iter()
                .filter(|view| view.tie.period().holds_at(from))
                .copied()
                .collect()
        };
        events.push(Event {
            date: Some(from),
            change: Change::Created {
                parents: on_first_day(&ties.parents),
                heads: on_first_day(&ties.heads),
            },
            source: declared.source.as_ref(),
        });
    }
    events.extend(declared.was.iter().flat_map(|was| changes(declared, was)));
    events.extend(turns(&ties.parents, life, |from, to| Change::Moved {
        from,
        to,
    }));
    events.extend(turns(&ties.heads, life, |from, to| Change::HeadChanged {
        from,
        to,
    }));
    let dissolved = match declared.valid_until {
        Some(until) => Some(Some(until)),
        None => (declared.status == Status::Dissolved).then_some(None),
    };
    if let Some(date) = dissolved {
        events.push(Event {
            date,
            change: Change::Dissolved,
            source: declared.source.as_ref(),
        });
    }
    events.extend(successions(graph, &ties.predecessors, Change::Succeeded));
    events.extend(successions(graph, &ties.successors, Change::SucceededBy));
    events.sort_by_key(|event| {
        (
            event.date.is_none(),
            event.date.map(Date::start),
            event.change.rank(),
        )
    });
    History { unit, events }
}

/// The ties of a unit a history reads, each list in declaration order.
struct Ties<'g> {
    /// Hierarchical ties out: where the unit sits.
    parents: Vec<TieView<'g>>,
    /// Head ties in: the posts heading it.
    heads: Vec<TieView<'g>>,
    /// Succession ties out: the units it succeeded.
    predecessors: Vec<TieView<'g>>,
    /// Succession ties in: the units that succeeded it.
    successors: Vec<TieView<'g>>,
}

impl<'g> Ties<'g> {
    /// Reads the ties of `unit`, out and in: linear in its number of ties.
    fn of(graph: &'g OrgGraph, unit: UnitIx) -> Ties<'g> {
        let mut ties = Ties {
            parents: Vec::new(),
            heads: Vec::new(),
            predecessors: Vec::new(),
            successors: Vec::new(),
        };
        for direction in [Direction::Outgoing, Direction::Incoming] {
            let outgoing = direction == Direction::Outgoing;
            for edge in graph.petgraph().edges_directed(unit, direction) {
                let kind = edge.weight().kind;
                let list = match (outgoing, kind) {
                    (true, TieKind::Succession) => &mut ties.predecessors,
                    (true, kind) if kind.is_hierarchical() => &mut ties.parents,
                    (false, TieKind::Succession) => &mut ties.successors,
                    (false, TieKind::Head) => &mut ties.heads,
                    _ => continue,
                };
                list.push(TieView {
                    index: edge.id(),
                    tie: graph.tie(edge.id()),
                    other: if outgoing {
                        edge.target()
                    } else {
                        edge.source()
                    },
                    outgoing,
                });
            }
        }
        // petgraph lists a node's edges newest first; declaration order reads better.
        for list in [
            &mut ties.parents,
            &mut ties.heads,
            &mut ties.predecessors,
            &mut ties.successors,
        ] {
            list.sort_by_key(|view| view.index);
        }
        ties
    }
}

/// What changed on the day an entry of [`Unit::was`] ends: each field it gives goes from its
/// value to the one that applied from that day ([`Unit::values_at`]), when they differ.
fn changes<'g>(unit: &'g Unit, was: &'g Was) -> impl Iterator<Item = Event<'g>> {
    let after = unit.values_at(was.until);
    let renamed = was
        .name
        .as_deref()
        .filter(|&before| before != after.name)
        .map(|before| Change::Renamed {
            before,
            after: after.name,
        });
    let acronym = was
        .acronym
        .as_ref()
        .map(Option::as_deref)
        .filter(|&before| before != after.acronym)
        .map(|before| Change::AcronymChanged {
            before,
            after: after.acronym,
        });
    let kind = was
        .kind
        .as_ref()
        .filter(|before| before.value != after.kind.value)
        .map(|before| Change::KindChanged {
            before: before.value,
            after: after.kind.value,
        });
    let remit = was
        .remit
        .as_deref()
        .filter(|&before| Some(before) != after.remit)
        .map(|before| Change::RemitChanged {
            before,
            after: after.remit,
        });
    let headcount = was
        .headcount
        .as_ref()
        .filter(|&before| Some(before) != after.headcount)
        .map(|before| Change::HeadcountChanged {
            before,
            after: after.headcount,
        });
    [renamed, acronym, kind, remit, headcount]
        .into_iter()
        .flatten()
        .map(|change| Event {
            date: Some(was.until),
            change,
            source: was.source.as_ref(),
        })
}

/// The ties of `views` that begin or end within `life`, one event a day: those that ended that
/// day and those that began, as `make` says.
fn turns<'g>(
    views: &[TieView<'g>],
    life: Period,
    make: impl Fn(Vec<TieView<'g>>, Vec<TieView<'g>>) -> Change<'g>,
) -> Vec<Event<'g>> {
    // Strictly inside the life: a tie that begins on or before the unit's first day is part of
    // its creation, and one that ends on or after its end ends with it.
    let within = |day: Date| {
        life.from.is_none_or(|from| from.start() < day.start())
            && life.until.is_none_or(|until| day.start() < until.start())
    };
    let mut days: Days<(Vec<TieView<'g>>, Vec<TieView<'g>>)> = Days::default();
    for view in views {
        let period = view.tie.period();
        if let Some(until) = period.until.filter(|&until| within(until)) {
            days.on(Some(until)).0.push(*view);
        }
        if let Some(from) = period.from.filter(|&from| within(from)) {
            days.on(Some(from)).1.push(*view);
        }
    }
    days.into_events(|(ended, began)| {
        let source = first_source(began.iter().chain(&ended));
        (make(ended, began), source)
    })
}

/// The succession ties of `views`, one event a day they took effect
/// ([`time::succession_day`]), made by `make`.
fn successions<'g>(
    graph: &'g OrgGraph,
    views: &[TieView<'g>],
    make: fn(Vec<TieView<'g>>) -> Change<'g>,
) -> Vec<Event<'g>> {
    let mut days: Days<Vec<TieView<'g>>> = Days::default();
    for view in views {
        let (successor, predecessor) = graph.ends(view.index);
        let day = time::succession_day(
            view.tie,
            Some(graph.unit(successor)),
            Some(graph.unit(predecessor)),
        );
        days.on(day).push(*view);
    }
    days.into_events(|ties| {
        let source = first_source(ties.iter());
        (make(ties), source)
    })
}

/// The first citation of these ties that has one.
fn first_source<'a, 'g: 'a>(
    mut views: impl Iterator<Item = &'a TieView<'g>>,
) -> Option<&'g Citation> {
    views.find_map(|view| view.tie.source.as_ref())
}

/// What happened on each day, by the day's first day: the same day given as `2019` and as
/// `2019-01-01` is one day, shown with its most precise date.
#[derive(Default)]
struct Days<T> {
    days: BTreeMap<Option<Date>, (Option<Date>, T)>,
}

impl<T: Default> Days<T> {
    /// What happened on `date`, to add to.
    fn on(&mut self, date: Option<Date>) -> &mut T {
        let (shown, what) = self.days.entry(date.map(Date::start)).or_default();
        // A partial date orders before the full dates it contains: the greater is the more
        // precise.
        *shown = (*shown).max(date);
        what
    }

    /// One event a day, as `make` says.
    fn into_events<'g>(
        self,
        make: impl Fn(T) -> (Change<'g>, Option<&'g Citation>),
    ) -> Vec<Event<'g>> {
        self.days
            .into_values()
            .map(|(date, what)| {
                let (change, source) = make(what);
                Event {
                    date,
                    change,
                    source,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{build, description, id};
    use crate::model::{Description, Span, Spanned, TieKind::*, UnitKind::*};

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// DINSIC until 2019-10-25, then DINUM, which succeeded it, each headed by its post; a
    /// bureau that moved from one to the other on that day.
    fn dinum() -> Description {
        let mut d = description(
            &[
                ("pm", Ministry),
                ("dinsic", InterministerialDirectorate),
                ("dinum", InterministerialDirectorate),
                ("bureau", Bureau),
                ("dinsic-head", Post),
                ("dinum-head", Post),
            ],
            &[
                ("dinsic", Attachment, "pm"),
                ("dinum", Attachment, "pm"),
                ("bureau", Attachment, "dinsic"),
                ("bureau", Attachment, "dinum"),
                ("dinum", Succession, "dinsic"),
                ("dinsic-head", Head, "dinsic"),
                ("dinum-head", Head, "dinum"),
            ],
        );
        d.units["dinsic"].valid_until = Some(date("2019-10-25"));
        d.units["dinsic"].status = Status::Dissolved;
        d.units["dinum"].valid_from = Some(date("2019-10-25"));
        d.ties[2].valid_until = Some(date("2019-10-25"));
        d.ties[3].valid_from = Some(date("2019-10-25"));
        d.ties[4].valid_from = Some(date("2019-10-25"));
        d
    }

    /// Each event of the unit's history as "date name: the other ends".
    fn told(description: Description, unit: &str) -> Vec<String> {
        let graph = build(description);
        let ix = graph.find_id(unit).unwrap();
        let others = |views: &[TieView<'_>]| -> Vec<&str> {
            views.iter().map(|view| id(&graph, view.other)).collect()
        };
        history(&graph, ix)
            .events
            .iter()
            .map(|event| {
                let date = event
                    .date
                    .map_or_else(|| "undated".to_owned(), |d| d.to_string());
                let detail = match &event.change {
                    Change::Created { parents, heads } => {
                        format!("{:?} {:?}", others(parents), others(heads))
                    }
                    Change::Moved { from, to } | Change::HeadChanged { from, to } => {
                        format!("{:?} -> {:?}", others(from), others(to))
                    }
                    Change::Succeeded(ties) | Change::SucceededBy(ties) => {
                        format!("{:?}", others(ties))
                    }
                    Change::Renamed { before, after } => format!("{before} -> {after}"),
                    Change::AcronymChanged { before, after } => {
                        format!("{before:?} -> {after:?}")
                    }
                    Change::RemitChanged { before, after } => format!("{before} -> {after:?}"),
                    Change::KindChanged { before, after } => format!("{before} -> {after}"),
                    Change::HeadcountChanged { before, after } => {
                        format!("{} -> {:?}", before.count, after.map(|h| h.count))
                    }
                    Change::Dissolved => String::new(),
                };
                format!("{date} {}: {detail}", event.change.name())
                    .trim_end_matches(": ")
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn a_unit_created_in_the_place_of_another() {
        assert_eq!(
            told(dinum(), "dinum"),
            [
                r#"2019-10-25 created: ["pm"] ["dinum-head"]"#,
                r#"2019-10-25 succeeded: ["dinsic"]"#,
            ]
        );
        assert_eq!(
            told(dinum(), "dinsic"),
            [
                "2019-10-25 dissolved",
                r#"2019-10-25 succeeded-by: ["dinum"]"#,
            ]
        );
    }

    #[test]
    fn an_attachment_that_ends_on_the_day_another_begins_is_one_move() {
        assert_eq!(
            told(dinum(), "bureau"),
            [r#"2019-10-25 moved: ["dinsic"] -> ["dinum"]"#]
        );
        // Written `until 2020` and `from 2020-01-01`: one day, shown with its precise date.
        let mut d = dinum();
        d.ties[2].valid_until = Some(date("2020"));
        d.ties[3].valid_from = Some(date("2020-01-01"));
        assert_eq!(
            told(d, "bureau"),
            [r#"2020-01-01 moved: ["dinsic"] -> ["dinum"]"#]
        );
    }

    #[test]
    fn attachments_detachments_and_joint_attachments() {
        let mut d = description(
            &[
                ("a", Ministry),
                ("b", Ministry),
                ("c", Ministry),
                ("joint", Directorate),
            ],
            &[
                ("joint", Attachment, "a"),
                ("joint", JointAttachment, "b"),
                ("joint", JointAttachment, "c"),
            ],
        );
        d.ties[0].valid_until = Some(date("2015"));
        d.ties[1].valid_from = Some(date("2015"));
        d.ties[2].valid_from = Some(date("2015"));
        d.ties[2].valid_until = Some(date("2018-06"));
        assert_eq!(
            told(d.clone(), "joint"),
            [
                r#"2015 moved: ["a"] -> ["b", "c"]"#,
                r#"2018-06 detached: ["c"] -> []"#,
            ]
        );
        d.ties[0].valid_until = None;
        assert_eq!(
            told(d, "joint"),
            [
                r#"2015 attached: [] -> ["b", "c"]"#,
                r#"2018-06 detached: ["c"] -> []"#,
            ]
        );
    }

    #[test]
    fn ties_at_the_ends_of_a_life_are_its_creation_and_its_end() {
        let mut d = dinum();
        // The bureau is created under the DINSIC, and ends with the DINUM.
        d.units["bureau"].valid_from = Some(date("2015"));
        d.ties[2].valid_from = Some(date("2015"));
        d.units["bureau"].valid_until = Some(date("2022"));
        d.ties[3].valid_until = Some(date("2022"));
        assert_eq!(
            told(d.clone(), "bureau"),
            [
                r#"2015 created: ["dinsic"] []"#,
                r#"2019-10-25 moved: ["dinsic"] -> ["dinum"]"#,
                "2022 dissolved",
            ]
        );
        // A tie that outlasts the unit ends with it too.
        d.ties[3].valid_until = Some(date("2030"));
        assert_eq!(told(d, "bureau").len(), 3);
    }

    #[test]
    fn a_change_of_head_is_one_event() {
        let mut d = description(
            &[("unit", Directorate), ("old", Post), ("new", Post)],
            &[("old", Head, "unit"), ("new", Head, "unit")],
        );
        d.ties[0].valid_until = Some(date("2021-09"));
        d.ties[1].valid_from = Some(date("2021-09"));
        assert_eq!(
            told(d.clone(), "unit"),
            [r#"2021-09 head-changed: ["old"] -> ["new"]"#]
        );
        // For the posts, heading the unit is where they sit.
        assert_eq!(told(d, "new"), [r#"2021-09 attached: [] -> ["unit"]"#]);
    }

    fn was(until: &str) -> Was {
        Was {
            until: date(until),
            name: None,
            acronym: None,
            kind: None,
            remit: None,
            headcount: None,
            source: None,
        }
    }

    #[test]
    fn renamings_and_changes_of_kind_come_from_what_the_unit_was() {
        let mut d = description(&[("dinum", InterministerialDirectorate)], &[]);
        let unit = &mut d.units["dinum"];
        unit.name = "C".into();
        unit.acronym = Some("DINUM".into());
        unit.was = vec![
            Was {
                name: Some("A".into()),
                // It had no acronym then.
                acronym: Some(None),
                kind: Some(Spanned::new(Span::default(), Directorate)),
                remit: Some("Old remit".into()),
                ..was("2011")
            },
            Was {
                name: Some("B".into()),
                acronym: Some(Some("DINSIC".into())),
                ..was("2019-10-25")
            },
            // Says nothing new: no event.
            Was {
                name: Some("C".into()),
                ..was("2020")
            },
        ];
        assert_eq!(
            told(d, "dinum"),
            [
                "2011 renamed: A -> B",
                r#"2011 acronym-changed: None -> Some("DINSIC")"#,
                "2011 kind-changed: directorate -> interministerial-directorate",
                "2011 remit-changed: Old remit -> None",
                "2019-10-25 renamed: B -> C",
                r#"2019-10-25 acronym-changed: Some("DINSIC") -> Some("DINUM")"#,
            ]
        );
    }

    #[test]
    fn several_successors_are_a_split_and_several_predecessors_a_merger() {
        let mut d = description(
            &[
                ("old", Directorate),
                ("left", Directorate),
                ("right", Directorate),
                ("other", Directorate),
                ("merged", Directorate),
            ],
            &[
                ("left", Succession, "old"),
                ("right", Succession, "old"),
                ("merged", Succession, "right"),
                ("merged", Succession, "other"),
            ],
        );
        d.units["old"].valid_until = Some(date("2020"));
        d.ties[2].valid_from = Some(date("2024"));
        d.ties[3].valid_from = Some(date("2024"));
        assert_eq!(
            told(d.clone(), "old"),
            ["2020 dissolved", r#"2020 split: ["left", "right"]"#]
        );
        assert_eq!(
            told(d.clone(), "merged"),
            [r#"2024 merged: ["right", "other"]"#]
        );
        assert_eq!(
            told(d, "right"),
            [
                r#"2020 succeeded: ["old"]"#,
                r#"2024 succeeded-by: ["merged"]"#
            ]
        );
    }

    #[test]
    fn undated_events_come_last() {
        let mut d = description(
            &[
                ("committee", Committee),
                ("after", Committee),
                ("top", Ministry),
            ],
            &[
                ("after", Succession, "committee"),
                ("committee", Attachment, "top"),
            ],
        );
        d.units["committee"].status = Status::Dissolved;
        d.ties[1].valid_from = Some(date("2010"));
        assert_eq!(
            told(d.clone(), "committee"),
            [
                r#"2010 attached: [] -> ["top"]"#,
                "undated dissolved",
                r#"undated succeeded-by: ["after"]"#,
            ]
        );
        d.units["committee"].status = Status::Active;
        d.ties[1].valid_from = None;
        assert_eq!(told(d, "committee"), [r#"undated succeeded-by: ["after"]"#]);
    }

    #[test]
    fn each_event_cites_the_fact_that_says_it() {
        let mut d = dinum();
        let cite = |source: &str| crate::model::Citation {
            source: Spanned::new(
                Span::default(),
                crate::model::SourceId::new(source).unwrap(),
            ),
            quote: None,
            locator: None,
        };
        d.units["dinum"].source = Some(cite("seed"));
        d.ties[3].source = Some(cite("new-tie"));
        d.ties[4].source = Some(cite("decree"));
        // The sources are not declared: the graph says so, and keeps the citations.
        let graph = OrgGraph::build(d, &mut Vec::new());
        let sources = |unit: &str| -> Vec<Option<String>> {
            history(&graph, graph.find_id(unit).unwrap())
                .events
                .iter()
                .map(|e| e.source.map(|c| c.source.value.to_string()))
                .collect()
        };
        assert_eq!(
            sources("dinum"),
            [Some("seed".to_owned()), Some("decree".to_owned())]
        );
        assert_eq!(sources("bureau"), [Some("new-tie".to_owned())]);
        assert_eq!(sources("dinsic"), [None, Some("decree".to_owned())]);
    }
}
