//! Archives: many documents from any mix of files, directories and JSON Lines files,
//! read one at a time (memory stays flat whatever the archive's size) and extracted in
//! parallel, in bounded batches, with results in input order.
//!
//! - A **file** is one document (its id the file name), unless its name ends in `.jsonl`.
//! - A **directory** is walked recursively; every `.txt` file in it is a document, in
//!   sorted order of the paths, its id the path relative to the directory (`a/b.txt`).
//!   Other files are not documents and are passed over; links to directories are not
//!   followed (a loop cannot trap the walk).
//! - A **JSON Lines** file (`.jsonl`) holds one document per line: an object with the
//!   field `text` (required) and `id`, `published`, `url`, `outlet`, `title`, `author`,
//!   `lang` (optional; other fields are ignored). A line is read bounded by the document
//!   size limit: a longer one is passed over without being held in memory. A bad line
//!   (not JSON, no text, a bad date, too long, empty or binary text) is reported as an
//!   [`ArchiveError::Line`] with its file and line number, and the next line is read.
//!   Blank lines are passed over. A line without `id` is named `FILE:LINE`.
//!
//! Reviewed findings are read back the same way, line by line, by [`FindingsFile`].
//!
//! ```
//! use kuril_dispute::Dataset;
//! use kuril_dispute::extract::Extractor;
//! use kuril_dispute::extract::archive::{Archive, ArchiveError};
//!
//! let dir = tempfile::tempdir()?;
//! let lines = dir.path().join("news.jsonl");
//! std::fs::write(&lines, concat!(
//!     r#"{"id": "n1", "text": "Japan demands the return of all four islands.", "published": "2017-03-02", "outlet": "A Wire"}"#, "\n",
//!     "not json\n",
//! ))?;
//! let mut read = Vec::new();
//! let mut reported = Vec::new();
//! for item in Archive::new([lines]) {
//!     match item {
//!         Ok(doc) => read.push((doc.id().to_string(), doc.outlet().map(str::to_string))),
//!         Err(e) => reported.push(e.to_string()),
//!     }
//! }
//! assert_eq!(read, [("n1".to_string(), Some("A Wire".to_string()))]);
//! assert!(reported[0].starts_with("news.jsonl:2: not valid JSON"), "{}", reported[0]);
//!
//! // In parallel, results in input order:
//! let extractor = Extractor::new(Dataset::builtin())?;
//! let archive = Archive::new([dir.path().join("news.jsonl")]);
//! let mut formulas = Vec::new();
//! let tally = archive.extract(&extractor, |_, x| x.positions.len(), |item, _| {
//!     if let Ok(n) = item { formulas.push(n) }
//!     Ok::<(), std::convert::Infallible>(())
//! })?;
//! assert_eq!((tally.documents, tally.reported, formulas), (1, 1, vec![1]));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::VecDeque;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::{DEFAULT_MAX_DOCUMENT_BYTES, Document, DocumentError, DocumentFindings, Extraction, Extractor};
use crate::date::PartialDate;
use crate::file::{Line, printable, read_line_bounded};

/// The most documents extracted in one batch: at most this many documents and their
/// findings are held at once (and [`BATCH_BYTES`]).
pub const BATCH_DOCUMENTS: usize = 512;

/// The most bytes of text read ahead into one batch (a single larger document makes a
/// batch of its own): 16 MiB.
pub const BATCH_BYTES: usize = 16 << 20;

/// What an archive is read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Input {
    /// A file (a document, or JSON Lines if its name ends in `.jsonl`) or a directory.
    Path(PathBuf),
    /// Standard input, read as one document named `stdin`.
    Stdin,
}

impl From<PathBuf> for Input {
    fn from(path: PathBuf) -> Self {
        Input::Path(path)
    }
}

impl From<&Path> for Input {
    fn from(path: &Path) -> Self {
        Input::Path(path.to_path_buf())
    }
}

impl From<&PathBuf> for Input {
    fn from(path: &PathBuf) -> Self {
        Input::Path(path.clone())
    }
}

impl From<&str> for Input {
    /// A path (`"-"` too: say [`Input::Stdin`] for standard input).
    fn from(path: &str) -> Self {
        Input::Path(path.into())
    }
}

