//! The built-in dataset: valid, complete, and answering the crate's contract.

use std::collections::HashSet;

use kuril_dispute::event::EventKind;
use kuril_dispute::formula::{Condition, Recipient, Right, StatedOrder};
use kuril_dispute::{AgreementId, Dataset, FormulaId, Island, IslandSet, PartialDate, PartyId};

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

#[test]
fn builtin_equals_the_data_directory_loaded_from_disk() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    match Dataset::from_dir(dir) {
        Ok(data) => assert_eq!(&data, Dataset::builtin()),
        Err(e) => panic!("{e}"),
    }
}

/// The snippet of the first query, as a downstream crate uses it.
#[test]
fn first_query_contract() {
    let data = Dataset::builtin();
    assert_eq!(
        data.formula(FormulaId::TwoIslands1956).islands_transferred(),
        IslandSet::from([Island::Shikotan, Island::Habomai])
    );
    assert_eq!(data.formula(FormulaId::FourIslands).islands_transferred(), IslandSet::ALL);
    assert!(data.formula(FormulaId::StatusQuo).islands_transferred().is_empty());
    assert_eq!(data.formula(FormulaId::TwoNowTwoLater).islands_transferred(), IslandSet::ALL);
    assert_eq!(Island::ALL.into_iter().count(), 4);
}

#[test]
fn volumes_meet_the_issue() {
    let data = Dataset::builtin();
    let in_range = |d: PartialDate, from: i32, to: i32| (from..=to).contains(&d.year());

    let japan = data
        .positions_of(&PartyId::JAPAN)
        .expect("a known party")
        .filter(|p| in_range(p.stated, 1956, 2022))
        .count();
    let russia_or_ussr = data
        .positions()
        .filter(|p| p.holder == PartyId::RUSSIA || p.holder == PartyId::SOVIET_UNION)
        .filter(|p| in_range(p.stated, 1956, 2022))
        .count();
    assert!(japan >= 15, "{japan} positions of Japan");
    assert!(russia_or_ussr >= 15, "{russia_or_ussr} positions of Russia or the Soviet Union");

    let events = data.events().filter(|e| in_range(e.date, 1855, 2022)).count();
    assert!(events >= 40, "{events} events");
    assert!(data.people().count() >= 25);
    assert_eq!(data.agreements().count(), AgreementId::ALL.into_iter().count());
    assert_eq!(data.formulas().count(), FormulaId::ALL.into_iter().count());
}

#[test]
fn every_schema_agreement_and_formula_is_defined_with_its_id() {
    let data = Dataset::builtin();
    let schema_agreements = [
        "shimoda-treaty-1855",
        "st-petersburg-treaty-1875",
        "portsmouth-treaty-1905",
        "yalta-agreement-1945",
        "san-francisco-treaty-1951",
        "joint-declaration-1956",
        "us-japan-security-treaty-1960",
        "tokyo-declaration-1993",
        "krasnoyarsk-agreement-1997",
        "moscow-declaration-1998",
        "irkutsk-statement-2001",
        "action-plan-2003",
        "joint-statement-2013",
        "joint-economic-activities-2016",
        "singapore-agreement-2018",
    ];
    for id in schema_agreements {
        let parsed: AgreementId = id.parse().unwrap();
        assert!(parsed.in_annotation_schema());
        assert_eq!(data.agreement(parsed).id.to_string(), id);
        assert_eq!(serde_json_id(&parsed), id);
    }
    assert_eq!(
        AgreementId::ALL.into_iter().filter(|a| a.in_annotation_schema()).count(),
        schema_agreements.len()
    );
    let schema_formulas = [
        "four-islands",
        "two-islands-1956",
        "two-plus-alpha",
        "two-now-two-later",
        "area-split",
        "joint-economic-zone",
        "treaty-without-preconditions",
        "status-quo",
        "hikiwake",
    ];
    for id in schema_formulas {
        let parsed: FormulaId = id.parse().unwrap();
        assert_eq!(data.formula(parsed).id.to_string(), id);
        assert_eq!(serde_json_id(&parsed), id);
    }
    assert_eq!(FormulaId::ALL.into_iter().filter(|f| f.in_annotation_schema()).count(), 9);
}

