//! Open-ended identifiers: kebab-case strings for records whose set is not fixed.
//!
//! Islands, agreements and formulas have closed sets of ids (enums). Parties, people,
//! sources, events, positions and collective names are open: a user's dataset can add
//! its own. Their ids are kebab-case strings, checked when they are made.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a string is not a valid id: the id (cut to 80 characters) and what is wrong with
/// it.
///
/// ```
/// use kuril_dispute::PartyId;
///
/// let err = PartyId::new("North Korea").unwrap_err();
/// assert_eq!(err.reason(), "'N' at byte 0 is not a lower-case letter, digit or hyphen");
/// assert!(err.to_string().starts_with("invalid id \"North Korea\": 'N' at byte 0"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid id {id:?}: {reason} (ids are lower-case kebab-case ASCII: a-z, 0-9, single hyphens, 1 to 80 characters)"
)]
#[non_exhaustive]
pub struct IdError {
    id: String,
    reason: String,
}

impl IdError {
    /// The id that was rejected (its first 80 characters).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What is wrong with it, in a few words.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// The longest id, in bytes.
pub(crate) const MAX_ID_LEN: usize = 80;

/// What keeps `s` from being lower-case kebab-case (`[a-z0-9]+(-[a-z0-9]+)*`, at most 80
/// bytes), if anything.
fn kebab_problem(s: &str) -> Option<String> {
    if s.is_empty() {
        return Some("it is empty".to_owned());
    }
    if s.len() > MAX_ID_LEN {
        return Some(format!("it is {} bytes long", s.len()));
    }
    if let Some((at, c)) =
        s.char_indices().find(|&(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
    {
        return Some(format!("{c:?} at byte {at} is not a lower-case letter, digit or hyphen"));
    }
    if s.starts_with('-') || s.ends_with('-') {
        return Some("it starts or ends with a hyphen".to_owned());
    }
    if let Some(at) = s.find("--") {
        return Some(format!("two hyphens in a row at byte {at}"));
    }
    None
}

/// Whether `s` is lower-case kebab-case: `[a-z0-9]+(-[a-z0-9]+)*`, at most 80 bytes. A
/// `const fn`, so that an id made by `from_static` in a constant is checked when the
/// crate compiles.
const fn is_kebab(s: &str) -> bool {
    let mut rest = s.as_bytes();
    if rest.is_empty() || rest.len() > MAX_ID_LEN {
        return false;
    }
    // A hyphen may not come first, after another hyphen, or last.
    let mut after_hyphen = true;
    while let [c, tail @ ..] = rest {
        if *c == b'-' {
            if after_hyphen {
                return false;
            }
            after_hyphen = true;
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            after_hyphen = false;
        } else {
            return false;
        }
        rest = tail;
    }
    !after_hyphen
}

/// An id's text: a literal, or a shared string (cloning an id never allocates, so the
/// extractor's many mentions of one party share one string).
#[derive(Clone)]
enum IdText {
    Static(&'static str),
    Shared(Arc<str>),
}

impl IdText {
    fn as_str(&self) -> &str {
        match self {
            IdText::Static(s) => s,
            IdText::Shared(s) => s,
        }
    }
}

impl std::ops::Deref for IdText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for IdText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for IdText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for IdText {}

impl PartialOrd for IdText {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IdText {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for IdText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(IdText);

        impl $name {
            /// Makes an id, checking that it is kebab-case.
            ///
            /// # Errors
            ///
            /// When `id` is not lower-case kebab-case ASCII of 1 to 80 characters.
            pub fn new(id: impl Into<String>) -> Result<Self, IdError> {
                let id = id.into();
                match kebab_problem(&id) {
                    None => Ok($name(IdText::Shared(Arc::from(id)))),
                    Some(reason) => Err(IdError { id: id.chars().take(MAX_ID_LEN).collect(), reason }),
                }
            }

            /// An id from a literal, checked like [`Self::new`]. In a constant
            /// (`const ID: PartyId = PartyId::from_static("japan");`) the check runs
            /// when the program compiles, so a bad literal never builds; text read at
            /// run time goes through [`Self::new`] or `str::parse`.
            ///
            /// # Panics
            ///
            /// When `id` is not lower-case kebab-case ASCII of 1 to 80 characters (in a
            /// constant: a compile error).
            pub const fn from_static(id: &'static str) -> Self {
                assert!(is_kebab(id), "an id is lower-case kebab-case ASCII: a-z, 0-9, single hyphens, 1 to 80 characters");
                $name(IdText::Static(id))
            }

            /// The id as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                $name::new(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0.as_str() == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = String::deserialize(deserializer)?;
                $name::new(s).map_err(serde::de::Error::custom)
            }
        }
    };
}

string_id! {
    /// The id of a [`Party`](crate::Party): the state's short English name in
    /// kebab-case (`"japan"`, `"soviet-union"`).
    ///
    /// ```
    /// use kuril_dispute::PartyId;
    ///
    /// assert_eq!(PartyId::new("north-korea")?.as_str(), "north-korea");
    /// assert!(PartyId::new("North Korea").is_err());
    /// assert_eq!(PartyId::JAPAN, "japan");
    /// const KOREA: PartyId = PartyId::from_static("north-korea");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// A constant that is not kebab-case does not compile:
    ///
    /// ```compile_fail
    /// const KOREA: kuril_dispute::PartyId = kuril_dispute::PartyId::from_static("North Korea");
    /// let _ = KOREA;
    /// ```
    PartyId
}

impl PartyId {
    /// Japan.
    pub const JAPAN: PartyId = PartyId::from_static("japan");
    /// The Russian Federation.
    pub const RUSSIA: PartyId = PartyId::from_static("russia");
    /// The Union of Soviet Socialist Republics.
    pub const SOVIET_UNION: PartyId = PartyId::from_static("soviet-union");
    /// The Russian Empire.
    pub const RUSSIAN_EMPIRE: PartyId = PartyId::from_static("russian-empire");
    /// The United States.
    pub const UNITED_STATES: PartyId = PartyId::from_static("united-states");
    /// The People's Republic of China.
    pub const CHINA: PartyId = PartyId::from_static("china");
}

string_id! {
    /// The id of a [`Person`](crate::Person): `given-family` as usually written in
    /// English (`"shinzo-abe"`).
    PersonId
}

string_id! {
    /// The id of a [`Source`](crate::Source) in the catalogue (`"mofa-hoppo-data"`).
    SourceId
}

string_id! {
    /// The id of an [`Event`](crate::Event): `YYYY[-MM[-DD]]-slug`.
    EventId
}

string_id! {
    /// The id of a [`Position`](crate::Position): `holder-YYYY[-MM[-DD]]-slug`.
    PositionId
}

string_id! {
    /// The id of a [`CollectiveName`](crate::geography::CollectiveName) (`"northern-territories"`).
    NameId
}

string_id! {
    /// The id of an [`AdministrationPeriod`](crate::AdministrationPeriod):
    /// `administrator-kind-YYYY[-MM[-DD]]-islands` (`"soviet-union-military-1945-09-01-kunashir"`).
    AdministrationId
}

string_id! {
    /// The id of a [`SovereigntyClaim`](crate::SovereigntyClaim): `claimant-YYYY[-MM[-DD]]-slug`
    /// (`"japan-1855-02-07-four-islands"`).
    ClaimId
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "kebab-case")]
    fn from_static_refuses_what_new_refuses() {
        let _ = PartyId::from_static("North Korea");
    }

    #[test]
    fn kebab() {
        for ok in ["japan", "soviet-union", "1956-10-19-x", "a1"] {
            assert!(is_kebab(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "Japan", "a b", "a_b", "日本", "-"] {
            assert!(!is_kebab(bad), "{bad}");
        }
        assert!(!is_kebab(&"a".repeat(81)));
        assert!(is_kebab(&"a".repeat(80)));
        // The const check and the one that explains agree.
        for s in ["japan", "a-b-c", "", "-a", "a--b", "A", "a b", "x-"] {
            assert_eq!(is_kebab(s), kebab_problem(s).is_none(), "{s:?}");
        }
    }
}
