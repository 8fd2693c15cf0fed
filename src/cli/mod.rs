//! The command line: argument types, running a command, printing its result as text or JSON,
//! and writing files. It reads descriptions through the library's front door ([`Loader`]), and
//! everything else it does is the library's too.

/// `eprintln!` that cannot panic: standard error may be a closed pipe too
/// (`organigram check 2>&1 | head -1`), and a message that cannot be shown is no reason to crash.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// `eprint!` that cannot panic, as [`errln!`].
macro_rules! err {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($arg)*);
    }};
}

mod apply;
mod chain;
mod check;
mod diff;
mod export;
mod find;
mod fmt;
mod generate;
mod history;
mod import;
mod man;
mod new;
mod partners;
mod path;
mod print;
mod render;
mod show;
mod stats;
mod subordinates;
mod superior;
mod term;
mod write;

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{CommandFactory, Parser, Subcommand};

use organigram::diagnostic::{Code, Diagnostic, SourceMap, render as diagnostics};
use organigram::graph::{OrgGraph, UnitIx};
use organigram::load::{Input, Limits};
use organigram::model::{Date, Lang, OrganisationIndex, Unit};
use organigram::query::LookupError;
use organigram::time::Gone;
use organigram::{Loader, Refused, Workspace, tr};
use print::Format;

/// Model the governance of public organisations as a typed graph: who reports to whom, who works
/// with whom, and what a reorganisation breaks.
#[derive(Debug, Parser)]
#[command(name = "organigram", version, about, long_about = None)]
pub(crate) struct Cli {
    /// A description to read: a folder of .json files, one file, or `-` for standard input.
    /// Repeat to combine several. Default: ./org when it is a folder; with no ./org, the
    /// description built into organigram.
    #[arg(long, global = true, value_name = "PATH")]
    org: Vec<PathBuf>,

    /// The largest description file read, in bytes (at most 4294967295, 4 GiB) [default:
    /// 268435456, 256 MiB].
    #[arg(long, global = true, value_name = "BYTES", value_parser = parse_file_size)]
    max_file_size: Option<u32>,

    /// Follow symbolic links wherever they lead; by default a link is followed only to a file of
    /// its own folder, so that a description cannot make organigram show other files.
    #[arg(long, global = true)]
    follow_links: bool,

    /// The deepest JSON nesting accepted [default: 128].
    #[arg(long, global = true, value_name = "LEVELS")]
    max_depth: Option<u32>,

    /// Work on the structure in force on this date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a partial
    /// date standing for its first day. What has ended by then, or not begun, is left out
    /// [default: today].
    #[arg(long, global = true, value_name = "DATE", value_parser = Date::parse)]
    as_of: Option<Date>,

    /// Work on the structure as this proposal (a JSON file of changes) would make it.
    #[arg(long, global = true, value_name = "FILE")]
    proposal: Option<PathBuf>,

