//! The highest reachable certified share: what the school could reach at best, shown beside
//! the share a plan reaches.
//!
//! A second solve without a certified floor and with whole-number weights that put first
//! placing as many students as possible, then as few lessons as possible by non-certified
//! teachers ([`certified_first`]), and nothing else. 1.7.1b and supervision stay; where they
//! cannot hold, the best-effort plan of the same program is taken (it first gives every
//! lesson it can). The share is counted by the checker from that schedule. It is a share
//! *reachable while placing the most students*: a plan that left students out could reach
//! more, and no planner would choose it.
//!
//! The solve is to proven optimality (gap 0): every schedule costs a whole number, so the
//! solver stops as soon as no schedule can miss fewer lessons. Nothing is weighed besides the
//! two counts, since only the share is shown. On `instances/large` with microlp that proves
//! the least in 42 s, where weights with tie-breaks at a relative gap of 1e-4 took 259 s
//! and were exact only to 3 lessons (their total is dominated by the 32 students no group
//! fits).

use super::{Settings, SolveError, best_effort, solve};
use crate::check::ShareValue;
use crate::domain::{Instance, RuleSet, Share, Weights};

/// Weights for the highest reachable certified share of `instance`: a student placed is
/// worth more than every lesson together (one more than the lessons there are), a lesson by
/// a non-certified teacher costs one, and nothing else costs anything.
pub fn certified_first(instance: &Instance) -> Weights {
    Weights {
        unplaced_student: instance.lessons().len() as f64 + 1.0,
        non_certified_lesson: 1.0,
        ..Weights::NONE
    }
}

/// The highest reachable certified share of `instance` under `rules` (the floor set aside),
/// or `None` when no plan was found in time.
pub fn highest_share(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Option<ShareValue>, SolveError> {
    let mut instance = instance.clone();
    instance.school.weights = certified_first(&instance);
    let mut rules = rules.clone();
    rules.min_certified_share = Share(0);
    let settings = Settings {
        gap: 0.0,
        progress: None,
        log_file: None,
        diagnose: false,
        ..settings.clone()
    };
    let solved = solve(&instance, &rules, &settings)?;
    let report = match solved.schedule {
        Some((_, report)) => report,
        None if matches!(solved.status, super::Status::Infeasible { .. }) => {
            match best_effort::plan(&instance, &rules, &settings)? {
                Some(p) => p.report,
                None => return Ok(None),
            }
        }
        None => return Ok(None),
    };
    Ok(Some(report.totals.certified_share))
}

/// `highest`, or `reached` where a written plan reaches more (a solve stopped at its gap may
/// fall just short of it): a plan that reaches it exists.
pub fn at_least(highest: Option<&ShareValue>, reached: &ShareValue) -> ShareValue {
    match highest {
        Some(h)
            if u128::from(h.part) * u128::from(reached.total.max(1))
                >= u128::from(reached.part) * u128::from(h.total.max(1)) =>
        {
            h.clone()
        }
        _ => reached.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::{Fx, handleiding};
    use crate::solve::Backend;

    #[test]
    fn two_groups_at_one_time_with_one_certified_teacher_reach_at_most_half() {
        // G1 and G2 meet on the same five Monday mornings; T1, the only certified teacher,
        // gives one lesson at a time: 5 of the 10 lessons at best, 50%.
        let mut fx = Fx::new();
        fx.teacher("T1", true);
        fx.teacher("T2", false);
        fx.group("G1", "Utrecht", "B1");
        fx.group("G2", "Utrecht", "B1");
        let settings = Settings {
            backend: Backend::Microlp,
            gap: 0.0,
            ..Settings::default()
        };
        let share = highest_share(&fx.instance, &handleiding(), &settings)
            .expect("solves")
            .expect("a plan");
        assert_eq!((share.part, share.total), (5, 10));
        assert_eq!(share.percent, "50.0%");
    }

    #[test]
    fn a_student_placed_comes_before_every_lesson_by_a_non_certified_teacher() {
        // G1 (required) and G2 (optional, ONA) meet on the same five Monday mornings. T1,
        // the only certified teacher, gives one lesson at a time; S1 fits only G2. Leaving
        // S1 out keeps G2 closed: 5 of 5 certified, 100%. Placing S1 opens G2: 10 lessons,
        // T1 gives at most one a Monday, 5 of 10, 50%. One student outweighs all lessons
        // (`certified_first`), so the share reachable while placing the most is 50%.
        let mut fx = Fx::new();
        fx.teacher("T1", true);
        fx.teacher("T2", false);
        fx.group("G1", "Utrecht", "B1");
        fx.group("G2", "Utrecht", "ONA").optional = true;
        fx.student("S1", "ONA");
        let settings = Settings {
            backend: Backend::Microlp,
            ..Settings::default()
        };
        let share = highest_share(&fx.instance, &handleiding(), &settings)
            .expect("solves")
            .expect("a plan");
        assert_eq!((share.part, share.total), (5, 10));
        let weights = certified_first(&fx.instance);
        assert_eq!(weights.unplaced_student, 11.0);
        assert_eq!(weights.non_certified_lesson, 1.0);
        assert_eq!(weights.teacher_per_group, 0.0);
    }
}
