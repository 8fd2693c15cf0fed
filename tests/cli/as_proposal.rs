//! `diff A B --as-proposal`: the proposal that turns A into B, checked by applying it to A with
//! the library and comparing the result with B, fact by fact.

use std::fs;
use std::path::Path;

use organigram::Loader;
use organigram::diff::as_proposal;
use organigram::load::{Files, Limits};
use organigram::model::{Date, Description};

use crate::properties::facts;
use crate::support::{json_files, organigram, root};

/// The description at `path`, cut to `day` when one is given, as a structure's graph has it.
fn description(path: &Path, day: Option<&str>) -> Description {
    let loader = Loader::new().path(path);
    let loader = match day {
        Some(day) => loader.as_of(Date::parse(day).unwrap()),
        None => loader,
    };
    loader.load().unwrap().graph().to_description()
}

/// Asserts that the proposal at `proposal`, applied to the description `a`, gives `b`.
fn turns_into(a: &Path, b: &Path, proposal: &Path, day: Option<&str>) {
    let (before, after) = (description(a, day), description(b, day));
    let mut files = Files::default();
    let read = organigram::proposal::read(proposal, Limits::default(), &mut files).unwrap();
    let (applied, _) = organigram::proposal::apply(&before, &read).unwrap();
    assert_eq!(
        facts(&applied),
        facts(&after),
        "{}",
        fs::read_to_string(proposal).unwrap()
    );
}

/// The operation of each change of a proposal, in order.
fn operations(proposal: &serde_json::Value) -> Vec<String> {
    let changes = proposal["changes"].as_array().unwrap();
    changes
        .iter()
        .map(|change| {
            let keys = change.as_object().unwrap().keys();
            keys.filter(|k| !["organisation", "reason", "source"].contains(&k.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect()
}

const BEFORE: &str = r#"{"organisation": {"id": "o", "name": "O"},
 "sources": [{"id": "s", "title": "S"}],
 "units": [{"id": "top", "name": "Top", "kind": "ministry", "boundary": "top"},
           {"id": "dir", "name": "Directorate", "kind": "directorate", "remit": "Old remit"},
           {"id": "dir2", "name": "Other", "kind": "directorate"},
           {"id": "bur", "name": "Bureau", "kind": "bureau"},
           {"id": "gone", "name": "Gone", "kind": "bureau"},
           {"id": "head", "name": "Head", "kind": "post", "vacant": true},
           {"id": "expert", "name": "Expert", "kind": "post"},
           {"id": "shared", "name": "Shared", "kind": "team"}],
 "ties": [{"kind": "attachment", "from": "dir", "to": "top"},
          {"kind": "attachment", "from": "dir2", "to": "top"},
          {"kind": "attachment", "from": "bur", "to": "dir"},
          {"kind": "attachment", "from": "gone", "to": "dir"},
          {"kind": "attachment", "from": "head", "to": "dir"},
          {"kind": "head", "from": "head", "to": "dir"},
          {"kind": "attachment", "from": "expert", "to": "dir"},
          {"kind": "line-authority", "from": "expert", "to": "head"},
          {"kind": "attachment", "from": "shared", "to": "dir"},
          {"kind": "cooperation", "from": "dir", "to": "dir2"},
          {"kind": "coordination", "from": "dir", "to": "bur", "source": {"ref": "s"}}]}"#;

/// Every kind of change: a unit removed, added, renamed, re-kinded (a post that loses its
/// vacancy), moved, moved under another line authority, jointly attached, with other fields
/// (remit, headcount, dates, note, source); ties added, removed, of another kind, with another
/// source or note; a source added.
const AFTER: &str = r#"{"organisation": {"id": "o", "name": "O"},
 "sources": [{"id": "s", "title": "S"}, {"id": "t", "title": "T"}],
 "units": [{"id": "top", "name": "Top", "kind": "ministry", "boundary": "top"},
           {"id": "dir", "name": "Directorate renamed", "acronym": "DR", "kind": "directorate",
            "headcount": {"count": 3, "basis": "actual"}, "note": "A note"},
           {"id": "dir2", "name": "Other", "kind": "service", "valid_from": "2020",
            "source": {"ref": "t", "quote": "Q"}},
           {"id": "bur", "name": "Bureau", "kind": "bureau"},
           {"id": "head", "name": "Head", "kind": "mission"},
           {"id": "expert", "name": "Expert", "kind": "post"},
           {"id": "shared", "name": "Shared", "kind": "team"},
           {"id": "new", "name": "New", "kind": "bureau", "source": {"ref": "t"}}],
 "ties": [{"kind": "attachment", "from": "dir", "to": "top"},
          {"kind": "attachment", "from": "dir2", "to": "top"},
          {"kind": "attachment", "from": "bur", "to": "dir2", "source": {"ref": "t"}},
          {"kind": "attachment", "from": "head", "to": "dir"},
          {"kind": "attachment", "from": "expert", "to": "dir"},
          {"kind": "line-authority", "from": "expert", "to": "dir"},
          {"kind": "joint-attachment", "from": "shared", "to": "dir"},
          {"kind": "joint-attachment", "from": "shared", "to": "dir2"},
          {"kind": "attachment", "from": "new", "to": "dir"},
          {"kind": "coordination", "from": "dir", "to": "dir2", "note": "was a cooperation"},
          {"kind": "coordination", "from": "dir", "to": "bur", "source": {"ref": "t"}}]}"#;

#[test]
fn every_kind_of_change_is_a_change_of_the_proposal_that_gives_b() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.json"), BEFORE).unwrap();
    fs::write(dir.path().join("b.json"), AFTER).unwrap();
    let out = organigram(["diff", "a.json", "b.json", "--as-proposal"])
        .in_dir(dir.path())
        .run()
        .expect_code(0);
    assert_eq!(out.stderr, "");
    insta::assert_snapshot!("as_proposal_every_kind_of_change", out.stdout);
    let proposal: serde_json::Value = out.json();
    assert_eq!(proposal["title"], "Changes from a.json to b.json");
    assert_eq!(
        operations(&proposal),
        [
            "remove-unit",
            "add-unit",
            "rename",
            "update",
            "change-kind",
            "update",
            "move",
            "change-kind",
            "move",
            "remove-tie",
            "remove-tie",
            "remove-tie",
            "remove-tie",
            "add-tie",
            "add-tie",
            "add-tie",
            "add-tie",
            "add-tie",
        ]
    );
    fs::write(dir.path().join("p.json"), &out.stdout).unwrap();
    turns_into(
        &dir.path().join("a.json"),
        &dir.path().join("b.json"),
        &dir.path().join("p.json"),
        None,
    );
    // The proposal checks against A with the problems B has.
    let problems = |args: &[&str]| {
        let out = organigram(args).in_dir(dir.path()).run();
        let report = out.json();
        let mut codes: Vec<String> = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap().to_owned())
            .collect();
        codes.sort();
        (out.code, codes)
    };
    assert_eq!(
        problems(&[
            "--org",
            "a.json",
            "--proposal",
            "p.json",
            "check",
            "--format",
            "json"
        ]),
        problems(&["--org", "b.json", "check", "--format", "json"])
    );
    // From A to A, nothing.
    let same = organigram(["diff", "a.json", "a.json", "--as-proposal"])
        .in_dir(dir.path())
        .run()
        .expect_code(0);
    assert_eq!(same.json()["changes"], serde_json::json!([]));
}

