//! Timelines: events, agreements and positions in date order, filtered by party, island,
//! agreement and date range, each entry with its citations.

use serde::Serialize;

use crate::agreement::{Agreement, AgreementId};
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::event::Event;
use crate::id::{PartyId, PersonId};
use crate::island::{Island, IslandSet};
use crate::party::Party;
use crate::person::Person;
use crate::position::Position;
use crate::source::Citation;

/// One entry of a [`Timeline`]: an event, an agreement (at its signing) or a position
/// (at its statement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "record")]
pub enum Entry<'a> {
    /// An event.
    Event(&'a Event),
    /// An agreement, dated by its signing.
    Agreement(&'a Agreement),
    /// A position, dated by its statement.
    Position(&'a Position),
}

impl<'a> Entry<'a> {
    /// When: the event's date, the agreement's signing, the position's statement.
    pub fn date(&self) -> PartialDate {
        match self {
            Entry::Event(e) => e.date,
            Entry::Agreement(a) => a.signed,
            Entry::Position(p) => p.stated,
        }
    }

    /// The record's id.
    pub fn id(&self) -> String {
        match self {
            Entry::Event(e) => e.id.to_string(),
            Entry::Agreement(a) => a.id.to_string(),
            Entry::Position(p) => p.id.to_string(),
        }
    }

    /// The record's one-sentence summary.
    pub fn summary(&self) -> &'a str {
        match self {
            Entry::Event(e) => &e.summary,
            Entry::Agreement(a) => &a.summary,
            Entry::Position(p) => &p.summary,
        }
    }

    /// Where the record was read.
    pub fn cite(&self) -> &'a [Citation] {
        match self {
            Entry::Event(e) => &e.cite,
            Entry::Agreement(a) => &a.cite,
            Entry::Position(p) => &p.cite,
        }
    }

    /// The parties involved: the event's actors, the agreement's parties, the
    /// position's holder.
    pub fn parties(&self) -> &'a [PartyId] {
        match self {
            Entry::Event(e) => &e.actors,
            Entry::Agreement(a) => &a.parties,
            Entry::Position(p) => std::slice::from_ref(&p.holder),
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Entry::Agreement(_) => 0,
            Entry::Event(_) => 1,
            Entry::Position(_) => 2,
        }
    }
}

/// The record's own line: the agreement's, the event's or the position's `Display`.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let data = Dataset::builtin();
/// let first = data.timeline().entries()[0];
/// assert!(first.to_string().starts_with(&first.date().to_string()));
/// ```
impl std::fmt::Display for Entry<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Entry::Event(e) => e.fmt(f),
            Entry::Agreement(a) => a.fmt(f),
            Entry::Position(p) => p.fmt(f),
        }
    }
}

/// A timeline query over the dataset's events, agreements and positions. Build it with
/// [`Dataset::timeline`], narrow it, and read it with [`Timeline::entries`].
///
/// - `party`: entries involving the party or a state it continues (Russia matches the
///   Soviet Union);
/// - `person`: events the person took part in and positions the person stated;
/// - `island`: events about the island, agreements with a provision on it, positions whose
///   formula or constraints name it (a formula naming no island, like the status quo,
///   concerns all four);
/// - `agreement`: the agreement itself, events about it, and positions that cite one of
///   its sources or were stated by one of its parties on the day it was signed;
/// - `between`: entries whose date overlaps the range (both ends included).
///
/// ```
/// use kuril_dispute::{AgreementId, Dataset, Island, PartyId};
///
/// let data = Dataset::builtin();
/// let entries = data
///     .timeline()
///     .party(data.party(&PartyId::RUSSIA)?)
///     .island(Island::Shikotan)
///     .between("1956".parse()?, "1960".parse()?)
///     .entries();
/// assert!(entries.iter().any(|e| e.id() == "joint-declaration-1956"));
/// assert!(entries.iter().all(|e| !e.cite().is_empty()));
///
/// let singapore = data.timeline().agreement(AgreementId::SingaporeAgreement2018).entries();
/// assert!(singapore.len() >= 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Timeline<'a> {
    data: &'a Dataset,
    party: Option<Vec<PartyId>>,
    person: Option<PersonId>,
    island: Option<Island>,
    agreement: Option<AgreementId>,
    from: Option<PartialDate>,
    until: Option<PartialDate>,
}

