//! The cheapest staffing of the running groups' lessons: every eligible teacher tried for
//! every dated lesson, in date and time order.
//!
//! Backtracking keeps, per teacher, the lessons given so far (to refuse an overlapping one on
//! the same date) and the lessons per ISO week, within the weekly and term maximum; a week's
//! contract minimums are judged once its last lesson has a teacher, the term's at the leaf. Both parts of its cost only grow as lessons get
//! a teacher (a non-certified lesson, a new teacher-group pair), so a branch stops once its
//! cost plus what the remaining lessons must still add reaches the best staffing found; and it
//! stops once a norm can no longer be met (too few lessons left that a certified teacher could
//! give, more non-certified teachers than mentor places). With [`Pruning::Off`] only the
//! teacher rules cut: every staffing is visited and judged at its leaf.

use super::Pruning;
use crate::domain::{Instance, Lesson as Dated, RuleSet};
use chrono::Datelike;
use std::collections::BTreeMap;

/// A dated lesson of some group, with the teachers who could give it.
pub struct Lesson {
    pub group: usize,
    pub lesson: Dated,
    /// Dense index of the lesson's ISO week.
    pub(super) week: usize,
    /// Teachers (indices into `instance.teachers`) qualified for it: location, profile,
    /// weekly slot, not unavailable that date, allowed by the locks, a weekly maximum above
    /// zero; none when the rule
    /// set does not cover the date (the checker would refuse to judge the row).
    pub(super) candidates: Vec<usize>,
    /// In a replan, the replaced schedule's teacher: anyone else costs `changed_lesson`.
    pub(super) previous: Option<usize>,
}

/// Every lesson of every group, by date, start, end and group.
pub fn lessons(instance: &Instance, rules: &RuleSet) -> Vec<Lesson> {
    let mut all: Vec<(usize, Dated)> = instance
        .groups
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| instance.lessons_of(g).into_iter().map(move |l| (gi, l)))
        .collect();
    all.sort_by(|(ga, a), (gb, b)| (a.date, a.time, ga).cmp(&(b.date, b.time, gb)));
    let mut weeks: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for (_, l) in &all {
        let w = l.date.iso_week();
        let next = weeks.len();
        weeks.entry((w.year(), w.week())).or_insert(next);
    }
    all.into_iter()
        .map(|(gi, l)| {
            let g = &instance.groups[gi];
            let w = l.date.iso_week();
            let candidates = instance
                .teachers
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    rules.covers(l.date)
                        && t.locations.contains(&l.location)
                        && t.profiles.contains(&g.profile)
                        && t.available.allows(&l.slot)
                        && !instance.is_unavailable(&t.id, l.date)
                        && instance.lock_allows(&t.id, &g.course_code, &l.slot, l.date)
                        && t.max_lessons_per_week != Some(0)
                })
                .map(|(ti, _)| ti)
                .collect();
            let previous = instance
                .frozen
                .as_ref()
                .and_then(|f| f.previous(&g.course_code, l.date, &l.slot))
                .and_then(|p| instance.teachers.iter().position(|t| &t.id == p));
            Lesson {
                previous,
                group: gi,
                week: weeks[&(w.year(), w.week())],
                lesson: l,
                candidates,
            }
        })
        .collect()
}

/// A staffing and its cost.
pub struct Staffing {
    pub cost: f64,
    /// (index into the lessons of [`lessons`], teacher index) for every lesson of a running
    /// group.
    pub teacher_of: Vec<(usize, usize)>,
}

/// The cheapest staffing of the lessons of the `running` groups that meets the norms and
/// costs less than `limit`, if any.
pub fn cheapest(
    instance: &Instance,
    rules: &RuleSet,
    all: &[Lesson],
    running: &[bool],
    limit: f64,
    pruning: Pruning,
) -> Option<Staffing> {
    let index: Vec<usize> = (0..all.len()).filter(|&i| running[all[i].group]).collect();
    let lessons: Vec<&Lesson> = index.iter().map(|&i| &all[i]).collect();
    let mut search = Search::new(instance, rules, lessons, running, limit, pruning);
    search.go(0);
    let (cost, assigned) = search.best?;
    Some(Staffing {
        cost,
        teacher_of: index.into_iter().zip(assigned).collect(),
    })
}

