//! Ejection chains: a lesson goes to a teacher who is busy, the lesson in the way goes to
//! another teacher, and so on until a teacher is free; found breadth first, a few moves
//! deep. This is how a lesson nobody is free for still gets a teacher, and how a certified
//! teacher is freed for a course or for the certified floor. Each lesson is looked at once,
//! by the shortest chain that reaches it. What is in the way of a teacher is judged against
//! the whole chain: the lessons it moves have left, and a teacher may take more than one of
//! them (one gives a double lesson away and takes the single lesson beside it and the one
//! the chain started from), their weekly maximum counting every lesson they take.
//!
//! Where a teacher is in the way with several lessons (a double lesson over two single
//! ones), a chain may *split* (where its [`Reach`] allows): every lesson in the way leaves,
//! and each is given anew by a chain of its own, shorter and with a smaller budget.
//!
//! A chain is applied move by move, each checked against the rules of the moment, and kept
//! only if every norm that held before still holds (see [`Staff::kept`]) and the caller
//! accepts the result; otherwise every move is taken back.

use super::staff::Staff;

/// How far a search may go.
#[derive(Clone, Copy, Debug)]
pub(super) struct Reach {
    /// Moves in one chain, the first included.
    pub depth: usize,
    /// Lessons looked at before giving up.
    pub budget: usize,
    /// How often a chain may split, nested: 0 for none.
    pub splits: usize,
}

pub(super) const REACH: Reach = Reach {
    depth: 4,
    budget: 400,
    splits: 0,
};

/// The reaches tried, one after the other, for a lesson that must be given: the usual one,
/// then deeper and with splits. On `instances/highschool` the first leaves two lessons
/// without a teacher, the second none.
pub(super) const DEEPER: [Reach; 2] = [
    REACH,
    Reach {
        depth: 6,
        budget: 4_000,
        splits: 1,
    },
];

/// At most this many lessons in the way of a split.
const SPLIT_WIDTH: usize = 3;

struct Node {
    lesson: usize,
    parent: Option<usize>,
    /// The teacher the parent's lesson goes to, whom this node's lesson leaves.
    leaves: Option<usize>,
}

/// Gives lesson `start` to a teacher `first` allows, moving lessons in the way. Whether a
/// chain was applied (a caller's mark taken before can take it back); the staffing is
/// unchanged otherwise.
pub(super) fn give(
    staff: &mut Staff,
    start: usize,
    first: &dyn Fn(&Staff, usize) -> bool,
    accept: &dyn Fn(&Staff) -> bool,
    reach: Reach,
) -> bool {
    let mut nodes = vec![Node {
        lesson: start,
        parent: None,
        leaves: None,
    }];
    // A lesson is looked at once, by the shortest chain that reaches it.
    let mut seen = std::collections::HashSet::from([start]);
    let mut next = 0;
    while next < nodes.len() && next < reach.budget {
        let i = next;
        next += 1;
        let x = nodes[i].lesson;
        let on_path: Vec<usize> = path(&nodes, i).iter().map(|&k| nodes[k].lesson).collect();
        for &t in staff.lessons.candidates(x) {
            if staff.teacher_of[x] == Some(t) || (i == 0 && !first(staff, t)) {
                continue;
            }
            // Every lesson of the chain leaves its teacher, and a teacher may take several
            // of them: what is in the way is judged against the chain as a whole.
            let taken = taken_by(&nodes, i, t);
            let Some(blocking) = staff.blockers_after(t, x, &on_path, &taken) else {
                if reach.splits > 0 && split(staff, &nodes, i, t, accept, reach) {
                    return true;
                }
                continue;
            };
            if blocking.is_empty() {
                if apply(staff, &nodes, i, t, accept) {
                    return true;
                }
                continue;
            }
            if on_path.len() >= reach.depth {
                continue;
            }
            for y in blocking {
                if !seen.insert(y) {
                    continue;
                }
                nodes.push(Node {
                    lesson: y,
                    parent: Some(i),
                    leaves: Some(t),
                });
            }
        }
    }
    false
}

/// Applies the chain ending in node `i` to teacher `t` after every lesson `t` has in the
/// way of it has left, each then given anew by a chain of its own; whether it was kept
/// (the staffing is unchanged otherwise).
fn split(
    staff: &mut Staff,
    nodes: &[Node],
    i: usize,
    t: usize,
    accept: &dyn Fn(&Staff) -> bool,
    reach: Reach,
) -> bool {
    let x = nodes[i].lesson;
    let on_path: Vec<usize> = path(nodes, i).iter().map(|&k| nodes[k].lesson).collect();
    let blocking: Vec<usize> = staff
        .overlapping(t, x)
        .into_iter()
        .filter(|y| !on_path.contains(y))
        .collect();
    if !(2..=SPLIT_WIDTH).contains(&blocking.len()) {
        return false;
    }
    let mark = staff.mark();
    for &y in &blocking {
        staff.unassign(y);
    }
    let inner = Reach {
        depth: reach.depth.saturating_sub(on_path.len()).max(2),
        budget: reach.budget / 4,
        splits: reach.splits - 1,
    };
    let given = apply(staff, nodes, i, t, &|_| true)
        && blocking
            .iter()
            .all(|&y| give(staff, y, &|_, u| u != t, &|_| true, inner));
    let better = given && accept(staff);
    staff.keep_if(mark, better)
}

/// The lessons that the chain ending in node `i` gives to teacher `t`.
fn taken_by(nodes: &[Node], i: usize, t: usize) -> Vec<usize> {
    path(nodes, i)
        .iter()
        .filter(|&&k| nodes[k].leaves == Some(t))
        .filter_map(|&k| nodes[k].parent.map(|p| nodes[p].lesson))
        .collect()
}

/// The nodes from `i` up to the root.
fn path(nodes: &[Node], i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut k = i;
    while let Some(p) = nodes[k].parent {
        out.push(p);
        k = p;
    }
    out
}

/// Applies the chain ending in node `i`, whose lesson goes to the free teacher `t`.
fn apply(
    staff: &mut Staff,
    nodes: &[Node],
    i: usize,
    t: usize,
    accept: &dyn Fn(&Staff) -> bool,
) -> bool {
    let mark = staff.mark();
    // Every lesson of the chain leaves its teacher first, then each takes its new one,
    // the deepest first: a swap of two lessons works, and every step is checked.
    let mut moves = Vec::new();
    let (mut to, mut k) = (t, i);
    loop {
        moves.push((nodes[k].lesson, to));
        match (nodes[k].parent, nodes[k].leaves) {
            (Some(p), Some(leaves)) => {
                to = leaves;
                k = p;
            }
            _ => break,
        }
    }
    for &(x, _) in &moves {
        staff.unassign(x);
    }
    for &(x, to) in &moves {
        if !staff.can(to, x) {
            staff.undo(mark);
            return false;
        }
        staff.assign(x, to);
    }
    let better = accept(staff);
    staff.keep_if(mark, better)
}
