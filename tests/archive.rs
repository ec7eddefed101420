//! Archives: directories of text files and JSON Lines files, read in a stable order, each
//! bad item reported with where it is, the rest read; and the extract example on them.

use std::path::Path;
use std::process::{Command, Output};

use kuril_dispute::Dataset;
use kuril_dispute::extract::archive::{Archive, ArchiveError, Input, LineProblem};
use kuril_dispute::extract::{Document, Extractor};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn example(args: &[&std::ffi::OsStr], threads: &str) -> Output {
    Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "extract", "--"])
        .args(args)
        .env("RAYON_NUM_THREADS", threads)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs")
}

fn docs_of(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].as_str().unwrap().to_string())
        .collect()
}

/// A directory of notes in nested folders, a file that is not text beside them.
fn notes(root: &Path) {
    write(&root.join("zeta.txt"), "Tokyo protested on Monday.");
    write(&root.join("2019/03/b.txt"), "Japan demands the return of all four islands.");
    write(&root.join("2019/03/a.txt"), "Moscow insists that Tokyo accept the post-war realities.");
    write(&root.join("2018/c.txt"), "Russia will not discuss the islands, the ministry said.");
    write(&root.join("2018/README.md"), "not a document");
}

#[test]
fn a_directory_is_walked_in_sorted_order_with_relative_ids() {
    let dir = tempfile::tempdir().unwrap();
    notes(dir.path());
    let ids: Vec<String> = Archive::new([dir.path()]).map(|d| d.unwrap().id().to_string()).collect();
    assert_eq!(ids, ["2018/c.txt", "2019/03/a.txt", "2019/03/b.txt", "zeta.txt"]);
    // The same order, whatever the order the files were made in.
    let again = tempfile::tempdir().unwrap();
    for name in ["2019/03/a.txt", "zeta.txt", "2018/c.txt", "2019/03/b.txt"] {
        write(&again.path().join(name), "Tokyo protested.");
    }
    let ids2: Vec<String> = Archive::new([again.path()]).map(|d| d.unwrap().id().to_string()).collect();
    assert_eq!(ids, ids2);
}

/// Good lines, a line that is not JSON, one without text, one with a bad date and
/// fields the format does not know, a blank line, a text of the wrong type.
fn mixed_lines(path: &Path) {
    let lines = [
        r#"{"id": "wire-1", "text": "Japan demands the return of all four islands.", "published": "2017-03-02", "outlet": "Harbour Evening Post", "url": "https://news.example/wire-1", "author": "R. Sato", "title": "Four islands, again", "lang": "en", "section": "world"}"#,
        r#"{"id": "wire-2", "text": "Tokyo protested on Monday." "published": "2019-01-16"}"#,
        r#"{"id": "wire-3", "published": "2019-01-16", "outlet": "Harbour Evening Post"}"#,
        r#"{"id": "wire-4", "text": "Moscow insists on the post-war realities.", "published": "the 16th of January", "likes": 12, "tags": ["x"]}"#,
        "",
        r#"{"text": "Moscow insists that Tokyo accept the post-war realities.", "published": "2019-01-16T08:30:00Z", "shares": {"n": 3}}"#,
        r#"{"id": "wire-7", "text": ["not", "a", "string"]}"#,
        r#"{"id": 8, "text": "Tokyo protested on Monday."}"#,
    ];
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn each_bad_line_is_reported_with_its_number_and_the_good_ones_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wire.jsonl");
    mixed_lines(&file);
    let mut read = Vec::new();
    let mut bad = Vec::new();
    for item in Archive::new([&file]) {
        match item {
            Ok(doc) => read.push(doc),
            Err(ArchiveError::Line { file, line, problem }) => bad.push((file, line, problem)),
            Err(e) => panic!("{e}"),
        }
    }
    let ids: Vec<&str> = read.iter().map(Document::id).collect();
    assert_eq!(ids, ["wire-1", "wire.jsonl:6", "8"]);
    let lines: Vec<u64> = bad.iter().map(|(_, line, _)| *line).collect();
    assert_eq!(lines, [2, 3, 4, 7]);
    assert!(bad.iter().all(|(file, ..)| file == "wire.jsonl"));
    assert!(matches!(bad[0].2, LineProblem::Json { column: 55, .. }), "{:?}", bad[0].2);
    assert!(matches!(bad[1].2, LineProblem::NoText));
    assert!(matches!(&bad[2].2, LineProblem::BadDate { value, .. } if value == "the 16th of January"));
    assert!(matches!(&bad[3].2, LineProblem::Json { message, .. } if message.contains("invalid type")));

    // The metadata of a line lands in its document; a timestamp gives its day.
    let first = &read[0];
    assert_eq!(first.published().map(|d| d.to_string()).as_deref(), Some("2017-03-02"));
    assert_eq!(first.outlet(), Some("Harbour Evening Post"));
    assert_eq!(first.url(), Some("https://news.example/wire-1"));
    assert_eq!(first.author(), Some("R. Sato"));
    assert_eq!(first.title(), Some("Four islands, again"));
    assert_eq!(first.lang(), Some("en"));
    assert_eq!(read[1].published().map(|d| d.to_string()).as_deref(), Some("2019-01-16"));
    assert_eq!(read[2].published(), None);
}

