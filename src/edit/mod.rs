//! Editing a description's files in place: writing a file again in the canonical form
//! ([`format()`]), and placing new units and ties in the files they belong to ([`add`]).
//! What is written goes through the one canonical writer ([`crate::model::canonical_json`]), so
//! a file `new` wrote is one `fmt` leaves alone.

mod format;

pub use format::{Formatted, STDIN, Shape, format, format_file};

use crate::load::{Files, unmerge};
use crate::model::{Description, DescriptionFile, FileId, Recover, Source, Tie, Unit};

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
    after
        .sources
        .extend(addition.sources.into_iter().map(Recover::unplaced));
    after
        .units
        .extend(addition.units.into_iter().map(Recover::unplaced));
    after
        .ties
        .extend(addition.ties.into_iter().map(Recover::unplaced));
    Some(Added {
        file,
        before,
        after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Input, Limits, load};
    use crate::model::{SourceId, Spanned, TieKind, UnitId, UnitKind};

    #[test]
    fn an_addition_goes_last_in_its_file_and_nowhere_else() {
        let text = |id: &str, unit: &str| {
            format!(
                r#"{{"organisation": {{"id": "{id}", "name": "O"}},
                    "sources": [{{"id": "s-{id}", "title": "S"}}],
                    "units": [{{"id": "{unit}", "name": "U", "kind": "bureau"}}],
                    "ties": [{{"kind": "cooperation", "from": "{unit}", "to": "{unit}"}}]}}"#
            )
        };
        let inputs =
            [("a.json", text("a", "ua")), ("b.json", text("b", "ub"))].map(|(name, text)| {
                Input::Text {
                    name: name.into(),
                    text,
                }
            });
        let loaded = load(&inputs, Limits::default());
        let at = |id: &str| Spanned::unplaced(UnitId::new(id).unwrap());
        let unit = Unit::new(at("new"), "N".into(), Spanned::unplaced(UnitKind::Bureau));
        let tie = Tie::new(Spanned::unplaced(TieKind::Attachment), at("new"), at("ub"));
        let b = loaded.files.iter().nth(1).unwrap();
        let addition = Addition {
            file: b,
            sources: Vec::new(),
            units: vec![unit.clone()],
            ties: vec![tie.clone()],
        };
        let added = add(&loaded.description, &loaded.files, addition.clone()).unwrap();
        assert_eq!(added.file, b);
        assert_eq!(added.before.organisation.id.as_str(), "b");
        let ids = |doc: &DescriptionFile| -> Vec<String> {
            doc.units
                .iter()
                .filter_map(|u| match u {
                    Recover::Read(u) => Some(u.id.as_str().to_owned()),
                    Recover::Skipped(_) => None,
                })
                .collect()
        };
        assert_eq!(ids(&added.before), ["ub"]);
        assert_eq!(ids(&added.after), ["ub", "new"]);
        assert_eq!(added.after.ties.last(), Some(&Recover::unplaced(tie)));
        assert_eq!(added.after.sources, added.before.sources);
        assert_eq!(
            added.before.sources.first().and_then(|s| match s {
                Recover::Read(s) => Some(s.id.value.clone()),
                Recover::Skipped(_) => None,
            }),
            SourceId::new("s-b").ok()
        );
        // A file the load did not read takes nothing.
        let nowhere = Addition {
            file: FileId(7),
            ..addition
        };
        assert_eq!(add(&loaded.description, &loaded.files, nowhere), None);
    }
}
