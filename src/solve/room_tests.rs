//! Rooms (`rooms.csv`) in the program: the class program counts the lessons of a class per
//! room as it counts them per teacher, and with the per-lesson program it must reach the
//! brute force's optimum; a hand-made school whose optimum is worked out here, and tiny
//! random schools with random rooms.

use super::brute::{self, tiny::tiny};
use super::exact_tests::{BACKENDS, compliant, exact, optimum};
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
    let (schedule, _, stats) = compliant(&small.instance, &rules);
    // G1's five Mondays are alike (T1, U1 and U2, nothing else on Mondays), and so are G2's
    // five Tuesdays: two classes, whose counts per room the dates then follow.
    assert_eq!(stats.classes, 2, "the classes of dates plan rooms too");
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

/// A group that must change rooms halfway, by date. Utrecht has R1 (1 seat; Monday morning
/// and a "late" block 10:00-13:00 that overlaps the morning) and R2 (2 seats; Monday morning
/// only). G1 (1 pinned student) meets Monday mornings 1-22 September; G2 (1 student) the
/// late block on 1 and 8 September, so only R1 can hold it and G1 must be in R2 then; G4
/// (2 students) Monday mornings 15 and 22 September, so only R2 seats it and G1 must be in
/// R1 then. T1 gives G1, T2 gives G2 and then G4: three teacher pairs (15) and four group
/// rooms (G1 two, G2 and G4 one each: 4), 19. A program with one room per series would have
/// no schedule; the class program counts G1's lessons per room and the dates follow.
#[test]
fn a_group_moves_to_another_room_on_the_dates_another_group_needs_its_room() {
    use crate::check::fixture::{date, handleiding, range};
    use crate::domain::{Block, BlockName, CourseCode};
    let mut fx = Fx::new();
    fx.instance.school.blocks.push(Block {
        name: BlockName::new("late"),
        time: range((10, 0), (13, 0)),
    });
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1").end = date("2025-09-22");
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.slots = vec![slot("mon-late")];
    g2.end = date("2025-09-08");
    let g4 = fx.group("G4", "Utrecht", "B1");
    g4.start = date("2025-09-15");
    g4.end = date("2025-09-22");
    for (s, g) in [("S1", "G1"), ("S2", "G2"), ("S3", "G4"), ("S4", "G4")] {
        fx.student(s, "B1").pinned = Some(CourseCode::new(g));
    }
    fx.instance.rooms = vec![
        room("R1", "Utrecht", 1, &["mon-morning", "mon-late"]),
        room("R2", "Utrecht", 2, &["mon-morning"]),
    ];
    let rules = handleiding();
    assert_eq!(agreed_optimum(&fx, &rules), Some(19.0));
    let (schedule, _, _) = compliant(&fx.instance, &rules);
    let mut g1: Vec<_> = schedule
        .timetable
        .iter()
        .filter(|r| r.course_code.as_str() == "G1")
        .map(|r| (r.date, r.room.as_ref().map(|r| r.to_string())))
        .collect();
    g1.sort();
    let rooms: Vec<&str> = g1
        .iter()
        .map(|(_, r)| r.as_deref().unwrap_or("-"))
        .collect();
    assert_eq!(rooms, ["R2", "R2", "R1", "R1"]);
}

/// A tiny random school with one or two rooms per location, of 1 to 4 seats, available
/// always or in some of the tiny school's slots; at most 8 lessons (the brute force tries
/// every room of every lesson). About half of them have no schedule (a group without a
/// room that can hold it), the rest mostly a cost the rooms change.
pub(super) fn with_rooms() -> impl Strategy<Value = brute::tiny::Tiny> {
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
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// With random rooms, the class program and the per-lesson program reach the brute
    /// force's optimum and are infeasible exactly when the brute force finds nothing.
    #[test]
    fn with_random_rooms_the_program_reaches_the_brute_force_optimum(t in with_rooms()) {
        let brute = brute::optimum(&t.instance, &t.rules).map(|b| b.cost);
        for &backend in BACKENDS {
            for formulation in [Formulation::Class, Formulation::Lesson] {
                let s = exact(&t.instance, &t.rules, backend, formulation, true)?;
                let got = optimum(&t.instance, &t.rules, &s)?;
                prop_assert_eq!(got, brute, "{} {}", backend.name(), formulation.name());
            }
        }
    }
}