#[test]
fn the_example_reads_the_good_lines_reports_the_bad_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wire.jsonl");
    mixed_lines(&file);
    notes(&dir.path().join("notes"));
    let out = example(&["--json".as_ref(), dir.path().join("notes").as_os_str(), file.as_os_str()], "2");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for line in [2, 3, 4, 7] {
        assert!(stderr.contains(&format!("extract: wire.jsonl:{line}: ")), "line {line}: {stderr}");
    }
    assert!(stderr.contains("wire.jsonl:3: no \"text\" field"), "{stderr}");
    assert!(stderr.contains("\"published\" is \"the 16th of January\", not a date"), "{stderr}");
    assert!(stderr.contains("extract: 7 documents read, 4 reported"), "{stderr}");
    assert_eq!(
        docs_of(&out.stdout),
        ["2018/c.txt", "2019/03/a.txt", "2019/03/b.txt", "zeta.txt", "wire-1", "wire.jsonl:6", "8"]
    );
    // The line's date and language are in its record.
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().nth(4).unwrap()).unwrap();
    assert_eq!(first["published"], "2017-03-02");
    assert_eq!(first["lang"], "en");
    assert_eq!(first["positions"][0]["date"], "2017-03-02");
}

#[test]
fn every_document_read_is_exit_0_and_bad_usage_is_2() {
    let dir = tempfile::tempdir().unwrap();
    notes(dir.path());
    let out = example(&["--json".as_ref(), dir.path().as_os_str()], "1");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("extract: 4 documents read, 0 reported"));
    assert_eq!(example(&["--no-such-flag".as_ref()], "1").status.code(), Some(2));
    assert_eq!(example(&["--json".as_ref()], "1").status.code(), Some(2));
}

/// Output is in input order over several batches, whatever the number of threads.
#[test]
fn output_order_is_the_input_order_with_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.jsonl");
    let texts = [
        "Japan demands the return of all four islands.",
        "Moscow insists that Tokyo accept the post-war realities, Lavrov said on Monday.",
        "Tokyo protested.",
        "Putin and Abe met in Singapore and agreed to speed up talks on the basis of the 1956 declaration.",
    ];
    let n = kuril_dispute::extract::archive::BATCH_DOCUMENTS + 88;
    let mut lines = String::new();
    for k in 0..n {
        let text = texts[k % texts.len()];
        lines += &format!(
            "{}\n",
            serde_json::json!({ "id": format!("n{k}"), "text": text, "published": "2018-11-15" })
        );
    }
    std::fs::write(&file, lines).unwrap();
    let expected: Vec<String> = (0..n).map(|k| format!("n{k}")).collect();
    let one = example(&["--json".as_ref(), file.as_os_str()], "1");
    let two = example(&["--json".as_ref(), file.as_os_str()], "2");
    assert_eq!(one.status.code(), Some(0), "{}", String::from_utf8_lossy(&one.stderr));
    assert_eq!(docs_of(&one.stdout), expected);
    assert_eq!(one.stdout, two.stdout);
}

