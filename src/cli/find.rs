//! `organigram find TEXT`: ranked matches.

use std::io::Write;

use serde::Serialize;

use super::Failure;
use super::print::{Format, UnitRef, unit_line, write_json};
use super::term::count;
use organigram::query::Field;
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
}

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let matches = organigram::query::find(graph, &args.text);
    let shown = &matches[..matches.len().min(args.limit)];
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
                    }
                })
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
        }
    }
    Ok(())
}
