//! How one unit looks in a chart, whatever the format: the lines of its label, and the marks of
//! its state (a vacant post, a unit being set up, a dissolved unit, a parent outside the
//! description). DOT, Mermaid and the built-in layout all draw this.

use std::borrow::Cow;

use super::changes::Change;
use super::quote::printable;
use crate::graph::{OrgGraph, TieIx, UnitIx};
use crate::model::{Border, Boundary, FillPattern, Lang, LineStyle, Shape, Status, Unit};

/// Names are wrapped to lines of about this many characters, so that long French names
/// ("Délégué à la protection des données du ministère…") make tall boxes, not wide ones.
const WRAP: usize = 26;

/// Names (of units and organisations) are cut after this many characters, with an ellipsis: a
/// dozen lines is all a label can show, and Graphviz refuses a label of more than 16 KiB, which a
/// few thousand characters written as entities reach.
pub(super) const LONGEST_NAME: usize = 300;

/// Unit ids longer than this are left out of a chart's SVG ids and links: Graphviz refuses
/// strings of more than 16 KiB, and no page addresses a unit by an id that long.
pub(super) const LONGEST_ID: usize = 1_000;

/// Acronyms are cut after this many characters: an acronym is a few letters.
pub(super) const LONGEST_ACRONYM: usize = 40;

/// Words are cut into lines of at most this many characters: a run with no space (a URL, a
/// hash, a typing accident) would otherwise make a box as wide as the word, and Graphviz fails on
/// nodes wider than it can place.
const LONGEST_LINE: usize = 60;

/// The fill of a vacant post: empty, like the seat.
const VACANT_FILL: &str = "#FFFFFF";
/// The fill of a dissolved unit: greyed out.
const DISSOLVED_FILL: &str = "#EEEEEE";

/// Everything a renderer needs to draw one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Look {
    /// The acronym, shown first and in bold; `None` when the unit has none or it is the name.
    /// Here and in the name, characters no chart can show are spaces.
    pub acronym: Option<String>,
    /// The name, in lines of about 26 characters; line breaks in the name are kept.
    pub name: Vec<String>,
    /// The kind, then the state when it is not plain: "post · vacant", "programme directorate ·
    /// being set up".
    pub caption: String,
    /// Whether the caption tells a state worth noticing (vacant, being set up, planned,
    /// dissolved), so it is drawn in a warning colour.
    pub alert: bool,
    /// "↑ parent outside" when the unit's parent lies outside the description.
    pub outside: Option<String>,
    /// The head drawn inside the unit's box: "head: Directeur de programme · vacant", in lines
    /// as the name; empty when none is.
    pub head: Vec<String>,
    /// What hovering the unit shows: "Direction des services judiciaires (DSJ) — directorate",
    /// its name, acronym and caption on one line.
    pub tooltip: String,
    pub shape: Shape,
    /// The border: the kind's (single, double or bold).
    pub border: Border,
    /// The fill pattern: the kind's (plain, or graded to white).
    pub pattern: FillPattern,
    /// The fill colour, `#rrggbb`: the family's, white for a vacant post, grey when dissolved.
    pub fill: &'static str,
    /// The outline colour, `#rrggbb`: the family's.
    pub stroke: &'static str,
    /// Dashed for a vacant post or a unit being set up or planned, dotted when dissolved.
    pub outline: LineStyle,
    /// How a proposal drawn with the chart touches the unit, if it does.
    pub change: Option<Change>,
}

