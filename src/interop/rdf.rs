//! The graph as RDF, in the W3C Organization Ontology (`org:`) and PROV where they fit, with an
//! `organigram:` vocabulary for the rest. [`dataset`] builds the statements once; [`turtle`] and
//! [`jsonld`] only write them.
//!
//! - Units are `org:FormalOrganization` (organisations), `org:OrganizationalUnit` (line units),
//!   `org:Post` or `org:Organization` (bodies), and of the class of their kind
//!   (`organigram:SubDirectorate`, a sub-class of the former). Names are `skos:prefLabel`,
//!   aliases `skos:altLabel`, ids `org:identifier`, remits `org:purpose`, notes `rdfs:comment`.
//! - A tie is stated by its kind's property (`organigram:jointAttachment`) and by the W3C ORG
//!   properties the model gives it ([`TieKind::org_properties`](crate::model::TieKind::org_properties)):
//!   `org:subOrganizationOf` (and `org:unitOf`), `org:postIn`, `org:reportsTo`, `org:linkedTo`;
//!   super-properties are stated too, so that a query needs no inference. Each tie is also a
//!   reified statement (`rdf:Statement`) that carries its dates, note and source.
//! - Successions are `org:ChangeEvent`s, one per change: the succession ties of one date that
//!   share units are one event (undated ones when they share their predecessor), whose
//!   `org:originalOrganization`s are the predecessors and `org:resultingOrganization`s the
//!   successors (each of which points back by `org:changedBy` and `org:resultedFrom`): several
//!   into one is an `organigram:Merger`, one into several an `organigram:Split`, one into one an
//!   `organigram:Replacement`. The event's date is its `dct:date`, at the precision the
//!   description gives it, rather than `prov:startedAtTime`, whose `xsd:dateTime` would give a
//!   day a time of day and a time zone that no document says.
//! - A unit's life is `organigram:validFrom` and `organigram:validUntil`, as a tie's period.
//! - A membership of a body, and a post's place in its unit, are also `org:Membership`s
//!   (`membership:N`, the tie's number), whose `org:memberDuring` is a `time:Interval` when the
//!   tie is dated: its `time:hasBeginning` and `time:hasEnd` are `time:Instant`s, at the
//!   precision of the date (`time:inXSDDate`, `time:inXSDgYearMonth`, `time:inXSDgYear`).
//! - Sources are `prov:Entity`s; a unit or tie cites one by `prov:wasDerivedFrom`, and, when the
//!   citation quotes the document or says where in it, by a `prov:qualifiedDerivation` that holds
//!   the quote and the locator.
//!
//! [`turtle`]: super::turtle
//! [`jsonld`]: super::jsonld

use std::borrow::Cow;
use std::fmt;

use crate::graph::{Belonging, OrgGraph, TieIx, UnitIx};
use crate::model::{Boundary, Citation, Date, Family, FastMap, Period, Tie, TieKind, UnitKind};

/// The base of the IRIs of units, ties, sources and organisations when none is given.
pub const DEFAULT_BASE: &str = "urn:organigram:";

/// The IRI under which an export names its units (`<base>unit/dsj`), ties, sources and
/// organisations: an absolute IRI ending with `/`, `#` or `:`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base(String);

/// Why a text is not a base IRI.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BaseError {
    /// No scheme (`https:`, `urn:`): the IRI would be relative.
    NotAbsolute(String),
    /// A character IRIs cannot hold (a space, `<`, `"`...).
    BadCharacter(String, char),
    /// Not ending with `/`, `#` or `:`, so ids would run into the base.
    NoSeparator(String),
}

impl fmt::Display for BaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BaseError::NotAbsolute(text) => {
                write!(
                    f,
                    "{text:?} is not an absolute IRI: it needs a scheme such as https: or urn:"
                )
            }
            BaseError::BadCharacter(text, c) => {
                write!(f, "{text:?} holds {c:?}, which an IRI cannot hold")
            }
            BaseError::NoSeparator(text) => write!(
                f,
                "{text:?} must end with `/`, `#` or `:`, so that ids do not run into it"
            ),
        }
    }
}

impl std::error::Error for BaseError {}

impl Base {
    /// `text` as a base, when it is an absolute IRI (with a scheme) that holds no space, quote or
    /// angle bracket and ends with `/`, `#` or `:`, so that `<base>unit/dsj` is an IRI too.
    pub fn new(text: &str) -> Result<Base, BaseError> {
        if let Some(c) = text
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(*c))
        {
            return Err(BaseError::BadCharacter(text.to_owned(), c));
        }
        let scheme = text.split_once(':').map(|(scheme, _)| scheme);
        let absolute = scheme.is_some_and(|s| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
        if !absolute {
            return Err(BaseError::NotAbsolute(text.to_owned()));
        }
        if !text.ends_with(['/', '#', ':']) {
            return Err(BaseError::NoSeparator(text.to_owned()));
        }
        Ok(Base(text.to_owned()))
    }

