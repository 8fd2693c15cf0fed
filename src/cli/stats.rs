//! `organigram stats [UNIT]`: organisation-design figures for a description or a subtree.

use std::io::Write;

use serde::Serialize;

use super::print::{Format, UnitRef, unit_label, write_json};
use super::{Failure, resolve};
use organigram::Workspace;
use organigram::i18n::number;
use organigram::model::Lang;
use organigram::query::{HeadcountSum, SpanOfControl, Stats, stats};
use organigram::tr;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The unit whose subtree to measure. Default: the whole description.
    unit: Option<String>,

    #[arg(long, value_enum, default_value_t)]
    pub(crate) format: Format,

    #[command(flatten)]
    pub(crate) on_errors: super::OnErrors,
}

pub(crate) fn run(workspace: &Workspace, args: &Args, out: &mut dyn Write) -> Result<(), Failure> {
    let graph = workspace.graph();
    let root = args
        .unit
        .as_deref()
        .map(|text| resolve(workspace, text))
        .transpose()?;
    let figures = stats(graph, root);
    match args.format {
        Format::Json => write_json(out, &StatsJson::new(workspace, &figures))?,
        Format::Text => write_text(out, workspace, &figures)?,
    }
    Ok(())
}

/// "1", "2-3", … "13+": the label of a span bucket.
fn bucket_label((low, high): (usize, Option<usize>)) -> String {
    match high {
        Some(high) if high == low => low.to_string(),
        Some(high) => format!("{low}-{high}"),
        None => format!("{low}+"),
    }
}

/// A number with a decimal part, as the language writes it: `2.5`, `2,5`.
fn decimal(n: f64) -> String {
    let text = n.to_string();
    match super::lang() {
        organigram::model::Lang::Fr => text.replace('.', ","),
        _ => text,
    }
}

fn headcount_text(sum: &HeadcountSum) -> String {
    let lang = super::lang();
    if sum.units == 0 {
        return tr!(lang, "stats-headcount-none");
    }
    tr!(
        lang,
        "stats-headcount",
        people = sum.people,
        units = sum.units,
        inexact = sum.inexact
    )
}

fn write_text(
    out: &mut dyn Write,
    workspace: &Workspace,
    figures: &Stats<'_>,
) -> std::io::Result<()> {
    let lang = super::lang();
    let graph = workspace.graph();
    match figures.root {
        Some(root) => writeln!(
            out,
            "{}",
            tr!(lang, "stats-subtree", unit = unit_label(graph.unit(root)))
        )?,
        None => writeln!(out, "{}", tr!(lang, "stats-whole"))?,
    }
    let mut line = |name: String, value: String| writeln!(out, "  {name:<16} {value}");
    let units = tr!(
        lang,
        "stats-units-value",
        total = figures.total,
        posts = figures.posts,
        collective = figures.collective
    );
    line(tr!(lang, "stats-units"), units)?;
    line(tr!(lang, "stats-layers"), number(lang, figures.layers))?;
    line(
        tr!(lang, "stats-vacant-posts"),
        number(lang, figures.vacant_posts),
    )?;
    match &figures.span {
        Some(span) => {
            line(
                tr!(lang, "stats-span"),
                tr!(
                    lang,
                    "stats-span-value",
                    min = span.min,
                    median = decimal(span.median),
                    max = span.max,
                    managers = span.managers
                ),
            )?;
            let buckets: Vec<String> = SpanOfControl::BUCKETS
                .iter()
                .zip(span.buckets)
                .map(|(&bucket, count)| {
                    format!("{}: {}", bucket_label(bucket), number(lang, count))
                })
                .collect();
            line(String::new(), buckets.join(", "))?;
        }
        None => line(tr!(lang, "stats-span"), tr!(lang, "stats-span-none"))?,
    }
    line(
        tr!(lang, "stats-headcount-target"),
        headcount_text(&figures.headcount.target),
    )?;
    line(
        tr!(lang, "stats-headcount-actual"),
        headcount_text(&figures.headcount.actual),
    )?;
    let by_kind: Vec<(&str, usize)> = figures
        .by_kind
        .iter()
        .map(|(k, n)| (k.label_in(lang), *n))
        .collect();
    write_counts(out, lang, &tr!(lang, "stats-by-kind"), &by_kind)?;
    let mut by_organisation: Vec<(&str, usize)> = figures
        .by_organisation
        .iter()
        .map(|(o, n)| (o.name.as_str(), *n))
        .collect();
    let named = tr!(lang, "stats-in-named-organisations");
    let outside = tr!(lang, "stats-outside-every-organisation");
    for (name, count) in [
        (named.as_str(), figures.in_named_organisations),
        (outside.as_str(), figures.outside),
    ] {
        if count > 0 {
            by_organisation.push((name, count));
        }
    }
    write_counts(
        out,
        lang,
        &tr!(lang, "stats-by-organisation"),
        &by_organisation,
    )
}

