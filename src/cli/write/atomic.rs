//! Writing output files atomically: a reader, or a run interrupted half-way, sees the old file or
//! the new one, never a part of either.
//!
//! Every file the command line writes goes through [`write_all`]: a chart, an export, the charts
//! of `render --all`, the files of an import. What it guarantees:
//!
//! - **Only where a regular file or nothing is.** A symbolic link, a folder, a named pipe or a
//!   device at a target's name is refused before anything is written: a link planted in an
//!   output folder cannot make organigram write elsewhere, and `-o /dev/null` does not turn the
//!   device into a file. A file that is replaced keeps its permissions.
//! - **Whole or not at all.** Each file is written to a temporary file beside it, flushed to
//!   disk, then renamed over the target (a rename within one file system is atomic).
//! - **A batch fails before it replaces anything** when it can: every file is staged before the
//!   first is renamed. Only a rename that fails after others succeeded (the file system full of
//!   inodes, another program changing the folder meanwhile) leaves some files new and the rest
//!   old, each of them whole.
//! - **One run at a time writes a folder.** A batch written into a folder holds a lock on it;
//!   a second run that finds it held says so and writes nothing, rather than mixing its files
//!   with the first's.
//! - **No temporary is left behind by a failure.** A process killed with `SIGKILL` cannot clean
//!   up: it may leave hidden `.NAME.tmp-PID` files, which no description load reads (they do not
//!   end in `.json`). The next write of `NAME` removes those of processes that are gone; those
//!   of a run still going are its own. Temporaries are created exclusively (`O_EXCL`), so a link
//!   at a temporary's name is not followed either. Names built from data must pass
//!   [`is_plain_file_name`] before they are joined to a folder.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use organigram::load::{file_kind, file_kind_in};
use organigram::tr;

use super::super::lang;

/// A file that could not be written, and why.
#[derive(Debug)]
pub(crate) struct Error {
    pub(crate) path: PathBuf,
    pub(crate) kind: ErrorKind,
}

/// Why a file could not be written.
#[derive(Debug)]
pub(crate) enum ErrorKind {
    /// Something other than a regular file is at the path: what it is, in words.
    NotAFile(&'static str),
    /// A name built from data would leave the folder it is written into.
    NotPlain,
    /// Another organigram run is writing the same folder.
    Busy,
    /// Another program changed the folder while it was being written (a temporary vanished).
    Changed,
    /// The system refused.
    Io(io::Error),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = lang();
        let path = self.path.display().to_string();
        let message = match &self.kind {
            ErrorKind::NotAFile(what) => tr!(
                lang,
                "write-not-a-file",
                path = path,
                what = file_kind_in(what, lang)
            ),
            ErrorKind::NotPlain => tr!(lang, "write-not-plain", path = path),
            ErrorKind::Busy => tr!(lang, "write-busy", path = path),
            ErrorKind::Changed => tr!(lang, "write-changed", path = path),
            ErrorKind::Io(error) => {
                tr!(lang, "write-failed", path = path, error = error.to_string())
            }
        };
        f.write_str(&message)
    }
}

impl std::error::Error for Error {}

/// Writes `bytes` to `path` atomically, as [`write_all`] does for one file.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_all([(path, bytes)])
}

