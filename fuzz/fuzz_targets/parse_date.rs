//! Arbitrary text given to every string parser of the crate: `PartialDate`, the checked
//! ids and the closed vocabularies. Each returns `Ok` or `Err`, never panics; what parses
//! prints back as it was read (dates) or unchanged (ids, vocabularies).

#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::parse_strings(data));
