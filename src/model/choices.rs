//! Pass 1b: a choice of meeting times. Per group with alternatives a binary `choose[g, a]`
//! with Σ_a choose[g, a] = open[g], and per class the variable that is 1 when its lessons
//! take place ([`Model::active`]): `open[g]` for a group without a choice (and for a slot in
//! every alternative), `choose[g, a]` for a slot of one alternative, and for a slot of some
//! alternatives `on[g, s] = Σ_{a ∋ s} choose[g, a]`. Every row that asks a class's lessons
//! to be given uses it, so each is a sum of per-lesson rows whose lesson exists exactly when
//! its alternative is chosen.
//!
//! Students: a type whose members are available for only some alternatives of a group gets
//! n[type, g] <= members · Σ_{a fits} choose[g, a]; a pinned student asks
//! Σ_{a fits} choose[g, a] >= 1. Both are exact: a student is in the group only when the
//! chosen alternative suits them.

use super::variables::clean;
use super::{Cmp, Family, Model, Subject, VarId, VarKind};
use crate::domain::Instance;
use std::collections::{BTreeMap, BTreeSet};

pub fn run(instance: &Instance, m: &mut Model) {
    m.choose = instance
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            if !g.has_choice() {
                return Vec::new();
            }
            let code = clean(g.course_code.as_str());
            let vars: Vec<VarId> = (0..g.choices.len())
                .map(|a| m.mip.binary(format!("choose_{code}_{}", a + 1), 0.0))
                .collect();
            let mut terms: Vec<(VarId, f64)> = vars.iter().map(|&v| (v, 1.0)).collect();
            terms.push((m.open[gi], -1.0));
            m.mip.row(
                format!("one_alternative_{code}"),
                Family::Definition,
                Subject::Group(gi),
                terms,
                Cmp::Eq,
                0.0,
            );
            vars
        })
        .collect();
    let mut joint: BTreeMap<(usize, Vec<usize>), VarId> = BTreeMap::new();
    m.active = Vec::with_capacity(m.classes.len());
    for ci in 0..m.classes.len() {
        let (gi, slot) = (m.classes[ci].group, m.classes[ci].slot.clone());
        let g = &instance.groups[gi];
        let with = g.alternatives_with(&slot);
        let var = if !g.has_choice() || with.len() == g.choices.len() {
            m.open[gi]
        } else if let [a] = with[..] {
            m.choose[gi][a]
        } else {
            let key = (gi, with.clone());
            match joint.get(&key) {
                Some(&v) => v,
                None => {
                    let name = format!(
                        "on_{}_{}",
                        clean(g.course_code.as_str()),
                        clean(&slot.to_string())
                    );
                    let v = m.mip.var(name.clone(), VarKind::Continuous, 0.0, 1.0, 0.0);
                    let mut terms = vec![(v, 1.0)];
                    terms.extend(with.iter().map(|&a| (m.choose[gi][a], -1.0)));
                    m.mip.row(
                        name,
                        Family::Definition,
                        Subject::Group(gi),
                        terms,
                        Cmp::Eq,
                        0.0,
                    );
                    m.joint.push((v, gi, with));
                    joint.insert(key, v);
                    v
                }
            }
        };
        m.active.push(var);
    }
    students(instance, m);
}

fn students(instance: &Instance, m: &mut Model) {
    for ti in 0..m.types.len() {
        let count = m.types[ti].members.len() as f64;
        for (gi, fits) in m.types[ti].fitting.clone() {
            let Some(&(_, n)) = m.place[ti].iter().find(|(g, _)| *g == gi) else {
                continue;
            };
            let mut terms = vec![(n, 1.0)];
            terms.extend(fits.iter().map(|&a| (m.choose[gi][a], -count)));
            let name = format!(
                "fits_alternative_type{}_{}",
                ti + 1,
                clean(instance.groups[gi].course_code.as_str())
            );
            m.mip.row(
                name,
                Family::Definition,
                Subject::StudentType(ti),
                terms,
                Cmp::Le,
                0.0,
            );
        }
    }
    // Pinned students: the chosen alternative suits every one of them.
    let mut asked: BTreeSet<(usize, Vec<usize>)> = BTreeSet::new();
    for s in &instance.students {
        let Some(gi) = s
            .pinned
            .as_ref()
            .and_then(|c| instance.groups.iter().position(|g| &g.course_code == c))
        else {
            continue;
        };
        let g = &instance.groups[gi];
        let fits = s.fitting_alternatives(g);
        if g.has_choice() && fits.len() < g.choices.len() {
            asked.insert((gi, fits));
        }
    }
    for (k, (gi, fits)) in asked.into_iter().enumerate() {
        let terms = fits.iter().map(|&a| (m.choose[gi][a], 1.0)).collect();
        let name = format!(
            "pinned_alternative_{}_{}",
            clean(instance.groups[gi].course_code.as_str()),
            k + 1
        );
        m.mip.row(
            name,
            Family::Definition,
            Subject::Group(gi),
            terms,
            Cmp::Ge,
            1.0,
        );
    }
}

impl Model {
    /// The variable that is 1 when the lessons of class `ci` take place: `open[g]` for a
    /// group without a choice of meeting times, else the chosen alternatives' (see
    /// `choices.rs`).
    pub fn active(&self, ci: usize) -> VarId {
        self.active
            .get(ci)
            .copied()
            .unwrap_or_else(|| self.open[self.classes[ci].group])
    }
}
