//! Questions asked of a loaded graph. Each returns typed data; the CLI only formats it.

mod chain;
mod find;
mod history;
mod neighbourhood;
mod organisation;
mod partners;
mod path;
mod show;
mod stats;
mod subordinates;
mod superior;

pub use chain::{Above, Chain, End, LineOfPosts, Step, chain, line_of_posts};
pub use find::{
    AbsentMatch, Field, LookupError, Match, absent_named, excerpt, find, find_absent,
    names_exactly, resolve,
};
pub use history::{Change, Event, History, history};
pub use neighbourhood::neighbourhood;
pub use organisation::organisation;
pub use partners::{Partner, PartnerGroup, Partners, PartnersOptions, partners};
pub use path::{Hop, Path, PathOptions, path};
pub use show::{UnitDetails, show};
pub use stats::{HeadcountRollUp, HeadcountSum, SpanOfControl, Stats, stats};
pub use subordinates::{
    Below, Reports, Subordinate, Subordinates, SubordinatesOptions, reports, subordinates,
};
pub use superior::{CommonManager, CommonSuperior, common_manager, superior};
