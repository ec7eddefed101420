//! What the extractor finds: the crate's own typed findings, each with its evidence.

use serde::{Deserialize, Serialize};

use super::figures::FigureUnit;
use crate::agreement::AgreementId;
use crate::date::PartialDate;
use crate::event::EventKind;
use crate::formula::FormulaId;
use crate::id::{PartyId, PersonId};
use crate::island::IslandSet;
use crate::source::Span;

/// How a party is named.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::Display, strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum PartyForm {
    /// Its name or an alias: "Japan", "the USSR".
    Name,
    /// A capital or seat standing for the state: "Tokyo", "the Kremlin".
    Metonym,
    /// Its adjective: "Japanese", "Soviet".
    Adjective,
}

impl PartyForm {
    /// Every value, in the order of declaration (3).
    pub const ALL: [PartyForm; 3] = [PartyForm::Name, PartyForm::Metonym, PartyForm::Adjective];
}

crate::vocabulary::parse_by_id!(
    PartyForm => "party form",
);

/// Where a finding was read: its byte span and the span of its sentence, both in the
/// document's original text (`&doc.text()[evidence.span.start..evidence.span.end]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// The words that gave the finding.
    pub span: Span,
    /// The sentence they stand in.
    pub sentence: Span,
}

impl Evidence {
    /// The words that gave the finding, read from the document's text.
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.span.start..self.span.end).unwrap_or_default()
    }

    /// Moves both spans `by` bytes on (for a piece read at that offset).
    pub(crate) fn shift(&mut self, by: usize) {
        for s in [&mut self.span, &mut self.sentence] {
            s.start += by;
            s.end += by;
        }
    }

    /// The sentence, read from the document's text.
    pub fn sentence_text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.sentence.start..self.sentence.end).unwrap_or_default()
    }
}

/// An island named directly ("Kunashiri", "Kunashir") or through a collective name that
/// stands for a set ("the Northern Territories", "the two islands" in a 1956 context).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IslandMention {
    /// The islands the name stands for (the name as written is the evidence's text).
    pub islands: IslandSet,
    /// Where.
    pub evidence: Evidence,
}

/// A state named as acting or acted upon: by name, by metonym ("Tokyo said"), or by an
/// adjective before a state noun ("the Japanese government").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PartyMention {
    /// The party.
    pub party: PartyId,
    /// How it was named.
    pub form: PartyForm,
    /// Where.
    pub evidence: Evidence,
}

/// An agreement referred to, by name or alias, by a phrase such as "the 1956 joint
/// declaration", or implied ("agreed in 1997 …" for the only agreement of that year).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgreementMention {
    /// The agreement.
    pub agreement: AgreementId,
    /// The year the text gives it, when it gives one (it may differ from the signing year).
    pub year: Option<i32>,
    /// Whether it is implied rather than named.
    pub implied: bool,
    /// Where.
    pub evidence: Evidence,
}

/// A person named in the text, known to the dataset or found by pattern.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonMention {
    /// The name as the text gives it (the fullest form it uses).
    pub name: String,
    /// The dataset's person, when known.
    pub person: Option<PersonId>,
    /// The party the person speaks for or belongs to, when known.
    pub party: Option<PartyId>,
    /// The title or role the text gives ("Foreign Minister", "a retired diplomat").
    pub title: Option<String>,
    /// Whether the person speaks for a state at the time (an office holder), as opposed to
    /// an expert, a journalist or a former official.
    pub official: bool,
    /// The first mention.
    pub evidence: Evidence,
}

/// Words in quotation marks, with who said them when the text says. The evidence's span
/// is the quoted words without the marks: `quote.evidence.text(doc.text())`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The speaker's name as in [`PersonMention::name`], when attributed.
    pub speaker: Option<String>,
    /// Where.
    pub evidence: Evidence,
}

/// A dated happening.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventFinding {
    /// The date, at the precision the text gives, resolved against publication.
    pub date: PartialDate,
    /// What kind of happening.
    pub kind: EventKind,
    /// The states taking part.
    pub actors: Vec<PartyId>,
    /// The agreement it concerns.
    pub agreement: Option<AgreementId>,
    /// The formula it concerns.
    pub formula: Option<FormulaId>,
    /// The islands named in its sentence (directly or through a collective name).
    #[serde(default)]
    pub islands: IslandSet,
    /// The people named in its sentence, by [`PersonMention::name`], in order of mention.
    #[serde(default)]
    pub people: Vec<String>,
    /// Where (the span is the time expression, or the agreement's name).
    pub evidence: Evidence,
}

/// A party's stated stance on a settlement, mapped to a formula.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PositionFinding {
    /// Who holds it.
    pub holder: PartyId,
    /// The stance.
    pub formula: FormulaId,
    /// When it was stated (the sentence's date, else the publication date), if known.
    pub date: Option<PartialDate>,
    /// The person who stated it, when the text says.
    pub speaker: Option<String>,
    /// Where (the span is the stance cue).
    pub evidence: Evidence,
}

/// A number the text states: a percentage, a span of years or a count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Figure {
    /// The value.
    pub value: f64,
    /// What kind of number.
    pub unit: FigureUnit,
    /// What it measures, in kebab-case words from the text ("jets", "view-russia-unfavorably").
    pub what: String,
    /// When it holds (the sentence's date, else the publication date), if known.
    pub date: Option<PartialDate>,
    /// Where.
    pub evidence: Evidence,
}

/// Findings that carry evidence (to shift it when a piece is joined to its document).
pub(crate) trait Evidenced {
    fn evidence_mut(&mut self) -> &mut Evidence;
}

macro_rules! evidenced {
    ($($t:ty),*) => {
        $(impl Evidenced for $t {
            fn evidence_mut(&mut self) -> &mut Evidence {
                &mut self.evidence
            }
        })*
    };
}

evidenced!(
    IslandMention,
    PartyMention,
    AgreementMention,
    PersonMention,
    Quote,
    EventFinding,
    PositionFinding,
    Figure
);
