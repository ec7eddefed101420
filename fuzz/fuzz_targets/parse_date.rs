//! Arbitrary text given to every string parser of the crate: `PartialDate`, the checked
//! ids and the closed vocabularies. Each returns `Ok` or `Err`, never panics; what parses
//! prints back as it was read (dates) or unchanged (ids, vocabularies).

#![no_main]

use kuril_dispute::{
    AgreementId, EventId, FormulaId, Island, NameId, PartialDate, PartyId, PersonId, PositionId, Precision,
    SourceId,
};
use libfuzzer_sys::fuzz_target;

fn round_trips<T>(text: &str)
where
    T: std::str::FromStr + std::fmt::Display,
    T::Err: std::fmt::Display,
{
    match text.parse::<T>() {
        Ok(value) => assert_eq!(value.to_string(), text, "{text:?} does not print back unchanged"),
        Err(e) => {
            let _ = e.to_string();
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match text.parse::<PartialDate>() {
        Ok(date) => {
            let printed = date.to_string();
            assert_eq!(printed.parse::<PartialDate>().ok(), Some(date), "{printed:?} does not parse back");
            assert!(date.first_day() <= date.last_day());
            for p in [Precision::Year, Precision::Month, Precision::Day] {
                assert!(date.truncate(p).contains(&date));
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    round_trips::<PartyId>(text);
    round_trips::<PersonId>(text);
    round_trips::<SourceId>(text);
    round_trips::<EventId>(text);
    round_trips::<PositionId>(text);
    round_trips::<NameId>(text);
    round_trips::<Island>(text);
    round_trips::<AgreementId>(text);
    round_trips::<FormulaId>(text);
});
