//! Dated happenings: one per time expression that dates something the parties do, and
//! one per agreement the text names with its year.

use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::dates::Expr;
use super::findings::{AgreementMention, EventFinding};
use super::people::People;
use super::scan::{Found, NEAR, Scan, starting_in};
use super::stance::Cue;
use super::text::{tagged_alternation, which};
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::event::EventKind;
use crate::id::PartyId;

/// Keywords of each kind of happening, most specific first.
const KINDS: &[(EventKind, &str)] = &[
    (
        EventKind::AgreementSigned,
        r"signed|signing|concluded|inked|adopted|agreed|agreement|accord|ratified|road\ ?map",
    ),
    (EventKind::Sanction, r"sanctions?"),
    (EventKind::Poll, r"poll|polls|survey|surveyed"),
    (
        EventKind::Election,
        r"elected|re-elected|election|elections|took\ office|took\ their\ offices|came\ to\ power|replaced|inaugurated|sworn\ in|leadership\ contest|dissolution|collapse",
    ),
    (
        EventKind::Military,
        r"troops|military|jets|airspace|drills?|exercises|deploy(?:ed|ment)?|missiles?|scrambled|annex(?:ed|ation)|seized|occupied|invaded|invasion|reinforce(?:d|ment)?|bases?",
    ),
    (EventKind::Proposal, r"proposed|proposal|offered|offer|suggested|floated"),
    (EventKind::Speech, r"speech|addressed|address|plenary"),
    (EventKind::Visit, r"visit|visits|visited|trip|travel(?:l)?ed|arrived|departure|left\ for|toured"),
    (
        EventKind::Meeting,
        r"met|meet|meeting|meetings|summit|talks|held\ talks|press\ conference|conferred|negotiations",
    ),
    (
        EventKind::Statement,
        r"said|stated|statement|declared|announced|reaffirmed|insisted|stressed|told|comment(?:ed)?|protested",
    ),
];

static KIND_RE: LazyLock<Option<(Regex, Vec<EventKind>)>> =
    LazyLock::new(|| tagged_alternation(r"(?ix)(?-u:\b)(?:", KINDS, r")(?-u:\b)"));

/// The kind named by the keyword nearest to `at` in `sentence` (offsets in `text`).
fn kind_near(text: &str, sentence: &std::ops::Range<usize>, at: usize) -> EventKind {
    let Some((re, kinds)) = KIND_RE.as_ref() else { return EventKind::Other };
    // Keywords near `at` only: a bounded window keeps the work linear.
    let window = sentence.start.max(at.saturating_sub(NEAR))..sentence.end.min(at.saturating_add(NEAR));
    let window =
        super::text::floor_boundary(text, window.start)..super::text::floor_boundary(text, window.end);
    let Some(s) = text.get(window.clone()) else { return EventKind::Other };
    let mut best: Option<(usize, EventKind)> = None;
    for c in re.captures_iter(s) {
        let Some(m) = c.get(0) else { continue };
        let (start, end) = (window.start + m.start(), window.start + m.end());
        let distance = if end <= at { at - end } else { start.saturating_sub(at) };
        let kind = which(&c, kinds).map(|(k, _)| k);
        if let Some(kind) = kind
            && best.is_none_or(|(d, _)| distance < d)
        {
            best = Some((distance, kind));
        }
    }
    best.map_or(EventKind::Other, |(_, k)| k)
}

/// Whether the time expression at `range` is a dateline ("TOKYO, Nov. 15, 2018",
/// "Published: 12 March 2019"): the date of the text, not of a happening in it.
fn is_dateline(scan: &Scan<'_>, range: &std::ops::Range<usize>) -> bool {
    let s = scan.sentence(scan.sentence_of(range.start));
    let before = scan.slice(&(s.start..range.start.max(s.start)));
    let after = scan.slice(&(range.end.min(s.end)..s.end));
    let label = before.trim_end().trim_end_matches(':').trim_end().to_ascii_lowercase();
    let labelled =
        ["published", "posted", "updated", "date", "dated", "published on", "posted on", "updated on"]
            .iter()
            .any(|l| label.ends_with(l));
    let no_words = !before.chars().chain(after.chars()).any(char::is_lowercase);
    let wire = before.len() <= 40 && !before.chars().any(char::is_lowercase) && s.start < 1200;
    (s.end.saturating_sub(s.start) <= 120 && (labelled || no_words)) || wire
}

