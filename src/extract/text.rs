//! Text normalisation with an offset map back to the original, and sentence splitting.
//!
//! Matching runs on a normalised copy: curly quotes and guillemets to straight quotes,
//! dashes to `-`, CRLF to LF, no BOM, no-break and ideographic spaces to spaces, full-width
//! ASCII forms (`２０１８`, `％`, `（`) to ASCII, `…` to `...`. Every replaced character is
//! recorded, so an offset maps back to a character boundary of the original: a span
//! never starts or ends inside a character the normaliser rewrote. When the text needs no
//! normalisation the copy is never made.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::Pack;
use super::offset_index::OffsetIndex;

/// Normalised text and the way back to the original's offsets.
#[derive(Debug)]
pub(crate) struct Normalized<'a> {
    /// The normalised text.
    pub text: Cow<'a, str>,
    /// The text as given.
    original: &'a str,
    /// One entry per replaced character, in order: `(normalised start, normalised end,
    /// original start, original end)`.
    edits: Vec<(usize, usize, usize, usize)>,
    /// The edits' normalised starts by block, for [`Normalized::map`].
    edit_starts: OffsetIndex,
}

fn replacement(c: char) -> Option<Cow<'static, str>> {
    Some(Cow::Borrowed(match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' | '\u{00ab}' | '\u{00bb}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "-",
        '\u{00a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' | '\u{3000}' | '\u{2002}' | '\u{2003}' => " ",
        '\u{2026}' => "...",
        '\u{feff}' | '\u{200b}' | '\u{200e}' | '\u{200f}' => "",
        '\u{301c}' | '\u{ff5e}' => "~",
        // Full-width ASCII forms (Japanese text writes digits and signs this way).
        '\u{ff01}'..='\u{ff5d}' => {
            let ascii = char::from_u32(c as u32 - 0xff01 + 0x21)?;
            return Some(Cow::Owned(ascii.to_string()));
        }
        _ => return None,
    }))
}

/// The shortest line (in characters) read as wrapped at a fixed width.
const WRAPPED_LINE: usize = 30;

/// Whether the line break at `i` wraps a line inside a word or a number: the line before
/// has at least [`WRAPPED_LINE`] characters, a letter of a script without spaces (Han,
/// kana) and no space (ASCII or ideographic) after its indent, and ends on neither a space nor a sentence's end; the next
/// line starts with no space.
fn wrapped_at(text: &str, i: usize) -> bool {
    let unspaced = |c: char| {
        matches!(
            super::lexicon::script_of(c),
            Some(super::lexicon::Script::Han | super::lexicon::Script::Kana)
        )
    };
    let head = text.get(..i).unwrap_or_default();
    let Some(last) = head.chars().next_back() else { return false };
    let Some(next) = text.get(i + 1..).and_then(|t| t.chars().next()) else { return false };
    if last.is_whitespace() || next.is_whitespace() || matches!(last, '。' | '！' | '？' | '!' | '?') {
        return false;
    }
    // A closing bracket ends a line inside a sentence when a particle (hiragana) goes on
    // after it (「期待する」 / と…); before anything else it may end the sentence.
    if matches!(last, '」' | '』' | ')' | '）' | '】') && !super::lexicon::is_hiragana(next) {
        return false;
    }
    let line = head.rfind('\n').map_or(head, |k| head.get(k + 1..).unwrap_or_default()).trim_start();
    // (A space inside the line, ASCII or ideographic, sets columns apart: a chronology's
    // row, 「1956年10月19日　日ソ共同宣言に調印…」, not prose wrapped at a width.)
    !line.contains([' ', '\u{3000}']) && line.chars().any(unspaced) && line.chars().count() >= WRAPPED_LINE
}

