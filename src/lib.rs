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
//! assert_eq!(f.transfers(), IslandSet::from([Island::Shikotan, Island::Habomai]));
//! println!("{}: {} ({:.0} km²), {:?}", f.name, f.transfers(), data.area_transferred(f), f.conditions());
//!
//! // What did Japan hold in 2013, and where was that read?
//! for p in data.positions_at(&PartyId::JAPAN, &"2013-12".parse()?) {
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
//!   population, centroid, administration), [`CollectiveName`], [`Party`], [`Person`],
//!   [`Agreement`] with its [`Provision`]s, [`Formula`] with its [`Stage`]s and
//!   [`Transfer`]s, [`Position`], [`Event`], and the [`Source`] catalogue that every
//!   [`Citation`] points into.
//!
//! # Neutrality
//!
//! The model records claims, positions and sources; it never asserts whose islands they
//! are. Every island carries both sides' names. Every stance is a [`Position`] attributed
//! to its holder, its speaker, its date and its source. Where parties read an instrument
//! differently, each [`Reading`] is recorded. Formulas speak of *transfers* from the
//! administering side (today Russia) to Japan because that is the axis every proposal
//! moves along; the word says nothing about who is right.
//!
//! # Identifiers
//!
//! Ids serialise to the kebab-case ids of the shared annotation schema: islands
//! (`"habomai"`), agreements (`"joint-declaration-1956"`), formulas
//! (`"two-now-two-later"`), parties (`"soviet-union"`). Islands, agreements and formulas
//! are closed vocabularies (enums); parties, people, sources, events and positions are
//! open (checked kebab-case strings), so your own data can add them.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// The library never panics on input: no unwrap, expect, panic or unchecked indexing
// outside tests (the few documented invariants carry an explicit `allow`).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

mod agreement;
mod dataset;
mod date;
mod error;
mod event;
mod formula;
mod geography;
mod id;
mod island;
mod party;
mod person;
mod position;
mod source;

pub use agreement::{
    Agreement, AgreementId, AgreementKind, AgreementStatus, Provision, ProvisionEffect, Reading,
};
pub use dataset::{Dataset, MAX_FILE_BYTES};
pub use date::{DateError, PartialDate, Precision};
pub use error::{DataFormat, DumpError, LoadError, Location, Problem};
pub use event::{Event, EventKind};
pub use formula::{
    Condition, Formula, FormulaId, Origin, Recipient, Right, Sequencing, Share, Stage, Transfer, Undecided,
};
pub use geography::{
    AdministrativeUnit, AreaMeasurement, Centroid, CollectiveName, IslandProfile, JapaneseName,
    PopulationCount, RussianName,
};
pub use id::{EventId, IdError, NameId, PartyId, PersonId, PositionId, SourceId};
pub use island::{Island, IslandSet, IslandSetIter};
pub use party::Party;
pub use person::{Person, Role};
pub use position::Position;
pub use source::{Citation, MAX_QUOTE_WORDS, Source, SourceKind, Span};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
