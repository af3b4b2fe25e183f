//! What would fix it: single changes a school can make, chosen from the bottleneck of its
//! plan, each measured by an actual solve of the changed instance (in parallel, each solve
//! single-threaded), ranked by what it reaches.
//!
//! Candidates, from the plan of the instance as it is (the schedule, or the best-effort
//! plan): register a non-certified teacher who could give lessons that a non-certified
//! teacher or nobody gives in it (most such lessons first); raise the
//! weekly maximum of a certified teacher whose maximum is reached in some week, by one and by
//! two; open an optional group that stayed closed while students who fit it have no place;
//! let a group close that has a lesson nobody gives or no certified lesson; one more
//! certified teacher ("vacancy") at the location and profile of the group with the most
//! lessons by non-certified teachers or by nobody. Exception 2 is not among them: since the
//! Addendum ended no rule set in force permits it.
//!
//! Each change is solved to within [`OPTION_GAP`] of its optimum (or the user's gap, when
//! smaller): whether every norm holds and the shortfall are exact all the same (the first
//! is a schedule, the second solved level by level to proof); the share and the students
//! placed are those of a plan found, at most that far from the best.
//!
//! Ranked by: every norm holds; the shortfall, level by level (`solve::best_effort`);
//! students not placed; the certified share (higher first); then the change that is easier
//! for a school (registering a teacher before a higher maximum, opening or closing a group,
//! and a vacancy last), and its subject.

use crate::check::CheckReport;
use crate::domain::{Instance, RuleSet, Schedule};
pub use crate::outcome::options::{Change, OptionRow, Options};
use crate::solve::{self, Deadline, Settings, SolveError, Status, best_effort};
pub use candidates::{apply, candidates};
use std::cmp::Ordering;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering as AtomicOrdering};
use std::time::{Duration, Instant};

mod candidates;

/// The gap to which each change is solved: on the demo made short of certified teachers,
/// 0.8 s for its 17 changes instead of 18.7 s at the default gap of 1e-4, with the same
/// shares and students placed.
pub const OPTION_GAP: f64 = 0.01;

/// A plan of an instance: its schedule, or its best-effort plan, with the checker's report.
#[derive(Clone, Debug)]
pub struct Plan {
    pub schedule: Schedule,
    pub report: CheckReport,
    /// Its shortfall is proven least (always so for a compliant plan); a best-effort plan
    /// cut off by the time limit may miss the norms by more than it must.
    pub proven: bool,
}

/// The plan of `instance`: its schedule, or its best-effort plan (from `start`, a plan of
/// the school before a change, where that is a plan of this one: `best_effort::plan_from`);
/// `None` when neither was found in time.
pub fn plan(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    start: Option<&Schedule>,
) -> Result<Option<Plan>, SolveError> {
    let began = Instant::now();
    let solved = solve::solve(instance, rules, settings)?;
    if let Some((schedule, report)) = solved.schedule {
        return Ok(Some(Plan {
            schedule,
            report,
            proven: true,
        }));
    }
    if matches!(solved.status, Status::Infeasible { .. }) {
        // What is left of the limit after the solve that proved it infeasible.
        let rest = Settings {
            time_limit: settings
                .time_limit
                .map(|t| (t - began.elapsed().as_secs_f64()).max(0.0)),
            ..settings.clone()
        };
        return Ok(
            best_effort::plan_from(instance, rules, &rest, start)?.map(|p| Plan {
                schedule: p.schedule,
                report: p.report,
                proven: p.best_effort.proven,
            }),
        );
    }
    Ok(None)
}

