//! Parties: the states that act in the dispute.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::id::PartyId;
use crate::source::Citation;

/// A state that acts, or is acted upon, in the dispute.
///
/// States change: the Russian Federation continues the Soviet Union, which followed the
/// Russian Empire. A party names the state it continues in `predecessor`; the
/// [`Dataset`](crate::Dataset) gives the reverse link
/// ([`successor_of`](crate::Dataset::successor_of)) and whole lineages.
///
/// ```
/// use kuril_dispute::{Dataset, PartyId};
///
/// let data = Dataset::builtin();
/// let russia = data.party(&PartyId::RUSSIA).expect("in the data");
/// assert_eq!(russia.predecessor, Some(PartyId::SOVIET_UNION));
/// assert!(russia.metonyms.iter().any(|m| m == "Moscow"));
/// assert_eq!(data.successor_of(&PartyId::SOVIET_UNION).map(|p| &p.id), Some(&PartyId::RUSSIA));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Party {
    /// The id (`"japan"`).
    pub id: PartyId,
    /// The short English name (`"Japan"`).
    pub name: String,
    /// The official name, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official_name: Option<String>,
    /// Other names: "USSR", "U.S.", "Empire of Japan".
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Places that stand for the government: "Tokyo", "Moscow", "the Kremlin".
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// Adjectives of the state: "Japanese", "Soviet".
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// The state this one continues, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<PartyId>,
    /// When the state began, where it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// When the state ended, if it has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

impl Party {
    /// Whether the state existed on `date` (as far as the data says).
    pub fn existed_at(&self, date: PartialDate) -> bool {
        self.from.is_none_or(|from| from.first_day() <= date.last_day())
            && self.to.is_none_or(|to| date.first_day() <= to.last_day())
    }

    /// Every name text may use for this party: name, official name, aliases, metonyms.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.official_name.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.metonyms.iter().map(String::as_str))
    }
}

/// The name, the dates where known, and the id: `Soviet Union, 1922-12-30 – 1991-12-25
/// [soviet-union]`, `Russia, from 1991-12-26 [russia]`.
///
/// ```
/// use kuril_dispute::{Dataset, PartyId};
///
/// let data = Dataset::builtin();
/// let line = data.party("soviet-union")?.to_string();
/// assert!(line.starts_with("Soviet Union, ") && line.ends_with(" [soviet-union]"), "{line}");
/// assert_eq!(data.party("japan")?.to_string(), "Japan [japan]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::fmt::Display for Party {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)?;
        match (&self.from, &self.to) {
            (None, None) => {}
            (Some(from), None) => write!(f, ", from {from}")?,
            (None, Some(to)) => write!(f, ", until {to}")?,
            (Some(from), Some(to)) => write!(f, ", {from} – {to}")?,
        }
        write!(f, " [{}]", self.id)
    }
}
