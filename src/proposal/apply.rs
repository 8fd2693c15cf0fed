//! Applying a proposal to a description: each change in order, on the structure the changes
//! before it left, every problem located in the proposal.

use std::collections::{HashMap, HashSet};

use indexmap::map::Entry;

use super::{Change, Operation, Proposal, TieRef};
use super::{KindChange, Merge, Move, NOT_UPDATED, Rename, Split, Update};
use crate::diagnostic::{Code, Diagnostic, Suggestions};
use crate::i18n::text;
use crate::i18n::{Text, sentence};
use crate::load::{diagnose, json};
use crate::model::{
    Description, FileId, IdMap, Organisation, OrganisationId, OrganisationIndex, Origin, Source,
    SourceId, Span, Spanned, Tie, TieKey, TieKind, Unit, UnitId, UnitKind, Unreadable,
};

/// What one change of a proposal did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// Where the change is written in the proposal.
    pub origin: Origin,
    /// The operation's name (`merge`).
    pub operation: &'static str,
    /// What it did, in order.
    pub effects: Vec<Effect>,
}

/// One thing a change did to the description.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Effect {
    /// The unit with this id was added.
    UnitAdded(UnitId),
    /// The unit with this id was removed, with its ties.
    UnitRemoved(UnitId),
    /// Renamed, of another kind, or an attribute dropped (a moved unit's boundary, the `vacant`
    /// of a post that became another kind).
    UnitChanged(UnitId),
    /// This tie was added.
    TieAdded(TieKey),
    /// This tie was removed.
    TieRemoved(TieKey),
}

/// Applies `proposal` to `description`: the description as proposed, and what each change did.
/// A change that names an unknown unit or tie, reuses an id, or contradicts the structure the
/// changes before it left is refused with a located error; every change is tried, so one run
/// reports every such problem. Linear in the size of the description and of the proposal, plus,
/// per change, the ties of the units it touches.
pub fn apply(
    description: &Description,
    proposal: &Proposal,
) -> Result<(Description, Vec<Applied>), Vec<Diagnostic>> {
    let mut working = Working::new(description, proposal.file);
    for source in &proposal.sources {
        working.add_source(source);
    }
    let applied = proposal
        .changes
        .iter()
        .map(|change| Applied {
            origin: change.origin,
            operation: change.operation.name(),
            effects: working.apply(change),
        })
        .collect();
    working.finish().map(|description| (description, applied))
}

/// What an id names in the description being changed.
#[derive(Clone, Copy, Debug)]
enum Slot<'a> {
    Live(&'a Unit),
    /// A unit removed by the change written here.
    Removed(Origin),
    Absent,
}

/// The description as the changes so far left it. A removed unit stays in `units`, marked in
/// `removed`, so that nothing is shifted and a later mention of it can say which change removed
/// it.
struct Working {
    file: FileId,
    organisations: Vec<Organisation>,
    sources: IdMap<SourceId, Source>,
    units: IdMap<UnitId, Unit>,
    /// Units removed, and the change that removed each.
    removed: HashMap<UnitId, Origin>,
    ties: Vec<Option<Tie>>,
    /// The ties touching each unit, by index in `ties`; some may be removed or re-pointed since.
    by_unit: HashMap<UnitId, Vec<usize>>,
    unreadable: Unreadable,
    diagnostics: Vec<Diagnostic>,
    suggestions: Suggestions,
}

impl Working {
    fn new(description: &Description, file: FileId) -> Working {
        let mut working = Working {
            file,
            organisations: description.organisations.clone(),
            sources: description.sources.clone(),
            units: description.units.clone(),
            removed: HashMap::new(),
            ties: Vec::with_capacity(description.ties.len()),
            by_unit: HashMap::new(),
            unreadable: description.unreadable.clone(),
            diagnostics: Vec::new(),
            suggestions: Suggestions::default(),
        };
        for tie in &description.ties {
            working.insert_tie(tie.clone());
        }
        working
    }

    /// The description as proposed, or every problem met.
    fn finish(mut self) -> Result<Description, Vec<Diagnostic>> {
        if !self.diagnostics.is_empty() {
            self.diagnostics
                .sort_by_key(|d| d.origin.map(|o| (o.span.start, o.span.end)));
            return Err(self.diagnostics);
        }
        Ok(Description {
            organisations: self.organisations,
            sources: self.sources,
            units: self
                .units
                .into_iter()
                .filter(|(id, _)| !self.removed.contains_key(id))
                .collect(),
            ties: self.ties.into_iter().flatten().collect(),
            unreadable: self.unreadable,
        })
    }

    fn at(&self, span: Span) -> Origin {
        Origin::new(self.file, span)
    }

