//! Extraction throughput, against a bare Aho–Corasick pass over the same names and bytes,
//! and its growth on pathological input (1, 10 and 100 MB).
//!
//! `cargo bench --bench extract` runs criterion's groups and then prints, from one timed
//! loop each in the same run, the whole extractor's throughput, the bare pass's, and their
//! ratio (goal: the extractor at 1/3 of the bare pass or better).
//! `cargo bench --bench extract -- pathological` runs the linear-time groups only.

use std::hint::black_box;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use kuril_dispute::Dataset;
use kuril_dispute::extract::{Document, Extractor};

/// Paragraphs in the genre, written for this bench (not taken from any article).
const PARAGRAPHS: &[&str] = &[
    "TOKYO, Nov. 15 (Wire) - Japanese Prime Minister Shinzo Abe and Russian President Vladimir Putin agreed on Wednesday to speed up peace treaty talks on the basis of the 1956 joint declaration, which promised Japan the two islands of Shikotan and the Habomai islets after a treaty.",
    "\u{201c}We will not give up our land,\u{201d} said Russian Foreign Minister Sergei Lavrov, insisting that Tokyo accept the post-war realities. Moscow calls the chain the Southern Kurils; Japan calls them the Northern Territories.",
    "In a poll published last month, 54% of respondents opposed handing over any of the islands, and 31 per cent said the sides should split the islands by area. Russia has 3,500 troops and four warships in the area.",
    "Igor Belsky, a Russian analyst at a Moscow think tank, said the offer was sincere. Japan demands the return of all four islands, Etorofu, Kunashiri, Shikotan and the Habomai group, before a peace treaty is signed.",
    "The Kremlin said on Monday that the talks would continue. In 1997 Yeltsin and Hashimoto agreed to do their utmost to conclude a treaty by 2000 on the basis of the Tokyo declaration. Seventy years after the war, there is still no treaty.",
    "The weather in Sapporo was mild this week, and the fishing fleets of Nemuro stayed in port while the markets waited for the catch of crab and kelp from the straits.",
];

fn corpus(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 1024);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    text
}

/// The comparator: a bare Aho–Corasick pass over the same patterns as the extractor's
/// automaton (every name and every trigger of the English pack), in its fastest
/// configuration (a DFA).
fn bare_pass(extractor: &Extractor<'_>) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(extractor.patterns("en"))
        .expect("the patterns compile")
}

fn throughput(c: &mut Criterion) {
    let extractor = Extractor::new(Dataset::builtin()).expect("builtin data");
    let bare = bare_pass(&extractor);
    let text = corpus(1 << 20);
    let doc = Document::new("bench.txt", text.clone())
        .expect("text")
        .with_published("2018-11-15".parse().expect("date"));
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("whole-extractor-1MB", |b| b.iter(|| black_box(extractor.extract(black_box(&doc)))));
    group.bench_function("bare-aho-corasick-1MB", |b| {
        b.iter(|| black_box(bare.find_iter(black_box(&text)).count()))
    });
    group.finish();
}

fn pathological(c: &mut Criterion) {
    let extractor = Extractor::new(Dataset::builtin()).expect("builtin data");
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_millis(500));
    let shapes: [(&str, &str); 3] =
        [("no-spaces", "KunashirJapanTokyo1956treaty"), ("name-repeated", "Putin "), ("quote-marks", "\"")];
    for (shape, unit) in shapes {
        for mb in [1usize, 10, 100] {
            let text = unit.repeat((mb << 20) / unit.len());
            let doc = Document::new("bench.txt", text).expect("text");
            group.throughput(Throughput::Bytes((mb << 20) as u64));
            group.bench_with_input(BenchmarkId::new(shape, format!("{mb}MB")), &doc, |b, doc| {
                b.iter(|| black_box(extractor.extract(doc)))
            });
        }
    }
    group.finish();
}

/// The ratio the issue asks for, from one timed loop of each in this run.
fn ratio() {
    let extractor = Extractor::new(Dataset::builtin()).expect("builtin data");
    let bare = bare_pass(&extractor);
    let text = corpus(8 << 20);
    let doc = Document::new("bench.txt", text.clone())
        .expect("text")
        .with_published("2018-11-15".parse().expect("date"));
    let mb = text.len() as f64 / (1 << 20) as f64;
    let time = |f: &dyn Fn()| {
        f();
        let start = Instant::now();
        for _ in 0..3 {
            f();
        }
        start.elapsed().as_secs_f64() / 3.0
    };
    let whole = time(&|| {
        black_box(extractor.extract(&doc));
    });
    let pass = time(&|| {
        black_box(bare.find_iter(&text).count());
    });
    println!(
        "extract ratio: whole extractor {:.1} MB/s, bare Aho-Corasick pass {:.1} MB/s, ratio {:.2} (goal >= 0.33)",
        mb / whole,
        mb / pass,
        pass / whole
    );
}

criterion_group!(benches, throughput, pathological);

fn main() {
    benches();
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    if filter.is_empty() || filter.iter().any(|f| "extract ratio".contains(f.as_str())) {
        ratio();
    }
    Criterion::default().configure_from_args().final_summary();
}
