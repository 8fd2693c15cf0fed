//! Hostile input, through the real binary: files made to break a reader (bad bytes, NUL, control
//! characters, duplicate keys, numbers no value holds, nesting, fifty megabytes on one line),
//! paths that are not files (a named pipe, a device, a symbolic link loop, a path under a file),
//! a file rewritten while it is read, and runs interrupted while they write.
//!
//! What every case must show: exit 2 with a message that names the file and, where the problem
//! has a place, its line and column, what is wrong and a hint; never a panic; never an output
//! file written in part, nor a temporary left behind. The corpus is `tests/fixtures/hostile/`,
//! each file's transcript a snapshot; what cannot be committed (fifty megabytes, pipes, links,
//! races) is made at test time.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::support;
use crate::support::{IMPORT_UNITS_CSV, Output, fixture, mkfifo, organigram, root};

/// The corpus of files committed, each a description or a folder.
fn corpus() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(root().join(fixture("hostile")))
        .unwrap()
        .map(|e| fixture("hostile").join(e.unwrap().file_name()))
        .collect();
    paths.sort();
    paths
}

/// The one file of the corpus that must load: a byte-order mark is not an error.
const ACCEPTED: &str = "byte-order-mark.json";

/// Asserts what holds of every run, whatever its input: an exit code of 0, 1 or 2 (not a
/// signal, which `Output` refuses), and no panic.
fn sane(out: Output) -> Output {
    assert!(
        matches!(out.code, 0..=2) && !out.stderr.contains("panicked"),
        "{}",
        out.transcript()
    );
    out
}

/// Asserts an input error: exit 2, nothing on standard output, and an error message that names
/// `file`.
fn refused(out: Output, file: &str) -> Output {
    let out = sane(out).expect_code(2);
    assert!(out.stdout.is_empty(), "{}", out.transcript());
    assert!(
        out.stderr.starts_with("error") && out.stderr.contains(file),
        "the message does not name {file}:\n{}",
        out.transcript()
    );
    out
}

/// The files and folders in `dir`, hidden ones included, by name.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Every file under `dir` with its bytes, by name (the folders written are flat).
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    entries(dir)
        .into_iter()
        .map(|name| {
            let bytes = fs::read(dir.join(&name)).unwrap();
            (name, bytes)
        })
        .collect()
}

/// A temporary folder replaced by `[DIR]` in a transcript, for snapshots.
fn transcript(out: &Output, dir: &Path) -> String {
    out.transcript()
        .replace(&dir.display().to_string(), "[DIR]")
}

#[test]
fn every_hostile_file_gets_exit_2_and_a_located_message() {
    let corpus = corpus();
    assert!(corpus.len() > 15, "{corpus:?}");
    for path in corpus {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let out = sane(
            organigram([
                "--org".as_ref(),
                path.as_os_str(),
                "show".as_ref(),
                "a".as_ref(),
                "--strict".as_ref(),
            ])
            .run(),
        );
        if name == ACCEPTED {
            out.expect_code(0);
            continue;
        }
        let out = refused(out, &path.display().to_string());
        // A file that is no description is named, and none of its bytes is shown.
        let not_a_description = matches!(
            name.as_str(),
            "empty.json" | "whitespace-only.json" | "not-a-description.json" | "binary.json"
        );
        if not_a_description {
            assert!(
                out.stderr.contains("is not a description file"),
                "{name}:\n{}",
                out.stderr
            );
            for shown in ["do-not-show-this", "PATH=", "PNG", "IHDR"] {
                assert!(
                    !out.stderr.contains(shown),
                    "{name} shows {shown}:\n{}",
                    out.stderr
                );
            }
        }
        // A problem with a place gives its line and column (an empty folder has none).
        if path.is_file() && !not_a_description {
            let located = format!("{}:", path.display());
            let at = out
                .stderr
                .find(&located)
                .map(|at| &out.stderr[at + located.len()..]);
            assert!(
                at.is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit())),
                "{name} is not located:\n{}",
                out.stderr
            );
        }
        insta::assert_snapshot!(format!("corpus-{name}"), out.stderr);
    }
}

