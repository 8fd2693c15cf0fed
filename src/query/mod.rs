//! Questions asked of a loaded graph. Each returns typed data; the CLI only formats it.

mod find;
mod show;

pub use find::{Field, LookupError, Match, find, resolve};
pub use show::{UnitDetails, show};
