//! Reads news documents into typed records, and merges reviewed findings into a dataset.
//!
//! ```text
//! cargo run --release --example extract -- [--json | --findings] [--published YYYY-MM-DD] [--max-bytes N] INPUT...
//! cargo run --release --example extract -- [--data DIR] [--merge REVIEWED.jsonl]... (--csv DIR | --data-out DIR) [INPUT...]
//! ```
//!
//! Each INPUT is a file (one document), a directory (every `.txt` file in it, recursively,
//! in sorted order), a JSON Lines archive (`*.jsonl`: one document per line, fields `text`
//! and optionally `id`, `published`, `url`, `outlet`, `title`, `author`, `lang`), or `-`
//! for standard input (one document). See `kuril_dispute::extract::archive`.
//!
//! By default prints a readable summary per document; with `--json`, one record of the
//! annotation schema per line (JSON Lines), `doc` set to the document's id (a file's name,
//! a path in a directory, a line's `id`); with `--findings`, one `DocumentFindings` per line:
//! the document's metadata, every finding with its evidence (byte spans into the text) and
//! the words each citation quotes, for review. Documents are read in parallel
//! (`RAYON_NUM_THREADS` threads, by default one per core), in bounded batches, and written
//! in input order. Anything that cannot be read (a document, a line with its line number)
//! is reported on stderr and the rest goes on. On stderr, a progress bar when it is a
//! terminal, else a one-line summary at the end.
//!
//! **Merging.** With `--csv DIR` or `--data-out DIR`, what the INPUTs say and the reviewed
//! findings of each `--merge FILE` (a `--findings` output, edited or filtered) are merged
//! into the dataset (the built-in one, or `--data DIR`'s), and the result is written: one
//! CSV file per table into DIR (`--csv`), or the dataset's TOML files (`--data-out`, which
//! `Dataset::from_dir` and `briefing --data` read). The merge's report (linked, added, and
//! each finding skipped with why) goes to stderr; stdout then carries only what `--json` or
//! `--findings` asks for.
//!
//! Exit status: 0 when every document and reviewed line was read, 1 when something was
//! reported (or the output cannot be written, or the merged data fails its checks), 2 on
//! bad usage (or a `--data` directory that does not load); `--help` prints the usage on
//! stdout, status 0. Findings skipped by the merge are listed but do not change the status.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use std::path::{Path, PathBuf};

use kuril_dispute::dataset::Merger;
use kuril_dispute::export::{CsvTable, write_csv};
use kuril_dispute::extract::archive::{Archive, FindingsFile, Input};
use kuril_dispute::extract::{Document, DocumentFindings, Extraction, Extractor};
use kuril_dispute::{Dataset, PartialDate};

struct Options {
    max_bytes: usize,
    json: bool,
    findings: bool,
    published: Option<PartialDate>,
    files: Vec<Input>,
    /// Reviewed findings to merge.
    merge: Vec<PathBuf>,
    /// Where to write the merged dataset as CSV tables.
    csv: Option<PathBuf>,
    /// Where to write the merged dataset as data files.
    data_out: Option<PathBuf>,
    /// The dataset to read names from and merge into.
    data: Option<PathBuf>,
}

