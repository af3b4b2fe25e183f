//! The referee on hand-made cases whose optimum is worked out below, on tiny random schools
//! (every schedule passes the checker and costs what it says; pruning never changes the
//! optimum), and, run by hand, against the solver.

use super::cases;
use super::tiny::tiny;
use super::*;
use crate::check::fixture::{Fx, addendum, date, handleiding, slot};
use crate::domain::{Availability, Share, SizeLimits};
use proptest::prelude::*;

/// The optimum, which must exist, after asserting that the checker accepts its schedule.
fn best(fx: &Fx, rules: &RuleSet) -> Best {
    let best = optimum(&fx.instance, rules).expect("a schedule meets every hard rule");
    let report = check::check(&fx.instance, rules, &best.schedule).expect("checkable");
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(best.cost, cost_of(&fx.instance, rules, &best.schedule));
    best
}

/// The teachers of a course's lessons, in date order.
fn teachers_of(best: &Best, code: &str) -> Vec<String> {
    best.schedule
        .timetable
        .iter()
        .filter(|r| r.course_code.as_str() == code)
        .map(|r| r.teacher.as_ref().map_or("-".into(), |t| t.to_string()))
        .collect()
}

/// G1 and G2 meet Monday morning in weeks 1 and 2; certified T1 can give one lesson a date,
/// non-certified T2 the other. 1.7.1b wants a certified lesson in each course, so T1 gives G1
/// one Monday and G2 the other: 2 non-certified lessons (20) and every course has both
/// teachers (4 pairs, 20): 40. T1 giving both lessons of one course leaves the other without
/// a certified lesson; a teacher per weekly series cannot meet 1.7.1b here at all.
#[test]
fn a_certified_teacher_rotates_over_two_courses_at_the_same_time() {
    for floor in [Share(5000), Share(0)] {
        let (fx, rules) = cases::rotation(floor);
        let best = best(&fx, &rules);
        assert_eq!(best.cost, 40.0, "floor {floor}");
        for code in ["G1", "G2"] {
            let mut t = teachers_of(&best, code);
            t.sort();
            assert_eq!(t, ["T1", "T2"], "{code}, floor {floor}");
        }
    }
}

/// A meets Monday 09:00-12:00 on 1 and 8 September, B Monday 10:30-13:30 on 8 and 15
/// September: they overlap on the 8th only. Certified T1 gives A on the 1st, B on the 15th and
/// one of them on the 8th; non-certified T2 (mentored by T1) the other: 1 non-certified lesson
/// (10) and 3 pairs (15): 25. Giving T2 a whole group costs 2 non-certified lessons and 2
/// pairs: 30. The share is 3 of 4, above the Addendum's 60%.
#[test]
fn b_groups_overlapping_on_some_dates_only_share_a_teacher_on_the_others() {
    let (fx, rules) = cases::overlap_on_some_dates();
    let best = best(&fx, &rules);
    assert_eq!(best.cost, 25.0);
    let mut all: Vec<String> = teachers_of(&best, "A");
    all.extend(teachers_of(&best, "B"));
    assert_eq!(all.iter().filter(|t| *t == "T1").count(), 3);
    assert_eq!(best.schedule.mentoring.len(), 1);
    assert_eq!(best.schedule.mentoring[0].mentor, "T1");
}

/// Certified T1 gives at most one lesson a week; A meets Mondays in weeks 1-2, B Tuesdays in
/// weeks 1-3; non-certified T2 takes the rest. The 50% floor needs 3 certified lessons of 5,
/// so T1 teaches in every week, and in week 3, after A ended, that is B's lesson. 1.7.1b needs
/// a certified lesson in A: T1 gives A in weeks 1 and 2 (A has one teacher, B two: 3 pairs,
/// 15) and T2 B's first two (20): 35. T1 giving one of A and one of B in weeks 1-2 costs a
/// fourth pair (40); one teacher per weekly series meets the floor and 1.7.1b only if T1 gives
/// all of A and some of B, which its weekly maximum forbids.
#[test]
fn c_a_weekly_maximum_freed_when_a_group_ends() {
    let (fx, rules) = cases::weekly_maximum_freed();
    let best = best(&fx, &rules);
    assert_eq!(best.cost, 35.0);
    assert_eq!(teachers_of(&best, "A"), ["T1", "T1"]);
    assert_eq!(teachers_of(&best, "B"), ["T2", "T2", "T1"]);
}

