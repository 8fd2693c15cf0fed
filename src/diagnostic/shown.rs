//! The files as messages show them: a line too long to read is cut to a window around what the
//! message points at, and characters that would drive the terminal are replaced.
//!
//! A minified file is one line, and a hostile one may hold a string of fifty megabytes: a
//! message quotes the line it points into, and must stay a few lines long whatever the line is.
//! A file that cannot be read may hold control characters (a NUL, an escape sequence), which a
//! message must not send to the terminal. Both are done without moving any byte, so the spans of
//! diagnostics keep pointing where they did, and lines and columns are those of the file.

use std::collections::BTreeMap;
use std::ops::Range;

use codespan_reporting::files::Error;

use super::{SourceMap, SourceText};
use crate::model::{FileId, is_forbidden_control};

/// Lines longer than this, in bytes, are cut to a window.
const LONGEST_LINE: usize = 240;

/// How much of a long line is shown before the place a message points at, in bytes.
const BEFORE: usize = 60;

/// The texts of files with control characters in lines that messages show, the characters
/// replaced ([`without_controls`]): made once for all the messages of a run, as one message
/// after another may point into the same file (a minified file is one line).
pub(super) type Cleaned = BTreeMap<FileId, String>;

/// The windows shown of the long lines one message points into, by file and line index.
pub(super) struct Windows(BTreeMap<(FileId, usize), Range<usize>>);

impl Windows {
    /// The windows of a message pointing at `places` (its primary place first) into `files`:
    /// only the lines the places start and end on are looked at, and places in files whose
    /// text cannot be shown are left out.
    pub(super) fn new(
        files: &dyn SourceMap,
        places: impl IntoIterator<Item = (FileId, Range<usize>)>,
    ) -> Windows {
        let mut windows = BTreeMap::new();
        for (file, range) in places {
            let Some(source) = files.source(file) else {
                continue;
            };
            for at in [range.start, range.end] {
                let line = source.line_index(at);
                let full = source.line_range(line).unwrap_or(0..0);
                if full.len() > LONGEST_LINE {
                    windows
                        .entry((file, line))
                        .or_insert_with(|| window(source.text(), full, at));
                }
            }
        }
        Windows(windows)
    }

    /// Adds to `cleaned` the files of `places` (those the windows were made for) whose lines
    /// shown hold a control character, each once. Linear in the lines shown, plus the length of
    /// each file added.
    pub(super) fn clean(
        &self,
        files: &dyn SourceMap,
        places: impl IntoIterator<Item = (FileId, Range<usize>)>,
        cleaned: &mut Cleaned,
    ) {
        for (file, range) in places {
            let Some(source) = files.source(file) else {
                continue;
            };
            if cleaned.contains_key(&file) {
                continue;
            }
            let lines = source.line_index(range.start)..=source.line_index(range.end);
            let controls = lines
                .filter_map(|line| self.shown_line(source, file, line))
                .any(|line| has_controls(source.text(), line));
            if controls {
                cleaned.insert(file, without_controls(source.text()));
            }
        }
    }

    /// The part shown of a line: its window when it has one, the start of a long line no message
    /// points into (a line of context), or the whole line.
    fn shown_line(&self, source: &SourceText, file: FileId, line: usize) -> Option<Range<usize>> {
        let full = source.line_range(line)?;
        if full.len() <= LONGEST_LINE {
            return Some(full);
        }
        Some(match self.0.get(&(file, line)) {
            Some(window) => window.clone(),
            None => window(source.text(), full.clone(), full.start),
        })
    }
}

/// The files of one message, as it shows them.
pub(super) struct Shown<'a> {
    files: &'a dyn SourceMap,
    /// The texts of files that hold control characters, with the characters replaced.
    cleaned: &'a Cleaned,
    /// The window shown of each long line it points into.
    windows: Windows,
}

impl<'a> Shown<'a> {
    /// How a message with these `windows` shows `files`, with the texts `cleaned` for those
    /// that need it ([`Windows::clean`]).
    pub(super) fn new(files: &'a dyn SourceMap, cleaned: &'a Cleaned, windows: Windows) -> Self {
        Shown {
            files,
            cleaned,
            windows,
        }
    }

