//! People (known to the dataset, or found by pattern around the pack's triggers: titles,
//! verbs of saying, appositive roles, bylines, interview labels) and their quotes.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::findings::{PartyForm, PersonMention, Quote};
use super::lexicon::{Script, Term, name_script, script_of};
use super::mentions::choose_party;
use super::reader::{Class, Entry};
use super::scan::{Found, NEAR, Scan};
use super::text::{
    char_at, char_before, floor_boundary, line_start, window_after, window_after_chars, window_before,
    window_before_chars, word_after, word_before,
};
use crate::id::{PartyId, PersonId};

/// People, where each is mentioned, and quotes.
#[derive(Debug, Default)]
pub(crate) struct People {
    pub mentions: Vec<Found<PersonMention>>,
    /// Every place a person is mentioned: (range, index into `mentions`), in text order.
    pub occurrences: Vec<(Range<usize>, usize)>,
    pub quotes: Vec<Found<Quote>>,
    /// The quotes that are an interviewee's answers ("Name: …", or a line after a
    /// question's), by their ranges, sorted.
    pub turns: Vec<Range<usize>>,
    /// The length of the longest quote.
    longest_quote: usize,
    by_name: HashMap<String, usize>,
    /// The officials whose words the text records from a byte on, each named in the
    /// heading of a briefing's, a press conference's or a statement's record: (where their
    /// words begin, an index into `mentions`), in text order (see [`document_speakers`]).
    pub speakers: Vec<(usize, usize)>,
}

impl People {
    /// The quotes that hold all of `range` (a binary search: quotes are sorted by start,
    /// and none is longer than the longest).
    pub fn quotes_holding(&self, range: &Range<usize>) -> impl Iterator<Item = &Found<Quote>> {
        let longest = self.longest_quote;
        let a = self.quotes.partition_point(|q| q.at.start < range.start.saturating_sub(longest));
        let b = self.quotes.partition_point(|q| q.at.start <= range.start);
        self.quotes
            .get(a..b.max(a))
            .unwrap_or_default()
            .iter()
            .filter(move |q| q.at.start <= range.start && range.end <= q.at.end)
    }

    /// The person mentioned last before `at` in `within`.
    pub fn last_before(&self, at: usize, within: &Range<usize>) -> Option<&PersonMention> {
        let a = self.occurrences.partition_point(|(r, _)| r.start < within.start);
        let b = self.occurrences.partition_point(|(r, _)| r.start < at);
        self.occurrences
            .get(a..b.max(a))?
            .iter()
            .rev()
            .find(|(r, _)| r.end <= at)
            .and_then(|(_, i)| self.mentions.get(*i))
            .map(|f| &f.item)
    }

    /// The people mentioned inside `range`, in order (occurrences are sorted by start).
    pub fn in_range(&self, range: &Range<usize>) -> impl Iterator<Item = (&Range<usize>, &PersonMention)> {
        let a = self.occurrences.partition_point(|(r, _)| r.start < range.start);
        let b = self.occurrences.partition_point(|(r, _)| r.start < range.end);
        self.occurrences
            .get(a..b.max(a))
            .unwrap_or_default()
            .iter()
            .filter(move |(r, _)| r.end <= range.end)
            .filter_map(|(r, i)| self.mentions.get(*i).map(|m| (r, &m.item)))
    }

    /// The person named `name`, by the name [`PersonMention::name`] gives.
    pub fn by_name(&self, name: &str) -> Option<&PersonMention> {
        self.by_name.get(name).and_then(|i| self.mentions.get(*i)).map(|f| &f.item)
    }
}

/// How far before a title or a name the state it serves may be named ("Japan's top
/// government spokesman, Chief Cabinet Secretary X").
const TITLE_REACH: usize = 60;

/// Whether a word can be part of a person's name written in a cased script.
fn name_word(scan: &Scan<'_>, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() || scan.pack.not_names.contains(word.trim_end_matches("'s")) {
        return false;
    }
    // An initial ("S.") or a word of letters, apostrophes and hyphens.
    let rest = chars.as_str();
    rest == "."
        || (!rest.is_empty() && rest.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-'))
            && !word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The length in bytes of one to three initials glued at the start of `word` ("М.Л." in
/// «М.Л.Камынин»), when a letter follows them.
fn glued_initials(word: &str) -> Option<usize> {
    let (mut end, mut count) = (0, 0);
    while count < 3 {
        let mut chars = word.get(end..)?.chars();
        let (Some(c), Some('.')) = (chars.next(), chars.next()) else { break };
        if !c.is_uppercase() {
            break;
        }
        end += c.len_utf8() + 1;
        count += 1;
    }
    let rest = word.get(end..)?;
    (count >= 1 && rest.chars().next().is_some_and(char::is_uppercase)).then_some(end)
}

/// A name read forward from `at`: two to four capitalised words (initials allowed inside).
fn name_after(scan: &Scan<'_>, at: usize) -> Option<Range<usize>> {
    let text = scan.text();
    let mut words = Vec::new();
    let mut pos = at;
    while words.len() < 4 {
        let rest = text.get(pos..)?;
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if !words.is_empty() && gap != 1 {
            break;
        }
        let start = pos + gap;
        let end = start
            + text
                .get(start..)?
                .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '.'))
                .unwrap_or(text.len() - start);
        let mut word = text.get(start..end)?;
        // A sentence's full stop is not part of the name.
        let mut end = end;
        if word.chars().count() > 2 && word.ends_with('.') {
            word = word.trim_end_matches('.');
            end = start + word.len();
        }
        let word = word.trim_end_matches("'s");
        // Initials glued to the surname, as Russian official texts print them
        // («М.Л.Камынин», «С.В.Лавров»): the initials, then the surname.
        if let Some(k) = glued_initials(word).filter(|&k| word.get(k..).is_some_and(|w| name_word(scan, w))) {
            words.push(start..start + k);
            words.push(start + k..start + word.len());
            pos = end;
            continue;
        }
        // A surname in capitals after a given name ends the name, as Russian papers print
        // their vox pops and bylines («Игорь ЛЯХ, предприниматель», «Опрос провела Анна
        // ЮДИНА»).
        let capitals = || {
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && word.chars().all(|c| c.is_uppercase() || c == '-')
                && words
                    .first()
                    .and_then(|f: &Range<usize>| text.get(f.clone()))
                    .is_some_and(|f| crate::extract::reader::is_given_name(scan.pack, f))
        };
        if !word.is_empty() && !name_word(scan, word) && capitals() {
            words.push(start..start + word.len());
            break;
        }
        if word.is_empty() || !name_word(scan, word) {
            break;
        }
        words.push(start..start + word.len());
        pos = end;
    }
    // An initial cannot end a name.
    while words.last().is_some_and(|w| text.get(w.clone()).is_some_and(|s| s.ends_with('.'))) {
        words.pop();
    }
    let full = words.iter().filter(|w| text.get((*w).clone()).is_some_and(|s| !s.ends_with('.'))).count();
    let first = words.first()?.start;
    let last = words.last()?.end;
    // Two words, or a surname after initials («Д. Т. Шепилов», "S. Lavrov").
    let initialled = full == 1 && words.len() >= 2;
    (full >= 2 || initialled).then_some(first..last)
}

/// How many words of a title's complement (губернатор «Сахалинской области», председатель
/// «ЦИК») may stand between the title and the name.
const COMPLEMENT_WORDS: usize = 8;

/// A name after a title's complement («губернатор Сахалинской области Валерий Лимаренко»):
/// the first run of capitalised words within [`COMPLEMENT_WORDS`] words of `at`, in the
/// same clause, that has the form of a person's name in the pack (`people.name_forms`), so
/// that a complement's own capitals («Совета Федерации») are passed over. Spaced scripts
/// only.
fn name_after_complement(scan: &Scan<'_>, at: usize) -> Option<Range<usize>> {
    let text = scan.text();
    if !scan.pack.spaced || scan.pack.name_forms.is_empty() {
        return None;
    }
    let mut pos = at;
    for _ in 0..COMPLEMENT_WORDS {
        let rest = text.get(pos..)?;
        let word_start = pos + rest.find(|c: char| c.is_alphanumeric())?;
        // A clause ends the complement (not the quotes of a name inside it: аналитик компании
        // «Норд-Ост Капитал» Павел Сомов).
        if text.get(pos..word_start)?.chars().any(|c| !c.is_whitespace() && !"-«»„“”\"".contains(c)) {
            return None;
        }
        // (Not the start of a longer proper noun: "Kyoto Sangyo University".)
        if let Some(name) = name_after(scan, word_start)
            && let Some(written) = text.get(name.clone())
            && scan.pack.name_forms.iter().any(|f| f.fits(written))
            && !text
                .get(name.end..)
                .is_some_and(|r| r.trim_start_matches(' ').starts_with(char::is_uppercase))
        {
            // A capitalised word of the complement right before a given name is not part
            // of the name («рыбак из Крабозаводского Сергей Тимошин»).
            let given = |w: &str| scan.pack.given_names.contains(w);
            let mut words = written.split(' ');
            if let (Some(first), Some(second), Some(_)) = (words.next(), words.next(), words.next())
                && !given(first)
                && given(second)
            {
                return Some(name.start + first.len() + 1..name.end);
            }
            return Some(name);
        }
        let word = text.get(word_start..)?;
        pos = word_start + word.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(word.len());
    }
    None
}

/// Whether the capitalised word at `w`, right before a name, is a place: after a preposition
/// of place and, in a pack that lists given names, none of them («в Красноярске Ельцин»).
/// (Elsewhere a capitalised word may be a given name the pack need not list: «коллеги Такэо
/// Мори», "Kazuyuki Nakane, the state minister".)
fn place_before_name(scan: &Scan<'_>, w: &Range<usize>) -> bool {
    let pack = scan.pack;
    let text = scan.text();
    !pack.given_names.is_empty()
        && pack.locative.before(text, w.start).is_some()
        && !text.get(w.clone()).is_some_and(|g| crate::extract::reader::is_given_name(pack, g))
}