/// Standard maximum 2, temporary 3. Three students for G1 (Mondays) and optional G2
/// (Tuesdays), one week each, certified T1. Opening G2 (50) and T1 in both (2 pairs, 10) beats
/// a third student in G1 (1000 above the standard maximum); S3 prefers Amersfoort (rank 1):
/// 61. When T1 cannot give Tuesdays, G2 cannot run: G1 takes all three under exception 2
/// (the only running group of its cell is full): 1000 + 5 + 1 = 1006.
#[test]
fn d_an_optional_group_opens_instead_of_overfilling_when_it_can_be_staffed() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1").end = date("2025-09-05");
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.slots = vec![slot("tue-morning")];
    g2.end = date("2025-09-05");
    g2.optional = true;
    for s in ["S1", "S2", "S3"] {
        fx.student(s, "B1");
    }
    fx.instance.students[2].locations.reverse();
    let mut rules = addendum();
    rules.size_classes.insert(
        "NT2/B1".into(),
        SizeLimits {
            standard_max: 2,
            temporary_max: 3,
        },
    );
    assert_eq!(best(&fx, &rules).cost, 61.0);

    fx.instance.teachers[0].available =
        Availability(std::iter::once(slot("mon-morning")).collect());
    let best = best(&fx, &rules);
    assert_eq!(best.cost, 1006.0);
    assert!(
        best.schedule
            .placements
            .iter()
            .all(|p| p.course_code.as_ref().is_some_and(|c| c.as_str() == "G1"))
    );
}

/// Standard maximum 1, temporary 2; G1 (Mondays) and G2 (Tuesdays), one lesson each, certified
/// T1; S1 and S2 can come on Mondays only. Under exception 2's condition G1 may hold both only
/// if G2, which nobody can join, held one: one student stays out (10000 + 2 pairs, 10). Without
/// the condition G1 takes both, one above the standard maximum: 1000 + 10.
#[test]
fn f_exception_2_needs_every_group_of_the_cell_full() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1").end = date("2025-09-05");
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.slots = vec![slot("tue-morning")];
    g2.end = date("2025-09-05");
    for s in ["S1", "S2"] {
        fx.student(s, "B1").available =
            Availability(std::iter::once(slot("mon-morning")).collect());
    }
    let mut rules = addendum();
    rules.size_classes.insert(
        "NT2/B1".into(),
        SizeLimits {
            standard_max: 1,
            temporary_max: 2,
        },
    );
    assert_eq!(best(&fx, &rules).cost, 10_010.0);
    rules.overflow_requires_full_groups = false;
    assert_eq!(best(&fx, &rules).cost, 1_010.0);
}

