//! `organigram render`, run as a user runs it: the DOT of each view on the built-in description
//! (snapshots), every format, the fallback without Graphviz, `--all` and the committed `output/`,
//! and names built to break quoting. Every DOT these tests produce goes through Graphviz's real
//! `dot`, which must render it with no warning.

use std::fs;
use std::path::{Path, PathBuf};

use organigram::render::{ImageFormat, graphviz};

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
    let out = organigram([
        "render",
        "--organisation",
        "province-sud",
        "--format",
        "mermaid",
    ])
    .run()
    .success();
    insta::assert_snapshot!(out);
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
