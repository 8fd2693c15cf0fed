//! Units as the editor's symbols: any unit of the description found by a text, in whatever file
//! it is declared (`workspace/symbol`).

use lsp_types::{SymbolInformation, SymbolKind, WorkspaceSymbolParams, WorkspaceSymbolResponse};

use super::server::State;
use crate::model::{Family, Unit, UnitKind};
use crate::query;

/// The most symbols one answer gives: an editor shows a list to pick from, and a description of
/// a million units would otherwise be sent whole for an empty query.
const MOST: usize = 500;

/// The symbol kind a unit is shown with, by its family: organisations as modules, line units
/// as classes, posts as fields, bodies as interfaces, so that an editor's icons tell them apart.
pub(crate) fn symbol_kind(kind: UnitKind) -> SymbolKind {
    match kind.family() {
        Family::Organisation => SymbolKind::MODULE,
        Family::LineUnit => SymbolKind::CLASS,
        Family::Post => SymbolKind::FIELD,
        Family::Body => SymbolKind::INTERFACE,
    }
}

/// How a unit is named in a list of symbols: its id, then its name.
pub(crate) fn symbol_name(unit: &Unit) -> String {
    format!("{} — {}", unit.id.as_str(), unit.name)
}

/// The units a text finds, best first, as `find` finds them; every unit, in declaration order,
/// for an empty text. At most [`MOST`].
pub(crate) fn workspace(
    state: &State,
    params: &WorkspaceSymbolParams,
) -> Option<WorkspaceSymbolResponse> {
    let described = &state.analysis()?.described;
    let graph = &described.graph;
    let units: Vec<_> = if params.query.trim().is_empty() {
        graph.units().map(|(ix, _)| ix).take(MOST).collect()
    } else {
        query::find(graph, &params.query)
            .into_iter()
            .map(|found| found.unit)
            .take(MOST)
            .collect()
    };
    let symbols = units
        .into_iter()
        .filter_map(|ix| {
            let unit = graph.unit(ix);
            #[allow(deprecated)] // `deprecated` is a field the protocol still requires.
            Some(SymbolInformation {
                name: symbol_name(unit),
                kind: symbol_kind(unit.kind.value),
                tags: None,
                deprecated: None,
                location: described.location(unit.origin.at(unit.id.span))?,
                container_name: graph.organisation_of(ix).map(|o| o.name.clone()),
            })
        })
        .collect();
    Some(WorkspaceSymbolResponse::Flat(symbols))
}
