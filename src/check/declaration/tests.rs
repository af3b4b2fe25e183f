use crate::check::fixture::{Fx, addendum, handleiding};

/// 20 lessons: `certified` by C1, the rest by non-certified N1 (mentored by C1).
fn school(certified: usize) -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("N1", false);
    fx.teacher("N2", false);
    fx.big_group("B1-A", 2);
    fx.fill("B1-A", 12);
    fx.staff_split("B1-A", &[("C1", certified), ("N1", 20 - certified)]);
    fx.mentoring("N1", "C1");
    fx
}

#[test]
fn exception_1_is_in_use_below_80_percent_and_names_the_teaching_non_certified() {
    let report = school(14).check(&addendum());
    let d = &report.declaration;
    assert!(
        d.exception_1.in_use && d.exception_1.offered,
        "{:?}",
        d.exception_1
    );
    assert!(
        d.exception_1.reason.contains("70.0% (14 of 20)"),
        "{}",
        d.exception_1.reason
    );
    let names: Vec<&str> = d
        .non_certified_teachers
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(names, vec!["N1"], "N2 gives no lesson");
    assert_eq!(d.non_certified_teachers[0].name, "Name of N1");
    assert_eq!(d.school, "Taalschool Test");
    assert_eq!(
        d.first_lesson.map(|x| x.to_string()).as_deref(),
        Some("2025-09-01")
    );
}

#[test]
fn exception_1_is_not_in_use_at_80_percent_even_with_non_certified_lessons() {
    let report = school(16).check(&addendum());
    assert!(!report.declaration.exception_1.in_use);
    assert_eq!(report.declaration.non_certified_teachers.len(), 1);
}

#[test]
fn below_80_percent_under_the_handleiding_is_in_use_but_not_offered() {
    let report = school(14).check(&handleiding());
    let e = &report.declaration.exception_1;
    assert!(e.in_use && !e.offered);
    assert!(
        e.reason
            .contains("handleiding-2024 does not offer exception 1")
    );
    assert!(!report.compliant);
}

#[test]
fn exception_2_is_not_in_use_when_every_group_is_within_standard() {
    let report = school(16).check(&addendum());
    let e = &report.declaration.exception_2;
    assert!(!e.in_use && e.offered);
    assert!(report.declaration.overflow_cells.is_empty());
}
