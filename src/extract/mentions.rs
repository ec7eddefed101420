//! Islands, parties and agreements named in the text.

use std::collections::BTreeSet;
use std::ops::Range;

use super::dates::Expr;
use super::findings::PartyForm;
use super::findings::{AgreementMention, IslandMention, PartyMention};
use super::lexicon::{Extent, Term, is_spaced_word_char, name_script};
use super::reader::{Class, Entry, Hit};
use super::scan::{Found, NEAR, Scan, starting_in};
use super::text::{char_at, char_before, floor_boundary, word_after, word_before};
use crate::agreement::{AgreementId, AgreementKind};
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::id::PartyId;
use crate::island::IslandSet;

/// Picks among parties sharing a name ("Moscow": Russia or the Soviet Union) by the date
/// the sentence is about; without one, the latest.
pub(crate) fn choose_party(
    data: &Dataset,
    candidates: &[PartyId],
    date: Option<PartialDate>,
) -> Option<PartyId> {
    if candidates.len() <= 1 {
        return candidates.first().cloned();
    }
    let parties: Vec<_> = candidates.iter().filter_map(|id| data.party(id).ok()).collect();
    if let Some(d) = date {
        let alive: Vec<_> = parties.iter().filter(|p| p.existed_at(d)).collect();
        if let [only] = alive.as_slice() {
            return Some(only.id.clone());
        }
    }
    parties.iter().max_by_key(|p| p.from.map(|f| f.first_day())).map(|p| p.id.clone())
}

/// The states a word of the language stands for (`parties.words`): all of them (日ソ), but,
/// of those that succeed one another ("the Russians" of the Russian Empire, the Soviet Union
/// and Russia; 日露 of Japan and of the Russian Empire or Russia), the one that existed at
/// the date.
pub(crate) fn word_parties(
    data: &Dataset,
    parties: &[PartyId],
    date: impl FnOnce() -> Option<PartialDate>,
) -> Vec<PartyId> {
    let in_line: Vec<bool> =
        parties.iter().map(|p| parties.iter().any(|q| q != p && one_line(data, p, q))).collect();
    let line: Vec<PartyId> =
        parties.iter().zip(&in_line).filter(|&(_, &l)| l).map(|(p, _)| p.clone()).collect();
    if line.is_empty() {
        return parties.to_vec();
    }
    let chosen = choose_party(data, &line, date());
    parties
        .iter()
        .zip(&in_line)
        .filter(|&(p, &l)| !l || chosen.as_ref() == Some(p))
        .map(|(p, _)| p.clone())
        .collect()
}

/// Whether one of `a` and `b` continues the other, through any number of predecessors.
fn one_line(data: &Dataset, a: &PartyId, b: &PartyId) -> bool {
    let continues = |later: &PartyId, earlier: &PartyId| {
        let mut at = data.party(later).ok().and_then(|p| p.predecessor.clone());
        // (A line of states is short; the bound keeps a cycle in a user's data finite.)
        for _ in 0..16 {
            match at {
                Some(ref id) if id == earlier => return true,
                Some(ref id) => at = data.party(id).ok().and_then(|p| p.predecessor.clone()),
                None => return false,
            }
        }
        false
    };
    continues(a, b) || continues(b, a)
}

/// Whether `parties` (two or more) form one line of succession.
pub(crate) fn successive(data: &Dataset, parties: &[PartyId]) -> bool {
    if parties.len() < 2 {
        return false;
    }
    let mut line: Vec<&crate::party::Party> = parties.iter().filter_map(|id| data.party(id).ok()).collect();
    line.sort_by_key(|p| p.from.map(|f| f.first_day()));
    line.len() == parties.len()
        && line.windows(2).all(|w| matches!(w, [a, b] if b.predecessor.as_ref() == Some(&a.id)))
}

fn hyphen_compound(text: &str, range: &Range<usize>) -> bool {
    let after = char_at(text, range.end) == Some('-')
        && char_at(text, range.end + 1).is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    let before = char_before(text, range.start) == Some('-')
        && range.start >= 2
        && text.get(..range.start - 1).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphabetic);
    after || before
}

/// Whether an adjective at `range` qualifies a noun of the state ("the Japanese
/// government", "Soviet-Japanese talks"), not a person or a thing.
fn adjective_of_state(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    adjective_in_list(scan, range, 0)
}

/// How many adjectives of states a list may join before its noun ("Japanese, Russian and
/// Chinese officials").
const ADJECTIVE_LIST: usize = 4;

/// [`adjective_of_state`] for the adjective at `range`, the `depth`th of a list: one that a
/// list joiner ties to the next adjective of a state is one when that one is ("Japanese
/// and Russian officials").
fn adjective_in_list(scan: &Scan<'_>, range: &Range<usize>, depth: usize) -> bool {
    let text = scan.text();
    let pack = scan.pack;
    if hyphen_compound(text, range) {
        return true;
    }
    let k = scan.hits.partition_point(|h| (h.start as usize) < range.end);
    if depth < ADJECTIVE_LIST
        && let Some(next) = scan.hits.get(k)
        && text.get(range.end..next.start as usize).is_some_and(|g| pack.joins_list(g.trim()))
        && scan.reader.entries(next).any(|e| matches!(e, Entry::Party { form: PartyForm::Adjective, .. }))
    {
        return adjective_in_list(scan, &next.range(), depth + 1);
    }
    let mut at = range.end;
    for _ in 0..2 {
        if pack.media_nouns.after(text, at).is_some() {
            return false;
        }
        if pack.state_nouns.after(text, at).is_some() {
            return true;
        }
        // A title right after the adjective ("Russian Foreign Minister"), or a noun of
        // stance or a stance named ("Japanese insistence on the islands", "the Soviet
        // refusal to discuss the islands").
        if next_hit_is(scan, at, |e| {
            matches!(
                e,
                Entry::Term(
                    Term::Title { office: true, .. }
                        | Term::Predicate { nominal: true, .. }
                        | Term::Concept(_)
                )
            )
        }) {
            return true;
        }
        match pack.state_noun_modifiers.after(text, at) {
            Some((end, _)) => at = end,
            None => return false,
        }
    }
    false
}

