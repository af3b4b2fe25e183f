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
use crate::domain::{Instance, RuleSet, SizeLimits};
use crate::model::students::{StudentType, student_types};
use std::collections::{BTreeMap, VecDeque};

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
        p.improve_ranks();
        p.close_needless(usable);
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

    /// Closes the optional groups opened early that later ones made needless: each in
    /// turn, the smallest first, stays closed where its students find places elsewhere
    /// and the placement costs less.
    fn close_needless(&mut self, usable: &[bool]) {
        let mut opened: Vec<usize> = (0..self.instance.groups.len())
            .filter(|&g| usable[g] && self.s.open[g] && self.closable(g))
            .collect();
        opened.sort_by_key(|&g| (self.s.size[g], g));
        for g in opened {
            let before = (self.s.clone(), self.cost());
            self.close(g);
            if self.cost() >= before.1 - 1e-9 {
                self.s = before.0;
            }
        }
    }

    /// Whether group `g` may stay closed: optional, and nobody is pinned to it.
    pub(super) fn closable(&self, g: usize) -> bool {
        self.instance.groups[g].optional && self.pinned[g] == 0
    }

    /// Where pins or `min_size` put a group above the standard maximum, exception 2 needs
    /// every running group of its cell full: filled by pulls, or no placement is found.
    fn settle(&mut self) -> Result<(), Stuck> {
        for c in 0..self.cells.len() {
            let over = self.cells[c]
                .iter()
                .copied()
                .find(|&g| self.s.open[g] && self.s.size[g] > self.limits[g].standard_max);
            let Some(over) = over else { continue };
            if self.may_overflow(c) {
                continue;
            }
            for k in 0..self.cells[c].len() {
                let g = self.cells[c][k];
                while self.s.open[g] && self.s.size[g] < self.limits[g].standard_max && self.pull(g)
                {
                }
            }
            if !self.may_overflow(c) {
                let group = &self.instance.groups[over];
                return Err(Stuck::Overflow {
                    course: group.course_code.clone(),
                    students: self.s.size[over],
                    standard_max: self.limits[over].standard_max,
                });
            }
        }
        Ok(())
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
        let over = self.cells[self.cell[g]]
            .iter()
            .any(|&o| self.s.open[o] && self.s.size[o] > self.limits[o].standard_max);
        if over && self.rules.overflow_requires_full_groups {
            low = low.max(self.limits[g].standard_max);
        }
        low
    }

    fn unplaced(&self) -> u32 {
        self.s.left.iter().sum()
    }

    /// Greedy first (the least flexible types first, each to its most preferred group with
    /// room), then augmenting paths until none is left: a maximum for the caps.
    fn fill(&mut self) {
        let mut order: Vec<usize> = (0..self.types.len()).collect();
        order.sort_by_key(|&t| self.types[t].options.len());
        for t in order {
            for k in 0..self.by_rank[t].len() {
                let oi = self.by_rank[t][k];
                let g = self.types[t].options[oi].0;
                let room = self.s.cap[g].saturating_sub(self.s.size[g]);
                let n = room.min(self.s.left[t]);
                if self.s.open[g] && n > 0 {
                    self.s.placed[t][oi] += n;
                    self.s.left[t] -= n;
                    self.s.size[g] += n;
                }
            }
        }
        while self.augment() {}
    }

    /// One augmenting path from the unplaced students to a group with room, if any.
    fn augment(&mut self) -> bool {
        let (nt, ng) = (self.types.len(), self.instance.groups.len());
        // How a type was reached: from the group it leaves (and its option there); `None`
        // for an unplaced student. How a group was reached: the type entering it.
        let mut via_type: Vec<Option<Option<(usize, usize)>>> = vec![None; nt];
        let mut via_group: Vec<Option<(usize, usize)>> = vec![None; ng];
        let mut queue = VecDeque::new();
        for (t, left) in self.s.left.iter().enumerate() {
            if *left > 0 {
                via_type[t] = Some(None);
                queue.push_back(t);
            }
        }
        while let Some(t) = queue.pop_front() {
            for &oi in &self.by_rank[t] {
                let g = self.types[t].options[oi].0;
                if !self.s.open[g] || via_group[g].is_some() {
                    continue;
                }
                via_group[g] = Some((t, oi));
                if self.s.size[g] < self.s.cap[g] {
                    self.apply_augment(g, &via_type, &via_group);
                    return true;
                }
                for &(t2, oi2) in &self.fits[g] {
                    if self.s.placed[t2][oi2] > 0 && via_type[t2].is_none() {
                        via_type[t2] = Some(Some((g, oi2)));
                        queue.push_back(t2);
                    }
                }
            }
        }
        false
    }

    fn apply_augment(
        &mut self,
        end: usize,
        via_type: &[Option<Option<(usize, usize)>>],
        via_group: &[Option<(usize, usize)>],
    ) {
        self.s.size[end] += 1;
        let mut g = end;
        while let Some((t, oi)) = via_group[g] {
            self.s.placed[t][oi] += 1;
            match via_type[t] {
                Some(Some((from, oi_from))) => {
                    self.s.placed[t][oi_from] -= 1;
                    g = from;
                }
                _ => {
                    self.s.left[t] -= 1;
                    return;
                }
            }
        }
    }

    /// One more student for `target`: from the unplaced, or from a group that can spare
    /// one, through moves that keep every other group's size.
    fn pull(&mut self, target: usize) -> bool {
        let (nt, ng) = (self.types.len(), self.instance.groups.len());
        // The group a type moves into (with its option there); the type leaving a group.
        let mut into: Vec<Option<(usize, usize)>> = vec![None; nt];
        let mut leaving: Vec<Option<(usize, usize)>> = vec![None; ng];
        let mut seen = vec![false; ng];
        seen[target] = true;
        let mut queue = VecDeque::from([target]);
        while let Some(x) = queue.pop_front() {
            for &(t, oi) in &self.fits[x] {
                if into[t].is_some() {
                    continue;
                }
                into[t] = Some((x, oi));
                if self.s.left[t] > 0 {
                    self.s.left[t] -= 1;
                    self.apply_pull(target, t, &into, &leaving);
                    return true;
                }
                for (oh, (h, _)) in self.types[t].options.iter().enumerate() {
                    let h = *h;
                    if seen[h] || !self.s.open[h] || self.s.placed[t][oh] == 0 {
                        continue;
                    }
                    seen[h] = true;
                    leaving[h] = Some((t, oh));
                    if self.s.size[h] > self.lower(h) {
                        self.s.placed[t][oh] -= 1;
                        self.s.size[h] -= 1;
                        self.apply_pull(target, t, &into, &leaving);
                        return true;
                    }
                    queue.push_back(h);
                }
            }
        }
        false
    }

    fn apply_pull(
        &mut self,
        target: usize,
        mut t: usize,
        into: &[Option<(usize, usize)>],
        leaving: &[Option<(usize, usize)>],
    ) {
        while let Some((x, oi)) = into[t] {
            self.s.placed[t][oi] += 1;
            if x == target {
                self.s.size[target] += 1;
                return;
            }
            let Some((next, oh)) = leaving[x] else { return };
            self.s.placed[next][oh] -= 1;
            t = next;
        }
    }

    /// Opens optional groups, the one most unplaced students fit first, where that places
    /// more students and the group reaches its `min_size`; every other one stays closed.
    fn open_optional(&mut self, usable: &[bool]) {
        let mut tried = vec![false; self.instance.groups.len()];
        loop {
            let demand = |g: usize| -> u32 {
                self.fits[g]
                    .iter()
                    .map(|&(t, _)| self.s.left[t])
                    .sum::<u32>()
            };
            let next = (0..self.instance.groups.len())
                .filter(|&g| usable[g] && !tried[g] && !self.s.open[g])
                .max_by_key(|&g| (demand(g), std::cmp::Reverse(g)));
            let Some(g) = next else { break };
            tried[g] = true;
            let before = (self.s.clone(), self.unplaced());
            self.s.open[g] = true;
            self.s.cap[g] = self.limits[g].standard_max;
            self.fill();
            let need = self.instance.groups[g].min_size.max(1);
            while self.s.size[g] < need && self.pull(g) {}
            if self.s.size[g] < need || self.unplaced() >= before.1 {
                self.s = before.0;
            }
        }
    }

    /// Exception 2: where every running group of a cell is full (or the rule set does not
    /// ask that), up to the temporary maximum; a cell with students waiting is first
    /// brought to full by pulls where that lets more students in.
    fn overflow(&mut self) {
        if !self.limits.iter().any(SizeLimits::allows_overflow) {
            return;
        }
        loop {
            let before = self.unplaced();
            for c in 0..self.cells.len() {
                if !self.may_overflow(c) && self.waiting(c) {
                    self.fill_cell(c);
                }
            }
            self.set_caps(true);
            self.fill();
            if self.unplaced() >= before {
                break;
            }
        }
        self.set_caps(false);
    }

    /// Whether an unplaced student fits a running group of the cell.
    fn waiting(&self, c: usize) -> bool {
        self.cells[c]
            .iter()
            .any(|&g| self.s.open[g] && self.fits[g].iter().any(|&(t, _)| self.s.left[t] > 0))
    }

    /// Brings every running group of the cell to its standard maximum, and keeps that only
    /// if the overflow it allows places more students.
    fn fill_cell(&mut self, c: usize) {
        let before = (self.s.clone(), self.unplaced());
        for k in 0..self.cells[c].len() {
            let g = self.cells[c][k];
            while self.s.open[g] && self.s.size[g] < self.limits[g].standard_max && self.pull(g) {}
        }
        if !self.may_overflow(c) {
            self.s = before.0;
            return;
        }
        self.set_caps(true);
        self.fill();
        if self.unplaced() >= before.1 {
            self.s = before.0;
        }
    }

    /// Students move to a more preferred location where a group there has room within
    /// the standard maximum and their group can spare them.
    fn improve_ranks(&mut self) {
        for t in 0..self.types.len() {
            let order = self.by_rank[t].clone();
            for (k, &worse) in order.iter().enumerate().rev() {
                for &better in &order[..k] {
                    let (g, h) = (
                        self.types[t].options[better].0,
                        self.types[t].options[worse].0,
                    );
                    if self.types[t].options[better].1 >= self.types[t].options[worse].1 {
                        continue;
                    }
                    while self.s.placed[t][worse] > 0
                        && self.s.open[g]
                        && self.s.size[g] < self.limits[g].standard_max
                        && self.s.size[h] > self.lower(h)
                    {
                        self.s.placed[t][worse] -= 1;
                        self.s.size[h] -= 1;
                        self.s.placed[t][better] += 1;
                        self.s.size[g] += 1;
                    }
                }
            }
        }
    }

    /// Per group: whether it runs.
    pub(super) fn running(&self) -> &[bool] {
        &self.s.open
    }

    /// Closes an optional group its lessons could not be staffed for; its students go
    /// where the groups still running have room.
    pub(super) fn close(&mut self, g: usize) {
        for &(t, oi) in &self.fits[g] {
            self.s.left[t] += self.s.placed[t][oi];
            self.s.placed[t][oi] = 0;
        }
        self.s.size[g] = 0;
        self.s.open[g] = false;
        self.set_caps(false);
        self.fill();
        self.overflow();
        self.improve_ranks();
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
