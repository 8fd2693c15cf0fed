//! The front door: read a description from files, text or standard input, apply a proposal if
//! there is one, and resolve the result into a graph, every problem located.
//!
//! [`Loader`] says what to read; [`Loader::load`] reads it into a [`Workspace`], which holds the
//! files (to show messages from), the graph of the structure (as proposed, with a proposal), and
//! every problem found on the way. Reading goes on past problems: what is sound is kept, so one
//! run shows every problem, and [`Workspace::has_errors`] tells whether the structure is whole.

use std::path::PathBuf;

use crate::diagnostic::{Code, Diagnostic, plural};
use crate::graph::OrgGraph;
use crate::i18n::text;
use crate::load::{self, Files, Input, Limits};
use crate::model::{Date, Description, Origin};
use crate::proposal::{self, Applied, Proposal};
use crate::time::{self, Absent};

/// What to read: the description's inputs, the limits, and an optional proposal.
///
/// With no input, [`Loader::load`] reads nothing and finds an empty structure: callers choose
/// their default ([`Loader::builtin`] for the description compiled into organigram).
#[derive(Clone, Debug, Default)]
pub struct Loader {
    inputs: Vec<Input>,
    limits: Limits,
    proposal: Option<ProposalInput>,
    as_of: Option<Date>,
    today: Option<Date>,
    timeline_rules: Option<TimelineRules>,
    date_proposal: bool,
}

/// Rules that read the whole timeline of a description, before it is cut to a day
/// ([`Loader::check_timeline`]), told of the days that matter to them ([`TimelineDays`]).
/// [`crate::check::time::rules`] are such rules.
pub type TimelineRules = fn(&Description, TimelineDays) -> Vec<Diagnostic>;

/// The days that rules of the whole timeline are told of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimelineDays {
    /// The day the structure is cut to ([`Loader::day`]), `None` when it is not: what the
    /// structure of that day shows to the rules of a graph, rules of the timeline leave to them.
    pub cut: Option<Date>,
    /// Today ([`Loader::today`]), `None` when not given: a description's statuses say what its
    /// units are now, whatever day is asked about, so they are read against today's date.
    pub today: Option<Date>,
}

/// Where a proposal comes from.
#[derive(Clone, Debug)]
enum ProposalInput {
    Path(PathBuf),
    Text { name: PathBuf, text: String },
}

impl Loader {
    /// A loader with no input yet and the default limits.
    pub fn new() -> Loader {
        Loader::default()
    }

    /// Reads a folder (its `*.json` files, not its sub-folders) or one file.
    #[must_use]
    pub fn path(self, path: impl Into<PathBuf>) -> Loader {
        self.input(Input::Path(path.into()))
    }

    /// Reads one description file held in memory, named `name` in messages.
    #[must_use]
    pub fn text(self, name: impl Into<PathBuf>, text: impl Into<String>) -> Loader {
        self.input(Input::Text {
            name: name.into(),
            text: text.into(),
        })
    }

    /// Reads one description file from standard input, named `<stdin>` in messages.
    #[must_use]
    pub fn stdin(self) -> Loader {
        self.input(Input::Stdin)
    }

    /// Reads the description compiled into organigram (the project's `org/` folder).
    #[must_use]
    pub fn builtin(self) -> Loader {
        self.input(Input::Builtin)
    }

    /// Reads one more input; the inputs of a description are read in the order given.
    #[must_use]
    pub fn input(mut self, input: Input) -> Loader {
        self.inputs.push(input);
        self
    }

    /// The inputs given so far.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    /// Reads within these limits instead of the default ones.
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> Loader {
        self.limits = limits;
        self
    }

    /// Applies the proposal in this file to the description before resolving it.
    #[must_use]
    pub fn proposal(mut self, path: impl Into<PathBuf>) -> Loader {
        self.proposal = Some(ProposalInput::Path(path.into()));
        self
    }

    /// Applies the proposal held in memory as `text`, named `name` in messages.
    #[must_use]
    pub fn proposal_text(mut self, name: impl Into<PathBuf>, text: impl Into<String>) -> Loader {
        self.proposal = Some(ProposalInput::Text {
            name: name.into(),
            text: text.into(),
        });
        self
    }

