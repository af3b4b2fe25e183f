//! Groups: spread over the locations (the main location largest), a realistic mix of
//! profiles per location, weekly slots in the usual NT2 rhythm, and some optional spare
//! groups the optimizer may open when demand calls for them.

use super::dice::{Dice, apportion};
use super::names::CITIES;
use super::standard_max;
use crate::domain::{CourseCode, Day, Group, Law, Location, Profile, Slot};
use chrono::NaiveDate;

/// A school profile: its name, the abbreviation in course codes, the rule set's size class
/// and its usual share of the groups (most schools run mainly the B1-route).
pub struct ProfileSpec {
    pub name: &'static str,
    pub code: &'static str,
    pub size_class: &'static str,
    pub share: f64,
}

pub const PROFILES: [ProfileSpec; 4] = [
    ProfileSpec {
        name: "B1-route",
        code: "B1",
        size_class: "NT2/B1",
        share: 0.55,
    },
    ProfileSpec {
        name: "Z-route",
        code: "Z",
        size_class: "Alfabetisering/Z-route",
        share: 0.12,
    },
    ProfileSpec {
        name: "Alfabetisering",
        code: "ALFA",
        size_class: "Alfabetisering/Z-route",
        share: 0.13,
    },
    ProfileSpec {
        name: "ONA-KNM",
        code: "KNM",
        size_class: "ONA/KNM",
        share: 0.20,
    },
];

/// Blocks as in most NT2 schools; slots and availability refer to them by name.
pub const BLOCKS: [(&str, &str); 3] = [
    ("morning", "09:00-12:00"),
    ("afternoon", "13:00-16:00"),
    ("evening", "18:30-21:30"),
];

/// The block `--tight` adds: it overlaps the morning and the afternoon in clock time, so a
/// teacher in a midday lesson can give neither that day.
pub const MIDDAY: (&str, &str) = ("midday", "11:00-14:00");

/// The school's blocks in the order of their start time: [`BLOCKS`], with [`MIDDAY`] between
/// the morning and the afternoon when `tight`.
pub fn block_list(tight: bool) -> Vec<(&'static str, &'static str)> {
    let mut out = BLOCKS.to_vec();
    if tight {
        out.insert(1, MIDDAY);
    }
    out
}

/// The clock time of a block of [`block_list`] in minutes after midnight, `[start, end)`.
fn minutes(block: &str) -> Option<(u32, u32)> {
    let (_, range) = block_list(true).into_iter().find(|(b, _)| *b == block)?;
    let at = |t: &str| {
        let (h, m) = t.split_once(':')?;
        Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
    };
    let (a, b) = range.split_once('-')?;
    Some((at(a)?, at(b)?))
}

/// Whether one teacher could not give both slots: the same day, and blocks that overlap in
/// clock time (the same block always does).
pub fn clash(a: &Slot, b: &Slot) -> bool {
    a.day == b.day
        && (a.block == b.block
            || matches!(
                (minutes(a.block.as_str()), minutes(b.block.as_str())),
                (Some((s, e)), Some((t, f))) if s < f && t < e
            ))
}

/// Weekly day patterns by number of lessons; evenings never on Friday.
const PATTERNS: [&[&[Day]]; 3] = [
    &[
        &[Day::Mon],
        &[Day::Tue],
        &[Day::Wed],
        &[Day::Thu],
        &[Day::Fri],
    ],
    &[
        &[Day::Mon, Day::Wed],
        &[Day::Tue, Day::Thu],
        &[Day::Mon, Day::Thu],
        &[Day::Wed, Day::Fri],
        &[Day::Tue, Day::Fri],
    ],
    &[
        &[Day::Mon, Day::Wed, Day::Fri],
        &[Day::Tue, Day::Wed, Day::Thu],
        &[Day::Mon, Day::Tue, Day::Thu],
        &[Day::Tue, Day::Thu, Day::Fri],
    ],
];

/// A location with the abbreviation used in its course codes.
#[derive(Clone, Debug)]
pub struct Site {
    pub location: Location,
    pub abbr: &'static str,
}

/// `n` distinct cities in random order; the first is the main location.
pub fn sites(n: usize, dice: &mut Dice) -> Vec<Site> {
    let mut order: Vec<usize> = (0..CITIES.len()).collect();
    dice.shuffle(&mut order);
    order
        .into_iter()
        .take(n)
        .filter_map(|i| CITIES.get(i))
        .map(|(name, abbr)| Site {
            location: Location::new(*name),
            abbr,
        })
        .collect()
}

pub fn profile_index(p: &Profile) -> Option<usize> {
    PROFILES.iter().position(|s| s.name == p.as_str())
}

/// Block index in time order, for sorting slots as a person reads them.
pub fn block_index(slot: &Slot) -> usize {
    let all = block_list(true);
    all.iter()
        .position(|(b, _)| *b == slot.block.as_str())
        .unwrap_or(all.len())
}

