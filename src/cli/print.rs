//! Shared pieces of text and JSON output: how a unit, a tie and a citation are printed.

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

use organigram::graph::{Because, Belonging, Manager, OrgGraph, TieView, UnitIx};
use organigram::model::{Citation, Lang, Tie, Unit};
use organigram::tr;

use super::lang;

/// The output format of commands that print data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Text for people.
    #[default]
    Text,
    /// JSON for programs; shapes are documented in `docs/json-output.md` and stable.
    Json,
}

/// The arguments of a command about one unit and nothing else (`show`, `chain`).
#[derive(Debug, clap::Args)]
pub(crate) struct UnitArgs {
    /// The unit: an id, an acronym, a name or an alias.
    pub(crate) unit: String,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

/// Writes a value as pretty JSON and a newline, indented as [`Indented`] says.
pub(crate) fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Indented::default());
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// How many levels deep text output indents: past it, lines stop moving right and say their
/// level instead, so that the output of a hierarchy thousands of levels deep (a broken
/// description) grows with the number of lines, not with their square. No real hierarchy comes
/// near it.
pub(crate) const DEEPEST_INDENT: usize = 32;

/// How many levels deep JSON output indents, for the same reason: a chain of command nests three
/// JSON levels a step, so this is past any real chain too.
const DEEPEST_JSON_INDENT: usize = 60;

/// Pretty JSON, two spaces a level, as `serde_json`'s pretty printer writes it, except that levels
/// deeper than [`DEEPEST_JSON_INDENT`] are indented as that one.
#[derive(Debug, Default)]
struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    fn indent<W: ?Sized + io::Write>(&self, out: &mut W) -> io::Result<()> {
        let spaces = 2 * self.level.min(DEEPEST_JSON_INDENT);
        out.write_all(&b" ".repeat(spaces))
    }

    /// Opens an array or an object with `bracket`.
    fn open<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// Closes an array or an object with `bracket`, on a line of its own unless it is empty.
    fn close<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }

    /// Starts an element or a key on a line of its own.
    fn item<W: ?Sized + io::Write>(&self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The indentation of text output at `level` (from 0), `unit` a level, as [`DEEPEST_INDENT`]
/// bounds it: past it, the deepest indentation and the level in brackets.
pub(crate) fn indent(level: usize, unit: &str) -> String {
    let mut text = unit.repeat(level.min(DEEPEST_INDENT));
    if level > DEEPEST_INDENT {
        text.push_str(&tr!(lang(), "print-level", level = level));
        text.push(' ');
    }
    text
}

/// A value whose JSON nests as deep as the input: serialised on a stack grown as needed, as the
/// serializer recurses once a level.
pub(crate) struct Nested<T>(pub(crate) T);

impl<T: Serialize> Serialize for Nested<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        organigram::stack::grow(|| self.0.serialize(serializer))
    }
}

/// "Name (ACRONYM) [id]", with "(vacant)" for vacant posts.
pub(crate) fn unit_label(unit: &Unit) -> String {
    let mut label = unit.name.clone();
    if let Some(acronym) = &unit.acronym {
        label.push_str(&format!(" ({acronym})"));
    }
    label.push_str(&format!(" [{}]", unit.id.value));
    if unit.is_vacant() {
        label.push_str(&format!(" ({})", tr!(lang(), "print-vacant")));
    }
    label
}

/// A unit on one line with its kind and organisation, for lists of candidates.
pub(crate) fn unit_line(graph: &OrgGraph, ix: UnitIx) -> String {
    let unit = graph.unit(ix);
    tr!(
        lang(),
        "unit-line",
        label = unit_label(unit),
        kind = unit.kind.value,
        organisation = organisation_text(graph, ix)
    )
}

/// The organisation a unit belongs to, for text: its name; "its own organisation" for an
/// organisation the description names without describing it, that organisation's name with
/// "not described here" for a unit of one; "outside every organisation" otherwise.
pub(crate) fn organisation_text(graph: &OrgGraph, ix: UnitIx) -> String {
    let lang = lang();
    match (graph.belonging(ix), graph.organisation_name(ix)) {
        (Belonging::Named(unit), _) if unit == ix => tr!(lang, "organisation-own"),
        (_, Some(o)) if o.described => o.name.to_owned(),
        (_, Some(o)) => tr!(lang, "organisation-named", name = o.name),
        (_, None) => tr!(lang, "organisation-outside"),
    }
}

/// "Name [id] (as head of X)": whom a post answers to, and why.
pub(crate) fn manager_text(graph: &OrgGraph, manager: Manager) -> String {
    tr!(
        lang(),
        "manager",
        post = unit_label(graph.unit(manager.post)),
        because = because_text(graph, manager.because)
    )
}

/// Why a post answers to its manager, for text: "line authority", "head of DSJ".
pub(crate) fn because_text(graph: &OrgGraph, because: Because) -> String {
    let lang = lang();
    let name = |unit: UnitIx| graph.unit(unit).short_name();
    match because {
        Because::LineAuthority(_) => tr!(lang, "because-line-authority"),
        Because::AttachedTo => tr!(lang, "because-attached-to"),
        Because::HeadOfItsUnit(unit) => tr!(lang, "because-head-of-its-unit", unit = name(unit)),
        Because::HeadAbove(unit) => tr!(lang, "because-head-above", unit = name(unit)),
        Because::UnitUnder(unit) => tr!(lang, "because-unit-under", unit = name(unit)),
    }
}

