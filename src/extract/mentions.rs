//! Islands, parties and agreements named in the text.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::findings::{AgreementMention, IslandMention, PartyMention};
use super::gazetteer::{Entry, Gazetteer, PartyForm};
use super::scan::{Found, NEAR, Scan, starting_in};
use super::text::{char_at, char_before, floor_boundary, is_word_char, window_after, window_before};
use crate::agreement::{AgreementId, AgreementKind};
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::id::PartyId;
use crate::island::IslandSet;

/// The lower-cased words before byte `at` (nearest last), at most `n`.
pub(crate) fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    let head = window_before(text, at, 200);
    let mut out: Vec<String> = head
        .rsplit(|c: char| !(is_word_char(c) || c == '\'' || c == '.'))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    out.reverse();
    out
}

/// The lower-cased words after byte `at`, at most `n`.
pub(crate) fn words_after(text: &str, at: usize, n: usize) -> Vec<String> {
    window_after(text, at, 200)
        .split(|c: char| !(is_word_char(c) || c == '\''))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Words after which a capital names a place, not a government ("in Tokyo").
const LOCATIVE: &[&str] = &[
    "in", "at", "near", "outside", "around", "to", "into", "from", "via", "visit", "visited", "visiting",
    "visits", "toured", "reached", "arrived", "left", "across", "downtown", "central",
];

/// Words after a name that make it part of an organisation's or a paper's name.
const ORGANISATION_SUFFIXES: &[&str] = &[
    "times",
    "today",
    "news",
    "post",
    "herald",
    "daily",
    "airlines",
    "university",
    "institute",
    "foundation",
    "center",
    "centre",
    "review",
    "tribune",
    "journal",
    "shimbun",
    "broadcasting",
];

/// Nouns after a capital that make it an attribute of a thing in the city ("a Moscow think
/// tank", "Tokyo residents"), not the government.
const CITY_NOUNS: &[&str] = &[
    "think",
    "city",
    "residents",
    "mayor",
    "police",
    "airport",
    "court",
    "stock",
    "region",
    "prefecture",
    "correspondent",
    "bureau",
    "office",
    "metro",
    "station",
    "marathon",
    "olympics",
    "games",
    "district",
    "skyline",
    "street",
    "streets",
    "branch",
    "studio",
    "exchange",
    "area",
];

/// Nouns after a state's adjective that make it the state acting ("the Japanese government").
const STATE_NOUNS: &[&str] = &[
    "government",
    "governments",
    "president",
    "presidents",
    "premier",
    "prime",
    "minister",
    "ministers",
    "ministry",
    "side",
    "official",
    "officials",
    "authorities",
    "forces",
    "troops",
    "military",
    "navy",
    "army",
    "jets",
    "fighters",
    "bombers",
    "warships",
    "sanctions",
    "pledge",
    "declaration",
    "proposal",
    "position",
    "stance",
    "delegation",
    "embassy",
    "ambassador",
    "envoy",
    "leader",
    "leaders",
    "leadership",
    "parliament",
    "diet",
    "duma",
    "state",
    "territory",
    "territories",
    "sovereignty",
    "annexation",
    "occupation",
    "administration",
    "counterpart",
    "counterparts",
    "negotiators",
    "coast",
    "border",
    "cabinet",
    "foreign",
    "defense",
    "defence",
    "emperor",
    "kremlin",
    "demand",
    "demands",
    "claim",
    "claims",
    "control",
    "rule",
    "garrison",
    "deployment",
];

/// Words between an adjective and its state noun that may be skipped ("Japanese Foreign Ministry").
const STATE_NOUN_MODIFIERS: &[&str] = &[
    "deputy", "chief", "top", "senior", "federal", "imperial", "national", "central", "armed", "air", "then",
];

fn hyphen_compound(text: &str, range: &Range<usize>) -> bool {
    let after = char_at(text, range.end) == Some('-')
        && char_at(text, range.end + 1).is_some_and(|c| c.is_alphabetic() && c.is_uppercase());
    let before = char_before(text, range.start) == Some('-')
        && range.start >= 2
        && text.get(..range.start - 1).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphabetic);
    after || before
}

fn adjective_of_state(text: &str, range: &Range<usize>) -> bool {
    if hyphen_compound(text, range) {
        return true;
    }
    let next = words_after(text, range.end, 3);
    let mut it = next.iter().map(String::as_str);
    let mut w = it.next();
    if w.is_some_and(|w| STATE_NOUN_MODIFIERS.contains(&w)) {
        w = it.next();
    }
    w.is_some_and(|w| STATE_NOUNS.contains(&w))
}

