//! Formula analysis: what a formula transfers in each stage, how much land and how many
//! people that is, what one formula gives that another does not, and which formulas
//! transfer a given island. Every answer carries its citations.

use serde::Serialize;

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::formula::{Condition, Formula, FormulaId, StatedOrder};
use crate::island::{Island, IslandSet};
use crate::source::Citation;

/// A population count over a set of islands, at one census date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Headcount {
    /// The date of the counts summed.
    pub date: PartialDate,
    /// The number of people.
    pub people: u32,
    /// The islands counted.
    pub islands: IslandSet,
    /// Where the counts were read.
    pub cite: Vec<Citation>,
}

/// What one stage of a formula transfers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StageSummary {
    /// The stage's place, from 1.
    pub number: usize,
    /// The stage's label, if it has one.
    pub label: Option<String>,
    /// What must happen before it.
    pub conditions: Vec<Condition>,
    /// Islands going, wholly or in part, to Japan alone.
    pub to_japan: IslandSet,
    /// Islands going to several parties jointly.
    pub joint: IslandSet,
    /// Islands of which only a part goes.
    pub partial: IslandSet,
    /// The area going to Japan, km².
    pub area_km2: f64,
    /// The people living on the islands wholly going to Japan, at the latest census.
    pub population: Option<Headcount>,
    /// Where the formula was read.
    pub cite: Vec<Citation>,
}

/// What one formula gives that another does not.
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId, Island, IslandSet};
///
/// let data = Dataset::builtin();
/// let d = data.formula_diff(FormulaId::ThreeIslands, FormulaId::TwoIslands1956);
/// assert_eq!(d.only_first, IslandSet::from(Island::Kunashir));
/// assert!(d.only_second.is_empty());
/// assert!(d.area_only_first_km2 > 1000.0);
/// assert!(!d.cite.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FormulaDiff {
    /// The first formula.
    pub first: FormulaId,
    /// The second formula.
    pub second: FormulaId,
    /// Islands the first transfers to Japan and the second does not.
    pub only_first: IslandSet,
    /// Islands the second transfers to Japan and the first does not.
    pub only_second: IslandSet,
    /// Islands both transfer.
    pub both: IslandSet,
    /// The area of `only_first`, km² (shares counted as in
    /// [`Dataset::area_transferred`]).
    pub area_only_first_km2: f64,
    /// The area of `only_second`, km².
    pub area_only_second_km2: f64,
    /// The two formulas' stated orders of treaty and settlement.
    pub order: (StatedOrder, StatedOrder),
    /// Conditions of the first that the second lacks.
    pub conditions_only_first: Vec<Condition>,
    /// Conditions of the second that the first lacks.
    pub conditions_only_second: Vec<Condition>,
    /// Where both formulas were read.
    pub cite: Vec<Citation>,
}

impl Dataset {
    /// The dates at which every island has a population count: the censuses that can be
    /// summed over any set of islands, oldest first.
    pub fn census_dates(&self) -> Vec<PartialDate> {
        let mut dates: Vec<PartialDate> = self
            .island(Island::Iturup)
            .population
            .iter()
            .map(|p| p.date)
            .filter(|d| self.islands().all(|i| i.population.iter().any(|p| p.date == *d)))
            .collect();
        dates.sort();
        dates.dedup();
        dates
    }

    /// The people living on `islands` at the census `date` (one of
    /// [`Dataset::census_dates`]); `None` if some island has no count at that date.
    pub fn population_of(&self, islands: IslandSet, date: PartialDate) -> Option<Headcount> {
        let mut people = 0u32;
        let mut cite = Vec::new();
        for island in islands {
            let count = self.island(island).population.iter().find(|p| p.date == date)?;
            people = people.saturating_add(count.count);
            cite.extend(count.cite.iter().cloned());
        }
        Some(Headcount { date, people, islands, cite })
    }