/// A name read backward from `end`: the capitalised words right before it.
fn name_before(scan: &Scan<'_>, end: usize) -> Option<Range<usize>> {
    let text = scan.text();
    let mut start = end;
    let mut last_end: Option<usize> = None;
    let mut count = 0;
    let mut at = end;
    while count < 4 {
        let Some(w) = word_before(text, at) else { break };
        let gap = text.get(w.end..at).unwrap_or("x");
        if !gap.chars().all(|c| c == ' ' || c == '.') || (count == 0 && !gap.trim().is_empty()) {
            break;
        }
        let word = text.get(w.clone()).unwrap_or_default();
        let initial = word.chars().count() == 1
            && word.chars().all(char::is_uppercase)
            && char_at(text, w.end) == Some('.');
        // (A full stop after a word that is no initial ends a sentence: «Возвращение в
        // Нэмуро. Эйити Хасэгава отвечает …».)
        if !initial && (gap.contains('.') || !name_word(scan, word)) {
            break;
        }
        // A title before the name is not part of it ("Sakhalin Governor Valery Limarenko").
        if count > 0
            && scan
                .entries_in(&w)
                .any(|(h, e)| h.start as usize == w.start && matches!(e, Entry::Term(Term::Title { .. })))
        {
            break;
        }
        start = w.start;
        last_end.get_or_insert(w.end);
        at = w.start;
        count += 1;
    }
    let mut range = start..last_end.unwrap_or(end);
    // A capitalised word before a given name is not the name's («из Южно-Курильска Виктор
    // Ли говорит»).
    let given = &scan.pack.given_names;
    if !given.is_empty() {
        let s = text.get(range.clone())?;
        let mut at = range.start;
        let mut previous: Option<&str> = None;
        for w in s.split(' ') {
            if previous.is_some_and(|p| !given.contains(p)) && given.contains(w) {
                range.start = at;
                break;
            }
            previous = Some(w);
            at += w.len() + 1;
        }
        // Nor a place («в Красноярске Путин заявил»).
        let first = text.get(range.clone())?.split(' ').next().unwrap_or_default();
        if place_before_name(scan, &(range.start..range.start + first.len())) {
            range.start = (range.start + first.len() + 1).min(range.end);
        }
    }
    let s = text.get(range.clone())?;
    (s.split_whitespace().filter(|w| !w.ends_with('.')).count() >= 2).then_some(range)
}

/// People named by a given name of the pack and a surname, anywhere («Оператор котельной
/// Андрей Сидоренко, приехавший на остров, рассказал …»): where the pack lists given names,
/// a name needs no title or verb of saying when its first word is one.
fn given_named(scan: &Scan<'_>) -> Vec<Unknown> {
    let pack = scan.pack;
    let mut out: Vec<Unknown> = Vec::new();
    if (pack.given_names.is_empty() && !pack.initials_open) || !pack.spaced {
        return out;
    }
    let text = scan.text();
    // The word starts that open with a capital, only where the text is about the dispute
    // (a name with no title or verb of saying beside it is the dispute's only there): ASCII
    // is read from the byte, other characters decoded at their first byte (the text is a
    // `str`, so every byte below 0x80 or 0xC0 and above is one).
    let bytes = text.as_bytes();
    let mut opens: Vec<usize> = Vec::new();
    for run in scan.play_runs() {
        let (mut k, mut in_word) = (run.start, false);
        while k < run.end {
            let Some(&b) = bytes.get(k) else { break };
            let (upper, word, len) = if b < 0x80 {
                (b.is_ascii_uppercase(), b.is_ascii_alphanumeric() || b == b'-', 1)
            } else if let Some(c) = text.get(k..).and_then(|t| t.chars().next()).filter(|_| b >= 0xC0) {
                (c.is_uppercase(), c.is_alphanumeric(), c.len_utf8())
            } else {
                (false, in_word, 1)
            };
            if upper && !in_word {
                opens.push(k);
            }
            in_word = word;
            k += len;
        }
    }
    for i in opens {
        // (Not where the automaton found a name already: a state, a place, a person of
        // the data.)
        if !scan.hits_in(&(i..i + 1)).is_empty() || out.last().is_some_and(|(r, ..)| i < r.end) {
            continue;
        }
        // Initials, where the pack lets them open a name («М. Г. Первухин»): a capital
        // and a full stop.
        let initial = pack.initials_open
            && text.get(i..).is_some_and(|rest| {
                let mut chars = rest.chars();
                chars.next().is_some() && chars.as_str().starts_with('.')
            });
        if !initial {
            if !text.get(i..).is_some_and(|rest| pack.given_names.may_open(rest)) {
                continue;
            }
            let Some(w) = super::text::word_after(text, i).filter(|w| w.start == i) else { continue };
            // (In any case: «кандидатуру Сергея Кириенко», «с Олегом Ивановым».)
            if !text.get(w).is_some_and(|word| crate::extract::reader::is_given_name(pack, word)) {
                continue;
            }
        }
        // (Not a thing named after a person, in quotes: теплоход «Игорь Фархутдинов».)
        if matches!(char_before(text, i), Some('«' | '"' | '„' | '“')) {
            continue;
        }
        if let Some(name) = name_after(scan, i) {
            // (Initials before a name the automaton found, «Л. И. Брежнева»: that person.)
            if initial && !scan.hits_in(&name).is_empty() {
                continue;
            }
            out.push((name.clone(), name, None, false, None));
        }
    }
    out
}

/// Whether the name at `name` heads a short line of its own that says nothing (a byline
/// or a programme's credits: «Анна Лесовская, соб. корр. в Токио», «Ведущий — Павел
/// Озеров»): the writer's or the presenter's, credited, not a party's.
fn heads_credit_line(scan: &Scan<'_>, name: &Range<usize>) -> bool {
    let text = scan.text();
    let start = line_start(text, name.start);
    let end = text.get(name.end..).and_then(|t| t.find('\n')).map_or(text.len(), |k| name.end + k);
    let line = start..end;
    let head_words = text.get(start..name.start).map_or(usize::MAX, |h| h.split_whitespace().count());
    line.len() <= 120
        && head_words <= 2
        && !scan.entries_in(&line).any(|(_, e)| matches!(e, Entry::Term(Term::Speech { .. })))
        && !text.get(line).is_some_and(|l| l.trim_end().ends_with(['.', '!', '?']) && l.len() > 60)
}

/// A name written before a title in a language whose titles follow names (ラブロフ外相):
/// the run of kana or kanji before it.
fn name_before_title(scan: &Scan<'_>, title_start: usize) -> Option<Range<usize>> {
    let text = scan.text();
    let head = window_before(text, title_start, 40);
    let mut start = title_start;
    let mut script = None;
    for c in head.chars().rev() {
        let Some(s) = name_script(c) else { break };
        if script.is_some_and(|x| x != s) {
            break;
        }
        script = Some(s);
        start -= c.len_utf8();
    }
    // A name found in the text across the run's start (日ロ in 駐日ロシア大使): the run is
    // the end of that word, no name.
    let k = scan.hits.partition_point(|h| (h.end as usize) <= start);
    if scan.hits.get(k).is_some_and(|h| (h.start as usize) < start) {
        return None;
    }
    // A given name in katakana after a surname in kanji (佐藤キヨ): a short kana run after
    // two or three Han characters.
    if script == Some(Script::Kana) && text.get(start..title_start).is_some_and(|k| k.chars().count() <= 3) {
        let before = text.get(..start).unwrap_or_default();
        let han = before.chars().rev().take_while(|&c| script_of(c) == Some(Script::Han)).count();
        if (2..=3).contains(&han) {
            start -= before.chars().rev().take(han).map(char::len_utf8).sum::<usize>();
        }
    }
    let range = start..title_start;
    // (A foreign name in katakana, given name ・ surname, runs longer: エフゲニー・アファナシエフ.)
    let written = text.get(range.clone())?;
    let longest = if written.contains('・') { 16 } else { 10 };
    if !(2..=longest).contains(&written.chars().count()) {
        return None;
    }
    // Not a state or a place named before the title (ロシア外相, 日本政府).
    let named = scan.entries_in(&range).any(|(h, e)| {
        !matches!(e, Entry::Person { .. })
            && (h.start as usize) <= range.start + 3
            && (h.end as usize) >= title_start
    });
    (!named).then_some(range)
}

/// How far before a title an institution's name may start, after its separator (characters).
const AFFILIATION_REACH: usize = 16;

/// An institution named between a name and its title, after a separator (袴田茂樹・青山学院大
/// 教授, ドミトリー・ストレリツォフ・モスクワ国際関係大教授: `people.affiliations` ends it
/// right at `at`): where the separator stands, the end of the name.
fn affiliation_before(scan: &Scan<'_>, at: usize) -> Option<usize> {
    let (pack, text) = (scan.pack, scan.text());
    if pack.affiliations.is_empty() {
        return None;
    }
    let head = window_before_chars(text, at, AFFILIATION_REACH);
    let dot = at - head.len() + head.rfind('・')?;
    let from = dot + '・'.len_utf8();
    let institution = text.get(from..at)?;
    (!institution.is_empty()
        && institution.chars().all(|c| name_script(c).is_some())
        && pack.affiliations.find_in(text, from..at).any(|(m, _)| m.end == at))
    .then_some(dot)
}

/// A state's name or abbreviation ending right at `at` (米 in トランプ米大統領): where it
/// starts and the state, when the word stands for one state.
fn state_before(scan: &Scan<'_>, at: usize) -> Option<(usize, PartyId)> {
    let k = scan.hits.partition_point(|h| (h.end as usize) < at);
    let h = scan.hits.get(k).filter(|h| h.end as usize == at)?;
    let party = scan.reader.entries(h).find_map(|e| match e {
        Entry::Party { party, form: PartyForm::Name } => Some(party.clone()),
        Entry::Term(Term::Party(w)) if w.form == PartyForm::Name && !w.host && !w.anaphor => {
            match w.parties.as_slice() {
                [p] => Some(p.clone()),
                _ => None,
            }
        }
        _ => None,
    })?;
    Some((h.start as usize, party))
}

/// Where a gloss of a name in Latin letters in brackets, ending right at `at`, begins
/// (（Kazuyuki Nakane） in 中根一幸（Kazuyuki Nakane）外務副大臣).
fn latin_gloss_before(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let inner = head.strip_suffix('）').or_else(|| head.strip_suffix(')'))?;
    let open = inner.rfind(['（', '('])?;
    let gloss = inner.get(open..)?.trim_start_matches(['（', '(']);
    (!gloss.is_empty()
        && gloss.len() <= 60
        && gloss.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
        && gloss.chars().any(|c| c.is_ascii_uppercase()))
    .then_some(open)
}

/// The parties named in `range` of the text, by any form, skipping (unless `places`: a
/// person's whereabouts, "a researcher in Moscow") any named after a title complement
/// ("Ambassador to Japan": Japan is whom the title serves in).
fn parties_in(scan: &Scan<'_>, range: &Range<usize>, places: bool) -> Vec<PartyId> {
    let text = scan.text();
    let mut out = Vec::new();
    for (h, e) in scan.entries_in(range) {
        let party = match e {
            // (Not where the report was filed: 【モスクワ10日共同】田中首相は…)
            Entry::Party { form: PartyForm::Metonym, .. }
                if super::mentions::dateline_place(scan, &h.range()) =>
            {
                continue;
            }
            Entry::Party { party, .. } => party,
            Entry::Term(Term::Party(w)) if w.host && !places => continue,
            Entry::Term(Term::Party(w)) => match w.parties.as_slice() {
                [one] => one,
                _ => continue,
            },
            _ => continue,
        };
        if !places && scan.pack.title_complements.before(text, h.start as usize).is_some() {
            continue;
        }
        // A state named as a field of study ("a Japan specialist", «эксперт по Японии»), not
        // a nationality (an adjective: "a Japanese specialist").
        if matches!(e, Entry::Party { form: PartyForm::Name, .. })
            && (scan.pack.field_after.after(text, h.end as usize).is_some()
                || scan.pack.field_before.before(text, h.start as usize).is_some())
        {
            continue;
        }
        if !out.contains(party) {
            out.push(party.clone());
        }
    }
    out
}

