//! Charts as pictures: SVG, PNG and PDF from Graphviz's `dot` when it is installed, and SVG from
//! a pure-Rust layout (layout-rs) when it is not.
//!
//! `dot` is run as a plain process fed on standard input rather than through graphviz-rust's
//! `exec`: that one writes a temporary file, hard-codes the program and drops what `dot` prints
//! on standard error when it succeeds, and Graphviz's warnings are worth showing.

use std::io::{ErrorKind, Write};
use std::process::{Command, Stdio};

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::arrange::stacks;
use super::look::Look;
use super::svg::{self, Hovers};
use super::{Bridge, Chart, RenderError, to_dot};
use crate::graph::OrgGraph;
use crate::model::{Arrowhead, Border, LineStyle, Shape};
use crate::tr;

/// A format that is a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ImageFormat {
    /// Scalable vector graphics, for a web page: the one format the built-in layout can draw
    /// without Graphviz.
    Svg,
    /// A bitmap, for slides and documents that take no SVG.
    Png,
    /// A page to print or to send.
    Pdf,
}

impl ImageFormat {
    /// The format's name, as Graphviz and file extensions spell it.
    pub const fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }
}

/// What laid a picture out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// Graphviz's `dot`.
    Graphviz,
    /// Graphviz's `dot`, with ties drawn as straight lines: its spline router failed to draw them
    /// as curves (see [`graphviz`]).
    GraphvizStraight,
    /// Graphviz's `dot` told to spend less effort, the chart being large ([`Size::Large`]):
    /// straight ties, one pass of ranking and of crossing reduction.
    GraphvizQuick,
    /// organigram's pure-Rust fallback: no clusters, no legend, a plainer layout.
    BuiltIn,
}

/// A chart drawn as a picture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// The picture, in the format asked for, as it is written to a file.
    pub bytes: Vec<u8>,
    /// What laid it out: Graphviz, or the built-in layout when Graphviz is not installed.
    pub layout: Layout,
    /// What Graphviz printed on standard error while succeeding (its warnings), line by line.
    pub warnings: Vec<String>,
}

/// How hard a chart is to lay out, as measured with Graphviz 2.43 on one core (its time grows
/// much faster than the chart: a 2,000-unit org chart takes half a second and a 16,000-unit one
/// three minutes, a complete cooperation graph of 40 units 20 seconds and one of 50 three
/// minutes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Size {
    /// Laid out as it is, within a second or two.
    Usual,
    /// Laid out with less effort ([`Layout::GraphvizQuick`]), within seconds.
    Large,
    /// Past what is laid out in reasonable time and memory: refused unless asked for
    /// ([`RenderError::TooLarge`]).
    TooLarge,
}

/// The weight of a chart for Graphviz: its units and ties, and its ties again for each time
/// they outnumber the units, since dense charts cost most (ties² / units).
fn weight(chart: &Chart) -> usize {
    let (units, ties) = (chart.units.len(), chart.ties.len());
    units + ties + ties.saturating_mul(ties) / units.max(1)
}

/// Charts heavier than this ([`weight`]) are [`Size::Large`]: a 2,000-unit org chart, a
/// 30-unit complete cooperation graph.
const LARGE: usize = 6_000;

/// Charts heavier than this are [`Size::TooLarge`]: past a 5,000-unit org chart, a 40-unit
/// complete cooperation graph.
const TOO_LARGE: usize = 15_000;

/// The most units the built-in layout draws: its time grows as the units to the power 3.4 (400
/// units take 0.8 s, 800 units 9 s).
const BUILT_IN_UNITS: usize = 500;

impl Size {
    /// How hard `chart` is for Graphviz.
    pub fn of(chart: &Chart) -> Size {
        match weight(chart) {
            w if w > TOO_LARGE => Size::TooLarge,
            w if w > LARGE => Size::Large,
            _ => Size::Usual,
        }
    }
}

