//! Documents into datasets: findings become cited people, events and positions; a finding
//! matching a curated record becomes one more citation of it; nothing is dropped silently.

use kuril_dispute::event::EventKind;
use kuril_dispute::extract::{Document, Extractor};
use kuril_dispute::{Dataset, FormulaId, PartyId};

fn doc(id: &str, text: &str, published: Option<&str>) -> Document {
    let d = Document::new(id, text).unwrap();
    match published {
        Some(p) => d.with_published(p.parse().unwrap()),
        None => d,
    }
}

#[test]
fn extending_links_what_is_known_and_adds_what_is_new() {
    let data = Dataset::builtin();
    let extractor = Extractor::new(data).unwrap();
    let text = "Igor Belsky, a Russian analyst, said Putin would keep the 1956 joint declaration in mind.";
    let out = extractor.extend_dataset(&[doc("wire-1.txt", text, Some("2017-02-03"))]).unwrap();
    let d = &out.dataset;

    // The known person: one more citation, with the span of the mention.
    let putin = d.person("vladimir-putin").unwrap();
    let before = data.person("vladimir-putin").unwrap();
    assert_eq!(putin.cite.len(), before.cite.len() + 1);
    let cite = putin.cite.last().unwrap();
    assert_eq!(cite.source.as_str(), "doc-wire-1-txt");
    let span = cite.span.unwrap();
    assert_eq!(&text[span.start..span.end], "Putin");
    assert!(!putin.extracted);

    // The unknown one: added, marked, with the party the text gives.
    let belsky = d.people().find(|p| p.name == "Igor Belsky").unwrap();
    assert!(belsky.extracted);
    assert_eq!(belsky.party, Some(PartyId::RUSSIA));

    // The signing of 1956, named with its year: linked to the curated event.
    let signing = d
        .events()
        .find(|e| e.kind == EventKind::AgreementSigned && e.date.to_string() == "1956-10-19")
        .unwrap();
    assert!(signing.cite.iter().any(|c| c.source.as_str() == "doc-wire-1-txt"));
    assert_eq!(d.events().count(), data.events().count());

    // The document itself is a source.
    let source = d.source("doc-wire-1-txt").unwrap();
    assert_eq!(source.document.as_deref(), Some("wire-1.txt"));
    assert_eq!(out.added, 1);
    assert_eq!(out.linked, 2);
}

#[test]
fn what_cannot_become_a_record_is_reported() {
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    // A stance without any date, and a state acting outside its lifetime.
    let undated = doc("a.txt", "Japan demands the return of all four islands.", None);
    let anachronism = doc("b.txt", "The Soviet government protested to Japan in 2014.", None);
    let out = extractor.extend_dataset(&[undated, anachronism]).unwrap();
    let reasons: Vec<(&str, &str)> =
        out.skipped.iter().map(|s| (s.doc.as_str(), s.reason.as_str())).collect();
    assert!(reasons.iter().any(|(d, r)| *d == "a.txt" && r.contains("no date")), "{reasons:?}");
    assert!(
        reasons.iter().any(|(d, r)| *d == "b.txt" && r.contains("soviet-union did not exist on 2014")),
        "{reasons:?}"
    );
}

