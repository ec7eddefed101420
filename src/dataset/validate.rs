//! Cross-checks: ids unique and resolvable, dates in order, formulas consistent, every
//! fact cited.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::load::{RawTables, Row};
use crate::administration::Dated;
use crate::agreement::{Agreement, AgreementId};
use crate::date::PartialDate;
use crate::error::{Location, Problem};
use crate::event::EventKind;
use crate::formula::{Formula, FormulaId, Recipient, Right, Share, Transfer};
use crate::geography::MAX_ISLAND_AREA_KM2;
use crate::id::{PartyId, PersonId};
use crate::island::{Island, IslandSet};
use crate::party::Party;
use crate::person::{Person, Role};
use crate::source::{Citation, MAX_QUOTE_BYTES, MAX_QUOTE_WORDS};

/// The largest byte offset a span may have: the largest TOML integer, so that every
/// dataset can be written back out as TOML.
const MAX_OFFSET: u64 = i64::MAX as u64;

/// Runs every check; returns every problem found, in file order.
pub(crate) fn check(t: &RawTables) -> Vec<Problem> {
    let mut c = Checker::new(t);
    c.duplicates();
    c.completeness();
    c.citations_and_references();
    c.dates();
    c.formulas();
    c.positions();
    c.lineage();
    c.successions();
    c.speakers();
    c.signing_events();
    c.texts();
    c.history();
    c.problems
}

struct Checker<'a> {
    t: &'a RawTables,
    sources: HashSet<&'a str>,
    parties: HashMap<&'a str, &'a Party>,
    people: HashMap<&'a str, &'a Person>,
    /// The first state of each party's line of predecessors (filled by `lineage`; a party
    /// on a cycle has none).
    roots: HashMap<&'a str, &'a str>,
    /// Each person's roles as (first day, latest last day of the roles so far), sorted by
    /// first day: whether a role was held at a date is a binary search, so that many
    /// positions of one person with many roles stay n·log n.
    roles: HashMap<&'a str, Vec<(NaiveDate, NaiveDate)>>,
    problems: Vec<Problem>,
}

fn record(table: &str, id: impl std::fmt::Display) -> String {
    format!("{table} {id}")
}

/// Counts words as runs of non-whitespace.
fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

impl<'a> Checker<'a> {
    fn new(t: &'a RawTables) -> Self {
        Checker {
            t,
            sources: t.sources.iter().map(|r| r.value.id.as_str()).collect(),
            parties: t.parties.iter().map(|r| (r.value.id.as_str(), &r.value)).collect(),
            people: t.people.iter().map(|r| (r.value.id.as_str(), &r.value)).collect(),
            roots: HashMap::new(),
            roles: t.people.iter().map(|r| (r.value.id.as_str(), role_spans(&r.value.roles))).collect(),
            problems: Vec::new(),
        }
    }

    fn duplicates(&mut self) {
        fn dup<T, K: std::hash::Hash + Eq + std::fmt::Display>(
            rows: &[Row<T>],
            table: &'static str,
            key: impl Fn(&T) -> K,
            problems: &mut Vec<Problem>,
        ) {
            let mut first: HashMap<K, &Location> = HashMap::new();
            for row in rows {
                let k = key(&row.value);
                if let Some(at) = first.get(&k) {
                    problems.push(Problem::DuplicateId {
                        at: row.at.clone(),
                        table,
                        id: k.to_string(),
                        first: (*at).clone(),
                    });
                } else {
                    first.insert(k, &row.at);
                }
            }
        }
        let t = self.t;
        let p = &mut self.problems;
        dup(&t.sources, "source", |v| v.id.clone(), p);
        dup(&t.islands, "island", |v| v.id, p);
        dup(&t.names, "name", |v| v.id.clone(), p);
        dup(&t.parties, "party", |v| v.id.clone(), p);
        dup(&t.people, "person", |v| v.id.clone(), p);
        dup(&t.agreements, "agreement", |v| v.id, p);
        dup(&t.formulas, "formula", |v| v.id, p);
        dup(&t.positions, "position", |v| v.id.clone(), p);
        dup(&t.events, "event", |v| v.id.clone(), p);
        dup(&t.administration, "administration", |v| v.id.clone(), p);
        dup(&t.claims, "claim", |v| v.id.clone(), p);
    }

    fn completeness(&mut self) {
        let t = self.t;
        for island in Island::ALL {
            if !t.islands.iter().any(|r| r.value.id == island) {
                self.problems.push(Problem::MissingRecord {
                    at: t.file_of("island"),
                    table: "island",
                    id: island.to_string(),
                });
            }
        }
        for id in AgreementId::ALL {
            if !t.agreements.iter().any(|r| r.value.id == id) {
                self.problems.push(Problem::MissingRecord {
                    at: t.file_of("agreement"),
                    table: "agreement",
                    id: id.to_string(),
                });
            }
        }
        for id in FormulaId::ALL {
            if !t.formulas.iter().any(|r| r.value.id == id) {
                self.problems.push(Problem::MissingRecord {
                    at: t.file_of("formula"),
                    table: "formula",
                    id: id.to_string(),
                });
            }
        }
    }

