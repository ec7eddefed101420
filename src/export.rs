//! Exports: the whole dataset as JSON, as CSV tables, and the islands as GeoJSON with
//! each formula's allocation.
//!
//! - **JSON** ([`to_json`], [`write_json`]): the [`Dataset`] as serde serialises it, ids
//!   in the kebab-case of the annotation schema.
//! - **CSV** ([`write_csv`], one file per [`CsvTable`]): one row per record, with nested
//!   lists flattened into tables of their own (a formula's transfers, an agreement's
//!   provisions, readings, people's roles, area measurements) and every citation in the
//!   `citations` table, keyed by table and record. A cell holding a list joins its items
//!   with [`LIST_SEPARATOR`]; empty cells are absent values. A position's
//!   `transfer_at_least` / `transfer_at_most` cell is [`NO_ISLANDS`] when the constraint is
//!   given and names no island ("transfer nothing"), so it differs from an absent one.
//! - **GeoJSON** ([`islands_geojson`]): a feature per island (and the context outlines)
//!   with names, the reference area and, for every formula, what it gives the island:
//!   a flat property named by the formula id (`"two-islands-1956": "japan"`) for GIS
//!   styling and the full [`IslandAllocation`] under `allocations`.
//!
//! [`write_all`] writes everything into a directory.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

/// The `geojson` crate's types of [`islands_geojson`]'s result, re-exported so that a user
/// needs no dependency of their own to read it.
pub use geojson::{self, FeatureCollection};

use crate::allocation::IslandAllocation;
use crate::dataset::Dataset;
use crate::island::IslandSet;
use crate::outline::{LonLat, Outline, Outlines};
use crate::source::Citation;

/// What joins the items of a list in a CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// The CSV cell of an island-set constraint that is given but empty (a position that
/// would transfer no island), distinct from the empty cell of an absent constraint.
pub const NO_ISLANDS: &str = "none";

/// Why an export failed.
///
/// Unlike the model's types this error is neither `Clone` nor `PartialEq`: it carries the
/// underlying I/O, JSON or CSV error as its source (the JSON and CSV writers' errors boxed:
/// their types are not part of this crate's API).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// A file or directory could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The JSON writer failed (in practice: the output failed).
    #[error("JSON export: {0}")]
    Json(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The CSV writer failed for a table.
    #[error("CSV export of table `{table}`: {source}")]
    Csv {
        /// The table.
        table: CsvTable,
        /// The CSV writer's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

// ---------------------------------------------------------------------- JSON

/// The whole dataset as pretty-printed JSON.
///
/// ```
/// let json = kuril_dispute::export::to_json(kuril_dispute::Dataset::builtin())?;
/// let value: serde_json::Value = serde_json::from_str(&json)?;
/// assert_eq!(value["formulas"][0]["id"], "four-islands");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ExportError::Json`] if serialisation fails (it does not for a valid dataset).
pub fn to_json(data: &Dataset) -> Result<String, ExportError> {
    serde_json::to_string_pretty(data).map_err(json)
}

/// Writes the whole dataset as pretty-printed JSON.
///
/// # Errors
///
/// [`ExportError::Json`] if writing fails.
pub fn write_json(data: &Dataset, out: impl Write) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(out, data).map_err(json)
}

/// The JSON writer's error, boxed.
fn json(e: serde_json::Error) -> ExportError {
    ExportError::Json(Box::new(e))
}

// ---------------------------------------------------------------------- CSV

/// The CSV tables: the dataset's tables, and the lists nested in them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    strum::Display,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[cfg_attr(test, derive(strum::EnumIter))]
#[non_exhaustive]
pub enum CsvTable {
    /// The source catalogue.
    Sources,
    /// The islands: names, reference area, centroid.
    Islands,
    /// Every area measurement of every island.
    IslandAreas,
    /// Collective names.
    Names,
    /// Parties.
    Parties,
    /// People.
    People,
    /// People's roles.
    PersonRoles,
    /// Agreements.
    Agreements,
    /// Agreements' provisions.
    AgreementProvisions,
    /// Each party's reading of a provision.
    ProvisionReadings,
    /// Formulas.
    Formulas,
    /// Every transfer of every stage of every formula.
    FormulaTransfers,
    /// Positions.
    Positions,
    /// Events.
    Events,
    /// Administration periods: who governed which islands, from when to when.
    Administration,
    /// Sovereignty claims: who claimed which islands, from when, on what.
    Claims,
    /// Every citation of every record.
    Citations,
}

impl CsvTable {
    /// Every value, in the order of declaration (17).
    pub const ALL: [CsvTable; 17] = [
        CsvTable::Sources,
        CsvTable::Islands,
        CsvTable::IslandAreas,
        CsvTable::Names,
        CsvTable::Parties,
        CsvTable::People,
        CsvTable::PersonRoles,
        CsvTable::Agreements,
        CsvTable::AgreementProvisions,
        CsvTable::ProvisionReadings,
        CsvTable::Formulas,
        CsvTable::FormulaTransfers,
        CsvTable::Positions,
        CsvTable::Events,
        CsvTable::Administration,
        CsvTable::Claims,
        CsvTable::Citations,
    ];
}

impl CsvTable {
    /// The file name: `formula-transfers.csv`.
    pub fn file_name(self) -> String {
        format!("{self}.csv")
    }
}

fn list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(LIST_SEPARATOR)
}

