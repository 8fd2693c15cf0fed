//! `organigram render`: a chart as DOT, SVG, PNG, PDF or Mermaid, on standard output or in a file;
//! `render --all -o DIR` writes the standard charts of the description.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::term::{Terms, TieKinds, UnitKinds};
use super::{Failure, resolve_in};
use organigram::Workspace;
use organigram::graph::OrgGraph;
use organigram::render::{
    self, Changes, Chart, ChartOptions, Focus, ImageFormat, Layout, View, chart, standard_charts,
};

/// What a chart is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ChartFormat {
    /// Graphviz's DOT language: the chart itself, for `dot` or any Graphviz tool.
    Dot,
    /// SVG, laid out by Graphviz (or, without it, by organigram's simpler built-in layout).
    Svg,
    /// PNG, laid out by Graphviz.
    Png,
    /// PDF, laid out by Graphviz.
    Pdf,
    /// A Mermaid flowchart, for pages that render Mermaid.
    Mermaid,
}

impl ChartFormat {
    /// The format a file name asks for by its extension, if it names one.
    fn from_extension(path: &Path) -> Option<ChartFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "dot" | "gv" => Some(ChartFormat::Dot),
            "svg" => Some(ChartFormat::Svg),
            "png" => Some(ChartFormat::Png),
            "pdf" => Some(ChartFormat::Pdf),
            "mmd" | "mermaid" => Some(ChartFormat::Mermaid),
            _ => None,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(mut_arg("tie_kinds", |a| a.help(
    "Only ties of these kinds, among the view's (repeat, or separate with commas)."
)))]
pub(crate) struct Args {
    /// What the chart shows.
    #[arg(long, value_parser = Terms::<View>::new(), default_value_t)]
    view: View,

    /// Only this unit and the units under it (with, in views of other ties, their partners).
    #[arg(long, value_name = "UNIT")]
    root: Option<String>,

    /// Only the units around this one, within --radius of the view's ties.
    #[arg(long, value_name = "UNIT")]
    focus: Option<String>,

    /// With --focus: how many ties away from it.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "focus")]
    radius: usize,

    /// Only the units of this organisation: its id, name or acronym.
    #[arg(long, value_name = "ORG")]
    organisation: Option<String>,

    #[command(flatten)]
    unit_kinds: UnitKinds,

    #[command(flatten)]
    tie_kinds: TieKinds,

    /// Leave out the legend.
    #[arg(long)]
    no_legend: bool,

    /// The output format. Default: from the extension of -o's file, otherwise dot.
    #[arg(long, value_enum)]
    format: Option<ChartFormat>,

    /// Write to this file (with --all, into this folder) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Write the standard charts into the folder given by -o, as DOT and SVG: an org chart per
    /// organisation, the cooperation map and the whole landscape.
    #[arg(
        long,
        requires = "output",
        conflicts_with_all = ["view", "root", "focus", "organisation", "unit_kinds", "tie_kinds", "no_legend", "format"]
    )]
    all: bool,
}

/// Draws the structure; with a proposal, as proposed, with what it removes put back as ghosts
/// and every change marked.
pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let proposed = workspace
        .proposal
        .as_ref()
        .map(|p| render::proposed(&p.before.graph, workspace.graph()));
    let (graph, changes) = match &proposed {
        Some((graph, changes)) => (graph, changes.clone()),
        None => (workspace.graph(), Changes::default()),
    };
    if args.all {
        let Some(dir) = &args.output else {
            return Err(Failure::Usage("--all needs -o DIR".to_owned()));
        };
        return write_all(graph, &changes, dir, out);
    }
    let options = ChartOptions {
        view: args.view,
        root: args
            .root
            .as_deref()
            .map(|u| resolve_in(graph, u))
            .transpose()?,
        focus: match &args.focus {
            Some(unit) => Some(Focus {
                unit: resolve_in(graph, unit)?,
                radius: args.radius,
            }),
            None => None,
        },
        organisation: match &args.organisation {
            Some(text) => Some(
                organigram::query::organisation(graph, text)
                    .ok_or_else(|| unknown_organisation(graph, text))?,
            ),
            None => None,
        },
        unit_kinds: args.unit_kinds.chosen(),
        tie_kinds: args.tie_kinds.chosen(),
        legend: !args.no_legend,
    };
    let mut chart = Chart {
        changes,
        ..chart(graph, &options)
    };
    if !chart.changes.is_empty() {
        chart.title.push_str(", as proposed");
    }
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ChartFormat::from_extension))
        .unwrap_or(ChartFormat::Dot);
    let bytes = draw(graph, &chart, format, &mut false)?;
    match &args.output {
        Some(path) => write_file(path, &bytes),
        None => Ok(out.write_all(&bytes)?),
    }
}

