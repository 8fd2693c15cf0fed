//! The server's loop: the protocol's handshake, the documents the editor holds, and an analysis
//! of the workspace made again after each burst of edits, whose problems are published.
//!
//! Messages are handled one at a time, in order. Edits only mark the analysis stale: it is made
//! again once no message is waiting, or before a request that needs it, so that a burst of
//! keystrokes costs one analysis, not one each.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest,
    PrepareRenameRequest, References, Rename, Request as _, WorkspaceSymbolRequest,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeParams, OneOf, PublishDiagnosticsParams, ServerCapabilities,
    ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Url,
};
use serde::de::DeserializeOwned;

use super::analysis::{Analysis, FileText, Settings};
use super::syntax::{self, Parsed, Step};
use super::{Error, Options, actions, complete, hover, navigate, rename, symbols, text};
use crate::load::{self, Limits};
use crate::model::Lang;

/// A document the editor holds open: its text is the editor's, not the disk's.
#[derive(Debug)]
struct Open {
    text: String,
}

/// A file's text as last read from disk, with what tells whether it changed since.
#[derive(Debug)]
struct OnDisk {
    /// The file's length and modification time when read.
    stamp: Option<(u64, std::time::SystemTime)>,
    /// Its text, or `None` when it cannot be read as text: the loader then reads it, and says
    /// why it cannot.
    text: Option<String>,
}

/// Where the description and its proposals are.
#[derive(Clone, Debug, Default)]
pub(crate) struct Folders {
    /// The folder of the description's files (`*.json`, not its sub-folders).
    pub(crate) description: Option<PathBuf>,
    /// The folder of its proposals: `proposals/` in the description's folder.
    pub(crate) proposals: Option<PathBuf>,
}

/// Everything the server holds between messages.
pub(crate) struct State {
    settings: Settings,
    folders: Folders,
    open: HashMap<PathBuf, Open>,
    disk: HashMap<PathBuf, OnDisk>,
    /// The files of the description, then the proposals, as last listed.
    description_files: Vec<PathBuf>,
    proposal_files: Vec<PathBuf>,
    analysis: Option<Analysis>,
    /// Each file's text as the tolerant reader reads it, made when a request first needs it and
    /// forgotten when the text changes: the requests on a file and the index of ids share it, and
    /// after an edit only the edited file is read again.
    parsed: RefCell<HashMap<PathBuf, Rc<Parsed>>>,
    /// The problems last published for each file: a file whose problems an analysis leaves as
    /// they were is not published again (at 100,000 units, sending every file's problems after
    /// each edit costs more than finding them), and one no longer read is cleared.
    published: HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
}

/// Serves one client on `connection` until it asks the server to exit.
pub(crate) fn serve(connection: &Connection, options: &Options) -> Result<(), Error> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).map_err(Error::Json)?;
    let result = lsp_types::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "organigram".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
    };
    let result = serde_json::to_value(result).map_err(Error::Json)?;
    connection.initialize_finish(id, result)?;
    let lang = options.lang.unwrap_or_else(|| {
        params
            .locale
            .as_deref()
            .and_then(Lang::from_locale)
            .unwrap_or_default()
    });
    let settings = Settings {
        lang,
        today: options.today,
        limits: options.limits,
    };
    let folders = folders(&params, options.description.as_deref(), options.limits);
    let mut state = State::new(settings, folders);
    state.refresh(connection)?;
    loop {
        let Ok(message) = connection.receiver.recv() else {
            return Ok(());
        };
        let edited = match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                state.ensure_fresh(connection)?;
                let response = state.answer(request);
                connection.sender.send(Message::Response(response))?;
                false
            }
            Message::Notification(notification) => {
                if notification.method == lsp_types::notification::Exit::METHOD {
                    return Ok(());
                }
                state.notified(notification)
            }
            Message::Response(_) => false,
        };
        if edited {
            state.analysis = None;
        }
        if state.analysis.is_none() && connection.receiver.is_empty() {
            state.refresh(connection)?;
        }
    }
}

