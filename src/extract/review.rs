//! Review, then merge: what the extractor finds in a document, in a record that can be
//! written as JSON, read by a person or a script, edited or filtered, read back, and
//! merged into a [`Dataset`] without the document's text.
//!
//! A [`DocumentFindings`] holds the document's metadata (what its [`Source`] is made of),
//! the [`Extraction`] (every finding with its byte spans) and the words each citation
//! quotes. [`Dataset::merge_extractions`] (or a [`Merger`] fed one document at a time)
//! turns the findings into records: a finding that matches a record already there (a
//! curated one, or one added from an earlier document) becomes one more citation of it; a
//! person or event found in many documents becomes one record with many citations; a new
//! one is added, marked [`extracted`](Event::extracted), citing the document, the span and
//! the sentence's words; a new event carries the people and islands of its sentence.
//! What cannot become a record (a state acting outside its lifetime, a signing off its
//! agreement's date, a stance without a date, an id the dataset lacks, an empty span) is
//! reported in [`Merged::skipped`], never silently dropped, and the result passes the
//! checks of [`Dataset::from_dir`].
//!
//! ```
//! use kuril_dispute::{Dataset, Island, PartialDate};
//! use kuril_dispute::extract::{Document, DocumentFindings, Extractor};
//!
//! let extractor = Extractor::new(Dataset::builtin())?;
//! let doc = Document::new("n1", "Foreign Minister Taro Kono visited Kunashiri on Tuesday, the ministry said.")?
//!     .with_published("2019-05-16".parse()?)
//!     .with_outlet("Harbour Evening Post");
//! // Written for review, edited, read back.
//! let json = serde_json::to_string(&extractor.extract_for_review(&doc))?;
//! let mut reviewed: DocumentFindings = serde_json::from_str(&json)?;
//! reviewed.findings.events.retain(|e| e.kind.to_string() == "visit");
//! // Merged: the visit is filed under its island and its person.
//! let merged = Dataset::builtin().merge_extractions([&reviewed])?;
//! let kono: kuril_dispute::PersonId = "taro-kono".parse()?;
//! let visits: Vec<_> = merged.dataset.events().filter(|e| e.extracted && e.people.contains(&kono)).collect();
//! assert_eq!(visits.len(), 1);
//! assert!(visits[0].islands.contains(Island::Kunashir));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Borrow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::findings::{EventFinding, PersonMention};
use super::{Document, Evidence, Extraction, Extractor, PositionFinding};
use crate::dataset::{Dataset, Merged, Merger};
use crate::error::LoadError;
use crate::event::{Event, EventKind};
use crate::id::{PersonId, SourceId};
use crate::person::Person;
use crate::position::Position;
use crate::source::{Citation, MAX_QUOTE_BYTES, MAX_QUOTE_WORDS, Source, SourceKind, Span};

/// A dataset built or extended from documents, and what became of each finding (the
/// report of any merge).
pub type Extended = Merged;

/// What is known of a document besides its text and what the extractor found: what the
/// [`Source`] of its findings is made of. Fields not given are left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentInfo {
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Its language, as given with it (the language it was read as is
    /// [`Extraction::lang`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl DocumentInfo {
    /// What `doc` was given with.
    pub fn of(doc: &Document) -> Self {
        let own = |v: Option<&str>| v.map(str::to_string);
        DocumentInfo {
            title: own(doc.title()),
            outlet: own(doc.outlet()),
            url: own(doc.url()),
            author: own(doc.author()),
            lang: own(doc.lang()),
        }
    }
}

/// The words a citation quotes from one sentence: its first words, within the quote
/// limits ([`MAX_QUOTE_WORDS`] words, [`MAX_QUOTE_BYTES`] bytes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SentenceText {
    /// The sentence's span in the document (an [`Evidence::sentence`]).
    pub span: Span,
    /// Its first words.
    pub text: String,
}