    /// The language of text output, messages and charts: `en` or `fr` [default: the language of
    /// `LC_ALL`, `LC_MESSAGES` or `LANG`, the first one set; English unless it is French]. JSON keys
    /// and kind names stay English.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Everything about a unit: names, kind, attributes, parents, children, every tie in and out.
    Show(show::Args),
    /// Units whose id, acronym, name or alias matches a text, best first.
    Find(find::Args),
    /// The chain of command from a unit to the top, every branch, each step with its tie.
    Chain(chain::Args),
    /// The units and posts under a unit, as a tree, with counts and vacant posts.
    Subordinates(subordinates::Args),
    /// The lowest common superior(s) of two units, with the way up from each.
    Superior(superior::Args),
    /// The shortest connection between two units, over every tie or the kinds chosen.
    Path(path::Args),
    /// Every non-hierarchical tie of a unit, in and out, grouped by kind.
    Partners(partners::Args),
    /// Organisation-design figures: units by kind, layers, span of control, headcounts, vacancies.
    Stats(stats::Args),
    /// A unit's life, one event a line: creation, renamings, moves, heads, dissolution,
    /// successions, each with its date and source. It reads every date of the description, and
    /// finds the unit among the units of every date: `--as-of` does not apply.
    History(history::Args),
    /// Draw an org chart: DOT, SVG, PNG, PDF, Mermaid or an interactive HTML page, of a view, a
    /// subtree or a neighbourhood.
    Render(render::Args),
    /// Write a synthetic description of up to two million units (for benchmarks and tests).
    Generate(generate::Args),
    /// Import a register or an export (GOV.UK's organisations, a CSV file) as a description.
    Import(import::Args),
    /// Export the whole graph: node-link JSON, GraphML, or the W3C Organization Ontology as
    /// JSON-LD or Turtle; or its hierarchy as the CSV table `import csv` reads back.
    Export(export::Args),
    /// Every problem of the structure, or of the structure a proposal makes, with its code.
    Check(check::Args),
    /// What changed from one description to another, or in one between two days (`--from`,
    /// `--to`): units and ties added, removed, changed; units replaced, merged, split.
    Diff(diff::Args),
    /// Write a proposal into the description's files, as changes of the day it takes effect.
    ///
    /// The proposal (`--proposal FILE`) must give that day (`effective`), and `check --proposal`
    /// must find no new error in it. Its changes are dated rather than made: a removed, merged or
    /// split unit is closed (`valid_until`), an ended tie gets `valid_until` and a new one
    /// `valid_from`, a rename or a change of kind is written in the unit's past (`was`), and a
    /// merge or a split adds `succession` ties, so that the structure of every earlier day is
    /// kept. New units are written in their organisation's file, new ties in the file of the unit
    /// they read from.
    ///
    /// Each file the proposal changes is written again whole in organigram's canonical form (as
    /// `import` writes files): a file that was not in it is rewritten in it, and the output says
    /// so. Every file is written, or none: nothing is written if one cannot be, or if one changed
    /// since it was read. Only files read from a folder or named with --org are written, never
    /// through a symbolic link.
    Apply(apply::Args),
    /// Write description and proposal files again in organigram's canonical form, the one
    /// `import`, `apply` and `new` write; with --check, write nothing and fail if one is not in it.
    ///
    /// The canonical form: two-space JSON, one field a line, the fields in the order of the
    /// format (that of the schema), those at their defaults left out, each unit, tie, source and
    /// change an object on its own lines, kind names in English, text as written (no `\u`
    /// escapes), a final newline. It changes nothing a file means: what is written is read back
    /// and compared before anything is written. Only files whose bytes change are written, each
    /// whole, keeping its permissions, never through a symbolic link or over what is not a
    /// regular file. A file that cannot be read is reported and left alone, and the others are
    /// formatted all the same (exit code 2).
    Fmt(fmt::Args),
    /// Add a unit or a tie to the description's files, citing its source, checked first.
    ///
    /// `new unit` adds a unit and its tie to its parent to the file that declares the parent;
    /// `new tie` adds a tie to the file that declares its `from` unit; --file names another file
    /// of the description. Kinds are read in English or French. The description with the
    /// addition is checked first: nothing is written when it has an error the description has
    /// not (exit code 1), or when a kind, a unit or a source is unknown (exit code 2, with the
    /// nearest names). Every fact points back to its source: --source is required, and names a
    /// declared source, or a new one declared with --source-title. The file is written again
    /// whole in the canonical form `fmt` writes, atomically, never through a symbolic link.
    New(Box<new::Args>),
    /// Print the JSON Schema of description files, or of proposal files.
    Schema {
        #[arg(value_enum, default_value_t)]
        of: SchemaOf,
    },
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page of organigram (roff, for `man -l -`); with -o DIR, write it and a
    /// page for each command (organigram-check.1, organigram-import-csv.1…) into DIR.
    Man {
        /// Write every page into this folder instead of printing the main one.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Serve an editor over standard input and output (the Language Server Protocol): check's
    /// problems as you type, go to a unit, its references, hover, completion, rename. The
    /// description is the workspace's `org/` folder, or the one folder `--org` names.
    Lsp,
}

/// Which files `schema` describes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
enum SchemaOf {
    /// Description files.
    #[default]
    Description,
    /// Proposal files.
    Proposal,
}

/// Why a command failed; each maps to an exit code.
#[derive(Debug)]
enum Failure {
    /// The description has errors (already printed).
    Input,
    /// A unit argument names no single unit.
    Lookup(String),
    /// The arguments ask for something that cannot be done; the message says why.
    Usage(String),
    /// What the command looks for is there, and printed: errors for `check`, differences for
    /// `diff --exit-code`.
    Findings,
    /// Writing the output failed.
    Io(io::Error),
}

/// Standard output that, once its reader has gone (`organigram check | head -1`), takes and drops
/// what is written instead of failing, so that the command still ends with its verdict: a CI job
/// running `set -o pipefail` must not pass on a broken structure because `head` stopped reading.
struct Closable<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Closable<W> {
    fn new(inner: W) -> Closable<W> {
        Closable {
            inner,
            closed: false,
        }
    }

    /// `result`, or what it would have been had the reader stayed, once it has gone.
    fn unless_closed<T>(&mut self, result: io::Result<T>, otherwise: T) -> io::Result<T> {
        match result {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(otherwise)
            }
            result => result,
        }
    }
}

impl<W: Write> Write for Closable<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(bytes.len());
        }
        let written = self.inner.write(bytes);
        self.unless_closed(written, bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.inner.flush();
        self.unless_closed(flushed, ())
    }
}

