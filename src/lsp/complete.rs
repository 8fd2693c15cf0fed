//! What the editor offers as one types (`textDocument/completion`): unit ids where a unit is
//! named (a tie's ends first by what the tie's kind allows there, then by the file's
//! organisation), unit and tie kinds in English and French, source and organisation ids, and
//! the fields an object may still take.

use std::collections::HashSet;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    CompletionTextEdit, Documentation, Range, TextEdit,
};

use super::assist::{Opened, allowed_families, opened, tie_end};
use super::server::State;
use super::syntax::{self, Cursor, Place, Role, Step, StringToken};
use crate::diagnostic::SourceMap as _;
use crate::graph::Belonging;
use crate::i18n::text;
use crate::model::{Lang, OrganisationIndex, TieKind, Unit, UnitKind};

/// The most unit ids one answer offers: the best by validity, organisation and match. The
/// list is then marked incomplete, for the editor to ask again as more is typed.
const MOST: usize = 200;

/// The completions at the cursor; `None` where nothing is completed, or in a file not of the
/// workspace.
pub(crate) fn completion(state: &State, params: &CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let opened = opened(state, &at.text_document.uri)?;
    let offset = opened.offset(at.position);
    let cursor = syntax::cursor(opened.text, offset);
    let lang = state.lang();
    match cursor.place {
        Place::Key => Some(fields(&opened, &cursor, offset)),
        Place::Value => {
            let role = match &cursor.token {
                Some(token) => token.role,
                None => syntax::role_at(opened.document.kind, &cursor.path, false),
            };
            let slot = Slot::new(&opened, cursor.token.as_ref(), offset);
            let items = match role? {
                Role::UnitReference => return Some(units(&opened, &slot, &cursor.path, lang)),
                Role::UnitKind => unit_kinds(&slot, lang),
                Role::TieKind => tie_kinds(&slot, lang),
                Role::SourceReference => sources(&opened, &slot),
                Role::OrganisationReference => organisations(&opened, &slot),
                _ => return None,
            };
            Some(CompletionResponse::List(CompletionList {
                is_incomplete: false,
                items,
            }))
        }
        Place::Elsewhere => None,
    }
}

/// Where a completed value goes: the string being typed, or the cursor when no quote is typed
/// yet.
struct Slot {
    /// What the completion replaces: the string's content, or nothing at the cursor.
    range: Range,
    /// What is typed of the value, before the cursor, lowercased.
    typed: String,
    /// What goes before the value: a quote when none is typed, after a space when right after
    /// a colon.
    open: &'static str,
    /// What goes after it: a quote when the string has no closing one.
    close: &'static str,
}

impl Slot {
    /// The slot of the string `token` at `offset`, or of the cursor when there is none.
    fn new(opened: &Opened<'_>, token: Option<&StringToken>, offset: usize) -> Slot {
        let Some(token) = token else {
            let after_colon = opened
                .text
                .get(..offset)
                .is_some_and(|before| before.ends_with(':'));
            return Slot {
                range: opened.range(offset..offset),
                typed: String::new(),
                open: if after_colon { " \"" } else { "\"" },
                close: "\"",
            };
        };
        let end = offset.clamp(token.inner.start, token.inner.end);
        Slot {
            range: opened.range(token.inner.clone()),
            typed: opened
                .text
                .get(token.inner.start..end)
                .unwrap_or_default()
                .to_lowercase(),
            open: "",
            close: if token.span.end == token.inner.end {
                "\""
            } else {
                ""
            },
        }
    }

    /// The edit that writes `value` in the slot, as an item's `textEdit`.
    #[allow(clippy::unnecessary_wraps)] // What `CompletionItem::text_edit` takes.
    fn edit(&self, value: &str) -> Option<CompletionTextEdit> {
        let new = format!("{}{value}{}", self.open, self.close);
        Some(CompletionTextEdit::Edit(TextEdit::new(self.range, new)))
    }
}

/// How well a unit matches what is typed, best first: its id starts with it, its id holds it,
/// its name or acronym holds it; `None` when nothing does.
fn matching(unit: &Unit, typed: &str) -> Option<u8> {
    let id = unit.id.as_str();
    if typed.is_empty() || id.starts_with(typed) {
        return Some(0);
    }
    let id = id.to_lowercase();
    if id.starts_with(typed) {
        Some(0)
    } else if id.contains(typed) {
        Some(1)
    } else if unit.name.to_lowercase().contains(typed)
        || unit
            .acronym
            .as_ref()
            .is_some_and(|acronym| acronym.to_lowercase().contains(typed))
    {
        Some(2)
    } else {
        None
    }
}

