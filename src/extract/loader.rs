//! From documents to a [`Dataset`]: what the extractor finds becomes typed [`Person`],
//! [`Event`] and [`Position`] records, cited with their document and span.
//!
//! A finding that matches a curated record is linked to it as one more citation, not
//! repeated; a new one is added and marked [`extracted`](Event::extracted). The result
//! goes through the same checks as any data (it is built as the JSON a dataset serialises
//! to, then loaded with [`Dataset::from_json`]); a finding that could not pass them (a
//! state acting outside its lifetime, a stance without a date) is reported in
//! [`Extended::skipped`], never silently dropped.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Document, Evidence, Extraction, Extractor};
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::error::{LoadError, Location, Problem};
use crate::event::Event;
use crate::event::EventKind;
use crate::id::PartyId;
use crate::id::{EventId, PersonId, PositionId, SourceId};
use crate::person::Person;
use crate::position::Position;
use crate::source::{Citation, MAX_QUOTE_BYTES, MAX_QUOTE_WORDS, Source, SourceKind};

/// A dataset built or extended from documents, and what became of each finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Extended {
    /// The dataset.
    pub dataset: Dataset,
    /// Findings linked to a record already there, as one more citation.
    pub linked: usize,
    /// Records added, marked as extracted.
    pub added: usize,
    /// Findings that could not become records, and why.
    pub skipped: Vec<Skipped>,
}

/// A finding that did not become a record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Skipped {
    /// The document.
    pub doc: String,
    /// The finding's words.
    pub finding: String,
    /// Why it was left out.
    pub reason: String,
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