    /// The base as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Base {
    fn default() -> Base {
        Base(DEFAULT_BASE.to_owned())
    }
}

/// The namespaces of every IRI an export writes, each with its prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Namespace {
    Rdf,
    Rdfs,
    Xsd,
    Skos,
    Dct,
    Prov,
    Org,
    /// W3C OWL-Time, for the intervals of memberships.
    Time,
    /// The `organigram:` vocabulary: unit kind classes, tie kind properties, attributes.
    Vocabulary,
    Unit,
    Tie,
    Event,
    Membership,
    Source,
    Organisation,
}

/// The namespace of the `organigram:` vocabulary, whatever the base.
pub const VOCABULARY: &str = "urn:organigram:vocab:";

impl Namespace {
    /// Every namespace, in the order prefixes are declared.
    pub(crate) const ALL: [Namespace; 15] = [
        Namespace::Rdf,
        Namespace::Rdfs,
        Namespace::Xsd,
        Namespace::Skos,
        Namespace::Dct,
        Namespace::Prov,
        Namespace::Org,
        Namespace::Time,
        Namespace::Vocabulary,
        Namespace::Unit,
        Namespace::Tie,
        Namespace::Event,
        Namespace::Membership,
        Namespace::Source,
        Namespace::Organisation,
    ];

    pub(crate) const fn prefix(self) -> &'static str {
        match self {
            Namespace::Rdf => "rdf",
            Namespace::Rdfs => "rdfs",
            Namespace::Xsd => "xsd",
            Namespace::Skos => "skos",
            Namespace::Dct => "dct",
            Namespace::Prov => "prov",
            Namespace::Org => "org",
            Namespace::Time => "time",
            Namespace::Vocabulary => "organigram",
            Namespace::Unit => "unit",
            Namespace::Tie => "tie",
            Namespace::Event => "event",
            Namespace::Membership => "membership",
            Namespace::Source => "source",
            Namespace::Organisation => "organisation",
        }
    }

    /// The namespace's IRI; those of the description's things are under `base`
    /// (`<base>unit/`, or `<base>unit:` when the base ends with `:`).
    pub(crate) fn iri(self, base: &Base) -> Cow<'static, str> {
        let fixed = match self {
            Namespace::Rdf => "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            Namespace::Rdfs => "http://www.w3.org/2000/01/rdf-schema#",
            Namespace::Xsd => "http://www.w3.org/2001/XMLSchema#",
            Namespace::Skos => "http://www.w3.org/2004/02/skos/core#",
            Namespace::Dct => "http://purl.org/dc/terms/",
            Namespace::Prov => "http://www.w3.org/ns/prov#",
            Namespace::Org => "http://www.w3.org/ns/org#",
            Namespace::Time => "http://www.w3.org/2006/time#",
            Namespace::Vocabulary => VOCABULARY,
            data => {
                let separator = if base.0.ends_with(':') { ':' } else { '/' };
                return Cow::Owned(format!("{}{}{separator}", base.0, data.prefix()));
            }
        };
        Cow::Borrowed(fixed)
    }
}

/// An IRI: a namespace and a local name that needs no escaping (a slug, a number, a camel-case
/// name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Iri {
    pub(crate) namespace: Namespace,
    pub(crate) local: Cow<'static, str>,
}

impl Iri {
    fn new(namespace: Namespace, local: impl Into<Cow<'static, str>>) -> Iri {
        Iri {
            namespace,
            local: local.into(),
        }
    }

    /// Whether this is `rdf:type`, which Turtle writes `a` and JSON-LD `@type`.
    pub(crate) fn is_type(&self) -> bool {
        self.namespace == Namespace::Rdf && self.local == "type"
    }
}

fn rdf(local: &'static str) -> Iri {
    Iri::new(Namespace::Rdf, local)
}
fn rdfs(local: &'static str) -> Iri {
    Iri::new(Namespace::Rdfs, local)
}
fn xsd(local: &'static str) -> Iri {
    Iri::new(Namespace::Xsd, local)
}
fn skos(local: &'static str) -> Iri {
    Iri::new(Namespace::Skos, local)
}
fn dct(local: &'static str) -> Iri {
    Iri::new(Namespace::Dct, local)
}
fn prov(local: &'static str) -> Iri {
    Iri::new(Namespace::Prov, local)
}
fn org(local: &'static str) -> Iri {
    Iri::new(Namespace::Org, local)
}
fn time(local: &'static str) -> Iri {
    Iri::new(Namespace::Time, local)
}
fn vocabulary(local: impl Into<Cow<'static, str>>) -> Iri {
    Iri::new(Namespace::Vocabulary, local)
}

