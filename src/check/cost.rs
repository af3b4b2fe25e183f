//! What a schedule costs under the school's weights (`[weights]`), counted from the schedule
//! alone. `solve` reports this number, never the solver's, and measures its gap with it.

use super::facts::Facts;
use super::soundness::Plan;
use crate::domain::{Instance, Location, Profile, RuleSet, Schedule, Weights};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The counts the objective weighs, and their weighted sum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Cost {
    pub unplaced_students: u64,
    pub students_above_standard: u64,
    pub optional_groups_opened: u64,
    pub non_certified_lessons: u64,
    /// Distinct (teacher, group) pairs among the lessons given.
    pub teacher_group_pairs: u64,
    /// Steps down students' lists of preferred locations.
    pub location_rank_steps: u64,
    /// Per location and profile, the largest minus the smallest running group, summed.
    pub size_imbalance: u64,
    /// Lessons given that break their teacher's wish (`prefers`, `avoids`).
    pub wishes_broken: u64,
    /// With rooms: distinct (group, room) pairs among the timetable rows (a group keeps its
    /// room where it can); 0 without rooms.
    pub group_rooms: u64,
    /// A replan: lessons from its date on not given by the replaced schedule's teacher.
    pub changed_lessons: u64,
    /// A replan with rooms: lessons from its date on held in another room than in the
    /// replaced schedule.
    #[serde(skip_serializing_if = "is_zero")]
    pub changed_rooms: u64,
    /// A replan: students of the replaced schedule placed in another group or none.
    pub moved_students: u64,
    /// The weighted sum: the objective `solve` minimizes.
    pub total: f64,
}

impl Cost {
    fn weighed(mut self, w: &Weights) -> Cost {
        let f = |n: u64| n as f64;
        self.total = w.unplaced_student * f(self.unplaced_students)
            + w.student_above_standard * f(self.students_above_standard)
            + w.optional_group_opened * f(self.optional_groups_opened)
            + w.non_certified_lesson * f(self.non_certified_lessons)
            + w.teacher_per_group * f(self.teacher_group_pairs)
            + w.location_rank * f(self.location_rank_steps)
            + w.size_imbalance * f(self.size_imbalance)
            + w.teacher_preference * f(self.wishes_broken)
            + w.room_change * f(self.group_rooms)
            + w.changed_lesson * f(self.changed_lessons)
            + w.changed_room * f(self.changed_rooms)
            + w.moved_student * f(self.moved_students);
        self
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The cost of `schedule`, counted as the checker counts (group sizes from the placements,
/// lessons from the timetable rows with a teacher).
pub fn cost(instance: &Instance, rules: &RuleSet, schedule: &Schedule) -> Cost {
    let f = Facts::new(instance, rules, schedule);
    let mut c = Cost::default();
    for s in &instance.students {
        match f.placements.get(&s.id).and_then(|p| p.first()) {
            None => c.unplaced_students += 1,
            Some(code) => {
                if let Some(g) = f.groups.get(code) {
                    let rank = s.location_rank(&g.location).unwrap_or(0);
                    c.location_rank_steps += u64::from(rank);
                }
            }
        }
    }
    for g in instance.groups.iter() {
        if let Some(l) = f.limits(g) {
            c.students_above_standard +=
                u64::from(f.size(&g.course_code).saturating_sub(l.standard_max));
        }
        if g.optional && f.is_running(g) {
            c.optional_groups_opened += 1;
        }
    }
    let mut cells: BTreeMap<(&Location, &Profile), (u32, u32)> = BTreeMap::new();
    for g in f.running_groups() {
        let size = f.size(&g.course_code);
        let (most, least) = cells
            .entry((&g.location, &g.profile))
            .or_insert((size, size));
        *most = (*most).max(size);
        *least = (*least).min(size);
    }
    c.size_imbalance = cells.values().map(|(a, b)| u64::from(a - b)).sum();
    let mut pairs = BTreeSet::new();
    let plan = instance
        .teachers
        .iter()
        .any(|t| !t.wishes.is_empty())
        .then(|| crate::check::soundness::Plan::new(instance));
    for (row, teacher) in f.given() {
        if !f.is_certified(teacher) {
            c.non_certified_lessons += 1;
        }
        if let (Some(t), Some(lesson)) = (
            f.teachers.get(teacher),
            plan.as_ref().and_then(|p| p.matched(row)),
        ) && t
            .wishes
            .broken_by(&lesson.course_code, &lesson.location, &lesson.slot)
        {
            c.wishes_broken += 1;
        }
        pairs.insert((teacher, &row.course_code));
    }
    c.teacher_group_pairs = pairs.len() as u64;
    if instance.has_rooms() {
        let rooms: BTreeSet<_> = schedule
            .timetable
            .iter()
            .filter_map(|r| Some((&r.course_code, r.room.as_ref()?)))
            .collect();
        c.group_rooms = rooms.len() as u64;
    }
    if let Some(frozen) = &instance.frozen {
        let plan = Plan::new(instance);
        c.changed_lessons = schedule
            .timetable
            .iter()
            .filter_map(|row| Some((plan.matched(row)?, row)))
            .filter(|(l, row)| {
                frozen.is_change(&l.course_code, l.date, &l.slot, row.teacher.as_ref())
            })
            .count() as u64;
        c.changed_rooms = schedule
            .timetable
            .iter()
            .filter_map(|row| Some((plan.matched(row)?, row)))
            .filter(|(l, row)| {
                frozen.is_room_change(&l.course_code, l.date, &l.slot, row.room.as_ref())
            })
            .count() as u64;
        c.moved_students = instance
            .students
            .iter()
            .filter(|s| {
                let placed = f.placements.get(&s.id).and_then(|p| p.first());
                frozen.is_move(&s.id, placed.copied())
            })
            .count() as u64;
    }
    c.weighed(&instance.school.weights)
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{Fx, handleiding};

    /// G1 (5 students) and G2 (1) at Utrecht, G3 (2) at Amersfoort, all B1, and G4 at Utrecht
    /// optional and closed: Utrecht's cell differs by 4 (G4 does not run), Amersfoort's by 0;
    /// at 2 per student that is 8 in the total.
    #[test]
    fn the_imbalance_is_the_largest_minus_the_smallest_running_group_per_cell() {
        let mut fx = Fx::new();
        fx.teacher("T1", true);
        for (code, location, n) in [
            ("G1", "Utrecht", 5),
            ("G2", "Utrecht", 1),
            ("G3", "Amersfoort", 2),
        ] {
            fx.group(code, location, "B1");
            fx.fill(code, n);
            fx.staff(code, "T1");
        }
        fx.group("G4", "Utrecht", "B1").optional = true;
        let rules = handleiding();
        let plain = super::cost(&fx.instance, &rules, &fx.schedule);
        assert_eq!(plain.size_imbalance, 4);
        fx.instance.school.weights.size_imbalance = 2.0;
        let weighed = super::cost(&fx.instance, &rules, &fx.schedule);
        assert_eq!(weighed.total - plain.total, 8.0);
    }
}
