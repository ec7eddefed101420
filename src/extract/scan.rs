//! One pass over a piece of a document: normalisation, sentences, the trigger automaton,
//! numbers, time expressions and the publication date. Every rule reads from this.

use std::ops::Range;

use super::dates::{self, Expr, Temporal, Tense};
use super::findings::Evidence;
use super::lexicon::{Anchor, Pack, Term};
use super::numbers::{self, Number};
use super::offset_index::OffsetIndex;
use super::reader::{Entry, Hit, Reader};
use super::text::{Normalized, chars_after, chars_before, sentences};
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::source::Span;

/// Whether a time expression is counted from the date mentioned before or after it ("a
/// week after", 同月27日, "in March of that year"), not from publication.
fn counted_on(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Relative { from: Anchor::Previous | Anchor::Next, .. }
            | Expr::YearMonth { from: Anchor::Previous | Anchor::Next, .. }
            | Expr::DayOfMonth { from: Anchor::Previous | Anchor::Next, .. }
            | Expr::FollowingDay(_)
    )
}

/// The index of the sentence (of `sentences`, in order, their ends indexed by `ends`)
/// holding offset `at`, or of the next one (`sentences.len()` past the last).
fn sentence_index(sentences: &[Range<usize>], ends: &OffsetIndex, at: usize) -> usize {
    // (The count of sentences ending at or before `at`.)
    ends.below(sentences, |s| s.end, at.saturating_add(1))
}

/// How far into a text (bytes) a dateline may open its sentence.
pub(crate) const DATELINE_HEAD: usize = 1200;

/// How many days before publication a dateline may date the report it opens.
const DATELINE_LAG: i64 = 3;

/// How far (in bytes) rules look around a point for what belongs with it: a date, a
/// subject, a speech verb. A bound keeps every rule's work linear in the text.
pub(crate) const NEAR: usize = 400;

/// The scanned text.
#[derive(Debug)]
pub(crate) struct Scan<'a> {
    pub data: &'a Dataset,
    pub pack: &'a Pack,
    pub reader: &'a Reader,
    pub norm: Normalized<'a>,
    pub sentences: Vec<Range<usize>>,
    pub hits: Vec<Hit>,
    pub numbers: Vec<Number>,
    pub temporals: Vec<Temporal>,
    /// Resolved dates of `temporals` (same order).
    pub resolved: Vec<Option<PartialDate>>,
    pub published: Option<PartialDate>,
    pub published_inferred: bool,
    /// Time expressions that are part of a name ("the 1956 declaration"): they date the
    /// thing named, not the sentence.
    named: Vec<bool>,
    /// Per sentence: whether it is about the dispute or near a sentence that is.
    topical: Vec<bool>,
    /// Per sentence: its paragraph's number (see [`super::text::paragraph_numbers`]).
    paragraphs: Vec<usize>,
    /// Sentence ends, hit starts and time expression starts by block (see [`OffsetIndex`]).
    sentence_ends: OffsetIndex,
    hit_starts: OffsetIndex,
    temporal_starts: OffsetIndex,
}

/// Marks the years that name an agreement: a year right beside an agreement's name or a
/// word of its kind ("the 1956 declaration", «декларацию 1956 года», 1956年の日ソ共同宣言), or
/// inside the name.
fn mark_agreement_years(text: &str, hits: &[Hit], reader: &Reader, pack: &Pack, temporals: &mut [Temporal]) {
    // Nothing but spaces, a hyphen or a word of `dates.year_name_joiners` (の) between.
    let beside = |gap: Option<&str>| {
        gap.map(str::trim).is_some_and(|g| g.is_empty() || g == "-" || pack.year_name_joiners.contains(g))
    };
    for t in temporals.iter_mut().filter(|t| {
        matches!(t.expr, Expr::Absolute(d) if d.month().is_none())
            || matches!(t.expr, Expr::ShortYear { month: None, .. })
    }) {
        let (start, end) = (t.range.start, t.range.end);
        let k = hits.partition_point(|h| (h.end as usize) <= start.saturating_sub(MAX_GAP));
        t.names_agreement =
            hits.iter().skip(k).take_while(|h| (h.start as usize) <= end + MAX_GAP).any(|h| {
                let (hs, he) = (h.start as usize, h.end as usize);
                reader.names_agreement(h)
                    && ((hs <= start && end <= he)
                        || (he <= start && beside(text.get(he..start)))
                        || (end <= hs && beside(text.get(end..hs))))
            });
    }
}

/// How far (bytes) a year and the agreement's name it names may stand apart.
const MAX_GAP: usize = 8;

