//! Hands a [`Mip`] to a solver (microlp or HiGHS, each through its own crate) and reads back
//! values, status and the proven bound.

use super::{Backend, Deadline, Settings, SolveError};
use crate::model::{Cmp, Mip, VarKind};

/// How the solver stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Termination {
    /// Proven optimal (within the solver's default tolerance).
    Optimal,
    /// Stopped because the requested relative gap was reached.
    GapReached,
    /// Stopped at the time limit with a feasible solution.
    TimeLimit,
    /// Proven infeasible.
    Infeasible,
    /// Stopped at the time limit before any feasible solution was found.
    NoSolution,
}

/// What the solver gave back.
#[derive(Clone, Debug)]
pub struct Raw {
    pub termination: Termination,
    /// One value per variable of the program (empty without a solution).
    pub values: Vec<f64>,
    /// The best proven lower bound on the objective, when the solver reports one.
    pub bound: Option<f64>,
}

impl Raw {
    fn empty(termination: Termination) -> Raw {
        Raw {
            termination,
            values: Vec::new(),
            bound: None,
        }
    }
}

/// The best schedule so far while a solver works, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Incumbent {
    pub objective: f64,
    pub bound: Option<f64>,
    pub gap: Option<f64>,
    /// What found it, when not the solver itself.
    pub found_by: Option<FoundBy>,
}

/// What found a schedule, when not the solver itself: the constructive first schedule or a
/// kind of neighbourhood of the search (its words are the report's, in either language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundBy {
    FirstSchedule,
    WeakestGroups,
    Location,
    Profile,
    Teachers,
}

/// Solves `mip` with `settings.backend` by `deadline`; `start`, one value per variable, is a
/// solution to begin from (the solver may hand it back unchanged when nothing beats it).
pub fn run(
    mip: &Mip,
    settings: &Settings,
    deadline: Deadline,
    start: Option<&[f64]>,
) -> Result<Raw, SolveError> {
    match settings.backend {
        Backend::Microlp => microlp(mip, settings, deadline, start),
        #[cfg(feature = "highs")]
        Backend::Highs => highs(mip, settings, deadline, start),
        #[cfg(not(feature = "highs"))]
        Backend::Highs => Err(SolveError::BackendMissing("highs")),
    }
}

/// Branch-and-bound nodes per call to microlp: between calls the best schedule so far is
/// reported as progress. Slicing by nodes, not by time, keeps the search (and so the
/// schedule) the same on every run.
const MICROLP_NODES_PER_SLICE: u64 = 100;

/// The best solution a worker has found so far, shared with the caller.
type Best = std::sync::Arc<std::sync::Mutex<Option<Raw>>>;

/// Runs `work` on a worker thread and answers by `deadline` whatever happens inside it:
/// the worker's result, or at the deadline the best solution it reported so far (or none).
/// A worker still busy then is abandoned (it ends by itself when its solver returns); the
/// answer never waits for it. Both solvers have steps they cannot leave early: microlp while
/// it sets up or solves one large LP (a second on xl), HiGHS 1.16 in some presolve steps of
/// its sub-MIPs, which do not look at the clock (a 300 s limit once ran 26 minutes).
fn by_deadline<F>(deadline: std::time::Instant, work: F) -> Result<Raw, SolveError>
where
    F: FnOnce(&Best) -> Result<Raw, SolveError> + Send + 'static,
{
    let best: Best = Default::default();
    let (tx, rx) = std::sync::mpsc::channel();
    let worker_best = best.clone();
    std::thread::spawn(move || {
        let _ = tx.send(work(&worker_best));
    });
    match rx.recv_timeout(deadline.saturating_duration_since(std::time::Instant::now())) {
        Ok(result) => result,
        Err(_) => Ok(best.lock().ok().and_then(|b| b.clone()).map_or_else(
            || Raw::empty(Termination::NoSolution),
            |mut raw| {
                raw.termination = Termination::TimeLimit;
                raw
            },
        )),
    }
}

