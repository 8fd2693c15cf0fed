//! What hover, completion and code actions share: the file a request is about, read with its
//! line index and its strings, and what the tie being written around a unit id says of the
//! families its ends may be of.

use std::path::PathBuf;
use std::rc::Rc;

use lsp_types::{Position, Range, Url};

use super::analysis::Analysis;
use super::server::{State, path_of};
use super::syntax::{Document, Parsed, Role, Step};
use crate::graph::OrgGraph;
use crate::model::{Family, TieKind, UnitKind};

/// A file of the workspace a request is about, as the server holds it now.
pub(crate) struct Opened<'s> {
    /// Its path.
    pub(crate) path: PathBuf,
    /// Its text: the editor's when open, else the disk's.
    pub(crate) text: &'s str,
    /// Its strings, each with its path and role, and its line index: as the server read them.
    parsed: Rc<Parsed>,
    /// The analysis of the workspace it is part of.
    pub(crate) analysis: &'s Analysis,
}

/// The file `uri` names, when it is one of the workspace's (a description's file or a
/// proposal) and its text can be read; `None` for any other URI.
pub(crate) fn opened<'s>(state: &'s State, uri: &Url) -> Option<Opened<'s>> {
    let path = path_of(uri)?;
    let analysis = state.analysis()?;
    if !analysis.diagnostics.contains_key(&path) {
        return None;
    }
    let text = state.text(&path)?;
    Some(Opened {
        parsed: state.parsed(&path)?,
        path,
        text,
        analysis,
    })
}

impl Opened<'_> {
    /// Its strings, each with its path and role.
    pub(crate) fn document(&self) -> &Document {
        &self.parsed.document
    }

    /// The byte offset of `position`, clamped into the text.
    pub(crate) fn offset(&self, position: Position) -> usize {
        self.parsed.lines.offset(self.text, position)
    }

    /// The protocol's range of bytes `bytes`.
    pub(crate) fn range(&self, bytes: std::ops::Range<usize>) -> Range {
        self.parsed.lines.range(self.text, bytes)
    }

    /// The string value at `path` exactly (not a key), if the file has one.
    pub(crate) fn value_at(&self, path: &[Step]) -> Option<&str> {
        self.document()
            .strings
            .iter()
            .find(|token| !token.is_key && token.path == path)
            .map(|token| token.value.as_str())
    }

    /// The kind of the unit `id` as the file declares it, when it does: what is known of a
    /// unit of a file that does not read yet.
    pub(crate) fn declared_kind(&self, id: &str) -> Option<UnitKind> {
        let declared = self
            .document()
            .strings
            .iter()
            .find(|token| token.role == Some(Role::UnitDeclaration) && token.value == id)?;
        let object = declared.path.get(..declared.path.len().saturating_sub(1))?;
        UnitKind::from_name(self.field(object, "kind")?)
    }

    /// The string value of `key` in the object at `object`.
    pub(crate) fn field(&self, object: &[Step], key: &str) -> Option<&str> {
        let mut path = object.to_vec();
        path.push(Step::Key(key.to_owned()));
        self.value_at(&path)
    }
}

/// An end of a tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// Its `from`: the subordinate of a hierarchical tie.
    From,
    /// Its `to`: the superior of a hierarchical tie.
    To,
}

/// The tie whose end is the value at `path`, and which end: a path ending in `from` or `to`.
pub(crate) fn tie_end(path: &[Step]) -> Option<(&[Step], End)> {
    match path.split_last()? {
        (Step::Key(key), tie) if key == "from" => Some((tie, End::From)),
        (Step::Key(key), tie) if key == "to" => Some((tie, End::To)),
        _ => None,
    }
}

/// The families the unit at `end` of the tie at `tie` may be of, by the validity table, given
/// the tie's kind and the family of its other end as the file writes them; `None` when the tie
/// has no kind the model knows (every family is then as good).
pub(crate) fn allowed_families(
    opened: &Opened<'_>,
    graph: &OrgGraph,
    tie: &[Step],
    end: End,
) -> Option<Vec<Family>> {
    let kind = TieKind::from_name(opened.field(tie, "kind")?)?;
    let other = opened.field(tie, if end == End::From { "to" } else { "from" });
    let other = other.and_then(|id| match graph.find_id(id) {
        Some(ix) => Some(graph.unit(ix).kind.value.family()),
        None => opened.declared_kind(id).map(UnitKind::family),
    });
    let allowed = Family::ALL
        .into_iter()
        .filter(|&family| match (end, other) {
            (End::From, Some(to)) => kind.allows(family, to),
            (End::To, Some(from)) => kind.allows(from, family),
            (End::From, None) => Family::ALL.iter().any(|&to| kind.allows(family, to)),
            (End::To, None) => Family::ALL.iter().any(|&from| kind.allows(from, family)),
        })
        .collect();
    Some(allowed)
}

/// `text` with the characters Markdown reads as markup escaped, so that a name is shown as it
/// is written.
pub(crate) fn markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '('
                | ')'
                | '#'
                | '|'
                | '!'
                | '~'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
