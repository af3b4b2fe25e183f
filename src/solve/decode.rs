//! Solver values -> a [`Schedule`]: lessons with teachers, students in groups, mentors.

use crate::domain::{
    CourseCode, Instance, MentoringRow, Placement, Schedule, StudentId, TeacherId, TimetableRow,
};
use crate::model::Model;
use crate::model::students::StudentType;
use std::collections::{BTreeMap, BTreeSet};

fn on(values: &[f64], v: usize) -> bool {
    values.get(v).is_some_and(|x| *x > 0.5)
}

fn count(values: &[f64], v: usize) -> usize {
    values.get(v).map_or(0, |x| x.round().max(0.0) as usize)
}

/// The schedule the values describe, with the dates of every class placed by
/// [`super::dates::place`]. Interchangeable students are placed in id order, each type
/// filling its groups from the most preferred location on.
pub fn schedule(
    instance: &Instance,
    model: &Model,
    values: &[f64],
    dated: &super::dates::Dated,
) -> Schedule {
    let open: Vec<bool> = model.open.iter().map(|v| on(values, *v)).collect();
    let mut timetable = Vec::new();
    for (c, class) in model.classes.iter().enumerate() {
        // Only the lessons of a running group's chosen alternative take place.
        if !open[class.group] || !on(values, model.active(c)) {
            continue;
        }
        let group = &instance.groups[class.group];
        for (k, date) in class.dates.iter().enumerate() {
            timetable.push(TimetableRow {
                course_code: group.course_code.clone(),
                date: *date,
                time: class.time,
                location: group.location.clone(),
                teacher: dated.teachers[c][k].map(|t| instance.teachers[t].id.clone()),
                room: dated.rooms[c][k].map(|r| instance.rooms[r].id.clone()),
            });
        }
    }
    timetable
        .sort_by(|a, b| (a.date, a.time, &a.course_code).cmp(&(b.date, b.time, &b.course_code)));

    let counts: Vec<Vec<(usize, usize)>> = model
        .place
        .iter()
        .map(|place| {
            place
                .iter()
                .map(|(g, n)| (*g, count(values, *n)))
                .filter(|(g, n)| *n > 0 && open[*g])
                .collect()
        })
        .collect();
    let placements = placements(instance, &model.types, &counts);

    let mentoring = mentors(instance, &timetable);
    Schedule {
        timetable,
        placements,
        mentoring,
        observations: Vec::new(),
    }
}

/// Every student's placement: pinned students in their group, and per type of interchangeable
/// students `counts[type]` as (group, how many); the members, in id order, fill their groups
/// from the most preferred location on. Sorted by student.
pub(crate) fn placements(
    instance: &Instance,
    types: &[StudentType],
    counts: &[Vec<(usize, usize)>],
) -> Vec<Placement> {
    let mut placed: BTreeMap<StudentId, CourseCode> = BTreeMap::new();
    for s in &instance.students {
        if let Some(code) = &s.pinned {
            placed.insert(s.id.clone(), code.clone());
        }
    }
    for (ty, counts) in types.iter().zip(counts) {
        let mut options: Vec<(u32, &CourseCode, usize)> = counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|&(g, n)| {
                let rank = ty
                    .options
                    .iter()
                    .find(|(og, _)| *og == g)
                    .map_or(0, |(_, r)| *r);
                (rank, &instance.groups[g].course_code, n)
            })
            .collect();
        options.sort();
        let mut members = ty.members.iter();
        for (_, code, n) in options {
            for si in members.by_ref().take(n) {
                placed.insert(instance.students[*si].id.clone(), code.clone());
            }
        }
    }
    let mut placements: Vec<Placement> = instance
        .students
        .iter()
        .map(|s| Placement {
            student: s.id.clone(),
            course_code: placed.get(&s.id).cloned(),
        })
        .collect();
    placements.sort();
    placements
}

/// A mentor for every non-certified teacher who teaches, as far as capacity goes: first a
/// certified colleague who shares a location (observation lessons are then easy to plan),
/// then one who shares a profile, then an external mentor, then anyone; ties by id. Any
/// mentor may supervise anyone, so when the total capacity suffices (which the program
/// guarantees under a rule set that requires mentors) everyone gets one.
pub(crate) fn mentors(instance: &Instance, timetable: &[TimetableRow]) -> Vec<MentoringRow> {
    let teaching: BTreeSet<&TeacherId> = timetable
        .iter()
        .filter_map(|r| r.teacher.as_ref())
        .collect();
    let mut left: BTreeMap<String, u32> = BTreeMap::new();
    for t in instance.teachers.iter().filter(|t| t.is_certified()) {
        left.insert(t.id.0.clone(), t.mentor_capacity);
    }
    for m in &instance.mentors {
        left.insert(m.id.0.clone(), m.capacity);
    }
    let mut rows = Vec::new();
    for mentee in instance
        .teachers
        .iter()
        .filter(|t| !t.is_certified() && teaching.contains(&t.id))
    {
        let score = |id: &str| -> (bool, bool, bool) {
            match instance.teachers.iter().find(|t| t.id.as_str() == id) {
                Some(t) => (
                    !t.locations.is_disjoint(&mentee.locations),
                    !t.profiles.is_disjoint(&mentee.profiles),
                    false,
                ),
                None => (false, false, true),
            }
        };
        let best = left
            .iter()
            .filter(|(_, cap)| **cap > 0)
            .map(|(id, _)| id.clone())
            .max_by(|a, b| score(a).cmp(&score(b)).then_with(|| b.cmp(a)));
        if let Some(id) = best {
            if let Some(cap) = left.get_mut(&id) {
                *cap -= 1;
            }
            rows.push(MentoringRow {
                teacher: mentee.id.clone(),
                mentor: id,
            });
        }
    }
    rows
}
