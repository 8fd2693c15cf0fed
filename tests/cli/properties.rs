//! Properties that hold for every description, checked on generated ones (see `strategies`):
//! several organisations, every kind of unit and tie, posts, sources, names built to break
//! whatever prints them, and faults planted on purpose.
//!
//! Each property runs a modest number of cases, so that the whole file stays well under a minute
//! in a debug build. For a longer run, set `PROPTEST_CASES` (every property but the Graphviz one,
//! 128 by default) and `PROPTEST_GRAPHVIZ_CASES` (the Graphviz one, which runs `dot` several
//! times per case, 48 by default):
//!
//! ```sh
//! PROPTEST_CASES=1000 PROPTEST_GRAPHVIZ_CASES=400 cargo test --test cli properties::
//! ```
//!
//! A failing case is shrunk to a small one and saved in `properties.proptest-regressions`, to be
//! committed, so that it runs first from then on.

use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::sync::mpsc;
use std::time::Duration;

use organigram::Loader;
use organigram::check::{self, Options};
use organigram::diagnostic::{Code, Diagnostic};
use organigram::diff::{Diff, Side, as_proposal, diff};
use organigram::graph::{OrgGraph, UnitIx};
use organigram::interop::{CsvOptions, NamedFile, csv_export, import_csv};
use organigram::load::{Input, Limits, Loaded, load};
use organigram::model::{
    Boundary, Date, Description, FileId, Headcount, HeadcountBasis, HeadcountQualifier,
    OrganisationIndex, Origin, Recover, Spanned, Tie, TieKind, Unit,
};
use organigram::query::{Above, End, chain};
use organigram::render::{
    Chart, ChartOptions, Focus, LinkBase, View, chart, proposed, standard_charts, to_dot,
};
use organigram::time;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

use crate::strategies::history::{Shown, ShownTie, day, history};
use crate::strategies::proposal::{Changes, Model, Plan, UnitChange, plan};
use crate::strategies::{Sample, Taken, sample};

/// The number of cases of a property: `default`, or the number in the environment variable
/// `variable`.
fn cases(variable: &str, default: u32) -> ProptestConfig {
    let cases = std::env::var(variable)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

/// The graph of a sample, read from its files' JSON, which must load without a problem: the
/// generator writes sound descriptions.
fn graph(sample: &Sample) -> OrgGraph {
    let loaded = sample.graph();
    let problems: Vec<&Diagnostic> = loaded.diagnostics().collect();
    assert_eq!(problems, Vec::<&Diagnostic>::new());
    loaded.structure.graph
}

/// Every problem of a description: those building its graph finds, then those of the rules.
fn problems_of(description: Description) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let graph = OrgGraph::build(description, &mut diagnostics);
    diagnostics.extend(check::check(&graph, &Options::default()));
    diagnostics
}

// ---- charts

/// Runs DOT through Graphviz's real `dot`, which must be installed: it must render it (drawing
/// it again with straight ties where its spline router fails, as `render` does) and print no
/// warning.
fn renders(dot: &str) -> Result<(), TestCaseError> {
    crate::support::graphviz::dot_renders(dot).map_err(TestCaseError::fail)
}

/// Checks that a chart is DOT that graphviz-rust parses and Graphviz renders (see [`renders`]).
fn is_sound_dot(graph: &OrgGraph, chart: &Chart) -> Result<(), TestCaseError> {
    let dot = to_dot(graph, chart);
    if let Err(error) = graphviz_rust::parse(&dot) {
        let message = format!("graphviz-rust cannot parse: {error}\n{dot}");
        return Err(TestCaseError::fail(message));
    }
    renders(&dot)
}

