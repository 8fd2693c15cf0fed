//! Finding units by what people type: an id, an acronym, a name or an alias, whatever the case,
//! accents and punctuation.

use std::fmt;

use crate::graph::{OrgGraph, UnitIx};
use crate::i18n::Text;
use crate::model::{Unit, fold};
use crate::time::{Absent, Gone};

/// Which of a unit's names matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Field {
    /// The unit's id, the slug it is declared with (`dsj`).
    Id,
    /// The unit's acronym (`DSJ`).
    Acronym,
    /// The unit's full name (`Direction des services judiciaires`).
    Name,
    /// The alias at this position in the unit's list.
    Alias(usize),
    /// The name the unit had until the change at this position in its `was` list.
    FormerName(usize),
    /// The acronym the unit had until the change at this position in its `was` list.
    FormerAcronym(usize),
}

impl Field {
    /// The field's name, as a description file spells it (`id`, `acronym`, `name`, `alias`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Acronym => "acronym",
            Field::Name => "name",
            Field::Alias(_) => "alias",
            Field::FormerName(_) => "former-name",
            Field::FormerAcronym(_) => "former-acronym",
        }
    }

    /// The text of this field in `unit`.
    pub fn text(self, unit: &Unit) -> &str {
        match self {
            Field::Id => unit.id.as_str(),
            Field::Acronym => unit.acronym.as_deref().unwrap_or_default(),
            Field::Name => &unit.name,
            Field::Alias(i) => unit.aliases.get(i).map_or("", String::as_str),
            Field::FormerName(i) => unit
                .was
                .get(i)
                .and_then(|was| was.name.as_deref())
                .unwrap_or_default(),
            Field::FormerAcronym(i) => unit
                .was
                .get(i)
                .and_then(|was| was.acronym.as_ref()?.as_deref())
                .unwrap_or_default(),
        }
    }
}

/// How well a unit matches, best first: the order of the variants is the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Quality {
    /// Equal once folded.
    Exact,
    /// The field starts with the text.
    Prefix,
    /// Every word of the text starts a word of the field, in order.
    Words,
    /// The text is inside the field.
    Substring,
    /// Near by edit distance (a typo), with this distance in thousandths (lower is nearer).
    Fuzzy(u16),
}

/// A unit that matches a search, with how and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// The unit that matches.
    pub unit: UnitIx,
    /// Its name that matches best; a unit matching equally well by several is shown by the first
    /// of id, acronym, name and aliases.
    pub field: Field,
    quality: Quality,
}

impl Match {
    /// Whether the text names the unit exactly (id, acronym, name or alias, once folded).
    pub fn is_exact(&self) -> bool {
        self.quality == Quality::Exact
    }

    /// A score from 0 to 100 for display: 100 is an exact match.
    pub fn score(&self) -> u8 {
        self.quality.score()
    }
}

impl Quality {
    /// The quality as a score from 0 to 100, as [`Match::score`] gives it.
    fn score(self) -> u8 {
        match self {
            Quality::Exact => 100,
            Quality::Prefix => 80,
            Quality::Words => 70,
            Quality::Substring => 60,
            // A point off per 20 thousandths of distance: 50 for no distance, 39 at the most a
            // fuzzy match has (220), 0 from 1000.
            Quality::Fuzzy(distance) => {
                50u8.saturating_sub(u8::try_from(distance / 20).unwrap_or(u8::MAX))
            }
        }
    }
}

/// The fields of a unit a search reads, in the order they rank: its names of today, then those
/// it had before a change.
fn fields(unit: &Unit) -> impl Iterator<Item = Field> + '_ {
    [Field::Id, Field::Acronym, Field::Name]
        .into_iter()
        .chain((0..unit.aliases.len()).map(Field::Alias))
        .chain((0..unit.was.len()).flat_map(|i| [Field::FormerAcronym(i), Field::FormerName(i)]))
        .filter(|f| !f.text(unit).is_empty())
}

/// How `unit` matches the folded `query` best: the field and how well, if it matches at all.
fn best(unit: &Unit, query: &str) -> Option<(Field, Quality)> {
    fields(unit)
        .filter_map(|field| quality(query, field.text(unit)).map(|quality| (field, quality)))
        .min_by_key(|&(field, quality)| (quality, field))
}

/// Every word of `query` starts a word of `text`, in order.
fn words_match(query: &str, text: &str) -> bool {
    let mut words = text.split(' ');
    query
        .split(' ')
        .all(|q| words.by_ref().any(|w| w.starts_with(q)))
}

/// The longest text, in characters, compared as a possible typo of a field: no name is mistyped
/// that long, and the edit distances cost the product of the two lengths, so a search for a
/// text of thousands of characters would otherwise cost minutes on a large description.
const LONGEST_TYPO: usize = 64;

