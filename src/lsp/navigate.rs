//! Navigation: where an id is declared and everywhere it is named, across the description's
//! files and the proposals (`textDocument/definition`, `textDocument/references`), and the
//! outline of one file (`textDocument/documentSymbol`).
//!
//! Ids are found with the tolerant reader ([`syntax`]), so that a file mid-edit is still read
//! as far as it goes, and they resolve as the loader resolves them: a unit, source or
//! organisation id names the first declaration of the description's files, in the order they
//! are read; in a proposal, an id the proposal declares itself (a unit it adds or splits into, a
//! source it cites) names that declaration, any other the description's.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, GotoDefinitionParams,
    GotoDefinitionResponse, Location, Position, ReferenceParams, SymbolKind, Url,
};

use super::analysis::FileText;
use super::server::{State, path_of};
use super::symbols::symbol_kind;
use super::syntax::{self, DocKind, Document, Parsed, Role, Step, StringToken};
use super::text::LineIndex;
use crate::model::UnitKind;
use crate::proposal::NOT_OPERATIONS;

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// A unit or post.
    Unit,
    /// A source.
    Source,
    /// An organisation (a description file's `organisation`).
    Organisation,
}

/// Which declarations an id resolves against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Scope {
    /// The description's: in its files, and in the proposals that do not declare the id.
    Description,
    /// One proposal's own (the file at this index of the index), for an id it declares.
    Proposal(usize),
}

/// An id as resolved: what it names, against which declarations, and its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Key {
    /// What it names.
    pub(crate) kind: Kind,
    /// Where it is declared.
    pub(crate) scope: Scope,
    /// The id, unescaped.
    pub(crate) id: String,
}

/// One place an id is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Occurrence {
    /// The file, by its index in the index.
    pub(crate) file: usize,
    /// The string literal, quotes included.
    pub(crate) span: Range<usize>,
    /// The bytes between the quotes: what a rename replaces.
    pub(crate) inner: Range<usize>,
    /// Whether it declares the id (a unit's, source's or organisation's `id`).
    pub(crate) declaration: bool,
    /// Its key, by index in [`Index::keys`].
    key: usize,
}

/// What a description file says of its organisation, for a rename to keep the organisation's
/// unit: left out, it is the unit with the organisation's id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OrganisationFacts {
    /// The organisation's id.
    pub(crate) id: String,
    /// The string literal of the id, quotes included.
    pub(crate) span: Range<usize>,
    /// Whether the organisation names its unit (`organisation.unit`).
    pub(crate) names_unit: bool,
}

/// One file of the index.
#[derive(Debug)]
pub(crate) struct IndexedFile {
    /// Its path.
    pub(crate) path: PathBuf,
    /// Whether it is a proposal (else a description file).
    pub(crate) proposal: bool,
    /// Its occurrences, as a range of [`Index::occurrences`], in the order of the text.
    occurrences: Range<usize>,
    /// Its organisation, for a description file that declares one.
    pub(crate) organisation: Option<OrganisationFacts>,
}

/// Every declaration and reference of a unit, source and organisation id in the workspace's
/// files: made once per analysis, when a request first needs it.
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// The files, description files first, then proposals, in the order the loader reads them.
    pub(crate) files: Vec<IndexedFile>,
    /// Every occurrence, file by file, in the order of each text.
    occurrences: Vec<Occurrence>,
    /// The keys occurrences resolve to.
    keys: Vec<Key>,
    /// The occurrences of each key, by index in `occurrences`, in file and text order.
    by_key: Vec<Vec<usize>>,
}

/// An id read in a file, before it is resolved.
struct Found {
    kind: Kind,
    id: String,
    span: Range<usize>,
    inner: Range<usize>,
    declaration: bool,
}

