//! The canonical form of a file: a description or proposal file read whole and written again by
//! [`crate::model::canonical_json`], what it means unchanged.

use std::path::Path;

use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::text;
use crate::load::{Files, Limits, diagnose, json, read_file, read_stdin};
use crate::model::{DescriptionFile, FileId, Origin, Span, canonical_json};
use crate::proposal::ProposalFile;

/// The path that names standard input, as `--org -` does.
pub const STDIN: &str = "-";

/// What a file holds, as its shape tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Shape {
    /// A description file: an `organisation`, its sources, units and ties.
    Description,
    /// A proposal file: a `title` and `changes`.
    Proposal,
}

impl Shape {
    /// The shape of `text`: a proposal when it is an object with `changes` or a `title` and no
    /// `organisation`, a description otherwise (a text that is no object at all is read as a
    /// description, whose reader says what is wrong with it). `O(length)`.
    pub fn of(text: &str) -> Shape {
        /// The two fields that tell the shapes apart; the others are skipped.
        #[derive(serde::Deserialize)]
        struct Head {
            organisation: Option<IgnoredAny>,
            changes: Option<IgnoredAny>,
            title: Option<IgnoredAny>,
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match serde_json::from_str::<Head>(text) {
            Ok(Head {
                organisation: None,
                changes,
                title,
            }) if changes.is_some() || title.is_some() => Shape::Proposal,
            _ => Shape::Description,
        }
    }
}

/// A file's text in canonical form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formatted {
    /// What the file holds.
    pub shape: Shape,
    /// Its text in canonical form.
    pub text: String,
}

/// Reads `text`, registered as `file`, as what its [`Shape`] says, and writes it again in
/// canonical form; when it cannot be read whole, the problems found instead, located in it, as
/// loading reports them (a file with one unreadable unit is not written again, as the unit would
/// be lost). The text written is read back and must give what was read: formatting never changes
/// what a file means.
pub fn format(file: FileId, text: &str, limits: Limits) -> Result<Formatted, Vec<Diagnostic>> {
    let shape = Shape::of(text);
    let text = match shape {
        Shape::Description => canonical::<DescriptionFile>(file, text, limits)?,
        Shape::Proposal => canonical::<ProposalFile>(file, text, limits)?,
    };
    Ok(Formatted { shape, text })
}

/// Reads the file at `path` (standard input for `-`) into `files`, within the limits, and
/// [`format()`]s it.
pub fn format_file(
    path: &Path,
    limits: Limits,
    files: &mut Files,
) -> Result<(FileId, Formatted), Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let read = if path == Path::new(STDIN) {
        read_stdin(limits, files, &mut diagnostics)
    } else {
        read_file(path.to_owned(), limits, files, &mut diagnostics)
    };
    let Some(file) = read else {
        return Err(diagnostics);
    };
    format(file, files.text(file), limits).map(|formatted| (file, formatted))
}

/// `text` read as a `T` and written again, or why it cannot be.
fn canonical<T: DeserializeOwned + Serialize + PartialEq>(
    file: FileId,
    text: &str,
    limits: Limits,
) -> Result<String, Vec<Diagnostic>> {
    let read = json::read::<T>(text, limits.max_depth);
    let problems: Vec<Diagnostic> = read.errors.into_iter().map(|e| diagnose(file, e)).collect();
    let value = match read.value {
        Some(value) if problems.is_empty() => value,
        _ => return Err(problems),
    };
    let lossy = || {
        vec![
            Diagnostic::new(Code::InvalidValue, text!("format-lossy"))
                .at(Origin::new(file, Span::default()))
                .with_hint(text!("format-lossy-hint")),
        ]
    };
    let written = canonical_json(&value).map_err(|_| lossy())?;
    match json::from_str::<T>(&written, limits.max_depth) {
        Ok(again) if again == value => Ok(written),
        _ => Err(lossy()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formatted(text: &str) -> Result<Formatted, Vec<Diagnostic>> {
        format(FileId(0), text, Limits::default())
    }

    #[test]
    fn a_description_is_written_in_the_order_of_the_format_and_keeps_its_meaning() {
        let messy = r#"{"units":[{"kind":"sous-direction","name":"Sous-direction é","id":"a",
            "status":"active","acronym":null,"collective":false}],
            "organisation":{"name":"O","id":"o"}}"#;
        let done = formatted(messy).unwrap();
        assert_eq!(done.shape, Shape::Description);
        assert_eq!(
            done.text,
            "{\n  \"organisation\": {\n    \"id\": \"o\",\n    \"name\": \"O\"\n  },\n  \"units\": [\n    {\n      \"id\": \"a\",\n      \"name\": \"Sous-direction é\",\n      \"kind\": \"sub-directorate\"\n    }\n  ]\n}\n"
        );
        assert_eq!(formatted(&done.text).unwrap(), done);
    }

    #[test]
    fn a_proposal_is_told_by_its_changes_and_written_in_its_order() {
        let messy = r#"{"changes":[{"reason":"r","remove-unit":"a"}],"title":"T"}"#;
        let done = formatted(messy).unwrap();
        assert_eq!(done.shape, Shape::Proposal);
        assert_eq!(
            done.text,
            "{\n  \"title\": \"T\",\n  \"changes\": [\n    {\n      \"remove-unit\": \"a\",\n      \"reason\": \"r\"\n    }\n  ]\n}\n"
        );
        // A past acronym of `null` (none) and a rename to no acronym are kept.
        let rename = r#"{"title":"T","changes":[{"rename":{"unit":"a","acronym":null}}]}"#;
        assert!(
            formatted(rename)
                .unwrap()
                .text
                .contains("\"acronym\": null")
        );
    }

    #[test]
    fn a_file_that_cannot_be_read_whole_is_not_written() {
        for broken in [
            r#"{"organisation": {"id": "o", "name": "O"}, "units": [{"id": "a"}]}"#,
            r#"{"organisation": {"id": "o", "name": "O"}"#,
            r#"{"title": "T", "changes": [{"remove-unit": 3}]}"#,
            "[]",
        ] {
            let problems = formatted(broken).unwrap_err();
            assert!(problems.iter().all(Diagnostic::is_error), "{broken}");
            assert!(!problems.is_empty(), "{broken}");
        }
    }
}
