//! What the server knows of the workspace at one moment: the description its files make, read
//! and checked as `organigram check` reads and checks it, each proposal checked against it, and
//! the problems of every file in the protocol's terms, ready to publish.
//!
//! An analysis is made whole from the texts of the files (the editor's for the open ones, the
//! disk's for the others) and never changes: an edit makes a new one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url};

use super::navigate::Index;
use super::text::LineIndex;
use crate::check::{self, Levels, Options};
use crate::diagnostic::{Diagnostic, Severity, SourceMap};
use crate::graph::OrgGraph;
use crate::i18n::text;
use crate::load::{Files, Input, Limits};
use crate::model::{Date, Description, FileId, Lang, Origin, Span};
use crate::time::Absent;
use crate::{Loader, Workspace};

/// One file the analysis reads: where it is and what it holds now.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FileText<'a> {
    /// Its path, which messages and locations name.
    pub(crate) path: &'a Path,
    /// Its text: the editor's when it is open, else the disk's; `None` when it cannot be read
    /// as text, for the loader to say why.
    pub(crate) text: Option<&'a str>,
}

/// What the analysis is told besides the files.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    /// The language of messages.
    pub(crate) lang: Lang,
    /// The day the structure is checked as of, as `check` checks it today.
    pub(crate) today: Date,
    /// The limits files are read within.
    pub(crate) limits: Limits,
}

/// The description as read and resolved: its files, its graph of the day, what is out of it.
#[derive(Debug)]
pub(crate) struct Described {
    /// The files read, by the ids of the graph's origins.
    pub(crate) files: Files,
    /// The structure of the day.
    pub(crate) graph: OrgGraph,
    /// What has ended, or not begun, by the day: out of the graph, not out of the files.
    pub(crate) absent: Absent,
    /// Each file's line index, made when a location in it is first asked for.
    lines: Vec<OnceLock<LineIndex>>,
}

impl Described {
    /// The description `files` make, resolved into `graph`.
    fn new(files: Files, graph: OrgGraph, absent: Absent) -> Described {
        let lines = files.iter().map(|_| OnceLock::new()).collect();
        Described {
            files,
            graph,
            absent,
            lines,
        }
    }

    /// Where `origin` is, in the protocol's terms; `None` for a file with no `file:` URI.
    pub(crate) fn location(&self, origin: Origin) -> Option<Location> {
        let uri = Url::from_file_path(self.files.name(origin.file)).ok()?;
        let text = self.files.text(origin.file);
        let index = self
            .lines
            .get(origin.file.0 as usize)?
            .get_or_init(|| LineIndex::new(text));
        Some(Location::new(uri, index.range(text, origin.span.range())))
    }
}

/// The workspace at one moment.
#[derive(Debug)]
pub(crate) struct Analysis {
    /// The description.
    pub(crate) described: Described,
    /// Every problem found, by the file it is in, in the protocol's terms: every file read has an
    /// entry, empty when it has no problem, so that publishing it clears what was shown before.
    pub(crate) diagnostics: HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
    /// The ids of every file, indexed when a request first needs them.
    pub(crate) navigation: OnceLock<Index>,
}

