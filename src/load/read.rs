//! Finding description files and reading them as text, within the limits.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::Files;
use super::{Input, Limits};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::text;
use crate::i18n::{Arg, Text};
use crate::model::Lang;
use crate::model::{FastSet, FileId, Origin, Span};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

/// The files of the built-in description: (file name, text), in name order.
pub const BUILTIN_FILES: &[(&str, &str)] = builtin::FILES;

/// How built-in files are named in messages.
pub const BUILTIN_PREFIX: &str = "<built-in>";

/// How standard input is named in messages.
const STDIN_NAME: &str = "<stdin>";

/// Reads every file of one input, registering each in `files`, except the files of `seen` (by
/// their canonical path), which gains those read: a file named twice (`--org d --org d`) is read
/// once. Problems go to `diagnostics`.
pub(super) fn read_input(
    input: &Input,
    limits: Limits,
    seen: &mut FastSet<PathBuf>,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<FileId> {
    match input {
        Input::Builtin => BUILTIN_FILES
            .iter()
            .map(|(name, text)| files.add(Path::new(BUILTIN_PREFIX).join(name), (*text).to_owned()))
            .collect(),
        Input::Stdin => read_stdin(limits, files, diagnostics).into_iter().collect(),
        Input::Text { name, text } => vec![files.add(name.clone(), text.clone())],
        Input::Path(path) => match json_files(path) {
            Ok(paths) if paths.is_empty() => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::EmptyDescription,
                        text!("read-empty-description", path = path.display().to_string()),
                    )
                    .with_hint(text!("read-empty-description-hint")),
                );
                Vec::new()
            }
            Ok(paths) => paths
                .into_iter()
                .filter(|path| fs::canonicalize(path).map_or(true, |c| seen.insert(c)))
                .filter_map(|path| read_file(path, limits, files, diagnostics))
                .collect(),
            Err(error) => {
                let error = ReadError::Io(error);
                diagnostics.push(error.diagnostic(path));
                Vec::new()
            }
        },
    }
}

/// The `.json` files of a folder in name order, or the path itself when it is not a folder: the
/// files a description load reads for the path.
///
/// Every entry named `*.json` is listed but sub-folders (a description is the files of one
/// folder): an entry that is a broken or looping symbolic link, a named pipe or a device is
/// listed too, so that reading it reports it, instead of a part of the description going
/// missing in silence.
pub fn json_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !fs::metadata(path)?.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut paths = Vec::new();
    for entry in fs::read_dir(path)? {
        let path = entry?.path();
        let folder = fs::metadata(&path).is_ok_and(|m| m.is_dir());
        if path.extension().is_some_and(|e| e == "json") && !folder {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// The hint for a path that names nothing, which callers may make more precise (which flag gave
/// the path).
pub(crate) fn not_found_hint() -> Text {
    text!("read-check-path")
}

/// Why a file could not be read whole.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadError {
    /// Opening or reading failed.
    Io(std::io::Error),
    /// The path is not a regular file once symbolic links are followed: what it is instead.
    NotRegular(&'static str),
    /// The file holds more bytes than the limit.
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The path is a symbolic link to this file, outside the folder that holds the link, and
    /// links are not followed there ([`Limits::follow_links`]).
    LinkLeavesFolder(PathBuf),
}

impl ReadError {
    /// What the user can do about it, when the error says.
    fn hint(&self) -> Option<Text> {
        match self {
            ReadError::Io(error) => match error.kind() {
                std::io::ErrorKind::NotFound => Some(not_found_hint()),
                std::io::ErrorKind::PermissionDenied => Some(text!("read-permissions-hint")),
                #[cfg(unix)]
                _ if error.raw_os_error() == Some(libc::ELOOP) => Some(text!("read-loop-hint")),
                _ => None,
            },
            ReadError::NotRegular(NAMED_PIPE) => Some(text!("read-pipe-hint")),
            ReadError::NotRegular(_) => Some(text!("read-regular-only-hint")),
            ReadError::TooLarge { .. } => Some(text!("read-too-large-hint")),
            ReadError::LinkLeavesFolder(_) => Some(text!("read-link-leaves-folder-hint")),
        }
    }

    /// The message for the file at `path`.
    fn message(&self, path: &Path) -> Text {
        let path = path.display().to_string();
        match self {
            ReadError::Io(error) => text!("read-io", path = path, error = error.to_string()),
            &ReadError::NotRegular(what) => text!(
                "read-not-regular",
                path = path,
                what = Arg::word(|lang| file_kind_in(what, lang))
            ),
            ReadError::TooLarge { limit } => text!("read-too-large", path = path, limit = *limit),
            ReadError::LinkLeavesFolder(target) => text!(
                "read-link-leaves-folder",
                path = path,
                target = target.display().to_string()
            ),
        }
    }

    /// The message and its hint on one line, for callers that print no located messages.
    pub fn sentence(&self, path: &Path) -> String {
        self.sentence_in(path, Lang::En)
    }

    /// The message and its hint on one line in `lang`, as [`ReadError::sentence`] writes it.
    pub fn sentence_in(&self, path: &Path, lang: Lang) -> String {
        let message = self.message(path);
        match self.hint() {
            Some(hint) => crate::i18n::text!("read-sentence", message = message, hint = hint)
                .in_lang(lang)
                .into_owned(),
            None => message.in_lang(lang).into_owned(),
        }
    }

    fn diagnostic(&self, path: &Path) -> Diagnostic {
        let code = match self {
            ReadError::TooLarge { .. } => Code::FileTooLarge,
            ReadError::Io(_) | ReadError::NotRegular(_) | ReadError::LinkLeavesFolder(_) => {
                Code::Io
            }
        };
        Diagnostic::new(code, self.message(path)).with_hint_opt(self.hint())
    }
}

/// Reads the file at `path` whole, within the limits.
///
/// Only regular files are read. A named pipe with no writer would block the read forever, and a
/// device such as `/dev/zero` never ends, so anything else is refused with
/// [`ReadError::NotRegular`]; the check is made on the file once open (not on the path before,
/// which could change in between), and on Unix the file is opened without blocking, so opening a
/// pipe returns at once. A symbolic link is followed to a file of its own folder, or anywhere
/// with [`Limits::follow_links`]; the file it leads to is then opened, itself not followed, so
/// that swapping it for another link meanwhile does not lead elsewhere. Each file is read once
/// into memory: whatever changes it while organigram runs, the run works on one snapshot of its
/// bytes.
pub fn read_bytes(path: &Path, limits: Limits) -> Result<Vec<u8>, ReadError> {
    let target = target(path, limits.follow_links)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(&target).map_err(ReadError::Io)?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular(file_kind(metadata.file_type())));
    }
    read_limited(file, u64::from(limits.max_file_size), metadata.len())
}

