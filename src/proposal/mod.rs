//! Proposals: a file of changes to a description (add, remove, move, rename, change the kind of,
//! update, merge or split units; add and remove ties), applied to the description before it becomes a
//! graph, so that every command can work on the structure as proposed.
//!
//! [`read`] reads a proposal with organigram's span-aware JSON reader, so every problem is located
//! in the proposal file; [`apply`] applies it, refusing with located errors a proposal that names
//! an unknown unit or contradicts itself. What a proposal adds or changes points back at the
//! proposal: messages about it are located there.

mod apply;
mod file;

use std::path::Path;

pub use apply::{Applied, Effect, apply};
pub(crate) use file::NOT_OPERATIONS;
pub use file::{
    Assignment, ChangeEntry, KindChange, Merge, Move, NOT_UPDATED, ProposalFile, Rename, Split,
    TieRef, Update,
};

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::text;
use crate::load::{Files, Limits, diagnose, json, not_found_hint, read_file};
use crate::model::{
    Citation, Date, FileId, OrganisationId, Origin, Recover, Source, Spanned, Tie, Unit, UnitId,
};

/// A proposal, read and sound: every change holds one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The proposal's file, in the load's file table.
    pub file: FileId,
    /// What the proposal is called.
    pub title: String,
    /// What it is for, in a few lines.
    pub summary: Option<String>,
    /// The day its changes take effect, where the proposal gives it.
    pub effective: Option<Spanned<Date>>,
    /// Documents the changes cite, with their origins in the proposal.
    pub sources: Vec<Source>,
    /// The changes, applied in order.
    pub changes: Vec<Change>,
}

/// One change of a proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Where the change is written.
    pub origin: Origin,
    /// What the change does.
    pub operation: Operation,
    /// Why, as the proposal says.
    pub reason: Option<String>,
    /// The document the change comes from.
    pub source: Option<Citation>,
}

/// What a change does; the types say how each operation is written.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Operation {
    /// Adds a unit to an organisation.
    AddUnit {
        /// The unit, as a description declares one (boxed: a unit is large beside the other
        /// operations).
        unit: Box<Spanned<Unit>>,
        /// The organisation it belongs to.
        organisation: Spanned<OrganisationId>,
    },
    /// Adds a tie.
    AddTie(Spanned<Tie>),
    /// Removes a unit and every tie to or from it.
    RemoveUnit(Spanned<UnitId>),
    /// Removes a tie.
    RemoveTie(Spanned<TieRef>),
    /// Places a unit under another superior.
    Move(Spanned<Move>),
    /// Gives a unit another name or acronym.
    Rename(Spanned<Rename>),
    /// Makes a unit of another kind.
    ChangeKind(Spanned<KindChange>),
    /// Sets or clears other fields of a unit.
    Update(Spanned<Update>),
    /// Merges a unit into another, which takes over its ties.
    Merge(Spanned<Merge>),
    /// Splits a unit into new ones, which share out its ties.
    Split(Spanned<Split>),
}

impl Operation {
    /// The operation's name as written in proposals.
    pub const fn name(&self) -> &'static str {
        match self {
            Operation::AddUnit { .. } => "add-unit",
            Operation::AddTie(_) => "add-tie",
            Operation::RemoveUnit(_) => "remove-unit",
            Operation::RemoveTie(_) => "remove-tie",
            Operation::Move(_) => "move",
            Operation::Rename(_) => "rename",
            Operation::ChangeKind(_) => "change-kind",
            Operation::Update(_) => "update",
            Operation::Merge(_) => "merge",
            Operation::Split(_) => "split",
        }
    }
}

impl ProposalFile {
    /// The file's text in the canonical form organigram writes
    /// ([`crate::model::canonical_json`]), as `fmt` writes it.
    pub fn to_json(&self) -> serde_json::Result<String> {
        crate::model::canonical_json(self)
    }