    /// Works on the structure in force on `day` ([`crate::time`]): what has ended or not begun by
    /// then is left out of the graph and kept in [`Workspace::absent`]. A proposal that takes
    /// effect after `day` is refused: it changes nothing on that day.
    #[must_use]
    pub fn as_of(mut self, day: Date) -> Loader {
        self.as_of = Some(day.start());
        self
    }

    /// The day to work on when [`Loader::as_of`] names none and the proposal, if any, gives no
    /// effective date: the command line gives today. With none of them, the description is not
    /// cut and the graph holds every unit and tie of every date.
    #[must_use]
    pub fn today(mut self, day: Date) -> Loader {
        self.today = Some(day.start());
        self
    }

    /// Runs `rules` on the whole description, every date, before it is cut to its day (which
    /// they are told of, with today): their findings are in [`Workspace::timeline`]. `check` gives the rules of
    /// time ([`crate::check::time::rules`]) this way.
    #[must_use]
    pub fn check_timeline(mut self, rules: TimelineRules) -> Loader {
        self.timeline_rules = Some(rules);
        self
    }

    /// Works on the whole description, every unit and tie of every date, whatever
    /// [`Loader::today`] says: for what tells a unit's history.
    #[must_use]
    pub fn whole_timeline(mut self) -> Loader {
        self.as_of = None;
        self.today = None;
        self
    }

    /// Also writes the proposal's changes into the whole description, dated on its effective
    /// date ([`Proposed::dated`]), to write them back into the description's files: the
    /// structure is then the one of that date, whatever [`Loader::as_of`] says.
    #[must_use]
    pub fn date_proposal(mut self) -> Loader {
        self.date_proposal = true;
        self
    }

    /// The day asked for: [`Loader::as_of`], or else [`Loader::today`]. The structure is cut to
    /// it, unless [`Loader::as_of`] names none and the proposal gives an effective date, which
    /// is then the day.
    pub fn day(&self) -> Option<Date> {
        self.as_of.or(self.today)
    }

