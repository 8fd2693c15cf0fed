//! Shared pieces of text and JSON output: how a unit, a tie and a citation are printed.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

use crate::graph::{OrgGraph, TieView, UnitIx};
use crate::model::{Citation, Tie, Unit};

/// The output format of commands that print data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people.
    #[default]
    Text,
    /// JSON for programs; shapes are documented in the README and stable.
    Json,
}

/// The arguments of a command about one unit and nothing else (`show`, `chain`).
#[derive(Debug, clap::Args)]
pub struct UnitArgs {
    /// The unit: an id, an acronym, a name or an alias.
    pub unit: String,

    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Writes a value as pretty JSON and a newline.
pub fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// "Name (ACRONYM) [id]", with "(vacant)" for vacant posts.
pub fn unit_label(unit: &Unit) -> String {
    let mut label = unit.name.clone();
    if let Some(acronym) = &unit.acronym {
        label.push_str(&format!(" ({acronym})"));
    }
    label.push_str(&format!(" [{}]", unit.id.value));
    if unit.is_vacant() {
        label.push_str(" (vacant)");
    }
    label
}

/// A unit on one line with its kind and organisation, for lists of candidates.
pub fn unit_line(graph: &OrgGraph, ix: UnitIx) -> String {
    let unit = graph.unit(ix);
    format!(
        "{} — {}, {}",
        unit_label(unit),
        unit.kind.label(),
        graph.organisation_of(ix).name
    )
}

/// `[source-id] "quote" (locator)` for text output.
pub fn citation_text(citation: &Citation) -> String {
    let mut text = format!("[{}]", citation.source.value);
    if let Some(quote) = &citation.quote {
        text.push_str(&format!(" \u{201c}{quote}\u{201d}"));
    }
    if let Some(locator) = &citation.locator {
        text.push_str(&format!(" ({locator})"));
    }
    text
}

/// The fields every unit carries in JSON output.
#[derive(Debug, Serialize)]
pub struct UnitRef<'g> {
    pub id: &'g str,
    pub name: &'g str,
    pub acronym: Option<&'g str>,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub vacant: bool,
}

impl<'g> UnitRef<'g> {
    pub fn new(unit: &'g Unit) -> UnitRef<'g> {
        UnitRef {
            id: unit.id.as_str(),
            name: &unit.name,
            acronym: unit.acronym.as_deref(),
            kind: unit.kind.as_str(),
            vacant: unit.is_vacant(),
        }
    }
}

/// A tie seen from one of its ends, in JSON output.
#[derive(Debug, Serialize)]
pub struct TieJson<'g> {
    pub kind: &'static str,
    /// `out` when the unit shown is the tie's `from`, `in` when it is its `to`.
    pub direction: &'static str,
    /// How the tie reads from the unit shown: "is attached to", "has attached".
    pub reads: &'static str,
    pub unit: UnitRef<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'g str>,
    pub source: Option<&'g Citation>,
}

/// How a tie reads from the end it is seen from.
pub fn reads(tie: &Tie, outgoing: bool) -> &'static str {
    if outgoing || tie.kind.is_symmetric() {
        tie.kind.verb()
    } else {
        tie.kind.inverse_verb()
    }
}

impl<'g> TieJson<'g> {
    pub fn new(graph: &'g OrgGraph, view: &TieView<'g>) -> TieJson<'g> {
        let tie = view.tie;
        TieJson {
            kind: tie.kind.as_str(),
            direction: if view.outgoing { "out" } else { "in" },
            reads: reads(tie, view.outgoing),
            unit: UnitRef::new(graph.unit(view.other)),
            valid_from: tie.valid_from.map(|d| d.to_string()),
            valid_until: tie.valid_until.map(|d| d.to_string()),
            note: tie.note.as_deref(),
            source: tie.source.as_ref(),
        }
    }
}

/// Unit kinds as command-line values, named as in descriptions (`--kind sub-directorate`).
impl ValueEnum for crate::model::UnitKind {
    fn value_variants<'a>() -> &'a [Self] {
        crate::model::UnitKind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.as_str()).help(self.description()))
    }
}

/// Tie kinds as command-line values, named as in descriptions (`--via cooperation`).
impl ValueEnum for crate::model::TieKind {
    fn value_variants<'a>() -> &'a [Self] {
        crate::model::TieKind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.as_str()).help(self.description()))
    }
}

/// A tie's kind in words for text output: "line authority".
pub fn kind_words(kind: crate::model::TieKind) -> String {
    kind.as_str().replace('-', " ")
}

/// The lines under a tie in text output: its dates, note and source.
pub fn tie_details(tie: &Tie) -> Vec<String> {
    let mut details = Vec::new();
    if let Some(from) = tie.valid_from {
        details.push(format!("from {from}"));
    }
    if let Some(until) = tie.valid_until {
        details.push(format!("until {until}"));
    }
    if let Some(note) = &tie.note {
        details.push(note.clone());
    }
    if let Some(source) = &tie.source {
        details.push(citation_text(source));
    }
    details
}
