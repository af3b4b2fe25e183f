//! Norm 1.7.1a: the share of lessons given by certified teachers.
//!
//! Compared exactly in parts per 10,000 ([`crate::domain::Share::met_by`]), never in floating point: 59.99%
//! is below 60%. The minimum is a hard floor (C101); the target is the aim above it (C102),
//! because the Addendum keeps "as many certified lessons as possible" as the goal.

use super::facts::Facts;
use super::types::{Finding, ShareValue, SubjectKind, Totals};
use crate::diag::FindingCode;
use crate::domain::rules::percent_floor;

/// The totals of the report.
pub fn totals(f: &Facts) -> Totals {
    let lessons_given: u64 = f.lessons.values().sum();
    let certified_lessons: u64 = f.certified.values().sum();
    let placed = f
        .instance
        .students
        .iter()
        .filter(|s| {
            f.placements
                .get(&s.id)
                .is_some_and(|codes| codes.iter().any(|c| f.groups.contains_key(c)))
        })
        .count();
    let running = f.running_groups().count();
    Totals {
        lessons_given,
        certified_lessons,
        non_certified_lessons: lessons_given - certified_lessons,
        certified_share: share_value(certified_lessons, lessons_given),
        min_certified_lessons: f.rules.min_certified_share.minimum_of(lessons_given),
        target_certified_lessons: f.rules.target_certified_share.minimum_of(lessons_given),
        students_total: f.instance.students.len(),
        students_placed: placed,
        students_not_placed: f.instance.students.len() - placed,
        groups_total: f.groups.len(),
        groups_running: running,
        groups_closed: f.groups.len() - running,
    }
}

pub fn share_value(part: u64, total: u64) -> ShareValue {
    ShareValue {
        part,
        total,
        percent: percent_floor(part, total),
    }
}

/// C101 below the minimum, else C102 below the target. A schedule without lessons meets
/// every share (nothing was given by a non-certified teacher).
pub fn judge(f: &Facts, totals: &Totals) -> Vec<Finding> {
    let rules = f.rules;
    let (part, total) = (totals.certified_lessons, totals.lessons_given);
    let said = format!(
        "certified teachers gave {part} of {total} lessons ({})",
        percent_floor(part, total)
    );
    let said_nl = format!(
        "gecertificeerde docenten gaven {part} van {total} lessen ({})",
        percent_floor(part, total)
    );
    if !rules.min_certified_share.met_by(part, total) {
        let message_nl = format!(
            "{said_nl}; {} vraagt ten minste {} ({} lessen): er zijn {} gecertificeerde les(sen) meer nodig",
            rules.name,
            rules.min_certified_share,
            totals.min_certified_lessons,
            totals.min_certified_lessons.saturating_sub(part)
        );
        let message = format!(
            "{said}; {} requires at least {} ({} lessons), {} more certified lesson(s) needed",
            rules.name,
            rules.min_certified_share,
            totals.min_certified_lessons,
            totals.min_certified_lessons.saturating_sub(part)
        );
        return vec![
            Finding::new(
                FindingCode::ShareBelowMinimum,
                SubjectKind::Schedule,
                "schedule",
                message,
            )
            .nl(message_nl),
        ];
    }
    if !rules.target_certified_share.met_by(part, total) {
        let message_nl = format!(
            "{said_nl}; dat haalt het minimum van {} maar niet het streven van {} ({} lessen): \
             het doel blijft zoveel mogelijk gecertificeerde lessen",
            rules.min_certified_share,
            rules.target_certified_share,
            totals.target_certified_lessons
        );
        let message = format!(
            "{said}; this meets the minimum of {} but not the target of {} ({} lessons): \
             the aim stays as many certified lessons as possible",
            rules.min_certified_share,
            rules.target_certified_share,
            totals.target_certified_lessons
        );
        return vec![
            Finding::new(
                FindingCode::ShareBelowTarget,
                SubjectKind::Schedule,
                "schedule",
                message,
            )
            .nl(message_nl),
        ];
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
