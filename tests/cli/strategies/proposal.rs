//! Proposals generated against a description, and what they should do to it.
//!
//! A [`Plan`] is a list of raw choices (an operation, units and ties by position, names); it is
//! turned into a proposal against a description by a [`Model`] of the description, which applies
//! each change as the proposal format documents it (`src/proposal/file.rs`) and leaves out the
//! changes `apply` would refuse (an id already taken, a move that changes nothing). Comparing the
//! model before and after gives the [`Changes`] that `diff` must find between the graphs.

use std::collections::{BTreeMap, HashMap, HashSet};

use organigram::model::IdMap;
use organigram::model::{
    Citation, Description, Span, Spanned, Tie, TieKey, TieKind, Unit, UnitId, UnitKind,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Value, json};

use super::text;

/// One change to make, by raw choices.
#[derive(Clone, Debug)]
enum Operation {
    AddUnit {
        organisation: Index,
        kind: UnitKind,
        name: String,
        acronym: Option<String>,
        vacant: bool,
    },
    AddTie {
        from: Index,
        to: Index,
        kind: TieKind,
    },
    RemoveUnit(Index),
    RemoveTie(Index),
    Move {
        unit: Index,
        to: Index,
        kind: Option<TieKind>,
    },
    Rename {
        unit: Index,
        name: Option<String>,
        #[allow(clippy::option_option)] // As the proposal's: absent, `null` and a text differ.
        acronym: Option<Option<String>>,
    },
    ChangeKind {
        unit: Index,
        kind: UnitKind,
    },
    Merge {
        unit: Index,
        into: Index,
    },
    Split {
        unit: Index,
        into: Vec<(UnitKind, String)>,
        assign: Option<(Index, Index)>,
    },
}

/// A change: an operation, and the source it cites, if any (by position among the sources).
#[derive(Clone, Debug)]
struct Step {
    operation: Operation,
    source: Option<Index>,
    reason: Option<String>,
}

/// The changes of a proposal, by raw choices.
#[derive(Clone, Debug)]
pub(crate) struct Plan(Vec<Step>);

fn operation() -> impl Strategy<Value = Operation> {
    let kind = || select(UnitKind::ALL);
    let hierarchical = select(
        &[
            None,
            Some(TieKind::Attachment),
            Some(TieKind::LineAuthority),
            Some(TieKind::JointAttachment),
        ][..],
    );
    prop_oneof![
        2 => (any::<Index>(), kind(), text(), proptest::option::of("[A-Z&<\"]{1,5}"), any::<bool>())
            .prop_map(|(organisation, kind, name, acronym, vacant)| Operation::AddUnit {
                organisation, kind, name, acronym, vacant
            }),
        3 => (any::<Index>(), any::<Index>(), select(TieKind::ALL))
            .prop_map(|(from, to, kind)| Operation::AddTie { from, to, kind }),
        1 => any::<Index>().prop_map(Operation::RemoveUnit),
        2 => any::<Index>().prop_map(Operation::RemoveTie),
        3 => (any::<Index>(), any::<Index>(), hierarchical)
            .prop_map(|(unit, to, kind)| Operation::Move { unit, to, kind }),
        2 => (
            any::<Index>(),
            proptest::option::of(text()),
            proptest::option::of(proptest::option::of("[A-Z\\\\]{1,5}")),
        )
            .prop_map(|(unit, name, acronym)| Operation::Rename { unit, name, acronym }),
        1 => (any::<Index>(), kind()).prop_map(|(unit, kind)| Operation::ChangeKind { unit, kind }),
        2 => (any::<Index>(), any::<Index>())
            .prop_map(|(unit, into)| Operation::Merge { unit, into }),
        2 => (
            any::<Index>(),
            vec((kind(), text()), 2..4),
            proptest::option::of((any::<Index>(), any::<Index>())),
        )
            .prop_map(|(unit, into, assign)| Operation::Split { unit, into, assign }),
    ]
}

