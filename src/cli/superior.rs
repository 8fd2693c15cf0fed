//! `organigram superior A B`: the lowest common superior(s) of two units, with the way up from
//! each.

use std::io::Write;

use serde::Serialize;

use super::print::{
    Format, ManagerJson, UnitRef, kind_words, manager_text, reads, unit_label, write_json,
};
use super::{Failure, resolve};
use organigram::Workspace;
use organigram::graph::{Link, OrgGraph};
use organigram::query::{common_manager, superior};
use organigram::tr;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The first unit.
    a: String,
    /// The second unit.
    b: String,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let (a, b) = (resolve(workspace, &args.a)?, resolve(workspace, &args.b)?);
    let answers = superior(graph, a, b);
    let manager = common_manager(graph, a, b);
    match args.format {
        Format::Json => {
            let json = SuperiorJson {
                common_manager: manager.as_ref().map(|m| CommonManagerJson {
                    post: UnitRef::new(graph.unit(m.post)),
                    from_a: m
                        .from_a
                        .iter()
                        .map(|&x| ManagerJson::new(graph, x))
                        .collect(),
                    from_b: m
                        .from_b
                        .iter()
                        .map(|&x| ManagerJson::new(graph, x))
                        .collect(),
                }),
                a: UnitRef::new(graph.unit(a)),
                b: UnitRef::new(graph.unit(b)),
                superiors: answers
                    .iter()
                    .map(|answer| AnswerJson {
                        unit: UnitRef::new(graph.unit(answer.unit)),
                        from_a: route_json(graph, &answer.from_a),
                        from_b: route_json(graph, &answer.from_b),
                    })
                    .collect(),
            };
            write_json(out, &json)?;
        }
        Format::Text => {
            let lang = super::lang();
            let (a_label, b_label) = (unit_label(graph.unit(a)), unit_label(graph.unit(b)));
            let title = match answers.len() {
                0 => tr!(lang, "superior-none", a = a_label, b = b_label),
                n => tr!(lang, "superior-found", n = n, a = a_label, b = b_label),
            };
            writeln!(out, "{title}")?;
            for answer in &answers {
                writeln!(out, "\n  {}", unit_label(graph.unit(answer.unit)))?;
                for (from, route) in [(a, &answer.from_a), (b, &answer.from_b)] {
                    write_route(out, graph, from, route)?;
                }
            }
            if let Some(manager) = &manager {
                let post = unit_label(graph.unit(manager.post));
                writeln!(
                    out,
                    "\n{}",
                    tr!(lang, "superior-common-manager", post = post)
                )?;
                for (from, line) in [(a, &manager.from_a), (b, &manager.from_b)] {
                    let steps: Vec<String> = line.iter().map(|&m| manager_text(graph, m)).collect();
                    if !steps.is_empty() {
                        let line = tr!(
                            lang,
                            "superior-line-from",
                            unit = graph.unit(from).short_name(),
                            steps = steps.join(&tr!(lang, "superior-then"))
                        );
                        writeln!(out, "    {line}")?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// "from X: X is attached to Y, which is under the authority of Z" on indented lines.
fn write_route(
    out: &mut dyn Write,
    graph: &OrgGraph,
    from: organigram::graph::UnitIx,
    route: &[Link<'_>],
) -> std::io::Result<()> {
    let lang = super::lang();
    let unit = unit_label(graph.unit(from));
    if route.is_empty() {
        return writeln!(
            out,
            "    {}",
            tr!(lang, "superior-from-itself", unit = unit)
        );
    }
    let steps = tr!(lang, "superior-from", unit = unit, steps = route.len());
    writeln!(out, "    {steps}")?;
    for link in route {
        writeln!(
            out,
            "      {} {}  ({})",
            reads(link.tie, true),
            unit_label(graph.unit(link.to)),
            kind_words(link.kind())
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SuperiorJson<'g> {
    a: UnitRef<'g>,
    b: UnitRef<'g>,
    superiors: Vec<AnswerJson<'g>>,
    /// Where the two lines of posts meet, when they do.
    common_manager: Option<CommonManagerJson<'g>>,
}

/// Where two lines of posts meet: the post, and the managers from each up to it.
#[derive(Serialize)]
struct CommonManagerJson<'g> {
    post: UnitRef<'g>,
    from_a: Vec<ManagerJson<'g>>,
    from_b: Vec<ManagerJson<'g>>,
}

#[derive(Serialize)]
struct AnswerJson<'g> {
    unit: UnitRef<'g>,
    from_a: Vec<StepJson<'g>>,
    from_b: Vec<StepJson<'g>>,
}

/// One step up: the tie and the unit it leads to.
#[derive(Serialize)]
pub(crate) struct StepJson<'g> {
    tie: &'static str,
    from: &'g str,
    to: UnitRef<'g>,
    source: Option<&'g organigram::model::Citation>,
}

fn route_json<'g>(graph: &'g OrgGraph, route: &[Link<'g>]) -> Vec<StepJson<'g>> {
    route
        .iter()
        .map(|link| StepJson {
            tie: link.kind().as_str(),
            from: graph.unit(link.from).id.as_str(),
            to: UnitRef::new(graph.unit(link.to)),
            source: link.tie.source.as_ref(),
        })
        .collect()
}
