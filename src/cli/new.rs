//! `organigram new unit` and `organigram new tie`: add a unit (with its tie to its parent) or a
//! tie to the description's files, citing its source, once the description with the addition
//! is checked and found to bring no new error.
//!
//! What is added goes into one file: the unit after the file's last unit, its tie after the
//! file's last tie, and the source it declares, if any, after the file's last source. That file
//! is written again whole in the canonical form, as `apply` writes files, through the same
//! writer: to a temporary beside it, renamed over it (so a crash leaves the old file or the new
//! one, whole), refused if it changed since it was read, never through a symbolic link.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::apply::{Rewrite, write};
use super::print::Format;
use super::{Failure, lang, print_problems};
use organigram::check::{self, Levels, Options};
use organigram::diagnostic::{Diagnostic, SourceMap, nearest};
use organigram::edit::{Addition, add};
use organigram::load::{Files, Input, Limits, load};
use organigram::model::{
    Citation, Date, Description, FileId, Origin, SlugError, Source, SourceId, Span, Spanned, Term,
    Tie, TieKind, Unit, UnitId, UnitKind, canonical_json,
};
use organigram::{Loader, tr};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Add a unit or post under its parent, with the tie to it, citing its source.
    ///
    /// The unit goes into the file that declares its parent (or --file), after its last unit,
    /// and its tie to its parent after the file's last tie.
    Unit(UnitArgs),
    /// Add a tie between two units, citing its source.
    ///
    /// The tie goes into the file that declares its `from` unit (or --file), after its last tie.
    Tie(TieArgs),
}

#[derive(Debug, clap::Args)]
struct UnitArgs {
    /// The new unit's id: a lowercase slug, unique across the description (`dsj-sdx`).
    #[arg(long, value_name = "ID")]
    id: String,

    /// Its official name.
    #[arg(long)]
    name: String,

    /// What it is, in English or French: `sub-directorate`, `sous-direction`, `bureau`, `post`…
    #[arg(long, value_name = "KIND")]
    kind: String,

    /// The id of the unit it is attached to.
    #[arg(long, value_name = "ID")]
    parent: String,

    /// The kind of its tie to its parent, in English or French.
    #[arg(long, value_name = "KIND", default_value = "attachment")]
    tie: String,

    /// How people call it for short (`SDX`).
    #[arg(long)]
    acronym: Option<String>,

    /// Another name people use. Repeatable.
    #[arg(long, value_name = "NAME")]
    alias: Vec<String>,

    /// What it is for, in one line.
    #[arg(long)]
    remit: Option<String>,

    /// Where it is, as the documents say.
    #[arg(long)]
    location: Option<String>,

    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
struct TieArgs {
    /// What the tie says, in English or French: `cooperation`, `line-authority`, `head`,
    /// `rattachement`…
    #[arg(long, value_name = "KIND")]
    kind: String,

    /// The id of the unit the tie reads from (the subordinate of a hierarchical tie).
    #[arg(long, value_name = "ID")]
    from: String,

    /// The id of the unit the tie reads to (the superior of a hierarchical tie).
    #[arg(long, value_name = "ID")]
    to: String,

    #[command(flatten)]
    common: Common,
}

/// What a unit and a tie are both given: when they began, a note, their source, and where they
/// are written.
#[derive(Debug, clap::Args)]
struct Common {
    /// When it began (a unit: when it was created, and its tie to its parent began): `YYYY`,
    /// `YYYY-MM` or `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE", value_parser = Date::parse)]
    valid_from: Option<Date>,

    /// Anything a reader should know that the fields cannot say.
    #[arg(long)]
    note: Option<String>,

    #[command(flatten)]
    cited: Cited,

    #[command(flatten)]
    writing: Writing,
}

/// The source an addition cites: required, as every fact points back to its source.
#[derive(Debug, clap::Args)]
struct Cited {
    /// The id of the source that states it: a source the description declares, or with
    /// --source-title a new one, declared in the file written.
    #[arg(long, value_name = "ID")]
    source: String,

    /// The sentence of the source that states it, quoted briefly.
    #[arg(long, value_name = "TEXT")]
    quote: Option<String>,

    /// Where in the source: a section, a page, a paragraph.
    #[arg(long, value_name = "TEXT")]
    locator: Option<String>,

    /// Declares the source --source names, a new one, with this title.
    #[arg(long, value_name = "TITLE")]
    source_title: Option<String>,

    /// The new source's address online.
    #[arg(long, value_name = "URL", requires = "source_title")]
    source_url: Option<String>,

