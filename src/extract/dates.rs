//! Temporal expressions: absolute dates ("Nov. 14", "March 2012", "1956",
//! "2018-11-14"), relative ones ("on Monday", "last year", "earlier this month", "two
//! years ago", "this weekend"), resolved against the publication date; and the inference
//! of a publication date from the text when none is given.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::Regex;

use crate::date::{PartialDate, Precision};

/// A time expression as the text gives it, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A date with its year: "14 November 2018", "March 2012", "1956".
    Absolute(PartialDate),
    /// A month and day without a year: "Nov. 14".
    MonthDay(u32, u32),
    /// A month without a year: "later in September".
    Month(u32),
    /// A weekday: "on Monday".
    Weekday(Weekday, Tense),
    /// `offset` units from publication: "last year" = (Year, -1), "yesterday" = (Day, -1).
    Relative(Unit, i32),
    /// A decade: "the 1950s" (no ISO prefix expresses it; never an event date).
    Decade,
}

/// Whether a weekday points back or forward from publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// The unit of a relative expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
}

/// A time expression found in the (normalised) text.
#[derive(Debug, Clone)]
pub(crate) struct Temporal {
    pub range: Range<usize>,
    pub expr: Expr,
    /// "until 2000", "by 2020", "before 1945": a deadline or bound, not a happening.
    pub bound: bool,
}

const MONTHS: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";
const NUMBER_WORDS: &str =
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several|a few";

static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let m = MONTHS;
    let pattern = format!(
        r"(?x)
        (?-u:\b)(?P<iy>(?:18|19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?-u:\b)
        | (?-u:\b)(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\ (?:of\ )?(?P<m1>{m}),?\ (?P<y1>(?:18|19|20)\d\d)(?-u:\b)
        | (?-u:\b)(?P<m2>{m})\ (?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?-u:\b)(?:,?\ (?P<y2>(?:18|19|20)\d\d)(?-u:\b))?
        | (?-u:\b)(?P<m3>{m}),?\ (?:of\ )?(?P<y3>(?:18|19|20)\d\d)(?-u:\b)
        | (?-u:\b)(?P<d4>[0-3]?\d)(?:st|nd|rd|th)?\ (?:of\ )?(?P<m4>{m})(?-u:\b)
        | (?-u:\b)(?P<m5>January|February|March|April|June|July|August|September|October|November|December)(?-u:\b)
        | (?-u:\b)(?i:in|on|since|from|until|by|early|late|mid|mid-|end\ of|beginning\ of|since\ early|since\ late)\ (?P<m6>May)(?:\ (?P<d6>[0-3]?\d)(?:st|nd|rd|th)?)?(?:,?\ (?:of\ )?(?P<y6>(?:18|19|20)\d\d))?(?-u:\b)
        | (?-u:\b)(?P<decade>(?:18|19|20)\d0)s(?-u:\b)
        | (?-u:\b)(?P<year>(?:18|19|20)\d\d)(?-u:\b)
        | (?-u:\b)(?i:(?P<rel>yesterday|today|tomorrow|tonight))(?-u:\b)
        | (?-u:\b)(?i:(?P<rq>last|this|next|earlier\ this|later\ this|early\ this|early\ next|late\ last|late\ this|earlier\ last|past|coming)\ (?P<ru>year|month|week|weekend))(?-u:\b)
        | (?-u:\b)(?i:(?P<rn>\d{{1,2}}|{NUMBER_WORDS})\ (?P<ru2>years?|months?|weeks?|days?)\ ago)(?-u:\b)
        | (?-u:\b)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)
        "
    );
    Regex::new(&pattern).ok()
});

pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let n = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|m| lower.starts_with(m))?;
    u32::try_from(n + 1).ok()
}

