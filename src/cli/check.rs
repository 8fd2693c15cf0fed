//! `organigram check`: every problem of a structure, or of the structure a proposal makes, as
//! rustc-like text or JSON on standard output, then a summary; the exit code gates CI.

use std::io::{self, IsTerminal, Write};

use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use serde::Serialize;

use super::diff::{DiffJson, write_text as write_diff};
use super::print::{Format, write_json};
use super::{Failure, refuse};
use organigram::check::{self, DEFAULT_MAX_SPAN, Level, Levels, Options, Problem, Report};
use organigram::diagnostic::render::{self, Colour, JsonDiagnostic};
use organigram::diagnostic::{Code, Diagnostic, Severity, SourceMap, nearest};
use organigram::diff::{Diff, diff};
use organigram::graph::OrgGraph;
use organigram::load::Files;
use organigram::model::Date;
use organigram::proposal::Proposal;
use organigram::{Dated, Loader, Workspace, tr};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Print what a code means (its default severity and why it matters), and check nothing;
    /// without a code, every code with its severity and its reason.
    #[arg(long, value_name = "CODE", value_parser = parse_code, num_args = 0..=1)]
    #[allow(clippy::option_option)]
    // Not asked, asked for every code, asked for one: three runs.
    explain: Option<Option<Code>>,

    /// Report a code as an error; `--deny warnings` reports every warning as one. Repeatable.
    #[arg(long, value_name = "CODE|warnings", value_parser = parse_deny)]
    deny: Vec<Deny>,

    /// Report a code as a warning. Repeatable.
    #[arg(long, value_name = "CODE", value_parser = parse_code)]
    warn: Vec<Code>,

    /// Do not report a code. Repeatable.
    #[arg(long, value_name = "CODE", value_parser = parse_code)]
    allow: Vec<Code>,

    /// Report units and ties with no source as errors.
    #[arg(long)]
    strict: bool,

    /// The span of control above which a unit or post gets a `wide-span` warning.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_SPAN)]
    max_span: usize,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,
}

impl Args {
    /// Whether the run only explains a code (`--explain`), and checks nothing.
    pub(crate) fn explains(&self) -> bool {
        self.explain.is_some()
    }
}

/// What `--deny` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Deny {
    Warnings,
    Code(Code),
}

/// Problems errors first, then warnings, then notes, each severity in the report's order, so
/// that a file's problems of one severity stay together.
fn by_severity<'a>(problems: impl Iterator<Item = &'a Diagnostic>) -> Vec<&'a Diagnostic> {
    let mut sorted: Vec<&Diagnostic> = problems.collect();
    sorted.sort_by_key(|d| d.severity);
    sorted
}

/// A code by name, or why it is none: the nearest of `names`, then all of them to pick from.
fn code<'a>(name: &str, names: impl IntoIterator<Item = &'a str>) -> Result<Code, String> {
    Code::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = names.into_iter().collect();
        let mut message = format!("unknown code `{name}`");
        if let Some(near) = nearest(name, names.iter().copied()) {
            message.push_str(&format!("; did you mean `{near}`?"));
        }
        message.push_str(&format!(
            "\n  the codes are: {}\n  `organigram check --explain` says what each means",
            names.join(", ")
        ));
        message
    })
}

fn parse_code(name: &str) -> Result<Code, String> {
    code(name, Code::ALL.iter().map(|c| c.as_str()))
}

fn parse_deny(name: &str) -> Result<Deny, String> {
    const WARNINGS: &str = "warnings";
    if name == WARNINGS {
        return Ok(Deny::Warnings);
    }
    let names = Code::ALL.iter().map(|c| c.as_str()).chain([WARNINGS]);
    code(name, names).map(Deny::Code)
}

