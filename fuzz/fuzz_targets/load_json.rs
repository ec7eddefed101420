//! Arbitrary text given to `Dataset::from_json`: it returns `Ok` or `Err`, never panics.
//! A dataset that loads must also round-trip through JSON and TOML unchanged.

#![no_main]

use kuril_dispute::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Dataset::from_json(text) {
        Ok(dataset) => {
            let json = serde_json::to_string(&dataset).expect("a loaded dataset serialises");
            assert_eq!(
                Dataset::from_json(&json).as_ref(),
                Ok(&dataset),
                "JSON round trip changed the dataset"
            );
            let dumped = dataset.to_toml_files().expect("a loaded dataset dumps");
            let again = Dataset::from_toml(dumped.iter().map(|(n, t)| (*n, t.as_str())))
                .expect("a dumped dataset loads");
            assert_eq!(again, dataset, "TOML round trip changed the dataset");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
