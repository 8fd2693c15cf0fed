//! Loading any text as a description: reading, parsing, merging, resolving into a graph, and
//! rendering every diagnostic (text and JSON) never panics, and every diagnostic's place lies
//! within the file it names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::diagnostic::render;
use organigram::load::{Input, Limits, load_graph};

fuzz_target!(|text: &str| {
    let input = Input::Text {
        name: "fuzz.json".into(),
        text: text.to_owned(),
    };
    let loaded = load_graph(&[input], &Limits::default());
    render::text_to_string(&loaded.files, &loaded.diagnostics);
    for diagnostic in &loaded.diagnostics {
        serde_json::to_string(&render::json(&loaded.files, diagnostic)).unwrap();
    }
});
