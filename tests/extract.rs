//! The extractor on short fixtures written for this crate: one test per rule, and the
//! hard cases (a month and day without a year, a capital as government or as city, "the
//! two islands", a quote whose speaker follows it, a name after a title, a poll share).

use kuril_dispute::event::EventKind;
use kuril_dispute::extract::{Document, Extraction, Extractor, FigureUnit, PartyForm};
use kuril_dispute::{AgreementId, Dataset, FormulaId, Island, IslandSet, PartyId};

fn extract(text: &str, published: Option<&str>) -> Extraction {
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let mut doc = Document::new("fixture.txt", text).unwrap();
    if let Some(p) = published {
        doc = doc.with_published(p.parse().unwrap());
    }
    extractor.extract(&doc)
}

fn party(id: &str) -> PartyId {
    id.parse().unwrap()
}

fn parties(x: &Extraction) -> Vec<String> {
    x.record().parties.iter().map(|p| p.to_string()).collect()
}

fn dates(x: &Extraction) -> Vec<String> {
    x.events.iter().map(|e| e.date.to_string()).collect()
}

#[test]
fn month_and_day_without_a_year_take_the_publication_year() {
    let x = extract("Japan and Russia held talks in Moscow on Nov. 14, officials said.", Some("2018-11-20"));
    assert_eq!(dates(&x), ["2018-11-14"]);
    // Read in January, a November without a year is last November.
    let x = extract("Japan and Russia held talks in Moscow on Nov. 14, officials said.", Some("2019-01-10"));
    assert_eq!(dates(&x), ["2018-11-14"]);
    // Without a publication date it cannot be resolved, and no event is made up.
    let x = extract("Japan and Russia held talks in Moscow on Nov. 14, officials said.", None);
    assert!(x.events.is_empty(), "{:?}", x.events);
}

#[test]
fn relative_dates_resolve_against_publication() {
    let p = Some("2016-05-04"); // a Wednesday
    let x = extract("Russia deployed new missiles on the islands on Monday, Japan said.", p);
    assert_eq!(dates(&x), ["2016-05-02"]);
    let x = extract("Japan protested to Russia last year over the deployment.", p);
    assert_eq!(dates(&x), ["2015"]);
    let x = extract("Japan sent a note to Russia earlier this month.", p);
    assert_eq!(dates(&x), ["2016-05"]);
    // A weekend is two days: the happening is dated to their month.
    let x = extract("The Japanese prime minister will meet Putin in Sochi this weekend.", p);
    assert_eq!(dates(&x), ["2016-05"]);
}

#[test]
fn absolute_dates_at_the_precision_given() {
    let x = extract("In March 2012 Russia floated a draw; in 1956 Japan restored ties with Moscow.", None);
    let mut d = dates(&x);
    d.sort();
    assert_eq!(d, ["1956", "2012-03"]);
    // Deadlines are not happenings; decades are not dates.
    let x =
        extract("Japan and Russia promised to sign a treaty by 2000. Relations froze in the 1960s.", None);
    assert!(x.events.is_empty(), "{:?}", x.events);
}

#[test]
fn a_capital_is_the_government_unless_it_is_the_place() {
    let x = extract("Tokyo protested strongly against the drills.", None);
    assert_eq!(parties(&x), ["japan"]);
    assert_eq!(x.parties[0].form, PartyForm::Metonym);
    let x = extract("The delegates gathered in Tokyo for the conference.", None);
    assert!(parties(&x).is_empty());
    let x = extract("The Kremlin rejected the idea.", None);
    assert_eq!(parties(&x), ["russia"]);
}

#[test]
fn moscow_before_1991_is_the_soviet_union() {
    let x =
        extract("In 1960 Moscow said it would hand over no islands while US troops stayed in Japan.", None);
    assert!(parties(&x).contains(&"soviet-union".to_string()), "{:?}", parties(&x));
    assert!(!parties(&x).contains(&"russia".to_string()));
}

