//! Locks (`locks.csv`): a planner's "this teacher gives these lessons" and "this teacher
//! gives none of them".
//!
//! A lock narrows the teachers a lesson may have: a `gives` lock leaves only its teacher, a
//! `never` lock takes its teacher away. Everything that asks who may give a lesson (the
//! program's classes, the brute force, the constructive schedule through the classes, the
//! checker) asks [`Instance::lock_allows`], so they agree by construction. In a replan the
//! history before its date answers for itself (see [`super::frozen`]). A lock binds a
//! lesson only when it is given: an optional group that stays closed has no lessons, and
//! its locks ask nothing.

use super::ids::{CourseCode, TeacherId};
use super::instance::Instance;
use super::time::Slot;
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt;

/// What a lock says about its teacher and its lessons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LockRule {
    /// The teacher gives every one of these lessons (when the group runs).
    Gives,
    /// The teacher gives none of these lessons.
    Never,
}

impl fmt::Display for LockRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LockRule::Gives => "gives",
            LockRule::Never => "never",
        })
    }
}

/// A row of `locks.csv`. `slot` and `date` narrow the lessons of the course it covers:
/// neither, every lesson; a slot, that weekly series; a date, the lessons on that day; both,
/// that dated lesson of that series.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Lock {
    pub teacher: TeacherId,
    pub course_code: CourseCode,
    pub slot: Option<Slot>,
    pub date: Option<NaiveDate>,
    pub rule: LockRule,
}

impl Lock {
    /// Whether the lock covers the lesson of `course` in `slot` on `date`.
    pub fn covers(&self, course: &CourseCode, slot: &Slot, date: NaiveDate) -> bool {
        &self.course_code == course
            && self.slot.as_ref().is_none_or(|s| s == slot)
            && self.date.is_none_or(|d| d == date)
    }

    /// What the lock covers, for messages: `B1-UTR-01`, `B1-UTR-01 mon-morning`,
    /// `B1-UTR-01 on 2025-09-01`, `B1-UTR-01 mon-morning on 2025-09-01`.
    pub fn scope(&self) -> String {
        self.scope_with("on")
    }

    /// [`Lock::scope`] for a Dutch text: `B1-UTR-01 mon-morning op 2025-09-01`.
    pub fn scope_nl(&self) -> String {
        self.scope_with("op")
    }

    fn scope_with(&self, on: &str) -> String {
        let mut out = self.course_code.to_string();
        if let Some(s) = &self.slot {
            out.push_str(&format!(" {s}"));
        }
        if let Some(d) = self.date {
            out.push_str(&format!(" {on} {d}"));
        }
        out
    }
}

impl fmt::Display for Lock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.teacher, self.rule, self.scope())
    }
}

impl Instance {
    /// Whether the locks let `teacher` give the lesson of `course` in `slot` on `date`: no
    /// `never` lock of theirs covers it and no `gives` lock of another teacher does.
    pub fn lock_allows(
        &self,
        teacher: &TeacherId,
        course: &CourseCode,
        slot: &Slot,
        date: NaiveDate,
    ) -> bool {
        // History is a fact: CURRENT's teacher gave it, whatever the locks say now.
        if let Some(given) = self.history_teacher(course, slot, date) {
            return given == Some(teacher);
        }
        self.locks
            .iter()
            .filter(|l| l.covers(course, slot, date))
            .all(|l| match l.rule {
                LockRule::Gives => &l.teacher == teacher,
                LockRule::Never => &l.teacher != teacher,
            })
    }

    /// The locks that `teacher` giving (`Some`) or nobody giving (`None`) that lesson
    /// breaks, in file order: another teacher's or nobody's `gives`, the teacher's `never`.
    pub fn locks_broken_by(
        &self,
        teacher: Option<&TeacherId>,
        course: &CourseCode,
        slot: &Slot,
        date: NaiveDate,
    ) -> Vec<&Lock> {
        if self.history_teacher(course, slot, date).is_some() {
            return Vec::new(); // no lock binds history (C162 judges it)
        }
        self.locks
            .iter()
            .filter(|l| l.covers(course, slot, date))
            .filter(|l| match l.rule {
                LockRule::Gives => teacher != Some(&l.teacher),
                LockRule::Never => teacher == Some(&l.teacher),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Day;

    fn lock(teacher: &str, slot: Option<Slot>, date: Option<NaiveDate>, rule: LockRule) -> Lock {
        Lock {
            teacher: TeacherId::new(teacher),
            course_code: CourseCode::new("G1"),
            slot,
            date,
            rule,
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 9, d).unwrap_or_default()
    }

    #[test]
    fn a_lock_covers_only_the_lessons_its_slot_and_date_narrow_it_to() {
        let mon = Slot::new(Day::Mon, "morning");
        let wed = Slot::new(Day::Wed, "morning");
        let g1 = CourseCode::new("G1");
        let g2 = CourseCode::new("G2");
        let all = lock("T1", None, None, LockRule::Gives);
        assert!(all.covers(&g1, &mon, day(1)) && all.covers(&g1, &wed, day(3)));
        assert!(!all.covers(&g2, &mon, day(1)));
        let series = lock("T1", Some(mon.clone()), None, LockRule::Gives);
        assert!(series.covers(&g1, &mon, day(8)) && !series.covers(&g1, &wed, day(3)));
        let dated = lock("T1", None, Some(day(1)), LockRule::Gives);
        assert!(dated.covers(&g1, &mon, day(1)) && !dated.covers(&g1, &mon, day(8)));
        let both = lock("T1", Some(wed.clone()), Some(day(3)), LockRule::Never);
        assert!(both.covers(&g1, &wed, day(3)) && !both.covers(&g1, &mon, day(3)));
    }
}
