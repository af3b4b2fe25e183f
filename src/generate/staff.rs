//! Teachers, built around a planted weekly staffing: every group's slots are first given to
//! teachers (about 70% of the lessons to certified ones, at least one certified lesson per
//! course), and each teacher's locations, profiles, availability and weekly maximum are then
//! drawn as a superset of what they were planted with. The instance is feasible by
//! construction, while the spare availability leaves an optimizer real choices.

use super::dice::{Dice, apportion};
use super::groups::{BLOCKS, PROFILES, Site, clash, profile_index};
use crate::domain::{Day, Group, Slot};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// A teacher while being drawn; indices point into the sites and [`PROFILES`].
#[derive(Clone, Debug)]
pub struct Draft {
    pub certified: bool,
    /// Site indices, home first.
    pub sites: Vec<usize>,
    /// Profile indices, at most three.
    pub profiles: Vec<usize>,
    pub max: u32,
    /// Weekly slots the teacher is planted in (or reserved for as a substitute).
    pub busy: BTreeSet<Slot>,
    /// The planted slots with the first and last day of their group: a slot is free when no
    /// span clashes with it in clock time on a shared date.
    pub spans: Vec<(Slot, NaiveDate, NaiveDate)>,
    /// Planted lessons per week, counted as if every group ran every week.
    pub load: u32,
    pub available: BTreeSet<Slot>,
}

/// One weekly lesson of the planted staffing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planted {
    pub group: usize,
    pub slot: Slot,
    pub teacher: usize,
}

fn site_of(sites: &[Site], g: &Group) -> usize {
    sites
        .iter()
        .position(|s| s.location == g.location)
        .unwrap_or(0)
}

/// Draws `n` teachers: homes in proportion to the lessons per location, about 25-35% not
/// certified (but never a location without a certified teacher), 1-3 profiles each.
pub fn drafts(n: usize, sites: &[Site], groups: &[Group], dice: &mut Dice) -> Vec<Draft> {
    let mut demand = vec![[0.0f64; PROFILES.len()]; sites.len()];
    for g in groups {
        if let Some(p) = profile_index(&g.profile) {
            demand[site_of(sites, g)][p] += g.slots.len() as f64;
        }
    }
    let site_load: Vec<f64> = demand.iter().map(|d| d.iter().sum()).collect();
    let min_each = usize::from(n >= sites.len());
    let mut homes: Vec<usize> = apportion(n, &site_load, min_each)
        .into_iter()
        .enumerate()
        .flat_map(|(site, k)| std::iter::repeat_n(site, k))
        .collect();
    dice.shuffle(&mut homes);
    let non_certified =
        ((n as f64 * dice.uniform(0.25, 0.35)).round() as usize).min(n.saturating_sub(1));
    let mut order: Vec<usize> = (0..n).collect();
    dice.shuffle(&mut order);
    let mut certified = vec![true; n];
    for &i in order.iter().take(non_certified) {
        certified[i] = false;
    }
    let mut drafts: Vec<Draft> = homes
        .iter()
        .zip(certified)
        .map(|(&home, certified)| {
            let mut own = vec![home];
            if sites.len() > 1 && dice.chance(0.3) {
                let mut w = site_load.clone();
                w[home] = 0.0;
                own.push(dice.weighted(&w));
            }
            let mut weights: Vec<f64> = (0..PROFILES.len())
                .map(|p| own.iter().map(|&s| demand[s][p]).sum())
                .collect();
            let k = 1 + dice.weighted(&[0.35, 0.45, 0.20]);
            let mut profiles = Vec::new();
            while profiles.len() < k && weights.iter().any(|w| *w > 0.0) {
                let p = dice.weighted(&weights);
                weights[p] = 0.0;
                profiles.push(p);
            }
            Draft {
                certified,
                sites: own,
                profiles,
                max: dice.between(4, 10),
                busy: BTreeSet::new(),
                spans: Vec::new(),
                load: 0,
                available: BTreeSet::new(),
            }
        })
        .collect();
    for site in 0..sites.len() {
        ensure_certified_at(site, &mut drafts);
    }
    drafts
}

