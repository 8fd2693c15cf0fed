//! What messages point into: the text of each file they name, where its lines start, and how
//! byte offsets become lines and columns. Diagnostics are handed a [`SourceMap`]; where the texts
//! come from (files on disk, memory, the binary) is the loader's business, not theirs.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::model::{FileId, Origin};

/// Where messages find the files they point into.
pub trait SourceMap {
    /// The file's name as messages give it: the path as the user gave it, or a name such as
    /// `<built-in>/justice.json`.
    fn name(&self, file: FileId) -> &Path;

    /// The text the file held when it was parsed, or `None` when it can no longer be shown (it
    /// was let go and changed since): a place in it is then named by file only.
    fn source(&self, file: FileId) -> Option<&SourceText>;

    /// `path:line:column` of an origin, as editors and terminals understand it; only `path` when
    /// the file's text can no longer be shown.
    fn locate(&self, origin: Origin) -> String {
        let name = self.name(origin.file).display();
        match self.source(origin.file) {
            Some(source) => {
                let at = source.line_col(origin.span.start as usize);
                format!("{name}:{}:{}", at.line, at.column)
            }
            None => name.to_string(),
        }
    }
}

/// A 1-based line and column; columns count characters, as editors do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
}

/// Every how many bytes [`SourceText`] notes how many characters come before, so that a column is
/// counted from the nearest note, never from the start of a line that may be megabytes long.
const CHECKPOINT: usize = 256;

/// One file's text, with the offsets its lines start at, both computed the first time a message
/// is placed in the file: most files of a large description never are.
#[derive(Debug)]
pub struct SourceText {
    text: String,
    line_starts: OnceLock<Vec<u32>>,
    /// For text that is not ASCII: how many characters start before each multiple of
    /// [`CHECKPOINT`] bytes. ASCII text needs none, its columns being byte counts.
    chars_before: OnceLock<Option<Vec<u32>>>,
}

impl SourceText {
    /// The text of a file, as parsed.
    pub fn new(text: String) -> SourceText {
        SourceText {
            text,
            line_starts: OnceLock::new(),
            chars_before: OnceLock::new(),
        }
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    newlines(self.text.as_bytes())
                        .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
                )
                .collect()
        })
    }

    /// The index (from 0) of the line holding byte `byte`.
    pub(super) fn line_index(&self, byte: usize) -> usize {
        let byte = u32::try_from(byte).unwrap_or(u32::MAX);
        self.line_starts().partition_point(|&start| start <= byte) - 1
    }

    /// The byte range of line `line` (from 0), its line break included.
    pub(super) fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let line_starts = self.line_starts();
        let start = *line_starts.get(line)? as usize;
        let end = line_starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next as usize);
        Some(start..end)
    }

    /// How many lines the text has.
    pub(super) fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// How many characters start before byte `byte`, which must be a character boundary or
    /// the end: `O(CHECKPOINT)` whatever the length of the text or of its lines.
    fn chars_before(&self, byte: usize) -> usize {
        let checkpoints = self.chars_before.get_or_init(|| {
            (!self.text.is_ascii()).then(|| {
                let mut counts = Vec::with_capacity(self.text.len() / CHECKPOINT + 1);
                let mut count = 0u32;
                for block in self.text.as_bytes().chunks(CHECKPOINT) {
                    counts.push(count);
                    count += u32::try_from(starts_of_chars(block)).unwrap_or(u32::MAX);
                }
                counts
            })
        });
        match checkpoints {
            None => byte,
            Some(counts) => {
                let block = byte / CHECKPOINT;
                let noted = counts.get(block).map_or(0, |&c| c as usize);
                let from = block * CHECKPOINT;
                noted + starts_of_chars(&self.text.as_bytes()[from.min(byte)..byte])
            }
        }
    }

    /// How many characters the text holds in `range`, whose ends are clamped to the text.
    pub fn char_count(&self, range: Range<usize>) -> usize {
        let end = self.boundary(range.end);
        let start = self.boundary(range.start).min(end);
        // A short range is counted at once; only long ones (in a line of a minified file) need
        // the table of checkpoints, which costs a pass over the whole text to build.
        if end - start <= 2 * CHECKPOINT {
            return starts_of_chars(&self.text.as_bytes()[start..end]);
        }
        self.chars_before(end) - self.chars_before(start)
    }

    /// The character boundary at or before `byte`, within the text.
    fn boundary(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }

    /// The 1-based line and column (in characters) of a byte offset, clamped to the text.
    pub fn line_col(&self, byte: usize) -> LineCol {
        let byte = self.boundary(byte);
        let line = self.line_index(byte);
        let start = self.line_starts()[line] as usize;
        LineCol {
            line: line + 1,
            column: self.char_count(start..byte) + 1,
        }
    }
}

/// The offsets of the line feeds of `bytes`.
fn newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i)
}

/// How many characters start in `bytes`: the bytes that do not continue a UTF-8 sequence.
fn starts_of_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let file = SourceText::new("{\n  \"é\": 1\n}".into());
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(2), LineCol { line: 2, column: 1 });
        // After the two spaces, the quote, the two-byte é and the closing quote.
        assert_eq!(file.line_col(8), LineCol { line: 2, column: 6 });
        // Inside the é: its start.
        assert_eq!(file.line_col(5), LineCol { line: 2, column: 4 });
        assert_eq!(file.line_col(100), LineCol { line: 3, column: 2 });
    }

    #[test]
    fn columns_in_a_long_line_are_counted_from_checkpoints_as_from_its_start() {
        let line: String = "aé€😀".repeat(5_000);
        let text = format!("x\n{line}\ny");
        let file = SourceText::new(text.clone());
        for byte in [2, 3, 4095, 4096, 4097, 8190, 30_000, 50_002, text.len() - 2] {
            let byte = file.boundary(byte);
            let expected = text[2..byte].chars().count() + 1;
            assert_eq!(file.line_col(byte).column, expected, "at {byte}");
        }
        assert_eq!(file.char_count(2..2 + line.len()), 20_000);
        let ascii = SourceText::new("ab\ncd".into());
        assert_eq!(ascii.line_col(4), LineCol { line: 2, column: 2 });
    }
}
