//! What a formula leaves each island with at its end: the recipient of each part, the
//! stages that move it, joint activity, islands left to later talks.
//!
//! This is the reading the maps and the GeoJSON export share. It reads the formula's
//! stages as data: an island that no stage moves stays with the administering side
//! (Russia today; the Soviet Union when the 1956 and 1960 formulas were put), an island
//! a formula leaves open is *undecided*, and an island moved in part is *split* between
//! the recipients of its shares and the administering side.

use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::formula::{Formula, Recipient, Right, Share};
use crate::id::PartyId;
use crate::island::Island;

/// Who holds an island (or a part of one) at the end of a formula, as a map colours it.
///
/// ```
/// use kuril_dispute::IslandHolder;
///
/// assert_eq!(IslandHolder::Japan.to_string(), "japan");
/// assert_eq!(IslandHolder::Undecided.describe(), "left to later talks");
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
pub enum IslandHolder {
    /// Goes to Japan.
    Japan,
    /// Stays with (or goes to) Russia, or a state Russia continues: the administering
    /// side.
    Russia,
    /// Held jointly by several parties.
    Joint,
    /// Left to later talks.
    Undecided,
    /// Goes to another party (only in user data).
    Other,
}

impl IslandHolder {
    /// Every value, in the order of declaration (5).
    pub const ALL: [IslandHolder; 5] = [
        IslandHolder::Japan,
        IslandHolder::Russia,
        IslandHolder::Joint,
        IslandHolder::Undecided,
        IslandHolder::Other,
    ];
}

impl IslandHolder {
    /// A short neutral legend text: what a formula does with an island of this colour.
    pub fn describe(self) -> &'static str {
        match self {
            IslandHolder::Japan => "to Japan",
            IslandHolder::Russia => "stays with Russia (administering side)",
            IslandHolder::Joint => "joint (Japan and Russia)",
            IslandHolder::Undecided => "left to later talks",
            IslandHolder::Other => "to another party",
        }
    }

    /// The holder a recipient amounts to: Japan, Russia (or a state Russia continues),
    /// joint, or another party.
    pub fn of_recipient(data: &Dataset, recipient: &Recipient) -> IslandHolder {
        match recipient {
            Recipient::Joint(_) => IslandHolder::Joint,
            Recipient::Party(p) => IslandHolder::of_party(data, p),
        }
    }

    /// The holder one party amounts to.
    pub fn of_party(data: &Dataset, party: &PartyId) -> IslandHolder {
        if *party == PartyId::JAPAN {
            IslandHolder::Japan
        } else if *party == PartyId::RUSSIA || data.lineage(&PartyId::RUSSIA).iter().any(|p| p.id == *party) {
            IslandHolder::Russia
        } else {
            IslandHolder::Other
        }
    }
}

/// One part of an island at the end of a formula.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IslandPart {
    /// Who holds the part.
    pub holder: IslandHolder,
    /// The recipient the formula names, if the part moves; `None` if it stays where it is
    /// or is left to later talks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// How much of the island.
    pub share: Share,
}

/// What a formula leaves one island with: one part, or several if the formula moves only
/// shares of it (a share to Japan, a share held jointly, the rest staying).
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId, Island, IslandAllocation, IslandHolder};
///
/// let data = Dataset::builtin();
/// let f = data.formula(FormulaId::TwoIslands1956);
/// assert_eq!(IslandAllocation::of(data, f, Island::Shikotan).holder(), Some(IslandHolder::Japan));
/// assert_eq!(IslandAllocation::of(data, f, Island::Iturup).holder(), Some(IslandHolder::Russia));
///
/// let split = IslandAllocation::of(data, data.formula(FormulaId::AreaSplit), Island::Iturup);
/// assert!(split.is_split());
/// assert_eq!(split.parts[0].holder, IslandHolder::Japan);
/// assert!((split.parts[0].share.fraction() - 0.21).abs() < 1e-9);
/// assert_eq!(split.parts[1].holder, IslandHolder::Russia);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IslandAllocation {
    /// Which island.
    pub island: Island,
    /// The parts: each recipient's share, in the order the formula first names them, then
    /// what stays with the administering side. For a formula of a [`Dataset`] the shares
    /// add up to the whole.
    pub parts: Vec<IslandPart>,
    /// The numbers (from 1) of the stages that move the island.
    pub stages: Vec<usize>,
    /// The rights that move, where the island moves: sovereignty, administration or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<Right>,
    /// Whether the formula puts the island under joint activity without a change of
    /// sovereignty.
    pub joint_activity: bool,
}