    /// The people living on the islands a formula wholly transfers to Japan, at the
    /// latest census (partly transferred islands are left out: the data does not say who
    /// lives on which part).
    ///
    /// ```
    /// use kuril_dispute::{Dataset, FormulaId};
    ///
    /// let data = Dataset::builtin();
    /// let two = data.population_transferred(data.formula(FormulaId::TwoIslands1956)).unwrap();
    /// let four = data.population_transferred(data.formula(FormulaId::FourIslands)).unwrap();
    /// assert!(two.people < four.people);
    /// assert_eq!(two.date, four.date);
    /// ```
    pub fn population_transferred(&self, formula: &Formula) -> Option<Headcount> {
        let census = self.census_dates().pop()?;
        self.population_of(formula.islands_transferred() - formula.partially_transferred(), census)
    }

    /// What each stage of a formula transfers, with area and population.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, FormulaId};
    ///
    /// let data = Dataset::builtin();
    /// let stages = data.stage_summaries(data.formula(FormulaId::TwoNowTwoLater));
    /// assert_eq!(stages.len(), 2);
    /// assert!(stages[0].area_km2 < stages[1].area_km2);
    /// ```
    pub fn stage_summaries(&self, formula: &Formula) -> Vec<StageSummary> {
        let census = self.census_dates().pop();
        formula
            .stages
            .iter()
            .enumerate()
            .map(|(n, stage)| {
                let to_japan = stage.islands_transferred();
                let partial: IslandSet =
                    stage.transfers.iter().filter(|t| t.share.is_some()).map(|t| t.island).collect();
                let joint: IslandSet = stage
                    .transfers
                    .iter()
                    .filter(|t| matches!(t.to, crate::formula::Recipient::Joint(_)))
                    .map(|t| t.island)
                    .collect();
                StageSummary {
                    number: n + 1,
                    label: stage.label.clone(),
                    conditions: stage.conditions.clone(),
                    to_japan,
                    joint,
                    partial,
                    area_km2: self.stage_area_transferred(stage),
                    population: census.and_then(|c| self.population_of(to_japan - partial, c)),
                    cite: formula.cite.clone(),
                }
            })
            .collect()
    }

    /// What `first` gives that `second` does not, and the reverse.
    pub fn formula_diff(&self, first: FormulaId, second: FormulaId) -> FormulaDiff {
        let (a, b) = (self.formula(first), self.formula(second));
        let (ta, tb) = (a.islands_transferred(), b.islands_transferred());
        let only = |x: &Formula, y: &Formula| -> Vec<Condition> {
            let theirs = y.conditions();
            x.conditions().into_iter().filter(|c| !theirs.contains(c)).collect()
        };
        let area_of = |f: &Formula, islands: IslandSet| -> f64 {
            f.all_transfers()
                .filter(|t| islands.contains(t.island) && t.to.is_only(&crate::id::PartyId::JAPAN))
                .map(|t| (t.island, t.share_or_whole().fraction()))
                .fold([0.0_f64; 4], |mut best, (i, s)| {
                    if let Some(slot) = best.get_mut(i as usize) {
                        *slot = slot.max(s);
                    }
                    best
                })
                .iter()
                .zip(self.islands())
                .map(|(s, i)| s * i.area_km2())
                .sum()
        };
        FormulaDiff {
            first,
            second,
            only_first: ta - tb,
            only_second: tb - ta,
            both: ta & tb,
            area_only_first_km2: area_of(a, ta - tb),
            area_only_second_km2: area_of(b, tb - ta),
            order: (a.order, b.order),
            conditions_only_first: only(a, b),
            conditions_only_second: only(b, a),
            cite: a.cite.iter().chain(b.cite.iter()).cloned().collect(),
        }
    }

    /// Every formula that transfers `island` (wholly or in part) to Japan, in
    /// [`FormulaId`] order; each formula carries its citations.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, FormulaId, Island};
    ///
    /// let data = Dataset::builtin();
    /// let ids: Vec<_> = data.formulas_transferring(Island::Iturup).map(|f| f.id).collect();
    /// assert!(ids.contains(&FormulaId::FourIslands));
    /// assert!(!ids.contains(&FormulaId::TwoIslands1956));
    /// ```
    pub fn formulas_transferring(&self, island: Island) -> impl Iterator<Item = &Formula> {
        self.formulas().filter(move |f| f.islands_transferred().contains(island))
    }
}
