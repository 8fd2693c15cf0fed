//! Quick fixes for the problems the editor shows (`textDocument/codeAction`): the id, kind or
//! field nearest a wrong one, a `source` citing one of the file's sources for a unit or tie
//! that cites none, and a unit declared for a tie's end that names none. Each is an edit of the
//! file the editor applies: the server writes nothing.

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    NumberOrString, TextEdit, Url, WorkspaceEdit,
};

use super::assist::{Opened, allowed_families, opened, tie_end};
use super::server::State;
use super::syntax::{self, DocKind, Role, Step, StringToken};
use crate::diagnostic::nearest;
use crate::i18n::{Text, text};
use crate::model::{Family, Lang, TieKind, UnitKind};

/// The most problems of one request given fixes: a client may send any number.
const MOST_PROBLEMS: usize = 100;

/// The most sources offered to cite for one unit or tie.
const MOST_SOURCES: usize = 5;

/// The fixes of the problems the request names (those the editor shows in its range), for the
/// problems whose code has fixes; empty when none has, `None` for a file not of the workspace.
pub(crate) fn actions(state: &State, params: &CodeActionParams) -> Option<CodeActionResponse> {
    let opened = opened(state, &params.text_document.uri)?;
    let fixes = Fixes {
        opened: &opened,
        uri: &params.text_document.uri,
        lang: state.lang(),
    };
    let mut actions = Vec::new();
    for diagnostic in params.context.diagnostics.iter().take(MOST_PROBLEMS) {
        let Some(NumberOrString::String(code)) = &diagnostic.code else {
            continue;
        };
        let offset = opened.offset(diagnostic.range.start);
        let Some(token) = opened
            .document()
            .strings
            .iter()
            .find(|token| token.span.start <= offset && offset < token.span.end)
        else {
            continue;
        };
        let mut found = match code.as_str() {
            "unknown-unit" => {
                let graph = &opened.analysis.described.graph;
                let ids = graph.units().map(|(_, unit)| unit.id.as_str());
                let mut found: Vec<CodeAction> = fixes.nearest(token, ids).into_iter().collect();
                found.extend(fixes.declare(token));
                found
            }
            "unknown-source" => {
                let graph = &opened.analysis.described.graph;
                let ids = graph
                    .sources()
                    .map(|source| source.id.as_str())
                    .chain(declared_sources(&opened));
                fixes.nearest(token, ids).into_iter().collect()
            }
            "unknown-value" => match token.role {
                Some(Role::UnitKind) => fixes
                    .nearest(token, UnitKind::names().iter().copied())
                    .into_iter()
                    .collect(),
                Some(Role::TieKind) => fixes
                    .nearest(token, TieKind::names().iter().copied())
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            },
            "unknown-field" if token.is_key => {
                let object = object_of(&token.path);
                let names = syntax::fields(opened.document().kind, object);
                fixes
                    .nearest(token, names.into_iter().map(|(name, _)| name))
                    .into_iter()
                    .collect()
            }
            "missing-source" => fixes.cite(token),
            _ => Vec::new(),
        };
        for action in &mut found {
            action.diagnostics = Some(vec![diagnostic.clone()]);
        }
        actions.extend(found.into_iter().map(CodeActionOrCommand::CodeAction));
    }
    Some(actions)
}

/// What every fix of one request needs.
struct Fixes<'a> {
    /// The file.
    opened: &'a Opened<'a>,
    /// Its URI, which the edits name.
    uri: &'a Url,
    /// The language of the fixes' titles.
    lang: Lang,
}

