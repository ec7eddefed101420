//! Who held what, when: each island's dated history of *administration* (which state
//! governed it, from when to when) kept apart from *claims* (which state claimed
//! sovereignty over it, from when, on which instrument).
//!
//! The two are different kinds of fact and the model never merges them. An
//! [`AdministrationPeriod`] is a fact with a source: Japan governed Kunashir until Soviet
//! forces landed on 1 September 1945; the Soviet Union, then Russia, has governed it since.
//! A [`SovereigntyClaim`] is attributed to its claimant and names the instruments and acts
//! it rests on *as the claimant states them*; two claimants may claim one island at the
//! same time, and the dataset records both without ranking them.
//!
//! Periods are half-open: a period runs from the first day of `from` up to, not
//! including, the first day of `to` (the day the next period began), so consecutive
//! periods share their boundary date without overlapping. A period without `to` is still
//! running at the end of the record. For one island, administration periods never overlap
//! (the loader rejects data where they do), and neither do one claimant's claims.
//!
//! ```
//! use kuril_dispute::{Dataset, Island, PartyId};
//! use kuril_dispute::administration::AdministrationKind;
//!
//! let data = Dataset::builtin();
//! let at = |d: &str| d.parse().unwrap();
//! // Who governed Kunashir in October 1945, and on what source?
//! let held = data.administrator_at(Island::Kunashir, at("1945-10"));
//! assert_eq!(held.len(), 1);
//! assert_eq!(held[0].administrator, PartyId::SOVIET_UNION);
//! assert_eq!(held[0].kind, AdministrationKind::Military);
//! assert!(!held[0].cite.is_empty());
//! // Who claimed it in 1950: both sides, each on its own grounds.
//! let claimants: Vec<_> =
//!     data.claimants_at(Island::Kunashir, at("1950")).iter().map(|c| c.claimant.clone()).collect();
//! assert_eq!(claimants, [PartyId::JAPAN, PartyId::SOVIET_UNION]);
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::agreement::AgreementId;
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::id::{AdministrationId, ClaimId, PartyId};
use crate::island::{Island, IslandSet};
use crate::source::Citation;

/// How a state governed an island during a period.
///
/// ```
/// use kuril_dispute::administration::AdministrationKind;
///
/// assert_eq!("military".parse::<AdministrationKind>()?, AdministrationKind::Military);
/// assert_eq!(AdministrationKind::Civil.to_string(), "civil");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
#[non_exhaustive]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum AdministrationKind {
    /// Governed by the state's civil authorities, as part of its own administrative units.
    Civil,
    /// Held and governed by the state's armed forces, after a landing and before any
    /// civil incorporation.
    Military,
}

impl AdministrationKind {
    /// Every value, in the order of declaration (2).
    pub const ALL: [AdministrationKind; 2] = [AdministrationKind::Civil, AdministrationKind::Military];
}

crate::vocabulary::parse_by_id!(
    AdministrationKind => "administration kind",
);

/// A stretch of time during which one state administered one or more islands.
///
/// A fact with a source: who *governed* the islands, not whose they are (for that, see
/// the [`SovereigntyClaim`]s).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdministrationPeriod {
    /// The id: `administrator-kind-YYYY[-MM[-DD]]-islands`.
    pub id: AdministrationId,
    /// The state that administered the islands.
    pub administrator: PartyId,
    /// How it administered them.
    pub kind: AdministrationKind,
    /// The islands the period covers (each the same dates).
    pub islands: IslandSet,
    /// The first day (or month, or year) of the period.
    pub from: PartialDate,
    /// The day the period ended: the first day of the next one (not part of this period).
    /// `None`: still running at the end of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// What happened, in one sentence.
    pub summary: String,
    /// Anything a reader should know: disagreements between sources on a date, what the
    /// record leaves out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// A state's claim to sovereignty over one or more islands, from a date, attributed to
/// the claimant with the instruments and acts it rests on as the claimant states them.
///
/// The dataset records claims; it never judges them. Two claims to one island at one
/// date are two records.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SovereigntyClaim {
    /// The id: `claimant-YYYY[-MM[-DD]]-slug`.
    pub id: ClaimId,
    /// The state that claims the islands.
    pub claimant: PartyId,
    /// The islands claimed.
    pub islands: IslandSet,
    /// Since when the record has the claim: the date of the act or instrument that first
    /// states it in the data.
    pub from: PartialDate,
    /// When the claimant stopped claiming (its own end, or its successor taking the claim
    /// over); `None`: still claimed at the end of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// The instruments of the dataset the claimant cites for it, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<AgreementId>,
    /// What the claim rests on, in the claimant's terms, attributed: "Japan cites the
    /// Treaty of Shimoda …".
    pub rests_on: String,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// The dates (`[from, to)`; an open end is "–"), the administrator, the kind, the islands
