//! From files to a description: find the files, read them within the limits, parse them with
//! positions, and merge them into one [`Description`]. [`crate::Loader`] goes on from here to a
//! graph; [`Files`] keeps what was read, for messages.
//!
//! Every step collects its problems as located [`Diagnostic`]s instead of stopping at the first,
//! and keeps going with what is sound, so one run shows every problem. Each step is linear in the
//! size of its input.

mod files;
pub(crate) mod json;
mod merge;
mod parse;
mod read;
mod unmerge;

use std::borrow::Cow;
use std::path::PathBuf;

pub use files::Files;
pub(crate) use parse::diagnose;
pub use read::{BUILTIN_FILES, BUILTIN_PREFIX};
pub use read::{ReadError, file_kind, file_kind_in, json_files, read_bytes};
pub(crate) use read::{not_found_hint, read_file, read_stdin};
pub use unmerge::unmerge;

use crate::diagnostic::Diagnostic;
use crate::model::{Description, FastSet};

/// Where a description comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// A folder (its `*.json` files, not its sub-folders) or one file.
    Path(PathBuf),
    /// The description compiled into the binary (the project's `org/` folder).
    Builtin,
    /// One file read from standard input (`--org -`), named `<stdin>` in messages.
    Stdin,
    /// One file already in memory, named `name` in messages: for programs that build or receive
    /// descriptions without a file system (fuzzers, property tests, services).
    Text {
        /// How messages name the file.
        name: PathBuf,
        /// The file's text.
        text: String,
    },
}

/// Bounds that protect against runaway or hostile input; each can be lifted by the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes: at most `u32::MAX`, as positions in files are 32-bit
    /// ([`crate::model::Span`]).
    pub max_file_size: u32,
    /// The deepest JSON nesting accepted.
    pub max_depth: u32,
    /// Whether a symbolic link is followed wherever it leads. By default a link is followed only
    /// to a file in the folder that holds it: a description (from a pull request, say) cannot
    /// then make organigram read and quote a file the user did not name, such as
    /// `/proc/self/environ` and the secrets of a CI runner.
    pub follow_links: bool,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_size: 256 * 1024 * 1024,
            max_depth: json::DEFAULT_MAX_DEPTH,
            follow_links: false,
        }
    }
}

/// What a load produced: the files it read (for locating messages), the description as far as
/// it could be read, and every problem found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The files read, which messages are shown from.
    pub files: Files,
    /// The description, as far as it could be read.
    pub description: Description,
    /// Every problem found in reading it.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// Whether a problem found is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How much text a load keeps in memory for its messages, in all. Past it, each file read from
/// disk lets its text go once parsed, and a message placed in it reads it again (and names the
/// file without a line if it changed meanwhile): a large description is then never in memory
/// twice, while a usual one keeps the very text it parsed, whatever happens to its files.
const KEPT_TEXT: usize = 32 * 1024 * 1024;

/// Reads, parses and merges the inputs into one description.
pub fn load(inputs: &[Input], limits: Limits) -> Loaded {
    load_each(inputs.iter().map(Cow::Borrowed), limits)
}

/// [`load`], given the inputs to keep: a text held in memory becomes the file's text as it is,
/// not a copy of it (at 100,000 units, a language server's analysis would otherwise copy 43 MB
/// more after each edit).
pub(crate) fn load_owned(inputs: Vec<Input>, limits: Limits) -> Loaded {
    load_each(inputs.into_iter().map(Cow::Owned), limits)
}

/// Reads, parses and merges the inputs, borrowed or owned, into one description.
fn load_each<'a>(inputs: impl Iterator<Item = Cow<'a, Input>>, limits: Limits) -> Loaded {
    let mut loaded = Loaded::default();
    let mut merger = merge::Merger::default();
    let mut kept = 0;
    let mut seen = FastSet::default();
    for input in inputs {
        let from_disk = matches!(*input, Input::Path(_));
        let read = match input {
            Cow::Owned(Input::Text { name, text }) => vec![loaded.files.add(name, text)],
            input => read::read_input(
                &input,
                limits,
                &mut seen,
                &mut loaded.files,
                &mut loaded.diagnostics,
            ),
        };
        for file in read {
            let text = loaded.files.text(file);
            let length = text.len();
            let unreadable = &mut loaded.description.unreadable;
            if let Some(doc) = parse::parse(file, text, limits, unreadable, &mut loaded.diagnostics)
            {
                merger.merge(&mut loaded.description, file, doc, &mut loaded.diagnostics);
            }
            // Past KEPT_TEXT, what is on disk is read again for messages; what is not must stay.
            if from_disk && kept + length > KEPT_TEXT {
                loaded.files.release(file);
            } else {
                kept += length;
            }
        }
    }
    loaded
}
