//! The README documents the vocabulary; these tests keep it whole and true to the model.

use organigram::model::{Border, Family, FillPattern, Shape, TieKind, UnitKind};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

fn family_letter(family: Family) -> &'static str {
    match family {
        Family::Organisation => "O",
        Family::LineUnit => "L",
        Family::Post => "P",
        Family::Body => "B",
        other => panic!("a family the README's table does not know: {other:?}"),
    }
}

/// The validity table as the README prints it, from the model's data.
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

/// A kind's French names as the README's tables give them: "`sous-direction`", "`département`, `pôle`".
fn french(name: &str, others: &[&str]) -> String {
    let names: Vec<String> = std::iter::once(name)
        .chain(others.iter().copied())
        .map(|n| format!("`{n}`"))
        .collect();
    names.join(", ")
}

#[test]
fn the_readme_validity_table_is_the_model_s() {
    let readme = readme();
    let start = readme.find("<!-- validity-table:start -->\n").unwrap() + 30;
    let end = readme.find("<!-- validity-table:end -->").unwrap();
    assert_eq!(&readme[start..end], validity_table());
}

/// How a unit kind is drawn, as the last column of the README's table of unit kinds words it:
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
        other => panic!("a shape the README's table does not know: {other:?}"),
    }];
    match style.border {
        Border::Single => {}
        Border::Double => parts.push("double border"),
        Border::Bold => parts.push("bold border"),
        other => panic!("a border the README's table does not know: {other:?}"),
    }
    if style.pattern == FillPattern::Graded {
        parts.push("graded fill");
    }
    parts.join(", ")
}

#[test]
fn the_readme_draws_every_unit_kind_as_the_model_does() {
    let readme = readme();
    for kind in UnitKind::ALL {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| `{}` |", kind.as_str())))
            .unwrap_or_else(|| panic!("README lacks a row for {kind}"));
        assert!(
            row.ends_with(&format!("| {} |", chart_cell(*kind))),
            "{row}\nis not drawn as {}",
            chart_cell(*kind)
        );
    }
}

#[test]
fn the_readme_lists_every_kind_with_its_family_and_nature() {
    let readme = readme();
    for kind in UnitKind::ALL {
        let row = format!(
            "| `{}` | {} | {} |",
            kind.as_str(),
            french(kind.french_name(), kind.other_names()),
            kind.family().as_str()
        );
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
    let tie_section = &readme[readme.find("### Tie kinds").unwrap()..];
    let tie_section = &tie_section[..tie_section.find("### Which ties").unwrap()];
    let tie_rows: Vec<&str> = tie_section
        .lines()
        .filter(|l| l.starts_with("| `") && l.matches('|').count() == 6)
        .collect();
    assert_eq!(tie_rows.len(), TieKind::ALL.len(), "{tie_rows:#?}");
    for (kind, line) in TieKind::ALL.iter().zip(tie_rows) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert_eq!(cells[1], format!("`{kind}`"), "{line}");
        assert_eq!(
            cells[2],
            french(kind.french_name(), kind.other_names()),
            "{line}"
        );
        assert!(cells[3].starts_with(kind.verb()), "{kind}: {line}");
        assert_eq!(cells[4] == "yes", kind.is_hierarchical(), "{kind}: {line}");
        assert_eq!(cells[5] == "yes", kind.is_symmetric(), "{kind}: {line}");
    }
}

#[test]
fn the_readme_lists_every_diagnostic_code() {
    let readme = readme();
    for code in organigram::diagnostic::Code::ALL {
        assert!(
            readme.contains(&format!("`{}`", code.as_str())),
            "README lacks code {code}"
        );
    }
}