proptest! {
    #![proptest_config(cases("PROPTEST_GRAPHVIZ_CASES", 48))]

    /// Every standard chart, a subtree (its units linked to pages) and a neighbourhood in any view,
    /// and the landscape of the structure a proposal makes with its changes marked, are DOT that
    /// graphviz-rust parses and Graphviz renders without a warning, whatever the names hold.
    #[test]
    fn every_chart_is_dot_that_graphviz_renders(
        sample in sample(12),
        root in any::<Index>(),
        focus in any::<Index>(),
        radius in 1usize..4,
        view in select(&View::ALL[..]),
        plan in plan(4),
    ) {
        let mut loaded = sample.load();
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let graph = OrgGraph::build(loaded.description.clone(), &mut Vec::new());
        let unit = |index: Index| UnitIx::new(index.index(graph.unit_count()));
        let mut charts: Vec<ChartOptions> =
            standard_charts(&graph).into_iter().map(|(_, options)| options).collect();
        charts.push(ChartOptions {
            root: Some(unit(root)),
            link_base: LinkBase::parse("https://intranet.example/u?from=chart&id=").ok(),
            ..ChartOptions::new(view)
        });
        charts.push(ChartOptions {
            focus: Some(Focus { unit: unit(focus), radius }),
            legend: false,
            ..ChartOptions::new(view)
        });
        for options in &charts {
            is_sound_dot(&graph, &chart(&graph, options))?;
        }
        let after = apply(&mut loaded, &plan)?;
        let after_graph = OrgGraph::build(after, &mut Vec::new());
        let (drawn, changes) = proposed(&graph, &after_graph);
        let marked = Chart {
            changes,
            ..chart(&drawn, &ChartOptions::new(View::Full))
        };
        is_sound_dot(&drawn, &marked)?;
    }
}

// ---- check

/// The ids of the units each diagnostic of `code` is about, each list sorted, all sorted.
fn subjects(diagnostics: &[Diagnostic], code: Code) -> Vec<Vec<String>> {
    let mut found: Vec<Vec<String>> = diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let mut ids = d.subjects.to_vec();
            ids.sort_unstable();
            ids
        })
        .collect();
    found.sort_unstable();
    found
}

/// Where to plant a cycle: above which unit, how many steps up, closed by which kind of tie.
type CycleChoice = (Index, usize, Index);

fn cycle_choices(most: usize) -> impl Strategy<Value = Vec<CycleChoice>> {
    vec((any::<Index>(), 2usize..7, any::<Index>()), 0..=most)
}

/// Plants cycles, then orphans, in `sample` where the choices allow; returns the cycles (each
/// its sorted ids) and the orphans (each its id alone), both sorted.
fn plant(
    sample: &mut Sample,
    cycles: &[CycleChoice],
    orphans: &[Index],
) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut taken = Taken::default();
    let count = sample.units.len();
    let mut planted_cycles: Vec<Vec<String>> = cycles
        .iter()
        .filter_map(|&(x, length, kind)| {
            sample.plant_cycle(x.index(count), length, kind, &mut taken)
        })
        .collect();
    let mut planted_orphans: Vec<Vec<String>> = orphans
        .iter()
        .filter_map(|u| sample.plant_orphan(u.index(count), &taken))
        .map(|id| vec![id])
        .collect();
    planted_cycles.sort_unstable();
    planted_orphans.sort_unstable();
    planted_orphans.dedup();
    (planted_cycles, planted_orphans)
}

proptest! {
    #![proptest_config(cases("PROPTEST_CASES", 128))]

    /// A sound generated structure checks without a single error.
    #[test]
    fn a_sound_structure_has_no_error(sample in sample(40)) {
        let loaded = sample.load();
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let checked = problems_of(loaded.description);
        let errors: Vec<&Diagnostic> = checked.iter().filter(|d| d.is_error()).collect();
        prop_assert!(errors.is_empty(), "{errors:#?}");
    }

    /// `check` names every orphan and every cycle planted in a sound structure, each once, and
    /// nothing else: a cycle lists every unit on a way between the two ends of the tie that
    /// closes it.
    #[test]
    fn check_finds_exactly_the_orphans_and_cycles_planted(
        mut sample in sample(40),
        cycles in cycle_choices(3),
        orphans in vec(any::<Index>(), 0..4),
    ) {
        let (cycles, orphans) = plant(&mut sample, &cycles, &orphans);
        let loaded = sample.load();
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let checked = problems_of(loaded.description);
        prop_assert_eq!(subjects(&checked, Code::HierarchyCycle), cycles);
        prop_assert_eq!(subjects(&checked, Code::OrphanUnit), orphans);
    }
}

