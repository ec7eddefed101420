//! The trigger automaton: every name of the dataset and every trigger of one language
//! pack, matched in one Aho–Corasick pass (a DFA, leftmost-longest, on word boundaries).
//! This is the extractor's only pass over the whole text; every rule starts from its hits.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::findings::PartyForm;
use super::lexicon::{Pack, Script, Term, boundaries_of, script_of};
use crate::agreement::AgreementId;
use crate::dataset::Dataset;
use crate::formula::FormulaId;
use crate::id::{PartyId, PersonId};
use crate::island::{Island, IslandSet};

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    Island(Island),
    Collective {
        islands: IslandSet,
        ambiguous: bool,
    },
    Party {
        party: PartyId,
        form: PartyForm,
    },
    Agreement(AgreementId),
    /// A person; `short`: the form is one word (a surname), which names the person only
    /// when no one else of that name is in the text.
    Person {
        id: PersonId,
        short: bool,
    },
    /// A formula's name or alias in the data.
    Formula(FormulaId),
    /// A trigger of the language pack.
    Term(Term),
}

impl Entry {
    /// Whether this entry is a name from the dataset (as opposed to a word of the language).
    pub fn is_name(&self) -> bool {
        !matches!(self, Entry::Term(_))
    }
}

/// How strictly a form's case must be kept for an entry to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Case {
    /// Any case.
    Any = 0,
    /// A capital where the form has one ("Abe", not "abe"; "southern Kuril Islands").
    Capital = 1,
    /// Exactly as written (acronyms: "US" is not "us").
    Exact = 2,
}

#[derive(Debug, Clone)]
struct Pattern {
    /// The form as written (the loosest, when several entries share it).
    form: String,
    left: bool,
    right: bool,
    entries: Vec<(Case, Entry)>,
    /// The classes of its entries (a bit per [`Class`]), so that a rule skips the hits
    /// that cannot concern it without reading their entries.
    classes: u16,
    /// Whether the form is a name in an oblique case and in no base form of a name.
    oblique: bool,
    plain: bool,
    /// Whether the form is a state's name in the case that marks a hand-over's recipient
    /// alone (`stance.recipient_case`: «Советскому Союзу», not «России», also a genitive).
    recipient: bool,
}

/// Kinds of entry, as bits: what a rule asks a hit before reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub(crate) enum Class {
    Island = 1,
    Collective = 1 << 1,
    Party = 1 << 2,
    Agreement = 1 << 3,
    Person = 1 << 4,
    Stance = 1 << 5,
    DateWord = 1 << 6,
    Number = 1 << 7,
    Fraction = 1 << 8,
    Title = 1 << 9,
    Speech = 1 << 10,
    Byline = 1 << 11,
    AgreementHead = 1 << 12,
    PartyWord = 1 << 13,
    AgreementPlace = 1 << 14,
}

impl Class {
    fn of(entry: &Entry) -> Class {
        match entry {
            Entry::Island(_) => Class::Island,
            Entry::Collective { .. } => Class::Collective,
            Entry::Party { .. } => Class::Party,
            Entry::Agreement(_) => Class::Agreement,
            Entry::Person { .. } => Class::Person,
            Entry::Formula(_) => Class::Stance,
            Entry::Term(t) => match t {
                Term::Month { .. }
                | Term::Weekday { .. }
                | Term::Relative { .. }
                | Term::Shift { .. }
                | Term::NamedDate(_)
                | Term::Anniversary
                | Term::Era { .. } => Class::DateWord,
                Term::Number { .. } => Class::Number,
                Term::Fraction(_) | Term::Amount { .. } => Class::Fraction,
                Term::Title { .. } => Class::Title,
                Term::Speech { .. } => Class::Speech,
                Term::Byline => Class::Byline,
                Term::AgreementHead(_) => Class::AgreementHead,
                Term::AgreementPlace(_) => Class::AgreementPlace,
                Term::Party(_) => Class::PartyWord,
                Term::Concept(_) | Term::Predicate { .. } => Class::Stance,
            },
        }
    }
}

/// A name or trigger found in the text (offsets into the normalised text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: u32,
    pub end: u32,
    pattern: u32,
    /// The strictest [`Case`] the match satisfies.
    case: u8,
}

impl Hit {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The automaton of one language pack over one dataset.
#[derive(Debug, Clone)]
pub(crate) struct Reader {
    automaton: AhoCorasick,
    /// For lines written in ASCII alone: the patterns written in ASCII alone, matched at
    /// word starts (see [`Reader::find`]).
    ascii: Option<AsciiWords>,
    patterns: Vec<Pattern>,
    /// The dataset's names alone (standard match kind), to find names inside a name.
    names: Option<AhoCorasick>,
    name_patterns: Vec<usize>,
}

/// The patterns written in ASCII alone, each opening with a letter or a digit, so that
/// each match starts a word: an anchored DFA tried only at word starts whose first two
/// bytes open some pattern.
#[derive(Debug, Clone)]
struct AsciiWords {
    /// Leftmost-longest, anchored, ASCII case folded; walked state by state.
    dfa: aho_corasick::dfa::DFA,
    /// The index in `patterns` of each of the DFA's patterns.
    ids: Vec<u32>,
    /// A bit per pair of lower-cased bytes that opens a pattern (a pattern's first byte
    /// and its second).
    openings: Vec<u64>,
}

impl AsciiWords {
    /// The automaton of `patterns`' ASCII forms; `None` when one of them opens with
    /// something else than a letter or a digit (then every line is read with the NFA).
    fn new(patterns: &[Pattern]) -> Option<Self> {
        let ids: Vec<u32> = (0..patterns.len())
            .filter(|&i| patterns.get(i).is_some_and(|p| p.form.is_ascii()))
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        let forms: Vec<&str> =
            ids.iter().filter_map(|&i| patterns.get(i as usize)).map(|p| p.form.as_str()).collect();
        let mut openings = vec![0u64; 1 << 10];
        for form in &forms {
            let b = form.as_bytes();
            let first = *b.first().filter(|c| c.is_ascii_alphanumeric())?;
            let pair = opening(first, b.get(1).copied().unwrap_or(0));
            *openings.get_mut(pair >> 6)? |= 1 << (pair & 63);
        }
        let dfa = aho_corasick::dfa::Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .build(forms)
            .ok()?;
        Some(AsciiWords { dfa, ids, openings })
    }