/// microlp with a time limit: the search runs on a worker thread (see [`by_deadline`]), and
/// reports the best schedule of its slices so far as it goes.
fn microlp(
    mip: &Mip,
    settings: &Settings,
    deadline: Deadline,
    start: Option<&[f64]>,
) -> Result<Raw, SolveError> {
    let Some(at) = deadline.at() else {
        return microlp_search(mip, settings, start, deadline, &Default::default());
    };
    let (mip, settings) = (mip.clone(), settings.clone());
    let start = start.map(<[f64]>::to_vec);
    by_deadline(at, move |best| {
        microlp_search(&mip, &settings, start.as_deref(), deadline, best)
    })
}

/// The program as a microlp problem, built directly (not through good_lp) so that a start
/// can name its variables.
fn microlp_problem(mip: &Mip) -> (microlp::Problem, Vec<microlp::Variable>) {
    use microlp::{ComparisonOp, OptimizationDirection, Problem};
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let vars: Vec<microlp::Variable> = mip
        .vars
        .iter()
        .map(|v| match v.kind {
            VarKind::Continuous => problem.add_var(v.cost, (v.lower, v.upper)),
            VarKind::Binary | VarKind::Integer => {
                let bound = |x: f64| x.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
                problem.add_integer_var(v.cost, (bound(v.lower.ceil()), bound(v.upper.floor())))
            }
        })
        .collect();
    for row in &mip.rows {
        let expr: microlp::LinearExpr = row.terms.iter().map(|(v, c)| (vars[*v], *c)).collect();
        let op = match row.cmp {
            Cmp::Le => ComparisonOp::Le,
            Cmp::Ge => ComparisonOp::Ge,
            Cmp::Eq => ComparisonOp::Eq,
        };
        problem.add_constraint(expr, op, row.rhs);
    }
    (problem, vars)
}

fn microlp_search(
    mip: &Mip,
    settings: &Settings,
    start: Option<&[f64]>,
    deadline: Deadline,
    best: &std::sync::Mutex<Option<Raw>>,
) -> Result<Raw, SolveError> {
    use microlp::{SolveOptions, TerminationReason};
    let problem = microlp_problem(mip);

    let left = || deadline.left();
    let mut options = SolveOptions::default();
    options.mip_gap = settings.gap;
    options.node_limit = Some(MICROLP_NODES_PER_SLICE);
    options.time_limit = left();
    options.warm_start = start
        .filter(|s| s.len() == problem.1.len())
        .map(|s| problem.1.iter().zip(s).map(|(v, x)| (*v, *x)).collect());
    let mut outcome = match problem.0.solve_with(options) {
        Ok(o) => o,
        Err(microlp::Error::Infeasible) => return Ok(Raw::empty(Termination::Infeasible)),
        Err(e) => return Err(SolveError::Solver(e.to_string())),
    };
    loop {
        let stats = outcome.stats();
        if let Some(solution) = outcome.solution() {
            if let Some(sink) = &settings.progress {
                sink.report(&Incumbent {
                    objective: solution.objective() + mip.objective_constant,
                    bound: stats.best_bound.map(|b| b + mip.objective_constant),
                    gap: stats.gap,
                    found_by: None,
                });
            }
            if let Ok(mut b) = best.lock() {
                *b = Some(Raw {
                    termination: Termination::TimeLimit,
                    values: solution.iter().map(|(_, v)| v).collect(),
                    bound: stats.best_bound.map(|b| b + mip.objective_constant),
                });
            }
        }
        let termination = match outcome.termination_reason() {
            TerminationReason::NodeLimit if left().is_none_or(|l| !l.is_zero()) => {
                let mut resume = outcome.last_resume_options();
                resume.time_limit = left();
                resume.node_limit = Some(MICROLP_NODES_PER_SLICE);
                resume.mip_gap = Some(settings.gap);
                outcome = match outcome.resume_with(resume) {
                    Ok(o) => o,
                    Err(microlp::Error::Infeasible) => {
                        return Ok(Raw::empty(Termination::Infeasible));
                    }
                    Err(e) => return Err(SolveError::Solver(e.to_string())),
                };
                continue;
            }
            TerminationReason::ProvenOptimal => Termination::Optimal,
            TerminationReason::MipGap => Termination::GapReached,
            _ => Termination::TimeLimit,
        };
        let bound = outcome
            .stats()
            .best_bound
            .map(|b| b + mip.objective_constant);
        return Ok(match outcome.solution() {
            Some(solution) => Raw {
                termination,
                values: solution.iter().map(|(_, v)| v).collect(),
                bound,
            },
            None => Raw::empty(Termination::NoSolution),
        });
    }
}

