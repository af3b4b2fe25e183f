//! Pass 2 (`staffing.rs`): every lesson of an open group once, no teacher in two lessons at
//! once, the weekly maximum.

use super::*;
use crate::check::fixture::{addendum, date, slot};

#[test]
fn every_class_of_an_open_group_is_given_exactly_once() {
    // Each group is one class of five Monday lessons that T1 or T2 may give: their counts
    // add up to 5 when the group runs (open = 1) and to 0 when it stays closed.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.rows_named(Pass::Staffing, "staff_"),
        [
            "staff_B1_UTR_01_mon_morning_1 [Staffing]: x_T1_B1_UTR_01_mon_morning_1 + x_T2_B1_UTR_01_mon_morning_1 - 5 open_B1_UTR_01 = 0",
            "staff_B1_UTR_02_mon_morning_1 [Staffing]: x_T1_B1_UTR_02_mon_morning_1 + x_T2_B1_UTR_02_mon_morning_1 - 5 open_B1_UTR_02 = 0",
        ]
    );
    assert_eq!(
        staged.row("staff_B1_UTR_02_mon_morning_1").subject,
        Subject::Class(1)
    );
}

#[test]
fn lessons_at_the_same_time_are_one_per_date_summed_over_the_dates() {
    // Both groups meet on the same five Monday mornings. Per teacher and date, at most one
    // of the two lessons; the five per-date rows hold the same two classes, so they are
    // joined into one row over the class counts with right-hand side 5.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.rows_named(Pass::Staffing, "overlap_"),
        [
            "overlap_T1_1 [Overlap]: x_T1_B1_UTR_01_mon_morning_1 + x_T1_B1_UTR_02_mon_morning_1 <= 5",
            "overlap_T2_1 [Overlap]: x_T2_B1_UTR_01_mon_morning_1 + x_T2_B1_UTR_02_mon_morning_1 <= 5",
        ]
    );
    let mondays = [
        "2025-09-01",
        "2025-09-08",
        "2025-09-15",
        "2025-09-22",
        "2025-09-29",
    ];
    assert_eq!(
        staged.row("overlap_T2_1").subject,
        Subject::Dates {
            teacher: 1,
            dates: mondays.into_iter().map(date).collect()
        }
    );
    assert!(
        staged.rows_named(Pass::Staffing, "weekly_").is_empty(),
        "no maximum"
    );
}

#[test]
fn a_weekly_maximum_is_a_row_only_where_it_can_bind() {
    // T1 may give at most one lesson a week; B1-UTR-01 meets on Mondays, B1-UTR-02 on
    // Tuesdays, five weeks each (2025-09-01 to 2025-09-30). Every week holds one lesson
    // of each: the five weekly rows hold the same two classes and are joined into one,
    // at most 1 · 5 = 5 of their 10 lessons. Lessons on different days never overlap: no
    // overlap row.
    let mut fx = Fx::new();
    fx.teacher("T1", true).max_lessons_per_week = Some(1);
    fx.group("B1-UTR-01", "Utrecht", "B1").end = date("2025-09-30");
    let g = fx.group("B1-UTR-02", "Utrecht", "B1");
    g.slots = vec![slot("tue-morning")];
    g.end = date("2025-09-30");
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.rows_named(Pass::Staffing, "weekly_"),
        [
            "weekly_T1_1 [WeeklyMax]: x_T1_B1_UTR_01_mon_morning_1 + x_T1_B1_UTR_02_tue_morning_1 <= 5"
        ]
    );
    assert_eq!(
        staged.row("weekly_T1_1").subject,
        Subject::Weeks {
            teacher: 0,
            weeks: (36..=40).map(|w| (2025, w)).collect()
        }
    );
    assert!(staged.rows_named(Pass::Staffing, "overlap_").is_empty());

    // A maximum of two a week cannot bind on two lessons a week: no row at all.
    fx.instance.teachers[0].max_lessons_per_week = Some(2);
    let again = super::staged(&fx.instance, &addendum());
    assert!(again.rows_named(Pass::Staffing, "weekly_").is_empty());
}

#[test]
fn staffing_adds_rows_only() {
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert!(staged.vars(Pass::Staffing).is_empty());
}