/// What a command that reads no description as others do reads instead, for the message that
/// refuses an option it does not use.
#[derive(Clone, Copy)]
enum Reads {
    /// `diff`: the two descriptions it is given.
    TwoDescriptions,
    /// `import`: the register or CSV file it is given.
    Import,
    /// `history`: the description at every date.
    WholeTimeline,
    /// `diff --from`: the structures in force on two days.
    TwoDates,
    /// `apply`: the description on the day the proposal takes effect.
    Apply,
    /// `fmt` with paths: the files it is given.
    Files,
    /// `new`: the description's files as they are, at no date.
    Edit,
    /// `lsp`: the workspace's description and every proposal in its `proposals/` folder.
    Workspace,
    /// `generate`, `schema`, `completions`, `check --explain`.
    Nothing,
}

impl Reads {
    /// The name Fluent selects the message's wording on.
    const fn as_str(self) -> &'static str {
        match self {
            Reads::TwoDescriptions => "two-descriptions",
            Reads::Import => "import",
            Reads::WholeTimeline => "whole-timeline",
            Reads::TwoDates => "two-dates",
            Reads::Apply => "apply",
            Reads::Files => "files",
            Reads::Edit => "edit",
            Reads::Workspace => "workspace",
            Reads::Nothing => "nothing",
        }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::Io(error)
    }
}

/// The language of this run's text output, set once from `--lang` or the environment, before
/// the command runs: every printer reads it rather than have it passed down to each line.
static LANG: OnceLock<Lang> = OnceLock::new();

/// The language of this run's text output ([`LANG`]); English until it is set.
pub(crate) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// A `--lang`: one of the languages organigram speaks, by its code.
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::ALL
        .into_iter()
        .find(|lang| lang.as_str() == text)
        .ok_or_else(|| format!("{text:?} is not a language organigram speaks: `en` or `fr`"))
}

/// The language the environment asks for, the POSIX way: the first of `LC_ALL`, `LC_MESSAGES`
/// and `LANG` that is set and not empty names it; French if it is French, English otherwise.
/// `var` reads a variable (`std::env::var_os`).
fn environment_lang(var: impl Fn(&str) -> Option<OsString>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .and_then(|value| value.to_str().and_then(Lang::from_locale))
        .unwrap_or_default()
}

/// Runs organigram with these arguments and returns the process exit code: 0 success, 1 the
/// structure has errors, 2 usage or input errors.
pub(crate) fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let _ = LANG.set(
        cli.lang
            .unwrap_or_else(|| environment_lang(|name| std::env::var_os(name))),
    );
    // The language server writes standard output from a thread of its own: it must not be
    // locked here.
    if matches!(cli.command, Command::Lsp) {
        return exit_code(cli.refuse_unused_options().and_then(|()| cli.serve()));
    }
    let stdout = io::stdout();
    let mut out = Closable::new(io::BufWriter::new(stdout.lock()));
    let result = cli
        .execute(&mut out)
        .and_then(|()| out.flush().map_err(Failure::Io));
    exit_code(result)
}

/// The exit code of a run's outcome, after saying on standard error what went wrong.
fn exit_code(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Io(error)) => {
            let error = error.to_string();
            errln!("{}", tr!(lang(), "cli-cannot-write", error = error));
            ExitCode::from(2)
        }
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::Input) => ExitCode::from(2),
        Err(Failure::Usage(message)) => {
            errln!("{}", tr!(lang(), "cli-error", message = message));
            ExitCode::from(2)
        }
        Err(Failure::Lookup(message)) => {
            err!("{message}");
            ExitCode::from(2)
        }
    }
}

