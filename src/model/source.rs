//! Provenance: the documents facts come from, and the citations that point at them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Date, Origin, SourceId, Spanned};

/// A document that states facts of the description: a job posting, a decree, a register.
/// Declared once, in any file, and cited by its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A slug, unique across the description, that citations name (`seed-000`).
    pub id: Spanned<SourceId>,
    /// The document's title.
    #[serde(deserialize_with = "crate::model::text::named")]
    #[schemars(regex(pattern = r"\S"))]
    pub title: String,
    /// Its reference number, if it has one (`2025-2009395`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Where it can be read online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where a copy lies on disk, relative to the description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Where the source is declared.
    #[serde(skip)]
    pub origin: Origin,
}

/// A pointer from a unit or a tie to the source that states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The id of a declared source.
    #[serde(rename = "ref")]
    pub source: Spanned<SourceId>,
    /// The sentence of the source that states the fact, quoted briefly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where in the source: a section, a page, a paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}
