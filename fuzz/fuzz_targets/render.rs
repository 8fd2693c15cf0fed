//! Charting any description: every standard chart, and a subtree and a neighbourhood of its
//! first unit, gives DOT that Graphviz's grammar accepts, and Mermaid, without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::Loader;
use organigram::render::{self, ChartOptions, Focus, View, to_dot, to_mermaid};

fuzz_target!(|text: &str| {
    let graph = Loader::new()
        .text("fuzz.json", text)
        .load()
        .expect("no proposal to refuse")
        .structure
        .graph;
    let mut charts: Vec<ChartOptions> = render::standard_charts(&graph)
        .into_iter()
        .map(|(_, options)| options)
        .collect();
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