fn draw_slots(p: &ProfileSpec, dice: &mut Dice) -> Vec<Slot> {
    let count = match p.code {
        "KNM" => {
            if dice.chance(0.35) {
                1
            } else {
                2
            }
        }
        "B1" => {
            if dice.chance(0.7) {
                2
            } else {
                3
            }
        }
        _ => {
            if dice.chance(0.6) {
                3
            } else {
                2
            }
        }
    };
    let evening_weight = if p.code == "ALFA" { 0.03 } else { 0.12 };
    let block = dice.weighted(&[0.50, 0.38, evening_weight]);
    let patterns: Vec<&[Day]> = PATTERNS[count - 1]
        .iter()
        .copied()
        .filter(|days| block != 2 || !days.contains(&Day::Fri))
        .collect();
    let days = dice.pick(&patterns).copied().unwrap_or(&[Day::Mon]);
    // Now and then a group meets in the morning on one day and the afternoon on another.
    let mixed = block < 2 && days.len() > 1 && dice.chance(0.1);
    let odd_one = dice.below(days.len());
    let mut slots: Vec<Slot> = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let b = if mixed && i == odd_one {
                1 - block
            } else {
                block
            };
            Slot::new(*d, BLOCKS[b].0)
        })
        .collect();
    slots.sort_by_key(|s| (s.day, block_index(s)));
    slots
}

/// The groups of the school, ordered by location, profile and number.
pub fn groups(
    sites: &[Site],
    total: usize,
    term: (NaiveDate, NaiveDate),
    dice: &mut Dice,
) -> Vec<Group> {
    let weights: Vec<f64> = (0..sites.len())
        .map(|i| if i == 0 { 2.0 } else { dice.uniform(0.6, 1.4) })
        .collect();
    let min_each = if total >= 2 * sites.len() { 2 } else { 1 };
    let per_site = apportion(total, &weights, min_each);
    let mut out = Vec::with_capacity(total);
    for (site, n) in sites.iter().zip(per_site) {
        let shares: Vec<f64> = PROFILES
            .iter()
            .map(|p| p.share * dice.uniform(0.7, 1.3))
            .collect();
        let mut counts = apportion(n, &shares, 0);
        if counts[0] == 0 && n > 0 {
            // Every location runs the B1-route: take a group from the largest other profile.
            if let Some(i) = (1..counts.len()).max_by_key(|&i| (counts[i], usize::MAX - i)) {
                counts[i] -= 1;
                counts[0] += 1;
            }
        }
        for (p, count) in PROFILES.iter().zip(counts) {
            for k in 1..=count {
                out.push(Group {
                    course_code: CourseCode::new(format!("{}-{}-{k:02}", p.code, site.abbr)),
                    location: site.location.clone(),
                    profile: Profile::new(p.name),
                    law: if dice.chance(0.1) {
                        Law::Wi2013
                    } else {
                        Law::Wi2021
                    },
                    slots: draw_slots(p, dice),
                    choices: Vec::new(),
                    start: term.0,
                    end: term.1,
                    optional: false,
                    min_size: 1,
                });
            }
        }
    }
    mark_optional(&mut out, dice);
    out
}

/// Marks about 15-25% of the groups optional: always the highest-numbered of a (location,
/// profile) that keeps at least one mandatory group, as a spare the optimizer may open.
fn mark_optional(groups: &mut [Group], dice: &mut Dice) {
    let total = groups.len();
    let mut target = (total as f64 * dice.uniform(0.15, 0.25)).round() as usize;
    if total >= 4 {
        target = target.max(1);
    }
    for _ in 0..target {
        let mut cells: Vec<(Location, Profile)> = groups
            .iter()
            .filter(|g| !g.optional)
            .map(|g| (g.location.clone(), g.profile.clone()))
            .collect();
        cells.sort();
        let mut counted: Vec<((Location, Profile), usize)> = Vec::new();
        for c in cells {
            match counted.last_mut() {
                Some((last, n)) if *last == c => *n += 1,
                _ => counted.push((c, 1)),
            }
        }
        counted.retain(|(_, n)| *n >= 2);
        let weights: Vec<f64> = counted.iter().map(|(_, n)| *n as f64).collect();
        if counted.is_empty() {
            break;
        }
        let (loc, prof) = &counted[dice.weighted(&weights)].0;
        if let Some(g) = groups
            .iter_mut()
            .rev()
            .find(|g| !g.optional && &g.location == loc && &g.profile == prof)
        {
            g.optional = true;
            let class = profile_index(&g.profile).map_or("NT2/B1", |i| PROFILES[i].size_class);
            let max = f64::from(standard_max(class));
            g.min_size = ((max * dice.uniform(0.35, 0.5)).round() as u32).max(3);
        }
    }
}
