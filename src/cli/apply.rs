//! `organigram apply --proposal FILE`: writes a proposal into the description's files as changes
//! of the day it takes effect, once `check --proposal` finds it brings no new error. Every file it
//! changes is written again whole, in the canonical form, all of them or none.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::check::Checked;
use super::print::{Format, write_json};
use super::write::atomic;
use super::{Failure, lang, print_problems};
use organigram::check::{Levels, Options};
use organigram::diagnostic::{Diagnostic, SourceMap};
use organigram::load::{Files, Input, Limits, load, read_bytes, unmerge};
use organigram::model::{DescriptionFile, FileId};
use organigram::{Dated, Loader, tr};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
}

/// One file `apply` or `new` writes.
pub(super) struct Rewrite {
    pub(super) file: FileId,
    pub(super) path: PathBuf,
    pub(super) text: String,
    /// Whether the file was in the canonical form before: if not, writing it again changes more
    /// than the proposal's changes.
    pub(super) was_canonical: bool,
}

/// Applies the proposal `loader` reads (`proposal`, its path, as given) to the description's
/// files: refused when the description is not read from files, when reading it finds errors,
/// when the proposal brings new errors or gives no effective date, and when what would be
/// written would not read back or cannot be written.
pub(crate) fn run(
    loader: Loader,
    proposal: Option<&Path>,
    limits: Limits,
    args: &Args,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = lang();
    let Some(proposal_path) = proposal else {
        return Err(Failure::Usage(tr!(lang, "apply-needs-proposal")));
    };
    let not_files = loader.inputs().iter().find_map(|input| match input {
        Input::Path(_) => None,
        Input::Stdin => Some("stdin"),
        _ => Some("builtin"),
    });
    if let Some(input) = not_files {
        return Err(Failure::Usage(tr!(lang, "apply-not-files", input = input)));
    }
    let checked = Checked::load(
        loader.date_proposal(),
        &Levels::default(),
        Options::default(),
        args.format,
    )?;
    let read_errors: Vec<&Diagnostic> = checked.read_errors().collect();
    if !read_errors.is_empty() {
        print_problems(&checked.files, &read_errors, args.format)?;
        if args.format == Format::Text {
            let errors = read_errors.len();
            errln!(
                "{}",
                tr!(lang, "cli-description-has-errors", errors = errors)
            );
        }
        return Err(Failure::Input);
    }
    let proposal_file = proposal_path.display().to_string();
    let new_errors: Vec<&Diagnostic> = checked
        .report
        .problems
        .iter()
        .filter(|p| p.new && p.diagnostic.is_error())
        .map(|p| &p.diagnostic)
        .collect();
    if !new_errors.is_empty() {
        print_problems(&checked.files, &new_errors, args.format)?;
        if args.format == Format::Text {
            errln!(
                "{}\n{}",
                tr!(lang, "apply-new-errors", n = new_errors.len()),
                tr!(lang, "apply-new-errors-hint", file = proposal_file.as_str())
            );
        }
        return Err(Failure::Findings);
    }
    let Some((files, proposal, dated)) = checked.into_written() else {
        return Err(Failure::Usage(tr!(
            lang,
            "apply-no-effective",
            file = proposal_file.as_str()
        )));
    };
    let (read, rewrites) = rewrites(&files, &dated)?;
    drop(dated);
    reads_back(&files, &read, &rewrites, limits, args.format)?;
    write(&files, &rewrites, limits, "apply")?;
    let effective = proposal
        .effective
        .as_ref()
        .map(|e| e.value.to_string())
        .unwrap_or_default();
    match args.format {
        Format::Json => write_json(
            out,
            &AppliedJson {
                proposal: ProposalJson {
                    file: &proposal_file,
                    title: &proposal.title,
                    effective: &effective,
                },
                written: rewrites
                    .iter()
                    .map(|r| WrittenJson {
                        file: r.path.display().to_string(),
                        was_canonical: r.was_canonical,
                    })
                    .collect(),
            },
        )?,
        Format::Text => {
            writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "apply-title",
                    title = &proposal.title,
                    file = proposal_file.as_str(),
                    effective = effective.as_str()
                )
            )?;
            if rewrites.is_empty() {
                writeln!(out, "  {}", tr!(lang, "apply-nothing"))?;
            }
            for rewrite in &rewrites {
                let path = rewrite.path.display().to_string();
                let line = if rewrite.was_canonical {
                    tr!(lang, "apply-wrote", path = path)
                } else {
                    tr!(lang, "apply-wrote-canonical", path = path)
                };
                writeln!(out, "  {line}")?;
            }
        }
    }
    Ok(())
}