impl Options {
    /// Whether findings are merged into a dataset.
    fn merging(&self) -> bool {
        self.csv.is_some() || self.data_out.is_some()
    }
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        max_bytes: kuril_dispute::extract::DEFAULT_MAX_DOCUMENT_BYTES,
        json: false,
        findings: false,
        published: None,
        files: Vec::new(),
        merge: Vec::new(),
        csv: None,
        data_out: None,
        data: None,
    };
    // File names may be any bytes the system allows; options are text.
    let mut args = std::env::args_os().skip(1);
    while let Some(raw) = args.next() {
        let Some(arg) = raw.to_str() else {
            if raw.as_encoded_bytes().starts_with(b"-") {
                return Err(format!("option {raw:?} is not UTF-8"));
            }
            options.files.push(Input::Path(raw.into()));
            continue;
        };
        let mut path = |what: &str| -> Result<PathBuf, String> {
            args.next().map(PathBuf::from).ok_or_else(|| format!("{arg} needs {what}"))
        };
        match arg {
            "--json" => options.json = true,
            "--findings" => options.findings = true,
            "--merge" => options.merge.push(path("a JSON Lines file of reviewed findings")?),
            "--csv" => options.csv = Some(path("a directory")?),
            "--data-out" => options.data_out = Some(path("a directory")?),
            "--data" => options.data = Some(path("a data directory")?),
            "--max-bytes" => {
                let value = path("a number of bytes")?.to_string_lossy().into_owned();
                options.max_bytes = value.parse().map_err(|e| format!("--max-bytes {value}: {e}"))?;
            }
            "--published" => {
                let value = path("a date (YYYY, YYYY-MM or YYYY-MM-DD)")?.to_string_lossy().into_owned();
                options.published = Some(value.parse().map_err(|e| format!("--published: {e}"))?);
            }
            "-h" | "--help" => return Err(String::new()),
            "-" => options.files.push(Input::Stdin),
            flag if flag.starts_with('-') => return Err(format!("unknown option {}", printable(flag))),
            file => options.files.push(Input::Path(file.into())),
        }
    }
    if !options.merge.is_empty() && !options.merging() {
        return Err("--merge needs --csv DIR or --data-out DIR (where to write the merged dataset)".into());
    }
    if options.files.is_empty() && options.merge.is_empty() {
        return Err("no inputs given".into());
    }
    Ok(options)
}

fn summary(x: &Extraction, text: &str) -> String {
    use std::fmt::Write;
    let r = x.record();
    let mut s = String::new();
    let join = |v: Vec<String>| if v.is_empty() { "—".to_string() } else { v.join(", ") };
    let published = match (x.published, x.published_inferred) {
        (Some(d), true) => format!("{d} (inferred from the text)"),
        (Some(d), false) => d.to_string(),
        (None, _) => "unknown".into(),
    };
    let _ = writeln!(s, "== {} (published {published})", printable(&x.doc));
    let _ = writeln!(s, "islands:    {}", join(r.islands.iter().map(|i| i.to_string()).collect()));
    let _ = writeln!(s, "parties:    {}", join(r.parties.iter().map(|p| p.to_string()).collect()));
    let _ = writeln!(s, "agreements: {}", join(r.agreements.iter().map(|a| a.to_string()).collect()));
    let _ = writeln!(s, "people:");
    for p in &x.people {
        let party = p.party.as_ref().map_or("—".to_string(), |p| p.to_string());
        let title = p.title.as_deref().map(|t| format!(", {t}")).unwrap_or_default();
        let _ = writeln!(s, "  {} ({party}{})", printable(&p.name), printable(&title));
    }
    let _ = writeln!(s, "quotes:");
    for q in x.quotes.iter().filter(|q| q.speaker.is_some()) {
        let short = shorten(q.evidence.text(text), 14);
        let _ = writeln!(s, "  {}: \"{short}\"", printable(q.speaker.as_deref().unwrap_or("?")));
    }
    let _ = writeln!(s, "events:");
    for e in &x.events {
        let actors: Vec<String> = e.actors.iter().map(|a| a.to_string()).collect();
        let about = e.agreement.map(|a| format!(" [{a}]")).unwrap_or_default();
        let _ = writeln!(
            s,
            "  {:<10} {:<16} {}{about}  «{}»",
            e.date.to_string(),
            e.kind.to_string(),
            actors.join("+"),
            shorten(e.evidence.text(text), 10)
        );
    }
    let _ = writeln!(s, "positions:");
    for p in &x.positions {
        let date = p.date.map_or("?".into(), |d| d.to_string());
        let by = p.speaker.as_deref().map(|s| format!(" (said by {})", printable(s))).unwrap_or_default();
        let (holder, evidence) = (p.holder.to_string(), shorten(p.evidence.text(text), 10));
        let _ = writeln!(s, "  {date:<10} {holder:<14} {}{by}  «{evidence}»", p.formula);
    }
    let _ = writeln!(s, "figures:");
    for f in &x.figures {
        let _ =
            writeln!(s, "  {} {} ({})  «{}»", f.value, f.unit, f.what, shorten(f.evidence.text(text), 10));
    }
    s
}

