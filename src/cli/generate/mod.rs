//! `organigram generate --units N --seed S [--changes C] -o DIR`: a synthetic description, for
//! benchmarks and tests, with a dated history when asked.

use std::io::Write;
use std::path::PathBuf;

use super::Failure;
mod description;
mod history;
mod random;

use description::{GenerateOptions, generate};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// How many units (posts included), from 1 to 2000000: twice the largest description the
    /// benchmarks measure, about 900 MB of files.
    #[arg(long, value_parser = super::term::count(1, 2_000_000))]
    units: usize,

    /// The seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Give the description a dated history of this many changes, from 2000 to 2025, from 0 to
    /// 2000000: units created, dissolved and succeeded, moves, renamings and changes of head,
    /// the structure sound on every day. The units are the same, only dated.
    #[arg(long, default_value_t = 0, value_parser = super::term::count(0, 2_000_000))]
    changes: usize,

    /// The folder to write the description to; it may not hold other description files.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let generated = generate(
        &GenerateOptions {
            units: args.units,
            seed: args.seed,
            changes: args.changes,
        },
        history::add,
    );
    let files = &generated.files;
    super::write::write_files(&args.output, files, &super::write::Read::default())
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let wrote = organigram::tr!(
        super::lang(),
        "generate-wrote",
        units = args.units,
        files = files.len(),
        dir = args.output.display().to_string()
    );
    writeln!(out, "{wrote}")?;
    if args.changes > 0 {
        let history = organigram::tr!(
            super::lang(),
            "generate-history",
            changes = generated.changes
        );
        writeln!(out, "{history}")?;
    }
    Ok(())
}