    /// Checks one list of citations: non-empty (when required), sources known, quotes
    /// short, spans non-empty.
    fn cite(&mut self, at: &Location, rec: &str, cite: &[Citation], required: bool) {
        if required && cite.is_empty() {
            self.problems.push(Problem::Uncited { at: at.clone(), record: rec.to_owned() });
        }
        for c in cite {
            if !self.sources.contains(c.source.as_str()) {
                self.problems.push(Problem::UnknownReference {
                    at: at.clone(),
                    record: rec.to_owned(),
                    field: "cite",
                    target: "source",
                    id: c.source.to_string(),
                });
            }
            if let Some(q) = &c.quote {
                let words = word_count(q);
                if words > MAX_QUOTE_WORDS {
                    self.problems.push(Problem::QuoteTooLong {
                        at: at.clone(),
                        record: rec.to_owned(),
                        words,
                        limit: MAX_QUOTE_WORDS,
                    });
                }
                if words == 0 {
                    self.invalid(at, rec, "a citation's quote is empty".to_owned());
                }
                if q.len() > MAX_QUOTE_BYTES {
                    self.invalid(
                        at,
                        rec,
                        format!(
                            "quote of {} bytes is longer than the limit of {MAX_QUOTE_BYTES} bytes",
                            q.len()
                        ),
                    );
                }
            }
            if let Some(span) = c.span {
                if span.start >= span.end {
                    self.invalid(
                        at,
                        rec,
                        format!("span [{}, {}] is empty or reversed", span.start, span.end),
                    );
                } else if u64::try_from(span.end).map_or(true, |end| end > MAX_OFFSET) {
                    self.invalid(
                        at,
                        rec,
                        format!(
                            "span [{}, {}] ends beyond the largest offset, {MAX_OFFSET}",
                            span.start, span.end
                        ),
                    );
                }
            }
        }
    }

    fn invalid(&mut self, at: &Location, rec: &str, message: String) {
        self.problems.push(Problem::Invalid { at: at.clone(), record: rec.to_owned(), message });
    }

    fn party(&mut self, at: &Location, rec: &str, field: &'static str, id: &PartyId) {
        if !self.parties.contains_key(id.as_str()) {
            self.problems.push(Problem::UnknownReference {
                at: at.clone(),
                record: rec.to_owned(),
                field,
                target: "party",
                id: id.to_string(),
            });
        }
    }

    fn person(&mut self, at: &Location, rec: &str, field: &'static str, id: &str) {
        if !self.people.contains_key(id) {
            self.problems.push(Problem::UnknownReference {
                at: at.clone(),
                record: rec.to_owned(),
                field,
                target: "person",
                id: id.to_owned(),
            });
        }
    }

    /// A party acting on `date` must exist then.
    fn in_lifetime(&mut self, at: &Location, rec: &str, id: &PartyId, date: PartialDate) {
        if let Some(party) = self.parties.get(id.as_str())
            && !party.existed_at(date)
        {
            self.problems.push(Problem::Anachronism {
                at: at.clone(),
                record: rec.to_owned(),
                party: id.to_string(),
                date: date.to_string(),
            });
        }
    }

