//! `new unit` and `new tie`: a unit or a tie added to a copy of the built-in description, in the
//! file it belongs to, checked first; every refusal writes nothing.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Output, json_files, org_files, organigram};

/// A folder holding `org/`, a copy of the built-in description.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("org")).unwrap();
    for file in org_files() {
        fs::copy(
            &file,
            dir.path().join("org").join(file.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

/// The bytes of every file of `dir/org`, by path.
fn texts(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    json_files(&dir.join("org"))
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

fn run<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Output {
    organigram(args).in_dir(dir).run()
}

/// `new unit` of a sub-directorate under DSJ, citing `source`, with `extra` arguments.
fn new_unit(dir: &Path, source: &str, extra: &[&str]) -> Output {
    let args = [
        "new",
        "unit",
        "--id",
        "dsj-sdx",
        "--name",
        "Sous-direction X",
        "--kind",
        "sous-direction",
        "--parent",
        "dsj",
        "--source",
        source,
        "--quote",
        "la sous-direction X",
    ];
    organigram(args).args(extra).in_dir(dir).run()
}

#[test]
fn a_new_unit_goes_into_its_parent_s_file_and_every_command_sees_it() {
    let dir = copy();
    let before = texts(dir.path());
    let out = new_unit(
        dir.path(),
        "seed-001",
        &["--acronym", "SDX", "--alias", "X"],
    )
    .success();
    assert_eq!(out, "added unit `dsj-sdx` to org/justice.json\n");
    // Only the parent's file changed, by the unit and its tie, in canonical form.
    for (path, bytes) in before {
        let now = fs::read(&path).unwrap();
        assert_eq!(
            now != bytes,
            path.ends_with("justice.json"),
            "{}",
            path.display()
        );
    }
    let justice = fs::read_to_string(dir.path().join("org/justice.json")).unwrap();
    let unit = "    {\n      \"id\": \"dsj-sdx\",\n      \"name\": \"Sous-direction X\",\n      \"acronym\": \"SDX\",\n      \"aliases\": [\n        \"X\"\n      ],\n      \"kind\": \"sub-directorate\",\n      \"source\": {\n        \"ref\": \"seed-001\",\n        \"quote\": \"la sous-direction X\"\n      }\n    }\n  ],\n  \"ties\": [";
    assert!(justice.contains(unit), "{justice}");
    let tie = "    {\n      \"kind\": \"attachment\",\n      \"from\": \"dsj-sdx\",\n      \"to\": \"dsj\",\n      \"source\": {\n        \"ref\": \"seed-001\",\n        \"quote\": \"la sous-direction X\"\n      }\n    }\n  ]\n}\n";
    assert!(justice.ends_with(tie), "{justice}");
    run(dir.path(), &["check"]).expect_code(0);
    run(dir.path(), &["fmt", "--check"]).expect_code(0);
    let chain = run(dir.path(), &["chain", "SDX"]).success();
    assert!(
        chain.starts_with("Sous-direction X (SDX) [dsj-sdx]\n  is attached to Direction des services judiciaires (DSJ) [dsj]"),
        "{chain}"
    );
    let show = run(dir.path(), &["show", "dsj"]).success();
    assert!(show.contains("[dsj-sdx]"), "{show}");
}

#[test]
fn a_new_tie_goes_into_the_file_of_its_from_unit() {
    let dir = copy();
    let args = tie("coopération", "dsj", "inesia", &["--note", "essai"]);
    let out = run(dir.path(), &args).success();
    assert_eq!(
        out,
        "added tie cooperation from `dsj` to `inesia` to org/justice.json\n"
    );
    let partners = run(dir.path(), &["partners", "inesia"]).success();
    assert!(partners.contains("[dsj]"), "{partners}");
    run(dir.path(), &["check"]).expect_code(0);
}

#[test]
fn a_new_source_is_declared_with_the_unit_and_file_names_another_file() {
    let dir = copy();
    let out = new_unit(
        dir.path(),
        "decret-x",
        &[
            "--source-title",
            "Décret X",
            "--source-date",
            "2026-01",
            "--file",
            "org/interministerial.json",
        ],
    );
    let out = out.success();
    assert_eq!(out, "added unit `dsj-sdx` to org/interministerial.json\n");
    let text = fs::read_to_string(dir.path().join("org/interministerial.json")).unwrap();
    assert!(
        text.contains("      \"id\": \"decret-x\",\n      \"title\": \"Décret X\",\n      \"date\": \"2026-01\"\n"),
        "{text}"
    );
    run(dir.path(), &["check"]).expect_code(0);
}

/// `new tie` of `kind` from `from` to `to`, citing `seed-001`, with `extra` arguments.
fn tie(kind: &str, from: &str, to: &str, extra: &[&str]) -> Vec<String> {
    let args = ["new", "tie", "--kind", kind, "--from", from, "--to", to];
    let cited = ["--source", "seed-001"];
    args.iter()
        .chain(&cited)
        .chain(extra)
        .map(|a| (*a).to_owned())
        .collect()
}

/// Runs `args` in a copy, expecting `code`, and asserts that nothing was written.
fn unchanged<S: AsRef<OsStr>>(args: &[S], code: i32) -> Output {
    let dir = copy();
    let before = texts(dir.path());
    let out = run(dir.path(), args).expect_code(code);
    assert_eq!(texts(dir.path()), before, "{}", out.transcript());
    let names: Vec<_> = fs::read_dir(dir.path().join("org"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), before.len(), "no temporary is left");
    out
}

/// `new unit` of a unit named X citing `seed-001` (the sixth argument), with `extra` arguments.
fn unit_with(extra: &[&str]) -> Vec<String> {
    let unit = ["new", "unit", "--name", "X", "--source", "seed-001"];
    unit.iter().chain(extra).map(|a| (*a).to_owned()).collect()
}

/// `new unit` of the bureau `dsj-bx`, with `extra` arguments.
fn bureau(extra: &[&str]) -> Vec<String> {
    let mut args = unit_with(&["--kind", "bureau", "--id", "dsj-bx"]);
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    args
}

#[test]
fn a_duplicate_id_is_refused_with_both_places_and_nothing_is_written() {
    let args = unit_with(&[
        "--parent",
        "dsj",
        "--kind",
        "bureau",
        "--id",
        "dsj-directeur",
    ]);
    let out = unchanged(&args, 1);
    assert!(
        out.stderr
            .contains("error[duplicate-id]: duplicate unit id `dsj-directeur`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("first declared here"), "{}", out.stderr);
    assert!(
        out.stderr.ends_with(
            "error: the addition brings 1 new error, above, in the file as it would be; nothing was written\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_parent_gets_the_nearest_id() {
    let out = unchanged(&bureau(&["--parent", "dsj-x"]), 2);
    assert_eq!(
        out.stderr,
        "error: no unit has the id `dsj-x` (--parent)\nhelp: did you mean `dsj`?\n"
    );
}

#[test]
fn an_unknown_kind_gets_the_nearest_name_in_either_language() {
    let out = unchanged(
        &unit_with(&[
            "--parent",
            "dsj",
            "--kind",
            "sous-directon",
            "--id",
            "dsj-bx",
        ]),
        2,
    );
    assert_eq!(
        out.stderr,
        "error: `sous-directon` (--kind) is no kind organigram knows\nhelp: did you mean `sous-direction`?\n"
    );
    let out = unchanged(&tie("cooperaton", "dsj", "inesia", &[]), 2);
    assert!(
        out.stderr.contains("did you mean `cooperation`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_tie_the_kinds_forbid_is_refused() {
    // A directorate cannot head a post: `head` goes from a post to the unit it heads.
    let out = unchanged(&tie("head", "dsj", "dsj-directeur", &[]), 1);
    assert!(
        out.stderr.contains("error[tie-not-allowed]"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_unknown_source_gets_the_nearest_id_or_how_to_declare_one() {
    let mut args = bureau(&["--parent", "dsj"]);
    args[5] = "sed-001".to_owned();
    let out = unchanged(&args, 2);
    assert_eq!(
        out.stderr,
        "error: no source has the id `sed-001` (--source)\nhelp: did you mean `seed-001`?\n"
    );
    args[5] = "unheard-of".to_owned();
    let out = unchanged(&args, 2);
    assert!(
        out.stderr.contains("--source-title TITLE"),
        "{}",
        out.stderr
    );
    // Every fact cites its source: there is no `new` without one.
    let mut args = tie("cooperation", "dsj", "inesia", &[]);
    args.truncate(8);
    let out = unchanged(&args, 2);
    assert!(out.stderr.contains("--source <ID>"), "{}", out.stderr);
}

#[test]
fn a_dry_run_prints_what_would_be_added_and_writes_nothing() {
    let out = unchanged(&bureau(&["--parent", "dsj", "--dry-run"]), 0);
    insta::assert_snapshot!(out.transcript());
}

#[test]
fn messages_are_french_with_lang_fr() {
    let mut args = vec!["--lang".to_owned(), "fr".to_owned()];
    args.extend(bureau(&["--parent", "dsj-x"]));
    let out = unchanged(&args, 2);
    assert_eq!(
        out.stderr,
        "erreur\u{a0}: aucune unité n’a l’identifiant `dsj-x` (--parent)\naide\u{a0}: vouliez-vous dire `dsj`\u{a0}?\n"
    );
}

#[test]
fn the_built_in_description_is_not_edited() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = bureau(&["--parent", "dsj"]);
    args.insert(0, "--org".to_owned());
    args.insert(1, "-".to_owned());
    let out = run(dir.path(), &args).expect_code(2);
    assert!(
        out.stderr.contains("not from standard input"),
        "{}",
        out.stderr
    );
    let out = run(dir.path(), &bureau(&["--parent", "dsj"])).expect_code(2);
    assert!(
        out.stderr.contains("the description built into organigram"),
        "{}",
        out.stderr
    );
}
