//! What a run reads, through the real binary: a description cannot make organigram show a file
//! nobody named, the default description is the one it says, each file is read once, and an
//! option a command would ignore is refused.

use std::fs;
use std::os::unix::fs::symlink;

use crate::support::{Output, organigram, root};

/// A one-unit description file's text.
fn one_unit(id: &str) -> String {
    format!(
        r#"{{"organisation": {{"id": "o-{id}", "name": "O"}},
            "units": [{{"id": "{id}", "name": "Unit {id}", "kind": "ministry", "boundary": "top"}}]}}"#
    )
}

/// Asserts a refusal: exit 2, nothing on standard output, and `said` in the message.
fn refused(out: Output, said: &str) -> Output {
    let out = out.expect_code(2);
    assert!(out.stdout.is_empty(), "{}", out.transcript());
    assert!(out.stderr.contains(said), "{}", out.transcript());
    out
}

/// Asserts that `check` found unreadable input: exit 2, and `said` in its report, on standard
/// output as `check` prints it.
fn unreadable(out: Output, said: &str) -> Output {
    let out = out.expect_code(2);
    assert!(out.stdout.contains(said), "{}", out.transcript());
    out
}

#[test]
fn a_link_that_leaves_the_folder_is_not_followed_and_nothing_of_its_file_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let org = dir.path().join("d");
    fs::create_dir(&org).unwrap();
    fs::write(org.join("a.json"), one_unit("a")).unwrap();
    symlink("/proc/self/environ", org.join("x.json")).unwrap();
    let out = unreadable(
        organigram(["--org"]).arg(&org).args(["check"]).run(),
        "is a symbolic link to /proc/",
    );
    assert!(out.stdout.contains("outside its folder"), "{}", out.stdout);
    assert!(!out.stdout.contains("PATH=") && !out.stderr.contains("PATH="));

    // A file outside with secrets in it, whatever it holds, linked from the folder.
    let secret = dir.path().join("secret.json");
    fs::write(&secret, "{\"SECRET\": \"do-not-show\"}\n").unwrap();
    fs::remove_file(org.join("x.json")).unwrap();
    symlink(&secret, org.join("x.json")).unwrap();
    let out = refused(
        organigram(["--org"]).arg(&org).args(["show", "a"]).run(),
        "outside its folder",
    );
    assert!(!out.stderr.contains("do-not-show"), "{}", out.stderr);

    // A proposal that is such a link.
    let proposal = org.join("proposal.json");
    symlink("/proc/self/environ", &proposal).unwrap();
    fs::remove_file(org.join("x.json")).unwrap();
    let out = refused(
        organigram(["--org"])
            .arg(org.join("a.json"))
            .arg("--proposal")
            .arg(&proposal)
            .args(["show", "a"])
            .run(),
        "outside its folder",
    );
    assert!(!out.stderr.contains("PATH="), "{}", out.stderr);
}

#[test]
fn links_within_the_folder_are_followed_and_others_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let org = dir.path().join("d");
    fs::create_dir_all(org.join("parts")).unwrap();
    fs::write(org.join("parts/a.json"), one_unit("a")).unwrap();
    symlink("parts/a.json", org.join("a.json")).unwrap();
    let outside = dir.path().join("b.json");
    fs::write(&outside, one_unit("b")).unwrap();
    symlink(&outside, org.join("b.json")).unwrap();
    refused(
        organigram(["--org"]).arg(&org).args(["show", "b"]).run(),
        "outside its folder",
    );
    let out = organigram(["--follow-links", "--org"])
        .arg(&org)
        .args(["show", "b"])
        .run()
        .success();
    assert!(out.starts_with("Unit b [b]"), "{out}");
    organigram(["--follow-links", "--org"])
        .arg(&org)
        .args(["show", "a"])
        .run()
        .success();
}

#[test]
fn a_file_that_is_not_a_description_is_named_without_its_bytes() {
    let out = unreadable(
        organigram(["--org", "/proc/self/environ", "check"]).run(),
        "/proc/self/environ is not a description file",
    );
    assert!(!out.stdout.contains("PATH="), "{}", out.stdout);
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.json");
    fs::write(&text, "password: hunter2\n").unwrap();
    let out = refused(
        organigram(["--org"]).arg(&text).args(["show", "a"]).run(),
        "is not a description file",
    );
    assert!(!out.stderr.contains("hunter2"), "{}", out.stderr);
}