/// What the server can do, told to the client in the handshake.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(lsp_types::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: lsp_types::WorkDoneProgressOptions::default(),
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".to_owned(), ":".to_owned()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Where the description is: the folder `named` (by `--org` or the client's `org` setting),
/// relative to the workspace's first folder; else the workspace's `org/` folder when it has
/// one; else the workspace's folder itself, when one of its files describes an organisation (an
/// editor that starts the server for every JSON file then shows no problem in a project that
/// has no description, its `package.json` or `tsconfig.json` read as one).
fn folders(params: &InitializeParams, named: Option<&Path>, limits: Limits) -> Folders {
    let root = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|folder| &folder.uri)
        .or({
            #[allow(deprecated)] // Older clients (Neovim 0.7) give only the root URI.
            params.root_uri.as_ref()
        })
        .and_then(|uri| uri.to_file_path().ok());
    let setting = params
        .initialization_options
        .as_ref()
        .and_then(|options| options.get("org"))
        .and_then(serde_json::Value::as_str)
        .map(PathBuf::from);
    let named = named.map(Path::to_owned).or(setting);
    let description = match (root, named) {
        (Some(root), Some(named)) => Some(root.join(named)),
        (None, Some(named)) => std::path::absolute(named).ok(),
        (Some(root), None) if root.join("org").is_dir() => Some(root.join("org")),
        (Some(root), None) => describes(&root, limits).then_some(root),
        (None, None) => None,
    };
    Folders {
        proposals: description.as_ref().map(|folder| folder.join("proposals")),
        description,
    }
}

/// Whether one of `folder`'s `*.json` files describes an organisation: a top-level
/// `organisation` key, as the tolerant reader reads it, whatever else is wrong in the file.
fn describes(folder: &Path, limits: Limits) -> bool {
    let organisation = [Step::Key("organisation".to_owned())];
    load::json_files(folder)
        .unwrap_or_default()
        .iter()
        .any(|path| {
            load::read_bytes(path, limits)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .is_some_and(|text| {
                    syntax::read(&text)
                        .strings
                        .iter()
                        .any(|token| token.is_key && token.path == organisation)
                })
        })
}

impl State {
    fn new(settings: Settings, folders: Folders) -> State {
        State {
            settings,
            folders,
            open: HashMap::new(),
            disk: HashMap::new(),
            description_files: Vec::new(),
            proposal_files: Vec::new(),
            analysis: None,
            parsed: RefCell::new(HashMap::new()),
            published: HashMap::new(),
        }
    }

    /// Makes the analysis again if an edit made it stale, before answering a request.
    fn ensure_fresh(&mut self, connection: &Connection) -> Result<(), Error> {
        if self.analysis.is_none() {
            self.refresh(connection)?;
        }
        Ok(())
    }

    /// Lists the files again, reads those that changed on disk, analyses the workspace and
    /// publishes the problems of every file whose problems changed.
    fn refresh(&mut self, connection: &Connection) -> Result<(), Error> {
        self.description_files = self.listed(self.folders.description.as_deref());
        self.proposal_files = self.listed(self.folders.proposals.as_deref());
        for path in self.description_files.iter().chain(&self.proposal_files) {
            if !self.open.contains_key(path) && reread(&mut self.disk, path, self.settings.limits) {
                self.parsed.get_mut().remove(path);
            }
        }
        let description = self.texts(&self.description_files);
        let proposals = self.texts(&self.proposal_files);
        let analysis = Analysis::new(&description, &proposals, self.settings);
        self.publish_changes(connection, &analysis)?;
        self.analysis = Some(analysis);
        Ok(())
    }