    /// The new source's date of publication.
    #[arg(long, value_name = "DATE", value_parser = Date::parse, requires = "source_title")]
    source_date: Option<Date>,
}

/// Where an addition is written.
#[derive(Debug, clap::Args)]
struct Writing {
    /// The description file to write into, one of the description's [default: the file that
    /// declares the parent, or the tie's `from` unit].
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,

    /// Print what would be added, and where, and write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Adds what `args` says to the description `description` reads, checked against today's structure:
/// refused with exit code 2, nothing written, when the description is not read from files or has
/// errors, or when a kind, a unit or a source is unknown (with the nearest names); with exit code
/// 1 when the description with the addition has errors it had not. Warnings it brings are shown
/// and do not refuse it.
pub(crate) fn run(
    description: &Loader,
    today: Date,
    limits: Limits,
    args: &Args,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if let Some(input) = description.inputs().iter().find_map(|input| match input {
        Input::Path(_) => None,
        Input::Stdin => Some("stdin"),
        _ => Some("builtin"),
    }) {
        return Err(Failure::Usage(tr!(lang(), "new-not-files", input = input)));
    }
    let loaded = load(description.inputs(), limits);
    let errors: Vec<&Diagnostic> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    if !errors.is_empty() {
        print_problems(&loaded.files, &errors, Format::Text)?;
        errln!(
            "{}",
            tr!(lang(), "new-description-has-errors", n = errors.len())
        );
        return Err(Failure::Input);
    }
    let description = &loaded.description;
    let (addition, writing, what) = match &args.what {
        What::Unit(unit) => unit_addition(description, unit)?,
        What::Tie(tie) => tie_addition(description, tie)?,
    };
    let file = match &writing.file {
        Some(path) => file_named(&loaded.files, description, path)?,
        None => addition.file,
    };
    let blocks = blocks(&addition)?;
    let added = add(description, &loaded.files, Addition { file, ..addition })
        .ok_or_else(|| Failure::Usage(tr!(lang(), "new-no-organisation")))?;
    let read = loaded.files.text(file);
    let rewrite = Rewrite {
        file,
        path: loaded.files.name(file).to_owned(),
        was_canonical: added.before.to_json().map_err(io::Error::from)? == read,
        text: added.after.to_json().map_err(io::Error::from)?,
    };
    checked(&loaded.files, &rewrite, today, limits)?;
    let path = rewrite.path.display().to_string();
    if writing.dry_run {
        let would = tr!(lang(), "new-would-add", what = what, path = path.as_str());
        write!(out, "{would}\n{blocks}")?;
        errln!("{}", tr!(lang(), "new-dry-run"));
        return Ok(());
    }
    write(&loaded.files, std::slice::from_ref(&rewrite), limits, "new")?;
    let added = tr!(lang(), "new-added", what = what, path = path.as_str());
    writeln!(out, "{added}")?;
    if !rewrite.was_canonical {
        writeln!(out, "  {}", tr!(lang(), "new-was-not-canonical"))?;
    }
    Ok(())
}

/// The unit `args` describe, its tie to its parent and the source it declares, if any, for the
/// file of its parent; with where to write them and what is added, for messages.
fn unit_addition<'a>(
    description: &Description,
    args: &'a UnitArgs,
) -> Result<(Addition, &'a Writing, String), Failure> {
    let kind: UnitKind = term(&args.kind, "--kind", UnitKind::names())?;
    let tie_kind: TieKind = term(&args.tie, "--tie", TieKind::names())?;
    let parent = known_unit(description, &args.parent, "--parent")?;
    let id = UnitId::new(&args.id).map_err(|error| bad_id(&args.id, &error))?;
    let (citation, source) = citation(description, &args.common.cited)?;
    let mut unit = Unit::new(at(id.clone()), args.name.clone(), at(kind));
    unit.acronym.clone_from(&args.acronym);
    unit.aliases.clone_from(&args.alias);
    unit.remit.clone_from(&args.remit);
    unit.location.clone_from(&args.location);
    unit.note.clone_from(&args.common.note);
    unit.valid_from = args.common.valid_from;
    unit.source = Some(citation.clone());
    let mut tie = Tie::new(at(tie_kind), at(id.clone()), at(parent.id.value.clone()));
    tie.valid_from = args.common.valid_from;
    tie.source = Some(citation);
    let what = tr!(lang(), "new-what-unit", id = id.as_str());
    let addition = Addition {
        file: parent.origin.file,
        sources: source.into_iter().collect(),
        units: vec![unit],
        ties: vec![tie],
    };
    Ok((addition, &args.common.writing, what))
}

/// The tie `args` describe and the source it declares, if any, for the file of its `from`
/// unit; with where to write them and what is added, for messages.
fn tie_addition<'a>(
    description: &Description,
    args: &'a TieArgs,
) -> Result<(Addition, &'a Writing, String), Failure> {
    let kind: TieKind = term(&args.kind, "--kind", TieKind::names())?;
    let from = known_unit(description, &args.from, "--from")?;
    let to = known_unit(description, &args.to, "--to")?;
    let (citation, source) = citation(description, &args.common.cited)?;
    let mut tie = Tie::new(at(kind), at(from.id.value.clone()), at(to.id.value.clone()));
    tie.valid_from = args.common.valid_from;
    tie.note.clone_from(&args.common.note);
    tie.source = Some(citation);
    let what = tr!(
        lang(),
        "new-what-tie",
        kind = kind.as_str(),
        from = from.id.as_str(),
        to = to.id.as_str()
    );
    let addition = Addition {
        file: from.origin.file,
        sources: source.into_iter().collect(),
        units: Vec::new(),
        ties: vec![tie],
    };
    Ok((addition, &args.common.writing, what))
}

