//! Nothing is lost: a dataset written out as TOML files or JSON loads back equal, for the
//! built-in data and for generated datasets (subsets and perturbations of the built-in
//! tables, new records with new ids, odd Unicode strings, dates of every precision).

use kuril_dispute::date::Precision;
use kuril_dispute::{Dataset, PartialDate, SourceId};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};

fn from_files(files: &[(&'static str, String)]) -> Dataset {
    match Dataset::from_toml(files.iter().map(|(name, text)| (*name, text.as_str()))) {
        Ok(d) => d,
        Err(e) => panic!("the dumped files do not load: {e}"),
    }
}

#[test]
fn builtin_round_trips_through_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    Dataset::builtin().write_dir(dir.path()).unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 11, "{names:?}");
    let again = Dataset::from_dir(dir.path()).unwrap();
    assert_eq!(&again, Dataset::builtin());
}

#[test]
fn builtin_round_trips_through_json() {
    let json = serde_json::to_string(Dataset::builtin()).unwrap();
    let again = Dataset::from_json(&json).unwrap();
    assert_eq!(&again, Dataset::builtin());
    // Pretty JSON too.
    let pretty = serde_json::to_string_pretty(Dataset::builtin()).unwrap();
    assert_eq!(&Dataset::from_json(&pretty).unwrap(), Dataset::builtin());
}

#[test]
fn dumped_files_are_the_table_files_and_say_what_they_are() {
    let files = Dataset::builtin().to_toml_files().unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
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
            "claims.toml"
        ]
    );
    let events = &files[8].1;
    assert!(events.starts_with("# The `[[event]]` table"), "{}", &events[..200]);
    assert_eq!(events.matches("[[event]]\n").count(), Dataset::builtin().events().count());
}

// ------------------------------------------------------------------ generated datasets

/// Characters that stress a serialiser: quotes, escapes, newlines, control characters,
/// TOML punctuation, byte-order marks, bidi controls, astral-plane characters.
fn odd_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => prop::sample::select(vec![
            '"', '\'', '\\', '\n', '\r', '\t', '\u{0}', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}',
            '\u{2028}', '\u{feff}', '\u{202e}', '#', '[', ']', '{', '}', '=', ',', '.', ' ',
            'ß', '択', 'Ж', '🗾', '\u{10ffff}',
        ]),
        2 => prop::char::range('a', 'z'),
    ]
}

/// A string of odd characters, sometimes one that looks like TOML syntax.
fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::collection::vec(odd_char(), 0..24).prop_map(String::from_iter),
        1 => prop::sample::select(vec![
            "", "'''", "\"\"\"", "a'''b\"\"\"c\n", "\\u0000", "x = 1\n[[event]]", "\n\n", " ", "-0",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A quote: 1 to 25 words of odd characters (no whitespace inside a word).
fn quote() -> impl Strategy<Value = String> {
    let word = prop::collection::vec(odd_char().prop_filter("not whitespace", |c| !c.is_whitespace()), 1..6)
        .prop_map(String::from_iter);
    prop::collection::vec(word, 1..=25).prop_map(|w| w.join(" "))
}

/// A kebab-case id fragment.
fn slug() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}"
}

/// A date at a random precision anywhere in years 1–9999.
fn partial_date() -> impl Strategy<Value = PartialDate> {
    (1i32..=9999, 1u32..=12, 1u32..=31, 0u8..3).prop_map(|(y, m, d, p)| match p {
        0 => PartialDate::from_year(y).unwrap(),
        1 => PartialDate::from_year_month(y, m).unwrap(),
        _ => PartialDate::from_ymd(y, m, d.min(28)).unwrap(),
    })
}

fn precision(n: u8) -> Precision {
    [Precision::Year, Precision::Month, Precision::Day][usize::from(n % 3)]
}

/// A citation of a built-in source, as a bare id or a table with a quote, locator, span.
fn citation() -> impl Strategy<Value = Value> {
    let sources: Vec<String> = Dataset::builtin().sources().map(|s| s.id.to_string()).collect();
    (
        prop::sample::select(sources),
        prop::option::of(quote()),
        prop::option::of(odd_string()),
        prop::option::of((0usize..1 << 40, 1usize..1000)),
    )
        .prop_map(|(source, quote, locator, span)| {
            if quote.is_none() && locator.is_none() && span.is_none() {
                return json!(source);
            }
            let mut c = json!({ "source": source });
            if let Some(q) = quote {
                c["quote"] = json!(q);
            }
            if let Some(l) = locator {
                c["locator"] = json!(l);
            }
            if let Some((start, len)) = span {
                c["span"] = json!([start, start + len]);
            }
            c
        })
}

