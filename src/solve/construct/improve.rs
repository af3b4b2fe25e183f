//! Cheaper staffings by local moves, each kept only when it lowers the cost and keeps every
//! norm that holds: non-certified lessons to certified teachers (freed by a chain where
//! needed), a group's minor teacher handing all their lessons of it to others, a group
//! gathered with one of its teachers (chains moving what is in their way), and single
//! lessons moved where that is cheaper.

use super::chain::{self, REACH};
use super::norms::move_delta;
use super::staff::Staff;

/// Improves until a round changes nothing (at most `rounds` rounds).
pub(super) fn run(staff: &mut Staff, rounds: usize) {
    for _ in 0..rounds {
        let before = staff.cost();
        certify(staff);
        consolidate(staff);
        gather(staff);
        singles(staff);
        if staff.cost() >= before {
            break;
        }
    }
}

/// Non-certified lessons to certified teachers, through chains, where that is cheaper.
fn certify(staff: &mut Staff) {
    let lessons: Vec<usize> = (0..staff.lessons.list.len())
        .filter(|&l| staff.teacher_of[l].is_some_and(|t| !staff.certified[t]))
        .collect();
    for l in lessons {
        if staff.teacher_of[l].is_none_or(|t| staff.certified[t]) {
            continue;
        }
        let cost = staff.cost();
        chain::give(
            staff,
            l,
            &|s: &Staff, t| s.certified[t],
            &|s: &Staff| s.cost() < cost - 1e-9,
            REACH,
        );
    }
}

/// For every group with more than one teacher: the teacher with the fewest of its lessons
/// hands them all to others where the group then costs less.
fn consolidate(staff: &mut Staff) {
    for g in 0..staff.instance.groups.len() {
        let mut teachers: Vec<(u32, usize)> =
            staff.per_group[g].iter().map(|(&t, &n)| (n, t)).collect();
        teachers.sort_unstable();
        if teachers.len() < 2 {
            continue;
        }
        for (_, a) in teachers {
            hand_over(staff, g, a);
        }
    }
}

/// Moves every lesson of `a` in group `g` to the cheapest free teacher; kept only if the
/// staffing then costs less and keeps its norms.
fn hand_over(staff: &mut Staff, g: usize, a: usize) {
    let cost = staff.cost();
    let mark = staff.mark();
    let mine: Vec<usize> = staff.lessons.of_group[g]
        .iter()
        .copied()
        .filter(|&l| staff.teacher_of[l] == Some(a))
        .collect();
    if mine.is_empty() {
        return;
    }
    for l in mine {
        let best = staff
            .lessons
            .candidates(l)
            .iter()
            .copied()
            .filter(|&t| t != a && staff.can(t, l))
            .min_by(|&x, &y| {
                move_delta(staff, l, x)
                    .total_cmp(&move_delta(staff, l, y))
                    .then(x.cmp(&y))
            });
        match best {
            Some(t) => staff.assign(l, t),
            None => {
                staff.undo(mark);
                return;
            }
        }
    }
    let better = staff.cost() < cost - 1e-9;
    staff.keep_if(mark, better);
}

/// For every group with more than one teacher: all its lessons to one of them, the one who
/// gives most of it first, each through a chain where that teacher is busy; kept where the
/// staffing then costs less (the chains may split other groups) and keeps its norms.
fn gather(staff: &mut Staff) {
    for g in 0..staff.instance.groups.len() {
        let mut teachers: Vec<(u32, usize)> =
            staff.per_group[g].iter().map(|(&t, &n)| (n, t)).collect();
        if teachers.len() < 2 {
            continue;
        }
        teachers.sort_unstable_by(|a, b| b.cmp(a));
        for (_, t) in teachers {
            if gather_with(staff, g, t) {
                break;
            }
        }
    }
}

/// Gives every lesson of `g` to `t`; whether that was kept.
fn gather_with(staff: &mut Staff, g: usize, t: usize) -> bool {
    let cost = staff.cost();
    let mark = staff.mark();
    let others: Vec<usize> = staff.lessons.of_group[g]
        .iter()
        .copied()
        .filter(|&l| staff.teacher_of[l].is_some_and(|o| o != t))
        .collect();
    let given = others.iter().all(|&l| {
        staff.lessons.is_candidate(l, t) && chain::give(staff, l, &|_, u| u == t, &|_| true, REACH)
    });
    let better = given && staff.cost() < cost - 1e-9;
    staff.keep_if(mark, better)
}

/// Single lessons to a free teacher where that is cheaper.
fn singles(staff: &mut Staff) {
    for l in 0..staff.lessons.list.len() {
        if staff.teacher_of[l].is_none() {
            continue;
        }
        let best = staff
            .lessons
            .candidates(l)
            .iter()
            .copied()
            .filter(|&t| staff.teacher_of[l] != Some(t) && staff.can(t, l))
            .map(|t| (move_delta(staff, l, t), t))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        if let Some((delta, t)) = best
            && delta < -1e-9
        {
            let mark = staff.mark();
            staff.assign(l, t);
            staff.keep_if(mark, true);
        }
    }
}
