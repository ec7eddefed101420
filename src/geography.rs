//! What the dataset knows about each island, and the collective names for sets of them.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;
use crate::id::{NameId, PartyId};
use crate::island::{Island, IslandSet};
use crate::source::Citation;

/// An island's Japanese name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct JapaneseName {
    /// In kanji: `択捉島`.
    pub kanji: String,
    /// In Hepburn romaji: `Etorofu-tō`.
    pub romaji: String,
}

/// An island's Russian name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RussianName {
    /// In Cyrillic: `Итуруп`.
    pub cyrillic: String,
    /// In Latin transliteration: `Iturup`.
    pub latin: String,
}

/// The largest area a measurement may give, in km²: that of Greenland, the largest
/// island on Earth (2,166,086 km²). No island measures more, and the sums of areas the
/// queries make stay finite.
pub const MAX_ISLAND_AREA_KM2: f64 = 2_166_086.0;

/// One measurement of an island's area, as a source gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AreaMeasurement {
    /// The area in square kilometres: more than 0, at most [`MAX_ISLAND_AREA_KM2`].
    pub km2: f64,
    /// What was measured and by whom: "GSI (Reiwa 4), including islets".
    pub basis: String,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// One count of an island's population.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PopulationCount {
    /// The number of people.
    pub count: u32,
    /// When they were counted.
    pub date: PartialDate,
    /// Who was counted: "Japanese residents, 15 August 1945"; "Yuzhno-Kurilsky district".
    pub scope: String,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// An approximate centre point, in WGS84 decimal degrees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Centroid {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// The administrative unit a party assigns an island to.
///
/// Both sides assign the islands to units of their own; the dataset records each
/// assignment as that party's, without ranking them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdministrativeUnit {
    /// The party whose unit it is.
    pub party: PartyId,
    /// The unit: "Kurilsky District, Sakhalin Oblast".
    pub unit: String,
    /// Since when, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<PartialDate>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// Everything the dataset records about one island: names in three languages, areas,
/// population, location, and the administrative unit each side assigns.
///
/// ```
/// use kuril_dispute::{Dataset, Island};
///
/// let iturup = Dataset::builtin().island(Island::Iturup);
/// assert_eq!(iturup.ja.kanji, "択捉島");
/// assert_eq!(iturup.ru.cyrillic, "Итуруп");
/// assert!(iturup.area_km2() > 3000.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct IslandProfile {
    /// Which island.
    pub id: Island,
    /// The English name.
    pub name: String,
    /// The Japanese name.
    pub ja: JapaneseName,
    /// The Russian name.
    pub ru: RussianName,
    /// Other names and spellings seen in text.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Measurements of the area; the first is the reference figure used in queries.
    pub area: Vec<AreaMeasurement>,
    /// Population counts.
    #[serde(default)]
    pub population: Vec<PopulationCount>,
    /// The approximate centre.
    pub centroid: Centroid,
    /// The administrative unit each side assigns.
    #[serde(default)]
    pub administration: Vec<AdministrativeUnit>,
    /// Where the names were read.
    pub cite: Vec<Citation>,
}

impl IslandProfile {
    /// The reference area in km²: the first measurement listed (0 if there is none).
    pub fn area_km2(&self) -> f64 {
        self.area.first().map_or(0.0, |a| a.km2)
    }

    /// The most recent population count, if any. Read its `scope`: the latest count may
    /// cover more than this island (a Russian district figure takes in several islands),
    /// only part of it (one town), or something else (the built-in Habomai's latest,
    /// of 2025, counts civilians only), so latest counts of different islands must not be
    /// added; [`Dataset::census_dates`] gives the dates whose counts can be summed.
    ///
    /// [`Dataset::census_dates`]: crate::Dataset::census_dates
    pub fn latest_population(&self) -> Option<&PopulationCount> {
        self.population.iter().max_by_key(|p| p.date)
    }

    /// Every name this island goes by: English, Japanese (kanji, romaji), Russian
    /// (Cyrillic, Latin) and the aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        [self.name.as_str(), &self.ja.kanji, &self.ja.romaji, &self.ru.cyrillic, &self.ru.latin]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// A collective name and the set of islands it stands for: "Northern Territories",
/// "Southern Kurils", "Lesser Kuril Chain", "the two islands".
///
/// ```
/// use kuril_dispute::{Dataset, Island, IslandSet};
///
/// let data = Dataset::builtin();
/// let lesser = data.collective_names()
///     .find(|n| n.forms.iter().any(|f| f == "Lesser Kuril Chain"))
///     .expect("in the data");
/// assert_eq!(lesser.islands, IslandSet::from([Island::Shikotan, Island::Habomai]));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CollectiveName {
    /// The id.
    pub id: NameId,
    /// Every written form: English, Japanese, Russian.
    pub forms: Vec<String>,
    /// The parties whose usage this is (empty: common usage).
    #[serde(default)]
    pub used_by: Vec<PartyId>,
    /// The islands the name stands for.
    pub islands: IslandSet,
    /// Whether the set depends on context (see the note).
    #[serde(default)]
    pub ambiguous: bool,
    /// How the name is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where it was read.
    pub cite: Vec<Citation>,
}

/// The English name with the Japanese and Russian ones: `Iturup (Etorofu-tō 択捉島 / Итуруп)`.
///
/// ```
/// use kuril_dispute::{Dataset, Island};
///
/// let line = Dataset::builtin().island(Island::Iturup).to_string();
/// assert!(line.starts_with("Iturup (") && line.contains("択捉島") && line.contains("Итуруп"), "{line}");
/// ```
impl std::fmt::Display for IslandProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({} {} / {})", self.name, self.ja.romaji, self.ja.kanji, self.ru.cyrillic)
    }
}
