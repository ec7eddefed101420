//! Settlement formulas: which islands go to whom, in which stages, on which conditions.
//!
//! A formula is data, not code: the 1956 formula is "Habomai and Shikotan to Japan, on the
//! conclusion of a peace treaty"; "two now, two later" is two stages; the area split
//! gives part of an island. Queries read that data; nothing special-cases a formula by
//! name.
//!
//! Formulas speak of *transfers* from the administering side (today Russia) to Japan,
//! because that is the axis every proposal moves along. The word records what a formula
//! proposes; it says nothing about whose the islands are.

use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::PartialDate;
use crate::id::{PartyId, PersonId};
use crate::island::{Island, IslandSet};
use crate::source::Citation;

/// The id of a settlement formula: the nine of the shared annotation schema, plus the
/// other formulas the sources name.
///
/// Every dataset defines each formula exactly once, so
/// [`Dataset::formula`](crate::Dataset::formula) cannot fail.
///
/// ```
/// use kuril_dispute::FormulaId;
///
/// assert_eq!("two-islands-1956".parse::<FormulaId>()?, FormulaId::TwoIslands1956);
/// assert_eq!(FormulaId::TwoNowTwoLater.to_string(), "two-now-two-later");
/// assert!(FormulaId::Hikiwake.in_annotation_schema());
/// assert!(!FormulaId::Kawana1998.in_annotation_schema());
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
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum FormulaId {
    /// All four islands, sovereignty settled before a peace treaty.
    FourIslands,
    /// Habomai and Shikotan after a peace treaty (1956 Joint Declaration, Art. 9).
    #[serde(rename = "two-islands-1956")]
    #[strum(serialize = "two-islands-1956")]
    TwoIslands1956,
    /// The two islands and at least something more on a third.
    TwoPlusAlpha,
    /// A phased return of all four: two first, two later.
    TwoNowTwoLater,
    /// The islands divided by area.
    AreaSplit,
    /// Joint or special economic activity, no change of sovereignty.
    JointEconomicZone,
    /// A peace treaty first, territory later.
    TreatyWithoutPreconditions,
    /// Russia keeps all four ("post-war realities").
    StatusQuo,
    /// A "draw" (引き分け), terms unspecified.
    Hikiwake,
    /// Kawana 1998: the border north of the four islands, Russian administration for a
    /// transition.
    #[serde(rename = "kawana-1998")]
    #[strum(serialize = "kawana-1998")]
    Kawana1998,
    /// Habomai, Shikotan and Kunashir.
    ThreeIslands,
    /// Habomai and Shikotan returned, Kunashir and Iturup governed jointly.
    JointAdministration,
    /// Habomai and Shikotan only after all foreign troops leave Japan (Soviet memoranda
    /// of 1960).
    #[serde(rename = "troop-withdrawal-1960")]
    #[strum(serialize = "troop-withdrawal-1960")]
    TroopWithdrawal1960,
}

impl FormulaId {
    /// Every value, in the order of declaration (13).
    pub const ALL: [FormulaId; 13] = [
        FormulaId::FourIslands,
        FormulaId::TwoIslands1956,
        FormulaId::TwoPlusAlpha,
        FormulaId::TwoNowTwoLater,
        FormulaId::AreaSplit,
        FormulaId::JointEconomicZone,
        FormulaId::TreatyWithoutPreconditions,
        FormulaId::StatusQuo,
        FormulaId::Hikiwake,
        FormulaId::Kawana1998,
        FormulaId::ThreeIslands,
        FormulaId::JointAdministration,
        FormulaId::TroopWithdrawal1960,
    ];
}

impl FormulaId {
    /// Whether the id is one of the nine of the shared annotation schema.
    pub fn in_annotation_schema(self) -> bool {
        !matches!(
            self,
            FormulaId::Kawana1998
                | FormulaId::ThreeIslands
                | FormulaId::JointAdministration
                | FormulaId::TroopWithdrawal1960
        )
    }
}

