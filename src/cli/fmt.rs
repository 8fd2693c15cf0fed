//! `organigram fmt [PATH...]`: writes description and proposal files again in organigram's
//! canonical form ([`organigram::model::canonical_json`]), the form `import`, `apply` and `new`
//! write; `--check` writes nothing and fails when a file is not in it, for CI.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::print::Format;
use super::write::atomic;
use super::{Failure, lang, print_problems};
use organigram::diagnostic::Diagnostic;
use organigram::diagnostic::SourceMap;
use organigram::edit::{STDIN, format_file};
use organigram::load::{Files, Limits, json_files, read_bytes};
use organigram::tr;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Files, or folders (their .json files, not their sub-folders, as the description loader
    /// reads them), of descriptions or proposals, each told by its content; `-` reads standard
    /// input and writes it formatted to standard output [default: the files of the description
    /// --org names (./org by default), and the proposal of --proposal].
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Write nothing: list the files that are not in canonical form, each with the first line
    /// that formatting changes, and exit with 1 if there is one.
    #[arg(long)]
    check: bool,
}

/// What became of the files.
#[derive(Default)]
struct Tally {
    /// Files not in canonical form (written again, unless checking).
    changed: usize,
    /// Files that could not be read whole, or written.
    failed: usize,
}

/// Formats the files of `paths` (each file, and the `.json` files of each folder, each once),
/// or with `--check` lists those not in canonical form. A file that cannot be read whole is
/// reported, located, and left as it is, and the others are formatted all the same; the run then
/// fails with exit code 2.
pub(crate) fn run(
    paths: &[PathBuf],
    args: &Args,
    limits: Limits,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut tally = Tally::default();
    for path in files_of(paths) {
        // One file table a file, so that no more than one file's text is kept at a time.
        let mut files = Files::default();
        let (file, formatted) = match format_file(&path, limits, &mut files) {
            Ok(done) => done,
            Err(problems) => {
                let problems: Vec<&Diagnostic> = problems.iter().collect();
                print_problems(&files, &problems, Format::Text)?;
                tally.failed += 1;
                continue;
            }
        };
        let read = files.text(file);
        let stdin = path == Path::new(STDIN);
        if stdin && !args.check {
            // Standard input is written to standard output, as an editor formatting a buffer
            // wants it, whether it changed or not.
            out.write_all(formatted.text.as_bytes())?;
            continue;
        }
        if formatted.text == read {
            continue;
        }
        tally.changed += 1;
        let shown = files.name(file).display().to_string();
        if args.check {
            let (line, before, after) = first_difference(read, &formatted.text);
            let end = || tr!(lang(), "fmt-end-of-file");
            writeln!(
                out,
                "{}\n  - {}\n  + {}",
                tr!(
                    lang(),
                    "fmt-not-canonical",
                    path = shown.as_str(),
                    line = line
                ),
                before.unwrap_or_else(end),
                after.unwrap_or_else(end)
            )?;
            continue;
        }
        match write(&path, read, &formatted.text, limits) {
            Ok(()) => writeln!(out, "{}", tr!(lang(), "fmt-wrote", path = shown))?,
            Err(message) => {
                errln!("{}", tr!(lang(), "cli-error", message = message));
                tally.failed += 1;
            }
        }
    }
    out.flush()?;
    if tally.failed > 0 {
        errln!("{}", tr!(lang(), "fmt-failed", n = tally.failed));
        Err(Failure::Input)
    } else if args.check && tally.changed > 0 {
        errln!("{}", tr!(lang(), "fmt-check-failed", n = tally.changed));
        Err(Failure::Findings)
    } else {
        Ok(())
    }
}

/// Each path that is a file, and the `.json` files of each folder ([`json_files`]), in the order
/// given, each file once; a path that cannot be listed is kept, for reading it to report why.
fn files_of(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    paths
        .iter()
        .flat_map(|path| json_files(path).unwrap_or_else(|_| vec![path.clone()]))
        .filter(|path| seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())))
        .collect()
}

/// The number of the first line where `before` and `after` differ, and that line in each, as
/// shown: a carriage return as `\r`, and no line, past the end of a text, as `None`.
fn first_difference(before: &str, after: &str) -> (usize, Option<String>, Option<String>) {
    let shown = |line: &str| line.replace('\r', "\\r");
    let (mut old, mut new) = (before.split('\n'), after.split('\n'));
    let mut number = 1;
    loop {
        match (old.next(), new.next()) {
            (Some(a), Some(b)) if a == b => number += 1,
            (a, b) => return (number, a.map(shown), b.map(shown)),
        }
    }
}

/// Writes `text` over the file at `path` ([`atomic::write`]: whole, keeping its permissions,
/// never through a link or over what is not a regular file), unless the file no longer holds
/// `read`, the text formatted: another program changed it since, and writing would lose what it
/// wrote.
fn write(path: &Path, read: &str, text: &str, limits: Limits) -> Result<(), String> {
    let now = read_bytes(path, limits).ok();
    if now.as_deref() != Some(read.as_bytes()) {
        return Err(tr!(
            lang(),
            "fmt-changed-since-read",
            path = path.display().to_string()
        ));
    }
    atomic::write(path, text.as_bytes()).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn the_first_difference_is_numbered_from_one_and_reaches_past_the_end() {
        let some = |line: &str| Some(line.to_owned());
        assert_eq!(
            first_difference("a\nb\nc\n", "a\nB\nc\n"),
            (2, some("b"), some("B"))
        );
        assert_eq!(
            first_difference("a\r\n", "a\n"),
            (1, some("a\\r"), some("a"))
        );
        // A missing final newline: the text written has one more, empty, line.
        assert_eq!(first_difference("a\n}", "a\n}\n"), (3, None, some("")));
    }
}
