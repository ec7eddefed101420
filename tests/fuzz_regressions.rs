//! Replays, on stable and in the normal test run, every input kept under
//! `tests/fuzz-regressions/<target>/`: what the fuzz targets in `fuzz/` found (crashes,
//! named after the artifact), and a few hand-made hard cases. Each goes through the same
//! checks as the fuzz target (`tests/fuzz_checks/mod.rs`).

mod fuzz_checks;

use std::fs;
use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions").join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

fn replay(target: &str, check: fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        let result = std::panic::catch_unwind(|| check(&bytes));
        assert!(result.is_ok(), "{} fails the {target} checks", path.display());
    }
}

#[test]
fn load_toml_regressions() {
    replay("load_toml", fuzz_checks::load_toml);
}

#[test]
fn load_json_regressions() {
    replay("load_json", fuzz_checks::load_json);
}

#[test]
fn parse_date_regressions() {
    replay("parse_date", fuzz_checks::parse_strings);
}

#[test]
fn extract_document_regressions() {
    replay("extract_document", fuzz_checks::extract_document);
}

/// A replayed input that fails its check fails the test.
#[test]
#[should_panic(expected = "fails the parse_date checks")]
fn a_failing_check_fails_the_replay() {
    replay("parse_date", |_| panic!("a check that always fails"));
}

#[test]
fn merge_findings_regressions() {
    replay("merge_findings", fuzz_checks::merge_findings);
}