/// Whether the hit right after `at` (over spaces) has an entry that `is` holds.
pub(crate) fn next_hit_is(scan: &Scan<'_>, at: usize, is: impl Fn(&Entry) -> bool) -> bool {
    let text = scan.text();
    let start = at + text.get(at..).map_or(0, |s| s.len() - s.trim_start().len());
    let k = scan.hits.partition_point(|h| (h.start as usize) < start);
    scan.hits.get(k).filter(|h| h.start as usize == start).is_some_and(|h| scan.reader.entries(h).any(&is))
}

/// Whether a metonym at `range` names the place rather than the government.
fn locative(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    let text = scan.text();
    let pack = scan.pack;
    pack.locative.before(text, range.start).is_some()
        || pack.locative_after.after(text, range.end).is_some()
        || pack.organisation_suffixes.after(text, range.end).is_some()
        || pack.city_nouns.after(text, range.end).is_some()
        || pack.city_nouns.glued(text, range.end).is_some()
}

/// Whether the city at `range` is where a report was filed, not a government: a
/// dateline's place, written in capitals ("LONDON, 12 October …", «МОСКВА, 14 ноября»), or
/// opening a bracketed head of a line near the top (【モスクワ10日共同】, 【モスクワ＝共同】).
pub(crate) fn dateline_place(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    // (Capitals, not a script without case: モスクワ is no dateline by its letters.)
    let letters: Vec<char> = scan.slice(range).chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 3 && letters.iter().all(|c| c.is_uppercase()) {
        return true;
    }
    let text = scan.text();
    let line_start = text.get(..range.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    range.start < super::scan::DATELINE_HEAD
        && text.get(line_start..range.start).is_some_and(|lead| lead.trim_start() == "【")
}

/// The state of the last mention before `at` in `found` that names one state alone (a
/// word naming two, 日ロ, is passed over).
fn last_single_party(found: &[Found<PartyMention>], at: usize) -> Option<PartyId> {
    let mut before = found.iter().rev().filter(|m| m.at.end <= at).peekable();
    while let Some(m) = before.next() {
        let mut alone = true;
        while let Some(twin) = before.next_if(|n| n.at == m.at) {
            alone &= twin.item.party == m.item.party;
        }
        if alone {
            return Some(m.item.party.clone());
        }
    }
    None
}

/// Every party mention.
pub(crate) fn parties(scan: &Scan<'_>) -> Vec<Found<PartyMention>> {
    let text = scan.text();
    let pack = scan.pack;
    let data = scan.data;
    let mut out = Vec::new();
    let mut venues = Vec::new();
    for hit in scan.hits.iter().filter(|h| {
        scan.reader.is(h, Class::Party)
            || scan.reader.is(h, Class::PartyWord)
            || scan.reader.is(h, Class::Agreement)
    }) {
        let range = hit.range();
        let mut candidates: Vec<PartyId> = Vec::new();
        let mut form = None;
        let mut agreement_name = None;
        for e in scan.reader.entries(hit) {
            match e {
                Entry::Party { party, form: f } => {
                    candidates.push(party.clone());
                    form = Some(*f);
                }
                Entry::Term(Term::Party(w)) if w.anaphor => {
                    // A word for the state last named (同国): that state, when one stands
                    // alone there (not 日ロ, which names two).
                    if let Some(party) = last_single_party(&out, range.start) {
                        out.push(Found::new(
                            range.clone(),
                            PartyMention { party, form: w.form, evidence: scan.evidence(&range) },
                        ));
                    }
                }
                Entry::Term(Term::Party(w)) => {
                    // A word of the language standing for one state or several (日露), or
                    // for whichever of a line of states existed at the date ("the
                    // Russians").
                    let date = || scan.date_at(range.start).or(scan.published);
                    for p in word_parties(data, &w.parties, date) {
                        out.push(Found::new(
                            range.clone(),
                            PartyMention { party: p, form: w.form, evidence: scan.evidence(&range) },
                        ));
                    }
                }
                Entry::Agreement(id) => agreement_name = Some(data.agreement(*id).signed),
                _ => {}
            }
        }
        let Some(form) = form else {
            // States named inside an agreement's name ("the Soviet-Japanese Joint Declaration").
            if let Some(signed) = agreement_name {
                out.extend(parties_in_name(scan, &range, Some(signed)));
            }
            continue;
        };
        let media_after = pack.media_nouns.after(text, range.end).is_some()
            || (pack.possessive_suffixes.glued(text, range.end).is_some()
                && pack.media.after(text, range.end + 2).is_some());
        let counts = !media_after
            && match form {
                PartyForm::Name => {
                    pack.organisation_suffixes.after(text, range.end).is_none()
                        && pack.name_prefixes.before(text, range.start).is_none()
                        && pack.locative_after.after(text, range.end).is_none()
                }
                // An all-capitals city is a dateline's place ("LONDON, 12 October …").
                PartyForm::Metonym => {
                    let written = scan.slice(&range);
                    let all_capitals = written.chars().filter(|c| c.is_alphabetic()).count() > 3
                        && !written.chars().any(char::is_lowercase);
                    // (A seat of government beside a verb of saying with no subject of its own
                    // speaks for its state: «В Кремле заявили».)
                    (!locative(scan, &range) || super::stances::seat_speaks(scan, &range)) && !all_capitals
                }
                PartyForm::Adjective => adjective_of_state(scan, &range),
            };
        // "The Singapore meeting", "the Moscow deal": a state's name as the attribute of a
        // meeting or a document names where it was held, and no one acts there (a state
        // that acts elsewhere is named there).
        let attribute = matches!(form, PartyForm::Name | PartyForm::Metonym)
            && pack.determiners.before(text, range.start).is_some()
            && pack.venue_nouns.after(text, range.end).is_some();
        if !counts || attribute {
            continue;
        }
        // (The date only chooses among several states.)
        let date =
            if candidates.len() > 1 { super::stances::date_of_mention(scan, range.start) } else { None };
        if let Some(party) = choose_party(data, &candidates, date) {
            let found =
                Found::new(range.clone(), PartyMention { party, form, evidence: scan.evidence(&range) });
            if form == PartyForm::Name && venue(scan, &range) { venues.push(found) } else { out.push(found) }
        }
    }
    // A state named only as the venue of a meeting ("met in Singapore") is not a party to
    // it; one that also acts or is acted upon elsewhere is.
    for v in venues {
        if out.iter().any(|m| m.item.party == v.item.party) {
            out.push(v);
        }
    }
    out.sort_by_key(|m| m.at.start);
    out
}

/// Whether a state's name at `range` is the venue of a meeting: after a locative word, in
/// a sentence about a meeting.
pub(crate) fn venue(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    let text = scan.text();
    let pack = scan.pack;
    // (A country before its city, as Japanese writes a place, ドイツ・ハンブルクで: the city's
    // locative marks the country too.)
    let city_end = text.get(range.end..).and_then(|t| t.strip_prefix('・')).map(|t| {
        let run = t.char_indices().find(|&(_, c)| name_script(c).is_none()).map_or(t.len(), |(i, _)| i);
        range.end + '・'.len_utf8() + run
    });
    if pack.locative.before(text, range.start).is_none()
        && pack.locative_after.after(text, range.end).is_none()
        && city_end
            .is_none_or(|e| e == range.end + '・'.len_utf8() || pack.locative_after.after(text, e).is_none())
    {
        return false;
    }
    let s = scan.sentence(scan.sentence_of(range.start));
    let near = s.start.max(range.start.saturating_sub(NEAR))..s.end.min(range.end + NEAR);
    let near = floor_boundary(text, near.start)..floor_boundary(text, near.end);
    pack.venue.find_in(text, near).next().is_some()
}

/// The states named (not by metonym) inside the name at `range`.
fn parties_in_name(
    scan: &Scan<'_>,
    range: &Range<usize>,
    signed: Option<PartialDate>,
) -> Vec<Found<PartyMention>> {
    let mut out = Vec::new();
    for inner in scan.reader.names_in(scan.text(), range) {
        let at = inner.range();
        let mut candidates = Vec::new();
        let mut form = None;
        for e in scan.reader.entries(&inner) {
            if let Entry::Party { party, form: f @ (PartyForm::Name | PartyForm::Adjective) } = e {
                candidates.push(party.clone());
                form = Some(*f);
            }
        }
        // "Russia" in the name of an 1875 treaty is the empire of the day.
        if let (Some(form), Some(party)) = (form, choose_party(scan.data, &candidates, signed)) {
            out.push(Found::new(at.clone(), PartyMention { party, form, evidence: scan.evidence(&at) }));
        }
    }
    // The language's own words for states inside the name (日ソ in 日ソ共同宣言).
    let name = scan.slice(range);
    for t in &scan.pack.terms {
        let Term::Party(w) = &t.term else { continue };
        let Some(k) = name.find(t.form.as_str()) else { continue };
        let at = range.start + k..range.start + k + t.form.len();
        for party in word_parties(scan.data, &w.parties, || signed) {
            out.push(Found::new(
                at.clone(),
                PartyMention { party, form: w.form, evidence: scan.evidence(&at) },
            ));
        }
    }
    out
}

/// Every island mention. Ambiguous collective names count only in context: one standing
/// for all four ("the four islands") once the text is about the disputed islands; one
/// standing for a subset ("the two islands") only near an agreement whose provisions
/// concern exactly that subset (or its year). Territory nouns with a count ("the four
/// Kuril islands", "four islands in the Kuril chain") stand for all four in context.
pub(crate) fn islands(scan: &Scan<'_>, agreements: &[Found<AgreementMention>]) -> Vec<Found<IslandMention>> {
    let data = scan.data;
    let mut out = Vec::new();
    let mut pending = Vec::new();
    // Names inside a longer stance phrase are names too (北方四島 in 北方四島の帰属): the
    // automaton matched the phrase, so they are looked up inside it.
    let inside: Vec<super::reader::Hit> = scan
        .hits
        .iter()
        .filter(|h| scan.reader.is(h, Class::Stance))
        .flat_map(|h| scan.reader.names_in(scan.text(), &h.range()))
        .collect();
    let named = scan.hits.iter().chain(&inside);
    for hit in named.filter(|h| scan.reader.is(h, Class::Island) || scan.reader.is(h, Class::Collective)) {
        for e in scan.reader.entries(hit) {
            let (islands, ambiguous) = match e {
                Entry::Island(i) => (IslandSet::from([*i]), false),
                Entry::Collective { islands, ambiguous } => (*islands, *ambiguous),
                _ => continue,
            };
            let m = IslandMention { islands, evidence: scan.evidence(&hit.range()) };
            if ambiguous {
                pending.push(Found::new(hit.range(), m))
            } else {
                out.push(Found::new(hit.range(), m))
            }
            break;
        }
    }
    // The text is about the islands: a name of one, or a word of the dispute ("the four
    // Kuril islands", "four islands in the Kuril chain").
    let context = !out.is_empty()
        || scan.pack.territory_context.find_in(scan.text(), 0..scan.text().len().min(4096)).next().is_some();
    if context {
        out.extend(counted_territory(scan));
    }
    for found in pending {
        let m = &found.item;
        let keep = if m.islands == IslandSet::ALL {
            context
        } else {
            let s = scan.sentence_of(found.at.start);
            let around = scan.sentence(s.saturating_sub(1)).start..scan.sentence(s + 1).end.max(found.at.end);
            let around =
                around.start.max(found.at.start.saturating_sub(NEAR))..around.end.min(found.at.end + NEAR);
            let agreement_context = starting_in(agreements, |a| a.at.start, &around)
                .iter()
                .any(|a| data.agreement(a.item.agreement).provisions.iter().any(|p| p.islands == m.islands));
            let year_context = scan.temporals_in(&around).any(|i| {
                scan.resolved.get(i).copied().flatten().is_some_and(|d| {
                    data.agreements().any(|a| {
                        a.signed.year() == d.year() && a.provisions.iter().any(|p| p.islands == m.islands)
                    })
                })
            });
            agreement_context || year_context
        };
        if keep {
            out.push(found);
        }
    }
    out.sort_by_key(|f| f.at.start);
    out
}

/// "The four Kuril islands", "four islands in the Kuril chain", "all four disputed
/// islands": a territory noun with the count of all four, in a text about the dispute.
fn counted_territory(scan: &Scan<'_>) -> Vec<Found<IslandMention>> {
    let text = scan.text();
    let pack = scan.pack;
    let mut out = Vec::new();
    if pack.territory_nouns.is_empty() || pack.extents.is_empty() {
        return out;
    }
    // Only where a count of four stands just before: the numbers lead.
    for n in scan.numbers.iter().filter(|n| n.value == 4.0) {
        let s = scan.sentence(scan.sentence_of(n.range.start));
        let ahead =
            n.range.end..super::text::floor_boundary(text, (n.range.end + 60).min(s.end.max(n.range.end)));
        let Some((r, _)) = pack.territory_nouns.find_in(text, ahead).next() else { continue };
        {
            // Up to two words between the count and the noun ("four small, flinty northern islands").
            let mut at = r.start;
            for _ in 0..4 {
                if let Some((start, Extent::All)) = pack.extents.before(text, at).map(|(s, e)| (s, *e)) {
                    let range = start..r.end;
                    out.push(Found::new(
                        range.clone(),
                        IslandMention { islands: IslandSet::ALL, evidence: scan.evidence(&range) },
                    ));
                    break;
                }
                match word_before(text, at) {
                    Some(w) if w.start >= s.start => at = w.start,
                    _ => break,
                }
            }
        }
    }
    out
}

pub(crate) fn kinds_of(term: Option<AgreementKind>) -> &'static [AgreementKind] {
    use AgreementKind::*;
    match term {
        Some(Declaration) => &[Declaration],
        Some(JointStatement) => &[JointStatement, Statement],
        Some(Statement) => &[Statement, JointStatement],
        Some(Communique) => &[Communique],
        Some(Treaty) => &[Treaty],
        Some(Agreement) => &[Agreement],
        Some(Pact) => &[Pact],
        Some(Memorandum) => &[Memorandum],
        Some(Directive) => &[Directive],
        Some(Law) => &[Law],
        // "the 1956 pledge", "the 1956 proposal": any instrument.
        _ => &[],
    }
}

