//! The locks of `locks.csv` (C158): a lesson covered by a `gives` lock is given by its
//! teacher, and no lesson covered by a `never` lock is given by its teacher.
//!
//! Only lessons that are given are judged: a lesson of a running group that nobody gives is
//! C141 already, and an optional group that stays closed has no lessons for its locks to
//! bind (a lock applies only when the group runs). One finding per lock, listing its broken
//! lessons, so a series given by the wrong teacher all term is one line.

use super::facts::{Facts, list_some};
use super::soundness::Plan;
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{Lock, LockRule};
use std::collections::BTreeMap;

/// C158 per broken lock.
pub fn judge(f: &Facts, plan: &Plan) -> Vec<Finding> {
    if f.instance.locks.is_empty() {
        return Vec::new();
    }
    let mut broken: BTreeMap<&Lock, Vec<String>> = BTreeMap::new();
    for (row, teacher) in f.given() {
        let Some(lesson) = plan.matched(row) else {
            continue; // C143
        };
        for lock in f.instance.locks_broken_by(
            Some(teacher),
            &lesson.course_code,
            &lesson.slot,
            lesson.date,
        ) {
            broken
                .entry(lock)
                .or_default()
                .push(format!("{} {} by {teacher}", row.date, lesson.slot));
        }
    }
    broken
        .into_iter()
        .map(|(lock, lessons)| {
            let what = match lock.rule {
                LockRule::Gives => "gives",
                LockRule::Never => "never gives",
            };
            Finding::new(
                FindingCode::LockBroken,
                SubjectKind::Teacher,
                lock.teacher.as_str(),
                format!(
                    "locks.csv says teacher {} {what} {}, but {} lesson(s) are given otherwise: {}",
                    lock.teacher,
                    lock.scope(),
                    lessons.len(),
                    list_some(&lessons)
                ),
            )
            .times(lessons.len())
        })
        .collect()
}
