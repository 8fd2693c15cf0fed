//! The command line, run as a user runs it: the real binary, its output and its exit code.

use crate::support;
use crate::support::{fixture, organigram};

const SMALL: &str = "tests/fixtures/valid/small";

fn small<const N: usize>(args: [&str; N]) -> support::Output {
    let mut all = vec!["--org", SMALL];
    all.extend(args);
    organigram(all).run()
}

#[test]
fn show_prints_everything_about_a_unit() {
    insta::assert_snapshot!(small(["show", "me-lab"]).expect_code(0).transcript());
}

#[test]
fn show_as_json() {
    insta::assert_snapshot!(small(["show", "SG", "--format", "json"]).success());
}

#[test]
fn show_json_carries_the_unit_fields_every_output_has() {
    let json = small(["show", "me-data-lead", "--format", "json"])
        .expect_code(0)
        .json();
    for field in ["id", "name", "acronym", "kind"] {
        assert!(json.get(field).is_some(), "no {field} in {json}");
    }
    assert_eq!(json["vacant"], true);
    assert_eq!(json["parents"][0]["unit"]["id"], "me-lab");
    assert_eq!(json["parents"][1]["kind"], "line-authority");
}

#[test]
fn units_are_found_by_id_acronym_name_or_alias_whatever_the_case_and_accents() {
    for text in [
        "me-sg",
        "sg",
        "Secretariat General",
        "SECRÉTARIAT GÉNÉRAL",
        "general secretariat",
    ] {
        let json = small(["show", text, "--format", "json"])
            .expect_code(0)
            .json();
        assert_eq!(json["id"], "me-sg", "{text}");
    }
    let json = small(["show", "lab donnees", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["id"], "me-lab");
}

#[test]
fn an_ambiguous_unit_lists_the_candidates() {
    insta::assert_snapshot!(small(["show", "secr"]).expect_code(2).transcript());
}

#[test]
fn an_unknown_unit_suggests_the_nearest() {
    insta::assert_snapshot!(small(["show", "dnmu"]).expect_code(2).transcript());
}

#[test]
fn find_ranks_matches() {
    insta::assert_snapshot!(
        "find_a_word_that_starts_a_name",
        small(["find", "direction"]).expect_code(0).transcript()
    );
    insta::assert_snapshot!(
        "find_a_prefix_of_two_names",
        small(["find", "se"]).expect_code(0).transcript()
    );
}

#[test]
fn find_as_json() {
    insta::assert_snapshot!(small(["find", "sg", "--format", "json"]).success());
}

#[test]
fn find_with_no_match_says_so() {
    let out = small(["find", "zzzz"]).success();
    assert_eq!(out, "no unit matches `zzzz`\n");
    let json = small(["find", "zzzz", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json, serde_json::json!([]));
}

#[test]
fn descriptions_combine_across_org_arguments() {
    let ministry = format!("{SMALL}/ministry.json");
    let agency = format!("{SMALL}/agency.json");
    let json = organigram([
        "--org", &ministry, "--org", &agency, "show", "AND", "--format", "json",
    ])
    .run()
    .expect_code(0)
    .json();
    assert_eq!(json["ties"][0]["unit"]["id"], "me-lab");
    // Without the agency's file, the cooperation tie names an unknown unit: the unit is shown
    // without it, after a warning, and refused with --strict.
    let out = organigram(["--org", &ministry, "show", "me-lab"])
        .run()
        .expect_code(0);
    assert!(out.stdout.contains("Lab"), "{}", out.stdout);
    assert!(
        out.stderr
            .starts_with("warning: the description has 1 error; answering on what loaded"),
        "{}",
        out.stderr
    );
    let out = organigram(["--org", &ministry, "show", "me-lab", "--strict"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("unknown unit `agency`"),
        "{}",
        out.stderr
    );
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let out = organigram(["shw", "x"]).run().expect_code(2);
    assert!(
        out.stderr.contains("unrecognized subcommand"),
        "{}",
        out.stderr
    );
    organigram(["show"]).run().expect_code(2);
    organigram(["show", "x", "--format", "yaml"])
        .run()
        .expect_code(2);
    assert!(
        organigram(["--help"])
            .run()
            .success()
            .contains("Usage: organigram")
    );
    assert!(
        organigram(["--version"])
            .run()
            .success()
            .starts_with("organigram ")
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = organigram(["--org", SMALL, "show", "me-sg"]).spawn();
    // Close our end before the binary writes anything: its writes then fail with EPIPE.
    drop(child.stdout.take());
    let status = child.wait().expect("the binary ends");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn messages_are_plain_when_not_on_a_terminal() {
    let out = organigram([
        "--org",
        &fixture("invalid/unknown-unit.json").display().to_string(),
        "show",
        "x",
    ])
    .run()
    .expect_code(2);
    assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
}

#[test]
fn a_file_over_the_size_limit_is_refused_with_a_hint() {
    let out = small(["--max-file-size", "100", "show", "me"]).expect_code(2);
    assert!(
        out.stderr.contains("larger than the limit of 100 bytes"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--max-file-size"), "{}", out.stderr);
}

#[test]
fn nesting_over_the_limit_is_refused_and_the_limit_can_be_raised() {
    let out = small(["--max-depth", "3", "show", "me"]).expect_code(2);
    assert!(
        out.stderr.contains("nesting deeper than 3 levels"),
        "{}",
        out.stderr
    );
    small(["--max-depth", "4", "show", "me"]).expect_code(0);
}

#[test]
fn a_missing_path_is_an_input_error() {
    let out = organigram(["--org", "no/such/folder", "show", "x"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("cannot read no/such/folder"),
        "{}",
        out.stderr
    );
}

#[test]
fn completions_are_generated_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = organigram(["completions", shell]).run().success();
        assert!(script.contains("organigram"), "{shell}");
    }
}

#[test]
fn problems_come_as_json_when_the_output_is_json() {
    let out = organigram([
        "--org",
        "tests/fixtures/invalid/duplicate-id",
        "show",
        "x",
        "--format",
        "json",
        "--strict",
    ])
    .run()
    .expect_code(2);
    assert!(out.stdout.is_empty());
    let problems: serde_json::Value = serde_json::from_str(&out.stderr).expect("stderr is JSON");
    insta::assert_json_snapshot!(problems);
}

#[test]
fn generate_writes_a_description_that_loads_and_refuses_a_folder_in_use() {
    let dir = std::env::temp_dir().join(format!("organigram-generate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.display().to_string();
    let out = organigram(["generate", "--units", "500", "--seed", "4", "-o", &path])
        .run()
        .success();
    assert!(out.starts_with("wrote 500 units in 1 files"), "{out}");
    let stats = organigram(["--org", &path, "stats", "--format", "json"])
        .run()
        .expect_code(0)
        .json();
    assert_eq!(stats["units"], 500);
    let first = std::fs::read(dir.join("org-0000.json")).unwrap();
    // Again with the same files: replaced. Into a folder holding other description files:
    // refused, and nothing is touched.
    organigram(["generate", "--units", "500", "--seed", "4", "-o", &path])
        .run()
        .success();
    assert_eq!(std::fs::read(dir.join("org-0000.json")).unwrap(), first);
    std::fs::write(dir.join("other.json"), "{}").unwrap();
    let out = organigram(["generate", "--units", "10", "-o", &path])
        .run()
        .expect_code(2);
    let refusal = "holds description files that are not being written (other.json)";
    assert!(out.stderr.contains(refusal), "{}", out.stderr);
    assert_eq!(std::fs::read(dir.join("org-0000.json")).unwrap(), first);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn generate_writes_a_history_whose_every_day_checks_without_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g").display().to_string();
    let args = [
        "generate",
        "--units",
        "800",
        "--changes",
        "400",
        "--seed",
        "6",
    ];
    let out = organigram(args).args(["-o", &path]).run().success();
    assert!(
        out.contains("with a dated history of 400 changes, from 2000 to 2025"),
        "{out}"
    );
    let units = |day: &str| {
        let stats = organigram(["--org", &path, "--as-of", day, "stats", "--format", "json"])
            .run()
            .expect_code(0)
            .json();
        stats["units"].as_u64().unwrap()
    };
    // Before the first change, every unit but those created since; today, every unit but those
    // ended since: two structures, of fewer units than the files declare.
    let (before, today) = (units("1999"), units("2026"));
    assert!(
        before < 800 && today < 800 && before != today,
        "{before} {today}"
    );
    for day in ["1999", "2004-02-29", "2013-07", "2026"] {
        organigram(["--org", &path, "--as-of", day, "check"])
            .run()
            .expect_code(0);
    }
    let out = organigram(["--lang", "fr"])
        .args(args)
        .args(["-o", &path])
        .run()
        .success();
    assert!(
        out.contains("avec un historique daté de 400 changements, de 2000 à 2025"),
        "{out}"
    );
}

#[test]
fn a_description_is_read_from_standard_input_with_dash() {
    let ministry = "tests/fixtures/valid/small/ministry.json";
    let agency = "tests/fixtures/valid/small/agency.json";
    let text = std::fs::read(support::root().join(ministry)).unwrap();
    let from_stdin =
        organigram(["--org", "-", "--org", agency, "show", "me"]).run_with_stdin(&text);
    let from_file = organigram(["--org", ministry, "--org", agency, "show", "me"]).run();
    let (from_stdin, from_file) = (from_stdin.success(), from_file.success());
    assert!(from_stdin.contains("<stdin>:"), "{from_stdin}");
    // The same unit, declared in the file named `<stdin>`.
    assert_eq!(from_stdin.replace("<stdin>", ministry), from_file);
}

#[test]
fn standard_input_has_the_same_size_limit_and_located_errors_as_files() {
    let out = organigram(["--org", "-", "--max-file-size", "10", "stats"])
        .run_with_stdin(&[b' '; 64])
        .expect_code(2);
    assert!(
        out.stderr
            .contains("<stdin> is larger than the limit of 10 bytes"),
        "{}",
        out.stderr
    );
    let out = organigram(["--org", "-", "stats"])
        .run_with_stdin(b"{\n  \"units\": [,]\n}\n")
        .expect_code(2);
    assert!(out.stderr.contains("<stdin>:2:"), "{}", out.stderr);
}
