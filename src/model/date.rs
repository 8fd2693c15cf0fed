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
    fn partial_dates_order_first() {
        assert!(Date::parse("2019").unwrap() < Date::parse("2019-01").unwrap());
        assert!(Date::parse("2019-12").unwrap() < Date::parse("2020").unwrap());
    }
}
