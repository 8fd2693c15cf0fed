//! The manual (`docs/`, an mdBook) and the README: their tables of the vocabulary and the codes
//! are the code's ([`tables`]), they name every command and option of the binary ([`options`]),
//! their links lead to files and headings that exist ([`links`]), `docs/SUMMARY.md` lists every
//! chapter, as mdBook needs it to, and mdBook builds the book ([`book`]).

mod book;
mod links;
mod options;
mod tables;

use std::path::{Path, PathBuf};

use crate::support::root;

/// The text of a file of the project, by its path from the root (`docs/checks.md`).
fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Whether a file of `docs/` is a chapter: a Markdown file that is neither the table of contents
/// nor a `pending-*.md` note, text written for a chapter and not yet pasted into it.
fn is_chapter(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|e| e == "md")
        && name != "SUMMARY.md"
        && !name.starts_with("pending-")
}

/// The chapters of the manual, by file name, in name order.
fn chapters() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ lists")
        .map(|entry| entry.expect("docs/ lists").file_name())
        .filter_map(|name| name.into_string().ok())
        .filter(|name| is_chapter(name))
        .collect();
    names.sort();
    names
}

/// Every Markdown file the project publishes: the README, BENCHMARKS.md and the manual's pages
/// (SUMMARY.md included, as mdBook reads its links too), as paths from the root.
fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("README.md"), PathBuf::from("BENCHMARKS.md")];
    files.push(PathBuf::from("docs/SUMMARY.md"));
    files.extend(chapters().iter().map(|name| Path::new("docs").join(name)));
    files
}

/// The chapters `docs/SUMMARY.md` lists, in its order: the title it gives each (which mdBook
/// gives the page) and its file.
fn summary() -> Vec<(String, String)> {
    read("docs/SUMMARY.md")
        .lines()
        .filter_map(|line| {
            let (title, rest) = line.split_once("](")?;
            let title = &title[title.find('[')? + 1..];
            Some((title.to_owned(), rest.split_once(')')?.0.to_owned()))
        })
        .collect()
}

#[test]
fn the_summary_lists_every_chapter_once_and_nothing_else() {
    let mut listed: Vec<String> = summary().into_iter().map(|(_, file)| file).collect();
    let count = listed.len();
    listed.sort();
    listed.dedup();
    assert_eq!(listed.len(), count, "a chapter listed twice: {listed:?}");
    assert_eq!(
        listed,
        chapters(),
        "docs/SUMMARY.md must list every chapter of docs/ (but pending-*.md) and only those"
    );
}

/// Rust examples are doctests only where `src/lib.rs` includes their page: one elsewhere would
/// never be compiled, and could drift from the library unseen.
#[test]
fn rust_examples_are_only_on_pages_run_as_doctests() {
    let lib = read("src/lib.rs");
    for file in markdown_files() {
        let path = file.to_str().expect("paths are UTF-8");
        let has_rust = read(path)
            .lines()
            .any(|line| line.trim_start().starts_with("```rust"));
        let included = lib.contains(&format!("include_str!(\"../{path}\")"));
        assert!(
            !has_rust || included,
            "{path} has a Rust example, which src/lib.rs does not run as a doctest"
        );
    }
    assert!(
        read("docs/library.md").contains("```rust"),
        "docs/library.md, run as doctests, has no Rust example left"
    );
}
