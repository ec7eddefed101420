//! Figures: numbers the text states about the dispute (shares, spans of years, distances,
//! counts of things), with the unit the pack reads after them and what they measure.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::findings::Figure;
use super::lexicon::Term;
use super::reader::{Class, Entry};
use super::scan::{Found, Scan};
use super::text::{char_at, char_before, chars_before, floor_boundary, word_after, words};

/// How far before a number a time expression holding it may start, in characters ("on
/// the 14th of November 2018", «начиная с 9 августа 1945 года»).
const DATE_REACH: usize = 24;

/// What a figure counts.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum FigureUnit {
    /// A share: "72%", "22 per cent", "a quarter of".
    Percent,
    /// A change of a share: "up 6 percentage points".
    PercentagePoints,
    /// A span of years: "67 years after the war", "for two years".
    Years,
    /// A span of decades: "for four decades".
    Decades,
    /// A distance in kilometres.
    Km,
    /// A distance in miles.
    Miles,
    /// An area in square kilometres: "some 5,000 square kilometres".
    Km2,
    /// A sum in Japanese yen: "300 billion yen", "3000億円".
    Yen,
    /// A count of things: "two jets", "11 rounds of talks".
    Count,
}

impl FigureUnit {
    /// Every value, in the order of declaration (9).
    pub const ALL: [FigureUnit; 9] = [
        FigureUnit::Percent,
        FigureUnit::PercentagePoints,
        FigureUnit::Years,
        FigureUnit::Decades,
        FigureUnit::Km,
        FigureUnit::Miles,
        FigureUnit::Km2,
        FigureUnit::Yen,
        FigureUnit::Count,
    ];
}

crate::vocabulary::parse_by_id!(
    FigureUnit => "figure unit",
);

/// A figure found in the text (offsets into the normalised text).
#[derive(Debug, Clone)]
struct RawFigure {
    range: Range<usize>,
    value: f64,
    unit: FigureUnit,
    /// The counted noun, for counts; the words naming an average age, for one.
    noun: Option<String>,
    /// Where the words naming what it measures begin.
    after: usize,
}

