use crate::check::fixture::{Fx, addendum, codes, date, range, slot};
use crate::diag::Code;
use crate::domain::{CourseCode, ObservationRow, TeacherId};

/// Two groups on Monday mornings at Utrecht: A by certified C1, B by non-certified N1 who is
/// mentored by C1; and group T on Tuesday mornings, also by C1, which N1 can observe.
fn school() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("C2", true);
    fx.teacher("N1", false);
    fx.group("A", "Utrecht", "B1");
    fx.group("B", "Utrecht", "B1");
    fx.group("T", "Utrecht", "B1").slots = vec![slot("tue-morning")];
    for g in ["A", "B", "T"] {
        fx.fill(g, 10);
    }
    fx.staff("A", "C1");
    fx.staff_split("B", &[("N1", 1), ("C2", 4)]);
    fx.staff("T", "C1");
    fx.mentoring("N1", "C1");
    fx
}

fn observe(fx: &mut Fx, code: &str, day: &str, observed: &str) {
    fx.schedule.observations.push(ObservationRow {
        teacher: TeacherId::new("N1"),
        course_code: CourseCode::new(code),
        date: date(day),
        time: range((9, 0), (12, 0)),
        observed: TeacherId::new(observed),
    });
}

#[test]
fn an_observation_of_a_certified_lesson_while_free_is_compliant() {
    let mut fx = school();
    fx.instance.school.supervision.observations_per_teacher = 1;
    observe(&mut fx, "T", "2025-09-02", "C1");
    let report = fx.check(&addendum());
    let supervision: Vec<Code> = codes(&report)
        .into_iter()
        .filter(|c| c.as_str() >= "C131" && c.as_str() <= "C139")
        .collect();
    assert!(supervision.is_empty(), "{:?}", report.findings);
}

#[test]
fn an_observation_of_a_lesson_that_does_not_exist_or_by_a_non_certified_teacher_is_a_violation() {
    let mut fx = school();
    observe(&mut fx, "T", "2025-09-03", "C1"); // a Wednesday: T has no lesson then
    observe(&mut fx, "A", "2025-09-08", "C2"); // A is given by C1, not C2
    let report = fx.check(&addendum());
    let missing = report
        .findings
        .iter()
        .filter(|f| f.code() == Code::ObservedLessonMissing)
        .count();
    assert_eq!(missing, 2, "{:?}", report.findings);
    assert!(!report.compliant);

    let mut fx = school();
    fx.teacher("N2", false);
    fx.schedule
        .timetable
        .retain(|r| !(r.course_code.as_str() == "T" && r.date == date("2025-09-02")));
    fx.row(
        "T",
        "2025-09-02",
        range((9, 0), (12, 0)),
        "Utrecht",
        Some("N2"),
    );
    fx.mentoring("N2", "C1");
    observe(&mut fx, "T", "2025-09-02", "N2");
    assert!(fx.check(&addendum()).has(Code::ObservedNotCertified));
}

#[test]
fn an_observer_who_teaches_then_or_is_not_available_is_not_free() {
    let mut fx = school();
    // N1 gives B's first lesson on Monday 2025-09-01, the same morning as A's.
    observe(&mut fx, "A", "2025-09-01", "C1");
    let report = fx.check(&addendum());
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code() == Code::ObserverNotFree && f.message.contains("they teach B")),
        "{:?}",
        report.findings
    );

    let mut fx = school();
    if let Some(n1) = fx
        .instance
        .teachers
        .iter_mut()
        .find(|t| t.id.as_str() == "N1")
    {
        n1.available.0.remove(&slot("tue-morning"));
    }
    observe(&mut fx, "T", "2025-09-09", "C1");
    let report = fx.check(&addendum());
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code() == Code::ObserverNotFree
                && f.message.contains("not available tue-morning")),
        "{:?}",
        report.findings
    );
}

#[test]
fn too_few_observations_are_a_warning_only_when_the_school_plans_them() {
    let mut fx = school();
    assert!(!fx.check(&addendum()).has(Code::ObservationsTooFew));
    fx.instance.school.supervision.observations_per_teacher = 2;
    observe(&mut fx, "T", "2025-09-02", "C1");
    let report = fx.check(&addendum());
    assert!(report.has(Code::ObservationsTooFew));
    assert!(
        report
            .findings
            .iter()
            .filter(|f| f.code() == Code::ObservationsTooFew)
            .all(|f| f.severity() == crate::check::FindingSeverity::Warning)
    );
}
