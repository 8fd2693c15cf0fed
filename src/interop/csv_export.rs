//! The hierarchy as CSV, in the columns `import csv` finds by their headers: one row per unit
//! (and period) under its main parent, then one row per other hierarchical tie, so that
//! `organigram import csv FILE -o DIR` gives back the same units (ids, names, kinds, acronyms,
//! lives, statuses, headcounts, remits, vacancies, locations, sources, organisations) under
//! the same parents by the same kinds of tie at the same dates.
//!
//! ```csv
//! id,parent,tie,name,kind,acronym,valid_from,valid_until,status,headcount,remit,vacant,location,source,organisation
//! me,,,Ministère de l'Exemple,ministry,ME,,,,,,,,,me
//! me-sg,me,attachment,Secrétariat général,secretariat-general,SG,2019-10-25,,,120,,,Paris,,me
//! me-lab,me-sg,attachment,Laboratoire,team,,,,,,,,,,me
//! me-lab,me,line-authority,,,,,,,,,,,,
//! me-old,me,attachment,Ancienne mission,mission,,,2020,dissolved,,,,,,me
//! ```
//!
//! # Shape
//!
//! A table is read by people first: sorted, filtered, a parent edited, a row added. So a unit's
//! first row is what HR tools and directories exchange, the unit with one parent, its main one
//! ([`Hierarchy::parent`](crate::graph::Hierarchy::parent): its first attachment, joint
//! attachment or head, else its first line authority), and the `tie` column says which kind of
//! tie that is. Each other hierarchical tie of the unit (a second joint attachment, a line
//! authority beside an attachment) is a further row that gives only the `id`, the `parent`, the
//! `tie` and its dates, the name and every other cell empty: the unit's facts are on its own
//! row only. A table with no further rows is the plain one-parent-per-row table.
//!
//! A table holds hierarchical ties only. Other ties (cooperation, secretariat…), and the facts
//! of units a cell cannot hold (aliases, roles, notes, a source's details: the `source` column
//! holds its URL, or else its title; an organisation's name: the `organisation` column holds
//! the id of the organisation a unit is declared in) are left out: [`left_out`] counts them, for the command to
//! say so. A tie of a unit to itself, which no valid description holds, is left out too.
//!
//! # Dates
//!
//! A row holds from its `valid_from` (included) to its `valid_until` (excluded), empty for open.
//! On a graph of every date, a unit has a row for each period of its life with one main parent
//! and (since [`Unit::was`](crate::model::Unit::was) says when they changed) one name, kind,
//! acronym, remit and headcount, a period with no parent included (with an empty parent, which
//! `import csv` reads as a top, as it reads any unit with no superior). On the structure of one
//! day, a unit has one row: the period around that day during which it has that parent, as far
//! as the day's ties tell. A further row holds a tie during the stretches of its period that no
//! row of the unit gives it as the main parent's, so that the unit's rows together give every
//! tie its whole period within the unit's life.
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
//! start with a letter or a digit: only texts (names, acronyms, remits, locations, sources) are
//! ever given a quote.

use std::borrow::Cow;
use std::io::{self, Write};

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{
    Date, HeadcountBasis, HeadcountQualifier, Period, Status, TieKind, Unit, Values,
};

/// The header row: the columns, in order.
pub(crate) const COLUMNS: [&str; 15] = [
    "id",
    "parent",
    "tie",
    "name",
    "kind",
    "acronym",
    "valid_from",
    "valid_until",
    "status",
    "headcount",
    "remit",
    "vacant",
    "location",
    "source",
    "organisation",
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

/// One row of a unit: its main parent, the tie to it, and its values during a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row<'g> {
    parent: Option<(UnitIx, TieIx)>,
    values: Values<'g>,
    period: Period,
}

