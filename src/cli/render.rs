//! `organigram render`: a chart as DOT, SVG, PNG, PDF, Mermaid or an interactive HTML page, on
//! standard output or in a file; `render --all -o DIR` writes the standard charts of the
//! description.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::term::{Terms, TieKinds, UnitKinds};
use super::write::{self, Destination};
use super::{Failure, lang, resolve_in};
use organigram::graph::OrgGraph;
use organigram::model::{OrganisationIndex, file_name};
use organigram::render::{
    self, Changes, Chart, ChartOptions, Focus, ImageFormat, Layout, RenderError, Size, View, chart,
    standard_charts,
};
use organigram::{Workspace, tr};

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
    /// One self-contained HTML page, offline: the org chart to fold, search, zoom and click.
    Html,
}

impl write::Format for ChartFormat {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            ChartFormat::Dot => &["dot", "gv"],
            ChartFormat::Svg => &["svg"],
            ChartFormat::Png => &["png"],
            ChartFormat::Pdf => &["pdf"],
            ChartFormat::Mermaid => &["mmd", "mermaid"],
            ChartFormat::Html => &["html", "htm"],
        }
    }
}

impl ChartFormat {
    /// Whether the format is binary, which a terminal cannot show.
    fn is_binary(self) -> bool {
        matches!(self, ChartFormat::Png | ChartFormat::Pdf)
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

    /// Draw the chart however large it is, and with Graphviz's full effort: by default a chart
    /// too large to lay out in reasonable time is refused, and a large one laid out with less
    /// effort (DOT and Mermaid are written at any size).
    #[arg(long)]
    large_chart: bool,

    /// The output format. Default: from the extension of -o's file, otherwise dot.
    #[arg(long, value_enum)]
    format: Option<ChartFormat>,

    /// Write to this file (with --all, into this folder) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Write the standard charts into the folder given by -o, as DOT, SVG and HTML: an org chart
    /// per organisation, the cooperation map and the whole landscape.
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
            return Err(Failure::Usage(tr!(lang(), "render-all-needs-output")));
        };
        let read = write::Read::of(Some(&workspace.files), &[]);
        return write_all(workspace, &changes, dir, args.large_chart, &read, out);
    }
    let options = ChartOptions {
        lang: super::lang(),
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
            Some(text) => {
                let found = organigram::query::organisation(graph, text)
                    .ok_or_else(|| unknown_organisation(graph, text))?;
                if graph.organisation_unit(found).is_none() {
                    return Err(frameless(graph, found));
                }
                Some(found)
            }
            None => None,
        },
        unit_kinds: args.unit_kinds.chosen(),
        tie_kinds: args.tie_kinds.chosen(),
        legend: !args.no_legend,
        as_of: workspace.as_of,
    };
    let format = write::format_of(args.format, args.output.as_deref(), ChartFormat::Dot)
        .map_err(Failure::Usage)?;
    let destination = args
        .output
        .as_deref()
        .map_or(Destination::Stdout, Destination::of);
    if format.is_binary() && destination == Destination::Stdout && io::stdout().is_terminal() {
        return Err(Failure::Usage(tr!(
            lang(),
            "render-binary-to-terminal",
            format = write::Format::name(format).to_uppercase()
        )));
    }
    let mut chart = Chart {
        changes,
        ..chart(graph, &options)
    };
    if chart.units.is_empty() {
        return Err(Failure::Usage(empty_chart(args)));
    }
    if !chart.changes.is_empty() {
        chart
            .title
            .push_str(&organigram::tr!(super::lang(), "chart-as-proposed"));
    }
    let bytes = draw(graph, &chart, format, args.large_chart, &mut false)?;
    let read = write::Read::of(Some(&workspace.files), &[]);
    destination
        .write(out, &bytes, &read)
        .map_err(Failure::Usage)
}

/// Why a chart asked for draws nothing: what the options chose has no unit in common.
fn empty_chart(args: &Args) -> String {
    let mut chosen = vec![format!("--view {}", args.view)];
    for (option, value) in [
        ("--root", &args.root),
        ("--focus", &args.focus),
        ("--organisation", &args.organisation),
    ] {
        if let Some(value) = value {
            chosen.push(format!("{option} {value}"));
        }
    }
    if args.unit_kinds.chosen().is_some() {
        chosen.push("--unit-kind".to_owned());
    }
    if args.tie_kinds.chosen().is_some() {
        chosen.push("--tie-kind".to_owned());
    }
    tr!(
        lang(),
        "render-nothing-to-draw",
        options = chosen.join(", ")
    )
}

