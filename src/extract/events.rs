//! Dated happenings: one per time expression that dates something the parties do (its
//! kind from the pack's event words nearest to it in its clause), one per agreement the
//! text names with its year, and the news of a story's lead dated at publication.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::findings::{AgreementMention, EventFinding, PositionFinding};
use super::people::People;
use super::reader::Class;
use super::scan::{Found, NEAR, Scan, starting_in};
use super::text::{chars_after, chars_before, floor_boundary, word_before};
use crate::agreement::AgreementId;
use crate::date::PartialDate;
use crate::event::EventKind;
use crate::id::PartyId;
use crate::island::IslandSet;

/// The kinds of happening a date dates: the event word nearest to `at` in `sentence` (a
/// word after the date across a clause boundary counts as farther), and a second one
/// when the sentence joins another happening to it with "and" ("met on Friday and
/// signed a package of agreements").
fn kinds_near(
    scan: &Scan<'_>,
    sentence: &Range<usize>,
    at: usize,
    own: &Range<usize>,
) -> Option<(EventKind, Option<EventKind>)> {
    let text = scan.text();
    // Words near `at` only (its clause, mostly): a bounded window keeps the work linear.
    // (In characters: a Cyrillic or Japanese clause takes two or three bytes a letter.)
    let window = sentence.start.max(chars_before(text, at, NEAR / 3))
        ..sentence.end.min(chars_after(text, at, NEAR / 3));
    // (Not a word inside the date's own expression, the agreement an anniversary is of:
    // «в день 60-летия Совместной декларации Абэ встретился …» is a meeting.)
    let words: Vec<(Range<usize>, EventKind)> = scan
        .pack
        .event_kinds
        .find_in(text, window)
        .filter(|(r, _)| !(own.start <= r.start && r.end <= own.end))
        .map(|(r, k)| (r, *k))
        .collect();
    let mut best: Option<(usize, usize)> = None;
    // A language whose predicate ends its clause (Japanese): the last happening word after
    // the date in its sentence is the predicate ("12日の記者会見で…を批判した": a statement).
    if scan.pack.verb_final
        && let Some(i) = words.iter().rposition(|(r, _)| r.start >= at && r.end <= sentence.end)
    {
        best = Some((0, i));
    }
    for (i, (r, _)) in words.iter().enumerate() {
        if scan.pack.verb_final && best.is_some() {
            break;
        }
        let distance = if r.end <= at {
            at - r.end
        } else {
            let gap = text.get(at..r.start).unwrap_or_default();
            let d = r.start.saturating_sub(at);
            if gap.contains([',', ';', ':']) { d * 4 } else { d * 3 }
        };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, i));
        }
    }
    let Some((_, i)) = best else { return Some((EventKind::Other, None)) };
    let Some((primary_at, mut primary)) = words.get(i).cloned() else {
        return Some((EventKind::Other, None));
    };
    // A word of one kind right before the nearest one, in its clause, decides the
    // happening: forces that go somewhere ("Soviet troops landed on Etorofu") are a military
    // happening, not a visit; voters a survey asked ("a survey of Japanese voters") a poll,
    // not an election.
    let ruled_by = |kind: EventKind, reach: usize| {
        words.iter().any(|(r, k)| {
            *k == kind
                && r.end <= primary_at.start
                && primary_at.start - r.end <= reach
                && text.get(r.end..primary_at.start).is_some_and(|g| !g.contains([',', ';', '.', ':']))
        })
    };
    if primary == EventKind::Visit && ruled_by(EventKind::Military, 20) {
        primary = EventKind::Military;
    } else if primary == EventKind::Election && ruled_by(EventKind::Poll, 30) {
        primary = EventKind::Poll;
    }
    // A happening denied is none ("have never signed a treaty after the war").
    let before =
        floor_boundary(text, primary_at.start.saturating_sub(12).max(sentence.start))..primary_at.start;
    if scan.pack.negators.find_in(text, before).next().is_some() {
        return None;
    }
    // A happening called off is that ("cancelled the visit", "broke off peace treaty
    // negotiations"): the verb's kind, not its object's.
    let undone = words.iter().find(|(r, k)| {
        *k == EventKind::Other
            && r.end <= primary_at.start
            && primary_at.start - r.end <= 30
            && text.get(r.end..primary_at.start).is_some_and(|g| !g.contains([',', ';', '.', ':']))
    });
    if undone.is_some() {
        return Some((EventKind::Other, None));
    }
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
            && scan
                .temporals_in(&(primary_at.end..r.start))
                .filter_map(|i| scan.temporals.get(i))
                .all(|t| t.range.start <= at && at < t.range.end.max(at + 1))
    });
    Some((primary, second.map(|(_, k)| *k)))
}
/// Whether the time expression at `range` dates the text itself: a dateline ("TOKYO,
/// Nov. 15, 2018 -"), a labelled date ("Published: 12 March 2019"), a date on a line of
/// its own.
pub(crate) fn is_dateline(scan: &Scan<'_>, i: usize) -> bool {
    let Some(t) = scan.temporals.get(i) else { return false };
    if t.label {
        return true;
    }
    let range = &t.range;
    let s = scan.sentence(scan.sentence_of(range.start));
    let before = scan.slice(&(s.start..range.start.max(s.start)));
    let after = scan.slice(&(range.end.min(s.end)..s.end));
    // A word: a lower-case letter, or any letter of a script without case (Han, kana).
    let word_letter = |c: char| c.is_alphabetic() && !c.is_uppercase();
    let no_words = !before.chars().chain(after.chars()).any(word_letter);
    // "TOKYO, Nov. 15 (Kyodo) -": a place in capitals before, a wire's mark after; a
    // photo caption's "KUNASHIR, RUSSIA - MAY 2:" likewise.
    let trimmed = before.trim();
    let wire = !trimmed.is_empty()
        && trimmed.len() <= 40
        && !trimmed.chars().any(word_letter)
        && s.start < super::scan::DATELINE_HEAD
        && (trimmed.ends_with([',', '-', '\u{2013}', '\u{2014}'])
            || after.trim_start().starts_with(['(', '-', '/', '.', ':']));
    // 【モスクワ14日共同】: a news agency right after the date (no space between).
    let agency =
        s.start < super::scan::DATELINE_HEAD && scan.pack.media.glued(scan.text(), range.end).is_some();
    (s.end.saturating_sub(s.start) <= 120 && no_words) || wire || agency
}

