//! Problems as one types: the same as `check`'s, on the right ranges, in the files they are in,
//! whichever file the edit was in.

use serde_json::Value;

use super::client::{Client, Workspace, uri};
use crate::support::organigram;

/// A file of two units, the second attached to a unit of `b.json`.
const A: &str = r#"{
  "organisation": {"id": "a", "name": "A"},
  "sources": [{"id": "sa", "title": "Posting A"}],
  "units": [
    {"id": "a-top", "name": "A", "kind": "ministry", "boundary": "top", "source": {"ref": "sa"}},
    {"id": "a-dir", "name": "Direction", "kind": "directorate", "source": {"ref": "sa"}}
  ],
  "ties": [
    {"kind": "attachment", "from": "a-dir", "to": "a-top", "source": {"ref": "sa"}}
  ]
}
"#;

/// A file whose unit is attached to `a-dir`, of `a.json`.
const B: &str = r#"{
  "organisation": {"id": "b", "name": "B"},
  "sources": [{"id": "sb", "title": "Posting B"}],
  "units": [
    {"id": "b-office", "name": "Bureau", "kind": "bureau", "source": {"ref": "sb"}}
  ],
  "ties": [
    {"kind": "attachment", "from": "b-office", "to": "a-dir", "source": {"ref": "sb"}}
  ]
}
"#;

/// The line of `B`'s tie.
const TIE_LINE: u32 = 7;

/// The messages' first lines, for comparing with `check`'s messages.
fn first_line(diagnostic: &Value) -> &str {
    diagnostic["message"]
        .as_str()
        .unwrap()
        .lines()
        .next()
        .unwrap()
}

