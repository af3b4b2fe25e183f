//! What a replan keeps of the schedule it replaces (`nt2plan replan INSTANCE CURRENT --from
//! DATE`).
//!
//! The history (every lesson dated before DATE) is a fact, not a decision: its teacher is
//! CURRENT's, whatever the edited instance would allow now. [`Instance::lock_allows`] answers
//! for a history lesson with CURRENT's teacher alone and no lock of `locks.csv` binds it, so
//! the program, the brute force and the checker all take the history as given. From DATE on
//! CURRENT is what the replan should change as little as possible: every lesson given by
//! another teacher than CURRENT's costs `changed_lesson`, every student of CURRENT placed
//! elsewhere (or nowhere) costs `moved_student`. With rooms, a history lesson keeps
//! CURRENT's room too (the program, the brute force and the checker offer it that room
//! alone), and a lesson from `from` on in another room than CURRENT's costs `changed_room`.

use super::ids::{CourseCode, RoomId, StudentId, TeacherId};
use super::instance::{Group, Instance};
use super::lesson::Lesson;
use super::schedule::ObservationRow;
use super::time::Slot;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A dated lesson of a weekly series: (course, date, slot).
pub type LessonRef = (CourseCode, NaiveDate, Slot);

/// The schedule being replaced, as far as a replan keeps or weighs it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frozen {
    /// The first day that may change; everything before it is history.
    pub from: NaiveDate,
    /// CURRENT's teacher of every lesson it lists (`None`: nobody gave it), before `from`
    /// (fixed) and from `from` on (the teacher a change is counted against).
    pub teachers: BTreeMap<LessonRef, Option<TeacherId>>,
    /// CURRENT's room of every lesson it lists with one (empty for a schedule without
    /// rooms): fixed before `from`, the room a change is counted against from `from` on.
    pub rooms: BTreeMap<LessonRef, RoomId>,
    /// CURRENT's group of every student of the instance that CURRENT lists (`None`: not
    /// placed). Students who are new to the instance are not here and cost no move.
    pub groups: BTreeMap<StudentId, Option<CourseCode>>,
    /// CURRENT's observation lessons: those dated before `from` are history, kept as they
    /// were; those from `from` on are kept where the new timetable still allows them.
    pub observations: Vec<ObservationRow>,
}

impl Frozen {
    /// Whether a lesson on `date` is history.
    pub fn is_history(&self, date: NaiveDate) -> bool {
        date < self.from
    }

    /// Whether the course had lessons before `from`: it ran, and cannot be closed any more.
    pub fn ran(&self, course: &CourseCode) -> bool {
        self.teachers
            .keys()
            .any(|(c, date, _)| c == course && self.is_history(*date))
    }

    /// CURRENT's teacher of the lesson, when CURRENT lists it with a teacher.
    pub fn teacher_of(
        &self,
        course: &CourseCode,
        date: NaiveDate,
        slot: &Slot,
    ) -> Option<&TeacherId> {
        self.teachers
            .get(&(course.clone(), date, slot.clone()))
            .and_then(Option::as_ref)
    }

    /// CURRENT's teacher of a lesson from `from` on, against which a change is counted;
    /// `None` for history lessons and for lessons CURRENT did not have or gave nobody.
    pub fn previous(
        &self,
        course: &CourseCode,
        date: NaiveDate,
        slot: &Slot,
    ) -> Option<&TeacherId> {
        (!self.is_history(date))
            .then(|| self.teacher_of(course, date, slot))
            .flatten()
    }

    /// Whether giving a lesson from `from` on to `teacher` is a change: CURRENT had a
    /// teacher for it and it now has another one, or none (a lesson nobody gives, in a plan
    /// that breaks the norms). A lesson CURRENT did not have is new, not a change.
    pub fn is_change(
        &self,
        course: &CourseCode,
        date: NaiveDate,
        slot: &Slot,
        teacher: Option<&TeacherId>,
    ) -> bool {
        self.previous(course, date, slot)
            .is_some_and(|p| teacher != Some(p))
    }

    /// CURRENT's room of the lesson, when it had one.
    pub fn room_of(&self, course: &CourseCode, date: NaiveDate, slot: &Slot) -> Option<&RoomId> {
        self.rooms.get(&(course.clone(), date, slot.clone()))
    }

    /// Whether `room` may hold the lesson as far as the history goes: a history lesson that
    /// CURRENT held in a room keeps that room; any other lesson may have any room.
    pub fn room_allows(
        &self,
        course: &CourseCode,
        date: NaiveDate,
        slot: &Slot,
        room: &RoomId,
    ) -> bool {
        !self.is_history(date) || self.room_of(course, date, slot).is_none_or(|r| r == room)
    }

    /// Whether holding a lesson from `from` on in `room` (`None`: in none) is a room change:
    /// CURRENT held it in another room. A lesson CURRENT held in no room never changes room.
    pub fn is_room_change(
        &self,
        course: &CourseCode,
        date: NaiveDate,
        slot: &Slot,
        room: Option<&RoomId>,
    ) -> bool {
        !self.is_history(date)
            && self
                .room_of(course, date, slot)
                .is_some_and(|p| room.is_some_and(|r| r != p))
    }

    /// Whether placing `student` in `group` (`None`: nowhere) moves them away from CURRENT's
    /// group; a student CURRENT did not place never moves.
    pub fn is_move(&self, student: &StudentId, group: Option<&CourseCode>) -> bool {
        self.groups
            .get(student)
            .and_then(Option::as_ref)
            .is_some_and(|old| group != Some(old))
    }
}

impl Instance {
    /// Whether `teacher` may give `lesson` of `group` by the instance alone (qualified,
    /// available, not away, allowed by the locks and the frozen history, a weekly maximum
    /// above 0); not whether a whole schedule can give it to them.
    pub fn may_give(&self, teacher: &TeacherId, group: &Group, lesson: &Lesson) -> bool {
        self.teacher(teacher).is_some_and(|t| {
            t.locations.contains(&group.location)
                && t.profiles.contains(&group.profile)
                && t.available.allows(&lesson.slot)
                && !self.is_unavailable(teacher, lesson.date)
                && t.max_lessons_per_week != Some(0)
                && self.lock_allows(teacher, &group.course_code, &lesson.slot, lesson.date)
        })
    }

    /// The history's teacher of a lesson when the instance is a replan's and the lesson is
    /// dated before its `from`: `Some(None)` for a history lesson nobody gave.
    pub fn history_teacher(
        &self,
        course: &CourseCode,
        slot: &Slot,
        date: NaiveDate,
    ) -> Option<Option<&TeacherId>> {
        let f = self.frozen.as_ref()?;
        f.is_history(date).then(|| f.teacher_of(course, date, slot))
    }
}
