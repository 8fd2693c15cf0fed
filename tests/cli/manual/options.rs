//! The manual names every command and every option the binary has: each command (and
//! subcommand, `import csv`) has its row in the table of `docs/commands.md`, and each option its
//! mention somewhere in the manual, by its long name or its short one (`-o`). The list is read
//! from the binary's own `--help`, so a new option fails here until the manual says what it does.

use super::{chapters, read};
use crate::support::organigram;

/// The names of a `--help`'s commands (`show`, `find`…), without `help`.
fn commands(help: &str) -> Vec<String> {
    let Some((_, listed)) = help.split_once("Commands:\n") else {
        return Vec::new();
    };
    listed
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// A `--help`'s options, each as its names: the long one and the short one when it has one
/// (`["--output", "-o"]`).
fn options(help: &str) -> Vec<Vec<String>> {
    let Some((_, listed)) = help.split_once("Options:\n") else {
        return Vec::new();
    };
    listed
        .lines()
        .filter_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (short, long) = match words.as_slice() {
                [short, long, ..] if short.len() == 3 && short.ends_with(',') => {
                    (Some(&short[..2]), *long)
                }
                [long, ..] => (None, *long),
                [] => return None,
            };
            long.starts_with("--").then(|| {
                std::iter::once(long)
                    .chain(short)
                    .map(str::to_owned)
                    .collect()
            })
        })
        .collect()
}

/// Whether `text` names the option `name` as a whole (`--max`, not the start of `--max-span`).
fn names(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

#[test]
fn the_manual_names_every_command_and_every_option() {
    let manual: String = chapters()
        .iter()
        .map(|chapter| read(&format!("docs/{chapter}")))
        .collect();
    let table = read("docs/commands.md");
    let help = |path: &[String]| {
        organigram(path.iter().map(String::as_str).chain(["--help"]))
            .run()
            .success()
    };
    let top = help(&[]);
    let mut paths: Vec<Vec<String>> = vec![Vec::new()];
    for command in commands(&top) {
        let subcommands = commands(&help(std::slice::from_ref(&command)));
        if subcommands.is_empty() {
            paths.push(vec![command]);
        } else {
            paths.extend(subcommands.into_iter().map(|s| vec![command.clone(), s]));
        }
    }
    assert!(paths.len() > 20, "{paths:?}: the commands were not read");
    let mut missing = Vec::new();
    for path in &paths {
        let command = path.join(" ");
        if !path.is_empty() && !names(&table, &format!("| `{command}")) {
            missing.push(format!(
                "`{command}` has no row in the table of docs/commands.md"
            ));
        }
        for option in options(&help(path)) {
            if option[0] != "--help" && !option.iter().any(|name| names(&manual, name)) {
                missing.push(format!(
                    "`{command} {}` is named nowhere in docs/",
                    option[0]
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn options_are_read_from_help_and_named_whole() {
    let help = "Usage: x\n\nCommands:\n  show  Everything\n          about\n  help  Print\n\n\
                Options:\n  -o, --output <DIR>  The folder\n      --max <N>  At most\n\
                          - ministry: A ministry\n  -h, --help  Print help\n";
    assert_eq!(commands(help), ["show"]);
    assert_eq!(
        options(help),
        [vec!["--output", "-o"], vec!["--max"], vec!["--help", "-h"]]
    );
    assert!(names("with `--max N`.", "--max"));
    assert!(!names("`--max-span`", "--max"));
    assert!(!names("x--max", "--max"));
}
