//! Pass 1: every variable, with its cost in the objective.

use super::classes::{Class, Formulation};
use super::students::StudentType;
use super::{Cmp, Family, Mip, Model, Subject, VarKind};
use crate::domain::{Instance, RuleSet};
use std::collections::BTreeMap;

/// A name usable in LP and MPS files: letters, digits and `_` only.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

pub fn run(
    instance: &Instance,
    rules: &RuleSet,
    formulation: Formulation,
    classes: Vec<Class>,
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

    // How many lessons of the class the teacher gives: a binary for a single lesson.
    let assign = classes
        .iter()
        .map(|c| {
            let g = &instance.groups[c.group];
            c.candidates
                .iter()
                .map(|&t| {
                    let teacher = &instance.teachers[t];
                    let mut cost = if teacher.is_certified() {
                        0.0
                    } else {
                        w.non_certified_lesson
                    };
                    // A class is of one course, location and slot: every lesson of it meets
                    // or breaks the teacher's wishes alike.
                    if teacher
                        .wishes
                        .broken_by(&g.course_code, &g.location, &c.slot)
                    {
                        cost += w.teacher_preference;
                    }
                    // A replan: every lesson not given by the replaced schedule's teacher.
                    if c.previous.is_some_and(|p| p != t) {
                        cost += w.changed_lesson;
                    }
                    let name = format!(
                        "x_{}_{}_{}_{}",
                        clean(teacher.id.as_str()),
                        clean(g.course_code.as_str()),
                        clean(&c.slot.to_string()),
                        c.part
                    );
                    let n = f64::from(c.lessons());
                    if formulation.whole() {
                        return (t, mip.binary(name, cost * n));
                    }
                    let kind = if n > 1.0 {
                        VarKind::Integer
                    } else {
                        VarKind::Binary
                    };
                    (t, mip.var(name, kind, 0.0, n, cost))
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
                    let mut cost = w.location_rank * f64::from(rank);
                    if ty.previous.is_some_and(|p| p != gi) {
                        cost += w.moved_student;
                    }
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
                w.unplaced_student
                    + if ty.previous.is_some() {
                        w.moved_student
                    } else {
                        0.0
                    },
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

    // Pinned students are constants of the program, but their places cost like anyone's.
    mip.objective_constant = w.location_rank
        * instance
            .students
            .iter()
            .filter_map(|s| {
                let g = instance.group(s.pinned.as_ref()?)?;
                s.location_rank(&g.location)
            })
            .map(f64::from)
            .sum::<f64>()
        + w.moved_student * pinned_moves(instance) as f64;
    let n_classes = classes.len();
    let mut model = Model {
        mip,
        formulation,
        classes,
        types,
        pinned,
        open,
        choose: Vec::new(),
        active: Vec::new(),
        joint: Vec::new(),
        assign,
        pairs: BTreeMap::new(),
        rooms: vec![Vec::new(); n_classes],
        keeps: BTreeMap::new(),
        pools: Default::default(),
        place,
        unplaced,
        overflow,
        used: Vec::new(),
        full: Vec::new(),
        balance: Vec::new(),
        binding: Default::default(),
        contract: Vec::new(),
        lined_up: false,
        refinement: Default::default(),
    };
    continuity(instance, &mut model);
    model
}

/// Students pinned to another group than the one the replaced schedule had them in.
fn pinned_moves(instance: &Instance) -> usize {
    let Some(f) = &instance.frozen else { return 0 };
    instance
        .students
        .iter()
        .filter(|s| {
            s.pinned
                .as_ref()
                .is_some_and(|c| instance.group(c).is_some() && f.is_move(&s.id, Some(c)))
        })
        .count()
}

/// Per (teacher, group) a `y` with `n · y >= x` for every class of the group (`n` its
/// lessons), which the objective pushes down: `y` is 1 exactly when the teacher gives the
/// group a lesson, so the `y` count the distinct teachers of each group. A binary where a
/// class has several lessons (a count of 2 out of 5 must still cost a whole teacher); with
/// single-lesson classes the rows alone make it whole.
fn continuity(instance: &Instance, m: &mut Model) {
    let cost = instance.school.weights.teacher_per_group;
    let mut rows: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for (ci, (c, a)) in m.classes.iter().zip(&m.assign).enumerate() {
        for &(t, x) in a {
            rows.entry((t, c.group)).or_default().push((ci, x));
        }
    }
    for ((t, g), xs) in rows {
        let name = format!(
            "teaches_{}_{}",
            clean(instance.teachers[t].id.as_str()),
            clean(instance.groups[g].course_code.as_str())
        );
        let whole = !m.formulation.whole() && xs.iter().any(|(ci, _)| m.classes[*ci].lessons() > 1);
        let kind = if whole {
            VarKind::Binary
        } else {
            VarKind::Continuous
        };
        let y = m.mip.var(name.clone(), kind, 0.0, 1.0, cost);
        for (k, (ci, x)) in xs.into_iter().enumerate() {
            let n = f64::from(m.classes[ci].lessons()) / m.unit(ci);
            m.mip.row(
                format!("{name}_{}", k + 1),
                Family::Definition,
                Subject::TeacherGroup {
                    teacher: t,
                    group: g,
                },
                vec![(y, n), (x, -1.0)],
                Cmp::Ge,
                0.0,
            );
        }
        m.pairs.insert((t, g), y);
    }
}