/// A title's term at a hit.
fn title_of(scan: &Scan<'_>, hit: &super::reader::Hit) -> Option<(bool, Option<PartyId>)> {
    scan.reader.terms(hit).find_map(|t| match t {
        Term::Title { office, party, .. } => Some((*office, party.clone())),
        _ => None,
    })
}

/// The office title right before `at` (within the sentence): its text, whether it is an
/// office now (no "former"), and the state it implies.
fn title_before(scan: &Scan<'_>, at: usize) -> Option<(String, bool, Option<PartyId>)> {
    let text = scan.text();
    let k = scan.hits.partition_point(|h| (h.start as usize) < at);
    let prev = scan.hits.get(k.checked_sub(1)?)?;
    let gap = text.get(prev.end as usize..at)?;
    // Directly before, or with a complement between ("Ambassador to Japan Mikhail Galuzin").
    if !gap.trim().is_empty()
        && (gap.len() > 40
            || scan.pack.title_complements.find_in(text, prev.end as usize..at).next().is_none())
    {
        // A complement state between: "Ambassador to Japan X".
        let k2 = k.checked_sub(2)?;
        let title = scan.hits.get(k2)?;
        let (office, party) = title_of(scan, title)?;
        let between = text.get(title.end as usize..prev.start as usize)?;
        if at - title.end as usize > 40 || scan.pack.title_complements.word(between.trim()).is_none() {
            return None;
        }
        let former = scan.pack.former.before(text, title.start as usize).is_some();
        return Some((text.get(title.range())?.to_string(), office && !former, party));
    }
    if gap.len() > 3 {
        return None;
    }
    // States the title serves, in the genitive right after it ("Министр иностранных дел
    // России X", "Посол Японии в России X"): up to two, each after the title or a complement.
    let joined = |from: usize, to: usize| {
        text.get(from..to)
            .is_some_and(|g| g.trim().is_empty() || scan.pack.title_complements.word(g.trim()).is_some())
    };
    let mut k = k - 1;
    let mut title = prev;
    for _ in 0..2 {
        if !scan.reader.is(title, Class::Party) {
            break;
        }
        let before = scan.hits.get(k.checked_sub(1)?)?;
        if !joined(before.end as usize, title.start as usize) {
            return None;
        }
        k -= 1;
        title = before;
    }
    let prev = title;
    let (office, party) = title_of(scan, prev)?;
    let former = scan.pack.former.before(text, prev.start as usize).is_some();
    Some((text.get(prev.range())?.to_string(), office && !former, party))
}

/// A person the dataset does not know, found by pattern: the name's range, the whole
/// phrase with its title, the title or role as written, whether that is an office held
/// now (not a former one), and the state the title names.
type Unknown = (Range<usize>, Range<usize>, Option<String>, bool, Option<PartyId>);

/// Finds people and quotes: the dataset's people from the automaton, then the people it
/// does not know by pattern (titles, speech, appositives, bylines), then surnames alone.
pub(crate) fn people(scan: &Scan<'_>) -> People {
    let mut roster = Roster::default();
    let shorts = known_people(scan, &mut roster);
    let mut unknown = titled_and_speaking(scan, &mut roster);
    unknown.extend(appositives(scan));
    let given = given_named(scan);
    let credits = bylines(scan);
    let mut credited: Vec<Range<usize>> = credits.iter().map(|(n, ..)| n.clone()).collect();
    credited.extend(given.iter().map(|(n, ..)| n.clone()).filter(|n| heads_credit_line(scan, n)));
    unknown.extend(given);
    unknown.extend(credits);
    add_unknown(scan, &mut roster, unknown, &credited);
    link_surnames(scan, &mut roster, shorts);
    later_surnames(scan, &mut roster.people);
    fuller_names_before(scan, &mut roster.people);
    let mut people = roster.people;
    people.occurrences.sort_by_key(|(r, _)| r.start);
    people.occurrences.dedup_by(|a, b| a.0 == b.0);
    people.by_name = people.mentions.iter().enumerate().map(|(i, m)| (m.item.name.clone(), i)).collect();
    let interviewee = interviewee(scan, &people);
    (people.quotes, people.turns) = quotes(scan, &people, interviewee.as_deref());
    people.longest_quote = people.quotes.iter().map(|q| q.at.len()).max().unwrap_or(0);
    people.speakers = document_speakers(scan, &people);
    let turns = interview_turns(scan, &people, interviewee.as_deref());
    if !turns.is_empty() {
        people.speakers.extend(turns);
        people.speakers.sort_by_key(|&(at, _)| at);
    }
    people
}

/// How far into a text its heading may name the official whose words it records.
const HEADING_BYTES: usize = 400;

/// The official whose words a text records: its first line holds a word of a transcript's
/// heading (`people.transcript_heads`: a briefing, a press conference, 会見記録), and the
/// first person named in the heading is an official of a state ("Press Conference by the
/// Chief Cabinet Secretary … Chief Cabinet Secretary Hirokazu Matsuno"). A heading further
/// on, a short line of its own with no closing stop that holds such a word and names an
/// official ("The full text of the statement follows: / Statement by Minister for Foreign
/// Affairs Fumio Kishida on …"), gives the words after it to that official.
fn document_speakers(scan: &Scan<'_>, people: &People) -> Vec<(usize, usize)> {
    let pack = scan.pack;
    let mut out = Vec::new();
    if pack.transcript_heads.is_empty() {
        return out;
    }
    let text = scan.text();
    let official =
        |i: &usize| people.mentions.get(*i).is_some_and(|m| m.item.official && m.item.party.is_some());
    let head = floor_boundary(text, HEADING_BYTES.min(text.len()));
    let first_line = text.get(..head).unwrap_or_default().trim_start();
    let offset = head - first_line.len();
    let first_end = offset + first_line.find('\n').unwrap_or(first_line.len());
    if pack.transcript_heads.find_in(text, offset..first_end).next().is_some()
        && let Some(&(_, i)) =
            people.occurrences.iter().take_while(|(r, _)| r.end <= head).find(|(_, i)| official(i))
    {
        out.push((0, i));
    }
    // Headings further on: a line after a blank one or a line ending in a colon.
    let mut previous: Option<Range<usize>> = None;
    for line in super::text::lines(text) {
        let (start, end) = (line.start, line.end);
        let Some(before) = previous.replace(line.clone()) else { continue };
        if start <= first_end {
            continue;
        }
        let before = text.get(before).unwrap_or_default().trim_end_matches([' ', '\t', '\r']);
        let opens = before.is_empty() || before.ends_with([':', '：']);
        let content = text.get(line).unwrap_or_default().trim();
        if !opens
            || content.is_empty()
            || content.len() > HEADING_LINE_BYTES
            || content.ends_with(['.', '。', '!', '?', '！', '？', '"', '”', '」'])
            || pack.transcript_heads.find_in(text, start..end).next().is_none()
        {
            continue;
        }
        let k = people.occurrences.partition_point(|(r, _)| r.start < start);
        if let Some(&(_, i)) = people
            .occurrences
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take_while(|(r, _)| r.end <= end)
            .find(|(_, i)| official(i))
        {
            out.push((end, i));
        }
    }
    out
}

/// Where the colon of a label opening `line` stands ("PUTIN: …"): a label is short, so
/// the colon is looked for in the line's first 60 bytes only.
fn label_colon(line: &str) -> Option<usize> {
    let head = line.as_bytes().get(..line.len().min(61)).unwrap_or_default();
    memchr::memmem::find(head, b": ").filter(|&c| c < 60)
}

/// How far after a labelled line of a transcript its turn may go on (bytes).
const TURN_BYTES: usize = 8000;

/// The text from `from` up to the next line that opens with a label (up to four capitalised
/// words and a colon in its first 60 bytes: "QUESTION:", «Б. ЕЛЬЦИН:»), if one comes within
/// [`TURN_BYTES`].
fn next_label(text: &str, from: usize) -> Option<Range<usize>> {
    let limit = super::text::floor_boundary(text, (from + TURN_BYTES).min(text.len()));
    let mut at = from;
    for line in text.get(from..limit)?.split_inclusive('\n') {
        // A label is a few capitalised words, an aside in brackets aside ("QUESTION (NHK):"),
        // not a clause ("The reporter asked: …").
        let labelled = label_colon(line).is_some_and(|c| {
            let label = line.get(..c).unwrap_or_default();
            let bare = label.split('(').next().unwrap_or_default();
            let words = bare.split_whitespace();
            !bare.trim().is_empty()
                && words.clone().count() <= 4
                && words.into_iter().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        });
        if labelled {
            return Some(from..at);
        }
        at += line.len();
    }
    None
}

/// The longest line read as a heading further on in a text (see [`document_speakers`]).
const HEADING_LINE_BYTES: usize = 300;

/// The people found so far, with the indexes that keep one mention per person.
#[derive(Default)]
struct Roster {
    people: People,
    /// A mention's key (`id:…` for the dataset's people, the lower-cased name for others).
    by_key: HashMap<String, usize>,
    /// Per mention: the most words a form of its name has had in the text.
    best_words: HashMap<usize, usize>,
}

/// The dataset's people the automaton found, each added; surnames alone are returned, to be
/// linked once the people the dataset does not know are in (see [`link_surnames`]).
fn known_people(scan: &Scan<'_>, roster: &mut Roster) -> Vec<(Range<usize>, PersonId)> {
    let text = scan.text();
    let mut shorts: Vec<(Range<usize>, PersonId)> = Vec::new();
    // The last answer of `own_given_name`: a name said again and again ("Putin Putin …")
    // asks the same question each time.
    let mut last: Option<(&PersonId, &str, bool)> = None;
    for hit in scan.hits.iter().filter(|h| scan.reader.is(h, Class::Person)) {
        let Some((id, short)) = scan.reader.entries(hit).find_map(|e| match e {
            Entry::Person { id, short } => Some((id, *short)),
            _ => None,
        }) else {
            continue;
        };
        let range = hit.range();
        if short {
            // A surname alone, right after a given name that is not this person's: someone
            // else of that name ("Natalia Zakharova" is not Maria Zakharova). This person's
            // own, in any case («Евфимия Путятина»), makes the full name.
            if let Some(w) = word_before(text, range.start)
                && text.get(w.end..range.start) == Some(" ")
                && let Some(g) = text.get(w.clone()).filter(|g| name_word(scan, g))
            {
                let own = match last {
                    Some((i, w, own)) if i == id && w == g => own,
                    _ => own_given_name(scan.data.person(id).ok(), g),
                };
                last = Some((id, g, own));
                if own {
                    roster.add_known(scan, id, &(w.start..range.end));
                    continue;
                }
                // (Not a place before the surname, after a preposition of place and no given
                // name of the pack: «в Красноярске Ельцин».)
                if !place_before_name(scan, &w) {
                    continue;
                }
            }
            shorts.push((range, id.clone()));
            continue;
        }
        roster.add_known(scan, id, &range);
    }

    shorts
}

