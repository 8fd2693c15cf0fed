//! Org charts: which units and ties a chart shows ([`chart`]), then the chart as DOT
//! ([`to_dot`]), as Mermaid ([`to_mermaid`]), as an interactive HTML page ([`to_html`]), or as a
//! picture ([`image`]).
//!
//! A [`Chart`] is typed data: the units and ties kept by a [`View`] and the filters of
//! [`ChartOptions`], in declaration order. Every format draws the same chart with the same
//! style, which comes from the vocabulary ([`crate::model::UnitKind::style`],
//! [`crate::model::TieKind::style`]) and from the look of each unit (its label, and the marks of
//! vacant posts, units being set up and units whose parent lies outside the description).
//!
//! ```
//! use organigram::Loader;
//! use organigram::render::{chart, to_dot, ChartOptions, View};
//!
//! let workspace = Loader::new().builtin().load().unwrap();
//! let graph = workspace.graph();
//! let dsj = organigram::query::resolve(graph, "DSJ").unwrap();
//! let options = ChartOptions { root: Some(dsj), ..ChartOptions::new(View::OrgChart) };
//! let dot = to_dot(graph, &chart(graph, &options));
//! assert!(dot.starts_with("digraph \"organigram\" {"));
//! ```

mod arrange;
mod changes;
mod dot;
mod error;
pub mod html;
mod layout;
mod legend;
mod look;
mod mermaid;
mod quote;

use std::collections::{HashMap, HashSet};

use crate::graph::{Belonging, OrgGraph, TieIx, TieView, UnitIx};
use crate::model::{Date, Lang, OrganisationIndex, TieKind, UnitKind};
use crate::query;
use crate::tr;

pub use changes::{Change, Changes, proposed};
pub use dot::to_dot;
pub use error::RenderError;
pub use html::to_html;
pub use layout::{Image, ImageFormat, Layout, Size, fallback_svg, graphviz, image};
use look::{LONGEST_NAME, clipped};
pub use mermaid::to_mermaid;

/// Which ties a chart draws, and how it is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum View {
    /// The hierarchy (attachment, line authority, joint attachment), superiors above, one
    /// cluster per organisation. Every unit is drawn, tied or not.
    #[default]
    OrgChart,
    /// Every tie outside the hierarchy (cooperation, steering, secretariat…), left to right;
    /// only the units these ties join are drawn.
    Cooperation,
    /// Every tie: the hierarchy shapes the layout, the other ties are drawn over it.
    Full,
}

crate::model::display_as_name!(View);

impl View {
    /// Every view, in the order they are documented.
    pub const ALL: [View; 3] = [View::OrgChart, View::Cooperation, View::Full];

    /// The view's name on the command line and in file names.
    pub const fn as_str(self) -> &'static str {
        match self {
            View::OrgChart => "org-chart",
            View::Cooperation => "cooperation",
            View::Full => "full",
        }
    }

    /// What the view draws, in a line (for the command line's help).
    pub const fn description(self) -> &'static str {
        match self {
            View::OrgChart => "the hierarchy, superiors above, one cluster per organisation",
            View::Cooperation => "the ties outside the hierarchy: cooperation, steering, bodies…",
            View::Full => "every tie, laid out by the hierarchy",
        }
    }

    /// The view's title in `lang`, at the top of a chart.
    fn title(self, lang: Lang) -> String {
        match self {
            View::OrgChart => tr!(lang, "chart-org-chart"),
            View::Cooperation => tr!(lang, "chart-cooperation"),
            View::Full => tr!(lang, "chart-landscape"),
        }
    }

    /// Whether the view draws ties of this kind.
    pub const fn shows(self, kind: TieKind) -> bool {
        match self {
            View::OrgChart => kind.is_hierarchical(),
            View::Cooperation => !kind.is_hierarchical(),
            View::Full => true,
        }
    }

    /// Whether the view draws a unit none of whose ties it draws.
    const fn draws_untied_units(self) -> bool {
        !matches!(self, View::Cooperation)
    }

    /// Whether ties are laid out left to right rather than top down. The cooperation map reads
    /// better across: it has no superiors to put on top.
    pub(crate) const fn is_left_to_right(self) -> bool {
        matches!(self, View::Cooperation)
    }
}

/// A neighbourhood to draw: the units within `radius` ties of `unit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    /// The unit at the centre of the chart.
    pub unit: UnitIx,
    /// How many ties away from it a unit may be and still be drawn, over the ties the view
    /// draws, either way round: 1 draws its direct neighbours.
    pub radius: usize,
}