// ---- chain

/// How long the chains of command of every unit of a sample may take. They take microseconds; a
/// walk that does not end allocates without bound, so then the test process stops at once.
const CHAIN_TIME: Duration = Duration::from_secs(5);

/// Every unit above `unit` by hierarchical ties.
fn ancestors(graph: &OrgGraph, unit: UnitIx) -> HashSet<UnitIx> {
    let mut seen = HashSet::new();
    let mut stack = vec![unit];
    while let Some(u) = stack.pop() {
        for parent in graph.hierarchy().superiors(u) {
            if seen.insert(parent) {
                stack.push(parent);
            }
        }
    }
    seen
}

/// Checks the chain of command of `unit` (see the property below); says what is wrong.
fn chain_is_sound(graph: &OrgGraph, unit: UnitIx) -> Result<(), String> {
    let chain = chain(graph, unit);
    let name = graph.unit(unit).id.as_str();
    let hierarchical = graph
        .ties()
        .filter(|(_, t)| t.kind.is_hierarchical())
        .count();
    if chain.steps.len() > hierarchical {
        return Err(format!(
            "{name}: {} steps for {hierarchical} ties",
            chain.steps.len()
        ));
    }
    let mut expanded: HashMap<UnitIx, usize> = HashMap::new();
    // Depth-first over the tree of steps, with the units of the branch above each step.
    let mut stack: Vec<(usize, Vec<UnitIx>)> = chain
        .first_steps()
        .iter()
        .map(|&s| (s, vec![unit]))
        .collect();
    let mut visited = 0;
    while let Some((index, branch)) = stack.pop() {
        visited += 1;
        let step = &chain.steps[index];
        let to = step.link.to;
        let what = format!("{name}: step {index} to {}", graph.unit(to).id.as_str());
        if step.link.from != *branch.last().expect("a branch starts at the unit") {
            return Err(format!("{what} does not start where its branch is"));
        }
        if step.depth != branch.len() {
            return Err(format!(
                "{what} is at depth {} on a branch of {}",
                step.depth,
                branch.len()
            ));
        }
        let repeated = branch.contains(&to);
        if repeated != matches!(step.above, Above::Cycle) {
            return Err(format!(
                "{what}: on its branch already: {repeated}, marked {:?}",
                step.above
            ));
        }
        match &step.above {
            Above::Superiors(steps) => {
                if let Some(first) = expanded.insert(to, index) {
                    return Err(format!("{what} is expanded again (first at step {first})"));
                }
                let mut below = branch.clone();
                below.push(to);
                stack.extend(steps.iter().map(|&s| (s, below.clone())));
            }
            Above::AlreadyShown(at) => {
                let shown = &chain.steps[*at];
                if shown.link.to != to || !matches!(shown.above, Above::Superiors(_)) {
                    return Err(format!(
                        "{what} points at step {at}, which does not show it"
                    ));
                }
            }
            Above::End(end) => {
                let expected = match graph.unit(to).boundary {
                    Some(Boundary::Top) => End::Top,
                    Some(Boundary::ParentOutside) => End::ParentOutside,
                    None => End::Orphan,
                    Some(other) => panic!("a boundary this property does not know: {other:?}"),
                };
                if !graph.hierarchy().up(to).is_empty() || *end != expected {
                    return Err(format!("{what} ends as {end:?}"));
                }
            }
            Above::Cycle => {}
        }
    }
    if visited != chain.steps.len() {
        return Err(format!(
            "{name}: {visited} of {} steps in the tree",
            chain.steps.len()
        ));
    }
    let reached: HashSet<UnitIx> = chain.steps.iter().map(|s| s.link.to).collect();
    if reached != ancestors(graph, unit) {
        return Err(format!("{name}: the chain does not reach every unit above"));
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases("PROPTEST_CASES", 128))]

    /// The chain of command of every unit ends, cycles or not, and is a tree of distinct units:
    /// no unit twice on a branch but the one that closes a cycle (marked so), each unit's
    /// superiors expanded once, every unit above reached, every branch ending as its last unit
    /// declares.
    #[test]
    fn every_chain_ends_and_holds_each_unit_once(
        mut sample in sample(30),
        cycles in cycle_choices(3),
        orphans in vec(any::<Index>(), 0..3),
    ) {
        plant(&mut sample, &cycles, &orphans);
        let graph = graph(&sample);
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let result = graph.units().try_for_each(|(ix, _)| chain_is_sound(&graph, ix));
            let _ = sender.send(result);
        });
        let result: Result<(), String> = receiver.recv_timeout(CHAIN_TIME).unwrap_or_else(|_| {
            let files: Vec<String> =
                sample.files().iter().map(|f| f.to_json().unwrap()).collect();
            // Straight to standard error: the test harness would keep what `eprintln!` prints.
            let message = format!("a chain of command does not end, in:\n{}", files.join("\n"));
            let _ = std::io::stderr().write_all(message.as_bytes());
            std::process::exit(101)
        });
        if let Err(message) = result {
            return Err(TestCaseError::fail(message));
        }
    }
}

