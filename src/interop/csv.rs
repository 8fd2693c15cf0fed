//! A CSV export of an HR tool or a directory, one row per unit, imported as a description.
//!
//! Columns are chosen by their header, named by the options or else found by the names tables
//! give them (`id`, `identifiant`, `parent`, `nom`, `sigle`…: see [`import_csv`]): the unit's
//! id, its parent's id and its name, optionally the kind of the tie to the parent, the unit's
//! kind (a unit kind name, in English or French), its acronym, the dates its row holds from and
//! until, its status, headcount, remit, vacancy, location, source and organisation. Each row is a unit; each
//! non-empty parent a tie of the row's kind (`attachment` by default). A row with an empty name
//! is a further row of a unit that has a row with a name: another tie of it, as
//! [`csv_export`](super::csv_export) writes one. An id that is not a slug is made one ("HR
//! Dept" → `hr-dept`), parents alike, and given the prefix of [`CsvOptions::id_prefix`]. Every
//! unit cites the CSV file, located at the row's line, or the source its source cell gives;
//! every tie cites the CSV file.
//!
//! With dates, a row is the unit's attachment to its parent during a period, and several rows
//! for one id are its history, one parent at a time: see [`import_csv`].
//!
//! A row that cannot be read (a cell missing, an empty id, an empty name no other row of the id
//! gives, an unknown kind, a bad headcount, vacancy or status, an id given twice without dates,
//! a date that is none, periods of one unit that overlap) is an error
//! located at its line and column: nothing is written while one remains. A
//! parent that is no row's id is not dropped: the unit's parent lies outside the file
//! (`parent-outside`), its note names the parent, and the import warns at the row's line. A row
//! with no parent is the top of its hierarchy.
//!
//! How lines, cells, encodings and large imports are read and written: [`import_csv`].

use std::borrow::Cow;
use std::collections::HashMap;

use encoding_rs::{DecoderResult, Encoding, UTF_8, WINDOWS_1252};

use super::csv_export::unguard;
use super::{
    Import, NamedFile, Problem, control_character, description_file, organisation, to_unit_id,
};
use crate::diagnostic::{Suggestions, did_you_mean};
use crate::i18n::Text;
use crate::i18n::text;
use crate::model::Term as _;
use crate::model::file_name;
use crate::model::{
    Boundary, Citation, Date, Family, Headcount, HeadcountBasis, HeadcountQualifier, Lang,
    OrganisationId, Origin, Period, Source, SourceId, Spanned, Status, Tie, TieKind, Unit, UnitId,
    UnitKind, Was, check_slug, fold, slugify,
};

/// Which columns hold what, and what the import is called. A column left `None` is found by
/// its header (see [`import_csv`]: `id`, `identifiant`, `parent`, `nom`, `sigle`…, whatever the
/// case, accents and spaces), as the header of `export --format csv` names it: the id, parent
/// and name columns must be found, the others are read when they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    /// The header of the column of unit ids.
    pub id: Option<String>,
    /// The header of the column of parent ids (empty for a top).
    pub parent: Option<String>,
    /// The header of the column of names.
    pub name: Option<String>,
    /// The header of the column of the kinds of the ties to the parents (a hierarchical tie
    /// kind, `attachment` when empty).
    pub tie: Option<String>,
    /// The header of the column of unit kinds.
    pub kind: Option<String>,
    /// The header of the column of acronyms.
    pub acronym: Option<String>,
    /// The header of the column of the dates a row holds from (included).
    pub valid_from: Option<String>,
    /// The header of the column of the dates a row holds until (excluded).
    pub valid_until: Option<String>,
    /// The header of the column of statuses: `active` (or empty), `being-set-up`, `planned`,
    /// `dissolved`, or in French (`en projet`, `dissous`…).
    pub status: Option<String>,
    /// The header of the column of headcounts: whole numbers of people in place.
    pub headcount: Option<String>,
    /// The header of the column of remits.
    pub remit: Option<String>,
    /// The header of the column that says whether a post is vacant: `yes`, `oui`, `1`,
    /// `vacant`…, or `no`, `non`, `0`, `pourvu`… (see [`import_csv`]).
    pub vacancy: Option<String>,
    /// The header of the column of locations.
    pub location: Option<String>,
    /// The header of the column of sources: a URL or a document's title, cited by the row's
    /// unit instead of the CSV file.
    pub source: Option<String>,
    /// The header of the column of the organisations units belong to: each organisation a cell
    /// names (as a slug, its id) is an organisation of its own, written in files of its own.
    pub organisation_column: Option<String>,
    /// The name of the organisation of the units whose organisation is not given, and (as a
    /// slug) the id of that organisation, of the source and of the file written; `None` for the
    /// CSV file's name.
    pub organisation: Option<String>,
    /// What every id read from the file is prefixed with, parents alike, a hyphen put between
    /// when the prefix does not end with one (`justice` makes `sg` `justice-sg`): so that two
    /// files' units can live in one description.
    pub id_prefix: Option<String>,
    /// The kind of units whose kind is not given.
    pub default_kind: UnitKind,
    /// The byte between cells: `,`, or `;` as spreadsheets write CSV in many locales. An ASCII
    /// character other than a quote or a line break.
    pub delimiter: u8,
    /// How the file's bytes are text, unless it starts with a byte-order mark.
    pub encoding: CsvEncoding,
    /// The largest description file written, in bytes of JSON text: 64 MiB with
    /// [`CsvOptions::new`], a quarter of the largest file organigram reads by default. A larger
    /// import is written as several files (see [`import_csv`]).
    pub max_file_bytes: usize,
    /// The CSV file's name: the title of the source, and without
    /// [`CsvOptions::organisation`], the organisation's name and (as a slug) the id of the
    /// organisation, of the source and of the file written.
    pub file_name: String,
}

impl CsvOptions {
    /// The options of a file named `file_name` whose columns `id`, `parent` and `name` hold the
    /// unit ids, parent ids and names, the other columns found by their headers
    /// ([`CsvOptions::found`]).
    pub fn new(
        file_name: impl Into<String>,
        id: impl Into<String>,
        parent: impl Into<String>,
        name: impl Into<String>,
    ) -> CsvOptions {
        CsvOptions {
            id: Some(id.into()),
            parent: Some(parent.into()),
            name: Some(name.into()),
            ..CsvOptions::found(file_name)
        }
    }

    /// The options of a file named `file_name` whose columns are all found by their headers:
    /// units of kind `department`, UTF-8 text whose cells are separated by commas, files of at
    /// most 64 MiB, ids as the file gives them, an organisation named after the file.
    pub fn found(file_name: impl Into<String>) -> CsvOptions {
        CsvOptions {
            id: None,
            parent: None,
            name: None,
            tie: None,
            kind: None,
            acronym: None,
            valid_from: None,
            valid_until: None,
            status: None,
            headcount: None,
            remit: None,
            vacancy: None,
            location: None,
            source: None,
            organisation_column: None,
            organisation: None,
            id_prefix: None,
            default_kind: UnitKind::Department,
            delimiter: b',',
            encoding: CsvEncoding::Utf8,
            max_file_bytes: 64 * 1024 * 1024,
            file_name: file_name.into(),
        }
    }
}

/// How the bytes of a CSV file are text. A byte-order mark at the start of the file (UTF-8,
/// UTF-16LE or UTF-16BE) decides over it, as the WHATWG Encoding Standard says, and is not text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum CsvEncoding {
    /// UTF-8: what "CSV UTF-8" in Excel, `LibreOffice` and most programs write.
    #[default]
    Utf8,
    /// Windows-1252: what Excel on Windows saves as plain "CSV" in French and the other Western
    /// European languages (`é` is the byte 0xE9, `’` 0x92, `€` 0x80).
    Windows1252,
    /// ISO-8859-1 (Latin-1), read as Windows-1252, as the WHATWG Encoding Standard (and so
    /// `encoding_rs`, and browsers) reads it. The two differ only in the bytes 0x80 to 0x9F:
    /// control characters in ISO-8859-1, which a description may not hold, and letters and
    /// punctuation (`€`, `’`, `œ`) in Windows-1252, which is what files said to be Latin-1 hold.
    Latin1,
    /// UTF-16, little-endian, for a file without a byte-order mark (one with a mark, as Excel's
    /// "Unicode text", is read as UTF-16 whatever the encoding given).
    Utf16Le,
    /// UTF-16, big-endian, for a file without a byte-order mark.
    Utf16Be,
}

impl CsvEncoding {
    /// Its name in messages: "UTF-8", "Windows-1252", "ISO-8859-1", "UTF-16LE", "UTF-16BE".
    pub fn name(self) -> &'static str {
        match self {
            CsvEncoding::Utf8 => "UTF-8",
            CsvEncoding::Windows1252 => "Windows-1252",
            CsvEncoding::Latin1 => "ISO-8859-1",
            CsvEncoding::Utf16Le => "UTF-16LE",
            CsvEncoding::Utf16Be => "UTF-16BE",
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            CsvEncoding::Utf8 => UTF_8,
            CsvEncoding::Windows1252 | CsvEncoding::Latin1 => WINDOWS_1252,
            CsvEncoding::Utf16Le => encoding_rs::UTF_16LE,
            CsvEncoding::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

/// The text of a CSV file: `bytes` decoded as their byte-order mark says, else as `encoding`
/// says, the mark left out. Text that cannot be decoded is one problem, at its first byte that
/// cannot; UTF-8 text read as Windows-1252 is a warning, as its letters come out garbled.
fn decode<'a>(
    bytes: &'a [u8],
    encoding: CsvEncoding,
    warnings: &mut Vec<Problem>,
) -> Result<Cow<'a, str>, Problem> {
    let (decoder, body) = match Encoding::for_bom(bytes) {
        Some((marked, mark)) => (marked, &bytes[mark..]),
        None => (encoding.encoding(), bytes),
    };
    if decoder == UTF_8 {
        if let Some(utf16) = utf16_without_mark(body) {
            return Err(
                Problem::new(text!("csv-utf16-without-mark", encoding = utf16.name())).with_hint(
                    text!(
                        "csv-utf16-without-mark-hint",
                        flag = utf16.name().to_ascii_lowercase()
                    ),
                ),
            );
        }
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(Cow::Borrowed(text)),
            Err(error) => Err(not_utf8(body, error.valid_up_to())),
        };
    }
    if decoder == WINDOWS_1252 {
        if let Ok(text) = std::str::from_utf8(body)
            && let Some(first) = text.find(|c: char| !c.is_ascii())
        {
            let at = end_of(&text[..first]);
            let letter = text[first..].chars().next().unwrap_or_default();
            let mut garbled = [0; 4];
            let (garbled, _) = WINDOWS_1252
                .decode_without_bom_handling(letter.encode_utf8(&mut garbled).as_bytes());
            warnings.push(
                at.problem(text!(
                    "csv-utf8-read-as",
                    encoding = encoding.name(),
                    letter = format!("{letter:?}"),
                    garbled = format!("{garbled:?}")
                ))
                .with_hint(text!("csv-utf8-read-as-hint")),
            );
        }
        return Ok(WINDOWS_1252.decode_without_bom_handling(body).0);
    }
    if let Some(text) = decoder.decode_without_bom_handling_and_without_replacement(body) {
        return Ok(text);
    }
    // Where the text stops being UTF-16: decoded up to there, to place the problem.
    let mut utf16 = decoder.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        utf16
            .max_utf8_buffer_length_without_replacement(body.len())
            .unwrap_or(body.len()),
    );
    let mut read = 0;
    let bad = loop {
        let (result, n) =
            utf16.decode_to_string_without_replacement(&body[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::OutputFull => text.reserve(body.len() - read + 4),
            DecoderResult::InputEmpty => break read,
            DecoderResult::Malformed(bad, after) => {
                break read - usize::from(bad) - usize::from(after);
            }
        }
    };
    Err(end_of(&text)
        .problem(text!(
            "csv-not-encoding",
            encoding = decoder.name(),
            offset = bad
        ))
        .with_hint(text!("csv-not-encoding-hint")))
}

