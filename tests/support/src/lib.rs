//! What organigram's tests share, the library's unit tests and the integration tests alike:
//! running the real binary ([`Run`]), the project's paths, and the tools some tests run beside
//! it: Graphviz's `dot` ([`graphviz`]), a Python with networkx and rdflib ([`python`]),
//! Mermaid's parser in Node.js ([`mermaid`]), headless Chromium, driven through the DevTools
//! protocol ([`browser`]), mdBook, which builds the manual ([`mdbook`]), Neovim, whose language
//! client the tests drive on the language server ([`neovim`]), and Node.js, which checks the VS
//! Code extension ([`node`]).
//!
//! The tools are installed when missing, so that `cargo test` on a fresh Debian machine runs the
//! whole suite: Graphviz, Chromium, Neovim and Node.js with apt-get, Python's packages in a virtual environment
//! under `target/`, Mermaid's npm packages under `target/` too, and mdBook with `cargo install`
//! under `target/`. A test that needs a tool that is
//! missing and cannot be installed (apt-get needs root) fails, saying how to install it: no test
//! is skipped for want of one.
//!
//! Plain functions only: this crate does not depend on organigram, whose unit tests would then
//! see two copies of the library.

pub mod browser;
pub mod graphviz;
pub mod mdbook;
pub mod mermaid;
pub mod neovim;
pub mod node;
mod provision;
pub mod python;
mod run;

use std::path::{Path, PathBuf};

pub use run::{Output, Run};

/// The project's root: tests run the binary from there, so paths in messages are relative.
pub fn root() -> &'static Path {
    // This crate is the project's `tests/support/`.
    let support = Path::new(env!("CARGO_MANIFEST_DIR"));
    support
        .parent()
        .and_then(Path::parent)
        .expect("tests/support/ is in the project")
}

/// The files of the project's `org/` description (the built-in one), in name order.
pub fn org_files() -> Vec<PathBuf> {
    json_files(&root().join("org"))
}

/// The `.json` files of the folder `dir`, as a description load reads them, in name order.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} lists: {e}", dir.display()))
        .map(|e| e.expect("the folder lists").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Makes a named pipe at `path` with the system's `mkfifo`: nothing writes to it, so that a
/// program that opens it to read would wait for ever.
pub fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(
        status.success(),
        "mkfifo {} failed: {status}",
        path.display()
    );
}

/// A fixture path relative to the project's root, as the binary will print it.
pub fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures").join(name)
}

/// Cargo's target folder, where the tools this crate installs are kept: the one the running
/// test was built in (it holds `CACHEDIR.TAG`), else `target/` in the project.
pub fn target_dir() -> PathBuf {
    let built_in = std::env::current_exe().ok().and_then(|exe| {
        exe.ancestors()
            .skip(1)
            .find(|dir| dir.join("CACHEDIR.TAG").is_file())
            .map(Path::to_path_buf)
    });
    built_in.unwrap_or_else(|| root().join("target"))
}
