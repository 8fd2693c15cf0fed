//! `organigram man`: the manual pages from the command line's own definitions, printed or
//! written one per command into a folder, all or none.

use std::fs;

use crate::support::organigram;

/// The commands `organigram --help` lists, but `help`.
fn commands() -> Vec<String> {
    let help = organigram(["--help"]).run().success();
    help.lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        // A command's line starts two spaces in; the lines its help wraps onto, further.
        .filter(|line| !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn man_prints_the_main_page_in_roff() {
    let page = organigram(["man"]).run().success();
    assert!(page.contains(".TH organigram 1"), "{page}");
    assert!(
        page.contains(".SH NAME\norganigram \\- Model the governance"),
        "{page}"
    );
    // Every command is named in it, with its one-line help.
    for command in commands() {
        assert!(
            page.contains(&format!("organigram\\-{command}")),
            "{command}"
        );
    }
}

#[test]
fn man_writes_a_page_for_every_command_and_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = organigram(["man", "-o"]).arg(dir.path()).run().success();
    assert!(out.starts_with("wrote "), "{out}");
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|c| format!("organigram-{c}.1"))
        .collect();
    expected.extend(
        [
            "organigram.1",
            "organigram-import-csv.1",
            "organigram-import-govuk.1",
            "organigram-new-tie.1",
            "organigram-new-unit.1",
        ]
        .map(String::from),
    );
    expected.sort();
    let mut written: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    written.sort();
    assert_eq!(written, expected);
    let check = fs::read_to_string(dir.path().join("organigram-check.1")).unwrap();
    assert!(check.contains(".TH organigram-check 1"), "{check}");
    assert!(check.contains("\\-\\-explain"), "{check}");
}

#[test]
fn man_writes_nothing_where_a_file_stands_for_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pages");
    fs::write(&file, "kept").unwrap();
    let out = organigram(["man", "-o"]).arg(&file).run().expect_code(2);
    assert!(out.stdout.is_empty(), "{}", out.transcript());
    assert_eq!(fs::read_to_string(&file).unwrap(), "kept");
}
