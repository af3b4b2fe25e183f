//! The planted staffing per dated lesson (`--tight`): the weekly plant unrolled over every
//! date of its group, with a substitute on each date its teacher is away. An absence is
//! only drawn where every lesson it touches gets a substitute who may give it on that date:
//! same location and profile, available in the slot, not away, free in clock time that day
//! and below their weekly maximum in that ISO week. So the plant stays a schedule of the
//! exact problem, date by date.

use super::dice::Dice;
use super::staff::Planted;
use crate::domain::{Day, Group, School, Slot, Teacher, TimeRange, TimetableRow};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// An ISO week: (ISO year, week number).
type Week = (i32, u32);

fn week_of(date: NaiveDate) -> Week {
    let w = date.iso_week();
    (w.year(), w.week())
}

/// One planted lesson on one date.
#[derive(Clone, Debug)]
struct Lesson {
    group: usize,
    slot: Slot,
    date: NaiveDate,
    time: TimeRange,
    teacher: usize,
}

/// The dated plant and what a substitute search needs to know of it.
pub struct Dated<'a> {
    groups: &'a [Group],
    teachers: &'a [Teacher],
    lessons: Vec<Lesson>,
    /// Per (teacher, date): the lessons they give that day.
    on: BTreeMap<(usize, NaiveDate), Vec<usize>>,
    /// Per (teacher, ISO week): how many lessons they give.
    weekly: BTreeMap<(usize, Week), u32>,
    /// Per teacher: the periods they are away, inclusive.
    away: Vec<Vec<(NaiveDate, NaiveDate)>>,
    /// (group, teacher) pairs with a lesson at some point.
    known: BTreeSet<(usize, usize)>,
}

impl<'a> Dated<'a> {
    /// The weekly plant on every open date of each group's term, in group, slot and date
    /// order; slots whose block the school lacks have no lessons (as in the domain).
    pub fn new(
        school: &School,
        groups: &'a [Group],
        teachers: &'a [Teacher],
        planted: &[Planted],
    ) -> Self {
        let mut dated = Dated {
            groups,
            teachers,
            lessons: Vec::new(),
            on: BTreeMap::new(),
            weekly: BTreeMap::new(),
            away: vec![Vec::new(); teachers.len()],
            known: BTreeSet::new(),
        };
        for p in planted {
            let (Some(g), Some(block)) = (groups.get(p.group), school.block(p.slot.block.as_str()))
            else {
                continue;
            };
            let mut date = g.start;
            while date <= g.end {
                if school.is_open(date) && Day::of(date) == p.slot.day {
                    dated.lessons.push(Lesson {
                        group: p.group,
                        slot: p.slot.clone(),
                        date,
                        time: block.time,
                        teacher: p.teacher,
                    });
                }
                match date.succ_opt() {
                    Some(next) => date = next,
                    None => break,
                }
            }
        }
        for i in 0..dated.lessons.len() {
            let (t, date) = (dated.lessons[i].teacher, dated.lessons[i].date);
            dated.add(i, t, date);
        }
        dated
    }

    fn add(&mut self, lesson: usize, t: usize, date: NaiveDate) {
        self.known.insert((self.lessons[lesson].group, t));
        self.on.entry((t, date)).or_default().push(lesson);
        *self.weekly.entry((t, week_of(date))).or_default() += 1;
    }

    /// Hands `lesson` to teacher `u`.
    fn assign(&mut self, lesson: usize, u: usize) {
        let (t, date) = (self.lessons[lesson].teacher, self.lessons[lesson].date);
        if let Some(list) = self.on.get_mut(&(t, date)) {
            list.retain(|&l| l != lesson);
        }
        if let Some(n) = self.weekly.get_mut(&(t, week_of(date))) {
            *n = n.saturating_sub(1);
        }
        self.lessons[lesson].teacher = u;
        self.add(lesson, u, date);
    }

    pub fn is_away(&self, t: usize, date: NaiveDate) -> bool {
        self.away
            .get(t)
            .is_some_and(|spans| spans.iter().any(|(f, to)| *f <= date && date <= *to))
    }

