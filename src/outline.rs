//! Island outlines: the coastlines the maps draw, read from GeoJSON.
//!
//! The built-in outlines are `data/southern-kurils.geojson`, derived from Natural Earth
//! 1:10m land (public domain) and compiled into the crate: one `MultiPolygon` feature
//! per island (ids `iturup`, `kunashir`, `shikotan`, `habomai`) and Hokkaido as
//! context (`hokkaido-east`). The file is parsed with the `geojson` crate.

use std::str::FromStr;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::island::Island;

/// The GeoJSON text of the built-in outlines (`data/southern-kurils.geojson`).
pub const BUILTIN_GEOJSON: &str = include_str!("../data/southern-kurils.geojson");

/// A point in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LonLat {
    /// Longitude, degrees east.
    pub lon: f64,
    /// Latitude, degrees north.
    pub lat: f64,
}

/// A polygon: an exterior ring and any holes, each a closed list of points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Polygon {
    /// The exterior ring (first point repeated at the end).
    pub exterior: Vec<LonLat>,
    /// Holes, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holes: Vec<Vec<LonLat>>,
}

/// One outline feature: an island, or a context shape (Hokkaido).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Outline {
    /// The feature's `id` property (`"kunashir"`, `"hokkaido-east"`).
    pub id: String,
    /// The island, if the feature is one of the four.
    pub island: Option<Island>,
    /// The English name (`name_en`), or the id if the feature has none.
    pub name: String,
    /// The Japanese name (`name_ja`), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ja: Option<String>,
    /// The Russian name (`name_ru`), if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ru: Option<String>,
    /// The polygons, largest first as in the file.
    pub polygons: Vec<Polygon>,
}

/// Why a GeoJSON text could not be read as outlines.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OutlineError {
    /// The text is not a GeoJSON feature collection.
    #[error("outlines: not a GeoJSON feature collection: {0}")]
    Syntax(String),
    /// A feature has no `id` property (string).
    #[error("outlines: feature {index} has no string `id` property")]
    MissingId {
        /// The feature's position in the collection, from 0.
        index: usize,
    },
    /// A feature's geometry is missing or is not a Polygon or MultiPolygon.
    #[error("outlines: feature `{id}` has no Polygon or MultiPolygon geometry (found {found})")]
    NotAnArea {
        /// The feature's id.
        id: String,
        /// The geometry type found.
        found: String,
    },
    /// A ring has fewer than four points or a point without two finite coordinates.
    #[error("outlines: feature `{id}` has a malformed ring (fewer than 4 points, or a bad coordinate)")]
    BadRing {
        /// The feature's id.
        id: String,
    },
    /// An island id appears in more than one feature.
    #[error("outlines: island `{0}` has more than one feature")]
    DuplicateIsland(Island),
    /// One of the four islands has no feature.
    #[error("outlines: island `{0}` has no feature")]
    MissingIsland(Island),
}

/// The outlines of the four islands and any context shapes, as read from GeoJSON.
///
/// ```
/// use kuril_dispute::{Island, Outlines};
///
/// let outlines = Outlines::builtin();
/// let kunashir = outlines.island(Island::Kunashir);
/// assert_eq!(kunashir.name, "Kunashir");
/// assert!(kunashir.polygons[0].exterior.len() > 100);
/// assert!(outlines.context().any(|o| o.id == "hokkaido-east"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outlines {
    /// The four islands, in [`Island`] order.
    islands: Vec<Outline>,
    /// Everything else, in file order.
    context: Vec<Outline>,
}

static BUILTIN: LazyLock<Outlines> = LazyLock::new(|| match Outlines::from_geojson(BUILTIN_GEOJSON) {
    Ok(o) => o,
    // The built-in file is checked by the test suite; reaching this is a bug in the
    // crate's own data, never a problem with user input.
    #[allow(clippy::panic)]
    Err(e) => panic!("the built-in outlines are invalid: {e}"),
});

