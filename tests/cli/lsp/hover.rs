//! What the editor shows over an id or a kind (`textDocument/hover`).

use serde_json::{Value, json};

use super::client::{Client, Workspace, uri};
use crate::support::organigram;

/// The position (line, UTF-16 character) of the `nth` occurrence of `needle` in `text`, plus
/// `into` characters.
pub(crate) fn position(text: &str, needle: &str, nth: usize, into: usize) -> Value {
    let at = text.match_indices(needle).nth(nth).unwrap().0;
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = text[..at].matches('\n').count();
    let character = text[line_start..at].encode_utf16().count() + into;
    json!({"line": line, "character": character})
}

/// The hover at `position` of the file at `path`.
fn hover_at(client: &mut Client, path: &std::path::Path, position: &Value) -> Value {
    client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(path)}, "position": position}),
    )
}

/// The Markdown of a hover, its escapes removed, to compare with names as written.
fn shown(hover: &Value) -> String {
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("no hover: {hover}"))
        .replace('\\', "")
}

/// The units up the first branch of `organigram chain UNIT`, by acronym or name.
fn first_branch(workspace: &Workspace, unit: &str) -> Vec<String> {
    let chain = organigram(["chain", unit, "--format", "json"])
        .in_dir(workspace.dir.path())
        .run()
        .json();
    let short = |unit: &Value| {
        unit["acronym"]
            .as_str()
            .unwrap_or_else(|| unit["name"].as_str().unwrap())
            .to_owned()
    };
    let mut names = vec![short(&chain["unit"])];
    let mut above = &chain["above"];
    while let Some(first) = above["superiors"].get(0) {
        names.push(short(&first["unit"]));
        above = &first["above"];
    }
    names
}

