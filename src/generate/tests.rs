//! The generator's promises, checked on the files' source data: determinism, the sizes, a
//! feasible planted staffing, fitting pins and students, dates inside the term and the rule
//! set, and an atomic write.

use super::*;
use crate::domain::{Group, Teacher};
use std::collections::{BTreeMap, BTreeSet};

fn made(size: &str, seed: u64) -> GeneratedInstance {
    let spec = SizeSpec::named(size).expect("a named size");
    generate(&spec, seed).expect("generation succeeds")
}

/// `xl` takes seconds in a debug build: made once and shared.
fn xl() -> &'static GeneratedInstance {
    static XL: std::sync::OnceLock<GeneratedInstance> = std::sync::OnceLock::new();
    XL.get_or_init(|| made("xl", 1))
}

fn made_or_xl(size: &str, seed: u64) -> GeneratedInstance {
    if size == "xl" {
        xl().clone()
    } else {
        made(size, seed)
    }
}

fn teacher_can(t: &Teacher, g: &Group, slot: &Slot) -> bool {
    t.locations.contains(&g.location) && t.profiles.contains(&g.profile) && t.available.allows(slot)
}

#[test]
fn same_seed_same_bytes_other_seed_other_school() {
    for size in ["small", "medium"] {
        let a = made(size, 7);
        let b = made(size, 7);
        assert_eq!(a.files, b.files, "{size}");
        let c = made(size, 8);
        assert_ne!(a.files, c.files, "{size}");
        let names: Vec<&str> = a.files.iter().map(|(n, _)| n.as_str()).collect();
        let expected = [
            "school.toml",
            "teachers.csv",
            "groups.csv",
            "students.csv",
            "mentors.csv",
            "unavailability.csv",
        ];
        assert_eq!(names, expected);
    }
}

