//! One hand-made school per reason a student has no place, and the lessons, courses and
//! teachers that fall short, named.

use super::*;
use crate::check::fixture::{Fx, addendum, date, handleiding, slot};
use crate::domain::{Availability, Location};

fn reason_of(fx: &Fx, rules: &crate::domain::RuleSet, student: &str) -> UnplacedReason {
    fx.check(rules)
        .who_pays
        .students
        .into_iter()
        .find(|s| s.student.as_str() == student)
        .map(|s| s.reason)
        .expect("the student is listed as not placed")
}

/// G1: B1 at Utrecht, Monday mornings, given by certified T1.
fn school() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.staff("G1", "T1");
    fx
}

fn code(c: &str) -> CourseCode {
    CourseCode::new(c)
}

#[test]
fn a_student_who_accepts_only_amersfoort_has_no_group_there() {
    let mut fx = school();
    fx.student("S1", "B1").locations = vec![Location::new("Amersfoort")];
    assert_eq!(
        reason_of(&fx, &handleiding(), "S1"),
        UnplacedReason::NoGroupAtLocation {
            locations: vec![Location::new("Amersfoort")]
        }
    );
}

#[test]
fn a_student_free_only_on_tuesdays_misses_the_monday_group() {
    let mut fx = school();
    fx.student("S1", "B1").available = Availability([slot("tue-morning")].into());
    assert_eq!(
        reason_of(&fx, &handleiding(), "S1"),
        UnplacedReason::NoGroupInTheirSlots {
            groups: vec![(code("G1"), vec!["mon-morning".to_string()])]
        }
    );
}

#[test]
fn every_fitting_group_at_its_maximum_names_the_groups_and_maxima() {
    // The Handleiding: B1 holds 20. Under the Addendum, with the only group of the cell at
    // 25 (exception 2's condition holds: every group of the cell is at least at 20), 25.
    let mut fx = school();
    fx.fill("G1", 20);
    fx.student("S1", "B1");
    assert_eq!(
        reason_of(&fx, &handleiding(), "S1"),
        UnplacedReason::FittingGroupsFull {
            groups: vec![GroupAtMaximum {
                course_code: code("G1"),
                size: 20,
                maximum: 20
            }]
        }
    );
    let mut fx = school();
    fx.fill("G1", 25);
    fx.student("S1", "B1");
    assert_eq!(
        reason_of(&fx, &addendum(), "S1"),
        UnplacedReason::FittingGroupsFull {
            groups: vec![GroupAtMaximum {
                course_code: code("G1"),
                size: 25,
                maximum: 25
            }]
        }
    );
}

#[test]
fn a_closed_optional_group_too_small_to_open_is_named_with_its_min_size() {
    // G1 is full; optional G2 needs 3 students and only S1 is left without a place.
    let mut fx = school();
    fx.fill("G1", 20);
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.optional = true;
    g2.min_size = 3;
    fx.student("S1", "B1");
    assert_eq!(
        reason_of(&fx, &handleiding(), "S1"),
        UnplacedReason::OptionalGroupClosed {
            closed: vec![ClosedGroup {
                course_code: code("G2"),
                lessons: 5,
                obstacle: Some(Obstacle::TooFewStudents {
                    fitting: 1,
                    needed: 3
                }),
            }],
            full: vec![GroupAtMaximum {
                course_code: code("G1"),
                size: 20,
                maximum: 20
            }],
        }
    );
}

#[test]
fn a_closed_optional_group_in_a_slot_nobody_teaches_names_the_slot() {
    // The only fitting group is optional G2 on Tuesday evenings; T1 works mornings only.
    let mut fx = Fx::new();
    fx.teacher("T1", true).available = Availability([slot("tue-morning")].into());
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.optional = true;
    g2.slots = vec![slot("tue-evening")];
    fx.student("S1", "B1");
    let UnplacedReason::OptionalGroupClosed { closed, full } = reason_of(&fx, &handleiding(), "S1")
    else {
        panic!("not the closed group")
    };
    assert!(full.is_empty());
    assert_eq!(
        closed[0].obstacle,
        Some(Obstacle::NoTeacherForSlot {
            slot: "tue-evening".into()
        })
    );
}

