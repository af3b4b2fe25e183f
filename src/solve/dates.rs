//! From counts to dates: which teacher gives which lesson of each class.
//!
//! A class given by one teacher is theirs on every date. A shared class is first assigned
//! date by date (the teacher with the most lessons left who is free then), and every
//! teacher's day and week are checked against the per-lesson rules; if that fails, the
//! feasibility program of `model::decompose` places the shared classes exactly. Counts are
//! kept either way, so the schedule costs what the program's solution costs. When no
//! placement exists the classes in conflict are named, to be split into single lessons.
//!
//! Rooms are placed the same way, after the teachers and apart from them (a room and a
//! teacher of a lesson constrain each other in nothing), first the pool of each lesson, then
//! its room in the pool (`dates/rooms.rs`).

use super::{Deadline, Settings, SolveError, backend};
use crate::domain::{Instance, TimeRange};
use crate::model::classes::{Week, week_of};
use crate::model::{Model, decompose};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};

/// Per class and date: the teacher (`None` for the lessons of a closed group).
pub type TeacherOf = Vec<Vec<Option<usize>>>;

/// Per class and date: the teacher and the room (indices; `None` for the lessons of a
/// closed group, and for every room of a school without rooms).
pub struct Dated {
    pub teachers: TeacherOf,
    pub rooms: Vec<Vec<Option<usize>>>,
}

mod rooms;
pub use rooms::split_in_pool;

/// How the dates were placed.
pub enum Placed {
    Done(Dated),
    /// No placement keeps every count: these classes must become single lessons.
    Split(BTreeSet<usize>),
}

/// What each teacher already gives, per date and per week.
#[derive(Default)]
struct Load {
    busy: HashMap<(usize, NaiveDate), Vec<TimeRange>>,
    week: HashMap<(usize, Week), u32>,
}

impl Load {
    fn add(&mut self, t: usize, date: NaiveDate, time: TimeRange) {
        self.busy.entry((t, date)).or_default().push(time);
        *self.week.entry((t, week_of(date))).or_default() += 1;
    }

    fn free(&self, instance: &Instance, t: usize, date: NaiveDate, time: TimeRange) -> bool {
        let clash = self
            .busy
            .get(&(t, date))
            .is_some_and(|b| b.iter().any(|r| r.overlaps(&time)));
        let full = instance.teachers[t]
            .max_lessons_per_week
            .is_some_and(|m| self.week.get(&(t, week_of(date))).copied().unwrap_or(0) >= m);
        !clash && !full
    }
}

/// The teacher and room of every lesson, keeping `counts` (per class: teacher, lessons; as
/// [`Model::counts`]) and `rooms` (per class: pool, lessons; as [`Model::room_counts`]).
pub fn place(
    instance: &Instance,
    model: &Model,
    counts: &[Vec<(usize, u32)>],
    rooms: &[Vec<(usize, u32)>],
    settings: &Settings,
    deadline: Deadline,
) -> Result<Placed, SolveError> {
    let teachers = match place_teachers(instance, model, counts, settings, deadline)? {
        Ok(t) => t,
        Err(split) => return Ok(Placed::Split(split)),
    };
    Ok(match rooms::place(model, rooms) {
        Ok(rooms) => Placed::Done(Dated { teachers, rooms }),
        Err(split) => Placed::Split(split),
    })
}

