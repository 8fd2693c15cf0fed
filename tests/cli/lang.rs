//! Output in French: `--lang fr`, or a French locale in the environment (`LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`); JSON keeps its English keys and kind names in every language.

use crate::support::{IMPORT_UNITS_CSV, Output, Run, fixture, organigram};

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

#[test]
fn find_partners_and_path_speak_french() {
    let find = organigram(["--lang", "fr", "find", "AI projects", "--limit", "1"])
        .run()
        .success();
    assert!(
        find.contains(&french(
            "trouvée par un autre nom « AI projects directorate »"
        )),
        "{find}"
    );
    assert!(
        find.contains("de plus (--limit pour les afficher)"),
        "{find}"
    );
    let remit = organigram(["--lang", "fr", "find", "aide à la décision"])
        .run()
        .success();
    assert!(
        remit.contains(&french(
            "trouvée par sa mission « Outils numériques d'aide à la décision et au pilotage… »"
        )),
        "{remit}"
    );
    let none = organigram(["--lang", "fr", "find", "zzzzqqq"])
        .run()
        .success();
    assert_eq!(none, "aucune unité ne correspond à `zzzzqqq`\n");

    let partners = organigram(["--lang", "fr", "partners", "DiP A-JUST"])
        .run()
        .success();
    assert!(partners.starts_with("Partenaires de "), "{partners}");
    assert!(partners.contains("\nlien fonctionnel (1)\n"), "{partners}");

    let path = organigram(["--lang", "fr", "path", "dsj-sd-rh-greffes", "DSJ"])
        .run()
        .success();
    assert!(
        path.starts_with(&french("Plus court chemin (1 lien) :\n")),
        "{path}"
    );
    assert!(path.contains("(rattachement)"), "{path}");
    let over = organigram([
        "--lang",
        "fr",
        "path",
        "dsj-sd-rh-greffes",
        "DSJ",
        "--via",
        "cooperation",
    ])
    .run()
    .success();
    assert!(
        over.starts_with("Aucun chemin entre ") && over.ends_with(" par les liens coopération.\n"),
        "{over}"
    );
}

#[test]
fn superior_speaks_french_with_the_line_of_posts() {
    let superior = organigram([
        "--lang",
        "fr",
        "superior",
        "dip-a-just-lead-dev",
        "dip-a-just-directeur-technique",
    ])
    .run()
    .success();
    for expected in [
        "Le supérieur commun le plus proche de Lead dev [dip-a-just-lead-dev] et de ",
        "    depuis Lead dev [dip-a-just-lead-dev] (1 échelon) :\n",
        "      est rattaché à ",
        "Dans la ligne hiérarchique des postes, tous deux rendent compte à ",
        "(à la tête de son unité, DiP A-JUST)",
    ] {
        let expected = french(expected);
        assert!(
            superior.contains(&expected),
            "no {expected:?} in\n{superior}"
        );
    }
    assert!(!superior.contains("from "), "{superior}");
}

#[test]
fn diff_speaks_french() {
    let diff = organigram([
        "--lang",
        "fr",
        "diff",
        "tests/fixtures/valid/small",
        "tests/fixtures/proposals/base.json",
    ])
    .run()
    .success();
    for expected in [
        "Unités ajoutées (8)\n",
        "Unités supprimées (7)\n",
        "Unités modifiées (1)\n",
        "  + Laboratoire d'innovation [lab] — équipe, hors de tout organisme\n",
        "sigle   « ME » → aucun\n",
        "Liens ajoutés (",
        "  + `sg` est rattaché à `me`\n",
    ] {
        let expected = french(expected);
        assert!(diff.contains(&expected), "no {expected:?} in\n{diff}");
    }
}

#[test]
fn a_proposal_that_cannot_be_applied_says_why_in_french() {
    let output = organigram([
        "--lang",
        "fr",
        "--org",
        "tests/fixtures/proposals/base.json",
        "--proposal",
        "tests/fixtures/proposals/invalid/contradictions.json",
        "check",
    ])
    .run()
    .expect_code(2);
    assert_contains(
        &output,
        "error[proposal-conflict]: `daf` ne peut pas être fusionné avec lui-même",
    );
    assert_contains(
        &output,
        &french("= aide : indiquez dans `into` l’unité qui subsiste"),
    );
    assert_contains(&output, &french("`budget` est déjà de type « bureau »"));
    assert_contains(
        &output,
        &french("erreur : la proposition ne peut pas être appliquée ; rien d’autre n’a été fait"),
    );
}