/// Events: every dated happening with actors, and every agreement named with a year.
pub(crate) fn events(
    scan: &Scan<'_>,
    data: &Dataset,
    sentence_parties: &[BTreeSet<PartyId>],
    agreements: &[Found<AgreementMention>],
    cues: &[Cue],
    people: &People,
    lead: bool,
) -> Vec<Found<EventFinding>> {
    let text = scan.text();
    let mut out = Vec::new();
    let mut seen: HashSet<(PartialDate, EventKind, Vec<PartyId>, Option<crate::agreement::AgreementId>)> =
        HashSet::new();
    // Agreements named with their year: the signing, dated as the text dates it.
    for a in agreements.iter().filter(|a| !a.item.implied) {
        let agreement = data.agreement(a.item.agreement);
        // Named with a year: dated as the text dates it. Named without one but signed in
        // the publication year, on or before it ("their joint statement"): news of the
        // signing, dated from the data.
        let date = match (a.item.year, scan.published) {
            (Some(year), _) => PartialDate::year(year).ok(),
            (None, Some(p))
                if agreement.signed.year_number() == p.year_number()
                    && agreement.signed.first_day() <= p.last_day() =>
            {
                Some(agreement.signed)
            }
            _ => None,
        };
        let Some(date) = date else { continue };
        let formula =
            agreement.provisions.iter().find_map(|p| p.formula.filter(|f| f.in_annotation_schema()));
        let actors = agreement.parties.clone();
        if seen.insert((date, EventKind::AgreementSigned, Vec::new(), Some(agreement.id))) {
            out.push(Found::new(
                a.at.clone(),
                EventFinding {
                    date,
                    kind: EventKind::AgreementSigned,
                    actors,
                    agreement: Some(agreement.id),
                    formula,
                    evidence: a.item.evidence,
                },
            ));
        }
    }
    for (i, t) in scan.temporals.iter().enumerate() {
        let Some(Some(date)) = scan.resolved.get(i) else { continue };
        if t.bound || t.expr == Expr::Decade {
            continue;
        }
        // A year inside an agreement's name ("the 1956 declaration") dates the agreement.
        if scan.is_named(i) || is_dateline(scan, &t.range) {
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
        let kind = kind_near(text, &sentence, t.range.start);
        let nearest_agreement = starting_in(agreements, |a| a.at.start, &sentence)
            .iter()
            .min_by_key(|a| a.at.start.abs_diff(t.range.start))
            .map(|a| a.item.agreement);
        let formula = starting_in(cues, |c| c.range.start, &sentence)
            .iter()
            .filter(|c| c.formula.in_annotation_schema())
            .min_by_key(|c| c.range.start.abs_diff(t.range.start))
            .map(|c| c.formula);
        let actors: Vec<PartyId> = actors.into_iter().collect();
        // Each state holds its own elections: one event per actor.
        let groups = if kind == EventKind::Election {
            let mut of_people: Vec<PartyId> =
                people.in_range(&sentence).filter_map(|(_, m)| m.party.clone()).collect();
            of_people.sort();
            of_people.dedup();
            let electing = if of_people.is_empty() { actors } else { of_people };
            electing.into_iter().map(|a| vec![a]).collect()
        } else {
            vec![actors]
        };
        for actors in groups {
            if !seen.insert((*date, kind, actors.clone(), None)) {
                continue;
            }
            out.push(Found::new(
                t.range.clone(),
                EventFinding {
                    date: *date,
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
                sentence_parties.get(*s).is_some_and(|p| !p.is_empty())
                    && scan.slice(r).split_whitespace().count() >= 12
            })
            .take(LEAD_SENTENCES);
        for (s, range) in lead {
            if !scan.temporals_in(range).is_empty() {
                continue;
            }
            let sentence = scan.slice(range);
            // Background is not news: sentences naming an agreement by its year, and verbs in
            // the passive or after a modal ("a treaty was signed", "would meet").
            if starting_in(agreements, |a| a.at.start, range).iter().any(|a| a.item.year.is_some()) {
                continue;
            }
            let Some(verb) = LEAD_VERB.as_ref().and_then(|r| {
                r.find_iter(sentence).find(|m| {
                    let before = super::mentions::words_before(sentence, m.start(), 1);
                    !before.first().is_some_and(|w| AUXILIARIES.contains(&w.as_str()))
                })
            }) else {
                continue;
            };
            let actors: Vec<PartyId> =
                sentence_parties.get(s).cloned().unwrap_or_default().into_iter().collect();
            if actors.is_empty() {
                continue;
            }
            let at = range.start + verb.start();
            let kind = kind_near(text, range, at);
            if !seen.insert((published, kind, actors.clone(), None)) {
                continue;
            }
            let formula = starting_in(cues, |c| c.range.start, range)
                .iter()
                .find(|c| c.formula.in_annotation_schema())
                .map(|c| c.formula);
            let verb_range = at..range.start + verb.end();
            out.push(Found::new(
                verb_range.clone(),
                EventFinding {
                    date: published,
                    kind,
                    actors,
                    agreement: None,
                    formula,
                    evidence: scan.evidence(&verb_range),
                },
            ));
        }
    }
    out
}

/// Words before a verb that make it passive, modal or infinitive.
const AUXILIARIES: &[&str] = &[
    "was", "were", "been", "be", "is", "are", "would", "will", "could", "should", "might", "may", "to", "not",
];

/// How many sentences (of twelve words or more) make a story's lead.
const LEAD_SENTENCES: usize = 5;

/// Past-tense happenings a lead reports.
static LEAD_VERB: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:proposed|offered|said|told|announced|agreed|signed|met|visited|refrained|stated|declared|warned|protested|rejected|held|called|urged)(?-u:\b)").ok()
});

/// Whether this module's patterns compile.
pub(crate) fn compiles() -> bool {
    KIND_RE.is_some() && LEAD_VERB.is_some()
}
