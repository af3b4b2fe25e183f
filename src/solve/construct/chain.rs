//! Ejection chains: a lesson goes to a teacher who is busy, the lesson in the way goes to
//! another teacher, and so on until a teacher is free; found breadth first, a few moves
//! deep. This is how a lesson nobody is free for still gets a teacher, and how a certified
//! teacher is freed for a course or for the certified floor.
//!
//! A chain is applied move by move, each checked against the rules of the moment, and kept
//! only if every norm that held before still holds (see [`Staff::keeps`]) and the caller
//! accepts the result; otherwise every move is taken back.

use super::staff::{Health, Staff};

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

/// Moves applied, to be taken back: (lesson, its teacher before, whether its group met
/// 1.7.1b before the move).
#[derive(Default)]
pub(super) struct Journal(Vec<(usize, Option<usize>, bool)>);

impl Journal {
    pub fn put(&mut self, staff: &mut Staff, l: usize, t: Option<usize>) {
        let had = staff.course_ok(staff.lessons.list[l].group);
        self.0.push((l, staff.teacher_of[l], had));
        match t {
            Some(t) => staff.assign(l, t),
            None => staff.unassign(l),
        }
    }

    /// Appends the moves of a later journal (undone together with these).
    pub fn extend(&mut self, later: Journal) {
        self.0.extend(later.0);
    }

    pub fn undo(self, staff: &mut Staff) {
        for (l, t, _) in self.0.into_iter().rev() {
            match t {
                Some(t) => staff.assign(l, t),
                None => staff.unassign(l),
            }
        }
    }

    /// Whether every norm that held in `before` (and 1.7.1b for every group touched, where
    /// it held before its first move) still holds.
    pub fn keeps(&self, staff: &Staff, before: Health) -> bool {
        let mut seen: Vec<usize> = Vec::new();
        let mut groups = Vec::new();
        for (l, _, had) in &self.0 {
            let g = staff.lessons.list[*l].group;
            if !seen.contains(&g) {
                seen.push(g);
                groups.push((g, *had));
            }
        }
        staff.keeps(before, &groups)
    }
}

struct Node {
    lesson: usize,
    parent: Option<usize>,
    /// The teacher the parent's lesson goes to, whom this node's lesson leaves.
    leaves: Option<usize>,
}

/// Gives lesson `start` to a teacher `first` allows, moving lessons in the way. The moves
/// of the chain applied, to be taken back by the caller if it wishes; `None` (and the
/// staffing unchanged) when no chain within reach was kept.
pub(super) fn give(
    staff: &mut Staff,
    start: usize,
    first: &dyn Fn(&Staff, usize) -> bool,
    accept: &dyn Fn(&Staff) -> bool,
    reach: Reach,
) -> Option<Journal> {
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
                if let Some(journal) = apply(staff, &nodes, i, t, accept) {
                    return Some(journal);
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
    None
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
) -> Option<Journal> {
    let before = staff.health();
    let mut journal = Journal::default();
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
        journal.put(staff, x, None);
    }
    for &(x, to) in &moves {
        if !staff.can(to, x) {
            journal.undo(staff);
            return None;
        }
        journal.put(staff, x, Some(to));
    }
    if journal.keeps(staff, before) && accept(staff) {
        Some(journal)
    } else {
        journal.undo(staff);
        None
    }
}