/// The chart as a picture: from Graphviz when its `dot` is installed; otherwise, for SVG, from
/// the built-in layout ([`Layout::BuiltIn`]), and for PNG and PDF an error that says how to
/// install Graphviz. A chart too large to lay out in reasonable time ([`Size::TooLarge`], or past
/// 500 units for the built-in layout) is refused with [`RenderError::TooLarge`] unless `large`
/// says to draw it however long it takes; a [`Size::Large`] one is laid out with less effort.
/// In SVG, hovering a unit or a tie shows what it is, and units link to their pages when the
/// chart has a link base ([`super::ChartOptions::link_base`]).
pub fn image(
    graph: &OrgGraph,
    chart: &Chart,
    format: ImageFormat,
    large: bool,
) -> Result<Image, RenderError> {
    let size = Size::of(chart);
    let too_large = |built_in| RenderError::TooLarge {
        units: chart.units.len(),
        ties: chart.ties.len(),
        built_in,
    };
    if size == Size::TooLarge && !large && graphviz_installed() {
        return Err(too_large(false));
    }
    let drawn = if size == Size::Usual || large {
        graphviz(&to_dot(graph, chart), format)
    } else {
        run_dot(&to_dot(graph, chart), format, QUICK).map(|image| Image {
            layout: Layout::GraphvizQuick,
            ..image
        })
    };
    match drawn {
        Err(RenderError::GraphvizMissing { .. }) if format == ImageFormat::Svg => {
            if chart.units.len() > BUILT_IN_UNITS && !large {
                return Err(too_large(true));
            }
            Ok(Image {
                bytes: fallback_svg(graph, chart).into_bytes(),
                layout: Layout::BuiltIn,
                warnings: Vec::new(),
            })
        }
        Ok(image) if format == ImageFormat::Svg => Ok(Image {
            bytes: svg::titled(
                &String::from_utf8_lossy(&image.bytes),
                &Hovers::of(graph, chart),
            )
            .into_bytes(),
            ..image
        }),
        result => result,
    }
}

/// Fits `chart` to its page, if it has one: lays it out with Graphviz at its natural size,
/// turns the page the way that draws it larger, and records its size so that DOT and every
/// picture are drawn at the page's size ([`super::Fit`]). The chart is laid out twice, then:
/// once here and once when drawn.
///
/// Fails as [`graphviz`] does; [`RenderError::GraphvizMissing`] leaves the page as asked,
/// unmeasured.
pub fn fit_page(graph: &OrgGraph, chart: &mut Chart) -> Result<(), RenderError> {
    let Some(fit) = chart.fit else {
        return Ok(());
    };
    let natural = Chart {
        fit: None,
        ..chart.clone()
    };
    let dot = to_dot(graph, &natural);
    let image = match Size::of(chart) {
        Size::Usual => graphviz(&dot, ImageFormat::Svg)?,
        _ => run_dot(&dot, ImageFormat::Svg, QUICK)?,
    };
    let (width, height) = svg_size(&image.bytes).ok_or_else(|| RenderError::GraphvizFailed {
        status: "an SVG with no size".to_owned(),
        stderr: image.warnings.join("\n"),
    })?;
    chart.fit = Some(fit.page.fit(width, height));
    Ok(())
}

/// The width and height in points of an SVG that Graphviz wrote (`<svg width="169pt"
/// height="295pt"`), rounded up.
fn svg_size(svg: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(svg.get(..svg.len().min(4096))?).ok()?;
    let open = text.find("<svg")?;
    let tag = text.get(open..)?;
    let number = |name: &str| -> Option<u32> {
        let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
        let value = tag.get(start..)?.split('"').next()?.trim_end_matches("pt");
        let points: f64 = value.parse().ok()?;
        // A chart is at most a few hundred thousand points wide: it fits a u32.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(points.ceil().max(0.) as u32)
    };
    Some((number("width")?, number("height")?))
}

/// What tells `dot` to spend less effort on a large chart: straight ties, and one iteration of
/// network simplex (ranking and placing, the part whose cost explodes on dense charts) and of
/// crossing reduction.
const QUICK: &[&str] = &[
    "-Gsplines=line",
    "-Gnslimit=1",
    "-Gnslimit1=1",
    "-Gmclimit=0.01",
];

/// Whether Graphviz's `dot` can be run.
fn graphviz_installed() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// What Graphviz prints when its spline router fails, a bug of Graphviz 2.x on some charts
/// whose clusters interleave (units of one organisation above and below another's, with ties
/// that do not constrain the layout between them): the tie is drawn wrong, or lost and `dot`
/// fails.
const ROUTING_FAILURES: [&str; 4] = [
    "triangulation failed",
    "Pshortestpath failed",
    "Unable to reclaim box space in spline routing",
    "cannot find triangle path",
];

