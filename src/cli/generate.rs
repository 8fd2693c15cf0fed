//! `organigram generate --units N --seed S -o DIR`: a synthetic description, for benchmarks.

use std::io::Write;
use std::path::PathBuf;

use super::Failure;
use crate::generate::{GenerateOptions, generate};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many units (posts included).
    #[arg(long)]
    units: usize,

    /// The seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// The folder to write the description to; it must be new or empty.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let dir = &args.output;
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(Failure::Usage(format!(
            "{} is not empty: generate writes into a new or empty folder, so that no other file is mixed into the description",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Usage(format!("cannot create {}: {e}", dir.display())))?;
    let files = generate(&GenerateOptions {
        units: args.units,
        seed: args.seed,
    });
    let mut bytes = 0;
    for generated in &files {
        let mut text = serde_json::to_vec_pretty(&generated.file).map_err(std::io::Error::from)?;
        text.push(b'\n');
        let path = dir.join(&generated.name);
        crate::atomic::write(&path, &text)
            .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?;
        bytes += text.len();
    }
    writeln!(
        out,
        "wrote {} units in {} files ({bytes} bytes) to {}",
        args.units,
        files.len(),
        dir.display()
    )?;
    Ok(())
}
