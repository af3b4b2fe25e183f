//! The start against its referees: the checker on every checked-in instance and on random
//! schools, the brute force on tiny ones (never a schedule where none exists), and the
//! same schedule for the same input and seed.

use super::*;
use crate::check::fixture::{Fx, addendum, handleiding};
use crate::solve::brute::{self, tiny::tiny};
use crate::solve::proptests::{build, rules_of, school};
use crate::testing::root;
use crate::validate::load_instance;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

fn load(name: &str) -> (Instance, RuleSet) {
    let loaded = load_instance(&root().join("instances").join(name), None)
        .unwrap_or_else(|_| panic!("instances/{name} loads"))
        .value;
    (loaded.instance, loaded.rules)
}

/// The violations the checker finds in `schedule` (none expected).
fn violations(instance: &Instance, rules: &RuleSet, schedule: &Schedule) -> Vec<String> {
    let report = check::check(instance, rules, schedule).expect("the start can be judged");
    report
        .findings
        .iter()
        .filter(|f| f.severity() == check::FindingSeverity::Violation)
        .map(|f| format!("{} {}", f.code().as_str(), f.message))
        .collect()
}

#[test]
fn every_checked_in_instance_gets_a_start_the_checker_accepts() {
    for name in [
        "demo",
        "small",
        "medium",
        "large",
        "medium-tight",
        "large-tight",
    ] {
        starts_clean(name);
    }
}

/// xl apart, so that it runs beside the others: about 6 s in a debug build.
#[test]
fn the_xl_instance_gets_a_start_the_checker_accepts() {
    starts_clean("xl");
}

/// The high school: every lesson must be given, in a week where the few teachers of a
/// subject are all busy at the same hour; its lessons were found only once the ejection
/// chains could move a double lesson off two single ones and hand one teacher two lessons.
#[test]
fn the_high_school_gets_a_start_the_checker_accepts() {
    starts_clean("highschool");
}

fn starts_clean(name: &str) {
    let (instance, rules) = load(name);
    let schedule =
        construct(&instance, &rules, 0).unwrap_or_else(|stuck| panic!("instances/{name}: {stuck}"));
    let found = violations(&instance, &rules, &schedule);
    assert!(found.is_empty(), "instances/{name}: {found:?}");
}

#[test]
fn the_same_instance_and_seed_give_the_same_schedule_whatever_the_row_order() {
    let (instance, rules) = load("medium");
    let a = construct(&instance, &rules, 7).expect("a start");
    let b = construct(&instance, &rules, 7).expect("a start");
    assert_eq!(a, b);
    let mut reversed = instance.clone();
    reversed.teachers.reverse();
    reversed.groups.reverse();
    reversed.students.reverse();
    reversed.unavailability.reverse();
    assert_eq!(construct(&reversed, &rules, 7).expect("a start"), a);
}

#[test]
fn a_school_without_a_teacher_for_a_lesson_is_stuck_on_that_lesson() {
    let mut fx = Fx::new();
    fx.teacher("T1", true).available = Default::default();
    fx.group("G1", "Utrecht", "B1");
    let stuck = construct(&fx.instance, &addendum(), 0).expect_err("no teacher");
    assert!(
        matches!(&stuck, Stuck::Lesson { course, .. } if course.as_str() == "G1"),
        "{stuck}"
    );
}

#[test]
fn a_certified_teacher_visits_the_course_a_non_certified_one_gives() {
    // C1 gives G1 on Mondays and is free on Tuesdays; G2 meets on Mondays and Tuesdays,
    // N1 can give all of it, C1 only its Tuesdays (and is busy on Mondays with G1).
    let mut fx = Fx::new();
    fx.teacher("C1", true).max_lessons_per_week = Some(2);
    fx.teacher("N1", false);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1").slots = vec![
        crate::check::fixture::slot("mon-morning"),
        crate::check::fixture::slot("tue-morning"),
    ];
    let schedule = construct(&fx.instance, &addendum(), 0).expect("a start");
    assert!(violations(&fx.instance, &addendum(), &schedule).is_empty());
    let certified_in_g2 = schedule
        .timetable
        .iter()
        .filter(|r| r.course_code.as_str() == "G2")
        .filter(|r| r.teacher.as_ref().is_some_and(|t| t.as_str() == "C1"))
        .count();
    assert!(certified_in_g2 >= 1);
}