impl<'a> Normalized<'a> {
    /// Normalises `text`: one pass over its bytes, copying runs of plain ASCII whole and
    /// looking only at carriage returns and non-ASCII characters; the copy is made at the
    /// first character that needs a change.
    /// Each letter of `folds` is read as the one it is paired with (a language pack's
    /// `[text] fold`: Russian `ё` as `е`).
    pub fn new(text: &'a str, folds: &[(char, char)]) -> Self {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut edits = Vec::new();
        let mut copied = 0usize; // bytes of `text` already in `out`
        let mut i = 0usize;
        while i < bytes.len() {
            let Some(at) = next_where(bytes, i, |b| b >= 0x80 || b == b'\r' || b == b'\n') else { break };
            i = at;
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else { break };
            let len = c.len_utf8();
            let rep: Option<Cow<'static, str>> = if c == '\r' {
                Some(Cow::Borrowed(if bytes.get(i + 1) == Some(&b'\n') { "" } else { "\n" }))
            } else if c == '\n' {
                // A long line of a script without spaces broken inside a word or a number (a
                // page wrapped at a fixed width): the break is dropped.
                wrapped_at(text, i).then_some(Cow::Borrowed(""))
            } else {
                replacement(c)
                    .or_else(|| folds.iter().find(|(a, _)| *a == c).map(|(_, b)| Cow::Owned(b.to_string())))
            };
            if let Some(rep) = rep {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                o.push_str(text.get(copied..i).unwrap_or_default());
                let start = o.len();
                o.push_str(&rep);
                edits.push((start, o.len(), i, i + len));
                copied = i + len;
            }
            i += len;
        }
        let original = text;
        let text = match out {
            None => Cow::Borrowed(text),
            Some(mut o) => {
                o.push_str(text.get(copied..).unwrap_or_default());
                Cow::Owned(o)
            }
        };
        let edit_starts = OffsetIndex::new(edits.iter().map(|e| e.0), text.len());
        Normalized { text, original, edits, edit_starts }
    }

    fn map(&self, n: usize, end: bool) -> usize {
        let k = self.edit_starts.below(&self.edits, |e| e.0, n.saturating_add(1));
        let Some(&(ns, ne, os, oe)) = k.checked_sub(1).and_then(|k| self.edits.get(k)) else { return n };
        if n < ne || (n == ns && ns == ne) {
            // Inside a replacement (or at an empty one): snap to a boundary of the original.
            return if end && n > ns { oe } else { os };
        }
        oe + (n - ne)
    }

    /// The original text of a normalised range (a name as written: "Ёсихидэ", not the
    /// folded "Есихидэ").
    pub fn original_text(&self, r: &Range<usize>) -> &'a str {
        self.original.get(self.original_range(r)).unwrap_or_default()
    }

    /// The original range of a normalised range: both ends on character boundaries of
    /// the original.
    pub fn original_range(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.map(r.start, false);
        let end = self.map(r.end, true).max(start);
        start..end
    }
}

/// The first index at or after `from` whose byte satisfies `hit`.
///
/// The scan tests sixteen bytes at a time with no early exit inside a block, which the
/// compiler turns into a few vector instructions per block; only the block holding a hit is
/// read byte by byte. The passes over the whole text (normalisation, sentence ends, digit
/// runs) spend most of their time skipping bytes they do not care about, and this is how
/// they skip.
#[inline]
pub(crate) fn next_where(bytes: &[u8], from: usize, hit: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut blocks = rest.chunks_exact(16);
    let mut base = from;
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | hit(b)) {
            return block.iter().position(|&b| hit(b)).map(|k| base + k);
        }
        base += 16;
    }
    blocks.remainder().iter().position(|&b| hit(b)).map(|k| base + k)
}

/// The start of the line holding byte `at` of `text`.
pub(crate) fn line_start(text: &str, at: usize) -> usize {
    text.as_bytes().get(..at).and_then(|b| memchr::memrchr(b'\n', b)).map_or(0, |i| i + 1)
}

