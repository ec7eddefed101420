//! What a formula or a position accepts: a set of [`Outcome`]s, read from the data.

use std::fmt;

use enumset::{EnumSet, EnumSetType};
use serde::{Deserialize, Serialize};

use super::{Clause, Holder, Order, Outcome};
use crate::dataset::Dataset;
use crate::formula::{Condition, Formula, Recipient, Right, StatedOrder};
use crate::id::PartyId;
use crate::island::Island;
use crate::position::Position;

/// A question a position can answer: where the islands go, in which order treaty and
/// transfer come, and which clauses the settlement carries.
///
/// A position stands, for each question it answers, until a later position of the same
/// party answers that question (see [`Dataset::stance_at`](crate::Dataset::stance_at)).
#[derive(
    Debug, Hash, PartialOrd, Ord, Serialize, Deserialize, EnumSetType, strum::Display, strum::IntoStaticStr,
)]
#[enumset(serialize_repr = "list")]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum Facet {
    /// Who holds which island.
    Allocation,
    /// The order of peace treaty and transfer.
    Order,
    /// The clauses a settlement must carry.
    Clauses,
}

impl Facet {
    /// Every value, in the order of declaration (3).
    pub const ALL: [Facet; 3] = [Facet::Allocation, Facet::Order, Facet::Clauses];
}

/// The set of [`Outcome`]s a formula or a position accepts.
///
/// An acceptance is a product: for each island the holders it accepts, the orders it
/// accepts, and the clauses it requires (an outcome may carry more). So intersecting two
/// acceptances is intersecting their parts, and the settlement space of a date is one
/// acceptance. How formulas and positions map to acceptances is documented in the
/// [`settlement`](crate::settlement) module.
///
/// ```
/// use kuril_dispute::settlement::Holder;
/// use kuril_dispute::{Dataset, FormulaId, Island};
/// use kuril_dispute::settlement::{Acceptance, Order};
///
/// let data = Dataset::builtin();
/// let art9 = Acceptance::of_formula(data.formula(FormulaId::TwoIslands1956));
/// assert!(art9.holders(Island::Shikotan).iter().eq([Holder::Japan]));
/// assert!(art9.holders(Island::Iturup).iter().eq([Holder::Russia]));
/// assert!(art9.orders().iter().eq([Order::TreatyBeforeTransfer]));
///
/// let four = Acceptance::of_formula(data.formula(FormulaId::FourIslands));
/// assert!(art9.intersection(&four).is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Acceptance {
    islands: [EnumSet<Holder>; 4],
    orders: EnumSet<Order>,
    clauses: EnumSet<Clause>,
}

impl Default for Acceptance {
    fn default() -> Self {
        Acceptance::everything()
    }
}

/// The orders a stated sequencing allows.
fn orders_of(sequencing: StatedOrder) -> EnumSet<Order> {
    match sequencing {
        StatedOrder::TreatyFirst => Order::TreatyBeforeTransfer.into(),
        StatedOrder::TerritoryFirst => Order::Together | Order::TreatyAfterTransfer,
        StatedOrder::Simultaneous => Order::Together.into(),
        StatedOrder::Unspecified => EnumSet::all(),
    }
}

/// Half an island, in basis points ([`Share`](crate::formula::Share)): a part at least this large counts as the
/// island, a smaller part leaves the island where it is.
const HALF: u16 = 5_000;

impl Acceptance {
    /// Accepts every outcome.
    pub fn everything() -> Acceptance {
        Acceptance { islands: [EnumSet::all(); 4], orders: EnumSet::all(), clauses: EnumSet::empty() }
    }

    /// Accepts exactly the outcomes with this allocation, any order and clauses.
    pub fn allocation(allocation: super::Allocation) -> Acceptance {
        let mut a = Acceptance::everything();
        for island in Island::ALL.into_iter() {
            a.set_holders(island, allocation.holder(island).into());
        }
        a
    }

