use crate::check::fixture::{Fx, addendum, codes, handleiding, messages};
use crate::check::types::MentorKind;
use crate::diag::Code;

/// One group of 20 lessons: 14 by certified C1, 3 by non-certified N1 and 3 by N2 (70%).
/// C1 can mentor 3 colleagues; no mentoring rows yet.
fn school() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("N1", false);
    fx.teacher("N2", false);
    fx.big_group("B1-A", 2);
    fx.fill("B1-A", 15);
    fx.staff_split("B1-A", &[("C1", 14), ("N1", 3), ("N2", 3)]);
    fx
}

/// The codes other than C102: these schools are at 70%, below the 80% target on purpose.
fn beyond_share(report: &crate::check::CheckReport) -> Vec<Code> {
    codes(report)
        .into_iter()
        .filter(|c| *c != Code::ShareBelowTarget)
        .collect()
}

#[test]
fn every_teaching_non_certified_teacher_with_a_certified_mentor_is_compliant() {
    let mut fx = school();
    fx.mentoring("N1", "C1");
    fx.mentoring("N2", "C1");
    let report = fx.check(&addendum());
    assert!(report.compliant, "{:?}", report.findings);
    let m = &report.mentoring;
    assert!(m.required);
    assert_eq!(m.teachers.len(), 2);
    assert_eq!(m.teachers[0].lessons, 3);
    assert_eq!(m.teachers[0].mentors[0].kind, MentorKind::Internal);
    assert_eq!(m.mentors.len(), 1);
    assert_eq!(m.mentors[0].mentees.len(), 2);
    assert_eq!(m.mentors[0].capacity, Some(3));
}

#[test]
fn a_non_certified_teacher_without_mentor_breaks_supervision_under_the_addendum_only() {
    let mut fx = school();
    fx.mentoring("N1", "C1");
    let report = fx.check(&addendum());
    assert_eq!(
        messages(&report, Code::MentorMissing),
        vec![
            "non-certified teacher N2 gives 3 lesson(s) but has no mentor; addendum-2025 \
             requires supervision by a certified NT2 teacher (internal or external)"
        ]
    );
    let mut rules = handleiding();
    rules.min_certified_share = crate::domain::Share(6000);
    let report = fx.check(&rules);
    assert!(!report.has(Code::MentorMissing), "{:?}", report.findings);
    assert_eq!(
        report.mentoring.teachers.len(),
        2,
        "still listed for the auditor"
    );
}

#[test]
fn a_non_certified_mentor_is_reported() {
    let mut fx = school();
    fx.mentoring("N1", "C1");
    fx.mentoring("N2", "N1");
    let report = fx.check(&addendum());
    assert_eq!(beyond_share(&report), vec![Code::MentorNotCertified]);
    assert!(messages(&report, Code::MentorNotCertified)[0].contains("supervises N2"));
}

#[test]
fn a_mentor_over_capacity_is_reported() {
    let mut fx = school();
    fx.instance.teachers[0].mentor_capacity = 1;
    fx.mentoring("N1", "C1");
    fx.mentoring("N2", "C1");
    let report = fx.check(&addendum());
    assert_eq!(
        messages(&report, Code::MentorOverCapacity),
        vec![
            "mentor C1 (Name of C1) supervises 2 teachers (N1, N2), more than their capacity of 1"
        ]
    );
}

#[test]
fn an_external_mentor_within_capacity_is_fine_and_over_it_is_not() {
    let mut fx = school();
    fx.external_mentor("X1", 2);
    fx.mentoring("N1", "X1");
    fx.mentoring("N2", "X1");
    let report = fx.check(&addendum());
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(
        report.mentoring.mentors[0].mentor.kind,
        MentorKind::External
    );
    assert!(report.mentoring.mentors[0].mentor.certified);
    fx.instance.mentors[0].capacity = 1;
    assert!(fx.check(&addendum()).has(Code::MentorOverCapacity));
}

#[test]
fn self_mentoring_is_reported_once() {
    let mut fx = school();
    fx.mentoring("N1", "N1");
    fx.mentoring("N2", "C1");
    let report = fx.check(&addendum());
    assert_eq!(beyond_share(&report), vec![Code::MentorSelf]);
}

#[test]
fn mentoring_a_certified_or_idle_teacher_is_only_a_warning() {
    let mut fx = school();
    fx.teacher("C2", true);
    fx.teacher("N3", false);
    fx.mentoring("N1", "C1");
    fx.mentoring("N2", "C1");
    fx.mentoring("C2", "C1");
    fx.mentoring("N3", "C1");
    fx.instance.teachers[0].mentor_capacity = 4;
    let report = fx.check(&addendum());
    let msgs = messages(&report, Code::MentoringUnneeded);
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[0].contains("C2") && msgs[0].contains("is certified"),
        "{msgs:?}"
    );
    assert!(
        msgs[1].contains("N3") && msgs[1].contains("gives no lesson"),
        "{msgs:?}"
    );
    assert!(report.compliant);
}

#[test]
fn an_unknown_mentor_is_an_unknown_reference() {
    let mut fx = school();
    fx.mentoring("N1", "C1");
    fx.mentoring("N2", "NOBODY");
    let report = fx.check(&addendum());
    assert_eq!(beyond_share(&report), vec![Code::UnknownReference]);
    assert_eq!(
        report.mentoring.teachers[1].mentors[0].kind,
        MentorKind::Unknown
    );
}
