//! One solve, start to end: a first schedule from the restriction, then the program (a
//! relaxation of the exact problem) asked for anything cheaper, refined until its dates can
//! be placed; the status from the schedule's own cost against the best proven bound.
//!
//! The restriction (`Formulation::Segment`: every class given whole) finds a schedule of the
//! exact problem fast; the program starts from it (`model::values_of`) and needs only to beat
//! it or prove that nothing does. Without a first schedule (a school that needs a certified
//! teacher to rotate has none whole) the program runs alone.

use super::Incumbent;
use super::found::{Found, found, judged, proves, relative_gap, whole_weights};
use super::{
    Deadline, Settings, SolveError, Solved, Status, Termination, backend, bound, construct, dates,
    diagnose, search,
};
use crate::domain::{Instance, RuleSet};
use crate::model::{self, Formulation, Model};
use std::borrow::Cow;
use std::time::{Duration, Instant};

/// A schedule of the exact problem found fast, or none: the constructive schedule
/// ([`construct`]), and unless `alone` or the constructive schedule's cost is `enough`
/// (within the gap of a bound already known), the restriction in which every class is
/// given whole (`Formulation::Segment`, in a third of the time left) when it costs less.
/// Not begun once the deadline has passed.
pub(super) fn first_schedule(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    deadline: Deadline,
    (alone, enough): (bool, &dyn Fn(f64) -> bool),
    began: Instant,
) -> Result<Option<Found>, SolveError> {
    if deadline.passed() {
        return Ok(None);
    }
    // It does not look at the clock: it answers within a third of the time left (0.05 s on
    // large, 0.5 s on xl) or is abandoned.
    let (i, r, seed) = (instance.clone(), rules.clone(), settings.seed);
    let built = match deadline
        .share(1.0 / 3.0)
        .run(move || construct::construct(&i, &r, seed))
    {
        Some(Ok(schedule)) => Some(judged(instance, rules, schedule)?),
        Some(Err(stuck)) => {
            if settings.verbose {
                eprintln!("no constructive schedule: {stuck}");
            }
            None
        }
        None => None,
    };
    if settings.verbose {
        if let Some(b) = &built {
            eprintln!(
                "{:.2} s: a constructive schedule costs {}",
                began.elapsed().as_secs_f64(),
                b.cost
            );
        }
    }
    let done = built.as_ref().is_some_and(|b| alone || enough(b.cost));
    if done || deadline.passed() {
        return Ok(built);
    }
    let restricted = model::build(
        instance,
        rules,
        Formulation::Segment,
        &model::Refinement::default(),
    );
    // Its objective is the restriction's, not a schedule's cost: no progress is told of it.
    let raw = backend::run(
        &restricted.mip,
        &settings.quiet(),
        deadline.share(1.0 / 3.0),
        None,
    )?;
    if raw.values.is_empty() {
        return Ok(built);
    }
    let counts = restricted.counts(&raw.values);
    let whole = match dates::place(
        instance,
        &restricted,
        &counts,
        &restricted.room_counts(&raw.values),
        settings,
        deadline,
    )? {
        dates::Placed::Done(dated) => {
            Some(found(instance, rules, &restricted, &raw.values, &dated)?)
        }
        dates::Placed::Split(_) => None,
    };
    if settings.verbose {
        if let Some(w) = &whole {
            eprintln!(
                "{:.2} s: a first schedule (classes given whole) costs {}",
                began.elapsed().as_secs_f64(),
                w.cost
            );
        }
    }
    Ok(match (built, whole) {
        (Some(b), Some(w)) => Some(if w.cost < b.cost { w } else { b }),
        (b, w) => b.or(w),
    })
}

