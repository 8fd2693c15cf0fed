//! `organigram import govuk FILE -o DIR` and `organigram import csv FILE -o DIR [--id COL
//! --parent COL --name COL ...]`: someone else's data as a description.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::term::Terms;
use super::{Failure, lang};
use organigram::i18n::Arg;
use organigram::interop::{self, CsvEncoding, CsvOptions, GovukOptions, Import, Problem};
use organigram::load::Limits;
use organigram::model::{Date, Recover, Status, TieKind, UnitKind};
use organigram::tr;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    input: Input,
}

#[derive(Debug, Subcommand)]
enum Input {
    /// The GOV.UK organisations register: the Organisations API's results in one JSON array.
    Govuk(GovukArgs),
    /// A CSV file with a header row and one row per unit: an HR or directory export.
    Csv(Box<CsvArgs>),
}

#[derive(Debug, clap::Args)]
struct GovukArgs {
    /// The register's JSON file.
    file: PathBuf,

    /// The folder to write the description to; created if needed.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,

    /// When the register was read (YYYY-MM-DD): the date of its source. Default: the latest
    /// `updated_at` of its organisations.
    #[arg(long, value_parser = Date::parse)]
    date: Option<Date>,
}

#[derive(Debug, clap::Args)]
struct CsvArgs {
    /// The CSV file (UTF-8 unless --encoding says otherwise, comma-separated, with a header row).
    file: PathBuf,

    /// The folder to write the description to; created if needed.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,

    /// The header of the column of unit ids. Each column option is optional: without it, the
    /// column is found by its header, as `export --format csv` writes it or in French, whatever
    /// the case and accents (here `id`, `identifiant` or `code`).
    #[arg(long, value_name = "COLUMN")]
    id: Option<String>,

    /// The header of the column of parent ids; an empty cell makes the unit a top. Default: the
    /// column `parent`, `parent_id`, `id_parent` or `code_parent`.
    #[arg(long, value_name = "COLUMN")]
    parent: Option<String>,

    /// The header of the column of names. Default: the column `name`, `nom`, `libellé`, `label`
    /// or `intitulé`. A row with an empty name gives another tie of a unit that has a row with
    /// a name: its id, parent, tie and dates only.
    #[arg(long, value_name = "COLUMN")]
    name: Option<String>,

    /// The header of the column of the kinds of the ties to the parents: `attachment` (when
    /// empty), `joint-attachment`, `line-authority`, `head`, or in French. Default: the column
    /// `tie`, `lien` or `type_de_lien`.
    #[arg(long, value_name = "COLUMN")]
    tie: Option<String>,

    /// The header of the column of unit kinds (`directorate`, `bureau`, `sous-direction`...).
    /// Default: the column `kind`, `type` or `nature`.
    #[arg(long, value_name = "COLUMN")]
    kind: Option<String>,

    /// The header of the column of acronyms. Default: the column `acronym`, `acronyme` or
    /// `sigle`.
    #[arg(long, value_name = "COLUMN")]
    acronym: Option<String>,

    /// The header of the column of the dates each row holds from (included): YYYY, YYYY-MM,
    /// YYYY-MM-DD or DD/MM/YYYY, empty for always. With dates, a row is the unit's attachment to
    /// its parent during a period, and several rows for one id are its history, one parent at a
    /// time: rows that hold on a day together are an error. With this column alone, a row holds
    /// until the next row of its unit starts. Default: the column `valid_from`, `from`, `début`
    /// or `date_de_début`.
    #[arg(long, value_name = "COLUMN")]
    valid_from: Option<String>,

    /// The header of the column of the dates each row holds until (excluded), empty for still.
    /// With this column alone, a row holds from the previous row of its unit's end. Default: the
    /// column `valid_until`, `until`, `fin` or `date_de_fin`.
    #[arg(long, value_name = "COLUMN")]
    valid_until: Option<String>,

    /// The header of the column of statuses: empty or `active` for in operation,
    /// `being-set-up`, `planned`, `dissolved`, or in French (`en cours de constitution`, `en
    /// projet`, `dissous`). Default: the column `status`, `statut` or `état`.
    #[arg(long, value_name = "COLUMN")]
    status: Option<String>,

    /// The header of the column of headcounts: a whole number of people in place (`12`,
    /// `1 200`). Default: the column `headcount`, `effectif` or `effectifs`.
    #[arg(long, value_name = "COLUMN")]
    headcount: Option<String>,

    /// The header of the column of remits. Default: the column `remit`, `missions` or `mission`.
    #[arg(long, value_name = "COLUMN")]
    remit: Option<String>,

    /// The header of the column that says whether a post is vacant: `yes`, `oui`, `true`, `1`,
    /// `vacant`; `no`, `non`, `false`, `0`, `filled`, `pourvu`; empty for not said. A unit
    /// other than a post may only say no. Default: the column `vacant`, `vacancy` or `vacance`.
    #[arg(long, value_name = "COLUMN")]
    vacancy: Option<String>,

