//! The tests that snapshot every fixture of a folder with insta's `glob!`, in a binary of their
//! own and one at a time: while a `glob!` runs, insta counts a snapshot that fails anywhere in
//! the process, in any thread, as one of its own (and the test it failed in passes), so a
//! `glob!` must not run beside any other snapshot test.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// What the tests share ([`organigram_test_support`]), and the binary they run.
mod support {
    use std::ffi::OsStr;

    pub(crate) use organigram_test_support::*;

    /// Starts a run of the `organigram` binary with `args`, from the project's root.
    pub(crate) fn organigram<I, S>(args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        Run::new(env!("CARGO_BIN_EXE_organigram"), args)
    }
}

mod check_rules;
mod invalid_inputs;
mod proposal_errors;

/// Held by each test for its whole run, so that no two `glob!` run at once.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    // A test that failed holding it says so itself; the next one may run.
    LOCK.lock().unwrap_or_else(PoisonError::into_inner)
}