/// Writes each `(path, bytes)` atomically: every target is checked and every file staged in a
/// temporary first, and they are renamed over their targets only when every one is staged. On
/// failure, every temporary is removed and the error names the file. See the [module
/// documentation](self) for what is guaranteed.
pub(crate) fn write_all<'a, P: AsRef<Path> + 'a>(
    files: impl IntoIterator<Item = (P, &'a [u8])>,
) -> Result<(), Error> {
    let files: Vec<(P, &[u8])> = files.into_iter().collect();
    for (path, _) in &files {
        let path = path.as_ref();
        writable(path).map_err(|kind| Error {
            path: path.to_owned(),
            kind,
        })?;
    }
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
                    kind: ErrorKind::Io(error),
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
                let kind = if error.kind() == io::ErrorKind::NotFound {
                    ErrorKind::Changed
                } else {
                    ErrorKind::Io(error)
                };
                result = Err(Error { path, kind });
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
/// ([`write_all`]), holding a lock on the folder meanwhile. Names are built from data
/// (organisation ids), so each must be a plain file name ([`is_plain_file_name`]), which stays
/// in `dir`; they are all checked before anything is written, and so is `dir`, which must be a
/// folder or nothing.
pub(crate) fn write_into<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (&'a str, &'a [u8])> + Clone,
) -> Result<(), Error> {
    let error = |path: PathBuf, kind| Error { path, kind };
    if let Some((name, _)) = files
        .clone()
        .into_iter()
        .find(|(n, _)| !is_plain_file_name(n))
    {
        return Err(error(dir.join(name), ErrorKind::NotPlain));
    }
    match fs::symlink_metadata(dir) {
        Ok(metadata) if metadata.is_dir() => {}
        Ok(metadata) => {
            return Err(error(
                dir.to_owned(),
                ErrorKind::NotAFile(file_kind(metadata.file_type())),
            ));
        }
        Err(_) => fs::create_dir_all(dir).map_err(|e| error(dir.to_owned(), ErrorKind::Io(e)))?,
    }
    let _lock = lock(dir)?;
    write_all(
        files
            .into_iter()
            .map(|(name, bytes)| (dir.join(name), bytes)),
    )
}

/// Locks the folder `dir` for as long as the file returned is open: another organigram run that
/// would write into it meanwhile finds it locked ([`ErrorKind::Busy`]) and writes nothing.
pub(crate) fn lock(dir: &Path) -> Result<fs::File, Error> {
    let error = |kind| Error {
        path: dir.to_owned(),
        kind,
    };
    let lock = fs::File::open(dir).map_err(|e| error(ErrorKind::Io(e)))?;
    match lock.try_lock() {
        Ok(()) => Ok(lock),
        Err(fs::TryLockError::WouldBlock) => Err(error(ErrorKind::Busy)),
        Err(fs::TryLockError::Error(e)) => Err(error(ErrorKind::Io(e))),
    }
}

/// Whether a file may be written at `path`: nothing is there, or a regular file.
fn writable(path: &Path) -> Result<(), ErrorKind> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() => Ok(()),
        Ok(metadata) => Err(ErrorKind::NotAFile(file_kind(metadata.file_type()))),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(ErrorKind::Io(error)),
    }
}

/// Removes the temporaries of `paths` that killed runs left: `.NAME.tmp-PID` beside `NAME`,
/// whose process is gone. Each folder is listed once; what cannot be listed or removed is left.
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
            let stale = names
                .iter()
                .filter_map(|name| temporary_of(&entry_name, name))
                .any(|pid| !in_use(pid));
            if stale {
                let _ = fs::remove_file(folder.join(&entry_name));
            }
        }
    }
}