/// UTF-16 without a byte-order mark, read as UTF-8: every other byte is 0 (the high byte of
/// ASCII characters), where CSV text has none.
fn utf16_without_mark(body: &[u8]) -> Option<CsvEncoding> {
    let sample = &body[..body.len().min(1024)];
    let pairs = sample.len() / 2;
    if pairs == 0 {
        return None;
    }
    let zeros = |skip: usize| {
        sample
            .iter()
            .skip(skip)
            .step_by(2)
            .take(pairs)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 2 > pairs && even * 2 < pairs {
        Some(CsvEncoding::Utf16Le)
    } else if even * 2 > pairs && odd * 2 < pairs {
        Some(CsvEncoding::Utf16Be)
    } else {
        None
    }
}

/// The problem of a file that is not UTF-8: at its first byte that is not, with the number of
/// lines that hold such bytes, and whether it looks like Windows-1252.
fn not_utf8(body: &[u8], valid: usize) -> Problem {
    let at = end_of(std::str::from_utf8(&body[..valid]).unwrap_or_default());
    let first = body[valid];
    // The lines that hold bytes that are not UTF-8, and the first few such bytes.
    let (mut at_line, mut last_bad, mut bad_lines) = (1, 0, 0_usize);
    let mut examples: Vec<u8> = Vec::new();
    for chunk in body.utf8_chunks() {
        at_line += end_of(chunk.valid()).line - 1;
        if let Some(&byte) = chunk.invalid().first() {
            if at_line != last_bad {
                bad_lines += 1;
                last_bad = at_line;
            }
            if examples.len() < 3 && !examples.contains(&byte) {
                examples.push(byte);
            }
        }
    }
    let in_1252: Vec<(u8, char)> = examples
        .iter()
        .map(|&byte| {
            let one = [byte];
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(&one);
            (byte, text.chars().next().unwrap_or_default())
        })
        .collect();
    let windows = in_1252.iter().all(|(_, c)| !c.is_control());
    // "0xE9 is 'é'", "0xE9 is 'é' and 0x92 '’'", "0xE9 is 'é', 0x92 '’' and 0xC9 'É'": each
    // example's byte and letter, the absent ones empty.
    let example = |n: usize| {
        in_1252
            .get(n)
            .map(|(byte, c)| (format!("{byte:02X}"), format!("{c:?}")))
            .unwrap_or_default()
    };
    let ([b1, c1], [b2, c2], [b3, c3]) = (example(0).into(), example(1).into(), example(2).into());
    let message = text!(
        "csv-not-utf8",
        byte = format!("{first:02X}"),
        other_lines = bad_lines - 1,
        windows = if windows { "yes" } else { "no" },
        n = in_1252.len(),
        b1 = b1,
        c1 = c1,
        b2 = b2,
        c2 = c2,
        b3 = b3,
        c3 = c3
    );
    if windows {
        at.problem(message)
            .with_hint(text!("csv-not-utf8-windows-1252-hint"))
    } else {
        at.problem(message).with_hint(text!("csv-not-utf8-hint"))
    }
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

/// A place in the text: a line and a column (in characters), both from 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Place {
    line: u64,
    column: u64,
}

impl Place {
    const START: Place = Place { line: 1, column: 1 };

    /// A problem at this place.
    fn problem(self, message: impl Into<Text>) -> Problem {
        Problem {
            column: Some(self.column),
            ..Problem::at_line(self.line, message)
        }
    }
}

/// A cell of a record: where its text is in the record's text, and where it is in the file.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// The start of its text (unquoted) in [`Record::text`].
    start: usize,
    /// The end of its text in [`Record::text`].
    end: usize,
    /// Its first character: the opening quote of a quoted cell.
    at: Place,
    /// The line its last character is on: another than `at`'s for a quoted cell that holds a
    /// line break.
    last_line: u64,
}

/// One record of the file (a row, or the header): its cells' texts end to end, and where each
/// is.
#[derive(Clone, Debug, Default)]
struct Record {
    /// The texts of the cells, unquoted, one after the other.
    text: String,
    /// The cells, in order.
    cells: Vec<Cell>,
    /// Where the record starts: its line is the row's line.
    at: Place,
    /// Just after its last character, before the line break: where a missing cell would be.
    end: Place,
}

impl Record {
    /// The text of cell `at`, as read (spaces kept), or `None` past the last cell.
    fn text(&self, at: usize) -> Option<&str> {
        self.cells.get(at).map(|c| &self.text[c.start..c.end])
    }

    /// Whether every cell is empty but for spaces: a blank row.
    fn is_blank(&self) -> bool {
        self.cells
            .iter()
            .all(|c| self.text[c.start..c.end].trim().is_empty())
    }
}

/// Reads the records of a CSV text one by one, counting lines as people do.
struct Reader<'a> {
    text: &'a str,
    /// The byte read next.
    at: usize,
    /// Where `at` is.
    place: Place,
    delimiter: u8,
}

impl<'a> Reader<'a> {
    /// A reader of `text` whose cells are separated by `delimiter`, an ASCII character other
    /// than a quote or a line break (so that every cut falls between characters).
    fn new(text: &'a str, delimiter: u8) -> Reader<'a> {
        debug_assert!(delimiter.is_ascii() && !matches!(delimiter, b'"' | b'\r' | b'\n'));
        Reader {
            text,
            at: 0,
            place: Place::START,
            delimiter,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Moves on to byte `to`, counting lines and columns on the way: LF, CRLF and CR each end
    /// a line.
    fn advance(&mut self, to: usize) {
        let bytes = self.text.as_bytes();
        for (i, byte) in bytes.iter().enumerate().take(to).skip(self.at) {
            match byte {
                // The line feed of a CRLF ends no line of its own.
                b'\n' if i > 0 && bytes[i - 1] == b'\r' => {}
                b'\r' | b'\n' => {
                    self.place = Place {
                        line: self.place.line + 1,
                        column: 1,
                    };
                }
                // Each character counts once: its first byte, not its continuation bytes.
                byte if byte & 0xC0 != 0x80 => self.place.column += 1,
                _ => {}
            }
        }
        self.at = to;
    }

    /// The first byte from `at` on that is one of `stops`, or the end of the text.
    fn find(&self, stops: impl Fn(u8) -> bool) -> usize {
        self.text.as_bytes()[self.at..]
            .iter()
            .position(|&b| stops(b))
            .map_or(self.text.len(), |n| self.at + n)
    }

    /// Reads the next record into `record`: `false` at the end of the text. A quote never
    /// closed, or closed with text after it, is an error, after which nothing more can be read.
    fn read(&mut self, record: &mut Record) -> Result<bool, Problem> {
        // Blank lines hold no record.
        while matches!(self.peek(), Some(b'\r' | b'\n')) {
            self.advance(self.at + 1);
        }
        if self.at == self.text.len() {
            return Ok(false);
        }
        record.text.clear();
        record.cells.clear();
        record.at = self.place;
        let delimiter = self.delimiter;
        loop {
            let at = self.place;
            let start = record.text.len();
            if self.peek() == Some(b'"') {
                self.quoted(record)?;
            } else {
                let end = self.find(|b| b == delimiter || b == b'\r' || b == b'\n');
                record.text.push_str(&self.text[self.at..end]);
                self.advance(end);
            }
            record.cells.push(Cell {
                start,
                end: record.text.len(),
                at,
                last_line: self.place.line,
            });
            if self.peek() == Some(delimiter) {
                self.advance(self.at + 1);
                continue;
            }
            record.end = self.place;
            let line_break = if self.text[self.at..].starts_with("\r\n") {
                2
            } else {
                usize::from(self.at < self.text.len())
            };
            self.advance(self.at + line_break);
            return Ok(true);
        }
    }

    /// Reads a quoted cell, from its opening quote to its closing one, into `record.text`.
    fn quoted(&mut self, record: &mut Record) -> Result<(), Problem> {
        let open = self.place;
        self.advance(self.at + 1);
        loop {
            let quote = self.find(|b| b == b'"');
            record.text.push_str(&self.text[self.at..quote]);
            self.advance(quote);
            if quote == self.text.len() {
                return Err(self.never_closed(open));
            }
            let close = self.place;
            self.advance(self.at + 1);
            match self.peek() {
                Some(b'"') => {
                    record.text.push('"');
                    self.advance(self.at + 1);
                }
                None | Some(b'\r' | b'\n') => return Ok(()),
                Some(byte) if byte == self.delimiter => return Ok(()),
                Some(_) => return Err(self.text_after_quote(open, close)),
            }
        }
    }

    /// The error of a quote opened at `open` and never closed, read to the end of the text.
    fn never_closed(&self, open: Place) -> Problem {
        let ends_a_line = self.text.ends_with(['\r', '\n']);
        let last_line = self.place.line - u64::from(ends_a_line);
        // The last line is said when it is not the quote's own (0: not said).
        let last_line = if last_line > open.line { last_line } else { 0 };
        open.problem(text!("csv-quote-never-closed", last_line = last_line))
            .with_hint(text!("csv-quote-hint"))
    }

    /// The error of a quote opened at `open` and closed at `close`, where text other than a
    /// delimiter or a line break follows.
    fn text_after_quote(&self, open: Place, close: Place) -> Problem {
        let delimiter = self.delimiter;
        let end = self.find(|b| b == delimiter || b == b'\r' || b == b'\n');
        let after: String = self.text[self.at..end].chars().take(20).collect();
        // The line of the closing quote is said when it is not the opening one's (0: not said).
        let line = if close.line == open.line {
            0
        } else {
            close.line
        };
        open.problem(text!(
            "csv-quotes-out-of-step",
            line = line,
            column = close.column,
            after = format!("{after:?}")
        ))
        .with_hint(text!("csv-quote-hint"))
    }
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Id,
    Parent,
    Name,
    Tie,
    Kind,
    Acronym,
    ValidFrom,
    ValidUntil,
    Status,
    Headcount,
    Remit,
    Vacancy,
    Location,
    Source,
    Organisation,
}

impl Field {
    /// Every field, in the order columns are chosen: the ones the import needs first.
    const ALL: [Field; 15] = [
        Field::Id,
        Field::Parent,
        Field::Name,
        Field::Tie,
        Field::Kind,
        Field::Acronym,
        Field::ValidFrom,
        Field::ValidUntil,
        Field::Status,
        Field::Headcount,
        Field::Remit,
        Field::Vacancy,
        Field::Location,
        Field::Source,
        Field::Organisation,
    ];

    /// The option of `import csv` that names the field's column.
    const fn flag(self) -> &'static str {
        match self {
            Field::Id => "--id",
            Field::Parent => "--parent",
            Field::Name => "--name",
            Field::Tie => "--tie",
            Field::Kind => "--kind",
            Field::Acronym => "--acronym",
            Field::ValidFrom => "--valid-from",
            Field::ValidUntil => "--valid-until",
            Field::Status => "--status",
            Field::Headcount => "--headcount",
            Field::Remit => "--remit",
            Field::Vacancy => "--vacancy",
            Field::Location => "--location",
            Field::Source => "--source",
            Field::Organisation => "--organisation-column",
        }
    }

    /// The headers, as slugs, that the field's column is found by when its option is not given:
    /// the header `export --format csv` writes first, then what English and French tables call
    /// it.
    const fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "identifiant", "code"],
            Field::Parent => &["parent", "parent-id", "id-parent", "code-parent"],
            Field::Name => &["name", "nom", "libelle", "label", "intitule"],
            Field::Tie => &["tie", "tie-kind", "lien", "type-de-lien"],
            Field::Kind => &["kind", "type", "nature", "type-d-unite"],
            Field::Acronym => &["acronym", "acronyme", "sigle"],
            Field::ValidFrom => &["valid-from", "from", "debut", "date-de-debut"],
            Field::ValidUntil => &["valid-until", "until", "fin", "date-de-fin"],
            Field::Status => &["status", "statut", "etat"],
            Field::Headcount => &["headcount", "effectif", "effectifs"],
            Field::Remit => &["remit", "missions", "mission"],
            Field::Vacancy => &["vacant", "vacancy", "vacance"],
            Field::Location => &["location", "localisation", "site", "lieu"],
            Field::Source => &["source"],
            Field::Organisation => &["organisation", "organization", "organisme"],
        }
    }

    /// The header of its column that the options give, if they do.
    fn given(self, options: &CsvOptions) -> Option<&str> {
        match self {
            Field::Id => options.id.as_deref(),
            Field::Parent => options.parent.as_deref(),
            Field::Name => options.name.as_deref(),
            Field::Tie => options.tie.as_deref(),
            Field::Kind => options.kind.as_deref(),
            Field::Acronym => options.acronym.as_deref(),
            Field::ValidFrom => options.valid_from.as_deref(),
            Field::ValidUntil => options.valid_until.as_deref(),
            Field::Status => options.status.as_deref(),
            Field::Headcount => options.headcount.as_deref(),
            Field::Remit => options.remit.as_deref(),
            Field::Vacancy => options.vacancy.as_deref(),
            Field::Location => options.location.as_deref(),
            Field::Source => options.source.as_deref(),
            Field::Organisation => options.organisation_column.as_deref(),
        }
    }

    /// Whether the import needs the field's column.
    const fn required(self) -> bool {
        matches!(self, Field::Id | Field::Parent | Field::Name)
    }

    /// Whether a cell of the field is one word or one value, which a line break in it shows to
    /// be a quote opened by mistake; texts (names, remits…) may hold line breaks.
    const fn one_line(self) -> bool {
        !matches!(
            self,
            Field::Name | Field::Acronym | Field::Remit | Field::Location | Field::Source
        )
    }
}

/// The columns chosen, by position, and the header of each, for messages.
struct Columns {
    id: usize,
    parent: usize,
    name: usize,
    tie: Option<usize>,
    kind: Option<usize>,
    acronym: Option<usize>,
    valid_from: Option<usize>,
    valid_until: Option<usize>,
    status: Option<usize>,
    headcount: Option<usize>,
    remit: Option<usize>,
    vacancy: Option<usize>,
    location: Option<usize>,
    source: Option<usize>,
    organisation: Option<usize>,
    /// The header's cells, trimmed.
    headers: Vec<String>,
}

impl Columns {
    /// Whether the rows are dated: several rows for one id are then its history.
    const fn dated(&self) -> bool {
        self.valid_from.is_some() || self.valid_until.is_some()
    }

    /// The header of column `at`, as written.
    fn header(&self, at: usize) -> &str {
        self.headers.get(at).map_or("", String::as_str)
    }

    /// Each column chosen, with what it holds.
    fn chosen(&self) -> impl Iterator<Item = (usize, Field)> {
        [
            (Some(self.id), Field::Id),
            (Some(self.parent), Field::Parent),
            (Some(self.name), Field::Name),
            (self.tie, Field::Tie),
            (self.kind, Field::Kind),
            (self.acronym, Field::Acronym),
            (self.valid_from, Field::ValidFrom),
            (self.valid_until, Field::ValidUntil),
            (self.status, Field::Status),
            (self.headcount, Field::Headcount),
            (self.remit, Field::Remit),
            (self.vacancy, Field::Vacancy),
            (self.location, Field::Location),
            (self.source, Field::Source),
            (self.organisation, Field::Organisation),
        ]
        .into_iter()
        .filter_map(|(at, field)| at.map(|at| (at, field)))
    }

