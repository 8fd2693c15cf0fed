//! What the editor offers as one types (`textDocument/completion`).

use std::collections::HashMap;
use std::path::Path;

use organigram::model::{Family, UnitKind};
use serde_json::{Value, json};

use super::client::{Client, Workspace, uri};
use super::hover::position;

/// The line of the built-in `justice.json` where its ties start, after which a tie is typed.
fn ties_line(text: &str) -> usize {
    text.lines()
        .position(|l| l.trim() == "\"ties\": [")
        .unwrap()
}

/// `text` with `typed` on a line of its own after the line `after`.
fn typed_after(text: &str, after: usize, typed: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(after + 1, typed);
    lines.join("\n") + "\n"
}

/// The completion at the end of line `line`, which holds `typed`, of the file at `path`.
fn complete_at(client: &mut Client, path: &Path, line: usize, typed: &str) -> Value {
    let character = typed.encode_utf16().count();
    client.request(
        "textDocument/completion",
        json!({
            "textDocument": {"uri": uri(path)},
            "position": {"line": line, "character": character},
        }),
    )
}

/// The labels of a completion list's items, in the order of their `sortText`.
fn labels_of(list: &Value) -> Vec<String> {
    let mut items: Vec<&Value> = list["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no list: {list}"))
        .iter()
        .collect();
    items.sort_by_key(|item| item["sortText"].as_str().unwrap_or_default().to_owned());
    items
        .iter()
        .map(|item| item["label"].as_str().unwrap().to_owned())
        .collect()
}

/// The family of every unit of the built-in description, by id.
fn families(workspace: &Workspace) -> HashMap<String, Family> {
    let mut families = HashMap::new();
    for entry in std::fs::read_dir(workspace.dir.path().join("org")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let file: Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            for unit in file["units"].as_array().into_iter().flatten() {
                let kind = UnitKind::from_name(unit["kind"].as_str().unwrap()).unwrap();
                families.insert(unit["id"].as_str().unwrap().to_owned(), kind.family());
            }
        }
    }
    families
}

#[test]
fn a_tie_end_being_typed_offers_the_ids_it_starts_with_and_replaces_the_whole_string() {
    let workspace = Workspace::builtin();
    let path = workspace.file("justice.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let after = ties_line(&text);
    // Mid-edit: the string is not closed, nor the object, nor the array.
    let typed = r#"    {"kind": "attachment", "to": "justice", "from": "ds"#;
    let mut client = workspace.start();
    client.open_text(&path, &typed_after(&text, after, typed));
    let list = complete_at(&mut client, &path, after + 1, typed);
    let labels = labels_of(&list);
    assert!(labels.contains(&"dsj".to_owned()), "{labels:?}");
    assert!(labels.contains(&"dsin".to_owned()), "{labels:?}");
    assert!(labels.iter().all(|l| l.contains("ds")), "{labels:?}");
    let dsj = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["label"] == "dsj")
        .unwrap();
    // The edit replaces what is typed of the string and closes it.
    let start = typed.len() - 2;
    assert_eq!(
        dsj["textEdit"],
        json!({
            "range": {"start": {"line": after + 1, "character": start}, "end": {"line": after + 1, "character": typed.len()}},
            "newText": "dsj\"",
        })
    );
    assert!(
        dsj["filterText"]
            .as_str()
            .unwrap()
            .contains("Direction des services judiciaires"),
        "{dsj}"
    );
    assert!(dsj["filterText"].as_str().unwrap().contains("DSJ"), "{dsj}");
    // A name finds its unit too.
    let by_name = r#"    {"kind": "attachment", "to": "justice", "from": "services judic"#;
    client.replace(&path, &typed_after(&text, after, by_name));
    let found = labels_of(&complete_at(&mut client, &path, after + 1, by_name));
    assert!(found.contains(&"dsj".to_owned()), "{found:?}");
    assert!(client.shutdown().success());
}

