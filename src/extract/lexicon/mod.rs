//! Language packs: everything the extractor knows about a language, as data.
//!
//! A [`Lexicon`] is read from a TOML file (`data/lexicon/<lang>.toml`; the format is
//! documented in `data/lexicon/README.md`) and checked the way the dataset's tables are:
//! every problem is typed and names its file, line and column. The built-in packs
//! (English, Japanese, Russian) are compiled into the crate ([`Lexicon::builtin`]); a
//! user's own pack goes through the same loader ([`Lexicon::from_toml`],
//! [`Lexicon::from_path`]) and into an extractor with
//! [`Extractor::with_lexicons`](super::Extractor::with_lexicons).
//!
//! A pack holds two kinds of words. *Triggers* (month names, number words, titles, verbs
//! of saying, stance concepts and predicates, agreement heads) are compiled, together with
//! every name of the dataset, into one automaton per language: the extractor's only pass
//! over the whole text. *Context words* (prepositions, negators, units, event kinds) are
//! consulted only around a trigger.
//!
//! ```
//! use kuril_dispute::extract::Lexicon;
//!
//! let packs = Lexicon::builtin()?;
//! assert!(packs.iter().any(|p| p.language() == "en"));
//!
//! let broken = "[language]\nid = \"xx\"\nname = \"Test\"\nscripts = [\"latin\"]\n\n[[dates.month]]\nvalue = 13\nforms = [\"Smarch\"]\n";
//! let err = Lexicon::from_toml("xx.toml", broken).unwrap_err();
//! assert!(err.to_string().contains("xx.toml:6:1"), "{err}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod compile;
mod phrases;
mod schema;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

pub(crate) use compile::{Anchor, DateItem, Extent, Means, NumberKind, Pack, Term, TimeUnit, fold_letters};
pub(crate) use phrases::{
    Phrases, Script, boundaries_of, fold as phrases_fold, is_hiragana, is_spaced_word_char, name_script,
    script_of,
};

use crate::error::Location;

/// The largest lexicon file read: 4 MiB.
pub const MAX_LEXICON_BYTES: u64 = 4 << 20;

/// One language pack, checked and compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    file: String,
    pub(crate) pack: Pack,
}

/// One thing wrong with a lexicon file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconProblem {
    /// The file could not be read.
    #[error("{}: cannot read: {message}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's message.
        message: String,
    },
    /// The file is larger than [`MAX_LEXICON_BYTES`].
    #[error("{}: {size} bytes, more than the limit of {limit}", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8.
    #[error("{}: not UTF-8 (invalid byte at {valid_up_to})", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The first invalid byte.
        valid_up_to: usize,
    },
    /// Not TOML.
    #[error("{at}: TOML syntax: {message}")]
    Syntax {
        /// Where.
        at: Location,
        /// The parser's message.
        message: String,
    },
    /// A field the format does not have (a typo, most often).
    #[error("{at}: unknown field `{field}`: {message}")]
    UnknownField {
        /// Where.
        at: Location,
        /// The field.
        field: String,
        /// The parser's message.
        message: String,
    },
    /// A value of the wrong type or form.
    #[error("{at}: {message}")]
    Schema {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// A form with no letters in it.
    #[error("{at}: an empty form in {section}")]
    EmptyForm {
        /// Where.
        at: Location,
        /// The section.
        section: String,
    },
    /// The same form twice in one section.
    #[error("{at}: \"{form}\" is listed twice in {section} (first at {first})")]
    DuplicateForm {
        /// Where the second one is.
        at: Location,
        /// The form.
        form: String,
        /// The section.
        section: String,
        /// Where the first one is.
        first: Location,
    },
    /// A value outside the closed vocabulary it names (a formula, an event kind, a unit …).
    #[error("{at}: unknown {what} \"{value}\" (expected one of: {expected})")]
    UnknownValue {
        /// Where.
        at: Location,
        /// What kind of value.
        what: String,
        /// The value.
        value: String,
        /// The values it may take.
        expected: String,
    },
    /// A value out of its range (a month 13, a weekday "funday").
    #[error("{at}: {what} {value} is out of range ({expected})")]
    OutOfRange {
        /// Where.
        at: Location,
        /// What kind of value.
        what: String,
        /// The value.
        value: String,
        /// The range.
        expected: String,
    },
    /// A date pattern that does not parse.
    #[error("{at}: date pattern \"{pattern}\": {message}")]
    BadPattern {
        /// Where.
        at: Location,
        /// The pattern.
        pattern: String,
        /// What is wrong.
        message: String,
    },
}

impl LexiconProblem {
    /// Where the problem is, when it is in a file's text.
    pub fn location(&self) -> Option<&Location> {
        match self {
            LexiconProblem::Syntax { at, .. }
            | LexiconProblem::UnknownField { at, .. }
            | LexiconProblem::Schema { at, .. }
            | LexiconProblem::EmptyForm { at, .. }
            | LexiconProblem::DuplicateForm { at, .. }
            | LexiconProblem::UnknownValue { at, .. }
            | LexiconProblem::OutOfRange { at, .. }
            | LexiconProblem::BadPattern { at, .. } => Some(at),
            LexiconProblem::Io { .. } | LexiconProblem::TooLarge { .. } | LexiconProblem::NotUtf8 { .. } => {
                None
            }
        }
    }
}

