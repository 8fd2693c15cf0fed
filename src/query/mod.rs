//! Questions asked of a loaded graph. Each returns typed data; the CLI only formats it.

mod chain;
mod find;
mod hierarchy;
mod neighbourhood;
mod organisation;
mod partners;
mod path;
mod show;
mod stats;
mod subordinates;
mod superior;
#[cfg(test)]
pub(crate) mod testing;

pub use chain::{Above, Chain, End, Step, chain};
pub use find::{Field, LookupError, Match, find, resolve};
pub use hierarchy::Link;
pub(crate) use hierarchy::{descendants, direct_reports};
pub use neighbourhood::neighbourhood;
pub use organisation::organisation;
pub use partners::{Partner, PartnerGroup, Partners, PartnersOptions, partners};
pub use path::{Hop, Path, PathOptions, path};
pub use show::{UnitDetails, show};
pub use stats::{HeadcountRollUp, HeadcountSum, SpanOfControl, Stats, stats};
pub use subordinates::{Below, Subordinate, Subordinates, SubordinatesOptions, subordinates};
pub use superior::{CommonSuperior, superior};
