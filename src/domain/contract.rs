//! Contract hours: a teacher's `min_lessons_per_week`, `min_lessons_per_term` and
//! `max_lessons_per_term` (`teachers.csv`), and what they require of a schedule.
//!
//! # The rule (one place: the program, the brute force and the checker all ask [`Instance::contract`])
//! A teacher *could give* a lesson when they are qualified for it (location, profile), available
//! in its weekly slot, not unavailable that date, the locks allow it, and their weekly maximum is
//! not 0. The lessons that count are those of the groups that must run (not optional, or with
//! a pinned student): an optional group that may stay closed never makes a minimum larger.
//! What a teacher could give in a calendar week (Monday to Sunday, as `max_lessons_per_week`)
//! is the most of those lessons they could give that week, lessons at the same time counted
//! once, a group with a choice of meeting times counted in one alternative (the one in which
//! the teacher could give it the most lessons that week), and never more than
//! `max_lessons_per_week`.
//!
//! - **Week**: the teacher gives at least `min(min_lessons_per_week, what they could give that
//!   week)` lessons. A week of holidays or of absence on every teaching day asks nothing; a week
//!   with one teaching day left asks what that day allows.
//! - **Term**: at least `min(min_lessons_per_term, the sum over the weeks of what they could
//!   give)` lessons in all, and at most `max_lessons_per_term`.
//!
//! Every lesson the teacher gives counts towards these, of any group (an optional group that
//! runs too). The requirement is a number per teacher and week known before planning, so the
//! program's rows have constant right-hand sides and the checker counts exactly the same.

use super::instance::{Group, Instance, Teacher};
use super::lesson::Lesson;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// An ISO week: (ISO year, week number), Monday to Sunday.
pub type Week = (i32, u32);

pub fn week_of(date: NaiveDate) -> Week {
    let w = date.iso_week();
    (w.year(), w.week())
}

/// A teacher's contract hours as `teachers.csv` gives them; `None`: none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Contract {
    pub min_per_week: Option<u32>,
    pub min_per_term: Option<u32>,
    pub max_per_term: Option<u32>,
}

impl Contract {
    pub fn is_empty(&self) -> bool {
        *self == Contract::default()
    }

    /// Whether a minimum (of the week or the term) is set above zero.
    pub fn has_minimum(&self) -> bool {
        self.min_per_week.is_some_and(|m| m > 0) || self.min_per_term.is_some_and(|m| m > 0)
    }
}

/// What one teacher's contract requires of a schedule (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Required {
    /// The weeks with a minimum above zero, and that minimum.
    pub weeks: BTreeMap<Week, u32>,
    /// The fewest lessons in the whole term (0: none).
    pub term_min: u32,
    /// The most lessons in the whole term.
    pub term_max: Option<u32>,
}

impl Required {
    pub fn is_empty(&self) -> bool {
        self.weeks.is_empty() && self.term_min == 0 && self.term_max.is_none()
    }

    /// The minimum of `week` (0 when none).
    pub fn week(&self, week: Week) -> u32 {
        self.weeks.get(&week).copied().unwrap_or(0)
    }
}

impl Instance {
    /// Whether `group` runs in every schedule: not optional, or a student is pinned to it.
    pub fn must_run(&self, group: &Group) -> bool {
        !group.optional
            || self
                .students
                .iter()
                .any(|s| s.pinned.as_ref() == Some(&group.course_code))
    }

    /// Whether `teacher` could give `lesson` of `group`: qualified, available in its slot,
    /// not unavailable that date, allowed by the locks, a weekly maximum above zero.
    pub fn could_give(&self, teacher: &Teacher, group: &Group, lesson: &Lesson) -> bool {
        teacher.locations.contains(&group.location)
            && teacher.profiles.contains(&group.profile)
            && teacher.available.allows(&lesson.slot)
            && teacher.max_lessons_per_week != Some(0)
            && !self.is_unavailable(&teacher.id, lesson.date)
            && self.lock_allows(&teacher.id, &group.course_code, &lesson.slot, lesson.date)
    }

