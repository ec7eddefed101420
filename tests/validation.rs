//! `Dataset::from_dir` rejects bad data with a typed problem that says where it is.
//!
//! Each test copies the built-in `data/` directory into a temporary directory, breaks one
//! thing, and checks the problem reported and its location.

use std::fs;
use std::path::{Path, PathBuf};

use kuril_dispute::{Dataset, LoadError, Problem};
use tempfile::TempDir;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

/// A copy of the built-in data in a temporary directory.
fn copy_of_data() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(DATA).unwrap() {
        let entry = entry.unwrap();
        // The tables are the files; `lexicon/` is the extractor's, not the dataset's.
        if entry.path().is_file() {
            fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn file(dir: &TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

/// Replaces the first occurrence of `from` in a file; panics if there is none.
fn replace_first(dir: &TempDir, name: &str, from: &str, to: &str) {
    let path = file(dir, name);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{name} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn append(dir: &TempDir, name: &str, extra: &str) {
    let path = file(dir, name);
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(extra);
    fs::write(&path, text).unwrap();
}

/// The 1-based line of the first occurrence of `needle` in a file.
fn line_of(dir: &TempDir, name: &str, needle: &str) -> usize {
    let text = fs::read_to_string(file(dir, name)).unwrap();
    let offset = text.find(needle).unwrap_or_else(|| panic!("{name} has no {needle:?}"));
    text[..offset].matches('\n').count() + 1
}

fn load_err(dir: &TempDir) -> LoadError {
    match Dataset::from_dir(dir.path()) {
        Ok(_) => panic!("the broken data loaded"),
        Err(e) => e,
    }
}

/// The only problem reported.
fn only_problem(dir: &TempDir) -> Problem {
    let err = load_err(dir);
    assert_eq!(err.problems().len(), 1, "{err}");
    err.problems()[0].clone()
}

fn assert_at(p: &Problem, name: &str, line: usize) {
    let at = p.location().unwrap_or_else(|| panic!("no location in {p}"));
    assert!(at.file.ends_with(name), "{p}");
    assert_eq!(at.line, line, "{p}");
    // The message names the place too.
    assert!(p.to_string().contains(&format!("{name}:{line}:")), "{p}");
}

#[test]
fn the_unbroken_copy_loads() {
    let dir = copy_of_data();
    assert!(Dataset::from_dir(dir.path()).is_ok());
}

#[test]
fn malformed_toml() {
    let dir = copy_of_data();
    append(&dir, "events.toml", "\n[[event]]\nid = \"unterminated\n");
    let p = only_problem(&dir);
    assert!(matches!(p, Problem::Syntax { .. }), "{p}");
    let line = line_of(&dir, "events.toml", "id = \"unterminated");
    assert_at(&p, "events.toml", line);
}

#[test]
fn unknown_field_in_a_record() {
    let dir = copy_of_data();
    replace_first(&dir, "parties.toml", "\nname = ", "\ncapital = \"Somewhere\"\nname = ");
    let p = only_problem(&dir);
    match &p {
        Problem::UnknownField { field, .. } => assert_eq!(field, "capital"),
        other => panic!("expected an unknown field, got {other}"),
    }
    let line = line_of(&dir, "parties.toml", "capital = ");
    assert_at(&p, "parties.toml", line);
}

#[test]
fn unknown_table() {
    let dir = copy_of_data();
    append(&dir, "events.toml", "\n[[evnt]]\nid = \"x\"\n");
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::UnknownField { field, .. } if field == "evnt"), "{p}");
}

#[test]
fn missing_required_field_and_wrong_type() {
    let dir = copy_of_data();
    replace_first(&dir, "events.toml", "\nkind = ", "\nkinds = ");
    let p = only_problem(&dir);
    assert!(matches!(p, Problem::UnknownField { .. } | Problem::Schema { .. }), "{p}");

    let dir = copy_of_data();
    replace_first(&dir, "islands.toml", "km2 = ", "km2 = \"big\" # ");
    let p = only_problem(&dir);
    assert!(matches!(p, Problem::Schema { .. }), "{p}");
    assert!(p.location().unwrap().file.ends_with("islands.toml"));
}

#[test]
fn malformed_date_and_id() {
    let dir = copy_of_data();
    replace_first(&dir, "events.toml", "\ndate = \"", "\ndate = \"18-");
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::Schema { message, .. } if message.contains("invalid date")), "{p}");

    let dir = copy_of_data();
    replace_first(&dir, "people.toml", "\nid = \"", "\nid = \"Not Kebab ");
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::Schema { message, .. } if message.contains("kebab-case")), "{p}");
}

