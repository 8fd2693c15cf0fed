//! `export`: node-link JSON, GraphML, JSON-LD, Turtle and CSV, snapshotted on a small description,
//! and read by the real clients: networkx for the graphs, rdflib for the linked data, organigram's
//! own `import csv` for the CSV.

use std::path::Path;
use std::process::Command;

use organigram::graph::OrgGraph;
use organigram::model::Date;
use organigram::{Loader, Workspace};

use crate::support;
use crate::support::{organigram, root};

const SMALL: &str = "tests/fixtures/valid/small";
const HOSTILE: &str = "tests/fixtures/export/hostile.json";

fn export(org: &str, format: &str) -> String {
    organigram(["--org", org, "export", "--format", format])
        .run()
        .success()
}

#[test]
fn node_link_json() {
    insta::assert_snapshot!(export(SMALL, "json"));
}

#[test]
fn graphml() {
    insta::assert_snapshot!(export(SMALL, "graphml"));
}

#[test]
fn turtle() {
    insta::assert_snapshot!(export(SMALL, "turtle"));
}

#[test]
fn json_ld() {
    insta::assert_snapshot!(export(SMALL, "jsonld"));
}

/// A ministry whose directorates merged, whose service split and whose mission was replaced,
/// with a dated head and a dated membership: the change events and intervals of every date.
const HISTORY: &str = "tests/fixtures/export/history.json";

#[test]
fn turtle_of_every_date() {
    let turtle = organigram([
        "--org",
        HISTORY,
        "export",
        "--all-dates",
        "--format",
        "turtle",
    ])
    .run()
    .success();
    insta::assert_snapshot!(turtle);
    // Today has no change: its ends are never in force together.
    let today = export(HISTORY, "turtle");
    assert!(!today.contains("a org:ChangeEvent"), "{today}");
    assert!(today.contains("org:memberDuring"), "{today}");
}

#[test]
fn csv() {
    insta::assert_snapshot!(export(SMALL, "csv"));
}

/// The description at `path` as the command line reads it: cut to today.
fn load(path: &Path) -> Workspace {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let today = Date::from_days_since_epoch(i64::try_from(seconds / 86_400).unwrap()).unwrap();
    Loader::new()
        .path(path)
        .today(today)
        .load()
        .expect("no proposal to refuse")
}

/// Each unit as `organigram import csv` keeps it: id, name, kind, acronym, headcount (its
/// count), remit, vacancy, location.
fn table(graph: &OrgGraph) -> Vec<[String; 8]> {
    let mut units: Vec<[String; 8]> = graph
        .units()
        .map(|(_, unit)| {
            [
                unit.id.to_string(),
                unit.name.trim().to_owned(),
                unit.kind.as_str().to_owned(),
                unit.acronym.clone().unwrap_or_default(),
                unit.headcount
                    .as_ref()
                    .map_or(String::new(), |h| h.count.to_string()),
                unit.remit.clone().unwrap_or_default(),
                format!("{:?}", unit.vacant.as_ref().map(|v| v.value)),
                unit.location.clone().unwrap_or_default(),
            ]
        })
        .collect();
    // In the order of the files, which an import writes one per organisation.
    units.sort();
    units
}

/// Every hierarchical tie of a graph, as `from kind to period`, sorted, its period within the
/// life of the unit it places (a tie holds while its unit exists, and a table's row gives the
/// unit's tie during the row's period).
fn hierarchical_ties(graph: &OrgGraph) -> Vec<String> {
    let mut ties: Vec<String> = graph
        .ties()
        .filter(|(_, t)| t.kind.value.is_hierarchical())
        .map(|(_, t)| {
            let life = graph
                .find_id(t.from.as_str())
                .map(|ix| graph.unit(ix).life());
            let period = life.map_or(t.period(), |life| t.period().intersection(life));
            format!("{t} {period}")
        })
        .collect();
    ties.sort();
    ties
}

#[test]
fn a_csv_export_imports_back_with_every_unit_and_hierarchical_tie() {
    for org in ["org", SMALL, HOSTILE] {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("units.csv");
        organigram(["--org", org, "export", "--format", "csv", "-o"])
            .arg(&csv)
            .run()
            .success();
        // No option: the importer finds the export's columns by their headers.
        let imported = dir.path().join("imported");
        organigram(["import", "csv"])
            .arg(&csv)
            .arg("-o")
            .arg(&imported)
            .run()
            .success();
        let (before, after) = (load(&root().join(org)), load(&imported));
        let problems: Vec<_> = after.diagnostics().collect();
        assert!(!after.has_errors(), "{problems:?}");
        assert_eq!(table(before.graph()), table(after.graph()), "{org}");
        let ties = hierarchical_ties(before.graph());
        assert!(!ties.is_empty(), "{org}");
        assert_eq!(ties, hierarchical_ties(after.graph()), "{org}");
    }
}

