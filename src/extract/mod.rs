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
//! assert_eq!(evidence.text(doc.text()), "insisting on the return of all four islands");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! How it reads, in one pass each: the text is normalised (curly quotes, dashes, CRLF,
//! BOM) with a map back to original offsets; split into sentences; matched against the
//! gazetteer (one Aho–Corasick automaton); scanned for time expressions, stance cues and
//! figures (one regex each). The rules then work sentence by sentence over those lists.
//! Work is linear in the length of the text.

pub mod archive;
mod dates;
mod document;
mod events;
mod figures;
mod findings;
mod lexicon;
mod mentions;
mod numbers;
mod offset_index;
mod people;
mod reader;
mod record;
pub mod review;
mod scan;
mod stances;
mod text;

use std::collections::BTreeSet;

pub use crate::dataset::Skipped;
pub use document::{DEFAULT_MAX_DOCUMENT_BYTES, Document, DocumentError};
pub use figures::FigureUnit;
pub use findings::{
    AgreementMention, EventFinding, Evidence, Figure, IslandMention, PartyForm, PartyMention, PersonMention,
    PositionFinding, Quote,
};
pub use lexicon::{Lexicon, LexiconError, LexiconProblem, MAX_LEXICON_BYTES};
pub use record::{Record, RecordEvent, RecordFigure, RecordPerson, RecordPosition};
pub use review::{DocumentFindings, DocumentInfo, Extended, SentenceText};

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::error::Location;
use crate::id::PartyId;
use rayon::prelude::*;
use reader::Reader;
use scan::{Found, Scan};
use stances::FormulaIndex;

/// Why an extractor could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractorError {
    /// The names and triggers could not be compiled into one automaton.
    #[error("cannot build the {lang} automaton from the dataset's names and the pack's triggers: {source}")]
    Names {
        /// The language pack.
        lang: String,
        /// The automaton library's error (its type is not part of this crate's API).
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A language pack could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// A language pack names a party the dataset does not have.
    #[error("{at}: the lexicon names party \"{party}\", which the dataset does not have")]
    UnknownParty {
        /// Where in the lexicon.
        at: Location,
        /// The party id.
        party: String,
    },
    /// No language pack was given.
    #[error("an extractor needs at least one language pack")]
    NoLexicon,
}

/// Reads documents into typed findings, with the names of one dataset and the words of
/// one or more language packs.
#[derive(Debug, Clone)]
pub struct Extractor<'d> {
    data: &'d Dataset,
    packs: Vec<Lexicon>,
    /// One per pack, built when a document first needs it: an automaton over every name
    /// and trigger is tens of megabytes, and most runs read one language.
    readers: Vec<std::sync::OnceLock<Result<Reader, std::sync::Arc<aho_corasick::BuildError>>>>,
    index: std::sync::Arc<FormulaIndex>,
}

/// Everything found in one document. It serialises to JSON and reads back; a list left
/// out of the JSON (a reviewer's script keeping only what it reviews) reads as empty.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// The document's id.
    pub doc: String,
    /// The language it was read as (the id of the language pack).
    pub lang: String,
    /// The publication date: given with the document, or inferred from its text.
    #[serde(default)]
    pub published: Option<PartialDate>,
    /// Whether `published` was inferred from the text.
    #[serde(default)]
    pub published_inferred: bool,
    /// Islands named.
    #[serde(default)]
    pub islands: Vec<IslandMention>,
    /// States acting or acted upon.
    #[serde(default)]
    pub parties: Vec<PartyMention>,
    /// Agreements referred to.
    #[serde(default)]
    pub agreements: Vec<AgreementMention>,
    /// People, one entry per person.
    #[serde(default)]
    pub people: Vec<PersonMention>,
    /// Quotations.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Dated happenings.
    #[serde(default)]
    pub events: Vec<EventFinding>,
    /// Stated stances.
    #[serde(default)]
    pub positions: Vec<PositionFinding>,
    /// Numbers stated.
    #[serde(default)]
    pub figures: Vec<Figure>,
}

