//! A chart as a Graphviz DOT graph, built from graphviz-rust's structures and printed by its
//! printer. Node ids are generated (`u0`, `u1`… in chart order) and every id and label is quoted
//! by [`super::quote`], so no name reaches DOT unquoted.

use super::changes::Change;
use super::{Bridge, Frame};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::arrange::arrange;
use super::look::Look;
use super::quote::{html, html_label, quoted};
use super::{Chart, legend};
use crate::graph::{OrgGraph, UnitIx};
use crate::model::{Arrowhead, Lang, LineStyle, Shape};
use crate::tr;

/// Fonts for every text, in order of preference: the usual sans-serif of each platform.
const FONT: &str = "Helvetica,Arial,sans-serif";
/// The colour of captions (a unit's kind) and of cluster outlines.
const MUTED: &str = "#555555";
/// The colour of captions that tell a state worth noticing (vacant, being set up…): Okabe and
/// Ito's vermillion.
const ALERT: &str = "#D55E00";
/// The colour of the "parent outside" mark: Okabe and Ito's blue.
const OUTSIDE: &str = "#0072B2";
/// The colour of the head drawn inside its unit's box: the darker orange of posts' outline,
/// so that the head reads as the post it is.
const HEAD: &str = "#9A5B00";

/// The chart as DOT text, ending with a line break. Same graph and chart, same bytes. Linear in
/// the size of the chart.
pub fn to_dot(graph: &OrgGraph, chart: &Chart) -> String {
    let mut text = dot_graph(graph, chart).print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// The chart as a graphviz-rust graph: settings, one cluster per organisation holding its units,
/// the ties, then the legend.
fn dot_graph(graph: &OrgGraph, chart: &Chart) -> Graph {
    let settings = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr(
                "label",
                html_label(&format!("<B>{}</B>", html(&chart.title))),
            ),
            attr("labelloc", plain("t")),
            attr("labeljust", plain("l")),
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("16")),
            attr(
                "rankdir",
                plain(if chart.view.is_left_to_right() {
                    "LR"
                } else {
                    "TB"
                }),
            ),
            attr("newrank", plain("true")),
            attr("nodesep", plain("0.25")),
            attr("ranksep", plain("0.45")),
            attr("pad", plain("0.3")),
            attr("bgcolor", quoted("#FFFFFF")),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("10")),
            attr("margin", quoted("0.12,0.08")),
            attr("penwidth", plain("1.2")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("9")),
            attr("arrowsize", plain("0.8")),
            attr("penwidth", plain("1.2")),
        ])),
    ];
    let arrangement = arrange(graph, chart);
    let mut body = Vec::new();
    let positions = chart.positions();
    for framed in chart.frames(graph) {
        let partner = !matches!(framed.frame, Frame::Organisation { partner: false, .. });
        let key = framed.key();
        let node =
            |&(position, ix): &(usize, UnitIx)| Stmt::Node(unit_node(graph, chart, ix, position));
        let mut stmts: Vec<Stmt> = framed.attached.iter().map(node).collect();
        let unattached = framed.unattached.iter().map(node);
        if framed.nests_unattached() {
            let label = format!("<I>{}</I>", html(&tr!(chart.lang, "chart-unattached")));
            let mut block = frame_settings(&label, "11", "rounded,dotted");
            block.extend(unattached);
            stmts.push(Stmt::Subgraph(Subgraph {
                id: quoted(&format!("cluster_{key}_unattached")),
                stmts: block,
            }));
        } else {
            stmts.extend(unattached);
        }
        // A partner's frame is dashed: its units are drawn for their ties to the chart's own.
        let style = if partner { "rounded,dashed" } else { "rounded" };
        let mut frame = frame_settings(&format!("<B>{}</B>", html(&framed.label)), "12", style);
        frame.extend(stmts);
        body.push(Stmt::Subgraph(Subgraph {
            id: quoted(&format!("cluster_{key}")),
            stmts: frame,
        }));
    }
    for &ix in &chart.ties {
        let (from, to) = chart.ends(graph, ix);
        let (Some(&from_at), Some(&to_at)) = (positions.get(&from), positions.get(&to)) else {
            continue;
        };
        let (from_id, to_id) = (unit_id(from_at), unit_id(to_at));
        let tie = graph.tie(ix);
        let kind = tie.kind.value;
        let style = kind.style();
        // A tie a proposal adds or changes is drawn thick in the change's colour; one it removes,
        // dashed.
        let mut attributes = match chart.changes.tie(tie) {
            None => line(style.line, style.colour),
            Some(Change::Removed) => line(LineStyle::Dashed, Change::Removed.colour()),
            Some(change) => {
                let mut thick = line(style.line, change.colour());
                thick.push(attr("penwidth", plain("2.5")));
                thick
            }
        };
        // Superiors go on top: a hierarchical tie is laid out from its `to` down to its `from`,
        // and its arrowhead drawn back at the superior.
        let (tail, head) = if kind.is_hierarchical() {
            attributes.extend(ending(style.arrowhead, true));
            (&to_id, &from_id)
        } else {
            attributes.extend(ending(style.arrowhead, false));
            if !style.constrains && !chart.view.is_left_to_right() {
                attributes.push(attr("constraint", plain("false")));
            }
            (&from_id, &to_id)
        };
        if let Some(length) = arrangement.lengths.get(&ix) {
            attributes.push(attr("minlen", Id::Plain(length.to_string())));
        }
        body.push(Stmt::Edge(edge(tail, head, attributes)));
    }
    for bridge in &chart.bridges {
        let (Some(&from_at), Some(&to_at)) =
            (positions.get(&bridge.from), positions.get(&bridge.to))
        else {
            continue;
        };
        // Superiors on top, as for the ties it stands for.
        body.push(Stmt::Edge(edge(
            &unit_id(to_at),
            &unit_id(from_at),
            bridge_line(graph, chart.lang, bridge),
        )));
    }
    for stack in &arrangement.stacks {
        let ids: Vec<Id> = stack
            .iter()
            .filter_map(|unit| positions.get(unit))
            .map(|&position| unit_id(position))
            .collect();
        for pair in ids.windows(2) {
            body.push(Stmt::Edge(edge(
                &pair[0],
                &pair[1],
                vec![attr("style", plain("invis"))],
            )));
        }
    }
    // The legend is the label of a borderless cluster around the whole chart, at its bottom.
    let legend = chart.legend.then(|| legend::markup(graph, chart)).flatten();
    let mut stmts = settings;
    match legend {
        Some(legend) => {
            let mut whole = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("label", html_label(&legend)),
                attr("labelloc", plain("b")),
                attr("labeljust", plain("l")),
                attr("fontsize", plain("9")),
                attr("peripheries", plain("0")),
                attr("margin", plain("4")),
            ]))];
            whole.extend(body);
            stmts.push(Stmt::Subgraph(Subgraph {
                id: quoted("cluster_chart"),
                stmts: whole,
            }));
        }
        None => stmts.extend(body),
    }
    Graph::DiGraph {
        id: quoted("organigram"),
        strict: false,
        stmts,
    }
}

