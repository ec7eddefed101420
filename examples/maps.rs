//! Writes every picture and export of the built-in data into a directory and prints the
//! paths: a map per settlement formula, every formula side by side, the timeline, the
//! dataset as JSON, one CSV per table, and the islands as GeoJSON.
//!
//! ```text
//! cargo run --example maps [DIR]      # DIR defaults to kuril-maps/ in the target directory
//! ```
//!
//! The default directory is `kuril-maps/` in Cargo's target directory: `$CARGO_TARGET_DIR`
//! when it is set, else `target/`. A directory that cannot be written is reported (with its
//! path) and the program exits with status 1; an unknown option or a second directory is
//! bad usage, status 2.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use kuril_dispute::map::{FormulaMap, SmallMultiples};
use kuril_dispute::timeline_chart::TimelineChart;
use kuril_dispute::{Dataset, Outlines, export};

const USAGE: &str = "usage: maps [DIR]   (default: kuril-maps/ in $CARGO_TARGET_DIR, else in target/)";

fn main() -> ExitCode {
    let mut dir: Option<PathBuf> = None;
    for arg in std::env::args_os().skip(1) {
        if arg == "--help" || arg == "-h" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        // A directory may be any bytes the system allows; an option is text.
        if arg.as_encoded_bytes().starts_with(b"-") {
            eprintln!("maps: unknown option {arg:?} (try --help)");
            return ExitCode::from(2);
        }
        if let Some(first) = &dir {
            eprintln!("maps: one directory only ({} and {arg:?} given; try --help)", first.display());
            return ExitCode::from(2);
        }
        dir = Some(PathBuf::from(arg));
    }
    let dir = dir.unwrap_or_else(|| {
        let target =
            std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
        target.join("kuril-maps")
    });
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
