//! Errors that help: every variant of every public error type is triggered here, and its
//! message checked — where (file:line:column, a path, or the record) and why.
//!
//! `DumpError::Serialize` cannot be reached through the public API (the checks reject
//! what TOML cannot hold); its message is tested in `src/dataset/dump.rs`. The errors of
//! the document extractor are tested with it.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use kuril_dispute::error::DumpError;
use kuril_dispute::{Dataset, LoadError, PartialDate, PartyId, PersonId, Problem};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

/// The built-in files, in memory, named `data/<file>`.
fn files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(DATA)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            (format!("data/{}", p.file_name().unwrap().to_str().unwrap()), fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn text_of<'a>(files: &'a mut [(String, String)], name: &str) -> &'a mut String {
    &mut files.iter_mut().find(|(p, _)| p == &format!("data/{name}")).unwrap().1
}

fn replace_first(files: &mut [(String, String)], name: &str, from: &str, to: &str) {
    let text = text_of(files, name);
    assert!(text.contains(from), "{name} has no {from:?}");
    *text = text.replacen(from, to, 1);
}

fn append(files: &mut [(String, String)], name: &str, extra: &str) {
    text_of(files, name).push_str(extra);
}

/// `line:column` (1-based, column in characters) of the first `needle` in a file.
fn at(files: &mut [(String, String)], name: &str, needle: &str) -> String {
    let text = text_of(files, name);
    let offset = text.find(needle).unwrap_or_else(|| panic!("{name} has no {needle:?}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    format!("data/{name}:{line}:{column}")
}

/// `file:line:column` just after the first `needle` in a file.
fn after(files: &mut [(String, String)], name: &str, needle: &str) -> String {
    let text = text_of(files, name);
    let offset = text.find(needle).unwrap_or_else(|| panic!("{name} has no {needle:?}")) + needle.len();
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    format!("data/{name}:{line}:{column}")
}

fn load(files: &[(String, String)]) -> LoadError {
    match Dataset::from_toml(files.iter().map(|(p, t)| (p.as_str(), t.as_str()))) {
        Ok(_) => panic!("the broken data loaded"),
        Err(e) => e,
    }
}

fn only(err: LoadError) -> Problem {
    assert_eq!(err.problems().len(), 1, "{err}");
    err.problems()[0].clone()
}

/// The problem of a broken copy of the built-in files, and the message expected.
type Case = (Problem, String);

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();

    // Io: a directory that is not there. NotAFile: a table file that is a directory.
    let p = only(Dataset::from_dir("/no/such/directory").unwrap_err());
    cases.push((p, "/no/such/directory: cannot read: no such directory".into()));
    for (name, text) in files() {
        fs::write(dir.join(Path::new(&name).file_name().unwrap()), text).unwrap();
    }
    fs::remove_file(dir.join("events.toml")).unwrap();
    fs::create_dir(dir.join("events.toml")).unwrap();
    let p = only(Dataset::from_dir(dir).unwrap_err());
    let expected = format!("{}: not a regular file (a directory)", dir.join("events.toml").display());
    cases.push((p, expected));
    fs::remove_dir(dir.join("events.toml")).unwrap();

    // MissingFile.
    let p = only(Dataset::from_dir(dir).unwrap_err());
    let expected = format!(
        "{}: missing: a dataset needs this file (the `[[event]]` table)",
        dir.join("events.toml").display()
    );
    cases.push((p, expected));

    // TooLarge: a sparse file one byte over the limit.
    fs::File::create(dir.join("events.toml"))
        .unwrap()
        .set_len(kuril_dispute::dataset::MAX_FILE_BYTES + 1)
        .unwrap();
    let p = only(Dataset::from_dir(dir).unwrap_err());
    let expected = format!(
        "{}: 16777217 bytes is larger than the limit of 16777216 bytes",
        dir.join("events.toml").display()
    );
    cases.push((p, expected));

    // NotUtf8.
    fs::write(dir.join("events.toml"), b"# caf\xe9\n").unwrap();
    let p = only(Dataset::from_dir(dir).unwrap_err());
    let expected = format!("{}: not UTF-8 (invalid byte at offset 5)", dir.join("events.toml").display());
    cases.push((p, expected));

    // Utf16: a table saved as UTF-16 (with a byte-order mark, or without).
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("[[event]]\n".encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(dir.join("events.toml"), &utf16).unwrap();
    let p = only(Dataset::from_dir(dir).unwrap_err());
    let expected = format!(
        "{}: looks like UTF-16 (little-endian), not UTF-8: save it as UTF-8",
        dir.join("events.toml").display()
    );
    cases.push((p, expected));
    let be: Vec<u8> = "[[event]]\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
    fs::write(dir.join("events.toml"), &be).unwrap();
    let p = only(Dataset::from_dir(dir).unwrap_err());
    assert!(
        p.to_string().ends_with("events.toml: looks like UTF-16 (big-endian), not UTF-8: save it as UTF-8"),
        "{p}"
    );

    // TooComplex: text packed with tiny values (`1,` is two bytes of text and a value of the
    // parse tree), refused before it is parsed, where the estimate runs over the budget.
    let mut f = files();
    let packed = format!("# tiny values\nx = [{}1]\n", "1,".repeat(500_000));
    *text_of(&mut f, "positions.toml") = packed.clone();
    let p = only(load(&f));
    let limit = kuril_dispute::dataset::parse_budget(packed.len() as u64);
    // `=` and `[` weigh a value each, then every comma: the first comma past the limit.
    let value = 160u64;
    let commas = (limit - 2 * value) / value + 1;
    let estimate = (2 + commas) * value;
    let column = "x = [".len() + 2 * commas as usize;
    let expected = format!(
        "data/positions.toml:2:{column}: this file would take about {estimate} bytes of memory to parse, \
         over the limit of {limit} bytes for its size (too many tables or values for its size)"
    );
    cases.push((p, expected));

    // UnknownFile: a stray table file next to the others.
    fs::write(dir.join("events.toml"), &files().iter().find(|(p, _)| p == "data/events.toml").unwrap().1)
        .unwrap();
    fs::write(dir.join("event.toml"), "").unwrap();
    let p = only(Dataset::from_dir(dir).unwrap_err());
    let expected = format!(
        "{}: not a table file of the dataset; expected one of: sources.toml, islands.toml, names.toml, \
         parties.toml, people.toml, agreements.toml, formulas.toml, positions.toml, events.toml, \
         administration.toml, claims.toml",
        dir.join("event.toml").display()
    );
    cases.push((p, expected));

    // DuplicateFile.
    let mut f = files();
    f.push(("more/events.toml".into(), String::new()));
    let p = only(load(&f));
    cases.push((p, "more/events.toml: table file given twice (first as data/events.toml)".into()));

    // Syntax, in TOML and in JSON.
    let mut f = files();
    append(&mut f, "events.toml", "\n[[event]]\nid = \"unterminated\n");
    let where_ = after(&mut f, "events.toml", "\"unterminated");
    let p = only(load(&f));
    let expected = format!("{where_}: malformed TOML: invalid basic string, expected `\"`");
    cases.push((p, expected));
    let p = only(Dataset::from_json("{\"sources\": [1,]}").unwrap_err());
    cases.push((p, "<json>:1:16: malformed JSON: expected value".into()));

    // UnknownField: in a record, in a nested table, a whole unknown table, and in JSON.
    let mut f = files();
    replace_first(&mut f, "parties.toml", "\nname = ", "\ncapital = \"Somewhere\"\nname = ");
    let where_ = at(&mut f, "parties.toml", "capital = ");
    let p = only(load(&f));
    assert!(
        p.to_string().starts_with(&format!(
            "{where_}: unknown field `capital`: unknown field `capital`, expected one of `id`, `name`"
        )),
        "{p}"
    );
    cases.push((p.clone(), p.to_string()));
    let json = serde_json::to_string(Dataset::builtin()).unwrap().replacen(
        "\"kanji\":",
        "\"kana\":\"x\",\"kanji\":",
        1,
    );
    let p = only(Dataset::from_json(&json).unwrap_err());
    // Just after the key; columns count characters.
    let column = json[..json.find("\"kana\"").unwrap()].chars().count() + "\"kana\"".len();
    let expected = format!(
        "<json>:1:{column}: unknown field `kana`: unknown field `kana`, expected `kanji` or `romaji`"
    );
    cases.push((p, expected));

    // Schema: a malformed date, a malformed id, a missing field, a wrong type.
    let mut f = files();
    replace_first(&mut f, "events.toml", "\ndate = \"", "\ndate = \"18-");
    let where_ = at(&mut f, "events.toml", "\"18-");
    let p = only(load(&f));
    let date =
        text_of(&mut f, "events.toml").split("\"18-").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let expected = format!(
        "{where_}: invalid date \"18-{date}\": too many parts (expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")"
    );
    cases.push((p, expected));
    let mut f = files();
    replace_first(&mut f, "people.toml", "\nid = \"", "\nid = \"Not Kebab ");
    let where_ = at(&mut f, "people.toml", "\"Not Kebab ");
    let p = only(load(&f));
    let msg = p.to_string();
    assert!(
        msg.starts_with(&format!("{where_}: invalid id \"Not Kebab "))
            && msg.contains("'N' at byte 0 is not a lower-case letter, digit or hyphen"),
        "{msg}"
    );
    cases.push((p, msg));
    let mut f = files();
    replace_first(&mut f, "islands.toml", "km2 = ", "km2 = \"big\" # ");
    let where_ = at(&mut f, "islands.toml", "\"big\"");
    let p = only(load(&f));
    cases.push((p, format!("{where_}: invalid type: string \"big\", expected f64")));

    // DuplicateId.
    let mut f = files();
    append(
        &mut f,
        "parties.toml",
        "\n[[party]]\nid = \"japan\"\nname = \"Japan again\"\ncite = [\"corpus-000\"]\n",
    );
    let first = at(&mut f, "parties.toml", "[[party]]\nid = \"japan\"");
    let second = at(&mut f, "parties.toml", "[[party]]\nid = \"japan\"\nname = \"Japan again\"");
    let p = only(load(&f));
    let first = first.trim_start_matches("data/parties.toml:");
    cases.push((
        p,
        format!("{second}: duplicate id: party `japan` is already defined at data/parties.toml:{first}"),
    ));

    // UnknownReference.
    let mut f = files();
    append(
        &mut f,
        "events.toml",
        "\n[[event]]\nid = \"2000-01-01-test\"\ndate = \"2000-01-01\"\nkind = \"other\"\nactors = [\"japn\"]\n\
         summary = \"A test event.\"\ncite = [\"corpus-000\"]\n",
    );
    let where_ = at(&mut f, "events.toml", "[[event]]\nid = \"2000-01-01-test\"");
    let p = only(load(&f));
    cases.push((
        p,
        format!("{where_}: event 2000-01-01-test: `actors` refers to party `japn`, which does not exist"),
    ));

    // DatesOutOfOrder.
    let mut f = files();
    replace_first(&mut f, "agreements.toml", "ratified = \"1956-12-12\"", "ratified = \"1955-12-12\"");
    let p = only(load(&f));
    let where_ = p.location().unwrap().to_string();
    assert!(where_.starts_with("data/agreements.toml:"), "{p}");
    cases.push((
        p,
        format!("{where_}: agreement joint-declaration-1956: `ratified` (1955-12-12) is before `signed` (1956-10-19)"),
    ));

    // Anachronism.
    let mut f = files();
    append(
        &mut f,
        "positions.toml",
        "\n[[position]]\nid = \"soviet-union-2005-test\"\nholder = \"soviet-union\"\nformula = \"status-quo\"\n\
         stated = \"2005-04\"\noffice = \"Test\"\nsummary = \"A test.\"\ncite = [\"corpus-000\"]\n",
    );
    let where_ = at(&mut f, "positions.toml", "[[position]]\nid = \"soviet-union-2005-test\"");
    let p = only(load(&f));
    cases.push((
        p,
        format!("{where_}: position soviet-union-2005-test: party `soviet-union` did not exist on 2005-04"),
    ));

    // ConflictingTransfer.
    let mut f = files();
    replace_first(
        &mut f,
        "formulas.toml",
        "  { island = \"habomai\", to = \"japan\" },\n]",
        "  { island = \"habomai\", to = \"japan\" },\n  { island = \"habomai\", to = \"russia\" },\n]",
    );
    let where_ = at(&mut f, "formulas.toml", "[[formula]]\nid = \"four-islands\"");
    let p = only(load(&f));
    cases.push((p, format!("{where_}: formula `four-islands` gives habomai to japan and again to russia")));

    // MissingRecord: located at the start of the table's file.
    let mut f = files();
    replace_first(&mut f, "formulas.toml", "id = \"hikiwake\"", "id = \"three-islands\"");
    let err = load(&f);
    let p = err.problems().iter().find(|p| matches!(p, Problem::MissingRecord { .. })).unwrap().clone();
    cases.push((
        p,
        "data/formulas.toml:1:1: formula `hikiwake` is not defined; every dataset defines each formula"
            .into(),
    ));

    // Uncited.
    let mut f = files();
    append(
        &mut f,
        "events.toml",
        "\n[[event]]\nid = \"2000-01-01-test\"\ndate = \"2000-01-01\"\nkind = \"other\"\nactors = [\"japan\"]\n\
         summary = \"A test event.\"\ncite = []\n",
    );
    let where_ = at(&mut f, "events.toml", "[[event]]\nid = \"2000-01-01-test\"");
    let p = only(load(&f));
    cases.push((
        p,
        format!("{where_}: event 2000-01-01-test: cites no source (`cite` must list at least one)"),
    ));

    // QuoteTooLong.
    let mut f = files();
    let long = vec!["word"; 26].join(" ");
    append(
        &mut f,
        "events.toml",
        &format!(
            "\n[[event]]\nid = \"2000-01-01-test\"\ndate = \"2000-01-01\"\nkind = \"other\"\nactors = [\"japan\"]\n\
             summary = \"A test event.\"\ncite = [{{ source = \"corpus-000\", quote = \"{long}\" }}]\n"
        ),
    );
    let where_ = at(&mut f, "events.toml", "[[event]]\nid = \"2000-01-01-test\"");
    let p = only(load(&f));
    cases.push((
        p,
        format!("{where_}: event 2000-01-01-test: quote of 26 words is longer than the limit of 25"),
    ));

    // Invalid: a value well-formed but meaningless, in each of its forms.
    for (cite, why) in [
        ("{ source = \"corpus-000\", span = [5, 5] }", "span [5, 5] is empty or reversed"),
        ("{ source = \"corpus-000\", quote = \"  \" }", "a citation's quote is empty"),
    ] {
        let mut f = files();
        append(
            &mut f,
            "events.toml",
            &format!(
                "\n[[event]]\nid = \"2000-01-01-test\"\ndate = \"2000-01-01\"\nkind = \"other\"\n\
                 actors = [\"japan\"]\nsummary = \"A test event.\"\ncite = [{cite}]\n"
            ),
        );
        let where_ = at(&mut f, "events.toml", "[[event]]\nid = \"2000-01-01-test\"");
        let p = only(load(&f));
        cases.push((p, format!("{where_}: event 2000-01-01-test: {why}")));
    }
    // A span TOML cannot hold can only come from JSON.
    let json = serde_json::to_string(Dataset::builtin()).unwrap();
    let first_cite = json.find("\"cite\":[").unwrap() + "\"cite\":[".len();
    let json = format!(
        "{}{{\"source\":\"corpus-000\",\"span\":[0,9223372036854775808]}},{}",
        &json[..first_cite],
        &json[first_cite..]
    );
    let p = only(Dataset::from_json(&json).unwrap_err());
    let where_ = p.location().unwrap().to_string();
    assert!(where_.starts_with("<json>:1:"), "{p}");
    // The first citation in the JSON is that of Iturup's first area measurement.
    cases.push((
        p,
        format!(
            "{where_}: island iturup, area 1: span [0, 9223372036854775808] ends beyond the largest offset, 9223372036854775807"
        ),
    ));

    let mut f = files();
    append(
        &mut f,
        "positions.toml",
        "\n[[position]]\nid = \"japan-2000-test\"\nholder = \"japan\"\nstated = \"2000\"\nsummary = \"A test.\"\n\
         transfer_at_least = [\"iturup\"]\ntransfer_at_most = [\"habomai\"]\ncite = [\"corpus-000\"]\n",
    );
    let where_ = at(&mut f, "positions.toml", "[[position]]\nid = \"japan-2000-test\"");
    let err = load(&f);
    let messages: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            format!(
                "{where_}: position japan-2000-test: transfer_at_least (iturup) is not within transfer_at_most (habomai)"
            ),
            format!(
                "{where_}: position japan-2000-test: says neither `speaker` nor `office`: who stated it?"
            ),
        ]
    );
    cases.push((err.problems()[0].clone(), messages[0].clone()));
    // OverlappingPeriods: a second administration of Iturup during Japan's.
    let mut f = files();
    append(
        &mut f,
        "administration.toml",
        "\n[[administration]]\nid = \"japan-civil-1900-iturup\"\nadministrator = \"japan\"\nkind = \"civil\"\n\
         islands = [\"iturup\"]\nfrom = \"1900\"\nto = \"1901\"\nsummary = \"A test.\"\ncite = [\"corpus-000\"]\n",
    );
    let where_ = at(&mut f, "administration.toml", "[[administration]]\nid = \"japan-civil-1900-iturup\"");
    let first =
        at(&mut f, "administration.toml", "[[administration]]\nid = \"japan-civil-1855-02-07-iturup\"");
    let p = only(load(&f));
    cases.push((
        p,
        format!(
            "{where_}: administration japan-civil-1900-iturup: overlaps administration \
             japan-civil-1855-02-07-iturup (at {first}) on iturup: one island has one administration at a time"
        ),
    ));

    let mut f = files();
    replace_first(
        &mut f,
        "parties.toml",
        "id = \"russian-empire\"",
        "id = \"russian-empire\"\npredecessor = \"russia\"",
    );
    let where_ = at(&mut f, "parties.toml", "[[party]]\nid = \"russia\"");
    let err = load(&f);
    let p = err.problems().iter().find(|p| p.to_string().contains("cycle")).unwrap().clone();
    cases.push((p, format!("{where_}: party russia: its predecessors form a cycle")));

    cases
}