impl Fixes<'_> {
    /// A quick fix titled `title` that replaces bytes `bytes` of the file with `new`.
    fn action(
        &self,
        title: &Text,
        bytes: std::ops::Range<usize>,
        new: String,
        preferred: bool,
    ) -> CodeAction {
        let edit = TextEdit::new(self.opened.range(bytes), new);
        CodeAction {
            title: title.in_lang(self.lang).into_owned(),
            kind: Some(CodeActionKind::QUICKFIX),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(self.uri.clone(), vec![edit])])),
                ..WorkspaceEdit::default()
            }),
            is_preferred: preferred.then_some(true),
            ..CodeAction::default()
        }
    }

    /// Did you mean: the string `token` replaced with the nearest of `candidates`, when one is
    /// near enough to be what was meant.
    fn nearest<'c>(
        &self,
        token: &StringToken,
        candidates: impl IntoIterator<Item = &'c str>,
    ) -> Option<CodeAction> {
        let wrong = token.value.as_str();
        let suggestion = nearest(wrong, candidates.into_iter().filter(|c| *c != wrong))?;
        Some(self.action(
            &text!("lsp-action-replace", value = suggestion),
            token.inner.clone(),
            escaped(suggestion),
            true,
        ))
    }

    /// Add the missing source: for the unit or tie whose string `token` is, one fix per source
    /// the file declares (else cites, else of the description), up to [`MOST_SOURCES`], each
    /// adding a `source` citing it after the object's last field.
    fn cite(&self, token: &StringToken) -> Vec<CodeAction> {
        let opened = self.opened;
        let object = object_of(&token.path);
        if opened.field(object, "source").is_some() || has_key(opened, object, "source") {
            return Vec::new();
        }
        let Some(close) = closing(opened.text, token.span.end) else {
            return Vec::new();
        };
        let indent = indentation(opened.text, token.span.start);
        let mut candidates: Vec<&str> = declared_sources(opened).collect();
        if candidates.is_empty() {
            candidates = opened
                .document()
                .strings
                .iter()
                .filter(|token| token.role == Some(Role::SourceReference))
                .map(|token| token.value.as_str())
                .collect();
        }
        if candidates.is_empty() {
            candidates = opened
                .analysis
                .described
                .graph
                .sources()
                .map(|source| source.id.as_str())
                .take(MOST_SOURCES)
                .collect();
        }
        let mut seen = HashSet::new();
        candidates
            .into_iter()
            .filter(|id| seen.insert(*id))
            .take(MOST_SOURCES)
            .enumerate()
            .map(|(rank, id)| {
                let entry = |lines: Option<&str>| {
                    format!("\"source\": {}", flat_object(&[("ref", id)], lines))
                };
                let (bytes, new) = append(opened.text, close, &indent, entry);
                self.action(
                    &text!("lsp-action-cite", source = id),
                    bytes,
                    new,
                    rank == 0,
                )
            })
            .collect()
    }

    /// Declare this unit: for a tie's end that names no unit, a unit of that id appended to
    /// the file's `units`, of a kind the tie allows there.
    fn declare(&self, token: &StringToken) -> Option<CodeAction> {
        let opened = self.opened;
        if opened.document().kind != DocKind::Description || token.role != Some(Role::UnitReference)
        {
            return None;
        }
        let (tie, end) = tie_end(&token.path)?;
        let graph = &opened.analysis.described.graph;
        let families = allowed_families(opened, graph, tie, end).unwrap_or(Family::ALL.to_vec());
        let kind = [
            Family::LineUnit,
            Family::Post,
            Family::Body,
            Family::Organisation,
        ]
        .into_iter()
        .find(|family| families.contains(family))
        .and_then(typical_kind)?;
        let id = token.value.as_str();
        let fields = [("id", id), ("name", id), ("kind", kind.as_str())];
        let root_key = |key: &str| {
            opened
                .document()
                .strings
                .iter()
                .find(|t| t.is_key && t.path == [Step::Key(key.to_owned())])
        };
        let (bytes, new) = if let Some(units) = root_key("units") {
            let rest = opened.text.get(units.span.end..)?;
            let open = units.span.end + rest.find('[')?;
            let between = opened.text.get(units.span.end..open)?;
            if !between.trim().eq(":") {
                return None;
            }
            let close = closing(opened.text, open + 1)?;
            let indent = format!("{}  ", indentation(opened.text, units.span.start));
            append(opened.text, close, &indent, |lines| {
                flat_object(&fields, lines)
            })
        } else {
            let open = opened.text.find('{')?;
            let close = closing(opened.text, open + 1)?;
            let indent = opened
                .document()
                .strings
                .iter()
                .find(|t| t.is_key && t.path.len() == 1)
                .map_or_else(
                    || "  ".to_owned(),
                    |t| indentation(opened.text, t.span.start),
                );
            append(opened.text, close, &indent, |lines| {
                let element = lines.map(|lines| format!("{lines}  "));
                let unit = flat_object(&fields, element.as_deref());
                match lines {
                    Some(lines) => format!("\"units\": [\n{lines}  {unit}\n{lines}]"),
                    None => format!("\"units\": [{unit}]"),
                }
            })
        };
        Some(self.action(
            &text!("lsp-action-declare", id = id, kind = kind.as_str()),
            bytes,
            new,
            false,
        ))
    }
}

/// The kind a unit declared for a tie is given in a family: the family's most common.
fn typical_kind(family: Family) -> Option<UnitKind> {
    match family {
        Family::LineUnit => Some(UnitKind::Directorate),
        Family::Organisation => Some(UnitKind::Agency),
        _ => UnitKind::ALL
            .iter()
            .copied()
            .find(|kind| kind.family() == family),
    }
}

/// The ids of the sources the file declares, in order.
fn declared_sources<'a>(opened: &'a Opened<'_>) -> impl Iterator<Item = &'a str> {
    opened
        .document()
        .strings
        .iter()
        .filter(|token| token.role == Some(Role::SourceDeclaration))
        .map(|token| token.value.as_str())
}

