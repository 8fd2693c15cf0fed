//! mdBook, which the tests run to build the manual (`docs/`, `book.toml`) into a website: found on
//! the `PATH`, as a person who builds the book has it, and otherwise installed with `cargo
//! install` into the target folder, `target/test-mdbook/`, at a pinned version.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::provision::{run, say, unless_ready};
use crate::target_dir;

/// The version installed when the `PATH` has no `mdbook`: the latest that builds with the
/// project's Rust (1.89; it needs 1.88).
const VERSION: &str = "0.5.4";

/// The `mdbook` to run: the one on the `PATH` when there is one, else the one installed in the
/// target folder, installed first when missing (`cargo install mdbook --locked`); the first call
/// in a process does the work. Panics, saying how to install it, when it cannot be installed.
pub fn mdbook() -> &'static Path {
    static MDBOOK: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    match MDBOOK.get_or_init(provision) {
        Ok(mdbook) => mdbook,
        Err(why) => panic!("{why}"),
    }
}

/// What `program --version` prints when it runs (`mdbook v0.5.4`).
fn version(program: &Path) -> Option<String> {
    let output = Command::new(program).arg("--version").output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

fn provision() -> Result<PathBuf, String> {
    let on_path = PathBuf::from("mdbook");
    if version(&on_path).is_some() {
        return Ok(on_path);
    }
    let root = target_dir().join("test-mdbook");
    let installed = root.join("bin/mdbook");
    let wanted = format!("mdbook v{VERSION}");
    let ready = || version(&installed).as_deref() == Some(wanted.as_str());
    unless_ready("mdbook", ready, || {
        say(&format!(
            "`mdbook` is not on the PATH: installing mdBook {VERSION}, which builds the manual \
             in the tests, into {} (cargo install, a few minutes)",
            root.display()
        ));
        let build = root.join("build");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        // A debug build with no default features (no `serve`, `watch` nor search index) builds
        // the HTML the tests need, four to five times faster than a release build: 1.5 min
        // against 7 on two cores.
        run(Command::new(cargo)
            .args([
                "install",
                "mdbook",
                "--locked",
                "--debug",
                "--no-default-features",
            ])
            .args(["--version", VERSION, "--root"])
            .arg(&root)
            .arg("--target-dir")
            .arg(&build))
        .map_err(|why| {
            format!(
                "the tests build the manual with mdBook, which is not installed, and could not \
                 install it: {why}\nInstall it (`cargo install mdbook --locked`), then run the \
                 tests again."
            )
        })?;
        // What the build left is of no more use: the binary is installed.
        let _ = fs::remove_dir_all(&build);
        if ready() {
            Ok(())
        } else {
            Err(format!(
                "cargo installed mdBook {VERSION} in {}, but it does not run",
                root.display()
            ))
        }
    })?;
    Ok(installed)
}
