//! The integer program: domain -> [`Mip`], in ordered, named passes.
//!
//! Decisions: how many lessons of each class of dates (see [`classes`]) each teacher gives,
//! how many students of each interchangeable type go to each group (see [`students`]), which
//! optional groups open, and which teachers teach which groups (continuity, and the
//! non-certified teachers who need a mentor; mentors are then matched to them exactly, see
//! `solve::decode`). Every row is an exact sum of rows of the per-lesson program, so the
//! program is a relaxation of the exact problem; `solve` turns its counts into dates and
//! proves or refines. One constraint family per file:
//!
//! | pass | file | rows |
//! |---|---|---|
//! | variables | `variables.rs` | costs of the objective; continuity (distinct teachers per group) |
//! | choices | `choices.rs` | a choice of meeting times: one alternative per running group, the variable each class takes place by ([`Model::active`]), students only in an alternative that suits them |
//! | staffing | `staffing.rs` | every lesson given once; no overlaps; weekly maximum |
//! | contract | `contract.rs` | contract hours: weekly and term minimums, term maximum |
//! | norms | `norms.rs` | 1.7.1a certified floor, 1.7.1b per course, supervision capacity |
//! | sizes | `sizes.rs` | 2.2.1 maxima, exception 2's condition, min_size, one group per student |
//! | rooms | `rooms.rs` (`pools.rs`) | with `rooms.csv`: a room per lesson that seats the group, one lesson at a time, a cost per distinct room of a group; identical rooms counted together as pools |
//! | balance | `balance.rs` | balanced groups: the largest minus the smallest running group per location and profile, a cost |
//! | (best effort) | `shortfall.rs` | the norms may give way, at a price in four levels (`solve::best_effort`) |

mod balance;
mod choices;
pub mod classes;
mod contract;
pub mod decompose;
pub mod mip;
mod norms;
pub mod pools;
pub mod restrict;
pub mod rooms;
pub mod shortfall;
mod sizes;
mod staffing;
mod start;
pub mod students;
mod variables;
pub mod write;

use crate::domain::{Instance, RuleSet};
pub use crate::outcome::Stats;
pub use classes::{Class, Formulation, LessonKey, Refinement};
pub use mip::{Cmp, Family, Mip, Row, Subject, Var, VarId, VarKind};
pub use norms::share_coefficients;
pub use restrict::Restricted;
pub use start::values_of;
use std::collections::{BTreeMap, BTreeSet};
use students::StudentType;
pub use variables::clean;

/// The program together with the meaning of its variables.
#[derive(Clone, Debug)]
pub struct Model {
    pub mip: Mip,
    pub formulation: Formulation,
    pub classes: Vec<Class>,
    pub types: Vec<StudentType>,
    /// Pinned students per group.
    pub pinned: Vec<u32>,
    /// Per group: whether it runs (fixed to 1 for groups that are not optional).
    pub open: Vec<VarId>,
    /// Per group: per alternative of its meeting times, whether it is chosen; empty for a
    /// group without a choice.
    pub choose: Vec<Vec<VarId>>,
    /// Per class: the variable that is 1 when its lessons take place (see [`Model::active`]).
    pub active: Vec<VarId>,
    /// Helpers `on[g, s]`: (variable, group, the alternatives it sums).
    pub joint: Vec<(VarId, usize, Vec<usize>)>,
    /// Per class: (teacher index, variable counting the lessons of the class they give).
    pub assign: Vec<Vec<(usize, VarId)>>,
    /// Per (teacher, group) that can meet: whether the teacher gives the group any lesson.
    pub pairs: BTreeMap<(usize, usize), VarId>,
    /// Per class: (pool index, variable counting the lessons of the class held in a room of
    /// the pool); empty without rooms.
    pub rooms: Vec<Vec<(usize, VarId)>>,
    /// Per (group, pool) where it is needed: whether the group has a lesson in the pool.
    pub keeps: BTreeMap<(usize, usize), VarId>,
    /// The rooms counted together ([`pools`]); every room alone in a replan, and with
    /// [`Refinement::distinct_rooms`].
    pub pools: pools::Pools,
    /// Per student type: (group index, variable counting its students there).
    pub place: Vec<Vec<(usize, VarId)>>,
    /// Per student type: how many of them are not placed.
    pub unplaced: Vec<VarId>,
    /// Per group: students above the standard maximum, when the class allows overflow.
    pub overflow: Vec<Option<VarId>>,
    /// Per non-certified teacher who could teach: whether they do (and need a mentor).
    pub used: Vec<(usize, VarId)>,
    /// Per (location, profile) cell under exception 2's condition: its groups, and whether
    /// the cell uses the temporary maximum.
    pub full: Vec<(Vec<usize>, VarId)>,
    /// Per (location, profile) cell of balanced groups: its groups, and the variables of its
    /// largest and its smallest running group.
    pub balance: Vec<(Vec<usize>, VarId, VarId)>,
    /// The (teacher, ISO week) pairs with weekly rows: the weekly maximum can bind there, or
    /// the contract asks a minimum.
    pub binding: BTreeSet<(usize, classes::Week)>,
    /// Per teacher what their contract hours require.
    pub contract: Vec<crate::domain::Required>,
    /// Whether the classes are lined up across the rows they share.
    pub lined_up: bool,
    /// What the classes were made finer by.
    pub refinement: Refinement,
}