/// What a chart shows. Each filter narrows the view; a tie is drawn when the view and the tie
/// filter keep it and both its ends are drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartOptions {
    /// Which ties are drawn, and how the chart is laid out.
    pub view: View,
    /// Only this unit, the units under it, and the units they are tied to by the view's other
    /// ties (their partners, drawn without their own hierarchy).
    pub root: Option<UnitIx>,
    /// Only the units within a number of the view's ties of a unit, walked either way.
    pub focus: Option<Focus>,
    /// Only the units that belong to this organisation ([`OrgGraph::belonging`]), and the units
    /// they are tied to by the view's ties (their partners, drawn outside its frame).
    pub organisation: Option<OrganisationIndex>,
    /// Only units of these kinds.
    pub unit_kinds: Option<Vec<UnitKind>>,
    /// Only ties of these kinds (among those the view draws).
    pub tie_kinds: Option<Vec<TieKind>>,
    /// Draw a legend of the unit and tie kinds the chart shows.
    pub legend: bool,
    /// The language of every text the chart writes: title, kinds, states, legend.
    pub lang: Lang,
    /// The day the structure drawn is as of, for the title to say: set when the day was asked
    /// for, left out for today's structure.
    pub as_of: Option<Date>,
}

impl ChartOptions {
    /// The whole view, with its legend.
    pub fn new(view: View) -> ChartOptions {
        ChartOptions {
            view,
            root: None,
            focus: None,
            organisation: None,
            unit_kinds: None,
            tie_kinds: None,
            legend: true,
            lang: Lang::En,
            as_of: None,
        }
    }

    /// The tie kinds the chart may draw: the view's, narrowed by the tie filter.
    fn tie_kinds(&self) -> Vec<TieKind> {
        TieKind::ALL
            .iter()
            .copied()
            .filter(|&kind| self.view.shows(kind))
            .filter(|kind| self.tie_kinds.as_ref().is_none_or(|k| k.contains(kind)))
            .collect()
    }
}

/// A chart: what to draw, before any format is chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// The view the chart was made for: which ties it draws, and how it is laid out.
    pub view: View,
    /// What the chart shows, for its heading: "Org chart — Ministère de la Justice".
    pub title: String,
    /// The units drawn, in declaration order.
    pub units: Vec<UnitIx>,
    /// The ties drawn, in declaration order; both ends of each are drawn ([`Chart::ends`]).
    pub ties: Vec<TieIx>,
    /// The heads drawn inside the box of the unit they head: a head is no node of its own, and
    /// its ties start from its unit's box.
    pub heads: HeadsInside,
    /// What a proposal drawn with the chart adds, removes, moves and changes; empty otherwise.
    pub changes: Changes,
    /// Whether a legend of the unit and tie kinds drawn goes with the chart (DOT and Graphviz
    /// pictures only: Mermaid and the built-in layout draw none).
    pub legend: bool,
    /// The language of every text the chart writes.
    pub lang: Lang,
}

/// The heads a chart draws inside the box of the unit they head, both ways round.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeadsInside {
    by_unit: HashMap<UnitIx, UnitIx>,
    by_head: HashMap<UnitIx, UnitIx>,
}

impl HeadsInside {
    fn insert(&mut self, unit: UnitIx, head: UnitIx) {
        self.by_unit.insert(unit, head);
        self.by_head.insert(head, unit);
    }

    /// The head drawn inside `unit`'s box, if any.
    pub fn of(&self, unit: UnitIx) -> Option<UnitIx> {
        self.by_unit.get(&unit).copied()
    }

    /// The unit whose box `head` is drawn inside, if any.
    pub fn box_of(&self, head: UnitIx) -> Option<UnitIx> {
        self.by_head.get(&head).copied()
    }
}

/// The units of a chart that belong to one organisation, drawn as one cluster.
pub(crate) struct Cluster<'g> {
    /// The organisation's position in the description.
    pub index: usize,
    pub organisation: &'g crate::model::Organisation,
    /// Its units: their position in [`Chart::units`] (which names their node) and index.
    pub members: Vec<(usize, UnitIx)>,
}

impl Chart {
    /// Each unit's position in [`Chart::units`], which every format uses to name its node; a
    /// head drawn inside its unit's box has that unit's position.
    pub(crate) fn positions(&self) -> HashMap<UnitIx, usize> {
        let mut positions: HashMap<UnitIx, usize> = self
            .units
            .iter()
            .enumerate()
            .map(|(i, &ix)| (ix, i))
            .collect();
        for (head, unit) in &self.heads.by_head {
            if let Some(&at) = positions.get(unit) {
                positions.insert(*head, at);
            }
        }
        positions
    }

