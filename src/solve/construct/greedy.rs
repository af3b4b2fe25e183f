//! The first staffing: group by group, the groups with the fewest certified teachers who
//! could give them first; within a group, again and again the teacher who gives its
//! remaining lessons at the lowest cost per lesson (a certified teacher costs nothing per
//! lesson, every teacher new to the group costs `teacher_per_group` once), so a series
//! stays with one teacher wherever one is free for all of it. Lessons nobody is free for
//! are then given through ejection chains.

use super::chain::{self, DEEPER};
use super::staff::Staff;
use std::cmp::{Ordering, Reverse};
use std::collections::BTreeSet;

/// What the greedy staffing knows of the school before it starts.
pub(super) struct Greedy {
    /// How many lessons of the groups running at the start each teacher could give: the
    /// less wanted a teacher is elsewhere, the better a choice where two are equal.
    demand: Vec<u32>,
    /// Per group: every teacher who could give one of its lessons.
    pub candidates: Vec<BTreeSet<usize>>,
    /// Per teacher: the seed's tie-break.
    tie: Vec<u64>,
}

impl Greedy {
    pub fn new(staff: &Staff, tie: Vec<u64>) -> Greedy {
        let lessons = staff.lessons;
        let groups = staff.instance.groups.len();
        let mut demand = vec![0u32; staff.instance.teachers.len()];
        let mut candidates: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); groups];
        for (g, of_group) in lessons.of_group.iter().enumerate() {
            for &l in of_group {
                for &t in lessons.candidates(l) {
                    demand[t] += u32::from(staff.running[g]);
                    candidates[g].insert(t);
                }
            }
        }
        Greedy {
            demand,
            candidates,
            tie,
        }
    }

    /// `groups` in the order they are staffed: the fewest certified candidates first,
    /// then the fewest candidates, then the most lessons.
    pub fn order(&self, staff: &Staff, mut groups: Vec<usize>) -> Vec<usize> {
        groups.sort_by_key(|&g| {
            let certified = self.candidates[g]
                .iter()
                .filter(|&&t| staff.certified[t])
                .count();
            (
                certified,
                self.candidates[g].len(),
                Reverse(staff.lessons.of_group[g].len()),
                g,
            )
        });
        groups
    }

    /// Staffs every running group; returns the lessons left without a teacher.
    pub fn run(&self, staff: &mut Staff) -> Vec<usize> {
        let running = (0..staff.instance.groups.len())
            .filter(|&g| staff.running[g])
            .collect();
        let mut holes = Vec::new();
        for g in self.order(staff, running) {
            holes.extend(self.group(staff, g));
        }
        fill_holes(staff, holes)
    }

    /// Gives the lessons of `g` that have no teacher yet; returns those nobody was free
    /// for.
    pub fn group(&self, staff: &mut Staff, g: usize) -> Vec<usize> {
        staff_group(staff, g, &self.demand, &self.tie)
    }
}

/// The lessons of `holes` still without a teacher after an ejection chain for each.
pub(super) fn fill_holes(staff: &mut Staff, mut holes: Vec<usize>) -> Vec<usize> {
    for reach in DEEPER {
        holes.retain(|&l| {
            staff.teacher_of[l].is_none() && !chain::give(staff, l, &|_, _| true, &|_| true, reach)
        });
    }
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