/// The organisation the file describes, if it is a description's file.
fn organisation_of_file(opened: &Opened<'_>) -> Option<OrganisationIndex> {
    let described = &opened.analysis.described;
    let index = described
        .graph
        .organisations()
        .iter()
        .position(|organisation| described.files.name(organisation.origin.file) == opened.path)?;
    u32::try_from(index).ok().map(OrganisationIndex)
}

/// The unit ids for a unit reference at `path`, ranked: for a tie's end, the units the tie's
/// kind allows there first; then the units of the file's organisation; then by how well they
/// match what is typed, then in declaration order. At most [`MOST`].
fn units(opened: &Opened<'_>, slot: &Slot, path: &[Step], lang: Lang) -> CompletionResponse {
    let graph = &opened.analysis.described.graph;
    let allowed = tie_end(path).and_then(|(tie, end)| allowed_families(opened, graph, tie, end));
    let organisation = organisation_of_file(opened);
    let mut ranked: Vec<_> = graph
        .units()
        .filter_map(|(ix, unit)| {
            let quality = matching(unit, &slot.typed)?;
            let forbidden = allowed
                .as_ref()
                .is_some_and(|allowed| !allowed.contains(&unit.kind.value.family()));
            let elsewhere = organisation.is_some_and(|organisation| {
                graph.belonging(ix) != Belonging::Described(organisation)
            });
            Some(((forbidden, elsewhere, quality), ix))
        })
        .collect();
    let complete = ranked.len() <= MOST;
    if !complete {
        ranked.select_nth_unstable(MOST - 1);
        ranked.truncate(MOST);
    }
    ranked.sort_unstable();
    let items = ranked
        .into_iter()
        .enumerate()
        .map(|(rank, (_, ix))| {
            let unit = graph.unit(ix);
            let id = unit.id.as_str();
            let mut filter = format!("{id} {}", unit.name);
            if let Some(acronym) = &unit.acronym {
                filter.push(' ');
                filter.push_str(acronym);
            }
            CompletionItem {
                label: id.to_owned(),
                kind: Some(CompletionItemKind::REFERENCE),
                detail: Some(format!(
                    "{} — {}",
                    unit.name,
                    unit.kind.value.label_in(lang)
                )),
                filter_text: Some(filter),
                sort_text: Some(format!("{rank:04}")),
                text_edit: slot.edit(id),
                ..CompletionItem::default()
            }
        })
        .collect();
    CompletionResponse::List(CompletionList {
        is_incomplete: !complete,
        items,
    })
}

/// One name of a kind as an item: its English name first in English, its French ones first in
/// French.
struct KindName {
    /// The name, as descriptions may write it.
    name: &'static str,
    /// The kind's English name.
    english: &'static str,
    /// The kind's short label in the server's language.
    label: &'static str,
    /// Its definition.
    description: &'static str,
    /// Whether the name is French.
    french: bool,
}

/// The items of kind names, those of the server's language first, each in vocabulary order.
fn kind_items(names: Vec<KindName>, slot: &Slot, lang: Lang) -> Vec<CompletionItem> {
    names
        .into_iter()
        .enumerate()
        .map(|(order, kind)| {
            let first = kind.french == (lang == Lang::Fr);
            let detail = if kind.french {
                format!(
                    "{} — {}",
                    kind.label,
                    text!("lsp-complete-french", name = kind.english).in_lang(lang)
                )
            } else {
                kind.label.to_owned()
            };
            CompletionItem {
                label: kind.name.to_owned(),
                kind: Some(CompletionItemKind::ENUM_MEMBER),
                detail: Some(detail),
                documentation: Some(Documentation::String(kind.description.to_owned())),
                sort_text: Some(format!("{}{order:04}", u8::from(!first))),
                text_edit: slot.edit(kind.name),
                ..CompletionItem::default()
            }
        })
        .collect()
}

/// The names of every unit kind, English and French.
fn unit_kinds(slot: &Slot, lang: Lang) -> Vec<CompletionItem> {
    let mut names = Vec::new();
    for &kind in UnitKind::ALL {
        let english = kind.as_str();
        let (label, description) = (kind.label_in(lang), kind.description());
        let name = |name, french| KindName {
            name,
            english,
            label,
            description,
            french,
        };
        names.push(name(english, false));
        names.push(name(kind.french_name(), true));
        names.extend(kind.other_names().iter().map(|&other| name(other, true)));
    }
    kind_items(names, slot, lang)
}

