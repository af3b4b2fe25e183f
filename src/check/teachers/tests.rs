use crate::check::fixture::{Fx, addendum, codes, date, messages, slot};
use crate::diag::Code;
use crate::domain::{Location, Profile, TeacherId, Unavailability};
use std::collections::BTreeSet;

/// Groups G1 (Monday mornings) and G2 (Monday afternoons) at Utrecht, five lessons each,
/// 10 students each, both given by certified T1.
fn base() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1").slots = vec![slot("mon-afternoon")];
    fx.fill("G1", 10);
    fx.fill("G2", 10);
    fx.staff("G1", "T1");
    fx.staff("G2", "T1");
    fx
}

fn only(report: &crate::check::CheckReport) -> Vec<Code> {
    codes(report).into_iter().collect()
}

#[test]
fn a_teacher_who_fits_every_lesson_is_sound() {
    let report = base().check(&addendum());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn two_lessons_at_the_same_time_are_an_overlap() {
    let mut fx = base();
    fx.instance.groups[1].slots = vec![slot("mon-morning")];
    fx.schedule.timetable.clear();
    fx.staff("G1", "T1");
    fx.staff("G2", "T1");
    let report = fx.check(&addendum());
    assert_eq!(only(&report), vec![Code::TeacherOverlap]);
    let f = &report.findings[0];
    assert_eq!(f.occurrences, 5, "one finding aggregating five clashes");
    assert!(
        f.message
            .contains("2025-09-01 G1 09:00-12:00 and G2 09:00-12:00"),
        "{}",
        f.message
    );
}

#[test]
fn teaching_at_another_location_is_reported() {
    let mut fx = base();
    fx.instance.teachers[0].locations = BTreeSet::from([Location::new("Amersfoort")]);
    let report = fx.check(&addendum());
    assert_eq!(only(&report), vec![Code::TeacherLocation]);
    assert!(
        report.findings[0]
            .message
            .contains("gives 10 lesson(s) at Utrecht")
    );
}

#[test]
fn teaching_a_profile_without_qualification_is_reported() {
    let mut fx = base();
    fx.instance.teachers[0].profiles = BTreeSet::from([Profile::new("Alfa")]);
    let report = fx.check(&addendum());
    assert_eq!(only(&report), vec![Code::TeacherProfile]);
    assert_eq!(report.findings.len(), 2, "one per course");
}

#[test]
fn teaching_in_a_block_without_availability_is_reported() {
    let mut fx = base();
    fx.instance.teachers[0]
        .available
        .0
        .remove(&slot("mon-afternoon"));
    let report = fx.check(&addendum());
    assert_eq!(only(&report), vec![Code::TeacherAvailability]);
    assert!(
        report.findings[0]
            .message
            .starts_with("teacher T1 is not available mon-afternoon")
    );
}

#[test]
fn teaching_on_unavailable_dates_is_one_finding_with_the_dates() {
    let mut fx = base();
    fx.instance.unavailability.push(Unavailability {
        teacher: TeacherId::new("T1"),
        from: date("2025-09-08"),
        to: date("2025-09-15"),
        reason: "course".into(),
    });
    let report = fx.check(&addendum());
    assert_eq!(
        messages(&report, Code::TeacherUnavailable),
        vec![
            "teacher T1 is unavailable on 2 date(s) but gives 4 lesson(s) then: 2025-09-08, 2025-09-15"
        ]
    );
    fx.instance.unavailability[0].from = date("2025-10-01");
    fx.instance.unavailability[0].to = date("2025-10-31");
    assert!(fx.check(&addendum()).findings.is_empty());
}

#[test]
fn more_lessons_in_an_iso_week_than_the_maximum_is_reported() {
    let mut fx = base();
    fx.instance.teachers[0].max_lessons_per_week = Some(1);
    let report = fx.check(&addendum());
    assert_eq!(only(&report), vec![Code::TeacherWeeklyMax]);
    assert!(
        report.findings[0]
            .message
            .contains("in 5 week(s): 2025-W36 (2)"),
        "{}",
        report.findings[0].message
    );
    fx.instance.teachers[0].max_lessons_per_week = Some(2);
    assert!(fx.check(&addendum()).findings.is_empty());
}
