//! Checking a structure: rules that find what leaves a unit hanging or a line of authority broken,
//! each reporting a located [`Diagnostic`] with a stable code.
//!
//! [`check`] runs every rule on a graph (building it reported unknown units, unknown sources and
//! forbidden ties). [`Levels`] adjusts severities as `--allow`, `--warn`,
//! `--deny` and `--strict` ask; [`report`] gathers, adjusts, sorts and counts what a run shows, and,
//! given the problems of the structure before a proposal, tells which ones the proposal brings.
//! Every rule is linear in the size of the graph.
//!
//! A graph cut to a day holds the structure of that day only. The rules of [`time`] read the
//! whole description instead, every date, before it is cut: the loader runs them
//! ([`crate::Loader::check_timeline`]) and gives their findings beside the graph
//! ([`crate::Workspace::timeline`]).

mod bodies;
mod duplicates;
mod facts;
mod heads;
mod hierarchy;
mod levels;
pub mod time;

pub use levels::{Level, LevelError, Levels};

use crate::Structure;
use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::OrgGraph;
use crate::model::{FastHash, FastMap, Origin, Unit};

/// The span of control above which `wide-span` warns, unless `--max-span` says otherwise: past
/// the 8 to 12 reports usually advised, and past the size of a flat product team.
pub const DEFAULT_MAX_SPAN: usize = 15;

/// What the rules can be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// A unit or post with more direct reports than this gets a `wide-span` warning.
    pub max_span: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_span: DEFAULT_MAX_SPAN,
        }
    }
}

/// Runs every rule on a graph, in a fixed order: the problems of its structure, beside those
/// building it reported (unknown units, forbidden ties), whose consequences the rules leave
/// alone. Linear in the size of the graph.
pub fn check(graph: &OrgGraph, options: &Options) -> Vec<Diagnostic> {
    let context = Context { graph, options };
    let mut diagnostics = Vec::new();
    hierarchy::check(&context, &mut diagnostics);
    duplicates::check(&context, &mut diagnostics);
    bodies::check(&context, &mut diagnostics);
    facts::check(&context, &mut diagnostics);
    heads::check(&context, &mut diagnostics);
    diagnostics
}

/// Every problem of a resolved `structure`, as `check` finds them: those found in building its
/// graph, those the rules of time found on the whole description (`timeline`), then the rules'.
/// The graph comes back with them, for whoever goes on to compare or query it.
pub fn structure(
    structure: Structure,
    timeline: &[Diagnostic],
    options: &Options,
) -> (OrgGraph, Vec<Diagnostic>) {
    let mut problems = structure.diagnostics;
    problems.extend(timeline.iter().cloned());
    problems.extend(check(&structure.graph, options));
    (structure.graph, problems)
}

/// What every rule reads.
struct Context<'a> {
    graph: &'a OrgGraph,
    options: &'a Options,
}

/// Where a unit's id is written, the place of every problem about the unit.
fn unit_place(unit: &Unit) -> Origin {
    unit.origin.at(unit.id.span)
}

/// How messages name a unit: its kind and its id ("post `dsin-directeur`").
fn described(unit: &Unit) -> crate::i18n::Text {
    crate::i18n::text!(
        "unit-described",
        kind = unit.kind.value,
        id = unit.id.as_str()
    )
}

/// One problem `check` shows, and whether the proposal checked brings it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The problem, its severity adjusted by the levels asked for.
    pub diagnostic: Diagnostic,
    /// Whether the problem is new in the structure as proposed; always `false` without a
    /// proposal.
    pub new: bool,
}

/// How many problems of each severity a report holds, in all and new with a proposal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Errors shown.
    pub errors: usize,
    /// Warnings shown.
    pub warnings: usize,
    /// Notes shown.
    pub notes: usize,
    /// Errors the proposal brings.
    pub new_errors: usize,
    /// Warnings the proposal brings.
    pub new_warnings: usize,
    /// Notes the proposal brings.
    pub new_notes: usize,
    /// With a proposal: how many problems of the structure before it are gone.
    pub resolved: usize,
}

impl Summary {
    fn count(&mut self, problem: &Problem) {
        let (all, new) = match problem.diagnostic.severity {
            Severity::Error => (&mut self.errors, &mut self.new_errors),
            Severity::Warning => (&mut self.warnings, &mut self.new_warnings),
            Severity::Note => (&mut self.notes, &mut self.new_notes),
        };
        *all += 1;
        if problem.new {
            *new += 1;
        }
    }
}

/// Everything a run of `check` shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Sorted by file and position; problems with no place first.
    pub problems: Vec<Problem>,
    /// With a proposal: the problems of the structure before it that the proposed structure no
    /// longer has, sorted likewise.
    pub resolved: Vec<Diagnostic>,
    /// The counts of what is shown.
    pub summary: Summary,
}

impl Report {
    /// Whether some input could not be read at all (see [`crate::diagnostic::Code::is_input`]).
    pub fn has_unreadable_input(&self) -> bool {
        self.problems.iter().any(|p| p.diagnostic.code.is_input())
    }
}

