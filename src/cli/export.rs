//! `organigram export --format json|graphml|jsonld|turtle|csv [-o FILE] [--all-dates]`: the
//! whole graph for the tools people use next, or its hierarchy as the table `import csv` reads
//! back; the structure of one day (`--as-of`, today by default), or with `--all-dates` every unit
//! and tie of every date.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::write::{self, Destination};
use super::{Failure, lang};
use organigram::i18n::Arg;
use organigram::interop::rdf::{self, Base};
use organigram::interop::{csv_export, graphml, jsonld, node_link, turtle};
use organigram::{Workspace, tr};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// What to write. Default: from the extension of -o's file, otherwise json.
    #[arg(long, value_enum)]
    format: Option<ExportFormat>,

    /// Write to this file (replaced whole, atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// The base of the IRIs of units, ties, sources and organisations (JSON-LD and Turtle): an
    /// absolute IRI ending with `/`, `#` or `:`.
    #[arg(long, value_name = "IRI", default_value = rdf::DEFAULT_BASE, value_parser = parse_base)]
    base: Base,

    /// Export every unit and tie of every date, each with its dates, rather than the structure
    /// in force on the day of --as-of (today by default), which holds nothing that has ended:
    /// the history, for the linked data's change events (successions, mergers, splits) and the
    /// CSV's rows per period. Not with --as-of.
    #[arg(long)]
    all_dates: bool,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

impl Args {
    /// Whether the export is of every date.
    pub(crate) const fn all_dates(&self) -> bool {
        self.all_dates
    }
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// Node-link JSON, as networkx's `node_link_graph` reads it.
    #[default]
    Json,
    /// GraphML with typed attributes, for networkx, Gephi, yEd or Cytoscape.
    Graphml,
    /// JSON-LD in the W3C Organization Ontology.
    Jsonld,
    /// Turtle in the W3C Organization Ontology.
    Turtle,
    /// The hierarchy as CSV, in the columns `import csv` finds with no option: one row per unit
    /// under its main parent (its attachment, else its line authority) with the kind of that
    /// tie, then one row per other hierarchical tie (id, parent, tie and dates only). With
    /// --all-dates, one row per period of a unit with one parent and one name. Ties that are not
    /// hierarchical and facts no column holds are left out, and counted on standard error. A
    /// cell that a spreadsheet would run as a formula (`=SUM(1)`) is written with a `'` in front.
    Csv,
}

impl write::Format for ExportFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Json => &["json"],
            ExportFormat::Graphml => &["graphml"],
            ExportFormat::Jsonld => &["jsonld"],
            ExportFormat::Turtle => &["ttl"],
            ExportFormat::Csv => &["csv"],
        }
    }
}

/// Says on standard error what a CSV export left out: the ties by kind, then the facts of units
/// and ties no column holds.
fn tell_left_out(left_out: &csv_export::LeftOut) {
    let lang = lang();
    if !left_out.ties.is_empty() {
        let ties: Vec<String> = left_out
            .ties
            .iter()
            .map(|&(kind, n)| {
                tr!(
                    lang,
                    "import-kind-count",
                    n = n,
                    kind = Arg::word(move |lang| kind.name_in(lang))
                )
            })
            .collect();
        let total: usize = left_out.ties.iter().map(|(_, n)| n).sum();
        errln!(
            "{}",
            tr!(
                lang,
                "export-csv-ties-left-out",
                n = total,
                ties = ties.join(", ")
            )
        );
    }
    if !left_out.facts.is_empty() {
        let facts: Vec<String> = left_out
            .facts
            .iter()
            .map(|(fact, n)| format!("{fact} ({n})"))
            .collect();
        errln!(
            "{}",
            tr!(lang, "export-csv-facts-left-out", facts = facts.join(", "))
        );
    }
}

fn parse_base(text: &str) -> Result<Base, rdf::BaseError> {
    Base::new(text)
}

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let format = write::format_of(args.format, args.output.as_deref(), ExportFormat::Json)
        .map_err(Failure::Usage)?;
    let mut bytes = Vec::new();
    match format {
        ExportFormat::Json => node_link::write(graph, &mut bytes)?,
        ExportFormat::Graphml => graphml::write(graph, &mut bytes)?,
        ExportFormat::Jsonld => jsonld::write(&rdf::dataset(graph, &args.base), &mut bytes)?,
        ExportFormat::Turtle => turtle::write(&rdf::dataset(graph, &args.base), &mut bytes)?,
        ExportFormat::Csv => {
            csv_export::write(graph, workspace.absent.day(), &mut bytes)?;
            tell_left_out(&csv_export::left_out(graph));
        }
    }
    let read = write::Read::of(Some(&workspace.files), &[]);
    args.output
        .as_deref()
        .map_or(Destination::Stdout, Destination::of)
        .write(out, &bytes, &read)
        .map_err(Failure::Usage)
}
