//! Writing output files atomically: a reader, or a run interrupted half-way, sees the old file or
//! the new one, never a part of either.
//!
//! Every file the command line writes goes through [`write_all`]: a chart, an export, the charts
//! of `render --all`, the files of an import. What it guarantees:
//!
//! - **Whole or not at all.** Each file is written to a temporary file beside it, flushed to
//!   disk, then renamed over the target (a rename within one file system is atomic).
//! - **A batch fails before it replaces anything** when it can: every file is staged before the
//!   first is renamed, and a target that is a folder is refused while staging. Only a rename that
//!   fails after others succeeded (the file system full of inodes, a folder made under organigram
//!   meanwhile) leaves some files new and the rest old, each of them whole.
//! - **No temporary is left behind by a failure.** A process killed with `SIGKILL` cannot clean
//!   up: it may leave hidden `.NAME.tmp-PID` files, which no description load reads (they do not
//!   end in `.json`). The next write of `NAME` removes them, whatever process left them: a run
//!   writing the same file at the same time then fails to rename it and says so, which leaves the
//!   file whole, as racing runs always may.
//! - **Output goes where the path says.** A symbolic link at a target's name is replaced by the
//!   file, never written through, so a link planted in an output folder cannot make organigram
//!   write outside it; and temporaries are created exclusively (`O_EXCL`), so a link at a
//!   temporary's name is not followed either. Names built from data must pass
//!   [`is_plain_file_name`] before they are joined to a folder.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file that could not be written, and why.
#[derive(Debug)]
pub(crate) struct Error {
    pub(crate) path: PathBuf,
    pub(crate) error: io::Error,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write {}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

/// Writes `bytes` to `path` atomically, as [`write_all`] does for one file.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_all([(path, bytes)])
}

/// Writes each `(path, bytes)` atomically: all are staged in temporary files first, and renamed
/// over their targets only when every one is staged. On failure, every temporary is removed and
/// the error names the file. See the [module documentation](self) for what is guaranteed.
pub(crate) fn write_all<'a, P: AsRef<Path> + 'a>(
    files: impl IntoIterator<Item = (P, &'a [u8])>,
) -> Result<(), Error> {
    let files: Vec<(P, &[u8])> = files.into_iter().collect();
    remove_stale(files.iter().map(|(path, _)| path.as_ref()));
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut result = Ok(());
    for (path, bytes) in &files {
        let path = path.as_ref();
        match stage(path, bytes) {
            Ok(temporary) => staged.push((temporary, path.to_owned())),
            Err(error) => {
                result = Err(Error {
                    path: path.to_owned(),
                    error,
                });
                break;
            }
        }
    }
    let mut staged = staged.into_iter();
    if result.is_ok() {
        for (temporary, path) in staged.by_ref() {
            if let Err(error) = fs::rename(&temporary, &path) {
                let _ = fs::remove_file(&temporary);
                result = Err(Error { path, error });
                break;
            }
        }
    }
    for (temporary, _) in staged {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Writes each `(name, bytes)` into the folder `dir`, created if needed, as one batch
/// ([`write_all`]). Names are built from data (organisation ids), so each must be a plain file
/// name ([`is_plain_file_name`]), which stays in `dir`; they are all checked before anything is
/// written.
pub(crate) fn write_into<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])> + Clone,
) -> Result<(), Error> {
    if let Some((name, _)) = files
        .clone()
        .into_iter()
        .find(|(n, _)| !is_plain_file_name(n))
    {
        return Err(Error {
            path: dir.join(name),
            error: io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{name:?} is not a plain file name, and would leave the folder"),
            ),
        });
    }
    fs::create_dir_all(dir).map_err(|error| Error {
        path: dir.to_owned(),
        error,
    })?;
    write_all(
        files
            .into_iter()
            .map(|(name, bytes)| (dir.join(name), bytes)),
    )
}

/// Removes the temporaries of `paths` that killed runs left: `.NAME.tmp-PID` beside `NAME`, of
/// any process id. Each folder is listed once; what cannot be listed or removed is left.
fn remove_stale<'a>(paths: impl Iterator<Item = &'a Path>) {
    let mut folders: std::collections::BTreeMap<&Path, Vec<&std::ffi::OsStr>> =
        std::collections::BTreeMap::new();
    for path in paths {
        if let (Some(folder), Some(name)) = (path.parent(), path.file_name()) {
            folders.entry(folder).or_default().push(name);
        }
    }
    for (folder, names) in folders {
        // A bare file name's parent is the empty path: the current folder.
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        let Ok(entries) = fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let entry_name = entry.file_name();
            if names.iter().any(|name| is_temporary_of(&entry_name, name)) {
                let _ = fs::remove_file(folder.join(&entry_name));
            }
        }
    }
}

