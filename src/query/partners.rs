//! Who a unit works with: its ties outside the hierarchy, and those of its superiors.

use std::collections::HashSet;

use crate::graph::{OrgGraph, TieView, UnitIx};
use crate::model::TieKind;

/// Which partners to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartnersOptions {
    /// Only ties of these kinds; `None` for every non-hierarchical kind. Hierarchical kinds in
    /// the list are ignored: they are never partnerships.
    pub kinds: Option<Vec<TieKind>>,
    /// Add the partners of the unit's superiors, all the way up.
    pub inherited: bool,
}

/// One tie of a partnership.
#[derive(Clone, Copy, Debug)]
pub struct Partner<'g> {
    /// The tie seen from the unit that holds it: the unit asked about, or the superior named by
    /// `inherited_from`. `view.other` is the partner, `view.outgoing` the direction, and the tie
    /// gives its source.
    pub view: TieView<'g>,
    /// The superior the tie is inherited from; `None` for the unit's own ties.
    pub inherited_from: Option<UnitIx>,
}

/// The partners of one tie kind.
#[derive(Clone, Debug)]
pub struct PartnerGroup<'g> {
    /// The tie kind (cooperation, steering, membership…) every partner of the group is tied by.
    pub kind: TieKind,
    /// The unit's own ties first, out then in, each in declaration order; then the inherited
    /// ones, nearest superior first.
    pub partners: Vec<Partner<'g>>,
}

/// Every non-hierarchical tie of a unit, grouped by kind.
#[derive(Clone, Debug)]
pub struct Partners<'g> {
    /// The unit asked about.
    pub unit: UnitIx,
    /// One group per kind with at least one tie, in [`TieKind::ALL`] order.
    pub groups: Vec<PartnerGroup<'g>>,
}

