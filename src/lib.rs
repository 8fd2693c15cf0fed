#![doc = include_str!("../README.md")]

pub mod cli;
pub mod diagnostic;
pub mod graph;
pub mod load;
pub mod model;
pub mod query;
