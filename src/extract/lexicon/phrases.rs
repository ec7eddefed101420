//! Context words: small sets of phrases, looked up around a trigger without allocation.
//!
//! A phrase matches regardless of case, on word boundaries when its script separates
//! words with spaces (Latin, Cyrillic), anywhere otherwise (Japanese). A phrase ending in
//! `*` is a stem: it matches a word that begins with it. A space in a phrase matches any
//! run of whitespace.

use rustc_hash::FxHashMap as HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

/// The scripts the extractor tells apart.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumString,
    strum::Display,
    strum::EnumIter,
    strum::EnumCount,
)]
#[strum(serialize_all = "kebab-case")]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Kana,
    Han,
    Hangul,
    Other,
}

/// The script of a letter (`None` for what is not a letter).
pub(crate) fn script_of(c: char) -> Option<Script> {
    let u = c as u32;
    Some(match u {
        _ if c.is_ascii_alphabetic() => Script::Latin,
        0x00c0..=0x024f | 0x1e00..=0x1eff => Script::Latin,
        0x0370..=0x03ff => Script::Greek,
        0x0400..=0x052f => Script::Cyrillic,
        0x3040..=0x30ff | 0x31f0..=0x31ff | 0xff66..=0xff9f => Script::Kana,
        // (々 repeats a kanji; 〇 is the kanji zero, 一九六〇年.)
        0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x3005 | 0x3007 => Script::Han,
        0xac00..=0xd7af | 0x1100..=0x11ff => Script::Hangul,
        _ if c.is_alphabetic() => Script::Other,
        _ => return None,
    })
}

/// Whether `c` is a hiragana letter: in Japanese, a particle or a word's inflected ending,
/// never part of a name.
pub(crate) fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

/// The script of a character of a Japanese name written in one run: katakana (with ・ and
/// ー) or kanji, never hiragana, which writes the particles around a name (ラブロフ外相,
/// ドイツ・ハンブルクで).
pub(crate) fn name_script(c: char) -> Option<Script> {
    match script_of(c) {
        Some(Script::Kana) if !is_hiragana(c) => Some(Script::Kana),
        _ if c == '・' || c == 'ー' => Some(Script::Kana),
        Some(Script::Han) => Some(Script::Han),
        _ => None,
    }
}

/// Whether `c` belongs to a word of a script that separates words with spaces (so a
/// phrase or a name next to it is not on a word boundary).
pub(crate) fn is_spaced_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_alphanumeric()
            && matches!(script_of(c), Some(Script::Latin | Script::Cyrillic | Script::Greek | Script::Other)))
        || c.is_numeric() && (c as u32) < 0x3000
}

/// Whether a form needs word boundaries at its start and its end.
pub(crate) fn boundaries_of(form: &str) -> (bool, bool) {
    let needs = |c: Option<char>| c.is_some_and(is_spaced_word_char);
    (needs(form.chars().next()), needs(form.chars().next_back()))
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    /// Lower-cased, single spaces, without a trailing `*`.
    text: String,
    stem: bool,
    left: bool,
    right: bool,
    value: T,
}

/// A set of phrases, each with a value.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<T> {
    phrases: Vec<Phrase<T>>,
    /// Single words (no space, not stems, bounded on both sides): index by the word.
    words: HashMap<Vec<u8>, usize>,
    /// The others (multi-word, stems, unbounded), longest first.
    others: Vec<usize>,
    /// Multi-word phrases by their first word and by their last (lower-cased).
    by_first: HashMap<Vec<u8>, Vec<usize>>,
    by_last: HashMap<Vec<u8>, Vec<usize>>,
    /// Other phrases that no word indexes (stems, unspaced forms, edges that are not
    /// letters), longest first.
    loose: Vec<usize>,
    /// Whether a phrase of `loose` is a stem (then `before` reads the word before a point).
    loose_stems: bool,
    /// Every phrase in one automaton, for scans of a range (`find_in`); built on first use.
    automaton: std::sync::OnceLock<Option<(AhoCorasick, Vec<usize>)>>,
    /// The pairs of characters phrases start with, and end with: most lookups around a
    /// trigger find no phrase, and these turn them away before any word is read.
    starts: Edges,
    ends: Edges,
}

