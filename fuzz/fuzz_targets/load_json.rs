//! Arbitrary text given to `Dataset::from_json`: it returns `Ok` or `Err`, never panics.
//! A dataset that loads must also round-trip through JSON and TOML unchanged.

#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::load_json(data));
