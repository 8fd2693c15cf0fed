//! The shape of a proposal file on disk; its JSON Schema is generated from it.

use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{
    Citation, Date, OrganisationId, Recover, Source, Spanned, Tie, TieKind, Unit, UnitId, UnitKind,
};

/// A proposal file: changes to a description, applied in order, each with its reason and source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "organigram proposal")]
pub struct ProposalFile {
    /// The JSON Schema the file follows, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// What the proposal does, in a line.
    pub title: String,
    /// Why it is made and what it is expected to change, at more length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The day the changes take effect (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a partial date
    /// standing for its first day): commands work on the structure of that day unless
    /// `--as-of` names a later one, and `apply` dates the changes with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Spanned<Date>>,
    /// Documents the changes cite (a draft decree, a note), declared as in a description file and
    /// added to the description's sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Recover<Spanned<Source>>>,
    /// The changes, applied in this order: a change sees the structure the ones before it left.
    pub changes: Vec<Recover<Spanned<ChangeEntry>>>,
}

/// The fields of a change that are not operations.
pub(crate) const NOT_OPERATIONS: [&str; 3] = ["organisation", "reason", "source"];

/// One change: exactly one operation (`add-unit`, `add-tie`, `remove-unit`, `remove-tie`,
/// `move`, `rename`, `change-kind`, `update`, `merge`, `split`), with its reason and source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(transform = one_operation)]
pub struct ChangeEntry {
    /// Adds a unit or post, declared as in a description file; `organisation` says which
    /// organisation it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_unit: Option<Spanned<Unit>>,
    /// With `add-unit` only: the id of the organisation (a description file's
    /// `organisation.id`) the new unit belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Spanned<OrganisationId>>,
    /// Adds a tie, declared as in a description file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add_tie: Option<Spanned<Tie>>,
    /// Removes a unit, and every tie to or from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_unit: Option<Spanned<UnitId>>,
    /// Removes every tie of this kind from `from` to `to` (either way round for a symmetric
    /// kind).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_tie: Option<Spanned<TieRef>>,
    /// Re-attaches a unit elsewhere.
    #[serde(default, rename = "move", skip_serializing_if = "Option::is_none")]
    pub move_unit: Option<Spanned<Move>>,
    /// Gives a unit a new name, acronym, or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rename: Option<Spanned<Rename>>,
    /// Makes a unit of another kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_kind: Option<Spanned<KindChange>>,
    /// Sets or clears other fields of a unit (its remit, headcount, dates, source…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<Spanned<Update>>,
    /// Merges a unit into another, which survives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merge: Option<Spanned<Merge>>,
    /// Replaces a unit with several new ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<Spanned<Split>>,
    /// Why the change is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The document that decides or proposes the change; the ties and units the change makes
    /// cite it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
}

/// A tie of the description, named by its kind and its two ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TieRef {
    /// The tie's kind.
    pub kind: Spanned<TieKind>,
    /// Its `from` end.
    pub from: Spanned<UnitId>,
    /// Its `to` end.
    pub to: Spanned<UnitId>,
}

/// Re-attaches `unit` under `to`: its attachments (`attachment` and `joint-attachment` ties out
/// of it) are replaced by one tie of `kind` to `to`, and its `boundary` is dropped. Line
/// authority is a fact of its own: a move keeps the unit's `line-authority` ties, and a move with
/// `kind: line-authority` replaces those only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Move {
    /// The unit to move.
    pub unit: Spanned<UnitId>,
    /// The new parent.
    pub to: Spanned<UnitId>,
    /// The kind of the new tie: `attachment` (the default), `line-authority` or
    /// `joint-attachment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Spanned<TieKind>>,
}

/// Gives `unit` a new `name`, a new `acronym` (`null` removes it), or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rename {
    /// The unit to rename.
    pub unit: Spanned<UnitId>,
    /// Its new name, if it changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its new acronym, if it changes: `null` removes it.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[allow(clippy::option_option)] // Absent, `null` and a text are three different changes.
    pub acronym: Option<Option<String>>,
}

/// A field that, when present, may be `null`: `Some(None)`.
#[allow(clippy::option_option)] // As `Rename::acronym`.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

/// Makes `unit` a unit of `kind`. A post that becomes another kind loses the facts only posts
/// have (`vacant`, `vacant_from`, `recruiting`, `newly_created`, `term_months`, `grade`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KindChange {
    /// The unit whose kind changes.
    pub unit: Spanned<UnitId>,
    /// Its new kind.
    pub kind: Spanned<UnitKind>,
}

/// Sets fields of `unit` other than those `rename` and `change-kind` change: each field of `set`
/// is written as in a description file (`"remit": "…"`, `"headcount": {…}`), `null` clearing it.
/// The unit keeps its id, name, acronym, kind, organisation and ties; the fields of `set` must
/// make a unit a description file could declare.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// The unit to update.
    pub unit: Spanned<UnitId>,
    /// The fields to set, by their names in description files; `null` clears a field.
    pub set: Spanned<serde_json::Map<String, serde_json::Value>>,
}

/// The fields of a unit that `update` may not set: other operations change them, or (`id`) no
/// change does.
pub const NOT_UPDATED: [&str; 4] = ["id", "name", "acronym", "kind"];

/// Merges `unit` into `into`: every tie of `unit` is re-pointed to `into`, except those that
/// would join `into` to itself or repeat a tie `into` already has, which are dropped; `unit` is
/// removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The unit merged away.
    pub unit: Spanned<UnitId>,
    /// The unit that survives.
    pub into: Spanned<UnitId>,
}

/// Replaces `unit` with the units of `into` (two or more, new ids, in `unit`'s organisation).
/// Each new unit gets `unit`'s parents (its hierarchical ties out); every other tie of `unit`
/// goes to the first new unit, unless `assign` gives it to another. An assigned parent tie goes
/// to its unit only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Split {
    /// The unit split up, which goes.
    pub unit: Spanned<UnitId>,
    /// The new units, declared as in a description file.
    pub into: Vec<Spanned<Unit>>,
    /// Ties of `unit` that go to another new unit than the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assign: Vec<Spanned<Assignment>>,
}

/// Gives one tie of a split unit to one of the new units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// The tie, as the description states it (one of its ends is the split unit).
    pub tie: Spanned<TieRef>,
    /// The new unit that takes it.
    pub unit: Spanned<UnitId>,
}

/// Makes the schema of a change require exactly one operation, and `organisation` go with
/// `add-unit`, as reading a change does.
fn one_operation(schema: &mut Schema) {
    let operations: Vec<String> = schema
        .get("properties")
        .and_then(|p| p.as_object())
        .map(|p| {
            p.keys()
                .filter(|k| !NOT_OPERATIONS.contains(&k.as_str()))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let one_of: Vec<serde_json::Value> = operations
        .iter()
        .map(|op| serde_json::json!({ "required": [op] }))
        .collect();
    schema.insert("oneOf".to_owned(), one_of.into());
    schema.insert(
        "dependencies".to_owned(),
        serde_json::json!({ "add-unit": ["organisation"], "organisation": ["add-unit"] }),
    );
}
