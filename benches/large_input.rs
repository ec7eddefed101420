//! Benchmarks: loading grows linearly with the input. The built-in files plus N extra
//! events, a chain of N predecessor states, and a formula with N transfers, at N and 2N
//! and 4N; JSON and TOML round trips.
//!
//! Run with `cargo bench --bench large_input`. Compare the times of N, 2N and 4N in one
//! run: linear loading doubles them, quadratic loading would quadruple them.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use kuril_dispute::Dataset;

const TABLES: [&str; 11] = [
    "sources",
    "islands",
    "names",
    "parties",
    "people",
    "agreements",
    "formulas",
    "positions",
    "events",
    "administration",
    "claims",
];

fn builtin_files() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    TABLES
        .iter()
        .map(|t| {
            let name = format!("{t}.toml");
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            (name, text)
        })
        .collect()
}

fn load(files: &[(String, String)]) -> Result<Dataset, kuril_dispute::LoadError> {
    Dataset::from_toml(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
}

/// The built-in files with `n` more (valid) events.
fn with_events(n: usize) -> Vec<(String, String)> {
    let mut files = builtin_files();
    let events = &mut files[8].1;
    for i in 0..n {
        events.push_str(&format!(
            "\n[[event]]\nid = \"2000-bench-{i}\"\ndate = \"2000\"\nkind = \"other\"\nactors = [\"japan\"]\n\
             summary = \"A generated event.\"\ncite = [\"corpus-000\"]\n"
        ));
    }
    files
}

/// The built-in files with `n` more (compatible) transfers in one formula.
fn with_transfers(n: usize) -> Vec<(String, String)> {
    let mut files = builtin_files();
    let formulas = &mut files[6].1;
    let at = formulas.find("id = \"two-islands-1956\"").unwrap();
    let extra = "  { island = \"iturup\", to = [\"japan\", \"russia\"], share = 0.0001 },\n".repeat(n);
    let tail = formulas[at..].replacen("transfers = [\n", &format!("transfers = [\n{extra}"), 1);
    formulas.truncate(at);
    formulas.push_str(&tail);
    files
}

/// The built-in files with `n` more parties, each the predecessor of the next.
fn with_chain(n: usize) -> Vec<(String, String)> {
    let mut files = builtin_files();
    let parties = &mut files[3].1;
    for i in 0..n {
        let predecessor = if i == 0 { "japan".to_owned() } else { format!("chain-{}", i - 1) };
        parties.push_str(&format!(
            "\n[[party]]\nid = \"chain-{i}\"\nname = \"State {i}\"\npredecessor = \"{predecessor}\"\ncite = [\"corpus-000\"]\n"
        ));
    }
    files
}

fn large_tables(c: &mut Criterion) {
    let mut group = c.benchmark_group("from_toml, built-in + N events");
    group.sample_size(10);
    for n in [5_000, 10_000, 20_000] {
        let files = with_events(n);
        assert!(load(&files).is_ok());
        group.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, f| b.iter(|| load(black_box(f))));
    }
    group.finish();

    let mut group = c.benchmark_group("from_toml, a chain of N predecessor states");
    group.sample_size(10);
    for n in [10_000, 20_000, 40_000] {
        let files = with_chain(n);
        assert!(load(&files).is_ok());
        group.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, f| b.iter(|| load(black_box(f))));
    }
    group.finish();

    let mut group = c.benchmark_group("from_toml, one formula with N transfers");
    group.sample_size(10);
    for n in [2_500, 5_000, 10_000] {
        let files = with_transfers(n);
        assert!(load(&files).is_ok());
        group.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, f| b.iter(|| load(black_box(f))));
    }
    group.finish();
}

fn round_trips(c: &mut Criterion) {
    let data = Dataset::builtin();
    let json = serde_json::to_string(data).unwrap();
    c.bench_function("from_json(builtin)", |b| b.iter(|| Dataset::from_json(black_box(&json))));
    c.bench_function("to_toml_files(builtin)", |b| b.iter(|| black_box(data).to_toml_files()));
}

criterion_group!(benches, large_tables, round_trips);
criterion_main!(benches);
