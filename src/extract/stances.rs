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

use super::findings::PartyForm;
use super::findings::{AgreementMention, PartyMention, PersonMention, PositionFinding};
use super::lexicon::{Extent, Means, Term};
use super::people::People;
use super::reader::{Class, Entry};
use super::scan::{Found, NEAR, Scan, starting_in};
use super::text::{chars_after, chars_before, floor_boundary, word_after, word_before, words};
use crate::agreement::ProvisionEffect;
use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::formula::{FormulaId, StatedOrder};
use crate::id::PartyId;
use crate::island::IslandSet;

/// How far past a name its title may run (characters).
const TITLE_REACH: usize = 40;

/// How far past a speaker its verb of saying may stand (characters): "Lavrov said",
/// «Лавров в понедельник заявил».
const SPEAKER_REACH: usize = 30;

/// How far past a predicate its object may run (characters).
const OBJECT_REACH: usize = 120;

/// The longest quotation read as one (longer runs between quote marks are not quotes).
pub(crate) const MAX_QUOTE: usize = 2000;

/// The islands a frame is about: wholly, and in part ("part of Kunashir").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Land {
    full: IslandSet,
    partial: IslandSet,
}

/// What a frame says, before it is a formula.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// A formula named by a concept, an agreement or the data's name of a formula.
    Formula(FormulaId),
    /// `party` (the holder when `None`) gets or keeps the land.
    Gets(Option<PartyId>, Land),
    /// The holder hands the land to the other side.
    Gives(Land),
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
    /// (formula, recipient, islands it gets in its only stage, islands left undecided).
    single_stage: Vec<(FormulaId, PartyId, IslandSet, IslandSet)>,
    /// The formula with no transfer, no undecided island and no joint activity.
    nothing: Option<FormulaId>,
    /// Every party some formula transfers islands to.
    recipients: Vec<PartyId>,
    /// When the islands first changed hands ([`Dataset::first_handover`]): no stance on
    /// settling the dispute is dated wholly before it.
    dispute_began: Option<PartialDate>,
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
                && stage.transfers.iter().all(|t| t.share_or_whole() == crate::formula::Share::WHOLE)
            {
                let undecided = f.undecided_islands();
                for p in &recipients.clone() {
                    let got = f.islands_transferred_to(p);
                    if !got.is_empty() && stage.transfers.iter().all(|t| t.to.parties().contains(p)) {
                        single_stage.push((f.id, p.clone(), got, undecided));
                    }
                }
            }
        }
        FormulaIndex { single_stage, nothing, recipients, dispute_began: data.first_handover() }
    }

    /// The formula of `party` getting exactly `land`: the single-stage formula that gives
    /// it the whole islands, leaving the partial ones undecided.
    fn gets(&self, party: &PartyId, land: Land) -> Option<FormulaId> {
        let found = self.single_stage.iter().find(|(_, p, got, undecided)| {
            p == party
                && *got == land.full
                && if land.partial.is_empty() {
                    undecided.is_empty()
                } else {
                    undecided.is_superset(land.partial)
                }
        });
        if let Some((f, ..)) = found {
            return Some(*f);
        }
        // More than a formula's sure islands and no more than it leaves open ("Shikotan and
        // the Habomais plus Kunashiri"): that formula.
        let open = self.single_stage.iter().find(|(_, p, got, undecided)| {
            p == party
                && !undecided.is_empty()
                && land.partial.is_empty()
                && land.full != *got
                && land.full.is_superset(*got)
                && got.union(*undecided).is_superset(land.full)
                && land.full != got.union(*undecided)
        });
        if let Some((f, ..)) = open {
            return Some(*f);
        }
        // A side no formula gives anything keeping all four: the formula of no transfer.
        (land.full == IslandSet::ALL && !self.recipients.contains(party)).then_some(self.nothing).flatten()
    }

    /// The formula of `party` wanting `land`: the one it gets exactly, else, for two or more
    /// islands, the one formula that gives it all of them ("the return of Kunashiri and
    /// Etorofu as well": only the four-island formula gives those).
    fn wants(&self, party: &PartyId, land: Land) -> Option<FormulaId> {
        self.gets(party, land).or_else(|| {
            let mut covering = self.single_stage.iter().filter(|(_, p, got, _)| {
                p == party && land.partial.is_empty() && land.full.len() >= 2 && got.is_superset(land.full)
            });
            match (covering.next(), covering.next()) {
                (Some((f, ..)), None) => Some(*f),
                _ => None,
            }
        })
    }

    /// The formula of `giver` handing `land` to the other side.
    fn gives(&self, giver: &PartyId, land: Land) -> Option<FormulaId> {
        if self.recipients.contains(giver) {
            return None;
        }
        let [recipient] = self.recipients.as_slice() else { return None };
        self.gets(recipient, land)
    }

    /// The formula of `keeper` keeping what it holds (a hand-over refused).
    fn keeps(&self, keeper: &PartyId) -> Option<FormulaId> {
        self.gets(keeper, Land { full: IslandSet::ALL, partial: IslandSet::EMPTY })
    }
}

