//! Students: as many per location and profile as the groups there hold at the standard
//! maximum, give or take, so that opening an optional group or exception 2 sometimes
//! matters. Most are available always; others on the days of a group near them, so that
//! nearly every student fits some group. A few are pinned to a group they fit.

use super::dice::{Dice, apportion};
use super::groups::{PROFILES, Site, profile_index};
use super::standard_max;
use crate::domain::{
    Availability, Block, CourseCode, Day, Group, Law, Location, LocationOrder, Profile, Slot,
    Student, StudentId,
};
use std::collections::{BTreeMap, BTreeSet};

const WEEKDAYS: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];

fn whole_days(days: &BTreeSet<Day>, blocks: &[Block]) -> Availability {
    Availability(
        days.iter()
            .flat_map(|d| {
                blocks.iter().map(move |b| Slot {
                    day: *d,
                    block: b.name.clone(),
                })
            })
            .collect(),
    )
}

fn draw_availability(target: &Group, blocks: &[Block], dice: &mut Dice) -> Availability {
    match dice.weighted(&[0.60, 0.29, 0.08, 0.03]) {
        0 => Availability::always(blocks),
        1 => {
            let mut days: BTreeSet<Day> = target.slots.iter().map(|s| s.day).collect();
            if dice.chance(0.5) {
                days.insert(WEEKDAYS[dice.below(WEEKDAYS.len())]);
            }
            whole_days(&days, blocks)
        }
        2 => Availability(
            WEEKDAYS
                .iter()
                .flat_map(|d| {
                    blocks
                        .iter()
                        .filter(|b| b.name.as_str() != "evening")
                        .map(move |b| Slot {
                            day: *d,
                            block: b.name.clone(),
                        })
                })
                .collect(),
        ),
        _ => {
            let mut days = BTreeSet::new();
            let want = 2 + dice.below(2);
            while days.len() < want {
                days.insert(WEEKDAYS[dice.below(WEEKDAYS.len())]);
            }
            whole_days(&days, blocks)
        }
    }
}

/// `count` more students of one profile living at `location`, drawn the way [`students`]
/// draws them (law, availability around a group of that cell when there is one). Ids are
/// left empty for the caller. Drawn one after another, so the first `n` of a larger count
/// are the same students.
pub fn more(
    count: usize,
    profile: &Profile,
    location: &Location,
    groups: &[Group],
    blocks: &[Block],
    dice: &mut Dice,
) -> Vec<Student> {
    let cell: Vec<&Group> = groups
        .iter()
        .filter(|g| &g.profile == profile && &g.location == location)
        .collect();
    (0..count)
        .map(|_| {
            let law = if dice.chance(0.15) {
                Law::Wi2013
            } else {
                Law::Wi2021
            };
            let available = match dice.pick(&cell) {
                Some(target) => draw_availability(target, blocks, dice),
                None => Availability::always(blocks),
            };
            Student {
                id: StudentId::new(""),
                profile: profile.clone(),
                law,
                locations: vec![location.clone()],
                location_order: LocationOrder::Preference,
                available,
                pinned: None,
            }
        })
        .collect()
}

/// `total` students with ids `S00001`..., in random order.
pub fn students(
    total: usize,
    sites: &[Site],
    groups: &[Group],
    blocks: &[Block],
    dice: &mut Dice,
) -> Vec<Student> {
    let mut cells: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (gi, g) in groups.iter().enumerate() {
        let site = sites.iter().position(|s| s.location == g.location);
        if let (Some(s), Some(p)) = (site, profile_index(&g.profile)) {
            cells.entry((s, p)).or_default().push(gi);
        }
    }
    let weights: Vec<f64> = cells
        .iter()
        .map(|((_, p), gs)| {
            f64::from(standard_max(PROFILES[*p].size_class))
                * gs.len() as f64
                * dice.uniform(0.85, 1.2)
        })
        .collect();
    let counts = apportion(total, &weights, 0);
    let mut out = Vec::with_capacity(total);
    for (((site, profile), gs), count) in cells.iter().zip(counts) {
        let elsewhere: Vec<usize> = cells
            .keys()
            .filter(|(s, p)| p == profile && s != site)
            .map(|(s, _)| *s)
            .collect();
        for _ in 0..count {
            let Some(target) = dice.pick(gs).and_then(|&g| groups.get(g)) else {
                continue;
            };
            let mut locations: Vec<Location> = vec![sites[*site].location.clone()];
            if dice.chance(0.25) {
                if let Some(&other) = dice.pick(&elsewhere) {
                    locations.push(sites[other].location.clone());
                }
            }
            out.push(Student {
                id: StudentId::new(""),
                profile: Profile::new(PROFILES[*profile].name),
                law: if dice.chance(0.15) {
                    Law::Wi2013
                } else {
                    Law::Wi2021
                },
                locations,
                location_order: LocationOrder::Preference,
                available: draw_availability(target, blocks, dice),
                pinned: None,
            });
        }
    }
    dice.shuffle(&mut out);
    let width = out.len().to_string().len().max(5);
    for (i, s) in out.iter_mut().enumerate() {
        s.id = StudentId::new(format!("S{:0width$}", i + 1));
    }
    pin_some(&mut out, groups, dice);
    out
}

/// About 3% of the students pinned to a mandatory group they fit, at most a quarter of the
/// group's standard maximum each, as planners do for students already started.
fn pin_some(students: &mut [Student], groups: &[Group], dice: &mut Dice) {
    let wanted = (students.len() as f64 * 0.03).round() as usize;
    let wanted = if students.len() >= 20 {
        wanted.max(1)
    } else {
        wanted
    };
    let mut order: Vec<usize> = (0..students.len()).collect();
    dice.shuffle(&mut order);
    let mut pins: BTreeMap<CourseCode, u32> = BTreeMap::new();
    let mut done = 0;
    for i in order {
        if done >= wanted {
            break;
        }
        let s = &students[i];
        let room = |g: &Group| {
            let class = profile_index(&g.profile).map_or("NT2/B1", |p| PROFILES[p].size_class);
            pins.get(&g.course_code).copied().unwrap_or(0) < standard_max(class) / 4
        };
        let fitting: Vec<&Group> = groups
            .iter()
            .filter(|g| !g.optional && s.fits(g) && room(g))
            .collect();
        if let Some(g) = dice.pick(&fitting) {
            let code = g.course_code.clone();
            *pins.entry(code.clone()).or_default() += 1;
            students[i].pinned = Some(code);
            done += 1;
        }
    }
}
