//! The settlement space: the outcomes that every side's stance in force accepts at a
//! date, and, for each outcome it leaves out, which stated position rejects it, said by
//! whom, where.
//!
//! # Outcomes
//!
//! An [`Outcome`] is one possible settlement: for each island a [`Holder`] (Japan, the
//! administering side — "Russia" — or joint administration), an [`Order`] of the peace
//! treaty and the transfer (treaty first, together, or transfer first), and a set of
//! [`Clause`]s (further talks on the rest, withdrawal of foreign troops from Japan,
//! transitional administration, recognition of the results of the Second World War,
//! joint economic activity). There are 81 × 3 × 32 = 7,776 outcomes.
//!
//! # From positions to acceptances
//!
//! Each [`Position`] maps to the set of outcomes its holder accepts, an
//! [`Acceptance`]. The mapping reads the data; no formula is special-cased by id.
//!
//! **Allocation**, from the position's formula ([`Acceptance::of_formula`]):
//! 1. an island a stage transfers (sovereignty, or both rights) to Japan goes to Japan,
//!    to several parties jointly is joint, to another single party stays;
//! 2. a part of an island (a [`Share`](crate::formula::Share)) counts as the island if it is at
//!    least half, and leaves the island where it is if it is less (the area split's 21%
//!    of Iturup leaves Iturup);
//! 3. a transfer of administration alone moves nothing (the allocation records
//!    sovereignty);
//! 4. an island transferred in a stage conditioned on further negotiation is open
//!    between its recipient and staying (the talks decide), and the outcome must carry
//!    the clause *further talks*;
//! 5. an island the formula leaves undecided, or puts under joint activity and transfers
//!    in no stage, is open: any holder (sovereignty is shelved, not settled);
//! 6. every other island stays.
//!
//! A position's own `transfer_at_least` / `transfer_at_most` replace the formula's
//! allocation when given: islands in `transfer_at_least` must go to Japan, islands
//! outside `transfer_at_most` must stay, the rest are open.
//!
//! **Order**: the stated sequencing — the position's own, or else its formula's — allows
//! `treaty-first` → treaty before transfer; `territory-first` → together or transfer
//! first (no treaty before the attribution is settled); `simultaneous` → together;
//! unspecified → any. The condition `peace-treaty-concluded` (in a stage or a position)
//! further excludes a transfer before the treaty, `sovereignty-settled` a treaty before
//! the settlement.
//!
//! **Clauses**: the other conditions are clauses the outcome must carry
//! ([`Clause::from_condition`]); a formula with joint activity requires the clause
//! *joint economic activity*. A position *requires* the clauses it states and is silent
//! on the others: the data records demands, not refusals, so an outcome may carry
//! clauses nobody asked for.
//!
//! # Stances and sides
//!
//! The sides are the parties that hold positions, each standing for the states it
//! continues (Russia for the Soviet Union). A side's stance at a date is
//! [`Dataset::stance_at`]: each position stands on the questions ([`Facet`]s) it answers
//! until a later one answers them. The space is the intersection of what every side's
//! standing positions accept. A side with no position in force yet constrains nothing;
//! [`SettlementSpace::silent_sides`] names it.
//!
//! # Example
//!
//! ```
//! use kuril_dispute::{Dataset, FormulaId, Island, PartyId, Position};
//!
//! let data = Dataset::builtin();
//!
//! // November 2018: both sides on the basis of the 1956 declaration.
//! let space = data.settlement_space("2018-11".parse()?);
//! assert!(!space.is_empty());
//! for outcome in space.minimal_outcomes() {
//!     println!("{outcome}");
//!     assert!(outcome.allocation.transferred().contains(Island::Shikotan));
//! }
//!
//! // 1993: Japan's four islands against Russia's two; what blocks the nearest outcomes?
//! let space = data.settlement_space("1993".parse()?);
//! assert!(space.is_empty());
//! for rejection in space.nearest().iter().take(2) {
//!     for blocker in &rejection.blockers {
//!         println!("{} is rejected by {} ({}): {:?}", rejection.outcome, blocker.position.id, blocker.position.stated, blocker.objections);
//!     }
//! }
//!
//! // What if Japan had accepted "two plus alpha" in 2013?
//! let what_if = Position::hypothetical(PartyId::JAPAN, FormulaId::TwoPlusAlpha, "2013".parse()?);
//! let space = data.settlement_space("2013".parse()?).with_hypothetical(what_if);
//! println!("{} outcomes", space.len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use serde::Serialize;

pub use crate::outcome::{Acceptance, Allocation, Clause, Facet, Holder, Objection, Order, Outcome};

/// The small sets of holders, orders, clauses and facets in this module's signatures
/// ([`Outcome::clauses`], [`Acceptance::holders`]), re-exported from the `enumset` crate so
/// that a user needs no dependency of their own.
pub use enumset::EnumSet;

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::id::PartyId;
use crate::position::Position;
use crate::source::Citation;
use crate::stance::Stance;

