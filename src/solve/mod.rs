//! Solving: backend choice, limits, an honest status, and the schedule decoded from values.
//!
//! Infeasible and time limit are statuses, not errors; errors are for a backend that is
//! missing or fails.

mod backend;
pub mod best_effort;
pub mod bound;
pub mod construct;
pub mod dates;
mod deadline;
pub mod decode;
pub mod diagnose;
mod found;
pub mod highest;
pub mod observe;
mod run;
mod search;

use crate::check::{self, CheckReport};
use crate::domain::{Instance, RuleSet, Schedule};
use crate::model::{self, Model};
pub use crate::outcome::{Backend, Formulation, SearchMode, Searched, Stats, Status, Verdict};
use std::time::{Duration, Instant};

pub use backend::{FoundBy, Incumbent, Termination};
pub use bound::{Bound, lower_bound};
pub use deadline::Deadline;
pub use diagnose::Diagnosis;

/// The relative MIP gap at which a solve stops unless told otherwise (`--gap`).
pub const DEFAULT_GAP: f64 = 1e-4;
/// The time limit of `solve` and `options` when none is given, in seconds: long enough for
/// every checked-in school with HiGHS (the high school reaches 3% in 60 s), short enough that
/// a planner is never left waiting without an answer (microlp on xl runs on for hours).
pub const DEFAULT_TIME_LIMIT: f64 = 300.0;

/// Solver settings, with the defaults of `nt2plan solve`.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub backend: Backend,
    /// The program: classes of dates (fast, exact) or one variable per lesson (reference).
    pub formulation: Formulation,
    /// Whether the first schedule is improved by large neighbourhood search.
    pub search: SearchMode,
    /// Seconds; `None`: no limit.
    pub time_limit: Option<f64>,
    /// Relative MIP gap at which the solver may stop.
    pub gap: f64,
    pub seed: u64,
    /// Threads for HiGHS, and neighbourhoods of the search solved side by side.
    pub threads: u32,
    /// Let the solver print its log on the console.
    pub verbose: bool,
    /// Where HiGHS writes its log, so that a progress display can follow the best
    /// objective and gap while it works (microlp has no log).
    pub log_file: Option<std::path::PathBuf>,
    /// Told the best schedule so far while microlp works.
    pub progress: Option<ProgressSink>,
    /// Whether a solve that proves no schedule meets the rules also asks why (the
    /// diagnosis, in what is left of the time). The options and the highest reachable share
    /// need only whether: their diagnosis would be empty.
    pub diagnose: bool,
}

/// Where a solver reports its best schedule so far.
#[derive(Clone)]
pub struct ProgressSink(pub std::sync::Arc<dyn Fn(&Incumbent) + Send + Sync>);

impl ProgressSink {
    pub fn report(&self, incumbent: &Incumbent) {
        (self.0)(incumbent);
    }
}

impl std::fmt::Debug for ProgressSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressSink")
    }
}

impl PartialEq for ProgressSink {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Settings {
    /// The same settings telling no progress: for the programs whose objective is not a
    /// schedule's cost (the restriction's start, a date assignment, the diagnosis).
    pub fn quiet(&self) -> Settings {
        Settings {
            progress: None,
            ..self.clone()
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            backend: Backend::auto(),
            formulation: Formulation::default(),
            search: SearchMode::default(),
            time_limit: None,
            gap: DEFAULT_GAP,
            seed: 0,
            threads: 1,
            verbose: false,
            log_file: None,
            progress: None,
            diagnose: true,
        }
    }
}

/// A finished solve.
#[derive(Clone, Debug)]
pub struct Solved {
    pub status: Status,
    pub backend: Backend,
    pub stats: Stats,
    pub build_time: Duration,
    pub solve_time: Duration,
    /// The objective of the schedule, counted from the schedule itself (a cost: lower is
    /// better; see [`check::cost`]).
    pub objective: Option<f64>,
    /// A proven lower bound on the objective of every schedule of the exact problem.
    pub bound: Option<f64>,
    /// How often the program was solved again: classes split into single lessons, or pooled
    /// rooms kept apart (`model::pools`).
    pub refinements: u32,
    /// What the large neighbourhood search did, when it ran.
    pub search: Option<Searched>,
    /// The schedule and the checker's verdict on it, when one was found.
    pub schedule: Option<(Schedule, CheckReport)>,
}

#[derive(Debug, thiserror::Error)]
pub enum SolveError {
    #[error(
        "solver backend {0} is not compiled in; rebuild with `--features {0}` or use --solver microlp"
    )]
    BackendMissing(&'static str),
    #[error("the solver failed: {0}")]
    Solver(String),
    /// The checker rejected what the solver produced: a defect in the model, never written.
    #[error("the solver's schedule failed the independent checker ({} violation(s): {}); it was not written. This is a defect in nt2plan: please report it with the instance", .0.violations, first_violations(.0))]
    CheckerRejected(Box<CheckReport>),
    #[error(transparent)]
    Check(#[from] check::CheckError),
}

impl SolveError {
    /// The error in Dutch, with the same values as its English `Display`. What the solver
    /// library itself said stays as it said it.
    pub fn dutch(&self) -> String {
        match self {
            SolveError::BackendMissing(b) => format!(
                "solver {b} is niet meegebouwd; bouw opnieuw met `--features {b}` of gebruik --solver microlp"
            ),
            SolveError::Solver(e) => format!("de solver faalde: {e}"),
            SolveError::CheckerRejected(report) => format!(
                "het rooster van de solver is afgekeurd door de onafhankelijke controle \
                 ({} overtreding(en): {}); het is niet geschreven. Dit is een fout in nt2plan: \
                 meld die graag, met de instantie",
                report.violations,
                first_violations_nl(report)
            ),
            SolveError::Check(e) => e.dutch(),
        }
    }
}

fn violations(report: &CheckReport) -> impl Iterator<Item = &check::Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.severity() == check::FindingSeverity::Violation)
        .take(3)
}

