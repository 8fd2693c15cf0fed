//! A difference as a proposal: the changes that turn one description into another, written as a
//! proposal file, so that a change made by hand in the files can be reviewed as a proposal
//! (`check --proposal`, `render --proposal`) and applied with the others.
//!
//! Units are matched by id and ties by kind and ends, as [`super::diff`] matches them. The
//! changes come in a stable order that reads as a review: the units removed (in the order of the
//! description before), the units added (in the order of the one after: by file, then as
//! declared), then, unit by unit in that order, what changed in each (`rename`, `change-kind`,
//! `move`, `update`), and last the ties removed and added, tie by tie. A unit that keeps its id
//! and changes its parent is moved, not removed and added again: its new parent tie must be a
//! plain one (no dates or note) for a `move` to say it exactly, and is written as `remove-tie`
//! and `add-tie` otherwise. Every new unit and tie carries the source the description after gives
//! it, which the change cites too.
//!
//! A proposal changes units and ties, and adds sources: it cannot add, remove or change an
//! organisation (a description file), change or remove a source, move a unit to another file, or
//! add or remove a tie whose end is no unit. What differs that way is listed in
//! [`AsProposal::not_held`], and the proposal holds the rest. The proposal is checked before it
//! is handed out: applied to the description before ([`crate::proposal::apply`]), it must give
//! the description after, up to the order of units and ties; if it does not, that is said in
//! [`AsProposal::not_held`] too.

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use serde_json::{Map, Value};

use crate::model::{
    Date, Description, FileId, OrganisationId, Recover, Source, Spanned, Tie, TieKey, TieKind,
    Unit, UnitId, UnitKind,
};
use crate::proposal::{
    self, ChangeEntry, KindChange, Move, NOT_UPDATED, ProposalFile, Rename, TieRef, Update,
};

/// The proposal that turns one description into another, and what differs that it cannot hold.
#[derive(Clone, Debug)]
pub struct AsProposal {
    /// The proposal.
    pub file: ProposalFile,
    /// What differs that a proposal cannot say, in the order found: empty when applying the
    /// proposal to the description before gives the description after.
    pub not_held: Vec<NotHeld>,
}

/// A difference between two descriptions that a proposal cannot say.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NotHeld {
    /// An organisation (a description file) only the description after has; its units are
    /// left out of the proposal.
    OrganisationAdded(OrganisationId),
    /// An organisation only the description before has.
    OrganisationRemoved(OrganisationId),
    /// An organisation in both whose name, acronym or unit differs.
    OrganisationChanged(OrganisationId),
    /// A source only the description before has.
    SourceRemoved(String),
    /// A source in both whose title, reference, publisher, date, address or file differs.
    SourceChanged(String),
    /// A unit declared in the file of another organisation after.
    UnitMovedToAnotherFile(UnitId),
    /// A tie added or removed with an end that is no unit of the description.
    TieToNoUnit(TieKey),
    /// Applying the proposal does not give the description after, for another reason: this
    /// fact differs (a unit's id, or a tie). Said so that nothing is lost in silence.
    Unexpected(String),
}

/// The changes that turn `before` into `after`, as a proposal called `title` that takes effect
/// on `effective`, if given. Linear in the sizes of the two descriptions, plus the application
/// of the proposal that checks it.
pub fn as_proposal(
    before: &Description,
    after: &Description,
    title: String,
    effective: Option<Date>,
) -> AsProposal {
    let mut writer = Writer::new(before, after);
    writer.organisations();
    let sources = writer.sources();
    writer.units();
    writer.ties();
    let Writer {
        changes,
        mut not_held,
        ..
    } = writer;
    let file = ProposalFile {
        schema: None,
        title,
        summary: None,
        effective: effective.map(Spanned::unplaced),
        sources: sources.into_iter().map(Recover::unplaced).collect(),
        changes: changes.into_iter().map(Recover::unplaced).collect(),
    };
    if not_held.is_empty()
        && let Some(difference) = applied_differs(before, after, &file)
    {
        not_held.push(NotHeld::Unexpected(difference));
    }
    AsProposal { file, not_held }
}

/// A fact as JSON, as a description file writes it, to compare and to set.
fn json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// The proposal being written, and the description before as its changes so far leave it.
struct Writer<'a> {
    before: &'a Description,
    after: &'a Description,
    changes: Vec<ChangeEntry>,
    not_held: Vec<NotHeld>,
    /// The units of `before` that the proposal removes.
    removed: HashSet<&'a UnitId>,
    /// The units of `after` that the proposal adds.
    added: HashSet<&'a UnitId>,
    /// The units of `after` left out with their new organisation, which is said once.
    left_out: HashSet<&'a UnitId>,
    /// The ties of `before` as the changes so far leave them; a tie a move replaced is `None`.
    ties: Vec<Option<Tie>>,
    /// The hierarchical ties of `ties` out of each unit, by position.
    parents: HashMap<UnitId, Vec<usize>>,
    /// The hierarchical ties of `after` out of each unit.
    parents_after: HashMap<&'a UnitId, Vec<&'a Tie>>,
}