#[test]
fn a_dataset_from_documents_alone_round_trips() {
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let docs = [
        doc(
            "one.txt",
            "Moscow insists that Tokyo accept the post-war realities, Lavrov said on Monday.",
            Some("2019-01-16"),
        ),
        doc(
            "two.txt",
            "The Kremlin again insisted that Japan accept the post-war realities.",
            Some("2019-02-10"),
        ),
    ];
    let out = extractor.dataset_from(&docs).unwrap();
    let d = &out.dataset;
    // Only what the documents say: the same stance twice is one position, cited twice.
    let positions: Vec<_> = d.positions().collect();
    assert_eq!(positions.len(), 1, "{positions:?}");
    assert_eq!(positions[0].formula, Some(FormulaId::StatusQuo));
    assert_eq!(positions[0].holder, PartyId::RUSSIA);
    assert_eq!(positions[0].cite.len(), 2);
    assert!(positions[0].extracted);
    assert!(d.events().all(|e| e.extracted));
    // Lavrov is the curated person, cited by the document.
    assert!(d.people().any(|p| p.id.as_str() == "sergei-lavrov" && !p.extracted));
    // Written out and read back, it is the same dataset, marks included.
    let files = d.to_toml_files().unwrap();
    let again = Dataset::from_toml(files.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
    assert_eq!(&again, d);
}

/// What the dataset's checks ask of a signing event and of a speaker, the builder asks
/// first: a news report of a signing "on Monday" of a 1956 agreement is reported, not
/// recorded as a signing in 2017; a curated person who held no role at the date is named
/// as the document names them, not linked as the speaker.
#[test]
fn findings_that_the_checks_would_refuse_are_skipped_or_unlinked() {
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let signing = doc(
        "c.txt",
        "Japan and Russia signed the 1956 Joint Declaration on Monday in Moscow.",
        Some("2017-02-03"),
    );
    let out = extractor.extend_dataset(&[signing]).unwrap();
    assert!(
        out.skipped
            .iter()
            .any(|s| s.reason == "joint-declaration-1956 was signed on 1956-10-19, not on 2017-01-30"),
        "{:?}",
        out.skipped
    );
    assert!(!out.dataset.events().any(|e| e.extracted && e.kind == EventKind::AgreementSigned));

    let early = doc(
        "d.txt",
        "Prime Minister Shinzo Abe said Japan demands the return of all four islands.",
        Some("1990-05-02"),
    );
    let out = extractor.extend_dataset(&[early]).unwrap();
    let added = out.dataset.positions().find(|p| p.extracted).expect("the stance is added");
    assert_eq!((added.speaker.as_ref(), added.office.as_deref()), (None, Some("Shinzo Abe")));
}

/// What is known of a document (outlet, URL, author, title, language) is the source of
/// every record it yields; without it, the source says the outlet is unknown.
#[test]
fn a_documents_metadata_becomes_the_source_of_its_records() {
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let text = "Japan demands the return of all four islands.";
    let dressed = doc("item-7", text, Some("2017-03-02"))
        .with_outlet("Harbour Evening Post")
        .with_url("https://news.example/item-7")
        .with_author("R. Sato")
        .with_title("Four islands, again")
        .with_lang("en");
    let bare = doc("item-8", text, Some("2012-05-06"));
    let out = extractor.extend_dataset(&[dressed, bare]).unwrap();
    let d = &out.dataset;
    let added: Vec<_> = d.positions().filter(|p| p.extracted).collect();
    assert_eq!(added.len(), 2, "{added:?}");

    let source = d
        .source(&added.iter().find(|p| p.stated.to_string() == "2017-03-02").unwrap().cite[0].source)
        .unwrap();
    assert_eq!(source.outlet, "Harbour Evening Post");
    assert_eq!(source.url.as_deref(), Some("https://news.example/item-7"));
    assert_eq!(source.author.as_deref(), Some("R. Sato"));
    assert_eq!(source.title, "Four islands, again");
    assert_eq!(source.language.as_deref(), Some("en"));
    assert_eq!(source.date.map(|d| d.to_string()).as_deref(), Some("2017-03-02"));
    assert_eq!(source.document.as_deref(), Some("item-7"));

    let source = d
        .source(&added.iter().find(|p| p.stated.to_string() == "2012-05-06").unwrap().cite[0].source)
        .unwrap();
    assert!(source.outlet.starts_with("unknown"), "{}", source.outlet);
    assert_eq!((source.url.as_deref(), source.author.as_deref()), (None, None));
    // The language it was read as, when none was given.
    assert_eq!(source.language.as_deref(), Some("en"));
}
