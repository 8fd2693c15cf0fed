//! Renaming an id everywhere (`textDocument/prepareRename`, `textDocument/rename`): the edit
//! applied to the files, `check` finds what it found before.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::client::{Client, Workspace, apply_edits, uri};
use super::navigate::{at, position};
use crate::support::Run;

/// A proposal naming `dinum` in a move, for a rename to reach proposals too.
const MOVE_ETALAB: &str = r#"{
  "title": "Etalab joins the DINUM",
  "changes": [
    {
      "move": {
        "unit": "etalab",
        "to": "dinum"
      },
      "reason": "A test of renaming."
    }
  ]
}
"#;

/// The codes of the problems `check` finds in the workspace's description, or with
/// `proposal`, sorted.
fn codes(workspace: &Workspace, proposal: Option<&Path>) -> Vec<String> {
    let org = workspace.file("");
    let mut args = vec![
        "check".into(),
        "--org".into(),
        org.display().to_string(),
        "--format".into(),
        "json".into(),
    ];
    if let Some(proposal) = proposal {
        args.extend(["--proposal".into(), proposal.display().to_string()]);
    }
    let output = Run::new(env!("CARGO_BIN_EXE_organigram"), args).run();
    let problems = output.json()["problems"].clone();
    let mut codes: Vec<String> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_owned())
        .collect();
    codes.sort();
    codes
}

/// Applies a workspace edit's `changes` to the files on disk, as an editor does; the files
/// edited, with how many edits each.
fn apply(edit: &Value) -> Vec<(PathBuf, usize)> {
    let changes = edit["changes"]
        .as_object()
        .unwrap_or_else(|| panic!("{edit}"));
    let mut edited = Vec::new();
    for (uri, edits) in changes {
        let path = PathBuf::from(uri.strip_prefix("file://").unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, apply_edits(&text, edits)).unwrap();
        edited.push((path, edits.as_array().unwrap().len()));
    }
    edited.sort();
    edited
}

/// `textDocument/rename` at `position` of `path` to `new`.
fn rename(client: &mut Client, path: &Path, position: &Value, new: &str) -> Value {
    client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri(path)}, "position": position, "newName": new}),
    )
}

/// `textDocument/prepareRename` at `position` of `path`.
fn prepare(client: &mut Client, path: &Path, position: &Value) -> Value {
    client.request(
        "textDocument/prepareRename",
        json!({"textDocument": {"uri": uri(path)}, "position": position}),
    )
}

/// The files of the workspace's `org/` and its proposals, with their texts.
fn texts(workspace: &Workspace) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for folder in [workspace.file(""), workspace.file("proposals")] {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path, text));
            }
        }
    }
    files
}

#[test]
fn a_unit_s_id_is_renamed_in_every_file_and_proposal_and_check_finds_the_same() {
    let workspace = Workspace::builtin();
    let proposal = workspace.file("proposals/move-etalab.json");
    std::fs::write(&proposal, MOVE_ETALAB).unwrap();
    let before = (codes(&workspace, None), codes(&workspace, Some(&proposal)));
    let named: usize = texts(&workspace)
        .iter()
        .map(|(_, text)| text.matches("\"dinum\"").count())
        .sum();
    let mut client = workspace.start();
    let interministerial = workspace.file("interministerial.json");
    let declaration = at(&interministerial, "\"id\": \"dinum\"", 0, 8);
    let prepared = prepare(&mut client, &interministerial, &declaration);
    assert_eq!(prepared["placeholder"], "dinum", "{prepared}");
    // From a reference in another file, as from the declaration.
    let justice = workspace.file("justice.json");
    let reference = at(&justice, "\"to\": \"dinum\"", 0, 8);
    let edit = rename(&mut client, &justice, &reference, "dinum-renamed");
    assert_eq!(
        edit,
        rename(
            &mut client,
            &interministerial,
            &declaration,
            "dinum-renamed"
        )
    );
    assert!(client.shutdown().success());
    let edited = apply(&edit);
    let files: Vec<PathBuf> = edited.iter().map(|(path, _)| path.clone()).collect();
    assert_eq!(files, [interministerial, justice, proposal.clone()]);
    assert_eq!(edited.iter().map(|(_, n)| n).sum::<usize>(), named);
    for (path, text) in texts(&workspace) {
        assert!(!text.contains("\"dinum\""), "{}", path.display());
    }
    let after = (codes(&workspace, None), codes(&workspace, Some(&proposal)));
    assert_eq!(after, before);
    // The proposal's move still applies: no error with it.
    assert!(
        !after.1.iter().any(|code| code.starts_with("unknown")),
        "{after:?}"
    );
}

