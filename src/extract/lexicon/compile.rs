//! From the file as written to the pack the engine reads: every value checked against its
//! vocabulary, every form against emptiness and repetition, every date pattern parsed.

use std::collections::HashMap;
use std::str::FromStr;

use toml::Spanned;

use super::LexiconProblem;
use super::phrases::{Phrases, Script, fold, script_of};
use super::schema::{self, Form};
use crate::agreement::AgreementKind;
use crate::date::PartialDate;
use crate::error::{Location, Locator};
use crate::event::EventKind;
use crate::extract::figures::FigureUnit;
use crate::extract::findings::PartyForm;
use crate::formula::FormulaId;

/// A unit of time in relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::EnumIter, strum::Display)]
#[strum(serialize_all = "kebab-case")]
pub(crate) enum TimeUnit {
    Day,
    Week,
    Weekend,
    Month,
    Year,
    /// The date counted from, at its own precision: "at the time", «тогда», 当時 (only in
    /// `dates.relative`, with offset 0, counted from another date).
    Same,
}

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::EnumIter, strum::Display)]
#[strum(serialize_all = "kebab-case")]
pub(crate) enum Anchor {
    /// The publication date ("yesterday").
    Publication,
    /// The date last mentioned before it ("a day earlier").
    Previous,
    /// The date mentioned right after it ("a week after Japan imposed sanctions on
    /// March 1").
    Next,
}

/// A form of name that tells which state an official serves (see
/// `schema::People::name_forms`).
#[derive(Debug, Clone, Default)]
pub(crate) struct NameForm {
    /// The state and its predecessors or successors.
    pub parties: Vec<crate::id::PartyId>,
    /// Endings of the surname (lower-case).
    pub surname_endings: Vec<String>,
    /// Syllables every word of the name is made of (lower-case, longest first).
    pub syllables: Vec<String>,
    /// Scripts the whole name is written in, the first opening it (none: not read).
    pub scripts: Vec<Script>,
}

impl NameForm {
    /// Whether `name` (given name and surname, initials aside) has this form. In a script
    /// that does not separate words (Japanese), a surname alone may fit by its ending
    /// (ラブロフ, ルデンコ): a title follows it with no space, and the name is all there is.
    pub fn fits(&self, name: &str) -> bool {
        if let Some(first) = self.scripts.first() {
            let mut letters = name.chars().filter(|c| !c.is_whitespace()).map(script_of);
            let opens = letters.next() == Some(Some(*first));
            let mut rest = 0usize;
            if opens
                && letters.all(|s| {
                    rest += 1;
                    s.is_some_and(|s| self.scripts.contains(&s))
                })
                && rest >= 1
            {
                return true;
            }
        }
        let initial = |w: &&str| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() == 1;
        let words = || name.split_whitespace().filter(|w| !initial(w));
        let (count, surname) = words().fold((0usize, ""), |(n, _), w| (n + 1, w));
        let unspaced = count == 1 && !name.chars().any(super::phrases::is_spaced_word_char);
        if count == 0 || (count < 2 && !unspaced) {
            return false;
        }
        self.surname_ending(surname)
            || (!unspaced && !self.syllables.is_empty() && words().all(|w| self.syllabic(w)))
    }

    /// Whether `word` (one word) ends like a surname of this form.
    pub fn surname_ending(&self, word: &str) -> bool {
        let lower: std::borrow::Cow<'_, str> =
            if word.chars().any(char::is_uppercase) { word.to_lowercase().into() } else { word.into() };
        self.surname_endings.iter().any(|e| lower.len() > e.len() + 1 && lower.ends_with(e.as_str()))
    }

    /// Whether `word` (any case) splits into two or more of the syllables, with nothing
    /// left over.
    fn syllabic(&self, word: &str) -> bool {
        // (A short ASCII word is lower-cased on the stack: this runs for every name read.)
        const SHORT: usize = 64;
        let mut buf = [0u8; SHORT];
        let owned;
        let word: &[u8] = match buf.get_mut(..word.len()) {
            Some(b) if word.is_ascii() => {
                b.copy_from_slice(word.as_bytes());
                b.make_ascii_lowercase();
                b
            }
            _ => {
                owned = word.to_lowercase();
                owned.as_bytes()
            }
        };
        // reach[i]: the fewest syllables that make up word[..i] (none: unreachable).
        let mut short = [None; SHORT + 1];
        let mut long = Vec::new();
        let reach: &mut [Option<usize>] = if word.len() <= SHORT {
            short.get_mut(..=word.len()).unwrap_or_default()
        } else {
            long.resize(word.len() + 1, None);
            &mut long
        };
        if let Some(r) = reach.first_mut() {
            *r = Some(0);
        }
        for i in 0..word.len() {
            let Some(n) = reach.get(i).copied().flatten() else { continue };
            let Some(rest) = word.get(i..) else { continue };
            let first = rest.first();
            // (The first byte first: most syllables differ there, and a call to compare
            // the rest costs more than the byte.)
            for s in self.syllables.iter().filter(|s| s.as_bytes().first() == first) {
                if rest.starts_with(s.as_bytes())
                    && let Some(slot) = reach.get_mut(i + s.len())
                {
                    *slot = Some(slot.map_or(n + 1, |m| m.min(n + 1)));
                }
            }
        }
        reach.last().copied().flatten().is_some_and(|n| n >= 2)
    }
}

/// How a number word combines with its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::EnumIter, strum::Display)]
#[strum(serialize_all = "kebab-case")]
pub(crate) enum NumberKind {
    /// A digit's worth: one–nineteen, 一–九.
    Unit,
    /// A ten that joins a following unit: "seventy-nine".
    Ten,
    /// Multiplies the group before it: "three hundred", 二十, 三千.
    Multiplier,
    /// Closes a group and multiplies it: "thousand", "million", 万, 億.
    Scale,
}

/// What a stance predicate does with its object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::EnumIter, strum::Display)]
#[strum(serialize_all = "kebab-case")]
pub(crate) enum Means {
    /// The holder wants the object for itself (or for the side it names).
    Claim,
    /// The holder hands the object to the other side.
    Give,
    /// The holder asserts a side's hold on the object.
    Keep,
    /// The holder takes an agreement or a formula as the basis of talks.
    Basis,
    /// The holder accepts, proposes or stands by what the object names.
    Accept,
    /// The holder rejects what the object names.
    Reject,
    /// The holder gives up what the object names.
    Renounce,
}

/// How many of the disputed islands a territory noun means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumString, strum::EnumIter, strum::Display)]
#[strum(serialize_all = "kebab-case")]
pub(crate) enum Extent {
    /// All four ("all four", "the entire").
    All,
    /// The two of the 1956 pair, Shikotan and the Habomais ("the two smaller").
    Two,
    /// The two larger, Iturup and Kunashir ("the two larger islands").
    TwoLarger,
    /// Some, none definite ("part of").
    Some,
}

/// A word that stands for one or more states in a language's press (Japanese 日露).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartyWord {
    pub parties: Vec<crate::id::PartyId>,
    pub form: PartyForm,
    /// A visit's host or a policy's target (訪日, 対ソ): not a person's own state.
    pub host: bool,
    /// The word stands for the state last named before it (同国); `parties` is empty.
    pub anaphor: bool,
}

/// What a trigger stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Term {
    Month {
        value: u32,
        ambiguous: bool,
        /// The month's adjective (see `schema::Month::qualifier`).
        qualifier: bool,
    },
    Weekday {
        day: chrono::Weekday,
        ambiguous: bool,
    },
    /// `before_subject`: the form dates only when the subject of its clause follows it
    /// (a name, a title or a state, not in an oblique case): Russian «Накануне Лавров
    /// заявил» is the day before, «накануне переговоров» the eve of a happening.
    Relative {
        unit: TimeUnit,
        offset: i32,
        from: Anchor,
        before_subject: bool,
        /// A count of units ("a week later", «неделей ранее»), to the day when counted
        /// from a day; not a span ("the following week").
        counted: bool,
    },
    /// A shift by a count of units: after them ("three days later"), or, `opens`, before
    /// them («спустя три дня», «через неделю»).
    Shift {
        sign: i32,
        from: Anchor,
        opens: bool,
    },
    NamedDate(PartialDate),
    Anniversary,
    Era {
        first_year: i32,
    },
    Number {
        value: f64,
        kind: NumberKind,
    },
    Fraction(f64),
    /// An amount written in words, a figure in itself: "half a century" is 50 years.
    Amount {
        value: f64,
        unit: FigureUnit,
    },
    Title {
        office: bool,
        party: Option<crate::id::PartyId>,
        /// See `schema::Title::roles`.
        roles: Box<[String]>,
    },
    Speech {
        after: bool,
    },
    Byline,
    AgreementHead(Option<AgreementKind>),
    /// A place where agreements were made, as the dataset's agreements name it
    /// (`agreements.place`).
    AgreementPlace(Box<str>),
    Party(PartyWord),
    Concept(FormulaId),
    Predicate {
        means: Means,
        nominal: bool,
    },
}

