//! Proptest strategies for descriptions, kept as plain data so that properties can plant faults
//! and know exactly what they planted.
//!
//! A [`Sample`] has one to three organisations (one description file each), each topped by a
//! unit of the organisation family declared `boundary: top`; every other unit sits under units
//! generated before it (so the hierarchy is sound: no orphan, no cycle) by an attachment, a line
//! authority or two joint attachments, sometimes with a second line of authority, or declares
//! its parent outside the description. Units are of every kind, posts are vacant or held, and
//! other ties of every kind join units where the validity table allows them. Sources are
//! declared in every file and cited by units and ties across files.
//!
//! Every text a reader sees (names, acronyms, aliases, remits, notes, titles, quotes) is drawn
//! from [`text`], built to break whatever prints it: quotes, backslashes, line breaks, braces,
//! `->`, `--`, HTML and entities, DOT escapes, right-to-left text and its marks, emoji and
//! zero-width-joiner sequences, combining marks, and names thousands of characters long. Names
//! always hold a visible character: a blank name is not a name. Descriptions refuse control
//! characters and bidirectional overrides (`hostile` checks that they are refused), so any that
//! `any::<String>()` draws become `?`.

pub(crate) mod history;
pub(crate) mod proposal;

use std::collections::{HashMap, HashSet};

use organigram::interop::NamedFile;
use organigram::load::{Input, Limits, Loaded, load};
use organigram::model::{
    Boundary, Citation, Date, DescriptionFile, Family, Headcount, HeadcountBasis,
    HeadcountQualifier, Organisation, OrganisationId, Origin, Recover, Source, SourceId, Span,
    Spanned, Status, Tie, TieKind, Unit, UnitId, UnitKind, is_forbidden_control,
};
use organigram::{Loader, Workspace};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

/// Pieces of text that have broken, or could break, a printer: DOT and HTML-like labels, XML,
/// JSON, CSV, terminals, bidirectional text, grapheme clustering.
const HOSTILE: &[&str] = &[
    "\"",
    "\\",
    "\\\"",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "{",
    "}",
    "[",
    "]",
    "->",
    "--",
    ";",
    ",",
    "=",
    ":",
    "|",
    "<b>",
    "</b>",
    "&amp;",
    "&",
    "&#",
    "&lt",
    "<br/>",
    "<BR/>",
    "<",
    ">",
    "<!--",
    "-->",
    "]]>",
    "<?xml?>",
    "'",
    "`",
    "\\N",
    "\\G",
    "\\E",
    "\\T",
    "\\H",
    "\\L",
    "\\l",
    "\\r",
    "\\n",
    "%s",
    "%0",
    "#35;",
    "subgraph cluster_x { a -> b }",
    "digraph G {",
    "label=\"x\"",
    "node [shape=box]",
    "وزارة العدل",
    "משרד המשפטים",
    "\u{200F}",
    "\u{200E}",
    "👩‍💻",
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🇫🇷",
    "🤖",
    "\u{200D}",
    "\u{FE0F}",
    "\u{200B}",
    "e\u{301}",
    "Z\u{324}\u{354}\u{367}\u{311}\u{313}a\u{356}\u{32d}\u{308}",
    "\u{301}\u{301}\u{301}",
    "ﷺ",
    "𝕳𝖊𝖑𝖑𝖔",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{fffd}",
    "\u{10FFFF}",
    "Ministère",
    "Direction",
    "l'État",
    " ",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
    "Ⅻ",
    "=SUM(A1)",
    "+33",
    "@x",
];

