use crate::check::fixture::{Fx, addendum, codes, date, messages, range};
use crate::diag::Code;
use crate::domain::ClosedPeriod;

/// Group G1 (five Monday mornings in September 2025) with 10 students; certified teacher C1
/// exists but no rows are written yet.
fn base() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.fill("G1", 10);
    fx
}

#[test]
fn a_fully_staffed_group_is_sound() {
    let mut fx = base();
    fx.staff("G1", "C1");
    let report = fx.check(&addendum());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert!(report.compliant);
}

#[test]
fn a_planned_lesson_without_row_is_missing() {
    let mut fx = base();
    fx.staff_split("G1", &[("C1", 4)]);
    let report = fx.check(&addendum());
    assert_eq!(
        messages(&report, Code::LessonMissing),
        vec!["course G1: 1 of 5 planned lessons have no teacher: 2025-09-29 09:00-12:00"]
    );
}

#[test]
fn a_row_with_an_empty_teacher_counts_as_missing() {
    let mut fx = base();
    fx.staff_split("G1", &[("C1", 4)]);
    fx.row("G1", "2025-09-29", range((9, 0), (12, 0)), "Utrecht", None);
    let report = fx.check(&addendum());
    assert!(report.has(Code::LessonMissing));
    assert_eq!(
        report.totals.lessons_given, 4,
        "an empty row is no lesson given"
    );
    assert!(!report.has(Code::LessonNotPlanned));
}

#[test]
fn a_lesson_given_twice_is_a_duplicate_not_an_overlap() {
    let mut fx = base();
    fx.staff("G1", "C1");
    fx.row(
        "G1",
        "2025-09-08",
        range((9, 0), (12, 0)),
        "Utrecht",
        Some("C1"),
    );
    let report = fx.check(&addendum());
    assert_eq!(
        codes(&report).into_iter().collect::<Vec<_>>(),
        vec![Code::LessonDuplicated]
    );
    assert!(messages(&report, Code::LessonDuplicated)[0].contains("2025-09-08 09:00 (2 rows)"));
}

#[test]
fn rows_on_a_holiday_at_a_wrong_time_or_place_match_no_planned_lesson() {
    let mut fx = base();
    fx.instance.school.closed.push(ClosedPeriod {
        from: date("2025-09-15"),
        to: date("2025-09-15"),
        reason: "study day".into(),
    });
    fx.staff("G1", "C1");
    fx.row(
        "G1",
        "2025-09-15",
        range((9, 0), (12, 0)),
        "Utrecht",
        Some("C1"),
    );
    fx.row(
        "G1",
        "2025-09-22",
        range((13, 0), (16, 0)),
        "Utrecht",
        Some("C1"),
    );
    fx.row(
        "G1",
        "2025-09-30",
        range((9, 0), (12, 0)),
        "Utrecht",
        Some("C1"),
    );
    let report = fx.check(&addendum());
    let msgs = messages(&report, Code::LessonNotPlanned);
    assert_eq!(msgs.len(), 1, "one finding per course: {msgs:?}");
    assert!(
        msgs[0].starts_with("course G1: 3 timetable row(s)"),
        "{msgs:?}"
    );
    assert!(msgs[0].contains("2025-09-15 09:00-12:00 at Utrecht (school closed: study day)"));
    assert!(msgs[0].contains("(the group has no slot at that day and time)"));
    assert!(msgs[0].contains("outside the group's dates"));
    assert_eq!(report.findings[0].occurrences, 3);
}

#[test]
fn a_row_at_the_wrong_location_matches_nothing() {
    let mut fx = base();
    fx.staff_split("G1", &[("C1", 4)]);
    fx.row(
        "G1",
        "2025-09-29",
        range((9, 0), (12, 0)),
        "Amersfoort",
        Some("C1"),
    );
    let report = fx.check(&addendum());
    assert!(messages(&report, Code::LessonNotPlanned)[0].contains("the group meets at Utrecht"));
}

#[test]
fn an_optional_group_with_lessons_but_no_students_is_reported() {
    let mut fx = base();
    fx.staff("G1", "C1");
    fx.teacher("C2", true);
    fx.group("OPT", "Utrecht", "B1").optional = true;
    fx.staff_split("OPT", &[("C2", 2)]);
    let report = fx.check(&addendum());
    assert_eq!(
        codes(&report).into_iter().collect::<Vec<_>>(),
        vec![Code::ClosedGroupActive]
    );
    // With students it simply runs, and then its lessons must all be given.
    fx.place("G1-01", "OPT");
    let report = fx.check(&addendum());
    assert!(!report.has(Code::ClosedGroupActive));
    assert!(report.has(Code::LessonMissing));
}
