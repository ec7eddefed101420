//! Dated happenings: one per time expression that dates something the parties do (its
//! kind from the pack's event words nearest to it in its clause), one per agreement the
//! text names with its year, and the news of a story's lead dated at publication.

use std::collections::BTreeSet;

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use super::findings::{AgreementMention, EventFinding, PositionFinding};
use super::people::People;
use super::scan::{Found, NEAR, Scan, starting_in};
use super::text::{floor_boundary, word_before};
use crate::agreement::AgreementId;
use crate::date::PartialDate;
use crate::event::EventKind;
use crate::id::PartyId;

/// The kinds of happening a date dates: the event word nearest to `at` in `sentence` (a
/// word after the date across a clause boundary counts as farther), and a second one
/// when the sentence joins another happening to it with "and" ("met on Friday and
/// signed a package of agreements").
fn kinds_near(scan: &Scan<'_>, sentence: &Range<usize>, at: usize) -> (EventKind, Option<EventKind>) {
    let text = scan.text();
    // Words near `at` only (its clause, mostly): a bounded window keeps the work linear.
    let window = sentence.start.max(at.saturating_sub(NEAR / 3))..sentence.end.min(at.saturating_add(NEAR / 3));
    let window = floor_boundary(text, window.start)..floor_boundary(text, window.end);
    let words: Vec<(Range<usize>, EventKind)> =
        scan.pack.event_kinds.find_in(text, window).map(|(r, k)| (r, *k)).collect();
    let mut best: Option<(usize, usize)> = None;
    for (i, (r, _)) in words.iter().enumerate() {
        let distance = if r.end <= at {
            at - r.end
        } else {
            let gap = text.get(at..r.start).unwrap_or_default();
            let d = r.start.saturating_sub(at);
            if gap.contains([',', ';', ':']) { d * 3 } else { d }
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, i));
        }
    }
    let Some((_, i)) = best else { return (EventKind::Other, None) };
    let Some((primary_at, primary)) = words.get(i).cloned() else { return (EventKind::Other, None) };
    // A second happening joined by a coordinating word, with no other date in between.
    let second = words.iter().find(|(r, k)| {
        *k != primary
            && *k != EventKind::Other
            && r.start > primary_at.end
            && text.get(primary_at.end..r.start).is_some_and(|g| {
                scan.pack.coordinators.find_in(text, primary_at.end..r.start).next().is_some()
                    && !g.contains(['.', ';'])
                    && g.split_whitespace().count() <= 12
            })
            && scan.temporals_in(&(primary_at.end..r.start)).is_empty()
    });
    (primary, second.map(|(_, k)| *k))
}
/// Whether the time expression at `range` dates the text itself: a dateline ("TOKYO,
/// Nov. 15, 2018 -"), a labelled date ("Published: 12 March 2019"), a date on a line of
/// its own.
fn is_dateline(scan: &Scan<'_>, i: usize) -> bool {
    let Some(t) = scan.temporals.get(i) else { return false };
    if t.label {
        return true;
    }
    let range = &t.range;
    let s = scan.sentence(scan.sentence_of(range.start));
    let before = scan.slice(&(s.start..range.start.max(s.start)));
    let after = scan.slice(&(range.end.min(s.end)..s.end));
    let no_words = !before.chars().chain(after.chars()).any(char::is_lowercase);
    let wire = before.len() <= 40 && !before.chars().any(char::is_lowercase) && s.start < 1200;
    (s.end.saturating_sub(s.start) <= 120 && no_words) || wire
}

