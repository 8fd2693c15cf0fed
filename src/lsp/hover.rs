//! What the editor shows over an id or a kind (`textDocument/hover`): for a unit, its name,
//! kind, acronym, head, organisation, chain of command in one line and the quote of its source;
//! for a unit out of today's structure, since or until when; for a source, its title, publisher,
//! reference and date; for a kind, its names in both languages and what it is.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::analysis::Described;
use super::assist::{Opened, markdown, opened};
use super::server::State;
use super::syntax::Role;
use crate::graph::{OrgGraph, UnitIx};
use crate::i18n::{Text, text};
use crate::model::{Lang, TieKind, Unit, UnitKind};
use crate::query::{self, Above, End};
use crate::time::Gone;

/// The most units a chain of command names in its line: a deeper chain ends in `…`.
const LONGEST_CHAIN: usize = 12;

/// The hover of the id or kind under the cursor; `None` over anything else, an id nothing
/// declares, or a file not of the workspace.
pub(crate) fn hover(state: &State, params: &HoverParams) -> Option<Hover> {
    let at = &params.text_document_position_params;
    let opened = opened(state, &at.text_document.uri)?;
    let offset = opened.offset(at.position);
    let token = opened
        .document()
        .strings
        .iter()
        .find(|token| token.span.start <= offset && offset <= token.span.end)?;
    let lang = state.lang();
    let described = &opened.analysis.described;
    let value = token.value.as_str();
    let shown = match token.role? {
        Role::UnitDeclaration | Role::UnitReference => {
            unit(described, lang, value).or_else(|| declared_here(&opened, lang, value))?
        }
        Role::SourceDeclaration | Role::SourceReference => source(&opened, lang, value)?,
        Role::OrganisationDeclaration | Role::OrganisationReference => {
            organisation(described, lang, value)?
        }
        Role::UnitKind => unit_kind(UnitKind::from_name(value)?, lang),
        Role::TieKind => tie_kind(TieKind::from_name(value)?, lang),
        Role::Field => return None,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: shown,
        }),
        range: Some(opened.range(token.span.clone())),
    })
}

/// A line of the hover: message `text` written in `lang`.
fn line(text: &Text, lang: Lang) -> String {
    text.in_lang(lang).into_owned()
}

/// The hover of the unit `id`: in today's structure, or out of it.
fn unit(described: &Described, lang: Lang, id: &str) -> Option<String> {
    let graph = &described.graph;
    if let Some(ix) = graph.find_id(id) {
        return Some(in_structure(graph, lang, ix));
    }
    let (unit, gone) = described.absent.unit(id)?;
    let mut lines = facts(lang, unit);
    let gone = match gone {
        Gone::Ended(until) => text!("lsp-hover-ended", date = until.to_string()),
        Gone::EndedUndated => text!("lsp-hover-ended-undated"),
        Gone::NotYet(from) => text!("lsp-hover-not-yet", date = from.to_string()),
    };
    lines.insert(1, format!("*{}*", markdown(&line(&gone, lang))));
    lines.extend(citation(graph, lang, unit));
    Some(lines.join("\n\n"))
}

/// The hover of a unit the file declares that the description does not have: a file that does
/// not read yet (mid-edit) gives it none of its units, but its strings still say their names.
fn declared_here(opened: &Opened<'_>, lang: Lang, id: &str) -> Option<String> {
    let declared = opened
        .document()
        .strings
        .iter()
        .find(|token| token.role == Some(Role::UnitDeclaration) && token.value == id)?;
    let object = declared.path.get(..declared.path.len().saturating_sub(1))?;
    let name = opened.field(object, "name").unwrap_or(id);
    let mut lines = vec![format!("**{}** `{id}`", markdown(name))];
    if let Some(kind) = opened.field(object, "kind").and_then(UnitKind::from_name) {
        let kind = format!("{} (`{}`)", kind.label_in(lang), kind.name_in(lang));
        lines.push(line(&text!("lsp-hover-kind", kind = kind), lang));
    }
    if let Some(acronym) = opened.field(object, "acronym") {
        let acronym = markdown(acronym);
        lines.push(line(&text!("lsp-hover-acronym", acronym = acronym), lang));
    }
    Some(lines.join("\n\n"))
}

