//! Merging is linear in the number of records (issue 12, item 3): reviewed findings of N,
//! 2N and 4N documents merged into the built-in data (`Dataset::merge_extractions`), and
//! the dataset so made merged into the built-in data again (`Dataset::merge`).
//!
//! `cargo bench --bench merge` runs criterion's groups, then times each size once more in
//! one loop (best of five, wall time and the thread's CPU time) and prints the times and
//! their ratios (linear: 2 and 4; quadratic: 4 and 16).
//! The findings are made from the fixture `tests/fixtures/review-2019-06.jsonl` (one
//! extraction, then varied per document: its id, a date a day later each time, a person
//! from a pool of names, so that some documents add records and others link to them).

use std::hint::black_box;

use chrono::Datelike as _;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group};
use kuril_dispute::extract::archive::Archive;
use kuril_dispute::extract::{DocumentFindings, Extractor};
use kuril_dispute::{Dataset, PartialDate};

/// The sizes, in documents.
const SIZES: [usize; 3] = [10_000, 20_000, 40_000];

const FIRST: [&str; 12] =
    ["Oleg", "Anna", "Ivan", "Yuki", "Kenji", "Irina", "Pavel", "Mika", "Sergei", "Haruto", "Olga", "Taro"];
const LAST: [&str; 40] = [
    "Varnin", "Korsak", "Belsky", "Mori", "Tanabe", "Lesnaya", "Orlov", "Kato", "Sokolov", "Inoue",
    "Volkova", "Sato", "Zimin", "Hayashi", "Kuznets", "Ueda", "Petrova", "Noguchi", "Frolov", "Ishida",
    "Gromov", "Kimura", "Titova", "Aoki", "Popov", "Murata", "Lebedev", "Ota", "Sidorov", "Fujii", "Egorova",
    "Kondo", "Isaev", "Sakai", "Mironov", "Endo", "Kozlova", "Baba", "Nikitin", "Hirano",
];

/// The fixture's three documents, read for review.
fn templates(extractor: &Extractor<'_>) -> Vec<DocumentFindings> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/review-2019-06.jsonl");
    let mut out = Vec::new();
    Archive::new([path])
        .extract(extractor, DocumentFindings::new, |item, _| {
            out.extend(item.ok());
            Ok::<(), std::convert::Infallible>(())
        })
        .expect("the fixture reads");
    out
}

/// `n` documents' findings: the templates in turn, each renamed, dated `k` days after
/// 1 January 1995 (so that most events are new), its unknown people named from a pool
/// of 480 names (so that people are added, then linked).
fn documents(templates: &[DocumentFindings], n: usize) -> Vec<DocumentFindings> {
    let start = chrono::NaiveDate::from_ymd_opt(1995, 1, 1).expect("a date");
    (0..n)
        .map(|k| {
            let mut f = templates[k % templates.len()].clone();
            let x = &mut f.findings;
            x.doc = format!("generated-{k}");
            let day = start + chrono::Duration::days(k as i64);
            let date = PartialDate::from_ymd(day.year(), day.month(), day.day()).expect("a date");
            x.published = Some(date);
            let name = format!("{} {}", FIRST[k % FIRST.len()], LAST[(k / FIRST.len()) % LAST.len()]);
            for p in x.people.iter_mut().filter(|p| p.person.is_none()) {
                p.name = name.clone();
            }
            for e in &mut x.events {
                e.date = date;
                for p in &mut e.people {
                    if p.as_str() != "Yoshihide Suga" {
                        *p = name.clone();
                    }
                }
            }
            for p in &mut x.positions {
                p.date = Some(date);
            }
            f
        })
        .collect()
}

fn merge(c: &mut Criterion) {
    let data = Dataset::builtin();
    let extractor = Extractor::new(data).expect("builtin data");
    let templates = templates(&extractor);
    let mut group = c.benchmark_group("merge_extractions");
    group.sample_size(10).warm_up_time(Duration::from_millis(500));
    for n in SIZES {
        let docs = documents(&templates, n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| data.merge_extractions(black_box(docs)).expect("valid"))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("merge datasets");
    group.sample_size(10).warm_up_time(Duration::from_millis(500));
    for n in SIZES {
        let other = data.merge_extractions(documents(&templates, n)).expect("valid").dataset;
        group.bench_with_input(BenchmarkId::from_parameter(n), &other, |b, other| {
            b.iter(|| data.merge(black_box(other)).expect("valid"))
        });
    }
    group.finish();
}

criterion_group!(benches, merge);

/// The CPU time this thread has used, in nanoseconds (Linux: the first field of
/// `/proc/thread-self/schedstat`): on a machine shared with other work, a measure that
/// does not count the time others had the core.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// The best of five runs of `f`: wall time, and CPU time of this thread where known.
fn best(mut f: impl FnMut()) -> (Duration, Option<Duration>) {
    let runs: Vec<(Duration, Option<Duration>)> = (0..5)
        .map(|_| {
            let (t, cpu) = (Instant::now(), thread_cpu_ns());
            f();
            let cpu = cpu.zip(thread_cpu_ns()).map(|(a, b)| Duration::from_nanos(b.saturating_sub(a)));
            (t.elapsed(), cpu)
        })
        .collect();
    let wall = runs.iter().map(|r| r.0).min().unwrap_or_default();
    let cpu = runs.iter().filter_map(|r| r.1).min();
    (wall, cpu)
}

/// Times each size in one loop and prints the times and the ratios to the smallest.
fn ratios() {
    let data = Dataset::builtin();
    let extractor = Extractor::new(data).expect("builtin data");
    let templates = templates(&extractor);
    let mut extractions = Vec::new();
    let mut datasets = Vec::new();
    let mut records = Vec::new();
    for n in SIZES {
        let docs = documents(&templates, n);
        let merged = data.merge_extractions(&docs).expect("valid");
        records.push(
            merged.dataset.people().len() + merged.dataset.events().len() + merged.dataset.positions().len(),
        );
        extractions.push(best(|| {
            black_box(data.merge_extractions(black_box(&docs)).expect("valid"));
        }));
        let other = merged.dataset;
        datasets.push(best(|| {
            black_box(data.merge(black_box(&other)).expect("valid"));
        }));
    }
    println!("merge, best of five runs (wall time and CPU time, each with its ratio to N = {}):", SIZES[0]);
    for (name, times) in [("merge_extractions", &extractions), ("merge (dataset)", &datasets)] {
        let (wall0, cpu0) = times[0];
        let cells: Vec<String> = SIZES
            .iter()
            .zip(times.iter())
            .zip(&records)
            .map(|((n, (wall, cpu)), r)| {
                let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-12);
                let cpu = match (cpu, cpu0) {
                    (Some(c), Some(c0)) => {
                        format!(", CPU {:.1} ms ({:.2}x)", c.as_secs_f64() * 1e3, ratio(*c, c0))
                    }
                    _ => String::new(),
                };
                format!(
                    "{n} docs ({r} records): {:.1} ms ({:.2}x){cpu}",
                    wall.as_secs_f64() * 1e3,
                    ratio(*wall, wall0)
                )
            })
            .collect();
        println!("  {name}:");
        for c in cells {
            println!("    {c}");
        }
    }
}

fn main() {
    benches();
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    if filter.is_empty() || filter.iter().any(|f| "merge ratios".contains(f.as_str())) {
        ratios();
    }
    Criterion::default().configure_from_args().final_summary();
}
