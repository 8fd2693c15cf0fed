//! Org charts: which units and ties a chart shows ([`chart`]), then the chart as DOT
//! ([`to_dot`]), as Mermaid ([`to_mermaid`]), as an interactive HTML page ([`to_html`]), or as a
//! picture ([`image`]).
//!
//! A [`Chart`] is typed data: the units and ties kept by a [`View`] and the filters of
//! [`ChartOptions`], in declaration order, and the [`Bridge`]s across the levels of the
//! hierarchy the kind filter hides. Every unit is drawn in a frame: its organisation's, with
//! the units the hierarchy drawn leaves unattached in a labelled block of their own, or a
//! partners' frame outside the organisations it does not belong to. Every format draws the
//! same chart with the same style, which comes from the vocabulary
//! ([`crate::model::UnitKind::style`], [`crate::model::TieKind::style`]) and from the look of
//! each unit (its label, and the marks of vacant posts, units being set up and units whose
//! parent lies outside the description).
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
mod link;
mod look;
mod mermaid;
mod page;
mod quote;
mod svg;

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use crate::graph::{Belonging, OrgGraph, TieIx, TieView, UnitIx};
use crate::model::{Date, Lang, OrganisationIndex, TieKind, UnitKind};
use crate::query;
use crate::tr;

pub use changes::{Change, Changes, proposed};
pub use dot::to_dot;
pub use error::RenderError;
pub use html::to_html;
pub use layout::{Image, ImageFormat, Layout, Size, fallback_svg, fit_page, graphviz, image};
pub use link::{LONGEST_BASE, LinkBase, LinkBaseError};
use look::{LONGEST_ACRONYM, LONGEST_NAME, clipped};
pub use mermaid::to_mermaid;
pub use page::{Fit, Page, Paper, READABLE, Turn};

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

    /// Whether ties are laid out left to right rather than top down by default, and all shape
    /// the layout. The cooperation map reads better across: it has no superiors to put on top.
    pub(crate) const fn is_left_to_right(self) -> bool {
        matches!(self, View::Cooperation)
    }

    /// The way the view's charts are drawn unless told otherwise.
    pub const fn direction(self) -> Direction {
        if self.is_left_to_right() {
            Direction::Right
        } else {
            Direction::Down
        }
    }
}

/// The way a chart's ties run: from superiors on top down, or from the left to the right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Direction {
    /// Superiors on top, their units under them: org charts of a few levels.
    Down,
    /// Superiors on the left, their units to the right, a unit's children one under another:
    /// deep, narrow hierarchies, and maps of cooperation.
    Right,
}

impl Direction {
    /// Every direction, in the order they are documented.
    pub const ALL: [Direction; 2] = [Direction::Down, Direction::Right];

    /// The direction's name on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Down => "down",
            Direction::Right => "right",
        }
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
    /// Where each unit links to, its id after this base, so that a published chart points to
    /// each unit's page (SVG, DOT and Mermaid); no links when `None`.
    pub link_base: Option<LinkBase>,
    /// Only this many levels of the hierarchy under the chart's tops (the units with no superior
    /// drawn): 0 draws the tops alone. A unit whose subordinates are cut says how many units are
    /// left out under it ("+12 below").
    pub depth: Option<usize>,
    /// The way the ties run; `None` for the view's own ([`View::direction`]).
    pub direction: Option<Direction>,
    /// The page the picture is fitted to; `None` to draw it at its natural size.
    pub page: Option<Page>,
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
            link_base: None,
            depth: None,
            direction: None,
            page: None,
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
    /// Whether a legend of the unit and tie kinds drawn goes with the chart (DOT, Graphviz
    /// pictures and Mermaid; the built-in layout draws none).
    pub legend: bool,
    /// The language of every text the chart writes.
    pub lang: Lang,
    /// Where each unit links to ([`ChartOptions::link_base`]).
    pub link_base: Option<LinkBase>,
    /// The way the chart's ties run.
    pub direction: Direction,
    /// The units whose subordinates a depth cut leaves out ([`ChartOptions::depth`]), with how
    /// many units are left out under each.
    pub cut: HashMap<UnitIx, usize>,
    /// The page the picture is fitted to, if any (DOT and Graphviz pictures only): as asked
    /// until [`fit_page`] measures the chart and turns the page the way it fits best.
    pub fit: Option<Fit>,
    /// The hierarchical lines drawn across the units the kind filter hides, in the order of
    /// their lower ends in [`Chart::units`]: each ties a drawn unit to its nearest drawn
    /// superior along one line, as `subordinates --unit-kind` lists a unit under its nearest
    /// shown superior.
    pub bridges: Vec<Bridge>,
    /// The organisation the chart is of (`--organisation`), whose frame is the chart's own: the
    /// other organisations it draws are its partners.
    pub organisation: Option<OrganisationIndex>,
}

