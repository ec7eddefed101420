//! Review, then merge (issue 12, item 3): findings written as JSON, edited as a reviewer or
//! a script would, read back and merged into a dataset; a person or event found in many
//! documents is one record; what cannot go in is reported; datasets merge with datasets.
//! The fixture `tests/fixtures/review-2019-06.jsonl` is written for these tests.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

use kuril_dispute::dataset::{MergeAction, Merged, RecordKind};
use kuril_dispute::event::EventKind;
use kuril_dispute::extract::archive::Archive;
use kuril_dispute::extract::{Document, DocumentFindings, Extractor};
use kuril_dispute::timeline::Entry;
use kuril_dispute::{Dataset, Event, Island, PartyId, PersonId};
use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review-2019-06.jsonl");

/// The fixture's documents: their findings for review, and their texts by id.
fn findings() -> (Vec<DocumentFindings>, HashMap<String, String>) {
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let mut found = Vec::new();
    let mut texts = HashMap::new();
    Archive::new([FIXTURE])
        .extract(
            &extractor,
            |doc, x| (doc.id().to_string(), doc.text().to_string(), DocumentFindings::new(doc, x)),
            |item, _| {
                let (id, text, f) = item.unwrap();
                texts.insert(id, text);
                found.push(f);
                Ok::<(), std::convert::Infallible>(())
            },
        )
        .unwrap();
    (found, texts)
}

/// What a reviewer does to the JSON: drops the stance read in the first document (a
/// paraphrase of Tokyo's line, not a statement of its own), and corrects the people of
/// the protest in the second (the minister it names did not take part; the spokesman did).
fn review(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|line| {
            let mut v: Value = serde_json::from_str(line).unwrap();
            let doc = v["findings"]["doc"].as_str().unwrap().to_string();
            if doc == "harbour-2019-06-04" {
                let positions = v["findings"]["positions"].as_array_mut().unwrap();
                assert_eq!(positions.len(), 1, "{positions:?}");
                positions.clear();
            }
            if doc == "capital-wire-2019-06-06" {
                let event = &mut v["findings"]["events"][0];
                assert_eq!(event["kind"], "statement");
                assert_eq!(event["people"], serde_json::json!(["Oleg Varnin"]));
                event["people"] = serde_json::json!(["Yoshihide Suga"]);
            }
            serde_json::to_string(&v).unwrap()
        })
        .collect()
}

fn read_back(lines: &[String]) -> Vec<DocumentFindings> {
    lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn person(id: &str) -> PersonId {
    id.parse().unwrap()
}

fn events_of<'a>(entries: &[Entry<'a>]) -> Vec<&'a Event> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Event(e) => Some(*e),
            _ => None,
        })
        .collect()
}

/// Every record a merge added is marked extracted and cites the document it was read in,
/// with a span into that document's text and a quote of its sentence.
fn added_records_cite_their_documents(merged: &Merged, texts: &HashMap<String, String>) {
    let d = &merged.dataset;
    let added: Vec<_> = merged.entries.iter().filter(|e| e.action == MergeAction::Added).collect();
    assert!(!added.is_empty());
    for entry in added {
        let (extracted, cite) = match entry.kind {
            RecordKind::Person => {
                let p = d.person(&entry.id).unwrap();
                (p.extracted, &p.cite)
            }
            RecordKind::Event => {
                let e = d.events().find(|e| e.id.as_str() == entry.id).unwrap();
                (e.extracted, &e.cite)
            }
            RecordKind::Position => {
                let p = d.positions().find(|p| p.id.as_str() == entry.id).unwrap();
                (p.extracted, &p.cite)
            }
            other => panic!("a finding became a {other}"),
        };
        assert!(extracted, "{entry:?}");
        let first = &cite[0];
        let source = d.source(&first.source).unwrap();
        assert_eq!(source.document.as_deref(), Some(entry.doc.as_str()), "{entry:?}");
        let text = &texts[&entry.doc];
        let span = first.span.expect("a span");
        let quote = first.quote.as_deref().expect("a quote");
        assert!(!text[span.start..span.end].trim().is_empty());
        // The quote is the start of the sentence that holds the span.
        let start = &quote[..quote.len().min(12)];
        assert!(text.match_indices(start).any(|(i, _)| i <= span.start), "{entry:?}");
    }
}

