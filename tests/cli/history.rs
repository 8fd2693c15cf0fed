//! `history UNIT` and `diff --from DATE --to DATE`: a unit's life, and what changed in a
//! description between two days, on a ministry with a dated history (`tests/fixtures/time/`:
//! renamings, a change of kind and of head, a move, a replacement, a merger, a split, an undated
//! dissolution) and on the built-in description (DINUM succeeded the DINSIC on 2019-10-25).

use crate::support::{Output, organigram};

/// The ministry with a dated history.
const TIME: &str = "tests/fixtures/time";

/// A run on the ministry with a dated history.
fn on_time<const N: usize>(args: [&str; N]) -> Output {
    organigram(["--org", TIME]).args(args).run()
}

/// The histories of several units of the ministry, one after the other.
fn histories(lang: &str, units: &[&str]) -> String {
    units
        .iter()
        .map(|unit| on_time(["--lang", lang, "history", unit]).success())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn history_tells_renamings_changes_of_kind_remit_headcount_and_head() {
    insta::assert_snapshot!(
        "history_of_a_renamed_directorate",
        on_time(["history", "dnum"]).success()
    );
    insta::assert_snapshot!(
        "history_of_a_renamed_directorate_in_french",
        on_time(["--lang", "fr", "history", "dnum"]).success()
    );
    // Its former names and acronyms name it too.
    let dnum = on_time(["history", "dnum"]).success();
    for former in ["DSI", "ssi", "Service des systèmes d'information"] {
        assert_eq!(on_time(["history", former]).success(), dnum, "{former}");
    }
}

#[test]
fn history_tells_moves_replacements_mergers_splits_and_dissolutions() {
    let units = [
        "bureau-donnees",
        "mission-donnees",
        "delegation-donnees",
        "bureau-achats",
        "bureau-commande-publique",
        "dag",
        "drh",
        "chef-ssi",
        "comite-informatique",
    ];
    insta::assert_snapshot!("history_of_a_reorganised_ministry", histories("en", &units));
    insta::assert_snapshot!(
        "history_of_a_reorganised_ministry_in_french",
        histories("fr", &units)
    );
}

#[test]
fn history_as_json() {
    insta::assert_json_snapshot!(
        "history_of_a_merger_as_json",
        on_time(["history", "bureau-commande-publique", "--format", "json"])
            .expect_code(0)
            .json()
    );
    let dnum = on_time(["history", "DNUM", "--format", "json"])
        .expect_code(0)
        .json();
    let events: Vec<&str> = dnum["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "created",
            "renamed",
            "acronym-changed",
            "kind-changed",
            "head-changed",
            "renamed",
            "acronym-changed",
            "remit-changed",
            "headcount-changed",
        ]
    );
    assert_eq!(dnum["events"][3]["before"], "service");
    assert_eq!(dnum["events"][4]["to"][0]["unit"]["id"], "dnum-directeur");
    let undated = on_time(["history", "comite-informatique", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(undated["events"][0]["date"], serde_json::Value::Null);
    assert_eq!(undated["events"][0]["event"], "dissolved");
}

#[test]
fn history_of_the_dinsic_and_of_dinum() {
    let dinsic = organigram(["history", "dinsic"]).run().success();
    let dinum = organigram(["history", "DINUM"]).run().success();
    insta::assert_snapshot!(
        "history_of_the_dinsic_and_of_dinum",
        format!("{dinsic}\n{dinum}")
    );
    assert!(
        dinum.contains("2019-10-25  succeeded `dinsic`  [decret-2019-1088]"),
        "{dinum}"
    );
    let json = organigram(["history", "dinsic", "--format", "json"])
        .run()
        .expect_code(0)
        .json();
    let last = &json["events"][1];
    assert_eq!(last["event"], "succeeded-by");
    assert_eq!(last["date"], "2019-10-25");
    assert_eq!(last["successors"][0]["unit"]["id"], "dinum");
    // The DINSIC is in no structure of today, but history finds it.
    organigram(["show", "dinsic"]).run().expect_code(0);
    organigram(["chain", "dinsic"]).run().expect_code(2);
}

#[test]
fn history_of_a_unit_with_nothing_dated_says_so() {
    let out = organigram(["history", "dsj"]).run().success();
    assert!(out.contains("nothing dated"), "{out}");
    let out = organigram(["--lang", "fr", "history", "dsj"])
        .run()
        .success();
    assert!(out.contains("rien de daté"), "{out}");
}

#[test]
fn history_refuses_as_of_and_explains_an_unknown_unit() {
    insta::assert_snapshot!(
        "history_refuses_as_of",
        organigram(["--as-of", "2019", "history", "dinum"])
            .run()
            .expect_code(2)
            .transcript()
    );
    let out = on_time(["history", "dnmu"]).expect_code(2);
    assert!(
        out.stderr.contains("Direction du numérique"),
        "{}",
        out.stderr
    );
}

#[test]
fn diff_between_two_days_tells_what_was_created_closed_moved_renamed_merged_and_split() {
    insta::assert_snapshot!(
        "diff_between_two_days",
        on_time(["diff", "--from", "2015", "--to", "2024"]).success()
    );
    insta::assert_snapshot!(
        "diff_between_two_days_in_french",
        on_time(["--lang", "fr", "diff", "--from", "2015", "--to", "2024"]).success()
    );
    insta::assert_json_snapshot!(
        "diff_between_two_days_as_json",
        on_time(["diff", "--from", "2020", "--to", "2024", "--format", "json"])
            .expect_code(0)
            .json()["successions"]
    );
    // Nothing happened after 2023: the same day twice, or a later one, differ in nothing.
    assert_eq!(
        on_time(["diff", "--from", "2024", "--to", "2026"]).success(),
        ""
    );
    on_time(["diff", "--from", "2015", "--to", "2024", "--exit-code"]).expect_code(1);
}

#[test]
fn diff_from_2019_to_2020_on_the_built_in_description() {
    insta::assert_snapshot!(
        "diff_of_the_built_in_description_from_2019_to_2020",
        organigram(["diff", "--from", "2019-01-01", "--to", "2020"])
            .run()
            .success()
    );
}

#[test]
fn diff_between_two_days_reads_the_description_given_or_the_default() {
    let by_org = on_time(["diff", "--from", "2015", "--to", "2024"]).success();
    let given = organigram(["diff", "--from", "2015", "--to", "2024", TIME])
        .run()
        .success();
    let both = organigram(["diff", "--from", "2015", "--to", "2024", TIME, TIME])
        .run()
        .success();
    assert_eq!(by_org, given);
    assert_eq!(by_org, both);
    // `--to` is today by default, and nothing in the ministry changed since 2023.
    assert_eq!(
        on_time(["diff", "--from", "2015"]).success(),
        by_org,
        "diff --from 2015 is not diff --from 2015 --to today"
    );
    // Two descriptions, each as of its day: the built-in one has no ministère de l'Exemple.
    let two = organigram(["diff", "--from", "2015", "--to", "2024", TIME, "org"])
        .run()
        .success();
    assert!(
        two.contains("- Service des systèmes d'information (SSI) [dnum]"),
        "{two}"
    );
}

#[test]
fn diff_between_two_days_refuses_what_does_not_apply() {
    let refused = |args: &[&str]| organigram(args).run().expect_code(2).transcript();
    insta::assert_snapshot!(
        "diff_between_two_days_refuses",
        [
            refused(&["--as-of", "2019", "diff", "--from", "2015", "--to", "2024"]),
            refused(&["--org", "org", "diff", "--from", "2015", TIME]),
            refused(&["diff", "--to", "2024", TIME, TIME]),
            refused(&["--org", "-", "diff", "--from", "2015"]),
            refused(&["diff", "--from", "2015-13"]),
        ]
        .join("\n")
    );
}