/// The longest field, in characters, a text is compared with as a possible typo, for the same
/// reason.
const LONGEST_TYPO_FIELD: usize = 4 * LONGEST_TYPO;

/// How well the folded text `query` matches a field of a unit. Linear in their lengths, but for
/// the comparison as a typo, which costs at most [`LONGEST_TYPO`] times [`LONGEST_TYPO_FIELD`].
fn quality(query: &str, text: &str) -> Option<Quality> {
    let text = fold(text);
    if text == query {
        Some(Quality::Exact)
    } else if text.starts_with(query) {
        Some(Quality::Prefix)
    } else if words_match(query, &text) {
        Some(Quality::Words)
    } else if text.contains(query) {
        Some(Quality::Substring)
    } else if query.chars().count() > LONGEST_TYPO || text.chars().count() > LONGEST_TYPO_FIELD {
        None
    } else {
        // Jaro-Winkler favours shared prefixes, Damerau-Levenshtein counts edits; the better of
        // the two above 0.78 keeps typos ("dimun" for "dinum", 0.787) and drops unrelated names
        // ("ditp" for "dinum", 0.633).
        let similarity = strsim::jaro_winkler(query, &text)
            .max(strsim::normalized_damerau_levenshtein(query, &text));
        (similarity >= 0.78).then(|| {
            // A similarity of 0.78 to 1 is a distance of 0 to 220 thousandths: the cast neither
            // truncates nor meets a sign, and cutting the fraction is the rounding wanted.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let distance = ((1.0 - similarity) * 1000.0) as u16;
            Quality::Fuzzy(distance)
        })
    }
}

/// Whether `text` names `unit` exactly: its id, acronym, name or an alias (or a name it had),
/// case, accents and punctuation aside.
pub fn names_exactly(unit: &Unit, text: &str) -> bool {
    let query = fold(text);
    fields(unit).any(|field| fold(field.text(unit)) == query)
}

/// The units matching `text`, best first, then in declaration order; at most one match per
/// unit (its best field). Linear in the number of units.
pub fn find(graph: &OrgGraph, text: &str) -> Vec<Match> {
    let query = fold(text);
    if query.is_empty() {
        return Vec::new();
    }
    let mut matches: Vec<Match> = graph
        .units()
        .filter_map(|(ix, unit)| {
            best(unit, &query).map(|(field, quality)| Match {
                unit: ix,
                field,
                quality,
            })
        })
        .collect();
    matches.sort_by_key(|m| (m.quality, m.unit));
    matches
}

/// The unit out of the day's structure that `text` names exactly ([`names_exactly`]), with why
/// it is out; the first declared when several are.
pub fn absent_named<'a>(absent: &'a Absent, text: &str) -> Option<(&'a Unit, Gone)> {
    let unit = absent.units().find(|unit| names_exactly(unit, text))?;
    absent.unit(unit.id.as_str())
}

/// A unit out of the structure (ended, or not begun, on the day asked about) that matches a
/// search, with the field that matched and its score as [`Match::score`] gives it.
#[derive(Clone, Copy, Debug)]
pub struct AbsentMatch<'a> {
    /// The unit that matches.
    pub unit: &'a Unit,
    /// Its name that matches best.
    pub field: Field,
    /// From 0 to 100: 100 is an exact match.
    pub score: u8,
}

/// The units of `absent` matching `text` other than by a typo, best first, then in declaration
/// order: what a search finds among units not in force on the day.
pub fn find_absent<'a>(absent: &'a Absent, text: &str) -> Vec<AbsentMatch<'a>> {
    let query = fold(text);
    if query.is_empty() {
        return Vec::new();
    }
    let mut matches: Vec<(Quality, usize, AbsentMatch<'a>)> = absent
        .units()
        .enumerate()
        .filter_map(|(position, unit)| {
            let (field, quality) = best(unit, &query)?;
            let score = quality.score();
            (!matches!(quality, Quality::Fuzzy(_))).then_some((
                quality,
                position,
                AbsentMatch { unit, field, score },
            ))
        })
        .collect();
    matches.sort_by_key(|&(quality, position, _)| (quality, position));
    matches.into_iter().map(|(_, _, m)| m).collect()
}

/// Why a text names no single unit.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LookupError {
    /// Nothing matches; the nearest units, if any are near.
    Unknown {
        /// The text as given.
        text: String,
        /// Up to three units the text is near to (a typo away), best first; empty when none is.
        suggestions: Vec<UnitIx>,
    },
    /// Several units match equally well.
    Ambiguous {
        /// The text as given.
        text: String,
        /// The units the text may mean: those it names exactly, or failing that those it matches
        /// other than by a typo; best first, then in declaration order. Naming one by its id
        /// settles it.
        candidates: Vec<UnitIx>,
    },
}

