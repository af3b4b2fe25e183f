//! Rooms (`rooms.csv`) in the program: with rooms `solve` plans with the per-lesson program
//! (exact by construction), which must reach the brute force's optimum; a hand-made school
//! whose optimum is worked out here, and tiny random schools with random rooms.

use super::brute::{self, tiny::tiny};
use super::exact_tests::{BACKENDS, exact, optimum};
use super::lock_tests::agreed_optimum;
use super::*;
use crate::check::fixture::{Fx, addendum, slot};
use crate::domain::{Availability, Location, Room, RoomId, SizeLimits};
use proptest::prelude::*;

fn room(id: &str, at: &str, capacity: u32, slots: &[&str]) -> Room {
    Room {
        id: RoomId::new(id),
        location: Location::new(at),
        capacity,
        available: Availability(slots.iter().map(|s| slot(s)).collect()),
    }
}

/// The addendum with B1 shrunk to a standard maximum of 2 and a temporary one of 3, so that
/// three students overfill a group.
fn small_b1() -> RuleSet {
    let mut rules = addendum();
    rules.size_classes.insert(
        "NT2/B1".into(),
        SizeLimits {
            standard_max: 2,
            temporary_max: 3,
        },
    );
    rules
}

/// G1 (B1, Utrecht, must run) on the five Mondays, G2 (B1, Utrecht, optional) on the five
/// Tuesdays, certified T1 for both, three B1 students who fit both; opening G2 costs 5000.
/// Rooms at Utrecht: U1 (`seats` seats) and U2 (1 seat), both on Monday and Tuesday
/// mornings.
fn school(seats: u32) -> Fx {
    let mut fx = Fx::new();
    fx.instance.school.weights.optional_group_opened = 5000.0;
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.optional = true;
    g2.slots = vec![slot("tue-morning")];
    g2.end = crate::check::fixture::date("2025-09-30");
    for s in ["S1", "S2", "S3"] {
        fx.student(s, "B1");
    }
    fx.instance.rooms = vec![
        room("U1", "Utrecht", seats, &["mon-morning", "tue-morning"]),
        room("U2", "Utrecht", 1, &["mon-morning", "tue-morning"]),
    ];
    fx
}

fn size_of(schedule: &Schedule, code: &str) -> usize {
    schedule
        .placements
        .iter()
        .filter(|p| p.course_code.as_ref().is_some_and(|c| c.as_str() == code))
        .count()
}

/// With a room of 3 seats, G1 takes all three students, one above the standard maximum
/// (1000), T1 (5) and U1 for all five lessons (1): 1006; opening G2 would cost
/// 5000 + 5 + 5 + 1 + 1 = 5012. With 2 seats in U1 (and 1 in U2) G1 cannot hold three: leaving a student
/// out costs 10000, so G2 opens for the third: 5000 + two teacher pairs (10) + two group
/// rooms (2) = 5012, every lesson still in a room that seats its group.
#[test]
fn a_room_too_small_for_the_overfilled_group_opens_a_new_group_instead() {
    let rules = small_b1();
    let big = school(3);
    assert_eq!(agreed_optimum(&big, &rules), Some(1006.0));
    let small = school(2);
    assert_eq!(agreed_optimum(&small, &rules), Some(5012.0));
    let settings = Settings {
        gap: 0.0,
        ..Settings::default()
    };
    let s = solve(&small.instance, &rules, &settings).expect("solves");
    let Some((schedule, report)) = s.schedule else {
        panic!("no schedule: {:?}", s.status);
    };
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(s.stats.classes, 10, "one class per lesson with rooms");
    assert_eq!((size_of(&schedule, "G1"), size_of(&schedule, "G2")), (2, 1));
    assert!(schedule.timetable.iter().all(|r| r.room.is_some()));
}

/// Two groups at the same time at Utrecht and one room: no schedule, also for the brute
/// force; a second room makes it feasible again (each group its own room: 2 rooms + 2
/// teacher pairs of T1 and T2 = 12).
#[test]
fn two_groups_at_once_need_two_rooms() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1").end = crate::check::fixture::date("2025-09-08");
    fx.group("G2", "Utrecht", "B1").end = crate::check::fixture::date("2025-09-08");
    fx.instance.rooms = vec![room("U1", "Utrecht", 20, &["mon-morning"])];
    let rules = small_b1();
    assert_eq!(agreed_optimum(&fx, &rules), None);
    fx.instance
        .rooms
        .push(room("U2", "Utrecht", 20, &["mon-morning"]));
    assert_eq!(agreed_optimum(&fx, &rules), Some(12.0));
}

/// A tiny random school with one or two rooms per location, of 1 to 4 seats, available
/// always or in some of the tiny school's slots; at most 8 lessons (the brute force tries
/// every room of every lesson). About half of them have no schedule (a group without a
/// room that can hold it), the rest mostly a cost the rooms change.
fn with_rooms() -> impl Strategy<Value = brute::tiny::Tiny> {
    (
        tiny().prop_filter("at most 8 lessons", |t| t.instance.lessons().len() <= 8),
        proptest::collection::vec(
            (
                0usize..2,
                1..=4u32,
                prop::option::weighted(0.4, proptest::collection::vec(0usize..9, 1..=6)),
            ),
            1..=3,
        ),
    )
        .prop_map(|(mut t, specs)| {
            let locations: Vec<Location> = t.instance.school.locations.iter().cloned().collect();
            let slots: Vec<crate::domain::Slot> = t
                .instance
                .groups
                .iter()
                .flat_map(|g| g.slots.iter().cloned())
                .collect();
            for (k, (at, seats, some)) in specs.into_iter().enumerate() {
                let available = match some {
                    None => Availability::always(&t.instance.school.blocks),
                    Some(picks) if !slots.is_empty() => Availability(
                        picks
                            .iter()
                            .map(|p| slots[p % slots.len()].clone())
                            .collect(),
                    ),
                    Some(_) => Availability::default(),
                };
                t.instance.rooms.push(Room {
                    id: RoomId::new(format!("R{k}")),
                    location: locations[at % locations.len()].clone(),
                    capacity: seats,
                    available,
                });
            }
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// With random rooms, the program `solve` uses (the per-lesson program, whichever is
    /// asked for) reaches the brute force's optimum and is infeasible exactly when the
    /// brute force finds nothing.
    #[test]
    fn with_random_rooms_the_program_reaches_the_brute_force_optimum(t in with_rooms()) {
        let brute = brute::optimum(&t.instance, &t.rules).map(|b| b.cost);
        for &backend in BACKENDS {
            for formulation in [Formulation::Class, Formulation::Lesson] {
                let s = exact(&t.instance, &t.rules, backend, formulation, true)?;
                prop_assert!(s.stats.classes == t.instance.lessons().len() || s.schedule.is_none());
                let got = optimum(&t.instance, &t.rules, &s)?;
                prop_assert_eq!(got, brute, "{} {}", backend.name(), formulation.name());
            }
        }
    }
}
