//! Scale (issue 12, item 5): an archive of generated news documents read with 1 and 2
//! threads, and the peak memory of reading N and 4N documents.
//!
//! The archive is JSON Lines, written to a temporary directory from this crate's own
//! texts: each document is one of the fixtures (`tests/fixtures/*.txt` and the three
//! reports of `review-2019-06.jsonl`: English, Japanese and Russian wire copy about the
//! dispute) followed by two paragraphs of the bench corpus of the same language
//! (`benches/corpus/news-mixed*.txt`, world news of the same days), with its own id,
//! outlet and publication date. Every document is about the dispute: the slow case (news
//! that is not is read faster, the topic gate skipping its costly rules).
//!
//! `cargo bench --bench scale` runs criterion's group (2,000 documents, 1 and 2 threads,
//! in documents per second), then reads the whole archive (`DOCUMENTS`, at least 50,000)
//! in a child process per figure, each reporting its time and its peak resident memory
//! (`VmHWM` of `/proc/self/status`, on Linux): 4N documents with 1 thread and with 2
//! threads, and N documents with 2 threads. It prints documents/s and MB/s for each, the
//! CPU time (on a machine shared with other work, how many cores the run really had), the
//! speed-up of the second thread, the ratio of the peaks of 4N and N (flat: about 1), and
//! what a year of world news would take at the 2-thread rate.

use std::hint::black_box;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use kuril_dispute::Dataset;
use kuril_dispute::extract::Extractor;
use kuril_dispute::extract::archive::Archive;

/// Documents in the whole archive (4N).
const DOCUMENTS: usize = 50_000;
/// Documents in the small archive (N).
const QUARTER: usize = DOCUMENTS / 4;
/// Documents in criterion's archive.
const SLICE: usize = 2_000;

/// The assumed size of a year of world news: 100 million articles (about 270,000 a day,
/// in every language) of 3 KB of text on average.
const YEAR_ARTICLES: f64 = 100e6;
const YEAR_BYTES: f64 = YEAR_ARTICLES * 3e3;

/// The environment variable that makes this binary a child reading one archive.
const CHILD: &str = "KURIL_SCALE_ARCHIVE";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name))
        .expect("a fixture")
}

/// The fixtures' texts, each with its language's corpus paragraphs.
fn sources() -> Vec<(String, Vec<String>)> {
    let paragraphs = |text: &str| -> Vec<String> {
        text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
    };
    let en = paragraphs(include_str!("corpus/news-mixed.txt"));
    let ja = paragraphs(include_str!("corpus/news-mixed-ja.txt"));
    let ru = paragraphs(include_str!("corpus/news-mixed-ru.txt"));
    let mut out = vec![
        (fixture("wire-2018-11-15.txt"), en.clone()),
        (fixture("agency-1993-10-12.txt"), en.clone()),
        (fixture("ja-wire-2018-11-15.txt"), ja),
        (fixture("ru-wire-2019-01-14.txt"), ru),
    ];
    for line in fixture("review-2019-06.jsonl").lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        out.push((v["text"].as_str().expect("a text").to_string(), en.clone()));
    }
    out
}

/// Writes an archive of `n` documents (see the module) to `path`; returns its size.
fn write_archive(path: &Path, n: usize) -> u64 {
    const OUTLETS: [&str; 5] =
        ["Harbour Evening Post", "Capital Wire", "North Desk", "Island Daily", "Strait Times"];
    let sources = sources();
    let file = std::fs::File::create(path).expect("a temporary file");
    let mut out = std::io::BufWriter::new(file);
    let start = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date");
    for k in 0..n {
        let (text, paragraphs) = &sources[k % sources.len()];
        let a = paragraphs[(k * 7919) % paragraphs.len()].as_str();
        let b = paragraphs[(k * 104_729 + 13) % paragraphs.len()].as_str();
        let published = start + chrono::Duration::days((k % 2_500) as i64);
        let line = serde_json::json!({
            "id": format!("scale-{k}"),
            "published": published.to_string(),
            "outlet": OUTLETS[k % OUTLETS.len()],
            "text": format!("{text}\n\n{a}\n\n{b}\n"),
        });
        writeln!(out, "{line}").expect("the archive is written");
    }
    out.flush().expect("the archive is written");
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Reads `archive` with `extractor` as the extract example's `--json` does (each record
/// serialised), in rayon's current pool; returns the documents read.
fn read(extractor: &Extractor<'_>, archive: &Path) -> u64 {
    let tally = Archive::new([archive])
        .extract(
            extractor,
            |_, x| serde_json::to_string(&x.record()).map(|s| s.len()).unwrap_or(0),
            |item, _| {
                black_box(item.ok());
                Ok::<(), std::convert::Infallible>(())
            },
        )
        .unwrap_or_default();
    tally.documents
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool")
}

fn throughput(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("slice.jsonl");
    write_archive(&path, SLICE);
    let extractor = Extractor::new(Dataset::builtin()).expect("builtin data");
    // Every pack's automaton built before timing.
    read(&extractor, &path);
    let mut group = c.benchmark_group("archive");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).throughput(Throughput::Elements(SLICE as u64));
    for threads in [1, 2] {
        let pool = pool(threads);
        group.bench_with_input(BenchmarkId::new("threads", threads), &path, |b, path| {
            b.iter(|| pool.install(|| read(&extractor, path)))
        });
    }
    group.finish();
}

