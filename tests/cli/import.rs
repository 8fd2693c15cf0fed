//! `import`: the real GOV.UK register and CSV exports of an HR tool become descriptions that
//! load, check, query and render, byte-identical when imported again.

use std::path::Path;

use organigram::Loader;
use organigram::graph::OrgGraph;
use organigram::model::{Status, TieKind};

use crate::support::{IMPORT_UNITS_CSV, Output, organigram};

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
    // 170 of them closed on a date the register gives, which ends them; the other 425 are in no
    // structure as of a date.
    let ended = graph
        .units()
        .filter(|(_, u)| u.valid_until.is_some())
        .count();
    assert_eq!(ended, 170);
    // 92 successors of organisations that changed name, were replaced or split begin when their
    // predecessor closed: an inference, which each one's note says.
    let started: Vec<_> = graph
        .units()
        .filter(|(_, u)| u.valid_from.is_some())
        .map(|(_, u)| u)
        .collect();
    assert_eq!(started.len(), 92);
    assert!(started.iter().all(|u| {
        u.note
            .as_deref()
            .unwrap_or("")
            .contains("Its start is inferred")
    }));
    // Every attachment holds within the lives of both its ends.
    for (ix, tie) in graph.ties() {
        let (from, to) = graph.ends(ix);
        if tie.kind.value != TieKind::Succession {
            let (from, to) = (graph.unit(from).life(), graph.unit(to).life());
            assert!(!tie.period().outlasts(from.intersection(to)), "{tie}");
        }
    }
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
    // Everything else is a fact of the register: organisations with no tie at all, closed
    // organisations with no date of closing, a successor named while its predecessor is still
    // open, acronyms used twice, wide spans, advisory groups with no secretariat or members
    // described. Nothing the import made up (a forbidden tie, an unknown unit, two attachments,
    // a missing source, dates out of order, a tie that outlasts its ends).
    let real = [
        "isolated-unit",
        "undated-dissolution",
        "succession-overlap",
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
    // Today: the 1,262 organisations, less the 595 closed, and `wales-office`.
    let stats = run(&["stats", "--format", "json"]);
    assert!(stats.contains("\"units\": 668"), "{stats}");
}

