//! The language server (`organigram lsp`): the Language Server Protocol spoken over standard
//! input and output, so that an editor shows `check`'s problems as one types, and knows the
//! structure a description's files make.
//!
//! The server reads the workspace's description (its `org/` folder, or the folder named) and
//! the proposals in its `proposals/` folder, the editor's text for the files it holds open and
//! the disk's for the others. It never writes a file: what it proposes to change, the editor
//! applies.

mod actions;
mod analysis;
mod assist;
mod complete;
mod hover;
mod navigate;
mod rename;
mod server;
mod symbols;
mod syntax;
mod text;

use std::path::PathBuf;

use crate::load::Limits;
use crate::model::{Date, Lang};

/// What the server is told when it starts.
#[derive(Clone, Debug)]
pub struct Options {
    /// The folder of the description, when the editor's workspace is not where it is: relative
    /// to the workspace's folder, or absolute. By default, the workspace's `org/` folder when
    /// it has one, else the workspace's folder.
    pub description: Option<PathBuf>,
    /// The language of messages; by default the editor's (its `locale`), else English.
    pub lang: Option<Lang>,
    /// The day structures are checked as of: today, for `check`'s problems as `check` shows them.
    pub today: Date,
    /// The limits files are read within.
    pub limits: Limits,
}

/// Why the server stopped before the client asked it to exit.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The client broke the protocol (no `initialize` first, say).
    Protocol(lsp_server::ProtocolError),
    /// The client's parameters, or the server's answer, could not be read or written.
    Json(serde_json::Error),
    /// The connection to the client was lost.
    Disconnected,
    /// Standard input or output failed.
    Io(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Protocol(error) => write!(f, "the editor broke the protocol: {error}"),
            Error::Json(error) => write!(f, "a message could not be read or written: {error}"),
            Error::Disconnected => f.write_str("the connection to the editor was lost"),
            Error::Io(error) => write!(f, "standard input or output failed: {error}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<lsp_server::ProtocolError> for Error {
    fn from(error: lsp_server::ProtocolError) -> Error {
        Error::Protocol(error)
    }
}

impl<T> From<crossbeam_channel::SendError<T>> for Error {
    fn from(_: crossbeam_channel::SendError<T>) -> Error {
        Error::Disconnected
    }
}

/// Serves one editor over standard input and output, until it asks the server to exit.
pub fn stdio(options: &Options) -> Result<(), Error> {
    let (connection, threads) = lsp_server::Connection::stdio();
    let served = server::serve(&connection, options);
    // The writer thread ends once every sender is gone, after sending what was queued.
    drop(connection);
    served?;
    threads.join().map_err(Error::Io)
}

/// Serves one client over `connection` (an in-memory one, in tests or a program of one's own).
pub fn serve(connection: &lsp_server::Connection, options: &Options) -> Result<(), Error> {
    server::serve(connection, options)
}
