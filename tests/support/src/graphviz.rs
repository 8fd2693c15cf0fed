//! Graphviz's real `dot`, which the tests run on every DOT organigram writes, and which the
//! binary runs to draw SVG, PNG and PDF: found on the `PATH`, as organigram finds it, and
//! installed with apt-get when it is missing.

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use crate::provision::Tool;

/// Makes sure Graphviz's `dot` runs from the `PATH`, installing it (`apt-get install graphviz`,
/// as root) when it is missing; the first call in a process does the work. Panics, saying how to
/// install it, when it is missing and cannot be installed.
pub fn require() {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(why) = READY.get_or_init(|| DOT.provide()) {
        panic!("{why}");
    }
}

/// Graphviz's `dot`, as the tests find and install it, with the font its charts' sizes were
/// measured with: the charts ask for Helvetica or Arial, which fontconfig gives as Liberation Sans
/// (metric-compatible, and Graphviz's recommended font) when it is there, and otherwise as whatever
/// sans-serif the machine has, DejaVu Sans on Debian, whose wider letters make the charts of the
/// page-fit tests a pixel or a page larger. Which one a run got used to depend on what other
/// tests had installed before.
const DOT: Tool = Tool {
    program: "dot",
    version: "-V",
    packages: &["graphviz", "fonts-liberation2"],
    files: &["/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"],
    used_to: "run Graphviz's `dot`",
    install: "Install Graphviz and Liberation Sans (Debian, Ubuntu: `sudo apt-get install graphviz \
              fonts-liberation2`; macOS: `brew install graphviz`), then run the tests again.",
};

/// What Graphviz prints when its spline router fails: a bug of Graphviz 2.x on some charts whose
/// clusters interleave. organigram then draws the chart again with straight ties
/// (`-Gsplines=line`), and so does [`dot_renders`].
const ROUTING_FAILURES: [&str; 4] = [
    "triangulation failed",
    "Pshortestpath failed",
    "Unable to reclaim box space in spline routing",
    "cannot find triangle path",
];

/// What one run of `dot` printed on standard error, and whether it succeeded.
struct Ran {
    succeeded: bool,
    stderr: String,
}

/// Runs `dot -Tsvg ARGUMENTS` on DOT text, feeding it from another thread while this one reads
/// what it prints, so that neither side waits on a full pipe.
fn run_dot(dot: &str, arguments: &[&str]) -> Result<Ran, String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run Graphviz's `dot`: {e}"))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let output = std::thread::scope(|scope| {
        // `dot` may stop reading on a syntax error: its answer is then what it printed.
        scope.spawn(move || {
            let _ = stdin.write_all(dot.as_bytes());
        });
        child.wait_with_output()
    })
    .map_err(|e| format!("Graphviz's `dot` did not end: {e}"))?;
    Ok(Ran {
        succeeded: output.status.success(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// Runs DOT text through Graphviz's real `dot` ([`require`]d first): `Ok` when it renders with
/// no warning (again with straight ties where its spline router fails, as organigram draws it);
/// otherwise what Graphviz said, with the DOT.
pub fn dot_renders(dot: &str) -> Result<(), String> {
    require();
    let routing_failed = |ran: &Ran| ROUTING_FAILURES.iter().any(|f| ran.stderr.contains(f));
    let mut ran = run_dot(dot, &[])?;
    if routing_failed(&ran) {
        ran = run_dot(dot, &["-Gsplines=line"])?;
    }
    let warnings: Vec<&str> = ran
        .stderr
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    match (ran.succeeded, warnings.is_empty()) {
        (true, true) => Ok(()),
        (true, false) => Err(format!("Graphviz warned: {warnings:?}\n{dot}")),
        (false, _) => Err(format!("Graphviz's `dot` failed: {warnings:?}\n{dot}")),
    }
}