/// Whether a news agency's name follows the date at `range` closely (a wire's dateline:
/// "MOSCOW, Jan 14 (Reuters) -", 【イルクーツク25日時事】), unlike a photo caption's.
fn agency_marked(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    let text = scan.text();
    let s = scan.sentence(scan.sentence_of(range.start));
    let near = range.end..chars_after(text, range.end, 24).min(s.end.max(range.end));
    scan.pack.media.glued(text, range.end).is_some() || scan.pack.media.find_in(text, near).next().is_some()
}

/// Events: every dated happening with actors, and every agreement named with a year.
pub(crate) fn events(
    scan: &Scan<'_>,
    parties: &[Found<super::findings::PartyMention>],
    sentence_parties: &[BTreeSet<PartyId>],
    agreements: &[Found<AgreementMention>],
    positions: &[Found<PositionFinding>],
    people: &People,
    lead: bool,
) -> Vec<Found<EventFinding>> {
    let found = Sources { scan, parties, sentence_parties, agreements, positions, people };
    let mut events = Events::default();
    signings(&found, &mut events);
    dated_happenings(&found, &mut events);
    if lead {
        lead_happenings(&found, &mut events);
    }
    let mut out = events.out;
    keep_precise_dates(&mut out);
    out
}

/// A military happening that moved the islands its sentence names from one state's
/// administration to another's, by the dataset's record of who administered them, is also
/// a happening of the state they were taken from: "seized by Soviet troops in 1945" is the
/// Soviet Union's and Japan's. (Not a state's successor's: Russia took over from the Soviet
/// Union.) Call after the events have their islands.
pub(crate) fn taken_from(scan: &Scan<'_>, events: &mut [Found<EventFinding>]) {
    let data = scan.data;
    let day = |d: chrono::NaiveDate| PartialDate::from_naive(d).ok();
    for e in events.iter_mut().filter(|e| e.item.kind == EventKind::Military) {
        let (Some(before), Some(after)) =
            (e.item.date.first_day().pred_opt().and_then(day), day(e.item.date.last_day()))
        else {
            continue;
        };
        let mut from: Vec<PartyId> = Vec::new();
        for island in e.item.islands.iter() {
            let held =
                |at: PartialDate| data.administrator_at(island, at).first().map(|p| p.administrator.clone());
            let (Some(was), Some(now)) = (held(before), held(after)) else { continue };
            if was != now
                && e.item.actors.contains(&now)
                && !e.item.actors.contains(&was)
                && !from.contains(&was)
                && !super::mentions::successive(data, &[was.clone(), now.clone()])
            {
                from.push(was);
            }
        }
        if !from.is_empty() {
            e.item.actors.extend(from);
            e.item.actors.sort();
        }
    }
}