/// Up to `length` changes.
pub(crate) fn plan(length: usize) -> impl Strategy<Value = Plan> {
    vec(
        (
            operation(),
            proptest::option::weighted(0.5, any::<Index>()),
            proptest::option::weighted(0.2, text()),
        )
            .prop_map(|(operation, source, reason)| Step {
                operation,
                source,
                reason,
            }),
        1..=length,
    )
    .prop_map(Plan)
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(Span::default(), value)
}

/// A description as the proposal format sees it: its units (in order) and ties, and what may be
/// cited and named.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    organisations: Vec<String>,
    sources: Vec<String>,
    units: IdMap<UnitId, Unit>,
    ties: Vec<Tie>,
    /// Every id ever given, removed units' included: a proposal never reuses one.
    used: HashSet<UnitId>,
}

impl Model {
    pub(crate) fn new(description: &Description) -> Model {
        Model {
            organisations: (description.organisations.iter())
                .map(|o| o.id.to_string())
                .collect(),
            sources: description
                .sources
                .keys()
                .map(ToString::to_string)
                .collect(),
            units: description.units.clone(),
            ties: description.ties.clone(),
            used: description.units.keys().cloned().collect(),
        }
    }

    /// The proposal `plan` makes against the model, as JSON, and the model as it leaves it.
    pub(crate) fn propose(&self, plan: &Plan) -> (String, Model) {
        let mut model = self.clone();
        let changes: Vec<Value> = plan.0.iter().filter_map(|s| model.change(s)).collect();
        let proposal = json!({ "title": "Generated", "changes": changes });
        (proposal.to_string(), model)
    }

    /// A new id, never used.
    fn fresh(&mut self) -> UnitId {
        let id = UnitId::new(format!("new-{}", self.used.len())).unwrap();
        self.used.insert(id.clone());
        id
    }

    fn unit(&self, index: Index) -> Option<UnitId> {
        (!self.units.is_empty()).then(|| {
            let (id, _) = self.units.get_index(index.index(self.units.len())).unwrap();
            id.clone()
        })
    }

    /// The ties with `unit` at one end, by position, in order.
    fn ties_of(&self, unit: &UnitId) -> Vec<usize> {
        (0..self.ties.len())
            .filter(|&i| self.ties[i].from.value == *unit || self.ties[i].to.value == *unit)
            .collect()
    }

    /// Applies one change to the model and returns it as JSON, or `None` when it cannot be made
    /// here (no unit to name, or `apply` would refuse it).
    fn change(&mut self, step: &Step) -> Option<Value> {
        let citation = step
            .source
            .map(|s| self.sources[s.index(self.sources.len())].clone());
        let cite = citation.as_ref().map(|id| Citation {
            source: spanned(organigram::model::SourceId::new(id.as_str()).unwrap()),
            quote: None,
            locator: None,
        });
        let mut change = self.operation(&step.operation, cite.as_ref())?;
        if let Some(id) = citation {
            change["source"] = json!({ "ref": id });
        }
        if let Some(reason) = &step.reason {
            change["reason"] = json!(reason);
        }
        Some(change)
    }