#[test]
fn hostile_input_writes_no_output_file() {
    for path in corpus() {
        if path.ends_with(ACCEPTED) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let writes: [&[&str]; 4] = [
            &["render", "-o", "chart.svg", "--strict"],
            &["render", "--format", "dot", "-o", "chart.dot", "--strict"],
            &["render", "--all", "-o", "charts", "--strict"],
            &[
                "export",
                "--format",
                "graphml",
                "-o",
                "org.graphml",
                "--strict",
            ],
        ];
        for args in writes {
            let out = organigram(["--org".as_ref(), root().join(&path).as_os_str()])
                .args(args)
                .in_dir(dir.path())
                .run();
            refused(out, path.file_name().unwrap().to_str().unwrap());
            assert_eq!(
                entries(dir.path()),
                Vec::<String>::new(),
                "{path:?} {args:?}"
            );
        }
    }
}

/// `units.csv` with the rows given, in a new folder; the import writes into `out` there.
fn import_csv(rows: &[u8]) -> (tempfile::TempDir, Output) {
    let dir = tempfile::tempdir().unwrap();
    let mut csv = b"code,parent,label\n".to_vec();
    csv.extend_from_slice(rows);
    fs::write(dir.path().join("units.csv"), csv).unwrap();
    let out = organigram(IMPORT_UNITS_CSV).in_dir(dir.path()).run();
    (dir, out)
}

#[test]
fn a_hostile_import_writes_nothing() {
    for (rows, what) in [
        (
            &b"a,,A\0B\n"[..],
            "the cell label holds the control character U+0000",
        ),
        (
            b"a,,\x1b[2JA\n",
            "the cell label holds the control character U+001B",
        ),
        (b"a,,Caf\xe9\n", "the file is not UTF-8 text"),
        (
            b"a,,A\nb,a\n",
            "this row has 2 cells where the header has 3",
        ),
    ] {
        let (dir, out) = import_csv(rows);
        let out = refused(out, "units.csv");
        assert!(out.stderr.contains(what), "{}", out.transcript());
        assert_eq!(entries(dir.path()), ["units.csv"]);
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("register.json"), "[{\"title\": \"x\"").unwrap();
    let out = organigram(["import", "govuk", "register.json", "-o", "out"])
        .in_dir(dir.path())
        .run();
    refused(out, "register.json");
    assert_eq!(entries(dir.path()), ["register.json"]);
}

/// A description whose one unit has `id` as its id and `name` as its name, on line 4.
fn one_unit(id: &str, name: &str) -> String {
    format!(
        "{{\n  \"organisation\": {{ \"id\": \"org\", \"name\": \"Organisation\" }},\n  \"units\": [\n    {{ \"id\": \"{id}\", \"name\": \"{name}\", \"kind\": \"ministry\", \"boundary\": \"top\" }}\n  ]\n}}\n"
    )
}

#[test]
fn fifty_megabytes_on_one_line_give_a_message_of_a_few_lines() {
    const MEGABYTES_50: usize = 50 * 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let long = "a".repeat(MEGABYTES_50);
    // An id fifty megabytes long, with an upper-case letter at its end.
    fs::write(
        dir.path().join("id.json"),
        one_unit(&format!("{long}X"), "A"),
    )
    .unwrap();
    // A string opened and never closed.
    let open = format!("{{\n  \"organisation\": {{ \"id\": \"org\", \"name\": \"{long}");
    fs::write(dir.path().join("open.json"), open).unwrap();
    for (file, message, at) in [
        ("id.json", "invalid unit id \"aaaa", "id.json:4:13"),
        ("open.json", "this string is never closed", "open.json:2:42"),
    ] {
        let out = organigram(["--org", file, "show", "a", "--strict"])
            .in_dir(dir.path())
            .run();
        let out = refused(out, at);
        assert!(out.stderr.contains(message), "{}", out.stderr);
        assert!(
            out.stderr
                .contains("characters long; only the part around the problem is shown")
        );
        assert!(
            out.stderr.len() < 4096,
            "{} bytes:\n{}",
            out.stderr.len(),
            out.stderr
        );
    }
}

