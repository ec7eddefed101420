//! Dated happenings: one per time expression that dates something the parties do (its
//! kind from the pack's event words nearest to it in its clause), one per agreement the
//! text names with its year, and the news of a story's lead dated at publication.

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

use super::findings::{AgreementMention, EventFinding, PositionFinding};
use super::people::People;
use super::scan::{Found, NEAR, Scan, starting_in};
use super::text::{floor_boundary, word_before};
use crate::agreement::AgreementId;
use crate::date::PartialDate;
use crate::event::EventKind;
use crate::id::PartyId;

/// The kind named by the event word nearest to `at` in `sentence`.
fn kind_near(scan: &Scan<'_>, sentence: &Range<usize>, at: usize) -> EventKind {
    let text = scan.text();
    // Words near `at` only: a bounded window keeps the work linear.
    let window = sentence.start.max(at.saturating_sub(NEAR / 2))..sentence.end.min(at.saturating_add(NEAR / 2));
    let window = floor_boundary(text, window.start)..floor_boundary(text, window.end);
    let mut best: Option<(usize, EventKind)> = None;
    for (r, kind) in scan.pack.event_kinds.find_in(text, window) {
        let distance = if r.end <= at { at - r.end } else { r.start.saturating_sub(at) };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, *kind));
        }
    }
    best.map_or(EventKind::Other, |(_, k)| k)
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
    let mut seen: HashSet<(PartialDate, EventKind, Vec<PartyId>, Option<AgreementId>)> = HashSet::new();
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
        let kind = kind_near(scan, &sentence, t.range.start);
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
        let groups = if kind == EventKind::Election {
            let mut of_people: Vec<PartyId> = people.in_range(&sentence).filter_map(|(_, m)| m.party.clone()).collect();
            of_people.sort();
            of_people.dedup();
            let electing = if of_people.is_empty() { actors } else { of_people };
            electing.into_iter().map(|a| vec![a]).collect()
        } else {
            vec![actors]
        };
        for actors in groups {
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
    if let Some(published) = scan.published.filter(|_| lead) {
        let lead = scan
            .sentences
            .iter()
            .enumerate()
            .filter(|(s, r)| {
                sentence_parties.get(*s).is_some_and(|p| !p.is_empty()) && scan.slice(r).split_whitespace().count() >= 12
            })
            .take(LEAD_SENTENCES);
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
            }) else {
                continue;
            };
            let actors: Vec<PartyId> = sentence_parties.get(s).cloned().unwrap_or_default().into_iter().collect();
            if actors.is_empty() {
                continue;
            }
            let kind = kind_near(scan, range, verb.start);
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
const LEAD_SENTENCES: usize = 5;