/// What a statement is about: a named thing or a blank node (a qualified derivation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    Iri(Iri),
    Blank(usize),
}

/// The object of a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Object {
    Iri(Iri),
    Blank(usize),
    /// A plain string.
    Text(String),
    /// A literal of an XSD datatype (a date).
    Typed(String, Iri),
    Boolean(bool),
    Integer(u64),
}

/// Everything stated about one subject, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resource {
    pub(crate) subject: Subject,
    pub(crate) properties: Vec<(Iri, Object)>,
}

impl Resource {
    fn new(subject: Subject) -> Resource {
        Resource {
            subject,
            properties: Vec::new(),
        }
    }

    fn named(iri: Iri) -> Resource {
        Resource::new(Subject::Iri(iri))
    }

    fn add(&mut self, property: Iri, object: Object) -> &mut Resource {
        self.properties.push((property, object));
        self
    }

    fn add_type(&mut self, class: Iri) -> &mut Resource {
        self.add(rdf("type"), Object::Iri(class))
    }

    fn add_text(&mut self, property: Iri, text: Option<&str>) -> &mut Resource {
        if let Some(text) = text {
            self.add(property, Object::Text(text.to_owned()));
        }
        self
    }

    fn add_date(&mut self, property: Iri, date: Option<Date>) -> &mut Resource {
        if let Some(date) = date {
            self.add(property, date_literal(date));
        }
        self
    }
}

/// Every statement of an export, grouped by subject, in a fixed order: the vocabulary, the
/// organisations, the sources, the units, then the ties, each in declaration order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    pub(crate) base: Base,
    pub(crate) resources: Vec<Resource>,
}

/// The XSD datatype of a date's precision, and the OWL-Time property of an instant at that
/// precision: `gYear` and `time:inXSDgYear`, `gYearMonth` and `time:inXSDgYearMonth`, `date` and
/// `time:inXSDDate`.
const fn precision(date: Date) -> (&'static str, &'static str) {
    match (date.month, date.day) {
        (None, _) => ("gYear", "inXSDgYear"),
        (Some(_), None) => ("gYearMonth", "inXSDgYearMonth"),
        (Some(_), Some(_)) => ("date", "inXSDDate"),
    }
}

/// A date as a typed literal of its precision: `xsd:gYear`, `xsd:gYearMonth` or `xsd:date`.
fn date_literal(date: Date) -> Object {
    Object::Typed(date.to_string(), xsd(precision(date).0))
}

/// `sub-directorate` → `SubDirectorate` (a class), `joint-attachment` → `jointAttachment` (a
/// property).
fn camel(name: &str, upper_first: bool) -> String {
    let mut camel = String::with_capacity(name.len());
    let mut upper = upper_first;
    for c in name.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            camel.extend(c.to_uppercase());
            upper = false;
        } else {
            camel.push(c);
        }
    }
    camel
}

fn kind_class(kind: UnitKind) -> Iri {
    vocabulary(camel(kind.as_str(), true))
}

fn tie_property(kind: TieKind) -> Iri {
    vocabulary(camel(kind.as_str(), false))
}

fn family_class(family: Family) -> Iri {
    org(family.org_class())
}

/// The vocabulary's own properties, with what they say.
const ATTRIBUTES: &[(&str, &str)] = &[
    ("acronym", "The unit's or organisation's acronym."),
    (
        "status",
        "Whether the unit is active, being set up, planned or dissolved.",
    ),
    ("vacant", "Whether nobody holds the post."),
    ("vacantFrom", "The date the post falls or fell vacant."),
    (
        "recruiting",
        "Whether a recruitment to the post is under way.",
    ),
    (
        "newlyCreated",
        "Whether the post is newly created, so that nobody held it before.",
    ),
    (
        "termMonths",
        "How long the post's holder is appointed for, in months.",
    ),
    (
        "grade",
        "The grade or group the post is classed in, as the documents write it.",
    ),
    (
        "role",
        "A standing role the documents give the unit beyond its remit, as they word it.",
    ),
    (
        "within",
        "The unit this one is inside when the documents do not name its exact parent.",
    ),
    (
        "collective",
        "Whether the unit stands for a group the documents name only as a whole.",
    ),
    ("headcount", "How many people the unit has or should have."),
    (
        "headcountBasis",
        "Whether the headcount is a target or actual.",
    ),
    (
        "headcountQualifier",
        "Whether the headcount is exact, a minimum or an approximation.",
    ),
    ("headcountDate", "The date the headcount is for."),
    ("location", "Where the unit is."),
    (
        "boundary",
        "Where the unit's hierarchy ends when it has no superior in the description: top, or parent-outside.",
    ),
    (
        "organisation",
        "The organisation (description file) the unit is declared in.",
    ),
    (
        "validFrom",
        "When the unit began, or the tie started to hold: the first day it holds.",
    ),
    (
        "validUntil",
        "When the unit ended, or the tie stopped holding: the first day it no longer holds.",
    ),
    ("quote", "The words of the source that state the fact."),
    ("locator", "Where in the source the fact is stated."),
    ("reference", "The source's reference number."),
    ("url", "Where the source can be read online."),
    (
        "file",
        "Where a copy of the source lies, relative to the description.",
    ),
];