pub(crate) fn number_word(w: &str) -> Option<u32> {
    let w = w.to_ascii_lowercase();
    if let Ok(n) = w.parse::<u32>() {
        return Some(n);
    }
    let words = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(n) = words.iter().position(|x| *x == w) {
        return u32::try_from(n).ok();
    }
    match w.as_str() {
        "a" | "an" => Some(1),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "sixty" => Some(60),
        "seventy" => Some(70),
        "eighty" => Some(80),
        "ninety" => Some(90),
        "hundred" => Some(100),
        _ => None,
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    name.get(..3)?.parse().ok()
}

fn words_before(text: &str, at: usize, n: usize) -> String {
    let head = super::text::window_before(text, at, 120);
    let start = head.char_indices().rev().filter(|(_, c)| c.is_whitespace()).nth(n).map_or(0, |(i, _)| i);
    head.get(start..).unwrap_or_default().to_ascii_lowercase()
}

/// Every time expression in `text`.
pub(crate) fn find(text: &str) -> Vec<Temporal> {
    let Some(re) = DATE.as_ref() else { return Vec::new() };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let g = |name: &str| c.name(name).map(|m| m.as_str());
        let num = |name: &str| g(name).and_then(|s| s.parse::<i32>().ok());
        let unum = |name: &str| g(name).and_then(|s| s.parse::<u32>().ok());
        let expr = if let (Some(y), Some(m), Some(d)) = (num("iy"), unum("im"), unum("id")) {
            PartialDate::day(y, m, d).ok().map(Expr::Absolute)
        } else if let (Some(d), Some(m), Some(y)) = (unum("d1"), g("m1").and_then(month_number), num("y1")) {
            PartialDate::day(y, m, d).ok().map(Expr::Absolute)
        } else if let (Some(m), Some(d)) = (g("m2").and_then(month_number), unum("d2")) {
            match num("y2") {
                Some(y) => PartialDate::day(y, m, d).ok().map(Expr::Absolute),
                None => (1..=31).contains(&d).then_some(Expr::MonthDay(m, d)),
            }
        } else if let (Some(m), Some(y)) = (g("m3").and_then(month_number), num("y3")) {
            PartialDate::month(y, m).ok().map(Expr::Absolute)
        } else if let (Some(d), Some(m)) = (unum("d4"), g("m4").and_then(month_number)) {
            (1..=31).contains(&d).then_some(Expr::MonthDay(m, d))
        } else if let Some(m) = g("m5").and_then(month_number) {
            Some(Expr::Month(m))
        } else if g("m6").is_some() {
            // "May" after "in" or "on" is the month; bare "May" is too often the verb.
            match (unum("d6"), num("y6")) {
                (Some(d), Some(y)) => PartialDate::day(y, 5, d).ok().map(Expr::Absolute),
                (None, Some(y)) => PartialDate::month(y, 5).ok().map(Expr::Absolute),
                (Some(d), None) => (1..=31).contains(&d).then_some(Expr::MonthDay(5, d)),
                (None, None) => Some(Expr::Month(5)),
            }
        } else if g("decade").is_some() {
            Some(Expr::Decade)
        } else if let Some(y) = num("year") {
            // Not part of a number or a range of years ("1,956", "1855-1917", "No. 1956").
            let before = text.get(..whole.start()).and_then(|s| s.chars().next_back());
            let after = text.get(whole.end()..).unwrap_or_default();
            let range = after.starts_with('-') && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
                || matches!(before, Some('-' | ',' | '.' | '#' | '$' | '/'));
            let unit = after.trim_start().starts_with('%') || after.starts_with(" km");
            (!range && !unit).then(|| PartialDate::year(y).ok().map(Expr::Absolute)).flatten()
        } else if let Some(r) = g("rel") {
            Some(Expr::Relative(
                Unit::Day,
                match r.to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                },
            ))
        } else if let (Some(q), Some(u)) = (g("rq"), g("ru")) {
            let q = q.to_ascii_lowercase();
            let offset = if q.starts_with("last") || q.ends_with("last") || q == "past" {
                -1
            } else if q.ends_with("next") || q == "next" || q == "coming" {
                1
            } else {
                0
            };
            let unit = match u.to_ascii_lowercase().as_str() {
                "year" => Unit::Year,
                "month" => Unit::Month,
                "weekend" => Unit::Weekend,
                _ => Unit::Week,
            };
            // "the past year" and "the coming week" are spans, not points.
            (q != "past" && q != "coming").then_some(Expr::Relative(unit, offset))
        } else if let (Some(n), Some(u)) = (g("rn").and_then(number_word), g("ru2")) {
            let unit = match u.to_ascii_lowercase().trim_end_matches('s') {
                "year" => Unit::Year,
                "month" => Unit::Month,
                "week" => Unit::Week,
                _ => Unit::Day,
            };
            i32::try_from(n).ok().map(|n| Expr::Relative(unit, -n))
        } else if let Some(w) = g("wd").and_then(weekday) {
            let before = words_before(text, whole.start(), 4);
            let future =
                ["will ", "next ", "scheduled", "due ", "plans ", "planned", "expected", "to be held"]
                    .iter()
                    .any(|cue| before.contains(cue));
            Some(Expr::Weekday(w, if future { Tense::Future } else { Tense::Past }))
        } else {
            None
        };
        let Some(expr) = expr else { continue };
        let before = words_before(text, whole.start(), 1);
        let bound = ["until ", "till ", "by ", "before ", "through ", "deadline "]
            .iter()
            .any(|w| before.ends_with(w) || before.trim_start() == w.trim_end());
        out.push(Temporal { range: whole.range(), expr, bound });
    }
    out
}

