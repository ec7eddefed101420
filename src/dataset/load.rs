//! Reading the TOML files: syntax, schema, and the location of every record.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use toml::Spanned;

use super::strict::Strict;
use crate::administration::{AdministrationPeriod, SovereigntyClaim};
use crate::agreement::Agreement;
use crate::error::{DataFormat, Location, Locator, Problem};
use crate::event::Event;
use crate::file::printable;
use crate::formula::Formula;
use crate::geography::{CollectiveName, IslandProfile};
use crate::party::Party;
use crate::person::Person;
use crate::position::Position;
use crate::source::Source;

/// The largest data file the loader reads.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A table of the dataset and the file that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TableFile {
    /// The TOML key of the array of tables (`event` for `[[event]]`).
    pub key: &'static str,
    /// The file name (`events.toml`).
    pub file: &'static str,
}

/// Every table, in load order.
pub(crate) const TABLE_FILES: [TableFile; 11] = [
    TableFile { key: "source", file: "sources.toml" },
    TableFile { key: "island", file: "islands.toml" },
    TableFile { key: "name", file: "names.toml" },
    TableFile { key: "party", file: "parties.toml" },
    TableFile { key: "person", file: "people.toml" },
    TableFile { key: "agreement", file: "agreements.toml" },
    TableFile { key: "formula", file: "formulas.toml" },
    TableFile { key: "position", file: "positions.toml" },
    TableFile { key: "event", file: "events.toml" },
    TableFile { key: "administration", file: "administration.toml" },
    TableFile { key: "claim", file: "claims.toml" },
];

/// Tables a dataset may leave out (their file missing, or their array in a JSON
/// dataset): they were added after the first release, and an absent table is an empty
/// history, not a misnamed file (a stray `*.toml` file is still reported).
pub(crate) const OPTIONAL_TABLES: [&str; 2] = ["administration", "claim"];

/// The built-in data, compiled in: (path shown in errors, text).
pub(crate) const BUILTIN_FILES: [(&str, &str); 11] = [
    ("data/sources.toml", include_str!("../../data/sources.toml")),
    ("data/islands.toml", include_str!("../../data/islands.toml")),
    ("data/names.toml", include_str!("../../data/names.toml")),
    ("data/parties.toml", include_str!("../../data/parties.toml")),
    ("data/people.toml", include_str!("../../data/people.toml")),
    ("data/agreements.toml", include_str!("../../data/agreements.toml")),
    ("data/formulas.toml", include_str!("../../data/formulas.toml")),
    ("data/positions.toml", include_str!("../../data/positions.toml")),
    ("data/events.toml", include_str!("../../data/events.toml")),
    ("data/administration.toml", include_str!("../../data/administration.toml")),
    ("data/claims.toml", include_str!("../../data/claims.toml")),
];

/// A record as read, with where it starts.
#[derive(Debug, Clone)]
pub(crate) struct Row<T> {
    pub value: T,
    pub at: Location,
}

