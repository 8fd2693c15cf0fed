//! `organigram show UNIT`: everything about a unit.

use organigram::diagnostic::SourceMap;
use std::io::Write;

use serde::Serialize;

use super::print::{
    Format, ManagerJson, OrganisationJson, TieJson, UnitRef, citation_text, manager_text,
    organisation_text, reads, tie_details, unit_label, write_json,
};
use super::{Failure, absent_sentence, resolve};
use organigram::graph::{OrgGraph, TieView, UnitIx};
use organigram::model::{Citation, Date, Headcount, Status, Unit, UnitKind, Was};
use organigram::query::{UnitDetails, show};
use organigram::time::Gone;
use organigram::{Workspace, tr};

/// `organigram show UNIT [--format json]`.
pub(crate) type Args = super::print::UnitArgs;

/// Shows the unit `args` names; one that is not in the structure on the workspace's day is
/// shown as it was on its last day (as it will be on its first, or with every tie of every date
/// when its end is not known), from the workspace `at` loads for that day, with why.
pub(crate) fn run(
    workspace: &Workspace,
    args: &Args,
    out: &mut dyn Write,
    at: &dyn Fn(Option<Date>) -> Result<Workspace, Failure>,
) -> Result<(), Failure> {
    let failure = match resolve(workspace, &args.unit) {
        Ok(ix) => return write(workspace, ix, None, args, out),
        Err(failure) => failure,
    };
    let Some((unit, gone)) = organigram::query::absent_named(&workspace.absent, &args.unit) else {
        return Err(failure);
    };
    let lang = super::lang();
    let day = match gone {
        Gone::Ended(until) => until.day_before(),
        Gone::NotYet(from) => Some(from),
        Gone::EndedUndated => None,
    };
    let absent = AbsentJson {
        as_of: workspace.absent.day().map(|d| d.to_string()),
        why: absent_sentence(workspace, unit, gone),
        shown: match day {
            Some(day) => tr!(lang, "show-absent-shown-as-of", day = day.to_string()),
            None => tr!(lang, "show-absent-shown-whole"),
        },
        shown_as_of: day.map(|d| d.to_string()),
    };
    let then = at(day)?;
    let ix = resolve(&then, unit.id.as_str())?;
    write(&then, ix, Some(&absent), args, out)
}

/// Why a unit shown is not in the structure of the day asked about.
#[derive(Serialize)]
struct AbsentJson {
    /// The day asked about.
    as_of: Option<String>,
    /// Why it is not in that day's structure, and what succeeded it.
    why: String,
    /// How it is shown instead, in words.
    shown: String,
    /// The day it is shown as of; `None` when shown with every tie of every date.
    shown_as_of: Option<String>,
}

