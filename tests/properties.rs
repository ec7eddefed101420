//! Property tests: the island-set algebra against a reference model, and the laws of
//! partial dates.

use std::collections::BTreeSet;

use kuril_dispute::date::Precision;
use kuril_dispute::{Island, IslandSet, PartialDate};
use proptest::prelude::*;

fn island() -> impl Strategy<Value = Island> {
    prop::sample::select(Island::ALL.to_vec())
}

fn island_list() -> impl Strategy<Value = Vec<Island>> {
    prop::collection::vec(island(), 0..8)
}

fn model(islands: &[Island]) -> BTreeSet<Island> {
    islands.iter().copied().collect()
}

fn set(islands: &[Island]) -> IslandSet {
    islands.iter().copied().collect()
}

fn as_model(s: IslandSet) -> BTreeSet<Island> {
    s.iter().collect()
}

/// Any valid partial date, at any precision.
fn partial_date() -> impl Strategy<Value = PartialDate> {
    (
        1i32..=9999,
        0u32..=12,
        0u32..=31,
        prop::sample::select(vec![Precision::Year, Precision::Month, Precision::Day]),
    )
        .prop_filter_map("a real date", |(y, m, d, p)| match p {
            Precision::Year => PartialDate::from_year(y).ok(),
            Precision::Month => PartialDate::from_year_month(y, m).ok(),
            Precision::Day => PartialDate::from_ymd(y, m, d).ok(),
        })
}

proptest! {
    #[test]
    fn set_operations_agree_with_a_btreeset(a in island_list(), b in island_list()) {
        let (sa, sb) = (set(&a), set(&b));
        let (ma, mb) = (model(&a), model(&b));
        prop_assert_eq!(as_model(sa | sb), ma.union(&mb).copied().collect::<BTreeSet<_>>());
        prop_assert_eq!(as_model(sa & sb), ma.intersection(&mb).copied().collect::<BTreeSet<_>>());
        prop_assert_eq!(as_model(sa - sb), ma.difference(&mb).copied().collect::<BTreeSet<_>>());
        prop_assert_eq!(sa.len(), ma.len());
        prop_assert_eq!(sa.is_empty(), ma.is_empty());
        prop_assert_eq!(sa.is_subset(sb), ma.is_subset(&mb));
        for i in Island::ALL.into_iter() {
            prop_assert_eq!(sa.contains(i), ma.contains(&i));
        }
    }

    #[test]
    fn set_algebra_laws(a in island_list(), b in island_list(), c in island_list()) {
        let (a, b, c) = (set(&a), set(&b), set(&c));
        prop_assert_eq!(a | b, b | a);
        prop_assert_eq!(a & b, b & a);
        prop_assert_eq!((a | b) | c, a | (b | c));
        prop_assert_eq!(a & (b | c), (a & b) | (a & c));
        prop_assert_eq!(!(a | b), !a & !b);
        prop_assert_eq!(!!a, a);
        prop_assert_eq!(a | !a, IslandSet::ALL);
        prop_assert!((a & !a).is_empty());
        prop_assert_eq!(a - b, a & !b);
        prop_assert!((a & b).is_subset(a) && a.is_subset(a | b));
        prop_assert_eq!(a.subsets().count(), 1 << a.len());
        prop_assert!(a.subsets().all(|s| s.is_subset(a)));
    }

    #[test]
    fn insert_and_remove_report_change(a in island_list(), i in island()) {
        let mut s = set(&a);
        let had = s.contains(i);
        prop_assert_eq!(s.insert(i), !had);
        prop_assert!(s.contains(i));
        prop_assert!(s.remove(i));
        prop_assert!(!s.contains(i));
        prop_assert!(!s.remove(i));
    }

    #[test]
    fn sets_iterate_in_island_order_and_round_trip_through_serde(a in island_list()) {
        let s = set(&a);
        let listed: Vec<Island> = s.iter().collect();
        prop_assert_eq!(s.into_iter().collect::<Vec<_>>(), listed.clone());
        prop_assert_eq!(s.into_iter().len(), s.len());
        let mut backwards: Vec<Island> = s.iter().rev().collect();
        backwards.reverse();
        prop_assert_eq!(&backwards, &listed);
        let mut sorted = listed.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(&listed, &sorted);
        let json = serde_json::to_string(&s).unwrap();
        prop_assert_eq!(serde_json::from_str::<IslandSet>(&json).unwrap(), s);
        prop_assert_eq!(s.to_string().split(", ").count(), s.len().max(1));
    }

    #[test]
    fn dates_round_trip_through_text_and_serde(d in partial_date()) {
        let text = d.to_string();
        prop_assert_eq!(text.parse::<PartialDate>().unwrap(), d);
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), d);
        let expected_len = match d.precision() { Precision::Year => 4, Precision::Month => 7, Precision::Day => 10 };
        prop_assert_eq!(text.len(), expected_len);
    }

    #[test]
    fn a_date_contains_itself_and_its_truncations_contain_it(d in partial_date()) {
        prop_assert!(d.first_day() <= d.last_day());
        prop_assert!(d.contains(d));
        for p in [Precision::Year, Precision::Month, Precision::Day] {
            let coarse = d.truncate(p);
            prop_assert!(coarse.contains(d), "{} should contain {}", coarse, d);
            prop_assert!(coarse <= d);
        }
    }

    #[test]
    fn ordering_is_by_first_day_then_precision(a in partial_date(), b in partial_date()) {
        let key = |d: &PartialDate| (d.first_day(), d.precision());
        prop_assert_eq!(a.cmp(&b), key(&a).cmp(&key(&b)));
        prop_assert_eq!(a == b, a.cmp(&b).is_eq());
        if a.is_before(b) {
            prop_assert!(a < b);
            prop_assert!(!a.overlaps(b));
        }
        if a.contains(b) {
            prop_assert!(a.overlaps(b));
        }
        prop_assert_eq!(a.overlaps(b), b.overlaps(a));
    }

    #[test]
    fn parsing_never_panics(s in ".{0,16}") {
        let _ = s.parse::<PartialDate>();
    }
}
