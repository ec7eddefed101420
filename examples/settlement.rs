//! The settlement space at the dispute's turning points: for each date, whether any
//! outcome is accepted by every side's stance in force, which outcomes, and — where none
//! or just outside — which stated position blocks the nearest ones, said by whom, when,
//! and where it was read. A stance stated more than ten years before the date is flagged
//! STALE: it stands only because no later statement of that side is recorded. Ends with a
//! "what if" on a hypothetical position.
//!
//! ```sh
//! cargo run --example settlement            # the eight dates of the issue
//! cargo run --example settlement -- 2004 2019-01
//! ```

use kuril_dispute::settlement::{Blocker, Facet, Rejection};
use kuril_dispute::{Dataset, FormulaId, PartialDate, PartyId, Position, SettlementSpace, Stance};

use std::io::Write as _;
use std::process::ExitCode;

const DATES: [&str; 8] = ["1956", "1993", "2001", "2013", "2016", "2018-11", "2020", "2022"];

/// Appends a line to the report (`say!(out)`: an empty one).
macro_rules! say {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

fn main() -> ExitCode {
    let data = Dataset::builtin();
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("-h" | "--help") => {
                println!(
                    "usage: settlement [DATE...]   (dates as YYYY, YYYY-MM or YYYY-MM-DD; default: {})",
                    DATES.join(" ")
                );
                return ExitCode::SUCCESS;
            }
            Some(option) if option.starts_with('-') => {
                eprintln!("settlement: unknown option {option:?} (try --help)");
                return ExitCode::from(2);
            }
            Some(a) => args.push(a.to_string()),
            None => {
                eprintln!("settlement: argument {arg:?} is not UTF-8");
                return ExitCode::from(2);
            }
        }
    }
    let dates: Vec<String> =
        if args.is_empty() { DATES.iter().map(|d| d.to_string()).collect() } else { args };
    let mut out = String::new();
    for text in &dates {
        let date: PartialDate = match text.parse() {
            Ok(d) => d,
            Err(e) => {
                eprintln!("settlement: {e} (try --help)");
                return ExitCode::from(2);
            }
        };
        report(&mut out, data, &data.settlement_space(date));
    }

    // What if Japan had accepted "two plus alpha" in September 2018, when Putin proposed a
    // treaty without preconditions?
    let date = PartialDate::from_year_month(2018, 9).expect("September 2018 is a valid month");
    let what_if = Position::hypothetical(PartyId::JAPAN, FormulaId::TwoPlusAlpha, date);
    say!(out);
    say!(out, "== What if? {}", what_if.summary);
    report(&mut out, data, &data.settlement_space(date).with_hypothetical(what_if));
    emit("settlement", &out)
}

/// Writes the report to standard output; a closed pipe or a full disk is a message and
/// exit status 1, not a panic.
fn emit(program: &str, text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{program}: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Who stated a position: the speaker's name, or the office.
fn who(data: &Dataset, p: &Position) -> String {
    let speaker = p.speaker.as_ref().and_then(|s| data.person(s).ok()).map(|s| s.name.clone());
    let holder = data.party(&p.holder).map_or_else(|_| p.holder.to_string(), |party| party.name.clone());
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

fn report(out: &mut String, data: &Dataset, space: &SettlementSpace<'_>) {
    let date = space.date();
    let silent = space.silent_sides();
    say!(out);
    if !silent.is_empty() {
        let names: Vec<_> = silent.iter().map(|s| side_name(data, s)).collect();
        say!(out, "== {date}: the space cannot be computed: no position of {} is in force", names.join(", "));
        return;
    }
    if space.is_empty() {
        say!(out, "== {date}: the space is EMPTY — no outcome is accepted by every side");
    } else {
        let settlements = space.minimal_outcomes().len();
        say!(
            out,
            "== {date}: the space is NOT EMPTY — {settlements} settlement(s) accepted by every side ({} outcomes counting optional clauses)",
            space.len()
        );
    }
    say!(out, "   Stances in force:");
    for stance in space.stances() {
        print_stance(out, data, stance);
    }
    if space.is_empty() {
        say!(out, "   Nearest outcomes (rejected by only one side), and what blocks them:");
        print_nearest(out, data, &space.nearest(), 2);
    } else {
        say!(out, "   In the space (with only the clauses someone asks for):");
        for outcome in space.minimal_outcomes() {
            say!(out, "     • {outcome}");
        }
        say!(out, "   Just outside it, and what blocks it:");
        print_nearest(out, data, &space.nearest(), 1);
    }
}

/// A stance older than this at the queried date is flagged: the data records no later
/// statement of that side on the question, so the stance is assumed, not current.
const STALE_YEARS: u32 = 10;

fn print_stance(out: &mut String, data: &Dataset, stance: &Stance<'_>) {
    say!(out, "     {}:", side_name(data, &stance.party));
    for held in &stance.held {
        let p = &held.position;
        let facets: Vec<&str> = held.facets.iter().map(Facet::into).collect();
        let tag = if held.hypothetical { " (HYPOTHETICAL)" } else { "" };
        say!(
            out,
            "       {} {}{tag} — {} [stands on: {}]",
            p.stated,
            who(data, p),
            formula_name(data, p),
            facets.join(", ")
        );
        let age = stance.age_years(held);
        if age > STALE_YEARS {
            say!(
                out,
                "         ! STALE: stated {age}+ years before {}; no later statement of this side on these questions is recorded",
                stance.date
            );
        }
    }
}

/// Prints the nearest rejections, `per_group` outcomes for each set of blocking sides.
fn print_nearest(out: &mut String, data: &Dataset, nearest: &[Rejection<'_>], per_group: usize) {
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
        say!(out, "     Rejected by {by}{more}:");
        for r in list.into_iter().take(per_group) {
            say!(out, "     • {}", r.outcome);
            for b in &r.blockers {
                print_blocker(out, data, b);
            }
        }
    }
}

fn print_blocker(out: &mut String, data: &Dataset, b: &Blocker<'_>) {
    let p = b.position;
    let why: Vec<String> = b.objections.iter().map(|o| o.to_string()).collect();
    say!(out, "         rejected by {} ({}, {}): {}", p.id, who(data, p), p.stated, why.join("; "));
    if b.cite().is_empty() {
        say!(out, "           (hypothetical: no source)");
    }
    for c in b.cite() {
        say!(out, "           {c}");
    }
}
