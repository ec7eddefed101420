//! Agreements and other instruments, and what they provide about the islands.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::formula::FormulaId;
use crate::id::PartyId;
use crate::island::{Island, IslandSet};
use crate::source::Citation;

/// The id of an instrument: the fixed vocabulary of the shared annotation schema, plus
/// the other instruments the sources name.
///
/// Serialises as the kebab-case id (`"joint-declaration-1956"`). Every dataset defines
/// each of these exactly once, so [`Dataset::agreement`](crate::Dataset::agreement)
/// cannot fail.
///
/// ```
/// use kuril_dispute::AgreementId;
///
/// assert_eq!("joint-declaration-1956".parse::<AgreementId>()?, AgreementId::JointDeclaration1956);
/// assert_eq!(AgreementId::SingaporeAgreement2018.to_string(), "singapore-agreement-2018");
/// assert!(AgreementId::ALL.len() >= 15);
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
pub enum AgreementId {
    /// Treaty of Shimoda (Commerce, Navigation and Delimitation), 1855.
    #[serde(rename = "shimoda-treaty-1855")]
    #[strum(serialize = "shimoda-treaty-1855")]
    ShimodaTreaty1855,
    /// Treaty of Saint Petersburg (Sakhalin–Kuril exchange), 1875.
    #[serde(rename = "st-petersburg-treaty-1875")]
    #[strum(serialize = "st-petersburg-treaty-1875")]
    StPetersburgTreaty1875,
    /// Treaty of Portsmouth, 1905.
    #[serde(rename = "portsmouth-treaty-1905")]
    #[strum(serialize = "portsmouth-treaty-1905")]
    PortsmouthTreaty1905,
    /// Soviet–Japanese Neutrality Pact, 1941.
    #[serde(rename = "neutrality-pact-1941")]
    #[strum(serialize = "neutrality-pact-1941")]
    NeutralityPact1941,
    /// Yalta Agreement, 1945.
    #[serde(rename = "yalta-agreement-1945")]
    #[strum(serialize = "yalta-agreement-1945")]
    YaltaAgreement1945,
    /// SCAPIN-677, 1946.
    #[serde(rename = "scapin-677-1946")]
    #[strum(serialize = "scapin-677-1946")]
    Scapin677of1946,
    /// San Francisco Peace Treaty, 1951.
    #[serde(rename = "san-francisco-treaty-1951")]
    #[strum(serialize = "san-francisco-treaty-1951")]
    SanFranciscoTreaty1951,
    /// Soviet–Japanese Joint Declaration, 1956.
    #[serde(rename = "joint-declaration-1956")]
    #[strum(serialize = "joint-declaration-1956")]
    JointDeclaration1956,
    /// Revised US–Japan Security Treaty, 1960.
    #[serde(rename = "us-japan-security-treaty-1960")]
    #[strum(serialize = "us-japan-security-treaty-1960")]
    UsJapanSecurityTreaty1960,
    /// Soviet memoranda of January and February 1960.
    #[serde(rename = "soviet-memoranda-1960")]
    #[strum(serialize = "soviet-memoranda-1960")]
    SovietMemoranda1960,
    /// Japan–Soviet Joint Communiqué, 1991.
    #[serde(rename = "joint-communique-1991")]
    #[strum(serialize = "joint-communique-1991")]
    JointCommunique1991,
    /// Tokyo Declaration, 1993.
    #[serde(rename = "tokyo-declaration-1993")]
    #[strum(serialize = "tokyo-declaration-1993")]
    TokyoDeclaration1993,
    /// Krasnoyarsk agreement, 1997.
    #[serde(rename = "krasnoyarsk-agreement-1997")]
    #[strum(serialize = "krasnoyarsk-agreement-1997")]
    KrasnoyarskAgreement1997,
    /// Moscow Declaration, 1998.
    #[serde(rename = "moscow-declaration-1998")]
    #[strum(serialize = "moscow-declaration-1998")]
    MoscowDeclaration1998,
    /// Statement on the Problem of the Peace Treaty, 2000.
    #[serde(rename = "peace-treaty-statement-2000")]
    #[strum(serialize = "peace-treaty-statement-2000")]
    PeaceTreatyStatement2000,
    /// Irkutsk Statement, 2001.
    #[serde(rename = "irkutsk-statement-2001")]
    #[strum(serialize = "irkutsk-statement-2001")]
    IrkutskStatement2001,
    /// Japan–Russia Action Plan, 2003.
    #[serde(rename = "action-plan-2003")]
    #[strum(serialize = "action-plan-2003")]
    ActionPlan2003,
    /// Abe–Putin Joint Statement, 2013.
    #[serde(rename = "joint-statement-2013")]
    #[strum(serialize = "joint-statement-2013")]
    JointStatement2013,
    /// Agreement to consult on joint economic activities, 2016.
    #[serde(rename = "joint-economic-activities-2016")]
    #[strum(serialize = "joint-economic-activities-2016")]
    JointEconomicActivities2016,
    /// Singapore agreement to accelerate talks, 2018.
    #[serde(rename = "singapore-agreement-2018")]
    #[strum(serialize = "singapore-agreement-2018")]
    SingaporeAgreement2018,
    /// Russian constitutional amendment forbidding cession of territory, 2020.
    #[serde(rename = "constitutional-amendment-2020")]
    #[strum(serialize = "constitutional-amendment-2020")]
    ConstitutionalAmendment2020,
    /// Russian Foreign Ministry statement suspending peace-treaty talks, 2022.
    #[serde(rename = "russian-mfa-statement-2022")]
    #[strum(serialize = "russian-mfa-statement-2022")]
    RussianMfaStatement2022,
}

