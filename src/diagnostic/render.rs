//! Presenting diagnostics: rustc-like text (coloured on a terminal) and JSON.

use crate::i18n::text;
use std::borrow::Cow;
use std::io::{self, Write};

use codespan_reporting::diagnostic::{self as cs, Label};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use super::shown::{Cleaned, Shown, Windows};
use super::{Diagnostic, Severity, SourceMap};
use crate::model::Lang;

/// Whether text output may use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    /// Colour, whatever the stream is.
    Always,
    /// No colour.
    Never,
}

impl Colour {
    /// Colour when `stream` is a terminal that shows colour (`TERM` is not `dumb`) and
    /// `NO_COLOR` is unset or empty.
    pub fn detect(is_terminal: bool) -> Colour {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        if is_terminal && !no_color && !dumb {
            Colour::Always
        } else {
            Colour::Never
        }
    }
}

/// The diagnostic as codespan draws it in `lang`, its places inside what `shown` shows of their
/// lines. A place in a file that changed after it was parsed cannot be shown; a note names the
/// file.
fn to_codespan(
    files: &dyn SourceMap,
    diagnostic: &Diagnostic,
    shown: &Shown<'_>,
    lang: Lang,
) -> cs::Diagnostic<crate::model::FileId> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let mut labels = Vec::new();
    let mut notes = shown.notes();
    let mut place = |origin: crate::model::Origin, primary: bool, message: &str| {
        if files.source(origin.file).is_none() {
            let quoted = if message.is_empty() {
                String::new()
            } else {
                text!("diagnostic-changed-file-quote", message = message)
                    .in_lang(lang)
                    .into_owned()
            };
            let file = files.name(origin.file).display().to_string();
            let note = text!("diagnostic-changed-file", file = file, quoted = quoted);
            notes.push(note.in_lang(lang).into_owned());
            return;
        }
        let range = shown.clamp(origin.file, origin.span.range());
        let label = if primary {
            Label::primary(origin.file, range)
        } else {
            Label::secondary(origin.file, range)
        };
        labels.push(label.with_message(message));
    };
    if let Some(origin) = diagnostic.origin {
        let label = diagnostic.label.as_ref().map(|l| l.in_lang(lang));
        place(origin, true, label.as_deref().unwrap_or_default());
    }
    for related in &diagnostic.related {
        place(related.origin, false, &related.message.in_lang(lang));
    }
    if let Some(hint) = &diagnostic.hint {
        let note = text!("diagnostic-help", hint = hint.in_lang(lang).into_owned());
        notes.push(note.in_lang(lang).into_owned());
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(diagnostic.message.in_lang(lang))
        .with_labels(labels)
        .with_notes(notes)
}

