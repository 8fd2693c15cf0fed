//! Quick fixes for the problems shown (`textDocument/codeAction`): each fix applied to the text
//! as an editor applies it, the text sent back, and the problem gone, the file still JSON.

use std::path::Path;

use serde_json::{Value, json};

use super::client::{Client, Workspace, apply_edits, uri};

/// A file with a typo in a tie's end, a unit with no source, and a tie to a unit nowhere
/// declared; on one line per unit, as people write small files.
const INLINE: &str = r#"{
  "organisation": {"id": "a", "name": "A"},
  "sources": [{"id": "sa", "title": "Posting A"}, {"id": "sb", "title": "Posting B"}],
  "units": [
    {"id": "a-top", "name": "A", "kind": "ministry", "boundary": "top", "source": {"ref": "sa"}},
    {"id": "a-dir", "name": "Direction", "kind": "directorate", "source": {"ref": "sa"}},
    {"id": "a-bureau", "name": "Bureau", "kind": "bureau"}
  ],
  "ties": [
    {"kind": "attachment", "from": "a-dir", "to": "a-topp", "source": {"ref": "sa"}},
    {"kind": "attachment", "from": "a-bureau", "to": "a-dir", "source": {"ref": "sa"}},
    {"kind": "head", "from": "a-dir-directeur", "to": "a-dir", "source": {"ref": "sa"}}
  ]
}
"#;

/// `text` with the edits of `action` for the file at `path` applied, as an editor applies them.
fn apply_edit(text: &str, action: &Value, path: &Path) -> String {
    apply_edits(text, &action["edit"]["changes"][uri(path)])
}

/// The problem of `code` whose message holds `about`, among those shown for `path`.
fn problem(client: &mut Client, path: &Path, code: &str, about: &str) -> Option<Value> {
    client
        .problems(path)
        .into_iter()
        .find(|d| d["code"] == code && d["message"].as_str().unwrap().contains(about))
}

/// The fixes the server offers for `diagnostic`.
fn fixes(client: &mut Client, path: &Path, diagnostic: &Value) -> Vec<Value> {
    let answer = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri(path)},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    answer
        .as_array()
        .unwrap_or_else(|| panic!("{answer}"))
        .clone()
}

/// Applies the fix titled with `title` of the problem of `code` about `about`, sends the text to
/// the server, and checks the problem is gone and the file still JSON; returns the new text.
fn fix(
    client: &mut Client,
    path: &Path,
    text: &str,
    (code, about): (&str, &str),
    title: &str,
) -> String {
    let diagnostic = problem(client, path, code, about)
        .unwrap_or_else(|| panic!("no {code} about {about}: {:?}", client.problems(path)));
    let offered = fixes(client, path, &diagnostic);
    let action = offered
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains(title))
        .unwrap_or_else(|| panic!("no fix {title:?}: {offered:?}"));
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["diagnostics"][0]["code"], code);
    let fixed = apply_edit(text, action, path);
    serde_json::from_str::<Value>(&fixed).unwrap_or_else(|e| panic!("{e}: {fixed}"));
    client.replace(path, &fixed);
    assert_eq!(problem(client, path, code, about), None, "{fixed}");
    fixed
}

#[test]
fn each_fix_removes_its_problem_and_keeps_the_file_json() {
    let workspace = Workspace::with(&[("a.json", INLINE)]);
    let path = workspace.file("a.json");
    let mut client = workspace.start();
    client.open(&path);
    // Did you mean: the nearest id, preferred.
    let typo = problem(&mut client, &path, "unknown-unit", "a-topp").unwrap();
    let offered = fixes(&mut client, &path, &typo);
    assert_eq!(offered[0]["title"], "Replace with `a-top`", "{offered:?}");
    assert_eq!(offered[0]["isPreferred"], true);
    let text = fix(
        &mut client,
        &path,
        INLINE,
        ("unknown-unit", "a-topp"),
        "`a-top`",
    );
    assert!(text.contains(r#""to": "a-top","#), "{text}");
    // Add the missing source: one fix per source of the file, the first preferred.
    let missing = problem(&mut client, &path, "missing-source", "a-bureau").unwrap();
    let titles: Vec<Value> = fixes(&mut client, &path, &missing)
        .iter()
        .map(|a| a["title"].clone())
        .collect();
    assert_eq!(titles, ["Cite the source `sa`", "Cite the source `sb`"]);
    let text = fix(
        &mut client,
        &path,
        &text,
        ("missing-source", "a-bureau"),
        "`sb`",
    );
    assert!(
        text.contains(r#""kind": "bureau", "source": {"ref": "sb"}}"#),
        "{text}"
    );
    // Declare this unit: a post, which a head tie needs at its `from`.
    let text = fix(
        &mut client,
        &path,
        &text,
        ("unknown-unit", "a-dir-directeur"),
        "Declare the unit `a-dir-directeur`",
    );
    let file: Value = serde_json::from_str(&text).unwrap();
    let declared = file["units"].as_array().unwrap().last().unwrap();
    assert_eq!(declared["id"], "a-dir-directeur");
    assert_eq!(declared["kind"], "post", "{text}");
    // What is left is the new unit's missing source, fixed the same way.
    fix(
        &mut client,
        &path,
        &text,
        ("missing-source", "a-dir-directeur"),
        "`sa`",
    );
    assert_eq!(client.codes(&path), Vec::<String>::new());
    assert!(client.shutdown().success());
}

#[test]
fn fixes_follow_the_canonical_layout_of_a_file() {
    let mut file: Value = serde_json::from_str(INLINE).unwrap();
    file["ties"].as_array_mut().unwrap().truncate(2);
    file["ties"][0]["to"] = json!("a-top");
    file["ties"][1]["to"] = json!("a-dirr");
    let text = serde_json::to_string_pretty(&file).unwrap() + "\n";
    let workspace = Workspace::with(&[("a.json", &text)]);
    let path = workspace.file("a.json");
    let mut client = workspace.start();
    client.open(&path);
    let text = fix(
        &mut client,
        &path,
        &text,
        ("missing-source", "a-bureau"),
        "`sa`",
    );
    assert!(
        text.contains("      \"kind\": \"bureau\",\n      \"source\": {\n        \"ref\": \"sa\"\n      }\n    }"),
        "{text}"
    );
    let text = fix(
        &mut client,
        &path,
        &text,
        ("unknown-unit", "a-dirr"),
        "`a-dir`",
    );
    assert!(text.contains("\"to\": \"a-dir\""), "{text}");
    assert_eq!(client.codes(&path), Vec::<String>::new());
    assert!(client.shutdown().success());
}

#[test]
fn a_file_of_no_workspace_or_a_problem_with_no_fix_gets_none() {
    let workspace = Workspace::with(&[("a.json", INLINE)]);
    let path = workspace.file("a.json");
    let mut client = workspace.start();
    client.open(&path);
    let elsewhere = workspace.dir.path().join("notes.json");
    let diagnostic = json!({
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
        "message": "x",
        "code": "unknown-unit",
    });
    let answer = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&elsewhere)}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}}),
    );
    assert_eq!(answer, Value::Null);
    // Out of the text, or on no string: no fix, and the server goes on.
    let mut far = diagnostic.clone();
    far["range"]["start"] = json!({"line": 9999, "character": 9999});
    assert_eq!(fixes(&mut client, &path, &far), Vec::<Value>::new());
    assert_eq!(fixes(&mut client, &path, &diagnostic), Vec::<Value>::new());
    assert!(client.shutdown().success());
}