impl<'d> Extractor<'d> {
    /// An extractor with the names of `data` and the built-in language packs (English,
    /// Japanese, Russian).
    ///
    /// # Errors
    ///
    /// When the automaton of a pack cannot be built (far beyond any real dataset's size).
    pub fn new(data: &'d Dataset) -> Result<Self, ExtractorError> {
        let packs = Lexicon::builtin().map_err(|e| ExtractorError::Lexicon(e.clone()))?;
        Self::with_lexicons(data, packs.iter().cloned())
    }

    /// An extractor with the names of `data` and the given language packs (a user's own,
    /// the built-in ones, or both). A document is read with the pack of its language
    /// ([`Document::with_lang`]), else with the pack whose scripts its letters are in; the
    /// first pack is the default.
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    /// use kuril_dispute::extract::{Document, Extractor, Lexicon};
    ///
    /// let english = Lexicon::builtin()?.iter().find(|p| p.language() == "en").cloned();
    /// let extractor = Extractor::with_lexicons(Dataset::builtin(), english)?;
    /// let doc = Document::new("a.txt", "Tokyo demands the return of all four islands.")?;
    /// assert_eq!(extractor.extract(&doc).positions[0].formula.to_string(), "four-islands");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// No pack given, a pack that names a party the dataset lacks, or an automaton that
    /// cannot be built.
    pub fn with_lexicons(
        data: &'d Dataset,
        packs: impl IntoIterator<Item = Lexicon>,
    ) -> Result<Self, ExtractorError> {
        let packs: Vec<Lexicon> = packs.into_iter().collect();
        if packs.is_empty() {
            return Err(ExtractorError::NoLexicon);
        }
        for p in &packs {
            for (party, at) in &p.pack.party_refs {
                let known = data.party(party).is_ok();
                if !known {
                    return Err(ExtractorError::UnknownParty { at: at.clone(), party: party.clone() });
                }
            }
        }
        // The default pack's automaton now; the others' are checked now and built when a
        // document in their language comes.
        let mut readers = Vec::with_capacity(packs.len());
        for (k, p) in packs.iter().enumerate() {
            let names = |source: aho_corasick::BuildError| ExtractorError::Names {
                lang: p.language().to_string(),
                source: Box::new(source),
            };
            let slot = std::sync::OnceLock::new();
            if k == 0 {
                let _ = slot.set(Ok(Reader::new(data, &p.pack).map_err(names)?));
            } else {
                Reader::check_builds(data, &p.pack).map_err(names)?;
            }
            readers.push(slot);
        }
        Ok(Extractor { data, packs, readers, index: std::sync::Arc::new(FormulaIndex::new(data)) })
    }

