//! A replan of a school with rooms: a history lesson keeps its room, a lesson from the
//! replan's date on in another room costs `changed_room`. Hand-made schools with their optima
//! worked out here, each agreed between the program and the brute force.

use super::brute;
use super::exact_tests::{BACKENDS, compliant, exact, optimum};
use super::lock_tests::no_floor;
use super::*;
use crate::check::fixture::{Fx, date, slot};
use crate::diag::FindingCode;
use crate::domain::{Availability, Location, Room, RoomId};
use crate::validate::against;

fn room(id: &str) -> Room {
    Room {
        id: RoomId::new(id),
        location: Location::new("Utrecht"),
        capacity: 20,
        available: Availability([slot("mon-morning")].into_iter().collect()),
    }
}

/// The class and per-lesson programs' proven optimum with every solver compiled in, which
/// must be the brute force's.
fn agreed(instance: &Instance, rules: &RuleSet) -> Option<f64> {
    let brute = brute::optimum(instance, rules).map(|b| b.cost);
    for &backend in BACKENDS {
        for formulation in [Formulation::Class, Formulation::Lesson] {
            let s = exact(instance, rules, backend, formulation, true).expect("solves");
            let got = optimum(instance, rules, &s).expect("an optimum");
            assert_eq!(got, brute, "{} {}", backend.name(), formulation.name());
        }
    }
    brute
}

fn solved(instance: &Instance, rules: &RuleSet) -> Schedule {
    compliant(instance, rules).0
}

fn rooms(schedule: &Schedule) -> Vec<String> {
    schedule
        .timetable
        .iter()
        .map(|r| r.room.as_ref().map_or("-".into(), |r| r.to_string()))
        .collect()
}

/// G1 on the four Mondays 1-22 September, certified T1 gives all four, one student; rooms U1
/// and U2 at Utrecht (20 seats, Monday morning). CURRENT holds the 1st in U1 and the other
/// three in U2: T1 (5) and two rooms of G1 (2 × `room_change` 1) = 7.
fn moved_once() -> (Fx, Schedule) {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1").end = date("2025-09-22");
    fx.student("S1", "B1");
    fx.staff("G1", "T1");
    fx.place("S1", "G1");
    fx.instance.rooms = vec![room("U1"), room("U2")];
    for (i, row) in fx.schedule.timetable.iter_mut().enumerate() {
        row.room = Some(RoomId::new(if i == 0 { "U1" } else { "U2" }));
    }
    let current = fx.schedule.clone();
    let report = check::check(&fx.instance, &no_floor(), &current).expect("judged");
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(check::cost(&fx.instance, &no_floor(), &current).total, 7.0);
    (fx, current)
}

/// Replanned from the 8th with nothing edited: the 1st stays in U1 (history). Keeping U2 for
/// the 8th, 15th and 22nd costs 5 + 2 rooms = 7; moving them to U1 saves a room (5 + 1) but
/// changes three rooms (3 × `changed_room` 5 = 15): 21. So CURRENT comes back unchanged, no
/// change at all. With `changed_room` 0 the three move to U1 (6), three chosen room changes,
/// and the 1st is still in U1.
#[test]
fn a_replan_with_nothing_edited_keeps_every_room_and_a_free_room_change_is_taken() {
    let (fx, current) = moved_once();
    let rules = no_floor();
    let derived = against::frozen(&fx.instance, &current, date("2025-09-08")).expect("derives");
    assert_eq!(agreed(&derived, &rules), Some(7.0));
    let schedule = solved(&derived, &rules);
    assert_eq!(schedule.timetable, current.timetable);
    let changes = check::changes(&derived, &current, &schedule);
    assert!(changes.lessons.is_empty() && changes.students.is_empty() && changes.rooms.is_empty());

    let mut free = derived.clone();
    free.school.weights.changed_room = 0.0;
    assert_eq!(agreed(&free, &rules), Some(6.0));
    let schedule = solved(&free, &rules);
    assert_eq!(rooms(&schedule), ["U1", "U1", "U1", "U1"]);
    let changes = check::changes(&free, &current, &schedule);
    assert_eq!(changes.rooms.len(), 3);
    assert!(
        changes
            .rooms
            .iter()
            .all(|c| c.kind == check::ChangeKind::Chosen)
    );
    assert_eq!(check::cost(&free, &rules, &schedule).changed_rooms, 3);
}

/// U2 removed from rooms.csv: a replan from the 15th is refused (E418 naming U2), as the
/// history's 8th was held in U2.
#[test]
fn a_room_of_the_history_that_rooms_csv_no_longer_offers_is_refused() {
    let (mut fx, current) = moved_once();
    fx.instance.rooms.truncate(1);
    let problems = against::frozen(&fx.instance, &current, date("2025-09-15")).expect_err("E418");
    let text = format!("{problems:?}");
    assert!(
        text.contains("HistoryNotInInstance") && text.contains("room U2"),
        "{text}"
    );
    // From the 8th the history is the 1st alone, in U1: U2's removal forces the three
    // later lessons into U1, forced room changes: 5 + 1 room + 3 × 5 = 21.
    let derived = against::frozen(&fx.instance, &current, date("2025-09-08")).expect("derives");
    assert_eq!(agreed(&derived, &no_floor()), Some(21.0));
    let schedule = solved(&derived, &no_floor());
    let changes = check::changes(&derived, &current, &schedule);
    assert_eq!(changes.rooms.len(), 3);
    assert!(
        changes
            .rooms
            .iter()
            .all(|c| c.kind == check::ChangeKind::Forced)
    );
}

/// A schedule that moves the history's lesson of the 1st from U1 to U2 is C162, naming the
/// room; the same schedule judged without the replan is compliant (U2 can host it).
#[test]
fn a_room_changed_in_the_history_is_c162() {
    let (fx, current) = moved_once();
    let rules = no_floor();
    let derived = against::frozen(&fx.instance, &current, date("2025-09-08")).expect("derives");
    let mut edited = current.clone();
    edited.timetable[0].room = Some(RoomId::new("U2"));
    let plain = check::check(&fx.instance, &rules, &edited).expect("judged");
    assert!(plain.compliant, "{:?}", plain.findings);
    let report = check::check(&derived, &rules, &edited).expect("judged");
    let c162: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code() == FindingCode::HistoryChanged.into())
        .collect();
    assert_eq!(c162.len(), 1, "{:?}", report.findings);
    assert!(
        c162[0].message.contains("in room U2 instead of U1"),
        "{}",
        c162[0].message
    );
}