impl Cli {
    fn execute(self, out: &mut dyn Write) -> Result<(), Failure> {
        self.refuse_unused_options()?;
        match &self.command {
            Command::Show(args) => {
                let at = |day: Option<Date>| {
                    let loader = self.loader()?;
                    let loader = match day {
                        Some(day) => loader.as_of(day),
                        None => loader.whole_timeline(),
                    };
                    accept(loader, args.format, args.on_errors.again())
                };
                show::run(
                    &self.workspace(args.format, args.on_errors)?,
                    args,
                    out,
                    &at,
                )
            }
            Command::Find(args) => {
                find::run(&self.workspace(args.format, args.on_errors)?, args, out)
            }
            Command::Chain(args) => {
                chain::run(&self.workspace(args.format, args.on_errors)?, args, out)
            }
            Command::Subordinates(args) => {
                subordinates::run(&self.workspace(args.format, args.on_errors)?, args, out)
            }
            Command::Superior(args) => {
                superior::run(&self.workspace(args.format, args.on_errors)?, args, out)
            }
            Command::Path(args) => {
                path::run(&self.workspace(args.format, args.on_errors)?, args, out)
            }
            Command::Partners(args) => {
                partners::run(&self.workspace(args.format, args.on_errors)?, args, out)
            }
            Command::Stats(args) => {
                stats::run(&self.workspace(args.format, args.on_errors)?, args, out)
            }
            Command::History(args) => {
                let whole = accept(
                    self.loader()?.whole_timeline(),
                    args.format,
                    args.on_errors.lenience(),
                )?;
                history::run(&whole, args, out)
            }
            Command::Render(args) => {
                render::run(&self.workspace(Format::Text, args.on_errors)?, args, out)
            }
            Command::Generate(args) => generate::run(args, out),
            Command::Import(args) => import::run(args, self.limits(), out),
            Command::Export(args) => {
                let loader = self.loader()?;
                let loader = match (args.all_dates(), self.as_of) {
                    (false, _) => loader,
                    (true, None) => loader.whole_timeline(),
                    (true, Some(_)) => {
                        return Err(Failure::Usage(tr!(lang(), "export-all-dates-as-of")));
                    }
                };
                export::run(
                    &accept(loader, Format::Text, args.on_errors.lenience())?,
                    args,
                    out,
                )
            }
            Command::Check(args) => check::run(self.loader()?, args, out),
            Command::Apply(args) => apply::run(
                self.loader()?,
                self.proposal.as_deref(),
                self.limits(),
                args,
                out,
            ),
            Command::Diff(args) => {
                let (before, after) = self.diff_loaders(args)?;
                // Two descriptions are named in their warnings; one read on two days warns once.
                let name = |path: &Option<PathBuf>| {
                    path.as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                };
                let (before_name, after_name) = (name(&args.before), name(&args.after));
                let (on_before, on_after) = match (&args.before, &args.after) {
                    (Some(_), Some(_)) => (
                        args.on_errors.named(&before_name),
                        args.on_errors.named(&after_name),
                    ),
                    _ => (args.on_errors.again(), args.on_errors.lenience()),
                };
                let after = accept(after, args.format, on_after)?;
                // A proposal's effective date may set the day of the structure it makes: the
                // one before it is read as of that day too.
                let before = match (args.from, after.absent.day()) {
                    (None, Some(day)) => before.as_of(day),
                    _ => before,
                };
                let before = accept(before, args.format, on_before)?;
                diff::run(&before, &after, args, out)
            }
            Command::New(args) => new::run(&self.description()?, today(), self.limits(), args, out),
            Command::Fmt(args) => fmt::run(&self.fmt_paths(args)?, args, self.limits(), out),
            Command::Schema { of } => {
                let schema = match of {
                    SchemaOf::Description => organigram::model::DescriptionFile::json_schema(),
                    SchemaOf::Proposal => organigram::proposal::ProposalFile::json_schema(),
                };
                serde_json::to_writer_pretty(&mut *out, &schema).map_err(io::Error::from)?;
                writeln!(out)?;
                Ok(())
            }
            Command::Completions { shell } => {
                clap_complete::generate(*shell, &mut Cli::command(), "organigram", out);
                Ok(())
            }
            Command::Man { output } => man::run(Cli::command(), output.as_deref(), out),
            // Served by `run`, before standard output is locked.
            Command::Lsp => self.serve(),
        }
    }

    /// Serves an editor on standard input and output until it asks the server to exit.
    fn serve(&self) -> Result<(), Failure> {
        let description = match self.org.as_slice() {
            [] => None,
            [folder] => Some(folder.clone()),
            _ => return Err(Failure::Usage(tr!(lang(), "lsp-one-org"))),
        };
        let options = organigram::lsp::Options {
            description,
            lang: self.lang,
            today: self.as_of.unwrap_or_else(today),
            limits: self.limits(),
        };
        organigram::lsp::stdio(&options)
            .map_err(|error| Failure::Usage(tr!(lang(), "lsp-failed", error = error.to_string())))
    }

    /// What the command reads: the description given by `--org` (by default `./org` when it
    /// exists, otherwise the built-in one, which a note says), within the limits, as the proposal
    /// makes it, cut to the day of `--as-of` (today by default).
    fn loader(&self) -> Result<Loader, Failure> {
        let mut loader = self.description()?;
        if let Some(proposal) = &self.proposal {
            loader = loader.proposal(proposal);
        }
        Ok(self.dated(loader))
    }