#[test]
fn renaming_an_organisation_s_unit_keeps_it_the_organisation_s() {
    let workspace = Workspace::builtin();
    let before = codes(&workspace, None);
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    // The unit `justice`, which the organisation `justice` leaves out, so it is its unit.
    let unit = at(&justice, "\"id\": \"justice\"", 1, 8);
    let edit = rename(&mut client, &justice, &unit, "justice-ministry");
    assert!(client.shutdown().success());
    let changes = edit["changes"][uri(&justice)].as_array().unwrap();
    assert!(
        changes
            .iter()
            .any(|e| e["newText"] == ",\n    \"unit\": \"justice-ministry\""),
        "{edit}"
    );
    apply(&edit);
    let after = std::fs::read_to_string(&justice).unwrap();
    assert!(after.contains("\"id\": \"justice\",\n    \"unit\": \"justice-ministry\",\n"));
    assert_eq!(codes(&workspace, None), before);
}

#[test]
fn a_source_s_id_is_renamed_where_it_is_declared_and_cited() {
    let workspace = Workspace::builtin();
    let before = codes(&workspace, None);
    let cited: usize = texts(&workspace)
        .iter()
        .map(|(_, text)| text.matches("\"seed-000\"").count())
        .sum();
    let mut client = workspace.start();
    let interministerial = workspace.file("interministerial.json");
    let citation = at(&interministerial, "\"ref\": \"seed-000\"", 0, 10);
    let edit = rename(&mut client, &interministerial, &citation, "seed-zero");
    assert!(client.shutdown().success());
    let edited = apply(&edit);
    assert!(edited.len() > 1, "{edit}");
    assert_eq!(edited.iter().map(|(_, n)| n).sum::<usize>(), cited);
    assert_eq!(codes(&workspace, None), before);
}

#[test]
fn a_rename_to_an_invalid_or_taken_id_is_refused_and_nothing_else_is_renamed() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    let dsj = at(&justice, "\"id\": \"dsj\"", 0, 8);
    let invalid = rename(&mut client, &justice, &dsj, "Not an id");
    assert_eq!(invalid["error"]["code"], -32602, "{invalid}");
    assert!(
        invalid["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`Not an id` is not a valid unit id"),
        "{invalid}"
    );
    let taken = rename(&mut client, &justice, &dsj, "dinum");
    assert_eq!(taken["error"]["code"], -32803, "{taken}");
    assert!(
        taken["error"]["message"]
            .as_str()
            .unwrap()
            .contains("interministerial.json"),
        "{taken}"
    );
    // An organisation's id is not renamed; neither is an id no unit has.
    let organisation = at(&justice, "\"id\": \"justice\"", 0, 8);
    let refused = prepare(&mut client, &justice, &organisation);
    assert_eq!(refused["error"]["code"], -32803, "{refused}");
    let text = std::fs::read_to_string(&justice).unwrap();
    let typo = text.replacen("\"to\": \"dinum\"", "\"to\": \"dinum-x\"", 1);
    client.open_text(&justice, &typo);
    let at_typo = position(&typo, typo.find("\"dinum-x\"").unwrap() + 2);
    let unknown = rename(&mut client, &justice, &at_typo, "dinum-y");
    assert_eq!(unknown["error"]["code"], -32803, "{unknown}");
    // Where there is no id, nothing to rename; the same id, no edit.
    let name = at(&justice, "\"Ministère de la Justice\"", 0, 3);
    assert_eq!(prepare(&mut client, &justice, &name), Value::Null);
    assert_eq!(rename(&mut client, &justice, &name, "x"), Value::Null);
    let same = rename(&mut client, &justice, &dsj, "dsj");
    assert_eq!(
        same["changes"].as_object().map_or(0, serde_json::Map::len),
        0,
        "{same}"
    );
    // The server is still there.
    let prepared = prepare(&mut client, &justice, &dsj);
    assert_eq!(prepared["placeholder"], "dsj", "{prepared}");
    assert!(client.shutdown().success());
}
