//! Which units and ties each view and filter keeps, on small graphs built in code; how a chart is
//! arranged; what the DOT of a chart is made of.

use super::arrange::arrange;
use super::*;
use crate::graph::testing::{build, description, ids, ix, organisation};
use crate::model::{
    Boundary, Lang, OrganisationIndex, Span, Spanned, TieKind::*, UnitId, UnitKind::*,
};

/// A ministry with a directorate, a bureau and a post under it, a committee the directorate
/// runs the secretariat of, and an agency of another organisation it cooperates with.
fn sample() -> OrgGraph {
    let mut description = description(
        &[
            ("min", Ministry),
            ("dir", Directorate),
            ("bur", Bureau),
            ("head", Post),
            ("com", Committee),
            ("agency", Agency),
        ],
        &[
            ("dir", Attachment, "min"),
            ("bur", Attachment, "dir"),
            ("head", Attachment, "dir"),
            ("head", LineAuthority, "min"),
            ("dir", Secretariat, "com"),
            ("bur", Cooperation, "agency"),
        ],
    );
    description.organisations.push(organisation("other"));
    for (id, unit) in &mut description.units {
        match id.as_str() {
            "agency" => unit.organisation = OrganisationIndex(1),
            "com" => unit.boundary = Some(Boundary::ParentOutside),
            "min" => unit.boundary = Some(Boundary::Top),
            _ => {}
        }
    }
    build(description)
}

fn units<'g>(graph: &'g OrgGraph, chart: &Chart) -> Vec<&'g str> {
    ids(graph, &chart.units)
}

fn ties(graph: &OrgGraph, chart: &Chart) -> Vec<String> {
    chart
        .ties
        .iter()
        .map(|&t| {
            let (from, to) = graph.ends(t);
            format!(
                "{} {} {}",
                graph.unit(from).id.as_str(),
                graph.tie(t).kind.value,
                graph.unit(to).id.as_str()
            )
        })
        .collect()
}

#[test]
fn the_org_chart_draws_every_unit_and_only_the_hierarchy() {
    let g = sample();
    let c = chart(&g, &ChartOptions::new(View::OrgChart));
    assert_eq!(
        units(&g, &c),
        ["min", "dir", "bur", "head", "com", "agency"]
    );
    assert_eq!(
        ties(&g, &c),
        [
            "dir attachment min",
            "bur attachment dir",
            "head attachment dir",
            "head line-authority min"
        ]
    );
    assert_eq!(c.title, "Org chart");
}

#[test]
fn the_cooperation_map_draws_the_other_ties_and_the_units_they_join() {
    let g = sample();
    let c = chart(&g, &ChartOptions::new(View::Cooperation));
    assert_eq!(units(&g, &c), ["dir", "bur", "com", "agency"]);
    assert_eq!(
        ties(&g, &c),
        ["dir secretariat com", "bur cooperation agency"]
    );
    assert!(c.view.is_left_to_right());
}

#[test]
fn the_full_view_draws_everything() {
    let g = sample();
    let c = chart(&g, &ChartOptions::new(View::Full));
    assert_eq!(c.units.len(), g.unit_count());
    assert_eq!(c.ties.len(), g.tie_count());
}

#[test]
fn a_root_keeps_its_subtree_and_in_the_full_view_its_partners() {
    let g = sample();
    let under = |view| {
        let options = ChartOptions {
            root: Some(ix(&g, "dir")),
            ..ChartOptions::new(view)
        };
        chart(&g, &options)
    };
    let c = under(View::OrgChart);
    assert_eq!(units(&g, &c), ["dir", "bur", "head"]);
    assert_eq!(c.title, "Org chart — under dir");
    let c = under(View::Full);
    assert_eq!(units(&g, &c), ["dir", "bur", "head", "com", "agency"]);
    assert_eq!(
        ties(&g, &c),
        [
            "bur attachment dir",
            "head attachment dir",
            "dir secretariat com",
            "bur cooperation agency"
        ]
    );
}

