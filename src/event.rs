//! Dated events.

use serde::{Deserialize, Serialize};

use crate::agreement::AgreementId;
use crate::date::PartialDate;
use crate::formula::FormulaId;
use crate::id::{EventId, PartyId, PersonId};
use crate::island::IslandSet;
use crate::source::Citation;

/// What kind of happening an [`Event`] is (the kinds of the shared annotation schema).
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
pub enum EventKind {
    /// Leaders or officials meet.
    Meeting,
    /// A visit, to a country or to the islands.
    Visit,
    /// A settlement proposal is made.
    Proposal,
    /// An agreement is signed, adopted or enters into force.
    AgreementSigned,
    /// An official statement.
    Statement,
    /// A speech.
    Speech,
    /// Sanctions are imposed or lifted.
    Sanction,
    /// A poll is published.
    Poll,
    /// An election or a change of leader.
    Election,
    /// A military action or deployment.
    Military,
    /// Anything else.
    Other,
}

impl EventKind {
    /// Every value, in the order of declaration (11).
    pub const ALL: [EventKind; 11] = [
        EventKind::Meeting,
        EventKind::Visit,
        EventKind::Proposal,
        EventKind::AgreementSigned,
        EventKind::Statement,
        EventKind::Speech,
        EventKind::Sanction,
        EventKind::Poll,
        EventKind::Election,
        EventKind::Military,
        EventKind::Other,
    ];
}

/// A dated happening, with who took part and what it concerned.
///
/// ```
/// use kuril_dispute::Dataset;
/// use kuril_dispute::event::EventKind;
///
/// let data = Dataset::builtin();
/// let signings = data.events().filter(|e| e.kind == EventKind::AgreementSigned).count();
/// assert!(signings >= 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Event {
    /// The id (`"1956-10-19-joint-declaration-signed"`).
    pub id: EventId,
    /// When it happened, at the precision the source gives.
    pub date: PartialDate,
    /// What kind of happening.
    pub kind: EventKind,
    /// The states that acted.
    pub actors: Vec<PartyId>,
    /// The people who took part.
    #[serde(default)]
    pub people: Vec<PersonId>,
    /// The islands it concerned.
    #[serde(default)]
    pub islands: IslandSet,
    /// The agreement it concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementId>,
    /// The settlement formula it concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<FormulaId>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// One neutral sentence.
    pub summary: String,
    /// Where it was read.
    pub cite: Vec<Citation>,
    /// Whether the extractor added it from documents (its citations point into them), as
    /// opposed to curated data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extracted: bool,
}

crate::vocabulary::parse_by_id!(
    EventKind => "event kind",
);

/// One line: when, what kind, who acted, the agreement if any, and the summary:
/// `1956-10-19 agreement-signed japan+soviet-union [joint-declaration-1956]: …`.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let data = Dataset::builtin();
/// let e = data.events().next().expect("an event");
/// let line = e.to_string();
/// assert!(line.starts_with(&format!("{} {}", e.date, e.kind)));
/// assert!(line.ends_with(&e.summary));
/// ```
impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.date, self.kind)?;
        let actors: Vec<&str> = self.actors.iter().map(PartyId::as_str).collect();
        if !actors.is_empty() {
            write!(f, " {}", actors.join("+"))?;
        }
        if let Some(agreement) = &self.agreement {
            write!(f, " [{agreement}]")?;
        }
        write!(f, ": {}", self.summary)
    }
}
