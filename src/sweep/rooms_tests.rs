//! The variations `remove_rooms` and `rooms_capacity_percent`: an unknown room is E612 and a
//! bad percentage E613, each at its line; a scenario without a room or with smaller rooms is
//! solved as such.

use super::file::load;
use super::spec::Change;
use super::tests::assert_code;
use super::vary;
use crate::check::fixture::{Fx, addendum, slot};
use crate::diag::Code;
use crate::domain::{Availability, Location, Room, RoomId, SizeLimits};
use std::path::PathBuf;

/// The demo with the rooms of `instances/demo-rooms.csv` (UTR-1.01, UTR-1.02, UTR-0.05,
/// AMF-A, AMF-B), and a scenario file with `body`.
fn file(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let school = dir.path().join("demo");
    std::fs::create_dir(&school).expect("mkdir");
    let demo = crate::testing::demo_dir();
    for entry in std::fs::read_dir(&demo).expect("demo") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), school.join(entry.file_name())).expect("copy");
    }
    std::fs::copy(
        demo.with_file_name("demo-rooms.csv"),
        school.join("rooms.csv"),
    )
    .expect("rooms");
    let path = dir.path().join("scenarios.toml");
    std::fs::write(&path, format!("instance = \"demo\"\n{body}")).expect("write");
    (dir, path)
}

#[test]
fn an_unknown_room_is_e612_and_a_bad_percentage_e613_at_their_lines() {
    let (_dir, path) = file(
        r#"[[axis]]
name = "lokalen"
[[axis.variant]]
label = "a"
remove_rooms = ["UTR-9"]
[[axis.variant]]
label = "b"
rooms_capacity_percent = 120
[[axis.variant]]
label = "c"
remove_rooms = ["UTR-1.01", "UTR-1.02", "UTR-0.05", "AMF-A", "AMF-B"]
"#,
    );
    let ds = load(&path).expect_err("bad rooms");
    assert_code(&ds, Code::UnknownRoomInVariation.as_str(), 6);
    assert_code(&ds, Code::BadRoomsCapacity.as_str(), 9);
    assert_code(&ds, Code::UnknownRoomInVariation.as_str(), 12);
    assert_eq!(ds.error_count(), 3, "{ds:?}");
}

#[test]
fn good_room_variations_load_and_a_levels_axis_over_seats_is_accepted() {
    let (_dir, path) = file(
        r#"[[axis]]
name = "lokalen"
[[axis.variant]]
label = "zonder UTR-1.01"
remove_rooms = ["UTR-1.01"]
[[axis]]
name = "zitplaatsen"
vary = "rooms_capacity_percent"
levels = [80, 100]
"#,
    );
    let loaded = load(&path).expect("loads").value;
    let list = super::expand::scenarios(&loaded.spec);
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].change.rooms_capacity_percent, Some(80.0));
    assert_eq!(list[1].change.remove_rooms, [RoomId::new("UTR-1.01")]);
}

#[test]
fn a_rooms_variation_for_a_school_without_rooms_loads_with_w601_at_its_line() {
    const BODY: &str = r#"[[axis]]
name = "lokalen"
[[axis.variant]]
label = "a"
rooms_capacity_percent = 80
[[axis]]
name = "zitplaatsen"
vary = "rooms_capacity_percent"
levels = [80, 100]
"#;
    let w601 = |path: &std::path::Path| -> Vec<Option<u64>> {
        let loaded = load(path).expect("a warning is no error");
        loaded
            .warnings
            .0
            .iter()
            .filter(|d| d.code().as_str() == "W601")
            .map(|d| d.line)
            .collect()
    };
    let (_with, path) = file(BODY);
    assert_eq!(w601(&path), [], "with rooms.csv the variations act");
    let (without, path) = file(BODY);
    std::fs::remove_file(without.path().join("demo").join("rooms.csv")).expect("no rooms");
    assert_eq!(w601(&path), [Some(6), Some(10)]);
}

fn room(id: &str, capacity: u32) -> Room {
    Room {
        id: RoomId::new(id),
        location: Location::new("Utrecht"),
        capacity,
        available: Availability([slot("mon-morning"), slot("tue-morning")].into()),
    }
}

/// G1 (B1, Utrecht, must run) on the Mondays, G2 (optional, opening costs 5000) on the
/// Tuesdays, certified T1, three B1 students; B1's standard maximum 2, temporary 3. Rooms U1
/// (3 seats) and U2 (1 seat), both days.
fn school() -> (Fx, crate::domain::RuleSet) {
    let mut rules = addendum();
    rules.size_classes.insert(
        "NT2/B1".into(),
        SizeLimits {
            standard_max: 2,
            temporary_max: 3,
        },
    );
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
    fx.instance.rooms = vec![room("U1", 3), room("U2", 1)];
    (fx, rules)
}

fn cost_of(change: &Change) -> f64 {
    let (fx, rules) = school();
    let applied = vary::apply(&fx.instance, &rules, &Default::default(), &rules, change, 0);
    let settings = crate::solve::Settings {
        gap: 0.0,
        ..Default::default()
    };
    let s = crate::solve::solve(&applied.instance, &applied.rules, &settings).expect("solves");
    let (schedule, report) = s.schedule.expect("a schedule");
    crate::check::cost(&applied.instance, &applied.rules, &schedule).total
        + if report.compliant { 0.0 } else { f64::NAN }
}

/// As the base: G1 holds all three in U1, one above the standard maximum (1000), T1 (5),
/// one room (1): 1006. Without U2 (unused) the same 1006. Without U1 only U2 (1 seat) is
/// left: G1 and G2 each seat one, the third student has no place (10000): G2 opened (5000),
/// T1 twice (10), two rooms (2): 15012. At 50% of the seats U1 has 1 and U2 none: the same
/// 15012 (a group of one in U1 each day, rooms: one each).
#[test]
fn removing_the_large_room_leaves_a_student_without_a_place() {
    assert_eq!(cost_of(&Change::default()), 1006.0);
    let without = |id: &str| Change {
        remove_rooms: vec![RoomId::new(id)],
        ..Change::default()
    };
    assert_eq!(cost_of(&without("U2")), 1006.0);
    assert_eq!(cost_of(&without("U1")), 15012.0);
    let half = Change {
        rooms_capacity_percent: Some(50.0),
        ..Change::default()
    };
    assert_eq!(cost_of(&half), 15012.0);
}
