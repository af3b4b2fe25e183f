//! Who pays for a plan: every student without a place with the reason, decided from the
//! data; every lesson of a running group that nobody gives, with its date; every course
//! below 1.7.1b; every non-certified teacher who teaches without a mentor.
//!
//! Not a norm: a school that complies may still leave students without a place, and the
//! planner must be able to name them. The reasons are tried in this order, and the first
//! that holds is given:
//! 1. no group of the student's profile at a location they accept;
//! 2. such groups exist, but none meets only in slots the student is available for;
//! 3. a fitting running group has room: the data alone do not say why (the plan's cost,
//!    exception 2's condition in another group of the cell), and it is said so;
//! 4. a fitting optional group stayed closed (the fitting running ones, if any, are full),
//!    with what stands in the way of opening it where the data tell: too few students for
//!    its `min_size`, a slot nobody can teach, no certified teacher for 1.7.1b; else how
//!    many lessons it would add;
//! 5. every fitting group runs at its maximum (the temporary one where exception 2 may
//!    apply, else the standard one), naming the groups and maxima.

use super::facts::Facts;
use crate::domain::{CourseCode, Group, Location, Profile, Student, StudentId, TeacherId};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

/// Who pays, by name; every list sorted by its id (lessons by date, time and course).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WhoPays {
    pub students: Vec<UnplacedStudent>,
    pub lessons_without_teacher: Vec<LessonWithoutTeacher>,
    /// Running courses below `min_certified_lessons_per_course` (norm 1.7.1b).
    pub courses_without_certified: Vec<CourseCode>,
    /// Certified lessons missing for the rule set's minimum share (norm 1.7.1a).
    pub certified_lessons_missing: u64,
    /// Non-certified teachers who teach without a mentor, when the rule set requires one.
    pub teachers_without_mentor: Vec<TeacherId>,
}

/// A student without a place, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UnplacedStudent {
    pub student: StudentId,
    pub profile: Profile,
    pub reason: UnplacedReason,
}

/// Why a student has no place (see the module's list for the order they are tried in).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnplacedReason {
    /// No group of the profile at any of `locations`.
    NoGroupAtLocation { locations: Vec<Location> },
    /// Groups of the profile at an accepted location, each meeting in a slot the student is
    /// not available for: per group those slots (of a group with a choice of meeting times,
    /// those of the alternative the student misses least).
    NoGroupInTheirSlots {
        groups: Vec<(CourseCode, Vec<String>)>,
    },
    /// Fitting optional groups that stayed closed; and the fitting running groups, full.
    OptionalGroupClosed {
        closed: Vec<ClosedGroup>,
        full: Vec<GroupAtMaximum>,
    },
    /// Every fitting group runs at its maximum.
    FittingGroupsFull { groups: Vec<GroupAtMaximum> },
    /// A fitting group has room; the data alone do not say why.
    Undetermined { room_in: Vec<CourseCode> },
}

/// A running group at its maximum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupAtMaximum {
    pub course_code: CourseCode,
    pub size: u32,
    /// The most it may hold: the temporary maximum where the rule set allows exception 2
    /// and its condition holds in the cell, else the standard maximum.
    pub maximum: u32,
}

/// A closed optional group a student fits, and what stands in the way of opening it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClosedGroup {
    pub course_code: CourseCode,
    /// Lessons it would add.
    pub lessons: u64,
    pub obstacle: Option<Obstacle>,
}

/// What the data say stands in the way of opening a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Obstacle {
    /// Fewer students without a place fit it than it needs.
    TooFewStudents { fitting: u32, needed: u32 },
    /// No teacher of the school can give this weekly slot there.
    NoTeacherForSlot { slot: String },
    /// A group with a choice of meeting times: every alternative has a weekly slot no
    /// teacher can give there (the first such slot of each, in the order of the alternatives).
    NoTeacherInAnyAlternative { slots: Vec<String> },
    /// No certified teacher can give any of its slots (norm 1.7.1b).
    NoCertifiedTeacher,
}

/// A lesson of a running group without a teacher.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LessonWithoutTeacher {
    pub date: NaiveDate,
    /// `HH:MM-HH:MM`.
    pub time: String,
    pub course_code: CourseCode,
}

/// Who pays for the schedule of `f`.
pub fn who_pays(
    f: &Facts,
    courses: &[super::CourseReport],
    totals: &super::Totals,
    mentoring: &super::MentoringReport,
) -> WhoPays {
    let unplaced: Vec<&Student> = f
        .instance
        .students
        .iter()
        .filter(|s| {
            f.placements
                .get(&s.id)
                .is_none_or(|codes| codes.iter().all(|c| !f.groups.contains_key(c)))
        })
        .collect();
    let mut students: Vec<UnplacedStudent> = unplaced
        .iter()
        .map(|s| UnplacedStudent {
            student: s.id.clone(),
            profile: s.profile.clone(),
            reason: reason(f, s, &unplaced),
        })
        .collect();
    students.sort_by(|a, b| a.student.cmp(&b.student));
    let given: BTreeSet<(&CourseCode, NaiveDate, chrono::NaiveTime)> = f
        .schedule
        .timetable
        .iter()
        .filter(|r| r.teacher.is_some())
        .map(|r| (&r.course_code, r.date, r.time.start))
        .collect();
    let mut lessons_without_teacher: Vec<LessonWithoutTeacher> = Vec::new();
    for g in f.running_groups() {
        if g.optional && f.size(&g.course_code) == 0 {
            continue;
        }
        // With a choice of meeting times: the lessons of the alternative followed.
        let slots = f.meeting_slots(g);
        for l in f.instance.lessons_of(g) {
            if slots.contains(&l.slot) && !given.contains(&(&l.course_code, l.date, l.time.start)) {
                lessons_without_teacher.push(LessonWithoutTeacher {
                    date: l.date,
                    time: l.time.to_string(),
                    course_code: l.course_code.clone(),
                });
            }
        }
    }
    lessons_without_teacher.sort();
    WhoPays {
        students,
        lessons_without_teacher,
        courses_without_certified: courses
            .iter()
            .filter(|c| !c.ok)
            .map(|c| c.course_code.clone())
            .collect(),
        certified_lessons_missing: totals
            .min_certified_lessons
            .saturating_sub(totals.certified_lessons),
        teachers_without_mentor: if mentoring.required {
            mentoring
                .teachers
                .iter()
                .filter(|t| t.mentors.is_empty())
                .map(|t| t.teacher.clone())
                .collect()
        } else {
            Vec::new()
        },
    }
}