impl Index {
    /// The index of `description`'s files and `proposals`, with their texts (a file with none
    /// is listed with no occurrence).
    pub(crate) fn new(
        description: &[FileText<'_>],
        proposals: &[FileText<'_>],
        parsed: impl Fn(&FileText<'_>) -> Option<Rc<Parsed>>,
    ) -> Index {
        let mut read: Vec<(&FileText<'_>, bool, Vec<Found>, Option<OrganisationFacts>)> =
            Vec::new();
        for (file, proposal) in description
            .iter()
            .map(|f| (f, false))
            .chain(proposals.iter().map(|f| (f, true)))
        {
            let (found, organisation) = parsed(file)
                .map(|parsed| found(&parsed.document))
                .unwrap_or_default();
            read.push((file, proposal, found, organisation));
        }
        let mut index = Index::default();
        let mut key_of: HashMap<Key, usize> = HashMap::new();
        for (at, (file, proposal, found, organisation)) in read.into_iter().enumerate() {
            let own: HashSet<(Kind, &str)> = if proposal {
                found
                    .iter()
                    .filter(|f| f.declaration)
                    .map(|f| (f.kind, f.id.as_str()))
                    .collect()
            } else {
                HashSet::new()
            };
            let start = index.occurrences.len();
            let mut occurrences = Vec::with_capacity(found.len());
            for f in &found {
                let scope = if own.contains(&(f.kind, f.id.as_str())) {
                    Scope::Proposal(at)
                } else {
                    Scope::Description
                };
                let key = Key {
                    kind: f.kind,
                    scope,
                    id: f.id.clone(),
                };
                let next = index.keys.len();
                let key = *key_of.entry(key.clone()).or_insert_with(|| {
                    index.keys.push(key);
                    index.by_key.push(Vec::new());
                    next
                });
                index.by_key[key].push(start + occurrences.len());
                occurrences.push(Occurrence {
                    file: at,
                    span: f.span.clone(),
                    inner: f.inner.clone(),
                    declaration: f.declaration,
                    key,
                });
            }
            index.occurrences.extend(occurrences);
            index.files.push(IndexedFile {
                path: file.path.to_owned(),
                proposal,
                occurrences: start..index.occurrences.len(),
                organisation,
            });
        }
        index
    }

    /// The index of the file at `path`, if it is one of the workspace's.
    pub(crate) fn file(&self, path: &Path) -> Option<usize> {
        self.files.iter().position(|file| file.path == path)
    }

    /// The occurrence at byte `offset` of file `file`: the string literal the offset is in or
    /// touches.
    pub(crate) fn at(&self, file: usize, offset: usize) -> Option<&Occurrence> {
        let range = self.files.get(file)?.occurrences.clone();
        let occurrences = self.occurrences.get(range)?;
        let after = occurrences.partition_point(|o| o.span.end < offset);
        occurrences
            .get(after)
            .filter(|o| o.span.start <= offset && offset <= o.span.end)
    }

    /// The key `occurrence` resolves to.
    pub(crate) fn key(&self, occurrence: &Occurrence) -> &Key {
        &self.keys[occurrence.key]
    }

    /// Every occurrence resolving as `occurrence` does (itself too), in file and text order.
    pub(crate) fn same(&self, occurrence: &Occurrence) -> impl Iterator<Item = &Occurrence> {
        self.by_key[occurrence.key]
            .iter()
            .map(|&at| &self.occurrences[at])
    }

    /// The declaration `occurrence` names: itself when it is one, else the first declaration of
    /// its key, as the loader keeps the first.
    pub(crate) fn definition<'a>(&'a self, occurrence: &'a Occurrence) -> Option<&'a Occurrence> {
        if occurrence.declaration {
            return Some(occurrence);
        }
        self.same(occurrence).find(|o| o.declaration)
    }

    /// Every declaration of an id of `kind` in any scope: whether `id` is taken.
    pub(crate) fn declarations(&self, kind: Kind, id: &str) -> impl Iterator<Item = &Occurrence> {
        self.keys
            .iter()
            .enumerate()
            .filter(move |(_, key)| key.kind == kind && key.id == id)
            .flat_map(|(at, _)| self.by_key[at].iter().map(|&o| &self.occurrences[o]))
            .filter(|o| o.declaration)
    }
}

/// The index of the workspace as the current analysis reads it, made when first asked for.
pub(crate) fn index(state: &State) -> Option<&Index> {
    let analysis = state.analysis()?;
    Some(analysis.navigation.get_or_init(|| {
        let (description, proposals) = state.files();
        Index::new(&description, &proposals, |file| state.parsed(file.path))
    }))
}

/// What a request at a position is about: the index, the file and the occurrence there.
pub(crate) fn occurrence_at<'a>(
    state: &'a State,
    uri: &Url,
    position: Position,
) -> Option<(&'a Index, &'a Occurrence)> {
    let index = index(state)?;
    let path = path_of(uri)?;
    let file = index.file(&path)?;
    let text = state.text(&path)?;
    let offset = state.parsed(&path)?.lines.offset(text, position);
    Some((index, index.at(file, offset)?))
}

/// Where `occurrence` is, in the protocol's terms: its id, between the quotes.
pub(crate) fn location(state: &State, index: &Index, occurrence: &Occurrence) -> Option<Location> {
    let file = index.files.get(occurrence.file)?;
    let text = state.text(&file.path)?;
    let range = state
        .parsed(&file.path)?
        .lines
        .range(text, occurrence.inner.clone());
    Some(Location::new(Url::from_file_path(&file.path).ok()?, range))
}

/// The ids of a file's text, and its organisation's facts.
fn found(document: &Document) -> (Vec<Found>, Option<OrganisationFacts>) {
    let mut organisation = None;
    let mut names_unit = false;
    let mut found = Vec::new();
    for token in &document.strings {
        if token.is_key {
            names_unit |= token.path == [key("organisation"), key("unit")];
            continue;
        }
        let Some((kind, declaration)) = meaning(document.kind, token) else {
            continue;
        };
        if kind == Kind::Organisation && declaration && organisation.is_none() {
            organisation = Some(OrganisationFacts {
                id: token.value.clone(),
                span: token.span.clone(),
                names_unit: false,
            });
        }
        found.push(Found {
            kind,
            id: token.value.clone(),
            span: token.span.clone(),
            inner: token.inner.clone(),
            declaration,
        });
    }
    if let Some(organisation) = &mut organisation {
        organisation.names_unit = names_unit;
    }
    (found, organisation)
}

/// What a string value means: the kind of id it is, and whether it declares it. The fields an
/// `update` sets are read as a unit's in a description file.
fn meaning(kind: DocKind, token: &StringToken) -> Option<(Kind, bool)> {
    let role = match token.role {
        Some(role) => role,
        None if kind == DocKind::Proposal => set_role(&token.path)?,
        None => return None,
    };
    match role {
        Role::UnitDeclaration => Some((Kind::Unit, true)),
        Role::UnitReference => Some((Kind::Unit, false)),
        Role::SourceDeclaration => Some((Kind::Source, true)),
        Role::SourceReference => Some((Kind::Source, false)),
        Role::OrganisationDeclaration => Some((Kind::Organisation, true)),
        Role::OrganisationReference => Some((Kind::Organisation, false)),
        Role::UnitKind | Role::TieKind | Role::Field => None,
    }
}

/// The role of a value inside an `update`'s `set` (its `within`, its `source.ref`), which the
/// proposal's schema leaves open: that of the same field of a unit. An `id` there is no
/// declaration (an update cannot set it).
fn set_role(path: &[Step]) -> Option<Role> {
    let at = path
        .windows(2)
        .position(|pair| pair == [key("update"), key("set")])?;
    let mut unit = vec![key("units"), Step::Index(0)];
    unit.extend_from_slice(path.get(at + 2..)?);
    syntax::role_at(DocKind::Description, &unit, false).filter(|&r| r != Role::UnitDeclaration)
}

/// A path step into an object.
fn key(name: &str) -> Step {
    Step::Key(name.to_owned())
}

/// `textDocument/definition`: the declaration of the id at the position, in whatever file it
/// is; the declaration itself from a declaration; nothing from an unknown id or elsewhere.
pub(crate) fn definition(
    state: &State,
    params: &GotoDefinitionParams,
) -> Option<GotoDefinitionResponse> {
    let at = &params.text_document_position_params;
    let (index, occurrence) = occurrence_at(state, &at.text_document.uri, at.position)?;
    let declaration = index.definition(occurrence)?;
    Some(GotoDefinitionResponse::Scalar(location(
        state,
        index,
        declaration,
    )?))
}

/// `textDocument/references`: every place the id at the position names the same unit, source
/// or organisation, in every file and proposal; its declarations when the client asks.
pub(crate) fn references(state: &State, params: &ReferenceParams) -> Option<Vec<Location>> {
    let at = &params.text_document_position;
    let (index, occurrence) = occurrence_at(state, &at.text_document.uri, at.position)?;
    let declarations = params.context.include_declaration;
    Some(
        index
            .same(occurrence)
            .filter(|o| declarations || !o.declaration)
            .filter_map(|o| location(state, index, o))
            .collect(),
    )
}

/// `textDocument/documentSymbol`: a description file's organisation with its units, or a
/// proposal's changes with the units they declare, as far as the file reads.
pub(crate) fn document_symbols(
    state: &State,
    params: &DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let path = path_of(&params.text_document.uri)?;
    let text = state.text(&path)?;
    let parsed = state.parsed(&path)?;
    let outline = Outline {
        text,
        lines: &parsed.lines,
        strings: &parsed.document.strings,
    };
    let symbols = match parsed.document.kind {
        DocKind::Description => outline.description(&path).into_iter().collect(),
        DocKind::Proposal => outline.changes(),
    };
    Some(DocumentSymbolResponse::Nested(symbols))
}

/// A file read for its outline.
struct Outline<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    strings: &'a [StringToken],
}

/// The symbol kind of a proposal's change.
const CHANGE: SymbolKind = SymbolKind::EVENT;

impl Outline<'_> {
    /// The organisation of a description file, spanning the file, its units inside.
    fn description(&self, path: &Path) -> Option<DocumentSymbol> {
        let organisation = [key("organisation")];
        let id = field_value(self.strings, &organisation, "id");
        let name = field_value(self.strings, &organisation, "name")
            .map(|t| t.value.clone())
            .filter(|n| !n.trim().is_empty())
            .or_else(|| id.map(|t| t.value.clone()))
            .or_else(|| Some(path.file_stem()?.to_string_lossy().into_owned()))?;
        let units = self.elements(self.strings, &[key("units")]);
        let children = units
            .iter()
            .filter_map(|(path, tokens, limit)| self.unit(path, tokens, *limit))
            .collect();
        let whole = self.lines.range(self.text, 0..self.text.len());
        #[allow(deprecated)] // `deprecated` is a field the protocol still requires.
        Some(DocumentSymbol {
            name,
            detail: id.map(|t| format!("{} · organisation", t.value)),
            kind: SymbolKind::NAMESPACE,
            tags: None,
            deprecated: None,
            range: whole,
            selection_range: id.map_or(lsp_types::Range::new(whole.start, whole.start), |t| {
                self.lines.range(self.text, t.inner.clone())
            }),
            children: Some(children),
        })
    }

    /// A proposal's changes, each named by its operation and the unit it changes.
    fn changes(&self) -> Vec<DocumentSymbol> {
        self.elements(self.strings, &[key("changes")])
            .into_iter()
            .filter_map(|(path, tokens, limit)| self.change(&path, tokens, limit))
            .collect()
    }

    /// The symbol of the change at `path`, whose strings are `tokens`.
    fn change(
        &self,
        path: &[Step],
        tokens: &[StringToken],
        limit: usize,
    ) -> Option<DocumentSymbol> {
        let depth = path.len();
        let operation = tokens.iter().find(|t| {
            t.is_key
                && t.path.len() == depth + 1
                && matches!(t.path.last(), Some(Step::Key(k)) if !NOT_OPERATIONS.contains(&k.as_str()))
        })?;
        let Some(Step::Key(name)) = operation.path.last() else {
            return None;
        };
        let inside = &operation.path;
        let unit = tokens
            .iter()
            .find(|t| !t.is_key && (t.path == *inside || is_field(t, inside, "unit")))
            .or_else(|| {
                let mut added = inside.clone();
                added.push(key("id"));
                tokens.iter().find(|t| !t.is_key && t.path == added)
            });
        let tie = || {
            let from = tokens.iter().find(|t| is_field(t, inside, "from"))?;
            let to = tokens.iter().find(|t| is_field(t, inside, "to"))?;
            Some((from, to))
        };
        let (title, selection) = match (unit, tie()) {
            (Some(unit), _) => (format!("{name} {}", unit.value), unit.inner.clone()),
            (None, Some((from, to))) => (
                format!("{name} {} → {}", from.value, to.value),
                from.inner.clone(),
            ),
            (None, None) => (name.clone(), operation.inner.clone()),
        };
        let reason = tokens
            .iter()
            .find(|t| {
                !t.is_key && t.path.len() == depth + 1 && t.path.last() == Some(&key("reason"))
            })
            .map(|t| t.value.clone());
        let children = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.role == Some(Role::UnitDeclaration) && !t.is_key)
            .filter_map(|(at, t)| {
                let object = t.path.get(..t.path.len().checked_sub(1)?)?;
                let inside = |u: &StringToken| u.path.starts_with(object);
                let start = tokens[..at]
                    .iter()
                    .rposition(|u| !inside(u))
                    .map_or(0, |p| p + 1);
                let end = tokens[at..]
                    .iter()
                    .position(|u| !inside(u))
                    .map_or(tokens.len(), |p| at + p);
                let next = tokens.get(end).map_or(limit, |u| u.span.start);
                self.unit(object, &tokens[start..end], next)
            })
            .collect();
        let range = self.object(tokens, limit);
        #[allow(deprecated)] // `deprecated` is a field the protocol still requires.
        Some(DocumentSymbol {
            name: title,
            detail: reason,
            kind: CHANGE,
            tags: None,
            deprecated: None,
            range: self.lines.range(self.text, range),
            selection_range: self.lines.range(self.text, selection),
            children: Some(children),
        })
    }