/// A clause of a sentence: its range.
fn clauses(scan: &Scan<'_>, s: &Range<usize>) -> Vec<usize> {
    let text = scan.slice(s);
    let mut starts = vec![s.start];
    for (i, c) in text.char_indices() {
        let cut = match c {
            ',' | ';' | ':' | '(' | ')' | '、' | '「' | '」' | '"' => Some(i + c.len_utf8()),
            '-' if text.get(i.saturating_sub(1)..i) == Some(" ") && text.get(i + 1..i + 2) == Some(" ") => {
                Some(i + 1)
            }
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
    /// A state's adjective before a noun of holding ("became Soviet territory", "under
    /// Russian control"): whose the land is.
    holding: bool,
    /// A person (not a state's name).
    person: bool,
    /// A reporter, a commentator, a poll: whoever they are, not a state.
    reporter: bool,
    /// Marked as the subject or the topic by a particle after it (Japanese は, が).
    subject: bool,
}

impl Actor {
    /// A seat of government, or its people, speaking for its state as a subject («В Кремле
    /// заявили», "officials in Tokyo said").
    fn seat(at: Range<usize>, state: PartyId) -> Self {
        Actor {
            at,
            holder: Holder::States(vec![state], None),
            object: false,
            possessive: false,
            holding: false,
            person: false,
            reporter: false,
            subject: false,
        }
    }
}

/// The state a seat of government names (its capital, «Кремль», the state itself), chosen
/// among the states the name may stand for at the date around it.
fn seat_state(scan: &Scan<'_>, h: &super::reader::Hit) -> Option<PartyId> {
    let mut states: Vec<PartyId> = Vec::new();
    for e in scan.reader.entries(h) {
        match e {
            Entry::Party { party, .. } => states.push(party.clone()),
            Entry::Term(Term::Party(w))
                if w.parties.len() == 1 || super::mentions::successive(scan.data, &w.parties) =>
            {
                states.extend(w.parties.clone())
            }
            _ => {}
        }
    }
    super::mentions::choose_party(scan.data, &states, date_of_mention(scan, h.start as usize))
}

/// The date around a state's mention at `at`, by which the state of the day is chosen: not
/// the date of an aside after it («В Москве считают, что Курилы, отошедшие к СССР в 1945
/// году, …»: Moscow speaks now); else publication's.
pub(crate) fn date_of_mention(scan: &Scan<'_>, at: usize) -> Option<PartialDate> {
    let (text, pack) = (scan.text(), scan.pack);
    // Whether an aside opens at a comma inside `range`.
    let aside_in = |range: Range<usize>| {
        text.get(range.clone())
            .is_some_and(|g| g.match_indices(',').any(|(i, _)| opens_aside(pack, text, range.start + i + 1)))
    };
    // A date before the mention inside an aside that closed before it ("Japan regards the
    // islands, seized by Soviet troops in 1945, as its own, while Moscow says …") is the
    // aside's.
    let sentence_start = scan.sentence(scan.sentence_of(at)).start;
    let closed_aside = |t: &Range<usize>| {
        aside_in(sentence_start..t.start) && text.get(t.end..at).is_some_and(|g| g.contains(','))
    };
    scan.date_at_where(at, |t| if t.start < at { !closed_aside(t) } else { !aside_in(at..t.start) })
        .or_else(|| scan.entry_date(at))
        .or(scan.published)
}

/// Whether a topic particle stands right after the name ending at `end` (past its title).
pub(crate) fn topic_marked(scan: &Scan<'_>, end: usize) -> bool {
    let at = particle_at(scan, end);
    scan.pack.topic_markers.glued(scan.text(), at).is_some()
}

/// Where the particles after a name stand: past a title written after the name and an
/// honorific (ラブロフ外相に対し, 山田氏は), in a language whose titles follow names.
pub(crate) fn particle_at(scan: &Scan<'_>, end: usize) -> usize {
    let pack = scan.pack;
    if !pack.titles_follow_names {
        return end;
    }
    let mut at = end;
    let title = scan
        .entries_in(&(at..chars_after(scan.text(), at, TITLE_REACH)))
        .filter(|(h, e)| h.start as usize == at && matches!(e, Entry::Term(Term::Title { .. })))
        .map(|(h, _)| h.end as usize)
        .max();
    if let Some(e) = title {
        at = e;
    }
    if let Some((e, _)) = pack.honorifics.glued(scan.text(), at) {
        at = e;
    }
    at
}

/// Whether a subject particle stands right after the name ending at `end` (past its title).
pub(crate) fn subject_marked(scan: &Scan<'_>, end: usize) -> bool {
    let at = particle_at(scan, end);
    scan.pack.subject_markers.glued(scan.text(), at).is_some()
}

/// The actors of `range`, in order: states named (not inside an agreement's name), people,
/// office titles without a name ("the Russian foreign minister", "the Foreign Minister of
/// Russia"), "both sides", reporters.
fn actors(
    scan: &Scan<'_>,
    range: &Range<usize>,
    parties: &[Found<PartyMention>],
    people: &People,
    agreements: &[Found<AgreementMention>],
) -> Vec<Actor> {
    let text = scan.text();
    let pack = scan.pack;
    let mut out = Vec::new();
    let in_name = |r: &Range<usize>| {
        starting_in(agreements, |a| a.at.start, &(r.start.saturating_sub(200)..r.end))
            .iter()
            .any(|a| a.at.start <= r.start && r.end <= a.at.end)
    };
    // (Not a state named as the venue of a meeting, "met in Singapore", even where the
    // story names it as a party elsewhere: the place acts for no one.)
    let venue =
        |p: &Found<PartyMention>| p.item.form == PartyForm::Name && super::mentions::venue(scan, &p.at);
    for p in starting_in(parties, |p| p.at.start, range)
        .iter()
        .filter(|p| p.at.end <= range.end && !in_name(&p.at) && !venue(p))
    {
        let r = p.at.clone();
        let own_end = possessive_end(pack, text, r.end);
        // (A state's adjective before a noun of holding names whose the land is, "became
        // Soviet territory", "under Russian control": a possessor, never the subject.)
        let holding = p.item.form == PartyForm::Adjective
            && super::mentions::next_hit_is(scan, r.end, |e| {
                matches!(e, Entry::Term(Term::Predicate { means: Means::Keep, nominal: true }))
            });
        let possessive = own_end.is_some();
        // A state in the genitive of its own body («правительство Японии считает …») speaks,
        // unless the body is itself an object.
        let body = pack
            .body_nouns
            .before(text, r.start)
            .filter(|&(b, _)| text.get(b..r.start).is_some_and(|g| !g.contains([',', '.', ';'])))
            .is_some_and(|(b, _)| !preceded_by(scan, &pack.object_prepositions, b));
        // A state named with a law of its own gave it: the law speaks for it, even as the
        // object of a preposition ("an amendment to the Russian constitution bans …").
        let lawgiver = gives_law(pack, text, &r);
        // (The preposition that joins a body to its state is no object's: "the Government of
        // Japan".)
        let object = !lawgiver
            && ((!body && preceded_by(scan, &pack.object_prepositions, r.start))
                || object_marked(pack, text, particle_at(scan, r.end))
                || (scan.oblique_at(&r) && !body));
        let subject = subject_marked(scan, r.end);
        out.push(Actor {
            at: r,
            holder: Holder::States(vec![p.item.party.clone()], None),
            object,
            possessive: possessive && !lawgiver,
            holding,
            person: false,
            reporter: false,
            subject,
        });
    }
    // A seat of government named as a place, beside a verb of saying with no subject of its
    // own: «В Кремле заявили», «в Токио выразили протест», «сообщили в МИД России».
    if !pack.speech_impersonal.is_empty() {
        for h in scan.hits.get(scan.hits_in(range)).unwrap_or_default() {
            let r = h.range();
            if r.end > range.end || pack.locative.before(text, r.start).is_none() {
                continue;
            }
            // (A state's adjective is a seat only in a place's case, «в японском
            // правительстве»: «на японские требования» is what is answered.)
            let adjective = scan.reader.entries(h).any(|e| match e {
                Entry::Party { form, .. } => *form == PartyForm::Adjective,
                Entry::Term(Term::Party(w)) => w.form == PartyForm::Adjective,
                _ => false,
            });
            if adjective && !scan.oblique_at(&r) {
                continue;
            }
            let Some(state) = seat_state(scan, h) else { continue };
            if !seat_speaks(scan, &r) {
                continue;
            }
            // Already an actor (a state's adjective, «в японском правительстве»): the subject.
            if let Some(a) = out.iter_mut().find(|a| a.at == r) {
                a.object = false;
                continue;
            }
            out.push(Actor::seat(r, state));
        }
    }
    // The people or a body of a government at its seat, "officials in Tokyo", "the
    // government in Moscow": the seat's state, as a subject.
    if !pack.seat_nouns.is_empty() {
        for h in scan.hits.get(scan.hits_in(range)).unwrap_or_default() {
            let r = h.range();
            let Some((loc, _)) = pack.locative.before(text, r.start).filter(|_| r.end <= range.end) else {
                continue;
            };
            let Some((noun, _)) = pack.seat_nouns.before(text, loc) else { continue };
            // "Japanese officials in Moscow" are Japan's, wherever they are.
            let k = scan.hits.partition_point(|x| (x.end as usize) <= noun);
            let qualified = k
                .checked_sub(1)
                .and_then(|k| scan.hits.get(k))
                .filter(|x| text.get(x.end as usize..noun).is_some_and(|g| g.trim().is_empty() || g == "'s "))
                .is_some_and(|x| {
                    scan.reader
                        .entries(x)
                        .any(|e| matches!(e, Entry::Party { .. } | Entry::Term(Term::Party(_))))
                });
            if qualified {
                continue;
            }
            let Some(state) = seat_state(scan, h) else { continue };
            out.retain(|a| a.at != r);
            out.push(Actor::seat(noun..r.end, state));
        }
    }
    for (r, m) in people.in_range(range) {
        // (A person of the data first named where they held no office, "The high point came
        // with Ryutaro Hashimoto.", holds one where the sentence dates them in it: "In April
        // 1998 Hashimoto offered …".)
        let official = m.official || office_at(scan, m, r.start);
        let holder = match (&m.party, official) {
            (Some(p), true) => Holder::States(vec![p.clone()], Some(m.name.clone())),
            _ => Holder::NotAState,
        };
        let at = particle_at(scan, r.end);
        // Right after a verb of saying, a speaker, whatever its case («по словам Пескова»).
        let object = !after_speech(scan, r.start)
            && (preceded_by(scan, &pack.object_prepositions, r.start)
                || object_marked(pack, text, at)
                || scan.oblique_at(r));
        let subject = pack.subject_markers.glued(text, at).is_some();
        // With the title written after the name (安倍首相と…): the actor is both.
        let end = if pack.titles_follow_names { at } else { r.end };
        out.push(Actor {
            at: r.start..end,
            holder,
            object,
            possessive: false,
            holding: false,
            person: true,
            reporter: false,
            subject,
        });
    }
    // "Both sides", "the two leaders": every state of the sentence and the one before, else
    // the two sides of the dispute named last before them (within the pack's reach);
    // "they": the states of the sentence, else with those of the one before.
    let both = pack.both_sides.find_in(text, range.clone()).map(|(r, _)| (r, true));
    let pronouns = pack.plural_pronouns.find_in(text, range.clone()).map(|(r, _)| (r, false));
    for (r, reach_back) in both.chain(pronouns) {
        let mut states: Vec<PartyId> = Vec::new();
        let s = scan.sentence(scan.sentence_of(r.start));
        let from = scan.sentence(scan.sentence_of(r.start).saturating_sub(1)).start;
        // The states named in `within` (not inside an agreement's name: 日ソ in
        // 日ソ共同宣言), with where: by their parties' mentions and their officials.
        let named = |within: Range<usize>| {
            let mentions = starting_in(parties, |p| p.at.start, &within)
                .iter()
                .filter(|p| !in_name(&p.at) && !venue(p))
                .map(|p| (p.at.start, &p.item.party));
            let officials = people
                .in_range(&within)
                .filter_map(|(o, m)| m.party.as_ref().filter(|_| m.official).map(|p| (o.start, p)));
            mentions.chain(officials).collect::<Vec<(usize, &PartyId)>>()
        };
        // (The sentence's own first: "When Abe and Putin met in Singapore, they agreed …"
        // is the two of them, not a state the sentence before named.)
        for within in [s.start..s.end, from..s.start] {
            if states.len() >= 2 {
                break;
            }
            for (_, p) in named(within) {
                if !states.contains(p) {
                    states.push(p.clone());
                }
            }
        }
        // Both of three or more named: the two sides of the dispute among them ("both
        // leaders" of Japan and Russia in a sentence that also names Ukraine).
        if reach_back && states.len() > 2 {
            let sides = super::scan::dispute_sides(scan.data);
            let kept: Vec<PartyId> = states.iter().filter(|p| sides.contains(p)).cloned().collect();
            if kept.len() >= 2 {
                states = kept;
            }
        }
        if states.is_empty() && reach_back && pack.both_sides_reach > 0 {
            // (Only sides of the dispute, not a third state named in between.)
            let sides = super::scan::dispute_sides(scan.data);
            let mut before = named(from.saturating_sub(pack.both_sides_reach)..from);
            before.retain(|(_, p)| sides.contains(p));
            before.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
            for (_, p) in before {
                if states.len() >= 2 {
                    break;
                }
                if !states.contains(p) {
                    states.push(p.clone());
                }
            }
        }
        if states.len() >= 2 {
            let subject = subject_marked(scan, r.end);
            // (The states a phrase of both sides holds, 日ロ双方, act as the phrase, not
            // apart: 日ロ双方の法的な立場 is a possessor.)
            out.retain(|a| a.person || !(r.start <= a.at.start && a.at.end <= r.end && a.at != r));
            let possessive = reach_back && possessive_end(pack, text, r.end).is_some();
            out.push(Actor {
                at: r,
                holder: Holder::States(states, None),
                object: false,
                possessive,
                holding: false,
                person: false,
                reporter: false,
                subject,
            });
        }
    }
    // An office named without a person: "the Russian foreign minister", "the Foreign
    // Minister of Russia" (the state before it, or after "of").
    for (h, e) in scan.entries_in(range) {
        let Entry::Term(Term::Title { office: true, party, roles }) = e else { continue };
        let r = h.range();
        // (The person it titles: named after it, "Prime Minister Abe", or right before it
        // where titles follow names, 安倍首相; not the next one, 首相とプーチン大統領.)
        let titled = if pack.titles_follow_names {
            people
                .in_range(&(chars_before(text, r.start, TITLE_REACH).max(range.start)..r.start))
                .any(|(p, _)| text.get(p.end..r.start).is_some_and(|g| g.trim().is_empty()))
        } else {
            people.in_range(&(r.start..chars_after(text, r.end, TITLE_REACH).min(range.end))).next().is_some()
        };
        if titled {
            continue;
        }
        // (Nor the office of a person named right before it, in apposition: "Putin, then
        // prime minister, spoke of …".)
        let apposed = people
            .in_range(&(chars_before(text, r.start, TITLE_REACH).max(range.start)..r.start))
            .any(|(p, _)| {
                text.get(p.end..r.start)
                    .and_then(|g| g.strip_prefix(','))
                    .is_some_and(|g| g.split_whitespace().count() <= 3 && !g.contains([',', ';', '.']))
            });
        if apposed {
            continue;
        }
        let before = starting_in(
            parties,
            |p| p.at.start,
            &(chars_before(text, r.start, SPEAKER_REACH).max(range.start)..r.start),
        )
        .iter()
        .rev()
        .find(|p| text.get(p.at.end..r.start).is_some_and(|g| g.split_whitespace().count() <= 1))
        .map(|p| p.item.party.clone());
        let after =
            starting_in(parties, |p| p.at.start, &(r.end..chars_after(text, r.end, 20).min(range.end)))
                .first()
                .filter(|p| {
                    // "the president of Russia", "the prime minister of the Soviet Union".
                    pack.possessor_links.after(text, r.end).is_some_and(|(e, _)| {
                        let rest = pack.articles.after(text, e).map_or(e, |(a, _)| a);
                        text.get(rest..p.at.start).is_some_and(|g| g.trim().is_empty())
                    })
                })
                .map(|p| p.item.party.clone());
        if let Some(state) =
            before.or(after).or_else(|| party.clone()).or_else(|| title_holder(scan, people, &r, roles))
        {
            let object = preceded_by(scan, &pack.object_prepositions, r.start)
                || object_marked(pack, text, particle_at(scan, r.start));
            out.push(Actor {
                at: r.clone(),
                holder: Holder::States(vec![state], None),
                object,
                possessive: false,
                holding: false,
                person: true,
                reporter: false,
                subject: pack.subject_markers.glued(text, particle_at(scan, r.start)).is_some(),
            });
        }
    }
    // Reporters as subjects ("Analysts say …", "a poll found …"); right after a verb of
    // saying, those addressed ("told reporters that …").
    for (r, _) in pack.reporters.find_in(text, range.clone()) {
        // (Not one that reports another's words: "state media quoted him as saying".)
        if pack.object_pronouns.after(text, r.end).is_some() {
            continue;
        }
        let object = after_speech(scan, r.start)
            || told_that(scan, &r)
            || pack.addressee_markers.glued(text, r.end).is_some()
            || scan.entries_in(&(chars_before(text, r.start, SPEAKER_REACH)..r.end)).any(|(h, e)| {
                matches!(e, Entry::Term(Term::Speech { .. }))
                    && (h.start as usize) < r.start
                    && r.end <= h.end as usize
            });
        // (Its noun glued to a possessive particle, it names whose the next noun is, not
        // who speaks: 新聞社のインタビューで、大統領は….)
        let possessive = possessor_noun(pack, text, r.end);
        out.push(Actor {
            at: r,
            holder: Holder::NotAState,
            object,
            possessive,
            holding: false,
            person: true,
            reporter: true,
            subject: false,
        });
    }
    out.sort_by_key(|a| a.at.start);
    // Joined by a particle that also marks an object (Japanese と) to a topic or a subject
    // right after it, a name is coordinated with it, not its object: 「ロシアと日本は…」.
    for i in 1..out.len() {
        let (Some(prev), Some(cur)) = (out.get(i - 1), out.get(i)) else { continue };
        let gap = text.get(prev.at.end..cur.at.start).unwrap_or("x").trim();
        let coordinated =
            scan.pack.joins_list(gap) && (cur.subject || (!cur.object && topic_marked(scan, cur.at.end)));
        if coordinated && let Some(prev) = out.get_mut(i - 1) {
            prev.object = false;
        }
    }
    // Joined to an object, an object too ("a treaty between Russia and Japan"). A comma
    // joins a list only where the list goes on after the name ("with Japan, China and
    // Korea"): "when Japan renewed its treaty with America, Moscow said …" opens a clause.
    let gap = |a: &Actor, b: &Actor| text.get(a.at.end..b.at.start).unwrap_or("x").trim();
    let joins = |gap: &str| scan.pack.joins_list(gap);
    for i in 1..out.len() {
        let (Some(prev), Some(cur)) = (out.get(i - 1), out.get(i)) else { continue };
        let between = gap(prev, cur);
        let goes_on = || out.get(i + 1).is_some_and(|next| joins(gap(cur, next)));
        if prev.object
            && joins(between)
            && (between != "," || goes_on())
            && let Some(cur) = out.get_mut(i)
        {
            cur.object = true;
        }
    }
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

/// Whether a verb of saying stands right before `at`, with at most a title between:
/// «заявил Лавров», «по словам пресс-секретаря президента Дмитрия Пескова».
fn after_speech(scan: &Scan<'_>, at: usize) -> bool {
    let text = scan.text();
    let window = chars_before(text, at, TITLE_REACH + 20)..at;
    let titles: Vec<Range<usize>> = scan
        .entries_in(&window)
        .filter(|(_, e)| matches!(e, Entry::Term(Term::Title { .. })))
        .map(|(h, _)| h.range())
        .collect();
    scan.entries_in(&window).any(|(h, e)| {
        matches!(e, Entry::Term(Term::Speech { after: false }))
            && words(text, h.end as usize..at)
                .all(|w| titles.iter().any(|t| t.start <= w.start && w.end <= t.end))
    })
}

/// Whether the reporter at `r` is the one spoken to between a verb of saying and what it
/// says: "he told a group of foreign newspaper editors that …", «сказал группе
/// иностранных журналистов, что …» (a few words from the verb, no mark between, and a
/// complementizer right after).
fn told_that(scan: &Scan<'_>, r: &Range<usize>) -> bool {
    let text = scan.text();
    let pack = scan.pack;
    // (Right after it, or after one more word of its noun phrase: "newspaper editors that".)
    let next = |from: usize| {
        let after = text.get(from..).unwrap_or_default();
        from + after.len() - after.trim_start_matches([' ', ',']).len()
    };
    let at = next(r.end);
    let complement = |at: usize| pack.complementizers.after(text, at).is_some();
    let one_more = word_after(text, at).filter(|w| w.start == at).map(|w| next(w.end));
    if !complement(at) && !one_more.is_some_and(complement) {
        return false;
    }
    let window = chars_before(text, r.start, 48)..r.start;
    scan.entries_in(&window).any(|(h, e)| {
        matches!(e, Entry::Term(Term::Speech { after: false }))
            && text.get(h.end as usize..r.start).is_some_and(|g| {
                !g.contains(['.', ',', ';', ':', '"', '«', '»']) && g.split_whitespace().count() <= 5
            })
    })
}

/// Whether the seat named at `r` (after a locative word) speaks: a verb of saying with no
/// subject of its own within three words after it, or right before its locative word.
pub(crate) fn seat_speaks(scan: &Scan<'_>, r: &Range<usize>) -> bool {
    let text = scan.text();
    let pack = scan.pack;
    if let Some((loc, _)) = pack.locative.before(text, r.start)
        && pack.speech_impersonal.before(text, loc).is_some()
    {
        return true;
    }
    let mut at = r.end;
    // (Up to eight words on: an object may stand before the verb, «в Москве японские
    // формулировки неизменно отвергают».)
    for _ in 0..8 {
        if pack.speech_impersonal.after(text, at).is_some() {
            return true;
        }
        // Someone speaking there: "в Токио опрошенные заявили".
        if pack.reporters.after(text, at).is_some() {
            return false;
        }
        match word_after(text, at) {
            Some(w) if !text.get(at..w.start).is_some_and(|g| g.contains([',', ';', '.'])) => at = w.end,
            _ => return false,
        }
    }
    false
}

/// The state of the first person the text named with the title at `r` before it: news
/// names a leader once in full (野田佳彦首相, "Prime Minister Shinzo Abe") and then by the
/// title alone (首相は, "the prime minister said"). Else, of the people of the data, the
/// one named last before it who held, at the date, a role that begins with one of the
/// title's `roles` ("Vladimir Putin met Abe. The president said …").
pub(crate) fn title_holder(
    scan: &Scan<'_>,
    people: &People,
    r: &Range<usize>,
    roles: &[String],
) -> Option<PartyId> {
    let end = people.occurrences.partition_point(|(o, _)| o.start < r.start);
    let before = people.occurrences.get(..end)?;
    // (The name in full within an article's length: a long text is read in time linear in
    // its length.)
    let first =
        people.occurrences.partition_point(|(o, _)| o.start < r.start.saturating_sub(TITLE_NAMED_REACH));
    named_with_title(scan, people, before.get(first..).unwrap_or_default(), r).or_else(|| {
        if roles.is_empty() {
            return None;
        }
        let date = scan.date_at(r.start).or(scan.published)?;
        // (Within the story: a title does not stand for someone named pages before.)
        let from = r.start.saturating_sub(TITLE_HOLDER_REACH);
        before.iter().rev().take_while(|(o, _)| o.start >= from).find_map(|(_, i)| {
            let m = &people.mentions.get(*i)?.item;
            let person = scan.data.person(m.person.as_ref()?).ok()?;
            person
                .roles_at(date)
                .any(|role| role.is_office() && roles.iter().any(|t| role.title.starts_with(t.as_str())))
                .then(|| m.party.clone())
                .flatten()
        })
    })
}

/// How far before a title alone the person of the data it stands for may be named (bytes).
const TITLE_HOLDER_REACH: usize = 3000;

/// How far before a title alone the person it stands for may have been named in full with
/// it (bytes): a long article's length.
const TITLE_NAMED_REACH: usize = 20_000;

/// The state of the first of `before` named with the title at `r` beside the name.
fn named_with_title(
    scan: &Scan<'_>,
    people: &People,
    before: &[(Range<usize>, usize)],
    r: &Range<usize>,
) -> Option<PartyId> {
    let text = scan.text();
    let title = scan.slice(r).to_lowercase();
    before.iter().find_map(|(o, i)| {
        let m = &people.mentions.get(*i)?.item;
        let beside = if scan.pack.titles_follow_names {
            text.get(o.end..).is_some_and(|t| t.get(..title.len()).is_some_and(|w| w.to_lowercase() == title))
        } else {
            text.get(..o.start).is_some_and(|t| {
                let t = t.trim_end();
                t.len() >= title.len()
                    && t.get(t.len() - title.len()..).is_some_and(|w| w.to_lowercase() == title)
            })
        };
        if beside && m.official { m.party.clone() } else { None }
    })
}

/// Where a verb's object ends: at a contrasting conjunction ("but", "while"), a
/// semicolon, the sentence's end, or sixteen words on.
fn object_end(scan: &Scan<'_>, from: usize, sentence_end: usize) -> usize {
    let text = scan.text();
    let limit = words_after(text, from, 16).min(sentence_end);
    let stop = scan.pack.contrasts.find_in(text, from..limit).next().map_or(limit, |(r, _)| r.start);
    before_semicolon(text, from, stop)
}

/// The date of the last happening in `range` that `keep` accepts.
fn last_happening(
    scan: &Scan<'_>,
    range: Range<usize>,
    keep: impl Fn(&PartialDate) -> bool,
) -> Option<PartialDate> {
    scan.temporals_in(&range).rev().filter_map(|i| scan.dates_happening(i)).find(|d| keep(d))
}

/// Where `text[from..end]` meets its first semicolon (a new sentence joined on), else `end`.
fn before_semicolon(text: &str, from: usize, end: usize) -> usize {
    text.get(from..end).and_then(|t| t.find(';')).map_or(end, |i| from + i)
}

/// The offset `n` words after `at` (or 200 characters on, or the end of the text): words
/// counted as runs between whitespace.
fn words_after(text: &str, at: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = chars_after(text, at, 200);
    let mut i = at;
    let mut seen = 0usize;
    while i < limit {
        while i < limit && bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if i >= limit {
            break;
        }
        if seen == n {
            return floor_boundary(text, i);
        }
        seen += 1;
        while i < limit && !bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
    }
    floor_boundary(text, limit)
}

/// Whether a word of `set` stands right before `at`, or before the article or title that
/// opens the noun phrase at `at` ("by the Russian president", "to Prime Minister Abe").
pub(crate) fn preceded_by(scan: &Scan<'_>, set: &super::lexicon::Phrases<()>, at: usize) -> bool {
    preceding(scan, set, at).is_some()
}

/// Where the word of `set` that [`preceded_by`] finds starts.
fn preceding(scan: &Scan<'_>, set: &super::lexicon::Phrases<()>, at: usize) -> Option<usize> {
    let text = scan.text();
    if let Some((start, _)) = set.before(text, at) {
        return Some(start);
    }
    let mut pos = at;
    for _ in 0..3 {
        let w = word_before(text, pos)?;
        let word = text.get(w.clone()).unwrap_or_default();
        let opener = scan.pack.articles.contains(word)
            || scan.pack.former.contains(word)
            || scan.entries_in(&w).any(|(_, e)| matches!(e, Entry::Term(Term::Title { .. })))
            || scan.pack.state_noun_modifiers.contains(word);
        if !opener || text.get(w.end..pos).is_some_and(|g| g.contains([',', ';', '.'])) {
            return None;
        }
        if let Some((start, _)) = set.before(text, w.start) {
            return Some(start);
        }
        pos = w.start;
    }
    None
}

/// Where a clause with a subject of its own joins on inside `within`: a state or a person
/// named right after a word of contrast ("…, while Tokyo seeks …", «…, а Токио добивается
/// …») or after a comma and a coordinator ("…, and Moscow says …"), past articles and titles
/// only, or a pronoun in the subject's case ("…, but it will not …"). A predicate's object
/// ends there.
fn joined_clause(r: &Reading<'_, '_>, within: &Range<usize>) -> Option<usize> {
    let scan = r.scan;
    let text = scan.text();
    let pack = scan.pack;
    let inside = within.start + 1..within.end;
    let states = starting_in(r.parties, |p| p.at.start, &inside).iter().map(|p| p.at.start);
    let persons = starting_in(&r.people.occurrences, |(o, _)| o.start, &inside).iter().map(|(o, _)| o.start);
    let opens = |start: usize| {
        if let Some(at) = preceding(scan, &pack.contrasts, start) {
            return (at > within.start).then_some(at);
        }
        let at = preceding(scan, &pack.coordinators, start)?;
        let head = text.get(within.start..at)?;
        (head.trim_end().ends_with(',') && head.trim().len() > 1).then_some(at)
    };
    // … or a noun phrase of something else after a comma and a coordinator ("…, and a 2020
    // amendment to the Russian constitution forbids …"): not one of land, which goes on a
    // list ("…, and the Habomai islets"); or a relative clause or an aside after a comma.
    let phrase = || {
        let body = text.get(inside.clone())?;
        body.match_indices(',').find_map(|(i, _)| {
            let comma = inside.start + i + 1;
            // (A relative clause or an aside is about what comes before it: "…, under which
            // the Soviet Union agreed to …".)
            if opens_aside(pack, text, comma) {
                return Some(comma - 1);
            }
            let (joined, _) =
                pack.coordinators.after(text, comma).or_else(|| pack.contrasts.after(text, comma))?;
            // (A pronoun in the subject's case is a subject of its own: "…, but it will not
            // hand over Kunashir and Iturup".)
            if pack.subject_pronouns.after(text, joined).is_some() {
                return Some(text.get(..comma)?.trim_end_matches(',').len().max(within.start));
            }
            let (np, _) = pack.articles.after(text, joined)?;
            let next = np..chars_after(text, np, 40).min(within.end);
            let land =
                scan.entries_in(&next).any(|(_, e)| matches!(e, Entry::Island(_) | Entry::Collective { .. }))
                    || pack.territory_nouns.find_in(text, next).next().is_some();
            let at = text.get(..comma)?.trim_end_matches(',').len();
            (!land).then_some(at.max(within.start))
        })
    };
    // … or a seat of government that speaks, at its place word («На японские требования в
    // Москве отвечают, что …»: the answer is Moscow's, not the demand's object).
    let seat = || {
        if pack.speech_impersonal.is_empty() {
            return None;
        }
        scan.entries_in(&inside)
            .filter(|(_, e)| matches!(e, Entry::Party { form: PartyForm::Metonym, .. }))
            .filter_map(|(h, _)| {
                let (at, _) = pack.locative.before(text, h.start as usize)?;
                (at > within.start && seat_speaks(scan, &h.range())).then_some(at)
            })
            .min()
    };
    let actor = states.filter_map(opens).chain(persons.filter_map(opens)).min();
    [actor, phrase(), seat()].into_iter().flatten().min()
}

/// Whether the noun a word ending at `at` opens or ends (新聞, 新聞社) is glued to a
/// possessive marker (の), alone or joined to one more noun (新聞とテレビの): up to
/// [`NOUN_TAIL`] more letters of the word, none of them hiragana (a particle or a verb's
/// ending), then the marker, or a joining particle, the next noun and the marker.
fn possessor_noun(pack: &super::lexicon::Pack, text: &str, at: usize) -> bool {
    if pack.possessive_markers.is_empty() {
        return false;
    }
    let noun_end = |from: usize, letters: usize| {
        from + text
            .get(from..)
            .unwrap_or_default()
            .chars()
            .take(letters)
            .take_while(|&c| c.is_alphanumeric() && !super::lexicon::is_hiragana(c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let glued = |from: usize, to: usize| {
        (from..=to)
            .filter(|&k| text.is_char_boundary(k))
            .any(|k| pack.possessive_markers.glued(text, k).is_some())
    };
    let end = noun_end(at, NOUN_TAIL);
    if glued(at, end) {
        return true;
    }
    // (The joining particle right after the noun: one hiragana letter, と or や.)
    let Some(joiner) =
        text.get(end..).and_then(|t| t.chars().next()).filter(|&c| super::lexicon::is_hiragana(c))
    else {
        return false;
    };
    let next = end + joiner.len_utf8();
    pack.joins_list(&joiner.to_string()) && glued(next, noun_end(next, 2 * NOUN_TAIL))
}

/// How many letters of a noun may follow a word inside it, for [`possessor_noun`].
const NOUN_TAIL: usize = 4;

/// The end of a possessive suffix or marker glued to a name ending at `at` ("Japan's",
/// 日本の), if one is.
fn possessive_end(pack: &super::lexicon::Pack, text: &str, at: usize) -> Option<usize> {
    pack.possessive_suffixes
        .glued(text, at)
        .or_else(|| pack.possessive_markers.glued(text, at))
        .map(|(e, _)| e)
}

/// The formula of the concept among `meanings` when the trigger at `at` names an act a law
/// forbids (`prohibited = true`, "the alienation of territory"): refused or banned, it is
/// held, not denied.
fn prohibited_concept(scan: &Scan<'_>, at: &Range<usize>, meanings: &[Trigger]) -> Option<FormulaId> {
    let f = meanings.iter().find_map(|t| match t {
        Trigger::Concept(f) => Some(*f),
        _ => None,
    })?;
    scan.pack.concepts_prohibited.find_in(scan.text(), at.clone()).next().map(|_| f)
}

/// What a stance trigger is.
#[derive(Debug, Clone, PartialEq)]
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
    /// The parties some formula gives land to.
    recipients: &'s [PartyId],
    /// The actors of each sentence read so far, by the sentence's start.
    actors: std::cell::RefCell<rustc_hash::FxHashMap<usize, std::rc::Rc<Vec<Actor>>>>,
    /// The last sentence read for hedges (by its start), and the hedges it holds.
    hedged: std::cell::RefCell<Option<(usize, Vec<Range<usize>>)>>,
}

impl Reading<'_, '_> {
    /// The actors of sentence `s` (computed once).
    fn actors_of(&self, s: &Range<usize>) -> std::rc::Rc<Vec<Actor>> {
        if let Some(a) = self.actors.borrow().get(&s.start) {
            return a.clone();
        }
        let a = std::rc::Rc::new(actors(self.scan, s, self.parties, self.people, self.agreements));
        self.actors.borrow_mut().insert(s.start, a.clone());
        a
    }

    /// Whether a stance at `at` in sentence `s` is hedged ("reportedly", "is said to"): the
    /// sentence holds a hedge no contrast stands between ("Japan claims all four islands,
    /// although analysts said Moscow might offer one": the claim is no one's guess). The
    /// hedges are read once per sentence, as the triggers come in order.
    fn hedged(&self, s: &Range<usize>, at: usize) -> bool {
        let text = self.scan.text();
        let mut cache = self.hedged.borrow_mut();
        if cache.as_ref().is_none_or(|(start, _)| *start != s.start) {
            let hedges = self.scan.pack.hedges.find_in(text, s.clone()).map(|(r, _)| r).collect();
            *cache = Some((s.start, hedges));
        }
        let hedges = cache.as_ref().map_or(&[][..], |(_, h)| h.as_slice());
        let scan = self.scan;
        hedges.iter().any(|h| {
            let between = if h.end <= at { h.end..at } else { at..h.start };
            // (Nor one inside what a later verb of saying reports, where the verb comes
            // before its content: "Japan claims all four islands, analysts said Moscow might
            // offer one".)
            let reported_later = h.start >= at
                && !scan.pack.verb_final
                && scan.entries_in(&between).any(|(_, e)| matches!(e, Entry::Term(Term::Speech { .. })));
            !reported_later && scan.pack.contrasts.find_in(text, between).next().is_none()
        })
    }
}

impl Reading<'_, '_> {
    /// The territory a predicate at `at` is about: island mentions and territory nouns in
    /// `span`, their union (or the count a territory noun gives).
    fn territory(&self, span: &Range<usize>) -> Option<(Land, Range<usize>)> {
        let scan = self.scan;
        let text = scan.text();
        let pack = scan.pack;
        let mut land = Land { full: IslandSet::EMPTY, partial: IslandSet::EMPTY };
        let mut last = span.start;
        // Islands and collective names, the ambiguous ones too: a frame about them is
        // context enough ("demands the return of the four islands").
        let mut names: Vec<(Range<usize>, IslandSet)> = scan
            .entries_in(span)
            .filter_map(|(h, e)| match e {
                Entry::Island(i) => Some((h.range(), IslandSet::from([*i]))),
                // (Not a chain counted other than the dispute's: "the remaining 18 Kuril
                // islands", «18 островов Курильской гряды».)
                Entry::Collective { islands, .. } if !counted_apart(scan, h.start as usize) => {
                    Some((h.range(), *islands))
                }
                _ => None,
            })
            .collect();
        let exclusion = if names.is_empty() {
            None
        } else {
            pack.exclusions.find_in(text, span.clone()).next().map(|(x, _)| x)
        };
        // All the islands a territory noun names less those after an exclusion ("all the
        // islands except Iturup", «все острова, кроме Итурупа»).
        if let Some(x) = &exclusion
            && names.first().is_some_and(|(first, _)| first.start >= x.end)
            && let Some((noun, _)) = pack.territory_nouns.find_in(text, span.start..x.start).last()
        {
            let whole =
                count_before(scan, noun.start).map_or(IslandSet::ALL, |ext| extent_set(ext, IslandSet::ALL));
            let less = names.iter().fold(IslandSet::EMPTY, |acc, (_, set)| acc | *set);
            let end = names.last().map_or(x.end, |(r, _)| r.end);
            land.full = whole.difference(less);
            return (!land.full.is_empty()).then_some((land, noun.start..end));
        }
        // The islands after an exclusion are left out ("Habomai and Shikotan except
        // Kunashir"), and after a contrast with a negator ("…, but not Kunashir and Iturup",
        // «…, но не Кунашир»).
        let cut = names.first().and_then(|(first, _)| {
            let word = exclusion.as_ref().filter(|x| x.start >= first.end).map(|x| x.start);
            word.into_iter().chain(negated_contrast(scan, first.end..span.end)).min()
        });
        let span = &(span.start..cut.unwrap_or(span.end));
        names.retain(|(r, _)| r.start < span.end);
        if let Some((first, _)) = names.first() {
            // A list that began before the span ("Etorofu, Kunashiri, Shikotan and …").
            let k = scan.hits.partition_point(|h| (h.start as usize) < first.start);
            let before = scan.hits.get(..k).unwrap_or_default().iter().rev();
            let (listed, start) = listed_back(text, before, first.start, pack, |h| {
                scan.reader.entries(h).find_map(|e| match e {
                    Entry::Island(i) => Some(IslandSet::from([*i])),
                    Entry::Collective { islands, ambiguous: false } => Some(*islands),
                    _ => None,
                })
            });
            land.full = land.full | listed;
            for (r, set) in &names {
                // The whole a count is taken from ("北方四島のうち2島"): the count after says.
                if pack.partitive_after.glued(text, r.end).is_some() {
                    last = last.max(r.end);
                    continue;
                }
                match count_before(scan, r.start) {
                    Some(Extent::Some) if set.len() == 1 => land.partial = land.partial | *set,
                    Some(ext) => land.full = land.full | extent_set(ext, *set),
                    None => land.full = land.full | *set,
                }
                last = last.max(r.end);
            }
            // A territory noun with its own count beside the names ("the two smaller islands and
            // part of Kunashir").
            for (r, _) in pack.territory_nouns.find_in(text, span.clone()) {
                if names.iter().any(|(n, _)| n.start <= r.start && r.end <= n.end) {
                    continue;
                }
                if let Some(ext @ (Extent::All | Extent::Two | Extent::TwoLarger)) =
                    count_before(scan, r.start)
                {
                    land.full = land.full | extent_set(ext, IslandSet::ALL);
                    last = last.max(r.end);
                }
            }
            land.partial = land.partial.difference(land.full);
            return Some((land, start..last));
        }
        // (Not a noun of a chain counted apart, "the remaining 18 Kuril islands": with no
        // name kept above, every chain name of the span is one.)
        let apart: Vec<Range<usize>> = scan
            .entries_in(span)
            .filter(|(_, e)| matches!(e, Entry::Collective { .. }))
            .map(|(h, _)| h.range())
            .collect();
        let Some((r, _)) = pack
            .territory_nouns
            .find_in(text, span.clone())
            .find(|(r, _)| !apart.iter().any(|a| a.start <= r.start && r.end <= a.end))
        else {
            let (set, r) = pronoun_land(scan, span).or_else(|| elliptical_count(scan, span))?;
            land.full = set;
            return Some((land, r));
        };
        land.full = match count_before(scan, r.start) {
            Some(ext) => extent_set(ext, IslandSet::ALL),
            // "The islands" with no count: the islands just listed, when the last mention
            // of islands was a list of some of them ("… Habomai and Shikotan. Moscow made
            // the handover of the islands conditional …"), else all four.
            None => listed_before(scan, r.start).unwrap_or(IslandSet::ALL),
        };
        Some((land, r))
    }
}

/// Whether a verb of handing over, with its object after it (active, in a language whose
/// object follows the verb), has `state` as its giver: the last party named before it in
/// its clause ("Japan gave up the islands", not "Japan urged Russia to return them").
fn gives_own(
    r: &Reading<'_, '_>,
    trigger: &Trigger,
    range: &Range<usize>,
    object: &Range<usize>,
    clause: &Range<usize>,
    state: &PartyId,
) -> bool {
    let text = r.scan.text();
    matches!(trigger, Trigger::Predicate { means: Means::Give, nominal: false })
        && !r.scan.pack.verb_final
        && object.start >= range.end
        // (Not a noun that has a verb's form: "the return of all four".)
        && r.scan.pack.articles.before(text, range.start).is_none()
        && r.scan.pack.possessive_determiners.before(text, range.start).is_none()
        && match starting_in(r.parties, |p| p.at.start, &(clause.start..range.start)).last() {
            Some(p) => &p.item.party == state,
            // (In a quote, the speaker's side in the first person: "We have not given up
            // Kunashiri and Etorofu," he said.)
            None => {
                r.people.quotes_holding(range).next().is_some()
                    && r.scan.pack.first_person.find_in(text, clause.start..range.start).next().is_some()
            }
        }
}

/// The first contrast in `range` with a negator within three words after it ("but not",
/// "but will not", «но не»): where the islands a frame's object names stop counting.
fn negated_contrast(scan: &Scan<'_>, range: Range<usize>) -> Option<usize> {
    let text = scan.text();
    let pack = scan.pack;
    pack.contrasts
        .find_in(text, range.clone())
        .find(|(c, _)| {
            let reach = c.end..words_after(text, c.end, 3).min(range.end);
            pack.negators.find_in(text, reach).next().is_some()
        })
        .map(|(c, _)| c.start)
}

/// How far (in characters) after a concept its word of content may stand, with no mark of
/// punctuation between (4島の帰属の問題を解決して平和条約を結ぶという).
const CONTENT_LINK_REACH: usize = 30;

/// How many words into a frame's object a pronoun for islands may stand ("to them", "them
/// back").
const PRONOUN_WORDS: usize = 2;

/// A pronoun for islands (`stance.territory_pronouns`) among the first words of `span`, and
/// the islands it stands for: those of the last mention of two or more islands before it,
/// in its sentence or the one before ("… Kunashiri or Etorofu … its claim to them"), else
/// those of the last territory noun there, read as the noun itself would be ("Russia,
/// which took the islands in 1945, refuses to hand them over").
fn pronoun_land(scan: &Scan<'_>, span: &Range<usize>) -> Option<(IslandSet, Range<usize>)> {
    let pack = scan.pack;
    if pack.territory_pronouns.is_empty() {
        return None;
    }
    let text = scan.text();
    let (r, _) = pack.territory_pronouns.find_in(text, span.clone()).next()?;
    if text.get(span.start..r.start)?.split_whitespace().count() > PRONOUN_WORDS {
        return None;
    }
    let noun_land = || {
        let from = scan.sentence(scan.sentence_of(r.start).saturating_sub(1)).start;
        let (noun, _) = pack.territory_nouns.find_in(text, from..r.start).last()?;
        Some(match count_before(scan, noun.start) {
            Some(ext) => extent_set(ext, IslandSet::ALL),
            None => listed_before(scan, noun.start).unwrap_or(IslandSet::ALL),
        })
    };
    let set = last_islands(scan, r.start, 1, true).or_else(noun_land)?;
    Some((set, r))
}

/// A count standing for islands just named, its noun left out ("was demanding the return of
/// all four", «добивается возвращения всех четырех»), among the first words of `span`: a
/// count of all four or of two, with no word of its own after it (a mark, the span's end, a
/// preposition or a coordinator follows), when islands or a noun for them were named in
/// its sentence or the one before. The islands it counts, and where it stands.
fn elliptical_count(scan: &Scan<'_>, span: &Range<usize>) -> Option<(IslandSet, Range<usize>)> {
    let text = scan.text();
    let (r, ext) = scan.pack.extents.find_in(text, span.clone()).next()?;
    if text.get(span.start..r.start)?.split_whitespace().count() > PRONOUN_WORDS {
        return None;
    }
    let set = counts_named(scan, &r, *ext, span.end)?;
    Some((set, r))
}

/// The islands the count at `r` (of extent `ext`) stands for when its noun is left out
/// (see [`elliptical_count`]); `end` bounds what may follow it.
fn counts_named(scan: &Scan<'_>, r: &Range<usize>, ext: Extent, end: usize) -> Option<IslandSet> {
    let text = scan.text();
    let pack = scan.pack;
    if matches!(ext, Extent::Some) {
        return None;
    }
    let rest = text.get(r.end..end)?.trim_start();
    let next = end - rest.len();
    let bare = rest.is_empty()
        || rest.starts_with(|c: char| !c.is_alphanumeric())
        || pack.object_prepositions.after(text, next).is_some()
        || pack.coordinators.after(text, next).is_some();
    if !bare {
        return None;
    }
    let from = scan.sentence(scan.sentence_of(r.start).saturating_sub(1)).start;
    let named = last_islands(scan, r.start, 1, true).is_some()
        || scan.entries_in(&(from..r.start)).any(|(_, e)| matches!(e, Entry::Collective { .. }))
        || pack.territory_nouns.find_in(text, from..r.start).next().is_some();
    named.then(|| extent_set(ext, IslandSet::ALL))
}

/// The islands of the last list of islands before `at` (in its sentence or the two before
/// it), when that list names two or more of them but not all four: what a bare "the
/// islands" after it refers to. `None` when the last mention is one island, all four or a
/// collective name.
fn listed_before(scan: &Scan<'_>, at: usize) -> Option<IslandSet> {
    last_islands(scan, at, 2, false)
}

/// The islands of the last mention of islands before `at`, within its sentence and the
/// `back` before it, with the single islands listed before it: two or more of them (all
/// four only when `all`).
fn last_islands(scan: &Scan<'_>, at: usize, back: usize, all: bool) -> Option<IslandSet> {
    let text = scan.text();
    let si = scan.sentence_of(at);
    let from = scan.sentence(si.saturating_sub(back)).start;
    let k = scan.hits.partition_point(|h| (h.start as usize) < at);
    let island_of = |h: &super::reader::Hit| {
        scan.reader.entries(h).find_map(|e| match e {
            Entry::Island(i) => Some(IslandSet::from([*i])),
            Entry::Collective { islands, ambiguous } => {
                Some(if *ambiguous { IslandSet::ALL } else { *islands })
            }
            _ => None,
        })
    };
    let mut hits =
        scan.hits.get(..k).unwrap_or_default().iter().rev().take_while(|h| h.start as usize >= from);
    // The last mention of islands, then the single islands listed before it.
    let (last, set) = hits.find_map(|h| island_of(h).map(|set| (h, set)))?;
    let (listed, _) = listed_back(text, hits, last.start as usize, scan.pack, |h| {
        island_of(h).filter(|one| one.len() == 1)
    });
    let set = set | listed;
    (set.len() >= 2 && (all || set != IslandSet::ALL)).then_some(set)
}

/// Walks back from `start` over the names of a list that ends there: each a hit (`hits`,
/// last first) that `island` reads as islands, joined to the next by one of the pack's list
/// joiners.
/// The islands listed and where the list starts.
fn listed_back<'h>(
    text: &str,
    hits: impl Iterator<Item = &'h super::reader::Hit>,
    mut start: usize,
    pack: &super::lexicon::Pack,
    island: impl Fn(&super::reader::Hit) -> Option<IslandSet>,
) -> (IslandSet, usize) {
    let mut set = IslandSet::EMPTY;
    for h in hits {
        // (An article before the next name is no part of the joint: "Shikotan and the
        // Habomais".)
        let to = pack.articles.before(text, start).map_or(start, |(a, _)| a.max(h.end as usize));
        let gap = text.get(h.end as usize..to).unwrap_or("x").trim();
        match island(h) {
            Some(one) if pack.joins_list(gap) => {
                set = set | one;
                start = h.start as usize;
            }
            _ => break,
        }
    }
    (set, start)
}

/// The islands an extent makes of a set: all of it, the two of the 1956 pair, the two
/// larger, or none definite.
fn extent_set(ext: Extent, set: IslandSet) -> IslandSet {
    use crate::island::Island;
    match ext {
        Extent::All => set,
        Extent::Two => IslandSet::from([Island::Shikotan, Island::Habomai]),
        Extent::TwoLarger => IslandSet::from([Island::Iturup, Island::Kunashir]),
        Extent::Some => IslandSet::EMPTY,
    }
}

/// Whether a number more than the four disputed islands stands right before `at` (only
/// spaces between): the name after it counts islands other than the dispute's.
fn counted_apart(scan: &Scan<'_>, at: usize) -> bool {
    let text = scan.text();
    let k = scan.numbers.partition_point(|n| n.range.start < at);
    k.checked_sub(1).and_then(|k| scan.numbers.get(k)).is_some_and(|n| {
        n.value > 4.0 && text.get(n.range.end..at).is_some_and(|g| g.len() <= 3 && g.trim().is_empty())
    })
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
                let word = text.get(w.clone()).unwrap_or_default();
                if pack.partitive_links.contains(word) || found.is_none() {
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
    index: &FormulaIndex,
) -> Vec<Found<PositionFinding>> {
    let r = Reading {
        scan,
        parties,
        people,
        agreements,
        recipients: &index.recipients,
        actors: Default::default(),
        hedged: Default::default(),
    };
    let mut out: Vec<Found<PositionFinding>> = Vec::new();
    // For each of `out`: its sentence, and whether its formula was named there.
    let mut explicit: Vec<(usize, bool)> = Vec::new();
    // Hand-overs a present actor states: not an agreement's terms.
    let mut stated_gives: Vec<Range<usize>> = Vec::new();
    let text = scan.text();
    // The stance triggers, in order, each with every meaning its form has.
    let mut triggers: Vec<(Range<usize>, Vec<Trigger>)> = Vec::new();
    // Whether a sentence names land: an island, a collective name, a territory noun, or
    // the dispute itself ("the territorial question").
    let names_land = |s: &Range<usize>| {
        scan.hits_in(s)
            .filter_map(|i| scan.hits.get(i))
            .any(|h| scan.reader.is(h, Class::Island) || scan.reader.is(h, Class::Collective))
            || scan.pack.territory_nouns.find_in(text, s.clone()).next().is_some()
            || scan.pack.dispute_nouns.find_in(text, s.clone()).next().is_some()
            || scan
                .pack
                .territory_pronouns
                .find_in(text, s.clone())
                .any(|(r, _)| last_islands(scan, r.start, 1, true).is_some())
            || scan
                .pack
                .extents
                .find_in(text, s.clone())
                .any(|(r, e)| counts_named(scan, &r, *e, s.end).is_some())
    };
    for h in scan.hits.iter().filter(|h| scan.reader.is(h, Class::Stance) && scan.in_play(h.start as usize)) {
        // A generic concept ("joint ventures") names its formula only beside the islands.
        let (start, end) = (h.start as usize, h.end as usize);
        let off_land = || {
            // (A stem's match and the hit end in the same word.)
            scan.pack.concepts_on_land.after(text, start).is_some_and(|(e, _)| {
                text.get(e.min(end)..e.max(end)).is_some_and(|gap| !gap.contains(char::is_whitespace))
            }) && !names_land(&scan.sentence(scan.sentence_of(start)))
        };
        // A label that opens a line ("Claim: Japan signed the islands away", in a fact check)
        // is no one's claim.
        let label = text.get(end..).is_some_and(|t| t.starts_with([':', '：']))
            && text
                .get(..start)
                .is_some_and(|t| t.trim_end_matches([' ', '\t']).ends_with('\n') || t.trim().is_empty());
        if label {
            continue;
        }
        // A verb too general to be a frame's alone (`verbs_before_islands`, «передать») with no
        // island's name right after it is no predicate.
        let bare_general_verb = || {
            scan.pack.verbs_before_islands.after(text, start).is_some_and(|(e, _)| e == end) && {
                let rest = text.get(end..).unwrap_or_default();
                let next = end + (rest.len() - rest.trim_start().len());
                let after = scan.hits.get(scan.hits_in(&(next..next + 1))).unwrap_or_default();
                !after
                    .iter()
                    .any(|n| scan.reader.is(n, Class::Island) || scan.reader.is(n, Class::Collective))
            }
        };
        let meanings: Vec<Trigger> = scan
            .reader
            .entries(h)
            .filter_map(|e| match e {
                Entry::Term(Term::Concept(_)) if off_land() => None,
                Entry::Term(Term::Concept(f)) | Entry::Formula(f) => Some(Trigger::Concept(*f)),
                Entry::Term(Term::Predicate { .. }) if bare_general_verb() => None,
                Entry::Term(Term::Predicate { means, nominal }) => {
                    Some(Trigger::Predicate { means: *means, nominal: *nominal })
                }
                _ => None,
            })
            .collect();
        if !meanings.is_empty() {
            triggers.push((h.range(), meanings));
        }
    }
    let mut consumed: Vec<Range<usize>> = Vec::new();
    // What a sentence offers a frame's object, read once per sentence: land (an island's
    // name or a territory noun), a named formula, an agreement.
    let mut offers: rustc_hash::FxHashMap<usize, (bool, bool, bool)> = Default::default();
    let mut clauses_of: Option<(usize, Vec<usize>)> = None;
    for k in 0..triggers.len() {
        let Some((range, meanings)) = triggers.get(k) else { continue };
        // Triggers come in order of their starts and every test below is of this trigger
        // or a later one: a consumed stretch ending before this one contains none of them.
        consumed.retain(|c| c.end > range.start);
        if consumed.iter().any(|c| c.start <= range.start && range.end <= c.end) {
            continue;
        }
        let si = scan.sentence_of(range.start);
        let s = scan.sentence(si);
        let (land, formula, agreement) = *offers.entry(si).or_insert_with(|| {
            let land = names_land(&s);
            let formula = starting_in(&triggers, |(r, _)| r.start, &s)
                .iter()
                .any(|(_, ts)| ts.iter().any(|t| matches!(t, Trigger::Concept(_))));
            // (Or one referred back to by a noun of documents, "recognized the document".)
            let agreement = !starting_in(agreements, |a| a.at.start, &s).is_empty()
                || ((scan.pack.agreement_documents.find_in(text, s.clone()).next().is_some()
                    || scan.pack.agreement_pronouns.find_in(text, s.clone()).next().is_some())
                    && !starting_in(agreements, |a| a.at.start, &(0..s.start)).is_empty());
            (land, formula, agreement)
        });
        // A predicate with nothing in its sentence to take as its object reads nothing.
        let possible = meanings.iter().any(|t| match t {
            Trigger::Concept(_) => true,
            Trigger::Predicate { means: Means::Claim, .. } => land || formula,
            Trigger::Predicate { means: Means::Give | Means::Keep, .. } => land,
            Trigger::Predicate { means: Means::Basis | Means::Accept, .. } => land || formula || agreement,
            Trigger::Predicate { means: Means::Reject | Means::Renounce, .. } => land || formula,
        });
        if !possible {
            continue;
        }
        // Questions state no stance.
        if text.get(s.clone()).is_some_and(|t| t.trim_end().ends_with('?') || t.trim_end().ends_with('？')) {
            continue;
        }
        // Triggers come in order: the clauses of the last sentence read serve its others.
        if clauses_of.as_ref().is_none_or(|(k, _)| *k != si) {
            clauses_of = Some((si, clauses(scan, &s)));
        }
        let starts: &[usize] = clauses_of.as_ref().map_or(&[], |(_, c)| c.as_slice());
        let c = starts.partition_point(|&x| x <= range.start).saturating_sub(1);
        let clause = starts.get(c).copied().unwrap_or(s.start)..starts.get(c + 1).copied().unwrap_or(s.end);
        // A prerequisite's negation is the main verb's ("will not sign … until the islands are
        // returned").
        let base_negated = (!prerequisite(scan, range) && negated_before(scan, &clause, range.start))
            || negated_after(scan, range.end, clause.end)
            || denied_after(scan, range.end, clause.end)
            || subject_negated(scan, &clause, range.start)
            || (meanings
                .iter()
                .any(|t| matches!(t, Trigger::Predicate { means: Means::Give, nominal: true }))
                && accepted_denied(scan, &clause, range.start));
        let mut found: Option<(Outcome, bool, Trigger, Range<usize>)> = None;
        let mut span = range.clone();
        for trigger in meanings {
            // A refusal worded with a negator that is expletive («пока Токио не признает»)
            // refuses nothing: what it names is read on its own.
            if matches!(trigger, Trigger::Predicate { means: Means::Reject, .. })
                && scan.pack.negators.after(text, range.start).is_some()
                && expletive(scan, &clause, range.start)
            {
                continue;
            }
            let mut negated = base_negated;
            let frame = Frame { k, trigger, range, s: &s, clause: &clause };
            if let Some((o, object)) = read_frame(&r, &triggers, &frame, &mut negated, &mut consumed) {
                // The evidence is the predicate with its object; what the object holds is
                // read (a "return" inside "demands the return of the islands").
                span = range.start.min(object.start)..range.end.max(object.end);
                // (A rejection consumes what it reads itself: the claim it rejects is still
                // its possessor's.)
                if object.end > range.end
                    && matches!(o, Outcome::Gets(..) | Outcome::Gives(_))
                    && !matches!(trigger, Trigger::Predicate { means: Means::Reject, .. })
                {
                    consumed.push(range.end..object.end);
                }
                found = Some((o, negated, trigger.clone(), object));
                break;
            }
        }
        let Some((outcome, mut negated, trigger, object)) = found else { continue };
        // In a verb-final language, a concept with a verb of renouncing right after it, or
        // after the claim it names (四島返還の旗を降ろす, 四島返還の要求を放棄する), is given
        // up, and the verb denied (降ろしていない) holds it.
        if scan.pack.verb_final && matches!(trigger, Trigger::Concept(_)) {
            let mut end = object.end;
            for (r2, ts) in triggers.get(k + 1..).unwrap_or_default().iter().take(2) {
                if r2.start < end || r2.start > chars_after(text, end, RENOUNCED_REACH).min(clause.end) {
                    break;
                }
                if ts.iter().any(|t| matches!(t, Trigger::Predicate { means: Means::Renounce, .. })) {
                    negated = !negated;
                    break;
                }
                if !ts.iter().any(|t| matches!(t, Trigger::Predicate { means: Means::Claim, .. })) {
                    break;
                }
                end = r2.end;
            }
        }
        // A forbidden act refused is the formula it names ("forbids the alienation of
        // territory").
        let banned = matches!(outcome, Outcome::Formula(_))
            && scan.pack.concepts_prohibited.find_in(text, object.clone()).next().is_some();
        if banned {
            negated = false;
        }
        // A formula's idea named as what is discussed ("talks on joint economic activities",
        // 共同経済活動に関する協議, 引き分けの意味) is no side's stance.
        let concept_object = matches!(outcome, Outcome::Formula(_))
            && !starting_in(agreements, |a| a.at.start, &object).iter().any(|a| a.at == object);
        // (An issue named, 四島の帰属に関する協議, is read by the issue rule below.)
        // (Talks on it agreed, though, are a stance of those who agree: "agreed to start
        // consultations on joint economic activities", 共同経済活動の協議を始めることで合意した,
        // «договорились начать консультации о совместной хозяйственной деятельности».)
        if concept_object
            && scan.pack.issues.find_in(text, object.clone()).next().is_none()
            && (scan.pack.discussed_after.after(text, object.end).is_some()
                || scan.pack.discussed_before.before(text, object.start).is_some())
            && !talks_agreed(scan, &object, &s)
        {
            continue;
        }
        // A phrase an agreement's name is joined to by a verb of stipulating
        // (二島返還を明記した日ソ共同宣言) gives the agreement's terms, not the clause's stance.
        if matches!(outcome, Outcome::Formula(_) | Outcome::Gives(_))
            && starting_in(agreements, |a| a.at.start, &s).iter().any(|a| stipulated(scan, &object, &a.at))
        {
            continue;
        }
        // A negation after the predicate's object ("the handover of the islands is
        // impossible").
        if !base_negated && span.end > range.end && negated_after(scan, span.end, s.end) {
            negated = !negated;
        }
        let bearing = matches!(trigger, Trigger::Predicate { .. });
        // A concept that charges a wrong ("illegally occupied", 不法占拠).
        let charge = matches!(trigger, Trigger::Concept(_))
            && scan.pack.charges.find_in(text, range.clone()).next().is_some();
        // No one is reported saying the sentence, and the trigger is outside any quote.
        let unspoken = || !speech_in(scan, &s) && people.quotes_holding(range).next().is_none();
        // A possessor holds a nominal stance ("Japan's claim"), not a concept ("Russia's
        // illegal occupation" is Japan's charge against Russia).
        let nominal = matches!(trigger, Trigger::Predicate { nominal: true, .. });
        // A hold named by its possessor ("Russia's sovereignty") is the possessor's hold; who
        // states it is read from the clause.
        let keep_noun = matches!(trigger, Trigger::Predicate { means: Means::Keep, nominal: true });
        let at = Place { range, s: &s, starts, c };
        // (A hand-over's genitive is what or to whom it gives, «передача Японии островов»,
        // never its possessor.)
        let give = matches!(trigger, Trigger::Predicate { means: Means::Give, .. });
        let held = holder_of(&r, &at, bearing, (nominal && !keep_noun).then_some(!give), charge);
        // A concept named as the content of a stated position right after it, joined by a
        // word of content (4島の帰属の問題を解決して平和条約を結ぶという日本政府の立場): that
        // position's possessor's, dated at publication.
        let held = held.or_else(|| {
            if !matches!(trigger, Trigger::Concept(_)) || scan.pack.content_links.is_empty() {
                return None;
            }
            // (Not in a hypothesis or a hedged sentence, where no one holds it.)
            if r.hedged(&s, range.start)
                || scan.pack.conditions_after.find_in(text, range.end..s.end).next().is_some()
                || scan.pack.conditions.after(text, clause.start).is_some()
            {
                return None;
            }
            let reach = range.end..chars_after(text, range.end, CONTENT_LINK_REACH).min(s.end);
            let (link, _) = scan.pack.content_links.find_in(text, reach).next()?;
            // (A quote of the content may close right before the link: 「…」という立場.)
            if text
                .get(range.end..link.start)
                .is_some_and(|g| g.trim_end_matches('」').contains(['、', '。', ',', '」']))
            {
                return None;
            }
            let noun = starting_in(
                &triggers,
                |(r2, _)| r2.start,
                &(link.end..chars_after(text, link.end, 12).min(s.end)),
            )
            .iter()
            .find(|(_, ts)| ts.iter().any(|t| matches!(t, Trigger::Predicate { nominal: true, .. })))
            .map(|(r2, _)| r2.start)?;
            // The possessor's (日本政府の立場), else the topic's that takes the position up
            // (ソ連は「…」という立場を取ってきた).
            possessor(&r, noun, &s, false)
                .or_else(|| {
                    r.actors_of(&s)
                        .iter()
                        .rev()
                        .find(|a| a.subject && !a.object && a.at.end <= range.start)
                        .map(|a| a.holder.clone())
                })
                .map(|h| (h, None))
        });
        // A stance stated as the content of a noun of stance that opens the sentence with
        // its possessor, before a copula of content ("The position of the Government of
        // Japan is clear: the islands are …", "Tokyo's view is that …"): the possessor's.
        let held = held.or_else(|| {
            if r.hedged(&s, range.start) || scan.pack.content_copulas.is_empty() {
                return None;
            }
            let (noun, copula) = starting_in(&triggers, |(r2, _)| r2.start, &(s.start..range.start))
                .iter()
                .filter(|(_, ts)| ts.iter().any(|t| matches!(t, Trigger::Predicate { nominal: true, .. })))
                .find_map(|(r2, _)| {
                    let (c, _) = scan.pack.content_copulas.find_in(text, r2.end..range.start).next()?;
                    let gap = text.get(r2.end..c.start)?;
                    (gap.split_whitespace().count() <= COPULA_GAP && !gap.contains([',', ';', '.', ':', '"']))
                        .then_some((r2.start, c))
                })?;
            // (What follows the copula up to the trigger is one statement: no full stop.)
            if text.get(copula.end..range.start).is_none_or(|g| g.contains(['.', ';'])) {
                return None;
            }
            possessor(&r, noun, &s, true).map(|h| (h, scan.date_at(range.start)))
        });
        // A forbidden act banned, or a concept stated, by a participle or after an aside, the
        // law named before it in the sentence with the state that gave it ("amendments to the
        // Russian constitution, forbidding the alienation of territory", «поправки к
        // Конституции России, запрещающие отчуждение территории»): the law speaks for that
        // state, dated by the sentence.
        let held = held.or_else(|| {
            if !(banned || matches!(trigger, Trigger::Concept(_))) || r.hedged(&s, range.start) {
                return None;
            }
            let lawgiver = starting_in(parties, |p| p.at.start, &(s.start..range.start))
                .iter()
                .rev()
                .find(|p| gives_law(scan.pack, text, &p.at))?;
            Some((Holder::States(vec![lawgiver.item.party.clone()], None), scan.date_at(range.start)))
        });
        // A state whose view a sentence opens with ("For Moscow, the question was settled by
        // the war", «Для России вопрос решен итогами войны», ロシアにとって…): the stance the
        // sentence states is that state's.
        let held = held.or_else(|| {
            if r.hedged(&s, range.start)
                || (scan.pack.viewpoints.is_empty() && scan.pack.viewpoints_after.is_empty())
            {
                return None;
            }
            let lead = s.start + text.get(s.clone())?.len() - text.get(s.clone())?.trim_start().len();
            let first = starting_in(parties, |p| p.at.start, &(lead..range.start)).first()?;
            let opens = scan.pack.viewpoints.after(text, lead).is_some_and(|(e, _)| {
                text.get(e..first.at.start)
                    .is_some_and(|g| g.split_whitespace().count() <= 1 && !g.contains(','))
            }) || (first.at.start == lead
                && scan.pack.viewpoints_after.glued(text, first.at.end).is_some());
            opens.then(|| (Holder::States(vec![first.item.party.clone()], None), scan.date_at(range.start)))
        });
        // A government named with no state as the subject of what an official reports
        // ("Kishida repeated that the government was determined to …", «Кисида повторил, что
        // правительство намерено …»): the official's state.
        let held = held.or_else(|| {
            let pack = scan.pack;
            let body = |set: &super::lexicon::Phrases<()>| {
                set.find_in(text, clause.start..range.start).next().map(|(r2, _)| r2)
            };
            let noun = body(&pack.seat_nouns).or_else(|| body(&pack.body_nouns))?;
            // (Not a question put to the official: "asked whether the government still
            // regarded …".)
            if !starting_in(parties, |p| p.at.start, &(clause.start..range.start)).is_empty()
                || r.hedged(&s, range.start)
                || pack.questions.find_in(text, s.start..range.start).next().is_some()
                || pack.conditions.after(text, clause.start).is_some()
            {
                return None;
            }
            let (_, m) = people.in_range(&(s.start..noun.start)).find(|(pr, m)| {
                m.official
                    && m.party.is_some()
                    && speech_in(scan, &(pr.end..chars_after(text, pr.end, SPEAKER_REACH).min(noun.start)))
            })?;
            let party = m.party.clone()?;
            Some((Holder::States(vec![party], Some(m.name.clone())), scan.date_at(range.start)))
        });
        let Some((holder, date)) = held else { continue };
        let _ = nominal;
        let Holder::States(states, mut speaker) = holder else { continue };
        // A charge ("illegally occupied") is not held by the state charged: a subject before
        // it in its clause.
        if charge
            && r.actors_of(&s).iter().any(|a| {
                a.subject
                    && a.at.start >= clause.start
                    && a.at.end <= range.start
                    && matches!(&a.holder, Holder::States(charged, _) if charged.iter().any(|p| states.contains(p)))
            })
        {
            continue;
        }
        // A charge in a sentence no one is reported saying, and outside any quote, is the
        // narrator's (ロシアが不法占拠する北方領土; a paper's own voice): no state's stance.
        if charge && unspoken() {
            continue;
        }
        // A hold named by its possessor in a clause with no state as its subject, in a
        // sentence no one is reported saying, outside any quote ("the islands, under Russian
        // control since 1945"), is the narrator's description: no state's stance.
        if keep_noun
            && !r.actors_of(&s).iter().any(|a| {
                (a.subject || !(a.object || a.possessive || a.reporter))
                    && a.at.start >= clause.start
                    && a.at.end <= range.start
                    && text.get(a.at.end..range.start).is_some_and(|gap| !gap.trim().is_empty())
                    && matches!(a.holder, Holder::States(..))
            })
            && unspoken()
        {
            continue;
        }
        // The issue a formula settles ("the attribution of the four islands") is a stance
        // only of a side the formula gives land to.
        // So is a charge ("under Russian occupation"): the side charged, named anywhere in
        // the sentence ("…, a wording Moscow rejected"), does not hold it.
        // (Also the issue a predicate takes as its object: "wants to resolve the territorial
        // issue and conclude a peace treaty".)
        // (Not an issue with its owner named: "recognized Japanese sovereignty over the four
        // islands" names Japan's claim.)
        let owned = |ir: &Range<usize>| {
            starting_in(parties, |p| p.at.start, &(chars_before(text, ir.start, 30)..ir.start)).iter().any(
                |p| {
                    let end = possessive_end(scan.pack, text, p.at.end).unwrap_or(p.at.end);
                    text.get(end..ir.start).is_some_and(|g| g.trim().is_empty())
                },
            )
        };
        let names_issue =
            |span: &Range<usize>| scan.pack.issues.find_in(text, span.clone()).any(|(ir, _)| !owned(&ir));
        let issue = charge
            || (matches!(trigger, Trigger::Concept(_)) && names_issue(range))
            || (matches!(outcome, Outcome::Formula(_)) && names_issue(&object));
        // Reported speech: the official who said it ("…, Chief Cabinet Secretary X told a
        // news conference … that Tokyo would …").
        if speaker.is_none()
            && let [state] = states.as_slice()
        {
            speaker = people
                .in_range(&s)
                .find(|(_, m)| m.official && m.party.as_ref() == Some(state))
                .filter(|(pr, _)| {
                    speech_in(scan, &(pr.end..chars_after(text, pr.end, SPEAKER_REACH).min(s.end)))
                })
                .map(|(_, m)| m.name.clone());
        }
        let conditional = negated
            && matches!(outcome, Outcome::Gives(_))
            && prerequisites_in(scan, span.end..s.end.max(span.end)).next().is_some();
        let plural = states.len() > 1
            && matches!(trigger, Trigger::Predicate { means: Means::Claim | Means::Keep, .. });
        // Undated: the publication date, unless the holder did not exist then, when an
        // agreement of its the sentence names dates it ("Under the 1956 declaration, the
        // Soviet Union agreed to …"), else one the sentence before names ("… the 1956
        // declaration. The declaration promised that the Soviet Union would …").
        // (Held since a date its clause names: "since 2020 the constitution forbids …".)
        let date = date.or_else(|| scan.temporals_in(&clause).find_map(|i| scan.period_start(i)));
        // Where the sentence's story begins, the last happening it told before the sentence,
        // and whether a verb of saying stands before the trigger.
        let from = story_start(scan, &s);
        let story_told = || last_happening(scan, from..s.start, |_| true);
        let before = s.start..range.start;
        let said_before = || speech_in(scan, &before);
        // (Told in the story's past, "had insisted", "was demanding": when its story was.)
        // (Not in reported speech, where the past is the saying's: "said Japan had to …".)
        let date =
            date.or_else(|| (!said_before() && narrated(scan, &clause, range)).then(story_told).flatten());
        // (Told in the simple past, "demanded", «требовал», in a sentence that names no
        // agreement, which would date it: when the story was, its latest happening, not a
        // background date a clause gave before it: "… since the Soviet Union entered the war
        // in August 1945. … Moscow promised to hand over …" is the day's news.)
        let date = date.or_else(|| {
            let plain = !said_before()
                && starting_in(agreements, |a| a.at.start, &s).is_empty()
                && simple_past(scan, &clause, range);
            plain.then(|| latest_happening(scan, from..s.start)).flatten()
        });
        // (Said by a person of the data out of office at publication, in office when the
        // story's last happening was: then.)
        let date = date.or_else(|| {
            let m = match speaker.as_deref() {
                Some(name) => people.by_name(name)?,
                None => people
                    .in_range(&(s.start..range.start))
                    .map(|(_, m)| m)
                    .find(|m| m.party.as_ref().is_some_and(|p| states.contains(p)))?,
            };
            let person = scan.data.person(m.person.as_ref()?).ok()?;
            if scan.published.is_none_or(|p| person.roles_at(p).any(|r| r.is_office())) {
                return None;
            }
            let told = story_told()?;
            person.roles_at(told).any(|r| r.is_office()).then_some(told)
        });
        // (A later sentence of a chronology's entry: the entry's date.)
        let date = date.or_else(|| scan.entry_date(s.start));
        let undated = date.is_none();
        let date = date.or(scan.published);
        let agreement_date = |state: &PartyId| {
            let named_from = |from: usize, implied: bool| {
                let own = starting_in(agreements, |a| a.at.start, &s).iter();
                let before = starting_in(agreements, |a| a.at.start, &(from..s.start)).iter().rev();
                own.chain(before).find_map(|a| {
                    let agreement = scan.data.agreement(a.item.agreement);
                    if a.item.implied != implied || !agreement.parties.contains(state) {
                        return None;
                    }
                    match a.item.year {
                        Some(y) if y != agreement.signed.year() => PartialDate::from_year(y).ok(),
                        _ => Some(agreement.signed),
                    }
                })
            };
            // Else one the story names by its year ("In 1956 the two countries issued a
            // joint declaration. The Soviet Union undertook to …"), else the last happening
            // before, in the story, dated while the holder existed.
            let named = |implied: bool| named_from(from, implied);
            let existed = |d: &PartialDate| scan.data.party(state).ok().is_some_and(|p| p.existed_at(*d));
            named(false)
                .or_else(|| named(true))
                .or_else(|| last_happening(scan, from..s.start, existed))
                // Else the last agreement of the holder named anywhere before (a question
                // that names it over the answer, a heading over its section).
                .or_else(|| named_from(0, false))
        };
        // (Not a person's saying, reported at its own time: "He added that Moscow remained
        // ready to work on the basis of the 1956 declaration" after a story of the Singapore
        // accord; a document's or a government's words are the story's: "The statement the
        // two leaders signed there called the 1956 declaration the starting point".)
        let terms_signed = |state: &PartyId, formula: FormulaId| {
            let person_says = said_before()
                && (people.in_range(&before).next().is_some()
                    || scan.pack.pronouns.find_in(text, before.clone()).next().is_some());
            if person_says {
                return None;
            }
            let told = story_told()?;
            scan.data
                .agreements()
                .find(|agreement| {
                    told.contains(agreement.signed)
                        && agreement.parties.contains(state)
                        && agreement.provisions.iter().any(|p| p.formula == Some(formula))
                })
                .map(|agreement| agreement.signed)
        };
        // A side does not claim for the other: a claim for a side other than its holder
        // ("… once Russia recognises Japan's sovereignty, Tokyo says") is the claimant's,
        // when the claimant is named in the sentence.
        let actors = r.actors_of(&s);
        let named: Vec<PartyId> = actors
            .iter()
            .filter(|a| !a.object)
            .filter_map(|a| match &a.holder {
                Holder::States(v, _) => Some(v.clone()),
                Holder::NotAState => None,
            })
            .flatten()
            .collect();
        // (Undated, a stance is as old as an agreement of its holder the sentence names.)
        let gone = |p: &PartyId| {
            let when = if undated { agreement_date(p).or(date) } else { date };
            when.is_some_and(|d| scan.data.party(p).ok().is_some_and(|party| !party.existed_at(d)))
        };
        let successor_named = |state: PartyId| {
            actors
                .iter()
                .filter(|a| a.at.end <= range.start && !a.object && !a.possessive)
                .find_map(|a| match &a.holder {
                    Holder::States(v, _) => v
                        .iter()
                        .find(|q| {
                            scan.data.party(q).ok().and_then(|p| p.predecessor.as_ref()) == Some(&state)
                        })
                        .cloned(),
                    Holder::NotAState => None,
                })
                .unwrap_or(state)
        };
        let mut seen_states: Vec<PartyId> = Vec::new();
        for state in states {
            // (Land a state says went to its predecessor, "Russia says the islands became
            // part of the Soviet Union after the war", is land it keeps.)
            let predecessor = scan.data.party(&state).ok().and_then(|p| p.predecessor.clone());
            let state = match &outcome {
                Outcome::Gets(Some(b), _) if *b != state => {
                    if predecessor.as_ref() == Some(b) {
                        state
                    } else if named.contains(b) {
                        b.clone()
                    } else {
                        continue;
                    }
                }
                _ => state,
            };
            // A hold a state names as its predecessor's ("Russia says the islands became
            // Soviet territory"), or a stance read off a predecessor that no longer existed
            // at its date ("… became Soviet territory as a result of the war", said in
            // 2019), is the successor's, when the successor is named before it in the
            // sentence.
            // (So is a stance whose holder is read off a state's adjective before a noun of
            // holding: "Russia holds that the islands became Soviet territory as a result of
            // the war".)
            let held_adjective = actors.iter().any(|a| {
                a.holding
                    && a.at.end <= range.start
                    && matches!(&a.holder, Holder::States(v, _) if v.contains(&state))
            });
            let state =
                if keep_noun || held_adjective || gone(&state) { successor_named(state) } else { state };
            // A state named for its predecessor in a stance its own words date before it
            // existed ("In 1960 Russia said …"): the predecessor's, if it existed then; and
            // a state gone by then, its successor's ("the two leaders agreed in December
            // 2016", the leaders read off a sentence that named Soviet troops).
            let state = match (date, scan.data.party(&state).ok()) {
                (Some(d), Some(party)) if !undated && !party.existed_at(d) => party
                    .predecessor
                    .clone()
                    .filter(|q| scan.data.party(q).ok().is_some_and(|q| q.existed_at(d)))
                    .or_else(|| {
                        scan.data.successor_of(&state).filter(|q| q.existed_at(d)).map(|q| q.id.clone())
                    })
                    .unwrap_or(state),
                _ => state,
            };
            if seen_states.contains(&state) {
                continue;
            }
            seen_states.push(state.clone());
            let alive = |d: PartialDate| scan.data.party(&state).ok().is_none_or(|p| p.existed_at(d));
            // (Else the last happening before, anywhere, dated while the holder existed: the
            // publication date is sure to be wrong.)
            let date = match date {
                Some(d) if undated && !alive(d) => agreement_date(&state)
                    .or_else(|| last_happening(scan, 0..from, |d: &PartialDate| alive(*d)))
                    .or(Some(d)),
                d => d,
            };
            let formula = match (&outcome, negated) {
                (Outcome::Formula(f), false) => Some(*f),
                // A state with no claim of its own wants, gives or keeps no land itself: such
                // a read has the wrong subject ("the United States supports Japan's
                // position, which demands the return of …"; 返還後の島に米軍が展開しかねない).
                (Outcome::Gets(None, _) | Outcome::Gives(_), _) if !claims_islands(scan.data, &state) => None,
                (Outcome::Gets(beneficiary, land), false) => index.wants(
                    beneficiary.as_ref().filter(|b| predecessor.as_ref() != Some(*b)).unwrap_or(&state),
                    *land,
                ),
                // A hand-over a recipient makes itself, named right before the verb, gives its
                // claim up: to the islands given, it wants the rest ("Japan could give up
                // Kunashir and Iturup"); to all of them, nothing ("Japan gave up the islands
                // in 1951", a renunciation, not a claim).
                (Outcome::Gives(land), false)
                    if index.recipients.contains(&state)
                        && gives_own(&r, &trigger, range, &object, &clause, &state) =>
                {
                    let rest = IslandSet::ALL.difference(land.full | land.partial);
                    if rest.is_empty() || !land.partial.is_empty() {
                        None
                    } else {
                        index.wants(&state, Land { full: rest, partial: IslandSet::EMPTY })
                    }
                }
                // … and one it refuses to make, named so, keeps its claim to the islands
                // refused ("We have not given up Kunashiri and Etorofu").
                (Outcome::Gives(land), true)
                    if index.recipients.contains(&state)
                        && gives_own(&r, &trigger, range, &object, &clause, &state) =>
                {
                    index.wants(&state, *land)
                }
                // … and a hand-over (a noun, or one a verb of refusing takes) of some of the
                // islands it refuses to settle for wants more:
                // its own line of all of them first (二島の引き渡しだけで決着させることは考えて
                // いない), as a refused formula of a treaty first does (below).
                (Outcome::Gives(land), true)
                    if index.recipients.contains(&state)
                        && matches!(
                            trigger,
                            Trigger::Predicate { means: Means::Give, nominal: true }
                                | Trigger::Predicate { means: Means::Reject, nominal: false }
                        )
                        && !land.full.is_empty()
                        && land.full != IslandSet::ALL =>
                {
                    index.keeps(&state).filter(|k| scan.data.formula(*k).order == StatedOrder::TerritoryFirst)
                }
                // A hand-over a recipient states is one it wants ("all four must be returned").
                (Outcome::Gives(land), false) if index.recipients.contains(&state) => {
                    index.wants(&state, *land)
                }
                (Outcome::Gives(land), false) => index.gives(&state, *land),
                // A refusal to hand over some of the islands until or unless something is
                // done is their hand-over on that condition ("will not hand over Habomai and
                // Shikotan unless all foreign troops leave"); of all of them, a refusal.
                (Outcome::Gives(land), true)
                    if !index.recipients.contains(&state) && conditional && land.full != IslandSet::ALL =>
                {
                    index.gives(&state, *land)
                }
                (Outcome::Gives(_), true) if !index.recipients.contains(&state) => index.keeps(&state),
                // A treaty first refused by a side a formula gives land to is its land first
                // ("Japan will not sign a peace treaty without first resolving the territorial
                // issue"): all of it, settled before the treaty.
                (Outcome::Formula(f), true)
                    if index.recipients.contains(&state)
                        && scan.data.formula(*f).order == StatedOrder::TreatyFirst =>
                {
                    index.keeps(&state).filter(|k| scan.data.formula(*k).order == StatedOrder::TerritoryFirst)
                }
                _ => None,
            };
            let Some(formula) = formula else { continue };
            // A refusal to hand over some of the islands after a hand-over of others by the
            // same side in the sentence ("will hand over Habomai and Shikotan but will not
            // give up Kunashir") is that hand-over's other half, not a refusal of all.
            if negated
                && matches!(outcome, Outcome::Gives(land) if land.full != IslandSet::ALL)
                && explicit.iter().zip(&out).any(|((k, _), o)| {
                    *k == si
                        && o.item.holder == state
                        && !scan.data.formula(o.item.formula).islands_transferred().is_empty()
                })
            {
                continue;
            }
            // Undated, the terms of an agreement of its holder's whose signing date the
            // story has just told are stated when it was signed ("On 19 October 1956 the
            // two sides signed a joint declaration. Meeting Japan's wishes, the Soviet
            // government agreed to hand over Habomai and Shikotan …").
            let date = if undated { terms_signed(&state, formula).or(date) } else { date };
            if issue && scan.data.formula(formula).islands_transferred_to(&state).is_empty() {
                continue;
            }
            if hands_over_all_it_holds(scan.data, &state, formula, date) {
                continue;
            }
            // Nor does a side that claims land hold the formula of no transfer: one read for
            // it is the other side's words misattributed (a Russian spokesman's quote beside
            // "Japan's Northern Territories Day").
            if index.recipients.contains(&state) && index.nothing == Some(formula) {
                continue;
            }
            if matches!(outcome, Outcome::Gives(_)) {
                stated_gives.push(range.clone());
            }
            // "Islands that both countries claim": a description, not either side's claim.
            if plural && matches!(outcome, Outcome::Gets(..) | Outcome::Gives(_)) {
                continue;
            }
            // Named by the formula's own words ("in two stages", "plus alpha"), not read
            // from the islands it gives.
            let named = matches!(outcome, Outcome::Formula(_))
                && !starting_in(agreements, |a| a.at.start, &span).iter().any(|a| a.at.start == span.start);
            // A state with no claim of its own backing this side's stance states it too
            // ("the United States recognizes Japan's sovereignty over the islands").
            let backers = backers(&r, &s, range, &state);
            for holder in std::iter::once(state).chain(backers) {
                explicit.push((si, named));
                out.push(Found::new(
                    span.clone(),
                    PositionFinding {
                        holder,
                        formula,
                        date,
                        speaker: speaker.clone(),
                        evidence: scan.evidence(&span),
                    },
                ));
            }
        }
    }
    // A formula named in a sentence is what its holder's islands there amount to ("a
    // Japanese proposal to return the four islands in two stages" is the phased return,
    // not the four at once): it replaces the ones read from the islands alone.
    let named_in: Vec<(usize, PartyId, FormulaId)> = explicit
        .iter()
        .zip(&out)
        .filter(|((_, named), _)| *named)
        .map(|((si, _), p)| (*si, p.item.holder.clone(), p.item.formula))
        .collect();
    let mut flags = explicit.iter();
    out.retain(|p| {
        let Some((si, named)) = flags.next() else { return true };
        *named || !named_in.iter().any(|(s2, h, f)| s2 == si && *h == p.item.holder && *f != p.item.formula)
    });
    let mut all = agreement_positions(&r, &stated_gives);
    all.extend(out);
    // A stance on settling the dispute is taken once there is one: a formula dated wholly
    // before the islands first changed hands (the 1855 border, the terms agreed at Yalta) is
    // history the text tells, no side's position.
    if let Some(began) = index.dispute_began {
        all.retain(|p| p.item.date.is_none_or(|d| d.last_day() >= began.first_day()));
    }
    all
}

/// A trigger being read: its index among the triggers, the meaning tried, where it is,
/// its sentence and its clause.
struct Frame<'f> {
    k: usize,
    trigger: &'f Trigger,
    range: &'f Range<usize>,
    s: &'f Range<usize>,
    clause: &'f Range<usize>,
}

/// The states with no claim of their own (see [`claims_islands`]) that back `holder`'s
/// stance at `range` in sentence `s`: each a subject before it, with a word of
/// backing (`stance.support`) after the state in the sentence ("Washington supports Tokyo's
/// claim", 米国は日本の主権を認めている).
fn backers(r: &Reading<'_, '_>, s: &Range<usize>, range: &Range<usize>, holder: &PartyId) -> Vec<PartyId> {
    let scan = r.scan;
    let mut out: Vec<PartyId> = Vec::new();
    for a in r.actors_of(s).iter() {
        if a.object || a.possessive || a.reporter || a.at.end > range.start {
            continue;
        }
        let Holder::States(states, _) = &a.holder else { continue };
        let [state] = states.as_slice() else { continue };
        if state == holder || claims_islands(scan.data, state) || out.contains(state) {
            continue;
        }
        if scan.pack.support.find_in(scan.text(), a.at.end..s.end).next().is_some() {
            out.push(state.clone());
        }
    }
    out
}

/// Whether `party` has ever claimed the islands in the dataset's record (`claims.toml`).
fn claims_islands(data: &Dataset, party: &PartyId) -> bool {
    data.claims().any(|c| &c.claimant == party)
}

/// Whether `formula` hands over, whole, every island `state` administered at `date` (at the
/// end of the record when undated): a stance no side holding the islands takes, so one read
/// for it is the other side's words misattributed ("Russia" holding the return of all four).
fn hands_over_all_it_holds(
    data: &Dataset,
    state: &PartyId,
    formula: FormulaId,
    date: Option<PartialDate>,
) -> bool {
    let held: IslandSet = crate::island::Island::ALL
        .into_iter()
        .filter(|&island| match date {
            Some(d) => data.administrator_at(island, d).iter().any(|p| &p.administrator == state),
            None => data.current_administration(island).is_some_and(|p| &p.administrator == state),
        })
        .collect();
    let handed: IslandSet = data
        .formula(formula)
        .all_transfers()
        .filter(|t| t.share_or_whole() == crate::formula::Share::WHOLE && !t.to.parties().contains(state))
        .map(|t| t.island)
        .collect();
    !held.is_empty() && handed.is_superset(held)
}

/// The antecedent a verb of accepting in a relative clause takes as its object: the
/// formula named, or the agreement, right before the relative word that opens its clause
/// ("joint economic activities, which the leaders agreed on in 2016", «совместной
/// хозяйственной деятельности, о которой лидеры договорились»).
fn antecedent(
    r: &Reading<'_, '_>,
    triggers: &[(Range<usize>, Vec<Trigger>)],
    f: &Frame<'_>,
) -> Option<(FormulaId, Range<usize>)> {
    let (scan, clause, s) = (r.scan, f.clause, f.s);
    let text = scan.text();
    // A complementizer opens a relative clause too right after the formula's name or a
    // phrase of a preposition after it, where no verb of saying stands ("joint economic
    // activities on the islands that the leaders agreed to launch"; not "the declaration
    // states that …").
    let relative = scan.pack.relatives.after(text, clause.start).is_some();
    if matches!(f.trigger, Trigger::Predicate { nominal: true, .. })
        || !(relative || scan.pack.complementizers.after(text, clause.start).is_some())
    {
        return None;
    }
    let concept =
        triggers.get(..f.k)?.iter().rev().take_while(|(r2, _)| r2.start >= s.start).find_map(|(r2, ts)| {
            ts.iter().find_map(|t| match t {
                Trigger::Concept(formula) if r2.end <= clause.start => Some((*formula, r2.clone())),
                _ => None,
            })
        });
    let agreement = starting_in(r.agreements, |a| a.at.start, &(s.start..clause.start))
        .iter()
        .rev()
        .find(|a| a.at.end <= clause.start)
        .and_then(|a| Some((agreement_formula(scan.data, a.item.agreement)?, a.at.clone())));
    let (formula, at) = match (concept, agreement) {
        (Some(c), Some(a)) => Some(if a.1.end > c.1.end { a } else { c }),
        (c, a) => c.or(a),
    }?;
    // (Right before it: a few words between, no end of a clause.)
    let gap = text.get(at.end..clause.start)?;
    let words = gap.split_whitespace().count();
    let near = if relative {
        words <= 6
    } else {
        words == 0
            || (words <= 4
                && !gap.contains(',')
                && scan.pack.object_prepositions.after(text, at.end).is_some())
    };
    (near && !gap.contains(['.', ';', ':', '—'])).then_some((formula, at))
}

/// Reads one meaning of a trigger: what it says (or nothing), flipping `negated` for a
/// refused hand-over or a renounced claim, and marking the triggers it reads as its
/// object as consumed.
fn read_frame(
    r: &Reading<'_, '_>,
    triggers: &[(Range<usize>, Vec<Trigger>)],
    f: &Frame<'_>,
    negated: &mut bool,
    consumed: &mut Vec<Range<usize>>,
) -> Option<(Outcome, Range<usize>)> {
    let scan = r.scan;
    let text = scan.text();
    let (range, s, clause) = (f.range, f.s, f.clause);
    // (Its object ends at a semicolon: "…to Japan; Kunashiri and Etorofu are not
    // mentioned" adds no islands to a hand-over.)
    let reach = clause.end.max(chars_after(text, range.end, OBJECT_REACH).min(s.end)).min(s.end);
    let mut after = range.end..before_semicolon(text, range.end, reach);
    // (No object reaches past a clause joined on with a subject of its own: looked for over
    // the farthest any object reaches, sixteen words, 200 characters at most.)
    let joined = joined_clause(r, &(range.end..after.end.max(chars_after(text, range.end, 200).min(s.end))));
    if let Some(at) = joined {
        after.end = after.end.min(at);
    }
    let next = |limit: usize, consumed: &[Range<usize>]| {
        triggers
            .get(f.k + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|(r2, _)| r2.start < limit)
            .filter(|(r2, _)| !consumed.iter().any(|c| c.start <= r2.start && r2.end <= c.end))
            .cloned()
            .collect::<Vec<_>>()
    };
    let concept_in = |list: &[(Range<usize>, Vec<Trigger>)]| {
        list.iter().find_map(|(r2, ts)| {
            ts.iter().find_map(|t| match t {
                Trigger::Concept(f) => Some((r2.clone(), *f)),
                _ => None,
            })
        })
    };
    let Trigger::Predicate { means, nominal } = f.trigger else {
        return match f.trigger {
            Trigger::Concept(formula) => Some((Outcome::Formula(*formula), range.clone())),
            Trigger::Predicate { .. } => None,
        };
    };
    match means {
        Means::Claim => {
            // A claim for a named formula ("a push for joint economic development of the
            // islands"), when it comes before the territory; else a claim to the territory.
            let land = r.territory(&after);
            let concept = concept_in(&next(after.end, consumed));
            if let Some((cr, formula)) = concept
                && land.as_ref().is_none_or(|(_, span)| cr.start < span.end)
            {
                consumed.push(cr.clone());
                return Some((Outcome::Formula(formula), cr));
            }
            if let Some((land, span)) = land {
                return Some((Outcome::Gets(None, land), span));
            }
            // Passive ("is sought by Japan"): the territory before, in the sentence, not
            // across a semicolon ("… new thinking on the Kurils; Russia calls for pragmatism").
            let from = text
                .get(s.start..range.start)
                .and_then(|h| h.rfind(';'))
                .map_or(s.start, |k| s.start + k + 1);
            r.territory(&(from..range.start)).map(|(land, span)| (Outcome::Gets(None, land), span))
        }
        Means::Give => {
            // An agreement's pledge ("the 1956 Soviet pledge to return two areas"): its terms,
            // not a present side's stance.
            let near = chars_before(text, range.start, 50).max(clause.start)..range.start;
            if starting_in(r.agreements, |a| a.at.start, &near).iter().any(|a| {
                text.get(a.at.end..range.start)
                    .is_some_and(|g| g.split_whitespace().count() <= 2 && !g.contains([',', ';']))
            }) {
                return None;
            }
            // Active: the territory after (or in the verb's own words, «передавать
            // острова»); passive ("must be returned"): before.
            // (A pronoun right before the verb, «их передавать», is its object too.)
            let before = clause.start..range.start;
            let pronoun = || {
                let w = word_before(text, range.start)?;
                let (full, span) = pronoun_land(scan, &(w.start..range.start))?;
                Some((Land { full, partial: IslandSet::EMPTY }, span))
            };
            // (In a verb-final language the object stands before the verb, in its clause:
            // ソ連は歯舞群島と色丹島を引き渡すが、国後島と択捉島は… hands over the first two.)
            let (land, span) = if scan.pack.verb_final {
                r.territory(range)
                    .or_else(|| r.territory(&before))
                    .or_else(|| r.territory(&after))
                    .or_else(|| r.territory(&(s.start..range.start)))?
            } else {
                r.territory(&after)
                    .or_else(|| r.territory(range))
                    .or_else(pronoun)
                    .or_else(|| r.territory(&before))
                    .or_else(|| r.territory(&(s.start..range.start)))?
            };
            // Handed to a state no formula gives land to ("would be handed over to the
            // Soviet Union", at Yalta): no formula of the dispute's. The recipient is marked
            // after the verb by a word before it ("to the Soviet Union", past an article), or
            // before the verb by a particle after it (千島列島をソ連に引き渡す).
            // (A seat of government counts though a place word ("to") marks it, which keeps
            // it from the clause's parties: "promised the Kurils to Moscow".)
            let handed_elsewhere = |reach: Range<usize>, marked: &dyn Fn(&Range<usize>) -> bool| {
                starting_in(r.parties, |p| p.at.start, &reach)
                    .iter()
                    .any(|p| p.at.end <= reach.end && !r.recipients.contains(&p.item.party) && marked(&p.at))
                    || scan.entries_in(&reach).any(|(h, e)| {
                        matches!(e, Entry::Party { party, form: PartyForm::Metonym }
                            if !r.recipients.contains(party) && marked(&h.range()))
                    })
            };
            let marker_before = |p: &Range<usize>| {
                let at = scan.pack.determiners.before(text, p.start).map_or(p.start, |(d, _)| d);
                scan.pack.recipient_markers.before(text, at).is_some()
            };
            let particle_after = |p: &Range<usize>| {
                scan.pack.recipient_particles.glued(text, p.end).is_some_and(|(e, _)| e <= range.start)
            };
            // (Or marked by its case alone: «передачу Курильских островов Советскому Союзу».)
            let marked_after = |p: &Range<usize>| marker_before(p) || scan.recipient_case_at(p);
            if handed_elsewhere(range.end.min(span.end)..after.end, &marked_after)
                || handed_elsewhere(span.end.min(range.start)..range.start, &particle_after)
            {
                return None;
            }
            Some((Outcome::Gives(land), span))
        }
        Means::Keep => {
            // "The islands belong to Russia": the territory before, the side after;
            // "Russia's sovereignty over the islands": the possessor.
            let before = clause.start..range.start;
            let beneficiary = if *nominal {
                // "Russia's sovereignty", "our sovereignty": a hold without its side ("the
                // issue of the ownership of the islands") states nothing.
                match possessor(r, range.start, s, true) {
                    Some(Holder::States(v, _)) => Some(v.into_iter().next()?),
                    _ => return None,
                }
            } else {
                starting_in(r.parties, |p| p.at.start, &after)
                    .iter()
                    .find(|p| p.at.end <= after.end)
                    .map(|p| p.item.party.clone())
            };
            if *nominal {
                // (Or before its clause in the sentence, the land a quote's words are said of:
                // 南クリル諸島は「ロシアの領土の重要な一部だ」と強調した.)
                let (land, span) = r
                    .territory(&after)
                    .or_else(|| r.territory(&before))
                    .or_else(|| r.territory(&(s.start..range.start)))?;
                return Some((Outcome::Gets(beneficiary, land), span));
            }
            if let Some((land, span)) = r.territory(&before).or_else(|| r.territory(&(s.start..range.start)))
            {
                return Some((Outcome::Gets(beneficiary, land), span));
            }
            // The territory after the verb ("will not give up the islands to Japan", «не
            // отдаст острова Японии»): a side named after the territory is whom it would go
            // to; the holder keeps it.
            let (land, span) = r.territory(&after)?;
            let beneficiary = beneficiary.filter(|b| {
                starting_in(r.parties, |p| p.at.start, &after)
                    .iter()
                    .any(|p| p.item.party == *b && p.at.end <= span.start)
            });
            Some((Outcome::Gets(beneficiary, land), span))
        }
        Means::Basis | Means::Accept => {
            // A formula named after it (a verb: within a few words; a noun: in the
            // sentence), else an agreement named in it.
            // A verb's object: up to a contrasting conjunction or the sentence's end, at most
            // sixteen words on ("proposed on Wednesday that Russia and Japan conclude a
            // treaty …, with no preconditions").
            // (A noun's reaches past sixteen words, not past a contrast: "rejected a Japanese
            // proposal …, and suggested instead that …".)
            let reach = if *nominal {
                let text = scan.text();
                scan.pack.contrasts.find_in(text, range.end..s.end).next().map_or(s.end, |(c, _)| c.start)
            } else {
                object_end(scan, range.end, s.end)
            };
            let reach = joined.map_or(reach, |j| reach.min(j));
            // (In a verb-final language a stance noun marked as a verb's object holds no
            // content after it: 日ロ双方の法的な立場を損なわない形で四島の共同開発を…提案した is a
            // proposal of joint development, not a position's.)
            let ahead = if *nominal && scan.pack.verb_final && object_marked(scan.pack, text, range.end) {
                Vec::new()
            } else {
                next(reach, consumed)
            };
            // A state's hold as the object ("does not recognise Russian sovereignty over the
            // four islands", «не признает суверенитет России над островами»): denied, the land
            // is wanted by the side that denies it; recognised, it is no stance of this frame.
            if !*nominal && let Some(land) = possessed_hold(r, &ahead, s) {
                if !*negated {
                    return None;
                }
                *negated = false;
                return Some(land);
            }
            if let Some((cr, formula)) = concept_in(&ahead) {
                // A possessed proposal between ("welcomed Putin's call for a draw"): the
                // concept is its possessor's too, so it stays for that nominal to read.
                let possessed = ahead.iter().take_while(|(r2, _)| r2.start < cr.start).any(|(r2, ts)| {
                    ts.iter().any(|t| matches!(t, Trigger::Predicate { nominal: true, .. }))
                        && possessor(r, r2.start, s, true).is_some()
                });
                if !possessed {
                    // Its object is the acceptance's, frames inside it too ("suggested that
                    // Russia gives up two islands now and two more later").
                    consumed.push(range.end..cr.end);
                    consumed.push(cr.clone());
                }
                return Some((Outcome::Formula(formula), cr));
            }
            // Accepting islands is wanting them ("Tokyo could accept Shikotan, the Habomai
            // islets and part of Kunashiri").
            if *means == Means::Accept
                && !*nominal
                && let Some((land, span)) = r.territory(&(range.end..object_end(scan, range.end, s.end)))
                && r.territory(&(range.end..words_after(text, range.end, 3))).is_some()
                && scan.pack.talked_about.find_in(text, range.end..span.start).next().is_none()
            {
                // "Prepared to hand Shikotan and the Habomai group to Japan": a hand-over
                // accepted is the acceptor's to give.
                let give = next(span.start, consumed).into_iter().find(|(r2, ts)| {
                    r2.start >= range.end
                        && ts
                            .iter()
                            .any(|t| matches!(t, Trigger::Predicate { means: Means::Give, nominal: false }))
                });
                if let Some((r2, _)) = give {
                    consumed.push(r2);
                    return Some((Outcome::Gives(land), span));
                }
                return Some((Outcome::Gets(None, land), span));
            }
            // A basis names its agreement anywhere in the sentence; an acceptance after it,
            // in its clause ("Moscow recognises the 1956 declaration").
            let within = if *nominal {
                s.start..reach
            } else if *means == Means::Basis {
                // "on the basis of the 1956 declaration", or the agreement before: "the
                // declaration … as the basis".
                s.start..object_end(scan, range.end, s.end)
            } else {
                range.end..object_end(scan, range.end, s.end)
            };
            // Else a noun of documents that refers back, right after the verb or before it
            // ("recognized the document", «признает этот документ», 同宣言を認める): the last
            // agreement the story named before.
            let referred = || {
                let after = range.end..words_after(text, range.end, 3).min(s.end);
                let before = chars_before(text, range.start, 8).max(s.start)..range.start;
                let pack = scan.pack;
                // (After a determiner where the language has them: "the document".)
                // (Or a pronoun, without one, before the verb in its clause or right after
                // it: "regards it as still in force", "will honour it".)
                let pronoun = || {
                    let back =
                        chars_before(text, range.start, PRONOUN_REACH).max(clause.start).min(range.start);
                    pack.agreement_pronouns
                        .find_in(text, after.clone())
                        .next()
                        .or_else(|| pack.agreement_pronouns.find_in(text, back..range.start).last())
                };
                let (d, _) = pack
                    .agreement_documents
                    .find_in(text, after.clone())
                    .next()
                    .or_else(|| pack.agreement_documents.find_in(text, before).last())
                    .filter(|(d, _)| {
                        pack.determiners.is_empty() || pack.determiners.before(text, d.start).is_some()
                    })
                    .or_else(pronoun)?;
                let last =
                    starting_in(r.agreements, |a| a.at.start, &(story_start(scan, s)..s.start)).last()?;
                Some((agreement_formula(scan.data, last.item.agreement)?, d))
            };
            // (A noun's not before it across a contrast: "… on the basis of the 1956
            // declaration, but complained that the Japanese side kept changing its position".)
            let across = |a: &Found<AgreementMention>| {
                *nominal
                    && a.at.end <= range.start
                    && scan.pack.contrasts.find_in(text, a.at.end..range.start).next().is_some()
            };
            // (Nor a verb's agreement after a word of its terms, where the thing was done, not
            // what: "as confirmed in the Irkutsk Statement" confirms the line before it.)
            let terms_end = if *nominal {
                None
            } else {
                scan.pack
                    .agreement_terms
                    .after(text, range.end)
                    .map(|(e, _)| scan.pack.articles.after(text, e).map_or(e, |(a, _)| a))
            };
            let located = |a: &Found<AgreementMention>| {
                terms_end.is_some_and(|e| {
                    a.at.start >= range.end && text.get(e..a.at.start).is_some_and(|g| g.trim().is_empty())
                })
            };
            let (formula, at) = starting_in(r.agreements, |a| a.at.start, &within)
                .iter()
                .filter(|a| a.at.end <= within.end.max(a.at.start) && !across(a) && !located(a))
                .min_by_key(|a| a.at.start.abs_diff(range.start))
                .and_then(|a| Some((agreement_formula(scan.data, a.item.agreement)?, a.at.clone())))
                .or_else(referred)
                .or_else(|| antecedent(r, triggers, f))?;
            Some((Outcome::Formula(formula), at))
        }
        Means::Reject => {
            // What is rejected is not the rejecter's; a hand-over refused is a hold.
            let list = next(clause.end.max(chars_after(text, range.end, 60)).min(s.end), consumed);
            // Another state's hold rejected («не признает суверенитет России над островами»,
            // "rejects Russian sovereignty over the islands"): the rejecter wants the land.
            if let Some(land) = possessed_hold(r, &list, s) {
                return Some(land);
            }
            let (r2, ts) = list.first()?;
            if ts.iter().any(|t| matches!(t, Trigger::Predicate { means: Means::Give, .. })) {
                let after2 = r2.end..chars_after(text, r2.end, OBJECT_REACH).min(s.end);
                // A hand-over of what a law forbids, refused ("forbids handing over any part
                // of the country's territory"): the formula its concept names, held (the
                // caller lifts the negation).
                let forbidden = list.get(1..).unwrap_or_default().iter().find_map(|(r3, ts3)| {
                    (r3.start < after2.end)
                        .then(|| prohibited_concept(scan, r3, ts3).map(|f| (r3.clone(), f)))?
                });
                if let Some((r3, f)) = forbidden {
                    consumed.push(r2.clone());
                    consumed.push(r3.clone());
                    return Some((Outcome::Formula(f), r3));
                }
                consumed.push(r2.clone());
                *negated = !*negated;
                // (Or a pronoun between the two verbs, «отказывается их передавать».)
                let (land, span) = r.territory(&after2).or_else(|| r.territory(&(range.end..r2.start)))?;
                consumed.push(range.end..span.end.max(r2.end));
                return Some((Outcome::Gives(land), span));
            }
            // Someone else's claim to the land ("rejected Japan's claim to the islands"): the
            // rejecter refuses to hand it over; the claim stays its possessor's (not consumed).
            if ts.iter().any(|t| matches!(t, Trigger::Predicate { means: Means::Claim, nominal: true }))
                && possessor(r, r2.start, s, true).is_some()
            {
                let after2 = r2.end..chars_after(text, r2.end, OBJECT_REACH).min(s.end);
                if let Some((land, span)) = r.territory(&after2) {
                    *negated = !*negated;
                    return Some((Outcome::Gives(land), span));
                }
            }
            // Someone else's stance: attributed only through its possessor ("rejected Moscow's
            // offer of …" is Moscow's offer). Without one, what follows in the clause is the
            // rejected thing ("denied reports that it was ready to …"), up to a prerequisite:
            // "refused to sign a treaty until the islands are returned" holds it.
            if possessor(r, r2.start, s, true).is_some() {
                return None;
            }
            // A forbidden act refused ("rejects the alienation of territory"): the formula
            // its concept names, held (the negation is lifted by the caller).
            if let Some(f) = prohibited_concept(scan, r2, ts) {
                consumed.push(r2.clone());
                return Some((Outcome::Formula(f), r2.clone()));
            }
            // A treaty first refused ("refused to sign a peace treaty without settling the
            // territorial question"): the refusal is of that order, held denied.
            if let Some(f) = ts.iter().find_map(|t| match t {
                Trigger::Concept(f) if r.scan.data.formula(*f).order == StatedOrder::TreatyFirst => Some(*f),
                _ => None,
            }) {
                consumed.push(r2.clone());
                *negated = !*negated;
                return Some((Outcome::Formula(f), r2.clone()));
            }
            for (r3, ts3) in &list {
                // (Nor past a verb of saying: "denounced the rally, saying Russia's
                // sovereignty … was indisputable" says what follows.)
                let said = speech_in(scan, &(range.end..r3.start));
                if possessor(r, r3.start, s, true).is_some()
                    || prerequisite(scan, r3)
                    || said
                    || coordinated_verb(scan, &(range.end..r3.start), ts3)
                {
                    break;
                }
                consumed.push(r3.clone());
            }
            None
        }
        Means::Renounce => {
            // "drop its claim to the islands": a claim, denied (twice denied, held).
            let list = next(clause.end.max(chars_after(text, range.end, 40)), consumed);
            let (r2, ts) = list.first()?;
            if !ts.iter().any(|t| matches!(t, Trigger::Predicate { means: Means::Claim, .. })) {
                return None;
            }
            consumed.push(r2.clone());
            *negated = !*negated;
            let after2 = r2.end..chars_after(text, r2.end, OBJECT_REACH).min(s.end);
            r.territory(&after2).map(|(land, span)| (Outcome::Gets(None, land), span))
        }
    }
}

/// Whether a verb of stance after `gap` heads a predicate of its own, coordinated with the
/// rejection's: the rejection took its own object, opened by an article, before a
/// coordinator or a contrast ("rejected the offer and demands the return of all four", "dismissed the
/// idea as insufficient and continues to demand …"). Not a rejection's second object
/// ("rejected the offer and the joint plan"), nor two verbs sharing its object ("refused
/// to sign and hand over").
fn coordinated_verb(scan: &Scan<'_>, gap: &Range<usize>, ts: &[Trigger]) -> bool {
    let (text, pack) = (scan.text(), scan.pack);
    if pack.articles.is_empty() || !ts.iter().any(|t| matches!(t, Trigger::Predicate { nominal: false, .. }))
    {
        return false;
    }
    let join = [&pack.coordinators, &pack.contrasts]
        .into_iter()
        .filter_map(|set| set.find_in(text, gap.clone()).next().map(|(c, _)| c.start))
        .min();
    join.is_some_and(|c| {
        super::text::words(text, gap.start..c).any(|w| text.get(w).is_some_and(|w| pack.articles.contains(w)))
    })
}

/// The formula an agreement's provisions name.
fn agreement_formula(data: &Dataset, id: crate::agreement::AgreementId) -> Option<FormulaId> {
    data.agreement(id).provisions.iter().find_map(|p| p.formula.filter(|f| f.in_annotation_schema()))
}

/// Whether the trigger at `range` opens with a prerequisite word of the pack, or follows
/// one ("until the islands are returned", «только после возвращения островов»).
fn prerequisite(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    let (text, conditions) = (scan.text(), &scan.pack.prerequisites);
    !conditions.is_empty()
        && (conditions
            .after(text, range.start)
            .is_some_and(|(end, _)| end <= range.end && !time_bound(scan, end))
            || conditions.before(text, range.start).is_some())
}

/// Whether the prerequisite word ending at `end` bounds a time ("until this week", "until
/// 1991"), not a condition: a time expression follows it.
fn time_bound(scan: &Scan<'_>, end: usize) -> bool {
    let text = scan.text();
    let next = text.get(end..).map_or(end, |rest| end + (rest.len() - rest.trim_start().len()));
    scan.temporals_in(&(next..next + 1)).next().is_some()
}

/// The prerequisites in `range`, time bounds aside.
fn prerequisites_in<'s>(scan: &'s Scan<'_>, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + 's {
    scan.pack.prerequisites.find_in(scan.text(), range).map(|(p, _)| p).filter(|p| !time_bound(scan, p.end))
}

/// Whether a verb of saying stands in `range`.
fn speech_in(scan: &Scan<'_>, range: &Range<usize>) -> bool {
    scan.entries_in(range).any(|(_, e)| matches!(e, Entry::Term(Term::Speech { .. })))
}

/// Whether `m`, a person of the data, held an office at the date of the sentence at `at`,
/// or, for a sentence that gives none, of the last happening its story told.
fn office_at(scan: &Scan<'_>, m: &PersonMention, at: usize) -> bool {
    let Some(id) = &m.person else { return false };
    let Ok(person) = scan.data.person(id) else { return false };
    // (Else the last happening its story told: "In October 1993 Yeltsin came to Tokyo. …
    // Yeltsin acknowledged that the 1956 declaration was among them" in his obituary.)
    let story = || {
        let s = scan.sentence(scan.sentence_of(at));
        last_happening(scan, story_start(scan, &s)..s.start, |_| true)
    };
    scan.date_at(at).or_else(story).is_some_and(|d| person.roles_at(d).any(|r| r.is_office()))
}

/// Whether the stance at `range` is told in a story's past: within [`NARRATIVE_REACH`]
/// characters before it in its clause, a word of `narrative_past` ("had insisted on the
/// return"), or one of `narrative_progressive` before a progressive form ("was demanding
/// the return"; not the passive "was rejected"), and no word of a stance still held.
fn narrated(scan: &Scan<'_>, clause: &Range<usize>, range: &Range<usize>) -> bool {
    let (pack, text) = (scan.pack, scan.text());
    let window =
        clause.start.max(chars_before(text, range.start, NARRATIVE_REACH)).min(range.start)..range.start;
    if pack.ongoing.find_in(text, clause.start.min(range.start)..range.start).next().is_some() {
        return false;
    }
    if pack.narrative_past.find_in(text, window.clone()).next().is_some() {
        return true;
    }
    pack.narrative_progressive.find_in(text, window).any(|(m, _)| {
        word_after(text, m.end)
            .and_then(|w| text.get(w))
            .is_some_and(|word| ends_in(word, &pack.progressive_endings, 1))
    })
}

/// Whether the stance at `range` is told in the simple past ([`told_in_past`]) with no word
/// of a stance still held before it in its clause.
fn simple_past(scan: &Scan<'_>, clause: &Range<usize>, range: &Range<usize>) -> bool {
    told_in_past(scan, range.start)
        && scan.pack.ongoing.find_in(scan.text(), clause.start.min(range.start)..range.start).next().is_none()
}

/// The latest date of a happening told in `range`.
fn latest_happening(scan: &Scan<'_>, range: Range<usize>) -> Option<PartialDate> {
    scan.temporals_in(&range)
        .filter_map(|i| scan.dates_happening(i))
        .max_by_key(|d| (d.first_day(), d.last_day()))
}

/// Whether the predicate word at `at` is a simple past (`stance.past_endings`, "demanded",
/// «требовал»), not made present by an auxiliary up to two words before it ("has demanded",
/// "has also suggested").
fn told_in_past(scan: &Scan<'_>, at: usize) -> bool {
    let (pack, text) = (scan.pack, scan.text());
    if pack.past_endings.is_empty() {
        return false;
    }
    let Some(rest) = text.get(at..) else { return false };
    let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    // (Nor after an auxiliary two words back, over an adverb: "has also suggested".)
    ends_in(word, &pack.past_endings, 2)
        && pack.present_auxiliaries.find_in(text, words_back(text, at, 2, 0)..at).next().is_none()
}

/// Whether `word` ends in one of `endings` (lower-cased; ASCII letters in any case) after at
/// least `stem` bytes of its own.
pub(crate) fn ends_in(word: &str, endings: &[String], stem: usize) -> bool {
    endings.iter().any(|e| {
        word.len() >= e.len() + stem
            && word.get(word.len() - e.len()..).is_some_and(|t| t.eq_ignore_ascii_case(e))
    })
}

/// Where the `n`th word before `at` starts, not before `floor` (or where the words ran out).
fn words_back(text: &str, at: usize, n: usize, floor: usize) -> usize {
    let mut from = at;
    for _ in 0..n {
        match word_before(text, from) {
            Some(w) if w.start >= floor => from = w.start,
            _ => break,
        }
    }
    from
}

/// How many words may stand between a noun of stance and its copula of content (its
/// possessor: "the position of the Government of Japan is clear").
const COPULA_GAP: usize = 5;

/// How far before a verb of holding to an agreement (characters) a pronoun that refers
/// back to it may stand ("regards it as still in force").
const PRONOUN_REACH: usize = 20;

/// How far before a stance's trigger (characters) a word that tells it in a story's past
/// may stand (see [`narrated`]): the verb and an article before a noun ("was demanding the
/// return").
const NARRATIVE_REACH: usize = 24;

/// Where the story of sentence `s` begins: up to three sentences back, within its
/// paragraph (no blank line between).
fn story_start(scan: &Scan<'_>, s: &Range<usize>) -> usize {
    let text = scan.text();
    let mut start = s.start;
    let k = scan.sentence_of(s.start);
    for j in (k.saturating_sub(STORY_REACH)..k).rev() {
        let prev = scan.sentence(j);
        if text.get(prev.end..start).is_none_or(|gap| gap.contains("\n\n")) {
            break;
        }
        start = prev.start;
    }
    start
}

/// How many sentences back an undated stance of a state gone at publication looks for its
/// date ([`story_start`]).
const STORY_REACH: usize = 3;

/// Whether a negator stands in `clause` before `at` (within a few words), unless it is
/// expletive (see [`expletive`]).
fn negated_before(scan: &Scan<'_>, clause: &Range<usize>, at: usize) -> bool {
    let text = scan.text();
    // The three words before the trigger, within its clause.
    let from = floor_boundary(text, words_back(text, at, 3, clause.start).min(at));
    // (A negator of several words may begin before them and end among them: "stops short
    // of promising to give".)
    let wide = floor_boundary(text, chars_before(text, from, 2 * NEGATION_REACH).max(clause.start).min(from));
    // (A negator inside a phrase that denies nothing, "has not abandoned", «не отказывается
    // от», keeps the stance: the first other negator decides.)
    let Some((negator, _)) =
        scan.pack.negators.find_in(text, wide..at).find(|(r, _)| r.end > from && !not_negator(scan, r, true))
    else {
        return false;
    };
    !expletive(scan, clause, negator.start)
}

/// Whether `clause`'s subject, before `at`, opens with a negator of `subject_negators`
/// ("Neither Tokyo nor Moscow has shown any sign of accepting …", "No Russian leader would
/// agree to …"), after at most a contrast or a coordinator ("But neither side …"): the
/// clause's predicate is denied, however far from it. Not an answer word before a comma
/// ("No, Japan will …").
fn subject_negated(scan: &Scan<'_>, clause: &Range<usize>, at: usize) -> bool {
    let pack = scan.pack;
    if pack.subject_negators.is_empty() {
        return false;
    }
    let text = scan.text();
    let Some(first) = word_after(text, clause.start).filter(|w| w.start < at) else { return false };
    // (The trigger's own subject: no state or person further on than the subject's few
    // words, "Nobody in Tokyo expects Moscow to return …" denies the expecting only.)
    let opener = |start: usize| {
        let Some((end, _)) = pack
            .subject_negators
            .after(text, start)
            .filter(|&(end, _)| end <= at && !text.get(end..).is_some_and(|t| t.starts_with(',')))
        else {
            return false;
        };
        let mut subject_end = end;
        for _ in 0..SUBJECT_WORDS {
            match word_after(text, subject_end) {
                Some(w) if w.end <= at => subject_end = w.end,
                _ => break,
            }
        }
        !scan.entries_in(&(subject_end..at)).any(|(_, e)| {
            matches!(e, Entry::Party { .. } | Entry::Person { .. } | Entry::Term(Term::Party(_)))
        })
    };
    if opener(first.start) {
        return true;
    }
    let joined =
        pack.contrasts.after(text, first.start).or_else(|| pack.coordinators.after(text, first.start));
    joined.and_then(|(end, _)| word_after(text, end)).is_some_and(|w| w.start < at && opener(w.start))
}

/// How many words after a subject's negator its subject may run ([`subject_negated`]):
/// "Neither Tokyo nor Moscow", "No Japanese prime minister".
const SUBJECT_WORDS: usize = 4;

/// Whether the negator at `r` stands inside a phrase of `not_negators`, which holds a
/// negator and denies nothing (変わりはない, "has not changed", «не отказывается от»): a
/// phrase ending with the negator, or (`onward`, for a negator before its predicate)
/// going on after it.
fn not_negator(scan: &Scan<'_>, r: &Range<usize>, onward: bool) -> bool {
    let text = scan.text();
    // (Onward as far as a long phrase reaches: «не почувствует себя ни».)
    let end = if onward { chars_after(text, r.end, 2 * NEGATION_REACH) } else { r.end };
    let around = chars_before(text, r.start, NEGATION_REACH)..end;
    scan.pack.not_negators.find_in(text, around).any(|(n, _)| n.start <= r.start && r.end <= n.end)
}

/// Whether a negator at `at` stands inside a prerequisite, after its subject, where it
/// denies nothing (Russian «пока Токио не признает …»: "until Tokyo recognises"; but
/// «пока не готова» is "not yet ready").
fn expletive(scan: &Scan<'_>, clause: &Range<usize>, at: usize) -> bool {
    let text = scan.text();
    prerequisites_in(scan, clause.start..at)
        .any(|p| p.end <= at && text.get(p.end..at).is_some_and(|between| !between.trim().is_empty()))
}

/// Whether a negator follows right after `at` (Japanese ない; Russian "… невозможно"),
/// before `limit`: within the next four words of a spaced language, within a few
/// characters of an unspaced one. A phrase of `not_negators` that holds the negator
/// (Japanese 変わりはない, "unchanged") does not deny.
fn negated_after(scan: &Scan<'_>, at: usize, limit: usize) -> bool {
    let pack = scan.pack;
    if pack.negators_after.is_empty() {
        return false;
    }
    let text = scan.text();
    let to = if pack.spaced {
        let mut end = at;
        for _ in 0..4 {
            match word_after(text, end) {
                // (Not into a relative clause about the object: «требование …, которое для
                // нас неприемлемо» is still the claimant's.)
                Some(w)
                    if text.get(end..w.start).is_some_and(|g| g.contains(','))
                        && pack.relatives.after(text, w.start).is_some() =>
                {
                    break;
                }
                Some(w) if w.end <= limit => end = w.end,
                _ => break,
            }
        }
        end
    } else {
        chars_after(text, at, NEGATION_REACH).min(limit.max(at))
    };
    // (A negator a prerequisite follows is an "unless", denying nothing: 認めない限り.)
    to > at
        && pack
            .negators_after
            .find_in(text, at..to)
            .any(|(r, _)| !not_negator(scan, &r, false) && pack.prerequisites.glued(text, r.end).is_none())
}

/// Whether a negated verb of accepting takes the noun at `at` as its object, at most an
/// article between ("will not settle for the return of two islands", "cannot accept the
/// handover of …"): the noun's hand-over is denied with it.
fn accepted_denied(scan: &Scan<'_>, clause: &Range<usize>, at: usize) -> bool {
    let text = scan.text();
    let from = chars_before(text, at, 40).max(clause.start).min(at);
    scan.entries_in(&(from..at)).any(|(h, e)| {
        matches!(e, Entry::Term(Term::Predicate { means: Means::Accept, nominal: false }))
            && text.get(h.end as usize..at).is_some_and(|g| {
                let g = g.trim();
                g.is_empty() || scan.pack.articles.word(g).is_some()
            })
            && negated_before(scan, clause, h.start as usize)
    })
}

/// Where the words after `from` start, past spaces and opening quotes.
fn words_start(text: &str, from: usize) -> usize {
    text.get(from..).map_or(from, |t| {
        from + t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || "\"“„«「『'‘".contains(c)).len()
    })
}

/// Whether a form of `grammar.denials_after` closes the clause after `at` (before `limit`,
/// with no mark of a clause break or a quote between): the clause's proposition is denied.
fn denied_after(scan: &Scan<'_>, at: usize, limit: usize) -> bool {
    let pack = scan.pack;
    if pack.denials_after.is_empty() {
        return false;
    }
    let text = scan.text();
    pack.denials_after.find_in(text, at..clause_break(text, at, limit)).next().is_some()
}

/// The first mark of a clause break or a closing quote in `text[at..limit]` (、。」, a comma,
/// a line break), else `limit`: how far a clause-final form after `at` is looked for.
fn clause_break(text: &str, at: usize, limit: usize) -> usize {
    text.get(at..limit).and_then(|g| g.find(['、', '。', '」', ',', '\n'])).map_or(limit, |i| at + i)
}

/// How far before its predicate a word of an ongoing stance ("still") may stand (characters).
const ONGOING_REACH: usize = 30;

/// How far after a concept a verb that renounces it may stand in a verb-final language
/// (characters: a particle and a noun, 四島返還の旗を降ろす).
const RENOUNCED_REACH: usize = 4;

/// How far after a predicate a negator of a verb-final language may stand (characters).
const NEGATION_REACH: usize = 12;

/// The first of `ahead` when it is a hold a state is named the possessor of ("Russian
/// sovereignty over the four islands", «суверенитет России над островами»): the land, as
/// wanted by whoever refuses that hold, and where it is read.
fn possessed_hold(
    r: &Reading<'_, '_>,
    ahead: &[(Range<usize>, Vec<Trigger>)],
    s: &Range<usize>,
) -> Option<(Outcome, Range<usize>)> {
    let text = r.scan.text();
    let (r2, ts) = ahead.first()?;
    let hold = ts.iter().any(|t| matches!(t, Trigger::Predicate { means: Means::Keep, nominal: true }));
    // (Or a phrase for a claim to all four islands that opens with the hold: "sovereignty
    // over the four islands"; not another side's idea, "Moscow's hikiwake idea".)
    let concept = ts.iter().find_map(|t| match t {
        Trigger::Concept(f) if r.scan.data.formula(*f).islands_transferred() == IslandSet::ALL => Some(*f),
        _ => None,
    });
    if !hold && concept.is_none() {
        return None;
    }
    let Holder::States(keepers, _) = possessor(r, r2.start, s, true)? else { return None };
    if keepers.is_empty() {
        return None;
    }
    // (A claim possessed by the side it would give the land to is that side's own.)
    let data = r.scan.data;
    if let Some(formula) = concept
        .filter(|f| !hold && keepers.iter().all(|k| data.formula(*f).islands_transferred_to(k).is_empty()))
    {
        return Some((Outcome::Formula(formula), r2.clone()));
    }
    let (land, span) = r.territory(&(r2.end..chars_after(text, r2.end, OBJECT_REACH).min(s.end)))?;
    Some((Outcome::Gets(None, land), span))
}

/// The possessor of a noun at `at`: "Japan's (unbending) demand", "the Japanese claim",
/// "our sovereignty" (a first person: the speaker), "its claim" (the clause's subject).
fn possessor(r: &Reading<'_, '_>, at: usize, s: &Range<usize>, follows: bool) -> Option<Holder> {
    let scan = r.scan;
    let text = scan.text();
    let pack = scan.pack;
    let from = chars_before(text, at, 50).max(s.start);
    let near = from..at;
    // A possessor after the noun, in a language that puts it there (before any adjective
    // some words back) (the Russian genitive:
    // «позиция Токио», «предложение президента России», «требование японской стороны»): the
    // actor right after it, or after one title, not after a preposition («претензии к Японии»).
    // (Where the noun of stance at `at` ends, when a possessor may follow it.)
    let noun_end = (follows && (pack.possessor_follows || !pack.possessor_links.is_empty()))
        .then(|| {
            scan.entries_in(&(at..chars_after(text, at, 60).min(s.end)))
                .filter(|(h, e)| h.start as usize == at && matches!(e, Entry::Term(Term::Predicate { .. })))
                .map(|(h, _)| h.end as usize)
                .max()
        })
        .flatten();
    if pack.possessor_follows
        && let Some(end) = noun_end
    {
        // (A noun of stance after a preposition is an object, «ответила на предложение
        // Японии: …»: its possessor does not state what the sentence says, as "to Japan's
        // proposal" below.)
        if preceded_by(scan, &pack.object_prepositions, at) {
            return None;
        }
        let all = r.actors_of(s);
        let k = all.partition_point(|a| a.at.start < end);
        if let Some(a) = all.get(k) {
            let gap = text.get(end..a.at.start).unwrap_or("x");
            let title_only = words(text, end..a.at.start).all(|w| {
                scan.entries_in(&w)
                    .any(|(h, e)| h.start as usize == w.start && matches!(e, Entry::Term(Term::Title { .. })))
            });
            if gap.split_whitespace().count() <= 1
                && title_only
                && !gap.contains([',', ';', '.', ':', '—', '«', '»', '"'])
                && !preceded_by(scan, &pack.object_prepositions, a.at.start)
                && !a.possessive
            {
                return Some(a.holder.clone());
            }
        }
    }
    // A possessor after a link word ("the position of the Government of Japan"): the first
    // state within four words after it, before any mark.
    if let Some(end) = noun_end
        && let Some((link, _)) = pack.possessor_links.after(text, end)
        && let Some(p) =
            starting_in(r.parties, |p| p.at.start, &(link..words_after(text, link, 4).min(s.end))).first()
        && text.get(link..p.at.start).is_some_and(|g| !g.contains([',', ';', '.', ':', '"', '“']))
    {
        return Some(Holder::States(vec![p.item.party.clone()], None));
    }
    // The last party before the noun in the possessive, or an adjective of a state.
    for p in starting_in(r.parties, |p| p.at.start, &near).iter().rev() {
        let glued = possessive_end(pack, text, p.at.end).is_some();
        let gap = text.get(p.at.end..at).unwrap_or_default();
        let words = gap.split_whitespace().count();
        if (glued || p.item.form == PartyForm::Adjective) && words <= 3 && !gap.contains([',', ';', '.']) {
            // "without Japan's recognition of …": after a preposition, the state is an object.
            if glued && preceded_by(scan, &pack.object_prepositions, p.at.start) {
                return None;
            }
            return Some(Holder::States(vec![p.item.party.clone()], None));
        }
    }
    // A person in the possessive ("Putin's call for a draw"): an official speaks for a state.
    for (r2, m) in r.people.in_range(&near).collect::<Vec<_>>().into_iter().rev() {
        let glued = possessive_end(pack, text, r2.end).is_some();
        let gap = text.get(r2.end..at).unwrap_or_default();
        if glued && gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', '.']) {
            return Some(match (&m.party, m.official) {
                (Some(p), true) => Holder::States(vec![p.clone()], Some(m.name.clone())),
                _ => Holder::NotAState,
            });
        }
    }
    // First person: the speaker of the quote the noun stands in.
    if let Some((d, _)) = pack
        .possessive_determiners
        .before(text, at)
        .or_else(|| word_before(text, at).and_then(|w| pack.possessive_determiners.before(text, w.start)))
    {
        let det =
            text.get(d..at).unwrap_or_default().split_whitespace().next().unwrap_or_default().to_string();
        if pack.first_person.contains(&det) {
            return quote_speaker(r, at).map(|(h, _)| h);
        }
        // "its sovereignty", "their claim": the subject before it in the sentence.
        let all = r.actors_of(s);
        return all
            .iter()
            .rev()
            .filter(|a| a.at.end <= d)
            .find(|a| !a.object && !a.reporter && !a.possessive)
            .map(|a| a.holder.clone());
    }
    None
}

/// The speaker of the quote `at` stands in, if it has one.
fn quote_speaker(r: &Reading<'_, '_>, at: usize) -> Option<(Holder, ())> {
    let back = at.saturating_sub(MAX_QUOTE)..at + 1;
    let q = starting_in(&r.people.quotes, |q| q.at.start, &back).iter().rev().find(|q| at < q.at.end)?;
    let speaker = q.item.speaker.as_deref()?;
    let m = r.people.by_name(speaker)?;
    let official = match (&m.party, m.official) {
        (Some(p), true) => Some(Holder::States(vec![p.clone()], Some(m.name.clone()))),
        _ => None,
    };
    // An interviewee who speaks for no state tells of others: a state or an official the
    // sentence of the answer names as no object holds what it tells ("Lavrov recalled that
    // Russia recognises the declaration", a historian's answer, is Russia's). (Not what
    // the interviewee says a state must do: "Japan should start from the Irkutsk statement".)
    if official.is_none() && r.people.turns.binary_search_by_key(&q.at.start, |t| t.start).is_ok() {
        let (scan, text) = (r.scan, r.scan.text());
        let s = scan.sentence(scan.sentence_of(at));
        let obliged = scan.pack.must.find_in(text, s.clone()).next().is_some()
            || scan.pack.must_after.find_in(text, s.clone()).next().is_some();
        if !obliged
            && r.actors_of(&s)
                .iter()
                .any(|a| !a.object && !a.reporter && matches!(a.holder, Holder::States(..)))
        {
            return None;
        }
    }
    Some((official.unwrap_or(Holder::NotAState), ()))
}

/// Where a trigger stands: its range, its sentence, the sentence's clause starts and the
/// index of its clause.
struct Place<'p> {
    range: &'p Range<usize>,
    s: &'p Range<usize>,
    starts: &'p [usize],
    c: usize,
}

/// Who states a trigger and when: the possessor (when `by_possessor`); the speaker of
/// its quote; the agent of a passive; the subject of its clause or of the clauses
/// governing it, with any subjects coordinated to it ("Japan and Russia"); a speaker
/// named after it; for a sentence opening with a pronoun, the person last named.
/// `bearing`: the trigger is itself a stance predicate (a bare concept needs a
/// possessor, a quote, a verb of saying or a governing predicate). `charge`: the trigger
/// charges a wrong ("illegally occupied"), so the agent of its passive ("by Soviet
/// forces") is the side charged, not the holder.
fn holder_of(
    r: &Reading<'_, '_>,
    at: &Place<'_>,
    bearing: bool,
    by_possessor: Option<bool>,
    charge: bool,
) -> Option<(Holder, Option<PartialDate>)> {
    let scan = r.scan;
    let text = scan.text();
    let pack = scan.pack;
    let (range, s, starts, c) = (at.range, at.s, at.starts, at.c);
    // A clause giving a reason or a circumstance ("As Japan demands all four islands, …")
    // is background: dated by its own words only.
    let own = starts.get(c).copied().unwrap_or(s.start)..starts.get(c + 1).copied().unwrap_or(s.end);
    let subordinate = pack.subordinators.after(text, own.start).is_some_and(|(e, _)| {
        text.get(own.start..e).is_some_and(|w| !w.trim().contains(' ')) && own.start == s.start
    });
    // A stance in a relative clause ("the islands, whose return Japan has sought for
    // decades, came under Moscow's control in 1945") is dated by its own words only: the
    // rest of the sentence tells of its antecedent.
    // A stance still held ("seized in 1945 and still claimed by Japan", «до сих пор
    // претендует», 今も求めている) is dated by its own clause's words after any coordinated
    // predicate ("In 1985 Moscow still insisted …"), else at publication.
    let ongoing = pack
        .ongoing
        .find_in(text, own.start.max(chars_before(text, range.start, ONGOING_REACH))..range.start)
        .next()
        .map(|(o, _)| o.start)
        .or_else(|| {
            // After the predicate, in its clause ("claimed by Japan ever since"): the
            // coordinated predicate is looked for before the predicate itself.
            let end = own.end.min(range.end + chars_after(text, range.end, ONGOING_REACH));
            pack.ongoing.find_in(text, range.end..end).next().map(|_| range.start)
        });
    let own_words = match ongoing {
        Some(o) => Some(
            pack.coordinators.find_in(text, own.start..o).last().map_or(own.start, |(k, _)| k.end)..own.end,
        ),
        None => {
            (subordinate || (own.start > s.start && opens_aside(pack, text, own.start))).then(|| own.clone())
        }
    };
    // (A stance still held, reported by a verb of saying before its clause, is held when
    // said: "Lavrov said in November 2004 that Russia still recognized the declaration".)
    // (The verb may open the stance's own clause after an aside: "In 2004 Lavrov, followed
    // by Putin, said Russia still recognised …".)
    let said_when = || {
        let before = s.start..own.start;
        speech_in(scan, &(s.start..range.start))
            .then(|| last_happening(scan, before.clone(), |_| true))
            .flatten()
    };
    let date = if let Some(words) = own_words {
        scan.temporals_in(&words)
            .find_map(|i| scan.dates_happening(i))
            .or_else(|| ongoing.and_then(|_| said_when()))
    } else {
        // Not a date of a relative clause or an aside about something else ("all four
        // islands, which Soviet troops seized in 1945"; "…, occupied by Soviet troops in
        // 1945, …"): the aside's happening, not the stance's.
        // Nor of a later clause joined with its own subject ("Moscow says …, and in 2020
        // Russians approved …"), nor of a later clause a complementizer opens ("demands
        // the return of the islands that Soviet forces seized in 1945": what the object
        // underwent).
        // Nor of a military happening told after the predicate in its clause ("regards the
        // islands as Japanese territory seized by Soviet forces in 1945").
        let seized = |t: &Range<usize>| {
            t.start > range.end
                && pack
                    .event_kinds
                    .find_in(text, range.end..t.start)
                    .any(|(_, k)| *k == crate::event::EventKind::Military)
        };
        scan.date_at_where(range.start, |t| {
            let k = starts.partition_point(|&x| x <= t.start).saturating_sub(1);
            !seized(t)
                && (k == c
                    || starts.get(k).is_none_or(|&start| {
                        !opens_aside(pack, text, start)
                            && (k < c
                                || (pack.coordinators.after(text, start).is_none()
                                    && pack.complementizers.after(text, start).is_none()))
                    }))
        })
    };
    // A clause closing with a condition (Japanese 「…2島返還でいいというならば」), quoted or
    // not, states a hypothesis.
    if pack.conditions_after.find_in(text, range.end..own.end).next().is_some() {
        return None;
    }
    if let Some(follows) = by_possessor
        && let Some(h) = possessor(r, range.start, s, follows)
    {
        return Some((h, date));
    }
    // A clause opening with a condition ("if Japan accepts …") states no stance; quoted, it
    // is no stance of the speaker's either ("\"If Tokyo settled for two islands, it might
    // get a deal,\" he said").
    let clause_start = starts.get(c).copied().unwrap_or(s.start);
    let conditional = |from: usize| pack.conditions.after(text, words_start(text, from)).is_some();
    if conditional(clause_start) {
        return None;
    }
    if let Some((h, _)) = quote_speaker(r, range.start) {
        return Some((h, date));
    }
    if conditional(s.start) {
        return None;
    }
    if pack.indirect_questions.find_in(text, clause_start..range.start).next().is_some() {
        return None;
    }
    if r.hedged(s, range.start) {
        return None;
    }
    let all = r.actors_of(s);
    // (Not one named inside a quote the trigger stands outside: the quoted clause's subject,
    // 「日本は第2次大戦の結果を認めよ」と繰り返し、4島がロシア領であることを前提とする.)
    let quoted = |at: &Range<usize>| r.people.quotes_holding(at).next().is_some();
    let outside: Vec<Actor>;
    let all: &[Actor] = if !quoted(range) && all.iter().any(|a| quoted(&a.at)) {
        outside = all.iter().filter(|a| !quoted(&a.at)).cloned().collect();
        &outside
    } else {
        &all
    };
    let speech_in_sentence = speech_in(scan, s);
    let clause_of =
        |k: usize| starts.get(k).copied().unwrap_or(s.start)..starts.get(k + 1).copied().unwrap_or(s.end);
    // An actor right before a verb of saying, and the speaker of the sentence: the first
    // such state. Another actor after a comma between them is the one who speaks ("after
    // meeting Foreign Minister Taro Kono in Moscow, Lavrov said").
    let lead = words_start(text, s.start);
    // An actor a sentence opens with as the one whose words or view it gives ("According
    // to Lavrov, …", «По словам Лаврова, …», ラブロフ外相によると、…).
    let viewpoint = pack.viewpoints.after(text, lead).map(|(e, _)| e);
    let attributed = |a: &Actor| {
        viewpoint.is_some_and(|e| {
            text.get(e..a.at.start).is_some_and(|g| g.split_whitespace().count() <= 1 && !g.contains(','))
        }) || (a.at.start == lead && pack.viewpoints_after.glued(text, a.at.end).is_some())
    };
    // The person last named before the sentence, in it or the two before: whom a pronoun
    // opening it stands for.
    let last_named = || {
        let window = scan.sentence(scan.sentence_of(s.start).saturating_sub(2)).start..s.start;
        r.people.last_before(s.start, &window)
    };
    let says = |a: &Actor| {
        if a.object {
            return false;
        }
        if attributed(a) {
            return true;
        }
        let Some(verb) = scan
            .entries_in(&(a.at.end..chars_after(text, a.at.end, SPEAKER_REACH).min(s.end)))
            .find(|(_, e)| matches!(e, Entry::Term(Term::Speech { .. })))
            .map(|(h, _)| h.start as usize)
        else {
            return false;
        };
        !all.iter().any(|b| {
            !b.object
                && b.at.start >= a.at.end
                && b.at.end <= verb
                && text.get(a.at.end..b.at.start).is_some_and(|g| g.contains(','))
        })
    };
    let speaker = |not: usize| -> Option<&Actor> {
        all.iter().find(|a| a.at.start != not && a.holder != Holder::NotAState && says(a))
    };
    // Reporters governing the trigger: their words are not a state's. Not those inside the
    // sentence's opening clause, with no verb of saying in it, when the subject of the next
    // clause opens it ("Meeting a few newspaper editors, Putin said …"), or a pronoun does
    // (`pronoun_clause`).
    let clause_index = |at: usize| starts.partition_point(|&x| x <= at).saturating_sub(1);
    // An opening clause with no state in it, before a clause that opens with a personal
    // pronoun ("In an interview with Japanese media published on Tuesday, he said …"): where
    // that clause starts. The pronoun is the subject, and the people before it (reporters)
    // are not. (Past asides: «В интервью газетам, опубликованном во вторник, он заявил».)
    let pronoun_clause = (1..=c)
        .map(clause_of)
        .take_while(|cl| cl.start < range.start)
        .find(|cl| pack.pronouns.after(text, cl.start).is_some())
        .map(|cl| cl.start)
        .filter(|&second| {
            text.get(s.start..second).is_some_and(|t| t.trim_end().ends_with(','))
                && !all.iter().any(|a| {
                    a.at.start < second && !a.object && !a.possessive && a.holder != Holder::NotAState
                })
        });
    let after_aside = pronoun_clause.is_some();
    let opening_aside = |a: &Actor| {
        let k = clause_index(a.at.start);
        let first = clause_of(k);
        let next = clause_of(k + 1);
        first.start == s.start
            && text.get(first.clone()).is_some_and(|t| t.trim_end().ends_with(','))
            && !speech_in(scan, &first)
            && all.iter().any(|b| {
                !b.object
                    && !b.possessive
                    && !b.reporter
                    && b.at.end <= range.start
                    && b.at.start >= next.start
                    && text.get(next.start..b.at.start).is_some_and(|g| g.split_whitespace().count() <= 1)
                    // (Not the subject of what the clause reports: «В СМИ появились
                    // сообщения, что Токио …».)
                    && pack.complementizers.find_in(text, first.end..b.at.start).next().is_none()
            })
    };
    if let Some(first) = all.iter().filter(|a| a.at.end <= range.start).find(|a| !a.object && !a.possessive)
        && first.reporter
        && !opening_aside(first)
        && pronoun_clause.is_none_or(|p| first.at.start >= p)
        // (Not one that reports a side's words: "a member of the opposition noted that Lavrov
        // had said that Moscow was prepared …".)
        && !all.iter().any(|b| {
            b.at.start >= first.at.end
                && b.at.end <= range.start
                && b.holder != Holder::NotAState
                && says(b)
                // (Past the reporter's own verb: not "poll respondents in Japan said".)
                && speech_in(scan, &(first.at.end..b.at.start))
        })
    {
        return Some((Holder::NotAState, date));
    }
    // Passive: "are regarded by Tokyo as …", "were agreed by Abe and Putin".
    let clause = clause_of(c);
    // (The agent nearest the predicate: "seized by Soviet troops in 1945 and claimed by
    // Japan" is Japan's claim.)
    let distance = |a: &Actor| a.at.start.saturating_sub(range.end).max(range.start.saturating_sub(a.at.end));
    let agent = all
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.at.start >= clause.start
            // (Not the agent of a relative clause after the object: "claims Kunashiri and
            // Etorofu, which have been held by the Soviets".)
            // (Nor, for a trigger in a relative clause, the agent of the clause it is set
            // in: "the islands, which Japan claims, are administered by Russia".)
            && !(a.at.start >= clause.end
                && (starts.iter().any(|&k| k > range.end && k <= a.at.start && pack.relatives.after(text, k).is_some())
                    || pack.relatives.after(text, clause.start).is_some()))
            // (Nor of another sentence joined by a semicolon: "to hand Shikotan to Japan;
            // Kunashiri and Etorofu, also claimed by Tokyo, …".)
            && !text.get(range.end.min(a.at.start)..a.at.start).is_some_and(|g| g.contains(';'))
            && preceded_by(scan, &pack.agent, a.at.start)
            && (pack.passive.find_in(text, clause.start..a.at.start).next().is_some()
                // A participle with its agent right after it ("Kunashiri and Etorofu, also
                // claimed by Tokyo, …"): a passive with no auxiliary.
                || pack.agent.after(text, range.end).is_some_and(|(e, _)| {
                    text.get(e..a.at.start).is_some_and(|g| g.split_whitespace().count() <= 2 && !g.contains(','))
                }))
        })
        .min_by_key(|(_, a)| distance(a))
        .map(|(i, _)| i);
    if let Some(i) = agent.filter(|_| !charge)
        && let Some(agent) = all.get(i)
    {
        // An obligation put on the agent is the speaker's ("must be accepted by Tokyo, Moscow says").
        if pack.must.find_in(text, clause.start..agent.at.start).next().is_some() {
            return speaker(agent.at.start).map(|sp| (sp.holder.clone(), date));
        }
        return Some((coordinated(scan, all, i), date));
    }
    // A relative clause is its antecedent's: "…, Russia, which says the islands are …";
    // an agreement's ("the 1956 declaration, under which Russia is to return …") gives the
    // agreement's terms, not a side's stance.
    // "Under the 1956 declaration, Moscow was to hand over …": the agreement's terms.
    let terms = pack.agreement_terms.after(text, s.start).map(|(e, _)| e);
    // (With a part of it between: "Under Article 9 of the declaration", «В девятой статье
    // декларации».)
    if let Some(e) = terms
        && starting_in(r.agreements, |a| a.at.start, &(e..range.start)).iter().any(|a| {
            text.get(e..a.at.start).is_some_and(|g| {
                let words = g.split_whitespace().count();
                words <= 1
                    || (words <= 5
                        && !g.contains(',')
                        && pack.agreement_parts.find_in(text, e..a.at.start).next().is_some())
            })
        })
    {
        return None;
    }
    // (A part alone, of the agreement the story named before: "Under Article 9, the Soviet
    // Union agreed to …", «По девятой статье СССР соглашался передать …».)
    if let Some(e) = terms
        && pack.agreement_parts.find_in(text, e..words_after(text, e, 3).min(range.start)).next().is_some()
        && !starting_in(r.agreements, |a| a.at.start, &(story_start(scan, s)..s.start)).is_empty()
    {
        return None;
    }
    // "Under this document, …", «Этот документ предусматривал, что …», 同宣言で…: a noun that
    // refers back to an agreement named in the story before gives its terms too (opening the
    // sentence, after a `terms` word or a determiner, or alone: «Документ предусматривает …»).
    let determiner = pack.determiners.after(text, terms.unwrap_or(s.start)).map(|(e, _)| e);
    // (Up to a contrast: 「…と約束したが、その後は『解決済み』と繰り返した」 is the side's own.)
    if let Some((d, _)) = pack.agreement_documents.after(text, determiner.or(terms).unwrap_or(s.start))
        && d <= range.start
        && pack.contrasts.find_in(text, d..range.start).next().is_none()
        && !starting_in(r.agreements, |a| a.at.start, &(story_start(scan, s)..s.start)).is_empty()
    {
        return None;
    }
    // 1956年の日ソ共同宣言で、ソ連は…同意した: an agreement's name with a postposition of
    // its terms glued after it (unspaced scripts), before the stance, gives its terms; not
    // when a subject opens the sentence before it (日本政府は1993年の東京宣言で…確認した).
    if starting_in(r.agreements, |a| a.at.start, &(s.start..range.start)).iter().any(|a| {
        pack.agreement_terms.glued(text, a.at.end).is_some_and(|(e, _)| {
            e <= range.start
                && pack.contrasts.find_in(text, e..range.start).next().is_none()
                && !all.iter().any(|b| b.at.end <= a.at.start && !b.object && !b.possessive)
        })
    }) {
        return None;
    }
    // "The 1956 declaration stipulated that Moscow would hand over …", «Декларация
    // предусматривала, что Москва передаст …»: what an agreement, the subject of a verb of
    // stipulating, says is its terms.
    if stated_by_agreement(scan, r.agreements, s.start..range.start) {
        return None;
    }
    for k in (0..=c).rev() {
        let cl = clause_of(k);
        if pack.relatives.after(text, cl.start).is_none() {
            // Walk back only through clauses with no one in them ("…, which stipulated
            // that these two islands will be handed over").
            if all.iter().any(|a| a.at.start >= cl.start && a.at.start < cl.end.min(range.start)) {
                break;
            }
            continue;
        }
        let antecedent = all.iter().rposition(|a| a.at.end <= cl.start);
        let agreement = starting_in(r.agreements, |a| a.at.start, &(s.start..cl.start)).last();
        // (Unless the relative clause has a subject of its own and is no clause of terms:
        // "joint economic activities, which the leaders agreed on in 2016" is theirs; "the
        // 1956 declaration, under which Russia is to return …" is the agreement's.)
        let own_subject = pack.agreement_terms.after(text, cl.start).is_none()
            && all
                .iter()
                .any(|a| a.at.start >= cl.start && a.at.end <= range.start && !a.object && !a.possessive);
        if !own_subject
            && agreement
                .is_some_and(|ag| antecedent.and_then(|i| all.get(i)).is_none_or(|a| a.at.end <= ag.at.start))
        {
            return None;
        }
        if let Some(i) = antecedent
            && all.iter().all(|a| a.at.start < cl.start || a.at.start >= range.end)
        {
            return Some((coordinated(scan, all, i), date));
        }
        break;
    }
    // A reading reported (Japanese 「X側は…を認めたと受け止めている」, "Tokyo took it as …"): the
    // stance is not the perceiver's (the last topic before the trigger) but its clause's own
    // subject, or the subject before the perceiver whose words are read; else no one's.
    if !pack.perception.is_empty()
        && pack.perception.find_in(text, range.end..s.end).next().is_some()
        && let Some(p) = all.iter().rposition(|a| {
            a.at.end <= range.start && !a.object && !a.possessive && topic_marked(scan, a.at.end)
        })
    {
        let holds = |a: &Actor| !a.object && !a.possessive && a.subject && a.holder != Holder::NotAState;
        let perceiver_end = all.get(p).map_or(range.start, |a| a.at.end);
        let inner =
            all.iter().rposition(|a| a.at.start >= perceiver_end && a.at.end <= range.start && holds(a));
        let prior = all.get(..p).and_then(|b| b.iter().rposition(holds));
        return inner.or(prior).map(|i| (coordinated(scan, all, i), date));
    }
    // The topic of a sentence of reported speech (Japanese 「X は … が … と述べた」): the
    // speaker, whatever the subjects of the clauses it reports.
    // Not a topic inside a quote the trigger is not in (「日本は…認めよ」と述べ、…).
    let quoted = |a: &Actor| {
        r.people.quotes_holding(&a.at).any(|q| !(q.at.start <= range.start && range.end <= q.at.end))
    };
    let topic = |a: &Actor| !a.object && !a.possessive && topic_marked(scan, a.at.end) && !quoted(a);
    if speech_in_sentence
        && let Some(i) = all.iter().rposition(|a| a.at.end <= range.start && topic(a))
        && let Some(a) = all.get(i)
    {
        if a.reporter {
            return Some((Holder::NotAState, date));
        }
        // (A topic the reported clause puts an obligation on, 「ラブロフ外相は、日本は…を認め
        // るべきだと述べた」: the speaker's stance, the topic before it.)
        if obligation_after(scan, range.end) {
            if let Some(j) = all.get(..i).and_then(|b| b.iter().rposition(topic)) {
                return Some((coordinated(scan, all, j), date));
            }
            // (Or the one the sentence opens with as its source: ラブロフ外相によると、
            // 日本は…認めるべきだ.)
            if let Some(sp) = all.get(..i).and_then(|b| b.iter().find(|b| attributed(b))) {
                return Some((sp.holder.clone(), date));
            }
        }
        return Some((coordinated(scan, all, i), date));
    }
    // The subject of the trigger's clause, then of the clauses before it. A side named in
    // a prerequisite is the one it is put to ("no treaty until Japan accepts …, Moscow
    // says"): the subject is sought before it.
    let prerequisite_at = prerequisites_in(scan, clause.start..range.start)
        .last()
        .map(|p| p.start)
        .filter(|&p| all.iter().any(|a| a.at.start >= p && a.at.end <= range.start));
    let mut subject: Option<usize> = None;
    let mut fallback: Option<usize> = None;
    for k in (0..=c).rev() {
        let cl = clause_of(k);
        // A relative clause or an aside before the trigger's is about its antecedent ("the
        // islands, which Japan calls its Northern Territories, were …"; «Курилы, отошедшие
        // к Советскому Союзу, являются …»): not the subject's.
        if k != c && (opens_aside(pack, text, cl.start) || pronoun_clause.is_some_and(|p| cl.start < p)) {
            continue;
        }
        let until = if k == c { prerequisite_at.unwrap_or(range.start) } else { cl.end };
        // In the trigger's own clause, the nearest subject before it ("Russia calls them …
        // and Japan says they are its …"); in a governing clause, its first.
        // (Not the possessor of a charge, "under Russia's illegal occupation": the side
        // charged.)
        let charged = |a: &Actor| {
            charge
                && a.possessive
                && text.get(a.at.end..range.start).is_some_and(|g| g.split_whitespace().count() <= 1)
        };
        let candidate = |a: &Actor| a.at.start >= cl.start && a.at.start < until && !a.object && !charged(a);
        // A subject marked by its particle (Japanese は, が) before any other.
        let marked = all.iter().rposition(|a| candidate(a) && a.subject);
        let found = if k == c {
            marked.or_else(|| {
                let nearest = all.iter().rposition(candidate)?;
                // (A gerund after a preposition has the clause's subject, its first actor:
                // "Putin surprised Abe by proposing …" is Putin's.)
                // (Up to the trigger's first character: the trigger may be the gerund itself.)
                let past = super::text::ceil_boundary(text, range.start + 1);
                if all.get(nearest).is_some_and(|a| gerund_between(scan, a.at.end, past)) {
                    return all.iter().position(candidate);
                }
                Some(nearest)
            })
        } else {
            marked.or_else(|| all.iter().position(candidate))
        };
        // "Both sides" as the subject of what a side proposes ("Russia suggested that the two
        // countries first sign a treaty"): the proposer's stance, when a clause before has one.
        let proposed = |a: &Actor| {
            k == c
                && k > 0
                && pack.both_sides.find_in(text, a.at.clone()).next().is_some()
                && pack.complementizers.find_in(text, cl.start..a.at.start).next().is_some()
        };
        if let Some(i) = found {
            if all.get(i).is_some_and(proposed) {
                fallback = Some(i);
                continue;
            }
            subject = Some(i);
            break;
        }
    }
    let subject = subject.or(fallback);
    if let Some(i) = subject
        && let Some(a) = all.get(i)
    {
        // "Japan must accept …, Lavrov said": an obligation put on a side is the speaker's
        // (not one the side itself states: "officials in Tokyo said the islands must be
        // returned").
        let obliged = a.at.start >= clause.start
            && (pack
                .must
                .find_in(text, a.at.end..range.start)
                .next()
                .is_some_and(|(m, _)| !speech_in(scan, &(a.at.end..m.start)))
                || obligation_after(scan, range.end));
        if obliged
            && a.holder != Holder::NotAState
            && let Some(sp) = speaker(a.at.start)
        {
            return Some((sp.holder.clone(), date));
        }
        // … and an obligation an expert or a reporter puts on a side ("Japan will have to
        // settle for two islands, a professor believes") is no side's.
        if obliged && all.iter().any(|b| b.at.start != a.at.start && b.holder == Holder::NotAState && says(b))
        {
            return None;
        }
        // … or the speaker the next sentence names («…. Об этом заявил Лавров»), or the
        // official whose words the text records; with none of them, the obligation is the
        // narrator's, no side's ("Japan must recognise the outcome of the war").
        if obliged && a.holder != Holder::NotAState {
            // ("According to him, Japan must …", «По его словам, Япония должна …»: the person
            // last named.)
            if pack.object_pronouns.after(text, lead).is_some()
                && let Some(m) = last_named().filter(|m| m.official)
            {
                return m.party.clone().map(|p| (Holder::States(vec![p], Some(m.name.clone())), date));
            }
            if let Some(h) = reported_next(r, s) {
                return Some((h, date));
            }
            return transcript_official(r, s.start).map(|h| (h, date));
        }
        if !bearing && !speech_in_sentence && !governed(scan, a, range) {
            return reported_next(r, s).map(|h| (h, date));
        }
        return Some((coordinated(scan, all, i), date));
    }
    // After the trigger, in the rest of the sentence ("…, Moscow said"); not when a pronoun
    // is the subject («…, он предлагал японским журналистам …»).
    // A reporting word with a pronoun as its object ("quoted him as saying …"): the person
    // last named speaks, as below.
    let quoted_pronoun = pack.object_pronouns.find_in(text, s.start..range.start).next().is_some();
    if !after_aside
        && !quoted_pronoun
        && let Some(i) = all.iter().position(|a| a.at.start >= range.end && !a.object)
    {
        if !bearing && !speech_in_sentence {
            return None;
        }
        return Some((coordinated(scan, all, i), date));
    }
    // A speaker the next sentence names for this one («Об этом заявил Лавров»).
    if let Some(h) = reported_next(r, s) {
        return Some((h, date));
    }
    // A sentence that opens with a pronoun continues with the person last named; so does one
    // whose opening clause leads to a pronoun (`after_aside`).
    let si = scan.sentence_of(range.start);
    if pack.pronouns.after(text, s.start).is_some() || after_aside || quoted_pronoun {
        // The narrative goes on from where the sentence before left it: its last date.
        let prev = scan.sentence(si.saturating_sub(1));
        let last = || scan.temporals_in(&prev).rev().find_map(|i| scan.dates_happening(i));
        // The person the sentence before has as its subject ("Abe said he would meet Putin.
        // Speaking in parliament, he said …": Abe), else the one last named.
        if after_aside
            && prev.start < s.start
            && let Some(a) = r.actors_of(&prev).iter().find(|a| a.person && !a.object)
        {
            return Some((a.holder.clone(), date));
        }
        if let Some(m) = last_named() {
            let h = match (&m.party, m.official) {
                (Some(p), true) => Holder::States(vec![p.clone()], Some(m.name.clone())),
                _ => Holder::NotAState,
            };
            return Some((h, date.or_else(last)));
        }
    }
    // A sentence with no one in it continues the one before ("The statement said …").
    // A quote of several sentences is one utterance: a sentence that starts inside a quote
    // goes on from the one the quote opened in (「…。…」と語り、…).
    // (In a language that leaves its subjects unsaid, verb-final Japanese, a stance named by
    // a concept continues the sentence before too: 2020年の憲法改正では、領土の割譲を禁じる
    // 条文まで書き加えた, after ロシアは…. Not an issue named, 四島の帰属, which is no
    // stance of its own.)
    let unsaid = || pack.verb_final && pack.issues.find_in(text, range.clone()).next().is_none();
    // (Not a heading, a line with no end of sentence: 【解説】「引き分け」の中身 continues no
    // one's words.)
    let heading = || {
        text.get(s.clone()).map(str::trim_end).is_some_and(|t| {
            let rest =
                text.get(s.start + t.len()..).unwrap_or_default().trim_start_matches([' ', '\t', '\u{3000}']);
            !pack.sentence_ends.iter().any(|e| t.ends_with(e.as_str()))
                && (rest.is_empty() || rest.starts_with(['\n', '\r']))
        })
    };
    if all.is_empty() && (bearing || speech_in_sentence || unsaid()) && !heading() {
        let opened_before = |k: usize| {
            let start = scan.sentence(k).start;
            r.people
                .quotes_holding(&(start..start))
                .find(|q| q.at.start < start && start < q.at.end)
                .map(|q| scan.sentence_of(q.at.start))
                .filter(|&o| o < k)
        };
        let mut k = si;
        // (Back one sentence; in a language that leaves its subjects unsaid, back through
        // the sentences of the paragraph that name no one, three at most.)
        // (There, into the paragraph before only after words announcing the speech to follow,
        // 総理は、挨拶で次のように述べました。: 「第四は、面積による分割だ。」 opening a paragraph
        // of an analysis is no one's stance from the one before.)
        let unsaid = unsaid();
        let steps_allowed = if unsaid { 3 } else { 1 };
        let paragraph = scan.paragraph_of(si);
        let same_paragraph = |k: usize| {
            k.checked_sub(1).is_some_and(|j| {
                scan.paragraph_of(j) == paragraph
                    || pack.speech_follows.find_in(text, scan.sentence(j)).next().is_some()
            })
        };
        let mut steps = 0;
        for _ in 0..4 {
            k = match opened_before(k) {
                Some(o) => o,
                None if (steps == 0 && (!unsaid || same_paragraph(k)))
                    || (steps < steps_allowed && same_paragraph(k)) =>
                {
                    steps += 1;
                    k.checked_sub(1)?
                }
                None => break,
            };
            let prev_actors = actors(scan, &scan.sentence(k), r.parties, r.people, r.agreements);
            // (Not a possessor, "the bases of the United States", «инфраструктура США».)
            if let Some(i) = prev_actors.iter().position(|a| !a.object && !a.possessive) {
                // (Undated and not said to hold still, 今も, it goes on at that sentence's
                // time too: a chronology's line, 「2001年3月25日 …に署名。…と確認。」.)
                let date = date.or_else(|| {
                    pack.ongoing.find_in(text, s.clone()).next().is_none().then_some(())?;
                    let previous = scan.sentence(k);
                    scan.temporals_in(&previous).find_map(|i| scan.dates_happening(i))
                });
                return Some((coordinated(scan, &prev_actors, i), date));
            }
            if !prev_actors.is_empty() {
                break;
            }
        }
    }
    // In the record of a briefing or a press conference, what no one else is given to state
    // is the official's whose words it records.
    transcript_official(r, s.start).map(|h| (h, date))
}