    fn fail(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Refuses a change that changes nothing (a rename to the same name, an update to the same
    /// fields): `message` says why, at `place`, with the hint to drop it.
    fn fail_unchanged(&mut self, message: Text, place: Origin) {
        self.fail(
            Diagnostic::new(Code::ProposalConflict, message)
                .at(place)
                .with_hint(text!("proposal-drop-the-change")),
        );
    }

    fn add_source(&mut self, source: &Source) {
        match self.sources.entry(source.id.value.clone()) {
            Entry::Occupied(first) => {
                let first = first.get().origin.at(first.get().id.span);
                self.fail(
                    Diagnostic::new(
                        Code::DuplicateId,
                        text!("proposal-source-declared", id = source.id.as_str()),
                    )
                    .at(source.origin.at(source.id.span))
                    .with_label(text!("declared-again-here"))
                    .with_related(first, text!("first-declared-here"))
                    .with_hint(text!("proposal-source-declared-hint")),
                );
            }
            Entry::Vacant(slot) => {
                slot.insert(source.clone());
            }
        }
    }

    /// Applies one change; a change that cannot be applied leaves everything as it was.
    fn apply(&mut self, change: &Change) -> Vec<Effect> {
        let mut effects = Vec::new();
        match &change.operation {
            Operation::AddUnit { unit, organisation } => {
                self.add_unit(change, unit, organisation, &mut effects);
            }
            Operation::AddTie(tie) => self.add_tie(change, tie, &mut effects),
            Operation::RemoveUnit(id) => {
                if self.live(id) {
                    self.remove_unit(id, change.origin, &mut effects);
                }
            }
            Operation::RemoveTie(tie) => self.remove_ties(tie, &mut effects),
            Operation::Move(spanned) => self.move_unit(change, spanned, &mut effects),
            Operation::Rename(spanned) => self.rename(change, spanned, &mut effects),
            Operation::ChangeKind(spanned) => self.change_kind(change, spanned, &mut effects),
            Operation::Update(spanned) => self.update(change, spanned, &mut effects),
            Operation::Merge(spanned) => self.merge(change, spanned, &mut effects),
            Operation::Split(spanned) => self.split(change, spanned, &mut effects),
        }
        effects
    }

    // ---- units

    fn slot(&self, id: &UnitId) -> Slot<'_> {
        match (self.removed.get(id), self.units.get(id)) {
            (Some(&by), _) => Slot::Removed(by),
            (None, Some(unit)) => Slot::Live(unit),
            (None, None) => Slot::Absent,
        }
    }

    /// Whether `id` names a unit there now; if not, says why where `id` is written.
    fn live(&mut self, id: &Spanned<UnitId>) -> bool {
        let place = self.at(id.span);
        match self.slot(&id.value) {
            Slot::Live(_) => true,
            Slot::Removed(by) => {
                self.fail(
                    Diagnostic::new(
                        Code::ProposalConflict,
                        text!("proposal-removed-earlier", id = id.as_str()),
                    )
                    .at(place)
                    .with_label(text!("proposal-removed-earlier-label"))
                    .with_related(by, text!("proposal-removed-by-this-change"))
                    .with_hint(text!("proposal-removed-earlier-hint")),
                );
                false
            }
            Slot::Absent => {
                let hint = if self.unreadable.ids.contains(id.as_str()) {
                    Some(text!("proposal-unit-unreadable-hint"))
                } else {
                    let live = self
                        .units
                        .keys()
                        .filter(|id| !self.removed.contains_key(*id));
                    self.suggestions
                        .did_you_mean(id.as_str(), live.map(UnitId::as_str))
                };
                self.fail(
                    Diagnostic::new(
                        Code::UnknownUnit,
                        text!("build-unknown-unit", id = id.as_str()),
                    )
                    .at(place)
                    .with_label(text!("build-unknown-unit-label"))
                    .with_hint_opt(hint),
                );
                false
            }
        }
    }

    /// Whether `id` is free for a new unit; if not, says why where `id` is written.
    fn free(&mut self, id: &Spanned<UnitId>) -> bool {
        let place = self.at(id.span);
        let taken = match self.slot(&id.value) {
            Slot::Live(unit) => Diagnostic::new(
                Code::DuplicateId,
                text!("proposal-unit-exists", id = id.as_str()),
            )
            .with_related(
                unit.origin.at(unit.id.span),
                text!("proposal-declared-here"),
            )
            .with_hint(text!("proposal-unit-exists-hint")),
            Slot::Removed(by) => Diagnostic::new(
                Code::ProposalConflict,
                text!("proposal-id-not-reused", id = id.as_str()),
            )
            .with_related(by, text!("proposal-removed-by-this-change"))
            .with_hint(text!("proposal-id-not-reused-hint")),
            Slot::Absent if self.unreadable.ids.contains(id.as_str()) => Diagnostic::new(
                Code::DuplicateId,
                text!("proposal-unit-declared", id = id.as_str()),
            )
            .with_hint(text!("proposal-unit-declared-hint")),
            Slot::Absent => return true,
        };
        self.fail(taken.at(place).with_label(text!("proposal-id-taken")));
        false
    }

    fn unit_mut(&mut self, id: &UnitId) -> Option<&mut Unit> {
        if self.removed.contains_key(id) {
            return None;
        }
        self.units.get_mut(id)
    }

    /// Checks that a new unit may be `vacant`, which only posts may.
    fn vacancy_fits(&mut self, unit: &Unit, origin: Origin) -> bool {
        match &unit.vacant {
            Some(vacant) if unit.kind.value != UnitKind::Post => {
                self.fail(
                    Diagnostic::new(
                        Code::AttributeNotAllowed,
                        text!(
                            "proposal-vacant-not-post",
                            id = unit.id.as_str(),
                            kind = unit.kind.value
                        ),
                    )
                    .at(origin.at(vacant.span))
                    .with_hint(text!("proposal-vacant-not-post-hint")),
                );
                false
            }
            _ => true,
        }
    }

    /// Inserts a unit a change declares, with its origin in the proposal, citing the change's
    /// source when it cites none.
    fn insert_unit(
        &mut self,
        change: &Change,
        unit: &Spanned<Unit>,
        organisation: OrganisationIndex,
        effects: &mut Vec<Effect>,
    ) {
        let mut new = unit.value.clone();
        new.origin = self.at(unit.span);
        new.organisation = organisation;
        if new.source.is_none() {
            new.source.clone_from(&change.source);
        }
        effects.push(Effect::UnitAdded(new.id.value.clone()));
        self.units.insert(new.id.value.clone(), new);
    }

    fn add_unit(
        &mut self,
        change: &Change,
        unit: &Spanned<Unit>,
        organisation: &Spanned<OrganisationId>,
        effects: &mut Vec<Effect>,
    ) {
        let index = self
            .organisations
            .iter()
            .position(|o| o.id.value == organisation.value);
        if index.is_none() {
            let hint = self
                .suggestions
                .did_you_mean(
                    organisation.as_str(),
                    self.organisations.iter().map(|o| o.id.as_str()),
                )
                .unwrap_or_else(|| text!("proposal-unknown-organisation-hint"));
            self.fail(
                Diagnostic::new(
                    Code::UnknownValue,
                    text!("proposal-unknown-organisation", id = organisation.as_str()),
                )
                .at(self.at(organisation.span))
                .with_label(text!("proposal-unknown-organisation-label"))
                .with_hint(hint),
            );
        }
        let free = self.free(&unit.id);
        let fits = self.vacancy_fits(unit, self.at(unit.span));
        if let (Some(index), true, true) = (index, free, fits) {
            let index = OrganisationIndex(u32::try_from(index).unwrap_or(u32::MAX));
            self.insert_unit(change, unit, index, effects);
        }
    }

    fn remove_unit(&mut self, id: &UnitId, by: Origin, effects: &mut Vec<Effect>) {
        for index in self.ties_of(id) {
            self.remove_tie(index, effects);
        }
        self.removed.insert(id.clone(), by);
        effects.push(Effect::UnitRemoved(id.clone()));
    }

    fn move_unit(&mut self, change: &Change, spanned: &Spanned<Move>, effects: &mut Vec<Effect>) {
        let Move { unit, to, kind } = &spanned.value;
        let (unit_there, to_there) = (self.live(unit), self.live(to));
        let kind_span = kind.as_ref().map_or(spanned.span, |k| k.span);
        let kind = kind.as_ref().map_or(TieKind::Attachment, |k| k.value);
        if !kind.is_hierarchical() {
            self.fail(
                Diagnostic::new(
                    Code::InvalidValue,
                    text!("proposal-move-kind", kind = kind.as_str()),
                )
                .at(self.at(kind_span))
                .with_hint(text!("proposal-move-kind-hint")),
            );
            return;
        }
        if !(unit_there && to_there) {
            return;
        }
        if unit.value == to.value {
            self.fail(
                Diagnostic::new(
                    Code::ProposalConflict,
                    text!("proposal-move-under-itself", id = unit.as_str()),
                )
                .at(self.at(to.span))
                .with_hint(text!("proposal-move-under-itself-hint")),
            );
            return;
        }
        let authority = kind == TieKind::LineAuthority;
        let parents: Vec<usize> = self
            .ties_of(&unit.value)
            .into_iter()
            .filter(|&i| {
                self.tie(i).is_some_and(|t| {
                    t.from.value == unit.value
                        && t.kind.is_hierarchical()
                        && (t.kind.value == TieKind::LineAuthority) == authority
                })
            })
            .collect();
        let already = match parents.as_slice() {
            [only] => self
                .tie(*only)
                .is_some_and(|t| t.kind.value == kind && t.to.value == to.value),
            _ => false,
        };
        if already {
            self.fail(
                Diagnostic::new(
                    Code::ProposalConflict,
                    text!(
                        "proposal-move-changes-nothing",
                        tie = sentence(&unit.value, kind, &to.value)
                    ),
                )
                .at(self.at(spanned.span))
                .with_hint(text!("proposal-move-changes-nothing-hint")),
            );
            return;
        }
        for index in parents {
            self.remove_tie(index, effects);
        }
        self.add_new_tie(
            Tie {
                kind: Spanned::new(kind_span, kind),
                from: unit.clone(),
                to: to.clone(),
                valid_from: None,
                valid_until: None,
                note: None,
                source: change.source.clone(),
                origin: change.origin,
            },
            effects,
        );
        if let Some(moved) = self.unit_mut(&unit.value)
            && moved.boundary.take().is_some()
        {
            effects.push(Effect::UnitChanged(unit.value.clone()));
        }
    }

    fn rename(&mut self, change: &Change, spanned: &Spanned<Rename>, effects: &mut Vec<Effect>) {
        let Rename {
            unit,
            name,
            acronym,
        } = &spanned.value;
        if name.is_none() && acronym.is_none() {
            self.fail(
                Diagnostic::new(Code::InvalidValue, text!("proposal-rename-nothing"))
                    .at(self.at(spanned.span))
                    .with_hint(text!("proposal-rename-nothing-hint")),
            );
            return;
        }
        if !self.live(unit) {
            return;
        }
        let origin = change.origin;
        let Some(renamed) = self.unit_mut(&unit.value) else {
            return;
        };
        let new_name = name.clone().unwrap_or_else(|| renamed.name.clone());
        let new_acronym = acronym.clone().unwrap_or_else(|| renamed.acronym.clone());
        if new_name == renamed.name && new_acronym == renamed.acronym {
            self.fail_unchanged(
                text!("proposal-rename-same", id = unit.as_str()),
                origin.at(spanned.span),
            );
            return;
        }
        renamed.name = new_name;
        renamed.acronym = new_acronym;
        relocate_unit(renamed, origin, unit.span, change);
        effects.push(Effect::UnitChanged(unit.value.clone()));
    }

    fn change_kind(
        &mut self,
        change: &Change,
        spanned: &Spanned<KindChange>,
        effects: &mut Vec<Effect>,
    ) {
        let KindChange { unit, kind } = &spanned.value;
        if !self.live(unit) {
            return;
        }
        let origin = change.origin;
        let Some(changed) = self.unit_mut(&unit.value) else {
            return;
        };
        if changed.kind.value == kind.value {
            self.fail_unchanged(
                text!("proposal-kind-same", id = unit.as_str(), kind = kind.value),
                origin.at(kind.span),
            );
            return;
        }
        changed.kind.value = kind.value;
        if kind.value != UnitKind::Post {
            changed.drop_post_facts();
        }
        relocate_unit(changed, origin, unit.span, change);
        changed.kind.span = kind.span;
        effects.push(Effect::UnitChanged(unit.value.clone()));
    }

    /// Sets the fields of `set` in the unit: written over the unit as a description file would
    /// declare it (`null` clearing a field), the result read back as a unit, so that a field is
    /// set only to what a description file may say.
    fn update(&mut self, change: &Change, spanned: &Spanned<Update>, effects: &mut Vec<Effect>) {
        let Update { unit, set } = &spanned.value;
        let place = self.at(set.span);
        if let Some(field) = set.keys().find(|k| NOT_UPDATED.contains(&k.as_str())) {
            self.fail(
                Diagnostic::new(
                    Code::InvalidValue,
                    text!("proposal-update-field", field = field.as_str()),
                )
                .at(place)
                .with_hint(text!("proposal-update-field-hint", field = field.as_str())),
            );
            return;
        }
        if !self.live(unit) {
            return;
        }
        let Some(current) = self.unit_mut(&unit.value).map(|u| u.clone()) else {
            return;
        };
        let mut fields = match serde_json::to_value(&current) {
            Ok(serde_json::Value::Object(fields)) => fields,
            _ => serde_json::Map::new(),
        };
        for (field, value) in set.iter() {
            match value {
                serde_json::Value::Null => fields.remove(field),
                value => fields.insert(field.clone(), value.clone()),
            };
        }
        let text = serde_json::Value::Object(fields).to_string();
        let read = json::read::<Unit>(&text, json::DEFAULT_MAX_DEPTH);
        let Some(mut updated) = read.value.filter(|_| read.errors.is_empty()) else {
            for error in read.errors {
                self.fail(
                    diagnose(self.file, error)
                        .at(place)
                        .with_label(text!("proposal-update-unreadable-label")),
                );
            }
            return;
        };
        updated.organisation = current.organisation;
        updated.origin = current.origin;
        if updated == current {
            self.fail_unchanged(text!("proposal-update-same", id = unit.as_str()), place);
            return;
        }
        if !self.vacancy_fits(&updated, place) {
            return;
        }
        relocate_unit(&mut updated, change.origin, set.span, change);
        effects.push(Effect::UnitChanged(unit.value.clone()));
        self.units.insert(unit.value.clone(), updated);
    }

    fn merge(&mut self, change: &Change, spanned: &Spanned<Merge>, effects: &mut Vec<Effect>) {
        let Merge { unit, into } = &spanned.value;
        let (unit_there, into_there) = (self.live(unit), self.live(into));
        if !(unit_there && into_there) {
            return;
        }
        if unit.value == into.value {
            self.fail(
                Diagnostic::new(
                    Code::ProposalConflict,
                    text!("proposal-merge-itself", id = unit.as_str()),
                )
                .at(self.at(into.span))
                .with_hint(text!("proposal-merge-itself-hint")),
            );
            return;
        }
        let mut held: HashSet<TieKey> = self
            .ties_of(&into.value)
            .into_iter()
            .filter_map(|i| self.tie(i).map(Tie::key))
            .collect();
        for index in self.ties_of(&unit.value) {
            let Some(mut tie) = self.remove_tie(index, effects) else {
                continue;
            };
            repoint(&mut tie, &unit.value, into);
            if tie.from.value == tie.to.value || !held.insert(tie.key()) {
                continue;
            }
            relocate_tie(&mut tie, change, into.span);
            self.add_new_tie(tie, effects);
        }
        self.remove_unit(&unit.value, change.origin, effects);
    }

    fn split(&mut self, change: &Change, spanned: &Spanned<Split>, effects: &mut Vec<Effect>) {
        let Split { unit, into, assign } = &spanned.value;
        if !self.live(unit) {
            return;
        }
        let errors = self.diagnostics.len();
        if into.len() < 2 {
            self.fail(
                Diagnostic::new(Code::InvalidValue, text!("proposal-split-too-few"))
                    .at(self.at(spanned.span))
                    .with_hint(text!("proposal-split-too-few-hint")),
            );
        }
        let mut new_ids: HashMap<&UnitId, (usize, Span)> = HashMap::new();
        for (k, new) in into.iter().enumerate() {
            let id = &new.id;
            if let Some(&(_, first)) = new_ids.get(&id.value) {
                self.fail(
                    Diagnostic::new(
                        Code::DuplicateId,
                        text!("proposal-split-same-id", id = id.as_str()),
                    )
                    .at(self.at(id.span))
                    .with_related(self.at(first), text!("first-given-here"))
                    .with_hint(text!("proposal-split-same-id-hint")),
                );
                continue;
            }
            new_ids.insert(&id.value, (k, id.span));
            self.free(id);
            self.vacancy_fits(new, self.at(new.span));
        }
        let ties = self.ties_of(&unit.value);
        let mut by_key: HashMap<TieKey, Vec<usize>> = HashMap::new();
        for &index in &ties {
            if let Some(tie) = self.tie(index) {
                by_key.entry(tie.key()).or_default().push(index);
            }
        }
        let mut assigned: HashMap<usize, (usize, Span)> = HashMap::new();
        for assignment in assign {
            let key = tie_key(&assignment.tie);
            let matching = by_key.get(&key).cloned().unwrap_or_default();
            if matching.is_empty() {
                self.fail(
                    Diagnostic::new(Code::UnknownTie, text!("proposal-no-tie", tie = &key))
                        .at(self.at(assignment.tie.span))
                        .with_label(text!("proposal-no-tie-of-split-label"))
                        .with_hint(text!("proposal-no-tie-of-split-hint")),
                );
            }
            let Some(&(k, _)) = new_ids.get(&assignment.unit.value) else {
                self.fail(
                    Diagnostic::new(
                        Code::ProposalConflict,
                        text!(
                            "proposal-assign-not-new",
                            id = assignment.unit.as_str(),
                            split = unit.as_str()
                        ),
                    )
                    .at(self.at(assignment.unit.span))
                    .with_hint(text!("proposal-assign-not-new-hint")),
                );
                continue;
            };
            for index in matching {
                if let Some(&(_, first)) = assigned.get(&index) {
                    self.fail(
                        Diagnostic::new(Code::ProposalConflict, text!("proposal-assigned-twice"))
                            .at(self.at(assignment.tie.span))
                            .with_related(self.at(first), text!("proposal-first-assigned-here"))
                            .with_hint(text!("proposal-assigned-twice-hint")),
                    );
                }
                assigned.insert(index, (k, assignment.tie.span));
            }
        }
        if self.diagnostics.len() > errors {
            return;
        }
        let Some(organisation) = self.unit_mut(&unit.value).map(|u| u.organisation) else {
            return;
        };
        for new in into {
            self.insert_unit(change, new, organisation, effects);
        }
        for index in ties {
            let Some(tie) = self.remove_tie(index, effects) else {
                continue;
            };
            let parent = tie.kind.is_hierarchical()
                && tie.from.value == unit.value
                && tie.to.value != unit.value;
            let targets: Vec<usize> = match assigned.get(&index) {
                Some(&(k, _)) => vec![k],
                None if parent => (0..into.len()).collect(),
                None => vec![0],
            };
            for k in targets {
                let new_id = &into[k].id;
                let mut tie = tie.clone();
                repoint(&mut tie, &unit.value, new_id);
                relocate_tie(&mut tie, change, new_id.span);
                self.add_new_tie(tie, effects);
            }
        }
        self.remove_unit(&unit.value, change.origin, effects);
    }

    // ---- ties

    fn tie(&self, index: usize) -> Option<&Tie> {
        self.ties.get(index).and_then(Option::as_ref)
    }

    /// Adds a tie, indexed by its two ends.
    fn insert_tie(&mut self, tie: Tie) -> usize {
        let index = self.ties.len();
        self.by_unit
            .entry(tie.from.value.clone())
            .or_default()
            .push(index);
        if tie.to.value != tie.from.value {
            self.by_unit
                .entry(tie.to.value.clone())
                .or_default()
                .push(index);
        }
        self.ties.push(Some(tie));
        index
    }

    fn add_new_tie(&mut self, tie: Tie, effects: &mut Vec<Effect>) {
        effects.push(Effect::TieAdded(tie.key()));
        self.insert_tie(tie);
    }

    fn remove_tie(&mut self, index: usize, effects: &mut Vec<Effect>) -> Option<Tie> {
        let tie = self.ties.get_mut(index)?.take()?;
        effects.push(Effect::TieRemoved(tie.key()));
        Some(tie)
    }

    /// The ties there now with `unit` at one end, in declaration order.
    fn ties_of(&self, unit: &UnitId) -> Vec<usize> {
        let mut ties: Vec<usize> = self
            .by_unit
            .get(unit)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| {
                self.tie(i)
                    .is_some_and(|t| t.from.value == *unit || t.to.value == *unit)
            })
            .collect();
        ties.sort_unstable();
        ties.dedup();
        ties
    }