    /// The dates `t` gives a lesson on, in order.
    pub fn teaching_dates(&self, t: usize) -> Vec<NaiveDate> {
        self.on
            .range((t, NaiveDate::MIN)..=(t, NaiveDate::MAX))
            .filter(|(_, list)| !list.is_empty())
            .map(|((_, d), _)| *d)
            .collect()
    }

    /// Whether `u` may give `lesson` on its date, besides the lessons they already give.
    fn may_give(&self, u: usize, lesson: &Lesson) -> bool {
        let (Some(t), Some(g)) = (self.teachers.get(u), self.groups.get(lesson.group)) else {
            return false;
        };
        let week = self
            .weekly
            .get(&(u, week_of(lesson.date)))
            .copied()
            .unwrap_or(0);
        t.locations.contains(&g.location)
            && t.profiles.contains(&g.profile)
            && t.available.allows(&lesson.slot)
            && !self.is_away(u, lesson.date)
            && t.max_lessons_per_week.is_none_or(|m| week < m)
            && self
                .on
                .get(&(u, lesson.date))
                .into_iter()
                .flatten()
                .all(|&o| !self.lessons[o].time.overlaps(&lesson.time))
    }

    /// The substitute for `lesson`: of the absent teacher's status first (the certified
    /// share stays), then someone who already teaches the group, then the least busy that
    /// week, with a random tie-break.
    fn substitute(&self, lesson: usize, dice: &mut Dice) -> Option<usize> {
        let l = &self.lessons[lesson];
        let certified = self
            .teachers
            .get(l.teacher)
            .is_some_and(|t| t.is_certified());
        let mut best: Option<(f64, usize)> = None;
        for u in 0..self.teachers.len() {
            if u == l.teacher || !self.may_give(u, l) {
                continue;
            }
            let status = if self.teachers[u].is_certified() == certified {
                0.0
            } else {
                10.0
            };
            let known = self.known.contains(&(l.group, u));
            let week = self.weekly.get(&(u, week_of(l.date))).copied().unwrap_or(0);
            let score = status
                + if known { 0.0 } else { 2.0 }
                + 0.5 * f64::from(week)
                + dice.uniform(0.0, 1.0);
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, u));
            }
        }
        best.map(|(_, u)| u)
    }

    /// Makes `t` away from `from` to `to` if every lesson of theirs then gets a substitute;
    /// otherwise changes nothing. Returns whether the absence was recorded.
    pub fn absent(&mut self, t: usize, from: NaiveDate, to: NaiveDate, dice: &mut Dice) -> bool {
        if t >= self.away.len() || self.away[t].iter().any(|(f, e)| *f <= to && from <= *e) {
            return false;
        }
        self.away[t].push((from, to));
        let touched: Vec<usize> = self
            .on
            .range((t, from)..=(t, to))
            .flat_map(|(_, list)| list.iter().copied())
            .collect();
        let mut done: Vec<usize> = Vec::new();
        for lesson in touched {
            match self.substitute(lesson, dice) {
                Some(u) => {
                    self.assign(lesson, u);
                    done.push(lesson);
                }
                None => {
                    for l in done.into_iter().rev() {
                        self.assign(l, t);
                    }
                    self.away[t].pop();
                    return false;
                }
            }
        }
        true
    }

    /// Each teacher's most lessons in one ISO week.
    pub fn peaks(&self) -> Vec<u32> {
        let mut out = vec![0; self.teachers.len()];
        for (&(t, _), &n) in &self.weekly {
            if let Some(p) = out.get_mut(t) {
                *p = (*p).max(n);
            }
        }
        out
    }

    /// The plant as timetable rows, in date, time and course order (as `solve` writes them).
    pub fn timetable(&self) -> Vec<TimetableRow> {
        let mut rows: Vec<TimetableRow> = self
            .lessons
            .iter()
            .filter_map(|l| {
                let g = self.groups.get(l.group)?;
                Some(TimetableRow {
                    course_code: g.course_code.clone(),
                    date: l.date,
                    time: l.time,
                    location: g.location.clone(),
                    teacher: self.teachers.get(l.teacher).map(|t| t.id.clone()),
                    room: None,
                })
            })
            .collect();
        rows.sort_by(|a, b| {
            (a.date, a.time, &a.course_code).cmp(&(b.date, b.time, &b.course_code))
        });
        rows
    }
}