#[test]
fn duplicate_ids() {
    let dir = copy_of_data();
    let text = fs::read_to_string(file(&dir, "people.toml")).unwrap();
    let start = text.find("\n[[person]]\n").unwrap() + 1;
    let end = text[start + 1..].find("\n[[person]]\n").map_or(text.len(), |e| e + start + 2);
    let first_person = text[start..end].to_owned();
    append(&dir, "people.toml", &format!("\n{first_person}"));
    let p = only_problem(&dir);
    match &p {
        Problem::DuplicateId { table, first, at, .. } => {
            assert_eq!(*table, "person");
            assert_eq!(first.line, line_of(&dir, "people.toml", "\n[[person]]\n") + 1);
            assert!(at.line > first.line);
        }
        other => panic!("expected a duplicate id, got {other}"),
    }
}

#[test]
fn reference_to_an_id_that_does_not_exist() {
    let dir = copy_of_data();
    replace_first(&dir, "positions.toml", "holder = \"japan\"", "holder = \"japn\"");
    let p = only_problem(&dir);
    match &p {
        Problem::UnknownReference { field, target, id, record, .. } => {
            assert_eq!((*field, *target, id.as_str()), ("holder", "party", "japn"));
            assert!(record.starts_with("position "));
        }
        other => panic!("expected an unknown reference, got {other}"),
    }

    let dir = copy_of_data();
    replace_first(&dir, "events.toml", "cite = [", "cite = [\"no-such-source\", ");
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::UnknownReference { target: "source", .. }), "{p}");
}

#[test]
fn ratified_before_signed() {
    let dir = copy_of_data();
    replace_first(&dir, "agreements.toml", "ratified = \"1956-12-12\"", "ratified = \"1955-12-12\"");
    let p = only_problem(&dir);
    match &p {
        Problem::DatesOutOfOrder { earlier_field, later_field, record, .. } => {
            assert_eq!((*earlier_field, *later_field), ("signed", "ratified"));
            assert_eq!(record, "agreement joint-declaration-1956");
        }
        other => panic!("expected dates out of order, got {other}"),
    }
    let line = line_of(&dir, "agreements.toml", "id = \"joint-declaration-1956\"");
    assert!(p.location().unwrap().line <= line);
}

#[test]
fn role_that_ends_before_it_starts() {
    let dir = copy_of_data();
    append(
        &dir,
        "people.toml",
        "\n[[person]]\nid = \"test-person\"\nname = \"Test Person\"\ncite = [\"corpus-000\"]\n\
         [[person.role]]\ntitle = \"Minister\"\nfrom = \"2010\"\nto = \"2009-12\"\n",
    );
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::DatesOutOfOrder { earlier_field: "from", later_field: "to", .. }), "{p}");
    assert_at(&p, "people.toml", line_of(&dir, "people.toml", "id = \"test-person\"") - 1);
}

#[test]
fn formula_gives_one_island_to_two_recipients() {
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "  { island = \"shikotan\", to = \"japan\" },\n  { island = \"habomai\", to = \"japan\" },\n]",
        "  { island = \"shikotan\", to = \"japan\" },\n  { island = \"habomai\", to = \"japan\" },\n  { island = \"habomai\", to = \"russia\" },\n]",
    );
    let p = only_problem(&dir);
    match &p {
        Problem::ConflictingTransfer { formula, island, first, second, .. } => {
            // The first formula whose stage ends with Shikotan and Habomai.
            assert_eq!((formula.as_str(), island.as_str()), ("four-islands", "habomai"));
            assert_eq!((first.as_str(), second.as_str()), ("japan", "russia"));
        }
        other => panic!("expected a conflicting transfer, got {other}"),
    }
    assert!(p.location().unwrap().file.ends_with("formulas.toml"));
}

