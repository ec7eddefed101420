//! The annotation schema's record (`shared/corpus/SCHEMA.md`): a flat, set-valued view of
//! an [`Extraction`](super::Extraction) for scoring and for JSON Lines output.

use serde::{Deserialize, Serialize};

use super::figures::FigureUnit;
use crate::agreement::AgreementId;
use crate::date::PartialDate;
use crate::event::EventKind;
use crate::formula::FormulaId;
use crate::id::PartyId;
use crate::island::Island;

/// One document's record in the annotation schema. Lists are sets: sorted, no repeats.
///
/// ```
/// use kuril_dispute::Dataset;
/// use kuril_dispute::extract::{Document, Extractor};
///
/// let extractor = Extractor::new(Dataset::builtin())?;
/// let doc = Document::new("a.txt", "Tokyo protested Moscow's plans for Kunashiri.")?;
/// let record = extractor.extract(&doc).record();
/// let json = serde_json::to_string(&record)?;
/// assert!(json.starts_with(r#"{"doc":"a.txt","lang":"en","published":null,"islands":["kunashir"]"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// The document's id.
    pub doc: String,
    /// The document's language (`"en"`, `"ja"`, `"ru"`).
    #[serde(default = "english")]
    pub lang: String,
    /// The publication date, given or inferred; `None` when unknown.
    pub published: Option<PartialDate>,
    /// Islands named.
    pub islands: Vec<Island>,
    /// States acting or acted upon.
    pub parties: Vec<PartyId>,
    /// Agreements of the schema's list referred to.
    pub agreements: Vec<AgreementId>,
    /// People named, with their party.
    pub people: Vec<RecordPerson>,
    /// Dated happenings.
    pub events: Vec<RecordEvent>,
    /// Stated stances (formulas of the schema's list).
    pub positions: Vec<RecordPosition>,
    /// Numbers stated.
    pub figures: Vec<RecordFigure>,
}

fn english() -> String {
    "en".to_string()
}

/// A person in a [`Record`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordPerson {
    /// The name as the text gives it.
    pub name: String,
    /// The party they speak for or belong to.
    pub party: Option<PartyId>,
}

/// An event in a [`Record`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordEvent {
    /// The date.
    pub date: PartialDate,
    /// The kind.
    pub kind: EventKind,
    /// The states taking part.
    pub actors: Vec<PartyId>,
    /// The agreement concerned (schema ids only).
    pub agreement: Option<AgreementId>,
    /// The formula concerned (schema ids only).
    pub formula: Option<FormulaId>,
}

/// A position in a [`Record`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordPosition {
    /// Who holds it.
    pub holder: PartyId,
    /// The formula.
    pub formula: FormulaId,
    /// When stated.
    pub date: Option<PartialDate>,
}

/// A figure in a [`Record`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RecordFigure {
    /// The value.
    pub value: f64,
    /// The unit.
    pub unit: FigureUnit,
    /// What it measures.
    pub what: String,
    /// When it holds.
    pub date: Option<PartialDate>,
}
