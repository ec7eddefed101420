//! Arbitrary bytes, split at NUL bytes into the nine table files (in load order), given
//! to `Dataset::from_toml`: it returns `Ok` or `Err`, never panics. A dataset that loads
//! must also survive `to_toml_files` and load back equal.

#![no_main]

use kuril_dispute::Dataset;
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 9] = [
    "sources.toml",
    "islands.toml",
    "names.toml",
    "parties.toml",
    "people.toml",
    "agreements.toml",
    "formulas.toml",
    "positions.toml",
    "events.toml",
];

fuzz_target!(|data: &[u8]| {
    let texts: Vec<String> =
        data.split(|&b| b == 0).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    let files = FILES.iter().zip(&texts).map(|(name, text)| (*name, text.as_str()));
    match Dataset::from_toml(files) {
        Ok(dataset) => {
            let dumped = dataset.to_toml_files().expect("a loaded dataset dumps");
            let again = Dataset::from_toml(dumped.iter().map(|(n, t)| (*n, t.as_str())))
                .expect("a dumped dataset loads");
            assert_eq!(again, dataset, "TOML round trip changed the dataset");
        }
        Err(e) => {
            // Every problem prints.
            let _ = e.to_string();
        }
    }
});
