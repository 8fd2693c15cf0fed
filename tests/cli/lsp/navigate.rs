//! Going to an id's declaration (`textDocument/definition`), finding its references
//! (`textDocument/references`) and a file's outline (`textDocument/documentSymbol`).

// Positions are `json!` values made for the call: taken by value, they read as the messages
// they are.
#![allow(clippy::needless_pass_by_value)]

use std::path::Path;

use organigram::diagnostic::SourceMap;
use organigram::load::{Input, Limits, load};
use serde_json::{Value, json};

use super::client::{Client, Workspace, uri};

/// The position (line, UTF-16 character) of byte `offset` of `text`.
pub(crate) fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |at| at + 1);
    let character = before[start..].encode_utf16().count();
    json!({"line": line, "character": character})
}

/// The position of the start of `needle`'s `nth` occurrence in the file at `path`, plus
/// `within` bytes: `within` 1 is inside the string literal that starts `needle`.
pub(crate) fn at(path: &Path, needle: &str, nth: usize, within: usize) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let (offset, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in {}", path.display()));
    position(&text, offset + within)
}

/// The line of the `nth` line of the file at `path` holding `needle`.
fn line_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap()
}

/// `textDocument/definition` at `position` of `path`.
fn definition(client: &mut Client, path: &Path, position: Value) -> Value {
    client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(path)}, "position": position}),
    )
}

#[test]
fn a_tie_end_goes_to_its_unit_in_another_file() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    let interministerial = workspace.file("interministerial.json");
    // The tie `justice-dp-ia` cooperates with `dinum`: its `to` end, in justice.json.
    let found = definition(
        &mut client,
        &justice,
        at(&justice, "\"to\": \"dinum\"", 0, 9),
    );
    assert_eq!(found["uri"], uri(&interministerial), "{found}");
    let line = line_of(&interministerial, "\"id\": \"dinum\"");
    assert_eq!(found["range"]["start"]["line"], line, "{found}");
    // The range is the id between its quotes.
    let text = std::fs::read_to_string(&interministerial).unwrap();
    let start = text.find("\"id\": \"dinum\"").unwrap() + 7;
    assert_eq!(found["range"]["start"], position(&text, start));
    assert_eq!(
        found["range"]["end"],
        position(&text, start + "dinum".len())
    );
    // From the declaration itself, the declaration.
    let itself = definition(&mut client, &interministerial, position(&text, start + 2));
    assert_eq!(itself, found);
    assert!(client.shutdown().success());
}

#[test]
fn a_source_ref_goes_to_the_source_the_loader_uses() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    let interministerial = workspace.file("interministerial.json");
    // interministerial.json cites `seed-000`, which justice.json declares.
    let found = definition(
        &mut client,
        &interministerial,
        at(&interministerial, "\"ref\": \"seed-000\"", 0, 10),
    );
    assert_eq!(found["uri"], uri(&justice), "{found}");
    assert_eq!(
        found["range"]["start"]["line"],
        line_of(&justice, "\"id\": \"seed-000\"")
    );
    // What the loader says of the description: the source is declared there.
    let loaded = load(&[Input::Path(workspace.file(""))], Limits::default());
    let source = &loaded.description.sources["seed-000"];
    assert_eq!(
        loaded.files.name(source.origin.file).file_name(),
        justice.file_name()
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_proposal_s_ids_go_to_the_description_or_to_the_proposal_that_declares_them() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    let moved = workspace.file("proposals/move-dip-a-just.json");
    // `move.unit` and `move.to`: units of justice.json.
    let unit = definition(&mut client, &moved, at(&moved, "\"dip-a-just\"", 0, 1));
    assert_eq!(unit["uri"], uri(&justice), "{unit}");
    assert_eq!(
        unit["range"]["start"]["line"],
        line_of(&justice, "\"id\": \"dip-a-just\"")
    );
    let to = definition(
        &mut client,
        &moved,
        at(
            &moved,
            "\"dsj-sd-organisation-judiciaire-innovation\"",
            0,
            3,
        ),
    );
    assert_eq!(
        to["range"]["start"]["line"],
        line_of(
            &justice,
            "\"id\": \"dsj-sd-organisation-judiciaire-innovation\""
        ),
        "{to}"
    );
    // Its source: declared in the proposal itself.
    let source = definition(
        &mut client,
        &moved,
        at(&moved, "\"ref\": \"proposal-dip-a-just\"", 0, 10),
    );
    assert_eq!(source["uri"], uri(&moved), "{source}");
    assert_eq!(
        source["range"]["start"]["line"],
        line_of(&moved, "\"id\": \"proposal-dip-a-just\"")
    );
    // A unit the proposal adds is found in the proposal, from a tie it adds and a move.
    let team = workspace.file("proposals/dsin-data-team.json");
    let declared = line_of(&team, "\"id\": \"dsin-cellule-data-ia\"");
    for nth in [1, 2] {
        let found = definition(
            &mut client,
            &team,
            at(&team, "\"dsin-cellule-data-ia\"", nth, 1),
        );
        assert_eq!(found["uri"], uri(&team), "{found}");
        assert_eq!(found["range"]["start"]["line"], declared, "{found}");
    }
    // The added unit's organisation: the organisation of province-sud.json.
    let province = workspace.file("province-sud.json");
    let organisation = definition(&mut client, &team, at(&team, "\"province-sud\"", 0, 1));
    assert_eq!(organisation["uri"], uri(&province), "{organisation}");
    assert!(client.shutdown().success());
}