/// Text a reader sees: plain words, hostile pieces run together, any characters at all, or a
/// piece repeated into thousands of characters (rarely: Graphviz lays such labels out slowly).
/// Always holds a visible character.
pub(crate) fn text() -> impl Strategy<Value = String> {
    let piece = select(HOSTILE);
    prop_oneof![
        4 => "[A-Za-zÀ-ÿ0-9' ,.()-]{1,40}",
        5 => vec(prop_oneof![piece.clone().prop_map(str::to_owned), "[a-zé ]{1,6}"], 1..8)
            .prop_map(|pieces| pieces.concat()),
        2 => any::<String>(),
        1 => (piece, 1_000..4_000usize).prop_map(|(piece, length)| {
            piece.repeat(length / piece.chars().count().max(1) + 1)
        }),
    ]
    .prop_map(|text| {
        let text: String = text
            .chars()
            .map(|c| if is_forbidden_control(c) { '?' } else { c })
            .collect();
        if text.chars().any(|c| !c.is_whitespace() && !c.is_control()) {
            text
        } else {
            format!("{text}x")
        }
    })
}

/// A short text: an acronym, a location.
fn short_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Z]{2,6}",
        2 => vec(select(HOSTILE), 1..3).prop_map(|pieces| format!("{}A", pieces.concat())),
    ]
}

/// A slug to make ids of various lengths and shapes (the part after a unique prefix), rarely
/// longer than the 16 KiB Graphviz takes in a string.
fn slug() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => Just(String::new()),
        30 => "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}",
        8 => "[a-z]{60,200}",
        1 => "[a-z]{16400,16500}",
    ]
}

