//! Who gives which lesson, with what the hard rules and the objective need to know kept up
//! to date on every move: each teacher's lessons per date and per ISO week, each group's
//! teachers, certified lessons per group and in all, and the non-certified teachers who
//! teach (each needs a mentor place).

use super::lessons::Lessons;
use crate::domain::{Instance, RuleSet, Weights};
use crate::model::classes::Week;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// The norms a staffing is held to, and the weights it is judged by.
#[derive(Clone, Copy, Debug)]
pub(super) struct Needs {
    /// Certified lessons every running group needs (1.7.1b).
    pub per_course: u32,
    /// Mentor places: certified teachers' and external mentors' capacity; `u32::MAX` when
    /// the rule set requires no supervision.
    pub mentor_places: u32,
    pub weights: Weights,
}

pub(super) struct Staff<'a> {
    pub instance: &'a Instance,
    pub rules: &'a RuleSet,
    pub lessons: &'a Lessons,
    pub needs: Needs,
    /// Per group: whether it runs (its lessons must all be given); see [`Staff::stop`].
    pub running: Vec<bool>,
    /// Per lesson: its teacher.
    pub teacher_of: Vec<Option<usize>>,
    pub certified: Vec<bool>,
    /// Per teacher and date: their lessons. Looked up, never iterated.
    day: HashMap<(usize, NaiveDate), Vec<usize>>,
    /// Per teacher and ISO week: their lessons. Looked up, never iterated.
    week: HashMap<(usize, Week), Vec<usize>>,
    /// Per group: teacher -> lessons they give it.
    pub per_group: Vec<BTreeMap<usize, u32>>,
    /// Per group: lessons given by certified teachers.
    pub certified_in: Vec<u32>,
    /// Per teacher: lessons given.
    pub taught: Vec<u32>,
    /// Lessons given, and of those by certified teachers.
    pub given: u64,
    pub certified_given: u64,
    /// Distinct (teacher, group) pairs.
    pub pairs: u64,
    /// Non-certified teachers who give at least one lesson.
    pub mentees: u32,
    /// Lessons of the running groups: what the 1.7.1a floor is counted over.
    to_give: u64,
    /// Every change, to go back to a [`Mark`]: (lesson, its teacher before, whether its
    /// group met 1.7.1b before).
    log: Vec<(usize, Option<usize>, bool)>,
}

