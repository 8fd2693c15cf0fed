//! A real editor on the server: Neovim (Debian's `neovim`, 0.7 on bookworm), headless, set up as
//! `docs/editors.md` says, its built-in language client scripted in Lua (`neovim.lua`) on a copy
//! of the built-in description: the problems of `org/justice.json` shown, a broken tie found and
//! mended, a jump from a tie to its unit, a unit renamed in every file that names it, and its
//! references.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::client::{Workspace, uri};
use crate::support::{self, organigram, root};

/// How long Neovim may run before the test calls it stuck and kills it.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The id the test renames the unit to: one the built-in description does not use.
const NEW_ID: &str = "renamed-by-neovim";

/// The Lua blocks of `docs/editors.md`: the set-ups for each version of Neovim.
fn documented_lua() -> Vec<String> {
    let chapter = std::fs::read_to_string(root().join("docs/editors.md")).unwrap();
    chapter
        .split("```lua\n")
        .skip(1)
        .filter_map(|block| block.split_once("```"))
        .map(|(code, _)| code.to_owned())
        .collect()
}

/// The set-up for Neovim 0.7 that `docs/editors.md` gives (its Lua block that starts the server
/// with `vim.lsp.start_client`): the test runs it as Neovim's `init.lua`, so the manual's
/// snippet is the one proved to work.
fn documented_setup() -> String {
    documented_lua()
        .into_iter()
        .find(|code| code.contains("vim.lsp.start_client"))
        .expect("docs/editors.md gives a Lua set-up with vim.lsp.start_client, for Neovim 0.7")
}

