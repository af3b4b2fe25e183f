//! The cheapest placement of the students in the running groups: every student tried in
//! every running group they fit and in none; a pinned student stays in their group.
//!
//! The size rules, as the checker judges them (`check::sizes`, `check::soundness`): a running
//! group holds at least its `min_size`, an optional one at least one student (open without
//! students is C156); at most the temporary maximum of its size class (the standard maximum
//! when the rule set has no exception 2); above the standard maximum only when, under
//! `overflow_requires_full_groups`, every running group of its location and profile holds at
//! least the standard maximum. A closed group holds nobody. Its cost counts balanced groups
//! too: per location and profile the largest minus the smallest running group.

use super::{Pruning, location_rank};
use crate::domain::{Instance, RuleSet, SizeLimits};

/// A placement of every student and its cost.
pub struct Placing {
    pub cost: f64,
    /// Per student of the instance: the group index, or `None` when not placed.
    pub group_of: Vec<Option<usize>>,
}

/// The cheapest placing that meets the size rules with exactly the `running` groups open,
/// if any. `pins` is the group each student is pinned to.
pub fn cheapest(
    instance: &Instance,
    rules: &RuleSet,
    limits: &[SizeLimits],
    running: &[bool],
    pins: &[Option<usize>],
    pruning: Pruning,
) -> Option<Placing> {
    let mut options = Vec::new();
    for (s, pin) in instance.students.iter().zip(pins) {
        let fitting = |g: &usize| running[*g] && s.fits(&instance.groups[*g]);
        options.push(match pin {
            // A pinned student outside their group breaks C152; in a group they do not fit,
            // C153..C155: either way no schedule is compliant.
            Some(g) if fitting(g) => vec![Some(*g)],
            Some(_) => return None,
            None => std::iter::once(None)
                .chain((0..instance.groups.len()).filter(fitting).map(Some))
                .collect(),
        });
    }
    let mut search = Search {
        instance,
        rules,
        limits,
        running,
        options,
        pruning,
        sizes: vec![0; instance.groups.len()],
        chosen: Vec::new(),
        unplaced: 0,
        rank: 0,
        moved: 0,
        best: None,
    };
    search.go(0);
    search
        .best
        .map(|(cost, group_of)| Placing { cost, group_of })
}

struct Search<'a> {
    instance: &'a Instance,
    rules: &'a RuleSet,
    limits: &'a [SizeLimits],
    running: &'a [bool],
    options: Vec<Vec<Option<usize>>>,
    pruning: Pruning,
    sizes: Vec<u32>,
    chosen: Vec<Option<usize>>,
    unplaced: u64,
    rank: u64,
    /// Students of the replaced schedule (a replan) placed elsewhere or nowhere so far.
    moved: u64,
    best: Option<(f64, Vec<Option<usize>>)>,
}

impl Search<'_> {
    /// Unplaced students and location ranks so far: both only grow as students are placed.
    fn cost_so_far(&self) -> f64 {
        let w = self.instance.school.weights;
        w.unplaced_student * self.unplaced as f64
            + w.location_rank * self.rank as f64
            + w.moved_student * self.moved as f64
    }

    fn go(&mut self, i: usize) {
        let beaten =
            |best: &Option<(f64, _)>, cost: f64| best.as_ref().is_some_and(|b| cost >= b.0);
        if self.pruning == Pruning::On && beaten(&self.best, self.cost_so_far()) {
            return;
        }
        if i == self.options.len() {
            if let Some(cost) = self.judge()
                && !beaten(&self.best, cost)
            {
                self.best = Some((cost, self.chosen.clone()));
            }
            return;
        }
        for k in 0..self.options[i].len() {
            let option = self.options[i][k];
            let rank = option.map_or(0, |g| {
                u64::from(location_rank(
                    &self.instance.students[i],
                    &self.instance.groups[g],
                ))
            });
            match option {
                Some(g) => self.sizes[g] += 1,
                None => self.unplaced += 1,
            }
            let moved = u64::from(self.moves(i, option));
            self.moved += moved;
            self.rank += rank;
            self.chosen.push(option);
            let too_big = option.is_some_and(|g| self.sizes[g] > self.limits[g].temporary_max);
            if self.pruning == Pruning::Off || !too_big {
                self.go(i + 1);
            }
            self.chosen.pop();
            self.rank -= rank;
            self.moved -= moved;
            match option {
                Some(g) => self.sizes[g] -= 1,
                None => self.unplaced -= 1,
            }
        }
    }

    /// Whether student `i` in group `option` moves away from the replaced schedule's group.
    fn moves(&self, i: usize, option: Option<usize>) -> bool {
        self.instance.frozen.as_ref().is_some_and(|f| {
            let group = option.map(|g| &self.instance.groups[g].course_code);
            f.is_move(&self.instance.students[i].id, group)
        })
    }

    /// The cost of the complete placing, or `None` when it breaks a size rule.
    fn judge(&self) -> Option<f64> {
        let groups = &self.instance.groups;
        let mut above = 0u64;
        let mut cells: std::collections::BTreeMap<(&str, &str), Vec<u32>> = Default::default();
        for (g, group) in groups.iter().enumerate() {
            let size = self.sizes[g];
            if !self.running[g] {
                debug_assert_eq!(size, 0, "only running groups are options");
                continue;
            }
            cells
                .entry((group.location.as_str(), group.profile.as_str()))
                .or_default()
                .push(size);
            let least = if group.optional {
                group.min_size.max(1)
            } else {
                group.min_size
            };
            let l = self.limits[g];
            if size < least || size > l.temporary_max {
                return None;
            }
            if size > l.standard_max {
                let cell_full = (0..groups.len())
                    .filter(|&o| {
                        self.running[o]
                            && groups[o].location == group.location
                            && groups[o].profile == group.profile
                    })
                    .all(|o| self.sizes[o] >= l.standard_max);
                if self.rules.overflow_requires_full_groups && !cell_full {
                    return None;
                }
                above += u64::from(size - l.standard_max);
            }
        }
        let w = self.instance.school.weights;
        Some(
            self.cost_so_far()
                + w.student_above_standard * above as f64
                + w.size_imbalance * super::imbalance(cells.values()) as f64,
        )
    }
}
