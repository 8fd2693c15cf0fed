//! `organigram diff A B`: what changed from one description to another, as text or JSON, or as
//! the proposal that makes the change (`--as-proposal`). The structural change `check --proposal`
//! prints is written here too.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use super::print::{Format, UnitRef, citation_text, unit_label, write_json};
use super::write::{self, Destination};
use super::{Failure, lang};
use organigram::diagnostic::SourceMap;
use organigram::diff::{
    Attribute, Diff, NotHeld, Parent, Side, Succession, TieChange, UnitChange, as_proposal,
    diff_workspaces,
};
use organigram::i18n::Text;
use organigram::model::{Date, Tie, Unit};
use organigram::{Workspace, tr};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The description before: a folder of .json files, or one file. With `--from`, it may be
    /// left out: the description is then the one other commands read (`--org`).
    #[arg(required_unless_present = "from")]
    pub(crate) before: Option<PathBuf>,

    /// The description after; with `--proposal`, as the proposal changes it. With `--from`, it
    /// may be left out: it is then the description before.
    #[arg(required_unless_present = "from")]
    pub(crate) after: Option<PathBuf>,

    /// Compare the structure in force on this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a partial
    /// date standing for its first day) with the one in force on the date of `--to`: what was
    /// created, closed, moved, renamed, merged or split between the two.
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    pub(crate) from: Option<Date>,

    /// With `--from`: the later date [default: today].
    #[arg(long, value_name = "DATE", value_parser = Date::parse, requires = "from")]
    pub(crate) to: Option<Date>,

    /// Exit with 1 when the two differ, as `git diff --exit-code` does (default: 0 either way).
    #[arg(long)]
    exit_code: bool,

    /// Write the difference as the proposal file that turns the description before into the
    /// one after (canonical JSON), so that changes made by hand in the files can be reviewed
    /// with `check --proposal`. It takes effect on the day of --as-of when one is given. What a
    /// proposal cannot say (a file added or removed, a source changed…) is listed on standard
    /// error, and the exit code is then 1. Not with --from.
    #[arg(long, conflicts_with_all = ["from", "format"])]
    as_proposal: bool,

    /// With --as-proposal: the proposal's title [default: "Changes from BEFORE to AFTER"].
    #[arg(long, value_name = "TEXT", requires = "as_proposal")]
    title: Option<String>,

    /// With --as-proposal: write the proposal to this file (replaced whole, atomically) instead
    /// of standard output.
    #[arg(short, long, value_name = "FILE", requires = "as_proposal")]
    output: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

pub(crate) fn run(
    before: &Workspace,
    after: &Workspace,
    args: &Args,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if args.as_proposal {
        return write_proposal(before, after, args, out);
    }
    let diff = diff_workspaces(before, after);
    match args.format {
        Format::Json => write_json(out, &DiffJson::new(&diff))?,
        Format::Text => write_text(out, &diff, "")?,
    }
    if args.exit_code && !diff.is_empty() {
        return Err(Failure::Findings);
    }
    Ok(())
}

