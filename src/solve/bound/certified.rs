//! Part 2: the most lessons of the running groups that certified teachers can give, as a
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

use super::flow::{Network, UNLIMITED};
use super::{Context, chains, most_apart};
use crate::domain::TimeRange;
use crate::model::classes::{Week, week_of};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Node 0 is the source, node 1 the sink.
const SOURCE: usize = 0;
const SINK: usize = 1;

/// The flow network of the lessons of some groups; the lessons of a group carry flow once
/// the group is opened ([`Certified::open`]), so that one network serves several sets of
/// running groups.
#[derive(Clone, Debug)]
pub(super) struct Certified {
    net: Network,
    /// Per group: the arcs from the source to its lessons.
    sources: Vec<Vec<usize>>,
    given: u64,
}

impl Certified {
    /// The network of the lessons of the groups in `within`, none open yet. Its clock-time
    /// chains are those of all these lessons: with more lessons than those opened a chain may
    /// hold more times apart, which only loosens the bound.
    pub(super) fn new(cx: &Context, within: &[bool]) -> Certified {
        let teachers = &cx.instance.teachers;
        let classes = || cx.classes.iter().filter(|c| within[c.group]);
        let certified = |t: &usize| teachers[*t].is_certified();
        // Per (certified teacher, date): the clock times of the lessons they are eligible for.
        let mut times: HashMap<(usize, NaiveDate), Vec<TimeRange>> = HashMap::new();
        for class in classes() {
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
        let mut sources = vec![Vec::new(); cx.instance.groups.len()];
        for class in classes() {
            let ts: Vec<usize> = cx.candidates(class).filter(certified).collect();
            if ts.is_empty() {
                continue;
            }
            for d in &class.dates {
                let lesson = net.add_node();
                sources[class.group].push(net.add_arc(SOURCE, lesson, 0, 0));
                for &t in &ts {
                    if let Some(&v) = at.get(&(t, *d, class.time)) {
                        net.add_arc(lesson, v, 1, 0);
                    }
                }
            }
        }
        Certified {
            net,
            sources,
            given: 0,
        }
    }

    /// Opens the lessons of `groups` (of those the network was built for, not opened
    /// before) to the flow, and returns the most lessons of all the groups opened so far
    /// that certified teachers can give.
    pub(super) fn open(&mut self, groups: impl IntoIterator<Item = usize>) -> u64 {
        for g in groups {
            for &a in &self.sources[g] {
                self.net.set_capacity(a, 1);
            }
        }
        self.given += u64::try_from(self.net.max_flow(SOURCE, SINK)).unwrap_or(0);
        self.given
    }
}
