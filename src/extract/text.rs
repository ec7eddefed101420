//! Text normalisation with an offset map back to the original, and sentence splitting.
//!
//! Matching runs on a normalised copy (curly quotes to straight ones, dashes to `-`, CRLF
//! to LF, no BOM, no-break spaces to spaces). Offsets found there are mapped back with a
//! sparse list of edits, so every reported span points into the original text. When the
//! text needs no normalisation the copy is never made.

use std::borrow::Cow;
use std::ops::Range;

/// Normalised text and the way back to the original's offsets.
#[derive(Debug, Clone)]
pub(crate) struct Normalized<'a> {
    /// The normalised text.
    pub text: Cow<'a, str>,
    /// `(normalised offset, original offset)` after each edit that changed the length.
    edits: Vec<(usize, usize)>,
}

fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' | '\u{00ab}' | '\u{00bb}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "-",
        '\u{00a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' | '\u{3000}' => " ",
        '\u{2026}' => "...",
        '\u{feff}' | '\u{200b}' => "",
        _ => return None,
    })
}

impl<'a> Normalized<'a> {
    /// Normalises `text`.
    pub fn new(text: &'a str) -> Self {
        let needs = text.contains('\r') || text.chars().any(|c| !c.is_ascii() && replacement(c).is_some());
        if !needs {
            return Normalized { text: Cow::Borrowed(text), edits: Vec::new() };
        }
        let mut out = String::with_capacity(text.len());
        let mut edits = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let orig_len = c.len_utf8();
            let rep: Cow<'static, str> = if c == '\r' {
                if chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    Cow::Borrowed("")
                } else {
                    Cow::Borrowed("\n")
                }
            } else if let Some(r) = replacement(c) {
                Cow::Borrowed(r)
            } else {
                out.push(c);
                continue;
            };
            out.push_str(&rep);
            if rep.len() != orig_len {
                edits.push((out.len(), i + orig_len));
            }
        }
        Normalized { text: Cow::Owned(out), edits }
    }

    /// The original offset of normalised offset `n`.
    pub fn original(&self, n: usize) -> usize {
        let k = self.edits.partition_point(|&(norm, _)| norm <= n);
        match k.checked_sub(1).and_then(|k| self.edits.get(k)) {
            Some(&(norm, orig)) => orig + (n - norm),
            None => n,
        }
    }

    /// The original range of a normalised range.
    pub fn original_range(&self, r: &Range<usize>) -> Range<usize> {
        self.original(r.start)..self.original(r.end)
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "sen", "rep", "gov", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "e.g", "i.e", "u.s",
    "u.k", "u.n", "jr", "sr", "inc", "co", "corp", "ltd", "adm", "capt", "maj", "sgt", "mt", "ft", "approx",
    "fig",
];

/// Sentences of `text` as byte ranges, trimmed, in order. A sentence ends at `.`, `!` or
/// `?` (after any closing quotes or brackets) followed by whitespace and a capital, a
/// digit or a quote, unless the word before is a known abbreviation or an initial; a line
/// break always ends one.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let (s, e) = trim(bytes, s, e);
        if s < e {
            out.push(s..e);
        }
    };
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .chain(memchr::memchr_iter(b'\n', bytes))
        .collect::<SortedMerge>()
        .0
    {
        if i < start {
            continue;
        }
        if bytes.get(i) == Some(&b'\n') {
            push(start, i, &mut out);
            start = i + 1;
            continue;
        }
        // Past closing quotes and brackets.
        let mut j = i + 1;
        while matches!(bytes.get(j), Some(b'"' | b'\'' | b')' | b']')) {
            j += 1;
        }
        if !matches!(bytes.get(j), Some(b' ' | b'\t')) {
            continue;
        }
        let mut k = j;
        while matches!(bytes.get(k), Some(b' ' | b'\t')) {
            k += 1;
        }
        let next_ok = match bytes.get(k) {
            Some(b) => {
                b.is_ascii_uppercase()
                    || b.is_ascii_digit()
                    || matches!(b, b'"' | b'\'' | b'(' | b'[')
                    || *b >= 0x80
            }
            None => false,
        };
        if !next_ok {
            continue;
        }
        if bytes.get(i) == Some(&b'.') && is_abbreviation(bytes, start, i) {
            continue;
        }
        push(start, j, &mut out);
        start = k;
    }
    push(start, bytes.len(), &mut out);
    out
}

