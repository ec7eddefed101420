//! Typed records from news documents.
//!
//! An [`Extractor`] is built from a [`Dataset`]: every name it matches (islands in three
//! languages, collective names, parties with aliases, metonyms and adjectives, agreements,
//! people) comes from the data, so a new alias in `data/` needs no code change. It reads a
//! [`Document`] and returns an [`Extraction`]: the crate's own typed findings, each with
//! its [`Evidence`] (the byte span in the original text and the sentence around it), and a
//! [`Record`] view in the shape of the shared annotation schema.
//!
//! ```
//! use kuril_dispute::Dataset;
//! use kuril_dispute::extract::{Document, Extractor};
//!
//! let extractor = Extractor::new(Dataset::builtin())?;
//! let doc = Document::new(
//!     "note.txt",
//!     "Tokyo rejected the offer on Monday. \"We will not sign without the islands,\" \
//!      Foreign Minister Taro Kono said, insisting on the return of all four islands.",
//! )?
//! .with_published("2018-09-14".parse()?);
//! let found = extractor.extract(&doc);
//! assert_eq!(found.events[0].date.to_string(), "2018-09-10");
//! assert_eq!(found.people[0].name, "Taro Kono");
//! assert_eq!(found.quotes[0].speaker.as_deref(), Some("Taro Kono"));
//! let evidence = found.positions[0].evidence;
//! assert_eq!(evidence.text(doc.text()), "return of all four islands");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! How it reads, in one pass each: the text is normalised (curly quotes, dashes, CRLF,
//! BOM) with a map back to original offsets; split into sentences; matched against the
//! gazetteer (one Aho–Corasick automaton); scanned for time expressions, stance cues and
//! figures (one regex each). The rules then work sentence by sentence over those lists.
//! Work is linear in the length of the text.

mod dates;
mod document;
mod events;
mod figures;
mod findings;
mod gazetteer;
mod loader;
mod mentions;
mod people;
mod positions;
mod record;
mod scan;
mod stance;
mod text;

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

pub use document::{DEFAULT_MAX_DOCUMENT_BYTES, Document, DocumentError};
pub use figures::FigureUnit;
pub use findings::{
    AgreementMention, EventFinding, Evidence, Figure, IslandMention, PartyMention, PersonMention,
    PositionFinding, Quote,
};
pub use gazetteer::PartyForm;
pub use loader::{Extended, Skipped};
pub use record::{Record, RecordEvent, RecordFigure, RecordPerson, RecordPosition};

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::id::PartyId;
use gazetteer::Gazetteer;
use scan::{Found, Scan};

/// Why an extractor could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractorError {
    /// The names of the dataset could not be compiled into one automaton.
    #[error("cannot build the name automaton from the dataset's names: {source}")]
    Names {
        /// The underlying error.
        #[source]
        source: aho_corasick::BuildError,
    },
    /// One of the extractor's own patterns did not compile (a bug in this crate).
    #[error("the extractor's {rule} patterns do not compile")]
    Rules {
        /// Which rule set.
        rule: &'static str,
    },
}

/// Reads documents into typed findings, with the names of one dataset.
#[derive(Debug, Clone)]
pub struct Extractor<'d> {
    data: &'d Dataset,
    gazetteer: Gazetteer,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    /// The document's id.
    pub doc: String,
    /// The publication date: given with the document, or inferred from its text.
    pub published: Option<PartialDate>,
    /// Whether `published` was inferred from the text.
    pub published_inferred: bool,
    /// Islands named.
    pub islands: Vec<IslandMention>,
    /// States acting or acted upon.
    pub parties: Vec<PartyMention>,
    /// Agreements referred to.
    pub agreements: Vec<AgreementMention>,
    /// People, one entry per person.
    pub people: Vec<PersonMention>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Dated happenings.
    pub events: Vec<EventFinding>,
    /// Stated stances.
    pub positions: Vec<PositionFinding>,
    /// Numbers stated.
    pub figures: Vec<Figure>,
}

