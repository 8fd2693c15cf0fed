//! A CSV export of an HR tool or a directory, one row per unit, imported as a description.
//!
//! Columns are chosen by their header: the unit's id, its parent's id and its name, optionally
//! its kind (a unit kind name) and its acronym. Each row is a unit; each non-empty parent an
//! `attachment` tie. An id that is not a slug is made one ("HR Dept" → `hr-dept`), parents
//! alike. Every unit and tie cites the CSV file, located at the row's line.
//!
//! A row that cannot be read (a cell missing, an empty id or name, an unknown kind, an id given
//! twice) is an error located at its line: nothing is written while one remains. A parent that
//! is no row's id is not dropped: the unit's parent lies outside the file (`parent-outside`), its
//! note names the parent, and the import warns at the row's line. A row with no parent is the
//! top of its hierarchy.

use std::collections::HashMap;

use super::{
    Import, NamedFile, Problem, SUGGESTIONS, control_character, description_file, organisation,
    spanned, suggest, to_unit_id,
};
use crate::diagnostic::did_you_mean;
use crate::model::{
    Boundary, Citation, OrganisationId, Origin, Source, SourceId, Tie, TieKind, Unit, UnitId,
    UnitKind, slugify,
};

/// Which columns hold what, and what the import is called.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    /// The header of the column of unit ids.
    pub id: String,
    /// The header of the column of parent ids (empty for a top).
    pub parent: String,
    /// The header of the column of names.
    pub name: String,
    /// The header of the column of unit kinds, if any.
    pub kind: Option<String>,
    /// The header of the column of acronyms, if any.
    pub acronym: Option<String>,
    /// The kind of units whose kind is not given.
    pub default_kind: UnitKind,
    /// The byte between cells: `,`, or `;` as spreadsheets write CSV in many locales.
    pub delimiter: u8,
    /// The CSV file's name: the title of the source, and (as a slug) the id of the organisation,
    /// of the source and of the file written.
    pub file_name: String,
}

/// The id of the organisation, the source and the file of an import of `file_name`.
fn import_id(file_name: &str) -> String {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, _)| stem);
    let slug = slugify(stem);
    if slug.is_empty() {
        "csv-import".to_owned()
    } else {
        slug
    }
}

/// The columns chosen, by position.
struct Columns {
    id: usize,
    parent: usize,
    name: usize,
    kind: Option<usize>,
    acronym: Option<usize>,
}

impl Columns {
    fn find(headers: &csv::StringRecord, options: &CsvOptions) -> Result<Columns, Vec<Problem>> {
        let mut problems = Vec::new();
        let id = column(headers, &options.id, "--id", &mut problems);
        let parent = column(headers, &options.parent, "--parent", &mut problems);
        let name = column(headers, &options.name, "--name", &mut problems);
        let kind = options
            .kind
            .as_deref()
            .and_then(|k| column(headers, k, "--kind", &mut problems));
        let acronym = options
            .acronym
            .as_deref()
            .and_then(|a| column(headers, a, "--acronym", &mut problems));
        match (id, parent, name) {
            (Some(id), Some(parent), Some(name)) if problems.is_empty() => Ok(Columns {
                id,
                parent,
                name,
                kind,
                acronym,
            }),
            _ => Err(problems),
        }
    }
}

/// The position of the column named `header`, or a problem naming the columns there are.
fn column(
    headers: &csv::StringRecord,
    header: &str,
    flag: &str,
    problems: &mut Vec<Problem>,
) -> Option<usize> {
    let found = headers.iter().position(|h| h.trim() == header);
    if found.is_none() {
        let names: Vec<&str> = headers.iter().collect();
        let other_delimiter = [b';', b',', b'\t']
            .into_iter()
            .find(|d| names.len() == 1 && names[0].contains(char::from(*d)));
        let hint = match other_delimiter {
            Some(d) => format!(
                "the header is one column, {:?}: if cells are separated by {:?}, say so with --delimiter",
                names[0],
                char::from(d)
            ),
            None => did_you_mean(header, names.iter().copied())
                .unwrap_or_else(|| format!("the columns are {}", quoted(&names))),
        };
        problems.push(
            Problem::at_line(
                1,
                format!("no column is named {header:?} (given by {flag})"),
            )
            .with_hint(hint),
        );
    }
    found
}

fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    quoted.join(", ")
}

/// One row read.
struct Row {
    line: u64,
    id: UnitId,
    name: String,
    kind: UnitKind,
    acronym: Option<String>,
    /// The parent as written, and as an id.
    parent: Option<(String, Option<UnitId>)>,
}

/// A unit kind named in a cell: its exact name, or any text that slugifies to it
/// ("Sub-directorate", "sub directorate").
fn parse_kind(text: &str) -> Option<UnitKind> {
    let slug = slugify(text);
    UnitKind::ALL
        .iter()
        .copied()
        .find(|k| k.as_str() == text || k.as_str() == slug)
}

/// Reads one record; problems go to `problems`.
fn read_row(
    record: &csv::StringRecord,
    line: u64,
    columns: &Columns,
    options: &CsvOptions,
    problems: &mut Vec<Problem>,
) -> Option<Row> {
    let cell = |at: usize| record.get(at).unwrap_or("").trim();
    let before = problems.len();
    let raw_id = cell(columns.id);
    let id = to_unit_id(raw_id);
    if id.is_none() {
        problems.push(if raw_id.is_empty() {
            Problem::at_line(line, format!("the id ({}) is empty", options.id))
        } else {
            Problem::at_line(
                line,
                format!("the id {raw_id:?} holds no letter or digit to make an id of"),
            )
        });
    }
    let name = cell(columns.name);
    if name.is_empty() {
        problems.push(Problem::at_line(
            line,
            format!("the name ({}) is empty", options.name),
        ));
    }
    let kind = match columns.kind.map(cell).filter(|k| !k.is_empty()) {
        None => Some(options.default_kind),
        Some(text) => {
            let kind = parse_kind(text);
            if kind.is_none() {
                let names = UnitKind::ALL.iter().map(|k| k.as_str());
                problems.push(
                    Problem::at_line(line, format!("unknown unit kind {text:?}")).with_hint(
                        did_you_mean(&slugify(text), names).unwrap_or_else(|| {
                            let names: Vec<&str> =
                                UnitKind::ALL.iter().map(|k| k.as_str()).collect();
                            format!("the kinds are {}", names.join(", "))
                        }),
                    ),
                );
            }
            kind
        }
    };
    let texts = [
        Some((columns.name, options.name.as_str())),
        columns.acronym.zip(options.acronym.as_deref()),
    ];
    for (at, header) in texts.into_iter().flatten() {
        if let Some(problem) = control_character(cell(at), &format!("the cell {header}")) {
            problems.push(Problem {
                line: Some(line),
                ..problem
            });
        }
    }
    let parent = Some(cell(columns.parent))
        .filter(|p| !p.is_empty())
        .map(|p| (p.to_owned(), to_unit_id(p)));
    if problems.len() > before {
        return None;
    }
    Some(Row {
        line,
        id: id?,
        name: name.to_owned(),
        kind: kind?,
        acronym: columns
            .acronym
            .map(cell)
            .filter(|a| !a.is_empty())
            .map(str::to_owned),
        parent,
    })
}