impl AgreementId {
    /// Every value, in the order of declaration (22).
    pub const ALL: [AgreementId; 22] = [
        AgreementId::ShimodaTreaty1855,
        AgreementId::StPetersburgTreaty1875,
        AgreementId::PortsmouthTreaty1905,
        AgreementId::NeutralityPact1941,
        AgreementId::YaltaAgreement1945,
        AgreementId::Scapin677of1946,
        AgreementId::SanFranciscoTreaty1951,
        AgreementId::JointDeclaration1956,
        AgreementId::UsJapanSecurityTreaty1960,
        AgreementId::SovietMemoranda1960,
        AgreementId::JointCommunique1991,
        AgreementId::TokyoDeclaration1993,
        AgreementId::KrasnoyarskAgreement1997,
        AgreementId::MoscowDeclaration1998,
        AgreementId::PeaceTreatyStatement2000,
        AgreementId::IrkutskStatement2001,
        AgreementId::ActionPlan2003,
        AgreementId::JointStatement2013,
        AgreementId::JointEconomicActivities2016,
        AgreementId::SingaporeAgreement2018,
        AgreementId::ConstitutionalAmendment2020,
        AgreementId::RussianMfaStatement2022,
    ];
}

impl AgreementId {
    /// Whether the id is one of the fifteen of the shared annotation schema.
    pub fn in_annotation_schema(self) -> bool {
        !matches!(
            self,
            AgreementId::NeutralityPact1941
                | AgreementId::Scapin677of1946
                | AgreementId::SovietMemoranda1960
                | AgreementId::JointCommunique1991
                | AgreementId::PeaceTreatyStatement2000
                | AgreementId::ConstitutionalAmendment2020
                | AgreementId::RussianMfaStatement2022
        )
    }
}

/// What kind of instrument an [`Agreement`] is.
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
pub enum AgreementKind {
    /// A treaty.
    Treaty,
    /// A declaration.
    Declaration,
    /// A joint statement of leaders.
    JointStatement,
    /// A communiqué.
    Communique,
    /// An agreement of another form.
    Agreement,
    /// A diplomatic memorandum.
    Memorandum,
    /// A directive of an occupying authority.
    Directive,
    /// A domestic law or constitutional provision.
    Law,
    /// A unilateral statement.
    Statement,
    /// A pact.
    Pact,
}

impl AgreementKind {
    /// Every value, in the order of declaration (10).
    pub const ALL: [AgreementKind; 10] = [
        AgreementKind::Treaty,
        AgreementKind::Declaration,
        AgreementKind::JointStatement,
        AgreementKind::Communique,
        AgreementKind::Agreement,
        AgreementKind::Memorandum,
        AgreementKind::Directive,
        AgreementKind::Law,
        AgreementKind::Statement,
        AgreementKind::Pact,
    ];
}

/// The legal or political standing of an instrument.
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
pub enum AgreementStatus {
    /// A legally binding instrument in force.
    InForce,
    /// A political commitment, not a legally binding instrument.
    Political,
    /// Ended.
    Terminated,
    /// Replaced by a later instrument.
    Superseded,
    /// Suspended by a party.
    Suspended,
    /// Signed but never in force.
    NeverInForce,
    /// An act of one party alone.
    Unilateral,
}

impl AgreementStatus {
    /// Every value, in the order of declaration (7).
    pub const ALL: [AgreementStatus; 7] = [
        AgreementStatus::InForce,
        AgreementStatus::Political,
        AgreementStatus::Terminated,
        AgreementStatus::Superseded,
        AgreementStatus::Suspended,
        AgreementStatus::NeverInForce,
        AgreementStatus::Unilateral,
    ];
}

/// What a provision does about the islands it names.
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
pub enum ProvisionEffect {
    /// Draws a boundary.
    Boundary,
    /// Cedes territory.
    Cession,
    /// Renounces a claim.
    Renunciation,
    /// Promises a transfer.
    TransferPromise,
    /// Puts a condition on a transfer.
    TransferCondition,
    /// Suspends a party's administration.
    AdministrationSuspended,
    /// Acknowledges that the islands are in dispute.
    DisputeAcknowledged,
    /// Sets a basis for negotiation.
    NegotiationBasis,
    /// Provides for joint activity.
    JointActivity,
    /// Forbids ceding territory.
    CessionProhibited,
    /// Suspends talks.
    TalksSuspended,
    /// Anything else.
    Other,
}

