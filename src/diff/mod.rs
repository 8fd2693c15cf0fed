//! Comparing two structures: units added, removed, renamed, moved, of another kind or with other
//! attributes; ties added, removed or changed. Units are matched by id, ties by kind and ends.
//!
//! Compared as two workspaces ([`diff_workspaces`]), as the structures of one description on two
//! days are, the comparison also tells the successions that explain a unit added or removed:
//! a unit replaced by another, several merged into one, one split into several.
//!
//! Compared as two descriptions ([`as_proposal`]), the difference is written as the proposal
//! that turns one into the other.

mod as_proposal;

pub use as_proposal::{AsProposal, NotHeld, as_proposal};

use std::collections::{HashMap, HashSet, VecDeque};

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use crate::Workspace;
use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{Date, Tie, TieKey, TieKind, Unit};
use crate::time;

/// What changed from one structure to another. Every list is in declaration order: of the
/// structure before for what was removed, of the one after otherwise.
#[derive(Clone, Debug, Default)]
pub struct Diff<'a> {
    /// Units only in the structure after, in its declaration order.
    pub units_added: Vec<Side<'a>>,
    /// Units only in the structure before, in its declaration order.
    pub units_removed: Vec<Side<'a>>,
    /// Units in both that moved, changed kind, were renamed or have other attributes.
    pub units_changed: Vec<UnitChange<'a>>,
    /// Ties only in the structure after.
    pub ties_added: Vec<&'a Tie>,
    /// Ties only in the structure before.
    pub ties_removed: Vec<&'a Tie>,
    /// Ties in both (same kind and ends) whose dates, note or source changed.
    pub ties_changed: Vec<TieChange<'a>>,
    /// The successions that explain units removed or added, in the order of their first tie's
    /// declaration: found only by [`diff_workspaces`].
    pub successions: Vec<Succession<'a>>,
}

impl Diff<'_> {
    /// Whether the two structures are the same.
    pub fn is_empty(&self) -> bool {
        self.units_added.is_empty()
            && self.units_removed.is_empty()
            && self.units_changed.is_empty()
            && self.ties_added.is_empty()
            && self.ties_removed.is_empty()
            && self.ties_changed.is_empty()
            && self.successions.is_empty()
    }
}

/// A unit in one of the two structures, with the id of its organisation.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The unit.
    pub unit: &'a Unit,
    /// The id of the organisation it belongs to ([`OrgGraph::organisation_name`]), if any.
    pub organisation: Option<&'a str>,
}

impl<'a> Side<'a> {
    fn of(graph: &'a OrgGraph, ix: UnitIx) -> Side<'a> {
        Side {
            unit: graph.unit(ix),
            organisation: graph.organisation_name(ix).map(|o| o.id),
        }
    }
}

/// A unit in both structures that differs.
#[derive(Clone, Debug)]
pub struct UnitChange<'a> {
    /// The unit as it was.
    pub before: Side<'a>,
    /// The unit as it is.
    pub after: Side<'a>,
    /// Whether its name or acronym differs.
    pub renamed: bool,
    /// Whether its kind differs.
    pub kind_changed: bool,
    /// Its hierarchical parents, when the set of parent units differs.
    pub moved: Option<Moved<'a>>,
    /// The other attributes that differ, in the order of a description file's fields.
    pub attributes: Vec<Attribute>,
}

/// A unit's parents before and after.
#[derive(Clone, Debug)]
pub struct Moved<'a> {
    /// Its hierarchical parents before, in declaration order.
    pub from: Vec<Parent<'a>>,
    /// Its hierarchical parents after.
    pub to: Vec<Parent<'a>>,
}

/// One hierarchical parent of a unit, and the kind of tie that places the unit under it.
#[derive(Clone, Copy, Debug)]
pub struct Parent<'a> {
    /// The kind of the hierarchical tie to the parent.
    pub kind: TieKind,
    /// The parent.
    pub unit: &'a Unit,
}

/// An attribute that differs, by its name in description files, with its values as JSON
/// (`null` when absent).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribute {
    /// The attribute as descriptions write it (`name`, `headcount`).
    pub name: &'static str,
    /// Its value before, as JSON (`null` when it was not set).
    pub before: Value,
    /// Its value after.
    pub after: Value,
}

/// A tie in both structures (same kind and ends) whose dates, note or source differ.
#[derive(Clone, Debug)]
pub struct TieChange<'a> {
    /// The tie as it was.
    pub before: &'a Tie,
    /// The tie as it is.
    pub after: &'a Tie,
    /// What changed in it.
    pub fields: Vec<Attribute>,
}

