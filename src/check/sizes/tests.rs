use crate::check::fixture::{Fx, addendum, codes, handleiding, messages};
use crate::check::types::GroupStatus;
use crate::diag::Code;

/// One group per size at Utrecht with `profile` (`G1`, `G2`, ...), each staffed by its own
/// certified teacher, so that only the sizes are at stake.
fn cell(profile: &str, sizes: &[u32]) -> Fx {
    let mut fx = Fx::new();
    for (i, size) in sizes.iter().enumerate() {
        let code = format!("G{}", i + 1);
        let teacher = format!("T{}", i + 1);
        fx.teacher(&teacher, true);
        fx.group(&code, "Utrecht", profile);
        fx.fill(&code, *size);
        fx.staff(&code, &teacher);
    }
    fx
}

fn status(report: &crate::check::CheckReport, code: &str) -> GroupStatus {
    report
        .groups
        .iter()
        .find(|g| g.course_code.as_str() == code)
        .map(|g| g.status)
        .expect("group in report")
}

#[test]
fn full_cell_with_one_group_at_23_is_allowed_by_exception_2_under_the_addendum() {
    let report = cell("B1", &[20, 20, 23]).check(&addendum());
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(status(&report, "G1"), GroupStatus::WithinStandard);
    assert_eq!(status(&report, "G3"), GroupStatus::AboveStandardException2);
    let g3 = &report.groups[2];
    assert_eq!(
        (g3.size, g3.standard_max, g3.temporary_max),
        (23, Some(20), Some(25))
    );
    assert!(report.declaration.exception_2.in_use);
    assert_eq!(report.declaration.overflow_cells.len(), 1);
    assert_eq!(report.declaration.overflow_cells[0].surplus, 3);
}

#[test]
fn the_same_group_at_23_breaks_the_handleiding_maximum() {
    let report = cell("B1", &[20, 20, 23]).check(&handleiding());
    assert_eq!(
        messages(&report, Code::AboveMaximum),
        vec![
            "group G3 at Utrecht (B1, size class NT2/B1) has 23 students, above the maximum \
             of 20 (no exception 2 under this rule set) of handleiding-2024"
        ]
    );
    assert_eq!(status(&report, "G3"), GroupStatus::Violation);
    assert!(!report.declaration.exception_2.offered);
}

#[test]
fn a_group_at_22_beside_one_at_18_breaks_the_exception_2_condition() {
    let report = cell("B1", &[18, 22]).check(&addendum());
    assert_eq!(
        codes(&report).into_iter().collect::<Vec<_>>(),
        vec![Code::OverflowConditionNotMet]
    );
    let msg = &messages(&report, Code::OverflowConditionNotMet)[0];
    assert!(msg.contains("G1 has 18"), "{msg}");
    assert_eq!(status(&report, "G2"), GroupStatus::Violation);
    assert_eq!(status(&report, "G1"), GroupStatus::WithinStandard);
}

#[test]
fn without_the_full_groups_condition_22_beside_18_is_allowed() {
    let mut rules = addendum();
    rules.overflow_requires_full_groups = false;
    let report = cell("B1", &[18, 22]).check(&rules);
    assert!(report.compliant, "{:?}", report.findings);
}

#[test]
fn a_b1_group_at_26_breaks_both_rule_sets() {
    for rules in [handleiding(), addendum()] {
        let report = cell("B1", &[20, 26]).check(&rules);
        assert!(
            report.has(Code::AboveMaximum),
            "{}: {:?}",
            rules.name,
            report.findings
        );
        assert!(!report.has(Code::OverflowConditionNotMet));
    }
    let report = cell("B1", &[20, 26]).check(&addendum());
    assert!(messages(&report, Code::AboveMaximum)[0].contains("temporary maximum of 25"));
}

#[test]
fn alfabetisering_at_13_beside_a_full_group_of_12_is_allowed_under_the_addendum() {
    let report = cell("Alfa", &[13, 12]).check(&addendum());
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(status(&report, "G1"), GroupStatus::AboveStandardException2);
    let under_handleiding = cell("Alfa", &[13, 12]).check(&handleiding());
    assert!(under_handleiding.has(Code::AboveMaximum));
}

#[test]
fn groups_of_another_location_or_profile_do_not_count_for_the_condition() {
    let mut fx = cell("B1", &[20, 23]);
    fx.teacher("T9", true);
    fx.group("ELSE", "Amersfoort", "B1");
    fx.fill("ELSE", 5);
    fx.staff("ELSE", "T9");
    let report = fx.check(&addendum());
    assert!(report.compliant, "{:?}", report.findings);
}

#[test]
fn a_closed_optional_group_the_surplus_could_fill_is_a_warning() {
    let mut fx = cell("B1", &[20, 20, 23]);
    let spare = fx.group("SPARE", "Utrecht", "B1");
    spare.optional = true;
    spare.min_size = 3;
    let report = fx.check(&addendum());
    assert_eq!(
        messages(&report, Code::OverflowCouldFormGroup),
        vec![
            "at Utrecht (B1) 3 students are above the standard maximum of 20; closed optional \
             group SPARE (min_size 3) could open for them instead"
        ]
    );
    assert!(report.compliant, "a warning only: {:?}", report.findings);
    assert_eq!(status(&report, "SPARE"), GroupStatus::Closed);
}

#[test]
fn a_closed_group_needing_more_students_than_the_surplus_gives_no_warning() {
    let mut fx = cell("B1", &[20, 20, 23]);
    let spare = fx.group("SPARE", "Utrecht", "B1");
    spare.optional = true;
    spare.min_size = 4;
    let report = fx.check(&addendum());
    assert!(!report.has(Code::OverflowCouldFormGroup));
}

#[test]
fn a_running_group_below_its_min_size_is_reported_and_one_at_it_is_not() {
    let mut small = cell("B1", &[3]);
    small.instance.groups[0].min_size = 8;
    let report = small.check(&addendum());
    assert_eq!(
        messages(&report, Code::BelowMinSize),
        vec!["group G1 runs with 3 students, fewer than its min_size of 8"]
    );
    let mut enough = cell("B1", &[8]);
    enough.instance.groups[0].min_size = 8;
    assert!(enough.check(&addendum()).compliant);
}
