//! Pages a chart is fitted to, and when a chart fitted to one stays readable.
//!
//! A chart fits a page when Graphviz scales it down (or up) to the page, less a margin, keeping
//! its proportions. It stays **readable** when that scale is at least [`READABLE`]: the 10 pt
//! text of unit names then prints at 6 pt or more (the 8 pt captions at 4.8 pt), the smallest a
//! printed org chart is read at without a magnifier.

/// The smallest scale at which a chart fitted to a page stays readable: unit names, set at
/// 10 pt, print at 6 pt.
pub const READABLE: f64 = 0.6;

/// The white margin left around a chart on every page, in points (a quarter of an inch).
const MARGIN: f64 = 18.;

/// Points per inch, Graphviz's unit of sizes.
const POINTS: f64 = 72.;

/// A sheet or screen a chart is fitted to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Paper {
    /// ISO A4, 210 x 297 mm (595 x 842 pt).
    A4,
    /// ISO A3, 297 x 420 mm (842 x 1191 pt).
    A3,
    /// A 16:9 slide, as presentation programs make them: 13.33 x 7.5 in (960 x 540 pt), always
    /// landscape.
    Slide,
}

/// Which way up a page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Turn {
    /// Taller than wide.
    Portrait,
    /// Wider than tall.
    Landscape,
}

/// A page to fit a chart to: a paper, turned one way, or either way (`turn: None`), whichever
/// lets the chart be drawn larger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Page {
    /// The sheet or screen.
    pub paper: Paper,
    /// Which way up; `None` for whichever gives the chart the larger scale.
    pub turn: Option<Turn>,
}

impl Page {
    /// Every page the command line offers, by name: each paper either way up, then turned
    /// each way (a slide is landscape only).
    pub const ALL: [(&'static str, Page); 7] = [
        ("a4", Page::either(Paper::A4)),
        ("a4-portrait", Page::turned(Paper::A4, Turn::Portrait)),
        ("a4-landscape", Page::turned(Paper::A4, Turn::Landscape)),
        ("a3", Page::either(Paper::A3)),
        ("a3-portrait", Page::turned(Paper::A3, Turn::Portrait)),
        ("a3-landscape", Page::turned(Paper::A3, Turn::Landscape)),
        ("16:9", Page::turned(Paper::Slide, Turn::Landscape)),
    ];

    const fn either(paper: Paper) -> Page {
        Page { paper, turn: None }
    }

    const fn turned(paper: Paper, turn: Turn) -> Page {
        Page {
            paper,
            turn: Some(turn),
        }
    }

    /// The turns the page may take, the one to prefer on a tie first.
    fn turns(self) -> &'static [Turn] {
        match (self.paper, self.turn) {
            (Paper::Slide, _) | (_, Some(Turn::Landscape)) => &[Turn::Landscape],
            (_, Some(Turn::Portrait)) => &[Turn::Portrait],
            (_, None) => &[Turn::Landscape, Turn::Portrait],
        }
    }

    /// The page's width and height in points, turned `turn`.
    fn size(self, turn: Turn) -> (f64, f64) {
        let (short, long) = match self.paper {
            Paper::A4 => (595., 842.),
            Paper::A3 => (842., 1191.),
            Paper::Slide => (540., 960.),
        };
        match turn {
            Turn::Portrait => (short, long),
            Turn::Landscape => (long, short),
        }
    }

    /// How a chart of `width` x `height` points at its natural size fits the page: turned the
    /// way that gives it the larger scale (landscape on a tie).
    pub fn fit(self, width: u32, height: u32) -> Fit {
        let scale = |turn: Turn| {
            let (w, h) = self.size(turn);
            let (width, height) = (f64::from(width.max(1)), f64::from(height.max(1)));
            ((w - 2. * MARGIN) / width).min((h - 2. * MARGIN) / height)
        };
        let mut best = Turn::Landscape;
        if let [first, rest @ ..] = self.turns() {
            best = *first;
            for &turn in rest {
                if scale(turn) > scale(best) {
                    best = turn;
                }
            }
        }
        Fit {
            page: Page::turned(self.paper, best),
            natural: Some((width, height)),
        }
    }

