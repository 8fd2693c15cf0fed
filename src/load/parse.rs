//! Parsing one file's text into its typed shape, turning reader errors into diagnostics.

use super::Limits;
use super::json::{self, ErrorKind};
use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::i18n::list;
use crate::i18n::text;
use crate::model::{
    DescriptionFile, FileId, Origin, Recover, Span, TieKind, UnreadTie, Unreadable,
};

/// Parses a description file, reporting every problem with its place. Returns what could be
/// read, if anything, and what was declared but could not be read, which `unreadable` gains.
pub(super) fn parse(
    file: FileId,
    text: &str,
    limits: Limits,
    unreadable: &mut Unreadable,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DescriptionFile> {
    let read = json::read::<DescriptionFile>(text, limits.max_depth);
    diagnostics.extend(read.errors.into_iter().map(|e| diagnose(file, e)));
    let doc = read.value?;
    let skipped = doc
        .units
        .iter()
        .filter_map(skipped_span)
        .chain(doc.sources.iter().filter_map(skipped_span));
    unreadable
        .ids
        .extend(skipped.filter_map(|span| salvage_id(text.get(span.range())?, limits)));
    unreadable.ties.extend(
        doc.ties
            .iter()
            .filter_map(skipped_span)
            .filter_map(|span| salvage_tie(text.get(span.range())?)),
    );
    Some(doc)
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

/// The ends of a tie that could not be read, when the tie is at least an object. Read leniently
/// (`serde_json`'s own reader, any value for any field): the tie is already reported, and what is
/// wanted is only which units it named.
fn salvage_tie(item: &str) -> Option<UnreadTie> {
    let tie: serde_json::Map<String, serde_json::Value> = serde_json::from_str(item).ok()?;
    let text = |field: &str| tie.get(field)?.as_str().map(str::to_owned);
    let kind = text("kind").and_then(|k| TieKind::from_name(&k));
    Some(UnreadTie {
        from: text("from"),
        to: text("to"),
        hierarchical: kind.is_none_or(TieKind::is_hierarchical),
    })
}

/// The diagnostic for a reader error in `file`.
pub(crate) fn diagnose(file: FileId, error: json::Error) -> Diagnostic {
    let origin = Origin::new(file, error.span.unwrap_or_default());
    let message = error.message();
    let diagnostic = match error.kind {
        ErrorKind::Syntax(_) => Diagnostic::new(Code::Syntax, message),
        ErrorKind::TooDeep(_) => {
            Diagnostic::new(Code::TooDeep, message).with_hint(text!("parse-too-deep-hint"))
        }
        ErrorKind::UnknownField { field, expected } => Diagnostic::new(Code::UnknownField, message)
            .with_hint(
                did_you_mean(&field, expected.iter().copied())
                    .unwrap_or_else(|| text!("parse-fields-here", fields = list(expected))),
            ),
        ErrorKind::UnknownVariant { variant, expected } => {
            Diagnostic::new(Code::UnknownValue, message).with_hint(
                did_you_mean(&variant, expected.iter().copied())
                    .unwrap_or_else(|| text!("parse-values-here", values = list(expected))),
            )
        }
        ErrorKind::MissingField(field) => Diagnostic::new(Code::MissingField, message)
            .with_label(text!("parse-missing-field-label", field = field))
            .with_hint(text!("parse-missing-field-hint", field = field)),
        ErrorKind::DuplicateKey { first, .. } => {
            let diagnostic = Diagnostic::new(Code::DuplicateKey, message)
                .with_hint(text!("parse-duplicate-key-hint"));
            if first == Span::default() {
                diagnostic
            } else {
                diagnostic.with_related(Origin::new(file, first), text!("first-given-here"))
            }
        }
        ErrorKind::ControlCharacter(c) if c.is_control() => {
            Diagnostic::new(Code::InvalidValue, message).with_hint(text!("parse-control-hint"))
        }
        ErrorKind::ControlCharacter(_) => {
            Diagnostic::new(Code::InvalidValue, message).with_hint(text!("parse-bidi-hint"))
        }
        ErrorKind::Invalid(_) => Diagnostic::new(Code::InvalidValue, message),
    };
    diagnostic.at(origin)
}
