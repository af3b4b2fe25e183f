//! Augmenting paths and pulls over the types of interchangeable students.

use super::Placing;
use std::collections::VecDeque;

impl Placing<'_> {
    /// Greedy first (the least flexible types first, each to its most preferred group with
    /// room), then augmenting paths until none is left: a maximum for the caps.
    pub(super) fn fill(&mut self) {
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
    pub(super) fn augment(&mut self) -> bool {
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

    pub(super) fn apply_augment(
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
    pub(super) fn pull(&mut self, target: usize) -> bool {
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

    pub(super) fn apply_pull(
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
}