#[test]
fn the_builtin_description_shows_what_check_shows_in_every_file() {
    let workspace = Workspace::builtin();
    let checked = organigram(["check", "--format", "json"])
        .in_dir(workspace.dir.path())
        .run()
        .json();
    let mut client = workspace.start();
    client.sync();
    let mut expected: Vec<(String, String, u64, String)> = checked["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let path = workspace.dir.path().join(p["file"].as_str().unwrap());
            (
                uri(&path),
                p["code"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap() - 1,
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut shown: Vec<(String, String, u64, String)> = client
        .diagnostics
        .iter()
        .filter(|(uri, _)| !uri.contains("/proposals/"))
        .flat_map(|(uri, list)| {
            list.iter().map(move |d| {
                (
                    uri.clone(),
                    d["code"].as_str().unwrap().to_owned(),
                    d["range"]["start"]["line"].as_u64().unwrap(),
                    first_line(d).to_owned(),
                )
            })
        })
        .collect();
    expected.sort();
    shown.sort();
    assert!(expected.len() >= 9, "{expected:?}");
    assert_eq!(shown, expected);
    // Every file of the description, and each proposal, has had its problems published, if
    // only to say it has none.
    for file in ["justice.json", "dge.json", "proposals/move-dip-a-just.json"] {
        assert!(
            client.diagnostics.contains_key(&uri(&workspace.file(file))),
            "{file}: {:?}",
            client.diagnostics.keys()
        );
    }
    assert!(client.shutdown().success());
}

#[test]
fn a_reference_broken_by_an_edit_is_shown_where_it_is_with_check_s_hint() {
    let workspace = Workspace::with(&[("a.json", A), ("b.json", B)]);
    let b = workspace.file("b.json");
    let mut client = workspace.start();
    client.open(&b);
    assert_eq!(client.codes(&b), Vec::<String>::new());
    // `"to": "a-dir"` becomes `"to": "a-dirx"`.
    let line = B.lines().nth(TIE_LINE as usize).unwrap();
    let at = u32::try_from(line.find("a-dir\"").unwrap() + "a-dir".len()).unwrap();
    client.change(&b, [TIE_LINE, at, TIE_LINE, at], "x");
    let problems = client.problems(&b);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert_eq!(problem["code"], "unknown-unit");
    assert_eq!(problem["severity"], 1);
    assert_eq!(problem["source"], "organigram");
    assert_eq!(problem["range"]["start"]["line"], TIE_LINE);
    let message = problem["message"].as_str().unwrap();
    assert!(message.contains("a-dirx"), "{message}");
    assert!(
        message.contains("did you mean `a-dir`?") || message.contains("help: "),
        "{message}"
    );
    // Mended, the problem goes.
    client.change(&b, [TIE_LINE, at, TIE_LINE, at + 1], "");
    assert_eq!(client.codes(&b), Vec::<String>::new());
    assert!(client.shutdown().success());
}

#[test]
fn only_the_files_whose_problems_an_edit_changes_are_published_again() {
    let workspace = Workspace::with(&[("a.json", A), ("b.json", B)]);
    let (a, b) = (workspace.file("a.json"), workspace.file("b.json"));
    let mut client = workspace.start();
    client.open(&b);
    client.sync();
    let first = client.diagnostics.clone();
    let count = |client: &super::client::Client, path| client.publications[&uri(path)];
    let (a_before, b_before) = (count(&client, &a), count(&client, &b));
    // A new name changes no problem: nothing is published again.
    client.replace(&b, &B.replace("\"Bureau\"", "\"Bureau des affaires\""));
    client.sync();
    assert_eq!(
        (count(&client, &a), count(&client, &b)),
        (a_before, b_before)
    );
    // A broken reference is published where it is; undone, the first problems come back.
    let line = B.lines().nth(TIE_LINE as usize).unwrap();
    let at = u32::try_from(line.find("a-dir\"").unwrap() + "a-dir".len()).unwrap();
    client.change(&b, [TIE_LINE, at, TIE_LINE, at], "x");
    assert_eq!(client.codes(&b), ["unknown-unit"]);
    assert_eq!(count(&client, &b), b_before + 1);
    client.replace(&b, B);
    client.sync();
    assert_eq!(count(&client, &b), b_before + 2);
    assert_eq!(client.diagnostics, first);
    assert!(client.shutdown().success());
}

#[test]
fn removing_a_unit_shows_the_problems_of_the_ties_that_named_it_in_other_files() {
    let workspace = Workspace::with(&[("a.json", A), ("b.json", B)]);
    let (a, b) = (workspace.file("a.json"), workspace.file("b.json"));
    let mut client = workspace.start();
    client.open(&a);
    client.sync();
    // a.json without `a-dir`, nor its tie: b.json, not open, has the problem.
    let without = A
        .lines()
        .filter(|line| !line.contains("a-dir"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("\"sa\"}},", "\"sa\"}}");
    client.replace(&a, &without);
    // `a-top` is left with no tie at all.
    assert_eq!(client.codes(&a), ["isolated-unit"]);
    let problems = client.problems(&b);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["code"], "unknown-unit");
    assert_eq!(problems[0]["range"]["start"]["line"], TIE_LINE);
    // Closed without saving, a.json is the disk's again, and so is b.json.
    client.notify(
        "textDocument/didClose",
        serde_json::json!({"textDocument": {"uri": uri(&a)}}),
    );
    assert_eq!(client.codes(&b), Vec::<String>::new());
    assert!(client.shutdown().success());
}

#[test]
fn a_file_broken_mid_edit_is_shown_and_the_others_keep_their_problems() {
    let workspace = Workspace::with(&[("a.json", A), ("b.json", B)]);
    let (a, b) = (workspace.file("a.json"), workspace.file("b.json"));
    let mut client = workspace.start();
    client.open(&b);
    // b.json cut in the middle of a string, then given text that is not JSON at all, or
    // hostile: the server answers each time.
    for text in [
        &B[..B.find("b-office").unwrap() + 3],
        "\u{0}\u{feff}}{",
        &"[".repeat(100_000),
    ] {
        client.replace(&b, text);
        let problems = client.problems(&b);
        assert!(!problems.is_empty(), "{text:.40}");
        assert_eq!(problems[0]["severity"], 1, "{problems:?}");
        assert_eq!(client.codes(&a), Vec::<String>::new());
    }
    // A change whose range is out of the text, and one for a file never opened, change
    // nothing that breaks.
    client.change(&b, [900, 3, 1000, 0], "");
    client.change(&workspace.file("none.json"), [0, 0, 0, 0], "x");
    client.replace(&b, B);
    assert_eq!(client.codes(&b), Vec::<String>::new());
    assert!(client.shutdown().success());
}

#[test]
fn a_proposal_shows_what_it_cannot_do_and_what_it_breaks() {
    let proposal = r#"{
  "title": "Move the office",
  "sources": [{"id": "sp", "title": "Plan"}],
  "changes": [
    {"move": {"unit": "b-offic", "to": "a-top"}, "source": {"ref": "sp"}}
  ]
}
"#;
    let workspace =
        Workspace::with(&[("a.json", A), ("b.json", B), ("proposals/p.json", proposal)]);
    let p = workspace.file("proposals/p.json");
    let mut client = workspace.start();
    let problems = client.problems(&p);
    assert!(!problems.is_empty(), "{:?}", client.diagnostics);
    assert_eq!(problems[0]["range"]["start"]["line"], 4, "{problems:?}");
    assert!(first_line(&problems[0]).contains("b-offic"), "{problems:?}");
    // Mended, it applies, and brings no problem.
    client.open(&p);
    client.replace(&p, &proposal.replace("b-offic", "b-office"));
    assert_eq!(client.codes(&p), Vec::<String>::new());
    // Removing `a-dir` leaves `b-office` with no parent: the proposal says it brings that
    // problem, at its changes, with where the problem is in the structure as proposed.
    let remove = proposal.replace(
        r#"{"move": {"unit": "b-offic", "to": "a-top"}"#,
        r#"{"remove-unit": "a-dir""#,
    );
    client.replace(&p, &remove);
    let problems = client.problems(&p);
    let orphan = problems
        .iter()
        .find(|d| d["code"] == "orphan-unit")
        .unwrap_or_else(|| panic!("{problems:?}"));
    let message = orphan["message"].as_str().unwrap();
    assert!(
        message.starts_with("as proposed: ") && message.contains("b-office"),
        "{message}"
    );
    let related = &orphan["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], uri(&workspace.file("b.json")));
    assert_eq!(related["range"]["start"]["line"], 4);
    // The description's own files do not have it: it is the proposal's.
    assert_eq!(
        client.codes(&workspace.file("b.json")),
        Vec::<String>::new()
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_workspace_without_org_is_the_description_only_when_a_file_describes_an_organisation() {
    // A project of another kind: its JSON files are not read as a description.
    let project = tempfile::tempdir().unwrap();
    let package = project.path().join("package.json");
    std::fs::write(&package, r#"{"name": "app", "version": "1.0.0"}"#).unwrap();
    std::fs::write(
        project.path().join("tsconfig.json"),
        r#"{"compilerOptions": {}}"#,
    )
    .unwrap();
    let mut client = Client::start(project.path(), &[], serde_json::json!(null));
    client.open(&package);
    client.sync();
    assert!(client.diagnostics.is_empty(), "{:?}", client.diagnostics);
    assert!(client.shutdown().success());
    // A folder of description files with no `org/` is the description.
    let folder = tempfile::tempdir().unwrap();
    let b = folder.path().join("b.json");
    std::fs::write(&b, B).unwrap();
    let mut client = Client::start(folder.path(), &[], serde_json::json!(null));
    assert_eq!(client.codes(&b), ["unknown-unit"]);
    assert!(client.shutdown().success());
}

#[test]
fn each_proposal_s_problems_are_placed_in_its_own_text() {
    // Two proposals whose unknown unit is on different lines: each problem is on its own line.
    let first = r#"{"title": "First", "sources": [{"id": "sp", "title": "Plan"}], "changes": [
  {"move": {"unit": "b-offic", "to": "a-top"}, "source": {"ref": "sp"}}
]}
"#;
    let second = r#"{
  "title": "Second",
  "sources": [{"id": "sp", "title": "Plan"}],
  "changes": [
    {"move": {"unit": "b-office", "to": "a-top"}, "source": {"ref": "sp"}},
    {"move": {"unit": "a-dirr", "to": "a-top"}, "source": {"ref": "sp"}}
  ]
}
"#;
    let workspace = Workspace::with(&[
        ("a.json", A),
        ("b.json", B),
        ("proposals/first.json", first),
        ("proposals/second.json", second),
    ]);
    let mut client = workspace.start();
    for (name, text, id) in [("first", first, "b-offic"), ("second", second, "a-dirr")] {
        let problems = client.problems(&workspace.file(&format!("proposals/{name}.json")));
        let line = text
            .lines()
            .position(|l| l.contains(&format!("\"{id}\"")))
            .unwrap();
        assert!(!problems.is_empty(), "{name}: {:?}", client.diagnostics);
        for problem in &problems {
            assert!(first_line(problem).contains(id), "{name}: {problem}");
            assert_eq!(problem["range"]["start"]["line"], line, "{name}: {problem}");
        }
    }
    assert!(client.shutdown().success());
}