#[test]
fn the_default_description_is_said_and_a_broken_org_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    // No ./org: the built-in description, and a note saying so.
    let out = organigram(["show", "dne"]).in_dir(dir.path()).run();
    let out = out.expect_code(0);
    assert!(
        out.stderr
            .contains("there is no ./org folder here, so this is the description built into"),
        "{}",
        out.stderr
    );
    // ./org a file, then a link that leads nowhere: errors, not another description.
    fs::write(dir.path().join("org"), "").unwrap();
    refused(
        organigram(["show", "dne"]).in_dir(dir.path()).run(),
        "./org, the default description, is not a folder",
    );
    fs::remove_file(dir.path().join("org")).unwrap();
    symlink("nowhere", dir.path().join("org")).unwrap();
    refused(
        organigram(["show", "dne"]).in_dir(dir.path()).run(),
        "is a symbolic link that leads nowhere",
    );
    // ./org a folder: read, with no note.
    let out = organigram(["show", "dne"]).run().expect_code(0);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
}

#[test]
fn a_file_named_twice_is_read_once() {
    let org = root().join("org");
    let once = organigram(["--org"]).arg(&org).arg("check").run();
    let twice = organigram(["--org"])
        .arg(&org)
        .arg("--org")
        .arg(&org)
        .arg("check")
        .run();
    assert_eq!(twice.code, once.code, "{}", twice.transcript());
    assert_eq!(twice.stdout, once.stdout);
    assert!(!twice.stdout.contains("duplicate-id"), "{}", twice.stdout);
    // A folder and one of its files, named another way.
    let file = org.join("../org/justice.json");
    let out = organigram(["--org"])
        .arg(&org)
        .arg("--org")
        .arg(&file)
        .arg("check")
        .run();
    assert_eq!(out.stdout, once.stdout, "{}", out.transcript());
}

#[test]
fn an_option_a_command_would_ignore_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (args, said) in [
        (
            &[
                "generate",
                "--units",
                "3",
                "-o",
                "g",
                "--proposal",
                "missing.json",
            ][..],
            "--proposal does not apply to `generate`",
        ),
        (
            &["schema", "--org", "org"][..],
            "--org does not apply to `schema`",
        ),
        (
            &["completions", "bash", "--max-depth", "9"][..],
            "--max-depth does not apply to `completions`",
        ),
        (
            &[
                "import", "csv", "x.csv", "--id", "i", "--parent", "p", "--name", "n", "-o", "o",
                "--org", "org",
            ][..],
            "--org does not apply to `import`",
        ),
        (
            &["diff", "a", "b", "--org", "org"][..],
            "--org does not apply to `diff`",
        ),
    ] {
        refused(organigram(args).in_dir(dir.path()).run(), said);
    }
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing is written"
    );
    // What applies is taken: import reads its file within --max-file-size.
    fs::write(dir.path().join("x.csv"), "i,p,n\na,,A\n").unwrap();
    let out = organigram([
        "--max-file-size",
        "5",
        "import",
        "csv",
        "x.csv",
        "--id",
        "i",
        "--parent",
        "p",
        "--name",
        "n",
        "-o",
        "o",
    ])
    .in_dir(dir.path())
    .run();
    refused(out, "larger than the limit of 5 bytes");
}

/// What a run prints on a terminal (`script` gives it one), with `TERM` set to `term`.
fn on_a_terminal(args: &str, term: &str) -> String {
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_organigram"));
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(root())
        .env("TERM", term)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_dumb_terminal_gets_no_colour() {
    let args = "--org tests/fixtures/check/orphan-unit.json check";
    let coloured = on_a_terminal(args, "xterm-256color");
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let dumb = on_a_terminal(args, "dumb");
    assert!(!dumb.contains("\u{1b}["), "{dumb}");
    assert!(dumb.contains("error[orphan-unit]"), "{dumb}");
}
