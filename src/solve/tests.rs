//! Tiny instances whose optimum is worked out by hand. Every solve here has already passed
//! the independent checker inside `solve` (it refuses to return a schedule that fails it).

use super::*;
use crate::check::fixture::{Fx, addendum, date, handleiding, slot};
use crate::domain::{Schedule, Unavailability};
use crate::testing::english;
use diagnose::Rule;

mod locations;
mod proofs;

fn run(fx: &Fx, rules: &RuleSet) -> Solved {
    let settings = Settings {
        backend: Backend::Microlp,
        gap: 0.0,
        ..Settings::default()
    };
    solve(&fx.instance, rules, &settings).expect("the solver runs")
}

fn schedule(s: &Solved) -> &Schedule {
    &s.schedule.as_ref().expect("a schedule").0
}

fn size(s: &Solved, code: &str) -> usize {
    schedule(s)
        .placements
        .iter()
        .filter(|p| p.course_code.as_ref().is_some_and(|c| c.as_str() == code))
        .count()
}

fn teachers_of(s: &Solved, code: &str) -> Vec<String> {
    let mut t: Vec<String> = schedule(s)
        .timetable
        .iter()
        .filter(|r| r.course_code.as_str() == code)
        .filter_map(|r| r.teacher.as_ref().map(|t| t.0.clone()))
        .collect();
    t.sort();
    t.dedup();
    t
}

fn students(fx: &mut Fx, n: usize, profile: &str) {
    for i in 1..=n {
        fx.student(&format!("S{i:03}"), profile);
    }
}

#[test]
fn three_students_one_group_one_teacher_all_placed_at_cost_of_one_teacher() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    students(&mut fx, 3, "B1");
    let s = run(&fx, &addendum());
    assert_eq!(s.status, Status::Optimal);
    assert_eq!(size(&s, "G1"), 3);
    // Nobody unplaced, nothing above the standard maximum, one teacher for the group.
    assert_eq!(s.objective, Some(5.0));
}

#[test]
fn an_optional_group_opens_rather_than_overfilling_under_the_addendum() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1");
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.slots = vec![slot("tue-morning")];
    g2.optional = true;
    g2.min_size = 3;
    students(&mut fx, 23, "B1");
    let s = run(&fx, &addendum());
    assert_eq!((size(&s, "G1"), size(&s, "G2")), (20, 3));
    // Opening G2 (50) and one teacher per group (2 x 5); no overflow, nobody left out.
    assert_eq!(s.objective, Some(60.0));
}

#[test]
fn without_a_second_group_the_addendum_overfills_and_the_handleiding_leaves_students_out() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    students(&mut fx, 23, "B1");
    let a = run(&fx, &addendum());
    assert_eq!(size(&a, "G1"), 23);
    assert_eq!(a.objective, Some(3.0 * 1000.0 + 5.0));
    let h = run(&fx, &handleiding());
    assert_eq!(size(&h, "G1"), 20);
    assert_eq!(h.objective, Some(3.0 * 10_000.0 + 5.0));
}

#[test]
fn overflow_needs_every_group_of_the_cell_full() {
    // Two mandatory groups and 41 students: 21 + 20 is allowed (both full, one above);
    // 23 + 18 is not. The optimum keeps 40 within standard and puts 1 above: 21 + 20.
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1").slots = vec![slot("tue-morning")];
    students(&mut fx, 41, "B1");
    let s = run(&fx, &addendum());
    let mut sizes = [size(&s, "G1"), size(&s, "G2")];
    sizes.sort();
    assert_eq!(sizes, [20, 21]);
}

/// Three groups meeting at the same times (5 Monday and 4 Tuesday mornings each, 27
/// lessons), two certified teachers and one who is not: at most 18 certified lessons
/// (66.6%), and every course can still get a certified series. N1 must teach.
fn three_groups_at_once() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("C2", true);
    fx.teacher("N1", false);
    for g in ["G1", "G2", "G3"] {
        fx.group(g, "Utrecht", "B1").slots = vec![slot("mon-morning"), slot("tue-morning")];
    }
    fx
}

