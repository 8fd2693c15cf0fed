//! Proposals through the library: applying one and diffing the structure before and after gives
//! back exactly what its changes did, and the built-in proposals apply as documented.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use organigram::check::{Options, check};
use organigram::diagnostic::{Code, SourceMap};
use organigram::diff::diff;
use organigram::model::{TieKey, UnitId};
use organigram::proposal::{Applied, Effect};
use organigram::{Loader, Workspace};

use crate::support::root;

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

/// A description with a proposal applied, both of which must read with no problem.
fn propose(description: &Path, proposal: &Path) -> Workspace {
    let workspace = Loader::new()
        .path(description)
        .proposal(proposal)
        .load()
        .unwrap_or_else(|refused| panic!("{}: {:?}", proposal.display(), refused.diagnostics));
    assert!(workspace.read.is_empty(), "{:?}", workspace.read);
    workspace
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
            other => panic!("an effect this test does not know: {other:?}"),
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
        let workspace = propose(&description, &path);
        let proposed = workspace.proposal.as_ref().expect("a proposal applied");
        assert_eq!(proposed.applied.len(), proposed.proposal.changes.len());
        let diff = diff(&proposed.before.graph, workspace.graph());
        let net = net(&proposed.applied);
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
    for (description, path) in proposals().into_iter().filter(|(d, _)| d.ends_with("org")) {
        let workspace = propose(&description, &path);
        let orphans: Vec<String> = check(workspace.graph(), &Options::default())
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
    let workspace = propose(&root().join(base), &root().join(path));
    let graph = workspace.graph();
    let added = graph.unit(graph.find_id("cellule").expect("the added unit"));
    let proposed = workspace.proposal.as_ref().expect("a proposal applied");
    assert_eq!(added.origin.file, proposed.proposal.file);
    assert_eq!(
        workspace.files.locate(added.origin.at(added.id.span)),
        format!("{}:6:27", root().join(path).display())
    );
}
