//! What `sweep` says on the terminal, in the planner's language: how many solves ran, a
//! shard resumed or written, a line per scenario, the breaking points, and where the
//! results are. A breaking point's reason is in the planner's language too (the results
//! files keep it in English); one read back from a part without its Dutch stays English.

use super::Lang;
use crate::outcome::sweep::{BreakingPoint, Row};
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