/// The serde name of an id.
fn serde_json_id<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).unwrap().as_str().unwrap().to_owned()
}

#[test]
fn islands_carry_names_in_three_languages_and_sourced_figures() {
    let data = Dataset::builtin();
    let mut kanji = HashSet::new();
    for island in Island::ALL.into_iter() {
        let p = data.island(island);
        assert_eq!(p.id, island);
        assert!(!p.name.is_empty() && !p.ja.kanji.is_empty() && !p.ja.romaji.is_empty());
        assert!(p.ru.cyrillic.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)), "{island}");
        assert!(kanji.insert(p.ja.kanji.clone()));
        assert!(p.area_km2() > 50.0 && p.area_km2() < 4000.0, "{island}: {}", p.area_km2());
        assert!((43.0..46.0).contains(&p.centroid.lat) && (145.0..149.0).contains(&p.centroid.lon));
        // Both sides' administrative units are recorded.
        for side in [PartyId::JAPAN, PartyId::RUSSIA] {
            assert!(p.administration.iter().any(|a| a.party == side), "{island}: no unit of {side}");
        }
        assert!(!p.population.is_empty());
    }
    // The islands' order by area: Iturup > Kunashir > Shikotan > Habomai.
    let areas: Vec<f64> = Island::ALL.into_iter().map(|i| data.area_km2(i)).collect();
    assert!(areas.windows(2).all(|w| w[0] > w[1]), "{areas:?}");
}

#[test]
fn collective_names_stand_for_their_sets() {
    let data = Dataset::builtin();
    let set_of = |form: &str| {
        data.collective_names()
            .find(|n| n.forms.iter().any(|f| f == form))
            .map(|n| n.islands)
            .unwrap_or_else(|| panic!("no collective name {form:?}"))
    };
    assert_eq!(set_of("Northern Territories"), IslandSet::ALL);
    assert_eq!(set_of("北方領土"), IslandSet::ALL);
    assert_eq!(set_of("Southern Kurils"), IslandSet::ALL);
    assert_eq!(set_of("Lesser Kuril Chain"), IslandSet::from([Island::Shikotan, Island::Habomai]));
}

#[test]
fn parties_link_predecessors_and_successors() {
    let data = Dataset::builtin();
    let lineage: Vec<&str> = data.lineage(&PartyId::RUSSIA).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(lineage, ["russia", "soviet-union", "russian-empire"]);
    assert_eq!(data.successor_of(&PartyId::SOVIET_UNION).map(|p| p.id.as_str()), Some("russia"));
    let russia = data.party(&PartyId::RUSSIA).unwrap();
    for metonym in ["Moscow", "the Kremlin"] {
        assert!(russia.metonyms.iter().any(|m| m == metonym), "{metonym}");
    }
    assert!(data.party(&PartyId::JAPAN).unwrap().metonyms.iter().any(|m| m == "Tokyo"));
}

