//! Whether the locks of `locks.csv` are what leaves no schedule: the relaxation of the
//! program without them, and without each of them on its own, finds nothing that must give
//! way. The other reasons of a diagnosis are computed with the locks (a lock narrows who may
//! give a lesson, as a day away does), so a lock that takes the only certified teacher from
//! a course shows there as "no certified teacher can teach"; this names the lock.

use super::{Fact, Reason, Rule, Said, reason, relax};
use crate::domain::{CourseCode, Instance, RuleSet};
use crate::model::{self, Formulation, Refinement};
use crate::solve::{Deadline, Settings};

/// Locks looked at one by one at most; beyond that only all of them together.
const ONE_BY_ONE: usize = 8;

pub(super) fn reasons(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    deadline: Deadline,
) -> Vec<Reason> {
    if instance.locks.is_empty() {
        return Vec::new();
    }
    let feasible_without = |keep: &dyn Fn(usize) -> bool, deadline: Deadline| {
        let mut i = instance.clone();
        i.locks = (0..instance.locks.len())
            .filter(|&k| keep(k))
            .map(|k| instance.locks[k].clone())
            .collect();
        let m = model::build(&i, rules, Formulation::Class, &Refinement::default());
        relax::relaxation(&i, rules, &m, settings, deadline).0 == Some(0.0)
    };
    if !feasible_without(&|_| false, deadline.share(0.5)) {
        return Vec::new();
    }
    let n = instance.locks.len();
    let mut out = vec![reason(Rule::Locks, Said::Locks { count: n }, Vec::new())];
    if n <= ONE_BY_ONE {
        let each = deadline.share(0.5);
        for (k, lock) in instance.locks.iter().enumerate() {
            if feasible_without(&|j| j != k, each.share(1.0 / (n - k) as f64)) {
                let group = instance.group(&CourseCode::new(lock.course_code.as_str()));
                let mut fact = group.map_or_else(Fact::default, Fact::group);
                fact.teacher = Some(lock.teacher.clone());
                if let Some(s) = &lock.slot {
                    fact = fact.slot(s);
                }
                if let Some(d) = lock.date {
                    fact = fact.dates(&[d]);
                }
                out.push(reason(
                    Rule::Locks,
                    Said::OneLock {
                        lock: lock.to_string(),
                    },
                    vec![fact.amount(1.0)],
                ));
            }
        }
    }
    out
}