/// Writes the proposal that turns `before` into `after` ([`as_proposal`]), where `-o` says;
/// then what it cannot hold, one warning a line, and the failure that says so: also what either
/// description says where it could not be read, which neither structure holds.
fn write_proposal(
    before: &Workspace,
    after: &Workspace,
    args: &Args,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let lang = lang();
    let name = |path: &Option<PathBuf>| {
        path.as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    };
    let (before_name, after_name) = (name(&args.before), name(&args.after));
    let title = args.title.clone().unwrap_or_else(|| {
        tr!(
            lang,
            "diff-proposal-title",
            before = before_name.as_str(),
            after = after_name.as_str()
        )
    });
    let made = as_proposal(
        &before.graph().to_description(),
        &after.graph().to_description(),
        title,
        after.as_of,
    );
    let text = made.file.to_json().map_err(io::Error::from)?;
    let others: Vec<&std::path::Path> = before
        .files
        .iter()
        .map(|id| before.files.name(id))
        .collect();
    let read = write::Read::of(Some(&after.files), &others);
    args.output
        .as_deref()
        .map_or(Destination::Stdout, Destination::of)
        .write(out, text.as_bytes(), &read)
        .map_err(Failure::Usage)?;
    // What could not be read is in neither structure: the proposal cannot hold it.
    let unread: Vec<(&str, usize)> = [(&before_name, before), (&after_name, after)]
        .into_iter()
        .map(|(name, side)| {
            (
                name.as_str(),
                side.read.iter().filter(|d| d.is_error()).count(),
            )
        })
        .filter(|(_, errors)| *errors > 0)
        .collect();
    if made.not_held.is_empty() && unread.is_empty() {
        return Ok(());
    }
    for (name, errors) in &unread {
        errln!(
            "{}",
            tr!(lang, "diff-not-held-unread", path = *name, errors = *errors)
        );
    }
    for not_held in &made.not_held {
        let (kind, id) = match not_held {
            NotHeld::OrganisationAdded(id) => ("organisation-added", id.to_string()),
            NotHeld::OrganisationRemoved(id) => ("organisation-removed", id.to_string()),
            NotHeld::OrganisationChanged(id) => ("organisation-changed", id.to_string()),
            NotHeld::SourceRemoved(id) => ("source-removed", id.clone()),
            NotHeld::SourceChanged(id) => ("source-changed", id.clone()),
            NotHeld::UnitMovedToAnotherFile(id) => ("unit-moved-to-another-file", id.to_string()),
            NotHeld::TieToNoUnit(key) => {
                ("tie-to-no-unit", Text::from(key).in_lang(lang).into_owned())
            }
            NotHeld::Unexpected(what) => ("unexpected", what.clone()),
            _ => ("unexpected", String::new()),
        };
        errln!("{}", tr!(lang, "diff-not-held", kind = kind, id = id));
    }
    errln!(
        "{}",
        tr!(
            lang,
            "diff-not-held-summary",
            before = before_name.as_str(),
            after = after_name.as_str(),
            n = made.not_held.len() + unread.len()
        )
    );
    Err(Failure::Findings)
}

/// "Name (ACRONYM) [id] — kind, organisation".
fn side_line(side: &Side<'_>) -> String {
    let lang = lang();
    let organisation = match side.organisation {
        Some(name) => name.to_owned(),
        None => tr!(lang, "organisation-outside"),
    };
    tr!(
        lang,
        "unit-line",
        label = unit_label(side.unit),
        kind = side.unit.kind.value,
        organisation = organisation
    )
}

/// "none", in the language of text output: what a diff shows for a value that is not there.
pub(super) fn none() -> String {
    tr!(lang(), "list-none")
}

/// A text in quotes, as the language of text output writes them: “text”, « texte ».
pub(super) fn quoted(text: &str) -> String {
    tr!(lang(), "diff-quoted", text = text)
}

/// A JSON value on one line, `none` for null.
fn value_text(value: &Value) -> String {
    match value {
        Value::Null => none(),
        other => other.to_string(),
    }
}

fn parents_text(parents: &[Parent<'_>]) -> String {
    let lang = lang();
    placed(
        parents
            .iter()
            .map(|p| (p.kind.verb_in(lang), p.unit.id.as_str())),
    )
}

/// Ties as they read from one end, each "verb `id`", joined by commas: "is attached to `pm`,
/// is headed by `dinum-head`"; `none` for no tie.
pub(super) fn placed<'a>(ties: impl Iterator<Item = (&'static str, &'a str)>) -> String {
    let each: Vec<String> = ties.map(|(verb, id)| format!("{verb} `{id}`")).collect();
    if each.is_empty() {
        none()
    } else {
        each.join(", ")
    }
}

/// The lines under a changed unit: one per thing that differs.
fn unit_change_lines(change: &UnitChange<'_>) -> Vec<(String, String)> {
    let lang = lang();
    let (a, b) = (change.before.unit, change.after.unit);
    let mut lines = Vec::new();
    if a.name != b.name {
        lines.push((
            tr!(lang, "diff-name"),
            format!("{} → {}", quoted(&a.name), quoted(&b.name)),
        ));
    }
    if a.acronym != b.acronym {
        let acronym = |acronym: &Option<String>| acronym.as_deref().map_or_else(none, quoted);
        lines.push((
            tr!(lang, "diff-acronym"),
            format!("{} → {}", acronym(&a.acronym), acronym(&b.acronym)),
        ));
    }
    if change.kind_changed {
        lines.push((
            tr!(lang, "diff-kind"),
            format!(
                "{} → {}",
                a.kind.value.name_in(lang),
                b.kind.value.name_in(lang)
            ),
        ));
    }
    if let Some(moved) = &change.moved {
        lines.push((
            tr!(lang, "diff-parents"),
            format!(
                "{} → {}",
                parents_text(&moved.from),
                parents_text(&moved.to)
            ),
        ));
    }
    lines.extend(attribute_lines(&change.attributes));
    lines
}