    /// The text of a file that can be shown.
    fn source(&self, file: FileId) -> Result<&'a SourceText, Error> {
        self.files.source(file).ok_or(Error::FileMissing)
    }

    /// `range` in `file`, moved inside the windows of the lines it starts and ends on, so that
    /// what it underlines is shown.
    pub(super) fn clamp(&self, file: FileId, range: Range<usize>) -> Range<usize> {
        let Ok(source) = self.source(file) else {
            return range;
        };
        let inside = |at: usize| match self.windows.0.get(&(file, source.line_index(at))) {
            Some(window) => at.clamp(window.start, window.end),
            None => at,
        };
        let start = inside(range.start);
        start..inside(range.end).max(start)
    }

    /// A note for each line shown in part: which line, and how long it is.
    pub(super) fn notes(&self) -> Vec<String> {
        self.windows
            .0
            .keys()
            .filter_map(|&(file, line)| {
                let source = self.source(file).ok()?;
                let range = source.line_range(line).unwrap_or(0..0);
                Some(format!(
                    "note: line {} of {} is {} characters long; only the part around the problem is shown",
                    line + 1,
                    self.files.name(file).display(),
                    source.char_count(range)
                ))
            })
            .collect()
    }
}

/// Whether the character at `at` of `text` may not be shown: a control character, or a
/// carriage return that ends no line.
fn hidden(text: &str, at: usize, c: char) -> bool {
    is_forbidden_control(c) || (c == '\r' && text.as_bytes().get(at + 1) != Some(&b'\n'))
}

/// Whether the part `range` of `text` holds a character that may not be shown.
fn has_controls(text: &str, range: Range<usize>) -> bool {
    text[range.clone()]
        .char_indices()
        .any(|(at, c)| hidden(text, range.start + at, c))
}

/// `text` with each control character that may not be shown replaced by as many `?` as it has
/// bytes (so no offset moves), and each carriage return that ends no line by a space.
fn without_controls(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if !hidden(text, at, c) {
            shown.push(c);
        } else if c == '\r' {
            shown.push(' ');
        } else {
            shown.extend(std::iter::repeat_n('?', c.len_utf8()));
        }
    }
    shown
}

/// The part of the long line `line` of `text` shown for a message pointing at `at`: from a little
/// before it, [`LONGEST_LINE`] bytes at most, on character boundaries.
fn window(text: &str, line: Range<usize>, at: usize) -> Range<usize> {
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = boundary(at.saturating_sub(BEFORE).max(line.start));
    let end = boundary((start + LONGEST_LINE).min(line.end));
    start..end
}

impl<'a> codespan_reporting::files::Files<'a> for Shown<'a> {
    type FileId = FileId;
    type Name = std::path::Display<'a>;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<Self::Name, Error> {
        Ok(self.files.name(id).display())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, Error> {
        match self.cleaned.get(&id) {
            Some(text) => Ok(text),
            None => Ok(self.source(id)?.text()),
        }
    }

    fn line_index(&'a self, id: FileId, byte: usize) -> Result<usize, Error> {
        Ok(self.source(id)?.line_index(byte))
    }

    /// The part of the line shown ([`Windows::shown_line`]).
    fn line_range(&'a self, id: FileId, line: usize) -> Result<Range<usize>, Error> {
        let source = self.source(id)?;
        self.windows
            .shown_line(source, id, line)
            .ok_or_else(|| Error::LineTooLarge {
                given: line,
                max: source.line_count() - 1,
            })
    }

    /// The column in the whole line, not in the part shown.
    fn column_number(&'a self, id: FileId, _line: usize, byte: usize) -> Result<usize, Error> {
        Ok(self.source(id)?.line_col(byte).column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_replaced_in_place() {
        assert!(!has_controls("a\tb\r\n\0", 0..5));
        assert!(has_controls("a\tb\r\n\0", 0..6));
        assert_eq!(without_controls("a\0b\u{1b}[2J\rc\r\n"), "a?b?[2J c\r\n");
        assert_eq!(without_controls("\u{9b}x"), "??x");
    }

    #[test]
    fn a_window_stays_in_its_line_on_character_boundaries() {
        let text = format!("{{\n{}\n}}", "é".repeat(1000));
        let line = 2..2 + 2000;
        let shown = window(&text, line.clone(), 1001);
        assert!(shown.start >= line.start && shown.end <= line.end);
        assert!(shown.len() <= LONGEST_LINE);
        assert!(text.is_char_boundary(shown.start) && text.is_char_boundary(shown.end));
        assert!(shown.contains(&1001));
        assert_eq!(window(&text, line.clone(), 2).start, 2);
    }
}
