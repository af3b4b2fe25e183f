//! Rooms (`rooms.csv`, optional): where a lesson takes place.
//!
//! With rooms, every lesson gets one room at its group's location that is available in the
//! lesson's weekly slot, seats the group (capacity at least the students placed in it, so a
//! group overfilled under exception 2 needs a room for the larger group) and holds no other
//! lesson at an overlapping time on that date. Without rooms nothing of this applies: an
//! instance without `rooms.csv` plans and is judged as before. Everything that asks which
//! rooms a lesson may have (validation, the program, the brute force, the checker) asks
//! [`Room::can_host`], so they agree by construction.

use super::ids::{Location, RoomId};
use super::instance::{Group, Instance};
use super::time::{Availability, Slot};
use serde::Serialize;

/// A row of `rooms.csv`, with `available` expanded (`*` or empty: always).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Room {
    pub id: RoomId,
    pub location: Location,
    /// Seats: the most students a group in it may have (at least 1).
    pub capacity: u32,
    pub available: Availability,
}

impl Room {
    /// Whether a lesson at `location` in `slot` may be held here, whatever the group's size.
    pub fn can_host(&self, location: &Location, slot: &Slot) -> bool {
        &self.location == location && self.available.allows(slot)
    }

    /// Whether the room seats `students`.
    pub fn seats(&self, students: u32) -> bool {
        students <= self.capacity
    }
}

impl Instance {
    /// Whether the school plans rooms (it has `rooms.csv` with a room in it).
    pub fn has_rooms(&self) -> bool {
        !self.rooms.is_empty()
    }

    pub fn room(&self, id: &RoomId) -> Option<&Room> {
        self.rooms.iter().find(|r| &r.id == id)
    }

    /// The rooms a lesson of `group` in `slot` may be held in, whatever its size, in file
    /// order.
    pub fn rooms_for<'a>(
        &'a self,
        group: &'a Group,
        slot: &'a Slot,
    ) -> impl Iterator<Item = &'a Room> {
        self.rooms
            .iter()
            .filter(move |r| r.can_host(&group.location, slot))
    }

    /// The most students `group` can have so that every one of its weekly slots has a room
    /// that seats them; see [`capacity_for`]. `None` without rooms: no limit.
    pub fn room_capacity_of(&self, group: &Group) -> Option<u32> {
        self.has_rooms().then(|| capacity_for(&self.rooms, group))
    }
}

/// The most students `group` can have so that each of its weekly slots has a room among
/// `rooms` that seats them (each slot on its own: whether two groups compete for a room on a
/// date is the program's question); 0 when a slot has no room at all.
/// With a choice of meeting times: the most of its alternatives.
pub fn capacity_for(rooms: &[Room], group: &Group) -> u32 {
    group
        .alternatives()
        .into_iter()
        .map(|slots| {
            slots
                .iter()
                .map(|s| {
                    rooms
                        .iter()
                        .filter(|r| r.can_host(&group.location, s))
                        .map(|r| r.capacity)
                        .max()
                        .unwrap_or(0)
                })
                .min()
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Day, Law, Profile};
    use chrono::NaiveDate;
    use std::collections::BTreeSet;

    fn room(id: &str, at: &str, capacity: u32, slots: &[Slot]) -> Room {
        Room {
            id: RoomId::new(id),
            location: Location::new(at),
            capacity,
            available: Availability(slots.iter().cloned().collect::<BTreeSet<_>>()),
        }
    }

    #[test]
    fn a_group_can_seat_what_the_smallest_of_its_slots_best_rooms_seat() {
        let mon = Slot::new(Day::Mon, "morning");
        let wed = Slot::new(Day::Wed, "morning");
        let day = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap_or_default();
        let group = Group {
            course_code: "G1".into(),
            location: Location::new("Utrecht"),
            profile: Profile::new("B1"),
            law: Law::Wi2021,
            slots: vec![mon.clone(), wed.clone()],
            choices: Vec::new(),
            start: day,
            end: day,
            optional: false,
            min_size: 0,
        };
        // Monday: the big room (25) and a small one; Wednesday only the small one (12); a
        // room elsewhere does not count.
        let rooms = vec![
            room("R1", "Utrecht", 25, std::slice::from_ref(&mon)),
            room("R2", "Utrecht", 12, &[mon.clone(), wed.clone()]),
            room("R3", "Amersfoort", 30, &[mon.clone(), wed.clone()]),
        ];
        assert_eq!(capacity_for(&rooms, &group), 12);
        assert_eq!(capacity_for(&rooms[..1], &group), 0, "no room on Wednesday");
        assert!(rooms[1].seats(12) && !rooms[1].seats(13));
    }
}