impl Look {
    /// How `unit` is drawn, its texts in `lang`.
    pub(super) fn of(unit: &Unit, lang: Lang) -> Look {
        let style = unit.kind.style();
        let mut states = Vec::new();
        if unit.is_vacant() {
            states.push(crate::tr!(lang, "chart-vacant"));
        }
        if unit.status != Status::Active {
            states.push(unit.status.label_in(lang).to_owned());
        }
        let group = unit
            .collective
            .then(|| crate::tr!(lang, "chart-as-a-whole"));
        let caption = std::iter::once(unit.kind.label_in(lang))
            .chain(group.as_deref())
            .chain(states.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" · ");
        let (fill, outline) = match unit.status {
            Status::Dissolved => (DISSOLVED_FILL, LineStyle::Dotted),
            Status::BeingSetUp | Status::Planned => (style.fill, LineStyle::Dashed),
            Status::Active if unit.is_vacant() => (VACANT_FILL, LineStyle::Dashed),
            Status::Active => (style.fill, LineStyle::Solid),
        };
        let acronym = unit
            .acronym
            .as_ref()
            .filter(|a| crate::model::fold(a) != crate::model::fold(&unit.name))
            .map(|a| clipped(&printable(a).replace('\n', " "), LONGEST_ACRONYM).into_owned());
        let name = clipped(&printable(&unit.name), LONGEST_NAME).into_owned();
        let tooltip = one_line(&match &acronym {
            Some(acronym) => format!("{name} ({acronym}) — {caption}"),
            None => format!("{name} — {caption}"),
        });
        Look {
            acronym,
            name: wrap(&name, WRAP),
            caption,
            alert: !states.is_empty(),
            outside: (unit.boundary == Some(Boundary::ParentOutside))
                .then(|| format!("↑ {}", crate::tr!(lang, "chart-parent-outside"))),
            head: Vec::new(),
            tooltip,
            shape: style.shape,
            border: style.border,
            pattern: style.pattern,
            fill,
            stroke: style.stroke,
            outline,
            change: None,
        }
    }

    /// How `unit` is drawn in `chart`: marked when the chart shows a proposal that touches it,
    /// with the change in its caption and its outline in the change's colour; a removed unit is
    /// a dashed, empty ghost.
    pub(super) fn in_chart(graph: &OrgGraph, ix: UnitIx, chart: &super::Chart) -> Look {
        let unit = graph.unit(ix);
        let lang = chart.lang;
        let mut look = Look::of(unit, lang);
        if let Some(head) = chart.heads.of(ix).map(|h| graph.unit(h)) {
            let printed = printable(&head.name);
            let name = clipped(&printed, LONGEST_NAME);
            let line = if head.is_vacant() {
                crate::tr!(lang, "chart-head-vacant", name = name.as_ref())
            } else {
                crate::tr!(lang, "chart-head", name = name.as_ref())
            };
            look.head = wrap(&line, WRAP);
        }
        if let Some(&n) = chart.cut.get(&ix) {
            look.caption.push_str(" · ");
            look.caption.push_str(&crate::tr!(lang, "chart-cut", n = n));
        }
        if let Some(change) = chart.changes.unit(unit) {
            look.caption.push_str(" · ");
            look.caption.push_str(change.label_in(chart.lang));
            look.tooltip.push_str(" · ");
            look.tooltip.push_str(change.label_in(chart.lang));
            look.alert = true;
            look.stroke = change.colour();
            if change == Change::Removed {
                look.fill = VACANT_FILL;
                look.outline = LineStyle::Dashed;
            }
            look.change = Some(change);
        }
        look
    }

    /// Every line of the label as plain text: acronym, name, caption, head, parent mark.
    pub(super) fn lines(&self) -> Vec<&str> {
        self.acronym
            .as_deref()
            .into_iter()
            .chain(self.name.iter().map(String::as_str))
            .chain(std::iter::once(self.caption.as_str()))
            .chain(self.head.iter().map(String::as_str))
            .chain(self.outside.as_deref())
            .collect()
    }
}

/// Where `unit` links to in `chart`: its id after the chart's link base, when it has one and the
/// id is not longer than [`LONGEST_ID`].
pub(super) fn unit_link(chart: &super::Chart, unit: &Unit) -> Option<String> {
    let id = unit.id.as_str();
    let base = chart.link_base.as_ref()?;
    (id.len() <= LONGEST_ID).then(|| base.to(id))
}

