//! Making one scenario: a [`Change`] applied to the base instance and rule set.
//!
//! Random choices (who leaves, which students come or go) come from the scenario's seed as
//! prefixes of one random order, so a larger shortage removes the same teachers as a smaller
//! one and more: the levels of one seed are nested, which keeps curves monotone in the data
//! and makes bisection over levels meaningful.

use super::spec::{Cell, Change};
use crate::domain::{Instance, Register, RuleSet, Share, Slot, StudentId, TeacherId};
use crate::generate;
use crate::validate::fit::teacher_fits;
use std::collections::BTreeSet;

/// Salts that keep the random choices of one seed independent of each other.
const SALT_TEACHERS: u64 = 1;
const SALT_STUDENTS: u64 = 2;

/// A scenario's instance and rule set, with what the change did.
#[derive(Clone, Debug)]
pub struct Applied {
    pub instance: Instance,
    pub rules: RuleSet,
    /// Teachers removed, by id.
    pub removed: Vec<TeacherId>,
}

/// Applies `change` to the base. `rule_sets` holds every rule set the change may name;
/// `temporary` gives the temporary maxima that `temporary_maxima = true` switches on.
pub fn apply(
    base: &Instance,
    base_rules: &RuleSet,
    rule_sets: &std::collections::BTreeMap<String, RuleSet>,
    temporary: &RuleSet,
    change: &Change,
    seed: u64,
) -> Applied {
    let mut rules = change
        .rules
        .as_ref()
        .and_then(|r| rule_sets.get(r))
        .unwrap_or(base_rules)
        .clone();
    switch_rules(&mut rules, temporary, change);
    let mut instance = base.clone();
    for t in &mut instance.teachers {
        if change.certify.contains(&t.id) && !t.is_certified() {
            t.register = Register::Bvnt2;
        }
        if change.decertify.contains(&t.id) {
            t.register = Register::None;
        }
    }
    let mut removed: BTreeSet<TeacherId> = change.remove_teachers.iter().cloned().collect();
    let certified: Vec<&TeacherId> = instance
        .teachers
        .iter()
        .filter(|t| t.is_certified() && !removed.contains(&t.id))
        .map(|t| &t.id)
        .collect();
    let leaving = match (
        change.remove_certified_count,
        change.remove_certified_percent,
    ) {
        (Some(n), _) => n as usize,
        (None, Some(p)) => share_of(certified.len(), p),
        (None, None) => 0,
    };
    let order = generate::permutation(certified.len(), seed, SALT_TEACHERS);
    let chosen: Vec<TeacherId> = order
        .iter()
        .take(leaving)
        .map(|&i| certified[i].clone())
        .collect();
    removed.extend(chosen);
    instance.teachers.retain(|t| !removed.contains(&t.id));
    instance
        .unavailability
        .retain(|u| !removed.contains(&u.teacher));
    change_rooms(&mut instance, change);
    // A teacher who leaves takes their locks along: their lessons are free for the others.
    instance.locks.retain(|l| !removed.contains(&l.teacher));
    cap_lessons(&mut instance, change);
    // A teacher who leaves from a date is away from it to the end of the term (run.rs
    // replans the scenario's plan without the leave from the earliest date).
    for l in &change.leave {
        if instance.teacher(&l.teacher).is_some() {
            instance.unavailability.push(crate::domain::Unavailability {
                teacher: l.teacher.clone(),
                from: l.from,
                to: instance.school.term_end,
                reason: "leave".into(),
            });
        }
    }
    if change.groups_may_close == Some(true) {
        for g in &mut instance.groups {
            g.optional = true;
        }
        // A pin would hold its group open; released, its student is placed like the others.
        for s in &mut instance.students {
            s.pinned = None;
        }
    }
    for (k, cell) in change.remove_students.iter().enumerate() {
        remove_students(&mut instance, cell, seed, k as u64);
    }
    for (k, cell) in change.add_students.iter().enumerate() {
        add_students(&mut instance, cell, seed, k as u64);
    }
    Applied {
        instance,
        rules,
        removed: removed.into_iter().collect(),
    }
}

