//! Locks (`locks.csv`) in the program: hand-made schools with their optima worked out here,
//! and tiny random schools with random locks against the brute force and the per-lesson
//! program.

use super::brute::{self, tiny::tiny};
use super::exact_tests::{agreed, compliant};
use super::*;
use crate::check::fixture::{Fx, date, handleiding, slot};
use crate::domain::{CourseCode, Lock, LockRule, Share, TeacherId};
use crate::testing::english;
use proptest::prelude::*;

fn lock(teacher: &str, course: &str, on: Option<&str>, day: Option<&str>, rule: LockRule) -> Lock {
    Lock {
        teacher: TeacherId::new(teacher),
        course_code: CourseCode::new(course),
        slot: on.map(slot),
        date: day.map(date),
        rule,
    }
}

/// The Handleiding with no certified floor, so that 1.7.1b and the costs decide alone (and
/// no mentors are needed).
pub(super) fn no_floor() -> RuleSet {
    let mut rules = handleiding();
    rules.min_certified_share = Share(0);
    rules
}

/// The proven optimum of every formulation with every solver compiled in (lined up and
/// not), which must agree; `None` when each proves infeasibility.
pub(super) fn agreed_optimum(fx: &Fx, rules: &RuleSet) -> Option<f64> {
    agreed(&fx.instance, rules).unwrap_or_else(|e| panic!("{e}"))
}

/// The teachers of a course's lessons in date order, in the schedule `solve` writes.
pub(super) fn teachers_of(fx: &Fx, rules: &RuleSet, code: &str) -> Vec<String> {
    let (schedule, _, _) = compliant(&fx.instance, rules);
    let mut rows: Vec<_> = schedule
        .timetable
        .iter()
        .filter(|r| r.course_code.as_str() == code)
        .collect();
    rows.sort_by_key(|r| (r.date, r.time));
    rows.iter()
        .map(|r| r.teacher.as_ref().map_or("-".into(), |t| t.to_string()))
        .collect()
}

/// G1 meets five Mondays (1-29 September); certified T1, non-certified T2; no floor.
/// Without locks T1 gives all five: no non-certified lesson, one teacher (5): 5. Locking T2
/// to give the lesson of 8 September costs that lesson (10) and a second teacher (5): 20.
/// The lock splits the Monday series on the 8th: the class program must cut it there to
/// agree with the per-lesson program and the brute force.
#[test]
fn a_gives_lock_on_one_date_costs_a_certified_lesson_and_is_kept() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    let rules = no_floor();
    assert_eq!(agreed_optimum(&fx, &rules), Some(5.0));
    fx.instance.locks.push(lock(
        "T2",
        "G1",
        Some("mon-morning"),
        Some("2025-09-08"),
        LockRule::Gives,
    ));
    assert_eq!(agreed_optimum(&fx, &rules), Some(5.0 + 10.0 + 5.0));
    assert_eq!(
        teachers_of(&fx, &rules, "G1"),
        ["T1", "T2", "T1", "T1", "T1"]
    );
}

/// G1 meets Mondays and Wednesdays for two weeks (4 lessons); certified T1, non-certified
/// T2; no floor. Without locks T1 gives all four: 5. T1 `never` on the Wednesday series
/// leaves those two lessons to T2 (20) and G1 gets two teachers (10): 30; 1.7.1b holds by
/// T1's Mondays.
#[test]
fn a_never_lock_on_a_series_forces_another_teacher() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    let g = fx.group("G1", "Utrecht", "B1");
    g.slots = vec![slot("mon-morning"), slot("wed-morning")];
    g.end = date("2025-09-12");
    let rules = no_floor();
    assert_eq!(agreed_optimum(&fx, &rules), Some(5.0));
    fx.instance
        .locks
        .push(lock("T1", "G1", Some("wed-morning"), None, LockRule::Never));
    assert_eq!(agreed_optimum(&fx, &rules), Some(30.0));
    assert_eq!(teachers_of(&fx, &rules, "G1"), ["T1", "T2", "T1", "T2"]);
}

/// A lock on a date only (no slot) covers the lessons of every slot that day: G1 meets
/// Monday morning and afternoon for one week; T1 `gives` on 1 September takes both, and T2
/// `never` the whole course leaves G1 to T1 alone: 5 either way, T1 on both lessons.
#[test]
fn a_date_lock_covers_every_slot_of_that_day() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    let g = fx.group("G1", "Utrecht", "B1");
    g.slots = vec![slot("mon-morning"), slot("mon-afternoon")];
    g.end = date("2025-09-05");
    fx.instance
        .locks
        .push(lock("T2", "G1", None, Some("2025-09-01"), LockRule::Gives));
    assert_eq!(agreed_optimum(&fx, &handleiding()), Some(5.0));
    assert_eq!(teachers_of(&fx, &handleiding(), "G1"), ["T2", "T2"]);
}