/// The first violations of a rejected schedule, for the defect report.
fn first_violations(report: &CheckReport) -> String {
    let shown: Vec<String> = violations(report)
        .map(|f| format!("{} {}", f.code().as_str(), f.message))
        .collect();
    shown.join("; ")
}

/// The same in Dutch: each violation's Dutch text, else its English one.
fn first_violations_nl(report: &CheckReport) -> String {
    let shown: Vec<String> = violations(report)
        .map(|f| {
            let text = f.dutch_detail().unwrap_or_else(|| f.message.clone());
            format!("{} {text}", f.code().as_str())
        })
        .collect();
    shown.join("; ")
}

/// Builds and solves the program, decodes the schedule and has the checker judge it.
///
/// The program is built from the instance in id order ([`Instance::in_id_order`]): a solver
/// choosing among equally good schedules picks by variable order, and the order of the rows
/// in the files must not decide which teacher gives a lesson.
pub fn solve(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Solved, SolveError> {
    let started = Instant::now();
    // The one deadline of the run: building the program takes part of the time limit.
    let deadline = Deadline::after(started, settings.time_limit);
    let instance = instance.in_id_order();
    let model = model::build(
        &instance,
        rules,
        settings.formulation,
        &model::Refinement::default(),
    );
    let build_time = started.elapsed();
    let mut solved = run::solved_from(&model, &instance, rules, settings, deadline)?;
    solved.build_time = build_time;
    Ok(solved)
}

/// Solves a program already built by [`build_model`] from the same `instance` and `rules`,
/// decodes the schedule and has the checker judge it. `build_time` is zero (the caller
/// built the model); `solve_time` is the backend's part alone, with any refinement, and the
/// time limit counts from the call. Benchmarks use this to time solving apart from building.
pub fn solve_model(
    model: &Model,
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Solved, SolveError> {
    // `build_model` built `model` from the instance in id order; its indices refer to that.
    let deadline = Deadline::after(Instant::now(), settings.time_limit);
    run::solved_from(model, &instance.in_id_order(), rules, settings, deadline)
}

/// The model alone, for `--write-model` and benchmarks; built from the instance in id
/// order like [`solve`]'s, so pass the same `instance` to [`solve_model`].
pub fn build_model(instance: &Instance, rules: &RuleSet, settings: &Settings) -> Model {
    model::build(
        &instance.in_id_order(),
        rules,
        settings.formulation,
        &model::Refinement::default(),
    )
}

#[cfg(test)]
mod alternative_tests;
#[cfg(test)]
mod balance_tests;
#[cfg(test)]
pub(crate) mod brute;
#[cfg(test)]
mod contract_tests;
#[cfg(test)]
mod exact_tests;
#[cfg(test)]
mod lock_tests;
#[cfg(test)]
mod pool_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod proptests_more;
#[cfg(test)]
mod replan_room_tests;
#[cfg(test)]
mod replan_tests;
#[cfg(test)]
mod room_diagnose_tests;
#[cfg(test)]
mod room_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod wish_tests;