    /// The symbol of the unit object at `path`, whose strings are `tokens`: named by its name,
    /// its id and kind beside; `None` for an object with neither name nor id yet.
    fn unit(&self, path: &[Step], tokens: &[StringToken], limit: usize) -> Option<DocumentSymbol> {
        let id = field_value(tokens, path, "id");
        let name = field_value(tokens, path, "name")
            .map(|t| t.value.clone())
            .filter(|n| !n.trim().is_empty())
            .or_else(|| id.map(|t| t.value.clone()))
            .filter(|n| !n.trim().is_empty())?;
        let kind = field_value(tokens, path, "kind");
        let unit_kind = kind.and_then(|k| {
            serde_json::from_value::<UnitKind>(serde_json::Value::String(k.value.clone())).ok()
        });
        let detail = match (id, kind) {
            (Some(id), Some(kind)) => format!("{} · {}", id.value, kind.value),
            (Some(id), None) => id.value.clone(),
            (None, Some(kind)) => kind.value.clone(),
            (None, None) => String::new(),
        };
        let range = self.object(tokens, limit);
        let selection = id
            .or_else(|| tokens.first())
            .map_or(range.start..range.start, |t| t.inner.clone());
        #[allow(deprecated)] // `deprecated` is a field the protocol still requires.
        Some(DocumentSymbol {
            name,
            detail: (!detail.is_empty()).then_some(detail),
            kind: unit_kind.map_or(SymbolKind::OBJECT, symbol_kind),
            tags: None,
            deprecated: None,
            range: self.lines.range(self.text, range),
            selection_range: self.lines.range(self.text, selection),
            children: None,
        })
    }

