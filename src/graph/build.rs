//! Resolving a description's references into the graph.

use petgraph::graph::DiGraph;

use super::belonging::belongings;
use super::{Edge, LeftOut, OrgGraph, UnitIx};
use crate::diagnostic::{Code, Diagnostic, Suggestions};
use crate::i18n::text;
use crate::i18n::{Arg, either};
use crate::model::{
    Citation, Description, Family, FastMap, FastSet, OrganisationIndex, Origin, SourceId, Spanned,
    Tie, UnitId,
};

/// What resolving references needs besides the graph: the ids not to report again, where
/// problems go, and how many suggestions may still be computed.
struct Resolver<'d> {
    unreadable: FastSet<String>,
    diagnostics: &'d mut Vec<Diagnostic>,
    suggestions: Suggestions,
}

impl Resolver<'_> {
    /// The unit a tie's end names, reporting it when unknown.
    fn end(&mut self, graph: &OrgGraph, id: &Spanned<UnitId>, tie: &Tie) -> Option<UnitIx> {
        self.unit(graph, id, tie.origin, || tie_subjects(tie))
    }

    /// The unit `id` names, written in the fact declared at `fact` which `subjects` identify;
    /// reported when unknown.
    fn unit(
        &mut self,
        graph: &OrgGraph,
        id: &Spanned<UnitId>,
        fact: Origin,
        subjects: impl FnOnce() -> Vec<String>,
    ) -> Option<UnitIx> {
        let found = graph.find_id(id.as_str());
        if found.is_none() && !self.unreadable.contains(id.as_str()) {
            let hint = self
                .suggestions
                .did_you_mean(id.as_str(), graph.units.keys().map(UnitId::as_str))
                .unwrap_or_else(|| text!("build-unknown-unit-hint"));
            self.diagnostics.push(
                Diagnostic::new(
                    Code::UnknownUnit,
                    text!("build-unknown-unit", id = id.as_str()),
                )
                .at(fact.at(id.span))
                .with_label(text!("build-unknown-unit-label"))
                .with_hint(hint)
                .about(subjects()),
            );
        }
        found
    }

    /// Checks a citation made by the fact declared at `fact`, which `subjects` identify.
    fn citation(
        &mut self,
        graph: &OrgGraph,
        citation: &Citation,
        fact: Origin,
        subjects: impl FnOnce() -> Vec<String>,
    ) {
        let id = citation.source.as_str();
        if graph.source(id).is_some() || self.unreadable.contains(id) {
            return;
        }
        let hint = self
            .suggestions
            .did_you_mean(id, graph.sources.keys().map(SourceId::as_str))
            .unwrap_or_else(|| text!("build-unknown-source-hint"));
        self.diagnostics.push(
            Diagnostic::new(Code::UnknownSource, text!("build-unknown-source", id = id))
                .at(fact.at(citation.source.span))
                .with_label(text!("build-unknown-source-label"))
                .with_hint(hint)
                .about(subjects())
                .about([id]),
        );
    }
}

impl OrgGraph {
    /// Builds the graph of a description. A tie whose end is unknown, or which the validity
    /// table forbids between the two kinds, is reported and left out; so is a citation of an
    /// unknown source. Linear in the size of the description.
    pub fn build(description: Description, diagnostics: &mut Vec<Diagnostic>) -> OrgGraph {
        let Description {
            organisations,
            sources,
            units,
            ties,
            unreadable,
        } = description;
        let mut resolver = Resolver {
            unreadable: unreadable.ids,
            diagnostics,
            suggestions: Suggestions::default(),
        };
        let mut graph = OrgGraph {
            graph: DiGraph::with_capacity(units.len(), ties.len()),
            units,
            ties: Vec::new(),
            organisations,
            sources,
            left_out: LeftOut::default(),
            organisation_units: Vec::new(),
            belonging: Vec::new(),
        };
        for (id, unit) in &graph.units {
            if let Some(citation) = &unit.source {
                resolver.citation(&graph, citation, unit.origin, || vec![id.to_string()]);
            }
        }
        for _ in 0..graph.units.len() {
            graph.graph.add_node(());
        }
        for (position, tie) in ties.iter().enumerate() {
            if let Some(citation) = &tie.source {
                resolver.citation(&graph, citation, tie.origin, || tie_subjects(tie));
            }
            let from = resolver.end(&graph, &tie.from, tie);
            let to = resolver.end(&graph, &tie.to, tie);
            let allowed = match (from, to) {
                (Some(from), Some(to)) => match graph.check_validity(tie, from, to) {
                    Ok(()) => Some((from, to)),
                    Err(diagnostic) => {
                        resolver.diagnostics.push(diagnostic);
                        None
                    }
                },
                _ => None,
            };
            match allowed {
                Some((from, to)) => {
                    let edge = Edge {
                        kind: tie.kind.value,
                        // Ties number fewer than u32::MAX: the graph's own indices are u32.
                        tie: u32::try_from(position).unwrap_or(u32::MAX),
                    };
                    graph.graph.add_edge(from, to, edge);
                }
                None => graph.left_out.record(from, to, tie.kind.is_hierarchical()),
            }
        }
        // What unread ties would have tied is left out as well as what the graph refused.
        for tie in &unreadable.ties {
            let end = |id: &Option<String>| id.as_deref().and_then(|id| graph.find_id(id));
            graph
                .left_out
                .record(end(&tie.from), end(&tie.to), tie.hierarchical);
        }
        graph.ties = ties;
        let mut within = FastMap::default();
        for (ix, unit) in graph.units() {
            if let Some(id) = &unit.within
                && let Some(container) =
                    resolver.unit(&graph, id, unit.origin, || vec![unit.id.to_string()])
            {
                within.insert(ix, container);
            }
        }
        let mut described = FastMap::default();
        graph.organisation_units = graph
            .organisations
            .iter()
            .enumerate()
            .map(|(i, organisation)| {
                let unit = match &organisation.unit {
                    Some(id) => resolver.unit(&graph, id, organisation.origin, || {
                        vec![organisation.id.to_string()]
                    }),
                    None => graph.find_id(organisation.id.as_str()),
                };
                let index = OrganisationIndex(u32::try_from(i).unwrap_or(u32::MAX));
                // Two organisations naming one unit: the first declared has it.
                if let Some(unit) = unit {
                    described.entry(unit).or_insert(index);
                }
                unit
            })
            .collect();
        graph.belonging = belongings(&graph, &described, &within);
        graph
    }

