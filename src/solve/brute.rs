//! A brute-force referee for tiny instances: the cheapest schedule, found by trying them all.
//!
//! The solver decides per *segment* of a weekly series; the norms let every dated lesson go to
//! its own teacher. This module knows nothing of the solver or its program (it imports only
//! `crate::domain` and, to judge what it found, `crate::check`), so where the two disagree on
//! a tiny instance, one of them is wrong and this one is easy to read.
//!
//! # What is enumerated
//! - every set of running groups: a group that is not optional, or an optional one with a
//!   pinned student, always runs; every other optional group runs or stays closed;
//! - for the lessons of the running groups, every eligible teacher of every dated lesson
//!   ([`staffing`]);
//! - for every student, every running group they fit, or no group; a pinned student stays in
//!   their group ([`placements`]);
//! - with a choice of meeting times, all of the above for every combination of one
//!   alternative per group ([`alternatives`]).
//!
//! # Why the two halves may be searched apart
//! Once the set of running groups is fixed, no hard rule and no cost term mentions both a
//! teacher and a student: the staffing rules (one qualified, free teacher per lesson, weekly
//! maxima, 1.7.1a, 1.7.1b, supervision) are about the lessons of the running groups only, and
//! the placement rules (fits, sizes, exception 2, min_size, an optional group runs only with
//! students) are about the students and the running groups only. The objective is the sum of
//! a staffing part (non-certified lessons, teacher-group pairs), a placement part (unplaced
//! students, students above the standard maximum, location ranks) and the optional groups
//! opened, which the set alone fixes. So for every set the cheapest schedule is the cheapest
//! staffing plus the cheapest placement plus the set's opening cost, and the optimum is the
//! least of those over all sets.
//!
//! # The hard rules, as the checker judges them
//! Every lesson of a running group gets exactly one teacher who works at its location, for its
//! profile, in its weekly slot, is not unavailable that date, is allowed by the locks
//! (`locks.csv`), gives no other lesson that
//! overlaps it in time that date, and stays within `max_lessons_per_week` per ISO week; a lesson
//! dated outside the rule set's validity cannot be judged, so it has no eligible teacher.
//! Certified lessons of all lessons meet `min_certified_share` ([`Share::met_by`]); every
//! running group has `min_certified_lessons_per_course` certified lessons; under
//! `mentor_required` the non-certified teachers who teach are at most the total mentor capacity
//! (certified teachers' and external mentors'; any mentor may supervise anyone, so a matching
//! exists exactly then). Sizes: see [`placements`]. A group of a size class the rule set lacks is
//! a violation (C157) whatever the schedule, so such an instance has no optimum.
//!
//! Exhaustive means exponential: this is for instances of about 14 lessons and 6 students.

mod alternatives;
pub mod cases;
mod contract;
mod cost;
mod placements;
pub(crate) mod relaxed;
mod rooms;
mod staffing;
mod tests;
pub(crate) mod tiny;

use crate::check;
use crate::domain::{
    CourseCode, Group, Instance, MentoringRow, Placement, RuleSet, Schedule, SizeLimits, Student,
    TeacherId, TimetableRow,
};
pub use cost::cost_of;
pub(super) use cost::imbalance;
use std::collections::{BTreeMap, BTreeSet};

/// The cheapest schedule that meets every hard rule.
#[derive(Clone, Debug)]
pub struct Best {
    /// The objective (a cost), with the instance's weights.
    pub cost: f64,
    pub schedule: Schedule,
}

/// Whether the searches may cut branches by cost and by norms that can no longer be met.
/// `Off` visits every assignment: the referee of the referee, for the tiniest instances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pruning {
    On,
    Off,
}

/// What every enumeration of the running groups starts from: each group's size limits,
/// each student's pinned group, which groups must run and which are free to open.
pub(super) struct Frame {
    pub limits: Vec<SizeLimits>,
    pub pins: Vec<Option<usize>>,
    pub must_run: Vec<bool>,
    pub free: Vec<usize>,
}