impl Analysis {
    /// Reads `description`'s files as one description and checks it as `check` does, then
    /// checks each of `proposals` against it as `check --proposal` does.
    pub(crate) fn new(
        description: &[FileText<'_>],
        proposals: &[FileText<'_>],
        settings: Settings,
    ) -> Analysis {
        let loader = || {
            description.iter().fold(
                Loader::new()
                    .limits(settings.limits)
                    .today(settings.today)
                    .check_timeline(check::time::rules),
                |loader, file| {
                    loader.input(match file.text {
                        Some(text) => Input::Text {
                            name: file.path.to_owned(),
                            text: text.to_owned(),
                        },
                        None => Input::Path(file.path.to_owned()),
                    })
                },
            )
        };
        let mut diagnostics: HashMap<PathBuf, Vec<lsp_types::Diagnostic>> = description
            .iter()
            .chain(proposals)
            .map(|file| (file.path.to_owned(), Vec::new()))
            .collect();
        let mut converter = Converter::new(settings.lang);
        let described = match loader().load() {
            Ok(workspace) => {
                let (described, report) = checked(workspace, None);
                for problem in report.problems {
                    converter.place(&described.files, &problem.diagnostic, &mut diagnostics);
                }
                described
            }
            // Without a proposal, loading is never refused; an empty structure stands in if it
            // ever were, its problems still shown.
            Err(refused) => {
                for problem in &refused.diagnostics {
                    converter.place(&refused.files, problem, &mut diagnostics);
                }
                Described::new(
                    Files::default(),
                    OrgGraph::build(Description::default(), &mut Vec::new()),
                    Absent::default(),
                )
            }
        };
        for proposal in proposals {
            let Some(text) = proposal.text else {
                continue;
            };
            match loader().proposal_text(proposal.path, text).load() {
                Ok(workspace) => {
                    let (checked, report) = checked(workspace, Some(proposal.path));
                    for problem in report.problems.iter().filter(|p| p.new) {
                        converter.place_in_proposal(
                            &checked.files,
                            &problem.diagnostic,
                            (proposal.path, text),
                            &mut diagnostics,
                        );
                    }
                }
                Err(refused) => {
                    for problem in refused.diagnostics.iter().filter(|d| {
                        d.origin
                            .is_some_and(|o| refused.files.name(o.file) == proposal.path)
                    }) {
                        converter.place(&refused.files, problem, &mut diagnostics);
                    }
                }
            }
        }
        Analysis {
            described,
            diagnostics,
            navigation: OnceLock::new(),
        }
    }
}

/// The description `workspace` holds checked as `check` checks it, its problems in a report:
/// with a proposal, each problem marked new or already there before it.
fn checked(workspace: Workspace, proposal: Option<&Path>) -> (Described, check::Report) {
    let Workspace {
        files,
        read,
        structure,
        proposal: proposed,
        timeline,
        absent,
        ..
    } = workspace;
    let options = Options::default();
    let (before, after_timeline) = match proposed {
        Some(proposed) if proposal.is_some() => {
            let after = proposed.timeline.unwrap_or_else(|| timeline.clone());
            let (_, before) = check::structure(proposed.before, &timeline, &options);
            (Some(before), after)
        }
        _ => (None, timeline),
    };
    let (graph, after) = check::structure(structure, &after_timeline, &options);
    let report = check::report(read, before, after, &Levels::default());
    (Described::new(files, graph, absent), report)
}

/// Turns diagnostics into the protocol's, computing each file's line index once.
struct Converter {
    lang: Lang,
    /// By path, not by file id: each proposal is read in a load of its own, where the id after
    /// the description's files is that proposal's.
    lines: HashMap<PathBuf, LineIndex>,
}

impl Converter {
    fn new(lang: Lang) -> Converter {
        Converter {
            lang,
            lines: HashMap::new(),
        }
    }

    /// The location of `origin` in `files`.
    fn location(&mut self, files: &Files, origin: Origin) -> Option<Location> {
        let uri = Url::from_file_path(files.name(origin.file)).ok()?;
        let range = self.range(files, origin.file, origin.span);
        Some(Location::new(uri, range))
    }

    /// The range of `span` in `file`.
    fn range(&mut self, files: &Files, file: FileId, span: Span) -> lsp_types::Range {
        let text = files.text(file);
        let index = self
            .lines
            .entry(files.name(file).to_owned())
            .or_insert_with(|| LineIndex::new(text));
        index.range(text, span.range())
    }

    /// `diagnostic` in the protocol's terms, placed at `range`.
    fn convert(
        &mut self,
        files: &Files,
        diagnostic: &Diagnostic,
        range: lsp_types::Range,
    ) -> lsp_types::Diagnostic {
        let lang = self.lang;
        let mut message = diagnostic.message.in_lang(lang).into_owned();
        if let Some(label) = &diagnostic.label {
            message.push_str(&format!("\n{}", label.in_lang(lang)));
        }
        if let Some(hint) = &diagnostic.hint {
            let hint = text!("diagnostic-help", hint = hint.in_lang(lang).into_owned());
            message.push_str(&format!("\n{}", hint.in_lang(lang)));
        }
        let related: Vec<DiagnosticRelatedInformation> = diagnostic
            .related
            .iter()
            .filter_map(|related| {
                Some(DiagnosticRelatedInformation {
                    location: self.location(files, related.origin)?,
                    message: related.message.in_lang(lang).into_owned(),
                })
            })
            .collect();
        lsp_types::Diagnostic {
            range,
            severity: Some(match diagnostic.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Note => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(diagnostic.code.as_str().to_owned())),
            source: Some("organigram".to_owned()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..lsp_types::Diagnostic::default()
        }
    }

    /// Adds `diagnostic` to the problems of the file it is in; one with no place is not shown,
    /// as no file holds it.
    fn place(
        &mut self,
        files: &Files,
        diagnostic: &Diagnostic,
        out: &mut HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
    ) {
        let Some(origin) = diagnostic.origin else {
            return;
        };
        let range = self.range(files, origin.file, origin.span);
        let converted = self.convert(files, diagnostic, range);
        out.entry(files.name(origin.file).to_owned())
            .or_default()
            .push(converted);
    }

    /// Adds a problem the proposal brings: in the proposal's file where it is placed there;
    /// placed in a description's file, it is shown at the start of the proposal, saying where
    /// it is (the description's file has it only as proposed).
    fn place_in_proposal(
        &mut self,
        files: &Files,
        diagnostic: &Diagnostic,
        (path, text): (&Path, &str),
        out: &mut HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
    ) {
        match diagnostic.origin {
            Some(origin) if files.name(origin.file) == path => {
                self.place(files, diagnostic, out);
            }
            elsewhere => {
                const CHANGES: &str = "\"changes\"";
                let range = match text.find(CHANGES) {
                    Some(at) => LineIndex::new(text).range(text, at..at + CHANGES.len()),
                    None => lsp_types::Range::default(),
                };
                let mut converted = self.convert(files, diagnostic, range);
                let message = text!("lsp-proposed", message = converted.message.as_str());
                converted.message = message.in_lang(self.lang).into_owned();
                if let Some(location) = elsewhere.and_then(|o| self.location(files, o)) {
                    let here = text!("lsp-proposed-here").in_lang(self.lang).into_owned();
                    converted
                        .related_information
                        .get_or_insert_with(Vec::new)
                        .insert(
                            0,
                            DiagnosticRelatedInformation {
                                location,
                                message: here,
                            },
                        );
                }
                out.entry(path.to_owned()).or_default().push(converted);
            }
        }
    }
}