#[test]
fn nesting_past_what_the_stack_holds_is_read_without_overflowing_it() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 1_000_000;
    let note = "[".repeat(depth) + &"]".repeat(depth);
    let text = one_unit("a", "A").replace(
        "\"boundary\": \"top\"",
        &format!("\"boundary\": \"top\", \"note\": {note}"),
    );
    fs::write(dir.path().join("deep.json"), text).unwrap();
    let out = organigram(["--org", "deep.json", "show", "a"])
        .in_dir(dir.path())
        .run();
    let out = refused(out, "deep.json:4:");
    assert!(out.stderr.contains("nesting deeper than 128 levels"));
    assert!(out.stderr.contains("raise the limit with --max-depth"));
    // Raised past the nesting, the limit lets the reader through, which skips the note it cannot
    // read, level by level on the heap, not the stack.
    let out = organigram([
        "--org",
        "deep.json",
        "--max-depth",
        "2000000",
        "show",
        "a",
        "--strict",
    ])
    .in_dir(dir.path())
    .run();
    let out = refused(out, "deep.json:4:");
    assert!(
        out.stderr.contains("expected a text, found a list"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn symbolic_link_loops_and_broken_links_are_reported() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    symlink("loop", dir.path().join("loop")).unwrap();
    let out = organigram(["--org", "loop", "show", "a"])
        .in_dir(dir.path())
        .run();
    let out = refused(out, "cannot read loop:");
    assert!(
        out.stderr
            .contains("a symbolic link on the way leads back to itself")
    );

    let folder = dir.path().join("org");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("a.json"), one_unit("a", "A")).unwrap();
    symlink("b.json", folder.join("b.json")).unwrap();
    symlink("nowhere.json", folder.join("c.json")).unwrap();
    let out = organigram(["--org", "org", "show", "a"])
        .in_dir(dir.path())
        .run();
    let out = refused(out, "cannot read org/b.json:");
    assert!(
        out.stderr.contains("cannot read org/c.json:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("the description has 2 errors"),
        "{}",
        out.stderr
    );
}

/// Runs `args` in `dir` and waits for it at most ten seconds: a run that blocks fails the test.
fn run_within_seconds(dir: &Path, args: &[&str]) -> Output {
    let mut child = organigram(args).in_dir(dir).spawn();
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("organigram {args:?} still runs after ten seconds");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    Output {
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        code: output.status.code().expect("an exit code, not a signal"),
    }
}

/// Organigram reads regular files only: a named pipe with no writer would block a read forever,
/// a device never end. Both are refused at once, whoever names them.
#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("org")).unwrap();
    fs::write(dir.path().join("org/a.json"), one_unit("a", "A")).unwrap();
    for pipe in ["pipe.json", "org/pipe.json", "pipe.csv"] {
        mkfifo(&dir.path().join(pipe));
    }
    let runs: [(&[&str], &str); 5] = [
        (&["--org", "pipe.json", "show", "a"], "pipe.json"),
        (&["--org", "org", "show", "a"], "org/pipe.json"),
        (
            &[
                "--org",
                "org/a.json",
                "--proposal",
                "pipe.json",
                "show",
                "a",
            ],
            "pipe.json",
        ),
        (
            &[
                "import", "csv", "pipe.csv", "--id", "i", "--parent", "p", "--name", "n", "-o",
                "out",
            ],
            "pipe.csv",
        ),
        (&["--org", "/dev/zero", "show", "a"], "/dev/zero"),
    ];
    for (args, file) in runs {
        let out = refused(run_within_seconds(dir.path(), args), file);
        assert!(
            out.stderr.contains(&format!(
                "cannot read {file}: it is a named pipe, not a regular file"
            )) || out.stderr.contains(&format!(
                "cannot read {file}: it is a device, not a regular file"
            )),
            "{}",
            out.transcript()
        );
    }
    assert_eq!(entries(dir.path()), ["org", "pipe.csv", "pipe.json"]);
    let out = run_within_seconds(dir.path(), &["--org", "pipe.json", "show", "a"]);
    insta::assert_snapshot!("named-pipe", transcript(&out, dir.path()));
}