/// HiGHS under its own time limit (what is left of the deadline), and under the watchdog of
/// [`by_deadline`] a twentieth of what was left later (at least 0.2 s), for the steps of
/// HiGHS that do not look at the clock; the room lets HiGHS answer by itself, so that its
/// own best answer, not the watchdog's, is the usual one. HiGHS reports no solution as it
/// goes, so an abandoned run answers with none.
#[cfg(feature = "highs")]
fn highs(
    mip: &Mip,
    settings: &Settings,
    deadline: Deadline,
    start: Option<&[f64]>,
) -> Result<Raw, SolveError> {
    let (Some(at), Some(left)) = (deadline.at(), deadline.left()) else {
        return highs_solve(mip, settings, deadline, start);
    };
    let room = (left / 20).max(std::time::Duration::from_millis(200));
    let (mip, settings) = (mip.clone(), settings.clone());
    let start = start.map(<[f64]>::to_vec);
    by_deadline(at + room, move |_| {
        highs_solve(&mip, &settings, deadline, start.as_deref())
    })
}

#[cfg(feature = "highs")]
fn highs_solve(
    mip: &Mip,
    settings: &Settings,
    deadline: Deadline,
    start: Option<&[f64]>,
) -> Result<Raw, SolveError> {
    use highs::{HighsModelStatus, HighsSolutionStatus, RowProblem, Sense};
    // The objective's constant is not passed: bounds and values get it added back here.
    let mut problem = RowProblem::default();
    let cols: Vec<highs::Col> = mip
        .vars
        .iter()
        .map(|v| {
            let integer = v.kind != VarKind::Continuous;
            problem.add_column_with_integrality(v.cost, v.lower..=v.upper, integer)
        })
        .collect();
    for row in &mip.rows {
        let terms = row.terms.iter().map(|(v, c)| (cols[*v], *c));
        match row.cmp {
            Cmp::Le => problem.add_row(..=row.rhs, terms),
            Cmp::Ge => problem.add_row(row.rhs.., terms),
            Cmp::Eq => problem.add_row(row.rhs..=row.rhs, terms),
        }
    }
    let mut model = problem
        .try_optimise(Sense::Minimise)
        .map_err(|e| SolveError::Solver(format!("HiGHS: {e:?}")))?;
    option(
        &mut model,
        "output_flag",
        settings.verbose || settings.log_file.is_some(),
    )?;
    option(&mut model, "log_to_console", settings.verbose)?;
    if let Some(path) = &settings.log_file {
        option(&mut model, "log_file", path.display().to_string().as_str())?;
    }
    option(&mut model, "mip_rel_gap", settings.gap)?;
    option(
        &mut model,
        "threads",
        i32::try_from(settings.threads.max(1)).unwrap_or(1),
    )?;
    option(
        &mut model,
        "random_seed",
        i32::try_from(settings.seed % 2_147_483_647).unwrap_or(0),
    )?;
    if let Some(start) = start.filter(|s| s.len() == mip.vars.len()) {
        model
            .try_set_solution(Some(start), None, None, None)
            .map_err(|e| SolveError::Solver(format!("HiGHS start: {e:?}")))?;
    }
    if let Some(left) = deadline.left() {
        // Setting the model up took part of the time already: what is left now.
        option(&mut model, "time_limit", left.as_secs_f64())?;
    }
    let solved = model
        .try_solve()
        .map_err(|e| SolveError::Solver(format!("HiGHS: {e:?}")))?;
    let status = solved.status();
    // HiGHS leaves the info at -1 (not set) when it ends without its MIP search, e.g. on a
    // program whose every column is fixed (a replan whose lessons are all history): the highs
    // crate's `primal_solution_status` then panics, so the number is read here. A model
    // HiGHS proved optimal or found empty has its solution all the same.
    let primal = solved
        .int_info_value(c"primal_solution_status")
        .unwrap_or(-1);
    let has_solution = primal == HighsSolutionStatus::Feasible as i64
        || (primal == -1
            && matches!(
                status,
                HighsModelStatus::Optimal | HighsModelStatus::ModelEmpty
            ));
    let gap = solved.mip_gap();
    let gap = gap.is_finite().then_some(gap);
    let bound = solved
        .double_info_value(c"mip_dual_bound")
        .ok()
        .filter(|b| b.is_finite())
        .map(|b| b + mip.objective_constant);
    let termination = match status {
        HighsModelStatus::Infeasible | HighsModelStatus::UnboundedOrInfeasible => {
            Termination::Infeasible
        }
        HighsModelStatus::Optimal if gap.is_none_or(|g| g <= OPTIMAL_GAP) => Termination::Optimal,
        HighsModelStatus::Optimal => Termination::GapReached,
        _ if has_solution => Termination::TimeLimit,
        _ => Termination::NoSolution,
    };
    let values = if has_solution {
        solved.get_solution().columns().to_vec()
    } else {
        Vec::new()
    };
    Ok(Raw {
        termination,
        values,
        bound,
    })
}