    /// The header of the column of locations. Default: the column `location`, `localisation`,
    /// `site` or `lieu`.
    #[arg(long, value_name = "COLUMN")]
    location: Option<String>,

    /// The header of the column of sources: a URL or a document's title, declared as a source
    /// and cited by the row's unit (rather than the CSV file's line). Default: the column
    /// `source`.
    #[arg(long, value_name = "COLUMN")]
    source: Option<String>,

    /// The header of the column of the organisations units belong to: each organisation a cell
    /// names (as a slug, its id) is one of its own, in files of its own. Default: the column
    /// `organisation`, `organization` or `organisme`.
    #[arg(long, value_name = "COLUMN")]
    organisation_column: Option<String>,

    /// The name of the organisation (of the units whose organisation no cell gives), and (as a
    /// slug) the id of that organisation, of the source and of the file written. Default: the
    /// CSV file's name.
    #[arg(long, value_name = "NAME")]
    organisation: Option<String>,

    /// Put this before every id read from the file, parents alike, with a hyphen between when
    /// it does not end with one (`--id-prefix justice` makes `sg` `justice-sg`): so that two
    /// ministries' files that both have `sg` can be imported into one description.
    #[arg(long, value_name = "PREFIX")]
    id_prefix: Option<String>,

    /// The kind of units whose kind is not given.
    #[arg(long, value_name = "KIND", value_parser = Terms::<UnitKind>::new(), default_value_t = UnitKind::Department)]
    default_kind: UnitKind,

    /// The character between cells: `;` for files that spreadsheets write in many locales.
    #[arg(long, value_name = "CHAR", default_value = ",", value_parser = parse_delimiter)]
    delimiter: u8,

    /// How the file's bytes are text. A byte-order mark at its start (UTF-8, UTF-16) decides
    /// over it.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Encoding::Utf8)]
    encoding: Encoding,
}

/// The encodings `--encoding` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Encoding {
    /// UTF-8 ("CSV UTF-8" in Excel).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252, as Excel on Windows saves plain "CSV" in French.
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
    /// ISO-8859-1, read as Windows-1252 as the WHATWG Encoding Standard says: they differ only
    /// in 0x80 to 0x9F, control characters in ISO-8859-1.
    #[value(name = "latin-1", aliases = ["latin1", "iso-8859-1"])]
    Latin1,
    /// UTF-16, little-endian, without a byte-order mark.
    #[value(name = "utf-16le", alias = "utf-16")]
    Utf16le,
    /// UTF-16, big-endian, without a byte-order mark.
    #[value(name = "utf-16be")]
    Utf16be,
}

impl From<Encoding> for CsvEncoding {
    fn from(encoding: Encoding) -> CsvEncoding {
        match encoding {
            Encoding::Utf8 => CsvEncoding::Utf8,
            Encoding::Windows1252 => CsvEncoding::Windows1252,
            Encoding::Latin1 => CsvEncoding::Latin1,
            Encoding::Utf16le => CsvEncoding::Utf16Le,
            Encoding::Utf16be => CsvEncoding::Utf16Be,
        }
    }
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text.as_bytes() {
        [byte]
            if byte.is_ascii()
                && !byte.is_ascii_alphanumeric()
                && !matches!(byte, b'"' | b'\r' | b'\n') =>
        {
            Ok(*byte)
        }
        _ => Err(format!(
            "{text:?} is not one ASCII punctuation or space character such as , ; or a tab"
        )),
    }
}