#[test]
fn a_csv_export_says_what_it_leaves_out_in_each_language() {
    // The small description has a cooperation and a secretariat, aliases, a quoted source…
    let stderr = |lang: &str| {
        organigram(["--lang", lang, "--org", SMALL, "export", "--format", "csv"])
            .run()
            .expect_code(0)
            .stderr
    };
    insta::assert_snapshot!(format!("{}\n{}", stderr("en"), stderr("fr")));
    // What holds nothing the table cannot hold (an organisation named as its id, which is
    // what the table keeps of it) says nothing.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("o.json"),
        r#"{"organisation": {"id": "o", "name": "o"},
            "units": [{"id": "o", "name": "O", "kind": "ministry", "boundary": "top"}]}"#,
    )
    .unwrap();
    let out = organigram(["--org", "o.json", "export", "--format", "csv"])
        .in_dir(dir.path())
        .run()
        .expect_code(0);
    assert_eq!(out.stderr, "");
}

#[test]
fn names_built_to_break_xml_stay_text() {
    let text = export(HOSTILE, "graphml");
    let document = roxmltree::Document::parse(&text).expect("well-formed XML");
    let top = document
        .descendants()
        .find(|n| n.has_tag_name("node") && n.attribute("id") == Some("top"))
        .unwrap();
    let data = |key: &str| {
        top.children()
            .find(|n| n.attribute("key") == Some(key))
            .and_then(|n| n.text())
            .unwrap()
            .to_owned()
    };
    assert_eq!(data("u_name"), "Top </node> <![CDATA[ x ]]> & co");
    // Line breaks and tabs are kept. (A description holds no other control character: the
    // loader refuses them; graphml's unit tests cover how they would be escaped.)
    assert_eq!(data("u_aliases"), "line\nbreak; tab\there");
}

#[test]
fn an_output_file_holds_what_standard_output_would() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("org.ttl");
    let out = organigram(["--org", SMALL, "export", "--format", "turtle", "-o"])
        .arg(&path)
        .run()
        .success();
    assert!(out.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        export(SMALL, "turtle")
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn iris_take_the_base_given_and_a_bad_base_is_refused() {
    let turtle = organigram([
        "--org",
        SMALL,
        "export",
        "--format",
        "turtle",
        "--base",
        "https://example.org/gov/",
    ])
    .run()
    .success();
    assert!(turtle.contains("@prefix unit: <https://example.org/gov/unit/> ."));
    let out = organigram(["--org", SMALL, "export", "--base", "example.org/"])
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("not an absolute IRI"), "{}", out.stderr);
}

#[test]
fn a_description_with_errors_is_exported_as_it_loaded_unless_strict() {
    let args = [
        "--org",
        "tests/fixtures/invalid/unknown-unit.json",
        "export",
    ];
    let out = organigram(args).run().expect_code(0);
    assert!(out.json()["nodes"].is_array(), "{}", out.stdout);
    assert!(
        out.stderr
            .starts_with("warning: the description has 1 error")
    );
    let out = organigram(args).arg("--strict").run().expect_code(2);
    assert!(out.stdout.is_empty());
}

/// Runs `tests/python/check_exports.py` on a description: networkx and rdflib read its exports
/// and must find organigram's unit and tie counts and the chains of command of `samples`.
fn check_with_real_clients(python: &Path, org: &Path, samples: &[&str]) {
    let samples: Vec<&str> = samples.iter().flat_map(|s| ["--sample", s]).collect();
    run_real_clients(python, org, &load(org), &samples);
}

/// Runs `tests/python/check_exports.py --all-dates` on a description: the exports of every date
/// hold its units and ties of every date, and SPARQL finds the `--change-event`s and
/// `--member-during`s that `checks` give.
fn check_history_with_real_clients(python: &Path, org: &Path, checks: &[&str]) {
    let every_date = Loader::new()
        .path(org)
        .load()
        .expect("no proposal to refuse");
    let args: Vec<&str> = std::iter::once("--all-dates")
        .chain(checks.iter().copied())
        .collect();
    run_real_clients(python, org, &every_date, &args);
}

