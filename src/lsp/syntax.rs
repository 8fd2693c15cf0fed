//! A tolerant reader of description and proposal files: every string literal of a document, even
//! one malformed mid-edit, with its place in the JSON tree and what it means to organigram, read
//! from the files' JSON Schemas rather than from a list kept by hand.
//!
//! One pass, iterative (no recursion), nesting tracked to [`MAX_DEPTH`]: the server reads every
//! file on every keystroke, and a file is untrusted input.

use std::ops::Range;
use std::sync::LazyLock;

use serde_json::Value;

use super::text::LineIndex;

use crate::load::json::simple_escape;
use crate::model::DescriptionFile;
use crate::model::FastMap;
use crate::proposal::ProposalFile;

/// The deepest nesting whose strings are read: twice what the loader accepts, so that any file
/// it reads is read whole. A deeper value is skipped (its strings are not reported) and the
/// reading goes on after it.
const MAX_DEPTH: usize = 256;

/// The most schema nodes one value's schema expands to (through `$ref`, `allOf`, `anyOf` and
/// `oneOf`): a bound on the work per value, far above what organigram's schemas need.
const MAX_NODES: usize = 64;

/// The schemas of the two kinds of file, generated once: description first, proposal second.
static SCHEMAS: LazyLock<[Value; 2]> =
    LazyLock::new(|| [DescriptionFile::json_schema(), ProposalFile::json_schema()]);

/// A step from a JSON document's root to a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// The value of this key of an object.
    Key(String),
    /// The element at this index of an array.
    Index(usize),
}

/// One string literal of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StringToken {
    /// Its bytes, quotes included; an unterminated literal stops at the end of its line.
    pub(crate) span: Range<usize>,
    /// The bytes between the quotes: what a rename edits.
    pub(crate) inner: Range<usize>,
    /// Its value, unescaped; an invalid escape is kept as written.
    pub(crate) value: String,
    /// Whether it is an object key.
    pub(crate) is_key: bool,
    /// A value's path; for a key, the object's path then `Step::Key(key)`.
    pub(crate) path: Vec<Step>,
    /// What it means, from the schema of the document's kind.
    pub(crate) role: Option<Role>,
}

/// What a string means to organigram.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// The `id` of a unit: where the unit is declared.
    UnitDeclaration,
    /// A unit id anywhere else: a tie's end, a proposal's unit, `within`.
    UnitReference,
    /// The `id` of a source.
    SourceDeclaration,
    /// A source id anywhere else: a citation's `ref`.
    SourceReference,
    /// The `id` of a file's `organisation`.
    OrganisationDeclaration,
    /// An organisation id anywhere else: an added unit's `organisation`.
    OrganisationReference,
    /// A unit kind.
    UnitKind,
    /// A tie kind.
    TieKind,
    /// An object key the schema knows.
    Field,
}

/// The kind of a file, which says which schema its strings are read with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DocKind {
    /// A description file (`organisation`, `sources`, `units`, `ties`).
    Description,
    /// A proposal file: its root object has a `changes` key, or a `title` and no
    /// `organisation` (a proposal being started).
    Proposal,
}

impl DocKind {
    /// The schema of files of this kind.
    fn schema(self) -> &'static Value {
        &SCHEMAS[self.index()]
    }

    /// The index of this kind in [`SCHEMAS`] and in per-kind arrays.
    const fn index(self) -> usize {
        match self {
            DocKind::Description => 0,
            DocKind::Proposal => 1,
        }
    }
}

/// A file's text read once for every request on it: its strings and its line index.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// Its strings.
    pub(crate) document: Document,
    /// Its lines, for the protocol's positions.
    pub(crate) lines: LineIndex,
}

impl Parsed {
    /// `text` read.
    pub(crate) fn new(text: &str) -> Parsed {
        Parsed {
            document: read(text),
            lines: LineIndex::new(text),
        }
    }
}

/// A document read once: its kind and every string literal, in order.
#[derive(Clone, Debug)]
pub(crate) struct Document {
    /// Whether it is a description or a proposal.
    pub(crate) kind: DocKind,
    /// Every string literal read, in the order of the text.
    pub(crate) strings: Vec<StringToken>,
}

/// Where a cursor is, for completion and hover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cursor {
    /// With [`Place::Key`], the path of the object whose key is typed; with [`Place::Value`],
    /// the path of the value typed; elsewhere, the path of the innermost container.
    pub(crate) path: Vec<Step>,
    /// The string literal the offset is in or touching, also an unterminated one being typed.
    pub(crate) token: Option<StringToken>,
    /// What may be typed there.
    pub(crate) place: Place,
}

/// What a cursor may type where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// A key: in one, or where one may start (after `{` or `,` in an object).
    Key,
    /// A value: in one, after `:`, in an array, or at the root.
    Value,
    /// Neither: after a value before its comma, or between a key and its colon.
    Elsewhere,
}

/// Reads every string literal of `text`, whatever its state: never fails, in one pass.
pub(crate) fn read(text: &str) -> Document {
    let mut reader = Reader::new(true);
    reader.run(text);
    let kind = if reader.top.changes || (reader.top.title && !reader.top.organisation) {
        DocKind::Proposal
    } else {
        DocKind::Description
    };
    let strings = reader
        .tokens
        .into_iter()
        .map(|(token, roles)| StringToken {
            role: roles[kind.index()],
            ..token
        })
        .collect();
    Document { kind, strings }
}

