//! The dataset: every table, validated and indexed; the built-in data and user data.

mod budget;
mod dump;
mod load;
mod merge;
mod strict;
mod validate;

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use serde::Serialize;

pub use budget::parse_budget;
pub use load::MAX_FILE_BYTES;
pub use merge::{MERGE_FILE, MergeAction, MergeEntry, Merged, Merger, RecordKind, Skipped};

use crate::administration::{AdministrationPeriod, SovereigntyClaim};
use crate::agreement::{Agreement, AgreementId};
use crate::date::PartialDate;
use crate::error::{LoadError, Problem, UnknownId};
use crate::event::Event;
use crate::formula::{Formula, FormulaId, Stage};
use crate::geography::{CollectiveName, IslandProfile};
use crate::id::{PartyId, PersonId, SourceId};
use crate::island::{Island, IslandSet};
use crate::party::Party;
use crate::person::Person;
use crate::position::Position;
use crate::source::Source;

/// The whole model of the dispute: sources, islands, collective names, parties, people,
/// agreements, formulas, positions, events, administration periods and sovereignty claims —
/// validated, indexed and sorted.
///
/// Get the curated data compiled into the crate with [`Dataset::builtin`], or load your
/// own directory of files in the same format with [`Dataset::from_dir`]. Either way the
/// same checks have passed: every id resolves, every fact cites a source, every island,
/// agreement and formula is defined exactly once.
///
/// # Example
///
/// ```
/// use kuril_dispute::{Dataset, FormulaId, Island, IslandSet};
///
/// let data = Dataset::builtin();
/// let f = data.formula(FormulaId::TwoIslands1956);
/// assert_eq!(f.islands_transferred(), IslandSet::from([Island::Shikotan, Island::Habomai]));
/// // About 7% of the islands' area.
/// let share = data.area_transferred(f) / data.total_area_km2();
/// assert!((0.06..0.08).contains(&share));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    sources: Vec<Source>,
    islands: Vec<IslandProfile>,
    names: Vec<CollectiveName>,
    parties: Vec<Party>,
    people: Vec<Person>,
    /// In [`AgreementId`] order: index = `id as usize`.
    agreements: Vec<Agreement>,
    /// Indexes into `agreements`, in order of signing.
    #[serde(skip)]
    agreements_by_date: Vec<usize>,
    /// In [`FormulaId`] order: index = `id as usize`.
    formulas: Vec<Formula>,
    /// By date stated, then id.
    positions: Vec<Position>,
    /// By date, then id.
    events: Vec<Event>,
    /// Administration periods, by start, then id.
    administration: Vec<AdministrationPeriod>,
    /// Sovereignty claims, by start, then id.
    claims: Vec<SovereigntyClaim>,
    #[serde(skip)]
    index: Index,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Index {
    sources: HashMap<SourceId, usize>,
    parties: HashMap<PartyId, usize>,
    people: HashMap<PersonId, usize>,
}

static BUILTIN: LazyLock<Dataset> = LazyLock::new(|| match Dataset::from_toml(load::BUILTIN_FILES) {
    Ok(data) => data,
    // The built-in data is checked by the test suite (tests/builtin.rs); reaching this
    // is a bug in the crate's own data, never a problem with user input.
    #[allow(clippy::panic)]
    Err(e) => panic!("the built-in dataset is invalid: {e}"),
});