/// A set of character pairs (case folded, whitespace as a space), hashed into a bitmap:
/// `may_hold` is false only for a pair no phrase has at that edge. A phrase of one
/// character is kept by itself (any pair beginning with it passes).
#[derive(Debug, Clone, Default)]
struct Edges {
    pairs: Vec<u64>,
    singles: Vec<u64>,
    /// Some phrase's edge could not be keyed: everything passes.
    open: bool,
}

const EDGE_BITS: u32 = 12;

impl Edges {
    fn slot(a: char, b: Option<char>) -> usize {
        let h = (a as u32).wrapping_mul(0x9E37_79B1)
            ^ b.map_or(0x5bd1_e995, |b| (b as u32).wrapping_mul(0x85EB_CA6B));
        (h >> (32 - EDGE_BITS)) as usize
    }

    fn set(bits: &mut Vec<u64>, slot: usize) {
        if bits.is_empty() {
            bits.resize(1 << (EDGE_BITS - 6), 0);
        }
        if let Some(w) = bits.get_mut(slot >> 6) {
            *w |= 1 << (slot & 63);
        }
    }

    fn get(bits: &[u64], slot: usize) -> bool {
        bits.get(slot >> 6).is_some_and(|w| w & (1 << (slot & 63)) != 0)
    }

    /// Records a phrase's edge: its first two characters (or its only one).
    fn add(&mut self, mut chars: impl Iterator<Item = char>) {
        let (Some(a), b) = (chars.next().and_then(edge_char), chars.next()) else {
            self.open = true;
            return;
        };
        match b {
            None => Self::set(&mut self.singles, Self::slot(a, None)),
            Some(b) => match edge_char(b) {
                Some(b) => Self::set(&mut self.pairs, Self::slot(a, Some(b))),
                None => self.open = true,
            },
        }
    }

    /// Whether a phrase of the one character `a`, or one whose edge is `a` then `b`, is in
    /// the set.
    fn has(&self, a: char, b: Option<char>) -> bool {
        Self::get(&self.singles, Self::slot(a, None))
            || b.is_some_and(|b| Self::get(&self.pairs, Self::slot(a, Some(b))))
    }

    /// Whether a phrase may have the edge whose characters (outward in) are `chars`.
    fn may_hold(&self, mut chars: impl Iterator<Item = char>) -> bool {
        if self.open {
            return true;
        }
        let Some(a) = chars.next() else { return false };
        let Some(a) = edge_char(a) else { return true };
        match chars.next().map(edge_char) {
            Some(None) => true,
            b => self.has(a, b.flatten()),
        }
    }

    /// [`Edges::may_hold`] for the start of `text` (two ASCII bytes read directly).
    fn may_start(&self, text: &str) -> bool {
        match text.as_bytes() {
            [a, b, ..] if a.is_ascii() && b.is_ascii() && !self.open => {
                self.has(ascii_edge(*a), Some(ascii_edge(*b)))
            }
            _ => self.may_hold(text.chars()),
        }
    }

    /// [`Edges::may_hold`] for the end of `text`.
    fn may_end(&self, text: &str) -> bool {
        match text.as_bytes() {
            [.., b, a] if a.is_ascii() && b.is_ascii() && !self.open => {
                self.has(ascii_edge(*a), Some(ascii_edge(*b)))
            }
            _ => self.may_hold(text.chars().rev()),
        }
    }
}

/// [`edge_char`] of an ASCII byte.
fn ascii_edge(b: u8) -> char {
    if b.is_ascii_whitespace() { ' ' } else { char::from(b.to_ascii_lowercase()) }
}

