//! The typed organisation graph: units as nodes, ties as edges, read-only once built.

mod build;

pub(crate) use build::tie_subjects;

use indexmap::IndexMap;
use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::{Organisation, Source, SourceId, Tie, TieKind, Unit, UnitId};

/// A node of the graph: one unit or post.
pub type UnitIx = NodeIndex<u32>;
/// An edge of the graph: one tie.
pub type TieIx = EdgeIndex<u32>;

/// A resolved description: every unit a node, every tie whose two ends exist an edge from `from`
/// to `to`. Nodes and edges are numbered in declaration order, so iterating them is
/// deterministic.
#[derive(Debug, Default)]
pub struct OrgGraph {
    graph: DiGraph<Unit, Tie, u32>,
    index: IndexMap<UnitId, UnitIx>,
    organisations: Vec<Organisation>,
    sources: IndexMap<SourceId, Source>,
}

/// One tie seen from one of its ends.
#[derive(Clone, Copy, Debug)]
pub struct TieView<'g> {
    pub index: TieIx,
    pub tie: &'g Tie,
    /// The unit at the other end.
    pub other: UnitIx,
    /// Whether the tie goes out of the unit it is seen from (the unit is its `from`).
    pub outgoing: bool,
}

impl<'g> TieView<'g> {
    fn new(edge: EdgeReference<'g, Tie, u32>, outgoing: bool) -> TieView<'g> {
        TieView {
            index: edge.id(),
            tie: edge.weight(),
            other: if outgoing {
                edge.target()
            } else {
                edge.source()
            },
            outgoing,
        }
    }
}

impl OrgGraph {
    pub fn unit(&self, ix: UnitIx) -> &Unit {
        &self.graph[ix]
    }

    pub fn tie(&self, ix: TieIx) -> &Tie {
        &self.graph[ix]
    }

    /// The unit with this exact id.
    pub fn find_id(&self, id: &str) -> Option<UnitIx> {
        self.index.get(id).copied()
    }

    pub fn unit_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn tie_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every unit, in declaration order.
    pub fn units(&self) -> impl Iterator<Item = (UnitIx, &Unit)> + '_ {
        self.index.values().map(|&ix| (ix, &self.graph[ix]))
    }

    /// Every tie, in declaration order.
    pub fn ties(&self) -> impl Iterator<Item = (TieIx, &Tie)> + '_ {
        self.graph.edge_references().map(|e| (e.id(), e.weight()))
    }

    /// The two ends of a tie: (`from`, `to`).
    pub fn ends(&self, ix: TieIx) -> (UnitIx, UnitIx) {
        // Every edge index handed out by this graph is valid: the graph never loses an edge.
        self.graph.edge_endpoints(ix).unwrap_or_default()
    }

    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// The organisation (description file) a unit is declared in.
    pub fn organisation_of(&self, ix: UnitIx) -> &Organisation {
        &self.organisations[self.graph[ix].organisation.0 as usize]
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// Every tie of a unit, out then in, each in declaration order.
    pub fn ties_of(&self, ix: UnitIx) -> Vec<TieView<'_>> {
        let mut out: Vec<_> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .map(|e| TieView::new(e, true))
            .collect();
        let mut incoming: Vec<_> = self
            .graph
            .edges_directed(ix, Direction::Incoming)
            .map(|e| TieView::new(e, false))
            .collect();
        // petgraph lists a node's edges newest first; declaration order reads better.
        out.sort_by_key(|t| t.index);
        incoming.sort_by_key(|t| t.index);
        out.extend(incoming);
        out
    }

    /// The hierarchical superiors of a unit (its parents by attachment, joint attachment or line
    /// authority), in declaration order.
    pub fn parents(&self, ix: UnitIx) -> Vec<TieView<'_>> {
        self.ties_of(ix)
            .into_iter()
            .filter(|t| t.outgoing && t.tie.kind.is_hierarchical())
            .collect()
    }

    /// The units placed directly under a unit by a hierarchical tie, in declaration order.
    pub fn children(&self, ix: UnitIx) -> Vec<TieView<'_>> {
        self.ties_of(ix)
            .into_iter()
            .filter(|t| !t.outgoing && t.tie.kind.is_hierarchical())
            .collect()
    }

    /// Ties of a given kind touching a unit.
    pub fn ties_of_kind(&self, ix: UnitIx, kind: TieKind) -> impl Iterator<Item = TieView<'_>> {
        self.ties_of(ix)
            .into_iter()
            .filter(move |t| t.tie.kind.value == kind)
    }

    /// The underlying petgraph graph, for algorithms (read-only).
    pub fn petgraph(&self) -> &DiGraph<Unit, Tie, u32> {
        &self.graph
    }
}
