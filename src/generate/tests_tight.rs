//! The promises of `--tight`: another school than without it, with single days off, groups
//! with their own dates, lessons in the overlapping midday block and weekly maxima that
//! bind; a dated plant the checker accepts; the same bytes for the same seed.

use super::tests::fingerprint;
use super::*;
use crate::domain::{Group, Placement, RuleSet, Schedule, StudentId, TimetableRow};

use chrono::Datelike;
use std::collections::{BTreeMap, BTreeSet};

fn made(size: &str, seed: u64, tight: bool) -> GeneratedInstance {
    let spec = SizeSpec::named(size).expect("a named size");
    generate_with(
        &spec,
        seed,
        Options {
            tight,
            ..Options::default()
        },
    )
    .expect("generation succeeds")
}

fn rules() -> RuleSet {
    crate::rules::builtins()
        .into_iter()
        .find(|r| r.name == RULES)
        .expect("built in")
}

#[test]
fn tight_is_deterministic_and_another_school() {
    for size in ["small", "medium"] {
        let a = made(size, 1, true);
        let b = made(size, 1, true);
        assert_eq!(a.files, b.files, "{size}");
        assert_eq!(a.dated, b.dated, "{size}");
        let plain = made(size, 1, false);
        assert_ne!(a.files, plain.files, "{size}");
        assert!(plain.dated.is_empty());
        assert!(a.files[0].1.contains("seed 1, tight)"), "{}", a.files[0].1);
    }
}

/// `instances/medium-tight` is made from these bytes: when the fingerprint changes, so do
/// the benchmark's tight instances. Update it only on purpose, and say so in the commit.
#[test]
fn tight_fixed_seeds_keep_their_bytes() {
    let got: Vec<(&str, u64)> = ["small", "medium"]
        .into_iter()
        .map(|size| (size, fingerprint(&made(size, 1, true).files)))
        .collect();
    assert_eq!(
        got,
        vec![
            ("small", 10399893953815512531),
            ("medium", 10920739783456106464)
        ]
    );
}

#[test]
fn tight_has_single_days_own_dates_midday_and_binding_maxima() {
    for (size, seed) in [("medium", 1), ("medium", 2), ("large", 1)] {
        let x = made(size, seed, true);
        let i = &x.instance;
        let s = &i.school;
        let label = format!("{size}/{seed}");
        // Single days off, many of them, on open days; a few whole weeks besides.
        let single: Vec<_> = i.unavailability.iter().filter(|u| u.from == u.to).collect();
        assert!(
            single.len() * 4 >= i.teachers.len(),
            "{label}: {}",
            single.len()
        );
        assert!(single.iter().all(|u| s.is_open(u.from)), "{label}");
        assert!(i.unavailability.iter().any(|u| u.to > u.from), "{label}");
        // Groups with their own dates, among them one ending and another starting the next
        // teaching week at the same location in the same slots.
        let own = |g: &Group| (g.start, g.end) != (s.term_start, s.term_end);
        let dated = i.groups.iter().filter(|g| own(g)).count();
        assert!(
            dated * 5 >= i.groups.len(),
            "{label}: {dated} with own dates"
        );
        assert!(
            i.groups.iter().any(|g| g.start > s.term_start)
                && i.groups.iter().any(|g| g.end < s.term_end),
            "{label}"
        );
        let follows = |a: &Group, b: &Group| {
            a.location == b.location
                && a.slots == b.slots
                && a.end < b.start
                && (b.start - a.end).num_days() <= 10
        };
        assert!(
            i.groups
                .iter()
                .any(|a| i.groups.iter().any(|b| follows(a, b))),
            "{label}: no successor pair"
        );
        // The midday block overlaps the morning and the afternoon, and is used.
        let block = |n: &str| s.block(n).map(|b| b.time).expect("block");
        assert!(block("midday").overlaps(&block("morning")));
        assert!(block("midday").overlaps(&block("afternoon")));
        let midday = |slot: &Slot| slot.block.as_str() == "midday";
        assert!(
            i.groups.iter().any(|g| g.slots.iter().any(midday)),
            "{label}"
        );
        assert!(
            i.teachers.iter().any(|t| t.available.0.iter().any(midday)),
            "{label}"
        );
        assert!(i.lessons().iter().any(|l| midday(&l.slot)), "{label}");
        // Maxima that bind: planted teachers at their maximum in some ISO week.
        let mut per_week: BTreeMap<(&TeacherId, (i32, u32)), u32> = BTreeMap::new();
        for r in &x.dated {
            if let Some(t) = &r.teacher {
                let w = r.date.iso_week();
                *per_week.entry((t, (w.year(), w.week()))).or_default() += 1;
            }
        }
        let max_of: BTreeMap<&TeacherId, u32> = i
            .teachers
            .iter()
            .filter_map(|t| Some((&t.id, t.max_lessons_per_week?)))
            .collect();
        let mut peak: BTreeMap<&TeacherId, u32> = BTreeMap::new();
        for (&(t, _), &n) in &per_week {
            let p = peak.entry(t).or_default();
            *p = (*p).max(n);
        }
        let at_max = peak
            .iter()
            .filter(|(t, p)| max_of.get(*t) == Some(p))
            .count();
        assert!(at_max >= 2, "{label}: {at_max} teachers at their maximum");
        assert!(
            peak.iter()
                .all(|(t, p)| max_of.get(t).is_some_and(|m| p <= m && *m <= p + 1)),
            "{label}: a maximum below the plant or more than one above its busiest week"
        );
    }
}

