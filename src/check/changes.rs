//! What a replan changed, for whom: every lesson from its date on whose teacher differs from
//! the schedule replaced (a lesson it did not have among them), and every student of that
//! schedule now in another group or none, each *forced* or *chosen*.
//!
//! A change is forced when the instance alone rules out what the replaced schedule did: its
//! teacher may no longer give that lesson (gone from teachers.csv, unavailable, no longer
//! qualified, a lock), the lesson no longer exists (its group removed or ended), the
//! student's group no longer exists or the student no longer fits it or is pinned
//! elsewhere, or the student left (no longer in students.csv). Every other change is chosen, including one that only a combination of edits
//! makes necessary (a lowered weekly maximum, the certified share): no single lesson's data
//! say which lesson has to give way there.

use crate::domain::{CourseCode, Instance, RoomId, Schedule, StudentId, TeacherId, TimeRange};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Whether the edits of the instance leave no other way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Forced,
    Chosen,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Forced => "forced",
            ChangeKind::Chosen => "chosen",
        }
    }
}

/// A lesson from the replan's date on given otherwise than in the schedule replaced.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LessonChange {
    pub date: NaiveDate,
    pub time: TimeRange,
    pub course_code: CourseCode,
    /// `None`: the lesson had no teacher in the schedule replaced, or was not in it (a new
    /// group or slot, or an alternative the replan switched the group to).
    pub old_teacher: Option<TeacherId>,
    /// `None`: the lesson is no longer given (its group ended, closed or nobody gives it).
    pub new_teacher: Option<TeacherId>,
    pub kind: ChangeKind,
}

/// With rooms: a lesson from the replan's date on held in another room than in the schedule
/// replaced. Forced when that room can no longer host it (gone from rooms.csv, another
/// location, not available in the lesson's slot).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct RoomChange {
    pub date: NaiveDate,
    pub time: TimeRange,
    pub course_code: CourseCode,
    pub old_room: RoomId,
    pub new_room: RoomId,
    pub kind: ChangeKind,
}

/// A student of the schedule replaced in another group, or none.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct StudentMove {
    pub student: StudentId,
    pub old_group: CourseCode,
    pub new_group: Option<CourseCode>,
    pub kind: ChangeKind,
}

/// Every change of a replan, in date, time and course order, then student order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub from: Option<NaiveDate>,
    pub lessons: Vec<LessonChange>,
    pub students: Vec<StudentMove>,
    /// With rooms only (empty and left out of JSON otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rooms: Vec<RoomChange>,
}

impl Changes {
    /// Changed lessons of `kind`.
    pub fn lessons_of(&self, kind: ChangeKind) -> usize {
        self.lessons.iter().filter(|c| c.kind == kind).count()
    }

    /// Moved students of `kind`.
    pub fn students_of(&self, kind: ChangeKind) -> usize {
        self.students.iter().filter(|c| c.kind == kind).count()
    }
}

