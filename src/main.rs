//! The `organigram` command: everything is in the library.

use std::process::ExitCode;

/// Hierarchies and JSON nest as deep as their authors make them, and walking or printing a nested
/// value recurses; a generous stack (reserved, not committed, until used) keeps a hostile
/// description from overflowing it.
const STACK_SIZE: usize = 1 << 30;

fn main() -> ExitCode {
    let worker = std::thread::Builder::new()
        .name("organigram".into())
        .stack_size(STACK_SIZE)
        .spawn(|| organigram::cli::run(std::env::args_os()));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => ExitCode::from(101),
        Err(error) => {
            eprintln!("error: cannot start: {error}");
            ExitCode::from(2)
        }
    }
}
