//! Stances in force: which of a party's positions stand at a date, and for which
//! question.
//!
//! A position stands until a later position of the same party (or of a state it
//! continues) *answers the same question*. The questions are the [`Facet`]s of an
//! [`Acceptance`]: the allocation, the order of treaty and transfer, the clauses. A
//! statement that answers none of them does not unsettle the others: when Japan and
//! Russia agreed on 16 December 2016 to consult on joint economic activity "without
//! prejudice" to either side's position, the statement added a clause (joint economic
//! activity) but left Japan's four-island allocation and Russia's "no territorial
//! problem" of three days earlier standing. [`Dataset::latest_positions`] answers the simpler
//! question "what did the party say last"; [`Dataset::stance_at`] answers "what stands".

use std::borrow::Cow;

use enumset::EnumSet;
use serde::Serialize;

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::error::UnknownId;
use crate::id::PartyId;
use crate::outcome::{Acceptance, Facet};
use crate::position::Position;
use crate::source::Citation;

/// One position in a [`Stance`]: the questions it still answers, and what it accepts on
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Held<'a> {
    /// The position (owned when it is hypothetical).
    pub position: Cow<'a, Position>,
    /// The questions on which it stands (later positions answered the others).
    pub facets: EnumSet<Facet>,
    /// What it accepts, on those questions only.
    pub acceptance: Acceptance,
    /// Whether it was added as a hypothesis rather than read from the data.
    pub hypothetical: bool,
}

/// A party's stance in force at a date: the positions that stand, each for the
/// questions no later position answered.
///
/// ```
/// use kuril_dispute::{Dataset, PartyId};
/// use kuril_dispute::settlement::Facet;
///
/// let data = Dataset::builtin();
/// let japan = data.stance_at(&PartyId::JAPAN, "2016-12".parse()?)?;
/// // The December 2016 joint-economic statement answers only the clauses; the
/// // four-island allocation of May 2016 still stands.
/// let allocation: Vec<_> = japan.answering(Facet::Allocation).collect();
/// assert_eq!(allocation[0].position.stated.to_string(), "2016-05-01");
/// assert!(japan.citations().count() >= 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Stance<'a> {
    /// The party asked about.
    pub party: PartyId,
    /// The date of the stance.
    pub date: PartialDate,
    /// The positions that stand, latest first.
    pub held: Vec<Held<'a>>,
}

impl Held<'_> {
    /// When the position was stated: the stance has stood on its facets since then.
    pub fn since(&self) -> PartialDate {
        self.position.stated
    }
}

impl<'a> Stance<'a> {
    /// How old a standing position is at the stance's date: the whole years from the last
    /// day the position could have been stated to the first day of the stance's date, so
    /// a partial date never makes a position look older than it is (0 if the stance's
    /// date is not after it).
    ///
    /// A stance in force at a date may rest on a statement decades old: the data records
    /// what was said and when, and a position stands until the same side answers its
    /// question again. Reading the age tells a fresh stance from an assumed one.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// // In 1970 the Soviet line on the islands was Khrushchev's letter of December 1961.
    /// let soviet = data.stance_at(&PartyId::RUSSIA, "1970".parse()?)?;
    /// let latest = &soviet.held[0];
    /// assert_eq!(latest.since().to_string(), "1961-12-08");
    /// assert_eq!(soviet.age_years(latest), 8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn age_years(&self, held: &Held<'_>) -> u32 {
        self.date.first_day().years_since(held.since().last_day()).unwrap_or(0)
    }

    /// The standing positions that are more than `years` old at the stance's date (see
    /// [`Stance::age_years`]), latest first.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// let japan = data.stance_at(&PartyId::JAPAN, "1970".parse()?)?;
    /// // Nothing Japan said between 1956 and 1973 is recorded: the 1956 stance is flagged.
    /// assert!(japan.older_than(10).all(|h| h.since().year() == 1956));
    /// assert_eq!(japan.older_than(10).count(), japan.held.len());
    /// assert_eq!(data.stance_at(&PartyId::JAPAN, "1975".parse()?)?.older_than(10).count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn older_than(&self, years: u32) -> impl Iterator<Item = &Held<'a>> {
        self.held.iter().filter(move |h| self.age_years(h) > years)
    }

    /// Whether no position stands (the party had said nothing yet).
    pub fn is_silent(&self) -> bool {
        self.held.is_empty()
    }

    /// What the party accepts: the intersection of what its standing positions accept.
    pub fn acceptance(&self) -> Acceptance {
        self.held.iter().fold(Acceptance::everything(), |acc, h| acc.intersection(&h.acceptance))
    }

    /// The positions that answer `facet`.
    pub fn answering(&self, facet: Facet) -> impl Iterator<Item = &Held<'a>> {
        self.held.iter().filter(move |h| h.facets.contains(facet))
    }

    /// The standing positions, latest first.
    pub fn positions(&self) -> impl Iterator<Item = &Position> {
        self.held.iter().map(|h| h.position.as_ref())
    }

    /// Every citation of every standing position.
    pub fn citations(&self) -> impl Iterator<Item = &Citation> {
        self.positions().flat_map(|p| p.cite.iter())
    }
}