#[test]
fn the_register_answers_today_and_as_of_2015() {
    let dir = tempfile::tempdir().unwrap();
    import_govuk(dir.path()).expect_code(0);
    let run = |args: &[&str]| organigram(["--org"]).arg(dir.path()).args(args).run();
    let dsit = "department-for-science-innovation-and-technology";

    // The AI Safety Institute changed its name on 2025-02-14: today DSIT has the AI Security
    // Institute only, a year before the Safety one only.
    let today = run(&["subordinates", dsit, "--depth", "1"]).success();
    assert!(today.contains("[ai-security-institute]"), "{today}");
    assert!(!today.contains("[ai-safety-institute]"), "{today}");
    let before = run(&["--as-of", "2024", "subordinates", dsit, "--depth", "1"]).success();
    assert!(before.contains("[ai-safety-institute]"), "{before}");
    assert!(!before.contains("[ai-security-institute]"), "{before}");
    let gone = run(&["chain", "ai-safety-institute"]).expect_code(2);
    assert!(
        gone.stderr
            .contains("it ended on 2025-02-14, succeeded by AI Security Institute"),
        "{}",
        gone.stderr
    );

    // In 2015, DSIT (2023) did not exist yet, and the Department for Business, Innovation &
    // Skills (closed 2016-07-15) had its bodies under it.
    let stats = run(&["--as-of", "2015", "stats", "--format", "json"]).json();
    assert_eq!(stats["units"], 729);
    let later = run(&["--as-of", "2015", "show", dsit]).success();
    assert!(later.contains("it begins on 2023-02-07"), "{later}");
    let bis = run(&[
        "--as-of",
        "2015",
        "subordinates",
        "department-for-business-innovation-skills",
        "--depth",
        "1",
    ])
    .success();
    assert!(bis.contains("Higher Education Statistics Agency"), "{bis}");
    let ended = run(&["subordinates", "department-for-business-innovation-skills"]).expect_code(2);
    assert!(
        ended.stderr.contains("it ended on 2016-07-15"),
        "{}",
        ended.stderr
    );

    // The Bank of England's parent in the register closed in 2015: before, it is attached to it;
    // since, its parent lies outside the register, and no date finds an orphan the register does
    // not make.
    let chain = run(&[
        "--as-of",
        "2015-03",
        "chain",
        "bank-of-england",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(
        chain["above"]["superiors"][0]["unit"]["id"],
        "treasury-solicitor-s-department"
    );
    let chain = run(&["chain", "bank-of-england", "--format", "json"]).json();
    assert_eq!(chain["above"]["end"], "parent-outside");
    for day in ["2012", "2015", "2020", "2024-06-01"] {
        let report = run(&["--as-of", day, "check", "--format", "json"]).json();
        let errors: Vec<_> = report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{day}: {errors:?}");
    }
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

/// Imports `csv` (written as `units.csv` in `dir`) with the columns `code`, `parent` and
/// `label`, and `extra` arguments, into `dir/out`.
fn import_written(dir: &Path, csv: &[u8], extra: &[&str]) -> Output {
    std::fs::write(dir.join("units.csv"), csv).unwrap();
    organigram(IMPORT_UNITS_CSV).args(extra).in_dir(dir).run()
}

/// The locators the citations of an import give, by unit or tie, in the order written.
fn locators(dir: &Path) -> Vec<String> {
    let graph = load(&dir.join("out"));
    let units = graph.units().map(|(_, u)| u.source.as_ref());
    let ties = graph.ties().map(|(_, t)| t.source.as_ref());
    units
        .chain(ties)
        .map(|c| c.and_then(|c| c.locator.clone()).unwrap_or_default())
        .collect()
}

#[test]
fn an_unterminated_quote_is_refused_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    // The example: every row after the quote would have become one name.
    let csv = b"code,parent,label\nme,,M\nsg,me,\"S\nb1,sg,B1\nb2,sg,B2\nb3,sg,B3\n";
    let out = import_written(dir.path(), csv, &[]).expect_code(2);
    assert!(
        out.stderr
            .contains("units.csv:3:7: this quote opens a cell that is never closed"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("out").exists());
    // A variation: a quote that closes, and the cell goes on after it.
    let csv = b"code,parent,label\nme,,M\nsg,me,\"Service \"X\"\",\nb1,sg,B1\n";
    let out = import_written(dir.path(), csv, &[]).expect_code(2);
    assert!(out.stderr.contains("units.csv:3:7:"), "{}", out.stderr);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn lines_are_counted_as_a_spreadsheet_counts_them_whatever_the_line_endings() {
    for ending in ["\n", "\r\n", "\r"] {
        let dir = tempfile::tempdir().unwrap();
        let rows = ["code,parent,label", "me,,M", "sg,me,S", "bx,sg,B"];
        let csv = rows.join(ending) + ending;
        import_written(dir.path(), csv.as_bytes(), &[]).success();
        // Units on lines 2, 3, 4; the ties of sg and bx on theirs.
        assert_eq!(
            locators(dir.path()),
            ["line 2", "line 3", "line 4", "line 3", "line 4"],
            "{ending:?}"
        );
        // And a problem on line 4 is at line 4.
        let bad = csv.replace("bx,sg,B", "bx,sg,");
        let out = import_written(dir.path(), bad.as_bytes(), &[]).expect_code(2);
        assert!(
            out.stderr.contains("units.csv:4:"),
            "{ending:?}: {}",
            out.stderr
        );
    }
    // A quoted cell over two lines: the next row is on the line after both.
    let dir = tempfile::tempdir().unwrap();
    let csv = b"code,parent,label\r\nme,,\"Minis\r\ntere\"\r\nsg,me,S\r\n";
    import_written(dir.path(), csv, &[]).success();
    assert_eq!(locators(dir.path()), ["line 2", "line 4", "line 4"]);
}

#[test]
fn a_file_from_french_excel_is_recognised_once_and_read_with_its_encoding() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252: è is 0xE8, ’ 0x92, É 0xC9.
    // A thousand rows after it, each with a byte that is not UTF-8 (° is 0xB0).
    let mut csv = b"code;parent;label\nme;;Minist\xe8re de l\x92\xc9conomie\n".to_vec();
    for n in 0..1000 {
        csv.extend_from_slice(format!("b{n};me;Bureau n").as_bytes());
        csv.push(0xb0);
        csv.extend_from_slice(format!("{n}\n").as_bytes());
    }
    let out = import_written(dir.path(), &csv, &["--delimiter", ";"]).expect_code(2);
    assert_eq!(
        out.stderr.matches("error:").count(),
        2,
        "one error, and the summary: {}",
        out.stderr
    );
    assert!(
        out.stderr.contains("units.csv:2:")
            && out.stderr.contains("the file is not UTF-8 text")
            && out.stderr.contains("Windows-1252"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("--encoding windows-1252"),
        "{}",
        out.stderr
    );
    for encoding in ["windows-1252", "latin-1"] {
        let out = import_written(
            dir.path(),
            b"code;parent;label\nme;;Minist\xe8re de l\x92\xc9conomie\n",
            &["--delimiter", ";", "--encoding", encoding],
        );
        out.success();
        let graph = load(&dir.path().join("out"));
        let name = &graph.unit(graph.find_id("me").unwrap()).name;
        assert_eq!(name, "Ministère de l’Économie", "{encoding}");
    }
}

#[test]
fn a_large_import_is_split_into_files_that_load_back() {
    let dir = tempfile::tempdir().unwrap();
    // 20,000 rows, with --max-file-size low enough that they cannot go in one file.
    let mut csv = String::from("code,parent,label\nroot,,Root\n");
    for n in 0..20_000 {
        let parent = if n < 100 {
            "root".to_owned()
        } else {
            format!("u{}", n % 100)
        };
        csv.push_str(&format!(
            "u{n},{parent},Unit number {n} with a long enough name\n"
        ));
    }
    let out = import_written(dir.path(), csv.as_bytes(), &["--max-file-size", "4000000"]);
    let said = out.success();
    let files: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(files.len() > 1, "{said}");
    for file in &files {
        let size = std::fs::metadata(file).unwrap().len();
        assert!(size <= 4_000_000 / 4, "{}: {size} bytes", file.display());
    }
    // Read back within the same limit, with every unit and tie.
    let out = organigram([
        "--max-file-size",
        "4000000",
        "--org",
        "out",
        "stats",
        "--format",
        "json",
    ])
    .in_dir(dir.path())
    .run();
    let stats = out.json();
    assert_eq!(stats["units"], 20_001, "{}", out.stdout);
}

#[test]
fn an_export_opened_in_a_spreadsheet_runs_no_formula_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let description = r#"{"organisation": {"id": "f", "name": "F"},
        "units": [{"id": "a", "name": "=SUM(1)", "acronym": "@A", "kind": "ministry", "boundary": "top"},
                  {"id": "b", "name": "-Bureau", "kind": "bureau", "remit": "=cmd|' /C calc'!A0"},
                  {"id": "c", "name": "+33 1 23", "kind": "bureau", "location": "@Paris"},
                  {"id": "d", "name": "'=quoted", "kind": "bureau"}],
        "ties": [{"kind": "attachment", "from": "b", "to": "a"},
                 {"kind": "attachment", "from": "c", "to": "a"},
                 {"kind": "attachment", "from": "d", "to": "a"}]}"#;
    std::fs::write(dir.path().join("f.json"), description).unwrap();
    let csv = organigram(["--org", "f.json", "export", "--format", "csv"])
        .in_dir(dir.path())
        .run()
        .success();
    assert!(csv.contains("a,,,'=SUM(1),ministry,'@A"), "{csv}");
    assert!(csv.contains("b,a,attachment,'-Bureau,bureau,"), "{csv}");
    assert!(csv.contains(",'=cmd|' /C calc'!A0,"), "{csv}");
    assert!(csv.contains("c,a,attachment,'+33 1 23,bureau,"), "{csv}");
    assert!(csv.contains(",'@Paris,"), "{csv}");
    // No cell of the export starts with what a spreadsheet takes for a formula.
    for cell in csv.lines().flat_map(|line| line.split(',')) {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?} in {csv}");
    }
    std::fs::write(dir.path().join("units.csv"), &csv).unwrap();
    organigram(["import", "csv", "units.csv", "-o", "out"])
        .in_dir(dir.path())
        .run()
        .success();
    let graph = load(&dir.path().join("out"));
    let name = |id: &str| graph.unit(graph.find_id(id).unwrap()).name.clone();
    let unit = |id: &str| graph.unit(graph.find_id(id).unwrap());
    assert_eq!(unit("b").remit.as_deref(), Some("=cmd|' /C calc'!A0"));
    assert_eq!(unit("c").location.as_deref(), Some("@Paris"));
    assert_eq!(name("a"), "=SUM(1)");
    assert_eq!(name("b"), "-Bureau");
    assert_eq!(name("c"), "+33 1 23");
    assert_eq!(name("d"), "'=quoted");
    let a = graph.unit(graph.find_id("a").unwrap());
    assert_eq!(a.acronym.as_deref(), Some("@A"));
}

#[test]
fn dated_csv_rows_are_a_unit_s_history_and_overlapping_ones_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let dates = ["--valid-from", "from", "--valid-until", "until"];
    let csv = "code,parent,label,from,until\n\
               me,,Ministère,,\n\
               dinsic,me,DINSIC,2011,2019-10-25\n\
               dinsic,me,DINUM,2015,\n";
    let out = import_written(dir.path(), csv.as_bytes(), &dates).expect_code(2);
    assert!(
        out.stderr.contains(
            "units.csv:4:17: this row of `dinsic` (2015 – …) holds on days that its row on line 3 (2011 – 2019-10-25) holds too"
        ),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("out").exists());
    let bad = csv.replace("2015,", "32/10/2019,");
    let out = import_written(dir.path(), bad.as_bytes(), &dates).expect_code(2);
    assert!(
        out.stderr
            .contains("units.csv:4:17: \"32/10/2019\" is not a date (the cell from)"),
        "{}",
        out.stderr
    );

    // The rows back to back: one unit, renamed on the day, that every date answers for.
    let csv = csv.replace("DINUM,2015,", "DINUM,25/10/2019,");
    import_written(dir.path(), csv.as_bytes(), &dates).success();
    let run = |args: &[&str]| {
        organigram(["--org", "out"])
            .args(args)
            .in_dir(dir.path())
            .run()
    };
    let before = run(&[
        "--as-of",
        "2019-10-24",
        "show",
        "dinsic",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(before["name"], "DINSIC");
    let after = run(&[
        "--as-of",
        "2019-10-25",
        "show",
        "dinsic",
        "--format",
        "json",
    ])
    .json();
    assert_eq!(after["name"], "DINUM");
    let gone = run(&["--as-of", "2010", "chain", "dinsic"]).expect_code(2);
    assert!(gone.stderr.contains("it begins on 2011"), "{}", gone.stderr);
    // Without the date columns (none found by its header), two rows for one id are still two
    // units with one id.
    let undated = csv.replacen("from,until", "start,end", 1);
    let out = import_written(dir.path(), undated.as_bytes(), &[]).expect_code(2);
    assert!(out.stderr.contains("--valid-from"), "{}", out.stderr);
}

/// Writes `csv` as `dir/name` and imports it into `dir/out` with `extra` arguments and no
/// column named: every column is found by its header.
fn import_found(dir: &Path, name: &str, csv: &str, extra: &[&str]) -> Output {
    import_found_into(dir, name, csv, "out", extra)
}

/// [`import_found`] into `dir/output`.
fn import_found_into(dir: &Path, name: &str, csv: &str, output: &str, extra: &[&str]) -> Output {
    std::fs::write(dir.join(name), csv).unwrap();
    organigram(["import", "csv", name, "-o", output])
        .args(extra)
        .in_dir(dir)
        .run()
}

#[test]
fn two_ministries_files_with_the_same_ids_live_side_by_side_with_prefixes() {
    let dir = tempfile::tempdir().unwrap();
    let justice = "id,parent,name\nmin,,Ministère de la Justice\nsg,min,Secrétariat général\n";
    let culture = "id,parent,name\nmin,,Ministère de la Culture\nsg,min,Secrétariat général\n";
    let args =
        |prefix: &'static str, name: &'static str| ["--id-prefix", prefix, "--organisation", name];
    // The same file name twice, each imported into a folder of `out`: --organisation names
    // each organisation, its source and its file.
    let justice_args = args("justice", "Ministère de la Justice");
    import_found_into(
        dir.path(),
        "units.csv",
        justice,
        "out/justice",
        &justice_args,
    )
    .expect_code(0);
    let culture_args = args("culture-", "Ministère de la Culture");
    import_found_into(
        dir.path(),
        "units.csv",
        culture,
        "out/culture",
        &culture_args,
    )
    .expect_code(0);
    let file = |folder: &str| {
        let entries = std::fs::read_dir(dir.path().join("out").join(folder)).unwrap();
        let names: Vec<String> = entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names
    };
    assert_eq!(file("justice"), ["ministere-de-la-justice.json"]);
    assert_eq!(file("culture"), ["ministere-de-la-culture.json"]);
    // The two load together (`--org out/justice --org out/culture`), with no duplicate id,
    // organisation or source.
    let out = dir.path().join("out");
    let workspace = Loader::new()
        .path(out.join("justice"))
        .path(out.join("culture"))
        .load()
        .expect("no proposal to refuse");
    let problems: Vec<_> = workspace.diagnostics().collect();
    assert!(problems.is_empty(), "{problems:?}");
    let graph = workspace.structure.graph;
    let mut ids: Vec<&str> = graph.units().map(|(_, u)| u.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["culture-min", "culture-sg", "justice-min", "justice-sg"]
    );
    // Parents are prefixed alike: each `sg` is under its own ministry.
    let sg = graph.find_id("justice-sg").unwrap();
    let parent = graph.hierarchy().parent(sg).unwrap();
    assert_eq!(graph.unit(parent).id.as_str(), "justice-min");
    let names: Vec<&str> = graph
        .organisations()
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Ministère de la Justice", "Ministère de la Culture"]
    );
    // A prefix that would not make ids is refused before any row is read.
    let out =
        import_found(dir.path(), "bad.csv", justice, &["--id-prefix", "Justice"]).expect_code(2);
    assert!(
        out.stderr
            .contains("the id prefix \"Justice\" would not make ids")
            && out.stderr.contains("give a prefix such as justice"),
        "{}",
        out.stderr
    );
}

#[test]
fn headcounts_remits_vacancies_locations_and_sources_are_read_from_french_headers() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Identifiant;Parent;Libellé;Type;Effectif;Missions;Vacant;Localisation;Source;Statut\n\
               min;;Ministère;ministère;1 200;;;Paris;https://www.legifrance.gouv.fr/jorf/id/1;\n\
               sd;min;Sous-direction A;Sous-Direction;45;Piloter les achats;;Lyon;Décret n° 1;\n\
               sd-b;min;Sous-direction B;sous direction;;;non;;Décret n° 1;Dissoute\n\
               pole;sd;Pôle données;pôle;;;;;;en projet\n\
               chef;sd;Chef de la sous-direction;poste;;;oui;;;\n";
    import_found(dir.path(), "rh.csv", csv, &["--delimiter", ";"]).expect_code(0);
    let graph = load(&dir.path().join("out"));
    let unit = |id: &str| graph.unit(graph.find_id(id).unwrap());
    let kinds: Vec<&str> = ["min", "sd", "sd-b", "pole", "chef"]
        .iter()
        .map(|id| unit(id).kind.as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "ministry",
            "sub-directorate",
            "sub-directorate",
            "department",
            "post"
        ]
    );
    assert_eq!(unit("min").headcount.as_ref().map(|h| h.count), Some(1200));
    assert_eq!(unit("sd").headcount.as_ref().map(|h| h.count), Some(45));
    assert_eq!(unit("sd").remit.as_deref(), Some("Piloter les achats"));
    assert_eq!(unit("sd").location.as_deref(), Some("Lyon"));
    assert!(unit("chef").is_vacant());
    let statuses: Vec<Status> = ["min", "sd-b", "pole"]
        .iter()
        .map(|id| unit(id).status)
        .collect();
    assert_eq!(
        statuses,
        [Status::Active, Status::Dissolved, Status::Planned]
    );
    // "non" on a unit that is no post says what it is: nothing to record.
    assert!(unit("sd-b").vacant.is_none());
    // A URL is a source with that URL, a title a source with that title, each declared once
    // and cited by its units; a unit with none cites the CSV file's line.
    let cited = |id: &str| {
        let citation = unit(id).source.as_ref().unwrap();
        let source = graph.source(citation.source.as_str()).unwrap();
        (
            source.title.clone(),
            source.url.clone(),
            citation.locator.clone(),
        )
    };
    let law = "https://www.legifrance.gouv.fr/jorf/id/1".to_owned();
    assert_eq!(cited("min"), (law.clone(), Some(law), None));
    assert_eq!(cited("sd"), ("Décret n° 1".to_owned(), None, None));
    assert_eq!(cited("sd-b").0, "Décret n° 1");
    assert_eq!(
        cited("pole"),
        ("rh.csv".to_owned(), None, Some("line 5".to_owned()))
    );
}

