#![doc = include_str!("../README.md")]

pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod graph;
pub mod interop;
pub mod load;
pub mod model;
pub mod proposal;
pub mod query;
pub mod render;
mod stack;
pub mod workspace;

pub use workspace::{Loader, Proposed, Refused, Structure, Workspace};
