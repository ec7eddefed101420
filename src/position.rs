//! Negotiating positions: a party's stated stance at a date, attributed and cited.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::formula::{Condition, FormulaId, StatedOrder};
use crate::id::{PartyId, PersonId, PositionId};
use crate::island::IslandSet;
use crate::source::Citation;

/// A party's stated stance on a settlement: a formula, or constraints on what it would
/// accept; the order of treaty and transfer; conditions — stated when, by whom, and where
/// it was read.
///
/// A position is always attributed: the dataset records that *this party* said *this*
/// at *this date*, never that the stance is right.
///
/// ```
/// use kuril_dispute::{Dataset, PartyId};
///
/// let data = Dataset::builtin();
/// let japan: Vec<_> = data.positions_of(&PartyId::JAPAN)?.collect();
/// assert!(japan.len() >= 15);
/// assert!(japan.iter().all(|p| !p.cite.is_empty()));
/// # Ok::<(), kuril_dispute::UnknownId>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Position {
    /// The id.
    pub id: PositionId,
    /// Whose stance.
    pub holder: PartyId,
    /// The formula the stance names or amounts to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formula: Option<FormulaId>,
    /// Islands the holder requires to be transferred, where the stance is a constraint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_at_least: Option<IslandSet>,
    /// Islands the holder would transfer at most, where the stance is a constraint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_at_most: Option<IslandSet>,
    /// The order of peace treaty and territorial settlement the holder states
    /// (`sequencing` in the data).
    #[serde(default, rename = "sequencing", skip_serializing_if = "Option::is_none")]
    pub order: Option<StatedOrder>,
    /// Conditions the holder states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// When it was stated.
    pub stated: PartialDate,
    /// Who stated it, where a known person did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<PersonId>,
    /// Who stated it otherwise ("Ministry of Foreign Affairs of Japan").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// The stance in one attributed sentence.
    pub summary: String,
    /// Where it was read.
    pub cite: Vec<Citation>,
    /// Whether the extractor added it from documents (its citations point into them), as
    /// opposed to curated data.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extracted: bool,
}

impl Position {
    /// A hypothetical position for "what if" questions
    /// ([`SettlementSpace::with_hypothetical`](crate::SettlementSpace::with_hypothetical)):
    /// `holder` accepts `formula`, stated at `stated`, with no citations. Refine it with
    /// [`Position::with_order`], [`Position::with_conditions`] and
    /// [`Position::with_transfer_limits`].
    ///
    /// ```
    /// use kuril_dispute::{FormulaId, PartyId, Position};
    ///
    /// let p = Position::hypothetical(PartyId::JAPAN, FormulaId::TwoPlusAlpha, "2018-11".parse()?);
    /// assert_eq!(p.id.as_str(), "hypothetical-japan-two-plus-alpha");
    /// assert!(p.cite.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn hypothetical(holder: PartyId, formula: FormulaId, stated: PartialDate) -> Position {
        let id = PositionId::new(format!("hypothetical-{holder}-{formula}"))
            .unwrap_or_else(|_| PositionId::from_static("hypothetical"));
        Position {
            id,
            summary: format!("Hypothetical: {holder} accepts the formula {formula}."),
            holder,
            formula: Some(formula),
            transfer_at_least: None,
            transfer_at_most: None,
            order: None,
            conditions: Vec::new(),
            stated,
            speaker: None,
            office: None,
            cite: Vec::new(),
            extracted: false,
        }
    }

    /// The same position with a stated order of peace treaty and territorial settlement.
    pub fn with_order(mut self, order: StatedOrder) -> Position {
        self.order = Some(order);
        self
    }

    /// The same position with these conditions.
    pub fn with_conditions(mut self, conditions: impl IntoIterator<Item = Condition>) -> Position {
        self.conditions = conditions.into_iter().collect();
        self
    }

    /// The same position with constraints on the islands transferred: at least
    /// `at_least`, at most `at_most` (either may be `None`).
    pub fn with_transfer_limits(
        mut self,
        at_least: Option<IslandSet>,
        at_most: Option<IslandSet>,
    ) -> Position {
        self.transfer_at_least = at_least;
        self.transfer_at_most = at_most;
        self
    }
}

/// One line: when, who, what (the formula's id, or the bounds on what may be transferred),
/// who said it, and the record's id: `1956-10-19 japan: two-islands-1956, said by
/// ichiro-hatoyama [japan-1956-…]`. Ids, not names: the dataset gives the names.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let data = Dataset::builtin();
/// let p = data.positions().find(|p| p.speaker.is_some()).expect("a spoken position");
/// let line = p.to_string();
/// assert!(line.starts_with(&format!("{} {}:", p.stated, p.holder)));
/// assert!(line.ends_with(&format!("[{}]", p.id)));
/// ```
impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}:", self.stated, self.holder)?;
        match (&self.formula, &self.transfer_at_least, &self.transfer_at_most) {
            (Some(formula), _, _) => write!(f, " {formula}")?,
            (None, least, most) => {
                if let Some(least) = least {
                    write!(f, " at least {least}")?;
                }
                if let Some(most) = most {
                    write!(f, " at most {most}")?;
                }
            }
        }
        if let Some(speaker) = &self.speaker {
            write!(f, ", said by {speaker}")?;
        } else if let Some(office) = &self.office {
            write!(f, ", said by {office}")?;
        }
        write!(f, " [{}]", self.id)
    }
}