/// The chart in `format`. Graphviz's warnings go to standard error, and so do the note that its
/// ties are straight lines when Graphviz could not draw them as curves, and, unless `noted` says
/// it was given already, the note that the built-in layout stood in for Graphviz.
fn draw(
    graph: &OrgGraph,
    chart: &Chart,
    format: ChartFormat,
    noted: &mut bool,
) -> Result<Vec<u8>, Failure> {
    let format = match format {
        ChartFormat::Dot => return Ok(render::to_dot(graph, chart).into_bytes()),
        ChartFormat::Mermaid => return Ok(render::to_mermaid(graph, chart).into_bytes()),
        ChartFormat::Svg => ImageFormat::Svg,
        ChartFormat::Png => ImageFormat::Png,
        ChartFormat::Pdf => ImageFormat::Pdf,
    };
    let image =
        render::image(graph, chart, format).map_err(|error| Failure::Usage(error.to_string()))?;
    for warning in &image.warnings {
        eprintln!("warning: Graphviz: {warning}");
    }
    match image.layout {
        Layout::BuiltIn if !std::mem::replace(noted, true) => eprintln!(
            "note: Graphviz is not installed, so this SVG comes from organigram's simpler built-in layout (no clusters, no legend); install Graphviz for the better layout"
        ),
        Layout::GraphvizStraight => eprintln!(
            "note: Graphviz could not draw some ties of this chart as curves (a bug of Graphviz 2.x with interleaved organisations), so its ties are straight lines"
        ),
        _ => {}
    }
    Ok(image.bytes)
}

/// Writes the standard charts into `dir`, each as DOT and SVG, and says what it wrote. Every
/// chart is drawn in memory before the first file is written, so a chart that cannot be drawn
/// writes nothing; the files are then written as one batch ([`super::write::atomic::write_into`]).
/// Chart names are built from organisation ids, which are slugs, so they stay in `dir` (and
/// are checked all the same).
fn write_all(
    graph: &OrgGraph,
    changes: &Changes,
    dir: &Path,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut files = Vec::new();
    let mut noted = false;
    for (name, options) in standard_charts(graph) {
        let chart = Chart {
            changes: changes.clone(),
            ..chart(graph, &options)
        };
        for (format, extension) in [(ChartFormat::Dot, "dot"), (ChartFormat::Svg, "svg")] {
            let bytes = draw(graph, &chart, format, &mut noted)?;
            files.push((format!("{name}.{extension}"), bytes));
        }
    }
    super::write::atomic::write_into(
        dir,
        files
            .iter()
            .map(|(file, bytes)| (file.as_str(), bytes.as_slice())),
    )
    .map_err(|e| Failure::Usage(e.to_string()))?;
    let written: Vec<&str> = files.iter().map(|(file, _)| file.as_str()).collect();
    writeln!(
        out,
        "wrote {} files to {}: {}",
        written.len(),
        dir.display(),
        written.join(", ")
    )?;
    Ok(())
}

/// Writes a whole file atomically, or says which file could not be written.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    super::write::atomic::write(path, bytes).map_err(|e| Failure::Usage(e.to_string()))
}

/// The message for an organisation argument that names none, listing the organisations.
fn unknown_organisation(graph: &OrgGraph, text: &str) -> Failure {
    let known: Vec<String> = graph
        .organisations()
        .iter()
        .map(|o| format!("{} ({})", o.id.as_str(), o.name))
        .collect();
    Failure::Usage(format!(
        "no organisation is named `{text}`\nhelp: the organisations are {}",
        known.join(", ")
    ))
}