/// The changes from `current` to `new` for the replan's `instance` (one carrying
/// [`crate::domain::Frozen`]; without it, nothing is a change).
pub fn changes(instance: &Instance, current: &Schedule, new: &Schedule) -> Changes {
    let Some(frozen) = &instance.frozen else {
        return Changes::default();
    };
    let lessons: BTreeMap<_, _> = instance
        .lessons()
        .into_iter()
        .map(|l| ((l.course_code.clone(), l.date, l.time), l))
        .collect();
    let given: BTreeMap<_, _> = new
        .timetable
        .iter()
        .map(|r| ((r.course_code.clone(), r.date, r.time), r.teacher.as_ref()))
        .collect();
    let held: BTreeMap<_, _> = new
        .timetable
        .iter()
        .filter_map(|r| Some(((r.course_code.clone(), r.date, r.time), r.room.as_ref()?)))
        .collect();
    let mut out = Changes {
        from: Some(frozen.from),
        ..Changes::default()
    };
    for row in current
        .timetable
        .iter()
        .filter(|r| !frozen.is_history(r.date))
    {
        let key = (row.course_code.clone(), row.date, row.time);
        if let (Some(old), Some(now), Some(l)) = (&row.room, held.get(&key), lessons.get(&key))
            && frozen.is_room_change(&l.course_code, l.date, &l.slot, Some(now))
        {
            let possible = instance
                .room(old)
                .is_some_and(|r| r.can_host(&l.location, &l.slot));
            out.rooms.push(RoomChange {
                date: row.date,
                time: row.time,
                course_code: row.course_code.clone(),
                old_room: old.clone(),
                new_room: (*now).clone(),
                kind: if possible {
                    ChangeKind::Chosen
                } else {
                    ChangeKind::Forced
                },
            });
        }
        let now = given.get(&key).copied().flatten();
        let Some(old) = &row.teacher else {
            // Given now, without a teacher before: a choice.
            if let Some(now) = now {
                out.lessons
                    .push(lesson_change(row, None, Some(now), ChangeKind::Chosen));
            }
            continue;
        };
        if now == Some(old) {
            continue;
        }
        let possible = lessons.get(&key).is_some_and(|l| {
            instance
                .group(&l.course_code)
                .is_some_and(|g| instance.may_give(old, g, l))
        });
        let kind = if possible {
            ChangeKind::Chosen
        } else {
            ChangeKind::Forced
        };
        out.lessons.push(lesson_change(row, Some(old), now, kind));
    }
    // Lessons the schedule replaced did not have: forced where the edits alone ask for them
    // (a new group or slot of a group that must run without a choice of meeting times),
    // chosen otherwise (an alternative switched to, an optional group opened).
    let before: std::collections::BTreeSet<_> = current
        .timetable
        .iter()
        .map(|r| (r.course_code.clone(), r.date, r.time))
        .collect();
    for row in new.timetable.iter().filter(|r| !frozen.is_history(r.date)) {
        let key = (row.course_code.clone(), row.date, row.time);
        let Some(now) = &row.teacher else { continue };
        if before.contains(&key) {
            continue;
        }
        let forced = instance
            .group(&row.course_code)
            .is_some_and(|g| !g.has_choice() && instance.must_run(g));
        let kind = if forced {
            ChangeKind::Forced
        } else {
            ChangeKind::Chosen
        };
        out.lessons.push(lesson_change(row, None, Some(now), kind));
    }
    let placed: BTreeMap<&StudentId, &CourseCode> = new
        .placements
        .iter()
        .filter_map(|p| Some((&p.student, p.course_code.as_ref()?)))
        .collect();
    for (student, old) in &frozen.groups {
        let Some(old) = old else { continue };
        let now = placed.get(student).copied();
        if now == Some(old) {
            continue;
        }
        let stays_possible = instance.student(student).is_some_and(|s| {
            s.pinned.as_ref().is_none_or(|p| p == old)
                && instance.group(old).is_some_and(|g| s.fits(g))
        });
        out.students.push(StudentMove {
            student: student.clone(),
            old_group: old.clone(),
            new_group: now.cloned(),
            kind: if stays_possible {
                ChangeKind::Chosen
            } else {
                ChangeKind::Forced
            },
        });
    }
    // A student who left keeps their history; from the date on they have no place.
    for p in &current.placements {
        if let Some(old) = &p.course_code
            && instance.student(&p.student).is_none()
        {
            out.students.push(StudentMove {
                student: p.student.clone(),
                old_group: old.clone(),
                new_group: None,
                kind: ChangeKind::Forced,
            });
        }
    }
    out.lessons.sort();
    out.students.sort();
    out.rooms.sort();
    out
}

/// The change of the lesson of `row` from `old` to `new`.
fn lesson_change(
    row: &crate::domain::TimetableRow,
    old: Option<&TeacherId>,
    new: Option<&TeacherId>,
    kind: ChangeKind,
) -> LessonChange {
    LessonChange {
        date: row.date,
        time: row.time,
        course_code: row.course_code.clone(),
        old_teacher: old.cloned(),
        new_teacher: new.cloned(),
        kind,
    }
}