/// A character as lookups compare it: lower case, whitespace as a space; `None` when its
/// lower case is more than one character.
fn edge_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(if c.is_ascii_whitespace() { ' ' } else { c.to_ascii_lowercase() });
    }
    if c.is_whitespace() {
        return Some(' ');
    }
    let mut lower = c.to_lowercase();
    let first = lower.next()?;
    lower.next().is_none().then_some(first)
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            phrases: Vec::new(),
            words: HashMap::default(),
            others: Vec::new(),
            by_first: HashMap::default(),
            by_last: HashMap::default(),
            loose: Vec::new(),
            loose_stems: false,
            automaton: std::sync::OnceLock::new(),
            starts: Edges::default(),
            ends: Edges::default(),
        }
    }
}

/// Lower-cases `s` and collapses whitespace to single spaces.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}

/// `word` lower-cased, in `buf` when it is short ASCII (no allocation), else allocated.
fn lower<'b>(word: &str, buf: &'b mut [u8; 48]) -> std::borrow::Cow<'b, [u8]> {
    let bytes = word.as_bytes();
    if let Some(out) = buf.get_mut(..bytes.len())
        && word.is_ascii()
    {
        out.copy_from_slice(bytes);
        out.make_ascii_lowercase();
        return std::borrow::Cow::Borrowed(out);
    }
    std::borrow::Cow::Owned(fold(word).into_bytes())
}

impl<T: Clone> Phrases<T> {
    /// A set from `(form, value)` pairs.
    pub fn new<'a>(items: impl IntoIterator<Item = (&'a str, T)>) -> Self {
        let mut set = Phrases::default();
        for (form, value) in items {
            set.add(form, value);
        }
        set
    }

    /// Adds a phrase (a later duplicate is ignored).
    pub fn add(&mut self, form: &str, value: T) {
        let stem = form.ends_with('*') && form.chars().count() > 1;
        let text = fold(form.trim_end_matches('*'));
        if text.is_empty() {
            return;
        }
        let (left, right) = boundaries_of(&text);
        let right = right && !stem;
        if self.phrases.iter().any(|p| p.text == text && p.stem == stem) {
            return;
        }
        let n = self.phrases.len();
        let single = !text.contains(' ') && !stem && left && right;
        if single {
            self.words.insert(text.clone().into_bytes(), n);
        } else {
            self.others.push(n);
            let first = text.split(' ').next().unwrap_or_default();
            let last = text.rsplit(' ').next().unwrap_or_default();
            let wordy = |w: &str| {
                !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '\'' || c == '-' || c == '.')
            };
            if !stem && text.contains(' ') && left && right && wordy(first) && wordy(last) {
                // Keyed as `after` looks it up: without the dots that end the word ("кв. км"
                // under "кв", as "кв." is read where a sentence's full stop may follow).
                self.by_first.entry(first.trim_end_matches('.').as_bytes().to_vec()).or_default().push(n);
                self.by_last.entry(last.as_bytes().to_vec()).or_default().push(n);
            } else {
                self.loose.push(n);
                self.loose_stems |= stem;
            }
        }
        self.starts.add(text.chars());
        self.ends.add(text.chars().rev());
        self.phrases.push(Phrase { text, stem, left, right, value });
        let phrases = &self.phrases;
        let longest = |i: &usize| std::cmp::Reverse(phrases.get(*i).map_or(0, |p| p.text.len()));
        self.others.sort_by_key(longest);
        self.loose.sort_by_key(longest);
        self.automaton = std::sync::OnceLock::new();
    }
}

impl<T> Phrases<T> {
    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The value of `word` when the whole of it is a phrase of the set (case aside).
    pub fn word(&self, word: &str) -> Option<&T> {
        // (No phrase starts with the word's first two characters: most words.)
        if !self.starts.may_start(word) {
            return None;
        }
        let mut buf = [0u8; 48];
        let lower = lower(word, &mut buf);
        if let Some(p) = self.words.get(lower.as_ref()).and_then(|&i| self.phrases.get(i)) {
            return Some(&p.value);
        }
        self.others.iter().filter_map(|&i| self.phrases.get(i)).find_map(|p| {
            let hit =
                if p.stem { lower.starts_with(p.text.as_bytes()) } else { *lower == *p.text.as_bytes() };
            hit.then_some(&p.value)
        })
    }