#[test]
fn the_ends_a_tie_kind_allows_rank_first_then_the_files_organisation() {
    let workspace = Workspace::builtin();
    let families = families(&workspace);
    let path = workspace.file("justice.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let after = ties_line(&text);
    // A membership from a directorate is to a body.
    let typed = r#"    {"kind": "membership", "from": "dsj", "to": ""#;
    let mut client = workspace.start();
    client.open_text(&path, &typed_after(&text, after, typed));
    let ranked = labels_of(&complete_at(&mut client, &path, after + 1, typed));
    let bodies: Vec<bool> = ranked
        .iter()
        .map(|id| families[id] == Family::Body)
        .collect();
    let first_other = bodies.iter().position(|body| !body).unwrap();
    assert!(first_other > 0, "{ranked:?}");
    assert!(bodies[first_other..].iter().all(|body| !body), "{ranked:?}");
    // A cooperation allows any end: the units of the file's organisation come first.
    let justice: Value = serde_json::from_str(&text).unwrap();
    let declared: Vec<&str> = justice["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    let any = r#"    {"kind": "cooperation", "from": "dsj", "to": ""#;
    client.replace(&path, &typed_after(&text, after, any));
    let ranked = labels_of(&complete_at(&mut client, &path, after + 1, any));
    assert!(declared.contains(&ranked[0].as_str()), "{ranked:?}");
    assert!(
        !declared.contains(&ranked.last().unwrap().as_str()),
        "{ranked:?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn kinds_are_offered_in_english_and_french_and_fields_not_yet_given() {
    let workspace = Workspace::builtin();
    let path = workspace.file("justice.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let units = text
        .lines()
        .position(|l| l.trim() == "\"units\": [")
        .unwrap();
    let mut client = Client::start(workspace.dir.path(), &["--lang", "fr"], json!(null));
    let kind = r#"    {"id": "x-new", "name": "Nouvelle", "kind": "sous-d"#;
    client.open_text(&path, &typed_after(&text, units, kind));
    let list = complete_at(&mut client, &path, units + 1, kind);
    let labels = labels_of(&list);
    assert!(labels.contains(&"sous-direction".to_owned()), "{labels:?}");
    assert!(labels.contains(&"sub-directorate".to_owned()), "{labels:?}");
    // French first, for a French server; and its detail says which kind it names.
    let french = labels.iter().position(|l| l == "sous-direction").unwrap();
    let english = labels.iter().position(|l| l == "sub-directorate").unwrap();
    assert!(french < english, "{labels:?}");
    let item = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["label"] == "sous-direction")
        .unwrap();
    assert!(
        item["detail"]
            .as_str()
            .unwrap()
            .contains("`sub-directorate`"),
        "{item}"
    );
    // A tie kind, in a tie.
    let ties = ties_line(&text);
    let tie = r#"    {"kind": "rattach"#;
    client.replace(&path, &typed_after(&text, ties, tie));
    let tie_kinds = labels_of(&complete_at(&mut client, &path, ties + 1, tie));
    assert!(
        tie_kinds.contains(&"rattachement".to_owned()),
        "{tie_kinds:?}"
    );
    assert!(
        tie_kinds.contains(&"attachment".to_owned()),
        "{tie_kinds:?}"
    );
    assert!(
        !tie_kinds.contains(&"sous-direction".to_owned()),
        "{tie_kinds:?}"
    );
    // Field names: those of a unit, but not those it has.
    let field = r#"    {"id": "x-new", "name": "Nouvelle", ""#;
    client.replace(&path, &typed_after(&text, units, field));
    let fields = labels_of(&complete_at(&mut client, &path, units + 1, field));
    assert!(fields.contains(&"kind".to_owned()), "{fields:?}");
    assert!(fields.contains(&"acronym".to_owned()), "{fields:?}");
    assert!(
        !fields.contains(&"id".to_owned()) && !fields.contains(&"name".to_owned()),
        "{fields:?}"
    );
    // A source's id, in a citation.
    let cite = r#"    {"id": "x-new", "name": "Nouvelle", "kind": "bureau", "source": {"ref": ""#;
    client.replace(&path, &typed_after(&text, units, cite));
    let sources = labels_of(&complete_at(&mut client, &path, units + 1, cite));
    assert_eq!(sources[..2], ["seed-000", "seed-001"], "{sources:?}");
    assert!(client.shutdown().success());
}

#[test]
fn nothing_is_offered_out_of_the_workspace_or_out_of_the_text() {
    let workspace = Workspace::builtin();
    let path = workspace.file("justice.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = workspace.start();
    let elsewhere = workspace.dir.path().join("notes.json");
    client.open_text(&elsewhere, "{\"ties\": [{\"from\": \"");
    assert_eq!(
        complete_at(&mut client, &elsewhere, 0, "{\"ties\": [{\"from\": \""),
        Value::Null
    );
    // Far past the end: clamped to the end of the text, where nothing is typed.
    let far = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 99999, "character": 99999}}),
    );
    assert!(far.is_null() || far["items"].as_array().is_some(), "{far}");
    // A name, not an id: nothing.
    let at = position(&text, "Ministère de la Justice", 0, 3);
    let name = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&path)}, "position": at}),
    );
    assert_eq!(name, Value::Null);
    assert!(client.shutdown().success());
}
