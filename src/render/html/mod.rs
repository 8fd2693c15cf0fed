//! A chart as one self-contained, interactive HTML page ([`to_html`]): the hierarchy as a tree
//! that folds, zooms and pans, a search as you type, a card per unit with its sources and their
//! quotes, the other ties on demand, the legend, a proposal's changes, export as SVG and PNG and
//! a print style sheet. It opens from disk, offline: it makes no network request (its content
//! security policy forbids any), and every script, style and icon is inline.
//!
//! The page's script and style are ours, written for this page (`page.js`, `page.css`, in
//! `page.html`), with no library: d3-org-chart and `OrgChart` JS assume a strict tree, so they hide
//! or duplicate a unit with two parents (a joint attachment, a line authority besides the
//! attachment); d3 alone weighs about 280 KB; and a page we own has no licence to keep beside it
//! and nothing to update.
//!
//! The chart's data ([`Page`], built by [`page`]) is serialised by `serde_json` into a script of
//! type `application/json`, with `<`, `>`, `&`, U+2028 and U+2029 written as JSON escapes
//! (`\u003c`…), so that no text of a description can close the script or open markup. The
//! script reads every text into the page as text (`textContent`, `createElementNS`), never as
//! markup.
//!
//! The page lays out what is expanded only, in time linear in it, and makes an element only for
//! a visible unit: it opens with the roots and as many levels as keep it under a few hundred
//! units, so the GOV.UK register and a 10,000-unit description become interactive in well
//! under two seconds. A unit's children are laid out in a row, except its leaves, which stack
//! in columns under it. A unit with several hierarchical parents is drawn once, under its
//! [`PageUnit::parent`], with its other parents' ties drawn to it when both ends are visible,
//! a mark on its box, and every parent listed in its card.
//!
//! # The page's contract, which its browser tests rely on
//!
//! - Data: `<script type="application/json" id="organigram-data">` holds [`Page`]: units by
//!   `data.units[i].id`, ties naming their ends by position in `data.units` (`from`, `to`), the
//!   look and labels of each kind in `data.legend`; a field with no value (`null`, `false`, an
//!   empty list) is left out. The page exposes `window.organigram = { data, ready, readyAt,
//!   select(id), search(text) }` (`data` the parsed object; `readyAt` the `performance.now()`
//!   at ready, also in `document.documentElement.dataset.readyAt`; `select` returns whether the
//!   id names a unit of the chart, `search` the ids matched, best first). When the chart is
//!   drawn and every handler attached, `window.organigram.ready === true` and
//!   `document.documentElement.dataset.ready === "true"`.
//! - Each drawn unit is an element `[data-unit="ID"]` (ID: the unit's id in the description),
//!   present only while it is visible (a folded-away unit has no element), with
//!   `data-expanded="true|false"`. Its fold toggle, when it has children, is
//!   `[data-unit="ID"] [data-action="toggle"]`. The texts of a box (its `<text>` elements) are
//!   drawn once it is in view at a zoom where they can be read (at least 0.3).
//! - Toolbar: `[data-action="expand-all"]`, `[data-action="collapse-all"]`, `#depth` (a
//!   `<select>`: collapse to a depth), `[data-action="fit"]`, `[data-action="zoom-in"]`,
//!   `[data-action="zoom-out"]`, `[data-action="export-svg"]`, `[data-action="export-png"]`,
//!   `[data-action="legend"]`, `[data-action="show-ties"]` (the selected unit's other ties;
//!   `aria-pressed` says whether they are shown), and, with a proposal,
//!   `[data-action="changes"]`.
//! - Search: `<input id="search">`, on `input` events; matching units get the class `match`,
//!   the current one also `current`, and it is expanded into view; Enter goes to the next match;
//!   `#results` lists them as `[data-unit-link="ID"]`.
//! - Selection: a click on a unit's element selects it (class `selected`) and fills `<aside
//!   id="card">` (hidden when nothing is selected): `[data-field="name"]`,
//!   `[data-field="kind"]`, `[data-field="head"]`, `[data-field="organisation"]`, the facts as
//!   `[data-field="KEY"]` ([`Attribute::key`]), the parents, children and partners as
//!   `a[data-unit-link="ID"]`, a click on which selects that unit, and the sources as `#card
//!   .source`, each with its quote in `.quote`. The address becomes `#unit=ID`; opening the page
//!   with `#unit=ID` selects and reveals the unit. Escape closes the card.
//! - Ties: the hierarchical ties drawn are SVG elements `[data-tie]` with `data-kind` (the tie
//!   kind's id: `attachment`, `line-authority`, `joint-attachment`…), `data-from` and `data-to`
//!   (unit ids); a unit's other ties, when shown, are `[data-tie]` too, with `data-other`.
//! - Proposal: units and ties a proposal touches carry `data-change="added|removed|moved|changed"`.

mod data;
#[cfg(test)]
mod tests;

pub use data::{
    Attribute, ChangeSample, Cite, Frame, Head, Legend, Named, Page, PageLook, PageSource, PageTie,
    PageUnit, Strings, TieLook, TieSample, UnitSample, page,
};

use super::Chart;
use super::quote::entities;
use crate::graph::OrgGraph;

/// The page around the chart: `{{lang}}`, `{{title}}`, `{{style}}`, `{{data}}` and `{{script}}`
/// are filled in by [`to_html`].
const TEMPLATE: &str = include_str!("page.html");
/// The page's style sheet, screen and print.
const STYLE: &str = include_str!("page.css");
/// The page's script: it reads the data and draws the chart.
const SCRIPT: &str = include_str!("page.js");

/// The chart as one HTML page, ending with a line break. Same graph and chart, same bytes.
/// Linear in the size of the chart.
pub fn to_html(graph: &OrgGraph, chart: &Chart) -> String {
    let data = script_json(&page(graph, chart));
    let lang = chart.lang.as_str();
    let title = entities(&chart.title);
    fill(
        TEMPLATE,
        &[
            ("lang", lang),
            ("title", &title),
            ("style", STYLE),
            ("data", &data),
            ("script", SCRIPT),
        ],
    )
}

/// `template` with each `{{name}}` replaced by its value, in one pass: a value is never read
/// for markers, so a name that spells `{{script}}` stays text. An unknown marker is kept.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|v| v.1.len()).sum::<usize>());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let value = after.find("}}").and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (*value, end + 2))
        });
        if let Some((value, used)) = value {
            out.push_str(value);
            rest = &after[used..];
        } else {
            out.push_str("{{");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The page's data as JSON that can sit inside a `<script>` element: `<`, `>` and `&` as
/// `\u003c`, `\u003e` and `\u0026`, so that no text closes the element or starts a comment,
/// and the line and paragraph separators as `\u2028` and `\u2029`. These characters only occur
/// inside JSON strings, where the escapes mean the same characters.
fn script_json(page: &Page) -> String {
    let json = serde_json::to_string(page).unwrap_or_else(|_| String::from("{}"));
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}
