//! The typed organisation graph: units as nodes, ties as edges, read-only once built, and its
//! hierarchy.

mod belonging;
mod build;
mod heads;
mod hierarchy;
#[cfg(test)]
pub(crate) mod testing;

pub use belonging::{Belonging, OrganisationName};
pub(crate) use build::tie_subjects;
pub use heads::{Because, Heads, Manager};
pub use hierarchy::{Climb, Hierarchy, Link, Reached, route_to};

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::model::{
    Description, FastSet, IdMap, Organisation, OrganisationIndex, Source, SourceId, Tie, TieKind,
    Unit, UnitId, Unreadable,
};

/// A node of the graph: one unit or post.
pub type UnitIx = NodeIndex<u32>;
/// An edge of the graph: one tie.
pub type TieIx = EdgeIndex<u32>;
/// The petgraph graph underneath: nodes are [`UnitIx`]es, edges carry their tie's kind.
pub type Petgraph = DiGraph<(), Edge, u32>;

/// A resolved description: every unit a node, every tie whose two ends exist an edge from `from`
/// to `to`. Nodes and edges are numbered in declaration order, so iterating them is
/// deterministic.
///
/// The units and ties stay where the description kept them: node `i` is the `i`-th unit of
/// `units`, and an edge carries the position of its tie in `ties`. Building the graph moves
/// nothing and copies nothing, so a large description is never held twice, and petgraph's
/// adjacency lists stay small enough to walk from cache.
#[derive(Debug, Default)]
pub struct OrgGraph {
    graph: Petgraph,
    units: IdMap<UnitId, Unit>,
    /// Every tie read, including those left out of the graph (an unknown end, a forbidden kind).
    ties: Vec<Tie>,
    organisations: Vec<Organisation>,
    sources: IdMap<SourceId, Source>,
    /// What resolving left out, for the rules not to report its consequences again.
    left_out: LeftOut,
    /// The unit each organisation is, by organisation index, when it is one.
    organisation_units: Vec<Option<UnitIx>>,
    /// The organisation each unit belongs to, by node index ([`Belonging`]).
    belonging: Vec<Belonging>,
}

/// The units with ties that the graph leaves out because an end is unknown or the validity table
/// forbids them. Those ties are reported where they are written; the rules do not report their
/// consequences (an orphan, an isolated unit) a second time.
#[derive(Debug, Default)]
struct LeftOut {
    /// Units with a hierarchical tie to a superior that was left out.
    superior: FastSet<UnitIx>,
    /// Units at either end of a tie that was left out.
    tie: FastSet<UnitIx>,
}

impl LeftOut {
    /// Records a tie left out between the ends that exist, `hierarchical` when `from` lost a
    /// superior by it.
    fn record(&mut self, from: Option<UnitIx>, to: Option<UnitIx>, hierarchical: bool) {
        if let (Some(from), true) = (from, hierarchical) {
            self.superior.insert(from);
        }
        self.tie.extend(from.into_iter().chain(to));
    }
}

/// What an edge of the petgraph graph carries: the kind of its tie, for walks that filter on it
/// without reaching for the tie, and where the tie is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    /// The kind of the tie, for walks that filter on it without reaching for the tie.
    pub kind: TieKind,
    tie: u32,
}

/// One tie seen from one of its ends.
#[derive(Clone, Copy, Debug)]
pub struct TieView<'g> {
    /// The tie's edge in the graph.
    pub index: TieIx,
    /// The tie as declared.
    pub tie: &'g Tie,
    /// The unit at the other end.
    pub other: UnitIx,
    /// Whether the tie goes out of the unit it is seen from (the unit is its `from`).
    pub outgoing: bool,
}