#[test]
fn a_focus_keeps_the_units_within_its_radius_over_the_view_s_ties() {
    let g = sample();
    let around = |view, radius| {
        let options = ChartOptions {
            focus: Some(Focus {
                unit: ix(&g, "bur"),
                radius,
            }),
            ..ChartOptions::new(view)
        };
        chart(&g, &options)
    };
    assert_eq!(units(&g, &around(View::OrgChart, 1)), ["dir", "bur"]);
    assert_eq!(
        units(&g, &around(View::OrgChart, 2)),
        ["min", "dir", "bur", "head"]
    );
    assert_eq!(units(&g, &around(View::Cooperation, 5)), ["bur", "agency"]);
    assert_eq!(units(&g, &around(View::Full, 0)), ["bur"]);
    assert_eq!(
        around(View::OrgChart, 2).title,
        "Org chart — around bur (2 ties)"
    );
}

#[test]
fn filters_narrow_units_and_ties_and_drop_ties_to_hidden_units() {
    let g = sample();
    let options = ChartOptions {
        organisation: Some(OrganisationIndex(0)),
        unit_kinds: Some(vec![Ministry, Directorate, Post]),
        tie_kinds: Some(vec![Attachment, Cooperation]),
        ..ChartOptions::new(View::Full)
    };
    let c = chart(&g, &options);
    assert_eq!(units(&g, &c), ["min", "dir", "head"]);
    assert_eq!(ties(&g, &c), ["dir attachment min", "head attachment dir"]);
    assert_eq!(c.title, "Landscape — org");
}

/// A directorate with `posts` posts, and `alone` committees tied to nothing.
fn crowded(posts: usize, alone: usize) -> OrgGraph {
    let mut units = vec![("dir".to_owned(), Directorate)];
    let mut ties = Vec::new();
    for i in 0..posts {
        units.push((format!("post-{i}"), Post));
        ties.push((format!("post-{i}"), Attachment, "dir".to_owned()));
    }
    for i in 0..alone {
        units.push((format!("alone-{i}"), Committee));
    }
    build(description(&units, &ties))
}

#[test]
fn leaves_stack_in_balanced_columns_and_untied_units_are_stacked() {
    let columns = |posts: usize| {
        let g = crowded(posts, 5);
        let c = chart(&g, &ChartOptions::new(View::OrgChart));
        let arrangement = arrange(&g, &c);
        assert!(arrangement.lengths.is_empty());
        let stacks: Vec<Vec<&str>> = arrangement.stacks.iter().map(|s| ids(&g, s)).collect();
        assert_eq!(
            stacks,
            [vec!["alone-0", "alone-1", "alone-2", "alone-3"]],
            "a stack of one is no stack"
        );
        arrangement
            .columns
            .iter()
            .map(|column| {
                assert_eq!(graph_id(&g, column.parent), "dir");
                column.leaves.len()
            })
            .collect::<Vec<_>>()
    };
    // Two leaves sit side by side; up to five stack in one column, more in a few.
    assert_eq!(columns(2), Vec::<usize>::new());
    assert_eq!(columns(3), [3]);
    assert_eq!(columns(5), [5]);
    assert_eq!(columns(7), [4, 3]);
    assert_eq!(columns(13), [5, 5, 3]);
    assert_eq!(columns(38), [8, 8, 8, 8, 6]);
}

fn graph_id(graph: &OrgGraph, unit: UnitIx) -> &str {
    graph.unit(unit).id.as_str()
}

#[test]
fn parts_that_nothing_joins_are_put_in_rows_from_the_bottom_of_one_to_the_tops_of_the_next() {
    // Twelve directorates side by side, each with two posts: one row would be twelve wide.
    let mut units = Vec::new();
    let mut ties = Vec::new();
    for i in 0..12 {
        units.push((format!("dir-{i}"), Directorate));
        for j in 0..2 {
            units.push((format!("post-{i}-{j}"), Post));
            ties.push((format!("post-{i}-{j}"), Attachment, format!("dir-{i}")));
        }
    }
    ties.push(("dir-0".to_owned(), Cooperation, "dir-11".to_owned()));
    let g = build(description(&units, &ties));
    let c = chart(&g, &ChartOptions::new(View::OrgChart));
    let rows = arrange(&g, &c).rows;
    assert!(!rows.is_empty());
    for (upper, lower) in rows {
        assert!(
            graph_id(&g, upper).starts_with("post-"),
            "from the bottom of a part"
        );
        assert!(
            graph_id(&g, lower).starts_with("dir-"),
            "to the top of a part"
        );
    }
    // Ties drawn over the hierarchy would cross the rows, which Graphviz 2.x fails to route:
    // such charts stay in one row.
    let c = chart(&g, &ChartOptions::new(View::Full));
    assert!(arrange(&g, &c).rows.is_empty());
}

