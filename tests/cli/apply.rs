//! `apply`: a proposal written into copies of a description's files as dated changes. On its
//! effective day the files give the structure `--proposal` shows, on the day before the structure
//! there was, and `history` tells the changes; the files are in canonical form; what cannot be
//! written all is not written at all.

use std::fs;
use std::path::{Path, PathBuf};

use organigram::diff::diff;
use organigram::graph::OrgGraph;
use organigram::load::{Input, Limits, load, unmerge};
use organigram::model::Date;
use organigram::{Loader, Workspace};

use crate::support::{Output, json_files, organigram, root};

/// The day the proposals of these tests take effect.
const EFFECTIVE: &str = "2026-01-01";

/// The last day before they do.
const DAY_BEFORE: &str = "2025-12-31";

/// A folder holding `org/`, a copy of the description files of `description` (a folder or one
/// file), and `proposal.json`, the proposal at `proposal` taking effect on [`EFFECTIVE`].
fn copy(description: &Path, proposal: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let org = dir.path().join("org");
    fs::create_dir(&org).unwrap();
    let files = if description.is_dir() {
        json_files(description)
    } else {
        vec![description.to_owned()]
    };
    for file in files {
        fs::copy(&file, org.join(file.file_name().unwrap())).unwrap();
    }
    write_proposal(dir.path(), proposal, Some(EFFECTIVE));
    dir
}

/// Writes `dir/proposal.json`: the proposal at `path`, taking effect on `effective`.
fn write_proposal(dir: &Path, path: &Path, effective: Option<&str>) {
    let mut proposal: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    if let Some(effective) = effective {
        proposal["effective"] = effective.into();
    }
    proposal["$schema"] = root()
        .join("schema/proposal.schema.json")
        .display()
        .to_string()
        .into();
    let text = serde_json::to_string_pretty(&proposal).unwrap();
    fs::write(dir.join("proposal.json"), text).unwrap();
}

/// The text of every file of `dir`, by name.
fn texts(dir: &Path) -> Vec<(PathBuf, String)> {
    json_files(dir)
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            (PathBuf::from(path.file_name().unwrap()), text)
        })
        .collect()
}

