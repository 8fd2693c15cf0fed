//! Resolving a description's references into the graph.

use std::collections::HashSet;

use indexmap::IndexMap;

use super::{OrgGraph, UnitIx};
use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::model::{Citation, Description, Origin, Spanned, Tie, UnitId};

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
        let mut graph = OrgGraph {
            graph: Default::default(),
            index: IndexMap::with_capacity(units.len()),
            organisations,
            sources,
        };
        graph.graph.reserve_nodes(units.len());
        graph.graph.reserve_edges(ties.len());
        for (id, unit) in units {
            if let Some(citation) = &unit.source {
                graph.check_citation(citation, unit.origin, &unreadable, diagnostics);
            }
            let ix = graph.graph.add_node(unit);
            graph.index.insert(id, ix);
        }
        for tie in ties {
            if let Some(citation) = &tie.source {
                graph.check_citation(citation, tie.origin, &unreadable, diagnostics);
            }
            let from = graph.resolve(&tie.from, tie.origin, &unreadable, diagnostics);
            let to = graph.resolve(&tie.to, tie.origin, &unreadable, diagnostics);
            if let (Some(from), Some(to)) = (from, to) {
                match graph.check_validity(&tie, from, to) {
                    Ok(()) => {
                        graph.graph.add_edge(from, to, tie);
                    }
                    Err(diagnostic) => diagnostics.push(diagnostic),
                }
            }
        }
        graph
    }

    fn resolve(
        &self,
        id: &Spanned<UnitId>,
        tie: Origin,
        unreadable: &HashSet<String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<UnitIx> {
        let found = self.find_id(id.as_str());
        if found.is_none() && !unreadable.contains(id.as_str()) {
            diagnostics.push(
                Diagnostic::new(Code::UnknownUnit, format!("unknown unit `{}`", id.value))
                    .at(tie.at(id.span))
                    .with_label("no unit has this id")
                    .with_hint(
                        did_you_mean(id.as_str(), self.index.keys().map(UnitId::as_str))
                            .unwrap_or_else(|| {
                                "declare the unit in one of the description's files".to_owned()
                            }),
                    ),
            );
        }
        found
    }

    fn check_citation(
        &self,
        citation: &Citation,
        fact: Origin,
        unreadable: &HashSet<String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let id = citation.source.as_str();
        if self.source(id).is_none() && !unreadable.contains(id) {
            diagnostics.push(
                Diagnostic::new(
                    Code::UnknownSource,
                    format!("unknown source `{}`", citation.source.value),
                )
                .at(fact.at(citation.source.span))
                .with_label("no source has this id")
                .with_hint(
                    did_you_mean(
                        citation.source.as_str(),
                        self.sources.keys().map(|id| id.as_str()),
                    )
                    .unwrap_or_else(|| {
                        "declare the document in a file's \"sources\" list".to_owned()
                    }),
                ),
            );
        }
    }

    fn check_validity(&self, tie: &Tie, from: UnitIx, to: UnitIx) -> Result<(), Diagnostic> {
        let kind = tie.kind.value;
        let (from_unit, to_unit) = (self.unit(from), self.unit(to));
        let (from_family, to_family) = (from_unit.kind.family(), to_unit.kind.family());
        if kind.allows(from_family, to_family) {
            return Ok(());
        }
        let allowed: Vec<&str> = kind.allowed_to(from_family).map(|f| f.as_str()).collect();
        let hint = if allowed.is_empty() {
            let starts: Vec<&str> = kind.allowed_from().map(|f| f.as_str()).collect();
            format!(
                "a `{kind}` tie starts from a unit of family {}, and a {} is of family {}",
                starts.join(" or "),
                from_unit.kind.value.label(),
                from_family.as_str()
            )
        } else {
            format!(
                "from a {} (family {}), a `{kind}` tie may only go to family {}; check the tie's kind or its direction",
                from_unit.kind.value.label(),
                from_family.as_str(),
                allowed.join(" or ")
            )
        };
        Err(Diagnostic::new(
            Code::TieNotAllowed,
            format!(
                "a `{kind}` tie cannot go from {} `{}` to {} `{}`",
                from_unit.kind.value.label(),
                from_unit.id.value,
                to_unit.kind.value.label(),
                to_unit.id.value
            ),
        )
        .at(tie.origin.at(tie.kind.span))
        .with_related(
            from_unit.origin.at(from_unit.kind.span),
            format!(
                "`{}` is a {}",
                from_unit.id.value,
                from_unit.kind.value.label()
            ),
        )
        .with_related(
            to_unit.origin.at(to_unit.kind.span),
            format!("`{}` is a {}", to_unit.id.value, to_unit.kind.value.label()),
        )
        .with_hint(hint))
    }
}
