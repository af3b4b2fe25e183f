//! Tiny random schools for the brute force: small enough to enumerate (at most
//! [`MAX_LESSONS`] dated lessons, at most 6 students), rich enough to touch every norm.
//!
//! A term of 2 or 3 weeks; 2 or 3 groups of 1 or 2 weekly slots, each with its own start and
//! end inside the term; a `midday` block (10:30-13:30) that overlaps the morning and the
//! afternoon, so that two groups may clash on some dates only; 2 to 4 teachers, certified or
//! not, narrowed in locations, profiles and weekly slots, with weekly maxima of 1 to 3 and
//! single- and multi-day unavailability; optional groups; up to 6 students, some pinned; an
//! external mentor sometimes. Under either built-in rule set, sometimes with the certified
//! floor lowered (so that 1.7.1b binds alone) and with size classes shrunk to a few students
//! (so that 2.2.1, exception 2 and opening an optional group matter).

use crate::check::fixture::{Fx, addendum, date, handleiding, range, slot};
use crate::domain::{
    Availability, Block, BlockName, Instance, Location, Profile, RuleSet, Share, SizeLimits,
    TeacherId, Unavailability,
};
use proptest::prelude::*;

/// The most dated lessons a tiny instance has.
pub const MAX_LESSONS: usize = 14;

const DAYS: [&str; 3] = ["mon", "tue", "wed"];
const BLOCKS: [&str; 3] = ["morning", "midday", "afternoon"];
const PROFILES: [&str; 2] = ["B1", "Alfa"];
const LOCATIONS: [&str; 2] = ["Utrecht", "Amersfoort"];

/// A tiny instance and the rule set to judge it under.
#[derive(Clone, Debug)]
pub struct Tiny {
    pub instance: Instance,
    pub rules: RuleSet,
}

#[derive(Clone, Debug)]
struct GroupSpec {
    location: usize,
    profile: usize,
    /// Distinct (day, block) indices.
    slots: Vec<(usize, usize)>,
    /// Days after the term's first day, and how many days later it ends.
    start: i64,
    length: i64,
    optional: bool,
    min_size: u32,
}

#[derive(Clone, Debug)]
struct TeacherSpec {
    certified: bool,
    /// Bit masks over LOCATIONS and PROFILES; 0 means all.
    locations: u8,
    profiles: u8,
    /// `None`: always available.
    available: Option<Vec<(usize, usize)>>,
    max_per_week: Option<u32>,
    mentor_capacity: u32,
    /// (first day after the term's start, extra days): 0 extra is a single day.
    away: Vec<(i64, i64)>,
}

#[derive(Clone, Debug)]
struct StudentSpec {
    profile: usize,
    locations: Vec<usize>,
    available: Option<Vec<(usize, usize)>>,
    /// A wish to be pinned to this group, kept only if the student fits it.
    pin: Option<usize>,
}

#[derive(Clone, Debug)]
struct RulesSpec {
    addendum: bool,
    /// 0: the rule set's own floor; 1: 50%; 2: no floor.
    floor: u8,
    /// (standard_max, extra room under exception 2) for every size class.
    sizes: Option<(u32, u32)>,
    overflow_requires_full_groups: bool,
}

#[derive(Clone, Debug)]
struct Spec {
    weeks: i64,
    locations: usize,
    groups: Vec<GroupSpec>,
    teachers: Vec<TeacherSpec>,
    students: Vec<StudentSpec>,
    external_mentor: Option<u32>,
    rules: RulesSpec,
}

fn slots(min: usize, max: usize) -> impl Strategy<Value = Vec<(usize, usize)>> {
    proptest::collection::btree_set((0..DAYS.len(), 0..BLOCKS.len()), min..=max)
        .prop_map(|s| s.into_iter().collect())
}

fn group() -> impl Strategy<Value = GroupSpec> {
    (
        0..2usize,
        0..2usize,
        prop_oneof![1 => slots(1, 1), 2 => slots(2, 2)],
        0..8i64,
        6..21i64,
        prop::bool::weighted(0.35),
        prop_oneof![6 => Just(0u32), 1 => 1..=2u32],
    )
        .prop_map(
            |(location, profile, slots, start, length, optional, min_size)| GroupSpec {
                location,
                profile,
                slots,
                start,
                length,
                optional,
                min_size,
            },
        )
}

fn teacher() -> impl Strategy<Value = TeacherSpec> {
    (
        prop::bool::weighted(0.6),
        prop_oneof![3 => Just(0u8), 1 => 1..4u8],
        prop_oneof![3 => Just(0u8), 1 => 1..4u8],
        prop::option::weighted(0.3, slots(3, 9)),
        prop::option::weighted(0.6, 1..=3u32),
        0..=2u32,
        proptest::collection::vec((0..21i64, prop_oneof![Just(0i64), 1..=4i64]), 0..=2),
    )
        .prop_map(
            |(certified, locations, profiles, available, max_per_week, mentor_capacity, away)| {
                TeacherSpec {
                    certified,
                    locations,
                    profiles,
                    available,
                    max_per_week,
                    mentor_capacity,
                    away,
                }
            },
        )
}

fn student() -> impl Strategy<Value = StudentSpec> {
    (
        0..2usize,
        prop_oneof![
            Just(vec![0]),
            Just(vec![1]),
            Just(vec![0, 1]),
            Just(vec![1, 0])
        ],
        prop::option::weighted(0.3, slots(2, 9)),
        prop::option::weighted(0.25, 0..3usize),
    )
        .prop_map(|(profile, locations, available, pin)| StudentSpec {
            profile,
            locations,
            available,
            pin,
        })
}