/// Imports a CSV file (`bytes`, UTF-8 with a header row) as a description of one organisation
/// named after the file. Bad rows are returned all at once, each at its line; parents missing
/// from the file are warnings. Linear in the size of the file.
pub fn import_csv(bytes: &[u8], options: &CsvOptions) -> Result<Import, Vec<Problem>> {
    // Spreadsheets often start UTF-8 files with a byte-order mark, which is not part of the header.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .delimiter(options.delimiter)
        .from_reader(bytes);
    let headers = reader.headers().map_err(|e| vec![csv_problem(&e)])?.clone();
    let columns = Columns::find(&headers, options)?;

    let mut problems = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut first_line: HashMap<UnitId, (u64, String)> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(csv_problem(&error));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let Some(row) = read_row(&record, line, &columns, options, &mut problems) else {
            continue;
        };
        let raw = record.get(columns.id).unwrap_or("").trim().to_owned();
        if let Some((first, first_raw)) = first_line.get(&row.id) {
            let made = if *first_raw == raw {
                String::new()
            } else {
                format!(" ({raw:?} and {first_raw:?} make the same id)")
            };
            problems.push(
                Problem::at_line(
                    line,
                    format!("the id `{}` is already line {first}'s{made}", row.id),
                )
                .with_hint("each row is one unit: give each its own id"),
            );
        } else {
            first_line.insert(row.id.clone(), (line, raw));
            rows.push(row);
        }
    }
    for row in &rows {
        if let Some((_, Some(parent))) = &row.parent
            && *parent == row.id
        {
            problems.push(Problem::at_line(
                row.line,
                format!("`{}` is its own parent", row.id),
            ));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.line);
        return Err(problems);
    }

    let id = import_id(&options.file_name);
    let source_id = SourceId::new(id.as_str()).map_err(|e| vec![Problem::new(e.to_string())])?;
    let organisation_id =
        OrganisationId::new(id.as_str()).map_err(|e| vec![Problem::new(e.to_string())])?;
    let citation = |line: u64| Citation {
        source: spanned(source_id.clone()),
        quote: None,
        locator: Some(format!("line {line}")),
    };

    let mut warnings = Vec::new();
    let mut budget = SUGGESTIONS;
    let mut units = Vec::with_capacity(rows.len());
    let mut ties = Vec::new();
    for row in &rows {
        let mut unit = Unit {
            acronym: row.acronym.clone(),
            source: Some(citation(row.line)),
            ..Unit::new(spanned(row.id.clone()), row.name.clone(), spanned(row.kind))
        };
        match &row.parent {
            None => unit.boundary = Some(Boundary::Top),
            Some((_, Some(parent))) if first_line.contains_key(parent) => ties.push(Tie {
                source: Some(citation(row.line)),
                ..Tie::new(
                    spanned(TieKind::Attachment),
                    spanned(row.id.clone()),
                    spanned(parent.clone()),
                )
            }),
            Some((written, _)) => {
                unit.boundary = Some(Boundary::ParentOutside);
                unit.note = Some(format!(
                    "Its parent in the CSV file, {written:?}, is not a row of the file."
                ));
                let mut warning = Problem::at_line(
                    row.line,
                    format!(
                        "the parent {written:?} of `{}` is no row's id: `{}` is imported with its parent outside the file",
                        row.id, row.id
                    ),
                );
                let ids = rows.iter().map(|r| r.id.as_str());
                if let Some(hint) = suggest(&mut budget, &slugify(written), ids) {
                    warning = warning.with_hint(hint);
                }
                warnings.push(warning);
            }
        }
        units.push(unit);
    }

    let source = Source {
        id: spanned(source_id.clone()),
        title: options.file_name.clone(),
        reference: None,
        publisher: None,
        date: None,
        url: None,
        file: None,
        origin: Origin::default(),
    };
    let file = description_file(
        organisation(organisation_id, options.file_name.clone(), None),
        vec![source],
        units,
        ties,
    );
    Ok(Import {
        files: vec![NamedFile {
            name: format!("{id}.json"),
            file,
        }],
        warnings,
    })
}