/// Every figure of the scanned text about the dispute.
pub(crate) fn figures(scan: &Scan<'_>) -> Vec<Found<Figure>> {
    let text = scan.text();
    let pack = scan.pack;
    let mut raw: Vec<RawFigure> = Vec::new();
    for n in scan.numbers.iter().filter(|n| scan.in_play(n.range.start)) {
        let r = &n.range;
        // Part of a date, a code or an adjective: not a figure. (The window is counted in
        // characters: "9 августа 1945 года" opens as far before its year in Cyrillic as
        // "9 August 1945" does in Latin.)
        let t = scan.temporals_in(&(chars_before(text, r.start, DATE_REACH)..r.end));
        if t.clone()
            .filter_map(|i| scan.temporals.get(i))
            .any(|t| {
                t.range.start <= r.start
                    && r.end <= t.range.end
                    // "Seventy years after the war": a duration counted from a happening is
                    // also a figure.
                    && !matches!(t.expr, super::dates::Expr::Relative { from: super::lexicon::Anchor::Next, .. })
            })
        {
            continue;
        }
        // A compound of a duration or a distance: the unit after the hyphen ("a 65-year
        // dispute", "the six-decade row"; not "an eight-point plan", whose points are items).
        let hyphen_unit = (char_at(text, r.end) == Some('-'))
            .then(|| pack.figure_units.glued(text, r.end + 1))
            .flatten()
            .filter(|(e, u)| {
                **u != FigureUnit::PercentagePoints && !char_at(text, *e).is_some_and(char::is_alphanumeric)
            });
        if matches!(char_before(text, r.start), Some('-' | '$' | '#' | '/' | '№' | '¥' | '€' | '£'))
            || (char_at(text, r.end) == Some('-')
                && hyphen_unit.is_none()
                && text.get(r.end + 1..).and_then(|s| s.chars().next()).is_some_and(char::is_alphabetic))
            || pack.figure_not_after.before(text, r.start).is_some()
            || pack.ordinal_suffixes.glued(text, r.end).is_some()
            || pack
                .ordinal_prefixes
                .before(text, r.start)
                .is_some_and(|(s, _)| text.get(s..r.start).is_some_and(|g| !g.contains(' ')))
        {
            continue;
        }
        // A year naming an agreement, inside its name (56年宣言) or joined to it
        // (九三年の東京宣言): not a figure of years.
        // (An agreement's name starting at `from` or after, holding `at`.)
        let agreement = |from: usize, at: usize| {
            scan.hits
                .get(scan.hits_in(&(from..at + 1)))
                .unwrap_or_default()
                .iter()
                .any(|h| scan.reader.is(h, Class::Agreement) && at < h.end as usize)
        };
        if agreement(chars_before(text, r.start, DATE_REACH), r.start)
            || pack.year_links.after(text, r.end).is_some_and(|(e, _)| agreement(e, e))
        {
            continue;
        }
        // (An average age is named by its words: "average-age", 平均年齢.)
        let (unit, noun, after) = if let Some(age) = aged(scan, r.start) {
            let e = pack.figure_units.glued(text, r.end).or_else(|| pack.figure_units.after(text, r.end));
            (FigureUnit::Years, Some(age), e.map_or(r.end, |(e, _)| e))
        } else if let Some((e, _)) =
            pack.percent.glued(text, r.end).or_else(|| pack.percent.after(text, r.end))
        {
            (FigureUnit::Percent, None, e)
        } else if let Some((e, unit)) = hyphen_unit
            .or_else(|| pack.figure_units.glued(text, r.end))
            .or_else(|| pack.figure_units.after(text, r.end))
        {
            // "70 years old", "two years ago": an age or a date, not a figure.
            if pack.figure_not_before.after(text, e).is_some()
                || pack.figure_not_before.glued(text, e).is_some()
            {
                continue;
            }
            (*unit, None, e)
        } else if let Some((noun, e)) = counted_after(scan, r.end) {
            (FigureUnit::Count, Some(noun), e)
        } else {
            continue;
        };
        raw.push(RawFigure { range: r.clone(), value: n.value, unit, noun, after });
    }
    // Fractions ("a quarter of respondents") and amounts in words ("half a century").
    for h in scan.hits.iter().filter(|h| scan.reader.is(h, Class::Fraction)) {
        for term in scan.reader.terms(h) {
            let (value, unit) = match term {
                Term::Fraction(v) => (*v, FigureUnit::Percent),
                Term::Amount { value, unit } => (*value, *unit),
                _ => continue,
            };
            raw.push(RawFigure { range: h.range(), value, unit, noun: None, after: h.end as usize });
        }
    }
    raw.sort_by_key(|f| f.range.start);
    let mut out = Vec::new();
    // Per sentence: (a name of the dispute, a word of `figures.context`).
    let mut in_context: rustc_hash::FxHashMap<usize, (bool, bool)> = Default::default();
    // The last sentence that gave a share in the dispute's words (not for a name alone): the
    // shares of the sentence right after it in its paragraph go on with the same poll ("77
    // percent of respondents are against a handover. Forty-six percent said they were firmly
    // opposed and 31 percent …"), and so on.
    let mut shares: Option<usize> = None;
    for f in raw {
        let si = scan.sentence_of(f.range.start);
        let s = scan.sentence(si);
        let (named, worded) = *in_context.entry(si).or_insert_with(|| {
            (
                scan.entries_in(&s).any(|(_, e)| e.is_name()),
                pack.figure_context.find_in(text, s.clone()).next().is_some(),
            )
        });
        // (Or the sentence before in its paragraph names the islands: "… kelp fishing off
        // Kaigara in the Habomais began on the 22nd. About 220 boats set out …"; not a state
        // alone, which a reader's comment on anything names.)
        let named = named || {
            let before = si.checked_sub(1).filter(|&k| scan.paragraph_of(k) == scan.paragraph_of(si));
            before.is_some_and(|k| {
                scan.entries_in(&scan.sentence(k))
                    .any(|(_, e)| matches!(e, Entry::Island(_) | Entry::Collective { .. }))
            })
        };
        let share = f.unit == FigureUnit::Percent;
        let same_poll = share
            && shares
                .is_some_and(|k| (k == si || k + 1 == si) && scan.paragraph_of(k) == scan.paragraph_of(si));
        if !named && !worded && !same_poll {
            continue;
        }
        if share && (worded || same_poll) {
            shares = Some(si);
        }
        let what = match &f.noun {
            Some(noun) => noun.to_lowercase().replace(' ', "-"),
            None => {
                let end = floor_boundary(text, (f.after + 120).min(s.end.max(f.after)));
                let ws: Vec<String> = words(text, f.after..end)
                    .filter_map(|w| text.get(w).map(str::to_lowercase))
                    .filter(|w| !pack.filler.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
                    .take(4)
                    .collect();
                let prefix = if f.unit == FigureUnit::Years { "years-" } else { "" };
                format!("{prefix}{}", ws.join("-"))
            }
        };
        let date = scan.date_at(f.range.start).or(scan.published);
        let span = f.range.start..f.after.max(f.range.end);
        out.push(Found::new(
            span.clone(),
            Figure { value: f.value, unit: f.unit, what, date, evidence: scan.evidence(&span) },
        ));
    }
    out
}

/// How far before a number a word of `figures.ages` is looked for (characters).
const AGE_REACH: usize = 40;

/// The words naming an average age (`figures.ages`) before the number at `at` in its
/// clause, within [`AGE_REACH`] characters, with no digit between: the number is that age
/// ("Their average age rose by a year to 88.5", 平均年齢は88・5歳).
fn aged(scan: &Scan<'_>, at: usize) -> Option<String> {
    let (pack, text) = (scan.pack, scan.text());
    if pack.figure_ages.is_empty() {
        return None;
    }
    let sentence = scan.sentence(scan.sentence_of(at));
    // (The words themselves may start further back: the reach is from their end.)
    let from = chars_before(text, at, 2 * AGE_REACH).max(sentence.start).min(at);
    let (m, _) = pack.figure_ages.find_in(text, from..at).last()?;
    let between = text.get(m.end..at)?;
    (between.chars().count() <= AGE_REACH
        && !between.chars().any(|c| c.is_ascii_digit() || c.is_numeric())
        && !between.contains([';', '。']))
    .then(|| text.get(m).map(str::to_string))
    .flatten()
}

/// A counted noun after a number, up to three words on ("3,500 Russian troops"), or
/// glued to it (Japanese 3万人): the noun and where it ends.
fn counted_after(scan: &Scan<'_>, end: usize) -> Option<(String, usize)> {
    let text = scan.text();
    let pack = scan.pack;
    if let Some((e, _)) = pack.counted.glued(text, end) {
        return Some((text.get(end..e)?.to_string(), e));
    }
    let mut at = end;
    for _ in 0..4 {
        if let Some((e, _)) = pack.counted.after(text, at) {
            let start = at + text.get(at..)?.len() - text.get(at..)?.trim_start().len();
            return Some((text.get(start..e)?.to_string(), e));
        }
        let w = word_after(text, at)?;
        // Not across a clause ("two, and troops").
        if text.get(at..w.start)?.contains([',', '.', ';', ':']) {
            return None;
        }
        // A name of the dataset between is no modifier ("two Japan", "four islands").
        if scan.entries_in(&w).any(|(_, e)| !matches!(e, Entry::Term(_)) && !matches!(e, Entry::Party { .. }))
        {
            return None;
        }
        at = w.end;
    }
    None
}
