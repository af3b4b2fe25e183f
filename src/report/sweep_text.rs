//! What `sweep` says on the terminal, in the planner's language: how many solves ran, a
//! shard resumed or written, a line per scenario, the breaking points, and where the
//! results are. A breaking point's reason is in the planner's language too (the results
//! files keep it in English); one read back from a part without its Dutch stays English.

use super::Lang;
use crate::outcome::sweep::{BreakingPoint, Row};
use crate::solve::Incumbent;
use std::path::Path;

/// How many solves ran, with which solver, how long and on how many workers.
pub fn solved(solves: usize, solver: &str, seconds: f64, threads: usize, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("{solves} solve(s) with {solver} in {seconds:.1} s on {threads} worker(s)")
        }
        Lang::Nl => format!(
            "{solves} berekening(en) met {solver} in {seconds:.1} s op {threads} rekenkern(en)"
        ),
    }
}

/// Records of another sweep, or damaged, that were removed before a shard resumed.
pub fn discarded(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{n} record(s) of another sweep or damaged removed; their jobs are solved again"
        ),
        Lang::Nl => format!(
            "{n} verslag(en) van een andere sweep of beschadigd verwijderd; hun taken worden opnieuw opgelost"
        ),
    }
}

/// A shard `k/n` resumed: the jobs done earlier and those left.
pub fn resuming(k: usize, n: usize, done: usize, todo: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("resuming shard {k}/{n}: {done} job(s) done earlier, {todo} to solve"),
        Lang::Nl => format!(
            "shard {k}/{n} gaat verder: {done} taak/taken eerder gedaan, {todo} nog op te lossen"
        ),
    }
}

/// The part file of shard `k/n` written.
pub fn part_written(k: usize, n: usize, path: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Part {k}/{n} written to {}", path.display()),
        Lang::Nl => format!("Deel {k}/{n} geschreven naar {}", path.display()),
    }
}

/// One scenario of the overview: its labels, status, certified share and students not placed.
pub fn overview_row(row: &Row, lang: Lang) -> String {
    let share = row
        .certified_share
        .map_or_else(|| "-".into(), |s| format!("{s:.2}%"));
    let unplaced = row
        .students_not_placed
        .map_or_else(|| "-".into(), |n| n.to_string());
    let labels = row.labels.join(" / ");
    match lang {
        Lang::En => format!(
            "{}  {labels:<40} {:<20} certified {share:>7}  not placed {unplaced:>4}",
            row.scenario,
            row.status.en()
        ),
        Lang::Nl => format!(
            "{}  {labels:<40} {:<20} gecertificeerd {share:>7}  niet geplaatst {unplaced:>4}",
            row.scenario,
            row.status.nl()
        ),
    }
}

/// A log line (no terminal): the scenario of a job finished, with its status, its objective
/// and its gap; `seconds` since the start, `done` of `len` jobs.
pub fn scenario_done(seconds: f64, done: usize, len: usize, row: &Row, lang: Lang) -> String {
    let (word, status, cost) = match lang {
        Lang::En => ("done", row.status.en(), "objective"),
        Lang::Nl => ("klaar", row.status.nl(), "kosten"),
    };
    let objective = row
        .objective
        .map_or(String::new(), |o| format!(", {cost} {}", number(o)));
    let gap = row
        .gap
        .map_or(String::new(), |g| format!(", gap {}", gap_percent(g)));
    format!(
        "{seconds:.1} s: [{done}/{len}] {} {word}: {status}{objective}{gap}",
        row.scenario
    )
}

/// A log line (no terminal): a better schedule of `scenario`, its cost, the solver's bound
/// and gap, and what found it (the search's own name for it), `seconds` since the start.
pub fn schedule_found(seconds: f64, scenario: &str, found: &Incumbent, lang: Lang) -> String {
    let (costing, bound) = match lang {
        Lang::En => ("a schedule costing", "bound"),
        Lang::Nl => ("een rooster met kosten", "grens"),
    };
    format!(
        "{seconds:.1} s: {scenario}: {costing} {}{}{}{}",
        number(found.objective),
        found
            .bound
            .map_or(String::new(), |b| format!(", {bound} {}", number(b))),
        found
            .gap
            .map_or(String::new(), |g| format!(", gap {}", gap_percent(g))),
        super::progress_text::found_by_suffix(found, lang),
    )
}

/// A relative gap as a percentage: `0.138%`.
fn gap_percent(gap: f64) -> String {
    format!("{:.3}%", gap * 100.0)
}

/// A cost or bound to a tenth (`170708.6`); a whole number as it is.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x}")
    } else {
        format!("{x:.1}")
    }
}

/// Where a line breaks, or that it holds at every level.
pub fn breaking_point(b: &BreakingPoint, lang: Lang) -> String {
    let context: Vec<&str> = b
        .labels
        .iter()
        .filter(|l| !l.is_empty())
        .map(String::as_str)
        .collect();
    let context = context.join(" / ");
    let seed = b.seed.map_or_else(String::new, |s| format!(" seed {s}"));
    match (&b.level, lang) {
        (Some(level), Lang::En) => {
            format!("breaking point [{context}]{seed}: {level}: {}", b.reason)
        }
        (Some(level), Lang::Nl) => {
            let reason = dutch_or_english(&b.reason_nl, &b.reason);
            format!("breekpunt [{context}]{seed}: {level}: {reason}")
        }
        (None, Lang::En) => format!("breaking point [{context}]{seed}: holds at every level"),
        (None, Lang::Nl) => format!("breekpunt [{context}]{seed}: houdt stand op elk niveau"),
    }
}