fn rules() -> impl Strategy<Value = RulesSpec> {
    (
        any::<bool>(),
        prop_oneof![2 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
        prop::option::weighted(0.6, (1..=2u32, 0..=2u32)),
        prop::bool::weighted(0.7),
    )
        .prop_map(
            |(addendum, floor, sizes, overflow_requires_full_groups)| RulesSpec {
                addendum,
                floor,
                sizes,
                overflow_requires_full_groups,
            },
        )
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        2..=3i64,
        1..=2usize,
        proptest::collection::vec(group(), 2..=3),
        proptest::collection::vec(teacher(), 2..=4),
        proptest::collection::vec(student(), 0..=6),
        prop::option::weighted(0.3, 0..=2u32),
        rules(),
    )
        .prop_map(
            |(weeks, locations, groups, teachers, students, external_mentor, rules)| Spec {
                weeks,
                locations,
                groups,
                teachers,
                students,
                external_mentor,
                rules,
            },
        )
}

/// Tiny random instances with at most [`MAX_LESSONS`] lessons.
pub fn tiny() -> impl Strategy<Value = Tiny> {
    spec()
        .prop_map(|s| build(&s))
        .prop_filter("at most MAX_LESSONS lessons", |t| {
            t.instance.lessons().len() <= MAX_LESSONS
        })
}

fn slot_of((d, b): (usize, usize)) -> crate::domain::Slot {
    slot(&format!("{}-{}", DAYS[d], BLOCKS[b]))
}

fn availability(fx: &Fx, spec: &Option<Vec<(usize, usize)>>) -> Availability {
    match spec {
        None => Availability::always(&fx.instance.school.blocks),
        Some(s) => Availability(s.iter().copied().map(slot_of).collect()),
    }
}

fn build(spec: &Spec) -> Tiny {
    let mut fx = Fx::new();
    let term_start = date("2025-09-01");
    // The Friday of the last week.
    let term_end = term_start + chrono::Duration::days(7 * spec.weeks - 3);
    let school = &mut fx.instance.school;
    school.term_start = term_start;
    school.term_end = term_end;
    // Before anyone is added: `Availability::always` covers the blocks there are.
    school.blocks.insert(
        1,
        Block {
            name: BlockName::new("midday"),
            time: range((10, 30), (13, 30)),
        },
    );
    let loc = |i: usize| LOCATIONS[i % spec.locations];
    for (gi, g) in spec.groups.iter().enumerate() {
        let group = fx.group(
            &format!("G{}", gi + 1),
            loc(g.location),
            PROFILES[g.profile],
        );
        group.slots = g.slots.iter().copied().map(slot_of).collect();
        group.start = (term_start + chrono::Duration::days(g.start)).min(term_end);
        group.end = (group.start + chrono::Duration::days(g.length)).min(term_end);
        group.optional = g.optional;
        group.min_size = g.min_size;
    }
    for (ti, t) in spec.teachers.iter().enumerate() {
        let id = format!("T{}", ti + 1);
        let available = availability(&fx, &t.available);
        let teacher = fx.teacher(&id, t.certified);
        if t.locations != 0 {
            teacher.locations = (0..spec.locations)
                .filter(|i| t.locations & (1 << i) != 0)
                .map(|i| Location::new(LOCATIONS[i]))
                .collect();
        }
        if t.profiles != 0 {
            teacher.profiles = (0..PROFILES.len())
                .filter(|i| t.profiles & (1 << i) != 0)
                .map(|i| Profile::new(PROFILES[i]))
                .collect();
        }
        teacher.available = available;
        teacher.max_lessons_per_week = t.max_per_week;
        teacher.mentor_capacity = if t.certified { t.mentor_capacity } else { 0 };
        for (from, extra) in &t.away {
            let from = term_start + chrono::Duration::days(*from);
            fx.instance.unavailability.push(Unavailability {
                teacher: TeacherId::new(&id),
                from,
                to: from + chrono::Duration::days(*extra),
                reason: "weg".into(),
            });
        }
    }
    for (si, s) in spec.students.iter().enumerate() {
        let available = availability(&fx, &s.available);
        let student = fx.student(&format!("S{}", si + 1), PROFILES[s.profile]);
        let mut locations: Vec<Location> =
            s.locations.iter().map(|i| Location::new(loc(*i))).collect();
        locations.dedup();
        student.locations = locations;
        student.available = available;
        let pin = s.pin.and_then(|g| fx.instance.groups.get(g)).cloned();
        let student = fx.instance.students.last_mut().expect("just added");
        if let Some(g) = pin.filter(|g| student.fits(g)) {
            student.pinned = Some(g.course_code);
        }
    }
    if let Some(capacity) = spec.external_mentor {
        fx.external_mentor("M1", capacity);
    }
    Tiny {
        instance: fx.instance,
        rules: rule_set(&spec.rules),
    }
}

fn rule_set(spec: &RulesSpec) -> RuleSet {
    let mut rules = if spec.addendum {
        addendum()
    } else {
        handleiding()
    };
    match spec.floor {
        1 => rules.min_certified_share = Share(5000),
        2 => rules.min_certified_share = Share(0),
        _ => {}
    }
    if let Some((standard_max, room)) = spec.sizes {
        let temporary_max = if spec.addendum {
            standard_max + room
        } else {
            standard_max
        };
        for limits in rules.size_classes.values_mut() {
            *limits = SizeLimits {
                standard_max,
                temporary_max,
            };
        }
    }
    rules.overflow_requires_full_groups = spec.overflow_requires_full_groups;
    rules
}
