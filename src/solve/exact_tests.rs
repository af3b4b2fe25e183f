//! The fast program against its referees: the brute force on tiny schools, the per-lesson
//! program on small ones, and the three schools of the exact-program issue with their optima
//! worked out by hand (in `brute/tests.rs`, next to the brute force's check of them).

use super::brute::{self, cases, tiny::tiny};
use super::proptests::{build, rules_of, school};
use super::*;
use crate::domain::Share;
use crate::model::Refinement;
use proptest::prelude::*;

/// The solvers compiled in.
pub(super) const BACKENDS: &[Backend] = &[
    Backend::Microlp,
    #[cfg(feature = "highs")]
    Backend::Highs,
];

/// `solve` to a proven optimum (gap 0) with the default settings: the schedule, which the
/// checker must find compliant, its report, and the size of the program that planned it.
pub(super) fn compliant(
    instance: &Instance,
    rules: &RuleSet,
) -> (Schedule, crate::check::CheckReport, Stats) {
    let settings = Settings {
        gap: 0.0,
        ..Settings::default()
    };
    let s = solve(instance, rules, &settings).expect("solves");
    let Some((schedule, report)) = s.schedule else {
        panic!("no schedule: {:?}", s.status);
    };
    assert!(report.compliant, "{:?}", report.findings);
    (schedule, report, s.stats)
}

/// Solves to a proven optimum (gap 0, no time limit) with the classes lined up or not:
/// `solve` takes one way or the other by backend, and both must be exact.
pub(super) fn exact(
    instance: &Instance,
    rules: &RuleSet,
    backend: Backend,
    formulation: Formulation,
    line_up: bool,
) -> Result<Solved, TestCaseError> {
    let settings = Settings {
        backend,
        formulation,
        gap: 0.0,
        ..Settings::default()
    };
    let refinement = Refinement {
        line_up,
        ..Refinement::default()
    };
    let model = model::build(&instance.in_id_order(), rules, formulation, &refinement);
    solve_model(&model, instance, rules, &settings).map_err(|e| {
        let findings = match &e {
            SolveError::CheckerRejected(report) => format!("{:?}", report.findings),
            _ => String::new(),
        };
        TestCaseError::fail(format!("{} failed: {e} {findings}", backend.name()))
    })
}

/// The proven optimum, or `None` for a proven infeasibility; anything else fails. An optimum
/// is the cost of the schedule written, and its bound proves it.
pub(super) fn optimum(
    instance: &Instance,
    rules: &RuleSet,
    s: &Solved,
) -> Result<Option<f64>, TestCaseError> {
    match &s.status {
        Status::Optimal => {
            let Some((schedule, report)) = &s.schedule else {
                return Err(TestCaseError::fail("optimal without a schedule"));
            };
            prop_assert!(report.compliant);
            let cost = check::cost(instance, rules, schedule).total;
            prop_assert_eq!(s.objective, Some(cost));
            prop_assert!(
                s.bound.is_some_and(|b| b > cost - 1.0),
                "bound {:?}",
                s.bound
            );
            Ok(Some(cost))
        }
        Status::Infeasible { .. } => Ok(None),
        other => Err(TestCaseError::fail(format!(
            "gap 0, no limit, ended {other:?}"
        ))),
    }
}

