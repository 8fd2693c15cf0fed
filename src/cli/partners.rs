//! `organigram partners UNIT`: every non-hierarchical tie of a unit, grouped by kind.

use std::io::Write;

use serde::Serialize;

use super::print::{
    Format, TieJson, UnitRef, kind_words, reads, tie_details, unit_label, write_json,
};
use super::term::TieKinds;
use super::{Failure, resolve};
use organigram::query::{Partners, PartnersOptions, partners};
use organigram::{Workspace, tr};

#[derive(Debug, clap::Args)]
#[command(mut_arg("tie_kinds", |a| a.visible_alias("kind")))]
pub(crate) struct Args {
    /// The unit: an id, an acronym, a name or an alias.
    unit: String,

    #[command(flatten)]
    kinds: TieKinds,

    /// Add the partners of the unit's superiors, marked with the superior they come from.
    #[arg(long)]
    inherited: bool,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let options = PartnersOptions {
        kinds: args.kinds.chosen(),
        inherited: args.inherited,
    };
    let found: Partners<'_> = partners(graph, resolve(workspace, &args.unit)?, &options);
    match args.format {
        Format::Json => {
            let json = PartnersJson {
                unit: UnitRef::new(graph.unit(found.unit)),
                count: found.len(),
                groups: found
                    .groups
                    .iter()
                    .map(|group| GroupJson {
                        kind: group.kind.as_str(),
                        partners: group
                            .partners
                            .iter()
                            .map(|p| PartnerJson {
                                tie: TieJson::new(graph, &p.view),
                                inherited_from: p
                                    .inherited_from
                                    .map(|s| UnitRef::new(graph.unit(s))),
                            })
                            .collect(),
                    })
                    .collect(),
            };
            write_json(out, &json)?;
        }
        Format::Text => {
            let lang = super::lang();
            let unit = unit_label(graph.unit(found.unit));
            if found.is_empty() {
                writeln!(out, "{}", tr!(lang, "partners-none", unit = unit))?;
            } else {
                let title = tr!(lang, "partners-title", unit = unit, n = found.len());
                writeln!(out, "{title}")?;
            }
            for group in &found.groups {
                writeln!(
                    out,
                    "\n{} ({})",
                    kind_words(group.kind),
                    group.partners.len()
                )?;
                for partner in &group.partners {
                    let view = &partner.view;
                    let holder = match partner.inherited_from {
                        Some(superior) => format!("{} ", unit_label(graph.unit(superior))),
                        None => String::new(),
                    };
                    writeln!(
                        out,
                        "  {holder}{} {}",
                        reads(view.tie, view.outgoing),
                        unit_label(graph.unit(view.other))
                    )?;
                    if partner.inherited_from.is_some() {
                        writeln!(out, "      {}", tr!(lang, "partners-inherited"))?;
                    }
                    for detail in tie_details(view.tie) {
                        writeln!(out, "      {detail}")?;
                    }
                }
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct PartnersJson<'g> {
    unit: UnitRef<'g>,
    count: usize,
    groups: Vec<GroupJson<'g>>,
}

#[derive(Serialize)]
struct GroupJson<'g> {
    kind: &'static str,
    partners: Vec<PartnerJson<'g>>,
}

#[derive(Serialize)]
struct PartnerJson<'g> {
    #[serde(flatten)]
    tie: TieJson<'g>,
    /// The superior whose tie this is, for inherited partners; `null` for the unit's own.
    inherited_from: Option<UnitRef<'g>>,
}