#[test]
fn review_then_merge_round_trip() {
    let (found, texts) = findings();
    assert_eq!(found.len(), 3);
    let lines: Vec<String> = found.iter().map(|f| serde_json::to_string(f).unwrap()).collect();
    // Unreviewed, everything goes in: the first document's stance is one more citation of
    // a curated position.
    let unreviewed = Dataset::builtin().merge_extractions(read_back(&lines)).unwrap();
    let cites_harbour = |d: &Dataset| {
        d.positions().any(|p| p.cite.iter().any(|c| c.source.as_str() == "doc-harbour-2019-06-04"))
    };
    assert!(cites_harbour(&unreviewed.dataset));

    let merged = Dataset::builtin().merge_extractions(read_back(&review(&lines))).unwrap();
    let d = &merged.dataset;
    // The dropped finding is not there.
    assert!(!cites_harbour(d));
    assert_eq!(merged.linked + merged.added, unreviewed.linked + unreviewed.added - 1);

    // The new event, by island and by person.
    let varnin = d.people().find(|p| p.name == "Oleg Varnin").expect("the minister is added");
    let on_iturup = events_of(&d.timeline().island(Island::Iturup).entries());
    let visit = on_iturup
        .iter()
        .find(|e| e.kind == EventKind::Visit && e.extracted)
        .expect("the visit is filed under Iturup");
    assert_eq!(visit.date.to_string(), "2019-06-03");
    assert_eq!(visit.actors, [PartyId::RUSSIA]);
    assert_eq!(visit.people, std::slice::from_ref(&varnin.id));
    let his = events_of(&d.timeline().person(varnin).entries());
    assert!(his.iter().any(|e| e.id == visit.id), "{his:?}");
    assert!(
        !events_of(&Dataset::builtin().timeline().island(Island::Iturup).entries())
            .iter()
            .any(|e| e.extracted)
    );

    // The changed finding, as changed: the protest names the spokesman, not the minister.
    let protest = d.events().find(|e| e.extracted && e.date.to_string() == "2019-06-05").unwrap();
    assert_eq!(protest.people, [person("yoshihide-suga")]);
    assert!(
        events_of(&d.timeline().person(d.person("yoshihide-suga").unwrap()).entries())
            .iter()
            .any(|e| e.id == protest.id)
    );
    assert!(!his.iter().any(|e| e.id == protest.id));

    // Named in three documents, the minister is one person with three citations.
    assert!(varnin.extracted);
    assert_eq!(varnin.party, Some(PartyId::RUSSIA));
    let docs: Vec<&str> = varnin.cite.iter().map(|c| c.source.as_str()).collect();
    assert_eq!(docs, ["doc-harbour-2019-06-04", "doc-capital-wire-2019-06-06", "doc-north-desk-2019-06-10"]);
    assert_eq!(d.people().filter(|p| p.name == "Oleg Varnin").count(), 1);
    // The curated spokesman is cited, not repeated.
    let suga = d.person("yoshihide-suga").unwrap();
    assert!(!suga.extracted);
    assert_eq!(suga.cite.len(), Dataset::builtin().person("yoshihide-suga").unwrap().cite.len() + 1);

    added_records_cite_their_documents(&merged, &texts);
    // A document's metadata is its source.
    let source = d.source("doc-harbour-2019-06-04").unwrap();
    assert_eq!((source.outlet.as_str(), source.author.as_deref()), ("Harbour Evening Post", Some("R. Sato")));

    // Written out and read back, the same dataset.
    let files = d.to_toml_files().unwrap();
    assert_eq!(&Dataset::from_toml(files.iter().map(|(n, t)| (*n, t.as_str()))).unwrap(), d);
    let json = serde_json::to_string(d).unwrap();
    assert_eq!(&Dataset::from_json(&json).unwrap(), d);

    // Merged again into the result: nothing new, every finding reported as a repeat.
    let again = d.merge_extractions(read_back(&review(&lines))).unwrap();
    assert_eq!((again.linked, again.added), (0, 0));
    assert_eq!(again.skipped.len(), merged.linked + merged.added);
    assert!(
        again.skipped.iter().all(|s| s.reason.contains("already has this citation")),
        "{:?}",
        again.skipped
    );
    assert_eq!(&again.dataset, d);
}

