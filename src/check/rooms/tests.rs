use crate::check::fixture::{Fx, codes, handleiding, messages, slot};
use crate::diag::Code;
use crate::domain::{Availability, Location, Room, RoomId};

fn room(id: &str, at: &str, capacity: u32) -> Room {
    Room {
        id: RoomId::new(id),
        location: Location::new(at),
        capacity,
        available: Availability(["mon-morning", "mon-afternoon"].map(slot).into()),
    }
}

/// G1 and G2 at Utrecht on the five Mondays' mornings (2025-09-01..29), 4 students each,
/// certified T1 and T2; rooms U1 (20 seats) and U2 (3 seats) at Utrecht, A1 at Amersfoort,
/// all available on Monday mornings and afternoons. G1 in U1 and G2 in U2 would be sound but
/// for U2's size; each test breaks one thing.
fn school() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1");
    fx.fill("G1", 4);
    fx.fill("G2", 4);
    fx.instance.rooms = vec![
        room("U1", "Utrecht", 20),
        room("U2", "Utrecht", 20),
        room("A1", "Amersfoort", 20),
    ];
    fx.staff("G1", "T1");
    fx.staff("G2", "T2");
    fx
}

/// Every row of `code` in `room`.
fn put(fx: &mut Fx, code: &str, room: &str) {
    for row in &mut fx.schedule.timetable {
        if row.course_code.as_str() == code {
            row.room = Some(RoomId::new(room));
        }
    }
}

#[test]
fn each_group_in_a_room_of_its_own_that_seats_it_is_compliant() {
    let mut fx = school();
    put(&mut fx, "G1", "U1");
    put(&mut fx, "G2", "U2");
    let report = fx.check(&handleiding());
    assert!(report.compliant, "{:?}", report.findings);
}

#[test]
fn lessons_without_a_room_are_c163_once_per_course_with_their_count() {
    let mut fx = school();
    put(&mut fx, "G1", "U1");
    let found = messages(&fx.check(&handleiding()), Code::LessonWithoutRoom);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("5 lesson(s) of G2 have no room"),
        "{}",
        found[0]
    );
}

#[test]
fn a_room_elsewhere_or_not_available_then_is_c164() {
    let mut fx = school();
    put(&mut fx, "G1", "A1");
    put(&mut fx, "G2", "U2");
    fx.instance.rooms[1].available = Availability(["tue-morning"].map(slot).into());
    let found = messages(&fx.check(&handleiding()), Code::RoomNotUsable);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .any(|m| m.contains("room A1") && m.contains("is at Amersfoort, not at Utrecht"))
    );
    assert!(
        found
            .iter()
            .any(|m| m.contains("room U2") && m.contains("not available"))
    );
}

#[test]
fn a_room_with_fewer_seats_than_the_group_has_students_is_c165() {
    // G2 has 4 students; U2 seats 3.
    let mut fx = school();
    fx.instance.rooms[1].capacity = 3;
    put(&mut fx, "G1", "U1");
    put(&mut fx, "G2", "U2");
    let report = fx.check(&handleiding());
    let found = messages(&report, Code::RoomTooSmall);
    assert_eq!(
        found,
        ["group G2 has 4 student(s), more than the 3 seats of room U2"]
    );
    // Exactly full is fine.
    fx.instance.rooms[1].capacity = 4;
    assert!(fx.check(&handleiding()).compliant);
}

#[test]
fn one_room_for_two_groups_at_the_same_time_is_c166_per_date() {
    let mut fx = school();
    put(&mut fx, "G1", "U1");
    put(&mut fx, "G2", "U1");
    let report = fx.check(&handleiding());
    let found = messages(&report, Code::RoomDoubleBooked);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("5 time(s)") && found[0].contains("2025-09-01 G1 and G2"),
        "{}",
        found[0]
    );
    // G2 in the afternoon: the same room, no overlap.
    let mut fx = school();
    fx.instance.groups[1].slots = vec![slot("mon-afternoon")];
    fx.schedule.timetable.clear();
    fx.staff("G1", "T1");
    fx.staff("G2", "T2");
    put(&mut fx, "G1", "U1");
    put(&mut fx, "G2", "U1");
    assert!(fx.check(&handleiding()).compliant);
}

#[test]
fn a_room_the_instance_lacks_is_c157_and_without_rooms_nothing_is_judged() {
    let mut fx = school();
    put(&mut fx, "G1", "U1");
    put(&mut fx, "G2", "X9");
    let report = fx.check(&handleiding());
    assert!(
        messages(&report, Code::UnknownReference)
            .iter()
            .any(|m| m.contains("room X9"))
    );
    fx.instance.rooms.clear();
    let report = fx.check(&handleiding());
    assert!(report.compliant, "{:?}", codes(&report));
}
