//! Units and posts, and the organisations (description files) they belong to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, Date, Lang, OrganisationId, Origin, Period, Spanned, UnitId, UnitKind};

/// An organisation: what one description file describes (a ministry, a local authority, a group of
/// interministerial directorates). Charts draw one cluster per organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// A slug, unique across the description (`justice`).
    pub id: Spanned<OrganisationId>,
    /// The official name, in the language of the organisation.
    #[serde(deserialize_with = "crate::model::text::named")]
    #[schemars(regex(pattern = r"\S"))]
    pub name: String,
    /// How people call it for short (`MENJ`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::text::named_if_any"
    )]
    #[schemars(regex(pattern = r"\S"))]
    pub acronym: Option<String>,
    /// The unit that is the organisation, at the top of its units' lines: the unit with the
    /// organisation's id when left out. A file whose organisation is no unit (a file of partners)
    /// only groups its units: each belongs where its line leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Spanned<UnitId>>,
    /// Where the organisation is declared.
    #[serde(skip)]
    pub origin: Origin,
}

/// Index of an organisation in its description, in declaration order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrganisationIndex(pub u32);

/// Whether a unit is in operation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Status {
    /// In operation (the default).
    #[default]
    Active,
    /// Being set up (en cours de constitution).
    BeingSetUp,
    /// Decided or announced, not yet set up.
    Planned,
    /// No longer exists.
    Dissolved,
}

impl Status {
    /// How the status reads in text: "being set up".
    pub const fn label(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::BeingSetUp => "being set up",
            Status::Planned => "planned",
            Status::Dissolved => "dissolved",
        }
    }

    /// How the status reads in text in a language: "being set up", "en cours de constitution".
    pub const fn label_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label(),
            Lang::Fr => match self {
                Status::Active => "en fonctionnement",
                Status::BeingSetUp => "en cours de constitution",
                Status::Planned => "en projet",
                Status::Dissolved => "n’existe plus",
            },
        }
    }

    /// The status as written in descriptions (`being-set-up`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::BeingSetUp => "being-set-up",
            Status::Planned => "planned",
            Status::Dissolved => "dissolved",
        }
    }
}

/// Whether a headcount is a target or a count of people in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum HeadcountBasis {
    /// A number of people the unit should have.
    Target,
    /// A number of people the unit has.
    Actual,
}

impl HeadcountBasis {
    /// How the basis reads in text in a language: `target` (as written in descriptions),
    /// `cible`.
    pub const fn label_in(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Fr, HeadcountBasis::Target) => "cible",
            (Lang::Fr, HeadcountBasis::Actual) => "réel",
            _ => self.as_str(),
        }
    }

    /// The basis as written in descriptions.
    pub const fn as_str(self) -> &'static str {
        match self {
            HeadcountBasis::Target => "target",
            HeadcountBasis::Actual => "actual",
        }
    }
}

/// How exact a headcount is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum HeadcountQualifier {
    /// The count as given (the default).
    #[default]
    Exactly,
    /// "au moins 10 personnes".
    AtLeast,
    /// "une dizaine de personnes".
    About,
}

impl HeadcountQualifier {
    /// How the qualifier reads before a count in text: "at least 10".
    pub const fn label(self) -> &'static str {
        match self {
            HeadcountQualifier::Exactly => "exactly",
            HeadcountQualifier::AtLeast => "at least",
            HeadcountQualifier::About => "about",
        }
    }

    /// How the qualifier reads before a count in a language: "at least 10", "au moins 10".
    pub const fn label_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label(),
            Lang::Fr => match self {
                HeadcountQualifier::Exactly => "exactement",
                HeadcountQualifier::AtLeast => "au moins",
                HeadcountQualifier::About => "environ",
            },
        }
    }

    /// The qualifier as written in descriptions.
    pub const fn as_str(self) -> &'static str {
        match self {
            HeadcountQualifier::Exactly => "exactly",
            HeadcountQualifier::AtLeast => "at-least",
            HeadcountQualifier::About => "about",
        }
    }
}