struct Search<'a> {
    lessons: Vec<&'a Lesson>,
    /// Per lesson: the earlier lessons of the same date that overlap it in time.
    conflicts: Vec<Vec<usize>>,
    certified: Vec<bool>,
    /// The weekly maximum, contract hours and wishes of each teacher.
    personal: super::contract::Personal,
    wishes_broken: u64,
    running_groups: Vec<usize>,
    w_non_certified: f64,
    w_pair: f64,
    w_changed: f64,
    /// Norm 1.7.1a: the rule set's share, and the fewest certified lessons that meet it.
    share: crate::domain::Share,
    need_total: u64,
    /// Norm 1.7.1b.
    need_per_group: u64,
    /// Mentor places; `None` when the rule set needs no mentors.
    mentor_places: Option<u64>,
    pruning: Pruning,
    /// Per position: lessons from there on that a certified teacher could give, in all and
    /// per group; and those only non-certified teachers could give.
    certifiable_after: Vec<u64>,
    certifiable_after_in: Vec<Vec<u64>>,
    forced_non_certified_after: Vec<u64>,
    // The state of the branch.
    assigned: Vec<Option<usize>>,
    per_week: Vec<Vec<u32>>,
    certified_total: u64,
    certified_in: Vec<u64>,
    /// Lessons per (group, teacher) so far.
    pair_lessons: Vec<Vec<u32>>,
    pairs: u64,
    given_in: Vec<u32>,
    non_certified_lessons: u64,
    lessons_of_teacher: Vec<u32>,
    non_certified_teachers: u64,
    /// Lessons given by another teacher than the replaced schedule's.
    changed: u64,
    limit: f64,
    best: Option<(f64, Vec<usize>)>,
}

impl<'a> Search<'a> {
    fn new(
        instance: &Instance,
        rules: &RuleSet,
        lessons: Vec<&'a Lesson>,
        running: &[bool],
        limit: f64,
        pruning: Pruning,
    ) -> Self {
        let n = lessons.len();
        let teachers = instance.teachers.len();
        let groups = instance.groups.len();
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
        let mut forced_non_certified_after = vec![0; n + 1];
        for i in (0..n).rev() {
            let l = lessons[i];
            let can = l.candidates.iter().any(|&t| certified[t]);
            certifiable_after[i] = certifiable_after[i + 1] + u64::from(can);
            certifiable_after_in[i] = certifiable_after_in[i + 1].clone();
            certifiable_after_in[i][l.group] += u64::from(can);
            let forced = !can && !l.candidates.is_empty();
            forced_non_certified_after[i] = forced_non_certified_after[i + 1] + u64::from(forced);
        }
        let weeks = lessons.iter().map(|l| l.week + 1).max().unwrap_or(0);
        let mentor_places = rules.mentor_required.then(|| {
            let internal: u64 = instance
                .teachers
                .iter()
                .filter(|t| t.is_certified())
                .map(|t| u64::from(t.mentor_capacity))
                .sum();
            internal
                + instance
                    .mentors
                    .iter()
                    .map(|m| u64::from(m.capacity))
                    .sum::<u64>()
        });
        let w = instance.school.weights;
        Search {
            conflicts,
            certified,
            personal: super::contract::Personal::new(instance, &lessons, weeks),
            wishes_broken: 0,
            running_groups: (0..groups).filter(|&g| running[g]).collect(),
            w_non_certified: w.non_certified_lesson,
            w_pair: w.teacher_per_group,
            w_changed: w.changed_lesson,
            share: rules.min_certified_share,
            need_total: rules.min_certified_share.minimum_of(n as u64),
            need_per_group: u64::from(rules.min_certified_lessons_per_course),
            mentor_places,
            pruning,
            certifiable_after,
            certifiable_after_in,
            forced_non_certified_after,
            assigned: vec![None; n],
            per_week: vec![vec![0; weeks]; teachers],
            certified_total: 0,
            certified_in: vec![0; groups],
            pair_lessons: vec![vec![0; teachers]; groups],
            pairs: 0,
            given_in: vec![0; groups],
            non_certified_lessons: 0,
            lessons_of_teacher: vec![0; teachers],
            non_certified_teachers: 0,
            changed: 0,
            limit,
            best: None,
            lessons,
        }
    }

    fn cost(&self) -> f64 {
        self.w_non_certified * self.non_certified_lessons as f64
            + self.w_pair * self.pairs as f64
            + self.personal.w_pref * self.wishes_broken as f64
            + self.w_changed * self.changed as f64
    }

    fn go(&mut self, i: usize) {
        if self.pruning == Pruning::On
            && (self.cost() + self.still_to_pay(i) >= self.limit
                || !self.norms_reachable(i)
                || !self.week_done_met(i))
        {
            return;
        }
        if i == self.lessons.len() {
            let cost = self.cost();
            if cost < self.limit
                && self.norms_met()
                && self
                    .personal
                    .contract
                    .met(&self.per_week, &self.lessons_of_teacher)
            {
                self.limit = cost;
                self.best = Some((cost, self.assigned.iter().flatten().copied().collect()));
            }
            return;
        }
        for t in self.order(i) {
            if !self.free(i, t) {
                continue;
            }
            self.give(i, t, true);
            if self.pruning == Pruning::Off || self.rest_of_week_staffable(i) {
                self.go(i + 1);
            }
            self.give(i, t, false);
        }
    }

