//! Merging into a dataset: another dataset ([`Dataset::merge`]) or reviewed findings
//! (`Dataset::merge_extractions`, in `extract`), in time linear in the number of records.
//!
//! A [`Merger`] starts from a dataset's tables and indexes them by what a new record is
//! matched on: people by id and by normalised name, events by kind, agreement, actor and
//! date (at each precision), positions by holder, formula and year, citations by a
//! fingerprint. A record that matches one already there becomes one more citation of it; a
//! new one is added under a fresh id. [`Merger::finish`] runs every check
//! [`Dataset::from_dir`] runs on the tables so built, and reports what was linked, added
//! and skipped ([`Merged`]): nothing is dropped without a word.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

use super::Dataset;
use super::load::{RawTables, Row};
use crate::administration::{AdministrationPeriod, SovereigntyClaim};
use crate::agreement::{Agreement, AgreementId};
use crate::date::{PartialDate, Precision};
use crate::error::{LoadError, Location};
use crate::event::{Event, EventKind};
use crate::formula::{Formula, FormulaId};
use crate::geography::{CollectiveName, IslandProfile};
use crate::id::MAX_ID_LEN;
use crate::id::{PartyId, PersonId, SourceId};
use crate::party::Party;
use crate::person::Person;
use crate::position::Position;
use crate::source::{Citation, Source};

/// The file the checks of a merged dataset name: each record is located as
/// `<merge>:N:1`, the N-th record of its table (and named by its id).
pub const MERGE_FILE: &str = "<merge>";

/// The tables records are merged into.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum RecordKind {
    /// A source (for findings: the document they were read in).
    Source,
    /// An island.
    Island,
    /// A collective name.
    Name,
    /// A party.
    Party,
    /// A person.
    Person,
    /// An agreement.
    Agreement,
    /// A formula.
    Formula,
    /// A position.
    Position,
    /// An event.
    Event,
    /// An administration period.
    Administration,
    /// A sovereignty claim.
    Claim,
}

/// What a merge did with a finding or a record.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum MergeAction {
    /// It matched a record already there and became one more citation of it (or, for a
    /// record of another dataset, gave it the citations it lacked).
    Linked,
    /// It became a new record.
    Added,
}

impl RecordKind {
    /// Every value, in the order of declaration (11).
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Source,
        RecordKind::Island,
        RecordKind::Name,
        RecordKind::Party,
        RecordKind::Person,
        RecordKind::Agreement,
        RecordKind::Formula,
        RecordKind::Position,
        RecordKind::Event,
        RecordKind::Administration,
        RecordKind::Claim,
    ];
}

impl MergeAction {
    /// Every value, in the order of declaration (2).
    pub const ALL: [MergeAction; 2] = [MergeAction::Linked, MergeAction::Added];
}

crate::vocabulary::parse_by_id!(
    RecordKind => "record kind",
    MergeAction => "merge action",
);

/// A finding or record a merge linked or added, and the record it went to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MergeEntry {
    /// The document the finding was read in (empty for a record of another dataset).
    pub doc: String,
    /// The finding (`event 2019-01-14 meeting japan+russia at [120, 131]`) or the record
    /// (`event x-2019-01-14-meeting`) as merged.
    pub finding: String,
    /// The table of the record it went to.
    pub kind: RecordKind,
    /// The id of that record.
    pub id: String,
    /// Linked to it, or added as it.
    pub action: MergeAction,
}

/// A finding or record that did not go into the dataset, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Skipped {
    /// The document (empty for a record of another dataset).
    pub doc: String,
    /// The finding or record, as in [`MergeEntry::finding`].
    pub finding: String,
    /// Why it was left out.
    pub reason: String,
}

/// A merged dataset and what became of everything offered to it (serialises with the
/// dataset as its JSON; the report alone is `entries` and `skipped`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Merged {
    /// The dataset, checked as [`Dataset::from_dir`] checks data.
    pub dataset: Dataset,
    /// How many findings or records were linked to one already there.
    pub linked: usize,
    /// How many records were added (for findings: people, events and positions, the
    /// documents' sources aside; for another dataset: records of any table).
    pub added: usize,
    /// How many records of another dataset were here already, as they are (nothing to do).
    pub unchanged: usize,
    /// What was linked and added, in the order merged.
    pub entries: Vec<MergeEntry>,
    /// What could not go in, and why.
    pub skipped: Vec<Skipped>,
}