/// A value at no place: what `new` adds is not written yet.
fn at<T>(value: T) -> Spanned<T> {
    Spanned::new(Span::default(), value)
}

/// The term of a vocabulary `text` names, in English or French ([`Term::from_name`]); when it
/// names none, the nearest of its `names` in either language, or else its English names.
fn term<T: Term>(text: &str, option: &str, names: &[&str]) -> Result<T, Failure> {
    T::from_name(text).ok_or_else(|| {
        let help = if let Some(near) = nearest(text, names.iter().copied()) {
            tr!(lang(), "did-you-mean", name = near)
        } else {
            let english: Vec<&str> = T::ALL.iter().map(|term| term.name()).collect();
            tr!(lang(), "new-terms-are", names = english.join(", "))
        };
        unknown(
            &tr!(lang(), "new-unknown-term", option = option, text = text),
            &help,
        )
    })
}

/// The unit of `description` with the id `text`; when there is none, the nearest id
/// ([`near_id`]).
fn known_unit<'a>(
    description: &'a Description,
    text: &str,
    option: &str,
) -> Result<&'a Unit, Failure> {
    description.units.get(text).ok_or_else(|| {
        let ids = description.units.keys().map(UnitId::as_str);
        let help = match near_id(text, ids) {
            Some(near) => tr!(lang(), "did-you-mean", name = near),
            None => tr!(lang(), "new-find-unit", text = text),
        };
        unknown(
            &tr!(lang(), "new-unknown-unit", option = option, id = text),
            &help,
        )
    })
}

/// The id of `ids` nearest to `text`: the nearest by edit distance ([`nearest`]), or else the
/// longest one that `text` extends by a hyphen (`dsj` for `dsj-x`: ids of units are often
/// those of their parents, extended), or else the shortest one that extends `text`. `O(ids)`.
fn near_id<'a>(text: &str, ids: impl Iterator<Item = &'a str> + Clone) -> Option<&'a str> {
    nearest(text, ids.clone()).or_else(|| {
        let extended = ids
            .clone()
            .filter(|id| {
                text.strip_prefix(id)
                    .is_some_and(|rest| rest.starts_with('-'))
            })
            .max_by_key(|id| id.len());
        extended.or_else(|| {
            ids.filter(|id| !text.is_empty() && id.starts_with(text))
                .min_by_key(|id| id.len())
        })
    })
}

/// What `cited` cites, and the source it declares when it names a new one (`--source-title`);
/// when it names a source the description does not declare, the nearest id.
fn citation(
    description: &Description,
    cited: &Cited,
) -> Result<(Citation, Option<Source>), Failure> {
    let id = SourceId::new(&cited.source).map_err(|error| bad_id(&cited.source, &error))?;
    let source = match &cited.source_title {
        // Declared twice, it is a `duplicate-id`, which the check finds and shows.
        Some(title) => Some(Source {
            id: at(id.clone()),
            title: title.clone(),
            reference: None,
            publisher: None,
            date: cited.source_date,
            url: cited.source_url.clone(),
            file: None,
            origin: Origin::default(),
        }),
        None if description.sources.contains_key(id.as_str()) => None,
        None => {
            let ids = description.sources.keys().map(SourceId::as_str);
            let help = match near_id(&cited.source, ids) {
                Some(near) => tr!(lang(), "did-you-mean", name = near),
                None => tr!(lang(), "new-declare-source"),
            };
            return Err(unknown(
                &tr!(lang(), "new-unknown-source", id = cited.source.as_str()),
                &help,
            ));
        }
    };
    let citation = Citation {
        source: at(id),
        quote: cited.quote.clone(),
        locator: cited.locator.clone(),
    };
    Ok((citation, source))
}

