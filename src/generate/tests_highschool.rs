//! The promises of `--size highschool`: the same bytes for the same seed, the shape of the
//! issue (one week of about 1,400 lessons in periods and overlapping double periods, 60
//! teachers in narrow qualification groups, about 65% certified, every student pinned),
//! files that read back without errors or warnings, and a plant the checker accepts under
//! the school's own rule set.

use super::tests::fingerprint;
use super::*;
use crate::domain::{Placement, RuleSet, Schedule, TimetableRow};
use std::collections::{BTreeMap, BTreeSet};

/// Made once and shared: the tests below all look at seed 1 (seed 2 where they compare).
fn high_school(seed: u64) -> GeneratedInstance {
    static ONE: std::sync::OnceLock<GeneratedInstance> = std::sync::OnceLock::new();
    let make = || generate(&SizeSpec::named("highschool").expect("named"), seed).expect("made");
    if seed == 1 {
        ONE.get_or_init(make).clone()
    } else {
        make()
    }
}

fn rules(name: &str) -> RuleSet {
    crate::rules::builtins()
        .into_iter()
        .find(|r| r.name == name)
        .expect("built in")
}

#[test]
fn highschool_same_seed_same_bytes_other_seed_other_school() {
    let a = high_school(1);
    let again = generate(&SizeSpec::named("highschool").expect("named"), 1).expect("made");
    assert_eq!(a.files, again.files);
    assert_eq!(a.planted, again.planted);
    assert_ne!(a.files, high_school(2).files);
    assert!(a.files[0].1.contains("(size highschool, seed 1)"));
}

/// `instances/highschool` is made from these bytes: when the fingerprint changes, so does
/// the benchmark instance. Update it only on purpose, and say so in the commit.
#[test]
fn highschool_fixed_seed_keeps_its_bytes() {
    assert_eq!(fingerprint(&high_school(1).files), 11571276229460136220);
}

#[test]
fn highschool_has_the_shape_of_the_issue() {
    let x = high_school(1);
    let i = &x.instance;
    let s = &i.school;
    assert_eq!(s.rules, "handleiding-2024");
    assert_eq!(i.school.locations.len(), 1);
    assert_eq!(
        (s.term_end - s.term_start).num_days(),
        4,
        "Monday to Friday"
    );
    assert!(
        (1_350..=1_450).contains(&x.summary.lessons),
        "{}",
        x.summary
    );
    assert_eq!(x.summary.lessons, i.lessons().len());
    assert_eq!(i.teachers.len(), 60);
    let certified = i.teachers.iter().filter(|t| t.is_certified()).count();
    assert!((37..=41).contains(&certified), "{certified} certified");
    // 45-minute periods, and double periods lying over two of them.
    let block = |n: &str| s.block(n).map(|b| b.time).expect("block");
    assert_eq!(block("p1").minutes(), 45);
    assert_eq!(block("d12").minutes(), 90);
    assert!(block("d12").overlaps(&block("p1")) && block("d12").overlaps(&block("p2")));
    let doubles = i
        .lessons()
        .iter()
        .filter(|l| l.time.minutes() == 90)
        .count();
    assert!(
        doubles * 30 >= x.summary.lessons,
        "{doubles} double lessons"
    );
    // Narrow qualification groups: many profiles, a few per teacher, a few teachers each.
    let profiles: BTreeSet<&Profile> = i.groups.iter().map(|g| &g.profile).collect();
    assert!(profiles.len() >= 55, "{} profiles", profiles.len());
    assert_eq!(profiles.len(), s.profiles.len());
    for t in &i.teachers {
        assert!(
            (1..=9).contains(&t.profiles.len()),
            "{}: {:?}",
            t.id,
            t.profiles
        );
    }
    let mut teachers_of: BTreeMap<&Profile, usize> = BTreeMap::new();
    for t in &i.teachers {
        for p in &t.profiles {
            *teachers_of.entry(p).or_default() += 1;
        }
    }
    let median = {
        let mut v: Vec<usize> = teachers_of.values().copied().collect();
        v.sort();
        v[v.len() / 2]
    };
    assert!((2..=8).contains(&median), "{median} teachers per profile");
    // Courses of several lessons, each its own course code; all students pinned.
    let several = i.groups.iter().filter(|g| g.slots.len() >= 2).count();
    assert!(
        several * 10 >= i.groups.len() * 8,
        "{several} of {}",
        i.groups.len()
    );
    assert!(i.students.iter().all(|st| st.pinned.is_some()));
    assert_eq!(x.summary.pinned_students, i.students.len());
    let mut size: BTreeMap<&CourseCode, u32> = BTreeMap::new();
    for st in &i.students {
        if let Some(code) = &st.pinned {
            *size.entry(code).or_default() += 1;
        }
    }
    let limits = rules(highschool::RULES).size_classes;
    for g in &i.groups {
        let n = size.get(&g.course_code).copied().unwrap_or(0);
        let max = limits[s.size_class(&g.profile)].standard_max;
        assert!((1..=max).contains(&n), "{}: {n} students", g.course_code);
    }
}