/// Why a lexicon could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    problems: Vec<LexiconProblem>,
}

impl LexiconError {
    /// Every problem found.
    pub fn problems(&self) -> &[LexiconProblem] {
        &self.problems
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "the lexicon has {n} problem{}:", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconError {}

/// The built-in packs' files: (file name as errors give it, text).
const BUILTIN: &[(&str, &str)] = &[
    ("data/lexicon/en.toml", include_str!("../../../data/lexicon/en.toml")),
    ("data/lexicon/ja.toml", include_str!("../../../data/lexicon/ja.toml")),
    ("data/lexicon/ru.toml", include_str!("../../../data/lexicon/ru.toml")),
];

static BUILTIN_PACKS: LazyLock<Result<Vec<Lexicon>, LexiconError>> = LazyLock::new(|| {
    let mut packs = Vec::new();
    let mut problems = Vec::new();
    for (file, text) in BUILTIN {
        match Lexicon::from_toml(file, text) {
            Ok(p) => packs.push(p),
            Err(e) => problems.extend(e.problems),
        }
    }
    if problems.is_empty() { Ok(packs) } else { Err(LexiconError { problems }) }
});

impl Lexicon {
    /// The built-in packs (English, Japanese, Russian), parsed once.
    ///
    /// # Errors
    ///
    /// Only if a built-in file is broken, which the crate's tests rule out.
    pub fn builtin() -> Result<&'static [Lexicon], &'static LexiconError> {
        BUILTIN_PACKS.as_ref().map(Vec::as_slice)
    }

    /// Reads a pack from the text of a TOML file; `file` names it in errors.
    ///
    /// # Errors
    ///
    /// Every problem found: syntax, unknown fields, empty or repeated forms, values
    /// outside their vocabulary, date patterns that do not parse.
    pub fn from_toml(file: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let table = toml::de::DeTable::parse(text)
            .map_err(|e| LexiconError { problems: vec![toml_problem(file, text, &e, true)] })?;
        let raw: schema::File = serde::Deserialize::deserialize(toml::de::Deserializer::from(table))
            .map_err(|e| LexiconError { problems: vec![toml_problem(file, text, &e, false)] })?;
        let pack = compile::compile(file, text, raw).map_err(|problems| LexiconError { problems })?;
        Ok(Lexicon { file: file.to_string(), pack })
    }

    /// Reads a pack from a file of at most [`MAX_LEXICON_BYTES`].
    ///
    /// # Errors
    ///
    /// The file cannot be read, is too large or not UTF-8, or any problem of
    /// [`Lexicon::from_toml`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Lexicon, LexiconError> {
        let path = path.as_ref();
        let one = |p: LexiconProblem| LexiconError { problems: vec![p] };
        let io =
            |e: std::io::Error| one(LexiconProblem::Io { path: path.to_owned(), message: e.to_string() });
        if let Some(what) = crate::file::not_regular(path).map_err(io)? {
            return Err(one(LexiconProblem::Io {
                path: path.to_owned(),
                message: format!("not a regular file ({what})"),
            }));
        }
        let file = std::fs::File::open(path).map_err(io)?;
        let meta = file.metadata().map_err(io)?;
        let bytes = crate::file::read_bounded(file, MAX_LEXICON_BYTES).map_err(io)?;
        if bytes.len() as u64 > MAX_LEXICON_BYTES {
            return Err(one(LexiconProblem::TooLarge {
                path: path.to_owned(),
                size: meta.len().max(bytes.len() as u64),
                limit: MAX_LEXICON_BYTES,
            }));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            one(LexiconProblem::NotUtf8 { path: path.to_owned(), valid_up_to: e.utf8_error().valid_up_to() })
        })?;
        Lexicon::from_toml(&path.display().to_string(), &text)
    }

    /// The language's id (`"en"`, `"ja"`, `"ru"`): the `lang` of the records it reads.
    pub fn language(&self) -> &str {
        &self.pack.id
    }

    /// The language's name.
    pub fn name(&self) -> &str {
        &self.pack.name
    }

    /// The file the pack was read from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Every trigger form of the pack, as written (with `*` on stems).
    pub fn triggers(&self) -> impl Iterator<Item = &str> {
        self.pack.terms.iter().map(|t| t.form.as_str())
    }
}

fn toml_problem(file: &str, text: &str, err: &toml::de::Error, syntax: bool) -> LexiconProblem {
    let at = Location::of_offset(file, text, err.span().map_or(0, |s| s.start));
    let message = err.message().trim().to_owned();
    if syntax {
        return LexiconProblem::Syntax { at, message };
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default().to_owned();
        return LexiconProblem::UnknownField { at, field, message };
    }
    LexiconProblem::Schema { at, message }
}