/// `text` fit for a terminal: control characters of the document (an escape sequence
/// would recolour or clear the screen) and the controls of text direction are shown as
/// `\u{…}` escapes.
fn printable(text: &str) -> String {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    text.chars().map(|c| if hidden(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}

/// The first `words` words of `text` (characters, for text without spaces), then "…",
/// printable on a terminal.
fn shorten(text: &str, words: usize) -> String {
    printable(&shorten_words(text, words))
}

fn shorten_words(text: &str, words: usize) -> String {
    let split: Vec<&str> = text.split_whitespace().collect();
    if split.len() > words {
        return format!("{} …", split[..words].join(" "));
    }
    if split.len() == 1 && text.chars().count() > words * 4 {
        return format!("{}…", text.chars().take(words * 4).collect::<String>());
    }
    split.join(" ")
}

const USAGE: &str = "usage: extract [--json | --findings] [--published YYYY-MM-DD] [--max-bytes N] INPUT... \
                     (a file, a directory of .txt files, a .jsonl archive, or - for standard input)\n       \
                     extract [--data DIR] [--merge REVIEWED.jsonl]... (--csv DIR | --data-out DIR) [INPUT...] \
                     (findings merged into the dataset, written as CSV tables or data files)";

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        // --help: the usage on standard output, status 0.
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("extract: {e}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let own_data;
    let data = match &options.data {
        None => Dataset::builtin(),
        Some(dir) => match Dataset::from_dir(dir) {
            Ok(d) => {
                own_data = d;
                &own_data
            }
            Err(e) => {
                eprintln!("extract: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let extractor = match Extractor::new(data) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::from(2);
        }
    };
    let mut archive = Archive::new(options.files.clone()).with_max_bytes(options.max_bytes);
    if let Some(p) = options.published {
        archive = archive.with_published(p);
    }
    let started = std::time::Instant::now();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(archive.total_bytes());
        let style = indicatif::ProgressStyle::with_template(
            "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
        );
        if let Ok(style) = style {
            bar.set_style(style);
        }
        bar
    });
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut documents, mut reported) = (0u64, 0u64);
    let mut merger = options.merging().then(|| data.merger());
    // What stdout carries per document: the summary (unless merging), a record, findings.
    let per_document = options.json || options.findings || !options.merging();
    // Extraction and formatting run on the worker threads; writing and merging, in input
    // order, here.
    let format =
        |doc: &Document, x: Extraction| -> Result<(Option<String>, Option<DocumentFindings>), String> {
            let failed = |e: serde_json::Error| format!("document {}: {e}", printable(doc.id()));
            let (x, found) = if options.findings || options.merging() {
                (None, Some(DocumentFindings::new(doc, x)))
            } else {
                (Some(x), None)
            };
            let Some(x) = x.as_ref().or(found.as_ref().map(|f| &f.findings)) else { return Ok((None, None)) };
            let out = if options.findings {
                Some(serde_json::to_string(&found).map_err(failed)?)
            } else if options.json {
                Some(serde_json::to_string(&x.record()).map_err(failed)?)
            } else if per_document {
                Some(summary(x, doc.text()))
            } else {
                None
            };
            Ok((out, found.filter(|_| options.merging())))
        };
    let run = archive.extract(&extractor, format, |item, bytes| {
        let out = match item {
            Ok(Ok(out)) => Some(out),
            Ok(Err(e)) => {
                report(bar.as_ref(), &e);
                None
            }
            Err(e) => {
                report(bar.as_ref(), &e.to_string());
                None
            }
        };
        match &out {
            Some(_) => documents += 1,
            None => reported += 1,
        }
        if let Some(bar) = &bar {
            bar.inc(bytes);
            bar.set_message(format!("{documents} documents, {reported} reported"));
        }
        let Some((text, found)) = out else { return Ok(()) };
        if let (Some(merger), Some(found)) = (merger.as_mut(), found) {
            merger.add(&found);
        }
        match text {
            Some(text) => writeln!(stdout, "{text}"),
            None => Ok(()),
        }
    });
    let written = run.and_then(|tally| stdout.flush().map(|()| tally));
    let tally = match written {
        Ok(tally) => tally,
        Err(e) => {
            // A closed pipe or a full disk: a message, not a panic.
            if let Some(bar) = &bar {
                bar.abandon();
            }
            eprintln!("extract: cannot write the output: {e}");
            return ExitCode::FAILURE;
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let mb = tally.bytes as f64 / 1e6;
    match &bar {
        Some(bar) => bar.finish(),
        None if options.files.is_empty() => {}
        None => eprintln!(
            "extract: {documents} documents read, {reported} reported, {mb:.1} MB in {seconds:.1} s ({:.2} MB/s, {:.0} documents/s)",
            mb / seconds.max(1e-9),
            documents as f64 / seconds.max(1e-9),
        ),
    }
    if let Some(mut merger) = merger {
        // Reviewed findings, each bad line reported with its number.
        for path in &options.merge {
            for item in FindingsFile::new(path).with_max_bytes(options.max_bytes) {
                match item {
                    Ok(found) => merger.add(&found),
                    Err(e) => {
                        eprintln!("extract: {e}");
                        reported += 1;
                    }
                }
            }
        }
        if !write_merged(merger, &options) {
            return ExitCode::FAILURE;
        }
    }
    if reported > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Finishes the merge, reports it on stderr and writes the dataset where the options say.
/// Returns whether all went well.
fn write_merged(merger: Merger<'_>, options: &Options) -> bool {
    let merged = match merger.finish() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("extract: the merged dataset fails its checks: {e}");
            return false;
        }
    };
    eprintln!(
        "extract: merged: {} linked, {} added, {} skipped",
        merged.linked,
        merged.added,
        merged.skipped.len()
    );
    for s in &merged.skipped {
        eprintln!(
            "extract: skipped ({}) {}: {}",
            printable(&s.doc),
            printable(&s.finding),
            printable(&s.reason)
        );
    }
    let mut ok = true;
    if let Some(dir) = &options.csv {
        match write_csv_tables(&merged.dataset, dir) {
            Ok(n) => eprintln!("extract: wrote {n} CSV tables into {}", dir.display()),
            Err(e) => {
                eprintln!("extract: {e}");
                ok = false;
            }
        }
    }
    if let Some(dir) = &options.data_out {
        match merged.dataset.write_dir(dir) {
            Ok(()) => eprintln!("extract: wrote the dataset's files into {}", dir.display()),
            Err(e) => {
                eprintln!("extract: {e}");
                ok = false;
            }
        }
    }
    ok
}

/// Writes one CSV file per table into `dir` (created if missing); returns how many.
fn write_csv_tables(data: &Dataset, dir: &Path) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot write: {e}", dir.display()))?;
    let tables = CsvTable::ALL;
    for table in tables {
        let path = dir.join(table.file_name());
        let file =
            std::fs::File::create(&path).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        write_csv(data, table, &mut out).map_err(|e| format!("{}: {e}", path.display()))?;
        out.flush().map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(tables.len())
}

/// A message on stderr, above the progress bar if there is one.
fn report(bar: Option<&indicatif::ProgressBar>, message: &str) {
    match bar {
        Some(bar) => bar.suspend(|| eprintln!("extract: {message}")),
        None => eprintln!("extract: {message}"),
    }
}