    /// The unit drawn for `ix`: the unit it heads when it is drawn inside that unit's box, else
    /// itself.
    fn drawn_as(&self, ix: UnitIx) -> UnitIx {
        self.heads.box_of(ix).unwrap_or(ix)
    }

    /// The two ends of a drawn tie as drawn: a head's end is its unit's box.
    pub fn ends(&self, graph: &OrgGraph, tie: TieIx) -> (UnitIx, UnitIx) {
        let (from, to) = graph.ends(tie);
        (self.drawn_as(from), self.drawn_as(to))
    }

    /// The units of the chart that belong to no organisation it frames (a partner, a unit outside
    /// every organisation), with their position: drawn outside every frame.
    pub(crate) fn unframed(&self, graph: &OrgGraph) -> Vec<(usize, UnitIx)> {
        self.units
            .iter()
            .enumerate()
            .filter(|&(_, &ix)| !matches!(graph.belonging(ix), Belonging::Described(_)))
            .map(|(position, &ix)| (position, ix))
            .collect()
    }

    /// The organisations the chart shows units of, in declaration order, with their units: the
    /// units that belong to each, by their line.
    pub(crate) fn clusters<'g>(&self, graph: &'g OrgGraph) -> Vec<Cluster<'g>> {
        let mut members: Vec<Vec<(usize, UnitIx)>> = vec![Vec::new(); graph.organisations().len()];
        for (position, &ix) in self.units.iter().enumerate() {
            if let Belonging::Described(o) = graph.belonging(ix)
                && let Some(list) = members.get_mut(o.0 as usize)
            {
                list.push((position, ix));
            }
        }
        graph
            .organisations()
            .iter()
            .zip(members)
            .enumerate()
            .filter(|(_, (_, members))| !members.is_empty())
            .map(|(index, (organisation, members))| Cluster {
                index,
                organisation,
                members,
            })
            .collect()
    }
}

/// The chart of `graph` that `options` ask for.
///
/// `O(V + E)`: one pass over the units and one over the ties, after the subtree or the
/// neighbourhood asked for (each linear in what it reaches).
pub fn chart(graph: &OrgGraph, options: &ChartOptions) -> Chart {
    let kinds = options.tie_kinds();
    let drawn_tie = |ix: TieIx| kinds.contains(&graph.tie(ix).kind.value);
    // Units and the units their drawn ties reach, the ties `reaching` lets through.
    let with_partners = |mut units: HashSet<UnitIx>, reaching: &dyn Fn(&TieView<'_>) -> bool| {
        let partners: Vec<UnitIx> = units
            .iter()
            .flat_map(|&unit| graph.ties_of(unit))
            .filter(|view| drawn_tie(view.index) && reaching(view))
            .map(|view| view.other)
            .collect();
        units.extend(partners);
        units
    };
    // Each filter narrows what the filters before it keep.
    let narrowed = |wanted: Option<HashSet<UnitIx>>, these: HashSet<UnitIx>| match wanted {
        Some(wanted) => wanted.intersection(&these).copied().collect(),
        None => these,
    };
    let mut wanted: Option<HashSet<UnitIx>> = None;
    if let Some(root) = options.root {
        let mut subtree: HashSet<UnitIx> =
            graph.hierarchy().descendants(root).into_iter().collect();
        subtree.insert(root);
        wanted = Some(with_partners(subtree, &|view| {
            !view.tie.kind.is_hierarchical()
        }));
    }
    if let Some(focus) = options.focus {
        let around: HashSet<UnitIx> = query::neighbourhood(graph, focus.unit, focus.radius, &kinds)
            .into_keys()
            .collect();
        wanted = Some(narrowed(wanted, around));
    }
    if let Some(organisation) = options.organisation {
        let members: HashSet<UnitIx> = graph
            .units()
            .map(|(ix, _)| ix)
            .filter(|&ix| graph.belonging(ix) == Belonging::Described(organisation))
            .collect();
        wanted = Some(narrowed(wanted, with_partners(members, &|_| true)));
    }
    let candidate = |ix: UnitIx| {
        let unit = graph.unit(ix);
        wanted.as_ref().is_none_or(|w| w.contains(&ix))
            && options
                .unit_kinds
                .as_ref()
                .is_none_or(|k| k.contains(&unit.kind.value))
    };
    let ties: Vec<TieIx> = graph
        .ties()
        .map(|(ix, _)| ix)
        .filter(|&ix| {
            let (from, to) = graph.ends(ix);
            drawn_tie(ix) && candidate(from) && candidate(to)
        })
        .collect();
    let tied_units: HashSet<UnitIx> = ties
        .iter()
        .flat_map(|&ix| {
            let (from, to) = graph.ends(ix);
            [from, to]
        })
        .collect();
    let mut units: Vec<UnitIx> = graph
        .units()
        .map(|(ix, _)| ix)
        .filter(|&ix| {
            candidate(ix)
                && (options.view.draws_untied_units()
                    || tied_units.contains(&ix)
                    || options.root == Some(ix)
                    || options.focus.is_some_and(|f| f.unit == ix))
        })
        .collect();
    let drawn: HashSet<UnitIx> = units.iter().copied().collect();
    // A head drawn with its unit goes inside the unit's box, unless it heads two drawn units.
    let mut heads = HeadsInside::default();
    for &unit in &units {
        if let Some(head) = graph.heads().head(unit)
            && drawn.contains(&head)
            && options.root != Some(head)
            && options.focus.is_none_or(|f| f.unit != head)
            && graph
                .heads()
                .headed_by(head)
                .iter()
                .filter(|u| drawn.contains(u))
                .count()
                == 1
        {
            heads.insert(unit, head);
        }
    }
    units.retain(|&ix| heads.box_of(ix).is_none());
    let mut chart = Chart {
        view: options.view,
        title: title(graph, options),
        units,
        ties,
        heads,
        changes: Changes::default(),
        legend: options.legend,
        lang: options.lang,
    };
    // A tie between a head and its own unit's box (its head tie) is the box itself, and a line
    // authority to the head of a post's unit says what the head drawn inside the box says.
    let ties = std::mem::take(&mut chart.ties);
    let structural: HashSet<(UnitIx, UnitIx)> = ties
        .iter()
        .filter(|&&ix| graph.tie(ix).kind.value.is_structural())
        .map(|&ix| chart.ends(graph, ix))
        .collect();
    chart.ties = ties
        .into_iter()
        .filter(|&ix| {
            let (from, to) = chart.ends(graph, ix);
            let folded = graph.ends(ix) != (from, to);
            let into_own_box = from == to && folded;
            let said_by_the_box = folded
                && graph.tie(ix).kind.value == TieKind::LineAuthority
                && structural.contains(&(from, to));
            !into_own_box && !said_by_the_box
        })
        .collect();
    chart
}