#[test]
fn left_to_right_the_leaves_of_a_crowded_unit_are_staggered() {
    let g = crowded(7, 0);
    let options = ChartOptions {
        direction: Some(Direction::Right),
        ..ChartOptions::new(View::OrgChart)
    };
    let c = chart(&g, &options);
    let arrangement = arrange(&g, &c);
    assert!(arrangement.columns.is_empty());
    let lengths: Vec<usize> = c
        .ties
        .iter()
        .map(|t| arrangement.lengths.get(t).copied().unwrap_or(1))
        .collect();
    assert_eq!(lengths, [1, 2, 3, 1, 2, 3, 1]);
}

#[test]
fn a_depth_cut_says_how_many_units_it_leaves_out() {
    let g = sample();
    let at = |depth| {
        let options = ChartOptions {
            depth: Some(depth),
            ..ChartOptions::new(View::OrgChart)
        };
        chart(&g, &options)
    };
    // min > dir > bur and head (whose line authority to min puts it on level 1 too).
    let c = at(0);
    assert_eq!(units(&g, &c), ["min", "com", "agency"]);
    assert_eq!(c.cut.get(&ix(&g, "min")), Some(&3));
    assert!(c.ties.is_empty());
    let c = at(1);
    assert_eq!(units(&g, &c), ["min", "dir", "head", "com", "agency"]);
    assert_eq!(c.cut.get(&ix(&g, "dir")), Some(&1));
    assert_eq!(c.cut.len(), 1);
    assert!(to_dot(&g, &c).contains("+1 below"));
    let c = at(2);
    assert_eq!(c.units.len(), 6);
    assert!(c.cut.is_empty());
}

#[test]
fn node_ids_are_generated_and_names_stay_inside_their_labels() {
    let mut description = description(
        &[("a", Ministry), ("b", Directorate)],
        &[("b", Attachment, "a")],
    );
    for unit in description.units.values_mut() {
        unit.name = "x\" -> evil; } subgraph { \\N <b> \n\u{1}".to_owned();
    }
    let g = build(description);
    let dot = to_dot(&g, &chart(&g, &ChartOptions::new(View::Full)));
    renders(&dot);
    // Read back, the DOT has exactly the chart's nodes and edge, named u0 and u1.
    let parsed = graphviz_rust::parse(&dot).expect("the DOT parses");
    let (mut nodes, mut edges) = (Vec::new(), 0);
    count(&statements(&parsed), &mut nodes, &mut edges);
    assert_eq!(nodes, [r#""u0""#, r#""u1""#]);
    assert_eq!(edges, 1);
    assert!(
        dot.contains(r"x&quot; -&gt; evil; } subgraph {<BR/>\\N &lt;b&gt;<BR/><BR/>"),
        "{dot}"
    );
}

/// Found by the property tests: Graphviz refuses an HTML-like label whose element holds only
/// closing brackets, as an acronym or an organisation's name of `]` made.
#[test]
fn names_of_closing_brackets_render() {
    let mut description = description(
        &[("top", Ministry), ("b", Directorate)],
        &[("b", Attachment, "top")],
    );
    description.organisations[0].name = "]".to_owned();
    for unit in description.units.values_mut() {
        unit.acronym = Some("]]".to_owned());
    }
    let g = build(description);
    for view in View::ALL {
        renders(&to_dot(&g, &chart(&g, &ChartOptions::new(view))));
    }
}

/// Found by the property tests (`tests/properties.rs`): names of thousands of characters made
/// labels Graphviz refuses (HTML-like labels and strings of more than 16 KiB) or nodes too wide
/// for it to place; an id as long made an SVG id it refuses.
#[test]
fn thousands_of_characters_in_names_and_ids_still_render() {
    let long_id = "a".repeat(20_000);
    let mut description = description(
        &[("top", Ministry), (long_id.as_str(), Directorate)],
        &[(long_id.as_str(), Attachment, "top")],
    );
    description.organisations[0].name = "\"".repeat(5_000);
    description.organisations[0].acronym = Some("&".repeat(5_000));
    for unit in description.units.values_mut() {
        unit.name = "%s&<".repeat(2_000);
        unit.acronym = Some("&".repeat(5_000));
    }
    let g = build(description);
    let options = ChartOptions {
        organisation: Some(OrganisationIndex(0)),
        root: Some(ix(&g, "top")),
        ..ChartOptions::new(View::Full)
    };
    let dot = to_dot(&g, &chart(&g, &options));
    assert!(
        !dot.contains(&long_id),
        "the long id is left out of the SVG ids"
    );
    renders(&dot);
}

fn statements(graph: &graphviz_rust::dot_structures::Graph) -> Vec<Stmt> {
    match graph {
        graphviz_rust::dot_structures::Graph::DiGraph { stmts, .. }
        | graphviz_rust::dot_structures::Graph::Graph { stmts, .. } => stmts.clone(),
    }
}

use graphviz_rust::dot_structures::{Id, Stmt};

/// The ids of the nodes declared and the number of edges, in subgraphs too.
fn count(stmts: &[Stmt], nodes: &mut Vec<String>, edges: &mut usize) {
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) => {
                if let Id::Escaped(id) = &node.id.0 {
                    nodes.push(id.clone());
                }
            }
            Stmt::Edge(_) => *edges += 1,
            Stmt::Subgraph(subgraph) => count(&subgraph.stmts, nodes, edges),
            _ => {}
        }
    }
}