impl<'a> Writer<'a> {
    fn new(before: &'a Description, after: &'a Description) -> Writer<'a> {
        Writer {
            before,
            after,
            changes: Vec::new(),
            not_held: Vec::new(),
            removed: HashSet::new(),
            added: HashSet::new(),
            left_out: HashSet::new(),
            ties: Vec::new(),
            parents: HashMap::new(),
            parents_after: HashMap::new(),
        }
    }

    /// The id of the organisation a unit of `description` is declared in.
    fn organisation_of(description: &'a Description, unit: &Unit) -> Option<&'a OrganisationId> {
        description
            .organisations
            .get(unit.organisation.0 as usize)
            .map(|o| &o.id.value)
    }

    /// Whether `id` names a unit once the units are removed and added.
    fn live(&self, id: &UnitId) -> bool {
        (self.before.units.contains_key(id) && !self.removed.contains(id))
            || self.added.contains(id)
    }

    fn organisations(&mut self) {
        let ids = |d: &'a Description| -> IndexMap<&'a OrganisationId, Value> {
            d.organisations
                .iter()
                .map(|o| (&o.id.value, json(o)))
                .collect()
        };
        let (before, after) = (ids(self.before), ids(self.after));
        for (id, old) in &before {
            match after.get(id) {
                None => self
                    .not_held
                    .push(NotHeld::OrganisationRemoved((*id).clone())),
                Some(new) if new != old => {
                    self.not_held
                        .push(NotHeld::OrganisationChanged((*id).clone()));
                }
                Some(_) => {}
            }
        }
        for id in after.keys().filter(|id| !before.contains_key(*id)) {
            self.not_held
                .push(NotHeld::OrganisationAdded((*id).clone()));
        }
    }

    /// The sources the proposal adds; those removed or changed are not held.
    fn sources(&mut self) -> Vec<Source> {
        for (id, old) in &self.before.sources {
            match self.after.sources.get(id) {
                None => self.not_held.push(NotHeld::SourceRemoved(id.to_string())),
                Some(new) if json(new) != json(old) => {
                    self.not_held.push(NotHeld::SourceChanged(id.to_string()));
                }
                Some(_) => {}
            }
        }
        self.after
            .sources
            .iter()
            .filter(|(id, _)| !self.before.sources.contains_key(*id))
            .map(|(_, source)| source.clone())
            .collect()
    }

    fn units(&mut self) {
        let (before, after) = (self.before, self.after);
        for id in before.units.keys() {
            if !after.units.contains_key(id) {
                self.removed.insert(id);
                self.changes.push(ChangeEntry {
                    remove_unit: Some(Spanned::unplaced(id.clone())),
                    ..ChangeEntry::default()
                });
            }
        }
        for tie in &before.ties {
            if !self.removed.contains(&tie.from.value) && !self.removed.contains(&tie.to.value) {
                self.keep(tie.clone());
            }
        }
        for tie in after.ties.iter().filter(|t| t.kind.is_hierarchical()) {
            self.parents_after
                .entry(&tie.from.value)
                .or_default()
                .push(tie);
        }
        for (id, unit) in &after.units {
            if before.units.contains_key(id) {
                continue;
            }
            let Some(organisation) = Writer::organisation_of(after, unit)
                .filter(|o| before.organisations.iter().any(|b| b.id.value == **o))
            else {
                // Its organisation is new: said once, for the organisation.
                self.left_out.insert(id);
                continue;
            };
            self.added.insert(id);
            self.changes.push(ChangeEntry {
                add_unit: Some(Spanned::unplaced(unit.clone())),
                organisation: Some(Spanned::unplaced(organisation.clone())),
                source: unit.source.clone(),
                ..ChangeEntry::default()
            });
        }
        for (id, new) in &after.units {
            if let Some(old) = before.units.get(id) {
                self.unit_changes(old, new);
            }
        }
    }

    /// The changes to a unit in both descriptions: its names, its kind, its parents, its other
    /// fields, in that order.
    fn unit_changes(&mut self, old: &Unit, new: &Unit) {
        let id = &new.id.value;
        if Writer::organisation_of(self.before, old) != Writer::organisation_of(self.after, new) {
            self.not_held
                .push(NotHeld::UnitMovedToAnotherFile(id.clone()));
        }
        let mut working = old.clone();
        if old.name != new.name || old.acronym != new.acronym {
            self.changes.push(ChangeEntry {
                rename: Some(Spanned::unplaced(Rename {
                    unit: Spanned::unplaced(id.clone()),
                    name: (old.name != new.name).then(|| new.name.clone()),
                    acronym: (old.acronym != new.acronym).then(|| new.acronym.clone()),
                })),
                ..ChangeEntry::default()
            });
            working.name.clone_from(&new.name);
            working.acronym.clone_from(&new.acronym);
        }
        if old.kind.value != new.kind.value {
            self.changes.push(ChangeEntry {
                change_kind: Some(Spanned::unplaced(KindChange {
                    unit: Spanned::unplaced(id.clone()),
                    kind: Spanned::unplaced(new.kind.value),
                })),
                ..ChangeEntry::default()
            });
            working.kind.value = new.kind.value;
            if new.kind.value != UnitKind::Post {
                working.drop_post_facts();
            }
        }
        for authority in [false, true] {
            if self.moved(id, authority) {
                working.boundary = None;
            }
        }
        if same_unit(&working, new) {
            return;
        }
        let (then, now) = (json(&working), json(new));
        let empty = Map::new();
        let (then, now) = (
            then.as_object().unwrap_or(&empty),
            now.as_object().unwrap_or(&empty),
        );
        let mut set = Map::new();
        for field in then.keys().chain(now.keys()) {
            if NOT_UPDATED.contains(&field.as_str()) || then.get(field) == now.get(field) {
                continue;
            }
            set.insert(
                field.clone(),
                now.get(field).cloned().unwrap_or(Value::Null),
            );
        }
        if !set.is_empty() {
            self.changes.push(ChangeEntry {
                update: Some(Spanned::unplaced(Update {
                    unit: Spanned::unplaced(id.clone()),
                    set: Spanned::unplaced(set),
                })),
                ..ChangeEntry::default()
            });
        }
    }

    /// Keeps a tie of the description before, indexed when it is hierarchical.
    fn keep(&mut self, tie: Tie) {
        if tie.kind.is_hierarchical() {
            self.parents
                .entry(tie.from.value.clone())
                .or_default()
                .push(self.ties.len());
        }
        self.ties.push(Some(tie));
    }

    /// Writes a `move` of unit `id` when one says exactly how its parents changed: its parent
    /// ties (line authority, with `authority`; the others, without) are one plain tie after, to
    /// a unit that was not a parent before. Whether it wrote one. Linear in the unit's parent
    /// ties.
    fn moved(&mut self, id: &UnitId, authority: bool) -> bool {
        let parent = |tie: &Tie| (tie.kind.value == TieKind::LineAuthority) == authority;
        let now: Vec<&Tie> = self
            .parents_after
            .get(id)
            .into_iter()
            .flatten()
            .copied()
            .filter(|t| parent(t))
            .collect();
        let [tie] = now.as_slice() else {
            return false;
        };
        let was: Vec<usize> = self
            .parents
            .get(id)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| self.ties[i].as_ref().is_some_and(parent))
            .collect();
        let elsewhere = !was.iter().any(|&i| {
            self.ties[i]
                .as_ref()
                .is_some_and(|t| t.to.value == tie.to.value)
        });
        let plain = tie.valid_from.is_none() && tie.valid_until.is_none() && tie.note.is_none();
        if !elsewhere || !plain || tie.to.value == *id || !self.live(&tie.to.value) {
            return false;
        }
        self.changes.push(ChangeEntry {
            move_unit: Some(Spanned::unplaced(Move {
                unit: Spanned::unplaced(id.clone()),
                to: Spanned::unplaced(tie.to.value.clone()),
                kind: (tie.kind.value != TieKind::Attachment)
                    .then(|| Spanned::unplaced(tie.kind.value)),
            })),
            source: tie.source.clone(),
            ..ChangeEntry::default()
        });
        for i in was {
            self.ties[i] = None;
        }
        self.keep((*tie).clone());
        true
    }

    /// The ties removed and added: for each kind and ends whose ties differ, `remove-tie` of
    /// those there were, then `add-tie` of each there is.
    fn ties(&mut self) {
        let working: Vec<Tie> = std::mem::take(&mut self.ties)
            .into_iter()
            .flatten()
            .collect();
        let (was, now) = (by_key(&working), by_key(&self.after.ties));
        let keys: Vec<&TieKey> = was
            .keys()
            .chain(now.keys().filter(|k| !was.contains_key(*k)))
            .collect();
        for key in keys {
            let (old, new) = (was.get(key), now.get(key));
            if same_ties(
                old.map_or(&[], Vec::as_slice),
                new.map_or(&[], Vec::as_slice),
            ) {
                continue;
            }
            if !(self.live(&key.from) && self.live(&key.to)) {
                let said = [&key.from, &key.to]
                    .iter()
                    .any(|end| self.left_out.contains(end));
                if !said {
                    self.not_held.push(NotHeld::TieToNoUnit(key.clone()));
                }
                continue;
            }
            if old.is_some() {
                self.changes.push(ChangeEntry {
                    remove_tie: Some(Spanned::unplaced(TieRef {
                        kind: Spanned::unplaced(key.kind),
                        from: Spanned::unplaced(key.from.clone()),
                        to: Spanned::unplaced(key.to.clone()),
                    })),
                    ..ChangeEntry::default()
                });
            }
            for tie in new.into_iter().flatten() {
                self.changes.push(ChangeEntry {
                    add_tie: Some(Spanned::unplaced((*tie).clone())),
                    source: tie.source.clone(),
                    ..ChangeEntry::default()
                });
            }
        }
    }
}

