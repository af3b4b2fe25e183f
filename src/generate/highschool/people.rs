//! The high school's people and groups as the domain holds them: teachers available on
//! their working days with a weekly maximum a little above their planted lessons, one group
//! per course in the periods of its lessons, and the students of every course pinned to it.

use super::courses::{Course, Qualification};
use super::staff::{Draft, Lesson};
use super::tables::BLOCKS;
use super::timetable::{DAYS, Place};
use crate::domain::{
    Availability, Block, CourseCode, Day, Group, Law, Location, LocationOrder, Profile, Register,
    Slot, Student, StudentId, Teacher, TeacherId,
};
use crate::generate::dice::Dice;
use crate::generate::people::NameBook;
use chrono::NaiveDate;
use std::collections::BTreeSet;

pub const WEEKDAYS: [Day; DAYS] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

pub fn slot(p: Place) -> Slot {
    Slot::new(WEEKDAYS[p.day.min(DAYS - 1)], p.block_name())
}

/// Certified teachers qualified for every stage of a subject they teach now and then (a
/// first-degree qualification), so that the optimizer has colleagues to choose from.
pub fn widen(drafts: &mut [Draft], stages: &BTreeSet<Qualification>, dice: &mut Dice) {
    for d in drafts.iter_mut().filter(|d| d.certified) {
        if !dice.chance(0.5) {
            continue;
        }
        let subjects: BTreeSet<usize> = d.qualifications.iter().map(|q| q.subject).collect();
        d.qualifications.extend(
            stages
                .iter()
                .filter(|q| subjects.contains(&q.subject))
                .copied(),
        );
    }
}

/// The teachers, with ids `T001`...: a full week is `*`, else whole working days; the
/// weekly maximum is the planted lessons plus 0-2 (certified) or 0-3 (not certified).
pub fn teachers(
    drafts: &[Draft],
    kept: &[(Lesson, Place)],
    location: &Location,
    blocks: &[Block],
    dice: &mut Dice,
) -> Vec<Teacher> {
    let width = drafts.len().to_string().len().max(3);
    let mut book = NameBook::new();
    drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let lessons = kept.iter().filter(|(l, _)| l.teacher == i).count() as u32;
            let register = if !d.certified {
                Register::None
            } else if dice.chance(0.6) {
                Register::Bvnt2
            } else {
                Register::Kwaliteitsregister
            };
            let spare = dice.between(0, if d.certified { 2 } else { 3 });
            let available = if d.days.len() >= DAYS {
                Availability::always(blocks)
            } else {
                Availability(
                    d.days
                        .iter()
                        .flat_map(|&day| {
                            blocks.iter().map(move |b| Slot {
                                day: WEEKDAYS[day.min(DAYS - 1)],
                                block: b.name.clone(),
                            })
                        })
                        .collect(),
                )
            };
            Teacher {
                id: TeacherId::new(format!("T{:0width$}", i + 1)),
                name: book.draw(dice),
                register,
                locations: [location.clone()].into(),
                profiles: d
                    .qualifications
                    .iter()
                    .map(|q| Profile::new(q.profile()))
                    .collect(),
                max_lessons_per_week: Some(lessons + spare),
                available,
                mentor_capacity: 0,
                contract: Default::default(),
                wishes: Default::default(),
            }
        })
        .collect()
}

/// A block's position in the school day (by start time), as slots are listed.
pub fn block_rank(name: &str) -> usize {
    BLOCKS
        .iter()
        .position(|(b, _)| *b == name)
        .unwrap_or(BLOCKS.len())
}

/// One group per course that kept a lesson, in course order, over the one week.
pub fn groups(
    courses: &[Course],
    kept: &[(Lesson, Place)],
    location: &Location,
    week: (NaiveDate, NaiveDate),
) -> Vec<Group> {
    let mut out = Vec::new();
    for (c, course) in courses.iter().enumerate() {
        let mut places: Vec<Place> = kept
            .iter()
            .filter(|(l, _)| l.course == c)
            .map(|(_, p)| *p)
            .collect();
        if places.is_empty() {
            continue;
        }
        places.sort_by_key(|p| (p.day, block_rank(p.block_name())));
        out.push(Group {
            course_code: CourseCode::new(course.code.clone()),
            location: location.clone(),
            profile: Profile::new(course.qualification.profile()),
            law: Law::Wi2021,
            slots: places.into_iter().map(slot).collect(),
            choices: Vec::new(),
            start: week.0,
            end: week.1,
            optional: false,
            min_size: 1,
        });
    }
    out
}

/// The students of every group, pinned to it, with ids `S00001`... in group order.
pub fn students(
    courses: &[Course],
    groups: &[Group],
    location: &Location,
    blocks: &[Block],
) -> Vec<Student> {
    let mut out = Vec::new();
    for g in groups {
        let size = courses
            .iter()
            .find(|c| c.code == g.course_code.as_str())
            .map_or(1, |c| c.students.max(1));
        for _ in 0..size {
            out.push(Student {
                id: StudentId::new(""),
                profile: g.profile.clone(),
                law: Law::Wi2021,
                locations: vec![location.clone()],
                location_order: LocationOrder::Preference,
                available: Availability::always(blocks),
                pinned: Some(g.course_code.clone()),
            });
        }
    }
    let width = out.len().to_string().len().max(5);
    for (i, s) in out.iter_mut().enumerate() {
        s.id = StudentId::new(format!("S{:0width$}", i + 1));
    }
    out
}