#[test]
fn each_proposal_of_the_built_in_description_comes_back_from_the_files_it_writes() {
    for proposal in json_files(&root().join("org/proposals")) {
        let dir = tempfile::tempdir().unwrap();
        for side in ["a", "b"] {
            fs::create_dir(dir.path().join(side)).unwrap();
            for file in json_files(&root().join("org")) {
                fs::copy(&file, dir.path().join(side).join(file.file_name().unwrap())).unwrap();
            }
        }
        let mut dated: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&proposal).unwrap()).unwrap();
        dated["effective"] = "2026-01-01".into();
        fs::write(dir.path().join("p.json"), dated.to_string()).unwrap();
        let applied = organigram(["--org", "b", "--proposal", "p.json", "apply"])
            .in_dir(dir.path())
            .run();
        if applied.code == 1 {
            // `apply` refuses a proposal that brings errors: its structure is compared in memory.
            assert!(
                applied.stderr.contains("nothing was written"),
                "{proposal:?}"
            );
            let day = Date::parse("2026-01-01").unwrap();
            let load = |loader: Loader| loader.as_of(day).load().unwrap().graph().to_description();
            let before = load(Loader::new().path(dir.path().join("a")));
            let after = load(
                Loader::new()
                    .path(dir.path().join("a"))
                    .proposal(dir.path().join("p.json")),
            );
            let made = as_proposal(&before, &after, "T".to_owned(), Some(day));
            assert_eq!(made.not_held, [], "{proposal:?}");
            let text = made.file.to_json().unwrap();
            fs::write(dir.path().join("q.json"), &text).unwrap();
            let read = organigram::proposal::read(
                &dir.path().join("q.json"),
                Limits::default(),
                &mut Files::default(),
            )
            .unwrap();
            let (applied, _) = organigram::proposal::apply(&before, &read).unwrap();
            assert_eq!(facts(&applied), facts(&after), "{proposal:?}\n{text}");
            continue;
        }
        applied.expect_code(0);
        let day = ["--as-of", "2026-01-01"];
        let out = organigram(["diff", "a", "b", "--as-proposal", "-o", "q.json"])
            .args(day)
            .in_dir(dir.path())
            .run()
            .expect_code(0);
        assert_eq!(out.stdout, "", "{proposal:?}");
        let written: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.path().join("q.json")).unwrap()).unwrap();
        assert_eq!(written["effective"], "2026-01-01", "{proposal:?}");
        assert!(!operations(&written).is_empty(), "{proposal:?}");
        turns_into(
            &dir.path().join("a"),
            &dir.path().join("b"),
            &dir.path().join("q.json"),
            Some("2026-01-01"),
        );
        let check = |args: &[&str]| organigram(args).in_dir(dir.path()).run().code;
        assert_eq!(
            check(&["--org", "a", "--proposal", "q.json", "check"]),
            check(&["--org", "b", "--as-of", "2026-01-01", "check"]),
            "{proposal:?}"
        );
    }
}