/// Whether a metonym at `range` names the place rather than the government.
fn locative(text: &str, range: &Range<usize>) -> bool {
    let before = words_before(text, range.start, 1);
    let after = words_after(text, range.end, 1);
    before.first().is_some_and(|w| LOCATIVE.contains(&w.as_str()))
        || after.first().is_some_and(|w| {
            ORGANISATION_SUFFIXES.contains(&w.as_str()) || CITY_NOUNS.contains(&w.as_str()) || w == "based"
        })
}

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
    let parties: Vec<_> = candidates.iter().filter_map(|id| data.party(id)).collect();
    if let Some(d) = date {
        let alive: Vec<_> = parties.iter().filter(|p| p.existed_at(&d)).collect();
        if let [only] = alive.as_slice() {
            return Some(only.id.clone());
        }
    }
    parties.iter().max_by_key(|p| p.from.map(|f| f.first_day())).map(|p| p.id.clone())
}

/// Every party mention.
pub(crate) fn parties(scan: &Scan<'_>, gazetteer: &Gazetteer, data: &Dataset) -> Vec<Found<PartyMention>> {
    let text = scan.text();
    let mut out = Vec::new();
    let mut venues = Vec::new();
    for hit in &scan.hits {
        let mut candidates = Vec::new();
        let mut form = None;
        for e in gazetteer.entries(hit) {
            if let Entry::Party { party, form: f } = e {
                candidates.push(party.clone());
                form = Some(*f);
            }
        }
        let Some(form) = form else {
            // States named inside an agreement's name ("the Soviet-Japanese Joint Declaration").
            if gazetteer.entries(hit).iter().any(|e| matches!(e, Entry::Agreement(_))) {
                out.extend(parties_in_name(scan, gazetteer, data, &hit.range));
            }
            continue;
        };
        let counts = match form {
            PartyForm::Name => !words_after(text, hit.range.end, 1)
                .first()
                .is_some_and(|w| ORGANISATION_SUFFIXES.contains(&w.as_str())),
            // An all-capitals city is a dateline's place ("LONDON, 12 October …").
            PartyForm::Metonym => {
                let written = scan.slice(&hit.range);
                let all_capitals = written.chars().filter(|c| c.is_alphabetic()).count() > 3
                    && !written.chars().any(char::is_lowercase);
                !locative(text, &hit.range) && !all_capitals
            }
            PartyForm::Adjective => adjective_of_state(text, &hit.range),
        };
        if !counts {
            continue;
        }
        let date = scan.date_at(hit.range.start).or(scan.published);
        if let Some(party) = choose_party(data, &candidates, date) {
            let found = Found::new(
                hit.range.clone(),
                PartyMention { party, form, evidence: scan.evidence(&hit.range) },
            );
            if form == PartyForm::Name && venue(scan, &hit.range) {
                venues.push(found)
            } else {
                out.push(found)
            }
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

static MEETING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:met|meet|meets|meeting|summit|talks|forum|conference|sidelines|agreed|gathered|hosted|hosts)(?-u:\b)").ok()
});

/// Whether a state's name at `range` is the venue of a meeting: after "in" or "at", in a
/// sentence about a meeting.
fn venue(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    let text = scan.text();
    let after_in = words_before(text, range.start, 1).first().is_some_and(|w| w == "in" || w == "at");
    let s = scan.sentence(scan.sentence_of(range.start));
    let near = s.start.max(range.start.saturating_sub(NEAR))..s.end.min(range.end + NEAR);
    let near = floor_boundary(text, near.start)..floor_boundary(text, near.end);
    after_in && MEETING.as_ref().is_some_and(|m| m.is_match(scan.slice(&near)))
}

/// The states named (not by metonym) inside the name at `range`.
fn parties_in_name(
    scan: &Scan<'_>,
    gazetteer: &Gazetteer,
    data: &Dataset,
    range: &Range<usize>,
) -> Vec<Found<PartyMention>> {
    let mut out = Vec::new();
    for inner in gazetteer.find_all(scan.slice(range)) {
        let at = range.start + inner.range.start..range.start + inner.range.end;
        for e in gazetteer.entries(&inner) {
            if let Entry::Party { party, form: form @ (PartyForm::Name | PartyForm::Adjective) } = e {
                let date = scan.date_at(at.start).or(scan.published);
                if let Some(party) = choose_party(data, std::slice::from_ref(party), date) {
                    out.push(Found::new(
                        at.clone(),
                        PartyMention { party, form: *form, evidence: scan.evidence(&at) },
                    ));
                }
            }
        }
    }
    out
}

