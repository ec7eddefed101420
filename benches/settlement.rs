//! Benchmarks of the settlement space: at one date, and at every date on which the
//! built-in dataset records something (the goal: all dates in under 1 ms). Also the
//! nearest rejected outcomes at one date, which enumerates all 7,776 outcomes.
//!
//! Run with `cargo bench --bench settlement`. Quote figures as ratios between benchmarks
//! of the same run.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kuril_dispute::{Dataset, PartialDate};

fn settlement(c: &mut Criterion) {
    let data = Dataset::builtin();
    let one: PartialDate = "2018-11".parse().unwrap();
    let dates = data.dates();
    c.bench_function("settlement_space(2018-11)", |b| b.iter(|| data.settlement_space(black_box(one)).len()));
    c.bench_function(&format!("settlement_space(every date: {})", dates.len()), |b| {
        b.iter(|| dates.iter().map(|d| data.settlement_space(black_box(*d)).len()).sum::<usize>())
    });
    let empty: PartialDate = "1993".parse().unwrap();
    c.bench_function("settlement_space(1993).nearest()", |b| {
        b.iter(|| data.settlement_space(black_box(empty)).nearest().len())
    });
}

criterion_group!(benches, settlement);
criterion_main!(benches);