/// An id table: each id's index, and the next number to try for a fresh id from a base.
#[derive(Debug, Clone, Default)]
struct Ids {
    index: HashMap<String, usize>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn of<'s>(ids: impl Iterator<Item = &'s str>) -> Self {
        Ids { index: ids.enumerate().map(|(n, id)| (id.to_string(), n)).collect(), next: HashMap::new() }
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// `base` if it is free, else `base-2`, `base-3` … (the base cut so that the id stays
    /// within the length ids may have). Amortised constant time: each base remembers the
    /// number it reached.
    fn fresh(&mut self, base: &str) -> String {
        let base = cut(base, MAX_ID_LEN);
        if !self.index.contains_key(base) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(2);
        loop {
            let suffix = format!("-{n}");
            *n += 1;
            let id = format!("{}{suffix}", cut(base, MAX_ID_LEN - suffix.len()).trim_end_matches('-'));
            if !self.index.contains_key(&id) {
                return id;
            }
        }
    }

    fn insert(&mut self, id: String, at: usize) {
        self.index.insert(id, at);
    }
}

/// The first `max` bytes of `s`, at a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// A name as people are matched on: lower case, letters and digits, one space between
/// words ("IGOR  Belsky." and "Igor Belsky" are one name).
pub(crate) fn normalised_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// What events are matched on besides the date: kind, agreement and one actor (`None`
/// for an event without actors, which matches only another without actors).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct EventKey {
    kind: EventKind,
    agreement: Option<AgreementId>,
    actor: Option<PartyId>,
    date: PartialDate,
}

/// The dates of which `date` is a part, itself included: its year, its month, its day.
fn prefixes(date: PartialDate) -> impl Iterator<Item = PartialDate> {
    let mut out = vec![date.truncate(Precision::Year)];
    for p in [Precision::Month, Precision::Day] {
        let d = date.truncate(p);
        if out.last() != Some(&d) {
            out.push(d);
        }
    }
    out.into_iter()
}

/// The fingerprint of a citation on a record, for finding repeats in constant time (a
/// match is confirmed by comparing the citations themselves).
fn fingerprint(kind: RecordKind, at: usize, c: &Citation) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (kind, at, c).hash(&mut h);
    h.finish()
}

/// Builds a merged dataset: start from a dataset ([`Dataset::merger`]), add other
/// datasets ([`Merger::add_dataset`]) or reviewed findings (`Merger::add`, in `extract`),
/// then [`finish`](Merger::finish). Each addition takes time proportional to its own size,
/// whatever the size of the dataset.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let data = Dataset::builtin();
/// let mut merger = data.merger();
/// merger.add_dataset(data);
/// let merged = merger.finish()?;
/// // The same records: nothing linked, nothing added, nothing lost.
/// assert_eq!((merged.linked, merged.added), (0, 0));
/// assert_eq!(&merged.dataset, data);
/// # Ok::<(), kuril_dispute::LoadError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Merger<'a> {
    base: &'a Dataset,
    pub(crate) sources: Vec<Source>,
    islands: Vec<IslandProfile>,
    names: Vec<CollectiveName>,
    pub(crate) parties: Vec<Party>,
    pub(crate) people: Vec<Person>,
    agreements: Vec<Agreement>,
    formulas: Vec<Formula>,
    pub(crate) events: Vec<Event>,
    pub(crate) positions: Vec<Position>,
    administration: Vec<AdministrationPeriod>,
    claims: Vec<SovereigntyClaim>,
    source_ids: Ids,
    /// Sources by the document they are, for finding a document merged before.
    documents: HashMap<String, Vec<usize>>,
    name_ids: Ids,
    party_ids: Ids,
    person_ids: Ids,
    /// People by normalised name (and native name).
    person_names: HashMap<String, Vec<usize>>,
    event_ids: Ids,
    /// Events by key and by each part of their date they lie within (year, month, day).
    events_within: HashMap<EventKey, usize>,
    /// Events by key and their exact date.
    events_on: HashMap<EventKey, usize>,
    position_ids: Ids,
    positions_by_key: HashMap<(PartyId, FormulaId, i32), usize>,
    administration_ids: Ids,
    claim_ids: Ids,
    /// Fingerprints of the citations of people, events and positions: built when first
    /// needed (a document or dataset merged again), kept up to date after.
    cited: Option<HashSet<u64>>,
    entries: Vec<MergeEntry>,
    skipped: Vec<Skipped>,
    unchanged: usize,
}