// ---- diff and proposals

/// The description as the proposal `plan` makes against it (see [`Model::propose`]) would
/// make it: the proposal must read and apply.
fn apply(loaded: &mut Loaded, plan: &Plan) -> Result<Description, TestCaseError> {
    let (text, _) = Model::new(&loaded.description).propose(plan);
    let file = loaded.files.add("proposal.json".into(), text.clone());
    let applied = organigram::proposal::parse(file, &text, Limits::default().max_depth)
        .and_then(|proposal| organigram::proposal::apply(&loaded.description, &proposal));
    match applied {
        Ok((after, _)) => Ok(after),
        Err(diagnostics) => {
            let messages =
                organigram::diagnostic::render::text_to_string(&loaded.files, &diagnostics);
            let message = format!("the proposal is refused:\n{messages}\n{text}");
            Err(TestCaseError::fail(message))
        }
    }
}

/// What `diff` found, in the terms of [`Changes`].
fn changes(diff: &Diff<'_>) -> Changes {
    let ids = |sides: &[Side<'_>]| -> Vec<String> {
        sides.iter().map(|s| s.unit.id.to_string()).collect()
    };
    let keys =
        |ties: &[&Tie]| -> Vec<String> { ties.iter().map(|t| t.key().to_string()).collect() };
    let mut changes = Changes {
        units_added: ids(&diff.units_added),
        units_removed: ids(&diff.units_removed),
        units_changed: diff
            .units_changed
            .iter()
            .map(|c| {
                let change = UnitChange {
                    renamed: c.renamed,
                    kind_changed: c.kind_changed,
                    moved: c.moved.is_some(),
                    attributes: c.attributes.iter().map(|a| a.name).collect(),
                };
                (c.after.unit.id.to_string(), change)
            })
            .collect(),
        ties_added: keys(&diff.ties_added),
        ties_removed: keys(&diff.ties_removed),
        ties_changed: diff
            .ties_changed
            .iter()
            .map(|c| {
                let fields = c.fields.iter().map(|f| f.name).collect();
                (c.after.key().to_string(), fields)
            })
            .collect(),
    };
    changes.sort();
    changes
}

proptest! {
    #![proptest_config(cases("PROPTEST_CASES", 128))]

    /// A structure has no difference with itself, nor with itself read again.
    #[test]
    fn a_structure_has_no_difference_with_itself(sample in sample(30)) {
        let (a, b) = (graph(&sample), graph(&sample));
        prop_assert!(diff(&a, &a).is_empty());
        prop_assert!(diff(&a, &b).is_empty());
    }

    /// A generated proposal applies, and `diff` between the structures before and after finds
    /// exactly what its changes do as the proposal format documents them: units added, removed,
    /// renamed, of another kind, moved, with other attributes; ties added, removed, with other
    /// fields.
    #[test]
    fn diff_finds_exactly_what_a_proposal_changes(sample in sample(20), plan in plan(8)) {
        let mut loaded = sample.load();
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let model = Model::new(&loaded.description);
        let proposed = model.propose(&plan).1;
        let after = apply(&mut loaded, &plan)?;
        let before = OrgGraph::build(loaded.description, &mut Vec::new());
        let after = OrgGraph::build(after, &mut Vec::new());
        prop_assert_eq!(changes(&diff(&before, &after)), model.changes(&proposed));
    }
}

