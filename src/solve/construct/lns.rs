//! Ruin and recreate: the staffing of a group that costs more than one certified teacher
//! would, together with every group its certified candidates teach, is taken apart and
//! given again by the greedy staffing, that group first; kept only where the staffing then
//! costs less and every norm that held still holds. No randomness: the groups are visited
//! in order of what they cost, the most first.

use super::greedy::{Greedy, fill_holes};
use super::norms::certify_one;
use super::staff::Staff;
use std::collections::BTreeMap;

/// Groups taken apart at once, the one to improve included.
const NEIGHBOURS: usize = 8;

/// Sweeps over the groups until one changes nothing (at most `sweeps`).
pub(super) fn run(staff: &mut Staff, greedy: &Greedy, sweeps: usize) {
    for _ in 0..sweeps {
        let mut better = false;
        for g in targets(staff) {
            better |= recreate(staff, greedy, g);
        }
        if !better {
            break;
        }
    }
}

/// The running groups that cost more than one certified teacher, the most first.
fn targets(staff: &Staff) -> Vec<usize> {
    let w = staff.needs.weights;
    let mut out: Vec<(f64, usize)> = (0..staff.instance.groups.len())
        .filter(|&g| staff.running[g])
        .filter_map(|g| {
            let teachers = staff.per_group[g].len();
            let non_certified: u32 = staff.per_group[g]
                .iter()
                .filter(|(t, _)| !staff.certified[**t])
                .map(|(_, n)| *n)
                .sum();
            let waste = w.teacher_per_group * teachers.saturating_sub(1) as f64
                + w.non_certified_lesson * f64::from(non_certified);
            (waste > 0.0).then_some((waste, g))
        })
        .collect();
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    out.into_iter().map(|(_, g)| g).collect()
}

/// Group `g` and the groups its certified candidates teach most of, at most
/// [`NEIGHBOURS`] in all.
fn neighbourhood(staff: &Staff, greedy: &Greedy, g: usize) -> Vec<usize> {
    let mut taught: BTreeMap<usize, u32> = BTreeMap::new();
    for other in (0..staff.instance.groups.len()).filter(|&o| o != g && staff.running[o]) {
        let by_them: u32 = staff.per_group[other]
            .iter()
            .filter(|(t, _)| staff.certified[**t] && greedy.candidates[g].contains(t))
            .map(|(_, n)| *n)
            .sum();
        if by_them > 0 {
            taught.insert(other, by_them);
        }
    }
    let mut others: Vec<(u32, usize)> = taught.into_iter().map(|(o, n)| (n, o)).collect();
    others.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out = vec![g];
    out.extend(others.into_iter().take(NEIGHBOURS - 1).map(|(_, o)| o));
    out
}

/// Takes the neighbourhood of `g` apart and staffs it again, `g` first; whether that was
/// kept.
fn recreate(staff: &mut Staff, greedy: &Greedy, g: usize) -> bool {
    let hood = neighbourhood(staff, greedy, g);
    let cost = staff.cost();
    let mark = staff.mark();
    for &h in &hood {
        for &l in &staff.lessons.of_group[h] {
            staff.unassign(l);
        }
    }
    let mut holes = Vec::new();
    let mut order = greedy.order(staff, hood[1..].to_vec());
    order.insert(0, g);
    for h in order {
        holes.extend(greedy.group(staff, h));
    }
    if !fill_holes(staff, holes).is_empty() {
        staff.undo(mark);
        return false;
    }
    for &h in &hood {
        while !staff.course_ok(h) {
            if !certify_one(staff, h) {
                staff.undo(mark);
                return false;
            }
        }
    }
    let better = staff.cost() < cost - 1e-9;
    staff.keep_if(mark, better)
}