/// Resolves an expression against the publication date, at the precision both allow.
/// Without the needed anchor, a relative expression falls back to the publication
/// date's own precision (the happening is known to be near it), or to nothing.
pub(crate) fn resolve(expr: Expr, published: Option<PartialDate>) -> Option<PartialDate> {
    match expr {
        Expr::Absolute(d) => Some(d),
        Expr::Decade => None,
        Expr::MonthDay(m, d) => {
            let p = published?;
            let y = nearest_year(p, m);
            PartialDate::day(y, m, d).ok().or_else(|| PartialDate::month(y, m).ok())
        }
        Expr::Month(m) => {
            let p = published?;
            PartialDate::month(nearest_year(p, m), m).ok()
        }
        Expr::Weekday(w, tense) => {
            // A weekday needs the day of publication.
            let p = published.filter(|p| p.precision() == Precision::Day)?;
            let day = p.first_day();
            let mut d = day;
            for _ in 0..7 {
                if d.weekday() == w && (d != day || tense == Tense::Past) {
                    break;
                }
                d = match tense {
                    Tense::Past => d.checked_sub_days(Days::new(1))?,
                    Tense::Future => d.checked_add_days(Days::new(1))?,
                };
            }
            PartialDate::from_naive(d).ok()
        }
        Expr::Relative(unit, offset) => {
            let p = published?;
            let day = p.first_day();
            match unit {
                Unit::Year => PartialDate::year(p.year_number() + offset).ok(),
                Unit::Month if p.precision() != Precision::Year => {
                    let d = shift_months(day, offset)?;
                    PartialDate::month(d.year(), d.month()).ok()
                }
                Unit::Day if p.precision() == Precision::Day => {
                    let d = day.checked_add_signed(chrono::Duration::days(i64::from(offset)))?;
                    PartialDate::from_naive(d).ok()
                }
                Unit::Week if p.precision() == Precision::Day => {
                    let d = day.checked_add_signed(chrono::Duration::weeks(i64::from(offset)))?;
                    PartialDate::month(d.year(), d.month()).ok()
                }
                Unit::Weekend if p.precision() == Precision::Day => {
                    // The Saturday of this (or the next / last) weekend.
                    let mut d = day;
                    while d.weekday() != Weekday::Sat {
                        d = d.checked_add_days(Days::new(1))?;
                    }
                    let d = d.checked_add_signed(chrono::Duration::weeks(i64::from(offset)))?;
                    PartialDate::from_naive(d).ok()
                }
                // Not enough precision in the publication date: the happening is known to
                // fall near it, at its precision (a month or a year).
                _ if offset == 0 => Some(p),
                _ => None,
            }
        }
    }
}

fn shift_months(d: NaiveDate, offset: i32) -> Option<NaiveDate> {
    let by = Months::new(offset.unsigned_abs());
    if offset >= 0 { d.checked_add_months(by) } else { d.checked_sub_months(by) }
}

