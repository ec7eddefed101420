//! Closed vocabularies from text: the error of an id that is not one of them.
//!
//! Every closed enum of the crate (islands, agreements, formulas, kinds, rights, …)
//! parses from its kebab-case id with [`str::parse`]; an unknown id is a
//! [`VocabularyError`] that names the vocabulary and lists the ids it has.

use std::fmt;

/// The longest part of the input an error keeps, in characters.
const MAX_SHOWN: usize = 40;

/// Why a text is not an id of a closed vocabulary: it names the vocabulary, the text
/// (cut to 40 characters) and the ids that exist.
///
/// ```
/// use kuril_dispute::{Island, VocabularyError};
///
/// let err: VocabularyError = "Habomai".parse::<Island>().unwrap_err();
/// assert_eq!(err.vocabulary(), "island");
/// assert_eq!(
///     err.to_string(),
///     "unknown island \"Habomai\": expected one of iturup, kunashir, shikotan, habomai \
///      (ids are lower-case: \"habomai\")"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VocabularyError {
    vocabulary: &'static str,
    input: String,
    expected: Vec<&'static str>,
}

impl VocabularyError {
    pub(crate) fn new(vocabulary: &'static str, input: &str, expected: Vec<&'static str>) -> Self {
        VocabularyError { vocabulary, input: input.chars().take(MAX_SHOWN).collect(), expected }
    }

    /// The vocabulary (`"island"`, `"formula"`).
    pub fn vocabulary(&self) -> &'static str {
        self.vocabulary
    }

    /// The text that was given, cut to 40 characters.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The ids of the vocabulary.
    pub fn expected(&self) -> &[&'static str] {
        &self.expected
    }
}

impl fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `{:?}` escapes quotes and control characters of the input.
        write!(
            f,
            "unknown {} {:?}: expected one of {}",
            self.vocabulary,
            self.input,
            self.expected.join(", ")
        )?;
        let folded = self.input.trim().to_lowercase().replace([' ', '_'], "-");
        if let Some(id) = self.expected.iter().find(|id| **id == folded) {
            write!(f, " (ids are lower-case: {id:?})")?;
        }
        Ok(())
    }
}

impl std::error::Error for VocabularyError {}

/// A closed vocabulary: an enum whose values are listed in its inherent `ALL` constant.
/// Crate-private: it lets the tests check every `ALL` against the enum's variants.
#[cfg_attr(not(any(test, feature = "extract")), allow(dead_code))]
pub(crate) trait Closed: Copy + 'static {
    /// Every value, as `ALL` lists them.
    fn all() -> &'static [Self];
}

/// Implements `FromStr` for closed enums by their ids (`IntoStaticStr`, as strum's
/// `serialize_all = "kebab-case"` writes them), with a [`VocabularyError`] naming the
/// vocabulary; the values are the enum's inherent `ALL` constant.
macro_rules! parse_by_id {
    ($($ty:ty => $vocabulary:literal),* $(,)?) => {
        $(
            impl std::str::FromStr for $ty {
                type Err = $crate::vocabulary::VocabularyError;

                /// The value whose id is `s` (`"habomai"`); an unknown id is an error
                /// that lists the ids.
                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    <$ty>::ALL
                        .iter()
                        .copied()
                        .find(|v| <&'static str>::from(*v) == s)
                        .ok_or_else(|| {
                            $crate::vocabulary::VocabularyError::new(
                                $vocabulary,
                                s,
                                <$ty>::ALL.iter().map(|v| <&'static str>::from(*v)).collect(),
                            )
                        })
                }
            }

            impl $crate::vocabulary::Closed for $ty {
                fn all() -> &'static [Self] {
                    &<$ty>::ALL
                }
            }
        )*
    };
}

pub(crate) use parse_by_id;

#[cfg(test)]
mod tests {
    use super::Closed;

    /// `ALL` lists every variant once, in declaration order (strum's `EnumIter`, derived
    /// in test builds only, walks the variants).
    fn complete<T: Closed + strum::IntoEnumIterator + PartialEq + std::fmt::Debug>() {
        assert_eq!(T::all(), T::iter().collect::<Vec<T>>().as_slice(), "{}", std::any::type_name::<T>());
    }

    #[test]
    fn every_all_constant_lists_every_variant() {
        use crate::*;
        complete::<Island>();
        complete::<FormulaId>();
        complete::<formula::StatedOrder>();
        complete::<formula::Condition>();
        complete::<formula::Right>();
        complete::<AgreementId>();
        complete::<agreement::AgreementKind>();
        complete::<agreement::AgreementStatus>();
        complete::<agreement::ProvisionEffect>();
        complete::<date::Precision>();
        complete::<event::EventKind>();
        complete::<source::SourceKind>();
        complete::<IslandHolder>();
        complete::<settlement::Holder>();
        complete::<settlement::Order>();
        complete::<settlement::Clause>();
        complete::<settlement::Facet>();
        complete::<administration::AdministrationKind>();
        complete::<error::DataFormat>();
        complete::<dataset::RecordKind>();
        complete::<dataset::MergeAction>();
        #[cfg(feature = "svg")]
        {
            complete::<timeline_chart::BandClass>();
            complete::<timeline_chart::AdministrationClass>();
        }
        #[cfg(feature = "export")]
        complete::<export::CsvTable>();
        #[cfg(feature = "extract")]
        {
            complete::<extract::FigureUnit>();
            complete::<extract::PartyForm>();
        }
    }
}