/// A trigger: a form (as written; `*` marks a stem) and what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct TermForm {
    pub form: String,
    pub term: Term,
}

/// A slot or a literal of a date pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateItem {
    Year,
    /// A year written with its last two digits (93年10月): the century comes from the
    /// publication date (see `dates::Expr::ShortYear`).
    ShortYear,
    Month,
    MonthNumber,
    Day,
    Weekday,
    Era,
    EraYear,
    /// Any run of whitespace (one or more).
    Space,
    /// Characters that must be there, lower-cased.
    Literal(String),
}

/// A date pattern, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DatePattern {
    pub items: Vec<DateItem>,
}

/// One way a name inflects: replace `ending` (after one of `after`) with each of `forms`
/// (oblique cases) and of `also` (the base form's case).
#[derive(Debug, Clone)]
pub(crate) struct Paradigm {
    pub also: Vec<String>,
    pub ending: String,
    pub after: Vec<char>,
    pub forms: Vec<String>,
}

/// A language pack, compiled.
#[derive(Debug, Clone)]
pub(crate) struct Pack {
    pub id: String,
    pub name: String,
    pub scripts: Vec<Script>,
    pub spaced: bool,
    pub terms: Vec<TermForm>,
    // text
    pub sentence_ends: Vec<String>,
    pub abbreviations: Phrases<()>,
    pub quotes: Vec<(String, String)>,
    // dates
    pub date_patterns: Vec<DatePattern>,
    pub day_suffixes: Phrases<()>,
    /// The word for an era's first year (元), read where its number stands.
    pub era_first_year: Phrases<()>,
    /// The end of a year no pattern reads (a calendar this pack does not know): a month
    /// right after it is not dated.
    pub unread_year_ends: Phrases<()>,
    pub decade_suffixes: Phrases<()>,
    pub bounds: Phrases<()>,
    pub bounds_after: Phrases<()>,
    /// See `schema::Dates::period_starts`.
    pub period_starts: Phrases<()>,
    pub future: Phrases<()>,
    /// See `schema::Dates::future_right_before`.
    pub future_right_before: Phrases<()>,
    /// See `schema::Dates::future_over`.
    pub future_over: Phrases<()>,
    /// See `schema::Dates::future_after`.
    pub future_after: Phrases<()>,
    /// Words right before a month that count it from publication or from another date
    /// ("last September", "the following April"): a story's year does not date it.
    pub deictic: Phrases<()>,
    /// Right before a month: the year last read is its year ("that October").
    pub story_deictic: Phrases<()>,
    /// Opening a paragraph: it goes on with the story before ("Then", «Затем»).
    pub story_connectives: Phrases<()>,
    /// Before a date in its clause: a past before the story's ("had signed").
    pub anterior: Phrases<()>,
    /// Right before a day without its month: the next such day (翌 in 翌15日).
    pub following_day: Phrases<()>,
    /// Right before a shift's count: counted from the date last mentioned (その2週間前).
    pub shift_from_previous: Phrases<()>,
    /// Right before a count of units: approximate ("about a week later").
    pub approximate: Phrases<()>,
    pub year_not_before: Phrases<()>,
    /// What may follow a year given by its last two digits with no month (Japanese 93年に):
    /// with none of these after it, such a year needs its month (a bare 93年 is as often
    /// ninety-three years).
    pub short_year_alone: Phrases<()>,
    /// Between a year and the agreement's name it dates (の).
    pub year_name_joiners: Phrases<()>,
    /// See `schema::Dates::month_year_links`.
    pub month_year_links: Phrases<()>,
    pub labels: Phrases<()>,
    pub month_context: Phrases<()>,
    pub time_units: Phrases<TimeUnit>,
    pub anniversary_of: Phrases<()>,
    /// What an anniversary is of stands before its count (see `dates.anniversary`).
    pub anniversary_object_before: bool,
    /// Words between what an anniversary is of and its count (署名, の).
    pub anniversary_links: Phrases<()>,
    /// Words before an anniversary's count that make it its year ("the year of").
    pub anniversary_year_before: Phrases<()>,
    /// Words after an anniversary word that make it its year ("year", の年).
    pub anniversary_year_after: Phrases<()>,
    // numbers
    pub decimal: Vec<String>,
    pub group: Vec<String>,
    pub percent: Phrases<()>,
    pub indefinite: Phrases<()>,
    pub ordinals: Phrases<f64>,
    pub ordinal_suffixes: Phrases<()>,
    pub ordinal_prefixes: Phrases<()>,
    // figures
    pub figure_context: Phrases<()>,
    pub filler: Phrases<()>,
    pub figure_not_after: Phrases<()>,
    pub figure_not_before: Phrases<()>,
    /// See `schema::Figures::ages`.
    pub figure_ages: Phrases<()>,
    pub figure_units: Phrases<FigureUnit>,
    pub counted: Phrases<()>,
    // people
    pub former: Phrases<()>,
    /// See `schema::People::title_prefixes`.
    pub title_prefixes: Phrases<()>,
    /// See `schema::People::affiliations`.
    pub affiliations: Phrases<()>,
    pub pronouns: Phrases<()>,
    pub reporters: Phrases<()>,
    /// See `schema::People::addressee_markers`.
    pub addressee_markers: Phrases<()>,
    pub speech_impersonal: Phrases<()>,
    /// See `schema::People::seat_nouns`.
    pub seat_nouns: Phrases<()>,
    /// See `schema::People::body_nouns`.
    pub body_nouns: Phrases<()>,
    pub speech_anaphors: Phrases<()>,
    pub transcript_heads: Phrases<()>,
    /// Words after a state's name that make it a field of study ("Japan specialist").
    pub field_after: Phrases<()>,
    /// Words before a state's name that make it a field of study ("expert on Japan").
    pub field_before: Phrases<()>,
    /// Words after a person named in the lead that make the text an interview (に聞いた).
    pub interviewee_after: Phrases<()>,
    /// Marks that open an interviewer's question line (――).
    pub question_marks: Phrases<()>,
    /// Reporting words with a personal pronoun as object ("quoted him"): the speaker is the
    /// person last named.
    pub object_pronouns: Phrases<()>,
    pub not_names: rustc_hash::FxHashSet<String>,
    /// See `schema::People::given_names`.
    pub given_names: Phrases<()>,
    /// See `schema::People::initials_open`.
    pub initials_open: bool,
    /// See `schema::People::name_forms`.
    pub name_forms: Vec<NameForm>,
    pub byline: Phrases<()>,
    pub title_complements: Phrases<()>,
    pub articles: Phrases<()>,
    pub titles_follow_names: bool,
    pub honorifics: Phrases<()>,
    pub credit_marks: Vec<String>,
    pub roles: Phrases<bool>,
    // parties
    pub locative: Phrases<()>,
    pub locative_after: Phrases<()>,
    pub organisation_suffixes: Phrases<()>,
    /// See `schema::Parties::name_prefixes`.
    pub name_prefixes: Phrases<()>,
    pub city_nouns: Phrases<()>,
    pub state_nouns: Phrases<()>,
    pub state_noun_modifiers: Phrases<()>,
    pub venue: Phrases<()>,
    /// Nouns of a meeting or a document after a state's name used as their attribute
    /// ("the Singapore talks"): the name says where, and no one acts there.
    pub venue_nouns: Phrases<()>,
    pub media: Phrases<()>,
    pub media_nouns: Phrases<()>,
    pub both_sides: Phrases<()>,
    /// Plural pronouns standing for the states just named ("they").
    pub plural_pronouns: Phrases<()>,
    /// How far back "both sides" looks for its states when its sentence and the one
    /// before name none (bytes; 0: no further).
    pub both_sides_reach: usize,
    // agreements
    pub determiners: Phrases<()>,
    /// See `schema::Agreements::plain_determiners`.
    pub plain_determiners: Phrases<()>,
    /// See `schema::Agreements::name_joiners`.
    pub name_joiners: Phrases<()>,
    pub signed: Phrases<()>,
    pub agree_verbs: Phrases<()>,
    pub agreement_terms: Phrases<()>,
    /// See `schema::Agreements::documents`.
    pub agreement_documents: Phrases<()>,
    /// See `schema::Agreements::parts`.
    pub agreement_parts: Phrases<()>,
    /// See `schema::Agreements::pronouns`.
    pub agreement_pronouns: Phrases<()>,
    /// See `schema::Agreements::bare_heads`.
    pub bare_heads: Phrases<()>,
    pub year_links: Phrases<()>,
    pub stipulates: Phrases<()>,
    /// Whether the pack names places where agreements were made (`agreements.place`: the
    /// reader's `Term::AgreementPlace`).
    pub agreement_places: bool,
    // events
    pub lead_verbs: Phrases<()>,
    pub auxiliaries: Phrases<()>,
    pub event_kinds: Phrases<EventKind>,
    // grammar
    pub negators: Phrases<()>,
    pub negators_after: Phrases<()>,
    pub not_negators: Phrases<()>,
    pub subject_negators: Phrases<()>,
    pub speech_follows: Phrases<()>,
    /// The people of a state as a poll's respondents (`events.polled`).
    pub polled: Phrases<crate::id::PartyId>,
    pub passive: Phrases<()>,
    pub agent: Phrases<()>,
    pub possessive_suffixes: Phrases<()>,
    pub possessive_determiners: Phrases<()>,
    pub first_person: Phrases<()>,
    /// Personal pronouns in the subject's case: "…, but it will not …" joins a clause on.
    pub subject_pronouns: Phrases<()>,
    pub must: Phrases<()>,
    /// See `schema::Grammar::must_after`.
    pub must_after: Phrases<()>,
    /// See `schema::Grammar::denials_after`.
    pub denials_after: Phrases<()>,
    pub perception: Phrases<()>,
    pub conditions: Phrases<()>,
    pub conditions_after: Phrases<()>,
    pub complementizers: Phrases<()>,
    /// See `schema::Grammar::gerund_openers`.
    pub gerund_openers: Phrases<()>,
    /// See `schema::Grammar::gerund_endings` (lower-cased).
    pub gerund_endings: Vec<String>,
    pub subordinators: Phrases<()>,
    pub coordinators: Phrases<()>,
    /// What joins two names of a list, lower-cased (the whole gap between two names,
    /// trimmed, is compared with each, ASCII case aside).
    pub list_joiners: Vec<String>,
    pub contrasts: Phrases<()>,
    pub relatives: Phrases<()>,
    pub asides: Phrases<()>,
    pub object_prepositions: Phrases<()>,
    pub questions: Phrases<()>,
    /// See `schema::Grammar::indirect_questions`.
    pub indirect_questions: Phrases<()>,
    pub hedges: Phrases<()>,
    pub verb_final: bool,
    pub subject_markers: Phrases<()>,
    pub topic_markers: Phrases<()>,
    pub object_markers: Phrases<()>,
    pub possessive_markers: Phrases<()>,
    // stance
    pub territory_nouns: Phrases<()>,
    pub territory_pronouns: Phrases<()>,
    /// Inside a frame's object, words after which the islands named are left out of it.
    pub exclusions: Phrases<()>,
    /// Nouns that name the dispute itself: context for a concept read beside the islands.
    pub dispute_nouns: Phrases<()>,
    /// Words before the state a hand-over goes to ("handed over to the Soviet Union").
    pub recipient_markers: Phrases<()>,
    /// Particles after the state a hand-over goes to (ソ連に引き渡す).
    pub recipient_particles: Phrases<()>,
    /// Which of a paradigm's forms (from 0) is the case that marks a hand-over's recipient.
    pub recipient_case: Option<usize>,
    /// Words after a name of islands that take a count from them (北方四島のうち2島).
    pub partitive_after: Phrases<()>,
    pub territory_context: Phrases<()>,
    pub charges: Phrases<()>,
    pub prerequisites: Phrases<()>,
    pub issues: Phrases<()>,
    pub discussed_after: Phrases<()>,
    pub discussed_before: Phrases<()>,
    /// Words that keep a stance dated at publication ("still", «по-прежнему», 今も).
    pub ongoing: Phrases<()>,
    /// Words before a predicate that tell a stance in a story's past (see
    /// `schema::Stance::narrative_past`), and those that do so before a progressive form.
    pub narrative_past: Phrases<()>,
    pub narrative_progressive: Phrases<()>,
    /// The endings of a progressive form, lower-cased.
    pub progressive_endings: Vec<String>,
    /// The endings of a simple past, lower-cased, and the words before a predicate that
    /// make such a form present (see `schema::Stance::past_endings`).
    pub past_endings: Vec<String>,
    pub present_auxiliaries: Phrases<()>,
    pub talked_about: Phrases<()>,
    /// Words of backing another side's claim (see `schema::Stance::support`).
    pub support: Phrases<()>,
    /// A state's laws (see `schema::Stance::laws`).
    pub laws: Phrases<()>,
    /// Words that make a concept a stated position's content (see `schema::Stance::content_links`).
    pub content_links: Phrases<()>,
    /// See `schema::Stance::content_copulas`.
    pub content_copulas: Phrases<()>,
    /// See `schema::Stance::viewpoints` and `viewpoints_after`.
    pub viewpoints: Phrases<()>,
    pub viewpoints_after: Phrases<()>,
    /// Concept forms that name their formula only beside the islands (see
    /// `schema::Concept::on_land`).
    pub concepts_on_land: Phrases<()>,
    /// Concept forms that name a forbidden act (see `schema::Concept::prohibited`).
    pub concepts_prohibited: Phrases<()>,
    /// Frame verbs that need an island's name right after them (see
    /// `schema::Frame::verbs_before_islands`).
    pub verbs_before_islands: Phrases<()>,
    pub extents: Phrases<Extent>,
    // inflection
    pub paradigms: Vec<Paradigm>,
    /// Whether a subject may follow its verb (free word order).
    pub subject_after_verb: bool,
    /// Whether a noun's possessor may follow it (a genitive).
    pub possessor_follows: bool,
    /// See `schema::Grammar::possessor_links`.
    pub possessor_links: Phrases<()>,
    /// See `schema::Grammar::partitive_links`.
    pub partitive_links: Phrases<()>,
    /// See `schema::Grammar::naming_verbs`.
    pub naming_verbs: Phrases<()>,
    /// Whether a lead sentence holding a quote may still report the day's news.
    pub quoted_leads: bool,
    /// Letters read as another (`ё` as `е`): in the text, the forms and the names.
    pub folds: Vec<(char, char)>,
    /// Party ids the pack names, with where: checked against the dataset an extractor uses.
    pub party_refs: Vec<(String, Location)>,
}

