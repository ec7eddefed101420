//! The extractor never panics, and every span it reports lies in the text on char
//! boundaries: on arbitrary strings and bytes, very long lines, text without spaces, and
//! shuffled pieces of the genre.

use kuril_dispute::Dataset;
use kuril_dispute::extract::{Document, Evidence, Extraction, Extractor};
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor<'static>> =
    LazyLock::new(|| Extractor::new(Dataset::builtin()).unwrap());

fn check_span(text: &str, e: &Evidence) {
    for span in [e.span, e.sentence] {
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?} outside {} bytes", text.len());
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{span:?} splits a char"
        );
    }
    assert!(e.sentence.start <= e.span.start || e.span.start == e.span.end || e.sentence.end <= e.span.start);
}

fn check(text: &str, published: Option<&str>) -> Option<Extraction> {
    let mut doc = Document::new("prop.txt", text).ok()?;
    if let Some(p) = published {
        doc = doc.with_published(p.parse().unwrap());
    }
    let x = EXTRACTOR.extract(&doc);
    let evidence = x
        .islands
        .iter()
        .map(|m| &m.evidence)
        .chain(x.parties.iter().map(|m| &m.evidence))
        .chain(x.agreements.iter().map(|m| &m.evidence))
        .chain(x.people.iter().map(|m| &m.evidence))
        .chain(x.quotes.iter().map(|m| &m.evidence))
        .chain(x.events.iter().map(|m| &m.evidence))
        .chain(x.positions.iter().map(|m| &m.evidence))
        .chain(x.figures.iter().map(|m| &m.evidence));
    for e in evidence {
        check_span(text, e);
    }
    // The record serialises.
    serde_json::to_string(&x.record()).unwrap();
    Some(x)
}

/// Pieces of the genre, to shuffle into odd texts.
const PIECES: &[&str] = &[
    "Japan",
    "Russia",
    "Tokyo",
    "Moscow",
    "the Kremlin",
    "Kunashiri",
    "Iturup",
    "the two islands",
    "the four islands",
    "the 1956 joint declaration",
    "Putin",
    "Abe",
    "said",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2014}",
    "\r\n",
    "\n",
    ". ",
    ", ",
    "on Monday",
    "Nov. 14",
    "last year",
    "1956",
    "2018",
    "54%",
    "three jets",
    "post-war realities",
    "without preconditions",
    "He said",
    "Foreign Minister",
    "Mr.",
    "By",
    "that",
    "(",
    ")",
    ":",
    ";",
    " - ",
    "\u{feff}",
    "\u{00a0}",
    "択捉島",
    "Итуруп",
    "ü",
    "'s",
    "not",
    "as",
    "agreed in 1997",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in "\\PC{0,400}", published in proptest::option::of("20[0-2][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])")) {
        check(&text, published.as_deref());
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        match Document::from_bytes("bytes.bin", bytes) {
            Ok(doc) => {
                let text = doc.text().to_string();
                check(&text, None);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("document bytes.bin: ")),
        }
    }

    #[test]
    fn shuffled_pieces_of_the_genre(pieces in proptest::collection::vec(0..PIECES.len(), 0..120), spaced in any::<bool>()) {
        let sep = if spaced { " " } else { "" };
        let text: String = pieces.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(sep);
        check(&text, Some("2018-11-15"));
    }
}

#[test]
fn very_long_lines_and_text_without_spaces() {
    for unit in
        ["Kunashiri", "Japan,", "\"", "1956-", "Putin said ", "a", "\u{201c}Tokyo\u{201d}", "ü", "54%", "He"]
    {
        let text = unit.repeat(200_000 / unit.len());
        let x = check(&text, Some("2018-11-15")).unwrap();
        // Nothing is dropped silently: repeated names are all found.
        if unit == "Kunashiri" {
            assert!(x.islands.is_empty(), "no word boundary, no name");
        }
    }
    let names = "Kunashiri ".repeat(20_000);
    let x = check(&names, None).unwrap();
    assert_eq!(x.islands.len(), 20_000);
}
