//! The integration tests, in one binary: the command line run as a user runs it (the real
//! binary, what it prints and its exit code), and the library through its public API (the
//! built-in description's facts, proposals, properties of generated descriptions). One module
//! per concern; the tests that snapshot every fixture of a folder are in `tests/glob/`.

#[path = "../support/mod.rs"]
mod support;

mod strategies;

mod basics;
mod builtin;
mod check;
mod determinism;
mod export;
mod hostile;
mod import;
mod properties;
mod proposal;
mod queries;
mod readme;
mod render;
mod schema;
