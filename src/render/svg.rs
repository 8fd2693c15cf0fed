//! What hovering a unit or a tie of an SVG chart shows, and where clicking a unit leads.
//!
//! Graphviz titles each node and edge of its SVG with its name in DOT (`u12`, `u3->u5`), and
//! that `<title>` is what browsers show on hovering; the tooltips given in the DOT only go into
//! the `xlink:title` of a link around the shape, which not every browser shows. So the titles
//! of units and ties are rewritten here with their tooltips ([`Hovers`]). The built-in layout
//! (layout-rs) writes no title and no link: each unit's and tie's group is given its title
//! here, and each unit's group its link when the chart has a link base.

use std::fmt::Write as _;

use super::Chart;
use super::look::{Look, tie_tooltip, unit_link};
use super::quote::entities;
use crate::graph::OrgGraph;

/// The tooltips and links of a chart's units and ties.
pub(super) struct Hovers {
    /// Each unit's tooltip and link, by position in [`Chart::units`].
    units: Vec<(String, Option<String>)>,
    /// Each tie's tooltip, by position in [`Chart::ties`].
    ties: Vec<String>,
}

impl Hovers {
    /// The tooltips and links of `chart`'s units and ties.
    pub(super) fn of(graph: &OrgGraph, chart: &Chart) -> Hovers {
        let units = chart
            .units
            .iter()
            .map(|&ix| {
                let tooltip = Look::in_chart(graph, ix, chart).tooltip;
                (tooltip, unit_link(chart, graph.unit(ix)))
            })
            .collect();
        let ties = chart
            .ties
            .iter()
            .map(|&ix| tie_tooltip(graph, ix, chart.lang))
            .collect();
        Hovers { units, ties }
    }
}

/// Graphviz's SVG of a chart with the titles of its units (`<title>u12</title>`, the name of
/// their node) and ties (in the group whose id is `tie-N`, as [`super::dot`] names them)
/// rewritten as their tooltips. Graphviz writes each `<title>` on the line after its group's.
pub(super) fn titled(svg: &str, hovers: &Hovers) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut group: Option<&str> = None;
    for line in svg.split_inclusive('\n') {
        let title = line
            .strip_prefix("<title>")
            .and_then(|rest| rest.trim_end().strip_suffix("</title>"));
        let tooltip = match (group.take(), title) {
            (Some(group), Some(title)) if group.ends_with("class=\"node\">") => title
                .strip_prefix('u')
                .and_then(|at| at.parse::<usize>().ok())
                .and_then(|at| hovers.units.get(at))
                .map(|(tooltip, _)| tooltip),
            (Some(group), Some(_)) => group
                .strip_prefix("<g id=\"tie&#45;")
                .and_then(|rest| rest.split_once('"'))
                .and_then(|(at, _)| at.parse::<usize>().ok())
                .and_then(|at| hovers.ties.get(at)),
            _ => None,
        };
        match tooltip {
            Some(tooltip) => {
                let _ = writeln!(out, "<title>{}</title>", entities(tooltip));
            }
            None => out.push_str(line),
        }
        if line.starts_with("<g id=\"") {
            group = Some(line.trim_end());
        }
    }
    out
}

/// The attributes that name the group of the unit at `position` in the built-in layout's SVG,
/// for [`annotated`] to find it.
pub(super) fn unit_group(position: usize) -> String {
    format!("class=\"unit\" id=\"u{position}\"")
}

/// The attributes that name the group of the tie at `position` in the built-in layout's SVG.
pub(super) fn tie_group(position: usize) -> String {
    format!("class=\"tie\" id=\"t{position}\"")
}