    /// The elements of the array at `path`: each with its path, its strings (contiguous, as
    /// the text orders them), and the start of the next element's strings (or the text's end),
    /// which its object's span cannot pass.
    fn elements<'t>(
        &self,
        tokens: &'t [StringToken],
        path: &[Step],
    ) -> Vec<(Vec<Step>, &'t [StringToken], usize)> {
        let mut elements: Vec<(Vec<Step>, Range<usize>)> = Vec::new();
        for (at, token) in tokens.iter().enumerate() {
            let Some(step @ Step::Index(_)) = token.path.get(path.len()) else {
                continue;
            };
            if !token.path.starts_with(path) {
                continue;
            }
            match elements.last_mut() {
                Some((last, range)) if last.last() == Some(step) => range.end = at + 1,
                _ => {
                    let mut element = path.to_vec();
                    element.push(step.clone());
                    elements.push((element, at..at + 1));
                }
            }
        }
        let starts: Vec<usize> = elements
            .iter()
            .skip(1)
            .map(|(_, range)| tokens[range.start].span.start)
            .chain([self.text.len()])
            .collect();
        elements
            .into_iter()
            .zip(starts)
            .map(|((path, range), limit)| (path, &tokens[range], limit))
            .collect()
    }

    /// The span of the object whose strings are `tokens` (its first a key of it): from the
    /// `{` before its first string to its matching `}`, not past `limit`; the strings' own
    /// span when the braces cannot be found.
    fn object(&self, tokens: &[StringToken], limit: usize) -> Range<usize> {
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return 0..0;
        };
        let bytes = self.text.as_bytes();
        let before = self.text.get(..first.span.start).unwrap_or_default();
        let open = before
            .trim_end()
            .len()
            .checked_sub(1)
            .filter(|&at| bytes.get(at) == Some(&b'{'));
        let Some(open) = open else {
            return first.span.start..last.span.end;
        };
        let end = closing(bytes, open, limit.min(bytes.len())).unwrap_or(last.span.end);
        open..end.max(last.span.end)
    }
}