/// Checks what `loader` reads: with a proposal, the structure it makes, each problem marked new
/// or already there, with those it solves and what it changes.
pub(crate) fn run(loader: Loader, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    if let Some(asked) = args.explain {
        let lang = super::lang();
        let title = |code: Code| {
            tr!(
                lang,
                "check-explain",
                code = code.as_str(),
                severity = code.default_severity().as_str()
            )
        };
        match asked {
            Some(code) => writeln!(out, "{}\n\n{}", title(code), code.rationale_in(lang))?,
            // Every code, in the order they are documented, each with its reason indented.
            None => {
                for &code in Code::ALL {
                    writeln!(out, "{}\n    {}", title(code), code.rationale_in(lang))?;
                }
            }
        }
        return Ok(());
    }
    let levels = levels(args).map_err(|e| Failure::Usage(e.to_string()))?;
    let options = Options {
        max_span: args.max_span,
    };
    let checked = Checked::load(loader, &levels, options, args.format)?;
    let changes = checked.changes();
    let shown = Shown {
        files: &checked.files,
        report: &checked.report,
        proposed: checked.proposal(),
        changes: changes.as_ref(),
        day: checked.day,
    };
    match args.format {
        Format::Json => write_json(out, &shown.json())?,
        Format::Text => {
            let colour = Colour::detect(io::stdout().is_terminal());
            shown.text(out, colour)?;
        }
    }
    if checked.report.has_unreadable_input() {
        Err(Failure::Input)
    } else if checked.report.summary.errors > 0 {
        Err(Failure::Findings)
    } else {
        Ok(())
    }
}

/// What `loader` reads, checked as `check` checks it: every problem in a report and, with a
/// proposal, each marked new or already there, with the structures before and after it.
pub(crate) struct Checked {
    /// The files read, which the problems are shown from.
    pub(crate) files: Files,
    /// The problems, adjusted by the levels.
    pub(crate) report: Report,
    /// With a proposal: the proposal, and the graphs of the structure before and after it.
    compared: Option<(Proposal, OrgGraph, OrgGraph)>,
    /// The day the structure is checked as of, when it is cut to one.
    day: Option<Date>,
    /// With [`Loader::date_proposal`]: the proposal written into the whole description.
    dated: Option<Dated>,
    /// The errors found in reading the description (also in the report): what it describes is
    /// then not all its files say.
    read_errors: Vec<Diagnostic>,
}

impl Checked {
    /// Loads what `loader` reads and checks it, the rules of time included ([`check::time`]);
    /// a proposal that cannot be applied is refused, its problems printed in `format`.
    pub(crate) fn load(
        loader: Loader,
        levels: &Levels,
        options: Options,
        format: Format,
    ) -> Result<Checked, Failure> {
        let Workspace {
            files,
            read,
            structure,
            proposal,
            timeline,
            absent,
            ..
        } = loader
            .check_timeline(check::time::rules)
            .load()
            .map_err(|refused| refuse(&refused, format))?;
        // Building a graph finds problems too; the rules find the rest, those of time on the
        // whole description: before a proposal, and after it when it is dated, for its effective
        // day (undated, it changes one day's structure, and the rest of time as it was).
        let checked =
            |structure, timeline: &[Diagnostic]| check::structure(structure, timeline, &options);
        let (before, timeline_after, dated) = match proposal {
            Some(proposed) => {
                let after = proposed.timeline.unwrap_or_else(|| timeline.clone());
                let before = checked(proposed.before, &timeline);
                (Some((proposed.proposal, before)), after, proposed.dated)
            }
            None => (None, timeline, None),
        };
        let read_errors = read.iter().filter(|d| d.is_error()).cloned().collect();
        let (after_graph, after_problems) = checked(structure, &timeline_after);
        let (proposal, before) = before.unzip();
        let (before_graph, before_problems) = before.unzip();
        let report = check::report(read, before_problems, after_problems, levels);
        // Showing the problems may read the files again: without a proposal to compare with,
        // the graph goes first, so that a large description and its files are not in memory
        // together.
        let compared = proposal
            .zip(before_graph)
            .map(|(proposal, before)| (proposal, before, after_graph));
        Ok(Checked {
            files,
            report,
            compared,
            day: absent.day(),
            dated,
            read_errors,
        })
    }

    /// The errors found in reading the description.
    pub(crate) fn read_errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.read_errors.iter()
    }

    /// The proposal checked, if any.
    pub(crate) fn proposal(&self) -> Option<&Proposal> {
        self.compared.as_ref().map(|(proposal, _, _)| proposal)
    }

    /// What writing the proposal into the files needs, when it was dated
    /// ([`Loader::date_proposal`]): the files read, the proposal and its dated description; the
    /// graphs go.
    pub(crate) fn into_written(self) -> Option<(Files, Proposal, Dated)> {
        let (proposal, _, _) = self.compared?;
        Some((self.files, proposal, self.dated?))
    }

    /// With a proposal: what it changes in the structure.
    fn changes(&self) -> Option<Diff<'_>> {
        self.compared
            .as_ref()
            .map(|(_, before, after)| diff(before, after))
    }
}

