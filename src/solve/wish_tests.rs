//! Teachers' wishes (`prefers`, `avoids`, `[weights] teacher_preference`): hand-made schools
//! with their optima worked out here, agreed by every formulation and the brute force, and
//! random wishes on tiny schools against the brute force.

use super::brute::{self, tiny::tiny};
use super::exact_tests::agreed;
use super::lock_tests::{agreed_optimum, no_floor, teachers_of};
use super::*;
use crate::check::fixture::{Fx, slot};
use crate::domain::{CourseCode, Location, Wish};
use proptest::prelude::*;

/// G1 meets five Mondays in the morning at Utrecht; T1 (certified) avoids Monday mornings,
/// T2 prefers Utrecht; no floor, so 1.7.1b alone asks one certified lesson.
fn school(t2_certified: bool) -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true).wishes.avoids = vec![Wish::Slot(slot("mon-morning"))];
    fx.teacher("T2", t2_certified).wishes.prefers = vec![Wish::Location(Location::new("Utrecht"))];
    fx.group("G1", "Utrecht", "B1");
    fx
}

/// The checker's count of (met, broken) per teacher in the schedule `solve` writes.
fn wishes_of(fx: &Fx) -> Vec<(String, u64, u64)> {
    let s = solve(
        &fx.instance,
        &no_floor(),
        &Settings {
            gap: 0.0,
            ..Settings::default()
        },
    )
    .expect("solves");
    let (_, report) = s.schedule.expect("a schedule");
    report
        .wishes
        .iter()
        .map(|w| (w.teacher.to_string(), w.met, w.broken))
        .collect()
}

/// Both certified: T2 gives all five, one teacher (5), and the wish of T1 is kept for free;
/// T2's five lessons at Utrecht meet T2's.
#[test]
fn a_preference_is_kept_when_it_costs_nothing() {
    let fx = school(true);
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(5.0));
    assert_eq!(teachers_of(&fx, &no_floor(), "G1"), ["T2"; 5]);
    assert_eq!(
        wishes_of(&fx),
        [("T1".to_string(), 0, 0), ("T2".to_string(), 5, 0)]
    );
}

/// T2 not certified and non-certified lessons free of cost: 1.7.1b still needs one certified
/// lesson, which only T1 can give: T1 breaks their wish once (2) and G1 has two teachers
/// (10): 12. T1 on all five would cost 10 + 5 = 15.
#[test]
fn a_preference_is_broken_where_a_norm_needs_it_and_no_more() {
    let mut fx = school(false);
    fx.instance.school.weights.non_certified_lesson = 0.0;
    assert_eq!(agreed_optimum(&fx, &no_floor()), Some(12.0));
    assert_eq!(
        wishes_of(&fx),
        [("T1".to_string(), 0, 1), ("T2".to_string(), 4, 0)]
    );
}

/// Random wishes: each teacher of a tiny school sometimes avoids or prefers a course of the
/// school, a location or a slot.
fn with_wishes() -> impl Strategy<Value = brute::tiny::Tiny> {
    (
        tiny(),
        proptest::collection::vec((0usize..8, 0usize..3, 0usize..8, any::<bool>()), 1..=3),
    )
        .prop_map(|(mut t, picks)| {
            let n = t.instance.teachers.len();
            for (tp, kind, what, avoid) in picks {
                let i = &t.instance;
                let group = &i.groups[what % i.groups.len()];
                let wish = match kind {
                    0 => Wish::Course(CourseCode::new(group.course_code.as_str())),
                    1 => Wish::Location(group.location.clone()),
                    _ => Wish::Slot(group.slots[what % group.slots.len()].clone()),
                };
                let w = &mut t.instance.teachers[tp % n].wishes;
                if avoid {
                    w.avoids.push(wish);
                } else {
                    w.prefers.push(wish);
                }
            }
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// With random wishes the class program, lined up or not, and the per-lesson program
    /// reach the brute force's optimum.
    #[test]
    fn with_random_wishes_the_program_reaches_the_brute_force_optimum(t in with_wishes()) {
        agreed(&t.instance, &t.rules)?;
    }
}
