//! Integral flows for the bound: a maximum flow (Dinic's algorithm) and a minimum-cost
//! maximum flow (the primal-dual method: Dijkstra on reduced costs, then Dinic's blocking
//! flows on the arcs of reduced cost zero, until no path is left).
//!
//! Capacities and costs are whole numbers (`i64`) and every cost is at least 0, so both are
//! exact: no tolerance decides anything, and the cost returned is the optimum of the network,
//! not an estimate of it. The primal-dual method needs one round per distinct length of a
//! shortest path; the bound's networks have few distinct costs (location ranks, the overflow
//! and unplaced weights), so that is a handful of rounds.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A capacity that no flow of the bound's networks reaches.
pub const UNLIMITED: i64 = i64::MAX / 4;

#[derive(Clone, Copy, Debug)]
struct Arc {
    to: usize,
    /// Residual capacity.
    cap: i64,
    cost: i64,
}

/// A directed network. Arc `2k` is the `k`-th arc added, arc `2k + 1` its reverse.
#[derive(Clone, Debug, Default)]
pub struct Network {
    arcs: Vec<Arc>,
    out: Vec<Vec<usize>>,
    /// After [`Network::min_cost_flow`]: potentials under which every residual arc has a
    /// reduced cost of at least 0, the proof that the flow is the cheapest.
    potential: Vec<i64>,
}

impl Network {
    pub fn new(nodes: usize) -> Network {
        Network {
            arcs: Vec::new(),
            out: vec![Vec::new(); nodes],
            potential: Vec::new(),
        }
    }

    pub fn add_node(&mut self) -> usize {
        self.out.push(Vec::new());
        self.out.len() - 1
    }

    pub fn nodes(&self) -> usize {
        self.out.len()
    }

    /// An arc of capacity `cap` and cost `cost` per unit (both clamped to at least 0); its
    /// id, for [`Network::flow`].
    pub fn add_arc(&mut self, from: usize, to: usize, cap: i64, cost: i64) -> usize {
        let id = self.arcs.len();
        let cost = cost.max(0);
        self.arcs.push(Arc {
            to,
            cap: cap.max(0),
            cost,
        });
        self.arcs.push(Arc {
            to: from,
            cap: 0,
            cost: -cost,
        });
        self.out[from].push(id);
        self.out[to].push(id + 1);
        id
    }

    /// The flow on the arc with this id.
    pub fn flow(&self, arc: usize) -> i64 {
        self.arcs[arc ^ 1].cap
    }

    /// The flow into node `v`.
    pub fn inflow(&self, v: usize) -> i64 {
        // The reverse arcs at v belong to the arcs that enter it; their capacity is the flow.
        self.out[v]
            .iter()
            .filter(|&&a| a % 2 == 1)
            .map(|&a| self.arcs[a].cap)
            .sum()
    }

    /// Gives an arc without flow a new capacity (at least 0).
    pub fn set_capacity(&mut self, arc: usize, cap: i64) {
        debug_assert_eq!(self.flow(arc), 0, "only an arc without flow");
        self.arcs[arc].cap = cap.max(0);
    }

    /// The cost of the flow: every arc's flow times its cost.
    pub fn cost(&self) -> i128 {
        (0..self.arcs.len())
            .step_by(2)
            .map(|a| i128::from(self.flow(a)) * i128::from(self.arcs[a].cost))
            .sum()
    }

    fn from(&self, arc: usize) -> usize {
        self.arcs[arc ^ 1].to
    }

    /// Whether the residual arc may carry flow now: capacity left and, with potentials,
    /// reduced cost zero (on a shortest path).
    fn open(&self, a: usize, potential: Option<&[i64]>) -> bool {
        let arc = &self.arcs[a];
        arc.cap > 0 && potential.is_none_or(|p| arc.cost + p[self.from(a)] - p[arc.to] == 0)
    }

    /// The largest flow from `s` to `t`.
    pub fn max_flow(&mut self, s: usize, t: usize) -> i64 {
        self.blocking_flows(s, t, None)
    }

    /// The cheapest of the largest flows from `s` to `t`: (its value, its cost).
    pub fn min_cost_flow(&mut self, s: usize, t: usize) -> (i64, i128) {
        // Every cost is at least 0, so potentials of 0 start with no negative reduced cost.
        let potential = vec![0i64; self.nodes()];
        let value = self.cheapest_from(s, t, potential);
        (value, self.cost())
    }

    /// After [`Network::min_cost_flow`] from `s` to `t`: the cost of the cheapest flow of the
    /// same value that does not pass node `v`, or `None` when no such flow keeps the value.
    ///
    /// The flow through `v` is taken off, which leaves its tails with a surplus and its heads
    /// short; every other arc keeps its flow and, under the same potentials, a reduced cost of
    /// at least 0, so the rest is still the cheapest for what it carries, and the cheapest
    /// paths from the surpluses to the shortfalls (the successive shortest paths again, from
    /// those potentials) make it the cheapest flow without `v`.
    pub fn cost_without(&self, v: usize, s: usize, t: usize) -> Option<i128> {
        if v == s || v == t || self.potential.len() != self.nodes() {
            return None;
        }
        let mut n = self.clone();
        let mut balance: Vec<(usize, i64)> = Vec::new();
        for &a in &self.out[v] {
            // An arc leaving v with flow f (a forward arc) or entering it (a reverse one).
            let forward = a % 2 == 0;
            let f = if forward { n.flow(a) } else { n.flow(a ^ 1) };
            let other = n.arcs[a].to;
            n.arcs[a].cap = 0;
            n.arcs[a ^ 1].cap = 0;
            if f > 0 {
                // Out of v: its head is short of f. Into v: its tail has f too many.
                balance.push((other, if forward { -f } else { f }));
            }
        }
        let (source, sink) = (n.add_node(), n.add_node());
        let mut potential = self.potential.clone();
        let top = balance.iter().filter(|(_, b)| *b > 0);
        let bottom = balance.iter().filter(|(_, b)| *b < 0);
        // The new arcs cost 0: potentials that keep their reduced costs at least 0.
        potential.push(top.clone().map(|(u, _)| potential[*u]).max().unwrap_or(0));
        potential.push(
            bottom
                .clone()
                .map(|(u, _)| potential[*u])
                .min()
                .unwrap_or(0),
        );
        let mut need = 0;
        for &(u, b) in top {
            n.add_arc(source, u, b, 0);
            need += b;
        }
        for &(u, b) in bottom {
            n.add_arc(u, sink, -b, 0);
        }
        (n.cheapest_from(source, sink, potential) == need).then(|| n.cost())
    }