/// Runs `tests/python/check_exports.py` on `org`, whose structure `loaded` is, with `args`.
fn run_real_clients(python: &Path, org: &Path, loaded: &Workspace, args: &[&str]) {
    let problems: Vec<_> = loaded.diagnostics().collect();
    assert!(!loaded.has_errors(), "{problems:?}");
    let mut command = Command::new(python);
    command
        .current_dir(root())
        .arg("tests/python/check_exports.py")
        .arg("--organigram")
        .arg(env!("CARGO_BIN_EXE_organigram"))
        .arg("--org")
        .arg(org)
        .args(["--units", &loaded.graph().unit_count().to_string()])
        .args(["--ties", &loaded.graph().tie_count().to_string()])
        .args(args);
    let output = command.output().expect("Python runs");
    assert!(
        output.status.success(),
        "the real clients disagree with organigram on {}:\n{}{}",
        org.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn networkx_and_rdflib_read_the_exports() {
    // A virtual environment in target/, made on the first run.
    let python = support::python::python();

    // The built-in description: posts, line authority, joint attachment, succession.
    check_with_real_clients(
        python,
        &root().join("org"),
        &[
            "justice-dp-ia-directeur",
            "dne-expert-haut-niveau-donnees",
            "dip-a-just",
            "etalab",
        ],
    );
    check_with_real_clients(python, &root().join(HOSTILE), &["lead"]);

    // The GOV.UK register at its real size: diamonds and units with up to four parents.
    let dir = tempfile::tempdir().unwrap();
    organigram([
        "import",
        "govuk",
        "tests/data/govuk-organisations.json",
        "-o",
    ])
    .arg(dir.path())
    .run()
    .expect_code(0);
    check_with_real_clients(
        python,
        dir.path(),
        &[
            "leadership-college-for-government",
            "national-cyber-force",
            "uk-national-screening-committee",
            "ofcom",
            "wales-office",
        ],
    );

    // Every date: the change events, their dates, and the intervals of memberships and posts.
    check_history_with_real_clients(
        python,
        &root().join("org"),
        &["--change-event", "dinsic>dinum@2019-10-25"],
    );
    check_history_with_real_clients(
        python,
        &root().join(HISTORY),
        &[
            "--change-event",
            "old-a,old-b>merged@2020-01-01",
            "--change-event",
            "whole>half-1,half-2@2021-06",
            "--change-event",
            "mission>mission-2@2019",
            "--member-during",
            "merged>board@2020-01/2023",
            "--member-during",
            "director>merged@2020-03-15/",
        ],
    );
    check_history_with_real_clients(
        python,
        dir.path(),
        &[
            "--change-event",
            "department-for-business-innovation-skills,department-of-energy-climate-change\
             >department-for-business-energy-and-industrial-strategy@2016-07-15",
            "--change-event",
            "ai-safety-institute>ai-security-institute@2025-02-14",
        ],
    );
}

/// The first six cells of each row of a CSV export: id, parent, tie, name, kind, acronym.
fn hierarchy_of(csv: &str) -> Vec<String> {
    csv.lines()
        .map(|line| line.split(',').take(6).collect::<Vec<_>>().join(","))
        .collect()
}

#[test]
fn an_export_of_every_date_imports_back_as_the_same_history() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("units.csv");
    organigram([
        "--org",
        "org",
        "export",
        "--all-dates",
        "--format",
        "csv",
        "-o",
    ])
    .arg(&csv)
    .run()
    .success();
    let written = std::fs::read_to_string(&csv).unwrap();
    // The DINSIC's row ends when DINUM's begins.
    assert!(
        written.contains(",interministerial-directorate,DINSIC,,2019-10-25,"),
        "{written}"
    );
    assert!(
        written.contains("etalab,dinsic,attachment,Mission Etalab,mission,Etalab,,2019-10-25,"),
        "{written}"
    );
    // Its columns are found by their headers: no option names them.
    let imported = dir.path().join("imported");
    organigram(["import", "csv"])
        .arg(&csv)
        .arg("-o")
        .arg(&imported)
        .run()
        .success();
    // On the day before the change, the day of it, and today: the same hierarchy.
    for day in [None, Some("2019-10-24"), Some("2019-10-25")] {
        let export = |org: &Path| {
            let mut run = organigram(["--org"]).arg(org);
            if let Some(day) = day {
                run = run.args(["--as-of", day]);
            }
            run.args(["export", "--format", "csv"]).run().success()
        };
        let (after, before) = (
            hierarchy_of(&export(&imported)),
            hierarchy_of(&export(&root().join("org"))),
        );
        let differ: Vec<_> = after.iter().filter(|row| !before.contains(row)).collect();
        let lost: Vec<_> = before.iter().filter(|row| !after.contains(row)).collect();
        assert!(
            differ.is_empty() && lost.is_empty() && after.len() == before.len(),
            "{day:?}: {differ:?} for {lost:?}"
        );
    }
    let out = organigram(["--org", "org", "--as-of", "2020", "export", "--all-dates"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("--all-dates exports every date"),
        "{}",
        out.stderr
    );
}