/// One document's findings, made to be reviewed and merged: the document's metadata, the
/// [`Extraction`], and the words of every sentence a person, event or position was read
/// in (what their citations quote). It serialises to one JSON object (the extract
/// example's `--findings` writes one per line) and reads back; a reviewer may drop
/// findings, change their fields, or drop the whole document. Merge it with
/// [`Dataset::merge_extractions`] or [`Merger::add`].
///
/// ```
/// use kuril_dispute::Dataset;
/// use kuril_dispute::extract::{Document, DocumentFindings, Extractor};
///
/// let extractor = Extractor::new(Dataset::builtin())?;
/// let doc = Document::new("a.txt", "Moscow insists that Tokyo accept the post-war realities, Lavrov said.")?
///     .with_url("https://news.example/a");
/// let found = extractor.extract_for_review(&doc);
/// assert_eq!(found.document.url.as_deref(), Some("https://news.example/a"));
/// let quoted = found.quote(&found.findings.positions[0].evidence);
/// assert_eq!(quoted, Some("Moscow insists that Tokyo accept the post-war realities, Lavrov said."));
/// let back: DocumentFindings = serde_json::from_str(&serde_json::to_string(&found)?)?;
/// assert_eq!(back, found);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentFindings {
    /// What the document was given with.
    #[serde(default)]
    pub document: DocumentInfo,
    /// What was found in it.
    pub findings: Extraction,
    /// The words each citation quotes, by sentence, in order.
    #[serde(default)]
    pub sentences: Vec<SentenceText>,
}

impl DocumentFindings {
    /// The findings of `doc` ready for review: its metadata, and the words of each
    /// sentence a person, event or position of `findings` stands in.
    pub fn new(doc: &Document, findings: Extraction) -> Self {
        let text = doc.text();
        let evidence = findings
            .people
            .iter()
            .map(|p| &p.evidence)
            .chain(findings.events.iter().map(|e| &e.evidence))
            .chain(findings.positions.iter().map(|p| &p.evidence));
        let mut spans: Vec<Span> = evidence.map(|e| e.sentence).collect();
        spans.sort();
        spans.dedup();
        let sentences = spans
            .into_iter()
            .filter_map(|span| {
                let words = quote(text.get(span.start..span.end).unwrap_or_default());
                (!words.is_empty()).then_some(SentenceText { span, text: words })
            })
            .collect();
        DocumentFindings { document: DocumentInfo::of(doc), findings, sentences }
    }

    /// The words a finding's citation quotes: the first words of its sentence.
    pub fn quote(&self, evidence: &Evidence) -> Option<&str> {
        self.sentences.iter().find(|s| s.span == evidence.sentence).map(|s| s.text.as_str())
    }
}

/// Lower-case kebab-case of `s`, at most `max` bytes, or `fallback`.
fn slug(s: &str, max: usize, fallback: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { fallback.to_string() } else { out }
}

/// The first words of `text`, within the quote limits (words, then bytes: a sentence in
/// a script written without spaces is one long word).
fn quote(text: &str) -> String {
    let mut out = text.split_whitespace().take(MAX_QUOTE_WORDS).collect::<Vec<_>>().join(" ");
    if out.len() > MAX_QUOTE_BYTES {
        out.truncate(super::text::floor_boundary(&out, MAX_QUOTE_BYTES));
    }
    out
}

/// The largest byte offset a span may have (a TOML integer).
const MAX_OFFSET: u64 = i64::MAX as u64;

fn at(span: Span) -> String {
    format!("at [{}, {}]", span.start, span.end)
}

fn describe_person(p: &PersonMention) -> String {
    let party = p.party.as_ref().map(|p| format!(" ({p})")).unwrap_or_default();
    format!("person \"{}\"{party} {}", p.name, at(p.evidence.span))
}

fn describe_event(e: &EventFinding) -> String {
    let actors: Vec<&str> = e.actors.iter().map(|a| a.as_str()).collect();
    let about = e.agreement.map(|a| format!(" [{a}]")).unwrap_or_default();
    format!("event {} {} {}{about} {}", e.date, e.kind, actors.join("+"), at(e.evidence.span))
}

fn describe_position(p: &PositionFinding) -> String {
    let date = p.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
    format!("position {} {} {date} {}", p.holder, p.formula, at(p.evidence.span))
}

