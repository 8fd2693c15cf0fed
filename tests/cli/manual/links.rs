//! Every link of the README, BENCHMARKS.md and the manual leads somewhere: a relative link to a
//! file or folder of the repository, and its `#anchor` to a heading of the page it names, as a
//! forge makes anchors of headings (mdBook makes the same). Links in code are not links; links
//! to the web are not followed (the tests have no network) but must name a host.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{markdown_files, read};
use crate::support::root;

/// How the pages are read: the `CommonMark` specification, with the extensions that a forge and
/// mdBook both render.
fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(
        text,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS,
    )
}

/// The anchor a forge gives a heading of this text (GitHub's rules, which mdBook follows):
/// lowercase, each space a hyphen, every character dropped but letters and digits of any
/// script, `-` and `_`. "In French / En français" is `in-french--en-français`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// The ids an HTML fragment declares with `id="…"` or `name="…"` (`<a id="x"></a>`).
fn html_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for attribute in [" id=\"", " name=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            if let Some(end) = rest.find('"') {
                ids.push(rest[..end].to_owned());
            }
        }
    }
    ids
}

/// The anchors of a page's headings: their slugs, the second of two alike ending `-1`, the third
/// `-2`…; mdBook makes the same ([`super::book`] checks it).
pub(super) fn heading_anchors(text: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    let mut heading: Option<String> = None;
    for event in parser(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&heading.take().unwrap_or_default());
                let mut anchor = base.clone();
                while found.contains(&anchor) {
                    let n = occurrences.entry(base.clone()).or_insert(0);
                    *n += 1;
                    anchor = format!("{base}-{n}");
                }
                found.insert(anchor);
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&t);
                }
            }
            _ => {}
        }
    }
    found
}

/// Every anchor of a page: its headings' and the ids its HTML declares.
fn anchors(text: &str) -> HashSet<String> {
    let mut found = heading_anchors(text);
    for event in parser(text) {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            found.extend(html_ids(&html));
        }
    }
    found
}

/// Every link and image of a page, with the line it is on, as the page writes its target.
fn links(text: &str) -> Vec<(usize, String)> {
    parser(text)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let line = text[..range.start].matches('\n').count() + 1;
                Some((line, dest_url.into_string()))
            }
            _ => None,
        })
        .collect()
}

/// A link's target with its `%XX` escapes decoded, as a browser reads it; `None` when an escape
/// is broken or decodes to no UTF-8.
fn percent_decoded(target: &str) -> Option<String> {
    let bytes = target.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

/// `path` with its `.` and `..` resolved, as a path from the root; `None` when it climbs out.
fn normalised(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// What is wrong with the link `target` of the page `page` (a path from the root), if anything.
fn broken(
    page: &Path,
    target: &str,
    pages: &mut HashMap<PathBuf, HashSet<String>>,
) -> Option<String> {
    if let Some(rest) = target
        .strip_prefix("https://")
        .or_else(|| target.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        return (!host.contains('.')).then(|| "a web link with no host".to_owned());
    }
    let Some(target) = percent_decoded(target) else {
        return Some("a broken %-escape".to_owned());
    };
    let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
    if path.contains(':') || path.starts_with('/') {
        return Some("neither a relative link nor a web link".to_owned());
    }
    let file = if path.is_empty() {
        page.to_path_buf()
    } else {
        let Some(file) = normalised(&page.parent().unwrap_or(Path::new("")).join(path)) else {
            return Some("leads out of the repository".to_owned());
        };
        if !root().join(&file).exists() {
            return Some(format!("{} does not exist", file.display()));
        }
        file
    };
    if anchor.is_empty() {
        return None;
    }
    if file.extension().is_none_or(|e| e != "md") {
        return Some(format!(
            "an anchor into {}, which has no headings",
            file.display()
        ));
    }
    let anchors = pages
        .entry(file.clone())
        .or_insert_with(|| anchors(&read(file.to_str().expect("paths are UTF-8"))));
    (!anchors.contains(anchor)).then(|| format!("{} has no heading #{anchor}", file.display()))
}

#[test]
fn every_link_of_the_manual_leads_to_a_file_and_a_heading_that_exist() {
    let mut pages = HashMap::new();
    let mut problems = Vec::new();
    let mut checked = 0;
    for page in markdown_files() {
        let text = read(page.to_str().expect("paths are UTF-8"));
        for (line, target) in links(&text) {
            checked += 1;
            if let Some(why) = broken(&page, &target, &mut pages) {
                problems.push(format!("{}:{line}: ({target}): {why}", page.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
    assert!(
        checked > 100,
        "only {checked} links found: the pages were not read"
    );
}

#[test]
fn headings_make_the_anchors_a_forge_makes() {
    assert_eq!(slug("In French / En français"), "in-french--en-français");
    assert_eq!(slug("A unit's history: history"), "a-units-history-history");
    assert_eq!(slug("`check --format json`"), "check---format-json");
    assert_eq!(
        slug("1. Nothing is shown that you did not name"),
        "1-nothing-is-shown-that-you-did-not-name"
    );
    let page = "# Title\n\n## `diff` and **more**\n\n## Diff and more\n\n## Diff and more\n\n\
                <a id=\"kept\"></a>\n\n## Snake_case\n";
    let mut found: Vec<String> = anchors(page).into_iter().collect();
    found.sort();
    assert_eq!(
        found,
        [
            "diff-and-more",
            "diff-and-more-1",
            "diff-and-more-2",
            "kept",
            "snake_case",
            "title"
        ]
    );
}

#[test]
fn links_in_code_are_not_links() {
    let page = "[a](a.md) `[b](b.md)`\n\n```sh\n[c](c.md)\n```\n\n    [d](d.md)\n\n\
                [e][ref] ![f](f.png)\n\n[ref]: e.md#top\n";
    assert_eq!(
        links(page),
        [
            (1, "a.md".to_owned()),
            (9, "e.md#top".to_owned()),
            (9, "f.png".to_owned())
        ]
    );
}

#[test]
fn a_broken_link_is_told_why() {
    let mut pages = HashMap::new();
    let cases = [
        ("checks.md#the-rules", None),
        ("#exit-codes", None),
        ("../org/justice.json", None),
        ("../output/", None),
        ("#in-french--en-fran%C3%A7ais", None),
        ("https://projectfluent.org", None),
        (
            "checks.md#no-such-heading",
            Some("docs/checks.md has no heading #no-such-heading"),
        ),
        ("chekcs.md", Some("docs/chekcs.md does not exist")),
        ("../../etc/passwd", Some("leads out of the repository")),
        (
            "../src/lib.rs#L10",
            Some("an anchor into src/lib.rs, which has no headings"),
        ),
        (
            "/docs/checks.md",
            Some("neither a relative link nor a web link"),
        ),
        ("https://", Some("a web link with no host")),
        ("%E9", Some("a broken %-escape")),
    ];
    for (target, expected) in cases {
        let why = broken(Path::new("docs/commands.md"), target, &mut pages);
        assert_eq!(why.as_deref(), expected, "{target}");
    }
}