impl<'d> Extractor<'d> {
    /// An extractor with the names of `data`.
    pub fn new(data: &'d Dataset) -> Result<Self, ExtractorError> {
        let gazetteer = Gazetteer::new(data).map_err(|source| ExtractorError::Names { source })?;
        for (rule, ok) in [
            ("date", dates::compiles()),
            ("stance", stance::compiles()),
            ("figure", figures::compiles()),
            ("agreement", mentions::compiles()),
            ("person", people::compiles()),
            ("event", events::compiles()),
            ("context", CONTEXT.is_some()),
        ] {
            if !ok {
                return Err(ExtractorError::Rules { rule });
            }
        }
        Ok(Extractor { data, gazetteer })
    }

    /// The dataset whose names this extractor matches.
    pub fn dataset(&self) -> &'d Dataset {
        self.data
    }

    /// Every name the extractor matches, as written in the data.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.gazetteer.forms()
    }

    /// Reads one document.
    ///
    /// A long document is read in pieces of about [`PIECE_BYTES`], cut at paragraph (else
    /// line, else sentence) ends, so memory stays bounded by the piece and the findings;
    /// a publication date to infer is inferred from all pieces first.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text();
        let pieces = pieces(text, PIECE_BYTES);
        let mut published = doc.published();
        let mut inferred = false;
        if published.is_none() && pieces.len() > 1 {
            let mut clues = dates::PublishedClues::default();
            for (n, r) in pieces.iter().enumerate() {
                let norm = text::Normalized::new(text.get(r.clone()).unwrap_or_default());
                clues.observe(&norm.text, &dates::find(&norm.text), n == 0);
            }
            published = clues.date();
            inferred = published.is_some();
        }
        let mut out = Extraction {
            doc: doc.id().to_string(),
            published,
            published_inferred: inferred,
            islands: Vec::new(),
            parties: Vec::new(),
            agreements: Vec::new(),
            people: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            positions: Vec::new(),
            figures: Vec::new(),
        };
        let mut merge = Merge::default();
        for (n, r) in pieces.iter().enumerate() {
            let piece = self.extract_piece(
                text.get(r.clone()).unwrap_or_default(),
                published,
                n == 0,
                pieces.len() == 1,
            );
            if pieces.len() == 1 {
                out.published = piece.published;
                out.published_inferred = piece.published_inferred;
            }
            merge.absorb(&mut out, piece, r.start);
        }
        out
    }

    /// Reads one piece of a document (`first`: the document's beginning, holding its lead).
    fn extract_piece(&self, text: &str, published: Option<PartialDate>, first: bool, infer: bool) -> Piece {
        let data = self.data;
        let gaz = &self.gazetteer;
        let mut scan = Scan::new(text, gaz, published, infer);
        let mut agreements = mentions::agreements(&scan, gaz, data);
        scan.mark_names(agreements.iter().map(|a| &a.at));
        let parties = mentions::parties(&scan, gaz, data);
        let people = people::people(&scan, gaz, data);
        let mut sentence_parties: Vec<BTreeSet<PartyId>> = vec![BTreeSet::new(); scan.sentences.len()];
        for p in &parties {
            if let Some(s) = sentence_parties.get_mut(scan.sentence_of(p.at.start)) {
                s.insert(p.item.party.clone());
            }
        }
        for (r, i) in &people.occurrences {
            let party = people.mentions.get(*i).and_then(|m| m.item.party.clone());
            if let (Some(party), Some(s)) = (party, sentence_parties.get_mut(scan.sentence_of(r.start))) {
                s.insert(party);
            }
        }
        let implied = mentions::implied_agreements(&scan, data, &sentence_parties, &agreements);
        agreements.extend(implied);
        agreements.sort_by_key(|a| a.at.start);
        let islands = mentions::islands(&scan, gaz, data, &agreements);
        let cues = stance::find(scan.text());
        let events = events::events(&scan, data, &sentence_parties, &agreements, &cues, &people, first);
        let positions = positions::positions(&scan, data, &cues, &parties, &people, &agreements);
        let figures = figures(&scan);
        Piece {
            published: scan.published,
            published_inferred: scan.published_inferred,
            islands: items(islands),
            parties: items(parties),
            agreements: items(agreements),
            people: items(people.mentions),
            quotes: items(people.quotes),
            events: items(events),
            positions: items(positions),
            figures: items(figures),
        }
    }
}

