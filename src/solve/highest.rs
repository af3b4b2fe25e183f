//! The highest reachable certified share: what the school could reach at best, shown beside
//! the share a plan reaches.
//!
//! A second solve without a certified floor and with the weights turned around
//! ([`CERTIFIED_FIRST`]): first place as many students as possible, then give as few
//! lessons as possible to non-certified teachers. 1.7.1b and supervision stay; where they
//! cannot hold, the best-effort plan of the same program is taken (it first gives every
//! lesson it can). The share is counted by the checker from that schedule. It is a share
//! *reachable while placing the most students*: a plan that left students out could reach
//! more, and no planner would choose it.

use super::{Settings, SolveError, best_effort, solve};
use crate::check::ShareValue;
use crate::domain::{Instance, RuleSet, Share, Weights};

/// Weights for the highest reachable certified share: first place as many students as
/// possible, then as few non-certified lessons as possible; the rest only breaks ties.
pub const CERTIFIED_FIRST: Weights = Weights {
    unplaced_student: 100_000.0,
    student_above_standard: 1.0,
    optional_group_opened: 1.0,
    non_certified_lesson: 100.0,
    teacher_per_group: 0.1,
    location_rank: 0.01,
    size_imbalance: 0.0,
    teacher_preference: 0.0,
    room_change: 0.0,
    changed_lesson: 0.0,
    changed_room: 0.0,
    moved_student: 0.0,
};

/// The highest reachable certified share of `instance` under `rules` (the floor set aside),
/// or `None` when no plan was found in time.
pub fn highest_share(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Option<ShareValue>, SolveError> {
    let mut instance = instance.clone();
    instance.school.weights = CERTIFIED_FIRST;
    let mut rules = rules.clone();
    rules.min_certified_share = Share(0);
    let settings = Settings {
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
}
