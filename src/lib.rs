//! A typed, sourced and queryable model of the Japan–Russia dispute over the four
//! southern Kuril islands — Iturup, Kunashir, Shikotan and the Habomai islets: the
//! "Northern Territories" (北方領土) to Japan, the "Southern Kurils" (Южные Курилы) to
//! Russia.
//!
//! ```
//! use kuril_dispute::{Dataset, FormulaId, Island, IslandSet, PartyId};
//!
//! let data = Dataset::builtin();
//!
//! // Which islands does the 1956 formula transfer, and on what condition?
//! let f = data.formula(FormulaId::TwoIslands1956);
//! assert_eq!(f.islands_transferred(), IslandSet::from([Island::Shikotan, Island::Habomai]));
//! println!("{}: {} ({:.0} km²), {:?}", f.name, f.islands_transferred(), data.area_transferred(f), f.conditions());
//!
//! // What had Japan said last by December 2013, and where was that read?
//! for p in data.latest_positions(&PartyId::JAPAN, "2013-12".parse()?)? {
//!     println!("{} {} {:?}: {}", p.stated, p.holder, p.formula, p.summary);
//!     for c in &p.cite {
//!         println!("    {c}");
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! - [`Island`] and [`IslandSet`]: the four islands and set algebra over them.
//! - [`PartialDate`]: a date known to a year, a month or a day.
//! - [`Dataset`]: every table, validated and indexed. [`Dataset::builtin`] is the curated
//!   data compiled into the crate (from `data/*.toml`); [`Dataset::from_dir`] loads your
//!   own files in the same format and reports every [`Problem`] with file, line and
//!   column. [`Dataset::to_toml_files`] and [`Dataset::write_dir`] write a dataset back
//!   out in that format, and [`Dataset::from_json`] reads what `serde_json` writes for
//!   it; both round trips give an equal dataset.
//! - The records: [`IslandProfile`] (names in English, Japanese and Russian, areas,
//!   population, centroid, administration), [`CollectiveName`](geography::CollectiveName), [`Party`], [`Person`],
//!   [`Agreement`] with its [`Provision`](agreement::Provision)s, [`Formula`] with its [`Stage`](formula::Stage)s and
//!   [`Transfer`](formula::Transfer)s, [`Position`], [`Event`], and the [`Source`] catalogue that every
//!   [`Citation`] points into.
//! - Who held what, when: [`AdministrationPeriod`]s (who governed each island, from when
//!   to when) kept apart from [`SovereigntyClaim`]s (who claimed it, on what, attributed);
//!   [`Dataset::administrator_at`] and [`Dataset::claimants_at`] answer for any date.
//! - Questions over time: [`Dataset::stance_at`] (each side's stance in force at a date),
//!   [`Timeline`] (events, agreements and positions filtered by party, island, agreement and
//!   dates), formula analysis ([`StageSummary`](analysis::StageSummary), [`FormulaDiff`](analysis::FormulaDiff)), and the [`settlement`]
//!   space: [`Dataset::settlement_space`] gives the outcomes every side's stated position
//!   accepts at a date, and for the others the positions, with citations, that reject them.
//! - Documents: [`extract`] reads news articles into typed findings with their evidence
//!   (byte spans into the text), the shared annotation schema's records, and datasets
//!   extended with what the documents say: findings written for review
//!   ([`extract::DocumentFindings`]), then merged ([`Dataset::merge_extractions`]; datasets
//!   with [`Dataset::merge`]), each finding linked, added or skipped with a reason
//!   ([`dataset::Merged`]).
//! - Pictures and files: [`map`] draws each formula as an SVG map and every formula side by
//!   side, [`timeline_chart`] draws 1855–2022 as an SVG timeline, [`export`] writes the dataset
//!   as JSON, CSV tables and GeoJSON. [`IslandAllocation`] is what a formula leaves each island
//!   with (the reading the maps and the GeoJSON share); [`Outlines`] are the coastlines.
//!
//! # Features
//!
//! The model, the data and the queries are the core: always built, with `serde`, `toml`,
//! `serde_json`, `chrono`, `enumset`, `strum`, `thiserror` and `memchr`. Three features,
//! all on by default, add the rest; `default-features = false` leaves the core alone, and
//! each feature can be turned back on by itself:
//!
//! | feature | adds | dependencies |
//! |---|---|---|
//! | `extract` | `extract` (documents → findings, records, datasets), `Dataset::merge_extractions` | `aho-corasick`, `rayon`, `rustc-hash`, `walkdir` |
//! | `export` | `export` (JSON, CSV tables, GeoJSON), `Outlines`, `LonLat` | `csv`, `geojson` |
//! | `svg` | `map` (formula maps, small multiples), `timeline_chart`, `Outlines`, `LonLat` | `geojson` |
//!
//! ```toml
//! [dependencies]
//! kuril-dispute = { version = "0.1", default-features = false }                       # the core
//! # kuril-dispute = { version = "0.1", default-features = false, features = ["svg"] } # + maps
//! ```
//!
//! # Tour: maps, timeline, exports
//!
//! A formula's map colours each island by what the formula gives it ([`IslandHolder`]): to
//! Japan, staying with Russia (the administering side), joint, left to later talks; an
//! area split divides the island. The colours are the Okabe–Ito palette, which stays
//! distinguishable under the common colour-vision deficiencies.
//!
//! ```
//! # #[cfg(feature = "svg")] {
//! use kuril_dispute::map::{self, FormulaMap};
//! use kuril_dispute::{Dataset, FormulaId, Island, IslandAllocation, IslandHolder, Outlines};
//!
//! let data = Dataset::builtin();
//! let split = data.formula(FormulaId::AreaSplit);
//! // What the 50/50 split leaves Iturup with: 21% to Japan, the rest staying.
//! let iturup = IslandAllocation::of(data, split, Island::Iturup);
//! assert!(iturup.is_split());
//! assert_eq!(iturup.parts[0].holder, IslandHolder::Japan);
//!
//! // The map: an SVG document, titled with the formula and its source.
//! let map = FormulaMap::new(data, Outlines::builtin(), FormulaId::AreaSplit);
//! let svg = map.to_svg();
//! assert!(svg.contains("Equal division of the area"));
//! assert!(svg.contains(&map::holder_colour(IslandHolder::Japan).hex()));
//! // Where a point lands on it: the projection is public.
//! let (x, y) = map.projection().project(kuril_dispute::LonLat { lon: 145.85, lat: 44.117 });
//! assert!(x > 0.0 && y > 0.0);
//! # }
//! ```
//!
//! Every formula side by side ([`map::SmallMultiples`]), and the timeline of agreements,
//! events and each party's positions ([`timeline_chart::TimelineChart`]):
//!
//! ```
//! # #[cfg(feature = "svg")] {
//! use kuril_dispute::map::SmallMultiples;
//! use kuril_dispute::timeline_chart::TimelineChart;
//! use kuril_dispute::{Dataset, Outlines};
//!
//! let data = Dataset::builtin();
//! let grid = SmallMultiples::new(data, Outlines::builtin()).to_svg();
//! let timeline = TimelineChart::new(data);
//! assert_eq!((timeline.first_year(), timeline.end().to_string().as_str()), (1855, "2022-12-31"));
//! # let _ = (grid, timeline.to_svg());
//! # }
//! ```
//!
//! The exports: JSON of the whole dataset, one CSV per table, GeoJSON of the islands with
//! every formula's allocation.
//!
//! ```no_run
//! # #[cfg(feature = "export")] {
//! use kuril_dispute::{Dataset, Outlines, export};
//!
//! let paths = export::write_all(Dataset::builtin(), Outlines::builtin(), "out/".as_ref())?;
//! for p in paths {
//!     println!("{}", p.display()); // out/dataset.json, out/islands.geojson, out/csv/*.csv
//! }
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! `cargo run --example maps [DIR]` writes every map, the timeline and the exports.
//!
//! # Neutrality
//!
//! The model records claims, positions and sources; it never asserts whose islands they
//! are. Every island carries both sides' names. Every stance is a [`Position`] attributed
//! to its holder, its speaker, its date and its source. Where parties read an instrument
//! differently, each [`Reading`](agreement::Reading) is recorded. Formulas speak of *transfers* from the
//! administering side (today Russia) to Japan because that is the axis every proposal
//! moves along; the word says nothing about who is right.
//!
//! # Identifiers
//!
//! Ids serialise to the kebab-case ids of the shared annotation schema: islands
//! (`"habomai"`), agreements (`"joint-declaration-1956"`), formulas
//! (`"two-now-two-later"`), parties (`"soviet-union"`). Islands, agreements and formulas
//! are closed vocabularies (enums, each listing its values in `ALL`: [`Island::ALL`]);
//! parties, people, sources, events and positions are open (checked kebab-case strings),
//! so your own data can add them. Records are looked up by their id as a plain string
//! ([`Dataset::person`]`("shinzo-abe")`); an id the dataset does not have is an
//! [`UnknownId`] that names it. The queries by party take the id the same way
//! ([`Dataset::stance_at`]`("japan", date)`) and fail the same way.
//!
//! # Data
//!
//! Everything the crate knows is in `data/`, compiled in:
//!
//! - **The dataset** (`data/*.toml`, one commented file per table; `data/README.md`
//!   documents the format and the editorial rules). It was curated by hand: each row was
//!   read against the sources it cites, and every record cites at least one entry of the
//!   catalogue `data/sources.toml` — official texts and statements (the treaties, the
//!   1956 Joint Declaration, the Tokyo Declaration, ministry pages), news reports,
//!   scholarly and reference works, and three documents of the project's shared news
//!   corpus. Where sources disagree, both readings are recorded and attributed. Quotes
//!   are short (at most 25 words) and attributed. The files are distributed with the
//!   crate under its licence (MIT OR Apache-2.0); the quoted sources keep their own
//!   rights.
//! - **The coastlines** (`data/southern-kurils.geojson`, behind [`Outlines::builtin`]).
//!   Derived from Natural Earth 1:10m land (`ne_10m_land`), which is in the **public
//!   domain**: "No permission is needed to use Natural Earth". The script
//!   `tools/derive_southern_kurils.py` cut the four islands and Hokkaido out of the
//!   layer, rounded coordinates to 4 decimals and computed geodesic areas;
//!   `data/README.md` records the copy used, its checksums and the cross-check. The
//!   drawing is for maps, not measurement: at 1:10m small islands come out too large,
//!   and Akiyuri and the smallest Habomai rocks are missing.
//!
//! Load your own data in the same format with [`Dataset::from_dir`], and your own
//! outlines with [`Outlines::from_geojson`].

