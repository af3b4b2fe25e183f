//! A choice of meeting times: every combination of one alternative per group with a choice,
//! each solved as the school whose groups meet in those alternatives alone; the cheapest wins
//! (the first of equal ones, in combination order). A schedule of the school follows exactly
//! one alternative per running group (the checker's C168), so it is a schedule of one of
//! these schools at the same cost, and back: the least of their optima is the optimum.

use super::{Best, Pruning, optimum_with};
use crate::check;
use crate::domain::{Instance, RuleSet};

/// The instance with group `g` meeting in alternative `pick[g]` (groups without a choice as
/// they are).
pub fn fixed(instance: &Instance, pick: &[usize]) -> Instance {
    let mut out = instance.clone();
    for (g, &a) in out.groups.iter_mut().zip(pick) {
        if g.has_choice() {
            g.slots = g.choices[a].clone();
            g.choices.clear();
        }
    }
    out
}

pub fn optimum(instance: &Instance, rules: &RuleSet, pruning: Pruning) -> Option<Best> {
    let sizes: Vec<usize> = instance
        .groups
        .iter()
        .map(|g| g.choices.len().max(1))
        .collect();
    let mut pick = vec![0usize; sizes.len()];
    let mut best: Option<Best> = None;
    loop {
        if let Some(b) = optimum_with(&fixed(instance, &pick), rules, pruning)
            && best.as_ref().is_none_or(|x| b.cost < x.cost)
        {
            best = Some(b);
        }
        // The next combination, the last group's alternative turning fastest.
        let Some(g) = (0..sizes.len()).rev().find(|&g| pick[g] + 1 < sizes[g]) else {
            break;
        };
        pick[g] += 1;
        for p in pick.iter_mut().skip(g + 1) {
            *p = 0;
        }
    }
    let best = best?;
    let report = check::check(instance, rules, &best.schedule)
        .unwrap_or_else(|e| panic!("the brute force's schedule cannot be checked: {e}"));
    assert!(
        report.compliant,
        "the brute force's schedule fails the checker on the school with alternatives: {:?}",
        report.codes()
    );
    Some(best)
}