/// The process id of `entry` when it names a temporary of `name`: `.NAME.tmp-` and digits.
fn temporary_of(entry: &std::ffi::OsStr, name: &std::ffi::OsStr) -> Option<u32> {
    let (entry, name) = (entry.to_str()?, name.to_str()?);
    let pid = entry
        .strip_prefix('.')?
        .strip_prefix(name)?
        .strip_prefix(".tmp-")?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether a temporary of the process `pid` may be in use: that process runs and is not this one
/// (which stages its temporaries after removing the stale ones, so one of its pid is left from an
/// earlier process of that id). Processes are looked up in `/proc` where there is one, and taken
/// as running where there is not.
fn in_use(pid: u32) -> bool {
    let proc = Path::new("/proc");
    pid != std::process::id()
        && (!proc.join("self").exists() || proc.join(pid.to_string()).exists())
}

/// Writes `bytes` to a new temporary file beside `path`, flushed to disk, with the permissions
/// of the file it replaces, and returns its path.
fn stage(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let temporary = temporary_path(path)?;
    let result = (|| {
        let mut file = create_new(&temporary)?;
        file.write_all(bytes)?;
        if let Ok(replaced) = fs::symlink_metadata(path)
            && replaced.is_file()
        {
            file.set_permissions(replaced.permissions())?;
        }
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
            tr!(
                lang(),
                "write-names-no-file",
                path = path.display().to_string()
            ),
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

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.json");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        write(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn a_folder_in_the_way_fails_the_batch_before_anything_is_written() {
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
        assert!(matches!(error.kind, ErrorKind::NotAFile("a folder")));
        assert_eq!(fs::read(&a).unwrap(), b"old a");
        assert!(taken.join("inside").is_dir());
        assert_eq!(names(dir.path()), ["a", "taken"]);
    }

    #[test]
    fn a_batch_that_fails_while_staging_replaces_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::write(&a, "old a").unwrap();
        fs::write(&b, "old b").unwrap();
        // A folder at b's temporary: staging b fails once a is staged.
        let in_the_way = temporary_path(&b).unwrap();
        fs::create_dir(&in_the_way).unwrap();
        let error = write_all([(&a, &b"new a"[..]), (&b, b"new b")]).unwrap_err();
        assert_eq!(error.path, b);
        assert_eq!(fs::read(&a).unwrap(), b"old a");
        assert_eq!(fs::read(&b).unwrap(), b"old b");
        assert!(!temporary_path(&a).unwrap().exists());
        assert!(in_the_way.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn links_pipes_and_devices_at_a_target_are_refused_and_left_alone() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        fs::write(&secret, "keep").unwrap();
        let link = dir.path().join("chart.svg");
        std::os::unix::fs::symlink(&secret, &link).unwrap();
        let error = write(&link, b"chart").unwrap_err();
        assert!(matches!(error.kind, ErrorKind::NotAFile("a symbolic link")));
        assert_eq!(fs::read(&secret).unwrap(), b"keep");
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        let pipe = dir.path().join("pipe");
        organigram_test_support::mkfifo(&pipe);
        let error = write(&pipe, b"x").unwrap_err();
        assert!(matches!(error.kind, ErrorKind::NotAFile("a named pipe")));
        let error = write(Path::new("/dev/null"), b"x").unwrap_err();
        assert!(matches!(error.kind, ErrorKind::NotAFile("a device")));
        assert_eq!(names(dir.path()), ["chart.svg", "pipe"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_a_temporary_s_name_is_removed_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        fs::write(&secret, "keep").unwrap();
        let target = dir.path().join("chart.svg");
        // A link at this run's temporary name, as a planted one would be.
        let temporary = temporary_path(&target).unwrap();
        std::os::unix::fs::symlink(&secret, &temporary).unwrap();
        write(&target, b"chart").unwrap();
        assert_eq!(fs::read(&secret).unwrap(), b"keep");
        assert_eq!(fs::read(&target).unwrap(), b"chart");
        assert_eq!(names(dir.path()), ["chart.svg"]);
        // Planted again, it makes the exclusive creation fail rather than be followed.
        std::os::unix::fs::symlink(&secret, &temporary).unwrap();
        assert_eq!(
            create_new(&temporary).unwrap_err().kind(),
            io::ErrorKind::AlreadyExists
        );
        assert_eq!(fs::read(&secret).unwrap(), b"keep");
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
    fn a_folder_another_run_is_writing_is_left_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let held = fs::File::open(dir.path()).unwrap();
        held.lock().unwrap();
        // The lock is the file description's: another open of the folder, as another process's,
        // finds it held.
        let error = write_into(dir.path(), [("a.dot", &b"x"[..])]).unwrap_err();
        assert!(matches!(error.kind, ErrorKind::Busy), "{error}");
        assert!(
            error.to_string().contains("another organigram run"),
            "{error}"
        );
        assert_eq!(names(dir.path()), Vec::<String>::new());
        held.unlock().unwrap();
        write_into(dir.path(), [("a.dot", &b"x"[..])]).unwrap();
        assert_eq!(names(dir.path()), ["a.dot"]);
    }

    #[test]
    fn temporaries_left_by_runs_that_are_gone_are_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids past Linux's largest (2^22) belong to no process.
        let stale = format!(".a.tmp-{}", 4_194_400);
        for name in [stale.as_str(), ".a.tmp-", ".a.tmp-x", ".b.tmp-1", "a.tmp-1"] {
            fs::write(dir.path().join(name), "stale").unwrap();
        }
        write(&dir.path().join("a"), b"new").unwrap();
        assert_eq!(
            names(dir.path()),
            [".a.tmp-", ".a.tmp-x", ".b.tmp-1", "a", "a.tmp-1"]
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_running_process_s_temporary_is_its_own() {
        let dir = tempfile::tempdir().unwrap();
        // Process 1 always runs.
        fs::write(dir.path().join(".a.tmp-1"), "in use").unwrap();
        write(&dir.path().join("a"), b"new").unwrap();
        assert_eq!(names(dir.path()), [".a.tmp-1", "a"]);
    }

    #[test]
    fn only_plain_names_stay_in_their_folder() {
        assert!(is_plain_file_name("justice.json"));
        for bad in ["", ".", "..", "../x", "a/b", ".hidden", "a\\b"] {
            assert!(!is_plain_file_name(bad), "{bad:?}");
        }
    }
}