    /// The longest pattern that starts at `bytes[at]` and ends by `end`: its end and its
    /// index among the DFA's patterns. The DFA is walked directly: a search call per word
    /// start costs more than the few transitions it takes.
    fn longest_at(&self, bytes: &[u8], at: usize, end: usize) -> Option<(usize, usize)> {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;
        let dfa = &self.dfa;
        let mut sid = dfa.start_state(Anchored::Yes).ok()?;
        let mut found = None;
        for (k, &b) in bytes.get(at..end)?.iter().enumerate() {
            sid = dfa.next_state(Anchored::Yes, sid, b);
            if !dfa.is_special(sid) {
                continue;
            }
            if dfa.is_dead(sid) {
                break;
            }
            if dfa.is_match(sid) {
                let pattern = dfa.match_pattern(sid, 0);
                // (A match state may carry a pattern that starts later: not this one's.)
                if dfa.pattern_len(pattern) == k + 1 {
                    found = Some((at + k + 1, pattern.as_usize()));
                }
            }
        }
        found
    }

    /// Whether a pattern may open with bytes `a`, `b`.
    fn may_open(&self, a: u8, b: u8) -> bool {
        let pair = opening(a, b);
        self.openings.get(pair >> 6).is_some_and(|w| w & (1 << (pair & 63)) != 0)
    }
}

/// Bit `k` set when `bytes[k]` is an ASCII letter or digit, for a block of at most 64
/// bytes all in ASCII (a byte outside it may mark its neighbour). Eight bytes at a time:
/// a byte below 0x80 plus a constant below 0x80 never carries into the next, so a range
/// test of every byte is two additions and a mask, gathered into eight bits by one
/// multiplication.
fn alnum_mask(bytes: &[u8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word_mask = |x: u64| {
        let folded = x | (0x20 * ONES);
        // (At or past 'a' and not past 'z'; at or past '0' and not past '9'.)
        let letter = folded.wrapping_add(0x1F * ONES) & !folded.wrapping_add(0x05 * ONES);
        let digit = x.wrapping_add(0x50 * ONES) & !x.wrapping_add(0x46 * ONES);
        let high = (letter | digit) & HIGH;
        ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
    };
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let mut mask = 0u64;
    let mut k = 0;
    for chunk in chunks {
        let word: [u8; 8] = chunk.try_into().unwrap_or_default();
        mask |= word_mask(u64::from_le_bytes(word)) << (k & 63);
        k += 8;
    }
    if !tail.is_empty() {
        let mut word = [0u8; 8];
        for (w, &b) in word.iter_mut().zip(tail) {
            *w = b;
        }
        mask |= word_mask(u64::from_le_bytes(word)) << (k & 63);
    }
    mask
}

/// The index of a pair of bytes, lower-cased, in [`AsciiWords::openings`].
fn opening(a: u8, b: u8) -> usize {
    usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase())
}

/// Builds patterns, merging entries that share a form.
#[derive(Default)]
struct Builder {
    by_key: HashMap<(String, bool), usize>,
    patterns: Vec<Pattern>,
}

impl Builder {
    /// A form written whole in one list and as a stem in another («признал», a frame's
    /// verb; «признал*», a verb of saying) makes two patterns of one string, and the
    /// automaton reports only the first of equal strings: each of the two gets the other's
    /// entries, and the whole form loses its word-end check, so that either reads as both.
    fn merge_twins(&mut self) {
        let twins: Vec<(usize, usize)> = self
            .by_key
            .iter()
            .filter(|((_, stem), _)| !stem)
            .filter_map(|((key, _), &whole)| Some((whole, *self.by_key.get(&(key.clone(), true))?)))
            .collect();
        for (whole, stem) in twins {
            let (Some(w), Some(s)) = (self.patterns.get(whole), self.patterns.get(stem)) else { continue };
            let mut entries = w.entries.clone();
            for e in &s.entries {
                if !entries.iter().any(|(_, x)| x == &e.1) {
                    entries.push(e.clone());
                }
            }
            let classes = w.classes | s.classes;
            for i in [whole, stem] {
                if let Some(p) = self.patterns.get_mut(i) {
                    p.entries.clone_from(&entries);
                    p.classes = classes;
                    p.right = false;
                }
            }
        }
    }

    fn add(&mut self, form: &str, case: Case, entry: Entry) {
        self.add_form(form, case, entry, false);
    }

