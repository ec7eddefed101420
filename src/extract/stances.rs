//! Positions: stance frames read with their roles.
//!
//! A stance is a predicate with arguments. The pack names the predicates (claim, give,
//! keep, basis, accept, reject, renounce) and the concepts that name a formula's idea
//! ("post-war realities", "without preconditions"); the engine reads, around each:
//!
//! - *what*: the territory a claim, a hand-over or a hold is about (islands by name, a
//!   collective name, "the two smaller islands", "all four"), or the agreement or
//!   formula a basis or an acceptance names;
//! - *who*: a possessor ("Japan's claim", "our sovereignty"), the speaker of the quote
//!   it stands in, the subject of its clause or of the clause that governs it (walking
//!   back through "X said that …"), the agent of a passive ("claimed by Japan"), or a
//!   speaker named after it ("…, Moscow said"); an official speaks for their state, an
//!   expert, a poll or a newspaper for no state;
//! - *polarity*: a negator or a rejecting predicate before it ("will not hand over",
//!   "refuses to", "rejected"), a renouncing one ("drop its claim"), each flipping it.
//!
//! What a frame says becomes a formula through the dataset: a side that gets (or keeps)
//! a set of islands holds the single-stage formula that gives it exactly that set, and a
//! side that keeps all four while no formula gives it anything holds the formula with no
//! transfer at all. No formula is named in this code.

use std::ops::Range;

use super::findings::{AgreementMention, IslandMention, PartyMention, PositionFinding};
use super::findings::PartyForm;
use super::lexicon::{Extent, Means, Term};
use super::people::People;
use super::reader::Entry;
use super::scan::{Found, NEAR, Scan, starting_in};
use super::text::{char_at, floor_boundary, word_before};
use crate::agreement::ProvisionEffect;
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::formula::FormulaId;
use crate::id::PartyId;
use crate::island::IslandSet;

/// The longest quotation read as one (longer runs between quote marks are not quotes).
pub(crate) const MAX_QUOTE: usize = 2000;

/// What a frame says, before it is a formula.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// A formula named by a concept, an agreement or the data's name of a formula.
    Formula(FormulaId),
    /// `party` gets (or keeps) `islands`.
    Gets(Option<PartyId>, IslandSet),
    /// The holder hands `islands` to the other side.
    Gives(IslandSet),
}

/// Who a stance is attributed to.
#[derive(Debug, Clone, PartialEq)]
enum Holder {
    States(Vec<PartyId>, Option<String>),
    /// An expert, a journalist, a poll, a former official: not a state's position.
    NotAState,
}

/// The formulas a side's allocation points to, read from the dataset.
#[derive(Debug)]
pub(crate) struct FormulaIndex {
    /// (formula, recipient, islands it gets in its only stage).
    single_stage: Vec<(FormulaId, PartyId, IslandSet)>,
    /// The formula with no transfer, no undecided island and no joint activity.
    nothing: Option<FormulaId>,
    /// Every party some formula transfers islands to.
    recipients: Vec<PartyId>,
}

impl FormulaIndex {
    pub fn new(data: &Dataset) -> Self {
        let mut single_stage = Vec::new();
        let mut nothing = None;
        let mut recipients: Vec<PartyId> = Vec::new();
        for f in data.formulas().filter(|f| f.id.in_annotation_schema()) {
            for stage in &f.stages {
                for t in &stage.transfers {
                    for p in t.to.parties() {
                        if !recipients.contains(p) {
                            recipients.push(p.clone());
                        }
                    }
                }
            }
            if f.stages.is_empty() && f.undecided.is_empty() && f.joint_activity.is_empty() {
                nothing = nothing.or(Some(f.id));
            }
            if let [stage] = f.stages.as_slice()
                && f.undecided.is_empty()
                && stage.transfers.iter().all(|t| t.share() == crate::formula::Share::WHOLE)
            {
                for p in &recipients.clone() {
                    let got = f.transfers_to(p);
                    if !got.is_empty() && stage.transfers.iter().all(|t| t.to.parties().contains(p)) {
                        single_stage.push((f.id, p.clone(), got));
                    }
                }
            }
        }
        FormulaIndex { single_stage, nothing, recipients }
    }

