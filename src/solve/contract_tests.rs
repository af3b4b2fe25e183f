//! Contract hours (`teachers.csv`) in the program: hand-made schools with their optima
//! worked out here, and tiny random schools with random contract hours against the brute
//! force and the per-lesson program.

use super::brute::{self, tiny::tiny};
use super::exact_tests::agreed;
use super::lock_tests::{agreed_optimum, no_floor, teachers_of};
use super::*;
use crate::check::fixture::{Fx, date, slot};
use crate::domain::{Contract, TeacherId, Unavailability, week_of};
use crate::outcome::diagnosis::Rule;
use crate::testing::english;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// G1 meets Monday and Wednesday mornings for two weeks (1-12 September: weeks 36 and 37,
/// two lessons each); certified T1, non-certified T2; no floor (1.7.1b still asks one
/// certified lesson). Without contracts T1 gives all four: one teacher, 5.
fn school() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    let g = fx.group("G1", "Utrecht", "B1");
    g.slots = vec![slot("mon-morning"), slot("wed-morning")];
    g.end = date("2025-09-12");
    fx
}

fn contract(fx: &mut Fx, teacher: usize, c: Contract) {
    fx.instance.teachers[teacher].contract = c;
}

/// Lessons per ISO week of `teacher` in G1, in the schedule `solve` writes.
fn per_week(fx: &Fx, teacher: &str) -> Vec<usize> {
    let given = teachers_of(fx, &no_floor(), "G1");
    let dates = ["2025-09-01", "2025-09-03", "2025-09-08", "2025-09-10"];
    let mut weeks: BTreeMap<_, usize> = BTreeMap::new();
    for (d, t) in dates.iter().zip(&given) {
        *weeks.entry(week_of(date(d))).or_default() += usize::from(t == teacher);
    }
    weeks.into_values().collect()
}

/// T2 is paid for one lesson a week: T2 gives one lesson in each week, two non-certified
/// lessons (20) and a second teacher (5): 5 + 20 + 5 = 30. T1 keeps the other two, so G1
/// has its certified lesson.
#[test]
fn a_weekly_minimum_forces_a_non_certified_teacher_in() {
    let mut fx = school();
    let rules = no_floor();
    assert_eq!(agreed_optimum(&fx, &rules), Some(5.0));
    contract(
        &mut fx,
        1,
        Contract {
            min_per_week: Some(1),
            ..Contract::default()
        },
    );
    assert_eq!(agreed_optimum(&fx, &rules), Some(30.0));
    assert_eq!(per_week(&fx, "T2"), [1, 1]);
}

/// T2 is away all of week 37 (8-12 September), which then asks nothing of the weekly
/// minimum of 1: T2 gives one lesson of week 36 only, 5 + 10 + 5 = 20. A term minimum of 3
/// is capped at the two lessons T2 could give (week 36), which the weekly minimum does not
/// ask: 5 + 20 + 5 = 30, T2 on both lessons of week 36.
#[test]
fn a_week_away_asks_nothing_and_a_term_minimum_asks_at_most_what_could_be_given() {
    let mut fx = school();
    fx.instance.unavailability.push(Unavailability {
        teacher: TeacherId::new("T2"),
        from: date("2025-09-08"),
        to: date("2025-09-12"),
        reason: "leave".into(),
    });
    let weekly = Contract {
        min_per_week: Some(1),
        ..Contract::default()
    };
    contract(&mut fx, 1, weekly);
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(20.0));
    assert_eq!(per_week(&fx, "T2"), [1, 0]);
    contract(
        &mut fx,
        1,
        Contract {
            min_per_term: Some(3),
            ..weekly
        },
    );
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(30.0));
    assert_eq!(per_week(&fx, "T2"), [2, 0]);
}

