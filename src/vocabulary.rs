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

/// Implements `FromStr` for closed enums by their ids (`IntoStaticStr`, as strum's
/// `serialize_all = "kebab-case"` writes them), with a [`VocabularyError`] naming the
/// vocabulary.
macro_rules! parse_by_id {
    ($($ty:ty => $vocabulary:literal),* $(,)?) => {
        $(
            impl std::str::FromStr for $ty {
                type Err = $crate::vocabulary::VocabularyError;

                /// The value whose id is `s` (`"habomai"`); an unknown id is an error
                /// that lists the ids.
                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    <$ty as strum::IntoEnumIterator>::iter()
                        .find(|v| <&'static str>::from(*v) == s)
                        .ok_or_else(|| {
                            $crate::vocabulary::VocabularyError::new(
                                $vocabulary,
                                s,
                                <$ty as strum::IntoEnumIterator>::iter().map(<&'static str>::from).collect(),
                            )
                        })
                }
            }
        )*
    };
}

pub(crate) use parse_by_id;
