//! Part 1: the cheapest placement of the unpinned students, as a minimum-cost flow (see the
//! module above for why it is a bound).
//!
//! ```text
//! source → student type (its members) → group it fits (rank · location_rank + opening share)
//!                                     → sink: unplaced (unplaced_student)
//! group → sink: up to the standard maximum (0), then up to the temporary maximum
//!         (student_above_standard), after the pinned students
//! ```

use super::Context;
use super::continuity::Staffed;
use super::flow::Network;
use crate::domain::RuleSet;

const SOURCE: usize = 0;
const SINK: usize = 1;

/// Whether a group runs, as far as the placement is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Run {
    /// It runs: its opening, if optional, is paid in full elsewhere.
    Must,
    /// It may run: each student placed there pays a share of its opening.
    May,
    /// It stays closed and takes no one.
    Never,
}

/// The cheapest placement for one choice of [`Run`] per group, kept to be asked how much
/// dearer it gets without a group.
#[derive(Clone, Debug)]
pub(super) struct Placement {
    parts: Vec<Part>,
    /// Per group: its part and node there, when it may take students.
    group_node: Vec<Option<(usize, usize)>>,
    /// Students who fit no group that may take anyone: left out in every placement.
    alone: u64,
    /// Costs are in units of `1 / scale`; leaving a student out costs this many.
    unit_unplaced: i64,
    scale: f64,
    /// Pinned students above their group's standard maximum, which every schedule has.
    pub pinned_above_standard: u64,
}

/// The flow of the groups that students join into one network, and of those students.
#[derive(Clone, Debug)]
struct Part {
    net: Network,
    unplaced_arcs: Vec<usize>,
}

/// Groups joined by students who fit both (union-find).
struct Joined(Vec<usize>);

impl Joined {
    fn new(n: usize) -> Joined {
        Joined((0..n).collect())
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.0[a.max(b)] = a.min(b);
    }
}

/// How one group takes students.
struct Room {
    /// Students it takes at no cost beyond their ranks, and then above the standard
    /// maximum, after its pinned students.
    free: u32,
    paid: u32,
    /// What each student placed there pays towards opening it (0 for a group that must run).
    share: f64,
}