/// A unit's values as its own fields give them: since its last change.
fn own_values(unit: &Unit) -> Values<'_> {
    Values {
        name: &unit.name,
        acronym: unit.acronym.as_deref(),
        kind: &unit.kind,
        remit: unit.remit.as_deref(),
        headcount: unit.headcount.as_ref(),
    }
}

/// The rows of a unit ([Dates](self#dates)): on the structure of `day`, the one around it;
/// with no day, every period of the unit's life with one main parent and one set of values. A
/// unit whose life, hierarchical ties and values are not dated has one row, found without
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
        return vec![Row {
            parent: hierarchy.parent_tie_among(ix, |_| true),
            values: own_values(unit),
            period: life,
        }];
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
        let parent = hierarchy.parent_tie_among(ix, |tie| {
            probe.is_none_or(|probe| tie.period().holds_at(probe))
        });
        let values = match probe.filter(|_| !changes.is_empty()) {
            Some(probe) => unit.values_at(probe),
            None => own_values(unit),
        };
        let row = Row {
            parent,
            values,
            period,
        };
        match rows.last_mut() {
            Some(last) if (last.parent, last.values) == (row.parent, row.values) => {
                last.period.until = row.period.until;
            }
            _ => rows.push(row),
        }
    }
    if let Some(day) = day {
        rows.retain(|row| row.period.holds_at(day));
    }
    rows
}

/// A unit's further rows ([Shape](self#shape)): each of its hierarchical ties to another unit,
/// in declaration order, during each stretch of the tie's period within the unit's life that
/// none of `rows` gives it as the main parent's. `O(t r)` for `t` ties and `r` rows.
fn further<'g>(
    graph: &'g OrgGraph,
    ix: UnitIx,
    rows: &[Row<'g>],
) -> Vec<(UnitIx, TieKind, Period)> {
    let mut ties: Vec<_> = graph
        .petgraph()
        .edges_directed(ix, Direction::Outgoing)
        .filter(|e| e.weight().kind.is_hierarchical() && e.target() != ix)
        .collect();
    ties.sort_by_key(EdgeRef::id);
    let life = graph.unit(ix).life();
    let mut further = Vec::new();
    for edge in ties {
        let tie = graph.tie(edge.id());
        // A tie holds while both its ends exist: the unit's rows stop where its life does.
        let period = tie.period().intersection(life);
        if !period.is_ordered() {
            continue;
        }
        let covered: Vec<Period> = rows
            .iter()
            .filter(|row| row.parent.is_some_and(|(_, t)| t == edge.id()))
            .map(|row| row.period)
            .collect();
        for gap in period.gaps(&covered) {
            further.push((edge.target(), tie.kind.value, gap.period));
        }
    }
    further
}

/// The cell of a unit's organisation: the id of the organisation (description file) it is
/// declared in, so that `import csv` writes it in a file of that organisation again.
fn organisation_id<'g>(graph: &'g OrgGraph, unit: &Unit) -> &'g str {
    let at = usize::try_from(unit.organisation.0).unwrap_or(usize::MAX);
    graph.organisations().get(at).map_or("", |o| o.id.as_str())
}

/// The cell of a unit's source: the URL of the source it cites, else its title.
fn source_cell<'g>(graph: &'g OrgGraph, unit: &'g Unit) -> &'g str {
    unit.source
        .as_ref()
        .and_then(|citation| graph.source(citation.source.as_str()))
        .map_or("", |source| source.url.as_deref().unwrap_or(&source.title))
}