/// What differs between `after` and `before` with the proposal `file` applied, if anything: the
/// first fact that does, or why the proposal does not apply.
fn applied_differs(
    before: &Description,
    after: &Description,
    file: &ProposalFile,
) -> Option<String> {
    let text = match file.to_json() {
        Ok(text) => text,
        Err(error) => return Some(error.to_string()),
    };
    let read = proposal::parse(
        FileId(u32::MAX),
        &text,
        crate::load::json::DEFAULT_MAX_DEPTH,
    );
    let applied = read.and_then(|p| proposal::apply(before, &p).map(|(d, _)| d));
    let applied = match applied {
        Ok(applied) => applied,
        Err(errors) => {
            return Some(
                errors
                    .first()
                    .map(|d| d.message.to_string())
                    .unwrap_or_default(),
            );
        }
    };
    differs(&applied, after)
}

/// Whether two units say the same, wherever they are declared (their organisations aside).
fn same_unit(a: &Unit, b: &Unit) -> bool {
    let mut b = b.clone();
    b.origin = a.origin;
    b.organisation = a.organisation;
    *a == b
}

/// Whether two lists of ties say the same, up to their order, wherever they are declared.
/// Linear for one tie each, as ties of one kind and ends mostly are; `O(n log n)` otherwise.
fn same_ties(a: &[&Tie], b: &[&Tie]) -> bool {
    if let ([x], [y]) = (a, b) {
        let mut y = (*y).clone();
        y.origin = x.origin;
        return **x == y;
    }
    let texts = |ties: &[&Tie]| {
        let mut texts: Vec<String> = ties.iter().map(|t| json(t).to_string()).collect();
        texts.sort_unstable();
        texts
    };
    a.len() == b.len() && texts(a) == texts(b)
}