    /// Whether the validity table allows `tie` between the kinds of its two ends; the reason
    /// why not otherwise.
    fn check_validity(&self, tie: &Tie, from: UnitIx, to: UnitIx) -> Result<(), Diagnostic> {
        let kind = tie.kind.value;
        let (from_unit, to_unit) = (self.unit(from), self.unit(to));
        let (from_family, to_family) = (from_unit.kind.family(), to_unit.kind.family());
        if kind.allows(from_family, to_family) {
            return Ok(());
        }
        let family = |family: Family| Arg::word(|lang| family.label_in(lang));
        let allowed: Vec<Arg> = kind.allowed_to(from_family).map(family).collect();
        let hint = if allowed.is_empty() {
            let starts: Vec<Arg> = kind.allowed_from().map(family).collect();
            text!(
                "build-tie-not-allowed-starts",
                kind = kind.as_str(),
                starts = either(&starts),
                from_kind = from_unit.kind.value,
                family = family(from_family)
            )
        } else {
            text!(
                "build-tie-not-allowed-goes",
                from_kind = from_unit.kind.value,
                family = family(from_family),
                kind = kind.as_str(),
                allowed = either(&allowed)
            )
        };
        let is_a = |unit: &crate::model::Unit| {
            text!(
                "build-tie-not-allowed-is-a",
                id = unit.id.as_str(),
                kind = unit.kind.value
            )
        };
        Err(Diagnostic::new(
            Code::TieNotAllowed,
            text!(
                "build-tie-not-allowed",
                kind = kind.as_str(),
                from_kind = from_unit.kind.value,
                from = from_unit.id.as_str(),
                to_kind = to_unit.kind.value,
                to = to_unit.id.as_str()
            ),
        )
        .at(tie.origin.at(tie.kind.span))
        .with_related(from_unit.origin.at(from_unit.kind.span), is_a(from_unit))
        .with_related(to_unit.origin.at(to_unit.kind.span), is_a(to_unit))
        .with_hint(hint)
        .about(tie_subjects(tie)))
    }
}

/// What identifies a tie in [`Diagnostic::subjects`]: its kind and its two ends.
pub(crate) fn tie_subjects(tie: &Tie) -> Vec<String> {
    vec![
        tie.kind.as_str().to_owned(),
        tie.from.to_string(),
        tie.to.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::json;
    use crate::model::{DescriptionFile, Recover};

    fn description(text: &str) -> Description {
        let file: DescriptionFile = json::from_str(text, json::DEFAULT_MAX_DEPTH).unwrap();
        let mut description = Description::default();
        for unit in file.units.into_iter().filter_map(Recover::ok) {
            description
                .units
                .insert(unit.value.id.value.clone(), unit.value);
        }
        description.ties = file
            .ties
            .into_iter()
            .filter_map(Recover::ok)
            .map(|t| t.value)
            .collect();
        description
    }

    #[test]
    fn suggestions_stop_after_a_budget_so_broken_descriptions_stay_linear() {
        let ties: Vec<String> = (0..Suggestions::BUDGET + 10)
            .map(|_| r#"{"kind": "attachment", "from": "unit-a", "to": "unit-b"}"#.to_owned())
            .collect();
        let text = format!(
            r#"{{"organisation": {{"id": "o", "name": "O"}},
                "units": [{{"id": "unit-a", "name": "A", "kind": "team", "boundary": "top"}}],
                "ties": [{}]}}"#,
            ties.join(",")
        );
        let mut diagnostics = Vec::new();
        let graph = OrgGraph::build(description(&text), &mut diagnostics);
        assert_eq!(graph.tie_count(), 0);
        let hints: Vec<&str> = diagnostics
            .iter()
            .filter_map(|d| d.hint.as_deref())
            .collect();
        assert_eq!(hints.len(), Suggestions::BUDGET + 10);
        assert!(
            hints[..Suggestions::BUDGET]
                .iter()
                .all(|h| *h == "did you mean `unit-a`?")
        );
        assert!(
            hints[Suggestions::BUDGET..]
                .iter()
                .all(|h| h.starts_with("declare the unit"))
        );
    }

    #[test]
    fn forbidden_ties_are_reported_and_left_out() {
        let text = r#"{"organisation": {"id": "o", "name": "O"},
            "units": [{"id": "c", "name": "C", "kind": "committee", "boundary": "top"},
                      {"id": "d", "name": "D", "kind": "directorate", "boundary": "top"}],
            "ties": [{"kind": "attachment", "from": "d", "to": "c"},
                     {"kind": "secretariat", "from": "d", "to": "c"}]}"#;
        let mut diagnostics = Vec::new();
        let graph = OrgGraph::build(description(text), &mut diagnostics);
        assert_eq!(graph.tie_count(), 1);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, Code::TieNotAllowed);
        assert_eq!(diagnostics[0].related.len(), 2);
    }
}
