//! Balanced groups (`[weights] size_imbalance`): hand-made schools with their optima worked
//! out here, agreed by every formulation and the brute force, and random tiny schools with
//! the weight on against the brute force.

use super::brute::{self, tiny::tiny};
use super::exact_tests::{BACKENDS, exact, optimum};
use super::lock_tests::{agreed_optimum, no_floor};
use super::*;
use crate::check::fixture::{Fx, slot};
use crate::domain::Availability;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// G1 (Monday mornings) and G2 (Tuesday mornings) at Utrecht, B1, both running; certified T1
/// gives both (two teachers per group pairs: 10). S1..S4 fit both groups; S5 and S6 only
/// G1 (Mondays). `monday_only` more of S1..S4 are available on Mondays only too.
fn school(monday_only: usize, weight: f64) -> Fx {
    let mut fx = Fx::new();
    fx.instance.school.weights.size_imbalance = weight;
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1").slots = vec![slot("tue-morning")];
    for i in 1..=6 {
        let s = fx.student(&format!("S{i}"), "B1");
        if i > 4 || i <= monday_only {
            s.available = Availability(BTreeSet::from([slot("mon-morning")]));
        }
    }
    fx
}

/// The sizes of G1 and G2 in the schedule `solve` writes.
fn sizes(fx: &Fx) -> (usize, usize) {
    let settings = Settings {
        gap: 0.0,
        ..Settings::default()
    };
    let s = solve(&fx.instance, &no_floor(), &settings).expect("solves");
    let Some((schedule, report)) = s.schedule else {
        panic!("no schedule: {:?}", s.status);
    };
    assert!(report.compliant, "{:?}", report.findings);
    let of = |code: &str| {
        schedule
            .placements
            .iter()
            .filter(|p| p.course_code.as_ref().is_some_and(|c| c.as_str() == code))
            .count()
    };
    (of("G1"), of("G2"))
}

/// Without the weight nothing tells the four free students where to go: the cost is 10 for
/// any split. At 1 per student of difference they go 1 to G1 and 3 to G2: 3 and 3, no
/// imbalance, still 10.
#[test]
fn an_imbalance_is_removed_where_nothing_heavier_needs_it() {
    assert_eq!(agreed_optimum(&school(0, 0.0), &no_floor()), Some(10.0));
    let fx = school(0, 1.0);
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(10.0));
    assert_eq!(sizes(&fx), (3, 3));
}

/// With all six students available on Mondays only, G2 must run empty: a difference of 6
/// that nothing can remove, 10 + 6 = 16; the students are not left out for it (placing
/// one outweighs the imbalance by far).
#[test]
fn an_imbalance_gives_way_to_placing_students() {
    let fx = school(4, 1.0);
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(16.0));
    assert_eq!(sizes(&fx), (6, 0));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// With balanced groups weighed, the class program, lined up or not, and the per-lesson
    /// program reach the brute force's optimum (whose cost the checker's count confirms).
    #[test]
    fn with_balanced_groups_weighed_the_program_reaches_the_brute_force_optimum(
        mut t in tiny(),
        weight in 1..=3u32,
    ) {
        t.instance.school.weights.size_imbalance = f64::from(weight);
        let brute = brute::optimum(&t.instance, &t.rules).map(|b| b.cost);
        for &backend in BACKENDS {
            for (formulation, line_up) in [
                (Formulation::Class, true),
                (Formulation::Lesson, true),
            ] {
                let s = exact(&t.instance, &t.rules, backend, formulation, line_up)?;
                let got = optimum(&t.instance, &t.rules, &s)?;
                prop_assert_eq!(got, brute, "{} {} lined up {}", backend.name(), formulation.name(), line_up);
            }
        }
    }
}