/// The official whose words the text records at `at` (the record of a briefing, a press
/// conference or a statement: [`People::speakers`](super::people::People)), as a holder.
fn transcript_official(r: &Reading<'_, '_>, at: usize) -> Option<Holder> {
    let k = r.people.speakers.partition_point(|&(from, _)| from <= at);
    let &(_, i) = r.people.speakers.get(k.checked_sub(1)?)?;
    let m = r.people.mentions.get(i)?;
    let party = m.item.party.clone()?;
    Some(Holder::States(vec![party], Some(m.item.name.clone())))
}

/// Whether a particle glued at `at` marks an object (`grammar.object_markers`), unless a
/// longer subject marker holds it (政府としては: a topic, though と marks an object).
fn object_marked(pack: &super::lexicon::Pack, text: &str, at: usize) -> bool {
    let Some((end, _)) = pack.object_markers.glued(text, at) else { return false };
    pack.subject_markers.glued(text, at).is_none_or(|(s, _)| s <= end)
}

/// Whether a clause starting at `at` opens with a relative pronoun or an aside's
/// participle (`grammar.relatives`, `grammar.asides`): it is about something named before.
fn opens_aside(pack: &super::lexicon::Pack, text: &str, at: usize) -> bool {
    // (A relative word may follow the noun it is the possessor of: «возвращения которых
    // Япония добивается», "the return of which".)
    let second = || {
        let first = super::text::word_after(text, at)?;
        let gap = text.get(at..first.start)?;
        pack.relatives.after(text, first.end).filter(|_| !gap.contains(['.', '\n']))
    };
    pack.relatives.after(text, at).is_some() || pack.asides.after(text, at).is_some() || second().is_some()
}