/// Every table as read, before cross-checks.
#[derive(Debug, Default)]
pub(crate) struct RawTables {
    pub sources: Vec<Row<Source>>,
    pub islands: Vec<Row<IslandProfile>>,
    pub names: Vec<Row<CollectiveName>>,
    pub parties: Vec<Row<Party>>,
    pub people: Vec<Row<Person>>,
    pub agreements: Vec<Row<Agreement>>,
    pub formulas: Vec<Row<Formula>>,
    pub positions: Vec<Row<Position>>,
    pub events: Vec<Row<Event>>,
    pub administration: Vec<Row<AdministrationPeriod>>,
    pub claims: Vec<Row<SovereigntyClaim>>,
    /// Where each table was read from (for problems about a whole table): the start of
    /// its file, or of its array in a JSON dataset.
    pub files: Vec<(&'static str, Location)>,
    /// The tables (keys) that could not be read whole: a file missing, unreadable or
    /// malformed, a JSON record that does not parse. Their problems are reported; the
    /// cross-checks still run on the other tables, without blaming a record for a
    /// reference into them.
    pub failed: Vec<&'static str>,
}

impl RawTables {
    /// Where a table was read from.
    pub fn file_of(&self, key: &str) -> Location {
        self.files.iter().find(|(k, _)| *k == key).map(|(_, at)| at.clone()).unwrap_or_else(|| {
            Location::start_of(TABLE_FILES.iter().find(|t| t.key == key).map_or("", |t| t.file))
        })
    }
}

macro_rules! table_file {
    ($name:ident, $key:literal, $ty:ty) => {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $name {
            #[serde(default, rename = $key)]
            rows: Vec<Spanned<$ty>>,
        }
    };
}

table_file!(SourceFile, "source", Source);
table_file!(IslandFile, "island", IslandProfile);
table_file!(NameFile, "name", CollectiveName);
table_file!(PartyFile, "party", Party);
table_file!(PersonFile, "person", Person);
table_file!(AgreementFile, "agreement", Agreement);
table_file!(FormulaFile, "formula", Formula);
table_file!(PositionFile, "position", Position);
table_file!(EventFile, "event", Event);
table_file!(AdministrationFile, "administration", AdministrationPeriod);
table_file!(ClaimFile, "claim", SovereigntyClaim);

/// The deepest nesting of keys the TOML parser reads (`toml`'s own limit).
const TOML_MAX_DEPTH: usize = 80;

/// Turns a toml error into a typed problem at its place in `text`.
fn problem_of(file: &str, text: &str, err: &toml::de::Error, syntax: bool) -> Problem {
    let mut message = err.message().trim().to_owned();
    let mut offset = err.span().map(|s| s.start);
    if syntax && offset.is_none() && message == "recursion limit" {
        // The parser gives no place for a key nested too deep: find it.
        offset = too_deep_key(text);
        message = format!(
            "a dotted key or table header nests {TOML_MAX_DEPTH} or more keys deep (recursion limit)"
        );
    }
    if syntax
        && message == "duplicate key"
        && let Some(key) = err.span().and_then(|s| text.get(s)).map(str::trim).filter(|k| !k.is_empty())
    {
        message = format!("duplicate key `{key}`: it is already defined in this table");
    }
    let at = Location::of_offset(file, text, offset.unwrap_or(0));
    if syntax {
        return Problem::Syntax { at, format: DataFormat::Toml, message: printable(&message).into_owned() };
    }
    schema_problem(at, message)
}

/// The offset of the first key of `text` with [`TOML_MAX_DEPTH`] or more dotted parts (in
/// `a.b.c = 1` or a header `[a.b.c]`), dots inside quotes not counted.
fn too_deep_key(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        offset += line.len();
        let mut dots = 0;
        let mut quote = None;
        for c in line.trim_start().chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '.') => dots += 1,
                (None, '=' | ']' | '#') => break,
                _ => {}
            }
        }
        if dots + 1 >= TOML_MAX_DEPTH {
            return Some(start);
        }
    }
    None
}

/// A deserializer's complaint about a well-formed file: an unknown field, or a value of
/// the wrong type or form. Control characters of the file are escaped in the message.
fn schema_problem(at: Location, message: String) -> Problem {
    let message = printable(&message).into_owned();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default().to_owned();
        return Problem::UnknownField { at, field, message };
    }
    Problem::Schema { at, message }
}

/// Parses one file's rows, or says why it cannot.
fn parse_rows<F, T>(
    file: &str,
    text: &str,
    rows: impl FnOnce(F) -> Vec<Spanned<T>>,
) -> Result<Vec<Row<T>>, Box<Problem>>
where
    F: DeserializeOwned,
{
    super::budget::check(file, text)?;
    let table = toml::de::DeTable::parse(text).map_err(|e| Box::new(problem_of(file, text, &e, true)))?;
    let parsed = F::deserialize(Strict(toml::de::Deserializer::from(table)))
        .map_err(|e| Box::new(problem_of(file, text, &e, false)))?;
    let mut locator = Locator::new(file, text);
    Ok(rows(parsed)
        .into_iter()
        .map(|s| {
            let at = locator.at(s.span().start);
            Row { value: s.into_inner(), at }
        })
        .collect())
}

