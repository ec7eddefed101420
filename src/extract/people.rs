//! People (known to the dataset, or found by pattern: titles, appositives, "said X",
//! bylines) and their quotes.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::findings::{PersonMention, Quote};
use super::gazetteer::{Entry, Gazetteer};
use super::mentions::choose_party;
use super::scan::{Found, NEAR, Scan};
use super::text::{window_after, window_before};
use crate::dataset::Dataset;
use crate::id::PartyId;

/// People, where each is mentioned, and quotes.
#[derive(Debug, Default)]
pub(crate) struct People {
    pub mentions: Vec<Found<PersonMention>>,
    /// Every place a person is mentioned: (range, index into `mentions`), in text order.
    pub occurrences: Vec<(Range<usize>, usize)>,
    pub quotes: Vec<Found<Quote>>,
    by_name: HashMap<String, usize>,
}

impl People {
    /// The person mentioned last before `at` in sentence range `within`.
    pub fn last_before(&self, at: usize, within: &Range<usize>) -> Option<&PersonMention> {
        let a = self.occurrences.partition_point(|(r, _)| r.start < within.start);
        let b = self.occurrences.partition_point(|(r, _)| r.start < at);
        self.occurrences
            .get(a..b.max(a))?
            .iter()
            .rev()
            .find(|(r, _)| r.end <= at)
            .and_then(|(_, i)| self.mentions.get(*i))
            .map(|f| &f.item)
    }

    /// The people mentioned inside `range`, in order (occurrences are sorted by start).
    pub fn in_range(&self, range: &Range<usize>) -> impl Iterator<Item = (&Range<usize>, &PersonMention)> {
        let a = self.occurrences.partition_point(|(r, _)| r.start < range.start);
        let b = self.occurrences.partition_point(|(r, _)| r.start < range.end);
        self.occurrences
            .get(a..b.max(a))
            .unwrap_or_default()
            .iter()
            .filter(move |(r, _)| r.end <= range.end)
            .filter_map(|(r, i)| self.mentions.get(*i).map(|m| (r, &m.item)))
    }

    /// The person named `name`, by the name [`PersonMention::name`] gives.
    pub fn by_name(&self, name: &str) -> Option<&PersonMention> {
        self.by_name.get(name).and_then(|i| self.mentions.get(*i)).map(|f| &f.item)
    }
}

const NAME: &str = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?";

/// How far before a title the state it serves may be named ("Japan's top government
/// spokesman, Chief Cabinet Secretary X").
const TITLE_REACH: usize = 60;

/// What an appositive calls a person ("X, a retired diplomat, …").
const ROLES: &str = r"diplomat|expert|analyst|professor|scholar|researcher|official|spokes(?:man|woman|person)|journalist|correspondent|economist|historian|lawmaker|politician|adviser|advisor|director|head|chief|minister|ambassador|governor|mayor|fellow|commentator|specialist|author|editor|president|chairman|secretary";

/// Titles that make whoever holds them speak for a state.
const OFFICE_TITLES: &str = r"President|Prime\ Minister|Premier|Foreign\ Minister|Defen[cs]e\ Minister|Deputy\ Foreign\ Minister|Minister|Ambassador|Spokes(?:man|woman|person)|Chief\ Cabinet\ Secretary|Cabinet\ Secretary|Secretary\ of\ State|Secretary|Governor|Chancellor|Emperor|Tsar|Czar|King|Senator|Sen\.|Envoy|Vice\ Minister|Deputy\ Minister";
const OTHER_TITLES: &str = r"Professor|Prof\.|Dr\.|Mr\.|Mrs\.|Ms\.|General|Gen\.|Admiral|Adm\.|Colonel|Col\.|Director|Chairman|Mayor";

static PERSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let full = format!(r"{NAME}(?:\ [A-Z]\.)?(?:\ {NAME}){{1,2}}");
    Regex::new(&format!(
        r"(?x)
        (?P<t1>(?:(?i:former|then|ex-|acting|deputy)\ )?(?:(?i:{OFFICE_TITLES})|{OTHER_TITLES}))\ (?P<n1>{full})
        | (?P<n2>{full}),\ (?:a|an|the)\ (?P<r2>[^,.;\n]{{0,60}}?(?-u:\b)(?:{ROLES}))(?-u:\b)
        | (?P<n3>{full})\ (?:said|told|says|added|noted|stressed|argued|explained|wrote|warned|insisted|stated|declared|announced)(?-u:\b)
        | (?-u:\b)(?:said|says|added|wrote|according\ to)\ (?P<n4>{full})(?:,\ (?:a|an|the)\ (?P<r4>[^,.;\n]{{0,60}}?(?-u:\b)(?:{ROLES}))(?-u:\b))?
        | (?m:^)[\ \t]*(?i:by)\ (?:(?:Dr|Prof|Mr|Ms)\.\ )?(?P<n5>{full})[\ \t]*(?m:$)
        | (?-u:\b)(?i:reporting|writing|editing|additional\ reporting|compiled)\ by\ (?P<n6>{full})"
    ))
    .ok()
});

/// Words that do not begin or make up a person's name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "It",
    "They",
    "We",
    "But",
    "And",
    "Or",
    "If",
    "As",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "For",
    "From",
    "With",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Ministry",
    "Secretary",
    "Cabinet",
    "Chief",
    "Deputy",
    "Affairs",
    "Office",
    "Government",
    "Defense",
    "Defence",
    "State",
    "Department",
    "Islands",
    "Island",
    "Sea",
    "War",
    "World",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Economic",
    "Forum",
    "Summit",
    "Party",
    "Liberal",
    "Democratic",
    "News",
    "Agency",
    "Council",
    "Security",
    "General",
    "Assembly",
    "United",
    "Nations",
    "Federation",
    "Republic",
    "Union",
    "Soviet",
    "Empire",
    "Imperial",
    "Russian",
    "Japanese",
    "Chinese",
    "American",
    "Kremlin",
    "Diet",
    "Duma",
    "Review",
    "Times",
    "Post",
    "Press",
    "Reuters",
    "Kyodo",
    "Tass",
    "Sputnik",
    "Interfax",
    "Nikkei",
    "Asahi",
    "Mainichi",
    "Yomiuri",
    "Asia",
    "Pacific",
    "Europe",
    "Eurasia",
    "Treaty",
    "Declaration",
    "Statement",
    "Joint",
    "Peace",
    "Our",
    "Your",
    "His",
    "Her",
    "Their",
    "Its",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Sir",
    "Reporting",
    "Editing",
    "Writing",
    "Additional",
    "Photo",
    "Image",
    "Read",
    "More",
    "Related",
    "Share",
];

const OFFICE_WORDS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "minister",
    "ambassador",
    "spokes",
    "secretary",
    "governor",
    "chancellor",
    "emperor",
    "tsar",
    "czar",
    "king",
    "senator",
    "sen.",
    "envoy",
    "official",
];

fn is_office(title: &str) -> bool {
    let t = title.to_ascii_lowercase();
    !(t.contains("former") || t.contains("retired") || t.contains("ex-"))
        && OFFICE_WORDS.iter().any(|w| t.contains(w))
}

fn plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').filter(|w| w.len() > 2 || !w.ends_with('.')).collect();
    words.len() >= 2 && words.iter().all(|w| !NOT_NAMES.contains(w))
}

/// The parties named in `range` of the text, by any form.
fn parties_in(scan: &Scan<'_>, gazetteer: &Gazetteer, range: &Range<usize>) -> Vec<PartyId> {
    let mut out = Vec::new();
    for i in scan.hits_in(range) {
        let Some(hit) = scan.hits.get(i) else { continue };
        for e in gazetteer.entries(hit) {
            if let Entry::Party { party, .. } = e
                && !out.contains(party)
            {
                out.push(party.clone());
            }
        }
    }
    out
}