/// The speaker the sentence after `s` names for it, when that sentence opens by pointing
/// back («Об этом заявил глава МИД Сергей Лавров», «Об этом сообщили в Кремле»).
fn reported_next(r: &Reading<'_, '_>, s: &Range<usize>) -> Option<Holder> {
    let scan = r.scan;
    let pack = scan.pack;
    if pack.speech_anaphors.is_empty() {
        return None;
    }
    let text = scan.text();
    let next = scan.sentence(scan.sentence_of(s.start) + 1);
    if next.start < s.end {
        return None;
    }
    let (opened, _) = pack.speech_anaphors.after(text, next.start)?;
    if !speech_in(scan, &next) {
        return None;
    }
    let all = r.actors_of(&next);
    let i = all.iter().position(|a| a.at.start >= opened && !a.object)?;
    Some(coordinated(scan, &all, i))
}

/// The holder of actor `i` with the actors coordinated to it: "Japan and Russia",
/// "Abe and Putin", "Tokyo, Moscow and Beijing".
fn coordinated(scan: &Scan<'_>, all: &[Actor], i: usize) -> Holder {
    let text = scan.text();
    let Some(first) = all.get(i) else { return Holder::NotAState };
    let Holder::States(mut states, speaker) = first.holder.clone() else { return first.holder.clone() };
    let joined = |gap: &str| scan.pack.joins_list(gap.trim());
    let add = |a: &Actor, states: &mut Vec<PartyId>| {
        if let Holder::States(more, _) = &a.holder {
            for p in more {
                if !states.contains(p) {
                    states.push(p.clone());
                }
            }
        }
    };
    // Where each actor's words begin: a person's title before the name with it ("Vladimir
    // Putin and Japanese Prime Minister Shinzo Abe", «Путин и премьер-министр Японии Абэ»);
    // the state named inside such a title is the person's, no actor of its own here.
    let lead = |a: &Actor| if a.person { title_start(scan, a.at.start) } else { a.at.start };
    let leads: Vec<usize> = all.iter().map(lead).collect();
    let in_title = |j: usize| {
        all.get(j).is_some_and(|a| {
            !a.person
                && all.iter().zip(&leads).any(|(p, &l)| p.person && l <= a.at.start && a.at.end <= p.at.start)
        })
    };
    // (Whether the list has a word or mark of joining other than a comma: a comma alone
    // before the actor opens no list, "Two months before Singapore, Putin proposed …".)
    let comma = |gap: &str| gap.trim() == ",";
    let mut conjoined = false;
    let mut end = first.at.end;
    for (j, a) in all.iter().enumerate().skip(i + 1) {
        if in_title(j) {
            continue;
        }
        let start = leads.get(j).copied().unwrap_or(a.at.start);
        let gap = text.get(end..start).unwrap_or("x");
        if !joined(gap) || a.reporter {
            break;
        }
        conjoined |= !comma(gap);
        add(a, &mut states);
        end = a.at.end;
    }
    let mut start = leads.get(i).copied().unwrap_or(first.at.start);
    // (Not an object before a comma: «Идя навстречу пожеланиям Японии, Советское
    // правительство выразило согласие …» is the Soviet government's alone.)
    for (j, a) in all.iter().enumerate().take(i).rev() {
        if in_title(j) {
            continue;
        }
        let gap = text.get(a.at.end..start).unwrap_or("x");
        if !joined(gap) || a.reporter || (a.object && !first.object) || (comma(gap) && !conjoined) {
            break;
        }
        conjoined |= !comma(gap);
        add(a, &mut states);
        start = leads.get(j).copied().unwrap_or(a.at.start);
    }
    let speaker = if states.len() == 1 { speaker } else { None };
    Holder::States(states, speaker)
}

