//! The page's data, built right on small graphs built in code (a unit with two parents drawn
//! once, loops, a proposal's changes, French), the page made inert to hostile names, and the
//! data of the Justice org chart as a snapshot.

use super::super::{Change, ChartOptions, View, chart, proposed};
use super::*;
use crate::graph::testing::{build, description, graph};
use crate::model::{Lang, OrganisationIndex, TieKind::*, UnitKind::*};

/// The chart of `graph` in `view`, in `lang`.
fn chart_of(graph: &OrgGraph, view: View, lang: Lang) -> Chart {
    chart(
        graph,
        &ChartOptions {
            lang,
            ..ChartOptions::new(view)
        },
    )
}

/// The position of the unit `id` among the page's units.
fn at(page: &Page, id: &str) -> usize {
    page.units
        .iter()
        .position(|u| u.id == id)
        .unwrap_or_else(|| panic!("{id} is not on the page"))
}

/// The page's ties as `from kind to`, starred when primary.
fn ties(page: &Page) -> Vec<String> {
    page.ties
        .iter()
        .map(|t| {
            format!(
                "{} {} {}{}",
                page.units[t.from].id,
                t.kind.as_str(),
                page.units[t.to].id,
                if t.primary { " *" } else { "" }
            )
        })
        .collect()
}

#[test]
fn a_unit_with_two_parents_is_drawn_once_under_its_first_with_its_other_tie_kept() {
    let graph = graph(
        &[
            ("min", Ministry),
            ("a", Directorate),
            ("b", Directorate),
            ("x", Service),
            ("y", Bureau),
        ],
        &[
            ("a", Attachment, "min"),
            ("b", Attachment, "min"),
            // Line authority first: the attachment still places the unit.
            ("x", LineAuthority, "b"),
            ("x", Attachment, "a"),
            ("y", JointAttachment, "a"),
            ("y", JointAttachment, "b"),
            ("y", Cooperation, "x"),
        ],
    );
    let page = page(&graph, &chart_of(&graph, View::OrgChart, Lang::En));
    assert_eq!(page.units.iter().filter(|u| u.id == "x").count(), 1);
    assert_eq!(page.units[at(&page, "x")].parent, Some(at(&page, "a")));
    assert_eq!(page.units[at(&page, "y")].parent, Some(at(&page, "a")));
    assert_eq!(page.units[at(&page, "min")].parent, None);
    assert_eq!(
        ties(&page),
        [
            "a attachment min *",
            "b attachment min *",
            "x line-authority b",
            "x attachment a *",
            "y joint-attachment a *",
            "y joint-attachment b",
            // The org chart leaves cooperation for the page to show on demand.
            "y cooperation x",
        ]
    );
    let kinds: Vec<&str> = page.legend.ties.iter().map(|t| t.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "attachment",
            "line-authority",
            "joint-attachment",
            "cooperation"
        ]
    );
    assert!(page.legend.ties[0].hierarchical && !page.legend.ties[3].hierarchical);
}

#[test]
fn a_cooperation_map_is_laid_out_by_the_hierarchy_of_its_units() {
    let graph = graph(
        &[("min", Ministry), ("a", Directorate), ("b", Directorate)],
        &[
            ("a", Attachment, "min"),
            ("b", Attachment, "min"),
            ("a", Cooperation, "b"),
        ],
    );
    let map = page(&graph, &chart_of(&graph, View::Cooperation, Lang::En));
    // Only a and b are tied by cooperation; the hierarchy between them is none.
    assert_eq!(ties(&map), ["a cooperation b"]);
    let graph = build(description(
        &[("min", Ministry), ("a", Directorate), ("b", Bureau)],
        &[
            ("a", Attachment, "min"),
            ("b", Attachment, "a"),
            ("b", Cooperation, "a"),
        ],
    ));
    let page = page(&graph, &chart_of(&graph, View::Cooperation, Lang::En));
    assert_eq!(ties(&page), ["b cooperation a", "b attachment a *"]);
    assert_eq!(page.units[at(&page, "b")].parent, Some(at(&page, "a")));
}

#[test]
fn a_loop_of_bad_data_still_makes_a_tree() {
    let mut diagnostics = Vec::new();
    let graph = OrgGraph::build(
        description(
            &[("a", Directorate), ("b", Directorate), ("c", Bureau)],
            &[
                ("a", Attachment, "b"),
                ("b", Attachment, "a"),
                ("c", Attachment, "c"),
            ],
        ),
        &mut diagnostics,
    );
    let page = page(&graph, &chart_of(&graph, View::OrgChart, Lang::En));
    let parents: Vec<Option<usize>> = page.units.iter().map(|u| u.parent).collect();
    // The first unit of the loop is its top; a tie to oneself places nothing.
    assert_eq!(parents, [None, Some(0), None]);
}