/// Whether `word` is `person`'s given name (the first word of a name of theirs with two
/// words or more), in any case ending: the two share all but their last two letters, and
/// three letters at least («Евфимия» and Евфимий).
fn own_given_name(person: Option<&crate::person::Person>, word: &str) -> bool {
    let Some(person) = person else { return false };
    let lower = |w: &str| w.chars().flat_map(char::to_lowercase).collect::<Vec<char>>();
    let word = lower(word);
    std::iter::once(&person.name).chain(person.native.as_ref()).chain(&person.aliases).any(|n| {
        let mut words = n.split_whitespace();
        let (Some(given), Some(_)) = (words.next(), words.next()) else { return false };
        // (Most names share not even a first letter with the word: no need to fold them.)
        let first = given.chars().next().into_iter().flat_map(char::to_lowercase).next();
        if first != word.first().copied() {
            return false;
        }
        let given = lower(given);
        let shared = word.iter().zip(&given).take_while(|(a, b)| a == b).count();
        shared >= 3 && shared + 2 >= word.len().max(given.len())
    })
}

/// People the dataset does not know, by pattern around titles and verbs of speech,
/// anywhere in the text: a record's people are everyone it names, the world news around
/// the dispute's paragraphs too.
fn titled_and_speaking(scan: &Scan<'_>, roster: &mut Roster) -> Vec<Unknown> {
    let text = scan.text();
    let pack = scan.pack;
    let mut unknown: Vec<Unknown> = Vec::new();
    for hit in
        scan.hits.iter().filter(|h| scan.reader.is(h, Class::Title) || scan.reader.is(h, Class::Speech))
    {
        for term in scan.reader.terms(hit) {
            match term {
                Term::Title { office, party, .. } => {
                    let former = pack.former.before(text, hit.start as usize).is_some();
                    let title = text.get(hit.range()).map(str::to_string);
                    if pack.titles_follow_names {
                        // Between the name and its title: the state it serves (トランプ米大統領,
                        // 習近平中国国家主席), or the name written in Latin letters in brackets
                        // (中根一幸（Kazuyuki Nakane）外務副大臣), passed over.
                        let (before, served) = state_before(scan, hit.start as usize)
                            .map_or((hit.start as usize, None), |(at, p)| (at, Some(p)));
                        let before = latin_gloss_before(text, before).unwrap_or(before);
                        // (And a word of `former` or `title_prefixes` glued before the title:
                        // 田中真紀子前外相, 川口新外相.)
                        let before = pack
                            .former
                            .before(text, before)
                            .or_else(|| pack.title_prefixes.before(text, before))
                            .map_or(before, |(s, _)| s);
                        let before = affiliation_before(scan, before).unwrap_or(before);
                        if let Some(name) = name_before_title(scan, before) {
                            unknown.push((
                                name.clone(),
                                name.start..hit.end as usize,
                                title,
                                *office && !former,
                                party.clone().or(served),
                            ));
                        } else if !pack.spaced
                            && let Some((range, id)) = one_letter_surname(scan, hit.start as usize)
                        {
                            // 林外相, 森首相: a one-letter surname only for the one curated
                            // person whose name begins with it.
                            roster.add_known(scan, &id, &range);
                        }
                        continue;
                    }
                    // A state between the title and the name is passed over: after a
                    // complement word it is the post's place ("Ambassador to Japan Mikhail
                    // Galuzin"); right after the title it is the state the title serves
                    // («посол Японии Тоёхиса Кодзуки», «замглавы МИД России X»).
                    // (Up to two: «посол России в Японии Евгением Афанасьевым».)
                    let mut at = hit.end as usize;
                    let mut served: Option<PartyId> = None;
                    for _ in 0..2 {
                        let complement = pack.title_complements.after(text, at).map(|(e, _)| e);
                        let e = complement.unwrap_or(at);
                        let k = scan.hits.partition_point(|h| (h.start as usize) < e);
                        let Some(next) = scan
                            .hits
                            .get(k)
                            .filter(|h| text.get(e..h.start as usize).is_some_and(|g| g.trim().is_empty()))
                        else {
                            break;
                        };
                        let Some(state) = scan.reader.entries(next).find_map(|x| match x {
                            Entry::Party { party, .. } => Some(party.clone()),
                            _ => None,
                        }) else {
                            break;
                        };
                        at = next.end as usize;
                        if complement.is_none() && served.is_none() {
                            served = Some(state);
                        }
                    }
                    let direct = name_after(scan, at).or_else(|| {
                        let rest = text.get(at..)?;
                        let comma = rest.strip_prefix(',').map(|_| at + 1)?;
                        name_after(scan, comma)
                    });
                    // Capitals that open no given name are the complement's, where a name
                    // that opens with one follows («сотрудник Института Дальнего Востока РАН
                    // Ирина Логинова»; only in a pack that lists given names).
                    let opens_given = |r: &Range<usize>| {
                        let written = text.get(r.clone()).unwrap_or_default();
                        written.split(' ').next().is_some_and(|w| pack.given_names.contains(w))
                            || crate::extract::reader::base_of_name(pack, written).is_some()
                    };
                    let name = match direct {
                        Some(d) if !opens_given(&d) => Some(
                            name_after_complement(scan, at)
                                .filter(|c| c.start > d.start && opens_given(c))
                                .unwrap_or(d),
                        ),
                        Some(d) => Some(d),
                        None => name_after_complement(scan, at),
                    };
                    if let Some(name) = name {
                        let whole = hit.start as usize..name.end;
                        unknown.push((name, whole, title, *office && !former, party.clone().or(served)));
                    }
                }
                Term::Speech { after: false } => {
                    let s = hit.start as usize;
                    // "X said" (and "X, a retired diplomat, said").
                    if let Some(name) = name_before(scan, s) {
                        unknown.push((name.clone(), name.clone(), None, false, None));
                    } else if let Some(name) = appositive_subject(scan, s) {
                        unknown.push((name.clone(), name.clone(), None, false, None));
                    }
                    // "said X".
                    if let Some(name) = name_after(scan, hit.end as usize) {
                        let (role, office) = appositive_role(scan, name.end).unwrap_or((None, false));
                        unknown.push((name.clone(), name.clone(), role, office, None));
                    }
                }
                _ => {}
            }
        }
    }
    unknown
}

/// Appositives: "X, a Russian analyst at a Moscow think tank".
fn appositives(scan: &Scan<'_>) -> Vec<Unknown> {
    let text = scan.text();
    let mut unknown: Vec<Unknown> = Vec::new();
    let bytes = text.as_bytes();
    for comma in memchr::memchr_iter(b',', bytes) {
        // A name of two words or more with an age set off after it ("Setsuko Hamaguchi, 87,
        // who left Shikotan as a child, …"), as news copy gives a private person's age.
        if let Some(age) = age_after(bytes, comma)
            && (10..=110).contains(&age)
            && let Some(name) =
                name_before(scan, comma).filter(|n| text.get(n.clone()).is_some_and(|w| w.contains(' ')))
        {
            unknown.push((name.clone(), name, None, false, None));
            continue;
        }
        // ", a …", ", the …", ", its …": an article's first letter after the space.
        let likely = bytes.get(comma + 1) == Some(&b' ')
            && bytes.get(comma + 2).is_some_and(|b| {
                !b.is_ascii() || matches!(b.to_ascii_lowercase(), b'a' | b't' | b'i' | b'h')
            });
        if !likely {
            continue;
        }
        if let Some((role, office)) = appositive_role(scan, comma)
            && let Some(name) = name_before(scan, comma)
        {
            // The role's own words name the state ("a Russian analyst", "the former Japanese
            // prime minister", "a researcher at the Moscow State Institute").
            let tail = window_after_chars(text, comma, 90);
            let end = comma + tail.find(['.', ';', '\n']).unwrap_or(tail.len());
            unknown.push((name.clone(), name.start..end, role, office, None));
        }
    }
    unknown
}

/// The number of one to three digits set off by commas after the comma at `comma` (", 87,"
/// in "Setsuko Hamaguchi, 87, who …").
fn age_after(bytes: &[u8], comma: usize) -> Option<u32> {
    let rest = bytes.get(comma + 1..)?.strip_prefix(b" ")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) || rest.get(digits) != Some(&b',') {
        return None;
    }
    std::str::from_utf8(rest.get(..digits)?).ok()?.parse().ok()
}

/// Bylines and credits: "By Jane Smith", an interview's "Name: …", "Name/Agency".
fn bylines(scan: &Scan<'_>) -> Vec<Unknown> {
    let text = scan.text();
    let pack = scan.pack;
    let mut unknown: Vec<Unknown> = Vec::new();
    for line in
        super::text::lines(text).map(|l| l.start..l.start + text.get(l).unwrap_or_default().trim_end().len())
    {
        let line_text = text.get(line.clone()).unwrap_or_default();
        let lead = line.start + (line_text.len() - line_text.trim_start().len());
        // "By Jane Smith", "Name: …" (an interview's speaker).
        if let Some((e, _)) = pack.byline.after(text, lead)
            && let Some(name) = name_after(scan, e)
        {
            let mut end = name.end;
            unknown.push((name.clone(), name, None, false, None));
            // "By Jane Smith in Moscow and Ken Sato in Tokyo": the writers listed after it.
            while let Some(next) = next_in_byline(scan, end, line.end) {
                end = next.end;
                unknown.push((next.clone(), next, None, false, None));
            }
        }
        // 【モスクワ＝大森浩一】, （報道部・相沢真帆）; the latter also closing a paragraph's
        // last sentence (…している。（根室支局・山田太郎））.
        let closing = || {
            let t = text.get(lead..line.end)?;
            let open = match t.strip_suffix('）') {
                Some(h) => h.rfind('（')?,
                None => t.strip_suffix(')')?.rfind('(')?,
            };
            t.get(..open)?.trim_end().ends_with('。').then_some(lead + open..line.end)
        };
        if let Some(name) = credit(scan, &(lead..line.end)).or_else(|| credit(scan, &closing()?)) {
            unknown.push((name.clone(), name, None, false, None));
        }
        // A name alone on its line: the writer's, under a headline or signing the text.
        if let Some(name) = signature(scan, &(lead..line.end)) {
            unknown.push((name.clone(), name, None, false, None));
        }
    }
    for h in scan.hits.iter().filter(|h| scan.reader.is(h, Class::Byline)) {
        if let Some(name) = name_after(scan, h.end as usize) {
            unknown.push((name.clone(), name.clone(), None, false, None));
        }
    }
    for i in memchr::memchr_iter(b'/', text.as_bytes()) {
        if pack.media.after(text, i + 1).is_some()
            && let Some(name) = name_before(scan, i)
        {
            unknown.push((name.clone(), name.clone(), None, false, None));
        }
    }
    unknown
}

