use crate::check::fixture::{Fx, addendum, codes, handleiding, messages};
use crate::diag::Code;

/// 100 lessons of one B1 group: the first `certified` by certified C1, the rest by
/// non-certified N1, who is mentored by C1 (so only the share is at stake).
fn hundred_lessons(certified: usize) -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("N1", false);
    fx.big_group("B1-A", 10);
    fx.fill("B1-A", 12);
    fx.staff_split("B1-A", &[("C1", certified), ("N1", 100 - certified)]);
    fx.mentoring("N1", "C1");
    fx
}

#[test]
fn exactly_60_of_100_meets_the_addendum_floor_but_warns_below_target() {
    let report = hundred_lessons(60).check(&addendum());
    assert_eq!(report.totals.lessons_given, 100);
    assert_eq!(report.totals.certified_lessons, 60);
    assert_eq!(report.totals.min_certified_lessons, 60);
    assert_eq!(report.totals.certified_share.percent, "60.0%");
    assert!(
        !report.has(Code::ShareBelowMinimum),
        "{:?}",
        report.findings
    );
    assert!(report.has(Code::ShareBelowTarget));
    assert!(report.compliant, "{:?}", report.findings);
}

#[test]
fn share_of_59_of_100_breaks_the_addendum_floor_with_the_numbers_in_the_message() {
    let report = hundred_lessons(59).check(&addendum());
    assert!(!report.compliant);
    assert_eq!(
        codes(&report).into_iter().collect::<Vec<_>>(),
        vec![Code::ShareBelowMinimum]
    );
    assert_eq!(
        messages(&report, Code::ShareBelowMinimum),
        vec![
            "certified teachers gave 59 of 100 lessons (59.0%); addendum-2025 requires at \
             least 60% (60 lessons), 1 more certified lesson(s) needed"
        ]
    );
}

#[test]
fn share_of_80_of_100_meets_the_handleiding_and_79_does_not() {
    let ok = hundred_lessons(80).check(&handleiding());
    assert!(ok.compliant, "{:?}", ok.findings);
    assert!(ok.findings.is_empty(), "{:?}", ok.findings);
    let bad = hundred_lessons(79).check(&handleiding());
    assert!(bad.has(Code::ShareBelowMinimum));
    assert!(!bad.compliant);
}

#[test]
fn share_of_80_of_100_meets_the_addendum_target_without_a_warning() {
    let report = hundred_lessons(80).check(&addendum());
    assert!(!report.has(Code::ShareBelowTarget), "{:?}", report.findings);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn share_of_3_of_5_is_exactly_60_percent_and_2_of_5_is_not() {
    for (certified, below) in [(3, false), (2, true)] {
        let mut fx = Fx::new();
        fx.teacher("C1", true);
        fx.teacher("N1", false);
        fx.group("B1-A", "Utrecht", "B1");
        fx.fill("B1-A", 10);
        fx.staff_split("B1-A", &[("C1", certified), ("N1", 5 - certified)]);
        fx.mentoring("N1", "C1");
        let report = fx.check(&addendum());
        assert_eq!(report.totals.lessons_given, 5);
        assert_eq!(
            report.has(Code::ShareBelowMinimum),
            below,
            "{:?}",
            report.findings
        );
    }
}

#[test]
fn a_schedule_without_lessons_meets_every_share() {
    let mut fx = Fx::new();
    fx.group("B1-A", "Utrecht", "B1").optional = true;
    let report = fx.check(&handleiding());
    assert_eq!(report.totals.certified_share.percent, "-");
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}
