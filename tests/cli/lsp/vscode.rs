//! The VS Code extension of `editors/vscode/`, as far as it can be tested without VS Code: its
//! manifest is valid and says what the code does (the settings it declares are those the code
//! reads, it starts on JSON files, its one dependency is pinned and locked), the command it
//! starts is the server with options the binary takes, and Node.js parses its code.

use std::collections::BTreeSet;

use serde_json::Value;

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

#[test]
fn the_extension_starts_the_server_with_options_the_binary_takes() {
    let code = read("extension.js");
    assert_eq!(
        literals_after(&code, "const args = [\""),
        ["lsp"],
        "the command started"
    );
    let options = literals_after(&code, "args.push(\"");
    assert_eq!(options, ["--org"], "the options passed");
    let help = organigram(["lsp", "--help"]).run().success();
    for option in options {
        assert!(
            help.contains(&format!("{option} <")),
            "`organigram lsp` takes {option} with a value: {help}"
        );
    }
    // With a transport named, vscode-languageclient would add `--stdio`, which the binary
    // refuses: the default, standard input and output, is what it speaks.
    assert!(
        !code.contains("transport:") && !code.contains("TransportKind"),
        "no transport named"
    );
    organigram(["lsp", "--stdio"]).run().expect_code(2);
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