/// The one agreement of `year` (±`slack`) of one of `kinds` (any when empty), if unique.
fn unique_agreement(data: &Dataset, year: i32, kinds: &[AgreementKind], slack: i32) -> Option<AgreementId> {
    let mut found = data
        .agreements()
        .filter(|a| (a.signed.year() - year).abs() <= slack && (kinds.is_empty() || kinds.contains(&a.kind)));
    let first = found.next()?;
    found.next().is_none().then_some(first.id)
}

/// A year written beside an agreement's name or head.
#[derive(Debug, Clone, Copy)]
struct Beside {
    /// Where the mention, the year included, starts (a year before) or ends (after).
    at: usize,
    year: i32,
    /// The year of a date with its month ("the declaration of 19 October 1956", «декларация
    /// 19 октября 1956 года», 1956年10月19日の日ソ共同宣言): it says which agreement a head
    /// names, and the date, no part of the mention, stays the signing's date, to the day.
    of_date: bool,
}

impl Beside {
    fn year(at: usize, year: i32) -> Self {
        Beside { at, year, of_date: false }
    }
}

/// A year written in digits that ends at `end` (after spaces), with its start; or a date
/// with its month that ends there.
fn year_ending_at(scan: &Scan<'_>, end: usize) -> Option<Beside> {
    let text = scan.text();
    let head = text.get(..end)?.trim_end();
    let head = head.strip_suffix("'s").unwrap_or(head);
    let e = head.len();
    // A date with its month right before: "the October 19, 1956 declaration", 1956年10月19日の
    // 日ソ共同宣言.
    let joined = scan.pack.year_name_joiners.before(text, e).map(|(s, _)| s);
    for end in [Some(e), joined].into_iter().flatten() {
        if let Some(year) = dated_at(scan, end.saturating_sub(MAX_DATE_LEN)..end, |date_end| date_end == end)
        {
            return Some(Beside { at: end, year, of_date: true });
        }
    }
    let s = e.checked_sub(4)?;
    let y: i32 = text.get(s..e)?.parse().ok()?;
    // A letter of a script without spaces may stand right before (明記した1956年の).
    let before_ok = !char_before(text, s).is_some_and(|c| c.is_ascii_digit() || is_spaced_word_char(c));
    (before_ok && (1800..=2099).contains(&y)).then_some(Beside::year(s, y))
}

