//! The dates of split classes: a small feasibility program.
//!
//! The program says how many lessons of each class every teacher gives; when a class is
//! shared, `solve::dates` must still say which teacher gives which date, within every
//! per-lesson rule. When its quick assignment fails, this program does it exactly: one
//! binary per (free class, date, teacher with a count there), every date once, every count
//! kept, and each teacher's no-overlap, weekly maximum and weekly minimum rows around the
//! lessons already fixed.
//! Keeping every count keeps the objective: a solution has the cost the program proved.

use super::classes::{Week, week_of};
use super::{Cmp, Family, Mip, Model, Subject, VarId};
use crate::domain::{Instance, TimeRange};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The sub-program with the meaning of its variables.
pub struct Decomposition {
    pub mip: Mip,
    /// (class, index of the date in the class, teacher, variable).
    pub vars: Vec<(usize, usize, usize, VarId)>,
}

/// A lesson of a teacher on a date: fixed (given already) or a variable.
enum Lesson {
    Fixed(TimeRange),
    Free(TimeRange, VarId),
}

/// `counts` per class as [`Model::counts`]; `teacher_of` per class and date the teacher of
/// the lessons already fixed (those of classes not in `free` are all fixed).
pub fn build(
    instance: &Instance,
    model: &Model,
    counts: &[Vec<(usize, u32)>],
    teacher_of: &[Vec<Option<usize>>],
    free: &BTreeSet<usize>,
) -> Decomposition {
    let mut mip = Mip::default();
    let mut vars = Vec::new();
    let mut by_date: BTreeMap<(usize, NaiveDate), Vec<Lesson>> = BTreeMap::new();
    let mut by_week: BTreeMap<(usize, Week), (u32, Vec<VarId>)> = BTreeMap::new();
    for &c in free {
        let class = &model.classes[c];
        let mut of_teacher: BTreeMap<usize, Vec<(VarId, f64)>> = BTreeMap::new();
        for (k, date) in class.dates.iter().enumerate() {
            let mut once = Vec::new();
            for &(t, _) in &counts[c] {
                let v = mip.binary(format!("a_{c}_{k}_{t}"), 0.0);
                vars.push((c, k, t, v));
                once.push((v, 1.0));
                of_teacher.entry(t).or_default().push((v, 1.0));
                by_date
                    .entry((t, *date))
                    .or_default()
                    .push(Lesson::Free(class.time, v));
                by_week.entry((t, week_of(*date))).or_default().1.push(v);
            }
            mip.row(
                format!("once_{c}_{k}"),
                Family::Staffing,
                Subject::Class(c),
                once,
                Cmp::Eq,
                1.0,
            );
        }
        for (t, terms) in of_teacher {
            let n = counts[c]
                .iter()
                .find(|(tt, _)| *tt == t)
                .map_or(0, |(_, n)| *n);
            mip.row(
                format!("count_{c}_{t}"),
                Family::Definition,
                Subject::Class(c),
                terms,
                Cmp::Eq,
                f64::from(n),
            );
        }
    }
    let involved: BTreeSet<usize> = by_date.keys().map(|(t, _)| *t).collect();
    for (c, class) in model.classes.iter().enumerate() {
        if free.contains(&c) {
            continue;
        }
        for (k, date) in class.dates.iter().enumerate() {
            if let Some(t) = teacher_of[c][k].filter(|t| involved.contains(t)) {
                if let Some(lessons) = by_date.get_mut(&(t, *date)) {
                    lessons.push(Lesson::Fixed(class.time));
                }
                if let Some(week) = by_week.get_mut(&(t, week_of(*date))) {
                    week.0 += 1;
                }
            }
        }
    }
    for ((t, date), lessons) in &by_date {
        let time = |l: &Lesson| match l {
            Lesson::Fixed(r) | Lesson::Free(r, _) => *r,
        };
        let starts: BTreeSet<_> = lessons.iter().map(|l| time(l).start).collect();
        for p in starts {
            let now: Vec<&Lesson> = lessons
                .iter()
                .filter(|l| time(l).start <= p && p < time(l).end)
                .collect();
            let fixed = now.iter().filter(|l| matches!(l, Lesson::Fixed(_))).count();
            let terms: Vec<(VarId, f64)> = now
                .iter()
                .filter_map(|l| match l {
                    Lesson::Free(_, v) => Some((*v, 1.0)),
                    Lesson::Fixed(_) => None,
                })
                .collect();
            if terms.len() + fixed > 1 {
                mip.row(
                    format!("overlap_{t}_{date}_{p}"),
                    Family::Overlap,
                    Subject::Dates {
                        teacher: *t,
                        dates: vec![*date],
                    },
                    terms,
                    Cmp::Le,
                    1.0 - fixed as f64,
                );
            }
        }
    }
    for ((t, week), (fixed, free_vars)) in by_week {
        let min = model.contract.get(t).map_or(0, |r| r.week(week));
        if min > fixed {
            mip.row(
                format!("weekly_min_{t}_{}_{}", week.0, week.1),
                Family::ContractMin,
                Subject::Weeks {
                    teacher: t,
                    weeks: vec![week],
                },
                free_vars.iter().map(|v| (*v, 1.0)).collect(),
                Cmp::Ge,
                f64::from(min) - f64::from(fixed),
            );
        }
        let Some(max) = instance.teachers[t].max_lessons_per_week else {
            continue;
        };
        if free_vars.len() as u32 + fixed > max {
            mip.row(
                format!("weekly_{t}_{}_{}", week.0, week.1),
                Family::WeeklyMax,
                Subject::Weeks {
                    teacher: t,
                    weeks: vec![week],
                },
                free_vars.into_iter().map(|v| (v, 1.0)).collect(),
                Cmp::Le,
                f64::from(max) - f64::from(fixed),
            );
        }
    }
    Decomposition { mip, vars }
}