pub(crate) fn run(args: &Args, limits: Limits, out: &mut dyn Write) -> Result<(), Failure> {
    let (file, output, imported) = match &args.input {
        Input::Govuk(args) => {
            let bytes = read(&args.file, limits)?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Failure::Usage(tr!(
                    lang(),
                    "import-not-utf8",
                    file = args.file.display().to_string(),
                    byte = e.utf8_error().valid_up_to()
                ))
            })?;
            let options = GovukOptions { date: args.date };
            let imported = interop::import_govuk(&text, &options);
            (&args.file, &args.output, imported)
        }
        Input::Csv(args) => {
            let bytes = read(&args.file, limits)?;
            let file_name = args
                .file
                .file_name()
                .map_or_else(|| "import.csv".into(), |n| n.to_string_lossy().into_owned());
            let defaults = CsvOptions::found(file_name);
            let options = CsvOptions {
                id: args.id.clone(),
                parent: args.parent.clone(),
                name: args.name.clone(),
                tie: args.tie.clone(),
                kind: args.kind.clone(),
                acronym: args.acronym.clone(),
                valid_from: args.valid_from.clone(),
                valid_until: args.valid_until.clone(),
                status: args.status.clone(),
                headcount: args.headcount.clone(),
                remit: args.remit.clone(),
                vacancy: args.vacancy.clone(),
                location: args.location.clone(),
                source: args.source.clone(),
                organisation_column: args.organisation_column.clone(),
                organisation: args.organisation.clone(),
                id_prefix: args.id_prefix.clone(),
                default_kind: args.default_kind,
                delimiter: args.delimiter,
                encoding: args.encoding.into(),
                // What is written must be read back within the same --max-file-size, with room.
                max_file_bytes: defaults
                    .max_file_bytes
                    .min(usize::try_from(limits.max_file_size / 4).unwrap_or(usize::MAX)),
                ..defaults
            };
            (
                &args.file,
                &args.output,
                interop::import_csv(&bytes, &options),
            )
        }
    };
    let imported = match imported {
        Ok(imported) => imported,
        Err(problems) => {
            print_problems(Severity::Error, file, &problems);
            errln!(
                "{}",
                tr!(
                    lang(),
                    "import-refused",
                    file = file.display().to_string(),
                    problems = problems.len()
                )
            );
            return Err(Failure::Input);
        }
    };
    print_problems(Severity::Warning, file, &imported.warnings);
    let read = super::write::Read::of(None, &[file.as_path()]);
    super::write::write_files(output, &imported.files, &read)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    writeln!(out, "{}", summary(&imported, output))?;
    Ok(())
}

/// Reads the input file whole, within the size limit, as descriptions are read.
fn read(path: &Path, limits: Limits) -> Result<Vec<u8>, Failure> {
    organigram::load::read_bytes(path, limits)
        .map_err(|e| Failure::Usage(e.sentence_in(path, lang())))
}

/// Whether the problems of an import stop it or are only worth knowing.
#[derive(Clone, Copy)]
enum Severity {
    Error,
    Warning,
}

/// The most problems of one severity printed: a file of a million bad rows says what is wrong
/// with the first ones, and how many there are, rather than a million lines.
const SHOWN: usize = 100;

/// Prints problems to standard error, `error: FILE:LINE: message` and its hint, in the language
/// of text output: the first [`SHOWN`], then how many more there are.
fn print_problems(severity: Severity, file: &Path, problems: &[Problem]) {
    let lang = lang();
    if problems.len() > SHOWN {
        let more = problems.len() - SHOWN;
        print_problems(severity, file, &problems[..SHOWN]);
        errln!("{}", tr!(lang, "import-more-problems", n = more));
        return;
    }
    for problem in problems {
        let problem_text = problem.located_in(file, lang);
        let line = match severity {
            Severity::Error => tr!(lang, "import-error", problem = problem_text),
            Severity::Warning => tr!(lang, "import-warning", problem = problem_text),
        };
        errln!("{line}");
        if let Some(hint) = &problem.hint {
            let hint = hint.in_lang(lang).into_owned();
            errln!("  = {}", tr!(lang, "diagnostic-help", hint = hint));
        }
    }
}

/// "wrote 3 units and 2 ties (2 attachment) in 1 file to DIR", with the units that have several
/// parents and the dissolved ones when there are.
fn summary(imported: &Import, output: &Path) -> String {
    let units: Vec<_> = imported
        .files
        .iter()
        .flat_map(|f| {
            f.file.units.iter().filter_map(|u| match u {
                Recover::Read(u) => Some(&u.value),
                Recover::Skipped(_) => None,
            })
        })
        .collect();
    let ties: Vec<_> = imported
        .files
        .iter()
        .flat_map(|f| {
            f.file.ties.iter().filter_map(|t| match t {
                Recover::Read(t) => Some(&t.value),
                Recover::Skipped(_) => None,
            })
        })
        .collect();
    let lang = lang();
    let by_kind: Vec<String> = TieKind::ALL
        .iter()
        .filter_map(|kind| {
            let count = ties.iter().filter(|t| t.kind.value == *kind).count();
            (count > 0).then(|| {
                tr!(
                    lang,
                    "import-kind-count",
                    n = count,
                    kind = Arg::word(|lang| kind.name_in(lang))
                )
            })
        })
        .collect();
    let mut several = std::collections::HashSet::new();
    for tie in ties
        .iter()
        .filter(|t| t.kind.value == TieKind::JointAttachment)
    {
        several.insert(tie.from.as_str());
    }
    let dissolved = units
        .iter()
        .filter(|u| u.status == Status::Dissolved)
        .count();
    tr!(
        lang,
        "import-summary",
        units = units.len(),
        ties = ties.len(),
        by_kind = if by_kind.is_empty() {
            String::new()
        } else {
            format!(" ({})", by_kind.join(", "))
        },
        files = imported.files.len(),
        output = output.display().to_string(),
        several = several.len(),
        dissolved = dissolved
    )
}