    /// The fit of a chart whose natural size is not known (Graphviz is not installed to
    /// measure it): the page turned as asked, landscape when either way would do, its
    /// margins the usual ones.
    pub fn unmeasured(self) -> Fit {
        Fit {
            page: Page::turned(
                self.paper,
                self.turns().first().copied().unwrap_or(Turn::Landscape),
            ),
            natural: None,
        }
    }
}

/// A chart fitted to a page: the page, turned, and the chart's natural size when measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fit {
    /// The page, turned the way chosen.
    pub page: Page,
    /// The chart's width and height at its natural size, in points, as Graphviz laid it out;
    /// `None` when it could not be measured.
    pub natural: Option<(u32, u32)>,
}

impl Fit {
    fn page_size(self) -> (f64, f64) {
        self.page.size(self.page.turn.unwrap_or(Turn::Landscape))
    }

    /// The scale the chart is drawn at on the page: below 1 it is shrunk, below [`READABLE`]
    /// its text is too small to read. `None` when the chart was not measured.
    pub fn scale(self) -> Option<f64> {
        let (width, height) = self.natural?;
        let (w, h) = self.page_size();
        let (width, height) = (f64::from(width.max(1)), f64::from(height.max(1)));
        Some(((w - 2. * MARGIN) / width).min((h - 2. * MARGIN) / height))
    }

    /// Whether the chart's text stays readable on the page ([`READABLE`]); a chart not
    /// measured is taken to be.
    pub fn is_readable(self) -> bool {
        self.scale().is_none_or(|s| s >= READABLE)
    }

    /// Graphviz's `size` (in inches, `!` to scale small charts up too) and `margin` (in inches,
    /// across and down) that draw the chart at the page's size: the chart scaled to fit, the
    /// margins making up the rest of the page, so the picture is the page.
    pub(crate) fn graphviz(self) -> (String, String) {
        let (w, h) = self.page_size();
        let inches = |points: f64| format!("{:.3}", points / POINTS);
        match (self.natural, self.scale()) {
            (Some((width, height)), Some(scale)) => {
                let (drawn_w, drawn_h) = (f64::from(width) * scale, f64::from(height) * scale);
                (
                    format!("{},{}!", inches(drawn_w), inches(drawn_h)),
                    format!(
                        "{},{}",
                        inches((w - drawn_w) / 2.),
                        inches((h - drawn_h) / 2.)
                    ),
                )
            }
            _ => (
                format!("{},{}!", inches(w - 2. * MARGIN), inches(h - 2. * MARGIN)),
                inches(MARGIN),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_chart_goes_on_a_landscape_page_and_a_tall_one_on_a_portrait_one() {
        let a4 = Page::either(Paper::A4);
        assert_eq!(a4.fit(1200, 600).page.turn, Some(Turn::Landscape));
        assert_eq!(a4.fit(600, 1200).page.turn, Some(Turn::Portrait));
        // A slide is always landscape, and a page turned one way stays so.
        let slide = Page::turned(Paper::Slide, Turn::Landscape);
        assert_eq!(slide.fit(600, 1200).page.turn, Some(Turn::Landscape));
        let portrait = Page::turned(Paper::A3, Turn::Portrait);
        assert_eq!(portrait.fit(1200, 600).page.turn, Some(Turn::Portrait));
    }

    #[test]
    fn a_chart_is_readable_while_its_scale_is_at_least_0_6() {
        let a4 = Page::either(Paper::A4);
        // 842 - 36 = 806 pt across: 1343 pt wide is a scale of 0.6.
        assert!(a4.fit(1343, 500).is_readable());
        assert!(!a4.fit(1400, 500).is_readable());
        assert!(a4.unmeasured().is_readable());
        let fit = a4.fit(806, 400);
        assert!((fit.scale().unwrap() - 1.).abs() < 1e-9);
        let (size, margin) = fit.graphviz();
        assert_eq!(size, "11.194,5.556!");
        assert_eq!(margin, "0.250,1.354");
    }
}