/// Sentences of `text` as byte ranges, trimmed, in order.
///
/// A sentence ends at one of the pack's sentence ends. An ASCII end (`.`, `!`, `?`) counts
/// when it is followed (after any closing quotes or brackets) by whitespace and then a
/// capital, a digit, a quote or a letter of another script, unless the word before is one
/// of the pack's abbreviations or an initial, or the line so far is only a date (the
/// heading of a chronology's entry, see [`date_heading`]). Any other end (`。`) always
/// counts. A line break always ends a sentence.
pub(crate) fn sentences(text: &str, pack: &Pack) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut start = 0usize;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let (s, e) = trim(text, s, e);
        if s < e {
            out.push(s..e);
        }
    };
    let wide: Vec<&str> = pack.sentence_ends.iter().map(String::as_str).filter(|e| !e.is_ascii()).collect();
    let ascii: Vec<u8> =
        pack.sentence_ends.iter().filter(|e| e.len() == 1).filter_map(|e| e.bytes().next()).collect();
    // The bytes that may end a sentence: a table, so the scan skips everything else.
    let mut interesting = [false; 256];
    let leads = wide.iter().filter_map(|w| w.as_bytes().first().copied());
    for b in std::iter::once(b'\n').chain(ascii.iter().copied()).chain(leads) {
        if let Some(slot) = interesting.get_mut(usize::from(b)) {
            *slot = true;
        }
    }
    // The next candidate byte at or after `i`. A pack whose ends are at most three ASCII
    // bytes (English, Russian) finds them with `memchr3` and the line breaks with `memchr`,
    // each position kept until the scan passes it; any other pack tests every byte.
    let fast = ascii.len() <= 3 && wide.is_empty();
    let mut ends = [b'\n'; 3];
    for (slot, &b) in ends.iter_mut().zip(&ascii) {
        *slot = b;
    }
    let [e0, e1, e2] = ends;
    let mut next_break = memchr::memchr(b'\n', bytes);
    let mut next_end = memchr::memchr3(e0, e1, e2, bytes);
    let mut next = |i: usize| -> Option<usize> {
        let rest = bytes.get(i..)?;
        if !fast {
            return rest
                .iter()
                .position(|&b| interesting.get(usize::from(b)).copied().unwrap_or(false))
                .map(|k| i + k);
        }
        if next_break.is_some_and(|k| k < i) {
            next_break = memchr::memchr(b'\n', rest).map(|k| i + k);
        }
        if next_end.is_some_and(|k| k < i) {
            next_end = memchr::memchr3(e0, e1, e2, rest).map(|k| i + k);
        }
        match (next_break, next_end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    };
    let mut i = 0usize;
    while i < bytes.len() {
        let Some(at) = next(i) else { break };
        i = at;
        let Some(&b) = bytes.get(i) else { break };
        if b == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        if b >= 0x80 {
            // A wide sentence end (。！？): always ends one, after any closing brackets.
            if let Some(rest) = text.get(i..)
                && let Some(end) = wide.iter().find(|e| rest.starts_with(**e))
            {
                let mut j = i + end.len();
                while let Some(c) = text.get(j..).and_then(|s| s.chars().next()) {
                    if matches!(c, '」' | '』' | '）' | ')' | '"' | '】') {
                        j += c.len_utf8();
                    } else {
                        break;
                    }
                }
                push(start, j, &mut out);
                start = j;
                i = j;
                continue;
            }
            i += 1;
            continue;
        }
        if !ascii.contains(&b) {
            i += 1;
            continue;
        }
        // Past closing quotes and brackets.
        let mut j = i + 1;
        while matches!(bytes.get(j), Some(b'"' | b'\'' | b')' | b']')) {
            j += 1;
        }
        if !matches!(bytes.get(j), Some(b' ' | b'\t')) {
            // "… a press conference.The protest …": a lower-case word of three letters or
            // more, a full stop, then a capital: a sentence end without its space.
            let glued = b == b'.'
                && j == i + 1
                && bytes.get(j).is_some_and(u8::is_ascii_uppercase)
                && bytes.get(j + 1).is_some_and(u8::is_ascii_lowercase)
                && i >= 3
                && bytes.get(i - 3..i).is_some_and(|w| w.iter().all(u8::is_ascii_lowercase));
            if glued {
                push(start, j, &mut out);
                start = j;
                i = j;
                continue;
            }
            i += 1;
            continue;
        }
        let mut k = j;
        while matches!(bytes.get(k), Some(b' ' | b'\t')) {
            k += 1;
        }
        let next = text.get(k..).and_then(|s| s.chars().next());
        let next_ok = next.is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\'' | '(' | '[' | '«')
                || !c.is_ascii() && !c.is_lowercase()
        });
        if !next_ok
            || (b == b'.' && is_abbreviation(text, start, i, pack))
            || (b == b'.'
                && (start == 0 || bytes.get(start - 1) == Some(&b'\n'))
                && text.get(start..i).is_some_and(date_heading))
        {
            i += 1;
            continue;
        }
        push(start, j, &mut out);
        start = k;
        i = k;
    }
    push(start, bytes.len(), &mut out);
    out
}