/// Where a candidate position comes from.
#[derive(Clone, Copy)]
enum Candidate<'a> {
    Recorded(&'a Position),
    Hypothetical,
}

impl Dataset {
    /// The stance of `party` (`"russia"`, or a [`PartyId`]) in force at `date`: for each
    /// question (allocation, order, clauses), the positions stated on the latest date on or
    /// before `date` that answer it. Follows the party's lineage, like
    /// [`Dataset::latest_positions`]: Russia's stance in 1956 is the Soviet Union's.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// let s = data.stance_at(&PartyId::RUSSIA, "1956".parse()?)?;
    /// assert!(s.positions().all(|p| p.holder == PartyId::SOVIET_UNION));
    /// assert!(!s.is_silent());
    /// assert_eq!(data.stance_at("japn", "1956".parse()?).unwrap_err().closest(), Some("japan"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownId`] naming the id when the dataset has no such party.
    pub fn stance_at(&self, party: impl AsRef<str>, date: PartialDate) -> Result<Stance<'_>, UnknownId> {
        let party = &self.party(party)?.id;
        let last = date.last_day();
        let cut = self.positions_sorted().partition_point(|p| p.stated.first_day() <= last);
        Ok(self.stance_upto(party, cut, date, &[]))
    }

    /// How `party`'s stance changed: the stance in force after each date on which the
    /// party (or a state it continues) stated a position, oldest first.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// let history = data.stance_history(&PartyId::JAPAN)?;
    /// assert!(history.len() >= 15);
    /// assert!(history.windows(2).all(|w| w[0].date < w[1].date));
    /// # Ok::<(), kuril_dispute::UnknownId>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownId`] naming the id when the dataset has no such party.
    pub fn stance_history(&self, party: impl AsRef<str>) -> Result<Vec<Stance<'_>>, UnknownId> {
        let party = &self.party(party)?.id;
        let lineage: Vec<PartyId> = self.lineage(party).into_iter().map(|p| p.id.clone()).collect();
        let mut dates: Vec<PartialDate> =
            self.positions().filter(|p| lineage.contains(&p.holder)).map(|p| p.stated).collect();
        dates.dedup();
        let sorted = self.positions_sorted();
        Ok(dates
            .into_iter()
            .map(|d| self.stance_upto(party, sorted.partition_point(|p| p.stated <= d), d, &[]))
            .collect())
    }

    /// The stance of `party` from the first `cut` recorded positions and the
    /// hypothetical ones (which count as stated after every recorded position).
    pub(crate) fn stance_upto<'a>(
        &'a self,
        party: &PartyId,
        cut: usize,
        date: PartialDate,
        hypothetical: &[Position],
    ) -> Stance<'a> {
        let lineage: Vec<&PartyId> = self.lineage(party).into_iter().map(|p| &p.id).collect();
        let in_lineage = |p: &Position| lineage.contains(&&p.holder) || p.holder == *party;
        let recorded = self.positions_sorted().get(..cut).unwrap_or_default();
        // Candidates latest first, each with its date group: hypotheticals form the
        // latest group, then recorded positions by date stated.
        let candidates = hypothetical
            .iter()
            .rev()
            .map(|p| (Candidate::Hypothetical, p, None))
            .chain(recorded.iter().rev().map(|p| (Candidate::Recorded(p), p, Some(p.stated))));
        let mut claimed: [Option<Option<PartialDate>>; 3] = [None; 3];
        let mut held = Vec::new();
        for (from, p, group) in candidates {
            if claimed.iter().all(|c| c.is_some_and(|g| g != group)) {
                break;
            }
            if !in_lineage(p) {
                continue;
            }
            let acceptance = self.acceptance(p);
            let mut stands = EnumSet::empty();
            for facet in acceptance.facets() {
                if let Some(slot) = claimed.get_mut(facet as usize) {
                    match slot {
                        None => {
                            *slot = Some(group);
                            stands |= facet;
                        }
                        Some(g) if *g == group => stands |= facet,
                        Some(_) => {}
                    }
                }
            }
            if stands.is_empty() {
                continue;
            }
            let (position, is_hypothetical) = match from {
                Candidate::Recorded(r) => (Cow::Borrowed(r), false),
                Candidate::Hypothetical => (Cow::Owned(p.clone()), true),
            };
            held.push(Held {
                position,
                facets: stands,
                acceptance: acceptance.restricted_to(stands),
                hypothetical: is_hypothetical,
            });
        }
        Stance { party: party.clone(), date, held }
    }
}
