//! Naming an organisation (a description file) the way people do.

use crate::graph::OrgGraph;
use crate::model::{OrganisationIndex, fold};

/// The organisation `text` names: its id, its name or its acronym, whatever the case, accents
/// and punctuation. The first declared wins when several share a name. `O(organisations)`.
pub fn organisation(graph: &OrgGraph, text: &str) -> Option<OrganisationIndex> {
    let wanted = fold(text);
    graph
        .organisations()
        .iter()
        .position(|o| {
            o.id.as_str() == text.trim()
                || fold(o.id.as_str()) == wanted
                || fold(&o.name) == wanted
                || o.acronym.as_deref().is_some_and(|a| fold(a) == wanted)
        })
        .and_then(|i| u32::try_from(i).ok())
        .map(OrganisationIndex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loader;

    #[test]
    fn finds_an_organisation_by_id_name_or_acronym() {
        let workspace = Loader::new().builtin().load().unwrap();
        let graph = workspace.graph();
        let justice = organisation(graph, "justice").unwrap();
        assert_eq!(
            graph.organisations()[justice.0 as usize].id.as_str(),
            "justice"
        );
        assert_eq!(
            organisation(graph, "ministere de la justice"),
            Some(justice)
        );
        let education = organisation(graph, "MENJ").unwrap();
        assert_eq!(
            graph.organisations()[education.0 as usize].id.as_str(),
            "education"
        );
        assert_eq!(organisation(graph, "nowhere"), None);
    }
}
