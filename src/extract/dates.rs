//! Time expressions, read by the pack's date patterns around their anchors (a month or
//! weekday word, an era, a relative phrase, a digit run), resolved against the
//! publication date or against the date last mentioned; and the publication date itself,
//! inferred only from strong clues (a labelled date, a dateline, a dated header line).

use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lexicon::{Anchor, DateItem, NumberKind, Pack, Phrases, Term, TimeUnit};
use super::numbers::Number;
use super::reader::{Class, Entry, Hit, Reader};
use super::text::{char_at, char_before, line_start, window_after, window_before, word_after, word_before};
use crate::dataset::Dataset;
use crate::date::{PartialDate, Precision};

/// A time expression as the text gives it, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// A date with its year: "14 November 2018", "March 2012", "1956", 昭和31年.
    Absolute(PartialDate),
    /// A month and day without a year: "Nov. 14"; the next one to come when the sentence
    /// speaks of the future ("talks are expected on Jan. 22").
    MonthDay(u32, u32, Tense),
    /// A month without a year: "later in September" (see [`Expr::MonthDay`]).
    Month(u32, Tense),
    /// A month (and day) of a year counted from publication ("in March last year", 昨年3月,
    /// «в марте прошлого года») or from the date last mentioned (同じ年の12月12日, 翌年8月,
    /// "in March of that year").
    YearMonth { offset: i32, month: u32, day: Option<u32>, from: Anchor },
    /// A day without month or year (Japanese 「14日」): a day near publication.
    Day(u32),
    /// The next day of that number after the date last given with its day (Japanese
    /// 翌15日 after 先月14日: the 15th of that month; after the 30th, of the month after).
    FollowingDay(u32),
    /// Publication's day of the year `offset` years away: "60 years ago today", 60年前のきょう.
    YearsToday(i32),
    /// A day of a month counted from publication or from the date last mentioned: 今月13日,
    /// 先月28日, 同月27日.
    DayOfMonth { offset: i32, day: u32, from: Anchor },
    /// A weekday: "on Monday".
    Weekday(Weekday, Tense),
    /// `offset` units from publication or from the date last mentioned; `counted`, a count
    /// of units ("a week later", "two weeks ago"), not a span ("last week", "the following
    /// week").
    Relative { unit: TimeUnit, offset: i32, from: Anchor, counted: bool },
    /// A decade: "the 1950s" (no ISO prefix expresses it; never an event date).
    Decade,
    /// A year given by its last two digits, with its month (and day): 93年10月. It is the
    /// latest such year not after publication (undated: the date last mentioned), or the
    /// next century's when that is nearer the date last mentioned and at most
    /// [`SHORT_YEAR_AHEAD`] years past publication.
    ShortYear { yy: u32, month: Option<u32>, day: Option<u32> },
}

impl Expr {
    /// The month (and day) of a month named without its year.
    pub(crate) fn month_day(&self) -> Option<(u32, Option<u32>)> {
        match *self {
            Expr::Month(m, _) => Some((m, None)),
            Expr::MonthDay(m, d, _) => Some((m, Some(d))),
            _ => None,
        }
    }
}

/// Month `month` (and day `day`) of year `year`.
pub(crate) fn in_year(year: i32, month: u32, day: Option<u32>) -> Option<PartialDate> {
    match day {
        Some(d) => PartialDate::from_ymd(year, month, d).ok(),
        None => PartialDate::from_year_month(year, month).ok(),
    }
}

/// Whether a weekday points back or forward from publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// A time expression found in the (normalised) text.
#[derive(Debug, Clone)]
pub(crate) struct Temporal {
    pub range: Range<usize>,
    pub expr: Expr,
    /// "until 2000", "by 2020", "since 2013": a bound, a deadline or a period's start,
    /// not a happening.
    pub bound: bool,
    /// After a label ("Published:"): the document's own date.
    pub label: bool,
    /// A year beside an agreement's name or kind ("the 1956 declaration", «декларацию 1956
    /// года», 1956年の日ソ共同宣言): it names the agreement, so it is no date a later "then"
    /// refers back to.
    pub names_agreement: bool,
    /// Counted from a happening named with no date ("a week after the sanctions"): from the
    /// date last mentioned.
    pub happening: bool,
}

/// What a pattern's slots captured.
#[derive(Debug, Default, Clone, Copy)]
struct Fields {
    year: Option<i32>,
    /// A year's last two digits (the `{yy}` slot).
    short_year: Option<u32>,
    month: Option<u32>,
    month_ambiguous: bool,
    day: Option<u32>,
    weekday: Option<(Weekday, bool)>,
    era: Option<i32>,
    era_year: Option<i32>,
    /// A second day slot read ("from the 5th to the 10th of August"): a span of days.
    span: bool,
}

/// Looks up what stands at a point of the text: hits and numbers, both sorted by start.
struct At<'s> {
    text: &'s str,
    hits: &'s [Hit],
    reader: &'s Reader,
    numbers: &'s [Number],
    pack: &'s Pack,
}

impl<'s> At<'s> {
    /// Whether an agreement's name starts at `end`, or after a word of
    /// `dates.year_name_joiners` there (the year names it: 56年の日ソ共同宣言).
    fn names_agreement_after(&self, end: usize) -> bool {
        if self.pack.year_name_joiners.is_empty() {
            return false;
        }
        let start = self.pack.year_name_joiners.glued(self.text, end).map_or(end, |(e, _)| e);
        self.hits_at(start).any(|h| self.reader.names_agreement(h))
    }

