//! Why a dataset could not be loaded: typed problems that name where they are.

use std::fmt;
use std::path::PathBuf;

use crate::file::printable;

/// A place in a data file: the file, a 1-based line and a 1-based column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file, as given to the loader (`data/events.toml`).
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, counted in characters.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`, which was read from `file`.
    pub(crate) fn of_offset(file: &str, text: &str, offset: usize) -> Location {
        Locator::new(file, text).at(offset)
    }

    /// The start of `file`.
    pub(crate) fn start_of(file: &str) -> Location {
        Location { file: file.to_owned(), line: 1, column: 1 }
    }
}

/// Turns byte offsets in one text into [`Location`]s, in time linear in the text for
/// offsets asked in increasing order (it resumes from the last offset asked), so that
/// locating every record of a large file stays linear.
#[derive(Debug, Clone)]
pub(crate) struct Locator<'a> {
    file: &'a str,
    text: &'a str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Locator<'a> {
    /// A locator at the start of `text`, which was read from `file`.
    pub(crate) fn new(file: &'a str, text: &'a str) -> Self {
        Locator { file, text, offset: 0, line: 1, column: 1 }
    }

    /// The location of byte `offset` (clamped to the text, and back to a character
    /// boundary): 1-based line, 1-based column in characters.
    pub(crate) fn at(&mut self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Locator::new(self.file, self.text);
        }
        let between = self.text.get(self.offset..offset).unwrap_or_default();
        match between.rfind('\n') {
            Some(last) => {
                self.line += between.bytes().filter(|&b| b == b'\n').count();
                self.column = between.get(last + 1..).map_or(0, |s| s.chars().count()) + 1;
            }
            None => self.column += between.chars().count(),
        }
        self.offset = offset;
        Location { file: self.file.to_owned(), line: self.line, column: self.column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", printable(&self.file), self.line, self.column)
    }
}

/// A path for a message, with control characters escaped.
fn shown(path: &std::path::Path) -> String {
    printable(&path.display().to_string()).into_owned()
}

/// The format a dataset is read from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[non_exhaustive]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum DataFormat {
    /// The TOML files of a data directory ([`Dataset::from_dir`](crate::Dataset::from_dir)).
    #[strum(serialize = "TOML")]
    Toml,
    /// The JSON of a whole dataset ([`Dataset::from_json`](crate::Dataset::from_json)).
    #[strum(serialize = "JSON")]
    Json,
}

impl DataFormat {
    /// Every value, in the order of declaration (2).
    pub const ALL: [DataFormat; 2] = [DataFormat::Toml, DataFormat::Json];
}

crate::vocabulary::parse_by_id!(
    DataFormat => "data format",
);

/// One thing wrong with a dataset, with where it is.
///
/// Every variant that concerns a place in a file carries its [`Location`] (`at`), and
/// every variant that concerns a record names the record (`record`: `table id`).
/// `<&'static str>::from(&problem)` names the variant (`"UnknownReference"`), and
/// [`Problem::COUNT`] says how many variants there are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr)]
#[cfg_attr(test, derive(strum::EnumCount))]
#[non_exhaustive]
pub enum Problem {
    /// A file could not be read.
    #[error("{}: cannot read: {message}", shown(path))]
    Io {
        /// The file.
        path: PathBuf,
        /// The kind of I/O error.
        kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },
    /// A table's file is missing from the data directory.
    #[error("{}: missing: a dataset needs this file (the `[[{table}]]` table)", shown(path))]
    MissingFile {
        /// The file expected.
        path: PathBuf,
        /// The table it holds.
        table: &'static str,
    },
    /// A file is not one of the dataset's table files (a typo such as `event.toml`, or a
    /// file the loader would otherwise ignore).
    #[error("{}: not a table file of the dataset; expected one of: {expected}", shown(path))]
    UnknownFile {
        /// The file.
        path: PathBuf,
        /// The table files a dataset has.
        expected: String,
    },
    /// The same table file was given twice.
    #[error("{}: table file given twice (first as {})", shown(path), shown(first))]
    DuplicateFile {
        /// The second file.
        path: PathBuf,
        /// The first.
        first: PathBuf,
    },
    /// A table file is not a regular file (a named pipe, a device, a directory, a dangling
    /// symbolic link): refused before it is opened.
    #[error("{}: not a regular file ({what})", shown(path))]
    NotAFile {
        /// The file.
        path: PathBuf,
        /// What it is instead.
        what: &'static str,
    },
    /// A file is larger than the loader accepts.
    #[error("{}: {size} bytes is larger than the limit of {limit} bytes", shown(path))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A TOML file would take more memory to parse than the loader allows for its size
    /// ([`parse_budget`](crate::dataset::parse_budget)): text packed with tiny values or
    /// empty tables. Placed where the estimate ran over.
    #[error(
        "{at}: this file would take about {estimate} bytes of memory to parse, over the limit of {limit} bytes for its size (too many tables or values for its size)"
    )]
    TooComplex {
        /// Where the estimate ran over.
        at: Location,
        /// The estimate so far, in bytes.
        estimate: u64,
        /// The limit for this file, in bytes.
        limit: u64,
    },
    /// A file is not UTF-8.
    #[error("{}: not UTF-8 (invalid byte at offset {valid_up_to})", shown(path))]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The length of the valid prefix, in bytes.
        valid_up_to: usize,
    },
    /// A file looks like UTF-16 text (a byte-order mark, or a NUL in every other byte),
    /// which the loader does not read: the data files are UTF-8.
    #[error("{}: looks like UTF-16 ({byte_order}), not UTF-8: save it as UTF-8", shown(path))]
    Utf16 {
        /// The file.
        path: PathBuf,
        /// `"little-endian"` or `"big-endian"`.
        byte_order: &'static str,
    },
    /// A file is not well-formed TOML (or a JSON dataset is not well-formed JSON).
    #[error("{at}: malformed {format}: {message}")]
    Syntax {
        /// Where the parser stopped.
        at: Location,
        /// The format being read.
        format: DataFormat,
        /// The parser's message.
        message: String,
    },
    /// A table or record has a field the schema does not know.
    #[error("{at}: unknown field `{field}`: {message}")]
    UnknownField {
        /// Where the field is.
        at: Location,
        /// The field's name.
        field: String,
        /// The full message, with the expected fields.
        message: String,
    },
    /// A value has the wrong type or form, or a required field is missing.
    #[error("{at}: {message}")]
    Schema {
        /// Where the value is.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// Two records of one table share an id.
    #[error("{at}: duplicate id: {table} `{id}` is already defined at {first}")]
    DuplicateId {
        /// The second definition.
        at: Location,
        /// The table.
        table: &'static str,
        /// The id.
        id: String,
        /// The first definition.
        first: Location,
    },
    /// A record refers to an id that no record of the target table has.
    #[error("{at}: {record}: `{field}` refers to {target} `{id}`, which does not exist")]
    UnknownReference {
        /// The record's location.
        at: Location,
        /// The record (`event 1956-10-19-x`).
        record: String,
        /// The field holding the reference.
        field: &'static str,
        /// The table referred to.
        target: &'static str,
        /// The id that does not exist.
        id: String,
    },
    /// Two dates of a record are in the wrong order.
    #[error("{at}: {record}: `{later_field}` ({later}) is before `{earlier_field}` ({earlier})")]
    DatesOutOfOrder {
        /// The record's location.
        at: Location,
        /// The record.
        record: String,
        /// The field that should come first (`signed`).
        earlier_field: &'static str,
        /// Its value.
        earlier: String,
        /// The field that should come later (`ratified`).
        later_field: &'static str,
        /// Its value.
        later: String,
    },
    /// A record dates a party's act to a time the party did not exist.
    #[error("{at}: {record}: party `{party}` did not exist on {date}")]
    Anachronism {
        /// The record's location.
        at: Location,
        /// The record.
        record: String,
        /// The party.
        party: String,
        /// The date.
        date: String,
    },
    /// A formula gives one island (the same right in it) to two recipients, or twice.
    #[error("{at}: formula `{formula}` gives {island} to {first} and again to {second}")]
    ConflictingTransfer {
        /// The formula's location.
        at: Location,
        /// The formula.
        formula: String,
        /// The island.
        island: String,
        /// The first recipient.
        first: String,
        /// The second recipient.
        second: String,
    },
    /// A record of a fixed vocabulary (an island, agreement or formula) is not defined.
    #[error("{at}: {table} `{id}` is not defined; every dataset defines each {table}")]
    MissingRecord {
        /// The file that should define it.
        at: Location,
        /// The table.
        table: &'static str,
        /// The id.
        id: String,
    },
    /// A record (or a part of one that needs it) cites no source.
    #[error("{at}: {record}: cites no source (`cite` must list at least one)")]
    Uncited {
        /// The record's location.
        at: Location,
        /// The record, and the part of it (`island iturup, area 1`).
        record: String,
    },
    /// A quote is longer than the 25 words a citation may carry.
    #[error("{at}: {record}: quote of {words} words is longer than the limit of {limit}")]
    QuoteTooLong {
        /// The record's location.
        at: Location,
        /// The record.
        record: String,
        /// The quote's length in words.
        words: usize,
        /// The limit.
        limit: usize,
    },
    /// Two dated records of one island overlap where the model allows one at a time: two
    /// administration periods, or two claims of the same claimant.
    #[error("{at}: {record}: overlaps {other} (at {other_at}) on {island}: {rule}")]
    OverlappingPeriods {
        /// The record's location (the later-starting of the two).
        at: Location,
        /// The record.
        record: String,
        /// The record it overlaps.
        other: String,
        /// Where that record is.
        other_at: Location,
        /// The island both cover.
        island: String,
        /// The rule broken.
        rule: &'static str,
    },
    /// A value is well-formed but makes no sense (an empty span, a cycle of predecessors).
    #[error("{at}: {record}: {message}")]
    Invalid {
        /// The record's location.
        at: Location,
        /// The record.
        record: String,
        /// What is wrong.
        message: String,
    },
}

