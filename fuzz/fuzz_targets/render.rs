//! Charting any description: every standard chart, and a subtree and a neighbourhood of its
//! first unit, gives DOT that Graphviz's grammar accepts, and Mermaid, without a panic; and the
//! files the standard charts are written to have plain, bounded, distinct names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::Loader;
use organigram::model::file_name;
use organigram::render::{self, ChartOptions, Focus, View, to_dot, to_mermaid};

fuzz_target!(|text: &str| {
    let graph = Loader::new()
        .text("fuzz.json", text)
        .load()
        .expect("no proposal to refuse")
        .structure
        .graph;
    let standard = render::standard_charts(&graph);
    // The files of `render --all` are named after the charts: plain names, at most 255 bytes,
    // one a chart.
    let mut names = std::collections::HashSet::new();
    for (name, _) in &standard {
        let file = file_name(name, "svg");
        assert!(file.len() <= 255 && !file.starts_with('.'), "{file}");
        assert!(!file.contains(['/', '\\', '\0']), "{file}");
        assert!(names.insert(file.clone()), "two charts are named {file}");
    }
    let mut charts: Vec<ChartOptions> = standard.into_iter().map(|(_, options)| options).collect();
    if let Some((first, _)) = graph.units().next() {
        charts.push(ChartOptions {
            root: Some(first),
            ..ChartOptions::new(View::OrgChart)
        });
        charts.push(ChartOptions {
            focus: Some(Focus {
                unit: first,
                radius: 2,
            }),
            ..ChartOptions::new(View::Full)
        });
    }
    for options in &charts {
        let chart = render::chart(&graph, options);
        let dot = to_dot(&graph, &chart);
        if let Err(error) = graphviz_rust::parse(&dot) {
            panic!("DOT that Graphviz's grammar refuses: {error}\n{dot}");
        }
        to_mermaid(&graph, &chart);
    }
});