/// The ties of a description by kind and ends, in the order first declared.
fn by_key(ties: &[Tie]) -> IndexMap<TieKey, Vec<&Tie>> {
    let mut by_key: IndexMap<TieKey, Vec<&Tie>> = IndexMap::new();
    for tie in ties {
        by_key.entry(tie.key()).or_default().push(tie);
    }
    by_key
}

/// The first fact in which two descriptions differ, up to the order of units and ties: a unit
/// (or the organisation it is declared in), a tie, a source or an organisation.
fn differs(a: &Description, b: &Description) -> Option<String> {
    let unit_differs = |id: &UnitId| match (a.units.get(id), b.units.get(id)) {
        (Some(x), Some(y)) => {
            !same_unit(x, y) || Writer::organisation_of(a, x) != Writer::organisation_of(b, y)
        }
        _ => true,
    };
    if let Some(id) = a
        .units
        .keys()
        .chain(b.units.keys())
        .find(|id| unit_differs(id))
    {
        return Some(format!("unit `{id}`"));
    }
    let (ta, tb) = (by_key(&a.ties), by_key(&b.ties));
    let ties_differ = |key: &TieKey| {
        !same_ties(
            ta.get(key).map_or(&[], Vec::as_slice),
            tb.get(key).map_or(&[], Vec::as_slice),
        )
    };
    if let Some(key) = ta.keys().chain(tb.keys()).find(|key| ties_differ(key)) {
        return Some(format!("tie {key}"));
    }
    let sources = |d: &Description| -> HashMap<String, Value> {
        d.sources
            .iter()
            .map(|(id, s)| (id.to_string(), json(s)))
            .collect()
    };
    if sources(a) != sources(b) {
        return Some("sources".to_owned());
    }
    let organisations =
        |d: &Description| -> Vec<Value> { d.organisations.iter().map(json).collect() };
    (organisations(a) != organisations(b)).then(|| "organisations".to_owned())
}
