//! The manual built as mdBook builds it, with the real `mdbook`: every chapter becomes a page
//! with its title and the anchors its links rely on, and mdBook has nothing to warn about.

use std::collections::HashSet;
use std::process::Command;

use super::{links::heading_anchors, read, summary};
use crate::support::{mdbook::mdbook, root};

/// The book's title, from `book.toml`, as each page's `<title>` ends.
const BOOK_TITLE: &str = "organigram: the manual";

/// The ids of the headings of an HTML page (`<h2 id="exit-codes">`).
fn heading_ids(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for level in 1..=6 {
        let opening = format!("<h{level} id=\"");
        let mut rest = html;
        while let Some(at) = rest.find(&opening) {
            rest = &rest[at + opening.len()..];
            if let Some(end) = rest.find('"') {
                ids.insert(rest[..end].to_owned());
            }
        }
    }
    ids
}

/// `text` escaped as mdBook writes it in a page's `<title>`.
fn html_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn the_manual_builds_into_a_book_with_a_page_per_chapter_and_no_warning() {
    let site = tempfile::tempdir().expect("a temporary folder");
    let output = Command::new(mdbook())
        .arg("build")
        .arg(root())
        .arg("--dest-dir")
        .arg(site.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("mdbook runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "mdbook build failed:\n{said}");
    let complaints: Vec<&str> = said
        .lines()
        .filter(|line| line.contains("WARN") || line.contains("ERROR"))
        .collect();
    assert!(complaints.is_empty(), "mdbook complained:\n{said}");
    for (title, chapter) in summary() {
        let markdown = read(&format!("docs/{chapter}"));
        let page = site.path().join(chapter.replace(".md", ".html"));
        let html = std::fs::read_to_string(&page)
            .unwrap_or_else(|e| panic!("{chapter} became no page ({}): {e}", page.display()));
        let wanted = format!("<title>{} - {BOOK_TITLE}</title>", html_escaped(&title));
        assert!(html.contains(&wanted), "{chapter}: no {wanted}");
        assert_eq!(
            heading_ids(&html),
            heading_anchors(&markdown),
            "{chapter}: mdBook's anchors are not the ones a forge makes, which the links use"
        );
    }
}
