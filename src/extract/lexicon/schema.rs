//! The lexicon file as written: serde structs of `data/lexicon/<lang>.toml`, every form
//! kept with its span so that a problem can name its line and column.
//!
//! Every section is optional (a language fills what it needs); unknown fields are errors.

use serde::Deserialize;
use toml::Spanned;

/// A form as written, with where it is.
pub(crate) type Form = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct File {
    pub language: Language,
    #[serde(default)]
    pub text: Text,
    #[serde(default)]
    pub dates: Dates,
    #[serde(default)]
    pub numbers: Numbers,
    #[serde(default)]
    pub figures: Figures,
    #[serde(default)]
    pub people: People,
    #[serde(default)]
    pub parties: Parties,
    #[serde(default)]
    pub agreements: Agreements,
    #[serde(default)]
    pub events: Events,
    #[serde(default)]
    pub grammar: Grammar,
    #[serde(default)]
    pub stance: Stance,
    #[serde(default)]
    pub inflection: Inflection,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Language {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub scripts: Vec<Spanned<String>>,
    #[serde(default = "yes")]
    pub spaced: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Text {
    #[serde(default)]
    pub sentence_ends: Vec<Form>,
    #[serde(default)]
    pub abbreviations: Vec<Form>,
    /// Pairs of opening and closing quotation marks besides `"` (`「」`).
    #[serde(default)]
    pub quotes: Vec<Spanned<Vec<String>>>,
    /// Letters read as another (`["ё", "е"]`): the text, the pack's forms and the names
    /// of the dataset are matched with each letter replaced.
    #[serde(default)]
    pub fold: Vec<Spanned<Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Dates {
    #[serde(default)]
    pub patterns: Vec<Form>,
    #[serde(default)]
    pub day_suffixes: Vec<Form>,
    #[serde(default)]
    pub decade_suffixes: Vec<Form>,
    #[serde(default)]
    pub bounds: Vec<Form>,
    #[serde(default)]
    pub bounds_after: Vec<Form>,
    /// Of the `bounds`, those that open a period's start ("since 2020", «с 2020 года»): a
    /// stance its clause dates by no happening is dated by the start of the period it has
    /// held for.
    #[serde(default)]
    pub period_starts: Vec<Form>,
    #[serde(default)]
    pub future: Vec<Form>,
    /// Right before a date (over a word of `future_over` and a name of up to four
    /// capitalised words), verbs in the present that tell a schedule, as English news
    /// writes it ("leaves Wednesday", "meets Putin on Thursday"): the date is ahead.
    #[serde(default)]
    pub future_right_before: Vec<Form>,
    /// Words right before a date that a verb of `future_right_before` reaches over ("on").
    #[serde(default)]
    pub future_over: Vec<Form>,
    /// In a language whose predicate ends its clause, after a date before its sentence's end:
    /// words that tell a happening ahead (6月の大統領選挙を前に).
    #[serde(default)]
    pub future_after: Vec<Form>,
    #[serde(default)]
    pub deictic: Vec<Form>,
    /// Right before a month, of the `deictic` words, those that point back to the story's
    /// year ("that October"): the month of the year last read, when that is past.
    #[serde(default)]
    pub story_deictic: Vec<Form>,
    /// Right before a day without its month (Japanese 翌 in 翌15日): the next day of that
    /// number after the date last given with its day.
    #[serde(default)]
    pub following_day: Vec<Form>,
    /// Right before the count of a shift counted from publication (Japanese その in
    /// その2週間前): counted from the date last mentioned instead.
    #[serde(default)]
    pub shift_from_previous: Vec<Form>,
    /// Right before a count of units: the count is approximate ("about a week later",
    /// «менее чем через две недели»), no longer to the day.
    #[serde(default)]
    pub approximate: Vec<Form>,
    /// Words opening a paragraph that go on with the story of the paragraph before ("Then",
    /// «Затем», その後): its months without a year are that story's.
    #[serde(default)]
    pub story_connectives: Vec<Form>,
    /// Words of a past before the story's, before a date in its clause ("the pact they had
    /// signed in April 1941"): such a date does not take the paragraph's story to its year.
    #[serde(default)]
    pub anterior: Vec<Form>,
    #[serde(default)]
    pub year_not_before: Vec<Form>,
    #[serde(default)]
    pub short_year_alone: Vec<Form>,
    /// Between a year and the name of the agreement it dates (56年の日ソ共同宣言): a year by
    /// its last two digits before such a name is read.
    #[serde(default)]
    pub year_name_joiners: Vec<Form>,
    /// Between a month and the year it falls in, counted from another date ("March of last
    /// year", 同じ年の12月): the two are one expression.
    #[serde(default)]
    pub month_year_links: Vec<Form>,
    #[serde(default)]
    pub labels: Vec<Form>,
    #[serde(default)]
    pub month_context: Vec<Form>,
    #[serde(default)]
    pub month: Vec<Spanned<Month>>,
    #[serde(default)]
    pub weekday: Vec<Spanned<Weekday>>,
    #[serde(default)]
    pub unit: Vec<Spanned<Unit>>,
    #[serde(default)]
    pub shift: Vec<Spanned<Shift>>,
    #[serde(default)]
    pub relative: Vec<Spanned<Relative>>,
    #[serde(default)]
    pub anniversary: Option<Anniversary>,
    #[serde(default)]
    pub named: Vec<Spanned<Named>>,
    #[serde(default)]
    pub era: Vec<Spanned<Era>>,
    /// The word written for an era's first year in the place of its number (平成元年).
    #[serde(default)]
    pub era_first_year: Vec<Form>,
    /// The end of a year written in a calendar the patterns do not read (安政元年, 嘉永6年:
    /// an era `era` does not list): a month right after it is that calendar's, not dated.
    #[serde(default)]
    pub unread_year_ends: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Month {
    pub value: u32,
    pub forms: Vec<Form>,
    #[serde(default)]
    pub ambiguous: bool,
    /// The month's adjective («декабрьская встреча»): it dates the noun it qualifies, and a
    /// bound before it (с, до) governs that noun, not the date.
    #[serde(default)]
    pub qualifier: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Weekday {
    pub value: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Unit {
    pub unit: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Shift {
    /// Words after the count and its unit ("three days later").
    #[serde(default)]
    pub after: Vec<Form>,
    /// Words before the count and its unit («спустя три дня»; with no count, one:
    /// «через неделю»).
    #[serde(default)]
    pub before: Vec<Form>,
    pub sign: i32,
    #[serde(default)]
    pub from: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Relative {
    pub forms: Vec<Form>,
    pub unit: Spanned<String>,
    pub offset: i32,
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    #[serde(default)]
    pub before_subject: bool,
    #[serde(default)]
    pub counted: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Anniversary {
    pub forms: Vec<Form>,
    #[serde(default)]
    pub of: Vec<Form>,
    /// What the anniversary is of stands before its count, not after the word (日ソ共同宣言
    /// 60周年), with only words of `links` between (署名, の).
    #[serde(default)]
    pub object_before: bool,
    #[serde(default)]
    pub links: Vec<Form>,
    /// Words before the count or after the anniversary word that make it the year, not the
    /// day ("in the year of the 60th anniversary", "the 60th anniversary year", 60周年の年).
    #[serde(default)]
    pub year_before: Vec<Form>,
    #[serde(default)]
    pub year_after: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Named {
    pub forms: Vec<Form>,
    pub date: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Era {
    pub forms: Vec<Form>,
    /// The Gregorian year of the era's first year ("元年").
    pub first_year: i32,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Numbers {
    #[serde(default)]
    pub decimal: Vec<Form>,
    #[serde(default)]
    pub group: Vec<Form>,
    #[serde(default)]
    pub percent: Vec<Form>,
    #[serde(default)]
    pub word: Vec<Spanned<NumberWord>>,
    #[serde(default)]
    pub indefinite: Option<FormList>,
    #[serde(default)]
    pub fraction: Vec<Spanned<Valued>>,
    #[serde(default)]
    pub ordinal: Vec<Spanned<Valued>>,
    /// Suffixes that make a number ordinal ("60th", "第60回" is a prefix: `ordinal_prefixes`).
    #[serde(default)]
    pub ordinal_suffixes: Vec<Form>,
    #[serde(default)]
    pub ordinal_prefixes: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NumberWord {
    pub value: f64,
    pub forms: Vec<Form>,
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Valued {
    pub value: f64,
    pub forms: Vec<Form>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FormList {
    pub forms: Vec<Form>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Figures {
    #[serde(default)]
    pub context: Vec<Form>,
    #[serde(default)]
    pub filler: Vec<Form>,
    #[serde(default)]
    pub not_after: Vec<Form>,
    /// After a unit: what makes the number an age or a date ("70 years old", "ago").
    #[serde(default)]
    pub not_before: Vec<Form>,
    /// Words naming an average age: the number after one in its clause is that age, in
    /// years ("the average age of the former residents has risen to 88.5", 平均年齢は88歳).
    #[serde(default)]
    pub ages: Vec<Form>,
    #[serde(default)]
    pub unit: Vec<Spanned<FigureUnitForms>>,
    /// Amounts written in words, each a figure in itself ("half a century": 50 years).
    #[serde(default)]
    pub amount: Vec<Spanned<FigureAmount>>,
    #[serde(default)]
    pub counted: Option<FormList>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FigureAmount {
    pub value: f64,
    pub unit: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FigureUnitForms {
    pub unit: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct People {
    #[serde(default)]
    pub former: Vec<Form>,
    /// Where titles follow names: words glued before a title that leave the office as it
    /// is (新外相 "the new foreign minister", 現首相), passed over with `former` between a
    /// name and its title (川口新外相, 田中真紀子前外相).
    #[serde(default)]
    pub title_prefixes: Vec<Form>,
    /// In a language whose titles follow names: endings of an institution's name glued
    /// before a title, after a name and a separator (青山学院大 in 袴田茂樹・青山学院大教授):
    /// the name is the one before the separator, not the institution.
    #[serde(default)]
    pub affiliations: Vec<Form>,
    #[serde(default)]
    pub speech: Vec<Form>,
    /// Verbs of saying that follow what was said (Japanese 「…」と述べた).
    #[serde(default)]
    pub speech_after: Vec<Form>,
    #[serde(default)]
    pub pronouns: Vec<Form>,
    #[serde(default)]
    pub reporters: Vec<Form>,
    /// Particles glued after a reporter that make it the one spoken to, not the speaker
    /// (Japanese 記者団に対し).
    #[serde(default)]
    pub addressee_markers: Vec<Form>,
    /// Verbs of saying with no subject of their own (Russian «заявили», «считают»): beside a
    /// seat of government named after a `parties.locative` word («В Кремле заявили»,
    /// «сообщили в МИД России»), the seat's state speaks.
    #[serde(default)]
    pub speech_impersonal: Vec<Form>,
    /// Nouns for the people or bodies of a government ("officials", "the government",
    /// "diplomats"): right before a seat of government named after a `parties.locative`
    /// word ("officials in Tokyo said"), the seat's state is the subject.
    #[serde(default)]
    pub seat_nouns: Vec<Form>,
    /// Nouns for a body of a state that take the state in the genitive, in a language that
    /// marks case («правительство Японии», «МИД России», «власти Японии»): the state named
    /// right after one is the subject, whatever its case.
    #[serde(default)]
    pub body_nouns: Vec<Form>,
    /// Sentence openers that point a verb of saying back at the sentence before («Об этом
    /// заявил Лавров»): its speaker holds the stances of that sentence.
    #[serde(default)]
    pub speech_anaphors: Vec<Form>,
    /// Words of a text's first line that make the text one official's words: a briefing,
    /// a press conference, a transcript ("Press Conference by the Chief Cabinet Secretary",
    /// «Брифинг официального представителя МИД», 会見記録). The official named in the
    /// heading states what no one else in a sentence is given to state.
    #[serde(default)]
    pub transcript_heads: Vec<Form>,
    /// Words right after a state's name that make it a field of study, not where a person
    /// belongs ("a Japan specialist at a Moscow think tank", ロシア専門家): that state does
    /// not give the person's party.
    #[serde(default)]
    pub field_after: Vec<Form>,
    /// Words right before a state's name that make it a field of study ("an expert on
    /// Japan", «специалист по Японии»).
    #[serde(default)]
    pub field_before: Vec<Form>,
    /// Words right after a person named (and titled) in a text's lead that make the text
    /// an interview with that person (アファナシエフ駐日ロシア大使に聞いた): an answer, a quote that
    /// opens its line after a line opened by one of `question_marks`, is that person's.
    #[serde(default)]
    pub interviewee_after: Vec<Form>,
    /// Marks that open an interviewer's question on its own line (――).
    #[serde(default)]
    pub question_marks: Vec<Form>,
    /// A word of reporting with a personal pronoun as its object, the one whose words are
    /// reported ("quoted him as saying", «процитировал его»): the sentence's speaker is the
    /// person last named, as when the pronoun is its subject.
    #[serde(default)]
    pub object_pronouns: Vec<Form>,
    #[serde(default)]
    pub not_names: Vec<Form>,
    /// Given names in their base form, in a language that inflects names: a name whose
    /// first word is an oblique form of one («Сергея Ветлугина») is given in its base form
    /// («Сергей Ветлугин»); one that starts with a given name as written stays as written.
    #[serde(default)]
    pub given_names: Vec<Form>,
    /// Whether initials before a surname open a name on their own, with no title or verb
    /// of saying beside it (Russian print: «М. Г. Первухин», «В.Б.Христенко»).
    #[serde(default)]
    pub initials_open: bool,
    #[serde(default)]
    pub byline: Vec<Form>,
    #[serde(default)]
    pub title_complements: Vec<Form>,
    /// Articles opening an appositive ("X, a retired diplomat").
    #[serde(default)]
    pub articles: Vec<Form>,
    /// Where a title stands: "before" the name (English, Russian) or "after" it (Japanese).
    #[serde(default)]
    pub titles_follow_names: bool,
    /// Honorifics after a name (Japanese 氏, さん): part of no name.
    #[serde(default)]
    pub honorifics: Vec<Form>,
    /// Marks before a writer's name in a bracketed credit opening or making up a line
    /// (Japanese 【モスクワ＝大森浩一】, （報道部・相沢真帆）).
    #[serde(default)]
    pub credit_marks: Vec<Form>,
    /// The state an official serves, read from the form of the name when the title names
    /// none ("Foreign Minister Mamoru Shigemitsu", "Deputy Foreign Minister Igor Morgulov").
    #[serde(default)]
    pub name_forms: Vec<Spanned<NameForm>>,
    #[serde(default)]
    pub title: Vec<Spanned<Title>>,
    #[serde(default)]
    pub role: Vec<Spanned<Title>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Title {
    pub office: bool,
    pub forms: Vec<Form>,
    /// The state a title implies when none is named (a Japanese paper's 首相).
    #[serde(default)]
    pub party: Option<Spanned<String>>,
    /// How the dataset's role titles of this office begin ("President", "Prime Minister"):
    /// the title alone ("the president said", «Президент подчеркнул») is then also the
    /// person of the data named last before it who held such a role at the date.
    #[serde(default)]
    pub roles: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Parties {
    #[serde(default)]
    pub locative: Vec<Form>,
    #[serde(default)]
    pub locative_after: Vec<Form>,
    #[serde(default)]
    pub organisation_suffixes: Vec<Form>,
    /// Words right before a state's name that make it part of a place's or an
    /// organisation's name ("the Sea of Japan", "the Bank of Japan").
    #[serde(default)]
    pub name_prefixes: Vec<Form>,
    #[serde(default)]
    pub city_nouns: Vec<Form>,
    #[serde(default)]
    pub state_nouns: Vec<Form>,
    #[serde(default)]
    pub state_noun_modifiers: Vec<Form>,
    #[serde(default)]
    pub venue: Vec<Form>,
    #[serde(default)]
    pub venue_nouns: Vec<Form>,
    #[serde(default)]
    pub media: Vec<Form>,
    #[serde(default)]
    pub media_nouns: Vec<Form>,
    #[serde(default)]
    pub both_sides: Vec<Form>,
    /// How far back (bytes before the sentence that names "both sides" and the one before)
    /// to look for the two states it stands for when those sentences name none; 0 (the
    /// default) looks no further.
    #[serde(default)]
    pub both_sides_reach: usize,
    /// Plural pronouns standing for the states just named ("they agreed"): read like
    /// `both_sides`, but only over their sentence and the one before.
    #[serde(default)]
    pub plural_pronouns: Vec<Form>,
    /// Words that stand for a state in this language's press (triggers).
    #[serde(default)]
    pub words: Vec<Spanned<PartyWords>>,
    /// Words that stand for the state last named before them (Japanese 同国 "that
    /// country"): triggers.
    #[serde(default)]
    pub anaphors: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PartyWords {
    /// The states the word stands for, all of them; but of those in one line of succession
    /// (日露: the Russian Empire or Russia, beside Japan), the one that existed at the date.
    pub parties: Vec<Spanned<String>>,
    pub forms: Vec<Form>,
    /// "name" (a state's name or abbreviation), "metonym" or "adjective".
    #[serde(default)]
    pub form: Option<Spanned<String>>,
    /// The word names the state as a visit's host or a policy's target (訪日, 対ソ): never
    /// the state a person named beside it serves.
    #[serde(default)]
    pub host: bool,
}

/// A form of name that tells a reader which state an official serves (see
/// `People::name_forms`): the surname's ending, or the syllables every word is made of.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NameForm {
    /// The state, with its predecessors or successors: the one that existed at the date of
    /// the mention is taken.
    pub parties: Vec<Spanned<String>>,
    /// The surname (the name's last word) ends with one of these. A name of two words or
    /// more, or, in a script that does not separate words, a surname alone before its
    /// title (ラブロフ外相).
    #[serde(default)]
    pub surname_endings: Vec<Form>,
    /// Every word of the name is made of these syllables and nothing else.
    #[serde(default)]
    pub syllables: Vec<Form>,
    /// The name is written in these scripts alone, opening with the first (Japanese: a
    /// surname in Han characters, a given name in Han or kana: 松岡キヨ).
    #[serde(default)]
    pub scripts: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Agreements {
    #[serde(default)]
    pub determiners: Vec<Form>,
    /// Of the `determiners`, those that point back to no agreement in particular ("a",
    /// "the"): a head after one of the others ("their joint statement") is the one of the
    /// publication year.
    #[serde(default)]
    pub plain_determiners: Vec<Form>,
    /// Words inside an agreement's name, between the year before it and its head, beside
    /// capitalised words ("the 1956 Japan and Soviet Union joint declaration").
    #[serde(default)]
    pub name_joiners: Vec<Form>,
    #[serde(default)]
    pub signed: Vec<Form>,
    #[serde(default)]
    pub agree_verbs: Vec<Form>,
    #[serde(default)]
    pub terms: Vec<Form>,
    /// Nouns that refer back to an agreement named before ("under this document").
    #[serde(default)]
    pub documents: Vec<Form>,
    /// Nouns that name a part of an instrument, allowed with a number or an ordinal between
    /// a `terms` word and the agreement's name ("Under Article 9 of the declaration", «В
    /// девятой статье декларации»).
    #[serde(default)]
    pub parts: Vec<Form>,
    /// Pronouns that, beside a verb of holding to an agreement, refer back to the last
    /// agreement named in the story before ("Russia regards it as still in force"): with
    /// no determiner.
    #[serde(default)]
    pub pronouns: Vec<Form>,
    /// In a language without articles: head forms that alone, with no determiner and no
    /// year, refer back to the last instrument of their kind named before («декларация»
    /// after «Совместная декларация 1956 года»).
    #[serde(default)]
    pub bare_heads: Vec<Form>,
    #[serde(default)]
    pub head: Vec<Spanned<Head>>,
    /// Words that join a year to a head after it ("of", "in"; Japanese の).
    #[serde(default)]
    pub year_links: Vec<Form>,
    /// Verbs by which an instrument states its terms, between a stance phrase and the
    /// agreement's name ("the declaration stipulating the return of two islands"; Japanese
    /// 二島返還を明記した日ソ共同宣言): the phrase is the agreement's terms, no side's stance.
    #[serde(default)]
    pub stipulates: Vec<Form>,
    /// The words naming a place where agreements were made, as the dataset gives the place
    /// (an agreement's `place`): in a sentence with a verb of agreeing, the one agreement
    /// made there that fits the sentence's date («в Красноярске договорились»).
    #[serde(default)]
    pub place: Vec<Spanned<PlaceForms>>,
}

/// The words naming one place where agreements were made.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceForms {
    /// The place as an agreement's `place` in the dataset names it (or one of the places
    /// it lists: "Nagato and Tokyo").
    pub place: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Head {
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Events {
    #[serde(default)]
    pub lead_verbs: Vec<Form>,
    #[serde(default)]
    pub auxiliaries: Vec<Form>,
    /// Whether a lead sentence that quotes its speaker still reports the day's news
    /// ("«…», — сказал Песков"): the genre attributes its news peg by a quote.
    #[serde(default)]
    pub quoted_leads: bool,
    #[serde(default)]
    pub kind: Vec<Spanned<EventKindForms>>,
    /// The people of a state as a poll's respondents ("Russians", «россиян», 日本人): a poll
    /// in a sentence naming them is that state's, whatever other state it asks about.
    #[serde(default)]
    pub polled: Vec<Spanned<PolledForms>>,
}

/// The words naming the people of one state, as a poll's respondents.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PolledForms {
    pub party: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventKindForms {
    pub kind: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Grammar {
    #[serde(default)]
    pub negators: Vec<Form>,
    /// Negation after the predicate (Japanese ない, ず, ません).
    #[serde(default)]
    pub negators_after: Vec<Form>,
    /// Phrases that hold a negator but do not deny (Japanese 変わりはない, "unchanged").
    #[serde(default)]
    pub not_negators: Vec<Form>,
    /// Negators opening a clause's subject ("Neither Tokyo nor Moscow …", "No Russian
    /// leader …"): they deny the clause's predicate, however far from it.
    #[serde(default)]
    pub subject_negators: Vec<Form>,
    /// Words announcing that the speech follows ("as follows", 次のように): a paragraph that
    /// opens naming no one after a sentence holding one goes on with its speaker.
    #[serde(default)]
    pub speech_follows: Vec<Form>,
    #[serde(default)]
    pub passive: Vec<Form>,
    #[serde(default)]
    pub agent: Vec<Form>,
    #[serde(default)]
    pub possessive_suffixes: Vec<Form>,
    #[serde(default)]
    pub possessive_determiners: Vec<Form>,
    #[serde(default)]
    pub first_person: Vec<Form>,
    /// Personal pronouns in the subject's case ("it", "they", «он»): after a comma and a
    /// coordinator or a contrast, a clause with a subject of its own joins on.
    #[serde(default)]
    pub subject_pronouns: Vec<Form>,
    /// Modals that put an obligation on their subject ("Japan must accept …"): the stance
    /// is the speaker's.
    #[serde(default)]
    pub must: Vec<Form>,
    /// In a verb-final language, obligations that follow the predicate (Japanese べきだ,
    /// なければならない): 「日本は第二次世界大戦の結果を認めるべきだ」と述べた puts the
    /// obligation on the clause's topic, so the stance is the speaker's.
    #[serde(default)]
    pub must_after: Vec<Form>,
    /// In a verb-final language, forms that close a clause and deny the whole proposition
    /// before them, however far back its predicate stands (Japanese ことは考えていない:
    /// 二島の引き渡しだけで決着させることは考えていない denies the hand-over).
    #[serde(default)]
    pub denials_after: Vec<Form>,
    /// Verbs of perceiving or reading after a clause (Japanese と受け止めている, "took it as"):
    /// the perceiver's reading, so the stance in the clause is not the perceiver's.
    #[serde(default)]
    pub perception: Vec<Form>,
    /// Words closing a clause that make it a condition (Japanese ならば, とすれば): a stance
    /// in it is a hypothesis.
    #[serde(default)]
    pub conditions_after: Vec<Form>,
    /// Words opening a clause that make it a condition or a hypothesis ("if", "had").
    #[serde(default)]
    pub conditions: Vec<Form>,
    #[serde(default)]
    pub complementizers: Vec<Form>,
    /// Prepositions that open a gerund ("by proposing", "after saying"): the gerund's subject
    /// is its clause's first actor, not the nearest one before it ("Putin surprised Abe by
    /// proposing …" is Putin's proposal).
    #[serde(default)]
    pub gerund_openers: Vec<Form>,
    /// The endings of a gerund after one of `gerund_openers` ("-ing").
    #[serde(default)]
    pub gerund_endings: Vec<String>,
    #[serde(default)]
    pub subordinators: Vec<Form>,
    /// Words that end a verb's object by turning to a contrast ("but", "while").
    #[serde(default)]
    pub contrasts: Vec<Form>,
    /// Words that join two verbs of one subject ("met … and signed").
    #[serde(default)]
    pub coordinators: Vec<Form>,
    /// What joins two names of a list ("Etorofu, Kunashiri and Shikotan"): the whole gap
    /// between them, spaces aside.
    #[serde(default)]
    pub list_joiners: Vec<Form>,
    /// Relative pronouns: a clause opening with one is its antecedent's ("Russia, which says …").
    #[serde(default)]
    pub relatives: Vec<Form>,
    /// Words that open an aside after a comma, a participle with what follows it
    /// ("occupied by", «отошедшие к»): the aside's date is its happening's, not the
    /// sentence's stance's ("regards the islands as its own, occupied by Soviet troops in
    /// 1945, and …").
    #[serde(default)]
    pub asides: Vec<Form>,
    #[serde(default)]
    pub object_prepositions: Vec<Form>,
    #[serde(default)]
    pub questions: Vec<Form>,
    /// Words that open an indirect question ("whether", "if"; Russian «ли» after its
    /// verb): a stance after one in its clause is asked about, not stated.
    #[serde(default)]
    pub indirect_questions: Vec<Form>,
    #[serde(default)]
    pub hedges: Vec<Form>,
    /// The predicate ends its clause (Japanese): a happening's word is the last of its
    /// clause, not the one nearest its date.
    #[serde(default)]
    pub verb_final: bool,
    /// Particles after a name that make it the subject (Japanese は, が).
    #[serde(default)]
    pub subject_markers: Vec<Form>,
    /// Particles after a name that make it the topic of its sentence (Japanese は): the
    /// one who says what the sentence's clauses report, whatever their own subjects.
    #[serde(default)]
    pub topic_markers: Vec<Form>,
    /// Particles after a name that make it an object or a place (Japanese に, を, へ, から).
    #[serde(default)]
    pub object_markers: Vec<Form>,
    /// Particles after a name that make it a possessor (Japanese の).
    #[serde(default)]
    pub possessive_markers: Vec<Form>,
    /// Whether a subject may follow its verb in a plain statement (Russian "заявил Лавров").
    #[serde(default)]
    pub subject_after_verb: bool,
    /// Whether a noun's possessor may follow it (the Russian genitive: «позиция Токио»,
    /// «предложение Путина», «требование японской стороны»).
    #[serde(default)]
    pub possessor_follows: bool,
    /// Words after a noun of stance that open its possessor, a state or its government
    /// within four words ("the position of the Government of Japan", "the demand of
    /// Tokyo"), in a language whose possessor otherwise stands before the noun.
    #[serde(default)]
    pub possessor_links: Vec<Form>,
    /// Words between the count of a part and the count of its whole ("two of the four
    /// islands", «два из четырёх островов»): the count before them is the part's.
    #[serde(default)]
    pub partitive_links: Vec<Form>,
    /// Verbs of naming, beside a collective name of the islands ("which Russia calls the
    /// Southern Kurils", 日本が北方領土と呼ぶ): their subject or agent tells what it calls
    /// the islands, and is no actor of the sentence's happening.
    #[serde(default)]
    pub naming_verbs: Vec<Form>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Stance {
    #[serde(default)]
    pub territory_nouns: Vec<Form>,
    /// Pronouns that stand for islands just named, as a frame's object ("its claim to
    /// them", "will not hand them over").
    #[serde(default)]
    pub territory_pronouns: Vec<Form>,
    /// Words inside a frame's object after which the islands named are left out of it
    /// ("Habomai and Shikotan except Kunashir", «кроме Итурупа»).
    #[serde(default)]
    pub exclusions: Vec<Form>,
    /// Nouns that name the dispute itself ("the territorial question", «территориальный
    /// вопрос»): beside them, a concept read only beside the islands (`on_land`) names its
    /// formula.
    #[serde(default)]
    pub dispute_nouns: Vec<Form>,
    #[serde(default)]
    pub recipient_markers: Vec<Form>,
    /// In a language that marks a hand-over's recipient by its case (the Russian dative,
    /// «передача Курильских островов Советскому Союзу»): which of an inflection paradigm's
    /// `forms` is that case, counted from 1.
    #[serde(default)]
    pub recipient_case: Option<Spanned<usize>>,
    /// Particles glued after the state a hand-over goes to, before the verb (Japanese
    /// ソ連に引き渡す): as `recipient_markers`, in a language that marks the recipient after
    /// its name.
    #[serde(default)]
    pub recipient_particles: Vec<Form>,
    /// Words glued after the name of islands that take a count from them (Japanese
    /// 北方四島のうち2島): the count after, not the name, says which islands.
    #[serde(default)]
    pub partitive_after: Vec<Form>,
    /// Words that put a text in the dispute, so that "the four islands" means the four.
    #[serde(default)]
    pub context: Vec<Form>,
    #[serde(default)]
    pub extent: Vec<Spanned<Extent>>,
    /// Concept forms that charge their subject with a wrong ("illegally occupied"): the
    /// state charged never holds the stance.
    #[serde(default)]
    pub charges: Vec<Form>,
    /// Words that open a prerequisite ("until", «пока не»): a concept right after one
    /// ("refuses to sign a treaty until the islands are returned") is what the clause's
    /// subject holds; the refusal or negation before it is the main verb's, not the
    /// concept's. (A hypothesis, "if", is `grammar.conditions`.)
    #[serde(default)]
    pub prerequisites: Vec<Form>,
    /// Concept forms that name the issue a formula settles ("the attribution of the four
    /// islands", 四島の帰属): held only by a side the formula gives land to; the other side
    /// naming the issue (agreeing it is to be settled) states no formula.
    #[serde(default)]
    pub issues: Vec<Form>,
    /// Words after a concept that make it what is discussed, not anyone's stance: the
    /// subject of talks (Japanese 共同経済活動に関する協議), a word's meaning (引き分けの意味).
    #[serde(default)]
    pub discussed_after: Vec<Form>,
    /// Words before a concept that make it what is discussed ("talks on", «диалог о»).
    #[serde(default)]
    pub discussed_before: Vec<Form>,
    /// Words that make a stance still held at the text's date ("still", «по-прежнему»,
    /// 今も): near its predicate, the stance is dated at publication, not by a past date its
    /// sentence gives another happening ("seized in 1945 and still claimed by Japan").
    #[serde(default)]
    pub ongoing: Vec<Form>,
    /// Words right before a predicate that tell its stance in a story's past ("had",
    /// "had long"): undated, the stance takes the time of the last happening its story
    /// told ("In September 1992 Yeltsin called off his visit. Tokyo had insisted on all
    /// four islands").
    #[serde(default)]
    pub narrative_past: Vec<Form>,
    /// Words right before a predicate that tell its stance in a story's past when the
    /// predicate ends in one of `progressive_endings` ("was demanding", not the passive
    /// "was rejected"): dated as `narrative_past`.
    #[serde(default)]
    pub narrative_progressive: Vec<Form>,
    /// The endings of a predicate's progressive form ("-ing"; see `narrative_progressive`).
    #[serde(default)]
    pub progressive_endings: Vec<Form>,
    /// The endings of a predicate's simple past ("-ed", «-ла»): a stance told in the past in
    /// a paragraph that tells a past story is as old as the story's last happening, as
    /// `narrative_past` ("In the summer of 1955 talks opened in London. Tokyo demanded all
    /// four islands."); not after a word of `present_auxiliaries` ("has insisted", "is
    /// rejected").
    #[serde(default)]
    pub past_endings: Vec<Form>,
    #[serde(default)]
    pub present_auxiliaries: Vec<Form>,
    /// Words of talk between an acceptance and the islands that make the islands what is
    /// talked about, not what is accepted ("ready to discuss the islands", «договорились
    /// продолжить обсуждение Курил»).
    #[serde(default)]
    pub talked_about: Vec<Form>,
    /// Verbs and nouns of backing another side's claim ("recognizes", "supports", を支持,
    /// «поддерживает»): a state with no claim of its own, before a side's stance with one
    /// of them after it in its sentence, backs that stance ("the United States recognizes
    /// Japan's sovereignty over the islands").
    #[serde(default)]
    pub support: Vec<Form>,
    /// A state's laws ("constitution", «Конституци*», 憲法): a state named with one, before
    /// it as its adjective or possessor ("the Russian constitution", "Russia's
    /// constitution") or right after it in the genitive («Конституции России»), is the
    /// lawgiver, whose voice the law is, even as the object of a preposition ("an amendment
    /// to the Russian constitution bans …").
    #[serde(default)]
    pub laws: Vec<Form>,
    /// Words right after a concept that make it the content of a stated position named
    /// just after them (Japanese という, との: 4島の帰属の問題を解決して平和条約を結ぶという日本政府の
    /// 立場): the position's possessor holds the concept.
    #[serde(default)]
    pub content_links: Vec<Form>,
    /// Copulas after a noun of stance (and its possessor) that open the stance's content:
    /// a stance stated after one is the noun's possessor's ("The position of the
    /// Government of Japan is clear: the Northern Territories are …", "Tokyo's view is
    /// that …").
    #[serde(default)]
    pub content_copulas: Vec<Form>,
    /// Words opening a sentence before a state whose view the sentence states ("for",
    /// «для», «по мнению»): "For Moscow, the question was settled by the war" is Moscow's.
    #[serde(default)]
    pub viewpoints: Vec<Form>,
    /// The same glued after the state, where the language puts them there (ロシアにとって).
    #[serde(default)]
    pub viewpoints_after: Vec<Form>,
    #[serde(default)]
    pub concept: Vec<Spanned<Concept>>,
    #[serde(default)]
    pub frame: Vec<Spanned<Frame>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Extent {
    pub extent: Spanned<String>,
    pub forms: Vec<Form>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Concept {
    pub formula: Spanned<String>,
    pub forms: Vec<Form>,
    /// The forms name the formula only in a sentence that names the islands or a territory
    /// noun: generic words ("joint ventures", "a special zone") that elsewhere are about
    /// something else ("joint ventures in Siberia").
    #[serde(default)]
    pub on_land: bool,
    /// The forms name the act a law forbids ("the alienation of territory", «отчуждение
    /// территории»): a negation or a refusal before them ("forbids the alienation of
    /// territory", "rejects the cession of territory") confirms the formula, not denies it.
    #[serde(default)]
    pub prohibited: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Frame {
    pub means: Spanned<String>,
    #[serde(default)]
    pub verbs: Vec<Form>,
    /// Verbs too general to be the frame's alone ("передать" also passes on a protest):
    /// they are its predicate only with an island's name right after them («передать
    /// Шикотан и Хабомаи»).
    #[serde(default)]
    pub verbs_before_islands: Vec<Form>,
    #[serde(default)]
    pub nouns: Vec<Form>,
}

/// How names inflect (Russian): endings that a name of a given shape takes in the other
/// cases, generated into the name automaton.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Inflection {
    #[serde(default)]
    pub paradigm: Vec<Spanned<Paradigm>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Paradigm {
    /// What the paradigm applies to: "noun" (each word of a name) or "adjective".
    #[serde(default)]
    pub applies_to: Option<Spanned<String>>,
    /// The ending of the base form this paradigm applies to ("ия", "а", "" for a consonant).
    pub ending: Spanned<String>,
    /// Letters the base form must end in before `ending` (for "" : consonants).
    #[serde(default)]
    pub after: Option<Spanned<String>>,
    /// The endings that replace `ending` in the oblique cases, in the order every
    /// paradigm of the pack lists them (a name in one of them is not a clause's subject).
    pub forms: Vec<Form>,
    /// Endings of other forms in the base form's case (an adjective's other genders).
    #[serde(default)]
    pub also: Vec<Form>,
}