#[test]
fn nothing_is_found_where_there_is_no_known_id() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    // An id no unit has, typed in the editor.
    let text = std::fs::read_to_string(&justice).unwrap();
    let typo = text.replacen("\"to\": \"dinum\"", "\"to\": \"dinum-x\"", 1);
    client.open_text(&justice, &typo);
    let at_typo = position(&typo, typo.find("\"dinum-x\"").unwrap() + 2);
    assert_eq!(definition(&mut client, &justice, at_typo), Value::Null);
    // A name, a key, a kind: no id.
    for needle in ["\"Ministère de la Justice\"", "\"units\"", "\"ministry\""] {
        let found = definition(&mut client, &justice, at(&justice, needle, 0, 2));
        assert_eq!(found, Value::Null, "{needle}");
    }
    // Out of the text, inside a surrogate pair, a file outside the workspace, a URI that is
    // not a file's.
    for position in [
        json!({"line": 99_999, "character": 0}),
        json!({"line": 3, "character": 99_999}),
        json!({"line": 4_294_967_295_u64, "character": 4_294_967_295_u64}),
    ] {
        assert_eq!(definition(&mut client, &justice, position), Value::Null);
    }
    let outside = workspace.dir.path().join("elsewhere.json");
    std::fs::write(&outside, "{\"units\": [{\"id\": \"dsj\"}]}").unwrap();
    client.open(&outside);
    let found = definition(&mut client, &outside, json!({"line": 0, "character": 20}));
    assert_eq!(found, Value::Null);
    let found = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": "untitled:Untitled-1"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(found, Value::Null);
    assert!(client.shutdown().success());
}

/// `textDocument/references` at `position` of `path`.
fn references(client: &mut Client, path: &Path, position: Value, declaration: bool) -> Vec<Value> {
    let found = client.request(
        "textDocument/references",
        json!({
            "textDocument": {"uri": uri(path)},
            "position": position,
            "context": {"includeDeclaration": declaration},
        }),
    );
    found
        .as_array()
        .unwrap_or_else(|| panic!("{found}"))
        .clone()
}

/// The text a location's range covers, in the file on disk.
fn covered(location: &Value) -> String {
    let path = location["uri"]
        .as_str()
        .unwrap()
        .strip_prefix("file://")
        .unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let line = |n: &Value| usize::try_from(n.as_u64().unwrap()).unwrap();
    let range = &location["range"];
    assert_eq!(range["start"]["line"], range["end"]["line"]);
    let text = text.lines().nth(line(&range["start"]["line"])).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[line(&range["start"]["character"])..line(&range["end"]["character"])])
        .unwrap()
}

#[test]
fn references_are_every_tie_naming_the_unit_in_every_file_and_proposal() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let province = workspace.file("province-sud.json");
    let team = workspace.file("proposals/dsin-data-team.json");
    let declaration = at(&province, "\"id\": \"dsin\"", 0, 8);
    let with = references(&mut client, &province, declaration.clone(), true);
    let without = references(&mut client, &province, declaration, false);
    assert_eq!(with.len(), without.len() + 1);
    for location in &with {
        assert_eq!(covered(location), "dsin", "{location}");
    }
    // What the library loads: every tie end, `within` and organisation naming `dsin`.
    let loaded = load(&[Input::Path(workspace.file(""))], Limits::default());
    let description = &loaded.description;
    let ends = description
        .ties
        .iter()
        .flat_map(|t| [&t.from.value, &t.to.value])
        .filter(|id| id.as_str() == "dsin")
        .count();
    let within = description
        .units
        .values()
        .filter(|u| {
            u.within
                .as_ref()
                .is_some_and(|w| w.value.as_str() == "dsin")
        })
        .count();
    assert!(ends > 1, "{ends}");
    let in_description = without
        .iter()
        .filter(|l| l["uri"] == uri(&province))
        .count();
    assert_eq!(in_description, ends + within);
    // And the proposal's: its tie to `dsin`.
    let proposed = std::fs::read_to_string(&team).unwrap();
    let in_proposal = without.iter().filter(|l| l["uri"] == uri(&team)).count();
    assert_eq!(in_proposal, proposed.matches("\"dsin\"").count());
    assert!(in_proposal > 0);
    // From a reference, the same references.
    let from_proposal = references(&mut client, &team, at(&team, "\"dsin\"", 0, 1), false);
    assert_eq!(from_proposal, without);
    assert!(client.shutdown().success());
}

