//! One branching on the optional groups the cheapest placement opens.
//!
//! Part 1 pays for an optional group only a share per student, and parts 2 and 3 count the
//! must-run groups alone, so a group that nearly every cheap schedule opens is under-counted.
//! For any set `G` of optional groups, every schedule either runs all of `G` or leaves some
//! `g` of `G` closed:
//! - all of `G` running: the parts with `G` counted as must-run (its openings in full, its
//!   lessons in part 2, its teachers in part 3, no shares for it in part 1);
//! - `g` closed: the placement without `g` (the flow rerouted warm: `flow.rs`), plus the
//!   other parts of the must-run groups alone, which such a schedule still runs and pays.
//!
//! The least of these bounds is a bound. `G` is taken among the groups the cheapest
//! placement uses, dearest to close first (a group some students fit alone: closing it
//! leaves them out), as many as keep the second branch no lower than the first. Every size
//! tried gives a valid bound, and the best one is kept.

use super::certified::Certified;
use super::continuity::Staffed;
use super::placement::{Placement, Run};
use super::{Context, Parts, parts};
use crate::domain::RuleSet;

/// The bound after branching, when it beats the one before.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Branched {
    /// The parts with the groups of `G` running.
    pub parts: Parts,
    /// The least bound of a schedule that closes one of them.
    pub closing_one: f64,
}

impl Branched {
    pub(super) fn total(&self) -> f64 {
        self.parts.total().min(self.closing_one)
    }
}

pub(super) fn branch(
    cx: &Context,
    rules: &RuleSet,
    staffed: &[Staffed],
    run: &[Run],
    base: &Parts,
    placement: &Placement,
) -> Option<Branched> {
    let rest = base.total() - base.placement;
    // (bound with the group closed, group), dearest first.
    let mut closing: Vec<(f64, usize)> = (0..run.len())
        .filter(|&g| run[g] == Run::May && placement.uses(g))
        .map(|g| {
            let without = placement
                .cost_without(g)
                .map_or(f64::INFINITY, |c| c + rest);
            (without, g)
        })
        .filter(|(b, _)| *b > base.total())
        .collect();
    closing.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    if closing.is_empty() {
        return None;
    }
    let may: Vec<bool> = run.iter().map(|r| *r != Run::Never).collect();
    let mut certified = Certified::new(cx, &may);
    certified.open((0..run.len()).filter(|&g| run[g] == Run::Must));

    let with_first = |k: usize| -> Branched {
        let opened: Vec<usize> = closing[..k].iter().map(|(_, g)| *g).collect();
        let mut run = run.to_vec();
        for &g in &opened {
            run[g] = Run::Must;
        }
        let placed = Placement::solve(cx, rules, staffed, &run);
        let given = certified.clone().open(opened.iter().copied());
        Branched {
            parts: parts(cx, staffed, &run, &placed, given),
            closing_one: closing[k - 1].0,
        }
    };
    // More groups raise the first branch and lower the second: the best size is where they
    // meet. Try them all first; if the first branch is then the higher, no more groups than
    // reach its bound with their second branch can do better: try that many; then bisect.
    // Every size tried gives a valid bound; stop at one whose first branch is the lower while
    // the next group's second branch is lower still.
    let after = |k: usize| closing.get(k).map_or(f64::NEG_INFINITY, |c| c.0);
    let (mut lo, mut hi) = (1, closing.len());
    let mut mid = hi;
    let mut best: Option<Branched> = None;
    while lo <= hi {
        let b = with_first(mid);
        let first = b.parts.total();
        let first_lower = first <= b.closing_one;
        let tried_all = mid == closing.len();
        if best.as_ref().is_none_or(|x| b.total() > x.total()) {
            best = Some(b);
        }
        if first_lower && after(mid) < first {
            break;
        }
        if first_lower {
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
        mid = if tried_all && !first_lower {
            closing
                .iter()
                .filter(|c| c.0 >= first)
                .count()
                .clamp(lo, hi.max(lo))
        } else {
            lo + (hi.saturating_sub(lo)) / 2
        };
    }
    best.filter(|b| b.total() > base.total())
}