#[cfg(feature = "highs")]
fn option<V: highs::HighsOptionValue>(
    model: &mut highs::Model,
    key: &str,
    value: V,
) -> Result<(), SolveError> {
    model
        .try_set_option(key, value)
        .map_err(|e| SolveError::Solver(format!("HiGHS option {key}: {e:?}")))
}

/// A relative gap this small is a proof of optimality: the objective is the true cost in
/// whole units (default weights), below 10^6 even on the xl instance, so the absolute gap is
/// below one unit.
#[cfg(feature = "highs")]
const OPTIMAL_GAP: f64 = 1e-6;

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    /// A solver stuck in a step that never looks at the clock is abandoned at the deadline,
    /// with the best solution it had reported, or with none.
    #[test]
    fn a_worker_past_its_deadline_is_abandoned_with_its_best_so_far() {
        for reported in [false, true] {
            let started = Instant::now();
            let raw = by_deadline(started + Duration::from_millis(200), move |best| {
                if reported && let Ok(mut b) = best.lock() {
                    *b = Some(Raw {
                        termination: Termination::Optimal,
                        values: vec![1.0],
                        bound: None,
                    });
                }
                std::thread::sleep(Duration::from_secs(5));
                Ok(Raw::empty(Termination::Optimal))
            })
            .expect("an answer");
            let waited = started.elapsed();
            assert!(waited < Duration::from_millis(1000), "{waited:?}");
            if reported {
                assert_eq!(raw.termination, Termination::TimeLimit);
                assert_eq!(raw.values, [1.0]);
            } else {
                assert_eq!(raw.termination, Termination::NoSolution);
            }
        }
    }

    #[test]
    fn a_worker_that_finishes_in_time_gives_its_own_answer() {
        let raw = by_deadline(Instant::now() + Duration::from_secs(5), |_| {
            Ok(Raw::empty(Termination::Infeasible))
        })
        .expect("an answer");
        assert_eq!(raw.termination, Termination::Infeasible);
    }
}