    /// The dataset whose names this extractor matches.
    pub fn dataset(&self) -> &'d Dataset {
        self.data
    }

    /// The language packs, in order (the first is the default).
    pub fn lexicons(&self) -> &[Lexicon] {
        &self.packs
    }

    /// Every name of the dataset the extractor matches (in the first pack's automaton),
    /// as matched.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.reader(0).into_iter().flat_map(Reader::names)
    }

    /// Every pattern of the automaton for `lang` (names and triggers), as matched: what a
    /// bare Aho–Corasick pass over the same text would search for.
    pub fn patterns(&self, lang: &str) -> impl Iterator<Item = &str> {
        let k = self.packs.iter().position(|p| p.language() == lang);
        k.and_then(|k| self.reader(k)).into_iter().flat_map(Reader::forms)
    }

    /// The reader of pack `k`, built on first use. Its build was checked when the extractor
    /// was made, so it fails only as that check would have.
    fn reader(&self, k: usize) -> Option<&Reader> {
        let (slot, pack) = (self.readers.get(k)?, self.packs.get(k)?);
        slot.get_or_init(|| Reader::new(self.data, &pack.pack).map_err(std::sync::Arc::new)).as_ref().ok()
    }

    /// The pack a document is read with: its given language's, else the one whose
    /// scripts hold most of its letters.
    fn pack_for(&self, doc: &Document) -> usize {
        if let Some(k) = doc.lang().and_then(|l| self.packs.iter().position(|p| p.language() == l)) {
            return k;
        }
        let sample = text::window_after(doc.text(), 0, 64 * 1024);
        let mut counts = [0usize; <lexicon::Script as strum::EnumCount>::COUNT];
        for c in sample.chars() {
            if let Some(n) = lexicon::script_of(c).and_then(|s| counts.get_mut(s as usize)) {
                *n += 1;
            }
        }
        // Kana is Japanese alone: any amount of it outweighs the Han it writes beside.
        let weight = |s: &lexicon::Script| if *s == lexicon::Script::Kana { 3 } else { 1 };
        let mut best = (0usize, 0usize);
        for (k, p) in self.packs.iter().enumerate() {
            let score: usize = p
                .pack
                .scripts
                .iter()
                .map(|s| counts.get(*s as usize).copied().unwrap_or(0) * weight(s))
                .sum();
            if score > best.1 {
                best = (k, score);
            }
        }
        best.0
    }

    /// Reads one document.
    ///
    /// A long document is read in pieces of about [`PIECE_BYTES`], cut at paragraph (else
    /// line, else sentence, else word) ends, so memory stays bounded by the pieces read at
    /// once (as many as rayon's pool has threads; they are read side by side) and the
    /// findings; a publication date to infer is inferred from the first piece.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let k = self.pack_for(doc);
        let (Some(lexicon), Some(reader)) = (self.packs.get(k), self.reader(k)) else {
            return Extraction::empty(doc.id(), "und", doc.published());
        };
        let pack = &lexicon.pack;
        let text = doc.text();
        let pieces = pieces(text, PIECE_BYTES, pack);
        let mut published = doc.published();
        let mut inferred = false;
        if published.is_none() && pieces.len() > 1 {
            let first = pieces.first().cloned().unwrap_or(0..0);
            let scan = Scan::new(text.get(first).unwrap_or_default(), self.data, pack, reader, None, true);
            published = scan.published;
            inferred = published.is_some();
        }
        let mut out = Extraction::empty(doc.id(), pack.id.as_str(), published);
        out.published_inferred = inferred;
        let mut merge = Merge::default();
        let read = |n: usize, r: &std::ops::Range<usize>| {
            self.extract_piece(
                text.get(r.clone()).unwrap_or_default(),
                pack,
                reader,
                published,
                n == 0,
                pieces.len() == 1,
            )
        };
        if let [r] = pieces.as_slice() {
            let piece = read(0, r);
            out.published = piece.published;
            out.published_inferred = piece.published_inferred;
            merge.absorb(&mut out, piece, r.start);
            return out;
        }
        // The pieces of a long document are read side by side, as many at a time as the
        // thread pool has threads (so memory stays bounded by that many pieces), and joined
        // in order: the record is the same as reading them one after another.
        let batch = rayon::current_num_threads().max(1);
        for (b, chunk) in pieces.chunks(batch).enumerate() {
            let done: Vec<Piece> =
                chunk.par_iter().enumerate().map(|(i, r)| read(b * batch + i, r)).collect();
            for (r, piece) in chunk.iter().zip(done) {
                merge.absorb(&mut out, piece, r.start);
            }
        }
        out
    }

    /// Reads one piece of a document (`first`: the document's beginning, holding its lead).
    fn extract_piece(
        &self,
        text: &str,
        pack: &lexicon::Pack,
        reader: &Reader,
        published: Option<PartialDate>,
        first: bool,
        infer: bool,
    ) -> Piece {
        let mut scan = Scan::new(text, self.data, pack, reader, published, infer);
        let mut agreements = mentions::agreements(&scan);
        scan.mark_names(agreements.iter().map(|a| &a.at));
        // A formula named with its year ("the 1956 terms") dates the formula, not the
        // sentence.
        let concepts: Vec<std::ops::Range<usize>> = scan
            .hits
            .iter()
            .filter(|h| {
                scan.reader.entries(h).any(|e| {
                    matches!(e, reader::Entry::Formula(_) | reader::Entry::Term(lexicon::Term::Concept(_)))
                })
            })
            .map(|h| h.range())
            .collect();
        scan.mark_names(concepts.iter());
        scan.date_narrative_months();
        scan.date_signing_days(
            agreements.iter().map(|a| (a.at.clone(), self.data.agreement(a.item.agreement).signed)),
        );
        let parties = mentions::parties(&scan);
        let people = people::people(&scan);
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
        // The speaker of a quote acts in its sentence ("'…,' he said yesterday").
        for q in &people.quotes {
            let party =
                q.item.speaker.as_deref().and_then(|s| people.by_name(s)).and_then(|m| m.party.clone());
            if let (Some(party), Some(s)) = (party, sentence_parties.get_mut(scan.sentence_of(q.at.end))) {
                s.insert(party);
            }
        }
        // "The two leaders", «лидеры», 両首脳, in a sentence about the dispute that names no
        // state: the two or more states the nearest sentence before named, within the pack's
        // reach, act in it ("The leaders talked again in September").
        if !pack.both_sides.is_empty() {
            for k in 0..sentence_parties.len() {
                let s = scan.sentence(k);
                if sentence_parties.get(k).is_none_or(|p| !p.is_empty())
                    || !scan.in_play(s.start)
                    || pack.both_sides.find_in(scan.text(), s.clone()).next().is_none()
                {
                    continue;
                }
                let floor = s.start.saturating_sub(pack.both_sides_reach);
                let pair = (0..k)
                    .rev()
                    .take_while(|&j| scan.sentence(j).start >= floor)
                    .find_map(|j| sentence_parties.get(j).filter(|p| p.len() >= 2).cloned());
                if let (Some(pair), Some(slot)) = (pair, sentence_parties.get_mut(k)) {
                    *slot = pair;
                }
            }
        }
        let implied = mentions::implied_agreements(&scan, &sentence_parties, &agreements);
        agreements.extend(implied);
        agreements.sort_by_key(|a| a.at.start);
        mentions::referring_heads(&scan, &mut agreements);
        let islands = mentions::islands(&scan, &agreements);
        let positions = stances::positions(&scan, &parties, &people, &agreements, &self.index);
        let mut events =
            events::events(&scan, &parties, &sentence_parties, &agreements, &positions, &people, first);
        sentence_context(&scan, &mut events, &islands, &people);
        events::taken_from(&scan, &mut events);
        let figures = figures::figures(&scan);
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

/// Gives each event the islands and the people named in its sentence: what a dataset
/// records of it, and what `timeline().island(..)` and a person's events find it by.
fn sentence_context(
    scan: &Scan<'_>,
    events: &mut [Found<EventFinding>],
    islands: &[Found<IslandMention>],
    people: &people::People,
) {
    if events.is_empty() {
        return;
    }
    // Only the sentences that hold an event: (islands, indexes of people mentions).
    let mut context: rustc_hash::FxHashMap<usize, (crate::island::IslandSet, Vec<usize>)> =
        events.iter().map(|e| (scan.sentence_of(e.at.start), Default::default())).collect();
    for m in islands {
        if let Some((set, _)) = context.get_mut(&scan.sentence_of(m.at.start)) {
            *set = *set | m.item.islands;
        }
    }
    for (r, i) in &people.occurrences {
        if let Some((_, named)) = context.get_mut(&scan.sentence_of(r.start))
            && !named.contains(i)
        {
            named.push(*i);
        }
    }
    for e in events {
        if let Some((set, named)) = context.get(&scan.sentence_of(e.at.start)) {
            e.item.islands = *set;
            e.item.people =
                named.iter().filter_map(|&i| people.mentions.get(i)).map(|m| m.item.name.clone()).collect();
        }
    }
}

fn items<T>(found: Vec<Found<T>>) -> Vec<T> {
    found.into_iter().map(|f| f.item).collect()
}

/// The size of the pieces a long document is read in: 1 MiB.
pub const PIECE_BYTES: usize = 1 << 20;

/// Cuts `text` into pieces of about `size` bytes at paragraph ends (else line ends,
/// else sentence ends, else clause or word ends, else char boundaries), so that no name
/// or phrase is split unless a quarter of a piece holds no break at all.
fn pieces(text: &str, size: usize, pack: &lexicon::Pack) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let hard = text::floor_boundary(text, start + size);
        let window = text::window_before(text, hard, size / 4);
        let from = hard - window.len();
        let sentence_end = || {
            pack.sentence_ends
                .iter()
                .filter_map(|e| {
                    let spaced = format!("{e} ");
                    if e.is_ascii() {
                        window.rfind(&spaced).map(|i| i + spaced.len())
                    } else {
                        window.rfind(e.as_str()).map(|i| i + e.len())
                    }
                })
                .max()
        };
        // The best cut that exists, tried in order (each a search of the window).
        let cut = window
            .rfind("\n\n")
            .map(|i| i + 2)
            .or_else(|| window.rfind('\n').map(|i| i + 1))
            .or_else(sentence_end)
            .or_else(|| window.rfind(", ").map(|i| i + 2))
            .or_else(|| window.rfind('、').map(|i| i + '、'.len_utf8()))
            .or_else(|| window.rfind(' ').map(|i| i + 1))
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
    people: rustc_hash::FxHashMap<String, usize>,
    /// Each event once, with its index in the document's events.
    events: rustc_hash::FxHashMap<RecordEvent, usize>,
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
            match self.events.get(&key).and_then(|&i| out.events.get_mut(i)) {
                // Seen in an earlier piece: what this sentence names is added to it.
                Some(known) => {
                    known.islands = known.islands | e.islands;
                    for name in e.people {
                        if !known.people.contains(&name) {
                            known.people.push(name);
                        }
                    }
                }
                None => {
                    e.evidence.shift(offset);
                    self.events.insert(key, out.events.len());
                    out.events.push(e);
                }
            }
        }
    }
}