impl Dataset {
    /// A timeline of every event, agreement and position; narrow it with the
    /// [`Timeline`] methods.
    pub fn timeline(&self) -> Timeline<'_> {
        Timeline {
            data: self,
            party: None,
            person: None,
            island: None,
            agreement: None,
            from: None,
            until: None,
        }
    }

    /// Every distinct date on which an event, an agreement's signing or a position is
    /// recorded, in order.
    ///
    /// ```
    /// let dates = kuril_dispute::Dataset::builtin().dates();
    /// assert!(dates.windows(2).all(|w| w[0] < w[1]));
    /// assert_eq!(dates.first().map(|d| d.to_string()).as_deref(), Some("1855-02-07"));
    /// ```
    pub fn dates(&self) -> Vec<PartialDate> {
        let mut dates: Vec<PartialDate> = self
            .events()
            .map(|e| e.date)
            .chain(self.agreements().map(|a| a.signed))
            .chain(self.positions().map(|p| p.stated))
            .collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// The islands a position concerns: those its formula transfers, leaves undecided or
    /// puts under joint activity, and those its constraints name; all four if that is
    /// none (the status quo keeps all four).
    pub fn position_islands(&self, position: &Position) -> IslandSet {
        let mut set =
            position.transfer_at_least.unwrap_or_default() | position.transfer_at_most.unwrap_or_default();
        if let Some(f) = position.formula.map(|f| self.formula(f)) {
            set = set
                | f.all_transfers().map(|t| t.island).collect::<IslandSet>()
                | f.undecided_islands()
                | f.joint_activity;
        }
        if set.is_empty() { IslandSet::ALL } else { set }
    }
}

impl<'a> Timeline<'a> {
    /// Only entries involving `party` or a state it continues. Look the party up with
    /// [`Dataset::party`], which names an id the dataset does not have.
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    ///
    /// let data = Dataset::builtin();
    /// let russia = data.timeline().party(data.party("russia")?).until("1960".parse()?).entries();
    /// assert!(russia.iter().any(|e| e.parties().iter().any(|p| p.as_str() == "soviet-union")));
    /// assert!(data.party("rusia").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(mut self, party: &Party) -> Self {
        let mut ids: Vec<PartyId> = self.data.lineage(&party.id).into_iter().map(|p| p.id.clone()).collect();
        if ids.is_empty() {
            ids.push(party.id.clone());
        }
        self.party = Some(ids);
        self
    }

    /// Only entries of `person`: the events the person took part in and the positions
    /// the person stated. Look the person up with [`Dataset::person`], which names an id
    /// the dataset does not have.
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    /// use kuril_dispute::timeline::Entry;
    ///
    /// let data = Dataset::builtin();
    /// let abe = data.timeline().person(data.person("shinzo-abe")?).entries();
    /// assert!(abe.iter().any(|e| matches!(e, Entry::Position(_))));
    /// assert!(abe.iter().all(|e| e.date().year() >= 1993));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(mut self, person: &Person) -> Self {
        self.person = Some(person.id.clone());
        self
    }

    /// Only entries about `island`.
    pub fn island(mut self, island: Island) -> Self {
        self.island = Some(island);
        self
    }

    /// Only entries about `agreement`.
    pub fn agreement(mut self, agreement: AgreementId) -> Self {
        self.agreement = Some(agreement);
        self
    }

    /// Only entries whose date overlaps `from` … `until` (both included).
    pub fn between(mut self, from: PartialDate, until: PartialDate) -> Self {
        self.from = Some(from);
        self.until = Some(until);
        self
    }

    /// Only entries whose date overlaps `from` or comes after it.
    pub fn since(mut self, from: PartialDate) -> Self {
        self.from = Some(from);
        self
    }

    /// Only entries whose date overlaps `until` or comes before it.
    pub fn until(mut self, until: PartialDate) -> Self {
        self.until = Some(until);
        self
    }

    /// The entries, by date (agreements, then events, then positions on the same date).
    pub fn entries(&self) -> Vec<Entry<'a>> {
        let data = self.data;
        let mut out: Vec<Entry<'a>> = data
            .agreements()
            .map(Entry::Agreement)
            .chain(data.events().map(Entry::Event))
            .chain(data.positions().map(Entry::Position))
            .filter(|e| self.admits(e))
            .collect();
        out.sort_by_key(|e| (e.date(), e.rank()));
        out
    }

    fn admits(&self, entry: &Entry<'a>) -> bool {
        let date = entry.date();
        if self.from.is_some_and(|f| date.last_day() < f.first_day())
            || self.until.is_some_and(|u| date.first_day() > u.last_day())
        {
            return false;
        }
        if let Some(ids) = &self.party
            && !entry.parties().iter().any(|p| ids.contains(p))
        {
            return false;
        }
        if let Some(id) = &self.person {
            let of_person = match entry {
                Entry::Event(e) => e.people.contains(id),
                Entry::Agreement(_) => false,
                Entry::Position(p) => p.speaker.as_ref() == Some(id),
            };
            if !of_person {
                return false;
            }
        }
        if let Some(island) = self.island {
            let about = match entry {
                Entry::Event(e) => e.islands.contains(island),
                Entry::Agreement(a) => a.provisions_on(island).next().is_some(),
                Entry::Position(p) => self.data.position_islands(p).contains(island),
            };
            if !about {
                return false;
            }
        }
        if let Some(id) = self.agreement {
            let a = self.data.agreement(id);
            let about = match entry {
                Entry::Event(e) => e.agreement == Some(id),
                Entry::Agreement(b) => b.id == id,
                Entry::Position(p) => {
                    (p.stated == a.signed && a.parties.contains(&p.holder))
                        || p.cite.iter().any(|c| a.cite.iter().any(|d| d.source == c.source))
                }
            };
            if !about {
                return false;
            }
        }
        true
    }
}