/// Gathers what `check` shows: the problems found in reading the files (`read`), then those of
/// the checked structure (`after`), adjusted by `levels` and sorted by file and position. With
/// `before`, the problems of the structure before a proposal, each problem of `after` is marked
/// new unless it was already there (matched by code and subjects, as many times as it was there),
/// and the problems of `before` that `after` no longer has are reported as resolved; problems in
/// reading are never new, as a proposal does not change the files.
pub fn report(
    read: Vec<Diagnostic>,
    before: Option<Vec<Diagnostic>>,
    after: Vec<Diagnostic>,
    levels: &Levels,
) -> Report {
    let (new, mut resolved) = match before {
        Some(before) => {
            let new = unmatched(&before, &after);
            let gone = unmatched(&after, &before);
            let resolved = before
                .into_iter()
                .zip(gone)
                .filter(|(_, gone)| *gone)
                .filter_map(|(d, _)| levels.adjust(d))
                .collect();
            (new, resolved)
        }
        None => (vec![false; after.len()], Vec::new()),
    };
    let mut problems: Vec<Problem> = read
        .into_iter()
        .map(|d| (d, false))
        .chain(after.into_iter().zip(new))
        .filter_map(|(diagnostic, new)| {
            levels
                .adjust(diagnostic)
                .map(|diagnostic| Problem { diagnostic, new })
        })
        .collect();
    problems.sort_by_key(|p| place(&p.diagnostic));
    resolved.sort_by_key(place);
    let mut summary = Summary {
        resolved: resolved.len(),
        ..Summary::default()
    };
    for problem in &problems {
        summary.count(problem);
    }
    Report {
        problems,
        resolved,
        summary,
    }
}

/// Where a problem sorts: by file, then position; problems with no place first.
fn place(diagnostic: &Diagnostic) -> Option<(crate::model::FileId, u32, u32)> {
    diagnostic
        .origin
        .map(|o| (o.file, o.span.start, o.span.end))
}

/// For each problem of `ours`, whether no problem of `others` has its code and subjects (each
/// problem of `others` matches once). Linear in the number of problems.
fn unmatched(others: &[Diagnostic], ours: &[Diagnostic]) -> Vec<bool> {
    let mut there: FastMap<(_, &[String]), usize> =
        FastMap::with_capacity_and_hasher(others.len(), FastHash::default());
    for diagnostic in others {
        *there
            .entry((diagnostic.code, &*diagnostic.subjects))
            .or_default() += 1;
    }
    ours.iter()
        .map(
            |diagnostic| match there.get_mut(&(diagnostic.code, &*diagnostic.subjects)) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            },
        )
        .collect()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Running the rules on graphs built in code.

    use super::*;
    use crate::diagnostic::Code;
    use crate::model::Description;

    /// Every problem of `description`: those of building its graph, then the rules'.
    pub(crate) fn checked(description: Description, options: Options) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let graph = OrgGraph::build(description, &mut diagnostics);
        diagnostics.extend(check(&graph, &options));
        diagnostics
    }

    /// The codes and subjects of the problems with one of `codes` that checking `description`
    /// finds, building problems (unknown units, forbidden ties) included, in the order found.
    pub(crate) fn found(
        description: Description,
        options: Options,
        codes: &[Code],
    ) -> Vec<(Code, String)> {
        checked(description, options)
            .into_iter()
            .filter(|d| codes.contains(&d.code))
            .map(|d| (d.code, d.subjects.join(" ")))
            .collect()
    }

    /// The problems with this code only.
    pub(crate) fn problems_of(description: Description, code: Code) -> Vec<String> {
        found(description, Options::default(), &[code])
            .into_iter()
            .map(|(_, subjects)| subjects)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn diagnostic(code: Code, subjects: &[&str]) -> Diagnostic {
        Diagnostic::new(code, "m").about(subjects.iter().copied())
    }

    #[test]
    fn problems_are_new_unless_there_before_as_many_times() {
        let before = [
            diagnostic(Code::OrphanUnit, &["a"]),
            diagnostic(Code::DuplicateTie, &["cooperation", "a", "b"]),
        ];
        let after = [
            diagnostic(Code::OrphanUnit, &["a"]),
            diagnostic(Code::OrphanUnit, &["a"]),
            diagnostic(Code::OrphanUnit, &["b"]),
            diagnostic(Code::MissingSource, &["a"]),
        ];
        assert_eq!(unmatched(&before, &after), [false, true, true, true]);
        assert_eq!(unmatched(&after, &before), [false, true]);
    }

    #[test]
    fn a_report_sorts_counts_and_adjusts() {
        let file = crate::model::FileId(0);
        let at = |start| Origin::new(file, crate::model::Span::new(start, start + 1));
        let read = vec![diagnostic(Code::UnknownUnit, &["x"]).at(at(9))];
        let after = vec![
            diagnostic(Code::VacantPost, &["p"]).at(at(5)),
            diagnostic(Code::OrphanUnit, &["o"]).at(at(1)),
            diagnostic(Code::MissingSource, &["o"]).at(at(1)),
        ];
        let levels = Levels::new(false, false, [(Code::MissingSource, Level::Allow)]).unwrap();
        let before = vec![diagnostic(Code::DuplicateTie, &["cooperation", "a", "b"])];
        let report = report(read, Some(before), after, &levels);
        assert_eq!(report.resolved.len(), 1);
        let codes: Vec<Code> = report.problems.iter().map(|p| p.diagnostic.code).collect();
        assert_eq!(
            codes,
            [Code::OrphanUnit, Code::VacantPost, Code::UnknownUnit]
        );
        assert_eq!(
            report.summary,
            Summary {
                errors: 2,
                warnings: 0,
                notes: 1,
                new_errors: 1,
                new_warnings: 0,
                new_notes: 1,
                resolved: 1,
            }
        );
    }
}
