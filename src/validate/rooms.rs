//! `rooms.csv` against the school and the groups: ids unique (E309), locations known (E302),
//! blocks known (E301, through `available`), and every group's every weekly slot with a room
//! at its location, available then, that seats its `min_size` (E419 for a group that must
//! run, W506 for an optional one, which then stays closed). Reported at the group's `slots`
//! cell in groups.csv: that is where the planner sees the slot without a room.
//!
//! Whether two groups compete for one room on a date is not judged here: the program finds
//! out, and the diagnosis of an infeasible plan says so.

use super::refs::{self, Names};
use crate::diag::{Diagnostics, ErrorCode, WarningCode};
use crate::domain::{Group, Room, RoomId, Slot};
use crate::input::Rows;
use crate::input::groups::GroupRow;
use crate::input::rooms::RoomRow;

/// The rooms of the good rows, in file order.
pub fn validate(rows: &Rows<RoomRow>, names: &Names, diags: &mut Diagnostics) -> Option<Vec<Room>> {
    refs::duplicates_in(rows, |r| &r.id, "room id", diags);
    let mut out = Vec::new();
    let mut ok = true;
    for row in &rows.rows {
        let location = refs::location(&row.location, &row.location.text, names, diags);
        let available = refs::availability(&row.available, names, diags);
        let (Some(location), Some(available)) = (location, available) else {
            ok = false;
            continue;
        };
        out.push(Room {
            id: RoomId::new(row.id.text.as_str()),
            location,
            capacity: row.capacity.value,
            available,
        });
    }
    (ok && rows.broken.is_empty()).then_some(out)
}

/// E419 or W506 for every group with a weekly slot no room can hold it in (with a choice
/// of meeting times: such a slot in every alternative); nothing without rooms.
pub fn groups_without_room(
    rooms: &[Room],
    groups: &[Group],
    group_rows: &Rows<GroupRow>,
    diags: &mut Diagnostics,
) {
    if rooms.is_empty() {
        return;
    }
    for group in groups {
        let need = group.min_size.max(1);
        // With a choice of meeting times: only when every alternative misses a room.
        let per: Vec<Vec<&Slot>> = group
            .alternatives()
            .into_iter()
            .map(|a| {
                a.iter()
                    .filter(|s| {
                        !rooms
                            .iter()
                            .any(|r| r.can_host(&group.location, s) && r.seats(need))
                    })
                    .collect()
            })
            .collect();
        if per.iter().any(Vec::is_empty) {
            continue;
        }
        let mut missing: Vec<&Slot> = per.concat();
        missing.sort();
        missing.dedup();
        let Some(row) = group_rows
            .rows
            .iter()
            .find(|r| r.course_code.text == group.course_code.as_str())
        else {
            continue;
        };
        let slots: Vec<String> = missing.iter().map(|s| s.to_string()).collect();
        let what = format!(
            "group {} has no room at {} for {} student(s) in {}",
            group.course_code,
            group.location,
            need,
            slots.join(", ")
        );
        let what_nl = format!(
            "groep {} heeft geen lokaal in {} voor {} cursist(en) op {}",
            group.course_code,
            group.location,
            need,
            slots.join(", ")
        );
        let fix = "add a room at this location that is available then (rooms.csv), widen a room's `available`, or move the slot";
        let fix_nl = "voeg een lokaal op deze locatie toe dat dan beschikbaar is (rooms.csv), verruim de `available` van een lokaal, of verplaats het lesmoment";
        let cell = &row.slots.cell;
        diags.push(if group.optional {
            cell.warning(
                WarningCode::OptionalGroupWithoutRoom,
                format!("{what}: the optional group stays closed"),
            )
            .fix(fix)
            .nl(format!("{what_nl}: de optionele groep gaat niet door"))
            .fix_nl(fix_nl)
        } else {
            cell.error(ErrorCode::GroupWithoutRoom, what)
                .fix(fix)
                .nl(what_nl)
                .fix_nl(fix_nl)
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::validate::tests::{assert_has, diags_of};

    #[test]
    fn bad_rooms_are_coded_at_their_line_unknown_location_duplicate_id_capacity_0_and_block() {
        let ds = diags_of(&[(
            "rooms.csv",
            "id,location,capacity,available\nR1,Utrecht,20,\nR1,Utrecht,20,\nR2,Atlantis,20,\nR3,Utrecht,0,\nR4,Utrecht,20,mon-nacht\n",
        )]);
        assert_has(&ds, Code::DuplicateId, "rooms.csv", 3, Some(1));
        assert_has(&ds, Code::UnknownLocation, "rooms.csv", 4, Some(2));
        assert_has(&ds, Code::RoomCapacityZero, "rooms.csv", 5, Some(3));
        assert_has(&ds, Code::UnknownBlock, "rooms.csv", 6, Some(4));
    }

    #[test]
    fn a_slot_without_a_room_that_seats_min_size_is_e419_for_a_required_group_w506_for_an_optional_one()
     {
        // mini: UTR-B1-01 (required, min 8) on mon- and thu-morning in Utrecht, UTR-B1-02
        // (optional) in the evenings, AMF-Z-01 (optional) in Amersfoort. One Utrecht room
        // for the mornings: enough for UTR-B1-01, none for the other two.
        let ds = diags_of(&[(
            "rooms.csv",
            "id,location,capacity,available\nU1,Utrecht,20,mon-morning;thu-morning\n",
        )]);
        assert!(
            !ds.iter().any(|d| d.code() == Code::GroupWithoutRoom),
            "{ds:?}"
        );
        assert_has(
            &ds,
            Code::OptionalGroupWithoutRoom,
            "groups.csv",
            3,
            Some(5),
        );
        assert_has(
            &ds,
            Code::OptionalGroupWithoutRoom,
            "groups.csv",
            4,
            Some(5),
        );
        // Seven seats for a group that runs with at least eight: E419 naming both slots.
        let ds = diags_of(&[(
            "rooms.csv",
            "id,location,capacity,available\nU1,Utrecht,7,mon-morning;thu-morning\n",
        )]);
        assert_has(&ds, Code::GroupWithoutRoom, "groups.csv", 2, Some(5));
        let e = ds.iter().find(|d| d.code() == Code::GroupWithoutRoom);
        let message = e.map(|d| d.message.as_str()).unwrap_or_default();
        assert!(message.contains("mon-morning, thu-morning"), "{message}");
    }

    #[test]
    fn without_rooms_csv_nothing_is_said_about_rooms() {
        let ds = diags_of(&[]);
        assert!(
            !ds.iter().any(|d| matches!(
                d.code(),
                Code::GroupWithoutRoom | Code::OptionalGroupWithoutRoom
            )),
            "{ds:?}"
        );
    }
}