    /// Whether a phrase of the set may start `rest` (its first two characters open one):
    /// a cheap test before a word is read.
    pub fn may_open(&self, rest: &str) -> bool {
        self.starts.may_start(rest)
    }

    /// Whether the set holds `word` (see [`Phrases::word`]).
    pub fn contains(&self, word: &str) -> bool {
        self.word(word).is_some()
    }

    /// The automaton of every phrase (with its case variants outside ASCII), and the
    /// phrase each pattern stands for.
    fn automaton(&self) -> Option<&(AhoCorasick, Vec<usize>)> {
        self.automaton
            .get_or_init(|| {
                let mut patterns: Vec<String> = Vec::new();
                let mut of: Vec<usize> = Vec::new();
                for (i, p) in self.phrases.iter().enumerate() {
                    let mut variants = vec![p.text.clone()];
                    if !p.text.is_ascii() {
                        let mut cap = String::new();
                        let mut chars = p.text.chars();
                        if let Some(c) = chars.next() {
                            cap.extend(c.to_uppercase());
                            cap.extend(chars);
                        }
                        variants.push(cap);
                        variants.push(p.text.to_uppercase());
                    }
                    for v in variants {
                        patterns.push(v);
                        of.push(i);
                    }
                }
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .build(&patterns)
                    .ok()
                    .map(|a| (a, of))
            })
            .as_ref()
    }

    /// The longest phrase starting at byte `at` of `text` (after any spaces): its end and
    /// value.
    pub fn after(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let rest = text.get(at..)?;
        let skipped = rest.len() - rest.trim_start().len();
        let start = at + skipped;
        let rest = text.get(start..)?;
        if rest.is_empty() || !self.starts.may_start(rest) {
            return None;
        }
        let mut best: Option<(usize, &T)> = None;
        // Single words: the word at `start` (not looked for when no phrase is indexed by a
        // word: in an unspaced script the "word" is the whole run up to a punctuation mark).
        let word_end = if self.words.is_empty() && self.by_first.is_empty() {
            0
        } else {
            rest.char_indices().find(|&(_, c)| !is_word_part(c)).map_or(rest.len(), |(i, _)| i)
        };
        if word_end > 0
            && let Some(w) = rest.get(..word_end)
            && !self.words.is_empty()
        {
            // The word with its dots ("no.", "U.S."), else without a sentence's full stop.
            let trimmed = w.trim_end_matches('.');
            let forms = [(w, word_end), (trimmed, trimmed.len())];
            let tries = if trimmed.len() == w.len() { 1 } else { 2 };
            for &(form, len) in forms.iter().take(tries) {
                let mut buf = [0u8; 48];
                let key = lower(form, &mut buf);
                if let Some(p) = self.words.get(key.as_ref()).and_then(|&i| self.phrases.get(i))
                    && bounded_before(text, start, p.left)
                    && len > 0
                {
                    best = Some((start + len, &p.value));
                    break;
                }
            }
        }
        let mut buf = [0u8; 48];
        let first = if self.by_first.is_empty() {
            None
        } else {
            rest.get(..word_end).map(|w| lower(w.trim_end_matches('.'), &mut buf))
        };
        let indexed =
            first.as_ref().and_then(|f| self.by_first.get(f.as_ref())).map_or(&[][..], Vec::as_slice);
        for p in indexed.iter().chain(&self.loose).filter_map(|&i| self.phrases.get(i)) {
            if let Some(len) = match_prefix(rest, &p.text, p.stem)
                && bounded_before(text, start, p.left)
                && (!p.right || bounded_after(text, start + len))
                && best.is_none_or(|(e, _)| start + len > e)
            {
                let end = if p.stem { start + extend_word(rest, len) } else { start + len };
                best = Some((end, &p.value));
            }
        }
        best
    }

