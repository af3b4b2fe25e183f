//! The plan that breaks the norms least, when no schedule meets them all.
//!
//! # Least, lexicographically
//! 1. lessons of groups that must run that nobody gives (each written without a teacher,
//!    with its date: the planner must find a substitute);
//! 2. certified lessons missing in courses (1.7.1b; with the default of one per course, the
//!    courses without a certified lesson);
//! 3. certified lessons missing for the certified floor (1.7.1a), over the lessons given;
//! 4. mentor places missing (under rule sets that require supervision);
//! 5. the usual objective.
//!
//! Group maxima and every teacher's and student's hard rules are never broken: a student
//! who does not fit stays without a place (the usual objective counts them).
//!
//! # Exact: one level at a time
//! The program is the usual one made lenient (`model::shortfall`). Level k is solved to
//! proven optimality (gap 0) with the sums of the levels before it held at their optima;
//! the last level, the usual objective, within `--gap`. No weights need to be "large
//! enough": each level is its own solve. Every row of the lenient class program is a sum of
//! rows of the lenient per-lesson program, as in the usual one, so its level optima are
//! lower bounds for every plan of the exact problem, level by level. The plan's dates are
//! placed keeping every count (`dates::place`); where that fails, the classes become
//! single lessons and all levels are solved again (the per-lesson program in the end). The
//! plan written then has the counts of the program's optimum, and its shortfall, counted by
//! the checker, is that optimum: no plan misses the norms less. A level cut off by the time
//! limit leaves `proven` false.

use super::{Deadline, Settings, SolveError, Termination, backend, dates, decode, observe};
use crate::check::{self, CheckReport, FindingSeverity};
use crate::diag::Code;
use crate::domain::{Instance, RuleSet, Schedule};
use crate::model::shortfall::{self, StandIns};
use crate::model::{self, Cmp, Family, Mip, Model, Subject};
pub use crate::outcome::best_effort::BestEffort;
use crate::outcome::diagnosis::Said;
use std::time::Instant;

/// The findings a best-effort plan may have: those of the four levels. Any other violation
/// is a defect of nt2plan, and the plan is not written.
const MAY_MISS: [Code; 4] = [
    Code::LessonMissing,
    Code::CourseWithoutCertified,
    Code::ShareBelowMinimum,
    Code::MentorMissing,
];

/// A best-effort plan: the schedule, the checker's report on it, and how it was found.
#[derive(Clone, Debug)]
pub struct Planned {
    pub schedule: Schedule,
    pub report: CheckReport,
    pub best_effort: BestEffort,
}