/// Whom a post answers to, in JSON: the post, why (`line-authority`, `attached-to`,
/// `head-of-its-unit`, `head-above`, `unit-under`), and the unit that is why (the one headed, or
/// the one placed under the post).
#[derive(Debug, Serialize)]
pub(crate) struct ManagerJson<'g> {
    #[serde(flatten)]
    post: UnitRef<'g>,
    because: &'static str,
    via: Option<&'g str>,
}

impl<'g> ManagerJson<'g> {
    pub(crate) fn new(graph: &'g OrgGraph, manager: Manager) -> ManagerJson<'g> {
        let (because, via) = match manager.because {
            Because::LineAuthority(_) => ("line-authority", None),
            Because::AttachedTo => ("attached-to", None),
            Because::HeadOfItsUnit(unit) => ("head-of-its-unit", Some(unit)),
            Because::HeadAbove(unit) => ("head-above", Some(unit)),
            Because::UnitUnder(unit) => ("unit-under", Some(unit)),
        };
        ManagerJson {
            post: UnitRef::new(graph.unit(manager.post)),
            because,
            via: via.map(|u| graph.unit(u).id.as_str()),
        }
    }
}

/// An organisation in JSON: its id, name, and whether the description describes it.
#[derive(Debug, Serialize)]
pub(crate) struct OrganisationJson<'g> {
    id: &'g str,
    name: &'g str,
    described: bool,
}

impl<'g> OrganisationJson<'g> {
    /// The organisation a unit belongs to, `None` outside every organisation.
    pub(crate) fn of(graph: &'g OrgGraph, ix: UnitIx) -> Option<OrganisationJson<'g>> {
        graph.organisation_name(ix).map(|o| OrganisationJson {
            id: o.id,
            name: o.name,
            described: o.described,
        })
    }
}

/// `[source-id] "quote" (locator)` for text output.
pub(crate) fn citation_text(citation: &Citation) -> String {
    let mut text = format!("[{}]", citation.source.value);
    if let Some(quote) = &citation.quote {
        text.push_str(&format!(" \u{201c}{quote}\u{201d}"));
    }
    if let Some(locator) = &citation.locator {
        text.push_str(&format!(" ({locator})"));
    }
    text
}

/// The fields every unit carries in JSON output.
#[derive(Debug, Serialize)]
pub(crate) struct UnitRef<'g> {
    pub(crate) id: &'g str,
    pub(crate) name: &'g str,
    pub(crate) acronym: Option<&'g str>,
    pub(crate) kind: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) vacant: bool,
}

impl<'g> UnitRef<'g> {
    pub(crate) fn new(unit: &'g Unit) -> UnitRef<'g> {
        UnitRef {
            id: unit.id.as_str(),
            name: &unit.name,
            acronym: unit.acronym.as_deref(),
            kind: unit.kind.as_str(),
            vacant: unit.is_vacant(),
        }
    }
}

/// A tie seen from one of its ends, in JSON output.
#[derive(Debug, Serialize)]
pub(crate) struct TieJson<'g> {
    pub(crate) kind: &'static str,
    /// `out` when the unit shown is the tie's `from`, `in` when it is its `to`.
    pub(crate) direction: &'static str,
    /// How the tie reads from the unit shown: "is attached to", "has attached"; English in every
    /// language, as JSON is.
    pub(crate) reads: &'static str,
    pub(crate) unit: UnitRef<'g>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) valid_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) valid_until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<&'g str>,
    pub(crate) source: Option<&'g Citation>,
}

/// How a tie reads from the end it is seen from, in the language of text output.
pub(crate) fn reads(tie: &Tie, outgoing: bool) -> &'static str {
    reads_in(tie, outgoing, lang())
}

/// How a tie reads from the end it is seen from in JSON output: English in every language.
pub(crate) fn reads_in_json(tie: &Tie, outgoing: bool) -> &'static str {
    reads_in(tie, outgoing, Lang::En)
}

/// How a tie reads from the end it is seen from, in `lang`.
fn reads_in(tie: &Tie, outgoing: bool, lang: Lang) -> &'static str {
    if outgoing || tie.kind.is_symmetric() {
        tie.kind.verb_in(lang)
    } else {
        tie.kind.inverse_verb_in(lang)
    }
}

impl<'g> TieJson<'g> {
    pub(crate) fn new(graph: &'g OrgGraph, view: &TieView<'g>) -> TieJson<'g> {
        let tie = view.tie;
        TieJson {
            kind: tie.kind.as_str(),
            direction: if view.outgoing { "out" } else { "in" },
            reads: reads_in_json(tie, view.outgoing),
            unit: UnitRef::new(graph.unit(view.other)),
            valid_from: tie.valid_from.map(|d| d.to_string()),
            valid_until: tie.valid_until.map(|d| d.to_string()),
            note: tie.note.as_deref(),
            source: tie.source.as_ref(),
        }
    }
}

/// A tie's kind in words for text output: "line authority", "autorité hiérarchique".
pub(crate) fn kind_words(kind: organigram::model::TieKind) -> String {
    kind.name_in(lang()).replace('-', " ")
}

/// The lines under a tie in text output: its dates, note and source.
pub(crate) fn tie_details(tie: &Tie) -> Vec<String> {
    let mut details = Vec::new();
    if let Some(from) = tie.valid_from {
        details.push(tr!(lang(), "print-from", date = from.to_string()));
    }
    if let Some(until) = tie.valid_until {
        details.push(tr!(lang(), "print-until", date = until.to_string()));
    }
    if let Some(note) = &tie.note {
        details.push(note.clone());
    }
    if let Some(source) = &tie.source {
        details.push(citation_text(source));
    }
    details
}
