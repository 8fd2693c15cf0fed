//! A chart as a Mermaid flowchart, for pages that render Mermaid (GitHub, GitLab, wikis).
//!
//! Mermaid draws links from their first node to their second, so a hierarchical tie is written
//! superior first, with no arrowhead; every other tie is labelled with its kind, so that
//! cooperation, coordination and secretariat read apart. Each tie keeps its colour, width and
//! dashes (`linkStyle`), each unit its kind's shape and colours (`classDef`, one class per kind),
//! and the legend is a subgraph of samples: one node per unit kind drawn, one labelled link per
//! tie kind drawn. Mermaid has no double border and no graded fill: a double border is drawn
//! thicker than a bold one, and a graded fill lighter than the family's. With a link base,
//! each unit is a link (`click … href`), which Mermaid follows only with its `securityLevel`
//! set to `loose`: its default, and GitHub, leave links out. Names are escaped with Mermaid's entity codes
//! (`#quot;`, `#lt;`…), so no name can end a label or inject markup.

use std::fmt::Write as _;

use super::arrange::stacks;
use super::legend::{tie_kinds, unit_kinds};
use super::look::{Look, unit_link};
use super::{Bridge, Chart};
use crate::graph::{OrgGraph, UnitIx};
use crate::model::{
    Arrowhead, Border, FillPattern, LineStyle, Shape, TEXT_COLOUR, TieKind, UnitKind,
};
use crate::tr;

/// Unit kinds per row of the legend.
const LEGEND_COLUMNS: usize = 4;
/// How a bridge's link is drawn: dashed, in the bridges' grey.
const BRIDGE_STYLE: &str = "stroke-width:1.2px,stroke-dasharray:5 3";

/// The chart as Mermaid text, ending with a line break. Same graph and chart, same bytes. Linear
/// in the size of the chart.
pub fn to_mermaid(graph: &OrgGraph, chart: &Chart) -> String {
    let mut out = String::new();
    // The title goes in the front matter, a YAML double-quoted string (JSON's escapes are
    // YAML's).
    let title = serde_json::Value::String(chart.title.clone());
    let _ = writeln!(out, "---\ntitle: {title}\n---");
    let direction = if chart.is_left_to_right() { "LR" } else { "TB" };
    let _ = writeln!(out, "flowchart {direction}");
    let positions = chart.positions();
    let mut marked = Vec::new();
    let mut node = |out: &mut String, indent: &str, position: usize, ix: UnitIx| {
        let look = Look::in_chart(graph, ix, chart);
        let (open, close) = brackets(look.shape);
        let _ = writeln!(out, "{indent}u{position}{open}\"{}\"{close}", label(&look));
        // A unit's state (vacant, being set up, dissolved) shows in its outline, and in its
        // fill for some: both are set apart from its kind's class.
        if look.outline != LineStyle::Solid {
            marked.push((position, look));
        }
    };
    let frames = chart.frames(graph);
    for framed in &frames {
        let key = framed.key();
        let _ = writeln!(out, "  subgraph o{key}[\"{}\"]", escape(&framed.label));
        for &(position, ix) in &framed.attached {
            node(&mut out, "    ", position, ix);
        }
        let nested = framed.nests_unattached();
        let indent = if nested {
            let _ = writeln!(
                out,
                "    subgraph o{key}u[\"{}\"]",
                escape(&tr!(chart.lang, "chart-unattached"))
            );
            "      "
        } else {
            "    "
        };
        for &(position, ix) in &framed.unattached {
            node(&mut out, indent, position, ix);
        }
        if nested {
            let _ = writeln!(out, "    end");
        }
        let _ = writeln!(out, "  end");
    }
    // The style of each link, in the order they are written: `linkStyle` counts them so.
    let mut link_styles = Vec::new();
    for &ix in &chart.ties {
        let (from, to) = chart.ends(graph, ix);
        let (Some(&from), Some(&to)) = (positions.get(&from), positions.get(&to)) else {
            continue;
        };
        let kind = graph.tie(ix).kind.value;
        let (first, second) = if kind.is_hierarchical() {
            (to, from)
        } else {
            (from, to)
        };
        // Hierarchical ties are the chart's lines, as in any org chart: only the others say
        // what they are.
        let label = (!kind.is_hierarchical()).then(|| kind.label_in(chart.lang));
        let _ = writeln!(out, "  u{first} {} u{second}", link(kind, label));
        link_styles.push(link_style(kind));
    }
    // A bridge is a dashed grey link saying how many hidden units it crosses, superior first.
    for bridge in &chart.bridges {
        let (Some(&from), Some(&to)) = (positions.get(&bridge.from), positions.get(&bridge.to))
        else {
            continue;
        };
        let label = escape(&bridge.label(chart.lang));
        let _ = writeln!(out, "  u{to} -.-|\"{label}\"| u{from}");
        link_styles.push(format!("stroke:{},{BRIDGE_STYLE}", Bridge::COLOUR));
    }
    let legend = chart.legend.then(|| legend(graph, chart, &mut link_styles));
    out.push_str(legend.as_deref().unwrap_or_default());
    // Unattached units stack in short columns, by links Mermaid does not draw; they come after
    // every styled link, so that `linkStyle` needs no style for them.
    for framed in &frames {
        for column in stacks(&framed.unattached) {
            for pair in column.windows(2) {
                let _ = writeln!(out, "  u{} ~~~ u{}", pair[0].0, pair[1].0);
            }
        }
    }
    let drawn = unit_kinds(graph, chart);
    for kind in &drawn {
        let style = kind.style();
        let fill = match style.pattern {
            FillPattern::Plain => style.fill.to_owned(),
            FillPattern::Graded => lighter(style.fill),
        };
        let width = match style.border {
            Border::Single => "1.2px",
            Border::Bold => "2.5px",
            Border::Double => "4px",
        };
        let _ = writeln!(
            out,
            "  classDef {} fill:{fill},stroke:{},stroke-width:{width},color:{TEXT_COLOUR}",
            class(*kind),
            style.stroke
        );
        let mut members: Vec<String> = chart
            .units
            .iter()
            .enumerate()
            .filter(|&(_, &ix)| graph.unit(ix).kind.value == *kind)
            .map(|(i, _)| format!("u{i}"))
            .collect();
        if chart.legend {
            members.push(format!("legend_{}", class(*kind)));
        }
        let _ = writeln!(out, "  class {} {}", members.join(","), class(*kind));
    }
    for (position, look) in marked {
        let dashes = match look.outline {
            LineStyle::Dashed => ",stroke-dasharray:5 3",
            LineStyle::Dotted => ",stroke-dasharray:2 2",
            LineStyle::Solid | LineStyle::Bold => "",
        };
        let _ = writeln!(out, "  style u{position} fill:{}{dashes}", look.fill);
    }
    for (i, style) in link_styles.iter().enumerate() {
        let _ = writeln!(out, "  linkStyle {i} {style}");
    }
    for (position, &ix) in chart.units.iter().enumerate() {
        if let Some(link) = unit_link(chart, graph.unit(ix)) {
            let _ = writeln!(out, "  click u{position} href \"{link}\" _top");
        }
    }
    out
}