/// Every island mention. Ambiguous collective names count only in context: one standing
/// for all four ("the four islands") once the text has named the disputed islands
/// unambiguously; one standing for a subset ("the two islands") only near an agreement
/// whose provisions concern exactly that subset (or its year).
pub(crate) fn islands(
    scan: &Scan<'_>,
    gazetteer: &Gazetteer,
    data: &Dataset,
    agreements: &[Found<AgreementMention>],
) -> Vec<Found<IslandMention>> {
    let mut out = Vec::new();
    let mut pending = Vec::new();
    for hit in &scan.hits {
        for e in gazetteer.entries(hit) {
            let (islands, ambiguous) = match e {
                Entry::Island(i) => (IslandSet::from([*i]), false),
                Entry::Collective { islands, ambiguous } => (*islands, *ambiguous),
                _ => continue,
            };
            let m = IslandMention { islands, evidence: scan.evidence(&hit.range) };
            if ambiguous {
                pending.push(Found::new(hit.range.clone(), m))
            } else {
                out.push(Found::new(hit.range.clone(), m))
            }
            break;
        }
    }
    let context = !out.is_empty();
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
                        a.signed.year_number() == d.year_number()
                            && a.provisions.iter().any(|p| p.islands == m.islands)
                    })
                })
            });
            agreement_context || year_context
        };
        if keep {
            out.push(found);
        }
    }
    out
}

static AGREEMENT_PHRASE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let head = r"joint\ declaration|joint\ statement|joint\ communiqu[eé]|peace\ treaty|declaration|statement|treaty|agreements?|accords?|pact|communiqu[eé]|action\ plan|memorand(?:um|a)|pledge|proposal|deal|formula|framework";
    Regex::new(&format!(
        r"(?x)
        (?-u:\b)(?P<y1>1[89]\d\d|20\d\d)(?:'s)?\ (?:(?:[A-Z][\w.]*(?:-[A-Z][\w.]*)*|-|and)\ ){{0,3}}(?i:(?P<h1>{head}))(?-u:\b)
        | (?-u:\b)(?i:(?P<h2>{head}))\ (?:signed\ |adopted\ |reached\ |issued\ )?(?:(?:of|in|from)\ )(?:the\ (?:two\ )?leaders\ in\ |the\ year\ )?(?P<y2>1[89]\d\d|20\d\d)(?-u:\b)
        | (?-u:\b)(?i:(?P<pron>their|the|this|a)\ (?P<h3>joint\ statement|joint\ declaration|joint\ communiqu[eé]))(?-u:\b)
          (?:\ (?:signed\ |adopted\ |reached\ |issued\ )?(?:of|in|from)\ (?:the\ (?:two\ )?leaders\ in\ |the\ year\ )?(?P<y3>1[89]\d\d|20\d\d)(?-u:\b))?"
    ))
    .ok()
});

fn kinds(head: &str) -> &'static [AgreementKind] {
    use AgreementKind::*;
    let head = head.to_ascii_lowercase();
    match head.as_str() {
        "joint declaration" | "declaration" => &[Declaration],
        "joint statement" | "statement" | "action plan" => &[JointStatement, Statement],
        h if h.starts_with("joint communiq") || h.starts_with("communiq") => &[Communique],
        "peace treaty" | "treaty" => &[Treaty],
        "agreement" | "agreements" | "accord" | "accords" | "deal" | "framework" => &[Agreement],
        "pact" => &[Pact],
        h if h.starts_with("memorand") => &[Memorandum],
        // "the 1956 pledge", "the 1956 proposal", "the 1956 formula": any instrument.
        _ => &[],
    }
}