/// Where `offset` (a byte offset, clamped into the text and back to a character boundary) is in
/// `text`, whose strings `document` holds: the path and place being typed, and the string literal
/// there.
pub(crate) fn cursor(document: &Document, text: &str, offset: usize) -> Cursor {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let strings = &document.strings;
    let before = strings.partition_point(|token| token.span.start < offset);
    let touching = before
        .checked_sub(1)
        .and_then(|last| strings.get(last))
        .filter(|token| offset <= token.span.end)
        .or_else(|| {
            strings
                .get(before)
                .filter(|token| token.span.start == offset)
        });
    if let Some(token) = touching {
        let (place, path) = if token.is_key {
            let object = token.path.len().saturating_sub(1);
            (
                Place::Key,
                token.path.get(..object).unwrap_or_default().to_vec(),
            )
        } else {
            (Place::Value, token.path.clone())
        };
        return Cursor {
            path,
            token: Some(token.clone()),
            place,
        };
    }
    let mut reader = Reader::new(false);
    let prefix = text.get(..offset).unwrap_or_default();
    reader.run(prefix);
    if let Some(path) = reader.trailing_literal {
        return Cursor {
            path,
            token: None,
            place: Place::Value,
        };
    }
    let mut path = reader.path.clone();
    let place = match reader.levels.last().map(|level| &level.frame) {
        Some(Frame::Object { state, key }) => match state {
            Object::ExpectKey => Place::Key,
            Object::ExpectValue => {
                path.push(Step::Key(key.clone().unwrap_or_default()));
                Place::Value
            }
            Object::AfterKey | Object::AfterValue => Place::Elsewhere,
        },
        Some(Frame::Array { index, filled }) => {
            if *filled {
                Place::Elsewhere
            } else {
                path.push(Step::Index(*index));
                Place::Value
            }
        }
        Some(Frame::Top { done: true }) => Place::Elsewhere,
        Some(Frame::Top { done: false }) | None => Place::Value,
    };
    Cursor {
        path,
        token: None,
        place,
    }
}

/// The fields the schema of `kind` allows in the object at `path`, each with its description:
/// what completion offers where a key may be typed.
pub(crate) fn fields(kind: DocKind, path: &[Step]) -> Vec<(&'static str, Option<&'static str>)> {
    let mut found: Vec<(&'static str, Option<&'static str>)> = Vec::new();
    for node in context_at(kind, path) {
        let Some(properties) = node.schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        for (name, property) in properties {
            if found.iter().all(|(known, _)| known != name) {
                let description = property.get("description").and_then(Value::as_str);
                found.push((name.as_str(), description));
            }
        }
    }
    found
}

/// The role a string at `path` has in a file of `kind`: a key's when `is_key` (then the last
/// step of `path` is the key), a value's otherwise.
pub(crate) fn role_at(kind: DocKind, path: &[Step], is_key: bool) -> Option<Role> {
    if is_key {
        let Some((Step::Key(key), object)) = path.split_last() else {
            return None;
        };
        let context = context_at(kind, object);
        knows(&context, key).then_some(Role::Field)
    } else {
        value_role(&context_at(kind, path))
    }
}

/// One schema node a value may follow, with what is known of how it was reached.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The schema node.
    schema: &'static Value,
    /// The definition (`UnitId`, `Tie`…) the node is, or is a branch of.
    definition: Option<&'static str>,
    /// With a value of an object's `id` property, the object's definition (`Unit`): what makes
    /// an id of the matching type (`UnitId`) a declaration rather than a reference.
    owner: Option<&'static str>,
}

/// Every node `schema` stands for, through `$ref` into `definitions` and every branch of
/// `allOf`, `anyOf` and `oneOf`, up to [`MAX_NODES`].
fn expand(root: &'static Value, schema: &'static Value, owner: Option<&'static str>) -> Vec<Node> {
    let mut nodes = vec![Node {
        schema,
        definition: None,
        owner,
    }];
    let mut next = 0;
    while let Some(&node) = nodes.get(next) {
        next += 1;
        let mut reached = Vec::new();
        if let Some(name) = node
            .schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|target| target.strip_prefix("#/definitions/"))
            && let Some(definition) = root.get("definitions").and_then(|all| all.get(name))
        {
            reached.push((definition, Some(name)));
        }
        for combinator in ["allOf", "anyOf", "oneOf"] {
            if let Some(branches) = node.schema.get(combinator).and_then(Value::as_array) {
                reached.extend(branches.iter().map(|branch| (branch, node.definition)));
            }
        }
        for (schema, definition) in reached {
            if nodes.len() >= MAX_NODES {
                return nodes;
            }
            nodes.push(Node {
                schema,
                definition: definition.or(node.definition),
                owner: node.owner,
            });
        }
    }
    nodes
}

/// The nodes a value at `step` of a value following `context` follows: a property (or the
/// `additionalProperties`) of an object, an element of an array.
fn child(root: &'static Value, context: &[Node], step: &Step) -> Vec<Node> {
    let mut nodes = Vec::new();
    for node in context {
        let schema = match step {
            Step::Key(key) => {
                if let Some(property) = node.schema.get("properties").and_then(|all| all.get(key)) {
                    let owner = if key == "id" { node.definition } else { None };
                    nodes.extend(expand(root, property, owner));
                    continue;
                }
                node.schema.get("additionalProperties")
            }
            Step::Index(index) => match node.schema.get("items") {
                Some(Value::Array(items)) => items.get(*index),
                items => items,
            },
        };
        if let Some(schema) = schema.filter(|schema| schema.is_object()) {
            nodes.extend(expand(root, schema, None));
        }
        if nodes.len() >= MAX_NODES {
            break;
        }
    }
    nodes
}

/// The nodes of the value at `path` in a file of `kind`.
fn context_at(kind: DocKind, path: &[Step]) -> Vec<Node> {
    let root = kind.schema();
    let mut context = expand(root, root, None);
    for step in path {
        if context.is_empty() {
            break;
        }
        context = child(root, &context, step);
    }
    context
}

/// Whether an object following `context` has a property `key`.
fn knows(context: &[Node], key: &str) -> bool {
    context.iter().any(|node| {
        node.schema
            .get("properties")
            .is_some_and(|properties| properties.get(key).is_some())
    })
}

/// The role of a string value following `context`: an id (declared at the `id` of the object
/// its type identifies, referenced elsewhere) or a kind.
fn value_role(context: &[Node]) -> Option<Role> {
    context.iter().find_map(|node| {
        let declared = |object: &str| node.owner == Some(object);
        match node.definition? {
            "UnitId" if declared("Unit") => Some(Role::UnitDeclaration),
            "UnitId" => Some(Role::UnitReference),
            "SourceId" if declared("Source") => Some(Role::SourceDeclaration),
            "SourceId" => Some(Role::SourceReference),
            "OrganisationId" if declared("Organisation") => Some(Role::OrganisationDeclaration),
            "OrganisationId" => Some(Role::OrganisationReference),
            "UnitKind" => Some(Role::UnitKind),
            "TieKind" => Some(Role::TieKind),
            _ => None,
        }
    })
}

