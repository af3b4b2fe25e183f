//! The third table: `replan` with one certified teacher leaving at mid-term (issue 16's
//! target: at most the time of `solve`, the frozen past makes the program smaller; xl within
//! 60 s). Per instance and solver: the solve of the instance, then the library calls
//! `nt2plan replan` makes on the edited instance: the history before mid-term frozen from
//! that schedule (`validate::against::frozen`) and the derived instance solved. The teacher
//! who leaves is the certified teacher with the most lessons in the schedule (the first id on
//! a tie), away from mid-term (the middle day of the term) to the term's end.

use super::{duration, gap, median};
use nt2plan::domain::{Instance, RuleSet, Schedule, TeacherId, Unavailability};
use nt2plan::solve::{self, Settings, Status};
use nt2plan::validate::against;
use std::collections::BTreeMap;
use std::time::Instant;

/// The certified teacher with the most lessons in `schedule` (the first id on a tie).
pub fn leaving_teacher(instance: &Instance, schedule: &Schedule) -> Option<TeacherId> {
    let mut lessons: BTreeMap<&TeacherId, usize> = BTreeMap::new();
    for row in &schedule.timetable {
        if let Some(t) = &row.teacher
            && instance.teacher(t).is_some_and(|t| t.is_certified())
        {
            *lessons.entry(t).or_default() += 1;
        }
    }
    // max_by_key keeps the last maximum: go through the ids from the last to the first.
    lessons
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .map(|(t, _)| t.clone())
}

/// The row of one instance and solver, with the settings of the first table.
pub fn rows(
    name: &str,
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    runs: usize,
) -> anyhow::Result<String> {
    let school = &instance.school;
    let from = school.term_start + (school.term_end - school.term_start) / 2;
    let mut solves = Vec::new();
    let mut replans = Vec::new();
    let mut sizes = (0, 0);
    let mut label = String::new();
    let mut status = String::new();
    for run in 1..=runs {
        eprintln!(
            "replan on {name} with {} (run {run})",
            settings.backend.name()
        );
        let began = Instant::now();
        let solved = solve::solve(instance, rules, settings)?;
        solves.push(began.elapsed());
        let Some((schedule, _)) = &solved.schedule else {
            return Ok(format!(
                "| {name} | {} | | {} | | {} | | | solve: {} |",
                settings.backend.name(),
                solved.stats.variables,
                duration(began.elapsed()),
                solved.status.label()
            ));
        };
        let teacher = leaving_teacher(instance, schedule)
            .ok_or_else(|| anyhow::anyhow!("{name}: no certified teacher gives a lesson"))?;
        let began = Instant::now();
        let mut edited = instance.clone();
        edited.unavailability.push(Unavailability {
            teacher: teacher.clone(),
            from,
            to: school.term_end,
            reason: "leave".into(),
        });
        let derived = against::frozen(&edited, schedule, from)
            .map_err(|d| anyhow::anyhow!("{name}: the schedule cannot be frozen: {d:?}"))?;
        let replanned = solve::solve(&derived, rules, settings)?;
        replans.push(began.elapsed());
        sizes = (solved.stats.variables, replanned.stats.variables);
        label = format!("{teacher} from {from}");
        status = format!(
            "{}, gap {}",
            replanned.status.label(),
            gap(&replanned.status)
        );
        let limit = |s: &Status| matches!(s, Status::TimeLimit { .. } | Status::NoScheduleInTime);
        if limit(&solved.status) || limit(&replanned.status) {
            break;
        }
    }
    let (solve, replan) = (median(solves), median(replans));
    Ok(format!(
        "| {name} | {} | {label} | {} | {} | {} | {} | {:.2} | {status} |",
        settings.backend.name(),
        sizes.0,
        sizes.1,
        duration(solve),
        duration(replan),
        replan.as_secs_f64() / solve.as_secs_f64().max(1e-9)
    ))
}

pub fn header() {
    println!();
    println!(
        "Replan with one certified teacher leaving at mid-term (the one with the most lessons, \
         away from the middle day of the term to its end):"
    );
    println!();
    println!(
        "| instance | solver | leaves | variables (solve) | variables (replan) | solve | replan | replan/solve | replan status |"
    );
    println!("|---|---|---|---:|---:|---:|---:|---:|---|");
}

pub fn footer(runs: usize, notes: &[String]) {
    println!();
    println!(
        "Medians of {runs} run(s), wall clock: solve is `solve::solve` on the instance (build, \
         solve, decoding and the checker); replan is the edit, `validate::against::frozen` and \
         `solve::solve` on the derived instance, the calls of `nt2plan replan` (without \
         writing files). Gaps and time limit as in the first table; a run that stops at the \
         time limit is not repeated."
    );
    for note in notes {
        println!("- {note}");
    }
}
