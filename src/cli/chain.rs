//! `organigram chain UNIT`: the chain of command up to the top, every branch.

use std::io::Write;

use serde::Serialize;

use super::output::{Format, UnitRef, kind_words, reads, tie_details, unit_label, write_json};
use super::{Failure, resolve};
use crate::graph::OrgGraph;
use crate::load::LoadedGraph;
use crate::model::Citation;
use crate::query::{Above, Chain, End, chain};

/// `organigram chain UNIT [--format json]`.
pub type Args = super::output::UnitArgs;

pub fn run(loaded: &LoadedGraph, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = &loaded.graph;
    let found = chain(graph, resolve(loaded, &args.unit)?);
    match args.format {
        Format::Json => write_json(
            out,
            &ChainJson {
                unit: UnitRef::new(graph.unit(found.unit)),
                above: above_json(graph, &found, &found.above),
            },
        )?,
        Format::Text => {
            writeln!(out, "{}", unit_label(graph.unit(found.unit)))?;
            write_above(out, graph, &found, &found.above, 1)?;
        }
    }
    Ok(())
}

/// How a chain's branch ends, in words.
pub fn end_text(end: End) -> &'static str {
    match end {
        End::Top => "top of its hierarchy",
        End::ParentOutside => "its superior lies outside the description: the chain leaves it here",
        End::Orphan => {
            "no superior and no boundary declared: an orphan, the top of what is described"
        }
    }
}

fn end_name(end: End) -> &'static str {
    match end {
        End::Top => "top",
        End::ParentOutside => "parent-outside",
        End::Orphan => "orphan",
    }
}

fn write_above(
    out: &mut dyn Write,
    graph: &OrgGraph,
    found: &Chain<'_>,
    above: &Above,
    depth: usize,
) -> std::io::Result<()> {
    let indent = "  ".repeat(depth);
    match above {
        Above::Superiors(steps) => {
            for &at in steps {
                let step = &found.steps[at];
                let tie = step.link.tie;
                writeln!(
                    out,
                    "{indent}{} {}  ({})",
                    reads(tie, true),
                    unit_label(graph.unit(step.link.to)),
                    kind_words(tie.kind.value)
                )?;
                for detail in tie_details(tie) {
                    writeln!(out, "{indent}    {detail}")?;
                }
                write_above(out, graph, found, &step.above, depth + 1)?;
            }
        }
        Above::End(end) => writeln!(out, "{indent}■ {}", end_text(*end))?,
        Above::AlreadyShown(at) => writeln!(
            out,
            "{indent}↑ its superiors are shown above, under {}",
            unit_label(graph.unit(found.steps[*at].link.to))
        )?,
        Above::Cycle => writeln!(
            out,
            "{indent}↻ a cycle: this unit is already on the branch below"
        )?,
    }
    Ok(())
}

#[derive(Serialize)]
struct ChainJson<'g> {
    unit: UnitRef<'g>,
    above: AboveJson<'g>,
}

/// What lies above a unit: its superiors, the end of the branch, a unit whose chain is shown
/// elsewhere, or a cycle.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum AboveJson<'g> {
    Superiors(Vec<StepJson<'g>>),
    End(&'static str),
    /// The id of the unit whose superiors are already shown.
    AlreadyShown(&'g str),
    /// Always `true`: the unit is already on the branch below, its ties loop.
    Cycle(bool),
}

#[derive(Serialize)]
struct StepJson<'g> {
    tie: &'static str,
    reads: &'static str,
    unit: UnitRef<'g>,
    source: Option<&'g Citation>,
    above: AboveJson<'g>,
}

fn above_json<'g>(graph: &'g OrgGraph, found: &Chain<'g>, above: &Above) -> AboveJson<'g> {
    match above {
        Above::Superiors(steps) => AboveJson::Superiors(
            steps
                .iter()
                .map(|&at| {
                    let step = &found.steps[at];
                    StepJson {
                        tie: step.link.kind().as_str(),
                        reads: reads(step.link.tie, true),
                        unit: UnitRef::new(graph.unit(step.link.to)),
                        source: step.link.tie.source.as_ref(),
                        above: above_json(graph, found, &step.above),
                    }
                })
                .collect(),
        ),
        Above::End(end) => AboveJson::End(end_name(*end)),
        Above::AlreadyShown(at) => {
            AboveJson::AlreadyShown(graph.unit(found.steps[*at].link.to).id.as_str())
        }
        Above::Cycle => AboveJson::Cycle(true),
    }
}