/// The outcomes every side's stance in force accepts at a date, with the stances, so
/// that every rejected outcome can name the positions that reject it.
///
/// Made by [`Dataset::settlement_space`]; see the [module docs](self) for the rules.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let data = Dataset::builtin();
/// let space = data.settlement_space("2022".parse()?);
/// assert!(space.is_empty());
/// let nearest = space.nearest();
/// assert!(nearest.iter().all(|r| !r.blockers.is_empty() && r.blockers.iter().all(|b| !b.position.cite.is_empty())));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Serialize)]
pub struct SettlementSpace<'a> {
    #[serde(skip)]
    data: &'a Dataset,
    date: PartialDate,
    stances: Vec<Stance<'a>>,
    accepted: Acceptance,
    hypothetical: Vec<Position>,
}

impl fmt::Debug for SettlementSpace<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SettlementSpace")
            .field("date", &self.date)
            .field("stances", &self.stances)
            .field("accepted", &self.accepted)
            .field("hypothetical", &self.hypothetical)
            .finish_non_exhaustive()
    }
}

impl PartialEq for SettlementSpace<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.data, other.data)
            && self.date == other.date
            && self.stances == other.stances
            && self.accepted == other.accepted
            && self.hypothetical == other.hypothetical
    }
}

/// A position in force that rejects an outcome, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Blocker<'s> {
    /// The side whose stance it is part of.
    pub side: &'s PartyId,
    /// The position (its holder, speaker, date and citations say who said it, where).
    pub position: &'s Position,
    /// Whether it is a hypothetical position.
    pub hypothetical: bool,
    /// What in the outcome it rejects.
    pub objections: Vec<Objection>,
}

impl Blocker<'_> {
    /// Where the rejecting position was read.
    pub fn cite(&self) -> &[Citation] {
        &self.position.cite
    }
}

/// An outcome outside the space, with every position in force that rejects it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Rejection<'s> {
    /// The outcome.
    pub outcome: Outcome,
    /// The positions that reject it, side by side.
    pub blockers: Vec<Blocker<'s>>,
}

impl Rejection<'_> {
    /// The sides whose stances reject the outcome, without repeats.
    pub fn blocking_sides(&self) -> Vec<&PartyId> {
        let mut sides: Vec<&PartyId> = Vec::new();
        for b in &self.blockers {
            if !sides.contains(&b.side) {
                sides.push(b.side);
            }
        }
        sides
    }

    /// How many objections all blockers make together.
    pub fn objection_count(&self) -> usize {
        self.blockers.iter().map(|b| b.objections.len()).sum()
    }
}

impl Dataset {
    /// The sides of the dispute: the parties that hold positions, each replaced by the
    /// state that continues it (the Soviet Union by Russia), in the order of the parties
    /// table.
    pub fn sides(&self) -> Vec<&PartyId> {
        let mut heads: Vec<&PartyId> = Vec::new();
        for p in self.positions() {
            let head = self.head_of(&p.holder);
            if !heads.contains(&head) {
                heads.push(head);
            }
        }
        let order = |id: &PartyId| self.parties().position(|p| p.id == *id).unwrap_or(usize::MAX);
        heads.sort_by_key(|id| order(id));
        heads
    }

    /// The newest state in `id`'s line of succession (itself if nothing continues it).
    fn head_of<'a>(&'a self, id: &'a PartyId) -> &'a PartyId {
        let mut current = id;
        for _ in 0..self.parties().len() {
            match self.successor_of(current) {
                Some(next) => current = &next.id,
                None => break,
            }
        }
        current
    }

    /// The settlement space at `date`: the outcomes every side's stance in force accepts.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, Island};
    ///
    /// let data = Dataset::builtin();
    /// let space = data.settlement_space("1956".parse()?);
    /// let core = space.minimal_outcomes();
    /// assert_eq!(core.len(), 1);
    /// assert!(core[0].allocation.transferred().contains(Island::Habomai));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settlement_space(&self, date: PartialDate) -> SettlementSpace<'_> {
        self.settlement_space_with(date, Vec::new())
    }

    /// The settlement space at `date` with hypothetical positions added. Each counts as
    /// its holder's latest statement at `date`, whatever its `stated` date, so it
    /// replaces the recorded positions on the questions it answers.
    pub fn settlement_space_with(
        &self,
        date: PartialDate,
        hypothetical: Vec<Position>,
    ) -> SettlementSpace<'_> {
        let last = date.last_day();
        let cut = self.positions_sorted().partition_point(|p| p.stated.first_day() <= last);
        let mut sides = self.sides();
        for h in &hypothetical {
            let head = self.head_of(&h.holder);
            if !sides.contains(&head) {
                sides.push(head);
            }
        }
        let stances: Vec<Stance<'_>> = sides
            .into_iter()
            .map(|side| {
                let mine: Vec<Position> =
                    hypothetical.iter().filter(|h| self.head_of(&h.holder) == side).cloned().collect();
                self.stance_upto(side, cut, date, &mine)
            })
            .collect();
        let accepted =
            stances.iter().fold(Acceptance::everything(), |acc, s| acc.intersection(&s.acceptance()));
        SettlementSpace { data: self, date, stances, accepted, hypothetical }
    }
}

