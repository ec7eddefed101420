//! A briefing on the dispute, printed for a terminal: the islands, the agreements, the
//! settlement formulas and each party's positions over time, with their sources.
//!
//! ```text
//! cargo run --example briefing                      # the built-in data
//! cargo run --example briefing -- --data my-data/   # your own data directory
//! cargo run --example briefing -- --only formulas   # one section: islands, agreements,
//!                                                   # formulas, positions, sources
//! ```
//!
//! A data directory that does not load is reported problem by problem, with file, line
//! and column, and the program exits with status 2.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use kuril_dispute::{Citation, Dataset, Formula, IslandSet, PartyId, Position, SourceId};

const WIDTH: usize = 100;

const SECTIONS: [&str; 5] = ["islands", "agreements", "formulas", "positions", "sources"];

fn main() -> ExitCode {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(a) => args.push(a),
            Err(bad) => {
                eprintln!("briefing: argument {bad:?} is not UTF-8");
                return ExitCode::from(2);
            }
        }
    }
    let mut args = args.into_iter();
    let mut dir: Option<String> = None;
    let mut only: Option<String> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" | "--only" => {
                let Some(value) = args.next().filter(|v| !v.starts_with("--")) else {
                    eprintln!("briefing: {arg} needs a value (try --help)");
                    return ExitCode::from(2);
                };
                if arg == "--data" {
                    dir = Some(value);
                } else {
                    only = Some(value);
                }
            }
            "-h" | "--help" => {
                println!("usage: briefing [--data DIR] [--only {}]", SECTIONS.join("|"));
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("briefing: unknown argument {other:?} (try --help)");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(section) = &only
        && !SECTIONS.contains(&section.as_str())
    {
        eprintln!("briefing: unknown section {section:?}; one of: {}", SECTIONS.join(", "));
        return ExitCode::from(2);
    }
    let owned;
    let data: &Dataset = match &dir {
        None => Dataset::builtin(),
        Some(dir) => match Dataset::from_dir(dir) {
            Ok(d) => {
                owned = d;
                &owned
            }
            Err(e) => {
                eprintln!("briefing: cannot load {dir}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let show = |s: &str| only.as_deref().is_none_or(|o| o == s);
    let mut out = String::new();
    title(&mut out, data, dir.as_deref());
    if show("islands") {
        islands(&mut out, data);
    }
    if show("agreements") {
        agreements(&mut out, data);
    }
    if show("formulas") {
        formulas(&mut out, data);
    }
    if show("positions") {
        positions(&mut out, data);
    }
    if show("sources") {
        sources(&mut out, data);
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe or a full disk: a message, not a panic.
        Err(e) => {
            eprintln!("briefing: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Wraps `text` to `WIDTH`, every line indented by `indent` spaces.
fn wrap(out: &mut String, indent: usize, text: &str) {
    let pad = " ".repeat(indent);
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(out, "{pad}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{pad}{line}");
    }
}

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "\n{text}\n{}", "=".repeat(text.chars().count()));
}

fn cites(cite: &[Citation]) -> String {
    let parts: Vec<String> = cite
        .iter()
        .map(|c| match &c.locator {
            Some(l) => format!("{}, {l}", c.source),
            None => c.source.to_string(),
        })
        .collect();
    format!("[{}]", parts.join("; "))
}

fn islands_named(set: IslandSet) -> String {
    if set.is_empty() { "none of the four islands".to_owned() } else { set.to_string() }
}

fn title(out: &mut String, data: &Dataset, dir: Option<&str>) {
    let _ = writeln!(out, "THE SOUTHERN KURIL ISLANDS / NORTHERN TERRITORIES: A SOURCED BRIEFING");
    let origin = dir.map_or("the built-in dataset".to_owned(), |d| format!("the dataset in {d}"));
    wrap(
        out,
        0,
        &format!(
            "From {origin}: {} sources, {} agreements, {} formulas, {} positions, {} events, {} people. \
             Every stance is attributed to whoever stated it; the data takes no side on whose islands they are.",
            data.sources().count(),
            data.agreements().count(),
            data.formulas().count(),
            data.positions().count(),
            data.events().count(),
            data.people().count(),
        ),
    );
}

fn islands(out: &mut String, data: &Dataset) {
    heading(out, "The islands");
    // The people column is the latest census every island has (one date, one kind of
    // count, so the column adds up). A later figure may cover a district of several
    // islands or a single town: those are listed under each island with their scope,
    // never in the column.
    let census = data.census_dates().last().copied();
    let people = census.map_or("people".to_owned(), |d| format!("people {d}*"));
    let _ = writeln!(
        out,
        "{:<10} {:<24} {:<34} {:>9} {:>13}",
        "English", "Japanese", "Russian", "area km²", people
    );
    for p in data.islands() {
        let ja = format!("{} {}", p.ja.kanji, p.ja.romaji);
        let ru = format!("{} {}", p.ru.cyrillic, p.ru.latin);
        let at_census = census.and_then(|d| p.population.iter().find(|c| c.date == d));
        let pop = at_census.map_or("—".to_owned(), |c| c.count.to_string());
        // Pad by characters: the Japanese and Russian names are not ASCII.
        let _ = writeln!(
            out,
            "{:<10} {}{} {}{} {:>9.1} {:>13}",
            p.name,
            ja,
            " ".repeat(24usize.saturating_sub(ja.chars().count() + p.ja.kanji.chars().count())),
            ru,
            " ".repeat(34usize.saturating_sub(ru.chars().count())),
            p.area_km2(),
            pop
        );
    }
    let total = census
        .and_then(|d| data.population_of(IslandSet::ALL, d))
        .map_or("—".to_owned(), |h| h.people.to_string());
    let _ = writeln!(
        out,
        "{:<70} {:>9.1} {:>13}",
        "all four (sum of the rounded areas above)",
        data.total_area_km2(),
        total
    );
    let _ = writeln!(
        out,
        "* the latest date with a count for every island. Later figures are listed below with what each\n  covers (a district of several islands, one town, civilians only): they are not island totals, do not add them.\n"
    );
    for p in data.islands() {
        let mut lines = Vec::new();
        if let Some(a) = p.area.first() {
            lines.push(format!("area: {} km², {} {}", a.km2, a.basis, cites(&a.cite)));
        }
        for a in p.area.iter().skip(1) {
            lines.push(format!("  also {} km², {} {}", a.km2, a.basis, cites(&a.cite)));
        }
        for c in p.population.iter().filter(|c| census.is_none_or(|d| c.date > d)) {
            lines.push(format!("later figure: {} ({}, {}) {}", c.count, c.scope, c.date, cites(&c.cite)));
        }
        for a in &p.administration {
            lines.push(format!("{}: {} {}", a.party, a.unit, cites(&a.cite)));
        }
        let _ = writeln!(out, "{} ({:.2}° N, {:.2}° E)", p.name, p.centroid.lat, p.centroid.lon);
        for l in lines {
            wrap(out, 4, &l);
        }
    }
    let _ = writeln!(out, "\nCollective names");
    for n in data.collective_names() {
        let users: Vec<&str> = n.used_by.iter().map(PartyId::as_str).collect();
        let by = if users.is_empty() { "common usage".to_owned() } else { users.join(", ") };
        let amb = if n.ambiguous { ", depends on context" } else { "" };
        wrap(out, 2, &format!("{} ({by}{amb}) → {}", n.forms.join(" / "), n.islands));
    }
}

fn agreements(out: &mut String, data: &Dataset) {
    heading(out, "Agreements and other instruments, by date");
    for a in data.agreements() {
        let ratified = a.ratified.map(|r| format!(", in force/ratified {r}")).unwrap_or_default();
        let parties: Vec<&str> = a.parties.iter().map(PartyId::as_str).collect();
        let _ = writeln!(out, "{} {} [{}]", a.signed, a.name, a.id);
        wrap(out, 4, &format!("{} · {} · {}{ratified}", a.kind, a.status, parties.join(", ")));
        for p in &a.provisions {
            let loc = p.locator.as_deref().map(|l| format!("{l}: ")).unwrap_or_default();
            let to = p.beneficiary.as_ref().map(|b| format!(" → {b}")).unwrap_or_default();
            let on = islands_named(p.islands);
            wrap(out, 4, &format!("{loc}{} ({on}{to}). {} {}", p.effect, p.summary, cites(&p.cite)));
            for r in &p.readings {
                let on = islands_named(r.islands);
                wrap(
                    out,
                    8,
                    &format!("{} reads it as covering {on}: {} {}", r.party, r.summary, cites(&r.cite)),
                );
            }
        }
    }
}

fn formula_lines(data: &Dataset, f: &Formula) -> Vec<String> {
    let total = data.total_area_km2();
    let mut lines = vec![f.summary.clone()];
    for (n, s) in f.stages.iter().enumerate() {
        let conds: Vec<String> = s.conditions.iter().map(ToString::to_string).collect();
        let when = if conds.is_empty() { String::new() } else { format!(" after {}", conds.join(" and ")) };
        let moves: Vec<String> = s
            .transfers
            .iter()
            .map(|t| {
                let part = t.share.map(|sh| format!("{sh} of ")).unwrap_or_default();
                let right = if t.right == kuril_dispute::formula::Right::Both {
                    String::new()
                } else {
                    format!(" ({})", t.right)
                };
                format!("{part}{:?} → {}{right}", t.island, t.to)
            })
            .collect();
        let label = s.label.as_deref().map(|l| format!(" ({l})")).unwrap_or_default();
        lines.push(format!("stage {}{label}{when}: {}", n + 1, moves.join(", ")));
    }
    let area = data.area_transferred(f);
    lines.push(format!(
        "transfers to Japan: {} — {:.0} km², {:.1}% of the four islands' {:.0} km²",
        f.islands_transferred(),
        area,
        100.0 * area / total,
        total
    ));
    if !f.undecided_islands().is_empty() {
        let notes: Vec<&str> = f.undecided.iter().filter_map(|u| u.note.as_deref()).collect();
        lines.push(format!("left open: {} ({})", f.undecided_islands(), notes.join("; ")));
    }
    if !f.joint_activity.is_empty() {
        lines.push(format!("joint activity, no change of sovereignty: {}", f.joint_activity));
    }
    if let Some(o) = &f.origin {
        let who = o
            .person
            .as_ref()
            .and_then(|p| data.person(p).ok())
            .map(|p| format!("{}, ", p.name))
            .unwrap_or_default();
        let party = data.party(&o.party).map_or(o.party.as_str(), |p| p.name.as_str());
        lines.push(format!("first proposed by {who}{party}, {} {}", o.date, cites(&o.cite)));
    }
    lines.push(format!("sequencing: {}; sources {}", f.order, cites(&f.cite)));
    lines
}

fn formulas(out: &mut String, data: &Dataset) {
    heading(out, "Settlement formulas: what each transfers");
    for f in data.formulas() {
        let _ = writeln!(out, "{} [{}]", f.name, f.id);
        for l in formula_lines(data, f) {
            wrap(out, 4, &l);
        }
    }
}

fn position_lines(out: &mut String, data: &Dataset, p: &Position) {
    let what = match (p.formula, p.transfer_at_least, p.transfer_at_most) {
        (Some(f), _, _) => f.to_string(),
        (None, least, most) => format!(
            "at least {} / at most {}",
            least.map_or("-".into(), |s| s.to_string()),
            most.map_or("-".into(), |s| s.to_string())
        ),
    };
    let who = p
        .speaker
        .as_ref()
        .and_then(|s| data.person(s).ok())
        .map(|s| s.name.clone())
        .or_else(|| p.office.clone())
        .unwrap_or_default();
    let _ = writeln!(out, "  {:<10}  {what}  ({who})", p.stated.to_string());
    wrap(out, 14, &p.summary);
    wrap(out, 14, &format!("sources: {}", cites(&p.cite)));
}

fn positions(out: &mut String, data: &Dataset) {
    heading(out, "Positions over time, as stated and sourced");
    let mut holders: Vec<&PartyId> = Vec::new();
    for p in data.positions() {
        if !holders.contains(&&p.holder) {
            holders.push(&p.holder);
        }
    }
    holders.sort();
    for holder in holders {
        let name = data.party(holder).map_or(holder.as_str(), |p| p.name.as_str());
        let _ = writeln!(out, "\n{name}");
        // Every holder is a party of the dataset (the checks of `from_dir` say so).
        for p in data.positions_of(holder).into_iter().flatten() {
            position_lines(out, data, p);
        }
    }
}

fn sources(out: &mut String, data: &Dataset) {
    heading(out, "Sources cited by the positions");
    let cited: BTreeSet<&SourceId> =
        data.positions().flat_map(|p| p.cite.iter().map(|c| &c.source)).collect();
    for id in cited {
        if let Ok(s) = data.source(id) {
            let date = s.date.map(|d| format!(", {d}")).unwrap_or_default();
            let url = s.url.as_deref().map(|u| format!(" <{u}>")).unwrap_or_default();
            wrap(out, 2, &format!("[{}] {}. {}{date}.{url}", s.id, s.title, s.outlet));
        }
    }
}
