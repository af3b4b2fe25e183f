//! Pools of rooms (`model::pools`): rooms nothing tells apart are counted together, and the
//! program must stay exact. Hand-made schools with their optima worked out here, and tiny
//! random schools with identical rooms against the brute force.

use super::brute;
use super::exact_tests::{BACKENDS, agreed, compliant, exact, optimum};
use super::room_tests::with_rooms;
use super::*;
use crate::check::fixture::{Fx, date, handleiding, slot};
use crate::domain::{Availability, Location, Room, RoomId};
use proptest::prelude::*;

fn always(fx: &Fx, id: &str) -> Room {
    Room {
        id: RoomId::new(id),
        location: Location::new("Utrecht"),
        capacity: 20,
        available: Availability::always(&fx.instance.school.blocks),
    }
}

/// Three groups at Utrecht in one week, pairwise meeting at once on one day each: A and B
/// on Monday, B and C on Tuesday, A and C on Wednesday; three certified teachers; two
/// identical rooms, one pool of two. Teachers: one each, three pairs (15). Rooms: the pool
/// never holds more than two lessons at once, so counted per pool every group keeps "one
/// room" (3); but the three groups meet pairwise, a triangle, and two rooms cannot give
/// each its own: one group uses both rooms (4). The optimum is 19, not the pooled 18; the
/// solve sees the group split over the pool and solves again with the rooms apart.
#[test]
fn a_pool_that_cannot_give_every_group_its_own_room_is_solved_with_the_rooms_apart() {
    let mut fx = Fx::new();
    for t in ["T1", "T2", "T3"] {
        fx.teacher(t, true);
    }
    for (code, days) in [
        ("A", ["mon", "wed"]),
        ("B", ["mon", "tue"]),
        ("C", ["tue", "wed"]),
    ] {
        let g = fx.group(code, "Utrecht", "B1");
        g.slots = days.iter().map(|d| slot(&format!("{d}-morning"))).collect();
        g.end = date("2025-09-05");
    }
    fx.instance.rooms = vec![always(&fx, "U1"), always(&fx, "U2")];
    let rules = handleiding();
    let pooled = model::build(
        &fx.instance,
        &rules,
        Formulation::Class,
        &Default::default(),
    );
    assert_eq!(
        pooled.pools.rooms,
        vec![vec![0, 1]],
        "one pool of two rooms"
    );
    assert_eq!(agreed(&fx.instance, &rules).expect("agree"), Some(19.0));
    let s = solve(&fx.instance, &rules, &Settings::default()).expect("solves");
    assert!(matches!(s.status, Status::Optimal), "{:?}", s.status);
    assert_eq!(s.objective, Some(19.0));
    assert_eq!(s.refinements, 1, "solved again with the rooms apart");
}

/// Three groups without the triangle: A and B meet at once on the five Mondays, C alone on
/// the Tuesdays. The pool of two rooms gives A and B one each and C either: three teacher
/// pairs (15) and three group rooms (3), 18, found in one round, and every group keeps
/// one room on every date.
#[test]
fn a_pool_gives_every_group_one_room_where_the_groups_allow_it() {
    let mut fx = Fx::new();
    for t in ["T1", "T2", "T3"] {
        fx.teacher(t, true);
    }
    for (code, days) in [("A", ["mon"]), ("B", ["mon"]), ("C", ["tue"])] {
        let g = fx.group(code, "Utrecht", "B1");
        g.slots = days.iter().map(|d| slot(&format!("{d}-morning"))).collect();
        g.end = date("2025-09-29");
    }
    fx.instance.rooms = vec![always(&fx, "U1"), always(&fx, "U2")];
    let rules = handleiding();
    assert_eq!(agreed(&fx.instance, &rules).expect("agree"), Some(18.0));
    let s = solve(&fx.instance, &rules, &Settings::default()).expect("solves");
    assert_eq!((s.objective, s.refinements), (Some(18.0), 0));
    let (schedule, _, _) = compliant(&fx.instance, &rules);
    for code in ["A", "B", "C"] {
        let rooms: std::collections::BTreeSet<_> = schedule
            .timetable
            .iter()
            .filter(|r| r.course_code.as_str() == code)
            .map(|r| r.room.clone())
            .collect();
        assert_eq!(rooms.len(), 1, "{code}: {rooms:?}");
    }
}

/// Tiny random schools (as `room_tests`) with every room given a twin: the same location,
/// seats and availability, so that every room is in a pool of at least two.
fn with_twin_rooms() -> impl Strategy<Value = brute::tiny::Tiny> {
    with_rooms()
        .prop_filter("the brute force tries every room: at most 6 lessons", |t| {
            t.instance.lessons().len() <= 6
        })
        .prop_map(|mut t| {
            let twins: Vec<Room> = t
                .instance
                .rooms
                .iter()
                .map(|r| Room {
                    id: RoomId::new(format!("{}b", r.id)),
                    ..r.clone()
                })
                .collect();
            t.instance.rooms.extend(twins);
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// With pools of identical rooms, the class program reaches the brute force's optimum
    /// (which tells every room apart) and is infeasible exactly when it finds nothing.
    #[test]
    fn with_pools_of_rooms_the_program_reaches_the_brute_force_optimum(t in with_twin_rooms()) {
        let brute = brute::optimum(&t.instance, &t.rules).map(|b| b.cost);
        for &backend in BACKENDS {
            for line_up in [true, false] {
                let s = exact(&t.instance, &t.rules, backend, Formulation::Class, line_up)?;
                let got = optimum(&t.instance, &t.rules, &s)?;
                prop_assert_eq!(got, brute, "{} lined up {}", backend.name(), line_up);
            }
        }
    }
}
