//! Organisation-design figures: kinds, layers, spans of control, headcounts, vacancies.

use std::collections::{HashMap, HashSet};

use crate::graph::{Belonging, OrgGraph, UnitIx};
use crate::model::{HeadcountBasis, HeadcountQualifier, Organisation, UnitKind};

/// The figures of a whole description or of one unit's subtree.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats<'g> {
    /// The unit whose subtree is measured; `None` for the whole description.
    pub root: Option<UnitIx>,
    /// Units and posts in scope.
    pub total: usize,
    /// Posts among them.
    pub posts: usize,
    /// Units per kind, in [`UnitKind::ALL`] order, kinds with none left out.
    pub by_kind: Vec<(UnitKind, usize)>,
    /// The number of levels of the hierarchy: the longest chain of hierarchical ties from a top
    /// of the scope down, plus one, posts included. The tops are the units without a superior
    /// in scope (for a subtree, its root). 0 for an empty description. Units on or under a
    /// cycle of bad data are left out of this count, as their level is undefined.
    pub layers: usize,
    /// How many units report directly to each unit that has reports; `None` when no unit in
    /// scope has any.
    pub span: Option<SpanOfControl>,
    /// The headcounts declared in scope, added up per basis (target, actual).
    pub headcount: HeadcountRollUp,
    /// Posts in scope declared vacant.
    pub vacant_posts: usize,
    /// Units in scope per described organisation, by belonging (from the hierarchy, not the
    /// file), in declaration order, organisations with none in scope left out.
    pub by_organisation: Vec<(&'g Organisation, usize)>,
    /// Units in scope of organisations the description names without describing them (a
    /// partner agency, a ministry named as a whole), those organisations' own units included.
    pub in_named_organisations: usize,
    /// Units in scope outside every organisation: their line leaves the description or reaches
    /// no organisation.
    pub outside: usize,
    /// Units in scope that stand for a group named only as a whole (`collective`): counted in
    /// `total` and the other figures, and apart here.
    pub collective: usize,
}

/// The span of control: the number of direct reports of each unit that has at least one.
/// Direct reports are the distinct units and posts placed directly under a unit by any
/// hierarchical tie (attachment, line authority, joint attachment): a post with authority over
/// other posts has a span too, and a unit under two superiors is a report of each.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanOfControl {
    /// The units with at least one direct report.
    pub managers: usize,
    /// The smallest span: the fewest direct reports of a manager (at least 1).
    pub min: usize,
    /// The middle span; the mean of the two middle ones for an even number of managers.
    pub median: f64,
    /// The largest span: the most direct reports of one manager.
    pub max: usize,
    /// How many managers have a span in each of [`SpanOfControl::BUCKETS`].
    pub buckets: [usize; 5],
}

impl SpanOfControl {
    /// The span ranges counted, inclusive, `None` for no upper bound: 1, 2–3, 4–7, 8–12, 13+.
    pub const BUCKETS: [(usize, Option<usize>); 5] = [
        (1, Some(1)),
        (2, Some(3)),
        (4, Some(7)),
        (8, Some(12)),
        (13, None),
    ];

    fn of(mut spans: Vec<usize>) -> Option<SpanOfControl> {
        spans.sort_unstable();
        let (&min, &max) = (spans.first()?, spans.last()?);
        let middle = spans.len() / 2;
        // A span counts units of one description, far below 2^52: it is exact as a float.
        #[allow(clippy::cast_precision_loss)]
        let median = if spans.len() % 2 == 1 {
            spans[middle] as f64
        } else {
            (spans[middle - 1] + spans[middle]) as f64 / 2.0
        };
        let mut buckets = [0; 5];
        for &span in &spans {
            if let Some(at) = Self::BUCKETS
                .iter()
                .position(|&(low, high)| span >= low && high.is_none_or(|h| span <= h))
            {
                buckets[at] += 1;
            }
        }
        Some(SpanOfControl {
            managers: spans.len(),
            min,
            median,
            max,
            buckets,
        })
    }
}

