//! The neighbourhoods of the search: which part of the incumbent is re-planned exactly.
//!
//! Four kinds, each grown from a seed until it frees about `target` variables:
//! - **weakest**: the groups where the incumbent costs most beyond what any plan must pay
//!   (lessons by non-certified teachers, more than one teacher, students above the
//!   standard maximum), with their students;
//! - **location**: the groups of one location (and the next one sharing most teachers),
//!   with their students;
//! - **profile**: the groups of one profile across locations, with their students (who may
//!   choose between them);
//! - **teachers**: a teacher and the teachers who could take over their lessons, swapping
//!   the lessons they give among themselves (the rest of the school stays as it is).

use crate::domain::Instance;
use crate::model::Model;
use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Weakest,
    Location,
    Profile,
    Teachers,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Weakest, Kind::Location, Kind::Profile, Kind::Teachers];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Weakest => "weakest groups",
            Kind::Location => "location",
            Kind::Profile => "profile",
            Kind::Teachers => "teachers",
        }
    }

    /// What a better schedule this kind found is reported as.
    pub fn found_by(self) -> crate::solve::FoundBy {
        use crate::solve::FoundBy;
        match self {
            Kind::Weakest => FoundBy::WeakestGroups,
            Kind::Location => FoundBy::Location,
            Kind::Profile => FoundBy::Profile,
            Kind::Teachers => FoundBy::Teachers,
        }
    }
}

/// A part of the plan to re-plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neighbourhood {
    pub kind: Kind,
    /// Groups whose lessons any candidate may take over.
    pub groups: BTreeSet<usize>,
    /// Teachers who may swap the lessons they give among themselves.
    pub teachers: BTreeSet<usize>,
    /// Whether the students of `groups` may move (to any group they fit).
    pub students: bool,
}

/// What the generator knows of the program and the incumbent.
pub struct Ground<'a> {
    instance: &'a Instance,
    model: &'a Model,
    counts: &'a [Vec<(usize, u32)>],
    /// Per group: what the incumbent pays there beyond the least a plan can pay.
    weakness: Vec<f64>,
    /// Per teacher: the groups they could teach.
    reach: Vec<BTreeSet<usize>>,
    /// Per group: the teachers who could teach it.
    candidates: Vec<BTreeSet<usize>>,
}