    /// Publishes the problems `analysis` found in each file, unless they are those last
    /// published for it, and clears the problems of the files it no longer reads.
    fn publish_changes(
        &mut self,
        connection: &Connection,
        analysis: &Analysis,
    ) -> Result<(), Error> {
        for (path, diagnostics) in &analysis.diagnostics {
            if self.published.get(path) != Some(diagnostics) {
                publish(connection, path, diagnostics.clone())?;
                self.published.insert(path.clone(), diagnostics.clone());
            }
        }
        let gone: Vec<PathBuf> = self
            .published
            .keys()
            .filter(|path| !analysis.diagnostics.contains_key(*path))
            .cloned()
            .collect();
        for path in gone {
            publish(connection, &path, Vec::new())?;
            self.published.remove(&path);
        }
        Ok(())
    }

    /// The `*.json` files of `folder` on disk, and those open in it that are not on disk yet.
    fn listed(&self, folder: Option<&Path>) -> Vec<PathBuf> {
        let Some(folder) = folder else {
            return Vec::new();
        };
        let mut files = load::json_files(folder)
            .ok()
            .filter(|_| folder.is_dir())
            .unwrap_or_default();
        files.extend(
            self.open
                .keys()
                .filter(|path| {
                    path.parent() == Some(folder) && path.extension().is_some_and(|e| e == "json")
                })
                .cloned(),
        );
        files.sort();
        files.dedup();
        files
    }

    /// The analysis of the workspace as it is now: there is one whenever a request is answered.
    pub(crate) fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// The language of the server's messages.
    pub(crate) fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// The files at `paths` with their texts.
    fn texts<'a>(&'a self, paths: &'a [PathBuf]) -> Vec<FileText<'a>> {
        paths
            .iter()
            .map(|path| FileText {
                path,
                text: self.text(path),
            })
            .collect()
    }

    /// The files of the description, then the proposals, with their texts, as the analysis
    /// reads them.
    pub(crate) fn files(&self) -> (Vec<FileText<'_>>, Vec<FileText<'_>>) {
        (
            self.texts(&self.description_files),
            self.texts(&self.proposal_files),
        )
    }

    /// A file's text as the tolerant reader reads it, with its line index: read once per text.
    pub(crate) fn parsed(&self, path: &Path) -> Option<Rc<Parsed>> {
        if let Some(parsed) = self.parsed.borrow().get(path) {
            return Some(Rc::clone(parsed));
        }
        let parsed = Rc::new(Parsed::new(self.text(path)?));
        self.parsed
            .borrow_mut()
            .insert(path.to_owned(), Rc::clone(&parsed));
        Some(parsed)
    }

    /// A file's text: the editor's when it is open, else the disk's as last read.
    pub(crate) fn text(&self, path: &Path) -> Option<&str> {
        match self.open.get(path) {
            Some(open) => Some(&open.text),
            None => self.disk.get(path).and_then(|d| d.text.as_deref()),
        }
    }

