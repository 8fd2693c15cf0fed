//! `check`, proposals and `diff` from the command line: exit codes a CI job can gate on, severity
//! options, JSON shapes, the built-in description and its proposals.

use crate::support::{Output, fixture, organigram};

fn run<const N: usize>(args: [&str; N]) -> Output {
    organigram(args).run()
}

const BASE: &str = "tests/fixtures/proposals/base.json";

#[test]
fn the_built_in_description_passes_check() {
    // From the project's root, `./org` is read; elsewhere, the copy compiled into the binary.
    let here = run(["check"]).expect_code(0);
    insta::assert_snapshot!(here.stdout);
    let elsewhere = organigram(["check"])
        .in_dir(std::env::temp_dir())
        .run()
        .expect_code(0);
    assert!(
        elsewhere
            .stdout
            .ends_with("0 errors, 2 warnings, 7 notes\n")
    );
}

#[test]
fn explain_prints_a_code_s_severity_and_rationale() {
    insta::assert_snapshot!(
        "explain_orphan_unit",
        run(["check", "--explain", "orphan-unit"]).success()
    );
    insta::assert_snapshot!(
        "explain_an_unknown_code_suggests_the_nearest",
        run(["check", "--explain", "orphan-units"])
            .expect_code(2)
            .transcript()
    );
}

#[test]
fn every_code_can_be_explained() {
    for code in organigram::diagnostic::Code::ALL {
        let out = run(["check", "--explain", code.as_str()]).success();
        assert!(out.starts_with(&format!("{code} (")), "{out}");
        assert!(out.contains(code.rationale()), "{out}");
    }
}

#[test]
fn explain_alone_lists_every_code_with_its_severity_and_reason() {
    let out = run(["check", "--explain"]).success();
    let codes = organigram::diagnostic::Code::ALL;
    assert_eq!(out.lines().count(), 2 * codes.len(), "{out}");
    for (code, entry) in codes
        .iter()
        .zip(out.split_inclusive('\n').collect::<Vec<_>>().chunks(2))
    {
        let severity = code.default_severity().as_str();
        assert_eq!(entry[0], format!("{code} ({severity} by default)\n"));
        assert_eq!(entry[1], format!("    {}\n", code.rationale()));
    }
    // An unknown code lists them all, to pick from.
    let out = run(["check", "--explain", "nope"]).expect_code(2);
    assert!(out.stdout.is_empty(), "{}", out.transcript());
    for code in codes {
        assert!(out.stderr.contains(code.as_str()), "{code}: {}", out.stderr);
    }
}