impl Dataset {
    /// A merge starting from this dataset's tables.
    pub fn merger(&self) -> Merger<'_> {
        Merger::new(self, true)
    }

    /// This dataset with `other`'s records merged in: sources, parties, collective names,
    /// administration periods and claims by id (one that differs from this dataset's
    /// record of the same id is reported in [`Merged::skipped`], and this dataset's kept; a
    /// source of the same id and different content is added under a fresh id, its
    /// citations following it); people by id, else (extracted people) by name; events by
    /// id or by kind, agreement, a shared actor and overlapping date; positions by id or
    /// by holder, formula and year. A record matched gets the citations it lacked; one
    /// not matched is added (under a fresh id if its id is taken). Islands, agreements
    /// and formulas are this dataset's; one of `other` that differs is reported.
    ///
    /// ```
    /// # #[cfg(feature = "extract")] {
    /// use kuril_dispute::Dataset;
    /// use kuril_dispute::extract::{Document, Extractor};
    ///
    /// let extractor = Extractor::new(Dataset::builtin())?;
    /// let doc = |id, date: &str| -> Result<Document, Box<dyn std::error::Error>> {
    ///     Ok(Document::new(id, "Japan demands the return of all four islands.")?.with_published(date.parse()?))
    /// };
    /// // Two people read two archives, each into a dataset of their own.
    /// let a = extractor.extend_dataset(&[doc("a.txt", "2017-03-02")?])?.dataset;
    /// let b = extractor.extend_dataset(&[doc("b.txt", "2017-05-10")?])?.dataset;
    /// let merged = a.merge(&b)?;
    /// // One stance of 2017, cited by both documents; b's source added.
    /// let added: Vec<_> = merged.dataset.positions().filter(|p| p.extracted).collect();
    /// assert_eq!(added.len(), 1);
    /// assert_eq!(added[0].cite.len(), 2);
    /// assert_eq!((merged.linked, merged.added), (1, 1));
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`LoadError`] if the merged tables fail the dataset's checks (a party of `other`
    /// whose predecessor overlaps it, say): every problem, each located at
    /// [`MERGE_FILE`] and named by its record.
    pub fn merge(&self, other: &Dataset) -> Result<Merged, LoadError> {
        let mut merger = self.merger();
        merger.add_dataset(other);
        merger.finish()
    }
}

impl<'a> Merger<'a> {
    /// A merger starting from `base`'s tables; without its events and positions when
    /// `keep_facts` is false (a dataset of what documents say alone).
    pub(crate) fn new(base: &'a Dataset, keep_facts: bool) -> Self {
        let (events, positions) =
            if keep_facts { (base.events.clone(), base.positions.clone()) } else { (Vec::new(), Vec::new()) };
        let mut m = Merger {
            base,
            source_ids: Ids::of(base.sources.iter().map(|s| s.id.as_str())),
            name_ids: Ids::of(base.names.iter().map(|n| n.id.as_str())),
            party_ids: Ids::of(base.parties.iter().map(|p| p.id.as_str())),
            person_ids: Ids::of(base.people.iter().map(|p| p.id.as_str())),
            event_ids: Ids::default(),
            position_ids: Ids::default(),
            administration_ids: Ids::of(base.administration.iter().map(|a| a.id.as_str())),
            claim_ids: Ids::of(base.claims.iter().map(|c| c.id.as_str())),
            sources: base.sources.clone(),
            islands: base.islands.clone(),
            names: base.names.clone(),
            parties: base.parties.clone(),
            people: base.people.clone(),
            agreements: base.agreements.clone(),
            formulas: base.formulas.clone(),
            events: Vec::new(),
            positions: Vec::new(),
            administration: base.administration.clone(),
            claims: base.claims.clone(),
            documents: HashMap::new(),
            person_names: HashMap::new(),
            events_within: HashMap::new(),
            events_on: HashMap::new(),
            positions_by_key: HashMap::new(),
            cited: None,
            entries: Vec::new(),
            skipped: Vec::new(),
            unchanged: 0,
        };
        for (n, s) in m.sources.iter().enumerate() {
            if let Some(d) = &s.document {
                m.documents.entry(d.clone()).or_default().push(n);
            }
        }
        for n in 0..m.people.len() {
            m.index_person_names(n);
        }
        for e in events {
            m.push_event(e);
        }
        for p in positions {
            m.push_position(p);
        }
        m
    }

    // ------------------------------------------------------------------ lookups

