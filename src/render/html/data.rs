//! The chart as the data the page's script draws: every unit with its look, card and place in the
//! tree, every tie with its ends, dates and sources, the legend (each kind's label and look) and
//! the page's texts in the chart's language. Built from the chart, [`Look`], the legend's kinds
//! and the proposal's changes ([`Chart::changes`]), so the page shows what every other format
//! shows.
//!
//! Units and ties refer to each other, to organisations and to sources by their position in
//! [`Page::units`], [`Page::organisations`] and [`Page::sources`], and to their kind's label
//! and look in [`Page::legend`]; a field with no value is left out. That keeps a 10,000-unit
//! page at 4.5 MB.

use std::collections::HashMap;

use serde::Serialize;

use super::super::Chart;
use super::super::changes::Change;
use super::super::legend;
use super::super::look::Look;
use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{
    Arrowhead, Border, Citation, FillPattern, Lang, LineStyle, Shape, Status, TieKind, Unit,
    UnitKind,
};
use crate::tr;

/// Everything the page draws, serialised into its `organigram-data` script.
#[derive(Clone, Debug, Serialize)]
pub struct Page {
    /// The chart's heading, as every format writes it ("Org chart — Ministère de la Justice, as
    /// of 2024-01-01").
    pub title: String,
    /// The language of every text: `en` or `fr`.
    pub lang: &'static str,
    /// The view the chart was made for: `org-chart`, `cooperation` or `full`.
    pub view: &'static str,
    /// The texts of the page itself (buttons, headings), in the chart's language.
    pub strings: Strings,
    /// The organisations the chart frames, in declaration order: each is the heading of the
    /// trees of its units.
    pub frames: Vec<Frame>,
    /// The organisations the units belong to ([`PageUnit::organisation`]), each once.
    pub organisations: Vec<Named>,
    /// The units drawn, in declaration order. A head drawn inside its unit's box is no unit of
    /// its own: it is that unit's [`PageUnit::head`].
    pub units: Vec<PageUnit>,
    /// The ties between the units: those the view draws, and those it leaves for the page to show
    /// on demand (the other ties of an org chart) or to lay out by (the hierarchy of a
    /// cooperation map). Both ends of each are in [`Page::units`], and they differ.
    pub ties: Vec<PageTie>,
    /// The documents the units and ties cite, each once.
    pub sources: Vec<PageSource>,
    /// The kinds drawn and how they look, and the changes marked.
    pub legend: Legend,
    /// Whether the page offers its legend ([`Chart::legend`]): the kinds stay in
    /// [`Page::legend`] all the same, where the page reads how units and ties look.
    pub show_legend: bool,
}

/// An organisation framing units: the heading of their trees.
#[derive(Clone, Debug, Serialize)]
pub struct Frame {
    /// Its id (`justice`).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its acronym, if it has one.
    pub acronym: Option<String>,
}