/// The plan that breaks the norms least, or `None` when even the lenient program has no
/// solution (a group's `min_size` out of reach, a pinned group too full) or none was found
/// by the time limit.
pub fn plan(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Option<Planned>, SolveError> {
    plan_from(instance, rules, settings, None)
}

/// [`plan`], starting from `start`, a plan of a school like this one (the school's own plan
/// for a change that only widens it), where it is a plan of this one's program: each level
/// it already meets with the least that level can have (nothing, or a proven floor) is then
/// not solved. The plan found is the same kind of optimum either way.
pub fn plan_from(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    start: Option<&Schedule>,
) -> Result<Option<Planned>, SolveError> {
    let deadline = Deadline::after(Instant::now(), settings.time_limit);
    let school = instance.in_id_order();
    let stand_ins = shortfall::with_stand_ins(&school);
    let mut refinement = model::Refinement::default();
    let mut refinements = 0;
    loop {
        let mut model = model::build(
            &stand_ins.instance,
            rules,
            settings.formulation,
            &refinement,
        );
        let floors = floors(&stand_ins.instance, rules, &model);
        let levels = shortfall::run(&stand_ins, rules, &mut model);
        let begin = start.and_then(|s| shortfall::start(&stand_ins, rules, &model, &levels, s));
        let Some((values, proven)) =
            solve_levels(&model, &levels, (floors, begin), settings, deadline)?
        else {
            return Ok(None);
        };
        let counts = model.counts(&values);
        match dates::place(
            &stand_ins.instance,
            &model,
            &counts,
            &model.room_counts(&values),
            settings,
            deadline,
        )? {
            dates::Placed::Done(dated) => {
                let schedule = decode::schedule(&stand_ins.instance, &model, &values, &dated);
                let planned = judged(&school, rules, &stand_ins, schedule, proven, refinements)?;
                return Ok(Some(planned));
            }
            dates::Placed::Split(classes) => {
                if deadline.passed() {
                    return Ok(None);
                }
                for c in classes {
                    let class = &model.classes[c];
                    for d in &class.dates {
                        refinement
                            .alone
                            .insert((class.group, class.slot.clone(), *d));
                    }
                }
                refinements += 1;
            }
        }
    }
}

/// The levels one after the other, then the usual objective: the values of the last solve
/// and whether every solve was proven (the levels optimal, the last within the gap).
fn solve_levels(
    model: &Model,
    levels: &shortfall::Levels,
    (floors, mut start): ([f64; 4], Option<Vec<f64>>),
    settings: &Settings,
    deadline: Deadline,
) -> Result<Option<(Vec<f64>, bool)>, SolveError> {
    let exact = Settings {
        gap: 0.0,
        progress: None,
        ..settings.clone()
    };
    // Microlp may start from the last level's values (they meet every row added since);
    // HiGHS searches from none (see `run.rs`).
    let use_start = settings.backend == super::Backend::Microlp;
    let mut given = start.is_some();
    let mut held = model.mip.clone();
    let mut proven = true;
    // More than any level's least sum at any point: lessons nobody gives and the floor's
    // shortfall are at most the lessons, the courses short of certified lessons at most
    // their variables' bounds, the teachers without a mentor place fewer than the variables.
    let lessons: f64 = model.classes.iter().map(|c| f64::from(c.lessons())).sum();
    let bounded: f64 = levels
        .vars
        .iter()
        .flatten()
        .map(|&v| model.mip.vars[v].upper)
        .filter(|u| u.is_finite())
        .sum();
    let most = lessons + bounded + model.mip.vars.len() as f64;
    for (k, vars) in levels.vars.iter().enumerate() {
        if vars.is_empty() {
            continue;
        }
        // The last level's values (or the start) meet every row held so far: where they miss no
        // more at this level than every plan must (nothing, or the floor a capacity bound
        // proves), they are its optimum, proven.
        if let Some(values) = &start
            && vars.iter().map(|&v| values[v]).sum::<f64>() < floors[k] + 0.5
        {
            hold(&mut held, k, vars, floors[k]);
            continue;
        }
        let mut mip = held.clone();
        for v in &mut mip.vars {
            v.cost = 0.0;
        }
        mip.objective_constant = 0.0;
        for &v in vars {
            mip.vars[v].cost = 1.0;
        }
        // The next level weighs less than one unit of this one in all (its least sum at any
        // point is below `most`): this level's optimum stays exactly what it was, and among
        // its optima one that misses least at the next level is taken, so that the next
        // solve is often not needed (above). On the medium school short of certified
        // teachers, the floor's level is then never solved.
        if let Some(next) = levels.vars[k + 1..].iter().find(|v| !v.is_empty()) {
            for &v in next {
                mip.vars[v].cost = 1.0 / (most + 1.0);
            }
        }
        let raw = backend::run(
            &mip,
            &exact,
            deadline,
            start.as_deref().filter(|_| use_start),
        )?;
        if raw.values.is_empty() {
            return Ok(None);
        }
        proven &= matches!(
            raw.termination,
            Termination::Optimal | Termination::GapReached
        );
        // Whole numbers at the optimum: the sum is held at it, a zero sum by the bounds.
        let least = vars.iter().map(|&v| raw.values[v]).sum::<f64>().round();
        hold(&mut held, k, vars, least);
        start = Some(raw.values);
        given = false;
    }
    // A start given (another school's plan) is not the last level's: within the gap of it
    // the solve would stop at once, and a change would be measured by the share of the
    // school's own plan (on medium short of certified teachers, a vacancy at 80.1% where a
    // plan of 83.3% exists). It serves the levels' shortcuts only.
    let raw = backend::run(
        &held,
        settings,
        deadline,
        start.as_deref().filter(|_| use_start && !given),
    )?;
    if raw.values.is_empty() {
        return Ok(None);
    }
    proven &= matches!(
        raw.termination,
        Termination::Optimal | Termination::GapReached
    );
    Ok(Some((raw.values, proven)))
}

/// What every plan misses at least, per level, by the capacity bounds that are proofs
/// (`diagnose::proofs` of the lenient program, where the stand-ins give every lesson, so
/// only 1.7.1b's remain): a course no certified teacher can reach misses what it requires
/// beyond what is possible.
fn floors(instance: &Instance, rules: &RuleSet, model: &Model) -> [f64; 4] {
    let mut floors = [0.0; 4];
    for r in super::diagnose::proofs(instance, rules, model) {
        if let Said::NoCertifiedTeacher {
            possible, required, ..
        } = r.said
        {
            floors[1] += f64::from(required.saturating_sub(possible));
        }
    }
    floors
}

/// Holds the sum of a level's variables at most at `least`.
fn hold(mip: &mut Mip, level: usize, vars: &[usize], least: f64) {
    if least <= 0.0 {
        for &v in vars {
            mip.vars[v].upper = 0.0;
        }
        return;
    }
    mip.row(
        format!("level_{}_held", level + 1),
        Family::Definition,
        Subject::School,
        vars.iter().map(|&v| (v, 1.0)).collect(),
        Cmp::Le,
        least,
    );
}

/// The stand-ins' lessons written without a teacher, the mentors matched to the teachers who
/// really teach, observation lessons planned, and the checker's verdict; any violation
/// outside the four levels is a defect.
fn judged(
    school: &Instance,
    rules: &RuleSet,
    stand_ins: &StandIns,
    mut schedule: Schedule,
    proven: bool,
    refinements: u32,
) -> Result<Planned, SolveError> {
    for row in &mut schedule.timetable {
        if row.teacher.as_ref().is_some_and(|id| {
            stand_ins.instance.teachers[stand_ins.first..]
                .iter()
                .any(|t| &t.id == id)
        }) {
            row.teacher = None;
        }
    }
    schedule.mentoring = decode::mentors(school, &schedule.timetable);
    schedule.observations = observe::plan(school, &schedule);
    let report = check::check(school, rules, &schedule)?;
    let foreign = report
        .findings
        .iter()
        .any(|f| f.severity() == FindingSeverity::Violation && !MAY_MISS.contains(&f.code()));
    if foreign {
        return Err(SolveError::CheckerRejected(Box::new(report)));
    }
    let objective = check::cost(school, rules, &schedule).total;
    let best_effort = BestEffort {
        shortfall: report.shortfall(),
        objective,
        proven,
        refinements,
    };
    Ok(Planned {
        schedule,
        report,
        best_effort,
    })
}

#[cfg(test)]
mod tests;