fn write(
    workspace: &Workspace,
    ix: UnitIx,
    absent: Option<&AbsentJson>,
    args: &Args,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let details = show(workspace.graph(), ix);
    let declared_at = workspace.files.locate(details.unit.origin);
    match args.format {
        Format::Json => write_json(
            out,
            &ShowJson::new(workspace.graph(), &details, &declared_at, absent),
        )?,
        Format::Text => {
            if let Some(absent) = absent {
                writeln!(out, "{}; {}:\n", absent.why, absent.shown)?;
            }
            write_text(out, workspace.graph(), &details, &declared_at)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct ShowJson<'g> {
    #[serde(flatten)]
    unit: UnitRef<'g>,
    family: &'static str,
    aliases: &'g [String],
    status: &'static str,
    in_force: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    absent: Option<&'g AbsentJson>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    was: &'g [Was],
    #[serde(flatten)]
    post: PostJson<'g>,
    headcount: Option<&'g Headcount>,
    remit: Option<&'g str>,
    roles: &'g [String],
    location: Option<&'g str>,
    boundary: Option<&'static str>,
    within: Option<&'g str>,
    collective: bool,
    note: Option<&'g str>,
    source: Option<&'g Citation>,
    organisation: Option<OrganisationJson<'g>>,
    headed_by: Vec<UnitRef<'g>>,
    heads: Vec<UnitRef<'g>>,
    answers_to: Option<ManagerJson<'g>>,
    declared_at: &'g str,
    parents: Vec<TieJson<'g>>,
    children: Vec<TieJson<'g>>,
    ties: Vec<TieJson<'g>>,
}

/// The facts only a post has, left out of a unit's JSON when it is no post.
#[derive(Serialize)]
struct PostJson<'g> {
    #[serde(skip_serializing_if = "Option::is_none")]
    vacant_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recruiting: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    newly_created: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    term_months: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<&'g str>,
}

impl<'g> PostJson<'g> {
    /// A post's flags (`recruiting`, `newly_created`, `false` when unset) and the facts it is
    /// given; for any other unit, nothing.
    fn new(unit: &'g Unit) -> PostJson<'g> {
        let post = unit.kind.value == UnitKind::Post;
        PostJson {
            vacant_from: unit.vacancy_date().map(|d| d.to_string()),
            recruiting: post.then(|| unit.is_recruiting()),
            newly_created: post.then(|| unit.is_newly_created()),
            term_months: unit.term(),
            grade: unit.grade.as_deref(),
        }
    }
}

impl<'g> ShowJson<'g> {
    fn new(
        graph: &'g OrgGraph,
        details: &UnitDetails<'g>,
        declared_at: &'g str,
        absent: Option<&'g AbsentJson>,
    ) -> ShowJson<'g> {
        let unit = details.unit;
        let ties = |views: &[TieView<'g>]| views.iter().map(|v| TieJson::new(graph, v)).collect();
        let units = |ixs: &[UnitIx]| ixs.iter().map(|&ix| UnitRef::new(graph.unit(ix))).collect();
        ShowJson {
            unit: UnitRef::new(unit),
            family: unit.kind.family().as_str(),
            aliases: &unit.aliases,
            status: unit.status.as_str(),
            in_force: absent.is_none(),
            absent,
            valid_from: unit.valid_from.map(|d| d.to_string()),
            valid_until: unit.valid_until.map(|d| d.to_string()),
            was: &unit.was,
            post: PostJson::new(unit),
            headcount: unit.headcount.as_ref(),
            remit: unit.remit.as_deref(),
            roles: &unit.roles,
            location: unit.location.as_deref(),
            boundary: unit.boundary.map(organigram::model::Boundary::as_str),
            within: unit.within_id(),
            collective: unit.collective,
            note: unit.note.as_deref(),
            source: unit.source.as_ref(),
            organisation: OrganisationJson::of(graph, details.index),
            headed_by: units(&details.heads),
            heads: units(&details.heads_of),
            answers_to: details.manager.map(|m| ManagerJson::new(graph, m)),
            declared_at,
            parents: ties(&details.parents),
            children: ties(&details.children),
            ties: ties(&details.ties),
        }
    }
}

/// What a unit was until a date, in one line: "DINSIC — Direction … (until 2019-10-25)", "Sous-direction
/// …, no acronym (until 2026)".
fn was_text(was: &Was) -> String {
    let lang = super::lang();
    let mut parts: Vec<String> = Vec::new();
    let acronym = was.acronym.as_ref().and_then(Option::as_ref);
    match (acronym, &was.name) {
        (Some(acronym), Some(name)) => parts.push(format!("{acronym} — {name}")),
        (Some(text), None) | (None, Some(text)) => parts.push(text.clone()),
        (None, None) => {}
    }
    if was.acronym == Some(None) {
        parts.push(tr!(lang, "show-was-no-acronym"));
    }
    if let Some(kind) = &was.kind {
        parts.push(kind.label_in(lang).to_owned());
    }
    if let Some(remit) = &was.remit {
        parts.push(remit.clone());
    }
    if let Some(headcount) = &was.headcount {
        parts.push(headcount_text(headcount));
    }
    format!(
        "{} ({} {})",
        parts.join(", "),
        tr!(lang, "show-valid-until"),
        was.until
    )
}

/// The headcount as text in the command line's language.
pub(super) fn headcount_text(headcount: &Headcount) -> String {
    headcount.text_in(super::lang())
}

fn write_text(
    out: &mut dyn Write,
    graph: &OrgGraph,
    details: &UnitDetails<'_>,
    declared_at: &str,
) -> std::io::Result<()> {
    let lang = super::lang();
    let unit = details.unit;
    writeln!(out, "{}", unit_label(unit))?;
    // The fields are aligned on the longest name, which depends on the language.
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut field = |name: String, value: &str| -> std::io::Result<()> {
        fields.push((name, value.to_owned()));
        Ok(())
    };
    field(tr!(lang, "show-kind"), unit.kind.label_in(lang))?;
    field(
        tr!(lang, "show-organisation"),
        &organisation_text(graph, details.index),
    )?;
    for &head in &details.heads {
        field(tr!(lang, "show-headed-by"), &unit_label(graph.unit(head)))?;
    }
    for &headed in &details.heads_of {
        field(tr!(lang, "show-heads"), &unit_label(graph.unit(headed)))?;
    }
    if let Some(manager) = details.manager {
        field(tr!(lang, "show-answers-to"), &manager_text(graph, manager))?;
    }
    if !unit.aliases.is_empty() {
        field(tr!(lang, "show-aliases"), &unit.aliases.join(", "))?;
    }
    if unit.status != Status::default() {
        field(tr!(lang, "show-status"), unit.status.label_in(lang))?;
    }
    if let Some(from) = unit.valid_from {
        field(tr!(lang, "show-valid-from"), &from.to_string())?;
    }
    if let Some(until) = unit.valid_until {
        field(tr!(lang, "show-valid-until"), &until.to_string())?;
    }
    for was in &unit.was {
        field(tr!(lang, "show-was"), &was_text(was))?;
    }
    if unit.collective {
        field(
            tr!(lang, "show-collective"),
            &tr!(lang, "show-collective-value"),
        )?;
    }
    if unit.is_vacant() {
        field(tr!(lang, "show-vacant"), &tr!(lang, "show-yes"))?;
    }
    if let Some(date) = unit.vacancy_date() {
        field(tr!(lang, "show-vacant-from"), &date.to_string())?;
    }
    if unit.is_recruiting() {
        field(tr!(lang, "show-recruiting"), &tr!(lang, "show-yes"))?;
    }
    if unit.is_newly_created() {
        field(tr!(lang, "show-newly-created"), &tr!(lang, "show-yes"))?;
    }
    if let Some(months) = unit.term() {
        field(
            tr!(lang, "show-term"),
            &tr!(lang, "show-term-value", months = months),
        )?;
    }
    if let Some(grade) = &unit.grade {
        field(tr!(lang, "show-grade"), grade)?;
    }
    if let Some(headcount) = &unit.headcount {
        field(tr!(lang, "show-headcount"), &headcount_text(headcount))?;
    }
    if let Some(remit) = &unit.remit {
        field(tr!(lang, "show-remit"), remit)?;
    }
    for role in &unit.roles {
        field(tr!(lang, "show-role"), role)?;
    }
    if let Some(location) = &unit.location {
        field(tr!(lang, "show-location"), location)?;
    }
    if let Some(boundary) = unit.boundary {
        field(tr!(lang, "show-boundary"), boundary.label_in(lang))?;
    }
    if let Some(within) = unit.within_id() {
        let label = graph
            .find_id(within)
            .map_or_else(|| within.to_owned(), |ix| unit_label(graph.unit(ix)));
        field(tr!(lang, "show-within"), &label)?;
    }
    if let Some(note) = &unit.note {
        field(tr!(lang, "show-note"), note)?;
    }
    if let Some(source) = &unit.source {
        field(tr!(lang, "show-source"), &citation_text(source))?;
    }
    field(tr!(lang, "show-declared-at"), declared_at)?;
    let width = fields
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(0)
        .max(13);
    for (name, value) in &fields {
        writeln!(out, "  {name:<width$} {value}")?;
    }
    for (title, views) in [
        (
            tr!(lang, "show-parents", n = details.parents.len()),
            &details.parents,
        ),
        (
            tr!(lang, "show-children", n = details.children.len()),
            &details.children,
        ),
        (
            tr!(lang, "show-other-ties", n = details.ties.len()),
            &details.ties,
        ),
    ] {
        if views.is_empty() {
            continue;
        }
        writeln!(out, "\n{title}")?;
        let width = views
            .iter()
            .map(|v| reads(v.tie, v.outgoing).chars().count())
            .max()
            .unwrap_or(0);
        for view in views {
            let tie = view.tie;
            writeln!(
                out,
                "  {:<width$}  {}",
                reads(tie, view.outgoing),
                unit_label(graph.unit(view.other))
            )?;
            for line in tie_details(tie) {
                writeln!(out, "  {:<width$}    {line}", "")?;
            }
        }
    }
    Ok(())
}
