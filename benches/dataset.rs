//! Benchmarks: parsing and validating the dataset, and the common queries.
//!
//! Run with `cargo bench`. Quote figures as ratios between benchmarks of the same run.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kuril_dispute::{Dataset, FormulaId, PartyId};

fn load(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    c.bench_function("from_dir(data/)", |b| b.iter(|| Dataset::from_dir(black_box(dir))));
}

fn queries(c: &mut Criterion) {
    let data = Dataset::builtin();
    let date = "2018-11".parse().unwrap();
    c.bench_function("latest_positions(russia, 2018-11)", |b| {
        b.iter(|| data.latest_positions(black_box(&PartyId::RUSSIA), black_box(date)).map(|p| p.len()))
    });
    c.bench_function("area_transferred(all formulas)", |b| {
        b.iter(|| data.formulas().map(|f| data.area_transferred(black_box(f))).sum::<f64>())
    });
    c.bench_function("formula(two-islands-1956).islands_transferred()", |b| {
        b.iter(|| data.formula(black_box(FormulaId::TwoIslands1956)).islands_transferred())
    });
}

criterion_group!(benches, load, queries);
criterion_main!(benches);
