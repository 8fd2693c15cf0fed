//! The VS Code extension of `editors/vscode/`, as far as it can be tested without VS Code: its
//! manifest is valid and says what the code does (the settings it declares are those the code
//! reads, it starts on JSON files, its one dependency is pinned and locked), its code run in
//! Node.js starts the server as its settings say, and the server so started serves.

use std::collections::BTreeSet;

use serde_json::Value;

use super::client::{Client, Workspace};
use crate::support::{self, organigram, root};

/// The extension's folder.
const DIR: &str = "editors/vscode";

/// A file of the extension, as text.
fn read(name: &str) -> String {
    std::fs::read_to_string(root().join(DIR).join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A file of the extension, as JSON.
fn json(name: &str) -> Value {
    serde_json::from_str(&read(name)).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"))
}

/// The string literals of `code` that follow `before` (`settings.get("` gives the settings read).
fn literals_after<'a>(code: &'a str, before: &str) -> Vec<&'a str> {
    code.match_indices(before)
        .filter_map(|(at, _)| code[at + before.len()..].split_once('"'))
        .map(|(literal, _)| literal)
        .collect()
}

#[test]
fn the_extension_declares_the_settings_it_reads_and_starts_on_json_files() {
    let manifest = json("package.json");
    let code = read("extension.js");
    assert_eq!(manifest["main"], "./extension.js");
    assert!(
        root().join(DIR).join("extension.js").is_file(),
        "the manifest's main file"
    );
    let events: Vec<&str> = manifest["activationEvents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(events.contains(&"onLanguage:json"), "{events:?}");
    assert!(code.contains("language: \"json\""), "its documents: JSON");

    let declared: BTreeSet<String> = manifest["contributes"]["configuration"]["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let sections = literals_after(&code, "getConfiguration(\"");
    assert_eq!(sections, ["organigram"], "the settings' section");
    let read: BTreeSet<String> = literals_after(&code, "settings.get(\"")
        .into_iter()
        .map(|name| format!("organigram.{name}"))
        .collect();
    assert_eq!(
        read, declared,
        "the settings extension.js reads, and package.json declares"
    );
    for (name, setting) in manifest["contributes"]["configuration"]["properties"]
        .as_object()
        .unwrap()
    {
        assert_eq!(setting["type"], "string", "{name}");
        assert!(setting["description"].as_str().is_some(), "{name}");
    }
    assert_eq!(
        manifest["contributes"]["configuration"]["properties"]["organigram.path"]["default"],
        "organigram"
    );
}

/// Runs the extension's `activate` in Node.js, with stand-ins for the `vscode` module (whose
/// settings are `settings`) and for `vscode-languageclient/node` (whose client keeps what it is
/// given): what the extension starts, and for which documents.
const ACTIVATE: &str = r#"
const Module = require("module");
const settings = JSON.parse(process.env.SETTINGS);
const seen = { started: false };
const stand_ins = {
  vscode: {
    workspace: {
      getConfiguration(section) {
        seen.section = section;
        return { get: (name) => settings[name] };
      },
    },
  },
  "vscode-languageclient/node": {
    LanguageClient: class {
      constructor(id, name, server, client) {
        Object.assign(seen, { id, server, documents: client.documentSelector });
      }
      start() {
        seen.started = true;
        return Promise.resolve();
      }
      stop() {}
      dispose() {}
    },
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in stand_ins ? stand_ins[request] : load.call(this, request, ...rest);
};
require(process.env.EXTENSION)
  .activate({ subscriptions: [] })
  .then(() => console.log(JSON.stringify(seen)));
"#;

/// What the extension starts with `settings` (names without `organigram.`) over the defaults
/// its manifest declares, as [`ACTIVATE`] sees it.
fn activated(settings: &[(&str, &str)]) -> Value {
    support::node::require();
    let manifest = json("package.json");
    let mut values = serde_json::Map::new();
    for (name, setting) in manifest["contributes"]["configuration"]["properties"]
        .as_object()
        .unwrap()
    {
        let name = name.strip_prefix("organigram.").unwrap();
        values.insert(name.to_owned(), setting["default"].clone());
    }
    for (name, value) in settings {
        values.insert((*name).to_owned(), Value::from(*value));
    }
    let output = std::process::Command::new("node")
        .arg("-e")
        .arg(ACTIVATE)
        .env("SETTINGS", Value::Object(values).to_string())
        .env("EXTENSION", root().join(DIR).join("extension.js"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "activate: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// A file whose tie names a unit no file declares.
const BROKEN: &str = r#"{
  "organisation": {"id": "a", "name": "A"},
  "sources": [{"id": "sa", "title": "Posting A"}],
  "units": [
    {"id": "a-top", "name": "A", "kind": "ministry", "boundary": "top", "source": {"ref": "sa"}}
  ],
  "ties": [
    {"kind": "attachment", "from": "a-top", "to": "nowhere", "source": {"ref": "sa"}}
  ]
}
"#;

#[test]
fn the_extension_starts_the_server_on_the_folder_its_setting_names() {
    let default = activated(&[]);
    assert_eq!(default["started"], true, "{default}");
    assert_eq!(default["section"], "organigram");
    assert_eq!(default["server"]["command"], "organigram");
    assert_eq!(default["server"]["args"], serde_json::json!(["lsp"]));
    // With a transport named, vscode-languageclient would add `--stdio`, which the binary
    // refuses: standard input and output is the default, and what the server speaks.
    assert!(default["server"]["transport"].is_null(), "{default}");
    organigram(["lsp", "--stdio"]).run().expect_code(2);
    let languages: Vec<&str> = default["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["language"].as_str())
        .collect();
    assert!(languages.contains(&"json"), "{default}");

    let named = activated(&[("path", "/opt/organigram"), ("org", "elsewhere")]);
    assert_eq!(named["server"]["command"], "/opt/organigram");
    let args: Vec<&str> = named["server"]["args"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(args, ["lsp", "--org", "elsewhere"]);
    // The real server, started as the extension starts it, reads the folder named: its
    // problems are published; started as by default, it reads `org/`, which is not there.
    let workspace = Workspace::with(&[("../elsewhere/a.json", BROKEN)]);
    let file = workspace.dir.path().join("elsewhere/a.json");
    let mut client = Client::start(workspace.dir.path(), &args[1..], Value::Null);
    assert_eq!(client.codes(&file), ["unknown-unit"]);
    assert!(client.shutdown().success());
    let mut client = Client::start(workspace.dir.path(), &[], Value::Null);
    assert_eq!(client.codes(&file), Vec::<String>::new());
    assert!(client.shutdown().success());
}

#[test]
fn the_extension_pins_and_locks_its_one_dependency() {
    let manifest = json("package.json");
    let lock = json("package-lock.json");
    let dependencies = manifest["dependencies"].as_object().unwrap();
    assert_eq!(
        dependencies.keys().collect::<Vec<_>>(),
        ["vscode-languageclient"]
    );
    let pinned = dependencies["vscode-languageclient"].as_str().unwrap();
    assert!(
        pinned.starts_with("9.") && pinned.chars().all(|c| c.is_ascii_digit() || c == '.'),
        "vscode-languageclient 9, pinned: {pinned}"
    );
    assert_eq!(lock["name"], manifest["name"]);
    assert_eq!(
        lock["packages"][""]["dependencies"],
        manifest["dependencies"]
    );
    assert_eq!(
        lock["packages"]["node_modules/vscode-languageclient"]["version"],
        pinned
    );
    // The engine the client needs: vscode-languageclient 9 declares VS Code 1.82 or later.
    let engine = manifest["engines"]["vscode"].as_str().unwrap();
    let needed = lock["packages"]["node_modules/vscode-languageclient"]["engines"]["vscode"]
        .as_str()
        .unwrap();
    assert_eq!(engine, needed);
    // What npm and vsce make stays out of the repository.
    let ignored = read(".gitignore");
    assert!(ignored.lines().any(|l| l == "node_modules/"), "{ignored}");
    assert!(ignored.lines().any(|l| l == "*.vsix"), "{ignored}");
}

#[test]
fn node_parses_the_extension() {
    support::node::require();
    let output = std::process::Command::new("node")
        .arg("--check")
        .arg(root().join(DIR).join("extension.js"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "node --check extension.js: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