/// The chart in `format`, of any size when `large` says so. Graphviz's warnings go to standard
/// error, and so do the notes on how it was drawn: with less effort for a large chart, with
/// straight ties when Graphviz could not draw them as curves, and (unless `noted` says it was
/// given already) with the built-in layout standing in for Graphviz.
fn draw(
    graph: &OrgGraph,
    chart: &Chart,
    format: ChartFormat,
    large: bool,
    noted: &mut bool,
) -> Result<Vec<u8>, Failure> {
    let format = match format {
        ChartFormat::Dot => return Ok(render::to_dot(graph, chart).into_bytes()),
        ChartFormat::Mermaid => return Ok(render::to_mermaid(graph, chart).into_bytes()),
        ChartFormat::Html => return Ok(render::to_html(graph, chart).into_bytes()),
        ChartFormat::Svg => ImageFormat::Svg,
        ChartFormat::Png => ImageFormat::Png,
        ChartFormat::Pdf => ImageFormat::Pdf,
    };
    let image = render::image(graph, chart, format, large).map_err(|error| match error {
        RenderError::TooLarge {
            units,
            ties,
            built_in,
        } => Failure::Usage(tr!(
            lang(),
            "render-too-large",
            units = units,
            ties = ties,
            built_in = if built_in { "yes" } else { "no" }
        )),
        error => Failure::Usage(error.to_string()),
    })?;
    for warning in &image.warnings {
        errln!(
            "{}",
            tr!(lang(), "render-graphviz-warning", warning = warning)
        );
    }
    match image.layout {
        Layout::BuiltIn if !std::mem::replace(noted, true) => {
            errln!("{}", tr!(lang(), "render-built-in-layout"));
        }
        Layout::GraphvizStraight => errln!("{}", tr!(lang(), "render-straight-ties")),
        Layout::GraphvizQuick => errln!(
            "{}",
            tr!(
                lang(),
                "render-quick-layout",
                units = chart.units.len(),
                ties = chart.ties.len()
            )
        ),
        _ => {}
    }
    Ok(image.bytes)
}

/// Writes the standard charts into `dir`, each as DOT, HTML and SVG, and says what it wrote. Every
/// chart is drawn in memory before the first file is written, so a chart that cannot be drawn
/// writes nothing; the files are then written as one batch ([`super::write::atomic::write_into`]).
/// Chart names are built from organisation ids, which are slugs, so they stay in `dir` (and
/// are checked all the same).
fn write_all(
    workspace: &Workspace,
    changes: &Changes,
    dir: &Path,
    large: bool,
    read: &write::Read,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let graph = workspace.graph();
    let mut files = Vec::new();
    let mut noted = false;
    for (name, options) in standard_charts(graph) {
        let options = ChartOptions {
            lang: super::lang(),
            as_of: workspace.as_of,
            ..options
        };
        let chart = Chart {
            changes: changes.clone(),
            ..chart(graph, &options)
        };
        files.push((
            file_name(&name, "dot"),
            draw(graph, &chart, ChartFormat::Dot, large, &mut noted)?,
        ));
        // The page draws only what is expanded: it is written at any size.
        files.push((
            file_name(&name, "html"),
            draw(graph, &chart, ChartFormat::Html, large, &mut noted)?,
        ));
        // A chart too large to lay out is left out as a picture: its DOT is there to draw parts.
        if Size::of(&chart) == Size::TooLarge && !large {
            errln!(
                "{}",
                tr!(
                    lang(),
                    "render-not-drawn-as-svg",
                    name = &name,
                    units = chart.units.len(),
                    ties = chart.ties.len()
                )
            );
            continue;
        }
        files.push((
            file_name(&name, "svg"),
            draw(graph, &chart, ChartFormat::Svg, large, &mut noted)?,
        ));
    }
    for (file, _) in &files {
        read.refuse(&dir.join(file)).map_err(Failure::Usage)?;
    }
    write::atomic::write_into(
        dir,
        files
            .iter()
            .map(|(file, bytes)| (file.as_str(), bytes.as_slice())),
    )
    .map_err(|e| Failure::Usage(e.to_string()))?;
    let written: Vec<&str> = files.iter().map(|(file, _)| file.as_str()).collect();
    let wrote = tr!(
        lang(),
        "render-wrote",
        n = written.len(),
        dir = dir.display().to_string(),
        files = written.join(", ")
    );
    writeln!(out, "{wrote}")?;
    Ok(())
}

/// The message for an organisation argument that names none, listing the organisations.
/// The failure of `--organisation` naming a file of partners: its organisation is no unit, so
/// no unit belongs to it and its frame would be empty.
fn frameless(graph: &OrgGraph, organisation: OrganisationIndex) -> Failure {
    let id = graph
        .organisations()
        .get(organisation.0 as usize)
        .map_or("", |o| o.id.as_str());
    Failure::Usage(tr!(super::lang(), "render-frameless", id = id))
}

fn unknown_organisation(graph: &OrgGraph, text: &str) -> Failure {
    let known: Vec<String> = graph
        .organisations()
        .iter()
        .map(|o| format!("{} ({})", o.id.as_str(), o.name))
        .collect();
    Failure::Usage(tr!(
        lang(),
        "render-unknown-organisation",
        text = text,
        known = known.join(", ")
    ))
}