// Built without every feature, the crate docs name items that are not there: those links
// stay plain text (docs.rs builds every feature, and CI checks the links with them).
#![cfg_attr(
    not(all(feature = "extract", feature = "export", feature = "svg")),
    allow(rustdoc::broken_intra_doc_links)
)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
// The library never panics on input: no unwrap, expect, panic or unchecked indexing
// outside tests (the few documented invariants carry an explicit `allow`).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

// The model, one module per concept; the root re-exports what the tour uses, every other
// item is reached through its module (`formula::Transfer`, `timeline::Entry`).
pub mod administration;
pub mod agreement;
pub mod allocation;
pub mod analysis;
pub mod dataset;
pub mod date;
pub mod error;
pub mod event;
#[cfg(feature = "export")]
#[cfg_attr(docsrs, doc(cfg(feature = "export")))]
pub mod export;
#[cfg(feature = "extract")]
#[cfg_attr(docsrs, doc(cfg(feature = "extract")))]
pub mod extract;
mod file;
pub mod formula;
pub mod geography;
pub mod id;
pub mod island;
#[cfg(feature = "svg")]
#[cfg_attr(docsrs, doc(cfg(feature = "svg")))]
pub mod map;
mod outcome;
#[cfg(any(feature = "export", feature = "svg"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "export", feature = "svg"))))]
pub mod outline;
pub mod party;
pub mod person;
#[cfg(feature = "svg")]
mod planar;
pub mod position;
pub mod settlement;
pub mod source;
pub mod stance;
#[cfg(feature = "svg")]
mod svg;
pub mod timeline;
#[cfg(feature = "svg")]
#[cfg_attr(docsrs, doc(cfg(feature = "svg")))]
pub mod timeline_chart;
pub mod vocabulary;

pub use administration::{AdministrationPeriod, SovereigntyClaim};
pub use agreement::{Agreement, AgreementId};
pub use allocation::{IslandAllocation, IslandHolder};
pub use dataset::Dataset;
pub use date::{DateError, NaiveDate, PartialDate};
pub use error::{LoadError, Problem, UnknownId};
pub use event::Event;
pub use formula::{Formula, FormulaId};
pub use geography::IslandProfile;
pub use id::{IdError, PartyId, PersonId, SourceId};
pub use island::{Island, IslandSet};
#[cfg(any(feature = "export", feature = "svg"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "export", feature = "svg"))))]
pub use outline::{LonLat, Outlines};
pub use party::Party;
pub use person::Person;
pub use position::Position;
pub use settlement::SettlementSpace;
pub use source::{Citation, Source};
pub use stance::Stance;
pub use timeline::Timeline;
pub use vocabulary::VocabularyError;

// README's examples are tested with the default features (its tour reads documents).
#[cfg(all(doctest, feature = "extract"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