/// The legend: a subgraph, laid out left to right, with a sample node of each unit kind the
/// chart draws (in rows of [`LEGEND_COLUMNS`], held in line by invisible links) and a labelled
/// sample link of each tie kind it draws, between two blank nodes. Its links' styles are added
/// to `link_styles`, which numbers them after the chart's.
fn legend(graph: &OrgGraph, chart: &Chart, link_styles: &mut Vec<String>) -> String {
    let units = unit_kinds(graph, chart);
    let ties = tie_kinds(graph, &chart.ties);
    let mut out = String::new();
    if units.is_empty() && ties.is_empty() && chart.bridges.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "  subgraph legend[\"{}\"]\n    direction LR",
        escape(&tr!(chart.lang, "chart-legend"))
    );
    for row in units.chunks(LEGEND_COLUMNS) {
        for kind in row {
            let (open, close) = brackets(kind.style().shape);
            let _ = writeln!(
                out,
                "    legend_{}{open}\"{}\"{close}",
                class(*kind),
                escape(kind.label_in(chart.lang))
            );
        }
        let names: Vec<String> = row
            .iter()
            .map(|kind| format!("legend_{}", class(*kind)))
            .collect();
        for pair in names.windows(2) {
            let _ = writeln!(out, "    {} ~~~ {}", pair[0], pair[1]);
            link_styles.push("stroke:none".to_owned());
        }
    }
    for (i, kind) in ties.iter().enumerate() {
        let _ = writeln!(
            out,
            "    legend_tie{i}a[\" \"] {} legend_tie{i}b[\" \"]",
            link(*kind, Some(kind.label_in(chart.lang)))
        );
        link_styles.push(link_style(*kind));
    }
    // Bridges, when the chart draws any, have their own sample, after the tie kinds'.
    let bridged = usize::from(!chart.bridges.is_empty());
    if bridged == 1 {
        let i = ties.len();
        let _ = writeln!(
            out,
            "    legend_tie{i}a[\" \"] -.-|\"{}\"| legend_tie{i}b[\" \"]",
            escape(&tr!(chart.lang, "chart-bridge-legend"))
        );
        link_styles.push(format!("stroke:{},{BRIDGE_STYLE}", Bridge::COLOUR));
    }
    if ties.len() + bridged > 0 {
        let ends: Vec<String> = (0..ties.len() + bridged)
            .flat_map(|i| [format!("legend_tie{i}a"), format!("legend_tie{i}b")])
            .collect();
        let _ = writeln!(out, "    class {} legend_end", ends.join(","));
        let _ = writeln!(
            out,
            "    classDef legend_end fill:#FFFFFF,stroke:#999999,stroke-width:1px"
        );
    }
    let _ = writeln!(out, "  end");
    out
}

