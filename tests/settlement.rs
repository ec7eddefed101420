//! Property tests of the settlement space: outcomes partition the islands, the space of
//! several positions is the intersection of their spaces, adding a side's position never
//! grows the space, and a formula both sides accept lies in the space. Also checks the
//! space against brute-force enumeration at every date of the built-in data, and the
//! stance, timeline and formula-analysis queries against their definitions.

use kuril_dispute::formula::{Condition, StatedOrder};
use kuril_dispute::settlement::{Acceptance, Facet, Outcome};
use kuril_dispute::timeline::Entry;
use kuril_dispute::{Dataset, FormulaId, Island, IslandSet, PartialDate, PartyId, Position};
use proptest::prelude::*;

fn data() -> &'static Dataset {
    Dataset::builtin()
}

fn outcome() -> impl Strategy<Value = Outcome> {
    (0..Outcome::COUNT).prop_filter_map("an outcome index", Outcome::from_index)
}

fn island_set() -> impl Strategy<Value = IslandSet> {
    prop::collection::vec(prop::sample::select(Island::ALL.to_vec()), 0..5)
        .prop_map(|v| v.into_iter().collect::<IslandSet>())
}

/// A date: one on which something is recorded, or any year of the dispute.
fn date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        prop::sample::select(data().dates()),
        (1950i32..2026).prop_filter_map("a year", |y| PartialDate::from_year(y).ok()),
    ]
}

/// Any position a user could state: a formula, maybe a sequencing, conditions and
/// transfer limits (at least within at most, as the loader requires).
fn position(holder: &'static str) -> impl Strategy<Value = Position> {
    (
        prop::sample::select(FormulaId::ALL.to_vec()),
        prop::option::of(prop::sample::select(StatedOrder::ALL.to_vec())),
        prop::collection::vec(prop::sample::select(Condition::ALL.to_vec()), 0..3),
        prop::option::of(island_set()),
        prop::option::of(island_set()),
        date(),
    )
        .prop_map(move |(formula, sequencing, conditions, least, most, stated)| {
            let least = match (least, most) {
                (Some(l), Some(m)) => Some(l & m),
                (l, _) => l,
            };
            let mut p = Position::hypothetical(PartyId::from_static(holder), formula, stated)
                .with_conditions(conditions)
                .with_transfer_limits(least, most);
            if let Some(s) = sequencing {
                p = p.with_order(s);
            }
            p
        })
}

