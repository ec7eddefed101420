//! Reads news documents into typed records.
//!
//! ```text
//! cargo run --release --example extract -- [--json | --findings] [--published YYYY-MM-DD] [--max-bytes N] INPUT...
//! ```
//!
//! Each INPUT is a file (one document), a directory (every `.txt` file in it, recursively,
//! in sorted order), a JSON Lines archive (`*.jsonl`: one document per line, fields `text`
//! and optionally `id`, `published`, `url`, `outlet`, `title`, `author`, `lang`), or `-`
//! for standard input (one document). See `kuril_dispute::extract::archive`.
//!
//! By default prints a readable summary per document; with `--json`, one record of the
//! annotation schema per line (JSON Lines), `doc` set to the document's id (a file's name,
//! a path in a directory, a line's `id`); with `--findings`, every finding with its
//! evidence (byte spans into the text) as one JSON object per line. Documents are read in
//! parallel (`RAYON_NUM_THREADS` threads, by default one per core), in bounded batches, and
//! written in input order. Anything that cannot be read (a document, a line with its line
//! number) is reported on stderr and the rest goes on. On stderr, a progress bar when it is
//! a terminal, else a one-line summary at the end. Exit status: 0 when every document was
//! read, 1 when something was reported (or the output cannot be written), 2 on bad usage.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use kuril_dispute::extract::archive::{Archive, Input};
use kuril_dispute::extract::{Extraction, Extractor};
use kuril_dispute::{Dataset, PartialDate};

struct Options {
    max_bytes: usize,
    json: bool,
    findings: bool,
    published: Option<PartialDate>,
    files: Vec<Input>,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        max_bytes: kuril_dispute::extract::DEFAULT_MAX_DOCUMENT_BYTES,
        json: false,
        findings: false,
        published: None,
        files: Vec::new(),
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
        let mut args = args.by_ref().map(|a| a.into_string().unwrap_or_else(|bad| format!("{bad:?}")));
        match arg {
            "--json" => options.json = true,
            "--findings" => options.findings = true,
            "--max-bytes" => {
                let value = args.next().ok_or("--max-bytes needs a number of bytes")?;
                options.max_bytes = value.parse().map_err(|e| format!("--max-bytes {value}: {e}"))?;
            }
            "--published" => {
                let value = args.next().ok_or("--published needs a date (YYYY, YYYY-MM or YYYY-MM-DD)")?;
                options.published = Some(value.parse().map_err(|e| format!("--published: {e}"))?);
            }
            "-h" | "--help" => return Err(String::new()),
            "-" => options.files.push(Input::Stdin),
            flag if flag.starts_with('-') => return Err(format!("unknown option {}", printable(flag))),
            file => options.files.push(Input::Path(file.into())),
        }
    }
    if options.files.is_empty() {
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
                     (a file, a directory of .txt files, a .jsonl archive, or - for standard input)";

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
    let extractor = match Extractor::new(Dataset::builtin()) {
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
    // Extraction and formatting run on the worker threads; writing, in input order, here.
    let format = |doc: &kuril_dispute::extract::Document, x: Extraction| -> Result<String, String> {
        if options.findings {
            serde_json::to_string(&x).map_err(|e| format!("document {}: {e}", printable(doc.id())))
        } else if options.json {
            serde_json::to_string(&x.record()).map_err(|e| format!("document {}: {e}", printable(doc.id())))
        } else {
            Ok(summary(&x, doc.text()))
        }
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
        match out {
            Some(out) => writeln!(stdout, "{out}"),
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
        None => eprintln!(
            "extract: {documents} documents read, {reported} reported, {mb:.1} MB in {seconds:.1} s ({:.2} MB/s, {:.0} documents/s)",
            mb / seconds.max(1e-9),
            documents as f64 / seconds.max(1e-9),
        ),
    }
    if reported > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// A message on stderr, above the progress bar if there is one.
fn report(bar: Option<&indicatif::ProgressBar>, message: &str) {
    match bar {
        Some(bar) => bar.suspend(|| eprintln!("extract: {message}")),
        None => eprintln!("extract: {message}"),
    }
}
