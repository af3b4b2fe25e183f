//! The locks of `locks.csv` (C158): a lesson covered by a `gives` lock is given by its
//! teacher, and no lesson covered by a `never` lock is given by its teacher.
//!
//! Only lessons that are given are judged: a lesson of a running group that nobody gives is
//! C141 already, and an optional group that stays closed has no lessons for its locks to
//! bind (a lock applies only when the group runs). One finding per lock, listing its broken
//! lessons, so a series given by the wrong teacher all term is one line.

use super::facts::{Facts, list_some, list_some_nl};
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
    // The lessons given otherwise, in English and in Dutch.
    type Lessons = (Vec<String>, Vec<String>);
    let mut broken: BTreeMap<&Lock, Lessons> = BTreeMap::new();
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
            let (en, nl) = broken.entry(lock).or_default();
            en.push(format!("{} {} by {teacher}", row.date, lesson.slot));
            nl.push(format!("{} {} door {teacher}", row.date, lesson.slot));
        }
    }
    broken
        .into_iter()
        .map(|(lock, (lessons, lessons_nl))| {
            let (what, what_nl) = match lock.rule {
                LockRule::Gives => ("gives", "geeft"),
                LockRule::Never => ("never gives", "geeft nooit"),
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
            .nl(format!(
                "volgens locks.csv {what_nl} docent {} {}, maar {} les(sen) worden anders gegeven: {}",
                lock.teacher,
                lock.scope_nl(),
                lessons_nl.len(),
                list_some_nl(&lessons_nl)
            ))
            .times(lessons.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{Fx, codes, date, handleiding, messages, slot};
    use crate::diag::Code;
    use crate::domain::{CourseCode, Lock, LockRule, TeacherId};

    /// G1 on five Mondays, certified T1 and T2; one lock.
    fn school(teacher: &str, on: Option<&str>, rule: LockRule) -> Fx {
        let mut fx = Fx::new();
        fx.teacher("T1", true);
        fx.teacher("T2", true);
        fx.group("G1", "Utrecht", "B1");
        fx.instance.locks.push(Lock {
            teacher: TeacherId::new(teacher),
            course_code: CourseCode::new("G1"),
            slot: Some(slot("mon-morning")),
            date: on.map(date),
            rule,
        });
        fx
    }

    #[test]
    fn a_gives_lock_given_by_another_teacher_is_c158_once_with_its_lessons() {
        let mut fx = school("T2", None, LockRule::Gives);
        fx.staff_split("G1", &[("T2", 3), ("T1", 2)]);
        let report = fx.check(&handleiding());
        let found = messages(&report, Code::LockBroken);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("T2 gives G1 mon-morning"), "{}", found[0]);
        assert!(found[0].contains("2 lesson(s)"), "{}", found[0]);
        assert!(found[0].contains("2025-09-22") && found[0].contains("2025-09-29"));
        assert!(!report.compliant);
    }

    #[test]
    fn a_never_lock_broken_on_its_date_is_c158_and_kept_elsewhere_is_not() {
        let mut fx = school("T1", Some("2025-09-08"), LockRule::Never);
        fx.staff_split("G1", &[("T1", 1), ("T2", 1), ("T1", 3)]);
        assert!(!codes(&fx.check(&handleiding())).contains(&Code::LockBroken));
        let mut broken = school("T1", Some("2025-09-08"), LockRule::Never);
        broken.staff("G1", "T1");
        let report = broken.check(&handleiding());
        let found = messages(&report, Code::LockBroken);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("T1 never gives G1 mon-morning on 2025-09-08"));
    }
}
