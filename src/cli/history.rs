//! `organigram history UNIT`: a unit's life, one event a line, from the whole timeline of the
//! description.

use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use super::diff::{none, placed, quoted};
use super::print::{Format, TieJson, UnitRef, citation_text, reads, unit_label, write_json};
use super::show::headcount_text;
use super::{Failure, lang, resolve};
use organigram::graph::{OrgGraph, TieView};
use organigram::model::Citation;
use organigram::query::{Change, Event, History, history};
use organigram::{Workspace, tr};

/// `organigram history UNIT [--format json]`.
pub(crate) type Args = super::print::UnitArgs;

/// Tells the life of the unit `args` names, found among the units of every date: `workspace`
/// holds the whole timeline ([`organigram::Loader::whole_timeline`]).
pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let ix = resolve(workspace, &args.unit)?;
    let graph = workspace.graph();
    let history = history(graph, ix);
    match args.format {
        Format::Json => write_json(out, &HistoryJson::new(graph, &history))?,
        Format::Text => write_text(out, graph, &history)?,
    }
    Ok(())
}

/// The unit's label, then one line an event: its date, what happened, and its source.
fn write_text(out: &mut dyn Write, graph: &OrgGraph, history: &History<'_>) -> std::io::Result<()> {
    let lang = lang();
    writeln!(out, "{}", unit_label(graph.unit(history.unit)))?;
    if history.events.is_empty() {
        writeln!(out, "  {}", tr!(lang, "history-no-event"))?;
        return Ok(());
    }
    let dates: Vec<String> = history
        .events
        .iter()
        .map(|event| {
            event
                .date
                .map_or_else(|| tr!(lang, "history-undated"), |date| date.to_string())
        })
        .collect();
    let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    for (event, date) in history.events.iter().zip(&dates) {
        let what = what_text(graph, event);
        match event.source {
            Some(source) => writeln!(out, "  {date:<width$}  {what}  {}", citation_text(source))?,
            None => writeln!(out, "  {date:<width$}  {what}")?,
        }
    }
    Ok(())
}

/// Ties seen from the unit, as text: "is attached to `pm`, is headed by `dinum-head`".
fn ties_text(graph: &OrgGraph, views: &[TieView<'_>]) -> String {
    placed(views.iter().map(|view| {
        (
            reads(view.tie, view.outgoing),
            graph.unit(view.other).id.as_str(),
        )
    }))
}

/// The units at the other ends of ties, as text: "`east`, `west`".
fn units_text(graph: &OrgGraph, views: &[TieView<'_>]) -> String {
    let ids: Vec<String> = views
        .iter()
        .map(|view| format!("`{}`", graph.unit(view.other).id.value))
        .collect();
    ids.join(", ")
}

/// What happened, in the language of text output.
fn what_text(graph: &OrgGraph, event: &Event<'_>) -> String {
    let lang = lang();
    let or_none = |text: Option<&str>| text.map_or_else(none, quoted);
    let name = event.change.name();
    match &event.change {
        Change::Created { parents, heads } if parents.is_empty() && heads.is_empty() => {
            tr!(lang, "history-created")
        }
        Change::Created { parents, heads } => {
            let ties: Vec<TieView<'_>> = parents.iter().chain(heads).copied().collect();
            tr!(lang, "history-created-with", ties = ties_text(graph, &ties))
        }
        Change::Succeeded(ties) => tr!(
            lang,
            "history-succeeded",
            count = ties.len(),
            units = units_text(graph, ties)
        ),
        Change::SucceededBy(ties) => tr!(
            lang,
            "history-succeeded-by",
            count = ties.len(),
            units = units_text(graph, ties)
        ),
        Change::Renamed { before, after } => tr!(
            lang,
            "history-renamed",
            before = quoted(before),
            after = quoted(after)
        ),
        Change::AcronymChanged { before, after } => tr!(
            lang,
            "history-acronym-changed",
            before = or_none(*before),
            after = or_none(*after)
        ),
        Change::KindChanged { before, after } => tr!(
            lang,
            "history-kind-changed",
            before = before.label_in(lang),
            after = after.label_in(lang)
        ),
        Change::RemitChanged { before, after } => tr!(
            lang,
            "history-remit-changed",
            before = quoted(before),
            after = or_none(*after)
        ),
        Change::HeadcountChanged { before, after } => tr!(
            lang,
            "history-headcount-changed",
            before = headcount_text(before),
            after = after.map_or_else(none, headcount_text)
        ),
        Change::Moved { from, to } => tr!(
            lang,
            "history-moved",
            event = name,
            before = ties_text(graph, from),
            after = ties_text(graph, to)
        ),
        Change::HeadChanged { from, to } => tr!(
            lang,
            "history-head-changed",
            event = name,
            before = ties_text(graph, from),
            after = ties_text(graph, to)
        ),
        Change::Dissolved => tr!(lang, "history-dissolved"),
    }
}

/// A history in JSON; the shape is documented in `docs/diff-and-history.md`.
#[derive(Serialize)]
struct HistoryJson<'g> {
    unit: UnitRef<'g>,
    events: Vec<EventJson<'g>>,
}

/// One event in JSON: its date (`null` when not known), its name, what it says, and its source.
#[derive(Serialize)]
struct EventJson<'g> {
    date: Option<String>,
    event: &'static str,
    #[serde(flatten)]
    what: Option<WhatJson<'g>>,
    source: Option<&'g Citation>,
}

