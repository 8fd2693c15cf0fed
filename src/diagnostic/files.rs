//! The files a load read, and how byte offsets map to lines and columns in them.
//!
//! A file read from disk need not stay in memory once parsed: [`Files::release`] lets its text
//! go, and the first message placed in it reads it again. Only what was parsed can be placed,
//! so the text read again must be the text parsed: its length and hash are checked, and a file
//! that changed in between is named without a line and column rather than misquoted.

use std::hash::BuildHasher;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::model::{FileId, Origin};

/// One file's name and text, with the offsets its lines start at.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it (or `<built-in>/justice.json`), for messages.
    pub path: PathBuf,
    /// The text parsed; empty once released, until a message needs it again.
    text: OnceLock<String>,
    /// For a released file: the length and hash of the text parsed.
    released: Option<(usize, u64)>,
    /// Computed the first time a message is placed in the file: most files of a large
    /// description never are, and the index costs a sixth of the text's size.
    line_starts: OnceLock<Vec<u32>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        SourceFile {
            path,
            text: OnceLock::from(text),
            released: None,
            line_starts: OnceLock::new(),
        }
    }

    /// The text parsed: read again from disk if it was released, and empty if the file can no
    /// longer be read or no longer holds that text (see [`SourceFile::is_changed`]).
    pub fn text(&self) -> &str {
        self.text.get_or_init(|| {
            let Some((length, hash)) = self.released else {
                return String::new();
            };
            // Through the loader's reader, so that a file replaced by a pipe or a device cannot
            // block, and no more than the length parsed is read.
            crate::load::read_bytes(&self.path, length as u64)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .filter(|text| text.len() == length && fingerprint(text) == hash)
                .unwrap_or_default()
        })
    }

    /// Whether the file was released and then found changed (or gone) when read again, so that
    /// places in it cannot be shown.
    pub fn is_changed(&self) -> bool {
        self.released
            .is_some_and(|(length, _)| self.text().len() != length)
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text()
                        .bytes()
                        .enumerate()
                        .filter(|(_, b)| *b == b'\n')
                        .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
                )
                .collect()
        })
    }

    pub(super) fn line_index(&self, byte: usize) -> usize {
        let byte = u32::try_from(byte).unwrap_or(u32::MAX);
        self.line_starts().partition_point(|&start| start <= byte) - 1
    }

    pub(super) fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let line_starts = self.line_starts();
        let start = *line_starts.get(line)? as usize;
        let end = line_starts
            .get(line + 1)
            .map_or(self.text().len(), |&next| next as usize);
        Some(start..end)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, byte: usize) -> LineCol {
        let text = self.text();
        let byte = byte.min(text.len());
        let line = self.line_index(byte);
        let start = self.line_starts()[line] as usize;
        let column = text
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

    /// Lets the text of a file read from disk go, once parsed: a large description then holds
    /// one file's text at a time instead of all of them. A message placed in the file later
    /// reads it again.
    pub fn release(&mut self, id: FileId) {
        let file = &mut self.files[id.0 as usize];
        if let Some(text) = file.text.take() {
            file.released = Some((text.len(), fingerprint(&text)));
        }
        file.line_starts = OnceLock::new();
    }

    pub fn path(&self, id: FileId) -> &Path {
        &self.get(id).path
    }

    /// `path:line:column` of an origin, as editors and terminals understand it; only `path`
    /// when the file changed since it was parsed.
    pub fn locate(&self, origin: Origin) -> String {
        let file = self.get(origin.file);
        if file.is_changed() {
            return file.path.display().to_string();
        }
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
        Ok(self.get(id).text())
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
                max: file.line_starts().len() - 1,
            })
    }
}

/// A hash of a file's text, to recognise it when it is read again (fixed, not seeded per
/// process: both readings happen in one process anyway).
fn fingerprint(text: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0).hash_one(text)
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

    #[test]
    fn a_released_file_is_read_again_and_a_changed_one_is_not_misplaced() {
        let dir = std::env::temp_dir().join(format!("organigram-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (same, changed) = (dir.join("same.json"), dir.join("changed.json"));
        let text = "{\n  \"units\": []\n}\n";
        std::fs::write(&same, text).unwrap();
        std::fs::write(&changed, text).unwrap();
        let mut files = Files::default();
        let a = files.add(same.clone(), text.to_owned());
        let b = files.add(changed.clone(), text.to_owned());
        files.release(a);
        files.release(b);
        std::fs::write(&changed, "{\n  \"units\": [1]\n}\n").unwrap();
        let at = |file| Origin::new(file, crate::model::Span::new(4, 11));

        assert_eq!(files.get(a).text(), text);
        assert!(!files.get(a).is_changed());
        assert_eq!(files.locate(at(a)), format!("{}:2:3", same.display()));

        assert!(files.get(b).is_changed());
        assert_eq!(files.locate(at(b)), changed.display().to_string());
        let diagnostic = super::super::Diagnostic::new(super::super::Code::UnknownField, "x")
            .at(at(b))
            .with_label("here");
        let shown = super::super::render::text_to_string(&files, &[diagnostic]);
        assert!(shown.contains("which changed after it was read"), "{shown}");

        #[cfg(unix)]
        {
            // Replaced by a named pipe with no writer: read again without blocking, and changed.
            let piped = dir.join("piped.json");
            std::fs::write(&piped, text).unwrap();
            let c = files.add(piped.clone(), text.to_owned());
            files.release(c);
            std::fs::remove_file(&piped).unwrap();
            let name = std::ffi::CString::new(piped.to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
            assert!(files.get(c).is_changed());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