/// Whether `head`, the start of a line up to a full stop, is only a date, the heading of an
/// entry of a chronology («7 февраля 1855 года. Российская империя и Япония подписали …»,
/// «С 28 августа по 5 сентября 1945 года.», "Feb. 7, 1855."): it dates the sentence after it,
/// so the two are read as one. A date: at most eight words, opening with a number (after
/// one short word, «С», or a month in a date of at most four words, "Feb. 7, 1855"),
/// closing with a year of four digits or one short word after it («года»).
fn date_heading(head: &str) -> bool {
    // (Checked at the first full stop of every line: a long head is no date, unread.)
    if head.len() > 80 {
        return false;
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let digit_first = |w: &&str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let opens = match words.as_slice() {
        [first, second, ..] => {
            digit_first(first) || (digit_first(second) && (first.chars().count() <= 2 || words.len() <= 4))
        }
        [first] => digit_first(first),
        [] => false,
    };
    let year = |w: &str| {
        let w = w.trim_end_matches([',', '.']);
        w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w.starts_with('1') || w.starts_with("20"))
    };
    let closes = match words.as_slice() {
        [.., y] if year(y) => true,
        [.., y, w] => {
            year(y) && w.chars().count() <= 5 && w.trim_end_matches('.').chars().all(char::is_alphabetic)
        }
        _ => false,
    };
    opens && closes
}

fn is_abbreviation(text: &str, start: usize, dot: usize, pack: &Pack) -> bool {
    let head = text.get(start..dot).unwrap_or_default();
    let word_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = head.get(word_start..).unwrap_or_default();
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if let (Some(c), None) = (letters.next(), letters.next())
        && c.is_uppercase()
    {
        return true; // an initial: "Franklin D. Roosevelt", "В. В. Путин"
    }
    pack.abbreviations.contains(word.trim_end_matches('.'))
}

