//! Checking any text as a description runs every rule without a panic, and the report renders.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::check::{self, Levels, Options};
use organigram::diagnostic::render;
use organigram::load::{Input, Limits, load};

fuzz_target!(|text: &str| {
    let input = Input::Text {
        name: "fuzz.json".into(),
        text: text.to_owned(),
    };
    let loaded = load(&[input], &Limits::default());
    let checked = check::check(loaded.description, &Options { max_span: 3 });
    let report = check::report(loaded.diagnostics, None, checked.diagnostics, &Levels::default());
    let diagnostics: Vec<_> = report.problems.into_iter().map(|p| p.diagnostic).collect();
    render::text_to_string(&loaded.files, &diagnostics);
});
