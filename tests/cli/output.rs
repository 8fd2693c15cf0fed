//! Where output goes, through the real binary: `-o` writes only where a regular file or nothing
//! is, never over a file the command read, keeps a replaced file's permissions, writes the
//! format its extension names, and names the files it makes from data within what file systems
//! take; a folder another run is writing is left to it.

use std::fs;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;

use crate::support::{IMPORT_UNITS_CSV, Output, mkfifo, organigram, root};

/// A copy of the built-in description in `dir/org`, to write beside.
fn copy_of_org(dir: &Path) -> std::path::PathBuf {
    let org = dir.join("org");
    fs::create_dir(&org).unwrap();
    for entry in fs::read_dir(root().join("org")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            fs::copy(&path, org.join(path.file_name().unwrap())).unwrap();
        }
    }
    org
}

/// Asserts a refusal: exit 2, nothing on standard output, and `said` in the message.
fn refused(out: Output, said: &str) -> Output {
    let out = out.expect_code(2);
    assert!(out.stdout.is_empty(), "{}", out.transcript());
    assert!(out.stderr.contains(said), "{}", out.transcript());
    out
}

#[test]
fn a_link_a_pipe_a_folder_or_a_device_at_the_output_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("chart.dot");
    mkfifo(&pipe);
    // Writing to the pipe would block for want of a reader: the run must not even open it.
    refused(
        organigram(["render", "-o"]).arg(&pipe).run(),
        "it is a named pipe",
    );
    assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());

    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "keep").unwrap();
    let link = dir.path().join("export.json");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    refused(
        organigram(["export", "-o"]).arg(&link).run(),
        "it is a symbolic link",
    );
    assert_eq!(fs::read_to_string(&secret).unwrap(), "keep");
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());

    let folder = dir.path().join("chart.svg");
    fs::create_dir(&folder).unwrap();
    refused(
        organigram(["render", "-o"]).arg(&folder).run(),
        "it is a folder",
    );
    assert!(folder.is_dir());
}

#[test]
fn standard_output_and_nothing_are_written_as_asked() {
    let dot = organigram(["render", "--format", "dot"]).run().success();
    assert!(dot.starts_with("digraph"));
    for path in ["-", "/dev/stdout"] {
        let out = organigram(["render", "--format", "dot", "-o", path])
            .run()
            .success();
        assert_eq!(out, dot, "{path}");
    }
    // /dev/null is a device, which a rename would have turned into a file (as root).
    let out = organigram(["export", "-o", "/dev/null"]).run().success();
    assert!(out.is_empty());
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn a_file_the_command_reads_is_not_written_over() {
    let dir = tempfile::tempdir().unwrap();
    // The example: one file, read and named as the output.
    let single = dir.path().join("d.json");
    let text = r#"{"organisation": {"id": "o", "name": "O"},
        "units": [{"id": "a", "name": "A", "kind": "ministry", "boundary": "top"}]}"#;
    fs::write(&single, text).unwrap();
    let out = organigram(["--org", "d.json", "export", "-o", "d.json"])
        .in_dir(dir.path())
        .run();
    refused(out, "it is one of the files this command reads");
    assert_eq!(fs::read_to_string(&single).unwrap(), text);
    let org = copy_of_org(dir.path());
    let file = org.join("justice.json");
    let before = fs::read(&file).unwrap();
    let out = organigram(["--org"])
        .arg(&org)
        .args(["export", "-o"])
        .arg(&file)
        .run();
    refused(out, "it is one of the files this command reads");
    assert_eq!(fs::read(&file).unwrap(), before);
    // The same file named another way, through the folder read and `..`.
    let other_way = org.join("../org/justice.json");
    let out = organigram(["--org"])
        .arg(&org)
        .args(["render", "--format", "dot", "-o"])
        .arg(&other_way)
        .run();
    refused(out, "it is one of the files this command reads");
    assert_eq!(fs::read(&file).unwrap(), before);
    // And the proposal is read too.
    let proposal = dir.path().join("proposal.json");
    fs::copy(root().join("org/proposals/move-dip-a-just.json"), &proposal).unwrap();
    let out = organigram(["--org"])
        .arg(&org)
        .arg("--proposal")
        .arg(&proposal)
        .args(["export", "--format", "json", "-o"])
        .arg(&proposal)
        .run();
    refused(out, "it is one of the files this command reads");
}

#[test]
fn a_replaced_file_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    for (command, file, mode) in [
        ("export", "export.json", 0o600),
        ("render", "chart.dot", 0o640),
    ] {
        let path = dir.path().join(file);
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        organigram([command, "-o"]).arg(&path).run().success();
        assert_ne!(fs::read_to_string(&path).unwrap(), "old");
        let kept = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(kept, mode, "{file}");
    }
}