    /// The description given by `--org` (by default `./org` when it exists, otherwise the
    /// built-in one, which a note says), within the limits, with no proposal and no day. A
    /// `./org` that is not a folder (a file, a broken link) is an error, not a reason to read
    /// another description.
    fn description(&self) -> Result<Loader, Failure> {
        let mut loader = Loader::new().limits(self.limits());
        if self.org.is_empty() {
            let default = Path::new("org");
            loader = match (
                std::fs::symlink_metadata(default),
                std::fs::metadata(default),
            ) {
                (Err(error), _) if error.kind() == io::ErrorKind::NotFound => {
                    errln!("{}", tr!(lang(), "cli-builtin-note"));
                    loader.builtin()
                }
                (_, Ok(metadata)) if metadata.is_dir() => loader.path(default),
                (Ok(_), Err(_)) => {
                    return Err(Failure::Usage(tr!(lang(), "cli-default-org-broken-link")));
                }
                _ => return Err(Failure::Usage(tr!(lang(), "cli-default-org-not-a-folder"))),
            };
        }
        for path in &self.org {
            loader = match path.to_str() {
                Some("-") => loader.stdin(),
                _ => loader.path(path),
            };
        }
        Ok(loader)
    }

    /// What `fmt` formats: the paths it is given, or else the files of the description (as
    /// [`Cli::description`] finds it, refused when it is the built-in one, compiled into
    /// organigram, or standard input) and the proposal of `--proposal`.
    fn fmt_paths(&self, args: &fmt::Args) -> Result<Vec<PathBuf>, Failure> {
        if !args.paths.is_empty() {
            return Ok(args.paths.clone());
        }
        if self.org.is_empty() && std::fs::symlink_metadata("org").is_err() {
            return Err(Failure::Usage(tr!(lang(), "fmt-builtin")));
        }
        let mut paths = Vec::new();
        for input in self.description()?.inputs() {
            match input {
                Input::Path(path) => paths.push(path.clone()),
                _ => return Err(Failure::Usage(tr!(lang(), "fmt-stdin"))),
            }
        }
        paths.extend(self.proposal.clone());
        Ok(paths)
    }

    /// What `diff` compares: the two descriptions it is given, each cut to the day of
    /// `--as-of` (today by default), the proposal applied to the later one; with `--from`, the
    /// descriptions it is given (one for both, or the one of `--org` when none is) cut to the
    /// day of `--from` and to that of `--to` (today by default).
    fn diff_loaders(&self, args: &diff::Args) -> Result<(Loader, Loader), Failure> {
        let path = |path: &Path| Loader::new().path(path).limits(self.limits());
        let (before, after) = match (&args.before, &args.after) {
            (Some(before), Some(after)) => (path(before), path(after)),
            (Some(both), None) => (path(both), path(both)),
            // Without a path, clap asks for `--from`.
            (None, _) => {
                let description = self.description()?;
                if description
                    .inputs()
                    .iter()
                    .any(|input| matches!(input, Input::Stdin))
                {
                    return Err(Failure::Usage(format!(
                        "{}\n{}",
                        tr!(lang(), "cli-diff-stdin-twice"),
                        tr!(lang(), "cli-diff-stdin-twice-hint")
                    )));
                }
                (description.clone(), description)
            }
        };
        let after = match &self.proposal {
            Some(proposal) => after.proposal(proposal),
            None => after,
        };
        Ok(match args.from {
            Some(from) => (
                before.as_of(from),
                after.as_of(args.to.unwrap_or_else(today)),
            ),
            None => (self.dated(before), self.dated(after)),
        })
    }

    /// `loader` cut to the day of `--as-of`, or else to today.
    fn dated(&self, loader: Loader) -> Loader {
        let loader = loader.today(today());
        match self.as_of {
            Some(day) => loader.as_of(day),
            None => loader,
        }
    }

    fn limits(&self) -> Limits {
        let default = Limits::default();
        Limits {
            max_file_size: self.max_file_size.unwrap_or(default.max_file_size),
            max_depth: self.max_depth.unwrap_or(default.max_depth),
            follow_links: self.follow_links,
        }
    }

