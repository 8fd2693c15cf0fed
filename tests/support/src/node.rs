//! Node.js, which checks the VS Code extension's JavaScript (`node --check`): found on the
//! `PATH` as `node`, and installed with apt-get (Debian's `nodejs`) when missing.

use std::sync::OnceLock;

use crate::provision::Tool;

/// Makes sure `node` runs from the `PATH`, installing it (`apt-get install nodejs`, as root)
/// when it is missing; the first call in a process does the work. Panics, saying how to
/// install it, when it is missing and cannot be installed.
pub fn require() {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(why) = READY.get_or_init(|| NODE.provide()) {
        panic!("{why}");
    }
}

/// Node.js, as the tests find and install it.
const NODE: Tool = Tool {
    program: "node",
    version: "--version",
    packages: &["nodejs"],
    files: &[],
    used_to: "check the VS Code extension's JavaScript with Node.js",
    install: "Install Node.js (Debian, Ubuntu: `sudo apt-get install nodejs`; macOS: `brew \
              install node`), then run the tests again.",
};
