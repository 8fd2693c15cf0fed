//! The built-in description answers the questions its five seed documents answer. Each test
//! fails if `org/` loses the fact it asks about.

use std::collections::BTreeSet;
use std::fs;

use organigram::Loader;
use organigram::graph::{OrgGraph, UnitIx};
use organigram::model::{Boundary, HeadcountBasis, HeadcountQualifier, Status, TieKind};

use crate::support::{organigram, root};

/// The graph of a description, which must load with no problem at all.
fn load(loader: Loader) -> OrgGraph {
    let workspace = loader.load().expect("no proposal to refuse");
    let problems: Vec<_> = workspace.diagnostics().collect();
    assert!(problems.is_empty(), "{problems:#?}");
    workspace.structure.graph
}

fn builtin() -> OrgGraph {
    load(Loader::new().builtin())
}

fn ix(graph: &OrgGraph, id: &str) -> UnitIx {
    graph
        .find_id(id)
        .unwrap_or_else(|| panic!("no unit `{id}`"))
}

/// The ids at the other end of `id`'s ties of `kind`, out of it (`outgoing`) or into it.
fn tied(graph: &OrgGraph, id: &str, kind: TieKind, outgoing: bool) -> BTreeSet<String> {
    graph
        .ties_of(ix(graph, id))
        .into_iter()
        .filter(|t| t.tie.kind.value == kind && t.outgoing == outgoing)
        .map(|t| graph.unit(t.other).id.to_string())
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(std::string::ToString::to_string).collect()
}

#[test]
fn the_built_in_description_is_the_org_folder() {
    let from_disk = load(Loader::new().path(root().join("org")));
    let builtin = builtin();
    assert_eq!(from_disk.unit_count(), builtin.unit_count());
    assert_eq!(from_disk.tie_count(), builtin.tie_count());
    let files: Vec<_> = organigram::load::BUILTIN_FILES
        .iter()
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(
        files,
        [
            "dge.json",
            "education.json",
            "interministerial.json",
            "justice.json",
            "province-sud.json"
        ]
    );
}

#[test]
fn dip_a_just_is_attached_to_the_director_of_judicial_services() {
    let g = builtin();
    assert_eq!(
        tied(&g, "dip-a-just", TieKind::Attachment, true),
        set(&["dsj-directeur"])
    );
    // « directeur des services judiciaires »: DSJ's head by title.
    assert_eq!(
        tied(&g, "dsj-directeur", TieKind::Head, true),
        set(&["dsj"])
    );
    assert!(tied(&g, "dsj-directeur", TieKind::Attachment, true).is_empty());
}

#[test]
fn every_director_the_postings_name_heads_the_unit_it_directs() {
    let g = builtin();
    for (post, unit) in [
        ("justice-sg-secretaire-generale", "justice-sg"),
        ("justice-dp-ia-directeur", "justice-dp-ia"),
        ("justice-dnum-directeur", "justice-dnum"),
        ("dsj-directeur", "dsj"),
        ("dip-a-just-directeur", "dip-a-just"),
        ("dne-directeur", "dne"),
        ("dsin-directeur", "dsin"),
    ] {
        assert_eq!(tied(&g, post, TieKind::Head, true), set(&[unit]), "{post}");
        // A head sits in the unit it heads: no other attachment.
        assert!(
            tied(&g, post, TieKind::Attachment, true).is_empty(),
            "{post} is also attached elsewhere"
        );
    }
}

#[test]
fn dsj_has_four_sub_directorates() {
    let g = builtin();
    let subs: BTreeSet<String> = g
        .hierarchy()
        .down(ix(&g, "dsj"))
        .iter()
        .filter(|t| g.unit(t.from).kind.value == organigram::model::UnitKind::SubDirectorate)
        .map(|t| g.unit(t.from).name.clone())
        .collect();
    assert_eq!(
        subs,
        set(&[
            "Sous-direction de l'organisation judiciaire et de l'innovation",
            "Sous-direction des finances, de l'immobilier et de la performance",
            "Sous-direction des ressources humaines de la magistrature",
            "Sous-direction des ressources humaines des greffes",
        ])
    );
}

#[test]
fn dip_a_just_has_three_domains_ten_posts_two_being_recruited_and_a_strategic_committee() {
    let g = builtin();
    let children = g.hierarchy().down(ix(&g, "dip-a-just"));
    let of_kind = |kind| {
        children
            .iter()
            .filter(|t| g.unit(t.from).kind.value == kind)
            .count()
    };
    assert_eq!(of_kind(organigram::model::UnitKind::Domain), 3);
    assert_eq!(of_kind(organigram::model::UnitKind::Post), 10);
    let vacant: BTreeSet<String> = children
        .iter()
        .map(|t| g.unit(t.from))
        .filter(|u| u.is_vacant())
        .map(|u| u.id.to_string())
        .collect();
    // The two posts "recrutement en cours", and the director post the seed advertises.
    assert_eq!(
        vacant,
        set(&[
            "dip-a-just-analyste-donnees",
            "dip-a-just-directeur",
            "dip-a-just-expert-metier-outils"
        ])
    );
    assert_eq!(
        tied(&g, "dip-a-just", TieKind::StrategicSteering, false),
        set(&["dip-a-just-comite-strategique"])
    );
    // The two deputies are under the director's authority.
    for deputy in [
        "dip-a-just-directeur-operationnel",
        "dip-a-just-directeur-technique",
    ] {
        assert_eq!(
            tied(&g, deputy, TieKind::LineAuthority, true),
            set(&["dip-a-just-directeur"])
        );
    }
}

#[test]
fn the_dip_a_just_director_is_recruited_by_the_sg_and_employed_by_dsj() {
    let g = builtin();
    assert_eq!(
        tied(
            &g,
            "dip-a-just-directeur",
            TieKind::RecruitingAuthority,
            false
        ),
        set(&["justice-sg-secretaire-generale"])
    );
    assert_eq!(
        tied(
            &g,
            "dip-a-just-directeur",
            TieKind::EmployingAuthority,
            false
        ),
        set(&["dsj-directeur"])
    );
}