#[test]
fn every_problem_variant_is_triggered_with_a_message_that_says_where_and_why() {
    let cases = cases();
    let mut seen = BTreeSet::new();
    let mut wrong = Vec::new();
    for (problem, expected) in &cases {
        if &problem.to_string() != expected {
            wrong.push(format!("got:      {problem}\nexpected: {expected}"));
        }
        seen.insert(<&'static str>::from(problem));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(seen.len(), Problem::COUNT, "variants triggered: {seen:?}");
}

#[test]
fn every_public_error_type_is_a_std_error() {
    fn is_error<E: std::error::Error + Send + Sync + 'static>() {}
    is_error::<LoadError>();
    is_error::<Problem>();
    is_error::<DumpError>();
    is_error::<kuril_dispute::DateError>();
    is_error::<kuril_dispute::IdError>();
    #[cfg(feature = "extract")]
    {
        is_error::<kuril_dispute::extract::archive::ArchiveError>();
        is_error::<kuril_dispute::extract::archive::LineProblem>();
    }
}

#[test]
fn load_error_lists_every_problem_and_sources_the_first() {
    let mut f = files();
    replace_first(&mut f, "positions.toml", "holder = \"japan\"", "holder = \"japn\"");
    replace_first(&mut f, "agreements.toml", "ratified = \"1956-12-12\"", "ratified = \"1955-12-12\"");
    let err = load(&f);
    let lines: Vec<String> = err.to_string().lines().map(str::to_owned).collect();
    assert_eq!(lines[0], "invalid dataset: 2 problems");
    assert_eq!(lines[1..], err.problems().iter().map(|p| format!("  {p}")).collect::<Vec<_>>()[..]);
    let source = std::error::Error::source(&err).unwrap().to_string();
    assert_eq!(source, err.problems()[0].to_string());

    let one = Dataset::from_dir("/no/such/directory").unwrap_err();
    assert_eq!(one.to_string(), "invalid dataset: /no/such/directory: cannot read: no such directory");
}

#[test]
fn date_errors_name_the_input_and_the_reason() {
    let cases = [
        ("1956-10-19T00", "too long"),
        ("56", "wrong number of digits"),
        ("1956-1", "wrong number of digits"),
        ("195x", "wrong number of digits"),
        ("", "wrong number of digits"),
        ("1956-10-19-", "too many parts"),
        ("1956-1-1-1", "too many parts"),
        ("0000", "year out of range 1–9999"),
        ("1956-13", "month out of range"),
        ("1956-00", "month out of range"),
        ("1956-10-00", "month or day out of range"),
        ("2018-02-29", "no such day in that month"),
    ];
    for (input, reason) in cases {
        let err = input.parse::<PartialDate>().unwrap_err();
        assert_eq!(err.reason(), reason, "{input:?}");
        assert_eq!(err.input(), input);
        assert_eq!(
            err.to_string(),
            format!("invalid date {input:?}: {reason} (expected \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\")")
        );
    }
    // The constructors say the same.
    assert_eq!(PartialDate::from_year(10_000).unwrap_err().reason(), "year out of range 1–9999");
    assert_eq!(PartialDate::from_year_month(1956, 0).unwrap_err().reason(), "month out of range");
    assert_eq!(PartialDate::from_ymd(1956, 2, 30).unwrap_err().reason(), "no such day in that month");
    // A huge input is cut in the message.
    let huge = "9".repeat(10_000);
    let err = huge.parse::<PartialDate>().unwrap_err();
    assert_eq!(err.input().len(), 40);
    assert!(err.to_string().len() < 200);
}

#[test]
fn id_errors_name_the_id_and_what_is_wrong() {
    let rule = "(ids are lower-case kebab-case ASCII: a-z, 0-9, single hyphens, 1 to 80 characters)";
    let cases = [
        ("", "it is empty".to_owned()),
        ("Japan", "'J' at byte 0 is not a lower-case letter, digit or hyphen".to_owned()),
        ("north korea", "' ' at byte 5 is not a lower-case letter, digit or hyphen".to_owned()),
        ("日本", "'日' at byte 0 is not a lower-case letter, digit or hyphen".to_owned()),
        ("-japan", "it starts or ends with a hyphen".to_owned()),
        ("japan-", "it starts or ends with a hyphen".to_owned()),
        ("soviet--union", "two hyphens in a row at byte 6".to_owned()),
        (&*"a".repeat(81), "it is 81 bytes long".to_owned()),
    ];
    for (input, reason) in &cases {
        let err = PartyId::new(*input).unwrap_err();
        assert_eq!(err.reason(), reason, "{input:?}");
        assert_eq!(err.id(), &input.chars().take(80).collect::<String>());
        assert_eq!(err.to_string(), format!("invalid id {:?}: {reason} {rule}", err.id()));
        // Every kind of id checks the same way.
        assert_eq!(input.parse::<PersonId>().unwrap_err(), err);
    }
}

#[test]
fn dump_errors_name_the_path_and_why() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    fs::write(&file, "").unwrap();
    // A directory cannot be made under a regular file.
    let err = Dataset::builtin().write_dir(file.join("data")).unwrap_err();
    match &err {
        DumpError::Io { path, kind, .. } => {
            assert_eq!(path, &file.join("data"));
            assert_eq!(*kind, std::io::ErrorKind::NotADirectory);
        }
        other => panic!("expected an I/O error, got {other}"),
    }
    assert_eq!(
        err.to_string(),
        format!("{}: cannot write: Not a directory (os error 20)", file.join("data").display())
    );
    // A table file that is a directory cannot be written.
    fs::create_dir(tmp.path().join("events.toml")).unwrap();
    let err = Dataset::builtin().write_dir(tmp.path()).unwrap_err();
    let path = tmp.path().join("events.toml");
    assert_eq!(err.to_string(), format!("{}: cannot write: Is a directory (os error 21)", path.display()));
}

#[test]
fn an_unknown_field_is_an_error_in_every_table_and_nested_table() {
    // (file, text to find, text to put before it): a header line, or an inline table.
    let places = [
        ("sources.toml", "[[source]]\n", ""),
        ("islands.toml", "[[island]]\n", ""),
        ("islands.toml", "[[island.area]]\n", ""),
        ("islands.toml", "[[island.population]]\n", ""),
        ("islands.toml", "[island.centroid]\n", ""),
        ("islands.toml", "[[island.administration]]\n", ""),
        ("islands.toml", "{ kanji = ", "{ bogus = 1, kanji = "),
        ("islands.toml", "{ cyrillic = ", "{ bogus = 1, cyrillic = "),
        ("names.toml", "[[name]]\n", ""),
        ("parties.toml", "[[party]]\n", ""),
        ("people.toml", "[[person]]\n", ""),
        ("people.toml", "[[person.role]]\n", ""),
        ("agreements.toml", "[[agreement]]\n", ""),
        ("agreements.toml", "[[agreement.provision]]\n", ""),
        ("agreements.toml", "[[agreement.provision.reading]]\n", ""),
        ("agreements.toml", "{ source = ", "{ bogus = 1, source = "),
        ("formulas.toml", "[[formula]]\n", ""),
        ("formulas.toml", "[formula.origin]\n", ""),
        ("formulas.toml", "[[formula.stage]]\n", ""),
        ("formulas.toml", "[[formula.undecided]]\n", ""),
        ("formulas.toml", "{ island = ", "{ bogus = 1, island = "),
        ("positions.toml", "[[position]]\n", ""),
        ("events.toml", "[[event]]\n", ""),
    ];
    for (name, find, replace) in places {
        let mut f = files();
        let (needle, with) = if replace.is_empty() {
            (find.to_owned(), format!("{find}bogus = 1\n"))
        } else {
            (find.to_owned(), replace.to_owned())
        };
        replace_first(&mut f, name, &needle, &with);
        let where_ = at(&mut f, name, "bogus = 1");
        let p = only(load(&f));
        assert!(
            matches!(&p, Problem::UnknownField { field, .. } if field == "bogus"),
            "{name} {find:?}: {p}"
        );
        assert!(
            p.to_string().starts_with(&format!("{where_}: unknown field `bogus`: ")),
            "{name} {find:?}: {p} (expected at {where_})"
        );
    }
    // And at the top of a file: a table the file does not hold.
    let mut f = files();
    append(&mut f, "events.toml", "\n[[evnt]]\nid = \"x\"\n");
    let p = only(load(&f));
    assert!(matches!(&p, Problem::UnknownField { field, .. } if field == "evnt"), "{p}");
    assert!(p.location().unwrap().file.ends_with("events.toml"), "{p}");
}

/// Messages a user can act on (issue 15): what to write instead, where the fault is, and
/// nothing that a terminal would take for a control sequence.
#[test]
fn messages_say_what_to_write_and_where() {
    // An unquoted date: TOML reads it as its own date type, or as a number.
    for (written, suggestion) in
        [("1956-10-19", "1956-10-19"), ("1956-10-19T10:00:00", "1956-10-19"), ("1956", "1956")]
    {
        let mut f = files();
        replace_first(&mut f, "events.toml", "\ndate = \"", &format!("\ndate = {written} # \""));
        let where_ = at(&mut f, "events.toml", &format!("{written} # "));
        let p = only(load(&f));
        assert_eq!(
            p.to_string(),
            format!(
                "{where_}: date {written} is not quoted: a date is a quoted string \"YYYY\", \"YYYY-MM\" or \
                 \"YYYY-MM-DD\"; write it in quotes, \"{suggestion}\""
            )
        );
    }

    // A key nested too deep: placed at its line, not at 1:1.
    let mut f = files();
    let deep = vec!["a"; 100].join(".");
    append(&mut f, "events.toml", &format!("\n{deep} = 1\n"));
    let where_ = at(&mut f, "events.toml", &deep);
    let p = only(load(&f));
    assert_eq!(
        p.to_string(),
        format!(
            "{where_}: malformed TOML: a dotted key or table header nests 80 or more keys deep (recursion limit)"
        )
    );
    let mut f = files();
    append(&mut f, "events.toml", &format!("\n\n  [{deep}]\n"));
    let where_ = at(&mut f, "events.toml", &format!("[{deep}]"));
    assert!(only(load(&f)).to_string().starts_with(&format!("{where_}: ")));

    // A duplicate key: at the second one, and named.
    let mut f = files();
    replace_first(&mut f, "events.toml", "\nkind = ", "\nkind = \"other\"\nkind = ");
    let where_ = at(&mut f, "events.toml", "kind = \"other\"\nkind = ");
    let line: usize = where_.split(':').nth(1).unwrap().parse().unwrap();
    let p = only(load(&f));
    assert_eq!(
        p.to_string(),
        format!(
            "data/events.toml:{}:1: malformed TOML: duplicate key `kind`: it is already defined in this table",
            line + 1
        )
    );

    // A closed vocabulary from text lists its ids, and suggests the lower-case one.
    let err = "Habomai".parse::<kuril_dispute::Island>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown island \"Habomai\": expected one of iturup, kunashir, shikotan, habomai (ids are lower-case: \"habomai\")"
    );
    let err = "Hikiwake!".parse::<kuril_dispute::FormulaId>().unwrap_err();
    assert!(
        err.to_string().starts_with("unknown formula \"Hikiwake!\": expected one of four-islands, "),
        "{err}"
    );
    assert!(!err.to_string().contains("lower-case"));
    let err = "meeting\u{1b}[2J".parse::<kuril_dispute::event::EventKind>().unwrap_err();
    assert!(
        err.to_string().starts_with("unknown event kind \"meeting\\u{1b}[2J\": expected one of meeting, "),
        "{err}"
    );

    // Control characters of a file are escaped in messages (a key written with an escape).
    let mut f = files();
    replace_first(&mut f, "events.toml", "\nkind = ", "\n\"\\u001b[2J\" = 1\nkind = ");
    let p = only(load(&f));
    let msg = p.to_string();
    assert!(msg.contains("unknown field `\\u{1b}[2J`"), "{msg}");
    assert!(!msg.chars().any(char::is_control), "{msg:?}");
    // And in the name of a file.
    let err = Dataset::from_toml([("data/\u{1b}[2J.toml", "")]).unwrap_err();
    let first = err.problems()[0].to_string();
    assert!(first.starts_with("data/\\u{1b}[2J.toml: not a table file of the dataset"), "{first}");
    assert!(!err.to_string().chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
}
