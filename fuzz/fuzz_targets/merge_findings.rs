//! Arbitrary bytes read as reviewed findings (JSON Lines of `DocumentFindings`) and merged
//! into the built-in data: a dataset or a located error, never a panic; what merges
//! round-trips and merges again to nothing new.

#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::merge_findings(data));