#[test]
fn the_ai_programme_director_heads_the_programme_but_is_under_the_deputy() {
    let g = builtin();
    assert_eq!(
        tied(&g, "justice-dp-ia-directeur", TieKind::Head, true),
        set(&["justice-dp-ia"])
    );
    assert_eq!(
        tied(&g, "justice-dp-ia-directeur", TieKind::LineAuthority, true),
        set(&["justice-sga"])
    );
    assert!(g.unit(ix(&g, "justice-dp-ia-directeur")).is_vacant());
}

#[test]
fn the_ai_programme_directorate_is_being_set_up_with_staff_lent_and_runs_the_observatory_secretariat()
 {
    let g = builtin();
    let unit = g.unit(ix(&g, "justice-dp-ia"));
    assert_eq!(unit.status, Status::BeingSetUp);
    let headcount = unit.headcount.as_ref().expect("a staffing target");
    assert_eq!(
        (
            headcount.count,
            headcount.basis,
            headcount.qualifier,
            headcount.date.map(|d| d.to_string())
        ),
        (
            10,
            HeadcountBasis::Target,
            HeadcountQualifier::AtLeast,
            Some("2026-01-01".into())
        )
    );
    assert_eq!(
        tied(&g, "justice-dp-ia", TieKind::Attachment, true),
        set(&["justice-sg"])
    );
    assert_eq!(
        tied(&g, "justice-dp-ia", TieKind::Secretariat, true),
        set(&["justice-observatoire-ia"])
    );
    assert!(!tied(&g, "justice-dp-ia", TieKind::Secondment, false).is_empty());
    let partners = tied(&g, "justice-dp-ia", TieKind::Cooperation, true);
    for partner in [
        "justice-dnum",
        "justice-amdac",
        "justice-sem",
        "dinum",
        "ditp",
    ] {
        assert!(
            partners.contains(partner),
            "{partner} missing from {partners:?}"
        );
    }
}

#[test]
fn the_dne_has_two_parents() {
    let g = builtin();
    assert_eq!(
        tied(&g, "dne", TieKind::JointAttachment, true),
        set(&["dgesco", "menj-sg"])
    );
    assert!(tied(&g, "dne", TieKind::Attachment, true).is_empty());
}

#[test]
fn the_dne_expert_is_the_correspondent_of_etalab_whose_dinsic_dinum_succeeded() {
    let g = builtin();
    let expert = "dne-expert-haut-niveau-donnees";
    assert!(g.unit(ix(&g, expert)).is_vacant());
    assert_eq!(
        tied(&g, expert, TieKind::Correspondent, true),
        set(&["etalab"])
    );
    assert_eq!(
        tied(&g, expert, TieKind::LineAuthority, true),
        set(&["dne-directeur"])
    );
    assert_eq!(
        tied(&g, "etalab", TieKind::Attachment, true),
        set(&["dinsic"])
    );
    assert_eq!(
        tied(&g, "dinum", TieKind::Succession, true),
        set(&["dinsic"])
    );
    assert_eq!(g.unit(ix(&g, "dinsic")).status, Status::Dissolved);
}

#[test]
fn inesia_is_co_steered_by_dge_and_five_partners() {
    let g = builtin();
    assert_eq!(
        tied(&g, "inesia", TieKind::CoSteering, false),
        set(&["anssi", "dge-dp-ia", "inria", "lne", "peren", "sgdsn"])
    );
}

#[test]
fn dge_s_ai_directorate_advertises_a_post_and_works_with_eu_bodies() {
    let g = builtin();
    let post = g.hierarchy().down(ix(&g, "dge-dp-ia"));
    assert_eq!(post.len(), 1);
    assert!(g.unit(post[0].from).is_vacant());
    assert_eq!(
        tied(&g, "dge-dp-ia", TieKind::Representation, true),
        set(&["comite-ia"])
    );
    let partners = tied(&g, "dge-dp-ia", TieKind::Cooperation, true);
    for partner in [
        "bureau-ia",
        "dge-pole-regulation-plateformes",
        "sgae",
        "representation-permanente-ue",
    ] {
        assert!(
            partners.contains(partner),
            "{partner} missing from {partners:?}"
        );
    }
}

#[test]
fn province_sud_s_data_lead_works_with_the_dpo_under_the_dsin_director() {
    let g = builtin();
    assert_eq!(
        tied(&g, "dsin", TieKind::Attachment, true),
        set(&["province-sud-pole-fonctionnel"])
    );
    let lead = "dsin-chef-projet-data-ia";
    assert!(g.unit(ix(&g, lead)).is_vacant());
    assert_eq!(
        tied(&g, lead, TieKind::LineAuthority, true),
        set(&["dsin-directeur"])
    );
    assert_eq!(
        tied(&g, lead, TieKind::Cooperation, true),
        set(&["province-sud-dpo"])
    );
}

#[test]
fn every_unit_has_a_parent_or_a_declared_boundary() {
    let g = builtin();
    for (ix, unit) in g.units() {
        assert!(
            !g.hierarchy().up(ix).is_empty() || unit.boundary.is_some(),
            "{} has neither a hierarchical parent nor a boundary",
            unit.id.value
        );
        if unit.boundary == Some(Boundary::Top) {
            assert!(
                g.hierarchy().up(ix).is_empty(),
                "{} is a top with a parent",
                unit.id.value
            );
        }
    }
}

