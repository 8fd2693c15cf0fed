//! `organigram lsp`, driven over its standard input and output by a client that speaks the
//! protocol as an editor does ([`client`]): one module per capability; then a real editor,
//! Neovim, on the server ([`neovim`]), and the VS Code extension's files ([`vscode`]).

mod actions;
mod client;
mod complete;
mod diagnostics;
mod hover;
mod navigate;
mod neovim;
mod rename;
mod symbols;
mod vscode;