impl<'a> Scan<'a> {
    /// Scans `text`; without a publication date and with `infer`, infers one from it.
    pub fn new(
        text: &'a str,
        data: &'a Dataset,
        pack: &'a Pack,
        reader: &'a Reader,
        published: Option<PartialDate>,
        infer: bool,
    ) -> Self {
        let norm = Normalized::new(text, &pack.folds);
        let (sentences, sentence_ends, hits, numbers, temporals, topical, paragraphs) = {
            let t: &str = &norm.text;
            let sentences = sentences(t, pack);
            let ends = OffsetIndex::new(sentences.iter().map(|s| s.end), t.len());
            let hits = reader.find(t);
            let wrapped = super::text::hard_wrapped(text);
            let paragraphs = super::text::paragraph_numbers(t, &sentences, wrapped);
            let topical = topical(t, (&sentences, &ends), &paragraphs, &hits, (reader, pack), data);
            let numbers = numbers::find(t, &hits, reader, pack);
            let in_play =
                |at: usize| topical.get(sentence_index(&sentences, &ends, at)).copied().unwrap_or(false);
            let mut temporals = dates::find(t, &hits, reader, &numbers, pack, data, &in_play);
            mark_agreement_years(t, &hits, reader, pack, &mut temporals);
            (sentences, ends, hits, numbers, temporals, topical, paragraphs)
        };
        let (published, published_inferred) = match published {
            Some(p) => (Some(p), false),
            None if !infer => (None, false),
            None => {
                let p = dates::infer_published(&norm.text, &temporals);
                (p, p.is_some())
            }
        };
        let sentence_of = |at: usize| sentence_index(&sentences, &sentence_ends, at);
        let resolved = dates::resolve_all(&norm.text, &temporals, published, &sentence_of);
        let named = vec![false; temporals.len()];
        let len = norm.text.len();
        let hit_starts = OffsetIndex::new(hits.iter().map(|h| h.start as usize), len);
        let temporal_starts = OffsetIndex::new(temporals.iter().map(|t| t.range.start), len);
        Scan {
            data,
            pack,
            reader,
            norm,
            sentences,
            hits,
            numbers,
            temporals,
            resolved,
            published,
            published_inferred,
            named,
            topical,
            paragraphs,
            sentence_ends,
            hit_starts,
            temporal_starts,
        }
        .dated_by_dateline()
    }

    /// A report whose dateline is a day to three before its publication ("TOKYO, Oct. 13
    /// --" in a paper of the 14th) tells what happened on the dateline's day: "today",
    /// "yesterday" and the weekdays after the dateline count from it, not from publication.
    fn dated_by_dateline(mut self) -> Self {
        let Some(published) = self.published.filter(|p| p.day().is_some()) else { return self };
        let mut dateline: Option<(usize, PartialDate)> = None;
        for i in 0..self.temporals.len() {
            let Some(t) = self.temporals.get(i) else { break };
            if t.range.start > DATELINE_HEAD {
                break;
            }
            if t.label || !super::events::is_dateline(&self, i) {
                continue;
            }
            let Some(d) = self.resolved.get(i).copied().flatten().filter(|d| d.day().is_some()) else {
                break;
            };
            // (A header's own date, the publication's, is passed over.)
            let gap = (published.first_day() - d.first_day()).num_days();
            if gap == 0 {
                continue;
            }
            if (1..=DATELINE_LAG).contains(&gap) {
                dateline = Some((t.range.end, d));
            }
            break;
        }
        let Some((end, day)) = dateline else { return self };
        let sentences = &self.sentences;
        let ends = &self.sentence_ends;
        let sentence_of = |at: usize| sentence_index(sentences, ends, at);
        let again = dates::resolve_all(self.text(), &self.temporals, Some(day), &sentence_of);
        for ((t, slot), d) in self.temporals.iter().zip(self.resolved.iter_mut()).zip(again) {
            if t.range.start >= end {
                *slot = d;
            }
        }
        self
    }