/// and the id: `1945-09-01 – 1946-02-02 soviet-union military: Iturup, Kunashir [soviet-union-military-…]`.
///
/// ```
/// use kuril_dispute::{Dataset, Island};
///
/// let data = Dataset::builtin();
/// let now = data.administrator_at(Island::Kunashir, "2020".parse()?);
/// let line = now[0].to_string();
/// assert!(line.contains(" – russia civil: "), "{line}");
/// assert!(line.ends_with(&format!("[{}]", now[0].id)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::fmt::Display for AdministrationPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} –", self.from)?;
        if let Some(to) = &self.to {
            write!(f, " {to}")?;
        }
        write!(f, " {} {}: {} [{}]", self.administrator, self.kind, self.islands, self.id)
    }
}

/// The dates (an open end is "–"), the claimant, the islands and the id, then what the
/// claim rests on: `1945-09-02 – soviet-union claims Iturup, … [soviet-union-…]: …`.
///
/// ```
/// use kuril_dispute::{Dataset, Island};
///
/// let data = Dataset::builtin();
/// for claim in data.claimants_at(Island::Habomai, "2020".parse()?) {
///     let line = claim.to_string();
///     assert!(line.contains(&format!("{} claims ", claim.claimant)), "{line}");
///     assert!(line.ends_with(&claim.rests_on));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::fmt::Display for SovereigntyClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} –", self.from)?;
        if let Some(to) = &self.to {
            write!(f, " {to}")?;
        }
        write!(f, " {} claims {} [{}]: {}", self.claimant, self.islands, self.id, self.rests_on)
    }
}

/// The days a dated record covers: `[from, to)` with partial dates read at their first day.
pub(crate) trait Dated {
    /// The date the record starts.
    fn start_date(&self) -> PartialDate;
    /// The date the record ends (exclusive), if it has.
    fn end_date(&self) -> Option<PartialDate>;
    /// The islands it covers.
    fn island_set(&self) -> IslandSet;

    /// The first day covered.
    fn first_day(&self) -> NaiveDate {
        self.start_date().first_day()
    }

    /// The first day no longer covered (`None`: open-ended).
    fn end_day(&self) -> Option<NaiveDate> {
        self.end_date().map(|d| d.first_day())
    }

    /// Whether the record covers any day of `date` (a year, a month or a day).
    fn covers(&self, date: PartialDate) -> bool {
        self.first_day() <= date.last_day() && self.end_day().is_none_or(|end| date.first_day() < end)
    }
}

impl Dated for AdministrationPeriod {
    fn start_date(&self) -> PartialDate {
        self.from
    }
    fn end_date(&self) -> Option<PartialDate> {
        self.to
    }
    fn island_set(&self) -> IslandSet {
        self.islands
    }
}

impl Dated for SovereigntyClaim {
    fn start_date(&self) -> PartialDate {
        self.from
    }
    fn end_date(&self) -> Option<PartialDate> {
        self.to
    }
    fn island_set(&self) -> IslandSet {
        self.islands
    }
}

impl AdministrationPeriod {
    /// Whether the period covers any day of `date`.
    pub fn covers(&self, date: PartialDate) -> bool {
        Dated::covers(self, date)
    }

    /// Whether the period is still running at the end of the record.
    pub fn is_current(&self) -> bool {
        self.to.is_none()
    }
}

impl SovereigntyClaim {
    /// Whether the claim stood on any day of `date`.
    pub fn covers(&self, date: PartialDate) -> bool {
        Dated::covers(self, date)
    }

    /// Whether the claim still stands at the end of the record.
    pub fn is_current(&self) -> bool {
        self.to.is_none()
    }
}