/// The unit's title, kind and acronym: what is known of any unit, in the structure or not.
fn facts(lang: Lang, unit: &Unit) -> Vec<String> {
    let kind = unit.kind.value;
    let mut lines = vec![
        format!("**{}** `{}`", markdown(&unit.name), unit.id.as_str()),
        line(
            &text!(
                "lsp-hover-kind",
                kind = format!("{} (`{}`)", kind.label_in(lang), kind.name_in(lang))
            ),
            lang,
        ),
    ];
    if let Some(acronym) = &unit.acronym {
        let acronym = markdown(acronym);
        lines.push(line(&text!("lsp-hover-acronym", acronym = acronym), lang));
    }
    lines
}

/// The hover of a unit of today's structure.
fn in_structure(graph: &OrgGraph, lang: Lang, ix: UnitIx) -> String {
    let unit = graph.unit(ix);
    let mut lines = facts(lang, unit);
    let heads: Vec<String> = graph
        .heads()
        .of(ix)
        .into_iter()
        .map(|post| {
            let post = graph.unit(post);
            let name = markdown(&post.name);
            if post.is_vacant() {
                line(&text!("lsp-hover-vacant", post = name), lang)
            } else {
                name
            }
        })
        .collect();
    if !heads.is_empty() {
        let head = heads.join(", ");
        lines.push(line(&text!("lsp-hover-head", head = head), lang));
    }
    if let Some(organisation) = graph.organisation_name(ix) {
        let name = markdown(organisation.name);
        lines.push(line(
            &text!("lsp-hover-organisation", organisation = name),
            lang,
        ));
    }
    lines.push(chain_line(graph, lang, ix));
    lines.extend(citation(graph, lang, unit));
    lines.join("\n\n")
}

/// The chain of command of `ix` in one line, by acronyms or names, up its first branch:
/// `DiP A-JUST → DSJ → SG → Ministère de la Justice`, and how many other lines there are.
fn chain_line(graph: &OrgGraph, lang: Lang, ix: UnitIx) -> String {
    let found = query::chain(graph, ix);
    let mut names = vec![markdown(graph.unit(ix).short_name())];
    let mut above = &found.above;
    let mut end = None;
    while let Above::Superiors(steps) = above {
        let Some(step) = steps.first().and_then(|&first| found.steps.get(first)) else {
            break;
        };
        if names.len() == LONGEST_CHAIN {
            names.push("…".to_owned());
            break;
        }
        names.push(markdown(graph.unit(step.link.to).short_name()));
        above = &step.above;
    }
    if let Above::End(reason) = above {
        end = Some(*reason);
    }
    let others: usize = found.first_steps().len().saturating_sub(1)
        + found
            .steps
            .iter()
            .map(|step| match &step.above {
                Above::Superiors(steps) => steps.len().saturating_sub(1),
                _ => 0,
            })
            .sum::<usize>();
    let mut chain = names.join(" → ");
    if names.len() == 1
        && let Some(end) = end
    {
        let end = match end {
            End::Top => text!("chain-end-top"),
            End::ParentOutside => text!("chain-end-parent-outside"),
            End::Orphan => text!("chain-end-orphan"),
        };
        chain.push_str(&format!(" ({})", markdown(&line(&end, lang))));
    }
    if others > 0 {
        chain.push_str(&format!(
            " {}",
            line(&text!("lsp-hover-other-lines", n = others), lang)
        ));
    }
    line(&text!("lsp-hover-chain", chain = chain), lang)
}

/// The unit's source and the quote it cites, when it cites one.
fn citation(graph: &OrgGraph, lang: Lang, unit: &Unit) -> Vec<String> {
    let Some(citation) = &unit.source else {
        return Vec::new();
    };
    let id = citation.source.as_str();
    let named = match graph.source(id) {
        Some(source) => format!("`{id}`, *{}*", markdown(&source.title)),
        None => format!("`{id}`"),
    };
    let mut lines = vec![line(&text!("lsp-hover-source", source = named), lang)];
    if let Some(quote) = &citation.quote {
        lines.push(format!("> {}", markdown(quote).replace('\n', " ")));
    }
    lines
}

