//! `organigram chain UNIT`: the chain of command up to the top, every branch.

use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::print::{
    Format, ManagerJson, Nested, UnitRef, indent, kind_words, manager_text, reads, reads_in_json,
    tie_details, unit_label, write_json,
};
use super::{Failure, resolve};
use organigram::graph::{OrgGraph, UnitIx};
use organigram::model::Citation;
use organigram::query::{Above, Chain, End, LineOfPosts, chain, line_of_posts};
use organigram::{Workspace, tr};

/// `organigram chain UNIT [--format json]`.
pub(crate) type Args = super::print::UnitArgs;

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let unit = resolve(workspace, &args.unit)?;
    let found = chain(graph, unit);
    let line = line_of_posts(graph, unit);
    match args.format {
        Format::Json => write_json(
            out,
            &ChainJson {
                unit: UnitRef::new(graph.unit(found.unit)),
                above: AboveJson {
                    graph,
                    found: &found,
                    above: &found.above,
                },
                line_of_posts: LineJson::new(graph, &line),
            },
        )?,
        Format::Text => {
            writeln!(out, "{}", unit_label(graph.unit(found.unit)))?;
            write_above(out, graph, &found)?;
            write_line(out, graph, unit, &line)?;
        }
    }
    Ok(())
}

/// The line of posts beside the chain of units: whom the post (or the unit's head) answers to,
/// up to the top. Nothing for a unit with no head.
fn write_line(
    out: &mut dyn Write,
    graph: &OrgGraph,
    unit: UnitIx,
    line: &LineOfPosts,
) -> std::io::Result<()> {
    let Some(start) = line.start else {
        return Ok(());
    };
    let lang = super::lang();
    writeln!(out, "\n{}", tr!(lang, "chain-line-of-posts"))?;
    if start != unit {
        let post = unit_label(graph.unit(start));
        writeln!(out, "  {}", tr!(lang, "chain-headed-by", post = post))?;
    }
    for manager in &line.managers {
        let manager = manager_text(graph, *manager);
        writeln!(
            out,
            "  {}",
            tr!(lang, "chain-answers-to", manager = manager)
        )?;
    }
    if line.managers.is_empty() {
        writeln!(out, "  ■ {}", tr!(lang, "chain-top-of-line"))?;
    }
    Ok(())
}

/// The line of posts in JSON: the post it starts from (`null` for a unit with no head) and its
/// managers, lowest first.
#[derive(Serialize)]
struct LineJson<'g> {
    start: Option<UnitRef<'g>>,
    managers: Vec<ManagerJson<'g>>,
}

impl<'g> LineJson<'g> {
    fn new(graph: &'g OrgGraph, line: &LineOfPosts) -> LineJson<'g> {
        LineJson {
            start: line.start.map(|post| UnitRef::new(graph.unit(post))),
            managers: line
                .managers
                .iter()
                .map(|&m| ManagerJson::new(graph, m))
                .collect(),
        }
    }
}

/// How a chain's branch ends, in words.
pub(crate) fn end_text(end: End) -> String {
    let lang = super::lang();
    match end {
        End::Top => tr!(lang, "chain-end-top"),
        End::ParentOutside => tr!(lang, "chain-end-parent-outside"),
        End::Orphan => tr!(lang, "chain-end-orphan"),
    }
}

fn end_name(end: End) -> &'static str {
    match end {
        End::Top => "top",
        End::ParentOutside => "parent-outside",
        End::Orphan => "orphan",
    }
}

/// What is left to write of a chain: what lies above a unit, or one step up, at a level.
enum Work<'a> {
    Above(&'a Above, usize),
    Step(usize, usize),
}

/// Writes every branch above the chain's unit, each step one level further in (as far as
/// [`indent`] goes). Iterative, so a chain of any length is written in constant stack.
fn write_above(out: &mut dyn Write, graph: &OrgGraph, found: &Chain<'_>) -> std::io::Result<()> {
    let mut work = vec![Work::Above(&found.above, 1)];
    while let Some(next) = work.pop() {
        match next {
            Work::Step(at, level) => {
                let step = &found.steps[at];
                let tie = step.link.tie;
                let indent = indent(level, "  ");
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
                work.push(Work::Above(&step.above, level + 1));
            }
            Work::Above(Above::Superiors(steps), level) => {
                work.extend(steps.iter().rev().map(|&at| Work::Step(at, level)));
            }
            Work::Above(Above::End(end), level) => {
                writeln!(out, "{}■ {}", indent(level, "  "), end_text(*end))?;
            }
            Work::Above(Above::AlreadyShown(at), level) => writeln!(
                out,
                "{}↑ {}",
                indent(level, "  "),
                tr!(
                    super::lang(),
                    "chain-already-shown",
                    unit = unit_label(graph.unit(found.steps[*at].link.to))
                )
            )?,
            Work::Above(Above::Cycle, level) => writeln!(
                out,
                "{}↻ {}",
                indent(level, "  "),
                tr!(super::lang(), "chain-cycle")
            )?,
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct ChainJson<'a, 'g> {
    unit: UnitRef<'g>,
    above: AboveJson<'a, 'g>,
    line_of_posts: LineJson<'g>,
}

/// What lies above a unit, as JSON: `{"superiors": [step…]}`, `{"end": "top"}`,
/// `{"already-shown": id}` (the unit whose superiors are already shown) or `{"cycle": true}`.
/// Serialised from the chain as it goes, nesting as deep as the chain does.
struct AboveJson<'a, 'g> {
    graph: &'g OrgGraph,
    found: &'a Chain<'g>,
    above: &'a Above,
}

impl Serialize for AboveJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self.above {
            Above::Superiors(steps) => {
                map.serialize_entry("superiors", &StepsJson { of: self, steps })?;
            }
            Above::End(end) => map.serialize_entry("end", end_name(*end))?,
            Above::AlreadyShown(at) => map.serialize_entry(
                "already-shown",
                self.graph.unit(self.found.steps[*at].link.to).id.as_str(),
            )?,
            Above::Cycle => map.serialize_entry("cycle", &true)?,
        }
        map.end()
    }
}

/// The steps up from a unit, as a JSON array of steps, each with what lies above it.
struct StepsJson<'s, 'a, 'g> {
    of: &'s AboveJson<'a, 'g>,
    steps: &'a [usize],
}

impl Serialize for StepsJson<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let AboveJson { graph, found, .. } = *self.of;
        let steps: Vec<StepJson<'_, '_>> = self
            .steps
            .iter()
            .map(|&at| {
                let step = &found.steps[at];
                StepJson {
                    tie: step.link.kind().as_str(),
                    reads: reads_in_json(step.link.tie, true),
                    unit: UnitRef::new(graph.unit(step.link.to)),
                    source: step.link.tie.source.as_ref(),
                    above: AboveJson {
                        graph,
                        found,
                        above: &step.above,
                    },
                }
            })
            .collect();
        Nested(&steps).serialize(serializer)
    }
}

#[derive(Serialize)]
struct StepJson<'a, 'g> {
    tie: &'static str,
    reads: &'static str,
    unit: UnitRef<'g>,
    source: Option<&'g Citation>,
    above: AboveJson<'a, 'g>,
}
