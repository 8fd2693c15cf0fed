//! `organigram subordinates UNIT`: the units and posts under a unit, as a tree.

use std::io::Write;

use serde::Serialize;

use super::output::{Format, UnitRef, kind_words, unit_label, write_json};
use super::{Failure, resolve};
use crate::graph::OrgGraph;
use crate::load::LoadedGraph;
use crate::model::{TieKind, UnitKind};
use crate::query::{Below, Subordinates, SubordinatesOptions, subordinates};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The unit: an id, an acronym, a name or an alias.
    unit: String,

    /// Show this many levels (1: direct subordinates only). Default: every level.
    #[arg(long, value_name = "N")]
    depth: Option<usize>,

    /// Show only units of this kind; repeat for several. The units under a hidden unit are listed
    /// under its nearest shown superior.
    #[arg(long = "kind", value_enum, value_name = "KIND")]
    kinds: Vec<UnitKind>,

    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

pub fn run(loaded: &LoadedGraph, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = &loaded.graph;
    let options = SubordinatesOptions {
        depth: args.depth,
        kinds: (!args.kinds.is_empty()).then(|| args.kinds.clone()),
    };
    let tree = subordinates(graph, resolve(loaded, &args.unit)?, &options);
    match args.format {
        Format::Json => write_json(out, &tree_json(graph, &tree))?,
        Format::Text => write_text(out, graph, &tree)?,
    }
    Ok(())
}

/// The tie kind in brackets, when it is not a plain attachment.
fn tie_note(kind: TieKind) -> String {
    if kind == TieKind::Attachment {
        String::new()
    } else {
        format!("  ({})", kind_words(kind))
    }
}

fn write_text(
    out: &mut dyn Write,
    graph: &OrgGraph,
    tree: &Subordinates<'_>,
) -> std::io::Result<()> {
    let vacant = match tree.vacant {
        0 => String::new(),
        1 => ", 1 vacant post".to_owned(),
        n => format!(", {n} vacant posts"),
    };
    writeln!(
        out,
        "{} — {} direct, {} in all{vacant}",
        unit_label(graph.unit(tree.unit)),
        tree.direct,
        tree.total
    )?;
    // The last child of each node closes its branch (└──); the others leave it open (├──).
    let mut last_of = vec![false; tree.nodes.len()];
    for below in std::iter::once(&tree.below).chain(tree.nodes.iter().map(|n| &n.below)) {
        if let Below::Shown(children) = below
            && let Some(&last) = children.last()
        {
            last_of[last] = true;
        }
    }
    // Whether each enclosing level still has siblings to come, to draw its vertical line.
    let mut open = Vec::new();
    write_below(out, graph, tree, &tree.below, &mut open, &last_of)
}

fn write_below(
    out: &mut dyn Write,
    graph: &OrgGraph,
    tree: &Subordinates<'_>,
    below: &Below,
    open: &mut Vec<bool>,
    last_of: &[bool],
) -> std::io::Result<()> {
    let prefix: String = open
        .iter()
        .map(|&more| if more { "│   " } else { "    " })
        .collect();
    match below {
        Below::Shown(nodes) => {
            for &at in nodes {
                let node = &tree.nodes[at];
                let last = last_of[at];
                writeln!(
                    out,
                    "{prefix}{}{}{}",
                    if last { "└── " } else { "├── " },
                    unit_label(graph.unit(node.unit())),
                    tie_note(node.link.kind())
                )?;
                open.push(!last);
                write_below(out, graph, tree, &node.below, open, last_of)?;
                open.pop();
            }
        }
        Below::DepthLimit => writeln!(out, "{prefix}└── … (deeper levels not shown)")?,
        // Said only when there is something to look for elsewhere.
        Below::AlsoUnder(at) if matches!(&tree.nodes[*at].below, Below::Shown(nodes) if nodes.is_empty()) =>
            {}
        Below::AlsoUnder(at) => writeln!(
            out,
            "{prefix}└── (its subordinates are shown under its other superior, {})",
            unit_label(graph.unit(tree.nodes[*at].link.to))
        )?,
        Below::Cycle => writeln!(out, "{prefix}└── ↻ a cycle: this unit is already above")?,
    }
    Ok(())
}

#[derive(Serialize)]
struct TreeJson<'g> {
    unit: UnitRef<'g>,
    direct: usize,
    total: usize,
    vacant: usize,
    shown: usize,
    below: BelowJson<'g>,
}

/// What is under a unit: its shown subordinates, a depth limit, a pointer to where its
/// subordinates are shown, or a cycle.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
enum BelowJson<'g> {
    Subordinates(Vec<NodeJson<'g>>),
    DepthLimit(bool),
    /// The id of the other superior under which the unit's subordinates are shown.
    AlsoUnder(&'g str),
    Cycle(bool),
}

#[derive(Serialize)]
struct NodeJson<'g> {
    unit: UnitRef<'g>,
    tie: &'static str,
    /// The unit's superior by this tie (with a kind filter, possibly a hidden unit).
    superior: &'g str,
    below: BelowJson<'g>,
}

fn tree_json<'g>(graph: &'g OrgGraph, tree: &Subordinates<'g>) -> TreeJson<'g> {
    TreeJson {
        unit: UnitRef::new(graph.unit(tree.unit)),
        direct: tree.direct,
        total: tree.total,
        vacant: tree.vacant,
        shown: tree.shown,
        below: below_json(graph, tree, &tree.below),
    }
}

fn below_json<'g>(graph: &'g OrgGraph, tree: &Subordinates<'g>, below: &Below) -> BelowJson<'g> {
    match below {
        Below::Shown(nodes) => BelowJson::Subordinates(
            nodes
                .iter()
                .map(|&at| {
                    let node = &tree.nodes[at];
                    NodeJson {
                        unit: UnitRef::new(graph.unit(node.unit())),
                        tie: node.link.kind().as_str(),
                        superior: graph.unit(node.link.to).id.as_str(),
                        below: below_json(graph, tree, &node.below),
                    }
                })
                .collect(),
        ),
        Below::DepthLimit => BelowJson::DepthLimit(true),
        Below::AlsoUnder(at) => {
            BelowJson::AlsoUnder(graph.unit(tree.nodes[*at].link.to).id.as_str())
        }
        Below::Cycle => BelowJson::Cycle(true),
    }
}