impl<'g> TieView<'g> {
    fn new(graph: &'g OrgGraph, edge: EdgeReference<'g, Edge, u32>, outgoing: bool) -> TieView<'g> {
        TieView {
            index: edge.id(),
            tie: graph.tie(edge.id()),
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
    /// The unit at `ix`, which must be a node of this graph.
    pub fn unit(&self, ix: UnitIx) -> &Unit {
        &self.units[ix.index()]
    }

    /// The unit at `ix`, if `ix` is a node of this graph.
    pub fn get_unit(&self, ix: UnitIx) -> Option<&Unit> {
        self.units.get_index(ix.index()).map(|(_, unit)| unit)
    }

    /// The tie at `ix`, which must be an edge of this graph.
    pub fn tie(&self, ix: TieIx) -> &Tie {
        &self.ties[self.graph[ix].tie as usize]
    }

    /// The unit with this exact id.
    pub fn find_id(&self, id: &str) -> Option<UnitIx> {
        self.units.get_index_of(id).map(UnitIx::new)
    }

    /// How many units and posts the graph holds.
    pub fn unit_count(&self) -> usize {
        self.units.len()
    }

    /// How many ties the graph holds (ties left out in building it not counted).
    pub fn tie_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every unit, in declaration order.
    pub fn units(&self) -> impl Iterator<Item = (UnitIx, &Unit)> + '_ {
        self.units
            .values()
            .enumerate()
            .map(|(i, unit)| (UnitIx::new(i), unit))
    }

    /// Every tie, in declaration order.
    pub fn ties(&self) -> impl Iterator<Item = (TieIx, &Tie)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.id(), &self.ties[e.weight().tie as usize]))
    }

    /// The two ends of a tie: (`from`, `to`).
    pub fn ends(&self, ix: TieIx) -> (UnitIx, UnitIx) {
        // Every edge index handed out by this graph is valid: the graph never loses an edge.
        self.graph.edge_endpoints(ix).unwrap_or_default()
    }

    /// The organisations (one a description file), in declaration order.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// The organisation a unit belongs to, from its line ([`Belonging`]); not the file that
    /// declares it.
    pub fn belonging(&self, ix: UnitIx) -> Belonging {
        self.belonging
            .get(ix.index())
            .copied()
            .unwrap_or(Belonging::Outside)
    }

    /// The described organisation a unit belongs to, if any.
    pub fn organisation_of(&self, ix: UnitIx) -> Option<&Organisation> {
        match self.belonging(ix) {
            Belonging::Described(index) => self.organisations.get(index.0 as usize),
            Belonging::Named(_) | Belonging::Outside => None,
        }
    }

    /// The unit an organisation is, when it is one (a file of partners is no unit).
    pub fn organisation_unit(&self, organisation: OrganisationIndex) -> Option<UnitIx> {
        self.organisation_units
            .get(organisation.0 as usize)
            .copied()
            .flatten()
    }

    /// The source declared with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// Every source, in declaration order.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.sources.values()
    }

    /// Every tie of a unit, out then in, each in declaration order.
    pub fn ties_of(&self, ix: UnitIx) -> Vec<TieView<'_>> {
        let mut out: Vec<_> = self
            .graph
            .edges_directed(ix, Direction::Outgoing)
            .map(|e| TieView::new(self, e, true))
            .collect();
        let mut incoming: Vec<_> = self
            .graph
            .edges_directed(ix, Direction::Incoming)
            .map(|e| TieView::new(self, e, false))
            .collect();
        // petgraph lists a node's edges newest first; declaration order reads better.
        out.sort_by_key(|t| t.index);
        incoming.sort_by_key(|t| t.index);
        out.extend(incoming);
        out
    }

    /// Whether a hierarchical tie from `unit` to a superior was left out of the graph (its
    /// superior unknown, or the tie forbidden between the two kinds).
    pub fn lost_superior(&self, unit: UnitIx) -> bool {
        self.left_out.superior.contains(&unit)
    }

    /// Whether a tie from or to `unit` was left out of the graph.
    pub fn lost_tie(&self, unit: UnitIx) -> bool {
        self.left_out.tie.contains(&unit)
    }

    /// The description the graph was built from, copied: every unit and every tie read, those
    /// left out included.
    pub fn to_description(&self) -> Description {
        Description {
            organisations: self.organisations.clone(),
            sources: self.sources.clone(),
            units: self.units.clone(),
            ties: self.ties.clone(),
            unreadable: Unreadable::default(),
        }
    }

    /// The underlying petgraph graph, for algorithms (read-only): nodes are [`UnitIx`]es, edges
    /// carry their tie's kind; [`OrgGraph::unit`] and [`OrgGraph::tie`] give the rest.
    pub fn petgraph(&self) -> &Petgraph {
        &self.graph
    }
}