/// The outcomes an acceptance accepts, by brute force.
fn brute(accepts: impl Fn(&Outcome) -> bool) -> Vec<usize> {
    Outcome::all().filter(|o| accepts(o)).map(|o| o.index()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn transferred_retained_and_joint_partition_the_four(o in outcome()) {
        let a = o.allocation;
        let (t, r, j) = (a.transferred(), a.retained(), a.joint());
        prop_assert_eq!(t | r | j, IslandSet::ALL);
        prop_assert!((t & r).is_empty() && (t & j).is_empty() && (r & j).is_empty());
        if j.is_empty() {
            prop_assert_eq!(r, !t);
        }
        prop_assert_eq!(Outcome::from_index(o.index()), Some(o));
    }

    /// The space of several positions (each its own side) is the intersection of the
    /// spaces of each alone, checked outcome by outcome.
    #[test]
    fn space_of_several_positions_is_the_intersection(
        a in position("side-a"), b in position("side-b"), c in position("side-c"), d in date(),
    ) {
        let data = data();
        let alone: Vec<_> = [&a, &b, &c]
            .iter()
            .map(|p| data.settlement_space_with(d, vec![(*p).clone()]))
            .collect();
        let together = data.settlement_space_with(d, vec![a.clone(), b.clone(), c.clone()]);
        let expected = brute(|o| alone.iter().all(|s| s.contains(o)));
        prop_assert_eq!(brute(|o| together.contains(o)), expected.clone());
        prop_assert_eq!(together.len(), expected.len());
        prop_assert_eq!(together.outcomes().map(|o| o.index()).collect::<Vec<_>>(), expected);
    }

    /// Adding a position of a new side never grows the space, at any date; nor does
    /// intersecting acceptances. (A position of an existing side may grow it: it
    /// supersedes that side's earlier positions on the questions it answers.)
    #[test]
    fn adding_a_position_never_grows_the_space(p in position("side-x"), q in position("side-y"), d in date()) {
        let data = data();
        let before = data.settlement_space(d);
        let after = before.with_hypothetical(p.clone());
        prop_assert!(after.len() <= before.len());
        prop_assert!(after.acceptance().is_subset(&before.acceptance()));
        for o in after.outcomes() {
            prop_assert!(before.contains(&o));
        }
        let (ap, aq) = (data.acceptance(&p), data.acceptance(&q));
        prop_assert!(ap.intersection(&aq).is_subset(&ap));
        prop_assert!(ap.intersection(&aq).len() <= ap.len());
    }

    /// A formula whose every outcome both positions accept is in their space.
    #[test]
    fn a_formula_both_accept_is_in_the_space(
        f in prop::sample::select(FormulaId::ALL.to_vec()),
        same in any::<bool>(),
        q in position("side-b"),
        d in date(),
    ) {
        let data = data();
        let p = Position::hypothetical(PartyId::from_static("side-a"), f, d);
        let q = if same { Position::hypothetical(PartyId::from_static("side-b"), f, d) } else { q };
        let space = data.settlement_space_with(d, vec![p.clone(), q.clone()]);
        let (ap, aq) = (data.acceptance(&p), data.acceptance(&q));
        let base = data.settlement_space(d);
        for g in data.formulas() {
            let of_g = Acceptance::of_formula(g);
            if of_g.is_subset(&ap) && of_g.is_subset(&aq) {
                for o in of_g.outcomes().filter(|o| base.contains(o)) {
                    prop_assert!(space.contains(&o), "{} accepted by both but not in the space", g.id);
                }
                if same && g.id == f {
                    prop_assert!(of_g.intersection(&base.acceptance()).is_subset(&space.acceptance()));
                }
            }
        }
        if same {
            // The premise holds for the formula itself.
            prop_assert!(Acceptance::of_formula(data.formula(f)).is_subset(&ap));
        }
    }

    /// Every entry of a filtered timeline satisfies the filter, and none is missed.
    #[test]
    fn timeline_filters_keep_exactly_the_matching_entries(
        island in prop::sample::select(Island::ALL.to_vec()), from in date(), until in date(),
    ) {
        let data = data();
        let (from, until) = if from <= until { (from, until) } else { (until, from) };
        let russia = data.party(&PartyId::RUSSIA).expect("a known party");
        let entries = data.timeline().party(russia).island(island).between(from, until).entries();
        let lineage: Vec<PartyId> = data.lineage(&PartyId::RUSSIA).into_iter().map(|p| p.id.clone()).collect();
        let admits = |e: &Entry<'_>| {
            e.date().last_day() >= from.first_day()
                && e.date().first_day() <= until.last_day()
                && e.parties().iter().any(|p| lineage.contains(p))
                && match e {
                    Entry::Event(ev) => ev.islands.contains(island),
                    Entry::Agreement(a) => a.provisions.iter().any(|p| p.concerns(island)),
                    Entry::Position(p) => data.position_islands(p).contains(island),
                }
        };
        prop_assert!(entries.iter().all(&admits));
        prop_assert!(entries.windows(2).all(|w| w[0].date() <= w[1].date()));
        let all = data.timeline().entries();
        prop_assert_eq!(all.iter().filter(|e| admits(e)).count(), entries.len());
        prop_assert!(entries.iter().all(|e| !e.cite().is_empty()));
    }
}

/// At every date of the built-in data, the space is exactly the outcomes that no standing
/// position rejects, and every rejection names positions with citations.
#[test]
fn the_space_is_what_no_standing_position_rejects_at_every_date() {
    let data = data();
    for d in data.dates() {
        let space = data.settlement_space(d);
        let held: Vec<_> = space.stances().iter().flat_map(|s| s.held.iter()).collect();
        for o in Outcome::all() {
            let by_hand = held.iter().all(|h| h.acceptance.accepts(&o));
            assert_eq!(space.contains(&o), by_hand, "{d}: {o}");
            match space.rejection(&o) {
                None => assert!(by_hand),
                Some(r) => {
                    assert!(!by_hand);
                    assert!(r.blockers.iter().all(|b| !b.objections.is_empty() && !b.cite().is_empty()));
                }
            }
        }
        assert_eq!(space.len(), space.outcomes().count(), "{d}");
    }
}