    /// What a formula accepts (the rules are in the [`settlement`](crate::settlement)
    /// module docs): transferred islands go to their recipient, islands named nowhere
    /// stay, undecided islands and islands under joint activity only are open; the
    /// formula's sequencing and its stages' conditions fix the order and the clauses.
    pub fn of_formula(formula: &Formula) -> Acceptance {
        let mut a = Acceptance::everything();
        let open = formula.undecided_islands() | formula.joint_activity;
        for island in Island::ALL.into_iter() {
            if !open.contains(island) {
                a.set_holders(island, Holder::Russia.into());
            }
        }
        for stage in &formula.stages {
            let pending = stage.conditions.contains(&Condition::FurtherNegotiation);
            for t in &stage.transfers {
                if t.right == Right::Administration {
                    // The allocation records sovereignty; administration alone moves nothing.
                    continue;
                }
                let holder = match &t.to {
                    _ if t.share_or_whole().basis_points() < HALF => Holder::Russia,
                    Recipient::Party(p) if *p == PartyId::JAPAN => Holder::Japan,
                    Recipient::Party(_) => Holder::Russia,
                    Recipient::Joint(_) => Holder::Joint,
                };
                let holders = if pending { holder | Holder::Russia } else { holder.into() };
                a.set_holders(t.island, holders);
            }
            for &c in &stage.conditions {
                a.apply_condition(c);
            }
        }
        a.orders &= orders_of(formula.order);
        if !formula.joint_activity.is_empty() {
            a.clauses |= Clause::JointEconomicActivity;
        }
        a
    }

    /// What a position accepts: its formula's acceptance (or everything, if it names
    /// none), with the allocation replaced by `transfer_at_least` / `transfer_at_most`
    /// where the position states them, the order replaced by the position's own
    /// `sequencing` where stated, and its `conditions` added.
    ///
    /// `formula` is the position's formula, looked up by the caller
    /// ([`Dataset::acceptance`](crate::Dataset::acceptance) does it).
    pub fn of_position(position: &Position, formula: Option<&Formula>) -> Acceptance {
        let mut a = formula.map_or_else(Acceptance::everything, Acceptance::of_formula);
        if position.transfer_at_least.is_some() || position.transfer_at_most.is_some() {
            for island in Island::ALL.into_iter() {
                let mut holders = EnumSet::all();
                if position.transfer_at_least.is_some_and(|s| s.contains(island)) {
                    holders &= Holder::Japan;
                }
                if position.transfer_at_most.is_some_and(|s| !s.contains(island)) {
                    holders &= Holder::Russia;
                }
                a.set_holders(island, holders);
            }
        }
        if let Some(s) = position.order {
            // The position's own sequencing replaces the formula's, keeping what the
            // stages' conditions imply.
            let mut stages_only = formula.map_or_else(EnumSet::all, |f| {
                let mut b = Acceptance::everything();
                f.stages.iter().flat_map(|st| st.conditions.iter()).for_each(|&c| b.apply_condition(c));
                b.orders
            });
            stages_only &= orders_of(s);
            a.orders = stages_only;
        }
        for &c in &position.conditions {
            a.apply_condition(c);
        }
        a
    }

    fn apply_condition(&mut self, c: Condition) {
        match c {
            Condition::PeaceTreatyConcluded => self.orders &= Order::TreatyBeforeTransfer | Order::Together,
            Condition::SovereigntySettled => self.orders &= Order::Together | Order::TreatyAfterTransfer,
            other => self.clauses |= Clause::from_condition(other).into_iter().collect::<EnumSet<_>>(),
        }
    }

    fn set_holders(&mut self, island: Island, holders: EnumSet<Holder>) {
        if let Some(slot) = self.islands.get_mut(island as usize) {
            *slot = holders;
        }
    }

    /// The holders accepted for `island`.
    pub fn holders(&self, island: Island) -> EnumSet<Holder> {
        self.islands.get(island as usize).copied().unwrap_or_default()
    }

    /// The orders accepted.
    pub fn orders(&self) -> EnumSet<Order> {
        self.orders
    }

    /// The clauses required (an accepted outcome carries at least these).
    pub fn required_clauses(&self) -> EnumSet<Clause> {
        self.clauses
    }

    /// The questions this acceptance answers: the allocation if it constrains any
    /// island, the order if it constrains the order, the clauses if it answers the
    /// allocation (a settlement states its terms in full) or requires any clause.
    pub fn facets(&self) -> EnumSet<Facet> {
        let mut f = EnumSet::empty();
        if self.islands.iter().any(|h| *h != EnumSet::all()) {
            f |= Facet::Allocation;
        }
        if self.orders != EnumSet::all() {
            f |= Facet::Order;
        }
        if f.contains(Facet::Allocation) || !self.clauses.is_empty() {
            f |= Facet::Clauses;
        }
        f
    }

    /// The same acceptance, constraining only the given questions.
    pub fn restricted_to(&self, facets: EnumSet<Facet>) -> Acceptance {
        let all = Acceptance::everything();
        Acceptance {
            islands: if facets.contains(Facet::Allocation) { self.islands } else { all.islands },
            orders: if facets.contains(Facet::Order) { self.orders } else { all.orders },
            clauses: if facets.contains(Facet::Clauses) { self.clauses } else { all.clauses },
        }
    }