/// Runs DOT through Graphviz's real `dot` ([`organigram_test_support::graphviz::dot_renders`]),
/// which must render it with no warning.
pub(crate) fn renders(dot: &str) {
    if let Err(why) = organigram_test_support::graphviz::dot_renders(dot) {
        panic!("{why}");
    }
}

#[test]
fn the_same_chart_gives_the_same_bytes() {
    let g = sample();
    let options = ChartOptions::new(View::Full);
    renders(&to_dot(&g, &chart(&g, &options)));
    assert_eq!(
        to_dot(&g, &chart(&g, &options)),
        to_dot(&g, &chart(&g, &options))
    );
    assert_eq!(
        to_mermaid(&g, &chart(&g, &options)),
        to_mermaid(&g, &chart(&g, &options))
    );
}

#[test]
fn a_head_is_drawn_inside_its_unit_s_box_and_its_ties_start_from_the_box() {
    let g = build(description(
        &[
            ("min", Ministry),
            ("dir", Directorate),
            ("director", Post),
            ("deputy", Post),
            ("com", Committee),
        ],
        &[
            ("dir", Attachment, "min"),
            ("director", Head, "dir"),
            ("deputy", Attachment, "dir"),
            ("deputy", LineAuthority, "director"),
            ("director", Chair, "com"),
        ],
    ));
    let c = chart(&g, &ChartOptions::new(View::Full));
    assert_eq!(units(&g, &c), ["min", "dir", "deputy", "com"]);
    assert_eq!(c.heads.of(ix(&g, "dir")), Some(ix(&g, "director")));
    // The head tie is the box itself, and so is the deputy's line authority to the head of its
    // unit; the chair tie starts from the directorate's box.
    assert_eq!(
        ties(&g, &c),
        [
            "dir attachment min",
            "deputy attachment dir",
            "director chair com"
        ]
    );
    let drawn: Vec<(&str, &str)> = c
        .ties
        .iter()
        .map(|&t| {
            let (from, to) = c.ends(&g, t);
            (g.unit(from).id.as_str(), g.unit(to).id.as_str())
        })
        .collect();
    assert_eq!(drawn[2], ("dir", "com"));
    let dot = to_dot(&g, &c);
    renders(&dot);
    assert!(dot.contains("head: director"), "{dot}");
    assert_eq!(
        dot.matches("shape=ellipse").count(),
        1,
        "only the deputy is an ellipse"
    );
}

