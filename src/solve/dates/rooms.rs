//! From pool counts to rooms: which pool holds each lesson of a class, then which room of
//! the pool (see `model::pools`).
//!
//! A class held in one pool is there on every date; a shared class takes date by date the
//! pool with the most lessons left that has a room free then. A pool holding more lessons at
//! once than it has rooms names the classes that could use it then, to be split. Within a
//! pool, the lessons of each date are given rooms in order of their start: a lesson starting
//! at s finds fewer than size busy rooms (every lesson holding one overlaps it at s, and the
//! pool rows allow no more than size at once), so a room is always free. Each group first
//! gets a room of its own in the pool where the groups it meets at once allow it (a
//! colouring of the groups that meet at once in the pool, DSATUR with backtracking), and a
//! lesson takes its group's room whenever it is free, so a group keeps one room, as the
//! program counted, wherever it can.

use crate::domain::TimeRange;
use crate::model::Model;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Per class and date the room (index into `instance.rooms`); `Err` with the classes that
/// could use a pool on a date where it holds more lessons at once than it has rooms.
pub(super) fn place(
    model: &Model,
    counts: &[Vec<(usize, u32)>],
) -> Result<Vec<Vec<Option<usize>>>, BTreeSet<usize>> {
    let pools = &model.pools;
    let mut pool_of: Vec<Vec<Option<usize>>> = model
        .classes
        .iter()
        .map(|c| vec![None; c.dates.len()])
        .collect();
    let mut busy: HashMap<(usize, NaiveDate), Vec<TimeRange>> = HashMap::new();
    let mut shared = Vec::new();
    for (c, class) in model.classes.iter().enumerate() {
        match counts.get(c).map_or(&[][..], |v| v.as_slice()) {
            [(p, _)] => {
                for (k, d) in class.dates.iter().enumerate() {
                    pool_of[c][k] = Some(*p);
                    busy.entry((*p, *d)).or_default().push(class.time);
                }
            }
            [] => {}
            _ => shared.push(c),
        }
    }
    for c in shared {
        let class = &model.classes[c];
        let mut left = counts[c].clone();
        for (k, d) in class.dates.iter().enumerate() {
            let free = |p: usize| {
                busy.get(&(p, *d)).is_none_or(|b| {
                    b.iter().filter(|t| t.overlaps(&class.time)).count() < pools.size(p)
                })
            };
            let pick = left
                .iter()
                .enumerate()
                .filter(|(_, (_, n))| *n > 0)
                .max_by_key(|(i, (p, n))| (free(*p), *n, std::cmp::Reverse(*i)))
                .map(|(i, _)| i);
            if let Some(i) = pick {
                left[i].1 -= 1;
                pool_of[c][k] = Some(left[i].0);
                busy.entry((left[i].0, *d)).or_default().push(class.time);
            }
        }
    }
    let clashes: BTreeSet<(usize, NaiveDate)> = busy
        .iter()
        .filter(|((p, _), lessons)| most_at_once(lessons) > pools.size(*p))
        .map(|(k, _)| *k)
        .collect();
    if !clashes.is_empty() {
        return Err(model
            .classes
            .iter()
            .enumerate()
            .filter(|(_, class)| {
                clashes
                    .iter()
                    .any(|(p, d)| class.rooms.contains(p) && class.dates.contains(d))
            })
            .map(|(c, _)| c)
            .collect());
    }
    Ok(rooms_of_pools(model, &pool_of))
}

