//! Who held what, when (issue 13, item 4): the administration periods and sovereignty
//! claims of the built-in data, the two queries at several dates, every validation
//! problem of the two tables (located), the optional files, and the GeoJSON properties.

use std::collections::HashSet;
use std::fs;

use kuril_dispute::administration::AdministrationKind;
use kuril_dispute::{AgreementId, Dataset, Island, LoadError, PartialDate, PartyId, Problem};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

/// The administrators of `island` at `d` (party ids), in order.
fn administrators(data: &Dataset, island: Island, d: &str) -> Vec<String> {
    data.administrator_at(island, date(d)).into_iter().map(|p| p.administrator.to_string()).collect()
}

/// The claimants of `island` at `d` (party ids), in order.
fn claimants(data: &Dataset, island: Island, d: &str) -> Vec<String> {
    data.claimants_at(island, date(d)).into_iter().map(|c| c.claimant.to_string()).collect()
}

// ------------------------------------------------------------------ the built-in data

#[test]
fn each_island_has_an_unbroken_administration_history_from_1855_to_now() {
    let data = Dataset::builtin();
    assert!(data.administration().len() >= 8);
    for island in Island::ALL {
        let periods: Vec<_> = data.administration_of(island).collect();
        assert_eq!(periods.first().unwrap().from, date("1855-02-07"), "{island}");
        // Each period ends the day the next begins: no gap, no overlap.
        for pair in periods.windows(2) {
            let end = pair[0].to.expect("only the last period is open").first_day();
            assert_eq!(end, pair[1].from.first_day(), "{island}: {} then {}", pair[0].id, pair[1].id);
        }
        let last = periods.last().unwrap();
        assert!(last.is_current());
        assert_eq!(data.current_administration(island), Some(*last));
        assert_eq!(last.administrator, PartyId::RUSSIA);
        let kinds: Vec<AdministrationKind> = periods.iter().map(|p| p.kind).collect();
        use AdministrationKind::{Civil, Military};
        assert_eq!(kinds, [Civil, Military, Civil, Civil], "{island}");
    }
}

#[test]
fn every_period_and_claim_cites_known_sources_and_a_claim_says_what_it_rests_on() {
    let data = Dataset::builtin();
    for p in data.administration() {
        assert!(!p.cite.is_empty(), "{}", p.id);
        assert!(p.cite.iter().all(|c| data.source(&c.source).is_ok()), "{}", p.id);
        assert!(p.cite.iter().any(|c| !data.source(&c.source).unwrap().weak), "{}: only weak sources", p.id);
    }
    for c in data.claims() {
        assert!(!c.cite.is_empty() && !c.rests_on.trim().is_empty(), "{}", c.id);
        assert!(c.cite.iter().any(|s| !data.source(&s.source).unwrap().weak), "{}: only weak sources", c.id);
    }
    // Each side's claim names the instruments its claimant cites.
    let japan = data.claims().find(|c| c.claimant == PartyId::JAPAN).unwrap();
    assert!(japan.instruments.contains(&AgreementId::ShimodaTreaty1855));
    let russia = data.claims().find(|c| c.claimant == PartyId::RUSSIA).unwrap();
    assert!(russia.instruments.contains(&AgreementId::YaltaAgreement1945));
}

#[test]
fn administrator_at_answers_at_several_dates() {
    let data = Dataset::builtin();
    let (japan, soviet, russia) = ("japan", "soviet-union", "russia");
    for island in Island::ALL {
        assert_eq!(administrators(data, island, "1944"), [japan], "{island}");
        assert_eq!(administrators(data, island, "1945-10"), [soviet], "{island}");
        let oct = data.administrator_at(island, date("1945-10"));
        assert_eq!(oct[0].kind, AdministrationKind::Military);
        assert_eq!(administrators(data, island, "1950"), [soviet], "{island}");
        assert_eq!(data.administrator_at(island, date("1950"))[0].kind, AdministrationKind::Civil);
        assert_eq!(administrators(data, island, "1992"), [russia], "{island}");
        assert_eq!(administrators(data, island, "2020"), [russia], "{island}");
        // Before the record: nothing, rather than a guess.
        assert!(administrators(data, island, "1800").is_empty(), "{island}");
        // A year spanning a handover gives both sides of it.
        assert_eq!(administrators(data, island, "1991"), [soviet, russia], "{island}");
        assert_eq!(administrators(data, island, "1991-12-25"), [soviet], "{island}");
        assert_eq!(administrators(data, island, "1991-12-26"), [russia], "{island}");
    }
    // The landings, island by island: the day before and the day of.
    for (island, landing, before) in [
        (Island::Iturup, "1945-08-28", "1945-08-27"),
        (Island::Kunashir, "1945-09-01", "1945-08-31"),
        (Island::Shikotan, "1945-09-01", "1945-08-31"),
        (Island::Habomai, "1945-09-03", "1945-09-02"),
    ] {
        assert_eq!(administrators(data, island, before), [japan], "{island} {before}");
        assert_eq!(administrators(data, island, landing), [soviet], "{island} {landing}");
    }
}

