//! The first staffing: group by group, the groups with the fewest certified teachers who
//! could give them first; within a group, again and again the teacher who gives its
//! remaining lessons at the lowest cost per lesson (a certified teacher costs nothing per
//! lesson, every teacher new to the group costs `teacher_per_group` once), so a series
//! stays with one teacher wherever one is free for all of it. Lessons nobody is free for
//! are then given through ejection chains.

use super::chain::{self, REACH};
use super::staff::Staff;
use std::cmp::{Ordering, Reverse};
use std::collections::BTreeSet;

/// Staffs every running group; returns the lessons left without a teacher.
pub(super) fn run(staff: &mut Staff, tie: &[u64]) -> Vec<usize> {
    let lessons = staff.lessons;
    let groups = staff.instance.groups.len();
    // How many lessons of running groups each teacher could give: the less wanted a
    // teacher is elsewhere, the better a choice where two are equal.
    let mut demand = vec![0u32; staff.instance.teachers.len()];
    let mut candidates: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); groups];
    for g in (0..groups).filter(|&g| staff.running[g]) {
        for &l in &lessons.of_group[g] {
            for &t in lessons.candidates(l) {
                demand[t] += 1;
                candidates[g].insert(t);
            }
        }
    }
    let mut order: Vec<usize> = (0..groups).filter(|&g| staff.running[g]).collect();
    order.sort_by_key(|&g| {
        let certified = candidates[g]
            .iter()
            .filter(|&&t| staff.certified[t])
            .count();
        (
            certified,
            candidates[g].len(),
            Reverse(lessons.of_group[g].len()),
            g,
        )
    });
    let mut holes = Vec::new();
    for g in order {
        holes.extend(staff_group(staff, g, &demand, tie));
    }
    holes.retain(|&l| {
        staff.teacher_of[l].is_none() && !chain::give(staff, l, &|_, _| true, &|_| true, REACH)
    });
    holes
}

/// Gives the lessons of `g` that have no teacher yet; returns those nobody was free for.
fn staff_group(staff: &mut Staff, g: usize, demand: &[u32], tie: &[u64]) -> Vec<usize> {
    let w = staff.needs.weights;
    let mut left: Vec<usize> = staff.lessons.of_group[g]
        .iter()
        .copied()
        .filter(|&l| staff.teacher_of[l].is_none())
        .collect();
    while !left.is_empty() {
        let teachers: BTreeSet<usize> = left
            .iter()
            .flat_map(|&l| staff.lessons.candidates(l).iter().copied())
            .collect();
        let mut best: Option<(Key, usize, Vec<usize>)> = None;
        for t in teachers {
            let take = cover(staff, t, &left);
            if take.is_empty() {
                continue;
            }
            let k = take.len() as f64;
            let new_pair = !staff.per_group[g].contains_key(&t);
            let non_certified = !staff.certified[t];
            let per_lesson = (w.teacher_per_group * f64::from(u8::from(new_pair))
                + w.non_certified_lesson * f64::from(u8::from(non_certified)) * k)
                / k;
            let new_mentee = non_certified && staff.taught[t] == 0;
            let key = Key {
                no_place: new_mentee && staff.mentees >= staff.needs.mentor_places,
                per_lesson,
                new_mentee,
                lessons: take.len(),
                demand: demand[t],
                tie: tie[t],
            };
            if best
                .as_ref()
                .is_none_or(|(b, _, _)| key.cmp(b) == Ordering::Less)
            {
                best = Some((key, t, take));
            }
        }
        let Some((_, t, take)) = best else { break };
        for &l in &take {
            staff.assign(l, t);
        }
        left.retain(|&l| staff.teacher_of[l].is_none());
    }
    left
}

/// The lessons of `left` that `t` can give one after the other (their weekly maximum
/// counting the ones taken before).
fn cover(staff: &Staff, t: usize, left: &[usize]) -> Vec<usize> {
    let max = staff.instance.teachers[t].max_lessons_per_week;
    let lessons = &staff.lessons.list;
    let mut take: Vec<usize> = Vec::new();
    for &l in left {
        if !staff.can(t, l) {
            continue;
        }
        let lesson = &lessons[l];
        if let Some(m) = max {
            let taken = take
                .iter()
                .filter(|&&o| lessons[o].week == lesson.week)
                .count();
            if staff.week_load(t, lesson.week) + taken as u32 >= m {
                continue;
            }
        }
        let clash = take
            .iter()
            .any(|&o| lessons[o].date == lesson.date && lessons[o].time.overlaps(&lesson.time));
        if !clash {
            take.push(l);
        }
    }
    take
}

/// A teacher's rank for the rest of a group, lower is better.
struct Key {
    /// A non-certified teacher who would need a mentor place when none is left.
    no_place: bool,
    per_lesson: f64,
    /// A non-certified teacher who teaches nothing yet (one more mentee).
    new_mentee: bool,
    lessons: usize,
    demand: u32,
    tie: u64,
}

impl Key {
    fn cmp(&self, other: &Key) -> Ordering {
        self.no_place
            .cmp(&other.no_place)
            .then(self.per_lesson.total_cmp(&other.per_lesson))
            .then(self.new_mentee.cmp(&other.new_mentee))
            .then(other.lessons.cmp(&self.lessons))
            .then(self.demand.cmp(&other.demand))
            .then(self.tie.cmp(&other.tie))
    }
}