/// Pinned students where they are pinned, and a fitting student in every mandatory group
/// that has none yet; everyone else unplaced (a cost, not a violation).
fn placements(i: &Instance) -> Vec<Placement> {
    let mut placed: BTreeMap<&StudentId, &CourseCode> = BTreeMap::new();
    for s in &i.students {
        if let Some(code) = &s.pinned {
            placed.insert(&s.id, code);
        }
    }
    for g in i.groups.iter().filter(|g| !g.optional) {
        if placed.values().any(|c| **c == g.course_code) {
            continue;
        }
        if let Some(s) = i
            .students
            .iter()
            .find(|s| !placed.contains_key(&s.id) && s.fits(g))
        {
            placed.insert(&s.id, &g.course_code);
        }
    }
    i.students
        .iter()
        .map(|s| Placement {
            student: s.id.clone(),
            course_code: placed.get(&s.id).map(|c| (*c).clone()),
        })
        .collect()
}

/// The dated plant of the mandatory groups is a schedule the checker accepts: every
/// lesson given once, no teacher in two lessons that overlap in clock time, none on a day
/// away or above the weekly maximum of an ISO week, 1.7.1a and 1.7.1b met.
#[test]
fn dated_plant_passes_the_checker() {
    for (size, seed) in [("small", 1), ("medium", 1), ("medium", 3), ("large", 1)] {
        let x = made(size, seed, true);
        let i = &x.instance;
        let mandatory: BTreeSet<&CourseCode> = i
            .groups
            .iter()
            .filter(|g| !g.optional)
            .map(|g| &g.course_code)
            .collect();
        let timetable: Vec<TimetableRow> = x
            .dated
            .iter()
            .filter(|r| mandatory.contains(&r.course_code))
            .cloned()
            .collect();
        let schedule = Schedule {
            mentoring: crate::solve::decode::mentors(i, &timetable),
            timetable,
            placements: placements(i),
            observations: Vec::new(),
        };
        let report = crate::check::check(i, &rules(), &schedule).expect("judged");
        let violations: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity() == crate::check::FindingSeverity::Violation)
            .map(|f| format!("{} {}", f.code(), f.message))
            .collect();
        assert!(report.compliant, "{size}/{seed}: {violations:#?}");
        // Every lesson of every group is in the plant, optional ones included.
        assert_eq!(x.dated.len(), i.lessons().len(), "{size}/{seed}");
    }
}

/// The files read back as the instance the generator holds, without errors.
#[test]
fn tight_files_read_back() {
    let x = made("medium", 1, true);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("medium-tight");
    write(&path, &x, false).expect("writes");
    let loaded = crate::validate::load_instance(&path, None).unwrap_or_else(|d| panic!("{d:?}"));
    let back = &loaded.value.instance;
    assert_eq!(back.school.blocks, x.instance.school.blocks);
    assert_eq!(back.groups, x.instance.groups);
    assert_eq!(back.teachers, x.instance.teachers);
    assert_eq!(back.unavailability, x.instance.unavailability);
    assert_eq!(back.lessons(), x.instance.lessons());
}