impl<'a> Ground<'a> {
    pub fn new(
        instance: &'a Instance,
        model: &'a Model,
        values: &[f64],
        counts: &'a [Vec<(usize, u32)>],
    ) -> Ground<'a> {
        let groups = instance.groups.len();
        let w = instance.school.weights;
        let mut weakness = vec![0.0; groups];
        let mut reach = vec![BTreeSet::new(); instance.teachers.len()];
        let mut candidates = vec![BTreeSet::new(); groups];
        let mut teachers: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); groups];
        for (c, class) in model.classes.iter().enumerate() {
            for &(t, _) in &model.assign[c] {
                reach[t].insert(class.group);
                candidates[class.group].insert(t);
            }
            for &(t, n) in &counts[c] {
                teachers[class.group].insert(t);
                if !instance.teachers[t].is_certified() {
                    weakness[class.group] += w.non_certified_lesson * f64::from(n);
                }
            }
        }
        for (g, ts) in teachers.iter().enumerate() {
            weakness[g] += w.teacher_per_group * ts.len().saturating_sub(1) as f64;
        }
        for (g, over) in model.overflow.iter().enumerate() {
            if let Some(v) = over {
                weakness[g] += w.student_above_standard * values[*v];
            }
        }
        Ground {
            instance,
            model,
            counts,
            weakness,
            reach,
            candidates,
        }
    }

    /// A neighbourhood of `kind` freeing about `target` variables, from random seeds.
    pub fn make(&self, kind: Kind, target: usize, rng: &mut ChaCha8Rng) -> Neighbourhood {
        let mut n = Neighbourhood {
            kind,
            groups: BTreeSet::new(),
            teachers: BTreeSet::new(),
            students: kind != Kind::Teachers,
        };
        match kind {
            Kind::Weakest => self.weakest(&mut n, target, rng),
            Kind::Location => {
                self.by_key(&mut n, target, rng, |g| &self.instance.groups[g].location)
            }
            Kind::Profile => self.by_key(&mut n, target, rng, |g| &self.instance.groups[g].profile),
            Kind::Teachers => self.teachers(&mut n, target, rng),
        }
        n
    }

    /// The variables `n` frees.
    fn freed(&self, n: &Neighbourhood) -> usize {
        super::free::free(self.model, self.counts, n)
            .into_iter()
            .filter(|f| *f)
            .count()
    }

    /// The costliest groups first, each passed over with probability 1/3 so that repeated
    /// calls differ; a group joins with the groups sharing its candidates.
    fn weakest(&self, n: &mut Neighbourhood, target: usize, rng: &mut ChaCha8Rng) {
        let mut order: Vec<usize> = (0..self.weakness.len())
            .filter(|&g| self.weakness[g] > 0.0)
            .collect();
        order.sort_by(|a, b| {
            self.weakness[*b]
                .total_cmp(&self.weakness[*a])
                .then(a.cmp(b))
        });
        for g in order {
            if self.freed(n) >= target {
                return;
            }
            if rng.random_range(0..3) == 0 {
                continue;
            }
            n.groups.insert(g);
            // A neighbour who could take the group's lessons over.
            let mut near: Vec<usize> = self.candidates[g]
                .iter()
                .flat_map(|&t| self.reach[t].iter().copied())
                .filter(|h| !n.groups.contains(h))
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            near.shuffle(rng);
            if let Some(&h) = near.first() {
                n.groups.insert(h);
            }
        }
        if n.groups.is_empty() {
            self.by_key(n, target, rng, |g| &self.instance.groups[g].location);
        }
    }

    /// The groups of one value of `key` (a location, a profile), then of the value sharing
    /// most candidate teachers with them, until the target.
    fn by_key<K: Ord + Clone + 'a>(
        &self,
        n: &mut Neighbourhood,
        target: usize,
        rng: &mut ChaCha8Rng,
        key: impl Fn(usize) -> &'a K,
    ) {
        let mut by: BTreeMap<&K, Vec<usize>> = BTreeMap::new();
        for g in 0..self.instance.groups.len() {
            by.entry(key(g)).or_default().push(g);
        }
        let keys: Vec<&K> = by.keys().copied().collect();
        let Some(&first) = keys.get(rng.random_range(0..keys.len().max(1))) else {
            return;
        };
        let mut taken: BTreeSet<&K> = BTreeSet::new();
        let mut next = Some(first);
        while let Some(k) = next {
            taken.insert(k);
            let mut groups = by[k].clone();
            groups.shuffle(rng);
            for g in groups {
                if self.freed(n) >= target {
                    return;
                }
                n.groups.insert(g);
            }
            let teachers: BTreeSet<usize> = n
                .groups
                .iter()
                .flat_map(|&g| self.candidates[g].iter().copied())
                .collect();
            next = keys
                .iter()
                .filter(|k| !taken.contains(*k))
                .map(|k| {
                    let shared = by[*k]
                        .iter()
                        .flat_map(|&g| self.candidates[g].iter())
                        .filter(|t| teachers.contains(t))
                        .count();
                    (shared, *k)
                })
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
                .map(|(_, k)| k);
        }
    }

    /// A random teacher, then the teachers who share the most groups they could teach.
    fn teachers(&self, n: &mut Neighbourhood, target: usize, rng: &mut ChaCha8Rng) {
        let teaching: Vec<usize> = (0..self.reach.len())
            .filter(|&t| !self.reach[t].is_empty())
            .collect();
        let Some(&seed) = teaching.get(rng.random_range(0..teaching.len().max(1))) else {
            return;
        };
        n.teachers.insert(seed);
        while self.freed(n) < target {
            let groups: BTreeSet<usize> = n
                .teachers
                .iter()
                .flat_map(|&t| self.reach[t].iter().copied())
                .collect();
            let best = teaching
                .iter()
                .filter(|t| !n.teachers.contains(t))
                .map(|&t| (self.reach[t].intersection(&groups).count(), t))
                .filter(|(shared, _)| *shared > 0)
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            match best {
                Some((_, t)) => {
                    n.teachers.insert(t);
                }
                None => return,
            }
        }
    }
}