/// A description as facts to compare, up to the order of units and ties: each unit as JSON with
/// the id of its organisation, each tie as JSON, each source and each organisation as JSON.
pub(crate) fn facts(d: &Description) -> [Vec<String>; 4] {
    fn json(value: &impl serde::Serialize) -> String {
        serde_json::to_string(value).unwrap()
    }
    let organisation = |unit: &Unit| {
        d.organisations
            .get(unit.organisation.0 as usize)
            .map(|o| o.id.to_string())
    };
    let mut facts = [
        d.units
            .values()
            .map(|u| json(&(u, organisation(u))))
            .collect(),
        d.ties.iter().map(json).collect(),
        d.sources.values().map(json).collect(),
        d.organisations.iter().map(json).collect::<Vec<String>>(),
    ];
    for all in &mut facts {
        all.sort_unstable();
    }
    facts
}

/// `before` with the proposal `text` applied.
fn applied(before: &Description, text: &str) -> Result<Description, TestCaseError> {
    let proposal = organigram::proposal::parse(FileId(0), text, Limits::default().max_depth)
        .map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
    organigram::proposal::apply(before, &proposal)
        .map(|(after, _)| after)
        .map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))
}

/// One edit made by hand to a description's fields, which no proposal of [`plan`] makes: a
/// field of a unit (by position) or of a tie set to one of a few values, or cleared.
#[derive(Clone, Debug)]
struct Edit {
    target: Index,
    field: u8,
    value: Option<&'static str>,
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let value = prop_oneof![
        Just(None),
        select(vec!["Données", "Pilotage « RH »", "2019-10", "2031"]).prop_map(Some),
    ];
    vec(
        (any::<Index>(), 0..7u8, value).prop_map(|(target, field, value)| Edit {
            target,
            field,
            value,
        }),
        0..6,
    )
}

/// `description` with the edits made: a unit's remit, note, location, headcount or start, or a
/// tie's note or end.
fn edited(mut description: Description, edits: &[Edit]) -> Description {
    let text = |value: Option<&str>| value.map(str::to_owned);
    let date = |value: Option<&str>| value.and_then(|v| Date::parse(v).ok());
    for edit in edits {
        if edit.field < 5 && !description.units.is_empty() {
            let at = edit.target.index(description.units.len());
            let unit = &mut description.units[at];
            match edit.field {
                0 => unit.remit = text(edit.value),
                1 => unit.note = text(edit.value),
                2 => unit.location = text(edit.value),
                3 => {
                    unit.headcount = edit.value.map(|v| Headcount {
                        count: u32::try_from(v.len()).unwrap_or(0),
                        basis: HeadcountBasis::Target,
                        qualifier: HeadcountQualifier::About,
                        date: None,
                    });
                }
                _ => unit.valid_from = date(edit.value),
            }
        } else if !description.ties.is_empty() {
            let at = edit.target.index(description.ties.len());
            let tie = &mut description.ties[at];
            match edit.field {
                5 => tie.note = text(edit.value),
                _ => tie.valid_until = date(edit.value),
            }
        }
    }
    description
}

proptest! {
    #![proptest_config(cases("PROPTEST_CASES", 128))]

    /// For a generated description A and B, A with a generated proposal applied and fields
    /// edited by hand, the proposal
    /// `diff --as-proposal` writes turns A into B exactly, says nothing it cannot hold, and from
    /// A to A is empty.
    #[test]
    fn the_proposal_of_a_diff_turns_one_description_into_the_other(
        sample in sample(20),
        plan in plan(8),
        edits in edits(),
    ) {
        let mut loaded = sample.load();
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let after = edited(apply(&mut loaded, &plan)?, &edits);
        let before = &loaded.description;
        let made = as_proposal(before, &after, "T".to_owned(), None);
        prop_assert!(made.not_held.is_empty(), "{:?}", made.not_held);
        let text = made.file.to_json().unwrap();
        prop_assert_eq!(facts(&applied(before, &text)?), facts(&after), "{}", text);
        let same = as_proposal(before, before, "T".to_owned(), None);
        prop_assert!(same.file.changes.is_empty() && same.file.sources.is_empty());
        prop_assert!(same.not_held.is_empty());
    }
}