#[test]
fn a_unit_under_a_hidden_level_hangs_from_its_nearest_drawn_superior_by_a_bridge() {
    // DiP A-JUST's case: a project directorate attached to a directorate's director post.
    let graph = graph(
        &[
            ("dsj", Directorate),
            ("director", Post),
            ("dip", ProjectDirectorate),
        ],
        &[
            ("director", Attachment, "dsj"),
            ("dip", Attachment, "director"),
        ],
    );
    let options = ChartOptions {
        unit_kinds: Some(vec![Directorate, ProjectDirectorate]),
        ..ChartOptions::new(View::OrgChart)
    };
    let filtered = page(&graph, &chart(&graph, &options));
    let (dsj, dip) = (at(&filtered, "dsj"), at(&filtered, "dip"));
    assert_eq!(filtered.units[dip].parent, Some(dsj));
    assert_eq!(ties(&filtered), ["dip attachment dsj *"]);
    let via = filtered.ties[0].via.as_deref().unwrap();
    assert!(via.starts_with("via 1 hidden unit: "), "{via}");
    // Without the filter nothing is hidden, and no tie is a bridge.
    let whole = page(&graph, &chart_of(&graph, View::OrgChart, Lang::En));
    assert!(whole.ties.iter().all(|t| t.via.is_none()));
}

#[test]
fn a_head_drawn_inside_its_unit_s_box_is_its_head_and_its_ties_start_from_the_box() {
    let mut description = description(
        &[
            ("min", Ministry),
            ("dir", Directorate),
            ("boss", Post),
            ("other", Directorate),
        ],
        &[
            ("dir", Attachment, "min"),
            ("other", Attachment, "min"),
            ("boss", Head, "dir"),
            ("boss", Cooperation, "other"),
        ],
    );
    if let Some(boss) = description
        .units
        .values_mut()
        .find(|u| u.id.value.as_str() == "boss")
    {
        boss.vacant = Some(crate::model::Spanned::new(
            crate::model::Span::default(),
            true,
        ));
    }
    let graph = build(description);
    let page = page(&graph, &chart_of(&graph, View::OrgChart, Lang::En));
    assert!(page.units.iter().all(|u| u.id != "boss"));
    let dir = &page.units[at(&page, "dir")];
    let head = dir.head.as_ref().unwrap();
    assert_eq!((head.id.as_str(), head.vacant), ("boss", true));
    assert_eq!(dir.look.head, ["head: boss · vacant"]);
    assert_eq!(
        ties(&page),
        [
            "dir attachment min *",
            "other attachment min *",
            "dir cooperation other"
        ]
    );
}

#[test]
fn a_proposal_marks_what_it_adds_removes_moves_and_changes() {
    let before = build(description(
        &[
            ("min", Ministry),
            ("a", Directorate),
            ("b", Directorate),
            ("gone", Bureau),
        ],
        &[
            ("a", Attachment, "min"),
            ("b", Attachment, "min"),
            ("gone", Attachment, "a"),
        ],
    ));
    let mut after = description(
        &[
            ("min", Ministry),
            ("a", Directorate),
            ("b", Directorate),
            ("new", Bureau),
        ],
        &[
            ("a", Attachment, "min"),
            ("b", Attachment, "a"),
            ("new", Attachment, "b"),
        ],
    );
    after.units[0].name = "Renamed".into();
    let (graph, changes) = proposed(&before, &build(after));
    let chart = Chart {
        changes,
        ..chart_of(&graph, View::OrgChart, Lang::En)
    };
    let page = page(&graph, &chart);
    let change = |id: &str| page.units[at(&page, id)].change;
    assert_eq!(change("new"), Some(Change::Added));
    assert_eq!(change("gone"), Some(Change::Removed));
    assert_eq!(change("b"), Some(Change::Moved));
    assert_eq!(change("min"), Some(Change::Changed));
    assert_eq!(change("a"), None);
    assert_eq!(
        page.units[at(&page, "new")].look.stroke,
        Change::Added.colour()
    );
    let tie = |text: &str| {
        let i = ties(&page)
            .iter()
            .position(|t| t.trim_end_matches(" *") == text)
            .unwrap();
        page.ties[i].change
    };
    assert_eq!(tie("b attachment a"), Some(Change::Added));
    assert_eq!(tie("b attachment min"), Some(Change::Removed));
    assert_eq!(tie("a attachment min"), None);
    let json = serde_json::to_value(&page).unwrap();
    assert_eq!(json["legend"]["changes"][0]["change"], "added");
    assert_eq!(
        json["legend"]["changes"][0]["label"],
        "added by the proposal"
    );
}

