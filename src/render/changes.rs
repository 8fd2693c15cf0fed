//! Drawing a proposal: the structure as proposed, with what it removes put back, and every unit
//! and tie it adds, removes, moves or changes marked so that the chart shows the change.

use std::collections::HashMap;

use crate::diff::diff;
use crate::graph::OrgGraph;
use crate::model::{Lang, Tie, TieKey, Unit, UnitId};

/// How a proposal touches a unit or a tie. Serialised as its [`Change::label`] (`added`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Change {
    /// It is new.
    Added,
    /// It goes: drawn as a ghost of what was.
    Removed,
    /// It stays, under another superior (units only).
    Moved,
    /// It stays, renamed, of another kind, or with other attributes.
    Changed,
}

impl Change {
    /// Every kind of change, in the order the legend lists them.
    pub const ALL: [Change; 4] = [
        Change::Added,
        Change::Removed,
        Change::Moved,
        Change::Changed,
    ];

    /// The word shown in the unit's caption and the legend.
    pub const fn label(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Moved => "moved",
            Change::Changed => "changed",
        }
    }

    /// The word shown in the unit's caption and the legend, in a language: "added", "ajouté".
    pub const fn label_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label(),
            Lang::Fr => match self {
                Change::Added => "ajout",
                Change::Removed => "suppression",
                Change::Moved => "déplacement",
                Change::Changed => "modification",
            },
        }
    }

    /// The colour of its outline or line: Okabe and Ito's bluish green for what comes,
    /// vermillion for what goes, blue for what moves, reddish purple for what changes.
    pub(crate) const fn colour(self) -> &'static str {
        match self {
            Change::Added => "#009E73",
            Change::Removed => "#D55E00",
            Change::Moved => "#0072B2",
            Change::Changed => "#CC79A7",
        }
    }
}

/// The marks of a proposal on the units and ties of the structure drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    units: HashMap<UnitId, Change>,
    ties: HashMap<TieKey, Change>,
}

impl Changes {
    /// How the proposal touches `unit`, found by its id; `None` when it leaves it as it is.
    pub fn unit(&self, unit: &Unit) -> Option<Change> {
        self.units.get(&unit.id.value).copied()
    }

    /// How the proposal touches `tie`, found by its kind and ends; `None` when it leaves it as
    /// it is.
    pub fn tie(&self, tie: &Tie) -> Option<Change> {
        self.ties.get(&tie.key()).copied()
    }

    /// The kinds of change marked, in [`Change::ALL`] order, for the legend.
    pub fn present(&self) -> Vec<Change> {
        Change::ALL
            .into_iter()
            .filter(|c| {
                self.units
                    .values()
                    .chain(self.ties.values())
                    .any(|v| v == c)
            })
            .collect()
    }

    /// Whether nothing is marked: no proposal is drawn, or it changes nothing drawn.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty() && self.ties.is_empty()
    }
}

/// The structure to draw for a proposal taking the structure `before` to `after`: `after`, with
/// the units and ties the proposal removes put back so they can be drawn as ghosts, and the
/// marks of what it adds, removes, moves and changes. Problems of the ghosts (a removed tie
/// whose end changed kind) only leave them out.
pub fn proposed(before: &OrgGraph, after: &OrgGraph) -> (OrgGraph, Changes) {
    let difference = diff(before, after);
    let mut changes = Changes::default();
    let mut drawn = after.to_description();
    for side in &difference.units_added {
        changes
            .units
            .insert(side.unit.id.value.clone(), Change::Added);
    }
    for side in &difference.units_removed {
        changes
            .units
            .insert(side.unit.id.value.clone(), Change::Removed);
        drawn
            .units
            .insert(side.unit.id.value.clone(), side.unit.clone());
    }
    for change in &difference.units_changed {
        let mark = if change.moved.is_some() {
            Change::Moved
        } else {
            Change::Changed
        };
        changes
            .units
            .insert(change.after.unit.id.value.clone(), mark);
    }
    for tie in &difference.ties_added {
        changes.ties.insert(tie.key(), Change::Added);
    }
    for change in &difference.ties_changed {
        changes.ties.insert(change.after.key(), Change::Changed);
    }
    for &tie in &difference.ties_removed {
        changes.ties.insert(tie.key(), Change::Removed);
        drawn.ties.push(tie.clone());
    }
    (OrgGraph::build(drawn, &mut Vec::new()), changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Description, Span, Spanned, TieKind, UnitKind};

    fn unit(id: &str, kind: UnitKind) -> Unit {
        let id = UnitId::new(id).unwrap();
        Unit::new(
            Spanned::new(Span::default(), id.clone()),
            id.to_string(),
            Spanned::new(Span::default(), kind),
        )
    }

    fn tie(from: &str, to: &str) -> Tie {
        let id = |s: &str| Spanned::new(Span::default(), UnitId::new(s).unwrap());
        Tie::new(
            Spanned::new(Span::default(), TieKind::Attachment),
            id(from),
            id(to),
        )
    }

    fn description(units: &[(&str, UnitKind)], ties: &[(&str, &str)]) -> Description {
        let mut description = Description::default();
        description.organisations.push(crate::model::Organisation {
            id: Spanned::new(
                Span::default(),
                crate::model::OrganisationId::new("o").unwrap(),
            ),
            name: "O".into(),
            acronym: None,
            unit: None,
            origin: crate::model::Origin::default(),
        });
        for (id, kind) in units {
            let unit = unit(id, *kind);
            description.units.insert(unit.id.value.clone(), unit);
        }
        description.ties = ties.iter().map(|(from, to)| tie(from, to)).collect();
        description
    }

    #[test]
    fn removed_units_and_ties_are_drawn_as_ghosts_and_every_change_is_marked() {
        let before = description(
            &[
                ("top", UnitKind::Ministry),
                ("a", UnitKind::Directorate),
                ("b", UnitKind::Directorate),
                ("gone", UnitKind::Bureau),
            ],
            &[("a", "top"), ("b", "top"), ("gone", "a")],
        );
        let mut after = description(
            &[
                ("top", UnitKind::Ministry),
                ("a", UnitKind::Directorate),
                ("b", UnitKind::Directorate),
                ("new", UnitKind::Bureau),
            ],
            &[("a", "top"), ("b", "a"), ("new", "b")],
        );
        after.units[2].name = "B renamed".into();
        let build = |description| OrgGraph::build(description, &mut Vec::new());
        let (graph, changes) = proposed(&build(before), &build(after));
        // Four units of the proposal and the removed one.
        assert_eq!(graph.unit_count(), 5);
        let mark = |id: &str| changes.unit(graph.unit(graph.find_id(id).unwrap()));
        assert_eq!(mark("new"), Some(Change::Added));
        assert_eq!(mark("gone"), Some(Change::Removed));
        assert_eq!(mark("b"), Some(Change::Moved));
        assert_eq!(mark("a"), None);
        let ties: Vec<(String, Option<Change>)> = graph
            .ties()
            .map(|(_, t)| (format!("{}>{}", t.from.value, t.to.value), changes.tie(t)))
            .collect();
        assert!(ties.contains(&("b>top".into(), Some(Change::Removed))));
        assert!(ties.contains(&("gone>a".into(), Some(Change::Removed))));
        assert!(ties.contains(&("b>a".into(), Some(Change::Added))));
        assert!(ties.contains(&("a>top".into(), None)));
        assert_eq!(
            changes.present(),
            [Change::Added, Change::Removed, Change::Moved]
        );
    }
}