#[test]
fn claimants_at_answers_at_several_dates_apart_from_administration() {
    let data = Dataset::builtin();
    let (japan, soviet, russia) = ("japan", "soviet-union", "russia");
    for island in Island::ALL {
        assert_eq!(claimants(data, island, "1944"), [japan], "{island}");
        // October 1945: Soviet forces hold the island, but the record has no Soviet claim
        // before the incorporation of February 1946 — administration is not a claim.
        assert_eq!(claimants(data, island, "1945-10"), [japan], "{island}");
        assert_eq!(administrators(data, island, "1945-10"), [soviet], "{island}");
        assert_eq!(claimants(data, island, "1950"), [japan, soviet], "{island}");
        assert_eq!(claimants(data, island, "1992"), [japan, russia], "{island}");
        assert_eq!(claimants(data, island, "2020"), [japan, russia], "{island}");
        let current: Vec<String> =
            data.current_claims(island).iter().map(|c| c.claimant.to_string()).collect();
        assert_eq!(current, [japan, russia]);
    }
}

// ------------------------------------------------------------------ validation

/// The built-in files, in memory.
fn files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(DATA)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| (p.file_name().unwrap().to_str().unwrap().to_owned(), fs::read_to_string(&p).unwrap()))
        .collect();
    out.sort();
    out
}

fn with(name: &str, edit: impl FnOnce(&mut String)) -> Vec<(String, String)> {
    let mut f = files();
    edit(&mut f.iter_mut().find(|(n, _)| n == name).unwrap().1);
    f
}

fn load(files: &[(String, String)]) -> Result<Dataset, LoadError> {
    Dataset::from_toml(files.iter().map(|(p, t)| (p.as_str(), t.as_str())))
}

/// The only problem of a broken copy, and the 1-based line of `needle` in `name`.
fn only_problem(files: &[(String, String)]) -> Problem {
    let err = load(files).expect_err("the broken data loaded");
    assert_eq!(err.problems().len(), 1, "{err}");
    err.problems()[0].clone()
}

fn line_of(files: &[(String, String)], name: &str, needle: &str) -> usize {
    let text = &files.iter().find(|(n, _)| n == name).unwrap().1;
    let offset = text.find(needle).unwrap_or_else(|| panic!("{name} has no {needle:?}"));
    text[..offset].matches('\n').count() + 1
}

const PERIOD: &str = "\n[[administration]]\nid = \"test-period\"\nadministrator = \"japan\"\nkind = \"civil\"\n\
     islands = [\"iturup\"]\nfrom = \"FROM\"\nto = \"TO\"\nsummary = \"A test.\"\ncite = [\"corpus-000\"]\n";

fn period(from: &str, to: &str) -> String {
    PERIOD.replace("FROM", from).replace("TO", to)
}

#[test]
fn an_unknown_administrator_or_claimant_is_located() {
    let f = with("administration.toml", |t| {
        *t = t.replacen("administrator = \"japan\"", "administrator = \"japn\"", 1);
    });
    let p = only_problem(&f);
    let line =
        line_of(&f, "administration.toml", "[[administration]]\nid = \"japan-civil-1855-02-07-iturup\"");
    let Problem::UnknownReference { at, field, target, id, .. } = &p else { panic!("{p}") };
    assert_eq!((at.file.as_str(), at.line), ("administration.toml", line), "{p}");
    assert_eq!((*field, *target, id.as_str()), ("administrator", "party", "japn"));

    let f = with("claims.toml", |t| *t = t.replacen("claimant = \"russia\"", "claimant = \"rusia\"", 1));
    let p = only_problem(&f);
    let line = line_of(&f, "claims.toml", "[[claim]]\nid = \"russia-1991-12-26-four-islands\"");
    assert!(matches!(&p, Problem::UnknownReference { at, field: "claimant", .. } if at.line == line), "{p}");
}

#[test]
fn an_unknown_island_or_instrument_is_a_located_schema_problem() {
    let f =
        with("administration.toml", |t| *t = t.replacen("islands = [\"iturup\"]", "islands = [\"urup\"]", 1));
    let p = only_problem(&f);
    let Problem::Schema { at, message } = &p else { panic!("{p}") };
    assert_eq!(at.file, "administration.toml");
    assert_eq!(at.line, line_of(&f, "administration.toml", "[\"urup\"]"), "{p}");
    assert!(message.contains("urup"), "{message}");

    let f = with("claims.toml", |t| *t = t.replacen("\"yalta-agreement-1945\"", "\"yalta-1945\"", 1));
    let p = only_problem(&f);
    assert!(matches!(&p, Problem::Schema { at, .. } if at.file == "claims.toml"), "{p}");
}