fn trim(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && text.get(s..).and_then(|t| t.chars().next()).is_some_and(char::is_whitespace) {
        s += text.get(s..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
    }
    while e > s && text.get(..e).and_then(|t| t.chars().next_back()).is_some_and(char::is_whitespace) {
        e -= text.get(..e).and_then(|t| t.chars().next_back()).map_or(1, char::len_utf8);
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

/// The smallest char boundary of `text` at or above `i`.
pub(crate) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// At most `max` bytes of `text` before `at`, cut at a char boundary: rules look back a
/// bounded distance, so their work stays linear in the text however it is shaped.
pub(crate) fn window_before(text: &str, at: usize, max: usize) -> &str {
    let at = floor_boundary(text, at);
    let start = ceil_boundary(text, at.saturating_sub(max));
    text.get(start..at).unwrap_or_default()
}

/// At most `max` bytes of `text` from `at`, cut at a char boundary.
pub(crate) fn window_after(text: &str, at: usize, max: usize) -> &str {
    let at = ceil_boundary(text, at);
    let end = floor_boundary(text, at.saturating_add(max));
    text.get(at..end.max(at)).unwrap_or_default()
}

/// The byte offset `n` characters after `at` in `text` (or its end). Rules measure their
/// reach in characters, so a window reads as far into Cyrillic (two bytes a letter) or
/// kana and kanji (three) as into Latin text.
pub(crate) fn chars_after(text: &str, at: usize, n: usize) -> usize {
    let at = ceil_boundary(text, at);
    // (ASCII, one byte a character, is counted without decoding.)
    let end = at.saturating_add(n).min(text.len());
    if text.as_bytes().get(at..end).is_some_and(<[u8]>::is_ascii) {
        return end;
    }
    text.get(at..).and_then(|t| t.char_indices().nth(n)).map_or(text.len(), |(i, _)| at + i)
}

/// The byte offset `n` characters before `at` in `text` (or its start).
pub(crate) fn chars_before(text: &str, at: usize, n: usize) -> usize {
    let at = floor_boundary(text, at);
    if n == 0 {
        return at;
    }
    let start = at.saturating_sub(n);
    if text.as_bytes().get(start..at).is_some_and(<[u8]>::is_ascii) {
        return start;
    }
    text.get(..at).and_then(|t| t.char_indices().rev().nth(n - 1)).map_or(0, |(i, _)| i)
}

/// At most `n` characters of `text` before `at` (a window the same length in every script).
pub(crate) fn window_before_chars(text: &str, at: usize, n: usize) -> &str {
    let at = floor_boundary(text, at);
    text.get(chars_before(text, at, n)..at).unwrap_or_default()
}

/// At most `n` characters of `text` from `at`.
pub(crate) fn window_after_chars(text: &str, at: usize, n: usize) -> &str {
    let at = ceil_boundary(text, at);
    text.get(at..chars_after(text, at, n)).unwrap_or_default()
}

/// The char before byte offset `i` in `text`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The char at byte offset `i` in `text`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The words of `text[range]` (runs of letters, digits, apostrophes and inner hyphens),
/// as ranges.
pub(crate) fn words(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let slice = text.get(range.clone()).unwrap_or_default();
    let base = range.start;
    let mut it = slice.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (i, c) = it.next()?;
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric()
                    || ((d == '\'' || d == '-')
                        && slice
                            .get(j + 1..)
                            .and_then(|s| s.chars().next())
                            .is_some_and(char::is_alphanumeric))
                {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            return Some(base + i..base + end);
        }
    })
}

/// The word that ends right before `at` (after any spaces and punctuation other than
/// an apostrophe), if any: at most 80 bytes back, without allocating.
pub(crate) fn word_before(text: &str, at: usize) -> Option<Range<usize>> {
    let at = floor_boundary(text, at);
    let floor = at.saturating_sub(80);
    let head = text.get(..at)?;
    let mut chars = head.char_indices().rev().take_while(|&(i, _)| i >= floor).peekable();
    // Skip what is not part of a word.
    while chars.next_if(|&(_, c)| !c.is_alphanumeric()).is_some() {}
    let &(last, c) = chars.peek()?;
    let end = last + c.len_utf8();
    let mut start = last;
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric()
            || ((c == '\'' || c == '-') && chars.peek().is_some_and(|&(_, d)| d.is_alphanumeric()))
        {
            start = i;
        } else {
            break;
        }
    }
    // A word starts with a letter or digit.
    while text.get(start..).and_then(|s| s.chars().next()).is_some_and(|c| !c.is_alphanumeric()) {
        start += 1;
    }
    Some(start..end)
}

/// The word that starts right after `at`, if any: at most 80 bytes on, without allocating.
pub(crate) fn word_after(text: &str, at: usize) -> Option<Range<usize>> {
    let at = ceil_boundary(text, at);
    let ceiling = at.saturating_add(80);
    let tail = text.get(at..)?;
    let mut chars =
        tail.char_indices().map(|(i, c)| (at + i, c)).take_while(|&(i, _)| i < ceiling).peekable();
    while chars.next_if(|&(_, c)| !c.is_alphanumeric()).is_some() {}
    let &(start, c) = chars.peek()?;
    let mut end = start + c.len_utf8();
    chars.next();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = i + c.len_utf8();
        } else if (c == '\'' || c == '-') && chars.peek().is_some_and(|&(_, d)| d.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    Some(start..end)
}