/// Events: every dated happening with actors, and every agreement named with a year.
pub(crate) fn events(
    scan: &Scan<'_>,
    sentence_parties: &[BTreeSet<PartyId>],
    agreements: &[Found<AgreementMention>],
    positions: &[Found<PositionFinding>],
    people: &People,
    lead: bool,
) -> Vec<Found<EventFinding>> {
    let data = scan.data;
    let pack = scan.pack;
    let text = scan.text();
    let mut out = Vec::new();
    let mut seen: HashSet<(PartialDate, EventKind, Vec<PartyId>, Option<AgreementId>)> = HashSet::default();
    // Agreements named with their year: the signing, dated as the text dates it.
    for a in agreements.iter().filter(|a| !a.item.implied) {
        let agreement = data.agreement(a.item.agreement);
        let date = match (a.item.year, scan.published) {
            (Some(year), _) => PartialDate::year(year).ok(),
            (None, Some(p))
                if agreement.signed.year_number() == p.year_number() && agreement.signed.first_day() <= p.last_day() =>
            {
                Some(agreement.signed)
            }
            _ => None,
        };
        let Some(date) = date else { continue };
        let formula = agreement.provisions.iter().find_map(|p| p.formula.filter(|f| f.in_annotation_schema()));
        if seen.insert((date, EventKind::AgreementSigned, Vec::new(), Some(agreement.id))) {
            out.push(Found::new(
                a.at.clone(),
                EventFinding {
                    date,
                    kind: EventKind::AgreementSigned,
                    actors: agreement.parties.clone(),
                    agreement: Some(agreement.id),
                    formula,
                    evidence: a.item.evidence,
                },
            ));
        }
    }
    for i in 0..scan.temporals.len() {
        let (Some(t), Some(date)) = (scan.temporals.get(i), scan.dates_happening(i)) else { continue };
        if is_dateline(scan, i) {
            continue;
        }
        let s = scan.sentence_of(t.range.start);
        let mut actors = sentence_parties.get(s).cloned().unwrap_or_default();
        if actors.is_empty() && s > 0 {
            actors = sentence_parties.get(s - 1).cloned().unwrap_or_default();
        }
        if actors.is_empty() {
            continue;
        }
        let sentence = scan.sentence(s);
        let (kind, second) = kinds_near(scan, &sentence, t.range.start);
        let nearest_agreement = starting_in(agreements, |a| a.at.start, &sentence)
            .iter()
            .min_by_key(|a| a.at.start.abs_diff(t.range.start))
            .map(|a| a.item.agreement);
        let formula = starting_in(positions, |p| p.at.start, &sentence)
            .iter()
            .filter(|p| p.item.formula.in_annotation_schema())
            .min_by_key(|p| p.at.start.abs_diff(t.range.start))
            .map(|p| p.item.formula);
        let actors: Vec<PartyId> = actors.into_iter().collect();
        // Each state holds its own elections: one event per actor.
        let groups: Vec<(EventKind, Vec<PartyId>)> = if kind == EventKind::Election {
            let mut of_people: Vec<PartyId> = people.in_range(&sentence).filter_map(|(_, m)| m.party.clone()).collect();
            of_people.sort();
            of_people.dedup();
            let electing = if of_people.is_empty() { actors } else { of_people };
            electing.into_iter().map(|a| (kind, vec![a])).collect()
        } else {
            std::iter::once((kind, actors.clone())).chain(second.map(|k| (k, actors))).collect()
        };
        for (kind, actors) in groups {
            if !seen.insert((date, kind, actors.clone(), None)) {
                continue;
            }
            out.push(Found::new(
                t.range.clone(),
                EventFinding {
                    date,
                    kind,
                    actors,
                    agreement: nearest_agreement,
                    formula,
                    evidence: scan.evidence(&t.range),
                },
            ));
        }
    }
    // The lead of a news story reports the day's news without dating it: undated sentences
    // there with a past-tense happening are dated at publication.
    if let Some(published) = scan.published.filter(|_| lead && std::env::var_os("KD_NOLEAD").is_none()) {
        let lead = scan
            .sentences
            .iter()
            .enumerate()
            .filter(|(s, r)| {
                sentence_parties.get(*s).is_some_and(|p| !p.is_empty()) && scan.slice(r).split_whitespace().count() >= 12
            })
            .take(LEAD_SENTENCES)
            .filter(|(_, r)| !scan.slice(r).contains(['"', '?']));
        for (s, range) in lead {
            if !scan.temporals_in(range).is_empty() {
                continue;
            }
            // Background is not news: sentences naming an agreement by its year, and verbs in
            // the passive or after a modal ("a treaty was signed", "would meet").
            if starting_in(agreements, |a| a.at.start, range).iter().any(|a| a.item.year.is_some()) {
                continue;
            }
            let Some((verb, _)) = pack.lead_verbs.find_in(text, range.clone()).find(|(r, _)| {
                !word_before(text, r.start).is_some_and(|w| pack.auxiliaries.contains(text.get(w).unwrap_or_default()))
                    && pack.negators.find_in(text, range.start.max(r.start.saturating_sub(12))..r.start).next().is_none()
            }) else {
                continue;
            };
            // Its subject is a state or a person, named right before the verb ("Tokyo
            // protested", "Putin proposed"), not a share of a poll ("29% said").
            let near = verb.start.saturating_sub(30).max(range.start)..verb.start;
            let last = scan.hits_in(&near).filter_map(|i| scan.hits.get(i)).next_back();
            let named_before = last.is_some_and(|h| {
                text.get(h.end as usize..verb.start).is_some_and(|g| !g.contains([',', '%']))
                    && scan.reader.entries(h).any(|e| {
                        matches!(e, super::reader::Entry::Party { .. } | super::reader::Entry::Person { .. })
                    })
            });
            if !named_before {
                continue;
            }
            let actors: Vec<PartyId> = sentence_parties.get(s).cloned().unwrap_or_default().into_iter().collect();
            if actors.is_empty() {
                continue;
            }
            let (kind, _) = kinds_near(scan, range, verb.start);
            if !seen.insert((published, kind, actors.clone(), None)) {
                continue;
            }
            let formula = starting_in(positions, |p| p.at.start, range)
                .iter()
                .find(|p| p.item.formula.in_annotation_schema())
                .map(|p| p.item.formula);
            out.push(Found::new(
                verb.clone(),
                EventFinding {
                    date: published,
                    kind,
                    actors,
                    agreement: None,
                    formula,
                    evidence: scan.evidence(&verb),
                },
            ));
        }
    }
    out
}

/// How many sentences (of twelve words or more) make a story's lead.
const LEAD_SENTENCES: usize = 4;