/// Where the title before a name at `at` begins: back over the titles and the states'
/// names and adjectives right before it, with nothing but spaces between
/// ("Japanese Prime Minister Shinzo Abe", «премьер-министр Японии Синдзо Абэ»); `at` itself
/// when none stands there.
fn title_start(scan: &Scan<'_>, at: usize) -> usize {
    let text = scan.text();
    let k = scan.hits.partition_point(|h| (h.start as usize) < at);
    let mut start = at;
    let mut titled = false;
    for h in scan.hits.get(..k).unwrap_or_default().iter().rev() {
        let (hs, he) = (h.start as usize, h.end as usize);
        if he > start || !text.get(he..start).is_some_and(|g| g.chars().all(char::is_whitespace)) {
            break;
        }
        let title = scan.reader.is(h, Class::Title);
        if !title && !scan.reader.is(h, Class::Party) && !scan.reader.is(h, Class::PartyWord) {
            break;
        }
        titled |= title;
        start = hs;
    }
    if titled { start } else { at }
}

/// Whether a gerund opened by a preposition of `gerund_openers` ("by proposing") starts in
/// `from..to`.
fn gerund_between(scan: &Scan<'_>, from: usize, to: usize) -> bool {
    let pack = scan.pack;
    if pack.gerund_endings.is_empty() || to <= from {
        return false;
    }
    let text = scan.text();
    pack.gerund_openers.find_in(text, from..to).any(|(opener, _)| {
        super::text::word_after(text, opener.end)
            .filter(|w| w.start < to)
            .and_then(|w| text.get(w))
            .is_some_and(|w| {
                let w = w.to_lowercase();
                pack.gerund_endings.iter().any(|e| w.len() > e.len() + 2 && w.ends_with(e.as_str()))
            })
    })
}