impl Pack {
    /// Whether `gap`, the whole stretch between two names (trimmed), joins them into one
    /// list (`grammar.list_joiners`, compared ASCII case aside).
    pub fn joins_list(&self, gap: &str) -> bool {
        self.list_joiners.iter().any(|j| j.eq_ignore_ascii_case(gap))
    }
}

/// Collects problems and locates spans while a pack compiles.
struct Checker<'a> {
    file: &'a str,
    locator: Locator<'a>,
    problems: Vec<LexiconProblem>,
    /// Forms seen per section: folded form → where first seen.
    seen: HashMap<(String, String), Location>,
    /// The pack's letter folds, applied to every form.
    folds: Vec<(char, char)>,
}

impl<'a> Checker<'a> {
    fn at_span<T>(&mut self, s: &Spanned<T>) -> Location {
        self.locator.at(s.span().start)
    }

    /// The party ids of a list, parsed (a malformed one is a problem), each noted in `refs`
    /// with where it stands, to be checked against the dataset.
    fn party_ids(
        &mut self,
        ids: &[Spanned<String>],
        refs: &mut Vec<(String, Location)>,
    ) -> Vec<crate::id::PartyId> {
        let mut out = Vec::with_capacity(ids.len());
        for s in ids {
            let at = self.at_span(s);
            match s.get_ref().parse::<crate::id::PartyId>() {
                Ok(id) => {
                    refs.push((s.get_ref().clone(), at));
                    out.push(id);
                }
                Err(e) => {
                    self.problems.push(LexiconProblem::Schema { at, message: format!("party id: {e}") })
                }
            }
        }
        out
    }