impl Partners<'_> {
    /// The number of ties listed, in every group.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.partners.len()).sum()
    }

    /// Whether the unit has no partner at all (of the kinds asked about).
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// The ties of `unit` that are not hierarchical (cooperation, functional reporting, membership,
/// …), in and out, grouped by kind in [`TieKind::ALL`] order.
///
/// With `inherited`, the ties of every superior of the unit are added (its superiors, theirs,
/// and so on, nearest first, each once even with several ways up or a cycle), each marked with
/// the superior it comes from. A tie is listed once, at the first unit that holds it: a
/// cooperation between a unit and its own superior is the unit's own.
///
/// `O(d)` for `d` ties of the unit, plus with `inherited` the size of its ancestry and the ties
/// of its superiors.
pub fn partners<'g>(graph: &'g OrgGraph, unit: UnitIx, options: &PartnersOptions) -> Partners<'g> {
    let holders: Vec<UnitIx> = if options.inherited {
        graph.hierarchy().climb(unit).into_keys().collect()
    } else {
        vec![unit]
    };
    let wanted = |kind: TieKind| {
        !kind.is_hierarchical() && options.kinds.as_ref().is_none_or(|k| k.contains(&kind))
    };
    let mut by_kind: Vec<Vec<Partner<'g>>> = vec![Vec::new(); TieKind::ALL.len()];
    let mut listed = HashSet::new();
    for holder in holders {
        for view in graph.ties_of(holder) {
            let kind = view.tie.kind.value;
            if !wanted(kind) || !listed.insert(view.index) {
                continue;
            }
            if let Some(group) = TieKind::ALL
                .iter()
                .position(|&k| k == kind)
                .and_then(|at| by_kind.get_mut(at))
            {
                group.push(Partner {
                    view,
                    inherited_from: (holder != unit).then_some(holder),
                });
            }
        }
    }
    let groups = TieKind::ALL
        .iter()
        .zip(by_kind)
        .filter(|(_, partners)| !partners.is_empty())
        .map(|(&kind, partners)| PartnerGroup { kind, partners })
        .collect();
    Partners { unit, groups }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{graph, id};
    use crate::model::TieKind::*;
    use crate::model::UnitKind::*;

    /// Each group as "kind: partner (direction, holder)…".
    fn listing(g: &OrgGraph, unit: &str, options: &PartnersOptions) -> Vec<String> {
        let found = partners(g, g.find_id(unit).unwrap(), options);
        found
            .groups
            .iter()
            .map(|group| {
                let items: Vec<String> = group
                    .partners
                    .iter()
                    .map(|p| {
                        let arrow = if p.view.outgoing { "->" } else { "<-" };
                        let from = p
                            .inherited_from
                            .map(|u| format!(" via {}", id(g, u)))
                            .unwrap_or_default();
                        format!("{arrow}{}{from}", id(g, p.view.other))
                    })
                    .collect();
                format!("{}: {}", group.kind, items.join(" "))
            })
            .collect()
    }

    fn sample() -> OrgGraph {
        graph(
            &[
                ("justice", Ministry),
                ("sg", SecretariatGeneral),
                ("dsj", Directorate),
                ("dinum", InterministerialDirectorate),
                ("board", Board),
                ("cnil", Agency),
                ("lab", Team),
                ("other", Agency),
            ],
            &[
                ("sg", Attachment, "justice"),
                ("dsj", Attachment, "sg"),
                ("dsj", Membership, "board"),
                ("dinum", Cooperation, "dsj"),
                ("dsj", Cooperation, "cnil"),
                ("lab", FunctionalReporting, "dsj"),
                ("sg", Membership, "board"),
                ("justice", Cooperation, "other"),
                ("sg", Cooperation, "dsj"),
                ("lab", Attachment, "dsj"),
            ],
        )
    }

    #[test]
    fn own_partners_grouped_by_kind_in_vocabulary_order() {
        let g = sample();
        assert_eq!(
            listing(&g, "dsj", &PartnersOptions::default()),
            [
                "functional-reporting: <-lab",
                "cooperation: ->cnil <-dinum <-sg",
                "membership: ->board",
            ]
        );
        assert!(listing(&g, "board", &PartnersOptions::default()).len() == 1);
    }

    #[test]
    fn inherited_partners_are_marked_and_never_repeated() {
        let g = sample();
        let options = PartnersOptions {
            kinds: None,
            inherited: true,
        };
        assert_eq!(
            listing(&g, "dsj", &options),
            [
                "functional-reporting: <-lab",
                // sg's cooperation with dsj is dsj's own.
                "cooperation: ->cnil <-dinum <-sg ->other via justice",
                "membership: ->board ->board via sg",
            ]
        );
    }

    #[test]
    fn a_kind_filter_keeps_only_those_kinds() {
        let g = sample();
        let options = PartnersOptions {
            kinds: Some(vec![Membership, Attachment]),
            inherited: true,
        };
        assert_eq!(
            listing(&g, "dsj", &options),
            ["membership: ->board ->board via sg"]
        );
        let options = PartnersOptions {
            kinds: Some(vec![Attachment]),
            inherited: false,
        };
        let found = partners(&g, g.find_id("dsj").unwrap(), &options);
        assert!(found.is_empty());
        assert_eq!(found.len(), 0);
    }

    #[test]
    fn a_cycle_of_superiors_ends() {
        let g = graph(
            &[("a", Directorate), ("b", Directorate), ("c", Agency)],
            &[
                ("a", Attachment, "b"),
                ("b", Attachment, "a"),
                ("b", Cooperation, "c"),
            ],
        );
        let options = PartnersOptions {
            kinds: None,
            inherited: true,
        };
        assert_eq!(listing(&g, "a", &options), ["cooperation: ->c via b"]);
    }

    #[test]
    fn a_wide_unit_lists_every_partner() {
        let mut units = vec![("hub".to_owned(), Agency)];
        let mut ties = Vec::new();
        for i in 0..500 {
            units.push((format!("p-{i}"), Agency));
            ties.push(("hub".to_owned(), Cooperation, format!("p-{i}")));
        }
        let g = graph(&units, &ties);
        let found = partners(&g, g.find_id("hub").unwrap(), &PartnersOptions::default());
        assert_eq!(found.len(), 500);
        assert_eq!(id(&g, found.groups[0].partners[499].view.other), "p-499");
    }
}
