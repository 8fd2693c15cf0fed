//! The hierarchy as CSV, one row per unit, in the columns `import csv` reads back: `organigram
//! import csv FILE -o DIR --id id --parent parent --name name --kind kind --acronym acronym`
//! gives the same units (ids, names, kinds, acronyms) under the same parents.
//!
//! ```csv
//! id,parent,name,kind,acronym
//! me,,Ministère de l'Exemple,ministry,ME
//! me-sg,me,Secrétariat général,secretariat-general,SG
//! ```
//!
//! A table holds one parent per unit, as the HR tools and directories that exchange such files
//! do: a unit's attachment (`attachment` or `joint-attachment`), the first one declared when it
//! has several, and for a unit with none, its first line authority. Other parents, other ties,
//! organisations, sources and the other attributes are not part of it: for the whole graph,
//! export JSON, GraphML or linked data.
//!
//! # Formulas
//!
//! A spreadsheet that opens a CSV file reads a cell that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return as a formula, and runs it: a unit named `=HYPERLINK(...)` would be a
//! link, `=SUM(1)` would show 1. As OWASP's "CSV Injection" page says, such a cell is written
//! with a single quote in front (`'=SUM(1)`), which spreadsheets take for "this cell is text".
//! So is a cell that starts with quotes and then one of those characters (`'=x` is written
//! `''=x`), so that `import csv`, which takes one leading quote away from a cell whose text after
//! it would have been given one, reads back every name as it was. Ids and kinds are slugs, which
//! start with a letter or a digit: only names and acronyms are ever given a quote.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::graph::OrgGraph;

/// The header row: the columns, in order.
pub(crate) const COLUMNS: [&str; 5] = ["id", "parent", "name", "kind", "acronym"];

/// The characters that make a spreadsheet read a cell that starts with one as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell is written with a quote in front: it starts with a formula character, or with
/// quotes and then one.
fn guarded(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A cell as written: with a quote in front when a spreadsheet would read it as a formula, or
/// when `import csv` would otherwise take away a quote of its own ([`unguard`] undoes it).
pub(crate) fn guard(cell: &str) -> Cow<'_, str> {
    if guarded(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as read: without the quote [`guard`] put in front, when it has one.
pub(crate) fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(text) if guarded(text) => text,
        _ => cell,
    }
}

/// Writes the units of `graph` as CSV (UTF-8, comma-separated, cells quoted when they hold a
/// comma, a quote or a line break, and given a single quote in front when a spreadsheet would
/// run them as formulas), in declaration order, after the header `id,parent,name,kind,acronym`.
/// Linear in the size of the graph.
pub fn write(graph: &OrgGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    for (ix, unit) in graph.units() {
        let parent = graph
            .hierarchy()
            .parent(ix)
            .map_or("", |p| graph.unit(p).id.as_str());
        writer.write_record([
            guard(unit.id.as_str()).as_ref(),
            &guard(parent),
            &guard(&unit.name),
            &guard(unit.kind.as_str()),
            &guard(unit.acronym.as_deref().unwrap_or("")),
        ])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{build, description};
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    fn csv(graph: &OrgGraph) -> String {
        let mut bytes = Vec::new();
        write(graph, &mut bytes).unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn one_row_per_unit_under_its_attachment() {
        let mut d = description(
            &[
                ("top", Ministry),
                ("sg", SecretariatGeneral),
                ("dir", Directorate),
                ("lab", Team),
                ("head", Post),
                ("clerk", Post),
                ("loop", Bureau),
            ],
            &[
                ("sg", Attachment, "top"),
                ("dir", Attachment, "sg"),
                ("lab", LineAuthority, "sg"),
                ("lab", JointAttachment, "dir"),
                ("lab", JointAttachment, "sg"),
                ("head", Attachment, "sg"),
                ("clerk", LineAuthority, "head"),
                ("loop", Attachment, "loop"),
                ("dir", Cooperation, "lab"),
            ],
        );
        d.units[0].acronym = Some("T".to_owned());
        d.units[1].name = "Secrétariat, \"général\"\nsecond line".to_owned();
        assert_eq!(
            csv(&build(d)),
            "id,parent,name,kind,acronym\n\
             top,,top,ministry,T\n\
             sg,top,\"Secrétariat, \"\"général\"\"\nsecond line\",secretariat-general,\n\
             dir,sg,dir,directorate,\n\
             lab,dir,lab,team,\n\
             head,sg,head,post,\n\
             clerk,head,clerk,post,\n\
             loop,,loop,bureau,\n"
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_written_as_text() {
        for (name, written) in [
            ("=SUM(1)", "'=SUM(1)"),
            ("+33 1 40", "'+33 1 40"),
            ("-x", "'-x"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("''+x", "'''+x"),
            ("'x", "'x"),
            ("x=1", "x=1"),
            (" =x", " =x"),
            ("", ""),
        ] {
            assert_eq!(guard(name), written, "{name:?}");
            assert_eq!(unguard(written), name, "{written:?}");
        }
        let mut d = description(&[("a", Bureau), ("b", Bureau)], &[("b", Attachment, "a")]);
        d.units[0].name = "=HYPERLINK(\"http://x\")".to_owned();
        d.units[1].acronym = Some("-B".to_owned());
        assert_eq!(
            csv(&build(d)),
            "id,parent,name,kind,acronym\n\
             a,,\"'=HYPERLINK(\"\"http://x\"\")\",bureau,\n\
             b,a,b,bureau,'-B\n"
        );
    }

    #[test]
    fn guarded_cells_import_back_as_they_were() {
        let names = [
            "=SUM(1)",
            "+33",
            "-x",
            "@x",
            "\t=x",
            "\r\n=x",
            "'=x",
            "''@x",
            "'x",
            "'",
            "'\t",
            "a'",
            " '=x",
            "Bureau \"X\", achats",
            "two\nlines",
        ];
        let ids: Vec<String> = (0..names.len()).map(|n| format!("u{n}")).collect();
        let units: Vec<(&str, crate::model::UnitKind)> =
            ids.iter().map(|id| (id.as_str(), Bureau)).collect();
        let mut d = description(&units, &[]);
        for (unit, name) in d.units.values_mut().zip(names) {
            unit.name = name.to_owned();
            unit.acronym = Some(name.to_owned());
        }
        let mut bytes = Vec::new();
        write(&build(d), &mut bytes).unwrap();
        let options = crate::interop::CsvOptions {
            kind: Some("kind".to_owned()),
            acronym: Some("acronym".to_owned()),
            ..crate::interop::CsvOptions::new("units.csv", "id", "parent", "name")
        };
        let import = crate::interop::import_csv(&bytes, &options).unwrap();
        let read: Vec<(String, String)> = import.files[0]
            .file
            .units
            .iter()
            .filter_map(|u| u.clone().ok())
            .map(|u| (u.value.name, u.value.acronym.unwrap_or_default()))
            .collect();
        let expected: Vec<(String, String)> = names
            .iter()
            .map(|n| (n.trim().to_owned(), n.trim().to_owned()))
            .collect();
        assert_eq!(read, expected);
    }
}
