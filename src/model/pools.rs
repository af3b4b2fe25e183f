//! Rooms that nothing tells apart, counted together: a *pool*.
//!
//! Two rooms of one location with the same seats and the same weekly availability are
//! interchangeable for every rule: a lesson that may use one may use the other, and no two
//! lessons at once in a room becomes "no more lessons at once than the pool has rooms". The
//! program counts the lessons of a class per pool instead of per room (`rooms.rs`), which
//! removes the symmetry of k identical rooms (k! equal solutions the solver would otherwise
//! tell apart: large with rooms has pools of up to 6), and `solve::dates` gives every lesson
//! a room of its pool by colouring the clock-time intervals of each date.
//!
//! The program stays a relaxation of the per-room problem: every schedule gives counts per
//! pool that meet the pool rows, and whether a group uses a pool (`keeps`) costs at most what
//! its distinct rooms cost. It is exact only when each group gets one room of every pool it
//! uses; the solve compares the written schedule's distinct rooms with the program's and
//! solves the per-room program when they differ ([`Refinement::distinct_rooms`]).
//! A replan keeps every room apart: CURRENT's rooms are not interchangeable.
//!
//! [`Refinement::distinct_rooms`]: super::Refinement::distinct_rooms

use crate::domain::Instance;

/// The pools of a school's rooms, each with its rooms (indices into `instance.rooms`, in
/// file order); pools in the order of their first room.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pools {
    pub rooms: Vec<Vec<usize>>,
    /// Per room: its pool.
    pub of_room: Vec<usize>,
}

impl Pools {
    /// Rooms pooled where nothing tells them apart; every room alone with `distinct`, and in
    /// a replan.
    pub fn of(instance: &Instance, distinct: bool) -> Pools {
        let apart = distinct || instance.frozen.is_some();
        let mut pools = Pools::default();
        for (r, room) in instance.rooms.iter().enumerate() {
            let same = (!apart)
                .then(|| {
                    pools.rooms.iter().position(|p| {
                        let o = &instance.rooms[p[0]];
                        o.location == room.location
                            && o.capacity == room.capacity
                            && o.available == room.available
                    })
                })
                .flatten();
            let p = same.unwrap_or_else(|| {
                pools.rooms.push(Vec::new());
                pools.rooms.len() - 1
            });
            pools.rooms[p].push(r);
            pools.of_room.push(p);
        }
        pools
    }

    /// The first room of pool `p`: it speaks for all (location, seats, availability).
    pub fn first(&self, p: usize) -> usize {
        self.rooms[p][0]
    }

    /// How many rooms pool `p` has.
    pub fn size(&self, p: usize) -> usize {
        self.rooms[p].len()
    }

    /// Whether some pool has more than one room.
    pub fn pooled(&self) -> bool {
        self.rooms.iter().any(|p| p.len() > 1)
    }
}

#[cfg(test)]
mod tests {
    use super::Pools;
    use crate::domain::{Availability, Location, Room, RoomId};
    use crate::testing::demo_instance;

    fn room(id: &str, location: &str, capacity: u32, available: Availability) -> Room {
        Room {
            id: RoomId::new(id),
            location: Location::new(location),
            capacity,
            available,
        }
    }

    /// Rooms are pooled only when location, seats and availability are all equal; with
    /// `distinct` (and in a replan) every room is alone.
    #[test]
    fn rooms_are_pooled_only_when_nothing_tells_them_apart() {
        let (mut instance, _) = demo_instance();
        let always = Availability::always(&instance.school.blocks);
        let mut fewer = always.clone();
        let first = fewer.0.iter().next().cloned().expect("a slot");
        fewer.0.remove(&first);
        instance.rooms = vec![
            room("A1", "Utrecht", 25, always.clone()),
            room("A2", "Utrecht", 25, always.clone()),
            room("A3", "Utrecht", 12, always.clone()),
            room("A4", "Amersfoort", 25, always.clone()),
            room("A5", "Utrecht", 25, fewer),
            room("A6", "Utrecht", 25, always),
        ];
        let pools = Pools::of(&instance, false);
        assert_eq!(pools.rooms, vec![vec![0, 1, 5], vec![2], vec![3], vec![4]]);
        assert_eq!(pools.of_room, vec![0, 0, 1, 2, 3, 0]);
        assert!(pools.pooled());
        assert_eq!((pools.first(0), pools.size(0)), (0, 3));
        let apart = Pools::of(&instance, true);
        assert_eq!(apart.rooms.len(), 6);
        assert!(!apart.pooled());
    }
}