type NewSource = (String, String, Option<PartialDate>, Option<String>, u8);
type NewParty = (String, String, Vec<Value>);
type NewEvent = (String, PartialDate, String, Vec<Value>);
type NewPosition = (String, PartialDate, Option<u8>, String, Vec<Value>);

/// What to change in the built-in data.
#[derive(Debug, Clone)]
struct Perturbation {
    keep_events: Vec<bool>,
    keep_positions: Vec<bool>,
    keep_names: Vec<bool>,
    precisions: Vec<u8>,
    strings: Vec<String>,
    areas: Vec<f64>,
    new_sources: Vec<NewSource>,
    new_parties: Vec<NewParty>,
    new_events: Vec<NewEvent>,
    new_positions: Vec<NewPosition>,
    target: Index,
}

fn perturbation() -> impl Strategy<Value = Perturbation> {
    let cites = || prop::collection::vec(citation(), 1..3);
    let area = prop_oneof![
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(kuril_dispute::geography::MAX_ISLAND_AREA_KM2),
        Just(0.1 + 0.2),
        1e-3f64..1e5
    ];
    let keep = (
        prop::collection::vec(prop::bool::weighted(0.8), 0..200),
        prop::collection::vec(prop::bool::weighted(0.8), 0..200),
        prop::collection::vec(any::<bool>(), 0..20),
        prop::collection::vec(0u8..3, 1..40),
        prop::collection::vec(odd_string(), 1..40),
        prop::collection::vec(area, 4),
    );
    let new = (
        prop::collection::vec(
            (slug(), odd_string(), prop::option::of(partial_date()), prop::option::of(odd_string()), 0u8..7),
            0..4,
        ),
        prop::collection::vec((slug(), odd_string(), cites()), 1..3),
        prop::collection::vec((slug(), partial_date(), odd_string(), cites()), 0..5),
        prop::collection::vec(
            (slug(), partial_date(), prop::option::of(0u8..13), odd_string(), cites()),
            0..5,
        ),
        any::<Index>(),
    );
    (keep, new).prop_map(
        |(
            (keep_events, keep_positions, keep_names, precisions, strings, areas),
            (new_sources, new_parties, new_events, new_positions, target),
        )| Perturbation {
            keep_events,
            keep_positions,
            keep_names,
            precisions,
            strings,
            areas,
            new_sources,
            new_parties,
            new_events,
            new_positions,
            target,
        },
    )
}

/// Keeps the rows of a table whose mask bit is set (rows past the mask are kept).
fn keep(table: &mut Value, mask: &[bool]) {
    let rows = table.as_array_mut().unwrap();
    let mut n = 0;
    rows.retain(|_| {
        n += 1;
        mask.get(n - 1).copied().unwrap_or(true)
    });
}

/// Replaces the date string at `v[field]` (if present) by its truncation.
fn truncate(v: &mut Value, field: &str, p: Precision) {
    if let Some(s) = v.get(field).and_then(Value::as_str) {
        let d: PartialDate = s.parse().unwrap();
        v[field] = json!(d.truncate(p).to_string());
    }
}

const FORMULAS: [&str; 13] = [
    "four-islands",
    "two-islands-1956",
    "two-plus-alpha",
    "two-now-two-later",
    "area-split",
    "joint-economic-zone",
    "treaty-without-preconditions",
    "status-quo",
    "hikiwake",
    "kawana-1998",
    "three-islands",
    "joint-administration",
    "troop-withdrawal-1960",
];
const SOURCE_KINDS: [&str; 7] = ["official", "news", "opinion", "reference", "scholarly", "forum", "dataset"];
const EVENT_KINDS: [&str; 3] = ["meeting", "statement", "other"];

/// `s`, with a letter in front if it is blank.
fn nonblank(s: &str) -> String {
    if s.trim().is_empty() { format!("x{s}") } else { s.to_owned() }
}