    /// The hits that start at `at`.
    fn hits_at(&self, at: usize) -> impl Iterator<Item = &'s Hit> {
        let k = self.hits.partition_point(|h| (h.start as usize) < at);
        self.hits.get(k..).unwrap_or_default().iter().take_while(move |h| h.start as usize == at)
    }

    fn hit_terms(&self, at: usize) -> impl Iterator<Item = (&'s Hit, &'s Term)> {
        let reader = self.reader;
        self.hits_at(at).flat_map(move |h| reader.terms(h).map(move |t| (h, t)))
    }

    /// A number of exactly `n` digits at `at`: `n` ASCII digits not followed by another,
    /// else `n` digit words in a row (一九五六, 九三). Its value and end.
    fn fixed_digits(&self, at: usize, n: usize) -> Option<(i32, usize)> {
        match self.text.get(at..at + n).filter(|d| d.bytes().all(|b| b.is_ascii_digit())) {
            Some(digits) => {
                if self.text.as_bytes().get(at + n).is_some_and(u8::is_ascii_digit) {
                    return None;
                }
                Some((digits.parse().ok()?, at + n))
            }
            None => self.digit_words(at, n),
        }
    }

    /// Exactly `n` number words that are each one digit (0–9), written one after another
    /// with nothing between them: their value read digit by digit, and their end.
    fn digit_words(&self, at: usize, n: usize) -> Option<(i32, usize)> {
        let mut pos = at;
        let mut value = 0i32;
        for _ in 0..n {
            let (h, d) = self.hit_terms(pos).find_map(|(h, t)| match t {
                Term::Number { value, kind: NumberKind::Unit }
                    if (0.0..=9.0).contains(value) && value.fract() == 0.0 =>
                {
                    Some((h, *value as i32))
                }
                _ => None,
            })?;
            value = value * 10 + d;
            pos = h.end as usize;
        }
        let next = self.hit_terms(pos).any(|(_, t)| matches!(t, Term::Number { .. }));
        (!next).then_some((value, pos))
    }

    /// Whether the subject of a clause starts right at `at` (after spaces or a comma): a
    /// person, a title or a state named in a base (not an oblique) case.
    fn subject_after(&self, at: usize) -> bool {
        let k = self.hits.partition_point(|h| (h.start as usize) < at);
        self.hits.get(k).is_some_and(|h| {
            self.text
                .get(at..h.start as usize)
                .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == ','))
                && !self.reader.is_oblique(h)
                && self.names_a_subject(h)
        })
    }

    /// Whether hit `h` names what can be a clause's subject: a person, a state, a title.
    fn names_a_subject(&self, h: &Hit) -> bool {
        self.reader.entries(h).any(|e| {
            matches!(
                e,
                Entry::Person { .. } | Entry::Party { .. } | Entry::Term(Term::Title { .. } | Term::Party(_))
            )
        })
    }

    /// Whether the subject of a clause ends right before `at` («МИД накануне заявил»,
    /// «Японская сторона накануне призвала»): the name of a person, a state (with a noun
    /// of its government) or a title, not in an oblique case.
    fn subject_before(&self, at: usize) -> bool {
        let k = self.hits.partition_point(|h| (h.start as usize) < at);
        let blank = |from: usize| self.text.get(from..at).is_some_and(|g| g.chars().all(char::is_whitespace));
        // (Hits sharing a start, «МИД» and «МИД России», come in any order: the few before
        // `at` are all looked at.)
        self.hits
            .get(k.saturating_sub(4)..k)
            .unwrap_or_default()
            .iter()
            .filter(|h| (h.end as usize) <= at)
            .any(|h| {
                let end = h.end as usize;
                // (A state in the genitive after a noun of its government, «МИД России», is the
                // subject's head.)
                let governed = self.pack.state_nouns.before(self.text, h.start as usize).is_some()
                    || self.pack.state_nouns.after(self.text, h.start as usize).is_some_and(|(e, _)| e < end);
                (blank(end) || self.pack.state_nouns.after(self.text, end).is_some_and(|(e, _)| blank(e)))
                    && (!self.reader.is_oblique(h) || governed)
                    && self.names_a_subject(h)
            })
    }

    /// A whole number from 1 to `max` that ends at `end`: its start and value.
    fn whole_number_ending(&self, end: usize, max: f64) -> Option<(usize, u32)> {
        let k = self.numbers.partition_point(|n| n.range.end < end);
        let n = self.numbers.get(k).filter(|n| n.range.end == end && n.value.fract() == 0.0)?;
        (1.0..=max).contains(&n.value).then_some((n.range.start, n.value as u32))
    }

    fn number(&self, at: usize) -> Option<&'s Number> {
        let k = self.numbers.partition_point(|n| n.range.start < at);
        self.numbers.get(k).filter(|n| n.range.start == at)
    }

    /// Up to `max` ASCII digits at `at` (none after them), as a number and its end; or a
    /// number written in words (kanji) that starts there.
    fn small_number(&self, at: usize, max: usize) -> Option<(u32, usize)> {
        let bytes = self.text.as_bytes();
        let mut end = at;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        if end > at {
            if end - at > max {
                return None;
            }
            return self.text.get(at..end)?.parse().ok().map(|v| (v, end));
        }
        let n = self.number(at)?;
        (n.value.fract() == 0.0 && n.value >= 0.0 && n.value < 1000.0)
            .then_some((n.value as u32, n.range.end))
    }

    /// Matches a pattern at `at`: its end and what it captured.
    fn pattern(&self, items: &[DateItem], at: usize) -> Option<(usize, Fields)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = at;
        let mut f = Fields::default();
        for item in items {
            match item {
                DateItem::Space => {
                    let start = pos;
                    while let Some(c) = char_at(text, pos).filter(|c| c.is_whitespace() && *c != '\n') {
                        pos += c.len_utf8();
                    }
                    if pos == start {
                        return None;
                    }
                }
                DateItem::Literal(lit) => {
                    let rest = text.get(pos..)?;
                    let n = prefix_ci(rest, lit)?;
                    pos += n;
                }
                DateItem::Year => {
                    let (y, end) = self.fixed_digits(pos, 4)?;
                    if !(1800..=2099).contains(&y) {
                        return None;
                    }
                    f.year = Some(y);
                    pos = end;
                }
                DateItem::ShortYear => {
                    // Not the end of a longer run of digits.
                    if bytes.get(pos).is_some_and(u8::is_ascii_digit)
                        && pos.checked_sub(1).and_then(|k| bytes.get(k)).is_some_and(u8::is_ascii_digit)
                    {
                        return None;
                    }
                    let (yy, end) = self.fixed_digits(pos, 2)?;
                    f.short_year = Some(u32::try_from(yy).ok()?);
                    pos = end;
                }
                DateItem::MonthNumber => {
                    let (m, end) = self.small_number(pos, 2)?;
                    if !(1..=12).contains(&m) {
                        return None;
                    }
                    f.month = Some(m);
                    pos = end;
                }
                DateItem::Day => {
                    let (d, end) = self.small_number(pos, 2)?;
                    if !(1..=31).contains(&d) {
                        return None;
                    }
                    f.span |= f.day.is_some_and(|first| first < d);
                    f.day = Some(d);
                    pos = end;
                    if let Some((e, _)) = adjacent(&self.pack.day_suffixes, text, pos) {
                        pos = e;
                    }
                }
                DateItem::EraYear => {
                    // (Or the word for its first year, 平成元年.)
                    let (n, end) = match adjacent(&self.pack.era_first_year, text, pos) {
                        Some((end, _)) => (1, end),
                        None => self.small_number(pos, 2)?,
                    };
                    if !(1..=99).contains(&n) {
                        return None;
                    }
                    f.era_year = Some(i32::try_from(n).ok()?);
                    pos = end;
                }
                DateItem::Month => {
                    let (h, m, ambiguous) = self.hit_terms(pos).find_map(|(h, t)| match t {
                        Term::Month { value, ambiguous, .. } => Some((h, *value, *ambiguous)),
                        _ => None,
                    })?;
                    f.month = Some(m);
                    f.month_ambiguous = ambiguous;
                    pos = h.end as usize;
                }
                DateItem::Weekday => {
                    let (h, d, ambiguous) = self.hit_terms(pos).find_map(|(h, t)| match t {
                        Term::Weekday { day, ambiguous } => Some((h, *day, *ambiguous)),
                        _ => None,
                    })?;
                    f.weekday = Some((d, ambiguous));
                    pos = h.end as usize;
                }
                DateItem::Era => {
                    let (h, first) = self.hit_terms(pos).find_map(|(h, t)| match t {
                        Term::Era { first_year } => Some((h, *first_year)),
                        _ => None,
                    })?;
                    f.era = Some(first);
                    pos = h.end as usize;
                }
            }
        }
        // A date ends on a word boundary ("May 2018s" is not one).
        if char_at(text, pos).is_some_and(|c| c.is_ascii_alphanumeric())
            && char_before(text, pos).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return None;
        }
        Some((pos, f))
    }
}

/// The longest phrase of `set` that starts exactly at `at` (no space before it).
fn adjacent<'p, T>(set: &'p Phrases<T>, text: &str, at: usize) -> Option<(usize, &'p T)> {
    set.glued(text, at)
}

/// The bytes of `hay` that `needle` (lower-case) matches at its start, case aside.
fn prefix_ci(hay: &str, needle: &str) -> Option<usize> {
    let mut h = hay.char_indices();
    for nc in needle.chars() {
        let (_, hc) = h.next()?;
        if hc != nc && !hc.to_lowercase().eq(std::iter::once(nc)) {
            return None;
        }
    }
    Some(h.next().map_or(hay.len(), |(i, _)| i))
}

/// Every time expression of `text`.
pub(crate) fn find(
    text: &str,
    hits: &[Hit],
    reader: &Reader,
    numbers: &[Number],
    pack: &Pack,
    data: &Dataset,
    in_play: &dyn Fn(usize) -> bool,
) -> Vec<Temporal> {
    let at = At { text, hits, reader, numbers, pack };
    let mut anchors = anchors_of(text, hits, reader, numbers);
    anchors.sort_unstable();
    anchors.dedup();
    anchors.retain(|&p| in_play(p));

    let mut out: Vec<Temporal> = Vec::new();
    let mut consumed = 0usize;
    for &p in &anchors {
        if p < consumed {
            continue;
        }
        let Some((range, expr, span)) = expression_at(&at, p, data) else { continue };
        consumed = range.end;
        // A day after a word of `dates.following_day` (翌15日) is the next such day after the
        // date last given with its day.
        let (range, expr) = match (expr, pack.following_day.before(text, range.start)) {
            (Expr::Day(d), Some((start, _))) => (start..range.end, Expr::FollowingDay(d)),
            // A count after a word of `dates.approximate` ("about a week later") is no
            // longer to the day.
            (Expr::Relative { unit, offset, from, counted: true }, _)
                if pack.approximate.before(text, range.start).is_some() =>
            {
                (range, Expr::Relative { unit, offset, from, counted: false })
            }
            (e, _) => (range, e),
        };
        // A month right after a year no pattern read (安政元年12月21日: a calendar the pack
        // does not know) is that calendar's: no date.
        // (Not a year read, 昨年12月, 1855年\n2月: a time expression ends in the word.)
        if matches!(expr, Expr::Month(..) | Expr::MonthDay(..))
            && let Some((word, _)) = pack.unread_year_ends.before(text, range.start)
            && out.last().is_none_or(|t| t.range.end <= word)
        {
            continue;
        }
        // A shift read back from its word ("6日後") takes the place of the count it holds,
        // read before as a date of its own ("6日").
        while out.last().is_some_and(|t| t.range.start >= range.start) {
            out.pop();
        }
        // A span of days is the happening's own dates: the word that opens it ("from the
        // 5th to the 10th") is no bound. Nor is one before a month's adjective, which
        // governs the noun it qualifies («с декабрьской встречей»).
        let qualifier =
            at.hit_terms(range.start).any(|(_, t)| matches!(t, Term::Month { qualifier: true, .. }));
        let bound = !span
            && !qualifier
            && (pack.bounds.before(text, range.start).is_some()
                || pack.bounds_after.after(text, range.end).is_some());
        let label = labelled(pack, text, range.start);
        // (After it only: the happening "a week before the planned talks" is yet to come, and
        // the date last mentioned is not its.)
        let happening = matches!(expr, Expr::Relative { from: Anchor::Next, offset: 1.., .. })
            && pack.event_kinds.before(text, range.end).is_some();
        out.push(Temporal { range, expr, bound, label, names_agreement: false, happening });
    }
    merge_year_months(text, pack, &mut out);
    out
}