#[test]
fn the_page_s_texts_are_in_the_chart_s_language() {
    let graph = graph(
        &[("min", Ministry), ("dir", Directorate)],
        &[("dir", Attachment, "min")],
    );
    let page = page(&graph, &chart_of(&graph, View::OrgChart, Lang::Fr));
    assert_eq!(page.lang, "fr");
    assert_eq!(page.strings.expand_all, "Tout déplier");
    assert_eq!(page.strings.legend, "Légende");
    assert_eq!(page.title, "Organigramme");
    assert_eq!(page.legend.units[1].label, "direction");
    assert_eq!(page.legend.ties[0].label, "est rattaché à");
    let html = to_html(&graph, &chart_of(&graph, View::OrgChart, Lang::Fr));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
}

/// The text of the page's data script, and the data parsed.
fn data_of(html: &str) -> serde_json::Value {
    let start = html
        .find(r#"<script type="application/json" id="organigram-data">"#)
        .unwrap();
    let rest = &html[start..];
    let open = rest.find('>').unwrap() + 1;
    let close = rest.find("</script>").unwrap();
    serde_json::from_str(&rest[open..close]).unwrap()
}

#[test]
fn hostile_names_stay_text_in_the_page() {
    let hostile = [
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!-- {{script}} &amp; \u{2028}\u{2029}",
        "\u{200f}\u{202b}RTL name\u{202c}",
    ];
    let mut units = vec![("min".to_owned(), Ministry)];
    units.extend((0..hostile.len()).map(|i| (format!("u{i}"), Directorate)));
    units.push(("long".to_owned(), Directorate));
    let ties: Vec<(String, crate::model::TieKind, String)> = units[1..]
        .iter()
        .map(|(id, _)| (id.clone(), Attachment, "min".to_owned()))
        .collect();
    let mut description = description(&units, &ties);
    let long = "é".repeat(10_000);
    for (i, unit) in description.units.values_mut().skip(1).enumerate() {
        unit.name = hostile
            .get(i)
            .map_or_else(|| long.clone(), |&h| h.to_owned());
        unit.remit = Some(unit.name.clone());
    }
    description.organisations[0].name = hostile[0].to_owned();
    let graph = OrgGraph::build(description, &mut Vec::new());
    let chart = chart(
        &graph,
        &ChartOptions {
            organisation: Some(OrganisationIndex(0)),
            ..ChartOptions::new(View::OrgChart)
        },
    );
    let html = to_html(&graph, &chart);
    // The data script and the page's script end where they should, and nothing else opens.
    assert_eq!(html.matches("</script").count(), 2, "{html}");
    assert_eq!(html.matches("<script").count(), 2);
    assert!(!html.contains("<img"));
    assert!(!html.contains("<!--"));
    assert!(!html.contains('\u{2028}') && !html.contains('\u{2029}'));
    // The title is text.
    assert!(html.contains(
        "<title>Org chart — &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"
    ));
    // And the data reads back as written.
    let data = data_of(&html);
    let names: Vec<&str> = data["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(&names[1..=hostile.len()], hostile);
    assert_eq!(names[hostile.len() + 1].chars().count(), 10_000);
}

#[test]
fn the_page_s_own_files_cannot_end_their_elements_and_every_marker_is_filled() {
    for (file, text) in [("page.js", SCRIPT), ("page.css", STYLE)] {
        assert!(!text.to_lowercase().contains("</script"), "{file}");
        assert!(!text.to_lowercase().contains("</style"), "{file}");
        assert!(!text.contains("{{"), "{file}");
    }
    assert!(
        !SCRIPT.contains("innerHTML"),
        "the script writes text, never markup"
    );
    let graph = graph(&[("min", Ministry)], &[]);
    let html = to_html(&graph, &chart_of(&graph, View::OrgChart, Lang::En));
    assert!(!html.contains("{{"));
    assert_eq!(
        fill("a {{x}} {{y}} {{", &[("x", "{{y}}"), ("y", "2")]),
        "a {{y}} 2 {{"
    );
}

#[test]
fn the_page_makes_no_request() {
    let graph = graph(&[("min", Ministry)], &[]);
    let html = to_html(&graph, &chart_of(&graph, View::OrgChart, Lang::En));
    assert!(html.contains("default-src 'none'"));
    for remote in ["http://", "https://", "src=", "@import", "url(http"] {
        let found: Vec<&str> = html
            .match_indices(remote)
            .map(|(i, _)| &html[i.saturating_sub(30)..(i + 40).min(html.len())])
            .filter(|context| !context.contains("www.w3.org/2000/svg"))
            .filter(|context| !context.contains("https?:"))
            .collect();
        assert!(found.is_empty(), "{remote}: {found:?}");
    }
}

#[test]
fn the_data_of_the_justice_org_chart() {
    let workspace = crate::Loader::new().builtin().load().unwrap();
    let graph = workspace.graph();
    let justice = crate::query::organisation(graph, "justice").unwrap();
    let chart = chart(
        graph,
        &ChartOptions {
            organisation: Some(justice),
            ..ChartOptions::new(View::OrgChart)
        },
    );
    insta::assert_json_snapshot!("justice_org_chart", page(graph, &chart));
}