impl Frame {
    /// `None` when a size class is missing or a student is pinned to a course code the
    /// instance lacks (C157): no schedule passes the checker.
    pub(super) fn of(instance: &Instance, rules: &RuleSet) -> Option<Frame> {
        let limits: Vec<SizeLimits> = instance
            .groups
            .iter()
            .map(|g| limits_of(instance, rules, g))
            .collect::<Option<_>>()?;
        let pins: Vec<Option<usize>> = instance
            .students
            .iter()
            .map(|s| s.pinned.as_ref().map(|code| group_index(instance, code)))
            .map(|pin| match pin {
                Some(None) => Err(()), // pinned to a course code the instance lacks: C157
                Some(Some(g)) => Ok(Some(g)),
                None => Ok(None),
            })
            .collect::<Result<_, ()>>()
            .ok()?;
        let must_run: Vec<bool> = instance
            .groups
            .iter()
            .enumerate()
            .map(|(gi, g)| !g.optional || pins.contains(&Some(gi)))
            .collect();
        let free: Vec<usize> = (0..instance.groups.len())
            .filter(|&gi| !must_run[gi])
            .collect();
        Some(Frame {
            limits,
            pins,
            must_run,
            free,
        })
    }
}

/// The optimum of `instance` under `rules`, or `None` when no schedule meets every hard rule.
///
/// Panics if the schedule it finds fails the checker: that is a defect in this referee or in
/// the checker, and a test should stop on it.
pub fn optimum(instance: &Instance, rules: &RuleSet) -> Option<Best> {
    optimum_with(instance, rules, Pruning::On)
}

/// [`optimum`] with the pruning chosen.
pub fn optimum_with(instance: &Instance, rules: &RuleSet, pruning: Pruning) -> Option<Best> {
    if instance.groups.iter().any(Group::has_choice) {
        return alternatives::optimum(instance, rules, pruning);
    }
    let Frame {
        limits,
        pins,
        must_run,
        free,
    } = Frame::of(instance, rules)?;
    let lessons = staffing::lessons(instance, rules);
    let w = instance.school.weights;

    type Rooms = BTreeMap<usize, usize>;
    let mut best: Option<(f64, staffing::Staffing, placements::Placing, Rooms)> = None;
    for mask in 0u32..(1 << free.len()) {
        let mut running = must_run.clone();
        for (k, &gi) in free.iter().enumerate() {
            running[gi] = mask & (1 << k) != 0;
        }
        let Some((placing, room_of)) =
            placing_with_rooms(instance, rules, &limits, &running, &pins, &lessons, pruning)
        else {
            continue;
        };
        let opened = instance
            .groups
            .iter()
            .zip(&running)
            .filter(|(g, run)| g.optional && **run)
            .count();
        let fixed = placing.cost + w.optional_group_opened * opened as f64;
        let limit = best.as_ref().map_or(f64::INFINITY, |b| b.0 - fixed);
        let Some(staff) = staffing::cheapest(instance, rules, &lessons, &running, limit, pruning)
        else {
            continue;
        };
        let total = fixed + staff.cost;
        if best.as_ref().is_none_or(|b| total < b.0) {
            best = Some((total, staff, placing, room_of));
        }
    }
    let (cost, staff, placing, room_of) = best?;
    let given = staff.teacher_of.iter().map(|&(l, t)| (l, Some(t)));
    let mut schedule = schedule(instance, rules, &lessons, given, &placing);
    with_rooms(instance, &lessons, &room_of, &mut schedule);
    let report = check::check(instance, rules, &schedule)
        .unwrap_or_else(|e| panic!("the brute force's schedule cannot be checked: {e}"));
    assert!(
        report.compliant,
        "the brute force's schedule fails the checker: {:?}",
        report
            .findings
            .iter()
            .filter(|f| f.severity() == check::FindingSeverity::Violation)
            .map(|f| (f.code(), &f.message))
            .collect::<Vec<_>>()
    );
    Some(Best { cost, schedule })
}

/// The cheapest placing with exactly the `running` groups, and without rooms no rooms; with
/// rooms, the cheapest of placing plus rooms over every room assignment, each capping the
/// groups' sizes at their smallest room (see [`rooms`]). Its cost includes the rooms'.
fn placing_with_rooms(
    instance: &Instance,
    rules: &RuleSet,
    limits: &[SizeLimits],
    running: &[bool],
    pins: &[Option<usize>],
    lessons: &[staffing::Lesson],
    pruning: Pruning,
) -> Option<(placements::Placing, BTreeMap<usize, usize>)> {
    if !instance.has_rooms() {
        let placing = placements::cheapest(instance, rules, limits, running, pins, pruning)?;
        return Some((placing, BTreeMap::new()));
    }
    let mut best: Option<(placements::Placing, BTreeMap<usize, usize>)> = None;
    for a in rooms::assignments(instance, lessons, running) {
        let capped: Vec<SizeLimits> = limits
            .iter()
            .zip(&a.seats)
            .map(|(l, &seats)| SizeLimits {
                temporary_max: l.temporary_max.min(seats),
                ..*l
            })
            .collect();
        let Some(mut placing) =
            placements::cheapest(instance, rules, &capped, running, pins, pruning)
        else {
            continue;
        };
        placing.cost += a.cost;
        if best.as_ref().is_none_or(|(b, _)| placing.cost < b.cost) {
            best = Some((placing, a.room_of));
        }
    }
    best
}

