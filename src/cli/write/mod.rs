//! Writing files: every file the command line writes goes through [`atomic`], and a
//! description's files (an import, a generated description) through [`write_files`], which also
//! keeps them from mixing with other descriptions.

pub(crate) mod atomic;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use organigram::interop::NamedFile;

/// Why imported files could not be written.
#[derive(Debug)]
pub(crate) enum WriteError {
    /// The output folder cannot be created or listed.
    Folder { path: PathBuf, error: io::Error },
    /// The output folder holds description files that the import does not write: loading the
    /// folder would mix them with the import.
    ForeignFiles { path: PathBuf, names: Vec<String> },
    /// A file cannot be written.
    File { path: PathBuf, error: io::Error },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Folder { path, error } => {
                write!(f, "cannot use {}: {error}", path.display())
            }
            WriteError::ForeignFiles { path, names } => write!(
                f,
                "{} holds description files that are not being written ({}): loading the folder would mix them with the new ones; remove them or choose a new folder",
                path.display(),
                names.join(", ")
            ),
            WriteError::File { path, error } => {
                write!(f, "cannot write {}: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes a description's files into `dir`, creating it if needed, through
/// [`atomic::write_into`]: files of an earlier run with the same names are replaced, each
/// whole, names that would leave the folder are refused, and a failure leaves no temporary.
/// Everything is checked before anything is written: the files' text, the names, and the folder,
/// which is refused when it holds other `.json` files, as they would be read with these.
pub(crate) fn write_files(dir: &Path, files: &[NamedFile]) -> Result<(), WriteError> {
    let mut texts = Vec::with_capacity(files.len());
    for file in files {
        let text = file.to_json().map_err(|error| WriteError::File {
            path: dir.join(&file.name),
            error: error.into(),
        })?;
        texts.push((file.name.as_str(), text));
    }
    let folder = |error| WriteError::Folder {
        path: dir.to_owned(),
        error,
    };
    if dir.exists() {
        let ours: std::collections::HashSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let mut foreign = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(folder)? {
            let name = entry.map_err(folder)?.file_name();
            let name = name.to_string_lossy();
            if name.ends_with(".json") && !ours.contains(name.as_ref()) {
                foreign.push(name.into_owned());
            }
        }
        if !foreign.is_empty() {
            foreign.sort();
            return Err(WriteError::ForeignFiles {
                path: dir.to_owned(),
                names: foreign,
            });
        }
    }
    atomic::write_into(
        dir,
        texts.iter().map(|(name, text)| (*name, text.as_bytes())),
    )
    .map_err(|e| WriteError::File {
        path: e.path,
        error: e.error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use organigram::model::{DescriptionFile, Organisation, OrganisationId, Spanned};

    fn file(name: &str) -> NamedFile {
        let organisation = Organisation {
            id: Spanned::new(Default::default(), OrganisationId::new("o").unwrap()),
            name: "O".into(),
            acronym: None,
            origin: Default::default(),
        };
        NamedFile {
            name: name.to_owned(),
            file: DescriptionFile {
                schema: None,
                organisation: Spanned::new(Default::default(), organisation),
                sources: Vec::new(),
                units: Vec::new(),
                ties: Vec::new(),
            },
        }
    }

    #[test]
    fn a_folder_is_written_again_but_not_mixed_with_other_descriptions() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("out");
        write_files(&dir, &[file("o.json")]).unwrap();
        write_files(&dir, &[file("o.json")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("o.json")).unwrap(),
            file("o.json").to_json().unwrap()
        );
        let error = write_files(&dir, &[file("p.json")]).unwrap_err();
        assert!(matches!(&error, WriteError::ForeignFiles { names, .. } if names == &["o.json"]));
        assert!(!dir.join("p.json").exists());
        let error = write_files(&temp.path().join("new"), &[file("../o.json")]).unwrap_err();
        assert!(
            matches!(&error, WriteError::File { error, .. } if error.kind() == io::ErrorKind::InvalidInput),
            "{error}"
        );
        assert!(!temp.path().join("new").exists());
    }
}
