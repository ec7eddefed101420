//! The exports, parsed back and compared with the dataset: every CSV table with the
//! `csv` crate, the GeoJSON with the `geojson` crate, the JSON with `serde_json`, and
//! `write_all` on disk.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

use kuril_dispute::export::{self, CsvTable, LIST_SEPARATOR};
use kuril_dispute::formula::{Recipient, Right};
use kuril_dispute::{
    Dataset, FormulaId, Island, IslandAllocation, IslandHolder, IslandSet, Outlines, PartialDate, PartyId,
};

/// Each (formula, stage number)'s transfers: island, recipient, right, share.
type Stages = BTreeMap<(FormulaId, usize), Vec<(Island, Recipient, Right, f64)>>;

/// Each (table, record)'s citations: source, locator, quote.
type CitesByRecord = HashMap<(String, String), Vec<(String, Option<String>, Option<String>)>>;

/// A table parsed back: the header and the rows as maps from column to cell.
fn table(data: &Dataset, table: CsvTable) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut out = Vec::new();
    export::write_csv(data, table, &mut out).expect("written");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed record");
            assert_eq!(r.len(), header.len(), "{table}: a ragged row");
            header.iter().cloned().zip(r.iter().map(str::to_owned)).collect()
        })
        .collect();
    (header, rows)
}

fn split(cell: &str) -> Vec<String> {
    if cell.is_empty() { Vec::new() } else { cell.split(LIST_SEPARATOR).map(str::to_owned).collect() }
}

fn island_set(cell: &str) -> IslandSet {
    if cell == kuril_dispute::export::NO_ISLANDS {
        return IslandSet::EMPTY;
    }
    split(cell).iter().map(|s| s.parse::<Island>().expect("an island id")).collect()
}

fn opt(cell: &str) -> Option<&str> {
    (!cell.is_empty()).then_some(cell)
}

#[test]
fn every_table_has_a_header_and_parses() {
    let data = Dataset::builtin();
    for t in CsvTable::ALL {
        let (header, rows) = table(data, t);
        assert!(header.len() >= 3, "{t}: {header:?}");
        assert!(!rows.is_empty(), "{t}: no rows");
    }
}

#[test]
fn formulas_and_their_transfers_come_back_as_in_the_dataset() {
    let data = Dataset::builtin();
    let (_, formulas) = table(data, CsvTable::Formulas);
    assert_eq!(formulas.len(), data.formulas().len());
    for (row, f) in formulas.iter().zip(data.formulas()) {
        assert_eq!(row["id"].parse::<FormulaId>().expect("a formula id"), f.id);
        assert_eq!(row["name"], f.name);
        assert_eq!(split(&row["aliases"]), f.aliases);
        assert_eq!(row["stages"].parse::<usize>().expect("a count"), f.stages.len());
        assert_eq!(island_set(&row["transfers_to_japan"]), f.islands_transferred());
        assert_eq!(island_set(&row["undecided"]), f.undecided_islands());
        assert_eq!(island_set(&row["joint_activity"]), f.joint_activity);
        assert_eq!(
            opt(&row["origin_date"]).map(|d| d.parse::<PartialDate>().expect("a date")),
            f.origin.as_ref().map(|o| o.date)
        );
    }
    // Rebuild every stage's transfers from the rows.
    let (_, transfers) = table(data, CsvTable::FormulaTransfers);
    let mut rebuilt: Stages = BTreeMap::new();
    for row in &transfers {
        let parties: Vec<PartyId> =
            split(&row["to"]).iter().map(|p| p.parse().expect("a party id")).collect();
        let to = match parties.as_slice() {
            [one] => Recipient::Party(one.clone()),
            _ => Recipient::Joint(parties),
        };
        rebuilt
            .entry((row["formula"].parse().expect("a formula id"), row["stage"].parse().expect("a number")))
            .or_default()
            .push((
                row["island"].parse().expect("an island"),
                to,
                row["right"].parse().expect("a right"),
                row["share"].parse().expect("a share"),
            ));
    }
    let mut expected: Stages = BTreeMap::new();
    for f in data.formulas() {
        for (n, s) in f.stages.iter().enumerate() {
            for t in &s.transfers {
                expected.entry((f.id, n + 1)).or_default().push((
                    t.island,
                    t.to.clone(),
                    t.right,
                    t.share_or_whole().fraction(),
                ));
            }
        }
    }
    assert_eq!(rebuilt, expected);
    assert!(rebuilt.values().flatten().any(|(_, to, _, _)| matches!(to, Recipient::Joint(_))));
    assert!(rebuilt.values().flatten().any(|(_, _, _, share)| *share < 1.0));
}