/// Whitespace runs folded to one space, for comparing quotes with the seeds' wrapped lines.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_unit_and_tie_cites_a_declared_source_whose_text_holds_the_quote() {
    let g = builtin();
    // The text of each source that has a copy, in org/sources/; a source with none (a decree) is
    // cited unquoted.
    let mut texts = std::collections::HashMap::new();
    for source in g.sources() {
        let Some(file) = source.file.as_deref() else {
            continue;
        };
        assert!(
            file.starts_with("sources/") && !file.contains(".."),
            "source {}'s copy {file:?} is not in org/sources/",
            source.id.value
        );
        let path = root().join("org").join(file);
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("source {} at {}: {e}", source.id.value, path.display()));
        texts.insert(source.id.to_string(), squeeze(&text));
    }
    let citations = g
        .units()
        .map(|(_, u)| (u.id.to_string(), u.source.as_ref()))
        .chain(g.ties().map(|(_, t)| {
            (
                format!("{} {} {}", t.from.value, t.kind.value, t.to.value),
                t.source.as_ref(),
            )
        }));
    let mut count = 0;
    for (what, citation) in citations {
        let citation = citation.unwrap_or_else(|| panic!("{what} has no source"));
        let source = citation.source.as_str();
        assert!(
            g.source(source).is_some(),
            "{what} cites `{source}`, which is not declared"
        );
        match (texts.get(source), citation.quote.as_deref()) {
            (Some(text), Some(quote)) => assert!(
                text.contains(&squeeze(quote)),
                "{what}: {quote:?} is not in {source}"
            ),
            (Some(_), None) => panic!("{what} has no quote from {source}, which has a copy"),
            (None, Some(quote)) => panic!(
                "{what} quotes {quote:?} from {source}, which has no copy to check it against"
            ),
            (None, None) => {}
        }
        count += 1;
    }
    assert_eq!(count, g.unit_count() + g.tie_count());
}

/// Whether `text` holds a French phone number: five pairs of digits with one separator.
fn has_phone_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(14).any(|w| {
        let sep = w[2];
        matches!(sep, b'-' | b'.' | b' ')
            && (0..5).all(|i| w[i * 3].is_ascii_digit() && w[i * 3 + 1].is_ascii_digit())
            && (0..4).all(|i| w[i * 3 + 2] == sep)
    })
}

/// The description's files and the copies of its sources, with their text.
fn published_texts() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = organigram::load::BUILTIN_FILES
        .iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect();
    let sources = root().join("org/sources");
    let mut copies = 0;
    for entry in fs::read_dir(&sources).expect("org/sources/ is readable") {
        let path = entry.expect("org/sources/ lists").path();
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if path.extension().is_some_and(|e| e == "txt") {
            copies += 1;
        }
        let name = path
            .strip_prefix(root())
            .unwrap_or(&path)
            .display()
            .to_string();
        texts.push((name, text));
    }
    assert_eq!(
        copies,
        5,
        "the five postings are copied in {}",
        sources.display()
    );
    texts
}

#[test]
fn no_personal_data() {
    assert!(has_phone_number("tél. : 01-70-22-85-51"));
    assert!(!has_phone_number("\"date\": \"2026-01-01\""));
    for (name, text) in published_texts() {
        // E-mail addresses, and the names of the people the seeds give as contacts.
        for needle in [
            "@",
            "ALEXANDRE",
            "BOSSCHERE",
            "XAVIER",
            "ALBOUY",
            "PASCAL",
            "PRACHE",
            "JEAN-MARC",
            "MERRIAUX",
        ] {
            assert!(
                !text.to_uppercase().contains(needle),
                "{name} contains {needle:?}"
            );
        }
        assert!(!has_phone_number(&text), "{name} holds a phone number");
    }
}