/// What the other rules found, which the events are read with.
struct Sources<'x, 's> {
    scan: &'x Scan<'s>,
    parties: &'x [Found<super::findings::PartyMention>],
    sentence_parties: &'x [BTreeSet<PartyId>],
    agreements: &'x [Found<AgreementMention>],
    positions: &'x [Found<PositionFinding>],
    people: &'x People,
}

/// The events found so far, and what each is (date, kind, actors, agreement), so one
/// happening is reported once.
#[derive(Default)]
struct Events {
    out: Vec<Found<EventFinding>>,
    seen: HashSet<(PartialDate, EventKind, Vec<PartyId>, Option<AgreementId>)>,
}

/// Agreements named with their year: the signing, dated as the text dates it.
fn signings(found: &Sources<'_, '_>, events: &mut Events) {
    let (scan, agreements) = (found.scan, found.agreements);
    let data = scan.data;
    for a in agreements.iter().filter(|a| !a.item.implied) {
        let agreement = data.agreement(a.item.agreement);
        let date = match (a.item.year, scan.published) {
            (Some(year), _) => PartialDate::from_year(year).ok(),
            (None, Some(p))
                if agreement.signed.year() == p.year() && agreement.signed.first_day() <= p.last_day() =>
            {
                Some(agreement.signed)
            }
            _ => None,
        };
        let Some(date) = date else { continue };
        let formula =
            agreement.provisions.iter().find_map(|p| p.formula.filter(|f| f.in_annotation_schema()));
        // A unilateral statement is stated, not signed.
        let kind = match agreement.kind {
            crate::agreement::AgreementKind::Statement => EventKind::Statement,
            _ => EventKind::AgreementSigned,
        };
        if events.seen.insert((date, kind, Vec::new(), Some(agreement.id))) {
            events.out.push(Found::new(
                a.at.clone(),
                EventFinding {
                    date,
                    kind,
                    actors: agreement.parties.clone(),
                    agreement: Some(agreement.id),
                    formula,
                    islands: IslandSet::default(),
                    people: Vec::new(),
                    evidence: a.item.evidence,
                },
            ));
        }
    }
}

