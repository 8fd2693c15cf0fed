//! Ties between units: who is attached to, works with, steers whom.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Date, Origin, Spanned, TieKind, UnitId};

/// A tie from one unit to another. It reads "`from` *kind's verb* `to`".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tie {
    pub kind: Spanned<TieKind>,
    pub from: Spanned<UnitId>,
    pub to: Spanned<UnitId>,
    /// When the tie started to hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// When it stopped holding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    #[serde(skip)]
    pub origin: Origin,
}