/// A line past the limit is reported with its size and passed over (read in pieces,
/// never held whole); the next line is read.
#[test]
fn a_huge_line_is_refused_and_the_next_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.jsonl");
    let huge = format!("{{\"text\": \"{}\"}}\n", "x".repeat(20_000_000));
    let next = "{\"id\": \"after\", \"text\": \"Tokyo protested.\"}\n";
    std::fs::write(&file, format!("{huge}{next}")).unwrap();
    let items: Vec<_> = Archive::new([&file]).with_max_bytes(4096).collect();
    assert_eq!(items.len(), 2);
    match &items[0] {
        Err(ArchiveError::Line { line: 1, problem: LineProblem::TooLong { size, max: 4096 }, .. }) => {
            assert_eq!(*size, huge.len() as u64)
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        items[0].as_ref().unwrap_err().to_string(),
        format!("huge.jsonl:1: {} bytes, more than the limit of 4096 bytes: skipped", huge.len())
    );
    assert_eq!(items[1].as_ref().map(Document::id).ok(), Some("after"));
}

/// `--published` dates plain files and the lines without a date of their own; a line's
/// own date wins.
#[test]
fn a_lines_own_date_wins_over_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("two.jsonl");
    std::fs::write(
        &file,
        "{\"id\": \"own\", \"text\": \"Tokyo protested.\", \"published\": \"2001-02-03\"}\n\
         {\"id\": \"none\", \"text\": \"Tokyo protested.\"}\n",
    )
    .unwrap();
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "Tokyo protested.").unwrap();
    let default = "2019-11-20".parse().unwrap();
    let dates: Vec<String> = Archive::new([file.as_path(), plain.as_path()])
        .with_published(default)
        .map(|d| d.unwrap().published().unwrap().to_string())
        .collect();
    assert_eq!(dates, ["2001-02-03", "2019-11-20", "2019-11-20"]);
}

/// What the archive's lines say of themselves is the source of what they yield.
#[test]
fn a_lines_metadata_becomes_the_source_of_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wire.jsonl");
    mixed_lines(&file);
    let docs: Vec<Document> = Archive::new([file]).filter_map(Result::ok).collect();
    let extractor = Extractor::new(Dataset::builtin()).unwrap();
    let out = extractor.extend_dataset(&docs).unwrap();
    let added =
        out.dataset.positions().find(|p| p.extracted && p.stated.to_string() == "2017-03-02").unwrap();
    let source = out.dataset.source(&added.cite[0].source).unwrap();
    assert_eq!(source.outlet, "Harbour Evening Post");
    assert_eq!(source.url.as_deref(), Some("https://news.example/wire-1"));
    assert_eq!(source.author.as_deref(), Some("R. Sato"));
    assert_eq!(source.title, "Four islands, again");
    assert_eq!(source.document.as_deref(), Some("wire-1"));
}

/// Files, directories and archives that cannot be read are reported and the rest read.
#[test]
fn what_cannot_be_opened_is_reported_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Tokyo protested.").unwrap();
    let missing_lines = dir.path().join("missing.jsonl");
    let missing_doc = dir.path().join("missing.txt");
    let items: Vec<_> = Archive::new([
        Input::from(missing_lines.as_path()),
        Input::from(missing_doc.as_path()),
        Input::from(good.as_path()),
    ])
    .collect();
    assert!(matches!(&items[0], Err(ArchiveError::Io { path, .. }) if path.ends_with("missing.jsonl")));
    assert!(items[0].as_ref().unwrap_err().to_string().contains("missing.jsonl: cannot read it: "));
    assert!(
        items[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with(&format!("document {}: cannot read it", missing_doc.display())),
        "{:?}",
        items[1]
    );
    assert_eq!(items[2].as_ref().map(Document::id).ok(), Some("good.txt"));
    assert_eq!(items.len(), 3);
}
