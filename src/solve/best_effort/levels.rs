//! The levels of the best-effort program solved one after the other, each to proof with
//! the sums of the levels before it held, then the usual objective within the gap.

use super::super::backend::{self, Raw};
use super::super::dates::Dated;
use super::super::found::{proves, relative_gap, whole_weights};
use super::super::search::{self, Search};
use super::super::{Deadline, Settings, SolveError, Termination};
use crate::domain::{Instance, RuleSet};
use crate::model::shortfall;
use crate::model::{Cmp, Family, Mip, Model, Subject};
use std::time::Instant;

/// The share of the time left that the usual objective is solved in from the school's own
/// plan before the search takes over (when the program proves nothing by then).
const FIRST_SHARE: f64 = 0.1;

/// The same from no start, where a plan of another school was given (the options: a
/// change measured from the school's plan).
const GIVEN_SHARE: f64 = 0.5;

/// What the levels came to: the values of the last solve, whether every solve was proven
/// (the levels optimal, the last within the gap), and the dates where the search placed them.
pub(super) struct Solved {
    pub values: Vec<f64>,
    pub proven: bool,
    pub dated: Option<Dated>,
}

/// The levels one after the other, then the usual objective.
pub(super) fn solve_levels(
    (instance, rules, model): (&Instance, &RuleSet, &Model),
    levels: &shortfall::Levels,
    (floors, mut start, mut given): ([f64; 4], Option<Vec<f64>>, bool),
    settings: &Settings,
    deadline: Deadline,
) -> Result<Option<Solved>, SolveError> {
    let exact = Settings {
        gap: 0.0,
        progress: None,
        ..settings.clone()
    };
    // Microlp may start from the last level's values (they meet every row added since);
    // HiGHS searches from none (see `run.rs`).
    let use_start = settings.backend == super::super::Backend::Microlp;
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
        if settings.verbose
            && let Some(values) = &start
        {
            eprintln!(
                "best effort: level {}: the start misses {}, at least {} must",
                k + 1,
                vars.iter().map(|&v| values[v]).sum::<f64>(),
                floors[k]
            );
        }
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
        let began = Instant::now();
        // First with no more students left out than in this school's own start: where that
        // reaches the level's proven least, no plan misses less, and the values keep those
        // students placed for the levels after it (large short of certified teachers with
        // microlp: level 3 alone left 210 of 1800 students out, this way 131 as the start
        // does, and the usual objective never improved on either within the time limit).
        let kept = match start.as_deref().filter(|_| use_start && !given) {
            Some(values) => {
                let raw = backend::run(
                    &placing_as_many(model, &mip, values),
                    &exact,
                    deadline.share(0.5),
                    Some(values),
                )?;
                let sum: f64 = vars
                    .iter()
                    .map(|&v| raw.values.get(v).copied().unwrap_or(0.0))
                    .sum();
                if settings.verbose {
                    eprintln!(
                        "best effort: level {} placing as many students as the start: {:?}, {sum}",
                        k + 1,
                        raw.termination
                    );
                }
                (!raw.values.is_empty() && sum < floors[k] + 0.5).then_some(raw)
            }
            None => None,
        };
        let raw = match kept {
            Some(raw) => Raw {
                termination: Termination::Optimal,
                ..raw
            },
            None => backend::run(
                &mip,
                &exact,
                deadline,
                start.as_deref().filter(|_| use_start),
            )?,
        };
        if settings.verbose {
            eprintln!(
                "best effort: level {} solved in {:.2} s ({:?}): {}",
                k + 1,
                began.elapsed().as_secs_f64(),
                raw.termination,
                vars.iter()
                    .map(|&v| raw.values.get(v).copied().unwrap_or(0.0))
                    .sum::<f64>()
            );
        }
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
    // plan of 83.3% exists). It serves the levels' shortcuts, and the search where the
    // program from none proves nothing in half the time. Nor does the last level
    // start from the changed school's own constructive plan then: tried, on that school,
    // the options took as long (1.87 s against 1.57-1.96 s) and one change was measured one
    // certified lesson lower, within the gap.
    let began = Instant::now();
    let from = start.as_deref().filter(|_| use_start && !given);
    // From the school's own plan, the program first has a tenth of the time (from none,
    // where a plan of another school was given, half); where it proves nothing by then, the
    // search improves the best values known, the given plan's too, until the deadline or a
    // local optimum (large short of certified teachers with microlp: the program alone
    // never improved on its start, 1317663 against a bound of 652517, in 150 s, and found
    // no plan of a change in its 57 s).
    let known = start.as_deref().filter(|_| use_start);
    let searching = known.is_some() && deadline.left().is_some();
    let until = match (searching, given) {
        (false, _) => deadline,
        (true, false) => deadline.share(FIRST_SHARE),
        (true, true) => deadline.share(GIVEN_SHARE),
    };
    let raw = backend::run(&held, settings, until, from)?;
    if settings.verbose {
        eprintln!(
            "best effort: the usual objective solved in {:.2} s ({:?}): {} from {:?}, bound {:?}",
            began.elapsed().as_secs_f64(),
            raw.termination,
            held.objective(&raw.values),
            from.map(|s| held.objective(s)),
            raw.bound
        );
    }
    let by_program = matches!(
        raw.termination,
        Termination::Optimal | Termination::GapReached
    );
    // The program's values where it solved the level (never the given plan then: within the
    // gap of it the level would be measured by another school's plan); else the best known.
    let best = match known {
        Some(s)
            if !by_program
                && (raw.values.is_empty() || held.objective(s) < held.objective(&raw.values)) =>
        {
            Some(s.to_vec())
        }
        _ => (!raw.values.is_empty()).then_some(raw.values),
    };
    let Some(best) = best else {
        return Ok(None);
    };
    // Proven where the solver says so, or where its bound (one of the class program, and so
    // of every plan) is within the gap of the values' cost: with whole weights, less than
    // one unit below it (the highest share's program on large short of certified teachers:
    // 91281 against a bound of 91280.4 after 2.3 s; microlp ran on for its 23 s without it).
    let whole = whole_weights(instance);
    let proved = |values: &[f64]| {
        raw.bound.is_some_and(|b| {
            let cost = held.objective(values);
            proves(cost, b, whole) || relative_gap(cost, b) <= settings.gap
        })
    };
    let solved = by_program || proved(&best);
    if solved || !searching || deadline.passed() {
        return Ok(Some(Solved {
            values: best,
            proven: proven && solved,
            dated: None,
        }));
    }
    let search = Search {
        instance,
        rules,
        model,
        settings,
        bound: raw.bound,
        whole,
        smallest: search::SMALLEST,
        since: began,
    };
    let slacks: Vec<usize> = levels.vars.iter().flatten().copied().collect();
    let ((improved, dated), searched) = search.run_values(&held, &slacks, best, deadline)?;
    if settings.verbose {
        eprintln!(
            "best effort: the search ended after {} neighbourhoods, {} better, at {} ({:.2} s)",
            searched.rounds,
            searched.improvements,
            held.objective(&improved),
            began.elapsed().as_secs_f64()
        );
    }
    let solved = proved(&improved);
    Ok(Some(Solved {
        proven: proven && solved,
        values: improved,
        dated,
    }))
}

/// `mip` with at most as many students without a place as in `values`.
fn placing_as_many(model: &Model, mip: &Mip, values: &[f64]) -> Mip {
    let mut fixed = mip.clone();
    let most: f64 = model.unplaced.iter().map(|&v| values[v]).sum();
    fixed.row(
        "placed_as_the_start".into(),
        Family::Definition,
        Subject::School,
        model.unplaced.iter().map(|&v| (v, 1.0)).collect(),
        Cmp::Le,
        most.round(),
    );
    fixed
}

/// Holds the sum of a level's variables at most at `least`.
pub(super) fn hold(mip: &mut Mip, level: usize, vars: &[usize], least: f64) {
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