#[test]
fn a_path_under_a_file_is_an_input_error() {
    let under = fixture("hostile").join(ACCEPTED).join("org.json");
    let out = organigram([
        "--org".as_ref(),
        under.as_os_str(),
        "show".as_ref(),
        "a".as_ref(),
    ])
    .run();
    refused(out, &under.display().to_string());
}

/// A file rewritten in a loop while the binary reads it, again and again: between two versions
/// that differ in one byte (a read torn between them is one of them), the first half of one
/// (a prefix of a description is never one), and nothing. Each run reads the file once, into
/// memory, so what it prints is what one of the versions gives, or a located error.
#[test]
fn a_file_rewritten_while_it_is_read_is_read_as_one_snapshot() {
    /// Stops the writer however the runs end: a failed assertion must fail the test, not leave
    /// the writer looping and the test hanging.
    struct Stop<'a>(&'a AtomicBool);
    impl Drop for Stop<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("org.json");
    let first = one_unit("a", "Alpha");
    let second = one_unit("a", "Alphb");
    let versions = [
        first.clone(),
        second.clone(),
        first[..first.len() / 2].to_owned(),
        String::new(),
    ];
    let show = |dir: &Path| {
        organigram(["--org", "org.json", "show", "a"])
            .in_dir(dir)
            .run()
    };
    let mut whole = Vec::new();
    for text in [&first, &second] {
        fs::write(&path, text).unwrap();
        whole.push(show(dir.path()).success());
    }
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for text in versions.iter().cycle() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                // Rewritten in place: truncated, then written.
                fs::write(&path, text).unwrap();
            }
        });
        let _stop = Stop(&stop);
        for _ in 0..40 {
            let out = sane(show(dir.path()));
            if out.code == 0 {
                assert!(whole.contains(&out.stdout), "{}", out.transcript());
            } else {
                // A located error in the half file; none in the empty one, which has no place.
                refused(out, "org.json");
            }
        }
    });
}

#[test]
fn ids_cannot_lead_output_out_of_the_folder() {
    // Organisation ids are slugs: `../evil` is refused where it is written, before any output.
    let path = root().join(fixture("hostile/organisation-id-leaves-the-folder.json"));
    let parent = tempfile::tempdir().unwrap();
    let out = organigram(["--org".as_ref(), path.as_os_str()])
        .args(["render", "--all", "-o", "out/charts", "--strict"])
        .in_dir(parent.path())
        .run();
    let out = refused(out, "organisation-id-leaves-the-folder.json:2:");
    assert!(
        out.stderr.contains("invalid organisation id \"../evil\""),
        "{}",
        out.stderr
    );
    assert_eq!(entries(parent.path()), Vec::<String>::new());

    // A GOV.UK slug that is a path is made a slug, with a warning, and its unit written in the
    // folder (in the file of organisations with neither parent nor child).
    let register = r#"[{"title": "Evil", "format": "Ministerial department",
        "details": {"slug": "../../evil", "abbreviation": null, "govuk_status": "live"}}]"#;
    fs::write(parent.path().join("register.json"), register).unwrap();
    let out = organigram([
        "import",
        "govuk",
        "register.json",
        "--date",
        "2026-01-01",
        "-o",
        "out/gov",
    ])
    .in_dir(parent.path())
    .run();
    let out = sane(out).expect_code(0);
    assert!(
        out.stderr
            .contains("the slug \"../../evil\" of \"Evil\" is not an id: written as `evil`"),
        "{}",
        out.stderr
    );
    assert_eq!(entries(parent.path()), ["out", "register.json"]);
    assert_eq!(entries(&parent.path().join("out")), ["gov"]);
    let gov = parent.path().join("out/gov");
    assert_eq!(entries(&gov), ["govuk-register.json"]);
    let written = fs::read_to_string(gov.join("govuk-register.json")).unwrap();
    assert!(written.contains("\"id\": \"evil\""), "{written}");
}

