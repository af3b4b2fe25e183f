//! Part 2: the most lessons of the must-run groups that certified teachers can give, as a
//! maximum flow (see the module above for why it is a bound).
//!
//! ```text
//! source → lesson (1) → (teacher, date, time) (1) → (teacher, date, chain) (most apart)
//!        → (teacher, ISO week) (max_lessons_per_week) → sink
//! ```
//! A chain is a run of the teacher's clock times that date which overlap one another in
//! sequence (morning, midday, afternoon); different chains never overlap, so a teacher who
//! gives one lesson at a time gives at most one per time and at most as many per chain as its
//! times hold pairwise apart. A chain of one time needs no node of its own.

use super::Context;
use super::chains;
use super::flow::{Network, UNLIMITED};
use super::most_apart;
use crate::domain::TimeRange;
use crate::model::classes::{Week, week_of};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Node 0 is the source, node 1 the sink.
const SOURCE: usize = 0;
const SINK: usize = 1;

/// The most lessons of the must-run groups that certified teachers can give together.
pub(super) fn most_certified(cx: &Context) -> u64 {
    let teachers = &cx.instance.teachers;
    let running = || cx.classes.iter().filter(|c| cx.must_run[c.group]);
    let certified = |t: &usize| teachers[*t].is_certified();
    // Per (certified teacher, date): the clock times of the lessons they are eligible for.
    let mut times: HashMap<(usize, NaiveDate), Vec<TimeRange>> = HashMap::new();
    for class in running() {
        for t in cx.candidates(class).filter(certified) {
            for d in &class.dates {
                times.entry((t, *d)).or_default().push(class.time);
            }
        }
    }
    let mut days: Vec<((usize, NaiveDate), Vec<TimeRange>)> = times.into_iter().collect();
    days.sort_unstable_by_key(|(k, _)| *k);

    let mut net = Network::new(2);
    let mut weeks: HashMap<(usize, Week), usize> = HashMap::new();
    let mut at: HashMap<(usize, NaiveDate, TimeRange), usize> = HashMap::new();
    for ((t, d), mut here) in days {
        here.sort_unstable();
        here.dedup();
        let week = *weeks.entry((t, week_of(d))).or_insert_with(|| {
            let w = net.add_node();
            let max = teachers[t]
                .max_lessons_per_week
                .map_or(UNLIMITED, i64::from);
            net.add_arc(w, SINK, max, 0);
            w
        });
        for chain in chains(&here) {
            let into = if chain.len() == 1 {
                week
            } else {
                let c = net.add_node();
                net.add_arc(c, week, i64::from(most_apart(chain)), 0);
                c
            };
            for time in chain {
                let v = net.add_node();
                net.add_arc(v, into, 1, 0);
                at.insert((t, d, *time), v);
            }
        }
    }
    for class in running() {
        let ts: Vec<usize> = cx.candidates(class).filter(certified).collect();
        if ts.is_empty() {
            continue;
        }
        for d in &class.dates {
            let lesson = net.add_node();
            net.add_arc(SOURCE, lesson, 1, 0);
            for &t in &ts {
                if let Some(&v) = at.get(&(t, *d, class.time)) {
                    net.add_arc(lesson, v, 1, 0);
                }
            }
        }
    }
    u64::try_from(net.max_flow(SOURCE, SINK)).unwrap_or(0)
}