impl LookupError {
    /// What the error says, in every language: "no unit matches `dsj-x`".
    pub fn message(&self) -> Text {
        match self {
            LookupError::Unknown { text, .. } => crate::i18n::text!("lookup-unknown", text = text),
            LookupError::Ambiguous { text, candidates } => {
                crate::i18n::text!("lookup-ambiguous", text = text, n = candidates.len())
            }
        }
    }
}

/// The error's message in English.
impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for LookupError {}

/// The one unit `text` names: an exact id first; otherwise the single unit named exactly by an
/// acronym, name or alias; otherwise the single unit the text matches at all. Several equally good
/// matches are ambiguous; none is unknown, with the nearest units as suggestions. An exact id is
/// found at once; anything else costs a [`find`], linear in the number of units.
pub fn resolve(graph: &OrgGraph, text: &str) -> Result<UnitIx, LookupError> {
    if let Some(ix) = graph.find_id(text.trim()) {
        return Ok(ix);
    }
    let matches = find(graph, text);
    let exact: Vec<UnitIx> = matches
        .iter()
        .filter(|m| m.is_exact())
        .map(|m| m.unit)
        .collect();
    let candidates = if exact.is_empty() {
        let close: Vec<UnitIx> = matches
            .iter()
            .filter(|m| !matches!(m.quality, Quality::Fuzzy(_)))
            .map(|m| m.unit)
            .collect();
        if close.is_empty() {
            return Err(LookupError::Unknown {
                text: text.to_owned(),
                suggestions: matches.iter().take(3).map(|m| m.unit).collect(),
            });
        }
        close
    } else {
        exact
    };
    match candidates.as_slice() {
        [one] => Ok(*one),
        _ => Err(LookupError::Ambiguous {
            text: text.to_owned(),
            candidates,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_out_of_the_day_is_found_by_what_names_it_exactly() {
        use crate::graph::testing::description;
        use crate::model::{Date, Status, TieKind::Attachment, UnitKind::*};
        let mut d = description(
            &[
                ("pm", Ministry),
                ("dinsic", Directorate),
                ("dinum", Directorate),
            ],
            &[("dinsic", Attachment, "pm")],
        );
        d.units["dinsic"].acronym = Some("DINSIC".into());
        d.units["dinsic"].aliases = vec!["Direction interministérielle du numérique".into()];
        d.units["dinsic"].status = Status::Dissolved;
        let (_, absent) = crate::time::cut(d, Date::parse("2026").unwrap());
        let found = |text: &str| absent_named(&absent, text).map(|(unit, _)| unit.id.as_str());
        assert_eq!(found(" Dinsic "), Some("dinsic"));
        assert_eq!(
            found("direction interministerielle du numerique"),
            Some("dinsic")
        );
        assert_eq!(found("dinsi"), None);
        assert_eq!(found("dinum"), None);
        let matches = find_absent(&absent, "dinsi");
        assert_eq!(matches.len(), 1);
        assert_eq!((matches[0].field, matches[0].score), (Field::Id, 80));
    }

    #[test]
    fn words_match_in_order() {
        assert!(words_match(
            "dir serv jud",
            "direction des services judiciaires"
        ));
        assert!(!words_match(
            "jud serv",
            "direction des services judiciaires"
        ));
    }

    #[test]
    fn quality_ranks() {
        assert_eq!(quality("dinum", "DINUM"), Some(Quality::Exact));
        assert_eq!(quality("dip a just", "DiP A-JUST"), Some(Quality::Exact));
        assert_eq!(
            quality("direction des", "Direction des services"),
            Some(Quality::Prefix)
        );
        assert_eq!(
            quality("services", "Direction des services"),
            Some(Quality::Words)
        );
        assert_eq!(
            quality("ervices", "Direction des services"),
            Some(Quality::Substring)
        );
        assert!(matches!(quality("dimun", "DINUM"), Some(Quality::Fuzzy(_))));
        assert_eq!(quality("zzz", "DINUM"), None);
    }

    #[test]
    fn long_texts_are_not_compared_as_typos() {
        let name = "direction des services judiciaires";
        let mistyped = "direction des servcies judiciaires";
        assert!(matches!(quality(mistyped, name), Some(Quality::Fuzzy(_))));
        // The same typo in a text past the longest compared, or against a field past it.
        let long = format!("{mistyped} {}", "x".repeat(LONGEST_TYPO));
        assert_eq!(
            quality(&long, &format!("{name} {}", "x".repeat(LONGEST_TYPO))),
            None
        );
        let field = format!("{name} {}", "y".repeat(LONGEST_TYPO_FIELD));
        assert_eq!(quality("servcies judiciaires", &field), None);
        // What is found without edit distances still is, whatever the lengths.
        let huge = "a".repeat(5000);
        assert_eq!(quality(&huge, &huge), Some(Quality::Exact));
    }
}
