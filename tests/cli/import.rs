//! `import`: the real GOV.UK register and CSV exports of an HR tool become descriptions that
//! load, check, query and render, byte-identical when imported again.

use std::path::Path;

use organigram::Loader;
use organigram::graph::OrgGraph;
use organigram::model::{Status, TieKind};

use crate::support::{Output, organigram};

/// The register, a copy kept in the repository (`tests/data/README.md` gives its provenance).
const GOVUK: &str = "tests/data/govuk-organisations.json";

fn import_govuk(dir: &Path) -> Output {
    organigram(["import", "govuk", GOVUK, "--date", "2026-08-22", "-o"])
        .arg(dir)
        .run()
}

fn import_csv(csv: &str, dir: &Path, extra: &[&str]) -> Output {
    organigram([
        "import", "csv", csv, "--id", "code", "--parent", "parent", "--name", "label",
    ])
    .args(extra)
    .arg("-o")
    .arg(dir)
    .run()
}

/// The graph of an imported folder, which must load with no problem at all.
fn load(dir: &Path) -> OrgGraph {
    let workspace = Loader::new()
        .path(dir)
        .load()
        .expect("no proposal to refuse");
    let problems: Vec<_> = workspace.diagnostics().collect();
    assert!(problems.is_empty(), "{problems:?}");
    workspace.structure.graph
}

/// A transcript with the temporary folder's path replaced, for snapshots.
fn transcript(out: &Output, dir: &Path) -> String {
    out.transcript()
        .replace(&dir.display().to_string(), "[DIR]")
}

#[test]
fn the_govuk_register_imports_with_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = import_govuk(dir.path()).expect_code(0);
    insta::assert_snapshot!(transcript(&out, dir.path()));
    let graph = load(dir.path());

    // 1,262 organisations, and `wales-office`, which a succession names but the register lacks.
    assert_eq!(graph.unit_count(), 1263);
    let outside: Vec<&str> = graph
        .units()
        .filter(|(_, u)| {
            u.note
                .as_deref()
                .unwrap_or("")
                .starts_with("Not in the register")
        })
        .map(|(_, u)| u.id.as_str())
        .collect();
    assert_eq!(outside, ["wales-office"]);

    let count = |kind| graph.ties().filter(|(_, t)| t.kind.value == kind).count();
    assert_eq!(
        count(TieKind::Attachment) + count(TieKind::JointAttachment),
        857
    );
    assert_eq!(count(TieKind::Succession), 291);
    let several_parents = graph
        .units()
        .filter(|&(ix, _)| graph.hierarchy().up(ix).len() > 1)
        .count();
    assert_eq!(several_parents, 44);
    let dissolved = graph
        .units()
        .filter(|(_, u)| u.status == Status::Dissolved)
        .count();
    assert_eq!(dissolved, 595);
    assert_eq!(graph.organisations().len(), 36);
    let source = graph.source("govuk-register").unwrap();
    assert_eq!(source.date.unwrap().to_string(), "2026-08-22");
    assert!(graph.units().all(|(_, u)| u.source.is_some()));
    assert!(graph.ties().all(|(_, t)| t.source.is_some()));
}

