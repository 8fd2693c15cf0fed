//! How the vocabulary looks in charts, as plain data: each unit kind and tie kind carries its
//! style beside its meaning (in [`super::UnitKind`] and [`super::TieKind`]), and each renderer
//! (DOT, Mermaid, the built-in layout) maps these values to its own attributes.
//!
//! Colours are `#rrggbb`. Colour says the family, marks say the kind: each family of unit kinds
//! has one hue from Okabe and Ito's palette (organisations blue, line units bluish green, posts
//! orange, bodies reddish purple), as the outline of its units and as one light fill that stays
//! dark text's background, and the kinds of a family differ by their shape, their border (single,
//! double, bold) and their fill (plain or graded to white), which read without colour and print
//! in grey. The palette is checked for colour-vision deficiencies by the tests of
//! `model/palette.rs`: fills of different families differ by a CIEDE2000 ΔE of 10 or more in
//! normal vision and in simulated protanopia, deuteranopia and tritanopia, and text on every fill
//! has a WCAG contrast of 4.5:1 or more.
//!
//! Shapes, borders, fill patterns, line styles and arrowheads serialise as kebab-case words
//! (`rounded-box`, `double`, `graded`, `dashed`, `empty-diamond`), which the HTML chart's script
//! reads.

use serde::Serialize;

/// The colour of the text of units, dark on every fill.
pub const TEXT_COLOUR: &str = "#1A1A1A";

/// The colour of the smaller, secondary text of units (their kind) and of frames: lighter than
/// [`TEXT_COLOUR`], still 4.5:1 or more on every fill.
pub const MUTED_COLOUR: &str = "#444444";

/// The outline of a unit in a chart. Families have their own shapes, so that they differ by
/// shape as well as by colour; line units have three, for the line, groupings and teams.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Shape {
    /// A box drawn in depth: a whole organisation.
    Box3d,
    /// A box with rounded corners: a line unit of the line (directorate, sub-directorate…).
    RoundedBox,
    /// A box with square corners: a line unit that groups or carries a remit (bureau,
    /// department, mission, programme…).
    Box,
    /// A box with a tab on its top, as a folder: a team or a lab.
    Tab,
    /// An ellipse: a post, held by one person.
    Ellipse,
    /// A hexagon: a collegial body.
    Hexagon,
}

/// The border of a unit: with the shape and the fill pattern, what tells the kinds of a family
/// apart without colour. Dashed and dotted borders are not among them: they mark a unit's state
/// (vacant, being set up, dissolved).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Border {
    /// One thin line.
    Single,
    /// Two thin lines, one inside the other.
    Double,
    /// One thick line.
    Bold,
}

/// How a unit's shape is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FillPattern {
    /// The fill colour all over.
    Plain,
    /// The fill colour at the top, fading to white at the bottom.
    Graded,
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

/// How a unit of a kind is drawn: the family's colours, and the kind's marks. No two kinds of a
/// family have the same shape, border and fill pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnitStyle {
    /// The outline's shape, one of the family's.
    pub shape: Shape,
    /// The fill colour, `#rrggbb`: the family's light tint.
    pub fill: &'static str,
    /// The outline colour, `#rrggbb`: the family's hue.
    pub stroke: &'static str,
    /// The border: single, double or bold.
    pub border: Border,
    /// The fill: plain, or graded to white.
    pub pattern: FillPattern,
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