/// Declared headcounts added up, per basis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeadcountRollUp {
    /// The headcounts the units should have (establishment, budgeted posts).
    pub target: HeadcountSum,
    /// The headcounts the units have (people in post).
    pub actual: HeadcountSum,
}

/// The sum of the headcounts declared on one basis. Each unit's own figure is added once; the
/// description does not say whether a unit's figure includes its subordinates', so a figure
/// declared both on a unit and on its subordinates counts both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeadcountSum {
    /// People, added up.
    pub people: u64,
    /// Units declaring a headcount on this basis.
    pub units: usize,
    /// Those whose figure is not exact ("at least", "about").
    pub inexact: usize,
}

/// The figures of the subtree of `root` (the root and every unit under it), or with `None` of
/// the whole description. `O(s + t)` for `s` units in scope and `t` hierarchical ties touching
/// them.
pub fn stats(graph: &OrgGraph, root: Option<UnitIx>) -> Stats<'_> {
    let scope: Vec<UnitIx> = match root {
        Some(root) if root.index() < graph.unit_count() => {
            let mut scope = vec![root];
            scope.extend(graph.hierarchy().descendants(root));
            scope
        }
        Some(_) => Vec::new(),
        None => graph.units().map(|(ix, _)| ix).collect(),
    };
    let mut kinds: HashMap<UnitKind, usize> = HashMap::new();
    let mut organisations = vec![0; graph.organisations().len()];
    let mut headcount = HeadcountRollUp::default();
    let (mut posts, mut vacant_posts) = (0, 0);
    let (mut in_named_organisations, mut outside, mut collective) = (0, 0, 0);
    let mut spans = Vec::new();
    for &ix in &scope {
        let unit = graph.unit(ix);
        *kinds.entry(unit.kind.value).or_default() += 1;
        if unit.kind.value == UnitKind::Post {
            posts += 1;
            if unit.is_vacant() {
                vacant_posts += 1;
            }
        }
        match graph.belonging(ix) {
            Belonging::Described(o) => {
                if let Some(count) = organisations.get_mut(o.0 as usize) {
                    *count += 1;
                }
            }
            Belonging::Named(_) => in_named_organisations += 1,
            Belonging::Outside => outside += 1,
        }
        collective += usize::from(unit.collective);
        if let Some(declared) = &unit.headcount {
            let sum = match declared.basis {
                HeadcountBasis::Target => &mut headcount.target,
                HeadcountBasis::Actual => &mut headcount.actual,
            };
            sum.people += u64::from(declared.count);
            sum.units += 1;
            if declared.qualifier != HeadcountQualifier::Exactly {
                sum.inexact += 1;
            }
        }
        let reports = graph.hierarchy().direct_reports(ix).len();
        if reports > 0 {
            spans.push(reports);
        }
    }
    Stats {
        root,
        total: scope.len(),
        posts,
        by_kind: UnitKind::ALL
            .iter()
            .filter_map(|&k| kinds.get(&k).map(|&n| (k, n)))
            .collect(),
        layers: layers(graph, &scope, root),
        span: SpanOfControl::of(spans),
        headcount,
        vacant_posts,
        by_organisation: graph
            .organisations()
            .iter()
            .zip(organisations)
            .filter(|&(_, n)| n > 0)
            .collect(),
        in_named_organisations,
        outside,
        collective,
    }
}

