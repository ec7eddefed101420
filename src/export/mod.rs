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

/// The `geojson` crate's types of [`islands_geojson`]'s result, re-exported so that a user
/// needs no dependency of their own to read it.
pub use geojson::{self, FeatureCollection};

mod tables;

pub use tables::{CsvTable, LIST_SEPARATOR, NO_ISLANDS, write_csv};

use crate::allocation::IslandAllocation;
use crate::dataset::Dataset;
use crate::outline::{LonLat, Outline, Outlines};

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
