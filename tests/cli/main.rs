//! The integration tests, in one binary: the command line run as a user runs it (the real
//! binary, what it prints and its exit code), and the library through its public API (the
//! built-in description's facts, proposals, properties of generated descriptions). One module
//! per concern; the tests that snapshot every fixture of a folder are in `tests/glob/`.

/// What the tests share ([`organigram_test_support`]), and the binary they run.
mod support {
    use std::ffi::OsStr;

    pub(crate) use organigram_test_support::*;

    /// Starts a run of the `organigram` binary with `args`, from the project's root. Graphviz
    /// is required first: whatever a run draws, Graphviz's real `dot` draws, never the built-in
    /// layout for want of it (the tests of that layout hide `dot` from the run's `PATH`).
    pub(crate) fn organigram<I, S>(args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        graphviz::require();
        Run::new(env!("CARGO_BIN_EXE_organigram"), args)
    }

    /// `import csv` of `units.csv` (columns `code`, `parent`, `label`) into `out/`.
    pub(crate) const IMPORT_UNITS_CSV: [&str; 11] = [
        "import",
        "csv",
        "units.csv",
        "--id",
        "code",
        "--parent",
        "parent",
        "--name",
        "label",
        "-o",
        "out",
    ];
}

mod strategies;

mod apply;
mod as_of;
mod as_proposal;
mod basics;
mod bounded;
mod browser;
mod builtin;
mod check;
mod determinism;
mod export;
mod fmt;
mod history;
mod hostile;
mod html;
mod import;
mod lang;
mod lsp;
mod man;
mod manual;
mod new;
mod output;
mod properties;
mod proposal;
mod queries;
mod reading;
mod render;
mod schema;
mod with_errors;