/// A year written in digits that starts at `at` (after spaces), with its end; or a date
/// with its month that starts there.
fn year_starting_at(scan: &Scan<'_>, at: usize) -> Option<Beside> {
    let text = scan.text();
    let rest = text.get(at..)?;
    let s = at + (rest.len() - rest.trim_start().len());
    let digits = text.get(s..s + 4).and_then(|y| y.parse::<i32>().ok());
    let Some(y) = digits else {
        return dated_at(scan, s..s + 1, |_| true).map(|year| Beside { at: s, year, of_date: true });
    };
    let after_ok = !char_at(text, s + 4).is_some_and(|c| c.is_ascii_digit());
    (after_ok && (1800..=2099).contains(&y)).then_some(Beside::year(s + 4, y))
}

/// The longest written date [`year_ending_at`] looks back over, in bytes.
const MAX_DATE_LEN: usize = 48;

/// The year of the written date with its month among the time expressions that start in
/// `starts` and whose end passes `ends`.
fn dated_at(scan: &Scan<'_>, starts: Range<usize>, ends: impl Fn(usize) -> bool) -> Option<i32> {
    scan.temporals.get(scan.temporals_in(&starts))?.iter().find_map(|t| match t.expr {
        Expr::Absolute(d) if d.month().is_some() && !t.bound && ends(t.range.end) => Some(d.year()),
        _ => None,
    })
}