/// How many people a unit has or should have, at a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Headcount {
    /// How many people.
    #[serde(deserialize_with = "count")]
    pub count: u32,
    /// Whether it is a target or a count of people in place.
    pub basis: HeadcountBasis,
    /// How exact it is.
    #[serde(default, skip_serializing_if = "is_default")]
    pub qualifier: HeadcountQualifier,
    /// The date the count is for or the target is set at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

impl Headcount {
    /// The headcount as text in a language: "about 10 (target, 2025-01)", "environ 10 (cible,
    /// 2025-01)".
    pub fn text_in(&self, lang: Lang) -> String {
        let mut text = match self.qualifier {
            HeadcountQualifier::Exactly => String::new(),
            qualifier => format!("{} ", qualifier.label_in(lang)),
        };
        text.push_str(&format!("{} ({}", self.count, self.basis.label_in(lang)));
        if let Some(date) = self.date {
            text.push_str(&format!(", {date}"));
        }
        text.push(')');
        text
    }
}

/// Reads a headcount's count, saying in the terms of descriptions what a count may be when it is
/// negative, fractional or too large (rather than serde's "expected u32").
fn count<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    struct Count;

    impl serde::de::Visitor<'_> for Count {
        type Value = u32;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a whole number of people, from 0 to {}", u32::MAX)
        }

        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<u32, E> {
            u32::try_from(n)
                .map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(n), &self))
        }

        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<u32, E> {
            u32::try_from(n).map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(n), &self))
        }

        fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<u32, E> {
            Err(E::invalid_value(serde::de::Unexpected::Float(n), &self))
        }
    }

    deserializer.deserialize_u32(Count)
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Where a unit's hierarchy ends, when it has no hierarchical parent in the description.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Boundary {
    /// The unit is the top of its hierarchy (a ministry, a local authority).
    Top,
    /// The unit has a parent, but it lies outside what is described.
    ParentOutside,
}

impl Boundary {
    /// What the boundary means, in text: "top of its hierarchy".
    pub const fn label(self) -> &'static str {
        match self {
            Boundary::Top => "top of its hierarchy",
            Boundary::ParentOutside => "its parent lies outside the description",
        }
    }

    /// What the boundary means, in text in a language.
    pub const fn label_in(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.label(),
            Lang::Fr => match self {
                Boundary::Top => "sommet de sa hiérarchie",
                Boundary::ParentOutside => "son parent n’appartient pas à la description",
            },
        }
    }

    /// The boundary as written in descriptions (`parent-outside`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Boundary::Top => "top",
            Boundary::ParentOutside => "parent-outside",
        }
    }
}

