//! Options measured on a hand-made school whose fix is worked out by hand.

use super::*;
use crate::check::fixture::{Fx, handleiding};
use crate::domain::{Location, TeacherId};
use crate::solve::Backend;
use crate::solve::Deadline;
use std::time::Instant;

fn settings() -> Settings {
    Settings {
        backend: Backend::Microlp,
        gap: 0.0,
        ..Settings::default()
    }
}

#[test]
fn registering_the_one_teacher_who_fills_in_restores_compliance_and_ranks_first() {
    // G1 and G2 meet on the same five Monday mornings (10 lessons; 80% is 8). Certified T1
    // gives one lesson at a time (5), non-certified T2 the other five: 5 of 10, three short.
    // T3 (non-certified, Amersfoort only) cannot teach here and gives nothing.
    // Candidates from that plan: register T2 (the only non-certified teacher who teaches)
    // and a vacancy for B1 at Utrecht (where the non-certified lessons are). Registered, T2
    // makes every lesson certified: compliant, 10 of 10. The vacancy is compliant too (T1
    // and the new teacher give all 10), so the two tie on every result and the easier
    // change for a school, registering a teacher it has, ranks first.
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.teacher("T3", false).locations = [Location::new("Amersfoort")].into();
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1");
    let o = options(&fx.instance, &handleiding(), &settings()).expect("solves");
    assert_eq!(o.tried, 2);
    let changes: Vec<&Change> = o.rows.iter().map(|r| &r.change).collect();
    assert_eq!(
        changes,
        [
            &Change::Register {
                teacher: "T2".into()
            },
            &Change::Vacancy {
                location: "Utrecht".into(),
                profile: "B1".into()
            }
        ]
    );
    let first = &o.rows[0];
    assert_eq!(first.rank, 1);
    assert!(first.compliant && first.shortfall.is_none());
    assert_eq!((first.certified_lessons, first.lessons_given), (10, 10));
}

#[test]
fn a_school_short_of_one_lesson_a_week_is_fixed_by_a_higher_weekly_maximum() {
    // G1 meets Monday and Tuesday mornings for one week (2 lessons); certified T1 may give
    // one a week, non-certified T2 the other: 1 of 2, and 80% of 2 is 2, one short.
    // Registering T2 fixes it (2 of 2), and so does raising T1's maximum by one or two; the
    // three tie and the registration ranks first, then the maxima, then the vacancy.
    let mut fx = Fx::new();
    fx.teacher("T1", true).max_lessons_per_week = Some(1);
    fx.teacher("T2", false);
    let g = fx.group("G1", "Utrecht", "B1");
    g.slots = vec![
        crate::check::fixture::slot("mon-morning"),
        crate::check::fixture::slot("tue-morning"),
    ];
    g.end = crate::check::fixture::date("2025-09-05");
    let o = options(&fx.instance, &handleiding(), &settings()).expect("solves");
    let kinds: Vec<String> = o.rows.iter().map(|r| r.change.text(false)).collect();
    assert_eq!(
        kinds,
        [
            "register T2 (Kwaliteitsregister or BVNT2)",
            "raise T1's weekly maximum by 1",
            "raise T1's weekly maximum by 2",
            "vacancy: one certified teacher for B1 at Utrecht",
        ]
    );
    assert!(o.rows.iter().all(|r| r.compliant));
}

#[test]
fn a_change_not_begun_by_the_deadline_is_listed_as_not_measured_never_guessed() {
    // The first school above (T2 registered, or a vacancy) with a deadline already past:
    // both changes are chosen from the plan, neither is measured.
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1");
    let rules = handleiding();
    let own = plan(&fx.instance, &rules, &settings(), None)
        .expect("solves")
        .expect("a plan");
    assert!(!own.report.compliant && own.proven);
    let passed = Deadline::after(Instant::now(), Some(0.0));
    let o = measure(
        &fx.instance,
        &rules,
        &own.schedule,
        &own.report,
        &settings(),
        passed,
    )
    .expect("measures");
    assert_eq!(o.tried, 2);
    assert!(o.rows.is_empty());
    assert_eq!(
        o.not_measured,
        [
            Change::Register {
                teacher: "T2".into()
            },
            Change::Vacancy {
                location: "Utrecht".into(),
                profile: "B1".into()
            }
        ]
    );
}