/// The names of every tie kind, English and French.
fn tie_kinds(slot: &Slot, lang: Lang) -> Vec<CompletionItem> {
    let mut names = Vec::new();
    for &kind in TieKind::ALL {
        let english = kind.as_str();
        let (label, description) = (kind.label_in(lang), kind.description());
        let name = |name, french| KindName {
            name,
            english,
            label,
            description,
            french,
        };
        names.push(name(english, false));
        if kind.french_name() != english {
            names.push(name(kind.french_name(), true));
        }
        names.extend(kind.other_names().iter().map(|&other| name(other, true)));
    }
    kind_items(names, slot, lang)
}

/// The ids of the sources a citation may name: the description's, and those the file declares
/// itself (a proposal's own).
fn sources(opened: &Opened<'_>, slot: &Slot) -> Vec<CompletionItem> {
    let graph = &opened.analysis.described.graph;
    let mut seen = HashSet::new();
    let declared = graph
        .sources()
        .map(|source| (source.id.as_str(), Some(source.title.as_str())))
        .chain(
            opened
                .document
                .strings
                .iter()
                .filter(|token| token.role == Some(Role::SourceDeclaration))
                .map(|token| (token.value.as_str(), None)),
        );
    declared
        .filter(|(id, _)| seen.insert(*id))
        .take(MOST)
        .enumerate()
        .map(|(order, (id, title))| CompletionItem {
            label: id.to_owned(),
            kind: Some(CompletionItemKind::REFERENCE),
            detail: title.map(str::to_owned),
            filter_text: Some(match title {
                Some(title) => format!("{id} {title}"),
                None => id.to_owned(),
            }),
            sort_text: Some(format!("{order:04}")),
            text_edit: slot.edit(id),
            ..CompletionItem::default()
        })
        .collect()
}

/// The ids of the description's organisations.
fn organisations(opened: &Opened<'_>, slot: &Slot) -> Vec<CompletionItem> {
    opened
        .analysis
        .described
        .graph
        .organisations()
        .iter()
        .enumerate()
        .map(|(order, organisation)| CompletionItem {
            label: organisation.id.as_str().to_owned(),
            kind: Some(CompletionItemKind::MODULE),
            detail: Some(organisation.name.clone()),
            sort_text: Some(format!("{order:04}")),
            text_edit: slot.edit(organisation.id.as_str()),
            ..CompletionItem::default()
        })
        .collect()
}

/// The fields the object at the cursor may still take, each with its description: the
/// schema's, minus the keys it has already (the one being typed aside).
fn fields(opened: &Opened<'_>, cursor: &Cursor, offset: usize) -> CompletionResponse {
    let object = cursor.path.as_slice();
    let typed = cursor.token.as_ref().map(|token| token.span.clone());
    let present: HashSet<&str> = opened
        .document
        .strings
        .iter()
        .filter(|token| token.is_key && Some(&token.span) != typed.as_ref())
        .filter_map(|token| match token.path.split_last() {
            Some((Step::Key(key), path)) if path == object => Some(key.as_str()),
            _ => None,
        })
        .collect();
    // A key being typed before its colon is replaced whole, quotes included; one that has its
    // colon already has only its content replaced.
    let (range, whole) = match &cursor.token {
        Some(token) => {
            let rest = opened.text.get(token.span.end..).unwrap_or_default();
            if rest.trim_start().starts_with(':') && token.span.end > token.inner.end {
                (opened.range(token.inner.clone()), false)
            } else {
                (opened.range(token.span.clone()), true)
            }
        }
        None => (opened.range(offset..offset), true),
    };
    let items = syntax::fields(opened.document.kind, object)
        .into_iter()
        .filter(|(name, _)| !present.contains(name))
        .enumerate()
        .map(|(order, (name, description))| CompletionItem {
            label: name.to_owned(),
            kind: Some(CompletionItemKind::FIELD),
            documentation: description.map(|d| Documentation::String(d.to_owned())),
            filter_text: Some(if whole {
                format!("\"{name}")
            } else {
                name.to_owned()
            }),
            sort_text: Some(format!("{order:04}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                if whole {
                    format!("\"{name}\": ")
                } else {
                    name.to_owned()
                },
            ))),
            ..CompletionItem::default()
        })
        .collect();
    CompletionResponse::List(CompletionList {
        is_incomplete: false,
        items,
    })
}
