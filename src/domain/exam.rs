//! Exam results: one row per exam a student took, the input of the pass rates
//! (slagingspercentage) per measurement period.

use super::{Law, Profile, StudentId};
use chrono::NaiveDate;
use serde::Serialize;

/// One exam taken by one student. Students are known by id only (personal data).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExamResult {
    pub student: StudentId,
    /// The law the student falls under (Wi2013 or Wi2021).
    pub law: Law,
    /// The learning profile the exam belongs to, as the school names it.
    pub profile: Profile,
    /// The day the exam was taken; it decides the measurement period.
    pub date: NaiveDate,
    pub passed: bool,
}