#[test]
fn a_non_certified_teacher_who_gives_nothing_is_tried_when_they_could_give_the_lessons() {
    // Ten lessons, 80% is 8; certified T1 gives five. Non-certified T2 and T3 could each
    // give the other five; a plan gives them to one of the two, or splits them. Either way
    // registering either one restores compliance, and both are tried (five lessons each in
    // reach, ties by id): the registration must not depend on who the plan happened to pick.
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.teacher("T3", false);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1");
    let o = options(&fx.instance, &handleiding(), &settings()).expect("solves");
    let registered: Vec<&Change> = o
        .rows
        .iter()
        .map(|r| &r.change)
        .filter(|c| matches!(c, Change::Register { .. }))
        .collect();
    assert_eq!(
        registered,
        [
            &Change::Register {
                teacher: "T2".into()
            },
            &Change::Register {
                teacher: "T3".into()
            }
        ]
    );
    assert!(o.rows.iter().all(|r| r.compliant));
    assert!(o.not_measured.is_empty());
}

/// G1 meets five Mondays; T1 gave the first two, then fell ill and nobody is left, so three
/// lessons have no teacher. From scratch, closing G1 is a change to try; in a replan from
/// 15 September G1 has run (its history stands), so closing it is not.
#[test]
fn a_group_that_ran_before_a_replan_is_not_offered_to_close() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.staff_split("G1", &[("T1", 2)]);
    let current = fx.schedule.clone();
    fx.instance
        .unavailability
        .push(crate::domain::Unavailability {
            teacher: TeacherId::new("T1"),
            from: crate::check::fixture::date("2025-09-15"),
            to: crate::check::fixture::date("2025-09-29"),
            reason: "ziek".into(),
        });
    let mut schedule = current.clone();
    for l in fx.instance.lessons().into_iter().skip(2) {
        schedule.timetable.push(crate::domain::TimetableRow {
            course_code: l.course_code,
            date: l.date,
            time: l.time,
            location: l.location,
            teacher: None,
            room: None,
        });
    }
    let close = Change::Close { group: "G1".into() };
    let report = crate::check::check(&fx.instance, &handleiding(), &schedule).expect("judged");
    assert!(candidates(&fx.instance, &schedule, &report).contains(&close));
    let from = crate::check::fixture::date("2025-09-15");
    let derived = crate::validate::against::frozen(&fx.instance, &current, from).expect("derives");
    let report = crate::check::check(&derived, &handleiding(), &schedule).expect("judged");
    assert!(!candidates(&derived, &schedule, &report).contains(&close));
}

/// In a replan, registering a teacher certifies their lessons from the date on only: the
/// demo's hand-made schedule frozen before 2025-11-03, T02 (non-certified) registered; every
/// history lesson T02 gave now belongs to a copy that is not certified and is away from the
/// date on, and T02 itself is away before it: those lessons count as non-certified, as they
/// were given.
#[test]
fn in_a_replan_registering_a_teacher_leaves_their_history_lessons_uncertified() {
    let (instance, _, schedule, _) = crate::testing::demo();
    let from = chrono::NaiveDate::from_ymd_opt(2025, 11, 3).expect("date");
    let derived = crate::validate::against::frozen(&instance, &schedule, from).expect("frozen");
    let t02 = TeacherId::new("T02");
    let history: Vec<_> = schedule
        .timetable
        .iter()
        .filter(|r| r.date < from && r.teacher.as_ref() == Some(&t02))
        .collect();
    assert!(!history.is_empty(), "T02 teaches before the date");
    let changed = apply(
        &derived,
        &Change::Register {
            teacher: "T02".into(),
        },
    );
    let copy = TeacherId::new("T02-voor-registratie");
    let frozen = changed.frozen.as_ref().expect("a replan");
    for r in &history {
        let of = frozen
            .teachers
            .iter()
            .find(|((c, d, _), _)| *c == r.course_code && *d == r.date)
            .map(|(_, t)| t.clone());
        assert_eq!(
            of,
            Some(Some(copy.clone())),
            "{} on {}",
            r.course_code,
            r.date
        );
    }
    assert!(changed.teacher(&t02).is_some_and(|t| t.is_certified()));
    assert!(changed.teacher(&copy).is_some_and(|t| !t.is_certified()));
    let away = |id: &TeacherId, from: chrono::NaiveDate, to: chrono::NaiveDate| {
        changed
            .unavailability
            .iter()
            .any(|u| u.teacher == *id && u.from == from && u.to == to)
    };
    assert!(away(&copy, from, changed.school.term_end));
    assert!(away(
        &t02,
        changed.school.term_start,
        from.pred_opt().expect("a day before")
    ));
    // Outside a replan the registration is the teacher's alone.
    let plain = apply(
        &instance,
        &Change::Register {
            teacher: "T02".into(),
        },
    );
    assert_eq!(plain.teachers.len(), instance.teachers.len());
}