/// A name that makes up a line by itself (`line`: without its leading and trailing
/// spaces), the way a paper prints its writer's under a headline or at the end of the text:
/// a given name of the pack and a surname («Андрей Лаптев»), or initials and a surname, the
/// surname perhaps in capitals («А. ГОРБУНЦОВ.»). A full stop or a comma may end it, and a
/// credit may follow a comma («Андрей Лаптев, фото автора»).
fn signature(scan: &Scan<'_>, line: &Range<usize>) -> Option<Range<usize>> {
    let text = scan.text();
    let pack = scan.pack;
    let mut content = text.get(line.clone())?;
    if let Some(comma) = content.find(',') {
        let tail = content.get(comma + 1..)?.trim();
        if !tail.is_empty() && pack.byline.after(tail, 0).is_none() {
            return None;
        }
        content = content.get(..comma)?;
    }
    let content = content.trim_end_matches(['.', ',']).trim_end();
    // (Read without allocating: this runs for every line of every text.)
    let (before, surname) = content.rsplit_once(' ')?;
    let words_before = before.split(' ').count();
    if words_before > 3
        || !surname.chars().next().is_some_and(char::is_uppercase)
        || surname.chars().count() < 2
        || !surname.chars().all(|c| c.is_alphabetic() || c == '-')
        || pack.not_names.contains(surname)
    {
        return None;
    }
    let initial = |w: &str| {
        let mut c = w.chars();
        matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
    };
    let fits = before.split(' ').all(initial) || (words_before == 1 && pack.given_names.contains(before));
    // (Not a name the automaton knows as something else: a state, a place, an agreement.)
    let range = line.start..line.start + content.len();
    if !fits || scan.entries_in(&range).any(|(_, e)| e.is_name() && !matches!(e, Entry::Person { .. })) {
        return None;
    }
    Some(range)
}

/// A writer credited in brackets after a mark (`people.credit_marks`), the brackets opening
/// a line of text (【モスクワ＝大森浩一】…) or making up the whole of it （報道部・相沢真帆）: a
/// name of two to ten letters, not a news agency's (【モスクワ＝共同】). `line`: the line
/// without its leading and trailing spaces.
fn credit(scan: &Scan<'_>, line: &Range<usize>) -> Option<Range<usize>> {
    let pack = scan.pack;
    if pack.credit_marks.is_empty() {
        return None;
    }
    let text = scan.text();
    let lead = line.start;
    let rest = text.get(line.clone())?;
    let open = rest.chars().next()?;
    let close = match open {
        '【' => '】',
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    let inner_end = lead + rest.find(close)?;
    // 【…】 opens a paragraph's text (a label alone on its line, 【スタジオ・アナウンサー】, is
    // a transcript's); （…） is a line of its own.
    let whole = inner_end + close.len_utf8() == line.end;
    if (open == '【') == whole {
        return None;
    }
    let inner = text.get(lead + open.len_utf8()..inner_end)?;
    // (Else a space between the desk and the name: （根室支局　北村陽子）.)
    let spaced = || {
        let i = inner.trim_end().rfind(char::is_whitespace)?;
        let width = inner.get(i..)?.chars().next()?.len_utf8();
        (!inner.get(..i)?.trim().is_empty()).then_some((i, width))
    };
    // (Else, in 【…】, a place the gazetteer names glued to the name: 【モスクワ真鍋達也】.)
    let placed = || {
        let from = lead + open.len_utf8();
        let h = scan.hits_in(&(from..inner_end)).filter_map(|i| scan.hits.get(i)).next()?;
        let place = scan.reader.entries(h).any(|e| matches!(e, Entry::Party { .. }));
        (open == '【' && place && h.start as usize == from && (h.end as usize) < inner_end)
            .then(|| (h.end as usize - from, 0))
    };
    let (at, mark) = pack
        .credit_marks
        .iter()
        .filter_map(|m| inner.rfind(m.as_str()).map(|i| (i, m.len())))
        .max()
        .or_else(spaced)
        .or_else(placed)?;
    let start = lead + open.len_utf8() + at + mark;
    let name = text.get(start..inner_end)?;
    let letters = name.chars().count();
    let range = start..inner_end;
    // (A name in the scripts of the pack's names, holding no title, role or other name:
    // not 村井特派員, アナウンサー, 北海道根室市, FNN.)
    let scripts = |c: char| script_of(c).is_some_and(|s| pack.scripts.contains(&s));
    if !(2..=10).contains(&letters)
        || !name.chars().all(|c| scripts(c) && c.is_alphabetic())
        || pack.media.word(name).is_some()
        || scan.entries_in(&range).any(|(h, e)| e.is_name() || scan.reader.is(h, Class::Title))
        || pack.roles.find_in(text, range.clone()).next().is_some()
    {
        return None;
    }
    Some(range)
}

/// The next name of a byline's list after a name ending at `end` (before `line_end`): past
/// where its writer is ("in Moscow", «в Москве»: a locative word and capitalised words), a
/// list joiner (",", "and", «и») and then a name.
fn next_in_byline(scan: &Scan<'_>, end: usize, line_end: usize) -> Option<Range<usize>> {
    let text = scan.text();
    let pack = scan.pack;
    let mut at = end;
    if let Some((e, _)) = pack.locative.after(text, at).filter(|&(e, _)| e <= line_end) {
        at = e;
        while let Some(w) = word_after(text, at).filter(|w| w.end <= line_end) {
            let word = text.get(w.clone()).unwrap_or_default();
            if !word.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            at = w.end;
        }
    }
    let w = word_after(text, at).filter(|w| w.end <= line_end)?;
    let gap = text.get(at..w.start)?.trim();
    let from = if (gap.is_empty() || gap == ",") && pack.joins_list(text.get(w.clone())?) {
        w.end
    } else if !gap.is_empty() && pack.joins_list(gap) {
        w.start
    } else {
        return None;
    };
    // Not a role after a comma ("By Margaret Ellery, Chronicle Correspondent").
    let role = |n: &Range<usize>| {
        text.get(n.clone()).unwrap_or_default().split_whitespace().any(|w| pack.roles.contains(w))
            || scan.entries_in(n).any(|(_, e)| matches!(e, Entry::Term(Term::Title { .. })))
    };
    name_after(scan, from).filter(|n| n.end <= line_end && !role(n))
}

/// Adds the people found by pattern, in text order: one mention per name, its title and
/// party from the first mention that has them; a name of the dataset is passed over.
fn add_unknown(scan: &Scan<'_>, roster: &mut Roster, mut unknown: Vec<Unknown>, credited: &[Range<usize>]) {
    let text = scan.text();
    let data = scan.data;
    let pack = scan.pack;
    unknown.sort_by_key(|(n, ..)| n.start);
    for (name_range, whole, title, office, title_party) in unknown {
        let written = text.get(name_range.clone()).unwrap_or_default();
        // A name in an oblique case is given in its base form («по мнению политолога Сергея
        // Ветлугина»: Сергей Ветлугин).
        let base = crate::extract::reader::base_of_name(pack, written);
        let name = base.clone().unwrap_or_else(|| written.to_string());
        // A name of the dataset (a person, a place, a party).
        let overlaps_known =
            scan.entries_in(&(name_range.start.saturating_sub(40)..name_range.end)).any(|(h, e)| {
                (h.start as usize) < name_range.end
                    && name_range.start < h.end as usize
                    && !matches!(e, Entry::Term(_))
                    && !matches!(e, Entry::Person { short: true, .. })
            });
        // Initials before the surname of the dataset's person («С. В. Лавров»): that
        // person, by the surname (see `link_surnames`).
        let words: Vec<&str> = written.split(' ').collect();
        let initialled = (words.len() >= 2 && words.iter().rev().skip(1).all(|w| w.ends_with('.')))
            || (words.len() == 1 && glued_initials(written).is_some());
        // The given name before the surname, past middle initials ("Nikita S. Khrushchev").
        let given_before = |at: usize| {
            let mut w = word_before(text, at)?;
            while text.get(w.clone()).is_some_and(|g| g.chars().count() == 1)
                && char_at(text, w.end) == Some('.')
            {
                w = word_before(text, w.start)?;
            }
            Some(w)
        };
        // And this person's own given name before the surname («Евфимия Путятина»): that
        // person, already added (see `known_people`).
        let known_surname = || {
            scan.entries_in(&name_range).any(|(h, e)| {
                let Entry::Person { id, short: true } = e else { return false };
                h.end as usize == name_range.end
                    && (initialled
                        || given_before(h.start as usize)
                            .filter(|w| w.start >= name_range.start)
                            .and_then(|w| text.get(w))
                            .is_some_and(|g| own_given_name(data.person(id).ok(), g)))
            })
        };
        if overlaps_known || known_surname() {
            // A title before a known person: keep what it says.
            continue;
        }
        // A word that never names a person: a body before a title (内閣官房長官, 本社特派員), a
        // desk credited for a text (文責・編集部).
        if pack.not_names.contains(&name) {
            continue;
        }
        // A name before a title, in a script without spaces, that begins the name of one
        // person of the dataset and no other (安倍 before 首相: 安倍晋三): that person.
        if !pack.spaced
            && pack.titles_follow_names
            && let Some(id) = unique_person_starting(data, &name, 2)
        {
            roster.add_known(scan, &id, &name_range);
            continue;
        }
        let key = name.to_lowercase();
        let s = scan.sentence(scan.sentence_of(name_range.start));
        let window = whole.start.saturating_sub(TITLE_REACH).max(s.start)
            ..whole.end.max(name_range.end).min(s.end.max(name_range.end));
        let date = scan.date_at(name_range.start).or(scan.published);
        // The state the name's form tells ("Mamoru Shigemitsu", 河野洋平).
        let by_form = || {
            let form = pack.name_forms.iter().find(|f| f.fits(&name))?;
            choose_party(data, &form.parties, date)
        };
        // An official whose title and words around name no state: the state the name's form
        // tells ("Foreign Minister Mamoru Shigemitsu").
        let party = title_party
            .clone()
            .or_else(|| choose_party(data, &parties_in(scan, &window, false), date))
            .or_else(|| if office { by_form() } else { None });
        // Anyone else named, but a writer or a photographer credited: the state an appositive
        // places them in ("X, a political scientist in Moscow", "X, a Russian analyst"), else
        // the one the name's form tells (an expert's, a resident's country).
        let party = party.or_else(|| {
            if credited.contains(&name_range) {
                return None;
            }
            appositive_state(scan, name_range.end, date).or_else(by_form)
        });
        // Initials and a surname of someone the text named in full before ("Е. Афанасьев"
        // after «Евгений Афанасьев»): that person.
        let initials_of = || {
            let (initials, surname) = name.rsplit_once(' ')?;
            let first = initials.chars().next()?;
            roster.people.mentions.iter().position(|m| {
                m.item.person.is_none()
                    && m.item.name.rsplit_once(' ').is_some_and(|(given, last)| {
                        last == surname && given.starts_with(first) && !given.ends_with('.')
                    })
            })
        };
        // A surname alone, in a script that joins a foreign name's parts with a separator
        // (ベールイ大使 after ミハイル・ベールイ駐日ロシア大使): the person named in full before.
        let surname_of = || {
            if name.contains(['・', ' ']) || name.chars().count() < 2 {
                return None;
            }
            roster.people.mentions.iter().position(|m| {
                m.item.person.is_none() && m.item.name.rsplit_once('・').is_some_and(|(_, last)| last == name)
            })
        };
        let found = roster
            .by_key
            .get(&key)
            .copied()
            .or_else(|| if initialled { initials_of() } else { None })
            .or_else(surname_of);
        let idx = match found {
            Some(i) => {
                if let Some(m) = roster.people.mentions.get_mut(i).filter(|m| m.item.person.is_none()) {
                    if m.item.title.is_none() && title.is_some() {
                        m.item.official = office;
                        m.item.title = title;
                    }
                    if m.item.party.is_none() {
                        m.item.party = party;
                    }
                }
                i
            }
            None => {
                roster.people.mentions.push(Found::new(
                    name_range.clone(),
                    PersonMention {
                        name: base.unwrap_or_else(|| scan.as_written(&name_range).to_string()),
                        person: None,
                        party,
                        title,
                        official: office,
                        evidence: scan.evidence(&name_range),
                    },
                ));
                roster.by_key.insert(key, roster.people.mentions.len() - 1);
                roster.people.mentions.len() - 1
            }
        };
        roster.people.occurrences.push((name_range, idx));
    }
}

/// A surname alone names the dataset's person unless someone else of that surname is in
/// the text.
fn link_surnames(scan: &Scan<'_>, roster: &mut Roster, shorts: Vec<(Range<usize>, PersonId)>) {
    let text = scan.text();
    let unknown_surnames: HashMap<String, usize> = roster
        .people
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.item.person.is_none())
        .filter_map(|(i, m)| m.item.name.split(' ').next_back().map(|s| (s.to_lowercase(), i)))
        .collect();
    for (range, id) in shorts {
        let surname = text.get(range.clone()).unwrap_or_default().to_lowercase();
        match unknown_surnames.get(&surname) {
            Some(&i) => roster.people.occurrences.push((range, i)),
            None => roster.add_known(scan, &id, &range),
        }
    }
}