#[test]
fn what_a_proposal_cannot_say_is_said_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    for side in ["a", "b"] {
        fs::create_dir(dir.path().join(side)).unwrap();
        fs::write(dir.path().join(side).join("o.json"), BEFORE).unwrap();
    }
    // In B: a new file, with a unit and a tie said once with it, and a source whose title
    // changed.
    fs::write(
        dir.path().join("b/p.json"),
        r#"{"organisation": {"id": "p", "name": "P"},
            "units": [{"id": "p", "name": "P", "kind": "agency", "boundary": "parent-outside"}],
            "ties": [{"kind": "cooperation", "from": "p", "to": "dir"}]}"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("b/o.json"),
        BEFORE.replace(r#""title": "S""#, r#""title": "S, corrected""#),
    )
    .unwrap();
    let out = organigram(["diff", "a", "b", "--as-proposal", "--title", "Hand-made"])
        .in_dir(dir.path())
        .run()
        .expect_code(1);
    assert_eq!(out.json()["title"], "Hand-made");
    assert_eq!(
        out.stderr,
        "warning: a proposal cannot say that the organisation `p` is added (a new description \
         file): its units are left out, and their ties\n\
         warning: a proposal cannot say that the source `s` changed\n\
         error: the proposal does not turn a into b whole: the 2 differences above cannot be said \
         in a proposal; it holds every other\n"
    );
    let fr = organigram(["--lang", "fr", "diff", "a", "b", "--as-proposal"])
        .in_dir(dir.path())
        .run()
        .expect_code(1);
    assert_eq!(fr.json()["title"], "Modifications de a à b");
    assert!(
        fr.stderr.contains("la source `s` a changé"),
        "{}",
        fr.stderr
    );
}

#[test]
fn what_could_not_be_read_is_said_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.json"), BEFORE).unwrap();
    let twice = BEFORE.replace(
        r#"{"id": "gone", "name": "Gone", "kind": "bureau"}"#,
        r#"{"id": "gone", "name": "Gone", "kind": "bureau"},
           {"id": "gone", "name": "Gone again", "kind": "bureau"}"#,
    );
    fs::write(dir.path().join("b.json"), twice).unwrap();
    let out = organigram(["diff", "a.json", "b.json", "--as-proposal"])
        .in_dir(dir.path())
        .run()
        .expect_code(1);
    assert_eq!(out.json()["changes"], serde_json::json!([]));
    assert_eq!(
        out.stderr,
        "warning: b.json has 1 error; answering on what loaded (`organigram check` lists \
         them, `--strict` refuses)\n\
         warning: a proposal cannot hold what b.json says where it could not be read (1 error, \
         `organigram check` lists them)\n\
         error: the proposal does not turn a.json into b.json whole: the difference above cannot \
         be said in a proposal; it holds every other\n"
    );
}

#[test]
fn as_proposal_refuses_what_does_not_apply() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.json"), BEFORE).unwrap();
    fs::write(dir.path().join("b.json"), AFTER).unwrap();
    let run = |args: &[&str]| organigram(args).in_dir(dir.path()).run();
    let from = run(&["diff", "a.json", "--from", "2020", "--as-proposal"]).expect_code(2);
    assert!(from.stderr.contains("--as-proposal"), "{}", from.stderr);
    run(&["diff", "a.json", "b.json", "--title", "T"]).expect_code(2);
    // It does not write over a file it read.
    let over = run(&["diff", "a.json", "b.json", "--as-proposal", "-o", "a.json"]).expect_code(2);
    assert!(over.stderr.contains("a.json"), "{}", over.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("a.json")).unwrap(),
        BEFORE
    );
}

