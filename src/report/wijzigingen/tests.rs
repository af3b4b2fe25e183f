//! The changes documents on the demo schedule with changes made by hand.

use super::*;
use crate::check::{ChangeKind, LessonChange, StudentMove};
use chrono::NaiveDate;

fn demo() -> (Instance, Schedule) {
    let (instance, _, schedule, _) = crate::testing::demo();
    (instance, schedule)
}

/// T01's first lesson from 2025-11-03 on, taken over by a teacher who never taught its
/// group in the demo (forced), and a lesson of a group that two teachers share in the demo
/// given by the other one of them (chosen, a known face); student S0001 moved (chosen),
/// S0002 left (forced).
fn hand_made(schedule: &Schedule) -> (Changes, TeacherId, TeacherId) {
    let from = NaiveDate::from_ymd_opt(2025, 11, 3).expect("date");
    let t01: TeacherId = "T01".into();
    let lessons: Vec<_> = schedule
        .timetable
        .iter()
        .filter(|r| r.date >= from && r.teacher.as_ref() == Some(&t01))
        .collect();
    let first = lessons[0];
    let taught = |t: &TeacherId| {
        schedule
            .timetable
            .iter()
            .any(|r| r.course_code == first.course_code && r.teacher.as_ref() == Some(t))
    };
    let teachers: Vec<TeacherId> = instance_teachers(schedule);
    let stranger = teachers.iter().find(|t| !taught(t)).expect("a stranger");
    let shared = schedule
        .timetable
        .iter()
        .filter(|r| r.date >= from)
        .find_map(|r| {
            let a = r.teacher.as_ref()?;
            let b = schedule.timetable.iter().find_map(|o| {
                let b = o.teacher.as_ref()?;
                (o.course_code == r.course_code && b != a).then_some(b)
            })?;
            Some((r, a.clone(), b.clone()))
        })
        .expect("a group two teachers share");
    let change = |row: &crate::domain::TimetableRow, new: &TeacherId, kind| LessonChange {
        date: row.date,
        time: row.time,
        course_code: row.course_code.clone(),
        old_teacher: Some(row.teacher.clone().expect("a teacher")),
        new_teacher: Some(new.clone()),
        kind,
    };
    let changes = Changes {
        rooms: Vec::new(),
        from: Some(from),
        lessons: vec![
            change(first, stranger, ChangeKind::Forced),
            change(shared.0, &shared.2, ChangeKind::Chosen),
        ],
        students: vec![
            StudentMove {
                student: "S0001".into(),
                old_group: first.course_code.clone(),
                new_group: Some("<b>X</b>".into()),
                kind: ChangeKind::Chosen,
            },
            StudentMove {
                student: "S0002".into(),
                old_group: first.course_code.clone(),
                new_group: None,
                kind: ChangeKind::Forced,
            },
        ],
    };
    (changes, shared.2, stranger.clone())
}

#[test]
fn the_markdown_names_the_teacher_who_lost_a_lesson_and_the_new_face_who_took_it_over() {
    let (instance, schedule) = demo();
    let (changes, _, stranger) = hand_made(&schedule);
    let md = wijzigingen_md(&instance, &schedule, &changes, Lang::Nl);
    let c = &changes.lessons[0];
    let stranger_name = &instance.teacher(&stranger).expect("teacher").name;
    assert!(
        md.contains("# Wijzigingen in het rooster vanaf 2025-11-03"),
        "{md}"
    );
    assert!(md.contains("#### Anna de Vries (T01)"), "{md}");
    let lost = format!(
        "| {} | {} | {} | {stranger_name} ({stranger}) |",
        c.date, c.time, c.course_code
    );
    assert!(md.contains(&lost), "{lost} in\n{md}");
    let gained = format!(
        "| {} | {} | {} | Anna de Vries (T01) |",
        c.date, c.time, c.course_code
    );
    assert!(md.contains(&gained), "{gained} in\n{md}");
    assert!(
        md.contains(&format!(
            "| {stranger_name} ({stranger}) | 1 | nieuw gezicht |"
        )),
        "{md}"
    );
    assert!(md.contains("| S0002 | "), "{md}");
    assert!(md.contains("(geen plaats)"), "{md}");
}