/// Writes the hierarchy of `graph` as CSV (UTF-8, comma-separated, cells quoted when they hold
/// a comma, a quote or a line break, and given a single quote in front when a spreadsheet would
/// run them as formulas), units in declaration order, after the header row of the
/// [module's example](self): on the structure of `day`, one row per unit; with no day (a graph
/// of every date), one per period of each unit ([Dates](self#dates)); each followed by the
/// further rows of its other hierarchical ties ([Shape](self#shape)). Linear in the size of the graph, and allocates per
/// unit only for a dated one or one with several hierarchical ties.
pub fn write(graph: &OrgGraph, day: Option<Date>, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let date = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
    let tie_kind = |tie: Option<TieIx>| tie.map_or("", |t| graph.tie(t).kind.value.as_str());
    for (ix, unit) in graph.units() {
        let rows = rows(graph, ix, day);
        // Empty for the default, so that a table of units in operation reads as one.
        let status = match unit.status {
            Status::Active => "",
            status => status.as_str(),
        };
        let vacant = match unit.vacant.as_ref().map(|v| v.value) {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        for row in &rows {
            let parent = row.parent.map_or("", |(p, _)| graph.unit(p).id.as_str());
            let values = row.values;
            let headcount = values.headcount.map(|h| h.count.to_string());
            writer.write_record([
                guard(unit.id.as_str()).as_ref(),
                &guard(parent),
                tie_kind(row.parent.map(|(_, t)| t)),
                &guard(values.name),
                &guard(values.kind.value.as_str()),
                &guard(values.acronym.unwrap_or("")),
                &date(row.period.from),
                &date(row.period.until),
                status,
                headcount.as_deref().unwrap_or(""),
                &guard(values.remit.unwrap_or("")),
                vacant,
                &guard(unit.location.as_deref().unwrap_or("")),
                &guard(source_cell(graph, unit)),
                organisation_id(graph, unit),
            ])?;
        }
        for (parent, kind, period) in further(graph, ix, &rows) {
            let mut record = [""; COLUMNS.len()];
            let (from, until) = (date(period.from), date(period.until));
            record[0] = unit.id.as_str();
            record[1] = graph.unit(parent).id.as_str();
            record[2] = kind.as_str();
            record[6] = &from;
            record[7] = &until;
            writer.write_record(record)?;
        }
    }
    writer.flush()
}

/// What a CSV export of a graph leaves out ([Shape](self#shape)), for the user to be told.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// The ties that are not hierarchical, by kind in the order of [`TieKind::ALL`], with their
    /// numbers; kinds with none left out.
    pub ties: Vec<(TieKind, usize)>,
    /// The facts of units, hierarchical ties and organisations that no column holds, as
    /// descriptions name them (`aliases`, `note`, `headcount.basis`, `organisation.name`), each
    /// with the number of units, ties or organisations that give it; facts none gives left out.
    pub facts: Vec<(&'static str, usize)>,
}

impl LeftOut {
    /// Whether the export holds everything.
    pub fn is_empty(&self) -> bool {
        self.ties.is_empty() && self.facts.is_empty()
    }
}

/// What [`write()`] leaves out of `graph`: its ties that are not hierarchical, and the facts no
/// column holds. Linear in the size of the graph.
pub fn left_out(graph: &OrgGraph) -> LeftOut {
    let ties = TieKind::ALL
        .iter()
        .filter(|kind| !kind.is_hierarchical())
        .map(|&kind| {
            let n = graph.ties().filter(|(_, t)| t.kind.value == kind).count();
            (kind, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let units: Vec<&Unit> = graph.units().map(|(_, u)| u).collect();
    let count = |given: fn(&Unit) -> bool| units.iter().filter(|u| given(u)).count();
    let hierarchical = || {
        graph
            .ties()
            .map(|(_, t)| t)
            .filter(|t| t.kind.value.is_hierarchical())
    };
    let mut facts: Vec<(&'static str, usize)> = vec![
        ("aliases", count(|u| !u.aliases.is_empty())),
        ("roles", count(|u| !u.roles.is_empty())),
        ("grade", count(|u| u.grade.is_some())),
        ("term_months", count(|u| u.term_months.is_some())),
        ("vacant_from", count(|u| u.vacant_from.is_some())),
        ("recruiting", count(|u| u.recruiting.is_some())),
        ("newly_created", count(|u| u.newly_created.is_some())),
        ("within", count(|u| u.within.is_some())),
        ("collective", count(|u| u.collective)),
        ("note", count(|u| u.note.is_some())),
        (
            "headcount.basis",
            count(|u| {
                u.headcount
                    .as_ref()
                    .is_some_and(|h| h.basis != HeadcountBasis::Actual)
            }),
        ),
        (
            "headcount.qualifier",
            count(|u| {
                u.headcount
                    .as_ref()
                    .is_some_and(|h| h.qualifier != HeadcountQualifier::Exactly)
            }),
        ),
        (
            "headcount.date",
            count(|u| u.headcount.as_ref().is_some_and(|h| h.date.is_some())),
        ),
        (
            "source.quote",
            count(|u| u.source.as_ref().is_some_and(|c| c.quote.is_some())),
        ),
        (
            "source.locator",
            count(|u| u.source.as_ref().is_some_and(|c| c.locator.is_some())),
        ),
        (
            "tie note",
            hierarchical().filter(|t| t.note.is_some()).count(),
        ),
        (
            "tie source",
            hierarchical().filter(|t| t.source.is_some()).count(),
        ),
    ];
    // The column holds an organisation's id; `import csv` names it after its id.
    let renamed = graph
        .organisations()
        .iter()
        .filter(|o| o.name != o.id.as_str() || o.acronym.is_some())
        .count();
    facts.push(("organisation.name", renamed));
    facts.retain(|(_, n)| *n > 0);
    LeftOut { ties, facts }
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

    /// The ties of a file an import wrote, each with its period, as the tests compare them.
    fn tie_lines(file: &crate::model::DescriptionFile) -> Vec<String> {
        file.ties
            .iter()
            .filter_map(|t| t.clone().ok().map(|t| t.value))
            .map(|t| format!("{t} {}", t.period()))
            .collect()
    }

    #[test]
    fn one_row_per_unit_under_its_main_parent_then_one_per_other_hierarchical_tie() {
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
            "id,parent,tie,name,kind,acronym,valid_from,valid_until,status,headcount,remit,vacant,location,source,organisation\n\
             top,,,top,ministry,T,,,,,,,,,org\n\
             sg,top,attachment,\"Secrétariat, \"\"général\"\"\nsecond line\",secretariat-general,,,,,,,,,,org\n\
             dir,sg,attachment,dir,directorate,,,,,,,,,,org\n\
             lab,dir,joint-attachment,lab,team,,,,,,,,,,org\n\
             lab,sg,line-authority,,,,,,,,,,,,\n\
             lab,sg,joint-attachment,,,,,,,,,,,,\n\
             head,sg,attachment,head,post,,,,,,,,,,org\n\
             clerk,head,line-authority,clerk,post,,,,,,,,,,org\n\
             loop,,,loop,bureau,,,,,,,,,,org\n"
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
            "id,parent,tie,name,kind,acronym,valid_from,valid_until,status,headcount,remit,vacant,location,source,organisation\n\
             pm,,,pm,ministry,,,,,,,,,,org\n\
             sg,pm,attachment,sg,secretariat-general,,,,,,,,,,org\n\
             dinum,pm,attachment,DINSIC,directorate,,2011,2019-10-25,,,,,,,org\n\
             dinum,pm,attachment,DINUM,interministerial-directorate,,2019-10-25,,,,,,,,org\n\
             lab,sg,attachment,lab,team,,2015,2019-10-25,,,,,,,org\n\
             lab,dinum,attachment,lab,team,,2019-10-25,,,,,,,,org\n"
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
            "id,parent,tie,name,kind,acronym,valid_from,valid_until,status,headcount,remit,vacant,location,source,organisation\n\
             pm,,,pm,ministry,,,,,,,,,,org\n\
             sg,pm,attachment,sg,secretariat-general,,,,,,,,,,org\n\
             dinum,pm,attachment,DINUM,interministerial-directorate,,2011,,,,,,,,org\n\
             lab,dinum,attachment,lab,team,,2019-10-25,,,,,,,,org\n"
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
        let ties = tie_lines(file);
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
    fn a_further_row_gives_a_tie_where_no_row_gives_it_and_imports_back() {
        let date = |text: &str| crate::model::Date::parse(text).ok();
        // `lab` is jointly attached to `dir` from 2018, declared first, so its main parent from
        // then on; its attachment to `sg` holds throughout, and is the main one before 2018.
        let mut d = description(
            &[
                ("sg", SecretariatGeneral),
                ("dir", Directorate),
                ("lab", Team),
            ],
            &[
                ("dir", Attachment, "sg"),
                ("lab", JointAttachment, "dir"),
                ("lab", Attachment, "sg"),
            ],
        );
        d.ties[1].valid_from = date("2018");
        let text = csv(&build(d.clone()));
        assert_eq!(
            text,
            "id,parent,tie,name,kind,acronym,valid_from,valid_until,status,headcount,remit,vacant,location,source,organisation\n\
             sg,,,sg,secretariat-general,,,,,,,,,,org\n\
             dir,sg,attachment,dir,directorate,,,,,,,,,,org\n\
             lab,sg,attachment,lab,team,,,2018,,,,,,,org\n\
             lab,dir,joint-attachment,lab,team,,2018,,,,,,,,org\n\
             lab,sg,attachment,,,,2018,,,,,,,,\n"
        );
        let import = crate::interop::import_csv(
            text.as_bytes(),
            &crate::interop::CsvOptions::found("u.csv"),
        )
        .unwrap();
        let ties = tie_lines(&import.files[0].file);
        // The attachment's two rows, back to back, are one tie again.
        assert_eq!(
            ties,
            [
                "`dir` is attached to `sg` always",
                "`lab` is attached to `sg` always",
                "`lab` is jointly attached to `dir` since 2018",
            ]
        );
    }

    #[test]
    fn what_the_table_cannot_hold_is_counted() {
        let mut d = description(
            &[("a", Bureau), ("b", Bureau), ("c", Bureau)],
            &[
                ("b", Attachment, "a"),
                ("b", Cooperation, "c"),
                ("c", Cooperation, "a"),
                ("c", Advice, "a"),
            ],
        );
        d.units[0].note = Some("n".to_owned());
        d.units[0].aliases = vec!["x".to_owned(), "y".to_owned()];
        d.ties[0].note = Some("n".to_owned());
        assert_eq!(
            left_out(&build(d)),
            LeftOut {
                ties: vec![(Cooperation, 2), (Advice, 1)],
                facts: vec![("aliases", 1), ("note", 1), ("tie note", 1)],
            }
        );
        let all = description(&[("a", Bureau)], &[]);
        assert!(left_out(&build(all)).is_empty());
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
            "id,parent,tie,name,kind,acronym,valid_from,valid_until,status,headcount,remit,vacant,location,source,organisation\n\
             a,,,\"'=HYPERLINK(\"\"http://x\"\")\",bureau,,,,,,,,,,org\n\
             b,a,attachment,b,bureau,'-B,,,,,,,,,org\n"
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
        // By id, whatever files an import writes them in (one per organisation).
        let mut read: Vec<(String, String, String)> = import
            .files
            .iter()
            .flat_map(|f| &f.file.units)
            .filter_map(|u| u.clone().ok())
            .map(|u| {
                let id = u.value.id.as_str().to_owned();
                (id, u.value.name, u.value.acronym.unwrap_or_default())
            })
            .collect();
        read.sort();
        let mut expected: Vec<(String, String, String)> = ids
            .iter()
            .zip(names)
            .map(|(id, n)| (id.clone(), n.trim().to_owned(), n.trim().to_owned()))
            .collect();
        expected.sort();
        assert_eq!(read, expected);
    }
}