    /// The forms of one list, checked: not empty, not repeated within `section`.
    fn forms(&mut self, section: &str, forms: &[Form]) -> Vec<String> {
        let mut out = Vec::with_capacity(forms.len());
        for f in forms {
            let text = f.get_ref().trim();
            let at = self.at_span(f);
            if text.trim_end_matches('*').trim().is_empty() {
                self.problems.push(LexiconProblem::EmptyForm { at, section: section.to_string() });
                continue;
            }
            let key = (section.to_string(), fold(text));
            if let Some(first) = self.seen.get(&key) {
                self.problems.push(LexiconProblem::DuplicateForm {
                    at,
                    form: text.to_string(),
                    section: section.to_string(),
                    first: first.clone(),
                });
                continue;
            }
            self.seen.insert(key, at);
            out.push(fold_letters(text, &self.folds));
        }
        out
    }

    fn set(&mut self, section: &str, forms: &[Form]) -> Phrases<()> {
        let forms = self.forms(section, forms);
        Phrases::new(forms.iter().map(|f| (f.as_str(), ())))
    }

    /// A value of a closed vocabulary, parsed with `FromStr`.
    fn vocab<T: FromStr>(&mut self, what: &str, value: &Spanned<String>, expected: String) -> Option<T> {
        match value.get_ref().parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                let at = self.at_span(value);
                self.problems.push(LexiconProblem::UnknownValue {
                    at,
                    what: what.to_string(),
                    value: value.get_ref().clone(),
                    expected,
                });
                None
            }
        }
    }

    fn out_of_range(&mut self, at: Location, what: &str, value: String, expected: &str) {
        self.problems.push(LexiconProblem::OutOfRange {
            at,
            what: what.to_string(),
            value,
            expected: expected.to_string(),
        });
    }
}

/// `text` with each letter of `folds` replaced (no copy when none applies).
pub(crate) fn fold_letters(text: &str, folds: &[(char, char)]) -> String {
    if folds.is_empty() || !text.chars().any(|ch| folds.iter().any(|(a, _)| *a == ch)) {
        return text.to_string();
    }
    text.chars().map(|ch| folds.iter().find(|(a, _)| *a == ch).map_or(ch, |(_, b)| *b)).collect()
}

/// The values of a closed vocabulary, for messages.
fn names<T: strum::IntoEnumIterator + std::fmt::Display>() -> String {
    T::iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
}