/// The longest unit id given to a node's SVG id: Graphviz refuses strings of more than 16 KiB,
/// and no page addresses a unit by an id that long.
const LONGEST_SVG_ID: usize = 1_000;

/// A unit's node: its shape, fill and outline, its label, and its id in SVG (`unit-` and the
/// unit's id, a slug, unless longer than [`LONGEST_SVG_ID`]), for pages and style sheets that
/// address units.
fn unit_node(graph: &OrgGraph, chart: &Chart, ix: UnitIx, position: usize) -> Node {
    let unit = graph.unit(ix);
    let look = Look::in_chart(graph, ix, chart);
    let mut markup: Vec<String> = Vec::new();
    if let Some(acronym) = &look.acronym {
        markup.push(format!("<B>{}</B>", html(acronym)));
    }
    markup.extend(look.name.iter().map(|line| html(line)));
    markup.push(small(
        &format!("<I>{}</I>", html(&look.caption)),
        if look.alert { ALERT } else { MUTED },
    ));
    for line in &look.head {
        markup.push(small(&html(line), HEAD));
    }
    if let Some(outside) = look.outside {
        markup.push(small(&html(&outside), OUTSIDE));
    }
    let mut attributes = vec![attr("label", html_label(&markup.join("<BR/>")))];
    attributes.extend(shape(look.shape, look.outline, look.fill, look.stroke));
    if look.change.is_some() {
        attributes.push(attr("penwidth", plain("2.5")));
    }
    if unit.id.as_str().len() <= LONGEST_SVG_ID {
        attributes.push(attr("id", quoted(&format!("unit-{}", unit.id.value))));
    }
    Node::new(NodeId(unit_id(position), None), attributes)
}