/// A symbolic link at an output file's name is replaced by the file, not written through: a
/// link planted in an output folder cannot make organigram write elsewhere.
#[cfg(unix)]
#[test]
fn a_link_in_the_output_folder_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.txt");
    fs::write(&outside, "keep").unwrap();
    let charts = dir.path().join("charts");
    organigram(["render", "--all", "-o"])
        .arg(&charts)
        .run()
        .success();
    let before = contents(&charts);
    let chart = charts.join("landscape.svg");
    fs::remove_file(&chart).unwrap();
    std::os::unix::fs::symlink(&outside, &chart).unwrap();
    let out = sane(organigram(["render", "--all", "-o"]).arg(&charts).run()).expect_code(2);
    assert!(
        out.stderr.contains("landscape.svg: it is a symbolic link"),
        "{}",
        out.transcript()
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
    assert!(fs::symlink_metadata(&chart).unwrap().is_symlink());
    for (name, bytes) in before.iter().filter(|(name, _)| name != "landscape.svg") {
        assert!(
            fs::read(charts.join(name)).unwrap() == *bytes,
            "{name} changed"
        );
    }

    let (dir, _) = import_csv(b"a,,A\n");
    let file = dir.path().join("out/units.json");
    let outside = dir.path().join("outside.json");
    fs::write(&outside, "keep").unwrap();
    fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(&outside, &file).unwrap();
    let out = sane(organigram(IMPORT_UNITS_CSV).in_dir(dir.path()).run()).expect_code(2);
    assert!(
        out.stderr.contains("it is a symbolic link"),
        "{}",
        out.transcript()
    );
    assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
    assert!(fs::symlink_metadata(&file).unwrap().is_symlink());
}

/// The built-in description with every unit renamed, in `dir/renamed`: each chart drawn from it
/// differs from the built-in one's.
fn renamed_description(dir: &Path) -> PathBuf {
    let renamed = dir.join("renamed");
    fs::create_dir(&renamed).unwrap();
    for entry in fs::read_dir(root().join("org")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = fs::read_to_string(&path).unwrap();
            let text = text.replace("\"name\": \"", "\"name\": \"Nouveau ");
            fs::write(renamed.join(path.file_name().unwrap()), text).unwrap();
        }
    }
    renamed
}

/// The GOV.UK register with every title changed, in `dir/register.json`: each file imported
/// from it differs from the real register's.
fn renamed_register(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(root().join(REGISTER)).unwrap();
    let path = dir.join("register.json");
    fs::write(&path, text.replace("\"title\": \"", "\"title\": \"New ")).unwrap();
    path
}

const REGISTER: &str = "tests/data/govuk-organisations.json";

/// `render --all` into `out` from the description `input`, or `import govuk` into `out` from the
/// register `input`.
fn write_run(kind: &str, input: &Path, out: &Path) -> support::Run {
    let (input, out) = (input.as_os_str(), out.as_os_str());
    match kind {
        "render" => organigram([
            "--org".as_ref(),
            input,
            "render".as_ref(),
            "--all".as_ref(),
            "-o".as_ref(),
            out,
        ]),
        _ => organigram([
            "import".as_ref(),
            "govuk".as_ref(),
            input,
            "--date".as_ref(),
            "2026-08-22".as_ref(),
            "-o".as_ref(),
            out,
        ]),
    }
}

#[test]
fn a_run_that_fails_half_way_replaces_no_file_and_leaves_no_temporary() {
    for kind in ["render", "import"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let (old, new) = match kind {
            "render" => (root().join("org"), renamed_description(dir.path())),
            _ => (root().join(REGISTER), renamed_register(dir.path())),
        };
        sane(write_run(kind, &old, &out).run()).expect_code(0);
        let before = contents(&out);
        assert!(before.len() > 10, "{kind}");
        // A folder in the way of one of the files, in the middle of the list.
        let (taken, _) = &before[before.len() / 2];
        fs::remove_file(out.join(taken)).unwrap();
        fs::create_dir(out.join(taken)).unwrap();
        let result = sane(write_run(kind, &new, &out).run()).expect_code(2);
        assert!(
            result.stderr.contains(&format!("{taken}: it is a folder")),
            "{}",
            result.transcript()
        );
        for (name, bytes) in &before {
            if name != taken {
                assert!(
                    fs::read(out.join(name)).unwrap() == *bytes,
                    "{kind}: {name} changed"
                );
            }
        }
        assert!(out.join(taken).is_dir());
        assert_eq!(
            entries(&out).len(),
            before.len(),
            "{kind}: {:?}",
            entries(&out)
        );
    }
}