/// Whether an obligation of `must_after` (Japanese べきだ) follows a stance phrase ending at
/// `end` within twelve characters, before a clause break.
fn obligation_after(scan: &Scan<'_>, end: usize) -> bool {
    let pack = scan.pack;
    if pack.must_after.is_empty() {
        return false;
    }
    let text = scan.text();
    let limit = clause_break(text, end, super::text::chars_after(text, end, 12));
    pack.must_after.find_in(text, end..limit).next().is_some()
}

/// Whether a concept is governed by the subject through a stance predicate, a verb of
/// saying or a modal ("Moscow insists on post-war realities", "Tokyo will seek …").
fn governed(scan: &Scan<'_>, subject: &Actor, trigger: &Range<usize>) -> bool {
    let between = subject.at.end..trigger.start;
    if between.end <= between.start {
        return false;
    }
    let gap = scan.slice(&between);
    if gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', ':', '"']) {
        return true;
    }
    scan.entries_in(&between)
        .any(|(_, e)| matches!(e, Entry::Term(Term::Predicate { .. }) | Entry::Term(Term::Speech { .. })))
        || scan.pack.must.find_in(scan.text(), between.clone()).next().is_some()
        || scan.pack.possessive_determiners.find_in(scan.text(), between).next().is_some()
}

