//! Dates known to a year, a month or a day.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::Datelike;

/// The calendar day of [`PartialDate::first_day`], [`PartialDate::last_day`] and
/// `PartialDate::try_from`, re-exported from `chrono` so that a user needs no dependency
/// of their own.
pub use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How precisely a [`PartialDate`] is known.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Precision {
    /// Only the year is known: `"1956"`.
    Year,
    /// The year and the month: `"1956-10"`.
    Month,
    /// The exact day: `"1956-10-19"`.
    Day,
}

impl Precision {
    /// Every value, in the order of declaration (3).
    pub const ALL: [Precision; 3] = [Precision::Year, Precision::Month, Precision::Day];
}

/// A Gregorian date known to a year, a month or a day, as sources give them.
///
/// News and historical sources rarely give every date to the day: "in 1997", "in March
/// 2012", "on 19 October 1956". A `PartialDate` keeps exactly the precision the source
/// gave, and prints and parses as the matching ISO 8601 prefix: `"1997"`, `"2012-03"`,
/// `"1956-10-19"`.
///
/// # Invariant
///
/// The year is between 1 and 9999, and every `PartialDate` denotes a real calendar
/// interval: a month is 1–12, and a day exists in its month (no 30 February).
///
/// # Ordering
///
/// Dates order by their first day, and a coarser date sorts before a finer one that
/// starts on the same day: `1956 < 1956-01 < 1956-01-01 < 1956-01-02 < 1956-02`. This is
/// a total order consistent with equality, so timelines sort deterministically.
///
/// # Example
///
/// ```
/// use kuril_dispute::PartialDate;
/// use kuril_dispute::date::Precision;
///
/// let signed: PartialDate = "1956-10-19".parse()?;
/// let year: PartialDate = "1956".parse()?;
/// assert_eq!(signed.precision(), Precision::Day);
/// assert!(year.contains(signed));
/// assert!(year < signed);
/// assert_eq!(signed.to_string(), "1956-10-19");
/// assert_eq!(year.last_day().to_string(), "1956-12-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: u16,
    month: u8, // 0 = unknown
    day: u8,   // 0 = unknown
}

/// Why a string is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {input:?}: {reason} (expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")")]
#[non_exhaustive]
pub struct DateError {
    input: String,
    reason: &'static str,
}

impl DateError {
    fn new(input: &str, reason: &'static str) -> Self {
        // Keep the error small even when the input is huge.
        let input: String = input.chars().take(40).collect();
        DateError { input, reason }
    }

    /// The input that was rejected (its first 40 characters).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What is wrong with the input, in a few words.
    pub fn reason(&self) -> &str {
        self.reason
    }
}

impl PartialDate {
    /// A date known to the year.
    ///
    /// # Errors
    ///
    /// When `year` is not between 1 and 9999.
    pub fn from_year(year: i32) -> Result<Self, DateError> {
        Self::checked(year, 0, 0)
    }

    /// A date known to the month.
    ///
    /// # Errors
    ///
    /// When `year` is not between 1 and 9999 or `month` not between 1 and 12.
    pub fn from_year_month(year: i32, month: u32) -> Result<Self, DateError> {
        if month == 0 {
            return Err(DateError::new(&format!("{year}-{month}"), "month out of range"));
        }
        Self::checked(year, month, 0)
    }

