//! `organigram find TEXT`: ranked matches, by name first, then by what units do, of the kinds and
//! organisation asked for.

use std::io::Write;

use serde::Serialize;

use super::Failure;
use super::print::{Format, UnitRef, unit_label, unit_line, write_json};
use super::term::{UnitKinds, count};
use organigram::graph::{Belonging, OrgGraph, UnitIx};
use organigram::model::{Lang, OrganisationIndex, Unit, UnitKind};
use organigram::query::{AbsentMatch, Field};
use organigram::time::Gone;
use organigram::{Workspace, tr};

#[derive(Debug, clap::Args)]
#[command(mut_arg("unit_kinds", |a| a.visible_alias("kind").help(
    "Only units of these kinds (repeat, or separate with commas)."
)))]
pub(crate) struct Args {
    /// What to look for: an id, an acronym, a name or an alias, or part of one; or words of what
    /// a unit does, found in its remit, roles or note ("who deals with data protection?"). Case,
    /// accents and punctuation do not matter.
    text: String,

    #[command(flatten)]
    kinds: UnitKinds,

    /// Only the units of this organisation: its id, name or acronym.
    #[arg(long, value_name = "ORG")]
    organisation: Option<String>,

    /// At most this many matches (1 to 100000).
    #[arg(long, default_value_t = 20, value_parser = count(1, 100_000))]
    limit: usize,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

#[derive(Serialize)]
struct FoundJson<'g> {
    #[serde(flatten)]
    unit: UnitRef<'g>,
    organisation: Option<&'g str>,
    matched: &'static str,
    text: &'g str,
    score: u8,
    /// Whether the unit is in the structure of the day asked about; when not, why.
    in_force: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    absent: Option<AbsentJson>,
}

/// Why a unit found is not in the structure of the day: `ended`, `ended-undated` or
/// `not-yet`, and the date.
#[derive(Serialize)]
struct AbsentJson {
    why: &'static str,
    date: Option<String>,
}

impl AbsentJson {
    fn new(gone: Gone) -> AbsentJson {
        let (why, date) = match gone {
            Gone::Ended(date) => ("ended", Some(date)),
            Gone::EndedUndated => ("ended-undated", None),
            Gone::NotYet(date) => ("not-yet", Some(date)),
        };
        AbsentJson {
            why,
            date: date.map(|d| d.to_string()),
        }
    }
}

/// The units a search keeps: of the kinds chosen (every kind when none is), and of the organisation
/// chosen, if one is.
struct Filter {
    kinds: Option<Vec<UnitKind>>,
    organisation: Option<OrganisationIndex>,
}

impl Filter {
    /// Whether `unit` is of a kind kept, with `organisation` (the one it belongs to, if known)
    /// the one kept.
    fn keeps(&self, unit: &Unit, organisation: Option<OrganisationIndex>) -> bool {
        self.kinds.as_ref().is_none_or(|k| k.contains(&unit.kind))
            && self.organisation.is_none_or(|o| organisation == Some(o))
    }

    /// Whether the unit at `ix` of the day's structure is kept: its organisation is the one its
    /// line leads to ([`OrgGraph::belonging`]).
    fn keeps_in(&self, graph: &OrgGraph, ix: UnitIx) -> bool {
        let organisation = match graph.belonging(ix) {
            Belonging::Described(index) => Some(index),
            Belonging::Named(_) | Belonging::Outside => None,
        };
        self.keeps(graph.unit(ix), organisation)
    }
}

/// Prints the units of the day's structure that match, best first, then those out of it (ended or
/// not begun) that match other than by a typo, each with why it is out. A unit out of the
/// structure has no line, so `--organisation` keeps it by the file that declares it.
pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let filter = Filter {
        kinds: args.kinds.chosen(),
        organisation: match &args.organisation {
            Some(text) => Some(super::organisation_in(graph, text)?),
            None => None,
        },
    };
    let mut matches = organigram::query::find(graph, &args.text);
    matches.retain(|m| filter.keeps_in(graph, m.unit));
    let shown = &matches[..matches.len().min(args.limit)];
    let mut absent = organigram::query::find_absent(&workspace.absent, &args.text);
    absent.retain(|m| filter.keeps(m.unit, Some(m.unit.organisation)));
    let absent = &absent[..absent.len().min(args.limit - shown.len())];
    let gone = |m: &AbsentMatch<'_>| {
        workspace
            .absent
            .unit(m.unit.id.as_str())
            .map_or(Gone::EndedUndated, |(_, gone)| gone)
    };
    match args.format {
        Format::Json => {
            let found: Vec<FoundJson<'_>> = shown
                .iter()
                .map(|m| {
                    let unit = graph.unit(m.unit);
                    FoundJson {
                        unit: UnitRef::new(unit),
                        organisation: graph.organisation_name(m.unit).map(|o| o.id),
                        matched: m.field.as_str(),
                        text: m.field.text(unit),
                        score: m.score(),
                        in_force: true,
                        absent: None,
                    }
                })
                .chain(absent.iter().map(|m| FoundJson {
                    unit: UnitRef::new(m.unit),
                    organisation: None,
                    matched: m.field.as_str(),
                    text: m.field.text(m.unit),
                    score: m.score,
                    in_force: false,
                    absent: Some(AbsentJson::new(gone(m))),
                }))
                .collect();
            write_json(out, &found)?;
        }
        Format::Text => {
            let lang = super::lang();
            if shown.is_empty() {
                writeln!(out, "{}", tr!(lang, "lookup-unknown", text = &args.text))?;
            }
            for m in shown {
                writeln!(out, "{:>3}  {}", m.score(), unit_line(graph, m.unit))?;
                if !matches!(m.field, Field::Name | Field::Id) {
                    let how = matched(lang, m.field, graph.unit(m.unit), &args.text);
                    writeln!(out, "     {how}")?;
                }
            }
            if matches.len() > shown.len() {
                let more = matches.len() - shown.len();
                writeln!(out, "{}", tr!(lang, "find-more", n = more))?;
            }
            if !absent.is_empty() {
                let day = workspace.absent.day().map(|d| d.to_string());
                let heading = tr!(lang, "find-absent", day = day.unwrap_or_default());
                writeln!(out, "\n{heading}")?;
            }
            for m in absent {
                let AbsentJson { why, date } = AbsentJson::new(gone(m));
                let why = tr!(
                    lang,
                    "find-absent-why",
                    why = why,
                    date = date.unwrap_or_default()
                );
                writeln!(out, "{:>3}  {} — {why}", m.score, unit_label(m.unit))?;
                if !matches!(m.field, Field::Name | Field::Id) {
                    let how = matched(lang, m.field, m.unit, &args.text);
                    writeln!(out, "     {how}")?;
                }
            }
        }
    }
    Ok(())
}

/// The line saying which field of `unit` matched the searched `text`: the whole field for a
/// name, a short excerpt around the words found for a remit, role or note.
fn matched(lang: Lang, field: Field, unit: &Unit, text: &str) -> String {
    let value = field.text(unit);
    let shown = if field.is_free_text() {
        organigram::query::excerpt(value, text)
    } else {
        value.to_owned()
    };
    tr!(lang, "find-matched", field = field.as_str(), text = shown)
}
