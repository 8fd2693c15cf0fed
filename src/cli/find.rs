//! `organigram find TEXT`: ranked matches.

use std::io::Write;

use serde::Serialize;

use super::Failure;
use super::print::{Format, UnitRef, unit_label, unit_line, write_json};
use super::term::count;
use organigram::query::{AbsentMatch, Field};
use organigram::time::Gone;
use organigram::{Workspace, tr};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What to look for: an id, an acronym, a name or an alias, or part of one. Case, accents and
    /// punctuation do not matter.
    text: String,

    /// At most this many matches (1 to 100000).
    #[arg(long, default_value_t = 20, value_parser = count(1, 100_000))]
    limit: usize,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
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

/// Prints the units of the day's structure that match, best first, then those out of it (ended or
/// not begun) that match other than by a typo, each with why it is out.
pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let matches = organigram::query::find(graph, &args.text);
    let shown = &matches[..matches.len().min(args.limit)];
    let absent = organigram::query::find_absent(&workspace.absent, &args.text);
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
                    let how = tr!(
                        lang,
                        "find-matched",
                        field = m.field.as_str(),
                        text = m.field.text(graph.unit(m.unit))
                    );
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
                    let how = tr!(
                        lang,
                        "find-matched",
                        field = m.field.as_str(),
                        text = m.field.text(m.unit)
                    );
                    writeln!(out, "     {how}")?;
                }
            }
        }
    }
    Ok(())
}