/// A year before an agreement head ("the 1956 joint declaration", "the 1956
/// Japan-Soviet Joint Declaration", 1956年の共同宣言): up to three capitalised words or
/// joining words between.
fn year_before_head(scan: &Scan<'_>, head: usize) -> Option<Beside> {
    let text = scan.text();
    let pack = scan.pack;
    let mut at = head;
    for _ in 0..4 {
        if let Some(y) = year_ending_at(scan, at) {
            return Some(y);
        }
        if let Some((s, _)) = pack.year_links.before(text, at)
            && let Some(y) = year_ending_at(scan, s)
        {
            return Some(y);
        }
        let w = word_before(text, at)?;
        let word = text.get(w.clone())?;
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if !(capital || pack.name_joiners.contains(word) || word == "-")
            || text.get(w.end..at).is_some_and(|g| g.contains(['.', ',', ';']))
        {
            return None;
        }
        at = w.start;
    }
    None
}

/// A year after an agreement head ("the declaration of 1956", "the statement signed in
/// 2013", "декларация 1956 года").
fn year_after_head(scan: &Scan<'_>, end: usize) -> Option<Beside> {
    let text = scan.text();
    let pack = scan.pack;
    let mut at = end;
    if let Some((e, _)) = pack.signed.after(text, at) {
        at = e;
    }
    // The year right after the head, its link after it ("декларация 1956 года").
    if let Some(y) = year_starting_at(scan, at) {
        if y.of_date {
            return Some(y);
        }
        let e = pack.year_links.after(text, y.at).map_or(y.at, |(l, _)| l);
        return Some(Beside::year(e, y.year));
    }
    let (e, _) = pack.year_links.after(text, at)?;
    at = e;
    // "… of the two leaders in 2013", "… of the year 1956".
    if let Some(y) = year_starting_at(scan, at) {
        return Some(y);
    }
    let w = word_after(text, at)?;
    let w2 = word_after(text, w.end)?;
    let w3 = word_after(text, w2.end)?;
    for stop in [w2.end, w3.end] {
        if let Some((e, _)) = pack.year_links.after(text, stop)
            && let Some(y) = year_starting_at(scan, e)
        {
            return Some(y);
        }
    }
    None
}