/// A person or an event reported by many documents becomes one record with a citation
/// per document, not one record per document; the event carries every document's people.
#[test]
fn what_many_documents_report_is_one_record() {
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let n = 40;
    let docs: Vec<Document> = (0..n)
        .map(|k| {
            let text = format!(
                "Japan and Russia held talks on fishing near Kunashir on March 3, 2009, Igor Belsky, a Russian analyst, said. \
                 Report {k} of the series."
            );
            Document::new(format!("series-{k}.txt"), text)
                .unwrap()
                .with_published(format!("2009-03-{:02}", 5 + k % 20).parse().unwrap())
        })
        .collect();
    let merged = extractor.extend_dataset(&docs).unwrap();
    let d = &merged.dataset;
    let belsky: Vec<_> = d.people().filter(|p| p.name == "Igor Belsky").collect();
    assert_eq!(belsky.len(), 1);
    assert_eq!(belsky[0].cite.len(), n);
    let talks: Vec<_> = d.events().filter(|e| e.extracted && e.date.to_string() == "2009-03-03").collect();
    assert_eq!(talks.len(), 1, "{talks:?}");
    assert_eq!(talks[0].cite.len(), n);
    assert!(talks[0].islands.contains(Island::Kunashir));
    assert_eq!(talks[0].people, std::slice::from_ref(&belsky[0].id));
    // One added event and one added person; every other finding linked.
    let added: Vec<_> = merged.entries.iter().filter(|e| e.action == MergeAction::Added).collect();
    assert_eq!(added.len(), 2, "{added:?}");
    assert_eq!(merged.linked, 2 * (n - 1));
}

/// What a reviewer's edit makes impossible to record is skipped with a reason, and the
/// rest goes in.
#[test]
fn what_a_reviewer_breaks_is_skipped_with_a_reason() {
    let (found, _) = findings();
    let mut v: Value = serde_json::to_value(&found[0]).unwrap();
    let x = &mut v["findings"];
    x["events"][0]["actors"] = serde_json::json!(["atlantis"]);
    x["events"][1]["evidence"]["span"] = serde_json::json!([40, 40]);
    x["people"][0]["person"] = serde_json::json!("no-such-person");
    x["positions"][0]["date"] = Value::Null;
    let broken: DocumentFindings = serde_json::from_value(v).unwrap();
    let merged = Dataset::builtin().merge_extractions([&broken, &found[2]]).unwrap();
    let reasons: Vec<&str> = merged.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(reasons.contains(&"party `atlantis` is not in the dataset"), "{reasons:?}");
    assert!(reasons.contains(&"its span [40, 40] is empty or reversed"), "{reasons:?}");
    assert!(reasons.contains(&"person `no-such-person` is not in the dataset"), "{reasons:?}");
    assert!(reasons.iter().any(|r| r.starts_with("the stance has no date")), "{reasons:?}");
    assert!(merged.skipped.iter().all(|s| s.doc == "harbour-2019-06-04"));
    assert_eq!(merged.skipped.len(), 4);
    // The other document went in whole.
    assert!(merged.entries.iter().any(|e| e.doc == "north-desk-2019-06-10"));
}

