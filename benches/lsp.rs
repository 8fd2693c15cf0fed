//! Criterion benchmark of the language server as an editor meets it: an edit sent, the server's
//! problems received. The server (`organigram::lsp::serve`) runs in a thread on an in-memory
//! connection; each iteration sends one `didChange` to an open file (a tie's `to` gains an `x`,
//! then loses it, so that every edit is a real change, which breaks or mends a reference) and a
//! request the server does not serve, whose answer comes only once the edit is analysed and
//! every problem it changed is published. BENCHMARKS.md reports it beside `check`.
//!
//!     cargo bench --bench lsp        # the built-in description, 10k and 100k units

// criterion_group! writes the benchmark group as an undocumented public function.
#![allow(missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use organigram::load::Limits;
use organigram::lsp::{Options, serve};
use organigram::model::{Date, Lang};
use serde_json::{Value, json};

/// A workspace whose `org/` holds a copy of the project's `org/`, proposals too.
fn builtin() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("org");
    copy(&root, &dir.path().join("org"));
    dir
}

/// Copies the folder `from` into `to`, sub-folders too.
fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a folder to read") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("a file copied");
        }
    }
}

/// A workspace whose `org/` holds the description of `units` units `organigram generate`
/// writes.
fn generated(units: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let status = Command::new(env!("CARGO_BIN_EXE_organigram"))
        .args([
            "generate",
            "--units",
            &units.to_string(),
            "--seed",
            "1",
            "-o",
        ])
        .arg(dir.path().join("org"))
        .stdout(Stdio::null())
        .status()
        .expect("organigram runs");
    assert!(status.success(), "organigram generate failed: {status}");
    dir
}

/// The `file:` URI of `path`.
fn uri(path: &Path) -> lsp_types::Url {
    lsp_types::Url::from_file_path(path).expect("an absolute path")
}

/// Where, in `text`, the first tie's `to` id ends, as the protocol's line and character.
fn end_of_first_to(text: &str) -> (u32, u32) {
    let ties = text.find("\"ties\"").expect("a file with ties");
    let to = ties + text[ties..].find("\"to\"").expect("a tie with a `to`");
    let open = to + 4 + text[to + 4..].find('"').expect("an id");
    let close = open + 1 + text[open + 1..].find('"').expect("an id's end");
    let line_start = text[..close].rfind('\n').map_or(0, |at| at + 1);
    let line = text[..close].matches('\n').count();
    let character = text[line_start..close].encode_utf16().count();
    (
        u32::try_from(line).expect("a line"),
        u32::try_from(character).expect("a column"),
    )
}

/// A server serving a workspace in a thread, and the client's end of the connection.
struct Server {
    client: Connection,
    thread: Option<JoinHandle<()>>,
    next_id: i32,
}

impl Server {
    /// Starts the server on `workspace` and waits for its first problems.
    fn start(workspace: &Path) -> Server {
        let (server, client) = Connection::memory();
        let options = Options {
            description: None,
            lang: Some(Lang::En),
            today: Date::parse("2026-12-02").expect("a date"),
            limits: Limits::default(),
        };
        let thread = std::thread::spawn(move || {
            serve(&server, &options).expect("the server serves");
        });
        let mut server = Server {
            client,
            thread: Some(thread),
            next_id: 0,
        };
        let root = uri(workspace);
        server.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": "workspace"}],
                "capabilities": {},
            }),
        );
        server.notify("initialized", json!({}));
        server.barrier();
        server
    }

    fn notify(&self, method: &str, params: Value) {
        let notification = Notification::new(method.to_owned(), params);
        self.client
            .sender
            .send(Message::Notification(notification))
            .expect("the server listens");
    }

    /// Sends a request and waits for its response, counting the problems published meanwhile.
    fn request(&mut self, method: &str, params: Value) -> usize {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let request = Request::new(id.clone(), method.to_owned(), params);
        self.client
            .sender
            .send(Message::Request(request))
            .expect("the server listens");
        let mut published = 0;
        loop {
            match self.client.receiver.recv().expect("the server answers") {
                Message::Response(response) if response.id == id => return published,
                Message::Notification(_) => published += 1,
                _ => {}
            }
        }
    }

    /// Waits until every message sent is handled: the server answers a request it does not
    /// serve only after analysing the edits before it and publishing their problems.
    fn barrier(&mut self) -> usize {
        self.request("organigram/barrier", json!(null))
    }

    /// Opens `path` with its text on disk.
    fn open(&mut self, path: &Path) {
        let text = std::fs::read_to_string(path).expect("a file to open");
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {
                "uri": uri(path), "languageId": "json", "version": 1, "text": text,
            }}),
        );
        self.barrier();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.request("shutdown", json!(null));
        self.notify("exit", json!(null));
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the server ends");
        }
    }
}

/// The workspaces measured: a name, the workspace, and the file edited in it.
fn workspaces() -> Vec<(String, tempfile::TempDir, PathBuf)> {
    let mut workspaces = Vec::new();
    let dir = builtin();
    let file = dir.path().join("org/justice.json");
    workspaces.push(("builtin".to_owned(), dir, file));
    for units in [10_000, 100_000] {
        let dir = generated(units);
        let file = dir.path().join("org/org-0000.json");
        workspaces.push((units.to_string(), dir, file));
    }
    workspaces
}

fn edit_to_diagnostics(c: &mut Criterion) {
    let mut group = c.benchmark_group("lsp-edit");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    for (name, dir, file) in workspaces() {
        let mut server = Server::start(dir.path());
        server.open(&file);
        let text = std::fs::read_to_string(&file).expect("a file");
        let (line, character) = end_of_first_to(&text);
        let mut version = 1;
        group.bench_function(BenchmarkId::from_parameter(&name), |b| {
            b.iter(|| {
                version += 1;
                // Odd versions hold the `x`, even ones do not.
                let (end, inserted) = if version % 2 == 0 {
                    (character, "x")
                } else {
                    (character + 1, "")
                };
                server.notify(
                    "textDocument/didChange",
                    json!({
                        "textDocument": {"uri": uri(&file), "version": version},
                        "contentChanges": [{
                            "range": {
                                "start": {"line": line, "character": character},
                                "end": {"line": line, "character": end},
                            },
                            "text": inserted,
                        }],
                    }),
                );
                server.barrier()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, edit_to_diagnostics);
criterion_main!(benches);
