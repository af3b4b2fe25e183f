//! Turning drafts into the people of the files: teachers with names and registers, external
//! mentors, and a few weeks of unavailability that a substitute can cover.

use super::dice::Dice;
use super::groups::{PROFILES, Site, profile_index};
use super::names::{ABSENCE_REASONS, FIRST_NAMES, SURNAMES};
use super::staff::{Draft, Planted};
use crate::domain::{
    Availability, ExternalMentor, Group, MentorId, Profile, Register, Teacher, TeacherId,
    Unavailability,
};
use chrono::{Days, NaiveDate};
use std::collections::BTreeSet;

/// Draws full names without repeats (as long as the lists allow).
pub struct NameBook(BTreeSet<String>);

impl NameBook {
    pub fn new() -> Self {
        NameBook(BTreeSet::new())
    }

    pub fn draw(&mut self, dice: &mut Dice) -> String {
        let mut name = String::new();
        for _ in 0..20 {
            let first = dice.pick(FIRST_NAMES).copied().unwrap_or("Anna");
            let last = dice.pick(SURNAMES).copied().unwrap_or("de Vries");
            name = format!("{first} {last}");
            if !self.0.contains(&name) {
                break;
            }
        }
        self.0.insert(name.clone());
        name
    }
}

/// A teacher nobody planted still fits some group (else validation warns W501): give them
/// the profile and one slot of a group at their home location.
pub fn make_useful(d: &mut Draft, sites: &[Site], groups: &[Group], dice: &mut Dice) {
    let fits = |d: &Draft, g: &Group| {
        sites
            .iter()
            .position(|s| s.location == g.location)
            .is_some_and(|s| d.sites.contains(&s))
            && profile_index(&g.profile).is_some_and(|p| d.profiles.contains(&p))
            && g.slots.iter().any(|s| d.available.contains(s))
    };
    if groups.iter().any(|g| fits(d, g)) {
        return;
    }
    let home = d
        .sites
        .first()
        .and_then(|&s| sites.get(s))
        .map(|s| s.location.clone());
    let local: Vec<&Group> = groups
        .iter()
        .filter(|g| Some(&g.location) == home.as_ref())
        .collect();
    if let Some(g) = dice.pick(&local) {
        if let Some(p) = profile_index(&g.profile) {
            if !d.profiles.contains(&p) {
                if d.profiles.len() >= 3 {
                    d.profiles.pop();
                }
                d.profiles.push(p);
            }
        }
        if let Some(slot) = g.slots.first() {
            d.available.insert(slot.clone());
        }
    }
}

/// The teachers as the domain knows them, with ids `T001`...
pub fn teachers(
    drafts: &[Draft],
    sites: &[Site],
    names: &mut NameBook,
    dice: &mut Dice,
) -> Vec<Teacher> {
    let width = drafts.len().to_string().len().max(3);
    drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let register = if !d.certified {
                Register::None
            } else if dice.chance(0.6) {
                Register::Bvnt2
            } else {
                Register::Kwaliteitsregister
            };
            let mentor_capacity = if d.certified {
                dice.weighted(&[0.3, 0.45, 0.25]) as u32
            } else {
                0
            };
            Teacher {
                id: TeacherId::new(format!("T{:0width$}", i + 1)),
                name: names.draw(dice),
                register,
                locations: d
                    .sites
                    .iter()
                    .filter_map(|&s| sites.get(s))
                    .map(|s| s.location.clone())
                    .collect(),
                profiles: d
                    .profiles
                    .iter()
                    .filter_map(|&p| PROFILES.get(p))
                    .map(|p| Profile::new(p.name))
                    .collect(),
                max_lessons_per_week: Some(d.max),
                available: Availability(d.available.clone()),
                mentor_capacity,
                contract: Default::default(),
                wishes: Default::default(),
            }
        })
        .collect()
}

/// A few external mentors (about one per twenty non-certified teachers), then enough
/// mentor capacity in total that every non-certified teacher can be supervised.
pub fn mentors(
    teachers: &mut [Teacher],
    names: &mut NameBook,
    dice: &mut Dice,
) -> Vec<ExternalMentor> {
    let non_certified = teachers.iter().filter(|t| !t.is_certified()).count();
    let count = 1 + non_certified / 20;
    let width = count.to_string().len().max(2);
    let mut mentors: Vec<ExternalMentor> = (0..count)
        .map(|i| ExternalMentor {
            id: MentorId::new(format!("M{:0width$}", i + 1)),
            name: names.draw(dice),
            capacity: dice.between(2, 4),
        })
        .collect();
    let capacity = |ts: &[Teacher], ms: &[ExternalMentor]| -> usize {
        ts.iter().map(|t| t.mentor_capacity as usize).sum::<usize>()
            + ms.iter().map(|m| m.capacity as usize).sum::<usize>()
    };
    while capacity(teachers, &mentors) < non_certified {
        let open: Vec<usize> = (0..teachers.len())
            .filter(|&i| teachers[i].is_certified() && teachers[i].mentor_capacity < 2)
            .collect();
        match dice.pick(&open) {
            Some(&i) => teachers[i].mentor_capacity += 1,
            None => match mentors.first_mut() {
                Some(m) => m.capacity += 1,
                None => break,
            },
        }
    }
    mentors
}

/// About 5% of the teachers (at least one) away for one teaching week, chosen only where
/// every planted lesson of that week has a substitute: same location and profile, available
/// and free in that slot, below their weekly maximum. The substitute's slot stays reserved,
/// so two absences never count on the same free hour.
pub fn unavailability(
    drafts: &mut [Draft],
    teachers: &[Teacher],
    planted: &[Planted],
    groups: &[Group],
    sites: &[Site],
    weeks: &[NaiveDate],
    dice: &mut Dice,
) -> Vec<Unavailability> {
    let wanted = ((drafts.len() as f64 * 0.05).round() as usize).max(1);
    let mut candidates: Vec<usize> = (0..drafts.len()).collect();
    dice.shuffle(&mut candidates);
    let mut out = Vec::new();
    for t in candidates {
        if out.len() >= wanted {
            break;
        }
        let mut trial = drafts.to_vec();
        let covered = planted.iter().filter(|p| p.teacher == t).all(|p| {
            let g = &groups[p.group];
            let site = sites.iter().position(|s| s.location == g.location);
            let profile = profile_index(&g.profile);
            let sub = (0..trial.len()).find(|&u| {
                let d = &trial[u];
                u != t
                    && site.is_some_and(|s| d.sites.contains(&s))
                    && profile.is_some_and(|p| d.profiles.contains(&p))
                    && d.available.contains(&p.slot)
                    && !d.busy.contains(&p.slot)
                    && d.load < d.max
            });
            match sub {
                Some(u) => {
                    trial[u].busy.insert(p.slot.clone());
                    trial[u].load += 1;
                    true
                }
                None => false,
            }
        });
        let (Some(monday), Some(teacher)) = (dice.pick(weeks).copied(), teachers.get(t)) else {
            continue;
        };
        if !covered {
            continue;
        }
        drafts.clone_from_slice(&trial);
        out.push(Unavailability {
            teacher: teacher.id.clone(),
            from: monday,
            to: monday.checked_add_days(Days::new(4)).unwrap_or(monday),
            reason: dice
                .pick(ABSENCE_REASONS)
                .copied()
                .unwrap_or("verlof")
                .to_string(),
        });
    }
    out.sort_by(|a, b| (&a.teacher, a.from).cmp(&(&b.teacher, b.from)));
    out
}