    /// The formula of `party` getting exactly `islands`.
    fn gets(&self, party: &PartyId, islands: IslandSet) -> Option<FormulaId> {
        if let Some((f, _, _)) = self.single_stage.iter().find(|(_, p, s)| p == party && *s == islands) {
            return Some(*f);
        }
        // A side no formula gives anything keeping all four: the formula of no transfer.
        (islands == IslandSet::ALL && !self.recipients.contains(party)).then_some(self.nothing).flatten()
    }

    /// The formula of `giver` handing `islands` to the other side.
    fn gives(&self, giver: &PartyId, islands: IslandSet) -> Option<FormulaId> {
        if self.recipients.contains(giver) {
            return None;
        }
        let [recipient] = self.recipients.as_slice() else { return None };
        self.gets(recipient, islands)
    }

    /// The formula of `keeper` keeping what it holds (a hand-over refused).
    fn keeps(&self, keeper: &PartyId) -> Option<FormulaId> {
        self.gets(keeper, IslandSet::ALL)
    }
}

/// A clause of a sentence: its range.
fn clauses(scan: &Scan<'_>, s: &Range<usize>) -> Vec<usize> {
    let text = scan.slice(s);
    let mut starts = vec![s.start];
    for (i, c) in text.char_indices() {
        let cut = match c {
            ',' | ';' | ':' | '(' | ')' | '、' | '「' | '」' | '"' => Some(i + c.len_utf8()),
            '-' if text.get(i.saturating_sub(1)..i) == Some(" ") && text.get(i + 1..i + 2) == Some(" ") => Some(i + 1),
            _ => None,
        };
        if let Some(at) = cut {
            starts.push(s.start + at);
        }
    }
    // Before a complementizer ("… said that …").
    for (r, _) in scan.pack.complementizers.find_in(scan.text(), s.clone()) {
        starts.push(r.start);
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// An actor of a sentence: who may hold a stance.
#[derive(Debug, Clone)]
struct Actor {
    at: Range<usize>,
    holder: Holder,
    /// Named after an object preposition or marker: not a subject.
    object: bool,
    /// In the possessive ("Japan's"): the possessor of what follows.
    possessive: bool,
    /// A person (not a state's name).
    person: bool,
}

/// The actors of `range`, in order.
fn actors(scan: &Scan<'_>, range: &Range<usize>, parties: &[Found<PartyMention>], people: &People) -> Vec<Actor> {
    let text = scan.text();
    let pack = scan.pack;
    let mut out = Vec::new();
    for p in starting_in(parties, |p| p.at.start, range).iter().filter(|p| p.at.end <= range.end) {
        let r = p.at.clone();
        let possessive = pack.possessive_suffixes.glued(text, r.end).is_some() || pack.possessive_markers.glued(text, r.end).is_some();
        let object = pack.object_prepositions.before(text, r.start).is_some()
            || pack.object_markers.glued(text, r.end).is_some()
            || pack.title_complements.before(text, r.start).is_some() && p.item.form == PartyForm::Name && false;
        out.push(Actor {
            at: r,
            holder: Holder::States(vec![p.item.party.clone()], None),
            object,
            possessive,
            person: false,
        });
    }
    for (r, m) in people.in_range(range) {
        let holder = match (&m.party, m.official) {
            (Some(p), true) => Holder::States(vec![p.clone()], Some(m.name.clone())),
            _ => Holder::NotAState,
        };
        let object = pack.object_prepositions.before(text, r.start).is_some() || pack.object_markers.glued(text, r.end).is_some();
        out.push(Actor { at: r.clone(), holder, object, possessive: false, person: true });
    }
    // "Both sides", "the two leaders": every state of the sentence.
    for (r, _) in pack.both_sides.find_in(text, range.clone()) {
        let mut states: Vec<PartyId> = Vec::new();
        let s = scan.sentence(scan.sentence_of(r.start));
        let from = scan.sentence(scan.sentence_of(r.start).saturating_sub(1)).start;
        for p in starting_in(parties, |p| p.at.start, &(from..s.end)) {
            if !states.contains(&p.item.party) {
                states.push(p.item.party.clone());
            }
        }
        for (_, m) in people.in_range(&(from..s.end)) {
            if let (Some(p), true) = (&m.party, m.official)
                && !states.contains(p)
            {
                states.push(p.clone());
            }
        }
        if states.len() >= 2 {
            out.push(Actor { at: r, holder: Holder::States(states, None), object: false, possessive: false, person: false });
        }
    }
    // Reporters as subjects ("Analysts say …", "a poll found …").
    for (r, _) in pack.reporters.find_in(text, range.clone()) {
        out.push(Actor { at: r, holder: Holder::NotAState, object: false, possessive: false, person: true });
    }
    out.sort_by_key(|a| a.at.start);
    // A person's name inside a party's (or the reverse) is one actor: keep the person.
    out.dedup_by(|b, a| {
        let overlap = a.at.start < b.at.end && b.at.start < a.at.end;
        if overlap && b.person && !a.person {
            std::mem::swap(a, b);
        }
        overlap
    });
    out
}

/// What a stance trigger is.
#[derive(Debug, Clone)]
enum Trigger {
    Concept(FormulaId),
    Predicate { means: Means, nominal: bool },
}

/// Everything the frames read in a piece.
struct Reading<'s, 'a> {
    scan: &'s Scan<'a>,
    parties: &'s [Found<PartyMention>],
    people: &'s People,
    agreements: &'s [Found<AgreementMention>],
    islands: &'s [Found<IslandMention>],
    index: &'s FormulaIndex,
}

impl Reading<'_, '_> {
    /// The territory a predicate at `at` is about: island mentions and territory nouns in
    /// `span`, their union (or the count a territory noun gives).
    fn territory(&self, span: &Range<usize>) -> Option<(IslandSet, usize)> {
        let text = self.scan.text();
        let pack = self.scan.pack;
        let mut set = IslandSet::EMPTY;
        let mut last = span.start;
        for m in starting_in(self.islands, |m| m.at.start, span) {
            if m.at.end <= span.end {
                set = set | m.item.islands;
                last = last.max(m.at.end);
            }
        }
        if !set.is_empty() {
            // "two of the four islands": the count before "of" decides.
            if let Some(ext) = count_before(self.scan, starting_in(self.islands, |m| m.at.start, span).first().map_or(span.start, |m| m.at.start)) {
                return Some((extent_set(ext, set), last));
            }
            return Some((set, last));
        }
        let (r, _) = pack.territory_nouns.find_in(text, span.clone()).next()?;
        let ext = count_before(self.scan, r.start);
        let in_dispute = self.islands.iter().any(|m| m.item.islands == IslandSet::ALL || m.item.islands.len() >= 2)
            || !self.islands.is_empty();
        if !in_dispute {
            return None;
        }
        Some((extent_set(ext.unwrap_or(Extent::All), IslandSet::ALL), r.end))
    }
}

/// The islands an extent makes of a set: all of it, the two of the 1956 pair, or none
/// definite.
fn extent_set(ext: Extent, set: IslandSet) -> IslandSet {
    use crate::island::Island;
    match ext {
        Extent::All => set,
        Extent::Two => IslandSet::from([Island::Shikotan, Island::Habomai]),
        Extent::Some => IslandSet::EMPTY,
    }
}

/// The count before a territory noun or name: up to five words back, and for "two of
/// the four" the count before "of".
fn count_before(scan: &Scan<'_>, at: usize) -> Option<Extent> {
    let text = scan.text();
    let pack = scan.pack;
    let s = scan.sentence(scan.sentence_of(at));
    let mut pos = at;
    let mut found: Option<(usize, Extent)> = None;
    for _ in 0..5 {
        if let Some((start, e)) = pack.extents.before(text, pos) {
            found = Some((start, *e));
            pos = start;
            continue;
        }
        match word_before(text, pos) {
            Some(w) if w.start >= s.start => {
                let word = text.get(w.clone()).unwrap_or_default().to_lowercase();
                if matches!(word.as_str(), "of" | "the") || found.is_none() {
                    pos = w.start;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    found.map(|(_, e)| e)
}

/// Positions: an agreement's terms or negotiating basis, then every stance frame.
pub(crate) fn positions(
    scan: &Scan<'_>,
    parties: &[Found<PartyMention>],
    people: &People,
    agreements: &[Found<AgreementMention>],
    islands: &[Found<IslandMention>],
    index: &FormulaIndex,
) -> Vec<Found<PositionFinding>> {
    let r = Reading { scan, parties, people, agreements, islands, index };
    let mut out = agreement_positions(&r);
    let text = scan.text();
    // The stance triggers, in order.
    let mut triggers: Vec<(Range<usize>, Trigger)> = Vec::new();
    for h in &scan.hits {
        for e in scan.reader.entries(h) {
            let t = match e {
                Entry::Term(Term::Concept(f)) | Entry::Formula(f) => Trigger::Concept(*f),
                Entry::Term(Term::Predicate { means, nominal }) => Trigger::Predicate { means: *means, nominal: *nominal },
                _ => continue,
            };
            triggers.push((h.range(), t));
            break;
        }
    }
    let mut consumed: Vec<Range<usize>> = Vec::new();
    for (k, (range, trigger)) in triggers.iter().enumerate() {
        if consumed.iter().any(|c| c.start <= range.start && range.end <= c.end) {
            continue;
        }
        let si = scan.sentence_of(range.start);
        let s = scan.sentence(si);
        // Questions state no stance.
        if text.get(s.clone()).is_some_and(|t| t.trim_end().ends_with('?') || t.trim_end().ends_with('？')) {
            continue;
        }
        let starts = clauses(scan, &s);
        let c = starts.partition_point(|&x| x <= range.start).saturating_sub(1);
        let clause = starts.get(c).copied().unwrap_or(s.start)..starts.get(c + 1).copied().unwrap_or(s.end);
        let mut negated = negated_before(scan, &clause, range.start) || negated_after(scan, range.end);
        let outcome = match trigger {
            Trigger::Concept(f) => Some(Outcome::Formula(*f)),
            Trigger::Predicate { means, nominal } => {
                let after = range.end..clause.end.max((range.end + 120).min(s.end)).min(s.end);
                let after = range.end..floor_boundary(text, after.end);
                match means {
                    Means::Claim => r.territory(&after).map(|(set, _)| Outcome::Gets(None, set)).or_else(|| {
                        // A claim nominal with a named formula after it ("demand for a two-island deal").
                        triggers.get(k + 1).and_then(|(r2, t2)| match t2 {
                            Trigger::Concept(f) if r2.start < after.end => Some(Outcome::Formula(*f)),
                            _ => None,
                        })
                    }),
                    Means::Give => r.territory(&after).map(|(set, _)| Outcome::Gives(set)),
                    Means::Keep => {
                        // "The islands belong to Russia": the territory before, the side after.
                        let before = clause.start..range.start;
                        let beneficiary = starting_in(parties, |p| p.at.start, &after)
                            .iter()
                            .find(|p| p.at.end <= after.end)
                            .map(|p| p.item.party.clone());
                        match r.territory(&after).or_else(|| r.territory(&before)) {
                            Some((set, _)) => Some(Outcome::Gets(beneficiary, set)),
                            None => None,
                        }
                    }
                    Means::Basis | Means::Accept => {
                        // An agreement or a formula named in the clause (or the sentence).
                        let span = if *nominal { s.clone() } else { clause.start..s.end };
                        let agreement = starting_in(agreements, |a| a.at.start, &span)
                            .iter()
                            .filter(|a| a.at.end <= span.end)
                            .min_by_key(|a| a.at.start.abs_diff(range.start))
                            .and_then(|a| agreement_formula(scan.data, a.item.agreement));
                        let concept = triggers.iter().skip(k + 1).take_while(|(r2, _)| r2.start < span.end).find_map(|(r2, t2)| match t2 {
                            Trigger::Concept(f) => Some((r2.clone(), *f)),
                            _ => None,
                        });
                        match (agreement, concept) {
                            (_, Some((cr, f))) => {
                                consumed.push(cr);
                                Some(Outcome::Formula(f))
                            }
                            (Some(f), None) if *means == Means::Basis || !*nominal => Some(Outcome::Formula(f)),
                            _ => None,
                        }
                    }
                    Means::Reject => {
                        // What is rejected is not the rejecter's; a hand-over refused is a hold.
                        let next = triggers.get(k + 1).filter(|(r2, _)| r2.start < clause.end.max(range.end + 60));
                        match next {
                            Some((r2, Trigger::Predicate { means: Means::Give, .. })) => {
                                let after2 = r2.end..(r2.end + 120).min(s.end);
                                let after2 = r2.end..floor_boundary(text, after2.end);
                                consumed.push(r2.clone());
                                negated = !negated;
                                r.territory(&after2).map(|(set, _)| Outcome::Gives(set))
                            }
                            Some((r2, _)) => {
                                // Someone else's stance: attributed only through its possessor.
                                if possessor(&r, r2.start, &s).is_none() {
                                    consumed.push(r2.clone());
                                }
                                None
                            }
                            None => None,
                        }
                    }
                    Means::Renounce => {
                        // "drop its claim to the islands": a claim, denied (twice denied, held).
                        let next = triggers.get(k + 1).filter(|(r2, _)| r2.start < clause.end.max(range.end + 40));
                        match next {
                            Some((r2, Trigger::Predicate { means: Means::Claim, .. })) => {
                                consumed.push(r2.clone());
                                negated = !negated;
                                let after2 = r2.end..floor_boundary(text, (r2.end + 120).min(s.end));
                                r.territory(&after2).map(|(set, _)| Outcome::Gets(None, set))
                            }
                            _ => None,
                        }
                    }
                }
            }
        };
        let Some(outcome) = outcome else { continue };
        let bearing = match trigger {
            Trigger::Predicate { means: Means::Claim | Means::Give | Means::Keep | Means::Reject | Means::Renounce | Means::Basis | Means::Accept, .. } => true,
            Trigger::Concept(_) => false,
        };
        let Some((holder, date)) = holder_of(&r, range, &s, &starts, c, bearing) else { continue };
        let Holder::States(states, speaker) = holder else { continue };
        let date = date.or(scan.published);
        for state in states {
            let formula = match (&outcome, negated) {
                (Outcome::Formula(f), false) => Some(*f),
                (Outcome::Gets(beneficiary, set), false) => index.gets(beneficiary.as_ref().unwrap_or(&state), *set),
                (Outcome::Gives(set), false) => index.gives(&state, *set),
                (Outcome::Gives(_), true) => index.keeps(&state),
                (Outcome::Gets(Some(b), _), true) if *b != state => None,
                _ => None,
            };
            let Some(formula) = formula.filter(|f| f.in_annotation_schema() || true) else { continue };
            out.push(Found::new(
                range.clone(),
                PositionFinding {
                    holder: state,
                    formula,
                    date,
                    speaker: speaker.clone(),
                    evidence: scan.evidence(range),
                },
            ));
        }
    }
    let _ = NEAR;
    out
}

/// The formula an agreement's provisions name.
fn agreement_formula(data: &Dataset, id: crate::agreement::AgreementId) -> Option<FormulaId> {
    data.agreement(id).provisions.iter().find_map(|p| p.formula.filter(|f| f.in_annotation_schema()))
}

/// Whether a negator stands in `clause` before `at` (within a few words).
fn negated_before(scan: &Scan<'_>, clause: &Range<usize>, at: usize) -> bool {
    let text = scan.text();
    let from = at.saturating_sub(40).max(clause.start);
    let from = floor_boundary(text, from);
    scan.pack.negators.find_in(text, from..at).next().is_some()
}

/// Whether a negator follows right after (Japanese ない, Russian "не" comes before).
fn negated_after(scan: &Scan<'_>, at: usize) -> bool {
    let text = scan.text();
    let to = floor_boundary(text, (at + 12).min(text.len()));
    !scan.pack.negators_after.is_empty() && scan.pack.negators_after.find_in(text, at..to).next().is_some()
}

/// The possessor of a noun at `at`: "Japan's (unbending) demand", "the Japanese claim",
/// "our sovereignty" (a first person: the speaker), "its claim" (the clause's subject).
fn possessor(r: &Reading<'_, '_>, at: usize, s: &Range<usize>) -> Option<Holder> {
    let scan = r.scan;
    let text = scan.text();
    let pack = scan.pack;
    let from = at.saturating_sub(50).max(s.start);
    let near = from..at;
    // The last party before the noun in the possessive, or an adjective of a state.
    for p in starting_in(r.parties, |p| p.at.start, &near).iter().rev() {
        let glued = pack.possessive_suffixes.glued(text, p.at.end).is_some() || pack.possessive_markers.glued(text, p.at.end).is_some();
        let gap = text.get(p.at.end..at).unwrap_or_default();
        let words = gap.split_whitespace().count();
        if (glued || p.item.form == PartyForm::Adjective) && words <= 3 && !gap.contains([',', ';', '.']) {
            return Some(Holder::States(vec![p.item.party.clone()], None));
        }
    }
    // First person: the speaker of the quote the noun stands in.
    if let Some((d, _)) = pack.possessive_determiners.before(text, at).or_else(|| {
        word_before(text, at).and_then(|w| pack.possessive_determiners.before(text, w.start))
    }) {
        let det = text.get(d..at).unwrap_or_default().split_whitespace().next().unwrap_or_default().to_string();
        if pack.first_person.contains(&det) {
            return quote_speaker(r, at).map(|(h, _)| h);
        }
    }
    None
}

/// The speaker of the quote `at` stands in, if it has one.
fn quote_speaker(r: &Reading<'_, '_>, at: usize) -> Option<(Holder, ())> {
    let back = at.saturating_sub(MAX_QUOTE)..at + 1;
    let q = starting_in(&r.people.quotes, |q| q.at.start, &back).iter().rev().find(|q| at < q.at.end)?;
    let speaker = q.item.speaker.as_deref()?;
    let m = r.people.by_name(speaker)?;
    Some((
        match (&m.party, m.official) {
            (Some(p), true) => Holder::States(vec![p.clone()], Some(m.name.clone())),
            _ => Holder::NotAState,
        },
        (),
    ))
}

/// Who states a trigger and when: the possessor; the speaker of its quote; the subject
/// of its clause or of the clauses governing it; a speaker named after it; for a sentence
/// opening with a pronoun, the person last named. `bearing`: the trigger is itself a
/// stance predicate (a bare concept needs a possessor, a quote or a verb of saying).
fn holder_of(
    r: &Reading<'_, '_>,
    range: &Range<usize>,
    s: &Range<usize>,
    starts: &[usize],
    c: usize,
    bearing: bool,
) -> Option<(Holder, Option<PartialDate>)> {
    let scan = r.scan;
    let text = scan.text();
    let pack = scan.pack;
    let date = scan.date_at(range.start);
    if let Some(h) = possessor(r, range.start, s) {
        return Some((h, date));
    }
    if let Some((h, _)) = quote_speaker(r, range.start) {
        return Some((h, date));
    }
    // A clause opening with a subordinator ("if Japan accepts …") states no stance.
    let clause_start = starts.get(c).copied().unwrap_or(s.start);
    if pack.subordinators.after(text, clause_start).is_some_and(|(e, _)| {
        let w = text.get(clause_start..e).unwrap_or_default().trim().to_lowercase();
        w == "if" || w == "unless" || w == "whether"
    }) {
        return None;
    }
    if pack.hedges.find_in(text, s.clone()).next().is_some() {
        return None;
    }
    let all = actors(scan, s, r.parties, r.people);
    let speech_in_sentence = scan.entries_in(s).any(|(_, e)| matches!(e, Entry::Term(Term::Speech { .. })));
    // Reporters governing the trigger: their words are not a state's.
    let before: Vec<&Actor> = all.iter().filter(|a| a.at.end <= range.start).collect();
    if let Some(first) = before.iter().find(|a| !a.object)
        && first.holder == Holder::NotAState
        && !first.person
    {
        return Some((Holder::NotAState, date));
    }
    // Passive: "are claimed by Japan" — the agent after.
    if pack.passive.before(text, range.start).is_some()
        && let Some(agent) = all.iter().find(|a| a.at.start >= range.end && a.at.start < range.end + 40 && pack.agent.before(text, a.at.start).is_some())
    {
        return Some((agent.holder.clone(), date));
    }
    // The subject of the trigger's clause, then of the clauses before it.
    let clause_of = |k: usize| starts.get(k).copied().unwrap_or(s.start)..starts.get(k + 1).copied().unwrap_or(s.end);
    let mut subject: Option<&Actor> = None;
    for k in (0..=c).rev() {
        let cl = clause_of(k);
        let until = if k == c { range.start } else { cl.end };
        if let Some(a) = all.iter().find(|a| a.at.start >= cl.start && a.at.start < until && !a.object) {
            subject = Some(a);
            break;
        }
    }
    // "Japan must accept …, Lavrov said": an obligation put on a side is the speaker's.
    if let Some(a) = subject
        && pack.obligation.find_in(text, a.at.end..range.start).next().is_some()
        && let Some(speaker) = all.iter().find(|b| b.at.start > range.end && !b.object && b.holder != Holder::NotAState)
    {
        return Some((speaker.holder.clone(), date));
    }
    if let Some(a) = subject {
        if !bearing && !speech_in_sentence && !governed(scan, &clause_of(c), a, range) {
            return None;
        }
        return Some((a.holder.clone(), date));
    }
    // After the trigger, in the rest of the sentence ("…, Moscow said").
    if let Some(a) = all.iter().find(|a| a.at.start >= range.end && !a.object) {
        if !bearing && !speech_in_sentence {
            return None;
        }
        return Some((a.holder.clone(), date));
    }
    // A sentence that opens with a pronoun continues with the person last named.
    let si = scan.sentence_of(range.start);
    if pack.pronouns.after(text, s.start).is_some() {
        let window = scan.sentence(si.saturating_sub(2)).start..s.start;
        if let Some(m) = r.people.last_before(s.start, &window) {
            let h = match (&m.party, m.official) {
                (Some(p), true) => Holder::States(vec![p.clone()], Some(m.name.clone())),
                _ => Holder::NotAState,
            };
            return Some((h, date));
        }
    }
    // A sentence with no one in it continues the one before ("The statement said …").
    if all.is_empty() && (bearing || speech_in_sentence) {
        let prev = scan.sentence(si.checked_sub(1)?);
        let prev_actors = actors(scan, &prev, r.parties, r.people);
        if let Some(a) = prev_actors.iter().find(|a| !a.object) {
            return Some((a.holder.clone(), date));
        }
    }
    None
}

/// Whether a concept in `clause` is governed by its subject through a stance predicate,
/// a verb of saying or a modal ("Moscow insists on post-war realities", "Tokyo will seek
/// …").
fn governed(scan: &Scan<'_>, clause: &Range<usize>, subject: &Actor, trigger: &Range<usize>) -> bool {
    let between = subject.at.end..trigger.start;
    if between.end <= between.start {
        return false;
    }
    scan.entries_in(&between).any(|(_, e)| {
        matches!(e, Entry::Term(Term::Predicate { .. }) | Entry::Term(Term::Speech { .. }))
    }) || scan.pack.obligation.find_in(scan.text(), between.clone()).next().is_some()
        || char_at(scan.text(), clause.start).is_some() && scan.pack.possessive_determiners.find_in(scan.text(), between).next().is_some()
}

/// Positions an agreement puts on record when the text gives its terms or names it as
/// the basis of talks: for its parties, at its date.
fn agreement_positions(r: &Reading<'_, '_>) -> Vec<Found<PositionFinding>> {
    let scan = r.scan;
    let data = scan.data;
    let text = scan.text();
    let mut out = Vec::new();
    for a in r.agreements {
        let agreement = data.agreement(a.item.agreement);
        // As the text dates it; at the signing's precision when the text gives that year or none.
        let date = match a.item.year {
            Some(y) if y != agreement.signed.year_number() => PartialDate::year(y).ok(),
            _ => Some(agreement.signed),
        };
        let Some(date) = date else { continue };
        let s = scan.sentence_of(a.at.start);
        let window = scan.sentence(s).start..scan.sentence(s + 1).end.max(scan.sentence(s).end);
        let window = window.start.max(a.at.start.saturating_sub(NEAR))..window.end.min(a.at.end + NEAR);
        let window = floor_boundary(text, window.start)..floor_boundary(text, window.end);
        for p in &agreement.provisions {
            let Some(formula) = p.formula.filter(|f| f.in_annotation_schema()) else { continue };
            let holders: Vec<PartyId> = match p.effect {
                ProvisionEffect::TransferPromise => {
                    // The terms given: a hand-over of the provision's islands near the name.
                    let gives = scan.entries_in(&window).any(|(h, e)| {
                        matches!(e, Entry::Term(Term::Predicate { means: Means::Give, .. }))
                            && r.territory(&(h.end as usize..floor_boundary(text, (h.end as usize + 120).min(window.end))))
                                .or_else(|| r.territory(&window))
                                .is_some_and(|(set, _)| set == p.islands || set.is_superset(p.islands))
                    });
                    if !gives {
                        continue;
                    }
                    agreement.parties.iter().filter(|q| Some(*q) != p.beneficiary.as_ref()).cloned().collect()
                }
                ProvisionEffect::NegotiationBasis => agreement.parties.clone(),
                _ => continue,
            };
            for holder in holders {
                out.push(Found::new(
                    a.at.clone(),
                    PositionFinding { holder, formula, date: Some(date), speaker: None, evidence: a.item.evidence },
                ));
            }
        }
    }
    out
}