/// Reads every table from `(path, text)` pairs; the file name of each path selects the
/// table. Returns the tables that could be read (the others listed in
/// [`RawTables::failed`]) and every problem of syntax and schema found. `unread` are the
/// tables whose file was already reported as unreadable: not reported again as missing.
pub(crate) fn read_tables<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a str)>,
    unread: &[&'static str],
) -> (RawTables, Vec<Problem>) {
    let mut tables = RawTables { failed: unread.to_vec(), ..RawTables::default() };
    let mut problems = Vec::new();
    let mut seen: [Option<&str>; TABLE_FILES.len()] = [None; TABLE_FILES.len()];
    for (path, text) in files {
        let Some(index) = table_index(Path::new(path)) else {
            problems.push(Problem::UnknownFile { path: PathBuf::from(path), expected: expected_files() });
            continue;
        };
        match seen.get_mut(index) {
            Some(Some(first)) => {
                let first = PathBuf::from(*first);
                problems.push(Problem::DuplicateFile { path: PathBuf::from(path), first });
                continue;
            }
            Some(slot) => *slot = Some(path),
            None => {}
        }
        let key = TABLE_FILES.get(index).map_or("", |t| t.key);
        tables.files.push((key, Location::start_of(path)));
        if let Some(byte_order) = crate::file::utf16_order(text.as_bytes()) {
            problems.push(Problem::Utf16 { path: PathBuf::from(path), byte_order });
            tables.failed.push(key);
            continue;
        }
        let result = match key {
            "source" => parse_rows(path, text, |f: SourceFile| f.rows).map(|r| tables.sources = r),
            "island" => parse_rows(path, text, |f: IslandFile| f.rows).map(|r| tables.islands = r),
            "name" => parse_rows(path, text, |f: NameFile| f.rows).map(|r| tables.names = r),
            "party" => parse_rows(path, text, |f: PartyFile| f.rows).map(|r| tables.parties = r),
            "person" => parse_rows(path, text, |f: PersonFile| f.rows).map(|r| tables.people = r),
            "agreement" => parse_rows(path, text, |f: AgreementFile| f.rows).map(|r| tables.agreements = r),
            "formula" => parse_rows(path, text, |f: FormulaFile| f.rows).map(|r| tables.formulas = r),
            "position" => parse_rows(path, text, |f: PositionFile| f.rows).map(|r| tables.positions = r),
            "administration" => {
                parse_rows(path, text, |f: AdministrationFile| f.rows).map(|r| tables.administration = r)
            }
            "claim" => parse_rows(path, text, |f: ClaimFile| f.rows).map(|r| tables.claims = r),
            _ => parse_rows(path, text, |f: EventFile| f.rows).map(|r| tables.events = r),
        };
        if let Err(p) = result {
            problems.push(*p);
            tables.failed.push(key);
        }
    }
    for (table, seen) in TABLE_FILES.iter().zip(seen) {
        if seen.is_none() && !OPTIONAL_TABLES.contains(&table.key) && !unread.contains(&table.key) {
            problems.push(Problem::MissingFile { path: PathBuf::from(table.file), table: table.key });
            tables.failed.push(table.key);
        }
    }
    (tables, problems)
}

/// Which table a file holds, by its file name (`events.toml`); `None` for any other file.
fn table_index(path: &Path) -> Option<usize> {
    let name = path.file_name().and_then(|n| n.to_str())?;
    TABLE_FILES.iter().position(|t| t.file == name)
}

/// The table file names, for messages.
fn expected_files() -> String {
    TABLE_FILES.iter().map(|t| t.file).collect::<Vec<_>>().join(", ")
}

/// `*.toml` files in `dir` that are not table files: they would otherwise be ignored.
fn stray_toml_files(dir: &Path) -> Vec<Problem> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut stray: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && table_index(p).is_none())
        .collect();
    stray.sort();
    stray.into_iter().map(|path| Problem::UnknownFile { path, expected: expected_files() }).collect()
}