/// The symbols' `field` values, children first-level only.
fn names<'a>(symbols: &'a [Value], field: &str) -> Vec<&'a str> {
    symbols.iter().map(|s| s[field].as_str().unwrap()).collect()
}

#[test]
fn a_description_file_s_symbols_are_its_organisation_and_the_units_the_loader_finds() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&justice)}}),
    );
    let symbols = symbols.as_array().unwrap_or_else(|| panic!("{symbols}"));
    assert_eq!(symbols.len(), 1);
    let organisation = &symbols[0];
    assert_eq!(organisation["name"], "Ministère de la Justice");
    let units = organisation["children"].as_array().unwrap();
    // The units the loader reads from the file, in order, with their names and kinds.
    let loaded = load(&[Input::Path(justice.clone())], Limits::default());
    assert!(!loaded.has_errors());
    let expected: Vec<String> = loaded
        .description
        .units
        .values()
        .map(|u| format!("{} · {}", u.id.value, u.kind.value.as_str()))
        .collect();
    assert_eq!(names(units, "detail"), expected);
    let expected: Vec<&str> = loaded
        .description
        .units
        .values()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(names(units, "name"), expected);
    // A post is a field, a directorate a class; the selection is the id, inside the range,
    // which is the unit's object.
    let text = std::fs::read_to_string(&justice).unwrap();
    let dsj = units
        .iter()
        .find(|u| u["detail"] == "dsj · directorate")
        .unwrap();
    assert_eq!(dsj["kind"], 5);
    let post = units
        .iter()
        .find(|u| u["detail"].as_str().unwrap().ends_with("· post"))
        .unwrap();
    assert_eq!(post["kind"], 8);
    let id = text.find("\"id\": \"dsj\"").unwrap() + 7;
    assert_eq!(dsj["selectionRange"]["start"], position(&text, id));
    let open = text[..id].rfind('{').unwrap();
    assert_eq!(dsj["range"]["start"], position(&text, open));
    let lines: Vec<&str> = text.lines().collect();
    let end = usize::try_from(dsj["range"]["end"]["line"].as_u64().unwrap()).unwrap();
    assert_eq!(lines[end].trim(), "},", "{dsj}");
    assert!(client.shutdown().success());
}

#[test]
fn a_malformed_file_has_the_symbols_it_reads_and_a_proposal_its_changes() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let justice = workspace.file("justice.json");
    let text = std::fs::read_to_string(&justice).unwrap();
    // Cut in the middle of the unit `dsj`, the rest lost.
    let cut = text.find("\"id\": \"dsj\"").unwrap() + 12;
    client.open_text(&justice, &text[..cut]);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&justice)}}),
    );
    let units = symbols[0]["children"].as_array().unwrap();
    let before = text[..cut].matches("\"kind\": ").count();
    assert_eq!(units.len(), before + 1, "{symbols}");
    assert_eq!(units.last().unwrap()["detail"], "dsj", "{symbols}");
    // A proposal: one symbol a change, by its operation and unit; an added unit inside.
    let team = workspace.file("proposals/dsin-data-team.json");
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&team)}}),
    );
    let changes = symbols.as_array().unwrap();
    assert_eq!(
        names(changes, "name"),
        [
            "add-unit dsin-cellule-data-ia",
            "add-tie dsin-cellule-data-ia → dsin",
            "move dsin-chef-projet-data-ia"
        ]
    );
    let added = changes[0]["children"].as_array().unwrap();
    assert_eq!(names(added, "detail"), ["dsin-cellule-data-ia · team"]);
    // A file of no JSON at all has no symbol, and the server goes on.
    client.open_text(&justice, "\u{0}{{{{[[[\"");
    let none = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&justice)}}),
    );
    assert_eq!(none[0]["children"], json!([]), "{none}");
    assert!(client.shutdown().success());
}
