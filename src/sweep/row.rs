//! One result row per scenario, taken from the checker's report of the solved schedule (the
//! checker's numbers, never the solver's), and the time it took, kept apart because it is
//! the one value that differs between two runs.

use super::expand::Scenario;
use super::vary::Applied;
use crate::check::{CheckReport, MentorKind};
use crate::outcome::Verdict;
use crate::report::{Lang, reason_text};
use crate::solve::{Solved, Status};

pub use crate::outcome::sweep::{Row, Timing};

/// A percentage truncated (never rounded up) to two decimals.
pub fn percent(part: u64, total: u64) -> Option<f64> {
    (total > 0).then(|| (u128::from(part) * 10_000 / u128::from(total)) as f64 / 100.0)
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
        // Until a solve fills it: a row never solved is no result.
        status: Verdict::Error,
        reason: String::new(),
        reason_nl: String::new(),
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
    row.status = solved.status.verdict();
    row.objective = solved.objective.map(|o| (o * 1e4).round() / 1e4);
    row.gap = solved.status.gap();
    match &solved.status {
        Status::Infeasible { diagnosis } => {
            let (en, nl): (Vec<String>, Vec<String>) = diagnosis
                .reasons()
                .map(|r| {
                    (
                        reason_text::line(r, Lang::En),
                        reason_text::line(r, Lang::Nl),
                    )
                })
                .unzip();
            (row.reason, row.reason_nl) = if en.is_empty() {
                (
                    "no single cause was found within the time limit".into(),
                    "binnen de tijdslimiet is geen afzonderlijke oorzaak gevonden".into(),
                )
            } else {
                (en.join("; "), nl.join("; "))
            };
        }
        Status::NoScheduleInTime => {
            (row.reason, row.reason_nl) = match time_limit {
                Some(t) => (
                    format!("no schedule found within the time limit of {t} s"),
                    format!("geen rooster gevonden binnen de tijdslimiet van {t} s"),
                ),
                None => ("no schedule found".into(), "geen rooster gevonden".into()),
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
