use crate::check::fixture::{Fx, addendum, codes, messages, slot};
use crate::diag::Code;
use crate::domain::{CourseCode, Location, Student};

/// Groups G1 (B1, Utrecht) and G2 (Alfa, Amersfoort, Monday evening) staffed by their own
/// certified teachers, each with 10 fitting students; student S is not placed yet.
fn base() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Amersfoort", "Alfa").slots = vec![slot("mon-evening")];
    fx.fill("G1", 10);
    fx.fill("G2", 10);
    fx.staff("G1", "T1");
    fx.staff("G2", "T2");
    fx.student("S", "B1");
    fx
}

/// Student S, the last one added.
fn student(fx: &mut Fx) -> &mut Student {
    fx.instance.students.last_mut().expect("S exists")
}

fn only(fx: &Fx) -> Vec<Code> {
    codes(&fx.check(&addendum())).into_iter().collect()
}

#[test]
fn a_fitting_placement_is_sound() {
    let mut fx = base();
    fx.place("S", "G1");
    assert!(only(&fx).is_empty());
    let report = fx.check(&addendum());
    assert_eq!(report.totals.students_placed, 21);
    assert_eq!(report.totals.students_not_placed, 0);
}

#[test]
fn a_student_in_a_group_of_another_profile_is_reported() {
    let mut fx = base();
    fx.place("S", "G2");
    assert_eq!(only(&fx), vec![Code::StudentProfile]);
}

#[test]
fn a_student_at_a_location_they_did_not_list_is_reported() {
    let mut fx = base();
    student(&mut fx).locations = vec![Location::new("Amersfoort")];
    fx.place("S", "G1");
    assert_eq!(only(&fx), vec![Code::StudentLocation]);
}

#[test]
fn a_student_not_available_for_a_slot_of_the_group_is_reported() {
    let mut fx = base();
    student(&mut fx).available.0.remove(&slot("mon-morning"));
    fx.place("S", "G1");
    let report = fx.check(&addendum());
    assert_eq!(
        messages(&report, Code::StudentAvailability),
        vec![
            "student S is placed in G1 but is not available for 1 of its 1 weekly slot(s): mon-morning"
        ]
    );
}

#[test]
fn a_pinned_placement_must_be_kept_also_when_the_student_is_not_placed() {
    let mut fx = base();
    student(&mut fx).pinned = Some(CourseCode::new("G1"));
    assert_eq!(only(&fx), vec![Code::PinNotKept]);
    let report = fx.check(&addendum());
    assert!(report.findings[0].message.ends_with("is not placed"));
    fx.place("S", "G1");
    assert!(only(&fx).is_empty());
}

#[test]
fn a_student_placed_twice_is_reported() {
    let mut fx = base();
    fx.place("S", "G1");
    fx.place("S", "G1");
    assert_eq!(only(&fx), vec![Code::StudentPlacedTwice]);
    assert_eq!(
        fx.check(&addendum()).groups[0].size,
        11,
        "size counts distinct students"
    );
}