impl Problem {
    /// The number of variants (kinds of problem).
    pub const COUNT: usize = 22;

    /// Where in a file the problem is, if it concerns a place in a file.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Problem::Io { .. }
            | Problem::MissingFile { .. }
            | Problem::UnknownFile { .. }
            | Problem::DuplicateFile { .. }
            | Problem::TooLarge { .. }
            | Problem::NotAFile { .. }
            | Problem::NotUtf8 { .. }
            | Problem::Utf16 { .. } => None,
            Problem::Syntax { at, .. }
            | Problem::UnknownField { at, .. }
            | Problem::Schema { at, .. }
            | Problem::DuplicateId { at, .. }
            | Problem::UnknownReference { at, .. }
            | Problem::DatesOutOfOrder { at, .. }
            | Problem::Anachronism { at, .. }
            | Problem::ConflictingTransfer { at, .. }
            | Problem::MissingRecord { at, .. }
            | Problem::Uncited { at, .. }
            | Problem::QuoteTooLong { at, .. }
            | Problem::TooComplex { at, .. }
            | Problem::OverlappingPeriods { at, .. }
            | Problem::Invalid { at, .. } => Some(at),
        }
    }
}

/// Why a dataset could not be loaded: every problem found, in file order.
///
/// Never empty. `Display` prints one problem per line, each starting with
/// `file:line:column` where it has one.
///
/// ```
/// use kuril_dispute::{Dataset, Problem};
///
/// let err = Dataset::from_dir("/no/such/directory").unwrap_err();
/// assert!(matches!(err.first(), Some(Problem::Io { .. })));
/// assert_eq!(err.to_string(), "invalid dataset: /no/such/directory: cannot read: no such directory");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoadError {
    problems: Vec<Problem>,
}