#[test]
fn shares_of_one_island_over_the_whole() {
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "{ island = \"iturup\", to = \"japan\", share = 0.21 },",
        "{ island = \"iturup\", to = \"japan\", share = 0.21 },\n  { island = \"iturup\", to = [\"japan\", \"russia\"], share = 0.9 },",
    );
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::ConflictingTransfer { formula, .. } if formula == "area-split"), "{p}");
}

#[test]
fn missing_agreement_or_formula() {
    let dir = copy_of_data();
    replace_first(&dir, "formulas.toml", "id = \"hikiwake\"", "id = \"three-islands\"");
    let err = load_err(&dir);
    assert!(
        err.problems()
            .iter()
            .any(|p| matches!(p, Problem::MissingRecord { table: "formula", id, .. } if id == "hikiwake")),
        "{err}"
    );
    assert!(
        err.problems().iter().any(|p| matches!(p, Problem::DuplicateId { table: "formula", .. })),
        "{err}"
    );
}

#[test]
fn record_without_citations() {
    let dir = copy_of_data();
    append(
        &dir,
        "events.toml",
        "\n[[event]]\nid = \"2000-01-01-test\"\ndate = \"2000-01-01\"\nkind = \"other\"\nactors = [\"japan\"]\n\
         summary = \"A test event.\"\ncite = []\n",
    );
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::Uncited { record, .. } if record == "event 2000-01-01-test"), "{p}");
    assert_at(&p, "events.toml", line_of(&dir, "events.toml", "id = \"2000-01-01-test\"") - 1);
}

#[test]
fn quote_longer_than_25_words() {
    let dir = copy_of_data();
    let long = vec!["word"; 26].join(" ");
    replace_first(
        &dir,
        "events.toml",
        "cite = [",
        &format!("cite = [{{ source = \"corpus-000\", quote = \"{long}\" }}, "),
    );
    let p = only_problem(&dir);
    assert!(matches!(p, Problem::QuoteTooLong { words: 26, limit: 25, .. }), "{p}");
}

#[test]
fn party_acting_outside_its_lifetime() {
    let dir = copy_of_data();
    append(
        &dir,
        "positions.toml",
        "\n[[position]]\nid = \"soviet-union-2005-test\"\nholder = \"soviet-union\"\nformula = \"status-quo\"\n\
         stated = \"2005-04\"\noffice = \"Test\"\nsummary = \"A test.\"\ncite = [\"corpus-000\"]\n",
    );
    let p = only_problem(&dir);
    match &p {
        Problem::Anachronism { party, date, record, .. } => {
            assert_eq!((party.as_str(), date.as_str()), ("soviet-union", "2005-04"));
            assert_eq!(record, "position soviet-union-2005-test");
        }
        other => panic!("expected an anachronism, got {other}"),
    }
}

#[test]
fn position_with_neither_formula_nor_constraints() {
    let dir = copy_of_data();
    append(
        &dir,
        "positions.toml",
        "\n[[position]]\nid = \"japan-2000-test\"\nholder = \"japan\"\nstated = \"2000\"\noffice = \"Test\"\n\
         summary = \"A test.\"\ncite = [\"corpus-000\"]\n",
    );
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::Invalid { record, .. } if record == "position japan-2000-test"), "{p}");
}

#[test]
fn predecessor_cycle() {
    let dir = copy_of_data();
    replace_first(
        &dir,
        "parties.toml",
        "id = \"russian-empire\"",
        "id = \"russian-empire\"\npredecessor = \"russia\"",
    );
    let err = load_err(&dir);
    assert!(
        err.problems()
            .iter()
            .any(|p| matches!(p, Problem::Invalid { message, .. } if message.contains("cycle"))),
        "{err}"
    );
}

