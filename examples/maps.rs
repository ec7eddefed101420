//! Writes every map, the timeline and the exports to a directory (default
//! `target/kuril-maps/`) and prints their paths.
//!
//! ```text
//! cargo run --example maps [DIR]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use kuril_dispute::map::{FormulaMap, SmallMultiples};
use kuril_dispute::{Dataset, Outlines};

fn main() -> ExitCode {
    let dir = std::env::args_os().nth(1).map_or_else(|| PathBuf::from("target/kuril-maps"), PathBuf::from);
    match run(&dir) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("maps: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &std::path::Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    let data = Dataset::builtin();
    let outlines = Outlines::builtin();
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for f in data.formulas() {
        let path = dir.join(format!("formula-{}.svg", f.id));
        std::fs::write(&path, FormulaMap::new(data, outlines, f.id).to_svg())?;
        written.push(path);
    }
    let path = dir.join("timeline.svg");
    std::fs::write(&path, kuril_dispute::timeline::Timeline::new(data).to_svg())?;
    written.push(path);
    let path = dir.join("formulas-side-by-side.svg");
    std::fs::write(&path, SmallMultiples::new(data, outlines).to_svg())?;
    written.push(path);
    written.extend(kuril_dispute::export::write_all(data, outlines, dir)?);
    Ok(written)
}
