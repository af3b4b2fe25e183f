//! Hands a [`Mip`] to a solver through good_lp and reads back values, status and gap.

use super::{Backend, Settings, SolveError};
use crate::model::{Cmp, Mip, VarKind};
use good_lp::{Expression, ProblemVariables, Variable, variable};

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
    /// The relative gap the solver proved, when it reports one.
    pub gap: Option<f64>,
    /// The best proven lower bound on the objective, when the solver reports one.
    pub bound: Option<f64>,
}

impl Raw {
    fn empty(termination: Termination) -> Raw {
        Raw {
            termination,
            values: Vec::new(),
            gap: None,
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
}

/// The good_lp form of a program: variables and objective, and the rows as constraints.
fn to_good_lp(
    mip: &Mip,
) -> (
    ProblemVariables,
    Vec<Variable>,
    Expression,
    Vec<good_lp::Constraint>,
) {
    let mut pv = ProblemVariables::new();
    let vars: Vec<Variable> = mip
        .vars
        .iter()
        .map(|v| {
            let def = variable().name(v.name.clone()).min(v.lower);
            let def = if v.upper.is_finite() {
                def.max(v.upper)
            } else {
                def
            };
            pv.add(match v.kind {
                VarKind::Continuous => def,
                VarKind::Binary | VarKind::Integer => def.integer(),
            })
        })
        .collect();
    let mut objective = Expression::with_capacity(mip.vars.len());
    for (v, x) in mip.vars.iter().zip(&vars) {
        if v.cost != 0.0 {
            objective.add_mul(v.cost, *x);
        }
    }
    objective += mip.objective_constant;
    let rows = mip
        .rows
        .iter()
        .map(|row| {
            let mut e = Expression::with_capacity(row.terms.len());
            for (v, c) in &row.terms {
                e.add_mul(*c, vars[*v]);
            }
            match row.cmp {
                Cmp::Le => e.leq(row.rhs),
                Cmp::Ge => e.geq(row.rhs),
                Cmp::Eq => e.eq(row.rhs),
            }
        })
        .collect();
    (pv, vars, objective, rows)
}

/// Solves `mip`; `start`, one value per variable, is a solution to begin from (the solver
/// may hand it back unchanged when nothing beats it).
pub fn run(
    mip: &Mip,
    backend: Backend,
    settings: &Settings,
    start: Option<&[f64]>,
) -> Result<Raw, SolveError> {
    match backend {
        Backend::Microlp => microlp(mip, settings, start),
        #[cfg(feature = "highs")]
        Backend::Highs => highs(mip, settings, start),
        #[cfg(not(feature = "highs"))]
        Backend::Highs => Err(SolveError::BackendMissing("highs")),
    }
}

/// Branch-and-bound nodes per call to microlp: between calls the best schedule so far is
/// reported as progress. Slicing by nodes, not by time, keeps the search (and so the
/// schedule) the same on every run.
const MICROLP_NODES_PER_SLICE: u64 = 100;

/// microlp with a time limit: the search runs on a worker thread and the caller gets an
/// answer at the deadline even when microlp is inside a step it cannot leave early (setting
/// up or solving one large LP can take a second on xl): then the best schedule of the
/// slices so far, or none. The worker stops by itself soon after, at microlp's own limit.
fn microlp(mip: &Mip, settings: &Settings, start: Option<&[f64]>) -> Result<Raw, SolveError> {
    use std::time::{Duration, Instant};
    let Some(limit) = settings.time_limit else {
        return microlp_search(mip, settings, start, None, &Default::default());
    };
    let deadline = Instant::now() + Duration::from_secs_f64(limit.max(0.0));
    let best: std::sync::Arc<std::sync::Mutex<Option<Raw>>> = Default::default();
    let (tx, rx) = std::sync::mpsc::channel();
    let (mip, worker_settings, worker_best) = (mip.clone(), settings.clone(), best.clone());
    let start = start.map(<[f64]>::to_vec);
    std::thread::spawn(move || {
        let _ = tx.send(microlp_search(
            &mip,
            &worker_settings,
            start.as_deref(),
            Some(deadline),
            &worker_best,
        ));
    });
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
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
    deadline: Option<std::time::Instant>,
    best: &std::sync::Mutex<Option<Raw>>,
) -> Result<Raw, SolveError> {
    use microlp::{SolveOptions, TerminationReason};
    use std::time::Instant;
    let problem = microlp_problem(mip);

    let left = || deadline.map(|d| d.saturating_duration_since(Instant::now()));
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
                });
            }
            if let Ok(mut b) = best.lock() {
                *b = Some(Raw {
                    termination: Termination::TimeLimit,
                    values: solution.iter().map(|(_, v)| v).collect(),
                    gap: solution.gap(),
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
                gap: solution.gap(),
                bound,
            },
            None => Raw::empty(Termination::NoSolution),
        });
    }
}

#[cfg(feature = "highs")]
fn highs(mip: &Mip, settings: &Settings, start: Option<&[f64]>) -> Result<Raw, SolveError> {
    use good_lp::SolverModel;
    let started = std::time::Instant::now();
    use highs::{HighsModelStatus, HighsSolutionStatus};
    let (pv, _vars, objective, rows) = to_good_lp(mip);
    let mut problem = pv.minimise(objective).using(good_lp::highs);
    for r in rows {
        problem.add_constraint(r);
    }
    // good_lp keeps its own options until its `solve`; the model is taken out here to read
    // the proven gap, so every option is set on the HiGHS model itself.
    let mut model = problem
        .try_into_inner()
        .map_err(|e| SolveError::Solver(e.to_string()))?;
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
        // With a good start HiGHS fixes columns by reduced cost and restarts its root
        // again and again, each time losing its cuts (large: 9 s instead of 2).
        if std::env::var_os("NT2_RESTART").is_none() {
            option(&mut model, "mip_allow_restart", false)?;
        }
        model
            .try_set_solution(Some(start), None, None, None)
            .map_err(|e| SolveError::Solver(format!("HiGHS start: {e:?}")))?;
    }
    if let Some(t) = settings.time_limit {
        // The limit counts from the call: setting the model up took part of it already.
        let left = t - started.elapsed().as_secs_f64();
        option(&mut model, "time_limit", left.max(0.01))?;
    }
    let solved = model
        .try_solve()
        .map_err(|e| SolveError::Solver(format!("HiGHS: {e:?}")))?;
    let status = solved.status();
    let has_solution = solved.primal_solution_status() == HighsSolutionStatus::Feasible;
    let gap = solved.mip_gap();
    let gap = gap.is_finite().then_some(gap);
    let bound = solved
        .double_info_value(c"mip_dual_bound")
        .ok()
        .filter(|b| b.is_finite())
        // good_lp hands HiGHS the objective without its constant.
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
        gap,
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