    /// The columns of the header: each field's given by its option, else the first other
    /// column whose header is one of the field's [`Field::headers`]. A column given but absent,
    /// and an id, parent or name column neither given nor found, are errors at the header.
    fn find(header: &Record, options: &CsvOptions) -> Result<Columns, Vec<Problem>> {
        let names: Vec<&str> = (0..header.cells.len())
            .filter_map(|at| header.text(at))
            .map(str::trim)
            .collect();
        let slugs: Vec<String> = names.iter().map(|name| slugify(name)).collect();
        let mut at: Vec<Option<usize>> = Field::ALL
            .iter()
            .map(|field| {
                let given = field.given(options)?;
                names.iter().position(|h| *h == given)
            })
            .collect();
        let mut missing: Vec<(String, &'static str)> = Vec::new();
        let mut not_found: Vec<Field> = Vec::new();
        for (n, field) in Field::ALL.into_iter().enumerate() {
            if let Some(given) = field.given(options) {
                if at[n].is_none() {
                    missing.push((given.to_owned(), field.flag()));
                }
                continue;
            }
            let found = (0..names.len()).find(|column| {
                !at.contains(&Some(*column)) && field.headers().contains(&slugs[*column].as_str())
            });
            at[n] = found;
            if found.is_none() && field.required() {
                not_found.push(field);
            }
        }
        if let ([Some(id), Some(parent), Some(name), ..], true, true) =
            (at.as_slice(), missing.is_empty(), not_found.is_empty())
        {
            return Ok(Columns {
                id: *id,
                parent: *parent,
                name: *name,
                tie: at[3],
                kind: at[4],
                acronym: at[5],
                valid_from: at[6],
                valid_until: at[7],
                status: at[8],
                headcount: at[9],
                remit: at[10],
                vacancy: at[11],
                location: at[12],
                source: at[13],
                organisation: at[14],
                headers: names.iter().map(|&name| name.to_owned()).collect(),
            });
        }
        let at = header.at;
        // One column holding another delimiter: the file was read with the wrong one.
        let other_delimiter = [b';', b',', b'\t', b'|']
            .into_iter()
            .filter(|d| *d != options.delimiter)
            .find(|d| names.len() == 1 && names[0].contains(char::from(*d)));
        if let Some(other) = other_delimiter {
            let wanted: Vec<&str> = missing
                .iter()
                .map(|(name, _)| name.as_str())
                .chain(not_found.iter().map(|field| field.headers()[0]))
                .collect();
            return Err(vec![
                at.problem(text!(
                    "csv-wrong-delimiter",
                    names = quoted(&wanted),
                    delimiter = delimiter_name(options.delimiter),
                    header = format!("{:?}", names[0])
                ))
                .with_hint(text!(
                    "csv-wrong-delimiter-hint",
                    delimiter = match other {
                        b';' => "semicolon",
                        b',' => "comma",
                        b'\t' => "tab",
                        _ => "bar",
                    }
                )),
            ]);
        }
        let columns_are = || text!("csv-columns-are", columns = quoted(&names));
        let missing = missing.into_iter().map(|(name, flag)| {
            at.problem(text!(
                "csv-no-column",
                name = format!("{name:?}"),
                flag = flag
            ))
            .with_hint(did_you_mean(&name, names.iter().copied()).unwrap_or_else(columns_are))
        });
        let not_found = not_found.into_iter().map(|field| {
            at.problem(text!(
                "csv-no-column-found",
                what = match field {
                    Field::Id => "ids",
                    Field::Parent => "parents",
                    _ => "names",
                },
                headers = quoted(field.headers())
            ))
            .with_hint(text!(
                "csv-no-column-found-hint",
                flag = field.flag(),
                columns = columns_are()
            ))
        });
        Err(missing.chain(not_found).collect())
    }
}

/// The delimiter as messages name it: `','`, or "a tab".
fn delimiter_name(delimiter: u8) -> Text {
    match delimiter {
        b'\t' => text!("csv-a-tab"),
        b' ' => text!("csv-a-space"),
        d => format!("'{}'", char::from(d)).into(),
    }
}

fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    quoted.join(", ")
}

/// One row read.
struct Row {
    line: u64,
    id: UnitId,
    /// Where the id is.
    id_at: Place,
    /// Empty on a further row of a unit: one that gives only another tie of it.
    name: String,
    /// Where the name is.
    name_at: Place,
    kind: UnitKind,
    acronym: Option<String>,
    /// The parent as written, and as an id.
    parent: Option<(String, Option<UnitId>)>,
    /// Where the parent is.
    parent_at: Place,
    /// The kind of the tie to the parent.
    tie: TieKind,
    /// When the row holds, as its date cells give it: open where a cell is empty or its column
    /// not given (the neighbouring rows of the unit then close it: see [`import_csv`]).
    period: Period,
    /// Where its start is: the cell of `--valid-from`, or the end of the row without one.
    from_at: Place,
    /// Where its end is: the cell of `--valid-until`, or the end of the row without one.
    until_at: Place,
    status: Status,
    headcount: Option<u32>,
    remit: Option<String>,
    /// Whether the post is vacant, as the row says; never `Some` for a unit that is no post.
    vacant: Option<bool>,
    location: Option<String>,
    /// The source as written: a URL or a document's title.
    source: Option<String>,
    /// The id of the organisation the row's unit belongs to, as its cell gives it.
    organisation: Option<String>,
    /// Whether a cell other than the id's, the parent's, the tie's and the dates' is filled,
    /// which a further row's should not be.
    has_values: bool,
}

/// The error of a record with another number of cells than the header's `header` cells.
fn ragged(record: &Record, header: &Record, delimiter: u8) -> Problem {
    let (len, expected) = (record.cells.len(), header.cells.len());
    let message = text!("csv-ragged", cells = len, expected = expected);
    let d = char::from(delimiter);
    if len < expected {
        let missing = header.text(len).unwrap_or("").trim();
        record
            .end
            .problem(text!(
                "csv-ragged-short",
                row = message,
                column = format!("{missing:?}")
            ))
            .with_hint(text!(
                "csv-ragged-short-hint",
                example = format!("a{d}{d}A")
            ))
    } else {
        record.cells[expected]
            .at
            .problem(text!(
                "csv-ragged-long",
                row = message,
                extra = len - expected
            ))
            .with_hint(text!(
                "csv-ragged-long-hint",
                delimiter = delimiter_name(delimiter),
                d = d.to_string()
            ))
    }
}

/// Reads one record; problems go to `problems`.
fn read_row(
    record: &Record,
    columns: &Columns,
    options: &CsvOptions,
    problems: &mut Vec<Problem>,
) -> Option<Row> {
    // Without the quote an export puts before what a spreadsheet would run, and trimmed.
    let cell = |at: usize| unguard(record.text(at).unwrap_or("")).trim();
    let place = |at: usize| record.cells.get(at).map_or(record.end, |c| c.at);
    let before = problems.len();

    for (at, field) in columns.chosen() {
        let header = columns.header(at);
        if let Some(problem) = control_character(cell(at), || text!("csv-cell", header = header)) {
            problems.push(Problem {
                line: Some(place(at).line),
                column: Some(place(at).column),
                ..problem
            });
        } else if let Some(c) = record
            .cells
            .get(at)
            .filter(|c| field.one_line() && c.last_line > c.at.line)
        {
            problems.push(
                c.at.problem(text!(
                    "csv-cell-line-break",
                    header = header,
                    last_line = c.last_line
                ))
                .with_hint(text!("csv-cell-line-break-hint", line = c.at.line)),
            );
        }
    }
    if problems.len() > before {
        return None;
    }

    let raw_id = cell(columns.id);
    let id = to_unit_id(raw_id);
    if id.is_none() {
        problems.push(if raw_id.is_empty() {
            place(columns.id).problem(text!("csv-id-empty", column = columns.header(columns.id)))
        } else {
            place(columns.id).problem(text!("csv-id-no-letter", id = format!("{raw_id:?}")))
        });
    }
    let name = cell(columns.name);
    let kind = match columns
        .kind
        .map(|at| (at, cell(at)))
        .filter(|(_, k)| !k.is_empty())
    {
        None => Some(options.default_kind),
        Some((at, text)) => {
            // In English or French, whatever the case, accents and punctuation.
            let kind = UnitKind::from_name(text);
            if kind.is_none() {
                let names = UnitKind::names().iter().copied();
                problems.push(
                    place(at)
                        .problem(text!("csv-unknown-kind", kind = format!("{text:?}")))
                        .with_hint(did_you_mean(&slugify(text), names).unwrap_or_else(|| {
                            let names: Vec<&str> =
                                UnitKind::ALL.iter().map(|k| k.as_str()).collect();
                            text!("csv-kinds-are", kinds = names.join(", "))
                        })),
                );
            }
            kind
        }
    };
    let parent = Some(cell(columns.parent))
        .filter(|p| !p.is_empty())
        .map(|p| (p.to_owned(), to_unit_id(p).map(|id| prefixed(id, options))));
    let tie = match columns.tie.map(|at| (at, cell(at))) {
        Some((at, text)) if !text.is_empty() => read_tie(text, place(at), problems),
        _ => Some(TieKind::Attachment),
    };
    let mut date = |column: Option<usize>| {
        let at = column?;
        let text = cell(at);
        if text.is_empty() {
            return None;
        }
        let date = read_date(text);
        if date.is_none() {
            problems.push(
                place(at)
                    .problem(text!(
                        "csv-bad-date",
                        date = format!("{text:?}"),
                        header = columns.header(at)
                    ))
                    .with_hint(text!("csv-bad-date-hint")),
            );
        }
        date
    };
    let period = Period::new(date(columns.valid_from), date(columns.valid_until));
    let date_at = |column: Option<usize>| column.map_or(record.end, place);
    let (from_at, until_at) = (date_at(columns.valid_from), date_at(columns.valid_until));
    if problems.len() == before && !period.is_ordered() {
        problems.push(
            until_at
                .problem(text!(
                    "csv-period-unordered",
                    id = cell(columns.id),
                    period = period_text(period)
                ))
                .with_hint(text!("csv-period-unordered-hint")),
        );
    }
    let text = |column: Option<usize>| {
        column
            .map(cell)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    let status = match columns.status.map(|at| (at, cell(at))) {
        Some((at, text)) if !text.is_empty() => {
            let status = read_status(text);
            if status.is_none() {
                problems.push(
                    place(at)
                        .problem(text!(
                            "csv-bad-status",
                            status = format!("{text:?}"),
                            header = columns.header(at)
                        ))
                        .with_hint(text!("csv-bad-status-hint")),
                );
            }
            status
        }
        _ => Some(Status::Active),
    };
    let headcount = columns
        .headcount
        .map(|at| (at, cell(at)))
        .filter(|(_, text)| !text.is_empty())
        .and_then(|(at, text)| {
            let count = read_headcount(text);
            if count.is_none() {
                problems.push(
                    place(at)
                        .problem(text!(
                            "csv-bad-headcount",
                            headcount = format!("{text:?}"),
                            header = columns.header(at)
                        ))
                        .with_hint(text!("csv-bad-headcount-hint")),
                );
            }
            count
        });
    let vacant = columns
        .vacancy
        .map(|at| (at, cell(at)))
        .filter(|(_, text)| !text.is_empty() && !name.is_empty())
        .and_then(|(at, text)| {
            let vacant = read_vacancy(text);
            let post = kind.is_some_and(|kind| kind.family() == Family::Post);
            match vacant {
                None => problems.push(
                    place(at)
                        .problem(text!(
                            "csv-bad-vacancy",
                            vacancy = format!("{text:?}"),
                            header = columns.header(at)
                        ))
                        .with_hint(text!("csv-bad-vacancy-hint")),
                ),
                Some(true) if !post => problems.push(
                    place(at)
                        .problem(text!(
                            "csv-vacant-not-post",
                            id = raw_id,
                            kind = kind.map_or("", UnitKind::as_str)
                        ))
                        .with_hint(text!("csv-vacant-not-post-hint")),
                ),
                _ => {}
            }
            vacant.filter(|_| post)
        });
    let organisation = columns
        .organisation
        .map(|at| (at, cell(at)))
        .filter(|(_, text)| !text.is_empty())
        .map(|(at, text)| {
            let slug = slugify(text);
            if slug.is_empty() {
                problems.push(
                    place(at)
                        .problem(text!(
                            "csv-organisation-no-letter",
                            organisation = format!("{text:?}")
                        ))
                        .with_hint(text!("csv-organisation-no-letter-hint")),
                );
            }
            slug
        });
    if problems.len() > before {
        return None;
    }
    let filled = |column: Option<usize>| column.is_some_and(|at| !cell(at).is_empty());
    Some(Row {
        line: record.at.line,
        id: prefixed(id?, options),
        id_at: place(columns.id),
        name: name.to_owned(),
        name_at: place(columns.name),
        kind: kind?,
        acronym: text(columns.acronym),
        parent,
        parent_at: place(columns.parent),
        tie: tie?,
        status: status?,
        period,
        from_at,
        until_at,
        headcount,
        remit: text(columns.remit),
        vacant,
        location: text(columns.location),
        source: text(columns.source),
        organisation,
        has_values: [
            columns.kind,
            columns.acronym,
            columns.status,
            columns.headcount,
            columns.remit,
            columns.vacancy,
            columns.location,
            columns.source,
            columns.organisation,
        ]
        .into_iter()
        .any(filled),
    })
}

/// `id` with the options' [`CsvOptions::id_prefix`] in front, a hyphen between when the prefix
/// does not end with one. A prefix checked by [`id_prefix`] makes a slug of a slug.
fn prefixed(id: UnitId, options: &CsvOptions) -> UnitId {
    match options
        .id_prefix
        .as_deref()
        .map(|p| p.trim_end_matches('-'))
    {
        Some(prefix) if !prefix.is_empty() => UnitId::new(format!("{prefix}-{id}")).unwrap_or(id),
        _ => id,
    }
}

/// The problem of an id prefix that would not make ids of slugs: one that is not a slug but for
/// a hyphen at its end.
fn id_prefix(options: &CsvOptions) -> Option<Problem> {
    let prefix = options.id_prefix.as_deref()?;
    check_slug(prefix.trim_end_matches('-')).err().map(|_| {
        Problem::new(text!("csv-bad-id-prefix", prefix = format!("{prefix:?}")))
            .with_hint(text!("csv-bad-id-prefix-hint", slug = slugify(prefix)))
    })
}

/// The kind of a tie to a parent as a cell writes it, in English or French whatever the case,
/// accents and punctuation: a hierarchical kind. Otherwise a problem at `at`, with the nearest
/// hierarchical kinds.
fn read_tie(text: &str, at: Place, problems: &mut Vec<Problem>) -> Option<TieKind> {
    let hierarchical: Vec<&str> = TieKind::ALL
        .iter()
        .filter(|kind| kind.is_hierarchical())
        .map(|kind| kind.as_str())
        .collect();
    match TieKind::from_name(text) {
        Some(kind) if kind.is_hierarchical() => return Some(kind),
        Some(kind) => problems.push(
            at.problem(text!("csv-tie-not-hierarchical", kind = kind.as_str()))
                .with_hint(text!("csv-ties-are", kinds = hierarchical.join(", "))),
        ),
        None => {
            let names = TieKind::ALL
                .iter()
                .filter(|kind| kind.is_hierarchical())
                .flat_map(|&kind| std::iter::once(kind.as_str()).chain(kind.french_names()));
            problems.push(
                at.problem(text!("csv-unknown-tie", kind = format!("{text:?}")))
                    .with_hint(
                        did_you_mean(&slugify(text), names).unwrap_or_else(|| {
                            text!("csv-ties-are", kinds = hierarchical.join(", "))
                        }),
                    ),
            );
        }
    }
    None
}

/// A headcount as a cell writes it: a whole number of people, its digits perhaps grouped by
/// spaces (`1 200`, with the no-break spaces French spreadsheets put).
fn read_headcount(text: &str) -> Option<u32> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A status as a cell writes it, whatever the case and accents: as descriptions write it
/// (`being-set-up`), as organigram's text says it (`being set up`), or in French (`en
/// fonctionnement`, `en cours de constitution`, `en projet`, `dissous`, `dissoute`,
/// `supprimé`); `None` for another word.
fn read_status(text: &str) -> Option<Status> {
    let slug = slugify(text);
    let all = [
        Status::Active,
        Status::BeingSetUp,
        Status::Planned,
        Status::Dissolved,
    ];
    if let Some(status) = all.into_iter().find(|status| {
        Lang::ALL
            .iter()
            .any(|&lang| slugify(status.label_in(lang)) == slug)
            || status.as_str() == slug
    }) {
        return Some(status);
    }
    match slug.as_str() {
        "actif" | "active" | "actifs" => Some(Status::Active),
        "prevu" | "prevue" => Some(Status::Planned),
        "dissous" | "dissoute" | "supprime" | "supprimee" | "ferme" | "fermee" | "closed" => {
            Some(Status::Dissolved)
        }
        _ => None,
    }
}

/// Whether a vacancy cell says the post is vacant: `yes`, `oui`, `true`, `vrai`, `1`, `vacant`
/// or `vacante` say it is; `no`, `non`, `false`, `faux`, `0`, `filled`, `pourvu`, `pourvue`,
/// `occupé` or `occupée` that it is not; whatever the case and accents. `None` for another word.
fn read_vacancy(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "yes" | "oui" | "true" | "vrai" | "1" | "vacant" | "vacante" => Some(true),
        "no" | "non" | "false" | "faux" | "0" | "filled" | "pourvu" | "pourvue" | "occupe"
        | "occupee" => Some(false),
        _ => None,
    }
}