criterion_group!(benches, throughput);

/// The peak resident memory of this process, in kB (Linux).
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The CPU time this process has used, all threads, in seconds (Linux: `utime` and
/// `stime` of `/proc/self/stat`, in clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The child: reads the archive named by [`CHILD`] and prints documents, seconds, CPU
/// seconds spent reading and peak memory.
fn child(archive: &Path) {
    let extractor = Extractor::new(Dataset::builtin()).expect("builtin data");
    let (started, cpu) = (Instant::now(), cpu_seconds().unwrap_or(0.0));
    let documents = read(&extractor, archive);
    let seconds = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(0.0) - cpu;
    println!("{documents} {seconds} {cpu} {}", peak_kb().unwrap_or(0));
}

struct Run {
    documents: u64,
    seconds: f64,
    cpu: f64,
    peak_kb: u64,
}

/// Runs this binary as a child reading `archive` with `threads` threads.
fn run(archive: &Path, threads: usize) -> Option<Run> {
    let exe = std::env::current_exe().ok()?;
    let out =
        Command::new(exe).env(CHILD, archive).env("RAYON_NUM_THREADS", threads.to_string()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text.split_whitespace();
    Some(Run {
        documents: words.next()?.parse().ok()?,
        seconds: words.next()?.parse().ok()?,
        cpu: words.next()?.parse().ok()?,
        peak_kb: words.next()?.parse().ok()?,
    })
}

fn figures() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (small, large): (PathBuf, PathBuf) = (dir.path().join("n.jsonl"), dir.path().join("4n.jsonl"));
    let small_bytes = write_archive(&small, QUARTER);
    let large_bytes = write_archive(&large, DOCUMENTS);
    let (Some(one), Some(two), Some(quarter)) = (run(&large, 1), run(&large, 2), run(&small, 2)) else {
        println!("scale: a child run failed");
        return;
    };
    let mb = large_bytes as f64 / 1e6;
    println!(
        "scale: {DOCUMENTS} documents, {mb:.1} MB ({:.0} bytes a document), generated from the fixtures",
        large_bytes as f64 / DOCUMENTS as f64
    );
    for (threads, r) in [(1, &one), (2, &two)] {
        println!(
            "  {threads} thread(s): {} documents in {:.1} s: {:.0} documents/s, {:.2} MB/s; {:.1} CPU s ({:.0} documents per CPU second, {:.2} cores busy); peak RSS {:.1} MB",
            r.documents,
            r.seconds,
            r.documents as f64 / r.seconds,
            mb / r.seconds,
            r.cpu,
            r.documents as f64 / r.cpu.max(1e-9),
            r.cpu / r.seconds,
            r.peak_kb as f64 / 1e3
        );
    }
    println!("  the second thread: {:.2}x the documents/s of one", one.seconds / two.seconds);
    println!(
        "  peak RSS, 2 threads: N = {QUARTER} documents ({:.1} MB) {:.1} MB, 4N = {DOCUMENTS} ({mb:.1} MB) {:.1} MB: ratio {:.2}",
        small_bytes as f64 / 1e6,
        quarter.peak_kb as f64 / 1e3,
        two.peak_kb as f64 / 1e3,
        two.peak_kb as f64 / quarter.peak_kb.max(1) as f64
    );
    let per_doc = two.documents as f64 / two.seconds;
    let per_byte = large_bytes as f64 / two.seconds;
    println!(
        "  a year of world news ({:.0} million articles, {:.0} GB), at the 2-thread rate: {:.1} days by documents, {:.1} days by bytes",
        YEAR_ARTICLES / 1e6,
        YEAR_BYTES / 1e9,
        YEAR_ARTICLES / per_doc / 86_400.0,
        YEAR_BYTES / per_byte / 86_400.0
    );
}

fn main() {
    if let Some(archive) = std::env::var_os(CHILD) {
        child(Path::new(&archive));
        return;
    }
    benches();
    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    if filter.is_empty() || filter.iter().any(|f| "scale figures".contains(f.as_str())) {
        figures();
    }
    Criterion::default().configure_from_args().final_summary();
}
