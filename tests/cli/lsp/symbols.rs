//! Finding any unit of the description by a text (`workspace/symbol`).

use serde_json::json;

use super::client::{Workspace, uri};

#[test]
fn a_unit_is_found_by_its_acronym_or_a_typo_in_whatever_file_declares_it() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let found = client.request("workspace/symbol", json!({"query": "A-JUST"}));
    let first = &found[0];
    assert!(
        first["name"].as_str().unwrap().starts_with("dip-a-just — "),
        "{found}"
    );
    assert_eq!(
        first["location"]["uri"],
        uri(&workspace.file("justice.json"))
    );
    // The line of its id, `"id": "dip-a-just"`, in the file.
    let text = std::fs::read_to_string(workspace.file("justice.json")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"id\": \"dip-a-just\""))
        .unwrap();
    assert_eq!(first["location"]["range"]["start"]["line"], line);
    assert_eq!(first["containerName"], "Ministère de la Justice");
    // A post is a field, a directorate a class.
    assert_eq!(first["kind"], 5, "{first}");
    let post = client.request(
        "workspace/symbol",
        json!({"query": "dsin-chef-projet-data-ia"}),
    );
    assert_eq!(post[0]["kind"], 8, "{post}");
    // A typo still finds what `find` finds; nothing like any unit finds nothing.
    let typo = client.request("workspace/symbol", json!({"query": "dimun"}));
    let names: Vec<&str> = typo
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().split(' ').next().unwrap())
        .collect();
    assert_eq!(names, ["dsin", "dinum"], "{typo}");
    assert_eq!(
        client.request("workspace/symbol", json!({"query": "zzzqqq"})),
        json!([])
    );
    // An empty query lists units, as many as there are, within the bound.
    let all = client.request("workspace/symbol", json!({"query": ""}));
    assert!(all.as_array().unwrap().len() > 50, "{all}");
    assert!(client.shutdown().success());
}

#[test]
fn a_request_with_parameters_it_cannot_read_is_refused_and_the_server_goes_on() {
    let workspace = Workspace::builtin();
    let mut client = workspace.start();
    let refused = client.request("workspace/symbol", json!({"query": 3}));
    assert_eq!(refused["error"]["code"], -32602, "{refused}");
    let unknown = client.request("textDocument/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let found = client.request("workspace/symbol", json!({"query": "DNE"}));
    assert!(!found.as_array().unwrap().is_empty());
    assert!(client.shutdown().success());
}