/// The files read back as the instance the generator holds, without errors and without
/// warnings.
#[test]
fn highschool_files_read_back_without_warnings() {
    let x = high_school(1);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("highschool");
    write(&path, &x, false).expect("writes");
    let loaded = crate::validate::load_instance(&path, None).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let back = &loaded.value.instance;
    assert_eq!(back.school.blocks, x.instance.school.blocks);
    assert_eq!(back.school.profiles, x.instance.school.profiles);
    assert_eq!(back.groups, x.instance.groups);
    assert_eq!(back.teachers, x.instance.teachers);
    assert_eq!(back.students, x.instance.students);
    assert_eq!(loaded.value.rules.name, highschool::RULES);
}

/// The plant is a schedule the checker accepts under handleiding-2024: every lesson once,
/// no teacher in two lessons that overlap in clock time (periods and double periods), each
/// where, what and when they may and within their weekly maximum, at least 80% of the
/// lessons certified and a certified lesson in every course, every student where pinned.
#[test]
fn highschool_plant_passes_the_checker() {
    let x = high_school(1);
    let i = &x.instance;
    let teacher_of: BTreeMap<(&CourseCode, &Slot), &TeacherId> = x
        .planted
        .iter()
        .map(|p| ((&p.course_code, &p.slot), &p.teacher))
        .collect();
    assert_eq!(teacher_of.len(), x.planted.len(), "a slot planted twice");
    let timetable: Vec<TimetableRow> = i
        .lessons()
        .into_iter()
        .map(|l| TimetableRow {
            teacher: teacher_of
                .get(&(&l.course_code, &l.slot))
                .map(|t| (*t).clone()),
            course_code: l.course_code,
            date: l.date,
            time: l.time,
            location: l.location,
            room: None,
        })
        .collect();
    assert!(timetable.iter().all(|r| r.teacher.is_some()));
    assert_eq!(timetable.len(), x.planted.len());
    let schedule = Schedule {
        mentoring: crate::solve::decode::mentors(i, &timetable),
        placements: i
            .students
            .iter()
            .map(|s| Placement {
                student: s.id.clone(),
                course_code: s.pinned.clone(),
            })
            .collect(),
        timetable,
        observations: Vec::new(),
    };
    let report = crate::check::check(i, &rules(highschool::RULES), &schedule).expect("judged");
    let findings: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code(), f.message))
        .collect();
    assert!(report.compliant, "{findings:#?}");
    // Non-certified teachers carry at most a fifth, and the certified ones are busy.
    let certified: BTreeSet<&TeacherId> = i
        .teachers
        .iter()
        .filter(|t| t.is_certified())
        .map(|t| &t.id)
        .collect();
    let by_certified = x
        .planted
        .iter()
        .filter(|p| certified.contains(&p.teacher))
        .count();
    assert!(by_certified * 5 >= x.planted.len() * 4);
}

#[test]
fn highschool_refuses_tight() {
    let spec = SizeSpec::named("highschool").expect("named");
    assert!(spec.is_high_school() && spec.weeks() == 1);
    assert!(matches!(
        generate_with(
            &spec,
            1,
            Options {
                tight: true,
                ..Options::default()
            }
        ),
        Err(GenerateError::Unsupported(_))
    ));
    assert!(!SizeSpec::named("xl").expect("named").is_high_school());
}