/// A date as a cell writes it: `2019`, `2019-10`, `2019-10-25`, or `25/10/2019` as French
/// spreadsheets write a day.
fn read_date(text: &str) -> Option<Date> {
    if let Ok(date) = Date::parse(text) {
        return Some(date);
    }
    let mut parts = text.split('/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let short =
        |part: &str| (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !short(day) || !short(month) {
        return None;
    }
    Date::parse(&format!("{year}-{month:0>2}-{day:0>2}")).ok()
}

/// A period as messages write it, in any language: `2015 – 2019`, `2015 – …`, `… – 2019`.
fn period_text(period: Period) -> String {
    let end = |date: Option<Date>| date.map_or_else(|| "…".to_owned(), |d| d.to_string());
    format!("{} – {}", end(period.from), end(period.until))
}

/// The problem of a file with no header row: empty, or blank.
fn no_header(bytes: &[u8], text: &str) -> Problem {
    let holds = if bytes.is_empty() {
        "nothing"
    } else if text.is_empty() {
        "mark"
    } else {
        "blank"
    };
    Problem::new(text!("csv-no-header", holds = holds)).with_hint(text!("csv-no-header-hint"))
}

/// Imports a CSV file (`bytes`, with a header row, in `options.encoding`) as a description of
/// one organisation named after the file (or [`CsvOptions::organisation`]), or of several when
/// it takes more than one file. Bad rows are returned all at once, each at its line and column;
/// parents missing from the file are warnings. Linear in the size of the file.
///
/// # Columns
///
/// A column an option leaves `None` is the first column not taken by another whose header, as
/// a slug (whatever its case, accents, spaces and underscores), is one of its names: ids `id`,
/// `identifiant`, `code`; parents `parent`, `parent-id`, `id-parent`, `code-parent`; names
/// `name`, `nom`, `libelle`, `label`, `intitule`; ties `tie`, `tie-kind`, `lien`,
/// `type-de-lien`; kinds `kind`, `type`, `nature`, `type-d-unite`; acronyms `acronym`,
/// `acronyme`, `sigle`; starts `valid-from`, `from`, `debut`, `date-de-debut`; ends
/// `valid-until`, `until`, `fin`, `date-de-fin`; statuses `status`, `statut`, `etat`;
/// headcounts `headcount`, `effectif`, `effectifs`; remits `remit`, `missions`, `mission`;
/// vacancies `vacant`, `vacancy`, `vacance`; locations `location`, `localisation`, `site`,
/// `lieu`; sources `source`; organisations `organisation`, `organization`, `organisme`. The
/// first of each is the header `export --format csv` writes, so
/// that an export reads back with no option. The id, parent and name columns must be found.
///
/// A headcount is a whole number of people in place; a vacancy is said by `yes`, `oui`,
/// `true`, `vrai`, `1`, `vacant`, `vacante` or `no`, `non`, `false`, `faux`, `0`, `filled`,
/// `pourvu`, `pourvue`, `occupé`, `occupée`, and only a post may be vacant (`no` on another
/// unit says nothing); a source is a URL (`http://`, `https://`) or a document's title, each
/// distinct one declared once as `ORGANISATION-source-N` and cited by its units; an
/// organisation is an id (made a slug), each one a cell names written in files of its own, and
/// a unit with none is in the organisation named after the file.
///
/// # Further rows
///
/// A row whose name is empty gives another tie of the unit of its id, which a row with a name
/// must give: its parent, its tie kind and its dates only. Ties of one kind to one parent that
/// follow each other, the end of one the start of the next, are one tie.
///
/// # Dates
///
/// With [`CsvOptions::valid_from`] or [`CsvOptions::valid_until`], a row is the unit's
/// attachment to its parent during a period: from its start (included) to its end (excluded),
/// an empty cell open. Dates are `2019`, `2019-10`, `2019-10-25`, or `25/10/2019` as French
/// spreadsheets write a day; a date that is none, and a row that ends before it starts (or on
/// the day it starts), are errors at their cell. Several rows for one id are the unit's history,
/// one parent at a time: with both columns, rows of one id that hold on a day together are an
/// error, at the date cell of the one later in the file that runs into the other; with one
/// column, a row holds until the next row of its unit starts (`--valid-from`), or from the
/// previous row's end (`--valid-until`), and two rows of one date are that error.
///
/// A unit with several rows is one unit. Its life runs from its first row's start to its last
/// row's end. The later row wins: its name, acronym and kind are the unit's, each earlier row
/// whose values differ from the next row's is what the unit was until that row starts
/// ([`Unit::was`], citing its line), and its boundary is that of the latest row with no parent
/// in the file. Each row with a parent in the file is an attachment during the row's period,
/// rows back to back under one parent (a new name, not a move) being one. Without a date column,
/// two rows for one id are an error, as before.
///
/// # Large imports
///
/// A description file larger than the reading limit (`--max-file-size`, 256 MiB by default) is
/// not read back, so no file written is larger than [`CsvOptions::max_file_bytes`] (64 MiB by
/// default, a quarter of that limit). An import that fits is one file, `NAME.json`, whose
/// organisation `NAME` is named after the CSV file. A larger one is written as several files,
/// `NAME-0001.json`, `NAME-0002.json`… Each description file declares one organisation, and
/// organisation ids are unique, so each file is an organisation of its own, `NAME-0001` named
/// "NAME.csv (part 1 of 6)"; the source is declared in the first file and cited from all, and
/// ties cross files freely. Since a unit's organisation is what charts draw a cluster around
/// and what `render --organisation` selects, the parts follow the hierarchy rather than the
/// order of the rows: units are taken top down, a branch (a unit and everything under it, in
/// the order of the rows) goes whole into the file being filled when it fits in the room left
/// there, else whole into the next one, and a branch too large for any file is cut under its
/// top into its own branches. A part is then a run of whole branches: a directorate with its
/// bureaux, a ministry with its directorates; its units are in the order of the rows. Sizes are
/// those of the JSON text as written.
///
/// # Encodings
///
/// The file is UTF-8 unless [`CsvOptions::encoding`] says otherwise: Windows-1252 (what Excel on
/// Windows saves as plain "CSV" in French), ISO-8859-1 (read as Windows-1252, as the WHATWG
/// Encoding Standard says), UTF-16. A byte-order mark at its start decides over the option, and
/// is not text. Decoding is done once, for the whole file, by `encoding_rs`: a file that is not
/// UTF-8 is one error, at its first byte that is not, which says when the file looks like
/// Windows-1252 or UTF-16, rather than an error per row.
///
/// # Lines and cells
///
/// Lines are counted as a spreadsheet user counts them, whatever the line endings: a line feed
/// (LF), a carriage return and a line feed (CRLF, Windows), and a carriage return alone (CR, old
/// Mac Excel) each end one line, in any mix. A row is at the line where it starts; columns are
/// counted in characters, from 1. Blank lines, and rows whose every cell is empty (`;;;;`, as
/// spreadsheets write rows that were only formatted), are skipped.
///
/// Cells are read as RFC 4180 says: a cell that starts with a quote is quoted, and ends at the
/// next quote that a delimiter, a line break or the end of the file follows; a doubled quote
/// inside it is one quote. A quote anywhere else in a cell is part of its text. A quote that is
/// never closed would make the rest of the file one cell, and a quote that closes with more text
/// after it (`"Bureau "X""`) shows that quotes are out of step: both are errors at the opening
/// quote, and reading stops there, since every later row would be misread.
///
/// A quoted cell may hold line breaks, as CSV allows. In a name or an acronym they are kept: a
/// description's texts may hold line breaks, and `export --format csv` writes such names quoted
/// over several lines, which must import back the same. An id, a parent or a kind is one word:
/// one that holds a line break is an error at its cell, as it is most likely a quote opened in
/// it by mistake, which swallowed the line breaks (and rows) up to the next quote.
///
/// # Formulas
///
/// A cell that starts with a single quote, then any more quotes and one of `=`, `+`, `-`, `@`, a
/// tab or a carriage return, loses its first quote: it is the one
/// [`csv_export`](super::csv_export) puts before a cell that a spreadsheet would run as a
/// formula, so that an export imports back as it was.
pub fn import_csv(bytes: &[u8], options: &CsvOptions) -> Result<Import, Vec<Problem>> {
    if !options.delimiter.is_ascii() || matches!(options.delimiter, b'"' | b'\r' | b'\n') {
        return Err(vec![Problem::new(text!(
            "csv-bad-delimiter",
            delimiter = format!("{:?}", char::from(options.delimiter))
        ))]);
    }
    if let Some(problem) = id_prefix(options) {
        return Err(vec![problem]);
    }
    let mut warnings = Vec::new();
    // Spreadsheets often start files with a byte-order mark, which is not part of the header.
    let text = decode(bytes, options.encoding, &mut warnings).map_err(|p| vec![p])?;
    let text = text.as_ref();
    let mut reader = Reader::new(text, options.delimiter);
    let mut header = Record::default();
    loop {
        match reader.read(&mut header) {
            Ok(true) if header.is_blank() => {}
            Ok(true) => break,
            Ok(false) => return Err(vec![no_header(bytes, text)]),
            Err(problem) => return Err(vec![problem]),
        }
    }
    let columns = Columns::find(&header, options)?;

    let mut problems = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    // Each unit's rows, as indices of `rows` in the order of the file: one, or with dates, its
    // history.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // Each id's unit (as an index of `groups`), first line and text as written.
    let mut first_line: HashMap<UnitId, (usize, u64, String)> = HashMap::new();
    // The further rows, which give only another tie of a unit ([`csv_export`](super::csv_export)).
    let mut further: Vec<Row> = Vec::new();
    let mut record = Record::default();
    let mut read = 0;
    loop {
        match reader.read(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(problem) => {
                problems.push(problem);
                break;
            }
        }
        if record.is_blank() {
            continue;
        }
        read += 1;
        if record.cells.len() != header.cells.len() {
            problems.push(ragged(&record, &header, options.delimiter));
            continue;
        }
        let Some(row) = read_row(&record, &columns, options, &mut problems) else {
            continue;
        };
        if row.name.is_empty() {
            further.push(row);
            continue;
        }
        let raw = record.text(columns.id).unwrap_or("").trim().to_owned();
        match first_line.get(&row.id) {
            Some((unit, ..)) if columns.dated() => groups[*unit].push(rows.len()),
            Some((_, first, first_raw)) => {
                let message = if *first_raw == raw {
                    text!("csv-duplicate-id", id = row.id.as_str(), line = *first)
                } else {
                    text!(
                        "csv-duplicate-id-made",
                        id = row.id.as_str(),
                        line = *first,
                        raw = format!("{raw:?}"),
                        first_raw = format!("{first_raw:?}")
                    )
                };
                problems.push(
                    row.id_at
                        .problem(message)
                        .with_hint(text!("csv-duplicate-id-hint")),
                );
                continue;
            }
            None => {
                first_line.insert(row.id.clone(), (groups.len(), row.line, raw));
                groups.push(vec![rows.len()]);
            }
        }
        rows.push(row);
    }
    if read == 0 && problems.is_empty() {
        problems.push(
            header
                .at
                .problem(text!("csv-no-rows"))
                .with_hint(text!("csv-no-rows-hint")),
        );
    }
    // Each unit's further rows, as indices of `further`.
    let mut further_of: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (n, row) in further.iter().enumerate() {
        let Some((unit, ..)) = first_line.get(&row.id) else {
            let column = columns.header(columns.name);
            problems.push(
                row.name_at
                    .problem(text!("csv-name-empty", column = column))
                    .with_hint(text!("csv-name-empty-hint", id = row.id.as_str())),
            );
            continue;
        };
        if row.parent.is_none() {
            problems.push(
                row.parent_at
                    .problem(text!("csv-further-no-parent", id = row.id.as_str()))
                    .with_hint(text!("csv-further-no-parent-hint")),
            );
            continue;
        }
        if row.has_values {
            warnings.push(
                row.name_at
                    .problem(text!("csv-further-values", id = row.id.as_str()))
                    .with_hint(text!("csv-further-values-hint")),
            );
        }
        further_of[*unit].push(n);
    }
    for row in rows.iter().chain(&further) {
        if let Some((_, Some(parent))) = &row.parent
            && *parent == row.id
        {
            problems.push(
                row.parent_at
                    .problem(text!("csv-own-parent", id = row.id.as_str())),
            );
        }
    }
    // Each unit's rows in the order of their periods, which may not overlap.
    let lines: Vec<u64> = groups.iter().map(|group| rows[group[0]].line).collect();
    for group in &mut groups {
        problems.extend(history(&mut rows, group, &columns));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.line, p.column));
        return Err(problems);
    }

    let id = match options.organisation.as_deref().map(slugify) {
        Some(slug) if !slug.is_empty() => slug,
        Some(_) => "csv-import".to_owned(),
        None => import_id(&options.file_name),
    };
    let source_id = SourceId::new(id.as_str()).map_err(|e| vec![Problem::new(e.to_string())])?;
    let citation = |line: u64| Citation {
        source: Spanned::unplaced(source_id.clone()),
        quote: None,
        locator: Some(format!("line {line}")),
    };

    // The sources the rows' source cells give, each once, in the order first given.
    let mut given_sources: Vec<Source> = Vec::new();
    let mut source_of: HashMap<&str, SourceId> = HashMap::new();
    for group in &groups {
        let Some(text) = rows[group[group.len() - 1]].source.as_deref() else {
            continue;
        };
        if source_of.contains_key(text) {
            continue;
        }
        let source_id = SourceId::new(format!("{id}-source-{}", given_sources.len() + 1))
            .map_err(|e| vec![Problem::new(e.to_string())])?;
        let url =
            (text.starts_with("https://") || text.starts_with("http://")).then(|| text.to_owned());
        given_sources.push(Source {
            id: Spanned::unplaced(source_id.clone()),
            title: text.to_owned(),
            reference: None,
            publisher: None,
            date: None,
            url,
            file: None,
            origin: Origin::default(),
        });
        source_of.insert(text, source_id);
    }

    let mut suggestions = Suggestions::default();
    // Each unit, its ties to its parents, and the unit of its latest parent.
    let mut units = Vec::with_capacity(groups.len());
    let mut ties = Vec::with_capacity(groups.len());
    let mut parents = Vec::with_capacity(groups.len());
    for (group, further_rows) in groups.iter().zip(&further_of) {
        let (first, latest) = (&rows[group[0]], &rows[group[group.len() - 1]]);
        let source = match latest.source.as_deref().and_then(|s| source_of.get(s)) {
            Some(source_id) => Citation {
                source: Spanned::unplaced(source_id.clone()),
                quote: None,
                locator: None,
            },
            None => citation(latest.line),
        };
        let mut unit = Unit {
            acronym: latest.acronym.clone(),
            headcount: latest.headcount.map(actual_headcount),
            remit: latest.remit.clone(),
            vacant: latest.vacant.map(Spanned::unplaced),
            status: latest.status,
            location: latest.location.clone(),
            valid_from: first.period.from,
            valid_until: latest.period.until,
            was: group
                .windows(2)
                .filter_map(|pair| {
                    was(&rows[pair[0]], &rows[pair[1]], citation(rows[pair[0]].line))
                })
                .collect(),
            source: Some(source),
            ..Unit::new(
                Spanned::unplaced(latest.id.clone()),
                latest.name.clone(),
                Spanned::unplaced(latest.kind),
            )
        };
        let mut unit_ties = Vec::new();
        let mut parent_unit = None;
        let mut notes: Vec<String> = Vec::new();
        let further_rows = further_rows.iter().map(|&at| (&further[at], true));
        for (row, is_further) in group
            .iter()
            .map(|&at| (&rows[at], false))
            .chain(further_rows)
        {
            let parent = match &row.parent {
                Some((_, Some(parent))) => first_line.get(parent).map(|(at, ..)| *at),
                _ => None,
            };
            match (&row.parent, parent) {
                (None, _) => unit.boundary = Some(Boundary::Top),
                (Some((_, Some(parent))), Some(at)) => {
                    if !is_further {
                        parent_unit = Some(at);
                    }
                    unit_ties.push(Tie {
                        valid_from: row.period.from,
                        valid_until: row.period.until,
                        source: Some(citation(row.line)),
                        ..Tie::new(
                            Spanned::unplaced(row.tie),
                            Spanned::unplaced(row.id.clone()),
                            Spanned::unplaced(parent.clone()),
                        )
                    });
                }
                (Some((written, _)), _) => {
                    if !is_further {
                        unit.boundary = Some(Boundary::ParentOutside);
                    }
                    let note = format!(
                        "Its parent in the CSV file, {written:?}, is not a row of the file."
                    );
                    if !notes.contains(&note) {
                        notes.push(note);
                    }
                    let mut warning = row.parent_at.problem(text!(
                        "csv-parent-outside",
                        parent = format!("{written:?}"),
                        id = row.id.as_str()
                    ));
                    let ids = groups.iter().map(|g| rows[g[0]].id.as_str());
                    if let Some(hint) = suggestions.did_you_mean(&slugify(written), ids) {
                        warning = warning.with_hint(hint);
                    }
                    warnings.push(warning);
                }
            }
        }
        unit.note = (!notes.is_empty()).then(|| notes.join(" "));
        units.push(Some(unit));
        ties.push(joined(unit_ties));
        parents.push(parent_unit);
    }

    let source = Source {
        id: Spanned::unplaced(source_id.clone()),
        title: options.file_name.clone(),
        reference: None,
        publisher: None,
        date: None,
        url: None,
        file: None,
        origin: Origin::default(),
    };
    let named = options
        .organisation
        .as_deref()
        .unwrap_or(&options.file_name);
    // The organisations: the file's (or --organisation's), for units whose organisation is not
    // given, then each one a cell names, in the order first named; and each unit's.
    // Each organisation's units, in the order of the rows. Linear: a table may name as many
    // organisations as it has rows.
    let mut organisations: Vec<(String, String)> = vec![(id.clone(), named.to_owned())];
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new()];
    let mut organisation_at: HashMap<&str, usize> = HashMap::from([(id.as_str(), 0)]);
    for (unit, group) in groups.iter().enumerate() {
        let at = match rows[group[group.len() - 1]].organisation.as_deref() {
            None => 0,
            Some(given) => *organisation_at.entry(given).or_insert_with(|| {
                organisations.push((given.to_owned(), given.to_owned()));
                members_of.push(Vec::new());
                organisations.len() - 1
            }),
        };
        members_of[at].push(unit);
    }
    let organisation_of = |at: usize, part: Option<(usize, usize)>| {
        let (id, named) = &organisations[at];
        let (id, name) = match part {
            None => (id.clone(), named.clone()),
            Some((n, of)) => {
                let width = of.to_string().len().max(4);
                (
                    format!("{id}-{n:0width$}"),
                    format!("{named} (part {n} of {of})"),
                )
            }
        };
        OrganisationId::new(id.as_str())
            .map(|organisation_id| (id, organisation(organisation_id, name, None)))
            .map_err(|e| vec![Problem::new(e.to_string())])
    };

    let mut sources = vec![source];
    sources.append(&mut given_sources);
    let sizes: Vec<usize> = units
        .iter()
        .zip(&ties)
        .map(|(unit, ties)| element_size(unit) + ties.iter().map(element_size).sum::<usize>())
        .collect();
    // The room a file has for units and ties: the bound, less what the largest file holds
    // besides them (the organisation of the longest id and name, as a part, the sources, the
    // brackets of its arrays). Found once: a table may name as many organisations as sources.
    let longest = (0..organisations.len())
        .max_by_key(|&at| organisations[at].0.len() + organisations[at].1.len())
        .unwrap_or_default();
    let (_, longest) = organisation_of(longest, Some((usize::MAX, usize::MAX)))?;
    let around = description_file(longest, sources.clone(), Vec::new(), Vec::new());
    let around = serde_json::to_string_pretty(&around).map_or(0, |t| t.len()) + 64;
    let room = options.max_file_bytes.saturating_sub(around);
    let mut files = Vec::new();
    let mut sources = Some(sources);
    for (at, members) in members_of.iter().enumerate() {
        // The organisation's units, and each one's parent among them.
        if members.is_empty() {
            continue;
        }
        let local: HashMap<usize, usize> = members
            .iter()
            .enumerate()
            .map(|(n, &unit)| (unit, n))
            .collect();
        let member_parents: Vec<Option<usize>> = members
            .iter()
            .map(|&unit| parents[unit].and_then(|parent| local.get(&parent).copied()))
            .collect();
        let member_sizes: Vec<usize> = members.iter().map(|&unit| sizes[unit]).collect();
        let parts = split(&member_parents, &member_sizes, room).map_err(|n| {
            let unit = members[n];
            vec![
                Place {
                    line: lines[unit],
                    column: 1,
                }
                .problem(text!(
                    "csv-row-too-large",
                    bytes = sizes[unit],
                    max = options.max_file_bytes
                ))
                .with_hint(text!("csv-row-too-large-hint")),
            ]
        })?;
        // The one top of the organisation's units is the unit the organisation is, and the file
        // that holds it names it so; several tops are several units, none of them the
        // organisation's.
        let mut tops = members
            .iter()
            .filter_map(|&unit| units[unit].as_ref().map(|u| (unit, u)))
            .filter(|(_, u)| u.boundary == Some(Boundary::Top));
        let top = match (tops.next(), tops.next()) {
            (Some((unit, u)), None) => Some((unit, u.id.value.clone())),
            _ => None,
        };
        for (n, part) in parts.iter().enumerate() {
            let part: Vec<usize> = part.iter().map(|&n| members[n]).collect();
            let (name, mut organisation) =
                organisation_of(at, (parts.len() > 1).then_some((n + 1, parts.len())))?;
            if let Some((unit, id)) = &top
                && part.contains(unit)
            {
                organisation.unit = Some(Spanned::unplaced(id.clone()));
            }
            let file_units = part.iter().filter_map(|&unit| units[unit].take()).collect();
            let file_ties = part
                .iter()
                .flat_map(|&unit| std::mem::take(&mut ties[unit]))
                .collect();
            files.push(NamedFile {
                name: file_name(&name, "json"),
                file: description_file(
                    organisation,
                    sources.take().unwrap_or_default(),
                    file_units,
                    file_ties,
                ),
            });
        }
    }
    Ok(Import { files, warnings })
}

