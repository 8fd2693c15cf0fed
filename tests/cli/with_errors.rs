//! Queries on a description with errors: they answer on what loaded after one line on standard
//! error, `--strict` refuses as before, `check` stays the gate and `apply` still refuses.

use std::fs;
use std::path::Path;

use crate::support::{Output, organigram};

/// A ministry, a directorate attached to it and a bureau attached to the directorate.
const SOUND: &str = r#"{"organisation": {"id": "o", "name": "O"},
 "units": [{"id": "top", "name": "Top", "kind": "ministry", "boundary": "top"},
           {"id": "dir", "name": "Directorate", "kind": "directorate"},
           {"id": "bur", "name": "Bureau", "kind": "bureau"}],
 "ties": [{"kind": "attachment", "from": "dir", "to": "top"},
          {"kind": "attachment", "from": "bur", "to": "dir"}]}"#;

/// The sound description with one more tie, or one more unit.
fn with(tie: Option<&str>, unit: Option<&str>) -> String {
    let mut text = SOUND.to_owned();
    if let Some(tie) = tie {
        text = text.replace(r#""to": "dir"}]}"#, &format!(r#""to": "dir"}}, {tie}]}}"#));
    }
    if let Some(unit) = unit {
        text = text.replace(
            r#""kind": "bureau"}]"#,
            &format!(r#""kind": "bureau"}}, {unit}]"#),
        );
    }
    assert_ne!(text, SOUND, "nothing added");
    text
}

/// Each kind of error reading a description finds, and the description that has it.
fn broken() -> [(&'static str, String); 3] {
    [
        (
            "unknown unit",
            with(
                Some(r#"{"kind": "cooperation", "from": "dir", "to": "ghost"}"#),
                None,
            ),
        ),
        (
            "duplicate id",
            with(
                None,
                Some(r#"{"id": "bur", "name": "Bureau again", "kind": "post"}"#),
            ),
        ),
        (
            "forbidden tie",
            with(
                Some(r#"{"kind": "secretariat", "from": "bur", "to": "dir"}"#),
                None,
            ),
        ),
    ]
}

const WARNING: &str = "warning: the description has 1 error; answering on what loaded \
                       (`organigram check` lists them, `--strict` refuses)\n";

/// Runs organigram in `dir` on the description `text`, written there as `o.json` (which `diff`
/// is given as its arguments say, the other commands with `--org`).
fn run_on(dir: &Path, text: &str, args: &[&str]) -> Output {
    fs::write(dir.join("o.json"), text).unwrap();
    let org: &[&str] = if args[0] == "diff" {
        &[]
    } else {
        &["--org", "o.json"]
    };
    organigram(org.iter().chain(args)).in_dir(dir).run()
}

#[test]
fn queries_answer_on_what_loaded_after_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for (what, text) in broken() {
        let answers: [(&[&str], &str); 7] = [
            (&["show", "bur"], "Bureau"),
            (&["chain", "bur"], "is attached to Directorate [dir]"),
            (&["subordinates", "top"], "Bureau [bur]"),
            (&["find", "bureau"], "Bureau [bur]"),
            (&["render", "--format", "dot"], "digraph"),
            (&["export", "--format", "graphml"], "<graphml"),
            (&["stats"], "bureau"),
        ];
        for (args, answer) in answers {
            let out = run_on(dir.path(), &text, args).expect_code(0);
            assert!(
                out.stdout.contains(answer),
                "{what}, {args:?}: {}",
                out.stdout
            );
            assert_eq!(out.stderr, WARNING, "{what}, {args:?}");
        }
        // JSON stays JSON on standard output; the warning is on standard error only.
        let out = run_on(dir.path(), &text, &["chain", "bur", "--format", "json"]).expect_code(0);
        assert_eq!(out.json()["unit"]["id"], "bur", "{what}");
        assert_eq!(out.stderr, WARNING, "{what}");
    }
}

#[test]
fn what_loaded_keeps_the_first_of_an_id_and_leaves_out_the_ties_in_error() {
    let dir = tempfile::tempdir().unwrap();
    let [unknown, duplicate, forbidden] = broken();
    let shown = run_on(dir.path(), &duplicate.1, &["show", "bur"]).expect_code(0);
    assert!(shown.stdout.contains("bureau"), "{}", shown.stdout);
    assert!(!shown.stdout.contains("Bureau again"), "{}", shown.stdout);
    for (what, text) in [unknown, forbidden] {
        let partners = run_on(dir.path(), &text, &["partners", "dir", "--format", "json"])
            .expect_code(0)
            .json();
        assert_eq!(
            partners["groups"],
            serde_json::json!([]),
            "{what}: {partners}"
        );
    }
}

#[test]
fn strict_refuses_as_before() {
    let dir = tempfile::tempdir().unwrap();
    for (what, text) in broken() {
        for args in [
            &["show", "bur", "--strict"][..],
            &["chain", "bur", "--strict"],
            &["render", "--format", "dot", "--strict"],
            &["export", "--strict"],
            &["diff", "o.json", "o.json", "--strict"],
        ] {
            let out = run_on(dir.path(), &text, args).expect_code(2);
            assert!(out.stdout.is_empty(), "{what}, {args:?}: {}", out.stdout);
            assert!(
                out.stderr
                    .ends_with("error: the description has 1 error; nothing else was done\n"),
                "{what}, {args:?}: {}",
                out.stderr
            );
            assert!(out.stderr.contains("error["), "{what}: {}", out.stderr);
        }
    }
}

#[test]
fn check_stays_the_gate_and_apply_still_refuses() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("p.json"),
        r#"{"title": "T", "effective": "2026", "changes": [{"remove-unit": "bur"}]}"#,
    )
    .unwrap();
    for (what, text) in broken() {
        let out = run_on(dir.path(), &text, &["check"]).expect_code(1);
        assert!(out.stdout.contains("1 error"), "{what}: {}", out.stdout);
    }
    // `apply` reads as before: errors in reading refuse it (it writes what it read), and an
    // error of the structure is one the proposal may not add to.
    let [_, (_, duplicate), _] = broken();
    let out = run_on(dir.path(), &duplicate, &["--proposal", "p.json", "apply"]).expect_code(2);
    assert!(
        out.stderr
            .ends_with("error: the description has 1 error; nothing else was done\n"),
        "{}",
        out.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("o.json")).unwrap(),
        duplicate
    );
}

#[test]
fn the_warning_speaks_french() {
    let dir = tempfile::tempdir().unwrap();
    let [(_, text), ..] = broken();
    let out = run_on(dir.path(), &text, &["--lang", "fr", "chain", "bur"]).expect_code(0);
    assert_eq!(
        out.stderr,
        "avertissement\u{a0}: la description comporte 1 erreur\u{a0}; réponse sur ce qui a pu être \
         lu (`organigram check` les liste, `--strict` refuse de répondre)\n"
    );
}

#[test]
fn a_chart_of_what_loaded_is_written_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let [(_, text), ..] = broken();
    let out = run_on(
        dir.path(),
        &text,
        &["render", "--format", "dot", "-o", "chart.dot"],
    );
    assert_eq!(out.expect_code(0).stderr, WARNING);
    let chart = fs::read_to_string(dir.path().join("chart.dot")).unwrap();
    assert!(chart.contains("Bureau"), "{chart}");
    let mut files: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["chart.dot", "o.json"]);
}