fn vocabulary_resources(resources: &mut Vec<Resource>) {
    let mut organisation = Resource::named(vocabulary("Organisation"));
    organisation
        .add_type(rdfs("Class"))
        .add_text(rdfs("label"), Some("organisation"))
        .add_text(
            rdfs("comment"),
            Some("What one description file describes: a ministry, a local authority, a group of units."),
        );
    resources.push(organisation);
    for &kind in UnitKind::ALL {
        let mut class = Resource::named(kind_class(kind));
        class
            .add_type(rdfs("Class"))
            .add(rdfs("subClassOf"), Object::Iri(family_class(kind.family())))
            .add_text(rdfs("label"), Some(kind.as_str()))
            .add_text(rdfs("comment"), Some(kind.description()));
        resources.push(class);
    }
    for &kind in TieKind::ALL {
        let mut property = Resource::named(tie_property(kind));
        property
            .add_type(rdf("Property"))
            .add_text(rdfs("label"), Some(kind.as_str()))
            .add_text(rdfs("comment"), Some(kind.description()));
        if kind == TieKind::Head {
            property.add(rdfs("subPropertyOf"), Object::Iri(org("headOf")));
        } else if !kind.is_hierarchical() {
            property.add(rdfs("subPropertyOf"), Object::Iri(org("linkedTo")));
        }
        resources.push(property);
    }
    for (name, comment) in ATTRIBUTES {
        let mut property = Resource::named(vocabulary(*name));
        property
            .add_type(rdf("Property"))
            .add_text(rdfs("label"), Some(name))
            .add_text(rdfs("comment"), Some(comment));
        resources.push(property);
    }
    for shape in [Shape::Merger, Shape::Split, Shape::Replacement] {
        if let Some((class, comment)) = shape.class() {
            let mut resource = Resource::named(vocabulary(class));
            resource
                .add_type(rdfs("Class"))
                .add(rdfs("subClassOf"), Object::Iri(org("ChangeEvent")))
                .add_text(rdfs("label"), Some(class))
                .add_text(rdfs("comment"), Some(comment));
            resources.push(resource);
        }
    }
}

/// What a change does, from how many units it has on each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// Several units into one.
    Merger,
    /// One unit into several.
    Split,
    /// One unit into one.
    Replacement,
    /// Several into several: a restructuring, of no class but `org:ChangeEvent`.
    Restructuring,
}

impl Shape {
    fn of(originals: usize, results: usize) -> Shape {
        match (originals, results) {
            (1, 1) => Shape::Replacement,
            (_, 1) => Shape::Merger,
            (1, _) => Shape::Split,
            _ => Shape::Restructuring,
        }
    }

    /// The `organigram:` class of the shape, a sub-class of `org:ChangeEvent`, with what it says.
    const fn class(self) -> Option<(&'static str, &'static str)> {
        match self {
            Shape::Merger => Some((
                "Merger",
                "A change in which several organisations or units became one.",
            )),
            Shape::Split => Some((
                "Split",
                "A change in which one organisation or unit became several.",
            )),
            Shape::Replacement => Some((
                "Replacement",
                "A change in which one organisation or unit succeeded another.",
            )),
            Shape::Restructuring => None,
        }
    }
}

/// One change: succession ties of one date that share units.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ChangeEvent {
    /// The event's local name: the number of its first tie.
    number: String,
    /// When it took effect: the ties' `valid_from`.
    date: Option<Date>,
    /// Its succession ties, in declaration order.
    ties: Vec<TieIx>,
}

/// The root of `at` in a union-find forest, halving the path on the way.
fn root(parent: &mut [usize], mut at: usize) -> usize {
    while parent[at] != at {
        parent[at] = parent[parent[at]];
        at = parent[at];
    }
    at
}

impl ChangeEvent {
    /// `event:N`, N the number of its first tie.
    fn iri(&self) -> Iri {
        Iri::new(Namespace::Event, self.number.clone())
    }
}