impl ProvisionEffect {
    /// Every value, in the order of declaration (12).
    pub const ALL: [ProvisionEffect; 12] = [
        ProvisionEffect::Boundary,
        ProvisionEffect::Cession,
        ProvisionEffect::Renunciation,
        ProvisionEffect::TransferPromise,
        ProvisionEffect::TransferCondition,
        ProvisionEffect::AdministrationSuspended,
        ProvisionEffect::DisputeAcknowledged,
        ProvisionEffect::NegotiationBasis,
        ProvisionEffect::JointActivity,
        ProvisionEffect::CessionProhibited,
        ProvisionEffect::TalksSuspended,
        ProvisionEffect::Other,
    ];
}

/// How one party reads a provision (where the parties read it differently).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Reading {
    /// Whose reading.
    pub party: PartyId,
    /// The islands the provision covers in this reading.
    #[serde(default)]
    pub islands: IslandSet,
    /// The reading in one sentence.
    pub summary: String,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// What an instrument provides about the islands: one article or clause.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Provision {
    /// The article or clause ("Art. 9").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// What it does.
    pub effect: ProvisionEffect,
    /// The islands it names or covers.
    #[serde(default)]
    pub islands: IslandSet,
    /// The party it favours, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<PartyId>,
    /// The settlement formula it embodies, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<FormulaId>,
    /// What it says, in one or two sentences.
    pub summary: String,
    /// How each party reads it, where they differ.
    #[serde(default, rename = "reading", skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

impl Provision {
    /// Whether the provision concerns `island`, directly or in any party's reading.
    pub fn concerns(&self, island: Island) -> bool {
        self.islands.contains(island) || self.readings.iter().any(|r| r.islands.contains(island))
    }
}

/// A treaty, declaration, statement or other instrument, and its provisions on the
/// islands.
///
/// ```
/// use kuril_dispute::{AgreementId, Dataset, Island};
///
/// let data = Dataset::builtin();
/// let decl = data.agreement(AgreementId::JointDeclaration1956);
/// assert_eq!(decl.signed.to_string(), "1956-10-19");
/// let on_shikotan: Vec<_> = decl.provisions_on(Island::Shikotan).collect();
/// assert!(!on_shikotan.is_empty());
/// assert_eq!(decl.provisions_on(Island::Iturup).count(), 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// The id.
    pub id: AgreementId,
    /// The official or usual English name.
    pub name: String,
    /// Other names text uses for it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What kind of instrument it is.
    pub kind: AgreementKind,
    /// The parties (signatories, or the issuing state of a unilateral act).
    pub parties: Vec<PartyId>,
    /// When it was signed, adopted or issued.
    pub signed: PartialDate,
    /// Where it was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Ratification, exchange of ratifications or entry into force, where it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratified: Option<PartialDate>,
    /// Its standing.
    pub status: AgreementStatus,
    /// What it is, in a sentence or two.
    pub summary: String,
    /// Calendar notes, disagreements between sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What it provides about the islands.
    #[serde(default, rename = "provision")]
    pub provisions: Vec<Provision>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

impl Agreement {
    /// The provisions that concern `island`, directly or in any party's reading.
    pub fn provisions_on(&self, island: Island) -> impl Iterator<Item = &Provision> {
        self.provisions.iter().filter(move |p| p.concerns(island))
    }

    /// Every island any provision names.
    pub fn islands(&self) -> IslandSet {
        self.provisions.iter().fold(IslandSet::EMPTY, |acc, p| acc | p.islands)
    }

    /// Every name text may use: name and aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

crate::vocabulary::parse_by_id!(
    AgreementId => "agreement",
    AgreementKind => "agreement kind",
    AgreementStatus => "agreement status",
    ProvisionEffect => "provision effect",
);

/// The date signed, the name and the id: `1956-10-19 Japan–Soviet Joint Declaration
/// [joint-declaration-1956]`.
///
/// ```
/// use kuril_dispute::{AgreementId, Dataset};
///
/// let a = Dataset::builtin().agreement(AgreementId::JointDeclaration1956);
/// assert_eq!(a.to_string(), format!("1956-10-19 {} [joint-declaration-1956]", a.name));
/// ```
impl std::fmt::Display for Agreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} [{}]", self.signed, self.name, self.id)
    }
}

/// The locator where there is one, the effect, the islands and the beneficiary:
/// `Art. 9: transfer-upon-treaty Shikotan, Habomai → japan`.
impl std::fmt::Display for Provision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(locator) = &self.locator {
            write!(f, "{locator}: ")?;
        }
        write!(f, "{} {}", self.effect, self.islands)?;
        if let Some(beneficiary) = &self.beneficiary {
            write!(f, " → {beneficiary}")?;
        }
        Ok(())
    }
}
