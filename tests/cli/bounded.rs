//! Exit codes and bounded work, through the real binary: a verdict survives a reader that stops
//! early, output grows with the answer and not with its square, every count given is bounded,
//! and a chart too large to lay out is refused rather than handed to Graphviz.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::support::{Output, fixture, organigram};

/// The exit code of `run` when its reader stops after the first line (`| head -1`).
fn code_after_one_line(run: crate::support::Run) -> i32 {
    let mut child = run.spawn();
    let stdout = child.stdout.take().unwrap();
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "the run printed nothing");
    // The reader goes, as `head` does: the rest of the output meets a closed pipe.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    status.code().expect("the run exits with a code")
}

#[test]
fn a_verdict_survives_a_reader_that_stops_early() {
    // The example: `check | head -1` on a broken structure.
    let broken = fixture("check/orphan-unit.json");
    let check = organigram(["--org"]).arg(&broken).arg("check");
    assert_eq!(code_after_one_line(check), 1);
    // `diff --exit-code | head -c1` on different descriptions.
    let diff = organigram(["diff", "--exit-code", "org"]).arg(&broken);
    assert_eq!(code_after_one_line(diff), 1);
    // And a run with no finding still succeeds.
    let chain = organigram(["chain", "dne"]);
    assert_eq!(code_after_one_line(chain), 0);
}

#[test]
fn a_closed_standard_error_does_not_crash_the_run() {
    let mut child = organigram(["--org"])
        .arg(fixture("check/orphan-unit.json"))
        .args(["show", "nowhere"])
        .spawn();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
}