/// DOT text laid out and drawn by Graphviz's `dot` (from the `PATH`) in `format`. When Graphviz's
/// spline router fails on it (`triangulation failed`, a bug of Graphviz 2.x on some charts whose
/// clusters interleave), the chart is drawn again with straight ties, which do not go through
/// that router ([`Layout::GraphvizStraight`]).
///
/// Fails with [`RenderError::GraphvizMissing`] when `dot` is not installed, and with
/// [`RenderError::GraphvizFailed`] and what it printed when it fails.
pub fn graphviz(dot: &str, format: ImageFormat) -> Result<Image, RenderError> {
    let routing_failed = |stderr: &str| ROUTING_FAILURES.iter().any(|f| stderr.contains(f));
    match run_dot(dot, format, &[]) {
        Ok(image) if image.warnings.iter().any(|w| routing_failed(w)) => {}
        Err(RenderError::GraphvizFailed { stderr, .. }) if routing_failed(&stderr) => {}
        result => return result,
    }
    let mut image = run_dot(dot, format, &["-Gsplines=line"])?;
    image.layout = Layout::GraphvizStraight;
    Ok(image)
}

/// Runs `dot` with `arguments` on DOT text, for `format`.
fn run_dot(dot: &str, format: ImageFormat, arguments: &[&str]) -> Result<Image, RenderError> {
    let mut child = Command::new("dot")
        .arg(format!("-T{}", format.as_str()))
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| match error.kind() {
            ErrorKind::NotFound => RenderError::GraphvizMissing { format },
            _ => RenderError::GraphvizIo(error),
        })?;
    let stdin = child.stdin.take();
    // Feed `dot` from another thread while this one reads what it prints, so that neither side
    // waits on a full pipe.
    let (written, output) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || match stdin {
            Some(mut stdin) => stdin.write_all(dot.as_bytes()),
            None => Ok(()),
        });
        let output = child.wait_with_output();
        (writer.join(), output)
    });
    let output = output.map_err(RenderError::GraphvizIo)?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return Err(RenderError::GraphvizFailed {
            status: output.status.to_string(),
            stderr,
        });
    }
    match written {
        // `dot` succeeded: if it stopped reading early, what it wrote is still its answer.
        Ok(Ok(())) => {}
        Ok(Err(error)) if error.kind() == ErrorKind::BrokenPipe => {}
        Ok(Err(error)) => return Err(RenderError::GraphvizIo(error)),
        Err(_) => {
            return Err(RenderError::GraphvizIo(std::io::Error::other(
                "the thread feeding `dot` stopped",
            )));
        }
    }
    Ok(Image {
        bytes: output.stdout,
        layout: Layout::Graphviz,
        warnings: stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// The outline of the headings of unattached units in the built-in layout: the grey of frames.
const HEADING: &str = "#555555";

/// The font size of the built-in layout, in pixels.
const FONT_SIZE: usize = 12;

/// The chart as SVG, laid out by the pure-Rust layout-rs: the same units, ties, shapes and
/// colours as with Graphviz, approximately (rounded boxes, ellipses and plain boxes; borders
/// as line widths, double thicker than single and bold thicker still; no graded fills), the
/// same tooltips and links, and the bridges across hidden units, without the frames and the
/// legend: each frame's unattached units hang in columns under a heading instead. Meant for
/// small charts when Graphviz is not installed.
pub fn fallback_svg(graph: &OrgGraph, chart: &Chart) -> String {
    let orientation = if chart.is_left_to_right() {
        Orientation::LeftToRight
    } else {
        Orientation::TopToBottom
    };
    let mut visual = VisualGraph::new(orientation);
    let handles: std::collections::HashMap<_, _> = chart
        .units
        .iter()
        .enumerate()
        .map(|(position, &ix)| {
            let look = Look::in_chart(graph, ix, chart);
            let text = look.lines().join("\n");
            let (shape, rounded) = match look.shape {
                // layout-rs draws no 3D box, tab or hexagon: they are plain boxes.
                Shape::Box3d | Shape::Hexagon | Shape::Box | Shape::Tab => {
                    (ShapeKind::Box(text.clone()), 0)
                }
                Shape::RoundedBox => (ShapeKind::Box(text.clone()), 8),
                Shape::Ellipse => (ShapeKind::Circle(text.clone()), 0),
            };
            // A unit's state (dashed or dotted in Graphviz) is drawn thin, as layout-rs draws no
            // dashed outline.
            let width = match (look.outline, look.border) {
                (LineStyle::Dashed | LineStyle::Dotted, _) => 1,
                (_, Border::Single) => 2,
                (_, Border::Double) => 3,
                (_, Border::Bold) => 4,
            };
            let style = StyleAttr::new(
                colour(look.stroke),
                width,
                Some(colour(look.fill)),
                rounded,
                FONT_SIZE,
            );
            let element = Element::create_with_properties(
                shape,
                style,
                orientation,
                text_size(&text),
                svg::unit_group(position),
            );
            (ix, visual.add_node(element))
        })
        .collect();
    for (position, &ix) in chart.ties.iter().enumerate() {
        let (from, to) = chart.ends(graph, ix);
        let (Some(&from), Some(&to)) = (handles.get(&from), handles.get(&to)) else {
            continue;
        };
        let kind = graph.tie(ix).kind.value;
        let style = kind.style();
        let line = match style.line {
            LineStyle::Solid | LineStyle::Bold => LineStyleKind::Normal,
            LineStyle::Dashed => LineStyleKind::Dashed,
            LineStyle::Dotted => LineStyleKind::Dotted,
        };
        let head = match style.arrowhead {
            Arrowhead::None => LineEndKind::None,
            _ => LineEndKind::Arrow,
        };
        let width = if style.line == LineStyle::Bold { 2 } else { 1 };
        let look = StyleAttr::new(colour(style.colour), width, None, 0, FONT_SIZE);
        // As with Graphviz, superiors go on top and the arrowhead is drawn back at them.
        let (start, end, tail, tip) = if kind.is_hierarchical() {
            (head, LineEndKind::None, to, from)
        } else {
            (LineEndKind::None, head, from, to)
        };
        let group = svg::tie_group(position);
        let arrow = Arrow::with_properties(start, end, line, "", &look, group, &None, &None);
        visual.add_edge(arrow, tail, tip);
    }
    // A bridge is a dashed grey line from the superior, saying how many units it crosses.
    for bridge in &chart.bridges {
        let (Some(&from), Some(&to)) = (handles.get(&bridge.from), handles.get(&bridge.to)) else {
            continue;
        };
        let look = StyleAttr::new(colour(Bridge::COLOUR), 1, None, 0, FONT_SIZE);
        let label = bridge.label(chart.lang);
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::None,
            LineStyleKind::Dashed,
            &label,
            &look,
            &None,
            &None,
        );
        visual.add_edge(arrow, to, from);
    }
    // With no frames to draw, each frame's unattached units hang in short columns under a
    // heading that names them, by lines that are not drawn.
    for framed in chart.frames(graph) {
        if framed.unattached.is_empty() {
            continue;
        }
        let text = format!("{}\n{}", framed.label, tr!(chart.lang, "chart-unattached"));
        let style = StyleAttr::new(colour(HEADING), 1, Some(colour("#FFFFFF")), 6, FONT_SIZE);
        let size = text_size(&text);
        let heading = visual.add_node(Element::create(
            ShapeKind::Box(text),
            style,
            orientation,
            size,
        ));
        for column in stacks(&framed.unattached) {
            let mut above = heading;
            for (_, ix) in column {
                if let Some(&handle) = handles.get(ix) {
                    visual.add_edge(Arrow::invisible(), above, handle);
                    above = handle;
                }
            }
        }
    }
    let mut writer = SVGWriter::new();
    if visual.num_nodes() > 0 {
        visual.do_it(false, false, false, &mut writer);
    }
    svg::annotated(&writer.finalize(), &Hovers::of(graph, chart))
}

/// A `#rrggbb` colour of the vocabulary for layout-rs.
fn colour(hex: &str) -> Color {
    Color::from_name(hex).unwrap_or_else(|| Color::fast("black"))
}

/// The size of a box holding `text` at [`FONT_SIZE`], with some room around it.
// The font size and the counts of characters and lines of a label are far below 2^52: they are
// exact as floats.
#[allow(clippy::cast_precision_loss)]
fn text_size(text: &str) -> Point {
    let columns = text.lines().map(|l| l.chars().count()).max().unwrap_or(1);
    let rows = text.lines().count().max(1);
    let font = FONT_SIZE as f64;
    Point::new(
        columns as f64 * font * 0.6 + 24.,
        rows as f64 * font * 1.25 + 16.,
    )
}