    /// The stretches of text about the dispute (runs of sentences [`Scan::in_play`]), in
    /// order.
    pub fn play_runs(&self) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for (s, &on) in self.sentences.iter().zip(&self.topical) {
            if !on {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.end >= s.start || self.slice(&(last.end..s.start)).trim().is_empty() => {
                    last.end = s.end
                }
                _ => out.push(s.clone()),
            }
        }
        out
    }

    /// Whether byte `at` stands where the text is about the dispute (see [`topical`]):
    /// only there do dates, events, figures, frames and quotes get read.
    pub fn in_play(&self, at: usize) -> bool {
        self.topical.get(self.sentence_of(at)).copied().unwrap_or(false)
    }

    /// Marks the time expressions inside `names` as parts of names.
    pub fn mark_names<'r>(&mut self, names: impl IntoIterator<Item = &'r Range<usize>>) {
        for r in names {
            for i in self.temporals_in(r) {
                if let (Some(t), Some(n)) = (self.temporals.get(i), self.named.get_mut(i)) {
                    *n = t.range.end <= r.end;
                }
            }
        }
    }

    /// Dates a day named without its year right after an agreement that was signed that
    /// day, within [`SIGNING_REACH`] characters in its sentence ("The 1956 joint
    /// declaration, signed on 19 October, …" is 19 October 1956): `signings` are the
    /// agreements named, where, and when each was signed.
    pub fn date_signing_days(&mut self, signings: impl IntoIterator<Item = (Range<usize>, PartialDate)>) {
        for (at, signed) in signings {
            let sentence = self.sentence(self.sentence_of(at.start));
            let after = at.end..sentence.end.min(chars_after(self.text(), at.end, SIGNING_REACH));
            for i in self.temporals_in(&after) {
                let Some((m, Some(day))) = self.temporals.get(i).and_then(|t| t.expr.month_day()) else {
                    continue;
                };
                if (signed.month(), signed.day()) == (Some(m), Some(day))
                    && let Some(slot) = self.resolved.get_mut(i)
                {
                    *slot = Some(signed);
                }
            }
        }
    }

    /// The number of the paragraph sentence `k` stands in (see
    /// [`super::text::paragraph_numbers`]).
    pub(crate) fn paragraph_of(&self, k: usize) -> Option<usize> {
        self.paragraphs.get(k).copied()
    }

    /// Dates a month named without its year ("In December, Japan joined the United
    /// Nations") by the past year its paragraph tells of ("In 1956 the two states signed a
    /// declaration."): the year last written out before it in the paragraph, earlier than
    /// publication's and not part of a name ("the 1956 declaration" names a document, it
    /// does not set the story's year). A date counted from publication ("last week") ends the
    /// story; so does the paragraph's end. A happening named for its date ("the end of World
    /// War Two") dates months of its own sentence only (終戦の年の9月). Run once the names are
    /// marked.
    pub fn date_narrative_months(&mut self) {
        let Some(published) = self.published else { return };
        // The paragraph the story's year was written in, and the year.
        let mut story: Option<(usize, i32)> = None;
        // The last story's paragraph and year, kept past its paragraph's end.
        let mut last_story: Option<(usize, i32)> = None;
        // The sentence of a happening named for its date ("the end of World War Two",
        // 終戦), and its year: it tells a story to its own sentence only (終戦の年の9月).
        let mut named: Option<(usize, i32)> = None;
        // The date the last month read here was moved to, and its paragraph: what a date
        // counted from the one before it right after, in that paragraph, counts from
        // (「…9月5日にかけて…占領した。当時、…」).
        let mut moved: Option<(PartialDate, Option<usize>)> = None;
        // The year of the last date read (after any move).
        let mut last_year: Option<i32> = None;
        // A story carried past its paragraph whose last date read was a month moved into it,
        // and that month's paragraph: the paragraph right after goes on with it.
        let mut thread: Option<(usize, i32)> = None;
        // The last date read to the day whose year the text wrote, or a story gave, and its
        // paragraph; and whether the date before is one.
        let mut last_day: Option<(PartialDate, Option<usize>)> = None;
        let mut storied = false;
        for i in 0..self.temporals.len() {
            if let Some((d, j)) = i.checked_sub(1).and_then(|j| {
                let t = self.temporals.get(j)?;
                (!t.bound && !t.label && !self.is_named(j))
                    .then(|| self.resolved.get(j).copied().flatten().map(|d| (d, t)))?
            }) {
                last_year = Some(d.year());
                // (Or counted from the date before: 同年八月九日, 同月27日.)
                let written = matches!(
                    j.expr,
                    Expr::Absolute(_)
                        | Expr::ShortYear { .. }
                        | Expr::YearMonth { from: Anchor::Previous, .. }
                        | Expr::DayOfMonth { from: Anchor::Previous, .. }
                );
                if d.precision() == crate::date::Precision::Day && (written || storied) {
                    last_day = Some((d, self.paragraph_of(self.sentence_of(j.range.start))));
                }
            }
            storied = false;
            let Some(t) = self.temporals.get(i) else { break };
            if t.bound || t.label || self.is_named(i) {
                continue;
            }
            let sentence = self.sentence_of(t.range.start);
            let paragraph = self.paragraph_of(sentence);
            // A day alone after a day of a year before publication's, later in its month, in
            // its paragraph or the next: that month's («1945年8月9日、ソ連は…宣戦し…。日本は
            // 14日に…» is 14 August 1945, not the 14th of the month of publication).
            if let (Expr::Day(day), Some((last, at))) = (t.expr, last_day)
                && last.year() < published.year()
                && last.day().is_some_and(|d| day > d)
                && paragraph.zip(at).is_some_and(|(p, q)| p == q || p == q + 1)
                && let Some(d) = last.month().and_then(|m| dates::in_year(last.year(), m, Some(day)))
            {
                if let Some(slot) = self.resolved.get_mut(i) {
                    *slot = Some(d);
                    storied = true;
                }
                continue;
            }
            if story.is_some_and(|(p, _)| Some(p) != paragraph) {
                story = None;
            }
            if named.is_some_and(|(s, _)| s != sentence) {
                named = None;
            }
            let text = self.norm.text.as_ref();
            let pack = self.pack;
            // A month after a word pointing back to the story ("That October the premier flew
            // to Moscow", after a paragraph in 1956): the month of the year last read, past,
            // and the story of its paragraph.
            if let (Some((m, day)), Some(y)) = (t.expr.month_day(), last_year)
                && y < published.year()
                && pack.story_deictic.before(text, t.range.start).is_some()
            {
                if let (Some(d), Some(slot)) = (dates::in_year(y, m, day), self.resolved.get_mut(i)) {
                    *slot = Some(d);
                    storied = true;
                    story = paragraph.map(|p| (p, y));
                    last_story = story.or(last_story);
                    moved = None;
                }
                continue;
            }
            // (Not one told in the future: "Medvedev is still due in Yokohama on November
            // 13-14", after "Soviet troops seized the islands in 1945", is ahead.)
            let future =
                matches!(t.expr, Expr::Month(_, Tense::Future) | Expr::MonthDay(_, _, Tense::Future));
            // (Nor one in a span with a month of a written year, "between late August and early
            // September 1945", which that year dates.)
            let month_day = t.expr.month_day().filter(|_| {
                !future
                    && pack.deictic.before(text, t.range.start).is_none()
                    && dates::spanned_year(text, &self.temporals, i).is_none()
            });
            let past = matches!(t.expr, Expr::Month(_, Tense::Past) | Expr::MonthDay(_, _, Tense::Past));
            let resolved = self.resolved.get(i).copied().flatten();
            // A month told in the past tense that publication would put after itself goes on
            // with the story of the paragraph right before ("… on April 5, 1945. ¶ Soviet
            // troops stormed Shumshu on Aug. 18", in a text of June 2005); not a dateline
            // opening its line.
            // So does one in the paragraph right after a paragraph that went on with the story
            // (the thread), or after one that opens with a word of `story_connectives`
            // ("Then Washington weighed in. Meeting Shigemitsu on August 19, …", after a
            // paragraph in August 1956).
            let carried = || {
                let (p, y) = last_story?;
                let here = paragraph?;
                let goes_on = resolved.is_some_and(|d| d.first_day() > published.last_day())
                    || thread.is_some_and(|(tp, ty)| tp == p && ty == y)
                    || self.opens_with_connective(sentence);
                (past && here == p + 1 && dates::opens_line(text, t.range.start).is_none() && goes_on)
                    .then_some((here, y))
            };
            let current = named.or(story).map(|c| (c, false)).or_else(|| carried().map(|c| (c, true)));
            match (month_day, current) {
                (Some((m, day)), Some(((here, y), across))) => {
                    if let (Some(d), Some(slot)) = (dates::in_year(y, m, day), self.resolved.get_mut(i)) {
                        moved = (*slot != Some(d)).then_some((d, paragraph));
                        *slot = Some(d);
                        storied = true;
                    }
                    // (The story goes on in this paragraph, and may go on in the next.)
                    if across || thread.is_some_and(|(tp, ty)| tp == here && ty == y) {
                        story = Some((here, y));
                        last_story = story;
                        thread = story;
                    }
                }
                (Some(_), None) => {
                    moved = None;
                    thread = None;
                }
                // (A date counted from the one before, "a week after …", "two days later",
                // goes on with the story: from where the month before it was moved.)
                (None, _) if counted_on(&t.expr) => {
                    if let (Expr::Relative { from: Anchor::Previous, .. }, Some((m, p))) = (t.expr, moved)
                        && p == paragraph
                        && let Some(slot) = self.resolved.get_mut(i)
                    {
                        *slot = dates::resolve(t.expr, Some(published), Some(m)).or(*slot);
                    }
                }
                (None, _) if self.names_a_date(t) => {
                    moved = None;
                    thread = None;
                    named = resolved.filter(|d| d.year() < published.year()).map(|d| (sentence, d.year()));
                }
                (None, _) => {
                    moved = None;
                    thread = None;
                    // (A year before a noun, "the 1956 text", names a thing of that year.)
                    let attributive = matches!(t.expr, Expr::Absolute(d) if d.month().is_none())
                        && pack.determiners.before(text, t.range.start).is_some();
                    let written =
                        matches!(t.expr, Expr::Absolute(_) | Expr::ShortYear { .. }) && !attributive;
                    // (A date told in the pluperfect, "the pact they had signed in April 1941",
                    // is a past before the story's, which goes on.)
                    if story.is_some() && self.anterior(t.range.start) {
                        continue;
                    }
                    story = resolved
                        .filter(|d| written && d.year() < published.year())
                        .and_then(|d| Some((paragraph?, d.year())));
                    if story.is_some() {
                        last_story = story;
                    }
                }
            }
        }
        self.date_anachronisms(published);
    }

    /// Whether a word of `anterior` stands before `at` in its clause, within
    /// [`ANTERIOR_REACH`] characters ("the pact they had signed in April 1941").
    fn anterior(&self, at: usize) -> bool {
        let pack = self.pack;
        if pack.anterior.is_empty() {
            return false;
        }
        let text = self.norm.text.as_ref();
        let sentence = self.sentence(self.sentence_of(at));
        let from = chars_before(text, at, ANTERIOR_REACH).max(sentence.start).min(at);
        let from = text.get(from..at).and_then(|w| w.rfind([',', ';', ':'])).map_or(from, |k| from + k + 1);
        pack.anterior.find_in(text, from..at).next().is_some()
    }

    /// Re-dates a month named without its year that publication's year puts where a state
    /// its sentence names did not exist ("When Soviet forces poured into Manchuria on
    /// August 9", in a review of 2005): to the year written out nearest to it in its
    /// paragraph, before or after it, in which every such state existed. A month no such
    /// year fits keeps its date.
    fn date_anachronisms(&mut self, published: PartialDate) {
        for i in 0..self.temporals.len() {
            let Some(t) = self.temporals.get(i) else { break };
            let Some((m, day)) = t.expr.month_day().filter(|_| !t.bound && !t.label) else { continue };
            let Some(d) = self.resolved.get(i).copied().flatten() else { continue };
            if d.year() != published.year() {
                continue;
            }
            let sentence = self.sentence_of(t.range.start);
            let parties: Vec<&crate::party::Party> = self
                .entries_in(&self.sentence(sentence))
                .filter_map(|(_, e)| match e {
                    Entry::Party { party, .. } => self.data.party(party).ok(),
                    _ => None,
                })
                .collect();
            if parties.iter().all(|p| p.existed_at(d)) {
                continue;
            }
            let paragraph = self.paragraph_of(sentence);
            let fits = |j: usize| {
                let u = self.temporals.get(j)?;
                if u.bound || u.label || self.is_named(j) || !matches!(u.expr, Expr::Absolute(_)) {
                    return None;
                }
                let y = self.resolved.get(j).copied().flatten()?.year();
                let moved = dates::in_year(y, m, day)?;
                parties.iter().all(|p| p.existed_at(moved)).then_some(moved)
            };
            let same_paragraph = |j: &usize| {
                self.temporals
                    .get(*j)
                    .is_some_and(|u| self.paragraph_of(self.sentence_of(u.range.start)) == paragraph)
            };
            let before = (0..i).rev().take_while(same_paragraph).find_map(|j| Some((j, fits(j)?)));
            let after =
                (i + 1..self.temporals.len()).take_while(same_paragraph).find_map(|j| Some((j, fits(j)?)));
            let distance = |j: usize| {
                self.temporals.get(j).map_or(usize::MAX, |u| u.range.start.abs_diff(t.range.start))
            };
            let nearest = [before, after].into_iter().flatten().min_by_key(|&(j, _)| distance(j));
            if let (Some((_, moved)), Some(slot)) = (nearest, self.resolved.get_mut(i)) {
                *slot = Some(moved);
            }
        }
    }

    /// Whether the paragraph of sentence `k` opens with a word of `dates.story_connectives`
    /// ("Then", «Затем», その後).
    fn opens_with_connective(&self, k: usize) -> bool {
        if self.pack.story_connectives.is_empty() {
            return false;
        }
        let paragraph = self.paragraph_of(k);
        let first = (0..k).rev().take_while(|&j| self.paragraph_of(j) == paragraph).last().unwrap_or(k);
        let text = self.text();
        // (Not a word of a compound, "Then-President Medvedev".)
        self.pack
            .story_connectives
            .after(text, self.sentence(first).start)
            .is_some_and(|(end, _)| !text.get(end..).is_some_and(|r| r.starts_with('-')))
    }

    /// Whether time expression `t` is one of the pack's named dates ("the end of World War
    /// Two", 終戦), not a date written out.
    fn names_a_date(&self, t: &Temporal) -> bool {
        self.entries_in(&t.range)
            .any(|(h, e)| h.range() == t.range && matches!(e, Entry::Term(Term::NamedDate(_))))
    }

    /// Whether time expression `i` is part of a name.
    pub fn is_named(&self, i: usize) -> bool {
        self.named.get(i).copied().unwrap_or(false)
    }

    /// The normalised text (offsets of every internal range point into it).
    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// `text[range]`, or "".
    pub fn slice(&self, range: &Range<usize>) -> &str {
        self.norm.text.get(range.clone()).unwrap_or_default()
    }

    /// The text of a normalised range as the document writes it.
    pub fn as_written(&self, range: &Range<usize>) -> &'a str {
        self.norm.original_text(range)
    }

    /// The index of the sentence holding offset `at` (or the next one).
    pub fn sentence_of(&self, at: usize) -> usize {
        sentence_index(&self.sentences, &self.sentence_ends, at).min(self.sentences.len().saturating_sub(1))
    }

    /// Sentence `i`'s range, or an empty one.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.sentences.get(i).cloned().unwrap_or(0..0)
    }

    /// Evidence for `range` in original offsets.
    pub fn evidence(&self, range: &Range<usize>) -> Evidence {
        let sentence = self.sentence(self.sentence_of(range.start));
        // A span starting between two sentences (an opening quote after the last one's
        // end) lies in the sentence it runs into: the evidence's sentence holds it.
        let sentence = sentence.start.min(range.start)..sentence.end.max(range.end);
        let span = self.norm.original_range(range);
        let sentence = self.norm.original_range(&sentence);
        Evidence {
            span: Span { start: span.start, end: span.end },
            sentence: Span { start: sentence.start, end: sentence.end },
        }
    }

    /// Indices of the hits inside `range`.
    pub fn hits_in(&self, range: &Range<usize>) -> Range<usize> {
        let a = self.hit_starts.below(&self.hits, |h| h.start as usize, range.start);
        let b = self.hit_starts.below(&self.hits, |h| h.start as usize, range.end);
        a..b.max(a)
    }

    /// The hits inside `range`, with their entries.
    pub fn entries_in(&self, range: &Range<usize>) -> impl Iterator<Item = (&Hit, &Entry)> {
        let reader = self.reader;
        self.hits
            .get(self.hits_in(range))
            .unwrap_or_default()
            .iter()
            .filter(move |h| (h.end as usize) <= range.end)
            .flat_map(move |h| reader.entries(h).map(move |e| (h, e)))
    }

    /// Whether the name found at exactly `range` is in an oblique case (not a subject).
    pub fn oblique_at(&self, range: &Range<usize>) -> bool {
        self.hit_exactly_at(range, |h| self.reader.is_oblique(h))
    }

    /// Whether the name found at exactly `range` is a state's in the case that marks a
    /// hand-over's recipient (see `stance.recipient_case`).
    pub fn recipient_case_at(&self, range: &Range<usize>) -> bool {
        self.hit_exactly_at(range, |h| self.reader.is_recipient_case(h))
    }

    /// Whether a hit found at exactly `range` satisfies `test`.
    fn hit_exactly_at(&self, range: &Range<usize>, test: impl Fn(&Hit) -> bool) -> bool {
        self.hits.get(self.hits_in(range)).unwrap_or_default().iter().any(|h| h.range() == *range && test(h))
    }

    /// Indices of the time expressions inside `range`.
    pub fn temporals_in(&self, range: &Range<usize>) -> Range<usize> {
        let a = self.temporal_starts.below(&self.temporals, |t| t.range.start, range.start);
        let b = self.temporal_starts.below(&self.temporals, |t| t.range.start, range.end);
        a..b.max(a)
    }

    /// Whether time expression `i` dates a happening (resolved, not a bound, a decade, a
    /// label or part of a name).
    pub fn dates_happening(&self, i: usize) -> Option<PartialDate> {
        let t = self.temporals.get(i)?;
        if t.bound || t.label || t.expr == Expr::Decade || self.is_named(i) {
            return None;
        }
        self.resolved.get(i).copied().flatten()
    }

    /// The date of the start of a period that time expression `i` opens ("since 2020", «с
    /// 2020 года»: a bound after a word of `dates.period_starts`), resolved.
    pub fn period_start(&self, i: usize) -> Option<PartialDate> {
        let t = self.temporals.get(i)?;
        if !t.bound
            || t.label
            || self.is_named(i)
            || self.pack.period_starts.before(self.text(), t.range.start).is_none()
        {
            return None;
        }
        self.resolved.get(i).copied().flatten()
    }

    /// The date of what happens around `at`: the nearest time expression that dates a
    /// happening in its sentence (preferring one before `at`; looking at most [`NEAR`]
    /// bytes away), or `None`.
    pub fn date_at(&self, at: usize) -> Option<PartialDate> {
        self.date_at_where(at, |_| true)
    }

    /// The date of the chronology entry that byte `at` stands in, past its first sentence:
    /// a line opened by a date and a mark that sets it apart ("Oct. 19, 1956 - A joint
    /// declaration ends the state of war. Moscow agrees to …", «1956 год: …», a date and a
    /// wide space), each sentence of which tells of that date. The date gives its year.
    pub fn entry_date(&self, at: usize) -> Option<PartialDate> {
        let text = self.text();
        let line = super::text::line_start(text, at);
        let head = text.get(line..at)?;
        let lead = line + head.len() - head.trim_start().len();
        let i = self.temporals_in(&(lead..lead + 1)).start;
        let t = self.temporals.get(i).filter(|t| t.range.start == lead && t.range.end <= at)?;
        // (A date with its year, as a chronology gives: not a weekday heading a schedule's
        // line, «Вторник. В Кремле пройдут …».)
        let year = text.get(t.range.clone())?.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        let after = text.get(t.range.end..)?;
        let mark = after.trim_start_matches([' ', '\t']);
        let set_apart = mark.starts_with(['-', '–', '—', ':', '：', '.'])
            || after.starts_with(['\t', '\u{3000}'])
            || after.starts_with("  ");
        // (Not the entry's own first sentence, dated by the date itself.)
        (year && set_apart && self.sentence_of(at) != self.sentence_of(t.range.start))
            .then(|| self.dates_happening(i))?
    }

    /// [`Scan::date_at`] among the time expressions `keep` accepts (not those of an aside
    /// about something else, say).
    pub fn date_at_where(&self, at: usize, keep: impl Fn(&Range<usize>) -> bool) -> Option<PartialDate> {
        let s = self.sentence(self.sentence_of(at));
        let near = s.start.max(at.saturating_sub(NEAR))..s.end.min(at.saturating_add(NEAR));
        let mut best: Option<(usize, PartialDate)> = None;
        for i in self.temporals_in(&near) {
            let (Some(t), Some(d)) = (self.temporals.get(i), self.dates_happening(i)) else { continue };
            if !keep(&t.range) {
                continue;
            }
            let distance =
                if t.range.end <= at { at - t.range.end } else { t.range.start.saturating_sub(at) * 2 };
            if best.is_none_or(|(b, _)| distance < b) {
                best = Some((distance, d));
            }
        }
        best.map(|(_, d)| d)
    }
}