/// The path of the object a string is a key or a value of.
fn object_of(path: &[Step]) -> &[Step] {
    path.get(..path.len().saturating_sub(1)).unwrap_or_default()
}

/// Whether the object at `object` has the key `key`, whatever its value.
fn has_key(opened: &Opened<'_>, object: &[Step], key: &str) -> bool {
    opened.document().strings.iter().any(|token| {
        token.is_key
            && matches!(token.path.split_last(), Some((Step::Key(k), path)) if k == key && path == object)
    })
}

/// `value` as the content of a JSON string: escaped as JSON escapes it.
fn escaped(value: &str) -> String {
    let quoted = serde_json::Value::from(value).to_string();
    quoted
        .get(1..quoted.len().saturating_sub(1))
        .unwrap_or_default()
        .to_owned()
}

/// An object of string fields: on one line, or laid out one field a line under a line indented
/// by `lines`, as the canonical layout writes it.
fn flat_object(fields: &[(&str, &str)], lines: Option<&str>) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("\"{}\": \"{}\"", escaped(key), escaped(value)))
        .collect();
    match lines {
        Some(indent) => format!(
            "{{\n{indent}  {}\n{indent}}}",
            fields.join(&format!(",\n{indent}  "))
        ),
        None => format!("{{{}}}", fields.join(", ")),
    }
}

/// The leading whitespace of the line `offset` is on.
fn indentation(text: &str, offset: usize) -> String {
    let start = text
        .get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |at| at + 1);
    text.get(start..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// The offset of the bracket that closes the container `from` is directly inside, skipping
/// strings and the containers in between; `None` when the text ends first.
fn closing(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => {
                at += 1;
                while let Some(&inside) = bytes.get(at) {
                    match inside {
                        b'\\' => at += 2,
                        b'"' | b'\n' => break,
                        _ => at += 1,
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return Some(at),
            b'}' | b']' => depth -= 1,
            _ => {}
        }
        at += 1;
    }
    None
}

/// The edit that appends an entry to the container closed at `close`, after its last entry:
/// with a comma when one is needed, on a line of its own indented by `indent` when the
/// container is laid out a line per entry (or empty), on the same line when it is written on
/// one. `entry` writes the entry, given the indentation of its lines when it takes several.
fn append(
    text: &str,
    close: usize,
    indent: &str,
    entry: impl Fn(Option<&str>) -> String,
) -> (std::ops::Range<usize>, String) {
    let before = text.get(..close).unwrap_or_default().trim_end();
    let end = before.len();
    let last = before.chars().next_back();
    let empty = matches!(last, Some('{' | '['));
    let comma = if empty || last == Some(',') { "" } else { "," };
    let laid_out = text.get(end..close).is_some_and(|gap| gap.contains('\n'));
    if empty {
        let outer = indent.strip_suffix("  ").unwrap_or_default();
        (
            end..close,
            format!("\n{indent}{}\n{outer}", entry(Some(indent))),
        )
    } else if laid_out {
        (
            end..end,
            format!("{comma}\n{indent}{}", entry(Some(indent))),
        )
    } else {
        (end..end, format!("{comma} {}", entry(None)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_appended_in_the_layout_of_its_container() {
        let laid_out = "{\n  \"a\": [\n    1\n  ]\n}";
        let close = laid_out.find(']').unwrap();
        let (bytes, new) = append(laid_out, close, "    ", |lines| {
            flat_object(&[("id", "x")], lines)
        });
        let mut text = laid_out.to_owned();
        text.replace_range(bytes, &new);
        assert_eq!(
            text,
            "{\n  \"a\": [\n    1,\n    {\n      \"id\": \"x\"\n    }\n  ]\n}"
        );
        let inline = r#"{"a": 1}"#;
        let (bytes, new) = append(inline, inline.len() - 1, "  ", |lines| {
            format!("\"b\": {}", flat_object(&[("ref", "s\"1")], lines))
        });
        let mut text = inline.to_owned();
        text.replace_range(bytes, &new);
        assert_eq!(text, r#"{"a": 1, "b": {"ref": "s\"1"}}"#);
        let empty = "{\"units\": []}";
        let close = empty.find(']').unwrap();
        let (bytes, new) = append(empty, close, "  ", |lines| {
            flat_object(&[("id", "x")], lines)
        });
        let mut text = empty.to_owned();
        text.replace_range(bytes, &new);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap()["units"][0]["id"],
            "x"
        );
    }

    #[test]
    fn the_closing_bracket_skips_strings_and_inner_containers() {
        let text = r#"{"a": "}\"]", "b": [1, {"c": 2}], "d": 3} tail"#;
        assert_eq!(closing(text, 1), Some(text.find(" tail").unwrap() - 1));
        assert_eq!(closing("{\"a\": [", 1), None);
        assert_eq!(closing("", 5), None);
    }
}