/// The values of one of the crate's public closed vocabularies, for messages.
fn closed_names<T: crate::vocabulary::Closed + std::fmt::Display>() -> String {
    T::all().iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
}

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Compiles a pack, or returns every problem found.
pub(crate) fn compile(file: &str, text: &str, raw: schema::File) -> Result<Pack, Vec<LexiconProblem>> {
    let mut c = Checker {
        file,
        locator: Locator::new(file, text),
        problems: Vec::new(),
        seen: HashMap::new(),
        folds: Vec::new(),
    };
    // Letter folds first: every form after is read with them.
    for f in &raw.text.fold {
        let pair: Vec<Vec<char>> = f.get_ref().iter().map(|s| s.chars().collect()).collect();
        match pair.as_slice() {
            [from, to] if from.len() == 1 && to.len() == 1 => {
                if let (Some(&a), Some(&b)) = (from.first(), to.first()) {
                    c.folds.push((a, b));
                }
            }
            _ => {
                let at = c.at_span(f);
                c.problems.push(LexiconProblem::Schema {
                    at,
                    message: "a letter fold is [\"letter\", \"letter it is read as\"]".into(),
                });
            }
        }
    }
    let mut terms: Vec<TermForm> = Vec::new();
    let mut add_terms = |forms: Vec<String>, term: Term| {
        terms.extend(forms.into_iter().map(|form| TermForm { form, term: term.clone() }));
    };
    let mut party_refs = Vec::new();

    // language
    let lang = &raw.language;
    let id = lang.id.get_ref().trim().to_string();
    if id.is_empty() || !id.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-') || id.len() > 12 {
        let at = c.at_span(&lang.id);
        c.problems.push(LexiconProblem::Schema {
            at,
            message: format!("language id \"{id}\" must be a lower-case code such as \"en\" or \"ja\""),
        });
    }
    let mut scripts = Vec::new();
    for s in &lang.scripts {
        if let Some(script) = c.vocab::<Script>("script", s, names::<Script>()) {
            scripts.push(script);
        }
    }
    if scripts.is_empty() {
        let at = c.at_span(&lang.name);
        c.problems
            .push(LexiconProblem::Schema { at, message: "a language needs at least one script".into() });
    }

    // text
    let sentence_ends = c.forms("text.sentence_ends", &raw.text.sentence_ends);
    let abbreviations = c.set("text.abbreviations", &raw.text.abbreviations);
    let mut quotes = Vec::new();
    for q in &raw.text.quotes {
        match q.get_ref().as_slice() {
            [open, close] if !open.is_empty() && !close.is_empty() => {
                quotes.push((open.clone(), close.clone()))
            }
            _ => {
                let at = c.at_span(q);
                c.problems.push(LexiconProblem::Schema {
                    at,
                    message: "a quote pair is [\"opening mark\", \"closing mark\"]".into(),
                });
            }
        }
    }

    // dates
    let d = &raw.dates;
    let mut date_patterns = Vec::new();
    for p in &d.patterns {
        let at = c.at_span(p);
        match parse_pattern(p.get_ref()) {
            Ok(items) => date_patterns.push(DatePattern { items }),
            Err(message) => {
                c.problems.push(LexiconProblem::BadPattern { at, pattern: p.get_ref().clone(), message })
            }
        }
    }
    for m in &d.month {
        let entry = m.get_ref();
        if !(1..=12).contains(&entry.value) {
            let at = c.at_span(m);
            c.out_of_range(at, "month", entry.value.to_string(), "1 to 12");
            continue;
        }
        let forms = c.forms("dates.month", &entry.forms);
        add_terms(
            forms,
            Term::Month { value: entry.value, ambiguous: entry.ambiguous, qualifier: entry.qualifier },
        );
    }
    for w in &d.weekday {
        let entry = w.get_ref();
        let value = entry.value.get_ref().to_ascii_lowercase();
        let Some(day) = WEEKDAYS.iter().position(|x| *x == value) else {
            let at = c.at_span(&entry.value);
            c.problems.push(LexiconProblem::UnknownValue {
                at,
                what: "weekday".into(),
                value,
                expected: WEEKDAYS.join(", "),
            });
            continue;
        };
        let day = chrono::Weekday::try_from(u8::try_from(day).unwrap_or(0)).unwrap_or(chrono::Weekday::Mon);
        let forms = c.forms("dates.weekday", &entry.forms);
        for f in forms {
            // Abbreviations ("Fri", "Sun") are weekdays only inside a full date.
            let ambiguous = f.chars().count() <= 4 && f.is_ascii();
            add_terms(vec![f], Term::Weekday { day, ambiguous });
        }
    }
    let mut time_units = Phrases::default();
    for u in &d.unit {
        let entry = u.get_ref();
        let Some(unit) = c.vocab::<TimeUnit>("time unit", &entry.unit, names::<TimeUnit>()) else { continue };
        if unit == TimeUnit::Same {
            let at = c.at_span(u);
            c.out_of_range(
                at,
                "unit",
                "same".to_string(),
                "a unit that counts (day, week, weekend, month, year)",
            );
            continue;
        }
        for f in c.forms("dates.unit", &entry.forms) {
            time_units.add(&f, unit);
        }
    }
    for s in &d.shift {
        let entry = s.get_ref();
        if entry.sign != 1 && entry.sign != -1 {
            let at = c.at_span(s);
            c.out_of_range(at, "sign", entry.sign.to_string(), "1 or -1");
            continue;
        }
        let from = match &entry.from {
            Some(f) => c.vocab::<Anchor>("anchor", f, names::<Anchor>()),
            None => Some(Anchor::Publication),
        };
        let Some(from) = from else { continue };
        // (The opening forms first: a word of both, «спустя», is tried as the opening of
        // «спустя три дня» before the end of «три дня спустя».)
        let forms = c.forms("dates.shift.before", &entry.before);
        add_terms(forms, Term::Shift { sign: entry.sign, from, opens: true });
        let forms = c.forms("dates.shift", &entry.after);
        add_terms(forms, Term::Shift { sign: entry.sign, from, opens: false });
    }
    for r in &d.relative {
        let entry = r.get_ref();
        let Some(unit) = c.vocab::<TimeUnit>("time unit", &entry.unit, names::<TimeUnit>()) else { continue };
        let from = match &entry.from {
            Some(f) => c.vocab::<Anchor>("anchor", f, names::<Anchor>()),
            None => Some(Anchor::Publication),
        };
        let Some(from) = from else { continue };
        if unit == TimeUnit::Same && (entry.offset != 0 || from == Anchor::Publication) {
            let at = c.at_span(r);
            c.out_of_range(
                at,
                "unit",
                "same".to_string(),
                "offset 0, counted from another date (from = \"previous\" or \"next\")",
            );
            continue;
        }
        let forms = c.forms("dates.relative", &entry.forms);
        add_terms(
            forms,
            Term::Relative {
                unit,
                offset: entry.offset,
                from,
                before_subject: entry.before_subject,
                counted: entry.counted,
            },
        );
    }
    let mut anniversary_of = Phrases::default();
    let mut anniversary_links = Phrases::default();
    let mut anniversary_object_before = false;
    let mut anniversary_year_before = Phrases::default();
    let mut anniversary_year_after = Phrases::default();
    if let Some(a) = &d.anniversary {
        let forms = c.forms("dates.anniversary", &a.forms);
        add_terms(forms, Term::Anniversary);
        anniversary_of = c.set("dates.anniversary.of", &a.of);
        anniversary_links = c.set("dates.anniversary.links", &a.links);
        anniversary_year_before = c.set("dates.anniversary.year_before", &a.year_before);
        anniversary_year_after = c.set("dates.anniversary.year_after", &a.year_after);
        anniversary_object_before = a.object_before;
    }
    for n in &d.named {
        let entry = n.get_ref();
        match entry.date.get_ref().parse::<PartialDate>() {
            Ok(date) => {
                let forms = c.forms("dates.named", &entry.forms);
                add_terms(forms, Term::NamedDate(date));
            }
            Err(e) => {
                let at = c.at_span(&entry.date);
                c.problems.push(LexiconProblem::Schema { at, message: format!("invalid date: {e}") });
            }
        }
    }
    for e in &d.era {
        let entry = e.get_ref();
        if !(1000..=2200).contains(&entry.first_year) {
            let at = c.at_span(e);
            c.out_of_range(at, "first_year", entry.first_year.to_string(), "1000 to 2200");
            continue;
        }
        let forms = c.forms("dates.era", &entry.forms);
        add_terms(forms, Term::Era { first_year: entry.first_year });
    }
    let day_suffixes = c.set("dates.day_suffixes", &d.day_suffixes);
    let era_first_year = c.set("dates.era_first_year", &d.era_first_year);
    let unread_year_ends = c.set("dates.unread_year_ends", &d.unread_year_ends);
    let decade_suffixes = c.set("dates.decade_suffixes", &d.decade_suffixes);
    let bounds = c.set("dates.bounds", &d.bounds);
    let bounds_after = c.set("dates.bounds_after", &d.bounds_after);
    let period_starts = c.set("dates.period_starts", &d.period_starts);
    let future = c.set("dates.future", &d.future);
    let future_right_before = c.set("dates.future_right_before", &d.future_right_before);
    let future_over = c.set("dates.future_over", &d.future_over);
    let future_after = c.set("dates.future_after", &d.future_after);
    let deictic = c.set("dates.deictic", &d.deictic);
    let story_deictic = c.set("dates.story_deictic", &d.story_deictic);
    let story_connectives = c.set("dates.story_connectives", &d.story_connectives);
    let anterior = c.set("dates.anterior", &d.anterior);
    let following_day = c.set("dates.following_day", &d.following_day);
    let shift_from_previous = c.set("dates.shift_from_previous", &d.shift_from_previous);
    let approximate = c.set("dates.approximate", &d.approximate);
    let year_not_before = c.set("dates.year_not_before", &d.year_not_before);
    let short_year_alone = c.set("dates.short_year_alone", &d.short_year_alone);
    let year_name_joiners = c.set("dates.year_name_joiners", &d.year_name_joiners);
    let month_year_links = c.set("dates.month_year_links", &d.month_year_links);
    let labels = c.set("dates.labels", &d.labels);
    let month_context = c.set("dates.month_context", &d.month_context);

    // numbers
    let n = &raw.numbers;
    let decimal = c.forms("numbers.decimal", &n.decimal);
    // A group mark may be a space ("3 500"; a no-break space reads as one): kept as a
    // single space, which the trimming of other forms would empty.
    let (spaces, marks): (Vec<&Form>, Vec<&Form>) =
        n.group.iter().partition(|f| !f.get_ref().is_empty() && f.get_ref().trim().is_empty());
    let marks: Vec<Form> = marks.into_iter().cloned().collect();
    let mut group = c.forms("numbers.group", &marks);
    if !spaces.is_empty() {
        group.push(" ".to_string());
    }
    let percent = c.set("numbers.percent", &n.percent);
    for w in &n.word {
        let entry = w.get_ref();
        let kind = match &entry.kind {
            Some(k) => c.vocab::<NumberKind>("number kind", k, names::<NumberKind>()),
            None => Some(NumberKind::Unit),
        };
        let Some(kind) = kind else { continue };
        if !(entry.value.is_finite() && entry.value >= 0.0) {
            let at = c.at_span(w);
            c.out_of_range(at, "number", entry.value.to_string(), "a finite number, 0 or more");
            continue;
        }
        let forms = c.forms("numbers.word", &entry.forms);
        add_terms(forms, Term::Number { value: entry.value, kind });
    }
    let indefinite = match &n.indefinite {
        Some(l) => c.set("numbers.indefinite", &l.forms),
        None => Phrases::default(),
    };
    for f in &n.fraction {
        let entry = f.get_ref();
        if !(entry.value > 0.0 && entry.value <= 100.0) {
            let at = c.at_span(f);
            c.out_of_range(
                at,
                "fraction",
                entry.value.to_string(),
                "a share in percent, above 0 and at most 100",
            );
            continue;
        }
        let forms = c.forms("numbers.fraction", &entry.forms);
        add_terms(forms, Term::Fraction(entry.value));
    }
    let mut ordinals = Phrases::default();
    for o in &n.ordinal {
        let entry = o.get_ref();
        for f in c.forms("numbers.ordinal", &entry.forms) {
            ordinals.add(&f, entry.value);
        }
    }
    let ordinal_suffixes = c.set("numbers.ordinal_suffixes", &n.ordinal_suffixes);
    let ordinal_prefixes = c.set("numbers.ordinal_prefixes", &n.ordinal_prefixes);

    // figures
    let f = &raw.figures;
    let figure_context = c.set("figures.context", &f.context);
    let filler = c.set("figures.filler", &f.filler);
    let figure_not_after = c.set("figures.not_after", &f.not_after);
    let figure_not_before = c.set("figures.not_before", &f.not_before);
    let figure_ages = c.set("figures.ages", &f.ages);
    let mut figure_units = Phrases::default();
    for u in &f.unit {
        let entry = u.get_ref();
        let Some(unit) = c.vocab::<FigureUnit>("figure unit", &entry.unit, closed_names::<FigureUnit>())
        else {
            continue;
        };
        for form in c.forms("figures.unit", &entry.forms) {
            figure_units.add(&form, unit);
        }
    }
    for a in &f.amount {
        let entry = a.get_ref();
        let Some(unit) = c.vocab::<FigureUnit>("figure unit", &entry.unit, closed_names::<FigureUnit>())
        else {
            continue;
        };
        if !(entry.value.is_finite() && entry.value > 0.0) {
            let at = c.at_span(a);
            c.out_of_range(at, "amount", entry.value.to_string(), "a finite number above 0");
            continue;
        }
        let forms = c.forms("figures.amount", &entry.forms);
        add_terms(forms, Term::Amount { value: entry.value, unit });
    }
    let counted = match &f.counted {
        Some(l) => c.set("figures.counted", &l.forms),
        None => Phrases::default(),
    };

    // people
    let p = &raw.people;
    let former = c.set("people.former", &p.former);
    let title_prefixes = c.set("people.title_prefixes", &p.title_prefixes);
    let affiliations = c.set("people.affiliations", &p.affiliations);
    let speech = c.forms("people.speech", &p.speech);
    add_terms(speech, Term::Speech { after: false });
    let speech_after = c.forms("people.speech_after", &p.speech_after);
    add_terms(speech_after, Term::Speech { after: true });
    let pronouns = c.set("people.pronouns", &p.pronouns);
    let reporters = c.set("people.reporters", &p.reporters);
    let addressee_markers = c.set("people.addressee_markers", &p.addressee_markers);
    let speech_impersonal = c.set("people.speech_impersonal", &p.speech_impersonal);
    let seat_nouns = c.set("people.seat_nouns", &p.seat_nouns);
    let body_nouns = c.set("people.body_nouns", &p.body_nouns);
    let speech_anaphors = c.set("people.speech_anaphors", &p.speech_anaphors);
    let transcript_heads = c.set("people.transcript_heads", &p.transcript_heads);
    let field_after = c.set("people.field_after", &p.field_after);
    let field_before = c.set("people.field_before", &p.field_before);
    let interviewee_after = c.set("people.interviewee_after", &p.interviewee_after);
    let question_marks = c.set("people.question_marks", &p.question_marks);
    let object_pronouns = c.set("people.object_pronouns", &p.object_pronouns);
    let not_names = c.forms("people.not_names", &p.not_names).into_iter().collect();
    let given_names = c.set("people.given_names", &p.given_names);
    let byline_forms = c.forms("people.byline", &p.byline);
    let byline = Phrases::new(byline_forms.iter().map(|f| (f.as_str(), ())));
    add_terms(byline_forms, Term::Byline);
    let title_complements = c.set("people.title_complements", &p.title_complements);
    let articles = c.set("people.articles", &p.articles);
    let honorifics = c.set("people.honorifics", &p.honorifics);
    let credit_marks = c.forms("people.credit_marks", &p.credit_marks);
    let mut name_forms = Vec::new();
    for (k, f) in p.name_forms.iter().enumerate() {
        let entry = f.get_ref();
        let parties = c.party_ids(&entry.parties, &mut party_refs);
        let section = format!("people.name_forms[{k}]");
        let surname_endings = c.forms(&format!("{section}.surname_endings"), &entry.surname_endings);
        let mut syllables = c.forms(&format!("{section}.syllables"), &entry.syllables);
        // Longest first: the split tries "sha" before "s".
        syllables.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let scripts = entry
            .scripts
            .iter()
            .filter_map(|s| c.vocab::<Script>(&format!("{section}.scripts"), s, names::<Script>()))
            .collect();
        name_forms.push(NameForm { parties, surname_endings, syllables, scripts });
    }
    for t in &p.title {
        let entry = t.get_ref();
        let party = entry.party.as_ref().map(|s| {
            let at = c.at_span(s);
            party_refs.push((s.get_ref().clone(), at));
            s.get_ref().parse::<crate::id::PartyId>().ok()
        });
        let forms = c.forms("people.title", &entry.forms);
        add_terms(
            forms,
            Term::Title {
                office: entry.office,
                party: party.flatten(),
                roles: entry.roles.clone().into_boxed_slice(),
            },
        );
    }
    let mut roles = Phrases::default();
    for r in &p.role {
        let entry = r.get_ref();
        for form in c.forms("people.role", &entry.forms) {
            roles.add(&form, entry.office);
        }
    }

    // parties
    let q = &raw.parties;
    let locative = c.set("parties.locative", &q.locative);
    let locative_after = c.set("parties.locative_after", &q.locative_after);
    let organisation_suffixes = c.set("parties.organisation_suffixes", &q.organisation_suffixes);
    let name_prefixes = c.set("parties.name_prefixes", &q.name_prefixes);
    let city_nouns = c.set("parties.city_nouns", &q.city_nouns);
    let state_nouns = c.set("parties.state_nouns", &q.state_nouns);
    let state_noun_modifiers = c.set("parties.state_noun_modifiers", &q.state_noun_modifiers);
    let venue = c.set("parties.venue", &q.venue);
    let venue_nouns = c.set("parties.venue_nouns", &q.venue_nouns);
    let media = c.set("parties.media", &q.media);
    let media_nouns = c.set("parties.media_nouns", &q.media_nouns);
    let both_sides = c.set("parties.both_sides", &q.both_sides);
    let plural_pronouns = c.set("parties.plural_pronouns", &q.plural_pronouns);
    for w in &q.words {
        let entry = w.get_ref();
        let parties = c.party_ids(&entry.parties, &mut party_refs);
        let form = match &entry.form {
            Some(s) => c.vocab::<PartyForm>("party form", s, closed_names::<PartyForm>()),
            None => Some(PartyForm::Name),
        };
        let Some(form) = form else { continue };
        let forms = c.forms("parties.words", &entry.forms);
        add_terms(forms, Term::Party(PartyWord { parties, form, host: entry.host, anaphor: false }));
    }
    let anaphor = PartyWord { parties: Vec::new(), form: PartyForm::Name, host: false, anaphor: true };
    add_terms(c.forms("parties.anaphors", &q.anaphors), Term::Party(anaphor));

    // agreements
    let a = &raw.agreements;
    let determiners = c.set("agreements.determiners", &a.determiners);
    let plain_determiners = c.set("agreements.plain_determiners", &a.plain_determiners);
    let name_joiners = c.set("agreements.name_joiners", &a.name_joiners);
    let signed = c.set("agreements.signed", &a.signed);
    let agree_verbs = c.set("agreements.agree_verbs", &a.agree_verbs);
    let agreement_terms = c.set("agreements.terms", &a.terms);
    let agreement_documents = c.set("agreements.documents", &a.documents);
    let agreement_parts = c.set("agreements.parts", &a.parts);
    let agreement_pronouns = c.set("agreements.pronouns", &a.pronouns);
    let bare_heads = c.set("agreements.bare_heads", &a.bare_heads);
    let year_links = c.set("agreements.year_links", &a.year_links);
    let stipulates = c.set("agreements.stipulates", &a.stipulates);
    let agreement_places = !a.place.is_empty();
    for p in &a.place {
        let entry = p.get_ref();
        let forms = c.forms("agreements.place", &entry.forms);
        add_terms(forms, Term::AgreementPlace(entry.place.get_ref().as_str().into()));
    }
    for h in &a.head {
        let entry = h.get_ref();
        let kind = match &entry.kind {
            Some(k) => match c.vocab::<AgreementKind>("agreement kind", k, closed_names::<AgreementKind>()) {
                Some(k) => Some(k),
                None => continue,
            },
            None => None,
        };
        let forms = c.forms("agreements.head", &entry.forms);
        add_terms(forms, Term::AgreementHead(kind));
    }

    // events
    let e = &raw.events;
    let lead_verbs = c.set("events.lead_verbs", &e.lead_verbs);
    let auxiliaries = c.set("events.auxiliaries", &e.auxiliaries);
    let mut event_kinds = Phrases::default();
    for k in &e.kind {
        let entry = k.get_ref();
        let Some(kind) = c.vocab::<EventKind>("event kind", &entry.kind, closed_names::<EventKind>()) else {
            continue;
        };
        for form in c.forms("events.kind", &entry.forms) {
            event_kinds.add(&form, kind);
        }
    }
    let mut polled = Phrases::default();
    for p in &e.polled {
        let entry = p.get_ref();
        let Some(party) = c.party_ids(std::slice::from_ref(&entry.party), &mut party_refs).pop() else {
            continue;
        };
        for form in c.forms("events.polled", &entry.forms) {
            polled.add(&form, party.clone());
        }
    }

    // grammar
    let g = &raw.grammar;
    let negators = c.set("grammar.negators", &g.negators);
    let negators_after = c.set("grammar.negators_after", &g.negators_after);
    let not_negators = c.set("grammar.not_negators", &g.not_negators);
    let subject_negators = c.set("grammar.subject_negators", &g.subject_negators);
    let speech_follows = c.set("grammar.speech_follows", &g.speech_follows);
    let passive = c.set("grammar.passive", &g.passive);
    let possessor_links = c.set("grammar.possessor_links", &g.possessor_links);
    let partitive_links = c.set("grammar.partitive_links", &g.partitive_links);
    let naming_verbs = c.set("grammar.naming_verbs", &g.naming_verbs);
    let agent = c.set("grammar.agent", &g.agent);
    let possessive_suffixes = c.set("grammar.possessive_suffixes", &g.possessive_suffixes);
    let possessive_determiners = c.set("grammar.possessive_determiners", &g.possessive_determiners);
    let first_person = c.set("grammar.first_person", &g.first_person);
    let subject_pronouns = c.set("grammar.subject_pronouns", &g.subject_pronouns);
    let must = c.set("grammar.must", &g.must);
    let must_after = c.set("grammar.must_after", &g.must_after);
    let denials_after = c.set("grammar.denials_after", &g.denials_after);
    let perception = c.set("grammar.perception", &g.perception);
    let conditions_after = c.set("grammar.conditions_after", &g.conditions_after);
    let conditions = c.set("grammar.conditions", &g.conditions);
    let complementizers = c.set("grammar.complementizers", &g.complementizers);
    let gerund_openers = c.set("grammar.gerund_openers", &g.gerund_openers);
    let gerund_endings: Vec<String> = g.gerund_endings.iter().map(|e| e.to_lowercase()).collect();
    let subordinators = c.set("grammar.subordinators", &g.subordinators);
    let coordinators = c.set("grammar.coordinators", &g.coordinators);
    let list_joiners =
        c.forms("grammar.list_joiners", &g.list_joiners).iter().map(|f| f.to_lowercase()).collect();
    let contrasts = c.set("grammar.contrasts", &g.contrasts);
    let relatives = c.set("grammar.relatives", &g.relatives);
    let asides = c.set("grammar.asides", &g.asides);
    let object_prepositions = c.set("grammar.object_prepositions", &g.object_prepositions);
    let questions = c.set("grammar.questions", &g.questions);
    let indirect_questions = c.set("grammar.indirect_questions", &g.indirect_questions);
    let hedges = c.set("grammar.hedges", &g.hedges);
    let subject_markers = c.set("grammar.subject_markers", &g.subject_markers);
    let topic_markers = c.set("grammar.topic_markers", &g.topic_markers);
    let object_markers = c.set("grammar.object_markers", &g.object_markers);
    let possessive_markers = c.set("grammar.possessive_markers", &g.possessive_markers);

    // stance
    let s = &raw.stance;
    let territory_nouns = c.set("stance.territory_nouns", &s.territory_nouns);
    let exclusions = c.set("stance.exclusions", &s.exclusions);
    let dispute_nouns = c.set("stance.dispute_nouns", &s.dispute_nouns);
    let territory_pronouns = c.set("stance.territory_pronouns", &s.territory_pronouns);
    let recipient_markers = c.set("stance.recipient_markers", &s.recipient_markers);
    let recipient_particles = c.set("stance.recipient_particles", &s.recipient_particles);
    let partitive_after = c.set("stance.partitive_after", &s.partitive_after);
    let territory_context = c.set("stance.context", &s.context);
    let charges = c.set("stance.charges", &s.charges);
    let prerequisites = c.set("stance.prerequisites", &s.prerequisites);
    let issues = c.set("stance.issues", &s.issues);
    let discussed_after = c.set("stance.discussed_after", &s.discussed_after);
    let discussed_before = c.set("stance.discussed_before", &s.discussed_before);
    let ongoing = c.set("stance.ongoing", &s.ongoing);
    let narrative_past = c.set("stance.narrative_past", &s.narrative_past);
    let narrative_progressive = c.set("stance.narrative_progressive", &s.narrative_progressive);
    let progressive_endings = c.forms("stance.progressive_endings", &s.progressive_endings);
    let past_endings = c.forms("stance.past_endings", &s.past_endings);
    let present_auxiliaries = c.set("stance.present_auxiliaries", &s.present_auxiliaries);
    let talked_about = c.set("stance.talked_about", &s.talked_about);
    let support = c.set("stance.support", &s.support);
    let laws = c.set("stance.laws", &s.laws);
    let content_links = c.set("stance.content_links", &s.content_links);
    let content_copulas = c.set("stance.content_copulas", &s.content_copulas);
    let viewpoints = c.set("stance.viewpoints", &s.viewpoints);
    let viewpoints_after = c.set("stance.viewpoints_after", &s.viewpoints_after);
    let mut extents = Phrases::default();
    for x in &s.extent {
        let entry = x.get_ref();
        let Some(extent) = c.vocab::<Extent>("extent", &entry.extent, names::<Extent>()) else { continue };
        for form in c.forms("stance.extent", &entry.forms) {
            extents.add(&form, extent);
        }
    }
    let mut concepts_on_land = Phrases::default();
    let mut verbs_before_islands = Phrases::default();
    let mut concepts_prohibited = Phrases::default();
    for k in &s.concept {
        let entry = k.get_ref();
        let Some(formula) = c.vocab::<FormulaId>("formula", &entry.formula, closed_names::<FormulaId>())
        else {
            continue;
        };
        let forms = c.forms("stance.concept", &entry.forms);
        if entry.on_land {
            for f in &forms {
                concepts_on_land.add(f, ());
            }
        }
        if entry.prohibited {
            for f in &forms {
                concepts_prohibited.add(f, ());
            }
        }
        add_terms(forms, Term::Concept(formula));
    }
    for fr in &s.frame {
        let entry = fr.get_ref();
        let Some(means) = c.vocab::<Means>("frame meaning", &entry.means, names::<Means>()) else { continue };
        // A form may carry several meanings (one per frame); not twice the same.
        let verbs = c.forms(&format!("stance.frame.{means}.verbs"), &entry.verbs);
        add_terms(verbs, Term::Predicate { means, nominal: false });
        let bare =
            c.forms(&format!("stance.frame.{means}.verbs_before_islands"), &entry.verbs_before_islands);
        for f in &bare {
            verbs_before_islands.add(f, ());
        }
        add_terms(bare, Term::Predicate { means, nominal: false });
        let nouns = c.forms(&format!("stance.frame.{means}.nouns"), &entry.nouns);
        add_terms(nouns, Term::Predicate { means, nominal: true });
    }

    // inflection
    let mut paradigms = Vec::new();
    for p in &raw.inflection.paradigm {
        let entry = p.get_ref();
        // "noun" or "adjective": which words a paradigm is for is said by its ending; the
        // target is checked and documents the table.
        if let Some(a) = &entry.applies_to
            && !matches!(a.get_ref().as_str(), "noun" | "adjective")
        {
            let at = c.at_span(a);
            c.problems.push(LexiconProblem::UnknownValue {
                at,
                what: "paradigm target".into(),
                value: a.get_ref().clone(),
                expected: "noun, adjective".into(),
            });
            continue;
        }
        let forms: Vec<String> =
            entry.forms.iter().map(|f| fold_letters(f.get_ref().trim(), &c.folds)).collect();
        let also: Vec<String> =
            entry.also.iter().map(|f| fold_letters(f.get_ref().trim(), &c.folds)).collect();
        paradigms.push(Paradigm {
            also,
            ending: fold_letters(entry.ending.get_ref(), &c.folds),
            after: entry.after.as_ref().map(|a| a.get_ref().chars().collect()).unwrap_or_default(),
            forms,
        });
    }

    // The recipient's case: one of the paradigms' forms.
    let widest = paradigms.iter().map(|p| p.forms.len()).max().unwrap_or(0);
    let recipient_case = match &raw.stance.recipient_case {
        Some(k) if (1..=widest).contains(k.get_ref()) => Some(k.get_ref() - 1),
        Some(k) => {
            let at = c.at_span(k);
            c.problems.push(LexiconProblem::Schema {
                at,
                message: format!(
                    "stance.recipient_case {} is not one of the inflection paradigms' forms (1 to {widest})",
                    k.get_ref()
                ),
            });
            None
        }
        None => None,
    };

    // The reader matches the forms written in ASCII alone at the starts of words: one that
    // opens with a mark ('"draw"') would never be found there.
    for t in terms
        .iter()
        .filter(|t| t.form.is_ascii() && !t.form.starts_with(|ch: char| ch.is_ascii_alphanumeric()))
    {
        let folded = fold(&t.form);
        let at = c.seen.iter().filter(|((_, f), _)| *f == folded).map(|(_, at)| at.clone()).min();
        if let Some(at) = at {
            c.problems.push(LexiconProblem::Schema {
                at,
                message: format!(
                    "the form \"{}\" opens with a mark: a form written in ASCII opens with a letter or a digit (write 'a \"draw\"', not '\"draw\"')",
                    t.form
                ),
            });
        }
    }
    let _ = c.file;
    if !c.problems.is_empty() {
        let mut problems = c.problems;
        problems.sort_by(|a, b| a.location().cmp(&b.location()));
        return Err(problems);
    }
    Ok(Pack {
        id,
        name: lang.name.get_ref().clone(),
        scripts,
        spaced: lang.spaced,
        terms,
        sentence_ends,
        abbreviations,
        quotes,
        date_patterns,
        day_suffixes,
        era_first_year,
        unread_year_ends,
        decade_suffixes,
        bounds,
        bounds_after,
        period_starts,
        future,
        future_right_before,
        future_over,
        future_after,
        deictic,
        story_deictic,
        story_connectives,
        anterior,
        following_day,
        shift_from_previous,
        approximate,
        year_not_before,
        short_year_alone,
        year_name_joiners,
        month_year_links,
        labels,
        month_context,
        time_units,
        anniversary_of,
        anniversary_object_before,
        anniversary_links,
        anniversary_year_before,
        anniversary_year_after,
        decimal,
        group,
        percent,
        indefinite,
        ordinals,
        ordinal_suffixes,
        ordinal_prefixes,
        figure_context,
        filler,
        figure_not_after,
        figure_not_before,
        figure_ages,
        figure_units,
        counted,
        former,
        title_prefixes,
        affiliations,
        pronouns,
        reporters,
        addressee_markers,
        speech_impersonal,
        seat_nouns,
        body_nouns,
        speech_anaphors,
        transcript_heads,
        field_after,
        field_before,
        interviewee_after,
        question_marks,
        object_pronouns,
        not_names,
        given_names,
        initials_open: p.initials_open,
        name_forms,
        byline,
        title_complements,
        articles,
        titles_follow_names: p.titles_follow_names,
        honorifics,
        credit_marks,
        roles,
        locative,
        locative_after,
        organisation_suffixes,
        name_prefixes,
        city_nouns,
        state_nouns,
        state_noun_modifiers,
        venue,
        venue_nouns,
        media,
        media_nouns,
        both_sides,
        plural_pronouns,
        both_sides_reach: q.both_sides_reach,
        determiners,
        plain_determiners,
        name_joiners,
        signed,
        agree_verbs,
        agreement_terms,
        agreement_documents,
        agreement_parts,
        agreement_pronouns,
        bare_heads,
        year_links,
        stipulates,
        agreement_places,
        lead_verbs,
        auxiliaries,
        event_kinds,
        negators,
        negators_after,
        not_negators,
        subject_negators,
        speech_follows,
        polled,
        passive,
        agent,
        possessive_suffixes,
        possessive_determiners,
        first_person,
        subject_pronouns,
        must,
        must_after,
        denials_after,
        perception,
        conditions,
        conditions_after,
        complementizers,
        gerund_openers,
        gerund_endings,
        subordinators,
        coordinators,
        list_joiners,
        contrasts,
        relatives,
        asides,
        object_prepositions,
        questions,
        indirect_questions,
        hedges,
        verb_final: g.verb_final,
        subject_markers,
        topic_markers,
        object_markers,
        possessive_markers,
        territory_nouns,
        exclusions,
        dispute_nouns,
        territory_pronouns,
        recipient_markers,
        recipient_particles,
        recipient_case,
        partitive_after,
        territory_context,
        charges,
        prerequisites,
        issues,
        discussed_after,
        discussed_before,
        ongoing,
        narrative_past,
        narrative_progressive,
        progressive_endings,
        past_endings,
        present_auxiliaries,
        talked_about,
        support,
        laws,
        content_links,
        content_copulas,
        viewpoints,
        viewpoints_after,
        concepts_on_land,
        verbs_before_islands,
        concepts_prohibited,
        extents,
        paradigms,
        subject_after_verb: raw.grammar.subject_after_verb,
        possessor_follows: raw.grammar.possessor_follows,
        possessor_links,
        partitive_links,
        naming_verbs,
        quoted_leads: raw.events.quoted_leads,
        folds: c.folds,
        party_refs,
    })
}