/// Every agreement mention: names and aliases of the data, then phrases such as "the
/// 1956 joint declaration", "the joint statement of 2013" or (in the publication year)
/// "their joint statement".
pub(crate) fn agreements(scan: &Scan<'_>) -> Vec<Found<AgreementMention>> {
    let mut out: Vec<Found<AgreementMention>> = Vec::new();
    for hit in scan.hits.iter().filter(|h| scan.reader.is(h, Class::Agreement)) {
        for e in scan.reader.entries(hit) {
            let Entry::Agreement(id) = e else { continue };
            let mut range = hit.range();
            let mut year = year_in(scan.slice(&range));
            // (A name says which agreement; a date beside it dates the signing as a date.)
            if year.is_none() {
                if let Some(y) = year_before_head(scan, range.start).filter(|y| !y.of_date) {
                    year = Some(y.year);
                    range.start = y.at;
                } else if let Some(y) = year_after_head(scan, range.end).filter(|y| !y.of_date) {
                    year = Some(y.year);
                    range.end = y.at;
                }
            }
            let m =
                AgreementMention { agreement: *id, year, implied: false, evidence: scan.evidence(&range) };
            out.push(Found::new(range, m));
        }
    }
    let heads = agreement_heads(scan);
    resolve_heads(scan, &mut out, heads);
    out.sort_by_key(|m| m.at.start);
    out
}

/// Every agreement head the reader found ("the declaration", «декларация»), with its kind;
/// [`resolve_heads`] passes over those inside a mention already.
fn agreement_heads<'s>(scan: &'s Scan<'_>) -> Vec<(&'s Hit, Option<AgreementKind>)> {
    scan.hits
        .iter()
        .filter(|h| scan.reader.is(h, Class::AgreementHead))
        .flat_map(|h| {
            scan.reader.entries(h).filter_map(move |e| match e {
                Entry::Term(Term::AgreementHead(kind)) => Some((h, *kind)),
                _ => None,
            })
        })
        .collect()
}

/// Heads that refer back, read again once the agreements a sentence implies are known ("In
/// 1956 the two states signed a joint declaration. Under the declaration, …"): a head that
/// found no instrument named before it may find an implied one. (The other heads give what
/// they gave the first time.)
pub(crate) fn referring_heads(scan: &Scan<'_>, agreements: &mut Vec<Found<AgreementMention>>) {
    if !agreements.iter().any(|a| a.item.implied) {
        return;
    }
    resolve_heads(scan, agreements, agreement_heads(scan));
    agreements.sort_by_key(|m| m.at.start);
}

/// Adds to `out` the agreement each of `heads` names: by the year beside it, the two states
/// before it, or (referring back) the publication year's or the last one named before.
fn resolve_heads(
    scan: &Scan<'_>,
    out: &mut Vec<Found<AgreementMention>>,
    heads: Vec<(&Hit, Option<AgreementKind>)>,
) {
    let data = scan.data;
    let text = scan.text();
    let pack = scan.pack;
    for (hit, kind) in heads {
        let range = hit.range();
        if out.iter().any(|a| a.at.start <= range.start && range.end <= a.at.end) {
            continue;
        }
        let kinds = kinds_of(kind);
        let before = year_before_head(scan, range.start);
        let after = year_after_head(scan, range.end);
        let of_year = |y: Beside| {
            unique_agreement(data, y.year, kinds, 0).or_else(|| unique_agreement(data, y.year, kinds, 1))
        };
        let (span, agreement, year) = match (before, after) {
            (Some(y), _) | (None, Some(y)) if y.of_date => (range.clone(), of_year(y), None),
            (Some(y), _) => (y.at..range.end, of_year(y), Some(y.year)),
            (None, Some(y)) => (range.start..y.at, of_year(y), Some(y.year)),
            (None, None) if parties_before_head(scan, range.start).is_some() => {
                // "The Japan-Soviet Union joint declaration": the one instrument of its kind
                // between exactly those two states.
                let Some((s, pair)) = parties_before_head(scan, range.start) else { continue };
                if kinds.is_empty() {
                    continue;
                }
                let mut found = data.agreements().filter(|a| {
                    kinds.contains(&a.kind)
                        && a.parties.len() == 2
                        && pair.iter().all(|p| a.parties.contains(p))
                });
                let id = match (found.next(), found.next()) {
                    (Some(a), None) => Some(a.id),
                    _ => None,
                };
                (s..range.end, id, None)
            }
            (None, None) => {
                // "Their joint statement": the one of the publication year, if already signed.
                // (In a language without articles, a bare head of `bare_heads`, «декларация»,
                // refers back only.)
                let determiner = pack.determiners.before(text, range.start);
                let bare = determiner.is_none();
                if kinds.is_empty()
                    || (bare && pack.bare_heads.after(text, range.start).is_none_or(|(e, _)| e != range.end))
                {
                    continue;
                }
                let own = determiner.is_some_and(|(s, _)| {
                    !pack.plain_determiners.contains(text.get(s..range.start).unwrap_or_default().trim())
                });
                if !own
                    && kind.is_none_or(|k| {
                        k != AgreementKind::JointStatement
                            && k != AgreementKind::Communique
                            && k != AgreementKind::Declaration
                    })
                {
                    continue;
                }
                let signed = |id: AgreementId| {
                    scan.published.is_some_and(|p| data.agreement(id).signed.first_day() <= p.last_day())
                };
                let id = scan.published.and_then(|p| unique_agreement(data, p.year(), kinds, 0));
                let referring = kinds.iter().any(|k| {
                    matches!(
                        k,
                        AgreementKind::JointStatement
                            | AgreementKind::Declaration
                            | AgreementKind::Communique
                    )
                });
                // Else the last instrument of its kind named before ("the 1956 Joint
                // Declaration … the declaration, in which Moscow agreed to …").
                let before = || {
                    out.iter()
                        .rev()
                        .filter(|a| a.at.end <= range.start)
                        .find(|a| kinds.contains(&data.agreement(a.item.agreement).kind))
                        .map(|a| a.item.agreement)
                };
                let id = match (referring, bare) {
                    (true, false) => id.filter(|id| signed(*id)).or_else(before),
                    (true, true) => before(),
                    (false, _) => None,
                };
                (range.clone(), id, None)
            }
        };
        if let Some(agreement) = agreement {
            let m = AgreementMention { agreement, year, implied: false, evidence: scan.evidence(&span) };
            out.push(Found::new(span, m));
        }
    }
}