#[test]
fn certified_floor_binds_exactly_in_whole_lessons() {
    // The Addendum's 60% holds; the Handleiding's 80% (22 of 27) cannot.
    let fx = three_groups_at_once();
    let a = run(&fx, &addendum());
    let report = &a.schedule.as_ref().expect("schedule").1;
    assert_eq!(report.totals.certified_lessons, 18);
    // Norm 1.7.1b asks one certified lesson per course; how many more each gets is the
    // objective's choice (a certified teacher may visit a group for a single lesson).
    assert!(report.courses.iter().all(|c| c.certified_lessons >= 1));
    assert_eq!(
        report.mentoring.teachers.len(),
        1,
        "N1 teaches and is supervised"
    );
    let h = run(&fx, &handleiding());
    let Status::Infeasible { diagnosis } = &h.status else {
        panic!("expected infeasible, got {:?}", h.status);
    };
    let share = diagnosis
        .bounds
        .iter()
        .find(|r| r.rule == Rule::CertifiedShare)
        .expect("a 1.7.1a bound");
    assert!(
        english(share).contains("at most 18 of the 27 lessons"),
        "{}",
        english(share)
    );
    assert!(
        english(share).contains("80% (22 lessons)"),
        "{}",
        english(share)
    );
}

#[test]
fn one_teacher_gives_the_whole_series_and_a_substitute_covers_only_the_absence() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    // T2 works on Mondays only, so T1 is needed on Wednesdays.
    fx.instance.teachers[1]
        .available
        .0
        .retain(|s| s.day == crate::domain::Day::Mon);
    let g = fx.group("G1", "Utrecht", "B1");
    g.slots = vec![slot("mon-morning"), slot("wed-morning")];
    fx.instance.unavailability.push(Unavailability {
        teacher: crate::domain::TeacherId::new("T1"),
        from: date("2025-09-15"),
        to: date("2025-09-15"),
        reason: "ziek".into(),
    });
    let s = run(&fx, &addendum());
    let rows = &schedule(&s).timetable;
    let by = |d: &str| {
        rows.iter()
            .find(|r| r.date == date(d))
            .and_then(|r| r.teacher.clone())
            .map(|t| t.0)
    };
    assert_eq!(by("2025-09-15").as_deref(), Some("T2"));
    // Two distinct teachers is the least possible (who keeps the other Mondays is a tie),
    // and the objective counts exactly two.
    assert_eq!(teachers_of(&s, "G1"), ["T1", "T2"]);
    assert_eq!(s.objective, Some(10.0));
}

#[test]
fn a_slot_nobody_can_teach_is_named_in_the_diagnosis() {
    let mut fx = Fx::new();
    fx.teacher("T1", true).available = Default::default();
    fx.group("G1", "Utrecht", "B1");
    let s = run(&fx, &addendum());
    let Status::Infeasible { diagnosis } = &s.status else {
        panic!("expected infeasible, got {:?}", s.status);
    };
    let text: Vec<String> = diagnosis.reasons().map(english).collect();
    assert!(
        text.iter()
            .any(|m| m.contains("course G1 has no teacher who can teach mon-morning in Utrecht")),
        "{text:?}"
    );
    assert!(
        diagnosis
            .relaxation
            .iter()
            .any(|r| r.rule == Rule::Staffing),
        "{diagnosis:?}"
    );
}

#[test]
fn a_non_certified_teacher_without_mentor_capacity_makes_the_addendum_infeasible() {
    let mut fx = three_groups_at_once();
    fx.instance.teachers[0].mentor_capacity = 0;
    fx.instance.teachers[1].mentor_capacity = 0;
    let s = run(&fx, &addendum());
    let Status::Infeasible { diagnosis } = &s.status else {
        panic!("expected infeasible, got {:?}", s.status);
    };
    let sup = diagnosis
        .relaxation
        .iter()
        .find(|r| r.rule == Rule::Supervision)
        .expect("supervision");
    assert!(
        english(sup).contains("1 more mentor place"),
        "{}",
        english(sup)
    );
    // With an external mentor it works, and the mentor is named.
    fx.external_mentor("M1", 1);
    let ok = run(&fx, &addendum());
    assert_eq!(schedule(&ok).mentoring.len(), 1);
    assert_eq!(schedule(&ok).mentoring[0].mentor, "M1");
}

#[test]
fn the_same_instance_gives_the_same_schedule() {
    let mut fx = Fx::new();
    for t in ["T1", "T2", "T3"] {
        fx.teacher(t, t != "T3");
    }
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Amersfoort", "B1").slots = vec![slot("mon-morning"), slot("thu-afternoon")];
    students(&mut fx, 30, "B1");
    let a = run(&fx, &addendum());
    let b = run(&fx, &addendum());
    assert_eq!(schedule(&a), schedule(&b));
}

#[test]
fn the_relaxation_counts_the_certified_shortfall_in_lessons_not_row_units() {
    // Regression: the slack of the certified floor row (`5 certified - 4 lessons >= 0` at
    // 80%) was reported as lessons, five times too many. At most 18 of 27 lessons can be
    // certified and 22 are needed: whatever else gives way, never more than 4 lessons short.
    let fx = three_groups_at_once();
    let h = run(&fx, &handleiding());
    let Status::Infeasible { diagnosis } = &h.status else {
        panic!("expected infeasible, got {:?}", h.status);
    };
    let share = diagnosis
        .relaxation
        .iter()
        .find(|r| r.rule == Rule::CertifiedShare)
        .expect("a 1.7.1a relaxation reason");
    let short: u32 = english(share)
        .strip_prefix("the certified share falls ")
        .and_then(|m| m.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}", english(share)));
    assert!((1..=4).contains(&short), "{}", english(share));
}