impl Placement {
    /// The cheapest placement when the groups run as `run` says; `staffed` per group from
    /// part 3.
    pub(super) fn solve(
        cx: &Context,
        rules: &RuleSet,
        staffed: &[Staffed],
        run: &[Run],
    ) -> Placement {
        let instance = cx.instance;
        let w = instance.school.weights;
        let mut pinned_above_standard = 0u64;
        let mut fit = vec![0u32; instance.groups.len()];
        for ty in &cx.types {
            for &(g, _) in &ty.options {
                let members = u32::try_from(ty.members.len()).unwrap_or(u32::MAX);
                fit[g] = fit[g].saturating_add(members);
            }
        }
        let rooms: Vec<Option<Room>> = instance
            .groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let limits = rules
                    .size_classes
                    .get(instance.school.size_class(&group.profile))?;
                let pinned = cx.pinned[g];
                pinned_above_standard += u64::from(pinned.saturating_sub(limits.standard_max));
                let hard = limits.temporary_max;
                let standard = limits.standard_max.min(hard);
                let free = standard.saturating_sub(pinned);
                let paid = hard.saturating_sub(pinned.max(standard));
                let share = match run[g] {
                    Run::Must => 0.0,
                    Run::Never => return None,
                    Run::May => {
                        // Open whenever it holds a student, and then it holds at most this many.
                        let most = hard.min(fit[g]).max(1);
                        let opening = w.optional_group_opened
                            + w.teacher_per_group * f64::from(staffed[g].at_least);
                        opening / f64::from(most)
                    }
                };
                Some(Room { free, paid, share })
            })
            .collect();

        // Costs in whole units of 1/scale, rounded down (a lower cost only lowers the bound),
        // with scale a power of two so that whole weights stay exact.
        let students: u64 = cx.types.iter().map(|t| t.members.len() as u64).sum();
        let dearest = rooms
            .iter()
            .flatten()
            .map(|r| r.share + w.student_above_standard)
            .chain(std::iter::once(w.unplaced_student))
            .chain(cx.types.iter().flat_map(|t| {
                t.options
                    .iter()
                    .map(|&(_, rank)| w.location_rank * f64::from(rank))
            }))
            .fold(0.0, f64::max);
        let nodes = 2 + instance.groups.len() as u64 + cx.types.len() as u64;
        // Weights so large that no exact sum fits: no arc costs anything, and 0 is a bound
        // of a sum of costs of 0 or more.
        let scale = scale_for(dearest, students + nodes);
        let units = |cost: f64| scale.map_or(0, |s| (cost * s).floor() as i64);

        // The groups joined by the students who fit them fall apart into independent
        // networks: one flow each, and closing a group reroutes only its own.
        let mut joined = Joined::new(rooms.len());
        for ty in &cx.types {
            let mut roomed = ty
                .options
                .iter()
                .map(|&(g, _)| g)
                .filter(|&g| rooms[g].is_some());
            if let Some(first) = roomed.next() {
                roomed.for_each(|g| joined.join(first, g));
            }
        }
        let mut parts: Vec<Part> = Vec::new();
        let mut part_of_root: Vec<Option<usize>> = vec![None; rooms.len()];
        let mut group_node: Vec<Option<(usize, usize)>> = vec![None; rooms.len()];
        for (g, room) in rooms.iter().enumerate() {
            let Some(room) = room else { continue };
            let root = joined.root(g);
            let p = *part_of_root[root].get_or_insert_with(|| {
                parts.push(Part {
                    net: Network::new(2),
                    unplaced_arcs: Vec::new(),
                });
                parts.len() - 1
            });
            let net = &mut parts[p].net;
            let v = net.add_node();
            net.add_arc(v, SINK, i64::from(room.free), 0);
            let above = units(w.student_above_standard);
            net.add_arc(v, SINK, i64::from(room.paid), above);
            group_node[g] = Some((p, v));
        }
        let mut alone = 0;
        for ty in &cx.types {
            let members = ty.members.len() as i64;
            let part = ty
                .options
                .iter()
                .find_map(|&(g, _)| group_node[g].map(|(p, _)| p));
            let Some(p) = part else {
                alone += members as u64;
                continue;
            };
            let Part { net, unplaced_arcs } = &mut parts[p];
            let v = net.add_node();
            net.add_arc(SOURCE, v, members, 0);
            unplaced_arcs.push(net.add_arc(v, SINK, members, units(w.unplaced_student)));
            for &(g, rank) in &ty.options {
                if let (Some((_, node)), Some(room)) = (group_node[g], &rooms[g]) {
                    let cost = w.location_rank * f64::from(rank) + room.share;
                    net.add_arc(v, node, members, units(cost));
                }
            }
        }
        for part in &mut parts {
            part.net.min_cost_flow(SOURCE, SINK);
        }
        Placement {
            parts,
            group_node,
            alone,
            unit_unplaced: units(w.unplaced_student),
            scale: scale.unwrap_or(1.0),
            pinned_above_standard,
        }
    }

    /// The cost in units, with the students who fit no group left out.
    fn units(&self) -> i128 {
        let parts: i128 = self.parts.iter().map(|p| p.net.cost()).sum();
        parts + i128::from(self.alone) * i128::from(self.unit_unplaced)
    }

    /// Weighted: unplaced students, students above the standard maximum, location ranks and
    /// the opening shares, of the unpinned students.
    pub(super) fn cost(&self) -> f64 {
        self.units() as f64 / self.scale
    }

    pub(super) fn unplaced(&self) -> u64 {
        let placed_out = self.parts.iter().flat_map(|p| {
            p.unplaced_arcs
                .iter()
                .map(|&a| u64::try_from(p.net.flow(a)).unwrap_or(0))
        });
        self.alone + placed_out.sum::<u64>()
    }

    /// Whether the cheapest placement puts anyone in group `g`.
    pub(super) fn uses(&self, g: usize) -> bool {
        self.group_node[g].is_some_and(|(p, v)| self.parts[p].net.inflow(v) > 0)
    }

    /// [`Placement::cost`] with group `g` closed as well; `None` when the students cannot
    /// all be placed or left out then (never: leaving out is always open to them).
    pub(super) fn cost_without(&self, g: usize) -> Option<f64> {
        let Some((p, v)) = self.group_node[g] else {
            return Some(self.cost());
        };
        let net = &self.parts[p].net;
        let without = net.cost_without(v, SOURCE, SINK)?;
        Some((self.units() - net.cost() + without) as f64 / self.scale)
    }
}

/// The largest power of two, at most 2^20, by which `count` units at `dearest` a unit stay
/// within 2^52: `count` is the flow plus the nodes, so that every path length, potential and
/// total cost of the flow fits `i64` with room to spare and the total is exact in `f64`.
fn scale_for(dearest: f64, count: u64) -> Option<f64> {
    let limit = 2f64.powi(52);
    let most = dearest.max(1.0) * count as f64;
    (-1000..=20)
        .rev()
        .map(|k| 2f64.powi(k))
        .find(|scale| most * scale <= limit)
}
