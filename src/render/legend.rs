//! The legend of a chart: a sample of each unit kind and each tie kind the chart draws, and only
//! those.
//!
//! It is an HTML-like table drawn as the label of a cluster around the whole chart, at its
//! bottom: a label takes no part in the layout, so the legend never stretches the chart's ranks,
//! as sample nodes among the units would. Units are shown as swatches of their fill and outline
//! (rounded for line units and posts), ties as a short line of their colour and style with their
//! arrowhead, drawn with box-drawing and geometric characters.

use std::collections::HashSet;

use super::Chart;
use super::changes::Change;
use super::quote::html;
use crate::graph::{OrgGraph, TieIx};
use crate::model::{Arrowhead, Lang, LineStyle, Shape, TieKind, UnitKind};
use crate::tr;

/// Unit kinds per row of the legend.
const UNIT_COLUMNS: usize = 4;
/// Tie kinds per row of the legend: fewer, their labels are longer.
const TIE_COLUMNS: usize = 3;

/// The unit kinds the chart draws, in the vocabulary's order.
pub(super) fn unit_kinds(graph: &OrgGraph, chart: &Chart) -> Vec<UnitKind> {
    let present: HashSet<UnitKind> = chart
        .units
        .iter()
        .map(|&ix| graph.unit(ix).kind.value)
        .collect();
    UnitKind::ALL
        .iter()
        .copied()
        .filter(|k| present.contains(k))
        .collect()
}

/// The kinds of `ties`, in the vocabulary's order: of the ties a chart draws, for its legend.
pub(super) fn tie_kinds(graph: &OrgGraph, ties: &[TieIx]) -> Vec<TieKind> {
    let present: HashSet<TieKind> = ties.iter().map(|&ix| graph.tie(ix).kind.value).collect();
    TieKind::ALL
        .iter()
        .copied()
        .filter(|k| present.contains(k))
        .collect()
}

/// The legend as the markup of an HTML-like label (without the outer `<…>`), or nothing for an
/// empty chart.
pub(super) fn markup(graph: &OrgGraph, chart: &Chart) -> Option<String> {
    let units = unit_kinds(graph, chart);
    let ties = tie_kinds(graph, &chart.ties);
    let changes = chart.changes.present();
    if units.is_empty() && ties.is_empty() {
        return None;
    }
    let lang = chart.lang;
    let columns = 2 * UNIT_COLUMNS.max(TIE_COLUMNS);
    let mut rows = vec![format!(
        r#"<TR><TD ALIGN="LEFT" COLSPAN="{columns}"><FONT POINT-SIZE="11"><B>{}</B></FONT></TD></TR>"#,
        html(&tr!(lang, "chart-legend"))
    )];
    let unit_cells: Vec<String> = units.iter().map(|&kind| unit_sample(kind, lang)).collect();
    rows.extend(
        unit_cells
            .chunks(UNIT_COLUMNS)
            .map(|cells| row(cells, columns)),
    );
    let tie_cells: Vec<String> = ties.iter().map(|&kind| tie_sample(kind, lang)).collect();
    rows.extend(
        tie_cells
            .chunks(TIE_COLUMNS)
            .map(|cells| row(cells, columns)),
    );
    let change_cells: Vec<String> = changes
        .iter()
        .map(|&change| change_sample(change, lang))
        .collect();
    rows.extend(
        change_cells
            .chunks(UNIT_COLUMNS)
            .map(|cells| row(cells, columns)),
    );
    Some(format!(
        r##"<TABLE BORDER="1" COLOR="#999999" STYLE="rounded" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">{}</TABLE>"##,
        rows.concat()
    ))
}

/// A row of samples, the last cell spanning what the row leaves of the table's columns.
fn row(cells: &[String], columns: usize) -> String {
    let used = 2 * cells.len();
    let filler = if used < columns {
        format!(r#"<TD COLSPAN="{}"></TD>"#, columns - used)
    } else {
        String::new()
    };
    format!("<TR>{}{filler}</TR>", cells.concat())
}

/// Two cells: a swatch of the kind's fill and outline, and the kind's name in `lang`.
fn unit_sample(kind: UnitKind, lang: Lang) -> String {
    let style = kind.style();
    let rounded = match style.shape {
        Shape::RoundedBox | Shape::Ellipse => r#" STYLE="rounded""#,
        Shape::Box3d | Shape::Hexagon => "",
    };
    format!(
        r#"<TD><TABLE BORDER="1"{rounded} CELLBORDER="0" CELLSPACING="0" BGCOLOR="{}" COLOR="{}"><TR><TD WIDTH="22" HEIGHT="11" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">{}</TD>"#,
        style.fill,
        style.stroke,
        html(kind.label_in(lang))
    )
}

/// Two cells: a short line of the kind's style and colour ending with its arrowhead, and how the
/// tie reads in `lang`.
fn tie_sample(kind: TieKind, lang: Lang) -> String {
    let style = kind.style();
    let line = match style.line {
        LineStyle::Solid => '─',
        LineStyle::Bold => '━',
        LineStyle::Dashed => '╌',
        LineStyle::Dotted => '┈',
    };
    let head = match style.arrowhead {
        Arrowhead::None => line,
        Arrowhead::Normal => '▶',
        Arrowhead::Empty => '▷',
        Arrowhead::Vee => '❯',
        Arrowhead::Dot => '●',
        Arrowhead::EmptyDot => '○',
        Arrowhead::EmptyDiamond => '◇',
    };
    format!(
        r#"<TD ALIGN="RIGHT"><FONT COLOR="{}">{line}{line}{line}{head}</FONT></TD><TD ALIGN="LEFT">{}</TD>"#,
        style.colour,
        html(kind.verb_in(lang))
    )
}

/// Two cells: a swatch outlined in the change's colour, and what the proposal does, in `lang`.
fn change_sample(change: Change, lang: Lang) -> String {
    format!(
        r##"<TD><TABLE BORDER="2" STYLE="rounded" CELLBORDER="0" CELLSPACING="0" BGCOLOR="#FFFFFF" COLOR="{}"><TR><TD WIDTH="22" HEIGHT="11" FIXEDSIZE="TRUE"></TD></TR></TABLE></TD><TD ALIGN="LEFT">{}</TD>"##,
        change.colour(),
        html(&tr!(
            lang,
            "chart-by-the-proposal",
            change = change.label_in(lang)
        ))
    )
}