/// The table files of a directory as read: the texts of those that could be read, the
/// problems of the others (and of stray `*.toml` files), and the tables left unread.
#[derive(Debug, Default)]
pub(crate) struct DirFiles {
    /// `(path, text)` of every table file read.
    pub files: Vec<(String, String)>,
    /// Every problem found reading the directory.
    pub problems: Vec<Problem>,
    /// The tables whose file is missing or could not be read (already reported).
    pub unread: Vec<&'static str>,
}

/// Reads every table file of `dir` into memory, checking size and encoding. A file that
/// cannot be read is a problem; the others are read all the same, so that their own
/// problems are found in the same run.
///
/// # Errors
///
/// Only when `dir` is not a directory: there is nothing else to read.
pub(crate) fn read_dir_files(dir: &Path) -> Result<DirFiles, Vec<Problem>> {
    if !dir.is_dir() {
        let message = if dir.exists() { "not a directory" } else { "no such directory" };
        let kind = std::io::ErrorKind::NotFound;
        return Err(vec![Problem::Io { path: dir.to_owned(), kind, message: message.to_owned() }]);
    }
    let mut read = DirFiles { problems: stray_toml_files(dir), ..DirFiles::default() };
    for table in TABLE_FILES {
        let path = dir.join(table.file);
        match read_file(&path).map_err(|p| *p) {
            Ok(text) => read.files.push((path.display().to_string(), text)),
            Err(Problem::Io { kind: std::io::ErrorKind::NotFound, .. }) => {
                if !OPTIONAL_TABLES.contains(&table.key) {
                    read.problems.push(Problem::MissingFile { path, table: table.key });
                    read.unread.push(table.key);
                }
            }
            Err(p) => {
                read.problems.push(p);
                read.unread.push(table.key);
            }
        }
    }
    Ok(read)
}

fn read_file(path: &Path) -> Result<String, Box<Problem>> {
    let io = |e: std::io::Error| {
        Box::new(Problem::Io { path: path.to_owned(), kind: e.kind(), message: e.to_string() })
    };
    // A named pipe would block and a device never ends: refused before opening.
    if let Some(what) = crate::file::not_regular(path).map_err(io)? {
        return Err(Box::new(Problem::NotAFile { path: path.to_owned(), what }));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(Problem::TooLarge { path: path.to_owned(), size, limit: MAX_FILE_BYTES }));
    }
    // At most one byte past the limit, in case the file grew after `metadata`.
    let bytes = crate::file::read_bounded(file, MAX_FILE_BYTES).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let size = bytes.len() as u64;
        return Err(Box::new(Problem::TooLarge { path: path.to_owned(), size, limit: MAX_FILE_BYTES }));
    }
    if let Some(byte_order) = crate::file::utf16_order(&bytes) {
        return Err(Box::new(Problem::Utf16 { path: path.to_owned(), byte_order }));
    }
    String::from_utf8(bytes).map_err(|e| {
        Box::new(Problem::NotUtf8 { path: path.to_owned(), valid_up_to: e.utf8_error().valid_up_to() })
    })
}

/// The name JSON locations give as their file.
pub(crate) const JSON_FILE: &str = "<json>";

/// The tables of a JSON dataset, each left unparsed so that every record can be located.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Dataset")]
struct JsonTables<'a> {
    #[serde(borrow)]
    sources: &'a RawValue,
    #[serde(borrow)]
    islands: &'a RawValue,
    #[serde(borrow)]
    names: &'a RawValue,
    #[serde(borrow)]
    parties: &'a RawValue,
    #[serde(borrow)]
    people: &'a RawValue,
    #[serde(borrow)]
    agreements: &'a RawValue,
    #[serde(borrow)]
    formulas: &'a RawValue,
    #[serde(borrow)]
    positions: &'a RawValue,
    #[serde(borrow)]
    events: &'a RawValue,
    #[serde(borrow, default)]
    administration: Option<&'a RawValue>,
    #[serde(borrow, default)]
    claims: Option<&'a RawValue>,
}

