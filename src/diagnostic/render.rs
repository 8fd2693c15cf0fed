//! Presenting diagnostics: rustc-like text (coloured on a terminal) and JSON.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{self as cs, Label};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

use super::shown::Shown;
use super::{Diagnostic, Files, Severity};

/// Whether text output may use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Always,
    Never,
}

impl Colour {
    /// Colour when `stream` is a terminal and `NO_COLOR` is unset or empty.
    pub fn detect(is_terminal: bool) -> Colour {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if is_terminal && !no_color {
            Colour::Always
        } else {
            Colour::Never
        }
    }
}

/// The diagnostic as codespan draws it, its places inside what `shown` shows of their lines.
fn to_codespan(diagnostic: &Diagnostic, shown: &Shown<'_>) -> cs::Diagnostic<crate::model::FileId> {
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let range = |origin: crate::model::Origin| shown.clamp(origin.file, origin.span.range());
    let mut labels = Vec::new();
    if let Some(origin) = diagnostic.origin {
        labels.push(
            Label::primary(origin.file, range(origin))
                .with_message(diagnostic.label.as_deref().unwrap_or_default()),
        );
    }
    for related in &diagnostic.related {
        labels.push(
            Label::secondary(related.origin.file, range(related.origin))
                .with_message(related.message.clone()),
        );
    }
    let mut notes = shown.notes();
    if let Some(hint) = &diagnostic.hint {
        notes.push(format!("help: {hint}"));
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Writes diagnostics as rustc-like text. A long line is shown in part, around the place the
/// message points at, and control characters in the lines shown are replaced ([`Shown`]).
pub fn text(
    out: &mut dyn termcolor::WriteColor,
    files: &Files,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    let config = term::Config::default();
    for diagnostic in diagnostics {
        let places = diagnostic
            .origin
            .iter()
            .chain(diagnostic.related.iter().map(|r| &r.origin))
            .map(|o| (o.file, o.span.range()));
        let shown = Shown::new(files, places);
        term::emit_to_write_style(out, &config, &shown, &to_codespan(diagnostic, &shown)).map_err(
            |e| match e {
                codespan_reporting::files::Error::Io(e) => e,
                other => io::Error::other(other.to_string()),
            },
        )?;
    }
    Ok(())
}

/// Renders diagnostics as plain text into a string (for tests and non-terminal output).
pub fn text_to_string(files: &Files, diagnostics: &[Diagnostic]) -> String {
    let mut buffer = termcolor::NoColor::new(Vec::new());
    // Writing into memory cannot fail.
    let _ = text(&mut buffer, files, diagnostics);
    String::from_utf8_lossy(&buffer.into_inner()).into_owned()
}

/// Writes diagnostics to standard error, coloured when it is a terminal.
pub fn to_stderr(files: &Files, diagnostics: &[Diagnostic]) -> io::Result<()> {
    use std::io::IsTerminal;
    let choice = match Colour::detect(io::stderr().is_terminal()) {
        Colour::Always => termcolor::ColorChoice::Always,
        Colour::Never => termcolor::ColorChoice::Never,
    };
    let stream = termcolor::StandardStream::stderr(choice);
    let mut lock = stream.lock();
    text(&mut lock, files, diagnostics)?;
    lock.flush()
}

/// A place in a file, as JSON gives it.
#[derive(Debug, Serialize)]
pub struct JsonLocation {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A diagnostic as JSON gives it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub code: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    #[serde(flatten)]
    pub location: Option<JsonLocation>,
    pub related: Vec<JsonRelated<'a>>,
    pub hint: Option<&'a str>,
}

/// A secondary place, as JSON gives it.
#[derive(Debug, Serialize)]
pub struct JsonRelated<'a> {
    pub message: &'a str,
    #[serde(flatten)]
    pub location: JsonLocation,
}

fn json_location(files: &Files, origin: crate::model::Origin) -> JsonLocation {
    let file = files.get(origin.file);
    let start = file.line_col(origin.span.start as usize);
    let end = file.line_col(origin.span.end as usize);
    JsonLocation {
        file: file.path.display().to_string(),
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
    }
}

/// The JSON form of a diagnostic: code, severity, message, file, line, column, related, hint.
pub fn json<'a>(files: &Files, diagnostic: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        code: diagnostic.code.as_str(),
        severity: diagnostic.severity,
        message: &diagnostic.message,
        location: diagnostic.origin.map(|o| json_location(files, o)),
        related: diagnostic
            .related
            .iter()
            .map(|r| JsonRelated {
                message: &r.message,
                location: json_location(files, r.origin),
            })
            .collect(),
        hint: diagnostic.hint.as_deref(),
    }
}
