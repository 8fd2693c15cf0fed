//! The JSON Schema that editors use agrees with the loader: it is generated from the same types,
//! the committed copy is current, and every valid description validates against it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{organigram, root};

fn committed_schema() -> serde_json::Value {
    let text = fs::read_to_string(root().join("schema/description.schema.json"))
        .expect("schema/description.schema.json exists");
    serde_json::from_str(&text).expect("the committed schema is JSON")
}

fn json_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("the folder exists") {
        let path = entry.expect("the folder lists").path();
        if path.is_dir() {
            json_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
}

/// Reads `file` as JSON and asserts that it follows the schema, listing every violation.
fn assert_valid(validator: &jsonschema::Validator, file: &Path) -> serde_json::Value {
    let instance: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    instance
}

#[test]
fn the_committed_schema_is_what_the_binary_prints() {
    let printed = organigram(["schema"]).run().success();
    let committed = fs::read_to_string(root().join("schema/description.schema.json")).unwrap();
    assert_eq!(
        printed, committed,
        "schema/description.schema.json is stale: run `cargo run -- schema > schema/description.schema.json`"
    );
}

#[test]
fn the_schema_is_draft_07_and_names_every_kind() {
    let schema = committed_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let text = schema.to_string();
    for kind in organigram::model::UnitKind::ALL {
        assert!(text.contains(&format!("\"{}\"", kind.as_str())), "{kind}");
    }
    for kind in organigram::model::TieKind::ALL {
        assert!(text.contains(&format!("\"{}\"", kind.as_str())), "{kind}");
    }
}

#[test]
fn every_description_file_in_org_and_the_valid_fixtures_follows_the_schema() {
    let validator = jsonschema::validator_for(&committed_schema()).expect("the schema compiles");
    let mut files = Vec::new();
    json_files(&root().join("org"), &mut files);
    files.retain(|f| f.parent() == Some(&root().join("org")));
    let org_files = files.len();
    json_files(&root().join("tests/fixtures/valid"), &mut files);
    assert!(org_files >= 5, "org/ holds {org_files} description files");
    for file in &files {
        let instance = assert_valid(&validator, file);
        assert!(
            instance["$schema"].is_string(),
            "{} names no $schema",
            file.display()
        );
    }
}

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let validator = jsonschema::validator_for(&committed_schema()).unwrap();
    for name in [
        "unknown-field.json",
        "unknown-unit-kind.json",
        "invalid-id.json",
        "missing-field.json",
    ] {
        let text = fs::read_to_string(root().join("tests/fixtures/invalid").join(name)).unwrap();
        let instance: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(!validator.is_valid(&instance), "{name} passes the schema");
    }
}

fn committed_proposal_schema() -> serde_json::Value {
    let text = fs::read_to_string(root().join("schema/proposal.schema.json"))
        .expect("schema/proposal.schema.json exists");
    serde_json::from_str(&text).expect("the committed proposal schema is JSON")
}

#[test]
fn the_committed_proposal_schema_is_what_the_binary_prints() {
    let printed = organigram(["schema", "proposal"]).run().success();
    let committed = fs::read_to_string(root().join("schema/proposal.schema.json")).unwrap();
    assert_eq!(
        printed, committed,
        "schema/proposal.schema.json is stale: run `cargo run -- schema proposal > schema/proposal.schema.json`"
    );
}

#[test]
fn every_proposal_in_org_and_the_fixtures_follows_the_proposal_schema() {
    let validator =
        jsonschema::validator_for(&committed_proposal_schema()).expect("the schema compiles");
    let mut files = Vec::new();
    json_files(&root().join("org/proposals"), &mut files);
    assert!(
        files.len() >= 2,
        "org/proposals holds {} proposals",
        files.len()
    );
    for name in ["repairs", "breaks", "every-operation"] {
        files.push(root().join(format!("tests/fixtures/proposals/{name}.json")));
    }
    for file in &files {
        assert_valid(&validator, file);
    }
}

#[test]
fn the_proposal_schema_refuses_changes_the_reader_refuses() {
    let validator = jsonschema::validator_for(&committed_proposal_schema()).unwrap();
    for change in [
        r"{}",
        r#"{"remove-unit": "a", "merge": {"unit": "a", "into": "b"}}"#,
        r#"{"add-unit": {"id": "x", "name": "X", "kind": "bureau"}}"#,
        r#"{"remove-unit": "a", "organisation": "o"}"#,
        r#"{"move": {"unit": "a", "too": "b"}}"#,
        r#"{"remove-unit": "A"}"#,
    ] {
        let instance: serde_json::Value =
            serde_json::from_str(&format!(r#"{{"title": "t", "changes": [{change}]}}"#)).unwrap();
        assert!(!validator.is_valid(&instance), "{change} passes the schema");
    }
}