impl Dataset {
    /// Every administration period of `island`, by date.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, Island, PartyId};
    ///
    /// let history: Vec<_> = Dataset::builtin()
    ///     .administration_of(Island::Habomai)
    ///     .map(|p| p.administrator.as_str())
    ///     .collect();
    /// assert_eq!(history, ["japan", "soviet-union", "soviet-union", "russia"]);
    /// ```
    pub fn administration_of(&self, island: Island) -> impl Iterator<Item = &AdministrationPeriod> + '_ {
        self.administration().filter(move |p| p.islands.contains(island))
    }

    /// The first date on which any island passed from one administrator to another: the
    /// start of the earliest period that follows another state's period over the same island
    /// (in the built-in data the Soviet landing on Iturup, 28 August 1945, when the dispute
    /// over the islands began). `None` when no island changes hands in the data.
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    ///
    /// let began = Dataset::builtin().first_handover().expect("in the data");
    /// assert_eq!(began.to_string(), "1945-08-28");
    /// ```
    pub fn first_handover(&self) -> Option<PartialDate> {
        self.administration()
            .filter(|p| {
                self.administration().any(|q| {
                    q.administrator != p.administrator
                        && !(q.islands & p.islands).is_empty()
                        && q.from.first_day() < p.from.first_day()
                })
            })
            .map(|p| p.from)
            .min_by_key(|d| d.first_day())
    }

    /// Who administered `island` at `date`: the periods that cover any day of it, by
    /// date, each with its citations. For a day this is at most one period (the loader
    /// rejects overlapping periods); a month or year that spans a handover gives both
    /// sides of it. Empty before the record starts or where the data has no period.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, Island, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// let who = |d: &str| -> Vec<PartyId> {
    ///     data.administrator_at(Island::Iturup, d.parse().unwrap())
    ///         .into_iter()
    ///         .map(|p| p.administrator.clone())
    ///         .collect()
    /// };
    /// assert_eq!(who("1944"), [PartyId::JAPAN]);
    /// assert_eq!(who("1945-10-01"), [PartyId::SOVIET_UNION]);
    /// assert_eq!(who("1992"), [PartyId::RUSSIA]);
    /// // August 1945 spans the landing of 28 August: both periods.
    /// assert_eq!(who("1945-08"), [PartyId::JAPAN, PartyId::SOVIET_UNION]);
    /// // Every answer carries its sources.
    /// let p = &data.administrator_at(Island::Iturup, "2020".parse()?)[0];
    /// assert!(p.cite.iter().all(|c| data.source(&c.source).is_ok()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn administrator_at(&self, island: Island, date: PartialDate) -> Vec<&AdministrationPeriod> {
        self.administration_of(island).filter(|p| p.covers(date)).collect()
    }

    /// The period still running for `island` at the end of the record, if any.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, Island, PartyId};
    ///
    /// let now = Dataset::builtin().current_administration(Island::Shikotan).expect("in the data");
    /// assert_eq!(now.administrator, PartyId::RUSSIA);
    /// ```
    pub fn current_administration(&self, island: Island) -> Option<&AdministrationPeriod> {
        self.administration_of(island).find(|p| p.is_current())
    }

    /// Every sovereignty claim to `island`, by date.
    pub fn claims_on(&self, island: Island) -> impl Iterator<Item = &SovereigntyClaim> + '_ {
        self.claims().filter(move |c| c.islands.contains(island))
    }

    /// Who claimed sovereignty over `island` at `date`: the claims standing on any day of
    /// it, by date, each attributed to its claimant with its grounds and citations.
    ///
    /// ```
    /// use kuril_dispute::{AgreementId, Dataset, Island, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// let claimants = |d: &str| -> Vec<PartyId> {
    ///     data.claimants_at(Island::Shikotan, d.parse().unwrap())
    ///         .into_iter()
    ///         .map(|c| c.claimant.clone())
    ///         .collect()
    /// };
    /// assert_eq!(claimants("1944"), [PartyId::JAPAN]);
    /// assert_eq!(claimants("1950"), [PartyId::JAPAN, PartyId::SOVIET_UNION]);
    /// assert_eq!(claimants("2020"), [PartyId::JAPAN, PartyId::RUSSIA]);
    /// let japan = &data.claimants_at(Island::Shikotan, "2020".parse()?)[0];
    /// assert!(japan.instruments.contains(&AgreementId::ShimodaTreaty1855));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claimants_at(&self, island: Island, date: PartialDate) -> Vec<&SovereigntyClaim> {
        self.claims_on(island).filter(|c| c.covers(date)).collect()
    }

    /// The claims to `island` still standing at the end of the record.
    pub fn current_claims(&self, island: Island) -> Vec<&SovereigntyClaim> {
        self.claims_on(island).filter(|c| c.is_current()).collect()
    }
}