/// Writes diagnostics as rustc-like text in `lang`. A long line is shown in part, around the
/// place the message points at, and control characters in the lines shown are replaced.
/// Severities and codes are written as codespan and scripts know them (`error[orphan-unit]`).
pub fn text<'d>(
    out: &mut dyn termcolor::WriteColor,
    files: &dyn SourceMap,
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    lang: Lang,
) -> io::Result<()> {
    let config = term::Config::default();
    let diagnostics: Vec<&Diagnostic> = diagnostics.into_iter().collect();
    let places = |diagnostic: &'d Diagnostic| {
        diagnostic
            .origin
            .iter()
            .chain(diagnostic.related.iter().map(|r| &r.origin))
            .filter(|o| files.source(o.file).is_some())
            .map(|o| (o.file, o.span.range()))
    };
    // What the messages show is cleaned of control characters once, file by file, before the
    // first is shown. Each message's windows are made again to show it rather than kept from
    // this pass: they cost two lookups a place, keeping them memory for every message.
    let mut cleaned = Cleaned::new();
    for &diagnostic in &diagnostics {
        Windows::new(files, places(diagnostic)).clean(files, places(diagnostic), &mut cleaned);
    }
    for diagnostic in diagnostics {
        let shown = Shown::new(files, &cleaned, Windows::new(files, places(diagnostic)));
        let drawn = to_codespan(files, diagnostic, &shown, lang);
        term::emit_to_write_style(out, &config, &shown, &drawn).map_err(|e| match e {
            codespan_reporting::files::Error::Io(e) => e,
            other => io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

/// Renders diagnostics as plain English text into a string (for tests and non-terminal output).
pub fn text_to_string<'d>(
    files: &dyn SourceMap,
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
) -> String {
    let mut buffer = termcolor::NoColor::new(Vec::new());
    // Writing into memory cannot fail.
    let _ = text(&mut buffer, files, diagnostics, Lang::En);
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}

/// Writes diagnostics to standard error in `lang`, coloured when it is a terminal.
pub fn to_stderr<'d>(
    files: &dyn SourceMap,
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    lang: Lang,
) -> io::Result<()> {
    use std::io::IsTerminal;
    let choice = match Colour::detect(io::stderr().is_terminal()) {
        Colour::Always => termcolor::ColorChoice::Always,
        Colour::Never => termcolor::ColorChoice::Never,
    };
    let stream = termcolor::StandardStream::stderr(choice);
    let mut lock = stream.lock();
    text(&mut lock, files, diagnostics, lang)?;
    lock.flush()
}

/// A place in a file, as JSON gives it. Lines and columns are left out only when the file
/// changed after it was read, so that they are unknown.
#[derive(Debug, Serialize)]
pub struct JsonLocation {
    /// The file, as messages name it.
    pub file: String,
    /// The line where the place starts, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column where it starts, in characters, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The line where the place ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_line: Option<usize>,
    /// The column where it ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_column: Option<usize>,
}

/// A diagnostic as JSON gives it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// The stable code (`unknown-unit`).
    pub code: &'a str,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// What is wrong, in the language asked for.
    pub message: Cow<'a, str>,
    /// Where, when the problem has a place; flattened into the object.
    #[serde(flatten)]
    pub location: Option<JsonLocation>,
    /// Other places that explain it.
    pub related: Vec<JsonRelated<'a>>,
    /// What to do about it, in the language asked for.
    pub hint: Option<Cow<'a, str>>,
}

/// A secondary place, as JSON gives it.
#[derive(Debug, Serialize)]
pub struct JsonRelated<'a> {
    /// What the place has to do with the problem, in the language asked for.
    pub message: Cow<'a, str>,
    /// Where it is; flattened into the object.
    #[serde(flatten)]
    pub location: JsonLocation,
}

fn json_location(files: &dyn SourceMap, origin: crate::model::Origin) -> JsonLocation {
    let path = files.name(origin.file).display().to_string();
    let Some(file) = files.source(origin.file) else {
        return JsonLocation {
            file: path,
            line: None,
            column: None,
            end_line: None,
            end_column: None,
        };
    };
    let start = file.line_col(origin.span.start as usize);
    let end = file.line_col(origin.span.end as usize);
    JsonLocation {
        file: path,
        line: Some(start.line),
        column: Some(start.column),
        end_line: Some(end.line),
        end_column: Some(end.column),
    }
}

/// The JSON form of a diagnostic: code, severity, message, file, line, column, related, hint.
/// Keys, codes and severities are English in every language; the texts are in `lang`.
pub fn json<'a>(
    files: &dyn SourceMap,
    diagnostic: &'a Diagnostic,
    lang: Lang,
) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        code: diagnostic.code.as_str(),
        severity: diagnostic.severity,
        message: diagnostic.message.in_lang(lang),
        location: diagnostic.origin.map(|o| json_location(files, o)),
        related: diagnostic
            .related
            .iter()
            .map(|r| JsonRelated {
                message: r.message.in_lang(lang),
                location: json_location(files, r.origin),
            })
            .collect(),
        hint: diagnostic.hint.as_ref().map(|h| h.in_lang(lang)),
    }
}