/// A unit of an organisation, or a post (a position) in one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// A lowercase slug, unique across the whole description.
    pub id: Spanned<UnitId>,
    /// The official name, in the language of the organisation.
    #[serde(deserialize_with = "crate::model::text::named")]
    #[schemars(regex(pattern = r"\S"))]
    pub name: String,
    /// How people call it for short (`DSJ`, `DiP A-JUST`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::text::named_if_any"
    )]
    #[schemars(regex(pattern = r"\S"))]
    pub acronym: Option<String>,
    /// Other names people use: an English name, an old name, another acronym.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::text::all_named"
    )]
    #[schemars(inner(regex(pattern = r"\S")))]
    pub aliases: Vec<String>,
    /// What the unit is: a directorate, a bureau, a post, a committee…
    pub kind: Spanned<UnitKind>,
    /// Whether it is in operation (the default), being set up, planned or dissolved. A dissolved
    /// unit with no `valid_until` ended at a date not known: it is in no structure as of a date.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: Status,
    /// When the unit was created: it is in no structure as of an earlier date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// When the unit ended (dissolved, merged, replaced): it is in no structure as of this date
    /// or a later one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<Date>,
    /// What the unit was before a date, when its name, acronym, kind, remit or headcount changed,
    /// oldest first: `{"until": "2019-10", "name": "…"}` says it was called so until 2019-10.
    /// The unit's own fields say what it is since the last change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub was: Vec<Was>,
    /// For posts only: nobody holds the post (vacant, being recruited).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vacant: Option<Spanned<bool>>,
    /// For posts only: the date the post falls or fell vacant (« vacant à partir du 01/09/2025 »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vacant_from: Option<Spanned<Date>>,
    /// For posts only: a recruitment is under way (« recrutement en cours »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recruiting: Option<Spanned<bool>>,
    /// For posts only: the post is newly created (« création de poste », « emploi nouvellement
    /// créé »), so nobody held it before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newly_created: Option<Spanned<bool>>,
    /// For posts only: how long its holder is appointed for, in months (« nommé pour une durée de
    /// dix-huit mois »: 18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_months: Option<Spanned<u32>>,
    /// For posts only: the grade or group the post is classed in, as the documents write it
    /// (« groupe III »).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::text::named_if_any"
    )]
    #[schemars(regex(pattern = r"\S"))]
    pub grade: Option<String>,
    /// How many people it has or should have.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headcount: Option<Headcount>,
    /// What the unit is for, in one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remit: Option<String>,
    /// Standing roles the documents give the unit beyond its remit, each as they word it
    /// (« cheffe de file interministérielle pour la mise en œuvre du règlement IA »).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::text::all_named"
    )]
    #[schemars(inner(regex(pattern = r"\S")))]
    pub roles: Vec<String>,
    /// Where it is, as the documents say (an address, a town).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Set when the unit has no hierarchical parent in the description, so that it is not
    /// mistaken for an orphan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundary: Option<Boundary>,
    /// The unit that contains this one when the documents say so without naming its parent (« au
    /// sein du ministère »): read only where the unit's line stops (no parent in the description),
    /// to say which organisation it belongs to. Never a step of its chain of command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<Spanned<UnitId>>,
    /// The unit stands for a group the documents name only as a whole (« les juridictions », « les
    /// ministères régaliens »), none of its members described: counted apart from real units.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub collective: bool,
    /// Anything a reader of the unit should know that its fields cannot say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The document that states the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
    /// The organisation (description file) it is declared in.
    #[serde(skip)]
    pub organisation: OrganisationIndex,
    /// Where it is declared.
    #[serde(skip)]
    pub origin: Origin,
}

impl Unit {
    /// A unit with only its id, name and kind, every other attribute unset: the start of a unit
    /// built by a program (an importer, a generator).
    pub fn new(id: Spanned<UnitId>, name: String, kind: Spanned<UnitKind>) -> Unit {
        Unit {
            id,
            name,
            acronym: None,
            aliases: Vec::new(),
            kind,
            status: Status::Active,
            valid_from: None,
            valid_until: None,
            was: Vec::new(),
            vacant: None,
            vacant_from: None,
            recruiting: None,
            newly_created: None,
            term_months: None,
            grade: None,
            headcount: None,
            remit: None,
            roles: Vec::new(),
            location: None,
            boundary: None,
            within: None,
            collective: false,
            note: None,
            source: None,
            organisation: OrganisationIndex::default(),
            origin: Origin::default(),
        }
    }

    /// Whether this is a post that nobody holds.
    pub fn is_vacant(&self) -> bool {
        self.vacant.as_ref().is_some_and(|v| v.value)
    }

    /// The facts only a post may have that the unit gives, each with its place when it has one:
    /// `vacant`, `vacant_from`, `recruiting`, `newly_created`, `term_months`, `grade`.
    /// Allocates nothing: loading asks it of every unit that is no post.
    pub fn post_facts(&self) -> impl Iterator<Item = (&'static str, Option<super::Span>)> {
        [
            ("vacant", self.vacant.as_ref().map(|v| v.span)),
            ("vacant_from", self.vacant_from.as_ref().map(|v| v.span)),
            ("recruiting", self.recruiting.as_ref().map(|v| v.span)),
            ("newly_created", self.newly_created.as_ref().map(|v| v.span)),
            ("term_months", self.term_months.as_ref().map(|v| v.span)),
        ]
        .into_iter()
        .filter(|(_, span)| span.is_some())
        .chain(self.grade.is_some().then_some(("grade", None)))
    }

    /// Forgets the facts only a post may have (those [`Unit::post_facts`] lists): for a post that
    /// becomes another kind, which may not have them.
    pub fn drop_post_facts(&mut self) {
        self.vacant = None;
        self.vacant_from = None;
        self.recruiting = None;
        self.newly_created = None;
        self.term_months = None;
        self.grade = None;
    }

