//! `organigram lsp`, driven over its standard input and output by a client that speaks the
//! protocol as an editor does ([`client`]): one module per capability.

mod actions;
mod client;
mod complete;
mod diagnostics;
mod hover;
mod symbols;