/// Puts a unit's rows (`group`, indices of `rows` in the order of the file) in the order of their
/// periods, and closes the periods the date columns leave open: with `--valid-from` alone, a
/// row holds until the next row starts; with `--valid-until` alone, from the previous row's
/// end. The problems of rows that hold on a day together, each at the date cell of the row
/// later in the file. `O(k log k)` for `k` rows.
fn history(rows: &mut [Row], group: &mut [usize], columns: &Columns) -> Vec<Problem> {
    if group.len() < 2 {
        return Vec::new();
    }
    let (from_only, until_only) = (columns.valid_until.is_none(), columns.valid_from.is_none());
    // Open starts first, open ends last.
    if until_only {
        group.sort_by_key(|&at| {
            (
                rows[at].period.until.is_none(),
                rows[at].period.until.map(Date::start),
            )
        });
    } else {
        group.sort_by_key(|&at| rows[at].period.from.map(Date::start));
    }
    let mut problems = Vec::new();
    for pair in group.windows(2) {
        let (earlier, later) = (&rows[pair[0]], &rows[pair[1]]);
        let clash = if from_only {
            earlier.period.from.map(Date::start) == later.period.from.map(Date::start)
        } else if until_only {
            earlier.period.until.map(Date::start) == later.period.until.map(Date::start)
        } else {
            earlier.period.overlaps(later.period)
        };
        if !clash {
            continue;
        }
        // The row later in the file, at the cell that runs into the other row's period.
        let (first, second) = if pair[0] < pair[1] {
            (earlier, later)
        } else {
            (later, earlier)
        };
        let at = match second.period.from {
            _ if until_only => second.until_at,
            Some(from) if !from_only && !first.period.holds_at(from) => second.until_at,
            _ => second.from_at,
        };
        problems.push(
            at.problem(text!(
                "csv-periods-overlap",
                id = second.id.as_str(),
                period = period_text(second.period),
                line = first.line,
                other = period_text(first.period)
            ))
            .with_hint(text!("csv-periods-overlap-hint")),
        );
    }
    if problems.is_empty() && (from_only || until_only) {
        for pair in group.windows(2) {
            if from_only {
                rows[pair[0]].period.until = rows[pair[1]].period.from;
            } else {
                rows[pair[1]].period.from = rows[pair[0]].period.until;
            }
        }
    }
    problems
}