impl LoadError {
    pub(crate) fn new(problems: Vec<Problem>) -> Self {
        debug_assert!(!problems.is_empty());
        LoadError { problems }
    }

    /// Every problem found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The first problem.
    pub fn first(&self) -> Option<&Problem> {
        self.problems.first()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "invalid dataset: {one}"),
            many => {
                write!(f, "invalid dataset: {} problems", many.len())?;
                for p in many {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.problems.first().map(|p| p as &(dyn std::error::Error + 'static))
    }
}

/// Why a dataset could not be written out as data files.
///
/// ```
/// use kuril_dispute::Dataset;
/// use kuril_dispute::error::DumpError;
///
/// // A path under a regular file cannot be a directory.
/// let file = std::env::current_exe()?;
/// let err = Dataset::builtin().write_dir(file.join("data")).unwrap_err();
/// assert!(matches!(err, DumpError::Io { .. }));
/// assert!(err.to_string().contains("cannot write"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, strum::IntoStaticStr)]
#[non_exhaustive]
pub enum DumpError {
    /// A table could not be written as TOML (a value TOML cannot hold).
    #[error("{file}: cannot write the `[[{table}]]` table as TOML: {message}")]
    Serialize {
        /// The file the table goes to (`events.toml`).
        file: &'static str,
        /// The table.
        table: &'static str,
        /// The serializer's message.
        message: String,
    },
    /// A file or the directory could not be written.
    #[error("{}: cannot write: {message}", shown(path))]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The kind of I/O error.
        kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },
}

/// A lookup by an id the dataset does not have ([`Dataset::person`](crate::Dataset::person),
/// [`Dataset::party`](crate::Dataset::party), [`Dataset::source`](crate::Dataset::source)):
/// the table and the id, and the closest id the table has when one is close.
///
/// ```
/// use kuril_dispute::Dataset;
///
/// let err = Dataset::builtin().person("shinzo-abbe").unwrap_err();
/// assert_eq!((err.table(), err.id()), ("person", "shinzo-abbe"));
/// assert_eq!(err.to_string(), "no person \"shinzo-abbe\" in the dataset (did you mean \"shinzo-abe\"?)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct UnknownId {
    table: &'static str,
    id: String,
    closest: Option<String>,
}

impl UnknownId {
    /// The id not found among `known` of `table`, with the closest of them when it is a
    /// few edits away.
    pub(crate) fn new<'a>(table: &'static str, id: &str, known: impl Iterator<Item = &'a str>) -> Self {
        let id: String = id.chars().take(80).collect();
        let closest = known
            .map(|k| (edit_distance(&id, k), k))
            .filter(|(d, k)| *d <= 2.max(k.len() / 5))
            .min()
            .map(|(_, k)| k.to_owned());
        UnknownId { table, id, closest }
    }

    /// The table looked in (`"person"`, `"party"`, `"source"`).
    pub fn table(&self) -> &'static str {
        self.table
    }

    /// The id that was not found (its first 80 characters).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The closest id the table has, when one is a few edits away.
    pub fn closest(&self) -> Option<&str> {
        self.closest.as_deref()
    }
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no {} {:?} in the dataset", self.table, self.id)?;
        if let Some(closest) = &self.closest {
            write!(f, " (did you mean {closest:?}?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownId {}

/// The Levenshtein distance between two short ids, in characters (bounded: ids are at most
/// 80 characters).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let (Some(&left), Some(&up)) = (row.get(j), row.get(j + 1)) else { break };
            let value = (diagonal + usize::from(ca != *cb)).min(left + 1).min(up + 1);
            diagonal = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::Problem;

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        use super::edit_distance;
        assert_eq!(edit_distance("shinzo-abe", "shinzo-abe"), 0);
        assert_eq!(edit_distance("shinzo-abbe", "shinzo-abe"), 1);
        assert_eq!(edit_distance("japn", "japan"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn count_is_the_number_of_variants() {
        assert_eq!(Problem::COUNT, <Problem as strum::EnumCount>::COUNT);
    }
}