/// What an event says beyond its name, by its kind.
#[derive(Serialize)]
#[serde(untagged)]
enum WhatJson<'g> {
    /// A creation: the ties out and the heads of the first day.
    Created {
        parents: Vec<TieJson<'g>>,
        heads: Vec<TieJson<'g>>,
    },
    /// A value that changed, as description files write it.
    Value { before: Value, after: Value },
    /// Ties that ended and ties that began.
    Ties {
        from: Vec<TieJson<'g>>,
        to: Vec<TieJson<'g>>,
    },
    /// The succession ties to the units it succeeded.
    Predecessors { predecessors: Vec<TieJson<'g>> },
    /// The succession ties from the units that succeeded it.
    Successors { successors: Vec<TieJson<'g>> },
}

/// A value as JSON, `null` when it cannot be written (it always can).
fn json(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

impl<'g> HistoryJson<'g> {
    fn new(graph: &'g OrgGraph, history: &History<'g>) -> HistoryJson<'g> {
        let ties = |views: &[TieView<'g>]| -> Vec<TieJson<'g>> {
            views.iter().map(|view| TieJson::new(graph, view)).collect()
        };
        let value = |before: Value, after: Value| Some(WhatJson::Value { before, after });
        let events = history
            .events
            .iter()
            .map(|event| EventJson {
                date: event.date.map(|d| d.to_string()),
                event: event.change.name(),
                what: match &event.change {
                    Change::Created { parents, heads } => Some(WhatJson::Created {
                        parents: ties(parents),
                        heads: ties(heads),
                    }),
                    Change::Succeeded(views) => Some(WhatJson::Predecessors {
                        predecessors: ties(views),
                    }),
                    Change::SucceededBy(views) => Some(WhatJson::Successors {
                        successors: ties(views),
                    }),
                    Change::Renamed { before, after } => value(json(before), json(after)),
                    Change::AcronymChanged { before, after } => value(json(before), json(after)),
                    Change::RemitChanged { before, after } => value(json(before), json(after)),
                    Change::KindChanged { before, after } => value(json(before), json(after)),
                    Change::HeadcountChanged { before, after } => value(json(before), json(after)),
                    Change::Moved { from, to } | Change::HeadChanged { from, to } => {
                        Some(WhatJson::Ties {
                            from: ties(from),
                            to: ties(to),
                        })
                    }
                    Change::Dissolved => None,
                },
                source: event.source,
            })
            .collect();
        HistoryJson {
            unit: UnitRef::new(graph.unit(history.unit)),
            events,
        }
    }
}
