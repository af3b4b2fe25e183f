//! Each part on a hand-made school, the bound worked out by hand in the comments; the
//! referees (brute force, proven optima) in `tests_referees.rs`.

use super::*;
use crate::check::fixture::{Fx, addendum, date, handleiding, range, slot};
use crate::domain::{Block, BlockName, Location, LocationOrder, SizeLimits};
use crate::solve::brute;

/// The rule set with every size class at `standard`, and `temporary` under exception 2.
fn sizes(mut rules: RuleSet, standard: u32, temporary: u32) -> RuleSet {
    for l in rules.size_classes.values_mut() {
        *l = SizeLimits {
            standard_max: standard,
            temporary_max: temporary,
        };
    }
    rules
}

/// The brute force's optimum, which must exist.
fn optimum(fx: &Fx, rules: &RuleSet) -> f64 {
    brute::optimum(&fx.instance, rules)
        .expect("a schedule meets every hard rule")
        .cost
}

#[test]
fn placement_counts_students_left_out_and_above_the_standard_maximum() {
    // G1 (B1, Utrecht) holds 2 at the standard maximum and 3 at the temporary one; 5 B1
    // students and one Alfa student who fits no group. Certified T1 gives G1's 5 Mondays.
    // Placement: 3 in G1 (one above the standard: 1000), 2 + 1 left out (3 · 10000) = 31000.
    // Non-certified lessons 0; continuity: G1 needs one teacher (5). Bound 31005, and that is
    // the optimum: T1 gives every lesson.
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    for i in 1..=5 {
        fx.student(&format!("S{i}"), "B1");
    }
    fx.student("S6", "Alfa");
    let rules = sizes(addendum(), 2, 3);
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!(b.placement, 31_000.0);
    assert_eq!(b.unplaced_students, 3);
    assert_eq!((b.non_certified, b.continuity), (0.0, 5.0));
    assert_eq!(b.total, 31_005.0);
    assert_eq!(optimum(&fx, &rules), 31_005.0);
}

#[test]
fn placement_takes_the_preferred_location_where_there_is_room() {
    // U (Utrecht) and A (Amersfoort) hold one student each (Handleiding: no overflow). S1 and
    // S2 both prefer Amersfoort (rank 0) over Utrecht (rank 1): one goes to A, the other to U
    // at one step down (1). S3 is pinned to U, listed second too: a constant of 1, and U is
    // then full, so one of S1 and S2 is left out: 10000 + 0 + 1 (S3) = 10001. Two groups of 5
    // lessons each need a teacher: 2 · 5 = 10. T1 can give both (Monday morning at two
    // locations is one time: T1 gives 5 of the 10 lessons, T2 the other 5; both are
    // certified, so no non-certified lessons). Bound 10011, the optimum.
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("U", "Utrecht", "B1");
    fx.group("A", "Amersfoort", "B1");
    let prefer = vec![Location::new("Amersfoort"), Location::new("Utrecht")];
    for id in ["S1", "S2", "S3"] {
        let s = fx.student(id, "B1");
        s.locations = prefer.clone();
        s.location_order = LocationOrder::Preference;
    }
    fx.instance.students[2].pinned = Some(crate::domain::CourseCode::new("U"));
    let rules = sizes(handleiding(), 1, 1);
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!((b.placement, b.constant), (10_000.0, 1.0));
    assert_eq!((b.non_certified, b.continuity), (0.0, 10.0));
    assert_eq!(b.total, 10_011.0);
    assert_eq!(optimum(&fx, &rules), 10_011.0);
}

