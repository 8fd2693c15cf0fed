#![doc = include_str!("../README.md")]

pub mod atomic;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod diff;
pub mod generate;
pub mod graph;
pub mod interop;
pub mod load;
pub mod model;
pub mod proposal;
pub mod query;
pub mod render;