/// Each date of a happening (not a dateline's) with a state in its sentence or the one
/// before: the happening's kind near the date, its actors (the subject of a one-sided
/// happening, the host of a visit, each state of an election apart).
fn dated_happenings(found: &Sources<'_, '_>, events: &mut Events) {
    let Sources { scan, parties, sentence_parties, agreements, positions, people } = *found;
    let text = scan.text();
    // The dates of datelines and captions, by sentence: the same date again in the caption
    // ("KUNASHIR - MAY 2: A view of … on May 2, 2022") dates the picture, not a happening.
    let mut datelines: Vec<(usize, PartialDate)> = Vec::new();
    for i in 0..scan.temporals.len() {
        let (Some(t), Some(date)) = (scan.temporals.get(i), scan.dates_happening(i)) else { continue };
        let s = scan.sentence_of(t.range.start);
        if is_dateline(scan, i) {
            // (A wire's dateline, "MOSCOW, Jan 14 (Reuters) -", 【モスクワ14日共同】, dates a
            // report whose lead tells what happened that day: "… said on Monday".)
            if !agency_marked(scan, &t.range) {
                datelines.push((s, date));
            }
            continue;
        }
        if datelines.iter().any(|(ds, dd)| *ds == s && (*dd == date || dd.first_day() == date.first_day())) {
            continue;
        }
        // Two dates in apposition name one time ("65 years ago, on Oct. 19, 1956"): the
        // coarser one gives way to the finer.
        let finer_beside = |j: Option<usize>| {
            let Some(j) = j else { return false };
            let (Some(o), Some(od)) = (scan.temporals.get(j), scan.dates_happening(j)) else { return false };
            let gap = if o.range.start >= t.range.end {
                t.range.end..o.range.start
            } else {
                o.range.end..t.range.start
            };
            od != date
                && date.contains(od)
                && text.get(gap).is_some_and(|g| {
                    g.trim_matches(|c: char| {
                        c.is_whitespace() || matches!(c, ',' | '-' | '(' | ')' | '（' | '）' | '、')
                    })
                    .is_empty()
                })
        };
        if finer_beside(Some(i + 1)) || finer_beside(i.checked_sub(1)) {
            continue;
        }
        // No state here or just before: no actor to give the happening.
        let stated = |k: usize| sentence_parties.get(k).is_some_and(|p| !p.is_empty());
        if !(stated(s) || (s > 0 && stated(s - 1))) {
            continue;
        }
        let sentence = scan.sentence(s);
        // The states of the date's own part of the sentence ("…; Japan's foreign minister
        // condemned it a day later"), else of the sentence, else of the one before.
        let mut part = segment(scan, &sentence, t.range.start);
        let mut at = t.range.start;
        // "A week after Japan imposed sanctions on March 1, Russia protested": the
        // happening dated is the main clause's, after the anchoring clause.
        if matches!(t.expr, super::dates::Expr::Relative { from: super::lexicon::Anchor::Next, .. }) {
            // (After a happening named with no date, the clause goes on at once where no
            // comma closes the phrase: «через неделю после санкций Москва приостановила …».)
            // (The anchoring clause ends at the comma after the date it counts from, where
            // that date is in it: «через три дня после того, как Япония 1 марта ввела
            // санкции, Москва …».)
            let from = scan
                .temporals
                .get(i + 1)
                .filter(|n| {
                    n.range.start < part.end && n.range.start <= t.range.end + super::dates::NEXT_REACH
                })
                .map_or(t.range.end, |n| n.range.end);
            let comma = text.get(from..part.end).and_then(|g| g.find(','));
            let comma = match comma {
                Some(c) => from + c + 1,
                None if t.happening => t.range.end,
                None => continue,
            };
            part = comma..part.end;
            at = part.start;
        }
        let (part_actors, subject) = states_in(scan, parties, agreements, people, &part);
        let (mut actors, _) = states_in(scan, parties, agreements, people, &sentence);
        if actors.is_empty() {
            actors = sentence_parties.get(s).cloned().unwrap_or_default();
        }
        if actors.is_empty() && s > 0 {
            actors = sentence_parties.get(s - 1).cloned().unwrap_or_default();
        }
        // The people a poll asks ("74 percent of Russians", «россиян», 日本人): a poll is
        // theirs, whatever state it asks about ("support for a deal with Japan"). (Looked
        // for only where it decides: a sentence with no state, or a poll.)
        let polled = || scan.pack.polled.find_in(text, sentence.clone()).next().map(|(_, p)| p.clone());
        if actors.is_empty()
            && let Some(p) = polled()
        {
            actors.insert(p);
        }
        if actors.is_empty() {
            continue;
        }
        let Some((kind, second)) = kinds_near(scan, &part, at, &t.range) else { continue };
        // A visit is also its host's: the state of the place visited ("flew to Moscow").
        let hosts = destinations(scan, &part, date);
        // A one-sided happening is its subject's ("Japan protested … against Russia's
        // deployment"); a meeting, a visit or a signing is everyone's it names.
        let one_sided = |k: EventKind| {
            matches!(k, EventKind::Statement | EventKind::Proposal | EventKind::Speech | EventKind::Poll)
        };
        let actors_for = |k: EventKind| -> BTreeSet<PartyId> {
            if let Some(p) = (k == EventKind::Poll).then(polled).flatten() {
                return std::iter::once(p).collect();
            }
            match (&subject, one_sided(k)) {
                (Some(subject), true) => std::iter::once(subject.clone()).collect(),
                (None, true) if !part_actors.is_empty() => part_actors.clone(),
                _ => {
                    let of = if part_actors.is_empty() { &actors } else { &part_actors };
                    if k == EventKind::Visit {
                        of.iter().chain(&hosts).cloned().collect()
                    } else {
                        of.clone()
                    }
                }
            }
        };
        // The agreement of the happening's year before an older one it builds on ("agreed
        // in 2018 to speed up talks on the basis of the 1956 declaration"), then the nearest.
        let signed_apart =
            |a: &Found<AgreementMention>| scan.data.agreement(a.item.agreement).signed.year() != date.year();
        let nearest_agreement = starting_in(agreements, |a| a.at.start, &sentence)
            .iter()
            .min_by_key(|a| (signed_apart(a), a.at.start.abs_diff(t.range.start)))
            .map(|a| a.item.agreement);
        // A happening of no kind of its own on the date its sentence's agreement was signed
        // (明治8年（1875年）の樺太千島交換条約で、…; "7 мая 1875 г. — по Петербургскому
        // договору …") is that signing.
        let signed_then = |a: AgreementId| {
            let signed = scan.data.agreement(a).signed;
            signed.year() == date.year()
                && date.month().is_none_or(|m| signed.month() == Some(m))
                && date.day().is_none_or(|d| signed.day() == Some(d))
        };
        // (Not a happening called off: "postponed", "broke off".)
        let undone =
            || scan.pack.event_kinds.find_in(text, part.clone()).any(|(_, k)| *k == EventKind::Other);
        let kind = match (kind, nearest_agreement) {
            (EventKind::Other, Some(a)) if signed_then(a) && !undone() => EventKind::AgreementSigned,
            _ => kind,
        };
        let formula = starting_in(positions, |p| p.at.start, &sentence)
            .iter()
            .filter(|p| p.item.formula.in_annotation_schema())
            .min_by_key(|p| p.at.start.abs_diff(t.range.start))
            .map(|p| p.item.formula);
        // Each state holds its own elections: one event per actor.
        let groups: Vec<(EventKind, Vec<PartyId>)> = if kind == EventKind::Election {
            let mut of_people: Vec<PartyId> =
                people.in_range(&part).filter_map(|(_, m)| m.party.clone()).collect();
            of_people.sort();
            of_people.dedup();
            let electing: Vec<PartyId> =
                if of_people.is_empty() { actors.iter().cloned().collect() } else { of_people };
            electing.into_iter().map(|a| (kind, vec![a])).collect()
        } else {
            // A signing of the agreement named beside it, on its date, is its parties' (the
            // dataset's) that the text names, whoever its sentence names: «Декларация,
            // подписанная 19 октября 1956 года» is the Soviet Union's and Japan's.
            let signatories = nearest_agreement
                .filter(|&a| kind == EventKind::AgreementSigned && signed_then(a))
                .map(|a| {
                    // (Named as a state, or as the state of a person named: Yeltsin for Russia.)
                    let named = |s: &PartyId| {
                        parties.iter().any(|p| &p.item.party == s)
                            || people.mentions.iter().any(|m| m.item.party.as_ref() == Some(s))
                    };
                    scan.data.agreement(a).parties.iter().filter(|s| named(s)).cloned().collect::<Vec<_>>()
                })
                .filter(|s| !s.is_empty());
            std::iter::once((kind, signatories.unwrap_or_else(|| actors_for(kind).into_iter().collect())))
                .chain(second.map(|k| (k, actors_for(k).into_iter().collect())))
                .collect()
        };
        for (kind, actors) in groups {
            if !events.seen.insert((date, kind, actors.clone(), None)) {
                continue;
            }
            events.out.push(Found::new(
                t.range.clone(),
                EventFinding {
                    date,
                    kind,
                    actors,
                    agreement: nearest_agreement,
                    formula,
                    islands: IslandSet::default(),
                    people: Vec::new(),
                    evidence: scan.evidence(&t.range),
                },
            ));
        }
    }
}