#[test]
fn the_record_names_every_state_it_has_act() {
    // The other side of a visit is read from its destination, not named as a state: the
    // record still lists it among the parties, as it lists every event's actors.
    let x = extract("Japan's prime minister flew to Moscow in October 1973 for talks on the islands.", None);
    let record = x.record();
    let actors: Vec<String> =
        record.events.iter().flat_map(|e| e.actors.iter().map(|a| a.to_string())).collect();
    assert!(actors.contains(&"soviet-union".to_string()), "{:?}", record.events);
    for a in &actors {
        assert!(parties(&x).contains(a), "{a} acts but is not among {:?}", parties(&x));
    }
}

#[test]
fn adjectives_count_only_for_the_state_acting() {
    let x = extract("A Japanese fisherman was detained.", None);
    assert!(parties(&x).is_empty(), "{:?}", parties(&x));
    let x = extract("The Japanese government lodged a protest.", None);
    assert_eq!(parties(&x), ["japan"]);
    let x = extract("The Soviet-Japanese talks stalled.", None);
    assert_eq!(parties(&x), ["japan", "soviet-union"]);
}

#[test]
fn newspaper_names_are_not_states() {
    let x = extract("An editorial in The Japan Times urged patience.", None);
    assert!(parties(&x).is_empty(), "{:?}", parties(&x));
}

#[test]
fn islands_by_either_sides_name_and_by_collective_name() {
    let x = extract("Etorofu, which Russia calls Iturup, lies north of Kunashiri.", None);
    assert_eq!(x.record().islands, [Island::Iturup, Island::Kunashir]);
    let x = extract("Japan claims the Northern Territories.", None);
    assert_eq!(x.record().islands.len(), 4);
    let x = extract("Russia calls them the Southern Kurils.", None);
    assert_eq!(x.record().islands.len(), 4);
    // A collective name opening in lower case in running text.
    let x = extract("Russia holds the southern Kuril Islands.", None);
    assert_eq!(x.record().islands.len(), 4);
    // But a one-word name keeps its capital: "abe" is not Abe.
    let x = extract("an abe and an aso", None);
    assert!(x.people.is_empty());
}

#[test]
fn the_two_islands_in_a_1956_context() {
    let x = extract("The 1956 joint declaration promised Japan the two islands after a peace treaty.", None);
    assert_eq!(
        x.islands.iter().fold(IslandSet::EMPTY, |s, m| s | m.islands),
        IslandSet::from([Island::Shikotan, Island::Habomai])
    );
    // With nothing about 1956 around, "the two islands" stands for nothing definite.
    let x = extract("The two islands are small and windswept.", None);
    assert!(x.islands.is_empty(), "{:?}", x.islands);
    // "The four islands" stands for the disputed ones only once the text is about them.
    let x = extract("The four islands of the archipelago are home to millions.", None);
    assert!(x.islands.is_empty());
    let x = extract("Kunashir is the closest. Japan wants the four islands back.", None);
    assert_eq!(x.record().islands.len(), 4);
}

#[test]
fn agreements_however_they_are_named() {
    for (text, id) in [
        ("Both sides cited the 1956 joint declaration.", AgreementId::JointDeclaration1956),
        ("Both sides cited the joint declaration of 1956.", AgreementId::JointDeclaration1956),
        ("Talks go on under the Tokyo declaration.", AgreementId::TokyoDeclaration1993),
        ("The 1993 Tokyo Declaration lists the four islands.", AgreementId::TokyoDeclaration1993),
        ("The 1855 treaty drew the border between Etorofu and Urup.", AgreementId::ShimodaTreaty1855),
        ("In 1951 Japan signed the San Francisco Peace Treaty.", AgreementId::SanFranciscoTreaty1951),
    ] {
        let x = extract(text, None);
        assert_eq!(x.record().agreements, [id], "{text}");
    }
}

#[test]
fn an_agreement_implied_by_who_agreed_when() {
    let x = extract(
        "In 1997 Yeltsin and Hashimoto agreed to do their utmost to conclude a treaty by 2000.",
        None,
    );
    let a = x.agreements.iter().find(|a| a.agreement == AgreementId::KrasnoyarskAgreement1997).unwrap();
    assert!(a.implied);
}

