//! The checker as a whole: errors, robustness and the JSON format.

use super::fixture::{Fx, addendum, codes, handleiding, range};
use super::*;
use crate::domain::{CourseCode, MentoringRow, Placement, Profile, StudentId, TeacherId};

/// A compliant little school under both rule sets: one group, certified teacher.
fn compliant() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.fill("G1", 10);
    fx.staff("G1", "C1");
    fx
}

#[test]
fn a_compliant_schedule_has_no_findings_and_the_verdict_compliant() {
    for rules in [handleiding(), addendum()] {
        let report = compliant().check(&rules);
        assert!(
            report.compliant && report.findings.is_empty(),
            "{:?}",
            report.findings
        );
        assert_eq!(report.rules.name, rules.name);
        assert_eq!((report.violations, report.warnings), (0, 0));
    }
}

#[test]
fn lessons_after_the_addendum_ended_are_an_error_naming_the_rule_set_end_and_fix() {
    let mut fx = compliant();
    fx.row(
        "G1",
        "2026-01-05",
        range((9, 0), (12, 0)),
        "Utrecht",
        Some("C1"),
    );
    fx.row("G1", "2026-01-12", range((9, 0), (12, 0)), "Utrecht", None);
    let err = check(&fx.instance, &addendum(), &fx.schedule).expect_err("outside validity");
    let text = err.to_string();
    assert!(
        text.contains("2 timetable row(s) from 2026-01-05 to 2026-01-12"),
        "{text}"
    );
    assert!(text.contains("rule set addendum-2025"), "{text}");
    assert!(text.contains("which ended on 2025-12-31"), "{text}");
    assert!(text.contains("--rules"), "{text}");
    assert_eq!(err.code(), Code::OutsideRuleValidity);
    // The open-ended Handleiding covers them: they are judged (as unplanned rows).
    let report = fx.check(&handleiding());
    assert!(report.has(Code::LessonNotPlanned));
}

#[test]
fn lessons_before_a_rule_set_starts_are_an_error_too() {
    let mut rules = addendum();
    rules.valid_from = fixture::date("2025-09-10");
    let err = check(&compliant().instance, &rules, &compliant().schedule).expect_err("before");
    assert!(
        err.to_string().contains("which starts on 2025-09-10"),
        "{err}"
    );
}

#[test]
fn ids_the_instance_lacks_are_reported_never_a_panic() {
    let mut fx = compliant();
    fx.row(
        "GHOST",
        "2025-09-01",
        range((13, 0), (16, 0)),
        "Utrecht",
        Some("C1"),
    );
    fx.row(
        "G1",
        "2025-09-08",
        range((9, 0), (12, 0)),
        "Utrecht",
        Some("T404"),
    );
    fx.schedule.placements.push(Placement {
        student: StudentId::new("S404"),
        course_code: Some(CourseCode::new("GHOST")),
    });
    fx.schedule.mentoring.push(MentoringRow {
        teacher: TeacherId::new("T405"),
        mentor: "C1".into(),
    });
    let report = fx.check(&addendum());
    let unknown: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code() == Code::UnknownReference)
        .map(|f| f.subject.as_str())
        .collect();
    assert_eq!(unknown, vec!["GHOST", "S404", "T404", "T405"]);
    assert_eq!(
        report.totals.lessons_given, 7,
        "unknown rows still count as given"
    );
    assert_eq!(
        report.totals.certified_lessons, 6,
        "an unknown teacher is not certified"
    );
}

#[test]
fn a_profile_whose_size_class_the_rule_set_lacks_is_reported_not_judged() {
    let mut fx = compliant();
    fx.instance
        .school
        .profiles
        .insert(Profile::new("B1"), "Nieuw".into());
    let report = fx.check(&addendum());
    assert!(codes(&report).contains(&Code::UnknownReference));
    assert_eq!(report.groups[0].status, GroupStatus::UnknownSizeClass);
    assert_eq!(report.groups[0].standard_max, None);
}