    /// Refuses the global options given that the command does not use, rather than drop them in
    /// silence: `generate --proposal p.json` proposes nothing.
    fn refuse_unused_options(&self) -> Result<(), Failure> {
        // The command, what it reads, and which of --org, --proposal, --max-file-size,
        // --max-depth, --follow-links and --as-of apply to it.
        let (name, reads, applies) = match &self.command {
            // `--org` is what `diff --from` reads when it is given no path; the dates are those
            // of `--from` and `--to`.
            Command::Diff(args) if args.from.is_some() => (
                "diff --from",
                Reads::TwoDates,
                [args.before.is_none(), true, true, true, true, false],
            ),
            Command::Diff(_) => (
                "diff",
                Reads::TwoDescriptions,
                [false, true, true, true, true, true],
            ),
            Command::History(_) => (
                "history",
                Reads::WholeTimeline,
                [true, true, true, true, true, false],
            ),
            Command::Import(_) => (
                "import",
                Reads::Import,
                [false, false, true, false, true, false],
            ),
            Command::Apply(_) => ("apply", Reads::Apply, [true, true, true, true, true, false]),
            Command::Fmt(args) if !args.paths.is_empty() => {
                ("fmt", Reads::Files, [false, false, true, true, true, false])
            }
            Command::Fmt(_) => ("fmt", Reads::Edit, [true, true, true, true, true, false]),
            Command::New(_) => ("new", Reads::Edit, [true, false, true, true, true, false]),
            Command::Generate(_) => ("generate", Reads::Nothing, [false; 6]),
            Command::Schema { .. } => ("schema", Reads::Nothing, [false; 6]),
            Command::Completions { .. } => ("completions", Reads::Nothing, [false; 6]),
            Command::Man { .. } => ("man", Reads::Nothing, [false; 6]),
            Command::Lsp => (
                "lsp",
                Reads::Workspace,
                [true, false, true, true, true, true],
            ),
            Command::Check(args) if args.explains() => {
                ("check --explain", Reads::Nothing, [false; 6])
            }
            _ => return Ok(()),
        };
        let given = [
            (!self.org.is_empty(), "--org"),
            (self.proposal.is_some(), "--proposal"),
            (self.max_file_size.is_some(), "--max-file-size"),
            (self.max_depth.is_some(), "--max-depth"),
            (self.follow_links, "--follow-links"),
            (self.as_of.is_some(), "--as-of"),
        ];
        match given
            .iter()
            .zip(applies)
            .find(|((given, _), applies)| *given && !applies)
        {
            Some(((_, option), _)) => Err(Failure::Usage(tr!(
                lang(),
                "cli-option-does-not-apply",
                option = *option,
                command = name,
                reads = reads.as_str()
            ))),
            None => Ok(()),
        }
    }

    /// The description, as the proposal makes it when there is one; its problems are printed to
    /// standard error (as JSON when the command's output is JSON), or, when one is an error,
    /// answered on or refused as `on_errors` says.
    fn workspace(&self, format: Format, on_errors: OnErrors) -> Result<Workspace, Failure> {
        accept(self.loader()?, format, on_errors.lenience())
    }
}

/// What a command that only reads a description (the queries, `render`, `export`, `diff`) does
/// when reading it finds errors. By default it answers on what loaded: the files that read, less
/// what in them is wrong (a unit declared twice keeps its first declaration, a tie to an unknown
/// unit or that the kinds forbid is left out), after one line on standard error that says how many
/// errors there are, and exits with 0: `check` is the gate, and still exits with 1. A file or
/// folder that cannot be read as JSON at all ([`UNREADABLE`]: not found, not allowed, not text,
/// over a limit, not JSON) is still refused, with exit code 2: nothing of it loaded, and an answer
/// without it would mislead. With `--strict`, any error is refused as it is by the
/// commands that write descriptions (`apply`): every problem printed, exit code 2.
#[derive(Clone, Copy, Debug, Default, clap::Args)]
pub(crate) struct OnErrors {
    /// Refuse to answer when the description has errors (exit code 2), printing them, instead of
    /// answering on what loaded after one warning line. `check` lists the errors either way.
    #[arg(long)]
    strict: bool,
}

/// The errors that leave a whole file or folder out of a description: a description with one is
/// refused whatever [`OnErrors`] says.
const UNREADABLE: [Code; 6] = [
    Code::Io,
    Code::InvalidUtf8,
    Code::FileTooLarge,
    Code::Syntax,
    Code::TooDeep,
    Code::EmptyDescription,
];

/// How [`accept`] treats a description with errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lenience<'a> {
    /// Refuses it, printing every problem (`--strict`).
    Strict,
    /// Answers on what loaded, after one warning line; it names the description when the run
    /// reads several (`diff A B`).
    Warn(Option<&'a str>),
    /// Answers on what loaded, saying nothing: another load of the same run warned already.
    Quiet,
}

impl OnErrors {
    /// The lenience of the first load of a run.
    fn lenience(self) -> Lenience<'static> {
        self.or(Lenience::Warn(None))
    }

    /// The lenience of the load of one of the descriptions a run reads, named `name`.
    fn named(self, name: &str) -> Lenience<'_> {
        self.or(Lenience::Warn(Some(name)))
    }

    /// The lenience of a further load of the same description in one run (another day of it).
    fn again(self) -> Lenience<'static> {
        self.or(Lenience::Quiet)
    }

    /// Strict with `--strict`, else `lenient`.
    fn or(self, lenient: Lenience<'_>) -> Lenience<'_> {
        if self.strict {
            Lenience::Strict
        } else {
            lenient
        }
    }
}

