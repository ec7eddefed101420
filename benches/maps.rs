//! Benchmarks: drawing the maps and the timeline, and the exports, on the built-in data.
//!
//! Run with `cargo bench --bench maps`. Quote figures as ratios between benchmarks of the
//! same run (for instance, one formula map against parsing the outlines).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kuril_dispute::export::{self, CsvTable};
use kuril_dispute::map::{FormulaMap, SmallMultiples};
use kuril_dispute::timeline_chart::TimelineChart;
use kuril_dispute::{Dataset, FormulaId, Outlines};

fn pictures(c: &mut Criterion) {
    let data = Dataset::builtin();
    let outlines = Outlines::builtin();
    c.bench_function("FormulaMap(area-split).to_svg()", |b| {
        b.iter(|| FormulaMap::new(data, outlines, black_box(FormulaId::AreaSplit)).to_svg().len())
    });
    c.bench_function("SmallMultiples.to_svg()", |b| {
        b.iter(|| SmallMultiples::new(data, outlines).to_svg().len())
    });
    c.bench_function("TimelineChart.to_svg()", |b| {
        b.iter(|| TimelineChart::new(black_box(data)).to_svg().len())
    });
}

fn exports(c: &mut Criterion) {
    let data = Dataset::builtin();
    let outlines = Outlines::builtin();
    c.bench_function("Outlines::from_geojson(builtin)", |b| {
        b.iter(|| {
            Outlines::from_geojson(black_box(kuril_dispute::outline::BUILTIN_GEOJSON))
                .map(|o| o.islands().len())
        })
    });
    c.bench_function("export::to_json", |b| b.iter(|| export::to_json(black_box(data)).map(|s| s.len())));
    c.bench_function("export::write_csv(every table)", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for t in CsvTable::ALL {
                export::write_csv(data, t, &mut out).ok();
            }
            out.len()
        })
    });
    c.bench_function("export::islands_geojson", |b| {
        b.iter(|| export::islands_geojson(black_box(data), outlines).features.len())
    });
}

criterion_group!(benches, pictures, exports);
criterion_main!(benches);