fn items<T>(found: Vec<Found<T>>) -> Vec<T> {
    found.into_iter().map(|f| f.item).collect()
}

/// The size of the pieces a long document is read in: 1 MiB.
pub const PIECE_BYTES: usize = 1 << 20;

/// Cuts `text` into pieces of about `size` bytes at paragraph ends (else line ends, else
/// sentence ends, else char boundaries).
fn pieces(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let hard = text::floor_boundary(text, start + size);
        let window = text::window_before(text, hard, size / 4);
        let from = hard - window.len();
        let cut = [
            window.rfind("\n\n").map(|i| i + 2),
            window.rfind('\n').map(|i| i + 1),
            window.rfind(". ").map(|i| i + 2),
        ]
        .into_iter()
        .flatten()
        .next()
        .map_or(hard, |i| from + i);
        let cut = if cut <= start { hard.max(start + 1) } else { cut };
        let cut = text::floor_boundary(text, cut).max(start + 1);
        let cut = (cut..=text.len()).find(|&c| text.is_char_boundary(c)).unwrap_or(text.len());
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// What one piece of a document gave.
#[derive(Debug)]
struct Piece {
    published: Option<PartialDate>,
    published_inferred: bool,
    islands: Vec<IslandMention>,
    parties: Vec<PartyMention>,
    agreements: Vec<AgreementMention>,
    people: Vec<PersonMention>,
    quotes: Vec<Quote>,
    events: Vec<EventFinding>,
    positions: Vec<PositionFinding>,
    figures: Vec<Figure>,
}

/// Appends a piece's findings, their spans moved `offset` bytes on. Growth is exact: a
/// document's findings can outnumber a piece's by far.
fn append<T: findings::Evidenced>(out: &mut Vec<T>, items: Vec<T>, offset: usize) {
    out.reserve_exact(items.len());
    out.extend(items.into_iter().map(|mut m| {
        m.evidence_mut().shift(offset);
        m
    }));
}

/// Joins pieces: spans shifted to the document, each person once, each event once.
#[derive(Debug, Default)]
struct Merge {
    people: std::collections::HashMap<String, usize>,
    events: std::collections::HashSet<RecordEvent>,
}

impl Merge {
    fn absorb(&mut self, out: &mut Extraction, piece: Piece, offset: usize) {
        append(&mut out.islands, piece.islands, offset);
        append(&mut out.parties, piece.parties, offset);
        append(&mut out.agreements, piece.agreements, offset);
        append(&mut out.quotes, piece.quotes, offset);
        append(&mut out.positions, piece.positions, offset);
        append(&mut out.figures, piece.figures, offset);
        for mut p in piece.people {
            let key = p.person.as_ref().map_or_else(|| p.name.clone(), |id| format!("id:{id}"));
            match self.people.get(&key).and_then(|&i| out.people.get_mut(i)) {
                Some(known) => {
                    known.party = known.party.take().or(p.party);
                    known.title = known.title.take().or(p.title);
                    known.official |= p.official;
                }
                None => {
                    p.evidence.shift(offset);
                    self.people.insert(key, out.people.len());
                    out.people.push(p);
                }
            }
        }
        for mut e in piece.events {
            let key = RecordEvent {
                date: e.date,
                kind: e.kind,
                actors: e.actors.clone(),
                agreement: e.agreement,
                formula: e.formula,
            };
            if self.events.insert(key) {
                e.evidence.shift(offset);
                out.events.push(e);
            }
        }
    }
}

/// Words that put a sentence in the dispute's context (besides any name the gazetteer knows).
static CONTEXT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:treaty|talks|negotiat\w*|war|poll|survey|relations|summit|islands?|territor\w*|sovereignty|dispute|meetings?|jets|troops)(?-u:\b)").ok()
});

const FILLER: &[&str] = &[
    "of", "the", "a", "an", "in", "on", "and", "have", "has", "had", "more", "since", "after", "for", "to",
    "with", "who", "that", "were", "was", "are", "is",
];

