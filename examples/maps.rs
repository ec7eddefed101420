//! Writes every picture and export of the built-in data into a directory and prints the
//! paths: a map per settlement formula, every formula side by side, the timeline, the
//! dataset as JSON, one CSV per table, and the islands as GeoJSON.
//!
//! ```text
//! cargo run --example maps [DIR]      # DIR defaults to target/kuril-maps/
//! ```
//!
//! A directory that cannot be written is reported (with its path) and the program exits
//! with status 1.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kuril_dispute::map::{FormulaMap, SmallMultiples};
use kuril_dispute::timeline_chart::TimelineChart;
use kuril_dispute::{Dataset, Outlines, export};

fn main() -> ExitCode {
    let arg = std::env::args_os().nth(1);
    if arg.as_ref().is_some_and(|a| a == "--help" || a == "-h") {
        println!("usage: maps [DIR]   (default: target/kuril-maps/)");
        return ExitCode::SUCCESS;
    }
    let dir = arg.map_or_else(|| PathBuf::from("target/kuril-maps"), PathBuf::from);
    match run(&dir) {
        Ok(paths) => {
            let mut stdout = std::io::stdout().lock();
            let listed = paths
                .iter()
                .try_for_each(|p| writeln!(stdout, "{}", p.display()))
                .and_then(|()| stdout.flush());
            if let Err(e) = listed {
                // A closed pipe or a full disk: a message, not a panic.
                eprintln!("maps: cannot write the list of files: {e}");
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("maps: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(path: PathBuf, text: &str, written: &mut Vec<PathBuf>) -> Result<(), String> {
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    written.push(path);
    Ok(())
}

fn run(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let data = Dataset::builtin();
    let outlines = Outlines::builtin();
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for f in data.formulas() {
        let svg = FormulaMap::new(data, outlines, f.id).to_svg();
        write(dir.join(format!("formula-{}.svg", f.id)), &svg, &mut written)?;
    }
    write(
        dir.join("formulas-side-by-side.svg"),
        &SmallMultiples::new(data, outlines).to_svg(),
        &mut written,
    )?;
    write(dir.join("timeline.svg"), &TimelineChart::new(data).to_svg(), &mut written)?;
    written.extend(export::write_all(data, outlines, dir).map_err(|e| e.to_string())?);
    Ok(written)
}