fn levels(args: &Args) -> Result<Levels, check::LevelError> {
    let deny_warnings = args.deny.contains(&Deny::Warnings);
    let denied = args.deny.iter().filter_map(|d| match d {
        Deny::Code(code) => Some((*code, Level::Deny)),
        Deny::Warnings => None,
    });
    let codes = args
        .allow
        .iter()
        .map(|&c| (c, Level::Allow))
        .chain(args.warn.iter().map(|&c| (c, Level::Warn)))
        .chain(denied);
    Levels::new(args.strict, deny_warnings, codes)
}

/// Everything a run shows.
struct Shown<'a> {
    files: &'a Files,
    report: &'a Report,
    proposed: Option<&'a Proposal>,
    changes: Option<&'a Diff<'a>>,
    /// The day the structure is checked as of, when it is cut to one.
    day: Option<Date>,
}

/// "1 error", "2 warnings".
fn counted(n: usize, severity: Severity) -> String {
    let lang = super::lang();
    match severity {
        Severity::Warning => tr!(lang, "count-warnings", n = n),
        Severity::Note => tr!(lang, "count-notes", n = n),
        _ => tr!(lang, "count-errors", n = n),
    }
}

impl Shown<'_> {
    fn text(&self, out: &mut dyn Write, colour: Colour) -> io::Result<()> {
        let mut plain;
        let mut ansi;
        let styled: &mut dyn WriteColor = match colour {
            Colour::Always => {
                ansi = Ansi::new(&mut *out);
                &mut ansi
            }
            Colour::Never => {
                plain = NoColor::new(&mut *out);
                &mut plain
            }
        };
        let lang = super::lang();
        let problems = &self.report.problems;
        match (self.proposed, self.changes) {
            (Some(proposal), Some(changes)) => {
                let file = self.files.name(proposal.file).display().to_string();
                writeln!(
                    styled,
                    "{}",
                    tr!(
                        lang,
                        "check-proposal",
                        title = &proposal.title,
                        file = file,
                        changes = proposal.changes.len()
                    )
                )?;
                if let (Some(effective), Some(day)) = (&proposal.effective, self.day) {
                    let same = if day.start() == effective.value.start() {
                        "same"
                    } else {
                        "later"
                    };
                    writeln!(
                        styled,
                        "{}",
                        tr!(
                            lang,
                            "check-effective",
                            effective = effective.value.to_string(),
                            day = day.to_string(),
                            same = same
                        )
                    )?;
                }
                writeln!(styled)?;
                let (new, old): (Vec<&Problem>, Vec<&Problem>) =
                    problems.iter().partition(|p| p.new);
                let resolved = by_severity(self.report.resolved.iter());
                let new = by_severity(new.iter().map(|p| &p.diagnostic));
                let old = by_severity(old.iter().map(|p| &p.diagnostic));
                let groups = [
                    (tr!(lang, "check-new-problems", n = new.len()), new),
                    (tr!(lang, "check-old-problems", n = old.len()), old),
                    (
                        tr!(lang, "check-solved-problems", n = resolved.len()),
                        resolved,
                    ),
                ];
                for (title, group) in groups {
                    writeln!(styled, "{title}\n")?;
                    render::text(styled, self.files, group, lang)?;
                }
                writeln!(styled, "{}", tr!(lang, "check-structural-change"))?;
                if changes.is_empty() {
                    writeln!(styled, "  {}", tr!(lang, "check-no-change"))?;
                } else {
                    write_diff(styled, changes, "  ")?;
                }
                writeln!(styled)?;
            }
            _ => render::text(
                styled,
                self.files,
                by_severity(problems.iter().map(|p| &p.diagnostic)),
                lang,
            )?,
        }
        if let Some(counts) = self.counts_by_code() {
            writeln!(styled, "{counts}")?;
        }
        writeln!(styled, "{}", self.summary_line())
    }

    /// How many problems of each code were found, most first (then by code), as
    /// "by code: orphan-unit 2, vacant-post 1"; `None` when there are none.
    fn counts_by_code(&self) -> Option<String> {
        let mut counts: Vec<(Code, usize)> = Vec::new();
        for problem in &self.report.problems {
            let code = problem.diagnostic.code;
            match counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => counts.push((code, 1)),
            }
        }
        if counts.is_empty() {
            return None;
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
        let listed: Vec<String> = counts
            .iter()
            .map(|(code, n)| format!("{} {n}", code.as_str()))
            .collect();
        Some(tr!(
            super::lang(),
            "check-by-code",
            counts = listed.join(", ")
        ))
    }

    /// "1 error, 2 warnings, 3 notes", and with a proposal what is new.
    fn summary_line(&self) -> String {
        let s = &self.report.summary;
        let mut line = format!(
            "{}, {}, {}",
            counted(s.errors, Severity::Error),
            counted(s.warnings, Severity::Warning),
            counted(s.notes, Severity::Note)
        );
        if self.proposed.is_some() {
            let new: Vec<String> = [
                (s.new_errors, Severity::Error),
                (s.new_warnings, Severity::Warning),
                (s.new_notes, Severity::Note),
            ]
            .into_iter()
            .filter(|&(n, _)| n > 0)
            .map(|(n, severity)| counted(n, severity))
            .collect();
            let lang = super::lang();
            if new.is_empty() {
                line.push_str(&tr!(lang, "check-nothing-new"));
            } else {
                line.push_str(&tr!(lang, "check-new-with", new = new.join(", ")));
            }
            if s.resolved > 0 {
                line.push_str(&tr!(lang, "check-solved-by-it", n = s.resolved));
            }
        }
        line
    }

    fn json(&self) -> CheckJson<'_> {
        let s = &self.report.summary;
        CheckJson {
            problems: self
                .report
                .problems
                .iter()
                .map(|p| ProblemJson {
                    diagnostic: render::json(self.files, &p.diagnostic, super::lang()),
                    new: self.proposed.map(|_| p.new),
                })
                .collect(),
            summary: SummaryJson {
                all: Counts {
                    errors: s.errors,
                    warnings: s.warnings,
                    notes: s.notes,
                },
                new: self.proposed.map(|_| Counts {
                    errors: s.new_errors,
                    warnings: s.new_warnings,
                    notes: s.new_notes,
                }),
                resolved: self.proposed.map(|_| s.resolved),
            },
            resolved: self.proposed.map(|_| {
                self.report
                    .resolved
                    .iter()
                    .map(|d| render::json(self.files, d, super::lang()))
                    .collect()
            }),
            proposal: self
                .proposed
                .zip(self.changes)
                .map(|(proposal, changes)| ProposalJson {
                    file: self.files.name(proposal.file).display().to_string(),
                    title: &proposal.title,
                    summary: proposal.summary.as_deref(),
                    effective: proposal.effective.as_ref().map(|e| EffectiveJson {
                        date: e.value.to_string(),
                        as_of: self.day.map(|d| d.to_string()),
                    }),
                    changes: proposal.changes.len(),
                    structure: DiffJson::new(changes),
                }),
        }
    }
}