/// Merges two ascending iterators of offsets (the memchr passes) into one sorted list.
struct SortedMerge(Vec<usize>);

impl FromIterator<usize> for SortedMerge {
    fn from_iter<I: IntoIterator<Item = usize>>(iter: I) -> Self {
        let mut v: Vec<usize> = iter.into_iter().collect();
        v.sort_unstable();
        SortedMerge(v)
    }
}

fn is_abbreviation(bytes: &[u8], start: usize, dot: usize) -> bool {
    let mut w = dot;
    while w > start && bytes.get(w - 1).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'.') {
        w -= 1;
    }
    let word = bytes.get(w..dot).unwrap_or_default();
    if word.len() == 1 && word.first().is_some_and(u8::is_ascii_uppercase) {
        return true; // an initial: "Franklin D. Roosevelt"
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.iter().any(|a| a.as_bytes() == lower.as_slice())
}

fn trim(bytes: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && bytes.get(s).is_some_and(|b| b.is_ascii_whitespace()) {
        s += 1;
    }
    while e > s && bytes.get(e - 1).is_some_and(|b| b.is_ascii_whitespace()) {
        e -= 1;
    }
    (s, e)
}

/// The largest char boundary of `text` at or below `i`.
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// At most `max` bytes of `text` before `at`, cut at a char boundary: rules look back a
/// bounded distance, so their work stays linear in the text however it is shaped.
pub(crate) fn window_before(text: &str, at: usize, max: usize) -> &str {
    let at = floor_boundary(text, at);
    let start = floor_boundary(text, at.saturating_sub(max));
    text.get(start..at).unwrap_or_default()
}

/// At most `max` bytes of `text` from `at`, cut at a char boundary.
pub(crate) fn window_after(text: &str, at: usize, max: usize) -> &str {
    let at = floor_boundary(text, at);
    let end = floor_boundary(text, at.saturating_add(max));
    text.get(at..end).unwrap_or_default()
}

/// One regex of alternatives, each a named group tagged with a value: `(?P<g0>…)|(?P<g1>…)`
/// between `prefix` and `suffix`, and the tags in group order.
pub(crate) fn tagged_alternation<T: Copy>(
    prefix: &str,
    table: &[(T, &str)],
    suffix: &str,
) -> Option<(regex::Regex, Vec<T>)> {
    let alternatives: Vec<String> =
        table.iter().enumerate().map(|(n, (_, pattern))| format!("(?P<g{n}>{pattern})")).collect();
    let source = format!("{prefix}{}{suffix}", alternatives.join("|"));
    regex::Regex::new(&source).ok().map(|r| (r, table.iter().map(|(tag, _)| *tag).collect()))
}

/// The tag of the alternative that matched in `c`, and its match.
pub(crate) fn which<'h, T: Copy>(c: &regex::Captures<'h>, tags: &[T]) -> Option<(T, regex::Match<'h>)> {
    tags.iter().enumerate().find_map(|(n, tag)| c.name(&format!("g{n}")).map(|m| (*tag, m)))
}

/// Whether `c` belongs to a word (letters, digits).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char before byte offset `i` in `text`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The char at byte offset `i` in `text`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_through_edits() {
        let original = "\u{feff}Abe\u{2019}s \u{201c}two islands\u{201d}\r\nnext \u{2014} line";
        let n = Normalized::new(original);
        assert_eq!(n.text, "Abe's \"two islands\"\nnext - line");
        for needle in ["two islands", "next", "line", "Abe"] {
            let at = n.text.find(needle).unwrap();
            let r = n.original_range(&(at..at + needle.len()));
            assert_eq!(&original[r], needle);
        }
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        let t =
            "Mr. Abe met Dr. Lavrov on Nov. 14. Franklin D. Roosevelt agreed. \"Yes,\" he said.\nNew line";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            [
                "Mr. Abe met Dr. Lavrov on Nov. 14.",
                "Franklin D. Roosevelt agreed.",
                "\"Yes,\" he said.",
                "New line"
            ]
        );
    }
}