/// The one agreement of `year` (±`slack`) of one of `kinds` (any when empty), if unique.
fn unique_agreement(data: &Dataset, year: i32, kinds: &[AgreementKind], slack: i32) -> Option<AgreementId> {
    let mut found = data.agreements().filter(|a| {
        (a.signed.year_number() - year).abs() <= slack && (kinds.is_empty() || kinds.contains(&a.kind))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first.id)
}

/// Every agreement mention: gazetteer names and aliases, then phrases such as "the 1956
/// joint declaration", "the joint statement of 2013" or (in the publication year) "their
/// joint statement".
pub(crate) fn agreements(
    scan: &Scan<'_>,
    gazetteer: &Gazetteer,
    data: &Dataset,
) -> Vec<Found<AgreementMention>> {
    let mut out = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    for hit in &scan.hits {
        for e in gazetteer.entries(hit) {
            if let Entry::Agreement(id) = e {
                let name = scan.slice(&hit.range);
                let year = year_in(name);
                let m = AgreementMention {
                    agreement: *id,
                    year,
                    implied: false,
                    evidence: scan.evidence(&hit.range),
                };
                out.push(Found::new(hit.range.clone(), m));
                covered.push(hit.range.clone());
            }
        }
    }
    let Some(re) = AGREEMENT_PHRASE.as_ref() else { return out };
    for c in re.captures_iter(scan.text()) {
        let Some(whole) = c.get(0) else { continue };
        let range = whole.range();
        // Names found by the gazetteer are disjoint and sorted: only the last one starting
        // before this phrase ends can overlap it.
        let k = covered.partition_point(|r| r.start < range.end);
        if k.checked_sub(1).and_then(|k| covered.get(k)).is_some_and(|r| range.start < r.end) {
            continue;
        }
        let year =
            c.name("y1").or(c.name("y2")).or(c.name("y3")).and_then(|y| y.as_str().parse::<i32>().ok());
        let head = c.name("h1").or(c.name("h2")).or(c.name("h3")).map_or("", |h| h.as_str());
        let kinds = kinds(head);
        let (agreement, year) = match year {
            Some(y) => {
                (unique_agreement(data, y, kinds, 0).or_else(|| unique_agreement(data, y, kinds, 1)), Some(y))
            }
            // "Their joint statement": the one of the publication year, if already signed.
            None => {
                let signed = |id: AgreementId| {
                    scan.published.is_some_and(|p| data.agreement(id).signed.first_day() <= p.last_day())
                };
                let id = scan.published.and_then(|p| unique_agreement(data, p.year_number(), kinds, 0));
                (id.filter(|id| signed(*id)), None)
            }
        };
        if let Some(agreement) = agreement {
            let m = AgreementMention { agreement, year, implied: false, evidence: scan.evidence(&range) };
            out.push(Found::new(range, m));
        }
    }
    out.sort_by_key(|m| m.at.start);
    out
}

fn year_in(s: &str) -> Option<i32> {
    s.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 4).and_then(|w| w.parse().ok())
}

/// Implied agreements: a sentence where parties agree or sign in year Y, when exactly one
/// agreement of Y is between parties all named (directly or through their people) there.
pub(crate) fn implied_agreements(
    scan: &Scan<'_>,
    data: &Dataset,
    sentence_parties: &[BTreeSet<PartyId>],
    named: &[Found<AgreementMention>],
) -> Vec<Found<AgreementMention>> {
    static AGREE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:agreed|signed|pledged|committed|concluded|promised|undertook)(?-u:\b)")
            .ok()
    });
    let Some(agree) = AGREE.as_ref() else { return Vec::new() };
    let mut out = Vec::new();
    let mut mentioned: std::collections::HashSet<AgreementId> =
        named.iter().map(|m| m.item.agreement).collect();
    for (s, range) in scan.sentences.iter().enumerate() {
        let Some(parties) = sentence_parties.get(s) else { continue };
        if parties.len() < 2 || !agree.is_match(scan.slice(range)) {
            continue;
        }
        for i in scan.temporals_in(range) {
            let (Some(t), Some(Some(d))) = (scan.temporals.get(i), scan.resolved.get(i)) else { continue };
            if t.bound {
                continue;
            }
            let mut of_year = data.agreements().filter(|a| {
                a.signed.year_number() == d.year_number()
                    && a.parties.len() >= 2
                    && a.parties.iter().all(|p| parties.contains(p))
            });
            let (Some(a), None) = (of_year.next(), of_year.next()) else { continue };
            if !mentioned.insert(a.id) {
                continue;
            }
            let m = AgreementMention {
                agreement: a.id,
                year: Some(d.year_number()),
                implied: true,
                evidence: scan.evidence(range),
            };
            out.push(Found::new(range.clone(), m));
        }
    }
    out
}

/// Whether this module's patterns compile.
pub(crate) fn compiles() -> bool {
    AGREEMENT_PHRASE.is_some() && MEETING.is_some()
}