    /// Reads the inputs, cuts the description to its day, applies the proposal, and resolves the
    /// result into a graph.
    ///
    /// A description with problems still loads, as far as it is sound, with its problems listed
    /// in the workspace. A proposal that cannot be read or applied leaves no structure to work
    /// on: that is the one failure, and it holds every problem found, the description's too. So
    /// is a proposal that takes effect after the day asked for, and one that adds a unit with the
    /// id of a unit of another day.
    pub fn load(mut self) -> Result<Workspace, Refused> {
        let load::Loaded {
            mut files,
            description,
            diagnostics: read,
        } = load::load_owned(std::mem::take(&mut self.inputs), self.limits);
        let proposal = match self.proposal {
            None => None,
            Some(ProposalInput::Path(path)) => Some(proposal::read(&path, self.limits, &mut files)),
            Some(ProposalInput::Text { name, text }) => {
                let file = files.add(name, text);
                Some(proposal::parse(
                    file,
                    files.text(file),
                    self.limits.max_depth,
                ))
            }
        };
        let proposal = match proposal.transpose() {
            Ok(proposal) => proposal,
            Err(errors) => return Err(Refused::new(files, read, errors)),
        };
        // The day: the one asked for, else the one the proposal takes effect (a chart says it
        // is as of either), else today.
        let effective = proposal.as_ref().and_then(|p| {
            p.effective
                .as_ref()
                .map(|e| (e.value, Origin::new(p.file, e.span)))
        });
        let as_of = match (self.as_of, effective) {
            (_, Some((effective, _))) if self.date_proposal => Some(effective.start()),
            (Some(asked), Some((effective, at))) if asked.start() < effective.start() => {
                let errors = vec![not_in_force(effective, at, asked)];
                return Err(Refused::new(files, read, errors));
            }
            (asked, effective) => asked.or(effective.map(|(effective, _)| effective.start())),
        };
        let day = as_of.or(self.today);
        let days = TimelineDays {
            cut: day,
            today: self.today,
        };
        let timeline = self
            .timeline_rules
            .map(|rules| rules(&description, days))
            .unwrap_or_default();
        // On its effective day, the proposal is also written into the whole description as
        // changes of that day: to be written back, or for the rules of time to check the history
        // it would write.
        let dated_on = effective
            .map(|(effective, _)| effective)
            .filter(|effective| {
                (self.date_proposal || self.timeline_rules.is_some())
                    && day.is_some_and(|day| day.start() == effective.start())
            });
        let whole = dated_on.map(|_| description.clone());
        let (description, absent) = match day {
            Some(day) => time::cut(description, day),
            None => (description, Absent::default()),
        };
        let Some(proposal) = proposal else {
            return Ok(Workspace {
                files,
                read,
                structure: Structure::build(description),
                proposal: None,
                absent,
                timeline,
                as_of,
            });
        };
        let applied = proposal::apply(&description, &proposal).and_then(|(proposed, applied)| {
            let reused = time::reused_ids(&absent, &proposed, &applied);
            if reused.is_empty() {
                Ok((proposed, applied))
            } else {
                Err(reused)
            }
        });
        match applied {
            Ok((proposed, applied)) => {
                let (mut dated, mut dated_timeline) = (None, None);
                if let (Some(whole), Some(effective)) = (whole, dated_on) {
                    let before = self.date_proposal.then(|| whole.clone());
                    let description = time::date(
                        whole,
                        &description,
                        &proposed,
                        &proposal,
                        &applied,
                        effective,
                    );
                    dated_timeline = self.timeline_rules.map(|rules| rules(&description, days));
                    dated = before.map(|before| Dated {
                        before,
                        description,
                    });
                }
                Ok(Workspace {
                    files,
                    read,
                    structure: Structure::build(proposed),
                    proposal: Some(Proposed {
                        proposal,
                        applied,
                        before: Structure::build(description),
                        dated,
                        timeline: dated_timeline,
                    }),
                    absent,
                    timeline,
                    as_of,
                })
            }
            // What was found in reading the description may be why the proposal fails.
            Err(errors) => Err(Refused::new(files, read, errors)),
        }
    }
}

/// Why a proposal that takes effect after the day asked for is refused, located `at` its
/// effective date.
fn not_in_force(effective: Date, at: Origin, asked: Date) -> Diagnostic {
    let (effective, day) = (effective.to_string(), asked.to_string());
    Diagnostic::new(
        Code::ProposalNotInForce,
        text!(
            "proposal-not-in-force",
            effective = effective.as_str(),
            day = day.as_str()
        ),
    )
    .at(at)
    .with_label(text!("proposal-not-in-force-label"))
    .with_hint(text!(
        "proposal-not-in-force-hint",
        effective = effective.as_str(),
        day = day.as_str()
    ))
}

/// A structure resolved into a graph, and the problems resolving it found (unknown units and
/// sources, ties the validity table forbids), in the order found.
#[derive(Debug)]
pub struct Structure {
    /// The graph: every unit, and every tie whose two ends exist and may be joined.
    pub graph: OrgGraph,
    /// The problems found in building the graph.
    pub diagnostics: Vec<Diagnostic>,
}

impl Structure {
    fn build(description: crate::model::Description) -> Structure {
        let mut diagnostics = Vec::new();
        let graph = OrgGraph::build(description, &mut diagnostics);
        Structure { graph, diagnostics }
    }
}

/// A proposal applied: the proposal, what each of its changes did, and the structure before it.
#[derive(Debug)]
pub struct Proposed {
    /// The proposal as read.
    pub proposal: Proposal,
    /// What each change did, in order.
    pub applied: Vec<Applied>,
    /// The structure before the proposal.
    pub before: Structure,
    /// With [`Loader::date_proposal`] and a proposal that gives its effective date: the whole
    /// description, before the proposal and with its changes written in as changes of that date
    /// ([`time::apply_dated`]).
    pub dated: Option<Dated>,
    /// With [`Loader::check_timeline`] and a proposal that gives its effective date, when the
    /// structure is the one of that date: what the rules find in the whole description with the
    /// proposal's changes written in (as [`Workspace::timeline`] has what they find without).
    pub timeline: Option<Vec<Diagnostic>>,
}