    /// The candidates of lesson `i`, teachers of its group first, then certified ones: only an
    /// order, so that a cheap staffing is found early and bounds the rest.
    fn order(&self, i: usize) -> Vec<usize> {
        let g = self.lessons[i].group;
        let mut c = self.lessons[i].candidates.clone();
        c.sort_by_key(|&t| (self.pair_lessons[g][t] == 0, !self.certified[t], t));
        c
    }

    /// At a week's end (lesson `i` is in a later week, or the last is done): the contract's
    /// minimums of the week that ended hold (no later lesson can change them).
    fn week_done_met(&self, i: usize) -> bool {
        let ended = i.checked_sub(1).map(|p| self.lessons[p].week);
        match (ended, self.lessons.get(i)) {
            (Some(w), Some(next)) if next.week == w => true,
            (Some(w), _) => self.personal.contract.week_met(&self.per_week, w),
            (None, _) => true,
        }
    }

    /// Whether `t` may give lesson `i` after the lessons before it: within the weekly
    /// maximum and the term maximum, and not in an overlapping lesson that date.
    fn free(&self, i: usize, t: usize) -> bool {
        let l = self.lessons[i];
        self.personal
            .may_take(t, self.per_week[t][l.week], self.lessons_of_teacher[t])
            && self.conflicts[i]
                .iter()
                .all(|&j| self.assigned[j] != Some(t))
    }

    /// Gives lesson `i` to `t` (`on`), or takes it back.
    fn give(&mut self, i: usize, t: usize, on: bool) {
        let l = self.lessons[i];
        let g = l.group;
        let step = |x: &mut u32| {
            if on { *x += 1 } else { *x -= 1 }
        };
        let step64 = |x: &mut u64| {
            if on { *x += 1 } else { *x -= 1 }
        };
        self.assigned[i] = on.then_some(t);
        if self.personal.breaks[i][t] {
            step64(&mut self.wishes_broken);
        }
        step(&mut self.per_week[t][l.week]);
        step(&mut self.given_in[g]);
        // A pair is new when its first lesson comes, gone when its last one goes.
        if (on && self.pair_lessons[g][t] == 0) || (!on && self.pair_lessons[g][t] == 1) {
            step64(&mut self.pairs);
        }
        step(&mut self.pair_lessons[g][t]);
        if self.certified[t] {
            step64(&mut self.certified_total);
            step64(&mut self.certified_in[g]);
        } else {
            step64(&mut self.non_certified_lessons);
            if (on && self.lessons_of_teacher[t] == 0) || (!on && self.lessons_of_teacher[t] == 1) {
                step64(&mut self.non_certified_teachers);
            }
        }
        step(&mut self.lessons_of_teacher[t]);
        if l.previous.is_some_and(|p| p != t) {
            step64(&mut self.changed);
        }
    }

    /// A lower bound on what lessons `i..` add to the cost: the lessons only non-certified
    /// teachers can give, and a new pair for every running group without a teacher yet and
    /// for every group with a lesson left that none of its teachers could give.
    fn still_to_pay(&self, i: usize) -> f64 {
        let mut new_pairs = 0u64;
        for &g in &self.running_groups {
            let left = self.lessons[i..].iter().filter(|l| l.group == g);
            let needs_new = if self.given_in[g] == 0 {
                left.count() > 0
            } else {
                left.into_iter()
                    .any(|l| l.candidates.iter().all(|&t| self.pair_lessons[g][t] == 0))
            };
            new_pairs += u64::from(needs_new);
        }
        self.w_non_certified * self.forced_non_certified_after[i] as f64
            + self.w_pair * new_pairs as f64
    }

    /// Whether lessons `i..` could still lift the certified counts to the norms, and the
    /// non-certified teachers so far have mentor places.
    fn norms_reachable(&self, i: usize) -> bool {
        self.certified_total + self.certifiable_after[i] >= self.need_total
            && self.running_groups.iter().all(|&g| {
                self.certified_in[g] + self.certifiable_after_in[i][g] >= self.need_per_group
            })
            && self
                .mentor_places
                .is_none_or(|places| self.non_certified_teachers <= places)
    }

    /// The norms on a complete staffing, as the checker judges them.
    fn norms_met(&self) -> bool {
        let total = self.lessons.len() as u64;
        self.share.met_by(self.certified_total, total)
            && self
                .running_groups
                .iter()
                .all(|&g| self.certified_in[g] >= self.need_per_group)
            && self
                .mentor_places
                .is_none_or(|places| self.non_certified_teachers <= places)
    }

    /// After lesson `i` got its teacher: every later lesson of the same ISO week still has a
    /// candidate who is free for it (the only lessons whose options lesson `i` can take away).
    fn rest_of_week_staffable(&self, i: usize) -> bool {
        let week = self.lessons[i].week;
        (i + 1..self.lessons.len())
            .take_while(|&j| self.lessons[j].week == week)
            .all(|j| self.lessons[j].candidates.iter().any(|&t| self.free(j, t)))
    }
}
