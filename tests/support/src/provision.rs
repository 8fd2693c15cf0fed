//! Installing what the tests need: apt-get for system packages, behind a file lock in the target
//! folder, so that test binaries run at once (or two `cargo test`) never install together.

use std::fs::{self, File};
use std::io::{ErrorKind, Write as _};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

use crate::target_dir;

/// Waits for the lock named `name`, shared by every process that uses this target folder, and
/// holds it until the file returned is dropped.
pub(crate) fn lock(name: &str) -> Result<File, String> {
    let dir = target_dir().join("test-support");
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{name}.lock"));
    let opened = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path);
    // A lock made by another user may be read-only to this one: reading is enough to lock it.
    let file = match opened {
        Err(e) if e.kind() == ErrorKind::PermissionDenied => File::open(&path),
        opened => opened,
    }
    .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    file.lock()
        .map_err(|e| format!("cannot lock {}: {e}", path.display()))?;
    Ok(file)
}

/// Runs `make` unless `ready` says its work is done, behind the lock `name`, so that test
/// binaries run at once do it once: `ready` is asked again once the lock is held, as another
/// binary may have done the work while this one waited.
pub(crate) fn unless_ready(
    name: &str,
    ready: impl Fn() -> bool,
    make: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    if ready() {
        return Ok(());
    }
    let _lock = lock(name)?;
    if ready() {
        return Ok(());
    }
    make()
}

/// Tells what is being installed, straight to standard error: the test harness, which keeps
/// what tests print unless they fail, would hide why a test takes a minute.
pub(crate) fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "test support: {message}");
}

/// Runs a command to its end; fails with what it printed unless it succeeds.
pub(crate) fn run(command: &mut Command) -> Result<Output, String> {
    let shown = format!("{command:?}");
    let output = command
        .output()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    if output.status.success() {
        Ok(output)
    } else {
        Err(format!(
            "{shown} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Whether this process runs as root, as apt-get must.
pub(crate) fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.trim_ascii() == b"0")
}

/// Installs Debian packages with apt-get (after one `apt-get update` per process); fails saying
/// why when it cannot: not root, no apt-get, or apt-get failed.
pub(crate) fn apt_install(packages: &[&str]) -> Result<(), String> {
    if !is_root() {
        return Err("installing it needs root (apt-get), and the tests do not run as root".into());
    }
    if Command::new("apt-get").arg("--version").output().is_err() {
        return Err("installing it needs apt-get, which this machine lacks".into());
    }
    let _lock = lock("apt")?;
    let apt = |arguments: &[&str]| {
        let mut command = Command::new("apt-get");
        command
            .args(["-q", "-o", "DPkg::Lock::Timeout=300"])
            .args(arguments)
            .env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command).map(drop)
    };
    static UPDATED: OnceLock<Result<(), String>> = OnceLock::new();
    UPDATED
        .get_or_init(|| {
            say("apt-get update");
            apt(&["update"])
        })
        .clone()?;
    say(&format!("apt-get install {}", packages.join(" ")));
    let mut arguments = vec!["install", "-y", "--no-install-recommends"];
    arguments.extend(packages);
    apt(&arguments)
}

/// A program the tests run, found on the `PATH` and installed with apt-get when missing.
pub(crate) struct Tool {
    /// The program as run from the `PATH` (`dot`), which also names its lock.
    pub program: &'static str,
    /// The argument that makes it print its version and exit (`-V`).
    pub version: &'static str,
    /// The Debian packages that bring it, and what the tests need beside it.
    pub packages: &'static [&'static str],
    /// Files those packages bring that the tests need beside the program (a font whose metrics
    /// the tests' expectations were measured with): missing, the packages are installed again.
    pub files: &'static [&'static str],
    /// What the tests do with it, for the message when it cannot be installed ("run
    /// Graphviz's `dot`").
    pub used_to: &'static str,
    /// How a person installs it by hand.
    pub install: &'static str,
}

impl Tool {
    /// Whether the program runs and the files beside it are there; an error when the program is
    /// there but fails.
    fn installed(&self) -> Result<bool, String> {
        if !self.files.iter().all(|file| Path::new(file).is_file()) {
            return Ok(false);
        }
        match Command::new(self.program).arg(self.version).output() {
            Ok(output) if output.status.success() => Ok(true),
            Ok(output) => Err(format!(
                "`{} {}` failed ({}): {}",
                self.program,
                self.version,
                output.status,
                String::from_utf8_lossy(&output.stderr)
            )),
            Err(error) if error.kind() == ErrorKind::NotFound => Ok(false),
            Err(error) => Err(format!("cannot run `{}`: {error}", self.program)),
        }
    }

    /// Makes sure the program runs, installing its packages when it is missing, behind a lock
    /// named after it so that test binaries run at once install it once.
    pub(crate) fn provide(&self) -> Result<(), String> {
        if self.installed()? {
            return Ok(());
        }
        let _lock = lock(self.program)?;
        // Another test binary may have installed it while this one waited.
        if self.installed()? {
            return Ok(());
        }
        say(&format!(
            "`{}` is not on the PATH, or what it needs beside it is missing",
            self.program
        ));
        apt_install(self.packages).map_err(|why| {
            format!(
                "these tests {}, which is not installed, and could not install it: {why}\n{}",
                self.used_to, self.install
            )
        })?;
        if self.installed()? {
            Ok(())
        } else {
            Err(format!(
                "apt-get installed {}, but `{}` is still not on the PATH, or one of {} is missing",
                self.packages.join(" "),
                self.program,
                self.files.join(", ")
            ))
        }
    }
}
