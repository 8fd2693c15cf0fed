//! A small builder that runs a program (the binary under test) and captures what it prints.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::root;

/// One run of a program (the binary under test): arguments, working directory, environment.
pub struct Run {
    command: Command,
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    /// Exit code, stdout and stderr as one text, for snapshots.
    pub fn transcript(&self) -> String {
        let mut text = format!("exit: {}\n", self.code);
        if !self.stdout.is_empty() {
            text.push_str(&format!("--- stdout\n{}", self.stdout));
        }
        if !self.stderr.is_empty() {
            text.push_str(&format!("--- stderr\n{}", self.stderr));
        }
        text
    }

    /// Asserts the exit code, showing everything printed when it differs.
    pub fn expect_code(self, code: i32) -> Output {
        assert_eq!(
            self.code,
            code,
            "unexpected exit code\n{}",
            self.transcript()
        );
        self
    }

    /// Asserts success and returns stdout.
    pub fn success(self) -> String {
        self.expect_code(0).stdout
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

impl Run {
    /// Starts a run of `program ARGS` from the project's root, with colours left to the
    /// program (`NO_COLOR` unset), 100 columns, and no locale (`LC_ALL`, `LC_MESSAGES` and
    /// `LANG` unset), so that output is English whatever the machine's language. Tests pass the binary Cargo built for them,
    /// `env!("CARGO_BIN_EXE_organigram")`, which only they know.
    pub fn new<I, S>(program: impl AsRef<OsStr>, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = Command::new(program);
        command
            .args(args)
            .current_dir(root())
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env("COLUMNS", "100");
        Run { command }
    }

    /// Runs from another folder.
    pub fn in_dir(mut self, dir: impl AsRef<Path>) -> Run {
        self.command.current_dir(dir);
        self
    }

    /// Adds arguments after those given so far (paths that are not UTF-8 text, built ones).
    pub fn args<I, S>(mut self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command.args(args);
        self
    }

    pub fn arg(self, arg: impl AsRef<OsStr>) -> Run {
        self.args([arg])
    }

    pub fn env(mut self, key: &str, value: &str) -> Run {
        self.command.env(key, value);
        self
    }

    /// Starts the run with stdout and stderr piped, for tests that read them as it goes.
    pub fn spawn(mut self) -> std::process::Child {
        self.command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts")
    }

    pub fn run(mut self) -> Output {
        self.command.stdin(Stdio::null());
        self.finish()
    }

    /// Runs with `input` on standard input.
    pub fn run_with_stdin(mut self, input: &[u8]) -> Output {
        use std::io::Write;
        self.command.stdin(Stdio::piped());
        let mut child = self
            .command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut stdin = child.stdin.take().expect("stdin is piped");
        // The binary may stop reading early (a size limit): a closed pipe is not the test's
        // failure.
        let _ = stdin.write_all(input);
        drop(stdin);
        let output = child.wait_with_output().expect("the binary runs");
        Output {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code().expect("the binary exits with a code"),
        }
    }

    fn finish(mut self) -> Output {
        self.command.stdout(Stdio::piped()).stderr(Stdio::piped());
        let output = self.command.output().expect("the binary runs");
        Output {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code().expect("the binary exits with a code"),
        }
    }
}
