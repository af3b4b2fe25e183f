//! A choice of meeting times in the program: hand-made schools with their optima worked out
//! here (an alternative chosen by the students' availability, one chosen by the teachers),
//! each agreed on by the class program lined up and not, the per-lesson program and the
//! brute force.

use super::brute;
use super::diagnose::Rule;
use super::exact_tests::{agreed, compliant};
use super::lock_tests::no_floor;
use super::*;
use crate::check::fixture::{Fx, date, slot};
use crate::domain::{Availability, Slot};

/// G1 (B1, Utrecht, must run) meets either on Monday mornings (alternative 1) or on Tuesday
/// evenings (alternative 2), 2025-09-01 to 2025-09-30: five Mondays or five Tuesdays. S1 and
/// S2 can only come on Monday mornings, S3 only on Tuesday evenings. T1 is certified and
/// always available.
fn school() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    let g = fx.group("G1", "Utrecht", "B1");
    g.end = date("2025-09-30");
    g.choices = vec![vec![slot("mon-morning")], vec![slot("tue-evening")]];
    g.slots = vec![slot("mon-morning"), slot("tue-evening")];
    for (s, when) in [
        ("S1", "mon-morning"),
        ("S2", "mon-morning"),
        ("S3", "tue-evening"),
    ] {
        fx.student(s, "B1").available = Availability([slot(when)].into());
    }
    fx
}

/// The slots of the lessons `solve` gives G1, and who is placed.
fn solved(fx: &Fx, rules: &RuleSet) -> (Vec<Slot>, Vec<String>, CheckReport) {
    let (schedule, report, _) = compliant(&fx.instance, rules);
    let mut slots: Vec<Slot> = schedule
        .timetable
        .iter()
        .map(|r| {
            let block = if r.time.start.format("%H").to_string() == "09" {
                "morning"
            } else {
                "evening"
            };
            Slot::new(crate::domain::Day::of(r.date), block)
        })
        .collect();
    slots.dedup();
    let placed = schedule
        .placements
        .iter()
        .filter(|p| p.course_code.is_some())
        .map(|p| p.student.to_string())
        .collect();
    (slots, placed, report)
}

/// Alternative 1 seats S1 and S2 and leaves S3 out: 10000 for S3, plus T1 for the group (5),
/// all five lessons certified: 10005. Alternative 2 leaves two students out: 20005. So the
/// students' availability chooses Monday mornings, and only those five lessons are planned.
#[test]
fn an_alternative_is_chosen_because_of_the_students_availability() {
    let fx = school();
    let rules = no_floor();
    assert_eq!(agreed(&fx.instance, &rules).expect("agreed"), Some(10005.0));
    let (slots, placed, report) = solved(&fx, &rules);
    assert_eq!(slots, vec![slot("mon-morning")]);
    assert_eq!(placed, ["S1", "S2"]);
    assert_eq!(report.totals.lessons_given, 5);
    let chosen = &report.alternatives;
    assert_eq!(chosen.len(), 1);
    assert_eq!((chosen[0].alternative, chosen[0].of), (Some(1), 2));
    assert_eq!(chosen[0].slots, ["mon-morning"]);
}

/// The only certified teacher, T1, can come on Tuesday evenings only; T2 (not certified) any
/// time. On Mondays no lesson could be certified, and 1.7.1b asks one per course: alternative
/// 1 is infeasible whatever it costs. Alternative 2: T1 gives all five (5), S1 and S2 are left
/// out (20000): 20005, although the students would rather have Mondays.
#[test]
fn an_alternative_is_chosen_because_of_the_teachers() {
    let mut fx = school();
    fx.instance.teachers[0].available = Availability([slot("tue-evening")].into());
    fx.teacher("T2", false);
    let rules = no_floor();
    assert_eq!(agreed(&fx.instance, &rules).expect("agreed"), Some(20005.0));
    let (slots, placed, _) = solved(&fx, &rules);
    assert_eq!(slots, vec![slot("tue-evening")]);
    assert_eq!(placed, ["S3"]);
}

/// A student pinned to G1 who can come on Tuesday evenings only fixes alternative 2: S1 and
/// S2 are left out (20000), T1 gives the lessons (5), the pinned S4 costs nothing: 20005.
#[test]
fn a_pinned_student_fixes_the_alternative_that_suits_them() {
    let mut fx = school();
    let s4 = fx.student("S4", "B1");
    s4.available = Availability([slot("tue-evening")].into());
    s4.pinned = Some("G1".into());
    let rules = no_floor();
    assert_eq!(agreed(&fx.instance, &rules).expect("agreed"), Some(20005.0));
    let (slots, _, _) = solved(&fx, &rules);
    assert_eq!(slots, vec![slot("tue-evening")]);
}