/// How far after an agreement's name (characters) a day without its year is its signing's
/// ([`Scan::date_signing_days`]).
const SIGNING_REACH: usize = 60;

/// A finding and where it stands in the normalised text.
#[derive(Debug, Clone)]
pub(crate) struct Found<T> {
    pub at: Range<usize>,
    pub item: T,
}

impl<T> Found<T> {
    pub fn new(at: Range<usize>, item: T) -> Self {
        Found { at, item }
    }
}

/// The items of `items` (sorted by `start`) that start inside `range`.
pub(crate) fn starting_in<'x, T>(
    items: &'x [T],
    start: impl Fn(&T) -> usize,
    range: &Range<usize>,
) -> &'x [T] {
    let a = items.partition_point(|x| start(x) < range.start);
    let b = items.partition_point(|x| start(x) < range.end);
    items.get(a..b.max(a)).unwrap_or_default()
}

/// The sides of the dispute: the states that hold a position in the data.
pub(crate) fn dispute_sides(data: &Dataset) -> Vec<&crate::PartyId> {
    let mut sides: Vec<&crate::PartyId> = data.positions().map(|p| &p.holder).collect();
    sides.sort();
    sides.dedup();
    sides
}

/// How many sentences around one about the dispute, in its paragraph, are read with it (a
/// speaker named a sentence on, "a day later" in the next one). A paragraph break ends the
/// reach: in news copy the next paragraph that goes on with the dispute names it again,
/// and the one that does not is another story.
const TOPIC_REACH: usize = 2;

