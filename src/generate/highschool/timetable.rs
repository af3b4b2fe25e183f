//! The week's timetable for the planted lessons: every lesson in a period (a double lesson
//! in a double period) where neither its class nor its teacher has another lesson at the
//! same clock time, on a working day of the teacher, and at most one lesson of a course a
//! day. Built by min-conflicts: a lesson goes where it displaces the fewest others, which
//! go back into the queue. Lessons still unplaced after the step budget are left out of
//! the school (the caller drops them), so what is written is a timetable by construction.

use super::staff::Lesson;
use super::tables::{DOUBLES, PERIODS, SINGLES};
use crate::generate::dice::Dice;
use std::collections::{BTreeSet, VecDeque};

pub const DAYS: usize = 5;

/// Where a lesson is: a day (0 for Monday) and a block of [`SINGLES`] (0..8) or
/// [`DOUBLES`] (9..12).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub day: usize,
    pub block: usize,
}

impl Place {
    pub fn periods(self) -> &'static [usize] {
        match self.block.checked_sub(PERIODS) {
            Some(d) => DOUBLES.get(d).map_or(&[], |(_, p)| p.as_slice()),
            None => &ALL_PERIODS[self.block..=self.block],
        }
    }

    pub fn block_name(self) -> &'static str {
        match self.block.checked_sub(PERIODS) {
            Some(d) => DOUBLES.get(d).map_or("", |(n, _)| n),
            None => SINGLES.get(self.block).copied().unwrap_or(""),
        }
    }
}

const ALL_PERIODS: [usize; PERIODS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/// Who is where: per (owner, day, period) the lesson there.
struct Grid(Vec<Option<usize>>);

impl Grid {
    fn new(owners: usize) -> Self {
        Grid(vec![None; owners * DAYS * PERIODS])
    }
    fn at(&self, owner: usize, day: usize, period: usize) -> Option<usize> {
        self.0[(owner * DAYS + day) * PERIODS + period]
    }
    fn set(&mut self, owner: usize, day: usize, period: usize, v: Option<usize>) {
        self.0[(owner * DAYS + day) * PERIODS + period] = v;
    }
}

/// What a lesson needs to know of its course.
#[derive(Clone, Copy, Debug)]
pub struct Owner {
    pub class: usize,
    pub course: usize,
}

/// Places `lessons`; `owner[l]` is the class and course of lesson `l`, `days[t]` the
/// working days of teacher `t`. Returns each lesson's place, `None` for those left out.
pub fn place(
    lessons: &[Lesson],
    owner: &[Owner],
    days: &[BTreeSet<usize>],
    classes: usize,
    courses: usize,
    dice: &mut Dice,
) -> Vec<Option<Place>> {
    let mut class_grid = Grid::new(classes);
    let mut teacher_grid = Grid::new(days.len());
    let mut course_day: Vec<Option<usize>> = vec![None; courses * DAYS];
    let mut placed: Vec<Option<Place>> = vec![None; lessons.len()];
    // Hardest first: double lessons, then the lessons of the busiest teachers.
    let mut load = vec![0usize; days.len()];
    for l in lessons {
        load[l.teacher] += l.periods() as usize;
    }
    let mut order: Vec<usize> = (0..lessons.len()).collect();
    dice.shuffle(&mut order);
    order.sort_by_key(|&l| {
        let t = lessons[l].teacher;
        let per_day = load[t] * 10 / days[t].len().max(1);
        (!lessons[l].double, std::cmp::Reverse(per_day))
    });
    let mut queue: VecDeque<usize> = order.into();
    let budget = 200 * lessons.len() + 1000;
    let mut last_displaced_by: Vec<Option<usize>> = vec![None; lessons.len()];
    for _ in 0..budget {
        let Some(l) = queue.pop_front() else { break };
        let lesson = &lessons[l];
        let o = owner[l];
        let mut best: Vec<(usize, Place, Vec<usize>)> = Vec::new();
        let blocks: Vec<usize> = if lesson.double {
            (PERIODS..PERIODS + DOUBLES.len()).collect()
        } else {
            (0..PERIODS).collect()
        };
        for &day in &days[lesson.teacher] {
            for &block in &blocks {
                let p = Place { day, block };
                let mut hit = BTreeSet::new();
                for &period in p.periods() {
                    hit.extend(class_grid.at(o.class, day, period));
                    hit.extend(teacher_grid.at(lesson.teacher, day, period));
                }
                hit.extend(course_day[o.course * DAYS + day]);
                // Do not undo the lesson that just displaced this one.
                if last_displaced_by[l].is_some_and(|x| hit.contains(&x)) {
                    continue;
                }
                let cost = hit.len() * 4 + usize::from(block + 2 >= PERIODS && block < PERIODS);
                best.push((cost, p, hit.into_iter().collect()));
            }
        }
        let Some(min) = best.iter().map(|b| b.0).min() else {
            queue.push_back(l);
            continue;
        };
        let slack = if min > 0 && dice.chance(0.2) { 4 } else { 0 };
        let choices: Vec<&(usize, Place, Vec<usize>)> =
            best.iter().filter(|b| b.0 <= min + slack).collect();
        let Some(&(_, p, ref hit)) = dice.pick(&choices).copied() else {
            continue;
        };
        for &x in hit {
            if let Some(q) = placed[x].take() {
                let ox = owner[x];
                for &period in q.periods() {
                    class_grid.set(ox.class, q.day, period, None);
                    teacher_grid.set(lessons[x].teacher, q.day, period, None);
                }
                course_day[ox.course * DAYS + q.day] = None;
                last_displaced_by[x] = Some(l);
                queue.push_back(x);
            }
        }
        for &period in p.periods() {
            class_grid.set(o.class, p.day, period, Some(l));
            teacher_grid.set(lesson.teacher, p.day, period, Some(l));
        }
        course_day[o.course * DAYS + p.day] = Some(l);
        placed[l] = Some(p);
    }
    placed
}