fn apply(dir: &Path) -> Output {
    organigram(["--org", "org", "apply", "--proposal", "proposal.json"])
        .in_dir(dir)
        .run()
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn loaded(loader: Loader) -> Workspace {
    let workspace = loader
        .load()
        .unwrap_or_else(|refused| panic!("{:?}", refused.diagnostics));
    assert!(!workspace.has_errors(), "{:?}", workspace.read);
    workspace
}

/// Asserts that two structures are the same, dates and citations aside: in the files, a tie the
/// proposal adds starts on its effective day and one it removes ends then, and a unit it renames
/// keeps citing its own source, its past citing the change.
fn assert_same(before: &OrgGraph, after: &OrgGraph, what: &str) {
    let diff = diff(before, after);
    let units_changed: Vec<String> = diff
        .units_changed
        .iter()
        .filter(|c| {
            c.renamed
                || c.kind_changed
                || c.moved.is_some()
                || c.attributes.iter().any(|a| a.name != "source")
        })
        .map(|c| format!("{:?}", c.after.unit.id))
        .collect();
    let ties_changed: Vec<String> = diff
        .ties_changed
        .iter()
        .filter(|c| {
            c.fields
                .iter()
                .any(|f| !matches!(f.name, "valid_from" | "valid_until" | "source"))
        })
        .map(|c| c.after.to_string())
        .collect();
    assert!(
        diff.units_added.is_empty()
            && diff.units_removed.is_empty()
            && units_changed.is_empty()
            && diff.ties_added.is_empty()
            && diff.ties_removed.is_empty()
            && ties_changed.is_empty(),
        "{what}: {} units added, {} removed, changed: {units_changed:?}; ties added: {:?}, removed: {:?}, changed: {ties_changed:?}",
        diff.units_added.len(),
        diff.units_removed.len(),
        diff.ties_added
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        diff.ties_removed
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
    );
}

/// Asserts that every file of `dir` is in the canonical form: read and written again, it gives
/// the same bytes.
fn assert_canonical(dir: &Path) {
    let loaded = load(&[Input::Path(dir.to_owned())], Limits::default());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    for (file, doc) in unmerge(&loaded.description, &loaded.files) {
        let name = organigram::diagnostic::SourceMap::name(&loaded.files, file).to_owned();
        assert_eq!(
            doc.to_json().unwrap(),
            fs::read_to_string(&name).unwrap(),
            "{} is not in canonical form",
            name.display()
        );
    }
}

/// Every proposal of these tests, with the description it applies to.
fn proposals() -> Vec<(PathBuf, PathBuf)> {
    let mut all: Vec<(PathBuf, PathBuf)> = json_files(&root().join("org/proposals"))
        .into_iter()
        .map(|proposal| (root().join("org"), proposal))
        .collect();
    for name in ["repairs", "breaks", "every-operation"] {
        all.push((
            root().join("tests/fixtures/proposals/base.json"),
            root().join(format!("tests/fixtures/proposals/{name}.json")),
        ));
    }
    all
}

#[test]
fn applied_on_its_day_a_proposal_gives_the_structure_it_shows_and_keeps_the_one_before() {
    for (description, proposal) in proposals() {
        let name = proposal.display().to_string();
        let dir = copy(&description, &proposal);
        let org = dir.path().join("org");
        let before = texts(&org);
        let checked = organigram([
            "--org",
            "org",
            "check",
            "--proposal",
            "proposal.json",
            "--format",
            "json",
        ])
        .in_dir(dir.path())
        .run();
        let applied = apply(dir.path());
        if checked.json()["summary"]["new"]["errors"] != 0 {
            // A proposal that brings errors is refused, and nothing is written.
            let refused = applied.expect_code(1);
            assert!(
                refused.stderr.contains("nothing was written"),
                "{name}: {}",
                refused.stderr
            );
            assert_eq!(texts(&org), before, "{name}");
            continue;
        }
        let written = applied.success();
        assert!(written.starts_with("Applied: "), "{name}: {written}");

        let proposed = loaded(
            Loader::new()
                .path(&description)
                .proposal(dir.path().join("proposal.json")),
        );
        let dated = loaded(Loader::new().path(&org).as_of(date(EFFECTIVE)));
        assert_same(proposed.graph(), dated.graph(), &name);
        let was = loaded(Loader::new().path(&description).as_of(date(DAY_BEFORE)));
        let kept = loaded(Loader::new().path(&org).as_of(date(DAY_BEFORE)));
        assert_same(was.graph(), kept.graph(), &name);

        assert_canonical(&org);
        // The files the proposal does not change are left as they were, byte for byte.
        for (file, text) in before {
            let listed = written.contains(&format!("wrote org/{}", file.display()));
            let now = fs::read_to_string(org.join(&file)).unwrap();
            assert_eq!(now != text, listed, "{name}: {}", file.display());
        }
        // Applied, the proposal cannot be applied again: what it removes is no longer there.
        apply(dir.path()).expect_code(2);
    }
}

#[test]
fn after_apply_the_description_answers_for_either_side_of_the_day() {
    let dir = copy(
        &root().join("org"),
        &root().join("org/proposals/merge-dsj-hr.json"),
    );
    let written = apply(dir.path()).success();
    assert_eq!(
        written,
        "Applied: Merge DSJ's two human-resources sub-directorates (proposal.json), effective 2026-01-01\n  wrote org/justice.json\n"
    );
    let run = |args: &[&str]| {
        organigram(["--org", "org"])
            .args(args)
            .in_dir(dir.path())
            .run()
    };
    run(&["check", "--as-of", DAY_BEFORE]).expect_code(0);
    run(&["check", "--as-of", EFFECTIVE]).expect_code(0);

    let greffes = ["show", "dsj-sd-rh-greffes", "--as-of"];
    let before = run(&[&greffes[..], &[DAY_BEFORE]].concat()).success();
    assert!(
        before.starts_with(
            "Sous-direction des ressources humaines des greffes [dsj-sd-rh-greffes]\n"
        )
    );
    let after = run(&[&greffes[..], &[EFFECTIVE]].concat()).expect_code(0);
    assert!(
        after.stdout.starts_with(
            "Sous-direction des ressources humaines des greffes [dsj-sd-rh-greffes] is not in the structure as of 2026-01-01: it ended on 2026-01-01, succeeded by Sous-direction des ressources humaines de la magistrature et des greffes (SDRH) [dsj-sd-rh-magistrature]"
        ),
        "{}",
        after.stdout
    );

    // `history` gives back the proposal's changes, each dated on its effective day.
    assert_eq!(
        run(&["history", "dsj-sd-rh-magistrature"]).success(),
        "Sous-direction des ressources humaines de la magistrature et des greffes (SDRH) [dsj-sd-rh-magistrature]
  2026-01-01  succeeded `dsj-sd-rh-greffes`  [proposal-dsj-hr]
  2026-01-01  renamed: “Sous-direction des ressources humaines de la magistrature” → “Sous-direction des ressources humaines de la magistrature et des greffes”  [proposal-dsj-hr]
  2026-01-01  acronym: none → “SDRH”  [proposal-dsj-hr]
"
    );
    let greffes = run(&["history", "dsj-sd-rh-greffes"]).success();
    assert!(
        greffes.ends_with(
            "  2026-01-01  dissolved  [seed-001] “la sous-direction des ressources humaines des greffes”
  2026-01-01  succeeded by `dsj-sd-rh-magistrature`  [proposal-dsj-hr]
"
        ),
        "{greffes}"
    );

    let name = |day: &str| {
        let shown = run(&[
            "show",
            "dsj-sd-rh-magistrature",
            "--as-of",
            day,
            "--format",
            "json",
        ]);
        let json = shown.json();
        (json["name"].clone(), json["acronym"].clone())
    };
    assert_eq!(
        name(DAY_BEFORE),
        (
            "Sous-direction des ressources humaines de la magistrature".into(),
            serde_json::Value::Null
        )
    );
    assert_eq!(
        name(EFFECTIVE),
        (
            "Sous-direction des ressources humaines de la magistrature et des greffes".into(),
            "SDRH".into()
        )
    );
}

#[test]
fn a_file_not_in_canonical_form_is_rewritten_in_it_and_the_output_says_so() {
    let dir = copy(
        &root().join("tests/fixtures/proposals/base.json"),
        &root().join("tests/fixtures/proposals/every-operation.json"),
    );
    let out = organigram([
        "--org",
        "org",
        "apply",
        "--proposal",
        "proposal.json",
        "--format",
        "json",
    ])
    .in_dir(dir.path())
    .run()
    .expect_code(0);
    assert_eq!(
        out.json(),
        serde_json::json!({
            "proposal": {"file": "proposal.json", "title": "Every operation, once", "effective": EFFECTIVE},
            "written": [{"file": "org/base.json", "was_canonical": false}],
        })
    );
    assert_canonical(&dir.path().join("org"));
    let french = copy(
        &root().join("tests/fixtures/proposals/base.json"),
        &root().join("tests/fixtures/proposals/every-operation.json"),
    );
    let out = organigram([
        "--lang",
        "fr",
        "--org",
        "org",
        "apply",
        "--proposal",
        "proposal.json",
    ])
    .in_dir(french.path())
    .run()
    .success();
    assert_eq!(
        out,
        "Appliquée\u{a0}: Every operation, once (proposal.json), prenant effet le 2026-01-01\n  org/base.json écrit, dans la forme canonique d’organigram, où il n’était pas\u{a0}: son diff montre plus que les modifications de la proposition\n"
    );
}

/// A proposal that changes two files of the built-in description: one rename in each.
const TWO_FILES: &str = r#"{"title": "Two renames", "effective": "2026-01-01", "changes": [
    {"rename": {"unit": "dsj", "name": "Direction des juridictions"}},
    {"rename": {"unit": "dne", "name": "Direction du numérique éducatif"}}
]}"#;