/// The standard charts of a description, each with the name of its files: an org chart per
/// organisation that is a unit (`org-chart-ID`, in declaration order; a file of partners frames
/// nothing), the cooperation map (`cooperation`) and the whole landscape (`landscape`).
/// Organisation ids are slugs, so the names are plain file names.
pub fn standard_charts(graph: &OrgGraph) -> Vec<(String, ChartOptions)> {
    let mut charts: Vec<(String, ChartOptions)> = graph
        .organisations()
        .iter()
        .enumerate()
        .filter_map(|(i, organisation)| {
            let index = OrganisationIndex(u32::try_from(i).ok()?);
            graph.organisation_unit(index)?;
            let options = ChartOptions {
                organisation: Some(index),
                ..ChartOptions::new(View::OrgChart)
            };
            Some((format!("org-chart-{}", organisation.id.as_str()), options))
        })
        .collect();
    charts.push((
        "cooperation".to_owned(),
        ChartOptions::new(View::Cooperation),
    ));
    charts.push(("landscape".to_owned(), ChartOptions::new(View::Full)));
    charts
}

/// The chart's heading: "Org chart — Ministère de la Justice", "Cooperation map — around DINUM
/// (2 ties)".
fn title(graph: &OrgGraph, options: &ChartOptions) -> String {
    let mut parts = Vec::new();
    if let Some(organisation) = options.organisation
        && let Some(o) = graph.organisations().get(organisation.0 as usize)
    {
        parts.push(clipped(&o.name, LONGEST_NAME).into_owned());
    }
    let lang = options.lang;
    let name = |unit: UnitIx| clipped(graph.unit(unit).short_name(), LONGEST_NAME).into_owned();
    if let Some(root) = options.root {
        parts.push(tr!(lang, "chart-under", unit = name(root)));
    }
    if let Some(focus) = options.focus {
        parts.push(tr!(
            lang,
            "chart-around",
            unit = name(focus.unit),
            radius = focus.radius
        ));
    }
    if let Some(day) = options.as_of {
        parts.push(tr!(lang, "chart-as-of", day = day.to_string()));
    }
    if parts.is_empty() {
        options.view.title(lang)
    } else {
        format!("{} — {}", options.view.title(lang), parts.join(", "))
    }
}

#[cfg(test)]
mod tests;