#[test]
fn a_tie_end_shows_the_unit_its_kind_head_organisation_chain_and_quote() {
    let workspace = Workspace::builtin();
    let path = workspace.file("justice.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = workspace.start();
    let chain = first_branch(&workspace, "dip-a-just");
    assert!(chain.len() >= 3, "{chain:?}");
    // On the declaration, and on a tie's end naming it, the same.
    let declared = hover_at(&mut client, &path, &position(&text, "\"dip-a-just\"", 0, 3));
    let end = hover_at(
        &mut client,
        &path,
        &position(&text, "\"to\": \"dip-a-just\"", 0, 9),
    );
    assert_eq!(declared["contents"], end["contents"]);
    let markdown = shown(&end);
    assert!(
        markdown.contains("Direction de projet « Outils numériques de pilotage des juridictions »"),
        "{markdown}"
    );
    assert!(markdown.contains("kind: project directorate"), "{markdown}");
    assert!(markdown.contains("acronym: DiP A-JUST"), "{markdown}");
    assert!(
        markdown.contains("organisation: Ministère de la Justice"),
        "{markdown}"
    );
    assert!(
        markdown.contains("headed by: Directeur de projet en charge des outils numériques de pilotage des juridictions (vacant)"),
        "{markdown}"
    );
    assert!(
        markdown.contains(&format!("chain of command: {}", chain.join(" → "))),
        "{chain:?} in {markdown}"
    );
    assert!(markdown.contains("seed-001"), "{markdown}");
    assert!(
        markdown.contains("> La création de la direction de projet « Outils numériques de pilotage des juridictions » (DiP A-JUST)"),
        "{markdown}"
    );
    // The range is the string's, quotes included.
    let start = position(&text, "\"to\": \"dip-a-just\"", 0, 6);
    assert_eq!(end["range"]["start"], start, "{end}");
    assert!(client.shutdown().success());
}

#[test]
fn sources_kinds_and_absent_units_have_hovers_and_the_rest_none() {
    let workspace = Workspace::with(&[(
        "a.json",
        r#"{
  "organisation": {"id": "a", "name": "A"},
  "sources": [{"id": "sa", "title": "Posting A", "publisher": "Journal officiel", "reference": "2025-1"}],
  "units": [
    {"id": "a-top", "name": "A", "kind": "ministère", "boundary": "top", "source": {"ref": "sa"}},
    {"id": "a-old", "name": "Old office", "kind": "bureau", "valid_until": "2001-02-03", "source": {"ref": "sa"}}
  ],
  "ties": [
    {"kind": "rattachement", "from": "a-old", "to": "a-top", "valid_until": "2001-02-03", "source": {"ref": "sa"}}
  ]
}
"#,
    )]);
    let path = workspace.file("a.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = workspace.start();
    let cited = shown(&hover_at(
        &mut client,
        &path,
        &position(&text, "\"sa\"", 1, 1),
    ));
    assert!(cited.contains("**Posting A**"), "{cited}");
    assert!(cited.contains("publisher: Journal officiel"), "{cited}");
    assert!(cited.contains("reference: 2025-1"), "{cited}");
    let kind = shown(&hover_at(
        &mut client,
        &path,
        &position(&text, "ministère", 0, 2),
    ));
    assert!(
        kind.contains("`ministry`") && kind.contains("`ministère`"),
        "{kind}"
    );
    assert!(kind.contains("family: organisation"), "{kind}");
    let tie = shown(&hover_at(
        &mut client,
        &path,
        &position(&text, "rattachement", 0, 2),
    ));
    assert!(
        tie.contains("`attachment`") && tie.contains("is attached to"),
        "{tie}"
    );
    let old = shown(&hover_at(
        &mut client,
        &path,
        &position(&text, "\"a-old\"", 1, 2),
    ));
    assert!(old.contains("Old office"), "{old}");
    assert!(old.contains("ended on 2001-02-03"), "{old}");
    // A key, a name, an unknown id, a position past the end, a file of no workspace: nothing.
    for (at, file) in [
        (position(&text, "\"units\"", 0, 2), path.clone()),
        (position(&text, "Old office", 0, 2), path.clone()),
        (json!({"line": 999, "character": 999}), path.clone()),
        (
            json!({"line": 0, "character": 0}),
            workspace.dir.path().join("elsewhere.json"),
        ),
    ] {
        assert_eq!(hover_at(&mut client, &file, &at), Value::Null);
    }
    client.open(&path);
    client.replace(
        &path,
        &text.replace("\"to\": \"a-top\"", "\"to\": \"a-nowhere\""),
    );
    client.sync();
    let unknown = hover_at(
        &mut client,
        &path,
        &position(&text, "\"to\": \"a-top\"", 0, 9),
    );
    assert_eq!(unknown, Value::Null);
    // Mid-edit, the file does not read: its own units still show what it says of them.
    client.replace(
        &path,
        &format!(
            "{}\n  {{\"id\": \"a-",
            text.trim_end().trim_end_matches('}')
        ),
    );
    client.sync();
    let broken = shown(&hover_at(
        &mut client,
        &path,
        &position(&text, "\"a-old\"", 0, 2),
    ));
    assert!(broken.contains("**Old office** `a-old`"), "{broken}");
    assert!(broken.contains("kind: bureau"), "{broken}");
    assert!(
        !broken.contains("ended on"),
        "not read from the file: {broken}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn hovers_are_in_the_servers_language() {
    let workspace = Workspace::builtin();
    let path = workspace.file("justice.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut client = Client::start(workspace.dir.path(), &["--lang", "fr"], json!(null));
    let markdown = shown(&hover_at(
        &mut client,
        &path,
        &position(&text, "\"dip-a-just\"", 0, 3),
    ));
    assert!(
        markdown.contains("type : direction de projet"),
        "{markdown}"
    );
    assert!(
        markdown.contains("chaîne hiérarchique : DiP A-JUST → "),
        "{markdown}"
    );
    assert!(
        markdown.contains("organisme : Ministère de la Justice"),
        "{markdown}"
    );
    assert!(markdown.contains("(poste vacant)"), "{markdown}");
    assert!(client.shutdown().success());
}
