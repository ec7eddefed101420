//! Writes the seed corpora of the fuzz targets into `fuzz/corpus/`, from the built-in data
//! (`data/*.toml`):
//!
//! - `load_toml`: the eleven files joined with NUL bytes, and each file alone in its slot;
//! - `load_json`: the built-in dataset as JSON (compact and pretty), and small documents;
//! - `parse_date`: every short string of the dataset (dates, ids, names) and a few edge
//!   cases.
//!
//! `cargo +nightly run --manifest-path fuzz/Cargo.toml --example seed_corpora`

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use kuril_dispute::Dataset;
use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
// The table files in load order, as the load_toml target splits its input.
#[allow(dead_code)]
#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;
use checks::FILES;

fn write(target: &str, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    let dir = Path::new(CORPUS).join(target);
    fs::create_dir_all(&dir)?;
    fs::write(dir.join(name), bytes)
}

fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) if s.len() <= 40 => {
            out.insert(s.clone());
        }
        Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let texts: Vec<String> =
        FILES.iter().map(|f| fs::read_to_string(Path::new(DATA).join(f))).collect::<Result<_, _>>()?;
    write("load_toml", "builtin-all", texts.join("\0").as_bytes())?;
    for (n, text) in texts.iter().enumerate() {
        let mut slots = vec![""; FILES.len()];
        slots[n] = text;
        write("load_toml", &format!("builtin-{}", FILES[n]), slots.join("\0").as_bytes())?;
    }

    let data = Dataset::builtin();
    write("load_json", "builtin.json", serde_json::to_string(data)?.as_bytes())?;
    write("load_json", "builtin-pretty.json", serde_json::to_string_pretty(data)?.as_bytes())?;
    write(
        "load_json",
        "empty-tables.json",
        br#"{"sources":[],"islands":[],"names":[],"parties":[],"people":[],"agreements":[],"formulas":[],"positions":[],"events":[]}"#,
    )?;

    let mut seeds = BTreeSet::new();
    strings(&serde_json::to_value(data)?, &mut seeds);
    for edge in ["0000", "9999-12-31", "2016-02-29", "2018-02-29", "1956-10-19-1", "a--b", "-a", ""] {
        seeds.insert(edge.to_owned());
    }
    for (n, s) in seeds.iter().enumerate() {
        write("parse_date", &format!("seed-{n:05}"), s.as_bytes())?;
    }
    println!("seeded {CORPUS}: load_toml 12, load_json 3, parse_date {}", seeds.len());
    Ok(())
}