/// FNV-1a over every file's name and bytes: simple, and the same on every platform.
pub(super) fn fingerprint(files: &[(String, String)]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, text) in files {
        for b in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Fingerprints of fixed size and seed: when one changes, every benchmark instance made
/// from a seed changes too (and on another machine it would mean lost determinism). Update
/// them only on purpose, and say so in the commit.
#[test]
fn fixed_seeds_keep_their_bytes() {
    let got: Vec<(&str, u64)> = [("small", 1), ("medium", 1)]
        .into_iter()
        .map(|(size, seed)| (size, fingerprint(&made(size, seed).files)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("small", 17791588949835733813),
            ("medium", 4540244530983946373)
        ]
    );
}

#[test]
fn counts_match_each_named_size() {
    let expect = [
        ("small", 1, 6, 8, 90),
        ("medium", 3, 30, 40, 500),
        ("large", 8, 100, 120, 1800),
        ("xl", 25, 400, 450, 7000),
    ];
    for (size, l, g, t, s) in expect {
        let x = made_or_xl(size, 3);
        let i = &x.instance;
        assert_eq!(
            (
                i.school.locations.len(),
                i.groups.len(),
                i.teachers.len(),
                i.students.len()
            ),
            (l, g, t, s),
            "{size}"
        );
        assert_eq!(x.summary.lessons, i.lessons().len());
        let weeks = SizeSpec::named(size).expect("size").weeks() as usize;
        let holiday = usize::from(i.school.closed.iter().any(|c| c.reason == "herfstvakantie"));
        let days = (i.school.term_end - i.school.term_start).num_days() as usize + 3;
        assert_eq!(days / 7, weeks + holiday, "{size}: {} weeks", days / 7);
        let optional = i.groups.iter().filter(|g| g.optional).count() as f64 / g as f64;
        assert!(
            (0.15..=0.26).contains(&optional),
            "{size}: optional share {optional}"
        );
        let uncertified = i.teachers.iter().filter(|t| !t.is_certified()).count();
        let (lo, hi) = (
            (t as f64 * 0.25).floor() as usize,
            (t as f64 * 0.35).ceil() as usize,
        );
        assert!(
            (lo..=hi).contains(&uncertified),
            "{size}: {uncertified} of {t} not certified"
        );
        let main = i.school.main_location.as_str();
        assert!(names::CITIES.iter().any(|(c, _)| *c == main));
    }
}

#[test]
fn pinned_students_fit_their_group() {
    for seed in 0..5 {
        let x = made("medium", seed);
        let pinned: Vec<_> = x
            .instance
            .students
            .iter()
            .filter(|s| s.pinned.is_some())
            .collect();
        assert!(!pinned.is_empty());
        for s in pinned {
            let code = s.pinned.as_ref().expect("pinned");
            let g = x.instance.group(code).expect("the pinned group exists");
            assert!(s.fits(g) && !g.optional, "{} in {}", s.id, g.course_code);
        }
    }
}

#[test]
fn every_date_lies_in_the_term_and_the_rule_set() {
    let rules = crate::rules::builtins()
        .into_iter()
        .find(|r| r.name == RULES)
        .expect("built in");
    for (size, seed) in [("small", 1), ("small", 4), ("medium", 2), ("xl", 1)] {
        let x = made_or_xl(size, seed);
        let s = &x.instance.school;
        assert!(
            rules.covers(s.term_start) && rules.covers(s.term_end),
            "{size}"
        );
        for c in &s.closed {
            assert!(s.term_start <= c.from && c.to <= s.term_end);
        }
        for g in &x.instance.groups {
            assert!(s.term_start <= g.start && g.end <= s.term_end);
        }
        for u in &x.instance.unavailability {
            assert!(s.term_start <= u.from && u.to <= s.term_end && s.is_open(u.from));
        }
        assert!(
            x.instance
                .lessons()
                .iter()
                .all(|l| rules.covers(l.date) && s.is_open(l.date))
        );
    }
}

/// The planted staffing is a valid weekly plan: every slot of every group once, each
/// teacher only where, what and when they may, within their maximum, at least one
/// certified lesson per course and about 70% certified lessons among mandatory groups.
#[test]
fn planted_staffing_proves_feasibility() {
    for (size, seed) in [
        ("small", 1),
        ("small", 2),
        ("medium", 1),
        ("large", 5),
        ("xl", 2),
    ] {
        let x = made_or_xl(size, seed);
        let i = &x.instance;
        let teachers: BTreeMap<&TeacherId, &Teacher> =
            i.teachers.iter().map(|t| (&t.id, t)).collect();
        let mut seen = BTreeSet::new();
        let mut busy = BTreeSet::new();
        let mut load: BTreeMap<&TeacherId, u32> = BTreeMap::new();
        let (mut certified, mut all) = (0, 0);
        for p in &x.planted {
            let g = i.group(&p.course_code).expect("group");
            let t = teachers[&p.teacher];
            assert!(g.slots.contains(&p.slot) && seen.insert((&p.course_code, &p.slot)));
            assert!(
                teacher_can(t, g, &p.slot),
                "{size}/{seed}: {} in {} {}",
                t.id,
                g.course_code,
                p.slot
            );
            assert!(
                busy.insert((&p.teacher, &p.slot)),
                "{} twice in {}",
                t.id,
                p.slot
            );
            *load.entry(&p.teacher).or_default() += 1;
            if !g.optional {
                all += 1;
                certified += usize::from(t.is_certified());
            }
        }
        for g in i.groups.iter().filter(|g| !g.optional) {
            let mine: Vec<_> = x
                .planted
                .iter()
                .filter(|p| p.course_code == g.course_code)
                .collect();
            assert_eq!(
                mine.len(),
                g.slots.len(),
                "{size}/{seed}: {} not fully staffed",
                g.course_code
            );
            assert!(
                mine.iter().any(|p| teachers[&p.teacher].is_certified()),
                "{}",
                g.course_code
            );
        }
        for (t, n) in load {
            assert!(Some(n) <= teachers[t].max_lessons_per_week);
        }
        let share = certified as f64 / all as f64;
        assert!(
            (0.65..=0.80).contains(&share),
            "{size}/{seed}: planted share {share}"
        );
        let non_certified = i.teachers.iter().filter(|t| !t.is_certified()).count() as u32;
        let capacity: u32 = i.teachers.iter().map(|t| t.mentor_capacity).sum::<u32>()
            + i.mentors.iter().map(|m| m.capacity).sum::<u32>();
        assert!(capacity >= non_certified);
        assert!(
            i.teachers
                .iter()
                .filter(|t| !t.is_certified())
                .all(|t| t.mentor_capacity == 0)
        );
    }
}

#[test]
fn people_fit_groups_and_demand_matches_capacity() {
    for (size, seed) in [("small", 1), ("medium", 3), ("large", 1), ("xl", 4)] {
        let i = made_or_xl(size, seed).instance;
        for t in &i.teachers {
            assert!(
                i.groups
                    .iter()
                    .any(|g| g.slots.iter().any(|s| teacher_can(t, g, s))),
                "{size}: {} fits nothing",
                t.id
            );
        }
        let unfit = i
            .students
            .iter()
            .filter(|s| !i.groups.iter().any(|g| s.fits(g)))
            .count();
        assert!(
            unfit * 25 <= i.students.len(),
            "{size}/{seed}: {unfit} students fit no group"
        );
        let mut demand: BTreeMap<(&Location, &Profile), (u32, u32)> = BTreeMap::new();
        for g in &i.groups {
            demand.entry((&g.location, &g.profile)).or_default().1 +=
                standard_max(i.school.size_class(&g.profile));
        }
        for s in &i.students {
            if let Some(home) = s.locations.first() {
                demand.entry((home, &s.profile)).or_default().0 += 1;
            }
        }
        let (students, seats) = demand
            .values()
            .fold((0, 0), |(a, b), (s, c)| (a + s, b + c));
        let ratio = f64::from(students) / f64::from(seats);
        assert!(
            (0.75..=1.15).contains(&ratio),
            "{size}: {students} students for {seats} seats"
        );
        assert!(
            demand.values().all(|(s, c)| *c > 0 && s * 2 <= c * 3),
            "{size}: {demand:?}"
        );
    }
}

#[test]
fn sizes_are_checked() {
    assert!(matches!(
        SizeSpec::named("huge"),
        Err(GenerateError::UnknownSize(_))
    ));
    assert!(SizeSpec::custom(0, 1, 1, 1, 4).is_err());
    assert!(SizeSpec::custom(3, 2, 5, 10, 4).is_err());
    assert!(SizeSpec::custom(1, 2, 2, 10, MAX_WEEKS + 1).is_err());
    let tiny = SizeSpec::custom(1, 1, 1, 5, 1).expect("a tiny school");
    let x = generate(&tiny, 9).expect("generates");
    assert_eq!((x.instance.groups.len(), x.instance.teachers.len()), (1, 1));
    assert!(x.instance.teachers[0].is_certified());
    let wide = SizeSpec::custom(names::CITIES.len(), 80, 60, 900, MAX_WEEKS).expect("wide");
    assert_eq!(
        generate(&wide, 1)
            .expect("generates")
            .instance
            .school
            .locations
            .len(),
        names::CITIES.len()
    );
}

/// The most weekly lessons of mandatory groups that certified teachers could give (a max
/// flow: lesson -> teacher's free weekly slot -> teacher within their maximum), as a share.
fn certified_ceiling(i: &Instance) -> f64 {
    let lessons: Vec<(&Group, &Slot)> = i
        .groups
        .iter()
        .filter(|g| !g.optional)
        .flat_map(|g| g.slots.iter().map(move |s| (g, s)))
        .collect();
    let certified: Vec<&Teacher> = i.teachers.iter().filter(|t| t.is_certified()).collect();
    // Nodes: source, lessons, (teacher, slot) pairs, teachers, sink.
    let mut pair_index: BTreeMap<(usize, &Slot), usize> = BTreeMap::new();
    let base = 1 + lessons.len();
    for (li, (g, s)) in lessons.iter().enumerate() {
        let _ = li;
        for (ti, t) in certified.iter().enumerate() {
            if teacher_can(t, g, s) {
                let n = pair_index.len();
                pair_index.entry((ti, *s)).or_insert(base + n);
            }
        }
    }
    let teacher_base = base + pair_index.len();
    let sink = teacher_base + certified.len();
    let mut graph = super::ceiling::Flow::new(sink + 1);
    for (li, (g, s)) in lessons.iter().enumerate() {
        graph.edge(0, 1 + li, 1);
        for (ti, t) in certified.iter().enumerate() {
            if teacher_can(t, g, s) {
                graph.edge(1 + li, pair_index[&(ti, *s)], 1);
            }
        }
    }
    for (&(ti, _), &node) in &pair_index {
        graph.edge(node, teacher_base + ti, 1);
    }
    for (ti, t) in certified.iter().enumerate() {
        graph.edge(
            teacher_base + ti,
            sink,
            i64::from(t.max_lessons_per_week.unwrap_or(99)),
        );
    }
    graph.max_flow(0, sink) as f64 / lessons.len() as f64
}

/// Certified teachers can give more than the plant (an optimizer has room) but not
/// everything: the 80% aim is a real aim, sometimes out of reach.
#[test]
fn certified_ceiling_leaves_the_aim_open() {
    for (size, seed) in [
        ("small", 1),
        ("small", 2),
        ("medium", 1),
        ("medium", 2),
        ("large", 1),
    ] {
        let x = made_or_xl(size, seed);
        let ceiling = certified_ceiling(&x.instance);
        assert!(
            (0.70..=0.95).contains(&ceiling),
            "{size}/{seed}: ceiling {ceiling:.3}"
        );
    }
}