/// The built-in layout's SVG with a `<title>` in the group of each unit and tie (named by
/// [`unit_group`] and [`tie_group`]), and each unit's group inside a link to its page when it
/// has one. Its texts are drawn over the shapes, outside their groups: they let the pointer
/// through, so that hovering or clicking a unit's text is hovering or clicking the unit.
pub(super) fn annotated(svg: &str, hovers: &Hovers) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 4);
    let mut rest = svg;
    if let Some(end) = rest.find("<defs>") {
        out.push_str(&rest[..end]);
        out.push_str("<style>text { pointer-events: none; }</style>\n");
        rest = &rest[end..];
    }
    while let Some(start) = rest.find("<g class=\"") {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..=end];
        rest = &rest[end + 1..];
        let at = |prefix: &str| {
            tag.strip_prefix(prefix)
                .and_then(|r| r.strip_suffix("\">"))
                .and_then(|n| n.parse::<usize>().ok())
        };
        let (title, link) = if let Some(unit) = at("<g class=\"unit\" id=\"u") {
            match hovers.units.get(unit) {
                Some((title, link)) => (Some(title), link.as_deref()),
                None => (None, None),
            }
        } else {
            (
                at("<g class=\"tie\" id=\"t").and_then(|t| hovers.ties.get(t)),
                None,
            )
        };
        if let Some(link) = link {
            let _ = write!(out, "<a href=\"{}\" target=\"_top\">", entities(link));
        }
        out.push_str(tag);
        if let Some(title) = title {
            let _ = write!(out, "<title>{}</title>", entities(title));
        }
        if link.is_some()
            && let Some(close) = rest.find("</g>")
        {
            out.push_str(&rest[..close + 4]);
            out.push_str("</a>");
            rest = &rest[close + 4..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hovers() -> Hovers {
        Hovers {
            units: vec![
                ("A & B — bureau".to_owned(), None),
                ("C — team".to_owned(), Some("/u/c?x=1&y=2".to_owned())),
            ],
            ties: vec!["cooperation: A → C".to_owned()],
        }
    }

    #[test]
    fn graphviz_titles_of_units_and_ties_become_their_tooltips() {
        let svg = "<g id=\"graph0\" class=\"graph\">\n<title>organigram</title>\n\
                   <g id=\"unit&#45;a\" class=\"node\">\n<title>u0</title>\n</g>\n\
                   <g id=\"node2\" class=\"node\">\n<title>u1</title>\n</g>\n\
                   <g id=\"tie&#45;0\" class=\"edge\">\n<title>u0&#45;&gt;u1</title>\n</g>\n\
                   <g id=\"edge9\" class=\"edge\">\n<title>u1&#45;&gt;u0</title>\n</g>\n";
        assert_eq!(
            titled(svg, &hovers()),
            "<g id=\"graph0\" class=\"graph\">\n<title>organigram</title>\n\
             <g id=\"unit&#45;a\" class=\"node\">\n<title>A &amp; B — bureau</title>\n</g>\n\
             <g id=\"node2\" class=\"node\">\n<title>C — team</title>\n</g>\n\
             <g id=\"tie&#45;0\" class=\"edge\">\n<title>cooperation: A → C</title>\n</g>\n\
             <g id=\"edge9\" class=\"edge\">\n<title>u1&#45;&gt;u0</title>\n</g>\n"
        );
    }

    #[test]
    fn the_built_in_layout_s_groups_get_titles_and_links() {
        let svg = format!(
            "<svg><defs></defs><g {}>\n<rect/>\n</g>\n<text>A</text><g {}>\n<rect/>\n</g>\n\
             <g {}>\n<path/>\n</g>\n</svg>",
            unit_group(0),
            unit_group(1),
            tie_group(0)
        );
        assert_eq!(
            annotated(&svg, &hovers()),
            "<svg><style>text { pointer-events: none; }</style>\n<defs></defs>\
             <g class=\"unit\" id=\"u0\"><title>A &amp; B — bureau</title>\n<rect/>\n</g>\n\
             <text>A</text><a href=\"/u/c?x=1&amp;y=2\" target=\"_top\">\
             <g class=\"unit\" id=\"u1\"><title>C — team</title>\n<rect/>\n</g></a>\n\
             <g class=\"tie\" id=\"t0\"><title>cooperation: A → C</title>\n<path/>\n</g>\n</svg>"
        );
    }
}