impl Extractor<'_> {
    /// Reads one document into a record for review ([`DocumentFindings`]).
    pub fn extract_for_review(&self, doc: &Document) -> DocumentFindings {
        DocumentFindings::new(doc, self.extract(doc))
    }

    /// The extractor's dataset extended with what `docs` say: each document read and
    /// merged at once, unreviewed ([`Dataset::merge_extractions`] of
    /// [`extract_for_review`](Self::extract_for_review)). Each document becomes a
    /// [`Source`]; each person, event and position found becomes a record cited with the
    /// document and the finding's span, or one more citation of the record it matches
    /// (same person; same kind, overlapping date, shared actor and agreement for an event;
    /// same holder, formula and year for a position).
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    /// use kuril_dispute::extract::{Document, Extractor};
    ///
    /// let extractor = Extractor::new(Dataset::builtin())?;
    /// // A stance the curated data has for 2019: linked, one more citation.
    /// let known = Document::new("a.txt", "Japan demands the return of all four islands.")?
    ///     .with_published("2019-11-20".parse()?);
    /// // One it lacks for 2017: added, marked as extracted.
    /// let new = Document::new("b.txt", "Japan demands the return of all four islands.")?
    ///     .with_published("2017-03-02".parse()?);
    /// let out = extractor.extend_dataset(&[known, new])?;
    /// assert_eq!((out.linked, out.added), (1, 1));
    /// let added: Vec<_> = out.dataset.positions().filter(|p| p.extracted).collect();
    /// assert_eq!(added[0].stated.to_string(), "2017-03-02");
    /// assert_eq!(added[0].cite[0].source.as_str(), "doc-b-txt");
    /// assert_eq!(out.dataset.positions().count(), Dataset::builtin().positions().count() + 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`LoadError`] if the extended data fails the dataset's checks (which the merge
    /// guards against: such findings are reported in [`Merged::skipped`]).
    pub fn extend_dataset(&self, docs: &[Document]) -> Result<Extended, LoadError> {
        self.dataset().merge_extractions(docs.iter().map(|d| self.extract_for_review(d)))
    }

    /// A dataset of what `docs` say: the extractor's reference tables (sources, islands,
    /// names, parties, people, agreements, formulas, administration, claims) and the
    /// events and positions found in the documents, with the people found added. Findings
    /// that repeat each other are linked, as in [`extend_dataset`](Self::extend_dataset).
    ///
    /// # Errors
    ///
    /// As [`extend_dataset`](Self::extend_dataset).
    pub fn dataset_from(&self, docs: &[Document]) -> Result<Extended, LoadError> {
        let mut merger = Merger::new(self.dataset(), false);
        for doc in docs {
            merger.add(&self.extract_for_review(doc));
        }
        merger.finish()
    }
}

impl Dataset {
    /// This dataset with reviewed findings merged in, one [`DocumentFindings`] per
    /// document (see the [module](crate::extract::review) and [`Merger::add`]); the result
    /// is checked as [`Dataset::from_dir`] checks data, and the report says what was
    /// linked, added and skipped. Time is linear in the number of findings and records.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] if the merged data fails the dataset's checks (findings that would
    /// are skipped first, so this does not happen with findings of this dataset's
    /// extractor, edited or not).
    pub fn merge_extractions<I>(&self, reviewed: I) -> Result<Merged, LoadError>
    where
        I: IntoIterator,
        I::Item: Borrow<DocumentFindings>,
    {
        let mut merger = self.merger();
        for r in reviewed {
            merger.add(r.borrow());
        }
        merger.finish()
    }
}

