//! Proposals through the library: applying one and diffing the structure before and after gives
//! back exactly what its changes did, and the built-in proposals apply as documented.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use organigram::check::{Options, check};
use organigram::diagnostic::Code;
use organigram::diff::diff;
use organigram::load::{Input, Limits, load};
use organigram::model::{TieKey, UnitId};
use organigram::proposal::{self, Applied, Effect};
use support::root;

/// Every proposal whose effects are compared with the diff, with the description it applies to.
fn proposals() -> Vec<(PathBuf, PathBuf)> {
    let mut all = Vec::new();
    let builtin = root().join("org/proposals");
    for entry in std::fs::read_dir(&builtin).expect("org/proposals exists") {
        all.push((root().join("org"), entry.expect("a file").path()));
    }
    for name in ["repairs", "breaks", "every-operation"] {
        all.push((
            root().join("tests/fixtures/proposals/base.json"),
            root().join(format!("tests/fixtures/proposals/{name}.json")),
        ));
    }
    all.sort();
    all
}

/// What the changes did, all told: units added and removed, units changed in place, and how
/// many times each tie was added (positive) or removed (negative).
#[derive(Debug, Default, PartialEq, Eq)]
struct Net {
    added: BTreeSet<UnitId>,
    removed: BTreeSet<UnitId>,
    changed: BTreeSet<UnitId>,
    ties: BTreeMap<TieKey, i32>,
}

fn net(applied: &[Applied]) -> Net {
    let mut net = Net::default();
    for effect in applied.iter().flat_map(|a| &a.effects) {
        match effect {
            Effect::UnitAdded(id) => {
                net.added.insert(id.clone());
            }
            Effect::UnitRemoved(id) => {
                if !net.added.remove(id) {
                    net.removed.insert(id.clone());
                }
                net.changed.remove(id);
            }
            Effect::UnitChanged(id) => {
                net.changed.insert(id.clone());
            }
            Effect::TieAdded(key) => *net.ties.entry(key.clone()).or_default() += 1,
            Effect::TieRemoved(key) => *net.ties.entry(key.clone()).or_default() -= 1,
        }
    }
    net.changed.retain(|id| !net.added.contains(id));
    net.ties.retain(|_, n| *n != 0);
    net
}

fn ids<'a>(units: impl IntoIterator<Item = &'a str>) -> BTreeSet<UnitId> {
    units
        .into_iter()
        .map(|id| UnitId::new(id).expect("an id"))
        .collect()
}

#[test]
fn applying_a_proposal_then_diffing_gives_back_exactly_its_changes() {
    for (description, path) in proposals() {
        let loaded = load(&[Input::Path(description)], &Limits::default());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let mut files = loaded.files;
        let proposal = proposal::read(&path, &Limits::default(), &mut files)
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let (proposed, applied) = proposal::apply(&loaded.description, &proposal)
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        assert_eq!(applied.len(), proposal.changes.len());
        let before = check(loaded.description, &Options::default());
        let after = check(proposed, &Options::default());
        let diff = diff(&before.graph, &after.graph);
        let net = net(&applied);
        let name = path.display();

        assert_eq!(
            ids(diff.units_added.iter().map(|s| s.unit.id.as_str())),
            net.added,
            "{name}"
        );
        assert_eq!(
            ids(diff.units_removed.iter().map(|s| s.unit.id.as_str())),
            net.removed,
            "{name}"
        );
        let in_place = diff
            .units_changed
            .iter()
            .filter(|c| c.renamed || c.kind_changed || !c.attributes.is_empty())
            .map(|c| c.after.unit.id.as_str());
        assert_eq!(ids(in_place), net.changed, "{name}");
        let moved = diff
            .units_changed
            .iter()
            .filter(|c| c.moved.is_some())
            .map(|c| c.after.unit.id.as_str());
        let reattached: BTreeSet<UnitId> = net
            .ties
            .keys()
            .filter(|key| key.kind.is_hierarchical())
            .map(|key| key.from.clone())
            .filter(|id| !net.added.contains(id) && !net.removed.contains(id))
            .collect();
        assert_eq!(ids(moved), reattached, "{name}");

        let mut ties: BTreeMap<TieKey, i32> = BTreeMap::new();
        for tie in &diff.ties_added {
            *ties.entry(tie.key()).or_default() += 1;
        }
        for tie in &diff.ties_removed {
            *ties.entry(tie.key()).or_default() -= 1;
        }
        assert_eq!(ties, net.ties, "{name}");
    }
}

#[test]
fn the_built_in_proposals_apply_and_one_orphans_units() {
    let loaded = load(&[Input::Path(root().join("org"))], &Limits::default());
    for (_, path) in proposals().into_iter().filter(|(d, _)| d.ends_with("org")) {
        let mut files = loaded.files.clone();
        let proposal = proposal::read(&path, &Limits::default(), &mut files).unwrap();
        let (proposed, _) = proposal::apply(&loaded.description, &proposal).unwrap();
        let orphans: Vec<String> = check(proposed, &Options::default())
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::OrphanUnit)
            .flat_map(|d| d.subjects)
            .collect();
        let expected: &[&str] = if path.ends_with("remove-pole-fonctionnel.json") {
            &["dsin"]
        } else {
            &[]
        };
        assert_eq!(orphans, expected, "{}", path.display());
    }
}

#[test]
fn what_a_proposal_adds_is_located_in_the_proposal() {
    let base = Path::new("tests/fixtures/proposals/base.json");
    let path = Path::new("tests/fixtures/proposals/breaks.json");
    let loaded = load(&[Input::Path(root().join(base))], &Limits::default());
    let mut files = loaded.files;
    let proposal = proposal::read(&root().join(path), &Limits::default(), &mut files).unwrap();
    let (proposed, _) = proposal::apply(&loaded.description, &proposal).unwrap();
    let added = proposed.units.get("cellule").expect("the added unit");
    assert_eq!(added.origin.file, proposal.file);
    assert_eq!(
        files.locate(added.origin.at(added.id.span)),
        format!("{}:6:27", root().join(path).display())
    );
}
