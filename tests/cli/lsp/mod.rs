//! `organigram lsp`, driven over its standard input and output by a client that speaks the
//! protocol as an editor does ([`client`]): one module per capability; then a real editor,
//! Neovim, on the server ([`neovim`]).

mod client;
mod diagnostics;
mod neovim;
mod symbols;