/// A unique id made from `base`: `base`, `base-2`, `base-3` …
fn unique(base: String, taken: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The first words of `text`, within the quote limits (words, then bytes: a sentence in
/// a script written without spaces is one long word).
fn quote(text: &str) -> String {
    let mut out = text.split_whitespace().take(MAX_QUOTE_WORDS).collect::<Vec<_>>().join(" ");
    if out.len() > MAX_QUOTE_BYTES {
        let mut end = MAX_QUOTE_BYTES;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    out
}

/// Whether `person` (curated) can be recorded as speaking for `holder` on `date`: of the
/// holder's line of states, holding a role then (what the dataset's checks ask).
fn speaks_for(base: &Dataset, person: &Person, holder: &PartyId, date: &PartialDate) -> bool {
    let root = |p: &PartyId| base.lineage(p).last().map(|q| q.id.clone());
    person
        .party
        .as_ref()
        .is_some_and(|own| own == holder || root(own).is_some_and(|r| Some(r) == root(holder)))
        && person.roles_at(*date).next().is_some()
}

/// Whether two dates can be the same day: one contains the other.
fn same_time(a: &PartialDate, b: &PartialDate) -> bool {
    a.first_day() <= b.last_day() && b.first_day() <= a.last_day()
}

/// A value that serde_json could not write (records of a loaded dataset always can be).
fn not_json(e: serde_json::Error) -> LoadError {
    LoadError::new(vec![Problem::Invalid {
        at: Location { file: "<documents>".into(), line: 1, column: 1 },
        record: "dataset".into(),
        message: format!("cannot be written as JSON: {e}"),
    }])
}

struct Builder<'a> {
    base: &'a Dataset,
    ids: HashSet<String>,
    sources: Vec<Source>,
    people: Vec<Person>,
    events: Vec<Event>,
    positions: Vec<Position>,
    out: Extended,
}

impl Builder<'_> {
    fn cite(&self, source: &SourceId, doc_text: &str, evidence: &Evidence) -> Citation {
        let words = quote(evidence.sentence_text(doc_text));
        let c = Citation::new(source.clone()).with_span(evidence.span);
        if words.is_empty() { c } else { c.with_quote(words) }
    }

    fn skip(&mut self, doc: &str, finding: &str, reason: impl Into<String>) {
        self.out.skipped.push(Skipped {
            doc: doc.to_string(),
            finding: finding.to_string(),
            reason: reason.into(),
        });
    }

    fn document(&mut self, doc: &Document, x: &Extraction) -> Option<SourceId> {
        let id = unique(format!("doc-{}", slug(doc.id(), 70, "document")), &mut self.ids);
        let id = SourceId::new(id).ok()?;
        self.sources.push(Source {
            id: id.clone(),
            title: Some(doc.title().unwrap_or(doc.id()))
                .filter(|t| !t.trim().is_empty())
                .unwrap_or("(an untitled document)")
                .to_string(),
            outlet: doc
                .outlet()
                .filter(|o| !o.trim().is_empty())
                .unwrap_or("unknown (a document read by the extractor)")
                .to_string(),
            author: doc.author().filter(|a| !a.trim().is_empty()).map(str::to_string),
            date: x.published,
            url: doc.url().filter(|u| !u.trim().is_empty()).map(str::to_string),
            kind: SourceKind::News,
            // The language given with the document, else the one it was read as.
            language: doc.lang().or(Some(x.lang.as_str()).filter(|l| *l != "und")).map(str::to_string),
            document: Some(doc.id().to_string()),
            note: Some("Findings read by kuril-dispute's extractor; spans point into this document.".into()),
            weak: false,
        });
        Some(id)
    }

    fn add(&mut self, doc: &Document, x: &Extraction) {
        let Some(source) = self.document(doc, x) else {
            self.skip(doc.id(), doc.id(), "no source id can be made from the document's id");
            return;
        };
        let text = doc.text();
        for p in &x.people {
            let cite = self.cite(&source, text, &p.evidence);
            if let Some(known) = p.person.as_ref().and_then(|id| self.people.iter_mut().find(|q| &q.id == id))
            {
                known.cite.push(cite);
                self.out.linked += 1;
                continue;
            }
            if p.name.trim().is_empty() {
                self.skip(doc.id(), &p.name, "the person has no name");
                continue;
            }
            let Ok(id) = PersonId::new(unique(slug(&p.name, 70, "person"), &mut self.ids)) else { continue };
            self.people.push(Person {
                id,
                name: p.name.clone(),
                native: None,
                aliases: Vec::new(),
                party: p.party.clone(),
                roles: Vec::new(),
                cite: vec![cite],
                extracted: true,
            });
            self.out.added += 1;
        }
        for e in &x.events {
            let words = e.evidence.text(text).to_string();
            if let Some(p) = e.actors.iter().find(|a| self.base.party(a).is_ok_and(|p| !p.existed_at(e.date)))
            {
                self.skip(doc.id(), &words, format!("{p} did not exist on {}", e.date));
                continue;
            }
            if let (EventKind::AgreementSigned, Some(a)) = (e.kind, e.agreement) {
                let agreement = self.base.agreement(a);
                if !e.date.overlaps(agreement.signed) {
                    let why = format!("{a} was signed on {}, not on {}", agreement.signed, e.date);
                    self.skip(doc.id(), &words, why);
                    continue;
                }
                if let Some(actor) = e.actors.iter().find(|p| !agreement.parties.contains(p)) {
                    self.skip(doc.id(), &words, format!("{actor} is not a party to {a}"));
                    continue;
                }
            }
            let cite = self.cite(&source, text, &e.evidence);
            let matching = self.events.iter_mut().find(|c| {
                c.kind == e.kind
                    && c.agreement == e.agreement
                    && same_time(&c.date, &e.date)
                    && (c.actors.iter().any(|a| e.actors.contains(a))
                        || (c.actors.is_empty() && e.actors.is_empty()))
            });
            if let Some(c) = matching {
                c.cite.push(cite);
                self.out.linked += 1;
                continue;
            }
            let Ok(id) = EventId::new(unique(format!("x-{}-{}", e.date, e.kind), &mut self.ids)) else {
                continue;
            };
            self.events.push(Event {
                id,
                date: e.date,
                kind: e.kind,
                actors: e.actors.clone(),
                people: Vec::new(),
                islands: Default::default(),
                agreement: e.agreement,
                formula: e.formula,
                place: None,
                summary: format!("{} (read in {})", quote(e.evidence.sentence_text(text)), doc.id()),
                cite: vec![cite],
                extracted: true,
            });
            self.out.added += 1;
        }
        for p in &x.positions {
            let words = p.evidence.text(text).to_string();
            let Some(stated) = p.date else {
                self.skip(doc.id(), &words, "the stance has no date (the document has no publication date)");
                continue;
            };
            if self.base.party(&p.holder).is_ok_and(|h| !h.existed_at(stated)) {
                self.skip(doc.id(), &words, format!("{} did not exist on {stated}", p.holder));
                continue;
            }
            let cite = self.cite(&source, text, &p.evidence);
            let matching = self.positions.iter_mut().find(|c| {
                c.holder == p.holder && c.formula == Some(p.formula) && c.stated.year() == stated.year()
            });
            if let Some(c) = matching {
                c.cite.push(cite);
                self.out.linked += 1;
                continue;
            }
            let base = format!("x-{}-{}-{}", p.holder, stated, p.formula);
            let Ok(id) = PositionId::new(unique(slug(&base, 76, "x-position"), &mut self.ids)) else {
                continue;
            };
            // A speaker the data does not have speaking for the holder then is named as the
            // document reports them, not linked.
            let speaker = p.speaker.as_ref().and_then(|name| {
                x.people.iter().find(|m| &m.name == name).and_then(|m| m.person.clone()).filter(|id| {
                    self.base.person(id).is_ok_and(|q| speaks_for(self.base, q, &p.holder, &stated))
                })
            });
            let by = p.speaker.as_deref().map(|s| format!(", {s}")).unwrap_or_default();
            self.positions.push(Position {
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
                speaker,
                summary: format!(
                    "{}{by}: {} (read in {})",
                    p.holder,
                    quote(p.evidence.sentence_text(text)),
                    doc.id()
                ),
                cite: vec![cite],
                extracted: true,
            });
            self.out.added += 1;
        }
    }

    fn finish(mut self) -> Result<Extended, LoadError> {
        let mut json = serde_json::to_value(self.base).map_err(not_json)?;
        if let Value::Object(tables) = &mut json {
            let mut put = |key: &str, rows: Result<Value, serde_json::Error>| -> Result<(), LoadError> {
                let rows = rows.map_err(not_json)?;
                tables.insert(key.to_string(), rows);
                Ok(())
            };
            let mut sources: Vec<Source> = self.base.sources().cloned().collect();
            sources.append(&mut self.sources);
            put("sources", serde_json::to_value(&sources))?;
            put("people", serde_json::to_value(&self.people))?;
            put("events", serde_json::to_value(&self.events))?;
            put("positions", serde_json::to_value(&self.positions))?;
        }
        self.out.dataset = Dataset::from_json(&json.to_string())?;
        Ok(self.out)
    }
}

impl<'d> Extractor<'d> {
    /// The extractor's dataset extended with what `docs` say. Each document becomes a
    /// [`Source`]; each person, event and position found becomes a record cited with the
    /// document and the finding's span, or one more citation of the curated record it
    /// matches (same person; same kind, overlapping date, shared actor and agreement for
    /// an event; same holder, formula and year for a position).
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
    /// A [`LoadError`] if the extended data fails the dataset's checks (which the builder
    /// guards against: such findings are reported in [`Extended::skipped`]).
    pub fn extend_dataset(&self, docs: &[Document]) -> Result<Extended, LoadError> {
        self.build(docs, true)
    }

    /// A dataset of what `docs` say: the extractor's reference tables (sources, islands,
    /// names, parties, people, agreements, formulas) and the events and positions found in
    /// the documents, with the people found added. Findings that repeat each
    /// other are linked, as in [`extend_dataset`](Self::extend_dataset).
    ///
    /// # Errors
    ///
    /// As [`extend_dataset`](Self::extend_dataset).
    pub fn dataset_from(&self, docs: &[Document]) -> Result<Extended, LoadError> {
        self.build(docs, false)
    }

    fn build(&self, docs: &[Document], keep_curated_facts: bool) -> Result<Extended, LoadError> {
        let base = self.dataset();
        let mut ids: HashSet<String> = HashSet::new();
        ids.extend(base.sources().map(|s| s.id.to_string()));
        ids.extend(base.people().map(|p| p.id.to_string()));
        ids.extend(base.events().map(|e| e.id.to_string()));
        ids.extend(base.positions().map(|p| p.id.to_string()));
        // People are reference data too (formulas and positions name them).
        let people = base.people().cloned().collect();
        let (events, positions) = if keep_curated_facts {
            (base.events().cloned().collect(), base.positions().cloned().collect())
        } else {
            (Vec::new(), Vec::new())
        };
        let mut b = Builder {
            base,
            ids,
            sources: Vec::new(),
            people,
            events,
            positions,
            out: Extended { dataset: base.clone(), linked: 0, added: 0, skipped: Vec::new() },
        };
        for doc in docs {
            let x = self.extract(doc);
            b.add(doc, &x);
        }
        b.finish()
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