    /// Whether a recruitment to this post is under way.
    pub fn is_recruiting(&self) -> bool {
        self.recruiting.as_ref().is_some_and(|v| v.value)
    }

    /// Whether this post is newly created.
    pub fn is_newly_created(&self) -> bool {
        self.newly_created.as_ref().is_some_and(|v| v.value)
    }

    /// The date the post falls or fell vacant, when the documents give it.
    pub fn vacancy_date(&self) -> Option<Date> {
        self.vacant_from.as_ref().map(|d| d.value)
    }

    /// How long the post's holder is appointed for, in months, when the documents say.
    pub fn term(&self) -> Option<u32> {
        self.term_months.as_ref().map(|t| t.value)
    }

    /// The id of the unit this one is within, when its parent is not described.
    pub fn within_id(&self) -> Option<&str> {
        self.within.as_ref().map(|w| w.value.as_str())
    }

    /// The acronym if there is one, otherwise the name: how people call the unit.
    pub fn short_name(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

/// What a unit was until a date: the fields that changed on that date, as they were before it.
/// A field left out did not change then.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Was {
    /// The date the change took effect: the values below held until then (excluded).
    pub until: Date,
    /// The name it had.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::text::named_if_any"
    )]
    #[schemars(regex(pattern = r"\S"))]
    pub name: Option<String>,
    /// The acronym it had; `null` says it had none (it was given one on `until`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::text::named_or_none"
    )]
    #[schemars(regex(pattern = r"\S"))]
    #[allow(clippy::option_option)] // Unchanged, none and a text are three different pasts.
    pub acronym: Option<Option<String>>,
    /// The kind it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Spanned<UnitKind>>,
    /// The remit it had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remit: Option<String>,
    /// The headcount it had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headcount: Option<Headcount>,
    /// The document that states the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
}

impl Unit {
    /// When the unit exists: from its `valid_from` to its `valid_until`. A dissolved unit with
    /// no end date has none: [`Unit::in_force`] says it is in no structure.
    pub const fn life(&self) -> Period {
        Period::new(self.valid_from, self.valid_until)
    }

    /// Whether the unit exists on `day` ([`Period::holds_at`]): in its life, and not dissolved
    /// at a date not known.
    pub fn in_force(&self, day: Date) -> bool {
        !self.ended_undated() && self.life().holds_at(day)
    }

    /// Whether the unit ended at a date the description does not give: it is dissolved, with no
    /// `valid_until`. It is in the structure of no day.
    pub fn ended_undated(&self) -> bool {
        self.status == Status::Dissolved && self.valid_until.is_none()
    }

    /// The name, acronym, kind, remit and headcount that applied on `day`, from [`Unit::was`]:
    /// for each field, the first entry ending after `day` that gives it, the unit's own value
    /// when none does. Linear in the number of entries.
    pub fn values_at(&self, day: Date) -> Values<'_> {
        let day = day.start();
        let (mut name, mut acronym, mut kind, mut remit, mut headcount) =
            (None, None, None, None, None);
        for was in self.was.iter().filter(|was| day < was.until.start()) {
            name = name.or(was.name.as_deref());
            acronym = acronym.or(was.acronym.as_ref().map(Option::as_deref));
            kind = kind.or(was.kind.as_ref());
            remit = remit.or(was.remit.as_deref());
            headcount = headcount.or(was.headcount.as_ref());
        }
        Values {
            name: name.unwrap_or(&self.name),
            acronym: acronym.unwrap_or(self.acronym.as_deref()),
            kind: kind.unwrap_or(&self.kind),
            remit: remit.or(self.remit.as_deref()),
            headcount: headcount.or(self.headcount.as_ref()),
        }
    }

    /// Makes the unit's name, acronym, kind, remit and headcount those that applied on `day`
    /// ([`Unit::values_at`]).
    pub fn take_values_at(&mut self, day: Date) {
        let values = self.values_at(day);
        let name = values.name.to_owned();
        let acronym = values.acronym.map(str::to_owned);
        let kind = values.kind.clone();
        let remit = values.remit.map(str::to_owned);
        let headcount = values.headcount.cloned();
        self.name = name;
        self.acronym = acronym;
        self.kind = kind;
        self.remit = remit;
        self.headcount = headcount;
    }
}