/// Two states joined by a hyphen or a dash right before `at` ("Japan-Soviet Union",
/// "Russo-Japanese"): the start of the first and the two parties, when they differ.
fn parties_before_head(scan: &Scan<'_>, at: usize) -> Option<(usize, [PartyId; 2])> {
    let text = scan.text();
    let party_ending = |end: usize| -> Option<(usize, PartyId)> {
        let end = text.get(..end)?.trim_end().len();
        let k = scan.hits.partition_point(|h| (h.end as usize) < end);
        scan.hits.get(k..)?.iter().take_while(|h| h.end as usize == end).find_map(|h| {
            scan.reader.entries(h).find_map(|e| match e {
                Entry::Party { party, .. } => Some((h.start as usize, party.clone())),
                _ => None,
            })
        })
    };
    let (second_start, second) = party_ending(at)?;
    let joint = text.get(..second_start)?;
    let joint = joint.strip_suffix(['-', '\u{2010}', '\u{2013}', '\u{2014}'])?;
    let (first_start, first) = party_ending(joint.len())?;
    (first != second).then_some((first_start, [first, second]))
}

fn year_in(s: &str) -> Option<i32> {
    s.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 4).and_then(|w| w.parse().ok())
}

/// How many sentences back "both sides" looks for the two states it stands for.
const BOTH_SIDES_REACH: usize = 4;

/// An agreement named by where it was made, in a sentence about the dispute with a verb of
/// agreeing («в Красноярске договорились», "At Irkutsk the leaders agreed"): the one
/// agreement made at a place of `agreements.place` whose signing fits the sentence's dates
/// (of every one made there when the sentence gives no date). Its parties agree: the
/// sentence names no state (`named`) outside that agreement's parties or their lines of
/// succession, and either names both sides ("the two leaders", "they") or the sentences
/// within reach (`reach`, ending with this one) name two of its parties, or one beside a
/// head of its kind ("Trump and Kim agreed in Singapore" is none). The verb's span, the
/// agreement, and the sentence's year of its signing when the sentence dates it.
fn placed_agreement<'d>(
    scan: &Scan<'d>,
    range: &Range<usize>,
    named: &BTreeSet<PartyId>,
    reach: &[BTreeSet<PartyId>],
) -> Option<(Range<usize>, &'d crate::Agreement, Option<i32>)> {
    let pack = scan.pack;
    if !pack.agreement_places || !scan.in_play(range.start) {
        return None;
    }
    let text = scan.text();
    let place = scan.entries_in(range).find_map(|(_, e)| match e {
        Entry::Term(Term::AgreementPlace(p)) => Some(p),
        _ => None,
    })?;
    let (verb, _) = pack.agree_verbs.find_in(text, range.clone()).next()?;
    let dates: Vec<crate::PartialDate> =
        scan.temporals_in(range).filter_map(|i| scan.dates_happening(i)).collect();
    let fits = |a: &crate::Agreement| dates.is_empty() || dates.iter().any(|d| signed_at(a, *d));
    let both_sides = pack.both_sides.find_in(text, range.clone()).next().is_some()
        || pack.plural_pronouns.find_in(text, range.clone()).next().is_some();
    let of_its_line =
        |p: &PartyId, a: &crate::Agreement| a.parties.iter().any(|q| q == p || one_line(scan.data, p, q));
    let mut made_there = scan.data.agreements().filter(|a| {
        a.place.as_deref().is_some_and(|p| p.contains(&**place))
            && fits(a)
            && named.iter().all(|p| of_its_line(p, a))
            && (both_sides || {
                // (Two of its parties, or one beside a head of its kind: "where Japan signed
                // the treaty".)
                let acting = a.parties.iter().filter(|q| reach.iter().any(|r| r.contains(*q))).count();
                acting >= a.parties.len().min(2) || (acting == 1 && head_of_its_kind(scan, range, a))
            })
    });
    let (Some(a), None) = (made_there.next(), made_there.next()) else { return None };
    let year = dates.iter().map(|d| d.year()).find(|&y| y == a.signed.year());
    Some((verb, a, year))
}

/// Whether agreement `a` was signed at date `d`: in its year, and in its month when both
/// give one ("agreed on Dec. 20" is not an agreement signed in November).
fn signed_at(a: &crate::Agreement, d: crate::PartialDate) -> bool {
    a.signed.year() == d.year()
        && (d.month().is_none() || a.signed.month().is_none() || a.signed.month() == d.month())
}

/// Whether `range` holds a head of agreement `a`'s kind ("the treaty", 宣言).
fn head_of_its_kind(scan: &Scan<'_>, range: &Range<usize>, a: &crate::Agreement) -> bool {
    scan.entries_in(range)
        .any(|(_, e)| matches!(e, Entry::Term(Term::AgreementHead(k)) if kinds_of(*k).contains(&a.kind)))
}