/// Joins a month (and day) without a year to a year counted from publication or from the
/// date last mentioned right beside it, after ("in March last year", «в марте прошлого
/// года») or before (昨年3月, 同じ年の12月12日): one expression, "March of last year".
fn merge_year_months(text: &str, pack: &Pack, out: &mut Vec<Temporal>) {
    // `unit`s counted from publication or from the date last mentioned (this year, 同月).
    let counted =
        |t: &Temporal, unit: TimeUnit| match t.expr {
            Expr::Relative {
                unit: u, offset, from: from @ (Anchor::Publication | Anchor::Previous), ..
            } if u == unit => Some((offset, from)),
            _ => None,
        };
    let year_offset = |t: &Temporal| counted(t, TimeUnit::Year);
    let today = |t: &Temporal| counted(t, TimeUnit::Day) == Some((0, Anchor::Publication));
    // Nothing but spaces, a comma or a word of `dates.month_year_links` ("of", の) between.
    let joined = |a: &Temporal, b: &Temporal| {
        text.get(a.range.end..b.range.start).is_some_and(|g| {
            let g = g.trim().trim_matches(',');
            g.len() <= 6 && (g.is_empty() || pack.month_year_links.contains(g))
        })
    };
    let mut i = 0;
    while i + 1 < out.len() {
        let (Some(a), Some(b)) = (out.get(i), out.get(i + 1)) else { break };
        let years_ago = year_offset(a).filter(|&(offset, from)| offset != 0 && from == Anchor::Publication);
        let day_of_month = match (counted(a, TimeUnit::Month), b.expr) {
            (Some((offset, from)), Expr::Day(day)) => Some(Expr::DayOfMonth { offset, day, from }),
            _ => None,
        };
        let pair = match (a.expr.month_day(), year_offset(b), year_offset(a), b.expr.month_day()) {
            _ if years_ago.is_some() && today(b) && joined(a, b) => {
                years_ago.map(|(offset, _)| Expr::YearsToday(offset))
            }
            _ if day_of_month.is_some() && joined(a, b) => day_of_month,
            (Some((month, day)), Some((offset, from)), _, _)
            | (_, _, Some((offset, from)), Some((month, day)))
                if joined(a, b) =>
            {
                Some(Expr::YearMonth { offset, month, day, from })
            }
            _ => None,
        };
        if let Some(expr) = pair {
            let merged = Temporal {
                range: a.range.start..b.range.end,
                expr,
                bound: a.bound || b.bound,
                label: a.label || b.label,
                names_agreement: false,
                happening: false,
            };
            out.splice(i..i + 2, [merged]);
        }
        i += 1;
    }
}

/// Where a time expression may start: hits of date terms, numbers written in words, and
/// runs of digits that can be a day, a month or a year; unsorted.
fn anchors_of(text: &str, hits: &[Hit], reader: &Reader, numbers: &[Number]) -> Vec<usize> {
    // Anchors: hits of date terms and starts of digit runs or number words, in order.
    let mut anchors: Vec<usize> = Vec::new();
    for h in hits.iter().filter(|h| reader.is(h, Class::DateWord)) {
        if reader.terms(h).any(|t| {
            matches!(
                t,
                Term::Month { .. }
                    | Term::Weekday { .. }
                    | Term::Era { .. }
                    | Term::Relative { .. }
                    | Term::Shift { .. }
                    | Term::NamedDate(_)
                    | Term::Anniversary
            )
        }) {
            anchors.push(h.start as usize);
        }
    }
    // Numbers written in words (kanji days: 二十一日).
    for n in numbers.iter().filter(|n| !n.digits) {
        anchors.push(n.range.start);
    }
    // Runs of digits that can be a day, a month or a year (1, 2 or 4 digits).
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let Some(start) = super::text::next_where(bytes, i, |b| b.is_ascii_digit()) else { break };
        let mut end = start;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        // A day or a month number stands by a month, a weekday or a date's separator
        // ("14 November", "Nov. 14", "14/11", "14日"); a year stands alone.
        let short_ok = || {
            let next = text.get(end..).and_then(|t| t.chars().next());
            // "14/11/2004", "2018-11-14"'s parts, "02.09.2020" (not the decimal "1.8").
            let digits_after =
                |k: usize| (k..k + 3).take_while(|&j| bytes.get(j).is_some_and(u8::is_ascii_digit)).count();
            let sep = match next {
                Some('/' | '-') => digits_after(end + 1) > 0,
                Some('.') => {
                    let n = digits_after(end + 1);
                    (1..=2).contains(&n) && bytes.get(end + 1 + n) == Some(&b'.')
                }
                _ => false,
            };
            let near = start.saturating_sub(14)..(end + 14).min(text.len());
            let word = hits
                .get(hits.partition_point(|h| (h.end as usize) < near.start)..)
                .unwrap_or_default()
                .iter()
                .take_while(|h| (h.start as usize) < near.end)
                .any(|h| {
                    reader.is(h, Class::DateWord)
                        && reader.terms(h).any(|t| {
                            matches!(t, Term::Month { .. } | Term::Weekday { .. } | Term::Era { .. })
                        })
                });
            sep || word || next.is_some_and(|c| !c.is_ascii())
        };
        if end - start == 4
            || (matches!(end - start, 1 | 2) && (short_ok() || entry_time(text, start).is_some()))
        {
            anchors.push(start);
        }
        i = end;
    }
    anchors
}

/// The end of a time of day that opens a line and an entry of a live report, before a
/// dash ("08:55 - The president's plane has landed", "14:15 – Tokyo protests"), a capital
/// ("08:10 Good morning") or alone on its line above the entry: what the entry tells
/// happened on the report's day.
fn entry_time(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if at > 0 && bytes.get(at - 1) != Some(&b'\n') {
        return None;
    }
    let digits =
        |from: usize| bytes.get(from..).map_or(0, |b| b.iter().take_while(|c| c.is_ascii_digit()).count());
    let hours = digits(at);
    if !(1..=2).contains(&hours) || bytes.get(at + hours) != Some(&b':') || digits(at + hours + 1) != 2 {
        return None;
    }
    let end = at + hours + 3;
    let after = text.get(end..)?;
    // Alone on its line, the entry below it ("13:20" over the post).
    if after.trim_start_matches([' ', '\t', '\r']).starts_with('\n') {
        return Some(end);
    }
    // Before a capital after a space ("08:10 Good morning."; not "10:30 a.m.").
    if after.starts_with([' ', '\t'])
        && after.trim_start_matches([' ', '\t']).chars().next().is_some_and(char::is_uppercase)
    {
        return Some(end);
    }
    let rest = after.trim_start_matches([' ', '\t']);
    let dash = rest.strip_prefix(['-', '–', '—'])?;
    dash.starts_with([' ', '\t']).then_some(end)
}

/// Whether the line holding `at` is an entry of a live report: it opens with a time of day
/// (see [`entry_time`]), or the line before is that time alone.
pub(crate) fn in_entry(text: &str, at: usize) -> bool {
    let line = super::text::line_start(text, at);
    if entry_time(text, line).is_some() {
        return true;
    }
    let Some(before) = line.checked_sub(1) else { return false };
    let previous = super::text::line_start(text, before);
    entry_time(text, previous)
        .is_some_and(|end| text.get(end..before).is_some_and(|rest| rest.trim().is_empty()))
}

/// Whether a label ("Published:", "Posted") stands right before `at`.
fn labelled(pack: &Pack, text: &str, at: usize) -> bool {
    let head = window_before(text, at, 40);
    let trimmed = head.trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == '|' || c == '-');
    let end = at - (head.len() - trimmed.len());
    pack.labels.before(text, end).is_some()
}