#[test]
fn positions_events_and_agreements_come_back_as_in_the_dataset() {
    let data = Dataset::builtin();
    let (_, positions) = table(data, CsvTable::Positions);
    assert_eq!(positions.len(), data.positions().len());
    for (row, p) in positions.iter().zip(data.positions()) {
        assert_eq!(row["id"], p.id.as_str());
        assert_eq!(row["holder"].parse::<PartyId>().expect("a party"), p.holder);
        assert_eq!(opt(&row["formula"]).map(|f| f.parse::<FormulaId>().expect("a formula")), p.formula);
        assert_eq!(row["stated"].parse::<PartialDate>().expect("a date"), p.stated);
        assert_eq!(opt(&row["transfer_at_most"]).map(island_set), p.transfer_at_most);
        assert_eq!(opt(&row["transfer_at_least"]).map(island_set), p.transfer_at_least);
        assert_eq!(split(&row["conditions"]).len(), p.conditions.len());
        assert_eq!(row["summary"], p.summary);
    }
    let (_, events) = table(data, CsvTable::Events);
    assert_eq!(events.len(), data.events().len());
    for (row, e) in events.iter().zip(data.events()) {
        assert_eq!(row["id"], e.id.as_str());
        assert_eq!(row["date"].parse::<PartialDate>().expect("a date"), e.date);
        assert_eq!(row["kind"], e.kind.to_string());
        assert_eq!(split(&row["actors"]), e.actors.iter().map(|a| a.to_string()).collect::<Vec<_>>());
        assert_eq!(island_set(&row["islands"]), e.islands);
        assert_eq!(row["summary"], e.summary);
    }
    let (_, administration) = table(data, CsvTable::Administration);
    assert_eq!(administration.len(), data.administration().len());
    for (row, p) in administration.iter().zip(data.administration()) {
        assert_eq!(row["id"], p.id.as_str());
        assert_eq!(row["administrator"].parse::<PartyId>().expect("a party"), p.administrator);
        assert_eq!(row["kind"], p.kind.to_string());
        assert_eq!(island_set(&row["islands"]), p.islands);
        assert_eq!(row["from"].parse::<PartialDate>().expect("a date"), p.from);
        assert_eq!(opt(&row["to"]).map(|d| d.parse::<PartialDate>().expect("a date")), p.to);
        assert_eq!(row["summary"], p.summary);
    }
    let (_, claims) = table(data, CsvTable::Claims);
    assert_eq!(claims.len(), data.claims().len());
    for (row, c) in claims.iter().zip(data.claims()) {
        assert_eq!(row["id"], c.id.as_str());
        assert_eq!(row["claimant"].parse::<PartyId>().expect("a party"), c.claimant);
        assert_eq!(island_set(&row["islands"]), c.islands);
        assert_eq!(row["from"].parse::<PartialDate>().expect("a date"), c.from);
        assert_eq!(opt(&row["to"]).map(|d| d.parse::<PartialDate>().expect("a date")), c.to);
        assert_eq!(
            split(&row["instruments"]),
            c.instruments.iter().map(|a| a.to_string()).collect::<Vec<_>>()
        );
        assert_eq!(row["rests_on"], c.rests_on);
    }
    let (_, agreements) = table(data, CsvTable::Agreements);
    assert_eq!(agreements.len(), data.agreements().count());
    for (row, a) in agreements.iter().zip(data.agreements()) {
        assert_eq!(row["id"], a.id.to_string());
        assert_eq!(row["signed"].parse::<PartialDate>().expect("a date"), a.signed);
        assert_eq!(split(&row["aliases"]), a.aliases);
    }
    let (_, provisions) = table(data, CsvTable::AgreementProvisions);
    assert_eq!(provisions.len(), data.agreements().map(|a| a.provisions.len()).sum::<usize>());
    let (_, readings) = table(data, CsvTable::ProvisionReadings);
    assert_eq!(
        readings.len(),
        data.agreements().flat_map(|a| &a.provisions).map(|p| p.readings.len()).sum::<usize>()
    );
}

