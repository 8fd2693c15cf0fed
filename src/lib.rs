#![doc = include_str!("../README.md")]

pub mod atomic;
pub mod cli;
pub mod diagnostic;
pub mod generate;
pub mod graph;
pub mod load;
pub mod model;
pub mod query;
