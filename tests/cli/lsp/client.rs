//! A language client for the tests: it starts the real `organigram lsp`, speaks the protocol to
//! it over its standard input and output (framed JSON-RPC messages, as an editor does), and
//! keeps the problems the server publishes.

// Parameters are `json!` literals made for the call: taken by value, they read as the messages
// they are.
#![allow(clippy::needless_pass_by_value)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long the client waits for any one message before it calls the server stuck: long, so
/// that a slow CI machine is not a failure, and bounded, so that a stuck server is one.
const PATIENCE: Duration = Duration::from_secs(60);

/// A server started for a test, and what it has said so far.
pub(crate) struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
    /// The latest problems published for each file, by URI.
    pub(crate) diagnostics: HashMap<String, Vec<Value>>,
    /// How many times each file's problems were published, by URI.
    pub(crate) publications: HashMap<String, usize>,
    /// The texts of the documents opened, by URI, with their versions.
    versions: HashMap<String, i32>,
}

/// The `file:` URI of `path`.
pub(crate) fn uri(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap();
    format!("file://{}", path.display())
}

impl Client {
    /// Starts `organigram lsp` in `workspace` with `args` after it, and goes through the
    /// handshake with `workspace` as the root, and `options` as the initialization options.
    pub(crate) fn start(workspace: &Path, args: &[&str], options: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_organigram"))
            .arg("lsp")
            .args(args)
            .current_dir(workspace)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
            diagnostics: HashMap::new(),
            publications: HashMap::new(),
            versions: HashMap::new(),
        };
        let root = uri(workspace);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "workspace"}],
                "capabilities": {},
                "initializationOptions": options,
            }),
        );
        assert!(result["capabilities"].is_object(), "{result}");
        client.notify("initialized", json!({}));
        client
    }

    /// Sends a message, framed as the protocol frames it.
    pub(crate) fn send(&mut self, message: &Value) {
        let body = serde_json::to_string(message).unwrap();
        let stdin = self.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }

    /// Sends a notification.
    pub(crate) fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response, keeping what the server publishes
    /// meanwhile: its `result`, or its `error` as `{"error": ...}`.
    pub(crate) fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message["id"] == json!(id) && message.get("method").is_none() {
                return match message.get("error") {
                    Some(error) => json!({ "error": error }),
                    None => message["result"].clone(),
                };
            }
        }
    }

    /// The next message from the server, its published problems kept.
    fn receive(&mut self) -> Value {
        let message = match self.messages.recv_timeout(PATIENCE) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("the server said nothing for {PATIENCE:?}"),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the server stopped: {:?}", self.child.try_wait())
            }
        };
        if message["method"] == "textDocument/publishDiagnostics" {
            let params = &message["params"];
            let uri = params["uri"].as_str().unwrap().to_owned();
            let list = params["diagnostics"].as_array().unwrap().clone();
            *self.publications.entry(uri.clone()).or_default() += 1;
            self.diagnostics.insert(uri, list);
        }
        message
    }

    /// Waits until the server has handled every message sent so far: a request answers only
    /// after the analysis of every edit before it, and its problems published.
    pub(crate) fn sync(&mut self) {
        let answer = self.request("organigram/sync", json!(null));
        assert!(answer.get("error").is_some(), "{answer}");
    }

    /// Opens the file at `path` with its text on disk.
    pub(crate) fn open(&mut self, path: &Path) {
        let text = std::fs::read_to_string(path).unwrap();
        self.open_text(path, &text);
    }

    /// Opens the file at `path` with `text` as the editor's.
    pub(crate) fn open_text(&mut self, path: &Path, text: &str) {
        let uri = uri(path);
        self.versions.insert(uri.clone(), 1);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
        );
    }

    /// Replaces `range` (`[line, character, line, character]`) of the open file at `path`
    /// with `text`.
    pub(crate) fn change(&mut self, path: &Path, range: [u32; 4], text: &str) {
        let uri = uri(path);
        let version = self.versions.entry(uri.clone()).or_insert(1);
        *version += 1;
        let [l0, c0, l1, c1] = range;
        let change = json!({
            "range": {"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}},
            "text": text,
        });
        let version = *version;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
    }

    /// Replaces the whole text of the open file at `path`.
    pub(crate) fn replace(&mut self, path: &Path, text: &str) {
        let uri = uri(path);
        let version = self.versions.entry(uri.clone()).or_insert(1);
        *version += 1;
        let version = *version;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// The problems last published for the file at `path`, after every message sent.
    pub(crate) fn problems(&mut self, path: &Path) -> Vec<Value> {
        self.sync();
        self.diagnostics
            .get(&uri(path))
            .cloned()
            .unwrap_or_default()
    }

    /// The codes of [`Client::problems`], in order.
    pub(crate) fn codes(&mut self, path: &Path) -> Vec<String> {
        self.problems(path)
            .iter()
            .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Asks the server to shut down and exit, and waits for it.
    pub(crate) fn shutdown(mut self) -> ExitStatus {
        let answer = self.request("shutdown", json!(null));
        assert_eq!(answer, Value::Null);
        self.notify("exit", json!(null));
        self.stdin.take();
        self.child.wait().unwrap()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A test that failed leaves no server behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads one framed message, or `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// A workspace for a test: a temporary folder holding `org/` with the built-in description's
/// files, or the files given.
pub(crate) struct Workspace {
    /// The temporary folder, removed when the test ends.
    pub(crate) dir: tempfile::TempDir,
}

impl Workspace {
    /// A workspace whose `org/` holds a copy of the project's `org/` (its proposals too).
    pub(crate) fn builtin() -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        copy(&crate::support::root().join("org"), &dir.path().join("org"));
        Workspace { dir }
    }

    /// A workspace whose `org/` holds `files` (name, text).
    pub(crate) fn with(files: &[(&str, &str)]) -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join("org").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Workspace { dir }
    }

    /// The path of `name` in the workspace's `org/`.
    pub(crate) fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join("org").join(name)
    }

    /// A server started on the workspace.
    pub(crate) fn start(&self) -> Client {
        Client::start(self.dir.path(), &[], json!(null))
    }
}

/// Copies the folder `from` into `to`, sub-folders too.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The byte offset of a protocol position in `text` (UTF-16 characters), past the end of its
/// line clamped to the line's end, as the server clamps it.
fn offset(text: &str, position: &Value) -> usize {
    let line = usize::try_from(position["line"].as_u64().unwrap()).unwrap();
    let character = usize::try_from(position["character"].as_u64().unwrap()).unwrap();
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (at, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + at;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with `edits` (the protocol's text edits, an array) applied, as an editor applies
/// them: each range read in the text before any edit, the last first.
pub(crate) fn apply_edits(text: &str, edits: &Value) -> String {
    let mut ranges: Vec<(usize, usize, &str)> = edits
        .as_array()
        .unwrap_or_else(|| panic!("{edits}"))
        .iter()
        .map(|edit| {
            (
                offset(text, &edit["range"]["start"]),
                offset(text, &edit["range"]["end"]),
                edit["newText"].as_str().unwrap(),
            )
        })
        .collect();
    ranges.sort_by_key(|range| std::cmp::Reverse(range.0));
    let mut text = text.to_owned();
    for (start, end, new) in ranges {
        text.replace_range(start..end, new);
    }
    text
}
