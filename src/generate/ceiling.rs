//! Keeping the 80% aim a real aim. The given head counts leave certified teachers with
//! spare hours, so left alone they could take over every lesson. The ceiling is the most
//! weekly lessons of mandatory groups that certified teachers could give at once (a max
//! flow: lesson -> a certified teacher's free weekly slot -> the teacher, within their
//! maximum). While it lies above a drawn target, the certified teachers who would absorb
//! non-certified lessons lose a little reach: an unplanted available slot, or a profile or
//! location they were not planted in. The planted staffing is never touched, so the
//! instance stays feasible.

use super::dice::Dice;
use super::groups::{Site, profile_index};
use super::staff::{Draft, Planted};
use crate::domain::{Group, Slot};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// A unit-augmenting max flow (Edmonds-Karp); deterministic because edges keep their order.
pub struct Flow {
    adj: Vec<Vec<usize>>,
    to: Vec<usize>,
    cap: Vec<i64>,
}

impl Flow {
    pub fn new(nodes: usize) -> Self {
        Flow {
            adj: vec![Vec::new(); nodes],
            to: Vec::new(),
            cap: Vec::new(),
        }
    }

    /// Adds an edge and returns its id (its reverse edge is `id ^ 1`).
    pub fn edge(&mut self, a: usize, b: usize, capacity: i64) -> usize {
        let id = self.to.len();
        self.adj[a].push(id);
        self.to.push(b);
        self.cap.push(capacity);
        self.adj[b].push(id + 1);
        self.to.push(a);
        self.cap.push(0);
        id
    }

    /// Whether edge `id` carries flow.
    pub fn used(&self, id: usize) -> bool {
        self.cap.get(id ^ 1).is_some_and(|c| *c > 0)
    }

    pub fn max_flow(&mut self, s: usize, t: usize) -> usize {
        let mut total = 0;
        loop {
            let mut prev = vec![usize::MAX; self.adj.len()];
            let mut queue = VecDeque::from([s]);
            while let Some(u) = queue.pop_front() {
                for &e in &self.adj[u] {
                    let v = self.to[e];
                    if self.cap[e] > 0 && prev[v] == usize::MAX && v != s {
                        prev[v] = e;
                        queue.push_back(v);
                    }
                }
            }
            if prev.get(t).is_none_or(|p| *p == usize::MAX) {
                return total;
            }
            let mut v = t;
            while v != s {
                let e = prev[v];
                self.cap[e] -= 1;
                self.cap[e ^ 1] += 1;
                v = self.to[e ^ 1];
            }
            total += 1;
        }
    }
}

fn can(d: &Draft, site: usize, profile: usize, slot: &Slot) -> bool {
    d.certified
        && d.sites.contains(&site)
        && d.profiles.contains(&profile)
        && d.available.contains(slot)
}

/// The ceiling over `lessons` as (lessons certified teachers can give, and for each lesson
/// the certified teacher the flow gave it to).
fn ceiling(lessons: &[(usize, usize, &Slot)], drafts: &[Draft]) -> (usize, Vec<Option<usize>>) {
    let mut pairs: BTreeMap<(usize, &Slot), usize> = BTreeMap::new();
    let base = 1 + lessons.len();
    for &(site, profile, slot) in lessons {
        for (t, d) in drafts.iter().enumerate() {
            if can(d, site, profile, slot) {
                let next = base + pairs.len();
                pairs.entry((t, slot)).or_insert(next);
            }
        }
    }
    let teachers = base + pairs.len();
    let sink = teachers + drafts.len();
    let mut flow = Flow::new(sink + 1);
    let mut edges = Vec::new();
    for (li, &(site, profile, slot)) in lessons.iter().enumerate() {
        flow.edge(0, 1 + li, 1);
        for (t, d) in drafts.iter().enumerate() {
            if let (true, Some(&node)) = (can(d, site, profile, slot), pairs.get(&(t, slot))) {
                edges.push((li, t, flow.edge(1 + li, node, 1)));
            }
        }
    }
    for (&(t, _), &node) in &pairs {
        flow.edge(node, teachers + t, 1);
    }
    for (t, d) in drafts.iter().enumerate() {
        flow.edge(teachers + t, sink, i64::from(d.max));
    }
    let total = flow.max_flow(0, sink);
    let mut given = vec![None; lessons.len()];
    for (li, t, e) in edges {
        if flow.used(e) {
            given[li] = Some(t);
        }
    }
    (total, given)
}

/// Cuts certified reach until the ceiling is at most `target` of the mandatory lessons (or
/// no cut is left). Returns the ceiling reached, as a share.
pub fn calibrate(
    groups: &[Group],
    sites: &[Site],
    drafts: &mut [Draft],
    planted: &[Planted],
    target: f64,
    dice: &mut Dice,
) -> f64 {
    let place = |g: &Group| {
        (
            sites.iter().position(|s| s.location == g.location),
            profile_index(&g.profile),
        )
    };
    let mut lessons = Vec::new();
    let mut planted_by = Vec::new();
    for (gi, g) in groups.iter().enumerate().filter(|(_, g)| !g.optional) {
        let (Some(site), Some(profile)) = place(g) else {
            continue;
        };
        for slot in &g.slots {
            lessons.push((site, profile, slot));
            planted_by.push(
                planted
                    .iter()
                    .find(|p| p.group == gi && &p.slot == slot)
                    .map(|p| p.teacher),
            );
        }
    }
    let mut used: Vec<BTreeSet<(usize, usize)>> = vec![BTreeSet::new(); drafts.len()];
    for p in planted {
        if let (Some(g), Some(u)) = (groups.get(p.group), used.get_mut(p.teacher)) {
            if let (Some(s), Some(pr)) = place(g) {
                u.insert((s, pr));
            }
        }
    }
    let limit = (target * lessons.len() as f64).floor() as usize;
    let mut reached = lessons.len();
    for _round in 0..16 {
        let (total, given) = ceiling(&lessons, drafts);
        reached = total;
        if total <= limit {
            break;
        }
        let mut absorbed: Vec<(usize, usize)> = given
            .iter()
            .enumerate()
            .filter_map(|(li, t)| t.map(|t| (li, t)))
            .filter(|&(li, t)| planted_by[li] != Some(t))
            .collect();
        dice.shuffle(&mut absorbed);
        let mut cuts = 0;
        for (li, t) in absorbed {
            if cuts >= total - limit {
                break;
            }
            let (site, profile, slot) = lessons[li];
            let d = &mut drafts[t];
            let planted_here = used[t].iter().any(|&(s, p)| s == site && p == profile);
            let floor = d.busy.len() + if planted_here { 4 } else { 2 };
            if !d.busy.contains(slot) && d.available.len() > floor {
                d.available.remove(slot);
            } else if !used[t].iter().any(|&(_, p)| p == profile) && d.profiles.len() > 1 {
                d.profiles.retain(|&p| p != profile);
            } else if !used[t].iter().any(|&(s, _)| s == site)
                && d.sites.len() > 1
                && d.sites.first() != Some(&site)
            {
                d.sites.retain(|&s| s != site);
            } else if d.max > d.load.max(4) {
                d.max = d.load.max(4);
            } else {
                continue;
            }
            cuts += 1;
        }
        if cuts == 0 {
            break;
        }
    }
    reached as f64 / lessons.len().max(1) as f64
}
