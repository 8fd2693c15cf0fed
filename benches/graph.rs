//! Criterion benchmarks of the library's functions on generated descriptions (`organigram
//! generate`, run from the binary), from 1k to 1M units: loading, checking, the queries on a
//! loaded graph, rendering DOT, diffing two versions, and cutting a description to a day, with
//! and without a dated history. BENCHMARKS.md reports them beside whole-command timings.
//!
//!     cargo bench --bench graph                 # every size up to 100k units
//!     ORGANIGRAM_BENCH_MILLION=1 cargo bench --bench graph   # and the queries at 1M

// criterion_group! writes the benchmark group as an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::process::{Command, Stdio};

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use organigram::Loader;
use organigram::check::{self, Options};
use organigram::diff::diff;
use organigram::graph::{OrgGraph, UnitIx};
use organigram::load::{Input, Limits, Loaded, load};
use organigram::model::Date;
use organigram::query::{
    PathOptions, SubordinatesOptions, chain, history, path, subordinates, superior,
};
use organigram::render::{ChartOptions, View, chart, to_dot};
use organigram::time;

/// The description of `units` units with a history of `changes` changes, as the files
/// `organigram generate` writes, kept in memory.
fn inputs(units: usize, changes: usize) -> Vec<Input> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let status = Command::new(env!("CARGO_BIN_EXE_organigram"))
        .args([
            "generate",
            "--units",
            &units.to_string(),
            "--changes",
            &changes.to_string(),
            "--seed",
            "1",
            "-o",
        ])
        .arg(dir.path())
        .stdout(Stdio::null())
        .status()
        .expect("organigram runs");
    assert!(status.success(), "organigram generate failed: {status}");
    organigram_test_support::json_files(dir.path())
        .into_iter()
        .map(|path| Input::Text {
            text: std::fs::read_to_string(&path).expect("a generated file reads"),
            name: path.file_name().expect("a file name").into(),
        })
        .collect()
}

/// A loader of the description of `units` units, held in memory.
fn loader(units: usize) -> Loader {
    inputs(units, 0)
        .into_iter()
        .fold(Loader::new(), Loader::input)
}

/// The graph of the description of `units` units.
fn graph(units: usize) -> OrgGraph {
    loader(units)
        .load()
        .expect("no proposal to refuse")
        .structure
        .graph
}

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var_os("ORGANIGRAM_BENCH_MILLION").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

