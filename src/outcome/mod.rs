//! Outcomes: where each island ends up, the order of peace treaty and transfer, and the
//! clauses a settlement carries; and [`Acceptance`], the set of outcomes a formula or a
//! position accepts.
//!
//! Private: [`settlement`](crate::settlement) re-exports every public item, and both
//! [`stance`](crate::stance) (which questions a position answers) and the settlement space
//! (which outcomes every side accepts) are built on it, so the dependency runs one way:
//! `outcome` ← `stance` ← `settlement`.

mod acceptance;

use std::collections::BTreeMap;
use std::fmt;

use enumset::{EnumSet, EnumSetType};
use serde::{Deserialize, Serialize};

use crate::formula::Condition;
use crate::island::{Island, IslandSet};

pub use acceptance::{Acceptance, Facet, Objection};

/// Who holds an island in an [`Outcome`].
///
/// `Russia` is the administering side: the island stays as it is (administered by
/// Russia today, by the Soviet Union before 1992). The name records the axis along which
/// proposals move, not a judgement on whose the island is.
#[derive(
    Debug, Hash, PartialOrd, Ord, Serialize, Deserialize, EnumSetType, strum::Display, strum::IntoStaticStr,
)]
#[enumset(serialize_repr = "list")]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Holder {
    /// Transferred to Japan.
    Japan,
    /// Stays with the administering side.
    Russia,
    /// Administered jointly.
    Joint,
}

impl Holder {
    /// Every value, in the order of declaration (3).
    pub const ALL: [Holder; 3] = [Holder::Japan, Holder::Russia, Holder::Joint];
}

/// The order of the peace treaty and the transfer (the settlement of the islands'
/// attribution and their handover) in an [`Outcome`].
#[derive(
    Debug, Hash, PartialOrd, Ord, Serialize, Deserialize, EnumSetType, strum::Display, strum::IntoStaticStr,
)]
#[enumset(serialize_repr = "list")]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Order {
    /// A peace treaty first; the transfer (or the territorial settlement) after it.
    TreatyBeforeTransfer,
    /// One settlement: the treaty itself settles the attribution and the transfer.
    Together,
    /// The attribution settled and the transfer agreed first; the treaty after.
    TreatyAfterTransfer,
}

impl Order {
    /// Every value, in the order of declaration (3).
    pub const ALL: [Order; 3] = [Order::TreatyBeforeTransfer, Order::Together, Order::TreatyAfterTransfer];
}

impl Order {
    /// The order in words ("peace treaty first, transfer after").
    pub fn describe(self) -> &'static str {
        match self {
            Order::TreatyBeforeTransfer => "peace treaty first, transfer after",
            Order::Together => "treaty together with transfer",
            Order::TreatyAfterTransfer => "transfer settled first, treaty after",
        }
    }
}

/// A term a settlement may carry besides the allocation and the order.
///
/// Clauses come from the [`Condition`]s of formulas and positions (see
/// [`Clause::from_condition`]) and from a formula's joint activity.
#[derive(
    Debug, Hash, PartialOrd, Ord, Serialize, Deserialize, EnumSetType, strum::Display, strum::IntoStaticStr,
)]
#[enumset(serialize_repr = "list")]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum Clause {
    /// Islands not transferred stay subject to further negotiation.
    FurtherNegotiation,
    /// All foreign troops leave Japan first (the Soviet condition of 1960).
    ForeignTroopsWithdrawn,
    /// The administering side keeps administering for a transitional period.
    TransitionPeriod,
    /// Japan recognises the results of the Second World War.
    PostWarResultsRecognised,
    /// Joint economic activity on the islands under a special regime.
    JointEconomicActivity,
}

impl Clause {
    /// Every value, in the order of declaration (5).
    pub const ALL: [Clause; 5] = [
        Clause::FurtherNegotiation,
        Clause::ForeignTroopsWithdrawn,
        Clause::TransitionPeriod,
        Clause::PostWarResultsRecognised,
        Clause::JointEconomicActivity,
    ];
}

