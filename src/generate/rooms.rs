//! `generate --rooms`: rooms for every location, about 1.3 for every group meeting at the
//! same time there, a few of them small. No dice: the rooms follow from the groups alone, so
//! every other file stays byte for byte what it is without `--rooms`.
//!
//! Per location, `n` is the most groups whose slots clash with one slot of one of them
//! ([`super::groups::clash`]: an upper bound of the groups meeting at once, since groups with
//! other dates are counted too). It gets `ceil(1.3 n)` rooms: every fourth a small one of
//! 12 seats (Alfabetisering's standard maximum), as long as `n` large ones of 25 seats (the
//! largest temporary maximum) remain, so every group has a room that seats it at its
//! temporary maximum and the school stays feasible.

use super::groups::clash;
use crate::domain::{Availability, Block, Group, Location, Room, RoomId};
use std::collections::BTreeMap;

/// Seats of a large room: the largest temporary maximum (ONA/KNM and NT2/B1 under the Addendum).
const LARGE: u32 = 25;
/// Seats of a small room: Alfabetisering/Z-route's standard maximum.
const SMALL: u32 = 12;

/// The rooms of the school, by location in name order, always available.
pub fn rooms(groups: &[Group], blocks: &[Block]) -> Vec<Room> {
    let mut at: BTreeMap<&Location, Vec<&Group>> = BTreeMap::new();
    for g in groups {
        at.entry(&g.location).or_default().push(g);
    }
    let mut out = Vec::new();
    for (location, here) in at {
        let n = here
            .iter()
            .flat_map(|g| g.slots.iter())
            .map(|s| {
                here.iter()
                    .filter(|o| o.slots.iter().any(|t| clash(s, t)))
                    .count()
            })
            .max()
            .unwrap_or(0);
        let total = (n * 13).div_ceil(10);
        let small = (total / 4).min(total - n);
        // The whole name: Den Haag and Den Bosch share their first letters.
        let prefix = location.as_str().replace(' ', "-");
        let mut smalls = 0;
        for k in 0..total {
            let is_small = k % 4 == 3 && smalls < small;
            smalls += usize::from(is_small);
            out.push(Room {
                id: RoomId::new(format!("{prefix}-{:02}", k + 1)),
                location: location.clone(),
                capacity: if is_small { SMALL } else { LARGE },
                available: Availability::always(blocks),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Options, SizeSpec, generate_with, write};

    /// `--rooms` adds rooms.csv and changes no other file; the rooms read back as generated,
    /// every location has at least 1.3 rooms per group meeting at once and some small
    /// ones, and every group's every slot has a room seating its temporary maximum.
    /// Found when large's rooms of Den Haag and Den Bosch were both DEN-01 (E309).
    #[test]
    fn room_ids_are_unique_also_where_location_names_begin_alike() {
        let spec = SizeSpec::named("large").expect("large");
        let options = Options {
            rooms: true,
            ..Options::default()
        };
        let with = generate_with(&spec, 1, options).expect("generates");
        let ids: std::collections::BTreeSet<_> =
            with.instance.rooms.iter().map(|r| &r.id).collect();
        assert_eq!(ids.len(), with.instance.rooms.len());
    }

    #[test]
    fn rooms_are_added_beside_the_same_files_and_read_back() {
        let spec = SizeSpec::named("small").expect("small");
        let plain = generate_with(&spec, 1, Options::default()).expect("generates");
        let options = Options {
            rooms: true,
            ..Options::default()
        };
        let with = generate_with(&spec, 1, options).expect("generates");
        assert_eq!(with.files[..plain.files.len()], plain.files[..]);
        assert_eq!(with.files.len(), plain.files.len() + 1);
        assert_eq!(with.files.last().map(|f| f.0.as_str()), Some("rooms.csv"));
        let rooms = &with.instance.rooms;
        assert!(
            rooms.iter().any(|r| r.capacity == super::SMALL),
            "{rooms:?}"
        );
        for g in &with.instance.groups {
            for s in &g.slots {
                assert!(
                    with.instance.rooms_for(g, s).any(|r| r.capacity >= 25),
                    "{} {s}",
                    g.course_code
                );
            }
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("small-rooms");
        write(&path, &with, false).expect("writes");
        let loaded =
            crate::validate::load_instance(&path, None).unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!(&loaded.value.instance.rooms, rooms);
    }
}
