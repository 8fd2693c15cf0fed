//! `organigram subordinates UNIT`: the units and posts under a unit, as a tree.

use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::print::{
    DEEPEST_INDENT, Format, Nested, UnitRef, indent, kind_words, unit_label, write_json,
};
use super::term::UnitKinds;
use super::{Failure, resolve};
use organigram::Workspace;
use organigram::graph::OrgGraph;
use organigram::model::{Family, TieKind};
use organigram::query::{Below, Reports, Subordinates, SubordinatesOptions, reports, subordinates};
use organigram::tr;

#[derive(Debug, clap::Args)]
#[command(mut_arg("unit_kinds", |a| a.visible_alias("kind").help(
    "Show only units of these kinds (repeat, or separate with commas). The units under a \
     hidden unit are listed under its nearest shown superior."
)))]
pub(crate) struct Args {
    /// The unit: an id, an acronym, a name or an alias.
    unit: String,

    /// Show this many levels (1: direct subordinates only). Default: every level.
    #[arg(long, value_name = "N")]
    depth: Option<usize>,

    #[command(flatten)]
    kinds: UnitKinds,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let options = SubordinatesOptions {
        depth: args.depth,
        kinds: args.kinds.chosen(),
    };
    let unit = resolve(workspace, &args.unit)?;
    let tree = subordinates(graph, unit, &options);
    // A post's people: the posts that answer to it, whatever the kind filter.
    let people =
        (graph.unit(unit).kind.family() == Family::Post).then(|| reports(graph, unit, args.depth));
    match args.format {
        Format::Json => write_json(
            out,
            &TreeJson {
                reports: people.as_ref().map(|r| ReportsJson::new(graph, r)),
                ..tree_json(graph, &tree)
            },
        )?,
        Format::Text => {
            write_text(out, graph, &tree)?;
            if let Some(people) = &people {
                write_reports(out, graph, people)?;
            }
        }
    }
    Ok(())
}

/// The posts answering to a post, as an indented list under a heading with their counts.
fn write_reports(out: &mut dyn Write, graph: &OrgGraph, reports: &Reports) -> std::io::Result<()> {
    let counts = tr!(
        super::lang(),
        "subordinates-reports",
        direct = reports.direct,
        total = reports.total
    );
    writeln!(out, "\n{counts}")?;
    for &(post, depth) in &reports.nodes {
        writeln!(
            out,
            "{}{}",
            indent(depth, "  "),
            unit_label(graph.unit(post))
        )?;
    }
    Ok(())
}

/// The posts answering to a post, in JSON: their counts, and each post with its depth.
#[derive(Serialize)]
struct ReportsJson<'g> {
    direct: usize,
    total: usize,
    posts: Vec<ReportJson<'g>>,
}

#[derive(Serialize)]
struct ReportJson<'g> {
    #[serde(flatten)]
    unit: UnitRef<'g>,
    depth: usize,
}