#[test]
fn their_joint_statement_in_the_year_it_was_signed() {
    let x = extract(
        "Abe and Putin met on Monday. In their joint statement they pledged progress.",
        Some("2013-05-01"),
    );
    assert_eq!(x.record().agreements, [AgreementId::JointStatement2013]);
    // Its signing is dated from the data.
    assert!(x.events.iter().any(|e| e.agreement == Some(AgreementId::JointStatement2013)
        && e.date.to_string() == "2013-04-29"
        && e.kind == EventKind::AgreementSigned));
    // A joint communique, dated by its weekday.
    let x = extract("The joint communique signed on Thursday lists the four islands.", Some("1991-04-20"));
    assert_eq!(x.agreements[0].agreement, AgreementId::JointCommunique1991);
    assert_eq!(dates(&x), ["1991-04-18"]);
    // An agreement of the same year signed after publication is not the one meant.
    let x = extract("In their joint statement they pledged progress.", Some("2016-05-01"));
    assert!(x.agreements.is_empty(), "{:?}", x.agreements);
}

#[test]
fn a_name_after_a_title() {
    let x = extract(
        "Japanese Chief Cabinet Secretary Hiroshi Yamanaka told reporters the protest was lodged.",
        None,
    );
    let p = x.people.iter().find(|p| p.name == "Hiroshi Yamanaka").unwrap();
    assert_eq!(p.party, Some(party("japan")));
    assert!(p.official);
    assert!(p.person.is_none());
}

#[test]
fn a_known_person_by_the_fullest_name_the_text_uses() {
    let x = extract("Putin spoke first. Later Vladimir Putin added more.", None);
    assert_eq!(x.people.len(), 1);
    assert_eq!(x.people[0].name, "Vladimir Putin");
    assert_eq!(x.people[0].party, Some(party("russia")));
    // A surname alone gives the data's name.
    let x = extract("Lavrov spoke.", None);
    assert_eq!(x.people[0].name, "Sergei Lavrov");
}

#[test]
fn people_by_appositive_and_byline() {
    let x = extract(
        "By Anna Korsakova\nIgor Belsky, a Russian analyst at a Moscow think tank, said the offer was sincere.",
        None,
    );
    let names: Vec<&str> = x.people.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Anna Korsakova"), "{names:?}");
    let igor = x.people.iter().find(|p| p.name == "Igor Belsky").unwrap();
    assert_eq!(igor.party, Some(party("russia")));
    assert!(!igor.official);
}

#[test]
fn a_quote_whose_speaker_follows_it() {
    let text = "\u{201c}We will not give away our land,\u{201d} said Russian Foreign Minister Sergei Lavrov.";
    let x = extract(text, None);
    assert_eq!(x.quotes.len(), 1);
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Sergei Lavrov"));
    assert_eq!(x.quotes[0].evidence.text(text), "We will not give away our land,");
    assert_eq!(x.quotes[0].evidence.sentence_text(text), text);
    // And one whose speaker comes first, and a pronoun.
    let x =
        extract("Abe said: \"The islands are ours to discuss.\" \"We will keep talking,\" he added.", None);
    let speakers: Vec<_> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, [Some("Shinzo Abe"), Some("Shinzo Abe")]);
}

#[test]
fn positions_go_to_whoever_states_them() {
    let x = extract("Moscow insists that Tokyo accept the post-war realities.", Some("2019-01-15"));
    let p: Vec<_> = x.positions.iter().map(|p| (p.holder.to_string(), p.formula)).collect();
    assert_eq!(p, [("russia".to_string(), FormulaId::StatusQuo)]);
    let x = extract("Japan demands the return of all four islands.", Some("2019-01-15"));
    assert_eq!(x.positions[0].holder, party("japan"));
    assert_eq!(x.positions[0].formula, FormulaId::FourIslands);
    assert_eq!(x.positions[0].date.map(|d| d.to_string()).as_deref(), Some("2019-01-15"));
    // The stance of a sentence's subject, not of a state in the possessive after a preposition.
    let x = extract(
        "Progress is impossible without Japan's recognition of post-war realities, Moscow said.",
        None,
    );
    assert_eq!(x.positions[0].holder, party("russia"));
}