/// Why an item of an archive could not be read. Reading goes on with the next item.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ArchiveError {
    /// A document (a file, a file in a directory, standard input) was refused.
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// A line of a JSON Lines file was refused; the next line is read.
    #[error("{}:{line}: {problem}", printable(.file))]
    Line {
        /// The JSON Lines file, as named.
        file: String,
        /// The line number, from 1.
        line: u64,
        /// What is wrong with it.
        problem: LineProblem,
    },
    /// A JSON Lines file or a directory could not be opened or read on (the rest of it is
    /// not read).
    #[error("{}: cannot read it: {source}", printable(.path))]
    Io {
        /// The file or directory, as named (for a line past which reading failed,
        /// `FILE:LINE`).
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A JSON Lines file that is not a regular file (a pipe, a device).
    #[error("{}: not a regular file ({what})", printable(.path))]
    NotAFile {
        /// The path, as named.
        path: String,
        /// What it is instead.
        what: &'static str,
    },
}

/// What is wrong with one line of a JSON Lines file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LineProblem {
    /// Not a JSON object of the expected fields (bad syntax, not UTF-8, a field of the
    /// wrong type).
    #[error("not valid JSON (column {column}): {message}")]
    Json {
        /// The column (byte, from 1) the parser stopped at.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// No `text` field.
    #[error("no \"text\" field (every line needs the document's text)")]
    NoText,
    /// `published` is not a date.
    #[error("\"published\" is \"{}\", not a date (YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp): {reason}", printable(.value))]
    BadDate {
        /// The value given (its first 40 characters).
        value: String,
        /// Why it is not a date.
        reason: String,
    },
    /// Longer than the limit: passed over without being read into memory.
    #[error("{size} bytes, more than the limit of {max} bytes: skipped")]
    TooLong {
        /// The line's length in bytes.
        size: u64,
        /// The limit.
        max: usize,
    },
    /// The text is empty, binary or UTF-16.
    #[error(transparent)]
    Document(DocumentError),
}

/// How many documents an archive gave and how many items it reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Tally {
    /// Documents read.
    pub documents: u64,
    /// Items reported (documents, lines, files or directories that could not be read).
    pub reported: u64,
    /// Bytes read (of files, lines and standard input, bad ones included).
    pub bytes: u64,
}

/// Documents from files, directories and JSON Lines files, read one at a time in input
/// order: an iterator of `Result<Document, ArchiveError>` (see the [module](self)).
#[derive(Debug)]
pub struct Archive {
    inputs: VecDeque<Input>,
    current: Option<Current>,
    max_bytes: usize,
    published: Option<PartialDate>,
    bytes_read: u64,
    line: Vec<u8>,
}

enum Current {
    Walk { root: PathBuf, walk: walkdir::IntoIter },
    Lines { name: String, from: BufReader<std::fs::File>, number: u64 },
}

impl std::fmt::Debug for Current {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Current::Walk { root, .. } => f.debug_struct("Walk").field("root", root).finish(),
            Current::Lines { name, number, .. } => {
                f.debug_struct("Lines").field("name", name).field("line", number).finish()
            }
        }
    }
}

/// One line of a JSON Lines archive, as written.
#[derive(Deserialize)]
struct LineRecord {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    id: Option<LineId>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// An id as datasets write it: a string or a number.
#[derive(Deserialize)]
#[serde(untagged)]
enum LineId {
    Text(String),
    Number(serde_json::Number),
}

/// A date as news datasets write it: `YYYY[-MM[-DD]]`, or a timestamp whose date is its
/// first ten characters (`2019-01-16T10:00:00Z`, `2019-01-16 10:00`).
fn parse_published(value: &str) -> Result<PartialDate, LineProblem> {
    let v = value.trim();
    let date = match (v.get(..10), v.as_bytes().get(10)) {
        (Some(day), Some(b'T' | b't' | b' ')) => day,
        _ => v,
    };
    date.parse().map_err(|e: crate::date::DateError| LineProblem::BadDate {
        // Kept small however long the value is.
        value: value.chars().take(40).collect(),
        reason: e.reason().to_string(),
    })
}

impl Archive {
    /// An archive of `inputs`, read in order.
    pub fn new<I: Into<Input>>(inputs: impl IntoIterator<Item = I>) -> Self {
        Archive {
            inputs: inputs.into_iter().map(Into::into).collect(),
            current: None,
            max_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            published: None,
            bytes_read: 0,
            line: Vec::new(),
        }
    }

    /// Sets the largest document (and JSON line) read, in bytes (by default
    /// [`DEFAULT_MAX_DOCUMENT_BYTES`]).
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets the publication date of every document that does not give its own (a JSON
    /// line's `published` wins for that line).
    pub fn with_published(mut self, published: PartialDate) -> Self {
        self.published = Some(published);
        self
    }

    /// The bytes read so far (of files, lines and standard input, bad ones included).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The bytes the inputs not yet started hold, from their sizes (a directory walked
    /// for them, without reading a file): an estimate for a progress bar (standard input
    /// counts 0).
    pub fn total_bytes(&self) -> u64 {
        let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| if m.is_file() { m.len() } else { 0 });
        self.inputs
            .iter()
            .map(|input| match input {
                Input::Stdin => 0,
                Input::Path(p) if p.is_dir() => walkdir::WalkDir::new(p)
                    .into_iter()
                    .filter_map(Result::ok)
                    .filter(is_text_file)
                    .map(|e| size(e.path()))
                    .sum(),
                Input::Path(p) => size(p),
            })
            .sum()
    }

