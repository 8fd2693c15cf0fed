//! `organigram render`, run as a user runs it: the DOT of each view on the built-in description
//! (snapshots), every format, the fallback without Graphviz, `--all` and the committed `output/`,
//! tooltips and links, and names built to break quoting. Every DOT these tests produce goes
//! through Graphviz's real `dot`, which must render it with no warning, and Mermaid through
//! Mermaid's own parser.

use std::fs;
use std::path::{Path, PathBuf};

use organigram::render::{ImageFormat, Page, READABLE, graphviz};

use crate::support;
use crate::support::{org_files, organigram, root};

const HOSTILE: &str = "tests/fixtures/valid/quoting";

/// Runs DOT through Graphviz's real `dot` ([`support::graphviz::dot_renders`]), which must
/// render it with no warning.
fn renders(dot: &str) {
    if let Err(why) = support::graphviz::dot_renders(dot) {
        panic!("{why}");
    }
}

/// `organigram render ARGS` on the built-in description: its DOT, checked by `dot`.
fn dot<const N: usize>(args: [&str; N]) -> String {
    let mut all = vec!["render"];
    all.extend(args);
    let out = organigram(all).run().success();
    renders(&out);
    out
}

/// `organigram render ARGS --format mermaid` on the built-in description: its Mermaid, checked by
/// Mermaid's parser ([`support::mermaid::parses`]).
fn mermaid<const N: usize>(args: [&str; N]) -> String {
    let mut all = vec!["render"];
    all.extend(args);
    all.extend(["--format", "mermaid"]);
    let out = organigram(all).run().success();
    if let Err(why) = support::mermaid::parses(&out) {
        panic!("{why}");
    }
    out
}