/// The Dutch text, else (a piece read back without it) the English one.
pub fn dutch_or_english<'a>(nl: &'a str, en: &'a str) -> &'a str {
    if nl.is_empty() { en } else { nl }
}

/// Where the results folder was written.
pub fn results_written(out: &Path, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Results written to {}", out.display()),
        Lang::Nl => format!("Resultaten geschreven naar {}", out.display()),
    }
}

/// How many scenarios failed to solve.
pub fn failed(errors: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{errors} scenario(s) failed to solve; see the reason column"),
        Lang::Nl => {
            format!("{errors} scenario('s) kon(den) niet worden opgelost; zie de kolom reason")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sweeps_statuses_read_in_dutch_with_their_values() {
        let b = BreakingPoint {
            labels: vec!["tekort".into(), String::new()],
            seed: Some(2),
            level: None,
            holds_until: Some("50".into()),
            scenario: None,
            reason: String::new(),
            reason_nl: String::new(),
            solves: 4,
        };
        let lines = [
            solved(12, "microlp", 3.25, 2, Lang::Nl),
            resuming(2, 5, 3, 4, Lang::Nl),
            part_written(2, 5, Path::new("uit/part-2-of-5.json"), Lang::Nl),
            breaking_point(&b, Lang::Nl),
            results_written(Path::new("uit"), Lang::Nl),
            failed(1, Lang::Nl),
        ];
        assert_eq!(
            lines,
            [
                "12 berekening(en) met microlp in 3.2 s op 2 rekenkern(en)",
                "shard 2/5 gaat verder: 3 taak/taken eerder gedaan, 4 nog op te lossen",
                "Deel 2/5 geschreven naar uit/part-2-of-5.json",
                "breekpunt [tekort] seed 2: houdt stand op elk niveau",
                "Resultaten geschreven naar uit",
                "1 scenario('s) kon(den) niet worden opgelost; zie de kolom reason",
            ]
        );
        assert_eq!(
            breaking_point(&b, Lang::En),
            "breaking point [tekort] seed 2: holds at every level"
        );
    }

    #[test]
    fn the_log_lines_of_a_sweep_read_in_dutch_with_their_status_and_values() {
        let row: Row = serde_json::from_value(serde_json::json!({
            "scenario": "s002", "index": 1, "labels": [], "seed": null,
            "rules": "addendum-2025", "min_certified_share": 60.0, "status": "time_limit",
            "reason": "", "certified_share": 66.66, "highest_certified_share": null,
            "lessons": 90, "certified_lessons": 60, "students": 10, "students_placed": 10,
            "students_not_placed": 0, "students_above_standard": 0, "exception2_cells": [],
            "groups": 2, "groups_opened": 2, "teachers": 3, "certified_teachers": 2,
            "teachers_removed": [], "non_certified_teachers_used": 1, "mentors_used": 1,
            "external_mentors_used": 0, "objective": 40775.25, "gap": 0.00138,
        }))
        .expect("a row");
        let nl = scenario_done(3.04, 2, 5, &row, Lang::Nl);
        assert_eq!(
            nl,
            format!(
                "3.0 s: [2/5] s002 klaar: {}, kosten 40775.2, gap 0.138%",
                row.status.nl()
            )
        );
        assert_ne!(row.status.nl(), row.status.en());
        assert_eq!(
            scenario_done(3.04, 2, 5, &row, Lang::En),
            format!(
                "3.0 s: [2/5] s002 done: {}, objective 40775.2, gap 0.138%",
                row.status.en()
            )
        );
        let found = Incumbent {
            objective: 22475.0,
            bound: Some(22460.0),
            gap: Some(0.00067),
            found_by: None,
        };
        assert_eq!(
            schedule_found(0.3, "s001", &found, Lang::Nl),
            "0.3 s: s001: een rooster met kosten 22475, grens 22460, gap 0.067%"
        );
        assert_eq!(
            schedule_found(0.3, "s001", &found, Lang::En),
            "0.3 s: s001: a schedule costing 22475, bound 22460, gap 0.067%"
        );
    }

    #[test]
    fn a_breaking_points_reason_reads_in_dutch_and_stays_english_in_english() {
        let mut b = BreakingPoint {
            labels: vec![String::new()],
            seed: None,
            level: Some("99".into()),
            holds_until: Some("60".into()),
            scenario: Some("s002".into()),
            reason: "[1.7.1a] at most 80% of the lessons can be certified".into(),
            reason_nl: "[1.7.1a] hoogstens 80% van de lessen kan gecertificeerd zijn".into(),
            solves: 2,
        };
        assert_eq!(
            breaking_point(&b, Lang::Nl),
            "breekpunt []: 99: [1.7.1a] hoogstens 80% van de lessen kan gecertificeerd zijn"
        );
        assert_eq!(
            breaking_point(&b, Lang::En),
            "breaking point []: 99: [1.7.1a] at most 80% of the lessons can be certified"
        );
        // Read back from a part written without the Dutch: the English, not nothing.
        b.reason_nl.clear();
        assert!(
            breaking_point(&b, Lang::Nl).ends_with("at most 80% of the lessons can be certified")
        );
    }
}