/// `n` parties `chain-0 … chain-{n-1}`, each the predecessor of the next; the first's
/// predecessor is `first`.
fn chain(prefix: &str, n: usize, first: Option<&str>) -> String {
    let mut out = String::new();
    for i in 0..n {
        let predecessor = if i == 0 { first.map(str::to_owned) } else { Some(format!("{prefix}-{}", i - 1)) };
        out.push_str(&format!(
            "\n[[party]]\nid = \"{prefix}-{i}\"\nname = \"State {i}\"\n{}cite = [\"corpus-000\"]\n",
            predecessor.map(|p| format!("predecessor = \"{p}\"\n")).unwrap_or_default()
        ));
    }
    out
}

#[test]
fn long_chains_of_predecessors_load_and_a_cycle_names_every_party_on_it() {
    // A clean chain of 3,000 states loads (walked once, not once per state).
    let dir = copy_of_data();
    append(&dir, "parties.toml", &chain("clean", 3_000, Some("japan")));
    Dataset::from_dir(dir.path()).expect("a long clean chain is valid");
    // A chain whose last state is the predecessor of its first: all 500 are reported, and
    // a state whose chain runs into that cycle too, but not a clean chain beside it.
    let dir = copy_of_data();
    append(&dir, "parties.toml", &chain("loop", 500, Some("loop-499")));
    append(&dir, "parties.toml", &chain("into", 1, Some("loop-250")));
    append(&dir, "parties.toml", &chain("clean", 500, None));
    let err = load_err(&dir);
    let mut cyclic: Vec<String> = err
        .problems()
        .iter()
        .filter_map(|p| match p {
            Problem::Invalid { record, message, .. } if message.contains("cycle") => Some(record.clone()),
            _ => None,
        })
        .collect();
    cyclic.sort();
    assert_eq!(cyclic.len(), 501, "{cyclic:?}");
    assert!(cyclic.contains(&"party into-0".to_owned()));
    assert!(!cyclic.iter().any(|r| r.starts_with("party clean")));
}

#[test]
fn missing_file_not_utf8_and_too_large() {
    let dir = copy_of_data();
    fs::remove_file(file(&dir, "names.toml")).unwrap();
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::MissingFile { table: "name", .. }), "{p}");

    let dir = copy_of_data();
    let mut bytes = fs::read(file(&dir, "events.toml")).unwrap();
    bytes.extend_from_slice(b"\n# \xff\xfe\n");
    fs::write(file(&dir, "events.toml"), &bytes).unwrap();
    let p = only_problem(&dir);
    match &p {
        Problem::NotUtf8 { path, valid_up_to } => {
            assert!(path.ends_with("events.toml"));
            assert_eq!(*valid_up_to, bytes.len() - 3);
        }
        other => panic!("expected not UTF-8, got {other}"),
    }

    let dir = copy_of_data();
    let f = fs::File::create(file(&dir, "sources.toml")).unwrap();
    f.set_len(kuril_dispute::dataset::MAX_FILE_BYTES + 1).unwrap();
    let p = only_problem(&dir);
    assert!(matches!(p, Problem::TooLarge { .. }), "{p}");
}

#[test]
fn stray_toml_file_in_the_directory() {
    let dir = copy_of_data();
    fs::write(file(&dir, "event.toml"), "[[event]]\n").unwrap();
    let p = only_problem(&dir);
    match &p {
        Problem::UnknownFile { path, expected } => {
            assert!(path.ends_with("event.toml"));
            assert!(expected.contains("events.toml"));
        }
        other => panic!("expected an unknown file, got {other}"),
    }
    // Files that are not TOML (a README) are left alone.
    fs::remove_file(file(&dir, "event.toml")).unwrap();
    fs::write(file(&dir, "NOTES.md"), "notes").unwrap();
    assert!(Dataset::from_dir(dir.path()).is_ok());
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let dir = copy_of_data();
    replace_first(&dir, "positions.toml", "holder = \"japan\"", "holder = \"japn\"");
    replace_first(&dir, "agreements.toml", "ratified = \"1956-12-12\"", "ratified = \"1955-12-12\"");
    let err = load_err(&dir);
    assert_eq!(err.problems().len(), 2, "{err}");
    let text = err.to_string();
    assert!(text.contains("2 problems") && text.contains("japn") && text.contains("ratified"), "{text}");
}

