//! `--as-of`: every command answers on the structure in force on a day; a unit out of it is
//! still shown, found and named, with when it ended or begins and what succeeded it.

use crate::support::organigram;

/// A directorate renamed in 2011, a bureau that moved on 2019-10-25 from the DINSIC to DINUM,
/// which succeeded the DINSIC that day, and a committee that ended on a day not known.
const HISTORY: &str = r#"{"organisation": {"id": "pm", "name": "Premier ministre"},
  "units": [
    {"id": "pm", "name": "Premier ministre", "kind": "ministry", "boundary": "top"},
    {"id": "dinsic", "name": "Direction interministérielle du numérique et du SIC",
     "acronym": "DINSIC", "kind": "interministerial-directorate", "valid_until": "2019-10-25",
     "was": [{"until": "2015-09", "name": "Direction interministérielle des SIC",
              "acronym": "DISIC"}]},
    {"id": "dinum", "name": "Direction interministérielle du numérique", "acronym": "DINUM",
     "kind": "interministerial-directorate", "valid_from": "2019-10-25"},
    {"id": "bureau", "name": "Bureau des données", "kind": "bureau"},
    {"id": "old-committee", "name": "Ancien comité", "kind": "committee",
     "status": "dissolved", "boundary": "top"}
  ],
  "ties": [
    {"kind": "attachment", "from": "dinsic", "to": "pm"},
    {"kind": "attachment", "from": "dinum", "to": "pm"},
    {"kind": "attachment", "from": "bureau", "to": "dinsic", "valid_until": "2019-10-25"},
    {"kind": "attachment", "from": "bureau", "to": "dinum", "valid_from": "2019-10-25"},
    {"kind": "succession", "from": "dinum", "to": "dinsic", "valid_from": "2019-10-25"}
  ]}"#;

fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pm.json"), HISTORY).unwrap();
    dir
}

/// Runs organigram on the history with `args`.
fn run<const N: usize>(dir: &tempfile::TempDir, args: [&str; N]) -> crate::support::Run {
    organigram(["--org"])
        .arg(dir.path().join("pm.json"))
        .args(args)
}

#[test]
fn the_chain_of_command_is_the_one_in_force_on_the_day() {
    let dir = history();
    let chain = |day: &str| {
        run(&dir, ["--as-of", day, "chain", "bureau"])
            .run()
            .success()
    };
    let before = chain("2019-10-24");
    assert!(
        before.contains("[dinsic]") && !before.contains("[dinum]"),
        "{before}"
    );
    let after = chain("2019-10-25");
    assert!(
        after.contains("[dinum]") && !after.contains("[dinsic]"),
        "{after}"
    );
    // A partial date is its first day: 2019 is 2019-01-01, before the change.
    assert!(chain("2019").contains("[dinsic]"));
    // Today is the default.
    assert_eq!(run(&dir, ["chain", "bureau"]).run().success(), after);
}