/// The schema contexts met in one reading of a file of one kind, each worked out once: a file
/// has thousands of units, and each unit's fields follow the same few nodes.
struct Contexts {
    /// The schema of the kind.
    root: &'static Value,
    /// The contexts met, the root's first.
    entries: Vec<Context>,
}

/// The schema nodes a value follows, with the contexts of its children found so far.
struct Context {
    /// The nodes.
    nodes: Vec<Node>,
    /// The role of a string with these nodes.
    role: Option<Role>,
    /// The context of each key's value met so far.
    keys: FastMap<String, usize>,
    /// The context of an element, the same at every index (no schema of organigram's lists
    /// items by position; a context that does is not remembered).
    items: Option<usize>,
}

impl Contexts {
    /// The contexts of a reading of a file of `kind`: its root's only.
    fn new(kind: DocKind) -> Contexts {
        let root = kind.schema();
        let mut contexts = Contexts {
            root,
            entries: Vec::new(),
        };
        contexts.add(expand(root, root, None));
        contexts
    }

    /// Adds a context of `nodes` and returns its index.
    fn add(&mut self, nodes: Vec<Node>) -> usize {
        self.entries.push(Context {
            role: value_role(&nodes),
            nodes,
            keys: FastMap::default(),
            items: None,
        });
        self.entries.len() - 1
    }

    /// The nodes of a context.
    fn nodes(&self, context: usize) -> &[Node] {
        self.entries
            .get(context)
            .map_or(&[], |entry| entry.nodes.as_slice())
    }

    /// The role of a string of a context.
    fn role(&self, context: usize) -> Option<Role> {
        self.entries.get(context).and_then(|entry| entry.role)
    }

    /// The context of the value at `step` of a value of `context`.
    fn child(&mut self, context: usize, step: &Step) -> usize {
        let Some(entry) = self.entries.get(context) else {
            return context;
        };
        let known = match step {
            Step::Key(key) => entry.keys.get(key.as_str()).copied(),
            Step::Index(_) => entry.items,
        };
        if let Some(known) = known {
            return known;
        }
        let by_position = entry
            .nodes
            .iter()
            .any(|node| node.schema.get("items").is_some_and(Value::is_array));
        let nodes = child(self.root, &entry.nodes, step);
        let found = self.add(nodes);
        if let Some(entry) = self.entries.get_mut(context) {
            match step {
                Step::Key(key) => {
                    entry.keys.insert(key.clone(), found);
                }
                Step::Index(_) if !by_position => entry.items = Some(found),
                Step::Index(_) => {}
            }
        }
        found
    }
}

/// Where an object is in its grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Object {
    /// After `{` or `,`: a key may come.
    ExpectKey,
    /// After a key: its colon should come.
    AfterKey,
    /// After a colon: a value should come.
    ExpectValue,
    /// After a value: a comma or `}` should come.
    AfterValue,
}

/// A container being read.
#[derive(Clone, Debug)]
enum Frame {
    /// Outside every container: the root value, and any trailing garbage.
    Top {
        /// Whether a root value was read.
        done: bool,
    },
    /// An object, with its last key.
    Object {
        /// The key read last, whose value comes next.
        key: Option<String>,
        /// Where the object is in its grammar.
        state: Object,
    },
    /// An array, with the index of its current element.
    Array {
        /// The index of the element read last, or of the next one if none is read at it yet.
        index: usize,
        /// Whether an element was read at `index`.
        filled: bool,
    },
}

/// A container being read, with the schema nodes it follows in each kind of file.
#[derive(Debug)]
struct Level {
    /// The container.
    frame: Frame,
    /// Its schema context (in [`Reader::contexts`]): as a description, as a proposal.
    context: [usize; 2],
    /// Whether entering it added a step to the path (the root value adds none).
    stepped: bool,
}

/// The top-level keys that tell a proposal from a description.
#[derive(Debug, Default)]
struct TopKeys {
    /// A `changes` key was read.
    changes: bool,
    /// A `title` key was read.
    title: bool,
    /// An `organisation` key was read.
    organisation: bool,
}

/// The state of one reading: the containers open, the path to the innermost, what was read.
struct Reader {
    /// Whether strings are collected and their roles found (not for a cursor's prefix).
    collect: bool,
    /// The schema contexts met, as a description and as a proposal.
    contexts: [Contexts; 2],
    /// The containers open, the outermost ([`Frame::Top`]) first.
    levels: Vec<Level>,
    /// The steps to the innermost container.
    path: Vec<Step>,
    /// How many containers deeper than [`MAX_DEPTH`] are open, skipped.
    skipped: usize,
    /// The strings read, with their roles as a description and as a proposal.
    tokens: Vec<(StringToken, [Option<Role>; 2])>,
    /// The root object's keys that decide the kind.
    top: TopKeys,
    /// The path of a literal (`tru`, `12`) that runs to the end of the text: a value being typed.
    trailing_literal: Option<Vec<Step>>,
}

/// Whether a byte ends a literal (`true`, a number, garbage).
const fn delimits(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\n' | b'\r' | b'{' | b'}' | b'[' | b']' | b':' | b',' | b'"'
    )
}

impl Reader {
    /// A reader at the start of a text.
    fn new(collect: bool) -> Reader {
        Reader {
            collect,
            contexts: [DocKind::Description, DocKind::Proposal].map(Contexts::new),
            levels: vec![Level {
                frame: Frame::Top { done: false },
                context: [0, 0],
                stepped: false,
            }],
            path: Vec::new(),
            skipped: 0,
            tokens: Vec::new(),
            top: TopKeys::default(),
            trailing_literal: None,
        }
    }

