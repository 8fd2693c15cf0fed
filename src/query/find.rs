//! Finding units by what people type: an id, an acronym, a name or an alias, whatever the case,
//! accents and punctuation; failing that, by what they do, the words of a question found in a
//! unit's names, remit, roles or note.
//!
//! A question is read loosely: its telling words ([`telling_words`]: not one of a short list of
//! English and French linking and question words such as "who", "deals", "with", « qui », « de »,
//! « la », nor a single letter) must each start a word of one field, in any order. So "who deals
//! with data protection?" finds the units whose names or notes say "data protection", and « aide
//! à la décision » the remit « outils d'aide à la décision ». Such matches rank below every match
//! of the whole text in a name, a match in a name before one in a remit, role or note.

use std::fmt;

use crate::graph::{OrgGraph, UnitIx};
use crate::i18n::Text;
use crate::model::{Unit, fold};
use crate::time::{Absent, Gone};

/// Which of a unit's names or texts matched.
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
    /// What the unit is for (`remit`).
    Remit,
    /// The standing role at this position in the unit's `roles` list.
    Role(usize),
    /// The unit's note.
    Note,
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
            Field::Remit => "remit",
            Field::Role(_) => "role",
            Field::Note => "note",
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
            Field::Remit => unit.remit.as_deref().unwrap_or_default(),
            Field::Role(i) => unit.roles.get(i).map_or("", String::as_str),
            Field::Note => unit.note.as_deref().unwrap_or_default(),
        }
    }

    /// Whether the field is a free text (remit, role, note) rather than a name.
    pub const fn is_free_text(self) -> bool {
        matches!(self, Field::Remit | Field::Role(_) | Field::Note)
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
    /// Every telling word of the text starts a word of a name, in any order.
    LooseName,
    /// Every telling word of the text starts a word of the remit, a role or the note, in any
    /// order.
    FreeText,
}

/// A unit that matches a search, with how and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// The unit that matches.
    pub unit: UnitIx,
    /// Its field that matches best; a unit matching equally well by several is shown by the first
    /// of id, acronym, name, aliases, former names, remit, roles and note.
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
            // Below any typo, which scores 39 at the least.
            Quality::LooseName => 30,
            Quality::FreeText => 20,
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

/// The free-text fields of a unit a search reads, after its names: remit, roles, note.
fn free_text_fields(unit: &Unit) -> impl Iterator<Item = Field> + '_ {
    std::iter::once(Field::Remit)
        .chain((0..unit.roles.len()).map(Field::Role))
        .chain(std::iter::once(Field::Note))
        .filter(|f| !f.text(unit).is_empty())
}

/// A text searched for, folded once: whole for names, and its telling words for a loose search.
struct Query {
    /// The text folded ([`fold`]).
    folded: String,
    /// Its telling words ([`telling_words`]); empty when it has none or is too long to be a
    /// question, and then only names are searched, with the whole text.
    words: Vec<String>,
}

impl Query {
    fn new(text: &str) -> Query {
        let folded = fold(text);
        let words = if folded.chars().count() > LONGEST_QUESTION {
            Vec::new()
        } else {
            telling_words(&folded)
        };
        Query { folded, words }
    }
}

/// The longest text, in characters, read word by word as a question: a loose search costs the
/// product of the words of the text and of the fields, and no question is that long.
const LONGEST_QUESTION: usize = 160;

/// Words that say nothing of what a unit does, folded: English and French linking words and the
/// words of a question ("who deals with", « qui s'occupe de »). Dropped from a loose search.
const STOP_WORDS: &[&str] = &[
    // English.
    "about", "an", "and", "are", "at", "by", "deal", "deals", "dealing", "do", "does", "for",
    "handle", "handles", "how", "in", "is", "of", "on", "or", "the", "to", "what", "where",
    "which", "who", "whom", "with", // French, accents folded.
    "au", "aux", "ce", "de", "des", "du", "dans", "en", "est", "et", "la", "le", "les", "occupe",
    "occupent", "ou", "par", "pour", "quel", "quelle", "quelles", "quels", "que", "qui", "quoi",
    "se", "sur", "traite", "traitent", "un", "une",
];

/// The words of a folded text that tell what is looked for: not a [`STOP_WORDS`] word nor a
/// single character (the « d » of « d'aide », the « à » of « aide à la décision »), each once,
/// in the order given.
fn telling_words(folded: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in folded.split(' ') {
        let telling = word.chars().nth(1).is_some() && !STOP_WORDS.contains(&word);
        if telling && !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
        }
    }
    words
}

/// Every word of `words` starts a word of the folded `text`, in any order.
fn all_words_in(words: &[String], text: &str) -> bool {
    !words.is_empty()
        && words
            .iter()
            .all(|q| text.split(' ').any(|w| w.starts_with(q.as_str())))
}