/// T1 may give at most 3 lessons in the term: the fourth goes to T2, 5 + 10 + 5 = 20.
#[test]
fn a_term_maximum_hands_a_lesson_to_another_teacher() {
    let mut fx = school();
    contract(
        &mut fx,
        0,
        Contract {
            max_per_term: Some(3),
            ..Contract::default()
        },
    );
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(20.0));
    assert_eq!(per_week(&fx, "T2").iter().sum::<usize>(), 1);
}

/// T1 must give all four lessons (a term minimum of 4) and T2 one a week: six lessons asked
/// of four, so two must give way. No schedule, proven by every formulation and the brute
/// force, and the diagnosis names the contract hours with a teacher and a week.
#[test]
fn minimums_that_cannot_all_hold_are_infeasible_and_the_diagnosis_names_teacher_and_week() {
    let mut fx = school();
    contract(
        &mut fx,
        0,
        Contract {
            min_per_term: Some(4),
            ..Contract::default()
        },
    );
    contract(
        &mut fx,
        1,
        Contract {
            min_per_week: Some(1),
            ..Contract::default()
        },
    );
    assert_eq!(agreed_optimum(&fx, &no_floor()), None);
    let s = solve(&fx.instance, &no_floor(), &Settings::default()).expect("solves");
    let Status::Infeasible { diagnosis } = s.status else {
        panic!("not infeasible: {:?}", s.status);
    };
    let named: Vec<_> = diagnosis
        .relaxation
        .iter()
        .filter(|r| r.rule == Rule::ContractHours)
        .collect();
    assert_eq!(named.len(), 1, "{:?}", diagnosis.relaxation);
    assert!(
        english(named[0]).contains("contract minimums"),
        "{}",
        english(named[0])
    );
    assert!(
        named[0].facts.iter().any(|f| f.teacher.is_some()
            && (!f.weeks.is_empty() || f.teacher == Some(TeacherId::new("T1")))),
        "{:?}",
        named[0].facts
    );
    assert_eq!(diagnosis.must_give_way, Some(2.0));
}

/// Random contract hours on up to three teachers of a tiny school (on 200 of them the
/// optimum changes on 29, 17 of which become infeasible): a weekly minimum of 1 or
/// 2, a term minimum of 1 to 6, a term maximum of 1 to 6, each sometimes; a term minimum
/// above the maximum is dropped (validation refuses it, E415).
fn with_contracts() -> impl Strategy<Value = brute::tiny::Tiny> {
    (
        tiny(),
        proptest::collection::vec(
            (
                0usize..8,
                prop::option::weighted(0.7, 1..=2u32),
                prop::option::weighted(0.4, 1..=6u32),
                prop::option::weighted(0.4, 1..=6u32),
            ),
            1..=3,
        ),
    )
        .prop_map(|(mut t, picks)| {
            let n = t.instance.teachers.len();
            for (tp, min_week, min_term, max_term) in picks {
                let teacher = &mut t.instance.teachers[tp % n];
                let min_week =
                    min_week.filter(|m| teacher.max_lessons_per_week.is_none_or(|max| *m <= max));
                let min_term = min_term.filter(|m| max_term.is_none_or(|max| *m <= max));
                teacher.contract = Contract {
                    min_per_week: min_week,
                    min_per_term: min_term,
                    max_per_term: max_term,
                };
            }
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// With random contract hours, the class program, lined up or not, reaches the brute
    /// force's optimum and is infeasible exactly when the brute force finds nothing; so does
    /// the per-lesson program.
    #[test]
    fn with_random_contract_hours_the_program_reaches_the_brute_force_optimum(t in with_contracts()) {
        agreed(&t.instance, &t.rules)?;
    }

    /// The constructive first schedule, when it finds one, keeps every contract: the
    /// checker accepts it.
    #[test]
    fn the_constructive_schedule_keeps_random_contract_hours(t in with_contracts()) {
        let instance = t.instance.in_id_order();
        if let Ok(schedule) = construct::construct(&instance, &t.rules, 1) {
            let report = check::check(&instance, &t.rules, &schedule).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert!(report.compliant, "{:?}", report.findings);
        }
    }
}
