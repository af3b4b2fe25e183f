//! Repairs of the staffing's global norms, each keeping the ones already met: 1.7.1b (a
//! certified lesson in every course, the courses with the fewest certified teachers
//! first), the 1.7.1a floor (non-certified lessons handed to certified teachers who are
//! free, or freed by a chain), and supervision (a non-certified teacher with few lessons
//! handing them all to colleagues who need no new mentor place).

use super::chain::{self, REACH};
use super::staff::Staff;
use std::collections::BTreeSet;

/// The running groups without the certified lessons 1.7.1b asks, after trying to give
/// each one a certified teacher for enough of its lessons.
pub(super) fn courses(staff: &mut Staff) -> Vec<usize> {
    let groups = staff.instance.groups.len();
    let certified_candidates = |staff: &Staff, g: usize| -> usize {
        staff.lessons.of_group[g]
            .iter()
            .flat_map(|&l| staff.lessons.candidates(l).iter().copied())
            .filter(|&t| staff.certified[t])
            .collect::<BTreeSet<usize>>()
            .len()
    };
    let mut order: Vec<(usize, usize)> = (0..groups)
        .filter(|&g| staff.running[g] && !staff.course_ok(g))
        .map(|g| (certified_candidates(staff, g), g))
        .collect();
    order.sort_unstable();
    let mut failed = Vec::new();
    for (_, g) in order {
        while !staff.course_ok(g) {
            if !certify_one(staff, g) {
                failed.push(g);
                break;
            }
        }
    }
    failed
}

/// One more certified lesson for group `g`: a free certified teacher for one of its
/// lessons (the cheapest move), else a chain that frees one.
pub(super) fn certify_one(staff: &mut Staff, g: usize) -> bool {
    let mine: Vec<usize> = staff.lessons.of_group[g]
        .iter()
        .copied()
        .filter(|&l| !staff.teacher_of[l].is_some_and(|t| staff.certified[t]))
        .collect();
    if let Some((l, t)) = cheapest_certified(staff, &mine) {
        let mark = staff.mark();
        staff.assign(l, t);
        if staff.keep_if(mark, true) {
            return true;
        }
    }
    mine.iter()
        .any(|&l| chain::give(staff, l, &|s: &Staff, t| s.certified[t], &|_| true, REACH))
}

/// Among `lessons`, the move to a free certified teacher that costs least (a teacher the
/// group already has first).
fn cheapest_certified(staff: &Staff, lessons: &[usize]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    for &l in lessons {
        for &t in staff.lessons.candidates(l) {
            if !staff.certified[t] || staff.teacher_of[l] == Some(t) || !staff.can(t, l) {
                continue;
            }
            let delta = move_delta(staff, l, t);
            if best.is_none_or(|(b, _, _)| delta < b) {
                best = Some((delta, l, t));
            }
        }
    }
    best.map(|(_, l, t)| (l, t))
}

/// What moving lesson `l` to teacher `t` changes in the staffing's cost.
pub(super) fn move_delta(staff: &Staff, l: usize, t: usize) -> f64 {
    let w = staff.needs.weights;
    let g = staff.lessons.list[l].group;
    let nc = |t: usize| f64::from(u8::from(!staff.certified[t]));
    let mut delta = w.non_certified_lesson * nc(t);
    if !staff.per_group[g].contains_key(&t) {
        delta += w.teacher_per_group;
    }
    if let Some(from) = staff.teacher_of[l] {
        delta -= w.non_certified_lesson * nc(from);
        if staff.per_group[g].get(&from) == Some(&1) {
            delta -= w.teacher_per_group;
        }
    }
    delta
}

/// Lifts the certified lessons to the 1.7.1a floor; whether it was reached.
pub(super) fn floor(staff: &mut Staff) -> bool {
    if staff.certified_given >= staff.floor() {
        return true;
    }
    let non_certified = |staff: &Staff| -> Vec<usize> {
        (0..staff.lessons.list.len())
            .filter(|&l| staff.teacher_of[l].is_some_and(|t| !staff.certified[t]))
            .collect()
    };
    // Free certified teachers first, cheapest moves first.
    let mut moves: Vec<(f64, usize, usize)> = Vec::new();
    for l in non_certified(staff) {
        for &t in staff.lessons.candidates(l) {
            if staff.certified[t] && staff.can(t, l) {
                moves.push((move_delta(staff, l, t), l, t));
            }
        }
    }
    moves.sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, l, t) in moves {
        if staff.certified_given >= staff.floor() {
            return true;
        }
        let still = staff.teacher_of[l].is_some_and(|u| !staff.certified[u]);
        if still && staff.can(t, l) {
            let mark = staff.mark();
            staff.assign(l, t);
            staff.keep_if(mark, true);
        }
    }
    for l in non_certified(staff) {
        if staff.certified_given >= staff.floor() {
            return true;
        }
        chain::give(staff, l, &|s: &Staff, t| s.certified[t], &|_| true, REACH);
    }
    staff.certified_given >= staff.floor()
}

/// Frees mentor places until every non-certified teacher who teaches has one: the one
/// with the fewest lessons hands them to teachers who need no new place. Whether it
/// succeeded.
pub(super) fn supervision(staff: &mut Staff) -> bool {
    let teachers = staff.instance.teachers.len();
    let mut tried = vec![false; teachers];
    while staff.mentees > staff.needs.mentor_places {
        let next = (0..teachers)
            .filter(|&t| !staff.certified[t] && staff.taught[t] > 0 && !tried[t])
            .min_by_key(|&t| (staff.taught[t], t));
        let Some(u) = next else { return false };
        tried[u] = true;
        let before = staff.mentees;
        let mine: Vec<usize> = (0..staff.lessons.list.len())
            .filter(|&l| staff.teacher_of[l] == Some(u))
            .collect();
        let mark = staff.mark();
        for l in mine {
            let target = |s: &Staff, t: usize| t != u && (s.certified[t] || s.taught[t] > 0);
            let direct = staff
                .lessons
                .candidates(l)
                .iter()
                .copied()
                .filter(|&t| target(staff, t) && staff.can(t, l))
                .min_by(|&a, &b| move_delta(staff, l, a).total_cmp(&move_delta(staff, l, b)));
            match direct {
                Some(t) => staff.assign(l, t),
                None => {
                    if !chain::give(staff, l, &target, &|_| true, REACH) {
                        break;
                    }
                }
            }
        }
        let fewer = staff.mentees < before;
        staff.keep_if(mark, fewer);
    }
    true
}
