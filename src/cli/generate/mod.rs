//! `organigram generate --units N --seed S -o DIR`: a synthetic description, for benchmarks.

use std::io::Write;
use std::path::PathBuf;

use super::Failure;
mod description;

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

    /// The folder to write the description to; it may not hold other description files.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let files = generate(&GenerateOptions {
        units: args.units,
        seed: args.seed,
    });
    super::write::write_files(&args.output, &files, &super::write::Read::default())
        .map_err(|e| Failure::Usage(e.to_string()))?;
    let wrote = organigram::tr!(
        super::lang(),
        "generate-wrote",
        units = args.units,
        files = files.len(),
        dir = args.output.display().to_string()
    );
    writeln!(out, "{wrote}")?;
    Ok(())
}