/// The byte offset of `part` in `whole`, where `part` is a slice of `whole`.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize).min(whole.len())
}

/// Turns a serde_json error found while reading `part` (a slice of `text`) into a typed
/// problem at its place in `text`.
fn json_problem(locator: &mut Locator<'_>, text: &str, part: &str, err: &serde_json::Error) -> Problem {
    // serde_json counts lines from 1 and columns in bytes from 1 (0: before the line).
    let line_start =
        part.split_inclusive('\n').take(err.line().saturating_sub(1)).map(str::len).sum::<usize>();
    let at = locator.at(offset_in(text, part) + line_start + err.column().saturating_sub(1));
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    match err.classify() {
        serde_json::error::Category::Data => schema_problem(at, message),
        _ => Problem::Syntax { at, format: DataFormat::Json, message: printable(&message).into_owned() },
    }
}

/// Parses JSON text into `T`, refusing records written as positional arrays.
fn from_json_strict<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict(&mut de))?;
    de.end()?;
    Ok(value)
}

/// Parses one JSON table, record by record; every record that does not parse is a
/// problem.
fn json_rows<T: DeserializeOwned>(
    locator: &mut Locator<'_>,
    text: &str,
    key: &'static str,
    table: &RawValue,
    tables: &mut RawTables,
    problems: &mut Vec<Problem>,
) -> Vec<Row<T>> {
    let part = table.get();
    tables.files.push((key, locator.at(offset_in(text, part))));
    let rows: Vec<&RawValue> = match serde_json::from_str(part) {
        Ok(rows) => rows,
        Err(e) => {
            problems.push(json_problem(locator, text, part, &e));
            tables.failed.push(key);
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let part = row.get();
        match from_json_strict(part) {
            Ok(value) => out.push(Row { value, at: locator.at(offset_in(text, part)) }),
            Err(e) => {
                problems.push(json_problem(locator, text, part, &e));
                if !tables.failed.contains(&key) {
                    tables.failed.push(key);
                }
            }
        }
    }
    out
}

/// Reads every table from the JSON of a whole dataset (as `serde_json` writes a
/// [`Dataset`](crate::Dataset)). Returns the records that parse (the tables with a record
/// that does not listed in [`RawTables::failed`]) and every problem of syntax and schema
/// found.
///
/// # Errors
///
/// Only when the text is not a JSON object of tables: there is nothing else to read.
pub(crate) fn read_json(text: &str) -> Result<(RawTables, Vec<Problem>), Vec<Problem>> {
    let mut l = Locator::new(JSON_FILE, text);
    let json: JsonTables<'_> =
        from_json_strict(text).map_err(|e| vec![json_problem(&mut l, text, text, &e)])?;
    let mut t = RawTables::default();
    let mut p = Vec::new();
    t.sources = json_rows(&mut l, text, "source", json.sources, &mut t, &mut p);
    t.islands = json_rows(&mut l, text, "island", json.islands, &mut t, &mut p);
    t.names = json_rows(&mut l, text, "name", json.names, &mut t, &mut p);
    t.parties = json_rows(&mut l, text, "party", json.parties, &mut t, &mut p);
    t.people = json_rows(&mut l, text, "person", json.people, &mut t, &mut p);
    t.agreements = json_rows(&mut l, text, "agreement", json.agreements, &mut t, &mut p);
    t.formulas = json_rows(&mut l, text, "formula", json.formulas, &mut t, &mut p);
    t.positions = json_rows(&mut l, text, "position", json.positions, &mut t, &mut p);
    t.events = json_rows(&mut l, text, "event", json.events, &mut t, &mut p);
    if let Some(table) = json.administration {
        t.administration = json_rows(&mut l, text, "administration", table, &mut t, &mut p);
    }
    if let Some(table) = json.claims {
        t.claims = json_rows(&mut l, text, "claim", table, &mut t, &mut p);
    }
    Ok((t, p))
}