/// The longest chain down from the tops of the scope, plus one: levels assigned top-down, a unit
/// once all its superiors in scope have theirs (Kahn's order), so a unit under superiors at
/// several levels sits below the lowest. Ties into the root of a subtree are ignored.
fn layers(graph: &OrgGraph, scope: &[UnitIx], root: Option<UnitIx>) -> usize {
    let in_scope: HashSet<UnitIx> = scope.iter().copied().collect();
    // Superiors in scope not yet levelled, per unit.
    let mut waiting: HashMap<UnitIx, usize> = HashMap::with_capacity(scope.len());
    let mut ready = Vec::new();
    for &ix in scope {
        let superiors = if Some(ix) == root {
            0
        } else {
            graph
                .hierarchy()
                .up(ix)
                .iter()
                .filter(|l| in_scope.contains(&l.to))
                .count()
        };
        if superiors == 0 {
            ready.push((ix, 0));
        } else {
            waiting.insert(ix, superiors);
        }
    }
    let mut deepest = None;
    while let Some((ix, level)) = ready.pop() {
        deepest = deepest.max(Some(level));
        for link in graph.hierarchy().down(ix) {
            if let Some(left) = waiting.get_mut(&link.from) {
                *left -= 1;
                if *left == 0 {
                    waiting.remove(&link.from);
                    ready.push((link.from, level + 1));
                }
            }
        }
    }
    deepest.map_or(0, |d| d + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::testing::{
        build, deep_chain, description, graph, ix, organisation, wide_span,
    };
    use crate::model::TieKind::{Attachment, JointAttachment, LineAuthority};
    use crate::model::UnitKind::*;
    use crate::model::{Headcount, OrganisationIndex, Span, Spanned};

    fn spans(s: &Stats<'_>) -> (usize, usize, f64, usize, [usize; 5]) {
        let span = s.span.as_ref().unwrap();
        (span.managers, span.min, span.median, span.max, span.buckets)
    }

    #[test]
    fn a_small_description() {
        let mut d = description(
            &[
                ("justice", Ministry),
                ("sg", SecretariatGeneral),
                ("dsj", Directorate),
                ("b-1", Bureau),
                ("b-2", Bureau),
                ("head", Post),
                ("dev", Post),
                ("ext", Agency),
            ],
            &[
                ("sg", Attachment, "justice"),
                ("dsj", Attachment, "justice"),
                ("b-1", Attachment, "dsj"),
                ("b-2", Attachment, "dsj"),
                ("head", Attachment, "b-1"),
                ("dev", Attachment, "b-1"),
                ("dev", LineAuthority, "head"),
            ],
        );
        d.organisations.push(organisation("other"));
        d.units[7].organisation = OrganisationIndex(1);
        d.units[6].vacant = Some(Spanned::new(Span::default(), true));
        let headcount = |count, basis, qualifier| Headcount {
            count,
            basis,
            qualifier,
            date: None,
        };
        d.units[2].headcount = Some(headcount(
            120,
            HeadcountBasis::Actual,
            HeadcountQualifier::Exactly,
        ));
        d.units[3].headcount = Some(headcount(
            10,
            HeadcountBasis::Actual,
            HeadcountQualifier::About,
        ));
        d.units[4].headcount = Some(headcount(
            15,
            HeadcountBasis::Target,
            HeadcountQualifier::AtLeast,
        ));
        let g = build(d);

        let all = stats(&g, None);
        assert_eq!((all.total, all.posts, all.vacant_posts), (8, 2, 1));
        assert_eq!(
            all.by_kind,
            [
                (Ministry, 1),
                (Agency, 1),
                (SecretariatGeneral, 1),
                (Directorate, 1),
                (Bureau, 2),
                (Post, 2)
            ]
        );
        // justice > dsj > b-1 > head > dev: dev is under head, below b-1.
        assert_eq!(all.layers, 5);
        // justice 2, dsj 2, b-1 2 (head and dev), head 1.
        assert_eq!(spans(&all), (4, 1, 2.0, 2, [1, 3, 0, 0, 0]));
        let ids: Vec<(&str, usize)> = all
            .by_organisation
            .iter()
            .map(|(o, n)| (o.id.as_str(), *n))
            .collect();
        // The agency is declared in another file, but belongs by its line to itself: an
        // organisation named, not described.
        assert_eq!(ids, [("org", 7)]);
        assert_eq!((all.in_named_organisations, all.outside), (1, 0));
        assert_eq!(
            all.headcount,
            HeadcountRollUp {
                target: HeadcountSum {
                    people: 15,
                    units: 1,
                    inexact: 1
                },
                actual: HeadcountSum {
                    people: 130,
                    units: 2,
                    inexact: 1
                },
            }
        );

        let dsj = stats(&g, Some(ix(&g, "dsj")));
        assert_eq!(dsj.root, Some(ix(&g, "dsj")));
        assert_eq!(
            (dsj.total, dsj.posts, dsj.vacant_posts, dsj.layers),
            (5, 2, 1, 4)
        );
        assert_eq!(spans(&dsj), (3, 1, 2.0, 2, [1, 2, 0, 0, 0]));
        assert_eq!(dsj.by_organisation.len(), 1);
        assert_eq!(dsj.headcount.actual.people, 130);

        let leaf = stats(&g, Some(ix(&g, "ext")));
        assert_eq!((leaf.total, leaf.layers), (1, 1));
        assert_eq!(leaf.span, None);
    }

    #[test]
    fn an_empty_description() {
        let g = graph::<&str>(&[], &[]);
        let s = stats(&g, None);
        assert_eq!((s.total, s.layers, s.span.clone()), (0, 0, None));
        assert!(s.by_kind.is_empty() && s.by_organisation.is_empty());
    }

    #[test]
    fn spans_fall_into_their_buckets() {
        // Managers with 1, 2, 3, 4, 7, 8, 12, 13 and 40 reports.
        let sizes = [1, 2, 3, 4, 7, 8, 12, 13, 40];
        let mut units = vec![("top".to_owned(), Ministry)];
        let mut ties = Vec::new();
        for (m, &size) in sizes.iter().enumerate() {
            units.push((format!("m-{m}"), Directorate));
            ties.push((format!("m-{m}"), Attachment, "top".to_owned()));
            for r in 0..size {
                units.push((format!("r-{m}-{r}"), Post));
                ties.push((format!("r-{m}-{r}"), Attachment, format!("m-{m}")));
            }
        }
        let g = graph(&units, &ties);
        let s = stats(&g, None);
        // Add `top`, with 9 reports: 1, 2, 3, 4, 7, 8, 9, 12, 13, 40.
        assert_eq!(spans(&s), (10, 1, 7.5, 40, [1, 2, 2, 3, 2]));
        assert_eq!(s.layers, 3);
    }

    #[test]
    fn a_wide_span() {
        let (units, ties) = wide_span(500);
        let g = graph(&units, &ties);
        let s = stats(&g, None);
        assert_eq!(spans(&s), (1, 500, 500.0, 500, [0, 0, 0, 0, 1]));
        assert_eq!((s.total, s.posts, s.layers), (501, 500, 2));
    }

    #[test]
    fn layers_follow_the_longest_chain() {
        let (mut units, mut ties) = deep_chain("u", 1000);
        // A shortcut from the bottom to the top does not shorten the longest chain.
        ties.push(("u-999".to_owned(), JointAttachment, "u-0".to_owned()));
        // A second, separate part.
        units.push(("lone".to_owned(), Agency));
        let g = graph(&units, &ties);
        assert_eq!(stats(&g, None).layers, 1000);
        assert_eq!(stats(&g, Some(ix(&g, "u-500"))).layers, 500);
        assert_eq!(stats(&g, Some(ix(&g, "u-500"))).total, 500);
        assert_eq!(stats(&g, Some(ix(&g, "lone"))).layers, 1);
    }

    #[test]
    fn a_cycle_is_left_out_of_layers_only() {
        let g = graph(
            &[
                ("top", Ministry),
                ("a", Directorate),
                ("b", Directorate),
                ("c", Bureau),
            ],
            &[
                ("a", Attachment, "top"),
                ("a", Attachment, "b"),
                ("b", Attachment, "a"),
                ("c", Attachment, "b"),
            ],
        );
        let s = stats(&g, None);
        assert_eq!((s.total, s.layers), (4, 1));
        // From `a`, the tie into it is ignored: a > b > c.
        let a = stats(&g, Some(ix(&g, "a")));
        assert_eq!((a.total, a.layers), (3, 3));
    }
}