/// A CSV reading error (a row with another number of cells than the header, text that is not
/// UTF-8) at its line.
fn csv_problem(error: &csv::Error) -> Problem {
    let line = error.position().map(csv::Position::line);
    let (message, hint) = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => (
            format!("this row has {len} cell(s) where the header has {expected_len}"),
            Some("quote cells that hold a comma: \"Paris, France\"".to_owned()),
        ),
        csv::ErrorKind::Utf8 { .. } => (
            "this row is not UTF-8 text".to_owned(),
            Some("save the file as UTF-8".to_owned()),
        ),
        _ => (error.to_string(), None),
    };
    Problem {
        line,
        column: None,
        message,
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Recover;

    fn options() -> CsvOptions {
        CsvOptions {
            id: "code".into(),
            parent: "parent".into(),
            name: "label".into(),
            kind: Some("type".into()),
            acronym: None,
            default_kind: UnitKind::Department,
            delimiter: b',',
            file_name: "HR export.csv".into(),
        }
    }

    fn units(import: &Import) -> Vec<&Unit> {
        import.files[0]
            .file
            .units
            .iter()
            .filter_map(|u| match u {
                Recover::Read(u) => Some(&u.value),
                Recover::Skipped(_) => None,
            })
            .collect()
    }

    #[test]
    fn rows_become_units_and_parents_attachments() {
        let csv = "code,parent,label,type\nMIN,,Ministry,ministry\nSG,MIN,General secretariat,Secretariat General\nBX,SG,Bureau X,\n";
        let import = import_csv(csv.as_bytes(), &options()).unwrap();
        assert_eq!(import.files[0].name, "hr-export.json");
        let units = units(&import);
        let described: Vec<(&str, UnitKind)> = units
            .iter()
            .map(|u| (u.id.as_str(), u.kind.value))
            .collect();
        assert_eq!(
            described,
            [
                ("min", UnitKind::Ministry),
                ("sg", UnitKind::SecretariatGeneral),
                ("bx", UnitKind::Department)
            ]
        );
        assert_eq!(units[0].boundary, Some(Boundary::Top));
        assert_eq!(
            units[2].source.as_ref().unwrap().locator.as_deref(),
            Some("line 4")
        );
        assert_eq!(import.files[0].file.ties.len(), 2);
        assert!(import.warnings.is_empty());
    }

    #[test]
    fn a_missing_parent_is_kept_as_a_boundary_and_warned_about() {
        let csv = "code,parent,label,type\na,,A,\nb,aa,B,\n";
        let import = import_csv(csv.as_bytes(), &options()).unwrap();
        let b = units(&import)[1];
        assert_eq!(b.boundary, Some(Boundary::ParentOutside));
        assert!(b.note.as_deref().unwrap().contains("\"aa\""));
        assert_eq!(import.warnings[0].line, Some(3));
        assert_eq!(
            import.warnings[0].hint.as_deref(),
            Some("did you mean `a`?")
        );
    }

    #[test]
    fn bad_rows_are_all_reported_at_their_line() {
        let csv = "code,parent,label,type\na,,A,\nb,a,B,bureu\n,a,C,\nA,,D,\nd,d,D,\ne,a\n";
        let problems = import_csv(csv.as_bytes(), &options()).unwrap_err();
        let lines: Vec<Option<u64>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(5), Some(6), Some(7)]);
        assert_eq!(problems[0].hint.as_deref(), Some("did you mean `bureau`?"));
    }

    #[test]
    fn control_characters_in_texts_are_refused_at_their_line() {
        let csv = "code,parent,label,type\na,,A,\nb,a,B\u{0}C,\n";
        let problems = import_csv(csv.as_bytes(), &options()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
        assert_eq!(
            problems[0].message,
            "the cell label holds the control character U+0000"
        );
    }

    #[test]
    fn semicolons_and_byte_order_marks_are_read() {
        let csv = "\u{feff}code;parent;label;type\na;;A;\nb;a;B;\n";
        let problems = import_csv(csv.as_bytes(), &options()).unwrap_err();
        assert!(problems[0].hint.as_deref().unwrap().contains("--delimiter"));
        let semicolon = CsvOptions {
            delimiter: b';',
            ..options()
        };
        let import = import_csv(csv.as_bytes(), &semicolon).unwrap();
        assert_eq!(units(&import).len(), 2);
    }

    #[test]
    fn unknown_columns_are_named_with_the_ones_there_are() {
        let mut wrong = options();
        wrong.name = "lable".into();
        wrong.kind = None;
        let problems = import_csv(b"code,parent,label\n", &wrong).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].hint.as_deref(), Some("did you mean `label`?"));
    }
}