    /// The longest phrase starting exactly at byte `at`, glued to what comes before (a
    /// suffix: "14th", "1950s", 「1990年代」).
    pub fn glued(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let rest = text.get(at..)?;
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return None;
        }
        let mut best: Option<(usize, &T)> = None;
        // A whole word of the set that starts here ("th" of "14th", "s" of "1950s").
        let word_end = if self.words.is_empty() {
            0
        } else {
            rest.char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(rest.len(), |(i, _)| i)
        };
        if word_end > 0
            && let Some(w) = rest.get(..word_end)
        {
            let mut buf = [0u8; 48];
            if let Some(p) = self.words.get(lower(w, &mut buf).as_ref()).and_then(|&i| self.phrases.get(i)) {
                best = Some((at + word_end, &p.value));
            }
        }
        // The others ("%", "'s", 年代, multi-word forms).
        for p in self.others.iter().filter_map(|&i| self.phrases.get(i)) {
            if let Some(len) = match_prefix(rest, &p.text, p.stem)
                && (!p.right || bounded_after(text, at + len))
                && best.is_none_or(|(e, _)| at + len > e)
            {
                best = Some((at + len, &p.value));
            }
        }
        best
    }

    /// The longest phrase ending at byte `at` of `text` (before any spaces): its start and
    /// value.
    pub fn before(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let head = text.get(..at)?;
        let end = head.trim_end().len();
        let head = text.get(..end)?;
        // A stem ends anywhere in its word: the end filter does not apply.
        if head.is_empty() || (!self.loose_stems && !self.ends.may_end(head)) {
            return None;
        }
        let mut best: Option<(usize, &T)> = None;
        // The word before `end`, when a phrase is indexed by words or is a stem (in an
        // unspaced script the "word" is the whole run back to a punctuation mark).
        let wordy = !self.words.is_empty() || !self.by_last.is_empty() || self.loose_stems;
        let word_start = if wordy {
            head.char_indices().rev().find(|&(_, c)| !is_word_part(c)).map_or(0, |(i, c)| i + c.len_utf8())
        } else {
            end
        };
        let mut last_buf = [0u8; 48];
        let last = if self.by_last.is_empty() {
            None
        } else {
            head.get(word_start..).map(|w| lower(w, &mut last_buf))
        };
        if word_start < end
            && let Some(w) = head.get(word_start..)
        {
            let mut buf = [0u8; 48];
            let key = lower(w, &mut buf);
            let mut buf2 = [0u8; 48];
            let bare = lower(w.trim_start_matches('.'), &mut buf2);
            if let Some(p) = self
                .words
                .get(key.as_ref())
                .or_else(|| self.words.get(bare.as_ref()))
                .and_then(|&i| self.phrases.get(i))
            {
                best = Some((word_start, &p.value));
            } else if let Some(p) = self
                .loose
                .iter()
                .filter_map(|&i| self.phrases.get(i))
                .find(|p| p.stem && !p.text.contains(' ') && key.starts_with(p.text.as_bytes()))
            {
                best = Some((word_start, &p.value));
            }
        }
        let indexed = last.as_ref().and_then(|l| self.by_last.get(l.as_ref())).map_or(&[][..], Vec::as_slice);
        for p in indexed.iter().chain(&self.loose).filter_map(|&i| self.phrases.get(i)).filter(|p| !p.stem) {
            if let Some(start) = match_suffix(head, &p.text)
                && (!p.left || bounded_before(text, start, true))
                && (!p.right || bounded_after(text, end))
                && best.is_none_or(|(s, _)| start < s)
            {
                best = Some((start, &p.value));
            }
        }
        best
    }

    /// Every phrase inside `text[range]`, in order, without overlaps (leftmost-longest),
    /// on word boundaries: one automaton pass over the range.
    pub fn find_in<'s>(
        &'s self,
        text: &'s str,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'s T)> + 's {
        let end = range.end.min(text.len());
        let start = range.start.min(end);
        let slice = text.get(start..end).unwrap_or_default();
        let found = self.automaton().map(|(a, of)| (a.find_iter(slice), of));
        found.into_iter().flat_map(move |(iter, of)| {
            iter.filter_map(move |m| {
                let p = self.phrases.get(*of.get(m.pattern().as_usize())?)?;
                let (s, mut e) = (start + m.start(), start + m.end());
                if !bounded_before(text, s, p.left) {
                    return None;
                }
                if p.stem {
                    e = s + extend_word(text.get(s..)?, e - s);
                } else if p.right && !bounded_after(text, e) {
                    return None;
                }
                Some((s..e.min(end.max(e)), &p.value))
            })
        })
    }
}

