//! The GOV.UK organisations register, as the Organisations API serves it (every page's `results`
//! in one JSON array), imported as a description.
//!
//! - Each organisation is a unit whose id is its `details.slug`, its kind given by its `format`
//!   ([`FORMATS`]), dissolved when the register says it is closed, and ended (`valid_until`) on
//!   its `closed_at` date when the register gives one; a closed organisation with no date is
//!   dissolved at a date not known, which puts it in no structure as of a date.
//! - The register gives no start dates. An organisation that succeeded one that changed name,
//!   was replaced or split ([`STARTS_A_SUCCESSOR`]) is taken to begin on the day that one closed,
//!   unless the register links it to something that closed by then; its note says it is an
//!   inference.
//! - Parents (`parent_organisations`) are `attachment` ties, or `joint-attachment` ties when a
//!   unit has several. An organisation's own page is the authority on its parents: a parent that
//!   lists it in `child_organisations` while its page does not name that parent is noted on the
//!   unit and reported, not made a tie (a child outside the register has no page: its parent's
//!   list makes the tie). An attachment holds while both its ends exist. An organisation that
//!   outlives its parents in the register (or begins before them) has, for that part of its life,
//!   its parent outside the register. Successions (`superseded_organisations` and
//!   `superseding_organisations`, read both ways and counted once) are `succession` ties from the
//!   successor to its predecessor, from the day the predecessor closed, their note giving how it
//!   closed (merged, split, replaced, changed name...).
//! - Every unit and tie cites the register, located at the page of the organisation that states
//!   it.
//! - An organisation with no parent is the top of its hierarchy when its format says it is (a
//!   ministerial department); otherwise its parent lies outside the register.
//! - A link to an organisation that the register does not hold is not dropped: the organisation
//!   becomes a unit of its own, with no boundary, so that `check` reports it.
//! - Units are written in one file per department family (an organisation with no parent, with
//!   everything under it by first parents), and the organisations that have neither parent nor
//!   child in one more file, `govuk-register.json`, which also declares the source.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::Deserialize;

use super::{
    Import, NamedFile, Problem, control_character, description_file, organisation, to_unit_id,
};
use crate::i18n::{Arg, text};
use crate::model::file_name;
use crate::model::{
    Boundary, Citation, Date, OrganisationId, Origin, Period, Source, SourceId, Spanned, Status,
    Tie, TieKind, Unit, UnitId, UnitKind,
};

/// The id of the one source every fact cites, and of the organisation (and file) that gathers the
/// organisations with neither parent nor child.
const REGISTER: &str = "govuk-register";
const REGISTER_TITLE: &str = "GOV.UK organisations register (Organisations API)";
const REGISTER_PUBLISHER: &str = "Government Digital Service";
const REGISTER_URL: &str = "https://www.gov.uk/api/organisations";
const STANDALONE_NAME: &str = "GOV.UK register: organisations with neither parent nor child";

/// How the register's `format`s become unit kinds, and whether an organisation of the format
/// that has no parent in the register is the top of its hierarchy (a department of state, a
/// devolved government) rather than attached to something the register does not name.
///
/// Every kind of public body (executive agencies, executive and advisory NDPBs, public
/// corporations, special health authorities, independent monitoring bodies) is an `agency`: a
/// public body with its own existence. Advisory NDPBs are not `committee`s because the register
/// has them succeed and be succeeded by other public bodies, a tie the validity table allows
/// between organisations only. Sub-organisations and executive offices are line units inside
/// their parent (`service`); ad-hoc advisory groups are `committee`s.
const FORMATS: &[(&str, UnitKind, bool)] = &[
    ("Ministerial department", UnitKind::Ministry, true),
    ("Non-ministerial department", UnitKind::Agency, true),
    ("Devolved government", UnitKind::LocalAuthority, true),
    ("Executive agency", UnitKind::Agency, false),
    (
        "Executive non-departmental public body",
        UnitKind::Agency,
        false,
    ),
    (
        "Advisory non-departmental public body",
        UnitKind::Agency,
        false,
    ),
    ("Public corporation", UnitKind::Agency, false),
    ("Special health authority", UnitKind::Agency, false),
    ("Independent monitoring body", UnitKind::Agency, false),
    ("Civil service", UnitKind::Agency, false),
    ("Other", UnitKind::Agency, false),
    ("Court", UnitKind::Jurisdiction, false),
    ("Tribunal", UnitKind::Jurisdiction, false),
    ("Sub organisation", UnitKind::Service, false),
    ("Executive office", UnitKind::Service, false),
    ("Ad-hoc advisory group", UnitKind::Committee, false),
];

/// The ways of closing (`govuk_closed_status`) after which the successor is a new organisation,
/// taken to begin on the day its predecessor closed: a new name, a replacement, a split. A merger
/// may be into an organisation that already existed, and a devolved body's successor is one of
/// the devolved governments' bodies: neither dates the successor.
const STARTS_A_SUCCESSOR: [&str; 3] = ["changed_name", "replaced", "split"];

/// How the register's `govuk_closed_status` reads in a note: `changed_name` is "changed name",
/// `left_gov` "left government".
fn closed_how(status: &str) -> String {
    match status {
        "left_gov" => "left government".to_owned(),
        status => status.replace('_', " "),
    }
}

/// The kind of an organisation whose format [`FORMATS`] does not know.
const UNKNOWN_FORMAT_KIND: UnitKind = UnitKind::Agency;