#[test]
fn from_toml_reads_in_memory_files() {
    let texts: Vec<(String, String)> = fs::read_dir(DATA)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p: PathBuf| (p.display().to_string(), fs::read_to_string(&p).unwrap()))
        .collect();
    let data = Dataset::from_toml(texts.iter().map(|(p, t)| (p.as_str(), t.as_str()))).unwrap();
    assert_eq!(&data, Dataset::builtin());
    // Without the events table, the events file is reported missing.
    let err = Dataset::from_toml(
        texts
            .iter()
            .filter(|(p, _)| !Path::new(p).ends_with("events.toml"))
            .map(|(p, t)| (p.as_str(), t.as_str())),
    )
    .unwrap_err();
    assert!(matches!(err.first(), Some(Problem::MissingFile { table: "event", .. })), "{err}");
    // A file that is no table, and a table given twice, are problems, not silently dropped.
    let mut extra: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    extra.push(("more/events.toml", "[[event]]\n"));
    extra.push(("notes.toml", ""));
    let err = Dataset::from_toml(extra).unwrap_err();
    assert!(err.problems().iter().any(|p| matches!(p, Problem::DuplicateFile { .. })), "{err}");
    assert!(err.problems().iter().any(|p| matches!(p, Problem::UnknownFile { .. })), "{err}");
}

/// A named pipe where a table should be: refused at once (opening it would block until a
/// writer came), and a dangling symbolic link says so instead of "missing".
#[cfg(unix)]
#[test]
fn a_fifo_or_a_dangling_link_as_a_table_is_refused() {
    let dir = copy_of_data();
    let positions = file(&dir, "positions.toml");
    fs::remove_file(&positions).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&positions).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available: the FIFO case is skipped");
    } else {
        let p = only_problem(&dir);
        assert!(matches!(&p, Problem::NotAFile { what, .. } if what.contains("FIFO")), "{p}");
        fs::remove_file(&positions).unwrap();
    }
    std::os::unix::fs::symlink(dir.path().join("no-such-file.toml"), &positions).unwrap();
    let p = only_problem(&dir);
    assert!(matches!(&p, Problem::NotAFile { what, .. } if what.contains("dangling")), "{p}");
    assert!(p.to_string().ends_with("positions.toml: not a regular file (a dangling symbolic link)"), "{p}");
}

// ---------------------------------------------- data well-formed but meaningless (issue 15)

/// The messages of every problem, each checked to start at its record's line in `name`.
fn messages_at(dir: &TempDir, name: &str, record_line: usize) -> Vec<String> {
    let err = load_err(dir);
    err.problems()
        .iter()
        .map(|p| {
            assert_at(p, name, record_line);
            let at = p.location().unwrap().to_string();
            p.to_string().strip_prefix(&format!("{at}: ")).unwrap().to_owned()
        })
        .collect()
}

/// The line of the `[[table]]` header of the record whose `id = "…"` line is `id_line`.
fn record_line(dir: &TempDir, name: &str, id_line: &str) -> usize {
    line_of(dir, name, id_line) - 1
}