#[test]
fn a_file_that_cannot_be_read_is_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = organigram(["--org", "nowhere.json", "show", "bur"])
        .in_dir(dir.path())
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("cannot read nowhere.json"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("nothing else was done"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_chain_ends_on_a_cycle() {
    let dir = tempfile::tempdir().unwrap();
    // The ministry attached to the bureau under it: a cycle, which `check` reports.
    let cyclic = with(
        Some(r#"{"kind": "attachment", "from": "top", "to": "bur"}"#),
        None,
    )
    .replace(r#", "boundary": "top""#, "");
    let out = run_on(dir.path(), &cyclic, &["check"]).expect_code(1);
    assert!(out.stdout.contains("cycle"), "{}", out.stdout);
    for args in [
        &["chain", "bur"][..],
        &["subordinates", "top"],
        &["superior", "bur", "dir"],
        &["path", "bur", "top"],
        &["stats"],
        &["render", "--format", "dot"],
    ] {
        let out = run_on(dir.path(), &cyclic, args).expect_code(0);
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let chain = run_on(dir.path(), &cyclic, &["chain", "bur"]).expect_code(0);
    assert!(chain.stdout.contains("Top [top]"), "{}", chain.stdout);
}

#[test]
fn help_says_what_strict_does_for_each_command_that_answers() {
    for command in [
        "show",
        "find",
        "chain",
        "subordinates",
        "superior",
        "path",
        "partners",
        "stats",
        "history",
        "render",
        "export",
        "diff",
    ] {
        let help = organigram([command, "--help"]).run().success();
        assert!(
            help.contains("--strict")
                && help.contains("Refuse to answer when the description has errors"),
            "{command}: {help}"
        );
    }
    for command in ["check", "apply"] {
        let help = organigram([command, "--help"]).run().success();
        assert!(
            !help.contains("Refuse to answer when the description has errors"),
            "{command}: {help}"
        );
    }
}

#[test]
fn diff_names_the_description_that_has_errors() {
    let dir = tempfile::tempdir().unwrap();
    let [(_, text), ..] = broken();
    fs::write(dir.path().join("sound.json"), SOUND).unwrap();
    let out = run_on(dir.path(), &text, &["diff", "sound.json", "o.json"]).expect_code(0);
    assert_eq!(
        out.stderr,
        "warning: o.json has 1 error; answering on what loaded (`organigram check` lists them, \
         `--strict` refuses)\n"
    );
    // Read on two days, one description warns once.
    let out = run_on(
        dir.path(),
        &text,
        &["diff", "o.json", "--from", "2020", "--to", "2021"],
    )
    .expect_code(0);
    assert_eq!(out.stderr, WARNING);
}