#[test]
fn experts_denials_and_background_are_not_positions() {
    let x = extract("Experts say the sides could divide the islands by area.", None);
    assert!(x.positions.is_empty(), "{:?}", x.positions);
    let x = extract("Tokyo fears that Moscow may not honour the 1956 declaration.", None);
    assert!(
        x.positions.iter().all(|p| p.formula != FormulaId::TwoIslands1956 || p.holder != party("russia"))
    );
}

#[test]
fn the_terms_of_an_agreement_are_its_parties_stance_at_its_date() {
    let x = extract(
        "Under the 1956 declaration Moscow was to hand over Shikotan and the Habomai islets after a peace treaty.",
        Some("2018-11-15"),
    );
    let p = x.positions.iter().find(|p| p.holder == party("soviet-union")).unwrap();
    assert_eq!(p.formula, FormulaId::TwoIslands1956);
    assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("1956-10-19"));
    // The negotiating basis of an agreement is both sides' stance.
    let x = extract("Abe and Putin reached the Singapore agreement.", Some("2018-11-20"));
    let mut holders: Vec<_> = x.positions.iter().map(|p| (p.holder.to_string(), p.formula)).collect();
    holders.sort();
    assert_eq!(
        holders,
        [("japan".to_string(), FormulaId::TwoIslands1956), ("russia".to_string(), FormulaId::TwoIslands1956)]
    );
}

#[test]
fn a_poll_share_and_counts_with_what_they_measure() {
    let x = extract(
        "In a poll on the territorial dispute, 54% of respondents opposed any deal. Russia sent 3,500 troops and four warships.",
        None,
    );
    let f: Vec<_> = x.figures.iter().map(|f| (f.value, f.unit, f.what.as_str())).collect();
    assert_eq!(
        f,
        [
            (54.0, FigureUnit::Percent, "respondents-opposed-any-deal"),
            (3500.0, FigureUnit::Count, "troops"),
            (4.0, FigureUnit::Count, "warships")
        ]
    );
    // Numbers about something else are left alone.
    let x = extract("The recipe needs 20% sugar.", None);
    assert!(x.figures.is_empty());
}

#[test]
fn publication_date_inferred_from_a_dateline_or_left_null() {
    let x = extract("Published: 12 March 2019\nJapan and Russia met again.", None);
    assert_eq!(x.published.map(|d| d.to_string()).as_deref(), Some("2019-03-12"));
    assert!(x.published_inferred);
    let x = extract("Japan and Russia met again.", None);
    assert_eq!(x.published, None);
}

#[test]
fn evidence_points_into_the_original_text() {
    let text = "\u{feff}Japan\u{2019}s envoy said\r\n\u{201c}Kunashiri \u{2014} and Iturup \u{2014} matter.\u{201d}\r\nThe Kremlin disagreed.";
    let x = extract(text, None);
    let names: Vec<&str> = x.islands.iter().map(|m| m.evidence.text(text)).collect();
    assert_eq!(names, ["Kunashiri", "Iturup"]);
    let kremlin = x.parties.iter().find(|p| p.party == party("russia")).unwrap();
    assert_eq!(kremlin.evidence.text(text), "The Kremlin");
    assert_eq!(kremlin.evidence.sentence_text(text), "The Kremlin disagreed.");
}