#[test]
fn a_unit_takes_the_name_it_had_on_the_day() {
    let dir = history();
    let name = |day: &str| {
        run(&dir, ["--as-of", day, "show", "dinsic", "--format", "json"])
            .run()
            .expect_code(0)
            .json()["acronym"]
            .clone()
    };
    assert_eq!(name("2015-08-31"), "DISIC");
    assert_eq!(name("2015-09-01"), "DINSIC");
    // Searching finds it by the acronym it had.
    let found = run(
        &dir,
        ["--as-of", "2016", "find", "disic", "--format", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(found[0]["id"], "dinsic", "{found}");
    assert_eq!(found[0]["matched"], "former-acronym");
}

#[test]
fn show_of_a_unit_that_ended_shows_it_as_on_its_last_day() {
    let dir = history();
    let out = run(&dir, ["--as-of", "2024", "show", "dinsic"])
        .run()
        .success();
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "Direction interministérielle du numérique et du SIC (DINSIC) [dinsic] is not in the \
         structure as of 2024-01-01: it ended on 2019-10-25, succeeded by Direction \
         interministérielle du numérique (DINUM) [dinum]; shown as on 2019-10-24:"
    );
    assert!(
        out.contains("has attached  Bureau des données [bureau]"),
        "{out}"
    );
    let json = run(
        &dir,
        ["--as-of", "2024", "show", "dinsic", "--format", "json"],
    )
    .run()
    .expect_code(0)
    .json();
    assert_eq!(json["in_force"], false);
    assert_eq!(json["absent"]["shown_as_of"], "2019-10-24");
    assert_eq!(json["valid_until"], "2019-10-25");
    // A unit not yet created is shown as on its first day, succeeding the one it replaces.
    let out = run(&dir, ["--as-of", "2019-06", "show", "dinum"])
        .run()
        .success();
    assert!(
        out.starts_with(
            "Direction interministérielle du numérique (DINUM) [dinum] is not in the structure \
             as of 2019-06-01: it begins on 2019-10-25, succeeding Direction interministérielle \
             du numérique et du SIC (DINSIC) [dinsic]; shown as on 2019-10-25:"
        ),
        "{out}"
    );
    // One dissolved on a day not known is shown with its ties of every date.
    let out = run(&dir, ["show", "old-committee"]).run().success();
    assert!(
        out.contains("on a date the description does not give"),
        "{out}"
    );
    assert!(out.contains("shown with its ties of every date"), "{out}");
}

#[test]
fn other_commands_say_why_a_unit_is_not_in_the_day_s_structure() {
    let dir = history();
    let out = run(&dir, ["chain", "DINSIC"]).run().expect_code(2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("it ended on 2019-10-25, succeeded by"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--as-of 2019-10-24"), "{}", out.stderr);
    let out = run(&dir, ["--lang", "fr", "subordinates", "dinsic"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr
            .contains("elle a pris fin le 2019-10-25, remplacée par"),
        "{}",
        out.stderr
    );
    // `find` lists it apart, with why.
    let out = run(&dir, ["find", "dinsic"]).run().success();
    assert!(out.contains("Not in the structure as of"), "{out}");
    assert!(out.contains("[dinsic] — ended on 2019-10-25"), "{out}");
}

#[test]
fn stats_and_check_count_what_is_in_force() {
    let dir = history();
    let units = |day: &str| {
        run(&dir, ["--as-of", day, "stats", "--format", "json"])
            .run()
            .expect_code(0)
            .json()["units"]
            .clone()
    };
    // pm, dinsic and bureau; then pm, dinum and bureau: the committee is in no cut.
    assert_eq!(units("2019-10-24"), 3);
    assert_eq!(units("2019-10-25"), 3);
    for day in ["2019-10-24", "2019-10-25", "2030"] {
        run(&dir, ["--as-of", day, "check"]).run().expect_code(0);
    }
}

#[test]
fn a_date_that_is_no_date_is_a_usage_error() {
    for bad in ["2019-13", "2023-02-29", "yesterday", "19"] {
        let out = organigram(["--as-of", bad, "stats"]).run().expect_code(2);
        assert!(out.stderr.contains("invalid date"), "{bad}: {}", out.stderr);
    }
    let out = organigram([
        "--as-of", "2019", "generate", "--units", "10", "-o", "never",
    ])
    .run()
    .expect_code(2);
    assert!(out.stderr.contains("--as-of"), "{}", out.stderr);
}

#[test]
fn a_chart_of_another_day_says_so_in_its_title() {
    let dir = history();
    let dot = run(
        &dir,
        ["--as-of", "2019-10-24", "render", "--view", "org-chart"],
    )
    .run()
    .success();
    assert!(dot.contains("as of 2019-10-24</B>"), "{dot}");
    assert!(dot.contains("id=\"unit-dinsic\"") && !dot.contains("id=\"unit-dinum\""));
    let dot = run(&dir, ["--lang", "fr", "--as-of", "2020", "render"])
        .run()
        .success();
    assert!(dot.contains("au 2020-01-01</B>"), "{dot}");
    assert!(dot.contains("id=\"unit-dinum\"") && !dot.contains("id=\"unit-dinsic\""));
    // Today's chart says no date: the charts committed in output/ do not change with the day.
    let today = run(&dir, ["render"]).run().success();
    assert!(!today.contains(" as of "), "{today}");
}

#[test]
fn a_unit_out_of_the_day_named_exactly_wins_over_a_near_unit_in_force() {
    // On 2019-06-01 DINUM does not exist yet; `dinsic` is near `dinum` but is not what was asked.
    let dir = history();
    let out = run(&dir, ["--as-of", "2019-06", "chain", "dinum"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("it begins on 2019-10-25"),
        "{}",
        out.stderr
    );
    // The built-in AI programme directorate begins on the day of the report that recommended it;
    // the day before, its id is not taken for its steering bodies, whose id starts with it.
    let out = organigram(["--as-of", "2025-06-22", "show", "justice-dp-ia"])
        .run()
        .success();
    assert!(
        out.starts_with(
            "Direction de programme « intelligence artificielle » [justice-dp-ia] is not in the \
             structure as of 2025-06-22: it begins on 2025-06-23; shown as on 2025-06-23:"
        ),
        "{out}"
    );
}