/// Units to ask about: the last unit of the first organisation, deep in its hierarchy, and the
/// last unit of the last one, in another organisation when there are several.
fn ends(graph: &OrgGraph) -> (UnitIx, UnitIx) {
    let last_of = |organisation: u32| {
        graph
            .units()
            .filter(|(_, u)| u.organisation.0 == organisation)
            .map(|(ix, _)| ix)
            .last()
            .expect("every generated organisation has units")
    };
    let organisations = u32::try_from(graph.organisations().len()).expect("few organisations");
    (last_of(0), last_of(organisations - 1))
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for units in [1_000, 10_000, 100_000] {
        let loader = loader(units);
        group.throughput(Throughput::Elements(units as u64));
        group.bench_with_input(BenchmarkId::from_parameter(units), &loader, |b, loader| {
            b.iter_batched(
                || loader.clone(),
                |l| black_box(l).load(),
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

fn checking(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for units in [1_000, 10_000, 100_000] {
        let Loaded { description, .. } = load(&inputs(units, 0), Limits::default());
        group.throughput(Throughput::Elements(units as u64));
        // Building the graph, which finds the unknown units and forbidden ties, then the rules:
        // what `organigram check` does once the files are read.
        group.bench_with_input(BenchmarkId::from_parameter(units), &description, |b, d| {
            b.iter_batched(
                || d.clone(),
                |d| {
                    let mut diagnostics = Vec::new();
                    let graph = OrgGraph::build(d, &mut diagnostics);
                    diagnostics.extend(check::check(&graph, &Options::default()));
                    (graph, diagnostics)
                },
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
}

fn querying(c: &mut Criterion) {
    let mut group = c.benchmark_group("query");
    for units in sizes() {
        let graph = graph(units);
        let (a, b) = ends(&graph);
        let top = UnitIx::new(0);
        group.bench_function(BenchmarkId::new("chain", units), |bench| {
            bench.iter(|| chain(&graph, black_box(a)));
        });
        group.bench_function(BenchmarkId::new("superior", units), |bench| {
            bench.iter(|| superior(&graph, black_box(a), black_box(b)));
        });
        group.bench_function(BenchmarkId::new("path", units), |bench| {
            bench.iter(|| path(&graph, black_box(a), black_box(b), &PathOptions::default()));
        });
        let options = SubordinatesOptions {
            depth: None,
            kinds: None,
        };
        group.bench_function(BenchmarkId::new("subordinates-of-top", units), |bench| {
            bench.iter(|| subordinates(&graph, black_box(top), &options));
        });
        // A history reads the unit's own ties: a deep unit's few, the top's many children.
        group.bench_function(BenchmarkId::new("history", units), |bench| {
            bench.iter(|| history(&graph, black_box(a)));
        });
        group.bench_function(BenchmarkId::new("history-of-top", units), |bench| {
            bench.iter(|| history(&graph, black_box(top)));
        });
    }
    group.finish();
}

fn rendering(c: &mut Criterion) {
    let mut group = c.benchmark_group("render-dot");
    group.sample_size(10);
    for units in [1_000, 10_000, 100_000] {
        let graph = graph(units);
        let (a, _) = ends(&graph);
        // The subtree of the unit two levels above the deepest unit of the first organisation.
        let above = chain(&graph, a).steps.get(1).map_or(a, |s| s.link.to);
        let subtree = ChartOptions {
            root: Some(above),
            ..ChartOptions::new(View::OrgChart)
        };
        group.bench_function(BenchmarkId::new("subtree", units), |bench| {
            bench.iter(|| to_dot(&graph, &chart(&graph, &subtree)));
        });
        let whole = ChartOptions::new(View::Full);
        group.bench_function(BenchmarkId::new("whole", units), |bench| {
            bench.iter(|| to_dot(&graph, &chart(&graph, &whole)));
        });
    }
    group.finish();
}

fn diffing(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    for units in [1_000, 10_000, 100_000] {
        let before = load(&inputs(units, 0), Limits::default()).description;
        // The next version: one unit in a hundred renamed, one tie in two hundred gone.
        let mut after = before.clone();
        for unit in after.units.values_mut().step_by(100) {
            unit.name.push_str(" (renamed)");
        }
        let mut i = 0;
        after.ties.retain(|_| {
            i += 1;
            i % 200 != 0
        });
        let before = OrgGraph::build(before, &mut Vec::new());
        let after = OrgGraph::build(after, &mut Vec::new());
        group.bench_function(BenchmarkId::from_parameter(units), |bench| {
            bench.iter(|| diff(&before, &after));
        });
    }
    group.finish();
}

fn cutting(c: &mut Criterion) {
    let mut group = c.benchmark_group("time-cut");
    group.sample_size(10);
    let day = Date::parse("2026-12-02").expect("a date");
    for units in sizes() {
        // Undated, the cut finds nothing to move; with a history of one change per ten units,
        // it moves what has ended and gives renamed units their names of the day.
        for (name, changes) in [("undated", 0), ("history", units / 10)] {
            let Loaded { description, .. } = load(&inputs(units, changes), Limits::default());
            group.throughput(Throughput::Elements(units as u64));
            group.bench_with_input(BenchmarkId::new(name, units), &description, |b, d| {
                b.iter_batched(|| d.clone(), |d| time::cut(d, day), BatchSize::LargeInput);
            });
        }
    }
    group.finish();
}

criterion_group!(
    benches, loading, checking, querying, rendering, diffing, cutting
);
criterion_main!(benches);
