//! The shape of one description file on disk; the JSON Schema is generated from it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Organisation, Recover, Source, Spanned, Tie, Unit};

/// The text of a description or proposal file in organigram's canonical form, the one writer of
/// both: JSON with two-space indents, one field a line, the fields in the order of the format
/// (that of the schema), those left at their defaults left out, every unit, tie and change an
/// object on its own lines, each item of a list on its own line; names of kinds as organigram
/// writes them (in English: `sous-direction` becomes `sub-directorate`, which reads the same);
/// text kept as written, non-ASCII characters unescaped (only `"`, `\\` and control characters
/// are escaped, as JSON requires); whole numbers in decimal; lines ended by a line feed alone, the last one too; no byte-order
/// mark. Reading the text
/// gives back what was written: the form changes nothing a description means.
pub fn canonical_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// One description file: an organisation, the sources its facts come from, its units and its
/// ties. Ties may name units declared in other files of the same description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "organigram description file")]
pub struct DescriptionFile {
    /// The JSON Schema the file follows, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The organisation the file describes.
    pub organisation: Spanned<Organisation>,
    /// The documents the facts of the file, or of other files, are cited from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Recover<Spanned<Source>>>,
    /// The organisation's units and posts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Recover<Spanned<Unit>>>,
    /// Ties from the file's units to units of any file of the description.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ties: Vec<Recover<Spanned<Tie>>>,
}

impl DescriptionFile {
    /// The file's text in the canonical form organigram writes ([`canonical_json`]). Importers,
    /// the generator, `apply`, `new` and `fmt` write it.
    pub fn to_json(&self) -> serde_json::Result<String> {
        canonical_json(self)
    }

    /// The JSON Schema (draft-07) of a description file, generated from these types.
    pub fn json_schema() -> serde_json::Value {
        let generator = schemars::generate::SchemaSettings::draft07().into_generator();
        generator
            .into_root_schema_for::<DescriptionFile>()
            .to_value()
    }
}