/// How `unit` matches `query` best: the field and how well, if it matches at all. Names are
/// compared with the whole text, then with its telling words, and only then are the free texts
/// read.
fn best(unit: &Unit, query: &Query) -> Option<(Field, Quality)> {
    let by_name = fields(unit)
        .filter_map(|field| {
            let text = fold(field.text(unit));
            quality(&query.folded, &text)
                .or_else(|| all_words_in(&query.words, &text).then_some(Quality::LooseName))
                .map(|quality| (field, quality))
        })
        .min_by_key(|&(field, quality)| (quality, field));
    by_name.or_else(|| {
        free_text_fields(unit)
            .find(|field| all_words_in(&query.words, &fold(field.text(unit))))
            .map(|field| (field, Quality::FreeText))
    })
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

/// How well the folded text `query` matches the folded name `text` of a unit. Linear in their
/// lengths, but for the comparison as a typo, which costs at most [`LONGEST_TYPO`] times
/// [`LONGEST_TYPO_FIELD`].
fn quality(query: &str, text: &str) -> Option<Quality> {
    if text == query {
        Some(Quality::Exact)
    } else if text.starts_with(query) {
        Some(Quality::Prefix)
    } else if words_match(query, text) {
        Some(Quality::Words)
    } else if text.contains(query) {
        Some(Quality::Substring)
    } else if query.chars().count() > LONGEST_TYPO || text.chars().count() > LONGEST_TYPO_FIELD {
        None
    } else {
        // Jaro-Winkler favours shared prefixes, Damerau-Levenshtein counts edits; the better of
        // the two above 0.78 keeps typos ("dimun" for "dinum", 0.787) and drops unrelated names
        // ("ditp" for "dinum", 0.633).
        let similarity = strsim::jaro_winkler(query, text)
            .max(strsim::normalized_damerau_levenshtein(query, text));
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
/// unit (its best field). Matches of the whole text in a name come first, then those of its
/// telling words in a name, then in a remit, role or note (see the module's documentation).
/// Linear in the number of units and the length of their texts.
pub fn find(graph: &OrgGraph, text: &str) -> Vec<Match> {
    let query = Query::new(text);
    if query.folded.is_empty() {
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
    /// Its field that matches best.
    pub field: Field,
    /// From 0 to 100: 100 is an exact match.
    pub score: u8,
}

/// The units of `absent` matching `text` other than by a typo, best first, then in declaration
/// order: what a search finds among units not in force on the day.
pub fn find_absent<'a>(absent: &'a Absent, text: &str) -> Vec<AbsentMatch<'a>> {
    let query = Query::new(text);
    if query.folded.is_empty() {
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

/// The words on each side of a match kept in an [`excerpt`].
const EXCERPT_MARGIN: usize = 3;

/// The most words between the first and the last word matched that an [`excerpt`] spans; past
/// it, the excerpt is taken around the first alone.
const EXCERPT_SPAN: usize = 10;

/// A short passage of a unit's `text` (a remit, a note) around the words of the searched `query`
/// it holds, as typed in the description, with "…" where it is cut: what a reader needs to see
/// why a long note matched. The text's first words when none of the query's is in it.
pub fn excerpt(text: &str, query: &str) -> String {
    let words = Query::new(query).words;
    // The byte range of each word of the text, a run of letters and digits as [`fold`] sees it.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                spans.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    let matched: Vec<usize> = spans
        .iter()
        .enumerate()
        .filter(|&(_, &(from, to))| {
            let word = fold(&text[from..to]);
            words.iter().any(|w| word.starts_with(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect();
    if spans.is_empty() {
        return text.to_owned();
    }
    let first = matched.first().copied().unwrap_or(0);
    let last = matched
        .last()
        .copied()
        .filter(|&l| l - first <= EXCERPT_SPAN)
        .unwrap_or(first);
    let from = first.saturating_sub(EXCERPT_MARGIN);
    let to = (last + EXCERPT_MARGIN).min(spans.len() - 1);
    let mut passage = String::new();
    if from > 0 {
        passage.push('…');
    }
    passage.push_str(&text[spans[from].0..spans[to].1]);
    if to + 1 < spans.len() {
        passage.push('…');
    }
    passage
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
/// acronym, name or alias; otherwise the single unit whose name holds the text. Several equally
/// good matches are ambiguous; none is unknown, with the units a typo away as suggestions. The
/// words of a question found loosely in names or free texts name no unit. An exact id is found at
/// once; anything else costs a [`find`], linear in the number of units.
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
            .filter(|m| m.quality < Quality::Fuzzy(0))
            .map(|m| m.unit)
            .collect();
        if close.is_empty() {
            return Err(LookupError::Unknown {
                text: text.to_owned(),
                suggestions: matches
                    .iter()
                    .filter(|m| matches!(m.quality, Quality::Fuzzy(_)))
                    .take(3)
                    .map(|m| m.unit)
                    .collect(),
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

    /// [`quality`] of `query` for the name `text`, folded as a search folds it.
    fn folded_quality(query: &str, text: &str) -> Option<Quality> {
        quality(query, &fold(text))
    }

    #[test]
    fn quality_ranks() {
        assert_eq!(folded_quality("dinum", "DINUM"), Some(Quality::Exact));
        assert_eq!(
            folded_quality("dip a just", "DiP A-JUST"),
            Some(Quality::Exact)
        );
        assert_eq!(
            folded_quality("direction des", "Direction des services"),
            Some(Quality::Prefix)
        );
        assert_eq!(
            folded_quality("services", "Direction des services"),
            Some(Quality::Words)
        );
        assert_eq!(
            folded_quality("ervices", "Direction des services"),
            Some(Quality::Substring)
        );
        assert!(matches!(
            folded_quality("dimun", "DINUM"),
            Some(Quality::Fuzzy(_))
        ));
        assert_eq!(folded_quality("zzz", "DINUM"), None);
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

    #[test]
    fn a_question_keeps_its_telling_words() {
        assert_eq!(
            telling_words(&fold("Who deals with data protection?")),
            ["data", "protection"]
        );
        assert_eq!(
            telling_words(&fold("« aide à la décision »")),
            ["aide", "decision"]
        );
        assert_eq!(
            telling_words(&fold("qui s'occupe de la paie, de la paie ?")),
            ["paie"]
        );
        assert!(telling_words(&fold("de la")).is_empty());
    }

    /// A description where `dpo` names data protection in its note, `pilot` has a remit about
    /// decision tools, and `data` is named after data.
    fn free_texts() -> OrgGraph {
        use crate::graph::testing::{build, description};
        use crate::model::{TieKind::Attachment, UnitKind::*};
        let mut d = description(
            &[
                ("ministry", Ministry),
                ("dpo", Post),
                ("pilot", Team),
                ("data", Bureau),
            ],
            &[
                ("dpo", Attachment, "ministry"),
                ("pilot", Attachment, "ministry"),
                ("data", Attachment, "ministry"),
            ],
        );
        d.units["dpo"].name = "Délégué à la protection des données".into();
        d.units["dpo"].note = Some("The DPO (Data Protection Officer) of the ministry.".into());
        d.units["pilot"].remit =
            Some("Outils numériques d'aide à la décision et au pilotage des juridictions.".into());
        d.units["pilot"].roles = vec!["Référent pour la protection des mineurs".into()];
        d.units["data"].name = "Bureau de la protection des données publiques".into();
        build(d)
    }

    #[test]
    fn what_a_unit_does_is_found_in_its_remit_roles_and_note() {
        use crate::graph::testing::{id, ix};
        let graph = free_texts();
        let found = |text: &str| -> Vec<(&str, Field, u8)> {
            find(&graph, text)
                .iter()
                .map(|m| (id(&graph, m.unit), m.field, m.score()))
                .collect()
        };
        assert_eq!(
            found("who deals with data protection?"),
            [("dpo", Field::Note, 20)]
        );
        assert_eq!(found("aide à la décision"), [("pilot", Field::Remit, 20)]);
        assert_eq!(found("mineurs protection"), [("pilot", Field::Role(0), 20)]);
        // A name holding the words loosely ranks before a free text, and the whole text in a name
        // before both.
        assert_eq!(
            found("données protection"),
            [("dpo", Field::Name, 30), ("data", Field::Name, 30)]
        );
        assert_eq!(
            found("protection"),
            [
                ("dpo", Field::Name, 70),
                ("data", Field::Name, 70),
                ("pilot", Field::Role(0), 20)
            ]
        );
        // Words that tell nothing find nothing in a free text (the remit has « décision » and
        // « la »).
        assert!(
            found("de la")
                .iter()
                .all(|(_, field, _)| !field.is_free_text())
        );
        // Nor does a loose match name a unit.
        assert!(matches!(
            resolve(&graph, "aide à la décision"),
            Err(LookupError::Unknown { ref suggestions, .. }) if suggestions.is_empty()
        ));
        assert_eq!(resolve(&graph, "pilot"), Ok(ix(&graph, "pilot")));
    }

    #[test]
    fn an_excerpt_shows_the_words_found_as_written() {
        let remit =
            "Outils numériques d'aide à la décision et au pilotage des juridictions: produits.";
        assert_eq!(
            excerpt(remit, "aide à la décision"),
            "Outils numériques d'aide à la décision et au pilotage…"
        );
        assert_eq!(
            excerpt(remit, "juridictions produits"),
            "…au pilotage des juridictions: produits"
        );
        let note = format!(
            "{}data protection {}",
            "word ".repeat(30),
            "end ".repeat(30)
        );
        assert_eq!(
            excerpt(&note, "data protection"),
            "…word word word data protection end end end…"
        );
        // Words found far apart: the passage around the first.
        let apart = format!("data {} protection", "filler ".repeat(20));
        assert_eq!(
            excerpt(&apart, "data protection"),
            "data filler filler filler…"
        );
        assert_eq!(excerpt("", "data"), "");
    }
}