#[test]
fn an_organisation_s_chart_draws_its_partners_outside_its_frame() {
    let g = sample();
    let options = ChartOptions {
        organisation: Some(OrganisationIndex(0)),
        ..ChartOptions::new(View::Full)
    };
    let c = chart(&g, &options);
    // The agency belongs to itself, by its line: it is drawn as the bureau's partner.
    assert_eq!(
        units(&g, &c),
        ["min", "dir", "bur", "head", "com", "agency"]
    );
    let clusters = c.clusters(&g);
    assert_eq!(clusters.len(), 1);
    let members: Vec<UnitIx> = clusters[0].members.iter().map(|&(_, ix)| ix).collect();
    assert_eq!(ids(&g, &members), ["min", "dir", "bur", "head"]);
    let outside: Vec<UnitIx> = c.unframed(&g).iter().map(|&(_, ix)| ix).collect();
    assert_eq!(ids(&g, &outside), ["com", "agency"]);
    // Every unit drawn is a node of the DOT, framed or not, each once.
    let dot = to_dot(&g, &c);
    renders(&dot);
    let parsed = graphviz_rust::parse(&dot).expect("the DOT parses");
    let (mut nodes, mut edges) = (Vec::new(), 0);
    count(&statements(&parsed), &mut nodes, &mut edges);
    assert_eq!(nodes.len(), c.units.len(), "{dot}");
    let mermaid = to_mermaid(&g, &c);
    for position in 0..c.units.len() {
        assert_eq!(
            mermaid.matches(&format!("  u{position}(")).count()
                + mermaid.matches(&format!("  u{position}[")).count()
                + mermaid.matches(&format!("  u{position}{{")).count(),
            1,
            "{mermaid}"
        );
    }
}

/// A directorate-general whose directorate hangs from the post heading it, a service beside
/// it, a bureau jointly attached to the directorate and to the post heading the service, and a
/// team under the bureau and under the authority of that post.
fn hidden_levels() -> OrgGraph {
    build(description(
        &[
            ("dg", DirectorateGeneral),
            ("dg-head", Post),
            ("dir", Directorate),
            ("svc", Service),
            ("svc-head", Post),
            ("bur", Bureau),
            ("team", Team),
        ],
        &[
            ("dg-head", Head, "dg"),
            ("dir", Attachment, "dg-head"),
            ("svc", Attachment, "dg"),
            ("svc-head", Head, "svc"),
            ("bur", JointAttachment, "dir"),
            ("bur", JointAttachment, "svc-head"),
            ("team", Attachment, "bur"),
            ("team", LineAuthority, "svc-head"),
        ],
    ))
}

/// Each bridge as "from to (through…) kind".
fn bridges(graph: &OrgGraph, chart: &Chart) -> Vec<String> {
    chart
        .bridges
        .iter()
        .map(|b| {
            format!(
                "{} {} ({}) {}",
                graph.unit(b.from).id.as_str(),
                graph.unit(b.to).id.as_str(),
                ids(graph, &b.through).join(" "),
                b.kind
            )
        })
        .collect()
}

#[test]
fn a_kind_filter_bridges_the_levels_it_hides_up_each_line() {
    let g = hidden_levels();
    let without_posts = ChartOptions {
        unit_kinds: Some(vec![DirectorateGeneral, Directorate, Service, Bureau, Team]),
        ..ChartOptions::new(View::OrgChart)
    };
    let c = chart(&g, &without_posts);
    assert_eq!(units(&g, &c), ["dg", "dir", "svc", "bur", "team"]);
    // The directorate hangs from the directorate-general through its head; the bureau, under
    // two superiors, gets the one bridge its second line needs; the team's line through the
    // service's head is said already by the bureau's bridge.
    assert_eq!(
        bridges(&g, &c),
        [
            "dir dg (dg-head) attachment",
            "bur svc (svc-head) joint-attachment"
        ]
    );
    // Everything drawn, nothing to bridge; a tie kind left out is not bridged over either.
    assert!(
        chart(&g, &ChartOptions::new(View::OrgChart))
            .bridges
            .is_empty()
    );
    let no_heads = ChartOptions {
        tie_kinds: Some(vec![Attachment, JointAttachment, LineAuthority]),
        ..without_posts.clone()
    };
    assert!(bridges(&g, &chart(&g, &no_heads)).is_empty());
    let cooperation = ChartOptions {
        view: View::Cooperation,
        ..without_posts.clone()
    };
    assert!(chart(&g, &cooperation).bridges.is_empty());
    // Without the directorate and the service, the bureau's line through the directorate
    // reaches the directorate-general, which the post it is also under already stands below.
    let posts = ChartOptions {
        unit_kinds: Some(vec![DirectorateGeneral, Post, Bureau]),
        ..ChartOptions::new(View::OrgChart)
    };
    let c = chart(&g, &posts);
    assert_eq!(bridges(&g, &c), ["svc-head dg (svc) head"]);
    // A bridge to a head drawn inside its unit's box ends at the box.
    let no_heads = ChartOptions {
        tie_kinds: Some(vec![Attachment, JointAttachment, LineAuthority]),
        ..posts
    };
    let c = chart(&g, &no_heads);
    assert_eq!(c.heads.box_of(ix(&g, "dg-head")), Some(ix(&g, "dg")));
    assert_eq!(bridges(&g, &c), ["bur dg (dir) joint-attachment"]);
}

