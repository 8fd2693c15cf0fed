//! Mermaid's own parser, which the tests run on every Mermaid chart they check: the `mermaid`
//! package of npm at the version pinned in `tests/mermaid/package-lock.json`, run by Node.js in a
//! DOM from jsdom (`tests/mermaid/parse.mjs`). The packages are installed with `npm ci` into the
//! target folder, `target/test-mermaid/`, when they are missing or the lock file has changed;
//! Node.js and npm with apt-get (as root) when the machine lacks them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::provision::{apt_install, run, say, unless_ready};
use crate::{root, target_dir};

/// The files of `tests/mermaid/` the check is made of, copied into its folder.
const FILES: [&str; 3] = ["package.json", "package-lock.json", "parse.mjs"];

/// Whether Mermaid parses `text`: `Err` with what its parser says when it does not (a syntax
/// error, a `linkStyle` that names no link). Panics, saying how to install what is missing, when
/// the parser cannot be installed.
pub fn parses(text: &str) -> Result<(), String> {
    static DIR: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let dir = match DIR.get_or_init(provision) {
        Ok(dir) => dir,
        Err(why) => panic!("{why}"),
    };
    let file = tempfile(dir, text);
    let output = Command::new("node")
        .arg(dir.join("parse.mjs"))
        .arg(&file)
        .current_dir(dir)
        .output()
        .map_err(|e| format!("cannot run node: {e}"));
    let _ = fs::remove_file(&file);
    let output = output?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "Mermaid does not parse the chart: {}{}\n{text}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Writes `text` to a file of its own in `dir`, for one run of the parser.
fn tempfile(dir: &Path, text: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!("chart-{}-{n}.mmd", std::process::id()));
    fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    path
}

fn provision() -> Result<PathBuf, String> {
    let source = root().join("tests/mermaid");
    let read = |name: &str| {
        fs::read(source.join(name)).map_err(|e| format!("cannot read tests/mermaid/{name}: {e}"))
    };
    let dir = target_dir().join("test-mermaid");
    let ready = || {
        dir.join("node_modules/mermaid/package.json").is_file()
            && FILES
                .iter()
                .all(|name| fs::read(dir.join(name)).ok() == read(name).ok())
    };
    unless_ready("mermaid", ready, || {
        require_node()?;
        say(&format!(
            "installing Mermaid's parser (npm ci) in {}",
            dir.display()
        ));
        if dir.exists() {
            fs::remove_dir_all(&dir)
                .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
        }
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        // parse.mjs goes last, so that a copy cut short is never taken for a ready one.
        for name in FILES {
            if name != "parse.mjs" {
                fs::write(dir.join(name), read(name)?)
                    .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
            }
        }
        run(Command::new("npm")
            .args([
                "ci",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--quiet",
            ])
            .current_dir(&dir))?;
        fs::write(dir.join("parse.mjs"), read("parse.mjs")?)
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))
    })?;
    Ok(dir)
}

/// Makes sure `node` and `npm` run, installing them with apt-get when they do not.
fn require_node() -> Result<(), String> {
    let runs = |program: &str| {
        Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if runs("node") && runs("npm") {
        return Ok(());
    }
    say("Node.js or npm is missing, which Mermaid's parser needs");
    apt_install(&["nodejs", "npm"]).map_err(|why| {
        format!(
            "Node.js and npm are missing: {why}\nhelp: install them: apt-get install nodejs npm"
        )
    })
}