#[test]
fn text_shows_errors_then_warnings_then_notes_and_counts_each_code() {
    let mixed = fixture("check/orphan-unit.json");
    for org in [None, Some(mixed.to_str().unwrap())] {
        let mut args = Vec::new();
        if let Some(org) = org {
            args.extend(["--org", org]);
        }
        let text = organigram(args.iter().copied().chain(["check"]))
            .run()
            .stdout;
        let json = organigram(args.iter().copied().chain(["check", "--format", "json"]))
            .run()
            .json();
        let problems = json["problems"].as_array().unwrap();
        // The headings in the order printed: their severities never go back up.
        let severities: Vec<usize> = text
            .lines()
            .filter_map(|line| {
                ["error[", "warning[", "note["]
                    .iter()
                    .position(|s| line.starts_with(s))
            })
            .collect();
        assert_eq!(severities.len(), problems.len(), "{text}");
        assert!(severities.is_sorted(), "{text}");
        // The count per code, most first, before the summary.
        let mut counts: Vec<(String, usize)> = Vec::new();
        for problem in problems {
            let code = problem["code"].as_str().unwrap().to_owned();
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => counts.push((code, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let listed: Vec<String> = counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
        let by_code = format!("by code: {}", listed.join(", "));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[lines.len() - 2], by_code, "{text}");
    }
}

#[test]
fn severities_follow_allow_warn_deny_and_strict() {
    let check = |fixture_name: &str, options: &[&str]| {
        let path = fixture(&format!("check/{fixture_name}.json"));
        let mut args = vec![
            "--org".to_owned(),
            path.display().to_string(),
            "check".to_owned(),
            "--format".to_owned(),
            "json".to_owned(),
        ];
        args.extend(options.iter().map(|o| (*o).to_owned()));
        let out = organigram(args).run();
        let json = out.json();
        let severities: Vec<String> = json["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p["code"].as_str().unwrap(),
                    p["severity"].as_str().unwrap()
                )
            })
            .collect();
        (out.code, severities)
    };
    let tie_warnings = vec!["duplicate-tie warning".to_owned(); 2];
    let tie_errors = vec!["duplicate-tie error".to_owned(); 2];
    assert_eq!(check("duplicate-tie", &[]), (0, tie_warnings));
    assert_eq!(
        check("duplicate-tie", &["--deny", "warnings"]),
        (1, tie_errors.clone())
    );
    assert_eq!(
        check("duplicate-tie", &["--deny", "duplicate-tie"]),
        (1, tie_errors)
    );
    assert_eq!(
        check("duplicate-tie", &["--allow", "duplicate-tie"]),
        (0, vec![])
    );
    assert_eq!(
        check("orphan-unit", &["--warn", "orphan-unit"]),
        (0, vec!["orphan-unit warning".to_owned()])
    );
    assert_eq!(
        check("missing-source", &["--strict"]),
        (1, vec!["missing-source error".to_owned(); 2])
    );
    assert_eq!(
        check(
            "missing-source",
            &["--strict", "--warn", "missing-source", "--deny", "warnings"]
        ),
        (0, vec!["missing-source warning".to_owned(); 2])
    );
    assert_eq!(check("wide-span", &["--max-span", "16"]), (0, vec![]));
}

#[test]
fn severity_options_that_cannot_hold_are_usage_errors() {
    insta::assert_snapshot!(
        "allow_and_deny_the_same_code",
        run(["check", "--allow", "wide-span", "--deny", "wide-span"])
            .expect_code(2)
            .transcript()
    );
    insta::assert_snapshot!(
        "allow_a_code_that_cannot_be_adjusted",
        run(["check", "--allow", "syntax"])
            .expect_code(2)
            .transcript()
    );
    insta::assert_snapshot!(
        "deny_an_unknown_code_suggests_warnings",
        run(["check", "--deny", "warning"])
            .expect_code(2)
            .transcript()
    );
}

