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

use super::{Deadline, Settings, SolveError, construct, dates, decode, observe};
use crate::check::{self, CheckReport, FindingSeverity};
use crate::diag::Code;
use crate::domain::{Instance, RuleSet, Schedule};
use crate::model::shortfall::{self, StandIns};
use crate::model::{self, Model};
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
/// not solved. The plan found is the same kind of optimum either way. Without `start`, the
/// levels start from this school's own plan built without a solver (`construct::lenient`),
/// where it has one.
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
    // Without a plan of another school to start from, this school's own constructive plan.
    let given = start.is_some();
    let own = if given {
        None
    } else {
        lenient_start(&school, rules, settings, deadline)
    };
    loop {
        let mut model = model::build(
            &stand_ins.instance,
            rules,
            settings.formulation,
            &refinement,
        );
        let floors = floors(&stand_ins.instance, rules, &model);
        let levels = shortfall::run(&stand_ins, rules, &mut model);
        let begin = start
            .or(own.as_ref())
            .and_then(|s| shortfall::start(&stand_ins, rules, &model, &levels, s));
        let Some(levels::Solved {
            values,
            proven,
            dated,
        }) = levels::solve_levels(
            (&stand_ins.instance, rules, &model),
            &levels,
            (floors, begin, given),
            settings,
            deadline,
        )?
        else {
            return Ok(None);
        };
        let counts = model.counts(&values);
        // Values the search found come with their dates (placed when it took them: the
        // deadline may have passed since).
        let placed = match dated {
            Some(dated) => dates::Placed::Done(dated),
            None => dates::place(
                &stand_ins.instance,
                &model,
                &counts,
                &model.room_counts(&values),
                settings,
                deadline,
            )?,
        };
        match placed {
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

/// This school's plan built without a solver (`construct::lenient`), or `None` when it gets
/// stuck (a lesson of a group that must run finds no teacher) or takes more than a tenth of
/// the time: it has no clock of its own (large: 0.1 s).
fn lenient_start(
    school: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    deadline: Deadline,
) -> Option<Schedule> {
    let (i, r, seed) = (school.clone(), rules.clone(), settings.seed);
    let built = deadline
        .share(0.1)
        .run(move || construct::lenient(&i, &r, seed));
    if settings.verbose {
        match &built {
            Some(Ok(_)) => eprintln!("best effort: a constructive plan to start from"),
            Some(Err(stuck)) => eprintln!("best effort: no constructive plan: {stuck}"),
            None => eprintln!("best effort: no constructive plan in time"),
        }
    }
    built.and_then(Result::ok)
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

mod levels;
#[cfg(test)]
mod tests;