/// The built-in data as JSON, perturbed: a valid dataset by construction.
fn perturbed(p: &Perturbation) -> Value {
    let mut v = serde_json::to_value(Dataset::builtin()).unwrap();
    keep(&mut v["events"], &p.keep_events);
    keep(&mut v["positions"], &p.keep_positions);
    keep(&mut v["names"], &p.keep_names);

    // Coarser dates never break an order or a lifetime check: intervals only widen.
    let mut precisions = p.precisions.iter().cycle().map(|&n| precision(n));
    let mut next = || precisions.next().unwrap();
    for a in v["agreements"].as_array_mut().unwrap() {
        truncate(a, "signed", next());
        truncate(a, "ratified", next());
    }
    for party in v["parties"].as_array_mut().unwrap() {
        truncate(party, "from", next());
        truncate(party, "to", next());
    }
    for e in v["events"].as_array_mut().unwrap() {
        truncate(e, "date", next());
    }
    for pos in v["positions"].as_array_mut().unwrap() {
        truncate(pos, "stated", next());
    }

    // Odd strings in free-text fields of every table; a name, title or summary says
    // something (blank ones are refused), so a blank string gets a letter in front.
    let mut strings = p.strings.iter().cycle();
    let mut any_text = || strings.next().unwrap().clone();
    let mut text = |field: &str| {
        let s = any_text();
        if s.trim().is_empty() && !matches!(field, "note" | "place") { json!(nonblank(&s)) } else { json!(s) }
    };
    for (table, fields) in [
        ("sources", &["title", "outlet", "note"][..]),
        ("islands", &["name", "aliases"][..]),
        ("parties", &["name", "note"][..]),
        ("people", &["name", "native"][..]),
        ("agreements", &["summary", "place"][..]),
        ("formulas", &["summary"][..]),
        ("positions", &["summary", "office"][..]),
        ("events", &["summary", "place"][..]),
    ] {
        let rows = v[table].as_array_mut().unwrap();
        let n = p.target.index(rows.len().max(1));
        for (i, row) in rows.iter_mut().enumerate() {
            if i % 7 != n % 7 {
                continue;
            }
            for &f in fields {
                if f == "aliases" {
                    row[f] = json!([text(f), text(f)]);
                } else {
                    row[f] = text(f);
                }
            }
        }
    }
    for (island, km2) in v["islands"].as_array_mut().unwrap().iter_mut().zip(&p.areas) {
        island["area"][0]["km2"] = json!(km2);
        island["ja"]["kanji"] = text("kanji");
    }

    // New records with new ids.
    let sources = v["sources"].as_array_mut().unwrap();
    for (n, (slug, title, date, note, kind)) in p.new_sources.iter().enumerate() {
        let mut s = json!({
            "id": format!("zz-{slug}-{n}"),
            "title": nonblank(title),
            "outlet": "somewhere",
            "kind": SOURCE_KINDS[usize::from(*kind) % SOURCE_KINDS.len()],
        });
        if let Some(d) = date {
            s["date"] = json!(d.to_string());
        }
        if let Some(note) = note {
            s["note"] = json!(note);
        }
        sources.push(s);
    }
    let parties = v["parties"].as_array_mut().unwrap();
    let new_party = |n: usize, slug: &str| format!("zz-{slug}-{n}");
    for (n, (slug, name, cite)) in p.new_parties.iter().enumerate() {
        parties.push(json!({ "id": new_party(n, slug), "name": nonblank(name), "cite": cite }));
    }
    let holder = new_party(0, &p.new_parties[0].0);
    let events = v["events"].as_array_mut().unwrap();
    for (n, (slug, date, summary, cite)) in p.new_events.iter().enumerate() {
        events.push(json!({
            "id": format!("{date}-zz-{slug}-{n}"),
            "date": date.to_string(),
            "kind": EVENT_KINDS[n % EVENT_KINDS.len()],
            "actors": [holder],
            "summary": nonblank(summary),
            "cite": cite,
        }));
    }
    let positions = v["positions"].as_array_mut().unwrap();
    for (n, (slug, stated, formula, summary, cite)) in p.new_positions.iter().enumerate() {
        let mut pos = json!({
            "id": format!("zz-{slug}-{n}"),
            "holder": holder,
            "stated": stated.to_string(),
            "office": nonblank(summary),
            "summary": nonblank(summary),
            "cite": cite,
        });
        match formula {
            Some(f) => pos["formula"] = json!(FORMULAS[usize::from(*f) % FORMULAS.len()]),
            None => {
                pos["transfer_at_least"] = json!(["habomai"]);
                pos["transfer_at_most"] = json!(["habomai", "shikotan"]);
            }
        }
        positions.push(pos);
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn generated_datasets_round_trip_through_toml_and_json(p in perturbation()) {
        let json = perturbed(&p);
        let data = match Dataset::from_json(&json.to_string()) {
            Ok(d) => d,
            Err(e) => panic!("the generator made an invalid dataset: {e}"),
        };
        // The perturbation is in the dataset.
        prop_assert_eq!(data.events().count(), json["events"].as_array().unwrap().len());
        prop_assert_eq!(data.positions().count(), json["positions"].as_array().unwrap().len());
        prop_assert_eq!(data.sources().count(), json["sources"].as_array().unwrap().len());
        for s in json["sources"].as_array().unwrap() {
            let id: SourceId = s["id"].as_str().unwrap().parse().unwrap();
            prop_assert_eq!(Some(s["title"].as_str().unwrap()), data.source(&id).ok().map(|s| s.title.as_str()));
        }

        let files = data.to_toml_files().unwrap();
        let from_toml = from_files(&files);
        prop_assert_eq!(&from_toml, &data);

        let again = Dataset::from_json(&serde_json::to_string(&data).unwrap());
        prop_assert_eq!(again.as_ref(), Ok(&data));
    }
}

// ------------------------------------------------- what would not round-trip is refused

/// The built-in files in memory, named `data/<file>`, with the first `from` in `name`
/// replaced by `to`; and the `file:line:column` of `mark` (a substring of `to`) there.
fn broken_files(name: &str, from: &str, to: &str, mark: &str) -> (Vec<(String, String)>, String) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let file = format!("data/{}", p.file_name().unwrap().to_str().unwrap());
            (file, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    let text = &mut files.iter_mut().find(|(p, _)| p == &format!("data/{name}")).unwrap().1;
    let at = text.find(from).unwrap_or_else(|| panic!("{name} has no {from:?}"));
    *text = text.replacen(from, to, 1);
    let offset = at + to.find(mark).unwrap_or_else(|| panic!("{mark:?} is not in {to:?}"));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    (files, format!("data/{name}:{line}:{column}"))
}

/// The one problem of a broken copy of the built-in files, as a message.
fn only_message(files: &[(String, String)]) -> String {
    let err = Dataset::from_toml(files.iter().map(|(p, t)| (p.as_str(), t.as_str()))).unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err}");
    assert!(matches!(err.problems()[0], kuril_dispute::Problem::Schema { .. }), "{err}");
    err.problems()[0].to_string()
}

