//! The integer program: domain -> [`Mip`], in ordered, named passes.
//!
//! Decisions: which teacher gives each segment of a series (one weekly slot of one group,
//! see [`series`]), how many students of each interchangeable type go to each group (see
//! [`students`]), which optional groups open, and how many non-certified teachers are used
//! (mentors are then matched to them exactly; see `solve::decode`). One constraint family
//! per file:
//!
//! | pass | file | rows |
//! |---|---|---|
//! | variables | `variables.rs` | costs of the objective |
//! | staffing | `staffing.rs` | one teacher per segment; no overlaps; weekly maximum |
//! | norms | `norms.rs` | 1.7.1a certified floor, 1.7.1b per course, supervision capacity |
//! | sizes | `sizes.rs` | 2.2.1 maxima, exception 2's condition, min_size, one group per student |
//! | continuity | `variables.rs` | distinct teachers per group |

pub mod mip;
mod norms;
pub mod series;
mod sizes;
mod staffing;
pub mod students;
mod variables;
pub mod write;

use crate::domain::{Instance, RuleSet};
pub use mip::{Cmp, Family, Mip, Row, Var, VarId, VarKind};
pub use norms::share_coefficients;
use series::Segment;
pub use staffing::staffing_row;
use students::StudentType;
pub use variables::clean;

/// The program together with the meaning of its variables.
#[derive(Clone, Debug)]
pub struct Model {
    pub mip: Mip,
    pub segments: Vec<Segment>,
    pub types: Vec<StudentType>,
    /// Pinned students per group.
    pub pinned: Vec<u32>,
    /// Per group: whether it runs (fixed to 1 for groups that are not optional).
    pub open: Vec<VarId>,
    /// Per segment: (teacher index, variable) for every candidate.
    pub assign: Vec<Vec<(usize, VarId)>>,
    /// Per student type: (group index, variable counting its students there).
    pub place: Vec<Vec<(usize, VarId)>>,
    /// Per student type: how many of them are not placed.
    pub unplaced: Vec<VarId>,
    /// Per group: students above the standard maximum, when the class allows overflow.
    pub overflow: Vec<Option<VarId>>,
}

/// Builds the program for `instance` under `rules`.
pub fn build(instance: &Instance, rules: &RuleSet) -> Model {
    let segments = series::segments(instance);
    let (types, pinned) = students::student_types(instance);
    let mut model = variables::run(instance, rules, segments, types, pinned);
    staffing::run(instance, &mut model);
    norms::run(instance, rules, &mut model);
    sizes::run(instance, rules, &mut model);
    model
}

/// Size of a program, for reports and benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub variables: usize,
    pub integer_variables: usize,
    pub constraints: usize,
    pub segments: usize,
    pub student_types: usize,
}

impl Model {
    pub fn stats(&self) -> Stats {
        Stats {
            variables: self.mip.vars.len(),
            integer_variables: self.mip.integer_count(),
            constraints: self.mip.rows.len(),
            segments: self.segments.len(),
            student_types: self.types.len(),
        }
    }

    /// Lessons of group `g` (all its segments).
    pub fn lessons_of_group(&self, g: usize) -> u32 {
        self.segments
            .iter()
            .filter(|s| s.group == g)
            .map(Segment::lessons)
            .sum()
    }
}

#[cfg(test)]
mod tests;
