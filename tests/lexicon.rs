//! Language packs through the public API: the built-in ones load, a broken one says where
//! and what is wrong, and a user's pack changes what the extractor reads.

use kuril_dispute::Dataset;
use kuril_dispute::event::EventKind;
use kuril_dispute::extract::{
    Document, Extractor, ExtractorError, Lexicon, LexiconError, LexiconProblem, MAX_LEXICON_BYTES,
};

const HEAD: &str = "[language]\nid = \"xx\"\nname = \"Test\"\nscripts = [\"latin\"]\nspaced = true\n";

fn problems(text: &str) -> Vec<LexiconProblem> {
    match Lexicon::from_toml("test.toml", text) {
        Ok(_) => panic!("the pack loaded:\n{text}"),
        Err(e) => e.problems().to_vec(),
    }
}

fn only(text: &str) -> LexiconProblem {
    let mut all = problems(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

#[test]
fn the_builtin_packs_load() {
    let packs = Lexicon::builtin().expect("the built-in packs");
    let langs: Vec<&str> = packs.iter().map(Lexicon::language).collect();
    assert_eq!(langs, ["en", "ja", "ru"]);
    let en = packs.iter().find(|p| p.language() == "en").expect("English");
    assert_eq!(en.file(), "data/lexicon/en.toml");
    assert!(en.triggers().any(|t| t == "hand over"), "a stance verb is a trigger");
}

#[test]
fn a_syntax_error_has_its_line() {
    let p = only("[language\nid = \"xx\"\n");
    assert!(matches!(p, LexiconProblem::Syntax { .. }), "{p:?}");
    let at = p.location().expect("a location");
    assert_eq!((at.file.as_str(), at.line), ("test.toml", 1));
}

#[test]
fn an_unknown_field_is_named_where_it_is() {
    let p = only(&format!("{HEAD}colour = \"red\"\n"));
    let LexiconProblem::UnknownField { at, field, .. } = &p else { panic!("{p:?}") };
    assert_eq!(field, "colour");
    assert_eq!(at.line, 6);
}

#[test]
fn an_unknown_event_kind_lists_the_known_ones() {
    let p = only(&format!("{HEAD}[[events.kind]]\nkind = \"party\"\nforms = [\"feast\"]\n"));
    let LexiconProblem::UnknownValue { at, value, expected, .. } = &p else { panic!("{p:?}") };
    assert_eq!(value, "party");
    assert!(expected.contains("meeting"), "{expected}");
    assert_eq!(at.line, 7);
}

#[test]
fn empty_and_repeated_forms_are_refused() {
    let p = only(&format!("{HEAD}[[events.kind]]\nkind = \"meeting\"\nforms = [\"met\", \" \"]\n"));
    assert!(matches!(p, LexiconProblem::EmptyForm { .. }), "{p:?}");
    let p =
        only(&format!("{HEAD}[[events.kind]]\nkind = \"meeting\"\nforms = [\"met\", \"summit\", \"Met\"]\n"));
    let LexiconProblem::DuplicateForm { form, first, at, .. } = &p else { panic!("{p:?}") };
    assert_eq!(form, "Met");
    assert_eq!((first.line, at.line), (8, 8));
    assert!(first.column < at.column);
}

#[test]
fn the_holder_keys_refuse_empty_and_repeated_forms_where_they_are() {
    // stance.issues, stance.discussed_after/before, grammar.perception, grammar.conditions_after,
    // agreements.stipulates: checked like every other list of forms.
    let p = only(&format!("{HEAD}[stance]\nissues = [\"attribution of the islands\", \"\"]\n"));
    let LexiconProblem::EmptyForm { at, .. } = &p else { panic!("{p:?}") };
    assert_eq!(at.line, 7);
    let p = only(&format!("{HEAD}[grammar]\nperception = [\"took it as\", \"Took it as\"]\n"));
    let LexiconProblem::DuplicateForm { form, at, .. } = &p else { panic!("{p:?}") };
    assert_eq!((form.as_str(), at.line), ("Took it as", 7));
    for (section, key) in [
        ("stance", "discussed_after"),
        ("stance", "discussed_before"),
        ("grammar", "conditions_after"),
        ("agreements", "stipulates"),
    ] {
        let p = only(&format!("{HEAD}[{section}]\n{key} = [\"x\", \" \"]\n"));
        assert!(matches!(p, LexiconProblem::EmptyForm { .. }), "{section}.{key}: {p:?}");
    }
    let p = only(&format!("{HEAD}[stance]\nissue = [\"attribution\"]\n"));
    assert!(matches!(p, LexiconProblem::UnknownField { .. } | LexiconProblem::Syntax { .. }), "{p:?}");
}

#[test]
fn the_agency_copy_keys_are_checked_where_they_are() {
    // people.speech_impersonal, people.speech_anaphors (lists of forms) and
    // grammar.possessor_follows (a flag).
    let p = only(&format!("{HEAD}[people]\nspeech_impersonal = [\"заявили\", \"\"]\n"));
    let LexiconProblem::EmptyForm { at, .. } = &p else { panic!("{p:?}") };
    assert_eq!(at.line, 7);
    let p = only(&format!("{HEAD}[people]\nspeech_anaphors = [\"об этом\", \"Об этом\"]\n"));
    let LexiconProblem::DuplicateForm { form, at, .. } = &p else { panic!("{p:?}") };
    assert_eq!((form.as_str(), at.line), ("Об этом", 7));
    let p = only(&format!("{HEAD}[grammar]\npossessor_follows = \"yes\"\n"));
    assert!(!matches!(p, LexiconProblem::EmptyForm { .. }), "{p:?}");
    assert!(Lexicon::from_toml("test.toml", &format!("{HEAD}[grammar]\npossessor_follows = true\n")).is_ok());
}

#[test]
fn values_out_of_range_and_bad_patterns_say_why() {
    let p = only(&format!("{HEAD}[[dates.month]]\nvalue = 13\nforms = [\"Smarch\"]\n"));
    assert!(matches!(p, LexiconProblem::OutOfRange { .. }), "{p:?}");
    let p = only(&format!("{HEAD}[dates]\npatterns = [\"{{month}} {{fortnight}}\"]\n"));
    let LexiconProblem::BadPattern { pattern, .. } = &p else { panic!("{p:?}") };
    assert!(pattern.contains("fortnight"));
}

#[test]
fn the_same_unit_only_repeats_another_date() {
    // "same" keeps the date it counts from: it is no unit to count in, nor a shift.
    let p = only(&format!("{HEAD}[[dates.unit]]\nunit = \"same\"\nforms = [\"sames\"]\n"));
    let LexiconProblem::OutOfRange { what, .. } = &p else { panic!("{p:?}") };
    assert_eq!(what, "unit");
    for (offset, from) in [(1, "previous"), (0, "publication")] {
        let entry = format!(
            "{HEAD}[[dates.relative]]\nforms = [\"back then\"]\nunit = \"same\"\noffset = {offset}\nfrom = \"{from}\"\n"
        );
        assert!(matches!(only(&entry), LexiconProblem::OutOfRange { .. }), "{offset} {from}");
    }
    let fine = format!(
        "{HEAD}[[dates.relative]]\nforms = [\"back then\"]\nunit = \"same\"\noffset = 0\nfrom = \"previous\"\n"
    );
    assert!(Lexicon::from_toml("test.toml", &fine).is_ok());
}

/// Asserts that `text` loads with one problem, a schema problem whose message holds `words`,
/// and that the error names where it stands (`at`, "file:line").
fn refused_at(text: &str, words: &str, at: &str) {
    let LexiconProblem::Schema { message, .. } = &only(text) else { panic!("{text}") };
    assert!(message.contains(words), "{message}");
    let message =
        LexiconError::clone(&Lexicon::from_toml("test.toml", text).expect_err("refused")).to_string();
    assert!(message.contains(at), "{message}");
}

#[test]
fn an_ascii_form_opens_with_a_letter_or_a_digit() {
    // The reader matches ASCII forms at word starts: one opening with a mark is refused where
    // it is written, and the same words opening with their article load.
    let marked = format!("{HEAD}[[stance.concept]]\nformula = \"hikiwake\"\nforms = [\"\\\"draw\\\"\"]\n");
    refused_at(&marked, "opens with a mark", "test.toml:8");
    let article = format!("{HEAD}[[stance.concept]]\nformula = \"hikiwake\"\nforms = [\"a \\\"draw\\\"\"]\n");
    assert!(Lexicon::from_toml("test.toml", &article).is_ok());
}

#[test]
fn a_recipient_case_must_be_one_of_the_paradigms_forms() {
    // A pack with no paradigm has no case to name; one with a paradigm of three forms has
    // the first three, counted from 1.
    let paradigm = "[[inflection.paradigm]]\nending = \"а\"\nforms = [\"ы\", \"е\", \"у\"]\n";
    for bad in [0, 4] {
        refused_at(
            &format!("{HEAD}[stance]\nrecipient_case = {bad}\n{paradigm}"),
            "recipient_case",
            "test.toml:7",
        );
    }
    let good = format!("{HEAD}[stance]\nrecipient_case = 2\n{paradigm}");
    assert!(Lexicon::from_toml("test.toml", &good).is_ok());
    let none = format!("{HEAD}[stance]\nrecipient_case = 1\n");
    assert!(matches!(only(&none), LexiconProblem::Schema { .. }));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = format!(
        "{HEAD}[[events.kind]]\nkind = \"party\"\nforms = [\"feast\"]\n[[dates.month]]\nvalue = 0\nforms = [\"Nomonth\"]\n"
    );
    let all = problems(&text);
    assert_eq!(all.len(), 2, "{all:#?}");
    let message =
        LexiconError::clone(&Lexicon::from_toml("test.toml", &text).expect_err("broken")).to_string();
    assert!(message.starts_with("the lexicon has 2 problems"), "{message}");
    assert!(message.contains("test.toml:7"), "{message}");
}

#[test]
fn files_that_cannot_be_read_say_so() {
    let dir = std::env::temp_dir().join(format!("kuril-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let missing = dir.join("missing.toml");
    let e = Lexicon::from_path(&missing).expect_err("no such file");
    assert!(matches!(e.problems(), [LexiconProblem::Io { path, .. }] if *path == missing), "{e}");

    let latin1 = dir.join("latin1.toml");
    std::fs::write(&latin1, b"[language]\nname = \"Fran\xe7ais\"\n").expect("written");
    let e = Lexicon::from_path(&latin1).expect_err("not UTF-8");
    assert!(matches!(e.problems(), [LexiconProblem::NotUtf8 { valid_up_to: 23, .. }]), "{e}");

    let huge = dir.join("huge.toml");
    let file = std::fs::File::create(&huge).expect("created");
    file.set_len(MAX_LEXICON_BYTES + 1).expect("sized");
    let e = Lexicon::from_path(&huge).expect_err("too large");
    assert!(
        matches!(e.problems(), [LexiconProblem::TooLarge { size, .. }] if *size == MAX_LEXICON_BYTES + 1),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_pack_naming_an_unknown_state_is_refused_by_the_extractor() {
    let pack = Lexicon::from_toml(
        "atlantis.toml",
        &format!("{HEAD}[[parties.words]]\nparties = [\"atlantis\"]\nform = \"name\"\nforms = [\"Atlantean Republic\"]\n"),
    )
    .expect("well-formed");
    let data = Dataset::builtin();
    match Extractor::with_lexicons(data, [pack]) {
        Err(ExtractorError::UnknownParty { party, at }) => {
            assert_eq!(party, "atlantis");
            assert_eq!((at.file.as_str(), at.line), ("atlantis.toml", 7));
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    assert!(matches!(Extractor::with_lexicons(data, Vec::new()).map(|_| ()), Err(ExtractorError::NoLexicon)));
}

/// A poll's public names its state by id, checked against the dataset like a party word's.
#[test]
fn a_polled_public_of_an_unknown_state_is_refused_where_it_stands() {
    let pack = Lexicon::from_toml(
        "atlantis.toml",
        &format!("{HEAD}[[events.polled]]\nparty = \"atlantis\"\nforms = [\"Atlanteans\"]\n"),
    )
    .expect("well-formed");
    match Extractor::with_lexicons(Dataset::builtin(), [pack]) {
        Err(ExtractorError::UnknownParty { party, at }) => {
            assert_eq!(party, "atlantis");
            assert_eq!((at.file.as_str(), at.line), ("atlantis.toml", 7));
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
}

/// Adding a phrasing is a data edit: a copy of the English pack with one more meeting verb
/// reads a sentence the built-in pack reads as some other happening.
#[test]
fn a_users_pack_adds_a_phrasing() {
    let data = Dataset::builtin();
    let text = "Abe parleyed with Putin in Moscow on Nov. 14.";
    let doc = Document::new("parley", text)
        .expect("a document")
        .with_published("2018-11-16".parse().expect("a date"));
    let kinds =
        |x: &Extractor<'_>| -> Vec<EventKind> { x.extract(&doc).events.iter().map(|e| e.kind).collect() };

    let builtin = Extractor::new(data).expect("the built-in extractor");
    assert!(!kinds(&builtin).contains(&EventKind::Meeting), "{:?}", kinds(&builtin));

    let en = include_str!("../data/lexicon/en.toml");
    let edited = en.replacen("\"meetings\", \"summit\",", "\"meetings\", \"parleyed\", \"summit\",", 1);
    assert_ne!(edited, en, "the meeting verbs are where this test expects them");
    let pack = Lexicon::from_toml("my-en.toml", &edited).expect("the edited pack");
    let mine = Extractor::with_lexicons(data, [pack]).expect("an extractor on it");
    assert_eq!(kinds(&mine), [EventKind::Meeting]);
}

// ------------------------------------------------------------------ the Russian pack

fn russian(text: &str, published: &str) -> kuril_dispute::extract::Extraction {
    let data = Dataset::builtin();
    let x = Extractor::new(data).expect("the built-in extractor");
    let doc =
        Document::new("ru", text).expect("a document").with_published(published.parse().expect("a date"));
    x.extract(&doc)
}

#[test]
fn russian_names_are_found_in_every_case() {
    use kuril_dispute::Island;
    // Written for this test: each island and person in an oblique case.
    let x = russian(
        "На Итурупе и Кунашире прошли учения; у Шикотана и островов Хабомаи дежурили \
         пограничники. Об этом рассказал Сергею Лаврову глава ведомства.",
        "2021-05-12",
    );
    assert_eq!(x.lang, "ru");
    let islands: Vec<Island> = x.islands.iter().flat_map(|m| m.islands.iter()).collect();
    for island in [Island::Iturup, Island::Kunashir, Island::Shikotan, Island::Habomai] {
        assert!(islands.contains(&island), "{island:?} in {islands:?}");
    }
    // The person is named in the nominative, whatever the case written.
    let lavrov = x.people.iter().find(|p| p.person.as_ref().is_some_and(|id| id.as_str() == "sergei-lavrov"));
    let lavrov = lavrov.unwrap_or_else(|| panic!("{:#?}", x.people));
    assert_eq!(lavrov.name, "Сергей Лавров");
}

#[test]
fn russian_letters_read_alike_and_names_keep_their_spelling() {
    // ё is often printed as е: the name is found either way and kept as the text writes it.
    for (written, expected) in [("Ёсихидэ Суга", "Ёсихидэ Суга"), ("Есихидэ Суга", "Есихидэ Суга")]
    {
        let x = russian(
            &format!("Генсек кабмина {written} заявил протест в связи с учениями на Кунашире."),
            "2019-08-02",
        );
        let names: Vec<&str> = x.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, [expected], "{written}");
        assert_eq!(x.people[0].party.as_ref().map(|p| p.as_str()), Some("japan"));
    }
}

#[test]
fn a_russian_date_is_resolved_against_publication() {
    let x = russian("Премьер-министр России во вторник посетил Итуруп.", "2019-08-02");
    let dates: Vec<String> = x.events.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["2019-07-30"], "{:#?}", x.events);
    let x = russian("Путин и Абэ встретились 22 января 2019 года в Москве.", "2019-01-25");
    let meeting = x.events.iter().find(|e| e.kind == EventKind::Meeting).expect("the meeting");
    assert_eq!(meeting.date.to_string(), "2019-01-22");
    // "Ранее" opens undated background: no date at publication.
    let x = russian("Ранее Лавров посетил Итуруп.", "2019-08-02");
    assert!(x.events.is_empty(), "{:#?}", x.events);
}

#[test]
fn a_russian_stance_has_its_holder() {
    let x = russian(
        "Суверенитет России над южными Курилами не подлежит обсуждению, заявил глава МИД РФ Сергей Лавров.",
        "2019-01-15",
    );
    let found: Vec<(String, String)> =
        x.positions.iter().map(|p| (p.holder.to_string(), p.formula.to_string())).collect();
    assert_eq!(found, [("russia".to_string(), "status-quo".to_string())]);
    // The state in an oblique case is the object, not the holder.
    let x = russian("Москва не намерена передавать Японии острова, подчеркнул Лавров.", "2019-02-12");
    let holders: Vec<String> = x.positions.iter().map(|p| p.holder.to_string()).collect();
    assert_eq!(holders, ["russia"], "{:#?}", x.positions);
}

#[test]
fn the_language_is_read_from_the_script_unless_given() {
    let extractor = Extractor::new(Dataset::builtin()).expect("extractor");
    let lang = |text: &str, given: Option<&str>| {
        let mut doc = Document::new("d.txt", text).expect("text");
        if let Some(l) = given {
            doc = doc.with_lang(l);
        }
        let found = extractor.extract(&doc);
        assert_eq!(found.record().lang, found.lang, "the record carries the language");
        found.lang
    };
    assert_eq!(lang("Япония и Россия провели переговоры.", None), "ru");
    assert_eq!(lang("日本とロシアは交渉を続けている。", None), "ja");
    // Kanji alone could be Chinese as well, but kana is Japanese only.
    assert_eq!(lang("北方領土問題について政府は説明した。", None), "ja");
    assert_eq!(lang("Talks resumed in Moscow on Monday.", None), "en");
    // A name in another script does not change the language, and is still found.
    let doc = Document::new("mixed.txt", "The island the Russians call Итуруп was discussed.").expect("text");
    let found = extractor.extract(&doc);
    assert_eq!(found.lang, "en");
    assert_eq!(found.record().islands.iter().map(ToString::to_string).collect::<Vec<_>>(), ["iturup"]);
    // A language given wins over the script.
    assert_eq!(lang("Talks resumed in Moscow on Monday.", Some("ru")), "ru");
}

// ---------------------------------------------------------------------------- Japanese
// Texts written for these tests, in the style of Japanese wire copy.

fn japanese(text: &str, published: &str) -> kuril_dispute::extract::Extraction {
    let data = Dataset::builtin();
    let doc =
        Document::new("ja", text).expect("a document").with_published(published.parse().expect("a date"));
    Extractor::new(data).expect("the built-in extractor").extract(&doc)
}

/// A surname with its title after it (林外相) names the curated person whose Japanese name
/// begins with it; a name that begins two curated names (菅: 菅義偉, 菅直人) names neither.
#[test]
fn a_japanese_surname_before_its_title_is_the_curated_person() {
    let found = japanese("林外相は記者会見で、北方四島の問題について説明した。", "2022-03-08");
    let person = found
        .people
        .iter()
        .find(|p| p.person.as_ref().is_some_and(|id| id.as_str() == "yoshimasa-hayashi"))
        .unwrap_or_else(|| panic!("林 is Yoshimasa Hayashi: {:?}", found.people));
    assert_eq!(person.party.as_ref().map(|p| p.as_str()), Some("japan"));

    let found = japanese("菅首相は記者団に、北方領土問題の解決に意欲を示した。", "2021-01-10");
    assert!(found.people.iter().all(|p| p.person.is_none()), "{:?}", found.people);
}

/// 和暦 (平成30年11月14日), a day alone resolved against publication (14日), and a year in
/// kanji digits (一九五六年).
#[test]
fn japanese_dates_in_eras_days_and_kanji() {
    let dates = |text: &str, published: &str| -> Vec<String> {
        japanese(text, published).events.iter().map(|e| e.date.to_string()).collect()
    };
    let d = dates("平成30年11月14日、安倍首相はシンガポールでプーチン大統領と会談した。", "2019-01-10");
    assert!(d.contains(&"2018-11-14".to_string()), "{d:?}");
    let d = dates("安倍首相は14日夜、シンガポールでロシアのプーチン大統領と会談した。", "2018-11-15");
    assert!(d.contains(&"2018-11-14".to_string()), "{d:?}");
    let d = dates("一九五六年十月十九日、鳩山一郎首相はモスクワで日ソ共同宣言に署名した。", "2006-10-19");
    assert!(d.contains(&"1956-10-19".to_string()), "{d:?}");
}

/// Kanji numerals with 万 and 千 (約二万人, 三千五百人) and 中黒 decimals (50・0%).
#[test]
fn japanese_numbers_in_kanji_and_with_a_nakaguro_decimal() {
    let values =
        |text: &str| -> Vec<f64> { japanese(text, "2019-08-15").figures.iter().map(|f| f.value).collect() };
    assert_eq!(values("北方四島には現在、約二万人のロシア系住民が暮らしている。"), [20000.0]);
    assert_eq!(values("択捉島での演習には、ロシア軍の兵士約三千五百人が参加した。"), [3500.0]);
    assert_eq!(values("北方領土問題に関心があると答えた人は50・0%だった。"), [50.0]);
}

/// The holder of a stance is the clause's subject marked by は or が, not a state named
/// in an object (ラブロフ外相に対し) or inside the clause it reports.
#[test]
fn a_japanese_stance_is_held_by_the_subject_of_its_clause() {
    let held = |text: &str| -> Vec<(String, String)> {
        japanese(text, "2019-01-20")
            .positions
            .iter()
            .map(|p| (p.holder.to_string(), p.formula.to_string()))
            .collect()
    };
    assert_eq!(
        held("河野外相はラブロフ外相に対し、北方四島は日本固有の領土だと述べた。"),
        [("japan".to_string(), "four-islands".to_string())]
    );
    assert_eq!(
        held("ラブロフ外相は、日本が第2次大戦の結果を認めるべきだと述べた。"),
        [("russia".to_string(), "status-quo".to_string())]
    );
}

#[test]
fn a_russian_title_may_name_its_state_between_title_and_name() {
    // Written for this test: the state in the genitive after the title, and a title that
    // opens the sentence with a capital and keeps its acronyms.
    let x = russian(
        "Министр иностранных дел России Сергей Лавров встретился с коллегой. Глава МИД РФ \
         Сергей Лавров ответил на вопросы.",
        "2019-01-14",
    );
    let lavrov = x.people.iter().find(|p| p.name == "Сергей Лавров").expect("Lavrov");
    assert_eq!(lavrov.title.as_deref(), Some("Министр иностранных дел"));
    assert_eq!(lavrov.party.as_ref().map(|p| p.as_str()), Some("russia"));
    let x = russian("Глава МИД РФ Сергей Лавров ответил на вопросы.", "2019-01-14");
    assert_eq!(x.people.first().and_then(|p| p.title.as_deref()), Some("Глава МИД"));
}
