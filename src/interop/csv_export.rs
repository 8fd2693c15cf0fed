//! The hierarchy as CSV, one row per unit and period, in the columns `import csv` reads back:
//! `organigram import csv FILE -o DIR --id id --parent parent --name name --kind kind --acronym
//! acronym --valid-from valid_from --valid-until valid_until` gives the same units (ids, names,
//! kinds, acronyms, lives) under the same parents at the same dates.
//!
//! ```csv
//! id,parent,name,kind,acronym,valid_from,valid_until
//! me,,Ministère de l'Exemple,ministry,ME,,
//! me-sg,me,Secrétariat général,secretariat-general,SG,2019-10-25,
//! ```
//!
//! A table holds one parent per unit at a time, as the HR tools and directories that exchange
//! such files do: a unit's attachment (`attachment` or `joint-attachment`), the first one
//! declared when it has several, and for a unit with none, its first line authority
//! ([`Hierarchy::parent`](crate::graph::Hierarchy::parent)). Other parents, other ties,
//! organisations, sources and the other attributes are not part of it: for the whole graph,
//! export JSON, GraphML or linked data.
//!
//! # Dates
//!
//! A row holds from its `valid_from` (included) to its `valid_until` (excluded), empty for open.
//! On a graph of every date, a unit has a row for each period of its life with one parent and
//! (since [`Unit::was`](crate::model::Unit::was) says when they changed) one name, kind and
//! acronym, a period with no parent included (with an empty parent, which `import csv` reads as
//! a top, as it reads any unit with no superior). On the structure of one day, a unit has one
//! row: the period around that day during which it has that parent, as far as the day's ties
//! tell.
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

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::graph::{OrgGraph, UnitIx};
use crate::model::{Date, Period, Unit, UnitKind};

/// The header row: the columns, in order.
pub(crate) const COLUMNS: [&str; 7] = [
    "id",
    "parent",
    "name",
    "kind",
    "acronym",
    "valid_from",
    "valid_until",
];

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

/// One row of a unit: its parent and its values during a period.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row<'g> {
    parent: Option<UnitIx>,
    name: Cow<'g, str>,
    kind: UnitKind,
    acronym: Option<Cow<'g, str>>,
    period: Period,
}

impl<'g> Row<'g> {
    /// The row of `unit` under `parent` during `period`, with the unit's own values.
    fn new(unit: &'g Unit, parent: Option<UnitIx>, period: Period) -> Row<'g> {
        Row {
            parent,
            name: Cow::Borrowed(&unit.name),
            kind: unit.kind.value,
            acronym: unit.acronym.as_deref().map(Cow::Borrowed),
            period,
        }
    }

    /// Whether two rows say the same but for their periods.
    fn same(&self, other: &Row<'_>) -> bool {
        (self.parent, &self.name, self.kind, &self.acronym)
            == (other.parent, &other.name, other.kind, &other.acronym)
    }
}

/// The rows of a unit ([Dates](self#dates)): on the structure of `day`, the one around it;
/// with no day, every period of the unit's life with one parent and one set of values. A unit
/// whose life, hierarchical ties and values are not dated has one row, found without
/// allocating. `O(t log t)` for a unit with `t` dated ties and changes.
fn rows(graph: &OrgGraph, ix: UnitIx, day: Option<Date>) -> Vec<Row<'_>> {
    let unit = graph.unit(ix);
    let hierarchy = graph.hierarchy();
    let ups = || {
        graph
            .petgraph()
            .edges_directed(ix, Direction::Outgoing)
            .filter(|e| e.weight().kind.is_hierarchical())
            .map(|e| graph.tie(e.id()))
    };
    let changes = if day.is_none() {
        unit.was.as_slice()
    } else {
        &[]
    };
    let life = unit.life();
    if life.is_open() && changes.is_empty() && ups().all(|tie| tie.period().is_open()) {
        return vec![Row::new(unit, hierarchy.parent(ix), life)];
    }
    // Where the parent or the values may change, after the life starts and before it ends.
    let mut points: Vec<Date> = ups()
        .flat_map(|tie| [tie.valid_from, tie.valid_until])
        .chain(changes.iter().map(|was| Some(was.until)))
        .flatten()
        .filter(|point| {
            life.holds_at(*point) && life.from.is_none_or(|from| point.start() > from.start())
        })
        .collect();
    points.sort_by_key(|point| point.start());
    points.dedup_by_key(|point| point.start());
    let starts = std::iter::once(life.from).chain(points.iter().copied().map(Some));
    let ends = points.iter().copied().map(Some).chain([life.until]);
    let mut rows: Vec<Row<'_>> = Vec::new();
    for period in starts
        .zip(ends)
        .map(|(from, until)| Period::new(from, until))
    {
        // A day the period holds: its start, or for an open past the day before its end; none
        // for a period open at both ends, when nothing is dated.
        let probe = period
            .from
            .or_else(|| period.until.and_then(Date::day_before));
        let parent = hierarchy.parent_among(ix, |tie| {
            probe.is_none_or(|probe| tie.period().holds_at(probe))
        });
        let row = match probe.filter(|_| !changes.is_empty()) {
            Some(probe) => {
                let mut then = unit.clone();
                then.take_values_at(probe);
                Row {
                    parent,
                    name: Cow::Owned(then.name),
                    kind: then.kind.value,
                    acronym: then.acronym.map(Cow::Owned),
                    period,
                }
            }
            None => Row::new(unit, parent, period),
        };
        match rows.last_mut() {
            Some(last) if last.same(&row) => last.period.until = row.period.until,
            _ => rows.push(row),
        }
    }
    if let Some(day) = day {
        rows.retain(|row| row.period.holds_at(day));
    }
    rows
}

