//! Interoperability: registers and exports taken in as descriptions, and the graph handed to the
//! tools people use next.
//!
//! Importers ([`import_govuk`], [`import_csv`]) turn someone else's data into description files,
//! in memory, for the caller to write. Their output is deterministic: the same input gives
//! byte-identical files. Exporters take an [`OrgGraph`](crate::graph::OrgGraph) and write node-link
//! JSON ([`node_link`]), GraphML ([`graphml`]), the W3C Organization Ontology as Turtle
//! ([`turtle`]) or JSON-LD ([`jsonld`]), the last two from one set of RDF statements ([`rdf`]),
//! or the hierarchy as the CSV table the CSV importer reads back ([`csv_export`]).

mod csv;
pub mod csv_export;
mod govuk;
pub mod graphml;
pub mod jsonld;
pub mod node_link;
pub mod rdf;
pub mod turtle;

use crate::i18n::{Text, text};
use crate::model::Lang;
use std::fmt;
use std::path::Path;

pub use self::csv::{CsvEncoding, CsvOptions, import_csv};
pub use govuk::{GovukOptions, import_govuk};

use crate::model::{
    DescriptionFile, Organisation, OrganisationId, Origin, Recover, Source, Spanned, Tie, Unit,
    UnitId, check_slug, is_forbidden_control, slugify,
};

/// One file of a description made by a program (an import, the generator): its name in the
/// output folder and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedFile {
    /// `<organisation id>.json` or another name built from a slug, so it stays in the folder it
    /// is written to.
    pub name: String,
    /// The description file: one organisation, its sources, units and ties.
    pub file: DescriptionFile,
}

impl NamedFile {
    /// The file's text, in the canonical form ([`DescriptionFile::to_json`]).
    pub fn to_json(&self) -> serde_json::Result<String> {
        self.file.to_json()
    }
}

/// What an import produced: the files of the description, and what the input holds that the
/// user should know (a parent outside the file, an id that had to be made a slug).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// The files to write, in a fixed order: together they load as one description.
    pub files: Vec<NamedFile>,
    /// What the user should know about the input, in the order found; none stops the import.
    pub warnings: Vec<Problem>,
}

/// A problem in an importer's input: where it is, when the input has lines or places that mean
/// something (a CSV row, a JSON syntax error), what it is, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The line of the input, from 1.
    pub line: Option<u64>,
    /// The column of the input, from 1: of a CSV cell, in characters; of a JSON syntax error.
    pub column: Option<u64>,
    /// What is wrong, worded to follow `error: ` or `warning: `: "the name (label) is empty".
    pub message: Text,
    /// What to do about it, when there is something to say: "save the file as UTF-8".
    pub hint: Option<Text>,
}

impl Problem {
    /// A problem with no place in the input.
    pub(crate) fn new(message: impl Into<Text>) -> Problem {
        Problem {
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem on a line of the input.
    pub(crate) fn at_line(line: u64, message: impl Into<Text>) -> Problem {
        Problem {
            line: Some(line),
            ..Problem::new(message)
        }
    }

    /// The problem, with what to do about it.
    #[must_use]
    pub(crate) fn with_hint(mut self, hint: impl Into<Text>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// The message after `FILE:LINE:COLUMN: ` (as far as the place is known), for messages about
    /// the input `file`: `hr.csv:4: the name (label) is empty`.
    pub fn located(&self, file: &Path) -> String {
        self.located_in(file, Lang::En)
    }

    /// The message in `lang` after `FILE:LINE:COLUMN: `, as [`Problem::located`] writes it.
    pub fn located_in(&self, file: &Path, lang: Lang) -> String {
        let mut text = file.display().to_string();
        for n in [self.line, self.column].into_iter().flatten() {
            text.push_str(&format!(":{n}"));
        }
        format!("{text}: {}", self.message.in_lang(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// How an id found in someone else's data becomes a unit id: kept when it is a slug, otherwise
/// made one by [`slugify`] ("HR Dept" → "hr-dept"); `None` when nothing of it is left (only
/// punctuation). Deterministic, so references to the id are transformed alike.
fn to_unit_id(text: &str) -> Option<UnitId> {
    if check_slug(text).is_ok() {
        return UnitId::new(text).ok();
    }
    UnitId::new(slugify(text)).ok()
}

/// A problem when `text`, from someone else's data, holds a control character that a
/// description may not hold ([`is_forbidden_control`]): written as it is, the description would
/// not load. `what` says which text it is ("the name"), made only when there is a problem.
fn control_character(text: &str, what: impl FnOnce() -> Text) -> Option<Problem> {
    let c = text.chars().find(|c| is_forbidden_control(*c))?;
    Some(
        Problem::new(text!(
            "import-control-character",
            what = what(),
            code = format!("{:04X}", u32::from(c))
        ))
        .with_hint(text!("import-control-character-hint")),
    )
}

/// An organisation as a description file declares it.
fn organisation(id: OrganisationId, name: String, acronym: Option<String>) -> Organisation {
    Organisation {
        id: Spanned::unplaced(id),
        name,
        acronym,
        unit: None,
        origin: Origin::default(),
    }
}

/// A description file with no `$schema`: an import can be written anywhere, and a path to the
/// schema would be wrong as soon as the folder moves (`organigram schema` prints it).
fn description_file(
    organisation: Organisation,
    sources: Vec<Source>,
    units: Vec<Unit>,
    ties: Vec<Tie>,
) -> DescriptionFile {
    DescriptionFile {
        schema: None,
        organisation: Spanned::unplaced(organisation),
        sources: sources.into_iter().map(Recover::unplaced).collect(),
        units: units.into_iter().map(Recover::unplaced).collect(),
        ties: ties.into_iter().map(Recover::unplaced).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kept_when_slugs_and_slugified_otherwise() {
        assert_eq!(to_unit_id("dsj").unwrap().as_str(), "dsj");
        assert_eq!(to_unit_id("HR Dept.").unwrap().as_str(), "hr-dept");
        assert_eq!(to_unit_id("Équipe 2").unwrap().as_str(), "equipe-2");
        assert!(to_unit_id("--").is_none());
        assert!(to_unit_id("").is_none());
    }

    #[test]
    fn problems_are_located_as_file_line_column() {
        let file = Path::new("hr.csv");
        assert_eq!(Problem::new("bad").located(file), "hr.csv: bad");
        assert_eq!(Problem::at_line(4, "bad").located(file), "hr.csv:4: bad");
        let placed = Problem {
            column: Some(7),
            ..Problem::at_line(4, "bad")
        };
        assert_eq!(placed.located(file), "hr.csv:4:7: bad");
    }
}
