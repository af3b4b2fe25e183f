//! The variation `leave`: a teacher who leaves from a date, as a replan of the scenario's
//! plan without the leave; an unknown teacher is E610 and a date outside the term E611, each
//! at its line.

use super::expand::scenarios;
use super::file::load;
use super::run::Runner;
use super::tests::{assert_code, file};
use super::vary;
use crate::diag::Code;
use crate::domain::TeacherId;
use chrono::NaiveDate;

#[test]
fn an_unknown_teacher_is_e610_and_a_date_outside_the_term_e611_at_their_lines() {
    let (_dir, path) = file(
        r#"[[axis]]
name = "weg"
[[axis.variant]]
label = "a"
leave = [{ teacher = "T99", from = "2025-11-03" }]
[[axis.variant]]
label = "b"
leave = [{ teacher = "T05", from = "2026-03-01" }]
[[axis.variant]]
label = "c"
leave = [{ teacher = "T05", from = "3 november" }]
"#,
    );
    let ds = load(&path).expect_err("bad leaves");
    assert_code(&ds, Code::LeaveUnknownTeacher.as_str(), 6);
    assert_code(&ds, Code::LeaveDateOutsideTerm.as_str(), 9);
    assert_code(&ds, Code::LeaveDateOutsideTerm.as_str(), 12);
    assert_eq!(ds.error_count(), 3, "{ds:?}");
}

/// T05 leaves from 2025-11-03: the scenario is the plan without the leave, replanned from
/// that date. So T05 gives every lesson the base plan gave them before it (the history
/// stands) and none from it on, while a scenario removing T05 outright gives them nothing.
#[test]
fn a_teacher_who_leaves_keeps_the_history_of_the_base_plan_and_gives_nothing_after() {
    let (_dir, path) = file(
        r#"[[axis]]
name = "weg"
[[axis.variant]]
label = "blijft"
[[axis.variant]]
label = "T05 weg in november"
leave = [{ teacher = "T05", from = "2025-11-03" }]
"#,
    );
    let loaded = load(&path).expect("loads").value;
    let list = scenarios(&loaded.spec);
    assert_eq!(list.len(), 2);
    let settings = crate::solve::Settings {
        time_limit: Some(60.0),
        ..Default::default()
    };
    let runner = Runner::new(&loaded, &list, settings, false);
    let apply = |i: usize| {
        vary::apply(
            &loaded.instance,
            &loaded.rules,
            &loaded.spec.rule_sets,
            &runner.temporary,
            &list[i].change,
            0,
        )
    };
    let from = NaiveDate::from_ymd_opt(2025, 11, 3).expect("date");
    let t05 = TeacherId::new("T05");
    let lessons_of_t05 = |schedule: &crate::domain::Schedule, history: bool| {
        let mut dates: Vec<_> = schedule
            .timetable
            .iter()
            .filter(|r| r.teacher.as_ref() == Some(&t05) && (r.date < from) == history)
            .map(|r| (r.date, r.course_code.clone()))
            .collect();
        dates.sort();
        dates
    };
    let (base, _) = runner
        .plan(&list[0], &apply(0), &runner.settings)
        .expect("base plan");
    let (base, _) = base.schedule.expect("a schedule");
    let (left, instance) = runner
        .plan(&list[1], &apply(1), &runner.settings)
        .expect("replan");
    assert_eq!(instance.frozen.as_ref().map(|f| f.from), Some(from));
    let (left, report) = left.schedule.expect("a schedule");
    assert!(report.compliant, "{:?}", report.findings);
    assert!(
        !lessons_of_t05(&base, true).is_empty(),
        "T05 teaches before"
    );
    assert_eq!(lessons_of_t05(&left, true), lessons_of_t05(&base, true));
    assert!(lessons_of_t05(&left, false).is_empty());
    let (row, _) = runner.solve(1, None);
    use crate::outcome::Verdict;
    assert!(
        matches!(row.status, Verdict::Optimal | Verdict::Feasible),
        "{:?}: {}",
        row.status,
        row.reason
    );
}
