//! Norm 1.7.1b: no course (unique course code) without lessons by a certified teacher.
//!
//! The Addendum keeps this norm explicitly: the exceptions may never leave a group without
//! any certified lesson, however good the school-wide share is. It is judged per running
//! group; a closed group has no course to follow.

use super::facts::Facts;
use super::types::{CourseReport, Finding, SubjectKind};
use crate::diag::FindingCode;

/// One row per running group, by course code.
pub fn courses(f: &Facts) -> Vec<CourseReport> {
    let required = f.rules.min_certified_lessons_per_course;
    f.running_groups()
        .map(|g| {
            let certified = f.certified_of(&g.course_code);
            CourseReport {
                course_code: g.course_code.clone(),
                lessons: f.lessons_of(&g.course_code),
                certified_lessons: certified,
                required,
                ok: certified >= u64::from(required),
            }
        })
        .collect()
}

/// C111 for every course below the required number of certified lessons.
pub fn judge(f: &Facts, courses: &[CourseReport]) -> Vec<Finding> {
    courses
        .iter()
        .filter(|c| !c.ok)
        .map(|c| {
            Finding::new(
                FindingCode::CourseWithoutCertified,
                SubjectKind::Course,
                c.course_code.as_str(),
                format!(
                    "course {} has {} of {} lessons by a certified teacher; {} requires at \
                     least {} per course (norm 1.7.1b)",
                    c.course_code, c.certified_lessons, c.lessons, f.rules.name, c.required
                ),
            )
            .nl(format!(
                "cursus {} heeft {} van {} lessen van een gecertificeerde docent; {} vraagt \
                 ten minste {} per cursus (norm 1.7.1b)",
                c.course_code, c.certified_lessons, c.lessons, f.rules.name, c.required
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests;