/// The lead of a news story, and each entry of a live report, reports the day's news
/// without dating it: undated sentences there with a past-tense happening are dated at
/// publication.
fn lead_happenings(found: &Sources<'_, '_>, events: &mut Events) {
    let Sources { scan, sentence_parties, agreements, positions, .. } = *found;
    let text = scan.text();
    let pack = scan.pack;
    if let Some(published) = scan.published {
        // (Sentences that name a state, in play.)
        let named = || {
            scan.sentences.iter().enumerate().filter(|(s, r)| {
                sentence_parties.get(*s).is_some_and(|p| !p.is_empty()) && scan.in_play(r.start)
            })
        };
        let lead = named().filter(|(_, r)| lead_length(pack, scan.slice(r))).take(LEAD_SENTENCES);
        // So are the sentences of a live report's entries, each opened by its time of day.
        let entries = named().filter(|(_, r)| super::dates::in_entry(text, r.start));
        let told = lead.chain(entries).filter(|(_, r)| {
            !scan.slice(r).contains('?') && (pack.quoted_leads || !scan.slice(r).contains('"'))
        });
        for (s, range) in told {
            if !scan.temporals_in(range).is_empty() {
                continue;
            }
            // Background is not news: sentences naming an agreement by its year, and verbs in
            // the passive or after a modal ("a treaty was signed", "would meet").
            if starting_in(agreements, |a| a.at.start, range).iter().any(|a| a.item.year.is_some()) {
                continue;
            }
            // Its subject is a state or a person, named right before the verb ("Tokyo
            // protested", "Putin proposed"), not a share of a poll ("29% said"); the first
            // such verb of the sentence ("«… agreed …», said Peskov": the quoted verb has
            // none).
            let names_actor = |h: &super::reader::Hit| {
                scan.reader.entries(h).any(|e| {
                    matches!(e, super::reader::Entry::Party { .. } | super::reader::Entry::Person { .. })
                })
            };
            let named = |verb: &Range<usize>| {
                let near = verb.start.saturating_sub(30).max(range.start)..verb.start;
                let last = scan.hits_in(&near).filter_map(|i| scan.hits.get(i)).next_back();
                let before = last.filter(|h| {
                    text.get(h.end as usize..verb.start).is_some_and(|g| !g.contains([',', '%']))
                        && names_actor(h)
                });
                // In a language of free word order the subject may follow ("заявил Лавров").
                let after_verb = || {
                    let after = verb.end..floor_boundary(text, (verb.end + 80).min(range.end));
                    let named =
                        scan.hits_in(&after).filter_map(|i| scan.hits.get(i)).find(|h| names_actor(h));
                    named.filter(|h| {
                        text.get(verb.end..h.start as usize).is_some_and(|g| !g.contains([',', '%', '.']))
                    })
                };
                // In a language that marks its subject by a particle (菅首相は…と述べました), the
                // first state or person before the verb that carries it.
                let marked = || {
                    scan.hits_in(&(range.start..verb.start))
                        .filter_map(|i| scan.hits.get(i))
                        .find(|h| names_actor(h) && super::stances::subject_marked(scan, h.end as usize))
                };
                before
                    .or_else(|| if pack.subject_after_verb { after_verb() } else { None })
                    .or_else(|| if pack.subject_markers.is_empty() { None } else { marked() })
                    .map(|_| ())
            };
            let Some((verb, ())) = pack.lead_verbs.find_in(text, range.clone()).find_map(|(r, _)| {
                let free = !word_before(text, r.start)
                    .is_some_and(|w| pack.auxiliaries.contains(text.get(w).unwrap_or_default()))
                    && pack
                        .negators
                        .find_in(text, range.start.max(r.start.saturating_sub(12))..r.start)
                        .next()
                        .is_none();
                if free && !in_condition(scan, range, &r) { named(&r).map(|()| (r, ())) } else { None }
            }) else {
                continue;
            };
            let actors: Vec<PartyId> =
                sentence_parties.get(s).cloned().unwrap_or_default().into_iter().collect();
            if actors.is_empty() {
                continue;
            }
            let Some((kind, _)) = kinds_near(scan, range, verb.start, &(0..0)) else { continue };
            if !events.seen.insert((published, kind, actors.clone(), None)) {
                continue;
            }
            let formula = starting_in(positions, |p| p.at.start, range)
                .iter()
                .find(|p| p.item.formula.in_annotation_schema())
                .map(|p| p.item.formula);
            events.out.push(Found::new(
                verb.clone(),
                EventFinding {
                    date: published,
                    kind,
                    actors,
                    agreement: None,
                    formula,
                    islands: IslandSet::default(),
                    people: Vec::new(),
                    evidence: scan.evidence(&verb),
                },
            ));
        }
    }
}