/// The order of a peace treaty and a territorial settlement, as a formula or a position
/// states it (`sequencing = "treaty-first"` in the data). A stated order admits one or
/// more of a settlement's [`Order`](crate::settlement::Order)s; it may be unspecified.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum StatedOrder {
    /// Sign a peace treaty first; settle territory after.
    TreatyFirst,
    /// Settle the territorial question first; sign the treaty after.
    TerritoryFirst,
    /// Settle both in one instrument.
    Simultaneous,
    /// Not stated.
    #[default]
    Unspecified,
}

impl StatedOrder {
    /// Every value, in the order of declaration (4).
    pub const ALL: [StatedOrder; 4] = [
        StatedOrder::TreatyFirst,
        StatedOrder::TerritoryFirst,
        StatedOrder::Simultaneous,
        StatedOrder::Unspecified,
    ];
}

/// A condition on a stage of a formula or on a position.
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
pub enum Condition {
    /// After a peace treaty is concluded.
    PeaceTreatyConcluded,
    /// After all foreign troops leave Japan.
    ForeignTroopsWithdrawn,
    /// After a transition period.
    TransitionPeriod,
    /// Subject to further negotiation.
    FurtherNegotiation,
    /// After the results of the Second World War are recognised.
    PostWarResultsRecognised,
    /// After the attribution (sovereignty) of the islands is settled.
    SovereigntySettled,
}

impl Condition {
    /// Every value, in the order of declaration (6).
    pub const ALL: [Condition; 6] = [
        Condition::PeaceTreatyConcluded,
        Condition::ForeignTroopsWithdrawn,
        Condition::TransitionPeriod,
        Condition::FurtherNegotiation,
        Condition::PostWarResultsRecognised,
        Condition::SovereigntySettled,
    ];
}

/// Which right a transfer concerns.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum Right {
    /// Sovereignty only (administration stays for now).
    Sovereignty,
    /// Administration only.
    Administration,
    /// Both sovereignty and administration.
    #[default]
    Both,
}

impl Right {
    /// Every value, in the order of declaration (3).
    pub const ALL: [Right; 3] = [Right::Sovereignty, Right::Administration, Right::Both];
}

impl Right {
    /// Whether two transfers of the same island would claim the same right.
    pub fn overlaps(self, other: Right) -> bool {
        self == other || self == Right::Both || other == Right::Both
    }
}

/// A part of an island, in ten-thousandths (basis points): `Share::from_fraction(0.21)`.
///
/// In the TOML data a share is a fraction with 0 < share ≤ 1 and at most four decimal
/// places (`share = 0.21`); a share finer than a basis point is refused, not rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Share(u16);

impl Share {
    /// The whole island.
    pub const WHOLE: Share = Share(10_000);

    /// A share from a fraction; `None` unless `0 < fraction ≤ 1`.
    pub fn from_fraction(fraction: f64) -> Option<Share> {
        if fraction.is_finite() && fraction > 0.0 && fraction <= 1.0 {
            // 0 < fraction ≤ 1, so the product fits in u16.
            let bp = (fraction * 10_000.0).round().clamp(1.0, 10_000.0) as u16;
            Some(Share(bp))
        } else {
            None
        }
    }

    /// A share from basis points (ten-thousandths); `None` unless `0 < bp ≤ 10,000`.
    ///
    /// ```
    /// use kuril_dispute::formula::Share;
    ///
    /// assert_eq!(Share::from_basis_points(2_100), Share::from_fraction(0.21));
    /// assert_eq!(Share::from_basis_points(0), None);
    /// assert_eq!(Share::from_basis_points(10_001), None);
    /// ```
    pub fn from_basis_points(bp: u16) -> Option<Share> {
        (1..=10_000).contains(&bp).then_some(Share(bp))
    }

    /// The share as a fraction of the island.
    pub fn fraction(self) -> f64 {
        f64::from(self.0) / 10_000.0
    }

