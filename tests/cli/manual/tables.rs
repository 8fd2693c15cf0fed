//! The manual's tables of the vocabulary (`docs/description-format.md`) and of the codes
//! (`docs/checks.md`, `docs/commands.md`): every kind and code has its row, each row says what
//! the code says, and no row names what does not exist.

use organigram::diagnostic::Code;
use organigram::model::{Border, Family, FillPattern, Shape, TieKind, UnitKind};

use super::read;

/// The part of `text` from the line `heading` to the next heading of its level or above.
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no heading {heading:?}"))
        + 1;
    let level = heading
        .find(' ')
        .expect("a heading has a space after its #");
    let rest = &text[start + heading.len()..];
    let end = rest
        .match_indices("\n#")
        .find(|(at, _)| {
            let hashes = rest[at + 1..].bytes().take_while(|b| *b == b'#').count();
            hashes <= level
        })
        .map_or(rest.len(), |(at, _)| at);
    &text[start..start + heading.len() + end]
}

/// The text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in `text`: a table made
/// from the code, pasted between the marks.
fn between_marks<'a>(text: &'a str, name: &str) -> &'a str {
    let start_mark = format!("<!-- {name}:start -->\n");
    let start = text
        .find(&start_mark)
        .unwrap_or_else(|| panic!("no mark {start_mark:?}"))
        + start_mark.len();
    let end = text[start..]
        .find(&format!("<!-- {name}:end -->"))
        .unwrap_or_else(|| panic!("no end mark for {name}"));
    &text[start..start + end]
}

/// The cells of a table's rows that start with a code-formatted first cell (`` | `name` | ``),
/// trimmed, without the empty cells outside the outer bars.
fn rows(section: &str) -> Vec<Vec<&str>> {
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            cells[1..cells.len() - 1].to_vec()
        })
        .collect()
}

/// A table's text as mdBook and GitHub show it, `expected` beside what the page has, for the
/// failure message: the table to paste between the marks.
fn assert_table(page: &str, name: &str, expected: &str) {
    let text = read(page);
    let found = between_marks(&text, name);
    assert!(
        found == expected,
        "the table {name} of {page} is not the code's; paste this between its marks:\n{expected}"
    );
}

fn family_letter(family: Family) -> &'static str {
    match family {
        Family::Organisation => "O",
        Family::LineUnit => "L",
        Family::Post => "P",
        Family::Body => "B",
        other => panic!("a family the manual's table does not know: {other:?}"),
    }
}

/// The validity table as the manual prints it, from the model's data.
fn validity_table() -> String {
    let mut table =
        String::from("| tie kind | from O | from L | from P | from B |\n|---|---|---|---|---|\n");
    for kind in TieKind::ALL {
        table.push_str(&format!("| `{}` |", kind.as_str()));
        for from in Family::ALL {
            let to: Vec<&str> = kind.allowed_to(from).map(family_letter).collect();
            let cell = if to.is_empty() {
                "—".to_owned()
            } else {
                to.join(" ")
            };
            table.push_str(&format!(" {cell} |"));
        }
        table.push('\n');
    }
    table
}

#[test]
fn the_validity_table_is_the_model_s() {
    assert_table(
        "docs/description-format.md",
        "validity-table",
        &validity_table(),
    );
}

/// A kind's French names as the manual's tables give them: "`sous-direction`", "`département`,
/// `pôle`".
fn french(name: &str, others: &[&str]) -> String {
    let names: Vec<String> = std::iter::once(name)
        .chain(others.iter().copied())
        .map(|n| format!("`{n}`"))
        .collect();
    names.join(", ")
}

/// How a unit kind is drawn, as the last column of the manual's table of unit kinds words it:
/// "rounded box, double border, graded fill".
fn chart_cell(kind: UnitKind) -> String {
    let style = kind.style();
    let mut parts = vec![match style.shape {
        Shape::Box3d => "3-D box",
        Shape::RoundedBox => "rounded box",
        Shape::Box => "square box",
        Shape::Tab => "tab",
        Shape::Ellipse => "ellipse",
        Shape::Hexagon => "hexagon",
        other => panic!("a shape the manual's table does not know: {other:?}"),
    }];
    match style.border {
        Border::Single => {}
        Border::Double => parts.push("double border"),
        Border::Bold => parts.push("bold border"),
        other => panic!("a border the manual's table does not know: {other:?}"),
    }
    if style.pattern == FillPattern::Graded {
        parts.push("graded fill");
    }
    parts.join(", ")
}