/// The rooms of `room_of` (lesson index -> room index) on the schedule's rows.
fn with_rooms(
    instance: &Instance,
    lessons: &[staffing::Lesson],
    room_of: &BTreeMap<usize, usize>,
    schedule: &mut Schedule,
) {
    for (&li, &ri) in room_of {
        let l = &lessons[li].lesson;
        if let Some(row) = schedule
            .timetable
            .iter_mut()
            .find(|r| r.course_code == l.course_code && r.date == l.date && r.time == l.time)
        {
            row.room = Some(instance.rooms[ri].id.clone());
        }
    }
}

/// The 0-based position of the group's location in the student's list of locations (0 for
/// a student who wrote `*`): the one place here that says what a step down the list is.
pub fn location_rank(student: &Student, group: &Group) -> u32 {
    if student.location_order == crate::domain::LocationOrder::Unranked {
        return 0;
    }
    let rank = student
        .locations
        .iter()
        .position(|l| *l == group.location)
        .unwrap_or(0);
    u32::try_from(rank).unwrap_or(u32::MAX)
}

fn limits_of(instance: &Instance, rules: &RuleSet, group: &Group) -> Option<SizeLimits> {
    let class = instance.school.size_class(&group.profile);
    rules.size_classes.get(class).copied()
}

fn group_index(instance: &Instance, code: &CourseCode) -> Option<usize> {
    instance.groups.iter().position(|g| &g.course_code == code)
}

/// The schedule folder of a staffing (lesson, teacher: none for a lesson nobody gives) and
/// a placing.
pub(super) fn schedule(
    instance: &Instance,
    rules: &RuleSet,
    lessons: &[staffing::Lesson],
    teacher_of: impl Iterator<Item = (usize, Option<usize>)>,
    placing: &placements::Placing,
) -> Schedule {
    let mut timetable: Vec<TimetableRow> = teacher_of
        .map(|(li, t)| {
            let l = &lessons[li].lesson;
            TimetableRow {
                course_code: l.course_code.clone(),
                date: l.date,
                time: l.time,
                location: l.location.clone(),
                teacher: t.map(|t| instance.teachers[t].id.clone()),
                room: None,
            }
        })
        .collect();
    timetable.sort();
    let mut placements: Vec<Placement> = instance
        .students
        .iter()
        .zip(&placing.group_of)
        .map(|(s, g)| Placement {
            student: s.id.clone(),
            course_code: g.map(|g| instance.groups[g].course_code.clone()),
        })
        .collect();
    placements.sort();
    let mentoring = mentoring(instance, rules, &timetable);
    Schedule {
        timetable,
        placements,
        mentoring,
        observations: Vec::new(),
    }
}

/// Under `mentor_required`, a mentor for every non-certified teacher of the timetable, in id
/// order: certified colleagues before external mentors, each up to their capacity. Any mentor
/// may supervise anyone, so this succeeds whenever the capacity suffices; where it does not,
/// the teachers left over get no row (and the checker says C131).
pub fn mentoring(
    instance: &Instance,
    rules: &RuleSet,
    timetable: &[TimetableRow],
) -> Vec<MentoringRow> {
    if !rules.mentor_required {
        return Vec::new();
    }
    let mentees: BTreeSet<&TeacherId> = timetable
        .iter()
        .filter_map(|r| instance.teacher(r.teacher.as_ref()?))
        .filter(|t| !t.is_certified())
        .map(|t| &t.id)
        .collect();
    let mut internal: Vec<(String, u32)> = instance
        .teachers
        .iter()
        .filter(|t| t.is_certified())
        .map(|t| (t.id.to_string(), t.mentor_capacity))
        .collect();
    internal.sort();
    let mut external: Vec<(String, u32)> = instance
        .mentors
        .iter()
        .map(|m| (m.id.to_string(), m.capacity))
        .collect();
    external.sort();
    let seats = internal
        .into_iter()
        .chain(external)
        .flat_map(|(id, capacity)| std::iter::repeat_n(id, capacity as usize));
    mentees
        .into_iter()
        .zip(seats)
        .map(|(teacher, mentor)| MentoringRow {
            teacher: teacher.clone(),
            mentor,
        })
        .collect()
}
