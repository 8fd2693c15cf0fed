//! The reporting-line and cooperation queries, asked of the built-in description through the
//! real binary, in text and JSON. The library's answers on generated structures are tested
//! beside the code (src/query/).

use crate::support::organigram;

fn text<const N: usize>(args: [&str; N]) -> String {
    organigram(args).run().success()
}

fn json<const N: usize>(args: [&str; N]) -> serde_json::Value {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "json"]);
    organigram(all).run().expect_code(0).json()
}

#[test]
fn chain_follows_every_branch_up_to_where_it_ends() {
    // Attached to the secrétaire générale, under the authority of the deputy: two branches.
    insta::assert_snapshot!(
        "chain_of_a_post_with_two_superiors",
        text(["chain", "justice-dp-ia-directeur"])
    );
    // DNE has two parents, and the expert is also under its director's authority.
    insta::assert_snapshot!(
        "chain_through_a_directorate_with_two_parents",
        text(["chain", "dne-expert-haut-niveau-donnees"])
    );
    // DINUM's superior lies outside the description.
    insta::assert_snapshot!(
        "chain_that_leaves_the_description",
        text(["chain", "etalab"])
    );
}

#[test]
fn chain_as_nested_json() {
    insta::assert_json_snapshot!(json(["chain", "DiP A-JUST"]));
    let expert = json(["chain", "dne-expert-haut-niveau-donnees"]);
    let first = &expert["above"]["superiors"];
    assert_eq!(first.as_array().unwrap().len(), 2, "{expert}");
    assert_eq!(first[0]["unit"]["id"], "dne");
    assert_eq!(first[0]["above"]["superiors"].as_array().unwrap().len(), 2);
    assert_eq!(first[1]["tie"], "line-authority");
    // Etalab was attached to the DINSIC until it ended; since, its parent is not described.
    let etalab = json(["--as-of", "2019-10-24", "chain", "etalab"]);
    assert_eq!(etalab["above"]["superiors"][0]["unit"]["id"], "dinsic");
    assert_eq!(
        etalab["above"]["superiors"][0]["above"]["end"],
        "parent-outside"
    );
    assert_eq!(json(["chain", "etalab"])["above"]["end"], "parent-outside");
}

#[test]
fn subordinates_draw_the_tree_with_counts_and_vacancies() {
    insta::assert_snapshot!(
        "subordinates_of_a_directorate",
        text(["subordinates", "dsj"])
    );
    insta::assert_snapshot!(
        "subordinates_one_level_deep",
        text(["subordinates", "justice", "--depth", "1"])
    );
    insta::assert_snapshot!(
        "subordinates_of_some_kinds_only",
        text([
            "subordinates",
            "dsj",
            "--unit-kind",
            "sub-directorate",
            "--unit-kind",
            "project-directorate"
        ])
    );
}

#[test]
fn subordinates_as_nested_json() {
    let tree = json(["subordinates", "dip-a-just"]);
    assert_eq!(
        (
            tree["direct"].as_u64(),
            tree["total"].as_u64(),
            tree["vacant"].as_u64()
        ),
        (Some(13), Some(13), Some(3))
    );
    insta::assert_json_snapshot!(json(["subordinates", "dgrh"]));
    let posts = json(["subordinates", "dip-a-just", "--unit-kind", "domain"]);
    assert_eq!(posts["below"]["subordinates"].as_array().unwrap().len(), 3);
}

#[test]
fn superior_finds_the_lowest_common_superior() {
    insta::assert_snapshot!(
        "lowest_common_superior_of_two_units",
        text(["superior", "dip-a-just-lead-dev", "dsj-sd-rh-greffes"])
    );
    let answer = json(["superior", "dne", "dgrh"]);
    assert_eq!(answer["superiors"][0]["unit"]["id"], "menj", "{answer}");
    // Units in hierarchies that do not meet: an answer, not an error.
    insta::assert_snapshot!("no_common_superior", text(["superior", "dsin", "dsj"]));
    assert_eq!(
        json(["superior", "dsin", "dsj"])["superiors"],
        serde_json::json!([])
    );
}