/// Characters that continue a word for context lookups ("don't", "post-war", "U.S.").
fn is_word_part(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-' || c == '.'
}

/// Whether a word may start at `at`: not inside a word, nor after the hyphen of a
/// compound ("held" is not a word of "Russian-held").
fn bounded_before(text: &str, at: usize, needed: bool) -> bool {
    if !needed {
        return true;
    }
    let mut before = text.get(..at).unwrap_or_default().chars().rev();
    match before.next() {
        Some(c) if is_spaced_word_char(c) => false,
        Some('-') => !before.next().is_some_and(char::is_alphabetic),
        _ => true,
    }
}

/// Whether a word may end at `at`: not inside a word, nor before the hyphen of a compound.
fn bounded_after(text: &str, at: usize) -> bool {
    let mut after = text.get(at..).unwrap_or_default().chars();
    match after.next() {
        Some(c) if is_spaced_word_char(c) => false,
        Some('-') => !after.next().is_some_and(char::is_alphabetic),
        _ => true,
    }
}

/// Extends a stem match to the end of its word.
fn extend_word(rest: &str, len: usize) -> usize {
    let tail = rest.get(len..).unwrap_or_default();
    len + tail.char_indices().find(|&(_, c)| !is_spaced_word_char(c)).map_or(tail.len(), |(i, _)| i)
}

/// The bytes of `hay` that `needle` (lower-cased, single spaces) matches at its start.
fn match_prefix(hay: &str, needle: &str, _stem: bool) -> Option<usize> {
    // ASCII: compare bytes, a space matching any run of ASCII whitespace.
    if needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let (mut i, mut j) = (0usize, 0usize);
        while let Some(&nb) = n.get(j) {
            if nb == b' ' {
                let from = i;
                while h.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if i == from {
                    return None;
                }
            } else {
                let hb = *h.get(i)?;
                if hb.to_ascii_lowercase() != nb {
                    return None;
                }
                i += 1;
            }
            j += 1;
        }
        return Some(i);
    }
    let mut h = hay.char_indices().peekable();
    let n = needle.chars().peekable();
    for nc in n {
        if nc == ' ' {
            // One or more whitespace characters.
            let mut any = false;
            while let Some(&(_, hc)) = h.peek() {
                if hc.is_whitespace() {
                    any = true;
                    h.next();
                } else {
                    break;
                }
            }
            if !any {
                return None;
            }
            continue;
        }
        let (_, hc) = h.next()?;
        if !hc.to_lowercase().eq(std::iter::once(nc)) && hc != nc {
            return None;
        }
    }
    Some(h.peek().map_or(hay.len(), |&(i, _)| i))
}