impl Dataset {
    /// The curated dataset compiled into the crate, parsed and validated once.
    ///
    /// # Panics
    ///
    /// Never in a released crate: the built-in data is validated by the crate's tests.
    pub fn builtin() -> &'static Dataset {
        &BUILTIN
    }

    /// Loads a directory of data files in the format of the crate's `data/` directory
    /// (`sources.toml`, `islands.toml`, `names.toml`, `parties.toml`, `people.toml`,
    /// `agreements.toml`, `formulas.toml`, `positions.toml`, `events.toml`, and the
    /// optional `administration.toml` and `claims.toml`: an absent one is an empty
    /// table). Other files
    /// (a README) are left alone, but any other `*.toml` file is reported: it is most
    /// likely a misnamed table that would otherwise be silently ignored.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] listing every problem found in one run, each naming its file, line
    /// and column or its record (a file that cannot be read or parsed does not stop the
    /// others, nor the cross-checks of the tables that loaded): a missing, unknown,
    /// unreadable, non-UTF-8 or too large file
    /// (over [`MAX_FILE_BYTES`]); malformed TOML; unknown fields; duplicate ids;
    /// references to ids that do not exist; dates out of order; a formula that gives one
    /// island to two recipients; a missing island, agreement or formula; a record without
    /// citations; a quote over 25 words.
    ///
    /// ```no_run
    /// let mine = kuril_dispute::Dataset::from_dir("my-data/")?;
    /// println!("{} events", mine.events().count());
    /// # Ok::<(), kuril_dispute::LoadError>(())
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Dataset, LoadError> {
        let read = load::read_dir_files(dir.as_ref()).map_err(LoadError::new)?;
        let files = read.files.iter().map(|(p, t)| (p.as_str(), t.as_str()));
        let (tables, problems) = load::read_tables(files, &read.unread);
        Dataset::from_tables(tables, read.problems.into_iter().chain(problems).collect())
    }

    /// Loads a dataset from in-memory files: `(path, text)` pairs, where the file name of
    /// each path (`events.toml`) says which table it holds. A file with another name, or
    /// a table given twice, is a problem.
    ///
    /// # Errors
    ///
    /// As [`Dataset::from_dir`].
    pub fn from_toml<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Dataset, LoadError> {
        let (tables, problems) = load::read_tables(files, &[]);
        Dataset::from_tables(tables, problems)
    }

    /// Loads a dataset from the JSON that `serde_json` writes for a [`Dataset`] (an
    /// object with one array per table: `sources`, `islands`, `names`, `parties`,
    /// `people`, `agreements`, `formulas`, `positions`, `events`, and the optional
    /// `administration` and `claims`), and runs every check
    /// [`Dataset::from_dir`] runs.
    ///
    /// # Errors
    ///
    /// A [`LoadError`] listing every problem found. Problems of syntax and schema are
    /// located in the JSON text, whose file is shown as `<json>`: malformed JSON, a
    /// missing or unknown table, a record with an unknown field or a value of the wrong
    /// form (each record that does not parse is a problem of its own). Then the same
    /// cross-checks as for TOML data, each located at the start of its record.
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    ///
    /// let json = serde_json::to_string(Dataset::builtin())?;
    /// assert_eq!(&Dataset::from_json(&json)?, Dataset::builtin());
    ///
    /// let err = Dataset::from_json(r#"{"sources": []}"#).unwrap_err();
    /// assert!(err.to_string().contains("<json>:1:15: missing field `islands`"), "{err}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Dataset, LoadError> {
        let (tables, problems) = load::read_json(json).map_err(LoadError::new)?;
        Dataset::from_tables(tables, problems)
    }

    /// Cross-checks the tables as read and builds the dataset; `problems` are those found
    /// reading them. The cross-checks run even when some tables could not be read, so that
    /// one run reports every problem: a reference into a table that did not load, and a
    /// record missing from it, are not reported (the table's own problem is).
    fn from_tables(tables: load::RawTables, mut problems: Vec<Problem>) -> Result<Dataset, LoadError> {
        let failed = &tables.failed;
        problems.extend(validate::check(&tables).into_iter().filter(|p| match p {
            Problem::UnknownReference { target, .. } => !failed.contains(target),
            Problem::MissingRecord { table, .. } => !failed.contains(table),
            _ => true,
        }));
        if !problems.is_empty() {
            return Err(LoadError::new(problems));
        }
        Ok(Dataset::assemble(tables))
    }

    /// Builds the indexed dataset from checked tables.
    fn assemble(t: load::RawTables) -> Dataset {
        fn values<T>(rows: Vec<load::Row<T>>) -> Vec<T> {
            rows.into_iter().map(|r| r.value).collect()
        }
        let mut islands = values(t.islands);
        islands.sort_by_key(|i| i.id);
        let mut agreements = values(t.agreements);
        agreements.sort_by_key(|a| a.id);
        let mut agreements_by_date: Vec<usize> = (0..agreements.len()).collect();
        agreements_by_date.sort_by_key(|&n| agreements.get(n).map(|a| (a.signed, a.id)));
        let mut formulas = values(t.formulas);
        formulas.sort_by_key(|f| f.id);
        let mut positions = values(t.positions);
        positions.sort_by(|a, b| (a.stated, &a.id).cmp(&(b.stated, &b.id)));
        let mut events = values(t.events);
        events.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        let mut administration = values(t.administration);
        administration.sort_by(|a, b| (a.from, &a.id).cmp(&(b.from, &b.id)));
        let mut claims = values(t.claims);
        claims.sort_by(|a, b| (a.from, &a.id).cmp(&(b.from, &b.id)));
        let sources = values(t.sources);
        let parties = values(t.parties);
        let people = values(t.people);
        let index = Index {
            sources: sources.iter().enumerate().map(|(n, s)| (s.id.clone(), n)).collect(),
            parties: parties.iter().enumerate().map(|(n, p)| (p.id.clone(), n)).collect(),
            people: people.iter().enumerate().map(|(n, p)| (p.id.clone(), n)).collect(),
        };
        Dataset {
            sources,
            islands,
            names: values(t.names),
            parties,
            people,
            agreements,
            agreements_by_date,
            formulas,
            positions,
            events,
            administration,
            claims,
            index,
        }
    }

    // ------------------------------------------------------------------ lookups

    /// The catalogue of sources, in file order.
    pub fn sources(&self) -> impl ExactSizeIterator<Item = &Source> {
        self.sources.iter()
    }

    /// A source by id (`"mofa-hoppo-data"`, or a [`SourceId`]).
    ///
    /// # Errors
    ///
    /// [`UnknownId`] naming the id when the catalogue has no such source.
    pub fn source(&self, id: impl AsRef<str>) -> Result<&Source, UnknownId> {
        let id = id.as_ref();
        self.index
            .sources
            .get(id)
            .and_then(|&n| self.sources.get(n))
            .ok_or_else(|| UnknownId::new("source", id, self.sources.iter().map(|s| s.id.as_str())))
    }

    /// The four islands, in [`Island`] order.
    pub fn islands(&self) -> impl ExactSizeIterator<Item = &IslandProfile> {
        self.islands.iter()
    }

    /// What the dataset records about one island.
    pub fn island(&self, island: Island) -> &IslandProfile {
        // Validation guarantees exactly one profile per island, sorted in enum order.
        #[allow(clippy::indexing_slicing)]
        &self.islands[island as usize]
    }

    /// The collective names ("Northern Territories", …), in file order.
    pub fn collective_names(&self) -> impl ExactSizeIterator<Item = &CollectiveName> {
        self.names.iter()
    }

    /// The parties, in file order.
    pub fn parties(&self) -> impl ExactSizeIterator<Item = &Party> {
        self.parties.iter()
    }

    /// A party by id (`"soviet-union"`, or a [`PartyId`]).
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// assert_eq!(data.party("soviet-union")?.name, "Soviet Union");
    /// assert_eq!(data.party(&PartyId::JAPAN)?.name, "Japan");
    /// assert_eq!(data.party("japn").unwrap_err().to_string(), "no party \"japn\" in the dataset (did you mean \"japan\"?)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownId`] naming the id when the dataset has no such party.
    pub fn party(&self, id: impl AsRef<str>) -> Result<&Party, UnknownId> {
        let id = id.as_ref();
        self.index
            .parties
            .get(id)
            .and_then(|&n| self.parties.get(n))
            .ok_or_else(|| UnknownId::new("party", id, self.parties.iter().map(|p| p.id.as_str())))
    }

    /// The state that continues `id`, if any (the Soviet Union → Russia); `None` too for
    /// a party the dataset does not have (check it with [`Dataset::party`]).
    pub fn successor_of(&self, id: &PartyId) -> Option<&Party> {
        self.parties.iter().find(|p| p.predecessor.as_ref() == Some(id))
    }

    /// `id` and the states it continues, newest first (Russia, the Soviet Union, the
    /// Russian Empire); empty for a party the dataset does not have (check it with
    /// [`Dataset::party`]).
    pub fn lineage(&self, id: &PartyId) -> Vec<&Party> {
        let mut out: Vec<&Party> = Vec::new();
        let mut current = self.party(id).ok();
        while let Some(p) = current {
            if out.iter().any(|q| q.id == p.id) {
                break;
            }
            out.push(p);
            current = p.predecessor.as_ref().and_then(|q| self.party(q).ok());
        }
        out
    }

    /// The people, in file order.
    pub fn people(&self) -> impl ExactSizeIterator<Item = &Person> {
        self.people.iter()
    }

    /// A person by id (`"shinzo-abe"`, or a [`PersonId`]).
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    ///
    /// let data = Dataset::builtin();
    /// assert_eq!(data.person("shinzo-abe")?.name, "Shinzo Abe");
    /// let err = data.person("shinzo-abbe").unwrap_err();
    /// assert_eq!(err.closest(), Some("shinzo-abe"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownId`] naming the id when the dataset has no such person.
    pub fn person(&self, id: impl AsRef<str>) -> Result<&Person, UnknownId> {
        let id = id.as_ref();
        self.index
            .people
            .get(id)
            .and_then(|&n| self.people.get(n))
            .ok_or_else(|| UnknownId::new("person", id, self.people.iter().map(|p| p.id.as_str())))
    }

    /// The agreements, in order of signing.
    pub fn agreements(&self) -> impl Iterator<Item = &Agreement> {
        self.agreements_by_date.iter().filter_map(|&n| self.agreements.get(n))
    }

    /// An agreement by id.
    pub fn agreement(&self, id: AgreementId) -> &Agreement {
        // Validation guarantees exactly one agreement per id, sorted in enum order.
        #[allow(clippy::indexing_slicing)]
        &self.agreements[id as usize]
    }

    /// The formulas, in [`FormulaId`] order.
    pub fn formulas(&self) -> impl ExactSizeIterator<Item = &Formula> {
        self.formulas.iter()
    }

    /// A formula by id.
    pub fn formula(&self, id: FormulaId) -> &Formula {
        // Validation guarantees exactly one formula per id, sorted in enum order.
        #[allow(clippy::indexing_slicing)]
        &self.formulas[id as usize]
    }

    /// Every position, by date stated.
    pub fn positions(&self) -> impl ExactSizeIterator<Item = &Position> {
        self.positions.iter()
    }

    /// Every position as a slice sorted by date stated, then id (for binary searches).
    pub(crate) fn positions_sorted(&self) -> &[Position] {
        &self.positions
    }

    /// The positions `party` (`"japan"`, or a [`PartyId`]) itself stated, by date; not
    /// those of the states it continues ([`Dataset::latest_positions`] and
    /// [`Dataset::stance_at`] follow the lineage).
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// assert!(data.positions_of(&PartyId::JAPAN)?.all(|p| p.holder == PartyId::JAPAN));
    /// assert_eq!(data.positions_of("japn").err().and_then(|e| e.closest().map(str::to_owned)).as_deref(), Some("japan"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownId`] naming the id when the dataset has no such party.
    pub fn positions_of(
        &self,
        party: impl AsRef<str>,
    ) -> Result<impl Iterator<Item = &Position> + '_, UnknownId> {
        let party = &self.party(party)?.id;
        Ok(self.positions.iter().filter(move |p| p.holder == *party))
    }

    /// What `party` (`"russia"`, or a [`PartyId`]) said last by `date`: the positions
    /// stated on the latest date on or before `date` (several, if several were stated that
    /// day; none before its first). Follows the party's lineage, so Russia's in 1960 are
    /// the Soviet Union's.
    ///
    /// Not what *stands*: a statement on one question (the clauses, say) leaves the earlier
    /// positions on the other questions standing; [`Dataset::stance_at`] answers that.
    ///
    /// ```
    /// use kuril_dispute::{Dataset, PartyId};
    ///
    /// let data = Dataset::builtin();
    /// let in_1960 = data.latest_positions(&PartyId::RUSSIA, "1960-06".parse()?)?;
    /// assert!(in_1960.iter().all(|p| p.holder == PartyId::SOVIET_UNION));
    /// assert!(!in_1960.is_empty());
    /// // A mistyped party is an error, not an empty answer.
    /// let err = data.latest_positions("rusia", "1960".parse()?).unwrap_err();
    /// assert_eq!(err.to_string(), "no party \"rusia\" in the dataset (did you mean \"russia\"?)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UnknownId`] naming the id when the dataset has no such party.
    pub fn latest_positions(
        &self,
        party: impl AsRef<str>,
        date: PartialDate,
    ) -> Result<Vec<&Position>, UnknownId> {
        let party = &self.party(party)?.id;
        let lineage: Vec<&PartyId> = self.lineage(party).into_iter().map(|p| &p.id).collect();
        let held: Vec<&Position> = self
            .positions
            .iter()
            .filter(|p| lineage.contains(&&p.holder) && p.stated.first_day() <= date.last_day())
            .collect();
        let Some(latest) = held.last().map(|p| p.stated) else {
            return Ok(Vec::new());
        };
        Ok(held.into_iter().filter(|p| p.stated == latest).collect())
    }

    /// Every event, by date.
    pub fn events(&self) -> impl ExactSizeIterator<Item = &Event> {
        self.events.iter()
    }

    /// Every administration period, by start date (see [`Dataset::administrator_at`]).
    pub fn administration(&self) -> impl ExactSizeIterator<Item = &AdministrationPeriod> {
        self.administration.iter()
    }

    /// Every sovereignty claim, by start date (see [`Dataset::claimants_at`]).
    pub fn claims(&self) -> impl ExactSizeIterator<Item = &SovereigntyClaim> {
        self.claims.iter()
    }

    // ------------------------------------------------------------------ areas

    /// The reference area of an island in km² (the first measurement listed).
    pub fn area_km2(&self, island: Island) -> f64 {
        self.island(island).area_km2()
    }

    /// The total reference area of a set of islands in km².
    pub fn set_area_km2(&self, islands: IslandSet) -> f64 {
        islands.iter().map(|i| self.area_km2(i)).sum()
    }

    /// The total reference area of the four islands in km²: the sum of the four reference
    /// figures. With the built-in data (MOFA's table, each island rounded to the km²) this
    /// is 5,004 km², while MOFA's own published total is 5,003 km², rounded from the
    /// unrounded parts; the data's `islands.toml` records both.
    ///
    /// ```
    /// use kuril_dispute::Dataset;
    ///
    /// // 3,168 + 1,490 + 251 + 95: the sum of the rounded parts, not MOFA's 5,003.
    /// assert_eq!(Dataset::builtin().total_area_km2(), 5004.0);
    /// ```
    pub fn total_area_km2(&self) -> f64 {
        self.set_area_km2(IslandSet::ALL)
    }

    /// The area (km²) a formula transfers to Japan over all stages, counting each island
    /// once at the largest share any stage gives.
    pub fn area_transferred(&self, formula: &Formula) -> f64 {
        self.area_of_transfers(formula.stages.iter())
    }

    /// The area (km²) one stage transfers to Japan.
    pub fn stage_area_transferred(&self, stage: &Stage) -> f64 {
        self.area_of_transfers(std::iter::once(stage))
    }

    fn area_of_transfers<'a>(&self, stages: impl Iterator<Item = &'a Stage>) -> f64 {
        let mut best = [0.0_f64; 4];
        for t in stages.flat_map(|s| s.transfers.iter()) {
            if t.to.is_only(&PartyId::JAPAN)
                && let Some(slot) = best.get_mut(t.island as usize)
            {
                *slot = slot.max(t.share_or_whole().fraction());
            }
        }
        self.islands.iter().zip(best).map(|(i, share)| i.area_km2() * share).sum()
    }
}
