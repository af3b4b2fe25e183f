//! Pass 1: every variable, with its cost in the objective.

use super::series::Segment;
use super::students::StudentType;
use super::{Cmp, Family, Mip, Model, VarKind};
use crate::domain::{Instance, RuleSet};

/// A name usable in LP and MPS files: letters, digits and `_` only.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

pub fn run(
    instance: &Instance,
    rules: &RuleSet,
    segments: Vec<Segment>,
    types: Vec<StudentType>,
    pinned: Vec<u32>,
) -> Model {
    let w = instance.school.weights;
    let mut mip = Mip::default();

    let open = instance
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let name = format!("open_{}", clean(g.course_code.as_str()));
            let must = !g.optional || pinned[gi] > 0;
            let cost = if g.optional {
                w.optional_group_opened
            } else {
                0.0
            };
            mip.var(
                name,
                VarKind::Binary,
                if must { 1.0 } else { 0.0 },
                1.0,
                cost,
            )
        })
        .collect();

    let assign = segments
        .iter()
        .map(|s| {
            let g = &instance.groups[s.group];
            s.candidates
                .iter()
                .map(|&t| {
                    let teacher = &instance.teachers[t];
                    let cost = if teacher.is_certified() {
                        0.0
                    } else {
                        w.non_certified_lesson * f64::from(s.lessons())
                    };
                    let name = format!(
                        "z_{}_{}_{}_{}",
                        clean(teacher.id.as_str()),
                        clean(g.course_code.as_str()),
                        clean(&s.slot.to_string()),
                        s.part
                    );
                    (t, mip.binary(name, cost))
                })
                .collect()
        })
        .collect();

    let place = types
        .iter()
        .enumerate()
        .map(|(ti, ty)| {
            let count = ty.members.len() as f64;
            ty.options
                .iter()
                .map(|&(gi, rank)| {
                    let name = format!(
                        "n_type{}_{}",
                        ti + 1,
                        clean(instance.groups[gi].course_code.as_str())
                    );
                    let cost = w.location_rank * f64::from(rank);
                    (gi, mip.var(name, VarKind::Integer, 0.0, count, cost))
                })
                .collect()
        })
        .collect();
    // The students of each type left out, at their cost: the objective stays the true cost
    // (no large constant), so a relative gap means the same for every priority.
    let unplaced = types
        .iter()
        .enumerate()
        .map(|(ti, ty)| {
            let count = ty.members.len() as f64;
            mip.var(
                format!("unplaced_type{}", ti + 1),
                VarKind::Integer,
                0.0,
                count,
                w.unplaced_student,
            )
        })
        .collect();

    let overflow = instance
        .groups
        .iter()
        .map(|g| {
            let limits = rules
                .size_classes
                .get(instance.school.size_class(&g.profile))?;
            limits.allows_overflow().then(|| {
                let name = format!("over_{}", clean(g.course_code.as_str()));
                let room = f64::from(limits.temporary_max - limits.standard_max);
                mip.var(
                    name,
                    VarKind::Continuous,
                    0.0,
                    room,
                    w.student_above_standard,
                )
            })
        })
        .collect();

    let mut model = Model {
        mip,
        segments,
        types,
        pinned,
        open,
        assign,
        place,
        unplaced,
        overflow,
    };
    continuity(instance, &mut model);
    model
}

/// A continuous `w >= z` per (teacher, group) that the objective pushes down to the largest
/// of its `z`: the number of distinct teachers of each group.
fn continuity(instance: &Instance, m: &mut Model) {
    let cost = instance.school.weights.teacher_per_group;
    for g in 0..instance.groups.len() {
        let mut teachers: Vec<usize> = m
            .segments
            .iter()
            .zip(&m.assign)
            .filter(|(s, _)| s.group == g)
            .flat_map(|(_, a)| a.iter().map(|(t, _)| *t))
            .collect();
        teachers.sort_unstable();
        teachers.dedup();
        for t in teachers {
            let name = format!(
                "teaches_{}_{}",
                clean(instance.teachers[t].id.as_str()),
                clean(instance.groups[g].course_code.as_str())
            );
            let w = m.mip.var(name.clone(), VarKind::Continuous, 0.0, 1.0, cost);
            let zs: Vec<usize> = m
                .segments
                .iter()
                .zip(&m.assign)
                .filter(|(s, _)| s.group == g)
                .flat_map(|(_, a)| a.iter().filter(|(tt, _)| *tt == t).map(|(_, z)| *z))
                .collect();
            for (k, z) in zs.into_iter().enumerate() {
                m.mip.row(
                    format!("{name}_{}", k + 1),
                    Family::Definition,
                    vec![(w, 1.0), (z, -1.0)],
                    Cmp::Ge,
                    0.0,
                );
            }
        }
    }
}