/// The proven optimum of every way the program can go with every solver compiled in (the
/// class program lined up and not, the per-lesson program), each of which must be the brute
/// force's; `None` when each proves infeasibility.
pub(super) fn agreed(instance: &Instance, rules: &RuleSet) -> Result<Option<f64>, TestCaseError> {
    let brute = brute::optimum(instance, rules).map(|b| b.cost);
    for &backend in BACKENDS {
        for (formulation, line_up) in [
            (Formulation::Class, true),
            (Formulation::Class, false),
            (Formulation::Lesson, true),
        ] {
            let s = exact(instance, rules, backend, formulation, line_up)?;
            let got = optimum(instance, rules, &s)?;
            prop_assert_eq!(
                got,
                brute,
                "{} {} lined up {}",
                backend.name(),
                formulation.name(),
                line_up
            );
        }
    }
    Ok(brute)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// On tiny schools (rotations, clashes on some dates, weekly maxima, groups of their own
    /// dates, optional groups, pinned students) the program finds the brute force's optimum
    /// and is infeasible exactly when the brute force finds nothing, lined up or not.
    #[test]
    fn the_program_reaches_the_brute_force_optimum_and_is_infeasible_exactly_when_it_is(
        t in tiny()
    ) {
        let brute = brute::optimum(&t.instance, &t.rules).map(|b| b.cost);
        for &backend in BACKENDS {
            for line_up in [false, true] {
                let s = exact(&t.instance, &t.rules, backend, Formulation::Class, line_up)?;
                let got = optimum(&t.instance, &t.rules, &s)?;
                prop_assert_eq!(got, brute, "{} lined up {}", backend.name(), line_up);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// On small schools (up to 4 groups over 5 weeks, 5 teachers, 30 students) the program
    /// and the per-lesson program reach the same optimum with every solver compiled in.
    #[test]
    fn the_program_and_the_per_lesson_program_reach_the_same_optimum(spec in school()) {
        let fx = build(&spec);
        let rules = rules_of(&spec);
        let mut seen = Vec::new();
        for &backend in BACKENDS {
            for formulation in [Formulation::Class, Formulation::Lesson] {
                let s = exact(&fx.instance, &rules, backend, formulation, true)?;
                seen.push((backend.name(), formulation.name(), optimum(&fx.instance, &rules, &s)?));
            }
        }
        prop_assert!(seen.windows(2).all(|w| w[0].2 == w[1].2), "{seen:?}");
    }
}

/// The optimum of `solve` itself (its own choice of way) on a hand-made school. With
/// `whole_falls_short`, the restriction to whole classes cannot reach it (worse, or no
/// schedule at all); it never claims an optimum either way.
fn solve_reaches(
    fx: &crate::check::fixture::Fx,
    rules: &RuleSet,
    optimum: f64,
    whole_falls_short: bool,
) {
    for &backend in BACKENDS {
        let settings = Settings {
            backend,
            gap: 0.0,
            ..Settings::default()
        };
        let s = solve(&fx.instance, rules, &settings).expect("solves");
        assert_eq!(s.status, Status::Optimal, "{}", backend.name());
        assert_eq!(s.objective, Some(optimum), "{}", backend.name());
        let whole = Settings {
            formulation: Formulation::Segment,
            ..settings
        };
        let w = solve(&fx.instance, rules, &whole).expect("solves");
        if whole_falls_short {
            assert!(
                w.objective.is_none_or(|o| o > optimum),
                "whole classes reach {:?}",
                w.objective
            );
        }
        assert_ne!(w.status, Status::Optimal, "a restriction proves nothing");
    }
}

#[test]
fn rotating_a_certified_teacher_meets_1_7_1b_where_whole_classes_cannot() {
    // Worked out in brute/tests.rs: 40, the certified teacher giving each course one Monday.
    for floor in [Share(5000), Share(0)] {
        let (fx, rules) = cases::rotation(floor);
        solve_reaches(&fx, &rules, 40.0, true);
    }
}

#[test]
fn groups_overlapping_on_some_dates_share_a_teacher_on_the_others() {
    // Worked out in brute/tests.rs: 25, T1 giving three of the four lessons. Classes are cut
    // where a teacher's overlapping lessons change, so whole classes reach it too.
    let (fx, rules) = cases::overlap_on_some_dates();
    solve_reaches(&fx, &rules, 25.0, false);
}

#[test]
fn a_weekly_maximum_freed_when_a_group_ends_is_used() {
    // Worked out in brute/tests.rs: 35, T1 giving B's third lesson after A ended. Classes are
    // cut where a teacher's week changes, so whole classes reach it too.
    let (fx, rules) = cases::weekly_maximum_freed();
    solve_reaches(&fx, &rules, 35.0, false);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The program is a relaxation with the exact objective: the optimal schedule the brute
    /// force finds, written in the program's variables, keeps every row of the program
    /// (lined up or not, and per lesson) and costs exactly what the schedule costs; also
    /// with balanced groups weighed (`size_imbalance` 1 or 2 sometimes).
    #[test]
    fn every_schedule_is_a_solution_of_the_program_at_its_own_cost(
        mut t in tiny(),
        imbalance in prop_oneof![2 => Just(0u32), 1 => 1..=2u32],
    ) {
        t.instance.school.weights.size_imbalance = f64::from(imbalance);
        let Some(best) = brute::optimum(&t.instance, &t.rules) else { return Ok(()) };
        let instance = t.instance.in_id_order();
        for (formulation, line_up) in [
            (Formulation::Class, true),
            (Formulation::Class, false),
            (Formulation::Lesson, true),
        ] {
            let refinement = Refinement { line_up, ..Refinement::default() };
            let m = model::build(&instance, &t.rules, formulation, &refinement);
            let values = model::values_of(&instance, &t.rules, &m, &best.schedule);
            let broken = m.mip.broken_by(&values, 1e-9);
            prop_assert!(broken.is_empty(), "{} lined up {line_up}: {broken:?}", formulation.name());
            prop_assert!((m.mip.objective(&values) - best.cost).abs() < 1e-6);
        }
    }
}