/// Later mentions of an unknown person by surname alone ("Smith said"), in play.
///
/// A surname stands as a whole word: it starts where no letter or digit is before it and
/// ends where none follows. So the text is read word start by word start, and at each
/// one whose first byte begins some surname, the stretches up to each following word end
/// (within the longest surname) are looked up: a hash lookup per candidate, and no
/// automaton built per piece.
fn later_surnames(scan: &Scan<'_>, people: &mut People) {
    let text = scan.text();
    let mut surnames: HashMap<&str, usize> = HashMap::default();
    for (i, m) in people.mentions.iter().enumerate() {
        if m.item.person.is_some() {
            continue;
        }
        let Some(s) = m.item.name.split(' ').next_back() else { continue };
        if s.chars().count() >= 3 {
            surnames.entry(s).or_insert(i);
        }
    }
    if surnames.is_empty() {
        return;
    }
    let longest = surnames.keys().map(|s| s.len()).max().unwrap_or(0);
    let mut first_bytes = [false; 256];
    for s in surnames.keys() {
        if let Some(slot) = s.as_bytes().first().and_then(|&b| first_bytes.get_mut(usize::from(b))) {
            *slot = true;
        }
    }
    let mut known: Vec<Range<usize>> = people.occurrences.iter().map(|(r, _)| r.clone()).collect();
    known.sort_by_key(|r| r.start);
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    let bytes = text.as_bytes();
    for run in scan.play_runs() {
        let mut at = run.start;
        while at < run.end {
            // A byte that begins a surname is never inside a char: `at` is a char boundary.
            let lead =
                bytes.get(at).is_some_and(|&b| first_bytes.get(usize::from(b)).copied().unwrap_or(false));
            if !lead || char_before(text, at).is_some_and(char::is_alphanumeric) {
                at += 1;
                continue;
            }
            // The longest surname that ends at a word end here.
            let limit = (at + longest).min(run.end);
            let mut best: Option<(usize, usize)> = None;
            let mut end = at + char_at(text, at).map_or(1, char::len_utf8);
            while end <= limit {
                let here = char_at(text, end);
                if !here.is_some_and(char::is_alphanumeric)
                    && char_before(text, end).is_some_and(char::is_alphanumeric)
                    && let Some(&i) = text.get(at..end).and_then(|w| surnames.get(w))
                {
                    best = Some((end, i));
                }
                match here {
                    Some(h) => end += h.len_utf8(),
                    None => break,
                }
            }
            let Some((end, i)) = best else {
                at += 1;
                continue;
            };
            let k = known.partition_point(|o| o.start <= at);
            let inside = k.checked_sub(1).and_then(|k| known.get(k)).is_some_and(|o| end <= o.end);
            if !inside {
                found.push((at..end, i));
            }
            at = end;
        }
    }
    people.occurrences.sort_by_key(|(r, _)| r.start);
    people.occurrences.extend(found);
}

/// The most letters a given name written without spaces adds to a surname (美佐子).
const GIVEN_LETTERS: usize = 3;

/// A person the text names by surname alone where the rules read it, in a script without
/// spaces (大西さんは「…」と話す), is given the full name the text wrote earlier, wherever
/// that stands (同館学芸員の大西美佐子さんは…): the surname, one to [`GIVEN_LETTERS`] more
/// letters of the same scripts, then an honorific or a title. One automaton pass over the
/// text for all such surnames.
fn fuller_names_before(scan: &Scan<'_>, people: &mut People) {
    let pack = scan.pack;
    if pack.spaced || pack.honorifics.is_empty() {
        return;
    }
    let text = scan.text();
    let unspaced = |c: char| matches!(script_of(c), Some(Script::Han | Script::Kana));
    // (Mention, surname) for the unknown people named by one short word.
    let short: Vec<(usize, String)> = people
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let n = m.item.name.chars().count();
            m.item.person.is_none() && (1..=3).contains(&n) && m.item.name.chars().all(unspaced)
        })
        .map(|(i, m)| (i, m.item.name.clone()))
        .collect();
    if short.is_empty() {
        return;
    }
    let Ok(automaton) = aho_corasick::AhoCorasick::new(short.iter().map(|(_, n)| n.as_str())) else { return };
    let mut fuller: Vec<Option<String>> = vec![None; short.len()];
    for m in automaton.find_iter(text) {
        let k = m.pattern().as_usize();
        let (Some((i, _)), Some(None)) = (short.get(k), fuller.get(k)) else { continue };
        let Some(first) = people.mentions.get(*i) else { continue };
        if m.start() >= first.at.start {
            continue;
        }
        // (Not the end of a longer word before it, 森大西; a particle, の, may stand there.)
        if super::text::char_before(text, m.start()).is_some_and(|c| script_of(c) == Some(Script::Han)) {
            continue;
        }
        let closes = |at: usize| pack.honorifics.glued(text, at).is_some() || starts_title(scan, at);
        let mut end = m.end();
        for c in text.get(m.end()..).unwrap_or_default().chars().take(GIVEN_LETTERS) {
            if !unspaced(c) || closes(end) {
                break;
            }
            end += c.len_utf8();
        }
        if end > m.end()
            && closes(end)
            && let Some(slot) = fuller.get_mut(k)
        {
            *slot = text.get(m.start()..end).map(str::to_string);
        }
    }
    for ((i, _), name) in short.iter().zip(fuller) {
        if let (Some(name), Some(m)) = (name, people.mentions.get_mut(*i)) {
            m.item.name = name;
        }
    }
}

/// Whether a title's hit starts at `at`.
fn starts_title(scan: &Scan<'_>, at: usize) -> bool {
    scan.hits_in(&(at..at + 1))
        .filter_map(|k| scan.hits.get(k))
        .any(|h| h.start as usize == at && scan.reader.is(h, Class::Title))
}

/// The one person of the dataset with a name written without spaces that begins with
/// `prefix` and is longer than it (a surname before its given name), if exactly one.
/// A single Han letter right before a title, alone in its run (not the end of a longer
/// name), that begins the name of exactly one person of the dataset.
fn one_letter_surname(scan: &Scan<'_>, title_start: usize) -> Option<(Range<usize>, PersonId)> {
    let text = scan.text();
    let c = char_before(text, title_start)?;
    if !matches!(script_of(c), Some(Script::Han)) {
        return None;
    }
    let start = title_start - c.len_utf8();
    if char_before(text, start).is_some_and(|b| matches!(script_of(b), Some(Script::Han | Script::Kana))) {
        return None;
    }
    let mut buf = [0u8; 4];
    let id = unique_person_starting(scan.data, c.encode_utf8(&mut buf), 1)?;
    // (Only someone in public life within a decade of the date: 岸首相 in 1960 is not 岸田.)
    let date = scan.date_at(title_start).or(scan.published);
    let person = scan.data.person(&id).ok()?;
    date.is_none_or(|d| active_near(person, d)).then_some((start..title_start, id))
}

/// How many years before its first dated role or after its last a person is still taken to
/// be in public life.
const PUBLIC_LIFE_YEARS: i32 = 10;

/// Whether `person` held a role within [`PUBLIC_LIFE_YEARS`] of `date` (or has no dated
/// role to tell).
fn active_near(person: &crate::person::Person, date: crate::date::PartialDate) -> bool {
    let y = date.year();
    person.roles.is_empty()
        || person.roles.iter().any(|r| {
            r.from.is_none_or(|f| f.year() <= y + PUBLIC_LIFE_YEARS)
                && r.to.is_none_or(|t| t.year() + PUBLIC_LIFE_YEARS >= y)
        })
}

fn unique_person_starting(data: &crate::dataset::Dataset, prefix: &str, min: usize) -> Option<PersonId> {
    let unspaced = |n: &str| n.chars().any(|c| matches!(script_of(c), Some(Script::Han | Script::Kana)));
    if prefix.chars().count() < min || !unspaced(prefix) {
        return None;
    }
    let mut found: Option<&PersonId> = None;
    for person in data.people() {
        if person.all_names().any(|n| unspaced(n) && n.len() > prefix.len() && n.starts_with(prefix)) {
            if found.is_some_and(|f| f != &person.id) {
                return None;
            }
            found = Some(&person.id);
        }
    }
    found.cloned()
}

