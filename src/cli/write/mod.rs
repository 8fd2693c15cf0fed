//! Writing files: where `-o` sends output, the files a command may not overwrite, and every file
//! written through [`atomic`]. A description's files (an import, a generated description) go
//! through [`write_files`], which also keeps them from mixing with other descriptions.

pub(crate) mod atomic;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use organigram::diagnostic::SourceMap;
use organigram::interop::NamedFile;
use organigram::load::Files;
use organigram::tr;

use super::lang;

/// Where `-o PATH` sends a command's output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Destination<'a> {
    /// Standard output: `-o -`, or `-o /dev/stdout`, which plainly means it.
    Stdout,
    /// Nowhere: `-o /dev/null`, which plainly means it, and which must not become a file.
    Discard,
    /// A file, written atomically where a regular file or nothing is.
    File(&'a Path),
}

impl<'a> Destination<'a> {
    /// Where `path` sends output.
    pub(crate) fn of(path: &'a Path) -> Destination<'a> {
        match path.to_str() {
            Some("-" | "/dev/stdout") => Destination::Stdout,
            Some("/dev/null") => Destination::Discard,
            _ => Destination::File(path),
        }
    }

    /// Writes `bytes` there: to `out` for standard output, nowhere, or to the file, unless it is
    /// one of the files the command read.
    pub(crate) fn write(
        self,
        out: &mut dyn Write,
        bytes: &[u8],
        read: &Read,
    ) -> Result<(), String> {
        match self {
            Destination::Stdout => out.write_all(bytes).map_err(|e| e.to_string()),
            Destination::Discard => Ok(()),
            Destination::File(path) => {
                read.refuse(path)?;
                atomic::write(path, bytes).map_err(|e| e.to_string())
            }
        }
    }
}

/// A format a command writes, which a file's extension can name.
pub(crate) trait Format: Copy + PartialEq + clap::ValueEnum + 'static {
    /// The extensions of files in this format, the usual one first.
    fn extensions(self) -> &'static [&'static str];

    /// The format's name on the command line.
    fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }
}