    /// Per teacher, in the order of `teachers`, what their contract hours require.
    pub fn contract(&self) -> Vec<Required> {
        let with: Vec<usize> = (0..self.teachers.len())
            .filter(|&t| !self.teachers[t].contract.is_empty())
            .collect();
        let mut out = vec![Required::default(); self.teachers.len()];
        if with.is_empty() {
            return out;
        }
        let lessons: Vec<(&Group, Lesson)> = self
            .groups
            .iter()
            .filter(|g| self.must_run(g))
            .flat_map(|g| self.lessons_of(g).into_iter().map(move |l| (g, l)))
            .collect();
        for t in with {
            let teacher = &self.teachers[t];
            let mut by_date: BTreeMap<NaiveDate, Vec<(chrono::NaiveTime, chrono::NaiveTime)>> =
                BTreeMap::new();
            for (g, l) in &lessons {
                if self.could_give(teacher, g, l) {
                    by_date
                        .entry(l.date)
                        .or_default()
                        .push((l.time.end, l.time.start));
                }
            }
            let mut could: BTreeMap<Week, u32> = BTreeMap::new();
            for (date, mut times) in by_date {
                *could.entry(week_of(date)).or_default() += apart(&mut times);
            }
            // A group meets in one of its alternatives: in a week it gives at most the
            // lessons of one (the alternative with most the teacher could give).
            let of_groups = one_alternative_each(&lessons, |g, l| self.could_give(teacher, g, l));
            for (w, n) in could.iter_mut() {
                *n = (*n).min(of_groups.get(w).copied().unwrap_or(0));
            }
            if let Some(max) = teacher.max_lessons_per_week {
                could.values_mut().for_each(|n| *n = (*n).min(max));
            }
            let c = teacher.contract;
            let r = &mut out[t];
            if let Some(min) = c.min_per_week.filter(|m| *m > 0) {
                r.weeks = could
                    .iter()
                    .map(|(w, n)| (*w, (*n).min(min)))
                    .filter(|(_, n)| *n > 0)
                    .collect();
            }
            let term: u32 = could.values().sum();
            r.term_min = c.min_per_term.map_or(0, |m| m.min(term));
            r.term_max = c.max_per_term;
        }
        out
    }
}

/// Per week, the lessons of `lessons` (in the order of their groups) for which `counts`
/// holds, each group counted in the one alternative with the most of them. A group without
/// a choice of meeting times counts all of its lessons.
fn one_alternative_each(
    lessons: &[(&Group, Lesson)],
    counts: impl Fn(&Group, &Lesson) -> bool,
) -> BTreeMap<Week, u32> {
    let mut out: BTreeMap<Week, u32> = BTreeMap::new();
    for run in lessons.chunk_by(|a, b| a.0.course_code == b.0.course_code) {
        let group = run[0].0;
        let mut per: BTreeMap<Week, Vec<u32>> = BTreeMap::new();
        for (_, l) in run.iter().filter(|(g, l)| counts(g, l)) {
            let n = per
                .entry(week_of(l.date))
                .or_insert_with(|| vec![0; group.alternatives().len()]);
            for a in group.alternatives_with(&l.slot) {
                n[a] += 1;
            }
        }
        for (w, n) in per {
            *out.entry(w).or_default() += n.into_iter().max().unwrap_or(0);
        }
    }
    out
}

/// The most lessons of one date nobody gives two of at once: by earliest end. `times` are
/// (end, start).
fn apart(times: &mut [(chrono::NaiveTime, chrono::NaiveTime)]) -> u32 {
    times.sort_unstable();
    let mut most = 0;
    let mut free_from = None;
    for &(end, start) in times.iter() {
        if free_from.is_none_or(|f| start >= f) {
            most += 1;
            free_from = Some(end);
        }
    }
    most
}