#[test]
fn check_reports_the_succession_outside_the_register_and_only_what_the_data_holds() {
    let dir = tempfile::tempdir().unwrap();
    import_govuk(dir.path()).expect_code(0);
    let out = organigram(["check", "--format", "json", "--org"])
        .arg(dir.path())
        .run()
        .expect_code(1);
    let report = out.json();
    let problems = report["problems"].as_array().unwrap();
    let errors: Vec<(&str, &str)> = problems
        .iter()
        .filter(|p| p["severity"] == "error")
        .map(|p| (p["code"].as_str().unwrap(), p["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        errors,
        [(
            "orphan-unit",
            "ministry `wales-office` is an orphan: it has no hierarchical parent"
        )]
    );
    // Everything else is a fact of the register: organisations with no tie at all, parents
    // kept for closed organisations, acronyms used twice, wide spans, advisory groups with no
    // secretariat or members described. Nothing the import made up (a forbidden tie, an unknown
    // unit, two attachments, a missing source).
    let real = [
        "isolated-unit",
        "outdated-tie",
        "duplicate-unit",
        "wide-span",
        "body-without-secretariat",
        "body-without-members",
    ];
    for problem in problems.iter().filter(|p| p["severity"] != "error") {
        assert!(
            real.contains(&problem["code"].as_str().unwrap()),
            "{problem}"
        );
    }
}

#[test]
fn the_imported_register_queries_and_renders() {
    let dir = tempfile::tempdir().unwrap();
    import_govuk(dir.path()).expect_code(0);
    let run = |args: &[&str]| {
        organigram(["--org"])
            .arg(dir.path())
            .args(args)
            .run()
            .success()
    };
    let show = run(&["show", "ofcom"]);
    assert!(show.contains("Ofcom [ofcom]"), "{show}");
    let chain: serde_json::Value =
        serde_json::from_str(&run(&["chain", "national-cyber-force", "--format", "json"])).unwrap();
    let superiors = chain["above"]["superiors"].as_array().unwrap();
    assert_eq!(superiors.len(), 4);
    assert!(superiors.iter().all(|s| s["tie"] == "joint-attachment"));
    let subordinates = run(&["subordinates", "ministry-of-justice", "--depth", "1"]);
    assert!(
        subordinates.contains("HM Courts & Tribunals Service"),
        "{subordinates}"
    );
    let found = run(&["find", "wales office"]);
    assert!(found.contains("[wales-office]"), "{found}");
    let dot = run(&["render", "--root", "ministry-of-justice", "--format", "dot"]);
    assert!(dot.starts_with("digraph"), "{dot}");
    let stats = run(&["stats", "--format", "json"]);
    assert!(stats.contains("\"units\": 1263"), "{stats}");
}

/// Every file of a folder, by name, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn importing_again_gives_byte_identical_files() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    import_govuk(first.path()).expect_code(0);
    let before = files(first.path());
    import_govuk(first.path()).expect_code(0);
    import_govuk(second.path()).expect_code(0);
    assert_eq!(files(first.path()), before);
    assert_eq!(files(second.path()), before);

    let csv = "tests/fixtures/import/hr-export.csv";
    let kind = ["--kind", "type", "--acronym", "acronym"];
    import_csv(csv, first.path().join("csv").as_path(), &kind).expect_code(0);
    import_csv(csv, second.path().join("csv").as_path(), &kind).expect_code(0);
    assert_eq!(
        files(&first.path().join("csv")),
        files(&second.path().join("csv"))
    );
}

#[test]
fn an_import_is_not_mixed_with_other_description_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.json"), "{}").unwrap();
    let out = import_csv("tests/fixtures/import/hr-export.csv", dir.path(), &[]).expect_code(2);
    assert!(
        out.stderr
            .contains("holds description files that are not being written (mine.json)"),
        "{}",
        out.stderr
    );
    assert_eq!(files(dir.path()).len(), 1);
}

#[test]
fn a_csv_export_imports_checks_and_queries() {
    let dir = tempfile::tempdir().unwrap();
    let out = import_csv(
        "tests/fixtures/import/hr-export.csv",
        dir.path(),
        &["--kind", "type", "--acronym", "acronym"],
    )
    .expect_code(0);
    // The parent DINUM is not in the file: a warning at its row, not a dropped link.
    insta::assert_snapshot!(
        "import_csv_warns_of_a_parent_outside_the_file",
        transcript(&out, dir.path())
    );
    insta::assert_snapshot!(
        "import_csv_writes_one_description_file",
        std::fs::read_to_string(dir.path().join("hr-export.json")).unwrap()
    );
    let graph = load(dir.path());
    assert_eq!(graph.unit_count(), 6);
    let chain = organigram(["--org"])
        .arg(dir.path())
        .args(["chain", "lab data"])
        .run()
        .success();
    insta::assert_snapshot!("chain_of_an_imported_unit", chain);
    organigram(["--org"])
        .arg(dir.path())
        .args(["check"])
        .run()
        .expect_code(0);
}

#[test]
fn bad_csv_rows_are_reported_at_their_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out");
    let out = import_csv(
        "tests/fixtures/import/bad-rows.csv",
        &output,
        &["--kind", "type"],
    )
    .expect_code(2);
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(out.stderr);
    assert!(!output.exists());
}

#[test]
fn csv_columns_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let out = import_csv(
        "tests/fixtures/import/hr-export.csv",
        dir.path(),
        &["--kind", "kind"],
    )
    .expect_code(2);
    insta::assert_snapshot!(out.stderr);
}

#[test]
fn a_register_that_is_not_the_api_s_json_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let out = organigram([
        "import",
        "govuk",
        "tests/fixtures/import/hr-export.csv",
        "-o",
    ])
    .arg(dir.path())
    .run()
    .expect_code(2);
    insta::assert_snapshot!(out.stderr);
}
