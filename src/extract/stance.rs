//! Stance cues: the phrases by which a text reports a party's position, mapped to the
//! settlement formulas of the annotation schema.
//!
//! The cues are written for the genre (wire copy, editorials, op-eds), in British and
//! American spelling; they name what a stance *is* ("post-war realities", "without
//! preconditions", "two islands now and two later"), never a particular article.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::text::{tagged_alternation, which};
use crate::formula::FormulaId;

/// The cue table: a formula and the phrases that state it.
pub(crate) const CUES: &[(FormulaId, &str)] = &[
    (
        FormulaId::FourIslands,
        r"(?:demands?|wants?|claims?|seeks?|return\ of|returning|hand(?:ing)?\ (?:back|over))\ (?:the\ return\ of\ )?all\ (?:the\ )?(?:four|4)\ (?:islands|territories)
        |(?:only\ )?after\ the\ (?:sovereignty|territorial|ownership)\ (?:issue|question|problem|dispute)[^.]{0,60}\ (?:is|are|has\ been)\ (?:resolved|settled)
        |(?:resolv|settl)(?:e|es|ed|ing)\ the\ (?:issue|question|problem)\ of\ (?:the\ )?(?:ownership|sovereignty|attribution)\ (?:of|over)\ (?:the\ |these\ |all\ four\ )?islands
        |(?:should|must|would)\ follow\ the\ (?:settlement|resolution)\ of\ the\ territorial
        |(?:peace\ treaty|treaty)[^.]{0,40}(?:directly\ )?linked\ to\ the\ (?:issue|question|problem)\ of\ the\ northern\ territories
        |inherent\ (?:part\ of\ )?(?:japanese\ )?territor(?:y|ies)
        |claims?\ (?:to|on)\ all\ (?:the\ )?(?:four|4)\ (?:islands|territories)
        |return\ of\ (?:the\ )?(?:northern\ territories|four\ islands|four\ northern\ islands)
        |(?:has|have|holds?)\ sovereignty\ over\ the\ (?:kuril|northern|four|disputed|islands)
        |(?:japan'?s|japanese)\ sovereignty\ over\ (?:all\ )?(?:the\ )?(?:four|4|northern|disputed|islands)
        |(?:sovereignty|territorial)\ (?:issue|question|problem)\ first
        |illegal(?:ly)?\ occup",
    ),
    (
        FormulaId::TwoIslands1956,
        r"(?:abide\ by|honou?r|on\ the\ basis\ of|based\ on|along\ the\ lines\ of|beyond|return\ to)\ the\ 1956
        |(?:hand(?:ing|ed)?\ over|return(?:ing|ed)?|transfer(?:ring|red)?|give\ up|cede|ceding)\ (?:only\ )?(?:the\ )?(?:two|2)\ (?:of\ the\ four\ )?(?:islands|areas|smaller\ islands)
        |(?:two|2)\ of\ the\ (?:four|4)\ islands\ (?:is|as|would\ be)\ the\ compromise
        |(?:pledge|promise|agreed|undertook)\ to\ (?:return|hand\ over|transfer)\ (?:two|2|shikotan|the\ habomai|habomai)",
    ),
    (
        FormulaId::TwoPlusAlpha,
        r"two[-\ ]plus[-\ ]alpha|2\s*\+\s*alpha|at\ least\ a\ third\ island|(?:two|2)\ islands\ plus|just\ the\ start\ of\ negotiations",
    ),
    (
        FormulaId::TwoNowTwoLater,
        r"(?:two|2)\ (?:islands\ )?now[^.]{0,80}?(?:two|2)\ (?:more\ )?(?:islands\ )?(?:at\ a\ )?later
        |phased\ return|step[-\ ]by[-\ ]step\ return|two[-\ ]stage\ (?:return|solution|settlement)|two\ now,?\ two\ later",
    ),
    (
        FormulaId::AreaSplit,
        r"(?:split|divide|divided|dividing|divvy)[^.]{0,40}(?:by|based\ on|according\ to)\ (?:land\ )?area|fifty[-\ ]fifty\ split|50[-\ ]50\ split|equal\ (?:division|split)\ of\ the\ (?:islands|territory)",
    ),
    (
        FormulaId::JointEconomicZone,
        r"joint\ economic\ activit(?:y|ies)\ on\ the\ (?:islands|four)|joint\ (?:economic\ )?development\ of\ the\ islands|special\ (?:economic\ )?(?:zone|system|regime)\ (?:on|for)\ the\ islands|joint\ management\ of\ the\ islands",
    ),
    (
        FormulaId::TreatyWithoutPreconditions,
        r"without\ (?:any\ )?(?:pre-?conditions|prior\ conditions)
        |(?:ready|willing|prepared)\ to\ sign\ (?:such\ a|a|the)\ (?:peace\ )?treaty\ (?:immediately|right\ away|now|at\ once)
        |sign\ (?:a|the)\ peace\ treaty\ first
        |(?:next|first)\ (?:task|step)\ is\ to\ sign\ a\ peace\ treaty
        |cannot\ be\ reduced\ to\ (?:the\ )?territorial",
    ),
    (
        FormulaId::StatusQuo,
        r"post-?war\ realit(?:y|ies)|results?\ of\ (?:the\ )?(?:second\ world\ war|world\ war\ (?:ii|2|two)|ww-?\ ?ii|the\ war)
        |reaffirm(?:s|ed|ing)?\ (?:its\ |russia's\ |russian\ )?sovereignty
        |opposition\ to\ relinquishing
        |refus(?:e|es|ed|ing)\ to\ (?:return|hand\ over|hand\ back|give\ up|cede)|(?:not|never)\ (?:be\ )?(?:up\ )?for\ (?:negotiation|discussion|sale)
        |not\ (?:planning\ on|going\ to|willing\ to)\ (?:giv(?:e|ing)|hand(?:ing)?)\ (?:anything|any\ (?:island|territory))\ (?:up|over|back)
        |integral\ part\ of\ (?:the\ )?russia|legitimately\ (?:belong|part)|indisputabl[ye]\ russian|russia'?s\ sovereignty\ over\ the\ islands\ is",
    ),
    (FormulaId::Hikiwake, r"hikiwake|a\ draw(?-u:\b)|\(draw\)"),
];

/// A stance cue found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub range: Range<usize>,
    pub formula: FormulaId,
}

static CUE_RE: LazyLock<Option<(Regex, Vec<FormulaId>)>> =
    LazyLock::new(|| tagged_alternation("(?ix)", CUES, ""));

/// Every stance cue in `text`.
pub(crate) fn find(text: &str) -> Vec<Cue> {
    let Some((re, formulas)) = CUE_RE.as_ref() else { return Vec::new() };
    re.captures_iter(text)
        .filter_map(|c| which(&c, formulas).map(|(formula, m)| Cue { range: m.range(), formula }))
        .collect()
}

/// Whether this module's patterns compile.
pub(crate) fn compiles() -> bool {
    CUE_RE.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formulas(text: &str) -> Vec<FormulaId> {
        find(text).into_iter().map(|c| c.formula).collect()
    }

    #[test]
    fn every_cue_compiles_and_each_formula_is_found() {
        assert!(CUE_RE.is_some());
        assert_eq!(formulas("Moscow insists Tokyo accept the post-war realities."), [FormulaId::StatusQuo]);
        assert_eq!(
            formulas("He offered a treaty without any preconditions."),
            [FormulaId::TreatyWithoutPreconditions]
        );
        assert_eq!(
            formulas("Talks would go on the basis of the 1956 declaration."),
            [FormulaId::TwoIslands1956]
        );
        assert_eq!(
            formulas("Tokyo floated two islands now and two more later."),
            [FormulaId::TwoNowTwoLater]
        );
        assert_eq!(formulas("Japan demands all four islands."), [FormulaId::FourIslands]);
        assert_eq!(formulas("a so-called hikiwake"), [FormulaId::Hikiwake]);
        assert_eq!(formulas("Tokyo seeks the return of the Northern Territories."), [FormulaId::FourIslands]);
        assert_eq!(formulas("Moscow refuses to hand over any island."), [FormulaId::StatusQuo]);
        assert_eq!(formulas("Japan will not drop its claim to all four islands."), [FormulaId::FourIslands]);
        assert_eq!(formulas("The weather was fine."), []);
    }
}
