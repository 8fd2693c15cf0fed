//! A chart as a Graphviz DOT graph, built from graphviz-rust's structures and printed by its
//! printer. Node ids are generated (`u0`, `u1`… in chart order) and every id and label is quoted
//! by [`super::quote`], so no name reaches DOT unquoted.

use super::changes::Change;
use super::{Bridge, Frame};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use std::collections::{BTreeMap, HashMap};

use super::arrange::{Column, arrange};
use super::look::{LONGEST_ID, Look, tie_tooltip, unit_link};
use super::quote::{html, html_label, quoted};
use super::{Chart, legend};
use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{
    Arrowhead, Border, FillPattern, Lang, LineStyle, MUTED_COLOUR as MUTED, Shape, TEXT_COLOUR,
};
use crate::tr;

/// Fonts for every text, in order of preference: the usual sans-serif of each platform.
const FONT: &str = "Helvetica,Arial,sans-serif";
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
                plain(if chart.is_left_to_right() { "LR" } else { "TB" }),
            ),
            attr("newrank", plain("true")),
            attr("nodesep", plain("0.25")),
            attr("ranksep", plain("0.3")),
            attr("pad", plain("0.3")),
            attr("bgcolor", quoted("#FFFFFF")),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", quoted(FONT)),
            attr("fontcolor", quoted(TEXT_COLOUR)),
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
    let mut settings = settings;
    if let Some(fit) = chart.fit {
        let (size, margin) = fit.graphviz();
        settings.push(Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("size", quoted(&size)),
            attr("margin", quoted(&margin)),
        ])));
    }
    let arrangement = arrange(graph, chart);
    let mut body = Vec::new();
    let positions = chart.positions();
    let (mut spines, drawn_from) = spines(&arrangement.columns, &positions);
    for framed in chart.frames(graph) {
        let partner = !matches!(framed.frame, Frame::Organisation { partner: false, .. });
        let key = framed.key();
        let node =
            |&(position, ix): &(usize, UnitIx)| Stmt::Node(unit_node(graph, chart, ix, position));
        let mut stmts: Vec<Stmt> = framed.attached.iter().map(node).collect();
        // Every column is of a frame of the chart ([`super::arrange::Column::frame`]): its spine
        // is drawn inside it.
        stmts.extend(spines.remove(&key).unwrap_or_default());
        let unattached = framed.unattached.iter().map(node);
        if framed.nests_unattached() {
            let label = format!("<I>{}</I>", html(&tr!(chart.lang, "chart-unattached")));
            // Labelled at its foot: a label on top would push down the rank it shares with the
            // top of the hierarchy beside it, and so the whole chart.
            let mut block = frame_settings(&label, "11", "rounded,dotted", "b");
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
        let mut frame =
            frame_settings(&format!("<B>{}</B>", html(&framed.label)), "12", style, "t");
        frame.extend(stmts);
        body.push(Stmt::Subgraph(Subgraph {
            id: quoted(&format!("cluster_{key}")),
            stmts: frame,
        }));
    }
    for (at, &ix) in chart.ties.iter().enumerate() {
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
            (drawn_from.get(&ix).unwrap_or(&to_id), &from_id)
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
        // The tie's id in SVG, `tie-` and its position in the chart, names it for
        // [`super::svg`], which titles it.
        attributes.push(attr("id", quoted(&format!("tie-{at}"))));
        attributes.push(attr(
            "tooltip",
            escaped(&tie_tooltip(graph, ix, chart.lang)),
        ));
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
    for &(upper, lower) in &arrangement.rows {
        if let (Some(&upper), Some(&lower)) = (positions.get(&upper), positions.get(&lower)) {
            body.push(Stmt::Edge(edge(
                &unit_id(upper),
                &unit_id(lower),
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

/// The spines the columns of leaves hang from ([`Column`]), as DOT statements by the frame that
/// holds them (by [`super::Framed::key`]), and for each tie to a leaf the point of the spine
/// it is drawn from. A spine is a line in its ties' colour and style from the parent down
/// through one point per row, each point on the rank of its leaf and kept in line with the
/// others by a `group` and a heavy weight, so that the spine is straight and each leaf's tie a short level line.
fn spines(
    columns: &[Column],
    positions: &HashMap<UnitIx, usize>,
) -> (BTreeMap<String, Vec<Stmt>>, HashMap<TieIx, Id>) {
    let mut stmts: BTreeMap<String, Vec<Stmt>> = BTreeMap::new();
    let mut spined = HashMap::new();
    for (c, column) in columns.iter().enumerate() {
        let Some(&parent) = positions.get(&column.parent) else {
            continue;
        };
        let style = column.kind.style();
        let stmts = stmts.entry(column.frame.clone()).or_default();
        let mut above = unit_id(parent);
        for (r, &(tie, leaf)) in column.leaves.iter().enumerate() {
            let Some(&leaf) = positions.get(&leaf) else {
                continue;
            };
            let point = quoted(&format!("s{c}_{r}"));
            stmts.push(Stmt::Node(Node::new(
                NodeId(point.clone(), None),
                vec![
                    attr("shape", plain("point")),
                    attr("width", plain("0.03")),
                    attr("height", plain("0.03")),
                    attr("label", quoted("")),
                    attr("color", quoted(style.colour)),
                    attr("group", quoted(&format!("s{c}"))),
                ],
            )));
            stmts.push(Stmt::Subgraph(Subgraph {
                id: quoted(&format!("row_s{c}_{r}")),
                stmts: vec![
                    Stmt::GAttribute(GraphAttributes::Graph(vec![attr("rank", plain("same"))])),
                    Stmt::Node(Node::new(NodeId(point.clone(), None), vec![])),
                    Stmt::Node(Node::new(NodeId(unit_id(leaf), None), vec![])),
                ],
            }));
            let mut segment = line(style.line, style.colour);
            segment.push(attr("dir", plain("none")));
            segment.push(attr("weight", plain("50")));
            stmts.push(Stmt::Edge(edge(&above, &point, segment)));
            spined.insert(tie, point.clone());
            above = point;
        }
    }
    (stmts, spined)
}

/// A unit's node: its shape, fill and outline, its label, its tooltip, its link when the chart
/// has a link base, and its id in SVG (`unit-` and the unit's id, a slug, unless longer than
/// [`LONGEST_ID`]), for pages and style sheets that address units.
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
    if let Some(outside) = &look.outside {
        markup.push(small(&html(outside), OUTSIDE));
    }
    let mut attributes = vec![attr("label", html_label(&markup.join("<BR/>")))];
    attributes.extend(shape(&look));
    if unit.id.as_str().len() <= LONGEST_ID {
        attributes.push(attr("id", quoted(&format!("unit-{}", unit.id.value))));
    }
    attributes.push(attr("tooltip", escaped(&look.tooltip)));
    if let Some(link) = unit_link(chart, unit) {
        // Graphviz writes the link into the SVG as it is: its `&` must be an entity there.
        attributes.push(attr("URL", quoted(&link.replace('&', "&amp;"))));
        attributes.push(attr("target", quoted("_top")));
    }
    Node::new(NodeId(unit_id(position), None), attributes)
}

/// The settings of a frame: its label (markup), in this size, at its top or bottom (`at`:
/// `t` or `b`), outlined in this style.
fn frame_settings(label: &str, size: &'static str, style: &str, at: &'static str) -> Vec<Stmt> {
    vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("label", html_label(label)),
        attr("fontsize", plain(size)),
        attr("labelloc", plain(at)),
        attr("labeljust", plain("l")),
        attr("peripheries", plain("1")),
        attr("style", quoted(style)),
        attr("color", quoted(MUTED)),
        attr("margin", plain("8")),
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

/// A description's text as a double-quoted DOT string for an attribute Graphviz expands twice
/// (a tooltip: `\\N` in DOT would show the node's name): every backslash doubled before
/// [`quoted`] doubles it again, so that it shows as one.
fn escaped(text: &str) -> Id {
    quoted(&text.replace('\\', "\\\\"))
}

/// The attributes that draw a unit's shape: Graphviz's shape, its style (filled, rounded, dashed
/// or dotted), fill (graded to white from the top, for a graded pattern) and outline colours,
/// and its border (a second periphery for a double one, a thicker pen for a bold one or a unit a
/// proposal touches).
fn shape(look: &Look) -> Vec<Attribute> {
    let (name, rounded) = match look.shape {
        Shape::Box3d => ("box3d", false),
        Shape::RoundedBox => ("box", true),
        Shape::Box => ("box", false),
        Shape::Tab => ("tab", false),
        Shape::Ellipse => ("ellipse", false),
        Shape::Hexagon => ("hexagon", false),
    };
    let mut style = vec!["filled"];
    if rounded {
        style.push("rounded");
    }
    style.extend(line_style(look.outline));
    let fill = match look.pattern {
        FillPattern::Plain => look.fill.to_owned(),
        FillPattern::Graded => format!("{}:#FFFFFF", look.fill),
    };
    let mut attributes = vec![
        attr("shape", plain(name)),
        attr("style", quoted(&style.join(","))),
        attr("fillcolor", quoted(&fill)),
        attr("color", quoted(look.stroke)),
    ];
    if look.pattern == FillPattern::Graded {
        attributes.push(attr("gradientangle", plain("270")));
    }
    if look.border == Border::Double {
        attributes.push(attr("peripheries", plain("2")));
    }
    if look.change.is_some() {
        attributes.push(attr("penwidth", plain("2.5")));
    } else if look.border == Border::Bold {
        attributes.push(attr("penwidth", plain("2.4")));
    }
    attributes
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
