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
    self, Changes, Chart, ChartOptions, Direction, Focus, ImageFormat, Layout, LinkBase,
    LinkBaseError, Page, RenderError, Size, View, chart, standard_charts,
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

/// The way a chart's ties run, on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DirectionArg {
    /// Superiors on top (the default, but for the cooperation map).
    Down,
    /// Superiors on the left: deep, narrow hierarchies (the cooperation map's default).
    Right,
}

impl From<DirectionArg> for Direction {
    fn from(direction: DirectionArg) -> Direction {
        match direction {
            DirectionArg::Down => Direction::Down,
            DirectionArg::Right => Direction::Right,
        }
    }
}

/// The page a chart is fitted to, on the command line ([`Page::ALL`] names them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum PageArg {
    /// A4, turned the way that draws the chart larger.
    A4,
    /// A4, taller than wide.
    A4Portrait,
    /// A4, wider than tall.
    A4Landscape,
    /// A3, turned the way that draws the chart larger.
    A3,
    /// A3, taller than wide.
    A3Portrait,
    /// A3, wider than tall.
    A3Landscape,
    /// A 16:9 slide (13.33 x 7.5 in).
    #[value(name = "16:9")]
    Slide,
}

impl PageArg {
    /// The page this names, and its name.
    fn page(self) -> (&'static str, Page) {
        let at = match self {
            PageArg::A4 => 0,
            PageArg::A4Portrait => 1,
            PageArg::A4Landscape => 2,
            PageArg::A3 => 3,
            PageArg::A3Portrait => 4,
            PageArg::A3Landscape => 5,
            PageArg::Slide => 6,
        };
        Page::ALL[at]
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

    /// Make each unit a link to this base followed by its id, in SVG, DOT and Mermaid: an http
    /// or https URL with a host, or a relative path (units/).
    #[arg(long, value_name = "URL")]
    link_base: Option<String>,
    /// Only N levels of the hierarchy under the chart's top units (0: the tops alone); a unit
    /// whose subordinates are left out says how many ("+12 below").
    #[arg(long, value_name = "N")]
    depth: Option<usize>,

    /// The way the hierarchy runs: down from superiors on top, or right from superiors on the
    /// left. Default: down, but right for the cooperation map.
    #[arg(long, value_enum)]
    direction: Option<DirectionArg>,

    /// Fit the picture to a page: DOT, SVG, PNG and PDF come out at its size (not Mermaid).
    /// Without -portrait or -landscape, turned the way that draws the chart larger; a warning
    /// says when its text would print below 6 pt.
    #[arg(long, value_enum)]
    page: Option<PageArg>,

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
        conflicts_with_all = ["view", "root", "focus", "organisation", "unit_kinds", "tie_kinds", "no_legend", "format", "depth", "direction", "page"]
    )]
    all: bool,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
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
    let link_base = args.link_base.as_deref().map(link_base).transpose()?;
    if args.all {
        let Some(dir) = &args.output else {
            return Err(Failure::Usage(tr!(lang(), "render-all-needs-output")));
        };
        let read = write::Read::of(Some(&workspace.files), &[]);
        return write_all(
            workspace,
            &changes,
            link_base.as_ref(),
            dir,
            args.large_chart,
            &read,
            out,
        );
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
                let found = super::organisation_in(graph, text)?;
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
        link_base,
        depth: args.depth,
        direction: args.direction.map(Direction::from),
        page: args.page.map(|p| p.page().1),
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
    if let Some(page) = args.page {
        fit(graph, &mut chart, format, page.page().0)?;
    }
    let bytes = draw(graph, &chart, format, args.large_chart, &mut false)?;
    let read = write::Read::of(Some(&workspace.files), &[]);
    destination
        .write(out, &bytes, &read)
        .map_err(Failure::Usage)
}

/// `--link-base`'s text as a link base, or the usage error that says why it is none.
fn link_base(text: &str) -> Result<LinkBase, Failure> {
    LinkBase::parse(text).map_err(|error| {
        let why = match error {
            LinkBaseError::Empty => "empty",
            LinkBaseError::TooLong => "long",
            LinkBaseError::Scheme => "scheme",
            LinkBaseError::Host => "host",
            _ => "character",
        };
        Failure::Usage(tr!(lang(), "render-bad-link-base", base = text, why = why))
    })
}

/// Fits `chart` to its page (named `name`), measured by Graphviz when it is installed, and
/// warns when its text would then be too small to read. Mermaid has no page to fit.
fn fit(
    graph: &OrgGraph,
    chart: &mut Chart,
    format: ChartFormat,
    name: &str,
) -> Result<(), Failure> {
    if format == ChartFormat::Mermaid {
        return Err(Failure::Usage(tr!(lang(), "render-page-mermaid")));
    }
    match render::fit_page(graph, chart) {
        Ok(()) | Err(RenderError::GraphvizMissing { .. }) => {}
        Err(error) => return Err(Failure::Usage(error.to_string())),
    }
    if let Some(fit) = chart.fit
        && !fit.is_readable()
        && let Some(scale) = fit.scale()
    {
        errln!(
            "{}",
            tr!(
                lang(),
                "render-page-unreadable",
                page = name,
                percent = format!("{:.0}", scale * 100.),
                points = format!("{:.1}", scale * 10.)
            )
        );
    }
    Ok(())
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
    link_base: Option<&LinkBase>,
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
            link_base: link_base.cloned(),
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
    write::write_batch(dir, &files, read, out)
}

/// The failure of `--organisation` naming a file of partners: its organisation is no unit, so
/// no unit belongs to it and its frame would be empty.
fn frameless(graph: &OrgGraph, organisation: OrganisationIndex) -> Failure {
    let id = graph
        .organisations()
        .get(organisation.0 as usize)
        .map_or("", |o| o.id.as_str());
    Failure::Usage(tr!(super::lang(), "render-frameless", id = id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_on_the_command_line_is_the_library_s_page_of_that_name() {
        for page in PageArg::value_variants() {
            let name = page.to_possible_value().map(|v| v.get_name().to_owned());
            assert_eq!(name.as_deref(), Some(page.page().0));
        }
        assert_eq!(PageArg::value_variants().len(), Page::ALL.len());
    }
}