/// A proposal written into the whole description, every date ([`Proposed::dated`]).
#[derive(Debug)]
pub struct Dated {
    /// The whole description as read.
    pub before: Description,
    /// The whole description with the proposal's changes dated on its effective day.
    pub description: Description,
}

/// Everything read for a run: the files, the structure, and every problem found.
#[derive(Debug)]
pub struct Workspace {
    /// The files read, which messages are shown from ([`crate::diagnostic::SourceMap`]).
    pub files: Files,
    /// The problems found in reading the description: files that cannot be read, syntax, the
    /// schema, ids declared twice.
    pub read: Vec<Diagnostic>,
    /// The structure: as the proposal makes it, when there is one.
    pub structure: Structure,
    /// The proposal applied, with the structure before it.
    pub proposal: Option<Proposed>,
    /// What is not in force on the day the structure was cut to ([`Loader::as_of`]): empty when
    /// it was not cut.
    pub absent: Absent,
    /// What the rules of [`Loader::check_timeline`] found in the whole description.
    pub timeline: Vec<Diagnostic>,
    /// The day asked for with [`Loader::as_of`], or else the effective date of the proposal,
    /// if either was given (not today's default): what a chart of the structure says it is as
    /// of.
    pub as_of: Option<Date>,
}

impl Workspace {
    /// The graph of the structure (as proposed, with a proposal).
    pub fn graph(&self) -> &OrgGraph {
        &self.structure.graph
    }

    /// Every problem found in reading and resolving the structure, in the order found. The
    /// rules of [`crate::check`] find more.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.read.iter().chain(&self.structure.diagnostics)
    }

    /// Whether a problem found in reading or resolving is an error: what is described is then
    /// not what the files say.
    pub fn has_errors(&self) -> bool {
        self.diagnostics().any(Diagnostic::is_error)
    }
}

/// A proposal that cannot be read or applied, and every problem found: those of the proposal,
/// and those of the description, which may be why.
#[derive(Debug)]
pub struct Refused {
    /// The files read, which messages are shown from.
    pub files: Files,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Refused {
    /// The refusal of a proposal: the problems found in reading the description, which may be
    /// why, then `errors`.
    fn new(files: Files, read: Vec<Diagnostic>, errors: Vec<Diagnostic>) -> Refused {
        let mut diagnostics = read;
        diagnostics.extend(errors);
        Refused { files, diagnostics }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        write!(
            f,
            "the proposal cannot be applied: {} found (render the diagnostics to see them)",
            plural(errors, "error")
        )
    }
}

impl std::error::Error for Refused {}

#[cfg(test)]
mod tests {
    use super::*;

    const DESCRIPTION: &str = r#"{"organisation": {"id": "o", "name": "O"},
        "units": [{"id": "top", "name": "Top", "kind": "ministry", "boundary": "top"},
                  {"id": "dir", "name": "Dir", "kind": "directorate"}],
        "ties": [{"kind": "attachment", "from": "dir", "to": "top"}]}"#;

    #[test]
    fn a_proposal_is_applied_with_the_structure_before_kept() {
        let proposal = r#"{"title": "T", "changes": [{"remove-unit": "dir"}]}"#;
        let workspace = Loader::new()
            .text("o.json", DESCRIPTION)
            .proposal_text("p.json", proposal)
            .load()
            .unwrap();
        assert!(!workspace.has_errors());
        assert_eq!(workspace.graph().unit_count(), 1);
        let proposed = workspace.proposal.as_ref().unwrap();
        assert_eq!(proposed.before.graph.unit_count(), 2);
        assert_eq!(proposed.applied.len(), 1);
    }

