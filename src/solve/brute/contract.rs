//! Contract hours in the brute force: the requirement of [`Instance::contract`] per teacher
//! and dense week of the lessons searched, judged as a staffing fills up; with the other
//! rules of a teacher's own ([`Personal`]), shared by the strict and the relaxed search.

use super::staffing::Lesson;
use crate::domain::{Instance, week_of};

/// A teacher's own limits and wishes over the lessons searched: the weekly maximum, the
/// contract hours and, per lesson and teacher, whether giving it breaks a wish.
pub(super) struct Personal {
    weekly_max: Vec<Option<u32>>,
    pub(super) contract: Contract,
    /// `breaks[i][t]`: teacher `t` giving lesson `i` breaks one of their wishes.
    pub(super) breaks: Vec<Vec<bool>>,
    /// The weight of a broken wish.
    pub(super) w_pref: f64,
}

impl Personal {
    pub(super) fn new(instance: &Instance, lessons: &[&Lesson], weeks: usize) -> Personal {
        Personal {
            weekly_max: instance
                .teachers
                .iter()
                .map(|t| t.max_lessons_per_week)
                .collect(),
            contract: Contract::new(instance, lessons, weeks),
            breaks: lessons
                .iter()
                .map(|l| {
                    let d = &l.lesson;
                    instance
                        .teachers
                        .iter()
                        .map(|t| t.wishes.broken_by(&d.course_code, &d.location, &d.slot))
                        .collect()
                })
                .collect(),
            w_pref: instance.school.weights.teacher_preference,
        }
    }

    /// Whether `t`, with `in_week` lessons in the lesson's week and `given` in all, may
    /// give one more: within the weekly and the term maximum.
    pub(super) fn may_take(&self, t: usize, in_week: u32, given: u32) -> bool {
        self.weekly_max[t].is_none_or(|max| in_week < max) && self.contract.may_take(t, given)
    }
}

pub(super) struct Contract {
    /// Per teacher and dense week: the weekly minimum.
    week_min: Vec<Vec<u32>>,
    term_min: Vec<u32>,
    term_max: Vec<Option<u32>>,
    /// Whether any teacher has contract hours (else every check is skipped).
    any: bool,
}

impl Contract {
    pub(super) fn new(instance: &Instance, lessons: &[&Lesson], weeks: usize) -> Contract {
        let required = instance.contract();
        let mut week_min = vec![vec![0; weeks]; instance.teachers.len()];
        for l in lessons {
            let w = week_of(l.lesson.date);
            for (t, r) in required.iter().enumerate() {
                week_min[t][l.week] = r.week(w);
            }
        }
        Contract {
            week_min,
            term_min: required.iter().map(|r| r.term_min).collect(),
            term_max: required.iter().map(|r| r.term_max).collect(),
            any: required.iter().any(|r| !r.is_empty()),
        }
    }

    /// Whether `t`, who gives `given` lessons so far, may give one more.
    pub(super) fn may_take(&self, t: usize, given: u32) -> bool {
        self.term_max[t].is_none_or(|max| given < max)
    }

    /// Whether every teacher has their minimum of dense week `week` (`per_week[t][week]`).
    pub(super) fn week_met(&self, per_week: &[Vec<u32>], week: usize) -> bool {
        !self.any
            || per_week
                .iter()
                .zip(&self.week_min)
                .all(|(given, min)| given[week] >= min[week])
    }

    /// Whether a complete staffing meets every weekly and term minimum (`lessons_of[t]`:
    /// the teacher's lessons in all).
    pub(super) fn met(&self, per_week: &[Vec<u32>], lessons_of: &[u32]) -> bool {
        if !self.any {
            return true;
        }
        let weeks = self.week_min.first().map_or(0, Vec::len);
        (0..weeks).all(|w| self.week_met(per_week, w))
            && lessons_of
                .iter()
                .zip(&self.term_min)
                .all(|(given, min)| given >= min)
    }
}