/// `text` refused as an id, and why.
fn bad_id(text: &str, error: &SlugError) -> Failure {
    Failure::Usage(tr!(
        lang(),
        "new-bad-id",
        id = text,
        error = error.to_string()
    ))
}

/// An unknown name refused, with what may help.
fn unknown(message: &str, help: &str) -> Failure {
    Failure::Usage(format!(
        "{message}\n{}",
        tr!(lang(), "diagnostic-help", hint = help)
    ))
}

/// The file of the description at `path` (the same file, however named) that declares an
/// organisation; when it is none, the files there are.
fn file_named(files: &Files, description: &Description, path: &Path) -> Result<FileId, Failure> {
    let wanted = std::fs::canonicalize(path).ok();
    let declared: Vec<FileId> = description
        .organisations
        .iter()
        .map(|organisation| organisation.origin.file)
        .collect();
    declared
        .iter()
        .copied()
        .find(|&file| wanted.is_some() && std::fs::canonicalize(files.name(file)).ok() == wanted)
        .ok_or_else(|| {
            let names: Vec<String> = declared
                .iter()
                .map(|&file| files.name(file).display().to_string())
                .collect();
            Failure::Usage(tr!(
                lang(),
                "new-unknown-file",
                path = path.display().to_string(),
                files = names.join(", ")
            ))
        })
}

/// What is added, as written in the file: each source, unit and tie in canonical form.
fn blocks(addition: &Addition) -> Result<String, Failure> {
    let mut text = String::new();
    push_all(&mut text, &addition.sources)?;
    push_all(&mut text, &addition.units)?;
    push_all(&mut text, &addition.ties)?;
    Ok(text)
}

/// Appends each of `items` to `text` in canonical form.
fn push_all<T: Serialize>(text: &mut String, items: &[T]) -> Result<(), Failure> {
    for item in items {
        text.push_str(&canonical_json(item).map_err(io::Error::from)?);
    }
    Ok(())
}

/// Refuses the addition when the description with `rewrite` has errors the description read
/// has not (by code and subjects, as `check --proposal` tells new problems): a duplicate id, an
/// unknown unit, a tie its kinds forbid… They are shown, located in the text as it would be
/// written. The warnings and notes it brings are shown, and do not refuse it.
fn checked(files: &Files, rewrite: &Rewrite, today: Date, limits: Limits) -> Result<(), Failure> {
    let problems = |replaced: Option<&Rewrite>| {
        let mut loader = Loader::new()
            .limits(limits)
            .today(today)
            .check_timeline(check::time::rules);
        for file in files.iter() {
            let text = match replaced {
                Some(rewrite) if rewrite.file == file => rewrite.text.clone(),
                _ => files.text(file).to_owned(),
            };
            loader = loader.input(Input::Text {
                name: files.name(file).to_owned(),
                text,
            });
        }
        // Without a proposal, nothing refuses the load: every problem is a diagnostic.
        let workspace = loader.load().map_err(|_| Failure::Input)?;
        let mut all = workspace.read;
        let (_, found) = organigram::check::structure(
            workspace.structure,
            &workspace.timeline,
            &Options::default(),
        );
        all.extend(found);
        Ok::<_, Failure>((workspace.files, all))
    };
    let (_, before) = problems(None)?;
    let (after_files, after) = problems(Some(rewrite))?;
    let report = check::report(Vec::new(), Some(before), after, &Levels::default());
    let new: Vec<&Diagnostic> = report
        .problems
        .iter()
        .filter(|p| p.new)
        .map(|p| &p.diagnostic)
        .collect();
    print_problems(&after_files, &new, Format::Text)?;
    let errors = new.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        errln!("{}", tr!(lang(), "new-brings-errors", n = errors));
        return Err(Failure::Findings);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::near_id;

    #[test]
    fn the_nearest_id_is_a_typo_away_or_the_one_an_id_extends() {
        let ids = ["dsj", "dsj-sd-rh", "dgesco", "justice"];
        let near = |text| near_id(text, ids.iter().copied());
        assert_eq!(near("dsk"), Some("dsj"));
        assert_eq!(near("dsj-x"), Some("dsj"));
        assert_eq!(near("dsj-sd-rh-bureau"), Some("dsj-sd-rh"));
        assert_eq!(near("dges"), Some("dgesco"));
        assert_eq!(near("jus"), Some("justice"));
        assert_eq!(near("menj"), None);
        assert_eq!(near(""), None);
    }
}