/// The time expression that starts at `p`, if any, and whether it is a span of days.
fn expression_at(at: &At<'_>, p: usize, data: &Dataset) -> Option<(Range<usize>, Expr, bool)> {
    let text = at.text;
    let pack = at.pack;
    // The time of day that opens an entry of a live report: its happenings are the day's.
    if let Some(end) = entry_time(text, p) {
        return Some((
            p..end,
            Expr::Relative { unit: TimeUnit::Day, offset: 0, from: Anchor::Publication, counted: false },
            false,
        ));
    }
    // Fixed phrases.
    for (h, t) in at.hit_terms(p) {
        match t {
            Term::Relative { unit, offset, from, before_subject, counted } => {
                // (Right before a happening's noun, not a verb in the past: «Путин накануне
                // визита заявил» is the eve of the visit, no day counted from publication.)
                let eve = *before_subject
                    && pack.event_kinds.after(text, h.end as usize).is_some()
                    && word_after(text, h.end as usize)
                        .and_then(|w| text.get(w))
                        .is_some_and(|w| !super::stances::ends_in(w, &pack.past_endings, 2));
                if eve
                    || (*before_subject
                        && !at.subject_after(h.end as usize)
                        && !at.subject_before(h.start as usize))
                {
                    return None;
                }
                return Some((
                    h.range(),
                    Expr::Relative { unit: *unit, offset: *offset, from: *from, counted: *counted },
                    false,
                ));
            }
            Term::NamedDate(d) => return Some((h.range(), Expr::Absolute(*d), false)),
            Term::Shift { sign, from, opens: true } => {
                if let Some(found) = opening_shift(at, h, *sign, *from) {
                    return Some(found);
                }
            }
            Term::Shift { sign, from, .. } => {
                // "{count} {unit} ago": the unit and the count before the shift word.
                let (ustart, unit) = pack.time_units.before(text, p)?;
                let mut count = count_before(at, ustart)?;
                let offset = sign * i32::try_from(count.1).ok()?;
                // A word of `dates.shift_from_previous` before the count (その2週間前): from
                // the date last mentioned, not from publication.
                let from = match (from, pack.shift_from_previous.before(text, count.0)) {
                    (Anchor::Publication, Some((start, _))) if start + 8 >= count.0 => {
                        count.0 = start;
                        &Anchor::Previous
                    }
                    (f, _) => f,
                };
                // Counted from what follows only when something follows in the clause.
                let rest = text.get(h.end as usize..).unwrap_or_default().trim_start();
                let from = match from {
                    Anchor::Next
                        if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_punctuation()) =>
                    {
                        Anchor::Previous
                    }
                    f => *f,
                };
                // A happening named with no date of its own ("a week after the sanctions,
                // Moscow …"): counted from the date last mentioned, the happening's, and the
                // phrase is the date's own (its noun gives no kind).
                if from == Anchor::Next
                    && let Some(end) = happening_phrase(at, *unit, h.end as usize)
                {
                    let expr = Expr::Relative { unit: *unit, offset, from: Anchor::Next, counted: true };
                    return Some((count.0..end, expr, false));
                }
                return Some((
                    count.0..h.end as usize,
                    Expr::Relative { unit: *unit, offset, from, counted: true },
                    false,
                ));
            }
            Term::Anniversary => {
                let (start, n) = ordinal_before(at, p)?;
                let (object, base) = if pack.anniversary_object_before {
                    date_named_before(at, start, data)?
                } else {
                    let from = anniversary_object_from(pack, text, h.end as usize)?;
                    let (end, base) = date_named_after(at, from, data)?;
                    (from..end, base)
                };
                let date = years_on(base, i32::try_from(n).ok()?)?;
                // (The year, where a word says so: "in the year of the 60th anniversary".)
                let year = pack.anniversary_year_before.before(text, start).is_some()
                    || pack.anniversary_year_after.after(text, h.end as usize).is_some();
                let date = if year { date.truncate(Precision::Year) } else { date };
                let range = start.min(object.start)..(h.end as usize).max(object.end);
                return Some((range, Expr::Absolute(date), false));
            }
            _ => {}
        }
    }
    // Patterns: the longest match; two longest that read month and day differently
    // ("05/06/2019": May or June) make no date.
    let mut best: Option<(usize, Fields, usize)> = None;
    let mut ambiguous = false;
    // Only the patterns whose first slot can start here: what stands at `p`, read once. A
    // run of four digits starts a year; of one or two, a day, a month or an era's year.
    let bytes = text.as_bytes();
    let run = (p..p + 5).take_while(|&j| bytes.get(j).is_some_and(u8::is_ascii_digit)).count();
    let word_number = run == 0 && at.number(p).is_some();
    let digits = run > 0 || word_number;
    let (mut month, mut weekday, mut era) = (false, false, false);
    for (_, t) in at.hit_terms(p) {
        match t {
            Term::Month { .. } => month = true,
            Term::Weekday { .. } => weekday = true,
            Term::Era { .. } => era = true,
            _ => {}
        }
    }
    let first_ok = |item: Option<&DateItem>| match item {
        Some(DateItem::Year) => run == 4 || word_number,
        Some(DateItem::ShortYear) => run == 2 || word_number,
        Some(DateItem::Day | DateItem::MonthNumber | DateItem::EraYear) => {
            (1..=2).contains(&run) || word_number
        }
        Some(DateItem::Month) => month,
        Some(DateItem::Weekday) => weekday,
        Some(DateItem::Era) => era,
        _ => false,
    };
    if !(digits || month || weekday || era) {
        return None;
    }
    for (k, pattern) in pack.date_patterns.iter().enumerate() {
        if !first_ok(pattern.items.first()) {
            continue;
        }
        if let Some((end, f)) = at.pattern(&pattern.items, p) {
            match best {
                Some((e, g, _)) if end == e => {
                    ambiguous |= (f.month, f.day) != (g.month, g.day) && f.year == g.year;
                }
                Some((e, _, _)) if end < e => {}
                _ => {
                    best = Some((end, f, k));
                    ambiguous = false;
                }
            }
        }
    }
    if ambiguous {
        return None;
    }
    let (end, f, k) = best?;
    // (One slot, whatever literals beside it: "1970", 1970年 before 代.)
    let single_slot = pack.date_patterns.get(k).is_some_and(|pat| {
        pat.items.iter().filter(|i| !matches!(i, DateItem::Space | DateItem::Literal(_))).count() == 1
    });
    let expr = fields_expr(at, p, end, f, single_slot)?;
    // A range of days ("Nov. 1-2", 「18〜21日」): the month they fall in.
    let bytes = text.as_bytes();
    // Or the end of one written before ("18~21日": the range's first day, a mark, this day).
    let ranged = f.span
        || (matches!(bytes.get(end), Some(b'-' | b'~'))
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
        || (p >= 2
            && matches!(bytes.get(p - 1), Some(b'~'))
            && bytes.get(p - 2).is_some_and(u8::is_ascii_digit));
    let (end, expr) = match expr {
        Expr::MonthDay(m, _, tense) if ranged => (end, Expr::Month(m, tense)),
        Expr::Absolute(d) if ranged && d.day().is_some() => {
            (end, Expr::Absolute(d.truncate(Precision::Month)))
        }
        e => (end, e),
    };
    Some((p..end, expr, f.span))
}

/// The count before a unit ("two years", "a year", "3 days"): its start and value.
fn count_before(at: &At<'_>, unit_start: usize) -> Option<(usize, u32)> {
    let text = at.text;
    let head = text.get(..unit_start)?.trim_end();
    let end = head.len();
    at.whole_number_ending(end, 500.0).or_else(|| at.pack.indefinite.before(text, end).map(|(s, _)| (s, 1)))
}

/// The ordinal before the anniversary word at `p` ("the 150th anniversary"), read from the
/// scan: its start and value.
pub(crate) fn anniversary_ordinal(scan: &super::scan::Scan<'_>, p: usize) -> Option<(usize, u32)> {
    let at = At {
        text: scan.text(),
        hits: &scan.hits,
        reader: scan.reader,
        numbers: &scan.numbers,
        pack: scan.pack,
    };
    ordinal_before(&at, p)
}

/// The ordinal before an anniversary word ("60th", "sixtieth"): its start and value.
fn ordinal_before(at: &At<'_>, p: usize) -> Option<(usize, u32)> {
    let text = at.text;
    if let Some((s, v)) = at.pack.ordinals.before(text, p) {
        return Some((s, *v as u32));
    }
    // Digits with an ordinal suffix: "60th", «60-й», "第60回" reads as digits after a prefix;
    // or joined to the word by a hyphen («60-летие»).
    let head = text.get(..p)?.trim_end();
    let head = head.strip_suffix('-').unwrap_or(head);
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = head.get(word_start..)?;
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = word.get(digits.len()..)?;
    if !digits.is_empty() && (rest.is_empty() || at.pack.ordinal_suffixes.contains(rest)) {
        return Some((word_start, digits.parse().ok()?));
    }
    // In a script without spaces, the number right before the word (60周年, 六十周年).
    if at.pack.spaced {
        return None;
    }
    at.whole_number_ending(head.len(), 1000.0)
}

/// Where what an anniversary word ending at `end` is of begins, when it follows the word:
/// after a word of `dates.anniversary.of` ("the 60th anniversary of …"), or right after the
/// word in a pack that lists none (the genitive: «60-летие Совместной декларации»).
pub(crate) fn anniversary_object_from(pack: &Pack, text: &str, end: usize) -> Option<usize> {
    if pack.anniversary_object_before {
        return None;
    }
    if pack.anniversary_of.is_empty() {
        return Some(end);
    }
    pack.anniversary_of.after(text, end).map(|(e, _)| e)
}

/// How far after an anniversary (characters) what it is of may be named.
const ANNIVERSARY_REACH: usize = 120;

/// The date of what an anniversary is of, named after `from` within
/// [`ANNIVERSARY_REACH`] and its phrase (no clause mark between): an agreement of the data
/// (its signing, to the day) or a date the pack names ("the end of the war"), else a year.
fn date_named_after(at: &At<'_>, from: usize, data: &Dataset) -> Option<(usize, PartialDate)> {
    let text = at.text;
    let phrase_end = text
        .get(from..)?
        .char_indices()
        .take_while(|&(i, _)| i < ANNIVERSARY_REACH)
        .find(|&(_, c)| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '、' | '。' | '\n'))
        .map_or((from + ANNIVERSARY_REACH).min(text.len()), |(i, _)| from + i);
    let k = at.hits.partition_point(|h| (h.start as usize) < from);
    let named =
        at.hits.get(k..).unwrap_or_default().iter().take_while(|h| (h.end as usize) <= phrase_end).find_map(
            |h| at.reader.entries(h).find_map(|e| named_date(e, data).map(|d| (h.end as usize, d))),
        );
    // (An agreement's year is part of its name, "the 1956 joint declaration": the signing
    // gives the day.)
    if named.is_some() {
        return named;
    }
    let bytes = text.as_bytes();
    let digit_year = (from..phrase_end.saturating_sub(3)).find_map(|i| {
        let y: i32 = text.get(i..i + 4)?.parse().ok()?;
        let bounded = !bytes.get(i.wrapping_sub(1)).is_some_and(u8::is_ascii_digit)
            && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
        if !bounded || !(1800..=2099).contains(&y) {
            return None;
        }
        Some((i + 4, PartialDate::from_year(y).ok()?))
    });
    // A year beside a head noun of an agreement («Совместной декларации 1956 года») is the
    // signing of the one agreement of the data of that kind signed that year, to the day.
    let (end, year) = digit_year?;
    let heads: Vec<Option<crate::agreement::AgreementKind>> = at
        .hits
        .get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|h| (h.end as usize) <= end)
        .flat_map(|h| at.reader.entries(h))
        .filter_map(|e| match e {
            Entry::Term(Term::AgreementHead(kind)) => Some(*kind),
            _ => None,
        })
        .collect();
    let mut signed = data.agreements().filter(|a| {
        a.signed.year() == year.year()
            && heads.iter().any(|&kind| super::mentions::kinds_of(kind).contains(&a.kind))
    });
    match (signed.next(), signed.next()) {
        (Some(a), None) => Some((end, a.signed)),
        _ => Some((end, year)),
    }
}

