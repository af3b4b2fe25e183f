use crate::check::fixture::{Fx, addendum, messages, slot};
use crate::diag::Code;

/// A big group all by certified C1 and a small one all by non-certified N1 (mentored).
fn two_groups(small_certified: usize) -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("N1", false);
    fx.big_group("B1-A", 2);
    fx.fill("B1-A", 12);
    fx.staff("B1-A", "C1");
    fx.group("B1-B", "Amersfoort", "B1").slots = vec![slot("mon-evening")];
    fx.fill("B1-B", 10);
    fx.staff_split(
        "B1-B",
        &[("C1", small_certified), ("N1", 5 - small_certified)],
    );
    fx.mentoring("N1", "C1");
    fx
}

#[test]
fn a_course_without_certified_lessons_fails_1_7_1b_though_the_share_is_fine() {
    let report = two_groups(0).check(&addendum());
    assert_eq!(report.totals.certified_lessons, 20);
    assert!(!report.has(Code::ShareBelowMinimum));
    assert_eq!(
        messages(&report, Code::CourseWithoutCertified),
        vec![
            "course B1-B has 0 of 5 lessons by a certified teacher; addendum-2025 requires \
             at least 1 per course (norm 1.7.1b)"
        ]
    );
    let row = report
        .courses
        .iter()
        .find(|c| c.course_code.as_str() == "B1-B");
    assert_eq!(row.map(|c| c.ok), Some(false));
    assert!(!report.compliant);
}

#[test]
fn one_certified_lesson_per_course_meets_1_7_1b() {
    let report = two_groups(1).check(&addendum());
    assert!(
        !report.has(Code::CourseWithoutCertified),
        "{:?}",
        report.findings
    );
    assert!(report.courses.iter().all(|c| c.ok && c.required == 1));
}

#[test]
fn a_stricter_rule_set_asks_more_certified_lessons_per_course() {
    let mut rules = addendum();
    rules.min_certified_lessons_per_course = 2;
    let report = two_groups(1).check(&rules);
    assert_eq!(messages(&report, Code::CourseWithoutCertified).len(), 1);
}

#[test]
fn a_closed_optional_group_has_no_course_to_judge() {
    let mut fx = two_groups(1);
    fx.group("B1-C", "Utrecht", "B1").optional = true;
    let report = fx.check(&addendum());
    assert!(
        report
            .courses
            .iter()
            .all(|c| c.course_code.as_str() != "B1-C")
    );
    assert!(report.compliant, "{:?}", report.findings);
}
