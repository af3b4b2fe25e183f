//! The objective of a schedule recomputed from its rows alone, as the checker counts them:
//! the brute force's own, independent of the program's and of `check::cost`.

use super::{limits_of, location_rank};
use crate::domain::{CourseCode, Group, Instance, RuleSet, Schedule, TimetableRow};
use std::collections::{BTreeMap, BTreeSet};

/// The objective of `schedule`, recomputed from its rows alone as the checker counts them:
/// a group runs when it is not optional or has students or lessons; a student is placed when
/// a placement names a group of the instance.
pub fn cost_of(instance: &Instance, rules: &RuleSet, schedule: &Schedule) -> f64 {
    let w = instance.school.weights;
    let mut members: BTreeMap<&CourseCode, BTreeSet<&str>> = BTreeMap::new();
    let mut rank = 0u64;
    let mut placed = BTreeSet::new();
    for p in &schedule.placements {
        let Some(code) = &p.course_code else { continue };
        let Some(g) = instance.group(code) else {
            continue;
        };
        if !members.entry(code).or_default().insert(p.student.as_str()) {
            continue;
        }
        if let Some(s) = instance.student(&p.student)
            && placed.insert(&s.id)
        {
            rank += u64::from(location_rank(s, g));
        }
    }
    let unplaced = instance.students.len() - placed.len();
    let taught: BTreeSet<&CourseCode> = schedule
        .timetable
        .iter()
        .filter(|r| r.teacher.is_some())
        .map(|r| &r.course_code)
        .collect();
    let size = |g: &Group| members.get(&g.course_code).map_or(0, BTreeSet::len) as u32;
    let mut above = 0u64;
    let mut opened = 0u64;
    let mut cells: BTreeMap<(&str, &str), Vec<u32>> = BTreeMap::new();
    for g in &instance.groups {
        let running = !g.optional || size(g) > 0 || taught.contains(&g.course_code);
        if !running {
            continue;
        }
        cells
            .entry((g.location.as_str(), g.profile.as_str()))
            .or_default()
            .push(size(g));
        opened += u64::from(g.optional);
        if let Some(l) = limits_of(instance, rules, g) {
            above += u64::from(size(g).saturating_sub(l.standard_max));
        }
    }
    let mut pairs = BTreeSet::new();
    let mut non_certified = 0u64;
    let mut broken = 0u64;
    let lessons = instance.lessons();
    for r in &schedule.timetable {
        let Some(t) = &r.teacher else { continue };
        pairs.insert((t, &r.course_code));
        if !instance.teacher(t).is_some_and(|t| t.is_certified()) {
            non_certified += 1;
        }
        let lesson = lessons
            .iter()
            .find(|l| l.course_code == r.course_code && l.date == r.date && l.time == r.time);
        if let (Some(t), Some(l)) = (instance.teacher(t), lesson)
            && t.wishes.broken_by(&l.course_code, &l.location, &l.slot)
        {
            broken += 1;
        }
    }
    w.unplaced_student * unplaced as f64
        + w.student_above_standard * above as f64
        + w.optional_group_opened * opened as f64
        + w.non_certified_lesson * non_certified as f64
        + w.teacher_per_group * pairs.len() as f64
        + w.location_rank * rank as f64
        + w.size_imbalance * imbalance(cells.values()) as f64
        + w.teacher_preference * broken as f64
        + w.room_change * group_rooms(instance, schedule) as f64
        + replan_cost(instance, schedule)
}

/// With rooms, the distinct (group, room) pairs of the timetable; 0 without.
fn group_rooms(instance: &Instance, schedule: &Schedule) -> usize {
    if !instance.has_rooms() {
        return 0;
    }
    let pairs: BTreeSet<_> = schedule
        .timetable
        .iter()
        .filter_map(|r| Some((&r.course_code, r.room.as_ref()?)))
        .collect();
    pairs.len()
}

/// The largest minus the smallest size of every cell's running groups, summed.
pub(in crate::solve) fn imbalance<'a>(cells: impl Iterator<Item = &'a Vec<u32>>) -> u64 {
    cells
        .map(|sizes| {
            let most = sizes.iter().max().copied().unwrap_or(0);
            let least = sizes.iter().min().copied().unwrap_or(0);
            u64::from(most - least)
        })
        .sum()
}

/// A replan's change costs: lessons from its date on not given by the replaced schedule's
/// teacher, students not in the replaced schedule's group.
fn replan_cost(instance: &Instance, schedule: &Schedule) -> f64 {
    let Some(f) = &instance.frozen else {
        return 0.0;
    };
    let w = instance.school.weights;
    let slot_of = |r: &TimetableRow| {
        let g = instance.group(&r.course_code)?;
        g.slots.iter().find(|s| {
            crate::domain::Day::of(r.date) == s.day
                && instance
                    .school
                    .block(s.block.as_str())
                    .is_some_and(|b| b.time == r.time)
        })
    };
    let changed = schedule
        .timetable
        .iter()
        .filter(|r| {
            slot_of(r).is_some_and(|s| f.is_change(&r.course_code, r.date, s, r.teacher.as_ref()))
        })
        .count();
    let moved = instance
        .students
        .iter()
        .filter(|s| {
            let placed = schedule
                .placements
                .iter()
                .find(|p| p.student == s.id)
                .and_then(|p| p.course_code.as_ref())
                .filter(|c| instance.group(c).is_some());
            f.is_move(&s.id, placed)
        })
        .count();
    let rooms = schedule
        .timetable
        .iter()
        .filter(|r| {
            slot_of(r).is_some_and(|s| f.is_room_change(&r.course_code, r.date, s, r.room.as_ref()))
        })
        .count();
    w.changed_lesson * changed as f64
        + w.moved_student * moved as f64
        + w.changed_room * rooms as f64
}
