//! How the vocabulary looks in charts, as plain data: each unit kind and tie kind carries its
//! style beside its meaning (in [`super::UnitKind`] and [`super::TieKind`]), and each renderer
//! (DOT, Mermaid, the built-in layout) maps these values to its own attributes.
//!
//! Colours are `#rrggbb`. The palette is Okabe and Ito's, chosen to stay distinct for the
//! common colour-vision deficiencies: each family of unit kinds has one hue (organisations blue,
//! line units bluish green, posts orange, bodies reddish purple), its kinds lighter or darker
//! tints of it, so that families read as groups at a glance and text stays dark on light fills.
//!
//! Shapes, line styles and arrowheads serialise as kebab-case words (`rounded-box`, `dashed`,
//! `empty-diamond`), which the HTML chart's script reads.

use serde::Serialize;

/// The outline of a unit in a chart. Each family has its own, so families differ by shape as
/// well as by colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Shape {
    /// A box drawn in depth: a whole organisation.
    Box3d,
    /// A box with rounded corners: a line unit.
    RoundedBox,
    /// An ellipse: a post, held by one person.
    Ellipse,
    /// A hexagon: a collegial body.
    Hexagon,
}

/// How a tie's line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineStyle {
    /// A plain line.
    Solid,
    /// A dashed line.
    Dashed,
    /// A dotted line.
    Dotted,
    /// Solid and thicker.
    Bold,
}

/// What a tie's line ends with at its `to` end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Arrowhead {
    /// A plain line, as in a classic org chart.
    None,
    /// A filled triangle.
    Normal,
    /// A hollow triangle.
    Empty,
    /// An open "V".
    Vee,
    /// A filled disc.
    Dot,
    /// A hollow disc.
    EmptyDot,
    /// A hollow diamond.
    EmptyDiamond,
}

/// How a unit of a kind is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnitStyle {
    /// The outline, one a family.
    pub shape: Shape,
    /// The fill colour, `#rrggbb`: a tint of the family's hue.
    pub fill: &'static str,
    /// The outline colour, `#rrggbb`: the family's hue.
    pub stroke: &'static str,
}

/// How a tie of a kind is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TieStyle {
    /// How the line is drawn.
    pub line: LineStyle,
    /// The line colour, `#rrggbb`.
    pub colour: &'static str,
    /// What the line ends with at its `to` end.
    pub arrowhead: Arrowhead,
    /// Whether, drawn together with the hierarchy, the tie sets its two ends on different levels:
    /// the superior above for a hierarchical tie, `from` above `to` for another (a co-steerer
    /// above the body it steers). A cooperation does not, so that it does not bend the hierarchy.
    pub constrains: bool,
}

/// Whether a colour is `#rrggbb`, as every renderer reads it.
#[cfg(test)]
pub(crate) fn is_hex_colour(colour: &str) -> bool {
    colour.len() == 7
        && colour.starts_with('#')
        && colour[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
