//! `fmt`: description and proposal files written again in the canonical form, what they mean
//! unchanged; only files whose bytes change are written, never through a link; `--check` writes
//! nothing and fails when a file is not canonical. The built-in description and its proposals are
//! kept canonical here, for CI.

use std::fs;
use std::path::Path;

use organigram::diff::diff;
use organigram::edit::{Shape, format};
use organigram::graph::OrgGraph;
use organigram::load::Limits;
use organigram::model::FileId;
use organigram::{Loader, Workspace};
use proptest::prelude::*;

use crate::strategies::proposal::{Model, plan};
use crate::strategies::sample;
use crate::support::{fixture, json_files, mkfifo, org_files, organigram, root};

/// A folder holding a copy of each of the fixtures `tests/fixtures/fmt/NAME`.
fn copies(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        fs::copy(
            root().join(fixture("fmt")).join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

fn fmt(dir: &Path, args: &[&str]) -> crate::support::Output {
    organigram(["fmt"]).args(args).in_dir(dir).run()
}

/// The structure of the whole timeline of `loader`'s description, which must read.
fn timeline(loader: Loader) -> Workspace {
    loader
        .whole_timeline()
        .load()
        .expect("no proposal to refuse")
}

/// Asserts that two structures are the same: no unit, tie or attribute differs.
fn assert_same(before: &OrgGraph, after: &OrgGraph) {
    let found = diff(before, after);
    assert!(
        found.is_empty(),
        "{} units changed, {} ties changed",
        found.units_changed.len(),
        found.ties_changed.len()
    );
}

#[test]
fn a_messy_file_is_written_in_the_canonical_form_which_means_the_same() {
    let dir = copies(&["messy.json"]);
    let path = dir.path().join("messy.json");
    let before = timeline(Loader::new().path(&path));
    let out = fmt(dir.path(), &["messy.json"]).success();
    assert_eq!(out, "formatted messy.json\n");
    let text = fs::read_to_string(&path).unwrap();
    insta::assert_snapshot!(text);
    let after = timeline(Loader::new().path(&path));
    assert_same(before.graph(), after.graph());
    // The same problems, at their new places.
    let codes = |w: &Workspace| {
        let mut codes: Vec<_> = w.diagnostics().map(|d| d.code).collect();
        codes.sort();
        codes
    };
    assert_eq!(codes(&before), codes(&after));
}

#[test]
fn a_canonical_file_is_left_alone_bytes_and_time() {
    let dir = copies(&["messy.json"]);
    fmt(dir.path(), &["."]).success();
    let path = dir.path().join("messy.json");
    let (text, modified) = (
        fs::read(&path).unwrap(),
        fs::metadata(&path).unwrap().modified().unwrap(),
    );
    // Twice changes nothing: no output, and the file is not even written again.
    assert_eq!(fmt(dir.path(), &["."]).success(), "");
    assert_eq!(fs::read(&path).unwrap(), text);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    fmt(dir.path(), &["--check", "messy.json"]).expect_code(0);
}

#[test]
fn check_lists_the_files_not_canonical_with_the_first_line_that_changes_and_writes_nothing() {
    let dir = copies(&["messy.json", "proposal.json"]);
    fs::write(
        dir.path().join("canonical.json"),
        "{\n  \"organisation\": {\n    \"id\": \"c\",\n    \"name\": \"C\"\n  }\n}\n",
    )
    .unwrap();
    let texts = || {
        ["messy.json", "proposal.json", "canonical.json"]
            .map(|name| fs::read(dir.path().join(name)).unwrap())
    };
    let before = texts();
    let out = fmt(dir.path(), &["--check", "."]).expect_code(1);
    assert_eq!(
        out.stdout,
        "./messy.json is not in canonical form; line 1 would change:\n  - {\"ties\": [\n  + {\n\
         ./proposal.json is not in canonical form; line 1 would change:\n  - {\"changes\": [{\"source\": {\"ref\": \"note\"}, \"reason\": \"Essais\", \"add-unit\": {\"kind\": \"bureau\", \"name\": \"Bureau B\", \"id\": \"bureau-b\"}, \"organisation\": \"exemple\"},\n  + {\n"
    );
    assert_eq!(
        out.stderr,
        "2 files are not in canonical form: `organigram fmt` rewrites them so\n"
    );
    assert_eq!(texts(), before);
    let out = organigram(["--lang", "fr", "fmt", "--check", "messy.json"])
        .in_dir(dir.path())
        .run()
        .expect_code(1);
    assert!(
        out.stdout.starts_with(
            "messy.json n’est pas sous forme canonique\u{a0}; la ligne 1 changerait\u{a0}:"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn a_missing_final_newline_is_shown_as_the_end_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\n  \"organisation\": {\n    \"id\": \"c\",\n    \"name\": \"C\"\n  }\n}";
    fs::write(dir.path().join("c.json"), text).unwrap();
    let out = fmt(dir.path(), &["--check", "c.json"]).expect_code(1);
    assert_eq!(
        out.stdout,
        "c.json is not in canonical form; line 7 would change:\n  - (end of file)\n  + \n"
    );
}

#[test]
fn a_proposal_is_formatted_as_a_proposal_and_applies_as_before() {
    let dir = copies(&["messy.json", "proposal.json"]);
    let proposed = |dir: &Path| {
        timeline(
            Loader::new()
                .path(dir.join("messy.json"))
                .proposal(dir.join("proposal.json")),
        )
    };
    let before = proposed(dir.path());
    fmt(dir.path(), &["proposal.json"]).success();
    let text = fs::read_to_string(dir.path().join("proposal.json")).unwrap();
    insta::assert_snapshot!(text);
    assert_same(before.graph(), proposed(dir.path()).graph());
}

#[test]
fn a_file_that_does_not_read_is_located_left_alone_and_the_others_are_formatted() {
    let dir = copies(&["messy.json"]);
    let broken = "{\n  \"organisation\": {\"id\": \"b\", \"name\": \"B\"},\n  \"units\": [{\"id\": \"x\", \"nme\": \"X\", \"kind\": \"bureau\"}]\n}\n";
    fs::write(dir.path().join("broken.json"), broken).unwrap();
    let out = fmt(dir.path(), &["."]).expect_code(2);
    assert_eq!(out.stdout, "formatted ./messy.json\n");
    assert!(
        out.stderr.contains("error[unknown-field]") && out.stderr.contains("./broken.json:3:25"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `name`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .ends_with("1 file was left as it was, for the reasons above\n"),
        "{}",
        out.stderr
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("broken.json")).unwrap(),
        broken
    );
}

#[cfg(unix)]
#[test]
fn links_pipes_and_folders_are_never_written_through() {
    let outside = tempfile::tempdir().unwrap();
    let dir = copies(&["messy.json"]);
    let messy = fs::read(dir.path().join("messy.json")).unwrap();
    // A link to a file of its own folder is read, but not written through.
    std::os::unix::fs::symlink("messy.json", dir.path().join("link.json")).unwrap();
    let out = fmt(dir.path(), &["link.json"]).expect_code(2);
    assert!(
        out.stderr
            .contains("cannot write link.json: it is a symbolic link"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read(dir.path().join("messy.json")).unwrap(), messy);
    // A link that leaves the folder is not even read.
    fs::write(outside.path().join("secret.json"), &messy).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.json"),
        dir.path().join("away.json"),
    )
    .unwrap();
    fmt(dir.path(), &["away.json"]).expect_code(2);
    assert_eq!(fs::read(outside.path().join("secret.json")).unwrap(), messy);
    // A named pipe is refused without waiting for a writer.
    mkfifo(&dir.path().join("pipe.json"));
    let out = fmt(dir.path(), &["pipe.json"]).expect_code(2);
    assert!(out.stderr.contains("named pipe"), "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn a_file_written_again_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = copies(&["messy.json"]);
    let path = dir.path().join("messy.json");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    fmt(dir.path(), &["messy.json"]).success();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn without_paths_fmt_formats_the_description_read_and_its_proposal() {
    let dir = copies(&["messy.json", "proposal.json"]);
    fs::create_dir(dir.path().join("org")).unwrap();
    fs::rename(
        dir.path().join("messy.json"),
        dir.path().join("org/messy.json"),
    )
    .unwrap();
    let out = fmt(dir.path(), &["--proposal", "proposal.json"]).success();
    assert_eq!(out, "formatted org/messy.json\nformatted proposal.json\n");
    let out = organigram(["--org", "org", "fmt", "--check"])
        .in_dir(dir.path())
        .run();
    out.expect_code(0);
}

#[test]
fn standard_input_is_formatted_to_standard_output() {
    let messy = fs::read(root().join(fixture("fmt/messy.json"))).unwrap();
    let formatted = organigram(["fmt", "-"]).run_with_stdin(&messy).success();
    let again = organigram(["fmt", "-"])
        .run_with_stdin(formatted.as_bytes())
        .success();
    assert_eq!(again, formatted);
    assert!(formatted.starts_with("{\n  \"$schema\""), "{formatted}");
    organigram(["fmt", "--check", "-"])
        .run_with_stdin(formatted.as_bytes())
        .expect_code(0);
    let out = organigram(["fmt", "--check", "-"])
        .run_with_stdin(&messy)
        .expect_code(1);
    assert!(
        out.stdout
            .starts_with("<stdin> is not in canonical form; line 1 would change:"),
        "{}",
        out.stdout
    );
    let out = organigram(["fmt", "-"])
        .run_with_stdin(b"{\"organisation\": {\"id\": \"o\"}}")
        .expect_code(2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("error[missing-field]") && out.stderr.contains("<stdin>:1:18"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_built_in_description_and_standard_input_are_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = fmt(dir.path(), &[]).expect_code(2);
    assert_eq!(
        out.stderr,
        "error: there is no ./org folder here, and the description built into organigram cannot be rewritten: name files or folders to format, or a description with --org\n"
    );
    let out = organigram(["--org", "-", "fmt"]).run().expect_code(2);
    assert!(out.stderr.contains("not standard input"), "{}", out.stderr);
    let out = organigram(["--org", "org", "fmt", "org"])
        .run()
        .expect_code(2);
    assert!(
        out.stderr.contains("--org does not apply to `fmt`"),
        "{}",
        out.stderr
    );
}

/// The CI guard: the built-in description and its proposals are in canonical form.
#[test]
fn the_built_in_description_and_its_proposals_are_canonical() {
    let out = organigram(["fmt", "--check", "org", "org/proposals"]).run();
    assert_eq!(out.stdout, "", "run `organigram fmt org org/proposals`");
    out.expect_code(0);
}

/// A text of a description or proposal file written otherwise than the canonical form: its
/// fields in the reverse order, on one line, with the French names of kinds.
fn messy(text: &str) -> String {
    fn reversed(value: serde_json::Value) -> serde_json::Value {
        match value {
            serde_json::Value::Object(map) => {
                let mut entries: Vec<_> = map.into_iter().collect();
                entries.reverse();
                let mut out = serde_json::Map::new();
                for (key, value) in entries {
                    let value = match (key.as_str(), value) {
                        ("kind", serde_json::Value::String(kind)) => {
                            serde_json::Value::String(french(&kind))
                        }
                        (_, value) => reversed(value),
                    };
                    out.insert(key, value);
                }
                serde_json::Value::Object(out)
            }
            serde_json::Value::Array(items) => {
                serde_json::Value::Array(items.into_iter().map(reversed).collect())
            }
            other => other,
        }
    }
    fn french(kind: &str) -> String {
        use organigram::model::{TieKind, UnitKind};
        UnitKind::ALL
            .iter()
            .find(|k| k.as_str() == kind)
            .map(|k| k.french_name())
            .or_else(|| {
                TieKind::ALL
                    .iter()
                    .find(|k| k.as_str() == kind)
                    .map(|k| k.french_name())
            })
            .unwrap_or(kind)
            .to_owned()
    }
    reversed(serde_json::from_str(text).unwrap()).to_string()
}

/// The built-in description and its proposals, written otherwise, format back to their bytes:
/// what they mean is all the canonical form keeps.
#[test]
fn the_built_in_files_written_otherwise_format_back_to_their_bytes() {
    let mut files = org_files();
    files.extend(json_files(&root().join("org/proposals")));
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        let written = messy(&text);
        assert_ne!(written, text);
        let formatted = format(FileId(0), &written, Limits::default()).unwrap();
        assert_eq!(formatted.text, text, "{}", path.display());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Any generated description, written otherwise, formats to the very bytes organigram
    /// writes, which format to themselves, and means what it meant.
    #[test]
    fn formatting_a_generated_description_is_lossless_and_idempotent(sample in sample(20)) {
        let limits = Limits::default();
        for file in sample.files() {
            let canonical = file.to_json().unwrap();
            let written = messy(&canonical);
            let formatted = format(FileId(0), &written, limits).unwrap();
            prop_assert_eq!(formatted.shape, Shape::Description);
            prop_assert_eq!(&formatted.text, &canonical);
            prop_assert_eq!(format(FileId(0), &canonical, limits).unwrap().text, canonical);
            let read = |text: &str| timeline(Loader::new().text(file.name.as_str(), text));
            assert_same(read(&written).graph(), read(&formatted.text).graph());
        }
    }

    /// A generated proposal, formatted, makes the same structure.
    #[test]
    fn formatting_a_generated_proposal_is_lossless(sample in sample(15), plan in plan(6)) {
        let loaded = sample.load();
        let (text, _) = Model::new(&loaded.description).propose(&plan);
        let written = messy(&text);
        let formatted = format(FileId(0), &written, Limits::default()).unwrap();
        prop_assert_eq!(formatted.shape, Shape::Proposal);
        let proposed = |proposal: &str| {
            let files = sample.files();
            files
                .iter()
                .fold(Loader::new(), |loader, file| {
                    loader.text(file.name.as_str(), file.to_json().unwrap())
                })
                .proposal_text("proposal.json", proposal)
                .whole_timeline()
                .load()
                .unwrap_or_else(|refused| panic!("{:?}", refused.diagnostics))
        };
        assert_same(proposed(&written).graph(), proposed(&formatted.text).graph());
        prop_assert_eq!(
            format(FileId(0), &formatted.text, Limits::default()).unwrap().text,
            formatted.text
        );
    }
}