/// The changes of a graph's successions, in the order of their first tie: the succession ties
/// of one date (their `valid_from`) that share a unit, directly or through other ties of that
/// date, are one event. Undated ties are one event when they share their predecessor, which
/// ended once; not when they share only their successor, which may have taken over from each at
/// another time. Each tie's event, by its index. Near-linear in the number of succession ties
/// (a union-find).
///
/// The date is written `dct:date`, at its precision (`xsd:date`, `xsd:gYearMonth`,
/// `xsd:gYear`), rather than `prov:startedAtTime`, which ORG suggests for a `ChangeEvent` (a
/// `prov:Activity`): its range is `xsd:dateTime`, an instant with a time of day, and a decree's
/// date (or a year) is a day, which written as midnight would be given a time and a time zone
/// that no document says.
fn change_events(graph: &OrgGraph) -> (Vec<ChangeEvent>, FastMap<TieIx, usize>) {
    let successions: Vec<(TieIx, &Tie)> = graph
        .ties()
        .filter(|(_, tie)| tie.kind.value == TieKind::Succession)
        .collect();
    // Union-find over the successions: two of one date that share a unit are joined.
    let mut parent: Vec<usize> = (0..successions.len()).collect();
    let mut first_of: FastMap<(Option<Date>, UnitIx), usize> = FastMap::default();
    for (n, &(ix, tie)) in successions.iter().enumerate() {
        let (from, to) = graph.ends(ix);
        let date = tie.valid_from.map(Date::start);
        let shared = if date.is_some() {
            &[from, to][..]
        } else {
            &[to][..]
        };
        for &unit in shared {
            let first = *first_of.entry((date, unit)).or_insert(n);
            let (a, b) = (root(&mut parent, first), root(&mut parent, n));
            // The earlier tie is the root, so that an event is named after its first.
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut events: Vec<ChangeEvent> = Vec::new();
    let mut event_of_root: FastMap<usize, usize> = FastMap::default();
    let mut event_of: FastMap<TieIx, usize> = FastMap::default();
    for (n, &(ix, tie)) in successions.iter().enumerate() {
        let top = root(&mut parent, n);
        let event = *event_of_root.entry(top).or_insert_with(|| {
            events.push(ChangeEvent {
                number: tie_number(ix),
                date: tie.valid_from,
                ties: Vec::new(),
            });
            events.len() - 1
        });
        events[event].ties.push(ix);
        event_of.insert(ix, event);
    }
    (events, event_of)
}

/// Builds the statements of an export; blank nodes are numbered in the order made.
struct Builder {
    resources: Vec<Resource>,
    blanks: usize,
}

impl Builder {
    /// Pushes `resource`, stating that it comes from the cited source, then, when the citation
    /// quotes the document or says where in it, the qualified derivation that holds the quote and
    /// the locator.
    fn push_cited(&mut self, mut resource: Resource, citation: Option<&Citation>) {
        let Some(citation) = citation else {
            self.resources.push(resource);
            return;
        };
        let source = Object::Iri(Iri::new(
            Namespace::Source,
            citation.source.as_str().to_owned(),
        ));
        resource.add(prov("wasDerivedFrom"), source.clone());
        if citation.quote.is_none() && citation.locator.is_none() {
            self.resources.push(resource);
            return;
        }
        self.blanks += 1;
        resource.add(prov("qualifiedDerivation"), Object::Blank(self.blanks));
        self.resources.push(resource);
        let mut derivation = Resource::new(Subject::Blank(self.blanks));
        derivation
            .add_type(prov("Derivation"))
            .add(prov("entity"), source)
            .add_text(vocabulary("quote"), citation.quote.as_deref())
            .add_text(vocabulary("locator"), citation.locator.as_deref());
        self.resources.push(derivation);
    }

    /// A new blank node, numbered in the order made.
    fn blank(&mut self) -> usize {
        self.blanks += 1;
        self.blanks
    }

    /// The `time:Interval` of a dated period, with a `time:Instant` at each end it has: its
    /// blank node, and its statements to push after the one that points at it. `None` for a
    /// period open at both ends. The end instant is the first day the fact no longer holds, as
    /// organigram's `valid_until` says.
    fn interval(&mut self, period: Period) -> Option<(usize, Vec<Resource>)> {
        if period.is_open() {
            return None;
        }
        let interval = self.blank();
        let mut resources = vec![Resource::new(Subject::Blank(interval))];
        resources[0].add_type(time("Interval"));
        for (property, date) in [("hasBeginning", period.from), ("hasEnd", period.until)] {
            if let Some(date) = date {
                let instant = self.blank();
                resources[0].add(time(property), Object::Blank(instant));
                let mut at = Resource::new(Subject::Blank(instant));
                at.add_type(time("Instant"))
                    .add(time(precision(date).1), date_literal(date));
                resources.push(at);
            }
        }
        Some((interval, resources))
    }
}

fn unit_iri(id: &str) -> Iri {
    Iri::new(Namespace::Unit, id.to_owned())
}

/// A tie's local name: its number in declaration order, from 0, as in the other exports.
fn tie_number(ix: crate::graph::TieIx) -> String {
    ix.index().to_string()
}

/// Whether a tie is also an `org:Membership`: a membership of a body, or a post's place in its
/// unit (a tie that states `org:postIn`).
fn is_membership(graph: &OrgGraph, ix: TieIx, tie: &Tie) -> bool {
    let (from, to) = graph.ends(ix);
    let families = (graph.unit(from).kind.family(), graph.unit(to).kind.family());
    tie.kind.value == TieKind::Membership
        || tie
            .kind
            .org_properties(families.0, families.1)
            .contains(&"postIn")
}

/// The statements of the whole graph. Linear in the size of the graph, but for grouping the
/// successions into events.
pub fn dataset(graph: &OrgGraph, base: &Base) -> Dataset {
    let mut builder = Builder {
        resources: Vec::new(),
        blanks: 0,
    };
    vocabulary_resources(&mut builder.resources);
    let (events, event_of) = change_events(graph);

    for organisation in graph.organisations() {
        let mut resource = Resource::named(Iri::new(
            Namespace::Organisation,
            organisation.id.as_str().to_owned(),
        ));
        resource
            .add_type(vocabulary("Organisation"))
            .add_text(dct("identifier"), Some(organisation.id.as_str()))
            .add_text(skos("prefLabel"), Some(&organisation.name))
            .add_text(vocabulary("acronym"), organisation.acronym.as_deref());
        builder.resources.push(resource);
    }

    for source in graph.sources() {
        let mut resource =
            Resource::named(Iri::new(Namespace::Source, source.id.as_str().to_owned()));
        resource
            .add_type(prov("Entity"))
            .add_text(dct("identifier"), Some(source.id.as_str()))
            .add_text(dct("title"), Some(&source.title))
            .add_text(vocabulary("reference"), source.reference.as_deref())
            .add_text(dct("publisher"), source.publisher.as_deref())
            .add_date(dct("date"), source.date);
        if let Some(url) = &source.url {
            resource.add(vocabulary("url"), Object::Typed(url.clone(), xsd("anyURI")));
        }
        resource.add_text(vocabulary("file"), source.file.as_deref());
        builder.resources.push(resource);
    }

    for (ix, unit) in graph.units() {
        let mut resource = Resource::named(unit_iri(unit.id.as_str()));
        resource
            .add_type(family_class(unit.kind.family()))
            .add_type(kind_class(unit.kind.value))
            .add_text(org("identifier"), Some(unit.id.as_str()))
            .add_text(skos("prefLabel"), Some(&unit.name))
            .add_text(vocabulary("acronym"), unit.acronym.as_deref());
        for alias in &unit.aliases {
            resource.add_text(skos("altLabel"), Some(alias));
        }
        resource
            .add_text(vocabulary("status"), Some(unit.status.as_str()))
            .add_date(vocabulary("validFrom"), unit.valid_from)
            .add_date(vocabulary("validUntil"), unit.valid_until);
        if unit.kind.value == UnitKind::Post {
            resource
                .add(vocabulary("vacant"), Object::Boolean(unit.is_vacant()))
                .add(
                    vocabulary("recruiting"),
                    Object::Boolean(unit.is_recruiting()),
                )
                .add(
                    vocabulary("newlyCreated"),
                    Object::Boolean(unit.is_newly_created()),
                );
        }
        resource.add_date(vocabulary("vacantFrom"), unit.vacancy_date());
        if let Some(months) = unit.term() {
            resource.add(vocabulary("termMonths"), Object::Integer(months.into()));
        }
        resource.add_text(vocabulary("grade"), unit.grade.as_deref());
        if let Some(headcount) = &unit.headcount {
            resource
                .add(
                    vocabulary("headcount"),
                    Object::Integer(headcount.count.into()),
                )
                .add_text(vocabulary("headcountBasis"), Some(headcount.basis.as_str()))
                .add_text(
                    vocabulary("headcountQualifier"),
                    Some(headcount.qualifier.as_str()),
                )
                .add_date(vocabulary("headcountDate"), headcount.date);
        }
        resource
            .add_text(org("purpose"), unit.remit.as_deref())
            .add_text(vocabulary("location"), unit.location.as_deref())
            .add_text(vocabulary("boundary"), unit.boundary.map(Boundary::as_str));
        for role in &unit.roles {
            resource.add_text(vocabulary("role"), Some(role));
        }
        if let Some(within) = unit.within_id() {
            resource.add(vocabulary("within"), Object::Iri(unit_iri(within)));
        }
        if unit.collective {
            resource.add(vocabulary("collective"), Object::Boolean(true));
        }
        resource.add_text(rdfs("comment"), unit.note.as_deref());
        match graph.belonging(ix) {
            Belonging::Described(_) => {
                if let Some(organisation) = graph.organisation_of(ix) {
                    let iri =
                        Iri::new(Namespace::Organisation, organisation.id.as_str().to_owned());
                    resource.add(vocabulary("organisation"), Object::Iri(iri));
                }
            }
            Belonging::Named(unit) => {
                let iri = unit_iri(graph.unit(unit).id.as_str());
                resource.add(vocabulary("organisation"), Object::Iri(iri));
            }
            Belonging::Outside => {}
        }
        // The unit's change events, each once though several of its ties are in it.
        let mut changes: Vec<(&'static str, usize)> = Vec::new();
        for view in graph.ties_of(ix) {
            let tie = view.tie;
            let other = Object::Iri(unit_iri(graph.unit(view.other).id.as_str()));
            if view.outgoing {
                resource.add(tie_property(tie.kind.value), other.clone());
                let families = (unit.kind.family(), graph.unit(view.other).kind.family());
                for property in tie.kind.org_properties(families.0, families.1) {
                    resource.add(org(property), other.clone());
                }
            }
            if let Some(&event) = event_of.get(&view.index) {
                let property = if view.outgoing {
                    "resultedFrom"
                } else {
                    "changedBy"
                };
                if !changes.contains(&(property, event)) {
                    changes.push((property, event));
                }
            }
        }
        for (property, event) in changes {
            resource.add(org(property), Object::Iri(events[event].iri()));
        }
        builder.push_cited(resource, unit.source.as_ref());
    }

    for (ix, tie) in graph.ties() {
        let mut statement = Resource::named(Iri::new(Namespace::Tie, tie_number(ix)));
        statement
            .add_type(rdf("Statement"))
            .add(rdf("subject"), Object::Iri(unit_iri(tie.from.as_str())))
            .add(rdf("predicate"), Object::Iri(tie_property(tie.kind.value)))
            .add(rdf("object"), Object::Iri(unit_iri(tie.to.as_str())))
            .add_date(vocabulary("validFrom"), tie.valid_from)
            .add_date(vocabulary("validUntil"), tie.valid_until)
            .add_text(rdfs("comment"), tie.note.as_deref());
        builder.push_cited(statement, tie.source.as_ref());
        if is_membership(graph, ix, tie) {
            let mut membership = Resource::named(Iri::new(Namespace::Membership, tie_number(ix)));
            membership
                .add_type(org("Membership"))
                .add(org("member"), Object::Iri(unit_iri(tie.from.as_str())))
                .add(org("organization"), Object::Iri(unit_iri(tie.to.as_str())));
            let interval = builder.interval(tie.period());
            if let Some((blank, _)) = &interval {
                membership.add(org("memberDuring"), Object::Blank(*blank));
            }
            builder.resources.push(membership);
            builder
                .resources
                .extend(interval.into_iter().flat_map(|(_, statements)| statements));
        }
        let event = event_of
            .get(&ix)
            .map(|&event| &events[event])
            .filter(|event| event.ties.first() == Some(&ix));
        if let Some(event) = event {
            builder.resources.push(change_event(graph, event));
        }
    }
    Dataset {
        base: base.clone(),
        resources: builder.resources,
    }
}

/// The statements of a change event: its class, its original and resulting units (each once,
/// in the order of its ties), its date, the sources and notes of its ties.
fn change_event(graph: &OrgGraph, event: &ChangeEvent) -> Resource {
    let mut originals: Vec<&str> = Vec::new();
    let mut results: Vec<&str> = Vec::new();
    let mut sources: Vec<&str> = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
    for &ix in &event.ties {
        let tie = graph.tie(ix);
        for (list, unit) in [
            (&mut originals, tie.to.as_str()),
            (&mut results, tie.from.as_str()),
        ] {
            if !list.contains(&unit) {
                list.push(unit);
            }
        }
        if let Some(source) = tie.source.as_ref().map(|c| c.source.as_str())
            && !sources.contains(&source)
        {
            sources.push(source);
        }
        notes.extend(tie.note.as_deref());
    }
    let mut resource = Resource::named(event.iri());
    resource.add_type(org("ChangeEvent"));
    if let Some((class, _)) = Shape::of(originals.len(), results.len()).class() {
        resource.add_type(vocabulary(class));
    }
    for unit in originals {
        resource.add(org("originalOrganization"), Object::Iri(unit_iri(unit)));
    }
    for unit in results {
        resource.add(org("resultingOrganization"), Object::Iri(unit_iri(unit)));
    }
    resource.add_date(dct("date"), event.date);
    for note in notes {
        resource.add_text(rdfs("comment"), Some(note));
    }
    for source in sources {
        resource.add(
            prov("wasDerivedFrom"),
            Object::Iri(Iri::new(Namespace::Source, source.to_owned())),
        );
    }
    resource
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_absolute_iris_that_end_with_a_separator() {
        assert!(Base::new("https://example.org/gov/").is_ok());
        assert!(Base::new("urn:x:").is_ok());
        assert!(Base::new("https://example.org/#").is_ok());
        assert!(matches!(
            Base::new("example/"),
            Err(BaseError::NotAbsolute(_))
        ));
        assert!(matches!(
            Base::new("https://example.org/a b/"),
            Err(BaseError::BadCharacter(_, ' '))
        ));
        assert!(matches!(
            Base::new("https://example.org/gov"),
            Err(BaseError::NoSeparator(_))
        ));
    }

    #[test]
    fn data_namespaces_follow_the_base() {
        let base = Base::new("https://example.org/gov/").unwrap();
        assert_eq!(Namespace::Unit.iri(&base), "https://example.org/gov/unit/");
        assert_eq!(Namespace::Tie.iri(&Base::default()), "urn:organigram:tie:");
        assert_eq!(Namespace::Org.iri(&base), "http://www.w3.org/ns/org#");
    }

    #[test]
    fn kinds_become_camel_case_terms() {
        assert_eq!(camel("sub-directorate", true), "SubDirectorate");
        assert_eq!(camel("joint-attachment", false), "jointAttachment");
        assert_eq!(camel("ministry", true), "Ministry");
    }

    /// The events of a graph's successions: each one's date and its ties' ends, as
    /// `successor<predecessor`.
    fn events(description: crate::model::Description) -> Vec<(Option<String>, Vec<String>)> {
        let graph = crate::graph::testing::build(description);
        let (events, event_of) = change_events(&graph);
        for (n, event) in events.iter().enumerate() {
            assert!(event.ties.iter().all(|ix| event_of[ix] == n));
            assert_eq!(event.number, tie_number(event.ties[0]));
        }
        events
            .iter()
            .map(|event| {
                let ends = event
                    .ties
                    .iter()
                    .map(|&ix| {
                        let tie = graph.tie(ix);
                        format!("{}<{}", tie.from.as_str(), tie.to.as_str())
                    })
                    .collect();
                (event.date.map(|d| d.to_string()), ends)
            })
            .collect()
    }

    #[test]
    fn successions_of_one_date_that_share_units_are_one_event() {
        use crate::model::{TieKind::*, UnitKind::*};
        let mut d = crate::graph::testing::description(
            &[
                ("a", Directorate),
                ("b", Directorate),
                ("ab", Directorate),
                ("c", Service),
                ("c1", Service),
                ("c2", Service),
                ("d", Bureau),
            ],
            &[
                ("ab", Succession, "a"),
                ("c1", Succession, "c"),
                ("ab", Succession, "b"),
                ("c2", Succession, "c"),
                // `ab` later succeeded `d` too: another date, another event.
                ("ab", Succession, "d"),
                ("ab", Attachment, "a"),
            ],
        );
        let date = |text: &str| crate::model::Date::parse(text).ok();
        for (at, day) in [
            (0, "2020-01-01"),
            (1, "2021-06"),
            (2, "2020"),
            (3, "2021-06"),
        ] {
            d.ties[at].valid_from = date(day);
        }
        d.ties[4].valid_from = date("2024");
        assert_eq!(
            events(d.clone()),
            [
                // 2020 and 2020-01-01 are one day.
                (
                    Some("2020-01-01".into()),
                    vec!["ab<a".into(), "ab<b".into()]
                ),
                (Some("2021-06".into()), vec!["c1<c".into(), "c2<c".into()]),
                (Some("2024".into()), vec!["ab<d".into()]),
            ]
        );
        // Undated successions are one event when they share their predecessor, which ended once,
        // not when they share only their successor.
        for tie in &mut d.ties {
            tie.valid_from = None;
        }
        assert_eq!(
            events(d),
            [
                (None, vec!["ab<a".into()]),
                (None, vec!["c1<c".into(), "c2<c".into()]),
                (None, vec!["ab<b".into()]),
                (None, vec!["ab<d".into()]),
            ]
        );
        assert_eq!(Shape::of(2, 1), Shape::Merger);
        assert_eq!(Shape::of(1, 3), Shape::Split);
        assert_eq!(Shape::of(1, 1), Shape::Replacement);
        assert_eq!(Shape::of(2, 2).class(), None);
    }

    #[test]
    fn dates_keep_their_precision() {
        let typed = |text| match date_literal(Date::parse(text).unwrap()) {
            Object::Typed(value, datatype) => (value, datatype.local.into_owned()),
            _ => unreachable!(),
        };
        assert_eq!(typed("2019"), ("2019".to_owned(), "gYear".to_owned()));
        assert_eq!(
            typed("2019-10"),
            ("2019-10".to_owned(), "gYearMonth".to_owned())
        );
        assert_eq!(
            typed("2019-10-25"),
            ("2019-10-25".to_owned(), "date".to_owned())
        );
    }
}