#[test]
fn overlapping_administration_of_one_island_is_found_and_both_records_named() {
    // A second administration of Iturup in 1900, inside Japan's 1855-1945 period.
    let f = with("administration.toml", |t| t.push_str(&period("1900", "1901")));
    let p = only_problem(&f);
    let Problem::OverlappingPeriods { at, record, other, other_at, island, .. } = &p else { panic!("{p}") };
    assert_eq!(at.line, line_of(&f, "administration.toml", "id = \"test-period\"") - 1);
    assert_eq!(record, "administration test-period");
    assert_eq!(other, "administration japan-civil-1855-02-07-iturup");
    assert_eq!(
        other_at.line,
        line_of(&f, "administration.toml", "id = \"japan-civil-1855-02-07-iturup\"") - 1
    );
    assert_eq!(island, "iturup");

    // Periods that only touch (one ends the day the next begins) do not overlap: the
    // built-in data is made of them. Moving the Soviet incorporation a month earlier
    // makes it overlap the last month of military rule on every island.
    let f = with("administration.toml", |t| {
        *t = t.replacen("from = \"1946-02\"", "from = \"1946-01\"", 1);
    });
    let err = load(&f).expect_err("overlaps");
    let islands: HashSet<String> = err
        .problems()
        .iter()
        .map(|p| match p {
            Problem::OverlappingPeriods { island, record, other, .. } => {
                assert_eq!(record, "administration soviet-union-civil-1946-02-four-islands");
                assert!(other.starts_with("administration soviet-union-military-1945-"), "{other}");
                island.clone()
            }
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(islands.len(), 4, "{err}");
}

#[test]
fn one_claimants_overlapping_claims_are_found_but_two_claimants_may_overlap() {
    let claim = "\n[[claim]]\nid = \"japan-1900-test\"\nclaimant = \"japan\"\nislands = [\"shikotan\"]\n\
                 from = \"1900\"\nrests_on = \"A test.\"\ncite = [\"corpus-000\"]\n";
    let f = with("claims.toml", |t| t.push_str(claim));
    let p = only_problem(&f);
    assert!(
        matches!(&p, Problem::OverlappingPeriods { record, other, island, .. }
            if record == "claim japan-1900-test" && other == "claim japan-1855-02-07-four-islands" && island == "shikotan"),
        "{p}"
    );
    assert!(p.to_string().contains("one claimant's claims to one island may not overlap"), "{p}");
    // The same claim by another state is a second claimant, not a conflict in the data.
    let f =
        with("claims.toml", |t| t.push_str(&claim.replace("claimant = \"japan\"", "claimant = \"china\"")));
    let data = load(&f).expect("two claimants may claim one island at once");
    assert_eq!(claimants(&data, Island::Shikotan, "1944"), ["japan", "china"]);
}

#[test]
fn a_period_that_ends_before_it_starts_or_on_its_first_day_is_rejected() {
    let f = with("administration.toml", |t| t.push_str(&period("1801", "1800")));
    let p = only_problem(&f);
    assert!(
        matches!(&p, Problem::DatesOutOfOrder { earlier_field: "from", later_field: "to", earlier, later, .. }
            if earlier == "1801" && later == "1800"),
        "{p}"
    );
    assert!(
        p.to_string().ends_with("administration test-period: `to` (1800) is before `from` (1801)"),
        "{p}"
    );

    let f = with("administration.toml", |t| t.push_str(&period("1800-03", "1800-03-01")));
    let p = only_problem(&f);
    assert!(matches!(&p, Problem::Invalid { message, .. } if message.contains("is empty")), "{p}");

    let f = with("claims.toml", |t| *t = t.replacen("to = \"1991-12-26\"", "to = \"1945\"", 1));
    let p = only_problem(&f);
    assert!(matches!(&p, Problem::DatesOutOfOrder { record, .. } if record.starts_with("claim ")), "{p}");
}

#[test]
fn a_record_without_citations_or_islands_or_grounds_is_rejected() {
    let f = with("administration.toml", |t| {
        t.push_str(&period("1800", "1801").replace("cite = [\"corpus-000\"]", "cite = []"));
    });
    let p = only_problem(&f);
    assert!(matches!(&p, Problem::Uncited { record, .. } if record == "administration test-period"), "{p}");
    assert_eq!(p.location().unwrap().line, line_of(&f, "administration.toml", "id = \"test-period\"") - 1);

    let f = with("administration.toml", |t| {
        t.push_str(&period("1800", "1801").replace("islands = [\"iturup\"]", "islands = []"));
    });
    assert!(matches!(only_problem(&f), Problem::Invalid { message, .. } if message == "names no island"));

    let f = with("claims.toml", |t| {
        *t = t.replacen(
            "cite = [\n  { source = \"rg-",
            "cite = [\n  { source = \"no-such-source\" },\n  { source = \"rg-",
            1,
        );
    });
    let p = only_problem(&f);
    assert!(
        matches!(&p, Problem::UnknownReference { target: "source", id, .. } if id == "no-such-source"),
        "{p}"
    );

    let f = with("claims.toml", |t| {
        let start = t.find("rests_on = \"Russia").unwrap();
        let end = start + t[start..].find('\n').unwrap();
        t.replace_range(start..end, "rests_on = \" \"");
    });
    assert!(matches!(only_problem(&f), Problem::Invalid { message, .. } if message.contains("rests_on")));
}

#[test]
fn an_administrator_must_exist_during_its_period() {
    // The Soviet Union did not exist in 1900.
    let f = with("administration.toml", |t| {
        t.push_str(
            &period("1800", "1801")
                .replace("administrator = \"japan\"", "administrator = \"soviet-union\"")
                .replace("1800", "1900")
                .replace("1801", "1901"),
        );
    });
    let err = load(&f).expect_err("anachronism");
    assert!(
        err.problems().iter().any(|p| matches!(p, Problem::Anachronism { party, date, .. }
            if party == "soviet-union" && date == "1900")),
        "{err}"
    );
}

#[test]
fn the_two_tables_are_optional_and_round_trip() {
    // A dataset written before the tables existed still loads, with an empty history.
    let f: Vec<(String, String)> =
        files().into_iter().filter(|(n, _)| n != "administration.toml" && n != "claims.toml").collect();
    let data = load(&f).expect("loads without the optional tables");
    assert_eq!(data.administration().len(), 0);
    assert!(data.administrator_at(Island::Iturup, date("2020")).is_empty());
    assert!(data.claimants_at(Island::Iturup, date("2020")).is_empty());
    // JSON without the two arrays, likewise.
    let mut json: serde_json::Value = serde_json::to_value(Dataset::builtin()).unwrap();
    let object = json.as_object_mut().unwrap();
    assert!(object.remove("administration").is_some() && object.remove("claims").is_some());
    let data = Dataset::from_json(&json.to_string()).unwrap();
    assert_eq!(data.claims().len(), 0);
    // With them, both round trips keep every record.
    let builtin = Dataset::builtin();
    let toml = builtin.to_toml_files().unwrap();
    let again = Dataset::from_toml(toml.iter().map(|(n, t)| (*n, t.as_str()))).unwrap();
    assert_eq!(again.administration().collect::<Vec<_>>(), builtin.administration().collect::<Vec<_>>());
    assert_eq!(again.claims().collect::<Vec<_>>(), builtin.claims().collect::<Vec<_>>());
    // A misnamed table file is still reported, not silently skipped.
    let mut f = files();
    let admin = f.iter_mut().find(|(n, _)| n == "administration.toml").unwrap();
    admin.0 = "administrations.toml".to_owned();
    let p = only_problem(&f);
    assert!(matches!(&p, Problem::UnknownFile { .. }), "{p}");
}

// ------------------------------------------------------------------ GeoJSON

#[test]
#[cfg(feature = "export")]
fn the_geojson_carries_the_current_administrator_and_the_claimants_of_each_island() {
    use kuril_dispute::Outlines;
    use kuril_dispute::export::islands_geojson;

    let data = Dataset::builtin();
    let fc = islands_geojson(data, Outlines::builtin());
    let mut seen = 0;
    for feature in &fc.features {
        let id = feature.property("id").and_then(|v| v.as_str()).unwrap();
        let Ok(island) = id.parse::<Island>() else {
            // Context outlines (Hokkaido) carry no administration.
            assert!(feature.property("administrator").is_none(), "{id}");
            continue;
        };
        seen += 1;
        let current = data.current_administration(island).unwrap();
        assert_eq!(
            feature.property("administrator").and_then(|v| v.as_str()),
            Some(current.administrator.as_str())
        );
        let administration = feature.property("administration").unwrap();
        assert_eq!(administration["id"], current.id.as_str());
        assert_eq!(administration["from"], current.from.to_string());
        assert_eq!(administration["cite"].as_array().unwrap().len(), current.cite.len());
        let claimants: Vec<&str> = feature
            .property("claimants")
            .and_then(|v| v.as_array())
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(claimants, ["japan", "russia"], "{id}");
        let claims = feature.property("claims").and_then(|v| v.as_array()).unwrap();
        for (claim, want) in claims.iter().zip(data.current_claims(island)) {
            assert_eq!(claim["claimant"], want.claimant.as_str());
            assert_eq!(claim["rests_on"], want.rests_on.as_str());
            assert_eq!(claim["cite"].as_array().unwrap().len(), want.cite.len());
        }
    }
    assert_eq!(seen, 4);
}