/// A hierarchical line a chart draws across units it hides: `from` hangs from `to` through
/// units of kinds the chart leaves out (DiP A-JUST from the DSJ, through the DSJ's director
/// post, in a chart without posts). Drawn dashed and grey, saying how many units it crosses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bridge {
    /// The drawn unit at the lower end.
    pub from: UnitIx,
    /// Its nearest drawn superior along this line: a drawn unit's box, or the box a drawn head
    /// sits in.
    pub to: UnitIx,
    /// The hidden units between them, lowest first: at least one, or the line would be a tie.
    pub through: Vec<UnitIx>,
    /// The kind of `from`'s own tie up the line, which says how it hangs from it.
    pub kind: TieKind,
}

impl Bridge {
    /// The colour bridges are drawn in, dashed: a light grey, paler than every tie kind's.
    pub(crate) const COLOUR: &'static str = "#9E9E9E";

    /// What the bridge says on the chart, in `lang`: "via 1 hidden unit".
    pub(crate) fn label(&self, lang: Lang) -> String {
        tr!(lang, "chart-bridge", n = self.through.len())
    }

    /// What it says with the names of the units it crosses, lowest first, for a tooltip: "via 1
    /// hidden unit: Directeur des services judiciaires".
    pub(crate) fn tooltip(&self, graph: &OrgGraph, lang: Lang) -> String {
        let names: Vec<String> = self
            .through
            .iter()
            .map(|&ix| clipped(graph.unit(ix).short_name(), LONGEST_NAME).into_owned())
            .collect();
        tr!(
            lang,
            "chart-bridge-through",
            n = self.through.len(),
            units = names.join(", ")
        )
    }
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

/// What a frame of a chart stands for: the organisation its units belong to, or the partners
/// that belong to none the chart frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// A described organisation, at this position in the description: the chart's own, or (in
    /// the chart of another, `partner`) a partner's.
    Organisation { index: usize, partner: bool },
    /// An organisation the description names without describing ([`Belonging::Named`]), of
    /// which the chart draws more than its own unit: a partner.
    Named(UnitIx),
    /// The other units outside the described organisations: organisations named alone (an
    /// agency that is its own organisation) and units of no organisation.
    Partners,
}

/// A frame of a chart with its units, split into those the chart's hierarchy ties and those it
/// leaves unattached, which are drawn apart, in a compact labelled block.
pub(crate) struct Framed {
    pub frame: Frame,
    /// The frame's label in the chart's language: the organisation's name (and acronym), marked
    /// as a partner's when it is one; "Partners" for [`Frame::Partners`].
    pub label: String,
    /// Units with a drawn hierarchical tie or bridge: their position in [`Chart::units`] and
    /// index.
    pub attached: Vec<(usize, UnitIx)>,
    /// Units with none (their parent is not described, or not drawn), in declaration order. In
    /// a view without the hierarchy every unit counts as attached.
    pub unattached: Vec<(usize, UnitIx)>,
}

impl Framed {
    /// A name for the frame, unique in its chart and made of no text of the description: `3`
    /// for the fourth organisation, `n12` for the organisation that is unit 12, `partners`.
    pub(crate) fn key(&self) -> String {
        match self.frame {
            Frame::Organisation { index, .. } => index.to_string(),
            Frame::Named(unit) => format!("n{}", unit.index()),
            Frame::Partners => "partners".to_owned(),
        }
    }