#[test]
fn people_find_units_by_the_names_they_use() {
    let g = builtin();
    for (text, id) in [
        ("dinum", "dinum"),
        ("DiP A-JUST", "dip-a-just"),
        ("a-just", "dip-a-just"),
        ("Direction des services judiciaires", "dsj"),
        ("direction des services judiciaires", "dsj"),
        ("SGA", "justice-sga"),
        ("DINSIC", "dinsic"),
        ("inesia", "inesia"),
        ("AI observatory", "justice-observatoire-ia"),
        ("observatoire de l'IA", "justice-observatoire-ia"),
    ] {
        let found = organigram::query::resolve(&g, text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(g.unit(found).id.as_str(), id, "{text}");
    }
    // Two data protection officers: the name is ambiguous, and both are offered.
    match organigram::query::resolve(&g, "DPO") {
        Err(organigram::query::LookupError::Ambiguous { candidates, .. }) => {
            let ids: BTreeSet<String> = candidates
                .iter()
                .map(|&c| g.unit(c).id.to_string())
                .collect();
            assert_eq!(ids, set(&["menj-dpd", "province-sud-dpo"]));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_cli_explores_the_built_in_description() {
    insta::assert_snapshot!(
        "show_dip_a_just_with_its_domains_and_posts",
        organigram(["show", "dip-a-just"])
            .run()
            .expect_code(0)
            .transcript()
    );
    insta::assert_snapshot!(
        "show_dne_with_its_two_parents",
        organigram(["show", "dne"])
            .run()
            .expect_code(0)
            .transcript()
    );
    insta::assert_snapshot!(
        "find_dpo_by_alias_and_by_acronym",
        organigram(["find", "dpo"])
            .run()
            .expect_code(0)
            .transcript()
    );
    insta::assert_snapshot!(
        "show_dpd_asks_which_of_two_units",
        organigram(["show", "dpd"])
            .run()
            .expect_code(2)
            .transcript()
    );
}

#[test]
fn the_installed_binary_works_anywhere_with_the_built_in_description() {
    let elsewhere = std::env::temp_dir();
    let json = organigram(["show", "inesia", "--format", "json"])
        .in_dir(&elsewhere)
        .run()
        .expect_code(0)
        .json();
    assert_eq!(
        json["declared_at"].as_str().unwrap().split(':').next(),
        Some("<built-in>/dge.json")
    );
    assert_eq!(json["ties"].as_array().unwrap().len(), 6);
}

/// What `show UNIT` prints, as a person reads it.
fn show(unit: &str) -> String {
    organigram(["show", unit]).run().success()
}

/// The `show UNIT --format json` answer.
fn show_json(unit: &str) -> serde_json::Value {
    organigram(["show", unit, "--format", "json"])
        .run()
        .expect_code(0)
        .json()
}

/// The ids of the partners `partners UNIT --format json` lists, with the kind of each tie.
fn partners(unit: &str) -> BTreeSet<(String, String)> {
    let answer = organigram(["partners", unit, "--format", "json"])
        .run()
        .expect_code(0)
        .json();
    answer["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["partners"].as_array().expect("partners").iter())
        .map(|p| {
            (
                p["kind"].as_str().expect("kind").to_owned(),
                p["unit"]["id"].as_str().expect("id").to_owned(),
            )
        })
        .collect()
}

/// Whether `text` has a line that starts, after its indent, with `field` and ends with `value`.
fn has_field(text: &str, field: &str, value: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start()
            .strip_prefix(field)
            .is_some_and(|rest| rest.trim() == value)
    })
}

#[test]
fn show_says_which_posts_are_being_recruited() {
    for post in [
        "dip-a-just-expert-metier-outils",
        "dip-a-just-analyste-donnees",
    ] {
        let text = show(post);
        assert!(has_field(&text, "recruiting", "yes"), "{post}:\n{text}");
        assert!(has_field(&text, "vacant", "yes"), "{post}:\n{text}");
        assert_eq!(show_json(post)["recruiting"], true, "{post}");
    }
    assert!(!has_field(
        &show("dip-a-just-directeur"),
        "recruiting",
        "yes"
    ));
}

#[test]
fn show_says_when_the_ai_programme_director_post_falls_vacant() {
    let text = show("justice-dp-ia-directeur");
    assert!(has_field(&text, "vacant from", "2025-09-01"), "{text}");
    assert_eq!(
        show_json("justice-dp-ia-directeur")["vacant_from"],
        "2025-09-01"
    );
}

#[test]
fn show_gives_the_dip_a_just_director_post_s_creation_term_and_grade() {
    let text = show("dip-a-just-directeur");
    assert!(has_field(&text, "newly created", "yes"), "{text}");
    assert!(has_field(&text, "term", "18 months"), "{text}");
    assert!(has_field(&text, "grade", "groupe III"), "{text}");
    let json = show_json("dip-a-just-directeur");
    assert_eq!(
        (
            &json["newly_created"],
            &json["term_months"],
            &json["grade"],
            &json["vacant"]
        ),
        (
            &serde_json::json!(true),
            &serde_json::json!(18),
            &serde_json::json!("groupe III"),
            &serde_json::json!(true)
        )
    );
    let expert = show_json("dne-expert-haut-niveau-donnees");
    assert_eq!(expert["newly_created"], true);
    assert_eq!(expert["grade"], "groupe I");
    // Facts of posts are not given for other units.
    assert!(show_json("dip-a-just").get("newly_created").is_none());
}

#[test]
fn show_gives_a_unit_s_roles_and_whether_it_is_collective_or_within_a_ministry() {
    let text = show("dge-dp-ia");
    let role = "cheffe de file interministérielle pour la mise en oeuvre du règlement IA";
    assert!(has_field(&text, "role", role), "{text}");
    assert_eq!(show_json("dge-dp-ia")["roles"], serde_json::json!([role]));
    let courts = show_json("justice-juridictions");
    assert_eq!(
        (&courts["collective"], &courts["within"]),
        (&serde_json::json!(true), &serde_json::json!("justice"))
    );
    let text = show("justice-juridictions");
    assert!(
        has_field(&text, "within", "Ministère de la Justice [justice]"),
        "{text}"
    );
    assert!(text.contains("collective"), "{text}");
    let dsj = show_json("dsj");
    assert_eq!(
        (&dsj["collective"], &dsj["within"], &dsj["roles"]),
        (
            &serde_json::json!(false),
            &serde_json::Value::Null,
            &serde_json::json!([])
        )
    );
}

#[test]
fn inesia_s_co_steering_partners_are_partners_of_inesia_and_of_the_dge_directorate() {
    let five = ["anssi", "inria", "lne", "peren", "sgdsn"];
    let of_inesia = partners("inesia");
    let of_dge = partners("dge-dp-ia");
    for partner in five {
        assert!(
            of_inesia.contains(&("co-steering".into(), partner.into())),
            "{partner}: {of_inesia:?}"
        );
        assert!(
            of_dge.contains(&("cooperation".into(), partner.into())),
            "{partner}: {of_dge:?}"
        );
    }
    assert!(of_dge.contains(&("co-steering".into(), "inesia".into())));
}

#[test]
fn the_dge_directorate_follows_the_work_of_standards_bodies_and_european_forums() {
    for body in ["cen-cenelec", "conseil-europe"] {
        assert_eq!(
            partners(body),
            BTreeSet::from([("follow-up".to_owned(), "dge-dp-ia".to_owned())]),
            "{body}"
        );
    }
    let g = builtin();
    assert_eq!(
        tied(&g, "dge-dp-ia", TieKind::FollowUp, true),
        set(&[
            "cen-cenelec",
            "comite-ia",
            "concertation-droit-auteur-ia",
            "conseil-europe",
            "conseil-ue-groupe-telecoms"
        ])
    );
    let text = organigram(["partners", "cen-cenelec"]).run().success();
    assert!(text.contains("has its work followed by"), "{text}");
}

#[test]
fn the_ai_programme_director_chairs_the_strategy_s_steering_bodies() {
    let g = builtin();
    assert_eq!(
        tied(&g, "justice-dp-ia-directeur", TieKind::Chair, true),
        set(&["justice-dp-ia-instances-pilotage"])
    );
    assert!(
        g.unit(ix(&g, "justice-dp-ia-instances-pilotage"))
            .collective
    );
    assert!(
        partners("justice-dp-ia-directeur")
            .contains(&("chair".into(), "justice-dp-ia-instances-pilotage".into()))
    );
}

#[test]
fn dip_a_just_answers_to_a_governance_involving_its_users() {
    let g = builtin();
    assert_eq!(
        tied(&g, "dip-a-just", TieKind::FunctionalReporting, true),
        set(&["dip-a-just-gouvernance-utilisateurs"])
    );
}

#[test]
fn check_finds_no_error_and_no_outdated_tie_in_the_built_in_description() {
    let answer = organigram(["check", "--format", "json"])
        .run()
        .expect_code(0)
        .json();
    let problems = answer["problems"].as_array().expect("problems");
    let of = |severity: &str| -> Vec<(String, String)> {
        problems
            .iter()
            .filter(|p| p["severity"] == severity)
            .map(|p| {
                (
                    p["code"].as_str().expect("code").to_owned(),
                    p["message"].as_str().expect("message").to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(of("error"), []);
    // The ties seed 003 states while the DINSIC existed end with it: none is outdated. The two
    // warnings left are true today: the postings tie MPES to nothing a tie kind expresses, and
    // Etalab's only ties were with the DINSIC, which ended on 2019-10-25; the seeds say nothing of
    // Etalab since.
    assert_eq!(
        of("warning"),
        [
            (
                "isolated-unit".to_owned(),
                "mission `mpes` has no tie at all".to_owned()
            ),
            (
                "isolated-unit".to_owned(),
                "mission `etalab` has no tie at all".to_owned()
            )
        ]
    );
}

#[test]
fn the_ties_of_the_dinsic_era_end_with_the_dinsic() {
    let g = builtin();
    let ended: BTreeSet<String> = g
        .ties()
        .filter(|(_, t)| t.valid_until.is_some())
        .map(|(_, t)| format!("{} {} {}", t.from.value, t.kind.value, t.to.value))
        .collect();
    assert_eq!(
        ended,
        set(&[
            "dne-expert-haut-niveau-donnees cooperation dinsic",
            "dne-expert-haut-niveau-donnees correspondent etalab",
            "etalab attachment dinsic",
        ])
    );
    for (_, tie) in g.ties().filter(|(_, t)| t.valid_until.is_some()) {
        assert_eq!(
            tie.valid_until.map(|d| d.to_string()),
            Some("2019-10-25".into())
        );
    }
}

#[test]
fn units_named_only_as_a_whole_are_collective_and_those_inside_a_ministry_say_so() {
    let g = builtin();
    for (_, unit) in g.units() {
        let noted = unit
            .note
            .as_deref()
            .is_some_and(|n| n.contains("Collective unit:"));
        assert_eq!(unit.collective, noted, "{}", unit.id.value);
    }
    let within = |organisation: &str| -> BTreeSet<String> {
        g.units()
            .filter(|(_, u)| u.within_id() == Some(organisation))
            .map(|(_, u)| u.id.to_string())
            .collect()
    };
    assert_eq!(
        within("justice"),
        set(&[
            "justice-administrations-deconcentrees",
            "justice-amdac",
            "justice-dnum",
            "justice-ecoles",
            "justice-juridictions",
            "justice-sem",
        ])
    );
    assert_eq!(
        within("menj"),
        set(&["menj-comite-ethique-donnees", "menj-dpd"])
    );
    let education = g
        .organisations()
        .iter()
        .find(|o| o.id.as_str() == "education")
        .expect("the education file");
    assert_eq!(
        education.unit.as_ref().map(|u| u.value.as_str()),
        Some("menj")
    );
}

/// Text folded for finding a name in a posting: lowercase, accents and `’` undone, whitespace
/// runs made one space.
fn fold_for_postings(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    squeeze(
        &text
            .replace('’', "'")
            .replace('œ', "oe")
            .nfd()
            .filter(|c| !is_combining_mark(*c))
            .collect::<String>()
            .to_lowercase(),
    )
}

/// Whether `name` is in `text` as a whole word or words (both folded).
fn holds_words(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn every_name_no_posting_gives_is_noted_as_the_team_s() {
    let postings: String = fs::read_dir(root().join("org/sources"))
        .expect("org/sources")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = fs::read_to_string(&p).expect("a posting");
            let (_, posting) = text
                .split_once("--- Text of the posting")
                .expect("a posting's text");
            fold_for_postings(posting)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let g = builtin();
    for (_, unit) in g.units() {
        let note = unit.note.as_deref().unwrap_or("");
        let added = note
            .split_once("Added by the organigram team, not in the postings: ")
            .map_or("", |(_, list)| list);
        let names = std::iter::once(&unit.name)
            .chain(unit.acronym.as_ref())
            .chain(&unit.aliases);
        for name in names {
            let in_postings = holds_words(&postings, &fold_for_postings(name));
            let marked = added.contains(&format!("“{name}”"));
            assert!(
                in_postings != marked,
                "{}: “{name}” is {} the postings but {} as the team's",
                unit.id.value,
                if in_postings { "in" } else { "not in" },
                if marked { "noted" } else { "not noted" }
            );
        }
    }
}

/// The `--format json` answer of a command.
fn json<const N: usize>(args: [&str; N]) -> serde_json::Value {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "json"]);
    organigram(all).run().expect_code(0).json()
}

/// The ids of a JSON list of units.
fn ids(list: &serde_json::Value) -> Vec<String> {
    list.as_array()
        .expect("a list")
        .iter()
        .map(|u| u["id"].as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn who_heads_each_directorate_the_postings_name() {
    for (unit, head) in [
        ("justice-dp-ia", "justice-dp-ia-directeur"),
        ("dip-a-just", "dip-a-just-directeur"),
        ("dsj", "dsj-directeur"),
        ("justice-sg", "justice-sg-secretaire-generale"),
        ("dsin", "dsin-directeur"),
    ] {
        assert_eq!(ids(&show_json(unit)["headed_by"]), [head], "{unit}");
        assert_eq!(ids(&show_json(head)["heads"]), [unit], "{head}");
    }
    assert!(has_field(
        &show("DSJ"),
        "headed by",
        "Directeur des services judiciaires [dsj-directeur]"
    ));
    // The AI programme directorate is no longer empty: its director is in it.
    let programme = json(["subordinates", "justice-dp-ia"]);
    assert_eq!(programme["direct"], 1, "{programme}");
}

#[test]
fn whom_each_post_answers_to() {
    let answers_to = |post: &str| {
        let manager = &show_json(post)["answers_to"];
        (
            manager["id"].as_str().unwrap_or_default().to_owned(),
            manager["because"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let pair = |id: &str, because: &str| (id.to_owned(), because.to_owned());
    // The lead developer answers to the project director the seed places at the DiP's head.
    assert_eq!(
        answers_to("dip-a-just-lead-dev"),
        pair("dip-a-just-directeur", "head-of-its-unit")
    );
    // Its deputies are under its authority, as seed 001 says.
    assert_eq!(
        answers_to("dip-a-just-directeur-technique"),
        pair("dip-a-just-directeur", "line-authority")
    );
    // The DiP is attached to the director of judicial services, the post.
    assert_eq!(
        answers_to("dip-a-just-directeur"),
        pair("dsj-directeur", "unit-under")
    );
    // The AI programme director: « placé sous l'autorité du secrétaire général adjoint ».
    assert_eq!(
        answers_to("justice-dp-ia-directeur"),
        pair("justice-sga", "line-authority")
    );
    let chain = organigram(["chain", "dip-a-just-lead-dev"]).run().success();
    let line = &chain[chain.find("Line of posts").expect("a line of posts")..];
    let posts: Vec<&str> = line
        .lines()
        .filter_map(|l| l.trim().strip_prefix("answers to "))
        .collect();
    assert_eq!(posts.len(), 2, "{line}");
    assert!(posts[0].contains("[dip-a-just-directeur]"), "{line}");
    assert!(posts[1].contains("[dsj-directeur]"), "{line}");
}

#[test]
fn the_dip_a_just_director_has_its_team_as_direct_reports() {
    let reports = &json(["subordinates", "dip-a-just-directeur"])["reports"];
    assert_eq!(reports["direct"], 9, "{reports}");
    let posts = ids(&reports["posts"]);
    for post in [
        "dip-a-just-directeur-operationnel",
        "dip-a-just-directeur-technique",
        "dip-a-just-lead-dev",
        "dip-a-just-analyste-donnees",
    ] {
        assert!(posts.contains(&post.to_owned()), "{post}: {posts:?}");
    }
    // The director of judicial services: the DiP's director directly, its team through it.
    let dsj = &json(["subordinates", "dsj-directeur"])["reports"];
    assert!(
        ids(&dsj["posts"]).contains(&"dip-a-just-directeur".to_owned()),
        "{dsj}"
    );
    let superior = json([
        "superior",
        "dip-a-just-lead-dev",
        "dip-a-just-analyste-donnees",
    ]);
    assert_eq!(
        superior["common_manager"]["post"]["id"], "dip-a-just-directeur",
        "{superior}"
    );
}

#[test]
fn partners_declared_in_the_dge_s_file_are_not_the_dge_s() {
    let organisation = |unit: &str| show_json(unit)["organisation"].clone();
    for partner in [
        "anssi",
        "inria",
        "lne",
        "peren",
        "ministere-culture",
        "ministere-numerique",
        "conseil-europe",
        "cen-cenelec",
    ] {
        let belongs = organisation(partner);
        assert_eq!(belongs["id"], partner, "{partner}: {belongs}");
        assert_eq!(belongs["described"], false, "{partner}: {belongs}");
    }
    for outside in [
        "sgdsn",
        "sgae",
        "representation-permanente-ue",
        "inesia",
        "dinum",
    ] {
        assert!(organisation(outside).is_null(), "{outside}");
    }
    assert_eq!(organisation("dge-dp-ia")["id"], "dge");
    // « au sein du ministère » without a parent named: within the ministry.
    assert_eq!(organisation("justice-dnum")["id"], "justice");
    assert!(has_field(
        &show("anssi"),
        "organisation",
        "its own organisation, not described here"
    ));
    let found = organigram(["find", "ministère du numérique"])
        .run()
        .success();
    assert!(
        found.contains(
            "Ministère du numérique [ministere-numerique] — ministry, its own organisation"
        ),
        "{found}"
    );
    let stats = json(["stats"]);
    let dge = stats["by_organisation"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|o| o["id"] == "dge")
        .expect("the DGE");
    assert_eq!(
        dge["count"], 4,
        "the DGE, its AI directorate, its pôle and the advertised post"
    );
    assert!(
        stats["in_named_organisations"].as_u64() > Some(0),
        "{stats}"
    );
    assert!(
        stats["outside_every_organisation"].as_u64() > Some(0),
        "{stats}"
    );
    assert!(stats["collective"].as_u64() > Some(0), "{stats}");
}

#[test]
fn the_dge_s_chart_frames_its_units_and_draws_its_partners_outside() {
    let dot = organigram(["render", "--view", "full", "--organisation", "dge"])
        .run()
        .success();
    let frame = &dot[dot.find("subgraph \"cluster_").expect("a frame")..];
    let frame = &frame[..frame.find("\n    }").expect("the frame's end")];
    assert!(frame.contains("id=\"unit-dge-dp-ia\""), "{frame}");
    assert!(!frame.contains("id=\"unit-anssi\""), "{frame}");
    assert!(
        dot.contains("id=\"unit-anssi\""),
        "a partner, outside the frame"
    );
    // The DGE's director post is in its box, not an ellipse of its own.
    assert!(!dot.contains("shape=ellipse style=\"filled\" fillcolor=\"#F8E2B3\" color=\"#E69F00\" id=\"unit-dge-directeur"));
}

#[test]
fn a_french_chart_reads_in_french() {
    let dot = organigram(["--lang", "fr", "render", "--organisation", "justice"])
        .run()
        .success();
    for french in [
        "Organigramme",
        "est rattaché à",
        "direction de programme",
        "direction : Directeur",
        "sous-direction",
    ] {
        assert!(dot.contains(french), "{french}");
    }
    assert!(!dot.contains("is attached to"), "{dot}");
}

/// Where a date of the built-in description is: `unit ID FIELD`, `tie FROM KIND TO FIELD` or
/// `source ID date`, with the date.
fn dates_of(g: &OrgGraph) -> BTreeSet<(String, String)> {
    let mut dates = BTreeSet::new();
    let mut add = |what: String, date: Option<organigram::model::Date>| {
        if let Some(date) = date {
            dates.insert((what, date.to_string()));
        }
    };
    for (_, unit) in g.units() {
        let id = &unit.id.value;
        add(format!("unit {id} valid_from"), unit.valid_from);
        add(format!("unit {id} valid_until"), unit.valid_until);
        add(format!("unit {id} vacant_from"), unit.vacancy_date());
        add(
            format!("unit {id} headcount"),
            unit.headcount.as_ref().and_then(|h| h.date),
        );
        for was in &unit.was {
            add(format!("unit {id} was until"), Some(was.until));
            add(
                format!("unit {id} was headcount"),
                was.headcount.as_ref().and_then(|h| h.date),
            );
        }
    }
    for (_, tie) in g.ties() {
        let what = format!("tie {} {} {}", tie.from.value, tie.kind.value, tie.to.value);
        add(format!("{what} valid_from"), tie.valid_from);
        add(format!("{what} valid_until"), tie.valid_until);
    }
    for source in g.sources() {
        add(format!("source {} date", source.id.value), source.date);
    }
    dates
}

/// The words of the posting or decree that give each date of the built-in description: the
/// date of every fact, the source that gives it, and its words there.
const DATES: [(&str, &str, &str, &str); 13] = [
    // Seed 000: the AI programme directorate and its director.
    (
        "unit justice-dp-ia valid_from",
        "2025-06-23",
        "seed-000",
        "Préconisée par le rapport sur l’intelligence artificielle remis au ministre de la Justice le 23 juin 2025",
    ),
    (
        "unit justice-dp-ia headcount",
        "2026-01-01",
        "seed-000",
        "au moins 10 personnes au 1er janvier 2026",
    ),
    (
        "unit justice-dp-ia-directeur valid_from",
        "2025-06-23",
        "seed-000",
        "créée avec le recrutement de son directeur /sa directrice",
    ),
    (
        "unit justice-dp-ia-directeur vacant_from",
        "2025-09-01",
        "seed-000",
        "Vacant à partir du 01/09/2025",
    ),
    // Seed 004: the date of the offer, and its post to be filled at once.
    (
        "source seed-004 date",
        "2024-12-06",
        "seed-004",
        "Date de dépôt de l’offre : Vendredi 06 décembre 2024",
    ),
    (
        "unit dsin-chef-projet-data-ia vacant_from",
        "2024-12-06",
        "seed-004",
        "Poste à pourvoir : Immédiatement",
    ),
    // The decree that made DINUM succeed the DINSIC (no copy: its title gives the date).
    (
        "source decret-2019-1088 date",
        "2019-10-25",
        "decret-2019-1088",
        "du 25 octobre 2019",
    ),
    (
        "unit dinum valid_from",
        "2019-10-25",
        "decret-2019-1088",
        "du 25 octobre 2019",
    ),
    (
        "unit dinsic valid_until",
        "2019-10-25",
        "decret-2019-1088",
        "du 25 octobre 2019",
    ),
    (
        "tie dinum succession dinsic valid_from",
        "2019-10-25",
        "decret-2019-1088",
        "du 25 octobre 2019",
    ),
    (
        "tie etalab attachment dinsic valid_until",
        "2019-10-25",
        "decret-2019-1088",
        "du 25 octobre 2019",
    ),
    (
        "tie dne-expert-haut-niveau-donnees correspondent etalab valid_until",
        "2019-10-25",
        "decret-2019-1088",
        "du 25 octobre 2019",
    ),
    (
        "tie dne-expert-haut-niveau-donnees cooperation dinsic valid_until",
        "2019-10-25",
        "decret-2019-1088",
        "du 25 octobre 2019",
    ),
];

#[test]
fn every_date_of_the_built_in_description_is_one_its_sources_give() {
    let g = builtin();
    let expected: BTreeSet<(String, String)> = DATES
        .iter()
        .map(|(what, date, _, _)| ((*what).to_owned(), (*date).to_owned()))
        .collect();
    // No date is lost, and none is added without the words that give it.
    assert_eq!(dates_of(&g), expected);
    for (what, _, source, words) in DATES {
        let declared = g
            .source(source)
            .unwrap_or_else(|| panic!("{what}: no source `{source}`"));
        // The words are the source's: in its copy, or in its title when it has none.
        let text = match &declared.file {
            Some(file) => squeeze(
                &fs::read_to_string(root().join("org").join(file)).expect("a posting's copy"),
            ),
            None => declared.title.clone(),
        };
        assert!(
            text.contains(&squeeze(words)),
            "{what}: {words:?} is not in {source}"
        );
        // A fact dated from a posting quotes its words, in its note or its citation.
        let mut parts = what.split(' ');
        let (Some("unit"), Some(id)) = (parts.next(), parts.next()) else {
            continue;
        };
        if declared.file.is_none() {
            continue;
        }
        let unit = g.unit(ix(&g, id));
        let quoted = unit
            .note
            .iter()
            .map(String::as_str)
            .chain(unit.source.as_ref().and_then(|c| c.quote.as_deref()));
        assert!(
            quoted.into_iter().any(|q| q.contains(words)),
            "{what}: the unit does not quote {words:?}"
        );
    }
}

#[test]
fn the_ai_programme_directorate_and_its_director_are_in_force_from_the_report_that_recommended_it()
{
    let subordinates = |day: &str| {
        let answer = json(["--as-of", day, "subordinates", "justice-sg", "--depth", "1"]);
        answer["below"]["subordinates"]
            .as_array()
            .expect("subordinates")
            .iter()
            .map(|s| s["unit"]["id"].as_str().expect("an id").to_owned())
            .collect::<Vec<_>>()
    };
    let before = subordinates("2025-06-22");
    assert!(!before.contains(&"justice-dp-ia".to_owned()), "{before:?}");
    let on = subordinates("2025-06-23");
    assert!(on.contains(&"justice-dp-ia".to_owned()), "{on:?}");
    let error = organigram(["--as-of", "2025-06-22", "chain", "justice-dp-ia-directeur"])
        .run()
        .expect_code(2)
        .stderr;
    assert!(error.contains("it begins on 2025-06-23"), "{error}");
    // Being set up, it is in the structure before its target date, and still after it.
    for day in ["2025-06-23", "2025-12-31", "2026-01-01"] {
        let unit = json(["--as-of", day, "show", "justice-dp-ia-directeur"]);
        assert_eq!(unit["in_force"], true, "{day}: {unit}");
        assert_eq!(
            ids(&unit["heads"]),
            ["justice-dp-ia"],
            "{day}: the director heads the directorate"
        );
    }
}

#[test]
fn a_vacancy_date_is_no_date_of_a_life_and_an_undated_creation_cuts_nothing() {
    // A post vacant from a date is in the structures before and after it, vacant in both.
    for (post, days) in [
        ("justice-dp-ia-directeur", ["2025-08-31", "2025-09-01"]),
        ("dsin-chef-projet-data-ia", ["2024-12-05", "2024-12-06"]),
    ] {
        for day in days {
            let unit = json(["--as-of", day, "show", post]);
            assert_eq!(
                (&unit["in_force"], &unit["vacant"]),
                (&serde_json::json!(true), &serde_json::json!(true)),
                "{post} as of {day}: {unit}"
            );
        }
    }
    let text = organigram(["--as-of", "2025-01", "show", "dsin-chef-projet-data-ia"])
        .run()
        .success();
    assert!(has_field(&text, "vacant from", "2024-12-06"), "{text}");
    // The posting gives DiP A-JUST's creation no date: it is in every structure.
    let g = builtin();
    assert_eq!(g.unit(ix(&g, "dip-a-just")).valid_from, None);
    for day in ["2019-10-24", "2025-06-22"] {
        assert_eq!(
            json(["--as-of", day, "show", "dip-a-just"])["in_force"],
            true,
            "{day}"
        );
    }
}

/// The `find TEXT --format json` answer, with `more` arguments: each match's id, kind,
/// organisation and the field that matched.
fn found(text: &str, more: &[&str]) -> Vec<(String, String, String, String)> {
    let mut args = vec!["find", text, "--format", "json", "--limit", "1000"];
    args.extend_from_slice(more);
    let json = organigram(args).run().expect_code(0).json();
    let field = |m: &serde_json::Value, key: &str| m[key].as_str().unwrap_or_default().to_owned();
    json.as_array()
        .expect("a list")
        .iter()
        .map(|m| {
            (
                field(m, "id"),
                field(m, "kind"),
                field(m, "organisation"),
                field(m, "matched"),
            )
        })
        .collect()
}

#[test]
fn find_finds_a_unit_by_what_it_does() {
    // The question's telling words, "data protection", are in both DPOs' aliases.
    let out = organigram(["find", "who deals with data protection?"])
        .run()
        .success();
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(
        out.contains("[menj-dpd]") && out.contains("[province-sud-dpo]"),
        "{out}"
    );
    assert!(
        out.contains("matched alias “Data Protection Officer (MENJ)”"),
        "{out}"
    );
    // « aide à la décision » is in DiP A-JUST's remit only.
    let out = organigram(["find", "aide à la décision"]).run().success();
    assert_eq!(
        out,
        " 20  Direction de projet « Outils numériques de pilotage des juridictions » (DiP A-JUST) \
         [dip-a-just] — project directorate, Ministère de la Justice\n     \
         matched its remit “Outils numériques d'aide à la décision et au pilotage…”\n"
    );
    let json = found("aide à la décision", &[]);
    assert_eq!(
        json,
        [(
            "dip-a-just".to_owned(),
            "project-directorate".to_owned(),
            "justice".to_owned(),
            "remit".to_owned()
        )]
    );
}

#[test]
fn find_ranks_names_before_remits_and_notes() {
    let all = found("données", &[]);
    let free_text =
        |m: &(String, String, String, String)| ["remit", "role", "note"].contains(&m.3.as_str());
    let first_free = all
        .iter()
        .position(free_text)
        .expect("a remit or note matches");
    assert!(first_free > 0, "{all:?}");
    assert!(all[..first_free].iter().all(|m| !free_text(m)), "{all:?}");
    assert!(all[first_free..].iter().all(free_text), "{all:?}");
    // A name holding the words apart, after a name holding them together.
    let dpos = found("données protection", &[]);
    assert!(
        dpos.iter().any(|m| m.0 == "menj-dpd" && m.3 == "name"),
        "{dpos:?}"
    );
}

#[test]
fn find_combines_with_kind_and_organisation_filters() {
    let all = found("données", &[]);
    let posts = found("données", &["--kind", "post"]);
    assert!(!posts.is_empty() && posts.len() < all.len(), "{posts:?}");
    assert!(posts.iter().all(|m| m.1 == "post"), "{posts:?}");
    let expected: Vec<_> = all.iter().filter(|m| m.1 == "post").cloned().collect();
    assert_eq!(posts, expected);
    let justice = found("données", &["--organisation", "Ministère de la Justice"]);
    assert!(!justice.is_empty(), "{justice:?}");
    assert!(justice.iter().all(|m| m.2 == "justice"), "{justice:?}");
    // Both together, by the organisation's acronym.
    assert_eq!(
        found(
            "who deals with data protection?",
            &["--organisation", "menj", "--kind", "post,bureau"]
        )
        .iter()
        .map(|m| m.0.as_str())
        .collect::<Vec<_>>(),
        ["menj-dpd"]
    );
    let none = organigram(["find", "aide à la décision", "--kind", "bureau"])
        .run()
        .success();
    assert_eq!(none, "no unit matches `aide à la décision`\n");
    let unknown = organigram(["find", "données", "--organisation", "nowhere"])
        .run()
        .expect_code(2);
    assert!(
        unknown
            .stderr
            .contains("no organisation is named `nowhere`"),
        "{}",
        unknown.stderr
    );
}