/// Loads what `loader` says and prints the problems found, as [`Cli::workspace`] does: a
/// description with errors is answered on or refused as `lenience` says ([`OnErrors`]).
fn accept(loader: Loader, format: Format, lenience: Lenience<'_>) -> Result<Workspace, Failure> {
    let workspace = loader.load().map_err(|refused| refuse(&refused, format))?;
    let problems: Vec<&Diagnostic> = workspace.diagnostics().collect();
    let errors = problems.iter().filter(|d| d.is_error()).count();
    let unreadable = problems.iter().any(|d| UNREADABLE.contains(&d.code));
    if errors > 0 && lenience != Lenience::Strict && !unreadable {
        match lenience {
            Lenience::Warn(None) => errln!(
                "{}",
                tr!(lang(), "cli-answering-despite-errors", errors = errors)
            ),
            Lenience::Warn(Some(name)) => errln!(
                "{}",
                tr!(
                    lang(),
                    "cli-answering-despite-errors-in",
                    path = name,
                    errors = errors
                )
            ),
            Lenience::Strict | Lenience::Quiet => {}
        }
        return Ok(workspace);
    }
    print_problems(&workspace.files, &problems, format)?;
    if errors > 0 {
        if format == Format::Text {
            errln!(
                "{}",
                tr!(lang(), "cli-description-has-errors", errors = errors)
            );
        }
        return Err(Failure::Input);
    }
    Ok(workspace)
}

/// Prints problems to standard error: rustc-like text, or a JSON array when the command's
/// output is JSON; nothing when there are none.
fn print_problems(
    files: &dyn SourceMap,
    problems: &[&Diagnostic],
    format: Format,
) -> io::Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    match format {
        Format::Text => diagnostics::to_stderr(files, problems.iter().copied(), lang()),
        Format::Json => {
            let json: Vec<_> = problems
                .iter()
                .map(|d| diagnostics::json(files, d, lang()))
                .collect();
            print::write_json(&mut io::stderr().lock(), &json)
        }
    }
}

/// Prints the problems of a proposal that cannot be applied, and the failure to return.
fn refuse(refused: &Refused, format: Format) -> Failure {
    let problems: Vec<&Diagnostic> = refused.diagnostics.iter().collect();
    if let Err(error) = print_problems(&refused.files, &problems, format) {
        return Failure::Io(error);
    }
    if format == Format::Text {
        errln!("{}", tr!(lang(), "cli-proposal-refused"));
    }
    Failure::Input
}

/// A `--max-file-size`: a number of bytes that positions in a file (32-bit) can reach.
fn parse_file_size(text: &str) -> Result<u32, String> {
    let bytes: u64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number of bytes"))?;
    u32::try_from(bytes).map_err(|_| {
        format!(
            "{bytes} is more than {} bytes (4 GiB), the largest file organigram reads: positions in a file are 32-bit",
            u32::MAX
        )
    })
}

/// Today, in UTC, from the system clock; 1970-01-01 if the clock is set before it.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days).unwrap_or(Date {
        year: 1970,
        month: Some(1),
        day: Some(1),
    })
}

/// Resolves a unit argument in the workspace's structure, or explains why it names no single
/// unit.
///
/// A unit out of the day's structure that the text names exactly (its id, acronym, name or an
/// alias) is what the text means, unless a unit in the structure is named as exactly: the
/// answer is then why it is out, not a near match among the units in force.
fn resolve(workspace: &Workspace, text: &str) -> Result<UnitIx, Failure> {
    let graph = workspace.graph();
    let found = organigram::query::resolve(graph, text);
    let exact = |ix: UnitIx| organigram::query::names_exactly(graph.unit(ix), text);
    match (
        found,
        organigram::query::absent_named(&workspace.absent, text),
    ) {
        (Ok(ix), _) if exact(ix) => Ok(ix),
        (Ok(_) | Err(LookupError::Unknown { .. }), Some((unit, gone))) => {
            Err(Failure::Lookup(absent_message(workspace, unit, gone)))
        }
        (Ok(ix), None) => Ok(ix),
        (Err(error), _) => Err(Failure::Lookup(lookup_message(graph, &error))),
    }
}