/// The rows of the table under `heading` in `docs/description-format.md`, checked to be one
/// per kind of `names`, in the model's order, each of five cells.
fn vocabulary_rows<'a>(heading: &str, names: impl Iterator<Item = &'a str>) -> Vec<Vec<String>> {
    let page = read("docs/description-format.md");
    let table: Vec<Vec<String>> = rows(section(&page, heading))
        .into_iter()
        .map(|row| row.into_iter().map(str::to_owned).collect())
        .collect();
    let first: Vec<&str> = table.iter().map(|row| row[0].as_str()).collect();
    let expected: Vec<String> = names.map(|name| format!("`{name}`")).collect();
    assert_eq!(
        first, expected,
        "{heading}: one row per kind, in the model's order"
    );
    for row in &table {
        assert_eq!(row.len(), 5, "{row:?}");
    }
    table
}

#[test]
fn the_unit_kinds_are_the_model_s_with_their_names_family_and_drawing() {
    let table = vocabulary_rows("## Unit kinds", UnitKind::ALL.iter().map(|k| k.as_str()));
    for (kind, row) in UnitKind::ALL.iter().zip(&table) {
        assert_eq!(row[1], french(kind.french_name(), kind.other_names()));
        assert_eq!(row[2], kind.family().as_str(), "{kind}");
        assert!(!row[3].is_empty(), "{kind} says what it is");
        assert_eq!(row[4], chart_cell(*kind), "{kind} is drawn otherwise");
    }
}

#[test]
fn the_tie_kinds_are_the_model_s_with_their_names_and_nature() {
    let table = vocabulary_rows("## Tie kinds", TieKind::ALL.iter().map(|k| k.as_str()));
    for (kind, row) in TieKind::ALL.iter().zip(&table) {
        assert_eq!(row[1], french(kind.french_name(), kind.other_names()));
        assert!(row[2].starts_with(kind.verb()), "{kind}: {row:?}");
        assert_eq!(row[3] == "yes", kind.is_hierarchical(), "{kind}: {row:?}");
        assert_eq!(row[4] == "yes", kind.is_symmetric(), "{kind}: {row:?}");
    }
}

/// The table of every code, its default severity and its reason, as `check --explain` gives
/// them.
fn codes_table() -> String {
    let mut table = String::from("| code | severity | why it matters |\n|---|---|---|\n");
    for code in Code::ALL {
        let rationale = code.rationale().split_whitespace().collect::<Vec<_>>();
        table.push_str(&format!(
            "| `{code}` | {} | {} |\n",
            code.default_severity().as_str(),
            rationale.join(" ")
        ));
    }
    table
}

#[test]
fn the_table_of_every_code_is_the_code_s() {
    assert_table("docs/checks.md", "codes-table", &codes_table());
}

/// The codes named in the sentence of `docs/commands.md` that lists the codes of reading and
/// of proposals, from "The codes of reading and of proposals:" to its full stop.
fn codes_of_reading() -> Vec<String> {
    let page = read("docs/commands.md");
    let messages = section(&page, "## Messages");
    let opening = "The codes of reading and of proposals:";
    let list = &messages[messages.find(opening).expect("the list of codes") + opening.len()..];
    let list = &list[..list.find(". ").expect("the list ends")];
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_code_is_listed_once_as_a_rule_or_as_a_code_of_reading() {
    let page = read("docs/checks.md");
    let rules = rows(section(&page, "## The rules"));
    let mut named: Vec<String> = codes_of_reading();
    for row in &rules {
        assert_eq!(row.len(), 3, "{row:?}");
        let name = row[0].trim_matches('`');
        let code = Code::from_name(name)
            .unwrap_or_else(|| panic!("docs/checks.md has a row for `{name}`, which is no code"));
        assert_eq!(
            row[1],
            code.default_severity().as_str(),
            "the severity of {code}"
        );
        assert!(!row[2].is_empty(), "{code} says what it finds");
        named.push(name.to_owned());
    }
    for name in &named {
        assert!(
            Code::from_name(name).is_some(),
            "the manual lists `{name}`, which is no code"
        );
    }
    for code in Code::ALL {
        let times = named.iter().filter(|n| *n == code.as_str()).count();
        assert_eq!(
            times, 1,
            "{code} is named {times} times among the rules of docs/checks.md and the codes of \
             reading of docs/commands.md, not once"
        );
    }
}