/// The date of what an anniversary is of, named right before its count at `count_start`
/// with only words of `dates.anniversary.links` between (日ソ共同宣言署名60周年): its range
/// and date.
fn date_named_before(at: &At<'_>, count_start: usize, data: &Dataset) -> Option<(Range<usize>, PartialDate)> {
    let text = at.text;
    let mut end = count_start;
    for _ in 0..ANNIVERSARY_LINKS {
        match at.pack.anniversary_links.before(text, end) {
            Some((s, _)) => end = s,
            None => break,
        }
    }
    let end = text.get(..end)?.trim_end().len();
    let k = at.hits.partition_point(|h| (h.end as usize) <= end);
    let h = at.hits.get(k.checked_sub(1)?).filter(|h| h.end as usize == end)?;
    at.reader.entries(h).find_map(|e| named_date(e, data)).map(|d| (h.range(), d))
}

/// How many words of `dates.anniversary.links` may stand between what an anniversary is of
/// and its count.
const ANNIVERSARY_LINKS: usize = 3;

/// The date an entry of the reader names: an agreement's signing, or a date of the pack.
fn named_date(e: &Entry, data: &Dataset) -> Option<PartialDate> {
    match e {
        Entry::Agreement(id) => Some(data.agreement(*id).signed),
        Entry::Term(Term::NamedDate(d)) => Some(*d),
        _ => None,
    }
}

/// `date` `years` on, at its precision (the 29th of February, in a year without one, the
/// month).
fn years_on(date: PartialDate, years: i32) -> Option<PartialDate> {
    let year = date.year().checked_add(years)?;
    match (date.month(), date.day()) {
        (Some(m), Some(d)) => {
            PartialDate::from_ymd(year, m, d).or_else(|_| PartialDate::from_year_month(year, m)).ok()
        }
        (Some(m), None) => PartialDate::from_year_month(year, m).ok(),
        _ => PartialDate::from_year(year).ok(),
    }
}

/// Turns what a pattern captured into an expression, or rejects it.
fn fields_expr(at: &At<'_>, start: usize, end: usize, f: Fields, single_slot: bool) -> Option<Expr> {
    let text = at.text;
    let pack = at.pack;
    let year = match (f.era, f.era_year) {
        (Some(first), Some(n)) => Some(first + n - 1),
        _ => f.year,
    };
    if f.month_ambiguous
        && f.day.is_none()
        && year.is_none()
        && pack.month_context.before(text, start).is_none()
    {
        return None;
    }
    let _ = text;
    if let (Some(yy), None) = (f.short_year, year) {
        // With its month; alone only before a particle of time (93年に), since a bare
        // "93年" is as often 93 years (not 80年にわたり, 10年に一度).
        // (Or before the name of an agreement it dates, 56年の日ソ共同宣言.)
        let alone = || {
            f.day.is_none()
                && ((pack.short_year_alone.after(text, end).is_some()
                    && pack.year_not_before.after(text, end).is_none())
                    || at.names_agreement_after(end))
        };
        if f.month.is_none() && !alone() {
            return None;
        }
        return Some(Expr::ShortYear { yy, month: f.month, day: f.day });
    }
    Some(match (year, f.month, f.day) {
        // (A weekday the day was not on leaves the weekday alone: «вторник, 14 ноября 2018
        // года» was a Wednesday, and which of the two is wrong no one can tell.)
        (Some(y), Some(m), Some(d))
            if f.weekday
                .is_some_and(|(w, _)| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|n| n.weekday() != w)) =>
        {
            let (w, _) = f.weekday?;
            Expr::Weekday(w, tense_at(pack, text, start))
        }
        (Some(y), Some(m), Some(d)) => Expr::Absolute(PartialDate::from_ymd(y, m, d).ok()?),
        (Some(y), Some(m), None) => Expr::Absolute(PartialDate::from_year_month(y, m).ok()?),
        (Some(y), None, _) => {
            if single_slot && f.era.is_none() {
                // A bare year: not part of a number, a range or a quantity.
                if matches!(char_before(text, start), Some('-' | ',' | '.' | '#' | '$' | '/' | '№'))
                    || char_before(text, start).is_some_and(|c| c.is_ascii_digit())
                {
                    return None;
                }
                let after = text.get(end..).unwrap_or_default();
                if after.starts_with('-') && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
                if adjacent(&pack.decade_suffixes, text, end).is_some() {
                    return Some(Expr::Decade);
                }
                if pack.year_not_before.after(text, end).is_some() || after.trim_start().starts_with('%') {
                    return None;
                }
            }
            Expr::Absolute(PartialDate::from_year(y).ok()?)
        }
        (None, Some(m), Some(d)) => Expr::MonthDay(m, d, tense_at(pack, text, start)),
        (None, Some(m), None) => Expr::Month(m, tense_at(pack, text, start)),
        (None, None, Some(d)) => Expr::Day(d),
        (None, None, None) => {
            let (w, ambiguous) = f.weekday?;
            if ambiguous {
                return None;
            }
            Expr::Weekday(w, tense_at(pack, text, start))
        }
    })
}

/// Where the words that tell a date's tense stop: a sentence's end or a line's.
const CLAUSE_ENDS: [char; 5] = ['.', '!', '?', '\n', '。'];

/// Whether the words before `start` in its sentence speak of the future ("will", "are
/// expected to"): a weekday or a month without a year then points forward.
fn tense_at(pack: &Pack, text: &str, start: usize) -> Tense {
    let head = window_before(text, start, 60);
    let cut = head.rfind(CLAUSE_ENDS).map_or(0, |i| i + 1);
    let base = start - head.len() + cut;
    if pack.future.find_in(text, base..start).next().is_some() {
        return Tense::Future;
    }
    // A language whose predicate ends its clause tells the tense after the date, before
    // the sentence's end (6月の大統領選挙を前に).
    if pack.verb_final {
        let tail = window_after(text, start, 60);
        let cut = tail.find(CLAUSE_ENDS).unwrap_or(tail.len());
        if pack.future_after.find_in(text, start..start + cut).next().is_some() {
            return Tense::Future;
        }
    }
    // A verb of schedule right before the date, perhaps over a word of `future_over` and a
    // name, its object ("leaves on Wednesday", "meets Putin on Thursday": up to four
    // capitalised words).
    let before = |at: usize| pack.future_right_before.before(text, at).is_some();
    let mut at = pack.future_over.before(text, start).map_or(start, |(s, _)| s);
    for _ in 0..=4 {
        if before(at) {
            return Tense::Future;
        }
        match word_before(text, at) {
            Some(w) if text.get(w.clone()).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase) => {
                at = w.start;
            }
            _ => break,
        }
    }
    Tense::Past
}

/// How many years past publication a two-digit year may point (翌98年 in a text whose
/// date was inferred as 1997); past that it is the century before (45年2月 in 2022 is 1945,
/// however near 2045 the date last mentioned is).
const SHORT_YEAR_AHEAD: i32 = 10;

