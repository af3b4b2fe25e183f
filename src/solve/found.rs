//! A schedule found: decoded from a program's values, judged by the checker, and what it
//! costs (counted from the schedule, never read from the solver).

use super::{SolveError, dates, decode, observe};
use crate::check::{self, CheckReport};
use crate::domain::{Instance, RuleSet, Schedule};
use crate::model::Model;

/// A schedule found, checked, and what it costs.
pub(super) struct Found {
    pub schedule: Schedule,
    pub report: CheckReport,
    pub cost: f64,
}

/// Whether a schedule costing `cost` is proven optimal by `bound`. With whole-number
/// weights every schedule costs a whole number, so a bound above `cost - 1` proves it.
pub(super) fn proves(cost: f64, bound: f64, whole: bool) -> bool {
    if whole {
        bound > cost - 1.0 + 1e-6
    } else {
        cost - bound <= 1e-9 * cost.abs().max(1.0)
    }
}

/// The relative gap between a schedule's cost and a bound, as solvers state it.
pub(super) fn relative_gap(cost: f64, bound: f64) -> f64 {
    ((cost - bound) / cost.abs().max(1e-9)).max(0.0)
}

/// Whether every weight is a whole number (then so is every schedule's cost).
pub(super) fn whole_weights(instance: &Instance) -> bool {
    instance
        .school
        .weights
        .all()
        .iter()
        .all(|x| x.fract() == 0.0)
}

/// The schedule of `values` with the dates placed, checked by the independent checker.
pub(super) fn found(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    values: &[f64],
    dated: &dates::Dated,
) -> Result<Found, SolveError> {
    let schedule = decode::schedule(instance, model, values, dated);
    judged(instance, rules, schedule)
}

/// `schedule` with its observation lessons planned, judged by the checker; a schedule the
/// checker rejects is an error (a defect of nt2plan), never a result.
pub(super) fn judged(
    instance: &Instance,
    rules: &RuleSet,
    mut schedule: Schedule,
) -> Result<Found, SolveError> {
    schedule.observations = observe::plan(instance, &schedule);
    let report = check::check(instance, rules, &schedule)?;
    if !report.compliant {
        return Err(SolveError::CheckerRejected(Box::new(report)));
    }
    let cost = check::cost(instance, rules, &schedule).total;
    Ok(Found {
        schedule,
        report,
        cost,
    })
}