    /// The JSON Schema (draft-07) of a proposal file, generated from these types.
    pub fn json_schema() -> serde_json::Value {
        let generator = schemars::generate::SchemaSettings::draft07().into_generator();
        generator.into_root_schema_for::<ProposalFile>().to_value()
    }
}

/// Reads the proposal at `path` into `files`, within the limits. Every problem is located in
/// the proposal file.
pub fn read(path: &Path, limits: Limits, files: &mut Files) -> Result<Proposal, Vec<Diagnostic>> {
    let mut diagnostics = Vec::new();
    let Some(file) = read_file(path.to_owned(), limits, files, &mut diagnostics) else {
        return Err(diagnostics
            .into_iter()
            .map(|d| match d.code {
                Code::Io if d.hint == Some(not_found_hint()) => {
                    d.with_hint(text!("proposal-check-path"))
                }
                _ => d,
            })
            .collect());
    };
    parse(file, files.text(file), limits.max_depth)
}

/// Parses the text of a proposal file registered as `file`.
pub fn parse(file: FileId, text: &str, max_depth: u32) -> Result<Proposal, Vec<Diagnostic>> {
    let read = json::read::<ProposalFile>(text, max_depth);
    let mut diagnostics: Vec<Diagnostic> =
        read.errors.into_iter().map(|e| diagnose(file, e)).collect();
    let Some(doc) = read.value else {
        return Err(diagnostics);
    };
    let at = |span| Origin::new(file, span);
    let sources = doc
        .sources
        .into_iter()
        .filter_map(Recover::ok)
        .map(
            |Spanned {
                 span,
                 value: mut source,
             }| {
                source.origin = at(span);
                source
            },
        )
        .collect();
    let changes = doc
        .changes
        .into_iter()
        .filter_map(Recover::ok)
        .filter_map(|entry| match change(at(entry.span), entry.value) {
            Ok(change) => Some(change),
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                None
            }
        })
        .collect();
    if !diagnostics.is_empty() {
        diagnostics.sort_by_key(|d| d.origin.map(|o| o.span.start));
        return Err(diagnostics);
    }
    Ok(Proposal {
        file,
        title: doc.title,
        summary: doc.summary,
        effective: doc.effective,
        sources,
        changes,
    })
}

