//! Students into groups: a maximum placement by augmenting paths over the types of
//! interchangeable students (`model::students`), in phases that follow the priorities of the
//! objective (placed students first, then no overflow, then few optional groups, then
//! location preference).
//!
//! An augmenting path places one more student and never shrinks a group: an unplaced
//! student takes a seat in a group, one of its students moves on to another group, and so
//! on to a group with a free seat. So a lower bound once met (`min_size`, exception 2's
//! "every group of the cell full") stays met while paths are applied. A *pull* is the
//! reverse, to bring a group up to a size: it takes a student from a group that can spare
//! one (above its lower bound), or from the unplaced.

use super::Stuck;

mod cells;
mod paths;
mod ranks;
use crate::domain::{Instance, RuleSet, SizeLimits};
use crate::model::students::{StudentType, student_types};
use std::collections::BTreeMap;

/// What changes while students are placed (cloned to try a step and take it back).
#[derive(Clone)]
struct State {
    /// Per type and option: students of the type in the option's group.
    placed: Vec<Vec<u32>>,
    /// Per type: students not placed.
    left: Vec<u32>,
    /// Per group: students, pinned ones included.
    size: Vec<u32>,
    /// Per group: the most students it may take now.
    cap: Vec<u32>,
    open: Vec<bool>,
}

pub(super) struct Placing<'a> {
    instance: &'a Instance,
    rules: &'a RuleSet,
    limits: &'a [SizeLimits],
    types: Vec<StudentType>,
    /// Per type: its option indices, most preferred location first.
    by_rank: Vec<Vec<usize>>,
    /// Per group: the (type, option index) pairs that fit it.
    fits: Vec<Vec<(usize, usize)>>,
    /// Per group: its cell (location, profile), an index into `cells`.
    cell: Vec<usize>,
    cells: Vec<Vec<usize>>,
    /// Per group: students pinned to it.
    pinned: Vec<u32>,
    s: State,
}