/// Parses a date pattern: `{slot}`s, spaces (any run of whitespace) and literal characters.
pub(crate) fn parse_pattern(pattern: &str) -> Result<Vec<DateItem>, String> {
    let mut items = Vec::new();
    let mut rest = pattern;
    let mut literal = String::new();
    let flush = |literal: &mut String, items: &mut Vec<DateItem>| {
        if !literal.is_empty() {
            items.push(DateItem::Literal(std::mem::take(literal).to_lowercase()));
        }
    };
    while let Some(c) = rest.chars().next() {
        if c == '{' {
            let Some(close) = rest.find('}') else { return Err("a \"{\" without its \"}\"".into()) };
            let slot = rest.get(1..close).unwrap_or_default();
            flush(&mut literal, &mut items);
            items.push(match slot {
                "year" => DateItem::Year,
                "yy" => DateItem::ShortYear,
                "month" => DateItem::Month,
                "month#" => DateItem::MonthNumber,
                "day" => DateItem::Day,
                "weekday" => DateItem::Weekday,
                "era" => DateItem::Era,
                "era-year" => DateItem::EraYear,
                other => {
                    return Err(format!(
                        "unknown slot {{{other}}} (slots: {{year}}, {{yy}}, {{month}}, {{month#}}, {{day}}, {{weekday}}, {{era}}, {{era-year}})"
                    ));
                }
            });
            rest = rest.get(close + 1..).unwrap_or_default();
        } else if c.is_whitespace() {
            flush(&mut literal, &mut items);
            if items.last() != Some(&DateItem::Space) {
                items.push(DateItem::Space);
            }
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        } else {
            literal.push(c);
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
    }
    flush(&mut literal, &mut items);
    let slots = items.iter().filter(|i| !matches!(i, DateItem::Space | DateItem::Literal(_))).count();
    if slots == 0 {
        return Err("no slot".into());
    }
    if matches!(items.first(), Some(DateItem::Space | DateItem::Literal(_))) {
        return Err("a pattern starts with a slot".into());
    }
    if items.contains(&DateItem::EraYear) != items.contains(&DateItem::Era) {
        return Err("{era} and {era-year} go together".into());
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_fits_by_its_syllables_or_its_surname_ending() {
        let syllabic = NameForm {
            syllables: [
                "sha", "shi", "ka", "ko", "no", "mi", "ge", "tsu", "ma", "mo", "ru", "ta", "ro", "n", "o",
                "i", "a",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            ..NameForm::default()
        };
        assert!(syllabic.fits("Mamoru Shigemitsu"));
        assert!(syllabic.fits("Taro T. Kono"));
        // A letter outside the syllables, one word alone, a syllable alone.
        assert!(!syllabic.fits("Igor Kono"));
        assert!(!syllabic.fits("Shigemitsu"));
        assert!(!syllabic.fits("A Kono"));
        let ending = NameForm { surname_endings: vec!["ov".into()], ..NameForm::default() };
        assert!(ending.fits("Igor Morgulov"));
        // The ending alone is no surname.
        assert!(!ending.fits("Igor Ov"));
        assert!(!ending.fits("Mamoru Shigemitsu"));
        let scripts = NameForm { scripts: vec![Script::Han, Script::Kana], ..NameForm::default() };
        assert!(scripts.fits("河野洋平"));
        assert!(scripts.fits("松岡キヨ"));
        // Katakana alone (a foreigner's name), one character, another script first.
        assert!(!scripts.fits("ラブロフ"));
        assert!(!scripts.fits("森"));
        assert!(!scripts.fits("キヨ松岡"));
    }

    #[test]
    fn patterns_parse_and_bad_ones_say_why() {
        assert_eq!(
            parse_pattern("{month} {day}, {year}"),
            Ok(vec![
                DateItem::Month,
                DateItem::Space,
                DateItem::Day,
                DateItem::Literal(",".into()),
                DateItem::Space,
                DateItem::Year
            ])
        );
        assert_eq!(
            parse_pattern("{year}年{month#}月"),
            Ok(vec![
                DateItem::Year,
                DateItem::Literal("年".into()),
                DateItem::MonthNumber,
                DateItem::Literal("月".into())
            ])
        );
        assert!(parse_pattern("{fortnight}").unwrap_err().contains("unknown slot"));
        assert!(parse_pattern("on {day").is_err());
        assert!(parse_pattern("of {year}").unwrap_err().contains("starts with a slot"));
    }
}