#[test]
fn datasets_merge_with_datasets() {
    let data = Dataset::builtin();
    // With itself: every record there already, as it is.
    let same = data.merge(data).unwrap();
    assert_eq!((same.linked, same.added, same.skipped.len()), (0, 0, 0));
    assert!(same.unchanged > 100);
    assert_eq!(&same.dataset, data);

    // Two people read two documents of the same name from different outlets.
    let extractor = Extractor::new(data).unwrap();
    let doc = |outlet: &str, published: &str| {
        Document::new(
            "1.txt",
            "Igor Belsky, a Russian analyst, said Japan demands the return of all four islands.",
        )
        .unwrap()
        .with_outlet(outlet)
        .with_published(published.parse().unwrap())
    };
    let a = extractor.extend_dataset(&[doc("Harbour Evening Post", "2017-03-02")]).unwrap().dataset;
    let b = extractor.extend_dataset(&[doc("North Desk", "2012-05-06")]).unwrap().dataset;
    let merged = a.merge(&b).unwrap();
    let d = &merged.dataset;
    // b's source took a fresh id, and b's records cite it there.
    let renamed = d.source("doc-1-txt-2").expect("b's source under a fresh id");
    assert_eq!(renamed.outlet, "North Desk");
    let of_2012 = d.positions().find(|p| p.extracted && p.stated.to_string() == "2012-05-06").unwrap();
    assert_eq!(of_2012.cite[0].source.as_str(), "doc-1-txt-2");
    // The analyst, extracted in both, is one person cited by both sources.
    let belsky: Vec<_> = d.people().filter(|p| p.name == "Igor Belsky").collect();
    assert_eq!(belsky.len(), 1);
    let sources: Vec<&str> = belsky[0].cite.iter().map(|c| c.source.as_str()).collect();
    assert_eq!(sources, ["doc-1-txt", "doc-1-txt-2"]);
    assert_eq!(d.positions().filter(|p| p.extracted).count(), 2);

    // A record of the other dataset that differs from this one's is reported, this one's kept.
    let mut files = b.to_toml_files().unwrap();
    let parties = &mut files.iter_mut().find(|(n, _)| n.ends_with("parties.toml")).unwrap().1;
    *parties = parties.replacen("name = \"Japan\"", "name = \"Nippon\"", 1);
    let changed = Dataset::from_toml(files.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
    let merged = a.merge(&changed).unwrap();
    let s = merged.skipped.iter().find(|s| s.finding == "party japan").expect("the party is reported");
    assert_eq!(s.reason, "differs from this dataset's party japan, which is kept");
    assert_eq!(merged.dataset.party(&PartyId::JAPAN).unwrap().name, "Japan");
}

// ---------------------------------------------------------------------- the example

fn example(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "extract", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs")
}

/// The README's round trip with the example: findings written for review, edited, merged
/// and written as data files and CSV tables; the data loads and answers the queries.
#[test]
fn the_example_reviews_merges_and_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = example(&["--findings".as_ref(), FIXTURE.as_ref()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<String> = String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3);
    let reviewed = dir.path().join("reviewed.jsonl");
    std::fs::write(&reviewed, review(&lines).join("\n") + "\n").unwrap();

    let data = dir.path().join("data");
    let csv = dir.path().join("csv");
    let out = example(&[
        "--merge".as_ref(),
        reviewed.as_os_str(),
        "--data-out".as_ref(),
        data.as_os_str(),
        "--csv".as_ref(),
        csv.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("extract: merged: "), "{stderr}");
    assert!(out.stdout.is_empty());

    let d = Dataset::from_dir(&data).unwrap();
    let varnin = d.people().find(|p| p.name == "Oleg Varnin").unwrap();
    let on_iturup = events_of(&d.timeline().island(Island::Iturup).entries());
    let by_him = events_of(&d.timeline().person(varnin).entries());
    let visit = on_iturup.iter().find(|e| e.extracted && e.kind == EventKind::Visit).unwrap();
    assert!(by_him.iter().any(|e| e.id == visit.id));
    let events = std::fs::read_to_string(csv.join("events.csv")).unwrap();
    assert!(events.lines().any(|l| l.starts_with(&format!("{},2019-06-03,visit", visit.id))), "{events}");

    // A bad line is reported with its number, the rest merged: exit 1.
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, format!("{}\n{{\"findings\": 3}}\n", review(&lines)[0])).unwrap();
    let out = example(&["--merge".as_ref(), bad.as_os_str(), "--csv".as_ref(), csv.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("extract: bad.jsonl:2: not valid JSON"), "{stderr}");
    assert!(stderr.contains("extract: merged: "), "{stderr}");

    // --merge without a place to write the dataset is bad usage.
    let out = example(&["--merge".as_ref(), reviewed.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--merge needs --csv DIR or --data-out DIR"));
}

/// The documents themselves merge too, without a review step, into a dataset of one's own.
#[test]
fn the_example_merges_documents_into_a_given_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base");
    Dataset::builtin().write_dir(&base).unwrap();
    let csv = dir.path().join("csv");
    let out =
        example(&["--data".as_ref(), base.as_os_str(), "--csv".as_ref(), csv.as_os_str(), FIXTURE.as_ref()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let people = std::fs::read_to_string(csv.join("people.csv")).unwrap();
    assert!(people.lines().any(|l| l.starts_with("oleg-varnin,Oleg Varnin,")), "{people}");
    assert!(Path::new(&csv.join("citations.csv")).exists());
}

/// A script may write findings itself, leaving out every list it has nothing for: what it
/// gives is merged like the extractor's findings.
#[test]
fn findings_written_by_hand_merge() {
    let line = r#"{"findings": {"doc": "notes-7", "lang": "en", "published": "2020-02-03",
        "events": [{"date": "2020-02-01", "kind": "visit", "actors": ["russia"], "islands": ["shikotan"],
                    "evidence": {"span": [0, 8], "sentence": [0, 44]}}]},
        "document": {"outlet": "Field notes"},
        "sentences": [{"span": [0, 44], "text": "A delegation visited Shikotan on Saturday."}]}"#;
    let found: DocumentFindings = serde_json::from_str(line).unwrap();
    assert!(found.findings.people.is_empty() && found.findings.figures.is_empty());
    let merged = Dataset::builtin().merge_extractions([&found]).unwrap();
    assert_eq!((merged.added, merged.skipped.len()), (1, 0), "{:?}", merged.skipped);
    let d = &merged.dataset;
    let on_shikotan = events_of(&d.timeline().island(Island::Shikotan).entries());
    let visit = on_shikotan.iter().find(|e| e.extracted).expect("the visit");
    assert_eq!(visit.summary, "A delegation visited Shikotan on Saturday. (read in notes-7)");
    assert_eq!(visit.cite[0].quote.as_deref(), Some("A delegation visited Shikotan on Saturday."));
    assert_eq!(d.source(&visit.cite[0].source).unwrap().outlet, "Field notes");
}
