//! Node-link JSON: the whole graph in the shape networkx's `node_link_graph` reads (and d3 and
//! most graph tools take), every unit a node with all its attributes, every tie an edge.
//!
//! ```json
//! { "directed": true, "multigraph": true,
//!   "graph": { "generator": "organigram", "organisations": [...], "sources": [...] },
//!   "nodes": [ { "id": "dsj", "name": "...", "kind": "directorate", ... } ],
//!   "edges": [ { "source": "dsj", "target": "justice", "key": 0, "kind": "attachment", ... } ] }
//! ```
//!
//! Edges are under `edges`, the key networkx reads by default since 3.4 (older versions take
//! `edges="links"`). An edge's `source` and `target` are the tie's `from` and `to`, so the
//! document a fact comes from is its `citation`, on nodes and edges alike.

use std::io::{self, Write};

use serde::Serialize;

use crate::graph::OrgGraph;
use crate::model::{Boundary, Citation, Headcount, Source};

#[derive(Serialize)]
struct NodeLink<'g> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttributes<'g>,
    nodes: Vec<Node<'g>>,
    edges: Vec<Edge<'g>>,
}

#[derive(Serialize)]
struct GraphAttributes<'g> {
    generator: &'static str,
    organisations: Vec<OrganisationJson<'g>>,
    sources: Vec<&'g Source>,
}

#[derive(Serialize)]
struct OrganisationJson<'g> {
    id: &'g str,
    name: &'g str,
    acronym: Option<&'g str>,
}

/// A unit: every attribute of the description, `null` or empty when not given.
#[derive(Serialize)]
struct Node<'g> {
    id: &'g str,
    name: &'g str,
    acronym: Option<&'g str>,
    kind: &'static str,
    family: &'static str,
    aliases: &'g [String],
    status: &'static str,
    /// When the unit began and ended, as its tie's dates: `null` when not dated.
    valid_from: Option<String>,
    valid_until: Option<String>,
    #[serde(flatten)]
    post: PostFacts<'g>,
    headcount: Option<&'g Headcount>,
    remit: Option<&'g str>,
    roles: &'g [String],
    location: Option<&'g str>,
    boundary: Option<&'static str>,
    within: Option<&'g str>,
    collective: bool,
    note: Option<&'g str>,
    organisation: Option<&'g str>,
    citation: Option<&'g Citation>,
}

/// What only a post may be given, `false` or `null` when it is not (on every node, so that all
/// nodes have the same attributes).
#[derive(Serialize)]
struct PostFacts<'g> {
    vacant: bool,
    vacant_from: Option<String>,
    recruiting: bool,
    newly_created: bool,
    term_months: Option<u32>,
    grade: Option<&'g str>,
}

/// A tie, from `source` to `target`.
#[derive(Serialize)]
struct Edge<'g> {
    source: &'g str,
    target: &'g str,
    /// The tie's number in declaration order, unique in the graph.
    key: usize,
    kind: &'static str,
    /// How the tie reads from `source` to `target`: "is attached to".
    reads: &'static str,
    hierarchical: bool,
    /// Whether the tie says the same read from `target` (cooperation).
    symmetric: bool,
    valid_from: Option<String>,
    valid_until: Option<String>,
    note: Option<&'g str>,
    citation: Option<&'g Citation>,
}

/// Writes the graph as node-link JSON, pretty-printed, with a final newline. Linear in the size
/// of the graph.
pub fn write(graph: &OrgGraph, out: &mut dyn Write) -> io::Result<()> {
    let organisations = graph
        .organisations()
        .iter()
        .map(|o| OrganisationJson {
            id: o.id.as_str(),
            name: &o.name,
            acronym: o.acronym.as_deref(),
        })
        .collect();
    let nodes = graph
        .units()
        .map(|(ix, unit)| Node {
            id: unit.id.as_str(),
            name: &unit.name,
            acronym: unit.acronym.as_deref(),
            kind: unit.kind.as_str(),
            family: unit.kind.family().as_str(),
            aliases: &unit.aliases,
            status: unit.status.as_str(),
            valid_from: unit.valid_from.map(|d| d.to_string()),
            valid_until: unit.valid_until.map(|d| d.to_string()),
            post: PostFacts {
                vacant: unit.is_vacant(),
                vacant_from: unit.vacancy_date().map(|d| d.to_string()),
                recruiting: unit.is_recruiting(),
                newly_created: unit.is_newly_created(),
                term_months: unit.term(),
                grade: unit.grade.as_deref(),
            },
            headcount: unit.headcount.as_ref(),
            remit: unit.remit.as_deref(),
            roles: &unit.roles,
            location: unit.location.as_deref(),
            boundary: unit.boundary.map(Boundary::as_str),
            within: unit.within_id(),
            collective: unit.collective,
            note: unit.note.as_deref(),
            organisation: graph.organisation_name(ix).map(|o| o.id),
            citation: unit.source.as_ref(),
        })
        .collect();
    let edges = graph
        .ties()
        .map(|(ix, tie)| Edge {
            source: tie.from.as_str(),
            target: tie.to.as_str(),
            key: ix.index(),
            kind: tie.kind.as_str(),
            reads: tie.kind.verb(),
            hierarchical: tie.kind.is_hierarchical(),
            symmetric: tie.kind.is_symmetric(),
            valid_from: tie.valid_from.map(|d| d.to_string()),
            valid_until: tie.valid_until.map(|d| d.to_string()),
            note: tie.note.as_deref(),
            citation: tie.source.as_ref(),
        })
        .collect();
    let document = NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphAttributes {
            generator: "organigram",
            organisations,
            sources: graph.sources().collect(),
        },
        nodes,
        edges,
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use crate::Loader;

    #[test]
    fn every_unit_and_tie_is_there_with_its_ends() {
        let workspace = Loader::new().builtin().load().unwrap();
        let graph = workspace.graph();
        let mut text = Vec::new();
        super::write(graph, &mut text).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&text).unwrap();
        assert_eq!(json["nodes"].as_array().unwrap().len(), graph.unit_count());
        let edges = json["edges"].as_array().unwrap();
        assert_eq!(edges.len(), graph.tie_count());
        let ids: std::collections::HashSet<&str> = json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap())
            .collect();
        for edge in edges {
            assert!(ids.contains(edge["source"].as_str().unwrap()));
            assert!(ids.contains(edge["target"].as_str().unwrap()));
        }
    }
}