/// The format to write: `--format` when given, else the one the extension of `-o`'s file names,
/// else `default` when there is no file. An extension that names no format while `--format` is
/// not given, or that names another format than `--format`, is refused with the list of formats:
/// `-o chart.jpg` must not write DOT into a `.jpg`.
pub(crate) fn format_of<F: Format>(
    given: Option<F>,
    output: Option<&Path>,
    default: F,
) -> Result<F, String> {
    let Some(path) = output.filter(|p| matches!(Destination::of(p), Destination::File(_))) else {
        return Ok(given.unwrap_or(default));
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let named = extension.as_deref().and_then(|extension| {
        F::value_variants()
            .iter()
            .copied()
            .find(|f| f.extensions().contains(&extension))
    });
    let formats = || {
        let all: Vec<String> = F::value_variants()
            .iter()
            .map(|f| format!("{} (.{})", f.name(), f.extensions().join(", .")))
            .collect();
        all.join(", ")
    };
    match (given, named) {
        (Some(given), Some(named)) if given != named => Err(tr!(
            lang(),
            "write-formats-disagree",
            given = given.name(),
            path = path.display().to_string(),
            named = named.name(),
            formats = formats()
        )),
        (Some(given), _) => Ok(given),
        (None, Some(named)) => Ok(named),
        (None, None) => Err(tr!(
            lang(),
            "write-format-unknown",
            path = path.display().to_string(),
            formats = formats()
        )),
    }
}

/// The files a command read, which it may not write over: `--org d.json export -o d.json`
/// would destroy the description.
#[derive(Debug, Default)]
pub(crate) struct Read(Vec<PathBuf>);

impl Read {
    /// The files of a load that are on disk, and `others` (the input of an import).
    pub(crate) fn of(files: Option<&Files>, others: &[&Path]) -> Read {
        let named = files
            .into_iter()
            .flat_map(|files| files.iter().map(|id| files.name(id)));
        Read(
            named
                .chain(others.iter().copied())
                .filter_map(|path| std::fs::canonicalize(path).ok())
                .collect(),
        )
    }

    /// Refuses `path` when it is one of the files read.
    pub(crate) fn refuse(&self, path: &Path) -> Result<(), String> {
        match std::fs::canonicalize(path) {
            Ok(target) if self.0.contains(&target) => Err(tr!(
                lang(),
                "write-read-file",
                path = path.display().to_string()
            )),
            _ => Ok(()),
        }
    }
}

/// Why a description's files could not be written.
#[derive(Debug)]
pub(crate) enum WriteError {
    /// The output folder cannot be listed.
    Folder { path: PathBuf, error: io::Error },
    /// The output folder holds description files that the import does not write: loading the
    /// folder would mix them with the import.
    ForeignFiles { path: PathBuf, names: Vec<String> },
    /// A file would be one the command read.
    Read(String),
    /// A file cannot be written.
    File(atomic::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Folder { path, error } => f.write_str(&tr!(
                lang(),
                "write-cannot-use",
                path = path.display().to_string(),
                error = error.to_string()
            )),
            WriteError::ForeignFiles { path, names } => f.write_str(&tr!(
                lang(),
                "write-foreign-files",
                path = path.display().to_string(),
                names = names.join(", ")
            )),
            WriteError::Read(message) => f.write_str(message),
            WriteError::File(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes a description's files into `dir`, creating it if needed, through
/// [`atomic::write_into`]: files of an earlier run with the same names are replaced, each
/// whole, names that would leave the folder are refused, and a failure leaves no temporary.
/// Everything is checked before anything is written: the files' text, the names, and the folder,
/// which is refused when it holds other `.json` files, as they would be read with these, or when
/// a file would be one of the files `read`.
pub(crate) fn write_files(dir: &Path, files: &[NamedFile], read: &Read) -> Result<(), WriteError> {
    let mut texts = Vec::with_capacity(files.len());
    for file in files {
        let text = file.to_json().map_err(|error| {
            WriteError::File(atomic::Error {
                path: dir.join(&file.name),
                kind: atomic::ErrorKind::Io(error.into()),
            })
        })?;
        read.refuse(&dir.join(&file.name))
            .map_err(WriteError::Read)?;
        texts.push((file.name.as_str(), text));
    }
    let folder = |error| WriteError::Folder {
        path: dir.to_owned(),
        error,
    };
    if dir.is_dir() {
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
    .map_err(WriteError::File)
}

/// Writes `files` (name and bytes) into `dir` as one batch ([`atomic::write_into`]: every file
/// or none), then says on `out` what it wrote; a file that would be one of the files `read` is
/// refused before anything is written. For the folders of charts and manual pages.
pub(crate) fn write_batch(
    dir: &Path,
    files: &[(String, Vec<u8>)],
    read: &Read,
    out: &mut dyn Write,
) -> Result<(), super::Failure> {
    for (file, _) in files {
        read.refuse(&dir.join(file))
            .map_err(super::Failure::Usage)?;
    }
    atomic::write_into(
        dir,
        files
            .iter()
            .map(|(file, bytes)| (file.as_str(), bytes.as_slice())),
    )
    .map_err(|e| super::Failure::Usage(e.to_string()))?;
    let written: Vec<&str> = files.iter().map(|(file, _)| file.as_str()).collect();
    let wrote = tr!(
        lang(),
        "render-wrote",
        n = written.len(),
        dir = dir.display().to_string(),
        files = written.join(", ")
    );
    writeln!(out, "{wrote}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use organigram::model::{DescriptionFile, Organisation, OrganisationId, Origin, Span, Spanned};

    fn file(name: &str) -> NamedFile {
        let organisation = Organisation {
            id: Spanned::new(Span::default(), OrganisationId::new("o").unwrap()),
            name: "O".into(),
            acronym: None,
            unit: None,
            origin: Origin::default(),
        };
        NamedFile {
            name: name.to_owned(),
            file: DescriptionFile {
                schema: None,
                organisation: Spanned::new(Span::default(), organisation),
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
        let read = Read::default();
        write_files(&dir, &[file("o.json")], &read).unwrap();
        write_files(&dir, &[file("o.json")], &read).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.join("o.json")).unwrap(),
            file("o.json").to_json().unwrap()
        );
        let error = write_files(&dir, &[file("p.json")], &read).unwrap_err();
        assert!(matches!(&error, WriteError::ForeignFiles { names, .. } if names == &["o.json"]));
        assert!(!dir.join("p.json").exists());
        let error = write_files(&temp.path().join("new"), &[file("../o.json")], &read).unwrap_err();
        assert!(
            matches!(&error, WriteError::File(e) if matches!(e.kind, atomic::ErrorKind::NotPlain)),
            "{error}"
        );
        // A folder whose file is one the command read.
        let read = Read::of(None, &[dir.join("o.json").as_path()]);
        let error = write_files(&dir, &[file("o.json")], &read).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("one of the files this command reads"),
            "{error}"
        );
        assert!(!temp.path().join("new").exists());
    }

    #[test]
    fn standard_output_and_nothing_are_named_as_people_name_them() {
        assert_eq!(Destination::of(Path::new("-")), Destination::Stdout);
        assert_eq!(
            Destination::of(Path::new("/dev/stdout")),
            Destination::Stdout
        );
        assert_eq!(
            Destination::of(Path::new("/dev/null")),
            Destination::Discard
        );
        let path = Path::new("chart.svg");
        assert_eq!(Destination::of(path), Destination::File(path));
    }
}