/// Finds people and quotes.
pub(crate) fn people(scan: &Scan<'_>, gazetteer: &Gazetteer, data: &Dataset) -> People {
    let text = scan.text();
    let mut people = People::default();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut best_words: HashMap<usize, usize> = HashMap::new();
    let title_before = |at: usize| -> Option<String> {
        static TITLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
            Regex::new(&format!(
                r"(?:(?:[A-Z][a-z]+|U\.S\.)\ )?(?:(?i:former|then|acting|deputy)\ )?(?i:{OFFICE_TITLES})\ ?$"
            ))
            .ok()
        });
        let head = window_before(text, at, 60);
        TITLE.as_ref()?.find(head).map(|m| m.as_str().trim().to_string())
    };

    // Known people, from the gazetteer.
    for hit in &scan.hits {
        let Some(id) = gazetteer.entries(hit).iter().find_map(|e| match e {
            Entry::Person(id) => Some(id),
            _ => None,
        }) else {
            continue;
        };
        let Some(person) = data.person(id) else { continue };
        let key = format!("id:{id}");
        let written = scan.slice(&hit.range);
        let n = *by_key.entry(key).or_insert_with(|| {
            let date = scan.date_at(hit.range.start).or(scan.published);
            let title = title_before(hit.range.start);
            let official = match (date, &title) {
                (_, Some(t)) if is_office(t) => true,
                (Some(d), _) => person.roles_at(&d).any(|r| is_office(&r.title)),
                _ => false,
            };
            people.mentions.push(Found::new(
                hit.range.clone(),
                PersonMention {
                    name: person.name.clone(),
                    person: Some(id.clone()),
                    party: person.party.clone(),
                    title,
                    official,
                    evidence: scan.evidence(&hit.range),
                },
            ));
            people.mentions.len() - 1
        });
        // The fullest form the text uses (two words or more, no title), else the data's name.
        let words = written.split_whitespace().count();
        let titled =
            written.split_whitespace().next().is_some_and(|w| NOT_NAMES.contains(&w.trim_end_matches('.')));
        if words >= 2 && !titled && best_words.get(&n).is_none_or(|&b| words > b) {
            if let Some(m) = people.mentions.get_mut(n) {
                m.item.name = written.to_string();
            }
            best_words.insert(n, words);
        }
        people.occurrences.push((hit.range.clone(), n));
    }

    // People the dataset does not know, by pattern.
    if let Some(re) = PERSON.as_ref() {
        for c in re.captures_iter(text) {
            let Some(n) = ["n1", "n2", "n3", "n4", "n5", "n6"].iter().find_map(|g| c.name(g)) else {
                continue;
            };
            let range = n.range();
            let name = n.as_str();
            if !plausible_name(name) {
                continue;
            }
            // A name the gazetteer knows (a person, or a place or party: "Northern Territories").
            let overlaps = scan.hits_in(&(range.start.saturating_sub(40)..range.end)).any(|i| {
                scan.hits.get(i).is_some_and(|h| h.range.start < range.end && range.start < h.range.end)
            });
            if overlaps {
                continue;
            }
            let title = c.name("t1").or(c.name("r2")).or(c.name("r4")).map(|t| t.as_str().to_string());
            let key = name.to_lowercase();
            let idx = match by_key.get(&key) {
                Some(&i) => {
                    // A later pattern may say what an earlier one did not ("said X" then "X, a
                    // Russian analyst, …").
                    if let Some(m) = people.mentions.get_mut(i).filter(|m| m.item.person.is_none()) {
                        if m.item.title.is_none() {
                            m.item.official = title.as_deref().is_some_and(is_office);
                            m.item.title = title;
                        }
                        if m.item.party.is_none() {
                            let whole = c.get(0).map_or(range.clone(), |m| m.range());
                            let s = scan.sentence(scan.sentence_of(range.start));
                            let window = whole.start.saturating_sub(TITLE_REACH).max(s.start)..whole.end;
                            let date = scan.date_at(range.start).or(scan.published);
                            m.item.party = choose_party(data, &parties_in(scan, gazetteer, &window), date);
                        }
                    }
                    i
                }
                None => {
                    let whole = c.get(0).map_or(range.clone(), |m| m.range());
                    let s = scan.sentence(scan.sentence_of(range.start));
                    let window = whole.start.saturating_sub(TITLE_REACH).max(s.start)..whole.end;
                    let candidates = parties_in(scan, gazetteer, &window);
                    let date = scan.date_at(range.start).or(scan.published);
                    let party = choose_party(data, &candidates, date);
                    let official = title.as_deref().is_some_and(is_office);
                    people.mentions.push(Found::new(
                        range.clone(),
                        PersonMention {
                            name: name.to_string(),
                            person: None,
                            party,
                            title,
                            official,
                            evidence: scan.evidence(&range),
                        },
                    ));
                    by_key.insert(key, people.mentions.len() - 1);
                    people.mentions.len() - 1
                }
            };
            people.occurrences.push((range, idx));
        }
    }
    // Later mentions of an unknown person by surname alone ("Smith said").
    let surnames: Vec<(String, usize)> = people
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.item.person.is_none())
        .filter_map(|(i, m)| m.item.name.split(' ').next_back().map(|s| (s.to_string(), i)))
        .filter(|(s, _)| s.len() >= 3)
        .collect();
    if !surnames.is_empty()
        && let Ok(ac) = aho_corasick::AhoCorasick::new(surnames.iter().map(|(s, _)| s.as_str()))
    {
        people.occurrences.sort_by_key(|(r, _)| r.start);
        let known = people.occurrences.clone();
        for m in ac.find_iter(text) {
            let r = m.start()..m.end();
            let bounded = !super::text::char_before(text, r.start).is_some_and(char::is_alphanumeric)
                && !super::text::char_at(text, r.end).is_some_and(char::is_alphanumeric);
            let k = known.partition_point(|(o, _)| o.start <= r.start);
            let inside = k.checked_sub(1).and_then(|k| known.get(k)).is_some_and(|(o, _)| r.end <= o.end);
            if bounded
                && !inside
                && let Some((_, i)) = surnames.get(m.pattern().as_usize())
            {
                people.occurrences.push((r, *i));
            }
        }
    }
    people.occurrences.sort_by_key(|(r, _)| r.start);
    people.by_name = people.mentions.iter().enumerate().map(|(i, m)| (m.item.name.clone(), i)).collect();
    people.quotes = quotes(scan, &people);
    people
}

