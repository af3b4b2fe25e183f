//! The values of the program's variables that describe a given schedule: a start for the
//! solver (a schedule found already, which the solver then only has to beat or prove).
//!
//! Every variable is derived from the schedule alone, as its row defines it: counts of
//! lessons per class and teacher, the pairs that meet, students per type and group, the
//! students above the standard maximum, and so on. A schedule of the exact problem gives
//! values that satisfy every row of the program (it is a relaxation).

use super::Model;
use crate::domain::{CourseCode, Instance, RuleSet, Schedule, TeacherId};
use chrono::{NaiveDate, NaiveTime};
use std::collections::{BTreeMap, BTreeSet};

pub fn values_of(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    schedule: &Schedule,
) -> Vec<f64> {
    let mut v = vec![0.0; model.mip.vars.len()];
    for (x, var) in v.iter_mut().zip(&model.mip.vars) {
        *x = var.lower.max(0.0);
    }
    let teacher_index: BTreeMap<&TeacherId, usize> = instance
        .teachers
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i))
        .collect();
    let code_index: BTreeMap<&CourseCode, usize> = instance
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (&g.course_code, i))
        .collect();
    let mut given: BTreeMap<(usize, NaiveDate, NaiveTime), usize> = BTreeMap::new();
    let mut held: BTreeMap<(usize, NaiveDate, NaiveTime), usize> = BTreeMap::new();
    let mut running: BTreeSet<usize> = BTreeSet::new();
    for row in &schedule.timetable {
        let Some(&g) = code_index.get(&row.course_code) else {
            continue;
        };
        if let Some(r) = row
            .room
            .as_ref()
            .and_then(|r| instance.rooms.iter().position(|x| &x.id == r))
        {
            held.insert((g, row.date, row.time.start), model.pools.of_room[r]);
        }
        if let Some(t) = row.teacher.as_ref().and_then(|t| teacher_index.get(t)) {
            given.insert((g, row.date, row.time.start), *t);
            running.insert(g);
        }
    }
    let mut size = vec![0u32; instance.groups.len()];
    let mut placed: BTreeMap<usize, usize> = BTreeMap::new();
    let student_index: BTreeMap<_, usize> = instance
        .students
        .iter()
        .enumerate()
        .map(|(i, s)| (&s.id, i))
        .collect();
    for p in &schedule.placements {
        if let (Some(&s), Some(&g)) = (
            student_index.get(&p.student),
            p.course_code.as_ref().and_then(|c| code_index.get(c)),
        ) {
            placed.insert(s, g);
            size[g] += 1;
            running.insert(g);
        }
    }
    for (g, open) in model.open.iter().enumerate() {
        if running.contains(&g) {
            v[*open] = 1.0;
        }
    }
    // The alternative a running group follows: the first that holds every slot it meets in.
    for (g, choose) in model.choose.iter().enumerate() {
        if !running.contains(&g) {
            continue;
        }
        let group = &instance.groups[g];
        let used: BTreeSet<&crate::domain::Slot> = model
            .classes
            .iter()
            .filter(|c| c.group == g)
            .filter(|c| {
                c.dates
                    .iter()
                    .any(|d| given.contains_key(&(g, *d, c.time.start)))
            })
            .map(|c| &c.slot)
            .collect();
        if let Some(a) = group
            .choices
            .iter()
            .position(|a| used.iter().all(|s| a.contains(s)))
        {
            v[choose[a]] = 1.0;
        }
    }
    for (on, g, with) in &model.joint {
        v[*on] = with.iter().map(|&a| v[model.choose[*g][a]]).sum();
    }
    let mut teaches: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (c, class) in model.classes.iter().enumerate() {
        let mut n: BTreeMap<usize, f64> = BTreeMap::new();
        for d in &class.dates {
            if let Some(&t) = given.get(&(class.group, *d, class.time.start)) {
                *n.entry(t).or_default() += 1.0;
            }
        }
        for (t, x) in &model.assign[c] {
            let k = n.get(t).copied().unwrap_or(0.0);
            if k > 0.0 {
                v[*x] = k / model.unit(c);
                teaches.insert((*t, class.group));
            }
        }
    }
    let mut kept: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (c, class) in model.classes.iter().enumerate() {
        for (r, z) in &model.rooms[c] {
            let k = class
                .dates
                .iter()
                .filter(|d| held.get(&(class.group, **d, class.time.start)) == Some(r))
                .count() as f64;
            if k > 0.0 {
                v[*z] = k / model.unit(c);
                kept.insert((class.group, *r));
            }
        }
    }
    for (pair, u) in &model.keeps {
        if kept.contains(pair) {
            v[*u] = 1.0;
        }
    }
    for (pair, y) in &model.pairs {
        if teaches.contains(pair) {
            v[*y] = 1.0;
        }
    }
    for (t, used) in &model.used {
        if teaches.iter().any(|(tt, _)| tt == t) {
            v[*used] = 1.0;
        }
    }
    for (ty, options) in model.types.iter().zip(&model.place) {
        for (g, n) in options {
            v[*n] = ty
                .members
                .iter()
                .filter(|s| placed.get(s) == Some(g))
                .count() as f64;
        }
    }
    for (ty, unplaced) in model.types.iter().zip(&model.unplaced) {
        v[*unplaced] = ty
            .members
            .iter()
            .filter(|s| !placed.contains_key(s))
            .count() as f64;
    }
    let standard = |g: usize| {
        rules
            .size_classes
            .get(instance.school.size_class(&instance.groups[g].profile))
            .map_or(u32::MAX, |l| l.standard_max)
    };
    for (g, over) in model.overflow.iter().enumerate() {
        if let Some(over) = over {
            v[*over] = f64::from(size[g].saturating_sub(standard(g)));
        }
    }
    for (groups, hi, lo) in &model.balance {
        let sizes: Vec<u32> = groups
            .iter()
            .filter(|g| running.contains(g) || model.mip.vars[model.open[**g]].lower >= 1.0)
            .map(|&g| size[g])
            .collect();
        v[*hi] = f64::from(sizes.iter().max().copied().unwrap_or(0));
        v[*lo] = f64::from(sizes.iter().min().copied().unwrap_or(0));
    }
    for (groups, full) in &model.full {
        if groups.iter().any(|&g| size[g] > standard(g)) {
            v[*full] = 1.0;
        }
    }
    v
}