/// The file to open for `path`: the path itself when it is no symbolic link, otherwise the file
/// the link leads to, when it lies in the link's folder (or under it) or `follow` says to go
/// anywhere.
fn target(path: &Path, follow: bool) -> Result<PathBuf, ReadError> {
    let metadata = fs::symlink_metadata(path).map_err(ReadError::Io)?;
    if !metadata.file_type().is_symlink() {
        return Ok(path.to_owned());
    }
    let target = fs::canonicalize(path).map_err(ReadError::Io)?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let folder = fs::canonicalize(folder).map_err(ReadError::Io)?;
    if follow || target.starts_with(&folder) {
        Ok(target)
    } else {
        Err(ReadError::LinkLeavesFolder(target))
    }
}

/// What a named pipe is called in messages, which have a hint of their own for it.
const NAMED_PIPE: &str = "a named pipe";

/// What a file that is not a regular one can be, in English and in French: each English is what
/// [`file_kind`] says.
const FILE_KINDS: [[&str; 2]; 6] = [
    [NAMED_PIPE, "un tube nommé"],
    ["a device", "un périphérique"],
    ["a socket", "une socket"],
    ["a symbolic link", "un lien symbolique"],
    ["a folder", "un dossier"],
    [
        "neither a file nor a folder",
        "un objet qui n’est ni un fichier ni un dossier",
    ],
];

/// What a file that is not a regular one is, in words ("a named pipe", "a symbolic link"), for
/// messages about reading and writing it.
pub fn file_kind(kind: fs::FileType) -> &'static str {
    let [pipe, device, socket, link, folder, other] = FILE_KINDS.map(|[english, _]| english);
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return pipe;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return device;
        }
        if kind.is_socket() {
            return socket;
        }
    }
    #[cfg(not(unix))]
    let _ = (pipe, device, socket);
    if kind.is_symlink() {
        link
    } else if kind.is_dir() {
        folder
    } else {
        other
    }
}