#[test]
fn path_finds_the_shortest_connection() {
    insta::assert_snapshot!(
        "shortest_connection_over_cooperation",
        text(["path", "DiP A-JUST", "dinum"])
    );
    insta::assert_snapshot!(
        "every_shortest_connection",
        text(["path", "dne-expert-haut-niveau-donnees", "daf", "--all"])
    );
    // The one connection of the DNE's expert to DINUM went through the DINSIC, which ended on
    // 2019-10-25 when DINUM succeeded it: today there is none, and on no day were the DINSIC and
    // DINUM both in force.
    let path = |day: &str, to: &str| {
        organigram(["--as-of", day, "path", "dne-expert-haut-niveau-donnees", to])
            .run()
            .success()
    };
    assert!(path("2019-10-24", "dinsic").starts_with("Shortest connection (1 hop)"));
    for day in ["2019-10-25", "2026-12-01"] {
        let out = path(day, "dinum");
        assert!(out.starts_with("No connection"), "{day}: {out}");
    }
    insta::assert_json_snapshot!(
        "shortest_connection_as_json",
        json(["path", "dsin-chef-projet-data-ia", "province-sud"])
    );
    // Over hierarchical ties only, DiP A-JUST and DINUM are not connected.
    insta::assert_snapshot!(
        "no_connection_over_hierarchical_ties",
        text([
            "path",
            "dip-a-just",
            "dinum",
            "--tie-kind",
            "attachment,line-authority,joint-attachment"
        ])
    );
}

#[test]
fn partners_group_non_hierarchical_ties_by_kind() {
    insta::assert_snapshot!(
        "partners_grouped_by_kind",
        text(["partners", "justice-dp-ia"])
    );
    insta::assert_snapshot!(
        "partners_of_some_kinds_with_inherited_ones",
        text([
            "partners",
            "dip-a-just-directeur",
            "--inherited",
            "--tie-kind",
            "employing-authority,recruiting-authority,cooperation"
        ])
    );
    let inesia = json(["partners", "inesia"]);
    assert_eq!(inesia["count"], 6);
    assert_eq!(inesia["groups"][0]["kind"], "co-steering");
    let inherited = json(["partners", "dip-a-just", "--inherited"]);
    let from: Vec<&str> = inherited["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["partners"].as_array().unwrap())
        .filter_map(|p| p["inherited_from"]["id"].as_str())
        .collect();
    assert!(from.contains(&"dsj-directeur"), "{inherited}");
}

#[test]
fn stats_give_organisation_design_figures() {
    insta::assert_snapshot!("stats_of_the_whole_description", text(["stats"]));
    insta::assert_snapshot!("stats_of_a_subtree", text(["stats", "dsj"]));
    insta::assert_json_snapshot!("stats_of_a_subtree_as_json", json(["stats", "dip-a-just"]));
}

#[test]
fn the_former_kind_flags_still_work() {
    let pairs: [(&[&str], &[&str]); 3] = [
        (
            &["subordinates", "dsj", "--kind", "sub-directorate"],
            &["subordinates", "dsj", "--unit-kind", "sub-directorate"],
        ),
        (
            &["partners", "dip-a-just", "--kind", "cooperation"],
            &["partners", "dip-a-just", "--tie-kind", "cooperation"],
        ),
        (
            &["path", "dip-a-just", "dinum", "--via", "cooperation"],
            &["path", "dip-a-just", "dinum", "--tie-kind", "cooperation"],
        ),
    ];
    for (old, new) in pairs {
        let old_out = organigram(old).run().success();
        assert_eq!(old_out, organigram(new).run().success(), "{old:?}");
        assert!(!old_out.is_empty(), "{old:?}");
    }
}

#[test]
fn queries_refuse_unknown_kinds_and_units_as_usage_errors() {
    let out = organigram(["subordinates", "dsj", "--unit-kind", "directorat"])
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("directorate"), "{}", out.stderr);
    let out = organigram(["path", "dsj", "dinum", "--tie-kind", "cooperaton"])
        .run()
        .expect_code(2);
    assert!(out.stderr.contains("cooperation"), "{}", out.stderr);
    organigram(["chain", "no-such-unit"]).run().expect_code(2);
    organigram(["path", "dsj", "dinum", "--max", "3"])
        .run()
        .expect_code(2);
}