impl Roster {
    /// Adds a mention of the dataset's person `id` at `range`: one mention per person, named
    /// by the fullest form the text uses.
    fn add_known(&mut self, scan: &Scan<'_>, id: &PersonId, range: &Range<usize>) {
        let Roster { people, by_key, best_words } = self;
        let Ok(person) = scan.data.person(id) else { return };
        let text = scan.text();
        let key = format!("id:{id}");
        let written = scan.slice(range);
        let n = *by_key.entry(key).or_insert_with(|| {
            let date = scan.date_at(range.start).or(scan.published);
            let title = title_before(scan, range.start).or_else(|| {
                // A title after the name (安倍首相).
                let k = scan.hits.partition_point(|h| (h.start as usize) < range.end);
                let next = scan.hits.get(k).filter(|h| h.start as usize == range.end)?;
                title_of(scan, next)
                    .map(|(o, p)| (text.get(next.range()).unwrap_or_default().to_string(), o, p))
            });
            let official = match (date, &title) {
                (_, Some((_, office, _))) if *office => true,
                (Some(d), _) => {
                    person.roles_at(d).next().is_some_and(|_| person.roles_at(d).any(|r| r.is_office()))
                }
                _ => false,
            };
            people.mentions.push(Found::new(
                range.clone(),
                PersonMention {
                    name: person.name.clone(),
                    person: Some(id.clone()),
                    party: person.party.clone(),
                    title: title.map(|(t, _, _)| t),
                    official,
                    evidence: scan.evidence(range),
                },
            ));
            people.mentions.len() - 1
        });
        // The fullest form the text uses (two words or more, in a cased script), else the data's name.
        let words = written.split_whitespace().count();
        let titled = written
            .split_whitespace()
            .next()
            .is_some_and(|w| scan.pack.not_names.contains(w.trim_end_matches('.')));
        let cased = written.chars().any(char::is_uppercase);
        if words >= 2 && cased && !titled && best_words.get(&n).is_none_or(|&b| words > b) {
            if let Some(m) = people.mentions.get_mut(n) {
                m.item.name = base_form(scan, person, written)
                    .or_else(|| crate::extract::reader::base_of_name(scan.pack, written))
                    .unwrap_or_else(|| scan.as_written(range).to_string());
            }
            best_words.insert(n, words);
        }
        people.occurrences.push((range.clone(), n));
    }
}

/// The person's name of the data that `written` is an oblique form of ("Владимира Путина"
/// → "Владимир Путин"), when the pack inflects names; `None` when it is written in a base form.
fn base_form(scan: &Scan<'_>, person: &crate::person::Person, written: &str) -> Option<String> {
    if scan.pack.paradigms.is_empty() {
        return None;
    }
    let written = crate::extract::lexicon::phrases_fold(written);
    person.all_names().find_map(|n| {
        let forms = crate::extract::reader::inflected(scan.pack, n);
        let hit = forms.iter().find(|(f, _)| crate::extract::lexicon::phrases_fold(f) == written)?;
        hit.1.then(|| n.to_string())
    })
}

/// After a name and its comma: ", a Russian analyst at …": the role and whether it is an
/// office.
fn appositive_role(scan: &Scan<'_>, comma: usize) -> Option<(Option<String>, bool)> {
    let text = scan.text();
    let rest = text.get(comma..)?;
    let rest = rest.strip_prefix(',')?;
    let start = comma + 1;
    // (With an article, the role anywhere in the phrase: ", a senior senator,"; without
    // one, the role its first word: ", governor of the Sakhalin region,".)
    let article = scan.pack.articles.after(text, start);
    let det_end = article.map_or(start, |(e, _)| e);
    let window = window_after_chars(text, det_end, 60);
    let end = det_end + window.find([',', '.', ';', '\n', '(']).unwrap_or(window.len());
    let _ = rest;
    let (r, office) = scan.pack.roles.find_in(text, det_end..end).next()?;
    if article.is_none() && text.get(det_end..r.start).is_some_and(|gap| !gap.trim().is_empty()) {
        return None;
    }
    let role = text.get(start..r.end)?.trim().to_string();
    Some((Some(role), *office))
}

/// The state an appositive after a name ending at `end` places the person in: a state, its
/// capital or its adjective in the appositive ("X, a political scientist in Moscow,", "X,
/// a Russian analyst,"), when exactly one is named there (chosen at `date` among a
/// state and its predecessor).
fn appositive_state(scan: &Scan<'_>, end: usize, date: Option<crate::date::PartialDate>) -> Option<PartyId> {
    let text = scan.text();
    appositive_role(scan, end)?;
    let window = window_after_chars(text, end + 1, APPOSITIVE_REACH);
    let close = end + 1 + window.find([',', '.', ';', '\n', '(', ')']).unwrap_or(window.len());
    let states = parties_in(scan, &(end..close), true);
    // (One state, or one state and its predecessor: not "a Japanese expert on Russia".)
    let line = |a: &PartyId, b: &PartyId| {
        scan.data.party(a).ok().and_then(|p| p.predecessor.as_ref()) == Some(b)
            || scan.data.party(b).ok().and_then(|p| p.predecessor.as_ref()) == Some(a)
    };
    match states.as_slice() {
        [_] => choose_party(scan.data, &states, date),
        [a, b] if line(a, b) => choose_party(scan.data, &states, date),
        _ => None,
    }
}

/// How far (characters) an appositive may run after a name.
const APPOSITIVE_REACH: usize = 120;

/// "X, a retired diplomat, said": the name before the appositive that ends at a speech verb.
fn appositive_subject(scan: &Scan<'_>, speech: usize) -> Option<Range<usize>> {
    let text = scan.text();
    let head = window_before_chars(text, speech, 100);
    let base = speech - head.len();
    let comma_end = base + head.trim_end().strip_suffix(',')?.len();
    let comma_start = base + head.get(..comma_end - base)?.rfind(',')?;
    appositive_role(scan, comma_start)?;
    name_before(scan, comma_start)
}

/// How far into a text its lead may name the person it interviews.
const LEAD_BYTES: usize = 2000;

/// The person a text interviews: named (and titled) in its lead right before a word of
/// `people.interviewee_after` (…アファナシエフ駐日ロシア大使に聞いた).
fn interviewee(scan: &Scan<'_>, people: &People) -> Option<String> {
    let pack = scan.pack;
    if pack.interviewee_after.is_empty() {
        return None;
    }
    let text = scan.text();
    let lead = floor_boundary(text, LEAD_BYTES.min(text.len()));
    people.occurrences.iter().take_while(|(r, _)| r.end <= lead).find_map(|(r, i)| {
        // (Past an aside in a spaced script: "X, who took up the post in March, told us".)
        let reach = if pack.spaced { 120 } else { 20 };
        let window = r.end..super::text::chars_after(text, r.end, reach);
        let (m, _) = pack.interviewee_after.find_in(text, window).next()?;
        text.get(r.end..m.start).filter(|g| !g.contains(['.', '。', '、', '\n']))?;
        people.mentions.get(*i).map(|m| m.item.name.clone())
    })
}

/// The turns of an interview written as dialogue, as [`People::speakers`]: a line after a
/// question's line (one opened by a question mark, "— Как бы вы …?", and ending with a
/// question mark), itself no question, is the interviewee's answer; a question's line is no
/// one's (`usize::MAX`).
fn interview_turns(scan: &Scan<'_>, people: &People, interviewee: Option<&str>) -> Vec<(usize, usize)> {
    let Some(index) = interviewee.and_then(|name| people.by_name.get(name).copied()) else {
        return Vec::new();
    };
    let text = scan.text();
    let mut out = Vec::new();
    let mut at = 0usize;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if line.trim().is_empty() {
            continue;
        }
        if question_line(scan, start..start + line.trim_end().len()) {
            out.push((start, usize::MAX));
        } else if line_before(text, start).is_some_and(|before| question_line(scan, before)) {
            out.push((start, index));
        }
    }
    out
}

/// Whether the line `line` (its text without the break) is a question in a dialogue: opened
/// by one of `people.question_marks` and ending with a question mark.
fn question_line(scan: &Scan<'_>, line: Range<usize>) -> bool {
    let text = scan.text();
    scan.pack.question_marks.after(text, line.start).is_some()
        && text.get(line).is_some_and(|l| l.trim_end().ends_with(['?', '？']))
}

/// The last line with words before the line starting at `line` (without its break).
fn line_before(text: &str, line: usize) -> Option<Range<usize>> {
    let end = text.get(..line).unwrap_or_default().trim_end().len();
    (end > 0).then(|| line_start(text, end)..end)
}

/// Whether the last line with words before the line starting at `line` opens with a mark of
/// an interviewer's question (――).
fn answers_question(scan: &Scan<'_>, line: usize) -> bool {
    line_before(scan.text(), line)
        .is_some_and(|before| scan.pack.question_marks.after(scan.text(), before.start).is_some())
}

/// How far after a name (characters) a verb of saying makes it the sentence's speaker,
/// for [`pronoun_antecedent`].
const SPEECH_AFTER_NAME: usize = 24;

/// How many sentences back the person a pronoun stands for is looked for.
const ANTECEDENT_SENTENCES: usize = 6;