/// A hierarchy `depth` units deep, each unit attached to the one before, in `dir/deep.json`.
fn deep_hierarchy(dir: &Path, depth: usize) -> std::path::PathBuf {
    let units: Vec<String> = (0..depth)
        .map(|i| {
            let top = if i == 0 { r#", "boundary": "top""# } else { "" };
            format!(r#"{{"id": "u{i}", "name": "Unit {i}", "kind": "directorate"{top}}}"#)
        })
        .collect();
    let ties: Vec<String> = (1..depth)
        .map(|i| {
            format!(
                r#"{{"kind": "attachment", "from": "u{i}", "to": "u{}"}}"#,
                i - 1
            )
        })
        .collect();
    written(&dir.join("deep.json"), &units, &ties)
}

/// Writes a description of one organisation with these units and ties (JSON objects) at
/// `path`, and returns it.
fn written(path: &Path, units: &[String], ties: &[String]) -> std::path::PathBuf {
    let text = format!(
        r#"{{"organisation": {{"id": "o", "name": "O"}}, "units": [{}], "ties": [{}]}}"#,
        units.join(",\n"),
        ties.join(",\n")
    );
    fs::write(path, text).unwrap();
    path.to_owned()
}

/// The bytes of output per level of a deep hierarchy, for a command on it.
fn bytes_per_level(deep: &Path, depth: usize, args: &[&str]) -> usize {
    let out = organigram(["--org"]).arg(deep).args(args).run();
    let out = out.expect_code(0);
    assert!(!out.stderr.contains("panicked"));
    out.stdout.len() / depth
}

#[test]
fn output_grows_with_the_answer_not_with_its_square() {
    let dir = tempfile::tempdir().unwrap();
    let (shallow, deep) = (2_000, 20_000);
    let small = tempfile::tempdir().unwrap();
    let small_file = deep_hierarchy(small.path(), shallow);
    let large_file = deep_hierarchy(dir.path(), deep);
    let last = |depth: usize| format!("u{}", depth - 1);
    for args in [
        vec!["chain", "LAST"],
        vec!["chain", "LAST", "--format", "json"],
        vec!["subordinates", "u0"],
        vec!["subordinates", "u0", "--format", "json"],
    ] {
        let per_level = |file: &Path, depth: usize| {
            let args: Vec<String> = args
                .iter()
                .map(|a| {
                    if *a == "LAST" {
                        last(depth)
                    } else {
                        (*a).to_owned()
                    }
                })
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            bytes_per_level(file, depth, &args)
        };
        let (small, large) = (
            per_level(&small_file, shallow),
            per_level(&large_file, deep),
        );
        // Ten times deeper, not ten times more per level (a quadratic output would be): the
        // indentation stops growing past a few dozen levels.
        assert!(
            large <= small + small / 10,
            "{args:?}: {small} bytes a level at {shallow} levels, {large} at {deep}"
        );
    }
}

#[test]
fn a_hierarchy_a_hundred_thousand_levels_deep_is_walked_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let deep = deep_hierarchy(dir.path(), depth);
    let out = organigram(["--org"])
        .arg(&deep)
        .args(["chain", "u99999"])
        .run()
        .expect_code(0);
    assert!(out.stdout.lines().count() > depth, "every level is shown");
    assert!(
        out.stdout
            .contains("[level 99999] is attached to Unit 0 [u0]")
    );
    assert!(out.stdout.contains("[level 100000] ■ top of its hierarchy"));
    let out = organigram(["--org"])
        .arg(&deep)
        .args(["subordinates", "u0"])
        .run()
        .expect_code(0);
    assert!(
        out.stdout.contains("[+99966]"),
        "the deepest levels say how deep they are"
    );
}

#[test]
fn every_count_given_is_bounded_with_a_clear_message() {
    for (args, said) in [
        (
            &["path", "dne", "dinum", "--all", "--max", "4294967295"][..],
            "4294967295 is not from 1 to 1000",
        ),
        (
            &["generate", "--units", "18446744073709551615", "-o", "g"][..],
            "is not from 1 to 2000000",
        ),
        (
            &["find", "dinum", "--limit", "0"][..],
            "0 is not from 1 to 100000",
        ),
        (
            &["path", "dne", "dinum", "--all", "--max", "0"][..],
            "0 is not from 1 to 1000",
        ),
        (
            &["--max-file-size", "5000000000", "check"][..],
            "more than 4294967295 bytes (4 GiB)",
        ),
    ] {
        let out = organigram(args).run().expect_code(2);
        assert!(out.stderr.contains(said), "{args:?}: {}", out.stderr);
        assert!(!out.stderr.contains("memory allocation"), "{}", out.stderr);
    }
    // At its largest, a count is taken.
    let out = organigram(["path", "dne", "daf", "--all", "--max", "1000"])
        .run()
        .expect_code(0);
    assert!(out.stdout.contains("Shortest connection") || out.stdout.contains("Connection 1"));
}

#[test]
fn a_message_deep_in_a_line_of_megabytes_is_placed_at_its_column() {
    let dir = tempfile::tempdir().unwrap();
    // 20,000 units on one line, each with a warning (no source), the last at the end.
    let units: Vec<String> = (0..20_000)
        .map(|i| {
            format!(r#"{{"id":"u{i}","name":"Unité {i}","kind":"ministry","boundary":"top"}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"organisation":{{"id":"o","name":"O"}},"units":[{}]}}"#,
        units.join(",")
    );
    fs::write(dir.path().join("one-line.json"), &text).unwrap();
    let out = organigram(["--org", "one-line.json", "check", "--format", "json"])
        .in_dir(dir.path())
        .run()
        .expect_code(0);
    let json = out.json();
    let last = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|p| p["code"] == "missing-source")
        .unwrap();
    let at = text.rfind(r#""id":"u19999""#).unwrap() + r#""id":"#.len();
    let column = text[..at].chars().count() + 1;
    assert_eq!(last["line"], 1);
    assert_eq!(
        last["column"], column,
        "counted in characters, past 20,000 é"
    );
}

#[test]
fn a_long_text_to_find_is_compared_without_edit_distances() {
    let long = "direction ".repeat(200);
    let out = organigram(["find", &long]).run().expect_code(0);
    assert!(out.stdout.starts_with("no unit matches"), "{}", out.stdout);
    // Found as usual when it is in a name, however long it is.
    let out = organigram(["find", "direction des services judiciaires"])
        .run()
        .expect_code(0);
    assert!(out.stdout.contains("[dsj]"), "{}", out.stdout);
}

/// A description of `units` units all cooperating with one another, in `dir/complete.json`.
fn complete_graph(dir: &Path, units: usize) -> std::path::PathBuf {
    let listed: Vec<String> = (0..units)
        .map(|i| format!(r#"{{"id": "u{i}", "name": "U{i}", "kind": "team", "boundary": "top"}}"#))
        .collect();
    let ties: Vec<String> = (0..units)
        .flat_map(|i| (i + 1..units).map(move |j| (i, j)))
        .map(|(i, j)| format!(r#"{{"kind": "cooperation", "from": "u{i}", "to": "u{j}"}}"#))
        .collect();
    written(&dir.join("complete.json"), &listed, &ties)
}

#[test]
fn a_chart_too_large_for_graphviz_is_refused_before_graphviz_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    // The example's shape: a complete cooperation graph, of 60 units (1,770 ties), which
    // Graphviz would take minutes on.
    let complete = complete_graph(dir.path(), 60);
    let chart = dir.path().join("chart.svg");
    let out = organigram(["--org"])
        .arg(&complete)
        .args(["render", "--view", "cooperation", "-o"])
        .arg(&chart)
        .run();
    let out = out.expect_code(2);
    assert!(
        out.stderr.contains("draws 60 units and 1770 ties"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--root UNIT, --focus UNIT"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--large-chart"), "{}", out.stderr);
    assert!(!chart.exists());
    // Its DOT is written at any size.
    organigram(["--org"])
        .arg(&complete)
        .args(["render", "--view", "cooperation", "--format", "dot"])
        .run()
        .success();
    // A large one is drawn with less effort, and said so.
    let thirty = tempfile::tempdir().unwrap();
    let complete = complete_graph(thirty.path(), 30);
    let out = organigram(["--org"])
        .arg(&complete)
        .args(["render", "--view", "cooperation", "-o"])
        .arg(&chart)
        .run()
        .expect_code(0);
    assert!(
        out.stderr.contains("laid it out with less effort"),
        "{}",
        out.stderr
    );
    assert!(fs::read_to_string(&chart).unwrap().contains("<svg"));
}

#[test]
fn without_graphviz_the_built_in_layout_draws_at_most_500_units() {
    let dir = tempfile::tempdir().unwrap();
    let generated = dir.path().join("g");
    organigram(["generate", "--units", "600", "-o"])
        .arg(&generated)
        .run()
        .success();
    let chart = dir.path().join("chart.svg");
    let out = organigram(["--org"])
        .arg(&generated)
        .args(["render", "-o"])
        .arg(&chart)
        // No `dot` on this PATH.
        .env("PATH", "/nonexistent")
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("organigram's built-in layout"),
        "{}",
        out.stderr
    );
    assert!(!chart.exists());
}

#[test]
fn an_empty_selection_is_a_clear_message() {
    // The example: DSIN is in Province Sud, not in the Ministry of Justice.
    let out: Output = organigram(["render", "--organisation", "justice", "--root", "dsin"])
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("nothing to draw"), "{}", out.stderr);
    assert!(
        out.stderr.contains("--root dsin, --organisation justice"),
        "{}",
        out.stderr
    );
    // A variation: a kind the organisation has none of.
    let out = organigram([
        "render",
        "--organisation",
        "dge",
        "--unit-kind",
        "observatory",
    ])
    .run()
    .expect_code(2);
    assert!(out.stderr.contains("--unit-kind"), "{}", out.stderr);
}