impl Merger<'_> {
    /// Merges one document's (reviewed) findings: its source, then its people, events
    /// and positions (see [`Dataset::merge_extractions`]). A document merged before (the
    /// same id and metadata) cites its source again, and a citation it already gave is
    /// reported skipped, not repeated.
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    /// use kuril_dispute::extract::{Document, Extractor};
    ///
    /// let extractor = Extractor::new(Dataset::builtin())?;
    /// let doc = Document::new("a.txt", "Japan demands the return of all four islands.")?
    ///     .with_published("2017-03-02".parse()?);
    /// let found = extractor.extract_for_review(&doc);
    /// let mut merger = Dataset::builtin().merger();
    /// merger.add(&found);
    /// merger.add(&found); // again: nothing new
    /// let merged = merger.finish()?;
    /// assert_eq!((merged.added, merged.skipped.len()), (1, 1));
    /// assert!(merged.skipped[0].reason.contains("already has this citation"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, reviewed: &DocumentFindings) {
        let x = &reviewed.findings;
        let doc = x.doc.as_str();
        let Some((source, again)) = self.document_source(reviewed) else {
            self.skip(doc, doc, "no source id can be made from the document's id");
            return;
        };
        if again {
            self.index_citations();
        }
        let quotes: HashMap<Span, &str> =
            reviewed.sentences.iter().map(|s| (s.span, s.text.as_str())).collect();
        let cite = |evidence: &Evidence| -> Result<Citation, String> {
            let span = evidence.span;
            if span.start >= span.end {
                return Err(format!("its span [{}, {}] is empty or reversed", span.start, span.end));
            }
            if u64::try_from(span.end).map_or(true, |end| end > MAX_OFFSET) {
                return Err(format!("its span ends beyond the largest offset, {MAX_OFFSET}"));
            }
            let c = Citation::new(source.clone()).with_span(span);
            let words = quotes.get(&evidence.sentence).map(|q| quote(q)).filter(|q| !q.is_empty());
            Ok(match words {
                Some(q) => c.with_quote(q),
                None => c,
            })
        };

        // People: the dataset's by id, others by name (one record however many documents
        // name them).
        let mut ids: HashMap<&str, PersonId> = HashMap::new();
        for p in &x.people {
            let what = describe_person(p);
            if p.name.trim().is_empty() {
                self.skip(doc, &what, "the person has no name");
                continue;
            }
            if let Some(party) = p.party.as_ref().filter(|q| self.party(q).is_none()) {
                self.skip(doc, &what, format!("party `{party}` is not in the dataset"));
                continue;
            }
            let c = match cite(&p.evidence) {
                Ok(c) => c,
                Err(why) => {
                    self.skip(doc, &what, why);
                    continue;
                }
            };
            match &p.person {
                Some(id) => {
                    if self.link_person(id, c, doc, &what) {
                        ids.insert(p.name.as_str(), id.clone());
                    } else {
                        self.skip(doc, &what, format!("person `{id}` is not in the dataset"));
                    }
                }
                None => {
                    let Ok(base) = PersonId::new(slug(&p.name, 70, "person")) else { continue };
                    let person = Person {
                        id: base,
                        name: p.name.trim().to_string(),
                        native: None,
                        aliases: Vec::new(),
                        party: p.party.clone(),
                        roles: Vec::new(),
                        cite: vec![c],
                        extracted: true,
                    };
                    match self.person_by_name(person, doc, &what) {
                        Some(id) => {
                            ids.insert(p.name.as_str(), id);
                        }
                        None => self.skip(doc, &what, "no person id can be made from the name"),
                    }
                }
            }
        }

        for e in &x.events {
            let what = describe_event(e);
            if let Some(why) = self.event_misfit(e) {
                self.skip(doc, &what, why);
                continue;
            }
            let c = match cite(&e.evidence) {
                Ok(c) => c,
                Err(why) => {
                    self.skip(doc, &what, why);
                    continue;
                }
            };
            let mut people: Vec<PersonId> = Vec::new();
            for name in &e.people {
                match ids.get(name.as_str()) {
                    Some(id) if !people.contains(id) => people.push(id.clone()),
                    Some(_) => {}
                    None => self.skip(
                        doc,
                        &what,
                        format!("it names \"{name}\", who is not among the document's people: recorded without them"),
                    ),
                }
            }
            let actors: Vec<&str> = e.actors.iter().map(|a| a.as_str()).collect();
            let summary = match &c.quote {
                Some(q) => format!("{q} (read in {doc})"),
                None => format!("{} {} (read in {doc})", e.kind, actors.join("+")),
            };
            let Ok(id) = format!("x-{}-{}", e.date, e.kind).parse() else { continue };
            let event = Event {
                id,
                date: e.date,
                kind: e.kind,
                actors: e.actors.clone(),
                people,
                islands: e.islands,
                agreement: e.agreement,
                formula: e.formula,
                place: None,
                summary,
                cite: vec![c],
                extracted: true,
            };
            self.merge_event(event, false, doc, &what);
        }

        for p in &x.positions {
            let what = describe_position(p);
            let Some(stated) = p.date else {
                self.skip(doc, &what, "the stance has no date (the document has no publication date)");
                continue;
            };
            match self.party(&p.holder) {
                None => {
                    self.skip(doc, &what, format!("party `{}` is not in the dataset", p.holder));
                    continue;
                }
                Some(h) if !h.existed_at(stated) => {
                    self.skip(doc, &what, format!("{} did not exist on {stated}", p.holder));
                    continue;
                }
                Some(_) => {}
            }
            let c = match cite(&p.evidence) {
                Ok(c) => c,
                Err(why) => {
                    self.skip(doc, &what, why);
                    continue;
                }
            };
            // A speaker the data does not have speaking for the holder then is named as
            // the document reports them, not linked.
            let speaker = p.speaker.as_deref().and_then(|name| ids.get(name)).filter(|id| {
                self.person(id).is_some_and(|q| !q.extracted && self.speaks_for(q, &p.holder, stated))
            });
            let by = p.speaker.as_deref().map(|s| format!(", {s}")).unwrap_or_default();
            let words = c.quote.clone().unwrap_or_else(|| p.formula.to_string());
            let base = slug(&format!("x-{}-{}-{}", p.holder, stated, p.formula), 76, "x-position");
            let Ok(id) = base.parse() else { continue };
            let position = Position {
                id,
                holder: p.holder.clone(),
                formula: Some(p.formula),
                transfer_at_least: None,
                transfer_at_most: None,
                order: None,
                conditions: Vec::new(),
                stated,
                office: match (&speaker, &p.speaker) {
                    (Some(_), _) => None,
                    (None, Some(name)) => Some(name.clone()),
                    (None, None) => Some(format!("{} (unnamed; as the document reports it)", p.holder)),
                },
                speaker: speaker.cloned(),
                summary: format!("{}{by}: {words} (read in {doc})", p.holder),
                cite: vec![c],
                extracted: true,
            };
            self.merge_position(position, false, doc, &what);
        }
    }

    /// The source of a document's findings, added or (merged before) found again.
    fn document_source(&mut self, reviewed: &DocumentFindings) -> Option<(SourceId, bool)> {
        let x = &reviewed.findings;
        let d = &reviewed.document;
        let given = |v: &Option<String>| v.as_deref().filter(|v| !v.trim().is_empty()).map(str::to_string);
        let id = SourceId::new(format!("doc-{}", slug(&x.doc, 70, "document"))).ok()?;
        let source = Source {
            id,
            title: given(&d.title)
                .or_else(|| Some(x.doc.clone()).filter(|t| !t.trim().is_empty()))
                .unwrap_or_else(|| "(an untitled document)".to_string()),
            outlet: given(&d.outlet)
                .unwrap_or_else(|| "unknown (a document read by the extractor)".to_string()),
            author: given(&d.author),
            date: x.published,
            url: given(&d.url),
            kind: SourceKind::News,
            // The language given with the document, else the one it was read as.
            language: given(&d.lang)
                .or_else(|| Some(x.lang.clone()).filter(|l| !l.trim().is_empty() && l != "und")),
            document: Some(x.doc.clone()),
            note: Some("Findings read by kuril-dispute's extractor; spans point into this document.".into()),
            weak: false,
        };
        Some(self.add_source(source))
    }

    /// Why an event finding cannot become a record as the dataset's checks ask: an actor
    /// the dataset lacks or that did not exist then, a signing off its agreement's date or
    /// parties.
    fn event_misfit(&self, e: &EventFinding) -> Option<String> {
        if let Some(a) = e.actors.iter().find(|a| self.party(a).is_none()) {
            return Some(format!("party `{a}` is not in the dataset"));
        }
        if let Some(p) = e.actors.iter().find(|a| self.party(a).is_some_and(|p| !p.existed_at(e.date))) {
            return Some(format!("{p} did not exist on {}", e.date));
        }
        if let (EventKind::AgreementSigned, Some(a)) = (e.kind, e.agreement) {
            let agreement = self.agreement(a);
            if !e.date.overlaps(agreement.signed) {
                return Some(format!("{a} was signed on {}, not on {}", agreement.signed, e.date));
            }
            if let Some(actor) = e.actors.iter().find(|p| !agreement.parties.contains(p)) {
                return Some(format!("{actor} is not a party to {a}"));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_keeps_within_both_limits() {
        // A Japanese sentence has no spaces: one "word", cut at a character boundary.
        let long = "択".repeat(1000);
        let q = quote(&long);
        assert!(q.len() <= MAX_QUOTE_BYTES && q.len() > MAX_QUOTE_BYTES - 3, "{}", q.len());
        assert!(long.starts_with(&q));
        assert_eq!(quote(&"word ".repeat(40)).split(' ').count(), MAX_QUOTE_WORDS);
    }
}
