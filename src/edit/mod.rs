//! Editing a description's files in place: writing a file again in the canonical form
//! ([`format()`]), and placing new units and ties in the files they belong to ([`add`]).
//! What is written goes through the one canonical writer ([`crate::model::canonical_json`]), so
//! a file `new` wrote is one `fmt` leaves alone.

mod format;

pub use format::{Formatted, Shape, format, format_file};

use crate::load::{Files, unmerge};
use crate::model::{
    Description, DescriptionFile, FileId, Recover, Source, Span, Spanned, Tie, Unit,
};

/// Units, ties and sources to add to one file of a description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addition {
    /// The file they go in.
    pub file: FileId,
    /// The sources, in the order written.
    pub sources: Vec<Source>,
    /// The units, in the order written.
    pub units: Vec<Unit>,
    /// The ties, in the order written.
    pub ties: Vec<Tie>,
}

/// One file of a description, before and after an addition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    /// The file.
    pub file: FileId,
    /// What it holds now, as [`unmerge`] puts it back.
    pub before: DescriptionFile,
    /// What it holds with the addition.
    pub after: DescriptionFile,
}

/// The file `addition` goes in, before and after it: each of its sources after the file's last
/// source, its units after the last unit, its ties after the last tie. `None` when no
/// organisation of `description` is declared in that file. Linear in the size of the
/// description.
pub fn add(description: &Description, files: &Files, addition: Addition) -> Option<Added> {
    let (file, before) = unmerge(description, files)
        .into_iter()
        .find(|(file, _)| *file == addition.file)?;
    let mut after = before.clone();
    after.sources.extend(addition.sources.into_iter().map(read));
    after.units.extend(addition.units.into_iter().map(read));
    after.ties.extend(addition.ties.into_iter().map(read));
    Some(Added {
        file,
        before,
        after,
    })
}

/// An item of a file's list, read, at no place (it is not written yet).
fn read<T>(value: T) -> Recover<Spanned<T>> {
    Recover::Read(Spanned::new(Span::default(), value))
}