/// The string value of `field` of the object at `path`, among `tokens`.
fn field_value<'t>(
    tokens: &'t [StringToken],
    path: &[Step],
    field: &str,
) -> Option<&'t StringToken> {
    tokens.iter().find(|t| is_field(t, path, field))
}

/// Whether `token` is the string value of `field` of the object at `path`.
fn is_field(token: &StringToken, path: &[Step], field: &str) -> bool {
    !token.is_key
        && token.path.len() == path.len() + 1
        && token.path.starts_with(path)
        && matches!(token.path.last(), Some(Step::Key(k)) if k == field)
}

/// The end (after it) of the `}` or `]` closing the container opened at `open`, strings
/// skipped, before `limit`.
fn closing(bytes: &[u8], open: usize, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = open;
    while at < limit {
        match bytes[at] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(at + 1);
                }
            }
            b'"' => {
                at += 1;
                while at < limit && !matches!(bytes[at], b'"' | b'\n') {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            _ => {}
        }
        at += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A description of two files and a proposal, as the index reads them.
    const ONE: &str = r#"{"organisation": {"id": "one", "name": "One"},
"sources": [{"id": "s", "title": "S"}],
"units": [{"id": "one", "name": "One", "kind": "ministry"},
          {"id": "a", "name": "A {or} \"b\"", "kind": "directorate", "source": {"ref": "s"}}],
"ties": [{"kind": "attachment", "from": "a", "to": "one"}]}"#;
    const TWO: &str = r#"{"organisation": {"id": "two", "name": "Two", "unit": "b"},