#[test]
fn the_record_keeps_to_the_schema() {
    let x =
        extract("The 2020 constitutional amendment bans ceding territory, Russia said.", Some("2020-07-04"));
    let json = serde_json::to_value(x.record()).unwrap();
    // An instrument outside the schema's list is a finding, not a record entry.
    assert!(x.agreements.iter().any(|a| !a.agreement.in_annotation_schema()));
    assert_eq!(json["agreements"], serde_json::json!([]));
    assert_eq!(json["published"], "2020-07-04");
    for key in ["doc", "islands", "parties", "agreements", "people", "events", "positions", "figures"] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

#[test]
fn a_long_document_is_read_in_pieces_with_spans_into_the_whole() {
    // Over 2 MiB: three pieces. A name near the end, a person in two pieces, and the
    // dateline at the top for the inferred publication date.
    let filler = "The fishing fleets stayed in port while the markets waited for the catch.\n\n";
    let mut text = String::from("TOKYO, Aug. 15, 2020 (Kyodo) -\nShinzo Abe arrived.\n\n");
    while text.len() < (2 << 20) + 1000 {
        text.push_str(filler);
    }
    text.push_str("Abe said Japan wants all four islands back, nearly 75 years after the end of World War II. Kunashiri is close.");
    let x = extract(&text, None);
    assert_eq!(x.people.len(), 1, "{:?}", x.people);
    let kunashiri = x.islands.iter().find(|m| m.islands == IslandSet::from([Island::Kunashir])).unwrap();
    assert_eq!(kunashiri.evidence.text(&text), "Kunashiri");
    assert_eq!(kunashiri.evidence.sentence_text(&text), "Kunashiri is close.");
    assert_eq!(x.published.map(|d| d.to_string()).as_deref(), Some("2020-08-15"));
    assert!(x.positions.iter().any(|p| p.holder == party("japan") && p.formula == FormulaId::FourIslands));
}

#[test]
fn a_long_document_reads_the_same_on_one_thread_and_on_several() {
    // Two fixtures one after another, over 2 MiB: three pieces, each with people, quotes,
    // events and positions. Read side by side, the pieces join into the record one thread
    // gives, spans and all.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let parts = ["wire-2018-11-15.txt", "agency-1993-10-12.txt"]
        .map(|n| std::fs::read_to_string(dir.join(n)).unwrap());
    let mut text = String::new();
    while text.len() < (2 << 20) + 1000 {
        for part in &parts {
            text.push_str(part);
            text.push_str("\n\n");
        }
    }
    let doc = Document::new("long.txt", text).unwrap().with_published("2018-11-15".parse().unwrap());
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| extractor.extract(&doc))
    };
    let one = on(1);
    assert!(one.positions.len() > 10 && one.events.len() > 3 && one.quotes.len() > 10, "{one:?}");
    let last = one.quotes.last().unwrap().evidence.span.start;
    assert!(last > 2 << 20, "a quote in the last piece, at {last}");
    assert_eq!(on(2), one);
}

fn fixture(name: &str) -> Extraction {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    Extractor::new(Dataset::builtin()).unwrap().extract(&Document::from_path(path).unwrap())
}

#[test]
fn wire_copy_of_2018_with_a_venue_an_appositive_and_a_dateline() {
    let x = fixture("wire-2018-11-15.txt");
    assert_eq!(x.published.map(|d| d.to_string()).as_deref(), Some("2018-11-15"));
    // Singapore is only the venue of the meeting; the dateline is not an event.
    assert_eq!(parties(&x), ["japan", "russia", "soviet-union"]);
    assert!(x.events.iter().all(|e| e.date.to_string() != "2018-11-15" || e.kind != EventKind::Other));
    // "Wednesday" before Thursday 15 November 2018, with the agreement it names.
    let summit = x.events.iter().find(|e| e.date.to_string() == "2018-11-14").unwrap();
    assert_eq!(summit.agreement, Some(AgreementId::SingaporeAgreement2018));
    // Both sides' stance at Singapore, at the signing's date.
    let singapore: Vec<_> = x
        .positions
        .iter()
        .filter(|p| {
            p.formula == FormulaId::TwoIslands1956 && p.date.is_some_and(|d| d.to_string() == "2018-11-14")
        })
        .map(|p| p.holder.to_string())
        .collect();
    assert!(
        singapore.contains(&"japan".to_string()) && singapore.contains(&"russia".to_string()),
        "{singapore:?}"
    );
    // The analyst: an appositive after "said X" gives her role and her country.
    let analyst = x.people.iter().find(|p| p.name == "Anna Korsakova").unwrap();
    assert_eq!(analyst.party, Some(party("russia")));
    assert!(!analyst.official);
}

