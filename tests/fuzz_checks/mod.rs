//! The checks the fuzz targets make on one input, shared by `fuzz/fuzz_targets/*.rs` and
//! `tests/fuzz_regressions.rs` (which replays the inputs the fuzzers found). A check
//! panics when the crate misbehaves: a panic inside the crate, or a dataset that does not
//! round-trip.

use kuril_dispute::date::Precision;
use kuril_dispute::id::{EventId, NameId, PositionId};
use kuril_dispute::{AgreementId, Dataset, FormulaId, Island, PartialDate, PartyId, PersonId, SourceId};

/// The table files, in load order: the `n`th NUL-separated part of a `load_toml` input
/// is the `n`th file.
pub const FILES: [&str; 11] = [
    "sources.toml",
    "islands.toml",
    "names.toml",
    "parties.toml",
    "people.toml",
    "agreements.toml",
    "formulas.toml",
    "positions.toml",
    "events.toml",
    "administration.toml",
    "claims.toml",
];

/// A loaded dataset dumps to TOML (and JSON) and loads back equal.
fn round_trips(dataset: &Dataset) {
    let dumped = dataset.to_toml_files().expect("a loaded dataset dumps");
    let again =
        Dataset::from_toml(dumped.iter().map(|(n, t)| (*n, t.as_str()))).expect("a dumped dataset loads");
    assert_eq!(&again, dataset, "TOML round trip changed the dataset");
    let json = serde_json::to_string(dataset).expect("a loaded dataset serialises");
    assert_eq!(Dataset::from_json(&json).as_ref(), Ok(dataset), "JSON round trip changed the dataset");
}

/// Bytes split at NUL into the table files (the last two are optional), given to `Dataset::from_toml`.
pub fn load_toml(data: &[u8]) {
    let texts: Vec<String> =
        data.split(|&b| b == 0).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    match Dataset::from_toml(FILES.iter().zip(&texts).map(|(name, text)| (*name, text.as_str()))) {
        Ok(dataset) => round_trips(&dataset),
        Err(e) => assert!(!e.problems().is_empty() && !e.to_string().is_empty()),
    }
}

/// Text given to `Dataset::from_json`.
pub fn load_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Dataset::from_json(text) {
        Ok(dataset) => round_trips(&dataset),
        Err(e) => assert!(!e.problems().is_empty() && !e.to_string().is_empty()),
    }
}

fn prints_back<T>(text: &str)
where
    T: std::str::FromStr + std::fmt::Display,
    T::Err: std::fmt::Display,
{
    match text.parse::<T>() {
        Ok(value) => assert_eq!(value.to_string(), text, "{text:?} does not print back unchanged"),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// Text given to every string parser: dates, ids, closed vocabularies.
pub fn parse_strings(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match text.parse::<PartialDate>() {
        Ok(date) => {
            let printed = date.to_string();
            assert_eq!(printed.parse::<PartialDate>().ok(), Some(date), "{printed:?} does not parse back");
            assert!(date.first_day() <= date.last_day());
            for p in [Precision::Year, Precision::Month, Precision::Day] {
                assert!(date.truncate(p).contains(date));
            }
        }
        Err(e) => assert!(e.to_string().contains("invalid date")),
    }
    prints_back::<PartyId>(text);
    prints_back::<PersonId>(text);
    prints_back::<SourceId>(text);
    prints_back::<EventId>(text);
    prints_back::<PositionId>(text);
    prints_back::<NameId>(text);
    prints_back::<Island>(text);
    prints_back::<AgreementId>(text);
    prints_back::<FormulaId>(text);
}

/// Bytes read as a document and extracted: `Document::from_bytes` returns a document or
/// an error naming it; the extractor never panics, every span it reports lies in the text
/// on char boundaries, and the record serialises.
pub fn extract_document(data: &[u8]) {
    use kuril_dispute::extract::{Document, Extractor};
    use std::sync::LazyLock;
    static EXTRACTOR: LazyLock<Extractor<'static>> =
        LazyLock::new(|| Extractor::new(Dataset::builtin()).expect("the built-in names compile"));
    let doc = match Document::from_bytes("fuzz.txt", data.to_vec()) {
        Ok(doc) => doc,
        Err(e) => {
            assert!(e.to_string().starts_with("document fuzz.txt: "), "{e}");
            return;
        }
    };
    let x = EXTRACTOR.extract(&doc);
    let text = doc.text();
    let spans = x
        .islands
        .iter()
        .map(|m| m.evidence)
        .chain(x.parties.iter().map(|m| m.evidence))
        .chain(x.agreements.iter().map(|m| m.evidence))
        .chain(x.people.iter().map(|m| m.evidence))
        .chain(x.quotes.iter().map(|m| m.evidence))
        .chain(x.events.iter().map(|m| m.evidence))
        .chain(x.positions.iter().map(|m| m.evidence))
        .chain(x.figures.iter().map(|m| m.evidence))
        .flat_map(|e| [e.span, e.sentence]);
    for s in spans {
        assert!(s.start <= s.end && s.end <= text.len(), "span {s:?} outside the text");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s:?} splits a char");
    }
    serde_json::to_string(&x.record()).expect("a record serialises");
}

/// Bytes read as reviewed findings, one JSON `DocumentFindings` per line (lines that do
/// not parse are passed over, as a reviewer's broken line would be reported and skipped),
/// merged into the built-in data: a merged dataset or an error listing its problems,
/// never a panic; a merged dataset round-trips, and merging the same findings into it
/// again adds nothing.
pub fn merge_findings(data: &[u8]) {
    use kuril_dispute::extract::DocumentFindings;
    let reviewed: Vec<DocumentFindings> =
        data.split(|&b| b == b'\n').filter_map(|line| serde_json::from_slice(line).ok()).collect();
    let base = Dataset::builtin();
    match base.merge_extractions(&reviewed) {
        Ok(merged) => {
            let json = serde_json::to_string(&merged.dataset).expect("a merged dataset serialises");
            assert_eq!(
                Dataset::from_json(&json).as_ref(),
                Ok(&merged.dataset),
                "JSON round trip changed the merged dataset"
            );
            let again = merged.dataset.merge_extractions(&reviewed).expect("merging again passes the checks");
            assert_eq!(again.added, 0, "merging the same findings again added records");
        }
        Err(e) => assert!(!e.problems().is_empty() && !e.to_string().is_empty()),
    }
}
