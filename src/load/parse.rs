//! Parsing one file's text into its typed shape, turning reader errors into diagnostics.

use super::Limits;
use super::json::{self, ErrorKind};
use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::model::{DescriptionFile, FileId, Origin, Recover, Span};

/// Parses a description file, reporting every problem with its place. Returns what could be
/// read, if anything, and the ids of the items that were declared but could not be read.
pub(super) fn parse(
    file: FileId,
    text: &str,
    limits: Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(DescriptionFile, Vec<String>)> {
    let read = json::read::<DescriptionFile>(text, limits.max_depth);
    diagnostics.extend(read.errors.into_iter().map(|e| diagnose(file, e)));
    let doc = read.value?;
    let skipped = doc
        .units
        .iter()
        .filter_map(skipped_span)
        .chain(doc.sources.iter().filter_map(skipped_span));
    let unreadable = skipped
        .filter_map(|span| salvage_id(text.get(span.range())?, limits))
        .collect();
    Some((doc, unreadable))
}

fn skipped_span<T>(item: &Recover<T>) -> Option<Span> {
    match item {
        Recover::Skipped(span) => Some(*span),
        Recover::Read(_) => None,
    }
}

/// The id of an item that could not be read, when its `id` at least is a string.
fn salvage_id(item: &str, limits: Limits) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<String>,
    }
    json::from_str::<IdOnly>(item, limits.max_depth).ok()?.id
}

/// The diagnostic for a reader error in `file`.
pub(crate) fn diagnose(file: FileId, error: json::Error) -> Diagnostic {
    let origin = Origin::new(file, error.span.unwrap_or_default());
    let message = error.to_string();
    let diagnostic = match error.kind {
        ErrorKind::Syntax(_) => Diagnostic::new(Code::Syntax, message),
        ErrorKind::TooDeep(_) => Diagnostic::new(Code::TooDeep, message)
            .with_hint("raise the limit with --max-depth if the nesting is meant"),
        ErrorKind::UnknownField { field, expected } => Diagnostic::new(Code::UnknownField, message)
            .with_hint(
                did_you_mean(&field, expected.iter().copied())
                    .unwrap_or_else(|| format!("the fields here are {}", list(expected))),
            ),
        ErrorKind::UnknownVariant { variant, expected } => {
            Diagnostic::new(Code::UnknownValue, message).with_hint(
                did_you_mean(&variant, expected.iter().copied())
                    .unwrap_or_else(|| format!("the values allowed here are {}", list(expected))),
            )
        }
        ErrorKind::MissingField(field) => Diagnostic::new(Code::MissingField, message)
            .with_label(format!("this object has no `{field}`"))
            .with_hint(format!("add a `\"{field}\"` field")),
        ErrorKind::DuplicateKey { first, .. } => {
            let diagnostic = Diagnostic::new(Code::DuplicateKey, message)
                .with_hint("keep one of the two: JSON readers silently keep only one value");
            if first == Span::default() {
                diagnostic
            } else {
                diagnostic.with_related(Origin::new(file, first), "first given here")
            }
        }
        ErrorKind::ControlCharacter(_) => Diagnostic::new(Code::InvalidValue, message).with_hint(
            "remove it: a description's texts hold no control character but tabs and line breaks",
        ),
        ErrorKind::Invalid(_) => Diagnostic::new(Code::InvalidValue, message),
    };
    diagnostic.at(origin)
}

/// "`a`, `b` and `c`".
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => "none".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