#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_written_leaves_every_file_as_it_was() {
    let dir = copy(
        &root().join("org"),
        &root().join("org/proposals/merge-dsj-hr.json"),
    );
    fs::write(dir.path().join("proposal.json"), TWO_FILES).unwrap();
    // education.json is a link to a file in a folder of org/: read, but never written through.
    let org = dir.path().join("org");
    fs::create_dir(org.join("real")).unwrap();
    fs::rename(org.join("education.json"), org.join("real/education.json")).unwrap();
    std::os::unix::fs::symlink("real/education.json", org.join("education.json")).unwrap();
    let before = texts(&org);
    let out = apply(dir.path()).expect_code(2);
    assert_eq!(
        out.stderr,
        "error: cannot write org/education.json: it is a symbolic link, and organigram writes only where a regular file or nothing is; name another path; nothing was written\n"
    );
    assert_eq!(texts(&org), before);
    assert!(
        fs::symlink_metadata(org.join("education.json"))
            .unwrap()
            .is_symlink()
    );
    let names: Vec<String> = fs::read_dir(&org)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(names.is_empty(), "temporaries left: {names:?}");
}

#[test]
fn apply_refuses_what_it_cannot_write_as_a_dated_change() {
    let dir = copy(
        &root().join("org"),
        &root().join("org/proposals/merge-dsj-hr.json"),
    );
    let org = dir.path().join("org");
    let before = texts(&org);
    let refused = |args: &[&str]| {
        organigram(args)
            .in_dir(dir.path())
            .run()
            .expect_code(2)
            .stderr
    };
    assert_eq!(
        refused(&["--org", "org", "apply"]),
        "error: `apply` writes a proposal into the description: name it with --proposal FILE\n"
    );
    assert_eq!(
        refused(&[
            "--org",
            "org",
            "apply",
            "--proposal",
            "proposal.json",
            "--as-of",
            "2027"
        ]),
        "error: --as-of does not apply to `apply`, which works on the day the proposal takes effect, its `effective` date\n"
    );
    assert!(
        refused(&["--org", "-", "apply", "--proposal", "proposal.json"])
            .ends_with("not from standard input\n")
    );
    let elsewhere = tempfile::tempdir().unwrap();
    write_proposal(
        elsewhere.path(),
        &root().join("org/proposals/merge-dsj-hr.json"),
        Some(EFFECTIVE),
    );
    let builtin = organigram(["apply", "--proposal", "proposal.json"])
        .in_dir(elsewhere.path())
        .run()
        .expect_code(2);
    assert!(
        builtin
            .stderr
            .ends_with("not from the description built into organigram\n"),
        "{}",
        builtin.stderr
    );
    write_proposal(
        dir.path(),
        &root().join("org/proposals/merge-dsj-hr.json"),
        None,
    );
    assert_eq!(
        refused(&["--org", "org", "apply", "--proposal", "proposal.json"]),
        "error: the proposal proposal.json does not say when it takes effect, and `apply` dates its changes with that day: add `\"effective\": \"YYYY-MM-DD\"` to it\n"
    );
    write_proposal(
        dir.path(),
        &root().join("org/proposals/remove-pole-fonctionnel.json"),
        Some(EFFECTIVE),
    );
    let errors = organigram(["--org", "org", "apply", "--proposal", "proposal.json"])
        .in_dir(dir.path())
        .run()
        .expect_code(1);
    assert!(
        errors.stderr.starts_with("error[orphan-unit]: "),
        "{}",
        errors.stderr
    );
    assert!(
        errors.stderr.ends_with(
            "error: the proposal brings 1 new error, above; nothing was written\nhelp: `organigram check --proposal proposal.json` shows them with the rest\n"
        ),
        "{}",
        errors.stderr
    );
    assert_eq!(texts(&org), before);
}