/// `percent` of `n`, rounded half up: 5% of 12 teachers is 1, 50% of 7 is 4.
pub fn share_of(n: usize, percent: f64) -> usize {
    ((n as f64 * percent / 100.0) + 0.5 + 1e-9).floor().max(0.0) as usize
}

fn switch_rules(rules: &mut RuleSet, temporary: &RuleSet, change: &Change) {
    match change.temporary_maxima {
        Some(false) => {
            for limits in rules.size_classes.values_mut() {
                limits.temporary_max = limits.standard_max;
            }
        }
        Some(true) => {
            for (class, limits) in &mut rules.size_classes {
                if let Some(t) = temporary.size_classes.get(class) {
                    limits.temporary_max = limits.temporary_max.max(t.temporary_max);
                }
            }
            rules.overflow_requires_full_groups = true;
        }
        None => {}
    }
    if let Some(floor) = change.certified_floor {
        let share = Share((floor * 100.0).round() as u32);
        rules.min_certified_share = share;
        rules.target_certified_share = rules.target_certified_share.max(share);
    }
    if let Some(m) = change.mentoring {
        rules.mentor_required = m;
    }
}

fn cap_lessons(instance: &mut Instance, change: &Change) {
    if change.max_lessons_per_week.is_none() && change.max_lessons_percent.is_none() {
        return;
    }
    let groups = instance.groups.clone();
    for t in &mut instance.teachers {
        let mut cap = t.max_lessons_per_week;
        if let Some(p) = change.max_lessons_percent {
            // The weekly slots of the groups they fit, a slot of two groups once and a
            // group with a choice of meeting times in one alternative.
            let now = cap.unwrap_or_else(|| {
                let fit: Vec<_> = groups.iter().filter(|g| teacher_fits(t, g)).collect();
                let slots: BTreeSet<&Slot> = fit.iter().flat_map(|g| &g.slots).collect();
                let one_each: usize = fit.iter().map(|g| g.weekly_slots()).sum();
                slots.len().min(one_each) as u32
            });
            cap = Some((f64::from(now) * p / 100.0 + 1e-9).floor() as u32);
        }
        if let Some(n) = change.max_lessons_per_week {
            cap = Some(cap.map_or(n, |c| c.min(n)));
        }
        t.max_lessons_per_week = cap;
    }
}

/// `remove_rooms` and `rooms_capacity_percent` (seats rounded down, as for weekly maxima).
fn change_rooms(instance: &mut Instance, change: &Change) {
    instance
        .rooms
        .retain(|r| !change.remove_rooms.contains(&r.id));
    if let Some(p) = change.rooms_capacity_percent {
        for r in &mut instance.rooms {
            r.capacity = (f64::from(r.capacity) * p / 100.0 + 1e-9).floor() as u32;
        }
    }
}

fn in_cell(s: &crate::domain::Student, cell: &Cell) -> bool {
    s.profile == cell.profile && s.locations.first() == Some(&cell.location)
}

fn remove_students(instance: &mut Instance, cell: &Cell, seed: u64, k: u64) {
    let here: Vec<StudentId> = instance
        .students
        .iter()
        .filter(|s| in_cell(s, cell))
        .map(|s| s.id.clone())
        .collect();
    let order = generate::permutation(here.len(), seed, SALT_STUDENTS + 16 * k);
    let gone: BTreeSet<&StudentId> = order
        .iter()
        .take(cell.count as usize)
        .map(|&i| &here[i])
        .collect();
    instance.students.retain(|s| !gone.contains(&s.id));
}

fn add_students(instance: &mut Instance, cell: &Cell, seed: u64, k: u64) {
    let new = generate::more_students(
        instance,
        &cell.profile,
        &cell.location,
        cell.count as usize,
        seed,
        SALT_STUDENTS + 16 * k + 8,
    );
    let taken: BTreeSet<String> = instance
        .students
        .iter()
        .map(|s| s.id.as_str().to_string())
        .collect();
    let mut n = 0;
    for mut s in new {
        let id = loop {
            n += 1;
            let id = format!("X{k}-{n:05}");
            if !taken.contains(&id) {
                break id;
            }
        };
        s.id = StudentId::new(id);
        instance.students.push(s);
    }
}

#[cfg(test)]
mod tests;