    fn operation(&mut self, operation: &Operation, cite: Option<&Citation>) -> Option<Value> {
        match operation {
            Operation::AddUnit {
                organisation,
                kind,
                name,
                acronym,
                vacant,
            } => {
                let organisation = organisation.index(self.organisations.len());
                let id = self.fresh();
                let mut unit = json!({ "id": id, "name": name, "kind": kind });
                let mut new = Unit::new(spanned(id.clone()), name.clone(), spanned(*kind));
                if let Some(acronym) = acronym {
                    unit["acronym"] = json!(acronym);
                    new.acronym = Some(acronym.clone());
                }
                if *kind == UnitKind::Post {
                    unit["vacant"] = json!(vacant);
                    new.vacant = Some(spanned(*vacant));
                }
                new.organisation =
                    organigram::model::OrganisationIndex(u32::try_from(organisation).unwrap());
                new.source = cite.cloned();
                self.units.insert(id, new);
                Some(json!({
                    "add-unit": unit,
                    "organisation": self.organisations[organisation],
                }))
            }
            Operation::AddTie { from, to, kind } => {
                let (from, to) = (self.unit(*from)?, self.unit(*to)?);
                let tie = Tie {
                    source: cite.cloned(),
                    ..Tie::new(spanned(*kind), spanned(from.clone()), spanned(to.clone()))
                };
                self.ties.push(tie);
                Some(json!({ "add-tie": { "kind": kind, "from": from, "to": to } }))
            }
            Operation::RemoveUnit(unit) => {
                let unit = self.unit(*unit)?;
                self.remove_unit(&unit);
                Some(json!({ "remove-unit": unit }))
            }
            Operation::RemoveTie(tie) => {
                if self.ties.is_empty() {
                    return None;
                }
                let tie = self.ties[tie.index(self.ties.len())].clone();
                let key = tie.key();
                self.ties.retain(|t| t.key() != key);
                Some(json!({ "remove-tie": {
                    "kind": tie.kind.value, "from": tie.from.value, "to": tie.to.value
                } }))
            }
            Operation::Move { unit, to, kind } => {
                let (unit, to) = (self.unit(*unit)?, self.unit(*to)?);
                let tie_kind = kind.unwrap_or(TieKind::Attachment);
                let authority = tie_kind == TieKind::LineAuthority;
                let parents: Vec<usize> = (0..self.ties.len())
                    .filter(|&i| {
                        let t = &self.ties[i];
                        t.from.value == unit
                            && t.kind.is_hierarchical()
                            && (t.kind.value == TieKind::LineAuthority) == authority
                    })
                    .collect();
                let already = match parents.as_slice() {
                    [only] => {
                        let tie = &self.ties[*only];
                        tie.kind.value == tie_kind && tie.to.value == to
                    }
                    _ => false,
                };
                if unit == to || already {
                    return None;
                }
                self.remove_ties(&parents);
                self.ties.push(Tie {
                    source: cite.cloned(),
                    ..Tie::new(
                        spanned(tie_kind),
                        spanned(unit.clone()),
                        spanned(to.clone()),
                    )
                });
                self.units[&unit].boundary = None;
                let mut moved = json!({ "unit": unit, "to": to });
                if let Some(kind) = kind {
                    moved["kind"] = json!(kind);
                }
                Some(json!({ "move": moved }))
            }
            Operation::Rename {
                unit,
                name,
                acronym,
            } => {
                let id = self.unit(*unit)?;
                let renamed = &mut self.units[&id];
                let new_name = name.clone().unwrap_or_else(|| renamed.name.clone());
                let new_acronym = acronym.clone().unwrap_or_else(|| renamed.acronym.clone());
                if new_name == renamed.name && new_acronym == renamed.acronym {
                    return None;
                }
                renamed.name = new_name;
                renamed.acronym = new_acronym;
                relocate(&mut renamed.source, cite);
                let mut rename = json!({ "unit": id });
                if let Some(name) = name {
                    rename["name"] = json!(name);
                }
                if let Some(acronym) = acronym {
                    rename["acronym"] = json!(acronym);
                }
                Some(json!({ "rename": rename }))
            }
            Operation::ChangeKind { unit, kind } => {
                let id = self.unit(*unit)?;
                let changed = &mut self.units[&id];
                if changed.kind.value == *kind {
                    return None;
                }
                changed.kind.value = *kind;
                if *kind != UnitKind::Post {
                    changed.vacant = None;
                }
                relocate(&mut changed.source, cite);
                Some(json!({ "change-kind": { "unit": id, "kind": kind } }))
            }
            Operation::Merge { unit, into } => {
                let (unit, into) = (self.unit(*unit)?, self.unit(*into)?);
                if unit == into {
                    return None;
                }
                let mut held: HashSet<TieKey> = (self.ties_of(&into).into_iter())
                    .map(|i| self.ties[i].key())
                    .collect();
                let ties = self.ties_of(&unit);
                let mut moved = Vec::new();
                for &i in &ties {
                    let mut tie = self.ties[i].clone();
                    repoint(&mut tie, &unit, &into);
                    if tie.from.value != tie.to.value && held.insert(tie.key()) {
                        relocate(&mut tie.source, cite);
                        moved.push(tie);
                    }
                }
                self.remove_ties(&ties);
                self.ties.extend(moved);
                self.units.shift_remove(&unit);
                Some(json!({ "merge": { "unit": unit, "into": into } }))
            }
            Operation::Split { unit, into, assign } => {
                let unit = self.unit(*unit)?;
                let ties = self.ties_of(&unit);
                let new: Vec<UnitId> = into.iter().map(|_| self.fresh()).collect();
                // The assignment names a tie by kind and ends; every tie with that key goes.
                let assigned = assign.and_then(|(tie, to)| {
                    (!ties.is_empty()).then(|| {
                        let tie = &self.ties[ties[tie.index(ties.len())]];
                        (tie.clone(), to.index(new.len()))
                    })
                });
                let organisation = self.units[&unit].organisation;
                for (id, (kind, name)) in new.iter().zip(into) {
                    let mut added = Unit::new(spanned(id.clone()), name.clone(), spanned(*kind));
                    added.organisation = organisation;
                    added.source = cite.cloned();
                    self.units.insert(id.clone(), added);
                }
                let mut moved = Vec::new();
                for &i in &ties {
                    let tie = &self.ties[i];
                    let parent = tie.kind.is_hierarchical()
                        && tie.from.value == unit
                        && tie.to.value != unit;
                    let targets: Vec<usize> = match &assigned {
                        Some((named, k)) if named.key() == tie.key() => vec![*k],
                        _ if parent => (0..new.len()).collect(),
                        _ => vec![0],
                    };
                    for k in targets {
                        let mut tie = tie.clone();
                        repoint(&mut tie, &unit, &new[k]);
                        relocate(&mut tie.source, cite);
                        moved.push(tie);
                    }
                }
                self.remove_ties(&ties);
                self.ties.extend(moved);
                self.units.shift_remove(&unit);
                let into: Vec<Value> = new
                    .iter()
                    .zip(into)
                    .map(|(id, (kind, name))| json!({ "id": id, "name": name, "kind": kind }))
                    .collect();
                let mut split = json!({ "unit": unit, "into": into });
                if let Some((tie, k)) = assigned {
                    let named = json!({
                        "kind": tie.kind.value, "from": tie.from.value, "to": tie.to.value
                    });
                    split["assign"] = json!([{ "tie": named, "unit": new[k] }]);
                }
                Some(json!({ "split": split }))
            }
        }
    }