fn attribute_lines(attributes: &[Attribute]) -> impl Iterator<Item = (String, String)> + '_ {
    attributes.iter().map(|a| {
        (
            a.name.to_owned(),
            format!("{} → {}", value_text(&a.before), value_text(&a.after)),
        )
    })
}

/// Writes a section title with its count, each item's line, and its detail lines, indented by
/// `indent`; nothing for an empty section.
fn section<T>(
    out: &mut dyn Write,
    indent: &str,
    title: &str,
    items: &[T],
    line: impl Fn(&T) -> String,
    details: impl Fn(&T) -> Vec<(String, String)>,
) -> io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "{indent}{title} ({})", items.len())?;
    for item in items {
        writeln!(out, "{indent}  {}", line(item))?;
        let details = details(item);
        let width = details
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (name, value) in details {
            writeln!(out, "{indent}      {name:<width$}  {value}")?;
        }
    }
    Ok(())
}

/// "DINSIC [dinsic] → DINUM [dinum] (replacement, 2019-10-25)": who replaced whom, how, and
/// when.
fn succession_line(succession: &Succession<'_>) -> String {
    let lang = lang();
    let units = |units: &[&Unit]| -> String {
        let each: Vec<String> = units
            .iter()
            .map(|unit| format!("{} [{}]", unit.short_name(), unit.id.value))
            .collect();
        each.join(", ")
    };
    let mut how = tr!(lang, "diff-succession-kind", kind = succession.name());
    if let Some(date) = succession.date {
        how.push_str(&format!(", {date}"));
    }
    format!(
        "~ {} → {} ({how})",
        units(&succession.predecessors),
        units(&succession.successors)
    )
}

/// The sources of a succession's ties, one a line.
fn succession_sources(succession: &Succession<'_>) -> Vec<(String, String)> {
    let lang = lang();
    succession
        .ties
        .iter()
        .filter_map(|tie| tie.source.as_ref())
        .map(|source| (tr!(lang, "show-source"), citation_text(source)))
        .collect()
}

/// No detail lines, for items whose line says it all.
fn no_details<T>(_: &T) -> Vec<(String, String)> {
    Vec::new()
}

/// Writes a diff as text, each section indented by `indent`; nothing when there is no
/// difference.
pub(super) fn write_text(out: &mut dyn Write, diff: &Diff<'_>, indent: &str) -> io::Result<()> {
    let lang = lang();
    // As its key says it: a symmetric tie with its ends in one order, however it is declared.
    let tie_line =
        |sign: &str, tie: &Tie| format!("{sign} {}", Text::from(&tie.key()).in_lang(lang));
    section(
        out,
        indent,
        &tr!(lang, "diff-units-added"),
        &diff.units_added,
        |s| format!("+ {}", side_line(s)),
        no_details,
    )?;
    section(
        out,
        indent,
        &tr!(lang, "diff-units-removed"),
        &diff.units_removed,
        |s| format!("- {}", side_line(s)),
        no_details,
    )?;
    section(
        out,
        indent,
        &tr!(lang, "diff-units-changed"),
        &diff.units_changed,
        |c| format!("~ {}", unit_label(c.after.unit)),
        unit_change_lines,
    )?;
    section(
        out,
        indent,
        &tr!(lang, "diff-successions"),
        &diff.successions,
        succession_line,
        succession_sources,
    )?;
    section(
        out,
        indent,
        &tr!(lang, "diff-ties-added"),
        &diff.ties_added,
        |t| tie_line("+", t),
        no_details,
    )?;
    section(
        out,
        indent,
        &tr!(lang, "diff-ties-removed"),
        &diff.ties_removed,
        |t| tie_line("-", t),
        no_details,
    )?;
    section(
        out,
        indent,
        &tr!(lang, "diff-ties-changed"),
        &diff.ties_changed,
        |c| tie_line("~", c.after),
        |c| attribute_lines(&c.fields).collect(),
    )
}

