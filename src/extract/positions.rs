//! Positions: stance cues attributed to the state that states them, and the stances an
//! agreement's terms or negotiating basis put on record.

use std::sync::LazyLock;

use regex::Regex;

use std::ops::Range;

use super::findings::{AgreementMention, PartyMention, PersonMention, PositionFinding, Quote};
use super::mentions::words_before;
use super::people::People;
use super::scan::{Found, NEAR, Scan, starting_in};
use super::stance::Cue;
use super::text::floor_boundary;
use crate::agreement::ProvisionEffect;
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::id::PartyId;

/// Who a stance is attributed to.
enum Holder {
    Party(PartyId, Option<String>),
    /// An expert, a journalist, a former official: their views are not a state's position.
    NotAState,
}

/// Verbs by which a text gives an agreement's terms ("would be handed over", "return").
static TRANSFER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:hand(?:ed|ing|s)?\ (?:over|back)|return(?:ed|ing|s)?|transfer(?:red|ring|s)?|give\ back|cede|ceding|ceded)(?-u:\b)").ok()
});

/// Subjects that report but do not hold stances.
const REPORTERS: &[&str] = &[
    "expert",
    "experts",
    "analyst",
    "analysts",
    "media",
    "magazine",
    "newspaper",
    "observers",
    "scholars",
    "critics",
];

/// The longest quotation read as one (longer runs between quote marks are not quotes).
pub(crate) const MAX_QUOTE: usize = 2000;

/// The part of `sentence` within [`NEAR`] bytes of `of`, cut at char boundaries.
fn near(scan: &Scan<'_>, sentence: &Range<usize>, of: &Range<usize>) -> Range<usize> {
    let text = scan.text();
    let start = floor_boundary(text, sentence.start.max(of.start.saturating_sub(NEAR)));
    let end = floor_boundary(text, sentence.end.min(of.end.saturating_add(NEAR)));
    start..end.max(start)
}

/// Where clauses begin in a sentence: after `,`, `;`, `:`, ` - ` and `(`, and before a
/// complement "that".
fn clause_starts(scan: &Scan<'_>, s: &Range<usize>) -> Vec<usize> {
    let text = scan.slice(s);
    let mut starts = vec![s.start];
    for (i, c) in text.char_indices() {
        let cut = match c {
            ',' | ';' | ':' | '(' => Some(i + 1),
            '-' if text.get(i.saturating_sub(1)..i) == Some(" ") && text.get(i + 1..i + 2) == Some(" ") => {
                Some(i + 1)
            }
            't' if text.get(i..i + 5) == Some("that ") && text.get(i.saturating_sub(1)..i) == Some(" ") => {
                Some(i)
            }
            _ => None,
        };
        if let Some(at) = cut {
            starts.push(s.start + at);
        }
    }
    starts.dedup();
    starts
}

/// Clauses that give a reason or a circumstance ("As Japan demands …"): their stance is
/// background, not dated by the main clause.
const SUBORDINATORS: &[&str] = &["as", "while", "since", "because", "although", "though", "whereas"];

