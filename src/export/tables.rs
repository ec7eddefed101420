//! The CSV export: one table per [`CsvTable`], written by [`write_csv`]; each table's
//! header and rows come from a function of its own.

use std::io::Write;

use serde::Serialize;

use super::ExportError;
use crate::dataset::Dataset;
use crate::island::IslandSet;
use crate::source::Citation;

/// What joins the items of a list in a CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// The CSV cell of an island-set constraint that is given but empty (a position that
/// would transfer no island), distinct from the empty cell of an absent constraint.
pub const NO_ISLANDS: &str = "none";

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
    table_of(data, table).write(&mut w).map_err(err)?;
    w.flush().map_err(|e| err(e.into()))
}

/// A table's header and its rows, one cell per column.
struct Table<'a> {
    header: &'static [&'static str],
    rows: Box<dyn Iterator<Item = Vec<String>> + 'a>,
}

impl<'a> Table<'a> {
    fn new(header: &'static [&'static str], rows: impl Iterator<Item = Vec<String>> + 'a) -> Self {
        Table { header, rows: Box::new(rows) }
    }

    /// The header row, then every row.
    fn write<W: Write>(self, w: &mut csv::Writer<W>) -> Result<(), csv::Error> {
        w.write_record(self.header)?;
        for row in self.rows {
            w.write_record(&row)?;
        }
        Ok(())
    }
}

/// The header and rows of `table`.
fn table_of(data: &Dataset, table: CsvTable) -> Table<'_> {
    match table {
        CsvTable::Sources => sources_table(data),
        CsvTable::Islands => islands_table(data),
        CsvTable::IslandAreas => island_areas_table(data),
        CsvTable::Names => names_table(data),
        CsvTable::Parties => parties_table(data),
        CsvTable::People => people_table(data),
        CsvTable::PersonRoles => person_roles_table(data),
        CsvTable::Agreements => agreements_table(data),
        CsvTable::AgreementProvisions => agreement_provisions_table(data),
        CsvTable::ProvisionReadings => provision_readings_table(data),
        CsvTable::Formulas => formulas_table(data),
        CsvTable::FormulaTransfers => formula_transfers_table(data),
        CsvTable::Positions => positions_table(data),
        CsvTable::Events => events_table(data),
        CsvTable::Administration => administration_table(data),
        CsvTable::Claims => claims_table(data),
        CsvTable::Citations => citations_table(data),
    }
}

/// `sources.csv`: the source catalogue.
fn sources_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["id", "title", "outlet", "author", "date", "url", "kind", "language", "document", "note", "weak"],
        data.sources().map(move |s| {
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
    )
}

/// `islands.csv`: the islands: names, reference area, centroid.
fn islands_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &[
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
        ],
        data.islands().map(move |i| {
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
    )
}

/// `island-areas.csv`: every area measurement of every island.
fn island_areas_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["island", "n", "km2", "basis"],
        data.islands().flat_map(move |i| {
            i.area
                .iter()
                .enumerate()
                .map(|(n, a)| vec![i.id.to_string(), (n + 1).to_string(), a.km2.to_string(), a.basis.clone()])
        }),
    )
}

/// `names.csv`: collective names.
fn names_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["id", "forms", "used_by", "islands", "ambiguous", "note"],
        data.collective_names().map(move |n| {
            vec![
                n.id.to_string(),
                list(&n.forms),
                list(&n.used_by),
                islands(n.islands),
                n.ambiguous.to_string(),
                opt(n.note.as_ref()),
            ]
        }),
    )
}

/// `parties.csv`: parties.
fn parties_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &[
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
        ],
        data.parties().map(move |p| {
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
    )
}

/// `people.csv`: people.
fn people_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["id", "name", "native", "aliases", "party", "extracted"],
        data.people().map(move |p| {
            vec![
                p.id.to_string(),
                p.name.clone(),
                opt(p.native.as_ref()),
                list(&p.aliases),
                opt(p.party.as_ref()),
                p.extracted.to_string(),
            ]
        }),
    )
}

/// `person-roles.csv`: people's roles.
fn person_roles_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["person", "n", "title", "from", "to"],
        data.people().flat_map(move |p| {
            p.roles.iter().enumerate().map(|(n, r)| {
                vec![p.id.to_string(), (n + 1).to_string(), r.title.clone(), opt(r.from), opt(r.to)]
            })
        }),
    )
}

/// `agreements.csv`: agreements.
fn agreements_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &[
            "id", "name", "aliases", "kind", "parties", "signed", "place", "ratified", "status", "islands",
            "summary", "note",
        ],
        data.agreements().map(move |a| {
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
    )
}

/// `agreement-provisions.csv`: agreements' provisions.
fn agreement_provisions_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["agreement", "n", "locator", "effect", "islands", "beneficiary", "formula", "summary"],
        data.agreements().flat_map(move |a| {
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
    )
}

/// `provision-readings.csv`: each party's reading of a provision.
fn provision_readings_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["agreement", "provision", "party", "islands", "summary"],
        data.agreements().flat_map(move |a| {
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
    )
}

/// `formulas.csv`: formulas.
fn formulas_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &[
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
        ],
        data.formulas().map(move |f| {
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
    )
}

/// `formula-transfers.csv`: every transfer of every stage of every formula.
fn formula_transfers_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["formula", "stage", "island", "to", "right", "share"],
        data.formulas().flat_map(move |f| {
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
    )
}

/// `positions.csv`: positions.
fn positions_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &[
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
        ],
        data.positions().map(move |p| {
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
    )
}

/// `events.csv`: events.
fn events_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &[
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
        ],
        data.events().map(move |e| {
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
    )
}

/// `administration.csv`: administration periods: who governed which islands, from when to when.
fn administration_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["id", "administrator", "kind", "islands", "from", "to", "summary", "note"],
        data.administration().map(move |p| {
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
    )
}

/// `claims.csv`: sovereignty claims: who claimed which islands, from when, on what.
fn claims_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["id", "claimant", "islands", "from", "to", "instruments", "rests_on", "note"],
        data.claims().map(move |c| {
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
    )
}

/// `citations.csv`: every citation of every record.
fn citations_table(data: &Dataset) -> Table<'_> {
    Table::new(
        &["table", "record", "source", "document", "locator", "quote", "span_start", "span_end"],
        citations(data).into_iter().map(move |(table, record, c)| {
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
    )
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

crate::vocabulary::parse_by_id!(
    CsvTable => "CSV table",
);