#[test]
fn an_empty_optional_group_is_not_opened_to_lift_the_certified_share() {
    // Regression (found by the property test): G1 must run, and only N1 can give its 4
    // Tuesdays (5 of 9 lessons certified). Opening the optional G2 without students, all 12
    // of its lessons by C1, would make 17 of 21 (81%), but an optional group without
    // students must stay closed (C156). The model used to open it with min_size 0 and the
    // checker rejected the schedule (SolveError::CheckerRejected); now the Handleiding's
    // 80% is infeasible, with its reasons.
    let mut fx = Fx::new();
    fx.teacher("C1", true).available = crate::domain::Availability(
        ["mon-morning", "wed-morning", "thu-morning", "fri-morning"]
            .into_iter()
            .map(slot)
            .collect(),
    );
    fx.teacher("N1", false);
    fx.group("G1", "Utrecht", "B1").slots = vec![slot("mon-morning"), slot("tue-morning")];
    let g2 = fx.group("G2", "Utrecht", "ONA");
    g2.slots = vec![
        slot("wed-morning"),
        slot("thu-morning"),
        slot("fri-morning"),
    ];
    g2.optional = true;
    g2.min_size = 0;
    let h = run(&fx, &handleiding());
    let Status::Infeasible { diagnosis } = &h.status else {
        panic!("expected infeasible, got {:?}", h.status);
    };
    assert!(
        diagnosis
            .bounds
            .iter()
            .any(|r| r.rule == Rule::CertifiedShare
                && english(r).contains("at most 5 of the 9 lessons")),
        "{diagnosis:?}"
    );
    assert!(
        diagnosis
            .relaxation
            .iter()
            .any(|r| r.rule == Rule::MinSize && english(r).contains("group G2")),
        "the cheapest way out is a student for G2: {diagnosis:?}"
    );
    // With a student for G2 it runs, and lifts the share honestly.
    fx.student("S1", "ONA");
    let a = run(&fx, &handleiding());
    assert_eq!(a.status, Status::Optimal);
    assert_eq!(size(&a, "G2"), 1);
    assert_eq!(teachers_of(&a, "G2"), ["C1"]);
}

#[test]
fn one_student_leaving_can_unplace_two_when_exception_2s_condition_binds() {
    // Not a defect: the rule itself. 13 students fit only G1 (Monday), 12 only G2
    // (Tuesday), both Alfabetisering (standard 12, temporary 15). With G2 full, G1 may hold
    // 13: all 25 placed. When one of G2's students leaves, G2 is no longer full, so G1 must
    // keep to 12: 23 placed, two fewer. The property test therefore checks "at most one
    // fewer" without the full-groups condition.
    let only = |day: &str| {
        crate::domain::Availability([slot(&format!("{day}-morning"))].into_iter().collect())
    };
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "Alfa");
    fx.group("G2", "Utrecht", "Alfa").slots = vec![slot("tue-morning")];
    for i in 1..=13 {
        fx.student(&format!("M{i:02}"), "Alfa").available = only("mon");
    }
    for i in 1..=12 {
        fx.student(&format!("T{i:02}"), "Alfa").available = only("tue");
    }
    let all = run(&fx, &addendum());
    assert_eq!((size(&all, "G1"), size(&all, "G2")), (13, 12));
    fx.instance.students.retain(|s| s.id.as_str() != "T12");
    let fewer = run(&fx, &addendum());
    assert_eq!((size(&fewer, "G1"), size(&fewer, "G2")), (12, 11));
}

#[test]
fn microlp_reports_its_best_schedule_so_far_and_the_last_report_is_the_result() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    students(&mut fx, 5, "B1");
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink_seen = seen.clone();
    let settings = Settings {
        backend: Backend::Microlp,
        gap: 0.0,
        progress: Some(ProgressSink(std::sync::Arc::new(move |i: &Incumbent| {
            if let Ok(mut v) = sink_seen.lock() {
                v.push(i.objective);
            }
        }))),
        ..Settings::default()
    };
    let s = solve(&fx.instance, &addendum(), &settings).expect("the solver runs");
    let seen = seen.lock().expect("reports").clone();
    assert!(!seen.is_empty(), "at least one report");
    assert_eq!(seen.last().copied(), s.objective);
}
