//! A replan in the program: the history before its date fixed as given, changes from it on
//! at their price. Hand-made schools with their optima worked out here, and tiny random
//! schools against the brute force.

use super::brute::{self, tiny::tiny};
use super::exact_tests::{agreed, exact, optimum};
use super::lock_tests::no_floor;
use super::*;
use crate::check::fixture::{Fx, date};
use crate::domain::{Profile, TeacherId, Unavailability};
use crate::validate::against;
use proptest::prelude::*;

fn solved(instance: &Instance, rules: &RuleSet) -> (Schedule, check::CheckReport) {
    let settings = Settings {
        gap: 0.0,
        ..Settings::default()
    };
    let s = solve(instance, rules, &settings).expect("solves");
    s.schedule.expect("a schedule")
}

fn away(fx: &mut Fx, teacher: &str, from: &str, to: &str) {
    fx.instance.unavailability.push(Unavailability {
        teacher: TeacherId::new(teacher),
        from: date(from),
        to: date(to),
        reason: "ziek".into(),
    });
}

/// G1 meets four Mondays (1-22 September), certified T1 and T2, non-certified T3, one
/// student. CURRENT is the optimum before any edit: T1 all four (one teacher: 5). (T2 would
/// cost the same; CURRENT is made by hand so that the tests know who is who.)
fn four_mondays() -> (Fx, Schedule) {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.teacher("T3", false);
    let g = fx.group("G1", "Utrecht", "B1");
    g.end = date("2025-09-22");
    fx.student("S1", "B1");
    fx.staff("G1", "T1");
    fx.place("S1", "G1");
    let current = fx.schedule.clone();
    let report = check::check(&fx.instance, &no_floor(), &current).expect("judged");
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(check::cost(&fx.instance, &no_floor(), &current).total, 5.0);
    (fx, current)
}

/// T1 falls ill 1-15 September (the edit reaches into the history: the 1st stands all the
/// same), replanned from the 8th. The 8th and the 15th must go to someone else (forced);
/// T2 is certified, so both to T2 and the 22nd kept with T1: teachers T1 and T2 (10) and
/// two changes (2 × 20): 50. Giving T2 the 22nd as well costs a third change (70); T3
/// costs a non-certified lesson (10) per lesson on top.
#[test]
fn an_ill_teacher_s_lessons_go_to_a_free_colleague_and_the_rest_stays() {
    let (mut fx, current) = four_mondays();
    away(&mut fx, "T1", "2025-09-01", "2025-09-15");
    let rules = no_floor();
    let derived = against::frozen(&fx.instance, &current, date("2025-09-08")).expect("derives");
    assert_eq!(agreed(&derived, &rules).expect("agree"), Some(50.0));
    let (schedule, report) = solved(&derived, &rules);
    assert!(report.compliant, "{:?}", report.findings);
    let teachers: Vec<String> = schedule
        .timetable
        .iter()
        .map(|r| r.teacher.as_ref().map_or("-".into(), |t| t.to_string()))
        .collect();
    assert_eq!(teachers, ["T1", "T2", "T2", "T1"]);
    let changes = check::changes(&derived, &current, &schedule);
    assert_eq!(changes.lessons_of(check::ChangeKind::Forced), 2);
    assert_eq!(changes.lessons_of(check::ChangeKind::Chosen), 0);
}

/// T1 no longer teaches B1 from the 8th on (their row lost the profile). The 1st stands
/// (the history keeps the qualification it needs), the other three are forced to T2:
/// teachers T1 and T2 (10), three changes (60): 70.
#[test]
fn a_teacher_who_lost_a_qualification_keeps_their_history_and_nothing_after_it() {
    let (mut fx, current) = four_mondays();
    fx.instance.teachers[0].profiles = [Profile::new("Alfa")].into_iter().collect();
    let rules = no_floor();
    let derived = against::frozen(&fx.instance, &current, date("2025-09-08")).expect("derives");
    assert_eq!(agreed(&derived, &rules).expect("agree"), Some(70.0));
    let (schedule, report) = solved(&derived, &rules);
    assert!(report.compliant, "{:?}", report.findings);
    let changes = check::changes(&derived, &current, &schedule);
    assert_eq!(changes.lessons_of(check::ChangeKind::Forced), 3);
    assert_eq!(changes.lessons_of(check::ChangeKind::Chosen), 0);
}

/// A history lesson given by nobody in the edited instance's eyes, but by T1 in CURRENT: a
/// teacher removed from teachers.csv cannot keep their history (E418), nor can a group.
#[test]
fn a_removed_teacher_with_history_is_e416() {
    let (mut fx, current) = four_mondays();
    fx.instance.teachers.remove(0);
    let problems = against::frozen(&fx.instance, &current, date("2025-09-08")).expect_err("E418");
    assert!(
        problems
            .iter()
            .all(|d| d.code() == crate::diag::Code::HistoryNotInInstance),
        "{problems:?}"
    );
}