/// A unit of the chart.
#[derive(Clone, Debug, Serialize)]
pub struct PageUnit {
    /// Its id in the description, which the page's elements carry (`data-unit`) and its address
    /// names (`#unit=ID`).
    pub id: String,
    /// Its name, whole.
    pub name: String,
    /// Its acronym, if it has one.
    pub acronym: Option<String>,
    /// Its other names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Its kind, whose label, family and shape are in the legend ([`Legend::units`]).
    pub kind: UnitKind,
    /// How its box looks, as in every format.
    pub look: PageLook,
    /// The post heading it, drawn inside its box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head: Option<Head>,
    /// Its facts for the card, each labelled in the chart's language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    /// The organisation it belongs to, by position in [`Page::organisations`], when it belongs
    /// to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<usize>,
    /// The frame it is drawn in ([`Page::frames`]), when it belongs to an organisation the
    /// chart frames.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<usize>,
    /// Its parent in the tree the page draws: the superior of its first attachment, joint
    /// attachment or head drawn, else of its first line authority (as
    /// [`crate::graph::Hierarchy::parent`] reads a unit's line). Its other hierarchical ties
    /// are drawn to it as well. `None` for the top of a tree, and for one unit of each loop of
    /// bad data, so that the tree is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// The sources of the unit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
    /// How a proposal drawn with the chart touches it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// How a unit's box looks, as every format draws it (its label's lines, its state, its
/// colours), as data; its shape is its kind's, in the legend.
#[derive(Clone, Debug, Serialize)]
pub struct PageLook {
    /// The acronym shown first, when it is not the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// The name in lines of about 26 characters.
    pub name: Vec<String>,
    /// The kind, then the state when it is not plain: "post · vacant".
    pub caption: String,
    /// Whether the caption tells a state worth noticing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub alert: bool,
    /// "↑ parent outside" when its parent lies outside the description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outside: Option<String>,
    /// The head's line, "head: …", in lines.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub head: Vec<String>,
    /// Its fill, `#rrggbb`.
    pub fill: &'static str,
    /// Its outline's colour, `#rrggbb`.
    pub stroke: &'static str,
    /// How its outline is drawn: dashed for a vacant post or a unit being set up.
    pub outline: LineStyle,
}

/// An id and how it reads.
#[derive(Clone, Debug, Serialize)]
pub struct Named {
    /// The id.
    pub id: String,
    /// The label or name, in the chart's language where it has one.
    pub name: String,
}

/// The post heading a unit, drawn inside its box.
#[derive(Clone, Debug, Serialize)]
pub struct Head {
    /// The post's id.
    pub id: String,
    /// The post's name.
    pub name: String,
    /// Whether nobody holds it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub vacant: bool,
    /// The sources of the post.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
}

/// A fact of the card: "remit: …".
#[derive(Clone, Debug, Serialize)]
pub struct Attribute {
    /// Which fact, as descriptions name it (`remit`, `headcount`, `valid_from`).
    pub key: &'static str,
    /// Its label in the chart's language.
    pub label: String,
    /// Its value as text.
    pub value: String,
}

/// A tie between two units of the chart.
#[derive(Clone, Debug, Serialize)]
pub struct PageTie {
    /// Its kind's id (`attachment`, `joint-attachment`, `cooperation`), whose labels, style
    /// and whether it is hierarchical are in the legend ([`Legend::ties`]).
    pub kind: TieKind,
    /// The unit it reads from, by position in [`Page::units`] (drawn ends: a head's is its
    /// unit's box).
    pub from: usize,
    /// The unit it reads to.
    pub to: usize,
    /// Whether it is the tie that puts `from` under its [`PageUnit::parent`] in the tree.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub primary: bool,
    /// The day it started to hold, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// The day it stopped holding, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// What its note says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Its sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Cite>,
    /// How a proposal drawn with the chart touches it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// For a bridge across units the kind filter hides ([`crate::render::Bridge`]), what it
    /// says with their names ("via 1 hidden unit: Directeur des services judiciaires"); its
    /// `kind` is then that of `from`'s own tie up the line. `None` for a tie.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Whether it places `from` under `to`, from its kind: the tree is made of these.
    #[serde(skip)]
    hierarchical: bool,
}

/// How a tie of a kind is drawn, from the vocabulary.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct TieLook {
    /// The line.
    pub line: LineStyle,
    /// Its colour, `#rrggbb`.
    pub colour: &'static str,
    /// What it ends with at its `to` end.
    pub arrowhead: Arrowhead,
}

