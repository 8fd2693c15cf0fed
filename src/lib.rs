//! The governance of public organisations as a typed graph: read a description (JSON files, one
//! per organisation, referencing each other), ask it who reports to whom and who works with whom,
//! check it, chart it, compare two versions of it, and exchange it with other tools.
//!
//! Units and posts have kinds ([`model::UnitKind`]), ties have kinds ([`model::TieKind`]: an
//! attachment, a line authority, a joint attachment, a cooperation, a secretariat…), and a table
//! says which tie may join which kinds. Every fact points back to the document that states it,
//! and every problem found is a [`diagnostic::Diagnostic`] located in the file it is about.
//!
//! # Reading a description
//!
//! [`Loader`] is the front door: it reads folders, files, text or standard input, applies a
//! proposed change if asked, and resolves the result into a [`graph::OrgGraph`], collecting every
//! problem on the way rather than stopping at the first.
//!
//! ```
//! use organigram::diagnostic::render;
//! use organigram::{Loader, check, query};
//!
//! // The description built into organigram: the `org/` folder of its repository.
//! let workspace = Loader::new().builtin().load()?;
//! let graph = workspace.graph();
//!
//! // Whom does the DNE report to? It is a directorate shared by two parents.
//! let dne = query::resolve(graph, "DNE")?;
//! let superiors: Vec<&str> = graph
//!     .hierarchy()
//!     .up(dne)
//!     .iter()
//!     .map(|link| graph.unit(link.to).id.as_str())
//!     .collect();
//! assert_eq!(superiors, ["menj-sg", "dgesco"]);
//!
//! // Check the structure: what reading it found, then what the rules find.
//! let problems = check::check(graph, &check::Options::default());
//! assert!(!workspace.has_errors() && !problems.iter().any(|p| p.is_error()));
//!
//! // A description can come from memory too, and its problems are located in it.
//! let text = r#"{"organisation": {"id": "o", "name": "O"},
//!                "units": [{"id": "a", "name": "A", "kind": "directorat"}]}"#;
//! let workspace = Loader::new().text("o.json", text).load()?;
//! let shown = render::text_to_string(&workspace.files, workspace.diagnostics());
//! assert!(shown.contains("o.json:2:59"), "{shown}");
//! assert!(shown.contains("did you mean `directorate`?"), "{shown}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is where
//!
//! The modules are layered, each using only those above it in this list:
//!
//! - [`stack`]: recursion as deep as the input, on a stack that grows as needed.
//! - [`model`]: the vocabulary (unit kinds, tie kinds and which may join which, statuses, dates,
//!   sources) and the shape of description files. No I/O.
//! - [`i18n`]: the message catalogues, English and French, that every text for people is
//!   written from.
//! - [`diagnostic`]: the located message every layer reports through, and its rendering as
//!   rustc-like text or JSON from a [`diagnostic::SourceMap`].
//! - [`load`]: files to a [`model::Description`], within [`load::Limits`] that protect against
//!   runaway input; [`graph`]: a description resolved into the typed graph and its hierarchy.
//! - [`proposal`]: a file of changes (add, remove, move, rename, merge, split…) applied to a
//!   description, so that everything else can work on the structure as proposed.
//! - [`edit`]: a description's files written again in the canonical form, and new units and ties
//!   placed in the files they belong to.
//! - [`time`]: a description cut to the structure in force on a day, what is not kept apart.
//! - [`Loader`] and [`Workspace`]: the front door over those.
//! - [`query`] (chain of command, subordinates, common superior, connections, partners, figures),
//!   [`check`] (the rules, each with a stable [`diagnostic::Code`]), [`render`] (DOT, SVG, PNG,
//!   PDF and Mermaid charts), [`diff`] (what changed between two structures) and [`interop`]
//!   (importing registers and CSV, exporting node-link JSON, GraphML, JSON-LD, Turtle and CSV):
//!   each takes a graph and returns typed data.
//! - [`lsp`]: the language server over those, for editors of description and proposal files.
//!
//! The `organigram` command line is a client of this library; its manual is in `docs/` (an
//! mdBook, whose chapter `docs/library.md` shows this API at work), and the README is its guide.

pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod edit;
pub mod graph;
pub mod i18n;
pub mod interop;
pub mod load;
pub mod lsp;
pub mod model;
pub mod proposal;
pub mod query;
pub mod render;
pub mod stack;
pub mod time;
mod workspace;

pub use workspace::{
    Dated, Loader, Proposed, Refused, Structure, TimelineDays, TimelineRules, Workspace,
};

/// The manual's examples of the library (`docs/library.md`), run as doctests so that the manual
/// cannot drift from the library; a test (`tests/cli/manual.rs`) checks that no other page of
/// the manual holds Rust code that would go untested.
#[cfg(doctest)]
#[doc = include_str!("../docs/library.md")]
struct ManualExamples;