    #[test]
    fn a_proposal_that_cannot_apply_is_refused_with_the_description_s_problems() {
        let broken = DESCRIPTION.replace(r#""to": "top""#, r#""to": "nowhere", "x": 1"#);
        let proposal = r#"{"title": "T", "changes": [{"remove-unit": "ghost"}]}"#;
        let refused = Loader::new()
            .text("o.json", broken)
            .proposal_text("p.json", proposal)
            .load()
            .unwrap_err();
        let codes: Vec<Code> = refused.diagnostics.iter().map(|d| d.code).collect();
        assert!(codes.contains(&Code::UnknownField), "{codes:?}");
        assert!(codes.contains(&Code::UnknownUnit), "{codes:?}");
    }

    #[test]
    fn a_proposal_applies_on_its_effective_day_and_not_before() {
        let dated = DESCRIPTION.replace(
            r#""kind": "directorate"}"#,
            r#""kind": "directorate", "valid_until": "2027"}"#,
        );
        let proposal = r#"{"title": "T", "effective": "2026-01",
            "changes": [{"rename": {"unit": "dir", "name": "New"}}]}"#;
        let loader = || {
            Loader::new()
                .text("o.json", dated.clone())
                .proposal_text("p.json", proposal)
                .today(Date::parse("2030").unwrap())
        };
        // Today, the directorate has ended; on the effective day, it is renamed.
        let workspace = loader().load().unwrap();
        assert_eq!(workspace.absent.day(), Date::parse("2026-01-01").ok());
        let graph = workspace.graph();
        assert_eq!(
            graph.find_id("dir").map(|ix| &*graph.unit(ix).name),
            Some("New")
        );
        assert!(workspace.proposal.as_ref().unwrap().dated.is_none());
        let later = loader()
            .as_of(Date::parse("2026-06").unwrap())
            .load()
            .unwrap();
        assert_eq!(later.absent.day(), Date::parse("2026-06-01").ok());
        let refused = loader()
            .as_of(Date::parse("2025-12-31").unwrap())
            .load()
            .unwrap_err();
        let codes: Vec<Code> = refused.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::ProposalNotInForce]);
        // Dated, the rename is written in the whole description's history.
        let workspace = loader()
            .as_of(Date::parse("2025-12-31").unwrap())
            .date_proposal()
            .load()
            .unwrap();
        let dated = workspace.proposal.unwrap().dated.unwrap();
        assert_eq!(dated.before.units["dir"].name, "Dir");
        assert_eq!(dated.description.units["dir"].name, "New");
        assert_eq!(
            dated.description.units["dir"].was[0].name.as_deref(),
            Some("Dir")
        );
    }

    #[test]
    fn the_rules_of_time_check_the_history_a_dated_proposal_writes() {
        /// One problem for each unit that ends.
        fn endings(description: &Description, _: TimelineDays) -> Vec<Diagnostic> {
            let ending = description
                .units
                .values()
                .filter(|u| u.valid_until.is_some());
            ending
                .map(|u| Diagnostic::new(Code::OutdatedTie, u.id.to_string()))
                .collect()
        }
        let proposal =
            r#"{"title": "T", "effective": "2026", "changes": [{"remove-unit": "dir"}]}"#;
        let workspace = Loader::new()
            .text("o.json", DESCRIPTION)
            .proposal_text("p.json", proposal)
            .check_timeline(endings)
            .load()
            .unwrap();
        assert!(workspace.timeline.is_empty());
        let proposed = workspace.proposal.unwrap();
        let found: Vec<String> = proposed
            .timeline
            .unwrap()
            .iter()
            .map(|d| d.message.to_string())
            .collect();
        assert_eq!(found, ["dir"]);
        assert!(proposed.dated.is_none());
    }

    #[test]
    fn problems_in_resolving_are_listed_and_the_sound_part_loads() {
        let broken = DESCRIPTION.replace(r#""to": "top""#, r#""to": "tpo""#);
        let workspace = Loader::new().text("o.json", broken).load().unwrap();
        assert!(workspace.has_errors());
        assert_eq!(workspace.graph().unit_count(), 2);
        assert_eq!(workspace.graph().tie_count(), 0);
        let codes: Vec<Code> = workspace.diagnostics().map(|d| d.code).collect();
        assert_eq!(codes, [Code::UnknownUnit]);
    }
}