fn islands(set: IslandSet) -> String {
    list(set.iter())
}

/// An optional island-set constraint: absent → empty cell, empty set → [`NO_ISLANDS`].
fn opt_islands(set: Option<IslandSet>) -> String {
    match set {
        Some(s) if s.is_empty() => NO_ISLANDS.to_owned(),
        other => opt(other.map(islands)),
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Writes one CSV table, with a header row.
///
/// ```
/// use kuril_dispute::Dataset;
/// use kuril_dispute::export::{CsvTable, write_csv};
///
/// let mut out = Vec::new();
/// write_csv(Dataset::builtin(), CsvTable::FormulaTransfers, &mut out)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.starts_with("formula,stage,island,to,right,share\n"));
/// assert!(text.contains("two-islands-1956,1,shikotan,japan,both,1\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ExportError::Csv`] naming the table if writing fails.
pub fn write_csv(data: &Dataset, table: CsvTable, out: impl Write) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    let err = |source: csv::Error| ExportError::Csv { table, source: Box::new(source) };
    match table {
        CsvTable::Sources => rows(
            &mut w,
            header(&[
                "id", "title", "outlet", "author", "date", "url", "kind", "language", "document", "note",
                "weak",
            ]),
            data.sources().map(|s| {
                vec![
                    s.id.to_string(),
                    s.title.clone(),
                    s.outlet.clone(),
                    opt(s.author.as_ref()),
                    opt(s.date),
                    opt(s.url.as_ref()),
                    s.kind.to_string(),
                    opt(s.language.as_ref()),
                    opt(s.document.as_ref()),
                    opt(s.note.as_ref()),
                    s.weak.to_string(),
                ]
            }),
        ),
        CsvTable::Islands => rows(
            &mut w,
            header(&[
                "id",
                "name",
                "ja_kanji",
                "ja_romaji",
                "ru_cyrillic",
                "ru_latin",
                "aliases",
                "area_km2",
                "centroid_lat",
                "centroid_lon",
            ]),
            data.islands().map(|i| {
                vec![
                    i.id.to_string(),
                    i.name.clone(),
                    i.ja.kanji.clone(),
                    i.ja.romaji.clone(),
                    i.ru.cyrillic.clone(),
                    i.ru.latin.clone(),
                    list(&i.aliases),
                    i.area_km2().to_string(),
                    i.centroid.lat.to_string(),
                    i.centroid.lon.to_string(),
                ]
            }),
        ),
        CsvTable::IslandAreas => rows(
            &mut w,
            header(&["island", "n", "km2", "basis"]),
            data.islands().flat_map(|i| {
                i.area.iter().enumerate().map(|(n, a)| {
                    vec![i.id.to_string(), (n + 1).to_string(), a.km2.to_string(), a.basis.clone()]
                })
            }),
        ),
        CsvTable::Names => rows(
            &mut w,
            header(&["id", "forms", "used_by", "islands", "ambiguous", "note"]),
            data.collective_names().map(|n| {
                vec![
                    n.id.to_string(),
                    list(&n.forms),
                    list(&n.used_by),
                    islands(n.islands),
                    n.ambiguous.to_string(),
                    opt(n.note.as_ref()),
                ]
            }),
        ),
        CsvTable::Parties => rows(
            &mut w,
            header(&[
                "id",
                "name",
                "official_name",
                "aliases",
                "metonyms",
                "adjectives",
                "predecessor",
                "from",
                "to",
                "note",
            ]),
            data.parties().map(|p| {
                vec![
                    p.id.to_string(),
                    p.name.clone(),
                    opt(p.official_name.as_ref()),
                    list(&p.aliases),
                    list(&p.metonyms),
                    list(&p.adjectives),
                    opt(p.predecessor.as_ref()),
                    opt(p.from),
                    opt(p.to),
                    opt(p.note.as_ref()),
                ]
            }),
        ),
        CsvTable::People => rows(
            &mut w,
            header(&["id", "name", "native", "aliases", "party", "extracted"]),
            data.people().map(|p| {
                vec![
                    p.id.to_string(),
                    p.name.clone(),
                    opt(p.native.as_ref()),
                    list(&p.aliases),
                    opt(p.party.as_ref()),
                    p.extracted.to_string(),
                ]
            }),
        ),
        CsvTable::PersonRoles => rows(
            &mut w,
            header(&["person", "n", "title", "from", "to"]),
            data.people().flat_map(|p| {
                p.roles.iter().enumerate().map(|(n, r)| {
                    vec![p.id.to_string(), (n + 1).to_string(), r.title.clone(), opt(r.from), opt(r.to)]
                })
            }),
        ),
        CsvTable::Agreements => rows(
            &mut w,
            header(&[
                "id", "name", "aliases", "kind", "parties", "signed", "place", "ratified", "status",
                "islands", "summary", "note",
            ]),
            data.agreements().map(|a| {
                vec![
                    a.id.to_string(),
                    a.name.clone(),
                    list(&a.aliases),
                    a.kind.to_string(),
                    list(&a.parties),
                    a.signed.to_string(),
                    opt(a.place.as_ref()),
                    opt(a.ratified),
                    a.status.to_string(),
                    islands(a.islands()),
                    a.summary.clone(),
                    opt(a.note.as_ref()),
                ]
            }),
        ),
        CsvTable::AgreementProvisions => rows(
            &mut w,
            header(&["agreement", "n", "locator", "effect", "islands", "beneficiary", "formula", "summary"]),
            data.agreements().flat_map(|a| {
                a.provisions.iter().enumerate().map(|(n, p)| {
                    vec![
                        a.id.to_string(),
                        (n + 1).to_string(),
                        opt(p.locator.as_ref()),
                        p.effect.to_string(),
                        islands(p.islands),
                        opt(p.beneficiary.as_ref()),
                        opt(p.formula),
                        p.summary.clone(),
                    ]
                })
            }),
        ),
        CsvTable::ProvisionReadings => rows(
            &mut w,
            header(&["agreement", "provision", "party", "islands", "summary"]),
            data.agreements().flat_map(|a| {
                a.provisions.iter().enumerate().flat_map(move |(n, p)| {
                    p.readings.iter().map(move |r| {
                        vec![
                            a.id.to_string(),
                            (n + 1).to_string(),
                            r.party.to_string(),
                            islands(r.islands),
                            r.summary.clone(),
                        ]
                    })
                })
            }),
        ),
        CsvTable::Formulas => rows(
            &mut w,
            header(&[
                "id",
                "name",
                "aliases",
                "summary",
                "sequencing",
                "joint_activity",
                "stages",
                "undecided",
                "origin_party",
                "origin_person",
                "origin_date",
                "transfers_to_japan",
                "area_to_japan_km2",
            ]),
            data.formulas().map(|f| {
                vec![
                    f.id.to_string(),
                    f.name.clone(),
                    list(&f.aliases),
                    f.summary.clone(),
                    f.order.to_string(),
                    islands(f.joint_activity),
                    f.stages.len().to_string(),
                    islands(f.undecided_islands()),
                    opt(f.origin.as_ref().map(|o| &o.party)),
                    opt(f.origin.as_ref().and_then(|o| o.person.as_ref())),
                    opt(f.origin.as_ref().map(|o| o.date)),
                    islands(f.islands_transferred()),
                    format!("{:.1}", data.area_transferred(f)),
                ]
            }),
        ),
        CsvTable::FormulaTransfers => rows(
            &mut w,
            header(&["formula", "stage", "island", "to", "right", "share"]),
            data.formulas().flat_map(|f| {
                f.stages.iter().enumerate().flat_map(move |(n, s)| {
                    s.transfers.iter().map(move |t| {
                        vec![
                            f.id.to_string(),
                            (n + 1).to_string(),
                            t.island.to_string(),
                            list(t.to.parties()),
                            t.right.to_string(),
                            t.share_or_whole().fraction().to_string(),
                        ]
                    })
                })
            }),
        ),
        CsvTable::Positions => rows(
            &mut w,
            header(&[
                "id",
                "holder",
                "formula",
                "transfer_at_least",
                "transfer_at_most",
                "sequencing",
                "conditions",
                "stated",
                "speaker",
                "office",
                "summary",
                "extracted",
            ]),
            data.positions().map(|p| {
                vec![
                    p.id.to_string(),
                    p.holder.to_string(),
                    opt(p.formula),
                    opt_islands(p.transfer_at_least),
                    opt_islands(p.transfer_at_most),
                    opt(p.order),
                    list(&p.conditions),
                    p.stated.to_string(),
                    opt(p.speaker.as_ref()),
                    opt(p.office.as_ref()),
                    p.summary.clone(),
                    p.extracted.to_string(),
                ]
            }),
        ),
        CsvTable::Events => rows(
            &mut w,
            header(&[
                "id",
                "date",
                "kind",
                "actors",
                "people",
                "islands",
                "agreement",
                "formula",
                "place",
                "summary",
                "extracted",
            ]),
            data.events().map(|e| {
                vec![
                    e.id.to_string(),
                    e.date.to_string(),
                    e.kind.to_string(),
                    list(&e.actors),
                    list(&e.people),
                    islands(e.islands),
                    opt(e.agreement),
                    opt(e.formula),
                    opt(e.place.as_ref()),
                    e.summary.clone(),
                    e.extracted.to_string(),
                ]
            }),
        ),
        CsvTable::Administration => rows(
            &mut w,
            header(&["id", "administrator", "kind", "islands", "from", "to", "summary", "note"]),
            data.administration().map(|p| {
                vec![
                    p.id.to_string(),
                    p.administrator.to_string(),
                    p.kind.to_string(),
                    islands(p.islands),
                    p.from.to_string(),
                    opt(p.to),
                    p.summary.clone(),
                    opt(p.note.as_ref()),
                ]
            }),
        ),
        CsvTable::Claims => rows(
            &mut w,
            header(&["id", "claimant", "islands", "from", "to", "instruments", "rests_on", "note"]),
            data.claims().map(|c| {
                vec![
                    c.id.to_string(),
                    c.claimant.to_string(),
                    islands(c.islands),
                    c.from.to_string(),
                    opt(c.to),
                    list(&c.instruments),
                    c.rests_on.clone(),
                    opt(c.note.as_ref()),
                ]
            }),
        ),
        CsvTable::Citations => rows(
            &mut w,
            header(&["table", "record", "source", "document", "locator", "quote", "span_start", "span_end"]),
            citations(data).into_iter().map(|(table, record, c)| {
                vec![
                    table.to_string(),
                    record,
                    c.source.to_string(),
                    // The document the span points into (a source read by the extractor,
                    // a corpus document), so a citation can be checked without a join.
                    opt(data.source(&c.source).ok().and_then(|s| s.document.as_ref())),
                    opt(c.locator.as_ref()),
                    opt(c.quote.as_ref()),
                    opt(c.span.map(|s| s.start)),
                    opt(c.span.map(|s| s.end)),
                ]
            }),
        ),
    }
    .map_err(err)?;
    w.flush().map_err(|e| err(e.into()))
}

fn header(names: &[&'static str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

fn rows<W: Write>(
    w: &mut csv::Writer<W>,
    header: Vec<String>,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<(), csv::Error> {
    w.write_record(&header)?;
    for row in rows {
        w.write_record(&row)?;
    }
    Ok(())
}

/// Every citation with the table and record it belongs to. Nested records are named
/// `parent#n` (`joint-declaration-1956#2` is the second provision).
fn citations(data: &Dataset) -> Vec<(CsvTable, String, &Citation)> {
    let mut out: Vec<(CsvTable, String, &Citation)> = Vec::new();
    for i in data.islands() {
        out.extend(i.cite.iter().map(|c| (CsvTable::Islands, i.id.to_string(), c)));
        for (n, a) in i.area.iter().enumerate() {
            out.extend(a.cite.iter().map(|c| (CsvTable::IslandAreas, format!("{}#{}", i.id, n + 1), c)));
        }
    }
    for n in data.collective_names() {
        out.extend(n.cite.iter().map(|c| (CsvTable::Names, n.id.to_string(), c)));
    }
    for p in data.parties() {
        out.extend(p.cite.iter().map(|c| (CsvTable::Parties, p.id.to_string(), c)));
    }
    for p in data.people() {
        out.extend(p.cite.iter().map(|c| (CsvTable::People, p.id.to_string(), c)));
        for (n, r) in p.roles.iter().enumerate() {
            out.extend(r.cite.iter().map(|c| (CsvTable::PersonRoles, format!("{}#{}", p.id, n + 1), c)));
        }
    }
    for a in data.agreements() {
        out.extend(a.cite.iter().map(|c| (CsvTable::Agreements, a.id.to_string(), c)));
        for (n, p) in a.provisions.iter().enumerate() {
            out.extend(
                p.cite.iter().map(|c| (CsvTable::AgreementProvisions, format!("{}#{}", a.id, n + 1), c)),
            );
            for r in &p.readings {
                let record = format!("{}#{}#{}", a.id, n + 1, r.party);
                out.extend(r.cite.iter().map(|c| (CsvTable::ProvisionReadings, record.clone(), c)));
            }
        }
    }
    for f in data.formulas() {
        out.extend(f.cite.iter().map(|c| (CsvTable::Formulas, f.id.to_string(), c)));
        if let Some(o) = &f.origin {
            out.extend(o.cite.iter().map(|c| (CsvTable::Formulas, format!("{}#origin", f.id), c)));
        }
    }
    for p in data.positions() {
        out.extend(p.cite.iter().map(|c| (CsvTable::Positions, p.id.to_string(), c)));
    }
    for e in data.events() {
        out.extend(e.cite.iter().map(|c| (CsvTable::Events, e.id.to_string(), c)));
    }
    for p in data.administration() {
        out.extend(p.cite.iter().map(|c| (CsvTable::Administration, p.id.to_string(), c)));
    }
    for claim in data.claims() {
        out.extend(claim.cite.iter().map(|c| (CsvTable::Claims, claim.id.to_string(), c)));
    }
    out
}

// ---------------------------------------------------------------------- GeoJSON

/// The islands (and the context outlines) as a GeoJSON feature collection, with names,
/// reference areas, who administers each island at the end of the record and who claims
/// it, and every formula's allocation as properties.
///
/// Per island: `administrator` (the party id of the period still running, if any) with
/// the full period under `administration` (dates, kind, summary, citations); `claimants`
/// (the party ids of the claims still standing, in order of date) with the full claims
/// under `claims` (each with what it rests on, as its claimant states it, and its
/// citations). Both sides' claims are listed; neither is marked as the right one.
///
/// ```
/// use kuril_dispute::{Dataset, Outlines};
/// use kuril_dispute::export::islands_geojson;
///
/// let fc = islands_geojson(Dataset::builtin(), Outlines::builtin());
/// let kunashir = fc.features.iter().find(|f| f.property("id").and_then(|v| v.as_str()) == Some("kunashir")).unwrap();
/// assert_eq!(kunashir.property("administrator").and_then(|v| v.as_str()), Some("russia"));
/// let claimants = kunashir.property("claimants").and_then(|v| v.as_array()).unwrap();
/// assert_eq!(claimants, &["japan", "russia"]);
/// ```
///
/// ```
/// use kuril_dispute::{Dataset, Outlines};
/// use kuril_dispute::export::islands_geojson;
///
/// let fc = islands_geojson(Dataset::builtin(), Outlines::builtin());
/// let shikotan = fc.features.iter().find(|f| f.property("id").and_then(|v| v.as_str()) == Some("shikotan")).unwrap();
/// assert_eq!(shikotan.property("two-islands-1956").and_then(|v| v.as_str()), Some("japan"));
/// assert_eq!(shikotan.property("status-quo").and_then(|v| v.as_str()), Some("russia"));
/// ```
pub fn islands_geojson(data: &Dataset, outlines: &Outlines) -> FeatureCollection {
    let mut features = Vec::new();
    for outline in outlines.islands() {
        let mut feature = feature_of(outline);
        if let Some(island) = outline.island {
            let profile = data.island(island);
            feature.set_property("name_en", profile.name.clone());
            feature.set_property("name_ja", profile.ja.kanji.clone());
            feature.set_property("name_ja_romaji", profile.ja.romaji.clone());
            feature.set_property("name_ru", profile.ru.cyrillic.clone());
            feature.set_property("name_ru_latin", profile.ru.latin.clone());
            feature.set_property("area_km2", profile.area_km2());
            let current = data.current_administration(island);
            feature.set_property(
                "administrator",
                current.map_or(serde_json::Value::Null, |p| p.administrator.as_str().into()),
            );
            feature.set_property(
                "administration",
                current.map_or(serde_json::Value::Null, |p| {
                    serde_json::to_value(p).unwrap_or(serde_json::Value::Null)
                }),
            );
            let claims = data.current_claims(island);
            feature.set_property(
                "claimants",
                claims.iter().map(|c| serde_json::Value::from(c.claimant.as_str())).collect::<Vec<_>>(),
            );
            feature.set_property("claims", serde_json::to_value(&claims).unwrap_or(serde_json::Value::Null));
            let mut allocations = serde_json::Map::new();
            for f in data.formulas() {
                let a = IslandAllocation::of(data, f, island);
                feature.set_property(f.id.to_string(), a.keyword());
                allocations
                    .insert(f.id.to_string(), serde_json::to_value(&a).unwrap_or(serde_json::Value::Null));
            }
            feature.set_property("allocations", serde_json::Value::Object(allocations));
        }
        features.push(feature);
    }
    for outline in outlines.context() {
        let mut feature = feature_of(outline);
        feature.set_property("name_en", outline.name.clone());
        if let Some(ja) = &outline.name_ja {
            feature.set_property("name_ja", ja.clone());
        }
        if let Some(ru) = &outline.name_ru {
            feature.set_property("name_ru", ru.clone());
        }
        feature.set_property("context", true);
        features.push(feature);
    }
    let mut fc = geojson::FeatureCollection::new(features);
    let mut members = serde_json::Map::new();
    members.insert(
        "source".to_owned(),
        serde_json::Value::from(
            "Coastlines: Natural Earth 1:10m land (public domain); allocations, administration and claims: kuril-dispute",
        ),
    );
    fc.foreign_members = Some(members);
    fc
}

fn feature_of(outline: &Outline) -> geojson::Feature {
    let position = |p: &LonLat| geojson::Position::from([p.lon, p.lat]);
    let polygons: Vec<geojson::PolygonType> = outline
        .polygons
        .iter()
        .map(|p| {
            std::iter::once(&p.exterior).chain(&p.holes).map(|r| r.iter().map(position).collect()).collect()
        })
        .collect();
    let mut feature = geojson::Feature::from(geojson::Geometry::new(geojson::GeometryValue::MultiPolygon {
        coordinates: polygons,
    }));
    feature.set_property("id", outline.id.clone());
    feature
}

// ---------------------------------------------------------------------- everything

/// Writes `dataset.json`, `islands.geojson` and `csv/<table>.csv` for every table into
/// `dir` (created if missing); returns the paths written.
///
/// # Errors
///
/// The first [`ExportError`]: a directory or file that cannot be written, or a writer
/// that fails.
pub fn write_all(data: &Dataset, outlines: &Outlines, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    let create = |path: &Path| File::create(path).map(BufWriter::new).map_err(io(path));
    let mut written = Vec::new();
    let csv_dir = dir.join("csv");
    std::fs::create_dir_all(&csv_dir).map_err(io(&csv_dir))?;

    let path = dir.join("dataset.json");
    let mut out = create(&path)?;
    write_json(data, &mut out)?;
    out.flush().map_err(io(&path))?;
    written.push(path);

    let path = dir.join("islands.geojson");
    let mut out = create(&path)?;
    serde_json::to_writer_pretty(&mut out, &islands_geojson(data, outlines)).map_err(json)?;
    out.flush().map_err(io(&path))?;
    written.push(path);

    for table in CsvTable::ALL {
        let path = csv_dir.join(table.file_name());
        let out = create(&path)?;
        write_csv(data, table, out)?;
        written.push(path);
    }
    Ok(written)
}

crate::vocabulary::parse_by_id!(
    CsvTable => "CSV table",
);