    fn remove_unit(&mut self, unit: &UnitId) {
        let ties = self.ties_of(unit);
        self.remove_ties(&ties);
        self.units.shift_remove(unit);
    }

    /// Removes the ties at these positions (in increasing order).
    fn remove_ties(&mut self, positions: &[usize]) {
        for &i in positions.iter().rev() {
            self.ties.remove(i);
        }
    }

    /// The ties a graph of the model keeps: those the validity table allows.
    fn graph_ties(&self) -> impl Iterator<Item = &Tie> {
        self.ties.iter().filter(|t| {
            let family = |id: &UnitId| self.units[id].kind.value.family();
            t.kind.allows(family(&t.from.value), family(&t.to.value))
        })
    }

    /// The ids of the units above `unit` in a graph of the model.
    fn parents(&self, unit: &UnitId) -> HashSet<UnitId> {
        self.graph_ties()
            .filter(|t| t.kind.is_hierarchical() && t.from.value == *unit)
            .map(|t| t.to.value.clone())
            .collect()
    }

    /// What changed from `self` to `after`, as `diff` reports it on their graphs: units by id,
    /// ties by key (kind and ends) matched in order.
    pub(crate) fn changes(&self, after: &Model) -> Changes {
        let mut changes = Changes::default();
        for id in self.units.keys() {
            if !after.units.contains_key(id) {
                changes.units_removed.push(id.to_string());
            }
        }
        for (id, unit) in &after.units {
            let Some(old) = self.units.get(id) else {
                changes.units_added.push(id.to_string());
                continue;
            };
            let change = UnitChange {
                renamed: old.name != unit.name || old.acronym != unit.acronym,
                kind_changed: old.kind.value != unit.kind.value,
                moved: self.parents(id) != after.parents(id),
                attributes: attributes(old, unit),
            };
            if change != UnitChange::default() {
                changes.units_changed.insert(id.to_string(), change);
            }
        }
        let mut before: HashMap<TieKey, Vec<&Tie>> = HashMap::new();
        for tie in self.graph_ties() {
            before.entry(tie.key()).or_default().push(tie);
        }
        let mut matched: HashMap<TieKey, usize> = HashMap::new();
        for tie in after.graph_ties() {
            let key = tie.key();
            let seen = matched.entry(key.clone()).or_default();
            match before.get(&key).and_then(|ties| ties.get(*seen)) {
                Some(old) => {
                    *seen += 1;
                    let fields = tie_fields(old, tie);
                    if !fields.is_empty() {
                        changes.ties_changed.push((key.to_string(), fields));
                    }
                }
                None => changes.ties_added.push(key.to_string()),
            }
        }
        for (key, ties) in before {
            let seen = matched.get(&key).copied().unwrap_or(0);
            for _ in seen..ties.len() {
                changes.ties_removed.push(key.to_string());
            }
        }
        changes.sort();
        changes
    }
}