/// What an import of the register may be told.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GovukOptions {
    /// When the register was read, the date of its source; by default the latest `updated_at` of
    /// its organisations.
    pub date: Option<Date>,
}

/// One organisation of the register: the fields the import reads (others are ignored).
#[derive(Debug, Deserialize)]
struct Entry {
    title: String,
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    web_url: Option<String>,
    #[serde(default)]
    updated_at: Option<String>,
    details: Details,
    #[serde(default)]
    parent_organisations: Vec<Link>,
    #[serde(default)]
    child_organisations: Vec<Link>,
    #[serde(default)]
    superseded_organisations: Vec<Link>,
    #[serde(default)]
    superseding_organisations: Vec<Link>,
}

impl Entry {
    /// The texts of the entry that the description holds as they are, named as the register
    /// names them.
    fn texts(&self) -> [(&'static str, Option<&str>); 6] {
        [
            ("title", Some(&self.title)),
            ("format", self.format.as_deref()),
            ("web_url", self.web_url.as_deref()),
            ("details.abbreviation", self.details.abbreviation.as_deref()),
            ("details.govuk_status", self.details.govuk_status.as_deref()),
            (
                "details.govuk_closed_status",
                self.details.govuk_closed_status.as_deref(),
            ),
        ]
    }
}

#[derive(Debug, Deserialize)]
struct Details {
    slug: String,
    #[serde(default)]
    abbreviation: Option<String>,
    #[serde(default)]
    closed_at: Option<String>,
    #[serde(default)]
    govuk_status: Option<String>,
    #[serde(default)]
    govuk_closed_status: Option<String>,
}

/// A link to another organisation: its API address, whose last segment is its slug.
#[derive(Debug, Deserialize)]
struct Link {
    id: String,
}

/// The date at the start of an API timestamp (`2024-07-01T00:00:00.000+01:00`), when there is one.
fn date_of(timestamp: Option<&str>) -> Option<Date> {
    Date::parse(timestamp?.get(..10)?).ok()
}

/// A unit the import writes: an organisation of the register, or one the register links to
/// without holding it.
enum Member<'a> {
    Entry(&'a Entry),
    /// Named in the list `relation` of the entry at index `named_by`.
    Outside {
        named_by: usize,
        relation: &'static str,
    },
}

/// The register resolved: every unit with its id, and the links between them.
struct Register<'a> {
    /// The id of the source every fact cites.
    source: SourceId,
    members: Vec<Member<'a>>,
    ids: Vec<UnitId>,
    index: HashMap<UnitId, usize>,
    /// For each unit, its parents in the order the register gives them, each with the entry whose
    /// page states the link.
    parents: Vec<IndexMap<usize, usize>>,
    /// For each unit, the entries that list it among their children while its own page does not
    /// name them as parents.
    unconfirmed_parents: Vec<Vec<usize>>,
    /// (successor, predecessor) → the entry whose page states the succession.
    successions: IndexMap<(usize, usize), usize>,
    /// For each unit, its life: from the start [`Register::date`] infers, to its closing date.
    lives: Vec<Period>,
    /// For each unit whose start is inferred, the predecessor whose closing dates it.
    started_by: Vec<Option<usize>>,
}

