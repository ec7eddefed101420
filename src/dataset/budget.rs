//! What a TOML table file will cost in memory once parsed, estimated before it is parsed.
//!
//! The TOML parser builds a tree of every table and value of a file before the loader
//! reads records from it, and that tree is far larger than the text: a few bytes of text
//! (`1,`) become a value of some hundred and fifty bytes, and a table header (`[[event]]`)
//! a map of a couple of kilobytes. A file under [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES)
//! could therefore take a gigabyte. One pass over the bytes counts the tables and values
//! the text opens (outside strings and comments) and weighs them; a file whose estimate is
//! over [`parse_budget`] is refused, located where the budget ran out, before anything is
//! built. Records as people write them (an id, dates, a summary, citations) weigh a small
//! part of the budget; only text packed with tiny values or empty tables reaches it.

use crate::error::{Location, Problem};

/// The estimated bytes of one table of the parse tree (a header, an inline table).
pub(crate) const TABLE_WEIGHT: u64 = 2048;

/// The estimated bytes of one value or key of the parse tree.
pub(crate) const VALUE_WEIGHT: u64 = 160;

/// How many times its size a file may take in memory once parsed.
pub(crate) const BUDGET_FACTOR: u64 = 24;

/// The most memory a table file of `len` bytes may take once parsed, in bytes: 24 times
/// its size, plus 8 MiB (so that small files are never refused for their headers). The
/// built-in tables are estimated at 7 to 17 times their size (records with ids, dates,
/// summaries and citations); with [`MAX_FILE_BYTES`](crate::dataset::MAX_FILE_BYTES), one file's
/// parse is bounded by about 392 MiB, where text packed with tiny values used to take
/// over a gigabyte.
///
/// ```
/// assert_eq!(kuril_dispute::dataset::parse_budget(1 << 20), 32 << 20);
/// ```
pub const fn parse_budget(len: u64) -> u64 {
    len.saturating_mul(BUDGET_FACTOR).saturating_add(8 << 20)
}

/// The estimate of parsing `text`, or the problem of a file over its budget, placed at the
/// byte where the budget ran out.
pub(crate) fn check(file: &str, text: &str) -> Result<u64, Box<Problem>> {
    let limit = parse_budget(text.len() as u64);
    let bytes = text.as_bytes();
    let mut cost = 0u64;
    let mut depth = 0usize; // open arrays and inline tables of a value
    let mut line_start = true; // only whitespace since the last line break
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        let weight = match b {
            b'\n' => {
                line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = skip_to(bytes, i, b'\n');
                continue;
            }
            b'"' | b'\'' => {
                i = skip_string(bytes, i);
                line_start = false;
                continue;
            }
            // A table header: one table, and a value for each bracket past the two of
            // an array of tables (the parser nests what a malformed header opens).
            b'[' if line_start && depth == 0 => {
                let end = skip_to(bytes, i, b'\n');
                let brackets = bytes.get(i..end).map_or(0, |h| h.iter().filter(|&&c| c == b'[').count());
                let extra = VALUE_WEIGHT.saturating_mul(brackets.saturating_sub(2) as u64);
                cost = cost.saturating_add(TABLE_WEIGHT).saturating_add(extra);
                if cost > limit {
                    return Err(over(file, text, i, cost, limit));
                }
                i = end;
                continue;
            }
            b'[' => {
                depth += 1;
                VALUE_WEIGHT
            }
            b'{' => {
                depth += 1;
                TABLE_WEIGHT
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                0
            }
            b'=' | b',' => VALUE_WEIGHT,
            _ => 0,
        };
        line_start = false;
        cost = cost.saturating_add(weight);
        if cost > limit {
            return Err(over(file, text, i, cost, limit));
        }
        i += 1;
    }
    Ok(cost)
}

fn over(file: &str, text: &str, at: usize, estimate: u64, limit: u64) -> Box<Problem> {
    Box::new(Problem::TooComplex { at: Location::of_offset(file, text, at.min(text.len())), estimate, limit })
}

/// The index of the next `byte` at or after `from` (or the end).
fn skip_to(bytes: &[u8], from: usize, byte: u8) -> usize {
    bytes.get(from..).and_then(|b| memchr::memchr(byte, b)).map_or(bytes.len(), |k| from + k)
}

/// The index after the string that opens at `from` (basic or literal, one line or
/// several); an unclosed string runs to the end (the parser reports it).
fn skip_string(bytes: &[u8], from: usize) -> usize {
    let Some(&quote) = bytes.get(from) else { return bytes.len() };
    let triple = bytes.get(from..from + 3).is_some_and(|t| t.iter().all(|&c| c == quote));
    let mut i = from + if triple { 3 } else { 1 };
    while let Some(&c) = bytes.get(i) {
        if c == b'\\' && quote == b'"' {
            i += 2;
            continue;
        }
        if c == b'\n' && !triple {
            return i;
        }
        if c == quote {
            if !triple {
                return i + 1;
            }
            if bytes.get(i..i + 3).is_some_and(|t| t.iter().all(|&c| c == quote)) {
                // A closing run may carry up to two more quotes of the content.
                let mut j = i + 3;
                while bytes.get(j) == Some(&quote) && j < i + 5 {
                    j += 1;
                }
                return j;
            }
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_comments_weigh_nothing() {
        let plain = check("t.toml", "a = 1\n").unwrap_or(0);
        let quoted = check("t.toml", "a = \"[,,,{{{=\" # [[,,,]]\n").unwrap_or(0);
        let literal = check("t.toml", "a = '''\n[[x]]\n,,,'''\n").unwrap_or(0);
        assert_eq!(plain, VALUE_WEIGHT);
        assert_eq!(quoted, VALUE_WEIGHT);
        assert_eq!(literal, VALUE_WEIGHT);
    }

    #[test]
    fn headers_tables_and_values_are_counted() {
        let text = "[[event]]\nid = \"x\"\nspan = [1, 2]\nat = { a = 1 }\n";
        // A header, three keys, an array with one comma, an inline table with one key.
        let expected = TABLE_WEIGHT + 3 * VALUE_WEIGHT + 2 * VALUE_WEIGHT + TABLE_WEIGHT + VALUE_WEIGHT;
        assert_eq!(check("t.toml", text).ok(), Some(expected));
    }

    #[test]
    fn text_packed_with_tiny_values_is_over_budget_and_located() {
        let text = format!("# padding\nx = [{}1]\n", "1,".repeat(200_000));
        let Err(problem) = check("p.toml", &text) else { panic!("expected a problem") };
        let Problem::TooComplex { at, estimate, limit } = *problem else { panic!("expected TooComplex") };
        assert_eq!((at.file.as_str(), at.line), ("p.toml", 2));
        assert!(estimate > limit && limit == parse_budget(text.len() as u64));
    }
}