/// The options of `instance`, best first, all within `settings.time_limit` from now: its
/// own plan in up to half of it, then the changes in what is left.
pub fn options(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Options, SolveError> {
    let deadline = Deadline::after(Instant::now(), settings.time_limit);
    let own = plan(
        instance,
        rules,
        &within(&single(settings), deadline.share(0.5)),
        None,
    )?;
    match own {
        Some(p) => measure(instance, rules, &p.schedule, &p.report, settings, deadline),
        None => Ok(Options::default()),
    }
}

/// A change's place in the list and what measuring it gave.
type Measured = (usize, Result<Option<OptionRow>, SolveError>);

/// The options of `instance` whose plan (`schedule`, judged in `report`) is known, best
/// first: every change chosen from that plan is measured by a plan of the changed instance,
/// in parallel, one thread each, all by `deadline`. The changes begin in their order (the
/// most promising of each kind first), each as a thread is free, with a fair share of the
/// time left (the time left times the threads over the changes not yet begun), so that the
/// last begins in time; where a change finds no plan in its share, every later one gets at
/// least twice that share: on a school too big for a plan in the fair share, some changes
/// are measured rather than none. One not begun by the deadline, or without a plan in its
/// share, is listed as not measured, never guessed.
pub fn measure(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
    report: &CheckReport,
    settings: &Settings,
    deadline: Deadline,
) -> Result<Options, SolveError> {
    let single = single(settings);
    let changes = candidates(instance, schedule, report);
    let threads = rayon::current_num_threads()
        .max(1)
        .min(changes.len().max(1));
    // The next change to begin, and the least share a change gets (in nanoseconds).
    let next = AtomicUsize::new(0);
    let least = AtomicU64::new(0);
    let measured: Mutex<Vec<Measured>> = Mutex::new(Vec::new());
    rayon::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|_| {
                loop {
                    let i = next.fetch_add(1, AtomicOrdering::SeqCst);
                    if i >= changes.len() || deadline.passed() {
                        return;
                    }
                    let change = &changes[i];
                    let fair = deadline.left().map(|left| {
                        let share = threads as f64 / (changes.len() - i) as f64;
                        let least = Duration::from_nanos(least.load(AtomicOrdering::SeqCst));
                        left.mul_f64(share.min(1.0)).max(least)
                    });
                    let own = fair.map_or(deadline, |s| deadline.within(s));
                    let began = Instant::now();
                    let plan = plan(
                        &apply(instance, change),
                        rules,
                        &within(&single, own),
                        Some(schedule),
                    );
                    if let (Ok(None), Some(share)) = (&plan, fair) {
                        let twice = u64::try_from(share.as_nanos().saturating_mul(2));
                        least.fetch_max(twice.unwrap_or(u64::MAX), AtomicOrdering::SeqCst);
                    }
                    if settings.verbose {
                        eprintln!(
                            "option {}: {:.2} s{}",
                            change.text(false),
                            began.elapsed().as_secs_f64(),
                            if matches!(plan, Ok(None)) {
                                ", no plan in time"
                            } else {
                                ""
                            }
                        );
                    }
                    let row = plan.map(|p| p.map(|p| row(change.clone(), &p)));
                    measured
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((i, row));
                }
            });
        }
    });
    let mut measured = measured.into_inner().unwrap_or_else(|e| e.into_inner());
    measured.sort_by_key(|(i, _)| *i);
    let mut rows = Vec::new();
    for (_, m) in measured {
        rows.extend(m?);
    }
    let not_measured: Vec<Change> = changes
        .iter()
        .filter(|c| !rows.iter().any(|r| &r.change == *c))
        .cloned()
        .collect();
    rows.sort_by(better);
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    Ok(Options {
        tried: changes.len(),
        rows,
        not_measured,
    })
}

/// The settings of one measuring solve: one thread, quiet, no diagnosis (only whether a
/// schedule exists matters, and what the best-effort plan misses).
fn single(settings: &Settings) -> Settings {
    Settings {
        gap: settings.gap.max(OPTION_GAP),
        threads: 1,
        progress: None,
        log_file: None,
        verbose: false,
        diagnose: false,
        ..settings.clone()
    }
}

/// `settings` with the time limit of `deadline` (none without one).
fn within(settings: &Settings, deadline: Deadline) -> Settings {
    Settings {
        time_limit: deadline.left().map(|l| l.as_secs_f64()),
        ..settings.clone()
    }
}

fn row(change: Change, plan: &Plan) -> OptionRow {
    let r = &plan.report;
    let t = &r.totals;
    OptionRow {
        rank: 0,
        change,
        compliant: r.compliant,
        shortfall: r.shortfall(),
        proven: plan.proven,
        certified_lessons: t.certified_lessons,
        lessons_given: t.lessons_given,
        certified_share: t.certified_share.percent.clone(),
        students_placed: t.students_placed,
        students_total: t.students_total,
    }
}

fn kind(c: &Change) -> u8 {
    match c {
        Change::Register { .. } => 0,
        Change::RaiseWeeklyMax { .. } => 1,
        Change::Open { .. } => 2,
        Change::Close { .. } => 3,
        Change::Vacancy { .. } => 4,
    }
}

fn better(a: &OptionRow, b: &OptionRow) -> Ordering {
    let share = |x: &OptionRow, y: &OptionRow| {
        // Higher first: compare y's share with x's, exactly.
        (u128::from(y.certified_lessons) * u128::from(x.lessons_given.max(1)))
            .cmp(&(u128::from(x.certified_lessons) * u128::from(y.lessons_given.max(1))))
    };
    (!a.compliant)
        .cmp(&!b.compliant)
        .then(a.shortfall.cmp(&b.shortfall))
        .then(b.students_placed.cmp(&a.students_placed))
        .then_with(|| share(a, b))
        .then(kind(&a.change).cmp(&kind(&b.change)))
        .then_with(|| a.change.cmp(&b.change))
}

#[cfg(test)]
mod tests;