impl Clause {
    /// The clause a condition asks for, if the condition is a clause rather than an
    /// order: `peace-treaty-concluded` and `sovereignty-settled` constrain the
    /// [`Order`] instead (see the module docs).
    ///
    /// ```
    /// use kuril_dispute::formula::Condition;
    /// use kuril_dispute::settlement::Clause;
    ///
    /// assert_eq!(Clause::from_condition(Condition::ForeignTroopsWithdrawn), Some(Clause::ForeignTroopsWithdrawn));
    /// assert_eq!(Clause::from_condition(Condition::PeaceTreatyConcluded), None);
    /// ```
    pub fn from_condition(condition: Condition) -> Option<Clause> {
        match condition {
            Condition::FurtherNegotiation => Some(Clause::FurtherNegotiation),
            Condition::ForeignTroopsWithdrawn => Some(Clause::ForeignTroopsWithdrawn),
            Condition::TransitionPeriod => Some(Clause::TransitionPeriod),
            Condition::PostWarResultsRecognised => Some(Clause::PostWarResultsRecognised),
            Condition::PeaceTreatyConcluded | Condition::SovereigntySettled => None,
        }
    }

    /// The clause in words ("further talks on the rest").
    pub fn describe(self) -> &'static str {
        match self {
            Clause::FurtherNegotiation => "further talks on the rest",
            Clause::ForeignTroopsWithdrawn => "withdrawal of foreign troops from Japan",
            Clause::TransitionPeriod => "transitional administration by the administering side",
            Clause::PostWarResultsRecognised => "Japan's recognition of the results of the Second World War",
            Clause::JointEconomicActivity => "joint economic activity under a special regime",
        }
    }
}

/// Who holds each of the four islands: one of the 3⁴ = 81 allocations, stored in one
/// byte.
///
/// ```
/// use kuril_dispute::settlement::{Allocation, Holder};
/// use kuril_dispute::{Island, IslandSet};
///
/// let two = Allocation::from_transferred(IslandSet::from([Island::Shikotan, Island::Habomai]));
/// assert_eq!(two.holder(Island::Habomai), Holder::Japan);
/// assert_eq!(two.retained(), IslandSet::from([Island::Iturup, Island::Kunashir]));
/// assert_eq!(Allocation::all().count(), 81);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "BTreeMap<Island, Holder>", try_from = "BTreeMap<Island, Holder>")]
pub struct Allocation(u8);

impl Allocation {
    /// The number of allocations (3⁴).
    pub const COUNT: usize = 81;

    /// Nothing moves: every island stays with the administering side.
    pub const STATUS_QUO: Allocation = Allocation(Holder::Russia as u8 * (1 + 3 + 9 + 27));

    /// An allocation from one holder per island.
    pub fn new(mut holder_of: impl FnMut(Island) -> Holder) -> Allocation {
        Allocation(Island::ALL.iter().rev().fold(0, |acc, &i| acc * 3 + holder_of(i) as u8))
    }

    /// `islands` to Japan, the others staying.
    pub fn from_transferred(islands: IslandSet) -> Allocation {
        Allocation::new(|i| if islands.contains(i) { Holder::Japan } else { Holder::Russia })
    }

    /// Every allocation, in index order.
    pub fn all() -> impl ExactSizeIterator<Item = Allocation> + DoubleEndedIterator + Clone {
        (0..Allocation::COUNT as u8).map(Allocation)
    }

    /// The allocation with this index (0–80), if there is one.
    pub fn from_index(index: usize) -> Option<Allocation> {
        u8::try_from(index).ok().filter(|&n| usize::from(n) < Allocation::COUNT).map(Allocation)
    }

    /// Its index (0–80).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Who holds `island`.
    pub fn holder(self, island: Island) -> Holder {
        let digit = (self.0 / 3u8.pow(island as u32)) % 3;
        match digit {
            0 => Holder::Japan,
            1 => Holder::Russia,
            _ => Holder::Joint,
        }
    }

    /// The same allocation with `island` held by `holder`.
    pub fn with(self, island: Island, holder: Holder) -> Allocation {
        Allocation::new(|i| if i == island { holder } else { self.holder(i) })
    }

    /// The islands `holder` holds.
    pub fn held_by(self, holder: Holder) -> IslandSet {
        Island::ALL.into_iter().filter(|&i| self.holder(i) == holder).collect()
    }

    /// The islands transferred to Japan.
    pub fn transferred(self) -> IslandSet {
        self.held_by(Holder::Japan)
    }

    /// The islands that stay with the administering side.
    pub fn retained(self) -> IslandSet {
        self.held_by(Holder::Russia)
    }

    /// The islands administered jointly.
    pub fn joint(self) -> IslandSet {
        self.held_by(Holder::Joint)
    }
}