/// Every set-up the manual gives for Neovim is Lua that Neovim's Lua reads (the 0.8 and 0.11
/// ones cannot run in Debian's 0.7, but a typo in them is found), and starts `organigram lsp`.
#[test]
fn the_manual_s_neovim_set_ups_are_lua_that_start_organigram_lsp() {
    support::neovim::require();
    let blocks = documented_lua();
    assert!(blocks.len() >= 3, "0.7, 0.8 and 0.11: {blocks:?}");
    let dir = tempfile::tempdir().unwrap();
    for (n, block) in blocks.iter().enumerate() {
        assert!(
            block.contains(r#"cmd = { "organigram", "lsp" }"#),
            "{block}"
        );
        let file = dir.path().join(format!("{n}.lua"));
        std::fs::write(&file, block).unwrap();
        let output = Command::new("nvim")
            .args(["--headless", "--clean", "-u", "NONE", "-c"])
            .arg(
                "lua local ok, why = loadfile(os.getenv('BLOCK')) \
                 if not ok then io.stderr:write(why) vim.cmd('cquit 1') end",
            )
            .args(["-c", "qa!"])
            .env("BLOCK", &file)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{block}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The line (from 0) of the declaration of unit `id` in a description file's text: its `"id"`
/// line after the `"units"` key.
fn declaration_line(text: &str, id: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let units = lines
        .iter()
        .position(|l| l.trim_start().starts_with("\"units\""))
        .unwrap();
    let declared = format!("\"id\": \"{id}\"");
    units
        + lines[units..]
            .iter()
            .position(|l| l.contains(&declared))
            .unwrap_or_else(|| panic!("no declaration of {id}"))
}

/// The description's files and its proposals in the folder `org`.
fn files(org: &Path) -> Vec<PathBuf> {
    let mut files = support::json_files(org);
    files.extend(support::json_files(&org.join("proposals")));
    files
}

/// How many times `text` holds the JSON string `id`.
fn count(text: &str, id: &str) -> usize {
    text.matches(&format!("\"{id}\"")).count()
}

/// The unit of `justice.json` the test renames: the first one that a proposal names too, so that
/// the rename crosses files.
fn unit_to_rename(org: &Path) -> String {
    let justice: Value =
        serde_json::from_str(&std::fs::read_to_string(org.join("justice.json")).unwrap()).unwrap();
    let proposals: Vec<String> = support::json_files(&org.join("proposals"))
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    justice["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|unit| unit["id"].as_str())
        .find(|id| proposals.iter().any(|p| count(p, id) > 0))
        .expect("a proposal names a unit of justice.json")
        .to_owned()
}

/// `check`'s problems in the workspace, as (file, code, line), with `args` after `check`.
fn checked(workspace: &Path, args: &[&str]) -> BTreeSet<(String, String, u64)> {
    let output = organigram(["check", "--format", "json"])
        .args(args)
        .in_dir(workspace)
        .run();
    output.json()["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["code"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Runs Neovim headless in `workspace` with the documented set-up and `neovim.lua`, renaming
/// `old`, and returns what the script saw; kills it after [`TIMEOUT`].
fn run_neovim(workspace: &Path, old: &str) -> Value {
    support::neovim::require();
    let home = tempfile::tempdir().unwrap();
    // The set-up runs `organigram` from the PATH, as a person's does: this test's binary.
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_organigram"), bin.join("organigram")).unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let init = home.path().join("init.lua");
    std::fs::write(&init, documented_setup()).unwrap();
    let result = home.path().join("result.json");
    let log = home.path().join("nvim.log");
    let script = root().join("tests/cli/lsp/neovim.lua");
    let mut child = Command::new("nvim")
        .arg("--headless")
        .arg("--clean")
        .arg("-u")
        .arg(&init)
        .arg("-S")
        .arg(&script)
        .current_dir(workspace)
        .env("PATH", path)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        // Nothing of the machine's Neovim set-up, nor its logs, in the test's way.
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("ORGANIGRAM_RESULT", &result)
        .env("ORGANIGRAM_RENAME_FROM", old)
        .env("ORGANIGRAM_RENAME_TO", NEW_ID)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(home.path().join("nvim.err")).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "Neovim ran more than {TIMEOUT:?}: {}",
                std::fs::read_to_string(home.path().join("nvim.err")).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let said = std::fs::read_to_string(home.path().join("nvim.err")).unwrap_or_default();
    assert!(status.success(), "Neovim failed ({status}): {said}");
    let text = std::fs::read_to_string(&result)
        .unwrap_or_else(|e| panic!("the script wrote no result ({e}): {said}"));
    let seen: Value = serde_json::from_str(&text).unwrap();
    assert!(
        seen["error"].is_null(),
        "the script failed: {seen:#}\n{said}"
    );
    seen
}

#[test]
fn neovim_shows_the_problems_jumps_to_a_unit_and_renames_it_everywhere() {
    let workspace = Workspace::builtin();
    let dir = workspace.dir.path();
    let org = dir.join("org");
    let justice = workspace.file("justice.json");
    let original = std::fs::read_to_string(&justice).unwrap();
    let old = unit_to_rename(&org);
    let before: Vec<(PathBuf, String)> = files(&org)
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f, text)
        })
        .collect();
    let naming: Vec<&Path> = before
        .iter()
        .filter(|(_, text)| count(text, &old) > 0)
        .map(|(f, _)| f.as_path())
        .collect();
    assert!(naming.len() >= 2, "{old} is named in {naming:?}");
    let proposals: Vec<String> = naming
        .iter()
        .filter_map(|f| f.strip_prefix(dir).ok())
        .filter(|f| f.starts_with("org/proposals"))
        .map(|f| f.display().to_string())
        .collect();
    let checked_before = checked(dir, &[]);
    let proposals_before: Vec<_> = proposals
        .iter()
        .map(|p| checked(dir, &["--proposal", p]))
        .collect();

    let seen = run_neovim(dir, &old);
    assert_eq!(seen["filetype"], "json", "{seen:#}");
    assert_eq!(seen["attached"], true, "no client attached: {seen:#}");

    // 1. The problems of justice.json, as check finds them: code and line.
    assert_eq!(seen["diagnosed"], true, "no problem arrived: {seen:#}");
    let shown: BTreeSet<(String, u64)> = seen["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, u64)> = checked_before
        .iter()
        .filter(|(file, _, _)| file == "org/justice.json")
        .map(|(_, code, line)| (code.clone(), line - 1))
        .collect();
    assert!(
        expected.iter().any(|(code, _)| code == "vacant-post"),
        "{expected:?}"
    );
    assert_eq!(shown, expected, "{seen:#}");

    // 2. A tie's `to` broken, then mended by undo.
    let lines: Vec<&str> = original.lines().collect();
    let tie = usize::try_from(seen["tie"]["line"].as_u64().unwrap()).unwrap();
    let to = seen["tie"]["to"].as_str().unwrap();
    assert!(
        lines[tie].contains(&format!("\"to\": \"{to}\"")),
        "{}",
        lines[tie]
    );
    assert!(
        seen["broken_text"]
            .as_str()
            .unwrap()
            .contains(&format!("\"{to}-nowhere\"")),
        "{seen:#}"
    );
    assert_eq!(
        seen["broken"], true,
        "no unknown-unit on the line: {seen:#}"
    );
    assert_eq!(seen["mended_text"], lines[tie], "{seen:#}");
    assert_eq!(seen["mended"], true, "the unknown-unit stayed: {seen:#}");

    // 3. From the tie's `to` to the declaration of its unit.
    let declared = u64::try_from(declaration_line(&original, to)).unwrap();
    assert_eq!(
        seen["definition"]["uri"].as_str(),
        Some(uri(&justice).as_str()),
        "textDocument/definition: {seen:#}"
    );
    assert_eq!(
        seen["definition"]["line"].as_u64(),
        Some(declared),
        "{seen:#}"
    );
    assert_eq!(seen["jumped"], true, "vim.lsp.buf.definition(): {seen:#}");
    assert_eq!(
        seen["jump"]["file"].as_str().map(PathBuf::from),
        Some(std::fs::canonicalize(&justice).unwrap()),
        "{seen:#}"
    );
    assert_eq!(seen["jump"]["line"].as_u64(), Some(declared), "{seen:#}");

    // 4. The unit renamed: in every file that named it, every mention, and nowhere else.
    assert_eq!(
        seen["declaration"].as_u64(),
        Some(u64::try_from(declaration_line(&original, &old)).unwrap())
    );
    assert_eq!(seen["renamed"], true, "vim.lsp.buf.rename(): {seen:#}");
    for (file, text) in &before {
        assert_eq!(count(text, NEW_ID), 0, "{}", file.display());
        let now = std::fs::read_to_string(file).unwrap();
        assert_eq!(count(&now, &old), 0, "{} still names {old}", file.display());
        assert_eq!(
            count(&now, NEW_ID),
            count(text, &old),
            "{}: every mention of {old} renamed",
            file.display()
        );
        assert_eq!(
            now.replace(&format!("\"{NEW_ID}\""), &format!("\"{old}\"")),
            *text,
            "{}: nothing else changed",
            file.display()
        );
    }
    assert_eq!(seen["settled"], true, "{seen:#}");
    assert_eq!(checked(dir, &[]), checked_before);
    for (proposal, before) in proposals.iter().zip(&proposals_before) {
        assert_eq!(
            &checked(dir, &["--proposal", proposal]),
            before,
            "{proposal}"
        );
    }

    // 5. Its references: every line of every file that names it now.
    let listed: BTreeSet<(PathBuf, u64)> = seen["references"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                PathBuf::from(r["file"].as_str().unwrap()),
                r["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let naming: BTreeSet<(PathBuf, u64)> = before
        .iter()
        .flat_map(|(file, _)| {
            let text = std::fs::read_to_string(file).unwrap();
            let file = std::fs::canonicalize(file).unwrap();
            text.lines()
                .enumerate()
                .filter(|(_, line)| count(line, NEW_ID) > 0)
                .map(|(n, _)| (file.clone(), u64::try_from(n).unwrap()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(naming.len() >= 5, "{naming:?}");
    assert_eq!(listed, naming, "textDocument/references: {seen:#}");
}
