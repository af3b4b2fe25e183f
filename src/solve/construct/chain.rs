//! Ejection chains: a lesson goes to a teacher who is busy, the lesson in the way goes to
//! another teacher, and so on until a teacher is free; found breadth first, a few moves
//! deep. This is how a lesson nobody is free for still gets a teacher, and how a certified
//! teacher is freed for a course or for the certified floor.
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
}

pub(super) const REACH: Reach = Reach {
    depth: 4,
    budget: 400,
};

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
    let mut next = 0;
    while next < nodes.len() && next < reach.budget {
        let i = next;
        next += 1;
        let x = nodes[i].lesson;
        let on_path: Vec<usize> = path(&nodes, i).iter().map(|&k| nodes[k].lesson).collect();
        let receiving: Vec<usize> = path(&nodes, i)
            .iter()
            .filter_map(|&k| nodes[k].leaves)
            .collect();
        for &t in staff.lessons.candidates(x) {
            if staff.teacher_of[x] == Some(t) || (i == 0 && !first(staff, t)) {
                continue;
            }
            // A teacher takes at most one lesson of a chain: what frees them is judged
            // against the staffing as it is.
            if receiving.contains(&t) {
                continue;
            }
            let Some(blocking) = staff.blockers(t, x) else {
                continue;
            };
            // Every lesson of the chain leaves its teacher: one in the way is no obstacle
            // (two lessons swapping teachers).
            if blocking.is_empty() || blocking.iter().any(|y| on_path.contains(y)) {
                if apply(staff, &nodes, i, t, accept) {
                    return true;
                }
                continue;
            }
            if on_path.len() >= reach.depth {
                continue;
            }
            for y in blocking {
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
