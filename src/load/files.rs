//! The files a load read: the [`SourceMap`] its messages are shown from.
//!
//! A file read from disk need not stay in memory once parsed: [`Files::release`] lets its text
//! go, and the first message placed in it reads it again. Only what was parsed can be placed,
//! so the text read again must be the text parsed: its length and hash are checked, and a file
//! that changed in between is named without a line and column rather than misquoted.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostic::{SourceMap, SourceText};
use crate::model::{FileId, fixed_hash};

/// One file's name and, unless it was let go, its text.
#[derive(Debug)]
struct Entry {
    /// The path as the user gave it (or `<built-in>/justice.json`), for messages.
    path: PathBuf,
    /// The text parsed; unset once released, until a message needs it again, and `None` when
    /// the file no longer holds that text.
    text: OnceLock<Option<SourceText>>,
    /// For a released file: the length and hash of the text parsed.
    released: Option<(usize, u64)>,
}

/// Every file a load read, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct Files {
    files: Vec<Entry>,
}

impl Files {
    /// Registers a file's text under the name messages will give it.
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(Entry {
            path,
            text: OnceLock::from(Some(SourceText::new(text))),
            released: None,
        });
        id
    }

    /// The text of a file as parsed: empty when it was released and has changed since.
    pub fn text(&self, id: FileId) -> &str {
        self.source(id).map_or("", SourceText::text)
    }

    /// Lets the text of a file read from disk go, once parsed: a large description then holds
    /// one file's text at a time instead of all of them. A message placed in the file later
    /// reads it again.
    pub(super) fn release(&mut self, id: FileId) {
        let entry = &mut self.files[id.0 as usize];
        if let Some(Some(source)) = entry.text.take() {
            entry.released = Some((source.text().len(), fixed_hash(source.text())));
        }
    }

    /// Every file, in the order read.
    pub fn iter(&self) -> impl Iterator<Item = FileId> + '_ {
        (0u32..).map(FileId).take(self.files.len())
    }
}

impl SourceMap for Files {
    fn name(&self, file: FileId) -> &Path {
        &self.files[file.0 as usize].path
    }

    fn source(&self, file: FileId) -> Option<&SourceText> {
        let entry = &self.files[file.0 as usize];
        entry
            .text
            .get_or_init(|| {
                let (length, hash) = entry.released?;
                // Through the loader's reader, so that a file replaced by a pipe or a device
                // cannot block, and no more than the length parsed is read.
                let limits = super::Limits {
                    max_file_size: u32::try_from(length).ok()?,
                    follow_links: true,
                    ..super::Limits::default()
                };
                super::read::read_bytes(&entry.path, limits)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .filter(|text| text.len() == length && fixed_hash(text) == hash)
                    .map(SourceText::new)
            })
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Diagnostic, render};
    use crate::model::{Origin, Span};

    #[test]
    fn a_released_file_is_read_again_and_a_changed_one_is_not_misplaced() {
        let dir = tempfile::tempdir().unwrap();
        let (same, changed) = (
            dir.path().join("same.json"),
            dir.path().join("changed.json"),
        );
        let text = "{\n  \"units\": []\n}\n";
        std::fs::write(&same, text).unwrap();
        std::fs::write(&changed, text).unwrap();
        let mut files = Files::default();
        let a = files.add(same.clone(), text.to_owned());
        let b = files.add(changed.clone(), text.to_owned());
        files.release(a);
        files.release(b);
        std::fs::write(&changed, "{\n  \"units\": [1]\n}\n").unwrap();
        let at = |file| Origin::new(file, Span::new(4, 11));

        assert_eq!(files.text(a), text);
        assert_eq!(files.locate(at(a)), format!("{}:2:3", same.display()));

        assert!(files.source(b).is_none());
        assert_eq!(files.locate(at(b)), changed.display().to_string());
        let diagnostic = Diagnostic::new(Code::UnknownField, "x")
            .at(at(b))
            .with_label("here");
        let shown = render::text_to_string(&files, &[diagnostic]);
        assert!(shown.contains("which changed after it was read"), "{shown}");

        #[cfg(unix)]
        {
            // Replaced by a named pipe with no writer: read again without blocking, and changed.
            let piped = dir.path().join("piped.json");
            std::fs::write(&piped, text).unwrap();
            let c = files.add(piped.clone(), text.to_owned());
            files.release(c);
            std::fs::remove_file(&piped).unwrap();
            organigram_test_support::mkfifo(&piped);
            assert!(files.source(c).is_none());
        }
    }
}