fn reason(f: &Facts, s: &Student, unplaced: &[&Student]) -> UnplacedReason {
    let here: Vec<&Group> = f
        .groups
        .values()
        .copied()
        .filter(|g| g.profile == s.profile && s.locations.contains(&g.location))
        .collect();
    if here.is_empty() {
        return UnplacedReason::NoGroupAtLocation {
            locations: s.locations.clone(),
        };
    }
    let fitting: Vec<&Group> = here.iter().copied().filter(|g| s.fits(g)).collect();
    if fitting.is_empty() {
        let groups = here
            .iter()
            .map(|g| (g.course_code.clone(), s.missed_slots(g)))
            .collect();
        return UnplacedReason::NoGroupInTheirSlots { groups };
    }
    let (running, closed): (Vec<&Group>, Vec<&Group>) =
        fitting.iter().partition(|g| f.is_running(g));
    let full: Vec<GroupAtMaximum> = running
        .iter()
        .filter_map(|g| {
            let maximum = maximum(f, g)?;
            let size = f.size(&g.course_code);
            (size >= maximum).then(|| GroupAtMaximum {
                course_code: g.course_code.clone(),
                size,
                maximum,
            })
        })
        .collect();
    let room_in: Vec<CourseCode> = running
        .iter()
        .filter(|g| !full.iter().any(|x| x.course_code == g.course_code))
        .map(|g| g.course_code.clone())
        .collect();
    if !room_in.is_empty() {
        return UnplacedReason::Undetermined { room_in };
    }
    if !closed.is_empty() {
        let closed = closed
            .iter()
            .map(|g| ClosedGroup {
                course_code: g.course_code.clone(),
                lessons: {
                    let slots = f.meeting_slots(g);
                    let lessons = f.instance.lessons_of(g);
                    lessons.iter().filter(|l| slots.contains(&l.slot)).count() as u64
                },
                obstacle: obstacle(f, g, unplaced),
            })
            .collect();
        return UnplacedReason::OptionalGroupClosed { closed, full };
    }
    UnplacedReason::FittingGroupsFull { groups: full }
}

/// The most a running group may hold: the temporary maximum where the rule set allows
/// exception 2 and (under its condition) every running group of the cell holds at least
/// the standard maximum; else the standard maximum. `None` for an unknown size class.
fn maximum(f: &Facts, g: &Group) -> Option<u32> {
    let l = f.limits(g)?;
    if !l.allows_overflow() {
        return Some(l.standard_max);
    }
    let cell_full = f
        .running_groups()
        .filter(|o| o.location == g.location && o.profile == g.profile)
        .all(|o| f.size(&o.course_code) >= l.standard_max);
    Some(if !f.rules.overflow_requires_full_groups || cell_full {
        l.temporary_max
    } else {
        l.standard_max
    })
}

/// What the data say stands in the way of opening `g`, the first that holds: too few
/// students without a place fit it; a weekly slot no teacher can give (in every alternative,
/// for a group with a choice of meeting times); no certified teacher for any slot (of an
/// alternative that can be given).
fn obstacle(f: &Facts, g: &Group, unplaced: &[&Student]) -> Option<Obstacle> {
    let fitting = unplaced.iter().filter(|s| s.fits(g)).count() as u32;
    let needed = g.min_size.max(1);
    if fitting < needed {
        return Some(Obstacle::TooFewStudents { fitting, needed });
    }
    let can = |t: &crate::domain::Teacher, slot: &crate::domain::Slot| {
        t.locations.contains(&g.location)
            && t.profiles.contains(&g.profile)
            && t.available.allows(slot)
            && t.max_lessons_per_week != Some(0)
    };
    // The group meets in one alternative: one in which every slot has a teacher will do.
    let alternatives = g.alternatives();
    let blocked: Vec<Option<&crate::domain::Slot>> = alternatives
        .iter()
        .map(|a| {
            a.iter()
                .find(|slot| !f.instance.teachers.iter().any(|t| can(t, slot)))
        })
        .collect();
    if blocked.iter().all(Option::is_some) {
        let mut slots: Vec<String> = blocked.iter().flatten().map(ToString::to_string).collect();
        return Some(if g.has_choice() {
            Obstacle::NoTeacherInAnyAlternative { slots }
        } else {
            Obstacle::NoTeacherForSlot {
                slot: slots.swap_remove(0),
            }
        });
    }
    let certified_in = |a: &[crate::domain::Slot]| {
        a.iter().any(|slot| {
            f.instance
                .teachers
                .iter()
                .any(|t| t.is_certified() && can(t, slot))
        })
    };
    if f.rules.min_certified_lessons_per_course > 0
        && !alternatives
            .iter()
            .zip(&blocked)
            .any(|(a, b)| b.is_none() && certified_in(a))
    {
        return Some(Obstacle::NoCertifiedTeacher);
    }
    None
}

#[cfg(test)]
mod tests;