#[test]
fn a_reading_error_says_what_is_wrong_and_what_was_meant_in_french() {
    let unknown = organigram([
        "--lang",
        "fr",
        "--org",
        "tests/fixtures/invalid/unknown-field.json",
        "check",
    ])
    .run()
    .expect_code(1);
    assert_contains(
        &unknown,
        &french("error[unknown-field]: champ inconnu : `boundray`"),
    );
    assert_contains(&unknown, &french("= aide : vouliez-vous dire `boundary` ?"));
    let wrong_type = organigram([
        "--lang",
        "fr",
        "--org",
        "tests/fixtures/invalid/wrong-type.json",
        "check",
    ])
    .run()
    .expect_code(1);
    assert_contains(&wrong_type, "un texte était attendu, et non le nombre 42");
    let missing = organigram([
        "--lang",
        "fr",
        "--org",
        "tests/fixtures/nowhere.json",
        "show",
        "x",
    ])
    .run()
    .expect_code(2);
    assert_contains(
        &missing,
        &french("impossible de lire tests/fixtures/nowhere.json :"),
    );
    assert_contains(&missing, &french("= aide : vérifiez le chemin"));
}

#[test]
fn an_unknown_unit_is_said_and_the_nearest_suggested_in_french() {
    let output = organigram(["--lang", "fr", "show", "dsj-x"])
        .run()
        .expect_code(2);
    assert_contains(
        &output,
        "erreur\u{a0}: aucune unité ne correspond à `dsj-x`\n",
    );
    assert_contains(
        &output,
        &french("aide : vouliez-vous dire l’une de celles-ci ?\n"),
    );
    assert_contains(
        &output,
        "  Direction des services judiciaires (DSJ) [dsj] — direction, Ministère de la Justice\n",
    );
}

#[test]
fn check_explains_a_code_in_french() {
    let english = organigram(["check", "--explain", "two-heads"])
        .run()
        .success();
    let french_text = organigram(["check", "--explain", "two-heads", "--lang", "fr"])
        .run()
        .success();
    assert!(
        english.starts_with("two-heads (error by default)\n\n"),
        "{english}"
    );
    assert!(
        french_text.starts_with("two-heads (erreur par défaut)\n\n"),
        "{french_text}"
    );
    assert!(
        french_text.contains(&french(
            "Une unité dirigée par deux postes à la fois n’a pas de ligne hiérarchique des postes unique :"
        )),
        "{french_text}"
    );
}

#[test]
fn an_import_says_what_it_wrote_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let output = organigram([
        "--lang",
        "fr",
        "import",
        "csv",
        "tests/fixtures/import/hr-export.csv",
        "--id",
        "code",
        "--parent",
        "parent",
        "--name",
        "label",
        "-o",
    ])
    .arg(dir.path())
    .run()
    .expect_code(0);
    assert!(
        output
            .stdout
            .starts_with("6 unités et 4 liens (4 rattachement) écrits en 1 fichier dans "),
        "{}",
        output.transcript()
    );
    assert_contains(
        &output,
        &french("avertissement : tests/fixtures/import/hr-export.csv:7:8: "),
    );
    assert_contains(&output, &french("  = aide : vouliez-vous dire `dnum` ?"));
}

#[test]
fn show_aligns_its_fields_on_the_longest_french_name() {
    let shown = organigram(["--lang", "fr", "show", "dip-a-just-directeur"])
        .run()
        .success();
    let fields: Vec<&str> = shown
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .collect();
    assert!(
        fields
            .iter()
            .any(|f| f.starts_with("  durée de nomination 18 mois")),
        "{shown}"
    );
    // Every value starts in the column after the longest name, « durée de nomination ».
    let column = "  durée de nomination ".chars().count();
    for line in &fields {
        let value_start = line.chars().nth(column - 1);
        assert_eq!(value_start, Some(' '), "{line:?} in\n{shown}");
        assert_ne!(line.chars().nth(column), Some(' '), "{line:?} in\n{shown}");
    }
}