/// Implied agreements: a sentence where parties agree or sign in year Y, when exactly one
/// agreement of Y is between parties all named (directly or through their people) there.
pub(crate) fn implied_agreements(
    scan: &Scan<'_>,
    sentence_parties: &[BTreeSet<PartyId>],
    named: &[Found<AgreementMention>],
) -> Vec<Found<AgreementMention>> {
    let data = scan.data;
    let pack = scan.pack;
    let mut out = Vec::new();
    // (An agreement named only further on is implied here all the same when the sentence
    // names its kind: "In 1956 the two states signed a joint declaration. Under its Article
    // 9 …" before "the 1956 declaration".)
    let named_anywhere: rustc_hash::FxHashSet<AgreementId> = named.iter().map(|m| m.item.agreement).collect();
    let mut mentioned: rustc_hash::FxHashSet<AgreementId> = rustc_hash::FxHashSet::default();
    let mut placed: rustc_hash::FxHashSet<AgreementId> = rustc_hash::FxHashSet::default();
    let mut named_before = named.iter().peekable();
    for (s, range) in scan.sentences.iter().enumerate() {
        while let Some(m) = named_before.next_if(|m| m.at.start < range.end) {
            mentioned.insert(m.item.agreement);
        }
        let Some(named_here) = sentence_parties.get(s) else { continue };
        let reach = sentence_parties.get(s.saturating_sub(BOTH_SIDES_REACH)..=s).unwrap_or_default();
        // (Its own set: a sentence further on that dates the agreement by its signing still
        // implies it there, where a happening takes it, after a headline that named only its
        // place.)
        if let Some((verb, a, year)) = placed_agreement(scan, range, named_here, reach)
            && !named_anywhere.contains(&a.id)
            && !mentioned.contains(&a.id)
            && placed.insert(a.id)
        {
            let m = AgreementMention { agreement: a.id, year, implied: true, evidence: scan.evidence(range) };
            out.push(Found::new(verb, m));
            continue;
        }
        // Cheap tests first: a date that dates a happening, two states within reach, then
        // the verb of agreeing.
        let dated = scan.temporals_in(range).any(|i| scan.dates_happening(i).is_some());
        let reach = sentence_parties.get(s.saturating_sub(BOTH_SIDES_REACH)..=s).unwrap_or_default();
        if !dated || (!reach.iter().any(|p| p.len() >= 2) && named_here.len() < 2) {
            continue;
        }
        // The agreement stands where the verb of agreeing does (not over the sentence: the
        // states that agreed are not inside a name).
        let Some((verb, _)) = pack.agree_verbs.find_in(scan.text(), range.clone()).next() else { continue };
        // "The two leaders agreed …": the states of the nearest sentence before that names two.
        let mut parties = named_here.clone();
        if pack.both_sides.find_in(scan.text(), range.clone()).next().is_some() {
            let before = sentence_parties.get(s.saturating_sub(BOTH_SIDES_REACH)..s).unwrap_or_default();
            if let Some(pair) = before.iter().rev().find(|p| p.len() >= 2) {
                parties.extend(pair.iter().cloned());
            }
        }
        if parties.len() < 2 {
            continue;
        }
        for i in scan.temporals_in(range) {
            let Some(d) = scan.dates_happening(i) else { continue };
            let mut of_year = data.agreements().filter(|a| {
                signed_at(a, d) && a.parties.len() >= 2 && a.parties.iter().all(|p| parties.contains(p))
            });
            let (Some(a), None) = (of_year.next(), of_year.next()) else { continue };
            if (named_anywhere.contains(&a.id) && !head_of_its_kind(scan, range, a))
                || !mentioned.insert(a.id)
            {
                continue;
            }
            let m = AgreementMention {
                agreement: a.id,
                year: Some(d.year()),
                implied: true,
                evidence: scan.evidence(range),
            };
            out.push(Found::new(verb.clone(), m));
        }
    }
    // "To mark the 150th anniversary of the first trade treaty" (next year): an agreement
    // described, not named, whose year is the happening's year less the ordinal, when the
    // dataset holds exactly one agreement of that year.
    let text = scan.text();
    for hit in scan.hits.iter() {
        if !scan.reader.entries(hit).any(|e| matches!(e, Entry::Term(Term::Anniversary))) {
            continue;
        }
        let p = hit.start as usize;
        let Some((start, n)) = super::dates::anniversary_ordinal(scan, p) else { continue };
        // Already a date: the anniversary of a year or of an agreement named.
        if scan.temporals.iter().any(|t| t.range.start == start) {
            continue;
        }
        let Some(of_end) = super::dates::anniversary_object_from(pack, text, hit.end as usize) else {
            continue;
        };
        let sentence = scan.sentence(scan.sentence_of(p));
        let described = of_end..sentence.end.min(of_end + 60);
        if !scan.entries_in(&described).any(|(_, e)| matches!(e, Entry::Term(Term::AgreementHead(_)))) {
            continue;
        }
        let when =
            scan.temporals_in(&sentence).filter_map(|i| scan.dates_happening(i)).next().or(scan.published);
        let Some(when) = when else { continue };
        let Some(year) = i32::try_from(n).ok().and_then(|n| when.year().checked_sub(n)) else {
            continue;
        };
        let mut of_year = data.agreements().filter(|a| a.signed.year() == year);
        let (Some(a), None) = (of_year.next(), of_year.next()) else { continue };
        if !mentioned.insert(a.id) {
            continue;
        }
        let range = start..described.end;
        let m = AgreementMention {
            agreement: a.id,
            year: Some(year),
            implied: true,
            evidence: scan.evidence(&range),
        };
        out.push(Found::new(range, m));
    }
    out
}