"units": [{"id": "b", "name": "B", "kind": "agency", "within": "a"},
          {"id": "a", "name": "A again", "kind": "team"}],
"ties": [{"kind": "cooperation", "from": "b", "to": "a"}]}"#;
    const PROPOSAL: &str = r#"{"title": "T", "sources": [{"id": "s", "title": "Own"}],
"changes": [
 {"add-unit": {"id": "n", "name": "N", "kind": "team"}, "organisation": "one"},
 {"add-tie": {"kind": "attachment", "from": "n", "to": "a"}, "source": {"ref": "s"}},
 {"update": {"unit": "b", "set": {"within": "n", "source": {"ref": "s"}}}}]}"#;

    /// A file's text read, as the server reads it.
    fn read(file: &FileText<'_>) -> Option<Rc<Parsed>> {
        file.text.map(|text| Rc::new(Parsed::new(text)))
    }

    fn index() -> Index {
        let file = |path: &'static str, text: &'static str| FileText {
            path: Path::new(path),
            text: Some(text),
        };
        Index::new(
            &[file("/w/one.json", ONE), file("/w/two.json", TWO)],
            &[file("/w/proposals/p.json", PROPOSAL)],
            read,
        )
    }

    /// The occurrence at the `nth` `"needle"` of file `file` (text `text`), one byte in.
    fn at<'a>(
        index: &'a Index,
        file: usize,
        text: &str,
        needle: &str,
        nth: usize,
    ) -> &'a Occurrence {
        let quoted = format!("\"{needle}\"");
        let (offset, _) = text.match_indices(&quoted).nth(nth).unwrap();
        index.at(file, offset + 1).unwrap()
    }

    /// Where occurrences are: (file, text between the quotes).
    fn places<'a>(occurrences: impl Iterator<Item = &'a Occurrence>) -> Vec<(usize, bool)> {
        occurrences.map(|o| (o.file, o.declaration)).collect()
    }

    #[test]
    fn an_id_resolves_to_the_first_declaration_of_the_description_and_every_reference_shares_it() {
        let index = index();
        let a = at(&index, 0, ONE, "a", 0);
        assert!(a.declaration);
        assert_eq!(&ONE[a.inner.clone()], "a");
        // Declared in one.json, again in two.json (the loader keeps the first); named by a tie
        // of each file, by `within`, and by the proposal's tie.
        assert_eq!(
            places(index.same(a)),
            [
                (0, true),
                (0, false),
                (1, false),
                (1, true),
                (1, false),
                (2, false)
            ]
        );
        for nth in [0, 2] {
            let reference = at(&index, 1, TWO, "a", nth);
            assert_eq!(index.definition(reference), Some(a));
        }
        // The second declaration is its own definition.
        let again = at(&index, 1, TWO, "a", 1);
        assert!(again.declaration);
        assert_eq!(index.definition(again), Some(again));
    }

    #[test]
    fn what_a_proposal_declares_is_its_own_and_the_rest_the_description_s() {
        let index = index();
        // The proposal's source `s` is its own; one.json's `s` is the description's.
        let own = at(&index, 2, PROPOSAL, "s", 0);
        assert_eq!(index.key(own).scope, Scope::Proposal(2));
        assert_eq!(places(index.same(own)), [(2, true), (2, false), (2, false)]);
        let described = at(&index, 0, ONE, "s", 0);
        assert_eq!(places(index.same(described)), [(0, true), (0, false)]);
        // The unit it adds, named by its tie and by the update's `within`.
        let added = at(&index, 2, PROPOSAL, "n", 0);
        assert_eq!(
            places(index.same(added)),
            [(2, true), (2, false), (2, false)]
        );
        // The update's unit and the added unit's organisation: the description's.
        let updated = at(&index, 2, PROPOSAL, "b", 0);
        assert_eq!(index.key(updated).kind, Kind::Unit);
        assert_eq!(index.definition(updated).map(|o| o.file), Some(1));
        let organisation = at(&index, 2, PROPOSAL, "one", 0);
        assert_eq!(index.key(organisation).kind, Kind::Organisation);
        assert_eq!(index.definition(organisation).map(|o| o.file), Some(0));
        // Every id of a kind, in any scope, is taken.
        assert_eq!(index.declarations(Kind::Source, "s").count(), 2);
        assert_eq!(index.declarations(Kind::Unit, "zz").count(), 0);
    }

    #[test]
    fn only_ids_are_found_and_an_offset_between_them_finds_nothing() {
        let index = index();
        let name = ONE.find("\"One\"").unwrap();
        assert!(index.at(0, name + 1).is_none());
        let kind = ONE.find("\"ministry\"").unwrap();
        assert!(index.at(0, kind + 2).is_none());
        // On either quote of an id, and just after it.
        let id = ONE.find("\"one\"").unwrap();
        for offset in [id, id + 4, id + 5] {
            assert_eq!(
                index.at(0, offset).map(|o| o.inner.clone()),
                Some(id + 1..id + 4)
            );
        }
        assert!(index.at(0, ONE.len() + 10).is_none());
        assert!(index.at(9, 0).is_none());
        assert_eq!(index.file(Path::new("/w/elsewhere.json")), None);
    }

    #[test]
    fn a_file_s_organisation_says_whether_it_names_its_unit() {
        let index = index();
        let one = index.files[0].organisation.as_ref().unwrap();
        assert_eq!((one.id.as_str(), one.names_unit), ("one", false));
        assert_eq!(&ONE[one.span.clone()], "\"one\"");
        let two = index.files[1].organisation.as_ref().unwrap();
        assert_eq!((two.id.as_str(), two.names_unit), ("two", true));
        assert!(index.files[2].organisation.is_none());
        assert!(index.files[2].proposal);
    }

    #[test]
    fn an_object_spans_its_braces_whatever_its_strings_hold() {
        let document = syntax::read(ONE);
        let outline = Outline {
            text: ONE,
            lines: &LineIndex::new(ONE),
            strings: &document.strings,
        };
        let units = outline.elements(outline.strings, &[key("units")]);
        assert_eq!(units.len(), 2);
        let (_, tokens, limit) = &units[1];
        let span = outline.object(tokens, *limit);
        assert!(
            ONE[span.clone()].starts_with("{\"id\": \"a\""),
            "{}",
            &ONE[span.clone()]
        );
        assert!(ONE[span].ends_with("{\"ref\": \"s\"}}"));
        // Unclosed, the object ends at its last string.
        let text = "{\"units\": [{\"id\": \"a\", \"name\": \"A {\"";
        let document = syntax::read(text);
        let outline = Outline {
            text,
            lines: &LineIndex::new(text),
            strings: &document.strings,
        };
        let units = outline.elements(outline.strings, &[key("units")]);
        let (_, tokens, limit) = &units[0];
        assert_eq!(outline.object(tokens, *limit), 11..text.len());
    }

    #[test]
    fn hostile_texts_are_indexed_and_outlined_as_far_as_they_read() {
        let deep = format!("{}\"a\"", "[{\"units\": ".repeat(50_000));
        let texts = [
            deep.as_str(),
            "{\"units\": [{\"id\": \"a\\",
            "{\"units\": [{\"id\": \"é\", \"name\": \"𝔄\"}, {\"id\": \"b\"",
            "{\"changes\": [{\"split\": {\"unit\": \"a\", \"into\": [{\"id\": \"b\"",
            "\"",
            "",
        ];
        for text in texts {
            let index = Index::new(
                &[FileText {
                    path: Path::new("/w/x.json"),
                    text: Some(text),
                }],
                &[],
                read,
            );
            for offset in 0..text.len().min(64) + 2 {
                if let Some(found) = index.at(0, offset) {
                    assert!(found.inner.end <= text.len());
                }
            }
            let document = syntax::read(text);
            let outline = Outline {
                text,
                lines: &LineIndex::new(text),
                strings: &document.strings,
            };
            assert!(outline.description(Path::new("/w/x.json")).is_some());
            for change in outline.changes() {
                assert!(change.range.start <= change.selection_range.start);
            }
        }
    }
}
