//! Figures: percentages, spans of years and counts of things, with what they measure.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::dates::number_word;

/// What a figure counts.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum FigureUnit {
    /// A share: "72%", "22 per cent".
    Percent,
    /// A span of years: "67 years after the war", "for two years".
    Years,
    /// A count of things: "two jets", "11 rounds of talks".
    Count,
}

/// Things a count measures in this genre (plural nouns).
const COUNTED: &str = "jets|planes|aircraft|bombers|fighters|helicopters|ships|warships|vessels|boats|submarines|troops|soldiers|servicemen|missiles|launchers|bases|meetings|summits|rounds|visits|residents|inhabitants|people|citizens|villages|fishermen|fishing\\ boats|divisions|battalions|drones|patrols|incursions|scrambles|protests|signatures|delegations|agreements|projects";

const NUMBER: &str = "\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\\ hundred";

static FIGURE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
        (?-u:\b)(?P<pct>\d{{1,3}}(?:\.\d+)?)\ ?(?:%|\ percent(?-u:\b)|\ per\ cent(?-u:\b))
        | (?-u:\b)(?P<yrs>{NUMBER})\ (?:more\ |full\ |long\ |consecutive\ |whole\ )?years?(?-u:\b)(?P<ago>\ ago|\ old|-old)?
        | (?-u:\b)(?P<cnt>{NUMBER})\ (?:[a-z0-9-]+\ ){{0,3}}?(?P<what>{COUNTED})(?-u:\b)"
    ))
    .ok()
});

/// A figure found in the text (offsets into the normalised text).
#[derive(Debug, Clone)]
pub(crate) struct RawFigure {
    pub range: Range<usize>,
    pub value: f64,
    pub unit: FigureUnit,
    /// The counted noun, for counts.
    pub noun: Option<String>,
}

fn value(s: &str) -> Option<f64> {
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    plain.parse::<f64>().ok().or_else(|| {
        let w = s.to_ascii_lowercase();
        if w == "a hundred" { Some(100.0) } else { number_word(&w).map(f64::from) }
    })
}

/// Every figure in `text`. Hyphenated adjectives ("a three-year term", "two-day visit")
/// and ages or relative dates ("two years ago", "70 years old") are not figures.
pub(crate) fn find(text: &str) -> Vec<RawFigure> {
    let Some(re) = FIGURE.as_ref() else { return Vec::new() };
    let mut out = Vec::new();
    for c in re.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let before = text.get(..whole.start()).and_then(|s| s.chars().next_back());
        if matches!(before, Some('-' | '$' | '#' | '.')) {
            continue;
        }
        let (value, unit, noun) = if let Some(p) = c.name("pct") {
            (value(p.as_str()), FigureUnit::Percent, None)
        } else if let Some(y) = c.name("yrs") {
            if c.name("ago").is_some() {
                continue;
            }
            (value(y.as_str()), FigureUnit::Years, None)
        } else if let (Some(n), Some(what)) = (c.name("cnt"), c.name("what")) {
            (value(n.as_str()), FigureUnit::Count, Some(what.as_str().to_ascii_lowercase()))
        } else {
            continue;
        };
        let Some(value) = value else { continue };
        out.push(RawFigure { range: whole.range(), value, unit, noun });
    }
    out
}

/// Whether this module's patterns compile.
pub(crate) fn compiles() -> bool {
    FIGURE.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(f64, FigureUnit)> {
        find(text).into_iter().map(|f| (f.value, f.unit)).collect()
    }

    #[test]
    fn percentages_years_and_counts() {
        assert_eq!(
            figures("In the poll 54% said no and 31 per cent yes."),
            [(54.0, FigureUnit::Percent), (31.0, FigureUnit::Percent)]
        );
        assert_eq!(
            figures("Nearly 75 years after the war; for three years."),
            [(75.0, FigureUnit::Years), (3.0, FigureUnit::Years)]
        );
        assert_eq!(
            figures("Two Russian patrol aircraft and 3,500 troops."),
            [(2.0, FigureUnit::Count), (3500.0, FigureUnit::Count)]
        );
    }

    #[test]
    fn adjectives_ages_and_relative_dates_are_not_figures() {
        assert_eq!(figures("a three-year term, a two-day visit, two years ago, 70 years old"), []);
    }
}