impl Outlines {
    /// The built-in outlines (Natural Earth 1:10m, public domain), parsed once.
    ///
    /// # Panics
    ///
    /// Never in a released crate: the built-in file is checked by the crate's tests.
    pub fn builtin() -> &'static Outlines {
        &BUILTIN
    }

    /// Reads outlines from a GeoJSON `FeatureCollection` whose features have an `id`
    /// property; the features with the ids `iturup`, `kunashir`, `shikotan` and
    /// `habomai` are the islands, any other feature is context.
    ///
    /// # Errors
    ///
    /// An [`OutlineError`] naming the feature: malformed GeoJSON, a feature without an
    /// id or without an area geometry, a malformed ring, an island missing or repeated.
    pub fn from_geojson(text: &str) -> Result<Outlines, OutlineError> {
        let collection =
            geojson::FeatureCollection::from_str(text).map_err(|e| OutlineError::Syntax(e.to_string()))?;
        let mut islands: Vec<Option<Outline>> = vec![None, None, None, None];
        let mut context = Vec::new();
        for (index, feature) in collection.features.iter().enumerate() {
            let text_property = |key: &str| feature.property(key).and_then(|v| v.as_str()).map(str::to_owned);
            let id = text_property("id").ok_or(OutlineError::MissingId { index })?;
            let polygons = polygons_of(&id, feature.geometry.as_ref())?;
            let island = id.parse::<Island>().ok();
            let outline = Outline {
                name: text_property("name_en").unwrap_or_else(|| id.clone()),
                name_ja: text_property("name_ja"),
                name_ru: text_property("name_ru"),
                island,
                id,
                polygons,
            };
            match island {
                Some(i) => {
                    let slot = islands.get_mut(i as usize).ok_or(OutlineError::MissingIsland(i))?;
                    if slot.is_some() {
                        return Err(OutlineError::DuplicateIsland(i));
                    }
                    *slot = Some(outline);
                }
                None => context.push(outline),
            }
        }
        let islands = islands
            .into_iter()
            .zip(Island::ALL.iter())
            .map(|(o, &i)| o.ok_or(OutlineError::MissingIsland(i)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Outlines { islands, context })
    }

    /// The outline of one island.
    pub fn island(&self, island: Island) -> &Outline {
        // `from_geojson` fills exactly one outline per island, in enum order.
        #[allow(clippy::indexing_slicing)]
        &self.islands[island as usize]
    }

    /// The four island outlines, in [`Island`] order.
    pub fn islands(&self) -> impl ExactSizeIterator<Item = &Outline> {
        self.islands.iter()
    }

    /// The context outlines (Hokkaido in the built-in data), in file order.
    pub fn context(&self) -> impl ExactSizeIterator<Item = &Outline> {
        self.context.iter()
    }
}

fn polygons_of(id: &str, geometry: Option<&geojson::Geometry>) -> Result<Vec<Polygon>, OutlineError> {
    use geojson::GeometryValue as G;
    let not_an_area = |found: &str| OutlineError::NotAnArea { id: id.to_owned(), found: found.to_owned() };
    let value = &geometry.ok_or_else(|| not_an_area("no geometry"))?.value;
    let rings_list: Vec<&geojson::PolygonType> = match value {
        G::Polygon { coordinates } => vec![coordinates],
        G::MultiPolygon { coordinates } => coordinates.iter().collect(),
        other => return Err(not_an_area(other.type_name())),
    };
    rings_list
        .into_iter()
        .map(|rings| {
            let mut rings = rings.iter().map(|r| ring_of(id, r));
            let exterior = rings.next().ok_or_else(|| OutlineError::BadRing { id: id.to_owned() })??;
            let holes = rings.collect::<Result<Vec<_>, _>>()?;
            Ok(Polygon { exterior, holes })
        })
        .collect()
}

fn ring_of(id: &str, ring: &[geojson::Position]) -> Result<Vec<LonLat>, OutlineError> {
    let bad = || OutlineError::BadRing { id: id.to_owned() };
    if ring.len() < 4 {
        return Err(bad());
    }
    ring.iter()
        .map(|p| match p.as_slice() {
            [lon, lat, ..] if lon.is_finite() && lat.is_finite() => Ok(LonLat { lon: *lon, lat: *lat }),
            _ => Err(bad()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collection_without_an_island_is_refused() {
        let text = r#"{"type":"FeatureCollection","features":[]}"#;
        assert_eq!(Outlines::from_geojson(text), Err(OutlineError::MissingIsland(Island::Iturup)));
        assert!(matches!(Outlines::from_geojson("{"), Err(OutlineError::Syntax(_))));
    }
}
