//! The diagnosis of a school that rooms make infeasible names rooms as the cause.

use super::*;
use crate::check::fixture::{Fx, handleiding, slot};
use crate::domain::{Availability, Location, Room, RoomId, Share};
use crate::testing::english;

/// G1 (Utrecht, must run) meets on the five Mondays 1-29 September, certified T1, one
/// student; the only room at Utrecht is available on Tuesdays. No schedule exists: every
/// one of G1's five lessons lacks a room, and nothing else stands in the way, so the
/// relaxation needs exactly 5 units, all of them rooms, naming G1.
#[test]
fn a_group_without_a_room_in_its_slot_is_named_as_rooms() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.student("S1", "B1");
    fx.instance.rooms = vec![Room {
        id: RoomId::new("U1"),
        location: Location::new("Utrecht"),
        capacity: 20,
        available: Availability([slot("tue-morning")].into()),
    }];
    let mut rules = handleiding();
    rules.min_certified_share = Share(0);
    let s = solve(&fx.instance, &rules, &Settings::default()).expect("solves");
    let Status::Infeasible { diagnosis } = s.status else {
        panic!("not infeasible: {:?}", s.status);
    };
    assert_eq!(diagnosis.must_give_way, Some(5.0), "{diagnosis:?}");
    let named: Vec<_> = diagnosis
        .relaxation
        .iter()
        .filter(|r| r.rule == crate::outcome::diagnosis::Rule::Rooms)
        .collect();
    assert_eq!(named.len(), 1, "{:?}", diagnosis.relaxation);
    assert!(
        english(named[0]).starts_with("5 lesson(s) without a room"),
        "{}",
        english(named[0])
    );
    assert!(
        english(named[0]).contains("group G1"),
        "{}",
        english(named[0])
    );
}
