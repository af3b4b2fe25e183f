//! Infeasible by a capacity bound alone: `solve` answers without the program, and a bound
//! is claimed only where it is a proof.

use super::*;

#[test]
fn a_course_no_certified_teacher_can_reach_is_infeasible_without_the_program() {
    // G2 is at Amersfoort, where only the non-certified N1 teaches: 1.7.1b cannot hold.
    // Without a diagnosis asked for, the reason given is the bound that proved it (the
    // program, had it run, would leave the diagnosis empty).
    let fx = Fx::course_out_of_reach("C1", "N1");
    let settings = Settings {
        backend: Backend::Microlp,
        diagnose: false,
        ..Settings::default()
    };
    let solved = solve(&fx.instance, &handleiding(), &settings).expect("the solver runs");
    let Status::Infeasible { diagnosis } = &solved.status else {
        panic!("expected infeasible, got {:?}", solved.status);
    };
    // C1 alone can give G1's five lessons: 5 of 10 falls below 80% too.
    let rules: Vec<Rule> = diagnosis.bounds.iter().map(|r| r.rule).collect();
    assert_eq!(rules, [Rule::CourseCertified, Rule::CertifiedShare]);
    assert!(english(&diagnosis.bounds[0]).contains("G2"));
    assert!(diagnosis.relaxation.is_empty());
    assert_eq!(diagnosis.must_give_way, None);
}

#[test]
fn no_share_bound_is_claimed_while_an_optional_group_with_students_may_open() {
    // G1 must run: its 5 Mondays and 4 Tuesdays (2025-09-01 to 09-29), C1 at most one
    // lesson a week, so at most 5 of its 9 lessons certified (55%). G2, optional, at
    // Amersfoort where only C2 (certified) teaches, meets every weekday morning: 21 lessons.
    // With S1 for G2 it opens, and 26 of 30 lessons (86.7%) meet the Handleiding's 80%:
    // counting G1's lessons alone would claim a proof of infeasibility that is false.
    let mut fx = Fx::new();
    fx.teacher("C1", true).max_lessons_per_week = Some(1);
    fx.teacher("N1", false).locations = [crate::domain::Location::new("Utrecht")].into();
    fx.teacher("C2", true).locations = [crate::domain::Location::new("Amersfoort")].into();
    fx.group("G1", "Utrecht", "B1").slots = vec![slot("mon-morning"), slot("tue-morning")];
    let g2 = fx.group("G2", "Amersfoort", "ONA");
    g2.slots = ["mon", "tue", "wed", "thu", "fri"]
        .iter()
        .map(|d| slot(&format!("{d}-morning")))
        .collect();
    g2.optional = true;
    fx.student("S1", "ONA");
    let s = run(&fx, &handleiding());
    let report = &s.schedule.as_ref().expect("a schedule").1;
    assert!(report.compliant);
    assert_eq!(size(&s, "G2"), 1);
    assert_eq!(
        (report.totals.certified_lessons, report.totals.lessons_given),
        (26, 30)
    );
}
