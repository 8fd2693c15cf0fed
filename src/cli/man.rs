//! `organigram man`: the manual pages, made from the command line's own definitions, so that
//! `man organigram-check` says what `organigram check --help` says.

use std::io::Write;
use std::path::Path;

use super::Failure;
use super::write::{self, Destination};

/// Prints the main page, or with `dir` writes it and one page per command and subcommand into
/// `dir` as one batch (every page or none), saying what it wrote.
pub(crate) fn run(
    mut command: clap::Command,
    dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    command.build();
    let Some(dir) = dir else {
        let page = page(&command)?;
        return Destination::Stdout
            .write(out, &page, &write::Read::default())
            .map_err(Failure::Usage);
    };
    let mut pages = Vec::new();
    collect(&command, &mut pages)?;
    write::write_batch(dir, &pages, &write::Read::default(), out)
}

/// The page of `command` and of each command under it, named after their path as clap's
/// `build` names them (`organigram-import-csv.1`), depth first; `help` is left out, as it has
/// no page of its own.
fn collect(command: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> Result<(), Failure> {
    let name = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name());
    pages.push((format!("{name}.1"), page(command)?));
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        collect(sub, pages)?;
    }
    Ok(())
}

/// One command's page in roff.
fn page(command: &clap::Command) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut bytes)?;
    Ok(bytes)
}
