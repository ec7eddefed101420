//! Arbitrary bytes, split at NUL bytes into the nine table files (in load order), given
//! to `Dataset::from_toml`: it returns `Ok` or `Err`, never panics. A dataset that loads
//! must also dump (TOML and JSON) and load back equal.

#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::load_toml(data));