#[test]
fn the_proposal_applied_to_a_writes_b_as_of_its_day() {
    let dir = tempfile::tempdir().unwrap();
    for side in ["a", "b"] {
        fs::create_dir(dir.path().join(side)).unwrap();
    }
    fs::write(dir.path().join("a/o.json"), BEFORE).unwrap();
    fs::write(dir.path().join("b/o.json"), AFTER).unwrap();
    let run = |args: &[&str]| organigram(args).in_dir(dir.path()).run();
    let day = "2026-01-01";
    run(&[
        "diff",
        "a",
        "b",
        "--as-of",
        day,
        "--as-proposal",
        "-o",
        "q.json",
    ])
    .expect_code(0);
    let applied = run(&["--org", "a", "--proposal", "q.json", "apply"]).expect_code(0);
    assert!(
        applied.stdout.contains("wrote a/o.json"),
        "{}",
        applied.stdout
    );
    // On its day, the description written is the one made by hand, but for the dates `apply`
    // gives what it adds; before it, the old one.
    let on_the_day = run(&["diff", "a", "b", "--as-of", day]).expect_code(0);
    let lines: Vec<&str> = on_the_day.stdout.lines().collect();
    assert!(
        lines[0].starts_with("Ties changed"),
        "{}",
        on_the_day.stdout
    );
    for pair in lines[1..].chunks(2) {
        assert!(pair[0].starts_with("  ~ "), "{}", on_the_day.stdout);
        assert_eq!(pair[1].trim(), r#"valid_from  "2026-01-01" → none"#);
    }
    let before = run(&["diff", "a", "b", "--as-of", "2025-12-31", "--exit-code"]);
    assert_eq!(before.expect_code(1).stderr, "");
}

#[test]
fn every_difference_a_proposal_cannot_say_has_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for side in ["a", "b"] {
        fs::create_dir(dir.path().join(side)).unwrap();
    }
    let agency = r#"{"id": "qq", "name": "QQ", "kind": "agency", "boundary": "parent-outside"}"#;
    fs::write(dir.path().join("a/o.json"), BEFORE).unwrap();
    fs::write(
        dir.path().join("a/q.json"),
        format!(r#"{{"organisation": {{"id": "q", "name": "Q"}}, "units": [{agency}]}}"#),
    )
    .unwrap();
    // In B: q.json gone, its unit declared in o.json, o renamed, the source `s` gone, and a
    // cooperation with a unit declared nowhere.
    let after = BEFORE
        .replace(r#""name": "O"}"#, r#""name": "O renamed"}"#)
        .replace(r#" "sources": [{"id": "s", "title": "S"}],"#, "")
        .replace(r#", "source": {"ref": "s"}"#, "")
        .replace(
            r#"{"id": "shared", "name": "Shared", "kind": "team"}"#,
            &format!(r#"{{"id": "shared", "name": "Shared", "kind": "team"}}, {agency}"#),
        )
        .replace(
            r#"{"kind": "cooperation", "from": "dir", "to": "dir2"}"#,
            r#"{"kind": "cooperation", "from": "dir", "to": "dir2"},
               {"kind": "cooperation", "from": "dir", "to": "ghost"}"#,
        );
    fs::write(dir.path().join("b/o.json"), after).unwrap();
    let out = organigram(["diff", "a", "b", "--as-proposal"])
        .in_dir(dir.path())
        .run()
        .expect_code(1);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "warning: b has 1 error; answering on what loaded (`organigram check` lists them, \
             `--strict` refuses)",
            "warning: a proposal cannot say that the organisation `o` changed its name, acronym \
             or unit",
            "warning: a proposal cannot say that the organisation `q` is removed (a description \
             file gone)",
            "warning: a proposal cannot say that the source `s` is removed",
            "warning: a proposal cannot say that the unit `qq` is now declared in another \
             organisation's file",
            "warning: a proposal cannot say that `dir` cooperates with `ghost`, a tie with an end \
             that is no unit",
            "error: the proposal does not turn a into b whole: the 5 differences above cannot be \
             said in a proposal; it holds every other",
        ]
    );
    // The rest is in the proposal: the coordination's source is gone.
    let proposal = out.json();
    assert!(
        operations(&proposal).contains(&"remove-tie".to_owned()),
        "{proposal}"
    );
}
