//! Dates as the documents give them: a year, a month or a day.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date with the precision the document gives: `2019`, `2019-10` or `2019-10-25`.
/// Partial dates order before the full dates they contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1 to 12, when the document gives it.
    pub month: Option<u8>,
    /// The day of the month, when the document gives it (and then a month too).
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists in its month.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bad = || format!("invalid date {text:?}: expected YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = text.split('-');
        let number = |part: Option<&str>, width: usize| -> Result<Option<u16>, String> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == width && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(bad)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("invalid date {text:?}: there is no month {m}"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if !(1..=days).contains(&d) {
                return Err(format!("invalid date {text:?}: month {m} has no day {d}"));
            }
        }
        // The month is 1..=12 and the day 1..=31 by now: both fit a byte.
        let byte = |n: Option<u16>| n.map(u8::try_from).transpose().map_err(|_| bad());
        Ok(Date {
            year,
            month: byte(month)?,
            day: byte(day)?,
        })
    }
}

impl Date {
    /// The first day of the period the date names: `2019` is 2019-01-01, `2019-10` is
    /// 2019-10-01. A date read as an instant (a tie's start or end, `--as-of`) is its first day.
    #[must_use]
    pub const fn start(self) -> Date {
        Date {
            year: self.year,
            month: Some(match self.month {
                Some(m) => m,
                None => 1,
            }),
            day: Some(match self.day {
                Some(d) => d,
                None => 1,
            }),
        }
    }

    /// Whether the date gives its day (and so its month).
    pub const fn is_full(self) -> bool {
        self.day.is_some()
    }

    /// How many days the date's first day is after 1970-01-01 (negative before it): the count of
    /// days from the civil calendar (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let start = self.start();
        let (month, day) = (
            i64::from(start.month.unwrap_or(1)),
            i64::from(start.day.unwrap_or(1)),
        );
        let year = i64::from(start.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let yoe = year.rem_euclid(400);
        let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day before the date's first day: the last day a fact ending on the date held. `None`
    /// before year 0.
    pub fn day_before(self) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch() - 1)
    }

    /// The day `days` days after 1970-01-01 (before it when negative), for years 0 to 9999: the
    /// civil calendar from a count of days (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: u16::try_from(year).ok().filter(|y| *y <= 9999)?,
            month: u8::try_from(month).ok(),
            day: u8::try_from(day).ok(),
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "A date with the precision the document gives: YYYY, YYYY-MM or YYYY-MM-DD.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates() {
        assert_eq!(Date::parse("2019").unwrap().to_string(), "2019");
        assert_eq!(Date::parse("2026-01").unwrap().to_string(), "2026-01");
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "",
            "19",
            "2019-1",
            "2019-13",
            "2023-02-29",
            "2019-04-31",
            "2019-01-01-01",
            "abcd",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} parsed");
        }
    }

    #[test]
    fn a_date_starts_on_the_first_day_of_its_period() {
        let start = |text: &str| Date::parse(text).unwrap().start().to_string();
        assert_eq!(start("2019"), "2019-01-01");
        assert_eq!(start("2019-10"), "2019-10-01");
        assert_eq!(start("2019-10-25"), "2019-10-25");
    }

    #[test]
    fn days_since_the_epoch_are_civil_dates() {
        let day = |n: i64| Date::from_days_since_epoch(n).unwrap().to_string();
        assert_eq!(day(0), "1970-01-01");
        assert_eq!(day(-1), "1969-12-31");
        assert_eq!(day(19_782), "2024-02-29");
        assert_eq!(day(20_789), "2026-12-02");
        assert_eq!(Date::from_days_since_epoch(3_000_000), None);
        for n in [-719_528, -1, 0, 19_782, 20_789, 2_932_896] {
            let date = Date::from_days_since_epoch(n).unwrap();
            assert_eq!(date.days_since_epoch(), n, "{date}");
        }
        let before = |text: &str| Date::parse(text).unwrap().day_before().unwrap().to_string();
        assert_eq!(before("2019-10-25"), "2019-10-24");
        assert_eq!(before("2024-03"), "2024-02-29");
        assert_eq!(before("2020"), "2019-12-31");
        assert_eq!(Date::parse("0000-01-01").unwrap().day_before(), None);
    }

    #[test]
    fn partial_dates_order_first() {
        assert!(Date::parse("2019").unwrap() < Date::parse("2019-01").unwrap());
        assert!(Date::parse("2019-12").unwrap() < Date::parse("2020").unwrap());
    }
}