/// The brackets of a shape in Mermaid: `[[…]]` for an organisation's box in depth, `(…)` for a
/// rounded box, `>…]` (a flag) for a tab.
fn brackets(shape: Shape) -> (&'static str, &'static str) {
    match shape {
        Shape::Box3d => ("[[", "]]"),
        Shape::RoundedBox => ("(", ")"),
        Shape::Box => ("[", "]"),
        Shape::Tab => (">", "]"),
        Shape::Ellipse => ("([", "])"),
        Shape::Hexagon => ("{{", "}}"),
    }
}

/// A link of a tie kind, labelled or not: `---`, `==>`, `-.->|"cooperation"|`. Mermaid has
/// filled arrowheads and circles: a hollow or open arrowhead is a filled one, a hollow disc a
/// filled one.
fn link(kind: TieKind, label: Option<&str>) -> String {
    let style = kind.style();
    let head = match style.arrowhead {
        Arrowhead::None => "",
        Arrowhead::Dot | Arrowhead::EmptyDot => "o",
        Arrowhead::Normal | Arrowhead::Empty | Arrowhead::Vee | Arrowhead::EmptyDiamond => ">",
    };
    // A hierarchical tie is drawn from its superior, whose end the arrowhead is at: Mermaid
    // draws arrowheads at the second node only, so a hierarchical tie has none.
    let head = if kind.is_hierarchical() { "" } else { head };
    let body = match (style.line, head.is_empty()) {
        (LineStyle::Solid, true) => "---".to_owned(),
        (LineStyle::Solid, false) => format!("--{head}"),
        (LineStyle::Bold, true) => "===".to_owned(),
        (LineStyle::Bold, false) => format!("=={head}"),
        (LineStyle::Dashed | LineStyle::Dotted, _) => format!("-.-{head}"),
    };
    match label {
        Some(label) => format!("{body}|\"{}\"|", escape(label)),
        None => body,
    }
}

/// The `linkStyle` of a tie kind: its colour, its width (thicker when bold) and its dashes.
fn link_style(kind: TieKind) -> String {
    let style = kind.style();
    let (width, dashes) = match style.line {
        LineStyle::Solid => ("1.2", ""),
        LineStyle::Bold => ("2.5", ""),
        LineStyle::Dashed => ("1.2", ",stroke-dasharray:6 3"),
        LineStyle::Dotted => ("1.2", ",stroke-dasharray:1.5 3"),
    };
    format!("stroke:{},stroke-width:{width}px{dashes}", style.colour)
}

/// A `#rrggbb` colour halfway to white, for the graded fills Mermaid cannot draw.
fn lighter(hex: &str) -> String {
    let channel = |at: usize| {
        let c = hex
            .get(at..at + 2)
            .and_then(|c| u8::from_str_radix(c, 16).ok())
            .unwrap_or(u8::MAX);
        c + (u8::MAX - c) / 2
    };
    format!("#{:02X}{:02X}{:02X}", channel(1), channel(3), channel(5))
}

/// The class of a unit kind: its name with underscores, which Mermaid takes in class names.
fn class(kind: UnitKind) -> String {
    kind.as_str().replace('-', "_")
}

/// A unit's label: bold acronym, name, small italic caption, the parent mark.
fn label(look: &Look) -> String {
    let mut lines = Vec::new();
    if let Some(acronym) = &look.acronym {
        lines.push(format!("<b>{}</b>", escape(acronym)));
    }
    lines.extend(look.name.iter().map(|line| escape(line)));
    lines.push(format!("<small><i>{}</i></small>", escape(&look.caption)));
    lines.extend(
        look.head
            .iter()
            .map(|line| format!("<small>{}</small>", escape(line))),
    );
    if let Some(outside) = &look.outside {
        lines.push(format!("<small>{}</small>", escape(outside)));
    }
    lines.join("<br/>")
}

/// Text for inside a quoted Mermaid label: the characters that could end the label, start an
/// entity code, a Markdown string or a tag, as Mermaid's entity codes; a line break as `<br/>`;
/// control characters as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br/>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, lighter};

    #[test]
    fn graded_fills_are_drawn_halfway_to_white() {
        assert_eq!(lighter("#D9F0EA"), "#ECF7F4");
        assert_eq!(lighter("#000000"), "#7F7F7F");
    }

    #[test]
    fn names_cannot_end_a_label_or_inject_markup() {
        assert_eq!(
            escape("\"a\" <b>#1</b> & `x`\nnext\u{7}"),
            "#quot;a#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96;<br/>next "
        );
    }
}