/// The years of the issue have both sides in force, and the space is empty exactly when
/// no outcome is accepted by both.
#[test]
fn the_issue_years_have_both_sides() {
    let data = data();
    for d in ["1956", "1993", "2001", "2013", "2016", "2018-11", "2020", "2022"] {
        let space = data.settlement_space(d.parse().unwrap());
        assert!(space.silent_sides().is_empty(), "{d}");
        assert_eq!(space.stances().len(), 2, "{d}");
        assert_eq!(space.is_empty(), space.outcomes().next().is_none(), "{d}");
        if space.is_empty() {
            assert!(!space.nearest().is_empty(), "{d}");
        }
    }
}

/// A position stands on a question until a later one of its party answers it.
#[test]
fn stances_stand_until_a_later_position_answers_the_same_question() {
    let data = data();
    for party in [PartyId::JAPAN, PartyId::RUSSIA] {
        let lineage: Vec<PartyId> = data.lineage(&party).into_iter().map(|p| p.id.clone()).collect();
        for stance in data.stance_history(&party).expect("a known party") {
            for facet in Facet::ALL.into_iter() {
                let answering: Vec<_> = stance.answering(facet).collect();
                // The latest position on or before the date that answers `facet` ...
                let latest = data
                    .positions()
                    .filter(|p| lineage.contains(&p.holder) && p.stated <= stance.date)
                    .filter(|p| data.acceptance(p).facets().contains(facet))
                    .map(|p| p.stated)
                    .max();
                // ... is the date of every position standing on it.
                match latest {
                    None => assert!(answering.is_empty()),
                    Some(l) => {
                        assert!(!answering.is_empty());
                        assert!(
                            answering.iter().all(|h| h.position.stated == l),
                            "{party} {} {facet}",
                            stance.date
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn formula_analysis_answers_with_citations() {
    let data = data();
    for island in Island::ALL.into_iter() {
        for f in data.formulas() {
            let listed = data.formulas_transferring(island).any(|g| g.id == f.id);
            assert_eq!(
                listed,
                f.all_transfers().any(|t| t.island == island && t.to.is_only(&PartyId::JAPAN))
            );
        }
    }
    for a in FormulaId::ALL.into_iter() {
        for b in FormulaId::ALL.into_iter() {
            let d = data.formula_diff(a, b);
            assert_eq!(d.only_first | d.both, data.formula(a).islands_transferred());
            assert_eq!(d.only_second | d.both, data.formula(b).islands_transferred());
            assert!((d.only_first & d.only_second).is_empty());
            assert!(!d.cite.is_empty());
            if a == b {
                assert!(d.only_first.is_empty() && d.area_only_first_km2 == 0.0);
            }
        }
        let f = data.formula(a);
        let stages = data.stage_summaries(f);
        let union = stages.iter().fold(IslandSet::EMPTY, |acc, s| acc | s.to_japan);
        assert_eq!(union, f.islands_transferred());
        if let Some(h) = data.population_transferred(f) {
            assert_eq!(h.islands, f.islands_transferred() - f.partially_transferred());
            assert!(h.islands.is_empty() || !h.cite.is_empty());
        }
    }
}

/// The mapping rules of the `settlement` module docs, one formula shape each.
#[test]
fn formulas_map_to_acceptances_by_the_documented_rules() {
    use kuril_dispute::settlement::Holder;
    use kuril_dispute::settlement::{Clause, Order};
    let data = data();
    let of = |f: FormulaId| Acceptance::of_formula(data.formula(f));
    let only = |h: Holder| -> Vec<Holder> { vec![h] };
    let holders = |a: &Acceptance, i: Island| -> Vec<Holder> { a.holders(i).iter().collect() };

    // Rule 1 and 6: transferred islands go to Japan, the others stay; the order follows
    // the formula's sequencing and its stage's peace-treaty condition.
    let art9 = of(FormulaId::TwoIslands1956);
    assert_eq!(holders(&art9, Island::Habomai), only(Holder::Japan));
    assert_eq!(holders(&art9, Island::Kunashir), only(Holder::Russia));
    assert_eq!(art9.orders().iter().collect::<Vec<_>>(), vec![Order::TreatyBeforeTransfer]);
    // Rule 2: a share under half leaves the island where it is.
    let split = of(FormulaId::AreaSplit);
    assert_eq!(holders(&split, Island::Iturup), only(Holder::Russia));
    assert_eq!(holders(&split, Island::Kunashir), only(Holder::Japan));
    // Rule 3: sovereignty moves, administration after a transition is a clause.
    let kawana = of(FormulaId::Kawana1998);
    assert!(Island::ALL.into_iter().all(|i| holders(&kawana, i) == only(Holder::Japan)));
    assert!(kawana.required_clauses().contains(Clause::TransitionPeriod));
    // Rule 4: a stage on further negotiation leaves its islands open between Japan and
    // staying, and requires further talks.
    let phased = of(FormulaId::TwoNowTwoLater);
    assert_eq!(holders(&phased, Island::Iturup), vec![Holder::Japan, Holder::Russia]);
    assert!(phased.required_clauses().contains(Clause::FurtherNegotiation));
    // Joint recipients.
    let joint = of(FormulaId::JointAdministration);
    assert_eq!(holders(&joint, Island::Kunashir), only(Holder::Joint));
    // Rule 5: undecided islands and joint activity shelve sovereignty.
    let zone = of(FormulaId::JointEconomicZone);
    assert!(zone.facets().iter().eq([Facet::Clauses]));
    assert!(zone.required_clauses().contains(Clause::JointEconomicActivity));
    let first = of(FormulaId::TreatyWithoutPreconditions);
    assert!(first.facets().iter().eq([Facet::Order]));
    assert!(of(FormulaId::Hikiwake).facets().is_empty());
    // Rule 6: a formula that names no island keeps all four.
    let quo = of(FormulaId::StatusQuo);
    assert!(Island::ALL.into_iter().all(|i| holders(&quo, i) == only(Holder::Russia)));
    // Territory first: no treaty before the settlement.
    assert!(!of(FormulaId::FourIslands).orders().contains(Order::TreatyBeforeTransfer));
}

/// A hypothetical position of a side replaces that side's positions on the questions it
/// answers: if Japan had accepted the 1956 terms in 2013, the space would not be empty.
#[test]
fn a_hypothetical_position_supersedes_its_side() {
    let data = data();
    let date: PartialDate = "2013".parse().unwrap();
    let space = data.settlement_space(date);
    assert!(space.is_empty());
    let what_if =
        space.with_hypothetical(Position::hypothetical(PartyId::JAPAN, FormulaId::TwoIslands1956, date));
    assert!(!what_if.is_empty());
    let japan = what_if.stances().iter().find(|s| s.party == PartyId::JAPAN).unwrap();
    assert!(japan.held.iter().all(|h| h.hypothetical));
    for o in what_if.minimal_outcomes() {
        assert_eq!(o.allocation.transferred(), IslandSet::from([Island::Shikotan, Island::Habomai]));
    }
}

/// Outcomes and acceptances round-trip through JSON with kebab-case ids; a space
/// serialises with its stances.
#[test]
fn outcomes_and_spaces_serialise() {
    let data = data();
    for o in Outcome::all().step_by(97) {
        let json = serde_json::to_string(&o).unwrap();
        assert_eq!(serde_json::from_str::<Outcome>(&json).unwrap(), o, "{json}");
    }
    let a = data.acceptance(data.positions().next().unwrap());
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::from_str::<Acceptance>(&json).unwrap(), a);
    let space = serde_json::to_value(data.settlement_space("2018-11".parse().unwrap())).unwrap();
    assert!(space["stances"][0]["held"][0]["position"]["id"].is_string());
    let o = serde_json::to_value(Outcome::all().next().unwrap()).unwrap();
    assert_eq!(o["allocation"]["habomai"], "japan");
    assert_eq!(o["order"], "treaty-before-transfer");
}
