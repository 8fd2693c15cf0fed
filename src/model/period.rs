//! When a fact is in force: a unit exists, a tie holds, a name applies.
//!
//! One meaning everywhere. A period runs from its start, included, to its end, excluded; an
//! open start has always held, an open end still holds. A partial date stands for the first day
//! it names, at either end: `until 2019` ends on 2019-01-01, so a tie "until 2019" and one "from
//! 2019" follow each other with no gap and no overlap, and a fact that held through 2019 ends
//! `2020`. A change on a day takes effect that day: on 2019-10-25 a tie until 2019-10-25 no
//! longer holds, and one from 2019-10-25 holds.

use super::Date;

/// The period a fact is in force: from `from` (included) to `until` (excluded), either open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Period {
    /// When it started to hold; open when `None` (it always held).
    pub from: Option<Date>,
    /// When it stopped holding; open when `None` (it still holds).
    pub until: Option<Date>,
}

impl Period {
    /// The period from `from` to `until`.
    pub const fn new(from: Option<Date>, until: Option<Date>) -> Period {
        Period { from, until }
    }

    /// Whether the fact is in force on `day` (read as its first day when partial).
    pub fn holds_at(self, day: Date) -> bool {
        let day = day.start();
        self.from.is_none_or(|from| from.start() <= day)
            && self.until.is_none_or(|until| day < until.start())
    }

    /// Whether the period is open at both ends: the fact is not dated.
    pub const fn is_open(self) -> bool {
        self.from.is_none() && self.until.is_none()
    }

    /// Whether the period holds at least one day: it ends after it starts. A period that ends
    /// before it starts, or on the day it starts, is a mistake of dates.
    pub fn is_ordered(self) -> bool {
        match (self.from, self.until) {
            (Some(from), Some(until)) => from.start() < until.start(),
            _ => true,
        }
    }

    /// Whether the two periods hold on some day together. A period that is not ordered holds on
    /// no day, so it overlaps none.
    pub fn overlaps(self, other: Period) -> bool {
        self.is_ordered()
            && other.is_ordered()
            && before(self.from, other.until)
            && before(other.from, self.until)
    }

    /// Whether this period holds on some day that `other` does not: it starts earlier or ends
    /// later.
    pub fn outlasts(self, other: Period) -> bool {
        self.starts_before(other) || self.ends_after(other)
    }

    /// Whether this period holds on a day before `other` starts: an open start is the earliest.
    pub fn starts_before(self, other: Period) -> bool {
        match (self.from, other.from) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(a), Some(b)) => a.start() < b.start(),
        }
    }

    /// Whether this period holds on a day after `other` ends: an open end is the latest.
    pub fn ends_after(self, other: Period) -> bool {
        match (self.until, other.until) {
            (None, _) => other.until.is_some(),
            (Some(_), None) => false,
            (Some(a), Some(b)) => a.start() > b.start(),
        }
    }

    /// The days both periods hold: from the later start to the earlier end. Not
    /// [ordered](Period::is_ordered) when they do not [overlap](Period::overlaps).
    #[must_use]
    pub fn intersection(self, other: Period) -> Period {
        let from = match (self.from, other.from) {
            (Some(a), Some(b)) => Some(if a.start() >= b.start() { a } else { b }),
            (a, b) => a.or(b),
        };
        let until = match (self.until, other.until) {
            (Some(a), Some(b)) => Some(if a.start() <= b.start() { a } else { b }),
            (a, b) => a.or(b),
        };
        Period { from, until }
    }

    /// The first stretch of this period that none of `parts` holds on, if there is one: where a
    /// unit's life is not covered by its ties (no parent from the day its last parent closed).
    /// `O(p log p)` for `p` parts.
    pub fn first_gap(self, parts: &[Period]) -> Option<Period> {
        self.gaps(parts).first().map(|gap| gap.period)
    }

    /// Every stretch of this period that none of `parts` holds on, in order, each with the parts
    /// on either side of it: where a unit's life is not covered by its ties (before its first
    /// parent, between two, after its last). A part that holds no day covers nothing. The parts
    /// sorted by start, swept once: `O(p log p)` for `p` parts.
    pub fn gaps(self, parts: &[Period]) -> Vec<Gap> {
        // Days as numbers, the open past and future at either end of the line.
        let start = |date: Option<Date>| date.map_or(i64::MIN, Date::days_since_epoch);
        let end = |date: Option<Date>| date.map_or(i64::MAX, Date::days_since_epoch);
        let mut order: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].is_ordered())
            .collect();
        order.sort_by_key(|&i| start(parts[i].from));
        let last = end(self.until);
        // The first day not covered yet, as a number and as a date, and the part that covers
        // the days before it.
        let mut reached = (start(self.from), self.from, None);
        let mut gaps = Vec::new();
        for i in order {
            let (covered, since, after) = reached;
            if covered >= last {
                break;
            }
            let part = parts[i];
            let from = start(part.from);
            if from > covered {
                let (until, before) = if from < last {
                    (part.from, Some(i))
                } else {
                    (self.until, None)
                };
                gaps.push(Gap {
                    period: Period::new(since, until),
                    after,
                    before,
                });
            }
            if end(part.until) > covered {
                reached = (end(part.until), part.until, Some(i));
            }
        }
        let (covered, since, after) = reached;
        if covered < last {
            gaps.push(Gap {
                period: Period::new(since, self.until),
                after,
                before: None,
            });
        }
        gaps
    }
}