/// Two B1 groups of two seats (standard and temporary maximum 2), G1 at Utrecht given by T1
/// and G2 at Amersfoort given by T2, four Mondays. CURRENT: S1 (any location, none
/// preferred) and S2 (Utrecht only) in G1, S3 (Amersfoort only) in G2; teachers T1 and T2
/// (10). S4 joins from the 8th, preferring Utrecht to Amersfoort. In G2 S4 costs a step down
/// their list (1): 11. S1 to G2 and S4 to G1 costs no step but moves S1 (500): 510. With
/// `moved_student` 0 that is the optimum instead (10): the move is then free.
#[test]
fn a_student_joining_takes_the_seat_with_room_rather_than_moving_another() {
    use crate::domain::{Location, LocationOrder, SizeLimits};
    let mut fx = Fx::new();
    fx.teacher("T1", true).locations = [Location::new("Utrecht")].into_iter().collect();
    fx.teacher("T2", true).locations = [Location::new("Amersfoort")].into_iter().collect();
    fx.group("G1", "Utrecht", "B1").end = date("2025-09-22");
    fx.group("G2", "Amersfoort", "B1").end = date("2025-09-22");
    fx.student("S1", "B1").location_order = LocationOrder::Unranked;
    fx.student("S2", "B1").locations = vec![Location::new("Utrecht")];
    fx.student("S3", "B1").locations = vec![Location::new("Amersfoort")];
    fx.staff("G1", "T1");
    fx.staff("G2", "T2");
    for (s, g) in [("S1", "G1"), ("S2", "G1"), ("S3", "G2")] {
        fx.place(s, g);
    }
    let mut rules = no_floor();
    for limits in rules.size_classes.values_mut() {
        *limits = SizeLimits {
            standard_max: 2,
            temporary_max: 2,
        };
    }
    let current = fx.schedule.clone();
    assert_eq!(check::cost(&fx.instance, &rules, &current).total, 10.0);
    fx.student("S4", "B1");
    let derived = against::frozen(&fx.instance, &current, date("2025-09-08")).expect("derives");
    assert_eq!(agreed(&derived, &rules).expect("agree"), Some(11.0));
    let (schedule, _) = solved(&derived, &rules);
    assert!(
        check::changes(&derived, &current, &schedule)
            .students
            .is_empty()
    );
    let mut free = derived.clone();
    free.school.weights.moved_student = 0.0;
    assert_eq!(agreed(&free, &rules).expect("agree"), Some(10.0));
}

/// A date of the tiny schools' terms (they start on 2025-09-01 and last 2-3 weeks).
fn from_day(offset: i64) -> chrono::NaiveDate {
    date("2025-09-01") + chrono::Duration::days(offset)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Replanned from any day with nothing edited, CURRENT (an optimum) is a schedule of the
    /// replan at its cost there, so the replan costs no more. When the replan runs the same
    /// groups as CURRENT, it is also a schedule of the school before (same lessons, the same
    /// history, the same rules from the date on), so its usual cost is no lower than
    /// CURRENT's (an optional group that ran before the date costs its opening in both, or,
    /// in the replan, in neither: it is history there); every change costs more than
    /// nothing, so then it has the same cost, no change and no move. (A group CURRENT kept
    /// closed may open from the date on, which the school before could not do: that may
    /// pay, and is a choice.)
    #[test]
    fn a_replan_with_nothing_edited_returns_current_unchanged(t in tiny(), offset in 0i64..18) {
        let Some(best) = brute::optimum(&t.instance, &t.rules) else { return Ok(()) };
        let from = from_day(offset).min(t.instance.school.term_end);
        let derived = against::frozen(&t.instance, &best.schedule, from)
            .map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        let s = exact(&derived, &t.rules, Backend::Microlp, Formulation::Class, true)?;
        let Some((schedule, _)) = &s.schedule else { return Err(TestCaseError::fail("none")) };
        let got = optimum(&derived, &t.rules, &s)?.unwrap_or(f64::INFINITY);
        let before = check::cost(&derived, &t.rules, &best.schedule).total;
        prop_assert!(got <= before, "{got} > {before}");
        let running = |s: &Schedule| {
            let mut codes: Vec<_> = s.timetable.iter().map(|r| r.course_code.clone()).collect();
            codes.extend(s.placements.iter().filter_map(|p| p.course_code.clone()));
            codes.sort();
            codes.dedup();
            codes
        };
        let history = |s: &Schedule| {
            let mut rows: Vec<_> = s.timetable.iter().filter(|r| r.date < from).cloned().collect();
            rows.sort();
            rows
        };
        prop_assert_eq!(history(schedule), history(&best.schedule));
        if running(schedule) == running(&best.schedule) {
            prop_assert_eq!(got, before);
            let cost = check::cost(&derived, &t.rules, schedule);
            prop_assert_eq!((cost.changed_lessons, cost.moved_students), (0, 0));
        }
    }

    /// A teacher away for some days from the replan's date on: the program (per class, lined
    /// up or not, and per lesson) reaches the brute force's optimum of the replan, or both
    /// find none; the schedule keeps the history (no C162: it is compliant). With only the
    /// changes weighed, both find the fewest changes a schedule of the replan can have.
    #[test]
    fn a_replan_reaches_the_brute_force_optimum(
        t in tiny(),
        offset in 0i64..18,
        who in 0usize..4,
        days in 0i64..10,
    ) {
        let Some(best) = brute::optimum(&t.instance, &t.rules) else { return Ok(()) };
        let from = from_day(offset).min(t.instance.school.term_end);
        let mut edited = t.instance.clone();
        let teacher = edited.teachers[who % edited.teachers.len()].id.clone();
        edited.unavailability.push(Unavailability {
            teacher,
            from,
            to: from + chrono::Duration::days(days),
            reason: "ziek".into(),
        });
        let derived = against::frozen(&edited, &best.schedule, from)
            .map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        agreed(&derived, &t.rules)?;
        // Weighing changes alone, the program finds the fewest changes any schedule has.
        let mut fewest = derived.clone();
        fewest.school.weights = crate::domain::Weights {
            changed_lesson: 1.0,
            ..crate::domain::Weights::NONE
        };
        agreed(&fewest, &t.rules)?;
    }
}