    /// Reads `text` to its end.
    fn run(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => at += 1,
                b'"' => {
                    let (span, inner) = lex_string(bytes, at);
                    at = span.end;
                    if self.skipped == 0 {
                        self.string(text, span, inner);
                    }
                }
                b'{' | b'[' => {
                    at += 1;
                    self.open(byte == b'{');
                }
                b'}' | b']' => {
                    at += 1;
                    self.close(byte == b'}');
                }
                b':' => {
                    at += 1;
                    self.colon();
                }
                b',' => {
                    at += 1;
                    self.comma();
                }
                _ => {
                    let end = bytes
                        .get(at..)
                        .and_then(|rest| rest.iter().position(|&byte| delimits(byte)))
                        .map_or(bytes.len(), |length| at + length);
                    at = end;
                    if self.skipped == 0 {
                        let step = self.slot();
                        if end == bytes.len() {
                            let mut path = self.path.clone();
                            path.extend(step);
                            self.trailing_literal = Some(path);
                        }
                    }
                }
            }
        }
    }

    /// The innermost container.
    fn frame(&mut self) -> Option<&mut Frame> {
        self.levels.last_mut().map(|level| &mut level.frame)
    }

    /// Takes the place of a value in the innermost container, and returns its step (none at
    /// the top). A value where a key or a comma was expected is read as the value of the key
    /// before it (a missing colon), or of an empty key.
    fn slot(&mut self) -> Option<Step> {
        match self.frame()? {
            Frame::Top { done } => {
                *done = true;
                None
            }
            Frame::Object { key, state } => {
                *state = Object::AfterValue;
                Some(Step::Key(key.clone().unwrap_or_default()))
            }
            Frame::Array { index, filled } => {
                if *filled {
                    *index += 1;
                }
                *filled = true;
                Some(Step::Index(*index))
            }
        }
    }

    /// The schema nodes of a value at `step` of the innermost container (the root's, with no
    /// step), in each kind of file.
    fn context_of(&mut self, step: Option<&Step>) -> [usize; 2] {
        let Some(level) = self.levels.last().filter(|_| self.collect) else {
            return [0, 0];
        };
        let [description, proposal] = level.context;
        let [descriptions, proposals] = &mut self.contexts;
        match step {
            Some(step) => [
                descriptions.child(description, step),
                proposals.child(proposal, step),
            ],
            None => [description, proposal],
        }
    }

    /// Reads a string literal: a key where one is expected (or where a comma is missing before
    /// one), else a value.
    fn string(&mut self, text: &str, span: Range<usize>, inner: Range<usize>) {
        let raw = text.get(inner.clone()).unwrap_or_default();
        let value = unescape(raw);
        let depth = self.levels.len();
        let is_key = match self.frame() {
            Some(Frame::Object { key, state }) => match state {
                Object::ExpectKey | Object::AfterValue => {
                    *key = Some(value.clone());
                    *state = Object::AfterKey;
                    true
                }
                Object::AfterKey | Object::ExpectValue => false,
            },
            _ => false,
        };
        if is_key && depth == 2 {
            match value.as_str() {
                "changes" => self.top.changes = true,
                "title" => self.top.title = true,
                "organisation" => self.top.organisation = true,
                _ => {}
            }
        }
        if !self.collect {
            if !is_key {
                self.slot();
            }
            return;
        }
        let mut path = self.path.clone();
        let roles = if is_key {
            let known = self.levels.last().map(|level| {
                let mut kind = 0;
                level.context.map(|context| {
                    let nodes = self
                        .contexts
                        .get(kind)
                        .map_or(&[][..], |all| all.nodes(context));
                    kind += 1;
                    knows(nodes, &value).then_some(Role::Field)
                })
            });
            path.push(Step::Key(value.clone()));
            known.unwrap_or_default()
        } else {
            let step = self.slot();
            let [description, proposal] = self.context_of(step.as_ref());
            path.extend(step);
            let [descriptions, proposals] = &self.contexts;
            [descriptions.role(description), proposals.role(proposal)]
        };
        let token = StringToken {
            span,
            inner,
            value,
            is_key,
            path,
            role: None,
        };
        self.tokens.push((token, roles));
    }

    /// Opens an object or an array as a value of the innermost container, or skips it past
    /// [`MAX_DEPTH`].
    fn open(&mut self, object: bool) {
        if self.skipped > 0 || self.levels.len() > MAX_DEPTH {
            self.skipped += 1;
            return;
        }
        let step = self.slot();
        let context = self.context_of(step.as_ref());
        let stepped = step.is_some();
        self.path.extend(step);
        let frame = if object {
            Frame::Object {
                key: None,
                state: Object::ExpectKey,
            }
        } else {
            Frame::Array {
                index: 0,
                filled: false,
            }
        };
        self.levels.push(Level {
            frame,
            context,
            stepped,
        });
    }

    /// Closes the innermost container of the kind the bracket closes, and any left open inside
    /// it; a bracket that closes none is ignored.
    fn close(&mut self, object: bool) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        let matching = self.levels.iter().rposition(|level| match level.frame {
            Frame::Object { .. } => object,
            Frame::Array { .. } => !object,
            Frame::Top { .. } => false,
        });
        let Some(matching) = matching else {
            return;
        };
        while self.levels.len() > matching {
            if let Some(level) = self.levels.pop()
                && level.stepped
            {
                self.path.pop();
            }
        }
    }

    /// A colon: what follows is the value of the last key.
    fn colon(&mut self) {
        if self.skipped == 0
            && let Some(Frame::Object { state, .. }) = self.frame()
        {
            *state = Object::ExpectValue;
        }
    }

    /// A comma: a key comes next in an object, the next element in an array.
    fn comma(&mut self) {
        if self.skipped > 0 {
            return;
        }
        match self.frame() {
            Some(Frame::Object { key, state }) => {
                *key = None;
                *state = Object::ExpectKey;
            }
            Some(Frame::Array { index, filled }) if *filled => {
                *index += 1;
                *filled = false;
            }
            _ => {}
        }
    }
}

/// The span and inner span of the string literal whose opening quote is at `start`: to its
/// closing quote, or unterminated to the end of its line or of the text.
fn lex_string(bytes: &[u8], start: usize) -> (Range<usize>, Range<usize>) {
    let mut at = start + 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'"' => return (start..at + 1, start + 1..at),
            b'\n' | b'\r' => return (start..at, start + 1..at),
            b'\\' => match bytes.get(at + 1) {
                Some(b'\n' | b'\r') | None => at += 1,
                Some(_) => at += 2,
            },
            _ => at += 1,
        }
    }
    let end = bytes.len();
    (start..end, start + 1..end)
}

/// A string literal's content unescaped: JSON's escapes, `\uXXXX` with surrogate pairs; an
/// escape that is not one (or a lone surrogate) is kept as written.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut value = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(backslash) = rest.find('\\') {
        value.push_str(rest.get(..backslash).unwrap_or_default());
        rest = rest.get(backslash..).unwrap_or_default();
        let (unescaped, length) = escape(rest);
        match unescaped {
            Some(char) => value.push(char),
            None => value.push_str(rest.get(..length).unwrap_or_default()),
        }
        rest = rest.get(length..).unwrap_or_default();
    }
    value.push_str(rest);
    value
}