/// How far before a date a word of `anterior` is looked for, in its clause (characters).
const ANTERIOR_REACH: usize = 60;

/// How many sentences after one about the dispute a sentence of both sides is about it too
/// (see [`topical`]).
const BOTH_SIDES_REACH: usize = 3;

/// How much of a text's top is always read (its headline, dateline and byline).
const TOPIC_HEAD: usize = 1500;

/// Per sentence: whether it names something of the dispute (an island, a collective
/// name, an agreement, a formula or a phrase that names one, a person of the data, or a
/// side of the dispute or its predecessor: see [`dispute_sides`]), or stands within
/// [`TOPIC_REACH`] sentences of one that does in the same paragraph, or in the text's
/// top, or has a subject standing for both sides (`parties.both_sides`) within
/// [`BOTH_SIDES_REACH`] sentences after one that names something of the dispute. World news
/// around the dispute's paragraphs is passed over by every rule but the names'.
fn topical(
    text: &str,
    (sentences, ends): (&[Range<usize>], &OffsetIndex),
    paragraph: &[usize],
    hits: &[super::reader::Hit],
    (reader, pack): (&Reader, &Pack),
    data: &Dataset,
) -> Vec<bool> {
    use super::reader::{Class, Entry};
    let sides = dispute_sides(data);
    let mut with_predecessors = sides.clone();
    for s in &sides {
        if let Some(p) = data.party(s).ok().and_then(|p| p.predecessor.as_ref()) {
            with_predecessors.push(p);
        }
    }
    let mut about = vec![false; sentences.len()];
    for h in hits {
        let topic = reader.is(h, Class::Island)
            || reader.is(h, Class::Collective)
            || reader.is(h, Class::Agreement)
            || reader.is(h, Class::Person)
            || reader.entries(h).any(|e| match e {
                // (A formula named, or a phrase that stands for one: 四島の帰属, "the
                // return of the four islands", whose automaton match holds the islands'
                // name.)
                Entry::Formula(_) | Entry::Term(super::lexicon::Term::Concept(_)) => true,
                Entry::Party { party, .. } => with_predecessors.contains(&party),
                _ => false,
            });
        if topic {
            let k = sentence_index(sentences, ends, h.start as usize);
            if let Some(a) = about.get_mut(k) {
                *a = true;
            }
        }
    }
    let mut out = vec![false; sentences.len()];
    for (k, s) in sentences.iter().enumerate() {
        let here = paragraph.get(k).copied();
        let lo = k.saturating_sub(TOPIC_REACH);
        let hi = (k + TOPIC_REACH).min(about.len().saturating_sub(1));
        let near = (lo..=hi)
            .any(|j| about.get(j).copied().unwrap_or(false) && (j == k || paragraph.get(j).copied() == here));
        if (s.start < TOPIC_HEAD || near)
            && let Some(o) = out.get_mut(k)
        {
            *o = true;
        }
    }
    // A sentence whose subject stands for both sides ("The two countries have still not signed
    // a peace treaty") within [`BOTH_SIDES_REACH`] sentences after one about the dispute is
    // about it too, in a paragraph of its own.
    let mut last_about: Option<usize> = None;
    for (k, s) in sentences.iter().enumerate() {
        if about.get(k).copied().unwrap_or(false) {
            last_about = Some(k);
            continue;
        }
        let near = last_about.is_some_and(|j| k - j <= BOTH_SIDES_REACH);
        if near
            && !out.get(k).copied().unwrap_or(true)
            && pack.both_sides.find_in(text, s.clone()).next().is_some()
            && let Some(o) = out.get_mut(k)
        {
            *o = true;
        }
    }
    // A short line with a number, of its own right before the next sentence's line (a
    // chronology's year, "1956" over "Oct 19 - …"), is read with the sentence it heads.
    for k in (0..sentences.len().saturating_sub(1)).rev() {
        let (Some(s), Some(next)) = (sentences.get(k), sentences.get(k + 1)) else { continue };
        let heads = !out.get(k).copied().unwrap_or(true)
            && out.get(k + 1).copied().unwrap_or(false)
            && s.len() <= HEADING_LINE
            && text.get(s.clone()).is_some_and(|l| l.bytes().any(|b| b.is_ascii_digit()))
            && text
                .get(s.end..next.start)
                .is_some_and(|g| g.matches('\n').count() == 1 && g.trim().is_empty());
        if heads && let Some(o) = out.get_mut(k) {
            *o = true;
        }
    }
    out
}

/// The longest line read as a chronology's heading (bytes; see [`topical`]).
const HEADING_LINE: usize = 24;