/// The settings of a frame: its label (markup), in this size, outlined in this style.
fn frame_settings(label: &str, size: &'static str, style: &str) -> Vec<Stmt> {
    vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("label", html_label(label)),
        attr("fontsize", plain(size)),
        attr("labelloc", plain("t")),
        attr("labeljust", plain("l")),
        attr("peripheries", plain("1")),
        attr("style", quoted(style)),
        attr("color", quoted(MUTED)),
        attr("margin", plain("12")),
    ]))]
}

/// The attributes of a bridge: a dashed grey line with no arrowhead, labelled with the number
/// of units it crosses, and their names as its tooltip.
fn bridge_line(graph: &OrgGraph, lang: Lang, bridge: &Bridge) -> Vec<Attribute> {
    let (label, tooltip) = (bridge.label(lang), bridge.tooltip(graph, lang));
    let mut attributes = line(LineStyle::Dashed, Bridge::COLOUR);
    attributes.extend([
        attr("dir", plain("none")),
        attr("label", html_label(&small(&html(&label), MUTED))),
        attr("tooltip", quoted(&tooltip)),
    ]);
    attributes
}

/// Markup in the caption's smaller size, in a colour.
fn small(markup: &str, colour: &str) -> String {
    format!(r#"<FONT POINT-SIZE="8" COLOR="{colour}">{markup}</FONT>"#)
}

/// The attributes that draw a shape: Graphviz's shape, its style (filled, rounded, dashed or
/// dotted), fill and outline colours.
fn shape(shape: Shape, outline: LineStyle, fill: &str, stroke: &str) -> Vec<Attribute> {
    let (name, rounded) = match shape {
        Shape::Box3d => ("box3d", false),
        Shape::RoundedBox => ("box", true),
        Shape::Ellipse => ("ellipse", false),
        Shape::Hexagon => ("hexagon", false),
    };
    let mut style = vec!["filled"];
    if rounded {
        style.push("rounded");
    }
    style.extend(line_style(outline));
    vec![
        attr("shape", plain(name)),
        attr("style", quoted(&style.join(","))),
        attr("fillcolor", quoted(fill)),
        attr("color", quoted(stroke)),
    ]
}

/// Graphviz's style word for a line, if it is not solid.
fn line_style(line: LineStyle) -> Option<&'static str> {
    match line {
        LineStyle::Solid => None,
        LineStyle::Dashed => Some("dashed"),
        LineStyle::Dotted => Some("dotted"),
        LineStyle::Bold => Some("bold"),
    }
}

/// The attributes of a tie's line: its style and colour.
fn line(line: LineStyle, colour: &str) -> Vec<Attribute> {
    let mut attributes = vec![attr("color", quoted(colour))];
    if let Some(style) = line_style(line) {
        attributes.push(attr("style", plain(style)));
    }
    attributes
}

/// The attributes of a tie's ending: its arrowhead at the head, or (`back`) at the tail.
fn ending(arrowhead: Arrowhead, back: bool) -> Vec<Attribute> {
    let name = match arrowhead {
        Arrowhead::None => return vec![attr("dir", plain("none"))],
        Arrowhead::Normal => "normal",
        Arrowhead::Empty => "empty",
        Arrowhead::Vee => "vee",
        Arrowhead::Dot => "dot",
        Arrowhead::EmptyDot => "odot",
        Arrowhead::EmptyDiamond => "odiamond",
    };
    if back {
        vec![attr("dir", plain("back")), attr("arrowtail", plain(name))]
    } else {
        vec![attr("arrowhead", plain(name))]
    }
}

/// An attribute with a value built by [`quoted`], [`html_label`] or [`plain`].
fn attr(name: &'static str, value: Id) -> Attribute {
    Attribute(Id::Plain(name.to_owned()), value)
}

/// A value written as is: only for the keywords and numbers of this module, never for text
/// from a description.
fn plain(value: &'static str) -> Id {
    Id::Plain(value.to_owned())
}

/// The id of the unit at this position in the chart: `"u0"`, `"u1"`…, never text from the
/// description.
fn unit_id(position: usize) -> Id {
    quoted(&format!("u{position}"))
}

/// An edge from `tail` to `head`.
fn edge(tail: &Id, head: &Id, attributes: Vec<Attribute>) -> Edge {
    Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(tail.clone(), None)),
            Vertex::N(NodeId(head.clone(), None)),
        ),
        attributes,
    }
}