/// A unit's ties, with the ties of one kind to one parent that follow each other (back to back
/// rows under one parent, a new name and not a move; a further row that gives the rest of a
/// tie's period) joined into one, each where the first of them was. `O(t log t)` for `t` ties.
fn joined(ties: Vec<Tie>) -> Vec<Tie> {
    if ties.len() < 2 {
        return ties;
    }
    let mut order: Vec<usize> = (0..ties.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |tie: &Tie| (tie.to.value.clone(), tie.kind.value);
        key(&ties[a])
            .cmp(&key(&ties[b]))
            .then_with(|| {
                let start = |tie: &Tie| tie.valid_from.map(Date::start);
                start(&ties[a]).cmp(&start(&ties[b]))
            })
            .then(a.cmp(&b))
    });
    let mut slots: Vec<Option<Tie>> = ties.into_iter().map(Some).collect();
    let mut kept: Option<usize> = None;
    for at in order {
        if let Some(into) = kept
            && let [Some(earlier), Some(later)] = [&slots[into], &slots[at]]
            && (&earlier.to.value, earlier.kind.value) == (&later.to.value, later.kind.value)
            && earlier.valid_until.is_some()
            && earlier.valid_until.map(Date::start) == later.valid_from.map(Date::start)
        {
            let until = later.valid_until;
            slots[at] = None;
            if let Some(earlier) = slots[into].as_mut() {
                earlier.valid_until = until;
            }
            continue;
        }
        kept = Some(at);
    }
    slots.into_iter().flatten().collect()
}

/// A headcount as a table gives it: a number of people in place, as exact as written.
const fn actual_headcount(count: u32) -> Headcount {
    Headcount {
        count,
        basis: HeadcountBasis::Actual,
        qualifier: HeadcountQualifier::Exactly,
        date: None,
    }
}

/// What a unit was on the row `earlier`, where the row after it, `later`, says otherwise: its
/// name, acronym (none, when `later` gives one and `earlier` does not) and kind until `later`
/// starts, citing `earlier`'s line. `None` when they agree (the unit only moved).
fn was(earlier: &Row, later: &Row, source: Citation) -> Option<Was> {
    let differs = |a: &str, b: &str| (a != b).then(|| a.to_owned());
    let was = Was {
        until: later.period.from?,
        name: differs(&earlier.name, &later.name),
        acronym: (earlier.acronym != later.acronym).then(|| earlier.acronym.clone()),
        kind: (earlier.kind != later.kind).then(|| Spanned::unplaced(earlier.kind)),
        // A remit or a headcount that only begins later cannot be said: `was` holds values.
        remit: earlier
            .remit
            .clone()
            .filter(|_| earlier.remit != later.remit),
        headcount: earlier
            .headcount
            .filter(|_| earlier.headcount != later.headcount)
            .map(actual_headcount),
        source: Some(source),
    };
    (was.name.is_some()
        || was.acronym.is_some()
        || was.kind.is_some()
        || was.remit.is_some()
        || was.headcount.is_some())
    .then_some(was)
}

/// The bytes a value takes in a description file as written ([`NamedFile::to_json`]): an
/// element of one of its arrays, pretty-printed with its lines indented two levels, then a comma
/// and a line break.
fn element_size<T: serde::Serialize>(value: &T) -> usize {
    #[derive(Default)]
    struct Count {
        bytes: usize,
        lines: usize,
    }
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.bytes += buf.len();
            // Buffers are a few bytes each: no need for a crate that counts faster.
            #[allow(clippy::naive_bytecount)]
            let lines = buf.iter().filter(|b| **b == b'\n').count();
            self.lines += lines;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count::default();
    // Counting cannot fail, and units and ties always serialise.
    if serde_json::to_writer_pretty(&mut count, value).is_err() {
        return usize::MAX / 4;
    }
    count.bytes + 4 * (count.lines + 1) + 2
}

/// The rows of each file: all of them, in their order, when their units and ties (`sizes[row]`
/// bytes each) fit in `room` bytes; otherwise the hierarchy (`parents[row]`, the row of a row's
/// parent) top down, a branch (a unit and everything under it, in the order of the rows) whole
/// in a file when it fits in the room left there, else in the next file when it fits in a file,
/// else cut under its top into its own branches; in a file, the rows in their order. The row
/// whose unit alone does not fit, if one does not. Linear in the number of rows, but for
/// sorting each file's rows.
fn split(
    parents: &[Option<usize>],
    sizes: &[usize],
    room: usize,
) -> Result<Vec<Vec<usize>>, usize> {
    let rows = sizes.len();
    if sizes.iter().sum::<usize>() <= room {
        return Ok(vec![(0..rows).collect()]);
    }
    // The children of row `r`, in the order of the rows: `children[first[r]..first[r + 1]]`
    // (two arrays rather than a vector per row: a million rows would be a million allocations).
    let mut first = vec![0; rows + 1];
    for parent in parents.iter().flatten() {
        first[parent + 1] += 1;
    }
    for row in 0..rows {
        first[row + 1] += first[row];
    }
    let mut children = vec![0; first[rows]];
    let mut next = first.clone();
    for (row, parent) in parents.iter().enumerate() {
        if let Some(parent) = parent {
            children[next[*parent]] = row;
            next[*parent] += 1;
        }
    }
    let children_of = |row: usize| &children[first[row]..first[row + 1]];
    // The tree the rows make, reached from the tops in order, then from the rows left, which
    // are in cycles: each row's parent in the tree, the order reached, and the tree's roots.
    let mut reached = vec![false; rows];
    let mut up: Vec<Option<usize>> = vec![None; rows];
    let mut order = Vec::with_capacity(rows);
    let mut roots = Vec::new();
    let mut stack = Vec::new();
    for start in (0..rows)
        .filter(|row| parents[*row].is_none())
        .chain(0..rows)
    {
        if reached[start] {
            continue;
        }
        reached[start] = true;
        roots.push(start);
        stack.push(start);
        while let Some(row) = stack.pop() {
            order.push(row);
            for &child in children_of(row).iter().rev() {
                if !reached[child] {
                    reached[child] = true;
                    up[child] = Some(row);
                    stack.push(child);
                }
            }
        }
    }
    // The size of each branch.
    let mut branch = sizes.to_vec();
    for &row in order.iter().rev() {
        if let Some(parent) = up[row] {
            branch[parent] += branch[row];
        }
    }
    // A row's children in the tree, last first, to be pushed on a stack.
    let up = &up;
    let below = move |row: usize| {
        children_of(row)
            .iter()
            .rev()
            .copied()
            .filter(move |child| up[*child] == Some(row))
    };

    let mut parts = Vec::new();
    let mut part = Vec::new();
    let mut used = 0;
    let mut todo: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(row) = todo.pop() {
        let whole = branch[row] <= room;
        let size = if whole { branch[row] } else { sizes[row] };
        if size > room {
            return Err(row);
        }
        if used + size > room {
            parts.push(std::mem::take(&mut part));
            used = 0;
        }
        used += size;
        if whole {
            stack.push(row);
            while let Some(row) = stack.pop() {
                part.push(row);
                stack.extend(below(row));
            }
        } else {
            part.push(row);
            todo.extend(below(row));
        }
    }
    if !part.is_empty() {
        parts.push(part);
    }
    // Within a file, the units are in the order of the rows, as in a file of a small import.
    for part in &mut parts {
        part.sort_unstable();
    }
    Ok(parts)
}