/// The most of `lessons` going on at one moment (at some lesson's start).
fn most_at_once(lessons: &[TimeRange]) -> usize {
    lessons
        .iter()
        .map(|a| {
            lessons
                .iter()
                .filter(|b| b.start <= a.start && a.start < b.end)
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// A lesson in a pool: (class, index of its date).
type Lesson = (usize, usize);

/// Per class and date the room of the pool `pool_of` gives it; no pool holds more lessons at
/// once than it has rooms.
fn rooms_of_pools(model: &Model, pool_of: &[Vec<Option<usize>>]) -> Vec<Vec<Option<usize>>> {
    let pools = &model.pools;
    let classes = &model.classes;
    let mut room_of: Vec<Vec<Option<usize>>> = pool_of
        .iter()
        .map(|p| p.iter().map(|p| p.map(|p| pools.first(p))).collect())
        .collect();
    // Per pool of several rooms and date, its lessons.
    let mut by_date: BTreeMap<(usize, NaiveDate), Vec<Lesson>> = BTreeMap::new();
    for (c, dates) in pool_of.iter().enumerate() {
        for (k, p) in dates.iter().enumerate() {
            if let Some(p) = p.filter(|&p| pools.size(p) > 1) {
                by_date
                    .entry((p, classes[c].dates[k]))
                    .or_default()
                    .push((c, k));
            }
        }
    }
    let overlap = |a: &Lesson, b: &Lesson| classes[a.0].time.overlaps(&classes[b.0].time);
    // Per pool, the groups that meet at once in it, and each group's lessons there.
    let mut meets: BTreeMap<usize, BTreeMap<usize, BTreeSet<usize>>> = BTreeMap::new();
    for ((p, _), here) in &by_date {
        let pool = meets.entry(*p).or_default();
        for a in here {
            let g = classes[a.0].group;
            let with = pool.entry(g).or_default();
            with.extend(
                here.iter()
                    .filter(|b| classes[b.0].group != g && overlap(a, b))
                    .map(|b| classes[b.0].group),
            );
        }
    }
    // Each group's own room, where the groups it meets at once leave one.
    let mut own: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (p, pool) in &meets {
        let groups: Vec<usize> = pool.keys().copied().collect();
        let near: Vec<Vec<usize>> = groups
            .iter()
            .map(|g| {
                pool[g]
                    .iter()
                    .filter_map(|h| groups.binary_search(h).ok())
                    .collect()
            })
            .collect();
        for (i, colour) in colouring(&near, pools.size(*p)).into_iter().enumerate() {
            if let Some(c) = colour {
                own.insert((*p, groups[i]), pools.rooms[*p][c]);
            }
        }
    }
    for ((p, _), mut here) in by_date {
        here.sort_by_key(|&(c, _)| (classes[c].time.start, classes[c].group, c));
        let mut placed: Vec<(Lesson, usize)> = Vec::new();
        for a in here {
            let g = classes[a.0].group;
            let free = |r: usize| !placed.iter().any(|(b, s)| *s == r && overlap(&a, b));
            let room = own
                .get(&(p, g))
                .copied()
                .filter(|&r| free(r))
                .or_else(|| pools.rooms[p].iter().copied().find(|&r| free(r)));
            // Always found: fewer than size lessons holding a room overlap this one.
            if let Some(r) = room {
                own.entry((p, g)).or_insert(r);
                room_of[a.0][a.1] = Some(r);
                placed.push((a, r));
            }
        }
    }
    room_of
}

/// At most `k` colours for the nodes of a graph (`near`: each node's neighbours) so that
/// neighbours differ: DSATUR (the node seeing the most colours next, then the one with the
/// most neighbours), backtracking within a budget; when that finds none, one greedy pass
/// of the same order, which leaves `None` where no colour is free.
fn colouring(near: &[Vec<usize>], k: usize) -> Vec<Option<usize>> {
    struct Search<'a> {
        near: &'a [Vec<usize>],
        k: usize,
        colour: Vec<Option<usize>>,
        budget: u32,
    }
    impl Search<'_> {
        /// The uncoloured node to colour next, and the colours its neighbours have.
        fn next(&self) -> Option<(usize, Vec<bool>)> {
            let mut best: Option<(usize, usize, usize, Vec<bool>)> = None;
            for v in (0..self.near.len()).filter(|&v| self.colour[v].is_none()) {
                let mut seen = vec![false; self.k];
                for &u in &self.near[v] {
                    if let Some(c) = self.colour[u].filter(|&c| c < self.k) {
                        seen[c] = true;
                    }
                }
                let saturation = seen.iter().filter(|s| **s).count();
                let key = (saturation, self.near[v].len());
                if best.as_ref().is_none_or(|b| key > (b.1, b.2)) {
                    best = Some((v, saturation, self.near[v].len(), seen));
                }
            }
            best.map(|(v, _, _, seen)| (v, seen))
        }

        fn run(&mut self) -> bool {
            let Some((v, seen)) = self.next() else {
                return true;
            };
            // Colours beyond the highest in use are all alike: try one of them.
            let used = self.colour.iter().flatten().max().map_or(0, |c| c + 1);
            for c in (0..self.k.min(used + 1)).filter(|&c| !seen[c]) {
                if self.budget == 0 {
                    return false;
                }
                self.budget -= 1;
                self.colour[v] = Some(c);
                if self.run() {
                    return true;
                }
                self.colour[v] = None;
            }
            false
        }
    }
    let mut search = Search {
        near,
        k,
        colour: vec![None; near.len()],
        budget: 20_000,
    };
    if search.run() {
        return search.colour;
    }
    // Greedy: every node the first colour free, or none.
    let mut colour: Vec<Option<usize>> = vec![None; near.len()];
    let mut greedy = Search {
        near,
        k,
        colour: vec![None; near.len()],
        budget: 0,
    };
    while let Some((v, seen)) = greedy.next() {
        let c = (0..k).find(|&c| !seen[c]);
        colour[v] = c;
        // A node left out is done all the same, with a colour no neighbour sees (k).
        greedy.colour[v] = Some(c.unwrap_or(k));
    }
    colour
}

/// Whether some group was given two rooms of one pool: then the program, which counted one,
/// may have missed a cheaper schedule, and the per-room program decides.
pub fn split_in_pool(model: &Model, rooms: &[Vec<Option<usize>>]) -> bool {
    let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (c, dates) in rooms.iter().enumerate() {
        let g = model.classes[c].group;
        for r in dates.iter().flatten() {
            let p = model.pools.of_room[*r];
            if *seen.entry((g, p)).or_insert(*r) != *r {
                return true;
            }
        }
    }
    false
}
