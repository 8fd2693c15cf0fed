//! Neovim, the real editor whose built-in language client the tests drive on `organigram lsp`:
//! found on the `PATH` as `nvim`, and installed with apt-get (Debian's `neovim`) when missing.

use std::sync::OnceLock;

use crate::provision::Tool;

/// Makes sure `nvim` runs from the `PATH`, installing it (`apt-get install neovim`, as root)
/// when it is missing; the first call in a process does the work. Panics, saying how to
/// install it, when it is missing and cannot be installed.
pub fn require() {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(why) = READY.get_or_init(|| NVIM.provide()) {
        panic!("{why}");
    }
}

/// Neovim, as the tests find and install it.
const NVIM: Tool = Tool {
    program: "nvim",
    version: "--version",
    packages: &["neovim"],
    files: &[],
    used_to: "drive Neovim's language client on the language server",
    install: "Install Neovim 0.7 or later (Debian, Ubuntu: `sudo apt-get install neovim`; macOS: \
              `brew install neovim`), then run the tests again.",
};