impl From<Allocation> for BTreeMap<Island, Holder> {
    fn from(a: Allocation) -> Self {
        Island::ALL.into_iter().map(|i| (i, a.holder(i))).collect()
    }
}

impl TryFrom<BTreeMap<Island, Holder>> for Allocation {
    type Error = String;
    fn try_from(map: BTreeMap<Island, Holder>) -> Result<Self, String> {
        match Island::ALL.into_iter().find(|i| !map.contains_key(i)) {
            Some(missing) => Err(format!("allocation gives no holder for {missing}")),
            None => Ok(Allocation::new(|i| map.get(&i).copied().unwrap_or(Holder::Russia))),
        }
    }
}

/// Islands joined with "+" ("Shikotan+Habomai").
pub(crate) fn plus(islands: IslandSet) -> String {
    islands.iter().map(Island::name).collect::<Vec<_>>().join("+")
}

impl fmt::Display for Allocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        let name = |set: IslandSet| if set == IslandSet::ALL { "all four".to_owned() } else { plus(set) };
        if !self.transferred().is_empty() {
            parts.push(format!("{} → Japan", name(self.transferred())));
        }
        if !self.joint().is_empty() {
            parts.push(format!("{} → joint administration", name(self.joint())));
        }
        match self.retained() {
            r if r == IslandSet::ALL => parts.push("all four stay".to_owned()),
            r if r.is_empty() => {}
            r if r.len() == 1 => parts.push(format!("{} stays", plus(r))),
            r => parts.push(format!("{} stay", plus(r))),
        }
        f.write_str(&parts.join(", "))
    }
}

/// One possible settlement: who holds each island, the order of peace treaty and
/// transfer, and the clauses it carries. There are 81 × 3 × 32 = 7,776 outcomes.
///
/// ```
/// use kuril_dispute::settlement::Allocation;
/// use kuril_dispute::{Island, IslandSet};
/// use kuril_dispute::settlement::{Clause, Order, Outcome};
///
/// let o = Outcome::new(
///     Allocation::from_transferred(IslandSet::from([Island::Shikotan, Island::Habomai])),
///     Order::TreatyBeforeTransfer,
///     Clause::FurtherNegotiation.into(),
/// );
/// assert_eq!(
///     o.to_string(),
///     "Shikotan+Habomai → Japan, Iturup+Kunashir stay; peace treaty first, transfer after; with further talks on the rest"
/// );
/// assert_eq!(Outcome::from_index(o.index()), Some(o));
/// assert_eq!(Outcome::all().count(), Outcome::COUNT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Outcome {
    /// Who holds each island.
    pub allocation: Allocation,
    /// The order of peace treaty and transfer.
    pub order: Order,
    /// The clauses it carries.
    pub clauses: EnumSet<Clause>,
}

const ORDERS: usize = 3;
const CLAUSE_SETS: usize = 1 << 5;

impl Outcome {
    /// The number of outcomes.
    pub const COUNT: usize = Allocation::COUNT * ORDERS * CLAUSE_SETS;

    /// An outcome.
    pub fn new(allocation: Allocation, order: Order, clauses: EnumSet<Clause>) -> Outcome {
        Outcome { allocation, order, clauses }
    }

    /// Its index (0 to [`Outcome::COUNT`] − 1): allocation, then order, then clauses.
    pub fn index(&self) -> usize {
        (self.allocation.index() * ORDERS + self.order as usize) * CLAUSE_SETS
            + self.clauses.as_u32() as usize
    }

    /// The outcome with this index, if there is one.
    pub fn from_index(index: usize) -> Option<Outcome> {
        let clauses = EnumSet::try_from_u32(u32::try_from(index % CLAUSE_SETS).ok()?)?;
        let rest = index / CLAUSE_SETS;
        let order = *Order::ALL.get(rest % ORDERS)?;
        let allocation = Allocation::from_index(rest / ORDERS)?;
        Some(Outcome { allocation, order, clauses })
    }

    /// Every outcome, in index order.
    pub fn all() -> impl DoubleEndedIterator<Item = Outcome> + Clone {
        (0..Outcome::COUNT).filter_map(Outcome::from_index)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.allocation, self.order.describe())?;
        for (n, c) in self.clauses.iter().enumerate() {
            f.write_str(if n == 0 { "; with " } else { ", " })?;
            f.write_str(c.describe())?;
        }
        Ok(())
    }
}

crate::vocabulary::parse_by_id!(
    Holder => "holder",
    Order => "order",
    Clause => "clause",
);