/// Writes the units of `graph` as CSV (UTF-8, comma-separated, cells quoted when they hold a
/// comma, a quote or a line break, and given a single quote in front when a spreadsheet would
/// run them as formulas), in declaration order, after the header
/// `id,parent,name,kind,acronym,valid_from,valid_until`: on the structure of `day`, one row per
/// unit; with no day (a graph of every date), one per period of each unit ([Dates](self#dates)).
/// Linear in the size of the graph, and allocates per unit only for a dated one.
pub fn write(graph: &OrgGraph, day: Option<Date>, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let date = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
    for (ix, unit) in graph.units() {
        for row in rows(graph, ix, day) {
            let parent = row.parent.map_or("", |p| graph.unit(p).id.as_str());
            writer.write_record([
                guard(unit.id.as_str()).as_ref(),
                &guard(parent),
                &guard(&row.name),
                &guard(row.kind.as_str()),
                &guard(row.acronym.as_deref().unwrap_or("")),
                &date(row.period.from),
                &date(row.period.until),
            ])?;
        }
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
        write(graph, None, &mut bytes).unwrap();
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
            "id,parent,name,kind,acronym,valid_from,valid_until\n\
             top,,top,ministry,T,,\n\
             sg,top,\"Secrétariat, \"\"général\"\"\nsecond line\",secretariat-general,,,\n\
             dir,sg,dir,directorate,,,\n\
             lab,dir,lab,team,,,\n\
             head,sg,head,post,,,\n\
             clerk,head,clerk,post,,,\n\
             loop,,loop,bureau,,,\n"
        );
    }

    /// The DINSIC's history: a directorate until 2019-10-25, then DINUM; a lab that moved from
    /// one parent to another; a unit that began later, and a top.
    fn history() -> crate::model::Description {
        let date = |text: &str| crate::model::Date::parse(text).ok();
        let mut d = description(
            &[
                ("pm", Ministry),
                ("sg", SecretariatGeneral),
                ("dinum", InterministerialDirectorate),
                ("lab", Team),
            ],
            &[
                ("sg", Attachment, "pm"),
                ("dinum", Attachment, "pm"),
                ("lab", Attachment, "sg"),
                ("lab", Attachment, "dinum"),
            ],
        );
        d.units[0].boundary = Some(crate::model::Boundary::Top);
        d.units[2].name = "DINUM".to_owned();
        d.units[2].valid_from = date("2011");
        d.units[2].was = vec![crate::model::Was {
            until: date("2019-10-25").unwrap(),
            name: Some("DINSIC".to_owned()),
            acronym: None,
            kind: Some(crate::model::Spanned::new(
                crate::model::Span::default(),
                Directorate,
            )),
            remit: None,
            headcount: None,
            source: None,
        }];
        d.units[3].valid_from = date("2015");
        d.ties[2].valid_until = date("2019-10-25");
        d.ties[3].valid_from = date("2019-10-25");
        d
    }

    #[test]
    fn a_unit_has_a_row_per_period_of_its_parent_and_values() {
        let mut bytes = Vec::new();
        write(&build(history()), None, &mut bytes).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "id,parent,name,kind,acronym,valid_from,valid_until\n\
             pm,,pm,ministry,,,\n\
             sg,pm,sg,secretariat-general,,,\n\
             dinum,pm,DINSIC,directorate,,2011,2019-10-25\n\
             dinum,pm,DINUM,interministerial-directorate,,2019-10-25,\n\
             lab,sg,lab,team,,2015,2019-10-25\n\
             lab,dinum,lab,team,,2019-10-25,\n"
        );
        // On one day's structure, one row per unit: the period around the day.
        let (cut, _) = crate::time::cut(history(), crate::model::Date::parse("2020").unwrap());
        let mut bytes = Vec::new();
        write(
            &build(cut),
            crate::model::Date::parse("2020").ok(),
            &mut bytes,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "id,parent,name,kind,acronym,valid_from,valid_until\n\
             pm,,pm,ministry,,,\n\
             sg,pm,sg,secretariat-general,,,\n\
             dinum,pm,DINUM,interministerial-directorate,,2011,\n\
             lab,dinum,lab,team,,2019-10-25,\n"
        );
    }

    #[test]
    fn dated_rows_import_back_as_the_same_history() {
        let mut bytes = Vec::new();
        write(&build(history()), None, &mut bytes).unwrap();
        let options = crate::interop::CsvOptions {
            kind: Some("kind".to_owned()),
            acronym: Some("acronym".to_owned()),
            valid_from: Some("valid_from".to_owned()),
            valid_until: Some("valid_until".to_owned()),
            ..crate::interop::CsvOptions::new("units.csv", "id", "parent", "name")
        };
        let import = crate::interop::import_csv(&bytes, &options).unwrap();
        let file = &import.files[0].file;
        let units: Vec<crate::model::Unit> = file
            .units
            .iter()
            .filter_map(|u| u.clone().ok().map(|u| u.value))
            .collect();
        let expected = history();
        for (read, was) in units.iter().zip(expected.units.values()) {
            assert_eq!(read.id, was.id);
            assert_eq!(
                (&read.name, read.kind.value, read.life()),
                (&was.name, was.kind.value, was.life())
            );
            let changes = |unit: &crate::model::Unit| {
                unit.was
                    .iter()
                    .map(|w| (w.until, w.name.clone(), w.kind.as_ref().map(|k| k.value)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(changes(read), changes(was), "{}", was.id.as_str());
        }
        let ties: Vec<String> = file
            .ties
            .iter()
            .filter_map(|t| t.clone().ok().map(|t| t.value))
            .map(|t| format!("{t} {}", t.period()))
            .collect();
        // DINUM's two rows, one per name, are its one tie to its parent, during its life.
        assert_eq!(
            ties,
            [
                "`sg` is attached to `pm` always",
                "`dinum` is attached to `pm` since 2011",
                "`lab` is attached to `sg` 2015 – 2019-10-25",
                "`lab` is attached to `dinum` since 2019-10-25",
            ]
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
            "id,parent,name,kind,acronym,valid_from,valid_until\n\
             a,,\"'=HYPERLINK(\"\"http://x\"\")\",bureau,,,\n\
             b,a,b,bureau,'-B,,\n"
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
        write(&build(d), None, &mut bytes).unwrap();
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