/// No schedule: only a non-certified teacher under 80%; a student pinned to an optional
/// group nobody can teach (the pin makes it run).
#[test]
fn e_no_schedule_when_a_norm_cannot_be_met() {
    let mut fx = Fx::new();
    fx.teacher("T1", false);
    fx.group("G1", "Utrecht", "B1");
    assert!(optimum(&fx.instance, &handleiding()).is_none());

    let mut fx = Fx::new();
    fx.teacher("T1", true).profiles = std::iter::once("B1".into()).collect();
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "Alfa").optional = true;
    fx.student("S1", "Alfa").pinned = Some("G2".into());
    assert!(optimum(&fx.instance, &handleiding()).is_none());
    fx.instance.students[0].pinned = None;
    // Unpinned, the student stays out and G2 closed: T1's five lessons of G1.
    assert_eq!(best(&fx, &handleiding()).cost, 10_000.0 + 5.0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the brute force returns passes the checker (`optimum` asserts it too) and
    /// costs what the schedule alone says.
    #[test]
    fn every_optimum_passes_the_checker_and_costs_what_its_rows_say(t in tiny()) {
        let Some(best) = optimum(&t.instance, &t.rules) else { return Ok(()) };
        let report = check::check(&t.instance, &t.rules, &best.schedule)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(report.compliant, "{:?}", report.findings);
        let recomputed = cost_of(&t.instance, &t.rules, &best.schedule);
        prop_assert!((recomputed - best.cost).abs() < 1e-9, "{} vs {recomputed}", best.cost);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The referee of the referee: with every cut by cost and by norms switched off, every
    /// staffing that keeps the teacher rules and every placing is judged at its leaf, and the
    /// optimum is the same (on the smaller tiny schools, to stay quick).
    #[test]
    fn pruning_never_changes_the_optimum(
        t in tiny().prop_filter("at most 11 lessons", |t| t.instance.lessons().len() <= 11)
    ) {
        let pruned = optimum(&t.instance, &t.rules).map(|b| b.cost);
        let full = optimum_with(&t.instance, &t.rules, Pruning::Off).map(|b| b.cost);
        prop_assert_eq!(pruned, full);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Judged by the checker alone, not by the referee's own reading of the norms: no schedule
    /// one change away from the optimum that the checker accepts is cheaper.
    #[test]
    fn no_neighbour_the_checker_accepts_is_cheaper(t in tiny()) {
        let Some(best) = optimum(&t.instance, &t.rules) else { return Ok(()) };
        for (what, neighbour) in neighbours(&t.instance, &t.rules, &best.schedule) {
            let report = check::check(&t.instance, &t.rules, &neighbour)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            if report.compliant {
                let cost = cost_of(&t.instance, &t.rules, &neighbour);
                prop_assert!(cost >= best.cost, "{what} costs {cost} < {}", best.cost);
            }
        }
    }
}

/// The schedules one change away from `schedule`: another teacher for one lesson; two lessons
/// swapping teachers; another group, or none, for one student, with an optional group it
/// opens staffed by one teacher and one it empties closed. Mentors are matched anew.
fn neighbours(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
) -> Vec<(String, Schedule)> {
    let mut out = Vec::new();
    let rows = schedule.timetable.len();
    let teachers: Vec<&TeacherId> = instance.teachers.iter().map(|t| &t.id).collect();
    for i in 0..rows {
        for t in &teachers {
            let mut s = schedule.clone();
            s.timetable[i].teacher = Some((*t).clone());
            out.push((format!("row {i} by {t}"), s));
        }
        for j in i + 1..rows {
            let mut s = schedule.clone();
            let a = s.timetable[i].teacher.take();
            s.timetable[i].teacher = std::mem::replace(&mut s.timetable[j].teacher, a);
            out.push((format!("rows {i} and {j} swapped"), s));
        }
    }
    for (p, placement) in schedule.placements.iter().enumerate() {
        let targets =
            std::iter::once(None).chain(instance.groups.iter().map(|g| Some(&g.course_code)));
        for target in targets {
            if target == placement.course_code.as_ref() {
                continue;
            }
            let mut s = schedule.clone();
            s.placements[p].course_code = target.cloned();
            let left = placement
                .course_code
                .as_ref()
                .and_then(|c| instance.group(c));
            if let Some(g) = left.filter(|g| g.optional)
                && !s
                    .placements
                    .iter()
                    .any(|q| q.course_code.as_ref() == Some(&g.course_code))
            {
                s.timetable.retain(|r| r.course_code != g.course_code);
            }
            let joined = target.and_then(|c| instance.group(c));
            let closed =
                joined.filter(|g| !s.timetable.iter().any(|r| r.course_code == g.course_code));
            let Some(g) = closed else {
                out.push((format!("{} to {target:?}", placement.student), s));
                continue;
            };
            for t in &teachers {
                let mut s = s.clone();
                s.timetable
                    .extend(instance.lessons_of(g).into_iter().map(|l| TimetableRow {
                        course_code: l.course_code,
                        date: l.date,
                        time: l.time,
                        location: l.location,
                        teacher: Some((*t).clone()),
                        room: None,
                    }));
                out.push((
                    format!(
                        "{} to {}, opened with {t}",
                        placement.student, g.course_code
                    ),
                    s,
                ));
            }
        }
    }
    for (_, s) in &mut out {
        s.mentoring = mentoring(instance, rules, &s.timetable);
    }
    out
}