/// Whether the verb at `verb` states a condition or a hypothesis, not a happening: its
/// clause, or its sentence, opens with a word of condition ("If Moscow agreed to …, Tokyo
/// might …", «Если Москва согласится …», 仮に…), or its clause closes with one (…ならば).
fn in_condition(scan: &Scan<'_>, sentence: &Range<usize>, verb: &Range<usize>) -> bool {
    let (text, pack) = (scan.text(), scan.pack);
    let cut = |c: char| matches!(c, ',' | ';' | ':' | '、' | '，');
    let head = text.get(sentence.start..verb.start).unwrap_or_default();
    let clause_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| cut(c))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let tail = text.get(verb.end..sentence.end).unwrap_or_default();
    let clause_end = tail.char_indices().find(|&(_, c)| cut(c)).map_or(sentence.end, |(i, _)| verb.end + i);
    pack.conditions.after(text, clause_start).is_some()
        || pack.conditions.after(text, sentence.start).is_some()
        || pack.conditions_after.find_in(text, verb.end..clause_end).next().is_some()
}

/// One happening dated twice in its sentence ("seized in August 1945, at the end of World
/// War II") keeps its more precise date.
fn keep_precise_dates(out: &mut Vec<Found<EventFinding>>) {
    let coarser = |a: &Found<EventFinding>, b: &Found<EventFinding>| {
        a.item.kind == b.item.kind
            && a.item.actors == b.item.actors
            && a.item.date != b.item.date
            && a.item.date.contains(b.item.date)
            && a.item.evidence.sentence == b.item.evidence.sentence
    };
    let mut by_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::default();
    for (i, e) in out.iter().enumerate() {
        by_sentence
            .entry((e.item.evidence.sentence.start, e.item.evidence.sentence.end))
            .or_default()
            .push(i);
    }
    let keep: Vec<bool> = out
        .iter()
        .map(|a| {
            let key = (a.item.evidence.sentence.start, a.item.evidence.sentence.end);
            !by_sentence
                .get(&key)
                .is_some_and(|same| same.iter().filter_map(|&j| out.get(j)).any(|b| coarser(a, b)))
        })
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
}