#[test]
fn the_format_is_the_one_the_extension_names_or_the_run_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let turtle = dir.path().join("org.ttl");
    organigram(["export", "-o"]).arg(&turtle).run().success();
    assert!(
        fs::read_to_string(&turtle).unwrap().starts_with("@prefix"),
        "export -o x.ttl writes Turtle"
    );
    let graphml = dir.path().join("org.graphml");
    organigram(["export", "-o"]).arg(&graphml).run().success();
    assert!(fs::read_to_string(&graphml).unwrap().contains("<graphml"));
    for (command, file, said) in [
        (
            "render",
            "chart.jpg",
            "dot (.dot, .gv), svg (.svg), png (.png)",
        ),
        ("export", "org.xyz", "json (.json), graphml (.graphml)"),
    ] {
        let path = dir.path().join(file);
        let out = refused(
            organigram([command, "-o"]).arg(&path).run(),
            "cannot tell which format",
        );
        assert!(out.stderr.contains(said), "{file}: {}", out.stderr);
        assert!(!path.exists(), "{file}");
    }
    let path = dir.path().join("org.ttl");
    let out = organigram(["export", "--format", "json", "-o"])
        .arg(&path)
        .run();
    refused(out, "--format json and the extension");
}

#[test]
fn binary_charts_are_not_written_to_a_terminal() {
    let program = env!("CARGO_BIN_EXE_organigram");
    for format in ["png", "pdf"] {
        // `script` gives the run a terminal for standard output.
        let command = format!("{program} render --format {format}");
        let out = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .current_dir(root())
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{format}: {printed}");
        assert!(
            printed.contains("is binary, and standard output is a terminal"),
            "{format}: {printed}"
        );
        assert!(
            !printed.contains("IHDR") && !printed.contains("%PDF"),
            "{printed}"
        );
    }
    // Redirected, it is written.
    let out = std::process::Command::new(program)
        .args(["render", "--format", "png"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"\x89PNG"));
}

/// A description of two organisations whose ids are `length` characters long and differ only at
/// the end, each one unit.
fn long_ids(dir: &Path, length: usize) -> std::path::PathBuf {
    let org = dir.join("long");
    fs::create_dir(&org).unwrap();
    for (n, end) in ["a", "b"].iter().enumerate() {
        let id = format!("{}{end}", "o".repeat(length - 1));
        let text = format!(
            r#"{{"organisation": {{"id": "{id}", "name": "O{n}", "unit": "u{n}"}},
                "units": [{{"id": "u{n}", "name": "U{n}", "kind": "ministry", "boundary": "top"}}]}}"#
        );
        fs::write(org.join(format!("{n}.json")), text).unwrap();
    }
    org
}

#[test]
fn charts_named_after_long_ids_get_bounded_distinct_names() {
    for length in [300, 5000] {
        let dir = tempfile::tempdir().unwrap();
        let org = long_ids(dir.path(), length);
        let out = dir.path().join("charts");
        organigram(["--org"])
            .arg(&org)
            .args(["render", "--all", "-o"])
            .arg(&out)
            .run()
            .success();
        let names: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        let org_charts: Vec<&String> = names
            .iter()
            .filter(|n| n.starts_with("org-chart-"))
            .collect();
        // Two organisations, each a DOT, an SVG and an HTML chart, all distinct.
        assert_eq!(org_charts.len(), 6, "{length}: {names:?}");
        assert!(names.iter().all(|n| n.len() <= 255), "{length}: {names:?}");
    }
}

#[test]
fn a_folder_another_run_is_writing_is_left_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let charts = dir.path().join("charts");
    fs::create_dir(&charts).unwrap();
    // Another run's lock on the folder, as `render --all` and `import` take it.
    let held = fs::File::open(&charts).unwrap();
    held.lock().unwrap();
    let out = organigram(["render", "--all", "-o"]).arg(&charts).run();
    refused(out, "another organigram run is writing this folder");
    assert_eq!(fs::read_dir(&charts).unwrap().count(), 0);
    fs::write(dir.path().join("units.csv"), "code,parent,label\na,,A\n").unwrap();
    // Into the same folder, under the name the lock holds.
    fs::rename(&charts, dir.path().join("out")).unwrap();
    let out = organigram(IMPORT_UNITS_CSV).in_dir(dir.path()).run();
    refused(out, "another organigram run is writing this folder");
    held.unlock().unwrap();
    organigram(IMPORT_UNITS_CSV)
        .in_dir(dir.path())
        .run()
        .success();
}
