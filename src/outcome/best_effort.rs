//! The best-effort plan: what `solve` writes when no schedule meets every norm (unless
//! `--strict`). `solve::best_effort` makes it; the reports render it.

use crate::domain::Shortfall;
use serde::Serialize;

/// How a best-effort plan was found, beside the schedule and the checker's report on it.
///
/// Every number is counted from the schedule written: the shortfall by the checker
/// (`check::CheckReport::shortfall`), the objective by `check::cost`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BestEffort {
    /// How far the plan misses the norms, in the order they are minimized.
    pub shortfall: Shortfall,
    /// The usual objective of the plan (the last level).
    pub objective: f64,
    /// Whether every level was solved to proven optimality (the last one within `--gap`):
    /// then no plan misses the norms less, level by level.
    pub proven: bool,
    /// How often classes had to be split into single lessons and the levels solved again.
    pub refinements: u32,
}

/// The order in which the norms give way, for reports: (key, Dutch, English).
pub const LEVELS: [(&str, &str, &str); 4] = [
    (
        "lessons_without_teacher",
        "lessen zonder docent (groepen die moeten doorgaan)",
        "lessons without a teacher (groups that must run)",
    ),
    (
        "course_certified_missing",
        "gecertificeerde lessen tekort in cursussen (1.7.1b)",
        "certified lessons missing in courses (1.7.1b)",
    ),
    (
        "floor_lessons_missing",
        "gecertificeerde lessen tekort voor het minimum (1.7.1a)",
        "certified lessons missing for the minimum share (1.7.1a)",
    ),
    (
        "mentor_places_missing",
        "begeleidingsplaatsen tekort",
        "mentor places missing",
    ),
];
