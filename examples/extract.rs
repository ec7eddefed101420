//! Reads news documents into typed records.
//!
//! ```text
//! cargo run --release --example extract -- [--json | --findings] [--published YYYY-MM-DD] [--max-bytes N] FILE...
//! ```
//!
//! By default prints a readable summary per document; with `--json`, one record of the
//! annotation schema per line (JSON Lines), `doc` set to the file's name; with
//! `--findings`, every finding with its evidence (byte spans into the file) as one JSON
//! object per line. Files are read
//! in parallel. A file that cannot be read is reported on stderr, the others go on, and
//! the exit status is 1.

use std::io::Write as _;
use std::process::ExitCode;

use kuril_dispute::extract::{Document, Extraction, Extractor};
use kuril_dispute::{Dataset, PartialDate};

struct Options {
    max_bytes: usize,
    json: bool,
    findings: bool,
    published: Option<PartialDate>,
    files: Vec<std::path::PathBuf>,
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
            options.files.push(raw.into());
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
            "-" => options.files.push("-".into()),
            flag if flag.starts_with('-') => return Err(format!("unknown option {}", printable(flag))),
            file => options.files.push(file.into()),
        }
    }
    if options.files.is_empty() {
        return Err("no files given".into());
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

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("extract: {e}");
            }
            eprintln!(
                "usage: extract [--json | --findings] [--published YYYY-MM-DD] [--max-bytes N] FILE... (- for standard input)"
            );
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
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(options.files.len()).max(1);
    let chunk = options.files.len().div_ceil(workers);
    // Each worker reads and extracts its share; output keeps the order of the arguments.
    let results: Vec<Result<String, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = options
            .files
            .chunks(chunk)
            .map(|files| {
                let extractor = &extractor;
                let options = &options;
                scope.spawn(move || {
                    files
                        .iter()
                        .map(|file| {
                            let read = if file.as_os_str() == "-" {
                                Document::from_reader("stdin", std::io::stdin().lock(), options.max_bytes)
                            } else {
                                Document::from_path_with_limit(file, options.max_bytes)
                            };
                            let mut doc = read.map_err(|e| e.to_string())?;
                            if let Some(p) = options.published {
                                doc = doc.with_published(p);
                            }
                            let x = extractor.extract(&doc);
                            if options.findings {
                                serde_json::to_string(&x).map_err(|e| format!("{}: {e}", file.display()))
                            } else if options.json {
                                serde_json::to_string(&x.record())
                                    .map_err(|e| format!("{}: {e}", file.display()))
                            } else {
                                Ok(summary(&x, doc.text()))
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| vec![Err("a worker failed".into())]))
            .collect()
    });
    let mut failed = false;
    let mut stdout = std::io::stdout().lock();
    for r in results {
        match r {
            Ok(out) => {
                if let Err(e) = writeln!(stdout, "{out}") {
                    // A closed pipe or a full disk: a message, not a panic.
                    eprintln!("extract: cannot write the output: {e}");
                    return ExitCode::FAILURE;
                }
            }
            Err(e) => {
                eprintln!("extract: {e}");
                failed = true;
            }
        }
    }
    if let Err(e) = stdout.flush() {
        eprintln!("extract: cannot write the output: {e}");
        return ExitCode::FAILURE;
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