impl IslandAllocation {
    /// What `formula` leaves `island` with at its end.
    ///
    /// Each recipient holds the shares the formula's stages give it, added up (a transfer
    /// of the whole island is a share of 1); the rest stays with the administering side.
    /// Where the formula moves sovereignty in the island, the parts are those of
    /// sovereignty; otherwise those of administration (a recipient that gets sovereignty
    /// in one stage and administration in another holds its share once). An island no
    /// stage moves is undecided if the formula leaves it to later talks, and otherwise
    /// stays with the administering side.
    pub fn of(data: &Dataset, formula: &Formula, island: Island) -> IslandAllocation {
        let moves: Vec<(usize, &crate::formula::Transfer)> = formula
            .stages
            .iter()
            .enumerate()
            .flat_map(|(n, s)| s.transfers.iter().map(move |t| (n + 1, t)))
            .filter(|(_, t)| t.island == island)
            .collect();
        let joint_activity = formula.joint_activity.contains(island);
        let mut stages: Vec<usize> = moves.iter().map(|(n, _)| *n).collect();
        stages.dedup();
        if moves.is_empty() {
            let holder = if formula.undecided_islands().contains(island) {
                IslandHolder::Undecided
            } else {
                IslandHolder::Russia
            };
            return IslandAllocation {
                island,
                parts: vec![IslandPart { holder, recipient: None, share: Share::WHOLE }],
                stages,
                right: None,
                joint_activity,
            };
        }
        let right = moves.iter().map(|(_, t)| t.right).reduce(|a, b| if a == b { a } else { Right::Both });
        // The right the parts are read from: sovereignty wherever it moves.
        let axis = if moves.iter().any(|(_, t)| t.right.overlaps(Right::Sovereignty)) {
            Right::Sovereignty
        } else {
            Right::Administration
        };
        let mut given: Vec<(&Recipient, u32)> = Vec::new();
        for (_, t) in moves.iter().filter(|(_, t)| t.right.overlaps(axis)) {
            let bp = u32::from(t.share_or_whole().basis_points());
            match given.iter_mut().find(|(to, _)| **to == t.to) {
                Some((_, sum)) => *sum += bp,
                None => given.push((&t.to, bp)),
            }
        }
        let whole = u32::from(Share::WHOLE.basis_points());
        let share = |bp: u32| Share::from_basis_points(u16::try_from(bp.min(whole)).unwrap_or(10_000));
        let mut parts: Vec<IslandPart> = given
            .iter()
            .filter_map(|(to, bp)| {
                Some(IslandPart {
                    holder: IslandHolder::of_recipient(data, to),
                    recipient: Some((*to).clone()),
                    share: share(*bp)?,
                })
            })
            .collect();
        let moved: u32 = given.iter().map(|(_, bp)| bp).sum();
        if let Some(rest) = share(whole.saturating_sub(moved)) {
            parts.push(IslandPart { holder: IslandHolder::Russia, recipient: None, share: rest });
        }
        IslandAllocation { island, parts, stages, right, joint_activity }
    }

    /// What `formula` leaves each of the four islands with, in [`Island`] order.
    pub fn of_formula(data: &Dataset, formula: &Formula) -> Vec<IslandAllocation> {
        Island::ALL.iter().map(|&i| IslandAllocation::of(data, formula, i)).collect()
    }

    /// The holder of the whole island, or `None` if it is split.
    pub fn holder(&self) -> Option<IslandHolder> {
        match self.parts.as_slice() {
            [only] => Some(only.holder),
            _ => None,
        }
    }

    /// Whether the island is divided between holders.
    pub fn is_split(&self) -> bool {
        self.parts.len() > 1
    }

    /// A one-word summary: the holder's id (`"japan"`, `"russia"`, `"joint"`,
    /// `"undecided"`, `"other"`) or `"split"`.
    pub fn keyword(&self) -> &'static str {
        self.holder().map_or("split", <&'static str>::from)
    }
}

crate::vocabulary::parse_by_id!(
    IslandHolder => "holder",
);