    /// The share in basis points (ten-thousandths).
    pub fn basis_points(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}%", self.fraction() * 100.0)
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.fraction())
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let f = f64::deserialize(deserializer)?;
        let share = Share::from_fraction(f)
            .ok_or_else(|| de::Error::custom(format!("share {f} is not a fraction with 0 < share ≤ 1")))?;
        // Kept exactly or refused: 0.00004 is not silently read as 0.0001.
        if share.fraction() != f {
            return Err(de::Error::custom(format!(
                "share {f} is not a whole number of basis points: shares are kept to four decimal \
                 places (0.0001 is the smallest)"
            )));
        }
        Ok(share)
    }
}

/// Who receives an island in a transfer: one party, or several jointly.
///
/// In the TOML data: `to = "japan"` or `to = ["japan", "russia"]` (a list names two or
/// more parties, each once).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Recipient {
    /// One party.
    Party(PartyId),
    /// Several parties together (joint administration).
    Joint(Vec<PartyId>),
}

impl Recipient {
    /// The parties that receive.
    pub fn parties(&self) -> &[PartyId] {
        match self {
            Recipient::Party(p) => std::slice::from_ref(p),
            Recipient::Joint(ps) => ps,
        }
    }

    /// Whether `party` alone receives.
    pub fn is_only(&self, party: &PartyId) -> bool {
        matches!(self, Recipient::Party(p) if p == party)
    }
}

impl fmt::Display for Recipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recipient::Party(p) => write!(f, "{p}"),
            Recipient::Joint(ps) => {
                f.write_str("joint (")?;
                for (n, p) in ps.iter().enumerate() {
                    if n > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{p}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl Serialize for Recipient {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Recipient::Party(p) => p.serialize(serializer),
            Recipient::Joint(ps) => ps.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Recipient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RecipientVisitor;
        impl<'de> Visitor<'de> for RecipientVisitor {
            type Value = Recipient;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a party id, or a list of party ids for joint holding")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Recipient, E> {
                Ok(Recipient::Party(v.parse().map_err(E::custom)?))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Recipient, A::Error> {
                let mut parties = Vec::new();
                while let Some(p) = seq.next_element::<PartyId>()? {
                    parties.push(p);
                }
                match parties.len() {
                    0 => Err(de::Error::custom("a joint recipient needs at least two parties")),
                    // Read as one party, it would be written back as `to = "japan"`.
                    1 => Err(de::Error::custom(format!(
                        "a joint recipient needs at least two parties; for one party write `to = \"{}\"`",
                        parties.remove(0)
                    ))),
                    _ => Ok(Recipient::Joint(parties)),
                }
            }
        }
        deserializer.deserialize_any(RecipientVisitor)
    }
}

/// One island (or part of one) going to a recipient.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Transfer {
    /// Which island.
    pub island: Island,
    /// To whom.
    pub to: Recipient,
    /// Which right: sovereignty, administration or both.
    #[serde(default)]
    pub right: Right,
    /// Which part of the island (the whole if absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
}

impl Transfer {
    /// The part of the island transferred (the whole if no share is given).
    pub fn share_or_whole(&self) -> Share {
        self.share.unwrap_or(Share::WHOLE)
    }
}

/// One stage of a formula: transfers that happen together, on the same conditions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Stage {
    /// A name for the stage ("first stage").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What must happen before the stage.
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// What moves in this stage.
    #[serde(default)]
    pub transfers: Vec<Transfer>,
}

impl Stage {
    /// The islands that go, wholly or in part, to `party` alone in this stage.
    pub fn islands_transferred_to(&self, party: &PartyId) -> IslandSet {
        self.transfers.iter().filter(|t| t.to.is_only(party)).map(|t| t.island).collect()
    }

    /// The islands that go to Japan in this stage.
    pub fn islands_transferred(&self) -> IslandSet {
        self.islands_transferred_to(&PartyId::JAPAN)
    }
}