/// The paragraph of each sentence of `text`, numbered from 0 in order. Two sentences are
/// in different paragraphs when a blank line or an indented line separates them, or, when
/// the text is not `wrapped` (its lines are paragraphs), a line break.
pub(crate) fn paragraph_numbers(text: &str, sentences: &[Range<usize>], wrapped: bool) -> Vec<usize> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut n = 0usize;
    let mut prev_end: Option<usize> = None;
    for s in sentences {
        if let Some(gap) = prev_end.and_then(|e| text.get(e..s.start))
            && let Some(nl) = gap.find('\n')
        {
            let after = gap.get(nl + 1..).unwrap_or_default();
            let blank = after.contains('\n');
            let indented = after.starts_with([' ', '\t', '\u{3000}']);
            if blank || indented || !wrapped {
                n += 1;
            }
        }
        out.push(n);
        prev_end = Some(s.end);
    }
    out
}

/// Each line of `text`: its range, without its line break (a final line break opens no
/// line), found with `memchr`.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    std::iter::from_fn(move || {
        (start < bytes.len()).then(|| {
            let end = memchr::memchr(b'\n', bytes.get(start..).unwrap_or_default())
                .map_or(bytes.len(), |k| start + k);
            let line = start..end;
            start = end + 1;
            line
        })
    })
}

