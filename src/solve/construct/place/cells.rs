//! Which groups run and how full: optional groups opened where they place more students
//! and closed again where later ones made them needless; exception 2's overflow where every
//! group of a cell is full.

use super::Placing;
use crate::domain::SizeLimits;
use crate::solve::construct::Stuck;

impl Placing<'_> {
    /// Opens optional groups, the one most unplaced students fit first, where that places
    /// more students and the group reaches its `min_size`; every other one stays closed.
    pub(super) fn open_optional(&mut self, usable: &[bool]) {
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
            if !self.open_group(g) || self.unplaced() >= before.1 {
                self.s = before.0;
            }
        }
    }

    /// Opens group `g` with the students that fit it: the unplaced first, then students
    /// other groups can spare, up to its `min_size` (and, in a cell above the standard
    /// maximum, up to that maximum, as exception 2 asks). Whether it got them; if not, the
    /// caller takes the placement back.
    fn open_group(&mut self, g: usize) -> bool {
        self.s.open[g] = true;
        self.s.cap[g] = self.limits[g].standard_max;
        self.fill();
        let need = self.instance.groups[g].min_size.max(1);
        while self.s.size[g] < need && self.pull(g) {}
        while self.over(self.cell[g])
            && self.rules.overflow_requires_full_groups
            && self.s.size[g] < self.limits[g].standard_max
            && self.pull(g)
        {}
        self.s.size[g] >= need && self.sound(self.cell[g])
    }

    /// Whether a running group of cell `c` is above the standard maximum.
    pub(super) fn over(&self, c: usize) -> bool {
        self.cells[c]
            .iter()
            .any(|&g| self.s.open[g] && self.s.size[g] > self.limits[g].standard_max)
    }

    /// Whether cell `c` meets 2.2.1: every group within its temporary maximum, and above
    /// the standard one only where exception 2's condition holds.
    pub(super) fn sound(&self, c: usize) -> bool {
        let within = self.cells[c]
            .iter()
            .all(|&g| self.s.size[g] <= self.limits[g].temporary_max);
        within && (!self.over(c) || self.may_overflow(c))
    }

    /// Closes the optional groups opened early that later ones made needless: each in
    /// turn, the smallest first, stays closed where its students find places elsewhere
    /// and the placement costs less.
    pub(super) fn close_needless(&mut self, usable: &[bool]) {
        let mut opened: Vec<usize> = (0..self.instance.groups.len())
            .filter(|&g| usable[g] && self.s.open[g] && self.closable(g))
            .collect();
        opened.sort_by_key(|&g| (self.s.size[g], g));
        for g in opened {
            let before = (self.s.clone(), self.cost());
            self.shut(g);
            if self.cost() >= before.1 - 1e-9 {
                self.s = before.0;
            }
        }
    }

    /// Exception 2: where every running group of a cell is full (or the rule set does not
    /// ask that), up to the temporary maximum; a cell with students waiting is first
    /// brought to full by pulls where that lets more students in.
    pub(super) fn overflow(&mut self) {
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
    pub(super) fn waiting(&self, c: usize) -> bool {
        self.cells[c]
            .iter()
            .any(|&g| self.s.open[g] && self.fits[g].iter().any(|&(t, _)| self.s.left[t] > 0))
    }

    /// Brings every running group of the cell to its standard maximum, and keeps that only
    /// if the overflow it allows places more students.
    pub(super) fn fill_cell(&mut self, c: usize) {
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

    /// Where pins or `min_size` put a group above the standard maximum, exception 2 needs
    /// every running group of its cell full: filled by pulls, or no placement is found.
    pub(super) fn settle(&mut self) -> Result<(), Stuck> {
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
}