/// Islands a formula leaves to later talks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Undecided {
    /// The islands.
    pub islands: IslandSet,
    /// What is left open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Who first proposed a formula, and when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Origin {
    /// The proposing party.
    pub party: PartyId,
    /// The person who proposed it, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonId>,
    /// When.
    pub date: PartialDate,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// A settlement formula: which islands go to whom, in which stages, on which conditions.
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId, Island, IslandSet};
///
/// let data = Dataset::builtin();
/// let phased = data.formula(FormulaId::TwoNowTwoLater);
/// assert_eq!(phased.stages.len(), 2);
/// assert_eq!(phased.stages[0].islands_transferred(), IslandSet::from([Island::Shikotan, Island::Habomai]));
/// assert_eq!(phased.islands_transferred(), IslandSet::ALL);
///
/// let split = data.formula(FormulaId::AreaSplit);
/// assert!(split.partially_transferred().contains(Island::Iturup));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Formula {
    /// The id.
    pub id: FormulaId,
    /// The usual English name.
    pub name: String,
    /// Other names, in English, Japanese and Russian.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it proposes, in a sentence or two.
    pub summary: String,
    /// The order of peace treaty and territorial settlement (`sequencing` in the data).
    #[serde(default, rename = "sequencing")]
    pub order: StatedOrder,
    /// Islands under joint activity without a change of sovereignty.
    #[serde(default)]
    pub joint_activity: IslandSet,
    /// Who first proposed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// The stages, in order.
    #[serde(default, rename = "stage")]
    pub stages: Vec<Stage>,
    /// Islands left to later talks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undecided: Vec<Undecided>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

impl Formula {
    /// The islands that go, wholly or in part, to `party` alone, over all stages.
    pub fn islands_transferred_to(&self, party: &PartyId) -> IslandSet {
        self.stages.iter().fold(IslandSet::EMPTY, |acc, s| acc | s.islands_transferred_to(party))
    }

    /// What goes from the administering side to Japan in all stages: the islands of
    /// which any part is transferred to Japan.
    pub fn islands_transferred(&self) -> IslandSet {
        self.islands_transferred_to(&PartyId::JAPAN)
    }

    /// Islands of which only a part is transferred.
    pub fn partially_transferred(&self) -> IslandSet {
        self.all_transfers().filter(|t| t.share_or_whole() < Share::WHOLE).map(|t| t.island).collect()
    }

    /// Islands that go to several parties jointly.
    pub fn jointly_held(&self) -> IslandSet {
        self.all_transfers().filter(|t| matches!(t.to, Recipient::Joint(_))).map(|t| t.island).collect()
    }

    /// Islands left to later talks.
    pub fn undecided_islands(&self) -> IslandSet {
        self.undecided.iter().fold(IslandSet::EMPTY, |acc, u| acc | u.islands)
    }

    /// Every transfer, over all stages, in order.
    pub fn all_transfers(&self) -> impl Iterator<Item = &Transfer> {
        self.stages.iter().flat_map(|s| s.transfers.iter())
    }

    /// Every condition of any stage, without repeats, in first-seen order.
    pub fn conditions(&self) -> Vec<Condition> {
        let mut out: Vec<Condition> = Vec::new();
        for c in self.stages.iter().flat_map(|s| s.conditions.iter()) {
            if !out.contains(c) {
                out.push(*c);
            }
        }
        out
    }

    /// Every name text may use: name and aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

crate::vocabulary::parse_by_id!(
    FormulaId => "formula",
    StatedOrder => "stated order",
    Condition => "condition",
    Right => "right",
);

/// The island, the part where it is not the whole, the recipient and the right:
/// `iturup 21.0% → japan (both)`.
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId, Island};
///
/// let split = Dataset::builtin().formula(FormulaId::AreaSplit);
/// let iturup = split.all_transfers().find(|t| t.island == Island::Iturup).expect("a transfer");
/// assert_eq!(iturup.to_string(), "iturup 21.0% → japan (both)");
/// ```
impl fmt::Display for Transfer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.island)?;
        if let Some(share) = self.share.filter(|s| *s < Share::WHOLE) {
            write!(f, " {share}")?;
        }
        write!(f, " → {} ({})", self.to, self.right)
    }
}

/// The name and the id: `Two islands (1956 Joint Declaration, Article 9)
/// [two-islands-1956]`.
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId};
///
/// let f = Dataset::builtin().formula(FormulaId::TwoIslands1956);
/// assert_eq!(f.to_string(), format!("{} [two-islands-1956]", f.name));
/// ```
impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.name, self.id)
    }
}