/// Whether `text` (as written, before [`Normalized`] joins wrapped lines) is hard-wrapped:
/// most of its longer lines end inside a sentence (no closing punctuation), as wire copy
/// broken at a fixed width does.
pub(crate) fn hard_wrapped(text: &str) -> bool {
    const CLOSING: &[char] =
        &['.', '!', '?', '。', '！', '？', '」', '』', '"', '\'', '”', '’', ')', '）', ':', '：'];
    let (mut long, mut open) = (0usize, 0usize);
    for line in lines(text) {
        let line = text.get(line).unwrap_or_default().trim_end();
        if line.len() < 40 {
            continue;
        }
        long += 1;
        if !line.ends_with(CLOSING) {
            open += 1;
        }
    }
    open * 2 > long
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_ranges_without_their_breaks() {
        let text = "a\n\nbc\n";
        let got: Vec<&str> = lines(text).filter_map(|r| text.get(r)).collect();
        assert_eq!(got, ["a", "", "bc"]);
        assert_eq!(lines("x").count(), 1);
        assert_eq!(lines("").count(), 0);
    }

    /// The ASCII shortcut of `chars_after` and `chars_before` agrees with decoding, at every
    /// position (inside a character too) and reach, in ASCII, Cyrillic, kana and mixed text.
    #[test]
    fn character_offsets_agree_with_decoding() {
        let decoded_after = |text: &str, at: usize, n: usize| {
            let at = ceil_boundary(text, at);
            text.get(at..).and_then(|t| t.char_indices().nth(n)).map_or(text.len(), |(i, _)| at + i)
        };
        let decoded_before = |text: &str, at: usize, n: usize| {
            let at = floor_boundary(text, at);
            if n == 0 {
                return at;
            }
            text.get(..at).and_then(|t| t.char_indices().rev().nth(n - 1)).map_or(0, |(i, _)| i)
        };
        for text in ["Japan and Russia", "Курилы и Tokyo, 北方領土 ok", "", "ab", "ё"] {
            for at in 0..=text.len() + 1 {
                for n in 0..=text.len() + 2 {
                    assert_eq!(chars_after(text, at, n), decoded_after(text, at, n), "{text:?} {at} {n}");
                    assert_eq!(chars_before(text, at, n), decoded_before(text, at, n), "{text:?} {at} {n}");
                }
            }
        }
    }

    #[test]
    fn windows_in_characters_read_as_far_in_every_script() {
        let ru = "Лавров заявил";
        assert_eq!(chars_after(ru, 0, 6), "Лавров".len());
        assert_eq!(chars_before(ru, ru.len(), 6), "Лавров ".len());
        let ja = "ラブロフ外相は";
        assert_eq!(chars_after(ja, 0, 4), "ラブロフ".len());
        assert_eq!(chars_before(ja, ja.len(), 1), ja.len() - "は".len());
        // Past either end: the end; inside a character: its boundary.
        assert_eq!(chars_after("ab", 0, 9), 2);
        assert_eq!(chars_before("ab", 2, 9), 0);
        assert_eq!(chars_after(ru, 1, 1), "Ла".len());
        assert_eq!(chars_before(ru, 3, 1), 0);
    }

    #[test]
    fn offsets_map_back_through_edits() {
        let original =
            "\u{feff}Abe\u{2019}s \u{201c}two islands\u{201d}\r\nnext \u{2014} line U.S.\u{2026} ２０１８年";
        let n = Normalized::new(original, &[]);
        assert_eq!(n.text, "Abe's \"two islands\"\nnext - line U.S.... 2018年");
        for needle in ["two islands", "next", "line", "Abe", "2018年"] {
            let at = n.text.find(needle).unwrap();
            let r = n.original_range(&(at..at + needle.len()));
            assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
        }
        let at = n.text.find("two").unwrap();
        assert_eq!(&original[n.original_range(&(at..at + 11))], "two islands");
        // A span ending inside the expanded ellipsis ends after it, on a boundary.
        let dots = n.text.rfind("...").unwrap();
        let r = n.original_range(&(dots - 4..dots + 1));
        assert_eq!(&original[r], "U.S.\u{2026}");
        let r = n.original_range(&(dots + 1..dots + 2));
        assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
        let y = n.text.find("2018").unwrap();
        assert_eq!(&original[n.original_range(&(y..y + 4))], "２０１８");
    }

    #[test]
    fn words_around_a_point() {
        let t = "Japan's post-war claim, 'we say'";
        let w: Vec<&str> = words(t, 0..t.len()).map(|r| &t[r]).collect();
        assert_eq!(w, ["Japan's", "post-war", "claim", "we", "say"]);
        assert_eq!(word_before(t, t.find(',').unwrap()).map(|r| &t[r]), Some("claim"));
        assert_eq!(word_after(t, 7).map(|r| &t[r]), Some("post-war"));
    }

    #[test]
    fn paragraphs_end_at_blank_lines_and_at_line_breaks_of_unwrapped_text() {
        let sentences = |t: &str| -> Vec<Range<usize>> {
            let mut out = Vec::new();
            let mut start = 0;
            for (i, c) in t.char_indices() {
                if c == '.' {
                    out.push(start + (t[start..].len() - t[start..].trim_start().len())..i + 1);
                    start = i + 1;
                }
            }
            out
        };
        // One paragraph per line: every line break starts a paragraph.
        let lines = "Tokyo protested. Moscow replied.\nOil fell. Gold rose.\n\nRain came.";
        assert!(!hard_wrapped(lines));
        assert_eq!(paragraph_numbers(lines, &sentences(lines), false), [0, 0, 1, 1, 2]);
        // Wrapped at a fixed width: a bare line break is inside a paragraph; a blank line
        // or an indented line starts one.
        let wrapped = "The talks in Moscow ended without any agreement on the islands.\nBoth sides will meet again in the spring of next year at a\nsummit.\n  Oil prices fell sharply on the day in the markets of\nLondon. Gold rose.";
        assert!(hard_wrapped(wrapped));
        assert_eq!(paragraph_numbers(wrapped, &sentences(wrapped), true), [0, 0, 1, 1]);
    }

    #[test]
    fn a_chronology_entry_s_date_heading_opens_its_first_sentence() {
        for head in [
            "7 февраля 1855 года",
            "1905 год",
            "С 28 августа по 5 сентября 1945 года",
            "Feb. 7, 1855",
            "1956",
        ] {
            assert!(date_heading(head), "{head}");
        }
        for head in
            ["In 2018 Abe met Putin", "The treaty was signed in 1956", "Abe met Putin", "12 islands", ""]
        {
            assert!(!date_heading(head), "{head}");
        }
    }

    #[test]
    fn a_japanese_line_wrapped_after_a_closing_bracket_is_joined_before_a_particle() {
        let head = "自民党支持層に限れば、「期待する」との回答は多かった。首相に批判的な政党の支持層でも「期待する」";
        let text = format!("{head}\nと「期待しない」が拮抗している。");
        let joined = Normalized::new(&text, &[]);
        assert!(!joined.text.contains('\n'));
        // Before anything but a particle the bracket may end the sentence: kept.
        let text = format!("{head}\n首相は述べた。");
        let kept = Normalized::new(&text, &[]);
        assert!(kept.text.contains('\n'));
    }
}
