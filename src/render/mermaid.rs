//! A chart as a Mermaid flowchart, for pages that render Mermaid (GitHub, GitLab, wikis).
//!
//! Mermaid draws links from their first node to their second, so a hierarchical tie is written
//! superior first, with no arrowhead; each tie keeps its colour and line style (`linkStyle`) and
//! each unit its kind's shape and colours (`classDef`). Names are escaped with Mermaid's entity
//! codes (`#quot;`, `#lt;`…), so no name can end a label or inject markup. No legend: Mermaid has
//! nothing to draw one with.

use std::fmt::Write as _;

use super::arrange::columns;
use super::legend::unit_kinds;
use super::look::Look;
use super::{Bridge, Chart};
use crate::graph::{OrgGraph, UnitIx};
use crate::model::{Arrowhead, LineStyle, Shape, UnitKind};
use crate::tr;

/// The chart as Mermaid text, ending with a line break. Same graph and chart, same bytes. Linear
/// in the size of the chart.
pub fn to_mermaid(graph: &OrgGraph, chart: &Chart) -> String {
    let mut out = String::new();
    // The title goes in the front matter, a YAML double-quoted string (JSON's escapes are
    // YAML's).
    let title = serde_json::Value::String(chart.title.clone());
    let _ = writeln!(out, "---\ntitle: {title}\n---");
    let direction = if chart.view.is_left_to_right() {
        "LR"
    } else {
        "TB"
    };
    let _ = writeln!(out, "flowchart {direction}");
    let positions = chart.positions();
    let mut marked = Vec::new();
    let mut node = |out: &mut String, indent: &str, position: usize, ix: UnitIx| {
        let look = Look::in_chart(graph, ix, chart);
        let (open, close) = match look.shape {
            Shape::Box3d => ("[[", "]]"),
            Shape::RoundedBox => ("(", ")"),
            Shape::Ellipse => ("([", "])"),
            Shape::Hexagon => ("{{", "}}"),
        };
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
    let mut link_styles = Vec::new();
    for &ix in &chart.ties {
        let (from, to) = chart.ends(graph, ix);
        let (Some(&from), Some(&to)) = (positions.get(&from), positions.get(&to)) else {
            continue;
        };
        let kind = graph.tie(ix).kind.value;
        let style = kind.style();
        let (first, second, head) = if kind.is_hierarchical() {
            (to, from, "")
        } else {
            let head = match style.arrowhead {
                Arrowhead::None => "",
                Arrowhead::Dot | Arrowhead::EmptyDot => "o",
                Arrowhead::Normal | Arrowhead::Empty | Arrowhead::Vee | Arrowhead::EmptyDiamond => {
                    ">"
                }
            };
            (from, to, head)
        };
        let body = match (style.line, head.is_empty()) {
            (LineStyle::Solid, true) => "---".to_owned(),
            (LineStyle::Solid, false) => format!("--{head}"),
            (LineStyle::Bold, true) => "===".to_owned(),
            (LineStyle::Bold, false) => format!("=={head}"),
            (LineStyle::Dashed | LineStyle::Dotted, _) => format!("-.-{head}"),
        };
        let _ = writeln!(out, "  u{first} {body} u{second}");
        let width = if style.line == LineStyle::Bold {
            2.5
        } else {
            1.2
        };
        link_styles.push(format!("stroke:{},stroke-width:{width}px", style.colour));
    }
    // A bridge is a dotted grey link saying how many hidden units it crosses, superior first.
    for bridge in &chart.bridges {
        let (Some(&from), Some(&to)) = (positions.get(&bridge.from), positions.get(&bridge.to))
        else {
            continue;
        };
        let label = escape(&bridge.label(chart.lang));
        let _ = writeln!(out, "  u{to} -.-|\"{label}\"| u{from}");
        link_styles.push(format!(
            "stroke:{},stroke-width:1.2px,stroke-dasharray:5 3",
            Bridge::COLOUR
        ));
    }
    // Unattached units stack in short columns, by links Mermaid does not draw; they come after
    // every drawn link, so that `linkStyle` counts only those.
    for framed in &frames {
        for column in columns(&framed.unattached) {
            for pair in column.windows(2) {
                let _ = writeln!(out, "  u{} ~~~ u{}", pair[0].0, pair[1].0);
            }
        }
    }
    for kind in unit_kinds(graph, chart) {
        let style = kind.style();
        let _ = writeln!(
            out,
            "  classDef {} fill:{},stroke:{},color:#1A1A1A",
            class(kind),
            style.fill,
            style.stroke
        );
        let members: Vec<String> = chart
            .units
            .iter()
            .enumerate()
            .filter(|&(_, &ix)| graph.unit(ix).kind.value == kind)
            .map(|(i, _)| format!("u{i}"))
            .collect();
        let _ = writeln!(out, "  class {} {}", members.join(","), class(kind));
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
    out
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
    use super::escape;

    #[test]
    fn names_cannot_end_a_label_or_inject_markup() {
        assert_eq!(
            escape("\"a\" <b>#1</b> & `x`\nnext\u{7}"),
            "#quot;a#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;x#96;<br/>next "
        );
    }
}