/// Every group needs a certified lesson, so every location needs a certified teacher: swap
/// the status with a certified teacher whose home has another one, or certify one.
fn ensure_certified_at(site: usize, drafts: &mut [Draft]) {
    let at = |d: &Draft| d.sites.contains(&site);
    if drafts.iter().any(|d| at(d) && d.certified) {
        return;
    }
    let Some(nc) = drafts.iter().position(at) else {
        return;
    };
    let certified_at_home = |home: usize, ds: &[Draft]| {
        ds.iter()
            .filter(|d| d.certified && d.sites.first() == Some(&home))
            .count()
    };
    let donor = (0..drafts.len()).find(|&i| {
        let d = &drafts[i];
        d.certified
            && !at(d)
            && d.sites
                .first()
                .is_some_and(|&h| certified_at_home(h, drafts) >= 2)
    });
    if let Some(donor) = donor {
        drafts[donor].certified = false;
    }
    drafts[nc].certified = true;
}

/// Plants the weekly staffing: mandatory groups first, then the optional ones.
pub fn plant(
    groups: &[Group],
    sites: &[Site],
    drafts: &mut [Draft],
    dice: &mut Dice,
) -> Vec<Planted> {
    let target = dice.uniform(0.68, 0.76);
    let mut order: Vec<usize> = (0..groups.len()).collect();
    dice.shuffle(&mut order);
    order.sort_by_key(|&g| groups[g].optional);
    let (mut certified, mut all) = (0usize, 0usize);
    let mut planted = Vec::new();
    for gi in order {
        let g = &groups[gi];
        let (site, Some(profile)) = (site_of(sites, g), profile_index(&g.profile)) else {
            continue;
        };
        // A non-certified teacher takes a group (all but one slot) or one slot of it only
        // while the share of certified lessons stays at or above the target afterwards.
        let n = g.slots.len();
        let keeps_target = |non_certified: usize| {
            (certified + n - non_certified) as f64 >= target * (all + n) as f64
        };
        let want_certified = n == 1 || !keeps_target(n - 1);
        let duo = g.slots.len() > 1 && (!want_certified || dice.chance(0.35));
        let second = if duo {
            Some(dice.below(g.slots.len()))
        } else {
            None
        };
        let (mut main, mut co) = (Vec::new(), Vec::new());
        for (i, s) in g.slots.iter().enumerate() {
            if Some(i) == second {
                co.push(s.clone())
            } else {
                main.push(s.clone())
            }
        }
        let mut parts = vec![(main, want_certified)];
        if !co.is_empty() {
            parts.push((co, !want_certified || !keeps_target(1) || dice.chance(0.6)));
        }
        let mut mine = Vec::new();
        let span = (g.start, g.end);
        for (slots, want) in parts {
            let teacher = find(drafts, (site, profile, span), &slots, want, dice)
                .or_else(|| find(drafts, (site, profile, span), &slots, !want, dice));
            if let Some(t) = teacher {
                take(&mut drafts[t], profile, &slots, span);
                mine.extend(slots.into_iter().map(|slot| Planted {
                    group: gi,
                    slot,
                    teacher: t,
                }));
            } else {
                for slot in slots {
                    let one = std::slice::from_ref(&slot);
                    let t = find(drafts, (site, profile, span), one, want, dice)
                        .or_else(|| find(drafts, (site, profile, span), one, !want, dice));
                    if let Some(t) = t {
                        take(&mut drafts[t], profile, one, span);
                        mine.push(Planted {
                            group: gi,
                            slot,
                            teacher: t,
                        });
                    }
                }
            }
        }
        ensure_certified_lesson(&mut mine, drafts, (site, profile, span), dice);
        for p in &mine {
            all += 1;
            certified += usize::from(drafts[p.teacher].certified);
        }
        planted.extend(mine);
    }
    planted.sort_by(|a, b| (a.group, &a.slot).cmp(&(b.group, &b.slot)));
    planted
}