/// A unit in diff JSON: the fields of every unit, and its organisation's id.
#[derive(Debug, Serialize)]
struct SideJson<'a> {
    #[serde(flatten)]
    unit: UnitRef<'a>,
    organisation: Option<&'a str>,
}

impl<'a> SideJson<'a> {
    fn new(side: &Side<'a>) -> SideJson<'a> {
        SideJson {
            unit: UnitRef::new(side.unit),
            organisation: side.organisation,
        }
    }
}

#[derive(Debug, Serialize)]
struct ParentJson<'a> {
    kind: &'static str,
    unit: UnitRef<'a>,
}

#[derive(Debug, Serialize)]
struct MovedJson<'a> {
    from: Vec<ParentJson<'a>>,
    to: Vec<ParentJson<'a>>,
}

#[derive(Debug, Serialize)]
struct UnitChangeJson<'a> {
    id: &'a str,
    before: SideJson<'a>,
    after: SideJson<'a>,
    renamed: bool,
    kind_changed: bool,
    moved: Option<MovedJson<'a>>,
    attributes: &'a [Attribute],
}

/// A succession in diff JSON: what it is, when, the units replaced and replacing, and its ties.
#[derive(Debug, Serialize)]
struct SuccessionJson<'a> {
    kind: &'static str,
    date: Option<String>,
    predecessors: Vec<UnitRef<'a>>,
    successors: Vec<UnitRef<'a>>,
    ties: &'a [&'a Tie],
}

#[derive(Debug, Serialize)]
struct TieChangeJson<'a> {
    before: &'a Tie,
    after: &'a Tie,
    fields: &'a [Attribute],
}

/// A diff in JSON; the shape is documented in `docs/diff-and-history.md`.
#[derive(Debug, Serialize)]
pub(super) struct DiffJson<'a> {
    units_added: Vec<SideJson<'a>>,
    units_removed: Vec<SideJson<'a>>,
    units_changed: Vec<UnitChangeJson<'a>>,
    ties_added: &'a [&'a Tie],
    ties_removed: &'a [&'a Tie],
    ties_changed: Vec<TieChangeJson<'a>>,
    /// Only when there are successions: the shape of a diff without is the one it always had.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    successions: Vec<SuccessionJson<'a>>,
}

impl<'a> DiffJson<'a> {
    pub(super) fn new(diff: &'a Diff<'a>) -> DiffJson<'a> {
        let parents = |parents: &[Parent<'a>]| {
            parents
                .iter()
                .map(|p| ParentJson {
                    kind: p.kind.as_str(),
                    unit: UnitRef::new(p.unit),
                })
                .collect()
        };
        DiffJson {
            units_added: diff.units_added.iter().map(SideJson::new).collect(),
            units_removed: diff.units_removed.iter().map(SideJson::new).collect(),
            units_changed: diff
                .units_changed
                .iter()
                .map(|c| UnitChangeJson {
                    id: c.after.unit.id.as_str(),
                    before: SideJson::new(&c.before),
                    after: SideJson::new(&c.after),
                    renamed: c.renamed,
                    kind_changed: c.kind_changed,
                    moved: c.moved.as_ref().map(|m| MovedJson {
                        from: parents(&m.from),
                        to: parents(&m.to),
                    }),
                    attributes: &c.attributes,
                })
                .collect(),
            ties_added: &diff.ties_added,
            ties_removed: &diff.ties_removed,
            ties_changed: diff
                .ties_changed
                .iter()
                .map(|c: &TieChange<'a>| TieChangeJson {
                    before: c.before,
                    after: c.after,
                    fields: &c.fields,
                })
                .collect(),
            successions: diff
                .successions
                .iter()
                .map(|s| SuccessionJson {
                    kind: s.name(),
                    date: s.date.map(|d| d.to_string()),
                    predecessors: s.predecessors.iter().map(|u| UnitRef::new(u)).collect(),
                    successors: s.successors.iter().map(|u| UnitRef::new(u)).collect(),
                    ties: &s.ties,
                })
                .collect(),
        }
    }
}