/// A stretch of a period that none of some parts holds on ([`Period::gaps`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// When none of the parts holds.
    pub period: Period,
    /// The part the gap follows (by its index among the parts), which ends the day it starts;
    /// `None` when it starts where the period does.
    pub after: Option<usize>,
    /// The part the gap comes before, which starts the day it ends; `None` when it ends where
    /// the period does.
    pub before: Option<usize>,
}

/// Whether a start comes before an end, `None` being the open past for the start and the open
/// future for the end.
fn before(start: Option<Date>, end: Option<Date>) -> bool {
    match (start, end) {
        (Some(start), Some(end)) => start.start() < end.start(),
        _ => true,
    }
}

impl std::fmt::Display for Period {
    /// `2019-10 – 2024`, `since 2019`, `until 2024`, `always`: the period as messages write it
    /// in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.from, self.until) {
            (Some(from), Some(until)) => write!(f, "{from} – {until}"),
            (Some(from), None) => write!(f, "since {from}"),
            (None, Some(until)) => write!(f, "until {until}"),
            (None, None) => f.write_str("always"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn period(from: &str, until: &str) -> Period {
        let read = |text: &str| (!text.is_empty()).then(|| date(text));
        Period::new(read(from), read(until))
    }

    #[test]
    fn an_open_period_always_holds() {
        assert!(Period::default().holds_at(date("1066")));
        assert!(period("", "2019").holds_at(date("1900-06-01")));
        assert!(period("2019", "").holds_at(date("9999-12-31")));
    }

    #[test]
    fn a_period_holds_from_its_start_and_not_on_its_end() {
        let p = period("2019-10-25", "2024-03-01");
        assert!(!p.holds_at(date("2019-10-24")));
        assert!(p.holds_at(date("2019-10-25")));
        assert!(p.holds_at(date("2024-02-29")));
        assert!(!p.holds_at(date("2024-03-01")));
    }

    #[test]
    fn a_partial_date_is_its_first_day_at_either_end() {
        let until = period("", "2019");
        assert!(until.holds_at(date("2018-12-31")));
        assert!(!until.holds_at(date("2019-01-01")));
        let from = period("2019-10", "");
        assert!(!from.holds_at(date("2019-09-30")));
        assert!(from.holds_at(date("2019-10-01")));
        // `--as-of 2019` asks about 2019-01-01.
        assert!(!until.holds_at(date("2019")));
        assert!(period("2019", "2020").holds_at(date("2019")));
    }

    #[test]
    fn a_change_on_a_day_takes_effect_that_day() {
        let old = period("", "2019-10-25");
        let new = period("2019-10-25", "");
        let day = date("2019-10-25");
        assert!(!old.holds_at(day) && new.holds_at(day));
        assert!(!old.overlaps(new) && !new.overlaps(old));
        assert!(!period("", "2019").overlaps(period("2019", "")));
        assert!(period("", "2019-06").overlaps(period("2019", "")));
    }

    #[test]
    fn partial_and_full_dates_meet_on_first_days() {
        // A fact that held through 2019 ends 2020: its last day is 2019-12-31.
        let through = period("2019", "2020");
        assert!(through.holds_at(date("2019-12-31")) && !through.holds_at(date("2020")));
        // `--as-of 2019-10` asks about 2019-10-01: a tie from the 15th does not hold yet.
        assert!(!period("2019-10-15", "").holds_at(date("2019-10")));
        assert!(period("2019-09-30", "").holds_at(date("2019-10")));
        // From 2019-10 until 2019-10-02 is one day, 2019-10-01.
        let one = period("2019-10", "2019-10-02");
        assert!(one.is_ordered() && one.holds_at(date("2019-10-01")));
        assert!(!one.holds_at(date("2019-09-30")) && !one.holds_at(date("2019-10-02")));
        // Until 2019-10 and from 2019-10-01 follow each other, whatever the precisions.
        assert!(!period("", "2019-10").overlaps(period("2019-10-01", "")));
        assert!(period("", "2019-10-02").overlaps(period("2019-10", "")));
        // Until March ends after a leap day.
        assert!(period("", "2024-03").holds_at(date("2024-02-29")));
    }

    #[test]
    fn a_period_that_ends_when_or_before_it_starts_holds_on_no_day() {
        let days = [
            "1900",
            "2018-12-31",
            "2019",
            "2019-06",
            "2019-10-01",
            "2020",
            "2100",
        ];
        for empty in [
            period("2019", "2019"),
            period("2019-10-01", "2019-10"),
            period("2020", "2019"),
        ] {
            assert!(!empty.is_ordered(), "{empty}");
            for day in days {
                assert!(!empty.holds_at(date(day)), "{empty} holds on {day}");
            }
            for other in [Period::default(), empty, period("2018", "2021")] {
                assert!(
                    !empty.overlaps(other) && !other.overlaps(empty),
                    "{empty} {other}"
                );
            }
        }
    }

    #[test]
    fn a_period_is_ordered_when_it_holds_one_day() {
        assert!(period("2019", "2020").is_ordered());
        assert!(period("2019-12-31", "2020").is_ordered());
        assert!(!period("2019", "2019").is_ordered());
        assert!(!period("2019-10", "2019").is_ordered());
        assert!(period("", "2019").is_ordered() && period("2019", "").is_ordered());
    }

    #[test]
    fn a_period_outlasts_another_when_it_starts_earlier_or_ends_later() {
        let life = period("2010", "2020");
        assert!(!period("2012", "2018").outlasts(life));
        assert!(!life.outlasts(life));
        assert!(period("2009", "2018").outlasts(life));
        assert!(period("2012", "").outlasts(life));
        assert!(period("", "2018").outlasts(life));
        assert!(!period("", "").outlasts(Period::default()));
        assert!(period("2009", "2018").starts_before(life) && !life.starts_before(life));
        assert!(period("2012", "").ends_after(life) && !period("", "2020-01").ends_after(life));
    }

    #[test]
    fn an_intersection_holds_when_both_do() {
        let life = period("2010", "2020");
        assert_eq!(
            life.intersection(period("2015", "")),
            period("2015", "2020")
        );
        assert_eq!(life.intersection(Period::default()), life);
        assert_eq!(
            period("", "2012").intersection(period("", "")),
            period("", "2012")
        );
        assert!(!life.intersection(period("2021", "")).is_ordered());
    }

    #[test]
    fn the_first_gap_is_where_no_part_holds() {
        let life = period("2010", "");
        assert_eq!(life.first_gap(&[period("", "")]), None);
        assert_eq!(life.first_gap(&[]), Some(life));
        assert_eq!(Period::default().first_gap(&[]), Some(Period::default()));
        // A parent that closed: no parent from then on.
        assert_eq!(
            life.first_gap(&[period("2005", "2016")]),
            Some(period("2016", ""))
        );
        // A parent that began later: none before.
        assert_eq!(
            Period::default().first_gap(&[period("2023", "")]),
            Some(period("", "2023"))
        );
        // Parts that follow each other, in any order, and overlap.
        let parts = [
            period("2015", "2019"),
            period("", "2015-06"),
            period("2019", ""),
        ];
        assert_eq!(Period::default().first_gap(&parts), None);
        assert_eq!(
            life.first_gap(&[period("2012", "2014"), period("2010", "2011")]),
            Some(period("2011", "2012"))
        );
        // A part outside the life, or holding no day, covers nothing of it.
        assert_eq!(
            period("2010", "2012").first_gap(&[period("2015", ""), period("2011", "2011")]),
            Some(period("2010", "2012"))
        );
    }

    #[test]
    fn every_gap_is_found_with_the_parts_around_it() {
        let parts = [
            period("2020", ""),
            period("", "2019-06"),
            period("2019-06", "2019-12-31"),
        ];
        let gap = |period, after, before| Gap {
            period,
            after,
            before,
        };
        assert_eq!(
            Period::default().gaps(&parts),
            [gap(period("2019-12-31", "2020"), Some(2), Some(0))]
        );
        assert!(period("2019-07", "2019-12-31").gaps(&parts).is_empty());
        let parts = [
            period("2020", ""),
            period("2010", "2019-06"),
            period("2019-06", "2019-12-31"),
        ];
        assert_eq!(
            period("2000", "2030").gaps(&parts),
            [
                gap(period("2000", "2010"), None, Some(1)),
                gap(period("2019-12-31", "2020"), Some(2), Some(0)),
            ]
        );
        // A part that starts after the period ends: the gap runs to its end.
        assert_eq!(
            period("2000", "2005").gaps(&[period("", "2001"), period("2006", "")]),
            [gap(period("2001", "2005"), Some(0), None)]
        );
    }
}
