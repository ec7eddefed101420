//! The four disputed islands and sets of them.

use std::fmt;
use std::ops::{BitAnd, BitOr, Not, Sub};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One of the four disputed islands (the Habomai islets count as one group).
///
/// The English name is the variant; the serde and string form is the kebab-case id of the
/// shared annotation schema (`"iturup"`, `"kunashir"`, `"shikotan"`, `"habomai"`).
/// Iteration runs north-east to south-west, the order in which sources usually list them.
/// Japanese and Russian names, areas and the rest are in
/// [`IslandProfile`](crate::IslandProfile), from the dataset.
///
/// ```
/// use kuril_dispute::Island;
///
/// assert_eq!(Island::ALL.len(), 4);
/// for island in Island::ALL {
///     assert_eq!(island.id().parse::<Island>()?, island);
/// }
/// assert_eq!("kunashir".parse::<Island>()?, Island::Kunashir);
/// assert_eq!(Island::Habomai.to_string(), "habomai");
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
pub enum Island {
    /// Iturup (Russian Итуруп), Etorofu (Japanese 択捉島).
    Iturup,
    /// Kunashir (Russian Кунашир), Kunashiri (Japanese 国後島).
    Kunashir,
    /// Shikotan (Russian Шикотан, Japanese 色丹島).
    Shikotan,
    /// The Habomai islets (Russian острова Хабомаи, Japanese 歯舞群島).
    Habomai,
}

impl Island {
    /// Every value, in the order of declaration (4).
    pub const ALL: [Island; 4] = [Island::Iturup, Island::Kunashir, Island::Shikotan, Island::Habomai];
}

impl Island {
    /// The kebab-case id (`"iturup"`), which is also how an island displays.
    pub fn id(self) -> &'static str {
        self.into()
    }

    /// The English name (`"Iturup"`, `"Habomai"`); the names in Japanese and Russian are
    /// in the dataset's [`IslandProfile`](crate::IslandProfile).
    pub fn name(self) -> &'static str {
        match self {
            Island::Iturup => "Iturup",
            Island::Kunashir => "Kunashir",
            Island::Shikotan => "Shikotan",
            Island::Habomai => "Habomai",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of islands: a four-bit set with set algebra.
///
/// Iterates in the order of [`Island`]; displays, like an island, by ids: a
/// comma-separated list ("shikotan, habomai", or "none"); serialises as a list of ids.
///
/// ```
/// use kuril_dispute::{Island, IslandSet};
///
/// let two = IslandSet::from([Island::Shikotan, Island::Habomai]);
/// let rest = IslandSet::ALL - two;
/// assert_eq!(rest, IslandSet::from([Island::Iturup, Island::Kunashir]));
/// assert_eq!(two | rest, IslandSet::ALL);
/// assert!((two & rest).is_empty());
/// assert_eq!(two.to_string(), "shikotan, habomai");
/// assert_eq!(Island::Shikotan.to_string(), "shikotan");
/// assert_eq!(two.len(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct IslandSet(u8);

impl IslandSet {
    /// No island.
    pub const EMPTY: IslandSet = IslandSet(0);
    /// All four islands.
    pub const ALL: IslandSet = IslandSet(0b1111);

    /// The empty set.
    pub fn new() -> Self {
        Self::EMPTY
    }

    /// Whether `island` is in the set.
    pub fn contains(self, island: Island) -> bool {
        self.0 & island.bit() != 0
    }

    /// Adds `island`; returns whether it was new.
    pub fn insert(&mut self, island: Island) -> bool {
        let new = !self.contains(island);
        self.0 |= island.bit();
        new
    }

    /// Removes `island`; returns whether it was present.
    pub fn remove(&mut self, island: Island) -> bool {
        let present = self.contains(island);
        self.0 &= !island.bit();
        present
    }

    /// The number of islands in the set.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Islands in either set.
    pub fn union(self, other: IslandSet) -> IslandSet {
        IslandSet(self.0 | other.0)
    }

    /// Islands in both sets.
    pub fn intersection(self, other: IslandSet) -> IslandSet {
        IslandSet(self.0 & other.0)
    }

    /// Islands in `self` and not in `other`.
    pub fn difference(self, other: IslandSet) -> IslandSet {
        IslandSet(self.0 & !other.0)
    }

    /// The islands not in the set.
    pub fn complement(self) -> IslandSet {
        IslandSet(!self.0 & Self::ALL.0)
    }

    /// Whether every island of `self` is in `other`.
    pub fn is_subset(self, other: IslandSet) -> bool {
        self.0 & !other.0 == 0
    }

    /// Whether every island of `other` is in `self`.
    pub fn is_superset(self, other: IslandSet) -> bool {
        other.is_subset(self)
    }

    /// The islands, in [`Island`] order.
    pub fn iter(self) -> IslandSetIter {
        IslandSetIter { remaining: self }
    }

    /// Every subset of the set (including the empty set and the set itself), in
    /// increasing order of their bits.
    ///
    /// ```
    /// use kuril_dispute::IslandSet;
    /// assert_eq!(IslandSet::ALL.subsets().count(), 16);
    /// ```
    pub fn subsets(self) -> impl Iterator<Item = IslandSet> {
        (0..=Self::ALL.0).map(IslandSet).filter(move |s| s.is_subset(self))
    }
}

impl From<Island> for IslandSet {
    fn from(island: Island) -> Self {
        IslandSet(island.bit())
    }
}

impl<const N: usize> From<[Island; N]> for IslandSet {
    fn from(islands: [Island; N]) -> Self {
        islands.into_iter().collect()
    }
}

impl FromIterator<Island> for IslandSet {
    fn from_iter<T: IntoIterator<Item = Island>>(iter: T) -> Self {
        let mut set = IslandSet::EMPTY;
        for island in iter {
            set.insert(island);
        }
        set
    }
}

impl Extend<Island> for IslandSet {
    fn extend<T: IntoIterator<Item = Island>>(&mut self, iter: T) {
        for island in iter {
            self.insert(island);
        }
    }
}

/// An iterator over the islands of an [`IslandSet`], in [`Island`] order.
#[derive(Debug, Clone)]
pub struct IslandSetIter {
    remaining: IslandSet,
}

impl IslandSetIter {
    /// Takes the island of bit `bit` out of the remaining set.
    fn take(&mut self, bit: u32) -> Option<Island> {
        let island = *Island::ALL.get(usize::try_from(bit).ok()?)?;
        self.remaining.remove(island);
        Some(island)
    }
}

impl Iterator for IslandSetIter {
    type Item = Island;
    fn next(&mut self) -> Option<Island> {
        if self.remaining.is_empty() {
            return None;
        }
        self.take(self.remaining.0.trailing_zeros())
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining.len(), Some(self.remaining.len()))
    }
}