/// The year of month `m` nearest to publication: news reports recent months, so a month
/// more than two months after publication belongs to the year before.
fn nearest_year(p: PartialDate, m: u32) -> i32 {
    match p.month_number() {
        Some(pm) if m > pm + 2 => p.year_number() - 1,
        _ => p.year_number(),
    }
}

static SINCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        (?-u:\b)(?P<nearly>nearly\ |almost\ |about\ |some\ |more\ than\ |over\ )?(?P<n>\d{{1,3}}|{NUMBER_WORDS}|sixty|seventy|eighty|ninety)\ years?
        (?:\ have|\ has|\ had)?(?:\ passed|\ elapsed|\ on)?\ (?:since|after)\ 
        (?:(?:the\ )?(?:end\ of\ |conclusion\ of\ )?(?P<war>world\ war\ (?:ii|2|two)|ww-?\ ?ii|the\ second\ world\ war|second\ world\ war|the\ war)
          |[^.\n]{{0,80}}?(?-u:\b)(?:in\ )?(?P<y>(?:18|19|20)\d\d)(?-u:\b))"
    ))
    .ok()
});

static AS_OF: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:as of|as at|so far in|since the start of)\s+(?P<y>(?:18|19|20)\d\d)(?-u:\b)")
        .ok()
});

static PUBLISHED_LABEL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:published|posted|updated|date|dated)\s*(?:on|:)?\s*$").ok());

/// Infers a publication date from the text alone, or `None`.
///
/// 1. A dateline: a full date on a short line near the top, or after "Published",
///    "Posted", "Updated" or "Date:".
/// 2. Otherwise the latest year the text stands in: the latest year it names (bounds
///    such as "until 2000" aside), "N years after YEAR" (= YEAR + N), "N years after
///    the end of World War II" (the year holding most of that span: 1946 + N, or
///    1945 + N when "nearly"), "as of YEAR" — refined to a month when the text names
///    months without a year ("on April 15", "later in September": the latest of them).
pub(crate) fn infer_published(text: &str, temporals: &[Temporal]) -> Option<PartialDate> {
    let mut clues = PublishedClues::default();
    clues.observe(text, temporals, true);
    clues.date()
}

/// What a text says about when it was written, gathered piece by piece (see
/// [`infer_published`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PublishedClues {
    dateline: Option<PartialDate>,
    year: Option<i32>,
    month: Option<u32>,
}

impl PublishedClues {
    /// Reads one piece of the text (`head`: whether it is the document's beginning).
    pub fn observe(&mut self, text: &str, temporals: &[Temporal], head: bool) {
        if head && self.dateline.is_none() {
            self.dateline = dateline(text, temporals);
        }
        let mut bump = |y: i32| {
            if (1850..=2100).contains(&y) {
                self.year = Some(self.year.map_or(y, |old: i32| old.max(y)));
            }
        };
        for t in temporals {
            if let Expr::Absolute(d) = t.expr
                && !t.bound
            {
                bump(d.year_number());
            }
        }
        if let Some(re) = SINCE.as_ref() {
            for c in re.captures_iter(text) {
                let Some(n) =
                    c.name("n").and_then(|m| number_word(m.as_str())).and_then(|n| i32::try_from(n).ok())
                else {
                    continue;
                };
                if c.name("war").is_some() {
                    bump(if c.name("nearly").is_some() { 1945 + n } else { 1946 + n });
                } else if let Some(y) = c.name("y").and_then(|m| m.as_str().parse::<i32>().ok()) {
                    bump(y + n);
                }
            }
        }
        if let Some(re) = AS_OF.as_ref() {
            for c in re.captures_iter(text) {
                if let Some(y) = c.name("y").and_then(|m| m.as_str().parse::<i32>().ok()) {
                    bump(y);
                }
            }
        }
        let month = temporals
            .iter()
            .filter_map(|t| match t.expr {
                Expr::MonthDay(m, _) | Expr::Month(m) => Some(m),
                _ => None,
            })
            .max();
        self.month = self.month.max(month);
    }