    /// Whether the unattached units get a labelled block of their own inside the frame: when
    /// the frame holds attached units too (otherwise the frame is that block).
    pub(crate) fn nests_unattached(&self) -> bool {
        !self.attached.is_empty() && !self.unattached.is_empty()
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
    /// Whether the chart's ties run left to right.
    pub(crate) fn is_left_to_right(&self) -> bool {
        self.direction == Direction::Right
    }

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

    /// The units of the chart that belong to no described organisation (a partner, a unit
    /// outside every organisation), with their position: drawn in the partners' frames
    /// ([`Chart::frames`]), outside every organisation's.
    pub(crate) fn unframed(&self, graph: &OrgGraph) -> Vec<(usize, UnitIx)> {
        self.units
            .iter()
            .enumerate()
            .filter(|&(_, &ix)| !matches!(graph.belonging(ix), Belonging::Described(_)))
            .map(|(position, &ix)| (position, ix))
            .collect()
    }

    /// The frames the chart draws, every unit in one: the described organisations it shows
    /// units of ([`Chart::clusters`]), then the partners outside them ([`Chart::unframed`]),
    /// one frame for each named organisation of which more than its own unit is drawn and one
    /// for the rest, each split into attached and unattached units.
    pub(crate) fn frames(&self, graph: &OrgGraph) -> Vec<Framed> {
        let attached = self.attached(graph);
        let split = |frame: Frame, label: String, units: Vec<(usize, UnitIx)>| {
            let (attached, unattached) = units
                .into_iter()
                .partition(|(_, ix)| attached.as_ref().is_none_or(|a| a.contains(ix)));
            Framed {
                frame,
                label,
                attached,
                unattached,
            }
        };
        let lang = self.lang;
        let mut frames: Vec<Framed> = self
            .clusters(graph)
            .into_iter()
            .map(|cluster| {
                let partner = self
                    .organisation
                    .is_some_and(|o| o.0 as usize != cluster.index);
                let organisation = cluster.organisation;
                let mut label = clipped(&organisation.name, LONGEST_NAME).into_owned();
                if let Some(acronym) = &organisation.acronym {
                    label.push_str(&format!(" ({})", clipped(acronym, LONGEST_ACRONYM)));
                }
                if partner {
                    label = tr!(lang, "chart-partner", organisation = label);
                }
                let frame = Frame::Organisation {
                    index: cluster.index,
                    partner,
                };
                split(frame, label, cluster.members)
            })
            .collect();
        // Partners, grouped by the organisation they belong to.
        let mut named: IndexMap<UnitIx, Vec<(usize, UnitIx)>> = IndexMap::new();
        let mut rest = Vec::new();
        for (position, ix) in self.unframed(graph) {
            match graph.belonging(ix) {
                Belonging::Named(organisation) => {
                    named.entry(organisation).or_default().push((position, ix));
                }
                Belonging::Described(_) | Belonging::Outside => rest.push((position, ix)),
            }
        }
        for (organisation, units) in named {
            if matches!(units.as_slice(), [(_, only)] if *only == organisation) {
                rest.extend(units);
            } else {
                let name = clipped(graph.unit(organisation).short_name(), LONGEST_NAME);
                let label = tr!(lang, "chart-partner", organisation = name.into_owned());
                frames.push(split(Frame::Named(organisation), label, units));
            }
        }
        if !rest.is_empty() {
            rest.sort_unstable();
            frames.push(split(Frame::Partners, tr!(lang, "chart-partners"), rest));
        }
        frames
    }

    /// The units a drawn hierarchical tie or bridge touches, or `None` in a chart without the
    /// hierarchy (its view does not draw it, or it draws ties of other kinds only), where no
    /// unit is told apart as unattached.
    fn attached(&self, graph: &OrgGraph) -> Option<HashSet<UnitIx>> {
        let hierarchical = |ix: &TieIx| graph.tie(*ix).kind.value.is_hierarchical();
        let view_draws_it = TieKind::ALL
            .iter()
            .any(|&kind| kind.is_hierarchical() && self.view.shows(kind));
        let other_ties_only = !self.ties.is_empty() && !self.ties.iter().any(hierarchical);
        if !view_draws_it || other_ties_only {
            return None;
        }
        let mut attached: HashSet<UnitIx> = self
            .ties
            .iter()
            .filter(|ix| hierarchical(ix))
            .flat_map(|&ix| {
                let (from, to) = self.ends(graph, ix);
                [from, to]
            })
            .collect();
        attached.extend(self.bridges.iter().flat_map(|b| [b.from, b.to]));
        Some(attached)
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
    let in_scope = |ix: UnitIx| wanted.as_ref().is_none_or(|w| w.contains(&ix));
    let of_a_kind_drawn = |ix: UnitIx| {
        options
            .unit_kinds
            .as_ref()
            .is_none_or(|k| k.contains(&graph.unit(ix).kind.value))
    };
    let candidate = |ix: UnitIx| in_scope(ix) && of_a_kind_drawn(ix);
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
        link_base: options.link_base.clone(),
        direction: options.direction.unwrap_or(options.view.direction()),
        cut: HashMap::new(),
        fit: options.page.map(Page::unmeasured),
        bridges: Vec::new(),
        organisation: options.organisation,
    };
    // A tie between a head and its own unit's box (its head tie) is the box itself, a line
    // authority to the head of a post's unit says what the head drawn inside the box says, and
    // a head's tie of the same kind as its unit's to the same unit says it twice (the same
    // line twice, which Graphviz 2.43 also fails on when it does not constrain the layout).
    let ties = std::mem::take(&mut chart.ties);
    let structural: HashSet<(UnitIx, UnitIx)> = ties
        .iter()
        .filter(|&&ix| graph.tie(ix).kind.value.is_structural())
        .map(|&ix| chart.ends(graph, ix))
        .collect();
    let folded = |ix: TieIx| graph.ends(ix) != chart.ends(graph, ix);
    let mut drawn_once: HashSet<(TieKind, UnitIx, UnitIx)> = ties
        .iter()
        .filter(|&&ix| !folded(ix))
        .map(|&ix| {
            let (from, to) = chart.ends(graph, ix);
            (graph.tie(ix).kind.value, from, to)
        })
        .collect();
    chart.ties = ties
        .iter()
        .copied()
        .filter(|&ix| {
            if !folded(ix) {
                return true;
            }
            let (from, to) = chart.ends(graph, ix);
            let kind = graph.tie(ix).kind.value;
            let into_own_box = from == to;
            let said_by_the_box =
                kind == TieKind::LineAuthority && structural.contains(&(from, to));
            !into_own_box && !said_by_the_box && drawn_once.insert((kind, from, to))
        })
        .collect();
    // The kind filter hides levels of the hierarchy, which the rest of the chart's filters
    // keep; the lines through them are bridged. Without it, nothing is hidden between two
    // drawn units.
    if options.unit_kinds.is_some() {
        chart.bridges = bridges(
            graph,
            &chart,
            |ix| in_scope(ix) && !of_a_kind_drawn(ix),
            drawn_tie,
        );
    }
    if let Some(depth) = options.depth {
        cut(graph, &mut chart, depth);
    }
    chart
}

/// Cuts `chart` to `depth` levels of its hierarchy under its tops: the units drawn with no
/// superior drawn, each on level 0, and every other unit one level under its nearest superior
/// (by a tie or a bridge).
/// The units past `depth` are left out with their ties, and each unit on the last level kept
/// records how many units are left out under it. Units no top reaches (a cycle in a broken
/// description) are kept. `O(V + E)` of the chart, and the count of each cut unit what lies
/// under it.
fn cut(graph: &OrgGraph, chart: &mut Chart, depth: usize) {
    let hierarchical = |ix: &TieIx| graph.tie(*ix).kind.value.is_hierarchical();
    let mut below: HashMap<UnitIx, Vec<UnitIx>> = HashMap::new();
    let mut has_superior: HashSet<UnitIx> = HashSet::new();
    let lines = chart
        .ties
        .iter()
        .filter(|ix| hierarchical(ix))
        .map(|&ix| chart.ends(graph, ix))
        .chain(chart.bridges.iter().map(|bridge| (bridge.from, bridge.to)));
    for (from, to) in lines {
        if from != to {
            below.entry(to).or_default().push(from);
            has_superior.insert(from);
        }
    }
    let level = arrange::levels(&chart.units, &below, &has_superior, |_| 0);
    let kept = |unit: &UnitIx| level.get(unit).is_none_or(|&l| l <= depth);
    for &unit in chart.units.iter().filter(|u| level.get(u) == Some(&depth)) {
        let mut seen: HashSet<UnitIx> = HashSet::new();
        let mut stack: Vec<UnitIx> = below.get(&unit).cloned().unwrap_or_default();
        while let Some(sub) = stack.pop() {
            if !kept(&sub) && seen.insert(sub) {
                stack.extend(below.get(&sub).into_iter().flatten());
            }
        }
        if !seen.is_empty() {
            chart.cut.insert(unit, seen.len());
        }
    }
    chart.units.retain(kept);
    let ties = std::mem::take(&mut chart.ties);
    chart.ties = ties
        .into_iter()
        .filter(|&ix| {
            let (from, to) = chart.ends(graph, ix);
            kept(&from) && kept(&to)
        })
        .collect();
    chart
        .bridges
        .retain(|bridge| kept(&bridge.from) && kept(&bridge.to));
}

/// The bridges of a chart across the units `hidden` accepts: up each hierarchical line from
/// each drawn unit, over the tie kinds `drawn_tie` accepts, through hidden units to the
/// nearest drawn superior ([`crate::graph::Hierarchy::nearest_up`], the walk
/// `subordinates --unit-kind` lists units by). A line that reaches no drawn unit, or one the
/// unit is tied to already, is not bridged; nor is a superior that is also the direct superior
/// of another of the unit's superiors, which already says where the unit stands.
///
/// `O(d · h)` for `d` drawn units and `h` hidden units above each, at most.
fn bridges(
    graph: &OrgGraph,
    chart: &Chart,
    hidden: impl Fn(UnitIx) -> bool,
    drawn_tie: impl Fn(TieIx) -> bool,
) -> Vec<Bridge> {
    let positions = chart.positions();
    // Each drawn unit's direct superiors, by drawn ties then by bridges.
    let mut above: HashMap<UnitIx, Vec<UnitIx>> = HashMap::new();
    for &ix in &chart.ties {
        if graph.tie(ix).kind.value.is_hierarchical() {
            let (from, to) = chart.ends(graph, ix);
            above.entry(from).or_default().push(to);
        }
    }
    let mut bridges = Vec::new();
    for &unit in &chart.units {
        let ways = graph
            .hierarchy()
            .nearest_up(unit, &hidden, |link| drawn_tie(link.index));
        for way in ways {
            let (Some(first), Some(last)) = (way.first(), way.last()) else {
                continue;
            };
            let to = chart.drawn_as(last.to);
            let superiors = above.entry(unit).or_default();
            if way.len() < 2
                || !positions.contains_key(&last.to)
                || to == unit
                || superiors.contains(&to)
            {
                continue;
            }
            superiors.push(to);
            bridges.push(Bridge {
                from: unit,
                to,
                through: way.iter().skip(1).map(|link| link.from).collect(),
                kind: first.kind(),
            });
        }
    }
    bridges.retain(|bridge| {
        let superiors = above.get(&bridge.from).map_or(&[][..], Vec::as_slice);
        !superiors.iter().any(|&other| {
            other != bridge.to
                && above
                    .get(&other)
                    .is_some_and(|theirs| theirs.contains(&bridge.to))
        })
    });
    bridges
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
