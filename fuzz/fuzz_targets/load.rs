//! Loading any text as a description: reading, parsing, merging, resolving into a graph, and
//! rendering every diagnostic (text, and JSON in every language) never panics, and every
//! diagnostic's place lies within the file it names.
#![no_main]

use libfuzzer_sys::fuzz_target;
use organigram::Loader;
use organigram::diagnostic::render;
use organigram::model::Lang;

fuzz_target!(|text: &str| {
    let loaded = Loader::new()
        .text("fuzz.json", text)
        .load()
        .expect("no proposal to refuse");
    render::text_to_string(&loaded.files, loaded.diagnostics());
    for diagnostic in loaded.diagnostics() {
        for lang in Lang::ALL {
            serde_json::to_string(&render::json(&loaded.files, diagnostic, lang)).unwrap();
        }
    }
});