#[test]
fn an_optional_group_with_a_pinned_student_must_open_and_others_pay_a_share() {
    // O1 is optional with S1 pinned: it must open (50), and it needs a teacher (5). O2 is
    // optional too, and S2 fits only O2: O2 holds at most 1 student (there is only S2), so
    // S2 placed there pays its whole opening cost: 50 + 5 (one teacher) = 55 < 10000 for
    // leaving S2 out. Lessons: O1's 5 Mondays, by certified T1: 0 non-certified. Bound
    // 50 + 5 + 55 = 110, the optimum (both groups open, T1 gives them at the two times).
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("O1", "Utrecht", "B1").optional = true;
    let o2 = fx.group("O2", "Utrecht", "Alfa");
    o2.optional = true;
    o2.slots = vec![slot("tue-morning")];
    fx.student("S1", "B1").pinned = Some(crate::domain::CourseCode::new("O1"));
    fx.student("S2", "Alfa");
    let rules = handleiding();
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!(b.forced_openings, 50.0);
    assert_eq!(b.placement, 55.0);
    assert_eq!(b.continuity, 5.0);
    assert_eq!(b.total, 110.0);
    assert_eq!(optimum(&fx, &rules), 110.0);
}

#[test]
fn an_optional_group_that_every_schedule_opens_counts_in_full_after_branching() {
    // O is optional; S1 and S2 fit only O. Only non-certified T2 works Tuesdays, O's day, and
    // G (Monday, must run) has certified T1. Before branching O pays its share in part 1:
    // (50 + 5) / 2 students each = 55, and its lessons (Tuesdays 2 to 23 September: 4) are
    // not counted. Closing O leaves both out (20000 and more), so the branching counts O as
    // running: 50 to open, its 4 lessons by T2 (40), one teacher (5), and G's teacher (5):
    // 100, the optimum with no floor and no 1.7.1b.
    let mut fx = Fx::new();
    fx.teacher("T1", true).available =
        crate::domain::Availability([slot("mon-morning")].into_iter().collect());
    fx.teacher("T2", false).available =
        crate::domain::Availability([slot("tue-morning")].into_iter().collect());
    fx.group("G", "Utrecht", "B1");
    let o = fx.group("O", "Utrecht", "Alfa");
    o.optional = true;
    o.slots = vec![slot("tue-morning")];
    fx.student("S1", "Alfa");
    fx.student("S2", "Alfa");
    let mut rules = handleiding();
    rules.min_certified_share = crate::domain::Share(0);
    rules.min_certified_lessons_per_course = 0;
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!((b.placement, b.forced_openings), (0.0, 50.0));
    assert_eq!((b.non_certified, b.continuity), (40.0, 10.0));
    assert_eq!(b.optional_groups_running, 1);
    assert!(b.closing_one.is_some_and(|c| c >= 20_000.0), "{b:?}");
    assert_eq!(b.total, 100.0);
    assert_eq!(optimum(&fx, &rules), 100.0);
}

#[test]
fn non_certified_lessons_are_what_certified_teachers_cannot_give_at_one_time() {
    // G1 and G2 meet Monday morning for 5 weeks: 10 lessons at 5 times. Certified T1 gives at
    // most one a time: 5; the other 5 go to non-certified T2 (50). Each group needs a teacher
    // (2 · 5). Bound 60, the optimum under the Handleiding without its floor and without
    // 1.7.1b (T1 gives G1, T2 G2; with 1.7.1b T1 must visit G2 too: 4 pairs, 70).
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1");
    let mut rules = handleiding();
    rules.min_certified_share = crate::domain::Share(0);
    rules.min_certified_lessons_per_course = 0;
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!((b.lessons, b.certified_at_most), (10, 5));
    assert_eq!((b.non_certified, b.continuity), (50.0, 10.0));
    assert_eq!(b.total, 60.0);
    assert_eq!(optimum(&fx, &rules), 60.0);
}

#[test]
fn overlapping_blocks_limit_a_teacher_to_the_times_apart() {
    // A midday block (10:30-13:30) overlaps morning and afternoon. On Monday 1 September M
    // meets in the morning, D at midday and A in the afternoon: one chain of three times, of
    // which two (morning, afternoon) are apart, so certified T1 gives at most 2 of the 3;
    // non-certified T2 the third (10). Three groups, one teacher each (15). Bound 25, the
    // optimum without the floor and 1.7.1b: T1 gives M and A, T2 gives D.
    let mut fx = Fx::new();
    fx.instance.school.blocks.insert(
        1,
        Block {
            name: BlockName::new("midday"),
            time: range((10, 30), (13, 30)),
        },
    );
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    for (code, s) in [
        ("M", "mon-morning"),
        ("D", "mon-midday"),
        ("A", "mon-afternoon"),
    ] {
        let g = fx.group(code, "Utrecht", "B1");
        g.slots = vec![slot(s)];
        g.end = date("2025-09-01");
    }
    let mut rules = addendum();
    rules.min_certified_share = crate::domain::Share(0);
    rules.min_certified_lessons_per_course = 0;
    rules.mentor_required = false;
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!((b.lessons, b.certified_at_most), (3, 2));
    assert_eq!(b.total, 25.0);
    assert_eq!(optimum(&fx, &rules), 25.0);
}

