//! Which organisation each unit belongs to, from the hierarchy rather than from the file that
//! declares it: a file may declare the partners of its organisation (ANSSI in the DGE's file)
//! without making them the DGE's.
//!
//! A unit belongs to the nearest organisation up its line, itself included: the first unit
//! reached that is the unit of a described organisation (a file's `organisation.unit`), or else
//! the first of the organisation family (a ministry, an agency: an organisation the description
//! names without describing it). The line is followed through the first structural tie
//! (attachment, joint attachment, head), else the first line authority, else `within` where the
//! line stops. A line that leaves the description (`parent-outside`), loops, or reaches no
//! organisation leaves the unit outside every organisation.

use super::{OrgGraph, UnitIx};
use crate::model::{Family, FastMap, OrganisationIndex};

/// Which organisation a unit belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Belonging {
    /// An organisation the description describes: its unit is up the unit's line.
    Described(OrganisationIndex),
    /// An organisation the description names but does not describe: the organisation-family
    /// unit up the line (ANSSI, a ministry named as a partner), which may be the unit itself.
    Named(UnitIx),
    /// No organisation: the line leaves the description, loops, or reaches no organisation.
    Outside,
}

/// The organisation a unit belongs to, as people name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrganisationName<'g> {
    /// The organisation's id: a described organisation's own, or the id of the unit that is the
    /// organisation.
    pub id: &'g str,
    /// Its name.
    pub name: &'g str,
    /// Whether the description describes it (a file's organisation), rather than only naming it.
    pub described: bool,
}

impl OrgGraph {
    /// The organisation a unit belongs to, named; `None` outside every organisation.
    pub fn organisation_name(&self, ix: UnitIx) -> Option<OrganisationName<'_>> {
        match self.belonging(ix) {
            Belonging::Described(index) => {
                self.organisations()
                    .get(index.0 as usize)
                    .map(|o| OrganisationName {
                        id: o.id.as_str(),
                        name: &o.name,
                        described: true,
                    })
            }
            Belonging::Named(unit) => self.get_unit(unit).map(|u| OrganisationName {
                id: u.id.as_str(),
                name: &u.name,
                described: false,
            }),
            Belonging::Outside => None,
        }
    }
}

/// Where a unit stands while belongings are worked out.
#[derive(Clone, Copy)]
enum State {
    Unknown,
    OnPath,
    Known(Belonging),
}

/// The belonging of every unit, by node index. `described` gives the organisation whose unit a
/// node is, `within` the unit a node is within. Each unit is walked once: `O(units + ties)`.
pub(super) fn belongings(
    graph: &OrgGraph,
    described: &FastMap<UnitIx, OrganisationIndex>,
    within: &FastMap<UnitIx, UnitIx>,
) -> Vec<Belonging> {
    let mut state = vec![State::Unknown; graph.unit_count()];
    let mut path = Vec::new();
    for (start, _) in graph.units() {
        let mut at = start;
        let found = loop {
            match state[at.index()] {
                State::Known(belonging) => break belonging,
                State::OnPath => break Belonging::Outside,
                State::Unknown => {}
            }
            state[at.index()] = State::OnPath;
            path.push(at);
            if let Some(&organisation) = described.get(&at) {
                break Belonging::Described(organisation);
            }
            if graph.unit(at).kind.family() == Family::Organisation {
                break Belonging::Named(at);
            }
            match graph
                .hierarchy()
                .parent(at)
                .or_else(|| within.get(&at).copied())
            {
                Some(next) => at = next,
                None => break Belonging::Outside,
            }
        };
        for unit in path.drain(..) {
            state[unit.index()] = State::Known(found);
        }
    }
    state
        .into_iter()
        .map(|s| match s {
            State::Known(belonging) => belonging,
            State::Unknown | State::OnPath => Belonging::Outside,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::graph::Belonging;
    use crate::graph::testing::{graph, ix};
    use crate::model::OrganisationIndex;
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    #[test]
    fn a_unit_belongs_to_the_nearest_organisation_up_its_line() {
        let g = graph(
            &[
                ("top", Ministry),
                ("dir", Directorate),
                ("agency", Agency),
                ("team", Team),
                ("loose", Service),
                ("a", Bureau),
                ("b", Bureau),
            ],
            &[
                ("dir", Attachment, "top"),
                ("agency", Attachment, "top"),
                ("team", LineAuthority, "agency"),
                ("team", Attachment, "dir"),
                ("a", Attachment, "b"),
                ("b", Attachment, "a"),
            ],
        );
        let of = |id: &str| g.belonging(ix(&g, id));
        let described = Belonging::Described(OrganisationIndex(0));
        assert_eq!(of("top"), described, "the organisation's own unit");
        assert_eq!(of("dir"), described);
        // The structural tie wins over the line authority; an agency is its own organisation.
        assert_eq!(of("team"), described);
        assert_eq!(of("agency"), Belonging::Named(ix(&g, "agency")));
        assert_eq!(of("loose"), Belonging::Outside);
        assert_eq!(
            of("a"),
            Belonging::Outside,
            "a loop reaches no organisation"
        );
    }
}