#[test]
fn the_json_is_byte_identical_for_the_same_input_and_has_the_documented_shape() {
    let mut fx = compliant();
    fx.teacher("N1", false);
    fx.teacher("N2", false);
    fx.staff_split("G1", &[("N1", 1), ("N2", 1)]);
    let a = serde_json::to_string_pretty(&fx.check(&addendum())).expect("json");
    let b = serde_json::to_string_pretty(&fx.check(&addendum())).expect("json");
    assert_eq!(a, b);
    let v: serde_json::Value = serde_json::from_str(&a).expect("parse back");
    for key in [
        "format_version",
        "compliant",
        "violations",
        "warnings",
        "rules",
        "totals",
        "courses",
        "groups",
        "mentoring",
        "declaration",
        "findings",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["rules"]["min_certified_share"]["parts_per_10000"], 6000);
    assert_eq!(v["rules"]["min_certified_share"]["text"], "60%");
    assert_eq!(v["groups"][0]["status"], "within_standard");
    assert_eq!(v["findings"][0]["code"], "C102");
    assert_eq!(v["findings"][0]["severity"], "warning");
    let first = &v["findings"][1];
    assert_eq!(first["code"], "C131");
    assert_eq!(first["norm"], "supervision");
    assert_eq!(first["severity"], "violation");
    assert_eq!(first["subject_kind"], "teacher");
    assert_eq!(first["subject"], "N1");
}

#[test]
fn findings_are_sorted_by_code_then_subject() {
    let mut fx = compliant();
    fx.teacher("N2", false);
    fx.teacher("N1", false);
    fx.staff_split("G1", &[("N2", 1), ("N1", 1)]);
    let report = fx.check(&addendum());
    let keys: Vec<(Code, &str)> = report
        .findings
        .iter()
        .map(|f| (f.code(), f.subject.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

mod no_panic {
    //! Any schedule, however wrong, gets a report: the checker never panics.
    use super::*;
    use crate::domain::{Location, TimeRange, TimetableRow};
    use chrono::NaiveTime;
    use proptest::prelude::*;

    const COURSES: [&str; 3] = ["G1", "G2", "GHOST"];
    const TEACHERS: [&str; 4] = ["C1", "N1", "N2", "NOBODY"];
    const STUDENTS: [&str; 4] = ["G1-01", "G1-02", "G2-01", "S404"];

    fn row() -> impl Strategy<Value = TimetableRow> {
        (
            0usize..3,
            0i64..40,
            6u32..20,
            1u32..4,
            0usize..2,
            proptest::option::of(0usize..4),
        )
            .prop_map(|(c, day, hour, len, loc, t)| TimetableRow {
                course_code: CourseCode::new(COURSES[c]),
                date: fixture::date("2025-09-01") + chrono::Duration::days(day),
                time: TimeRange {
                    start: NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default(),
                    end: NaiveTime::from_hms_opt(hour + len, 0, 0).unwrap_or_default(),
                },
                location: Location::new(["Utrecht", "Amersfoort"][loc]),
                teacher: t.map(|i| TeacherId::new(TEACHERS[i])),
                room: None,
            })
    }

    fn placement() -> impl Strategy<Value = Placement> {
        (0usize..4, proptest::option::of(0usize..3)).prop_map(|(s, c)| Placement {
            student: StudentId::new(STUDENTS[s]),
            course_code: c.map(|i| CourseCode::new(COURSES[i])),
        })
    }

    fn mentoring() -> impl Strategy<Value = MentoringRow> {
        (0usize..4, 0usize..4).prop_map(|(t, m)| MentoringRow {
            teacher: TeacherId::new(TEACHERS[t]),
            mentor: TEACHERS[m].to_string(),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_schedule_gets_a_consistent_report(
            timetable in proptest::collection::vec(row(), 0..30),
            placements in proptest::collection::vec(placement(), 0..8),
            mentoring in proptest::collection::vec(mentoring(), 0..5),
        ) {
            let mut fx = Fx::new();
            fx.teacher("C1", true).max_lessons_per_week = Some(3);
            fx.teacher("N1", false);
            fx.teacher("N2", false);
            fx.group("G1", "Utrecht", "B1").min_size = 2;
            fx.group("G2", "Amersfoort", "Alfa").optional = true;
            fx.student("G1-01", "B1").pinned = Some(CourseCode::new("G1"));
            fx.student("G1-02", "B1");
            fx.student("G2-01", "Alfa");
            fx.schedule.timetable = timetable;
            fx.schedule.placements = placements;
            fx.schedule.mentoring = mentoring;
            for rules in [handleiding(), addendum()] {
                let report = fx.check(&rules);
                let given = fx.schedule.timetable.iter().filter(|r| r.teacher.is_some()).count();
                prop_assert_eq!(report.totals.lessons_given, given as u64);
                prop_assert_eq!(report.compliant, report.violations == 0);
                prop_assert_eq!(report.violations + report.warnings, report.findings.len());
                prop_assert!(serde_json::to_string(&report).is_ok());
                prop_assert!(!crate::report::check_text::render(&report).is_empty());
            }
        }
    }
}