/// Resolves an expression against the publication date (and, for expressions counted
/// from the date last mentioned, against `previous`), at the precision both allow.
pub(crate) fn resolve(
    expr: Expr,
    published: Option<PartialDate>,
    previous: Option<PartialDate>,
) -> Option<PartialDate> {
    match expr {
        Expr::Absolute(d) => Some(d),
        Expr::Decade => None,
        Expr::ShortYear { yy, month, day } => {
            let yy = i32::try_from(yy).ok()?;
            let reference = published.or(previous)?.year();
            // The latest such year up to publication, or the century after it when that
            // is nearer the date last mentioned ("翌98年" after 1997, in a text dated 1997).
            let latest = reference - (reference - yy).rem_euclid(100);
            let y = match previous {
                Some(d)
                    if (latest + 100 - d.year()).abs() < (latest - d.year()).abs()
                        && latest + 100 <= reference + SHORT_YEAR_AHEAD =>
                {
                    latest + 100
                }
                _ => latest,
            };
            match (month, day) {
                (Some(m), Some(d)) => PartialDate::from_ymd(y, m, d).ok(),
                (Some(m), None) => PartialDate::from_year_month(y, m).ok(),
                (None, _) => PartialDate::from_year(y).ok(),
            }
        }
        Expr::MonthDay(m, d, tense) => {
            let p = published?;
            let y = nearest_year(p, m, tense);
            PartialDate::from_ymd(y, m, d).ok().or_else(|| PartialDate::from_year_month(y, m).ok())
        }
        Expr::Month(m, tense) => {
            let p = published?;
            PartialDate::from_year_month(nearest_year(p, m, tense), m).ok()
        }
        Expr::YearMonth { offset, month, day, from } => {
            in_year(anchor_date(from, published, previous)?.year() + offset, month, day)
        }
        Expr::DayOfMonth { offset, day, from } => {
            let base = anchor_date(from, published, previous)?;
            if base.precision() == Precision::Year {
                return None;
            }
            let month = shift_months(base.first_day(), offset)?;
            PartialDate::from_ymd(month.year(), month.month(), day).ok()
        }
        Expr::YearsToday(offset) => {
            let p = published.filter(|p| p.precision() == Precision::Day)?;
            let (y, m, d) = (p.year() + offset, p.month()?, p.day()?);
            PartialDate::from_ymd(y, m, d).ok().or_else(|| PartialDate::from_year_month(y, m).ok())
        }
        Expr::FollowingDay(d) => match previous.filter(|a| a.precision() == Precision::Day) {
            Some(a) => {
                let base = a.first_day();
                let month = if a.day().is_some_and(|ad| d > ad) { base } else { shift_months(base, 1)? };
                PartialDate::from_ymd(month.year(), month.month(), d).ok()
            }
            None => resolve(Expr::Day(d), published, None),
        },
        Expr::Day(d) => {
            let p = published?;
            let pm = p.month()?;
            let (y, m) = match p.day() {
                // A day well after publication's is last month's.
                Some(pd) if d > pd + 7 => {
                    if pm == 1 {
                        (p.year() - 1, 12)
                    } else {
                        (p.year(), pm - 1)
                    }
                }
                _ => (p.year(), pm),
            };
            PartialDate::from_ymd(y, m, d).ok()
        }
        Expr::Weekday(w, tense) => {
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
        Expr::Relative { unit, offset, from, counted } => {
            shift(anchor_date(from, published, previous)?, unit, offset, counted)
        }
    }
}

/// The date an expression counted from `from` counts from: publication, or the date last
/// mentioned (or, for [`Anchor::Next`], the one given as `previous` when it is resolved).
fn anchor_date(
    from: Anchor,
    published: Option<PartialDate>,
    previous: Option<PartialDate>,
) -> Option<PartialDate> {
    match from {
        Anchor::Publication => published,
        Anchor::Previous | Anchor::Next => previous,
    }
}

/// `p` shifted by `offset` units, at the precision the unit and `p` allow.
fn shift(p: PartialDate, unit: TimeUnit, offset: i32, counted: bool) -> Option<PartialDate> {
    let day = p.first_day();
    match unit {
        TimeUnit::Year => PartialDate::from_year(p.year() + offset).ok(),
        TimeUnit::Month if p.precision() != Precision::Year => {
            let d = shift_months(day, offset)?;
            PartialDate::from_year_month(d.year(), d.month()).ok()
        }
        TimeUnit::Day if p.precision() == Precision::Day => {
            let d = day.checked_add_signed(chrono::Duration::days(i64::from(offset)))?;
            PartialDate::from_naive(d).ok()
        }
        // Counted from a day, weeks are seven days ("a week after March 1", "two weeks
        // later"); "last week", "the following week" are spans of days, their month.
        TimeUnit::Week if p.precision() == Precision::Day => {
            let d = day.checked_add_signed(chrono::Duration::weeks(i64::from(offset)))?;
            if counted {
                PartialDate::from_naive(d).ok()
            } else {
                PartialDate::from_year_month(d.year(), d.month()).ok()
            }
        }
        TimeUnit::Weekend if p.precision() == Precision::Day => {
            // The weekend's two days: its month (the Saturday's).
            let mut d = day;
            while d.weekday() != Weekday::Sat {
                d = d.checked_add_days(Days::new(1))?;
            }
            let d = d.checked_add_signed(chrono::Duration::weeks(i64::from(offset)))?;
            PartialDate::from_year_month(d.year(), d.month()).ok()
        }
        // Not enough precision in the anchor: the happening is known to fall near it, at
        // its precision (a month or a year).
        _ if offset == 0 => Some(p),
        TimeUnit::Day | TimeUnit::Week | TimeUnit::Weekend if p.precision() == Precision::Month => Some(p),
        _ => None,
    }
}

fn shift_months(d: NaiveDate, offset: i32) -> Option<NaiveDate> {
    let by = Months::new(offset.unsigned_abs());
    if offset >= 0 { d.checked_add_months(by) } else { d.checked_sub_months(by) }
}

/// The year of month `m` nearest to publication: news reports recent months, so a month
/// more than two months after publication belongs to the year before.
fn nearest_year(p: PartialDate, m: u32, tense: Tense) -> i32 {
    match (p.month(), tense) {
        // A month already past this year, in the future tense: next year's.
        (Some(pm), Tense::Future) if m < pm => p.year() + 1,
        (_, Tense::Future) => p.year(),
        (Some(pm), Tense::Past) if m > pm + 2 => p.year() - 1,
        _ => p.year(),
    }
}

/// Resolves every time expression in text order: those counted from the date last
/// mentioned take the latest resolved, non-bound date before them.
///
/// A date counted from what comes next takes its anchor from the same sentence only
/// (`sentence_of` gives a position's sentence): "73 years after the end of the war." is not
/// counted from a date the next sentence gives.
pub(crate) fn resolve_all(
    text: &str,
    temporals: &[Temporal],
    published: Option<PartialDate>,
    sentence_of: &dyn Fn(usize) -> usize,
) -> Vec<Option<PartialDate>> {
    let counts_on = |t: &Temporal| matches!(t.expr, Expr::Relative { from: Anchor::Next, .. });
    let mut previous: Option<PartialDate> = None;
    let mut previous_day: Option<PartialDate> = None;
    // The sentence `previous` was read in, and the last year read in an agreement's name
    // with its sentence ("the 1956 declaration"): not a happening's date, but what "four
    // years later" in the sentence after it counts from.
    let mut previous_sentence: Option<usize> = None;
    let mut named: Option<(PartialDate, usize)> = None;
    // The year of the last line a date with its year opens, and where that line starts: in
    // a chronology, a line opened by a month alone ("　　　 8月　…", "  Aug.  …") is in it.
    let mut chronicle: Option<(usize, i32)> = None;
    let mut out: Vec<Option<PartialDate>> = temporals
        .iter()
        .map(|t| {
            if counts_on(t) {
                return None;
            }
            let month = matches!(t.expr, Expr::Month(..) | Expr::MonthDay(..));
            let dated = matches!(t.expr, Expr::Absolute(_) | Expr::ShortYear { .. });
            // (Only those read the line they open.)
            let line = if month || dated { opens_line(text, t.range.start) } else { None };
            let mut carried = None;
            if let (true, Some(at), Some((from, y))) = (month, line, chronicle) {
                // The chronicle moves to this line, or ends at a blank line: each stretch of
                // text between two lines is read once.
                chronicle = one_block(text, from..at).then_some((at, y));
                carried = match t.expr {
                    Expr::Month(m, _) if chronicle.is_some() => PartialDate::from_year_month(y, m).ok(),
                    Expr::MonthDay(m, d, _) if chronicle.is_some() => PartialDate::from_ymd(y, m, d).ok(),
                    _ => None,
                };
            }
            // "The same day" is the last day named, not a month or a year named since
            // ("… visited Iturup on Monday. Its prime minister had come in August 2019. The
            // same day, Tokyo protested").
            let anchor = match t.expr {
                Expr::Relative { unit: TimeUnit::Day, offset: 0, from: Anchor::Previous, .. }
                | Expr::FollowingDay(_) => previous_day,
                // Years counted on from the agreement a sentence named since the last date
                // ("In the 1956 declaration, Moscow agreed to …. Four years later, …"), in
                // that sentence or the next.
                Expr::Relative { unit: TimeUnit::Year, offset, from: Anchor::Previous, .. }
                    if offset != 0 =>
                {
                    let here = sentence_of(t.range.start);
                    match named {
                        Some((d, k))
                            if previous_sentence.is_none_or(|p| p < k) && here.saturating_sub(k) <= 1 =>
                        {
                            Some(d)
                        }
                        _ => previous,
                    }
                }
                _ => previous,
            };
            // (Counted on from another date past the year after publication: a span that
            // reaches the present from something else, "Sixty-five years later, the
            // declaration remains …" after a date of this year, not a date.)
            let beyond = |d: &PartialDate| {
                matches!(t.expr, Expr::Relative { from: Anchor::Previous, offset: 1.., .. })
                    && published.is_some_and(|p| d.year() > p.year() + 1)
            };
            let d = carried.or_else(|| resolve(t.expr, published, anchor)).filter(|d| !beyond(d));
            if let (true, Some(at), Some(d)) = (dated, line, d) {
                chronicle = Some((at, d.year()));
            }
            if let (Some(d), true, false) = (d, t.names_agreement, t.bound || t.label) {
                named = Some((d, sentence_of(t.range.start)));
            }
            if let (Some(d), false) = (d, t.bound || t.label || t.names_agreement) {
                previous = Some(d);
                previous_sentence = Some(sentence_of(t.range.start));
                if d.precision() == Precision::Day {
                    previous_day = Some(d);
                }
            }
            d
        })
        .collect();
    // Counted from what comes next: the next date, close after it.
    for (i, t) in temporals.iter().enumerate() {
        if !counts_on(t) {
            continue;
        }
        let next = temporals
            .iter()
            .zip(&out)
            .skip(i + 1)
            .take_while(|(n, _)| {
                n.range.start <= t.range.end + NEXT_REACH
                    && sentence_of(n.range.start) == sentence_of(t.range.start)
            })
            .find_map(|(n, d)| d.filter(|_| !n.bound && !n.label));
        // (A happening named with no date, "a week after the sanctions": the date last
        // mentioned, the happening's, where the sentence gives no other date; beside one,
        // the phrase only relates it: «27 января 1960 года, через восемь дней после
        // подписания договора, …».)
        // (The expressions are in text order: another in its sentence stands beside it.)
        let here = sentence_of(t.range.start);
        let alone = || {
            [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| temporals.get(j))
                .all(|o| sentence_of(o.range.start) != here)
        };
        let next = next.or_else(|| {
            (t.happening && alone()).then(|| {
                temporals
                    .iter()
                    .zip(&out)
                    .take(i)
                    .rev()
                    .find_map(|(p, d)| d.filter(|_| !p.bound && !p.label && !p.names_agreement))
            })?
        });
        if let (Some(anchor), Some(slot)) = (next, out.get_mut(i)) {
            *slot = resolve(t.expr, published, Some(anchor));
        }
    }
    // A month without its year in a span with a month that has one ("between late August and
    // early September 1945", «в августе — сентябре 1945 года», 1945年8月から9月): that year.
    for (i, t) in temporals.iter().enumerate() {
        let Some((month, day)) = t.expr.month_day() else { continue };
        let prev = i.checked_sub(1).and_then(|j| temporals.get(j));
        // (Else the year the span's first month took from its line: a chronology's row under
        // a year's, 「　　8月28日～9月5日　ソ連軍が…占領」 after 「1945年2月11日 …」.)
        let opener = || {
            let p = prev.filter(|p| matches!(p.expr, Expr::MonthDay(..) | Expr::Month(..)))?;
            if !span_gap(text.get(p.range.end..t.range.start)?) {
                return None;
            }
            let first = out.get(i.checked_sub(1)?).copied().flatten()?;
            (first.precision() != Precision::Year).then(|| first.year())
        };
        let year = spanned_year(text, temporals, i).or_else(opener);
        if let (Some(y), Some(slot)) = (year, out.get_mut(i)) {
            *slot = in_year(y, month, day).or(*slot);
        }
    }
    out
}

/// Whether a weekday written right before or right after the full date of `temporals[i]`
/// (2018年11月14日（金曜日）, where 14 November 2018 was a Wednesday) names another day. (A
/// weekday inside the date's own expression is checked where it is read.)
fn weekday_clash(text: &str, temporals: &[Temporal], i: usize) -> bool {
    let Some(t) = temporals.get(i) else { return false };
    let Expr::Absolute(d) = t.expr else { return false };
    if d.precision() != Precision::Day {
        return false;
    }
    let day = d.first_day();
    let beside = |gap: Option<&str>| {
        gap.is_some_and(|g| {
            g.chars().count() <= 2 && g.chars().all(|c| c.is_whitespace() || ",(（".contains(c))
        })
    };
    let before = i
        .checked_sub(1)
        .and_then(|j| temporals.get(j))
        .filter(|w| beside(text.get(w.range.end..t.range.start)));
    let after = temporals.get(i + 1).filter(|w| beside(text.get(t.range.end..w.range.start)));
    [before, after]
        .into_iter()
        .flatten()
        .any(|w| matches!(w.expr, Expr::Weekday(wd, _) if wd != day.weekday()))
}

/// The year of the date with its month and year that stands with time expression `i`, a
/// month without its year, in one span ("between late August and early September 1945"),
/// after it or before it.
pub(crate) fn spanned_year(text: &str, temporals: &[Temporal], i: usize) -> Option<i32> {
    let t = temporals.get(i)?;
    let spanned = |other: Option<&Temporal>, gap: Option<Range<usize>>| -> Option<i32> {
        let Expr::Absolute(d) = other?.expr else { return None };
        let gap = text.get(gap?)?;
        (d.precision() != Precision::Year && span_gap(gap)).then(|| d.year())
    };
    let next = temporals.get(i + 1);
    let prev = i.checked_sub(1).and_then(|j| temporals.get(j));
    spanned(next, next.map(|n| t.range.end..n.range.start))
        .or_else(|| spanned(prev, prev.map(|p| p.range.end..t.range.start)))
}

/// Whether the text between two dates joins them as one span: a few words at most ("and
/// early", "to", «—», から), no mark that ends a clause.
fn span_gap(gap: &str) -> bool {
    gap.chars().count() <= 24
        && !gap.contains(['.', ',', ';', ':', '。', '、', '\n'])
        && gap.split_whitespace().count() <= 3
}

/// Where the line holding byte `at` starts, when only spaces stand before `at` on it.
pub(crate) fn opens_line(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let start = head.rfind('\n').map_or(0, |i| i + 1);
    head.get(start..)?.chars().all(char::is_whitespace).then_some(start)
}

/// Whether `range` of `text` holds no blank line (one block of lines: a list, a table).
fn one_block(text: &str, range: Range<usize>) -> bool {
    text.get(range).is_some_and(|t| !t.lines().skip(1).any(|l| l.trim().is_empty()))
}

/// A shift whose word opens it, at hit `h` («спустя три дня», «через неделю»): the count
/// (one where none is written) and the unit after the word. A word of a shift counted from
/// what follows, right after the unit («через три дня после визита 1 марта»), counts from
/// that date, or from a happening named before the clause's end (see [`happening_phrase`]).
fn opening_shift(at: &At<'_>, h: &Hit, sign: i32, from: Anchor) -> Option<(Range<usize>, Expr, bool)> {
    let text = at.text;
    let skip = |pos: usize| text.get(pos..).map_or(pos, |r| pos + r.len() - r.trim_start().len());
    let pos = skip(h.end as usize);
    let (count, pos) = match at.number(pos) {
        Some(n) if n.value.fract() == 0.0 && (1.0..=500.0).contains(&n.value) => {
            (n.value as u32, n.range.end)
        }
        Some(_) => return None,
        None => (1, pos),
    };
    let (end, unit) = at.pack.time_units.after(text, pos)?;
    let offset = sign * i32::try_from(count).ok()?;
    let start = h.start as usize;
    let next = at.hit_terms(skip(end)).find_map(|(n, t)| match t {
        Term::Shift { from: Anchor::Next, opens: false, .. } => Some(n.end as usize),
        _ => None,
    });
    let Some(next_end) = next else {
        return Some((start..end, Expr::Relative { unit: *unit, offset, from, counted: true }, false));
    };
    let expr = Expr::Relative { unit: *unit, offset, from: Anchor::Next, counted: true };
    Some((start..happening_phrase(at, *unit, next_end).unwrap_or(next_end), expr, false))
}

/// The end of a short phrase after "after" / "before" that names a happening and no date
/// ("a week after the sanctions,", «через неделю после санкций»): a word of `events.kind`
/// within [`HAPPENING_WORDS`] words, in the clause, with no digit or date word before it.
/// Only for a count of days, weeks or months: "61 years after Soviet troops occupied the
/// islands" counts from a past the text need not have dated.
fn happening_phrase(at: &At<'_>, unit: TimeUnit, from: usize) -> Option<usize> {
    if !matches!(unit, TimeUnit::Day | TimeUnit::Week | TimeUnit::Month) {
        return None;
    }
    let text = at.text;
    let mut end = from;
    for _ in 0..HAPPENING_WORDS {
        let Some(w) = word_after(text, end) else { break };
        if text.get(end..w.start)?.contains([',', ';', '.', '!', '?', '、', '。', ':']) {
            break;
        }
        end = w.end;
    }
    let (kind, _) = at.pack.event_kinds.find_in(text, from..end).next()?;
    let phrase = from..kind.end;
    if text.get(phrase.clone())?.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let k = at.hits.partition_point(|h| (h.start as usize) < from);
    let dated = at
        .hits
        .get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|h| (h.end as usize) <= phrase.end)
        .any(|h| at.reader.is(h, Class::DateWord));
    (!dated).then_some(phrase.end)
}