/// Locking non-certified T2 to give every lesson of G1 leaves G1 without a certified lesson
/// (1.7.1b): no schedule, proven by every formulation and the brute force.
#[test]
fn a_lock_that_breaks_1_7_1b_makes_the_school_infeasible() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    fx.instance
        .locks
        .push(lock("T2", "G1", None, None, LockRule::Gives));
    assert_eq!(agreed_optimum(&fx, &no_floor()), None);
}

/// The diagnosis of that school names the lock: without it nothing has to give way. A
/// second lock that changes nothing (T1 never on 8 September) is not named.
#[test]
fn the_diagnosis_names_the_lock_that_leaves_no_schedule() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    fx.instance
        .locks
        .push(lock("T2", "G1", None, None, LockRule::Gives));
    fx.instance
        .locks
        .push(lock("T1", "G1", None, Some("2025-09-08"), LockRule::Never));
    let s = solve(&fx.instance, &no_floor(), &Settings::default()).expect("solves");
    let Status::Infeasible { diagnosis } = s.status else {
        panic!("not infeasible: {:?}", s.status);
    };
    let named: Vec<String> = diagnosis
        .relaxation
        .iter()
        .filter(|r| r.rule == crate::outcome::diagnosis::Rule::Locks)
        .map(english)
        .collect();
    assert_eq!(named.len(), 2, "{named:?}");
    assert!(
        named[0].contains("the 2 lock(s) of locks.csv"),
        "{}",
        named[0]
    );
    assert!(named[1].contains("\"T2 gives G1\""), "{}", named[1]);
    let dutch: Vec<String> = diagnosis
        .relaxation
        .iter()
        .filter(|r| r.rule == crate::outcome::diagnosis::Rule::Locks)
        .map(|r| crate::report::reason_text::line(r, crate::report::Lang::Nl))
        .collect();
    assert!(
        dutch[0].starts_with("[vastzettingen] met de 2 vastzetting(en) uit locks.csv"),
        "{}",
        dutch[0]
    );
    assert!(
        dutch[1].contains("als alleen de vastzetting \"T2 gives G1\" vervalt"),
        "{}",
        dutch[1]
    );
}

/// An optional group that stays closed has no lessons, so a `gives` lock on it binds nothing:
/// G2 (optional, nobody to place) stays closed although T2 is locked to give it, and G1
/// costs what it costs without the lock (5).
#[test]
fn a_gives_lock_on_a_closed_optional_group_binds_nothing() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1").optional = true;
    fx.instance
        .locks
        .push(lock("T2", "G2", None, None, LockRule::Gives));
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(5.0));
    assert!(teachers_of(&fx, &no_floor(), "G2").is_empty());
}

/// Up to three random locks on a tiny school: a teacher, a course, and maybe a slot and a
/// date of one of its lessons, by index into what the school has.
fn with_locks() -> impl Strategy<Value = brute::tiny::Tiny> {
    (
        tiny(),
        proptest::collection::vec(
            (0usize..8, 0usize..8, 0usize..8, 0usize..16, any::<bool>()),
            1..=3,
        ),
    )
        .prop_map(|(mut t, picks)| {
            let i = &t.instance;
            let mut locks = Vec::new();
            for (tp, gp, sp, dp, gives) in picks {
                let teacher = &i.teachers[tp % i.teachers.len()];
                let group = &i.groups[gp % i.groups.len()];
                let slot = (sp % 3 != 0).then(|| group.slots[sp % group.slots.len()].clone());
                let dates: Vec<_> = i
                    .lessons_of(group)
                    .into_iter()
                    .filter(|l| slot.as_ref().is_none_or(|s| *s == l.slot))
                    .map(|l| l.date)
                    .collect();
                let date = (dp % 2 == 1 && !dates.is_empty()).then(|| dates[dp % dates.len()]);
                locks.push(Lock {
                    teacher: teacher.id.clone(),
                    course_code: group.course_code.clone(),
                    slot,
                    date,
                    rule: if gives {
                        LockRule::Gives
                    } else {
                        LockRule::Never
                    },
                });
            }
            t.instance.locks = locks;
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// With random locks (on whole courses, series, dates, contradicting each other or not),
    /// the class program, lined up or not, reaches the brute force's optimum and is
    /// infeasible exactly when the brute force finds nothing; so does the per-lesson program.
    #[test]
    fn with_random_locks_the_program_reaches_the_brute_force_optimum(t in with_locks()) {
        agreed(&t.instance, &t.rules)?;
    }

    /// The constructive first schedule, when it finds one, keeps every lock: the checker
    /// accepts it.
    #[test]
    fn the_constructive_schedule_keeps_random_locks(t in with_locks()) {
        let instance = t.instance.in_id_order();
        if let Ok(schedule) = construct::construct(&instance, &t.rules, 1) {
            let report = check::check(&instance, &t.rules, &schedule).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert!(report.compliant, "{:?}", report.findings);
        }
    }
}