#[test]
fn agency_copy_of_1993_in_british_spelling() {
    let x = fixture("agency-1993-10-12.txt");
    assert_eq!(x.published.map(|d| d.to_string()).as_deref(), Some("1993-10-12"));
    // LONDON in the dateline is a place, not the British government.
    assert!(!parties(&x).contains(&"united-kingdom".to_string()));
    assert_eq!(x.record().islands.len(), 4);
    let mut d = dates(&x);
    d.sort();
    assert!(d.contains(&"1993-10-11".to_string()), "yesterday: {d:?}");
    let p: Vec<_> = x.positions.iter().map(|p| (p.holder.to_string(), p.formula)).collect();
    assert!(p.contains(&("japan".to_string(), FormulaId::FourIslands)), "{p:?}");
    assert!(p.contains(&("russia".to_string(), FormulaId::TwoIslands1956)), "{p:?}");
}

#[test]
fn wire_style_titles_bylines_and_called_quotes() {
    let text = "Japan's top government spokesman, Chief Cabinet Secretary Kenta Morimoto, told a news \
                conference on Wednesday that Tokyo would keep seeking the return of the Northern Territories. \
                Foreign ministry spokeswoman Olga Vetrova described the plan as \"a dead end for both sides\".\n\
                Reporting by Ivan Sokolov; Editing by Mark Hale";
    let x = extract(text, Some("2022-03-24"));
    // The state a title serves, named a few words before it; the stance goes to that state.
    let morimoto = x.people.iter().find(|p| p.name == "Kenta Morimoto").unwrap();
    assert_eq!(morimoto.party, Some(party("japan")));
    assert!(morimoto.official);
    let p = &x.positions[0];
    assert_eq!((p.holder.as_str(), p.formula), ("japan", FormulaId::FourIslands));
    assert_eq!(p.speaker.as_deref(), Some("Kenta Morimoto"));
    assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2022-03-23"));
    // A lower-case title before a name, and a quote introduced by "described … as".
    assert!(x.people.iter().find(|p| p.name == "Olga Vetrova").unwrap().official);
    assert_eq!(x.quotes[0].speaker.as_deref(), Some("Olga Vetrova"));
    // Bylines of wire copy: people without a party.
    for name in ["Ivan Sokolov", "Mark Hale"] {
        assert_eq!(x.people.iter().find(|p| p.name == name).map(|p| p.party.clone()), Some(None), "{name}");
    }
}

/// World news around the dispute's paragraphs is passed over: a dated happening between
/// two other states, far from anything of the dispute, is no event of the record, while
/// the same sentence beside a paragraph about the islands is read.
#[test]
fn world_news_far_from_the_dispute_is_not_read() {
    let filler = "The weather was mild and the markets were calm. ".repeat(40);
    let far = format!(
        "{filler}\n\nJapan and Russia agreed on Nov. 14 to speed up talks on the four islands.\n\n{}\n\nThe president of France met the chancellor of Germany in Berlin on Nov. 12.",
        "Traders watched the price of copper and the yield of bonds. ".repeat(10)
    );
    let x = extract(&far, Some("2018-11-16"));
    assert_eq!(dates(&x), ["2018-11-14"], "{:?}", x.events);
    let near = "Japan and Russia agreed on Nov. 14 to speed up talks on the four islands. The president of France met the chancellor of Germany in Berlin on Nov. 12.";
    let x = extract(&format!("{filler}\n\n{near}"), Some("2018-11-16"));
    assert_eq!(dates(&x), ["2018-11-14", "2018-11-12"], "{:?}", x.events);
}

/// An event carries the islands and the people its sentence names (not those of the
/// sentences around it), so a dataset can file it under them.
#[test]
fn an_event_carries_the_islands_and_people_of_its_sentence() {
    let x = extract(
        "Foreign Minister Taro Kono visited Kunashiri on Tuesday, the ministry said. \
         Sergei Lavrov spoke of Iturup in Moscow last year.",
        Some("2019-05-16"),
    );
    let visit = x.events.iter().find(|e| e.date.to_string() == "2019-05-14").expect("Tuesday's event");
    assert_eq!(visit.islands, IslandSet::from([Island::Kunashir]), "{visit:?}");
    assert_eq!(visit.people, ["Taro Kono"]);
    let last_year = x.events.iter().find(|e| e.date.to_string() == "2018").expect("last year's event");
    assert_eq!(last_year.islands, IslandSet::from([Island::Iturup]), "{last_year:?}");
    assert_eq!(last_year.people, ["Sergei Lavrov"]);
    // Every name an event lists is one of the document's people.
    for e in &x.events {
        assert!(e.people.iter().all(|n| x.people.iter().any(|p| &p.name == n)), "{e:?}");
    }

    // The fixture: the Singapore meeting names its two leaders.
    let x = fixture("wire-2018-11-15.txt");
    let summit = x.events.iter().find(|e| e.date.to_string() == "2018-11-14").unwrap();
    assert_eq!(summit.people, ["Shinzo Abe", "Vladimir Putin"]);
}

