//! A Python with the packages of `tests/python/requirements.txt` (networkx and rdflib, which read
//! organigram's exports in the tests): a virtual environment in the target folder,
//! `target/test-python/`, made when it is missing or the requirements have changed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::provision::{apt_install, run, say, unless_ready};
use crate::{root, target_dir};

/// The Python of the tests' virtual environment, made first when needed (`python3 -m venv`, then
/// `pip install -r tests/python/requirements.txt`; with apt-get, as root, `python3-venv` when
/// Python lacks it); the first call in a process does the work. Panics, saying how to install
/// what is missing, when it cannot be made.
pub fn python() -> &'static Path {
    static PYTHON: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    match PYTHON.get_or_init(provision) {
        Ok(python) => python,
        Err(why) => panic!("{why}"),
    }
}

fn provision() -> Result<PathBuf, String> {
    let requirements = root().join("tests/python/requirements.txt");
    let wanted = fs::read_to_string(&requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let venv = target_dir().join("test-python");
    let python = venv.join("bin/python");
    // What the environment was made with, written once it is complete.
    let made_with = venv.join("organigram-requirements.txt");
    let ready = || python.is_file() && fs::read_to_string(&made_with).is_ok_and(|t| t == wanted);
    unless_ready("python", ready, || {
        say(&format!(
            "making a Python virtual environment with networkx and rdflib in {}",
            venv.display()
        ));
        let base = base_python()?;
        if venv.exists() {
            fs::remove_dir_all(&venv)
                .map_err(|e| format!("cannot remove {}: {e}", venv.display()))?;
        }
        run(Command::new(base).args(["-m", "venv"]).arg(&venv))?;
        run(Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .arg("-r")
            .arg(&requirements))?;
        run(Command::new(&python).args(["-c", "import networkx, rdflib"]))?;
        fs::write(&made_with, &wanted)
            .map_err(|e| format!("cannot write {}: {e}", made_with.display()))
    })?;
    Ok(python)
}

/// The machine's `python3`, with the venv module and pip's bootstrap (Debian keeps them in
/// `python3-venv`, installed with apt-get when missing).
fn base_python() -> Result<&'static str, String> {
    let can_make_venvs = || {
        Command::new("python3")
            .args(["-c", "import venv, ensurepip"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if can_make_venvs() {
        return Ok("python3");
    }
    say("python3 cannot make virtual environments (it lacks venv or ensurepip)");
    apt_install(&["python3", "python3-venv"]).map_err(|why| {
        format!(
            "these tests need Python 3 with its venv module, to install networkx and rdflib \
             (tests/python/requirements.txt), and it is missing: {why}\nInstall it (Debian, \
             Ubuntu: `sudo apt-get install python3 python3-venv`), then run the tests again."
        )
    })?;
    if can_make_venvs() {
        Ok("python3")
    } else {
        Err("apt-get installed python3-venv, but python3 still cannot make a venv".into())
    }
}