/// How many words after "after" a happening's word may stand ("after the talks",
/// "after Putin's visit").
const HAPPENING_WORDS: usize = 3;

/// How far after "a week after" its anchoring date may stand (bytes).
pub(crate) const NEXT_REACH: usize = 160;

/// How far into a text its own date is looked for (bytes).
const HEAD: usize = 1500;

/// Infers a publication date from the text, or abstains.
///
/// Only strong clues count, and only near the top: a date after a label ("Published:",
/// "Posted", "date"), or a full date (to the day) standing on a short line of its own,
/// closing one ("Газета «Коммерсантъ» от 22.09.2015") or as a wire dateline ("TOKYO, Nov.
/// 15, 2018 (Kyodo) -"). When such clues disagree on the
/// month, or when there is none, the answer is `None`: a wrong date would shift every
/// relative date resolved against it.
pub(crate) fn infer_published(text: &str, temporals: &[Temporal]) -> Option<PartialDate> {
    let mut strong: Vec<(PartialDate, bool)> = Vec::new();
    let mut headers: Vec<PartialDate> = Vec::new();
    for (i, t) in temporals.iter().enumerate().take_while(|(_, t)| t.range.start < HEAD) {
        let Expr::Absolute(d) = t.expr else { continue };
        // A weekday beside the date that the day was not on: the clues are wrong.
        if weekday_clash(text, temporals, i) {
            return None;
        }
        if t.label && d.precision() != Precision::Year {
            strong.push((d, true));
            continue;
        }
        if d.precision() == Precision::Year {
            continue;
        }
        let line_start = line_start(text, t.range.start);
        let line_end =
            text.get(t.range.end..).and_then(|s| s.find('\n')).map_or(text.len(), |i| t.range.end + i);
        let prefix = text.get(line_start..t.range.start).unwrap_or_default().trim();
        let line = text.get(line_start..line_end).unwrap_or_default();
        let after = text.get(t.range.end..line_end).unwrap_or_default().trim_start();
        let line_no = text.get(..line_start).map_or(0, |s| s.matches('\n').count());
        if d.precision() == Precision::Month {
            // A month on a short line at the very top ("Analysis - December 2016").
            if line_no < 3 && line.chars().count() <= 60 {
                headers.push(d);
            }
            continue;
        }
        // A wire dateline: "LONDON, 12 October 1993 (Agency) - …", "Tokyo, Oct. 13, 1993
        // (AP) --"; a header line: the date with little else ("Friday 11 September 1992
        // 23:02 BST", "2012.03.08 | News").
        // (Not inside a sentence: a Japanese one is short enough for a header line, has no
        // spaces to count its words by and no case: 協定は1998年2月21日に署名された。 A date
        // that opens the line still dates it: 令和5年2月7日、総理は…出席しました。)
        let sentence = (!prefix.is_empty() || line_no >= 3) && line.contains('。');
        let upper = prefix.chars().count() <= 40
            && prefix.chars().any(char::is_uppercase)
            && !prefix.chars().any(char::is_lowercase);
        let city = prefix.chars().count() <= 30
            && prefix.ends_with(',')
            && (after.starts_with('(') || after.starts_with('-') || after.starts_with('/'));
        let header = line.chars().count() <= 100 && prefix.split_whitespace().count() <= 2 && !sentence;
        // A date that closes a short line, with at most a time after it ("Газета
        // «Коммерсантъ» от 22.09.2015", "Politics · 26 July 2021, 16:10"); not the second
        // of two dates on the line ("Received 14 June 2012; accepted 3 September 2012").
        let second_on_line = i
            .checked_sub(1)
            .and_then(|j| temporals.get(j))
            .is_some_and(|p| p.range.start >= line_start && matches!(p.expr, Expr::Absolute(_)));
        let closing = line.chars().count() <= 60
            && !sentence
            && !second_on_line
            && after.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || ":.,|·-–—".contains(c));
        if upper || city || header || closing {
            strong.push((d, false));
        }
    }
    if strong.is_empty() {
        // Only a month heading: taken when every heading agrees.
        let first = *headers.first()?;
        return headers.iter().all(|d| *d == first).then_some(first);
    }
    let (first, _) = *strong.iter().find(|(_, labelled)| *labelled).or(strong.first())?;
    let agree = strong
        .iter()
        .chain(headers.iter().map(|d| (*d, false)).collect::<Vec<_>>().iter())
        .all(|(d, _)| d.year() == first.year() && (d.month() == first.month() || d.month().is_none()));
    agree.then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    /// A day of a month counted from publication or from the date last named (今月13日,
    /// 先月28日, 同月27日): one date, not a month and a day near publication.
    #[test]
    fn a_day_of_a_month_counted() {
        let p = Some(d("2010-11-01"));
        let day = |offset, day, from| Expr::DayOfMonth { offset, day, from };
        assert_eq!(resolve(day(0, 13, Anchor::Publication), p, None), Some(d("2010-11-13")));
        assert_eq!(resolve(day(-1, 28, Anchor::Publication), p, None), Some(d("2010-10-28")));
        assert_eq!(resolve(day(0, 27, Anchor::Previous), p, Some(d("1960-01"))), Some(d("1960-01-27")));
        assert_eq!(resolve(day(0, 27, Anchor::Previous), p, Some(d("1960"))), None);
        assert_eq!(resolve(day(0, 31, Anchor::Publication), p, None), None);
    }

    /// "The same day" counts from the last day named, not from a month named since.
    #[test]
    fn the_same_day_is_the_last_day_named() {
        let t = |start: usize, expr: Expr| Temporal {
            range: start..start + 1,
            expr,
            bound: false,
            label: false,
            names_agreement: false,
            happening: false,
        };
        let temporals = [
            t(0, Expr::Weekday(chrono::Weekday::Mon, Tense::Past)),
            t(10, Expr::Absolute(d("1997-03"))),
            t(20, Expr::Relative { unit: TimeUnit::Day, offset: 0, from: Anchor::Previous, counted: false }),
            t(
                30,
                Expr::Relative { unit: TimeUnit::Month, offset: 0, from: Anchor::Previous, counted: false },
            ),
        ];
        let resolved = resolve_all("", &temporals, Some(d("1998-04-21")), &|_| 0);
        assert_eq!(
            resolved,
            [Some(d("1998-04-20")), Some(d("1997-03")), Some(d("1998-04-20")), Some(d("1998-04"))]
        );
    }

    #[test]
    fn relative_resolution() {
        let p = Some(d("2016-05-04"));
        let rel = |unit, offset| Expr::Relative { unit, offset, from: Anchor::Publication, counted: false };
        assert_eq!(resolve(rel(TimeUnit::Year, -1), p, None), Some(d("2015")));
        assert_eq!(resolve(rel(TimeUnit::Month, 0), p, None), Some(d("2016-05")));
        assert_eq!(resolve(rel(TimeUnit::Day, -1), p, None), Some(d("2016-05-03")));
        // A weekend is two days: its month.
        assert_eq!(resolve(rel(TimeUnit::Weekend, 0), p, None), Some(d("2016-05")));
        assert_eq!(resolve(Expr::Weekday(Weekday::Mon, Tense::Past), p, None), Some(d("2016-05-02")));
        assert_eq!(resolve(Expr::Weekday(Weekday::Mon, Tense::Future), p, None), Some(d("2016-05-09")));
        let prev = Expr::Relative { unit: TimeUnit::Day, offset: -1, from: Anchor::Previous, counted: true };
        assert_eq!(resolve(prev, p, Some(d("2018-11-14"))), Some(d("2018-11-13")));
        assert_eq!(resolve(Expr::Day(14), Some(d("2018-11-15")), None), Some(d("2018-11-14")));
        assert_eq!(resolve(Expr::Day(30), Some(d("2018-12-02")), None), Some(d("2018-11-30")));
        assert_eq!(
            resolve(Expr::MonthDay(11, 14, Tense::Past), Some(d("2019-01-10")), None),
            Some(d("2018-11-14"))
        );
        assert_eq!(resolve(Expr::Month(1, Tense::Future), Some(d("2018-11-20")), None), Some(d("2019-01")));
        assert_eq!(
            resolve(
                Expr::YearMonth { offset: -1, month: 3, day: None, from: Anchor::Publication },
                Some(d("2023-04-10")),
                None
            ),
            Some(d("2022-03"))
        );
    }

    /// A time of day opens a live report's entry only at a line start, before a spaced dash.
    #[test]
    fn entry_times() {
        let text = "LIVE\n08:55 - Landed.\n9:40 – Talks.\n10:30-noon\nAt 11:50 - late.\n123:45 - no\n13:20\nPost.\n08:10 Good morning.\n10:30 a.m. talks";
        let at = |needle: &str| text.find(needle).unwrap_or(usize::MAX);
        assert_eq!(entry_time(text, at("08:55")), Some(at("08:55") + 5));
        assert_eq!(entry_time(text, at("9:40")), Some(at("9:40") + 4));
        assert_eq!(entry_time(text, at("10:30")), None);
        assert_eq!(entry_time(text, at("11:50")), None);
        assert_eq!(entry_time(text, at("123:45")), None);
        assert_eq!(entry_time(text, at("13:20")), Some(at("13:20") + 5));
        assert_eq!(entry_time(text, at("08:10")), Some(at("08:10") + 5));
        assert_eq!(entry_time(text, at("10:30 a.m.")), None);
    }

    #[test]
    fn case_insensitive_prefix() {
        assert_eq!(prefix_ci("Of 2018", "of"), Some(2));
        assert_eq!(prefix_ci("年11月", "年"), Some(3));
        assert_eq!(prefix_ci("x", "of"), None);
    }
}
