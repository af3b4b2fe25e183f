//! The brute-force referee of the best-effort plan: with the norms relaxed, the schedule
//! whose shortfall is lexicographically least (lessons nobody gives, certified lessons
//! missing in courses, certified lessons missing for the floor, mentor places missing), and
//! among those the cheapest.
//!
//! Like [`super::optimum`] it tries every set of running groups, every placement (the
//! cheapest, [`super::placements::cheapest`]: placing students touches no level, only the
//! cost) and every staffing, now with "nobody" as one more choice for every lesson. It
//! knows nothing of the solver, and every plan it returns is judged by the checker, whose
//! shortfall must be the one it counted.

use super::placements;
use super::staffing::{Lesson, lessons};
use super::{Frame, Pruning};
use crate::check;
use crate::domain::{Instance, RuleSet, Schedule, Share};

/// Per lesson of a running group (an index into the lessons): its teacher, or nobody.
type Staffed = Vec<(usize, Option<usize>)>;

/// A plan's value: the four levels, then the cost.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Key {
    pub levels: [u64; 4],
    pub cost: f64,
}

impl Key {
    /// Strictly better, lexicographically.
    fn below(&self, other: &Key) -> bool {
        self.levels < other.levels || (self.levels == other.levels && self.cost < other.cost - 1e-9)
    }
}

/// The least plan and its value, or `None` when no set of running groups can be placed
/// (a `min_size` or a pin that cannot hold, or a size class the rule set lacks).
pub fn least(instance: &Instance, rules: &RuleSet) -> Option<(Key, Schedule)> {
    let Frame {
        limits,
        pins,
        must_run,
        free,
    } = Frame::of(instance, rules)?;
    let all = lessons(instance, rules);
    let w = instance.school.weights;
    let mut best: Option<(Key, Staffed, placements::Placing)> = None;
    for mask in 0u32..(1 << free.len()) {
        let mut running = must_run.clone();
        for (k, &gi) in free.iter().enumerate() {
            running[gi] = mask & (1 << k) != 0;
        }
        let Some(placing) =
            placements::cheapest(instance, rules, &limits, &running, &pins, Pruning::On)
        else {
            continue;
        };
        let opened = (0..instance.groups.len())
            .filter(|&g| running[g] && instance.groups[g].optional)
            .count();
        let fixed = placing.cost + w.optional_group_opened * opened as f64;
        let index: Vec<usize> = (0..all.len()).filter(|&i| running[all[i].group]).collect();
        let mut search = Search::new(instance, rules, index.iter().map(|&i| &all[i]).collect());
        search.limit = best.as_ref().map(|(k, ..)| Key {
            levels: k.levels,
            cost: k.cost - fixed,
        });
        search.go(0);
        let Some((key, assigned)) = search.best else {
            continue;
        };
        let total = Key {
            levels: key.levels,
            cost: key.cost + fixed,
        };
        if best.as_ref().is_none_or(|(b, ..)| total.below(b)) {
            let teacher_of = index.into_iter().zip(assigned).collect();
            best = Some((total, teacher_of, placing));
        }
    }
    let (key, teacher_of, placing) = best?;
    let schedule = super::schedule(instance, rules, &all, teacher_of.iter().copied(), &placing);
    let report = check::check(instance, rules, &schedule).expect("checkable");
    assert_eq!(
        report.shortfall().levels(),
        key.levels,
        "the referee's count of its plan differs from the checker's"
    );
    assert!((super::cost_of(instance, rules, &schedule) - key.cost).abs() < 1e-6);
    Some((key, schedule))
}

struct Search<'a> {
    lessons: Vec<&'a Lesson>,
    conflicts: Vec<Vec<usize>>,
    certified: Vec<bool>,
    /// The weekly maximum, contract hours and wishes of each teacher.
    personal: super::contract::Personal,
    wishes_broken: u64,
    groups: Vec<usize>,
    share: Share,
    need: u64,
    places: Option<u64>,
    w_nc: f64,
    w_pair: f64,
    /// From each position on: lessons a certified teacher could give (in all, per group),
    /// lessons nobody can give.
    certifiable_after: Vec<u64>,
    certifiable_after_in: Vec<Vec<u64>>,
    nobody_after: Vec<u64>,
    assigned: Vec<Option<usize>>,
    per_week: Vec<Vec<u32>>,
    nobody: u64,
    given: u64,
    certified_total: u64,
    certified_in: Vec<u64>,
    pair_lessons: Vec<Vec<u32>>,
    pairs: u64,
    nc_lessons: u64,
    lessons_of: Vec<u32>,
    nc_teachers: u64,
    limit: Option<Key>,
    best: Option<(Key, Vec<Option<usize>>)>,
}