#[test]
fn formulas_are_data_with_stages_conditions_and_areas() {
    let data = Dataset::builtin();
    let two = data.formula(FormulaId::TwoIslands1956);
    assert_eq!(two.conditions(), [Condition::PeaceTreatyConcluded]);
    assert_eq!(two.order, StatedOrder::TreatyFirst);
    let share = data.area_transferred(two) / data.total_area_km2();
    assert!((0.06..0.08).contains(&share), "two islands are about 7% of the area, got {share}");

    // The area split gives about half of the total area.
    let split = data.formula(FormulaId::AreaSplit);
    let half = data.area_transferred(split) / data.total_area_km2();
    assert!((0.48..0.52).contains(&half), "area split gives {half}");
    assert_eq!(split.partially_transferred(), IslandSet::from(Island::Iturup));

    // Two now, two later: two stages, the first the 1956 pair.
    let phased = data.formula(FormulaId::TwoNowTwoLater);
    assert_eq!(phased.stages.len(), 2);
    assert_eq!(phased.stages[0].islands_transferred(), two.islands_transferred());
    assert_eq!(phased.stages[1].islands_transferred(), IslandSet::ALL - two.islands_transferred());
    let first = data.stage_area_transferred(&phased.stages[0]);
    assert!((first - data.area_transferred(two)).abs() < 1e-9);

    // Kawana: sovereignty first, administration after a transition; area counted once.
    let kawana = data.formula(FormulaId::Kawana1998);
    assert!(kawana.stages[0].transfers.iter().all(|t| t.right == Right::Sovereignty));
    assert!(kawana.stages[1].conditions.contains(&Condition::TransitionPeriod));
    assert!((data.area_transferred(kawana) - data.total_area_km2()).abs() < 1e-6);

    // Joint administration holds two islands jointly and transfers the other two.
    let joint = data.formula(FormulaId::JointAdministration);
    assert_eq!(joint.jointly_held(), IslandSet::from([Island::Iturup, Island::Kunashir]));
    assert!(joint.all_transfers().any(|t| matches!(&t.to, Recipient::Joint(ps) if ps.len() == 2)));
    assert_eq!(joint.islands_transferred(), two.islands_transferred());

    // No transfer, but a plan for all four.
    assert!(data.formula(FormulaId::JointEconomicZone).islands_transferred().is_empty());
    assert_eq!(data.formula(FormulaId::JointEconomicZone).joint_activity, IslandSet::ALL);
    assert_eq!(data.formula(FormulaId::Hikiwake).undecided_islands(), IslandSet::ALL);
    assert_eq!(data.formula(FormulaId::ThreeIslands).islands_transferred().len(), 3);
}

#[test]
fn positions_at_dates_follow_the_record() {
    let data = Dataset::builtin();
    let formulas_at = |party: &PartyId, d: &str| -> Vec<FormulaId> {
        data.latest_positions(party, date(d))
            .expect("a known party")
            .iter()
            .filter_map(|p| p.formula)
            .collect()
    };
    // Japan's territory-first line in 2013; the 1956 basis after Singapore (Nov 2018).
    assert!(formulas_at(&PartyId::JAPAN, "2013-12").contains(&FormulaId::FourIslands));
    assert!(formulas_at(&PartyId::JAPAN, "2018-11-30").contains(&FormulaId::TwoIslands1956));
    assert!(formulas_at(&PartyId::RUSSIA, "2018-11-30").contains(&FormulaId::TwoIslands1956));
    // Russia's stance in 1956 is the Soviet Union's.
    let in_1957 = data.latest_positions(&PartyId::RUSSIA, date("1957")).expect("a known party");
    assert!(!in_1957.is_empty());
    assert!(in_1957.iter().all(|p| p.holder == PartyId::SOVIET_UNION));
    // Nothing before the first position.
    assert!(data.latest_positions(&PartyId::JAPAN, date("1900")).expect("a known party").is_empty());
    // A party the dataset does not have is an error naming it, in every query by party.
    let unknown =
        |e: kuril_dispute::UnknownId| (e.table(), e.id().to_owned(), e.closest().map(str::to_owned));
    let want = ("party", "japn".to_owned(), Some("japan".to_owned()));
    assert_eq!(data.latest_positions("japn", date("2018")).map(|_| ()).map_err(unknown), Err(want.clone()));
    assert_eq!(data.positions_of("japn").map(|_| ()).map_err(unknown), Err(want.clone()));
    assert_eq!(data.stance_at("japn", date("2018")).map(|_| ()).map_err(unknown), Err(want.clone()));
    assert_eq!(data.stance_history("japn").map(|_| ()).map_err(unknown), Err(want));
    assert!(data.stance_at("ainu", date("2018")).is_err());
}

