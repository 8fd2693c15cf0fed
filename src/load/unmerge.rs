//! The inverse of merging: a description put back into the files it was read from, for a command
//! that changes a description in place (`apply`).

use std::collections::HashMap;

use super::Files;
use crate::model::{
    Citation, Description, DescriptionFile, FileId, Recover, SourceId, Spanned, UnitId,
};

/// The files `description` was read from, one an organisation, in the order read, each with what
/// the description now holds for it: the organisation, then the sources, units and ties declared
/// in the file, in declaration order, each file keeping its `$schema` (read again from its text in
/// `files`).
///
/// What is declared elsewhere (by a proposal) goes where it belongs, after what the file
/// declares: a unit to its organisation's file; a tie to the file of its `from` unit, as ties are
/// written beside the unit they read from (or of its `to` unit, if `from` is unknown); a source to
/// the file of the first unit, past or tie that cites it, or else the first file. Linear in the
/// size of the description.
pub fn unmerge<'a>(description: &'a Description, files: &Files) -> Vec<(FileId, DescriptionFile)> {
    let mut docs: Vec<(FileId, DescriptionFile)> = description
        .organisations
        .iter()
        .map(|organisation| {
            let file = organisation.origin.file;
            let doc = DescriptionFile {
                schema: schema(files.text(file)),
                organisation: Spanned::new(organisation.origin.span, organisation.clone()),
                sources: Vec::new(),
                units: Vec::new(),
                ties: Vec::new(),
            };
            (file, doc)
        })
        .collect();
    if docs.is_empty() {
        return docs;
    }
    let by_file: HashMap<FileId, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, (file, _))| (*file, i))
        .collect();
    let of_unit = |id: &UnitId| {
        let unit = description.units.get(id)?;
        let index = usize::try_from(unit.organisation.0).ok()?;
        (index < docs.len()).then_some(index)
    };
    let mut cited: HashMap<&SourceId, usize> = HashMap::new();
    let mut cite = |citation: Option<&'a Citation>, index: usize| {
        if let Some(citation) = citation {
            cited.entry(&citation.source.value).or_insert(index);
        }
    };
    let mut units = Vec::with_capacity(description.units.len());
    for unit in description.units.values() {
        let index = of_unit(&unit.id.value).unwrap_or(0);
        cite(unit.source.as_ref(), index);
        for was in &unit.was {
            cite(was.source.as_ref(), index);
        }
        units.push((index, unit));
    }
    let mut ties = Vec::with_capacity(description.ties.len());
    for tie in &description.ties {
        let index = by_file
            .get(&tie.origin.file)
            .copied()
            .or_else(|| of_unit(&tie.from.value))
            .or_else(|| of_unit(&tie.to.value))
            .unwrap_or(0);
        cite(tie.source.as_ref(), index);
        ties.push((index, tie));
    }
    for source in description.sources.values() {
        let index = by_file
            .get(&source.origin.file)
            .or_else(|| cited.get(&source.id.value))
            .copied()
            .unwrap_or(0);
        let source = Spanned::new(source.origin.span, source.clone());
        docs[index].1.sources.push(Recover::Read(source));
    }
    for (index, unit) in units {
        let unit = Spanned::new(unit.origin.span, unit.clone());
        docs[index].1.units.push(Recover::Read(unit));
    }
    for (index, tie) in ties {
        let tie = Spanned::new(tie.origin.span, tie.clone());
        docs[index].1.ties.push(Recover::Read(tie));
    }
    docs
}

/// The `$schema` a description file's text gives, if any.
fn schema(text: &str) -> Option<String> {
    /// The one field of a description file read here; the others are skipped.
    #[derive(serde::Deserialize)]
    struct Head {
        #[serde(rename = "$schema")]
        schema: Option<String>,
    }
    serde_json::from_str::<Head>(text).ok()?.schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Input, Limits, load};

    /// Two files, as a description in canonical form.
    const JUSTICE: &str = r#"{
  "$schema": "../schema/description.schema.json",
  "organisation": {
    "id": "justice",
    "name": "Justice"
  },
  "sources": [
    {
      "id": "decree",
      "title": "Decree"
    }
  ],
  "units": [
    {
      "id": "justice",
      "name": "Justice",
      "kind": "ministry",
      "boundary": "top"
    },
    {
      "id": "dsj",
      "name": "Direction des services judiciaires",
      "acronym": "DSJ",
      "kind": "directorate",
      "source": {
        "ref": "decree"
      }
    }
  ],
  "ties": [
    {
      "kind": "attachment",
      "from": "dsj",
      "to": "justice"
    },
    {
      "kind": "cooperation",
      "from": "dsj",
      "to": "anssi"
    }
  ]
}
"#;
    const PARTNERS: &str = r#"{
  "organisation": {
    "id": "partners",
    "name": "Partners"
  },
  "units": [
    {
      "id": "anssi",
      "name": "ANSSI",
      "kind": "agency",
      "boundary": "parent-outside"
    }
  ]
}
"#;

    fn loaded() -> crate::load::Loaded {
        let inputs = [
            Input::Text {
                name: "justice.json".into(),
                text: JUSTICE.into(),
            },
            Input::Text {
                name: "partners.json".into(),
                text: PARTNERS.into(),
            },
        ];
        load(&inputs, Limits::default())
    }

    #[test]
    fn a_description_read_goes_back_into_its_files_as_they_were() {
        let loaded = loaded();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let texts: Vec<String> = unmerge(&loaded.description, &loaded.files)
            .iter()
            .map(|(_, doc)| doc.to_json().unwrap())
            .collect();
        assert_eq!(texts, [JUSTICE, PARTNERS]);
    }

    #[test]
    fn what_is_declared_elsewhere_goes_where_it_belongs() {
        let mut loaded = loaded();
        let d = &mut loaded.description;
        let elsewhere = crate::model::Origin::new(FileId(7), crate::model::Span::default());
        let mut unit = d.units["anssi"].clone();
        unit.id.value = UnitId::new("cnil").unwrap();
        unit.origin = elsewhere;
        let mut tie = d.ties[1].clone();
        tie.from = unit.id.clone();
        tie.to.value = UnitId::new("dsj").unwrap();
        tie.origin = elsewhere;
        let mut source = d.sources["decree"].clone();
        source.id.value = SourceId::new("law").unwrap();
        source.origin = elsewhere;
        tie.source = Some(Citation {
            source: source.id.clone(),
            quote: None,
            locator: None,
        });
        d.units.insert(unit.id.value.clone(), unit);
        d.ties.push(tie);
        d.sources.insert(source.id.value.clone(), source);
        let docs = unmerge(&loaded.description, &loaded.files);
        let partners = &docs[1].1;
        let ids: Vec<&str> = partners
            .units
            .iter()
            .filter_map(|u| match u {
                Recover::Read(unit) => Some(unit.value.id.as_str()),
                Recover::Skipped(_) => None,
            })
            .collect();
        assert_eq!(ids, ["anssi", "cnil"]);
        assert_eq!(partners.ties.len(), 1);
        assert_eq!(partners.sources.len(), 1);
        assert_eq!(docs[0].1.ties.len(), 2);
        assert_eq!(partners.schema, None);
        assert_eq!(
            docs[0].1.schema.as_deref(),
            Some("../schema/description.schema.json")
        );
    }
}