#[test]
fn shares_over_the_whole_across_three_transfers() {
    // 21% + 50% + 40%: no two over the whole, the three together are.
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "{ island = \"iturup\", to = \"japan\", share = 0.21 },",
        "{ island = \"iturup\", to = \"japan\", share = 0.21 },\n  \
         { island = \"iturup\", to = [\"japan\", \"russia\"], share = 0.5 },\n  \
         { island = \"iturup\", to = \"russia\", share = 0.4 },",
    );
    let line = record_line(&dir, "formulas.toml", "id = \"area-split\"");
    assert_eq!(
        messages_at(&dir, "formulas.toml", line),
        ["formula area-split: the shares of iturup add up to 111.0%, more than the whole: 21.0% to japan, \
          50.0% to joint (japan, russia), 40.0% to russia"]
    );
    // Sovereignty and administration are counted apart: 21% and 60% of sovereignty, 60% of
    // administration fit.
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "{ island = \"iturup\", to = \"japan\", share = 0.21 },",
        "{ island = \"iturup\", to = \"japan\", share = 0.21, right = \"sovereignty\" },\n  \
         { island = \"iturup\", to = \"russia\", share = 0.6, right = \"administration\" },\n  \
         { island = \"iturup\", to = [\"japan\", \"russia\"], share = 0.6, right = \"sovereignty\" },",
    );
    Dataset::from_dir(dir.path()).expect("81% of sovereignty and 60% of administration fit");
}

#[test]
fn a_joint_recipient_listing_a_party_twice() {
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "{ island = \"iturup\", to = [\"japan\", \"russia\"] }",
        "{ island = \"iturup\", to = [\"japan\", \"russia\", \"japan\"] }",
    );
    let line = record_line(&dir, "formulas.toml", "id = \"joint-administration\"");
    assert_eq!(
        messages_at(&dir, "formulas.toml", line),
        ["formula joint-administration: the joint recipient of iturup lists japan twice"]
    );
}

#[test]
fn an_island_both_transferred_and_left_undecided() {
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "islands = [\"iturup\", \"kunashir\"]",
        "islands = [\"iturup\", \"shikotan\"]",
    );
    let line = record_line(&dir, "formulas.toml", "id = \"two-plus-alpha\"");
    assert_eq!(
        messages_at(&dir, "formulas.toml", line),
        ["formula two-plus-alpha: both transfers and leaves undecided (to later talks): shikotan"]
    );
    // Two lists of undecided islands that share one.
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "islands = [\"iturup\", \"kunashir\"]",
        "islands = [\"iturup\"]\n[[formula.undecided]]\nislands = [\"iturup\", \"kunashir\"]",
    );
    let line = record_line(&dir, "formulas.toml", "id = \"two-plus-alpha\"");
    assert_eq!(
        messages_at(&dir, "formulas.toml", line),
        ["formula two-plus-alpha: leaves iturup undecided twice"]
    );
}

#[test]
fn a_formula_origin_whose_proposer_or_date_does_not_fit() {
    // The Soviet Union's 1960 memorandum, put in the name of Putin, in 1800.
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "party = \"soviet-union\"\ndate = \"1960-01-27\"",
        "party = \"soviet-union\"\nperson = \"vladimir-putin\"\ndate = \"1800\"",
    );
    let line = record_line(&dir, "formulas.toml", "id = \"troop-withdrawal-1960\"");
    assert_eq!(
        messages_at(&dir, "formulas.toml", line),
        [
            "formula troop-withdrawal-1960: party `soviet-union` did not exist on 1800",
            "formula troop-withdrawal-1960: origin: `vladimir-putin` held none of their recorded roles on 1800",
        ]
    );
    // A Japanese prime minister proposing the Soviet memorandum, at its date.
    let dir = copy_of_data();
    replace_first(
        &dir,
        "formulas.toml",
        "party = \"soviet-union\"\ndate = \"1960-01-27\"",
        "party = \"soviet-union\"\nperson = \"shinzo-abe\"\ndate = \"1960-01-27\"",
    );
    assert_eq!(
        messages_at(&dir, "formulas.toml", line),
        ["formula troop-withdrawal-1960: origin: `shinzo-abe` speaks for japan, not for soviet-union"]
    );
}

