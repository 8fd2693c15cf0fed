//! The README documents the vocabulary; these tests keep it whole and true to the model.

use organigram::model::{Family, TieKind, UnitKind};

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

#[test]
fn the_readme_validity_table_is_the_model_s() {
    let readme = readme();
    let start = readme.find("<!-- validity-table:start -->\n").unwrap() + 30;
    let end = readme.find("<!-- validity-table:end -->").unwrap();
    assert_eq!(&readme[start..end], validity_table());
}

#[test]
fn the_readme_lists_every_kind_with_its_family_and_nature() {
    let readme = readme();
    for kind in UnitKind::ALL {
        let row = format!("| `{}` | {} |", kind.as_str(), kind.family().as_str());
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
    for kind in TieKind::ALL {
        let line = readme
            .lines()
            .find(|l| {
                l.starts_with(&format!("| `{}` | ", kind.as_str())) && l.matches('|').count() == 5
            })
            .unwrap_or_else(|| panic!("README lacks tie kind {kind}"));
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        assert!(cells[2].starts_with(kind.verb()), "{kind}: {line}");
        assert_eq!(cells[3] == "yes", kind.is_hierarchical(), "{kind}: {line}");
        assert_eq!(cells[4] == "yes", kind.is_symmetric(), "{kind}: {line}");
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
