//! `organigram path A B`: the shortest connection between two units.

use std::io::Write;

use serde::Serialize;

use super::print::{
    Format, UnitRef, kind_words, reads, reads_in_json, tie_details, unit_label, write_json,
};
use super::term::{TieKinds, count};
use super::{Failure, resolve};
use organigram::graph::OrgGraph;
use organigram::model::Citation;
use organigram::query::{Path, PathOptions, path};
use organigram::{Workspace, tr};

#[derive(Debug, clap::Args)]
#[command(mut_arg("tie_kinds", |a| a.visible_alias("via").help(
    "Walk only ties of these kinds (repeat, or separate with commas). Default: every kind."
)))]
pub(crate) struct Args {
    /// Where the connection starts.
    a: String,
    /// Where it ends.
    b: String,

    #[command(flatten)]
    via: TieKinds,

    /// List several shortest connections, not just the first.
    #[arg(long)]
    all: bool,

    /// With --all, list at most this many (1 to 1000).
    #[arg(long, default_value_t = PathOptions::default().max, requires = "all", value_parser = count(1, 1000))]
    max: usize,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let (a, b) = (resolve(workspace, &args.a)?, resolve(workspace, &args.b)?);
    let options = PathOptions {
        via: args.via.chosen(),
        all: args.all,
        max: args.max,
    };
    let found = path(graph, a, b, &options);
    match args.format {
        Format::Json => write_json(
            out,
            &PathsJson {
                from: UnitRef::new(graph.unit(a)),
                to: UnitRef::new(graph.unit(b)),
                via: options
                    .via
                    .as_deref()
                    .map(|kinds| kinds.iter().map(|k| k.as_str()).collect()),
                connections: found.iter().map(|p| path_json(graph, p)).collect(),
            },
        )?,
        Format::Text => {
            let lang = super::lang();
            let (a_label, b_label) = (unit_label(graph.unit(a)), unit_label(graph.unit(b)));
            let over = match &options.via {
                None => String::new(),
                Some(kinds) => {
                    let kinds: Vec<String> = kinds.iter().map(|k| kind_words(*k)).collect();
                    tr!(lang, "path-over", kinds = kinds.join(", "))
                }
            };
            if found.is_empty() {
                let none = tr!(lang, "path-none", a = a_label, b = b_label, over = &over);
                writeln!(out, "{none}")?;
            }
            for (i, connection) in found.iter().enumerate() {
                let title = if found.len() > 1 {
                    tr!(
                        lang,
                        "path-connection-of",
                        i = i + 1,
                        n = found.len(),
                        hops = connection.len(),
                        over = &over
                    )
                } else {
                    tr!(lang, "path-shortest", hops = connection.len(), over = &over)
                };
                writeln!(out, "{title}")?;
                write_path(out, graph, a, connection)?;
                if i + 1 < found.len() {
                    writeln!(out)?;
                }
            }
        }
    }
    Ok(())
}

fn write_path(
    out: &mut dyn Write,
    graph: &OrgGraph,
    a: organigram::graph::UnitIx,
    connection: &Path<'_>,
) -> std::io::Result<()> {
    writeln!(out, "  {}", unit_label(graph.unit(a)))?;
    for hop in &connection.hops {
        writeln!(
            out,
            "    {} {}  ({}{})",
            reads(hop.tie, hop.forward),
            unit_label(graph.unit(hop.to)),
            kind_words(hop.kind()),
            if hop.forward || hop.tie.kind.is_symmetric() {
                String::new()
            } else {
                tr!(super::lang(), "path-backwards")
            }
        )?;
        for detail in tie_details(hop.tie) {
            writeln!(out, "        {detail}")?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct PathsJson<'g> {
    from: UnitRef<'g>,
    to: UnitRef<'g>,
    /// The tie kinds walked; `null` for every kind.
    via: Option<Vec<&'static str>>,
    /// Shortest connections, each a list of hops; empty when there is none.
    connections: Vec<Vec<HopJson<'g>>>,
}

#[derive(Serialize)]
struct HopJson<'g> {
    tie: &'static str,
    /// `forward` when the hop follows the tie from its `from` to its `to`, else `backward`.
    direction: &'static str,
    reads: &'static str,
    from: &'g str,
    to: UnitRef<'g>,
    source: Option<&'g Citation>,
}

fn path_json<'g>(graph: &'g OrgGraph, connection: &Path<'g>) -> Vec<HopJson<'g>> {
    connection
        .hops
        .iter()
        .map(|hop| HopJson {
            tie: hop.kind().as_str(),
            direction: if hop.forward { "forward" } else { "backward" },
            reads: reads_in_json(hop.tie, hop.forward),
            from: graph.unit(hop.from).id.as_str(),
            to: UnitRef::new(graph.unit(hop.to)),
            source: hop.tie.source.as_ref(),
        })
        .collect()
}