/// Units replaced by others, as the succession ties of the later structure say: one replaced by
/// one, several merged into one, one split into several (or several into several). The ties that
/// share a predecessor or a successor make one succession.
#[derive(Clone, Debug)]
pub struct Succession<'a> {
    /// The units replaced, in the order of the ties: as they were in the structure before when
    /// they were in it.
    pub predecessors: Vec<&'a Unit>,
    /// The units that replaced them: as they are in the structure after when they are in it.
    pub successors: Vec<&'a Unit>,
    /// The day it took effect, from its first tie ([`time::succession_day`]), when known.
    pub date: Option<Date>,
    /// The succession ties that say it, in declaration order.
    pub ties: Vec<&'a Tie>,
}

impl Succession<'_> {
    /// What the succession is, as JSON output writes it: `replaced` (one by one), `merged`
    /// (several into one), `split` (one into several) or `merged-and-split`.
    pub fn name(&self) -> &'static str {
        match (self.predecessors.len() > 1, self.successors.len() > 1) {
            (false, false) => "replaced",
            (true, false) => "merged",
            (false, true) => "split",
            (true, true) => "merged-and-split",
        }
    }
}

/// The value of a field as JSON.
fn json(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// The fields whose value before differs from the value after.
fn differing(candidates: impl IntoIterator<Item = (&'static str, Value, Value)>) -> Vec<Attribute> {
    candidates
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(name, before, after)| Attribute {
            name,
            before,
            after,
        })
        .collect()
}

/// Every attribute of two units that differs, name, acronym and kind aside.
fn attributes(before: Side<'_>, after: Side<'_>) -> Vec<Attribute> {
    let (a, b) = (before.unit, after.unit);
    let candidates = [
        ("aliases", json(&a.aliases), json(&b.aliases)),
        ("status", json(&a.status), json(&b.status)),
        ("vacant", json(&a.is_vacant()), json(&b.is_vacant())),
        (
            "vacant_from",
            json(&value(a.vacant_from.as_ref())),
            json(&value(b.vacant_from.as_ref())),
        ),
        (
            "recruiting",
            json(&a.is_recruiting()),
            json(&b.is_recruiting()),
        ),
        (
            "newly_created",
            json(&a.is_newly_created()),
            json(&b.is_newly_created()),
        ),
        (
            "term_months",
            json(&value(a.term_months.as_ref())),
            json(&value(b.term_months.as_ref())),
        ),
        ("grade", json(&a.grade), json(&b.grade)),
        ("roles", json(&a.roles), json(&b.roles)),
        ("collective", json(&a.collective), json(&b.collective)),
        (
            "within",
            json(&value(a.within.as_ref())),
            json(&value(b.within.as_ref())),
        ),
        ("headcount", json(&a.headcount), json(&b.headcount)),
        ("remit", json(&a.remit), json(&b.remit)),
        ("location", json(&a.location), json(&b.location)),
        ("boundary", json(&a.boundary), json(&b.boundary)),
        ("note", json(&a.note), json(&b.note)),
        ("source", json(&a.source), json(&b.source)),
    ];
    differing(candidates)
}

/// The value of an optional field read with its place, the place left out.
fn value<T: Clone>(field: Option<&crate::model::Spanned<T>>) -> Option<T> {
    field.map(|f| f.value.clone())
}

/// Every field of two ties with the same key that differs.
fn tie_fields(a: &Tie, b: &Tie) -> Vec<Attribute> {
    let candidates = [
        ("valid_from", json(&a.valid_from), json(&b.valid_from)),
        ("valid_until", json(&a.valid_until), json(&b.valid_until)),
        ("note", json(&a.note), json(&b.note)),
        ("source", json(&a.source), json(&b.source)),
    ];
    differing(candidates)
}

/// A unit's hierarchical parents, in declaration order.
fn parents(graph: &OrgGraph, ix: UnitIx) -> Vec<Parent<'_>> {
    graph
        .hierarchy()
        .up(ix)
        .into_iter()
        .map(|link| Parent {
            kind: link.kind(),
            unit: graph.unit(link.to),
        })
        .collect()
}