/// What [`construct`] makes of a tiny school, against the brute force: a schedule only
/// where one exists, one the checker accepts, never cheaper than the optimum. Whether the
/// brute force found a schedule, and whether `construct` did.
fn against_brute(t: &brute::tiny::Tiny, seed: u64) -> Result<(bool, bool), TestCaseError> {
    let brute = brute::optimum(&t.instance, &t.rules);
    match construct(&t.instance, &t.rules, seed) {
        Ok(schedule) => {
            let found = violations(&t.instance, &t.rules, &schedule);
            prop_assert!(found.is_empty(), "{:?}", found);
            prop_assert!(
                brute.is_some(),
                "a schedule where the brute force finds none"
            );
            if let Some(best) = brute {
                let cost = check::cost(&t.instance, &t.rules, &schedule).total;
                prop_assert!(
                    cost >= best.cost - 1e-9,
                    "{cost} below the optimum {}",
                    best.cost
                );
            }
            Ok((true, true))
        }
        Err(Stuck::Rejected { codes }) => Err(TestCaseError::fail(format!("rejected {codes:?}"))),
        Err(_) => Ok((brute.is_some(), false)),
    }
}

/// The same on 1000 tiny schools drawn from a fixed seed, counting how often a start is
/// found where the brute force finds a schedule (printed; nothing is asserted about it).
#[test]
fn on_tiny_schools_from_a_fixed_seed_count_how_often_a_start_is_found() {
    let mut runner = TestRunner::deterministic();
    let strategy = tiny();
    let (mut feasible, mut found) = (0u32, 0u32);
    let cases = 1000;
    for seed in 0..cases {
        let t = strategy
            .new_tree(&mut runner)
            .expect("a tiny school")
            .current();
        let (exists, got) = against_brute(&t, seed).unwrap_or_else(|e| panic!("{e} on {t:?}"));
        feasible += u32::from(exists);
        found += u32::from(got);
    }
    eprintln!(
        "construct found a start for {found} of the {feasible} tiny schools (of {cases}) that \
         have a schedule"
    );
    // Measured 2026-12-01: 508 of 512. A change that finds fewer is a regression (fewer
    // starts for the search and for microlp); one that finds more raises these numbers.
    assert_eq!(feasible, 512, "the tiny schools of the fixed seed changed");
    assert!(found >= 508, "a start for only {found} of {feasible}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// On tiny random schools: whatever `construct` returns passes the checker and costs
    /// no less than the optimum, and it returns nothing where the brute force proves that
    /// nothing exists.
    #[test]
    fn on_tiny_schools_the_start_is_compliant_and_never_where_the_brute_force_finds_none(
        t in tiny(),
        seed in 0..4u64,
    ) {
        against_brute(&t, seed)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// On the random schools of the solver's property tests (up to 30 students): a start
    /// is compliant or it is stuck, never rejected.
    #[test]
    fn every_start_on_a_random_school_passes_the_checker(spec in school(), seed in 0..4u64) {
        let fx = build(&spec);
        let rules = rules_of(&spec);
        match construct(&fx.instance, &rules, seed) {
            Ok(schedule) => {
                let found = violations(&fx.instance, &rules, &schedule);
                prop_assert!(found.is_empty(), "{:?}", found);
            }
            Err(Stuck::Rejected { codes }) => prop_assert!(false, "rejected: {:?}", codes),
            Err(_) => {}
        }
    }
}

/// Three groups on the same Monday mornings, two certified teachers (C1, C2) and a
/// non-certified one (N1): at most 2 of 3 lessons a week certified, 66.6% < 80%.
pub(super) fn three_groups_two_certified() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("C2", true);
    fx.teacher("N1", false);
    for g in ["G1", "G2", "G3"] {
        fx.group(g, "Utrecht", "B1");
    }
    fx
}

#[test]
fn under_the_handleiding_a_school_short_of_certified_teachers_is_stuck_on_the_share() {
    let fx = three_groups_two_certified();
    let stuck = construct(&fx.instance, &handleiding(), 0).expect_err("80% cannot be met");
    assert!(matches!(stuck, Stuck::Share { .. }), "{stuck}");
    let schedule = construct(&fx.instance, &addendum(), 0).expect("60% can");
    assert!(violations(&fx.instance, &addendum(), &schedule).is_empty());
}

/// Times and costs on the checked-in instances, against the optima `solve` proves (HiGHS,
/// gap 0; xl: the best bound of a 90 s run). Run with
/// `cargo test --release --lib construct::tests::measure -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure() {
    let optima = [
        ("demo", 22475.0),
        ("small", 170.0),
        ("medium", 41358.0),
        ("large", 325587.0),
        ("medium-tight", 40903.0),
        ("large-tight", 345011.0),
        ("xl", 917690.0),
        // Not an optimum: the bound of `solve::bound` (HiGHS's best in 60 s is higher).
        ("highschool", 5635.0),
    ];
    for (name, optimum) in optima {
        let (instance, rules) = load(name);
        let started = std::time::Instant::now();
        let result = construct(&instance, &rules, 0);
        let took = started.elapsed();
        match result {
            Ok(schedule) => {
                let cost = check::cost(&instance, &rules, &schedule);
                eprintln!(
                    "{name}: {:.3} s, cost {} ({:+.3}% against {optimum}): {cost:?}",
                    took.as_secs_f64(),
                    cost.total,
                    100.0 * (cost.total - optimum) / optimum
                );
            }
            Err(stuck) => eprintln!("{name}: {:.3} s, stuck: {stuck}", took.as_secs_f64()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// With rooms: on tiny schools with one to three rooms of 1 to 4 seats, the start gives
    /// every lesson a room the checker accepts (never C163 or a clash), and is found only
    /// where the brute force finds a schedule, never cheaper than its optimum.
    #[test]
    fn with_rooms_the_start_is_compliant_and_never_where_the_brute_force_finds_none(
        t in crate::solve::room_tests::with_rooms(),
        seed in 0..4u64,
    ) {
        against_brute(&t, seed)?;
    }
}

/// medium and large with the rooms of `generate --rooms` (about 1.3 rooms for every group
/// meeting at once at a location): the start gives every lesson a room (before the rooms
/// step the checker rejected it, C163, and xl with rooms waited 23 s for the restriction),
/// and every group of large keeps one room for all of its lessons.
#[test]
fn the_generated_schools_with_rooms_get_a_start_every_lesson_of_which_has_a_room() {
    for name in ["medium", "large"] {
        let (mut instance, rules) = load(name);
        instance.rooms = crate::generate::rooms_for(&instance.groups, &instance.school.blocks);
        let schedule = construct(&instance, &rules, 0)
            .unwrap_or_else(|stuck| panic!("instances/{name} with rooms: {stuck}"));
        let found = violations(&instance, &rules, &schedule);
        assert!(found.is_empty(), "instances/{name} with rooms: {found:?}");
        assert!(schedule.timetable.iter().all(|r| r.room.is_some()));
        let mut rooms: std::collections::BTreeMap<_, std::collections::BTreeSet<_>> =
            Default::default();
        for r in &schedule.timetable {
            rooms
                .entry(&r.course_code)
                .or_default()
                .insert(r.room.clone());
        }
        let moving = rooms.values().filter(|r| r.len() > 1).count();
        eprintln!(
            "instances/{name} with rooms: {moving} of {} groups change rooms",
            rooms.len()
        );
    }
}