    /// The dataset the merge started from.
    pub fn base(&self) -> &'a Dataset {
        self.base
    }

    /// A party of the merged tables.
    pub(crate) fn party(&self, id: &PartyId) -> Option<&Party> {
        self.party_ids.get(id.as_str()).and_then(|n| self.parties.get(n))
    }

    #[cfg(feature = "extract")] // used by `extract::review` only
    /// A person of the merged tables.
    pub(crate) fn person(&self, id: &PersonId) -> Option<&Person> {
        self.person_ids.get(id.as_str()).and_then(|n| self.people.get(n))
    }

    #[cfg(feature = "extract")] // used by `extract::review` only
    /// An agreement (the base dataset's: agreements are a closed table).
    pub(crate) fn agreement(&self, id: AgreementId) -> &Agreement {
        self.base.agreement(id)
    }

    /// The first state of `id`'s line of predecessors (bounded: a cycle, which the checks
    /// would refuse, ends the walk).
    fn root(&self, id: &PartyId) -> Option<PartyId> {
        let mut current = self.party(id)?;
        for _ in 0..=self.parties.len() {
            match current.predecessor.as_ref().and_then(|p| self.party(p)) {
                Some(p) => current = p,
                None => break,
            }
        }
        Some(current.id.clone())
    }

    #[cfg(feature = "extract")] // used by `extract::review` only
    /// Whether `person` can be recorded as speaking for `holder` on `date` (what the
    /// dataset's checks ask of a position's speaker): of the holder's line of states, and
    /// holding a role then.
    pub(crate) fn speaks_for(&self, person: &Person, holder: &PartyId, date: PartialDate) -> bool {
        person
            .party
            .as_ref()
            .is_some_and(|own| own == holder || self.root(own).is_some_and(|r| Some(r) == self.root(holder)))
            && person.roles_at(date).next().is_some()
    }

    // ------------------------------------------------------------------ the report

    /// Records that `what` from `doc` was left out, and why.
    pub(crate) fn skip(&mut self, doc: &str, what: &str, reason: impl Into<String>) {
        self.skipped.push(Skipped { doc: doc.to_string(), finding: what.to_string(), reason: reason.into() });
    }

    fn entry(&mut self, doc: &str, what: &str, kind: RecordKind, id: &str, action: MergeAction) {
        self.entries.push(MergeEntry {
            doc: doc.to_string(),
            finding: what.to_string(),
            kind,
            id: id.to_string(),
            action,
        });
    }

    // ------------------------------------------------------------------ sources

    /// Adds `source`, or finds it: a source of the same id and content, or (for a document)
    /// of the same document and content under another id, is used again. A different
    /// source of the same id is added under a fresh id. Returns the id and whether the
    /// source was there before (its document merged once already).
    pub(crate) fn add_source(&mut self, mut source: Source) -> (SourceId, bool) {
        let same = |a: &Source, b: &Source| Source { id: b.id.clone(), ..a.clone() } == *b;
        if let Some(n) = self.source_ids.get(source.id.as_str())
            && self.sources.get(n).is_some_and(|s| *s == source)
        {
            return (source.id, true);
        }
        if let Some(doc) = &source.document
            && let Some(found) = self
                .documents
                .get(doc)
                .and_then(|ns| ns.iter().filter_map(|&n| self.sources.get(n)).find(|s| same(&source, s)))
        {
            return (found.id.clone(), true);
        }
        if self.source_ids.get(source.id.as_str()).is_some() {
            let fresh = self.source_ids.fresh(source.id.as_str());
            // A fresh id made of a valid one stays valid; if not, the id is kept and the
            // checks will name the duplicate.
            if let Ok(id) = SourceId::new(fresh) {
                source.id = id;
            }
        }
        let n = self.sources.len();
        self.source_ids.insert(source.id.to_string(), n);
        if let Some(d) = &source.document {
            self.documents.entry(d.clone()).or_default().push(n);
        }
        let id = source.id.clone();
        self.sources.push(source);
        (id, false)
    }

    // ------------------------------------------------------------------ citations

    fn cites_mut(&mut self, kind: RecordKind, at: usize) -> Option<&mut Vec<Citation>> {
        match kind {
            RecordKind::Person => self.people.get_mut(at).map(|p| &mut p.cite),
            RecordKind::Event => self.events.get_mut(at).map(|e| &mut e.cite),
            RecordKind::Position => self.positions.get_mut(at).map(|p| &mut p.cite),
            _ => None,
        }
    }

    /// From now on, repeated citations are found through fingerprints (built once, in
    /// time linear in the citations there).
    pub(crate) fn index_citations(&mut self) {
        if self.cited.is_some() {
            return;
        }
        let mut set = HashSet::new();
        for (n, p) in self.people.iter().enumerate() {
            set.extend(p.cite.iter().map(|c| fingerprint(RecordKind::Person, n, c)));
        }
        for (n, e) in self.events.iter().enumerate() {
            set.extend(e.cite.iter().map(|c| fingerprint(RecordKind::Event, n, c)));
        }
        for (n, p) in self.positions.iter().enumerate() {
            set.extend(p.cite.iter().map(|c| fingerprint(RecordKind::Position, n, c)));
        }
        self.cited = Some(set);
    }

    /// Adds citation `c` to record `at` of `kind` unless it already has it. Without the
    /// fingerprints (no document merged twice), a repeat can only come from the document
    /// being merged, whose citations are the record's last ones.
    fn cite(&mut self, kind: RecordKind, at: usize, c: Citation) -> bool {
        let print = self.cited.as_ref().map(|_| fingerprint(kind, at, &c));
        let indexed = self.cited.is_some();
        let maybe_there = match (&self.cited, print) {
            (Some(set), Some(p)) => set.contains(&p),
            _ => true,
        };
        let Some(cites) = self.cites_mut(kind, at) else { return false };
        let there = maybe_there
            && if indexed {
                cites.contains(&c)
            } else {
                cites.iter().rev().take_while(|d| d.source == c.source).any(|d| *d == c)
            };
        if there {
            return false;
        }
        cites.push(c);
        if let (Some(set), Some(p)) = (&mut self.cited, print) {
            set.insert(p);
        }
        true
    }

    // ------------------------------------------------------------------ people

    fn index_person_names(&mut self, n: usize) {
        let Some(p) = self.people.get(n) else { return };
        let mut keys: Vec<String> = std::iter::once(p.name.as_str())
            .chain(p.native.as_deref())
            .map(normalised_name)
            .filter(|k| !k.is_empty())
            .collect();
        keys.dedup();
        for k in keys {
            self.person_names.entry(k).or_default().push(n);
        }
    }

    /// The person named `name` whose party agrees with `party` (either unknown, or the
    /// same line of states).
    fn person_named(&self, name: &str, party: Option<&PartyId>) -> Option<usize> {
        let candidates = self.person_names.get(&normalised_name(name))?;
        let agrees = |p: &Person| match (&p.party, party) {
            (Some(a), Some(b)) => a == b || self.root(a).is_some_and(|r| Some(r) == self.root(b)),
            _ => true,
        };
        candidates.iter().copied().find(|&n| self.people.get(n).is_some_and(agrees))
    }

    #[cfg(feature = "extract")] // used by `extract::review` only
    /// Cites a person of the merged tables by id. Returns whether the person is there.
    pub(crate) fn link_person(&mut self, id: &PersonId, c: Citation, doc: &str, what: &str) -> bool {
        let Some(n) = self.person_ids.get(id.as_str()) else { return false };
        self.link(RecordKind::Person, n, id.as_str(), c, doc, what);
        true
    }

    #[cfg(feature = "extract")] // used by `extract::review` only
    /// Cites record `n` of `kind` with `c`, and logs it (a repeat is reported skipped).
    fn link(&mut self, kind: RecordKind, n: usize, id: &str, c: Citation, doc: &str, what: &str) {
        if self.cite(kind, n, c) {
            self.entry(doc, what, kind, id, MergeAction::Linked);
        } else {
            self.skip(
                doc,
                what,
                format!("{kind} {id} already has this citation (the document was merged before)"),
            );
        }
    }

    #[cfg(feature = "extract")] // used by `extract::review` only
    /// The person `person` stands for: one of that name and an agreeing party (cited, and
    /// given the party if it had none and was extracted), else `person` added under a
    /// fresh id from `id_base`. Returns the person's id, or `None` if no id can be made.
    pub(crate) fn person_by_name(&mut self, person: Person, doc: &str, what: &str) -> Option<PersonId> {
        if let Some(n) = self.person_named(&person.name, person.party.as_ref()) {
            let c = person.cite.into_iter().next();
            let known = self.people.get_mut(n)?;
            if known.extracted && known.party.is_none() {
                known.party = person.party;
            }
            let id = known.id.clone();
            if let Some(c) = c {
                self.link(RecordKind::Person, n, id.as_str(), c, doc, what);
            }
            return Some(id);
        }
        self.push_person(person, doc, what)
    }

    /// Adds `person` under a fresh id made from its id.
    fn push_person(&mut self, mut person: Person, doc: &str, what: &str) -> Option<PersonId> {
        let fresh = self.person_ids.fresh(person.id.as_str());
        person.id = PersonId::new(fresh).ok()?;
        let n = self.people.len();
        self.person_ids.insert(person.id.to_string(), n);
        let id = person.id.clone();
        if let Some(set) = &mut self.cited {
            set.extend(person.cite.iter().map(|c| fingerprint(RecordKind::Person, n, c)));
        }
        self.people.push(person);
        self.index_person_names(n);
        self.entry(doc, what, RecordKind::Person, id.as_str(), MergeAction::Added);
        Some(id)
    }

    // ------------------------------------------------------------------ events

    fn event_keys(e: &Event, date: PartialDate) -> impl Iterator<Item = EventKey> + '_ {
        let actors: Vec<Option<PartyId>> =
            if e.actors.is_empty() { vec![None] } else { e.actors.iter().cloned().map(Some).collect() };
        actors.into_iter().map(move |actor| EventKey { kind: e.kind, agreement: e.agreement, actor, date })
    }

    /// Appends an event to the tables and indexes it (no report).
    fn push_event(&mut self, e: Event) -> usize {
        let n = self.events.len();
        for p in prefixes(e.date) {
            for k in Self::event_keys(&e, p) {
                self.events_within.entry(k).or_insert(n);
            }
        }
        for k in Self::event_keys(&e, e.date) {
            self.events_on.entry(k).or_insert(n);
        }
        self.event_ids.insert(e.id.to_string(), n);
        if let Some(set) = &mut self.cited {
            set.extend(e.cite.iter().map(|c| fingerprint(RecordKind::Event, n, c)));
        }
        self.events.push(e);
        n
    }

    /// The first event (in table order) of the same kind and agreement, with an actor in
    /// common (or neither with actors), whose date overlaps `e`'s: one within `e`'s date,
    /// or one whose date is `e`'s year or month.
    fn event_matching(&self, e: &Event) -> Option<usize> {
        let within = Self::event_keys(e, e.date).filter_map(|k| self.events_within.get(&k));
        let containing = [Precision::Year, Precision::Month]
            .into_iter()
            .map(|p| e.date.truncate(p))
            .filter(|d| *d != e.date)
            .flat_map(|d| Self::event_keys(e, d).filter_map(|k| self.events_on.get(&k)).collect::<Vec<_>>());
        within.chain(containing).copied().min()
    }

    /// Merges event `e` (its citations new): linked to the event it matches (by id with
    /// the same date, kind, actors and agreement when `by_id`, else by
    /// [`event_matching`](Self::event_matching)), which then also names `e`'s people and
    /// islands if it was extracted; else added under a fresh id made from `e.id`.
    pub(crate) fn merge_event(&mut self, mut e: Event, by_id: bool, doc: &str, what: &str) {
        let same_id = by_id.then(|| self.event_ids.get(e.id.as_str())).flatten().filter(|&n| {
            self.events.get(n).is_some_and(|c| {
                (c.date, c.kind, &c.actors, c.agreement) == (e.date, e.kind, &e.actors, e.agreement)
            })
        });
        if let Some(n) = same_id.or_else(|| self.event_matching(&e)) {
            let Some(known) = self.events.get_mut(n) else { return };
            if known.extracted {
                known.islands = known.islands | e.islands;
                for p in &e.people {
                    if !known.people.contains(p) {
                        known.people.push(p.clone());
                    }
                }
            }
            let id = known.id.to_string();
            let mut any = false;
            for c in e.cite {
                any |= self.cite(RecordKind::Event, n, c);
            }
            self.linked_or_not(RecordKind::Event, &id, any, by_id, doc, what);
            return;
        }
        let fresh = self.event_ids.fresh(e.id.as_str());
        match crate::id::EventId::new(fresh) {
            Ok(id) => e.id = id,
            Err(err) => return self.skip(doc, what, format!("no event id can be made: {err}")),
        }
        let id = e.id.to_string();
        self.push_event(e);
        self.entry(doc, what, RecordKind::Event, &id, MergeAction::Added);
    }

    /// Reports a record matched: linked if it gained a citation; for a finding whose one
    /// citation was there already, skipped as a repeat; for a record of another dataset
    /// that brought nothing new, unchanged.
    fn linked_or_not(
        &mut self,
        kind: RecordKind,
        id: &str,
        any: bool,
        of_dataset: bool,
        doc: &str,
        what: &str,
    ) {
        if any {
            self.entry(doc, what, kind, id, MergeAction::Linked);
        } else if of_dataset {
            self.unchanged += 1;
        } else {
            self.skip(
                doc,
                what,
                format!("{kind} {id} already has this citation (the document was merged before)"),
            );
        }
    }

    // ------------------------------------------------------------------ positions

    fn push_position(&mut self, p: Position) -> usize {
        let n = self.positions.len();
        if let Some(f) = p.formula {
            self.positions_by_key.entry((p.holder.clone(), f, p.stated.year())).or_insert(n);
        }
        self.position_ids.insert(p.id.to_string(), n);
        if let Some(set) = &mut self.cited {
            set.extend(p.cite.iter().map(|c| fingerprint(RecordKind::Position, n, c)));
        }
        self.positions.push(p);
        n
    }

    /// Merges position `p`: linked to the one of the same id, holder, formula and date
    /// (when `by_id`), else to the first of the same holder, formula and year; else added
    /// under a fresh id made from `p.id`.
    pub(crate) fn merge_position(&mut self, mut p: Position, by_id: bool, doc: &str, what: &str) {
        let same_id = by_id.then(|| self.position_ids.get(p.id.as_str())).flatten().filter(|&n| {
            self.positions
                .get(n)
                .is_some_and(|c| (&c.holder, c.formula, c.stated) == (&p.holder, p.formula, p.stated))
        });
        let by_key =
            || p.formula.and_then(|f| self.positions_by_key.get(&(p.holder.clone(), f, p.stated.year())));
        if let Some(n) = same_id.or_else(|| by_key().copied()) {
            let id = self.positions.get(n).map(|c| c.id.to_string()).unwrap_or_default();
            let mut any = false;
            for c in p.cite {
                any |= self.cite(RecordKind::Position, n, c);
            }
            self.linked_or_not(RecordKind::Position, &id, any, by_id, doc, what);
            return;
        }
        let fresh = self.position_ids.fresh(p.id.as_str());
        match crate::id::PositionId::new(fresh) {
            Ok(id) => p.id = id,
            Err(err) => return self.skip(doc, what, format!("no position id can be made: {err}")),
        }
        let id = p.id.to_string();
        self.push_position(p);
        self.entry(doc, what, RecordKind::Position, &id, MergeAction::Added);
    }

    // ------------------------------------------------------------------ datasets

    /// Merges every record of `other` (see [`Dataset::merge`]).
    pub fn add_dataset(&mut self, other: &Dataset) {
        self.index_citations();
        // Sources first: where one is renamed, the citations of other's records follow it.
        let mut renamed: HashMap<SourceId, SourceId> = HashMap::new();
        for s in &other.sources {
            let what = format!("source {}", s.id);
            let before = self.sources.len();
            let (id, _) = self.add_source(s.clone());
            if self.sources.len() > before {
                self.entry("", &what, RecordKind::Source, id.as_str(), MergeAction::Added);
            } else {
                self.unchanged += 1;
            }
            if id != s.id {
                renamed.insert(s.id.clone(), id);
            }
        }
        let follow = |cites: &mut Vec<Citation>| {
            for c in cites.iter_mut() {
                if let Some(id) = renamed.get(&c.source) {
                    c.source = id.clone();
                }
            }
        };

        // Closed tables: this dataset's, a different record of other's reported.
        for (mine, theirs) in self.islands.iter().zip(&other.islands) {
            if mine != theirs {
                self.skipped.push(differs(RecordKind::Island, theirs.id));
            }
        }
        for (mine, theirs) in self.agreements.iter().zip(&other.agreements) {
            if mine != theirs {
                self.skipped.push(differs(RecordKind::Agreement, theirs.id));
            }
        }
        for (mine, theirs) in self.formulas.iter().zip(&other.formulas) {
            if mine != theirs {
                self.skipped.push(differs(RecordKind::Formula, theirs.id));
            }
        }

        // Tables of reference by id: added when new, reported when different.
        macro_rules! by_id {
            ($table:ident, $ids:ident, $kind:expr) => {
                for r in &other.$table {
                    let mut r = r.clone();
                    follow(&mut r.cite);
                    let id = r.id.to_string();
                    match self.$ids.get(&id) {
                        Some(n) if self.$table.get(n) == Some(&r) => self.unchanged += 1,
                        Some(_) => self.skipped.push(differs($kind, &id)),
                        None => {
                            self.$ids.insert(id.clone(), self.$table.len());
                            self.$table.push(r);
                            self.entry("", &format!("{} {id}", $kind), $kind, &id, MergeAction::Added);
                        }
                    }
                }
            };
        }
        by_id!(parties, party_ids, RecordKind::Party);
        by_id!(names, name_ids, RecordKind::Name);
        by_id!(administration, administration_ids, RecordKind::Administration);
        by_id!(claims, claim_ids, RecordKind::Claim);

        // People: by id, else by name; ids renamed where taken by someone else.
        let mut people: HashMap<PersonId, PersonId> = HashMap::new();
        for p in &other.people {
            let mut p = p.clone();
            follow(&mut p.cite);
            for r in &mut p.roles {
                follow(&mut r.cite);
            }
            let what = format!("person {}", p.id);
            let old = p.id.clone();
            let n = self
                .person_ids
                .get(p.id.as_str())
                .or_else(|| p.extracted.then(|| self.person_named(&p.name, p.party.as_ref())).flatten());
            let id = match n {
                Some(n) => {
                    let mut any = false;
                    for c in p.cite {
                        any |= self.cite(RecordKind::Person, n, c);
                    }
                    let id = self.people.get(n).map(|q| q.id.clone()).unwrap_or_else(|| old.clone());
                    self.linked_or_not(RecordKind::Person, id.as_str(), any, true, "", &what);
                    Some(id)
                }
                None => self.push_person(p, "", &what),
            };
            if let Some(id) = id
                && id != old
            {
                people.insert(old, id);
            }
        }
        for e in &other.events {
            let mut e = e.clone();
            follow(&mut e.cite);
            for p in &mut e.people {
                if let Some(id) = people.get(p) {
                    *p = id.clone();
                }
            }
            let what = format!("event {}", e.id);
            self.merge_event(e, true, "", &what);
        }
        for p in &other.positions {
            let mut p = p.clone();
            follow(&mut p.cite);
            if let Some(id) = p.speaker.as_ref().and_then(|s| people.get(s)) {
                p.speaker = Some(id.clone());
            }
            let what = format!("position {}", p.id);
            self.merge_position(p, true, "", &what);
        }
    }

    // ------------------------------------------------------------------ the result

    /// The merged dataset, checked as [`Dataset::from_dir`] checks data, and the report.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] listing every problem of the merged tables, each located at
    /// [`MERGE_FILE`] (the N-th record of its table) and named by its record. Findings
    /// that would fail the checks are skipped before (a state acting outside its lifetime,
    /// a signing off its agreement's date, a stance without a date, an unknown id), so
    /// this is for records of another dataset that do not fit this one.
    pub fn finish(self) -> Result<Merged, LoadError> {
        fn rows<T>(values: Vec<T>) -> Vec<Row<T>> {
            values
                .into_iter()
                .enumerate()
                .map(|(n, value)| Row {
                    value,
                    at: Location { file: MERGE_FILE.into(), line: n + 1, column: 1 },
                })
                .collect()
        }
        let tables = RawTables {
            sources: rows(self.sources),
            islands: rows(self.islands),
            names: rows(self.names),
            parties: rows(self.parties),
            people: rows(self.people),
            agreements: rows(self.agreements),
            formulas: rows(self.formulas),
            positions: rows(self.positions),
            events: rows(self.events),
            administration: rows(self.administration),
            claims: rows(self.claims),
            files: Vec::new(),
            failed: Vec::new(),
        };
        let dataset = Dataset::from_tables(tables, Vec::new())?;
        let count = |action| self.entries.iter().filter(|e| e.action == action).count();
        Ok(Merged {
            dataset,
            linked: count(MergeAction::Linked),
            added: count(MergeAction::Added),
            unchanged: self.unchanged,
            entries: self.entries,
            skipped: self.skipped,
        })
    }
}