/// Runs killed with `SIGKILL` at moments spread over a run: every file is its old bytes or its
/// new ones, whole; what a killed run may leave besides is a hidden temporary, which the next
/// run removes.
#[test]
fn a_killed_run_leaves_each_file_old_or_new() {
    for kind in ["render", "import"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let reference = dir.path().join("reference");
        let (old, new) = match kind {
            "render" => (root().join("org"), renamed_description(dir.path())),
            _ => (root().join(REGISTER), renamed_register(dir.path())),
        };
        sane(write_run(kind, &new, &reference).run()).expect_code(0);
        sane(write_run(kind, &old, &out).run()).expect_code(0);
        let (old_files, new_files) = (contents(&out), contents(&reference));
        let started = Instant::now();
        sane(write_run(kind, &new, &dir.path().join("timed")).run()).expect_code(0);
        let whole = started.elapsed();
        for step in 0..12u32 {
            let mut child = write_run(kind, &new, &out).spawn();
            std::thread::sleep(whole * step / 10);
            let _ = child.kill();
            child.wait().unwrap();
            for name in entries(&out) {
                if let Some(temporary) = name.strip_prefix('.') {
                    let (target, pid) = temporary.rsplit_once(".tmp-").unwrap();
                    assert!(pid.parse::<u32>().is_ok(), "{name}");
                    assert!(new_files.iter().any(|(n, _)| n == target), "{name}");
                    continue;
                }
                let bytes = fs::read(out.join(&name)).unwrap();
                let is = |files: &[(String, Vec<u8>)]| {
                    files.iter().any(|(n, b)| *n == name && *b == bytes)
                };
                assert!(
                    is(&old_files) || is(&new_files),
                    "{kind}: {name} is neither old nor new"
                );
            }
        }
        sane(write_run(kind, &new, &out).run()).expect_code(0);
        assert_eq!(contents(&out), new_files, "{kind}");
    }
}

#[test]
fn limits_name_the_file_and_the_flag_and_raising_them_loads_the_file() {
    let folder = fixture("valid/small");
    let file = folder.join("ministry.json");
    let size = fs::metadata(root().join(&file)).unwrap().len();
    let show = |limit: &str, value: u64| {
        organigram(["--org".as_ref(), folder.as_os_str()])
            .args([
                limit.to_owned(),
                value.to_string(),
                "show".into(),
                "me".into(),
            ])
            .run()
    };
    let out = refused(
        show("--max-file-size", size - 1),
        &file.display().to_string(),
    );
    assert!(out.stderr.contains("--max-file-size"), "{}", out.stderr);
    insta::assert_snapshot!("limit-file-size", out.stderr);
    sane(show("--max-file-size", size)).expect_code(0);

    // The files nest four levels: the description, its units, a unit, a unit's source.
    let out = refused(show("--max-depth", 3), &format!("{}:", file.display()));
    assert!(out.stderr.contains("--max-depth"), "{}", out.stderr);
    insta::assert_snapshot!("limit-depth", out.stderr);
    sane(show("--max-depth", 4)).expect_code(0);

    // The same limit holds for a proposal and an import.
    let proposal = "org/proposals/merge-dsj-hr.json";
    let small = fixture("hostile").join(ACCEPTED);
    let out = organigram(["--org".as_ref(), small.as_os_str()])
        .args(["--max-file-size", "200", "check", "--proposal", proposal])
        .run();
    let out = refused(out, proposal);
    assert!(out.stderr.contains("--max-file-size"), "{}", out.stderr);
    let out = organigram([
        "--max-file-size",
        "100",
        "import",
        "csv",
        "tests/fixtures/import/hr-export.csv",
    ])
    .args([
        "--id", "code", "--parent", "parent", "--name", "label", "-o", "unused",
    ])
    .run();
    let out = refused(out, "tests/fixtures/import/hr-export.csv");
    assert!(out.stderr.contains("--max-file-size"), "{}", out.stderr);
    assert!(!root().join("unused").exists());
}
