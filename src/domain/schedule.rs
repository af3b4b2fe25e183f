//! A schedule: what the optimizer writes and what the checker reads.

use super::ids::{CourseCode, Location, RoomId, StudentId, TeacherId};
use super::time::TimeRange;
use chrono::NaiveDate;
use serde::Serialize;

/// A row of `timetable.csv`: one lesson and who gives it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TimetableRow {
    pub course_code: CourseCode,
    pub date: NaiveDate,
    pub time: TimeRange,
    pub location: Location,
    /// `None` when the cell is empty: a lesson nobody gives.
    pub teacher: Option<TeacherId>,
    /// The room (`rooms.csv`); `None` when the school plans no rooms or the cell is empty.
    pub room: Option<RoomId>,
}

/// A row of `placements.csv`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Placement {
    pub student: StudentId,
    /// `None`: the student is not placed.
    pub course_code: Option<CourseCode>,
}

/// A row of `mentoring.csv`: who supervises a non-certified teacher.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MentoringRow {
    pub teacher: TeacherId,
    /// A certified teacher's id or an external mentor's id.
    pub mentor: String,
}

/// A row of `observations.csv`: a non-certified teacher attends a lesson of a certified
/// teacher to learn from it (Bijlage 2 of the Addendum advises regular observation).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ObservationRow {
    /// The non-certified teacher who observes.
    pub teacher: TeacherId,
    pub course_code: CourseCode,
    pub date: NaiveDate,
    pub time: TimeRange,
    /// The certified teacher who gives the lesson.
    pub observed: TeacherId,
}

/// One schedule folder.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub timetable: Vec<TimetableRow>,
    pub placements: Vec<Placement>,
    pub mentoring: Vec<MentoringRow>,
    /// Observation lessons (`observations.csv`, optional; empty when none are planned).
    pub observations: Vec<ObservationRow>,
}
