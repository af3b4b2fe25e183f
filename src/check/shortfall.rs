//! How far a schedule falls short of the norms, in the units the best-effort plan minimizes
//! lexicographically (see `solve::best_effort`): lessons of running groups without a teacher,
//! certified lessons missing in courses (1.7.1b), certified lessons missing for the floor
//! (1.7.1a), and mentor places missing (supervision).
//!
//! Counted from the report alone, so it is the checker's verdict on the schedule written,
//! whoever made it: every unit here is part of a C141, C111, C101 or C131 finding.

use super::types::CheckReport;
use crate::diag::Code;
pub use crate::domain::Shortfall;

impl CheckReport {
    /// The schedule's shortfall against the norms, from this report's own numbers.
    pub fn shortfall(&self) -> Shortfall {
        let lessons_without_teacher = self
            .findings
            .iter()
            .filter(|f| f.code() == Code::LessonMissing)
            .map(|f| f.occurrences as u64)
            .sum();
        let course_certified_missing = self
            .courses
            .iter()
            .map(|c| u64::from(c.required).saturating_sub(c.certified_lessons))
            .sum();
        let floor_lessons_missing = self
            .totals
            .min_certified_lessons
            .saturating_sub(self.totals.certified_lessons);
        let mentor_places_missing = if self.mentoring.required {
            self.mentoring
                .teachers
                .iter()
                .filter(|t| t.mentors.is_empty())
                .count() as u64
        } else {
            0
        };
        Shortfall {
            lessons_without_teacher,
            course_certified_missing,
            floor_lessons_missing,
            mentor_places_missing,
        }
    }
}