#[test]
fn a_student_left_out_of_a_group_with_room_is_undetermined_not_guessed() {
    let mut fx = school();
    fx.fill("G1", 5);
    fx.student("S1", "B1");
    assert_eq!(
        reason_of(&fx, &handleiding(), "S1"),
        UnplacedReason::Undetermined {
            room_in: vec![code("G1")]
        }
    );
}

#[test]
fn lessons_without_a_teacher_courses_below_1_7_1b_and_teachers_without_a_mentor_are_named() {
    // G1's last two Mondays have no teacher; G2 is given by non-certified T2 alone, who has
    // no mentor under the Addendum.
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1").slots = vec![slot("tue-morning")];
    fx.staff_split("G1", &[("T1", 3)]);
    fx.staff("G2", "T2");
    let w = fx.check(&addendum()).who_pays;
    let dates: Vec<NaiveDate> = w.lessons_without_teacher.iter().map(|l| l.date).collect();
    assert_eq!(dates, [date("2025-09-22"), date("2025-09-29")]);
    assert_eq!(w.courses_without_certified, [code("G2")]);
    assert_eq!(w.teachers_without_mentor, [TeacherId::new("T2")]);
    // 3 certified of 8 given; 60% of 8 is 5.
    assert_eq!(w.certified_lessons_missing, 2);
}

/// Optional G2 meets on Tuesday evenings or on Tuesday mornings; T1 works Tuesday mornings
/// only. The group can be given in its second alternative: no teacher stands in its way.
/// With the second alternative on Wednesday evenings instead, neither can be given, and the
/// obstacle names a slot of each.
#[test]
fn a_group_with_a_choice_of_meeting_times_is_blocked_only_when_every_alternative_is() {
    let closed_obstacle = |second: &str| {
        let mut fx = Fx::new();
        fx.teacher("T1", true).available = Availability([slot("tue-morning")].into());
        let g2 = fx.group("G2", "Utrecht", "B1");
        g2.optional = true;
        g2.min_size = 2;
        g2.choices = vec![vec![slot("tue-evening")], vec![slot(second)]];
        g2.slots = g2.choices.concat();
        g2.slots.sort();
        fx.student("S1", "B1");
        fx.student("S2", "B1");
        let UnplacedReason::OptionalGroupClosed { closed, .. } =
            reason_of(&fx, &handleiding(), "S1")
        else {
            panic!("not the closed group")
        };
        closed[0].obstacle.clone()
    };
    assert_eq!(closed_obstacle("tue-morning"), None);
    assert_eq!(
        closed_obstacle("wed-evening"),
        Some(Obstacle::NoTeacherInAnyAlternative {
            slots: vec!["tue-evening".into(), "wed-evening".into()]
        })
    );
}

/// G1 meets on Monday and Wednesday mornings or on Tuesday and Thursday mornings; S1 comes on
/// Monday mornings and Tuesday and Thursday evenings. Neither alternative suits S1: the reason
/// names Wednesday morning, the one slot of the alternative S1 misses least, not all three
/// slots of both that S1 cannot come to.
#[test]
fn a_student_who_fits_no_alternative_is_told_the_nearest_one_s_missing_slots() {
    let mut fx = school();
    let g = &mut fx.instance.groups[0];
    g.choices = vec![
        vec![slot("mon-morning"), slot("wed-morning")],
        vec![slot("thu-morning"), slot("tue-morning")],
    ];
    g.slots = g.choices.concat();
    g.slots.sort();
    fx.student("S1", "B1").available = Availability(
        [
            slot("mon-morning"),
            slot("tue-evening"),
            slot("thu-evening"),
        ]
        .into(),
    );
    assert_eq!(
        reason_of(&fx, &handleiding(), "S1"),
        UnplacedReason::NoGroupInTheirSlots {
            groups: vec![(code("G1"), vec!["wed-morning".to_string()])]
        }
    );
}