/// Per class and date the teacher, keeping `counts`; `Err` with the classes to split.
fn place_teachers(
    instance: &Instance,
    model: &Model,
    counts: &[Vec<(usize, u32)>],
    settings: &Settings,
    deadline: Deadline,
) -> Result<Result<TeacherOf, BTreeSet<usize>>, SolveError> {
    let mut teacher_of: TeacherOf = model
        .classes
        .iter()
        .map(|c| vec![None; c.dates.len()])
        .collect();
    let mut load = Load::default();
    let mut shared = BTreeSet::new();
    for (c, class) in model.classes.iter().enumerate() {
        match counts[c].as_slice() {
            [(t, _)] => {
                for (k, d) in class.dates.iter().enumerate() {
                    teacher_of[c][k] = Some(*t);
                    load.add(*t, *d, class.time);
                }
            }
            [] => {}
            _ => {
                shared.insert(c);
            }
        }
    }
    for &c in &shared {
        let class = &model.classes[c];
        let mut left: Vec<(usize, u32)> = counts[c].clone();
        for (k, d) in class.dates.iter().enumerate() {
            let pick = left
                .iter()
                .enumerate()
                .filter(|(_, (_, n))| *n > 0)
                .max_by_key(|(i, (t, n))| {
                    (
                        load.free(instance, *t, *d, class.time),
                        *n,
                        std::cmp::Reverse(*i),
                    )
                })
                .map(|(i, _)| i);
            if let Some(i) = pick {
                left[i].1 -= 1;
                teacher_of[c][k] = Some(left[i].0);
                load.add(left[i].0, *d, class.time);
            }
        }
    }
    let broken = conflicts(instance, model, &teacher_of);
    if broken.is_empty() {
        return Ok(Ok(teacher_of));
    }
    if shared.is_empty() {
        return Ok(Err(classes_of(model, &broken)));
    }
    let mut fixed = teacher_of.clone();
    for &c in &shared {
        fixed[c].iter_mut().for_each(|t| *t = None);
    }
    let sub = decompose::build(instance, model, counts, &fixed, &shared);
    let raw = backend::run(&sub.mip, &settings.quiet(), deadline, None)?;
    if raw.values.is_empty() {
        return Ok(Err(classes_of(model, &broken)));
    }
    for (c, k, t, v) in sub.vars {
        if raw.values.get(v).is_some_and(|x| *x > 0.5) {
            fixed[c][k] = Some(t);
        }
    }
    let left = conflicts(instance, model, &fixed);
    if left.is_empty() {
        Ok(Ok(fixed))
    } else {
        Ok(Err(classes_of(model, &left)))
    }
}

/// Where a teacher's day or week breaks a per-lesson rule. (The term's rows of the contract
/// cannot break here: every count is kept, and a term row sums counts.)
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Broken {
    /// Two lessons at once on this date.
    Day(usize, NaiveDate),
    /// More lessons than `max_lessons_per_week` in this week, or fewer than the contract's
    /// weekly minimum.
    Week(usize, Week),
}

/// Every day and week of a teacher that breaks a per-lesson rule.
fn conflicts(instance: &Instance, model: &Model, teacher_of: &TeacherOf) -> BTreeSet<Broken> {
    let mut days: HashMap<(usize, NaiveDate), Vec<TimeRange>> = HashMap::new();
    let mut weeks: HashMap<(usize, Week), u32> = HashMap::new();
    for (c, class) in model.classes.iter().enumerate() {
        for (k, d) in class.dates.iter().enumerate() {
            if let Some(t) = teacher_of[c][k] {
                days.entry((t, *d)).or_default().push(class.time);
                *weeks.entry((t, week_of(*d))).or_default() += 1;
            }
        }
    }
    let mut out = BTreeSet::new();
    for ((t, d), lessons) in &days {
        if lessons
            .iter()
            .enumerate()
            .any(|(i, a)| lessons[i + 1..].iter().any(|b| a.overlaps(b)))
        {
            out.insert(Broken::Day(*t, *d));
        }
    }
    for ((t, w), n) in &weeks {
        if instance.teachers[*t]
            .max_lessons_per_week
            .is_some_and(|m| *n > m)
        {
            out.insert(Broken::Week(*t, *w));
        }
    }
    for (t, required) in model.contract.iter().enumerate() {
        for (&w, &min) in &required.weeks {
            if weeks.get(&(t, w)).copied().unwrap_or(0) < min {
                out.insert(Broken::Week(t, w));
            }
        }
    }
    out
}

/// The classes of the rows that broke: every class the teacher could give on that date or
/// in that week. Made into single lessons, those rows become the per-lesson program's.
fn classes_of(model: &Model, broken: &BTreeSet<Broken>) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for (c, class) in model.classes.iter().enumerate() {
        let hit = broken.iter().any(|b| match *b {
            Broken::Day(t, d) => class.candidates.contains(&t) && class.dates.contains(&d),
            Broken::Week(t, w) => {
                class.candidates.contains(&t) && class.dates.iter().any(|d| week_of(*d) == w)
            }
        });
        if hit {
            out.insert(c);
        }
    }
    out
}