/// The person a personal pronoun just before `at` stands for. One named earlier in its
/// own sentence, the last; else, sentence by sentence back, in the nearest sentence that
/// names one, the first a verb of saying follows ("Lavrov stated …"), else the first named
/// as a subject (not after a preposition of an object: "bargained with Khrushchev"). A
/// sentence whose own subject is such a pronoun (opening it or after a comma: "He had also
/// bargained with Khrushchev"; "On Oct. 19, he and Bulganin signed …") is of the same
/// person: the search goes on before it. Within [`NEAR`] characters of the pronoun for its
/// own sentence and the one before, within [`ANTECEDENT_SENTENCES`] sentences for a chain
/// of pronouns.
fn pronoun_antecedent<'p>(scan: &Scan<'_>, people: &'p People, at: usize) -> Option<&'p PersonMention> {
    let text = scan.text();
    let pack = scan.pack;
    // (The reach is in characters: a Cyrillic paragraph takes twice the bytes.)
    let reach = at - window_before_chars(text, at, NEAR).len();
    let mut k = scan.sentence_of(at);
    let own = scan.sentence(k);
    if let Some(m) = people.last_before(at, &(own.start.max(reach)..at)) {
        return Some(m);
    }
    for step in 0..ANTECEDENT_SENTENCES {
        k = k.checked_sub(1)?;
        let s = scan.sentence(k);
        let named: Vec<(&Range<usize>, &PersonMention)> = people.in_range(&s).collect();
        // (The one a verb of saying follows first: "As for a visit by Putin, Lavrov stated
        // …"; else the first not after a preposition.)
        let speaks = |r: &Range<usize>| {
            let end = super::text::chars_after(text, r.end, SPEECH_AFTER_NAME).min(s.end);
            scan.entries_in(&(r.end..end)).any(|(h, e)| {
                matches!(e, Entry::Term(Term::Speech { .. }))
                    && text.get(r.end..h.start as usize).is_some_and(|g| !g.contains([',', '、', '，']))
            })
        };
        let subject = named.iter().find(|(r, _)| speaks(r)).or_else(|| {
            named.iter().find(|(r, _)| !super::stances::preceded_by(scan, &pack.object_prepositions, r.start))
        });
        // (A pronoun as the subject of the sentence or of its main clause: opening it, or
        // after a comma, "On Oct. 19, 1956, he and Bulganin signed …".)
        let pronoun = pack.pronouns.find_in(text, s.clone()).any(|(r, _)| {
            text.get(s.start..r.start).is_some_and(|g| {
                let g = g.trim_end();
                g.trim_start().is_empty() || g.ends_with([',', '、', '，'])
            })
        });
        match (subject, pronoun) {
            (_, true) => continue,
            (Some((_, m)), false) => return Some(m),
            // (A sentence with no one in it: the one before, near enough, as before.)
            (None, false) if step == 0 && named.is_empty() => {
                return people.last_before(s.start, &(reach..s.start));
            }
            // (Not past the first sentence of a paragraph that names no one we know: it may
            // name someone else, "Shigeki Hakamada disagreed strongly.")
            (None, false)
                if named.is_empty() && k > 0 && scan.paragraph_of(k) == scan.paragraph_of(k - 1) =>
            {
                continue;
            }
            (None, false) if named.is_empty() => return None,
            (None, false) => return named.last().map(|(_, m)| *m),
        }
    }
    None
}

/// Quotations and their speakers: "…," X said; "…," said X; X said: "…"; "…," he said;
/// 「…」と述べた; and interview turns ("Name: …"), which are also returned apart, sorted.
fn quotes(
    scan: &Scan<'_>,
    people: &People,
    interviewee: Option<&str>,
) -> (Vec<Found<Quote>>, Vec<Range<usize>>) {
    let text = scan.text();
    let pack = scan.pack;
    let mut spans: Vec<Range<usize>> = Vec::new();
    // Straight double quotes (the normaliser makes every kind of quote mark one of these).
    let marks: Vec<usize> = memchr::memchr_iter(b'"', text.as_bytes()).collect();
    let mut k = 0;
    while k + 1 < marks.len() {
        let (Some(&open), Some(&close)) = (marks.get(k), marks.get(k + 1)) else { break };
        let inner = open + 1..close;
        let content = scan.slice(&inner);
        if content.len() > super::stances::MAX_QUOTE || content.contains('\n') {
            k += 1;
            continue;
        }
        k += 2;
        spans.push(inner);
    }
    // British single quotes: an opening ' at a word start, a closing ' before a non-letter.
    for i in memchr::memchr_iter(b'\'', text.as_bytes()) {
        if char_before(text, i).is_some_and(|c| !c.is_whitespace() && c != '(' && c != '\n')
            || !char_at(text, i + 1).is_some_and(char::is_alphabetic)
        {
            continue;
        }
        let tail = window_after(text, i + 1, 600);
        let line = tail.split('\n').next().unwrap_or_default();
        if let Some(close) = line.match_indices('\'').map(|(j, _)| j).find(|&j| {
            let after = char_at(line, j + 1);
            char_before(line, j).is_some_and(|c| c.is_alphabetic() || matches!(c, '.' | ',' | '?' | '!'))
                && !after.is_some_and(char::is_alphabetic)
        }) {
            spans.push(i + 1..i + 1 + close);
        }
    }
    // The pack's own quote marks (「」).
    for (open, close) in &pack.quotes {
        for i in memchr::memmem::find_iter(text.as_bytes(), open.as_bytes()) {
            let from = i + open.len();
            let tail = window_after(text, from, 2000);
            if let Some(j) = tail.find(close.as_str()) {
                spans.push(from..from + j);
            }
        }
    }
    spans.sort_by_key(|r| r.start);
    let mut out = Vec::new();
    let mut turns = Vec::new();
    for inner in spans.into_iter().filter(|q| scan.in_play(q.start)) {
        let content = scan.slice(&inner);
        // A quote is a clause: three words, or twelve characters. In a script written
        // without spaces a short clause is a quote too when it inflects (hiragana: 「受け入れら
        // れない」), while a short run of kanji or katakana is a term set off (「北方領土」).
        let chars = content.chars().count();
        let short_clause = !pack.spaced && chars >= 6 && content.chars().any(super::lexicon::is_hiragana);
        if content.split_whitespace().count() < 3 && chars < 12 && !short_clause {
            continue;
        }
        let close_end =
            inner.end + text.get(inner.end..).and_then(|s| s.chars().next()).map_or(0, char::len_utf8);
        let tail = window_after_chars(text, close_end, 120);
        // (Within the sentence the quote closes in: a speaker named in a later sentence
        // said something else.)
        let after = close_end
            ..(close_end + tail.find('\n').unwrap_or(tail.len()))
                .min(scan.sentence(scan.sentence_of(close_end)).end.max(close_end));
        let open = inner.start.saturating_sub(1);
        let s = scan.sentence(scan.sentence_of(open));
        let head = window_before_chars(text, open, 160);
        let before = (open - head.len()).max(s.start.min(open))..open;
        let has_speech =
            |w: &Range<usize>| scan.entries_in(w).any(|(_, e)| matches!(e, Entry::Term(Term::Speech { .. })));
        let pick = |window: &Range<usize>, nearest_first: bool| -> Option<String> {
            if !has_speech(window) {
                return None;
            }
            let mut found = people.in_range(window).map(|(_, m)| m.name.clone());
            let named = if nearest_first { found.next() } else { found.last() };
            named.or_else(|| {
                let pronoun = pack.pronouns.find_in(text, window.clone()).next().is_some();
                pronoun.then(|| pronoun_antecedent(scan, people, open).map(|m| m.name.clone())).flatten()
            })
        };
        // A verb of saying after the quote that takes its speaker from before it (と述べた).
        // (Right after the closing mark: a window in characters, not bytes, so that と批判した
        // fits as well as "said".)
        let reach = super::text::floor_boundary(text, (close_end + 48).min(text.len()));
        let speech_after = scan.entries_in(&(close_end..reach)).any(|(h, e)| {
            (h.start as usize) <= close_end + 3 && matches!(e, Entry::Term(Term::Speech { after: true }))
        });
        let speaker = if speech_after {
            // The last person named before the quote, unless a clause break parts them
            // (「…Bが…したことについて、「…」と述べた」): then the sentence's topic (は).
            // (Not a person named as an object: 安倍首相に対し「…」と呼びかけた.)
            let named: Vec<_> = people
                .in_range(&(s.start..open))
                .filter(|(r, _)| {
                    let at = super::stances::particle_at(scan, r.end);
                    pack.object_markers.glued(text, at).is_none()
                })
                .collect();
            let cut = named.last().is_some_and(|(r, _)| {
                text.get(r.end..inner.start).is_some_and(|g| g.contains([',', '、', ';']))
            });
            let topic = named.iter().find(|(r, _)| super::stances::topic_marked(scan, r.end));
            // No one named in the sentence (「…」と述べた。): the topic of the sentence before
            // goes on speaking (a subject left unsaid); with no topic there, its subject
            // (「X報道官が…と批判した。「…」とも述べている」).
            let before = || {
                let k = scan.sentence_of(s.start).checked_sub(1)?;
                let sentence = scan.sentence(k);
                let prior: Vec<_> = people.in_range(&sentence).collect();
                prior
                    .iter()
                    .find(|(r, _)| super::stances::topic_marked(scan, r.end))
                    .or_else(|| prior.iter().find(|(r, _)| super::stances::subject_marked(scan, r.end)))
                    .map(|(_, m)| m.name.clone())
            };
            match (cut, topic) {
                (true, Some((_, m))) => Some(m.name.clone()),
                _ if named.is_empty() => before(),
                _ => named.last().map(|(_, m)| m.name.clone()),
            }
        } else {
            pick(&after, true).or_else(|| pick(&before, false))
        };
        // An answer in an interview: a quote opening its line after a question's line.
        let speaker = speaker.or_else(|| {
            let mark = char_before(text, inner.start).map_or(0, char::len_utf8);
            let line = line_start(text, inner.start - mark);
            let blank = text.get(line..inner.start - mark).is_some_and(|g| g.trim().is_empty());
            let answer =
                (blank && answers_question(scan, line)).then(|| interviewee.map(str::to_string)).flatten();
            if answer.is_some() {
                turns.push(inner.clone());
            }
            answer
        });
        out.push(Found::new(inner.clone(), Quote { speaker, evidence: scan.evidence(&inner) }));
    }
    // Interview turns: a line that opens with a name and a colon.
    // Only the lines in play, each once (two runs can share a line).
    let mut done = 0usize;
    for run in scan.play_runs() {
        let mut offset = line_start(text, run.start).max(done);
        let end = text
            .as_bytes()
            .get(run.end..)
            .and_then(|b| memchr::memchr(b'\n', b))
            .map_or(text.len(), |i| run.end + i + 1);
        done = end.max(done);
        for line in text.get(offset..end).unwrap_or_default().split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let Some(colon) = label_colon(line) else { continue };
            let label = start..start + colon;
            // The label is a name (and its title) alone: "Ambassador Mikhail Galuzin: …", not
            // "Abe said: …".
            if scan.slice(&label).split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase))
            {
                continue;
            }
            let Some((_, m)) = people.in_range(&label).last() else { continue };
            let mut body = start + colon + 2..start + line.trim_end().len();
            // The turn goes on over the paragraphs after its line up to the next line that
            // opens with a label ("QUESTION:", "PUTIN:"), when one comes.
            // (Not from a headline, "Lavrov: Japan must accept …", the text's first line.)
            if text.get(..start).is_some_and(|t| !t.trim().is_empty())
                && let Some(next) = next_label(text, offset)
                && let Some(gap) = text.get(next.clone()).filter(|g| !g.trim().is_empty())
            {
                body.end = body.end.max(next.start + gap.trim_end().len());
            }
            if body.end > body.start {
                turns.push(body.clone());
                out.push(Found::new(
                    body.clone(),
                    Quote { speaker: Some(m.name.clone()), evidence: scan.evidence(&body) },
                ));
            }
        }
    }
    let _ = word_after;
    out.sort_by_key(|q| q.at.start);
    turns.sort_by_key(|r| r.start);
    (out, turns)
}