/// The hover of the source `id`: declared in the description, or in the file itself (a
/// proposal's own sources are no part of the description).
fn source(opened: &Opened<'_>, lang: Lang, id: &str) -> Option<String> {
    let fields: [Option<String>; 4] =
        if let Some(source) = opened.analysis.described.graph.source(id) {
            [
                Some(source.title.clone()),
                source.publisher.clone(),
                source.reference.clone(),
                source.date.map(|date| date.to_string()),
            ]
        } else {
            let declared =
                opened.document().strings.iter().find(|token| {
                    token.role == Some(Role::SourceDeclaration) && token.value == id
                })?;
            let object = declared.path.get(..declared.path.len().saturating_sub(1))?;
            ["title", "publisher", "reference", "date"]
                .map(|key| opened.field(object, key).map(str::to_owned))
        };
    let [title, publisher, reference, date] = fields;
    let mut lines = vec![format!(
        "**{}** `{id}`",
        markdown(title.as_deref().unwrap_or(id))
    )];
    if let Some(publisher) = publisher {
        let publisher = markdown(&publisher);
        lines.push(line(
            &text!("lsp-hover-publisher", publisher = publisher),
            lang,
        ));
    }
    if let Some(reference) = reference {
        let reference = markdown(&reference);
        lines.push(line(
            &text!("lsp-hover-reference", reference = reference),
            lang,
        ));
    }
    if let Some(date) = date {
        lines.push(line(&text!("lsp-hover-date", date = markdown(&date)), lang));
    }
    Some(lines.join("\n\n"))
}

/// The hover of the organisation `id`: the unit it is, or its name when it is no unit.
fn organisation(described: &Described, lang: Lang, id: &str) -> Option<String> {
    let graph = &described.graph;
    let index = graph
        .organisations()
        .iter()
        .position(|organisation| organisation.id.as_str() == id)?;
    let organisation = graph.organisations().get(index)?;
    let unit = u32::try_from(index)
        .ok()
        .and_then(|index| graph.organisation_unit(crate::model::OrganisationIndex(index)));
    Some(match unit {
        Some(ix) => in_structure(graph, lang, ix),
        None => format!("**{}** `{id}`", markdown(&organisation.name)),
    })
}

/// The hover of a unit kind: its label, its names in both languages, its family, its definition.
fn unit_kind(kind: UnitKind, lang: Lang) -> String {
    let mut french = vec![kind.french_name()];
    french.extend(kind.other_names());
    let family = kind.family().label_in(lang);
    [
        format!("**{}**", markdown(kind.label_in(lang))),
        names(kind.as_str(), &french, lang),
        line(&text!("lsp-hover-family", family = family), lang),
        markdown(kind.description()),
    ]
    .join("\n\n")
}

/// The hover of a tie kind: its label, its names in both languages, how it reads, its
/// definition.
fn tie_kind(kind: TieKind, lang: Lang) -> String {
    let mut french = vec![kind.french_name()];
    french.extend(kind.other_names());
    let reads = format!("`from` {} `to`", markdown(kind.verb_in(lang)));
    [
        format!("**{}**", markdown(kind.label_in(lang))),
        names(kind.as_str(), &french, lang),
        line(&text!("lsp-hover-reads", reads = reads), lang),
        markdown(kind.description()),
    ]
    .join("\n\n")
}

/// A kind's names: its English one and its French ones, as descriptions may write them.
fn names(english: &str, french: &[&str], lang: Lang) -> String {
    let french: Vec<String> = french.iter().map(|name| format!("`{name}`")).collect();
    line(
        &text!(
            "lsp-hover-names",
            english = format!("`{english}`"),
            french = french.join(", ")
        ),
        lang,
    )
}
