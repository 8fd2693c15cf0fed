//! Output in French: `--lang fr`, or a French locale in the environment (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`); JSON keeps its English keys and kind names in every language.

use crate::support::{Output, Run, fixture, organigram};

/// `organigram ARGS` on the check fixture `name`.
fn on_fixture<const N: usize>(name: &str, args: [&str; N]) -> Run {
    let path = fixture(&format!("check/{name}.json"));
    organigram(["--org".to_owned(), path.display().to_string()]).args(args)
}

/// The French typographic space before `:`, `;`, `?` and `!`, as the catalogue writes it.
const NBSP: char = '\u{a0}';

/// `text` with each space before `:`, `;`, `?` and `!` the no-break space of French typography,
/// so that expectations read as plain text.
fn french(text: &str) -> String {
    text.replace(" :", &format!("{NBSP}:"))
        .replace(" ;", &format!("{NBSP};"))
        .replace(" ?", &format!("{NBSP}?"))
        .replace("« ", &format!("«{NBSP}"))
        .replace(" »", &format!("{NBSP}»"))
}

fn assert_contains(output: &Output, expected: &str) {
    let all = format!("{}{}", output.stdout, output.stderr);
    assert!(
        all.contains(expected),
        "no {expected:?} in\n{}",
        output.transcript()
    );
}

#[test]
fn check_says_what_is_wrong_and_what_to_do_in_french() {
    let output = on_fixture("orphan-unit", ["--lang", "fr", "check"])
        .run()
        .expect_code(1);
    insta::assert_snapshot!(output.stdout);
    assert_contains(
        &output,
        &french("`lost` (direction) n’a aucun rattachement hiérarchique : l’unité est orpheline"),
    );
    assert_contains(
        &output,
        &french("aide : rattachez l’unité à son parent par un lien `attachment`"),
    );
    assert_contains(&output, "1 erreur, 0 avertissement, 0 remarque\n");
    // Codes are identifiers: the same in every language.
    assert_contains(&output, "error[orphan-unit]");
}

#[test]
fn check_as_json_keeps_english_keys_and_codes_with_french_messages() {
    let english = on_fixture("orphan-unit", ["check", "--format", "json"])
        .run()
        .json();
    let french_json = on_fixture("orphan-unit", ["--lang", "fr", "check", "--format", "json"])
        .run()
        .json();
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value["problems"][0]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(keys(&english), keys(&french_json));
    assert_eq!(english["summary"], french_json["summary"]);
    assert_eq!(
        english["problems"][0]["code"],
        french_json["problems"][0]["code"]
    );
    let message = french_json["problems"][0]["message"].as_str().unwrap();
    assert!(message.contains("rattachement hiérarchique"), "{message}");
}

#[test]
fn show_chain_subordinates_and_stats_speak_french() {
    let show = organigram(["--lang", "fr", "show", "DSJ"]).run().success();
    for line in [
        "  type          direction",
        "  organisme     Ministère de la Justice",
        "Unités de rattachement (1)",
        "  est rattaché à  Ministère de la Justice [justice]",
        "Unités rattachées (5)",
    ] {
        assert!(show.contains(line), "no {line:?} in\n{show}");
    }
    insta::assert_snapshot!(
        "chain_in_french",
        organigram(["--lang", "fr", "chain", "dsj-sd-rh-greffes"])
            .run()
            .success()
    );
    insta::assert_snapshot!(
        "subordinates_in_french",
        organigram(["--lang", "fr", "subordinates", "DiP A-JUST"])
            .run()
            .success()
    );
    insta::assert_snapshot!(
        "stats_in_french",
        organigram(["--lang", "fr", "stats"]).run().success()
    );
}

#[test]
fn the_environment_chooses_the_language_the_posix_way() {
    let stats = |vars: &[(&str, &str)], args: &[&str]| {
        let mut run = organigram(args.iter().copied().chain(["stats"]));
        for (name, value) in vars {
            run = run.env(name, value);
        }
        run.run().success()
    };
    let english = stats(&[], &[]);
    let french = stats(&[], &["--lang", "fr"]);
    assert!(english.starts_with("The whole description"), "{english}");
    assert!(
        french.starts_with("L’ensemble de la description"),
        "{french}"
    );
    assert_eq!(stats(&[("LANG", "fr_FR.UTF-8")], &[]), french);
    assert_eq!(stats(&[("LC_ALL", "fr_FR.UTF-8")], &[]), french);
    assert_eq!(stats(&[("LC_MESSAGES", "fr_CA")], &[]), french);
    // LC_ALL wins over LANG, an empty one counts as unset, and --lang wins over them all.
    assert_eq!(
        stats(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], &[]),
        english
    );
    assert_eq!(
        stats(&[("LC_ALL", ""), ("LANG", "fr_BE@euro")], &[]),
        french
    );
    assert_eq!(
        stats(&[("LC_ALL", "fr_FR.UTF-8")], &["--lang", "en"]),
        english
    );
    assert_eq!(stats(&[("LANG", "de_DE.UTF-8")], &[]), english);
}

#[test]
fn json_output_is_the_same_in_every_language() {
    for args in [
        &["show", "DSJ", "--format", "json"][..],
        &["chain", "dsj-sd-rh-greffes", "--format", "json"],
        &["path", "dsj-sd-rh-greffes", "DSJ", "--format", "json"],
        &["partners", "DiP A-JUST", "--format", "json"],
        &["subordinates", "DSJ", "--format", "json"],
        &["stats", "--format", "json"],
    ] {
        let english = organigram(args.iter().copied()).run().success();
        let french = organigram(["--lang", "fr"].into_iter().chain(args.iter().copied()))
            .run()
            .success();
        assert_eq!(english, french, "{args:?}");
    }
}

#[test]
fn a_chart_in_french() {
    let chart = |format: &str| {
        organigram([
            "--lang",
            "fr",
            "render",
            "--root",
            "DiP A-JUST",
            "--format",
            format,
        ])
        .run()
        .success()
    };
    let dot = chart("dot");
    for french in [
        "Organigramme — à partir de",
        "<B>Légende</B>",
        "direction de projet",
        "est rattaché à",
    ] {
        assert!(dot.contains(french), "no {french:?} in\n{dot}");
    }
    insta::assert_snapshot!("dot_in_french", dot);
    insta::assert_snapshot!("mermaid_in_french", chart("mermaid"));
}
