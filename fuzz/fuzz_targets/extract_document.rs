//! Arbitrary bytes read as a news document and given to the extractor: a typed error or
//! findings whose spans lie in the text, never a panic.

#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::extract_document(data));