/// The place just after `text`: its line (LF, CRLF and CR each end one), and the column after
/// its last character.
fn end_of(text: &str) -> Place {
    let mut reader = Reader::new(text, b',');
    reader.advance(text.len());
    reader.place
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Recover;

    fn options() -> CsvOptions {
        CsvOptions {
            kind: Some("type".into()),
            ..CsvOptions::new("HR export.csv", "code", "parent", "label")
        }
    }

    /// The options with the columns `from` and `until` as given.
    fn dated(from: bool, until: bool) -> CsvOptions {
        CsvOptions {
            valid_from: from.then(|| "from".into()),
            valid_until: until.then(|| "until".into()),
            ..options()
        }
    }

    fn date(text: &str) -> Option<crate::model::Date> {
        crate::model::Date::parse(text).ok()
    }

    /// Each tie of an import: from, to, and its period.
    fn dated_ties(import: &Import) -> Vec<(String, String, Period)> {
        import.files[0]
            .file
            .ties
            .iter()
            .filter_map(|t| match t {
                Recover::Read(t) => Some((
                    t.value.from.to_string(),
                    t.value.to.to_string(),
                    t.value.period(),
                )),
                Recover::Skipped(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_unit_given_an_acronym_had_none_before() {
        let csv = "code,parent,label,type,acronym,from\n\
                   me,,Ministère,ministry,,\n\
                   sd,me,Sous-direction,sub-directorate,,2011\n\
                   sd,me,Sous-direction,sub-directorate,SDRH,2026\n";
        let options = CsvOptions {
            acronym: Some("acronym".into()),
            ..dated(true, false)
        };
        let import = import_csv(csv.as_bytes(), &options).unwrap();
        let sd = units(&import)[1];
        assert_eq!(sd.acronym.as_deref(), Some("SDRH"));
        assert_eq!(sd.was.len(), 1);
        assert_eq!(sd.was[0].acronym, Some(None));
    }

    #[test]
    fn dated_rows_are_a_unit_s_history_one_parent_at_a_time() {
        let csv = "code,parent,label,type,from,until\n\
                   me,,Ministère,ministry,,\n\
                   dinsic,me,DINSIC,directorate,2011,2019-10-25\n\
                   lab,dinsic,Lab,bureau,2015,2019-10-25\n\
                   dinsic,me,DINUM,interministerial-directorate,2019-10-25,\n\
                   lab,dinsic,Lab data,,25/10/2019,\n";
        let import = import_csv(csv.as_bytes(), &dated(true, true)).unwrap();
        let units = units(&import);
        assert_eq!(units.len(), 3);
        // The latest row's values are the unit's; an earlier row's, where they differ, what it
        // was until the next row starts.
        let dinsic = units[1];
        assert_eq!(
            (dinsic.name.as_str(), dinsic.kind.value),
            ("DINUM", UnitKind::InterministerialDirectorate)
        );
        assert_eq!(dinsic.life(), Period::new(date("2011"), None));
        assert_eq!(dinsic.was.len(), 1);
        assert_eq!(dinsic.was[0].until, date("2019-10-25").unwrap());
        assert_eq!(dinsic.was[0].name.as_deref(), Some("DINSIC"));
        assert_eq!(
            dinsic.was[0].kind.as_ref().map(|k| k.value),
            Some(UnitKind::Directorate)
        );
        assert_eq!(
            dinsic.source.as_ref().unwrap().locator.as_deref(),
            Some("line 5")
        );
        let lab = units[2];
        assert_eq!(
            (lab.name.as_str(), lab.kind.value),
            ("Lab data", UnitKind::Department)
        );
        assert_eq!(lab.life(), Period::new(date("2015"), None));
        // A tie per parent and period, holding while the rows do: rows back to back under one
        // parent (a new name) are one tie.
        assert_eq!(
            dated_ties(&import),
            [
                (
                    "dinsic".into(),
                    "me".into(),
                    Period::new(date("2011"), None)
                ),
                (
                    "lab".into(),
                    "dinsic".into(),
                    Period::new(date("2015"), None)
                ),
            ]
        );
        // Without the date columns (found by their headers), two rows for one id are still an
        // error.
        let undated = csv.replacen("from,until", "start,end", 1);
        let problems = import_csv(undated.as_bytes(), &options()).unwrap_err();
        assert_eq!(at(&problems[0]), (5, 1));
        assert!(
            problems[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("--valid-from")
        );
    }

    #[test]
    fn one_date_column_closes_each_row_at_its_neighbour() {
        let csv = "code,parent,label,type,from\na,,A,,\nb,,B,,\nx,b,X,,2020\nx,a,X,,2010\n";
        let import = import_csv(csv.as_bytes(), &dated(true, false)).unwrap();
        assert_eq!(
            dated_ties(&import),
            [
                (
                    "x".into(),
                    "a".into(),
                    Period::new(date("2010"), date("2020"))
                ),
                ("x".into(), "b".into(), Period::new(date("2020"), None)),
            ]
        );
        let csv = "code,parent,label,type,until\na,,A,,\nb,,B,,\nx,b,X,,\nx,a,X,,2020\n";
        let import = import_csv(csv.as_bytes(), &dated(false, true)).unwrap();
        assert_eq!(
            dated_ties(&import),
            [
                ("x".into(), "a".into(), Period::new(None, date("2020"))),
                ("x".into(), "b".into(), Period::new(date("2020"), None)),
            ]
        );
        // Two rows that start on one day hold together.
        let csv = "code,parent,label,type,from\na,,A,,\nx,a,X,,2020\nx,a,Y,,2020-01-01\n";
        let problems = import_csv(csv.as_bytes(), &dated(true, false)).unwrap_err();
        assert_eq!(at(&problems[0]), (4, 8));
        assert!(
            problems[0].message.contains("its row on line 3"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn overlapping_periods_and_bad_dates_are_located_at_their_cells() {
        let csv = "code,parent,label,type,from,until\n\
                   a,,A,,,\n\
                   x,a,X,,2010,2016\n\
                   x,a,X,,2015,\n\
                   y,a,Y,,2015,2020\n\
                   y,a,Y,,2010,2016\n\
                   z,a,Z,,2019-02-30,\n\
                   w,a,W,,2019,2019\n";
        let problems = import_csv(csv.as_bytes(), &dated(true, true)).unwrap_err();
        let found: Vec<((u64, u64), &str)> = problems
            .iter()
            .map(|p| (at(p), p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                // The second row starts inside the first: at its start.
                (
                    (4, 8),
                    "this row of `x` (2015 – …) holds on days that its row on line 3 (2010 – 2016) holds too: a unit has one parent at a time"
                ),
                // The second row starts before the first, and runs into it: at its end.
                (
                    (6, 13),
                    "this row of `y` (2010 – 2016) holds on days that its row on line 5 (2015 – 2020) holds too: a unit has one parent at a time"
                ),
                ((7, 8), "\"2019-02-30\" is not a date (the cell from)"),
                (
                    (8, 13),
                    "the row of `w` ends before it starts, or on the day it starts (2019 – 2019)"
                ),
            ]
        );
        assert!(
            problems[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("a row until 2019 and a row from 2019 follow each other")
        );
    }

    #[test]
    fn dates_are_read_as_iso_or_as_french_spreadsheets_write_them() {
        for (text, read) in [
            ("2019", "2019"),
            ("2019-10", "2019-10"),
            ("2019-10-25", "2019-10-25"),
            ("25/10/2019", "2019-10-25"),
            ("1/9/2025", "2025-09-01"),
        ] {
            assert_eq!(
                read_date(text).map(|d| d.to_string()).as_deref(),
                Some(read),
                "{text}"
            );
        }
        for bad in [
            "31/02/2019",
            "10/2019",
            "25/10/19",
            "2019/10/25",
            "1/2/3/2019",
            "25-10-2019",
        ] {
            assert_eq!(read_date(bad), None, "{bad}");
        }
    }

    /// The line and column of a problem.
    fn at(problem: &Problem) -> (u64, u64) {
        (problem.line.unwrap_or(0), problem.column.unwrap_or(0))
    }

    fn refused(csv: &str) -> Vec<Problem> {
        import_csv(csv.as_bytes(), &options()).unwrap_err()
    }

    /// The locators of the units' citations, and of the ties'.
    fn locators(import: &Import) -> (Vec<String>, Vec<String>) {
        let file = &import.files[0].file;
        let locator = |citation: Option<&Citation>| {
            citation.and_then(|c| c.locator.clone()).unwrap_or_default()
        };
        (
            units(import)
                .iter()
                .map(|u| locator(u.source.as_ref()))
                .collect(),
            file.ties
                .iter()
                .filter_map(|t| match t {
                    Recover::Read(t) => Some(locator(t.value.source.as_ref())),
                    Recover::Skipped(_) => None,
                })
                .collect(),
        )
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
        // The one top is the organisation the file describes, so its units belong to it.
        let organisation = &import.files[0].file.organisation.value;
        assert_eq!(organisation.unit.as_ref().map(|u| u.as_str()), Some("min"));
        let two_tops = "code,parent,label,type\nA,,Ministry A,ministry\nB,,Ministry B,ministry\n";
        let import = import_csv(two_tops.as_bytes(), &options()).unwrap();
        assert!(import.files[0].file.organisation.value.unit.is_none());
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
        assert_eq!(at(&problems[0]), (3, 5));
        assert_eq!(
            problems[0].message,
            "the cell label holds the control character U+0000"
        );
        // In an id or a parent too, which would otherwise be made a slug without it.
        let csv = "code,parent,label,type\na,,A,\nb\u{0}c,a,B,\nd,a\u{0},D,\n";
        let problems = import_csv(csv.as_bytes(), &options()).unwrap_err();
        let messages: Vec<(u64, u64, &str)> = problems
            .iter()
            .map(|p| (at(p).0, at(p).1, p.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (3, 1, "the cell code holds the control character U+0000"),
                (4, 3, "the cell parent holds the control character U+0000"),
            ]
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
        wrong.name = Some("lable".into());
        wrong.kind = None;
        let problems = import_csv(b"code,parent,label\n", &wrong).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].hint.as_deref(), Some("did you mean `label`?"));
    }

    #[test]
    fn an_unclosed_quote_is_refused_at_the_quote() {
        // The report: `sg,me,"S` and three rows after it, which made two units of four.
        let csv = "code,parent,label,type\nme,,M,\nsg,me,\"S\nb1,sg,B1,\nb2,sg,B2,\nb3,sg,B3,\n";
        let problems = refused(csv);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (3, 7));
        assert_eq!(
            problems[0].message,
            "this quote opens a cell that is never closed: the rest of the file, to its last line (6), was read as one cell"
        );
        let hint = problems[0].hint.as_deref().unwrap();
        assert!(
            hint.contains("close the quote") && hint.contains("\"\"X\"\""),
            "{hint}"
        );
        // The same in the middle of a cell and a CRLF file with no final line break: a quote
        // that does not start a cell is text, and the one that does is never closed.
        let csv = "code,parent,label,type\r\nme,,Min \"X\",\r\nsg,me,S,\"ministry\r\nb,sg,B,";
        let problems = refused(csv);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (3, 9));
        assert!(
            problems[0].message.contains("last line (4)"),
            "{problems:#?}"
        );
        // On the last line, and in the header.
        let problems = refused("code,parent,label,type\nme,,\"M");
        assert_eq!(at(&problems[0]), (2, 5));
        assert!(
            problems[0]
                .message
                .ends_with("never closed: the rest of the file was read as one cell")
        );
        let problems = refused("code,parent,\"label,type\nme,,M,\n");
        assert_eq!((problems.len(), at(&problems[0])), (1, (1, 13)));
    }

    #[test]
    fn a_quote_that_closes_before_the_cell_ends_is_refused_at_the_quote() {
        // A quote inside a quoted cell, not doubled.
        let problems = refused("code,parent,label,type\nme,,\"Bureau \"X\" des achats\",\n");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (2, 5));
        assert_eq!(
            problems[0].message,
            "this quote opens a cell that the quote at column 13 closes, but the cell goes on after it (\"X\\\" des achats\\\"\"): its quotes are out of step"
        );
        // A quote opened by mistake swallows rows up to the next quoted cell, whose opening
        // quote closes it.
        let csv =
            "code,parent,label,type\nme,,M,\nsg,me,\"S,\nb1,sg,B1,\nb2,sg,\"Paris, France\",\n";
        let problems = refused(csv);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (3, 7));
        assert!(
            problems[0]
                .message
                .contains("the quote at line 5, column 7 closes"),
            "{problems:#?}"
        );
        // Doubled, the quotes are read.
        let import = import_csv(
            b"code,parent,label,type\nme,,\"Bureau \"\"X\"\", achats\",\n",
            &options(),
        )
        .unwrap();
        assert_eq!(units(&import)[0].name, "Bureau \"X\", achats");
    }

    #[test]
    fn a_line_break_in_a_quoted_name_is_kept_and_in_an_id_refused() {
        let csv = "code,parent,label,type\nme,,\"Ministère\r\nde l'Exemple\",\nsg,me,S,\n";
        let import = import_csv(csv.as_bytes(), &options()).unwrap();
        assert_eq!(units(&import)[0].name, "Ministère\r\nde l'Exemple");
        // The next row is at its own line, after the two of the first.
        assert_eq!(locators(&import).0, ["line 2", "line 4"]);
        // A quote opened in an id swallows the line break after it, and closes on the next.
        let csv = "code,parent,label,type\nme,,M,\n\"sg,me,S,\nb\",sg,B,\n";
        let problems = refused(csv);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (3, 1));
        assert_eq!(
            problems[0].message,
            "the cell code holds a line break: its quote, opened here, closes on line 4"
        );
        // In a kind, the same.
        let problems = refused("code,parent,label,type\nme,,M,\"ministry\n\"\n");
        assert_eq!(at(&problems[0]), (2, 7));
    }

    #[test]
    fn lines_are_counted_as_people_count_them_whatever_the_line_endings() {
        let rows = ["code,parent,label,type", "me,,M,", "sg,me,S,", "bx,sg,B,"];
        let expected = (vec!["line 2", "line 3", "line 4"], vec!["line 3", "line 4"]);
        for ending in ["\n", "\r\n", "\r"] {
            let csv = rows.join(ending) + ending;
            let import = import_csv(csv.as_bytes(), &options()).unwrap();
            assert_eq!(
                locators(&import),
                (
                    expected.0.iter().map(|s| (*s).to_owned()).collect(),
                    expected.1.iter().map(|s| (*s).to_owned()).collect(),
                ),
                "{ending:?}"
            );
            // A problem on line 4 is reported there.
            let csv = csv.replace("bx,sg,B,", "bx,sg,B,bureu");
            let problems = refused(&csv);
            assert_eq!(at(&problems[0]), (4, 9), "{ending:?}");
        }
        // Mixed, with blank lines and a cell over three lines.
        let csv = "code,parent,label,type\r\n\r\nme,,M,\rsg,me,\"S\n\nS\",\n\r\nbx,sg,B,bureu\r\n";
        let problems = refused(csv);
        assert_eq!(at(&problems[0]), (8, 9));
        let fixed = csv.replace("bureu", "");
        let import = import_csv(fixed.as_bytes(), &options()).unwrap();
        assert_eq!(locators(&import).0, ["line 3", "line 4", "line 8"]);
        // Columns count characters, not bytes.
        let problems = refused("code,parent,label,type\nécole,,É,bureu\n");
        assert_eq!(at(&problems[0]), (2, 10));
    }

    #[test]
    fn a_file_with_no_rows_is_refused_with_what_it_holds() {
        for (csv, what) in [
            (&b""[..], "the file is empty"),
            (b"\xef\xbb\xbf", "the file holds only a byte-order mark"),
            (b"\n\r\n  \n", "the file holds only blank lines"),
        ] {
            let problems = import_csv(csv, &options()).unwrap_err();
            assert_eq!(problems.len(), 1);
            assert!(problems[0].message.starts_with(what), "{problems:#?}");
            assert!(problems[0].hint.is_some());
        }
        for csv in [
            "code,parent,label,type\n",
            "\u{feff}code,parent,label,type\r\n,,,\r\n\r\n",
        ] {
            let problems = refused(csv);
            assert_eq!(problems.len(), 1);
            assert_eq!(at(&problems[0]), (1, 1));
            assert_eq!(
                problems[0].message,
                "the file has a header row but no row after it: there is no unit to import"
            );
        }
    }

    #[test]
    fn rows_with_another_number_of_cells_are_located_where_the_cells_differ() {
        let problems = refused("code,parent,label,type\nme,,M,\nsg,me\nbx,sg,B,,x\n");
        assert_eq!(problems.len(), 2);
        assert_eq!(at(&problems[0]), (3, 6));
        assert_eq!(
            problems[0].message,
            "this row has 2 cells where the header has 4: it ends before the column \"label\""
        );
        assert_eq!(at(&problems[1]), (4, 10));
        assert_eq!(
            problems[1].message,
            "this row has 5 cells where the header has 4: this cell is one too many"
        );
        assert!(
            problems[1]
                .hint
                .as_deref()
                .unwrap()
                .contains("\"Paris, France\"")
        );
        let problems = refused("code,parent,label,type\nme,,M,,,\n");
        assert_eq!(at(&problems[0]), (2, 8));
        assert!(
            problems[0]
                .message
                .ends_with("this cell is the first of 2 too many")
        );
        let semicolons = CsvOptions {
            delimiter: b';',
            ..options()
        };
        let problems = import_csv(b"code;parent;label;type\nme;;M\n", &semicolons).unwrap_err();
        assert_eq!(at(&problems[0]), (2, 6));
        assert!(
            problems[0].message.contains("3 cells where"),
            "{problems:#?}"
        );
        assert!(problems[0].hint.as_deref().unwrap().contains("a;;A"));
    }

    #[test]
    fn a_header_read_with_the_wrong_delimiter_names_the_one_to_give() {
        let problems = refused("code;parent;label;type\nme;;M;\n");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (1, 1));
        assert_eq!(
            problems[0].message,
            "no column is named \"code\", \"parent\", \"label\", \"type\": read with the delimiter ',', the header is one column, \"code;parent;label;type\""
        );
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("the header holds semicolons: give --delimiter ';'")
        );
        let tabs = import_csv(b"code\tparent\tlabel\ttype\n", &options()).unwrap_err();
        assert_eq!(
            tabs[0].hint.as_deref(),
            Some("the header holds tabs: give --delimiter $'\\t' (a tab)")
        );
        let semicolons = CsvOptions {
            delimiter: b';',
            ..options()
        };
        let commas = import_csv(b"code,parent,label,type\n", &semicolons).unwrap_err();
        assert!(commas[0].message.contains("with the delimiter ';'"));
        assert_eq!(
            commas[0].hint.as_deref(),
            Some("the header holds commas: give --delimiter ','")
        );
    }

    #[test]
    fn a_delimiter_that_cannot_separate_cells_is_refused() {
        for delimiter in [b'"', b'\n', b'\r', 0xe9] {
            let options = CsvOptions {
                delimiter,
                ..options()
            };
            let problems = import_csv(b"code,parent,label\n", &options).unwrap_err();
            assert!(
                problems[0].message.starts_with("the delimiter"),
                "{problems:#?}"
            );
        }
    }

    proptest::proptest! {
        /// Any records written by the `csv` crate read back as the same cells, whatever they
        /// hold, and any text reads without a panic.
        #[test]
        fn records_read_back_as_written(
            records in proptest::collection::vec(
                proptest::collection::vec("[a-c,;\"\r\n \u{e9}]{0,6}", 1..4),
                1..6,
            ),
            semicolon in proptest::bool::ANY,
            noise in "[a-c,;\"\r\n \u{e9}]{0,40}",
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let mut writer = ::csv::WriterBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .from_writer(Vec::new());
            for record in &records {
                writer.write_record(record).unwrap();
            }
            let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
            let mut reader = Reader::new(&text, delimiter);
            let mut record = Record::default();
            let mut read = Vec::new();
            while reader.read(&mut record).unwrap() {
                read.push((0..record.cells.len()).map(|at| record.text(at).unwrap().to_owned()).collect::<Vec<_>>());
            }
            proptest::prop_assert_eq!(read, records);
            let mut reader = Reader::new(&noise, delimiter);
            while let Ok(true) = reader.read(&mut record) {}
        }
    }

    fn windows_1252(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn a_file_that_is_not_utf8_is_one_problem_that_names_its_encoding() {
        // The report: a Windows-1252 file had an error per row.
        let mut csv = "code,parent,label,type\n".to_owned();
        for n in 0..1000 {
            csv.push_str(&format!("u{n},,Équipe d’accueil {n},\n"));
        }
        let bytes = windows_1252(&csv);
        let problems = import_csv(&bytes, &options()).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (2, 5));
        assert_eq!(
            problems[0].message,
            "the file is not UTF-8 text: this byte, 0xC9, is not, nor are bytes on 999 other lines after it; it looks like Windows-1252, as Excel saves CSV files in French, where 0xC9 is 'É' and 0x92 '’'"
        );
        assert!(
            problems[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("--encoding windows-1252")
        );
        // Read as Windows-1252, or as Latin-1, which is read the same.
        for encoding in [CsvEncoding::Windows1252, CsvEncoding::Latin1] {
            let options = CsvOptions {
                encoding,
                ..options()
            };
            let import = import_csv(&bytes, &options).unwrap();
            assert!(import.warnings.is_empty());
            assert_eq!(units(&import)[999].name, "Équipe d’accueil 999");
        }
        // One bad byte, after a multi-byte character on a CR line.
        let problems =
            import_csv(b"code,parent,label,type\rm\xc3\xa9,,Caf\xe9,\r", &options()).unwrap_err();
        assert_eq!(at(&problems[0]), (2, 8));
        assert!(
            problems[0].message.ends_with("where 0xE9 is 'é'"),
            "{problems:#?}"
        );
        // A byte that is no character in Windows-1252 either.
        let problems = import_csv(b"code,parent,label,type\na,,\x81,\n", &options()).unwrap_err();
        assert!(!problems[0].message.contains("looks like"), "{problems:#?}");
        assert!(problems[0].hint.as_deref().unwrap().contains("utf-16le"));
    }

    #[test]
    fn decoded_text_is_imported_as_usual() {
        // Control characters are still refused: 0x81 is U+0081 in Windows-1252.
        let options = CsvOptions {
            encoding: CsvEncoding::Windows1252,
            ..options()
        };
        let problems = import_csv(b"code,parent,label,type\na,,\x81,\n", &options).unwrap_err();
        assert_eq!(
            (at(&problems[0]), problems[0].message.as_str()),
            ((2, 4), "the cell label holds the control character U+0081")
        );
        // UTF-8 read as Windows-1252 is read, and warned about.
        let import =
            import_csv("code,parent,label,type\na,,Équipe,\n".as_bytes(), &options).unwrap();
        assert_eq!(units(&import)[0].name, "Ã‰quipe");
        assert_eq!(at(&import.warnings[0]), (2, 4));
        assert!(
            import.warnings[0].message.contains("garbled"),
            "{:#?}",
            import.warnings
        );
        // A byte-order mark decides over the encoding given.
        let mut marked = b"\xef\xbb\xbf".to_vec();
        marked.extend_from_slice("code,parent,label,type\na,,Équipe,\n".as_bytes());
        let import = import_csv(&marked, &options).unwrap();
        assert_eq!(units(&import)[0].name, "Équipe");
        assert!(import.warnings.is_empty());
    }

    #[test]
    fn utf16_is_read_by_its_byte_order_mark_or_when_given() {
        let csv =
            "\u{feff}code,parent,label,type\r\nme,,Ministère,\r\nsg,me,Secrétariat général,\r\n";
        for big_endian in [false, true] {
            let import = import_csv(&utf16(csv, big_endian), &options()).unwrap();
            assert_eq!(units(&import)[1].name, "Secrétariat général");
            assert_eq!(locators(&import).0, ["line 2", "line 3"]);
        }
        // Without the mark, every other byte is 0: UTF-16, not UTF-8.
        let unmarked = utf16(&csv[3..], false);
        let problems = import_csv(&unmarked, &options()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("UTF-16LE"), "{problems:#?}");
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("import it with --encoding utf-16le, or save it as UTF-8")
        );
        let options = CsvOptions {
            encoding: CsvEncoding::Utf16Le,
            ..options()
        };
        assert_eq!(units(&import_csv(&unmarked, &options).unwrap()).len(), 2);
        // Half a character at the end, placed on its line.
        let mut broken = unmarked.clone();
        broken.push(b'x');
        let problems = import_csv(&broken, &options).unwrap_err();
        assert_eq!(at(&problems[0]), (4, 1));
        assert!(
            problems[0]
                .message
                .starts_with("the file is not UTF-16LE text")
        );
    }

    /// A CSV of `tops` ministries, each with `directorates` directorates of `bureaux` bureaux.
    fn ministries(tops: usize, directorates: usize, bureaux: usize) -> String {
        let mut csv = "code,parent,label,type\n".to_owned();
        for m in 0..tops {
            csv.push_str(&format!("m{m},,Ministère {m},ministry\n"));
            for d in 0..directorates {
                csv.push_str(&format!(
                    "m{m}-d{d},m{m},Direction {d} du ministère {m},directorate\n"
                ));
                for b in 0..bureaux {
                    csv.push_str(&format!(
                        "m{m}-d{d}-b{b},m{m}-d{d},Bureau {b} de la direction {d},bureau\n"
                    ));
                }
            }
        }
        csv
    }

    /// The files of `import`, as written, each at most `bound` bytes, loaded back with no
    /// problem: the workspace.
    fn written_and_loaded(import: &Import, bound: usize) -> crate::Workspace {
        let mut loader = crate::Loader::new();
        for file in &import.files {
            let text = file.to_json().unwrap();
            assert!(text.len() <= bound, "{}: {} bytes", file.name, text.len());
            loader = loader.text(&file.name, text);
        }
        let workspace = loader.load().unwrap();
        assert!(workspace.read.is_empty(), "{:#?}", workspace.read);
        assert!(
            workspace.structure.diagnostics.is_empty(),
            "{:#?}",
            workspace.structure.diagnostics
        );
        workspace
    }

    #[test]
    fn a_large_import_is_written_as_files_that_load_back_each_a_whole_branch() {
        // The report: 1M rows made one file of 336 MB, which --max-file-size then refused. The
        // same at a smaller scale: 3 × 20 × 30 rows, in files of at most 64 KiB.
        let bound = 64 * 1024;
        let options = CsvOptions {
            max_file_bytes: bound,
            ..options()
        };
        let csv = ministries(3, 20, 30);
        let import = import_csv(csv.as_bytes(), &options).unwrap();
        let names: Vec<&str> = import.files.iter().map(|f| f.name.as_str()).collect();
        assert!(names.len() > 10, "{names:?}");
        assert_eq!(names[0], "hr-export-0001.json");
        assert_eq!(names[1], "hr-export-0002.json");
        let first = &import.files[0].file;
        assert_eq!(first.organisation.value.id.as_str(), "hr-export-0001");
        assert_eq!(
            first.organisation.value.name,
            format!("HR export.csv (part 1 of {})", names.len())
        );
        // The source is declared once, and cited from every file.
        assert_eq!(first.sources.len(), 1);
        assert!(import.files[1..].iter().all(|f| f.file.sources.is_empty()));
        // The files are well filled.
        let total: usize = import
            .files
            .iter()
            .map(|f| f.to_json().unwrap().len())
            .sum();
        assert!(
            total / names.len() > bound / 2,
            "{total} bytes in {} files",
            names.len()
        );

        let workspace = written_and_loaded(&import, bound);
        let graph = workspace.graph();
        assert_eq!(graph.unit_count(), 3 * (1 + 20 * (1 + 30)));
        assert_eq!(graph.tie_count(), 3 * 20 * (1 + 30));
        assert_eq!(graph.organisations().len(), names.len());
        // A directorate and its bureaux (a branch of 31 units) are in one file.
        for (ix, unit) in graph.units() {
            if unit.kind.value == UnitKind::Bureau {
                let directorate = graph.find_id(unit.id.as_str().rsplit_once('-').unwrap().0);
                assert_eq!(
                    graph.unit(ix).organisation,
                    graph.unit(directorate.unwrap()).organisation,
                    "{}",
                    unit.id.value
                );
            }
        }
        // Within the bound, one file as before.
        let one = import_csv(csv.as_bytes(), &self::options()).unwrap();
        assert_eq!(one.files.len(), 1);
        assert_eq!(one.files[0].name, "hr-export.json");
        assert_eq!(one.files[0].file.organisation.value.name, "HR export.csv");
    }

    #[test]
    fn any_hierarchy_is_split_within_the_bound() {
        let bound = 16 * 1024;
        let options = CsvOptions {
            max_file_bytes: bound,
            ..options()
        };
        // Flat, deep, a cycle, a parent outside the file, and rows in no order.
        let mut csv = "code,parent,label,type\ntop,,Top,ministry\n".to_owned();
        for n in 0..300 {
            csv.push_str(&format!("flat-{n},top,Bureau {n},bureau\n"));
        }
        for n in 0..300 {
            let parent = if n == 0 {
                "top".to_owned()
            } else {
                format!("deep-{}", n - 1)
            };
            csv.push_str(&format!("deep-{n},{parent},Team {n},team\n"));
        }
        csv.push_str("ring-a,ring-b,Ring A,\nring-b,ring-a,Ring B,\nlost,elsewhere,Lost,\n");
        for n in (0..100).rev() {
            let parent = if n == 0 {
                "top".to_owned()
            } else {
                format!("late-{}", n - 1)
            };
            csv.push_str(&format!("late-{n},{parent},Late {n},team\n"));
        }
        let import = import_csv(csv.as_bytes(), &options).unwrap();
        assert!(import.files.len() > 5);
        let workspace = written_and_loaded(&import, bound);
        assert_eq!(workspace.graph().unit_count(), 1 + 300 + 300 + 3 + 100);
        assert_eq!(workspace.graph().tie_count(), 300 + 300 + 2 + 100);
        // Each file's units are in the order of the rows.
        for file in &import.files {
            let lines: Vec<u64> = file
                .file
                .units
                .iter()
                .filter_map(|u| u.clone().ok())
                .filter_map(|u| u.value.source?.locator?.strip_prefix("line ")?.parse().ok())
                .collect();
            assert!(lines.is_sorted(), "{}: {lines:?}", file.name);
            assert_eq!(lines.len(), file.file.units.len());
        }
    }

    #[test]
    fn a_row_too_large_for_any_file_is_refused_at_its_line() {
        let options = CsvOptions {
            max_file_bytes: 1024,
            ..options()
        };
        let csv = format!("code,parent,label,type\na,,A,\nb,a,{},\n", "B".repeat(1000));
        let problems = import_csv(csv.as_bytes(), &options).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(at(&problems[0]), (3, 1));
        assert!(
            problems[0]
                .message
                .starts_with("this row is too large to write")
        );
    }
}
