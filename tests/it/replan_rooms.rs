//! `nt2plan replan` on the demo school with the rooms of `instances/demo-rooms.csv`: the
//! history keeps its rooms, an ill teacher's lessons go to others while every lesson keeps
//! CURRENT's room (no room has to change, and a change costs `changed_room`), and
//! `check --against` accepts the result.

use crate::replan::{FROM, ILL, edited, rows};
use crate::support::{nt2plan, stderr, stdout};
use std::path::Path;

/// The demo with rooms.csv, and `line` added to unavailability.csv.
fn with_rooms(dir: &Path, line: Option<&str>) {
    edited(dir, line, "");
    let rooms = Path::new(env!("CARGO_MANIFEST_DIR")).join("instances/demo-rooms.csv");
    std::fs::copy(rooms, dir.join("rooms.csv")).expect("rooms.csv");
}

/// timetable.csv rows as (course, date, start, teacher, room), sorted.
fn lessons(dir: &Path) -> Vec<[String; 5]> {
    rows(&dir.join("timetable.csv"))
        .iter()
        .map(|r| {
            let c: Vec<&str> = r.split(',').collect();
            [c[0], c[1], c[2], c[5], c[7]].map(str::to_string)
        })
        .collect()
}

fn run(args: &[&str]) -> std::process::Output {
    let out = nt2plan(args.iter().copied());
    assert!(
        matches!(out.status.code(), Some(0)),
        "{:?}: {}{}",
        args,
        stdout(&out),
        stderr(&out)
    );
    out
}

#[test]
fn an_ill_teacher_s_lessons_change_teacher_and_every_lesson_keeps_its_room() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (school, current) = (tmp.path().join("school"), tmp.path().join("current"));
    with_rooms(&school, None);
    let (school_s, current_s) = (school.display().to_string(), current.display().to_string());
    run(&[
        "solve",
        &school_s,
        "-o",
        &current_s,
        "--no-highest",
        "--csv-format",
        "plain",
    ]);
    let before = lessons(&current);
    assert!(!before.is_empty());
    assert!(
        before.iter().all(|l| !l[4].is_empty()),
        "every lesson has a room"
    );

    let ill = tmp.path().join("ill");
    with_rooms(&ill, Some(ILL));
    let (ill_s, out) = (ill.display().to_string(), tmp.path().join("out"));
    let out_s = out.display().to_string();
    let replanned = run(&[
        "replan",
        &ill_s,
        &current_s,
        "--from",
        FROM,
        "-o",
        &out_s,
        "--csv-format",
        "plain",
    ]);
    let after = lessons(&out);
    // The same lessons in the same rooms: only teachers may differ.
    let rooms = |ls: &[[String; 5]]| -> Vec<[String; 4]> {
        ls.iter()
            .map(|l| [l[0].clone(), l[1].clone(), l[2].clone(), l[4].clone()])
            .collect()
    };
    assert_eq!(rooms(&after), rooms(&before), "{}", stdout(&replanned));
    // The history stands, teachers and all; T05 gives nothing in their three weeks.
    for (a, b) in after.iter().zip(&before) {
        if a[1].as_str() < FROM {
            assert_eq!(a, b, "a history lesson changed");
        }
        if a[1].as_str() >= FROM && a[1].as_str() <= "2025-11-21" {
            assert_ne!(a[3], "T05", "{a:?} given by the ill teacher");
        }
    }
    let moved = before
        .iter()
        .filter(|b| b[3] == "T05" && b[1].as_str() >= FROM && b[1].as_str() <= "2025-11-21")
        .count();
    assert!(moved > 0, "T05 gave lessons in those weeks");
    assert!(
        !out.join("room_changes.csv").exists() || rows(&out.join("room_changes.csv")).is_empty()
    );
    run(&[
        "check",
        &ill_s,
        &out_s,
        "--against",
        &current_s,
        "--from",
        FROM,
    ]);
}