/// Who states a cue, and the date of the stance: whoever speaks the quote it stands in;
/// else the subject of its clause (walking back through the clauses that govern it); for a
/// sentence opening with "He" or "She", the person last named before.
fn holder(
    scan: &Scan<'_>,
    cue: &Cue,
    parties: &[Found<PartyMention>],
    people: &People,
    quotes: &[Found<Quote>],
) -> Option<(Holder, Option<PartialDate>)> {
    let text = scan.text();
    let of_person = |m: &PersonMention| match (&m.party, m.official) {
        (Some(p), true) => Holder::Party(p.clone(), Some(m.name.clone())),
        _ => Holder::NotAState,
    };
    let cue_date = scan.date_at(cue.range.start);
    // Quotes are at most MAX_QUOTE bytes long: only those starting that far back can hold the cue.
    let back = cue.range.start.saturating_sub(MAX_QUOTE)..cue.range.start + 1;
    if let Some(q) = starting_in(quotes, |q| q.at.start, &back).iter().find(|q| cue.range.end <= q.at.end) {
        let speaker = q.item.speaker.as_deref()?;
        return Some((of_person(people.by_name(speaker)?), cue_date));
    }
    // A stance denied ("may not honour the 1956 …") is not held.
    let before = words_before(text, cue.range.start, 2);
    if before.iter().any(|w| w == "not" || w == "never" || w.ends_with("n't")) {
        return None;
    }
    let si = scan.sentence_of(cue.range.start);
    let s = near(scan, &scan.sentence(si), &cue.range);
    let starts = clause_starts(scan, &s);
    let clause_of = |at: usize| starts.partition_point(|&c| c <= at).saturating_sub(1);
    let c = clause_of(cue.range.start);
    let clause_text = |k: usize| {
        let a = starts.get(k).copied().unwrap_or(s.end);
        let b = starts.get(k + 1).copied().unwrap_or(s.end);
        scan.slice(&(a..b)).trim_start().to_ascii_lowercase()
    };
    let cue_clause = clause_text(c);
    if REPORTERS
        .iter()
        .any(|r| (0..=c).any(|k| clause_text(k).split(|ch: char| !ch.is_alphanumeric()).any(|w| w == *r)))
    {
        return Some((Holder::NotAState, cue_date));
    }
    let subordinate = cue_clause.split(' ').next().is_some_and(|w| SUBORDINATORS.contains(&w));
    let date = if subordinate {
        let clause = starts.get(c).copied().unwrap_or(s.start)..starts.get(c + 1).copied().unwrap_or(s.end);
        scan.temporals_in(&clause).find_map(|i| scan.resolved.get(i).copied().flatten())
    } else {
        cue_date
    };

    // Candidates in the sentence, in order: party mentions and people. A state in the
    // possessive after a preposition ("without Japan's recognition of …") is an object.
    let mut candidates: Vec<(usize, Holder)> = Vec::new();
    for p in starting_in(parties, |p| p.at.start, &s).iter().filter(|p| p.at.end <= s.end) {
        let possessive = text.get(p.at.end..p.at.end + 2) == Some("'s");
        let after_preposition = words_before(text, p.at.start, 1).first().is_some_and(|w| {
            ["without", "of", "for", "to", "on", "with", "from", "against", "by"].contains(&w.as_str())
        });
        if !(possessive && after_preposition) {
            candidates.push((p.at.start, Holder::Party(p.item.party.clone(), None)));
        }
    }
    for (r, m) in people.in_range(&s) {
        candidates.push((r.start, of_person(m)));
    }
    candidates.sort_by_key(|(at, _)| *at);
    let first_in = |k: usize, until: usize| {
        let a = starts.get(k).copied().unwrap_or(s.end);
        let b = starts.get(k + 1).copied().unwrap_or(s.end).min(until);
        candidates.iter().position(|(at, _)| *at >= a && *at < b)
    };
    let mut order: Vec<(usize, usize)> = Vec::new(); // (clause, limit)
    let complement = cue_clause.starts_with("that ");
    if !complement {
        order.push((c, cue.range.start));
    }
    order.extend((0..c).rev().map(|k| (k, usize::MAX)));
    if complement {
        order.push((c, cue.range.start));
    }
    let opens_with_pronoun = scan.slice(&s).split(' ').next().is_some_and(|w| w == "He" || w == "She");
    if opens_with_pronoun && first_in(c, cue.range.start).is_none() {
        let window_start = scan.sentence(si.saturating_sub(2)).start;
        let (at, i) =
            people.occurrences.iter().rev().find(|(r, _)| r.end <= s.start && r.start >= window_start)?;
        let m = &people.mentions.get(*i)?.item;
        // The narrative goes on from where the sentence before left it: its last date.
        let before = scan.sentence(scan.sentence_of(at.start));
        let last = scan.temporals_in(&before).rev().find_map(|i| {
            let t = scan.temporals.get(i)?;
            (!t.bound && !scan.is_named(i)).then(|| scan.resolved.get(i).copied().flatten()).flatten()
        });
        return Some((of_person(m), date.or(last)));
    }
    if let Some(i) = order.iter().find_map(|&(k, until)| first_in(k, until)) {
        return candidates.into_iter().nth(i).map(|(_, h)| (h, date));
    }
    // After the cue, in the rest of the sentence ("…, Moscow said").
    if let Some((_, h)) = candidates.into_iter().find(|(at, _)| *at >= cue.range.end) {
        return Some((h, date));
    }
    // A sentence with no one in it continues the one before ("The statement said …").
    let prev = scan.sentence(si.checked_sub(1)?);
    let prev = near(scan, &prev, &(prev.end..prev.end));
    let first_prev = starting_in(parties, |p| p.at.start, &prev)
        .iter()
        .filter(|p| p.at.end <= prev.end)
        .map(|p| (p.at.start, Holder::Party(p.item.party.clone(), None)))
        .chain(people.in_range(&prev).map(|(r, m)| (r.start, of_person(m))))
        .min_by_key(|(at, _)| *at);
    first_prev.map(|(_, h)| (h, date))
}