#[test]
fn people_of_the_world_news_around_the_dispute_are_people_too() {
    // A paragraph on the dispute, then world news well past the text's top: an official
    // titled there is among the text's people, though no frame is read there.
    let filler = "Shares in Europe closed higher on Thursday as investors weighed new data. ".repeat(30);
    let text = format!(
        "Japan demanded the return of the four islands on Monday.\n\n{filler}\n\nOil prices fell again. Chief economist Helen Marsh said the market had swung to worries about a glut.\n"
    );
    let x = extract(&text, Some("2018-11-15"));
    let marsh = x.people.iter().find(|p| p.name == "Helen Marsh");
    assert!(marsh.is_some_and(|p| p.party.is_none()), "{:?}", x.people);
}

#[test]
fn a_paragraph_of_both_sides_right_after_the_dispute_is_read_past_the_top() {
    // Past the text's top, a paragraph of its own whose subject stands for both sides comes
    // right after one on the dispute: its figure is the dispute's. World news that says "both
    // sides" far from the dispute stays unread.
    let filler = "Markets in Asia were calm on Monday as traders waited for data. ".repeat(30);
    let text = format!(
        "Kuril talks stall\n\n{filler}\n\nSoviet troops seized the four islands in 1945.\n\nNearly 77 years on, the two countries have still not signed a peace treaty.\n\n{filler}\n\nSome 40 lorries were stuck on both sides of the pass, the police said.\n"
    );
    assert!(text.find("77 years").is_some_and(|at| at > 1500));
    let x = extract(&text, Some("2022-03-22"));
    let figures: Vec<f64> = x.figures.iter().map(|f| f.value).collect();
    assert!(figures.contains(&77.0), "{figures:?}");
    assert!(!figures.contains(&40.0), "{figures:?}");
}

/// A happening's agreement is the one of its year before an older one it builds on.
#[test]
fn a_happening_cites_the_agreement_of_its_year() {
    let x = extract(
        "安倍首相とプーチン大統領は14日、1956年の日ソ共同宣言を基礎に平和条約交渉を加速させることで合意した。",
        Some("2018-11-15"),
    );
    let cited: Vec<Option<AgreementId>> =
        x.events.iter().filter(|e| e.date.to_string() == "2018-11-14").map(|e| e.agreement).collect();
    assert_eq!(cited, [Some("singapore-agreement-2018".parse().unwrap())], "{:?}", x.events);
}

#[test]
fn a_chronology_year_on_its_own_line_dates_the_entries_under_it_anywhere_in_the_text() {
    // Past the text's top (always read), a year alone on its line heads the entries under
    // it: its line is read with theirs, so "Jan 27" is 1960's, not the publication year's.
    let filler = "Markets in Asia were calm on Monday as traders waited for data. ".repeat(30);
    let text = format!(
        "A timeline of the island dispute\n\n{filler}\n\nKey dates:\n\n1951\nSept 8 - Japan renounces the Kurils at San Francisco.\n\n1960\nJan 27 - Moscow tells Tokyo the two islands will be handed over only after foreign troops leave Japan.\n"
    );
    assert!(text.find("1960").is_some_and(|at| at > 1500));
    let x = extract(&text, Some("1991-04-15"));
    let d = dates(&x);
    assert!(d.iter().any(|d| d == "1960-01-27"), "{d:?}");
    assert!(d.iter().any(|d| d == "1951-09-08"), "{d:?}");
    assert!(!d.iter().any(|d| d.starts_with("1990") || d.starts_with("1991-01")), "{d:?}");
}