/// Why a unit is not in the structure on the workspace's day, in one sentence with what
/// succeeded it: "`dinsic` (DINSIC) is not in the structure as of 2026-12-02: it ended on
/// 2019-10-25, succeeded by `dinum` (DINUM)".
fn absent_sentence(workspace: &Workspace, unit: &Unit, gone: Gone) -> String {
    let lang = lang();
    let day = workspace
        .absent
        .day()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let id = unit.id.as_str();
    let name = print::unit_label(unit);
    let (why, date) = match gone {
        Gone::Ended(until) => ("ended", until.to_string()),
        Gone::EndedUndated => ("ended-undated", String::new()),
        Gone::NotYet(from) => ("not-yet", from.to_string()),
    };
    let others: Vec<&str> = match gone {
        Gone::NotYet(_) => workspace
            .absent
            .predecessors_of(id)
            .map(|t| t.to.as_str())
            .collect(),
        _ => workspace
            .absent
            .successors_of(id)
            .map(|t| t.from.as_str())
            .collect(),
    };
    let others: Vec<String> = others
        .iter()
        .map(|other| match workspace.graph().find_id(other) {
            Some(ix) => print::unit_label(workspace.graph().unit(ix)),
            None => format!("[{other}]"),
        })
        .collect();
    tr!(
        lang,
        "cli-absent",
        name = name,
        day = day,
        why = why,
        date = date,
        others = others.join(", "),
        count = others.len()
    )
}

/// The message for a unit that is not in the structure on the workspace's day, with how to ask
/// about it.
fn absent_message(workspace: &Workspace, unit: &Unit, gone: Gone) -> String {
    let lang = lang();
    let said = absent_sentence(workspace, unit, gone);
    let mut message = format!(
        "{}
",
        tr!(lang, "cli-error", message = said)
    );
    let day = match gone {
        Gone::Ended(until) => until.day_before(),
        Gone::NotYet(from) => Some(from),
        Gone::EndedUndated => None,
    };
    let hint = match day {
        Some(day) => tr!(
            lang,
            "cli-absent-hint",
            date = day.to_string(),
            id = unit.id.as_str()
        ),
        None => tr!(lang, "cli-absent-undated-hint", id = unit.id.as_str()),
    };
    message.push_str(&format!("{hint}\n"));
    message
}

/// Resolves a unit argument in `graph`, as [`resolve`] does.
fn resolve_in(graph: &OrgGraph, text: &str) -> Result<UnitIx, Failure> {
    organigram::query::resolve(graph, text)
        .map_err(|error| Failure::Lookup(lookup_message(graph, &error)))
}

/// Resolves an organisation argument (`--organisation`) in `graph`: its id, name or acronym, as
/// [`organigram::query::organisation`] does; when it names none, the failure lists them.
fn organisation_in(graph: &OrgGraph, text: &str) -> Result<OrganisationIndex, Failure> {
    organigram::query::organisation(graph, text).ok_or_else(|| {
        let known: Vec<String> = graph
            .organisations()
            .iter()
            .map(|o| format!("{} ({})", o.id.as_str(), o.name))
            .collect();
        Failure::Usage(tr!(
            lang(),
            "render-unknown-organisation",
            text = text,
            known = known.join(", ")
        ))
    })
}

/// Why a unit argument names no single unit, and what to do, on lines ending with a newline.
fn lookup_message(graph: &OrgGraph, error: &LookupError) -> String {
    let lang = lang();
    let said = error.message().in_lang(lang).into_owned();
    let mut message = format!("{}\n", tr!(lang, "cli-error", message = said));
    match error {
        LookupError::Unknown { suggestions, .. } if !suggestions.is_empty() => {
            message.push_str(&format!("{}\n", tr!(lang, "cli-lookup-did-you-mean")));
            for &ix in suggestions {
                message.push_str(&format!("  {}\n", print::unit_line(graph, ix)));
            }
        }
        LookupError::Ambiguous { candidates, .. } => {
            message.push_str(&format!("{}\n", tr!(lang, "cli-lookup-ambiguous")));
            for &ix in candidates {
                message.push_str(&format!("  {}\n", print::unit_line(graph, ix)));
            }
        }
        _ => {
            message.push_str(&format!("{}\n", tr!(lang, "cli-lookup-find")));
        }
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_names_the_language_the_posix_way() {
        let lang = |vars: &[(&str, &str)]| {
            environment_lang(|name| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, value)| OsString::from(value))
            })
        };
        assert_eq!(lang(&[]), Lang::En);
        assert_eq!(lang(&[("LANG", "fr_FR.UTF-8")]), Lang::Fr);
        assert_eq!(lang(&[("LC_MESSAGES", "fr_CA"), ("LANG", "C")]), Lang::Fr);
        assert_eq!(lang(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")]), Lang::En);
        assert_eq!(lang(&[("LC_ALL", ""), ("LANG", "fr_BE@euro")]), Lang::Fr);
        assert_eq!(lang(&[("LC_ALL", "de_DE.UTF-8"), ("LANG", "fr")]), Lang::En);
    }

    #[test]
    fn lang_takes_the_codes_of_the_languages() {
        assert_eq!(parse_lang("fr"), Ok(Lang::Fr));
        assert_eq!(parse_lang("en"), Ok(Lang::En));
        assert!(parse_lang("fr_FR").is_err());
    }
}