    /// The next item and the bytes of input it took.
    fn next_sized(&mut self) -> Option<(Result<Document, ArchiveError>, u64)> {
        loop {
            match self.current.take() {
                Some(Current::Walk { root, mut walk }) => {
                    let Some(entry) = walk.next() else { continue };
                    self.current = Some(Current::Walk { root: root.clone(), walk });
                    match entry {
                        Err(e) => {
                            let path = e.path().unwrap_or(&root).display().to_string();
                            let source = e
                                .into_io_error()
                                .unwrap_or_else(|| std::io::Error::other("a loop of symbolic links"));
                            return Some((Err(ArchiveError::Io { path, source }), 0));
                        }
                        Ok(entry) if is_text_file(&entry) => {
                            let id = relative_id(&root, entry.path());
                            let read = Document::from_path_named(entry.path(), id, self.max_bytes);
                            return Some(self.document(read, entry.metadata().map_or(0, |m| m.len())));
                        }
                        Ok(_) => {}
                    }
                }
                Some(Current::Lines { name, mut from, number }) => {
                    let number = number + 1;
                    let read = read_line_bounded(&mut from, &mut self.line, self.max_bytes);
                    let line = |problem| ArchiveError::Line { file: name.clone(), line: number, problem };
                    match read {
                        Ok(Line::End) => {}
                        Err(source) => {
                            let path = format!("{name}:{number}");
                            return Some((Err(ArchiveError::Io { path, source }), 0));
                        }
                        Ok(Line::TooLong(size)) => {
                            let e = line(LineProblem::TooLong { size, max: self.max_bytes });
                            self.current = Some(Current::Lines { name, from, number });
                            return Some(self.counted(Err(e), size));
                        }
                        Ok(Line::Read) => {
                            let size = self.line.len() as u64 + 1;
                            let blank = self.line.iter().all(u8::is_ascii_whitespace);
                            let doc = if blank { None } else { Some(self.parse_line(&name, number)) };
                            self.current = Some(Current::Lines { name, from, number });
                            match doc {
                                None => self.bytes_read += size,
                                Some(doc) => return Some(self.counted(doc, size)),
                            }
                        }
                    }
                }
                None => match self.inputs.pop_front()? {
                    Input::Stdin => {
                        let read = Document::from_reader("stdin", std::io::stdin().lock(), self.max_bytes);
                        let size = read.as_ref().map_or(0, |d| d.text().len() as u64);
                        return Some(self.document(read, size));
                    }
                    Input::Path(path) => {
                        if let Some(item) = self.open(path) {
                            return Some(item);
                        }
                    }
                },
            }
        }
    }

    /// Starts reading `path`: a directory's walk, a JSON Lines file, or a document
    /// returned at once.
    fn open(&mut self, path: PathBuf) -> Option<(Result<Document, ArchiveError>, u64)> {
        let named = path.display().to_string();
        if path.is_dir() {
            let walk = walkdir::WalkDir::new(&path).sort_by_file_name().into_iter();
            self.current = Some(Current::Walk { root: path, walk });
            return None;
        }
        if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) {
            let name = path.file_name().map_or(named.clone(), |n| n.to_string_lossy().into_owned());
            let io = |source| ArchiveError::Io { path: named.clone(), source };
            match crate::file::not_regular(&path) {
                Err(e) => return Some((Err(io(e)), 0)),
                Ok(Some(what)) => return Some((Err(ArchiveError::NotAFile { path: named, what }), 0)),
                Ok(None) => {}
            }
            return match std::fs::File::open(&path) {
                Ok(file) => {
                    let from = BufReader::with_capacity(256 * 1024, file);
                    self.current = Some(Current::Lines { name, from, number: 0 });
                    None
                }
                Err(e) => Some((Err(io(e)), 0)),
            };
        }
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let read = Document::from_path_with_limit(&path, self.max_bytes);
        Some(self.document(read, size))
    }

