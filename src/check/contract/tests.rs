use crate::check::fixture::{Fx, codes, handleiding, messages};
use crate::diag::Code;
use crate::domain::{Contract, Unavailability};

/// G1 on the five Mondays 2025-09-01..29 (weeks 36..40), certified T1 and T2.
fn school(contract: Contract) -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true).contract = contract;
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1");
    fx
}

#[test]
fn a_weekly_minimum_missed_in_two_weeks_is_c159_once_naming_the_weeks() {
    let mut fx = school(Contract {
        min_per_week: Some(1),
        ..Contract::default()
    });
    // T1 gives the first three Mondays, T2 the last two: T1 has none in weeks 39 and 40.
    fx.staff_split("G1", &[("T1", 3), ("T2", 2)]);
    let report = fx.check(&handleiding());
    let found = messages(&report, Code::WeeklyMinMissed);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("in 2 week(s)"), "{}", found[0]);
    assert!(found[0].contains("2025-W39 (0 of 1)"), "{}", found[0]);
    assert!(found[0].contains("2025-W40 (0 of 1)"), "{}", found[0]);
    assert!(!report.compliant);
}

#[test]
fn a_week_the_teacher_is_away_asks_nothing_and_the_others_are_kept() {
    let mut fx = school(Contract {
        min_per_week: Some(2),
        ..Contract::default()
    });
    fx.instance.unavailability.push(Unavailability {
        teacher: crate::domain::TeacherId::new("T1"),
        from: crate::check::fixture::date("2025-09-29"),
        to: crate::check::fixture::date("2025-09-29"),
        reason: "ill".into(),
    });
    // A minimum of 2 where one Monday lesson is all T1 could give: 1 a week; the last Monday
    // T1 is away and T2 gives it.
    fx.staff_split("G1", &[("T1", 4), ("T2", 1)]);
    let report = fx.check(&handleiding());
    assert!(
        !codes(&report).contains(&Code::WeeklyMinMissed),
        "{:?}",
        report.findings
    );
}

#[test]
fn a_term_minimum_missed_is_c160_and_a_term_maximum_exceeded_is_c161() {
    let mut fx = school(Contract {
        min_per_term: Some(4),
        ..Contract::default()
    });
    fx.staff_split("G1", &[("T1", 3), ("T2", 2)]);
    let found = messages(&fx.check(&handleiding()), Code::TermMinMissed);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("gives 3 lesson(s)") && found[0].contains("the 4"));

    let mut over = school(Contract {
        max_per_term: Some(2),
        ..Contract::default()
    });
    over.staff_split("G1", &[("T1", 3), ("T2", 2)]);
    let report = over.check(&handleiding());
    let found = messages(&report, Code::TermMaxExceeded);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("gives 3 lesson(s)") && found[0].contains("of 2"));
    assert!(!codes(&report).contains(&Code::TermMinMissed));
}

#[test]
fn a_term_minimum_above_what_the_teacher_could_give_asks_only_that() {
    // Five Mondays are all T1 could give: a minimum of 9 asks five.
    let mut fx = school(Contract {
        min_per_term: Some(9),
        ..Contract::default()
    });
    fx.staff("G1", "T1");
    let report = fx.check(&handleiding());
    assert!(report.compliant, "{:?}", report.findings);
}

/// G1 meets on Mondays (alternative 1) or on Tuesdays (alternative 2), 2025-09-01..29: T1
/// could give it one lesson a week, not two, whichever it meets in. A weekly minimum of 2
/// therefore asks 1: T1 giving every Monday meets it, and a Monday given to T2 is a week
/// short by one ("0 of 1"), not by two.
#[test]
fn a_group_with_a_choice_of_meeting_times_counts_one_alternative_a_week() {
    use crate::check::fixture::{range, slot};
    let mut fx = school(Contract {
        min_per_week: Some(2),
        ..Contract::default()
    });
    let g = &mut fx.instance.groups[0];
    g.choices = vec![vec![slot("mon-morning")], vec![slot("tue-morning")]];
    g.slots = g.choices.concat();
    let mondays = ["01", "08", "15", "22", "29"];
    let mut given = fx;
    for d in mondays {
        given.row(
            "G1",
            &format!("2025-09-{d}"),
            range((9, 0), (12, 0)),
            "Utrecht",
            Some("T1"),
        );
    }
    let report = given.check(&handleiding());
    assert!(
        !codes(&report).contains(&Code::WeeklyMinMissed),
        "{:?}",
        report.findings
    );

    let last = given.schedule.timetable.len() - 1;
    given.schedule.timetable[last].teacher = Some(crate::domain::TeacherId::new("T2"));
    let found = messages(&given.check(&handleiding()), Code::WeeklyMinMissed);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("2025-W40 (0 of 1)"), "{}", found[0]);
    assert!(found[0].contains("in 1 week(s)"), "{}", found[0]);
}
