//! Checking any text as a description runs every rule without a panic, and the report renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::check::{self, Levels, Options};
use organigram::diagnostic::render;
use organigram::{Loader, Workspace};

fuzz_target!(|text: &str| {
    let Workspace {
        files,
        read,
        structure,
        ..
    } = Loader::new()
        .text("fuzz.json", text)
        .load()
        .expect("no proposal to refuse");
    // Building the graph finds problems too; the rules find the rest, as `organigram check` runs.
    let mut problems = structure.diagnostics;
    problems.extend(check::check(&structure.graph, &Options { max_span: 3 }));
    let report = check::report(read, None, problems, &Levels::default());
    let diagnostics: Vec<_> = report.problems.into_iter().map(|p| p.diagnostic).collect();
    render::text_to_string(&files, &diagnostics);
});
