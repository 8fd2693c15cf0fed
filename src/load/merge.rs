//! Merging parsed files into one description: ids unique across files, attributes that fit
//! their unit's kind.

use indexmap::IndexMap;
use indexmap::map::Entry;

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::text;
use crate::model::{
    Description, DescriptionFile, FileId, OrganisationId, OrganisationIndex, Origin, Recover,
    Spanned, UnitKind,
};

/// Merges files one by one, in the order given; the first declaration of an id wins, later
/// ones are reported with both places.
#[derive(Default)]
pub(super) struct Merger {
    /// Where each organisation id was first declared.
    organisation_ids: IndexMap<OrganisationId, Origin>,
}

impl Merger {
    /// Merges one parsed file into `description`, consuming it, so that loading holds one
    /// file's parse tree at a time beside the description.
    pub(super) fn merge(
        &mut self,
        description: &mut Description,
        file: FileId,
        doc: DescriptionFile,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let at = |span| Origin::new(file, span);
        let Spanned {
            span,
            value: mut organisation,
        } = doc.organisation;
        organisation.origin = at(span);
        let index =
            OrganisationIndex(u32::try_from(description.organisations.len()).unwrap_or(u32::MAX));
        match self.organisation_ids.entry(organisation.id.value.clone()) {
            Entry::Occupied(first) => diagnostics.push(duplicate(
                "organisation",
                organisation.id.as_str(),
                at(organisation.id.span),
                *first.get(),
            )),
            Entry::Vacant(slot) => {
                slot.insert(at(organisation.id.span));
            }
        }
        description.organisations.push(organisation);

        for Spanned {
            span,
            value: mut source,
        } in doc.sources.into_iter().filter_map(Recover::ok)
        {
            source.origin = at(span);
            match description.sources.entry(source.id.value.clone()) {
                Entry::Occupied(first) => diagnostics.push(duplicate(
                    "source",
                    source.id.as_str(),
                    at(source.id.span),
                    first.get().origin.at(first.get().id.span),
                )),
                Entry::Vacant(slot) => {
                    slot.insert(source);
                }
            }
        }

        for Spanned {
            span,
            value: mut unit,
        } in doc.units.into_iter().filter_map(Recover::ok)
        {
            unit.origin = at(span);
            unit.organisation = index;
            if unit.kind.value != UnitKind::Post {
                for (field, span) in unit.post_facts() {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::AttributeNotAllowed,
                            text!(
                                "merge-post-fact",
                                field = field,
                                id = unit.id.as_str(),
                                kind = unit.kind.value
                            ),
                        )
                        .at(at(span.unwrap_or(unit.id.span)))
                        .with_related(at(unit.kind.span), text!("merge-post-fact-related"))
                        .with_hint(text!("merge-post-fact-hint", field = field))
                        .about([unit.id.to_string()]),
                    );
                }
            }
            match description.units.entry(unit.id.value.clone()) {
                Entry::Occupied(first) => diagnostics.push(duplicate(
                    "unit",
                    unit.id.as_str(),
                    at(unit.id.span),
                    first.get().origin.at(first.get().id.span),
                )),
                Entry::Vacant(slot) => {
                    slot.insert(unit);
                }
            }
        }

        description
            .ties
            .extend(doc.ties.into_iter().filter_map(Recover::ok).map(
                |Spanned {
                     span,
                     value: mut tie,
                 }| {
                    tie.origin = at(span);
                    tie
                },
            ));
    }
}

fn duplicate(what: &str, id: &str, again: Origin, first: Origin) -> Diagnostic {
    Diagnostic::new(
        Code::DuplicateId,
        text!("merge-duplicate-id", what = what, id = id),
    )
    .at(again)
    .with_label(text!("declared-again-here"))
    .with_related(first, text!("first-declared-here"))
    .with_hint(text!("merge-duplicate-id-hint", what = what))
    .about([what, id])
}