/// The part of `sentence` that holds `at`: split at semicolons and where a comma and a
/// coordinating or contrasting word begin another clause ("…, and Japan's foreign
/// minister at once called the visit regrettable").
fn segment(scan: &Scan<'_>, sentence: &Range<usize>, at: usize) -> Range<usize> {
    let text = scan.text();
    let mut start = sentence.start;
    let mut end = sentence.end;
    let body = scan.slice(sentence);
    // A sentence opening on a subordinate clause ("As Japan demands all four, Russia was
    // willing in 2004 to …") has its main clause after the clause's comma.
    let opens_subordinate = scan.pack.subordinators.after(text, sentence.start).is_some();
    let mut first_comma = true;
    for (i, c) in body.char_indices() {
        let cut = match c {
            ';' => Some(sentence.start + i + 1),
            ',' if opens_subordinate && std::mem::take(&mut first_comma) => Some(sentence.start + i + 1),
            ',' => {
                let after = sentence.start + i + 1;
                // ", and" begins a clause only after one that tells a happening ("flew to
                // Kunashir yesterday, and …"), not in a list of people ("Japan's prime
                // minister, Shinzo Abe, and Russia's president").
                let clause = start..sentence.start + i;
                let and =
                    scan.pack.coordinators.after(text, after).is_some_and(|(e, _)| {
                        text.get(after..e).is_some_and(|w| scan.pack.joins_list(w.trim()))
                    }) && scan.pack.event_kinds.find_in(text, clause).next().is_some();
                (and || scan.pack.contrasts.after(text, after).is_some()).then_some(after)
            }
            _ => None,
        };
        if let Some(cut) = cut {
            if cut <= at {
                start = cut;
            } else {
                end = end.min(cut);
                break;
            }
        }
    }
    start..end
}

/// The states of the places that `part` names after a locative word ("to Moscow", "in
/// Tokyo", "visited Japan"): a visit's hosts.
fn destinations(scan: &Scan<'_>, part: &Range<usize>, date: PartialDate) -> BTreeSet<PartyId> {
    let text = scan.text();
    let mut out = BTreeSet::new();
    for i in scan.hits_in(part) {
        let Some(h) = scan.hits.get(i) else { continue };
        if (h.end as usize) > part.end || scan.pack.locative.before(text, h.start as usize).is_none() {
            continue;
        }
        let candidates: Vec<PartyId> = scan
            .reader
            .entries(h)
            .filter_map(|e| match e {
                super::reader::Entry::Party {
                    party,
                    form: super::findings::PartyForm::Name | super::findings::PartyForm::Metonym,
                } => Some(party.clone()),
                _ => None,
            })
            .collect();
        out.extend(super::mentions::choose_party(scan.data, &candidates, Some(date)));
    }
    out
}

/// The states named in `part` (by name, metonym, adjective, or an official's party), and
/// its subject: the first of them not after an object preposition.
fn states_in(
    scan: &Scan<'_>,
    parties: &[Found<super::findings::PartyMention>],
    agreements: &[Found<AgreementMention>],
    people: &People,
    part: &Range<usize>,
) -> (BTreeSet<PartyId>, Option<PartyId>) {
    let text = scan.text();
    let mut all: Vec<(usize, PartyId)> = Vec::new();
    // A state named inside an agreement's name ("the Japan-Soviet Joint Declaration") is
    // not an actor of the happening.
    let named = starting_in(agreements, |a| a.at.start, part);
    let in_name = |at: &Range<usize>| named.iter().any(|a| a.at.start <= at.start && at.end <= a.at.end);
    for p in starting_in(parties, |p| p.at.start, part)
        .iter()
        .filter(|p| p.at.end <= part.end && !in_name(&p.at) && !names_the_islands(scan, &p.at))
    {
        all.push((p.at.start, p.item.party.clone()));
    }
    for (r, m) in people.in_range(part) {
        if let Some(p) = &m.party {
            all.push((r.start, p.clone()));
        }
    }
    // An office named without its person (首相は, "the prime minister"): the state the title
    // names, else that of the person the text named with it before (see
    // `stances::title_holder`). (Not a title beside a name: the person is read above.)
    // (Beside it: past spaces, or a comma of apposition, "the Soviet fisheries minister,
    // Aleksandr Ishkov".)
    let beside = |gap: Option<&str>| gap.is_some_and(|g| g.trim().trim_matches(',').trim().is_empty());
    for (h, e) in scan.entries_in(part) {
        let super::reader::Entry::Term(super::lexicon::Term::Title { office: true, party, roles }) = e else {
            continue;
        };
        let r = h.range();
        let named = people.in_range(&(chars_before(text, r.start, 40)..chars_after(text, r.end, 40))).any(
            |(o, _)| {
                beside(text.get(o.end..r.start))
                    || beside(text.get(r.end..o.start))
                    || (o.start <= r.start && r.end <= o.end)
            },
        );
        // (Nor one glued to a possessive suffix: "the prime minister's office" is a place.)
        if named || scan.pack.possessive_suffixes.glued(text, r.end).is_some() {
            continue;
        }
        if let Some(p) = party.clone().or_else(|| super::stances::title_holder(scan, people, &r, roles)) {
            all.push((r.start, p));
        }
    }
    all.sort_by_key(|(at, _)| *at);
    let subject = all
        .iter()
        .find(|(at, _)| scan.pack.object_prepositions.before(text, *at).is_none())
        .map(|(_, p)| p.clone());
    (all.into_iter().map(|(_, p)| p).collect(), subject)
}

