//! Location preferences: students move to a more preferred group where every size stays
//! within its bounds. First single moves into groups with room; then chains: a student
//! takes a seat in a more preferred group, a student of that group moves on to another
//! (at no more than the gain so far), and so on until a group has room or the chain comes
//! back to the first group. Every chain applied lowers the steps down the preferences.

use super::Placing;

/// Moves in a chain after the first.
const DEPTH: usize = 4;

/// Groups looked at in the search for one chain.
const BUDGET: usize = 256;

/// A student of type `.0` moving from option `.1` to option `.2`.
type Move = (usize, usize, usize);

impl Placing<'_> {
    pub(super) fn improve_ranks(&mut self) {
        self.direct_moves();
        // Per group: the (type, option) pairs with students there (some may have left).
        let mut members: Vec<Vec<(usize, usize)>> = self
            .fits
            .iter()
            .map(|f| {
                f.iter()
                    .copied()
                    .filter(|&(t, oi)| self.s.placed[t][oi] > 0)
                    .collect()
            })
            .collect();
        while self.chains(&mut members) {}
    }

    /// Single moves to a more preferred group with room within the standard maximum,
    /// from a group that can spare the student.
    fn direct_moves(&mut self) {
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
                        && self.room(g)
                        && self.s.size[h] > self.lower(h)
                    {
                        self.apply(&[(t, worse, better)]);
                    }
                }
            }
        }
    }

    /// Room within the standard maximum: a student more there costs nothing.
    fn room(&self, g: usize) -> bool {
        self.s.size[g] < self.limits[g].standard_max
    }

    /// One pass of chains over every student not at a first choice; whether any applied.
    fn chains(&mut self, members: &mut [Vec<(usize, usize)>]) -> bool {
        let mut any = false;
        for t in 0..self.types.len() {
            for k in (0..self.by_rank[t].len()).rev() {
                let worse = self.by_rank[t][k];
                while self.s.placed[t][worse] > 0 {
                    let Some(moves) = self.chain_from(t, worse, members) else {
                        break;
                    };
                    for &(t, _, to) in &moves {
                        let g = self.types[t].options[to].0;
                        if self.s.placed[t][to] == 0 {
                            members[g].push((t, to));
                        }
                    }
                    self.apply(&moves);
                    any = true;
                }
            }
        }
        any
    }

    /// A chain that starts with a student of type `t` leaving option `worse`.
    fn chain_from(
        &self,
        t: usize,
        worse: usize,
        members: &[Vec<(usize, usize)>],
    ) -> Option<Vec<Move>> {
        let (h, rank) = self.types[t].options[worse];
        let spare = self.s.size[h] > self.lower(h);
        for &better in &self.by_rank[t] {
            let (g, better_rank) = self.types[t].options[better];
            if better_rank >= rank {
                break;
            }
            if !self.s.open[g] {
                continue;
            }
            let mut moves = vec![(t, worse, better)];
            let mut path = vec![h, g];
            let gain = i64::from(rank - better_rank);
            let mut search = Search {
                members,
                spare,
                budget: BUDGET,
            };
            if self.extend(&mut search, g, gain, DEPTH, &mut moves, &mut path) {
                return Some(moves);
            }
        }
        None
    }

    /// Group `x` has just received a student (`path[0]` lost one): done when `x` has room
    /// and `path[0]` can spare the student, else one of `x`'s students moves on, costing
    /// less than `gain`, until the chain is back at `path[0]`.
    fn extend(
        &self,
        search: &mut Search,
        x: usize,
        gain: i64,
        depth: usize,
        moves: &mut Vec<Move>,
        path: &mut Vec<usize>,
    ) -> bool {
        if search.spare && self.room(x) {
            return true;
        }
        if depth == 0 || search.budget == 0 {
            return false;
        }
        search.budget -= 1;
        for &(t, from) in &search.members[x] {
            let moved = moves.iter().filter(|m| m.0 == t && m.1 == from).count() as u32;
            if self.s.placed[t][from] <= moved {
                continue;
            }
            let rank = i64::from(self.types[t].options[from].1);
            for &to in &self.by_rank[t] {
                let (y, to_rank) = self.types[t].options[to];
                let cost = i64::from(to_rank) - rank;
                if cost >= gain {
                    break;
                }
                if y == x || !self.s.open[y] {
                    continue;
                }
                moves.push((t, from, to));
                if y == path[0] {
                    return true;
                }
                if !path.contains(&y) {
                    path.push(y);
                    if self.extend(search, y, gain - cost, depth - 1, moves, path) {
                        return true;
                    }
                    path.pop();
                }
                moves.pop();
            }
        }
        false
    }

    fn apply(&mut self, moves: &[Move]) {
        debug_assert!(moves.iter().all(|&(t, from, _)| self.s.placed[t][from] > 0));
        for &(t, from, to) in moves {
            let (g, h) = (self.types[t].options[to].0, self.types[t].options[from].0);
            self.s.placed[t][from] -= 1;
            self.s.size[h] -= 1;
            self.s.placed[t][to] += 1;
            self.s.size[g] += 1;
        }
    }
}

/// What one search for a chain carries along.
struct Search<'m> {
    members: &'m [Vec<(usize, usize)>],
    /// Whether the first group can spare its student (else the chain must come back).
    spare: bool,
    /// Groups it may still look at.
    budget: usize,
}