impl<'g> ReportsJson<'g> {
    fn new(graph: &'g OrgGraph, reports: &Reports) -> ReportsJson<'g> {
        ReportsJson {
            direct: reports.direct,
            total: reports.total,
            posts: reports
                .nodes
                .iter()
                .map(|&(post, depth)| ReportJson {
                    unit: UnitRef::new(graph.unit(post)),
                    depth,
                })
                .collect(),
        }
    }
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
    let lang = super::lang();
    let counts = tr!(
        lang,
        "subordinates-counts",
        direct = tree.direct,
        total = tree.total,
        vacant = tree.vacant
    );
    writeln!(out, "{} — {counts}", unit_label(graph.unit(tree.unit)))?;
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
    let mut open: Vec<bool> = Vec::new();
    let mut work = vec![Work::Below(&tree.below, 0)];
    while let Some(next) = work.pop() {
        let level = match next {
            Work::Node(_, level) | Work::Below(_, level) => level,
        };
        open.truncate(level);
        let prefix = prefix(&open);
        match next {
            Work::Node(at, _) => {
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
                work.push(Work::Below(&node.below, level + 1));
            }
            Work::Below(Below::Shown(nodes), level) => {
                work.extend(nodes.iter().rev().map(|&at| Work::Node(at, level)));
            }
            Work::Below(Below::DepthLimit, _) => {
                writeln!(out, "{prefix}└── … ({})", tr!(lang, "subordinates-deeper"))?;
            }
            // Said only when there is something to look for elsewhere.
            Work::Below(Below::AlsoUnder(at), _) if matches!(&tree.nodes[*at].below, Below::Shown(nodes) if nodes.is_empty()) =>
                {}
            Work::Below(Below::AlsoUnder(at), _) => writeln!(
                out,
                "{prefix}└── ({})",
                tr!(
                    lang,
                    "subordinates-also-under",
                    unit = unit_label(graph.unit(tree.nodes[*at].link.to))
                )
            )?,
            Work::Below(Below::Cycle, _) => {
                writeln!(out, "{prefix}└── ↻ {}", tr!(lang, "subordinates-cycle"))?;
            }
        }
    }
    Ok(())
}

/// What is left to draw of a tree: a node, or what lies under one, at a level.
enum Work<'a> {
    Node(usize, usize),
    Below(&'a Below, usize),
}

/// The lines drawn left of a node at the level `open.len()`: a vertical line for each enclosing
/// level with siblings still to come. Past [`DEEPEST_INDENT`] levels, only the deepest ones are
/// drawn, after how many are not.
fn prefix(open: &[bool]) -> String {
    let hidden = open.len().saturating_sub(DEEPEST_INDENT);
    let mut prefix = if hidden > 0 {
        format!("[+{hidden}] ")
    } else {
        String::new()
    };
    for &more in &open[hidden..] {
        prefix.push_str(if more { "│   " } else { "    " });
    }
    prefix
}

#[derive(Serialize)]
struct TreeJson<'a, 'g> {
    unit: UnitRef<'g>,
    direct: usize,
    total: usize,
    vacant: usize,
    shown: usize,
    below: BelowJson<'a, 'g>,
    /// For a post: the posts that answer to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    reports: Option<ReportsJson<'g>>,
}

/// What is under a unit, as JSON: `{"subordinates": [node…]}`, `{"depth-limit": true}`,
/// `{"also-under": id}` (the other superior under which its subordinates are shown) or
/// `{"cycle": true}`. Serialised from the tree as it goes, nesting as deep as the tree does.
struct BelowJson<'a, 'g> {
    graph: &'g OrgGraph,
    tree: &'a Subordinates<'g>,
    below: &'a Below,
}

impl Serialize for BelowJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (graph, tree) = (self.graph, self.tree);
        let mut map = serializer.serialize_map(Some(1))?;
        match self.below {
            Below::Shown(nodes) => {
                let nodes: Vec<NodeJson<'_, '_>> = nodes
                    .iter()
                    .map(|&at| {
                        let node = &tree.nodes[at];
                        NodeJson {
                            unit: UnitRef::new(graph.unit(node.unit())),
                            tie: node.link.kind().as_str(),
                            superior: graph.unit(node.link.to).id.as_str(),
                            below: BelowJson {
                                graph,
                                tree,
                                below: &node.below,
                            },
                        }
                    })
                    .collect();
                map.serialize_entry("subordinates", &Nested(&nodes))?;
            }
            Below::DepthLimit => map.serialize_entry("depth-limit", &true)?,
            Below::AlsoUnder(at) => map.serialize_entry(
                "also-under",
                graph.unit(tree.nodes[*at].link.to).id.as_str(),
            )?,
            Below::Cycle => map.serialize_entry("cycle", &true)?,
        }
        map.end()
    }
}

#[derive(Serialize)]
struct NodeJson<'a, 'g> {
    unit: UnitRef<'g>,
    tie: &'static str,
    /// The unit's superior by this tie (with a kind filter, possibly a hidden unit).
    superior: &'g str,
    below: BelowJson<'a, 'g>,
}

fn tree_json<'a, 'g>(graph: &'g OrgGraph, tree: &'a Subordinates<'g>) -> TreeJson<'a, 'g> {
    TreeJson {
        unit: UnitRef::new(graph.unit(tree.unit)),
        direct: tree.direct,
        total: tree.total,
        vacant: tree.vacant,
        shown: tree.shown,
        below: BelowJson {
            graph,
            tree,
            below: &tree.below,
        },
        reports: None,
    }
}