    fn citations_and_references(&mut self) {
        let t = self.t;
        for row in &t.islands {
            let v = &row.value;
            let rec = record("island", v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            if v.area.is_empty() {
                self.invalid(&row.at, &rec, "needs at least one area measurement".to_owned());
            }
            for (n, a) in v.area.iter().enumerate() {
                let part = format!("{rec}, area {}", n + 1);
                self.cite(&row.at, &part, &a.cite, true);
                if !(a.km2.is_finite() && a.km2 > 0.0) {
                    self.invalid(&row.at, &part, format!("area {} km² is not a positive number", a.km2));
                } else if a.km2 > MAX_ISLAND_AREA_KM2 {
                    self.invalid(
                        &row.at,
                        &part,
                        format!(
                            "area {} km² is larger than any island (the largest, Greenland, measures \
                             {MAX_ISLAND_AREA_KM2} km²)",
                            // 1e308, not three hundred digits.
                            if a.km2 < 1e15 { a.km2.to_string() } else { format!("{:e}", a.km2) }
                        ),
                    );
                }
            }
            for (n, p) in v.population.iter().enumerate() {
                self.cite(&row.at, &format!("{rec}, population {}", n + 1), &p.cite, true);
            }
            self.cite(&row.at, &format!("{rec}, centroid"), &v.centroid.cite, true);
            let (lat, lon) = (v.centroid.lat, v.centroid.lon);
            if !((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)) {
                self.invalid(&row.at, &rec, format!("centroid ({lat}, {lon}) is not a latitude/longitude"));
            }
            for a in &v.administration {
                let part = format!("{rec}, administration by {}", a.party);
                self.party(&row.at, &rec, "administration.party", &a.party);
                self.cite(&row.at, &part, &a.cite, true);
            }
        }
        for row in &t.names {
            let v = &row.value;
            let rec = record("name", &v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            for p in &v.used_by {
                self.party(&row.at, &rec, "used_by", p);
            }
            if v.forms.is_empty() {
                self.invalid(&row.at, &rec, "needs at least one written form".to_owned());
            }
        }
        for row in &t.parties {
            let v = &row.value;
            let rec = record("party", &v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            if let Some(p) = &v.predecessor {
                self.party(&row.at, &rec, "predecessor", p);
                if p == &v.id {
                    self.invalid(&row.at, &rec, "a party cannot be its own predecessor".to_owned());
                }
            }
        }
        for row in &t.people {
            let v = &row.value;
            let rec = record("person", &v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            if let Some(p) = &v.party {
                self.party(&row.at, &rec, "party", p);
            }
            for r in &v.roles {
                self.cite(&row.at, &format!("{rec}, role {:?}", r.title), &r.cite, false);
            }
        }
        for row in &t.agreements {
            let v = &row.value;
            let rec = record("agreement", v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            for p in &v.parties {
                self.party(&row.at, &rec, "parties", p);
                self.in_lifetime(&row.at, &rec, p, v.signed);
            }
            for (n, pr) in v.provisions.iter().enumerate() {
                let part = format!("{rec}, provision {}", n + 1);
                self.cite(&row.at, &part, &pr.cite, true);
                if let Some(b) = &pr.beneficiary {
                    self.party(&row.at, &part, "provision.beneficiary", b);
                }
                for rd in &pr.readings {
                    let rpart = format!("{part}, reading by {}", rd.party);
                    self.party(&row.at, &rpart, "reading.party", &rd.party);
                    self.cite(&row.at, &rpart, &rd.cite, true);
                }
            }
        }
        for row in &t.formulas {
            let v = &row.value;
            let rec = record("formula", v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            if let Some(o) = &v.origin {
                self.party(&row.at, &rec, "origin.party", &o.party);
                self.in_lifetime(&row.at, &rec, &o.party, o.date);
                if let Some(p) = &o.person {
                    self.person(&row.at, &rec, "origin.person", p.as_str());
                }
                self.cite(&row.at, &format!("{rec}, origin"), &o.cite, true);
            }
            for tr in v.all_transfers() {
                for p in tr.to.parties() {
                    self.party(&row.at, &rec, "transfers.to", p);
                }
            }
        }
        for row in &t.positions {
            let v = &row.value;
            let rec = record("position", &v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            self.party(&row.at, &rec, "holder", &v.holder);
            self.in_lifetime(&row.at, &rec, &v.holder, v.stated);
            if let Some(s) = &v.speaker {
                self.person(&row.at, &rec, "speaker", s.as_str());
            }
        }
        for row in &t.events {
            let v = &row.value;
            let rec = record("event", &v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            for p in &v.actors {
                self.party(&row.at, &rec, "actors", p);
                self.in_lifetime(&row.at, &rec, p, v.date);
            }
            for p in &v.people {
                self.person(&row.at, &rec, "people", p.as_str());
            }
        }
    }

    fn order(
        &mut self,
        at: &Location,
        rec: &str,
        first: (&'static str, Option<PartialDate>),
        second: (&'static str, Option<PartialDate>),
    ) {
        if let ((f_name, Some(f)), (s_name, Some(s))) = (first, second)
            && s.is_before(f)
        {
            self.problems.push(Problem::DatesOutOfOrder {
                at: at.clone(),
                record: rec.to_owned(),
                earlier_field: f_name,
                earlier: f.to_string(),
                later_field: s_name,
                later: s.to_string(),
            });
        }
    }

    fn dates(&mut self) {
        let t = self.t;
        for row in &t.agreements {
            let v = &row.value;
            self.order(
                &row.at,
                &record("agreement", v.id),
                ("signed", Some(v.signed)),
                ("ratified", v.ratified),
            );
        }
        for row in &t.parties {
            let v = &row.value;
            self.order(&row.at, &record("party", &v.id), ("from", v.from), ("to", v.to));
        }
        for row in &t.people {
            let v = &row.value;
            for r in &v.roles {
                self.order(
                    &row.at,
                    &format!("person {}, role {:?}", v.id, r.title),
                    ("from", r.from),
                    ("to", r.to),
                );
            }
        }
    }

    /// Administration periods and sovereignty claims: references, citations, dates in
    /// order and within the party's lifetime, and no two periods of one island (or two
    /// claims of one claimant to one island) at once.
    fn history(&mut self) {
        let t = self.t;
        for row in &t.administration {
            let v = &row.value;
            let rec = record("administration", &v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            self.party(&row.at, &rec, "administrator", &v.administrator);
            self.span_dates(&row.at, &rec, v);
            for d in std::iter::once(v.from).chain(v.to) {
                self.in_lifetime(&row.at, &rec, &v.administrator, d);
            }
            if v.islands.is_empty() {
                self.invalid(&row.at, &rec, "names no island".to_owned());
            }
            if v.summary.trim().is_empty() {
                self.invalid(&row.at, &rec, "has an empty `summary`".to_owned());
            }
        }
        for row in &t.claims {
            let v = &row.value;
            let rec = record("claim", &v.id);
            self.cite(&row.at, &rec, &v.cite, true);
            self.party(&row.at, &rec, "claimant", &v.claimant);
            self.span_dates(&row.at, &rec, v);
            for d in std::iter::once(v.from).chain(v.to) {
                self.in_lifetime(&row.at, &rec, &v.claimant, d);
            }
            if v.islands.is_empty() {
                self.invalid(&row.at, &rec, "names no island".to_owned());
            }
            if v.rests_on.trim().is_empty() {
                self.invalid(
                    &row.at,
                    &rec,
                    "has an empty `rests_on`: what does the claim rest on?".to_owned(),
                );
            }
        }
        let periods: Vec<(&Row<_>, String, &str)> =
            t.administration.iter().map(|r| (r, record("administration", &r.value.id), "")).collect();
        self.overlaps(&periods, "one island has one administration at a time");
        let claims: Vec<(&Row<_>, String, &str)> =
            t.claims.iter().map(|r| (r, record("claim", &r.value.id), r.value.claimant.as_str())).collect();
        self.overlaps(&claims, "one claimant's claims to one island may not overlap");
    }

    /// A period must end after it starts (`to` is exclusive: the first day of the next).
    fn span_dates(&mut self, at: &Location, rec: &str, v: &impl Dated) {
        let (from, Some(to)) = (v.start_date(), v.end_date()) else { return };
        if to.first_day() < from.first_day() {
            self.problems.push(Problem::DatesOutOfOrder {
                at: at.clone(),
                record: rec.to_owned(),
                earlier_field: "from",
                earlier: from.to_string(),
                later_field: "to",
                later: to.to_string(),
            });
        } else if to.first_day() == from.first_day() {
            self.invalid(
                at,
                rec,
                format!("is empty: it ends (`to` = {to}) on the day it starts (`from` = {from})"),
            );
        }
    }

    /// Reports records of one group (`""`, or a claimant) that cover one island at once.
    /// Sorts by start and keeps the record reaching furthest so far: O(n log n).
    fn overlaps<T: Dated>(&mut self, rows: &[(&Row<T>, String, &str)], rule: &'static str) {
        let mut by_key: HashMap<(Island, &str), Vec<usize>> = HashMap::new();
        for (n, (row, _, group)) in rows.iter().enumerate() {
            for island in row.value.island_set() {
                by_key.entry((island, group)).or_default().push(n);
            }
        }
        let mut keys: Vec<(Island, &str)> = by_key.keys().copied().collect();
        keys.sort();
        let mut found: Vec<(usize, usize, Island)> = Vec::new();
        for key in keys {
            let Some(members) = by_key.get_mut(&key) else { continue };
            members.sort_by_key(|&n| rows.get(n).map(|(r, _, _)| r.value.first_day()));
            // The member whose end is furthest so far (`None` end = open-ended).
            let mut reach: Option<(usize, Option<chrono::NaiveDate>)> = None;
            for &n in members.iter() {
                let Some((row, _, _)) = rows.get(n) else { continue };
                if let Some((m, end)) = reach
                    && end.is_none_or(|end| row.value.first_day() < end)
                {
                    found.push((n, m, key.0));
                }
                let end = row.value.end_day();
                let further = match reach {
                    None => true,
                    Some((_, None)) => false,
                    Some((_, Some(old))) => end.is_none_or(|e| e > old),
                };
                if further {
                    reach = Some((n, end));
                }
            }
        }
        found.sort();
        for (n, m, island) in found {
            let (Some((row, rec, _)), Some((other, other_rec, _))) = (rows.get(n), rows.get(m)) else {
                continue;
            };
            self.problems.push(Problem::OverlappingPeriods {
                at: row.at.clone(),
                record: rec.clone(),
                other: other_rec.clone(),
                other_at: other.at.clone(),
                island: island.to_string(),
                rule,
            });
        }
    }

    fn formulas(&mut self) {
        let t = self.t;
        for row in &t.formulas {
            let f = &row.value;
            let rec = record("formula", f.id);
            if let Some(p) = conflicting_transfer(f, &row.at) {
                self.problems.push(p);
            }
            let mut moved = IslandSet::EMPTY;
            for tr in f.all_transfers() {
                moved.insert(tr.island);
                if let Recipient::Joint(parties) = &tr.to {
                    let mut seen: HashSet<&PartyId> = HashSet::with_capacity(parties.len());
                    if let Some(twice) = parties.iter().find(|p| !seen.insert(p)) {
                        self.invalid(
                            &row.at,
                            &rec,
                            format!("the joint recipient of {} lists {twice} twice", tr.island),
                        );
                    }
                }
            }
            let mut undecided = IslandSet::EMPTY;
            for u in &f.undecided {
                let again = undecided & u.islands;
                if !again.is_empty() {
                    self.invalid(&row.at, &rec, format!("leaves {} undecided twice", ids(again)));
                }
                undecided = undecided | u.islands;
            }
            let both = moved & undecided;
            if !both.is_empty() {
                self.invalid(
                    &row.at,
                    &rec,
                    format!("both transfers and leaves undecided (to later talks): {}", ids(both)),
                );
            }
        }
    }

    fn positions(&mut self) {
        let t = self.t;
        for row in &t.positions {
            let v = &row.value;
            let rec = record("position", &v.id);
            if v.formula.is_none() && v.transfer_at_least.is_none() && v.transfer_at_most.is_none() {
                self.invalid(
                    &row.at,
                    &rec,
                    "states neither a `formula` nor `transfer_at_least`/`transfer_at_most`".to_owned(),
                );
            }
            if let (Some(least), Some(most)) = (v.transfer_at_least, v.transfer_at_most)
                && !least.is_subset(most)
            {
                self.invalid(
                    &row.at,
                    &rec,
                    format!("transfer_at_least ({least}) is not within transfer_at_most ({most})"),
                );
            }
            if v.speaker.is_none() && v.office.is_none() {
                self.invalid(&row.at, &rec, "says neither `speaker` nor `office`: who stated it?".to_owned());
            }
        }
    }

    /// Predecessor links must not form a cycle: every party whose chain of predecessors
    /// runs into one is reported. Linear in the number of parties: each chain is walked
    /// once, and a walk stops at a party already settled.
    fn lineage(&mut self) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            /// On the chain being walked now.
            Walking,
            /// Its chain ends without a cycle.
            Clear,
            /// Its chain runs into a cycle.
            Cyclic,
        }
        let t = self.t;
        let mut marks: HashMap<&str, Mark> = HashMap::with_capacity(t.parties.len());
        let mut chain: Vec<&str> = Vec::new();
        for row in &t.parties {
            chain.clear();
            let mut current = Some(row.value.id.as_str());
            let verdict = loop {
                let Some(id) = current else { break Mark::Clear };
                match marks.get(id) {
                    Some(Mark::Walking) => break Mark::Cyclic,
                    Some(&settled) => break settled,
                    None => {}
                }
                marks.insert(id, Mark::Walking);
                chain.push(id);
                current = self.parties.get(id).and_then(|q| q.predecessor.as_ref()).map(PartyId::as_str);
            };
            for id in &chain {
                marks.insert(id, verdict);
            }
        }
        for row in &t.parties {
            if marks.get(row.value.id.as_str()) == Some(&Mark::Cyclic) {
                self.invalid(
                    &row.at,
                    &record("party", &row.value.id),
                    "its predecessors form a cycle".to_owned(),
                );
            }
        }
        // The first state of each clear line, each line walked once as above.
        let mut roots: HashMap<&str, &str> = HashMap::with_capacity(t.parties.len());
        for row in &t.parties {
            let id = row.value.id.as_str();
            if marks.get(id) != Some(&Mark::Clear) {
                continue;
            }
            chain.clear();
            let mut current = id;
            let root = loop {
                if let Some(root) = roots.get(current) {
                    break *root;
                }
                chain.push(current);
                match self.parties.get(current).and_then(|q| q.predecessor.as_ref()).map(PartyId::as_str) {
                    Some(p) if self.parties.contains_key(p) && marks.get(p) == Some(&Mark::Clear) => {
                        current = p
                    }
                    _ => break current,
                }
            };
            for id in &chain {
                roots.insert(id, root);
            }
        }
        self.roots = roots;
    }

    /// Whether two parties are one state or in one line of succession (the Soviet Union
    /// and Russia).
    fn same_line(&self, a: &PartyId, b: &PartyId) -> bool {
        a == b
            || matches!((self.roots.get(a.as_str()), self.roots.get(b.as_str())), (Some(x), Some(y)) if x == y)
    }

    /// A state begins when its predecessor ends, not before.
    fn successions(&mut self) {
        let t = self.t;
        for row in &t.parties {
            let v = &row.value;
            let (Some(p), Some(from)) = (&v.predecessor, &v.from) else { continue };
            let Some(before) = self.parties.get(p.as_str()).filter(|b| b.id != v.id) else { continue };
            let message = match &before.to {
                None => format!(
                    "begins on {from} (`from`), but its predecessor `{p}` has no end (`to`): their lifetimes overlap"
                ),
                Some(to) if from.is_before(*to) => format!(
                    "begins on {from} (`from`), before its predecessor `{p}` ends on {to} (`to`): their lifetimes overlap"
                ),
                Some(_) => continue,
            };
            self.invalid(&row.at, &record("party", &v.id), message);
        }
    }

    /// Someone who speaks for `party` on `date`: a person of that state (or of its line of
    /// succession) who held a role then. Returns what is wrong, if anything.
    fn misfit(&self, person: &PersonId, party: &PartyId, date: PartialDate) -> Option<String> {
        let p = self.people.get(person.as_str())?;
        // An unknown party is reported as such.
        if !self.parties.contains_key(party.as_str()) {
            return None;
        }
        match &p.party {
            None => {
                return Some(format!(
                    "`{person}` is not recorded as speaking for any party, so not for {party}"
                ));
            }
            Some(own) if !self.same_line(own, party) => {
                return Some(format!("`{person}` speaks for {own}, not for {party}"));
            }
            Some(_) => {}
        }
        if !any_held_at(self.roles.get(person.as_str()).map_or(&[][..], Vec::as_slice), date) {
            return Some(format!("`{person}` held none of their recorded roles on {date}"));
        }
        None
    }

    /// The speaker of a position, and the person a formula's origin names, speak for its
    /// party at its date.
    fn speakers(&mut self) {
        let t = self.t;
        for row in &t.positions {
            let v = &row.value;
            if let Some(why) = v.speaker.as_ref().and_then(|s| self.misfit(s, &v.holder, v.stated)) {
                self.invalid(&row.at, &record("position", &v.id), format!("speaker {why}"));
            }
        }
        for row in &t.formulas {
            let Some(o) = &row.value.origin else { continue };
            if let Some(why) = o.person.as_ref().and_then(|s| self.misfit(s, &o.party, o.date)) {
                self.invalid(&row.at, &record("formula", row.value.id), format!("origin: {why}"));
            }
        }
    }

    /// An event recording an agreement's signing happens when the agreement was signed,
    /// among its parties.
    fn signing_events(&mut self) {
        let t = self.t;
        let mut agreements: HashMap<AgreementId, (&Agreement, HashSet<&PartyId>)> = HashMap::new();
        for row in &t.agreements {
            agreements
                .entry(row.value.id)
                .or_insert_with(|| (&row.value, row.value.parties.iter().collect()));
        }
        for row in &t.events {
            let v = &row.value;
            let (EventKind::AgreementSigned, Some(id)) = (v.kind, v.agreement) else { continue };
            let Some((agreement, parties)) = agreements.get(&id) else { continue };
            let rec = record("event", &v.id);
            if !v.date.overlaps(agreement.signed) {
                self.invalid(
                    &row.at,
                    &rec,
                    format!(
                        "records the signing of agreement `{id}` on {}, but it was signed on {}",
                        v.date, agreement.signed
                    ),
                );
            }
            if let Some(actor) = v.actors.iter().find(|a| !parties.contains(a)) {
                self.invalid(
                    &row.at,
                    &rec,
                    format!(
                        "records the signing of agreement `{id}` with actor `{actor}`, not a party to it"
                    ),
                );
            }
        }
    }

    /// Names, titles and summaries say something.
    fn texts(&mut self) {
        fn blank<'s>(fields: impl IntoIterator<Item = (&'static str, &'s str)>) -> Vec<&'static str> {
            let mut out: Vec<&'static str> =
                fields.into_iter().filter(|(_, s)| s.trim().is_empty()).map(|(f, _)| f).collect();
            out.dedup();
            out
        }
        let t = self.t;
        let mut found: Vec<(&Location, String, Vec<&'static str>)> = Vec::new();
        let list = |field: &'static str, items: &'a [String]| items.iter().map(move |s| (field, s.as_str()));
        for row in &t.sources {
            let v = &row.value;
            found.push((
                &row.at,
                record("source", &v.id),
                blank([("title", v.title.as_str()), ("outlet", &v.outlet)]),
            ));
        }
        for row in &t.islands {
            let v = &row.value;
            let names = [
                ("name", v.name.as_str()),
                ("ja.kanji", &v.ja.kanji),
                ("ja.romaji", &v.ja.romaji),
                ("ru.cyrillic", &v.ru.cyrillic),
                ("ru.latin", &v.ru.latin),
            ];
            found.push((
                &row.at,
                record("island", v.id),
                blank(names.into_iter().chain(list("aliases", &v.aliases))),
            ));
        }
        for row in &t.names {
            let v = &row.value;
            found.push((&row.at, record("name", &v.id), blank(list("forms", &v.forms))));
        }
        for row in &t.parties {
            let v = &row.value;
            let names = [("name", v.name.as_str())]
                .into_iter()
                .chain(v.official_name.as_deref().map(|s| ("official_name", s)));
            let lists = list("aliases", &v.aliases)
                .chain(list("metonyms", &v.metonyms))
                .chain(list("adjectives", &v.adjectives));
            found.push((&row.at, record("party", &v.id), blank(names.chain(lists))));
        }
        for row in &t.people {
            let v = &row.value;
            let names =
                [("name", v.name.as_str())].into_iter().chain(v.native.as_deref().map(|s| ("native", s)));
            let titles = v.roles.iter().map(|r| ("role.title", r.title.as_str()));
            found.push((
                &row.at,
                record("person", &v.id),
                blank(names.chain(list("aliases", &v.aliases)).chain(titles)),
            ));
        }
        for row in &t.agreements {
            let v = &row.value;
            let provisions = v.provisions.iter().map(|p| ("provision.summary", p.summary.as_str()));
            let readings = v
                .provisions
                .iter()
                .flat_map(|p| p.readings.iter())
                .map(|r| ("reading.summary", r.summary.as_str()));
            let fields = [("name", v.name.as_str()), ("summary", &v.summary)]
                .into_iter()
                .chain(list("aliases", &v.aliases));
            found.push((&row.at, record("agreement", v.id), blank(fields.chain(provisions).chain(readings))));
        }
        for row in &t.formulas {
            let v = &row.value;
            let fields = [("name", v.name.as_str()), ("summary", &v.summary)]
                .into_iter()
                .chain(list("aliases", &v.aliases));
            found.push((&row.at, record("formula", v.id), blank(fields)));
        }
        for row in &t.positions {
            let v = &row.value;
            let fields = [("summary", v.summary.as_str())]
                .into_iter()
                .chain(v.office.as_deref().map(|s| ("office", s)));
            found.push((&row.at, record("position", &v.id), blank(fields)));
        }
        for row in &t.events {
            let v = &row.value;
            found.push((&row.at, record("event", &v.id), blank([("summary", v.summary.as_str())])));
        }
        for (at, rec, fields) in found {
            for field in fields {
                self.invalid(at, &rec, format!("`{field}` is empty (or only whitespace)"));
            }
        }
    }
}

/// Roles as (first day, latest last day of the roles so far), sorted by first day.
fn role_spans(roles: &[Role]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut spans: Vec<(NaiveDate, NaiveDate)> = roles
        .iter()
        .map(|role| {
            let from = role.from.map_or(NaiveDate::MIN, |d| d.first_day());
            (from, role.to.map_or(NaiveDate::MAX, |d| d.last_day()))
        })
        .collect();
    spans.sort_unstable();
    let mut latest = NaiveDate::MIN;
    for span in &mut spans {
        latest = latest.max(span.1);
        span.1 = latest;
    }
    spans
}

/// Whether any of the roles of `spans` ([`role_spans`]) was held at some time within
/// `date`, as [`Role::held_at`] says: of the roles begun by the date's last day, the latest
/// end is not before its first day. A binary search.
fn any_held_at(spans: &[(NaiveDate, NaiveDate)], date: PartialDate) -> bool {
    let begun = spans.partition_point(|(from, _)| *from <= date.last_day());
    begun > 0 && spans.get(begun - 1).is_some_and(|(_, end)| *end >= date.first_day())
}

/// Islands as their ids, for messages: `iturup, kunashir`.
fn ids(islands: IslandSet) -> String {
    islands.iter().map(Island::id).collect::<Vec<_>>().join(", ")
}

/// What the transfers seen so far give of one island, for one right.
#[derive(Default)]
struct Given<'a> {
    /// The first transfer.
    first: Option<&'a Transfer>,
    /// The first transfer of the whole island.
    whole: Option<&'a Transfer>,
    /// The transfer of the largest share.
    largest: Option<&'a Transfer>,
    /// The first transfer to each single party.
    to_party: HashMap<&'a PartyId, &'a Transfer>,
    /// The shares given so far, in basis points.
    total: u32,
}

/// The rights a transfer of `right` moves, one axis each: sovereignty, administration.
fn axes(right: Right) -> &'static [Right] {
    match right {
        Right::Both => &[Right::Sovereignty, Right::Administration],
        one => std::slice::from_ref(match one {
            Right::Sovereignty => &Right::Sovereignty,
            _ => &Right::Administration,
        }),
    }
}

/// Finds an island a formula gives (the same right in it) to two recipients, or twice,
/// or more than whole: the first transfer, in order, that conflicts with an earlier one
/// (a [`Problem::ConflictingTransfer`]), or whose share brings the shares of one right in
/// the island over the whole, over three or more transfers (a [`Problem::Invalid`] that
/// lists them). Linear in the number of transfers.
pub(crate) fn conflicting_transfer(f: &Formula, at: &Location) -> Option<Problem> {
    let mut given: HashMap<(Island, Right), Given<'_>> = HashMap::new();
    let total = |given: &HashMap<(Island, Right), Given<'_>>, island: Island, right: Right| -> u32 {
        given.get(&(island, right)).map_or(0, |g| g.total)
    };
    for (n, b) in f.all_transfers().enumerate() {
        let overlapping: &[Right] = match b.right {
            Right::Both => &[Right::Sovereignty, Right::Administration, Right::Both],
            Right::Sovereignty => &[Right::Sovereignty, Right::Both],
            Right::Administration => &[Right::Administration, Right::Both],
        };
        let conflict = overlapping.iter().filter_map(|r| given.get(&(b.island, *r))).find_map(|g| {
            if b.share.is_none() {
                return g.first;
            }
            if let Some(a) = g.whole {
                return Some(a);
            }
            if let Some(a) = g.largest
                && u32::from(a.share_or_whole().basis_points()) + u32::from(b.share_or_whole().basis_points())
                    > u32::from(Share::WHOLE.basis_points())
            {
                return Some(a);
            }
            match &b.to {
                Recipient::Party(p) => g.to_party.get(p).copied(),
                Recipient::Joint(_) => None,
            }
        });
        if let Some(a) = conflict {
            return Some(Problem::ConflictingTransfer {
                at: at.clone(),
                formula: f.id.to_string(),
                island: b.island.to_string(),
                first: a.to.to_string(),
                second: b.to.to_string(),
            });
        }
        let share = u32::from(b.share_or_whole().basis_points());
        let over = axes(b.right).iter().copied().find(|&axis| {
            total(&given, b.island, axis) + total(&given, b.island, Right::Both) + share
                > u32::from(Share::WHOLE.basis_points())
        });
        if let Some(axis) = over {
            // Reported once, so listing the transfers keeps the check linear.
            let parts: Vec<&Transfer> = f
                .all_transfers()
                .take(n + 1)
                .filter(|t| t.island == b.island && axes(t.right).contains(&axis))
                .collect();
            let sum: u32 = parts.iter().map(|t| u32::from(t.share_or_whole().basis_points())).sum();
            let list: Vec<String> =
                parts.iter().map(|t| format!("{} to {}", t.share_or_whole(), t.to)).collect();
            let right = if parts.iter().all(|t| t.right == Right::Both) {
                String::new()
            } else {
                format!(" ({axis})")
            };
            return Some(Problem::Invalid {
                at: at.clone(),
                record: record("formula", f.id),
                message: format!(
                    "the shares of {}{right} add up to {:.1}%, more than the whole: {}",
                    b.island,
                    f64::from(sum) / 100.0,
                    list.join(", ")
                ),
            });
        }
        let g = given.entry((b.island, b.right)).or_default();
        g.total += share;
        g.first.get_or_insert(b);
        if b.share.is_none() {
            g.whole.get_or_insert(b);
        }
        if g.largest.is_none_or(|a| a.share_or_whole() < b.share_or_whole()) {
            g.largest = Some(b);
        }
        if let Recipient::Party(p) = &b.to {
            g.to_party.entry(p).or_insert(b);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::formula::Stage;

    /// The definition, pair by pair and island by island (quadratic): the linear check
    /// must agree with it.
    fn pairwise_conflict(f: &Formula) -> bool {
        let transfers: Vec<_> = f.all_transfers().collect();
        let over_the_whole = transfers.iter().any(|a| {
            [Right::Sovereignty, Right::Administration].into_iter().any(|axis| {
                let on_axis = |t: &&&Transfer| t.island == a.island && t.right.overlaps(axis);
                transfers
                    .iter()
                    .filter(on_axis)
                    .map(|t| u32::from(t.share_or_whole().basis_points()))
                    .sum::<u32>()
                    > 10_000
            })
        });
        over_the_whole
            || transfers.iter().enumerate().any(|(i, a)| {
                transfers.iter().skip(i + 1).any(|b| {
                    a.island == b.island
                        && a.right.overlaps(b.right)
                        && (a.share.is_none()
                            || b.share.is_none()
                            || u32::from(a.share_or_whole().basis_points())
                                + u32::from(b.share_or_whole().basis_points())
                                > 10_000
                            || (a.to == b.to && matches!(a.to, Recipient::Party(_))))
                })
            })
    }

    fn transfer() -> impl Strategy<Value = Transfer> {
        let to = prop_oneof![
            Just(Recipient::Party(PartyId::JAPAN)),
            Just(Recipient::Party(PartyId::RUSSIA)),
            Just(Recipient::Joint(vec![PartyId::JAPAN, PartyId::RUSSIA])),
        ];
        let right = prop_oneof![Just(Right::Sovereignty), Just(Right::Administration), Just(Right::Both)];
        let share =
            prop::option::of((1u16..=10_000).prop_map(|bp| Share::from_fraction(f64::from(bp) / 10_000.0)));
        (0usize..2, to, right, share).prop_map(|(island, to, right, share)| Transfer {
            island: if island == 0 { Island::Iturup } else { Island::Habomai },
            to,
            right,
            share: share.flatten(),
        })
    }

    fn role(from: Option<PartialDate>, to: Option<PartialDate>) -> Role {
        Role { title: "Minister".into(), from, to, cite: Vec::new() }
    }

    fn date() -> impl Strategy<Value = PartialDate> {
        (1990i32..2000, 1u32..=12, 1u32..=28, 0u8..3).prop_map(|(y, m, d, p)| match p {
            0 => PartialDate::from_year(y).unwrap(),
            1 => PartialDate::from_year_month(y, m).unwrap(),
            _ => PartialDate::from_ymd(y, m, d).unwrap(),
        })
    }

    proptest! {
        #[test]
        fn the_role_search_agrees_with_role_held_at(
            roles in prop::collection::vec((prop::option::of(date()), prop::option::of(date())), 0..6),
            at in date(),
        ) {
            let roles: Vec<Role> = roles.into_iter().map(|(from, to)| role(from, to)).collect();
            prop_assert_eq!(any_held_at(&role_spans(&roles), at), roles.iter().any(|r| r.held_at(at)));
        }

        #[test]
        fn the_linear_check_agrees_with_the_pairwise_definition(
            stages in prop::collection::vec(prop::collection::vec(transfer(), 0..5), 0..3)
        ) {
            let mut f = crate::Dataset::builtin().formula(FormulaId::FourIslands).clone();
            f.stages = stages
                .into_iter()
                .map(|transfers| Stage { label: None, conditions: Vec::new(), transfers })
                .collect();
            let at = Location::start_of("formulas.toml");
            prop_assert_eq!(conflicting_transfer(&f, &at).is_some(), pairwise_conflict(&f));
        }
    }
}
