//! Renaming a unit's or a source's id (`textDocument/prepareRename`, `textDocument/rename`):
//! every declaration and reference, in every file of the description and every proposal, as
//! one workspace edit, which the editor applies (the server never writes a file).
//!
//! A rename keeps what the files mean: the new id must be a valid id no unit (or source) has,
//! and an organisation that leaves its unit out, which is then the unit with its id, is given
//! its `unit` when that unit is renamed.

use std::collections::HashMap;

use lsp_server::{ErrorCode, RequestId, Response};
use lsp_types::{
    Position, PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, Url,
    WorkspaceEdit,
};

use super::navigate::{Index, Kind, Occurrence, Scope, occurrence_at};
use super::server::State;
use crate::model::{OrganisationId, SourceId, UnitId};

/// Why a rename is refused, told to the editor, which shows the message.
#[derive(Debug)]
pub(crate) struct Refusal {
    /// The protocol's error code.
    code: ErrorCode,
    /// What is wrong, in English.
    message: String,
}

impl Refusal {
    /// A refusal with `code` and `message`.
    fn new(code: ErrorCode, message: String) -> Refusal {
        Refusal { code, message }
    }
}

/// The answer to a request of kind `R` that may be refused, from `feature`; an error when the
/// parameters are not what `R` takes, or when `feature` refuses.
pub(crate) fn answer<R>(
    state: &State,
    id: RequestId,
    params: serde_json::Value,
    feature: fn(&State, &R::Params) -> Result<R::Result, Refusal>,
) -> Response
where
    R: lsp_types::request::Request,
{
    match serde_json::from_value(params) {
        Ok(params) => match feature(state, &params) {
            Ok(result) => Response::new_ok(id, result),
            Err(refusal) => Response::new_err(id, refusal.code as i32, refusal.message),
        },
        Err(error) => Response::new_err(
            id,
            ErrorCode::InvalidParams as i32,
            format!("the parameters of `{}` cannot be read: {error}", R::METHOD),
        ),
    }
}

/// What is renamed at a position: the index and the id's occurrence there, refused when it is
/// an id that cannot be renamed; `None` when there is no id there.
fn renamed<'a>(
    state: &'a State,
    uri: &Url,
    position: Position,
) -> Result<Option<(&'a Index, &'a Occurrence)>, Refusal> {
    let Some((index, occurrence)) = occurrence_at(state, uri, position) else {
        return Ok(None);
    };
    let key = index.key(occurrence);
    let what = match key.kind {
        Kind::Unit => "unit",
        Kind::Source => "source",
        Kind::Organisation => {
            return Err(Refusal::new(
                ErrorCode::RequestFailed,
                format!(
                    "`{}` is an organisation's id, which organigram does not rename: \
                     only the ids of units and sources are renamed",
                    key.id
                ),
            ));
        }
    };
    if index.definition(occurrence).is_none() {
        return Err(Refusal::new(
            ErrorCode::RequestFailed,
            format!(
                "no {what} has the id `{}`: declare it, or correct the reference",
                key.id
            ),
        ));
    }
    Ok(Some((index, occurrence)))
}

/// `textDocument/prepareRename`: the id at the position, to be edited; nothing where there is
/// no id; refused for an id that cannot be renamed.
pub(crate) fn prepare(
    state: &State,
    params: &TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>, Refusal> {
    let Some((index, occurrence)) = renamed(state, &params.text_document.uri, params.position)?
    else {
        return Ok(None);
    };
    Ok(
        super::navigate::location(state, index, occurrence).map(|location| {
            PrepareRenameResponse::RangeWithPlaceholder {
                range: location.range,
                placeholder: index.key(occurrence).id.clone(),
            }
        }),
    )
}

/// `textDocument/rename`: every declaration and reference of the id at the position, in every
/// file, given the new id; refused when the new id is no valid id or another's.
pub(crate) fn rename(
    state: &State,
    params: &RenameParams,
) -> Result<Option<WorkspaceEdit>, Refusal> {
    let at = &params.text_document_position;
    let Some((index, occurrence)) = renamed(state, &at.text_document.uri, at.position)? else {
        return Ok(None);
    };
    let key = index.key(occurrence);
    let new = params.new_name.as_str();
    let valid = match key.kind {
        Kind::Unit => UnitId::new(new).map(drop),
        Kind::Source => SourceId::new(new).map(drop),
        Kind::Organisation => OrganisationId::new(new).map(drop),
    };
    let what = if key.kind == Kind::Unit {
        "unit"
    } else {
        "source"
    };
    if let Err(error) = valid {
        return Err(Refusal::new(
            ErrorCode::InvalidParams,
            format!("`{new}` is not a valid {what} id: {error}"),
        ));
    }
    if new == key.id {
        return Ok(Some(WorkspaceEdit::default()));
    }
    if let Some(taken) = index.declarations(key.kind, new).next() {
        let file = index.files.get(taken.file).map_or_else(String::new, |f| {
            f.path
                .file_name()
                .map(|n| format!(", declared in {}", n.to_string_lossy()))
                .unwrap_or_default()
        });
        return Err(Refusal::new(
            ErrorCode::RequestFailed,
            format!("the id `{new}` is already another {what}'s{file}: choose another"),
        ));
    }
    if key.kind == Kind::Unit
        && let Some(organisation) = index
            .files
            .iter()
            .filter_map(|f| f.organisation.as_ref())
            .find(|o| o.id == new && !o.names_unit)
    {
        return Err(Refusal::new(
            ErrorCode::RequestFailed,
            format!(
                "the id `{new}` is the organisation `{}`'s, which would take the unit as its \
                 own: choose another, or give the organisation its `unit`",
                organisation.id
            ),
        ));
    }
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    let written = escaped(new);
    for same in index.same(occurrence) {
        if let Some(location) = super::navigate::location(state, index, same) {
            changes
                .entry(location.uri)
                .or_default()
                .push(TextEdit::new(location.range, written.clone()));
        }
    }
    if key.kind == Kind::Unit && key.scope == Scope::Description {
        for file in &index.files {
            let Some(organisation) = &file.organisation else {
                continue;
            };
            if organisation.id != key.id || organisation.names_unit || file.proposal {
                continue;
            }
            let (Some(text), Ok(uri)) = (state.text(&file.path), Url::from_file_path(&file.path))
            else {
                continue;
            };
            let Some(parsed) = state.parsed(&file.path) else {
                continue;
            };
            let lines = &parsed.lines;
            let end = lines.position(text, organisation.span.end);
            let line_start = lines.offset(text, Position::new(end.line, 0));
            let indent: String = text
                .get(line_start..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            changes.entry(uri).or_default().push(TextEdit::new(
                lsp_types::Range::new(end, end),
                format!(",\n{indent}\"unit\": \"{written}\""),
            ));
        }
    }
    Ok(Some(WorkspaceEdit::new(changes)))
}

/// `id` as written between a JSON string's quotes.
fn escaped(id: &str) -> String {
    let quoted = serde_json::Value::String(id.to_owned()).to_string();
    quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .map_or_else(|| id.to_owned(), str::to_owned)
}