/// Whether `entry` names a temporary of `name`: `.NAME.tmp-` and digits.
fn is_temporary_of(entry: &std::ffi::OsStr, name: &std::ffi::OsStr) -> bool {
    let (Some(entry), Some(name)) = (entry.to_str(), name.to_str()) else {
        return false;
    };
    entry
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix(".tmp-"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Writes `bytes` to a new temporary file beside `path`, flushed to disk, and returns its path;
/// refuses a `path` that is a folder, which the rename would fail on.
fn stage(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "a folder is in the way",
        ));
    }
    let temporary = temporary_path(path)?;
    let result = (|| {
        let mut file = create_new(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temporary),
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            Err(error)
        }
    }
}

/// Creates `temporary`, which must not exist: whatever is at its name (a link planted since
/// stale temporaries were removed, say) is not followed, and the write fails.
fn create_new(temporary: &Path) -> io::Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temporary)
}

/// `folder/.name.tmp-PID`: beside the target, so the rename stays on one file system, hidden, and
/// distinct per process.
fn temporary_path(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} names no file", path.display()),
        )
    })?;
    let mut temporary = std::ffi::OsString::from(".");
    temporary.push(name);
    temporary.push(format!(".tmp-{}", std::process::id()));
    Ok(path.with_file_name(temporary))
}

/// Whether `name` is a plain file name that stays in the folder it is joined to: not empty, no
/// separator, not `.` or `..`, not hidden. Names built from data must pass before they are
/// written.
pub(crate) fn is_plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && Path::new(name).file_name() == Some(std::ffi::OsStr::new(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_replace_the_file_whole_and_leave_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.dot");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(names(dir.path()), ["chart.dot"]);
    }

    #[test]
    fn a_folder_in_the_way_fails_the_batch_before_anything_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (a, taken, c) = (
            dir.path().join("a"),
            dir.path().join("taken"),
            dir.path().join("c"),
        );
        fs::write(&a, "old a").unwrap();
        fs::create_dir_all(taken.join("inside")).unwrap();
        let error = write_all([(&a, &b"new a"[..]), (&taken, b"x"), (&c, b"new c")]).unwrap_err();
        assert_eq!(error.path, taken);
        assert_eq!(fs::read(&a).unwrap(), b"old a");
        assert!(taken.join("inside").is_dir());
        assert_eq!(names(dir.path()), ["a", "taken"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_in_the_output_folder_are_replaced_not_written_through() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        fs::write(&secret, "keep").unwrap();
        let target = dir.path().join("chart.svg");
        std::os::unix::fs::symlink(&secret, &target).unwrap();
        // A link at the temporary's name, as a stale one or a planted one would be.
        let temporary = temporary_path(&target).unwrap();
        std::os::unix::fs::symlink(&secret, &temporary).unwrap();
        write(&target, b"chart").unwrap();
        assert_eq!(fs::read(&secret).unwrap(), b"keep");
        assert!(!fs::symlink_metadata(&target).unwrap().is_symlink());
        assert_eq!(fs::read(&target).unwrap(), b"chart");
        assert_eq!(names(dir.path()), ["chart.svg"]);
    }

    #[test]
    fn names_that_would_leave_the_folder_write_nothing() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("out");
        for bad in ["../evil", "a/b", ".hidden", ".."] {
            let files = [("good.dot", &b"x"[..]), (bad, b"x")];
            let error = write_into(&dir, files).unwrap_err();
            assert!(
                error.to_string().contains("not a plain file name"),
                "{error}"
            );
            assert!(!dir.exists(), "{bad}");
        }
        assert_eq!(names(parent.path()), Vec::<String>::new());
    }

    #[test]
    fn temporaries_left_by_killed_runs_are_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            ".a.tmp-1",
            ".a.tmp-99999",
            ".a.tmp-",
            ".a.tmp-x",
            ".b.tmp-1",
            "a.tmp-1",
        ] {
            fs::write(dir.path().join(name), "stale").unwrap();
        }
        write(&dir.path().join("a"), b"new").unwrap();
        assert_eq!(
            names(dir.path()),
            [".a.tmp-", ".a.tmp-x", ".b.tmp-1", "a", "a.tmp-1"]
        );
    }

    #[test]
    fn only_plain_names_stay_in_their_folder() {
        assert!(is_plain_file_name("justice.json"));
        for bad in ["", ".", "..", "../x", "a/b", ".hidden", "a\\b"] {
            assert!(!is_plain_file_name(bad), "{bad:?}");
        }
    }
}