static SPEECH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:said|says|say|told|tells|added|adds|stressed|noted|stated|declared|insisted|argued|explained|warned|wrote|writes|according\ to|asked|replied|quoted|called|described|dubbed|termed)(?-u:\b)").ok()
});

static PRONOUN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:he|she)(?-u:\b)").ok());

/// Quotations and their speakers: "…," X said; "…," said X; X said: "…"; "…," he said.
fn quotes(scan: &Scan<'_>, people: &People) -> Vec<Found<Quote>> {
    let text = scan.text();
    let (Some(speech), Some(pronoun)) = (SPEECH.as_ref(), PRONOUN.as_ref()) else { return Vec::new() };
    let marks: Vec<usize> = memchr::memchr_iter(b'"', text.as_bytes()).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < marks.len() {
        let (Some(&open), Some(&close)) = (marks.get(k), marks.get(k + 1)) else { break };
        let inner = open + 1..close;
        let content = scan.slice(&inner);
        if content.len() > super::positions::MAX_QUOTE || content.contains('\n') {
            k += 1;
            continue;
        }
        k += 2;
        if content.split_whitespace().count() < 3 {
            continue;
        }
        let tail = window_after(text, close + 1, 80);
        let after = close + 1..close + 1 + tail.find('\n').unwrap_or(tail.len());
        let head = window_before(text, open, 100);
        let before_start = open - head.len() + head.rfind('\n').map_or(0, |n| n + 1);
        let before = before_start..open;
        let pick = |window: &Range<usize>, nearest_first: bool| -> Option<String> {
            let w = text.get(window.clone())?;
            if !speech.is_match(w) {
                return None;
            }
            let mut found = people.in_range(window).map(|(_, m)| m.name.clone());
            let named = if nearest_first { found.next() } else { found.last() };
            named.or_else(|| {
                pronoun
                    .is_match(w)
                    .then(|| {
                        people.last_before(open, &(open.saturating_sub(NEAR)..open)).map(|m| m.name.clone())
                    })
                    .flatten()
            })
        };
        let speaker = pick(&after, true).or_else(|| pick(&before, false));
        out.push(Found::new(inner.clone(), Quote { speaker, evidence: scan.evidence(&inner) }));
    }
    out
}

/// Whether this module's patterns compile.
pub(crate) fn compiles() -> bool {
    PERSON.is_some() && SPEECH.is_some() && PRONOUN.is_some()
}