/// What a unit was called, what it was, its remit and its headcount on a day
/// ([`Unit::values_at`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Values<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its acronym, if it had one.
    pub acronym: Option<&'a str>,
    /// Its kind.
    pub kind: &'a Spanned<UnitKind>,
    /// Its remit, if it had one.
    pub remit: Option<&'a str>,
    /// Its headcount, if it had one.
    pub headcount: Option<&'a Headcount>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanned<T>(value: T) -> Spanned<T> {
        Spanned::new(super::super::Span::default(), value)
    }

    #[test]
    fn a_unit_takes_the_values_that_applied_on_a_day() {
        let date = |text: &str| Date::parse(text).unwrap();
        let was = |until: &str, name: &str| Was {
            until: date(until),
            name: Some(name.to_owned()),
            acronym: None,
            kind: None,
            remit: None,
            headcount: None,
            source: None,
        };
        let mut unit = Unit::new(
            spanned(UnitId::new("dinum").unwrap()),
            "Direction interministérielle du numérique".to_owned(),
            spanned(UnitKind::InterministerialDirectorate),
        );
        unit.acronym = Some("DINUM".to_owned());
        unit.was = vec![
            Was {
                kind: Some(spanned(UnitKind::Directorate)),
                ..was("2011", "Direction des SI")
            },
            Was {
                acronym: Some(Some("DINSIC".to_owned())),
                ..was("2019-10-25", "DINSIC (long)")
            },
        ];
        let at = |unit: &Unit, day: &str| {
            let mut unit = unit.clone();
            unit.take_values_at(date(day));
            (unit.name, unit.acronym, unit.kind.value.as_str())
        };
        let directorate = UnitKind::Directorate.as_str();
        let interministerial = UnitKind::InterministerialDirectorate.as_str();
        assert_eq!(
            at(&unit, "2010-12-31"),
            (
                "Direction des SI".into(),
                Some("DINSIC".into()),
                directorate
            )
        );
        assert_eq!(
            at(&unit, "2011"),
            (
                "DINSIC (long)".into(),
                Some("DINSIC".into()),
                interministerial
            )
        );
        assert_eq!(
            at(&unit, "2019-10-25"),
            (
                "Direction interministérielle du numérique".into(),
                Some("DINUM".into()),
                interministerial
            )
        );
        unit.status = Status::Dissolved;
        assert!(!unit.in_force(date("2000")));
        unit.valid_until = Some(date("2030"));
        assert!(unit.in_force(date("2000")) && !unit.in_force(date("2030")));
    }

    #[test]
    fn a_past_may_say_the_unit_had_no_acronym() {
        let read = |text: &str| serde_json::from_str::<Was>(text).unwrap();
        let none = read(r#"{"until": "2026", "acronym": null}"#);
        assert_eq!(none.acronym, Some(None));
        assert_eq!(read(r#"{"until": "2026", "name": "N"}"#).acronym, None);
        assert_eq!(
            serde_json::to_string(&none).unwrap(),
            r#"{"until":"2026","acronym":null}"#
        );
        let mut unit = Unit::new(
            spanned(UnitId::new("sdrh").unwrap()),
            "Sous-direction des ressources humaines".to_owned(),
            spanned(UnitKind::SubDirectorate),
        );
        unit.acronym = Some("SDRH".to_owned());
        unit.was = vec![none];
        let mut before = unit.clone();
        before.take_values_at(Date::parse("2025-12-31").unwrap());
        assert_eq!(before.acronym, None);
        unit.take_values_at(Date::parse("2026").unwrap());
        assert_eq!(unit.acronym.as_deref(), Some("SDRH"));
    }

    #[test]
    fn a_count_is_a_whole_number_of_people() {
        let read = |count: &str| {
            let text = format!(r#"{{"count": {count}, "basis": "actual"}}"#);
            serde_json::from_str::<Headcount>(&text).map(|h| h.count)
        };
        assert_eq!(read("4294967295").unwrap(), u32::MAX);
        for count in ["-1", "4294967296", "1.5"] {
            let error = read(count).unwrap_err().to_string();
            assert!(
                error.contains("expected a whole number of people, from 0 to 4294967295"),
                "{count}: {error}"
            );
        }
    }
}
