//! Finding description files and reading them as text, within the limits.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Input, Limits};
use crate::diagnostic::{Code, Diagnostic, Files};
use crate::model::{FileId, Origin, Span};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

/// The files of the built-in description: (file name, text), in name order.
pub const BUILTIN_FILES: &[(&str, &str)] = builtin::FILES;

/// How built-in files are named in messages.
pub const BUILTIN_PREFIX: &str = "<built-in>";

/// How standard input is named in messages.
const STDIN_NAME: &str = "<stdin>";

/// Reads every file of one input, registering each in `files`; problems go to `diagnostics`.
pub(super) fn read_input(
    input: &Input,
    limits: &Limits,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<FileId> {
    match input {
        Input::Builtin => BUILTIN_FILES
            .iter()
            .map(|(name, text)| files.add(Path::new(BUILTIN_PREFIX).join(name), (*text).to_owned()))
            .collect(),
        Input::Stdin => read_from(
            PathBuf::from(STDIN_NAME),
            std::io::stdin().lock(),
            0,
            limits,
            files,
            diagnostics,
        )
        .into_iter()
        .collect(),
        Input::Text { name, text } => vec![files.add(name.clone(), text.clone())],
        Input::Path(path) => match list(path) {
            Ok(paths) if paths.is_empty() => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::EmptyDescription,
                        format!("no description file in {}", path.display()),
                    )
                    .with_hint("a description is a folder of .json files, or one .json file"),
                );
                Vec::new()
            }
            Ok(paths) => paths
                .into_iter()
                .filter_map(|path| read_file(path, limits, files, diagnostics))
                .collect(),
            Err(error) => {
                diagnostics.push(io_error(path, &error));
                Vec::new()
            }
        },
    }
}

/// The `.json` files of a folder in name order, or the path itself when it is a file.
fn list(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !fs::metadata(path)?.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut paths = Vec::new();
    for entry in fs::read_dir(path)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

fn io_error(path: &Path, error: &std::io::Error) -> Diagnostic {
    let hint = match error.kind() {
        std::io::ErrorKind::NotFound => Some("check the path given to --org".to_owned()),
        std::io::ErrorKind::PermissionDenied => Some("check the file's permissions".to_owned()),
        _ => None,
    };
    Diagnostic::new(Code::Io, format!("cannot read {}: {error}", path.display()))
        .with_hint_opt(hint)
}

/// Reads one file as UTF-8 text into `files`, within the size limit; problems go to
/// `diagnostics`. Proposals are read this way too.
pub(crate) fn read_file(
    path: PathBuf,
    limits: &Limits,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    match fs::File::open(&path) {
        Ok(file) => {
            // Sized from the metadata, the buffer is allocated once, not doubled up to twice the
            // file's size.
            let size = file.metadata().map_or(0, |m| m.len());
            read_from(path, file, size, limits, files, diagnostics)
        }
        Err(error) => {
            diagnostics.push(io_error(&path, &error));
            None
        }
    }
}

/// Reads `reader` to its end as the UTF-8 text of the file named `path`, as [`read_file`] does;
/// `size` is what it is expected to hold (0 when unknown).
fn read_from(
    path: PathBuf,
    reader: impl Read,
    size: u64,
    limits: &Limits,
    files: &mut Files,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    let capacity = size.min(limits.max_file_size.saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    // One byte past the limit tells a file at the limit from a larger one.
    let read = reader
        .take(limits.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(error) = read {
        diagnostics.push(io_error(&path, &error));
        return None;
    }
    if bytes.len() as u64 > limits.max_file_size {
        diagnostics.push(
            Diagnostic::new(
                Code::FileTooLarge,
                format!(
                    "{} is larger than the limit of {} bytes",
                    path.display(),
                    limits.max_file_size
                ),
            )
            .with_hint(
                "raise the limit with --max-file-size if the file is meant to be this large",
            ),
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
                    format!(
                        "invalid UTF-8: byte 0x{:02x} cannot start or continue a character",
                        bytes[valid]
                    ),
                )
                .at(Origin::new(id, Span::new(at, at)))
                .with_hint("save the file as UTF-8"),
            );
            None
        }
    }
}