#[test]
fn a_description_that_would_not_read_back_is_not_written() {
    let dir = copy(
        &root().join("org"),
        &root().join("org/proposals/merge-dsj-hr.json"),
    );
    // A team with a post's term: accepted by the proposal, refused by the reader.
    let proposal = r#"{"title": "A team with a term", "effective": "2026-01-01", "changes": [
        {"add-unit": {"id": "equipe", "name": "Équipe", "kind": "team", "term_months": 12},
         "organisation": "justice"},
        {"add-tie": {"kind": "attachment", "from": "equipe", "to": "dsj"}}
    ]}"#;
    fs::write(dir.path().join("proposal.json"), proposal).unwrap();
    let org = dir.path().join("org");
    let before = texts(&org);
    let out = apply(dir.path()).expect_code(1);
    assert!(
        out.stderr.starts_with("error[attribute-not-allowed]: "),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with(
            "error: written, the description would not read back: 1 error, above, in the files as they would be; nothing was written\n"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(texts(&org), before);
}

#[test]
fn check_says_when_a_proposal_takes_effect_and_refuses_an_earlier_day() {
    let dir = copy(
        &root().join("org"),
        &root().join("org/proposals/merge-dsj-hr.json"),
    );
    let run = |args: &[&str]| {
        organigram(["--org", "org", "check", "--proposal", "proposal.json"])
            .args(args)
            .in_dir(dir.path())
            .run()
    };
    let text = run(&[]).expect_code(0).stdout;
    assert!(
        text.starts_with(
            "Proposal: Merge DSJ's two human-resources sub-directorates (proposal.json, 2 changes)\nTakes effect on 2026-01-01: the structure is checked as of that day\n\n"
        ),
        "{text}"
    );
    let later = run(&["--as-of", "2026-06-15", "--format", "json"]).expect_code(0);
    assert_eq!(
        later.json()["proposal"]["effective"],
        serde_json::json!({"date": "2026-01-01", "as_of": "2026-06-15"})
    );
    let french = run(&["--lang", "fr"]).expect_code(0).stdout;
    assert!(
        french.contains(
            "\nPrend effet le 2026-01-01\u{a0}: la structure est vérifiée à cette date\n"
        ),
        "{french}"
    );
    let earlier = run(&["--as-of", DAY_BEFORE]).expect_code(2);
    assert!(
        earlier.stderr.starts_with(
            "error[proposal-not-in-force]: this proposal takes effect on 2026-01-01, after the day asked for (2025-12-31)\n"
        ),
        "{}",
        earlier.stderr
    );
    assert!(earlier.stderr.contains(
        "= help: a proposal changes nothing before it takes effect: give `--as-of 2026-01-01` or a later day, or leave out `--proposal` to see the structure of 2025-12-31"
    ));
}

#[test]
fn check_runs_the_rules_of_time_on_the_history_a_dated_proposal_writes() {
    let dir = tempfile::tempdir().unwrap();
    let description = r#"{"organisation": {"id": "o", "name": "O", "unit": "top"},
        "units": [{"id": "top", "name": "Top", "kind": "ministry", "boundary": "top"},
                  {"id": "a", "name": "A", "kind": "directorate"},
                  {"id": "b", "name": "B", "kind": "directorate"}],
        "ties": [{"kind": "attachment", "from": "a", "to": "top"},
                 {"kind": "attachment", "from": "b", "to": "top"},
                 {"kind": "cooperation", "from": "a", "to": "b", "valid_from": "2027"}]}"#;
    fs::write(dir.path().join("o.json"), description).unwrap();
    let proposal =
        r#"{"title": "Remove A", "effective": "2026", "changes": [{"remove-unit": "a"}]}"#;
    fs::write(dir.path().join("p.json"), proposal).unwrap();
    // Closed in 2026, `a` keeps the cooperation that starts in 2027: its history says so.
    let checked = organigram([
        "--org",
        "o.json",
        "check",
        "--proposal",
        "p.json",
        "--format",
        "json",
    ])
    .in_dir(dir.path())
    .run()
    .expect_code(0);
    let json = checked.json();
    let new: Vec<&str> = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["new"] == true)
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(new, ["outdated-tie"]);
}