/// Re-points the ends of `tie` that are `old` to `new`.
fn repoint(tie: &mut Tie, old: &UnitId, new: &UnitId) {
    for end in [&mut tie.from, &mut tie.to] {
        if end.value == *old {
            end.value = new.clone();
        }
    }
}

/// What a change does to the source of a unit or tie it modifies: cites the change's source when
/// it gives one.
fn relocate(source: &mut Option<Citation>, cite: Option<&Citation>) {
    if let Some(cite) = cite {
        *source = Some(cite.clone());
    }
}

/// The attributes (name, acronym and kind aside) that differ between two versions of a unit,
/// by their names in description files.
fn attributes(a: &Unit, b: &Unit) -> Vec<&'static str> {
    let differs = [
        ("aliases", a.aliases != b.aliases),
        ("status", a.status != b.status),
        ("vacant", a.is_vacant() != b.is_vacant()),
        ("headcount", a.headcount != b.headcount),
        ("remit", a.remit != b.remit),
        ("location", a.location != b.location),
        ("boundary", a.boundary != b.boundary),
        ("note", a.note != b.note),
        ("source", a.source != b.source),
        ("organisation", a.organisation != b.organisation),
    ];
    differs
        .into_iter()
        .filter(|(_, d)| *d)
        .map(|(name, _)| name)
        .collect()
}

/// The fields that differ between two ties with the same key.
fn tie_fields(a: &Tie, b: &Tie) -> Vec<&'static str> {
    let differs = [
        ("valid_from", a.valid_from != b.valid_from),
        ("valid_until", a.valid_until != b.valid_until),
        ("note", a.note != b.note),
        ("source", a.source != b.source),
    ];
    differs
        .into_iter()
        .filter(|(_, d)| *d)
        .map(|(name, _)| name)
        .collect()
}

/// How a unit in both structures differs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct UnitChange {
    pub renamed: bool,
    pub kind_changed: bool,
    pub moved: bool,
    pub attributes: Vec<&'static str>,
}

/// What changed between two structures, in an order that does not depend on how it was found:
/// ids, and ties as their keys' sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Changes {
    pub units_added: Vec<String>,
    pub units_removed: Vec<String>,
    pub units_changed: BTreeMap<String, UnitChange>,
    pub ties_added: Vec<String>,
    pub ties_removed: Vec<String>,
    pub ties_changed: Vec<(String, Vec<&'static str>)>,
}

impl Changes {
    pub(crate) fn sort(&mut self) {
        self.units_added.sort_unstable();
        self.units_removed.sort_unstable();
        self.ties_added.sort_unstable();
        self.ties_removed.sort_unstable();
        self.ties_changed.sort_unstable();
    }
}