impl<'a> Staff<'a> {
    pub fn new(
        instance: &'a Instance,
        rules: &'a RuleSet,
        lessons: &'a Lessons,
        running: Vec<bool>,
    ) -> Staff<'a> {
        let mentor_places = if rules.mentor_required {
            let internal: u64 = instance
                .teachers
                .iter()
                .filter(|t| t.is_certified())
                .map(|t| u64::from(t.mentor_capacity))
                .sum();
            let external: u64 = instance.mentors.iter().map(|m| u64::from(m.capacity)).sum();
            u32::try_from(internal + external).unwrap_or(u32::MAX - 1)
        } else {
            u32::MAX
        };
        let groups = instance.groups.len();
        let to_give = (0..groups)
            .filter(|&g| running[g])
            .map(|g| lessons.of_group[g].len() as u64)
            .sum();
        Staff {
            instance,
            rules,
            lessons,
            needs: Needs {
                per_course: rules.min_certified_lessons_per_course,
                mentor_places,
                weights: instance.school.weights,
            },
            running,
            teacher_of: vec![None; lessons.list.len()],
            certified: instance.teachers.iter().map(|t| t.is_certified()).collect(),
            day: HashMap::new(),
            week: HashMap::new(),
            per_group: vec![BTreeMap::new(); groups],
            certified_in: vec![0; groups],
            taught: vec![0; instance.teachers.len()],
            given: 0,
            certified_given: 0,
            pairs: 0,
            mentees: 0,
            to_give,
            log: Vec::new(),
        }
    }

    /// The lessons of the running groups: what the 1.7.1a floor is counted over.
    pub fn to_give(&self) -> u64 {
        self.to_give
    }

    /// Group `g` no longer runs: its lessons are given by nobody.
    pub fn stop(&mut self, g: usize) {
        for &l in &self.lessons.of_group[g] {
            self.unassign(l);
        }
        self.set_running(g, false);
    }

    /// Whether group `g` runs (its lessons are given by whoever they were given by).
    pub fn set_running(&mut self, g: usize, running: bool) {
        if self.running[g] != running {
            let n = self.lessons.of_group[g].len() as u64;
            self.to_give = if running {
                self.to_give + n
            } else {
                self.to_give - n
            };
            self.running[g] = running;
        }
    }

    /// The fewest certified lessons 1.7.1a allows once every lesson is given.
    pub fn floor(&self) -> u64 {
        self.rules.min_certified_share.minimum_of(self.to_give())
    }

    /// Whether `t` may give `l` now: eligible, no other lesson of theirs overlapping it
    /// that date, and room in their week.
    pub fn can(&self, t: usize, l: usize) -> bool {
        self.lessons.is_candidate(l, t) && self.free(t, l)
    }

    /// Whether `t` has no lesson overlapping `l` and room in that week (eligibility aside).
    pub fn free(&self, t: usize, l: usize) -> bool {
        self.blockers(t, l).is_some_and(|b| b.is_empty())
    }

    /// What keeps `t` from giving `l`: `Some(empty)` when nothing does; `Some(list)` when
    /// taking any one lesson of the list away from `t` frees them; `None` when more than
    /// one lesson would have to go (two overlapping lessons).
    pub fn blockers(&self, t: usize, l: usize) -> Option<Vec<usize>> {
        self.blockers_after(t, l, &[], &[])
    }

    /// [`Staff::blockers`] once the lessons of `leaving` have left their teachers and `t`
    /// has taken those of `taken` (a chain of moves judged as a whole).
    pub fn blockers_after(
        &self,
        t: usize,
        l: usize,
        leaving: &[usize],
        taken: &[usize],
    ) -> Option<Vec<usize>> {
        let lesson = &self.lessons.list[l];
        let list = &self.lessons.list;
        if taken
            .iter()
            .any(|&o| list[o].date == lesson.date && list[o].time.overlaps(&lesson.time))
        {
            return None;
        }
        let stays = |o: &usize| *o != l && !leaving.contains(o);
        let overlapping: Vec<usize> = self.overlapping(t, l).into_iter().filter(stays).collect();
        let max = self.instance.teachers[t].max_lessons_per_week;
        let week: Vec<usize> = self.week_of(t, l).iter().copied().filter(stays).collect();
        let n = (week.len()
            + taken
                .iter()
                .filter(|&&o| list[o].week == lesson.week)
                .count()) as u32;
        let room = max.is_none_or(|m| n < m);
        match overlapping.len() {
            0 if room => Some(Vec::new()),
            // Taking the overlapping lesson away frees its place in the week too.
            1 if room || max.is_some_and(|m| n <= m) => Some(overlapping),
            0 if max.is_some_and(|m| n == m) => Some(week),
            _ => None,
        }
    }

    /// Every lesson of `t` in the way of `l`: overlapping it that date, and the week's
    /// lessons when the week is full.
    pub fn in_the_way(&self, t: usize, l: usize) -> Vec<usize> {
        let mut out = self.overlapping(t, l);
        let week = self.week_of(t, l);
        let full = self.instance.teachers[t]
            .max_lessons_per_week
            .is_some_and(|m| week.len() as u32 >= m);
        if full {
            out.extend(week.iter().copied().filter(|&o| o != l));
        }
        out
    }

    /// The other lessons of `t` that overlap `l` on its date.
    pub fn overlapping(&self, t: usize, l: usize) -> Vec<usize> {
        let lesson = &self.lessons.list[l];
        self.day
            .get(&(t, lesson.date))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&o| o != l && self.lessons.list[o].time.overlaps(&lesson.time))
            .collect()
    }

    /// The lessons of `t` in the ISO week of `l` (`l` among them if `t` gives it).
    fn week_of(&self, t: usize, l: usize) -> &[usize] {
        let week = self.lessons.list[l].week;
        self.week.get(&(t, week)).map_or(&[][..], Vec::as_slice)
    }

    /// Lessons of `t` this ISO week.
    pub fn week_load(&self, t: usize, week: Week) -> u32 {
        self.week.get(&(t, week)).map_or(0, Vec::len) as u32
    }

    pub fn assign(&mut self, l: usize, t: usize) {
        self.record(l);
        self.take(l);
        self.give(l, t);
    }

    pub fn unassign(&mut self, l: usize) {
        self.record(l);
        self.take(l);
    }

    fn record(&mut self, l: usize) {
        let had = self.course_ok(self.lessons.list[l].group);
        self.log.push((l, self.teacher_of[l], had));
    }

    /// Where the staffing is now, to come back to.
    pub fn mark(&self) -> Mark {
        Mark {
            at: self.log.len(),
            health: self.health(),
        }
    }

    /// Forgets the changes made so far: no [`Mark`] taken before may be used after this.
    pub fn forget(&mut self) {
        self.log.clear();
    }

    /// Takes back every change since `mark`.
    pub fn undo(&mut self, mark: Mark) {
        while self.log.len() > mark.at {
            let Some((l, t, _)) = self.log.pop() else {
                break;
            };
            self.take(l);
            if let Some(t) = t {
                self.give(l, t);
            }
        }
    }

    /// Whether every norm that held at `mark` still holds: the floor, the mentor places,
    /// and 1.7.1b for every group changed since that met it then.
    pub fn kept(&self, mark: Mark) -> bool {
        let now = self.health();
        if (mark.health.floor && !now.floor) || (mark.health.mentors && !now.mentors) {
            return false;
        }
        let mut seen: Vec<usize> = Vec::new();
        for &(l, _, had) in &self.log[mark.at.min(self.log.len())..] {
            let g = self.lessons.list[l].group;
            if !seen.contains(&g) {
                seen.push(g);
                if had && !self.course_ok(g) {
                    return false;
                }
            }
        }
        true
    }

    /// Keeps the changes since `mark` if they keep its norms and `better` holds, else
    /// takes them back; whether they were kept.
    pub fn keep_if(&mut self, mark: Mark, better: bool) -> bool {
        if better && self.kept(mark) {
            true
        } else {
            self.undo(mark);
            false
        }
    }

    fn give(&mut self, l: usize, t: usize) {
        let lesson = &self.lessons.list[l];
        let g = lesson.group;
        self.teacher_of[l] = Some(t);
        self.day.entry((t, lesson.date)).or_default().push(l);
        self.week.entry((t, lesson.week)).or_default().push(l);
        let n = self.per_group[g].entry(t).or_default();
        *n += 1;
        if *n == 1 {
            self.pairs += 1;
        }
        self.given += 1;
        self.taught[t] += 1;
        if self.certified[t] {
            self.certified_in[g] += 1;
            self.certified_given += 1;
        } else if self.taught[t] == 1 {
            self.mentees += 1;
        }
    }

    fn take(&mut self, l: usize) {
        let Some(t) = self.teacher_of[l].take() else {
            return;
        };
        let lesson = &self.lessons.list[l];
        let g = lesson.group;
        for list in [
            self.day.get_mut(&(t, lesson.date)),
            self.week.get_mut(&(t, lesson.week)),
        ]
        .into_iter()
        .flatten()
        {
            list.retain(|&o| o != l);
        }
        if let Some(n) = self.per_group[g].get_mut(&t) {
            *n -= 1;
            if *n == 0 {
                self.per_group[g].remove(&t);
                self.pairs -= 1;
            }
        }
        self.given -= 1;
        self.taught[t] -= 1;
        if self.certified[t] {
            self.certified_in[g] -= 1;
            self.certified_given -= 1;
        } else if self.taught[t] == 0 {
            self.mentees -= 1;
        }
    }

    /// What the staffing costs in the objective: lessons by non-certified teachers and
    /// distinct teachers per group.
    pub fn cost(&self) -> f64 {
        let w = self.needs.weights;
        w.non_certified_lesson * (self.given - self.certified_given) as f64
            + w.teacher_per_group * self.pairs as f64
    }

    /// The norms that hold now, to be kept by a move that serves another purpose.
    pub fn health(&self) -> Health {
        Health {
            floor: self.certified_given >= self.floor(),
            mentors: self.mentees <= self.needs.mentor_places,
        }
    }

    /// Whether `g` has the certified lessons 1.7.1b asks.
    pub fn course_ok(&self, g: usize) -> bool {
        self.certified_in[g] >= self.needs.per_course
    }
}

/// A point in the staffing's history ([`Staff::mark`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Mark {
    at: usize,
    health: Health,
}

/// Which of the staffing's global norms hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Health {
    pub floor: bool,
    pub mentors: bool,
}