fn date() -> impl Strategy<Value = Date> {
    prop_oneof![
        (1900u16..2100).prop_map(|y| format!("{y}")),
        (1900u16..2100, 1u8..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (1900u16..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
    .prop_map(|text| Date::parse(&text).expect("generated dates are valid"))
}

/// A citation of one of the sources, by position among them.
#[derive(Clone, Debug)]
struct CitationDraft {
    source: Index,
    quote: Option<String>,
    locator: Option<String>,
}

fn citation() -> impl Strategy<Value = Option<CitationDraft>> {
    proptest::option::weighted(
        0.7,
        (
            any::<Index>(),
            proptest::option::of(text()),
            proptest::option::of(short_text()),
        )
            .prop_map(|(source, quote, locator)| CitationDraft {
                source,
                quote,
                locator,
            }),
    )
}

/// Where a unit goes, among the units drafted before it.
#[derive(Clone, Debug)]
enum Place {
    /// Under `parent` by a tie of `kind` (among the three units drafted just before when
    /// `deep`, which makes long chains); a joint attachment also goes to `second`; `authority`
    /// adds a line of authority to another unit.
    Under {
        kind: TieKind,
        deep: bool,
        parent: Index,
        second: Index,
        authority: Option<Index>,
    },
    /// Nothing above it is described.
    ParentOutside,
}

fn place() -> impl Strategy<Value = Place> {
    let kind = select(
        &[
            TieKind::Attachment,
            TieKind::Attachment,
            TieKind::Attachment,
            TieKind::LineAuthority,
            TieKind::JointAttachment,
        ][..],
    );
    let authority = proptest::option::weighted(0.2, any::<Index>());
    let under = (
        kind,
        any::<bool>(),
        any::<Index>(),
        any::<Index>(),
        authority,
    )
        .prop_map(|(kind, deep, parent, second, authority)| Place::Under {
            kind,
            deep,
            parent,
            second,
            authority,
        });
    prop_oneof![12 => under, 1 => Just(Place::ParentOutside)]
}

/// Everything about a unit but its place.
#[derive(Clone, Debug)]
struct UnitDraft {
    organisation: Index,
    kind: UnitKind,
    slug: String,
    name: String,
    acronym: Option<String>,
    aliases: Vec<String>,
    status: Status,
    vacant: bool,
    headcount: Option<Headcount>,
    remit: Option<String>,
    note: Option<String>,
    location: Option<String>,
    citation: Option<CitationDraft>,
    place: Place,
}

fn headcount() -> impl Strategy<Value = Option<Headcount>> {
    proptest::option::weighted(
        0.2,
        (
            0u32..500,
            select(&[HeadcountBasis::Target, HeadcountBasis::Actual][..]),
            select(
                &[
                    HeadcountQualifier::Exactly,
                    HeadcountQualifier::AtLeast,
                    HeadcountQualifier::About,
                ][..],
            ),
            proptest::option::of(date()),
        )
            .prop_map(|(count, basis, qualifier, date)| Headcount {
                count,
                basis,
                qualifier,
                date,
            }),
    )
}

/// Statuses, active most often.
const STATUSES: [Status; 6] = [
    Status::Active,
    Status::Active,
    Status::Active,
    Status::BeingSetUp,
    Status::Planned,
    Status::Dissolved,
];

prop_compose! {
    fn unit_draft()(
        (organisation, kind, slug, name, acronym, aliases) in (
            any::<Index>(),
            select(UnitKind::ALL),
            slug(),
            text(),
            proptest::option::weighted(0.4, short_text()),
            vec(text(), 0..2),
        ),
        (status, vacant, headcount, remit, note, location, citation, place) in (
            select(&STATUSES[..]),
            any::<bool>(),
            headcount(),
            proptest::option::weighted(0.2, text()),
            proptest::option::weighted(0.1, text()),
            proptest::option::weighted(0.1, short_text()),
            citation(),
            place(),
        ),
    ) -> UnitDraft {
        UnitDraft {
            organisation, kind, slug, name, acronym, aliases, status, vacant, headcount, remit,
            note, location, citation, place,
        }
    }
}

/// A tie outside the hierarchy, between two units by position.
#[derive(Clone, Debug)]
struct TieDraft {
    from: Index,
    to: Index,
    kind: TieKind,
    note: Option<String>,
    valid_from: Option<Date>,
    valid_until: Option<Date>,
    citation: Option<CitationDraft>,
}

fn other_kinds() -> Vec<TieKind> {
    TieKind::ALL
        .iter()
        .copied()
        .filter(|k| !k.is_hierarchical())
        .collect()
}

prop_compose! {
    fn tie_draft()(
        from in any::<Index>(),
        to in any::<Index>(),
        kind in select(other_kinds()),
        note in proptest::option::weighted(0.2, text()),
        valid_from in proptest::option::weighted(0.2, date()),
        valid_until in proptest::option::weighted(0.1, date()),
        citation in citation(),
    ) -> TieDraft {
        TieDraft { from, to, kind, note, valid_from, valid_until, citation }
    }
}

/// An organisation and its sources.
#[derive(Clone, Debug)]
struct OrganisationDraft {
    slug: String,
    name: String,
    acronym: Option<String>,
    /// Title, reference, publisher, date, URL of each source.
    sources: Vec<SourceDraft>,
}

type SourceDraft = (
    String,
    Option<String>,
    Option<String>,
    Option<Date>,
    Option<String>,
);

prop_compose! {
    fn organisation_draft()(
        slug in slug(),
        name in text(),
        acronym in proptest::option::of(short_text()),
        sources in vec((text(), proptest::option::of(short_text()), proptest::option::of(text()),
                        proptest::option::of(date()), proptest::option::of(text())), 1..3),
    ) -> OrganisationDraft {
        OrganisationDraft { slug, name, acronym, sources }
    }
}

/// A sound description: one to three organisations, each with its top, and fewer than
/// `max_units` other units, each with a superior unless its parent is declared outside; no
/// cycle, no tie the validity table forbids, every citation naming a declared source.
pub(crate) fn sample(max_units: usize) -> impl Strategy<Value = Sample> {
    (
        vec(organisation_draft(), 1..4),
        vec(unit_draft(), 0..max_units),
    )
        .prop_flat_map(|(organisations, units)| {
            let ties = vec(tie_draft(), 0..=units.len() + 1);
            (Just(organisations), Just(units), ties, vec(unit_draft(), 3))
        })
        .prop_map(|(organisations, mut units, ties, tops)| {
            // Each organisation has a top; drafts beyond those go under them.
            let mut all = tops[..organisations.len()].to_vec();
            all.append(&mut units);
            Sample::build(&organisations, &all, &ties)
        })
}

/// The kinds of the organisation family, for the tops.
const TOP_KINDS: [UnitKind; 6] = [
    UnitKind::Ministry,
    UnitKind::Agency,
    UnitKind::LocalAuthority,
    UnitKind::Jurisdiction,
    UnitKind::School,
    UnitKind::ExternalBody,
];

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(Span::default(), value)
}

/// A generated description, as data.
#[derive(Clone, Debug)]
pub(crate) struct Sample {
    pub organisations: Vec<Organisation>,
    /// Each source with the position of the organisation whose file declares it.
    pub sources: Vec<(usize, Source)>,
    /// Each unit with the position of its organisation.
    pub units: Vec<(usize, Unit)>,
    /// Ties in the order they are written, each in the file of its `from` unit.
    pub ties: Vec<Tie>,
}

impl Sample {
    /// The sample the drafts describe: the first drafts are the organisations' tops, the others
    /// are placed under units drafted before them, then the ties the validity table allows are
    /// added.
    fn build(
        organisations: &[OrganisationDraft],
        units: &[UnitDraft],
        ties: &[TieDraft],
    ) -> Sample {
        let mut sample = Sample {
            organisations: Vec::new(),
            sources: Vec::new(),
            units: Vec::new(),
            ties: Vec::new(),
        };
        for (o, draft) in organisations.iter().enumerate() {
            sample.organisations.push(Organisation {
                id: spanned(
                    OrganisationId::new(with_suffix(format!("o{o}"), &draft.slug)).unwrap(),
                ),
                name: draft.name.clone(),
                acronym: draft.acronym.clone(),
                unit: None,
                origin: Origin::default(),
            });
            for (s, (title, reference, publisher, date, url)) in draft.sources.iter().enumerate() {
                sample.sources.push((
                    o,
                    Source {
                        id: spanned(SourceId::new(format!("s{o}-{s}")).unwrap()),
                        title: title.clone(),
                        reference: reference.clone(),
                        publisher: publisher.clone(),
                        date: *date,
                        url: url.clone(),
                        file: None,
                        origin: Origin::default(),
                    },
                ));
            }
        }
        let tops = organisations.len();
        for (i, draft) in units.iter().enumerate() {
            let organisation = if i < tops {
                i
            } else {
                draft.organisation.index(tops)
            };
            let kind = if i < tops && draft.kind.family() != Family::Organisation {
                TOP_KINDS[draft.kind as usize % TOP_KINDS.len()]
            } else {
                draft.kind
            };
            let id = UnitId::new(with_suffix(format!("u{i}"), &draft.slug)).unwrap();
            let unit = Unit {
                acronym: draft.acronym.clone(),
                aliases: draft.aliases.clone(),
                status: draft.status,
                vacant: (kind == UnitKind::Post).then(|| spanned(draft.vacant)),
                headcount: draft.headcount.clone(),
                remit: draft.remit.clone(),
                location: draft.location.clone(),
                note: draft.note.clone(),
                source: sample.citation(draft.citation.as_ref()),
                ..Unit::new(spanned(id), draft.name.clone(), spanned(kind))
            };
            sample.units.push((organisation, unit));
            if i < tops {
                sample.units[i].1.boundary = Some(Boundary::Top);
                continue;
            }
            sample.place(i, organisation, &draft.place);
        }
        for draft in ties {
            let (from, to) = (
                draft.from.index(sample.units.len()),
                draft.to.index(sample.units.len()),
            );
            if from == to || !sample.allows(draft.kind, from, to) {
                continue;
            }
            let tie = Tie {
                note: draft.note.clone(),
                valid_from: draft.valid_from,
                valid_until: draft.valid_until,
                source: sample.citation(draft.citation.as_ref()),
                ..sample.tie(draft.kind, from, to)
            };
            sample.ties.push(tie);
        }
        sample
    }

    /// Ties unit `i` of `organisation` under units before it, as `place` says; a tie the
    /// validity table forbids goes to the organisation's top instead, which takes anything.
    fn place(&mut self, i: usize, organisation: usize, place: &Place) {
        let Place::Under {
            kind,
            deep,
            parent,
            second,
            authority,
        } = place
        else {
            self.units[i].1.boundary = Some(Boundary::ParentOutside);
            return;
        };
        let mut parent = if *deep {
            i - 1 - parent.index(i.min(3))
        } else {
            parent.index(i)
        };
        let mut kind = *kind;
        if !self.allows(kind, i, parent) {
            (kind, parent) = (TieKind::Attachment, organisation);
        }
        let second = second.index(i);
        if kind == TieKind::JointAttachment {
            if second != parent && self.allows(kind, i, second) {
                self.ties.push(self.cited_tie(kind, i, parent));
                self.ties.push(self.cited_tie(kind, i, second));
            } else {
                self.ties
                    .push(self.cited_tie(TieKind::Attachment, i, parent));
            }
        } else {
            self.ties.push(self.cited_tie(kind, i, parent));
        }
        if let Some(authority) = authority {
            let authority = authority.index(i);
            if kind != TieKind::LineAuthority
                && authority != parent
                && self.allows(TieKind::LineAuthority, i, authority)
            {
                self.ties
                    .push(self.cited_tie(TieKind::LineAuthority, i, authority));
            }
        }
    }

    fn citation(&self, draft: Option<&CitationDraft>) -> Option<Citation> {
        let draft = draft?;
        let (_, source) = &self.sources[draft.source.index(self.sources.len())];
        Some(Citation {
            source: spanned(source.id.value.clone()),
            quote: draft.quote.clone(),
            locator: draft.locator.clone(),
        })
    }

    /// A tie of `kind` from unit `from` to unit `to`, with nothing else.
    fn tie(&self, kind: TieKind, from: usize, to: usize) -> Tie {
        Tie::new(
            spanned(kind),
            self.units[from].1.id.clone(),
            self.units[to].1.id.clone(),
        )
    }

    /// A tie citing the first source of `from`'s organisation, as registers cite themselves.
    fn cited_tie(&self, kind: TieKind, from: usize, to: usize) -> Tie {
        let organisation = self.units[from].0;
        let source = self
            .sources
            .iter()
            .find(|(o, _)| *o == organisation)
            .map(|(_, s)| Citation {
                source: s.id.clone(),
                quote: None,
                locator: None,
            });
        Tie {
            source,
            ..self.tie(kind, from, to)
        }
    }

    /// Whether the validity table lets a tie of `kind` go from unit `from` to unit `to`.
    fn allows(&self, kind: TieKind, from: usize, to: usize) -> bool {
        kind.allows(
            self.units[from].1.kind.value.family(),
            self.units[to].1.kind.value.family(),
        )
    }

    /// Each unit's position, by id.
    fn positions(&self) -> HashMap<UnitId, usize> {
        self.units
            .iter()
            .enumerate()
            .map(|(i, (_, unit))| (unit.id.value.clone(), i))
            .collect()
    }

    /// The units directly above unit `i`, by hierarchical ties, in the order written.
    fn parents(&self, i: usize) -> Vec<usize> {
        let positions = self.positions();
        let id = &self.units[i].1.id.value;
        self.ties
            .iter()
            .filter(|t| t.kind.is_hierarchical() && t.from.value == *id)
            .map(|t| positions[&t.to.value])
            .collect()
    }

    /// Every unit above unit `i`, by any chain of hierarchical ties (`i` itself when it is in
    /// a cycle).
    fn ancestors(&self, i: usize) -> HashSet<usize> {
        let mut seen = HashSet::new();
        let mut stack = self.parents(i);
        while let Some(unit) = stack.pop() {
            if seen.insert(unit) {
                stack.extend(self.parents(unit));
            }
        }
        seen
    }

    /// The description files, one per organisation.
    pub(crate) fn files(&self) -> Vec<NamedFile> {
        let positions = self.positions();
        self.organisations
            .iter()
            .enumerate()
            .map(|(o, organisation)| NamedFile {
                name: format!("{}.json", organisation.id.as_str()),
                file: DescriptionFile {
                    schema: None,
                    organisation: spanned(organisation.clone()),
                    sources: (self.sources.iter())
                        .filter(|(at, _)| *at == o)
                        .map(|(_, s)| read(s.clone()))
                        .collect(),
                    units: (self.units.iter())
                        .filter(|(at, _)| *at == o)
                        .map(|(_, u)| read(u.clone()))
                        .collect(),
                    ties: (self.ties.iter())
                        .filter(|t| self.units[positions[&t.from.value]].0 == o)
                        .map(|t| read(t.clone()))
                        .collect(),
                },
            })
            .collect()
    }

    /// The files as `organigram` reads them: JSON text in memory.
    fn inputs(&self) -> Vec<Input> {
        self.files()
            .into_iter()
            .map(|file| Input::Text {
                text: file.to_json().expect("a description serialises"),
                name: file.name.into(),
            })
            .collect()
    }

    /// The description read from its files' JSON.
    pub(crate) fn load(&self) -> Loaded {
        load(&self.inputs(), Limits::default())
    }

    /// The graph read from its files' JSON.
    pub(crate) fn graph(&self) -> Workspace {
        self.inputs()
            .into_iter()
            .fold(Loader::new(), Loader::input)
            .load()
            .expect("no proposal to refuse")
    }

    /// Closes a cycle: a hierarchical tie from the unit `length - 1` steps above unit `x` (by
    /// first parents) down to `x`, which places under each other every unit on a way from `x`
    /// up to it. Returns the ids of those units, sorted, or `None` when no tie may close it
    /// (the validity table) or it would touch a unit in `taken` or reach one: planted cycles
    /// stay apart, so each is found as one cycle. `taken` gets the cycle's units and everything
    /// above them.
    pub(crate) fn plant_cycle(
        &mut self,
        x: usize,
        length: usize,
        kind: Index,
        taken: &mut Taken,
    ) -> Option<Vec<String>> {
        let mut top = x;
        for _ in 1..length {
            match self.parents(top).first() {
                Some(&up) => top = up,
                None => break,
            }
        }
        let kinds: Vec<TieKind> = [
            TieKind::Attachment,
            TieKind::LineAuthority,
            TieKind::JointAttachment,
        ]
        .into_iter()
        .filter(|&k| self.allows(k, top, x))
        .collect();
        if top == x || kinds.is_empty() {
            return None;
        }
        let mut reach = self.ancestors(x);
        reach.insert(x);
        let mut members: HashSet<usize> = reach
            .iter()
            .copied()
            .filter(|&u| u == top || self.ancestors(u).contains(&top))
            .collect();
        members.insert(x);
        if !members.is_disjoint(&taken.reach) || !reach.is_disjoint(&taken.cycles) {
            return None;
        }
        self.ties
            .push(self.tie(kinds[kind.index(kinds.len())], top, x));
        taken.reach.extend(&reach);
        taken.cycles.extend(&members);
        let mut ids: Vec<String> = members
            .iter()
            .map(|&u| self.units[u].1.id.to_string())
            .collect();
        ids.sort_unstable();
        Some(ids)
    }

    /// Makes unit `u` an orphan: removes every tie placing it under another unit. Returns its
    /// id, or `None` when it has no parent to remove, is dissolved (dissolved units have no
    /// chain of command to break), or is in a planted cycle.
    pub(crate) fn plant_orphan(&mut self, u: usize, taken: &Taken) -> Option<String> {
        let unit = &self.units[u].1;
        if self.parents(u).is_empty()
            || unit.status == Status::Dissolved
            || taken.cycles.contains(&u)
        {
            return None;
        }
        let id = unit.id.value.clone();
        self.ties
            .retain(|t| !(t.kind.is_hierarchical() && t.from.value == id));
        Some(id.to_string())
    }
}

/// What planted cycles hold: their units, and everything those units reach upwards.
#[derive(Debug, Default)]
pub(crate) struct Taken {
    pub cycles: HashSet<usize>,
    pub reach: HashSet<usize>,
}

fn read<T>(value: T) -> Recover<Spanned<T>> {
    Recover::Read(spanned(value))
}

/// `prefix` alone, or with `-slug`.
fn with_suffix(prefix: String, slug: &str) -> String {
    if slug.is_empty() {
        prefix
    } else {
        format!("{prefix}-{slug}")
    }
}
