//! The files a load read, and how byte offsets map to lines and columns in them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::model::{FileId, Origin};

/// One file's name and text, with the offsets its lines start at.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or `<built-in>/justice.json`), for messages.
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        let line_starts = std::iter::once(0)
            .chain(
                text.bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
            )
            .collect();
        SourceFile {
            path,
            text,
            line_starts,
        }
    }

    pub(super) fn line_index(&self, byte: usize) -> usize {
        let byte = u32::try_from(byte).unwrap_or(u32::MAX);
        self.line_starts.partition_point(|&start| start <= byte) - 1
    }

    pub(super) fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)? as usize;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next as usize);
        Some(start..end)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, byte: usize) -> LineCol {
        let byte = byte.min(self.text.len());
        let line = self.line_index(byte);
        let start = self.line_starts[line] as usize;
        let column = self
            .text
            .get(start..byte)
            .map_or(byte - start, |prefix| prefix.chars().count());
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Every file a load read, indexed by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct Files {
    files: Vec<SourceFile>,
}

impl Files {
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::new(path, text));
        id
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    /// `path:line:column` of an origin, as editors and terminals understand it.
    pub fn locate(&self, origin: Origin) -> String {
        let file = self.get(origin.file);
        let at = file.line_col(origin.span.start as usize);
        format!("{}:{}:{}", file.path.display(), at.line, at.column)
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        (0u32..).map(FileId).zip(&self.files)
    }
}

impl<'a> codespan_reporting::files::Files<'a> for Files {
    type FileId = FileId;
    type Name = std::path::Display<'a>;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<Self::Name, codespan_reporting::files::Error> {
        Ok(self.path(id).display())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(&self.get(id).text)
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.get(id).line_index(byte))
    }

    fn line_range(
        &'a self,
        id: FileId,
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let file = self.get(id);
        file.line_range(line)
            .ok_or(codespan_reporting::files::Error::LineTooLarge {
                given: line,
                max: file.line_starts.len() - 1,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let file = SourceFile::new("a.json".into(), "{\n  \"é\": 1\n}".into());
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(2), LineCol { line: 2, column: 1 });
        // After the two spaces, the quote, the two-byte é and the closing quote.
        assert_eq!(file.line_col(8), LineCol { line: 2, column: 6 });
        assert_eq!(file.line_col(100), LineCol { line: 3, column: 2 });
    }
}