#[test]
fn islands_sources_parties_and_people_come_back_as_in_the_dataset() {
    let data = Dataset::builtin();
    let (_, islands) = table(data, CsvTable::Islands);
    assert_eq!(islands.len(), 4);
    for (row, i) in islands.iter().zip(data.islands()) {
        assert_eq!(row["id"].parse::<Island>().expect("an island"), i.id);
        assert_eq!(
            (row["ja_kanji"].as_str(), row["ru_cyrillic"].as_str()),
            (i.ja.kanji.as_str(), i.ru.cyrillic.as_str())
        );
        assert_eq!(split(&row["aliases"]), i.aliases);
        assert_eq!(row["area_km2"].parse::<f64>().expect("a number"), i.area_km2());
        assert_eq!(row["centroid_lat"].parse::<f64>().expect("a number"), i.centroid.lat);
    }
    let (_, areas) = table(data, CsvTable::IslandAreas);
    assert_eq!(areas.len(), data.islands().map(|i| i.area.len()).sum::<usize>());
    let (_, sources) = table(data, CsvTable::Sources);
    assert_eq!(sources.len(), data.sources().len());
    for (row, s) in sources.iter().zip(data.sources()) {
        assert_eq!(row["id"], s.id.as_str());
        assert_eq!(row["title"], s.title);
        assert_eq!(opt(&row["url"]), s.url.as_deref());
        assert_eq!(opt(&row["date"]).map(|d| d.parse::<PartialDate>().expect("a date")), s.date);
        assert_eq!(row["weak"], s.weak.to_string());
    }
    assert!(sources.iter().any(|row| row["weak"] == "true"), "some built-in source is marked weak");
    // Gorbachev's 1991 row commits to no transfer: an empty constraint, not an absent one.
    assert!(positions_with_no_islands(data) >= 1);
    let (_, parties) = table(data, CsvTable::Parties);
    for (row, p) in parties.iter().zip(data.parties()) {
        assert_eq!(row["id"], p.id.as_str());
        assert_eq!(split(&row["metonyms"]), p.metonyms);
        assert_eq!(opt(&row["predecessor"]), p.predecessor.as_ref().map(|q| q.as_str()));
    }
    let (_, people) = table(data, CsvTable::People);
    assert_eq!(people.len(), data.people().len());
    let (_, roles) = table(data, CsvTable::PersonRoles);
    assert_eq!(roles.len(), data.people().map(|p| p.roles.len()).sum::<usize>());
    let (_, names) = table(data, CsvTable::Names);
    for (row, n) in names.iter().zip(data.collective_names()) {
        assert_eq!(split(&row["forms"]), n.forms);
        assert_eq!(island_set(&row["islands"]), n.islands);
    }
}

#[test]
fn every_citation_is_in_the_citations_table() {
    let data = Dataset::builtin();
    let (_, cites) = table(data, CsvTable::Citations);
    let mut by_record: CitesByRecord = HashMap::new();
    for row in &cites {
        assert!(data.source(&row["source"]).is_ok(), "{row:?}");
        by_record.entry((row["table"].clone(), row["record"].clone())).or_default().push((
            row["source"].clone(),
            opt(&row["locator"]).map(str::to_owned),
            opt(&row["quote"]).map(str::to_owned),
        ));
    }
    let check = |table: &str, record: String, cite: &[kuril_dispute::Citation]| {
        let want: Vec<_> =
            cite.iter().map(|c| (c.source.to_string(), c.locator.clone(), c.quote.clone())).collect();
        assert_eq!(by_record.get(&(table.to_owned(), record.clone())), Some(&want), "{table} {record}");
    };
    for p in data.positions() {
        check("positions", p.id.to_string(), &p.cite);
    }
    for e in data.events() {
        check("events", e.id.to_string(), &e.cite);
    }
    for f in data.formulas() {
        check("formulas", f.id.to_string(), &f.cite);
    }
    for a in data.agreements() {
        check("agreements", a.id.to_string(), &a.cite);
    }
    for p in data.administration() {
        check("administration", p.id.to_string(), &p.cite);
    }
    for c in data.claims() {
        check("claims", c.id.to_string(), &c.cite);
    }
    let total = data.positions().map(|p| p.cite.len()).sum::<usize>()
        + data.events().map(|e| e.cite.len()).sum::<usize>();
    assert!(cites.len() > total, "{} rows, more than positions' and events' {total}", cites.len());
}