/// Whether the state at `at` only names the islands: the subject of a verb of naming
/// (`grammar.naming_verbs`) with a collective name of the islands right beside the verb
/// ("which Russia calls the Southern Kurils", «которые Япония называет Северными
/// территориями», 日本が北方領土と呼ぶ), or its agent ("called the Northern Territories by
/// Japan"). It tells what the state calls them, not what it did.
fn names_the_islands(scan: &Scan<'_>, at: &Range<usize>) -> bool {
    let (text, pack) = (scan.text(), scan.pack);
    if pack.naming_verbs.is_empty() {
        return false;
    }
    // Nothing but spaces, an article or a particle of the subject between.
    let close = |from: usize, to: usize| {
        text.get(from.min(to)..to.max(from)).is_some_and(|g| {
            let g = g.trim();
            g.is_empty()
                || pack.articles.contains(g)
                || pack.subject_markers.contains(g)
                || (!g.contains([',', ';', '.', '、', '。', '(', ')'])
                    && g.split_whitespace().count() <= 1
                    && pack.spaced)
        })
    };
    // The collective names of the islands that start in `from..to`, in order.
    let collectives = |from: usize, to: usize| {
        scan.hits
            .get(scan.hits_in(&(from..to)))
            .unwrap_or_default()
            .iter()
            .filter(|h| scan.reader.is(h, Class::Collective))
            .map(|h| h.range())
    };
    let window = chars_before(text, at.start, 60)..chars_after(text, at.end, 60);
    // (A collective name near first: most states stand far from one.)
    let near = chars_before(text, window.start, 40)..chars_after(text, window.end, 40);
    if collectives(near.start, near.end).next().is_none() {
        return false;
    }
    pack.naming_verbs.find_in(text, window).any(|(n, _)| {
        // The collective name right after the verb ("calls the Southern Kurils"), or right
        // before it (北方領土と呼ぶ).
        let named =
            collectives(n.end, chars_after(text, n.end, 40)).find(|c| close(n.end, c.start)).or_else(|| {
                collectives(chars_before(text, n.start, 40), n.start).rev().find(|c| close(c.end, n.start))
            });
        let Some(c) = named else { return false };
        let (lo, hi) = (n.start.min(c.start), n.end.max(c.end));
        // The subject before ("Russia calls", 日本が), or the agent after ("… by Japan").
        (at.end <= lo && close(at.end, lo))
            || (hi <= at.start && pack.agent.after(text, hi).is_some_and(|(e, _)| close(e, at.start)))
    })
}

/// How many sentences (of twelve words or more) make a story's lead.
const LEAD_SENTENCES: usize = 4;

/// How many words a sentence of a story's lead has at least (a headline, a caption or a
/// byline has fewer).
const LEAD_WORDS: usize = 12;

/// How many characters stand for [`LEAD_WORDS`] in a script that does not space its words
/// (Japanese: about two and a half per word).
const LEAD_CHARACTERS: usize = 30;

/// Whether `sentence` is long enough to be a sentence of a story's lead.
fn lead_length(pack: &super::lexicon::Pack, sentence: &str) -> bool {
    if pack.spaced {
        sentence.split_whitespace().nth(LEAD_WORDS - 1).is_some()
    } else {
        sentence.chars().filter(|c| !c.is_whitespace()).nth(LEAD_CHARACTERS - 1).is_some()
    }
}