/// The change an entry states, which must hold exactly one operation, and `organisation` with
/// `add-unit` only.
fn change(origin: Origin, entry: ChangeEntry) -> Result<Change, Diagnostic> {
    let ChangeEntry {
        add_unit,
        organisation,
        add_tie,
        remove_unit,
        remove_tie,
        move_unit,
        rename,
        change_kind,
        update,
        merge,
        split,
        reason,
        source,
    } = entry;
    let organisation_span = organisation.as_ref().map(|o| o.span);
    let mut operations: Vec<Operation> = [
        add_tie.map(Operation::AddTie),
        remove_unit.map(Operation::RemoveUnit),
        remove_tie.map(Operation::RemoveTie),
        move_unit.map(Operation::Move),
        rename.map(Operation::Rename),
        change_kind.map(Operation::ChangeKind),
        update.map(Operation::Update),
        merge.map(Operation::Merge),
        split.map(Operation::Split),
    ]
    .into_iter()
    .flatten()
    .collect();
    match (add_unit, organisation) {
        (Some(unit), Some(organisation)) => {
            operations.insert(
                0,
                Operation::AddUnit {
                    unit: Box::new(unit),
                    organisation,
                },
            );
        }
        (Some(unit), None) => {
            return Err(Diagnostic::new(
                Code::MissingField,
                text!("proposal-add-unit-organisation"),
            )
            .at(origin.at(unit.span))
            .with_label(text!("proposal-add-unit-organisation-label"))
            .with_hint(text!("proposal-add-unit-organisation-hint")));
        }
        (None, Some(_) | None) => {}
    }
    match (operations.len(), organisation_span) {
        (1, Some(span)) if !matches!(operations[0], Operation::AddUnit { .. }) => {
            Err(Diagnostic::new(
                Code::InvalidValue,
                text!("proposal-organisation-only-add-unit"),
            )
            .at(origin.at(span))
            .with_hint(text!(
                "proposal-organisation-only-add-unit-hint",
                operation = operations[0].name()
            )))
        }
        (1, _) => Ok(Change {
            origin,
            operation: operations.remove(0),
            reason,
            source,
        }),
        (0, _) => Err(
            Diagnostic::new(Code::InvalidValue, text!("proposal-no-operation"))
                .at(origin)
                .with_hint(text!("proposal-no-operation-hint")),
        ),
        (n, _) => {
            let names: Vec<&str> = operations.iter().map(Operation::name).collect();
            Err(Diagnostic::new(
                Code::InvalidValue,
                text!(
                    "proposal-several-operations",
                    n = n,
                    names = names.join(", ")
                ),
            )
            .at(origin)
            .with_hint(text!("proposal-several-operations-hint")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Result<Proposal, Vec<(Code, String)>> {
        parse(FileId(0), text, json::DEFAULT_MAX_DEPTH)
            .map_err(|ds| ds.into_iter().map(|d| (d.code, d.message.into())).collect())
    }

    #[test]
    fn every_operation_reads() {
        let proposal = parsed(
            r#"{"title": "T", "changes": [
                {"add-unit": {"id": "n", "name": "N", "kind": "bureau"}, "organisation": "o"},
                {"add-tie": {"kind": "attachment", "from": "n", "to": "a"}, "reason": "r"},
                {"remove-unit": "a"},
                {"remove-tie": {"kind": "cooperation", "from": "a", "to": "b"}},
                {"move": {"unit": "a", "to": "b", "kind": "line-authority"}},
                {"rename": {"unit": "a", "acronym": null}},
                {"change-kind": {"unit": "a", "kind": "service"}},
                {"merge": {"unit": "a", "into": "b"}},
                {"split": {"unit": "a", "into": [{"id": "x", "name": "X", "kind": "bureau"}],
                           "assign": [{"tie": {"kind": "cooperation", "from": "a", "to": "b"}, "unit": "x"}]}}
            ]}"#,
        )
        .unwrap();
        let names: Vec<&str> = proposal
            .changes
            .iter()
            .map(|c| c.operation.name())
            .collect();
        assert_eq!(
            names,
            [
                "add-unit",
                "add-tie",
                "remove-unit",
                "remove-tie",
                "move",
                "rename",
                "change-kind",
                "merge",
                "split"
            ]
        );
        let Operation::Rename(rename) = &proposal.changes[5].operation else {
            panic!("not a rename");
        };
        assert_eq!(rename.acronym, Some(None));
        assert_eq!(proposal.changes[1].reason.as_deref(), Some("r"));
    }

    #[test]
    fn a_proposal_may_say_when_it_takes_effect() {
        let proposal = parsed(r#"{"title": "T", "effective": "2026-01", "changes": []}"#).unwrap();
        assert_eq!(
            proposal.effective.map(|e| e.value),
            Date::parse("2026-01").ok()
        );
        let errors =
            parsed(r#"{"title": "T", "effective": "2026-13", "changes": []}"#).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].1.contains("there is no month 13"), "{errors:?}");
    }

    #[test]
    fn a_change_holds_one_operation_and_organisation_goes_with_add_unit() {
        let errors = parsed(
            r#"{"title": "T", "changes": [
                {},
                {"remove-unit": "a", "merge": {"unit": "a", "into": "b"}},
                {"remove-unit": "a", "organisation": "o"},
                {"add-unit": {"id": "n", "name": "N", "kind": "bureau"}},
                {"remove-unit": "a", "reasons": "typo"}
            ]}"#,
        )
        .unwrap_err();
        let codes: Vec<Code> = errors.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            codes,
            [
                Code::InvalidValue,
                Code::InvalidValue,
                Code::InvalidValue,
                Code::MissingField,
                Code::UnknownField,
            ]
        );
        assert_eq!(
            errors[1].1,
            "this change holds 2 operations (remove-unit, merge); a change holds one"
        );
    }
}
