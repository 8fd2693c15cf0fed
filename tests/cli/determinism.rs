//! The same description gives byte-identical output from every command, whatever the order its
//! files were created in. A folder lists its entries in an order of the file system's (creation
//! order on some, hash order on others), and every run of the binary hashes with other seeds:
//! output that followed either would differ between the two copies made here, each in its own
//! folder, with its files created in opposite orders, and each command run once in each.
//!
//! Imports are deterministic too: `import` imports the same GOV.UK register and CSV
//! export twice and compares the files byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::{Output, org_files, organigram, root};

/// Where the copies are made: tmpfs when there is one (`/dev/shm`), which lists a folder's
/// entries newest first, so that the two copies are listed in opposite orders; ext4, say, lists
/// them by a hash of their names, the same for both, and then only the hash seeds of the runs
/// differ.
const TMPFS: &str = "/dev/shm";

/// The names in `dir/org` in the order the file system lists them.
fn listing(dir: &Path) -> Vec<std::ffi::OsString> {
    fs::read_dir(dir.join("org"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect()
}

/// A folder holding, under the same names in each copy: `org/` (the built-in description),
/// `before/` (the same, without one organisation and with a unit renamed, for `diff`),
/// `proposal.json`, and `units.csv`. Files are created in the order of `files`.
fn copy(files: &[PathBuf]) -> tempfile::TempDir {
    let dir = if Path::new(TMPFS).is_dir() {
        tempfile::tempdir_in(TMPFS).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    fs::create_dir(dir.path().join("org")).unwrap();
    fs::create_dir(dir.path().join("before")).unwrap();
    for file in files {
        let name = file.file_name().unwrap();
        let text = fs::read_to_string(file).unwrap();
        fs::write(dir.path().join("org").join(name), &text).unwrap();
        if name != "province-sud.json" {
            let renamed = text.replace(
                "\"name\": \"Secrétariat général du ministère de la Justice\"",
                "\"name\": \"Secrétariat général\"",
            );
            fs::write(dir.path().join("before").join(name), renamed).unwrap();
        }
    }
    fs::copy(
        root().join("org/proposals/merge-dsj-hr.json"),
        dir.path().join("proposal.json"),
    )
    .unwrap();
    fs::copy(
        root().join("tests/fixtures/import/hr-export.csv"),
        dir.path().join("units.csv"),
    )
    .unwrap();
    dir
}

/// Every command that prints, with arguments that make it print much.
const COMMANDS: &[&[&str]] = &[
    &["show", "dne"],
    &["show", "dne", "--format", "json"],
    &["find", "données"],
    &["find", "dsj", "--format", "json"],
    &["chain", "justice-dp-ia-directeur"],
    &["chain", "dne", "--format", "json"],
    &["subordinates", "dsj"],
    &["subordinates", "justice", "--format", "json"],
    &["superior", "dsj-sd-rh-magistrature", "dip-a-just"],
    &[
        "superior",
        "dsj-sd-rh-greffes",
        "dip-a-just",
        "--format",
        "json",
    ],
    &["path", "dne", "dip-a-just"],
    &["path", "dne", "dinum", "--all", "--format", "json"],
    &["partners", "dne", "--inherited"],
    &["partners", "dne", "--format", "json"],
    &["stats"],
    &["stats", "--format", "json"],
    &["check"],
    &["check", "--format", "json"],
    &["check", "--proposal", "proposal.json"],
    &["check", "--proposal", "proposal.json", "--format", "json"],
    &["diff", "before", "org"],
    &["diff", "before", "org", "--format", "json"],
    &["render"],
    &["render", "--view", "full", "--format", "mermaid"],
    &["render", "--view", "cooperation", "--format", "svg"],
    &["render", "--proposal", "proposal.json", "--format", "svg"],
    &["export", "--format", "json"],
    &["export", "--format", "graphml"],
    &["export", "--format", "jsonld"],
    &["export", "--format", "turtle"],
];

/// Runs `args` in `dir`, on its `org/` (but for `diff`, which names its folders).
fn run(dir: &Path, args: &[&str]) -> Output {
    // The commands that read a description read `org`; `diff` and `import` read what they are
    // given, and refuse `--org`.
    let org: &[&str] = if matches!(args[0], "diff" | "import") {
        &[]
    } else {
        &["--org", "org"]
    };
    organigram(org).args(args).in_dir(dir).run()
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.push((path.strip_prefix(dir).unwrap().to_owned(), bytes));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_command_prints_the_same_bytes_whatever_the_order_of_the_files() {
    let files = org_files();
    let mut reversed = files.clone();
    reversed.reverse();
    let (first, second) = (copy(&files), copy(&reversed));
    if Path::new(TMPFS).is_dir() {
        assert_ne!(listing(first.path()), listing(second.path()));
    }
    for args in COMMANDS {
        let a = run(first.path(), args);
        let b = run(second.path(), args);
        assert!(a.code == 0 || a.code == 1, "{args:?}\n{}", a.transcript());
        assert!(!a.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(a.transcript(), b.transcript(), "{args:?}");
    }
}

#[test]
fn written_files_are_the_same_bytes_whatever_the_order_of_the_files() {
    let files = org_files();
    let mut reversed = files.clone();
    reversed.reverse();
    let (first, second) = (copy(&files), copy(&reversed));
    let writes: &[&[&str]] = &[
        &["render", "--all", "-o", "out/charts"],
        &[
            "render",
            "--organisation",
            "justice",
            "-o",
            "out/justice.svg",
        ],
        &["export", "--format", "turtle", "-o", "out/org.ttl"],
        &[
            "import",
            "csv",
            "units.csv",
            "--id",
            "code",
            "--parent",
            "parent",
            "--name",
            "label",
            "--kind",
            "type",
            "-o",
            "out/imported",
        ],
    ];
    for args in writes {
        let a = run(first.path(), args);
        let b = run(second.path(), args);
        assert_eq!(a.code, 0, "{args:?}\n{}", a.transcript());
        assert_eq!(a.transcript(), b.transcript(), "{args:?}");
    }
    let (a, b) = (
        tree(&first.path().join("out")),
        tree(&second.path().join("out")),
    );
    assert!(
        a.len() > 10,
        "{:?}",
        a.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert_eq!(
        a.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in a.iter().zip(&b) {
        assert!(a == b, "{} differs", path.display());
    }
}