/// Compares two structures. Linear in their sizes (parents and ties are compared through hash
/// sets and maps).
pub fn diff<'a>(before: &'a OrgGraph, after: &'a OrgGraph) -> Diff<'a> {
    let mut diff = Diff::default();
    for (ix, unit) in before.units() {
        if after.find_id(unit.id.as_str()).is_none() {
            diff.units_removed.push(Side::of(before, ix));
        }
    }
    for (ix, unit) in after.units() {
        let Some(old) = before.find_id(unit.id.as_str()) else {
            diff.units_added.push(Side::of(after, ix));
            continue;
        };
        let (a, b) = (Side::of(before, old), Side::of(after, ix));
        let (from, to) = (parents(before, old), parents(after, ix));
        let ids = |parents: &[Parent<'a>]| -> HashSet<&'a str> {
            parents.iter().map(|p| p.unit.id.as_str()).collect()
        };
        let change = UnitChange {
            renamed: a.unit.name != b.unit.name || a.unit.acronym != b.unit.acronym,
            kind_changed: a.unit.kind.value != b.unit.kind.value,
            moved: (ids(&from) != ids(&to)).then_some(Moved { from, to }),
            attributes: attributes(a, b),
            before: a,
            after: b,
        };
        if change.renamed
            || change.kind_changed
            || change.moved.is_some()
            || !change.attributes.is_empty()
        {
            diff.units_changed.push(change);
        }
    }
    let mut unmatched: HashMap<TieKey, VecDeque<TieIx>> = HashMap::new();
    for (ix, tie) in before.ties() {
        unmatched.entry(tie.key()).or_default().push_back(ix);
    }
    let mut matched = vec![false; before.tie_count()];
    for (_, tie) in after.ties() {
        match unmatched.get_mut(&tie.key()).and_then(VecDeque::pop_front) {
            Some(old) => {
                matched[old.index()] = true;
                let old = before.tie(old);
                let fields = tie_fields(old, tie);
                if !fields.is_empty() {
                    diff.ties_changed.push(TieChange {
                        before: old,
                        after: tie,
                        fields,
                    });
                }
            }
            None => diff.ties_added.push(tie),
        }
    }
    diff.ties_removed = before
        .ties()
        .filter(|(ix, _)| !matched[ix.index()])
        .map(|(_, tie)| tie)
        .collect();
    diff
}

/// Compares the structures of two workspaces, as [`diff`] does, and tells the successions that
/// explain a unit removed or added: the succession ties of the later workspace, in its structure
/// or left out of it ([`Workspace::absent`]), whose predecessor was removed or whose successor
/// was added. Two cuts of one description on two days ([`crate::Loader::as_of`]) compare this
/// way. Linear in the sizes of the structures and of what was left out of the later one.
pub fn diff_workspaces<'a>(before: &'a Workspace, after: &'a Workspace) -> Diff<'a> {
    let mut diff = diff(before.graph(), after.graph());
    let ids = |sides: &[Side<'a>]| -> HashSet<&'a str> {
        sides.iter().map(|side| side.unit.id.as_str()).collect()
    };
    let (removed, added) = (ids(&diff.units_removed), ids(&diff.units_added));
    let mut ties: Vec<&'a Tie> = after
        .graph()
        .ties()
        .map(|(_, tie)| tie)
        .chain(after.absent.ties())
        .filter(|tie| {
            tie.kind.value == TieKind::Succession
                && (removed.contains(tie.to.as_str()) || added.contains(tie.from.as_str()))
        })
        .collect();
    ties.sort_by_key(|tie| tie.origin);
    diff.successions = successions(&ties, before, after);
    diff
}

/// The unit `id` as the workspaces have it, `first` looked in first: in a structure, else left
/// out of one.
fn unit_in<'a>(id: &str, first: &'a Workspace, then: &'a Workspace) -> Option<&'a Unit> {
    let graphs = [first.graph(), then.graph()];
    graphs
        .into_iter()
        .find_map(|graph| graph.find_id(id).map(|ix| graph.unit(ix)))
        .or_else(|| {
            [first, then]
                .into_iter()
                .find_map(|workspace| workspace.absent.unit(id).map(|(unit, _)| unit))
        })
}

/// The successions of these succession ties, in their order: the ties that share a predecessor
/// or a successor are one (a unit that is both, replaced and then replaced again, is in two).
/// Ties with an end neither workspace holds are left out. Near-linear in the number of ties.
fn successions<'a>(
    ties: &[&'a Tie],
    before: &'a Workspace,
    after: &'a Workspace,
) -> Vec<Succession<'a>> {
    let ties: Vec<(&'a Tie, &'a Unit, &'a Unit)> = ties
        .iter()
        .filter_map(|&tie| {
            let predecessor = unit_in(tie.to.as_str(), before, after)?;
            let successor = unit_in(tie.from.as_str(), after, before)?;
            Some((tie, predecessor, successor))
        })
        .collect();
    // Union-find over the ties: each joined to the first tie of its predecessor and of its
    // successor, a group's root being its first tie.
    let mut parent: Vec<usize> = (0..ties.len()).collect();
    let mut first: HashMap<(bool, &'a str), usize> = HashMap::new();
    for (i, (tie, _, _)) in ties.iter().enumerate() {
        for key in [(false, tie.to.as_str()), (true, tie.from.as_str())] {
            let other = *first.entry(key).or_insert(i);
            let (a, b) = (root(&mut parent, i), root(&mut parent, other));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: IndexMap<usize, Succession<'a>> = IndexMap::new();
    for (i, &(tie, predecessor, successor)) in ties.iter().enumerate() {
        let succession = groups
            .entry(root(&mut parent, i))
            .or_insert_with(|| Succession {
                predecessors: Vec::new(),
                successors: Vec::new(),
                date: time::succession_day(tie, Some(successor), Some(predecessor)),
                ties: Vec::new(),
            });
        for (units, unit) in [
            (&mut succession.predecessors, predecessor),
            (&mut succession.successors, successor),
        ] {
            if !units.iter().any(|u| u.id == unit.id) {
                units.push(unit);
            }
        }
        succession.ties.push(tie);
    }
    groups.into_values().collect()
}

/// The root of tie `i` in the union-find `parent`, halving the path on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{build, description};
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;
    use crate::model::{Boundary, Date};

    fn ids<'a>(sides: &[Side<'a>]) -> Vec<&'a str> {
        sides.iter().map(|s| s.unit.id.as_str()).collect()
    }

    fn keys(ties: &[&Tie]) -> Vec<String> {
        ties.iter().map(|t| t.key().to_string()).collect()
    }

    #[test]
    fn a_structure_has_no_difference_with_itself() {
        let d = description(
            &[("a", Ministry), ("b", Directorate)],
            &[("b", Attachment, "a"), ("b", Cooperation, "a")],
        );
        let (x, y) = (build(d.clone()), build(d));
        assert!(diff(&x, &y).is_empty());
    }

    #[test]
    fn units_and_ties_added_removed_and_changed() {
        let before = description(
            &[
                ("top", Ministry),
                ("a", Directorate),
                ("b", Directorate),
                ("old", Bureau),
            ],
            &[
                ("a", Attachment, "top"),
                ("b", Attachment, "top"),
                ("old", Attachment, "a"),
                ("a", Cooperation, "b"),
                ("a", Coordination, "b"),
            ],
        );
        let mut after = description(
            &[
                ("top", Ministry),
                ("a", Directorate),
                ("b", Service),
                ("new", Bureau),
            ],
            &[
                ("a", Attachment, "top"),
                ("b", Attachment, "a"),
                ("new", Attachment, "a"),
                ("b", Cooperation, "a"),
                ("a", Coordination, "b"),
            ],
        );
        after.units[1].name = "A, renamed".to_owned();
        after.units[1].boundary = Some(Boundary::Top);
        after.ties[4].valid_until = Some(Date::parse("2025").unwrap());
        let (x, y) = (build(before), build(after));
        let d = diff(&x, &y);
        assert_eq!(ids(&d.units_added), ["new"]);
        assert_eq!(ids(&d.units_removed), ["old"]);
        let changed: Vec<(&str, bool, bool, bool, Vec<&str>)> = d
            .units_changed
            .iter()
            .map(|c| {
                (
                    c.after.unit.id.as_str(),
                    c.renamed,
                    c.kind_changed,
                    c.moved.is_some(),
                    c.attributes.iter().map(|a| a.name).collect(),
                )
            })
            .collect();
        assert_eq!(
            changed,
            [
                ("a", true, false, false, vec!["boundary"]),
                ("b", false, true, true, vec![]),
            ]
        );
        assert_eq!(
            keys(&d.ties_added),
            ["`b` is attached to `a`", "`new` is attached to `a`"]
        );
        assert_eq!(
            keys(&d.ties_removed),
            ["`b` is attached to `top`", "`old` is attached to `a`"]
        );
        assert_eq!(d.ties_changed.len(), 1);
        assert_eq!(d.ties_changed[0].fields[0].name, "valid_until");
    }

    /// DINSIC until 2019-10-25, then DINUM in its place, a bureau moved from one to the other,
    /// an old office split in two and two committees merged into one in 2021.
    const DATED: &str = r#"{"organisation": {"id": "o", "name": "O"},
        "units": [
          {"id": "pm", "name": "PM", "kind": "ministry", "boundary": "top"},
          {"id": "dinsic", "name": "DINSIC", "kind": "interministerial-directorate",
           "status": "dissolved", "valid_until": "2019-10-25"},
          {"id": "dinum", "name": "DINUM", "kind": "interministerial-directorate",
           "valid_from": "2019-10-25"},
          {"id": "bureau", "name": "Bureau", "kind": "bureau",
           "was": [{"until": "2019-10-25", "name": "Old bureau"}]},
          {"id": "office", "name": "Office", "kind": "bureau", "valid_until": "2021"},
          {"id": "east", "name": "East", "kind": "bureau", "valid_from": "2021"},
          {"id": "west", "name": "West", "kind": "bureau", "valid_from": "2021"},
          {"id": "c1", "name": "C1", "kind": "committee", "valid_until": "2021"},
          {"id": "c2", "name": "C2", "kind": "committee", "valid_until": "2021"},
          {"id": "c", "name": "C", "kind": "committee", "valid_from": "2021"}],
        "ties": [
          {"kind": "attachment", "from": "dinsic", "to": "pm", "valid_until": "2019-10-25"},
          {"kind": "attachment", "from": "dinum", "to": "pm", "valid_from": "2019-10-25"},
          {"kind": "attachment", "from": "bureau", "to": "dinsic", "valid_until": "2019-10-25"},
          {"kind": "attachment", "from": "bureau", "to": "dinum", "valid_from": "2019-10-25"},
          {"kind": "succession", "from": "dinum", "to": "dinsic"},
          {"kind": "attachment", "from": "office", "to": "pm", "valid_until": "2021"},
          {"kind": "attachment", "from": "east", "to": "pm", "valid_from": "2021"},
          {"kind": "attachment", "from": "west", "to": "pm", "valid_from": "2021"},
          {"kind": "succession", "from": "east", "to": "office"},
          {"kind": "succession", "from": "west", "to": "office"},
          {"kind": "succession", "from": "c", "to": "c1"},
          {"kind": "succession", "from": "c", "to": "c2"}]}"#;

    fn as_of(day: &str) -> Workspace {
        let workspace = crate::Loader::new()
            .text("o.json", DATED)
            .as_of(Date::parse(day).unwrap())
            .load()
            .unwrap();
        let problems: Vec<String> = workspace
            .diagnostics()
            .map(|d| d.message.to_string())
            .collect();
        assert!(!workspace.has_errors(), "{problems:?}");
        workspace
    }

    /// Each succession as "what: predecessors -> successors, date".
    fn told(diff: &Diff<'_>) -> Vec<String> {
        let ids =
            |units: &[&Unit]| -> Vec<String> { units.iter().map(|u| u.id.to_string()).collect() };
        diff.successions
            .iter()
            .map(|s| {
                format!(
                    "{}: {} -> {}, {:?}",
                    s.name(),
                    ids(&s.predecessors).join(" "),
                    ids(&s.successors).join(" "),
                    s.date.map(|d| d.to_string())
                )
            })
            .collect()
    }

    #[test]
    fn two_days_of_a_description_differ_by_what_happened_between() {
        let (before, after) = (as_of("2019"), as_of("2020"));
        let d = diff_workspaces(&before, &after);
        assert_eq!(ids(&d.units_added), ["dinum"]);
        assert_eq!(ids(&d.units_removed), ["dinsic"]);
        let bureau = &d.units_changed[0];
        assert_eq!(bureau.after.unit.id.as_str(), "bureau");
        assert!(bureau.renamed && bureau.moved.is_some());
        assert_eq!(
            told(&d),
            [r#"replaced: dinsic -> dinum, Some("2019-10-25")"#]
        );
        let (before, after) = (as_of("2020"), as_of("2022"));
        assert_eq!(
            told(&diff_workspaces(&before, &after)),
            [
                r#"split: office -> east west, Some("2021")"#,
                r#"merged: c1 c2 -> c, Some("2021")"#,
            ]
        );
        // Backwards, the units replaced come back: no succession says so.
        assert!(diff_workspaces(&after, &before).successions.is_empty());
        // Nothing happened between: no succession.
        let (before, after) = (as_of("2022"), as_of("2026"));
        assert!(diff_workspaces(&before, &after).is_empty());
    }

    #[test]
    fn successions_that_share_a_unit_are_one() {
        let joined = DATED.replace(
            r#"{"kind": "succession", "from": "c", "to": "c2"}"#,
            r#"{"kind": "succession", "from": "c", "to": "c2"},
               {"kind": "succession", "from": "west", "to": "c2"}"#,
        );
        let at = |day: &str| {
            crate::Loader::new()
                .text("o.json", joined.clone())
                .as_of(Date::parse(day).unwrap())
                .load()
                .unwrap()
        };
        let (before, after) = (at("2020"), at("2022"));
        assert_eq!(
            told(&diff_workspaces(&before, &after)),
            [r#"merged-and-split: office c1 c2 -> east west c, Some("2021")"#]
        );
    }
}