#[test]
fn forced_and_chosen_changes_are_separate_sections() {
    let (instance, schedule) = demo();
    let (changes, known, stranger) = hand_made(&schedule);
    let md = wijzigingen_md(&instance, &schedule, &changes, Lang::Nl);
    let (forced, chosen) = md
        .split_once("## Gekozen wijzigingen")
        .expect("a chosen section");
    assert!(forced.contains("## Afgedwongen wijzigingen"));
    assert!(forced.contains(&format!("({stranger})")), "{forced}");
    assert!(
        forced.contains("S0002") && !forced.contains("S0001"),
        "{forced}"
    );
    assert!(
        chosen.contains("S0001") && !chosen.contains("S0002"),
        "{chosen}"
    );
    assert!(
        !chosen.contains("nieuw gezicht") && forced.contains("nieuw gezicht"),
        "{md}"
    );
    // The colleague who already gave the group lessons is a known face, not a new one.
    let name = &instance.teacher(&known).expect("teacher").name;
    assert!(
        chosen.contains(&format!("| {name} ({known}) | 1 | bekend |")),
        "{chosen}"
    );
}

#[test]
fn the_html_escapes_every_value_and_speaks_english_on_request() {
    let (instance, schedule) = demo();
    let (changes, _, _) = hand_made(&schedule);
    let page = wijzigingen_html(&instance, &schedule, &changes, Lang::En);
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{page}"
    );
    assert!(page.contains("&lt;b&gt;X&lt;/b&gt;"), "{page}");
    assert!(!page.contains("<b>X"), "{page}");
    assert!(page.contains("<h2>Forced changes</h2>"), "{page}");
    assert!(page.contains("Anna de Vries (T01)"), "{page}");
    assert!(page.contains("new face"), "{page}");
    let md = wijzigingen_md(&instance, &schedule, &changes, Lang::En);
    assert!(md.contains("\\<b\\>X\\</b\\>"), "{md}");
    assert!(md.contains("## Chosen changes"), "{md}");
}

#[test]
fn no_change_says_so_in_both_documents() {
    let (instance, schedule) = demo();
    let changes = Changes {
        from: NaiveDate::from_ymd_opt(2025, 11, 3),
        ..Changes::default()
    };
    let md = wijzigingen_md(&instance, &schedule, &changes, Lang::Nl);
    assert!(md.contains("Niets gewijzigd"), "{md}");
    assert!(!md.contains("## Afgedwongen"), "{md}");
    let page = wijzigingen_html(&instance, &schedule, &changes, Lang::Nl);
    assert!(page.contains("Niets gewijzigd"), "{page}");
    assert_eq!(
        page,
        wijzigingen_html(&instance, &schedule, &changes, Lang::Nl)
    );
}

/// Every teacher of the demo's timetable, in id order.
fn instance_teachers(schedule: &Schedule) -> Vec<TeacherId> {
    let set: BTreeSet<TeacherId> = schedule
        .timetable
        .iter()
        .filter_map(|r| r.teacher.clone())
        .collect();
    set.into_iter().collect()
}

/// A lesson the schedule replaced did not have (an alternative switched to): the teacher
/// who gains it is told it is new, nobody is told they lost it, and `changes.csv` leaves
/// `old_teacher` empty.
#[test]
fn a_new_lesson_is_gained_from_nobody() {
    let (instance, schedule) = demo();
    let row = &schedule.timetable[0];
    let t01: TeacherId = "T01".into();
    let changes = Changes {
        rooms: Vec::new(),
        from: Some(row.date),
        lessons: vec![LessonChange {
            date: row.date,
            time: row.time,
            course_code: row.course_code.clone(),
            old_teacher: None,
            new_teacher: Some(t01.clone()),
            kind: ChangeKind::Chosen,
        }],
        students: Vec::new(),
    };
    let md = wijzigingen_md(&instance, &schedule, &changes, Lang::Nl);
    let gained = format!(
        "| {} | {} | {} | (nieuw) |",
        row.date, row.time, row.course_code
    );
    assert!(md.contains(&gained), "{gained} in\n{md}");
    assert_eq!(md.matches("Lessen eraf").count(), 0, "{md}");
    let csv = crate::report::changes_files::changes_csv(&changes, crate::report::CsvFormat::Plain)
        .expect("renders");
    let line = csv.lines().nth(1).expect("a row");
    assert!(
        line.contains(&format!("{},,T01,chosen", row.course_code)),
        "{line}"
    );
}