/// `span` up to the first clause break (a comma, 、, a semicolon) after the first island or
/// collective name in it.
fn first_named_clause(scan: &Scan<'_>, span: Range<usize>) -> Range<usize> {
    let Some((first, _)) =
        scan.entries_in(&span).find(|(_, e)| matches!(e, Entry::Island(_) | Entry::Collective { .. }))
    else {
        return span;
    };
    let from = first.end as usize;
    let cut = scan
        .text()
        .get(from..span.end)
        .and_then(|t| t.find([',', '、', ';', '；']))
        .map_or(span.end, |i| from + i);
    span.start..cut
}

/// Whether a verb of stipulating in `reach` has an agreement named in `reach` as its
/// subject: right after the name, or after an aside between commas ("the 1956 declaration,
/// ratified by both parliaments, provided that …"), with no one named between.
fn stated_by_agreement(scan: &Scan<'_>, agreements: &[Found<AgreementMention>], reach: Range<usize>) -> bool {
    let pack = scan.pack;
    if pack.stipulates.is_empty() {
        return false;
    }
    let text = scan.text();
    starting_in(agreements, |a| a.at.start, &reach).iter().any(|a| {
        let Some((verb, _)) = pack.stipulates.find_in(text, a.at.end.min(reach.end)..reach.end).next() else {
            return false;
        };
        if pack.contrasts.find_in(text, verb.end..reach.end).next().is_some() {
            return false;
        }
        let gap = a.at.end..verb.start;
        let Some(between) = text.get(gap.clone()) else { return false };
        let between = between.trim();
        let aside = between.starts_with(',') && between.ends_with(',') && between.matches(',').count() == 2;
        // (Unspaced scripts: a particle at most, 共同宣言で約束した.)
        ((between.split_whitespace().count() <= 1 && between.chars().count() <= 12) || aside)
            && !scan.entries_in(&gap).any(|(_, e)| matches!(e, Entry::Party { .. } | Entry::Person { .. }))
    })
}