    /// A document read, with the default publication date if it has none.
    fn document(
        &mut self,
        read: Result<Document, DocumentError>,
        size: u64,
    ) -> (Result<Document, ArchiveError>, u64) {
        let read = read.map_err(ArchiveError::from).map(|doc| match (doc.published(), self.published) {
            (None, Some(p)) => doc.with_published(p),
            _ => doc,
        });
        self.counted(read, size)
    }

    fn counted(
        &mut self,
        item: Result<Document, ArchiveError>,
        size: u64,
    ) -> (Result<Document, ArchiveError>, u64) {
        self.bytes_read += size;
        (item, size)
    }

    /// The document of the line in the buffer.
    fn parse_line(&self, file: &str, number: u64) -> Result<Document, ArchiveError> {
        let line = |problem| ArchiveError::Line { file: file.to_string(), line: number, problem };
        let record: LineRecord = serde_json::from_slice(&self.line).map_err(|e| {
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message).to_string();
            line(LineProblem::Json { column: e.column().max(1), message })
        })?;
        let text = record.text.ok_or_else(|| line(LineProblem::NoText))?;
        let published = record.published.as_deref().map(parse_published).transpose().map_err(line)?;
        let id = match record.id {
            Some(LineId::Text(id)) if !id.trim().is_empty() => id,
            Some(LineId::Number(n)) => n.to_string(),
            _ => format!("{file}:{number}"),
        };
        let mut doc = Document::new(id, text).map_err(|e| line(LineProblem::Document(e)))?;
        if let Some(p) = published.or(self.published) {
            doc = doc.with_published(p);
        }
        let given = |v: Option<String>| v.filter(|v| !v.trim().is_empty());
        if let Some(v) = given(record.title) {
            doc = doc.with_title(v);
        }
        if let Some(v) = given(record.url) {
            doc = doc.with_url(v);
        }
        if let Some(v) = given(record.outlet) {
            doc = doc.with_outlet(v);
        }
        if let Some(v) = given(record.author) {
            doc = doc.with_author(v);
        }
        if let Some(v) = given(record.lang) {
            doc = doc.with_lang(v);
        }
        Ok(doc)
    }

    /// Extracts every document with `extractor`, in parallel batches of at most
    /// [`BATCH_DOCUMENTS`] documents and [`BATCH_BYTES`] bytes: `map` runs on the worker
    /// threads (rayon's pool: `RAYON_NUM_THREADS` sets its size) with each document and
    /// its findings; `each` runs on the calling thread, once per item in input order, with
    /// `map`'s result or the item's error, and the bytes of input the item took. Memory
    /// holds one batch at a time.
    ///
    /// # Errors
    ///
    /// The first error `each` returns, which stops the reading.
    pub fn extract<T, E, M, F>(mut self, extractor: &Extractor<'_>, map: M, mut each: F) -> Result<Tally, E>
    where
        T: Send,
        M: Fn(&Document, Extraction) -> T + Sync,
        F: FnMut(Result<T, ArchiveError>, u64) -> Result<(), E>,
    {
        let mut tally = Tally::default();
        let mut batch: Vec<(Result<Document, ArchiveError>, u64)> = Vec::with_capacity(BATCH_DOCUMENTS);
        loop {
            batch.clear();
            let mut bytes = 0usize;
            while batch.len() < BATCH_DOCUMENTS && bytes < BATCH_BYTES {
                let Some(item) = self.next_sized() else { break };
                bytes += item.0.as_ref().map_or(0, |d| d.text().len());
                batch.push(item);
            }
            if batch.is_empty() {
                return Ok(tally);
            }
            let work = |(item, size): (Result<Document, ArchiveError>, u64)| {
                (item.map(|doc| map(&doc, extractor.extract(&doc))), size)
            };
            // A batch of one (a single large file) is read on this thread: handing it to a
            // worker gains nothing and makes its memory another arena's (a higher peak).
            let done: Vec<(Result<T, ArchiveError>, u64)> = if batch.len() == 1 {
                batch.drain(..).map(work).collect()
            } else {
                batch.par_drain(..).map(work).collect()
            };
            for (item, size) in done {
                if item.is_ok() {
                    tally.documents += 1;
                } else {
                    tally.reported += 1;
                }
                tally.bytes += size;
                each(item, size)?;
            }
        }
    }
}