pub(super) fn solved_from(
    model: &Model,
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    deadline: Deadline,
) -> Result<Solved, SolveError> {
    let solving = Instant::now();
    let whole = whole_weights(instance);
    let mut solved = Solved {
        status: Status::NoScheduleInTime,
        backend: settings.backend,
        stats: model.stats(),
        build_time: Duration::ZERO,
        solve_time: Duration::ZERO,
        objective: None,
        bound: None,
        refinements: 0,
        search: None,
        schedule: None,
    };
    // A capacity bound that is a proof on its own (`diagnose::proofs`): no schedule to look for.
    // On the medium school short of certified teachers, most options are measured so.
    let proofs = diagnose::proofs(instance, rules, model);
    if !proofs.is_empty() {
        solved.status = infeasible(instance, rules, model, settings, deadline, proofs);
        solved.solve_time = solving.elapsed();
        return Ok(solved);
    }
    let mut best: Option<Found> = None;
    let mut stopped = false;
    // A bound without a solver (`bound`: flows over relaxations of the exact problem): the
    // gap of a school too big for the program's own bound in time (microlp on xl).
    if !model.formulation.whole() {
        let (i, r) = (instance.clone(), rules.clone());
        // Within a tenth of the time (0.2 s on xl) or abandoned: it has no clock of its own.
        let b = deadline
            .share(0.1)
            .run(move || bound::lower_bound(&i, &r).total);
        if settings.verbose {
            eprintln!(
                "{:.2} s: a bound without the program: {b:?}",
                solving.elapsed().as_secs_f64()
            );
        }
        solved.bound = b.filter(|t| t.is_finite());
    }
    let searching = model.formulation == Formulation::Class
        && settings
            .search
            .searches(model.mip.vars.len(), settings.backend);
    // A first schedule: for microlp, which has no heuristics of its own, the start of the
    // program (large: 1.9 s instead of 8); for the search, its start; where the classes
    // could not be lined up (the program is the small one and may need rounds of
    // refinement), the schedule written if the program finds none in time. HiGHS finds its
    // own first schedules and proves fastest without one (large: 4.8 s instead of 11.7).
    if model.formulation == Formulation::Class
        && (!model.lined_up || settings.backend == super::Backend::Microlp || searching)
    {
        // A constructive schedule the bound proves within the gap needs no restriction
        // (xl with rooms: 0.20% above the bound at 3.5 s, where the restriction took 20 s).
        let enough = within_gap(solved.bound, whole, settings.gap);
        best = first_schedule(
            instance,
            rules,
            settings,
            deadline,
            (searching, &enough),
            solving,
        )?;
        if let (Some(first), Some(sink)) = (&best, &settings.progress) {
            sink.report(&Incumbent {
                objective: first.cost,
                bound: solved.bound,
                gap: solved.bound.map(|b| relative_gap(first.cost, b)),
                found_by: Some(super::FoundBy::FirstSchedule),
            });
        }
    }
    // `take` only when searching: the program starts from the first schedule otherwise.
    if let Some(first) = best.take_if(|_| searching) {
        let search = search::Search {
            instance,
            rules,
            model,
            settings,
            bound: solved.bound,
            whole,
            smallest: search::SMALLEST,
            since: solving,
        };
        // Alone when the program is too big to solve in time, else beside it: half the time.
        let big = super::SearchMode::Auto.searches(model.mip.vars.len(), settings.backend);
        let until = if big { deadline } else { deadline.share(0.5) };
        let (improved, searched) = search.run(first, until)?;
        if settings.verbose {
            eprintln!(
                "{:.2} s: the search ended after {} neighbourhoods, {} better, at {}",
                solving.elapsed().as_secs_f64(),
                searched.rounds,
                searched.improvements,
                improved.cost
            );
        }
        best = Some(improved);
        solved.search = Some(searched);
    }
    // The program is not needed when the bound already proves the first schedule within the
    // gap, nor begun after the deadline (the search may have used all of it).
    let close_enough = within_gap(solved.bound, whole, settings.gap);
    let skip = best.as_ref().is_some_and(|b| close_enough(b.cost));
    stopped |= !skip && best.is_some() && deadline.passed();
    let mut model = Cow::Borrowed(model);
    let mut refinement = model.refinement.clone();
    while !(skip || (best.is_some() && deadline.passed())) {
        // HiGHS 1.16 started from a schedule has been seen to report an optimum below it
        // (1055 on a tiny school whose optimum is 1135) and return the start's values
        // unchanged: its claims would then not be those of the schedule. It searches from
        // none; the first schedule stays the fallback if the program finds nothing in time.
        let start = best
            .as_ref()
            .filter(|_| settings.backend == super::Backend::Microlp)
            .map(|b| model::values_of(instance, rules, &model, &b.schedule));
        let raw = backend::run(&model.mip, settings, deadline, start.as_deref())?;
        if settings.verbose {
            eprintln!(
                "{:.2} s: the program ({} classes{}) ended {:?}, bound {:?}",
                solving.elapsed().as_secs_f64(),
                model.classes.len(),
                if model.lined_up { ", lined up" } else { "" },
                raw.termination,
                raw.bound
            );
        }
        if let Some(b) = raw.bound {
            solved.bound = Some(solved.bound.map_or(b, |o| o.max(b)));
        }
        match raw.termination {
            Termination::Infeasible => {
                // The diagnosis shares the deadline: it gets what is left.
                solved.status = infeasible(instance, rules, &model, settings, deadline, Vec::new());
                solved.solve_time = solving.elapsed();
                return Ok(solved);
            }
            Termination::NoSolution => {
                stopped = true;
                break;
            }
            Termination::TimeLimit => stopped = true,
            Termination::Optimal | Termination::GapReached => {}
        }
        if raw.bound.is_none() && raw.termination == Termination::Optimal {
            let b = model.mip.objective(&raw.values);
            solved.bound = Some(solved.bound.map_or(b, |o| o.max(b)));
        }
        let counts = model.counts(&raw.values);
        match dates::place(
            instance,
            &model,
            &counts,
            &model.room_counts(&raw.values),
            settings,
            deadline,
        )? {
            dates::Placed::Done(dated) => {
                let f = found(instance, rules, &model, &raw.values, &dated)?;
                if best.as_ref().is_none_or(|b| f.cost < b.cost) {
                    best = Some(f);
                }
                // A group given two rooms of a pool costs more than the pooled program
                // counted: its optimum may not be the per-room problem's. The per-room
                // program decides (large with rooms: never needed).
                let apart = instance.school.weights.room_change > 0.0
                    && dates::split_in_pool(&model, &dated.rooms);
                if !apart || deadline.passed() {
                    stopped |= apart;
                    break;
                }
                if settings.verbose {
                    eprintln!("a group needs two rooms of a pool: the rooms apart");
                }
                refinement.distinct_rooms = true;
                model = Cow::Owned(refined(instance, rules, &model, &refinement, &mut solved));
            }
            dates::Placed::Split(classes) => {
                if deadline.passed() {
                    stopped = true;
                    break;
                }
                for c in classes {
                    let class = &model.classes[c];
                    for d in &class.dates {
                        refinement
                            .alone
                            .insert((class.group, class.slot.clone(), *d));
                    }
                }
                model = Cow::Owned(refined(instance, rules, &model, &refinement, &mut solved));
            }
        }
    }
    solved.solve_time = solving.elapsed();
    let Some(best) = best else {
        return Ok(solved);
    };
    // A restriction's bound says nothing about the exact problem.
    if model.formulation.whole() {
        solved.bound = None;
    }
    let bound = solved.bound.map(|b| b.min(best.cost));
    let gap = bound.map(|b| relative_gap(best.cost, b));
    solved.status = if bound.is_some_and(|b| proves(best.cost, b, whole)) {
        Status::Optimal
    } else if stopped {
        Status::TimeLimit { gap }
    } else {
        Status::Feasible { gap }
    };
    solved.objective = Some(best.cost);
    solved.bound = bound;
    solved.schedule = Some((best.schedule, best.report));
    Ok(solved)
}

/// Infeasible, with the diagnosis when asked for (it gets what is left of the deadline),
/// else with the capacity bounds that proved it (`proofs`, none when the program did).
fn infeasible(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    settings: &Settings,
    deadline: Deadline,
    proofs: Vec<diagnose::Reason>,
) -> Status {
    Status::Infeasible {
        diagnosis: if settings.diagnose {
            diagnose::diagnose(instance, rules, model, settings, deadline)
        } else {
            diagnose::Diagnosis {
                bounds: proofs,
                ..Default::default()
            }
        },
    }
}

/// The program built again under a finer `refinement` (classes split, or rooms apart): one
/// more round counted, the statistics those of the new program.
fn refined(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    refinement: &model::Refinement,
    solved: &mut Solved,
) -> Model {
    let rebuilt = model::build(instance, rules, model.formulation, refinement);
    solved.refinements += 1;
    solved.stats = rebuilt.stats();
    rebuilt
}

/// Whether a schedule's cost is proven optimal or within `gap` of `bound` (never without
/// a bound).
fn within_gap(bound: Option<f64>, whole: bool, gap: f64) -> impl Fn(f64) -> bool {
    move |cost| bound.is_some_and(|b| proves(cost, b, whole) || relative_gap(cost, b) <= gap)
}