/// What hovering a drawn tie shows: its kind, and the units it goes from and to, by their short
/// names (the post itself for a head drawn inside its unit's box): "cooperation: DSJ → DSIN".
pub(super) fn tie_tooltip(graph: &OrgGraph, ix: TieIx, lang: Lang) -> String {
    let (from, to) = graph.ends(ix);
    let name = |unit: UnitIx| {
        clipped(&printable(graph.unit(unit).short_name()), LONGEST_NAME).into_owned()
    };
    one_line(&crate::tr!(
        lang,
        "chart-tie-tooltip",
        kind = graph.tie(ix).kind.value.label_in(lang),
        from = name(from),
        to = name(to)
    ))
}

/// `text` on one line: its line breaks as spaces.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// `text`, cut after `limit` characters with an ellipsis when it is longer.
pub(super) fn clipped(text: &str, limit: usize) -> Cow<'_, str> {
    match text.char_indices().nth(limit) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// `text` in lines of at most `width` characters where words allow (a longer word has a line of
/// its own, cut into lines of [`LONGEST_LINE`] characters when longer than that), breaking at
/// spaces and keeping the text's own line breaks. As French typography wants, an opening
/// guillemet stays with the word after it, and a closing one or a high punctuation mark
/// (`» : ; ! ?`) with the word before it.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in glued_words(paragraph)
            .iter()
            .flat_map(|w| pieces(w, LONGEST_LINE))
        {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// `word` in pieces of at most `length` characters.
fn pieces(word: &str, length: usize) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .char_indices()
            .nth(length)
            .map_or(rest.len(), |(i, _)| i);
        let (piece, after) = rest.split_at(end);
        rest = after;
        Some(piece)
    })
}

/// The words of `text`, with a lone `«` glued to the next word and a lone `» : ; ! ?` to the
/// previous one.
fn glued_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut opening = false;
    for word in text.split_whitespace() {
        let closing = matches!(word, "»" | ":" | ";" | "!" | "?");
        match words.last_mut() {
            Some(last) if opening || closing => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        opening = word == "«";
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_at_spaces_and_keep_their_line_breaks() {
        assert_eq!(
            wrap(
                "Délégué à la protection des données du ministère de l'éducation nationale",
                26
            ),
            [
                "Délégué à la protection",
                "des données du ministère",
                "de l'éducation nationale"
            ]
        );
        assert_eq!(wrap("a\nb  c", 26), ["a", "b c"]);
        assert_eq!(
            wrap("Direction de programme « intelligence artificielle »", 26),
            ["Direction de programme", "« intelligence", "artificielle »"]
        );
        assert_eq!(
            wrap("Anticonstitutionnellement-long", 10),
            ["Anticonstitutionnellement-long"]
        );
        assert_eq!(wrap("", 10), [""]);
    }

    /// Found by the property tests (`tests/properties.rs`): a name of thousands of characters
    /// made a label Graphviz refuses (more than 16 KiB) or a node too wide for it to place.
    #[test]
    fn long_names_are_clipped_and_long_words_cut() {
        use crate::model::{Span, Spanned, UnitId, UnitKind};
        let unit = Unit::new(
            Spanned::new(Span::default(), UnitId::new("long").unwrap()),
            "&".repeat(5_000),
            Spanned::new(Span::default(), UnitKind::Bureau),
        );
        let look = Look::of(
            &Unit {
                acronym: Some("A".repeat(100)),
                ..unit
            },
            Lang::En,
        );
        let shown: String = look.name.concat();
        assert_eq!(shown, format!("{}…", "&".repeat(LONGEST_NAME)));
        assert!(
            look.name
                .iter()
                .all(|line| line.chars().count() <= LONGEST_LINE + 1)
        );
        assert_eq!(look.acronym.unwrap().chars().count(), LONGEST_ACRONYM + 1);
        assert_eq!(clipped("court", 10), "court");
        assert_eq!(
            wrap(&"é".repeat(130), 26),
            ["é".repeat(60), "é".repeat(60), "é".repeat(10)]
        );
    }
}