/// What [`file_kind`] says, `english`, in `lang`; as it is for a kind it does not say.
pub fn file_kind_in(english: &'static str, lang: Lang) -> &'static str {
    FILE_KINDS
        .iter()
        .find(|[kind, _]| *kind == english)
        .map_or(english, |words| words[lang.index()])
}

/// Reads `reader` to its end, within `max_size` bytes. `size` is what it is expected to hold (0
/// when unknown): sized from it, the buffer is allocated once, not doubled up to twice the
/// file's size.
fn read_limited(reader: impl Read, max_size: u64, size: u64) -> Result<Vec<u8>, ReadError> {
    let capacity = size.min(max_size.saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    // One byte past the limit tells a file at the limit from a larger one.
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max_size {
        return Err(ReadError::TooLarge { limit: max_size });
    }
    Ok(bytes)
}

/// Reads one file as UTF-8 text into `files`, within the size limit; problems go to
/// `diagnostics`. Proposals are read this way too.
pub(crate) fn read_file(
    path: PathBuf,
    limits: Limits,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    let bytes = read_bytes(&path, limits);
    text(path, bytes, files, diagnostics)
}

/// Reads standard input, within the limits, into `files` as the file `<stdin>`; problems go to
/// `diagnostics`.
pub(crate) fn read_stdin(
    limits: Limits,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    let bytes = read_limited(std::io::stdin().lock(), u64::from(limits.max_file_size), 0);
    text(PathBuf::from(STDIN_NAME), bytes, files, diagnostics)
}

/// Registers `bytes`, read from the file named `path`, as text in `files`; problems go to
/// `diagnostics`.
fn text(
    path: PathBuf,
    bytes: Result<Vec<u8>, ReadError>,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            diagnostics.push(error.diagnostic(&path));
            return None;
        }
    };
    let starts_as_json = |bytes: &[u8]| {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
    };
    if !starts_as_json(&bytes) {
        // Not a description at all (a binary file, `/proc/self/environ`, a text): what it holds is
        // none of the messages' business, so none of it is shown.
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        let holds = match first {
            None => "nothing",
            Some(b'[') => "list",
            Some(_) => "other",
        };
        diagnostics.push(
            Diagnostic::new(
                Code::Syntax,
                text!(
                    "read-not-description",
                    path = path.display().to_string(),
                    holds = holds
                ),
            )
            .with_hint(text!("read-not-description-hint")),
        );
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(files.add(path, text)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            // Keep the valid prefix so the message can show the line where the bad byte sits.
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let id = files.add(path, prefix);
            let at = u32::try_from(valid).unwrap_or(u32::MAX);
            diagnostics.push(
                Diagnostic::new(
                    Code::InvalidUtf8,
                    text!("read-invalid-utf8", byte = format!("{:02x}", bytes[valid])),
                )
                .at(Origin::new(id, Span::new(at, at)))
                .with_hint(text!("read-save-as-utf8")),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default limits but the size.
    fn within(max_file_size: u32) -> Limits {
        Limits {
            max_file_size,
            ..Limits::default()
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_within_their_folder_only_unless_asked() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.json");
        fs::write(&secret, "SECRET=1").unwrap();
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/a.json"), "{}").unwrap();
        symlink("sub/a.json", dir.path().join("in.json")).unwrap();
        symlink(&secret, dir.path().join("out.json")).unwrap();
        symlink("/proc/self/environ", dir.path().join("environ.json")).unwrap();
        assert_eq!(
            read_bytes(&dir.path().join("in.json"), within(10)).unwrap(),
            b"{}"
        );
        for name in ["out.json", "environ.json"] {
            let error = read_bytes(&dir.path().join(name), within(1000)).unwrap_err();
            assert!(
                matches!(error, ReadError::LinkLeavesFolder(_)),
                "{name}: {error:?}"
            );
        }
        let follow = Limits {
            follow_links: true,
            ..within(10)
        };
        assert_eq!(
            read_bytes(&dir.path().join("out.json"), follow).unwrap(),
            b"SECRET=1"
        );
    }

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        fs::write(&file, "{}").unwrap();
        assert_eq!(read_bytes(&file, within(2)).unwrap(), b"{}");
        assert!(matches!(
            read_bytes(&file, within(1)),
            Err(ReadError::TooLarge { limit: 1 })
        ));
        assert!(matches!(
            read_bytes(dir.path(), within(10)),
            Err(ReadError::NotRegular("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe.json");
        organigram_test_support::mkfifo(&pipe);
        // Opening a pipe with no writer for a blocking read would wait here forever.
        assert!(matches!(
            read_bytes(&pipe, within(10)),
            Err(ReadError::NotRegular(NAMED_PIPE))
        ));
        assert!(matches!(
            read_bytes(Path::new("/dev/zero"), within(10)),
            Err(ReadError::NotRegular("a device"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_lists_broken_links_so_they_are_reported_and_skips_sub_folders() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("b.json"), "{}").unwrap();
        fs::write(dir.path().join("notes.txt"), "").unwrap();
        fs::create_dir(dir.path().join("sub.json")).unwrap();
        std::os::unix::fs::symlink("loop.json", dir.path().join("loop.json")).unwrap();
        std::os::unix::fs::symlink("nowhere", dir.path().join("a.json")).unwrap();
        let names: Vec<_> = json_files(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["a.json", "b.json", "loop.json"]);
        let looping = read_bytes(&dir.path().join("loop.json"), within(10)).unwrap_err();
        assert_eq!(
            looping.hint().as_deref(),
            Some("a symbolic link on the way leads back to itself")
        );
    }
}