    fn add_form(&mut self, form: &str, case: Case, entry: Entry, oblique: bool) {
        let form = form.trim();
        let stem = form.ends_with('*') && form.chars().count() > 1;
        let bare = form.trim_end_matches('*').trim();
        if bare.chars().count() < 2 && !bare.chars().any(|c| matches!(script_of(c), Some(Script::Han))) {
            return;
        }
        // A single Han character is a name only when the pack says so (a trigger).
        if bare.chars().count() < 2 && entry.is_name() {
            return;
        }
        let key = (pattern_key(bare), stem);
        let (left, right) = boundaries_of(bare);
        let right = right && !stem;
        let n = *self.by_key.entry(key).or_insert_with(|| {
            self.patterns.push(Pattern {
                form: bare.to_string(),
                left,
                right,
                entries: Vec::new(),
                classes: 0,
                oblique: false,
                plain: false,
                recipient: false,
            });
            self.patterns.len() - 1
        });
        if let Some(p) = self.patterns.get_mut(n) {
            if oblique {
                p.oblique = true;
            } else {
                p.plain = true;
            }
            // Keep the loosest written form: a lower-case variant lifts the case check.
            if bare.chars().next().is_some_and(char::is_lowercase) {
                p.form = bare.to_string();
            }
            if !p.entries.iter().any(|(_, e)| *e == entry) {
                p.classes |= Class::of(&entry) as u16;
                p.entries.push((case, entry));
            }
        }
    }

    /// Adds a form with the case rule names get: acronyms exact, capitals kept; `oblique`:
    /// the form is the name in an oblique case.
    fn name(&mut self, form: &str, entry: Entry, oblique: bool) {
        let case = name_case(form);
        let variants = case_variants(form);
        // A single word of a cased script other than Latin in capitals too (the automaton
        // folds ASCII case only): a transcript's speaker label, "Б. ЕЛЬЦИН:", a headline.
        let capitals = !oblique && !form.contains(char::is_whitespace) && variants.len() > 1;
        for variant in variants {
            self.add_form(&variant, case, entry.clone(), oblique);
        }
        if capitals {
            self.add_form(&form.to_uppercase(), case, entry, oblique);
        }
    }

    /// Marks the forms of a name (as [`Builder::name`] adds them) as written in the case of
    /// a hand-over's recipient.
    fn mark_recipient(&mut self, form: &str) {
        for variant in case_variants(form) {
            if let Some(p) =
                self.by_key.get(&(pattern_key(variant.trim()), false)).and_then(|&n| self.patterns.get_mut(n))
            {
                p.recipient = true;
            }
        }
    }

    /// Adds a trigger: any case, but acronyms exact.
    fn term(&mut self, form: &str, entry: Entry) {
        let case = if is_acronym(form) { Case::Exact } else { Case::Any };
        for variant in case_variants(form) {
            self.add(&variant, case, entry.clone());
        }
    }
}

/// The key under which forms share a pattern: equal up to what the automaton folds (ASCII
/// case) and runs of spaces. Other cased scripts keep their variants apart ("Кунашир" and
/// "кунашир" are two patterns), since the automaton would not match one for the other.
fn pattern_key(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for w in form.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
    }
    out
}