    fn add_tie(&mut self, change: &Change, tie: &Spanned<Tie>, effects: &mut Vec<Effect>) {
        let (from, to) = (self.live(&tie.from), self.live(&tie.to));
        if !(from && to) {
            return;
        }
        let mut new = tie.value.clone();
        new.origin = self.at(tie.span);
        if new.source.is_none() {
            new.source.clone_from(&change.source);
        }
        self.add_new_tie(new, effects);
    }

    fn remove_ties(&mut self, spanned: &Spanned<TieRef>, effects: &mut Vec<Effect>) {
        let TieRef { from, to, .. } = &spanned.value;
        let (from_there, to_there) = (self.live(from), self.live(to));
        if !(from_there && to_there) {
            return;
        }
        let key = tie_key(spanned);
        let between: Vec<usize> = self
            .ties_of(&from.value)
            .into_iter()
            .filter(|&i| {
                self.tie(i).is_some_and(|t| {
                    (t.from.value == from.value && t.to.value == to.value)
                        || (t.from.value == to.value && t.to.value == from.value)
                })
            })
            .collect();
        let (matching, others): (Vec<usize>, Vec<usize>) = between
            .into_iter()
            .partition(|&i| self.tie(i).is_some_and(|t| t.key() == key));
        if matching.is_empty() {
            let stated: Vec<Text> = others
                .iter()
                .filter_map(|&i| self.tie(i).map(|t| Text::from(&t.key())))
                .collect();
            let hint = match stated.split_first() {
                None => text!(
                    "proposal-no-tie-between",
                    from = from.as_str(),
                    to = to.as_str()
                ),
                Some((first, rest)) => {
                    let all = rest.iter().fold(first.clone(), |so_far, tie| {
                        text!(
                            "proposal-ties-stated-and",
                            states = so_far,
                            tie = tie.clone()
                        )
                    });
                    text!("proposal-ties-stated", states = all)
                }
            };
            self.fail(
                Diagnostic::new(Code::UnknownTie, text!("proposal-no-tie", tie = &key))
                    .at(self.at(spanned.span))
                    .with_label(text!("proposal-no-such-tie"))
                    .with_hint(hint),
            );
            return;
        }
        for index in matching {
            self.remove_tie(index, effects);
        }
    }
}