#[test]
fn every_fact_is_attributed_and_cited() {
    let data = Dataset::builtin();
    let sources: HashSet<&str> = data.sources().map(|s| s.id.as_str()).collect();
    let cited = data
        .positions()
        .flat_map(|p| &p.cite)
        .chain(data.events().flat_map(|e| &e.cite))
        .chain(data.agreements().flat_map(|a| &a.cite))
        .chain(data.formulas().flat_map(|f| &f.cite))
        .chain(data.people().flat_map(|p| &p.cite));
    for c in cited {
        assert!(sources.contains(c.source.as_str()), "{}", c.source);
        if let Some(q) = &c.quote {
            assert!(q.split_whitespace().count() <= 25, "{q}");
        }
    }
    for p in data.positions() {
        assert!(p.speaker.is_some() || p.office.is_some(), "{}", p.id);
        assert!(!p.cite.is_empty(), "{}", p.id);
    }
    // The three corpus documents are in the catalogue.
    for doc in ["corpus-000", "corpus-001", "corpus-003"] {
        assert!(data.source(doc).unwrap().document.is_some());
    }
}

#[test]
fn timelines_are_sorted_and_span_the_history() {
    let data = Dataset::builtin();
    let dates: Vec<PartialDate> = data.events().map(|e| e.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(dates.first().map(|d| d.year()), Some(1855));
    let signed: Vec<PartialDate> = data.agreements().map(|a| a.signed).collect();
    assert!(signed.windows(2).all(|w| w[0] <= w[1]));
    assert!(data.events().any(|e| e.kind == EventKind::Military && e.date.year() == 1945));
    let decl = data.agreement(AgreementId::JointDeclaration1956);
    assert_eq!(decl.signed, date("1956-10-19"));
    assert_eq!(decl.ratified, Some(date("1956-12-12")));
    assert!(decl.provisions_on(Island::Habomai).any(|p| p.formula == Some(FormulaId::TwoIslands1956)));
}

#[test]
fn quotes_from_the_shared_corpus_are_exact_where_the_corpus_is_present() {
    // The corpus sits beside the repository in the workplace (and in CI); a plain clone
    // without it skips this check.
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/docs");
    let Ok(entries) = std::fs::read_dir(corpus) else { return };
    let docs: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    let data = Dataset::builtin();
    let all = data
        .positions()
        .flat_map(|p| &p.cite)
        .chain(data.events().flat_map(|e| &e.cite))
        .chain(data.formulas().flat_map(|f| &f.cite))
        .chain(data.people().flat_map(|p| &p.cite))
        .chain(data.parties().flat_map(|p| &p.cite));
    let mut checked = 0;
    for c in all {
        let Some(doc) = data.source(&c.source).ok().and_then(|s| s.document.as_ref()) else { continue };
        let Some(quote) = &c.quote else { continue };
        let (_, text) = docs.iter().find(|(name, _)| name == doc).unwrap();
        assert!(text.contains(quote.as_str()), "quote not in {doc}: {quote:?}");
        // The project quotes the shared corpus briefly: fewer than 12 words, counted as
        // runs of ASCII letters, digits and apostrophes (as the project's copy check does).
        let words = quote
            .to_lowercase()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .count();
        assert!(words < 12, "corpus quote of {words} words: {quote:?}");
        checked += 1;
    }
    assert!(checked > 10, "only {checked} corpus quotes checked");
}

#[test]
fn the_dataset_serialises_to_json_with_schema_ids() {
    let data = Dataset::builtin();
    let json = serde_json::to_value(data).unwrap();
    let formulas = json["formulas"].as_array().unwrap();
    assert_eq!(formulas.len(), data.formulas().count());
    let split = formulas.iter().find(|f| f["id"] == "area-split").unwrap();
    let iturup =
        split["stage"][0]["transfers"].as_array().unwrap().iter().find(|t| t["island"] == "iturup").unwrap();
    assert_eq!(iturup["share"], 0.21);
    assert_eq!(iturup["to"], "japan");
    let joint = formulas.iter().find(|f| f["id"] == "joint-administration").unwrap();
    assert!(joint["stage"][0]["transfers"].as_array().unwrap().iter().any(|t| t["to"].is_array()));
    let decl =
        json["agreements"].as_array().unwrap().iter().find(|a| a["id"] == "joint-declaration-1956").unwrap();
    assert_eq!(decl["signed"], "1956-10-19");
    assert_eq!(decl["provision"][0]["islands"], serde_json::json!(["shikotan", "habomai"]));
    assert!(
        json["events"].as_array().unwrap().iter().all(|e| e["kind"].is_string() && e["date"].is_string())
    );
}

/// Every citation list of a dataset that cites only sources marked weak, named by its path
/// in the dataset's JSON form (`people[12].roles[1]`). Walking the serialized dataset finds
/// every `cite` list, nested ones included (areas, populations, roles, provisions,
/// readings, formula origins), without naming the tables.
fn weak_only_citation_lists(data: &Dataset) -> (usize, Vec<String>) {
    fn walk(
        v: &serde_json::Value,
        path: &str,
        weak: &HashSet<&str>,
        lists: &mut usize,
        bad: &mut Vec<String>,
    ) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Array(cite)) = map.get("cite") {
                    *lists += 1;
                    let sources: Vec<&str> = cite.iter().filter_map(|c| c.get("source")?.as_str()).collect();
                    assert_eq!(sources.len(), cite.len(), "a citation without a source at {path}");
                    if sources.iter().all(|s| weak.contains(s)) {
                        let id = map.get("id").and_then(|i| i.as_str()).unwrap_or("");
                        bad.push(format!("{path} {id}: {}", sources.join(", ")));
                    }
                }
                for (k, child) in map {
                    if k != "cite" {
                        walk(child, &format!("{path}.{k}"), weak, lists, bad);
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for (n, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}[{n}]"), weak, lists, bad);
                }
            }
            _ => {}
        }
    }
    let weak: HashSet<&str> = data.sources().filter(|s| s.weak).map(|s| s.id.as_str()).collect();
    let json = serde_json::to_value(data).unwrap();
    let (mut lists, mut bad) = (0, Vec::new());
    walk(&json, "", &weak, &mut lists, &mut bad);
    (lists, bad)
}