#[test]
fn the_geojson_carries_the_outlines_and_every_formulas_allocation() {
    let data = Dataset::builtin();
    let outlines = Outlines::builtin();
    let text = export::islands_geojson(data, outlines).to_string();
    let fc = geojson::FeatureCollection::from_str(&text).expect("valid GeoJSON");
    assert_eq!(fc.features.len(), 5);
    for island in Island::ALL {
        let feature = fc
            .features
            .iter()
            .find(|f| f.property("id").and_then(|v| v.as_str()) == Some(island.id()))
            .expect("a feature per island");
        // The geometry is the outline's, point for point.
        let Some(geojson::Geometry { value: geojson::GeometryValue::MultiPolygon { coordinates }, .. }) =
            &feature.geometry
        else {
            panic!("{island}: not a MultiPolygon");
        };
        let outline = outlines.island(island);
        assert_eq!(coordinates.len(), outline.polygons.len());
        for (rings, polygon) in coordinates.iter().zip(&outline.polygons) {
            let points: Vec<(f64, f64)> =
                rings[0].iter().map(|p| (p.as_slice()[0], p.as_slice()[1])).collect();
            let want: Vec<(f64, f64)> = polygon.exterior.iter().map(|p| (p.lon, p.lat)).collect();
            assert_eq!(points, want);
        }
        let profile = data.island(island);
        assert_eq!(feature.property("name_ja").and_then(|v| v.as_str()), Some(profile.ja.kanji.as_str()));
        assert_eq!(feature.property("name_ru").and_then(|v| v.as_str()), Some(profile.ru.cyrillic.as_str()));
        let allocations = feature.property("allocations").and_then(|v| v.as_object()).expect("allocations");
        for f in data.formulas() {
            let key = f.id.to_string();
            // The flat property, from the formula's own queries.
            let want = if f.partially_transferred().contains(island) {
                "split"
            } else if f.jointly_held().contains(island) {
                "joint"
            } else if f.islands_transferred().contains(island) {
                "japan"
            } else if f.undecided_islands().contains(island) {
                "undecided"
            } else {
                "russia"
            };
            assert_eq!(feature.property(&key).and_then(|v| v.as_str()), Some(want), "{key} {island}");
            // The detailed allocation deserialises back to the same value.
            let back: IslandAllocation =
                serde_json::from_value(allocations[&key].clone()).expect("an allocation");
            assert_eq!(back, IslandAllocation::of(data, f, island));
            if want == "split" {
                assert_eq!(back.parts[0].holder, IslandHolder::Japan);
            }
        }
    }
    let context = fc.features.iter().find(|f| f.property("context") == Some(&serde_json::Value::Bool(true)));
    assert_eq!(context.and_then(|f| f.property("id")).and_then(|v| v.as_str()), Some("hokkaido-east"));
}

#[test]
fn the_json_export_holds_every_table() {
    let data = Dataset::builtin();
    let value: serde_json::Value =
        serde_json::from_str(&export::to_json(data).expect("serialises")).expect("valid JSON");
    let count = |k: &str| value[k].as_array().map_or(0, Vec::len);
    assert_eq!(count("sources"), data.sources().len());
    assert_eq!(count("islands"), 4);
    assert_eq!(count("formulas"), data.formulas().len());
    assert_eq!(count("positions"), data.positions().len());
    assert_eq!(count("events"), data.events().len());
    assert_eq!(count("agreements"), data.agreements().count());
    let ids: Vec<&str> =
        value["positions"].as_array().into_iter().flatten().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids, data.positions().map(|p| p.id.as_str()).collect::<Vec<_>>());
}

#[test]
fn write_all_writes_every_file_and_reports_an_unwritable_directory() {
    let data = Dataset::builtin();
    let dir = tempfile::tempdir().expect("a temp dir");
    let written = export::write_all(data, Outlines::builtin(), dir.path()).expect("written");
    assert_eq!(written.len(), 2 + CsvTable::ALL.len());
    for path in &written {
        assert!(std::fs::metadata(path).expect("exists").len() > 50, "{}", path.display());
    }
    let on_disk = std::fs::read_to_string(dir.path().join("csv/formula-transfers.csv")).expect("readable");
    let mut in_memory = Vec::new();
    export::write_csv(data, CsvTable::FormulaTransfers, &mut in_memory).expect("written");
    assert_eq!(on_disk.as_bytes(), in_memory.as_slice());
    // A file where the directory should be.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, "x").expect("writable");
    let err = export::write_all(data, Outlines::builtin(), &blocked)
        .expect_err("cannot create a directory in a file");
    assert!(matches!(err, export::ExportError::Io { .. }), "{err}");
    assert!(err.to_string().contains("blocked"), "{err}");
}