/// A titled list of names and counts, the counts aligned.
fn write_counts(
    out: &mut dyn Write,
    lang: Lang,
    title: &str,
    counts: &[(&str, usize)],
) -> std::io::Result<()> {
    writeln!(out, "\n{title}")?;
    let width = counts
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(0);
    for (name, count) in counts {
        writeln!(out, "  {name:<width$}  {:>6}", number(lang, *count))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct StatsJson<'g> {
    /// The unit whose subtree is measured; `null` for the whole description.
    root: Option<UnitRef<'g>>,
    units: usize,
    posts: usize,
    layers: usize,
    vacant_posts: usize,
    span_of_control: Option<SpanJson>,
    headcount: HeadcountJson,
    by_kind: Vec<CountJson<'g>>,
    by_organisation: Vec<CountJson<'g>>,
    in_named_organisations: usize,
    outside_every_organisation: usize,
    collective: usize,
}

#[derive(Serialize)]
struct SpanJson {
    managers: usize,
    min: usize,
    median: f64,
    max: usize,
    /// Managers per span range, keyed "1", "2-3", "4-7", "8-12", "13+".
    buckets: indexmap::IndexMap<String, usize>,
}

#[derive(Serialize)]
struct HeadcountJson {
    target: SumJson,
    actual: SumJson,
}

#[derive(Serialize)]
struct SumJson {
    people: u64,
    units: usize,
    inexact: usize,
}

#[derive(Serialize)]
struct CountJson<'g> {
    id: &'g str,
    count: usize,
}

impl<'g> StatsJson<'g> {
    fn new(workspace: &'g Workspace, figures: &Stats<'g>) -> StatsJson<'g> {
        let sum = |s: &HeadcountSum| SumJson {
            people: s.people,
            units: s.units,
            inexact: s.inexact,
        };
        StatsJson {
            root: figures
                .root
                .map(|r| UnitRef::new(workspace.graph().unit(r))),
            units: figures.total,
            posts: figures.posts,
            layers: figures.layers,
            vacant_posts: figures.vacant_posts,
            span_of_control: figures.span.as_ref().map(|span| SpanJson {
                managers: span.managers,
                min: span.min,
                median: span.median,
                max: span.max,
                buckets: SpanOfControl::BUCKETS
                    .iter()
                    .zip(span.buckets)
                    .map(|(&bucket, count)| (bucket_label(bucket), count))
                    .collect(),
            }),
            headcount: HeadcountJson {
                target: sum(&figures.headcount.target),
                actual: sum(&figures.headcount.actual),
            },
            by_kind: figures
                .by_kind
                .iter()
                .map(|(kind, count)| CountJson {
                    id: kind.as_str(),
                    count: *count,
                })
                .collect(),
            by_organisation: figures
                .by_organisation
                .iter()
                .map(|(organisation, count)| CountJson {
                    id: organisation.id.as_str(),
                    count: *count,
                })
                .collect(),
            in_named_organisations: figures.in_named_organisations,
            outside_every_organisation: figures.outside,
            collective: figures.collective,
        }
    }
}