/// The day after `day` among the tiny schools' Monday to Wednesday (Wednesday: Monday).
fn next_day(day: crate::domain::Day) -> crate::domain::Day {
    use crate::domain::Day::*;
    match day {
        Mon => Tue,
        Tue => Wed,
        _ => Mon,
    }
}

/// `t` with every group `give[g]` picks a second alternative: its slots one day later (in
/// the same blocks); kept only when each alternative of each group has a lesson, and each
/// school of one alternative per group stays tiny enough for the brute force.
fn with_alternatives(t: &brute::tiny::Tiny, give: &[bool]) -> Option<brute::tiny::Tiny> {
    let mut out = t.clone();
    for (g, &yes) in out.instance.groups.iter_mut().zip(give) {
        if !yes {
            continue;
        }
        let first = g.slots.clone();
        let mut second: Vec<Slot> = first
            .iter()
            .map(|s| Slot::new(next_day(s.day), s.block.as_str()))
            .collect();
        second.sort();
        let mut union: Vec<Slot> = first.iter().chain(&second).cloned().collect();
        union.sort();
        union.dedup();
        g.choices = vec![first, second];
        g.slots = union;
    }
    let ok = out.instance.groups.iter().all(|g| {
        g.alternatives().iter().all(|a| {
            let mut one = g.clone();
            one.slots = a.to_vec();
            one.choices.clear();
            let n = out.instance.lessons_of(&one).len();
            n > 0 && n <= brute::tiny::MAX_LESSONS / 2
        })
    });
    ok.then_some(out)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// On tiny schools where some groups may also meet a day later, the class program
    /// (lined up and not), the per-lesson program and the brute force over every
    /// combination of alternatives find the same optimum, or all find none.
    #[test]
    fn the_programs_and_the_brute_force_agree_with_alternatives(
        t in brute::tiny::tiny(),
        give in proptest::collection::vec(proptest::prelude::any::<bool>(), 3),
    ) {
        let t = with_alternatives(&t, &give);
        proptest::prop_assume!(t.as_ref().is_some_and(|t| t.instance.groups.iter().any(|g| g.has_choice())));
        let Some(t) = t else { return Ok(()) };
        agreed(&t.instance, &t.rules)?;
    }
}

/// The first school's CURRENT (its optimum at gap 0, Mondays), then S4 to S6 (Tuesday
/// evenings only) joining: the school, the rules without a floor, the settings and CURRENT.
fn joined_after_current() -> (Fx, RuleSet, Settings, Schedule) {
    let mut fx = school();
    let rules = no_floor();
    let settings = Settings {
        gap: 0.0,
        ..Settings::default()
    };
    let current = solve(&fx.instance, &rules, &settings)
        .expect("solves")
        .schedule
        .expect("a schedule")
        .0;
    for s in ["S4", "S5", "S6"] {
        fx.student(s, "B1").available = Availability([slot("tue-evening")].into());
    }
    (fx, rules, settings, current)
}

/// The school of the first test, planned (Mondays, S1 and S2), then four students join who
/// can only come on Tuesday evenings (S3 and S4 to S6). From scratch Tuesdays would now win
/// (S3..S6 placed, S1 and S2 out: 20005 against 40005), but a replan from 15 September has
/// two Mondays of history: G1 keeps Mondays, T1 keeps every lesson (no change), S1 and S2
/// stay (no move), S3..S6 are left out (40000), T1 for the group (5): 40005.
#[test]
fn a_replan_keeps_the_alternative_of_its_history() {
    let (fx, rules, settings, current) = joined_after_current();
    assert_eq!(agreed(&fx.instance, &rules).expect("agreed"), Some(20005.0));
    let derived = crate::validate::against::frozen(&fx.instance, &current, date("2025-09-15"))
        .expect("the history stands");
    assert_eq!(derived.groups[0].slots, vec![slot("mon-morning")]);
    assert_eq!(agreed(&derived, &rules).expect("agreed"), Some(40005.0));
    let s = solve(&derived, &rules, &settings).expect("solves");
    let (schedule, report) = s.schedule.expect("a schedule");
    assert!(report.compliant, "{:?}", report.findings);
    assert!(
        schedule
            .timetable
            .iter()
            .all(|r| crate::domain::Day::of(r.date) == crate::domain::Day::Mon)
    );
}