/// The start of the suffix of `hay` that `needle` matches.
fn match_suffix(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let mut i = h.len();
        for &nb in n.iter().rev() {
            if nb == b' ' {
                let from = i;
                while i > 0 && h.get(i - 1).is_some_and(u8::is_ascii_whitespace) {
                    i -= 1;
                }
                if i == from {
                    return None;
                }
            } else {
                i = i.checked_sub(1)?;
                if h.get(i)?.to_ascii_lowercase() != nb {
                    return None;
                }
            }
        }
        // Not in the middle of a character.
        return hay.is_char_boundary(i).then_some(i);
    }
    let mut h = hay.char_indices().rev().peekable();
    let n = needle.chars().rev().peekable();
    let mut start = hay.len();
    for nc in n {
        if nc == ' ' {
            let mut any = false;
            while let Some(&(i, hc)) = h.peek() {
                if hc.is_whitespace() {
                    any = true;
                    start = i;
                    h.next();
                } else {
                    break;
                }
            }
            if !any {
                return None;
            }
            continue;
        }
        let (i, hc) = h.next()?;
        if !hc.to_lowercase().eq(std::iter::once(nc)) && hc != nc {
            return None;
        }
        start = i;
    }
    Some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_phrases_and_stems() {
        let set = Phrases::new([("by", 1), ("no later than", 2), ("negotiat*", 3), ("までに", 4)]);
        let t = "signed by 2000, no later than  2001; negotiations; 2000年までに";
        assert_eq!(set.before(t, t.find("2000").unwrap()).map(|(_, v)| *v), Some(1));
        assert_eq!(set.before(t, t.find("2001").unwrap()).map(|(_, v)| *v), Some(2));
        let at = t.find("negot").unwrap();
        assert_eq!(set.after(t, at).map(|(e, _)| &t[at..e]), Some("negotiations"));
        let at = t.find("までに").unwrap();
        assert_eq!(set.after(t, at).map(|(_, v)| *v), Some(4));
        assert!(set.word("BY").is_some());
        assert!(set.word("bye").is_none());
        // Not inside a word.
        assert!(set.before("nearby 2000", 7).is_none());
        let found: Vec<_> = set.find_in(t, 0..t.len()).map(|(_, v)| *v).collect();
        assert_eq!(found, [1, 2, 3, 4]);
    }

    /// A phrase whose first word is an abbreviation with its dot ("кв. км", "approx. 30")
    /// is found after a number as written.
    #[test]
    fn a_dotted_first_word_opens_a_phrase() {
        let set = Phrases::new([("кв. км", 1), ("sq. km", 2), ("км", 3)]);
        let t = "5 тыс. кв. км; 900 sq. km; 7 км.";
        let after = |w: &str| {
            set.after(t, t.find(w).unwrap() + w.len()).map(|(e, v)| (&t[t.find(w).unwrap() + w.len()..e], *v))
        };
        assert_eq!(after("тыс."), Some((" кв. км", 1)));
        assert_eq!(after("900"), Some((" sq. km", 2)));
        assert_eq!(after("7"), Some((" км", 3)));
    }

    /// The edge filter turns lookups away before reading words; it must never turn away
    /// one that a phrase matches: capitals (ASCII and not), a phrase of one character, a
    /// second character that is a space matching a line break, a dotted word.
    #[test]
    fn the_edge_filter_keeps_every_match() {
        let set =
            Phrases::new([("заявил", 1), ("%", 2), ("a few", 3), ("u.s.", 4), ("ёлка", 5), ("said", 6)]);
        let t = "ЗАЯВИЛ Заявил % A\nfew U.S. Ёлка SAID";
        let after = |w: &str| set.after(t, t.find(w).unwrap()).map(|(_, v)| *v);
        assert_eq!(after("ЗАЯВИЛ"), Some(1));
        assert_eq!(after("Заявил"), Some(1));
        assert_eq!(after("%"), Some(2));
        assert_eq!(after("A\nfew"), Some(3));
        assert_eq!(after("U.S."), Some(4));
        assert_eq!(after("Ёлка"), Some(5));
        let before = |w: &str| {
            let end = t.find(w).unwrap() + w.len();
            set.before(t, end).map(|(_, v)| *v)
        };
        assert_eq!(before("SAID"), Some(6));
        assert_eq!(before("Заявил"), Some(1));
        assert_eq!(before("A\nfew"), Some(3));
        assert_eq!(before("%"), Some(2));
        // And what no phrase starts or ends with is turned away.
        assert_eq!(set.after("sail", 0), None);
        assert_eq!(set.before("Сказал", "Сказал".len()), None);
    }
}