#[test]
fn weekly_maxima_cap_certified_lessons_and_force_more_teachers_per_group() {
    // G meets Monday and Tuesday morning for 5 weeks (1 to 30 September): 10 lessons. T1 and
    // T2 are certified with
    // at most 1 lesson a week each: together 10, so no non-certified lesson; each gives G at
    // most 5, so G needs both (2 · 5). Bound 10, the optimum.
    let mut fx = Fx::new();
    fx.teacher("T1", true).max_lessons_per_week = Some(1);
    fx.teacher("T2", true).max_lessons_per_week = Some(1);
    let g = fx.group("G", "Utrecht", "B1");
    g.slots = vec![slot("mon-morning"), slot("tue-morning")];
    g.end = date("2025-09-30");
    let rules = handleiding();
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!((b.lessons, b.certified_at_most), (10, 10));
    assert_eq!((b.non_certified, b.continuity), (0.0, 10.0));
    assert_eq!(b.teacher_pairs_at_least, 2);
    assert_eq!(b.total, 10.0);
    assert_eq!(optimum(&fx, &rules), 10.0);
}

#[test]
fn groups_that_get_non_certified_lessons_have_a_certified_teacher_too_under_1_7_1b() {
    // The rotation of the exact-program issue (brute/tests.rs: 40): G1 and G2 meet Monday
    // morning in weeks 1 and 2, certified T1, non-certified T2. T1 gives at most one lesson a
    // date: 2 non-certified lessons (20). Each group has 2 lessons of which 1.7.1b keeps one
    // certified, so each takes at most one non-certified lesson: both take one, and both then
    // have a certified and a non-certified teacher: 4 pairs (20). Bound 40, the optimum;
    // without 1.7.1b one non-certified teacher may give a group alone: 2 pairs, 30.
    let (fx, mut rules) = brute::cases::rotation(crate::domain::Share(5000));
    let b = lower_bound(&fx.instance, &rules);
    assert_eq!((b.non_certified, b.continuity), (20.0, 20.0));
    assert_eq!(b.total, 40.0);
    assert_eq!(optimum(&fx, &rules), 40.0);
    rules.min_certified_lessons_per_course = 0;
    assert_eq!(lower_bound(&fx.instance, &rules).total, 30.0);
    assert_eq!(optimum(&fx, &rules), 30.0);
}

#[test]
fn a_negative_weight_gives_no_bound_but_minus_infinity() {
    let mut fx = Fx::new();
    fx.instance.school.weights.teacher_per_group = -1.0;
    let b = lower_bound(&fx.instance, &handleiding());
    assert_eq!(b.total, f64::NEG_INFINITY);
}

#[test]
fn clock_times_chain_where_they_overlap_and_count_those_apart() {
    let (m, d, a, e) = (
        range((9, 0), (12, 0)),
        range((10, 30), (13, 30)),
        range((13, 0), (16, 0)),
        range((18, 30), (21, 0)),
    );
    let times = vec![m, d, a, e];
    let c = chains(&times);
    assert_eq!(c, vec![&[m, d, a][..], &[e][..]]);
    assert_eq!(most_apart(c[0]), 2);
    assert_eq!(most_apart(&times), 3);
    // Touching times (12:00 end, 12:00 start) do not overlap.
    let touching = vec![m, range((12, 0), (13, 0))];
    assert_eq!(chains(&touching).len(), 2);
    assert_eq!(most_apart(&touching), 2);
}