fn figures(scan: &Scan<'_>) -> Vec<Found<Figure>> {
    let text = scan.text();
    let Some(context) = CONTEXT.as_ref() else { return Vec::new() };
    let mut out = Vec::new();
    let mut in_context: std::collections::HashMap<usize, bool> = std::collections::HashMap::new();
    for f in figures::find(text) {
        let si = scan.sentence_of(f.range.start);
        let s = scan.sentence(si);
        let about_the_dispute = *in_context
            .entry(si)
            .or_insert_with(|| !scan.hits_in(&s).is_empty() || context.is_match(scan.slice(&s)));
        if !about_the_dispute {
            continue;
        }
        let what = match &f.noun {
            Some(noun) => noun.replace(' ', "-"),
            None => {
                let words: Vec<String> = mentions::words_after(text, f.range.end, 8)
                    .into_iter()
                    .filter(|w| !FILLER.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
                    .take(4)
                    .collect();
                let prefix = if f.unit == FigureUnit::Years { "years-" } else { "" };
                format!("{prefix}{}", words.join("-"))
            }
        };
        let date = scan.date_at(f.range.start).or(scan.published);
        out.push(Found::new(
            f.range.clone(),
            Figure { value: f.value, unit: f.unit, what, date, evidence: scan.evidence(&f.range) },
        ));
    }
    out
}

impl Extraction {
    /// The record of the annotation schema: sets of ids, sorted and without repeats, with
    /// agreements and formulas limited to the schema's lists.
    pub fn record(&self) -> Record {
        let islands: BTreeSet<_> = self.islands.iter().flat_map(|m| m.islands).collect();
        let parties: BTreeSet<_> = self.parties.iter().map(|m| m.party.clone()).collect();
        let agreements: BTreeSet<_> =
            self.agreements.iter().map(|m| m.agreement).filter(|a| a.in_annotation_schema()).collect();
        let people: BTreeSet<_> = self
            .people
            .iter()
            .map(|p| RecordPerson { name: p.name.clone(), party: p.party.clone() })
            .collect();
        let events: BTreeSet<_> = self
            .events
            .iter()
            .map(|e| RecordEvent {
                date: e.date,
                kind: e.kind,
                actors: e.actors.clone(),
                agreement: e.agreement.filter(|a| a.in_annotation_schema()),
                formula: e.formula.filter(|f| f.in_annotation_schema()),
            })
            .collect();
        let positions: BTreeSet<_> = self
            .positions
            .iter()
            .filter(|p| p.formula.in_annotation_schema())
            .map(|p| RecordPosition { holder: p.holder.clone(), formula: p.formula, date: p.date })
            .collect();
        let mut figures: Vec<RecordFigure> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for f in &self.figures {
            if seen.insert((f.value.to_bits(), f.unit)) {
                figures.push(RecordFigure {
                    value: f.value,
                    unit: f.unit,
                    what: f.what.clone(),
                    date: f.date,
                });
            }
        }
        Record {
            doc: self.doc.clone(),
            published: self.published,
            islands: islands.into_iter().collect(),
            parties: parties.into_iter().collect(),
            agreements: agreements.into_iter().collect(),
            people: people.into_iter().collect(),
            events: events.into_iter().collect(),
            positions: positions.into_iter().collect(),
            figures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_errors_say_what_failed() {
        let e = ExtractorError::Rules { rule: "stance" };
        assert_eq!(e.to_string(), "the extractor's stance patterns do not compile");
    }

    #[test]
    fn pieces_cut_at_paragraphs_and_cover_the_text() {
        let text = "aaaa bbbb.\n\ncccc dddd.\neeee ffff. gggg";
        let p = pieces(text, 12);
        assert_eq!(p.first().map(|r| r.start), Some(0));
        assert_eq!(p.last().map(|r| r.end), Some(text.len()));
        assert!(p.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(&text[p[0].clone()], "aaaa bbbb.\n\n");
        // Text without a break is cut at char boundaries.
        let text = "\u{3042}".repeat(10);
        assert!(
            pieces(&text, 4).iter().all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        );
    }
}