    /// The outcomes both accept.
    pub fn intersection(&self, other: &Acceptance) -> Acceptance {
        let mut islands = self.islands;
        for (mine, theirs) in islands.iter_mut().zip(other.islands) {
            *mine &= theirs;
        }
        Acceptance { islands, orders: self.orders & other.orders, clauses: self.clauses | other.clauses }
    }

    /// Whether every outcome this accepts, `other` accepts too.
    pub fn is_subset(&self, other: &Acceptance) -> bool {
        self.is_empty()
            || (self.islands.iter().zip(other.islands).all(|(a, b)| a.is_subset(b))
                && self.orders.is_subset(other.orders)
                && self.clauses.is_superset(other.clauses))
    }

    /// Whether `outcome` is accepted.
    pub fn accepts(&self, outcome: &Outcome) -> bool {
        self.objection_count(outcome) == 0
    }

    /// How many objections [`Acceptance::objections`] would list, without listing them.
    pub fn objection_count(&self, outcome: &Outcome) -> usize {
        let islands = Island::ALL
            .into_iter()
            .filter(|&i| !self.holders(i).contains(outcome.allocation.holder(i)))
            .count();
        let order = usize::from(!self.orders.contains(outcome.order));
        islands + order + (self.clauses - outcome.clauses).len()
    }

    /// Why `outcome` is not accepted: one objection per island, order or clause that
    /// does not fit (empty if it is accepted).
    pub fn objections(&self, outcome: &Outcome) -> Vec<Objection> {
        let mut out = Vec::new();
        for island in Island::ALL.into_iter() {
            let holder = outcome.allocation.holder(island);
            let accepted = self.holders(island);
            if !accepted.contains(holder) {
                out.push(Objection::Island { island, holder, accepted });
            }
        }
        if !self.orders.contains(outcome.order) {
            out.push(Objection::Order { order: outcome.order, accepted: self.orders });
        }
        for clause in self.clauses - outcome.clauses {
            out.push(Objection::MissingClause { clause });
        }
        out
    }

    /// Whether nothing is accepted.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many outcomes are accepted.
    pub fn len(&self) -> usize {
        let islands: usize = self.islands.iter().map(|h| h.len()).product();
        let optional_clauses = EnumSet::<Clause>::all().len() - self.clauses.len();
        islands * self.orders.len() * (1 << optional_clauses)
    }

    /// The accepted outcomes, in index order.
    pub fn outcomes(&self) -> impl Iterator<Item = Outcome> + '_ {
        Outcome::all().filter(|o| self.accepts(o))
    }
}

/// Why a position rejects an outcome: one island, the order or a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Objection {
    /// The outcome gives an island to a holder the position does not accept.
    Island {
        /// The island.
        island: Island,
        /// Its holder in the outcome.
        holder: Holder,
        /// The holders the position accepts for it.
        accepted: EnumSet<Holder>,
    },
    /// The outcome's order is not one the position accepts.
    Order {
        /// The outcome's order.
        order: Order,
        /// The orders the position accepts.
        accepted: EnumSet<Order>,
    },
    /// The outcome lacks a clause the position requires.
    MissingClause {
        /// The clause.
        clause: Clause,
    },
}

fn holder_words(h: Holder) -> &'static str {
    match h {
        Holder::Japan => "to Japan",
        Holder::Russia => "stays",
        Holder::Joint => "joint",
    }
}

impl fmt::Display for Objection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Objection::Island { island, holder, accepted } => {
                let ok: Vec<_> = accepted.iter().map(holder_words).collect();
                let ok = if ok.is_empty() { "nothing".to_owned() } else { ok.join(" or ") };
                write!(f, "{} {} (accepts: {ok})", island.name(), holder_words(*holder))
            }
            Objection::Order { order, accepted } => {
                let ok: Vec<_> = accepted.iter().map(Order::describe).collect();
                let ok = if ok.is_empty() { "none".to_owned() } else { ok.join(" or ") };
                write!(f, "{} (accepts: {ok})", order.describe())
            }
            Objection::MissingClause { clause } => write!(f, "lacks: {}", clause.describe()),
        }
    }
}

crate::vocabulary::parse_by_id!(
    Facet => "facet",
);

impl Dataset {
    /// What a position accepts, its formula looked up in this dataset.
    pub fn acceptance(&self, position: &Position) -> Acceptance {
        Acceptance::of_position(position, position.formula.map(|f| self.formula(f)))
    }
}
