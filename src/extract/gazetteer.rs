//! The gazetteer: every name in the dataset, matched in one Aho–Corasick pass.
//!
//! Names come from `data/` (islands in three languages, collective names, parties with
//! aliases, metonyms and adjectives, agreements' names and aliases, people's names and
//! aliases), so a new alias needs no code change.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::text::{char_at, char_before, is_word_char};
use crate::agreement::AgreementId;
use crate::dataset::Dataset;
use crate::id::{PartyId, PersonId};
use crate::island::{Island, IslandSet};

/// How a party is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, strum::Display)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum PartyForm {
    /// Its name or an alias: "Japan", "the USSR".
    Name,
    /// A capital or seat standing for the state: "Tokyo", "the Kremlin".
    Metonym,
    /// Its adjective: "Japanese", "Soviet".
    Adjective,
}

/// What a gazetteer entry stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    Island(Island),
    Collective { islands: IslandSet, ambiguous: bool },
    Party { party: PartyId, form: PartyForm },
    Agreement(AgreementId),
    Person(PersonId),
}

/// A name found in the text (offsets into the normalised text).
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub range: Range<usize>,
    /// Index into [`Gazetteer::entries`].
    pub pattern: usize,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// The form as written in the data (the loosest, for the case check).
    form: String,
    entries: Vec<Entry>,
}

/// The automaton over every name in a dataset.
#[derive(Debug, Clone)]
pub(crate) struct Gazetteer {
    automaton: AhoCorasick,
    /// The same names, for overlapping search inside a name (standard match kind).
    overlapping: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

impl Gazetteer {
    pub fn new(data: &Dataset) -> Result<Self, aho_corasick::BuildError> {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |form: &str, entry: Entry| {
            let form = form.trim();
            if form.chars().count() < 2 {
                return;
            }
            let key = form.to_ascii_lowercase();
            let n = *by_key.entry(key).or_insert_with(|| {
                patterns.push(Pattern { form: form.to_string(), entries: Vec::new() });
                patterns.len() - 1
            });
            if let Some(p) = patterns.get_mut(n) {
                // Keep the loosest written form: a lower-case variant lifts the case check.
                if form.chars().next().is_some_and(char::is_lowercase) {
                    p.form = form.to_string();
                }
                if !p.entries.contains(&entry) {
                    p.entries.push(entry);
                }
            }
        };
        for island in data.islands() {
            for name in island.all_names() {
                add(name, Entry::Island(island.id));
            }
        }
        for name in data.collective_names() {
            for form in &name.forms {
                add(form, Entry::Collective { islands: name.islands, ambiguous: name.ambiguous });
            }
        }
        for party in data.parties() {
            let name = |form| Entry::Party { party: party.id.clone(), form };
            add(&party.name, name(PartyForm::Name));
            for a in party.official_name.iter().chain(&party.aliases) {
                add(a, name(PartyForm::Name));
            }
            for m in &party.metonyms {
                add(m, name(PartyForm::Metonym));
            }
            for a in &party.adjectives {
                add(a, name(PartyForm::Adjective));
            }
        }
        for agreement in data.agreements() {
            for name in std::iter::once(&agreement.name).chain(&agreement.aliases) {
                add(name, Entry::Agreement(agreement.id));
            }
        }
        for person in data.people() {
            for name in person.all_names() {
                add(name, Entry::Person(person.id.clone()));
            }
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|p| p.form.as_str()))?;
        let overlapping = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(patterns.iter().map(|p| p.form.as_str()))
            .ok();
        Ok(Gazetteer { automaton, overlapping, patterns })
    }

    /// Every name in the data, as matched.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().map(|p| p.form.as_str())
    }

    /// The entries a hit stands for.
    pub fn entries(&self, hit: &Hit) -> &[Entry] {
        self.patterns.get(hit.pattern).map_or(&[], |p| p.entries.as_slice())
    }

    /// Every name in `text`, leftmost-longest, on word boundaries and with the case check.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.matches(self.automaton.find_iter(text), text)
    }

    /// Every name in `text`, overlapping ones too ("Soviet" inside "Soviet-Japanese Joint
    /// Declaration"), on word boundaries and with the case check.
    pub fn find_all(&self, text: &str) -> Vec<Hit> {
        match &self.overlapping {
            Some(a) => self.matches(a.find_overlapping_iter(text), text),
            None => Vec::new(),
        }
    }

    fn matches(&self, found: impl Iterator<Item = aho_corasick::Match>, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for m in found {
            let range = m.start()..m.end();
            let Some(p) = self.patterns.get(m.pattern().as_usize()) else { continue };
            let Some(found) = text.get(range.clone()) else { continue };
            if bounded(text, &range, &p.form) && case_ok(&p.form, found) {
                out.push(Hit { range, pattern: m.pattern().as_usize() });
            }
        }
        out
    }
}

/// Latin, Greek and Cyrillic names need word boundaries; CJK names do not.
fn needs_boundary(c: Option<char>) -> bool {
    c.is_some_and(|c| is_word_char(c) && (c as u32) < 0x0530)
}

fn bounded(text: &str, range: &Range<usize>, form: &str) -> bool {
    let before_ok =
        !needs_boundary(form.chars().next()) || !char_before(text, range.start).is_some_and(is_word_char);
    let after_ok =
        !needs_boundary(form.chars().next_back()) || !char_at(text, range.end).is_some_and(is_word_char);
    before_ok && after_ok
}

/// Acronyms ("US", "UK", "USSR") must match exactly, so that "us" is not the United States;
/// a capitalised name must start with a capital, so that "abe" or "aso" are not people.
fn case_ok(form: &str, found: &str) -> bool {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() <= 5 && !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) {
        return form == found;
    }
    // A name of several words may open in lower case in running text ("the southern Kuril
    // Islands") as long as one of its words keeps its capital.
    if form.split_whitespace().count() > 1 {
        return !form.chars().any(char::is_uppercase) || found.chars().any(char::is_uppercase);
    }
    match (form.chars().next(), found.chars().next()) {
        (Some(f), Some(t)) if f.is_uppercase() => t.is_uppercase(),
        _ => true,
    }
}