impl DoubleEndedIterator for IslandSetIter {
    fn next_back(&mut self) -> Option<Island> {
        if self.remaining.is_empty() {
            return None;
        }
        self.take(u8::BITS - 1 - self.remaining.0.leading_zeros())
    }
}

impl ExactSizeIterator for IslandSetIter {}

impl IntoIterator for IslandSet {
    type Item = Island;
    type IntoIter = IslandSetIter;
    fn into_iter(self) -> IslandSetIter {
        self.iter()
    }
}

impl BitOr for IslandSet {
    type Output = IslandSet;
    fn bitor(self, rhs: IslandSet) -> IslandSet {
        self.union(rhs)
    }
}

impl BitAnd for IslandSet {
    type Output = IslandSet;
    fn bitand(self, rhs: IslandSet) -> IslandSet {
        self.intersection(rhs)
    }
}

impl Sub for IslandSet {
    type Output = IslandSet;
    fn sub(self, rhs: IslandSet) -> IslandSet {
        self.difference(rhs)
    }
}

impl Not for IslandSet {
    type Output = IslandSet;
    fn not(self) -> IslandSet {
        self.complement()
    }
}

impl fmt::Display for IslandSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        for (n, island) in self.iter().enumerate() {
            if n > 0 {
                f.write_str(", ")?;
            }
            f.write_str(island.id())?;
        }
        Ok(())
    }
}

impl Serialize for IslandSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for IslandSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let islands = Vec::<Island>::deserialize(deserializer)?;
        let mut set = IslandSet::EMPTY;
        for island in islands {
            // A repeat would be dropped silently and not written back.
            if !set.insert(island) {
                return Err(serde::de::Error::custom(format!("island `{island}` is listed twice")));
            }
        }
        Ok(set)
    }
}

crate::vocabulary::parse_by_id!(
    Island => "island",
);