/// Norm 1.7.1b: when fallbacks left a group without a certified lesson, hand one of its
/// slots to a certified teacher.
fn ensure_certified_lesson(
    mine: &mut [Planted],
    drafts: &mut [Draft],
    (site, profile, span): Place,
    dice: &mut Dice,
) {
    if mine.iter().any(|p| drafts[p.teacher].certified) {
        return;
    }
    for p in mine.iter_mut() {
        let one = std::slice::from_ref(&p.slot);
        if let Some(t) = find(drafts, (site, profile, span), one, true, dice) {
            let old = &mut drafts[p.teacher];
            old.spans.retain(|x| *x != (p.slot.clone(), span.0, span.1));
            if !old.spans.iter().any(|(s, _, _)| *s == p.slot) {
                old.busy.remove(&p.slot);
            }
            old.load = old.load.saturating_sub(1);
            take(&mut drafts[t], profile, one, span);
            p.teacher = t;
            return;
        }
    }
}

/// Where a group meets: its site, its profile and its first and last day.
pub type Place = (usize, usize, (NaiveDate, NaiveDate));

/// Whether `d` is free in `slot` from `start` to `end`: no planted slot clashes with it in
/// clock time while both groups run. With the three usual blocks and groups over the whole
/// term, that is "not busy in `slot`".
pub fn free(d: &Draft, slot: &Slot, (start, end): (NaiveDate, NaiveDate)) -> bool {
    d.spans
        .iter()
        .all(|(s, from, to)| !(clash(s, slot) && *from <= end && start <= *to))
}

/// The best free teacher of the wanted status for `slots` of a group: one who already has
/// the profile, then the least loaded, with a random tie-break.
fn find(
    drafts: &[Draft],
    (site, profile, span): Place,
    slots: &[Slot],
    certified: bool,
    dice: &mut Dice,
) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for (i, d) in drafts.iter().enumerate() {
        let has_profile = d.profiles.contains(&profile);
        let fits = d.certified == certified
            && d.sites.contains(&site)
            && (has_profile || d.profiles.len() < 3)
            && d.load + slots.len() as u32 <= d.max
            && slots.iter().all(|s| free(d, s, span));
        if !fits {
            continue;
        }
        let score =
            if has_profile { 0.0 } else { 3.0 } + 0.7 * f64::from(d.load) + dice.uniform(0.0, 1.5);
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

fn take(d: &mut Draft, profile: usize, slots: &[Slot], (start, end): (NaiveDate, NaiveDate)) {
    if !d.profiles.contains(&profile) {
        d.profiles.push(profile);
    }
    d.busy.extend(slots.iter().cloned());
    d.spans
        .extend(slots.iter().map(|s| (s.clone(), start, end)));
    d.load += slots.len() as u32;
}

/// Availability for most but not all blocks: the planted slots, plus 3-5 weekdays with
/// mornings and afternoons mostly and evenings now and then; one in ten is always available.
pub fn draw_availability(d: &mut Draft, dice: &mut Dice) {
    let weekdays = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];
    if dice.chance(0.1) {
        for day in Day::ALL {
            for (b, _) in BLOCKS {
                d.available.insert(Slot::new(day, b));
            }
        }
        return;
    }
    let mut days: BTreeSet<Day> = d.busy.iter().map(|s| s.day).collect();
    let wanted = 3 + dice.weighted(&[0.25, 0.40, 0.35]);
    let mut others: Vec<Day> = weekdays
        .iter()
        .copied()
        .filter(|x| !days.contains(x))
        .collect();
    dice.shuffle(&mut others);
    for day in others {
        if days.len() >= wanted {
            break;
        }
        days.insert(day);
    }
    let evening_person = d.busy.iter().any(|s| s.block.as_str() == "evening");
    let chances = [0.85, 0.8, if evening_person { 0.6 } else { 0.2 }];
    for day in days {
        for ((b, _), p) in BLOCKS.iter().zip(chances) {
            if dice.chance(p) {
                d.available.insert(Slot::new(day, *b));
            }
        }
    }
    d.available.extend(d.busy.iter().cloned());
    if d.available.is_empty() {
        d.available.insert(Slot::new(Day::Mon, BLOCKS[0].0));
    }
}
