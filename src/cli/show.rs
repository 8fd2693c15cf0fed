//! `organigram show UNIT`: everything about a unit.

use organigram::diagnostic::SourceMap;
use std::io::Write;

use serde::Serialize;

use super::print::{
    Format, TieJson, UnitRef, citation_text, reads, tie_details, unit_label, write_json,
};
use super::{Failure, resolve};
use organigram::graph::{OrgGraph, TieView};
use organigram::model::{Citation, Headcount, HeadcountQualifier, Status};
use organigram::query::{UnitDetails, show};
use organigram::{Workspace, tr};

/// `organigram show UNIT [--format json]`.
pub(crate) type Args = super::print::UnitArgs;

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let ix = resolve(workspace, &args.unit)?;
    let details = show(workspace.graph(), ix);
    let declared_at = workspace.files.locate(details.unit.origin);
    match args.format {
        Format::Json => write_json(
            out,
            &ShowJson::new(workspace.graph(), &details, &declared_at),
        )?,
        Format::Text => write_text(out, workspace.graph(), &details, &declared_at)?,
    }
    Ok(())
}

#[derive(Serialize)]
struct OrganisationJson<'g> {
    id: &'g str,
    name: &'g str,
}

#[derive(Serialize)]
struct ShowJson<'g> {
    #[serde(flatten)]
    unit: UnitRef<'g>,
    family: &'static str,
    aliases: &'g [String],
    status: &'static str,
    headcount: Option<&'g Headcount>,
    remit: Option<&'g str>,
    location: Option<&'g str>,
    boundary: Option<&'static str>,
    note: Option<&'g str>,
    source: Option<&'g Citation>,
    organisation: OrganisationJson<'g>,
    declared_at: &'g str,
    parents: Vec<TieJson<'g>>,
    children: Vec<TieJson<'g>>,
    ties: Vec<TieJson<'g>>,
}

impl<'g> ShowJson<'g> {
    fn new(graph: &'g OrgGraph, details: &UnitDetails<'g>, declared_at: &'g str) -> ShowJson<'g> {
        let unit = details.unit;
        let ties = |views: &[TieView<'g>]| views.iter().map(|v| TieJson::new(graph, v)).collect();
        ShowJson {
            unit: UnitRef::new(unit),
            family: unit.kind.family().as_str(),
            aliases: &unit.aliases,
            status: unit.status.as_str(),
            headcount: unit.headcount.as_ref(),
            remit: unit.remit.as_deref(),
            location: unit.location.as_deref(),
            boundary: unit.boundary.map(organigram::model::Boundary::as_str),
            note: unit.note.as_deref(),
            source: unit.source.as_ref(),
            organisation: OrganisationJson {
                id: details.organisation.id.as_str(),
                name: &details.organisation.name,
            },
            declared_at,
            parents: ties(&details.parents),
            children: ties(&details.children),
            ties: ties(&details.ties),
        }
    }
}

fn headcount_text(headcount: &Headcount) -> String {
    let lang = super::lang();
    let mut text = match headcount.qualifier {
        HeadcountQualifier::Exactly => String::new(),
        qualifier => format!("{} ", qualifier.label_in(lang)),
    };
    text.push_str(&format!(
        "{} ({}",
        headcount.count,
        headcount.basis.label_in(lang)
    ));
    if let Some(date) = headcount.date {
        text.push_str(&format!(", {date}"));
    }
    text.push(')');
    text
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
    let mut field = |name: String, value: &str| writeln!(out, "  {name:<13} {value}");
    field(tr!(lang, "show-kind"), unit.kind.label_in(lang))?;
    field(tr!(lang, "show-organisation"), &details.organisation.name)?;
    if !unit.aliases.is_empty() {
        field(tr!(lang, "show-aliases"), &unit.aliases.join(", "))?;
    }
    if unit.status != Status::default() {
        field(tr!(lang, "show-status"), unit.status.label_in(lang))?;
    }
    if unit.is_vacant() {
        field(tr!(lang, "show-vacant"), &tr!(lang, "show-yes"))?;
    }
    if let Some(headcount) = &unit.headcount {
        field(tr!(lang, "show-headcount"), &headcount_text(headcount))?;
    }
    if let Some(remit) = &unit.remit {
        field(tr!(lang, "show-remit"), remit)?;
    }
    if let Some(location) = &unit.location {
        field(tr!(lang, "show-location"), location)?;
    }
    if let Some(boundary) = unit.boundary {
        field(tr!(lang, "show-boundary"), boundary.label_in(lang))?;
    }
    if let Some(note) = &unit.note {
        field(tr!(lang, "show-note"), note)?;
    }
    if let Some(source) = &unit.source {
        field(tr!(lang, "show-source"), &citation_text(source))?;
    }
    field(tr!(lang, "show-declared-at"), declared_at)?;
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