// ---- writing and reading back

/// What was read, of an item of a description file.
fn read<T: Clone>(item: &Recover<Spanned<T>>) -> Option<T> {
    item.clone().ok().map(|spanned| spanned.value)
}

/// The hierarchical ties of `graph` that hold on `day` while the unit they place exists (as a
/// CSV's rows give them), as `from kind to`, sorted: a tie of a unit to itself left out, as a
/// table leaves it out, and ties said twice once, as a table's rows say them once.
fn hierarchical_ties(graph: &OrgGraph, day: Date) -> Vec<(String, TieKind, String)> {
    let mut ties: Vec<(String, TieKind, String)> = graph
        .petgraph()
        .edge_indices()
        .filter_map(|ix| {
            let (from, to) = graph.petgraph().edge_endpoints(ix)?;
            let tie = graph.tie(ix);
            (tie.kind.value.is_hierarchical()
                && from != to
                && tie.period().holds_at(day)
                && graph.unit(from).life().holds_at(day))
            .then(|| (tie.from.to_string(), tie.kind.value, tie.to.to_string()))
        })
        .collect();
    ties.sort();
    ties.dedup();
    ties
}

/// Each unit as a CSV import keeps it: id, name and acronym trimmed as importing does, kind.
fn table(graph: &OrgGraph) -> Vec<[String; 4]> {
    graph
        .units()
        .map(|(_, unit)| {
            [
                unit.id.to_string(),
                unit.name.trim().to_owned(),
                unit.kind.as_str().to_owned(),
                unit.acronym
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_owned(),
            ]
        })
        .collect()
}

proptest! {
    #![proptest_config(cases("PROPTEST_CASES", 128))]

    /// A description written as JSON (`NamedFile::to_json`, as importers and the generator
    /// write it) loads back as the same organisations, sources, units and ties, every text
    /// intact.
    #[test]
    fn a_description_written_as_json_loads_back_the_same(sample in sample(30)) {
        let graph = graph(&sample);
        let files: Vec<_> = sample.files().into_iter().map(|f| f.file).collect();
        let organisations: Vec<_> = files.iter().map(|f| f.organisation.value.clone()).collect();
        let sources: Vec<_> =
            files.iter().flat_map(|f| f.sources.iter().filter_map(read)).collect();
        let units: Vec<Unit> = files
            .iter()
            .enumerate()
            .flat_map(|(o, f)| {
                f.units.iter().filter_map(read).map(move |unit| Unit {
                    organisation: OrganisationIndex(u32::try_from(o).unwrap()),
                    ..unit
                })
            })
            .collect();
        let ties: Vec<_> = files.iter().flat_map(|f| f.ties.iter().filter_map(read)).collect();
        // Where each fact was read is the only thing the files do not say.
        let mut loaded = graph.organisations().to_vec();
        for o in &mut loaded {
            o.origin = Origin::default();
        }
        prop_assert_eq!(loaded, organisations);
        let mut loaded: Vec<_> = graph.sources().cloned().collect();
        for s in &mut loaded {
            s.origin = Origin::default();
        }
        prop_assert_eq!(loaded, sources);
        let mut loaded: Vec<_> = graph.units().map(|(_, u)| u.clone()).collect();
        for u in &mut loaded {
            u.origin = Origin::default();
        }
        prop_assert_eq!(loaded, units);
        let mut loaded: Vec<_> = graph.ties().map(|(_, t)| t.clone()).collect();
        for t in &mut loaded {
            t.origin = Origin::default();
        }
        prop_assert_eq!(loaded, ties);
    }

    /// `export --format csv` of every date imports back (`import csv`, its columns found by
    /// their headers, with no option) as the same units, ids, trimmed names, kinds (the latest)
    /// and acronyms, and the same hierarchical ties (kinds, ends) holding on every day a tie
    /// starts or ends, and the day before: a round trip loses no hierarchical tie.
    #[test]
    fn a_csv_export_imports_back_as_the_same_hierarchy(sample in sample(30)) {
        let graph = graph(&sample);
        let mut bytes = Vec::new();
        csv_export::write(&graph, None, &mut bytes).unwrap();
        let import = match import_csv(&bytes, &CsvOptions::found("units.csv")) {
            Ok(import) => import,
            Err(problems) => return Err(TestCaseError::fail(format!("{problems:#?}"))),
        };
        prop_assert!(import.warnings.is_empty(), "{:#?}", import.warnings);
        let inputs: Vec<Input> = import
            .files
            .iter()
            .map(|file| Input::Text {
                name: file.name.clone().into(),
                text: file.to_json().unwrap(),
            })
            .collect();
        let imported = inputs
            .into_iter()
            .fold(Loader::new(), Loader::input)
            .load()
            .expect("no proposal to refuse");
        let problems: Vec<&Diagnostic> = imported.diagnostics().collect();
        prop_assert!(problems.is_empty(), "{problems:#?}");
        let imported = imported.structure.graph;
        let mut days: Vec<Date> = graph
            .ties()
            .flat_map(|(_, t)| [t.valid_from, t.valid_until])
            .flatten()
            .flat_map(|d| [Some(d), d.day_before()])
            .flatten()
            .chain(Date::parse("1000").ok())
            .collect();
        days.sort_by_key(|d| d.start());
        days.dedup_by_key(|d| d.start());
        prop_assert_eq!(table(&imported), table(&graph));
        for day in days {
            prop_assert_eq!(
                hierarchical_ties(&imported, day),
                hierarchical_ties(&graph, day),
                "on {}",
                day
            );
        }
    }
}