/// A record of another dataset that differs from this one's of the same id.
fn differs(kind: RecordKind, id: impl std::fmt::Display) -> Skipped {
    Skipped {
        doc: String::new(),
        finding: format!("{kind} {id}"),
        reason: format!("differs from this dataset's {kind} {id}, which is kept"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_count_on_and_fit() {
        let mut ids = Ids::of(["a", "a-2"].into_iter());
        assert_eq!(ids.fresh("b"), "b");
        assert_eq!(ids.fresh("a"), "a-3");
        ids.insert("a-3".into(), 2);
        assert_eq!(ids.fresh("a"), "a-4");
        let long = "x".repeat(90);
        let mut ids = Ids::of([&long[..80]].into_iter());
        let id = ids.fresh(&long);
        assert_eq!(id.len(), 80);
        assert!(id.ends_with("-2"));
    }

    #[test]
    fn names_are_matched_without_case_or_punctuation() {
        assert_eq!(normalised_name("  IGOR  Belsky."), "igor belsky");
        assert_eq!(normalised_name("Сергей Лавров"), "сергей лавров");
        assert_eq!(normalised_name("..."), "");
    }

    #[test]
    fn a_date_is_within_its_year_and_month() {
        let d: PartialDate = "2019-01-14".parse().unwrap();
        let p: Vec<String> = prefixes(d).map(|d| d.to_string()).collect();
        assert_eq!(p, ["2019", "2019-01", "2019-01-14"]);
        let y: PartialDate = "2019".parse().unwrap();
        assert_eq!(prefixes(y).count(), 1);
    }
}