#[derive(Serialize)]
struct CheckJson<'a> {
    problems: Vec<ProblemJson<'a>>,
    summary: SummaryJson,
    /// With a proposal: the problems of the structure before it that it solves.
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<Vec<JsonDiagnostic<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    proposal: Option<ProposalJson<'a>>,
}

#[derive(Serialize)]
struct ProblemJson<'a> {
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
    /// With a proposal: whether the proposal brings the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<bool>,
}

#[derive(Serialize)]
struct Counts {
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(Serialize)]
struct SummaryJson {
    #[serde(flatten)]
    all: Counts,
    /// With a proposal: the counts of the problems it brings.
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<Counts>,
    /// With a proposal: how many problems it solves.
    #[serde(skip_serializing_if = "Option::is_none")]
    resolved: Option<usize>,
}

#[derive(Serialize)]
struct ProposalJson<'a> {
    file: String,
    title: &'a str,
    summary: Option<&'a str>,
    /// When the proposal takes effect, if it says.
    effective: Option<EffectiveJson>,
    /// How many changes the proposal makes.
    changes: usize,
    /// What the proposal changes in the structure, as `diff` gives it.
    structure: DiffJson<'a>,
}

#[derive(Serialize)]
struct EffectiveJson {
    /// The day the proposal takes effect.
    date: String,
    /// The day the structure is checked as of: that day, unless `--as-of` names a later one.
    as_of: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_with_a_suggestion() {
        assert_eq!(parse_code("orphan-unit"), Ok(Code::OrphanUnit));
        let refused = parse_code("orphan-units").unwrap_err();
        assert!(
            refused.starts_with("unknown code `orphan-units`; did you mean `orphan-unit`?\n"),
            "{refused}"
        );
        assert!(refused.contains("io, invalid-utf8,"), "{refused}");
        let refused = parse_deny("warning").unwrap_err();
        assert!(refused.contains(", warnings\n"), "{refused}");
        assert_eq!(parse_deny("warnings"), Ok(Deny::Warnings));
    }
}