/// Acronyms ("US", "UK", "USSR") must match exactly.
fn is_acronym(form: &str) -> bool {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    (1..=5).contains(&letters) && form.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

fn name_case(form: &str) -> Case {
    if is_acronym(form) {
        Case::Exact
    } else if form.split_whitespace().count() > 1 {
        // A name of several words is written in lower case too ("the 1956 joint
        // declaration", "the southern Kuril islands"): the capital rule is for single
        // words ("Abe", not "abe").
        Case::Any
    } else if form.chars().any(char::is_uppercase) {
        Case::Capital
    } else {
        Case::Any
    }
}

/// The automaton folds ASCII case only: other cased scripts (Cyrillic, Greek) get their
/// lower-case and capitalised variants as patterns of their own.
fn case_variants(form: &str) -> Vec<String> {
    if form.chars().all(|c| c.is_ascii() || !c.is_alphabetic() || c.to_lowercase().eq(c.to_uppercase())) {
        return vec![form.to_string()];
    }
    let lower: String = form.chars().flat_map(char::to_lowercase).collect();
    let capital = with_first(&lower, char::to_uppercase);
    // The name as written with its first letter in lower case ("совместной декларации
    // СССР" for "Совместной декларации СССР"), and capitalised, at a sentence start
    // ("Глава МИД РФ" for "глава МИД РФ").
    let first_lower = with_first(form, char::to_lowercase);
    let first_upper = with_first(form, char::to_uppercase);
    let mut out = vec![form.to_string(), lower, capital, first_lower, first_upper];
    out.sort();
    out.dedup();
    out
}

/// `form` with its first letter mapped by `map`, the rest as written.
fn with_first<I: Iterator<Item = char>>(form: &str, map: impl Fn(char) -> I) -> String {
    let mut chars = form.chars();
    chars.next().map(map).into_iter().flatten().chain(chars).collect()
}

/// The forms of a dataset name, inflected by the pack's paradigms (Russian case forms).
///
/// Each word takes the forms of its paradigm, case by case (the paradigms list cases in one
/// order, so that an adjective agrees with its noun). A name's first words inflect and the
/// rest stay as written ("остров Итуруп" → "на острове Итуруп"; "декларация СССР и Японии"
/// → "декларации СССР и Японии"), so every prefix of the inflecting words is generated:
/// "острове Итурупе" and "Владимира Путина" too.
pub(crate) fn inflected(pack: &Pack, name: &str) -> Vec<(String, bool)> {
    let name = super::lexicon::fold_letters(name, &pack.folds);
    let mut out = vec![(name.clone(), false)];
    if pack.paradigms.is_empty() || !name.chars().any(|c| matches!(script_of(c), Some(Script::Cyrillic))) {
        return out;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let inflections: Vec<(Vec<String>, Vec<String>)> = words.iter().map(|w| inflect_word(pack, w)).collect();
    let per_word: Vec<&Vec<String>> = inflections.iter().map(|(f, _)| f).collect();
    let run = inflecting_run(&words, &per_word);
    let cases = per_word.iter().map(|f| f.len()).max().unwrap_or(0);
    for prefix in 1..=run {
        for k in 0..cases {
            out.push((case_form(&words, &per_word, prefix, k), true));
        }
    }
    // Other forms in the base form's case, word by word alone ("российская" of "российский").
    if let [(_, also)] = inflections.as_slice() {
        out.extend(also.iter().map(|a| (a.clone(), false)));
    }
    out.sort();
    out.dedup();
    out
}

/// How many words of a name inflect, from the first: a word that does not (a preposition, a
/// genitive, an acronym) ends the run, except a capitalised one (an indeclinable given name:
/// "Синдзо Абэ"). `forms` are each word's case forms.
fn inflecting_run(words: &[&str], forms: &[&Vec<String>]) -> usize {
    let mut run = 0;
    for (w, forms) in words.iter().zip(forms) {
        if forms.is_empty() && (!w.chars().next().is_some_and(char::is_uppercase) || is_acronym(w)) {
            break;
        }
        run += 1;
    }
    run
}

/// A name's words in case `k` (each word's `k`th form in `forms`), the first `prefix` of
/// them; the rest as written.
fn case_form(words: &[&str], forms: &[&Vec<String>], prefix: usize, k: usize) -> String {
    let form: Vec<&str> = forms
        .iter()
        .zip(words)
        .enumerate()
        .map(|(i, (forms, w))| if i < prefix { forms.get(k).map_or(*w, String::as_str) } else { *w })
        .collect();
    form.join(" ")
}

/// The name in the case that marks a hand-over's recipient (`stance.recipient_case`), every
/// word of its run agreeing, when no other case of the name is written the same way
/// («Советскому Союзу»; not «России», which is also the genitive).
pub(crate) fn recipient_form(pack: &Pack, name: &str) -> Option<String> {
    let k = pack.recipient_case?;
    let name = super::lexicon::fold_letters(name, &pack.folds);
    if pack.paradigms.is_empty() || !name.chars().any(|c| matches!(script_of(c), Some(Script::Cyrillic))) {
        return None;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let inflections: Vec<Vec<String>> = words.iter().map(|w| inflect_word(pack, w).0).collect();
    let per_word: Vec<&Vec<String>> = inflections.iter().collect();
    let run = inflecting_run(&words, &per_word);
    let case = |j: usize| case_form(&words, &per_word, run, j);
    let cases = per_word.iter().map(|f| f.len()).max().unwrap_or(0);
    let form = case(k);
    (run > 0 && k < cases && form != name && (0..cases).all(|j| j == k || case(j) != form)).then_some(form)
}

/// The base form of a person's name written in an oblique case, when the pack knows its
/// given names: «Сергея Ветлугина» → «Сергей Ветлугин», «Ирины Логиновой» → «Ирина
/// Логинова», «Михаилом Белым» → «Михаил Белый». The first word must be the oblique form of
/// a given name (and not one itself: «Ирина Логинова» is a base form), and every other word
/// the same case of some word, a surname's ending preferred («Логиновой»: «Логинова», not
/// the adjective «Логиновая»). `None` when the name is written in its base form, or its
/// case is not told.
pub(crate) fn base_of_name(pack: &Pack, name: &str) -> Option<String> {
    if pack.paradigms.is_empty() || pack.given_names.is_empty() {
        return None;
    }
    let words: Vec<&str> = name.split(' ').collect();
    let (first, rest) = words.split_first()?;
    if rest.is_empty() || pack.given_names.contains(first) {
        return None;
    }
    let cases = case_count(pack);
    let surname = |b: &str| pack.name_forms.iter().any(|f| f.surname_ending(b));
    (0..cases).find_map(|k| {
        let mut out = vec![uninflected(pack, first, k, &|b| pack.given_names.contains(b), true)?];
        // (A surname no paradigm's form fits stays as written: «Кириенко», «Шойгу» do not
        // inflect, «кандидатуру Сергея Кириенко» is Сергей Кириенко.)
        for w in rest {
            out.push(uninflected(pack, w, k, &surname, false).unwrap_or_else(|| w.to_string()));
        }
        Some(out.join(" "))
    })
}

/// Whether `word` is a given name of the pack in some case («Сергея», «Олегом»).
pub(crate) fn is_given_name(pack: &Pack, word: &str) -> bool {
    if pack.given_names.contains(word) {
        return true;
    }
    (0..case_count(pack))
        .any(|k| uninflected(pack, word, k, &|b| pack.given_names.contains(b), true).is_some())
}

/// How many case forms the pack's longest paradigm lists.
fn case_count(pack: &Pack) -> usize {
    pack.paradigms.iter().map(|p| p.forms.len()).max().unwrap_or(0)
}

/// The words of which `word` is case `k` of some paradigm (its `k`th form): the first that
/// `preferred` accepts, else (unless `required`) the first; `None` when there is none.
fn uninflected(
    pack: &Pack,
    word: &str,
    k: usize,
    preferred: &dyn Fn(&str) -> bool,
    required: bool,
) -> Option<String> {
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    let mut found: Vec<String> = Vec::new();
    for p in &pack.paradigms {
        let Some(form) = p.forms.get(k) else { continue };
        if !lower.ends_with(form.as_str()) {
            continue;
        }
        // (The lower case may differ in length from the word as written: then no stem.)
        let Some(stem) = word.len().checked_sub(form.len()).and_then(|n| word.get(..n)) else { continue };
        let fits = |c: char| p.after.is_empty() || p.after.contains(&c.to_lowercase().next().unwrap_or(c));
        if stem.chars().count() < 2 || !stem.chars().next_back().is_some_and(fits) {
            continue;
        }
        let base = format!("{stem}{}", p.ending);
        if base != word && !found.contains(&base) {
            found.push(base);
        }
    }
    match found.iter().position(|b| preferred(b)) {
        Some(i) => found.into_iter().nth(i),
        None if required => None,
        None => found.into_iter().next(),
    }
}

/// One word's case forms by the first paradigm that fits it (none: the word stays).
/// Acronyms ("СССР", "РФ") do not inflect.
fn inflect_word(pack: &Pack, word: &str) -> (Vec<String>, Vec<String>) {
    if !word.chars().any(|c| matches!(script_of(c), Some(Script::Cyrillic)))
        || word.chars().count() < 3
        || is_acronym(word)
    {
        return (Vec::new(), Vec::new());
    }
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    for p in &pack.paradigms {
        if !lower.ends_with(&p.ending) {
            continue;
        }
        let stem_len = word.len() - p.ending.len();
        let Some(stem) = word.get(..stem_len) else { continue };
        // A one-letter stem is no name's ("Ия"); an empty one is a whole word's paradigm.
        if stem.chars().count() == 1 {
            continue;
        }
        if !p.after.is_empty()
            && !stem
                .chars()
                .next_back()
                .is_some_and(|c| p.after.contains(&c.to_lowercase().next().unwrap_or(c)))
        {
            continue;
        }
        let forms = p.forms.iter().map(|f| format!("{stem}{f}")).collect();
        let also = p.also.iter().map(|f| format!("{stem}{f}")).collect();
        return (forms, also);
    }
    (Vec::new(), Vec::new())
}

impl Reader {
    /// The automaton of `pack` over the names of `data`.
    ///
    /// The automaton is a contiguous NFA, not a DFA: the reader holds every name of the
    /// dataset in every script and case form, and its DFA took 30 MB (its transition table,
    /// one row of byte classes per state), as much as 30 MB of news, and read no faster on
    /// news in wall time (its table does not fit in the caches). The NFA takes a few MB;
    /// peak memory on 30 MB of news fell from 3.0x to 2.0x the input.
    pub fn new(data: &Dataset, pack: &Pack) -> Result<Self, aho_corasick::BuildError> {
        Reader::build(data, pack, AhoCorasickKind::ContiguousNFA)
    }

    /// Whether the reader for `pack` can be built, checked with the cheap automaton (kept
    /// for none: the one built later, when a document needs it, is the same).
    pub fn check_builds(data: &Dataset, pack: &Pack) -> Result<(), aho_corasick::BuildError> {
        Reader::build(data, pack, AhoCorasickKind::NoncontiguousNFA).map(|_| ())
    }

    /// The reader, its automaton of the given kind.
    fn build(data: &Dataset, pack: &Pack, kind: AhoCorasickKind) -> Result<Self, aho_corasick::BuildError> {
        let mut b = Builder::default();
        let name = |b: &mut Builder, form: &str, entry: Entry| {
            for (f, oblique) in inflected(pack, form) {
                b.name(&f, entry.clone(), oblique);
            }
        };
        for island in data.islands() {
            for n in island.all_names() {
                name(&mut b, n, Entry::Island(island.id));
            }
        }
        for n in data.collective_names() {
            for form in &n.forms {
                name(&mut b, form, Entry::Collective { islands: n.islands, ambiguous: n.ambiguous });
            }
        }
        for party in data.parties() {
            let entry = |form| Entry::Party { party: party.id.clone(), form };
            name(&mut b, &party.name, entry(PartyForm::Name));
            for a in party.official_name.iter().chain(&party.aliases) {
                name(&mut b, a, entry(PartyForm::Name));
            }
            for m in &party.metonyms {
                name(&mut b, m, entry(PartyForm::Metonym));
            }
            for n in std::iter::once(&party.name).chain(&party.official_name).chain(&party.aliases) {
                if let Some(f) = recipient_form(pack, n) {
                    b.mark_recipient(&f);
                }
            }
            for a in &party.adjectives {
                name(&mut b, a, entry(PartyForm::Adjective));
            }
        }
        for agreement in data.agreements() {
            for n in std::iter::once(&agreement.name).chain(&agreement.aliases) {
                name(&mut b, n, Entry::Agreement(agreement.id));
            }
        }
        for person in data.people() {
            for n in person.all_names() {
                let short = !n.trim().contains(' ')
                    && !n.chars().any(|c| matches!(script_of(c), Some(Script::Han | Script::Kana)));
                name(&mut b, n, Entry::Person { id: person.id.clone(), short });
            }
        }
        for formula in data.formulas() {
            for n in std::iter::once(&formula.name).chain(&formula.aliases) {
                // Only aliases that are not already a name of the islands ("all four islands").
                let key = (pattern_key(n), false);
                if !b.by_key.contains_key(&key) && n.chars().count() >= 4 {
                    b.term(n, Entry::Formula(formula.id));
                }
            }
        }
        let name_patterns: Vec<usize> = (0..b.patterns.len()).collect();
        for t in &pack.terms {
            b.term(&t.form, Entry::Term(t.term.clone()));
        }
        b.merge_twins();
        let patterns = b.patterns;
        // (Anchored searches too: a shorter pattern at the start of a longer one turned
        // away, see `find_in`.)
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Both)
            .kind(Some(kind))
            .build(patterns.iter().map(|p| p.form.as_str()))
            .or_else(|_| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(aho_corasick::StartKind::Both)
                    .build(patterns.iter().map(|p| p.form.as_str()))
            })?;
        let names = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(name_patterns.iter().filter_map(|&i| patterns.get(i)).map(|p| p.form.as_str()))
            .ok();
        // The plain-ASCII automaton, for the reader that reads documents (not the build
        // check) and only when no pattern holds a line break (so no match spans lines).
        let ascii = (kind == AhoCorasickKind::ContiguousNFA
            && !patterns.iter().any(|p| p.form.contains('\n')))
        .then(|| AsciiWords::new(&patterns))
        .flatten();
        Ok(Reader { automaton, ascii, patterns, names, name_patterns })
    }

    /// Every pattern, as matched (for the bare comparison pass of the benchmark).
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().map(|p| p.form.as_str())
    }

    /// The names of the dataset in this automaton, as matched.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.name_patterns.iter().filter_map(|&i| self.patterns.get(i)).map(|p| p.form.as_str())
    }

    /// Whether a hit is a name in an oblique case (and in no base form of a name): in a
    /// language that marks case on nouns, not the subject of its clause.
    pub fn is_oblique(&self, hit: &Hit) -> bool {
        self.patterns.get(hit.pattern as usize).is_some_and(|p| p.oblique && !p.plain)
    }

    /// Whether a hit is a state's name in the case that marks a hand-over's recipient alone
    /// (see `stance.recipient_case`).
    pub fn is_recipient_case(&self, hit: &Hit) -> bool {
        self.patterns.get(hit.pattern as usize).is_some_and(|p| p.recipient)
    }

    /// Whether a hit has an entry of `class` (before its case rule: read the entries to know).
    pub fn is(&self, hit: &Hit, class: Class) -> bool {
        self.patterns.get(hit.pattern as usize).is_some_and(|p| p.classes & class as u16 != 0)
    }

    /// Whether a hit names an agreement: by its name, or by a head noun of agreements
    /// (`agreements.head`: "declaration", "joint statement", as in "the 1956 declaration").
    pub fn names_agreement(&self, hit: &Hit) -> bool {
        self.entries(hit).any(|e| matches!(e, Entry::Agreement(_) | Entry::Term(Term::AgreementHead(_))))
    }

    /// The entries a hit stands for (those whose case rule the match satisfies).
    pub fn entries(&self, hit: &Hit) -> impl Iterator<Item = &Entry> {
        let case = hit.case;
        self.patterns
            .get(hit.pattern as usize)
            .map_or(&[][..], |p| p.entries.as_slice())
            .iter()
            .filter(move |(c, _)| (*c as u8) <= case)
            .map(|(_, e)| e)
    }

    /// The pack's trigger entries of a hit.
    pub fn terms(&self, hit: &Hit) -> impl Iterator<Item = &Term> {
        self.entries(hit).filter_map(|e| match e {
            Entry::Term(t) => Some(t),
            _ => None,
        })
    }

    /// Every name and trigger in `text`, leftmost-longest, on word boundaries, with the
    /// case check.
    ///
    /// No pattern spans a line, so the text is read in runs of whole lines: runs of lines
    /// written in ASCII alone (most of an English or a transliterated text, once
    /// normalised) with [`AsciiWords`], other runs with the contiguous NFA of every
    /// pattern. A pattern with a byte outside ASCII cannot match in an ASCII line, and an
    /// ASCII pattern opens with a letter or a digit, so that it can match only at a word
    /// start: there the anchored DFA finds the longest pattern, and the search goes on
    /// after it (after the word, when none fits). Unlike one unanchored pass, a match
    /// inside a word ("abe" in "Kabe") never hides a name at a later word start.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::with_capacity(text.len() / 64);
        let Some(words) = &self.ascii else {
            self.find_in(text, 0..text.len(), &mut out);
            return out;
        };
        let bytes = text.as_bytes();
        let line_end = |at: usize| {
            memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default()).map_or(bytes.len(), |k| at + k + 1)
        };
        let mut start = 0usize;
        while start < bytes.len() {
            let mut end = line_end(start);
            let ascii = bytes.get(start..end).is_some_and(<[u8]>::is_ascii);
            while end < bytes.len() {
                let next = line_end(end);
                if bytes.get(end..next).is_some_and(<[u8]>::is_ascii) != ascii {
                    break;
                }
                end = next;
            }
            if ascii {
                self.find_at_words(words, text, start..end, &mut out);
            } else {
                self.find_in(text, start..end, &mut out);
            }
            start = end;
        }
        out
    }

    /// The checked hits of `words` in `text[range]`, a run of ASCII lines, tried at each
    /// word start (an ASCII letter or digit after something else) from the end of the last
    /// hit on. The word starts of each block of 64 bytes are read as one bit mask, so the
    /// bytes between them cost no branch.
    fn find_at_words(&self, words: &AsciiWords, text: &str, range: Range<usize>, out: &mut Vec<Hit>) {
        // (A run starts a line: the byte before it, if any, is a line break.)
        let Some(run) = text.as_bytes().get(..range.end) else { return };
        let mut from = range.start;
        let mut block = range.start;
        let mut previous_alnum = false;
        while let Some(bytes) = run.get(block..).filter(|b| !b.is_empty()) {
            let bytes = bytes.get(..64).unwrap_or(bytes);
            let alnum = alnum_mask(bytes);
            let mut starts = alnum & !(alnum << 1 | u64::from(previous_alnum));
            previous_alnum = alnum >> (bytes.len() - 1) & 1 == 1;
            while starts != 0 {
                let i = block + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                // (A word start inside the last hit: "Prime Minister" holds "Minister".)
                if i < from {
                    continue;
                }
                let Some(&b) = run.get(i) else { break };
                if words.may_open(b, run.get(i + 1).copied().unwrap_or(0))
                    && let Some(h) = self.longest_checked(words, text, run, i)
                {
                    from = h.end as usize;
                    out.push(h);
                }
            }
            block += bytes.len();
        }
    }

    /// The longest pattern at word start `i` of `run` that passes its checks: one turned
    /// away (ending inside a word) gives way to the longest shorter one, as in `find_in`.
    fn longest_checked(&self, words: &AsciiWords, text: &str, run: &[u8], i: usize) -> Option<Hit> {
        let mut bound = run.len();
        loop {
            let (end, k) = words.longest_at(run, i, bound)?;
            let pattern = words.ids.get(k).map_or(usize::MAX, |&k| k as usize);
            if let Some(h) = self.check(text, i, end, pattern) {
                return Some(h);
            }
            bound = end.checked_sub(1).filter(|&b| b > i)?;
        }
    }

    /// The checked hits of the NFA of every pattern in `text[range]`. A match turned away
    /// (a form that ends inside a word: «накануне по» in «накануне подтвердил») gives way to
    /// the longest shorter one at its start («накануне»), else the search goes on from the
    /// next character, not from the match's end, so no word inside it is lost.
    fn find_in(&self, text: &str, range: Range<usize>, out: &mut Vec<Hit>) {
        use aho_corasick::{Anchored, Input};
        let Some(slice) = text.get(range.clone()) else { return };
        let mut at = 0usize;
        while at < slice.len() {
            let Some(m) = self.automaton.find(Input::new(slice).range(at..)) else { break };
            let mut end = m.end();
            let mut pattern = m.pattern().as_usize();
            let hit = loop {
                if let Some(h) = self.check(text, range.start + m.start(), range.start + end, pattern) {
                    break Some(h);
                }
                let shorter =
                    Input::new(slice).range(m.start()..end.saturating_sub(1)).anchored(Anchored::Yes);
                let Some(s) = self.automaton.find(shorter).filter(|s| s.end() > s.start()) else {
                    break None;
                };
                (end, pattern) = (s.end(), s.pattern().as_usize());
            };
            match hit {
                Some(h) => {
                    out.push(h);
                    at = end.max(at + 1);
                }
                None => {
                    at = m.start()
                        + slice.get(m.start()..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
                }
            }
        }
    }

    /// The names inside `range` of `text`, overlapping ones too ("Soviet" inside
    /// "Soviet-Japanese Joint Declaration").
    pub fn names_in(&self, text: &str, range: &Range<usize>) -> Vec<Hit> {
        let (Some(names), Some(slice)) = (&self.names, text.get(range.clone())) else { return Vec::new() };
        names
            .find_overlapping_iter(slice)
            .filter_map(|m| {
                let pattern = *self.name_patterns.get(m.pattern().as_usize())?;
                self.check(text, range.start + m.start(), range.start + m.end(), pattern)
            })
            .collect()
    }

    fn check(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<Hit> {
        let p = self.patterns.get(pattern)?;
        let found = text.get(start..end)?;
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        let after = text.get(end..).and_then(|s| s.chars().next());
        let spaced = super::lexicon::is_spaced_word_char;
        if (p.left && before.is_some_and(spaced)) || (p.right && after.is_some_and(spaced)) {
            return None;
        }
        let case = case_level(&p.form, found);
        if !p.entries.iter().any(|(c, _)| (*c as u8) <= case) {
            return None;
        }
        Some(Hit {
            start: u32::try_from(start).ok()?,
            end: u32::try_from(end).ok()?,
            pattern: u32::try_from(pattern).ok()?,
            case,
        })
    }
}

/// The strictest case rule `found` satisfies against `form`.
fn case_level(form: &str, found: &str) -> u8 {
    if form == found {
        return Case::Exact as u8;
    }
    let capital_ok = if form.split_whitespace().count() > 1 {
        // A name of several words may open in lower case in running text ("the southern
        // Kuril Islands") as long as one of its words keeps its capital.
        !form.chars().any(char::is_uppercase) || found.chars().any(char::is_uppercase)
    } else {
        match (form.chars().next(), found.chars().next()) {
            (Some(f), Some(t)) if f.is_uppercase() => t.is_uppercase(),
            _ => true,
        }
    };
    if capital_ok { Case::Capital as u8 } else { Case::Any as u8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert_eq!(case_level("US", "US"), 2);
        assert_eq!(case_level("Abe", "abe"), 0);
        assert_eq!(case_level("Abe", "ABE"), 1);
        assert_eq!(case_level("Southern Kuril Islands", "southern Kuril Islands"), 1);
        assert!(is_acronym("USSR") && !is_acronym("Japan"));
        assert_eq!(case_variants("Япония").len(), 2);
    }

    #[test]
    fn alnum_mask_marks_exactly_ascii_letters_and_digits() {
        // Every ASCII byte at every position of a block, and every block length.
        for b in 0u8..128 {
            for len in 1..=64usize {
                for at in [0, len / 2, len - 1] {
                    let mut block = vec![b' '; len];
                    if let Some(x) = block.get_mut(at) {
                        *x = b;
                    }
                    let want: u64 = block
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| c.is_ascii_alphanumeric())
                        .fold(0, |m, (k, _)| m | 1 << k);
                    assert_eq!(alnum_mask(&block), want, "byte {b:#x} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn word_starts_across_blocks_find_every_name() {
        // Names at word starts on both sides of 64-byte block edges, and after a hit that
        // ends inside a word; none inside a word.
        let data = crate::Dataset::builtin();
        let Ok(packs) = crate::extract::Lexicon::builtin() else { panic!("packs") };
        let Some(en) = packs.iter().find(|p| p.language() == "en") else { panic!("en") };
        let Ok(reader) = Reader::new(data, &en.pack) else { panic!("reader") };
        for pad in 50..80 {
            let text = format!("{} Kunashir and xShikotan, Japan.\n", "a".repeat(pad));
            let found: Vec<&str> = reader.find(&text).iter().filter_map(|h| text.get(h.range())).collect();
            assert!(found.contains(&"Kunashir") && found.contains(&"Japan"), "{pad}: {found:?}");
            assert!(!found.contains(&"Shikotan"), "{pad}: {found:?}");
        }
    }
}

#[cfg(test)]
mod ascii_runs {
    use super::*;
    use crate::extract::Lexicon;

    /// Every hit, read with the NFA of every pattern in one pass (what `find` must equal).
    fn one_pass(reader: &Reader, text: &str) -> Vec<(u32, u32, u32)> {
        let mut out = Vec::new();
        reader.find_in(text, 0..text.len(), &mut out);
        out.iter().map(|h| (h.start, h.end, h.pattern)).collect()
    }

    /// What the reader of the built-in pack of `language` finds in `text`, as written.
    fn hits<'t>(language: &str, text: &'t str) -> Vec<&'t str> {
        let lexicon = Lexicon::builtin().expect("built-in packs");
        let pack = &lexicon.iter().find(|l| l.language() == language).expect("a built-in pack").pack;
        let reader = Reader::new(Dataset::builtin(), pack).expect("reader");
        reader.find(text).iter().filter_map(|h| text.get(h.range())).collect()
    }

    /// A pattern matched inside a word ("abe Shinzo" in "Kabe Shinzo") is no hit, and
    /// does not hide the name that opens at the next word ("Shinzo Abe").
    #[test]
    fn a_match_inside_a_word_hides_no_name() {
        let hits = hits("en", "Kabe Shinzo Abe met them.");
        assert!(hits.contains(&"Shinzo Abe"), "{hits:?}");
        assert!(!hits.iter().any(|h| h.starts_with("abe")), "{hits:?}");
    }

    /// A form turned away because it ends inside a word («накануне по» before «дтвердил»)
    /// gives way to the shorter form at its start («накануне») and hides no word inside it
    /// («подтвердил»).
    #[test]
    fn a_form_turned_away_hides_neither_a_shorter_one_nor_the_next_word() {
        let hits = hits("ru", "Путин накануне подтвердил декларацию.");
        assert!(hits.contains(&"накануне"), "{hits:?}");
        assert!(hits.contains(&"подтвердил"), "{hits:?}");
    }

    #[test]
    fn runs_of_ascii_lines_find_what_one_pass_finds() {
        let data = Dataset::builtin();
        for lexicon in Lexicon::builtin().expect("built-in packs") {
            let reader = Reader::new(data, &lexicon.pack).expect("reader");
            assert!(reader.ascii.is_some(), "{}: the ASCII automaton is built", lexicon.language());
            let lines = [
                "Japan and Russia discussed Kunashir and the Habomai islets on Tuesday.",
                "Prime Minister Mišustin visited Iturup; Moscow said the 1956 declaration stands.",
                "Россия и Япония обсудили Курилы. Tokyo protested.",
                "北方領土の択捉島で、Putin said Shikotan would stay.",
                "",
                "The Soviet-Japanese Joint Declaration of 1956 (日ソ共同宣言) was signed in Moscow.",
                "USSR, U.S. and Japan: the San Francisco treaty of 1951.",
            ];
            // Every order of the lines, in runs of one kind and mixed, with both line ends.
            for shift in 0..lines.len() {
                let mut order: Vec<&str> =
                    lines.iter().copied().cycle().skip(shift).take(lines.len()).collect();
                order.push("Kunashiri");
                for end in ["\n", "\n\n"] {
                    let text = order.join(end);
                    let got: Vec<_> =
                        reader.find(&text).iter().map(|h| (h.start, h.end, h.pattern)).collect();
                    assert!(!got.is_empty());
                    assert_eq!(got, one_pass(&reader, &text), "{}: {text:?}", lexicon.language());
                }
            }
        }
    }
}