impl<'a> Placing<'a> {
    /// Places the students: pinned ones, then every group that must run up to its
    /// `min_size` and to its standard maximum, then optional groups (among `usable`) where
    /// they place students nobody else can take, then overflow where exception 2 allows it.
    pub(super) fn new(
        instance: &'a Instance,
        rules: &'a RuleSet,
        limits: &'a [SizeLimits],
        usable: &[bool],
    ) -> Result<Placing<'a>, Stuck> {
        for s in &instance.students {
            let Some(code) = &s.pinned else { continue };
            if !instance.group(code).is_some_and(|g| s.fits(g)) {
                return Err(Stuck::Pin {
                    student: s.id.clone(),
                    course: code.clone(),
                });
            }
        }
        let (types, pinned) = student_types(instance);
        let groups = instance.groups.len();
        let mut fits = vec![Vec::new(); groups];
        let mut by_rank = Vec::with_capacity(types.len());
        for (t, ty) in types.iter().enumerate() {
            for (oi, (g, _)) in ty.options.iter().enumerate() {
                fits[*g].push((t, oi));
            }
            let mut order: Vec<usize> = (0..ty.options.len()).collect();
            order.sort_by_key(|&oi| (ty.options[oi].1, oi));
            by_rank.push(order);
        }
        let mut cell_of: BTreeMap<(&_, &_), usize> = BTreeMap::new();
        let mut cells: Vec<Vec<usize>> = Vec::new();
        let mut cell = Vec::with_capacity(groups);
        for (gi, g) in instance.groups.iter().enumerate() {
            let next = cell_of.len();
            let c = *cell_of.entry((&g.location, &g.profile)).or_insert(next);
            if c == cells.len() {
                cells.push(Vec::new());
            }
            cells[c].push(gi);
            cell.push(c);
        }
        let open: Vec<bool> = instance
            .groups
            .iter()
            .zip(&pinned)
            .map(|(g, p)| !g.optional || *p > 0)
            .collect();
        for (gi, g) in instance.groups.iter().enumerate() {
            if pinned[gi] > limits[gi].temporary_max {
                return Err(Stuck::Size {
                    course: g.course_code.clone(),
                    students: pinned[gi],
                    most: limits[gi].temporary_max,
                });
            }
        }
        let s = State {
            placed: types.iter().map(|t| vec![0; t.options.len()]).collect(),
            left: types.iter().map(|t| t.members.len() as u32).collect(),
            size: pinned.clone(),
            cap: vec![0; groups],
            open,
        };
        let mut p = Placing {
            instance,
            rules,
            limits,
            types,
            by_rank,
            fits,
            cell,
            cells,
            pinned,
            s,
        };
        p.lower_bounds()?;
        p.set_caps(false);
        p.fill();
        p.open_optional(usable);
        p.overflow();
        p.close_needless(usable);
        p.improve_ranks();
        p.settle()?;
        Ok(p)
    }

    /// What the placement costs in the objective: students not placed and above the
    /// standard maximum, optional groups opened, steps down the preferences.
    fn cost(&self) -> f64 {
        let w = self.instance.school.weights;
        let mut cost = w.unplaced_student * f64::from(self.unplaced());
        for (g, group) in self.instance.groups.iter().enumerate() {
            let above = self.s.size[g].saturating_sub(self.limits[g].standard_max);
            cost += w.student_above_standard * f64::from(above);
            if group.optional && self.s.open[g] {
                cost += w.optional_group_opened;
            }
        }
        for (ty, placed) in self.types.iter().zip(&self.s.placed) {
            for ((_, rank), n) in ty.options.iter().zip(placed) {
                cost += w.location_rank * f64::from(*rank) * f64::from(*n);
            }
        }
        cost
    }

    /// Students in group `g`.
    pub(super) fn size(&self, g: usize) -> u32 {
        self.s.size[g]
    }

    /// Whether group `g` may stay closed: optional, and nobody is pinned to it.
    pub(super) fn closable(&self, g: usize) -> bool {
        self.instance.groups[g].optional && self.pinned[g] == 0
    }

    /// Every group that must run reaches its `min_size` first (a maximum placement that
    /// cannot is a proof that no schedule can).
    fn lower_bounds(&mut self) -> Result<(), Stuck> {
        for (gi, g) in self.instance.groups.iter().enumerate() {
            self.s.cap[gi] = if self.s.open[gi] {
                g.min_size
                    .min(self.limits[gi].temporary_max)
                    .max(self.s.size[gi])
            } else {
                0
            };
        }
        self.fill();
        for (gi, g) in self.instance.groups.iter().enumerate() {
            if self.s.open[gi] && self.s.size[gi] < g.min_size {
                return Err(Stuck::MinSize {
                    course: g.course_code.clone(),
                    students: self.s.size[gi],
                    min_size: g.min_size,
                });
            }
        }
        Ok(())
    }

    /// The caps: the standard maximum, or the temporary one where exception 2 allows it
    /// now (and `overflow` says so); never below what a group already holds.
    fn set_caps(&mut self, overflow: bool) {
        for (gi, l) in self.limits.iter().enumerate() {
            let most = if overflow && self.may_overflow(self.cell[gi]) {
                l.temporary_max
            } else {
                l.standard_max
            };
            self.s.cap[gi] = if self.s.open[gi] {
                most.max(self.s.size[gi])
            } else {
                0
            };
        }
    }

    /// Whether the groups of a cell may go above the standard maximum now.
    fn may_overflow(&self, c: usize) -> bool {
        let mut running = self.cells[c].iter().filter(|&&g| self.s.open[g]).peekable();
        let Some(&&first) = running.peek() else {
            return false;
        };
        let l = self.limits[first];
        l.allows_overflow()
            && (!self.rules.overflow_requires_full_groups
                || running.all(|&g| self.s.size[g] >= self.limits[g].standard_max))
    }

    /// The fewest students a running group may keep.
    fn lower(&self, g: usize) -> u32 {
        if !self.s.open[g] {
            return 0;
        }
        let group = &self.instance.groups[g];
        let mut low = group.min_size;
        if group.optional {
            low = low.max(1);
        }
        if self.over(self.cell[g]) && self.rules.overflow_requires_full_groups {
            low = low.max(self.limits[g].standard_max);
        }
        low
    }

    fn unplaced(&self) -> u32 {
        self.s.left.iter().sum()
    }

    /// Per group: whether it runs.
    pub(super) fn running(&self) -> &[bool] {
        &self.s.open
    }

    /// Closes an optional group its lessons could not be staffed for; its students go
    /// where the groups still running have room.
    pub(super) fn close(&mut self, g: usize) {
        self.shut(g);
        self.improve_ranks();
    }

    /// Closes group `g` and places its students where there is room, preferences aside.
    fn shut(&mut self, g: usize) {
        for &(t, oi) in &self.fits[g] {
            self.s.left[t] += self.s.placed[t][oi];
            self.s.placed[t][oi] = 0;
        }
        self.s.size[g] = 0;
        self.s.open[g] = false;
        self.set_caps(false);
        self.fill();
        self.overflow();
    }

    pub(super) fn types(&self) -> &[StudentType] {
        &self.types
    }

    /// Per type: (group, students there), for `decode::placements`.
    pub(super) fn counts(&self) -> Vec<Vec<(usize, usize)>> {
        self.types
            .iter()
            .zip(&self.s.placed)
            .map(|(ty, placed)| {
                ty.options
                    .iter()
                    .zip(placed)
                    .filter(|(_, n)| **n > 0)
                    .map(|((g, _), n)| (*g, *n as usize))
                    .collect()
            })
            .collect()
    }
}
