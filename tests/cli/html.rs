//! `organigram render --format html`, run as a user runs it: the format from the option or the
//! extension, every option of `render` reaching the page's data, `--all` writing each chart's
//! page, files written whole, and names built to break markup kept as text. What the page does
//! in a browser is tested by the browser tests.

use std::fs;
use std::path::Path;

use crate::support::{fixture, organigram};

/// The page's data: the JSON of its `organigram-data` script.
fn data_of(html: &str) -> serde_json::Value {
    let marker = r#"<script type="application/json" id="organigram-data">"#;
    let start = html.find(marker).expect("the page has its data") + marker.len();
    let end = start
        + html[start..]
            .find("</script>")
            .expect("the data script ends");
    serde_json::from_str(&html[start..end]).expect("the data is JSON")
}

/// `organigram render --format html ARGS` on the built-in description: the page's data.
fn page<const N: usize>(args: [&str; N]) -> serde_json::Value {
    let out = organigram(["render", "--format", "html"])
        .args(args)
        .run()
        .success();
    assert!(out.starts_with("<!DOCTYPE html>"), "{out}");
    data_of(&out)
}

/// The ids of the page's units.
fn ids(data: &serde_json::Value) -> Vec<&str> {
    data["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect()
}

#[test]
fn the_format_is_html_by_option_or_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["chart.html", "chart.htm"] {
        let path = dir.path().join(name);
        organigram(["render", "--organisation", "justice", "-o"])
            .arg(&path)
            .run()
            .success();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("<!DOCTYPE html>"), "{name}");
        assert!(ids(&data_of(&text)).contains(&"dip-a-just"), "{name}");
    }
    // An extension that says otherwise is refused, and nothing is written.
    let path = dir.path().join("chart.svg");
    let out = organigram(["render", "--format", "html", "-o"])
        .arg(&path)
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("--format html"), "{}", out.stderr);
    assert!(!path.exists());
}

#[test]
fn every_option_of_render_reaches_the_page() {
    let whole = page([]);
    assert_eq!(whole["view"], "org-chart");
    assert_eq!(whole["lang"], "en");
    let dsj = page(["--root", "dsj"]);
    assert_eq!(ids(&dsj)[0], "dsj");
    assert!(!ids(&dsj).contains(&"justice-sg"));
    let focus = page(["--focus", "dip-a-just", "--radius", "1"]);
    assert!(ids(&focus).len() < ids(&whole).len());
    let justice = page(["--organisation", "justice"]);
    assert_eq!(justice["frames"][0]["id"], "justice");
    assert_eq!(justice["title"], "Org chart — Ministère de la Justice");
    let posts = page(["--organisation", "justice", "--unit-kind", "post"]);
    assert!(
        posts["units"]
            .as_array()
            .unwrap()
            .iter()
            .all(|u| u["kind"] == "post")
    );
    let cooperation = page(["--view", "cooperation", "--tie-kind", "cooperation"]);
    assert_eq!(cooperation["view"], "cooperation");
    // The cooperation drawn, and the hierarchy the page lays its units out by.
    for tie in cooperation["ties"].as_array().unwrap() {
        let kind = tie["kind"].as_str().unwrap();
        assert!(
            matches!(
                kind,
                "cooperation" | "attachment" | "line-authority" | "joint-attachment" | "head"
            ),
            "{kind}"
        );
    }
    assert_eq!(whole["show_legend"], true);
    let bare = page(["--no-legend"]);
    assert_eq!(bare["show_legend"], false);
    // The legend's kinds stay: the page reads its units' and ties' looks there.
    assert!(!bare["legend"]["units"].as_array().unwrap().is_empty());
    let french = page(["--lang", "fr", "--organisation", "justice"]);
    assert_eq!(french["lang"], "fr");
    assert_eq!(french["strings"]["expand_all"], "Tout déplier");
    assert_eq!(french["title"], "Organigramme — Ministère de la Justice");
    let dated = page(["--as-of", "2024-01-01", "--organisation", "justice"]);
    assert!(
        dated["title"]
            .as_str()
            .unwrap()
            .ends_with("as of 2024-01-01"),
        "{}",
        dated["title"]
    );
}

#[test]
fn a_proposal_marks_the_page() {
    let data = page(["--proposal", "org/proposals/split-dsj-finances.json"]);
    assert!(
        data["title"].as_str().unwrap().ends_with(", as proposed"),
        "{}",
        data["title"]
    );
    let changed: Vec<&str> = data["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["change"].as_str())
        .collect();
    assert!(
        changed.contains(&"added") && changed.contains(&"removed"),
        "{changed:?}"
    );
    let legend: Vec<&str> = data["legend"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["change"].as_str().unwrap())
        .collect();
    assert!(legend.contains(&"added"), "{legend:?}");
}

#[test]
fn render_all_writes_each_chart_s_page_beside_its_dot_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out = organigram(["render", "--all", "-o"])
        .arg(dir.path())
        .run()
        .success();
    assert!(out.contains("org-chart-justice.html"), "{out}");
    for name in ["org-chart-justice", "cooperation", "landscape"] {
        for extension in ["dot", "svg", "html"] {
            let path = dir.path().join(format!("{name}.{extension}"));
            assert!(path.is_file(), "{} is missing", path.display());
        }
        let html = fs::read_to_string(dir.path().join(format!("{name}.html"))).unwrap();
        assert!(!ids(&data_of(&html)).is_empty(), "{name}");
    }
    let cooperation = fs::read_to_string(dir.path().join("cooperation.html")).unwrap();
    assert_eq!(data_of(&cooperation)["view"], "cooperation");
}

/// The files of a folder, by name.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn the_page_is_written_whole_over_the_file_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chart.html");
    fs::write(&path, "old").unwrap();
    organigram(["render", "-o"]).arg(&path).run().success();
    assert!(fs::read_to_string(&path).unwrap().ends_with("</html>\n"));
    // No temporary file is left beside it.
    assert_eq!(files(dir.path()), ["chart.html"]);
    // A chart with nothing to draw leaves the file as it was.
    let out = organigram([
        "render",
        "--organisation",
        "justice",
        "--root",
        "dinum",
        "-o",
    ])
    .arg(&path)
    .run()
    .expect_code(2);
    assert!(out.stderr.contains("nothing to draw"), "{}", out.stderr);
    assert!(fs::read_to_string(&path).unwrap().ends_with("</html>\n"));
    assert_eq!(files(dir.path()), ["chart.html"]);
}

#[test]
fn names_built_to_break_markup_stay_text() {
    let out = organigram(["--org"])
        .arg(fixture("valid/quoting"))
        .args(["render", "--format", "html"])
        .run()
        .success();
    // Only the page's two scripts open and close; the data holds no markup character.
    assert_eq!(out.matches("<script").count(), 2);
    assert_eq!(out.matches("</script").count(), 2);
    let marker = r#"id="organigram-data">"#;
    let start = out.find(marker).unwrap() + marker.len();
    let end = start + out[start..].find("</script>").unwrap();
    let json = &out[start..end];
    assert!(!json.contains(['<', '>', '&']), "{json}");
    let data = data_of(&out);
    let names: Vec<&str> = data["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert!(names.iter().any(|n| n.contains('<')), "{names:?}");
}