impl<'a> Register<'a> {
    /// Gives every entry its id; two entries with one id are problems.
    fn new(
        entries: &'a [Entry],
        source: SourceId,
        warnings: &mut Vec<Problem>,
    ) -> Result<Register<'a>, Vec<Problem>> {
        let mut register = Register {
            source,
            members: Vec::with_capacity(entries.len()),
            ids: Vec::with_capacity(entries.len()),
            index: HashMap::with_capacity(entries.len()),
            parents: Vec::new(),
            unconfirmed_parents: Vec::new(),
            successions: IndexMap::new(),
            lives: Vec::new(),
            started_by: Vec::new(),
        };
        let mut problems = Vec::new();
        for (at, entry) in entries.iter().enumerate() {
            let slug = entry.details.slug.as_str();
            let Some(id) = to_unit_id(slug) else {
                problems.push(
                    Problem::new(text!(
                        "govuk-slug-no-letter",
                        n = at + 1,
                        title = format!("{:?}", entry.title),
                        slug = format!("{slug:?}")
                    ))
                    .with_hint(text!("govuk-slug-no-letter-hint")),
                );
                continue;
            };
            if id.as_str() != slug {
                warnings.push(Problem::new(text!(
                    "govuk-slug-not-an-id",
                    slug = format!("{slug:?}"),
                    title = format!("{:?}", entry.title),
                    id = id.as_str()
                )));
            }
            if let Some(&first) = register.index.get(&id) {
                let first_title = match &register.members[first] {
                    Member::Entry(e) => e.title.as_str(),
                    Member::Outside { .. } => "",
                };
                problems.push(
                    Problem::new(text!(
                        "govuk-duplicate-id",
                        title = format!("{:?}", entry.title),
                        first_title = format!("{first_title:?}"),
                        id = id.as_str()
                    ))
                    .with_hint(text!("govuk-duplicate-id-hint")),
                );
                continue;
            }
            register.add(id, Member::Entry(entry));
        }
        if problems.is_empty() {
            Ok(register)
        } else {
            Err(problems)
        }
    }

    fn add(&mut self, id: UnitId, member: Member<'a>) -> usize {
        let at = self.members.len();
        self.index.insert(id.clone(), at);
        self.ids.push(id);
        self.members.push(member);
        self.parents.push(IndexMap::new());
        self.unconfirmed_parents.push(Vec::new());
        at
    }

    /// The unit a link names: an entry, or a unit for an organisation outside the register,
    /// made the first time one is named.
    fn resolve(
        &mut self,
        link: &Link,
        named_by: usize,
        relation: &'static str,
    ) -> Result<usize, Problem> {
        let slug = link
            .id
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("");
        let id = to_unit_id(slug).ok_or_else(|| {
            Problem::new(text!(
                "govuk-link-names-nothing",
                unit = self.ids[named_by].as_str(),
                link = format!("{:?}", link.id),
                relation = relation
            ))
            .with_hint(text!("govuk-link-names-nothing-hint"))
        })?;
        Ok(match self.index.get(&id) {
            Some(&at) => at,
            None => self.add(id, Member::Outside { named_by, relation }),
        })
    }

    /// Reads every link of `entries` (already given ids, in the same order).
    fn link(&mut self, entries: &'a [Entry]) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        // Each unit's own list of parents first, in its order; then the lists of children, which
        // confirm them, or give the parents of children outside the register.
        for (at, entry) in entries.iter().enumerate() {
            for link in &entry.parent_organisations {
                match self.resolve(link, at, "parent_organisations") {
                    Ok(parent) => {
                        self.parents[at].entry(parent).or_insert(at);
                    }
                    Err(problem) => problems.push(problem),
                }
            }
        }
        for (at, entry) in entries.iter().enumerate() {
            for link in &entry.child_organisations {
                match self.resolve(link, at, "child_organisations") {
                    Ok(child) if self.parents[child].contains_key(&at) => {}
                    Ok(child) => match self.members[child] {
                        Member::Entry(_) => self.unconfirmed_parents[child].push(at),
                        Member::Outside { .. } => {
                            self.parents[child].insert(at, at);
                        }
                    },
                    Err(problem) => problems.push(problem),
                }
            }
        }
        for (at, entry) in entries.iter().enumerate() {
            for link in &entry.superseded_organisations {
                match self.resolve(link, at, "superseded_organisations") {
                    Ok(predecessor) => {
                        self.successions.entry((at, predecessor)).or_insert(at);
                    }
                    Err(problem) => problems.push(problem),
                }
            }
            for link in &entry.superseding_organisations {
                match self.resolve(link, at, "superseding_organisations") {
                    Ok(successor) => {
                        self.successions.entry((successor, at)).or_insert(at);
                    }
                    Err(problem) => problems.push(problem),
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// Dates every unit's life ([`Register::lives`]): it ends on its closing date, and begins on
    /// the closing date of a predecessor that changed name, was replaced or split
    /// ([`STARTS_A_SUCCESSOR`]), the earliest when several did. That start is an inference, and
    /// is dropped when the register says the unit existed before it: another predecessor closed
    /// earlier, or the unit itself, one of its parents or one of its children closed by then.
    /// Linear in the number of links.
    fn date(&mut self) {
        let count = self.members.len();
        let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); count];
        for &(successor, predecessor) in self.successions.keys() {
            predecessors[successor].push(predecessor);
        }
        let mut linked: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (child, parents) in self.parents.iter().enumerate() {
            for &parent in parents.keys() {
                linked[child].push(parent);
                linked[parent].push(child);
            }
        }
        let closed = |at: usize| self.closed_date(at).map(Date::start);
        self.started_by = (0..count)
            .map(|unit| {
                let (start, by) = predecessors[unit]
                    .iter()
                    .filter(|&&p| {
                        self.closed_status(p)
                            .is_some_and(|s| STARTS_A_SUCCESSOR.contains(&s))
                    })
                    .filter_map(|&p| closed(p).map(|date| (date, p)))
                    .min_by_key(|&(date, _)| date)?;
                let closed_by_then = |at: usize| closed(at).is_some_and(|date| date <= start);
                let existed_before = predecessors[unit]
                    .iter()
                    .any(|&p| closed(p).is_some_and(|date| date < start))
                    || closed_by_then(unit)
                    || linked[unit].iter().any(|&other| closed_by_then(other));
                (!existed_before).then_some(by)
            })
            .collect();
        self.lives = (0..count)
            .map(|unit| {
                let from = self.started_by[unit].and_then(|by| self.closed_date(by));
                Period::new(from, self.closed_date(unit))
            })
            .collect();
    }

    /// Whether the unit is in no structure as of any date: closed, on a date the register does
    /// not give.
    fn never_in_force(&self, at: usize) -> bool {
        self.is_closed(at) && self.closed_date(at).is_none()
    }

    /// The period an attachment of `child` to `parent` holds: while both exist.
    fn attached(&self, child: usize, parent: usize) -> Period {
        self.lives[child].intersection(self.lives[parent])
    }

    /// The first stretch of a unit's life when none of its parents in the register exists: it
    /// closed after them, or began before them. `None` for a unit with no parent at all, whose
    /// boundary the register's format gives, and for one in no structure as of a date.
    fn parentless(&self, at: usize) -> Option<Period> {
        if self.parents[at].is_empty() || self.never_in_force(at) {
            return None;
        }
        let held: Vec<Period> = self.parents[at]
            .keys()
            .filter(|&&parent| !self.never_in_force(parent))
            .map(|&parent| self.attached(at, parent))
            .collect();
        self.lives[at].first_gap(&held)
    }

    /// For each unit, the top reached by following first parents: the unit that names its
    /// family. A cycle (not in the register, but possible in any input) ends at the unit where it
    /// closes. Linear: each unit is walked once.
    fn roots(&self) -> Vec<usize> {
        const UNKNOWN: usize = usize::MAX;
        let count = self.members.len();
        let mut root = vec![UNKNOWN; count];
        let mut on_path = vec![false; count];
        let mut path = Vec::new();
        for start in 0..count {
            let mut at = start;
            while root[at] == UNKNOWN && !on_path[at] {
                on_path[at] = true;
                path.push(at);
                match self.parents[at].first() {
                    Some((&parent, _)) => at = parent,
                    None => break,
                }
            }
            let top = if root[at] == UNKNOWN { at } else { root[at] };
            for unit in path.drain(..) {
                root[unit] = top;
                on_path[unit] = false;
            }
        }
        root
    }

    /// The organisation (and file) of each unit: its family's top when the family has more
    /// than one unit; otherwise, for an outside organisation, that of the entry that names it,
    /// and for an entry, the file of standalone organisations (`None`).
    fn homes(&self) -> Vec<Option<usize>> {
        let roots = self.roots();
        let mut sizes = vec![0usize; roots.len()];
        for &root in &roots {
            sizes[root] += 1;
        }
        let family = |unit: usize| (sizes[roots[unit]] > 1).then_some(roots[unit]);
        (0..self.members.len())
            .map(|unit| match (family(unit), &self.members[unit]) {
                (Some(top), _) => Some(top),
                (None, Member::Outside { named_by, .. }) => family(*named_by),
                (None, Member::Entry(_)) => None,
            })
            .collect()
    }

    /// The page of an entry, where the register states its facts.
    fn page(&self, at: usize) -> Option<String> {
        match &self.members[at] {
            Member::Entry(entry) => entry.web_url.clone(),
            Member::Outside { .. } => None,
        }
    }

    fn citation(&self, stated_by: usize) -> Citation {
        Citation {
            source: Spanned::unplaced(self.source.clone()),
            quote: None,
            locator: self.page(stated_by),
        }
    }

    fn kind(&self, at: usize) -> UnitKind {
        match &self.members[at] {
            Member::Entry(entry) => format_of(entry).map_or(UNKNOWN_FORMAT_KIND, |f| f.1),
            Member::Outside { named_by, .. } => self.kind(*named_by),
        }
    }

    fn closed_date(&self, at: usize) -> Option<Date> {
        match &self.members[at] {
            Member::Entry(entry) => date_of(entry.details.closed_at.as_deref()),
            Member::Outside { .. } => None,
        }
    }

    /// Whether the register says the organisation is closed (`govuk_status`).
    fn is_closed(&self, at: usize) -> bool {
        match &self.members[at] {
            Member::Entry(entry) => entry.details.govuk_status.as_deref() == Some("closed"),
            Member::Outside { .. } => false,
        }
    }

    /// How the register says the organisation closed (`govuk_closed_status`), if it says.
    fn closed_status(&self, at: usize) -> Option<&'a str> {
        match &self.members[at] {
            Member::Entry(entry) => entry.details.govuk_closed_status.as_deref(),
            Member::Outside { .. } => None,
        }
    }

    fn unit(&self, at: usize) -> Unit {
        let id = self.ids[at].clone();
        let mut unit = Unit::new(
            Spanned::unplaced(id.clone()),
            id.to_string(),
            Spanned::unplaced(self.kind(at)),
        );
        match &self.members[at] {
            Member::Entry(entry) => {
                let title = entry.title.trim();
                if !title.is_empty() {
                    title.clone_into(&mut unit.name);
                }
                unit.acronym = entry
                    .details
                    .abbreviation
                    .as_deref()
                    .map(str::trim)
                    .filter(|a| !a.is_empty() && *a != unit.name)
                    .map(str::to_owned);
                let closed = self.is_closed(at);
                if closed {
                    unit.status = Status::Dissolved;
                }
                let mut note = Vec::new();
                if let Some(format) = &entry.format {
                    note.push(format!("GOV.UK format: {format}."));
                }
                match entry.details.govuk_status.as_deref() {
                    None | Some("live" | "closed") => {}
                    Some(status) => note.push(format!("GOV.UK status: {status}.")),
                }
                if closed {
                    let mut text = "Closed".to_owned();
                    if let Some(date) = self.closed_date(at) {
                        text.push_str(&format!(" on {date}"));
                    }
                    if let Some(how) = self.closed_status(at) {
                        text.push_str(&format!(": {}", closed_how(how)));
                    }
                    note.push(format!("{text}."));
                    if self.never_in_force(at) {
                        note.push(
                            "The register gives no closing date: dissolved at a date not known, it is in no structure as of a date.".to_owned(),
                        );
                    }
                }
                note.extend(self.start_note(at));
                if !self.unconfirmed_parents[at].is_empty() {
                    let parents: Vec<String> = self.unconfirmed_parents[at]
                        .iter()
                        .map(|&p| format!("`{}`", self.ids[p]))
                        .collect();
                    note.push(format!(
                        "The register lists it among the child organisations of {}, which its own page does not name as a parent.",
                        parents.join(" and ")
                    ));
                }
                let top = format_of(entry).is_some_and(|f| f.2);
                if self.parents[at].is_empty() {
                    unit.boundary = Some(if top {
                        Boundary::Top
                    } else {
                        note.push("The register names no parent organisation.".to_owned());
                        Boundary::ParentOutside
                    });
                } else if let Some(gap) = self.parentless(at) {
                    let when = match (gap.from, gap.until) {
                        (Some(from), _) => format!("From {from}, none"),
                        (None, Some(until)) => format!("Until {until}, none"),
                        (None, None) => "None".to_owned(),
                    };
                    note.push(format!(
                        "{when} of its parents in the register exists, so its parent then lies outside the register."
                    ));
                    unit.boundary = Some(if top {
                        Boundary::Top
                    } else {
                        Boundary::ParentOutside
                    });
                }
                unit.note = (!note.is_empty()).then(|| note.join(" "));
                unit.source = Some(self.citation(at));
            }
            Member::Outside { named_by, relation } => {
                let note = std::iter::once(format!(
                    "Not in the register: named only in the {relation} of `{}`; its name, kind and place are not known.",
                    self.ids[*named_by]
                ));
                unit.note = Some(
                    note.chain(self.start_note(at))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                unit.source = Some(self.citation(*named_by));
            }
        }
        unit.valid_from = self.lives[at].from;
        unit.valid_until = self.lives[at].until;
        unit
    }

    /// The note of a unit whose start is inferred: which predecessor's closing dates it.
    fn start_note(&self, at: usize) -> Option<String> {
        let by = self.started_by[at]?;
        let how = self.closed_status(by).map(closed_how).unwrap_or_default();
        Some(format!(
            "Its start is inferred: the register gives none, but has it succeed `{}`, which closed on {} ({how}).",
            self.ids[by],
            self.lives[at]
                .from
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ))
    }

    fn tie(&self, kind: TieKind, from: usize, to: usize, stated_by: usize) -> Tie {
        Tie {
            source: Some(self.citation(stated_by)),
            ..Tie::new(
                Spanned::unplaced(kind),
                Spanned::unplaced(self.ids[from].clone()),
                Spanned::unplaced(self.ids[to].clone()),
            )
        }
    }

    /// The ties out of a unit: its parents in the register's order, then the units it
    /// succeeded, by id.
    fn ties_of(&self, at: usize, succeeded: &[(usize, usize)]) -> Vec<Tie> {
        let parents = &self.parents[at];
        let kind = if parents.len() > 1 {
            TieKind::JointAttachment
        } else {
            TieKind::Attachment
        };
        let mut ties: Vec<Tie> = parents
            .iter()
            .map(|(&parent, &stated_by)| {
                let held = self.attached(at, parent);
                Tie {
                    valid_from: held.from,
                    valid_until: held.until,
                    ..self.tie(kind, at, parent, stated_by)
                }
            })
            .collect();
        let mut predecessors = succeeded.to_vec();
        predecessors.sort_by(|a, b| self.ids[a.0].cmp(&self.ids[b.0]));
        ties.extend(
            predecessors
                .into_iter()
                .map(|(predecessor, stated_by)| Tie {
                    valid_from: self.closed_date(predecessor),
                    note: self.closed_status(predecessor).map(|how| {
                        format!(
                            "GOV.UK closed status of `{}`: {}.",
                            self.ids[predecessor],
                            closed_how(how)
                        )
                    }),
                    ..self.tie(TieKind::Succession, at, predecessor, stated_by)
                }),
        );
        ties
    }
}

fn format_of(entry: &Entry) -> Option<&'static (&'static str, UnitKind, bool)> {
    let format = entry.format.as_deref()?;
    FORMATS.iter().find(|f| f.0 == format)
}