    /// Handles a notification; `true` when it changed what the analysis reads.
    fn notified(&mut self, notification: Notification) -> bool {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(params) = params::<lsp_types::DidOpenTextDocumentParams>(notification)
                else {
                    return false;
                };
                let Some(path) = path_of(&params.text_document.uri) else {
                    return false;
                };
                self.parsed.get_mut().remove(&path);
                self.open.insert(
                    path,
                    Open {
                        text: params.text_document.text,
                    },
                );
                true
            }
            DidChangeTextDocument::METHOD => {
                let Some(params) = params::<lsp_types::DidChangeTextDocumentParams>(notification)
                else {
                    return false;
                };
                let Some(path) = path_of(&params.text_document.uri) else {
                    return false;
                };
                let Some(open) = self.open.get_mut(&path) else {
                    return false;
                };
                text::apply(&mut open.text, params.content_changes);
                self.parsed.get_mut().remove(&path);
                true
            }
            DidCloseTextDocument::METHOD => {
                let Some(params) = params::<lsp_types::DidCloseTextDocumentParams>(notification)
                else {
                    return false;
                };
                let Some(path) = path_of(&params.text_document.uri) else {
                    return false;
                };
                self.disk.remove(&path);
                self.parsed.get_mut().remove(&path);
                self.open.remove(&path).is_some()
            }
            // The text saved is the editor's, which the analysis already reads; the other
            // notifications change nothing the server reads.
            _ => false,
        }
    }

    /// The response to a request: each method the server serves is answered by its feature's
    /// function, given the state and the request's parameters.
    fn answer(&self, request: Request) -> Response {
        let Request { id, method, params } = request;
        match method.as_str() {
            WorkspaceSymbolRequest::METHOD => {
                reply::<WorkspaceSymbolRequest>(self, id, params, symbols::workspace)
            }
            GotoDefinition::METHOD => {
                reply::<GotoDefinition>(self, id, params, navigate::definition)
            }
            References::METHOD => reply::<References>(self, id, params, navigate::references),
            DocumentSymbolRequest::METHOD => {
                reply::<DocumentSymbolRequest>(self, id, params, navigate::document_symbols)
            }
            PrepareRenameRequest::METHOD => {
                rename::answer::<PrepareRenameRequest>(self, id, params, rename::prepare)
            }
            Rename::METHOD => rename::answer::<Rename>(self, id, params, rename::rename),
            HoverRequest::METHOD => reply::<HoverRequest>(self, id, params, hover::hover),
            Completion::METHOD => reply::<Completion>(self, id, params, complete::completion),
            CodeActionRequest::METHOD => {
                reply::<CodeActionRequest>(self, id, params, actions::actions)
            }
            _ => not_supported(id, &method),
        }
    }
}

/// Reads `path` again if it changed on disk since it was last read, within `limits`; `true`
/// when it was read again.
fn reread(disk: &mut HashMap<PathBuf, OnDisk>, path: &Path, limits: Limits) -> bool {
    let stamp = std::fs::metadata(path)
        .ok()
        .and_then(|m| Some((m.len(), m.modified().ok()?)));
    if stamp.is_some() && disk.get(path).is_some_and(|d| d.stamp == stamp) {
        return false;
    }
    let text = load::read_bytes(path, limits)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok());
    disk.insert(path.to_owned(), OnDisk { stamp, text });
    true
}

/// The parameters of a notification, or `None` when they are not what the method takes (the
/// notification is then ignored, as the protocol asks).
fn params<P: DeserializeOwned>(notification: Notification) -> Option<P> {
    serde_json::from_value(notification.params).ok()
}

/// The path of a `file:` URI.
pub(crate) fn path_of(uri: &Url) -> Option<PathBuf> {
    uri.to_file_path().ok()
}

/// The answer to a request of kind `R`, from `feature` given the state and the parameters; an
/// error when the parameters are not what `R` takes.
fn reply<R>(
    state: &State,
    id: RequestId,
    params: serde_json::Value,
    feature: fn(&State, &R::Params) -> R::Result,
) -> Response
where
    R: lsp_types::request::Request,
{
    match serde_json::from_value(params) {
        Ok(params) => Response::new_ok(id, feature(state, &params)),
        Err(error) => Response::new_err(
            id,
            ErrorCode::InvalidParams as i32,
            format!("the parameters of `{}` cannot be read: {error}", R::METHOD),
        ),
    }
}

/// The answer to a request the server does not serve.
fn not_supported(id: RequestId, method: &str) -> Response {
    Response::new_err(
        id,
        ErrorCode::MethodNotFound as i32,
        format!("organigram does not serve `{method}`"),
    )
}

/// Sends the problems of the file at `path`.
fn publish(
    connection: &Connection,
    path: &Path,
    diagnostics: Vec<lsp_types::Diagnostic>,
) -> Result<(), Error> {
    let Ok(uri) = Url::from_file_path(path) else {
        return Ok(());
    };
    let params = PublishDiagnosticsParams::new(uri, diagnostics, None);
    let notification = Notification::new(PublishDiagnostics::METHOD.to_owned(), params);
    connection
        .sender
        .send(Message::Notification(notification))?;
    Ok(())
}