/// The first school replanned from its first day (no history: the choice stays open) after
/// S4 to S6 (Tuesday evenings only) joined: Tuesdays now leave two out instead of four, so the
/// replan switches G1 to them. Every Monday lesson of CURRENT is listed as no longer given
/// and every Tuesday lesson as new (no teacher before, T1 now), all chosen: the five lessons
/// T1 gains are named as well as the five T1 loses.
#[test]
fn a_replan_that_switches_alternatives_lists_the_lessons_gained() {
    let (fx, rules, settings, current) = joined_after_current();
    let derived = crate::validate::against::frozen(&fx.instance, &current, date("2025-09-01"))
        .expect("derives");
    assert!(derived.groups[0].has_choice());
    let s = solve(&derived, &rules, &settings).expect("solves");
    let (schedule, report) = s.schedule.expect("a schedule");
    assert!(report.compliant, "{:?}", report.findings);
    let changes = check::changes(&derived, &current, &schedule);
    let t1 = crate::domain::TeacherId::new("T1");
    let lost: Vec<_> = changes
        .lessons
        .iter()
        .filter(|c| c.old_teacher.as_ref() == Some(&t1) && c.new_teacher.is_none())
        .map(|c| crate::domain::Day::of(c.date))
        .collect();
    let gained: Vec<_> = changes
        .lessons
        .iter()
        .filter(|c| c.old_teacher.is_none() && c.new_teacher.as_ref() == Some(&t1))
        .map(|c| crate::domain::Day::of(c.date))
        .collect();
    assert_eq!(lost, [crate::domain::Day::Mon; 5]);
    assert_eq!(gained, [crate::domain::Day::Tue; 5]);
    assert_eq!(changes.lessons.len(), 10);
    assert_eq!(changes.lessons_of(check::ChangeKind::Chosen), 10);
}

/// No alternative can be staffed (T1 comes on Wednesdays only): the school is infeasible,
/// and the diagnosis's bounds name 1.7.1b only, not a slot of one alternative alone.
#[test]
fn a_school_no_alternative_of_which_can_be_staffed_is_explained() {
    let mut fx = school();
    fx.instance.teachers[0].available = Availability([slot("wed-morning")].into());
    let rules = no_floor();
    assert_eq!(agreed(&fx.instance, &rules).expect("agreed"), None);
    let s = solve(&fx.instance, &rules, &Settings::default()).expect("solves");
    let Status::Infeasible { diagnosis } = &s.status else {
        panic!("not infeasible: {:?}", s.status);
    };
    // 1.7.1b: no alternative has a certified lesson; but no slot of one alternative alone
    // is blamed as a slot nobody can teach (the other might be chosen).
    let bounds: Vec<Rule> = diagnosis.bounds.iter().map(|r| r.rule).collect();
    assert_eq!(bounds, [Rule::CourseCertified], "{:?}", diagnosis.bounds);
}

/// The first school with S4 (Monday mornings only) and S5 (Tuesday evenings only), and rooms:
/// R1 seats 30 on Tuesday evenings, R2 seats `monday` on Monday mornings. With R2 seating 30,
/// Mondays place S1, S2 and S4 and leave S3 and S5 out: 20000 + T1 (5) + one room (1) =
/// 20006 (Tuesdays: 30006). With R2 seating 1, Mondays would leave four out (40006), so
/// the rooms choose Tuesdays: 30006.
#[test]
fn an_alternative_is_chosen_because_of_the_rooms() {
    use crate::domain::{Location, Room, RoomId};
    let school_with = |monday: u32| {
        let mut fx = school();
        fx.student("S4", "B1").available = Availability([slot("mon-morning")].into());
        fx.student("S5", "B1").available = Availability([slot("tue-evening")].into());
        let room = |id: &str, capacity: u32, when: &str| Room {
            id: RoomId::new(id),
            location: Location::new("Utrecht"),
            capacity,
            available: Availability([slot(when)].into()),
        };
        fx.instance.rooms = vec![
            room("R1", 30, "tue-evening"),
            room("R2", monday, "mon-morning"),
        ];
        fx
    };
    let rules = no_floor();
    let big = school_with(30);
    assert_eq!(
        agreed(&big.instance, &rules).expect("agreed"),
        Some(20006.0)
    );
    assert_eq!(solved(&big, &rules).0, vec![slot("mon-morning")]);
    let small = school_with(1);
    assert_eq!(
        agreed(&small.instance, &rules).expect("agreed"),
        Some(30006.0)
    );
    let (slots, placed, report) = solved(&small, &rules);
    assert_eq!(slots, vec![slot("tue-evening")]);
    assert_eq!(placed, ["S3", "S5"]);
    assert!(report.compliant);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// With random rooms too (available in some of the first alternatives' slots, so that a
    /// second alternative may lack a room), the programs and the brute force agree.
    #[test]
    fn the_programs_and_the_brute_force_agree_with_alternatives_and_rooms(
        t in super::room_tests::with_rooms(),
        give in proptest::collection::vec(proptest::prelude::any::<bool>(), 3),
    ) {
        let t = with_alternatives(&t, &give);
        proptest::prop_assume!(t.as_ref().is_some_and(|t| t.instance.groups.iter().any(|g| g.has_choice())));
        let Some(t) = t else { return Ok(()) };
        agreed(&t.instance, &t.rules)?;
    }
}
