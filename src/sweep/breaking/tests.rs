//! Bisection finds the first broken level with few solves, on made-up rows.

use super::*;
use crate::outcome::Verdict;
use crate::sweep::row::Row;

fn row(index: usize, broken: bool) -> Row {
    Row {
        scenario: format!("s{index:03}"),
        index,
        labels: vec!["addendum".into(), format!("{}", index * 5)],
        seed: Some(1),
        rules: "addendum-2025".into(),
        min_certified_share: 60.0,
        status: if broken {
            Verdict::Infeasible
        } else {
            Verdict::Optimal
        },
        reason: if broken {
            format!("[1.7.1a] short at {index}")
        } else {
            String::new()
        },
        reason_nl: if broken {
            format!("[1.7.1a] tekort bij {index}")
        } else {
            String::new()
        },
        certified_share: (!broken).then_some(70.0),
        highest_certified_share: Some(61.0),
        lessons: (!broken).then_some(10),
        certified_lessons: (!broken).then_some(7),
        students: 10,
        students_placed: (!broken).then_some(10),
        students_not_placed: (!broken).then_some(if index >= 3 { 1 } else { 0 }),
        students_above_standard: (!broken).then_some(0),
        exception2_cells: Vec::new(),
        groups: 1,
        groups_opened: (!broken).then_some(1),
        teachers: 3,
        certified_teachers: 2,
        teachers_removed: Vec::new(),
        non_certified_teachers_used: (!broken).then_some(1),
        mentors_used: (!broken).then_some(1),
        external_mentors_used: (!broken).then_some(0),
        objective: (!broken).then_some(1.0),
        gap: None,
    }
}

fn timing(index: usize) -> Timing {
    Timing {
        scenario: format!("s{index:03}"),
        index,
        solve_seconds: 0.0,
        highest_seconds: 0.0,
    }
}

fn line(n: usize) -> Line {
    Line {
        labels: vec!["addendum".into(), String::new()],
        axis: 1,
        seed: Some(1),
        steps: (0..n).collect(),
    }
}

fn bisect_at(n: usize, first_broken: usize, on: BreakOn) -> (JobOutput, Vec<usize>) {
    let mut asked = Vec::new();
    let out = bisect(&line(n), on, |i| {
        asked.push(i);
        (row(i, i >= first_broken), timing(i))
    });
    (out, asked)
}

#[test]
fn finds_the_first_broken_level_in_logarithmic_solves() {
    for first in 1..11 {
        let (out, asked) = bisect_at(11, first, BreakOn::Infeasible);
        let b = out.breaking.expect("a breaking point");
        assert_eq!(
            b.level.as_deref(),
            Some(format!("{}", first * 5).as_str()),
            "first broken {first}"
        );
        assert_eq!(
            b.holds_until.as_deref(),
            Some(format!("{}", (first - 1) * 5).as_str())
        );
        assert!(b.reason.contains(&format!("short at {first}")));
        assert!(b.reason_nl.contains(&format!("tekort bij {first}")));
        assert!(asked.len() <= 6, "{} solves for 11 levels", asked.len());
        assert_eq!(b.solves, asked.len());
        let mut sorted = asked.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), asked.len(), "no level solved twice");
    }
}

#[test]
fn a_line_that_holds_everywhere_or_breaks_at_once_is_said_so() {
    let (out, asked) = bisect_at(5, 99, BreakOn::Infeasible);
    let b = out.breaking.expect("a result");
    assert_eq!((b.level, b.holds_until.as_deref()), (None, Some("20")));
    assert_eq!(asked, vec![0, 4]);
    let (out, asked) = bisect_at(5, 0, BreakOn::Infeasible);
    let b = out.breaking.expect("a result");
    assert_eq!((b.level.as_deref(), b.holds_until), (Some("0"), None));
    assert_eq!(asked, vec![0]);
}

#[test]
fn unplaced_students_break_when_asked() {
    // Rows place everyone below index 3 and leave one student out from 3 on.
    let (out, _) = bisect_at(11, 99, BreakOn::Unplaced);
    let b = out.breaking.expect("a result");
    assert_eq!(b.level.as_deref(), Some("15"));
    assert!(
        b.reason.contains("1 student(s) without a place, against 0"),
        "{}",
        b.reason
    );
    assert_eq!(
        b.reason_nl,
        "1 cursist(en) zonder plaats, tegen 0 op het eerste niveau"
    );
}

#[test]
fn students_who_fit_no_group_at_the_first_level_do_not_count_as_broken() {
    // Every level leaves the same 2 students without a place: the shortage costs nothing.
    let out = bisect(&line(6), BreakOn::Unplaced, |i| {
        let mut r = row(i, false);
        r.students_not_placed = Some(2);
        (r, timing(i))
    });
    let b = out.breaking.expect("a result");
    assert_eq!(b.level, None, "{b:?}");
}