/// The description's files, and those the dated proposal changes, each with its text in
/// canonical form.
fn rewrites(files: &Files, dated: &Dated) -> Result<(Vec<FileId>, Vec<Rewrite>), Failure> {
    let before = unmerge(&dated.before, files);
    let after = unmerge(&dated.description, files);
    let canonical = |doc: &DescriptionFile| doc.to_json().map_err(io::Error::from);
    let mut rewrites = Vec::new();
    for ((file, old), (_, new)) in before.iter().zip(&after) {
        if old == new {
            continue;
        }
        let (old, text) = (canonical(old)?, canonical(new)?);
        if old != text {
            rewrites.push(Rewrite {
                file: *file,
                path: files.name(*file).to_owned(),
                was_canonical: files.text(*file) == old,
                text,
            });
        }
    }
    Ok((before.into_iter().map(|(file, _)| file).collect(), rewrites))
}

/// Refuses to write a description that would not read back whole: one that holds what its format
/// cannot say. The description read is the files `read` in `files`, those of `rewrites` as they
/// would be written; its errors are printed in `format`, each at its place in the text that would be
/// written.
fn reads_back(
    files: &Files,
    read: &[FileId],
    rewrites: &[Rewrite],
    limits: Limits,
    format: Format,
) -> Result<(), Failure> {
    let inputs: Vec<Input> = read
        .iter()
        .map(|file| {
            let text = match rewrites.iter().find(|r| r.file == *file) {
                Some(rewrite) => rewrite.text.clone(),
                None => files.text(*file).to_owned(),
            };
            Input::Text {
                name: files.name(*file).to_owned(),
                text,
            }
        })
        .collect();
    let read = load(&inputs, limits);
    let errors: Vec<&Diagnostic> = read.diagnostics.iter().filter(|d| d.is_error()).collect();
    if errors.is_empty() {
        return Ok(());
    }
    print_problems(&read.files, &errors, format)?;
    if format == Format::Text {
        errln!("{}", tr!(lang(), "apply-would-not-read", n = errors.len()));
    }
    Err(Failure::Findings)
}

/// Writes every file, all or none ([`atomic::write_all`]), holding a lock on each of their
/// folders meanwhile; refused, before anything is written, when a file no longer holds the text
/// that was read (`files`): another run or an editor changed it since, and writing would lose
/// what they wrote, and `command` should run again.
pub(super) fn write(
    files: &Files,
    rewrites: &[Rewrite],
    limits: Limits,
    command: &str,
) -> Result<(), Failure> {
    let mut folders: Vec<&Path> = rewrites
        .iter()
        .map(|r| match r.path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        })
        .collect();
    folders.sort();
    folders.dedup();
    let failed = |error: atomic::Error| {
        Failure::Usage(tr!(lang(), "apply-not-written", error = error.to_string()))
    };
    let _locks = folders
        .into_iter()
        .map(atomic::lock)
        .collect::<Result<Vec<_>, _>>()
        .map_err(failed)?;
    for rewrite in rewrites {
        let read = files.text(rewrite.file).as_bytes();
        let now = read_bytes(&rewrite.path, limits).ok();
        if read.is_empty() || now.as_deref() != Some(read) {
            return Err(Failure::Usage(tr!(
                lang(),
                "apply-changed-since-read",
                path = rewrite.path.display().to_string(),
                command = command
            )));
        }
    }
    atomic::write_all(rewrites.iter().map(|r| (&r.path, r.text.as_bytes()))).map_err(failed)
}

#[derive(Serialize)]
struct AppliedJson<'a> {
    proposal: ProposalJson<'a>,
    /// The files written, in the order read.
    written: Vec<WrittenJson>,
}

#[derive(Serialize)]
struct ProposalJson<'a> {
    file: &'a str,
    title: &'a str,
    effective: &'a str,
}

#[derive(Serialize)]
struct WrittenJson {
    file: String,
    /// Whether the file was in the canonical form before: if not, its diff shows more than the
    /// proposal's changes.
    was_canonical: bool,
}