impl<'a> Search<'a> {
    fn new(instance: &Instance, rules: &RuleSet, lessons: Vec<&'a Lesson>) -> Self {
        let n = lessons.len();
        let (teachers, groups) = (instance.teachers.len(), instance.groups.len());
        let certified: Vec<bool> = instance.teachers.iter().map(|t| t.is_certified()).collect();
        let conflicts = (0..n)
            .map(|i| {
                (0..i)
                    .filter(|&j| {
                        let (a, b) = (&lessons[i].lesson, &lessons[j].lesson);
                        a.date == b.date && a.time.overlaps(&b.time)
                    })
                    .collect()
            })
            .collect();
        let mut certifiable_after = vec![0; n + 1];
        let mut certifiable_after_in = vec![vec![0; groups]; n + 1];
        let mut nobody_after = vec![0; n + 1];
        for i in (0..n).rev() {
            let l = lessons[i];
            let can = u64::from(l.candidates.iter().any(|&t| certified[t]));
            certifiable_after[i] = certifiable_after[i + 1] + can;
            certifiable_after_in[i] = certifiable_after_in[i + 1].clone();
            certifiable_after_in[i][l.group] += can;
            nobody_after[i] = nobody_after[i + 1] + u64::from(l.candidates.is_empty());
        }
        let mut running: Vec<usize> = lessons.iter().map(|l| l.group).collect();
        running.sort_unstable();
        running.dedup();
        let weeks = lessons.iter().map(|l| l.week + 1).max().unwrap_or(0);
        let places = rules.mentor_required.then(|| {
            instance
                .teachers
                .iter()
                .filter(|t| t.is_certified())
                .map(|t| u64::from(t.mentor_capacity))
                .chain(instance.mentors.iter().map(|m| u64::from(m.capacity)))
                .sum()
        });
        let w = instance.school.weights;
        Search {
            conflicts,
            personal: super::contract::Personal::new(instance, &lessons, weeks),
            wishes_broken: 0,
            groups: running,
            share: rules.min_certified_share,
            need: u64::from(rules.min_certified_lessons_per_course),
            places,
            w_nc: w.non_certified_lesson,
            w_pair: w.teacher_per_group,
            certifiable_after,
            certifiable_after_in,
            nobody_after,
            assigned: vec![None; n],
            per_week: vec![vec![0; weeks]; teachers],
            nobody: 0,
            given: 0,
            certified_total: 0,
            certified_in: vec![0; groups],
            pair_lessons: vec![vec![0; teachers]; groups],
            pairs: 0,
            nc_lessons: 0,
            lessons_of: vec![0; teachers],
            nc_teachers: 0,
            limit: None,
            best: None,
            certified,
            lessons,
        }
    }

    fn cost(&self) -> f64 {
        self.w_nc * self.nc_lessons as f64
            + self.w_pair * self.pairs as f64
            + self.personal.w_pref * self.wishes_broken as f64
    }

    /// What every completion of the branch at position `i` is at least worth, level by level.
    fn at_least(&self, i: usize) -> Key {
        let courses = self
            .groups
            .iter()
            .map(|&g| {
                self.need
                    .saturating_sub(self.certified_in[g] + self.certifiable_after_in[i][g])
            })
            .sum();
        // More lessons given only raise the floor; a certified lesson raises it by at most one.
        let floor = self
            .share
            .minimum_of(self.given)
            .saturating_sub(self.certified_total + self.certifiable_after[i]);
        Key {
            levels: [
                self.nobody + self.nobody_after[i],
                courses,
                floor,
                self.mentors_missing(),
            ],
            cost: self.cost(),
        }
    }

    fn mentors_missing(&self) -> u64 {
        self.places
            .map_or(0, |p| self.nc_teachers.saturating_sub(p))
    }

    fn go(&mut self, i: usize) {
        let bound = self.at_least(i);
        if let Some(limit) = self.best.as_ref().map(|b| b.0).or(self.limit)
            && !bound.below(&limit)
        {
            return;
        }
        if i == self.lessons.len() {
            // Contract hours stay hard, as in the best-effort program.
            if !self.personal.contract.met(&self.per_week, &self.lessons_of) {
                return;
            }
            let courses = self
                .groups
                .iter()
                .map(|&g| self.need.saturating_sub(self.certified_in[g]))
                .sum();
            let floor = self
                .share
                .minimum_of(self.given)
                .saturating_sub(self.certified_total);
            let key = Key {
                levels: [self.nobody, courses, floor, self.mentors_missing()],
                cost: self.cost(),
            };
            self.best = Some((key, self.assigned.clone()));
            return;
        }
        let g = self.lessons[i].group;
        let mut order = self.lessons[i].candidates.clone();
        order.sort_by_key(|&t| (self.pair_lessons[g][t] == 0, !self.certified[t], t));
        for t in order {
            if self.free(i, t) {
                self.give(i, t, true);
                self.go(i + 1);
                self.give(i, t, false);
            }
        }
        self.nobody += 1;
        self.go(i + 1);
        self.nobody -= 1;
    }

    fn free(&self, i: usize, t: usize) -> bool {
        let l = self.lessons[i];
        self.personal
            .may_take(t, self.per_week[t][l.week], self.lessons_of[t])
            && self.conflicts[i]
                .iter()
                .all(|&j| self.assigned[j] != Some(t))
    }

    fn give(&mut self, i: usize, t: usize, on: bool) {
        let l = self.lessons[i];
        let g = l.group;
        let d: i64 = if on { 1 } else { -1 };
        let add = |x: &mut u64, by: i64| *x = x.wrapping_add_signed(by);
        let add32 = |x: &mut u32, by: i64| *x = (i64::from(*x) + by) as u32;
        self.assigned[i] = on.then_some(t);
        if self.personal.breaks[i][t] {
            add(&mut self.wishes_broken, d);
        }
        add32(&mut self.per_week[t][l.week], d);
        add(&mut self.given, d);
        if (on && self.pair_lessons[g][t] == 0) || (!on && self.pair_lessons[g][t] == 1) {
            add(&mut self.pairs, d);
        }
        add32(&mut self.pair_lessons[g][t], d);
        if self.certified[t] {
            add(&mut self.certified_total, d);
            add(&mut self.certified_in[g], d);
        } else {
            add(&mut self.nc_lessons, d);
            if (on && self.lessons_of[t] == 0) || (!on && self.lessons_of[t] == 1) {
                add(&mut self.nc_teachers, d);
            }
        }
        add32(&mut self.lessons_of[t], d);
    }
}
