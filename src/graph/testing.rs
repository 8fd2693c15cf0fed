//! Graphs for the queries' tests, built in code from compact specs.

use crate::graph::{OrgGraph, UnitIx};
use crate::model::{
    Description, Organisation, OrganisationId, Origin, Span, Spanned, Tie, TieKind, Unit, UnitId,
    UnitKind,
};

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(Span::default(), value)
}

/// An organisation with this id as its name.
pub(crate) fn organisation(id: &str) -> Organisation {
    Organisation {
        id: spanned(OrganisationId::new(id).expect("a slug")),
        name: id.to_owned(),
        acronym: None,
        unit: None,
        origin: Origin::default(),
    }
}

/// A description of one organisation, `org`, holding these units (id, kind) and ties
/// (from, kind, to), each named by id; the organisation is its first unit. Tweak the units
/// before building for boundaries, vacant posts, headcounts or other organisations.
pub(crate) fn description<S: AsRef<str>>(
    units: &[(S, UnitKind)],
    ties: &[(S, TieKind, S)],
) -> Description {
    let mut description = Description {
        organisations: vec![organisation("org")],
        ..Description::default()
    };
    for (id, kind) in units {
        let id = UnitId::new(id.as_ref()).expect("a slug");
        let unit = Unit::new(spanned(id.clone()), id.to_string(), spanned(*kind));
        if description.units.is_empty() {
            description.organisations[0].unit = Some(spanned(id.clone()));
        }
        description.units.insert(id, unit);
    }
    for (from, kind, to) in ties {
        description.ties.push(Tie::new(
            spanned(*kind),
            spanned(UnitId::new(from.as_ref()).expect("a slug")),
            spanned(UnitId::new(to.as_ref()).expect("a slug")),
        ));
    }
    description
}

/// The graph of a description, which must build without a diagnostic.
pub(crate) fn build(description: Description) -> OrgGraph {
    let mut diagnostics = Vec::new();
    let graph = OrgGraph::build(description, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    graph
}

/// The graph of [`description`].
pub(crate) fn graph<S: AsRef<str>>(units: &[(S, UnitKind)], ties: &[(S, TieKind, S)]) -> OrgGraph {
    build(description(units, ties))
}

/// The unit with this id.
pub(crate) fn ix(graph: &OrgGraph, id: &str) -> UnitIx {
    graph.find_id(id).unwrap_or_else(|| panic!("no unit {id}"))
}

/// The ids of these units.
pub(crate) fn ids<'g>(graph: &'g OrgGraph, units: &[UnitIx]) -> Vec<&'g str> {
    units.iter().map(|&u| graph.unit(u).id.as_str()).collect()
}

/// The id of one unit.
pub(crate) fn id(graph: &OrgGraph, unit: UnitIx) -> &str {
    graph.unit(unit).id.as_str()
}

/// Units as (id, kind), generated.
pub(crate) type UnitSpecs = Vec<(String, UnitKind)>;
/// Ties as (from, kind, to), generated.
pub(crate) type TieSpecs = Vec<(String, TieKind, String)>;

/// `prefix-0` attached to nothing, and `prefix-1` … `prefix-{n-1}` each attached to the one
/// before: a chain `n` units deep, the deepest last.
/// A directorate `dir` with `n` posts `p-0`… attached to it: a span of control of `n`.
pub(crate) fn wide_span(n: usize) -> (UnitSpecs, TieSpecs) {
    let mut units = vec![("dir".to_owned(), UnitKind::Directorate)];
    let mut ties = Vec::new();
    for i in 0..n {
        units.push((format!("p-{i}"), UnitKind::Post));
        ties.push((format!("p-{i}"), TieKind::Attachment, "dir".to_owned()));
    }
    (units, ties)
}

pub(crate) fn deep_chain(prefix: &str, n: usize) -> (UnitSpecs, TieSpecs) {
    let units = (0..n)
        .map(|i| {
            let kind = if i == 0 {
                UnitKind::Ministry
            } else {
                UnitKind::Directorate
            };
            (format!("{prefix}-{i}"), kind)
        })
        .collect();
    let ties = (1..n)
        .map(|i| {
            (
                format!("{prefix}-{i}"),
                TieKind::Attachment,
                format!("{prefix}-{}", i - 1),
            )
        })
        .collect();
    (units, ties)
}