/// Whether `phrase` is joined to the agreement's name at `agreement` by a verb of
/// stipulating, within one clause (no comma between): 二島返還を明記した1956年の日ソ共同宣言,
/// "the declaration stipulating the return of two islands".
fn stipulated(scan: &Scan<'_>, phrase: &Range<usize>, agreement: &Range<usize>) -> bool {
    let pack = scan.pack;
    if pack.stipulates.is_empty() {
        return false;
    }
    let gap = if agreement.start >= phrase.end {
        phrase.end..agreement.start
    } else if agreement.end <= phrase.start {
        agreement.end..phrase.start
    } else {
        return false;
    };
    let text = scan.text();
    chars_after(text, gap.start, 40) >= gap.end
        && text.get(gap.clone()).is_some_and(|g| !g.contains([',', ';', '、', '。', '\n']))
        && pack.stipulates.find_in(text, gap).next().is_some()
}

/// Whether the state named at `at` is named with a law of its own ("the Russian
/// constitution", "Russia's constitution", «Конституции России»; the mention may hold the
/// law's noun, «российской Конституции»), which it gave.
fn gives_law(pack: &super::lexicon::Pack, text: &str, at: &Range<usize>) -> bool {
    let own_end = possessive_end(pack, text, at.end);
    pack.laws.after(text, own_end.unwrap_or(at.end)).is_some()
        || pack.laws.before(text, at.start).is_some()
        || pack.laws.find_in(text, at.clone()).next().is_some()
}

/// Whether the talks on `object` (a concept named as what is discussed) are agreed by the
/// sentence's predicate: a verb of agreeing after it in a language whose predicate ends its
/// clause (共同経済活動の協議を始めることで合意した), else before it in its sentence ("agreed to
/// start talks on joint economic activities").
fn talks_agreed(scan: &Scan<'_>, object: &Range<usize>, s: &Range<usize>) -> bool {
    let reach = if scan.pack.verb_final { object.end..s.end } else { s.start..object.start };
    scan.pack.agree_verbs.find_in(scan.text(), reach).next().is_some()
}

/// Positions an agreement puts on record when the text gives its terms or names it as
/// the basis of talks: for its parties, at its date.
fn agreement_positions(r: &Reading<'_, '_>, held: &[Range<usize>]) -> Vec<Found<PositionFinding>> {
    let scan = r.scan;
    let data = scan.data;
    let text = scan.text();
    let mut out = Vec::new();
    for a in r.agreements {
        let agreement = data.agreement(a.item.agreement);
        // As the text dates it; at the signing's precision when the text gives that year or none.
        let date = match a.item.year {
            Some(y) if y != agreement.signed.year() => PartialDate::from_year(y).ok(),
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
                            && !held.contains(&h.range())
                            // "…prepared to honour the 1956 declaration and hand over…": a
                            // second verb of the clause's subject, not the declaration's terms.
                            && !(h.start as usize >= a.at.end
                                && text.get(a.at.end..h.start as usize).is_some_and(|g| {
                                    let g = g.trim();
                                    !g.is_empty() && scan.pack.coordinators.word(g).is_some()
                                }))
                            && {
                                let s = scan.sentence(scan.sentence_of(h.start as usize));
                                // The provision's islands named: "the territory" alone (all of
                                // them) gives no terms.
                                // (Its object ends at a semicolon: "…to Japan; Kunashiri and
                                // Etorofu are not mentioned" adds no islands to the terms.)
                                let after = h.end as usize..object_end(scan, h.end as usize, s.end);
                                let terms = |land: Land| {
                                    land.full.is_superset(p.islands)
                                        && (land.full != IslandSet::ALL || p.islands == IslandSet::ALL)
                                };
                                r.territory(&after)
                                    .or_else(|| r.territory(&(s.start..h.start as usize)))
                                    .is_some_and(|(land, _)| terms(land))
                                    // Else the object's first clause with a name ("引き渡しが約束
                                    // された歯舞群島と色丹島は、…四島全体の7％": not the four).
                                    || r.territory(&first_named_clause(scan, after)).is_some_and(|(land, _)| terms(land))
                            }
                    });
                    // The provision's formula named and stipulated by the agreement
                    // (二島返還を明記した日ソ共同宣言).
                    let named = scan.entries_in(&window).any(|(h, e)| {
                        matches!(e, Entry::Term(Term::Concept(f)) | Entry::Formula(f) if *f == formula)
                            && stipulated(scan, &h.range(), &a.at)
                    });
                    if !gives && !named {
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
                    PositionFinding {
                        holder,
                        formula,
                        date: Some(date),
                        speaker: None,
                        evidence: a.item.evidence,
                    },
                ));
            }
        }
    }
    out
}
