//! Ties between units: who is attached to, works with, steers whom.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Date, Origin, Period, Spanned, TieKind, UnitId};

/// A tie from one unit to another. It reads "`from` *kind's verb* `to`".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tie {
    /// What the tie says.
    pub kind: Spanned<TieKind>,
    /// The unit the tie reads from: the subordinate of a hierarchical tie.
    pub from: Spanned<UnitId>,
    /// The unit the tie reads to: the superior of a hierarchical tie.
    pub to: Spanned<UnitId>,
    /// When the tie started to hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// When it stopped holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// Anything a reader of the tie should know that its fields cannot say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The document that states the tie.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// Where the tie is declared.
    #[serde(skip)]
    pub origin: Origin,
}

/// What identifies a tie when two versions of a description are compared: its kind and its two
/// ends, in a canonical order for a symmetric kind (a cooperation of A with B is one of B with A).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TieKey {
    /// The tie's kind.
    pub kind: TieKind,
    /// Its `from` end, or the lesser id of a symmetric tie.
    pub from: UnitId,
    /// Its `to` end, or the greater id of a symmetric tie.
    pub to: UnitId,
}

impl TieKey {
    /// The key of a tie of `kind` from `from` to `to`.
    pub fn new(kind: TieKind, from: UnitId, to: UnitId) -> TieKey {
        if kind.is_symmetric() && to < from {
            TieKey {
                kind,
                from: to,
                to: from,
            }
        } else {
            TieKey { kind, from, to }
        }
    }
}

/// "`a` is attached to `b`": a tie as a sentence, for messages.
fn sentence(
    f: &mut std::fmt::Formatter<'_>,
    from: &UnitId,
    kind: TieKind,
    to: &UnitId,
) -> std::fmt::Result {
    write!(f, "`{from}` {} `{to}`", kind.verb())
}

impl std::fmt::Display for Tie {
    /// "`a` is attached to `b`", ends as declared.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        sentence(f, &self.from.value, self.kind.value, &self.to.value)
    }
}

impl std::fmt::Display for TieKey {
    /// "`a` is attached to `b`".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        sentence(f, &self.from, self.kind, &self.to)
    }
}

impl Tie {
    /// A tie with only its kind and ends, no dates, note or source: the start of a tie built by a
    /// program.
    pub fn new(kind: Spanned<TieKind>, from: Spanned<UnitId>, to: Spanned<UnitId>) -> Tie {
        Tie {
            kind,
            from,
            to,
            valid_from: None,
            valid_until: None,
            note: None,
            source: None,
            origin: Origin::default(),
        }
    }

    /// When the tie holds: from its `valid_from` to its `valid_until` ([`Period`]).
    pub const fn period(&self) -> Period {
        Period::new(self.valid_from, self.valid_until)
    }

    /// The tie's [`TieKey`].
    pub fn key(&self) -> TieKey {
        TieKey::new(
            self.kind.value,
            self.from.value.clone(),
            self.to.value.clone(),
        )
    }
}