/// A citation: which source, and what it says.
#[derive(Clone, Debug, Serialize)]
pub struct Cite {
    /// The source's position in [`Page::sources`].
    pub source: usize,
    /// The sentence of the source that states the fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where in the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

/// A document cited.
#[derive(Clone, Debug, Serialize)]
pub struct PageSource {
    /// Its id in the description.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where it can be read online.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Its reference number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// The legend: the kinds the page draws, and the changes it marks. Units and ties name their
/// kind, whose label and look are here.
#[derive(Clone, Debug, Serialize)]
pub struct Legend {
    /// The unit kinds drawn, in the vocabulary's order.
    pub units: Vec<UnitSample>,
    /// The tie kinds of [`Page::ties`], in the vocabulary's order.
    pub ties: Vec<TieSample>,
    /// The changes marked, in [`Change::ALL`] order.
    pub changes: Vec<ChangeSample>,
    /// The colour bridges across hidden units are drawn in, dashed ([`PageTie::via`]).
    pub bridge_colour: &'static str,
}

/// A unit kind in the legend.
#[derive(Clone, Debug, Serialize)]
pub struct UnitSample {
    /// The kind's id.
    pub kind: UnitKind,
    /// Its label in the chart's language.
    pub label: &'static str,
    /// Its family (`organisation`, `line-unit`, `post`, `body`).
    pub family: &'static str,
    /// Its outline.
    pub shape: Shape,
    /// Its border: single, double or bold.
    pub border: Border,
    /// How its fill is laid: plain, or graded to white.
    pub pattern: FillPattern,
    /// Its fill.
    pub fill: &'static str,
    /// Its outline's colour.
    pub stroke: &'static str,
}

/// A tie kind in the legend.
#[derive(Clone, Debug, Serialize)]
pub struct TieSample {
    /// The kind's id.
    pub kind: TieKind,
    /// How it reads from its `from` end, in the chart's language: "is attached to".
    pub label: &'static str,
    /// How it reads from its `to` end: "has attached".
    pub inverse: &'static str,
    /// Whether it places `from` under `to`.
    pub hierarchical: bool,
    /// How it is drawn.
    pub style: TieLook,
}

/// A change in the legend and its panel.
#[derive(Clone, Debug, Serialize)]
pub struct ChangeSample {
    /// Which change.
    pub change: Change,
    /// "added by the proposal", in the chart's language.
    pub label: String,
    /// Its colour, `#rrggbb`.
    pub colour: &'static str,
}

/// The texts of the page, in the chart's language (from the catalogues, `html-*`).
#[derive(Clone, Debug, Serialize)]
pub struct Strings {
    /// The search box's placeholder.
    pub search: String,
    /// The buttons of the toolbar.
    pub expand_all: String,
    /// Folds every unit.
    pub collapse_all: String,
    /// The label of the depth chooser.
    pub depth: String,
    /// The depth chooser's choice of every level.
    pub depth_all: String,
    /// Fits the chart to the window.
    pub fit: String,
    /// Zooms in.
    pub zoom_in: String,
    /// Zooms out.
    pub zoom_out: String,
    /// Downloads the view as SVG.
    pub export_svg: String,
    /// Downloads the view as PNG.
    pub export_png: String,
    /// Shows or hides the legend.
    pub legend: String,
    /// Shows the selected unit's other ties.
    pub show_ties: String,
    /// Shows the list of a proposal's changes.
    pub changes: String,
    /// Closes the card or a panel.
    pub close: String,
    /// Says no unit matches the search.
    pub no_match: String,
    /// Opens a folded unit.
    pub expand: String,
    /// Folds an open unit.
    pub collapse: String,
    /// The mark of a unit with another parent.
    pub other_parent: String,
    /// The heading of units that have no parent and no child in the chart.
    pub unattached: String,
    /// The heading of units outside every organisation the chart frames.
    pub unframed: String,
    /// The card's headings: the head of a unit.
    pub head: String,
    /// The organisation a unit belongs to.
    pub organisation: String,
    /// Other names.
    pub aliases: String,
    /// The units above.
    pub parents: String,
    /// The units below.
    pub children: String,
    /// The other ties, by kind.
    pub partners: String,
    /// The sources.
    pub sources: String,
    /// Said of a head nobody holds.
    pub vacant: String,
    /// What to do with the chart, when nothing is selected.
    pub hint: String,
}

impl Strings {
    fn new(lang: Lang) -> Strings {
        Strings {
            search: tr!(lang, "html-search"),
            expand_all: tr!(lang, "html-expand-all"),
            collapse_all: tr!(lang, "html-collapse-all"),
            depth: tr!(lang, "html-depth"),
            depth_all: tr!(lang, "html-depth-all"),
            fit: tr!(lang, "html-fit"),
            zoom_in: tr!(lang, "html-zoom-in"),
            zoom_out: tr!(lang, "html-zoom-out"),
            export_svg: tr!(lang, "html-export-svg"),
            export_png: tr!(lang, "html-export-png"),
            legend: tr!(lang, "chart-legend"),
            show_ties: tr!(lang, "html-show-ties"),
            changes: tr!(lang, "html-changes"),
            close: tr!(lang, "html-close"),
            no_match: tr!(lang, "html-no-match"),
            expand: tr!(lang, "html-expand"),
            collapse: tr!(lang, "html-collapse"),
            other_parent: tr!(lang, "html-other-parent"),
            unattached: tr!(lang, "html-unattached"),
            unframed: tr!(lang, "html-unframed"),
            head: tr!(lang, "html-head"),
            organisation: tr!(lang, "show-organisation"),
            aliases: tr!(lang, "show-aliases"),
            parents: tr!(lang, "html-parents"),
            children: tr!(lang, "html-children"),
            partners: tr!(lang, "html-partners"),
            sources: tr!(lang, "html-sources"),
            vacant: tr!(lang, "chart-vacant"),
            hint: tr!(lang, "html-hint"),
        }
    }
}

/// The page's data for `chart` of `graph`. Linear in the chart's units and in the ties of its
/// units.
pub fn page(graph: &OrgGraph, chart: &Chart) -> Page {
    let lang = chart.lang;
    let positions = chart.positions();
    let mut sources = Sources::default();
    let mut organisations = Organisations::default();
    let frames_drawn = chart.clusters(graph);
    let frame_of: HashMap<UnitIx, usize> = frames_drawn
        .iter()
        .enumerate()
        .flat_map(|(frame, cluster)| cluster.members.iter().map(move |&(_, ix)| (ix, frame)))
        .collect();
    let frames = frames_drawn
        .iter()
        .map(|cluster| Frame {
            id: cluster.organisation.id.as_str().to_owned(),
            name: cluster.organisation.name.clone(),
            acronym: cluster.organisation.acronym.clone(),
        })
        .collect();
    let tie_ixs = ties(graph, chart, &positions);
    let mut ties: Vec<PageTie> = tie_ixs
        .iter()
        .map(|&(ix, from, to)| {
            let tie = graph.tie(ix);
            let kind = tie.kind.value;
            PageTie {
                kind,
                from,
                to,
                hierarchical: kind.is_hierarchical(),
                primary: false,
                valid_from: tie.valid_from.map(|d| d.to_string()),
                valid_until: tie.valid_until.map(|d| d.to_string()),
                note: tie.note.clone(),
                sources: sources.cite(graph, tie.source.as_ref()),
                change: chart.changes.tie(tie),
                via: None,
            }
        })
        .collect();
    // The bridges put the units under hidden levels in the tree, as the other formats draw them.
    ties.extend(chart.bridges.iter().filter_map(|bridge| {
        let (&from, &to) = (positions.get(&bridge.from)?, positions.get(&bridge.to)?);
        Some(PageTie {
            kind: bridge.kind,
            from,
            to,
            hierarchical: true,
            primary: false,
            valid_from: None,
            valid_until: None,
            note: None,
            sources: Vec::new(),
            change: None,
            via: Some(bridge.tooltip(graph, lang)),
        })
    }));
    let parents = tree(chart.units.len(), &mut ties);
    let units = chart
        .units
        .iter()
        .zip(parents)
        .map(|(&ix, parent)| {
            let unit = graph.unit(ix);
            let look = Look::in_chart(graph, ix, chart);
            let head = chart.heads.of(ix).map(|h| {
                let post = graph.unit(h);
                Head {
                    id: post.id.value.as_str().to_owned(),
                    name: post.name.clone(),
                    vacant: post.is_vacant(),
                    sources: sources.cite(graph, post.source.as_ref()),
                }
            });
            PageUnit {
                id: unit.id.value.as_str().to_owned(),
                name: unit.name.clone(),
                acronym: unit.acronym.clone(),
                aliases: unit.aliases.clone(),
                kind: unit.kind.value,
                change: look.change,
                look: PageLook {
                    acronym: look.acronym,
                    name: look.name,
                    caption: look.caption,
                    alert: look.alert,
                    outside: look.outside,
                    head: look.head,
                    fill: look.fill,
                    stroke: look.stroke,
                    outline: look.outline,
                },
                head,
                attributes: attributes(unit, lang),
                organisation: graph
                    .organisation_name(ix)
                    .map(|o| organisations.at(o.id, o.name)),
                frame: frame_of.get(&ix).copied(),
                parent,
                sources: sources.cite(graph, unit.source.as_ref()),
            }
        })
        .collect();
    let drawn_ties: Vec<TieIx> = tie_ixs.iter().map(|&(ix, _, _)| ix).collect();
    let legend = Legend {
        units: legend::unit_kinds(graph, chart)
            .into_iter()
            .map(|kind| {
                let style = kind.style();
                UnitSample {
                    kind,
                    label: kind.label_in(lang),
                    family: kind.family().as_str(),
                    shape: style.shape,
                    border: style.border,
                    pattern: style.pattern,
                    fill: style.fill,
                    stroke: style.stroke,
                }
            })
            .collect(),
        ties: legend::tie_kinds(graph, &drawn_ties)
            .into_iter()
            .map(|kind| TieSample {
                kind,
                label: kind.verb_in(lang),
                inverse: kind.inverse_verb_in(lang),
                hierarchical: kind.is_hierarchical(),
                style: TieLook::of(kind),
            })
            .collect(),
        changes: chart
            .changes
            .present()
            .into_iter()
            .map(|change| ChangeSample {
                change,
                label: tr!(
                    lang,
                    "chart-by-the-proposal",
                    change = change.label_in(lang)
                ),
                colour: change.colour(),
            })
            .collect(),
        bridge_colour: crate::render::Bridge::COLOUR,
    };
    Page {
        title: chart.title.clone(),
        lang: lang.as_str(),
        view: chart.view.as_str(),
        strings: Strings::new(lang),
        frames,
        organisations: organisations.list,
        units,
        ties,
        sources: sources.list,
        legend,
        show_legend: chart.legend,
    }
}

impl TieLook {
    fn of(kind: TieKind) -> TieLook {
        let style = kind.style();
        TieLook {
            line: style.line,
            colour: style.colour,
            arrowhead: style.arrowhead,
        }
    }
}

/// The ties of the page with the positions of their drawn ends: the chart's, then, in
/// declaration order, those between its units that its view does not draw (the other ties of an
/// org chart, the hierarchy of a cooperation map). A tie between a head and its own unit's box
/// is the box itself, and is left out. Linear in the ties of the chart's units.
fn ties(
    graph: &OrgGraph,
    chart: &Chart,
    positions: &HashMap<UnitIx, usize>,
) -> Vec<(TieIx, usize, usize)> {
    let ends = |ix: TieIx| {
        let (from, to) = chart.ends(graph, ix);
        match (positions.get(&from), positions.get(&to)) {
            (Some(&from), Some(&to)) if from != to => Some((ix, from, to)),
            _ => None,
        }
    };
    let mut ties: Vec<(TieIx, usize, usize)> =
        chart.ties.iter().filter_map(|&ix| ends(ix)).collect();
    let mut others: Vec<TieIx> = chart
        .units
        .iter()
        .flat_map(|&unit| {
            // A head's ties start from its unit's box.
            let head = chart.heads.of(unit);
            graph
                .ties_of(unit)
                .into_iter()
                .chain(head.into_iter().flat_map(|h| graph.ties_of(h)))
        })
        .filter(|view| view.outgoing && !chart.view.shows(view.tie.kind.value))
        .map(|view| view.index)
        .collect();
    // A tie starting from a head of two units is reached from each: keep it once.
    others.sort_unstable();
    others.dedup();
    ties.extend(others.into_iter().filter_map(ends));
    ties
}

/// Each unit's parent in the tree, choosing for each unit among its hierarchical ties (`from`
/// the unit) the first structural one, else the first line authority, and marking it
/// [`PageTie::primary`]. Bad data can make the choices loop; the first unit of each loop in
/// declaration order is then the top of a tree. `O(V + E)`.
fn tree(units: usize, ties: &mut [PageTie]) -> Vec<Option<usize>> {
    let mut chosen: Vec<Option<usize>> = vec![None; units];
    for structural in [true, false] {
        for (i, tie) in ties.iter().enumerate() {
            let wanted = tie.hierarchical
                && (tie.kind.is_structural() || !structural)
                && chosen[tie.from].is_none();
            if wanted {
                chosen[tie.from] = Some(i);
            }
        }
    }
    let parent_of = |chosen: &[Option<usize>], unit: usize| chosen[unit].map(|t| ties[t].to);
    // 0: not seen; 1: on the walk being made; 2: done.
    let mut state = vec![0u8; units];
    let mut walk = Vec::new();
    for start in 0..units {
        let mut at = Some(start);
        while let Some(unit) = at {
            if state[unit] != 0 {
                break;
            }
            state[unit] = 1;
            walk.push(unit);
            at = parent_of(&chosen, unit);
        }
        if let Some(unit) = at
            && state[unit] == 1
        {
            // A loop: the units of the walk from `unit` on.
            let first = walk
                .iter()
                .skip_while(|&&u| u != unit)
                .copied()
                .min()
                .unwrap_or(unit);
            chosen[first] = None;
        }
        for unit in walk.drain(..) {
            state[unit] = 2;
        }
    }
    let parents = (0..units).map(|unit| parent_of(&chosen, unit)).collect();
    for tie in chosen.iter().flatten() {
        ties[*tie].primary = true;
    }
    parents
}

/// The facts of a unit for its card, in the order `show` prints them.
fn attributes(unit: &Unit, lang: Lang) -> Vec<Attribute> {
    let mut facts = Vec::new();
    let mut fact = |key: &'static str, label: String, value: String| {
        facts.push(Attribute { key, label, value });
    };
    let yes = || tr!(lang, "show-yes");
    if unit.status != Status::Active {
        fact(
            "status",
            tr!(lang, "show-status"),
            unit.status.label_in(lang).to_owned(),
        );
    }
    if let Some(from) = unit.valid_from {
        fact("valid_from", tr!(lang, "show-valid-from"), from.to_string());
    }
    if let Some(until) = unit.valid_until {
        fact(
            "valid_until",
            tr!(lang, "show-valid-until"),
            until.to_string(),
        );
    }
    if unit.collective {
        fact(
            "collective",
            tr!(lang, "show-collective"),
            tr!(lang, "show-collective-value"),
        );
    }
    if unit.is_vacant() {
        fact("vacant", tr!(lang, "show-vacant"), yes());
    }
    if let Some(date) = unit.vacancy_date() {
        fact(
            "vacant_from",
            tr!(lang, "show-vacant-from"),
            date.to_string(),
        );
    }
    if unit.is_recruiting() {
        fact("recruiting", tr!(lang, "show-recruiting"), yes());
    }
    if unit.is_newly_created() {
        fact("newly_created", tr!(lang, "show-newly-created"), yes());
    }
    if let Some(months) = unit.term() {
        fact(
            "term_months",
            tr!(lang, "show-term"),
            tr!(lang, "show-term-value", months = months),
        );
    }
    if let Some(grade) = &unit.grade {
        fact("grade", tr!(lang, "show-grade"), grade.clone());
    }
    if let Some(headcount) = &unit.headcount {
        fact(
            "headcount",
            tr!(lang, "show-headcount"),
            headcount.text_in(lang),
        );
    }
    if let Some(remit) = &unit.remit {
        fact("remit", tr!(lang, "show-remit"), remit.clone());
    }
    for role in &unit.roles {
        fact("role", tr!(lang, "show-role"), role.clone());
    }
    if let Some(location) = &unit.location {
        fact("location", tr!(lang, "show-location"), location.clone());
    }
    if let Some(boundary) = unit.boundary {
        fact(
            "boundary",
            tr!(lang, "show-boundary"),
            boundary.label_in(lang).to_owned(),
        );
    }
    if let Some(note) = &unit.note {
        fact("note", tr!(lang, "show-note"), note.clone());
    }
    facts
}

/// The sources cited so far, each once, by position.
#[derive(Default)]
struct Sources {
    list: Vec<PageSource>,
    at: HashMap<String, usize>,
}

impl Sources {
    /// The citation as the page keeps it, its source listed once; nothing when there is none or
    /// its source is not declared.
    fn cite(&mut self, graph: &OrgGraph, citation: Option<&Citation>) -> Vec<Cite> {
        let Some(citation) = citation else {
            return Vec::new();
        };
        let id = citation.source.value.as_str();
        let position = if let Some(&at) = self.at.get(id) {
            at
        } else {
            let Some(source) = graph.source(id) else {
                return Vec::new();
            };
            self.list.push(PageSource {
                id: id.to_owned(),
                title: source.title.clone(),
                url: source.url.clone(),
                publisher: source.publisher.clone(),
                date: source.date.map(|d| d.to_string()),
                reference: source.reference.clone(),
            });
            self.at.insert(id.to_owned(), self.list.len() - 1);
            self.list.len() - 1
        };
        vec![Cite {
            source: position,
            quote: citation.quote.clone(),
            locator: citation.locator.clone(),
        }]
    }
}

/// The organisations the units belong to, each once, by position.
#[derive(Default)]
struct Organisations {
    list: Vec<Named>,
    at: HashMap<String, usize>,
}

impl Organisations {
    /// The position of the organisation `id` named `name`, listed on first sight.
    fn at(&mut self, id: &str, name: &str) -> usize {
        if let Some(&at) = self.at.get(id) {
            return at;
        }
        self.list.push(Named {
            id: id.to_owned(),
            name: name.to_owned(),
        });
        self.at.insert(id.to_owned(), self.list.len() - 1);
        self.list.len() - 1
    }
}
