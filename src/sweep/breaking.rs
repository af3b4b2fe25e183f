//! The breaking point of a shortage: along one axis of levels, the smallest level at which
//! the rules can no longer be met, found by bisection with the solver's diagnosis there.
//!
//! Bisection assumes that once a level breaks, every higher level breaks too. For teachers
//! leaving this holds by construction: the levels of one seed remove nested sets of teachers.

use super::expand::Scenario;
use super::spec::SweepSpec;
pub use crate::outcome::sweep::{BreakOn, BreakingPoint};
use crate::outcome::sweep::{JobOutput, Row, Timing};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The scenarios along one axis with everything else fixed: one per level, ascending.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The labels of the other axes (the bisected axis's place is empty).
    pub labels: Vec<String>,
    /// The position of the bisected axis.
    pub axis: usize,
    pub seed: Option<u64>,
    /// Scenario indices, one per level.
    pub steps: Vec<usize>,
}

/// The lines of `axis` (by position): per combination of the other axes and per seed.
/// A line whose scenarios draw nothing at random is listed once.
pub fn lines(spec: &SweepSpec, scenarios: &[Scenario], axis: usize) -> Vec<Line> {
    let levels: Vec<&str> = spec.axes[axis]
        .variants
        .iter()
        .map(|v| v.label.as_str())
        .collect();
    let mut keys: Vec<Vec<String>> = Vec::new();
    let mut by: BTreeMap<(Vec<String>, &str, Option<u64>), usize> = BTreeMap::new();
    for s in scenarios {
        let mut key = s.labels.clone();
        key[axis] = String::new();
        if !keys.contains(&key) {
            keys.push(key.clone());
        }
        by.insert((key, s.labels[axis].as_str(), s.seed), s.index);
    }
    let mut out = Vec::new();
    for key in keys {
        let mut seen = Vec::new();
        for seed in &spec.seeds {
            let steps: Option<Vec<usize>> = levels
                .iter()
                .map(|l| {
                    by.get(&(key.clone(), *l, Some(*seed)))
                        .or_else(|| by.get(&(key.clone(), *l, None)))
                        .copied()
                })
                .collect();
            let Some(steps) = steps else { continue };
            if seen.contains(&steps) {
                continue;
            }
            let random = steps.iter().any(|&i| scenarios[i].seed.is_some());
            seen.push(steps.clone());
            out.push(Line {
                labels: key.clone(),
                axis,
                seed: random.then_some(*seed),
                steps,
            });
        }
    }
    out
}

/// Bisects one line: solves the first and last level, then halves the interval between the
/// last level that holds and the first that breaks.
pub fn bisect(
    line: &Line,
    break_on: BreakOn,
    mut solve: impl FnMut(usize) -> (Row, Timing),
) -> JobOutput {
    let mut out = JobOutput::default();
    let mut solved: BTreeMap<usize, bool> = BTreeMap::new();
    let mut baseline: Option<usize> = None;
    let mut at = |k: usize, out: &mut JobOutput| -> bool {
        if let Some(b) = solved.get(&k) {
            return *b;
        }
        let (row, timing) = solve(line.steps[k]);
        if k == 0 {
            baseline = row.students_not_placed;
        }
        let broken = break_on.broken(&row, baseline);
        out.rows.push(row);
        out.timings.push(timing);
        solved.insert(k, broken);
        broken
    };
    let n = line.steps.len();
    let first_broken = if n == 0 {
        None
    } else if at(0, &mut out) {
        Some(0)
    } else if !at(n - 1, &mut out) {
        None
    } else {
        let (mut lo, mut hi) = (0, n - 1);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if at(mid, &mut out) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        Some(hi)
    };
    let label = |k: usize, out: &JobOutput| {
        out.rows
            .iter()
            .find(|r| r.index == line.steps[k])
            .and_then(|r| r.labels.get(line.axis).cloned())
    };
    let breaking_row =
        first_broken.and_then(|k| out.rows.iter().find(|r| r.index == line.steps[k]));
    let holds_until = match first_broken {
        Some(0) => None,
        Some(k) => label(k - 1, &out),
        None => n.checked_sub(1).and_then(|k| label(k, &out)),
    };
    let (reason, reason_nl) = match breaking_row {
        None => (String::new(), String::new()),
        Some(r) if r.reason.is_empty() => {
            let (unplaced, baseline) = (r.students_not_placed.unwrap_or(0), baseline.unwrap_or(0));
            (
                format!(
                    "{unplaced} student(s) without a place, against {baseline} at the first level"
                ),
                format!(
                    "{unplaced} cursist(en) zonder plaats, tegen {baseline} op het eerste niveau"
                ),
            )
        }
        Some(r) => (r.reason.clone(), r.reason_nl.clone()),
    };
    out.breaking = Some(BreakingPoint {
        labels: line.labels.clone(),
        seed: line.seed,
        level: first_broken.and_then(|k| label(k, &out)),
        holds_until,
        scenario: breaking_row.map(|r| r.scenario.clone()),
        reason,
        reason_nl,
        solves: out.rows.len(),
    });
    out.rows.sort_by_key(|r| r.index);
    out.timings.sort_by_key(|t| t.index);
    out
}

#[cfg(test)]
mod tests;