#[test]
fn the_json_export_loads_back_into_an_equal_dataset() {
    let data = Dataset::builtin();
    let json = export::to_json(data).expect("serialises");
    assert_eq!(&Dataset::from_json(&json).expect("loads"), data);
    // And the file write_all writes.
    let dir = tempfile::tempdir().expect("a temp dir");
    export::write_all(data, Outlines::builtin(), dir.path()).expect("written");
    let on_disk = std::fs::read_to_string(dir.path().join("dataset.json")).expect("readable");
    assert_eq!(&Dataset::from_json(&on_disk).expect("loads"), data);
    // A dataset extended from documents round-trips too, its extracted marks included.
    #[cfg(feature = "extract")]
    {
        let extractor = kuril_dispute::extract::Extractor::new(data).expect("names compile");
        let doc =
            kuril_dispute::extract::Document::new("x.txt", "Japan demands the return of all four islands.")
                .expect("text")
                .with_published("2017-03-02".parse().expect("date"));
        let extended = extractor.extend_dataset(&[doc]).expect("extends").dataset;
        let json = export::to_json(&extended).expect("serialises");
        assert_eq!(Dataset::from_json(&json).expect("loads"), extended);
    }
}

/// Positions whose `transfer_at_most` cell says "no island" (a given, empty constraint).
fn positions_with_no_islands(data: &Dataset) -> usize {
    let (_, positions) = table(data, CsvTable::Positions);
    positions.iter().filter(|row| row["transfer_at_most"] == kuril_dispute::export::NO_ISLANDS).count()
}

/// Records read from documents say so in the CSV tables, and each citation names the
/// document its span points into.
#[test]
#[cfg(feature = "extract")]
fn csv_tables_carry_the_extracted_mark_and_each_citations_document() {
    let data = Dataset::builtin();
    let extractor = kuril_dispute::extract::Extractor::new(data).expect("names compile");
    let doc = kuril_dispute::extract::Document::new(
        "wire-9.txt",
        "Igor Belsky, a Russian analyst, said Japan demands the return of all four islands.",
    )
    .expect("text")
    .with_published("2017-03-02".parse().expect("date"));
    let extended = extractor.extend_dataset(&[doc]).expect("extends").dataset;
    let marks = |t: CsvTable| -> Vec<(String, String)> {
        table(&extended, t).1.iter().map(|r| (r["id"].clone(), r["extracted"].clone())).collect()
    };
    let people = marks(CsvTable::People);
    assert_eq!(people.len(), extended.people().count());
    for (id, mark) in &people {
        let p = extended.person(id).expect("a person");
        assert_eq!(mark, &p.extracted.to_string(), "{id}");
    }
    assert!(people.iter().any(|(_, m)| m == "true"), "{people:?}");
    assert!(people.iter().any(|(_, m)| m == "false"));
    let positions = marks(CsvTable::Positions);
    let extracted: Vec<&String> = positions.iter().filter(|(_, m)| m == "true").map(|(id, _)| id).collect();
    let want: Vec<String> = extended.positions().filter(|p| p.extracted).map(|p| p.id.to_string()).collect();
    assert_eq!(extracted.len(), want.len());
    assert!(!want.is_empty() && want.iter().all(|id| extracted.contains(&id)));
    let events: HashMap<String, bool> = extended.events().map(|e| (e.id.to_string(), e.extracted)).collect();
    let event_marks = marks(CsvTable::Events);
    assert_eq!(event_marks.len(), events.len());
    assert!(event_marks.iter().all(|(id, m)| m == &events[id].to_string()));

    let (_, cites) = table(&extended, CsvTable::Citations);
    let from_doc: Vec<_> = cites.iter().filter(|r| r["source"] == "doc-wire-9-txt").collect();
    assert!(from_doc.len() >= 2, "{from_doc:?}");
    assert!(from_doc.iter().all(|r| r["document"] == "wire-9.txt" && !r["span_start"].is_empty()));
    // A curated source without a document leaves the cell empty.
    assert!(cites.iter().any(|r| r["document"].is_empty()));
}
