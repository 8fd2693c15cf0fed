//! organigram: the governance of public organisations as a typed graph.

pub mod cli;
pub mod diagnostic;
pub mod graph;
pub mod load;
pub mod model;
pub mod query;
