//! The parsing floor for BENCHMARKS.md: read every `*.json` file of a description folder and
//! parse it with `serde_json` into plain structs with the format's fields, nothing else (no
//! positions, no checks, no graph). `organigram check` is measured against this.
//!
//!     cargo run --release --example parse_floor -- /tmp/gen1000000

use std::error::Error;
use std::fs;
use std::path::PathBuf;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)] // Parsed to be measured, never read.
struct File {
    #[serde(rename = "$schema")]
    schema: Option<String>,
    organisation: Organisation,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    units: Vec<Unit>,
    #[serde(default)]
    ties: Vec<Tie>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Organisation {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Source {
    id: String,
    title: String,
    reference: Option<String>,
    publisher: Option<String>,
    date: Option<String>,
    url: Option<String>,
    file: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
struct Unit {
    id: String,
    name: String,
    acronym: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    kind: String,
    status: Option<String>,
    vacant: Option<bool>,
    headcount: Option<Headcount>,
    remit: Option<String>,
    location: Option<String>,
    boundary: Option<String>,
    note: Option<String>,
    source: Option<Citation>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
struct Tie {
    kind: String,
    from: String,
    to: String,
    valid_from: Option<String>,
    valid_until: Option<String>,
    note: Option<String>,
    source: Option<Citation>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Headcount {
    count: u32,
    basis: String,
    qualifier: Option<String>,
    date: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Citation {
    #[serde(rename = "ref")]
    source: String,
    quote: Option<String>,
    locator: Option<String>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let folder: PathBuf = std::env::args_os()
        .nth(1)
        .ok_or("usage: parse_floor FOLDER")?
        .into();
    let mut paths: Vec<PathBuf> = fs::read_dir(&folder)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    let mut files = Vec::new();
    for path in &paths {
        let bytes = fs::read(path)?;
        files.push(serde_json::from_slice::<File>(&bytes)?);
    }
    let units: usize = files.iter().map(|f| f.units.len()).sum();
    let ties: usize = files.iter().map(|f| f.ties.len()).sum();
    println!("{} files, {units} units, {ties} ties", files.len());
    Ok(())
}