/// Reviewed findings read back: a JSON Lines file of [`DocumentFindings`] (as the extract
/// example's `--findings` writes them, edited or not), one per line, an iterator of
/// `Result<DocumentFindings, ArchiveError>` in file order. As in an archive, a bad line
/// (not JSON, not findings, too long) is an [`ArchiveError::Line`] with its number and the
/// next line is read; blank lines are passed over; a line is read bounded by
/// [`with_max_bytes`](Self::with_max_bytes).
///
/// ```
/// use kuril_dispute::Dataset;
/// use kuril_dispute::extract::{Document, Extractor};
/// use kuril_dispute::extract::archive::FindingsFile;
///
/// let extractor = Extractor::new(Dataset::builtin())?;
/// let doc = Document::new("a.txt", "Japan demands the return of all four islands.")?
///     .with_published("2017-03-02".parse()?);
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("reviewed.jsonl");
/// let line = serde_json::to_string(&extractor.extract_for_review(&doc))?;
/// std::fs::write(&path, format!("{line}\n{{\"findings\": 3}}\n"))?;
/// let read: Vec<_> = FindingsFile::new(&path).collect();
/// assert_eq!(read.len(), 2);
/// assert_eq!(read[0].as_ref().map(|f| f.findings.doc.as_str()).ok(), Some("a.txt"));
/// let bad = read[1].as_ref().unwrap_err().to_string();
/// assert!(bad.starts_with("reviewed.jsonl:2: not valid JSON"), "{bad}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct FindingsFile {
    path: PathBuf,
    name: String,
    from: Option<BufReader<std::fs::File>>,
    opened: bool,
    number: u64,
    max_bytes: usize,
    line: Vec<u8>,
}

impl FindingsFile {
    /// The findings of the JSON Lines file at `path` (opened on the first read).
    pub fn new(path: impl AsRef<Path>) -> Self {
        let path = path.as_ref().to_path_buf();
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        FindingsFile {
            path,
            name,
            from: None,
            opened: false,
            number: 0,
            max_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            line: Vec::new(),
        }
    }

    /// Sets the longest line read, in bytes (by default [`DEFAULT_MAX_DOCUMENT_BYTES`]).
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }
}

impl Iterator for FindingsFile {
    type Item = Result<DocumentFindings, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.opened {
            self.opened = true;
            let named = self.path.display().to_string();
            match crate::file::not_regular(&self.path) {
                Err(source) => return Some(Err(ArchiveError::Io { path: named, source })),
                Ok(Some(what)) => return Some(Err(ArchiveError::NotAFile { path: named, what })),
                Ok(None) => {}
            }
            match std::fs::File::open(&self.path) {
                Ok(file) => self.from = Some(BufReader::with_capacity(256 * 1024, file)),
                Err(source) => return Some(Err(ArchiveError::Io { path: named, source })),
            }
        }
        loop {
            let from = self.from.as_mut()?;
            self.number += 1;
            let number = self.number;
            let line = |problem| ArchiveError::Line { file: self.name.clone(), line: number, problem };
            match read_line_bounded(from, &mut self.line, self.max_bytes) {
                Ok(Line::End) => {
                    self.from = None;
                    return None;
                }
                Err(source) => {
                    self.from = None;
                    return Some(Err(ArchiveError::Io { path: format!("{}:{number}", self.name), source }));
                }
                Ok(Line::TooLong(size)) => {
                    return Some(Err(line(LineProblem::TooLong { size, max: self.max_bytes })));
                }
                Ok(Line::Read) if self.line.iter().all(u8::is_ascii_whitespace) => {}
                Ok(Line::Read) => {
                    return Some(serde_json::from_slice::<DocumentFindings>(&self.line).map_err(|e| {
                        let message = e.to_string();
                        let suffix = format!(" at line {} column {}", e.line(), e.column());
                        let message = message.strip_suffix(&suffix).unwrap_or(&message).to_string();
                        line(LineProblem::Json { column: e.column().max(1), message })
                    }));
                }
            }
        }
    }
}

impl Iterator for Archive {
    type Item = Result<Document, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_sized().map(|(item, _)| item)
    }
}

/// Whether a directory's entry is a document: a file (or a link to one) named `*.txt`.
fn is_text_file(entry: &walkdir::DirEntry) -> bool {
    !entry.file_type().is_dir() && entry.path().extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// The id of a file found in `root`: its path relative to `root`, `/`-separated.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_give_their_day() {
        assert_eq!(
            parse_published("2019-01-16T10:00:00Z").ok().map(|d| d.to_string()).as_deref(),
            Some("2019-01-16")
        );
        assert_eq!(parse_published("2019-01").ok().map(|d| d.to_string()).as_deref(), Some("2019-01"));
        assert!(matches!(parse_published("16/01/2019"), Err(LineProblem::BadDate { .. })));
        assert!(parse_published("2019-13-01").is_err());
    }

    #[test]
    fn ids_are_relative_paths() {
        assert_eq!(relative_id(Path::new("a/b"), Path::new("a/b/c/d.txt")), "c/d.txt");
    }
}
