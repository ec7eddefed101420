//! People: leaders, ministers, diplomats, experts and authors.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::id::{PartyId, PersonId};
use crate::source::Citation;

/// An office or occupation a person held, with dates where known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Role {
    /// "Prime Minister of Japan", "retired diplomat".
    pub title: String,
    /// When the person took it up, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// When the person left it, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// Where it was read (the person's citations if empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<Citation>,
}

/// The words of an office that speaks for a state, as the dataset's (English) role titles
/// write them.
const OFFICE_WORDS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "minister",
    "ambassador",
    "spokes",
    // The head of a foreign ministry's press department is its spokesperson.
    "press department",
    "secretary",
    "governor",
    "chancellor",
    "emperor",
    "tsar",
    "czar",
    "king",
    "envoy",
    "chairman",
    "general secretary",
    "head of state",
];

impl Role {
    /// Whether the role is an office that speaks for a state (a minister, an ambassador, a
    /// spokesman), not a former one and not an expert's post. Role titles in `data/` are
    /// written in English.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartialDate};
    ///
    /// let abe = Dataset::builtin().person("shinzo-abe")?;
    /// let in_2018: PartialDate = "2018".parse()?;
    /// assert!(abe.roles_at(in_2018).all(|r| r.is_office()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_office(&self) -> bool {
        let t = self.title.to_ascii_lowercase();
        !(t.starts_with("former")
            || t.starts_with("ex-")
            || t.starts_with("retired")
            || t.contains(" former "))
            && OFFICE_WORDS.iter().any(|w| t.contains(w))
    }

    /// Whether the role was held at some time within `date` (open ends count as open).
    pub fn held_at(&self, date: PartialDate) -> bool {
        self.from.is_none_or(|from| from.first_day() <= date.last_day())
            && self.to.is_none_or(|to| date.first_day() <= to.last_day())
    }
}

/// A person named in the dispute's sources.
///
/// ```
/// use kuril_dispute::{Dataset, PartyId, PersonId};
///
/// let data = Dataset::builtin();
/// let abe = data.person("shinzo-abe")?;
/// assert_eq!(abe.party, Some(PartyId::JAPAN));
/// let pm_in_2016 = abe.roles_at("2016-12".parse()?).any(|r| r.title.contains("Prime Minister"));
/// assert!(pm_in_2016);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Person {
    /// The id (`"shinzo-abe"`).
    pub id: PersonId,
    /// The name as usually written in English.
    pub name: String,
    /// The name in the person's own script, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native: Option<String>,
    /// Other forms of the name: surname alone, other orders, other transliterations.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The state the person belongs to or speaks for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyId>,
    /// Offices and occupations.
    #[serde(default, rename = "role")]
    pub roles: Vec<Role>,
    /// Where it was read.
    pub cite: Vec<Citation>,
    /// Whether the extractor added it from documents (its citations point into them), as
    /// opposed to curated data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extracted: bool,
}

impl Person {
    /// The roles held at some time within `date`.
    pub fn roles_at<'a>(&'a self, date: PartialDate) -> impl Iterator<Item = &'a Role> + 'a {
        self.roles.iter().filter(move |r| r.held_at(date))
    }

    /// Every name text may use: name, native name, aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.native.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// The name, the native name where there is one, the party and the id:
/// `Shinzo Abe (安倍晋三), japan [shinzo-abe]`.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let abe = Dataset::builtin().person("shinzo-abe")?;
/// assert_eq!(abe.to_string(), "Shinzo Abe (安倍晋三), japan [shinzo-abe]");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::fmt::Display for Person {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)?;
        if let Some(native) = &self.native {
            write!(f, " ({native})")?;
        }
        if let Some(party) = &self.party {
            write!(f, ", {party}")?;
        }
        write!(f, " [{}]", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::Role;

    fn role(title: &str) -> Role {
        Role { title: title.into(), from: None, to: None, cite: Vec::new() }
    }

    #[test]
    fn offices_speak_for_a_state_and_former_ones_do_not() {
        assert!(role("Minister for Foreign Affairs of Japan").is_office());
        assert!(role("Press Secretary of the President of Russia").is_office());
        assert!(!role("Former Prime Minister of Japan").is_office());
        assert!(!role("Retired diplomat").is_office());
        assert!(!role("Professor of international relations").is_office());
    }
}
