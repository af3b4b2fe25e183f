//! Which variables of the program a neighbourhood frees; every other one keeps the
//! incumbent's value.
//!
//! A neighbourhood names groups whose lessons any candidate may take over (and whose
//! students may move), and teachers who may swap the lessons they give among themselves.
//! From those the rule is mechanical: a lesson count is free when its class is; a helper
//! variable (the teacher of a group, a teacher in use, a group open, students above the
//! standard maximum, a cell under exception 2) is free when something it is defined by is,
//! so that the sub-program can price what it changes.

use super::neighbourhood::Neighbourhood;
use crate::model::Model;
use std::collections::BTreeSet;

/// Per variable of the program: whether the neighbourhood frees it.
pub fn free(model: &Model, counts: &[Vec<(usize, u32)>], n: &Neighbourhood) -> Vec<bool> {
    let mut keep = vec![false; model.mip.vars.len()];
    let mut taught: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut busy: BTreeSet<usize> = BTreeSet::new();
    for (c, class) in model.classes.iter().enumerate() {
        let whole_group = n.groups.contains(&class.group);
        // Lessons the teachers of the neighbourhood give among themselves.
        let swap = !n.teachers.is_empty()
            && !counts[c].is_empty()
            && counts[c].iter().all(|(t, _)| n.teachers.contains(t));
        for &(t, x) in &model.assign[c] {
            if whole_group || (swap && n.teachers.contains(&t)) {
                keep[x] = true;
                taught.insert((t, class.group));
                busy.insert(t);
            }
        }
    }
    for (pair, y) in &model.pairs {
        if taught.contains(pair) {
            keep[*y] = true;
        }
    }
    for (t, used) in &model.used {
        if busy.contains(t) {
            keep[*used] = true;
        }
    }
    // A group may close only when all its lessons are free; so may it change its
    // alternative of meeting times.
    for (g, open) in model.open.iter().enumerate() {
        if n.groups.contains(&g) {
            keep[*open] = true;
            for &v in model.choose.get(g).into_iter().flatten() {
                keep[v] = true;
            }
        }
    }
    for (v, g, _) in &model.joint {
        if n.groups.contains(g) {
            keep[*v] = true;
        }
    }
    if n.students {
        let mut resized: BTreeSet<usize> = BTreeSet::new();
        for (ty, options) in model.place.iter().enumerate() {
            if !options.iter().any(|(g, _)| n.groups.contains(g)) {
                continue;
            }
            keep[model.unplaced[ty]] = true;
            for &(g, v) in options {
                keep[v] = true;
                resized.insert(g);
            }
        }
        for (g, over) in model.overflow.iter().enumerate() {
            if let (Some(v), true) = (over, resized.contains(&g)) {
                keep[*v] = true;
            }
        }
        for (groups, full) in &model.full {
            if groups.iter().any(|g| resized.contains(g)) {
                keep[*full] = true;
            }
        }
    }
    keep
}