/// Every position the text states.
pub(crate) fn positions(
    scan: &Scan<'_>,
    data: &Dataset,
    cues: &[Cue],
    parties: &[Found<PartyMention>],
    people: &People,
    agreements: &[Found<AgreementMention>],
) -> Vec<Found<PositionFinding>> {
    let mut out = Vec::new();
    let mut used_cues = vec![false; cues.len()];
    // An agreement's terms or negotiating basis, when the text gives them.
    for a in agreements {
        let agreement = data.agreement(a.item.agreement);
        // As the text dates it; at the signing's precision when the text gives that year
        // or none.
        let date = match a.item.year {
            Some(y) if y != agreement.signed.year_number() => PartialDate::year(y).ok(),
            _ => Some(agreement.signed),
        };
        let Some(date) = date else { continue };
        let s = scan.sentence_of(a.at.start);
        let window = scan.sentence(s).start..scan.sentence(s + 1).end.max(scan.sentence(s).end);
        let window = near(scan, &window, &a.at);
        let first_cue = cues.partition_point(|c| c.range.start < window.start);
        for p in &agreement.provisions {
            let Some(formula) = p.formula.filter(|f| f.in_annotation_schema()) else { continue };
            let holders: Vec<PartyId> = match p.effect {
                ProvisionEffect::TransferPromise => {
                    let here: Vec<usize> = starting_in(cues, |c| c.range.start, &window)
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.formula == formula && c.range.end <= window.end)
                        .map(|(i, _)| first_cue + i)
                        .collect();
                    let terms = TRANSFER.as_ref().is_some_and(|t| t.is_match(scan.slice(&window)));
                    if here.is_empty() && !terms {
                        continue;
                    }
                    // Cues giving the terms are the agreement's; cues naming it ("abide by the
                    // 1956 …") are the stance of whoever says them.
                    for i in here {
                        let names_it =
                            cues.get(i).is_some_and(|c| scan.slice(&c.range).contains(char::is_numeric));
                        if let (false, Some(u)) = (names_it, used_cues.get_mut(i)) {
                            *u = true;
                        }
                    }
                    agreement.parties.iter().filter(|q| Some(*q) != p.beneficiary.as_ref()).cloned().collect()
                }
                ProvisionEffect::NegotiationBasis => agreement.parties.clone(),
                _ => continue,
            };
            for holder in holders {
                out.push(Found::new(
                    a.at.clone(),
                    PositionFinding {
                        holder,
                        formula,
                        date: Some(date),
                        speaker: None,
                        evidence: a.item.evidence,
                    },
                ));
            }
        }
    }
    let quotes = &people.quotes;
    for (i, cue) in cues.iter().enumerate() {
        if used_cues.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some((Holder::Party(holder, speaker), date)) = holder(scan, cue, parties, people, quotes) else {
            continue;
        };
        let date = date.or(scan.published);
        out.push(Found::new(
            cue.range.clone(),
            PositionFinding {
                holder,
                formula: cue.formula,
                date,
                speaker,
                evidence: scan.evidence(&cue.range),
            },
        ));
    }
    out
}