// ---- time

proptest! {
    #![proptest_config(cases("PROPTEST_CASES", 128))]

    /// The structure as of a day is the one rebuilt from the events up to that day. A history
    /// (see `strategies::history`) writes a dated description from all its events; cut to any
    /// day, that description has the units, with the names, acronyms and kinds of the day, and
    /// the ties, of the structure the events up to that day make when each is applied as an
    /// undated change. What the cut leaves out is every other unit, each with why: not begun,
    /// ended, or dissolved on a day not known. The days asked are every day an event falls on
    /// and the day before it, where the structure changes, and a few others.
    #[test]
    fn the_structure_as_of_a_day_is_the_one_rebuilt_from_the_events_up_to_it(
        history in history(6, 40),
        others in vec(day(), 0..4),
    ) {
        let text = NamedFile { name: "o.json".into(), file: history.dated() }
            .to_json()
            .expect("a description serialises");
        let Loaded { description, diagnostics, .. } =
            load(&[Input::Text { name: "o.json".into(), text }], Limits::default());
        prop_assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        let ends = ["1900", "2100"].map(|d| Date::parse(d).unwrap());
        let days: Vec<Date> = history
            .days()
            .flat_map(|d| [Some(d), d.day_before()])
            .flatten()
            .chain(others)
            .chain(ends)
            .collect();
        for day in days {
            let (cut, absent) = time::cut(description.clone(), day);
            let rebuilt = history.replay(day);
            let units: Vec<Shown> = cut
                .units
                .values()
                .map(|u| Shown {
                    id: u.id.as_str().to_owned(),
                    name: u.name.clone(),
                    acronym: u.acronym.clone(),
                    kind: u.kind.value,
                })
                .collect();
            prop_assert_eq!(units, rebuilt.units(), "units as of {}", day);
            let ties: Vec<ShownTie> = cut
                .ties
                .iter()
                .map(|t| (t.kind.value, t.from.as_str().to_owned(), t.to.as_str().to_owned()))
                .collect();
            prop_assert_eq!(ties, rebuilt.ties(), "ties as of {}", day);
            let gone: Vec<(String, time::Gone)> = absent
                .units()
                .map(|u| {
                    let (_, gone) = absent.unit(u.id.as_str()).expect("an absent unit is found");
                    (u.id.as_str().to_owned(), gone)
                })
                .collect();
            prop_assert_eq!(gone, history.gone(day), "absent as of {}", day);
        }
    }
}
