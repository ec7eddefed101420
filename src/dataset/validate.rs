//! Cross-checks: ids unique and resolvable, dates in order, formulas consistent, every
//! fact cited.

use std::collections::{HashMap, HashSet};

use strum::VariantArray;

use super::load::{RawTables, Row};
use crate::administration::Dated;
use crate::agreement::AgreementId;
use crate::date::PartialDate;
use crate::error::{Location, Problem};
use crate::formula::{Formula, FormulaId, Recipient, Right, Share, Transfer};
use crate::id::PartyId;
use crate::island::Island;
use crate::party::Party;
use crate::source::{Citation, MAX_QUOTE_WORDS};

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
    c.history();
    c.problems
}

struct Checker<'a> {
    t: &'a RawTables,
    sources: HashSet<&'a str>,
    parties: HashMap<&'a str, &'a Party>,
    people: HashSet<&'a str>,
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
            people: t.people.iter().map(|r| r.value.id.as_str()).collect(),
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
        for island in Island::VARIANTS {
            if !t.islands.iter().any(|r| r.value.id == *island) {
                self.problems.push(Problem::MissingRecord {
                    at: t.file_of("island"),
                    table: "island",
                    id: island.to_string(),
                });
            }
        }
        for id in AgreementId::VARIANTS {
            if !t.agreements.iter().any(|r| r.value.id == *id) {
                self.problems.push(Problem::MissingRecord {
                    at: t.file_of("agreement"),
                    table: "agreement",
                    id: id.to_string(),
                });
            }
        }
        for id in FormulaId::VARIANTS {
            if !t.formulas.iter().any(|r| r.value.id == *id) {
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
        if !self.people.contains(id) {
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
    fn in_lifetime(&mut self, at: &Location, rec: &str, id: &PartyId, date: &PartialDate) {
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
                self.in_lifetime(&row.at, &rec, p, &v.signed);
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
            self.in_lifetime(&row.at, &rec, &v.holder, &v.stated);
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
                self.in_lifetime(&row.at, &rec, p, &v.date);
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
            && s.is_before(&f)
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
                self.in_lifetime(&row.at, &rec, &v.administrator, &d);
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
                self.in_lifetime(&row.at, &rec, &v.claimant, &d);
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
        for row in &self.t.formulas {
            if let Some(p) = conflicting_transfer(&row.value, &row.at) {
                self.problems.push(p);
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
    }
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
}

/// Finds an island a formula gives (the same right in it) to two recipients, or twice,
/// or more than whole: the first transfer, in order, that conflicts with an earlier one.
/// Linear in the number of transfers.
pub(crate) fn conflicting_transfer(f: &Formula, at: &Location) -> Option<Problem> {
    let mut given: HashMap<(Island, Right), Given<'_>> = HashMap::new();
    for b in f.all_transfers() {
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
                && u32::from(a.share().basis_points()) + u32::from(b.share().basis_points())
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
        let g = given.entry((b.island, b.right)).or_default();
        g.first.get_or_insert(b);
        if b.share.is_none() {
            g.whole.get_or_insert(b);
        }
        if g.largest.is_none_or(|a| a.share() < b.share()) {
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

    /// The definition, pair by pair (quadratic): the linear check must agree with it.
    fn pairwise_conflict(f: &Formula) -> bool {
        let transfers: Vec<_> = f.all_transfers().collect();
        transfers.iter().enumerate().any(|(i, a)| {
            transfers.iter().skip(i + 1).any(|b| {
                a.island == b.island
                    && a.right.overlaps(b.right)
                    && (a.share.is_none()
                        || b.share.is_none()
                        || u32::from(a.share().basis_points()) + u32::from(b.share().basis_points()) > 10_000
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

    proptest! {
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