/// A problem for an id the import builds that is not one (never, as ids are made of slugs).
fn not_an_id(error: &crate::model::SlugError) -> Vec<Problem> {
    vec![Problem::new(text!(
        "govuk-not-an-id",
        error = error.to_string()
    ))]
}

fn json_problem(error: &serde_json::Error) -> Problem {
    let message = error.to_string();
    // serde_json appends the place, which the problem gives apart.
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    Problem {
        line: Some(error.line() as u64),
        // serde_json counts from 1, but says 0 for an error before the first character of a line.
        column: Some(error.column().max(1) as u64),
        message: text!("govuk-not-json", error = message),
        hint: Some(text!("govuk-not-json-hint")),
    }
}

/// Imports the GOV.UK organisations register (`text`, the JSON array of the Organisations API's
/// results) as a description. Problems that stop the import (not JSON, two organisations with one
/// id, a link that names nothing) are returned all at once. Linear in the size of the register.
pub fn import_govuk(text: &str, options: &GovukOptions) -> Result<Import, Vec<Problem>> {
    let entries: Vec<Entry> = serde_json::from_str(text).map_err(|e| vec![json_problem(&e)])?;
    let controls: Vec<Problem> = entries
        .iter()
        .flat_map(|entry| {
            entry.texts().into_iter().filter_map(|(field, text)| {
                let slug = entry.details.slug.as_str();
                control_character(text?, || text!("govuk-field", field = field, slug = slug))
            })
        })
        .collect();
    if !controls.is_empty() {
        return Err(controls);
    }
    let mut warnings = Vec::new();
    let source = SourceId::new(REGISTER).map_err(|e| not_an_id(&e))?;
    let mut register = Register::new(&entries, source, &mut warnings)?;
    register.link(&entries)?;
    register.date();

    let homes = register.homes();
    if let Some(clash) = homes
        .iter()
        .flatten()
        .find(|&&top| register.ids[top].as_str() == REGISTER)
    {
        return Err(vec![
            Problem::new(text!(
                "govuk-register-id",
                id = register.ids[*clash].as_str()
            ))
            .with_hint(text!("govuk-register-id-hint", slug = REGISTER)),
        ]);
    }

    let mut unknown_formats: IndexMap<&str, usize> = IndexMap::new();
    for entry in &entries {
        if let (Some(format), None) = (&entry.format, format_of(entry)) {
            *unknown_formats.entry(format.as_str()).or_default() += 1;
        }
    }
    for (format, count) in unknown_formats {
        warnings.push(Problem::new(text!(
            "govuk-unknown-format",
            count = count,
            format = format!("{format:?}"),
            kind = Arg::word(|lang| UNKNOWN_FORMAT_KIND.name_in(lang))
        )));
    }
    for (child, parents) in register.unconfirmed_parents.iter().enumerate() {
        for &parent in parents {
            warnings.push(
                Problem::new(text!(
                    "govuk-unconfirmed-parent",
                    parent = register.ids[parent].as_str(),
                    child = register.ids[child].as_str()
                ))
                .with_hint(text!("govuk-unconfirmed-parent-hint")),
            );
        }
    }
    for (at, member) in register.members.iter().enumerate() {
        if let Member::Outside { named_by, relation } = member {
            warnings.push(
                Problem::new(text!(
                    "govuk-outside",
                    unit = register.ids[*named_by].as_str(),
                    outside = register.ids[at].as_str(),
                    relation = *relation
                ))
                .with_hint(text!("govuk-outside-hint")),
            );
        }
    }

    let undated = (0..register.members.len())
        .filter(|&at| register.never_in_force(at))
        .count();
    if undated > 0 {
        warnings.push(
            Problem::new(text!("govuk-closed-undated", count = undated))
                .with_hint(text!("govuk-closed-undated-hint")),
        );
    }

    let mut succeeded: Vec<Vec<(usize, usize)>> = vec![Vec::new(); register.members.len()];
    for (&(successor, predecessor), &stated_by) in &register.successions {
        succeeded[successor].push((predecessor, stated_by));
    }

    // Each file's units, by id; ties go in the file of their `from` unit.
    let mut by_home: IndexMap<Option<usize>, Vec<usize>> = IndexMap::new();
    by_home.insert(None, Vec::new());
    for (unit, home) in homes.iter().enumerate() {
        by_home.entry(*home).or_default().push(unit);
    }
    let organisation_id = |home: Option<usize>| match home {
        Some(top) => register.ids[top].as_str(),
        None => REGISTER,
    };
    let mut homes: Vec<(Option<usize>, Vec<usize>)> = by_home.into_iter().collect();
    homes.sort_by(|a, b| organisation_id(a.0).cmp(organisation_id(b.0)));

    let date = options.date.or_else(|| {
        entries
            .iter()
            .filter_map(|e| date_of(e.updated_at.as_deref()))
            .max()
    });
    let mut files = Vec::with_capacity(homes.len());
    for (home, mut units) in homes {
        units.sort_by(|a, b| register.ids[*a].cmp(&register.ids[*b]));
        let id = organisation_id(home);
        let org_id = OrganisationId::new(id).map_err(|e| not_an_id(&e))?;
        let (org, sources) = match home {
            Some(top) => {
                let unit = register.unit(top);
                (organisation(org_id, unit.name, unit.acronym), Vec::new())
            }
            None => (
                organisation(org_id, STANDALONE_NAME.to_owned(), None),
                vec![Source {
                    id: Spanned::unplaced(register.source.clone()),
                    title: REGISTER_TITLE.to_owned(),
                    reference: None,
                    publisher: Some(REGISTER_PUBLISHER.to_owned()),
                    date,
                    url: Some(REGISTER_URL.to_owned()),
                    file: None,
                    origin: Origin::default(),
                }],
            ),
        };
        let ties = units
            .iter()
            .flat_map(|&unit| register.ties_of(unit, &succeeded[unit]))
            .collect();
        let units = units.iter().map(|&unit| register.unit(unit)).collect();
        files.push(NamedFile {
            name: file_name(id, "json"),
            file: description_file(org, sources, units, ties),
        });
    }
    Ok(Import { files, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Recover;

    fn organisation_json(slug: &str, format: &str, parents: &[&str], extra: &str) -> String {
        let links: Vec<String> = parents
            .iter()
            .map(|p| format!(r#"{{"id": "https://www.gov.uk/api/organisations/{p}"}}"#))
            .collect();
        format!(
            r#"{{"title": "Title of {slug}", "format": "{format}",
                "web_url": "https://www.gov.uk/government/organisations/{slug}",
                "updated_at": "2026-08-21T16:07:37Z",
                "details": {{"slug": "{slug}", "abbreviation": "{}", "closed_at": null, "govuk_status": "live"}},
                "parent_organisations": [{}] {extra}}}"#,
            slug.to_uppercase(),
            links.join(",")
        )
    }

    fn import(entries: &[String]) -> Import {
        import_govuk(
            &format!("[{}]", entries.join(",")),
            &GovukOptions::default(),
        )
        .unwrap()
    }

    fn ties(import: &Import) -> Vec<(String, TieKind, String)> {
        import
            .files
            .iter()
            .flat_map(|f| &f.file.ties)
            .filter_map(|t| match t {
                Recover::Read(t) => Some((
                    t.value.from.to_string(),
                    t.value.kind.value,
                    t.value.to.to_string(),
                )),
                Recover::Skipped(_) => None,
            })
            .collect()
    }

    #[test]
    fn parents_become_attachments_joint_when_several() {
        let import = import(&[
            organisation_json("dept-a", "Ministerial department", &[], ""),
            organisation_json("dept-b", "Ministerial department", &[], ""),
            organisation_json("agency", "Executive agency", &["dept-a"], ""),
            organisation_json("joint", "Sub organisation", &["dept-a", "dept-b"], ""),
        ]);
        assert_eq!(
            ties(&import),
            [
                ("agency".into(), TieKind::Attachment, "dept-a".into()),
                ("joint".into(), TieKind::JointAttachment, "dept-a".into()),
                ("joint".into(), TieKind::JointAttachment, "dept-b".into()),
            ]
        );
        let names: Vec<&str> = import.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["dept-a.json", "govuk-register.json"]);
    }

    #[test]
    fn successions_read_both_ways_count_once_and_outside_links_stay() {
        let old = organisation_json(
            "old",
            "Other",
            &[],
            r#", "superseding_organisations": [{"id": "https://www.gov.uk/api/organisations/new"},
                                                {"id": "https://www.gov.uk/api/organisations/elsewhere"}]"#,
        );
        let new = organisation_json(
            "new",
            "Other",
            &[],
            r#", "superseded_organisations": [{"id": "https://www.gov.uk/api/organisations/old"}]"#,
        );
        let import = import(&[old, new]);
        assert_eq!(
            ties(&import),
            [
                ("elsewhere".into(), TieKind::Succession, "old".into()),
                ("new".into(), TieKind::Succession, "old".into()),
            ]
        );
        assert_eq!(import.warnings.len(), 1);
        assert!(import.warnings[0].message.contains("`elsewhere`"));
        let elsewhere = unit(&import, "elsewhere");
        assert_eq!(elsewhere.boundary, None);
        assert_eq!(elsewhere.kind.value, UnitKind::Agency);
        let old = unit(&import, "old");
        assert_eq!(old.boundary, Some(Boundary::ParentOutside));
    }

    /// An organisation closed on `date` (`null` for no date) as `how`.
    fn closed_json(slug: &str, parents: &[&str], date: &str, how: &str, extra: &str) -> String {
        organisation_json(slug, "Other", parents, extra).replace(
            r#""closed_at": null, "govuk_status": "live""#,
            &format!(
                r#""closed_at": {date}, "govuk_status": "closed", "govuk_closed_status": "{how}""#
            ),
        )
    }

    fn superseded_by(successors: &[&str]) -> String {
        let links: Vec<String> = successors
            .iter()
            .map(|s| format!(r#"{{"id": "https://www.gov.uk/api/organisations/{s}"}}"#))
            .collect();
        format!(r#", "superseding_organisations": [{}]"#, links.join(","))
    }

    fn units(import: &Import) -> Vec<&Unit> {
        import
            .files
            .iter()
            .flat_map(|f| &f.file.units)
            .filter_map(|u| match u {
                Recover::Read(u) => Some(&u.value),
                Recover::Skipped(_) => None,
            })
            .collect()
    }

    fn unit<'i>(import: &'i Import, id: &str) -> &'i Unit {
        units(import)
            .into_iter()
            .find(|u| u.id.as_str() == id)
            .unwrap()
    }

    fn date(text: &str) -> Option<Date> {
        Date::parse(text).ok()
    }

    #[test]
    fn closures_are_dated_and_successors_of_new_names_begin_then() {
        let import = import(&[
            organisation_json("dept", "Ministerial department", &[], ""),
            closed_json(
                "old",
                &["dept"],
                r#""2025-02-14T00:00:00.000+00:00""#,
                "changed_name",
                &superseded_by(&["new"]),
            ),
            organisation_json("new", "Other", &["dept"], ""),
            closed_json("gone", &["dept"], "null", "no_longer_exists", ""),
            closed_json(
                "absorbed",
                &[],
                r#""2020-04-01T00:00:00.000+01:00""#,
                "merged",
                &superseded_by(&["dept"]),
            ),
        ]);
        let old = unit(&import, "old");
        assert_eq!(old.status, Status::Dissolved);
        assert_eq!(old.life(), Period::new(None, date("2025-02-14")));
        assert!(old.in_force(Date::parse("2025-02-13").unwrap()));
        // A new name: the successor begins when the old name ends, and says it is inferred.
        let new = unit(&import, "new");
        assert_eq!(new.life(), Period::new(date("2025-02-14"), None));
        assert!(new.note.as_deref().unwrap().contains(
            "Its start is inferred: the register gives none, but has it succeed `old`, which closed on 2025-02-14 (changed name)."
        ));
        // No date: dissolved at a date not known, in no structure, as the warning says.
        let gone = unit(&import, "gone");
        assert_eq!(
            (gone.status, gone.life()),
            (Status::Dissolved, Period::default())
        );
        assert!(!gone.in_force(Date::parse("1900").unwrap()));
        assert!(gone.note.as_deref().unwrap().contains("no closing date"));
        assert!(import.warnings.iter().any(|w| {
            w.message
                .contains("1 closed organisation has no closing date")
        }));
        // A merger may be into an organisation that existed before: the department is not dated.
        assert_eq!(unit(&import, "dept").life(), Period::default());

        let ties: Vec<&Tie> = import
            .files
            .iter()
            .flat_map(|f| &f.file.ties)
            .filter_map(|t| match t {
                Recover::Read(t) => Some(&t.value),
                Recover::Skipped(_) => None,
            })
            .collect();
        let period = |from: &str, to: &str| {
            let tie = ties
                .iter()
                .find(|t| t.from.as_str() == from && t.to.as_str() == to)
                .unwrap();
            (tie.period(), tie.note.clone())
        };
        // Attachments hold while both ends exist; successions from the closing, with how.
        assert_eq!(
            period("old", "dept"),
            (Period::new(None, date("2025-02-14")), None)
        );
        assert_eq!(
            period("new", "dept"),
            (Period::new(date("2025-02-14"), None), None)
        );
        assert_eq!(
            period("new", "old"),
            (
                Period::new(date("2025-02-14"), None),
                Some("GOV.UK closed status of `old`: changed name.".to_owned())
            )
        );
        assert_eq!(
            period("dept", "absorbed").1.as_deref(),
            Some("GOV.UK closed status of `absorbed`: merged.")
        );
    }

    #[test]
    fn an_inferred_start_gives_way_to_what_the_register_says_existed_before() {
        let closed = |slug: &str, parents: &[&str], date: &str, extra: &str| {
            closed_json(
                slug,
                parents,
                &format!(r#""{date}T00:00:00Z""#),
                "replaced",
                extra,
            )
        };
        let import = import(&[
            // `a` replaced `a0` in 2018, but had a child that closed in 2015: it existed then.
            closed("a0", &[], "2018-04-01", &superseded_by(&["a"])),
            organisation_json("a", "Ministerial department", &[], ""),
            closed("a-child", &["a"], "2015-01-01", ""),
            // `b` replaced `b0` in 2018, but `b1`, which closed in 2016, merged into it.
            closed("b0", &[], "2018-04-01", &superseded_by(&["b"])),
            closed_json(
                "b1",
                &[],
                r#""2016-01-01T00:00:00Z""#,
                "merged",
                &superseded_by(&["b"]),
            ),
            organisation_json("b", "Ministerial department", &[], ""),
            // `c` replaced `c0` in 2018 under a parent that closed in 2017.
            closed("c-parent", &[], "2017-01-01", ""),
            closed("c0", &[], "2018-04-01", &superseded_by(&["c"])),
            organisation_json("c", "Other", &["c-parent"], ""),
        ]);
        for id in ["a", "b", "c"] {
            assert_eq!(unit(&import, id).valid_from, None, "{id}");
        }
    }

    #[test]
    fn a_unit_that_outlives_its_parents_has_its_parent_outside_from_then() {
        let import = import(&[
            closed_json(
                "parent",
                &[],
                r#""2015-04-01T00:00:00+01:00""#,
                "changed_name",
                &superseded_by(&["renamed"]),
            ),
            organisation_json("renamed", "Other", &[], ""),
            organisation_json("child", "Other", &["parent"], ""),
            // Under the renamed parent, a unit the register does not date: before the rename it
            // has no parent in the register.
            organisation_json("under-renamed", "Other", &["renamed"], ""),
            organisation_json("kept", "Other", &["renamed", "parent"], ""),
        ]);
        let child = unit(&import, "child");
        assert_eq!(child.boundary, Some(Boundary::ParentOutside));
        assert!(child.note.as_deref().unwrap().contains(
            "From 2015-04-01, none of its parents in the register exists, so its parent then lies outside the register."
        ));
        let under = unit(&import, "under-renamed");
        assert_eq!(under.boundary, Some(Boundary::ParentOutside));
        assert!(
            under
                .note
                .as_deref()
                .unwrap()
                .contains("Until 2015-04-01, none")
        );
        // One parent until the day, the other from it: never without one.
        assert_eq!(unit(&import, "kept").boundary, None);
    }

    #[test]
    fn bad_input_is_reported_not_panicked_on() {
        let problems = import_govuk("{\"a\": 1}", &GovukOptions::default()).unwrap_err();
        assert_eq!((problems[0].line, problems[0].column), (Some(1), Some(1)));
        let twice = [
            organisation_json("same", "Other", &[], ""),
            organisation_json("same", "Other", &[], ""),
        ];
        let problems =
            import_govuk(&format!("[{}]", twice.join(",")), &GovukOptions::default()).unwrap_err();
        assert!(problems[0].message.contains("both have the id `same`"));
        let reserved = [
            organisation_json("govuk-register", "Other", &[], ""),
            organisation_json("child", "Other", &["govuk-register"], ""),
        ];
        assert!(
            import_govuk(
                &format!("[{}]", reserved.join(",")),
                &GovukOptions::default()
            )
            .is_err()
        );
    }

    #[test]
    fn control_characters_are_refused_as_a_description_would_refuse_them() {
        let entry = organisation_json("bad", "Other", &[], "").replacen(
            "\"title\": \"",
            "\"title\": \"Esc \\u001b[2J ",
            1,
        );
        let problems = import_govuk(&format!("[{entry}]"), &GovukOptions::default()).unwrap_err();
        assert_eq!(
            problems[0].message,
            "the title of `bad` holds the control character U+001B"
        );
    }

    #[test]
    fn first_parent_cycles_end_where_they_close() {
        let import = import(&[
            organisation_json("a", "Other", &["b"], ""),
            organisation_json("b", "Other", &["a"], ""),
        ]);
        assert_eq!(import.files.len(), 2);
        assert_eq!(ties(&import).len(), 2);
    }
}