    /// The date the clues point to, if any.
    pub fn date(&self) -> Option<PartialDate> {
        if let Some(d) = self.dateline {
            return Some(d);
        }
        let year = self.year?;
        match self.month {
            Some(m) => PartialDate::month(year, m).ok(),
            None => PartialDate::year(year).ok(),
        }
    }
}

/// A dateline: a full date on a short line near the top, or after a label.
fn dateline(text: &str, temporals: &[Temporal]) -> Option<PartialDate> {
    let head_end = text.len().min(1200);
    for t in temporals {
        if t.range.start > head_end {
            break;
        }
        let Expr::Absolute(d) = t.expr else { continue };
        if d.precision() != Precision::Day {
            continue;
        }
        let before = super::text::window_before(text, t.range.start, 200);
        let line_start = t.range.start - before.len() + before.rfind('\n').map_or(0, |i| i + 1);
        let after = super::text::window_after(text, t.range.end, 200);
        let line_end = t.range.end + after.find('\n').unwrap_or(after.len());
        let prefix = text.get(line_start..t.range.start).unwrap_or_default();
        let labelled = PUBLISHED_LABEL.as_ref().is_some_and(|r| r.is_match(prefix));
        // A wire dateline: "LONDON, 12 October 1993 (Agency) - …".
        let wire = prefix.len() <= 40 && !prefix.chars().any(char::is_lowercase);
        if labelled || wire || line_end.saturating_sub(line_start) <= 100 {
            return Some(d);
        }
    }
    None
}

/// Whether this module's patterns compile.
pub(crate) fn compiles() -> bool {
    DATE.is_some() && SINCE.is_some() && AS_OF.is_some() && PUBLISHED_LABEL.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn resolved(text: &str, published: &str) -> Vec<String> {
        find(text)
            .into_iter()
            .filter_map(|t| resolve(t.expr, Some(d(published))))
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn absolute_dates_at_their_precision() {
        assert_eq!(
            resolved("On 14 November 2018 and in March 2012, like in 1956.", "2019-01-01"),
            ["2018-11-14", "2012-03", "1956"]
        );
        assert_eq!(resolved("Signed October 19, 1956 (1956-10-19).", "2019"), ["1956-10-19", "1956-10-19"]);
    }

    #[test]
    fn a_month_and_day_without_a_year_takes_the_nearest_year() {
        assert_eq!(resolved("They met on Nov. 14.", "2018-11-20"), ["2018-11-14"]);
        assert_eq!(resolved("They met on Nov. 14.", "2019-01-22"), ["2018-11-14"]);
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        assert_eq!(resolved("He spoke on Monday.", "2013-05-01"), ["2013-04-29"]);
        assert_eq!(resolved("They will meet on Monday.", "2013-05-01"), ["2013-05-06"]);
        assert_eq!(resolved("last year", "2016-05-03"), ["2015"]);
        assert_eq!(resolved("earlier this month", "2016-05-03"), ["2016-05"]);
        assert_eq!(resolved("two years ago", "2016-05-03"), ["2014"]);
        assert_eq!(resolved("this weekend", "2018-11-14"), ["2018-11-17"]);
        assert_eq!(resolved("yesterday", "2018-11-14"), ["2018-11-13"]);
    }

    #[test]
    fn ranges_decades_and_bounds() {
        let t = find("covering 1855-1917, in the 1950s, until 2000");
        assert!(t.iter().all(|t| !matches!(t.expr, Expr::Absolute(d) if d.year_number() == 1855)));
        assert!(t.iter().any(|t| t.expr == Expr::Decade));
        assert!(t.iter().any(|t| t.bound && t.expr == Expr::Absolute(d("2000"))));
    }

    #[test]
    fn publication_inferred_from_spans_and_months() {
        let text =
            "Six years have passed since both took office in 2012. He will be re-elected later in September.";
        assert_eq!(infer_published(text, &find(text)), Some(d("2018-09")));
        let text = "No treaty 67 years after the end of World War II.";
        assert_eq!(infer_published(text, &find(text)), Some(d("2013")));
        let text = "Tokyo, Japan\nNovember 15, 2018\nThe leaders met in 1956 style.";
        assert_eq!(infer_published(text, &find(text)), Some(d("2018-11-15")));
    }
}
