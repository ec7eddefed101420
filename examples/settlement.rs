//! The settlement space at the dispute's turning points: for each date, whether any
//! outcome is accepted by every side's stance in force, which outcomes, and — where none
//! or just outside — which stated position blocks the nearest ones, said by whom, when,
//! and where it was read. Ends with a "what if" on a hypothetical position.
//!
//! ```sh
//! cargo run --example settlement            # the eight dates of the issue
//! cargo run --example settlement -- 2004 2019-01
//! ```

use kuril_dispute::{
    Blocker, Dataset, Facet, FormulaId, PartialDate, PartyId, Position, Rejection, SettlementSpace, Stance,
};

const DATES: [&str; 8] = ["1956", "1993", "2001", "2013", "2016", "2018-11", "2020", "2022"];

fn main() {
    let data = Dataset::builtin();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dates: Vec<String> =
        if args.is_empty() { DATES.iter().map(|d| d.to_string()).collect() } else { args };
    for text in &dates {
        let date: PartialDate = match text.parse() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        report(data, &data.settlement_space(&date));
    }

    // What if Japan had accepted "two plus alpha" in September 2018, when Putin proposed a
    // treaty without preconditions?
    let date = PartialDate::month(2018, 9).expect("September 2018 is a valid month");
    let what_if = Position::hypothetical(PartyId::JAPAN, FormulaId::TwoPlusAlpha, date);
    println!();
    println!("== What if? {}", what_if.summary);
    report(data, &data.settlement_space(&date).with_hypothetical(what_if));
}

/// Who stated a position: the speaker's name, or the office.
fn who(data: &Dataset, p: &Position) -> String {
    let speaker = p.speaker.as_ref().and_then(|s| data.person(s)).map(|s| s.name.clone());
    let holder = data.party(&p.holder).map_or_else(|| p.holder.to_string(), |party| party.name.clone());
    match (speaker, &p.office) {
        (Some(s), _) => format!("{holder}, {s}"),
        (None, Some(o)) => format!("{holder}, {o}"),
        (None, None) => holder,
    }
}

fn formula_name(data: &Dataset, p: &Position) -> String {
    match p.formula {
        Some(f) => data.formula(f).name.clone(),
        None => "constraints only".to_owned(),
    }
}

fn side_name<'a>(data: &'a Dataset, id: &'a PartyId) -> &'a str {
    data.party(id).map_or(id.as_str(), |p| p.name.as_str())
}

fn report(data: &Dataset, space: &SettlementSpace<'_>) {
    let date = space.date();
    let silent = space.silent_sides();
    println!();
    if !silent.is_empty() {
        let names: Vec<_> = silent.iter().map(|s| side_name(data, s)).collect();
        println!("== {date}: the space cannot be computed: no position of {} is in force", names.join(", "));
        return;
    }
    if space.is_empty() {
        println!("== {date}: the space is EMPTY — no outcome is accepted by every side");
    } else {
        let settlements = space.minimal_outcomes().len();
        println!(
            "== {date}: the space is NOT EMPTY — {settlements} settlement(s) accepted by every side ({} outcomes counting optional clauses)",
            space.len()
        );
    }
    println!("   Stances in force:");
    for stance in space.stances() {
        print_stance(data, stance);
    }
    if space.is_empty() {
        println!("   Nearest outcomes (rejected by only one side), and what blocks them:");
        print_nearest(data, &space.nearest(), 2);
    } else {
        println!("   In the space (with only the clauses someone asks for):");
        for outcome in space.minimal_outcomes() {
            println!("     • {outcome}");
        }
        println!("   Just outside it, and what blocks it:");
        print_nearest(data, &space.nearest(), 1);
    }
}

fn print_stance(data: &Dataset, stance: &Stance<'_>) {
    println!("     {}:", side_name(data, &stance.party));
    for held in &stance.held {
        let p = &held.position;
        let facets: Vec<&str> = held.facets.iter().map(Facet::into).collect();
        let tag = if held.hypothetical { " (HYPOTHETICAL)" } else { "" };
        println!(
            "       {} {}{tag} — {} [stands on: {}]",
            p.stated,
            who(data, p),
            formula_name(data, p),
            facets.join(", ")
        );
    }
}

/// Prints the nearest rejections, `per_group` outcomes for each set of blocking sides.
fn print_nearest(data: &Dataset, nearest: &[Rejection<'_>], per_group: usize) {
    let mut groups: Vec<(Vec<&PartyId>, Vec<&Rejection<'_>>)> = Vec::new();
    for r in nearest {
        let sides = r.blocking_sides();
        match groups.iter_mut().find(|(s, _)| *s == sides) {
            Some((_, list)) => list.push(r),
            None => groups.push((sides, vec![r])),
        }
    }
    for (sides, list) in groups {
        let names: Vec<_> = sides.iter().map(|s| side_name(data, s)).collect();
        let more = list.len().saturating_sub(per_group);
        let more = if more > 0 { format!(" ({more} more, not shown)") } else { String::new() };
        let by = if names.len() == 1 { format!("{} only", names.join("")) } else { names.join(" and ") };
        println!("     Rejected by {by}{more}:");
        for r in list.into_iter().take(per_group) {
            println!("     • {}", r.outcome);
            for b in &r.blockers {
                print_blocker(data, b);
            }
        }
    }
}

fn print_blocker(data: &Dataset, b: &Blocker<'_>) {
    let p = b.position;
    let why: Vec<String> = b.objections.iter().map(|o| o.to_string()).collect();
    println!("         rejected by {} ({}, {}): {}", p.id, who(data, p), p.stated, why.join("; "));
    if b.cite().is_empty() {
        println!("           (hypothetical: no source)");
    }
    for c in b.cite() {
        println!("           {c}");
    }
}
