//! One result row per scenario, taken from the checker's report of the solved schedule (the
//! checker's numbers, never the solver's), and the time it took, kept apart because it is
//! the one value that differs between two runs.

use super::expand::Scenario;
use super::vary::Applied;
use crate::check::{CheckReport, MentorKind};
use crate::solve::{Solved, Status};
use serde::{Deserialize, Serialize};

/// The results of one scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub scenario: String,
    pub index: usize,
    /// The variant per axis, in axis order.
    pub labels: Vec<String>,
    pub seed: Option<u64>,
    pub rules: String,
    /// Norm 1.7.1a's floor of the scenario's rules, in percent.
    pub min_certified_share: f64,
    /// `optimal`, `feasible`, `time_limit`, `infeasible`, `no_schedule_in_time` or `error`.
    pub status: String,
    /// Why no schedule meets the rules (infeasible), or what went wrong.
    pub reason: String,
    /// Certified lessons as a percentage of lessons, truncated to two decimals.
    pub certified_share: Option<f64>,
    /// The highest certified share any schedule reaches that places as many students as
    /// possible, with the other rules kept but no floor (see the README).
    pub highest_certified_share: Option<f64>,
    pub lessons: Option<u64>,
    pub certified_lessons: Option<u64>,
    pub students: usize,
    pub students_placed: Option<usize>,
    pub students_not_placed: Option<usize>,
    /// Students above the standard maximum, summed over the groups (exception 2).
    pub students_above_standard: Option<u32>,
    /// `location/profile` where a group goes above the standard maximum.
    pub exception2_cells: Vec<String>,
    pub groups: usize,
    pub groups_opened: Option<usize>,
    pub teachers: usize,
    pub certified_teachers: usize,
    /// Teachers the scenario removed, by id.
    pub teachers_removed: Vec<String>,
    pub non_certified_teachers_used: Option<usize>,
    /// Distinct mentors of the non-certified teachers who teach.
    pub mentors_used: Option<usize>,
    pub external_mentors_used: Option<usize>,
    pub objective: Option<f64>,
    /// The proven relative gap when the solver stopped early.
    pub gap: Option<f64>,
}

/// Wall-clock seconds of one scenario: differ from run to run, so written apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    pub scenario: String,
    pub index: usize,
    pub solve_seconds: f64,
    pub highest_seconds: f64,
}

/// A percentage truncated (never rounded up) to two decimals.
pub fn percent(part: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| (u128::from(part) * 10_000 / u128::from(total)) as f64 / 100.0)
}

/// Machine name of a status.
pub fn status_key(status: &Status) -> &'static str {
    match status {
        Status::Optimal => "optimal",
        Status::Feasible { .. } => "feasible",
        Status::TimeLimit { .. } => "time_limit",
        Status::Infeasible { .. } => "infeasible",
        Status::NoScheduleInTime => "no_schedule_in_time",
    }
}

/// The row of a scenario without results yet: what the scenario is.
pub fn base(scenario: &Scenario, applied: &Applied) -> Row {
    let i = &applied.instance;
    Row {
        scenario: scenario.id.clone(),
        index: scenario.index,
        labels: scenario.labels.clone(),
        seed: scenario.seed,
        rules: applied.rules.name.clone(),
        min_certified_share: f64::from(applied.rules.min_certified_share.0) / 100.0,
        status: String::new(),
        reason: String::new(),
        certified_share: None,
        highest_certified_share: None,
        lessons: None,
        certified_lessons: None,
        students: i.students.len(),
        students_placed: None,
        students_not_placed: None,
        students_above_standard: None,
        exception2_cells: Vec::new(),
        groups: i.groups.len(),
        groups_opened: None,
        teachers: i.teachers.len(),
        certified_teachers: i.teachers.iter().filter(|t| t.is_certified()).count(),
        teachers_removed: applied.removed.iter().map(|t| t.to_string()).collect(),
        non_certified_teachers_used: None,
        mentors_used: None,
        external_mentors_used: None,
        objective: None,
        gap: None,
    }
}

/// Fills the row from a finished solve.
pub fn fill(row: &mut Row, solved: &Solved, time_limit: Option<f64>) {
    row.status = status_key(&solved.status).to_string();
    row.objective = solved.objective.map(|o| (o * 1e4).round() / 1e4);
    row.gap = match &solved.status {
        Status::Feasible { gap } | Status::TimeLimit { gap } => *gap,
        _ => None,
    };
    match &solved.status {
        Status::Infeasible { diagnosis } => {
            let reasons: Vec<String> = diagnosis
                .reasons()
                .map(|r| format!("[{}] {}", r.rule, r.message))
                .collect();
            row.reason = if reasons.is_empty() {
                "no single cause was found within the time limit".to_string()
            } else {
                reasons.join("; ")
            };
        }
        Status::NoScheduleInTime => {
            row.reason = match time_limit {
                Some(t) => format!("no schedule found within the time limit of {t} s"),
                None => "no schedule found".to_string(),
            };
        }
        _ => {}
    }
    if let Some((_, report)) = &solved.schedule {
        from_report(row, report);
    }
}

fn from_report(row: &mut Row, r: &CheckReport) {
    let t = &r.totals;
    row.lessons = Some(t.lessons_given);
    row.certified_lessons = Some(t.certified_lessons);
    row.certified_share = percent(t.certified_lessons, t.lessons_given);
    row.students_placed = Some(t.students_placed);
    row.students_not_placed = Some(t.students_not_placed);
    row.groups_opened = Some(t.groups_running);
    let cells = &r.declaration.overflow_cells;
    row.students_above_standard = Some(cells.iter().map(|c| c.surplus).sum());
    row.exception2_cells = cells
        .iter()
        .map(|c| format!("{}/{}", c.location, c.profile))
        .collect();
    row.non_certified_teachers_used = Some(r.declaration.non_certified_teachers.len());
    let mentors = &r.mentoring.mentors;
    let used = mentors.iter().filter(|m| !m.mentees.is_empty());
    row.mentors_used = Some(used.clone().count());
    row.external_mentors_used = Some(
        used.filter(|m| m.mentor.kind == MentorKind::External)
            .count(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_truncated_never_rounded_up() {
        assert_eq!(percent(5999, 10_000), Some(59.99));
        assert_eq!(percent(59_999, 100_000), Some(59.99));
        assert_eq!(percent(2, 3), Some(66.66));
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(7, 7), Some(100.0));
    }
}