#[test]
fn bad_cells_of_the_new_columns_are_located_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "id,parent,name,kind,headcount,vacant,tie,status\n\
               min,,Ministère,ministry,douze,,,\n\
               sd,min,Sous-direction,sous-directoin,,,,\n\
               b,min,Bureau,bureau,,oui,,\n\
               p,min,Poste,post,,peut-être,,\n\
               q,min,Poste Q,post,,,cooperation,\n\
               r,min,Poste R,post,,,ratachement,\n\
               s,min,Poste S,post,,,,fini\n";
    let out = import_found(dir.path(), "units.csv", csv, &[]).expect_code(2);
    insta::assert_snapshot!(out.stderr);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn further_rows_give_other_ties_and_their_mistakes_are_located() {
    let dir = tempfile::tempdir().unwrap();
    // The table of an HR person who added a line authority as a row of its own, and the tie
    // kinds in French.
    let csv = "id,parent,tie,name,kind\n\
               min,,,Ministère,ministry\n\
               sg,min,rattachement,Secrétariat général,secretariat-general\n\
               dir,min,,Direction,directorate\n\
               chef,dir,,Chef,post\n\
               chef,sg,Autorité hiérarchique,,\n\
               dir,sg,rattachement conjoint,,\n";
    let out = import_found(dir.path(), "units.csv", csv, &[]).expect_code(0);
    assert!(
        out.stdout
            .contains("5 ties (3 attachment, 1 line-authority, 1 joint-attachment)"),
        "{}",
        out.stdout
    );
    let graph = load(&dir.path().join("out"));
    let ties: Vec<String> = graph.ties().map(|(_, t)| t.to_string()).collect();
    assert!(
        ties.contains(&"`chef` is under the authority of `sg`".to_owned()),
        "{ties:?}"
    );
    assert!(
        ties.contains(&"`dir` is jointly attached to `sg`".to_owned()),
        "{ties:?}"
    );
    // A row with no name whose id has no named row, one with no parent, and one whose other
    // cells are filled (a warning: they are not read).
    let bad = "id,parent,tie,name,kind\n\
               min,,,Ministère,ministry\n\
               ghost,min,,,\n\
               min,,line-authority,,\n";
    let out = import_found_into(dir.path(), "bad.csv", bad, "bad", &[]).expect_code(2);
    assert!(
        out.stderr
            .contains("error: bad.csv:3:12: the name (name) is empty"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("error: bad.csv:4:5: this row of `min` has no name and no parent"),
        "{}",
        out.stderr
    );
    let filled = "id,parent,tie,name,kind\n\
                  min,,,Ministère,ministry\n\
                  sg,min,,SG,secretariat-general\n\
                  sg,min,line-authority,,bureau\n";
    let out = import_found_into(dir.path(), "filled.csv", filled, "filled", &[]).expect_code(0);
    assert!(
        out.stderr.contains(
            "warning: filled.csv:4:23: this row of `sg` has no name, so it only gives another tie of `sg`"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn the_govuk_import_goes_to_a_spreadsheet_and_back_with_every_hierarchical_tie() {
    let dir = tempfile::tempdir().unwrap();
    import_govuk(&dir.path().join("govuk")).expect_code(0);
    let csv = dir.path().join("govuk.csv");
    // Every date: the register's closed organisations are in no structure of today.
    organigram([
        "--org",
        "govuk",
        "export",
        "--all-dates",
        "--format",
        "csv",
        "-o",
        "govuk.csv",
    ])
    .in_dir(dir.path())
    .run()
    .expect_code(0);
    organigram(["import", "csv", "govuk.csv", "-o", "back"])
        .in_dir(dir.path())
        .run()
        .expect_code(0);
    assert!(csv.exists());
    let hierarchical = |graph: &OrgGraph| {
        let mut ties: Vec<String> = graph
            .ties()
            .filter(|(_, t)| t.kind.value.is_hierarchical())
            .map(|(_, t)| t.to_string())
            .collect();
        ties.sort();
        ties
    };
    let (before, after) = (
        load(&dir.path().join("govuk")),
        load(&dir.path().join("back")),
    );
    assert_eq!(before.unit_count(), after.unit_count());
    let joint = before
        .ties()
        .filter(|(_, t)| t.kind.value == TieKind::JointAttachment)
        .count();
    assert!(joint > 0);
    assert_eq!(hierarchical(&before), hierarchical(&after));
}

#[test]
fn a_file_of_many_bad_rows_shows_the_first_hundred_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id,parent,name,headcount\nmin,,Ministère,\n");
    for n in 0..150 {
        csv.push_str(&format!("b{n},min,Bureau {n},beaucoup\n"));
    }
    let out = import_found(dir.path(), "units.csv", &csv, &[]).expect_code(2);
    let errors = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: units.csv:"))
        .count();
    assert_eq!(errors, 100, "{}", out.stderr);
    assert!(
        out.stderr.contains("error: units.csv:102:"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("error: units.csv:103:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("… and 50 more, not shown\nerror: units.csv has 150 problems"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_header_without_an_id_column_names_the_option_in_each_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hr.csv"), "Matricule,parent,nom\na,,A\n").unwrap();
    let run = |lang: &str| {
        organigram(["--lang", lang, "import", "csv", "hr.csv", "-o", "out"])
            .in_dir(dir.path())
            .run()
            .expect_code(2)
            .stderr
    };
    insta::assert_snapshot!(format!("{}\n{}", run("en"), run("fr")));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn each_organisation_a_column_names_is_written_in_files_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "id,parent,name,organisation\n\
               min,,Ministère,justice\n\
               sg,min,Secrétariat général,justice\n\
               agence,,Agence,Agence nationale\n\
               lab,agence,Lab,Agence nationale\n\
               x,min,Sans organisation,\n";
    let out = import_found(dir.path(), "units.csv", csv, &[]).expect_code(0);
    assert!(out.stdout.contains("in 3 files"), "{}", out.stdout);
    let graph = load(&dir.path().join("out"));
    let organisation = |id: &str| {
        let unit = graph.unit(graph.find_id(id).unwrap());
        graph.organisations()[unit.organisation.0 as usize]
            .id
            .to_string()
    };
    let found: Vec<String> = ["min", "sg", "agence", "lab", "x"]
        .iter()
        .map(|id| organisation(id))
        .collect();
    // A unit with no organisation cell is in the file's.
    assert_eq!(
        found,
        [
            "justice",
            "justice",
            "agence-nationale",
            "agence-nationale",
            "units"
        ]
    );
    let justice = graph
        .organisations()
        .iter()
        .find(|o| o.id.as_str() == "justice")
        .unwrap();
    assert_eq!(justice.unit.as_ref().map(|u| u.as_str()), Some("min"));
    let bad = "id,parent,name,organisation\nmin,,Ministère,---\n";
    let out = import_found_into(dir.path(), "bad.csv", bad, "bad", &[]).expect_code(2);
    assert!(
        out.stderr
            .contains("error: bad.csv:2:16: the organisation \"---\" holds no letter or digit"),
        "{}",
        out.stderr
    );
}
