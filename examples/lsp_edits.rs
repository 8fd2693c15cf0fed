//! The language server's figure for BENCHMARKS.md, as an editor meets it: `organigram lsp`
//! started as a process and spoken to over its standard input and output, one file opened, then
//! `EDITS` edits (a tie's `to` gains an `x`, then loses it: each a real change, which breaks or
//! mends a reference), each followed by a request the server does not serve, answered only once
//! the edit is analysed and its problems published. Prints the time from each edit sent to that
//! answer received: median, 90th percentile, least and most.
//!
//!     cargo build --release
//!     cargo run --release --example lsp_edits -- WORKSPACE FILE [EDITS] [BINARY]
//!
//! WORKSPACE is the folder an editor would open (its `org/` is the description), FILE the file
//! edited; BINARY defaults to `target/release/organigram`.

use std::error::Error;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};

/// The client's ends of the server's pipes, and the next request's id.
struct Client {
    stdin: BufWriter<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    next_id: i32,
}

impl Client {
    fn send(&mut self, message: &Message) -> Result<(), Box<dyn Error>> {
        message.write(&mut self.stdin)?;
        self.stdin.flush()?;
        Ok(())
    }

    fn notify(&mut self, method: &str, params: Value) -> Result<(), Box<dyn Error>> {
        self.send(&Message::Notification(Notification::new(
            method.to_owned(),
            params,
        )))
    }

    /// Sends a request and reads until its response; how many problems lists were published
    /// meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Result<usize, Box<dyn Error>> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(&Message::Request(Request::new(
            id.clone(),
            method.to_owned(),
            params,
        )))?;
        let mut published = 0;
        loop {
            match Message::read(&mut self.stdout)? {
                None => return Err("the server stopped".into()),
                Some(Message::Response(response)) if response.id == id => return Ok(published),
                Some(Message::Notification(_)) => published += 1,
                Some(_) => {}
            }
        }
    }
}

/// Where, in `text`, the first tie's `to` id ends, as the protocol's line and character.
fn end_of_first_to(text: &str) -> Option<(u32, u32)> {
    let ties = text.find("\"ties\"")?;
    let to = ties + text[ties..].find("\"to\"")?;
    let open = to + 4 + text[to + 4..].find('"')?;
    let close = open + 1 + text[open + 1..].find('"')?;
    let line_start = text[..close].rfind('\n').map_or(0, |at| at + 1);
    let line = text[..close].matches('\n').count();
    let character = text[line_start..close].encode_utf16().count();
    Some((u32::try_from(line).ok()?, u32::try_from(character).ok()?))
}

/// The `q` quantile of sorted `times`, the nearest rank.
fn quantile(times: &[Duration], q: f64) -> Duration {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let rank = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len());
    times[rank - 1]
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: lsp_edits WORKSPACE FILE [EDITS] [BINARY]";
    let workspace = std::path::absolute(PathBuf::from(args.next().ok_or(usage)?))?;
    let file = std::path::absolute(PathBuf::from(args.next().ok_or(usage)?))?;
    let edits: u32 = args.next().map_or(Ok(20), |n| n.parse())?;
    // Absolute, as the server runs in the workspace.
    let binary = std::path::absolute(
        args.next()
            .map_or_else(|| PathBuf::from("target/release/organigram"), PathBuf::from),
    )?;

    let mut child = Command::new(&binary)
        .args(["lsp", "--lang", "en"])
        .current_dir(&workspace)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut client = Client {
        stdin: BufWriter::new(child.stdin.take().ok_or("no standard input")?),
        stdout: BufReader::new(child.stdout.take().ok_or("no standard output")?),
        next_id: 0,
    };
    let root = lsp_types::Url::from_file_path(&workspace).map_err(|()| "not a path")?;
    let started = Instant::now();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {},
               "workspaceFolders": [{"uri": root, "name": "workspace"}]}),
    )?;
    client.notify("initialized", json!({}))?;
    let published = client.request("organigram/barrier", json!(null))?;
    eprintln!(
        "started in {:.1?}, {published} files published",
        started.elapsed()
    );

    let text = std::fs::read_to_string(&file)?;
    let (line, character) = end_of_first_to(&text).ok_or("no tie with a `to` in the file")?;
    let uri = lsp_types::Url::from_file_path(Path::new(&file)).map_err(|()| "not a path")?;
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
    )?;
    client.request("organigram/barrier", json!(null))?;

    let mut times = Vec::new();
    let mut published = Vec::new();
    for version in 2..2 + edits {
        let (end, inserted) = if version % 2 == 0 {
            (character, "x")
        } else {
            (character + 1, "")
        };
        let sent = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{
                    "range": {"start": {"line": line, "character": character},
                              "end": {"line": line, "character": end}},
                    "text": inserted,
                }],
            }),
        )?;
        published.push(client.request("organigram/barrier", json!(null))?);
        times.push(sent.elapsed());
    }
    client.request("shutdown", json!(null))?;
    client.notify("exit", json!(null))?;
    child.wait()?;

    times.sort();
    if times.is_empty() {
        return Err("no edit to time".into());
    }
    println!(
        "{edits} edits: median {:.1?}, p90 {:.1?}, min {:.1?}, max {:.1?}; files published per edit: {:?}",
        quantile(&times, 0.5),
        quantile(&times, 0.9),
        times[0],
        times[times.len() - 1],
        published.iter().min().zip(published.iter().max()),
    );
    Ok(())
}