    /// A date known to the day.
    ///
    /// # Errors
    ///
    /// When the day does not exist in the Gregorian calendar or the year is out of range.
    ///
    /// ```
    /// use kuril_dispute::PartialDate;
    ///
    /// assert!(PartialDate::from_ymd(2018, 11, 14).is_ok());
    /// assert!(PartialDate::from_ymd(2018, 2, 30).is_err());
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        if month == 0 || day == 0 {
            return Err(DateError::new(&format!("{year}-{month}-{day}"), "month or day out of range"));
        }
        Self::checked(year, month, day)
    }

    fn checked(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let text = || format!("{year}-{month}-{day}");
        let year16 = u16::try_from(year)
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .ok_or_else(|| DateError::new(&text(), "year out of range 1–9999"))?;
        if month > 12 {
            return Err(DateError::new(&text(), "month out of range"));
        }
        if day > 0 && NaiveDate::from_ymd_opt(year, month, day).is_none() {
            return Err(DateError::new(&text(), "no such day in that month"));
        }
        // month ≤ 12 and day ≤ 31 after the checks above.
        Ok(PartialDate {
            year: year16,
            month: u8::try_from(month).unwrap_or(0),
            day: u8::try_from(day).unwrap_or(0),
        })
    }

    /// The date of a [`NaiveDate`], known to the day (the public form is
    /// `PartialDate::try_from(date)`).
    pub(crate) fn from_naive(date: NaiveDate) -> Result<Self, DateError> {
        Self::from_ymd(date.year(), date.month(), date.day())
    }

    /// How precisely the date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month (1–12), if known.
    pub fn month(self) -> Option<u32> {
        (self.month != 0).then_some(u32::from(self.month))
    }

    /// The day of the month, if known.
    pub fn day(self) -> Option<u32> {
        (self.day != 0).then_some(u32::from(self.day))
    }

    /// The first day of the interval this date denotes.
    pub fn first_day(self) -> NaiveDate {
        let month = u32::from(self.month.max(1));
        let day = u32::from(self.day.max(1));
        NaiveDate::from_ymd_opt(self.year(), month, day).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the interval this date denotes.
    pub fn last_day(self) -> NaiveDate {
        let year = self.year();
        match self.precision() {
            Precision::Day => self.first_day(),
            Precision::Year => NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
            Precision::Month => {
                let (y, m) = if self.month == 12 { (year + 1, 1) } else { (year, u32::from(self.month) + 1) };
                NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
            }
        }
    }

    /// Whether `other` lies wholly within the interval this date denotes.
    ///
    /// ```
    /// use kuril_dispute::PartialDate;
    ///
    /// let month: PartialDate = "2018-11".parse()?;
    /// assert!(month.contains("2018-11-14".parse()?));
    /// assert!(!month.contains("2018".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(self, other: PartialDate) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }

    /// Whether the two intervals share at least one day.
    pub fn overlaps(self, other: PartialDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// Whether this interval ends strictly before `other` begins.
    pub fn is_before(self, other: PartialDate) -> bool {
        self.last_day() < other.first_day()
    }

    /// The same date, made no finer than `precision`.
    ///
    /// ```
    /// use kuril_dispute::PartialDate;
    /// use kuril_dispute::date::Precision;
    ///
    /// let d: PartialDate = "1956-10-19".parse()?;
    /// assert_eq!(d.truncate(Precision::Month).to_string(), "1956-10");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn truncate(self, precision: Precision) -> PartialDate {
        match precision {
            Precision::Year => PartialDate { month: 0, day: 0, ..self },
            Precision::Month => PartialDate { day: 0, ..self },
            Precision::Day => self,
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day != 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

fn digits(part: &str, len: usize, input: &str) -> Result<u32, DateError> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::new(input, "wrong number of digits"));
    }
    part.parse().map_err(|_| DateError::new(input, "not a number"))
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.split('-').nth(3).is_some() {
            return Err(DateError::new(s, "too many parts"));
        }
        if s.len() > 10 {
            return Err(DateError::new(s, "too long"));
        }
        let mut parts = s.split('-');
        let year = digits(parts.next().unwrap_or(""), 4, s)?;
        let month = parts.next().map(|p| digits(p, 2, s)).transpose()?;
        let day = parts.next().map(|p| digits(p, 2, s)).transpose()?;
        let year = i32::try_from(year).map_err(|_| DateError::new(s, "year out of range"))?;
        match (month, day) {
            (None, _) => PartialDate::from_year(year),
            (Some(m), None) => PartialDate::from_year_month(year, m),
            (Some(m), Some(d)) => PartialDate::from_ymd(year, m, d),
        }
        .map_err(|e| DateError::new(s, e.reason))
    }
}

/// A calendar day as a date known to the day.
///
/// ```
/// use kuril_dispute::{NaiveDate, PartialDate};
///
/// let day = NaiveDate::from_ymd_opt(1956, 10, 19).expect("a day");
/// assert_eq!(PartialDate::try_from(day)?.to_string(), "1956-10-19");
/// assert!(PartialDate::try_from(NaiveDate::MIN).is_err());
/// # Ok::<(), kuril_dispute::DateError>(())
/// ```
impl TryFrom<NaiveDate> for PartialDate {
    type Error = DateError;

    /// # Errors
    ///
    /// When the year is outside 1–9999 (a `PartialDate` holds no other).
    fn try_from(date: NaiveDate) -> Result<Self, DateError> {
        Self::from_naive(date)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The message for a date written without quotes: what to write instead.
fn unquoted(written: &str) -> String {
    // A date and time (`1956-10-19T10:00:00`) suggests its date.
    let date = written.split(['T', 't', ' ']).next().unwrap_or(written);
    let suggestion = match date.parse::<PartialDate>() {
        Ok(d) => format!("write it in quotes, \"{d}\""),
        Err(_) => "write it in quotes".to_owned(),
    };
    format!(
        "date {written} is not quoted: a date is a quoted string \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"; {suggestion}"
    )
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date string such as \"1956\", \"1956-10\" or \"1956-10-19\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
            // A bare year (`date = 1956`) is read as a number.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                Err(E::custom(unquoted(&v.to_string())))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                Err(E::custom(unquoted(&v.to_string())))
            }
            // TOML reads an unquoted date (`date = 1956-10-19`) as its own date type,
            // which serde sees as a map of one private key.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<PartialDate, A::Error> {
                let written = match map.next_key::<String>()? {
                    Some(key) if key.contains("datetime") => map.next_value::<String>()?,
                    _ => return Err(serde::de::Error::invalid_type(serde::de::Unexpected::Map, &self)),
                };
                Err(serde::de::Error::custom(unquoted(&written)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

crate::vocabulary::parse_by_id!(
    Precision => "precision",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        for (text, precision) in
            [("1855", Precision::Year), ("2012-03", Precision::Month), ("1956-10-19", Precision::Day)]
        {
            let d: PartialDate = text.parse().unwrap();
            assert_eq!(d.precision(), precision);
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["", "56", "1956-1", "1956-13", "1956-02-30", "0000", "1956-10-19-1", "195x", "1956/10"] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn leap_day() {
        assert!("2016-02-29".parse::<PartialDate>().is_ok());
        assert!("2018-02-29".parse::<PartialDate>().is_err());
        assert_eq!("2016-02".parse::<PartialDate>().unwrap().last_day().to_string(), "2016-02-29");
        assert_eq!("2018-12".parse::<PartialDate>().unwrap().last_day().to_string(), "2018-12-31");
    }
}