/// The character the escape at the start of `text` (a backslash) stands for, if it is one, and
/// how many bytes it takes (those kept as written if it is none).
fn escape(text: &str) -> (Option<char>, usize) {
    match text.as_bytes().get(1) {
        Some(b'u') => unicode_escape(text),
        Some(&byte) => match simple_escape(byte) {
            Some(simple) => (Some(simple), 2),
            None => (None, 1),
        },
        None => (None, 1),
    }
}

/// The character of a `\uXXXX` escape at the start of `text`, a surrogate pair read whole.
fn unicode_escape(text: &str) -> (Option<char>, usize) {
    let hex = |from: usize| {
        text.get(from..from + 4)
            .filter(|digits| digits.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .and_then(|digits| u32::from_str_radix(digits, 16).ok())
    };
    let Some(first) = hex(2) else {
        return (None, 2);
    };
    if (0xD800..0xDC00).contains(&first)
        && text.get(6..8) == Some("\\u")
        && let Some(second) = hex(8).filter(|low| (0xDC00..0xE000).contains(low))
    {
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        return (char::from_u32(code), 12);
    }
    (char::from_u32(first), 6)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    /// Where `offset` is in `text`, read first.
    fn cursor(text: &str, offset: usize) -> Cursor {
        super::cursor(&read(text), text, offset)
    }
    use crate::load::{self, Input, Limits};
    use crate::model::{Citation, Span};

    /// The files of a folder of the repository whose name ends in `.json`, with their text.
    fn json_files(folder: &str) -> Vec<(PathBuf, String)> {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                path.extension()
                    .is_some_and(|extension| extension == "json")
            })
            .map(|path| {
                let text = std::fs::read_to_string(&path).unwrap();
                (path, text)
            })
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no JSON file in {}", folder.display());
        files
    }

    /// A loaded span as a byte range.
    fn range(span: Span) -> Range<usize> {
        span.start as usize..span.end as usize
    }

    /// The tokens of `document` whose span is `span`.
    fn at(document: &Document, span: Span) -> Vec<&StringToken> {
        let span = range(span);
        document
            .strings
            .iter()
            .filter(|token| token.span == span)
            .collect()
    }

    /// Asserts that the one string at `span` of `document` has `role` and holds `value`.
    fn assert_role(document: &Document, span: Span, role: Role, value: &impl ToString) {
        let value = value.to_string();
        let found = at(document, span);
        assert_eq!(found.len(), 1, "{value} at {span:?}: {found:?}");
        assert_eq!(found[0].role, Some(role), "{found:?}");
        assert_eq!(found[0].value, value);
        assert_eq!(
            found[0].inner,
            found[0].span.start + 1..found[0].span.end - 1
        );
    }

    /// A step of a path, for short.
    fn key(name: &str) -> Step {
        Step::Key(name.to_owned())
    }

    /// Every place of a description where a string has a role, by path (`*` for any index).
    const DESCRIPTION_ROLES: &[(&[&str], Role)] = &[
        (&["ties", "*", "from"], Role::UnitReference),
        (&["ties", "*", "to"], Role::UnitReference),
        (&["units", "*", "within"], Role::UnitReference),
        (&["organisation", "unit"], Role::UnitReference),
        (&["units", "*", "id"], Role::UnitDeclaration),
        (&["sources", "*", "id"], Role::SourceDeclaration),
        (&["organisation", "id"], Role::OrganisationDeclaration),
        (&["units", "*", "kind"], Role::UnitKind),
        (&["units", "*", "was", "*", "kind"], Role::UnitKind),
        (&["ties", "*", "kind"], Role::TieKind),
        (&["units", "*", "source", "ref"], Role::SourceReference),
        (
            &["units", "*", "was", "*", "source", "ref"],
            Role::SourceReference,
        ),
        (&["ties", "*", "source", "ref"], Role::SourceReference),
    ];

    #[test]
    fn every_declaration_and_reference_of_the_builtin_description_is_found() {
        for (path, text) in json_files("org") {
            let document = read(&text);
            assert_eq!(document.kind, DocKind::Description, "{}", path.display());
            let input = Input::Text {
                name: path.clone(),
                text: text.clone(),
            };
            let loaded = load::load(&[input], Limits::default());
            let description = &loaded.description;
            assert!(!description.units.is_empty(), "{}", path.display());
            let citations = |citation: &Option<Citation>| {
                if let Some(citation) = citation {
                    let span = citation.source.span;
                    assert_role(
                        &document,
                        span,
                        Role::SourceReference,
                        &citation.source.value,
                    );
                }
            };
            for unit in description.units.values() {
                assert_role(
                    &document,
                    unit.id.span,
                    Role::UnitDeclaration,
                    &unit.id.value,
                );
                let kind = at(&document, unit.kind.span);
                assert_eq!(kind.len(), 1);
                assert_eq!(kind[0].role, Some(Role::UnitKind));
                citations(&unit.source);
                for was in &unit.was {
                    citations(&was.source);
                }
            }
            let declared = document
                .strings
                .iter()
                .filter(|token| token.role == Some(Role::UnitDeclaration))
                .count();
            assert_eq!(declared, description.units.len(), "{}", path.display());
            for tie in &description.ties {
                assert_role(
                    &document,
                    tie.from.span,
                    Role::UnitReference,
                    &tie.from.value,
                );
                assert_role(&document, tie.to.span, Role::UnitReference, &tie.to.value);
                let kind = at(&document, tie.kind.span);
                assert_eq!(kind.len(), 1);
                assert_eq!(kind[0].role, Some(Role::TieKind));
                citations(&tie.source);
            }
            for source in description.sources.values() {
                let (span, id) = (source.id.span, &source.id.value);
                assert_role(&document, span, Role::SourceDeclaration, id);
            }
            for organisation in &description.organisations {
                let (span, id) = (organisation.id.span, &organisation.id.value);
                assert_role(&document, span, Role::OrganisationDeclaration, id);
            }
            // No other string is given a role.
            for token in &document.strings {
                let expected = if token.is_key {
                    Some(Role::Field)
                } else {
                    DESCRIPTION_ROLES
                        .iter()
                        .find(|(pattern, _)| matches(pattern, &token.path))
                        .map(|(_, role)| *role)
                };
                assert_eq!(token.role, expected, "{}: {token:?}", path.display());
            }
        }
    }

    /// Every place of a proposal where a string has a role, by path (`*` for any index): what
    /// the schema, read by hand, says.
    const PROPOSAL_ROLES: &[(&[&str], Role)] = &[
        (&["sources", "*", "id"], Role::SourceDeclaration),
        (&["changes", "*", "source", "ref"], Role::SourceReference),
        (
            &["changes", "*", "organisation"],
            Role::OrganisationReference,
        ),
        (&["changes", "*", "add-unit", "id"], Role::UnitDeclaration),
        (&["changes", "*", "add-unit", "kind"], Role::UnitKind),
        (&["changes", "*", "add-unit", "within"], Role::UnitReference),
        (
            &["changes", "*", "add-unit", "source", "ref"],
            Role::SourceReference,
        ),
        (&["changes", "*", "add-tie", "from"], Role::UnitReference),
        (&["changes", "*", "add-tie", "to"], Role::UnitReference),
        (&["changes", "*", "add-tie", "kind"], Role::TieKind),
        (&["changes", "*", "remove-unit"], Role::UnitReference),
        (&["changes", "*", "remove-tie", "from"], Role::UnitReference),
        (&["changes", "*", "remove-tie", "to"], Role::UnitReference),
        (&["changes", "*", "remove-tie", "kind"], Role::TieKind),
        (&["changes", "*", "move", "unit"], Role::UnitReference),
        (&["changes", "*", "move", "to"], Role::UnitReference),
        (&["changes", "*", "move", "kind"], Role::TieKind),
        (&["changes", "*", "rename", "unit"], Role::UnitReference),
        (
            &["changes", "*", "change-kind", "unit"],
            Role::UnitReference,
        ),
        (&["changes", "*", "change-kind", "kind"], Role::UnitKind),
        (&["changes", "*", "update", "unit"], Role::UnitReference),
        (&["changes", "*", "merge", "unit"], Role::UnitReference),
        (&["changes", "*", "merge", "into"], Role::UnitReference),
        (&["changes", "*", "split", "unit"], Role::UnitReference),
        (
            &["changes", "*", "split", "into", "*", "id"],
            Role::UnitDeclaration,
        ),
        (
            &["changes", "*", "split", "into", "*", "kind"],
            Role::UnitKind,
        ),
        (
            &["changes", "*", "split", "assign", "*", "unit"],
            Role::UnitReference,
        ),
        (
            &["changes", "*", "split", "assign", "*", "tie", "from"],
            Role::UnitReference,
        ),
        (
            &["changes", "*", "split", "assign", "*", "tie", "to"],
            Role::UnitReference,
        ),
        (
            &["changes", "*", "split", "assign", "*", "tie", "kind"],
            Role::TieKind,
        ),
    ];

    /// Whether `path` is written by `pattern`.
    fn matches(pattern: &[&str], path: &[Step]) -> bool {
        pattern.len() == path.len()
            && pattern.iter().zip(path).all(|(part, step)| match step {
                Step::Key(key) => part == key,
                Step::Index(_) => *part == "*",
            })
    }

    /// A proposal with every operation the built-in proposals do not show.
    const EVERY_OPERATION: &str = r#"{
      "title": "Every operation",
      "sources": [{"id": "note-1", "title": "A note"}],
      "changes": [
        {"add-unit": {"id": "new-unit", "name": "New", "kind": "bureau", "within": "dsj",
                      "source": {"ref": "note-1"}},
         "organisation": "justice"},
        {"add-tie": {"kind": "attachment", "from": "new-unit", "to": "dsj"}},
        {"remove-unit": "old-unit"},
        {"remove-tie": {"kind": "cooperation", "from": "a", "to": "b"}},
        {"move": {"unit": "new-unit", "to": "sg", "kind": "line-authority"}},
        {"rename": {"unit": "dsj", "name": "Direction", "acronym": "DSJ"}},
        {"change-kind": {"unit": "dsj", "kind": "delegation"}},
        {"update": {"unit": "dsj", "set": {"remit": "Justice", "within": "sg"}}},
        {"merge": {"unit": "a", "into": "b"}},
        {"split": {"unit": "b",
                   "into": [{"id": "b-1", "name": "B1", "kind": "bureau"},
                            {"id": "b-2", "name": "B2", "kind": "bureau"}],
                   "assign": [{"tie": {"kind": "head", "from": "p", "to": "b"}, "unit": "b-2"}]},
         "reason": "Because", "source": {"ref": "note-1"}}
      ]
    }"#;

    #[test]
    fn every_id_and_kind_of_every_proposal_operation_has_its_role() {
        let mut texts = json_files("org/proposals");
        texts.push((
            PathBuf::from("every-operation.json"),
            EVERY_OPERATION.to_owned(),
        ));
        let mut seen = vec![false; PROPOSAL_ROLES.len()];
        for (path, text) in &texts {
            let document = read(text);
            assert_eq!(document.kind, DocKind::Proposal, "{}", path.display());
            for token in &document.strings {
                if token.is_key {
                    let object = &token.path[..token.path.len() - 1];
                    let set = object.iter().any(|step| *step == key("set"));
                    let expected = (!set).then_some(Role::Field);
                    assert_eq!(token.role, expected, "{}: {token:?}", path.display());
                    continue;
                }
                let expected = PROPOSAL_ROLES
                    .iter()
                    .position(|(pattern, _)| matches(pattern, &token.path));
                if let Some(index) = expected {
                    seen[index] = true;
                }
                let role = expected.map(|index| PROPOSAL_ROLES[index].1);
                assert_eq!(token.role, role, "{}: {token:?}", path.display());
                assert_eq!(&text[token.inner.clone()], token.value);
            }
        }
        let unseen: Vec<_> = PROPOSAL_ROLES
            .iter()
            .zip(&seen)
            .filter(|(_, seen)| !**seen)
            .collect();
        assert!(unseen.is_empty(), "never met: {unseen:?}");
    }

    #[test]
    fn the_kind_of_a_document_is_told_by_its_top_level_keys() {
        let kind = |text: &str| read(text).kind;
        assert_eq!(kind(r#"{"changes": []}"#), DocKind::Proposal);
        assert_eq!(kind(r#"{"title": "Being started"}"#), DocKind::Proposal);
        assert_eq!(
            kind(r#"{"title": "x", "organisation": {}}"#),
            DocKind::Description
        );
        assert_eq!(
            kind(r#"{"units": [{"changes": []}]}"#),
            DocKind::Description
        );
        assert_eq!(kind(""), DocKind::Description);
        // Read as a proposal, `organisation` is an added unit's; as a description, a file's.
        let text = r#"{"changes": [{"organisation": "justice"}]}"#;
        assert_eq!(
            read(text).strings[2].role,
            Some(Role::OrganisationReference)
        );
        let text = r#"{"organisation": {"id": "justice"}}"#;
        assert_eq!(
            read(text).strings[2].role,
            Some(Role::OrganisationDeclaration)
        );
    }

    /// The paths and values of a document's strings, for short.
    fn strings(text: &str) -> Vec<(Vec<Step>, String, bool)> {
        read(text)
            .strings
            .into_iter()
            .map(|token| (token.path, token.value, token.is_key))
            .collect()
    }

    #[test]
    fn strings_before_the_damage_keep_their_paths() {
        let head = r#"{"ties": [{"kind": "attachment", "from": "a", "to": "b"}, {"from": "#;
        let tie = vec![key("ties"), Step::Index(0)];
        let from = [tie.clone(), vec![key("from")]].concat();
        for damage in [
            "",
            "\"dsj-",
            "\"dsj-\n  \"to\": \"b\"}]}",
            "\"x\" \"to\" \"b\"",
            "\"x\" \"to\": }}}}]]]",
            "\"x\"} garbage \"tail\" ] } {",
            "\"\\q\\u12\\uD800\\",
            "{{{{{{{{[[[[[[",
            "é \"é🦀\" 🦀",
        ] {
            let text = format!("{head}{damage}");
            let document = read(&text);
            let found = strings(&text);
            assert!(found.len() >= 8, "{text}: {found:?}");
            assert_eq!(found[4], (from.clone(), "a".to_owned(), false), "{text}");
            assert_eq!(document.strings[4].role, Some(Role::UnitReference));
            let next = vec![key("ties"), Step::Index(1), key("from")];
            assert_eq!(found[7], (next, "from".to_owned(), true), "{text}");
            for token in &document.strings {
                assert!(text.is_char_boundary(token.span.start));
                assert!(text.is_char_boundary(token.span.end));
                assert!(text.get(token.inner.clone()).is_some());
            }
        }
    }

    #[test]
    fn malformed_texts_are_read_as_far_as_they_go() {
        // An unterminated string stops at its line's end, and the next line is read.
        let found = strings("{\"from\": \"dsj-\n \"to\": \"b\"}");
        assert_eq!(found[1], (vec![key("from")], "dsj-".to_owned(), false));
        assert_eq!(found[3], (vec![key("to")], "b".to_owned(), false));
        // A missing colon, a missing comma.
        let found = strings(r#"{"a" "x" "b": "y"}"#);
        assert_eq!(found[1], (vec![key("a")], "x".to_owned(), false));
        assert_eq!(found[2], (vec![key("b")], "b".to_owned(), true));
        assert_eq!(found[3], (vec![key("b")], "y".to_owned(), false));
        let found = strings(r#"["x" "y", "z"]"#);
        let indices: Vec<_> = found.iter().map(|(path, ..)| path.clone()).collect();
        let expected: Vec<_> = (0..3).map(|index| vec![Step::Index(index)]).collect();
        assert_eq!(indices, expected);
        // A bracket closes what is open inside it; one that closes nothing is ignored.
        let found = strings(r#"{"a": [1, {"b": 2 ], "c": "d"} ] ] "e""#);
        assert_eq!(found[3], (vec![key("c")], "d".to_owned(), false));
        assert_eq!(found[4], (vec![], "e".to_owned(), false));
        assert!(read("").strings.is_empty());
        assert!(read("   \n").strings.is_empty());
    }

    #[test]
    fn escapes_are_unescaped_and_invalid_ones_kept() {
        let value = |literal: &str| read(literal).strings[0].value.clone();
        assert_eq!(value(r#""a\nb\t\"\\\/""#), "a\nb\t\"\\/");
        assert_eq!(value(r#""\u00e9\uD83E\uDD80""#), "é🦀");
        assert_eq!(value(r#""\q\u12x\uD800 \uDC00""#), r"\q\u12x\uD800 \uDC00");
        assert_eq!(value(r#""\uD800\u0041""#), r"\uD800A");
        assert_eq!(value(r#""trailing\"#), r"trailing\");
        let token = &read("[\"é🦀\", \"x\"]").strings[1];
        assert_eq!(token.span, 11..14);
    }

    #[test]
    fn deep_nesting_is_skipped_and_reading_goes_on() {
        let deep = "[".repeat(100_000);
        assert!(read(&deep).strings.is_empty());
        let text = format!(r#"{{"a": {deep}"x"{}, "b": "y"}}"#, "]".repeat(100_000));
        let found = strings(&text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[2], (vec![key("b")], "y".to_owned(), false));
        let nested = format!("{}\"x\"", "[".repeat(MAX_DEPTH - 1));
        assert_eq!(read(&nested).strings[0].path.len(), MAX_DEPTH - 1);
        let cursor = cursor(&deep, 50_000);
        assert_eq!(cursor.token, None);
    }

    #[test]
    fn a_cursor_in_an_unterminated_value_knows_its_path_and_token() {
        let text = r#"{"ties": [{}, {}, {}, {"kind": "attachment", "from": "dsj-"#;
        let here = cursor(text, text.len());
        assert_eq!(here.place, Place::Value);
        assert_eq!(here.path, [key("ties"), Step::Index(3), key("from")]);
        let token = here.token.unwrap();
        assert_eq!(token.value, "dsj-");
        assert_eq!(token.role, Some(Role::UnitReference));
        assert_eq!(token.inner, text.len() - 4..text.len());
        // The same with lines after it.
        let text = format!("{text}\n  \"to\": \"b\"}}]}}");
        let offset = text.find("dsj-").unwrap() + 4;
        let here = cursor(&text, offset);
        assert_eq!(here.token.unwrap().value, "dsj-");
        assert_eq!(here.path, [key("ties"), Step::Index(3), key("from")]);
    }

    #[test]
    fn a_cursor_knows_keys_values_and_elsewhere() {
        let text = r#"{"units": [{"id": "a", "name": "A"}, { ], "ties": [ , tru"#;
        let offset = text.find("{ ]").unwrap() + 1;
        let here = cursor(text, offset);
        assert_eq!((here.place, here.token), (Place::Key, None));
        assert_eq!(here.path, [key("units"), Step::Index(1)]);
        // Inside an existing key.
        let here = cursor(text, text.find("name").unwrap() + 2);
        assert_eq!(here.place, Place::Key);
        assert_eq!(here.path, [key("units"), Step::Index(0)]);
        assert_eq!(here.token.unwrap().value, "name");
        // Touching a value's closing quote, then after a value before its comma.
        let here = cursor(text, text.find(r#""a","#).unwrap() + 3);
        assert_eq!(
            (here.place, here.token.unwrap().value),
            (Place::Value, "a".to_owned())
        );
        let here = cursor(text, text.find("\"A\"}").unwrap() + 4);
        assert_eq!(here.place, Place::Elsewhere);
        assert_eq!(here.path, [key("units")]);
        // After a colon, in an array, in a literal being typed.
        let here = cursor(r#"{"units": "#, 10);
        assert_eq!((here.place, here.path), (Place::Value, vec![key("units")]));
        let here = cursor(text, text.find("[ ,").unwrap() + 1);
        assert_eq!(here.place, Place::Value);
        assert_eq!(here.path, [key("ties"), Step::Index(0)]);
        // A comma with no element before it starts none.
        let here = cursor(text, text.len());
        assert_eq!(here.place, Place::Value);
        assert_eq!(here.path, [key("ties"), Step::Index(0)]);
        // Out of range, inside a character, at the start.
        let here = cursor("[\"é", 3);
        assert_eq!(here.path, [Step::Index(0)]);
        assert_eq!(here.token.unwrap().value, "é");
        assert_eq!(cursor(text, usize::MAX).path, [key("ties"), Step::Index(0)]);
        assert_eq!(cursor("", 7).place, Place::Value);
        assert_eq!(cursor(text, 0).place, Place::Value);
    }

    #[test]
    fn fields_come_from_the_schema() {
        let names = |kind, path: &[Step]| -> Vec<&str> {
            fields(kind, path)
                .into_iter()
                .map(|(name, _)| name)
                .collect()
        };
        let unit = names(DocKind::Description, &[key("units"), Step::Index(4)]);
        for field in ["id", "name", "kind", "acronym", "source", "within"] {
            assert!(unit.contains(&field), "{unit:?}");
        }
        let tie = names(DocKind::Description, &[key("ties"), Step::Index(0)]);
        for field in ["from", "to", "kind", "source"] {
            assert!(tie.contains(&field), "{tie:?}");
        }
        assert!(!tie.contains(&"name"));
        let change = names(DocKind::Proposal, &[key("changes"), Step::Index(0)]);
        for field in ["add-unit", "move", "rename", "merge", "split", "reason"] {
            assert!(change.contains(&field), "{change:?}");
        }
        let split = [key("changes"), Step::Index(0), key("split"), key("into")];
        let new = names(DocKind::Proposal, &[&split[..], &[Step::Index(1)]].concat());
        assert!(new.contains(&"kind"));
        let described = fields(DocKind::Description, &[key("ties"), Step::Index(0)]);
        assert!(
            described
                .iter()
                .all(|(_, description)| description.is_some())
        );
        let top = names(DocKind::Description, &[]);
        assert_eq!(top, ["$schema", "organisation", "sources", "units", "ties"]);
        assert!(names(DocKind::Description, &[key("nothing")]).is_empty());
    }

    #[test]
    fn roles_at_paths() {
        let tie = [key("ties"), Step::Index(2)];
        let at = |path: &[Step], is_key| role_at(DocKind::Description, path, is_key);
        assert_eq!(
            at(&[&tie[..], &[key("from")]].concat(), false),
            Some(Role::UnitReference)
        );
        assert_eq!(
            at(&[&tie[..], &[key("kind")]].concat(), false),
            Some(Role::TieKind)
        );
        assert_eq!(
            at(&[&tie[..], &[key("from")]].concat(), true),
            Some(Role::Field)
        );
        assert_eq!(at(&[&tie[..], &[key("nope")]].concat(), true), None);
        assert_eq!(
            at(&[key("units"), Step::Index(0), key("id")], false),
            Some(Role::UnitDeclaration)
        );
        let within = [key("units"), Step::Index(0), key("within")];
        assert_eq!(at(&within, false), Some(Role::UnitReference));
        let top = [key("organisation"), key("unit")];
        assert_eq!(at(&top, false), Some(Role::UnitReference));
        assert_eq!(at(&[], true), None);
        assert_eq!(at(&[], false), None);
        let moved = [key("changes"), Step::Index(0), key("move"), key("unit")];
        assert_eq!(
            role_at(DocKind::Proposal, &moved, false),
            Some(Role::UnitReference)
        );
    }

    proptest::proptest! {
        /// Any text reads, and any cursor in it is placed, without a panic, with spans on
        /// character boundaries.
        #[test]
        fn any_text_reads(text in "[{}\\[\\]:,\"\\\\ \\nua-z0-9é🦀]{0,80}", offset in 0usize..100) {
            let document = read(&text);
            for token in &document.strings {
                proptest::prop_assert!(text.get(token.span.clone()).is_some());
                proptest::prop_assert!(text.get(token.inner.clone()).is_some());
            }
            cursor(&text, offset);
        }

        /// Any truncation of a built-in file reads, and a cursor at its end is placed.
        #[test]
        fn truncated_files_read(file in 0usize..10, cut in 0usize..1_000_000) {
            let mut files = json_files("org");
            files.extend(json_files("org/proposals"));
            let (_, text) = &files[file % files.len()];
            let mut end = cut % (text.len() + 1);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let text = &text[..end];
            let document = read(text);
            proptest::prop_assert!(document.strings.iter().all(|token| token.span.end <= end));
            cursor(text, end);
            cursor(text, end / 2);
        }
    }
}
