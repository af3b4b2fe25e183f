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

/// The cheapest placement's part of the objective.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Placed {
    /// Weighted: unplaced students, students above the standard maximum, location ranks and
    /// the opening shares, of the unpinned students.
    pub cost: f64,
    pub unplaced: u64,
    /// Pinned students above their group's standard maximum, which every schedule has.
    pub pinned_above_standard: u64,
}

/// How one group takes students.
struct Room {
    /// Students it takes at no cost beyond their ranks, and then above the standard
    /// maximum, after its pinned students.
    free: u32,
    paid: u32,
    /// What each student placed there pays towards opening it (0 for a must-run group).
    share: f64,
}

/// The cheapest placement; `staffed` per group from part 3.
pub(super) fn cheapest(cx: &Context, rules: &RuleSet, staffed: &[Staffed]) -> Placed {
    let instance = cx.instance;
    let w = instance.school.weights;
    let mut pinned_above_standard = 0u64;
    let mut fit = vec![0u32; instance.groups.len()];
    for ty in &cx.types {
        for &(g, _) in &ty.options {
            fit[g] = fit[g].saturating_add(u32::try_from(ty.members.len()).unwrap_or(u32::MAX));
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
            let share = if cx.must_run[g] {
                0.0
            } else if !staffed[g].possible {
                return None; // never staffed, so never open
            } else {
                // Open whenever it holds a student, and then it holds at most this many.
                let most = hard.min(fit[g]).max(1);
                let opening =
                    w.optional_group_opened + w.teacher_per_group * f64::from(staffed[g].at_least);
                opening / f64::from(most)
            };
            Some(Room { free, paid, share })
        })
        .collect();

    // Costs in whole units of 1/scale, rounded down (a lower cost only lowers the bound),
    // with scale a power of two so that whole weights stay exact and the total stays below
    // 2^53 (exact in f64).
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
    let Some(scale) = scale_for(dearest, students + nodes) else {
        // Weights so large that no exact sum fits: 0 is a bound of a sum of costs of 0 or more.
        return Placed {
            cost: 0.0,
            unplaced: 0,
            pinned_above_standard,
        };
    };
    let units = |cost: f64| (cost * scale).floor() as i64;

    let mut net = Network::new(2);
    let group_node: Vec<Option<usize>> = rooms
        .iter()
        .map(|room| {
            let room = room.as_ref()?;
            let v = net.add_node();
            net.add_arc(v, SINK, i64::from(room.free), 0);
            net.add_arc(
                v,
                SINK,
                i64::from(room.paid),
                units(w.student_above_standard),
            );
            Some(v)
        })
        .collect();
    let mut unplaced_arcs = Vec::with_capacity(cx.types.len());
    for ty in &cx.types {
        let members = ty.members.len() as i64;
        let v = net.add_node();
        net.add_arc(SOURCE, v, members, 0);
        unplaced_arcs.push(net.add_arc(v, SINK, members, units(w.unplaced_student)));
        for &(g, rank) in &ty.options {
            if let (Some(node), Some(room)) = (group_node[g], &rooms[g]) {
                let cost = w.location_rank * f64::from(rank) + room.share;
                net.add_arc(v, node, members, units(cost));
            }
        }
    }
    let (_, cost) = net.min_cost_flow(SOURCE, SINK);
    let unplaced = unplaced_arcs.iter().map(|&a| net.flow(a) as u64).sum();
    Placed {
        cost: cost as f64 / scale,
        unplaced,
        pinned_above_standard,
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