#[test]
fn bridges_are_drawn_dashed_and_say_what_they_cross_in_every_format() {
    let g = hidden_levels();
    let options = ChartOptions {
        unit_kinds: Some(vec![DirectorateGeneral, Directorate, Service, Bureau, Team]),
        ..ChartOptions::new(View::OrgChart)
    };
    let c = chart(&g, &options);
    let dot = to_dot(&g, &c);
    renders(&dot);
    let bridge = dot
        .lines()
        .find(|line| line.contains(r#""u0" -> "u1""#))
        .unwrap_or_else(|| panic!("no bridge from dg down to dir: {dot}"));
    assert!(bridge.contains("style=dashed"), "{bridge}");
    assert!(bridge.contains("via 1 hidden unit"), "{bridge}");
    assert!(
        bridge.contains(r#"tooltip="via 1 hidden unit: dg-head""#),
        "{bridge}"
    );
    assert!(dot.contains("through hidden units"), "the legend: {dot}");
    let mermaid = to_mermaid(&g, &c);
    assert!(
        mermaid.contains(r#"  u0 -.-|"via 1 hidden unit"| u1"#),
        "{mermaid}"
    );
    assert!(fallback_svg(&g, &c).contains("via 1 hidden unit"));
    let french = chart(
        &g,
        &ChartOptions {
            lang: Lang::Fr,
            ..options
        },
    );
    let dot = to_dot(&g, &french);
    assert!(dot.contains("via 1 unité masquée : dg-head"), "{dot}");
    assert!(dot.contains("à travers des unités masquées"), "{dot}");
}

/// Each node of a DOT graph with the frames it is drawn in, outermost first (the legend's
/// borderless cluster around the whole chart left out).
fn frames_of(dot: &str) -> HashMap<String, Vec<String>> {
    fn walk(stmts: &[Stmt], path: &mut Vec<String>, found: &mut HashMap<String, Vec<String>>) {
        for stmt in stmts {
            match stmt {
                Stmt::Node(node) => {
                    if let Id::Escaped(id) = &node.id.0 {
                        found.insert(id.trim_matches('"').to_owned(), path.clone());
                    }
                }
                Stmt::Subgraph(subgraph) => {
                    let Id::Escaped(id) = &subgraph.id else {
                        continue;
                    };
                    let id = id.trim_matches('"').to_owned();
                    let inner = id != "cluster_chart";
                    if inner {
                        path.push(id);
                    }
                    walk(&subgraph.stmts, path, found);
                    if inner {
                        path.pop();
                    }
                }
                _ => {}
            }
        }
    }
    let parsed = graphviz_rust::parse(dot).expect("the DOT parses");
    let mut found = HashMap::new();
    walk(&statements(&parsed), &mut Vec::new(), &mut found);
    found
}

/// The frames each unit of the chart is drawn in, by unit id.
fn frames_by_unit<'g>(graph: &'g OrgGraph, chart: &Chart) -> Vec<(&'g str, Vec<String>)> {
    let frames = frames_of(&to_dot(graph, chart));
    chart
        .units
        .iter()
        .enumerate()
        .map(|(position, &ix)| {
            let node = format!("u{position}");
            let found = frames.get(&node).cloned().unwrap_or_default();
            (graph.unit(ix).id.as_str(), found)
        })
        .collect()
}

#[test]
fn partners_are_framed_by_their_own_organisation_and_unattached_units_apart() {
    let mut description = description(
        &[
            ("min", Ministry),
            ("dir", Directorate),
            ("loose", Service),
            ("com", Committee),
            ("agency", Agency),
            ("eu", ExternalBody),
            ("eu-group", Body),
            ("other", Ministry),
            ("other-dir", Directorate),
        ],
        &[
            ("dir", Attachment, "min"),
            ("eu-group", Attachment, "eu"),
            ("other-dir", Attachment, "other"),
            ("dir", Secretariat, "com"),
            ("dir", Cooperation, "agency"),
            ("dir", Cooperation, "eu-group"),
            ("dir", Cooperation, "other-dir"),
        ],
    );
    let mut other = organisation("other");
    other.unit = Some(Spanned::new(Span::default(), UnitId::new("other").unwrap()));
    description.organisations.push(other);
    for (id, unit) in &mut description.units {
        match id.as_str() {
            "min" | "other" => unit.boundary = Some(Boundary::Top),
            "loose" => {
                unit.boundary = Some(Boundary::ParentOutside);
                unit.within = Some(Spanned::new(Span::default(), UnitId::new("min").unwrap()));
            }
            "com" | "eu" => unit.boundary = Some(Boundary::ParentOutside),
            _ => {}
        }
    }
    let g = build(description);
    let options = ChartOptions {
        organisation: Some(OrganisationIndex(0)),
        ..ChartOptions::new(View::Full)
    };
    let c = chart(&g, &options);
    let frame = |names: &[&str]| names.iter().map(|&n| n.to_owned()).collect::<Vec<_>>();
    let eu = format!("cluster_n{}", ix(&g, "eu").index());
    assert_eq!(
        frames_by_unit(&g, &c),
        [
            ("min", frame(&["cluster_0"])),
            ("dir", frame(&["cluster_0"])),
            // Its parent is not described: apart, in its organisation's frame.
            ("loose", frame(&["cluster_0", "cluster_0_unattached"])),
            // A unit of no organisation, and an agency that is its own.
            ("com", frame(&["cluster_partners"])),
            ("agency", frame(&["cluster_partners"])),
            // A unit of an organisation named only, and one of another described one.
            ("eu-group", frame(&[eu.as_str()])),
            ("other-dir", frame(&["cluster_1"])),
        ]
    );
    let dot = to_dot(&g, &c);
    renders(&dot);
    for label in [
        "<B>eu (partner)</B>",
        "<B>other (partner)</B>",
        "<B>Partners</B>",
        "<I>Unattached units</I>",
    ] {
        assert!(dot.contains(label), "{label}: {dot}");
    }
    assert!(!dot.contains("<B>org (partner)</B>"), "{dot}");
    let mermaid = to_mermaid(&g, &c);
    for line in [
        r#"  subgraph o0["org"]"#,
        r#"    subgraph o0u["Unattached units"]"#,
        r#"  subgraph opartners["Partners"]"#,
        r#"  subgraph o1["other (partner)"]"#,
    ] {
        assert!(mermaid.contains(line), "{line}: {mermaid}");
    }
    // In the landscape no organisation is the chart's own: each frame is its organisation's,
    // and the built-in layout heads each block of unattached units with what they are.
    let landscape = chart(&g, &ChartOptions::new(View::Full));
    let dot = to_dot(&g, &landscape);
    renders(&dot);
    assert!(
        dot.contains("<B>other</B>") && !dot.contains("other (partner)"),
        "{dot}"
    );
    let svg = fallback_svg(&g, &landscape);
    assert!(svg.contains("Unattached units"), "{svg}");
    // A chart of other ties only has no hierarchy to be unattached from.
    let cooperation_only = ChartOptions {
        tie_kinds: Some(vec![Cooperation]),
        ..ChartOptions::new(View::Full)
    };
    let frames = chart(&g, &cooperation_only).frames(&g);
    assert!(frames.iter().all(|f| f.unattached.is_empty()));
}