/// The key of a tie named in a proposal.
fn tie_key(tie: &Spanned<TieRef>) -> TieKey {
    TieKey::new(tie.kind.value, tie.from.value.clone(), tie.to.value.clone())
}

/// Re-points the ends of `tie` that are `old` to `new`.
fn repoint(tie: &mut Tie, old: &UnitId, new: &Spanned<UnitId>) {
    for end in [&mut tie.from, &mut tie.to] {
        if end.value == *old {
            *end = new.clone();
        }
    }
}

/// Points every position of a tie a change re-points at `span` in the change, so that messages
/// about it show the change; it cites the change's source when the change gives one.
fn relocate_tie(tie: &mut Tie, change: &Change, span: Span) {
    tie.origin = change.origin;
    tie.kind.span = span;
    tie.from.span = span;
    tie.to.span = span;
    if change.source.is_some() {
        tie.source.clone_from(&change.source);
    } else if let Some(citation) = &mut tie.source {
        citation.source.span = span;
    }
}

/// Points every position of a unit a change modifies at `span` in the change (`origin`), so that
/// messages about it show the change; it cites the change's source when the change gives one.
fn relocate_unit(unit: &mut Unit, origin: Origin, span: Span, change: &Change) {
    unit.origin = origin;
    unit.id.span = span;
    unit.kind.span = span;
    for place in [
        unit.vacant.as_mut().map(|v| &mut v.span),
        unit.vacant_from.as_mut().map(|v| &mut v.span),
        unit.recruiting.as_mut().map(|v| &mut v.span),
        unit.newly_created.as_mut().map(|v| &mut v.span),
        unit.term_months.as_mut().map(|v| &mut v.span),
        unit.within.as_mut().map(|v| &mut v.span),
    ]
    .into_iter()
    .flatten()
    {
        *place = span;
    }
    for was in &mut unit.was {
        if let Some(kind) = &mut was.kind {
            kind.span = span;
        }
        if let Some(citation) = &mut was.source {
            citation.source.span = span;
        }
    }
    if change.source.is_some() {
        unit.source.clone_from(&change.source);
    } else if let Some(citation) = &mut unit.source {
        citation.source.span = span;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::description;
    use crate::load::json::DEFAULT_MAX_DEPTH;
    use crate::model::Date;
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    /// The ties of `description` after applying the changes, as "from kind to".
    fn ties_after(description: &Description, changes: &str) -> Vec<String> {
        let text = format!(r#"{{"title": "t", "changes": [{changes}]}}"#);
        let proposal = super::super::parse(FileId(1), &text, DEFAULT_MAX_DEPTH).unwrap();
        let (after, _) = apply(description, &proposal).unwrap();
        after
            .ties
            .iter()
            .map(|t| format!("{} {} {}", t.from.value, t.kind.value, t.to.value))
            .collect()
    }

    #[test]
    fn a_merge_repoints_ties_and_drops_those_that_repeat_or_close_on_themselves() {
        let d = description(
            &[
                ("top", Ministry),
                ("a", Directorate),
                ("b", Directorate),
                ("x", Bureau),
                ("p", Agency),
            ],
            &[
                ("a", Attachment, "top"),
                ("b", Attachment, "top"),
                ("x", Attachment, "a"),
                ("a", Cooperation, "p"),
                ("p", Cooperation, "b"),
                ("a", Cooperation, "b"),
            ],
        );
        assert_eq!(
            ties_after(&d, r#"{"merge": {"unit": "a", "into": "b"}}"#),
            ["b attachment top", "p cooperation b", "x attachment b"]
        );
    }

    #[test]
    fn a_move_replaces_attachments_and_keeps_line_authority() {
        let d = description(
            &[
                ("a", Directorate),
                ("b", Directorate),
                ("head", Post),
                ("p", Post),
            ],
            &[
                ("p", Attachment, "a"),
                ("p", LineAuthority, "head"),
                ("head", Attachment, "a"),
            ],
        );
        assert_eq!(
            ties_after(&d, r#"{"move": {"unit": "p", "to": "b"}}"#),
            [
                "p line-authority head",
                "head attachment a",
                "p attachment b"
            ]
        );
        assert_eq!(
            ties_after(
                &d,
                r#"{"move": {"unit": "p", "to": "b", "kind": "line-authority"}}"#
            ),
            ["p attachment a", "head attachment a", "p line-authority b"]
        );
    }

    #[test]
    fn a_split_gives_parents_to_every_part_and_other_ties_to_the_first_unless_assigned() {
        let d = description(
            &[
                ("top", Ministry),
                ("old", Directorate),
                ("x", Bureau),
                ("p", Agency),
            ],
            &[
                ("old", Attachment, "top"),
                ("x", Attachment, "old"),
                ("old", Cooperation, "p"),
            ],
        );
        let split = r#"{"split": {"unit": "old",
            "into": [{"id": "one", "name": "One", "kind": "directorate"},
                     {"id": "two", "name": "Two", "kind": "directorate"}],
            "assign": [{"tie": {"kind": "cooperation", "from": "p", "to": "old"}, "unit": "two"}]}}"#;
        assert_eq!(
            ties_after(&d, split),
            [
                "one attachment top",
                "two attachment top",
                "x attachment one",
                "two cooperation p"
            ]
        );
    }

    /// The messages of the changes refused, or the description as proposed.
    fn updated(description: &Description, changes: &str) -> Result<Description, Vec<String>> {
        let text = format!(r#"{{"title": "t", "changes": [{changes}]}}"#);
        let proposal = super::super::parse(FileId(1), &text, DEFAULT_MAX_DEPTH).unwrap();
        apply(description, &proposal)
            .map(|(after, _)| after)
            .map_err(|ds| ds.into_iter().map(|d| d.message.to_string()).collect())
    }

    #[test]
    fn an_update_sets_and_clears_fields_and_keeps_the_rest() {
        let mut d = description(&[("top", Ministry), ("a", Directorate)], &[]);
        d.units[1].note = Some("old".to_owned());
        let after = updated(
            &d,
            r#"{"update": {"unit": "a", "set": {"remit": "R", "note": null,
                "headcount": {"count": 4, "basis": "target"}, "valid_from": "2020"}}}"#,
        )
        .unwrap();
        let a = &after.units["a"];
        assert_eq!(a.remit.as_deref(), Some("R"));
        assert_eq!(a.note, None);
        assert_eq!(a.headcount.as_ref().map(|h| h.count), Some(4));
        assert_eq!(a.valid_from, Date::parse("2020").ok());
        assert_eq!((a.name.as_str(), a.kind.value), ("a", Directorate));
        assert_eq!(a.organisation, d.units[1].organisation);
    }

    #[test]
    fn an_update_sets_only_what_a_description_file_could_say() {
        let d = description(&[("a", Directorate)], &[]);
        let refused = |set: &str| {
            let change = format!(r#"{{"update": {{"unit": "a", "set": {set}}}}}"#);
            updated(&d, &change).unwrap_err()
        };
        assert_eq!(refused(r#"{"name": "B"}"#), ["`update` cannot set `name`"]);
        assert_eq!(refused(r#"{"headcount": 3}"#).len(), 1);
        assert_eq!(refused(r#"{"colour": "red"}"#), ["unknown field `colour`"]);
        assert_eq!(refused(r#"{"vacant": true}"#).len(), 1);
        assert_eq!(
            refused(r#"{"remit": null}"#),
            ["`a` already has these values"]
        );
        assert_eq!(
            updated(&d, r#"{"update": {"unit": "b", "set": {"remit": "R"}}}"#).unwrap_err(),
            ["unknown unit `b`"]
        );
    }

    #[test]
    fn removing_a_unit_removes_its_ties_and_says_so() {
        let d = description(
            &[("top", Ministry), ("a", Directorate), ("x", Bureau)],
            &[("a", Attachment, "top"), ("x", Attachment, "a")],
        );
        let text = r#"{"title": "t", "changes": [{"remove-unit": "a"}]}"#;
        let proposal = super::super::parse(FileId(1), text, DEFAULT_MAX_DEPTH).unwrap();
        let (after, applied) = apply(&d, &proposal).unwrap();
        assert!(after.ties.is_empty());
        assert!(!after.units.contains_key("a"));
        let key = |from: &str, to: &str| {
            TieKey::new(
                Attachment,
                UnitId::new(from).unwrap(),
                UnitId::new(to).unwrap(),
            )
        };
        assert_eq!(
            applied[0].effects,
            [
                Effect::TieRemoved(key("a", "top")),
                Effect::TieRemoved(key("x", "a")),
                Effect::UnitRemoved(UnitId::new("a").unwrap()),
            ]
        );
    }
}