#[test]
fn check_as_json() {
    let path = fixture("check/orphan-unit.json");
    let out = run(["--org", path.to_str().unwrap(), "check", "--format", "json"]).expect_code(1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn input_that_cannot_be_read_exits_2_with_the_problems_on_stdout() {
    let path = fixture("invalid/syntax.json");
    let out = run(["--org", path.to_str().unwrap(), "check"]).expect_code(2);
    assert!(out.stdout.contains("error[syntax]"), "{}", out.transcript());
    assert!(out.stdout.ends_with("1 error, 0 warnings, 0 notes\n"));
    let folder = fixture("invalid/empty-folder");
    run(["--org", folder.to_str().unwrap(), "check"]).expect_code(2);
}

#[test]
fn a_proposal_that_breaks_the_structure_shows_what_is_new() {
    insta::assert_snapshot!(
        run([
            "--org",
            BASE,
            "check",
            "--proposal",
            "tests/fixtures/proposals/breaks.json"
        ])
        .expect_code(1)
        .stdout
    );
}

#[test]
fn a_proposal_that_repairs_the_structure_shows_what_it_solves() {
    let out = run([
        "--org",
        BASE,
        "check",
        "--proposal",
        "tests/fixtures/proposals/repairs.json",
        "--format",
        "json",
    ])
    .expect_code(0);
    insta::assert_snapshot!(out.stdout);
    let before = run(["--org", BASE, "check"]).expect_code(1);
    assert!(before.stdout.contains("error[orphan-unit]"));
}

#[test]
fn the_built_in_proposals() {
    insta::assert_snapshot!(
        run([
            "check",
            "--proposal",
            "org/proposals/remove-pole-fonctionnel.json",
            "--allow",
            "vacant-post",
            "--allow",
            "isolated-unit",
            "--allow",
            "outdated-tie",
        ])
        .expect_code(1)
        .stdout
    );
    for clean in [
        "dsin-data-team",
        "merge-dsj-hr",
        "move-dip-a-just",
        "split-dsj-finances",
    ] {
        let path = format!("org/proposals/{clean}.json");
        let out = run(["check", "--proposal", &path]).expect_code(0);
        assert!(
            out.stdout.contains("New problems (0)") && out.stdout.contains("nothing new"),
            "{}",
            out.transcript()
        );
    }
}

#[test]
fn every_command_works_on_the_structure_as_proposed() {
    let proposal = "org/proposals/remove-pole-fonctionnel.json";
    let dsin = run(["show", "dsin", "--proposal", proposal, "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(dsin["parents"], serde_json::json!([]));
    let removed = run([
        "--proposal",
        proposal,
        "show",
        "province-sud-pole-fonctionnel",
    ]);
    removed.expect_code(2);
    let added = run([
        "show",
        "dsin-cellule-data-ia",
        "--proposal",
        "org/proposals/dsin-data-team.json",
        "--format",
        "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(
        added["declared_at"],
        "org/proposals/dsin-data-team.json:14:19"
    );
    assert_eq!(
        added["children"][0]["unit"]["id"],
        "dsin-chef-projet-data-ia"
    );
    let found = run([
        "find",
        "sous-direction de l'immobilier",
        "--proposal",
        "org/proposals/split-dsj-finances.json",
        "--format",
        "json",
    ])
    .expect_code(0)
    .json();
    assert_eq!(found[0]["id"], "dsj-sd-immobilier");
}

#[test]
fn a_proposal_that_cannot_be_read_is_an_input_error() {
    let out = run(["check", "--proposal", "no/such/proposal.json"]).expect_code(2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("check the path given to --proposal"),
        "{}",
        out.transcript()
    );
    let out = run([
        "show",
        "dsin",
        "--proposal",
        "tests/fixtures/proposals/invalid/unknown-unit.json",
        "--format",
        "json",
    ])
    .expect_code(2);
    let json: serde_json::Value = serde_json::from_str(&out.stderr).expect("JSON on stderr");
    assert_eq!(json[0]["code"], "unknown-unit");
    assert_eq!(
        json[0]["file"],
        "tests/fixtures/proposals/invalid/unknown-unit.json"
    );
}

#[test]
fn the_proposal_schema_is_printed() {
    let printed = run(["schema", "proposal"]).success();
    let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(schema["title"], "organigram proposal");
    assert_eq!(
        run(["schema"]).success(),
        run(["schema", "description"]).success()
    );
}

#[test]
fn a_description_has_no_difference_with_itself() {
    assert_eq!(run(["diff", "org", "org"]).success(), "");
    assert_eq!(run(["diff", "org", "org", "--exit-code"]).success(), "");
    let json = run(["diff", "org", "org", "--format", "json"])
        .expect_code(0)
        .json();
    for list in [
        "units_added",
        "units_removed",
        "units_changed",
        "ties_added",
        "ties_removed",
        "ties_changed",
    ] {
        assert_eq!(json[list], serde_json::json!([]), "{list}");
    }
}

#[test]
fn diff_shows_what_a_proposal_changes() {
    let proposal = "tests/fixtures/proposals/every-operation.json";
    insta::assert_snapshot!(
        "diff_of_every_operation",
        run(["diff", BASE, BASE, "--proposal", proposal]).success()
    );
    run(["diff", BASE, BASE, "--proposal", proposal, "--exit-code"]).expect_code(1);
    insta::assert_snapshot!(
        "diff_of_a_move_as_json",
        run([
            "diff",
            "org",
            "org",
            "--proposal",
            "org/proposals/move-dip-a-just.json",
            "--format",
            "json"
        ])
        .success()
    );
}

#[test]
fn diff_compares_two_folders_or_files_and_not_org() {
    let out = run(["diff", "tests/fixtures/valid/small", BASE]).success();
    assert!(out.contains("Units removed (7)"), "{out}");
    assert!(out.contains("Units added (8)"), "{out}");
    insta::assert_snapshot!(
        run(["--org", "org", "diff", "org", "org"])
            .expect_code(2)
            .transcript()
    );
}

/// The exit code of `check` on the fixture `check/{name}.json`, `args` after the command, and
/// the code, severity and (with a proposal) whether it is new of each problem, in order.
fn problems(name: &str, args: &[&str]) -> (i32, Vec<String>) {
    let path = fixture(&format!("check/{name}.json"));
    let out = organigram(["--org".as_ref(), path.as_os_str(), "check".as_ref()])
        .args(["--format", "json"])
        .args(args)
        .run();
    let json = out.json();
    let found = json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let new = match p["new"].as_bool() {
                Some(true) => " new",
                Some(false) => " old",
                None => "",
            };
            format!(
                "{} {}{new}",
                p["code"].as_str().unwrap(),
                p["severity"].as_str().unwrap()
            )
        })
        .collect();
    (out.code, found)
}

#[test]
fn the_rules_of_time_follow_allow_warn_and_deny() {
    let one = |problem: &str| vec![problem.to_owned()];
    assert_eq!(
        problems("orphan-period", &[]),
        (0, one("orphan-period warning"))
    );
    assert_eq!(
        problems("orphan-period", &["--deny", "orphan-period"]),
        (1, one("orphan-period error"))
    );
    assert_eq!(
        problems("undated-dissolution", &["--allow", "undated-dissolution"]),
        (0, vec![])
    );
    assert_eq!(
        problems("dates-out-of-order", &["--warn", "dates-out-of-order"]),
        (0, vec!["dates-out-of-order warning".to_owned(); 4])
    );
    assert_eq!(
        problems("succession-gap", &["--deny", "warnings"]),
        (1, one("succession-gap error"))
    );
}

#[test]
fn what_the_structure_of_the_day_shows_is_reported_once_by_its_rule() {
    // The bureau is attached to two directorates from September 2019 to 2021, and has no parent
    // from 2015 to March 2018: as of a day in those years, the rules of that day's structure
    // report it; as of today, the rules of time.
    let one = |problem: &str| vec![problem.to_owned()];
    assert_eq!(
        problems("overlapping-attachments", &[]),
        (1, one("overlapping-attachments error"))
    );
    assert_eq!(
        problems("overlapping-attachments", &["--as-of", "2020-06"]),
        (1, one("multiple-attachments error"))
    );
    assert_eq!(
        problems("orphan-period", &["--as-of", "2016"]),
        (1, one("orphan-unit error"))
    );
    assert_eq!(
        problems("orphan-period", &["--as-of", "2014"]),
        (0, one("orphan-period warning"))
    );
}

#[test]
fn the_rules_of_time_find_the_same_before_and_after_a_proposal() {
    // A proposal changes the structure of the day checked; the dates of the description are
    // what they were, so the problems of its timeline are never new.
    let dir = tempfile::tempdir().unwrap();
    let proposal = dir.path().join("proposal.json");
    std::fs::write(
        &proposal,
        r#"{"title": "Close the first directorate", "changes": [{"remove-unit": "dir-a"}]}"#,
    )
    .unwrap();
    let (code, found) = problems("orphan-period", &["--proposal", proposal.to_str().unwrap()]);
    assert_eq!(
        (code, found),
        (0, vec!["orphan-period warning old".to_owned()])
    );
}

#[test]
fn the_rules_of_time_speak_french() {
    let path = fixture("check/orphan-period.json");
    let out = organigram(["--org".as_ref(), path.as_os_str(), "check".as_ref()])
        .args(["--lang", "fr"])
        .run()
        .expect_code(0);
    assert!(
        out.stdout
            .contains("`bureau` (bureau) n’a aucun parent du 2015 au 2018-03"),
        "{}",
        out.transcript()
    );
    assert!(
        out.stdout.contains("son parent jusqu’au 2015"),
        "{}",
        out.transcript()
    );
}
