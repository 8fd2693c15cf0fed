//! The command line: argument types, running a command, and printing its result as text or
//! JSON. Everything else is the library's.

mod chain;
mod find;
mod generate;
mod output;
mod partners;
mod path;
mod show;
mod stats;
mod subordinates;
mod superior;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::diagnostic::render;
use crate::graph::OrgGraph;
use crate::load::{self, Input, Limits, LoadedGraph};
use crate::query::LookupError;
use output::Format;

/// Model the governance of public organisations as a typed graph: who reports to whom, who works
/// with whom, and what a reorganisation breaks.
#[derive(Debug, Parser)]
#[command(name = "organigram", version, about, long_about = None)]
pub struct Cli {
    /// A description to read: a folder of .json files, or one file. Repeat to combine several.
    /// Default: ./org when it exists, otherwise the description built into organigram.
    #[arg(long, global = true, value_name = "PATH")]
    org: Vec<PathBuf>,

    /// The largest description file read, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = Limits::default().max_file_size)]
    max_file_size: u64,

    /// The deepest JSON nesting accepted.
    #[arg(long, global = true, value_name = "LEVELS", default_value_t = Limits::default().max_depth)]
    max_depth: u32,

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
    /// Write a synthetic description of any size (for benchmarks and tests).
    Generate(generate::Args),
    /// Print the JSON Schema of description files.
    Schema,
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
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
    /// Writing the output failed.
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::Io(error)
    }
}

/// Runs organigram with these arguments and returns the process exit code: 0 success, 1 the
/// structure has errors, 2 usage or input errors.
pub fn run<I, T>(args: I) -> ExitCode
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
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = cli
        .execute(&mut out)
        .and_then(|()| out.flush().map_err(Failure::Io));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(error)) => {
            eprintln!("error: cannot write the output: {error}");
            ExitCode::from(2)
        }
        Err(Failure::Input) => ExitCode::from(2),
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Lookup(message)) => {
            eprint!("{message}");
            ExitCode::from(2)
        }
    }
}

impl Cli {
    fn execute(self, out: &mut dyn Write) -> Result<(), Failure> {
        match &self.command {
            Command::Show(args) => show::run(&self.load(args.format)?, args, out),
            Command::Find(args) => find::run(&self.load(args.format)?, args, out),
            Command::Chain(args) => chain::run(&self.load(args.format)?, args, out),
            Command::Subordinates(args) => subordinates::run(&self.load(args.format)?, args, out),
            Command::Superior(args) => superior::run(&self.load(args.format)?, args, out),
            Command::Path(args) => path::run(&self.load(args.format)?, args, out),
            Command::Partners(args) => partners::run(&self.load(args.format)?, args, out),
            Command::Stats(args) => stats::run(&self.load(args.format)?, args, out),
            Command::Generate(args) => generate::run(args, out),
            Command::Schema => {
                serde_json::to_writer_pretty(
                    &mut *out,
                    &crate::model::DescriptionFile::json_schema(),
                )
                .map_err(io::Error::from)?;
                writeln!(out)?;
                Ok(())
            }
            Command::Completions { shell } => {
                clap_complete::generate(*shell, &mut Cli::command(), "organigram", out);
                Ok(())
            }
        }
    }

    fn inputs(&self) -> Vec<Input> {
        if !self.org.is_empty() {
            self.org.iter().cloned().map(Input::Path).collect()
        } else if Path::new("org").is_dir() {
            vec![Input::Path(PathBuf::from("org"))]
        } else {
            vec![Input::Builtin]
        }
    }

    /// Loads the description; prints its problems to standard error (as JSON when the command's
    /// output is JSON), and fails when there are errors.
    fn load(&self, format: Format) -> Result<LoadedGraph, Failure> {
        let limits = Limits {
            max_file_size: self.max_file_size,
            max_depth: self.max_depth,
        };
        let loaded = load::load_graph(&self.inputs(), &limits);
        if !loaded.diagnostics.is_empty() {
            match format {
                Format::Text => render::to_stderr(&loaded.files, &loaded.diagnostics)?,
                Format::Json => {
                    let json: Vec<_> = loaded
                        .diagnostics
                        .iter()
                        .map(|d| render::json(&loaded.files, d))
                        .collect();
                    output::write_json(&mut io::stderr().lock(), &json)?;
                }
            }
        }
        if loaded.has_errors() {
            if format == Format::Json {
                return Err(Failure::Input);
            }
            let errors = loaded.diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: the description has {errors} error{}; nothing else was done",
                if errors == 1 { "" } else { "s" }
            );
            return Err(Failure::Input);
        }
        Ok(loaded)
    }
}

/// Resolves a unit argument, or explains why it names no single unit.
fn resolve(loaded: &LoadedGraph, text: &str) -> Result<crate::graph::UnitIx, Failure> {
    crate::query::resolve(&loaded.graph, text)
        .map_err(|error| Failure::Lookup(lookup_message(&loaded.graph, &error)))
}

fn lookup_message(graph: &OrgGraph, error: &LookupError) -> String {
    let mut message = format!("error: {error}\n");
    match error {
        LookupError::Unknown { suggestions, .. } if !suggestions.is_empty() => {
            message.push_str("help: did you mean one of these?\n");
            for &ix in suggestions {
                message.push_str(&format!("  {}\n", output::unit_line(graph, ix)));
            }
        }
        LookupError::Unknown { .. } => {
            message.push_str("help: `organigram find TEXT` lists the units that match a text\n");
        }
        LookupError::Ambiguous { candidates, .. } => {
            message.push_str("help: name one of them by its id:\n");
            for &ix in candidates {
                message.push_str(&format!("  {}\n", output::unit_line(graph, ix)));
            }
        }
    }
    message
}