impl Extraction {
    /// An extraction with nothing found yet.
    fn empty(doc: &str, lang: &str, published: Option<PartialDate>) -> Self {
        Extraction {
            doc: doc.to_string(),
            lang: lang.to_string(),
            published,
            published_inferred: false,
            islands: Vec::new(),
            parties: Vec::new(),
            agreements: Vec::new(),
            people: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            positions: Vec::new(),
            figures: Vec::new(),
        }
    }

    /// The record of the annotation schema: sets of ids, sorted and without repeats, with
    /// agreements and formulas limited to the schema's lists.
    pub fn record(&self) -> Record {
        let islands: BTreeSet<_> = self.islands.iter().flat_map(|m| m.islands).collect();
        // The states named, and every state the record has act or hold a position: the
        // signatories of an agreement the text names (its signing is an event of theirs: "the
        // 1956 declaration" has the Soviet Union act), the other side of a visit read from
        // its destination ("a visit to Moscow" in 1973), a position's holder.
        let actors = self.events.iter().flat_map(|e| e.actors.iter().cloned());
        let holders = self.positions.iter().map(|p| p.holder.clone());
        let parties: BTreeSet<_> =
            self.parties.iter().map(|m| m.party.clone()).chain(actors).chain(holders).collect();
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
            lang: self.lang.clone(),
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
        assert_eq!(ExtractorError::NoLexicon.to_string(), "an extractor needs at least one language pack");
    }

    #[test]
    fn pieces_cut_at_paragraphs_and_cover_the_text() {
        let text = "aaaa bbbb.\n\ncccc dddd.\neeee ffff. gggg";
        let packs = Lexicon::builtin().unwrap();
        let en = &packs[0].pack;
        let p = pieces(text, 12, en);
        assert_eq!(p.first().map(|r| r.start), Some(0));
        assert_eq!(p.last().map(|r| r.end), Some(text.len()));
        assert!(p.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(&text[p[0].clone()], "aaaa bbbb.\n\n");
        // Text without a break is cut at char boundaries.
        let text = "\u{3042}".repeat(10);
        assert!(
            pieces(&text, 4, en)
                .iter()
                .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        );
    }
}