    /// The primal-dual method from `potential` (no residual arc of negative reduced cost):
    /// the flow added.
    fn cheapest_from(&mut self, s: usize, t: usize, mut potential: Vec<i64>) -> i64 {
        let mut value = 0;
        while let Some(dist) = self.shortest(s, t, &potential) {
            let to_t = dist[t];
            // Capped at the distance to t: reduced costs stay at least 0 everywhere, and
            // every arc of a shortest path to t gets reduced cost 0.
            for (p, d) in potential.iter_mut().zip(&dist) {
                *p += (*d).min(to_t);
            }
            let pushed = self.blocking_flows(s, t, Some(&potential));
            if pushed == 0 {
                break; // cannot happen: a shortest path has reduced cost 0 throughout
            }
            value += pushed;
        }
        self.potential = potential;
        value
    }

    /// Distances from `s` by reduced costs over residual arcs, or `None` when `t` cannot be
    /// reached. The search stops once `t` is settled: every node not settled by then is at
    /// least as far as `t`, which is all the potentials need (they cap distances at `t`'s).
    fn shortest(&self, s: usize, t: usize, potential: &[i64]) -> Option<Vec<i64>> {
        let mut dist = vec![i64::MAX; self.nodes()];
        let mut heap = BinaryHeap::new();
        dist[s] = 0;
        heap.push(Reverse((0i64, s)));
        while let Some(Reverse((d, v))) = heap.pop() {
            if d > dist[v] {
                continue;
            }
            if v == t {
                break;
            }
            for &a in &self.out[v] {
                let arc = &self.arcs[a];
                if arc.cap <= 0 {
                    continue;
                }
                let next = d + arc.cost + potential[v] - potential[arc.to];
                if next < dist[arc.to] {
                    dist[arc.to] = next;
                    heap.push(Reverse((next, arc.to)));
                }
            }
        }
        (dist[t] < i64::MAX).then_some(dist)
    }

    /// Dinic's algorithm over the open arcs ([`Network::open`]): level graphs by breadth
    /// first, blocking flows by depth first with a current arc per node. Returns the flow
    /// added.
    fn blocking_flows(&mut self, s: usize, t: usize, potential: Option<&[i64]>) -> i64 {
        let n = self.nodes();
        let mut total = 0;
        let mut level = vec![usize::MAX; n];
        let mut queue = Vec::with_capacity(n);
        loop {
            level.fill(usize::MAX);
            level[s] = 0;
            queue.clear();
            queue.push(s);
            let mut head = 0;
            while head < queue.len() {
                let v = queue[head];
                head += 1;
                for &a in &self.out[v] {
                    let w = self.arcs[a].to;
                    if level[w] == usize::MAX && self.open(a, potential) {
                        level[w] = level[v] + 1;
                        queue.push(w);
                    }
                }
            }
            if level[t] == usize::MAX {
                return total;
            }
            let mut current = vec![0usize; n];
            total += self.augment(s, t, &level, &mut current, potential);
        }
    }

    /// Pushes flow along paths that climb the levels one at a time until none is left.
    fn augment(
        &mut self,
        s: usize,
        t: usize,
        level: &[usize],
        current: &mut [usize],
        potential: Option<&[i64]>,
    ) -> i64 {
        let mut total = 0;
        let mut path: Vec<usize> = Vec::new();
        let mut v = s;
        loop {
            if v == t {
                let push = path.iter().map(|&a| self.arcs[a].cap).min().unwrap_or(0);
                for &a in &path {
                    self.arcs[a].cap -= push;
                    self.arcs[a ^ 1].cap += push;
                }
                total += push;
                // Back to the tail of the first arc that is now full.
                let full = path
                    .iter()
                    .position(|&a| self.arcs[a].cap == 0)
                    .unwrap_or(0);
                path.truncate(full);
                v = path.last().map_or(s, |&a| self.arcs[a].to);
                continue;
            }
            let mut next = None;
            while let Some(&a) = self.out[v].get(current[v]) {
                let w = self.arcs[a].to;
                if level[w] == level[v] + 1 && self.open(a, potential) {
                    next = Some(a);
                    break;
                }
                current[v] += 1;
            }
            match next {
                Some(a) => {
                    path.push(a);
                    v = self.arcs[a].to;
                }
                // A dead end: step back and skip the arc that led here.
                None => match path.pop() {
                    Some(a) => {
                        v = self.from(a);
                        current[v] += 1;
                    }
                    None => return total,
                },
            }
        }
    }
}

#[cfg(test)]
mod tests;