#[test]
fn a_value_that_would_change_on_load_is_refused_where_it_is() {
    // A span of three offsets is not a span whose third is dropped.
    let to = "cite = [{ source = \"corpus-000\", span = [1, 2, 3] }, ";
    let (files, at) = broken_files("events.toml", "cite = [", to, "[1, 2, 3]");
    assert_eq!(
        only_message(&files),
        format!("{at}: invalid length 3, expected a span [start, end]: two byte offsets")
    );
    // A share finer than a basis point is not rounded to one.
    for share in ["0.00004", "0.212345"] {
        let to = format!("share = {share}");
        let (files, at) = broken_files("formulas.toml", "share = 0.21", &to, share);
        assert_eq!(
            only_message(&files),
            format!(
                "{at}: share {share} is not a whole number of basis points: shares are kept to four \
                 decimal places (0.0001 is the smallest)"
            )
        );
    }
    // A record written as its values in order, without field names.
    let from = "{ island = \"iturup\", to = \"japan\", share = 0.21 }";
    let (files, at) = broken_files("formulas.toml", from, "[\"iturup\", \"japan\", \"both\", 0.21]", "[");
    assert_eq!(
        only_message(&files),
        format!(
            "{at}: invalid type: array, expected a table of named fields (transfer): a record is \
             written with its field names, not as a list of values in order"
        )
    );
    // An island listed twice in a set is not read as listed once.
    let (files, at) = broken_files("formulas.toml", "islands = [", "islands = [\"iturup\", ", "[");
    assert_eq!(only_message(&files), format!("{at}: island `iturup` is listed twice"));
    // A joint recipient of one party is not read as that party alone.
    let from = "{ island = \"iturup\", to = [\"japan\", \"russia\"] }";
    let (files, at) = broken_files("formulas.toml", from, "{ island = \"iturup\", to = [\"japan\"] }", "[");
    assert_eq!(
        only_message(&files),
        format!("{at}: a joint recipient needs at least two parties; for one party write `to = \"japan\"`")
    );
}

#[test]
fn a_json_record_written_as_an_array_is_refused_where_it_is() {
    let json = serde_json::to_string(Dataset::builtin()).unwrap();
    let position = json.find("\"positions\":[").unwrap() + "\"positions\":[".len();
    let json = format!("{}[1,2,3,4,5,6,7,8,9],{}", &json[..position], &json[position..]);
    let err = Dataset::from_json(&json).unwrap_err();
    assert_eq!(err.problems().len(), 1, "{err}");
    // At the array's opening bracket.
    assert_eq!(
        err.problems()[0].to_string(),
        format!(
            "<json>:1:{}: invalid type: array, expected a table of named fields (position): a record \
             is written with its field names, not as a list of values in order",
            json[..position].chars().count() + 1
        )
    );
    // The whole dataset as an array of its nine tables is refused too.
    let err = Dataset::from_json("[[], [], [], [], [], [], [], [], []]").unwrap_err();
    assert!(err.to_string().contains("expected a table of named fields (dataset)"), "{err}");
}