/// A new empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigram-render-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A folder holding a `dot` that is not Graphviz: a shell script with this body.
fn fake_dot(name: &str, script: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch(name);
    let path = dir.join("dot");
    fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

/// Whether the text is well-formed XML.
fn assert_xml(text: &str) {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    if let Err(error) = roxmltree::Document::parse_with_options(text, options) {
        panic!("not well-formed XML: {error}\n{text}");
    }
}

#[test]
fn the_org_chart_of_each_organisation() {
    for organisation in ["justice", "education", "dge", "province-sud"] {
        let chart = dot(["--organisation", organisation]);
        insta::assert_snapshot!(format!("org_chart_{organisation}"), chart);
    }
    // The interministerial file only groups units: DINUM and its peers answer to services of the
    // Prime Minister the postings do not describe, so no unit belongs to it.
    let out = organigram(["render", "--organisation", "interministerial"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr
            .contains("interministerial names no unit of the description"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_proposal_is_drawn_with_what_it_adds_removes_moves_and_changes_marked() {
    // The merge removes a sub-directorate (a dashed ghost) and renames the survivor.
    let merge = dot([
        "--proposal",
        "org/proposals/merge-dsj-hr.json",
        "--root",
        "dsj",
    ]);
    assert!(
        merge.contains("Org chart — under DSJ, as proposed"),
        "{merge}"
    );
    assert!(merge.contains("sub-directorate · removed"), "{merge}");
    assert!(merge.contains("sub-directorate · changed"), "{merge}");
    assert!(merge.contains("removed by the proposal"), "{merge}");
    insta::assert_snapshot!(merge);
    // The move re-attaches DiP A-JUST: the old tie is removed, the new one added.
    let moved = dot([
        "--proposal",
        "org/proposals/move-dip-a-just.json",
        "--root",
        "dsj",
    ]);
    assert!(moved.contains("project directorate · moved"), "{moved}");
    assert!(
        moved.contains("moved by the proposal") && moved.contains("added by the proposal"),
        "{moved}"
    );
    // Without a proposal, nothing is marked.
    let plain = dot(["--root", "dsj"]);
    assert!(
        !plain.contains("by the proposal") && !plain.contains("as proposed"),
        "{plain}"
    );
}

#[test]
fn the_cooperation_view() {
    insta::assert_snapshot!(
        "cooperation_map_of_an_organisation",
        dot(["--view", "cooperation", "--organisation", "dge"])
    );
    insta::assert_snapshot!(
        "cooperation_map_around_a_unit",
        dot(["--view", "cooperation", "--focus", "DNE"])
    );
}

#[test]
fn the_full_view_of_a_subtree() {
    insta::assert_snapshot!(dot(["--view", "full", "--root", "dip a-just"]));
}

#[test]
fn a_neighbourhood_and_filters() {
    let chart = dot([
        "--view",
        "full",
        "--focus",
        "dsin",
        "--radius",
        "2",
        "--unit-kind",
        "post,directorate",
        "--tie-kind",
        "attachment,head,line-authority,cooperation",
        "--no-legend",
    ]);
    insta::assert_snapshot!(chart);
}

#[test]
fn the_whole_description_renders_in_every_view_and_format() {
    for view in ["org-chart", "cooperation", "full"] {
        let chart = dot(["--view", view]);
        assert!(chart.starts_with("digraph \"organigram\" {\n"), "{view}");
        let mermaid = organigram(["render", "--view", view, "--format", "mermaid"])
            .run()
            .success();
        assert!(mermaid.contains("flowchart"), "{view}");
    }
    let dir = scratch("formats");
    for (file, magic) in [
        ("chart.svg", &b"<?xml"[..]),
        ("chart.png", &b"\x89PNG"[..]),
        ("chart.pdf", &b"%PDF"[..]),
    ] {
        let path = dir.join(file);
        let out = organigram(["render", "-o", path.to_str().unwrap()])
            .run()
            .expect_code(0);
        assert_eq!(out.stderr, "", "{file}");
        let bytes = fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{file}");
        if Path::new(file).extension().is_some_and(|e| e == "svg") {
            assert_xml(std::str::from_utf8(&bytes).unwrap());
        }
    }
    // Only the files asked for: no temporary file is left beside them.
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["chart.pdf", "chart.png", "chart.svg"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn mermaid_keeps_kinds_shapes_and_tie_styles() {
    insta::assert_snapshot!(mermaid(["--organisation", "province-sud"]));
}

/// Cooperation, coordination and secretariat used to look the same in Mermaid: every tie outside
/// the hierarchy is labelled with its kind and styled as its kind, and the legend has a sample
/// of every unit kind and tie kind drawn, which Mermaid's parser takes.
#[test]
fn mermaid_labels_ties_and_draws_a_legend() {
    let map = mermaid(["--view", "cooperation"]);
    for tie in [
        r#"-.-|"cooperation"|"#,
        r#"-.->|"coordination"|"#,
        r#"-.-o|"secretariat"|"#,
    ] {
        assert!(map.contains(tie), "{tie} missing from\n{map}");
    }
    assert!(map.contains("stroke-dasharray:6 3"), "{map}");
    assert!(map.contains("stroke-dasharray:1.5 3"), "{map}");
    assert!(map.contains("  subgraph legend[\"Legend\"]"), "{map}");
    assert!(map.contains(r#"legend_committee{{"committee"}}"#), "{map}");
    assert!(
        map.contains(r#"legend_tie1a[" "] -.-|"cooperation"| legend_tie1b[" "]"#),
        "{map}"
    );
    let french = organigram([
        "--lang",
        "fr",
        "render",
        "--view",
        "cooperation",
        "--format",
        "mermaid",
    ])
    .run()
    .success();
    assert!(french.contains(r#"-.-|"coopération"|"#), "{french}");
    assert!(
        french.contains("  subgraph legend[\"Légende\"]"),
        "{french}"
    );
    support::mermaid::parses(&french).unwrap();
    // The hierarchy's lines stay unlabelled; without a legend, no sample is drawn.
    let plain = mermaid(["--organisation", "justice", "--no-legend"]);
    assert!(!plain.contains('|') && !plain.contains("legend"), "{plain}");
    for view in ["org-chart", "full"] {
        mermaid(["--view", view]);
    }
    let hostile = organigram([
        "--org", HOSTILE, "render", "--view", "full", "--format", "mermaid",
    ])
    .run()
    .success();
    support::mermaid::parses(&hostile).unwrap();
}

/// The element of `svg` whose `id` is `id`.
fn by_id<'a, 'input>(
    svg: &'a roxmltree::Document<'input>,
    id: &str,
) -> roxmltree::Node<'a, 'input> {
    svg.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element with the id {id}"))
}

/// The text of the `<title>` of an element of an SVG.
fn title<'a>(node: roxmltree::Node<'a, '_>) -> &'a str {
    node.children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
}

/// Graphviz's SVG as an XML document (it has a DOCTYPE).
fn svg_document(svg: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(svg, options).unwrap()
}

/// Hovering a unit used to show its generated node id (`u12`).
#[test]
fn hovering_a_unit_or_a_tie_of_an_svg_says_what_it_is() {
    for (lang, dsj, tie) in [
        (
            "en",
            "Direction des services judiciaires (DSJ) — directorate",
            "attachment: DSJ → Ministère de la Justice",
        ),
        (
            "fr",
            "Direction des services judiciaires (DSJ) — direction",
            "rattachement : DSJ → Ministère de la Justice",
        ),
    ] {
        let svg = organigram([
            "--lang",
            lang,
            "render",
            "--organisation",
            "justice",
            "--format",
            "svg",
        ])
        .run()
        .success();
        let doc = svg_document(&svg);
        assert_eq!(title(by_id(&doc, "unit-dsj")), dsj);
        let ties: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("edge"))
            .map(title)
            .collect();
        assert!(ties.contains(&tie), "{lang}: {ties:#?}");
        assert!(
            !doc.descendants()
                .filter(|n| n.has_tag_name("title"))
                .filter_map(|n| n.text())
                .any(|t| t.starts_with('u') && t[1..].parse::<usize>().is_ok()),
            "a node id is left as a title"
        );
    }
    // And without Graphviz, from the built-in layout.
    let empty = scratch("hover-no-graphviz");
    let out = organigram(["render", "--root", "dsj", "--format", "svg"])
        .env("PATH", empty.to_str().unwrap())
        .run()
        .expect_code(0);
    let doc = roxmltree::Document::parse(&out.stdout).unwrap();
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        titles.contains(&"Direction des services judiciaires (DSJ) — directorate"),
        "{titles:#?}"
    );
    assert!(
        titles.contains(&"attachment: Sous-direction des ressources humaines des greffes → DSJ"),
        "{titles:#?}"
    );
    fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn with_a_link_base_units_link_to_their_pages() {
    let base = "https://intranet.example/units/?from=chart&unit=";
    let svg = organigram([
        "render",
        "--organisation",
        "justice",
        "--format",
        "svg",
        "--link-base",
        base,
    ])
    .run()
    .success();
    let doc = svg_document(&svg);
    let link = by_id(&doc, "a_unit-dsj")
        .children()
        .find(|n| n.has_tag_name("a"))
        .unwrap();
    let xlink = "http://www.w3.org/1999/xlink";
    assert_eq!(
        link.attribute((xlink, "href")),
        Some(&*format!("{base}dsj"))
    );
    assert_eq!(link.attribute("target"), Some("_top"));
    let dot = dot(["--organisation", "justice", "--link-base", "units/"]);
    assert!(dot.contains(r#"URL="units/dsj" target="_top""#), "{dot}");
    let chart = mermaid(["--organisation", "justice", "--link-base", "/annuaire/"]);
    assert!(chart.contains(r#"href "/annuaire/dsj" _top"#), "{chart}");
    // Without Graphviz, the built-in layout's units are links too.
    let empty = scratch("link-no-graphviz");
    let out = organigram([
        "render",
        "--root",
        "dsj",
        "--format",
        "svg",
        "--link-base",
        "units/",
    ])
    .env("PATH", empty.to_str().unwrap())
    .run()
    .expect_code(0);
    let doc = roxmltree::Document::parse(&out.stdout).unwrap();
    let links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert!(links.contains(&"units/dsj"), "{links:#?}");
    fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn a_link_base_is_an_http_url_or_a_relative_path() {
    for (base, why) in [
        (
            "javascript:alert(1)//",
            "only http and https URLs are taken",
        ),
        ("data:text/html,x", "only http and https URLs are taken"),
        ("//elsewhere.example/", "an absolute URL needs a host"),
        ("https:///units/", "an absolute URL needs a host"),
        (
            "units/\" onclick=\"x",
            "a character URLs are not written with",
        ),
        ("", "it is empty"),
    ] {
        let out = organigram(["render", "--link-base", base])
            .run()
            .expect_code(2);
        assert!(
            out.stderr.contains("is not a link base") && out.stderr.contains(why),
            "{base}: {}",
            out.stderr
        );
    }
    let out = organigram(["--lang", "fr", "render", "--link-base", "javascript:x"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("n’est pas une base de liens"),
        "{}",
        out.stderr
    );
}

#[test]
fn names_built_to_break_quoting_render_literally() {
    for view in ["org-chart", "cooperation", "full"] {
        let out = organigram(["--org", HOSTILE, "render", "--view", view])
            .run()
            .success();
        renders(&out);
        // Every statement names generated nodes; the names are inside labels only.
        for line in out.lines().map(str::trim) {
            assert!(
                line.starts_with("\"u")
                    || line.starts_with("graph[")
                    || line.starts_with("node[")
                    || line.starts_with("edge[")
                    || line.starts_with("subgraph \"cluster_")
                    || line.starts_with("digraph \"organigram\"")
                    || line == "}",
                "{line}"
            );
        }
    }
    let out = organigram(["--org", HOSTILE, "render", "--view", "full"])
        .run()
        .success();
    insta::assert_snapshot!("dot_of_names_built_to_break_quoting", out);
    let mermaid = organigram([
        "--org", HOSTILE, "render", "--view", "full", "--format", "mermaid",
    ])
    .run()
    .success();
    insta::assert_snapshot!("mermaid_of_names_built_to_break_quoting", mermaid);
    let svg = organigram([
        "--org", HOSTILE, "render", "--view", "full", "--format", "svg",
    ])
    .run()
    .success();
    assert_xml(&svg);
    for text in [
        "\\N",
        "&lt;b&gt;Gras&lt;/b&gt; &amp;amp;",
        "[accolades] &#45;&gt; et ;",
        "🤖",
    ] {
        assert!(svg.contains(text), "{text} missing from the SVG");
    }
}

#[test]
fn without_graphviz_svg_comes_from_the_built_in_layout_and_png_asks_to_install_it() {
    let empty = scratch("no-graphviz");
    for org in [HOSTILE, "org"] {
        let out = organigram(["--org", org, "render", "--view", "full", "--format", "svg"])
            .env("PATH", empty.to_str().unwrap())
            .run()
            .expect_code(0);
        assert_xml(&out.stdout);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.starts_with("note: Graphviz is not installed"));
    }
    let out = organigram(["render", "--format", "png"])
        .env("PATH", empty.to_str().unwrap())
        .run()
        .expect_code(2);
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(out.stderr);
    // DOT and Mermaid need no Graphviz.
    organigram(["render", "--format", "mermaid"])
        .env("PATH", empty.to_str().unwrap())
        .run()
        .expect_code(0);
    fs::remove_dir_all(&empty).unwrap();
}

/// Graphviz 2.x's spline router fails on some charts whose organisations interleave: the chart
/// is drawn again with straight ties, with no warning from Graphviz.
#[test]
fn a_chart_graphviz_cannot_draw_with_curves_has_straight_ties() {
    let routes = fake_dot(
        "routes",
        "cat >/dev/null\n\
         case \"$*\" in\n\
         *-Gsplines=line*) echo '<svg/>' ;;\n\
         *) echo 'libpath/shortest.c:324: triangulation failed' >&2; echo 'Error: lost u5 u3 edge' >&2; exit 1 ;;\n\
         esac",
    );
    let out = organigram(["render", "--format", "svg"])
        .env("PATH", &format!("{}:/usr/bin:/bin", routes.display()))
        .run()
        .expect_code(0);
    assert_eq!(out.stdout, "<svg/>\n");
    assert!(
        out.stderr
            .starts_with("note: Graphviz could not draw some ties of this chart as curves"),
        "{}",
        out.stderr
    );
    fs::remove_dir_all(routes).unwrap();
    // And with the real Graphviz, on a chart its spline router fails on.
    support::graphviz::require();
    let dot = fs::read_to_string(root().join("tests/fixtures/render/interleaved.dot")).unwrap();
    let image = graphviz(&dot, ImageFormat::Svg).unwrap();
    assert_eq!(image.warnings, Vec::<String>::new());
}

#[test]
fn graphviz_warnings_are_shown_and_its_failures_are_errors() {
    let warns = fake_dot(
        "warns",
        "cat >/dev/null; echo 'Warning: something odd' >&2; echo '<svg/>'",
    );
    let out = organigram(["render", "--format", "svg"])
        .env("PATH", &format!("{}:/usr/bin:/bin", warns.display()))
        .run()
        .expect_code(0);
    assert_eq!(out.stdout, "<svg/>\n");
    assert_eq!(out.stderr, "warning: Graphviz: Warning: something odd\n");
    let fails = fake_dot(
        "fails",
        "cat >/dev/null; echo 'Error: syntax error' >&2; exit 1",
    );
    let out = organigram(["render", "--format", "svg"])
        .env("PATH", &format!("{}:/usr/bin:/bin", fails.display()))
        .run()
        .expect_code(2);
    assert!(
        out.stderr.starts_with("error: Graphviz's `dot` failed"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("Error: syntax error"), "{}", out.stderr);
    for dir in [warns, fails] {
        fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn the_format_follows_the_output_file_s_extension() {
    let dir = scratch("extension");
    let path = dir.join("chart.mmd");
    organigram(["render", "-o", path.to_str().unwrap()])
        .run()
        .success();
    assert!(fs::read_to_string(&path).unwrap().contains("flowchart TB"));
    // An extension that names no format needs --format, which it then cannot contradict.
    let path = dir.join("chart.txt");
    let out = organigram(["render", "-o", path.to_str().unwrap()])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("cannot tell which format"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("dot (.dot, .gv), svg (.svg)"),
        "{}",
        out.stderr
    );
    assert!(!path.exists());
    organigram(["render", "--format", "dot", "-o", path.to_str().unwrap()])
        .run()
        .success();
    assert!(fs::read_to_string(&path).unwrap().starts_with("digraph"));
    let path = dir.join("chart.jpg");
    organigram(["render", "-o", path.to_str().unwrap()])
        .run()
        .expect_code(2);
    let path = dir.join("chart.svg");
    let out = organigram(["render", "--format", "png", "-o", path.to_str().unwrap()])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("--format png and the extension of"),
        "{}",
        out.stderr
    );
    assert!(!path.exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_arguments_exit_2_with_a_hint() {
    let out = organigram(["render", "--root", "dnmu"])
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("did you mean"), "{}", out.stderr);
    let out = organigram(["render", "--organisation", "nowhere"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("no organisation is named `nowhere`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("justice (Ministère de la Justice)"));
    organigram(["render", "--all"]).run().expect_code(2);
    organigram(["render", "--radius", "2"]).run().expect_code(2);
    organigram(["render", "--all", "-o", "x", "--view", "full"])
        .run()
        .expect_code(2);
    organigram(["render", "--view", "sideways"])
        .run()
        .expect_code(2);
}

/// The `.dot`, `.svg` and `.html` files of a folder, by name.
fn chart_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| {
            matches!(
                Path::new(n).extension().and_then(|e| e.to_str()),
                Some("dot" | "svg" | "html")
            )
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_committed_charts_in_output_are_those_of_the_built_in_description() {
    let dir = scratch("all");
    let out = organigram(["render", "--all", "-o", dir.to_str().unwrap()])
        .run()
        .expect_code(0);
    assert!(
        out.stdout.starts_with("wrote 18 files to "),
        "{}",
        out.stdout
    );
    let committed = root().join("output");
    assert_eq!(
        chart_files(&dir),
        chart_files(&committed),
        "output/ does not hold the standard charts: run `cargo run -- render --all -o output`"
    );
    for name in chart_files(&dir) {
        let fresh = fs::read_to_string(dir.join(&name)).unwrap();
        let extension = Path::new(&name).extension().and_then(|e| e.to_str());
        if matches!(extension, Some("dot" | "html")) {
            if extension == Some("dot") {
                renders(&fresh);
            }
            let old = fs::read_to_string(committed.join(&name)).unwrap();
            assert!(
                old == fresh,
                "output/{name} is stale: run `cargo run -- render --all -o output`"
            );
        } else {
            assert_xml(&fresh);
        }
    }
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_same_description_gives_the_same_dot_whatever_the_order_of_its_files() {
    let forward = scratch("forward");
    let backward = scratch("backward");
    let files = org_files();
    for file in &files {
        fs::copy(file, forward.join(file.file_name().unwrap())).unwrap();
    }
    for file in files.iter().rev() {
        fs::copy(file, backward.join(file.file_name().unwrap())).unwrap();
    }
    for view in ["org-chart", "cooperation", "full"] {
        let render = |dir: &Path| {
            organigram(["--org", dir.to_str().unwrap(), "render", "--view", view])
                .run()
                .success()
        };
        let first = render(&forward);
        assert_eq!(first, render(&forward), "{view}: twice the same");
        assert_eq!(
            first,
            render(&backward),
            "{view}: files written in another order"
        );
        assert_eq!(
            first,
            dot(["--view", view]),
            "{view}: the built-in description"
        );
    }
    for dir in [forward, backward] {
        fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn cycles_and_ties_to_oneself_in_a_broken_description_still_render() {
    let dir = scratch("cycle");
    fs::write(
        dir.join("broken.json"),
        r#"{ "organisation": { "id": "o", "name": "O" },
  "units": [
    { "id": "a", "name": "A", "kind": "directorate", "boundary": "top" },
    { "id": "b", "name": "B", "kind": "directorate" },
    { "id": "c", "name": "C", "kind": "bureau" }
  ],
  "ties": [
    { "kind": "attachment", "from": "a", "to": "b" },
    { "kind": "attachment", "from": "b", "to": "a" },
    { "kind": "cooperation", "from": "c", "to": "c" },
    { "kind": "attachment", "from": "c", "to": "c" }
  ] }"#,
    )
    .unwrap();
    let empty = scratch("cycle-no-graphviz");
    for view in ["org-chart", "cooperation", "full"] {
        let args = ["--org", dir.to_str().unwrap(), "render", "--view", view];
        renders(&organigram(args).run().success());
        let mut svg = args.to_vec();
        svg.extend(["--format", "svg"]);
        let out = organigram(svg)
            .env("PATH", empty.to_str().unwrap())
            .run()
            .expect_code(0);
        assert_xml(&out.stdout);
    }
    for dir in [dir, empty] {
        fs::remove_dir_all(dir).unwrap();
    }
}

/// The width and height in points of an SVG Graphviz drew (`<svg width="842pt" height="595pt"`),
/// rounded up.
// A chart is a few thousand points wide, positive: it fits a u32.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn svg_points(svg: &str) -> (u32, u32) {
    let number = |name: &str| -> u32 {
        let start = svg.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let value = svg[start..].split('"').next().unwrap();
        value.trim_end_matches("pt").parse::<f64>().unwrap().ceil() as u32
    };
    (number("width"), number("height"))
}

/// The page named `name` (`a4`, `16:9`…), as `--page` names them.
fn page(name: &str) -> Page {
    Page::ALL.iter().find(|(n, _)| *n == name).unwrap().1
}

/// The largest scale at which a chart of this size fits an A4 page (either way up) or a 16:9
/// slide, its margins left.
fn page_scale((width, height): (u32, u32)) -> f64 {
    ["a4", "16:9"]
        .iter()
        .map(|name| page(name).fit(width, height).scale().unwrap())
        .fold(0., f64::max)
}

/// Issue 17: every org chart of the built-in description fits an A4 page or a 16:9 slide at a
/// readable size ([`READABLE`]: scaled to fit, its 10 pt text stays at 6 pt or more), as `dot`
/// draws it. The cooperation map and the landscape (every unit and every tie of the description)
/// do not: they are held to what they are now, a larger page, and `--page` says so.
#[test]
fn every_org_chart_of_the_built_in_description_fits_a_page_at_a_readable_size() {
    support::graphviz::require();
    let dir = scratch("fits");
    organigram(["render", "--all", "-o", dir.to_str().unwrap()])
        .run()
        .success();
    let size = |name: &str| svg_points(&fs::read_to_string(dir.join(name)).unwrap());
    let mut charts = 0;
    for name in chart_files(&dir) {
        let svg = Path::new(&name).extension().is_some_and(|e| e == "svg");
        if name.starts_with("org-chart-") && svg {
            let (width, height) = size(&name);
            let scale = page_scale((width, height));
            assert!(
                scale >= READABLE,
                "{name} is {width} x {height} pt: it fits A4 or 16:9 at {scale:.2} only"
            );
            charts += 1;
        }
    }
    assert_eq!(charts, 4);
    // The cooperation map fits an A3 page at 0.45; the landscape is a strip of every
    // organisation side by side, each drawn whole, with the ties between them.
    let a3 = |name: &str| {
        let (width, height) = size(name);
        page("a3").fit(width, height).scale().unwrap()
    };
    assert!(
        a3("cooperation.svg") >= 0.4,
        "{:?}",
        size("cooperation.svg")
    );
    assert!(a3("landscape.svg") >= 0.15, "{:?}", size("landscape.svg"));
    let out = organigram([
        "render", "--view", "full", "--page", "a4", "--format", "svg",
    ])
    .run()
    .expect_code(0);
    assert!(
        out.stderr
            .starts_with("warning: fitted to a4, this chart is drawn at "),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("--depth N, --root UNIT or --organisation ORG")
    );
    // Landscape, the larger, to the point (Graphviz rounds the scale it draws at).
    let (width, height) = svg_points(&out.stdout);
    assert!(
        (841..=842).contains(&width) && (594..=595).contains(&height),
        "{width} x {height}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

/// Issue 17: the GOV.UK Ministry of Justice, 40 bodies under one ministry, was one row of them
/// (9.5 : 1); its bodies now stack in columns.
#[test]
fn the_govuk_ministry_of_justice_is_no_wider_than_three_times_its_height() {
    support::graphviz::require();
    let dir = tempfile::tempdir().unwrap();
    organigram([
        "import",
        "govuk",
        "tests/data/govuk-organisations.json",
        "--date",
        "2026-08-22",
        "-o",
    ])
    .arg(dir.path())
    .run()
    .expect_code(0);
    let org = dir.path().to_str().unwrap();
    let svg = organigram([
        "--org",
        org,
        "render",
        "--organisation",
        "ministry-of-justice",
        "--format",
        "svg",
    ])
    .run()
    .success();
    let (width, height) = svg_points(&svg);
    assert!(width <= 3 * height, "{width} x {height} pt");
    assert!(
        page_scale((width, height)) >= READABLE,
        "{width} x {height} pt"
    );
    let dot = organigram([
        "--org",
        org,
        "render",
        "--organisation",
        "ministry-of-justice",
    ])
    .run()
    .success();
    renders(&dot);
}

#[test]
fn depth_cuts_the_hierarchy_and_says_how_many_units_it_leaves_out() {
    let whole = dot(["--organisation", "justice"]);
    let cut = dot(["--organisation", "justice", "--depth", "1"]);
    let nodes = |dot: &str| dot.matches("id=\"unit-").count();
    assert!(nodes(&cut) < nodes(&whole), "{cut}");
    // The ministry's directorates are kept; DSJ says what is left out under it: its four
    // sub-directorates, DiP A-JUST and DiP A-JUST's twelve domains and posts.
    assert!(cut.contains("+17 below"), "{cut}");
    assert!(!cut.contains("Lead dev"), "{cut}");
    let tops = dot(["--organisation", "justice", "--depth", "0"]);
    assert!(
        tops.contains("Ministère de la Justice") && !tops.contains("Secrétariat général"),
        "{tops}"
    );
    let mermaid = organigram([
        "render",
        "--organisation",
        "justice",
        "--depth",
        "1",
        "--format",
        "mermaid",
    ])
    .run()
    .success();
    assert!(mermaid.contains("+17 below"), "{mermaid}");
    let french = organigram([
        "--lang",
        "fr",
        "render",
        "--organisation",
        "justice",
        "--depth",
        "1",
    ])
    .run()
    .success();
    assert!(french.contains("+17 en dessous"), "{french}");
    organigram(["render", "--depth", "many"])
        .run()
        .expect_code(2);
}

#[test]
fn direction_right_lays_the_hierarchy_out_left_to_right() {
    let right = dot(["--organisation", "justice", "--direction", "right"]);
    assert!(right.contains("rankdir=LR"), "{right}");
    assert!(
        !right.contains("group="),
        "no spine when children already stack: {right}"
    );
    let down = dot(["--view", "cooperation", "--direction", "down"]);
    assert!(down.contains("rankdir=TB"), "{down}");
    let mermaid = organigram(["render", "--direction", "right", "--format", "mermaid"])
        .run()
        .success();
    assert!(mermaid.contains("flowchart LR"), "{mermaid}");
    let out = organigram(["render", "--direction", "up"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("invalid value 'up' for '--direction")
            && out.stderr.contains("[possible values: down, right]"),
        "{}",
        out.stderr
    );
}

#[test]
fn page_fits_dot_svg_png_and_pdf_to_a_page_and_not_mermaid() {
    support::graphviz::require();
    let dge = |page: &str, format: &str| {
        organigram([
            "render",
            "--organisation",
            "dge",
            "--page",
            page,
            "--format",
            format,
        ])
        .run()
        .expect_code(0)
    };
    // DGE's chart is about square: either way up, it is larger on a landscape A4.
    let svg = dge("a4", "svg");
    assert_eq!(svg.stderr, "");
    assert_eq!(svg_points(&svg.stdout), (842, 595));
    assert_eq!(svg_points(&dge("a4-portrait", "svg").stdout), (595, 842));
    assert_eq!(svg_points(&dge("a3", "svg").stdout), (1191, 842));
    assert_eq!(svg_points(&dge("16:9", "svg").stdout), (960, 540));
    let dot = dge("a4", "dot").stdout;
    renders(&dot);
    assert!(
        dot.contains("size=\"") && dot.contains("margin=\""),
        "{dot}"
    );
    let dir = scratch("page");
    for file in ["dge.png", "dge.pdf"] {
        let path = dir.join(file);
        organigram(["render", "--organisation", "dge", "--page", "a4", "-o"])
            .arg(&path)
            .run()
            .expect_code(0);
        let bytes = fs::read(&path).unwrap();
        if Path::new(file).extension().is_some_and(|e| e == "png") {
            // 842 x 595 pt at Graphviz's 96 dpi, rounded down.
            let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
            let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
            assert_eq!((width, height), (1123, 793), "{file}");
        } else {
            let text = String::from_utf8_lossy(&bytes);
            assert!(text.contains("/MediaBox [ 0 0 842 595 ]"), "{file}");
        }
    }
    fs::remove_dir_all(&dir).unwrap();
    let out = organigram(["render", "--page", "a4", "--format", "mermaid"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("--page does not apply to Mermaid"),
        "{}",
        out.stderr
    );
    let out = organigram(["render", "--page", "letter"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains(
            "[possible values: a4, a4-portrait, a4-landscape, a3, a3-portrait, a3-landscape, 16:9]"
        ),
        "{}",
        out.stderr
    );
}

/// The frames (clusters) each unit of a DOT chart is drawn in, outermost first, by unit id:
/// read from the lines `render` prints, one statement a line (the legend's borderless cluster
/// around the whole chart left out).
fn frames_by_unit(dot: &str) -> std::collections::HashMap<String, Vec<String>> {
    let mut frames = std::collections::HashMap::new();
    let mut path: Vec<String> = Vec::new();
    for line in dot.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("subgraph \"") {
            path.push(rest.split('"').next().unwrap().to_owned());
        } else if line == "}" {
            path.pop();
        } else if line.starts_with("\"u") && !line.contains("->") {
            let id = line
                .split("id=\"unit-")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            let inside = path
                .iter()
                .filter(|f| *f != "cluster_chart")
                .cloned()
                .collect();
            frames.insert(id.to_owned(), inside);
        }
    }
    frames
}

/// The generated node id of the unit with this id in a DOT chart.
fn node_of(dot: &str, unit: &str) -> String {
    let line = dot
        .lines()
        .map(str::trim)
        .find(|l| l.contains(&format!("id=\"unit-{unit}\"")))
        .unwrap_or_else(|| panic!("no node for {unit}:\n{dot}"));
    line.split('[').next().unwrap().to_owned()
}

/// Without posts, DiP A-JUST still hangs from the DSJ: it is attached to the DSJ's director
/// post, which the kind filter hides, and the chart bridges that level as `subordinates
/// --unit-kind` does (issue 17).
#[test]
fn filtering_kinds_keeps_the_line() {
    let kinds = "ministry,secretariat-general,directorate,sub-directorate,project-directorate,programme-directorate";
    let chart = dot(["--organisation", "justice", "--unit-kind", kinds]);
    let (dsj, dip) = (node_of(&chart, "dsj"), node_of(&chart, "dip-a-just"));
    let bridge = chart
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(&format!("{dsj} -> {dip} ")))
        .unwrap_or_else(|| panic!("DiP A-JUST is not tied to the DSJ:\n{chart}"));
    assert!(bridge.contains("style=dashed"), "{bridge}");
    assert!(
        bridge.contains("via 1 hidden unit: Directeur des services judiciaires"),
        "{bridge}"
    );
    assert!(chart.contains("through hidden units"), "the legend says so");
    insta::assert_snapshot!(chart);
    let french = organigram([
        "render",
        "--lang",
        "fr",
        "--organisation",
        "justice",
        "--unit-kind",
        kinds,
    ])
    .run()
    .success();
    assert!(french.contains("via 1 unité masquée"), "{french}");
    let mermaid = organigram([
        "render",
        "--organisation",
        "justice",
        "--unit-kind",
        kinds,
        "--format",
        "mermaid",
    ])
    .run()
    .success();
    assert!(mermaid.contains(r#"-.-|"via 1 hidden unit"|"#), "{mermaid}");
}

/// Partners are framed apart from the organisation whose chart it is, by the organisation they
/// belong to; units whose parent is not described go into a labelled block of their
/// organisation's frame (issue 17).
#[test]
fn partners_are_drawn_outside_the_frames_they_do_not_belong_to() {
    let justice = dot(["--organisation", "justice", "--view", "full"]);
    let frames = frames_by_unit(&justice);
    let frame = |names: &[&str]| names.iter().map(|&n| n.to_owned()).collect::<Vec<_>>();
    for (unit, inside) in [
        ("dsj", frame(&["cluster_3"])),
        ("dip-a-just", frame(&["cluster_3"])),
        (
            "justice-dnum",
            frame(&["cluster_3", "cluster_3_unattached"]),
        ),
        ("dinum", frame(&["cluster_partners"])),
        ("justice-juridictions", frame(&["cluster_partners"])),
        ("start-up-a-just", frame(&["cluster_partners"])),
    ] {
        assert_eq!(frames.get(unit), Some(&inside), "{unit}");
    }
    assert!(justice.contains("<B>Partners</B>"), "{justice}");
    assert!(justice.contains("<I>Unattached units</I>"), "{justice}");
    // In the landscape, every organisation has its frame, and an organisation the description
    // only names has one when more than its own unit is drawn.
    let landscape = dot(["--view", "full"]);
    let frames = frames_by_unit(&landscape);
    let outermost = |unit: &str| frames.get(unit).and_then(|f| f.first()).cloned();
    assert_eq!(outermost("dsj").as_deref(), Some("cluster_3"));
    assert_eq!(outermost("dge-dp-ia").as_deref(), Some("cluster_0"));
    assert_eq!(outermost("dinum").as_deref(), Some("cluster_partners"));
    let council = outermost("conseil-ue");
    assert!(
        council
            .as_deref()
            .is_some_and(|f| f.starts_with("cluster_n")),
        "{council:?}"
    );
    assert_eq!(council, outermost("conseil-ue-groupe-telecoms"));
    assert!(
        landscape.contains("Conseil de l&#39;Union européenne (partner)"),
        "{landscape}"
    );
    // Every unit is in a frame.
    assert!(frames.values().all(|f| !f.is_empty()), "{landscape}");
    let french = organigram([
        "render",
        "--lang",
        "fr",
        "--organisation",
        "justice",
        "--view",
        "full",
    ])
    .run()
    .success();
    assert!(french.contains("<B>Partenaires</B>"), "{french}");
    assert!(french.contains("<I>Unités non rattachées</I>"), "{french}");
}