/// Issue 13: a weak source (a mirror, an aggregator, a blog copy, a retailer's page) may
/// corroborate a fact, never carry it alone.
#[test]
fn no_fact_rests_on_weak_sources_alone() {
    let data = Dataset::builtin();
    assert!(data.sources().filter(|s| s.weak).count() >= 30, "the weak sources are marked");
    let (lists, bad) = weak_only_citation_lists(data);
    // Every record has a list; nested facts have their own.
    assert!(lists > 400, "only {lists} citation lists found");
    assert!(bad.is_empty(), "facts citing only weak sources:\n{}", bad.join("\n"));
}

/// The check can fail: marking the source a fact cites alone as weak is reported, with
/// the fact's place.
#[test]
fn a_fact_citing_only_a_weak_source_is_found() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let files: Vec<(String, String)> =
        ["sources", "islands", "names", "parties", "people", "agreements", "formulas", "positions", "events"]
            .iter()
            .map(|t| {
                let name = format!("{t}.toml");
                let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
                (name, text)
            })
            .collect();
    // natural-earth-10m-land alone supports the four centre points, computed from its
    // outlines. (The test marked enwiki-kunashir weak before; since the sixth audit pass
    // no list rests on it alone, and it is weak in the data.)
    let files: Vec<(String, String)> = files
        .into_iter()
        .map(|(name, text)| {
            let text = if name == "sources.toml" {
                text.replacen(
                    "id = \"natural-earth-10m-land\"\n",
                    "id = \"natural-earth-10m-land\"\nweak = true\n",
                    1,
                )
            } else {
                text
            };
            (name, text)
        })
        .collect();
    let data = Dataset::from_toml(files.iter().map(|(n, t)| (n.as_str(), t.as_str()))).unwrap();
    let (_, bad) = weak_only_citation_lists(&data);
    assert_eq!(bad.len(), 4, "{bad:#?}");
    for (n, b) in bad.iter().enumerate() {
        assert!(b.starts_with(&format!(".islands[{n}].centroid ")), "{bad:#?}");
    }
}
