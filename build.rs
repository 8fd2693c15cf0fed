//! Compiles the project's `org/` folder into the binary as the built-in description, so the
//! installed tool works anywhere.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = env::var("CARGO_MANIFEST_DIR")?;
    let org = Path::new(&manifest).join("org");
    println!("cargo::rerun-if-changed={}", org.display());
    let mut names = Vec::new();
    if org.is_dir() {
        for entry in fs::read_dir(&org)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "json") && path.is_file() {
                println!("cargo::rerun-if-changed={}", path.display());
                names.push(path);
            }
        }
    }
    names.sort();
    let mut code = String::from("pub(super) const FILES: &[(&str, &str)] = &[\n");
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("non-UTF-8 file name in org/")?;
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )?;
    }
    code.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR")?).join("builtin.rs"), code)?;
    Ok(())
}