#[test]
fn a_position_whose_speaker_does_not_speak_for_its_holder_then() {
    let dir = copy_of_data();
    replace_first(&dir, "positions.toml", "speaker = \"ichiro-hatoyama\"", "speaker = \"vladimir-putin\"");
    let line = record_line(&dir, "positions.toml", "id = \"japan-1956-10-19-joint-declaration-art9\"");
    assert_eq!(
        messages_at(&dir, "positions.toml", line),
        [
            "position japan-1956-10-19-joint-declaration-art9: speaker `vladimir-putin` speaks for russia, not for japan"
        ]
    );
    // A Japanese speaker of Japan's position, but decades before any role of theirs.
    let dir = copy_of_data();
    replace_first(&dir, "positions.toml", "speaker = \"ichiro-hatoyama\"", "speaker = \"shinzo-abe\"");
    assert_eq!(
        messages_at(&dir, "positions.toml", line),
        [
            "position japan-1956-10-19-joint-declaration-art9: speaker `shinzo-abe` held none of their recorded roles on 1956-10-19"
        ]
    );
}

#[test]
fn a_signing_event_far_from_the_signing_or_with_a_party_not_to_it() {
    let dir = copy_of_data();
    replace_first(&dir, "events.toml", "date = \"1855-02-07\"", "date = \"1855-06\"");
    let line = record_line(&dir, "events.toml", "id = \"1855-02-07-shimoda-treaty-signed\"");
    assert_eq!(
        messages_at(&dir, "events.toml", line),
        [
            "event 1855-02-07-shimoda-treaty-signed: records the signing of agreement `shimoda-treaty-1855` on \
          1855-06, but it was signed on 1855-02-07"
        ]
    );
    let dir = copy_of_data();
    replace_first(
        &dir,
        "events.toml",
        "actors = [\"japan\", \"russian-empire\"]",
        "actors = [\"japan\", \"russian-empire\", \"united-states\"]",
    );
    assert_eq!(
        messages_at(&dir, "events.toml", line),
        ["event 1855-02-07-shimoda-treaty-signed: records the signing of agreement `shimoda-treaty-1855` \
          with actor `united-states`, not a party to it"]
    );
}

#[test]
fn a_state_that_begins_before_its_predecessor_ends() {
    let dir = copy_of_data();
    replace_first(&dir, "parties.toml", "to = \"1991-12-26\"", "to = \"2000\"");
    let line = record_line(&dir, "parties.toml", "id = \"russia\"");
    assert_eq!(
        messages_at(&dir, "parties.toml", line),
        [
            "party russia: begins on 1991-12-26 (`from`), before its predecessor `soviet-union` ends on 2000 (`to`): \
          their lifetimes overlap"
        ]
    );
    let dir = copy_of_data();
    replace_first(&dir, "parties.toml", "to = \"1991-12-26\"\n", "");
    assert_eq!(
        messages_at(&dir, "parties.toml", line),
        [
            "party russia: begins on 1991-12-26 (`from`), but its predecessor `soviet-union` has no end (`to`): \
          their lifetimes overlap"
        ]
    );
}

#[test]
fn empty_names_and_summaries() {
    let dir = copy_of_data();
    replace_first(&dir, "parties.toml", "name = \"Japan\"", "name = \"  \"");
    replace_first(&dir, "parties.toml", "aliases = [\"Nippon\",", "aliases = [\"\", \"Nippon\",");
    let line = record_line(&dir, "parties.toml", "id = \"japan\"");
    assert_eq!(
        messages_at(&dir, "parties.toml", line),
        [
            "party japan: `name` is empty (or only whitespace)",
            "party japan: `aliases` is empty (or only whitespace)",
        ]
    );
    let dir = copy_of_data();
    let text = fs::read_to_string(file(&dir, "events.toml")).unwrap();
    let summary = text[text.find("\nsummary = \"").unwrap() + 1..].lines().next().unwrap().to_owned();
    replace_first(&dir, "events.toml", &summary, "summary = \"\"");
    let line = record_line(&dir, "events.toml", "id = \"1855-02-07-shimoda-treaty-signed\"");
    assert_eq!(
        messages_at(&dir, "events.toml", line),
        ["event 1855-02-07-shimoda-treaty-signed: `summary` is empty (or only whitespace)"]
    );
}