impl<'a> SettlementSpace<'a> {
    /// The date asked about.
    pub fn date(&self) -> PartialDate {
        self.date
    }

    /// Each side's stance in force.
    pub fn stances(&self) -> &[Stance<'a>] {
        &self.stances
    }

    /// The sides with no position in force at the date: they constrain nothing, so the
    /// space says nothing about them.
    pub fn silent_sides(&self) -> Vec<&PartyId> {
        self.stances.iter().filter(|s| s.is_silent()).map(|s| &s.party).collect()
    }

    /// The hypothetical positions added.
    pub fn hypothetical(&self) -> &[Position] {
        &self.hypothetical
    }

    /// The same space with one more hypothetical position (see
    /// [`Dataset::settlement_space_with`]).
    pub fn with_hypothetical(&self, position: Position) -> SettlementSpace<'a> {
        let mut hypothetical = self.hypothetical.clone();
        hypothetical.push(position);
        self.data.settlement_space_with(self.date, hypothetical)
    }

    /// The space as one acceptance.
    pub fn acceptance(&self) -> Acceptance {
        self.accepted
    }

    /// Whether no outcome is accepted by every side.
    pub fn is_empty(&self) -> bool {
        self.accepted.is_empty()
    }

    /// How many outcomes every side accepts.
    pub fn len(&self) -> usize {
        self.accepted.len()
    }

    /// Whether every side accepts `outcome`.
    pub fn contains(&self, outcome: &Outcome) -> bool {
        self.accepted.accepts(outcome)
    }

    /// Every outcome in the space, in index order.
    pub fn outcomes(&self) -> impl Iterator<Item = Outcome> + '_ {
        self.accepted.outcomes()
    }

    /// The outcomes in the space that carry no clause beyond those some standing
    /// position requires: one per allocation and order, the readable core of the space.
    pub fn minimal_outcomes(&self) -> Vec<Outcome> {
        let required = self.accepted.required_clauses();
        self.outcomes().filter(|o| o.clauses == required).collect()
    }

    /// Why `outcome` is outside the space: every standing position that rejects it. `None`
    /// if it is in the space.
    pub fn rejection(&self, outcome: &Outcome) -> Option<Rejection<'_>> {
        let mut blockers = Vec::new();
        for stance in &self.stances {
            for held in &stance.held {
                let objections = held.acceptance.objections(outcome);
                if !objections.is_empty() {
                    blockers.push(Blocker {
                        side: &stance.party,
                        position: held.position.as_ref(),
                        hypothetical: held.hypothetical,
                        objections,
                    });
                }
            }
        }
        (!blockers.is_empty()).then_some(Rejection { outcome: *outcome, blockers })
    }

    /// Every outcome outside the space, with the positions that reject it.
    pub fn rejected(&self) -> impl Iterator<Item = Rejection<'_>> + '_ {
        Outcome::all().filter_map(move |o| self.rejection(&o))
    }

    /// The rejected outcomes closest to agreement: among those that carry no clause
    /// beyond what some standing position requires, the ones rejected by the fewest
    /// sides; ordered by the number of rejecting positions, then of objections.
    pub fn nearest(&self) -> Vec<Rejection<'_>> {
        let wanted: EnumSet<Clause> = self
            .stances
            .iter()
            .flat_map(|s| s.held.iter())
            .fold(EnumSet::empty(), |acc, h| acc | h.acceptance.required_clauses());
        let side_count = |o: &Outcome| {
            self.stances.iter().filter(|s| s.held.iter().any(|h| !h.acceptance.accepts(o))).count()
        };
        let candidates: Vec<(usize, Outcome)> = Outcome::all()
            .filter(|o| o.clauses.is_subset(wanted))
            .map(|o| (side_count(&o), o))
            .filter(|(n, _)| *n > 0)
            .collect();
        let Some(fewest) = candidates.iter().map(|(n, _)| *n).min() else {
            return Vec::new();
        };
        let mut out: Vec<Rejection<'_>> = candidates
            .into_iter()
            .filter(|(n, _)| *n == fewest)
            .filter_map(|(_, o)| self.rejection(&o))
            .collect();
        out.sort_by_key(|r| (r.blockers.len(), r.objection_count(), r.outcome.index()));
        out
    }
}
