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
use crate::model::{Lang, OrganisationIndex, TieKind, UnitKind};

/// The most unit ids one answer offers: the best by validity, organisation and match. The
/// list is then marked incomplete, for the editor to ask again as more is typed.
const MOST: usize = 200;

/// The completions at the cursor; `None` where nothing is completed, or in a file not of the
/// workspace.
pub(crate) fn completion(state: &State, params: &CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let opened = opened(state, &at.text_document.uri)?;
    let offset = opened.offset(at.position);
    let cursor = syntax::cursor(opened.document(), opened.text, offset);
    let lang = state.lang();
    match cursor.place {
        Place::Key => Some(fields(&opened, &cursor, offset)),
        Place::Value => {
            let role = match &cursor.token {
                Some(token) => token.role,
                None => syntax::role_at(opened.document().kind, &cursor.path, false),
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

/// A unit that may be named: of the description, or declared in the file as it is being
/// typed (a file that does not read yet gives the description none of its units).
struct Candidate<'a> {
    /// Its id.
    id: &'a str,
    /// Its name, if known.
    name: &'a str,
    /// Its acronym, if any.
    acronym: Option<&'a str>,
    /// Its kind, if known.
    kind: Option<UnitKind>,
    /// Whether it is of the file's organisation, or declared in the file.
    here: bool,
}

impl Candidate<'_> {
    /// How well the unit matches what is typed, best first: its id starts with it, its id
    /// holds it, its name or acronym holds it; `None` when nothing does.
    fn matching(&self, typed: &str) -> Option<u8> {
        if typed.is_empty() || self.id.starts_with(typed) {
            return Some(0);
        }
        let id = self.id.to_lowercase();
        if id.starts_with(typed) {
            Some(0)
        } else if id.contains(typed) {
            Some(1)
        } else if self.name.to_lowercase().contains(typed)
            || self
                .acronym
                .is_some_and(|acronym| acronym.to_lowercase().contains(typed))
        {
            Some(2)
        } else {
            None
        }
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

/// Every unit that may be named from the file: the description's, then those the file
/// declares that the description does not have.
fn candidates<'a>(opened: &'a Opened<'_>) -> Vec<Candidate<'a>> {
    let graph = &opened.analysis.described.graph;
    let organisation = organisation_of_file(opened);
    let declared: Vec<&StringToken> = opened
        .document()
        .strings
        .iter()
        .filter(|token| token.role == Some(Role::UnitDeclaration))
        .collect();
    let here: HashSet<&str> = declared.iter().map(|token| token.value.as_str()).collect();
    let mut candidates: Vec<Candidate<'a>> = graph
        .units()
        .map(|(ix, unit)| Candidate {
            id: unit.id.as_str(),
            name: &unit.name,
            acronym: unit.acronym.as_deref(),
            kind: Some(unit.kind.value),
            here: here.contains(unit.id.as_str())
                || organisation.is_some_and(|o| graph.belonging(ix) == Belonging::Described(o)),
        })
        .collect();
    for token in declared {
        if graph.find_id(&token.value).is_some() {
            continue;
        }
        let object = token
            .path
            .get(..token.path.len().saturating_sub(1))
            .unwrap_or_default();
        candidates.push(Candidate {
            id: &token.value,
            name: opened.field(object, "name").unwrap_or_default(),
            acronym: opened.field(object, "acronym"),
            kind: opened.field(object, "kind").and_then(UnitKind::from_name),
            here: true,
        });
    }
    candidates
}

/// The unit ids for a unit reference at `path`, ranked: for a tie's end, the units the tie's
/// kind allows there first; then the units of the file's organisation; then by how well they
/// match what is typed, then in declaration order. At most [`MOST`].
fn units(opened: &Opened<'_>, slot: &Slot, path: &[Step], lang: Lang) -> CompletionResponse {
    let graph = &opened.analysis.described.graph;
    let allowed = tie_end(path).and_then(|(tie, end)| allowed_families(opened, graph, tie, end));
    let candidates = candidates(opened);
    let mut ranked: Vec<_> = candidates
        .iter()
        .enumerate()
        .filter_map(|(order, unit)| {
            let quality = unit.matching(&slot.typed)?;
            let forbidden = allowed.as_ref().is_some_and(|allowed| {
                unit.kind
                    .is_none_or(|kind| !allowed.contains(&kind.family()))
            });
            Some(((forbidden, !unit.here, quality), order))
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
        .filter_map(|(rank, (_, order))| {
            let unit = candidates.get(order)?;
            let mut filter = format!("{} {}", unit.id, unit.name);
            if let Some(acronym) = unit.acronym {
                filter.push(' ');
                filter.push_str(acronym);
            }
            let detail = match unit.kind {
                Some(kind) => format!("{} — {}", unit.name, kind.label_in(lang)),
                None => unit.name.to_owned(),
            };
            Some(CompletionItem {
                label: unit.id.to_owned(),
                kind: Some(CompletionItemKind::REFERENCE),
                detail: Some(detail),
                filter_text: Some(filter),
                sort_text: Some(format!("{rank:04}")),
                text_edit: slot.edit(unit.id),
                ..CompletionItem::default()
            })
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

/// What makes the names of one kind: each name, English or French, with the kind's English
/// name, label and description.
fn namer(
    english: &'static str,
    label: &'static str,
    description: &'static str,
) -> impl Fn(&'static str, bool) -> KindName {
    move |name, french| KindName {
        name,
        english,
        label,
        description,
        french,
    }
}

/// The names of every unit kind, English and French.
fn unit_kinds(slot: &Slot, lang: Lang) -> Vec<CompletionItem> {
    let mut names = Vec::new();
    for &kind in UnitKind::ALL {
        let name = namer(kind.as_str(), kind.label_in(lang), kind.description());
        names.push(name(kind.as_str(), false));
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
        let name = namer(english, kind.label_in(lang), kind.description());
        names.push(name(english, false));
        if kind.french_name() != english {
            names.push(name(kind.french_name(), true));
        }
        names.extend(kind.other_names().iter().map(|&other| name(other, true)));
    }
    kind_items(names, slot, lang)
}

/// The ids of the sources a citation may name: those the file declares first (a proposal's
/// own are no part of the description), then the description's.
fn sources(opened: &Opened<'_>, slot: &Slot) -> Vec<CompletionItem> {
    let graph = &opened.analysis.described.graph;
    let mut seen = HashSet::new();
    let here = opened
        .document()
        .strings
        .iter()
        .filter(|token| token.role == Some(Role::SourceDeclaration))
        .map(|token| {
            let title = graph
                .source(&token.value)
                .map(|source| source.title.as_str());
            (token.value.as_str(), title)
        });
    let declared = here.chain(
        graph
            .sources()
            .map(|source| (source.id.as_str(), Some(source.title.as_str()))),
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
        .document()
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
    let items = syntax::fields(opened.document().kind, object)
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