#[test]
fn an_area_larger_than_any_island() {
    let dir = copy_of_data();
    let text = fs::read_to_string(file(&dir, "islands.toml")).unwrap();
    let km2 = text[text.find("km2 = ").unwrap()..].split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    replace_first(&dir, "islands.toml", &km2, "km2 = 1e308");
    let err = load_err(&dir);
    assert_eq!(err.problems().len(), 1, "{err}");
    assert!(
        err.problems()[0].to_string().ends_with(
            ": island iturup, area 1: area 1e308 km² is larger than any island (the largest, Greenland, \
             measures 2166086 km²)"
        ),
        "{err}"
    );
}

#[test]
fn a_quote_over_the_byte_limit() {
    // One "word" of 3,000 bytes: within 25 words, not within 2 KiB.
    let dir = copy_of_data();
    let long = "x".repeat(3000);
    replace_first(
        &dir,
        "events.toml",
        "cite = [",
        &format!("cite = [{{ source = \"corpus-000\", quote = \"{long}\" }}, "),
    );
    let line = record_line(&dir, "events.toml", "id = \"1855-02-07-shimoda-treaty-signed\"");
    assert_eq!(
        messages_at(&dir, "events.toml", line),
        [
            "event 1855-02-07-shimoda-treaty-signed: quote of 3000 bytes is longer than the limit of 2048 bytes"
        ]
    );
}

/// Issue 14, item 5: one run reports every problem it can find. A file that cannot be read,
/// a file with a syntax error and one with a schema error do not hide each other, nor the
/// cross-check problems of the tables that did load; a reference into a table that did not
/// load is not blamed on the record.
#[test]
fn every_phase_reports_in_one_run() {
    let dir = copy_of_data();
    // Read: names.toml is not UTF-8.
    fs::write(file(&dir, "names.toml"), b"[[name]]\nid = \"\xff\"\n").unwrap();
    // Syntax: an unterminated string in events.toml.
    append(&dir, "events.toml", "\n[[event]]\nid = \"broken\n");
    // Schema: a share that is not a number in formulas.toml.
    replace_first(&dir, "formulas.toml", "share = 0.21", "share = \"big\"");
    // Cross-check, in a table that loaded: a holder that does not exist.
    replace_first(&dir, "positions.toml", "holder = \"japan\"", "holder = \"japn\"");
    // A reference into a table that did not load: an event's person would be unknown
    // only because people.toml is malformed, so it is not reported.
    append(&dir, "people.toml", "\n[[person]]\nname = ");

    let err = load_err(&dir);
    let kinds: Vec<&str> = err.problems().iter().map(<&'static str>::from).collect();
    assert!(kinds.contains(&"NotUtf8"), "{err}");
    assert!(kinds.contains(&"Syntax"), "{err}");
    assert!(kinds.contains(&"Schema"), "{err}");
    let refs: Vec<&Problem> =
        err.problems().iter().filter(|p| matches!(p, Problem::UnknownReference { .. })).collect();
    assert_eq!(refs.len(), 1, "{err}");
    assert!(
        matches!(refs[0], Problem::UnknownReference { target: "party", id, .. } if id == "japn"),
        "{err}"
    );
    // The formulas table did not load: no formula is reported as missing.
    assert!(!kinds.contains(&"MissingRecord"), "{err}");
    assert_eq!(err.problems().len(), 5, "{err}");
}

/// The same for a JSON dataset: a record that does not parse and a cross-check problem of
/// another table, in one run.
#[test]
fn json_reports_records_and_cross_checks_in_one_run() {
    let mut json: serde_json::Value = serde_json::to_value(Dataset::builtin()).unwrap();
    json["events"][0]["date"] = serde_json::Value::from("1956-13");
    json["positions"][0]["holder"] = serde_json::Value::from("japn");
    let err = Dataset::from_json(&json.to_string()).unwrap_err();
    let kinds: Vec<&str> = err.problems().iter().map(<&'static str>::from).collect();
    assert_eq!(kinds, ["Schema", "UnknownReference"], "{err}");
}