#[test]
fn writing_over_a_file_that_is_read_is_refused_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"organisation": {"id": "o", "name": "O"},
        "units": [{"id": "a", "name": "A", "kind": "ministry", "boundary": "top"}]}"#;
    std::fs::write(dir.path().join("d.json"), text).unwrap();
    let output = organigram([
        "--lang", "fr", "--org", "d.json", "render", "--format", "dot", "-o", "d.json",
    ])
    .in_dir(dir.path())
    .run()
    .expect_code(2);
    assert_contains(
        &output,
        &french(
            "impossible d’écrire d.json : c’est l’un des fichiers que lit cette commande, et \
             l’écrire le détruirait ; indiquez un autre fichier",
        ),
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("d.json")).unwrap(),
        text
    );
    // A folder where a file would be written, and an extension that names no format.
    std::fs::create_dir(dir.path().join("chart.dot")).unwrap();
    let output = organigram([
        "--lang",
        "fr",
        "--org",
        "d.json",
        "render",
        "-o",
        "chart.dot",
    ])
    .in_dir(dir.path())
    .run();
    assert_contains(
        &output,
        &french("impossible d’écrire chart.dot : c’est un dossier, et organigram n’écrit que là"),
    );
    let output = organigram(["--lang", "fr", "--org", "d.json", "export", "-o", "d.jpg"])
        .in_dir(dir.path())
        .run()
        .expect_code(2);
    assert_contains(
        &output,
        &french("impossible de savoir dans quel format écrire d.jpg d’après son extension"),
    );
}

/// A GOV.UK register entry with the slug `slug`, the title `title` and the parents `parents`.
fn govuk_entry(slug: &str, title: &str, parents: &str) -> String {
    format!(
        r#"{{"title": "{title}", "format": "Ministerial department",
            "details": {{"slug": "{slug}"}}, "parent_organisations": [{parents}]}}"#
    )
}

#[test]
fn a_bad_govuk_register_is_refused_and_its_warnings_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let import = |register: String| {
        std::fs::write(dir.path().join("register.json"), register).unwrap();
        organigram([
            "--lang",
            "fr",
            "import",
            "govuk",
            "register.json",
            "-o",
            "out",
        ])
        .in_dir(dir.path())
        .run()
    };
    let twice = format!(
        "[{}, {}]",
        govuk_entry("same", "First", ""),
        govuk_entry("same", "Second", "")
    );
    let output = import(twice).expect_code(2);
    assert_contains(
        &output,
        &french("\"Second\" et \"First\" ont tous deux l’identifiant `same`"),
    );
    assert_contains(
        &output,
        &french("aide : les identifiants sont uniques : changez l’un des deux slugs"),
    );
    let output = import("{}".to_owned()).expect_code(2);
    assert_contains(&output, &french("ce n’est pas le JSON du registre : "));
    let outside = format!(
        "[{}]",
        govuk_entry(
            "a",
            "A",
            r#"{"id": "https://www.gov.uk/api/organisations/elsewhere"}"#
        )
    );
    let output = import(outside).expect_code(0);
    assert_contains(
        &output,
        &french(
            "avertissement : register.json: `a` désigne `elsewhere` dans son champ parent_organisations, mais le \
             registre ne le contient pas",
        ),
    );
}

/// `organigram --lang fr import csv units.csv` of `csv`, written in `dir`, with the columns
/// `code`, `parent` and `label`, into `dir/out`.
fn import_csv_in_french(dir: &std::path::Path, csv: &[u8]) -> Output {
    std::fs::write(dir.join("units.csv"), csv).unwrap();
    organigram(["--lang", "fr"])
        .args(IMPORT_UNITS_CSV)
        .in_dir(dir)
        .run()
}

#[test]
fn a_csv_file_in_the_wrong_encoding_or_with_the_wrong_delimiter_is_refused_in_french() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252, as Excel saves CSV files in French: 0xE9 is 'é'.
    let output =
        import_csv_in_french(dir.path(), b"code,parent,label\na,,Minist\xe8re\n").expect_code(2);
    assert_contains(
        &output,
        &french(
            "le fichier n’est pas un texte UTF-8 : cet octet, 0xE8, n’en est pas ; il semble être \
             en Windows-1252",
        ),
    );
    assert_contains(&output, "où 0xE8 est 'è'");
    assert_contains(
        &output,
        &french("aide : importez-le avec --encoding windows-1252, ou enregistrez-le depuis Excel"),
    );
    let output = import_csv_in_french(dir.path(), b"code;parent;label\na;;A\n").expect_code(2);
    assert_contains(
        &output,
        &french("lu avec le séparateur ',', l’en-tête ne forme qu’une colonne"),
    );
    assert_contains(
        &output,
        &french("aide : l’en-tête contient des points-virgules : donnez --delimiter ';'"),
    );
    let output = import_csv_in_french(dir.path(), b"code,parent,label\na,,\"A\n").expect_code(2);
    assert_contains(
        &output,
        &french("ce guillemet ouvre une cellule qui n’est jamais fermée : le reste du fichier"),
    );
}
