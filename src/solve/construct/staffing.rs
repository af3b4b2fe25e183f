//! The staffing, phase by phase (greedy, 1.7.1b, the 1.7.1a floor, supervision, then
//! improvement), and what happens when a phase gets stuck on a group that must run: an
//! optional group in the way (its lessons held by the teachers the stuck lesson needs, or
//! its non-certified lessons where the floor or the mentor places fall short) is closed,
//! its students placed elsewhere where there is room, and the staffing starts again. A
//! schedule that leaves some students out beats none.

use super::greedy::Greedy;
use super::lessons::Lessons;
use super::place::Placing;
use super::staff::Staff;
use super::{Norms, Stuck, improve, lns, norms};
use crate::domain::{Instance, RuleSet};
use std::collections::BTreeSet;

/// A phase that got stuck, and the optional groups that may be in its way.
struct Failure {
    stuck: Stuck,
    suspects: Vec<usize>,
}

/// Staffs the running groups of `placing`, closing optional groups in the way where a
/// phase gets stuck.
pub(super) fn run<'a>(
    instance: &'a Instance,
    rules: &'a RuleSet,
    lessons: &'a Lessons,
    placing: &mut Placing,
    tie: &[u64],
    mode: Norms,
) -> Result<Staff<'a>, Stuck> {
    let mut missed = Missed::default();
    loop {
        match attempt(instance, rules, lessons, placing, tie, missed) {
            Ok(staff) => return Ok(staff),
            Err(failure) => {
                let victim = failure
                    .suspects
                    .iter()
                    .copied()
                    .filter(|&g| placing.running()[g] && placing.closable(g))
                    .min_by_key(|&g| (placing.size(g), g));
                match victim {
                    Some(g) => placing.close(g),
                    // Leniently, once no optional group is left in the way of a norm, it
                    // may be missed and the staffing starts again (closing groups in the
                    // way of the norms after it still).
                    None if mode == Norms::Approach && missed.admit(&failure.stuck) => {}
                    None => return Err(failure.stuck),
                }
            }
        }
    }
}

/// The global norms a lenient staffing has been allowed to miss, one by one, once no
/// optional group was left to close in their way.
#[derive(Clone, Copy, Debug, Default)]
struct Missed {
    course: bool,
    floor: bool,
    supervision: bool,
}

impl Missed {
    /// Allows missing the norm `stuck` is about; false when it is none (or already allowed).
    fn admit(&mut self, stuck: &Stuck) -> bool {
        let flag = match stuck {
            Stuck::Course { .. } => &mut self.course,
            Stuck::Share { .. } => &mut self.floor,
            Stuck::Supervision { .. } => &mut self.supervision,
            _ => return false,
        };
        !std::mem::replace(flag, true)
    }
}

/// One staffing of the running groups, from scratch.
fn attempt<'a>(
    instance: &'a Instance,
    rules: &'a RuleSet,
    lessons: &'a Lessons,
    placing: &mut Placing,
    tie: &[u64],
    missed: Missed,
) -> Result<Staff<'a>, Failure> {
    let mut staff = Staff::new(instance, rules, lessons, placing.running().to_vec());
    let greedy = Greedy::new(&staff, tie.to_vec());
    loop {
        let holes = greedy.run(&mut staff);
        if holes.is_empty() {
            break;
        }
        for &l in &holes {
            let g = lessons.list[l].group;
            if !staff.running[g] {
                continue;
            }
            if !placing.closable(g) {
                let lesson = &lessons.list[l];
                return Err(Failure {
                    stuck: Stuck::Lesson {
                        course: instance.groups[g].course_code.clone(),
                        date: lesson.date,
                        time: lesson.time,
                    },
                    suspects: in_the_way(&staff, &[l], false),
                });
            }
            staff.stop(g);
            placing.close(g);
        }
    }
    for g in norms::courses(&mut staff) {
        if !placing.closable(g) {
            if missed.course {
                continue;
            }
            return Err(Failure {
                stuck: Stuck::Course {
                    course: instance.groups[g].course_code.clone(),
                    certified: staff.certified_in[g],
                    needed: staff.needs.per_course,
                },
                suspects: in_the_way(&staff, &lessons.of_group[g], true),
            });
        }
        staff.stop(g);
        placing.close(g);
    }
    if !norms::floor(&mut staff) && !missed.floor {
        return Err(Failure {
            stuck: Stuck::Share {
                certified: staff.certified_given,
                lessons: staff.to_give(),
                needed: staff.floor(),
            },
            suspects: taught_by(&staff, |s, t| !s.certified[t]),
        });
    }
    if !norms::supervision(&mut staff) && !missed.supervision {
        return Err(Failure {
            stuck: Stuck::Supervision {
                teachers: staff.mentees,
                places: staff.needs.mentor_places,
            },
            suspects: taught_by(&staff, |s, t| !s.certified[t]),
        });
    }
    // No mark lives across the phases: their changes need not be remembered.
    staff.forget();
    lns::run(&mut staff, &greedy, 3);
    staff.forget();
    improve::run(&mut staff, 3);
    Ok(staff)
}

/// The groups whose lessons keep the candidates of `stuck` (the certified ones, if
/// `certified`) from giving them.
fn in_the_way(staff: &Staff, stuck: &[usize], certified: bool) -> Vec<usize> {
    let mut out = BTreeSet::new();
    for &l in stuck {
        for &t in staff.lessons.candidates(l) {
            if certified && !staff.certified[t] {
                continue;
            }
            for o in staff.in_the_way(t, l) {
                out.insert(staff.lessons.list[o].group);
            }
        }
    }
    out.into_iter().collect()
}

/// The running groups with a lesson by a teacher `which` picks.
fn taught_by(staff: &Staff, which: impl Fn(&Staff, usize) -> bool) -> Vec<usize> {
    (0..staff.instance.groups.len())
        .filter(|&g| staff.running[g])
        .filter(|&g| staff.per_group[g].keys().any(|&t| which(staff, t)))
        .collect()
}