/// Builds the program for `instance` under `rules`, with classes made finer by
/// `refinement` (see `solve`).
pub fn build(
    instance: &Instance,
    rules: &RuleSet,
    formulation: Formulation,
    refinement: &Refinement,
) -> Model {
    let classes = classes::classes(instance, formulation, refinement);
    let (types, pinned) = students::student_types(instance);
    let mut model = variables::run(instance, rules, formulation, classes.list, types, pinned);
    choices::run(instance, &mut model);
    model.binding = classes.binding;
    model.contract = classes.contract;
    model.lined_up = classes.lined_up;
    model.pools = classes.pools;
    model.refinement = refinement.clone();
    staffing::run(instance, &mut model);
    contract::run(instance, &mut model);
    norms::run(instance, rules, &mut model);
    sizes::run(instance, rules, &mut model);
    rooms::run(instance, &mut model);
    balance::run(instance, rules, &mut model);
    model
}

impl Model {
    pub fn stats(&self) -> Stats {
        Stats {
            variables: self.mip.vars.len(),
            integer_variables: self.mip.integer_count(),
            constraints: self.mip.rows.len(),
            classes: self.classes.len(),
            student_types: self.types.len(),
        }
    }

    /// Lessons of class `c` per unit of its variables: all of them when classes are given
    /// whole, else one.
    pub fn unit(&self, c: usize) -> f64 {
        if self.formulation.whole() {
            f64::from(self.classes[c].lessons())
        } else {
            1.0
        }
    }

    /// Lessons of group `g` (all its classes).
    pub fn lessons_of_group(&self, g: usize) -> u32 {
        self.classes
            .iter()
            .filter(|c| c.group == g)
            .map(Class::lessons)
            .sum()
    }

    /// The lessons of `values`: per class, every teacher with the number of its lessons they
    /// give, in teacher order.
    pub fn counts(&self, values: &[f64]) -> Vec<Vec<(usize, u32)>> {
        self.counts_of(&self.assign, values)
    }

    /// Per class: (room, how many of its lessons are held there), as [`Model::counts`].
    pub fn room_counts(&self, values: &[f64]) -> Vec<Vec<(usize, u32)>> {
        self.counts_of(&self.rooms, values)
    }

    fn counts_of(&self, vars: &[Vec<(usize, VarId)>], values: &[f64]) -> Vec<Vec<(usize, u32)>> {
        vars.iter()
            .enumerate()
            .map(|(c, a)| {
                a.iter()
                    .filter_map(|(t, x)| {
                        let n = values.get(*x).map_or(0.0, |v| v.round().max(0.0));
                        (n >= 1.0).then_some((*t, (n * self.unit(c)) as u32))
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
