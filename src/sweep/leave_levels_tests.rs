//! The levels form of `leave`: `vary = "leave_from"` with `teacher` on the axis and dates as
//! levels; bad levels are E614 and a missing or unknown teacher E615, each at its line.

use super::expand::scenarios;
use super::file::load;
use super::run::Runner;
use super::tests::{assert_code, file};
use super::vary;
use crate::diag::Code;
use crate::domain::{Schedule, TeacherId};
use chrono::NaiveDate;

#[test]
fn leave_from_levels_are_dates_of_the_term_ascending_else_e614_and_need_a_known_teacher_else_e615()
{
    // Line 1 is `instance = ...`; the axes start on lines 2, 7, 12, 17, 21 and 26.
    let (_dir, path) = file(
        r#"[[axis]]
name = "getallen"
vary = "leave_from"
teacher = "T05"
levels = [10, 20]
[[axis]]
name = "buiten de periode"
vary = "leave_from"
teacher = "T05"
levels = ["2025-11-03", "2026-01-05"]
[[axis]]
name = "aflopend"
vary = "leave_from"
teacher = "T05"
levels = ["2025-11-03", "2025-10-06"]
[[axis]]
name = "geen docent"
vary = "leave_from"
levels = ["2025-11-03"]
[[axis]]
name = "onbekende docent"
vary = "leave_from"
teacher = "T99"
levels = ["2025-11-03"]
[[axis]]
name = "docent bij een ander"
vary = "remove_certified_percent"
teacher = "T05"
levels = [0, 10]
"#,
    );
    let ds = load(&path).expect_err("bad leave_from axes");
    assert_code(&ds, Code::LeaveLevels, 6); // numbers, not dates
    assert_code(&ds, Code::LeaveLevels, 11); // 2026-01-05 is after the term
    assert_code(&ds, Code::LeaveLevels, 16); // descending
    assert_code(&ds, Code::LeaveAxisTeacher, 17); // the axis, which has no teacher
    assert_code(&ds, Code::LeaveAxisTeacher, 24); // T99
    assert_code(&ds, Code::LeaveAxisTeacher, 29); // a teacher on a percent axis
    assert_eq!(ds.error_count(), 6, "{ds:?}");
}

/// T05 leaves from 2025-10-06 or from 2025-11-03. Both scenarios replan the same base plan
/// (the change without the leave), so T05 keeps exactly their base lessons before the date
/// and gives none after it. Every base lesson of T05 from the date on must therefore change
/// teacher (a forced change), and the base lessons of T05 from 2025-10-06 on include those
/// from 2025-11-03 on: the earlier leave forces at least as many changes, strictly more when
/// T05 teaches between the two dates in the base plan (they do in the demo). The replanned
/// schedule changes at least the forced lessons.
#[test]
fn an_earlier_leave_forces_at_least_as_many_changed_lessons_as_a_later_one() {
    let (_dir, path) = file(
        r#"[[axis]]
name = "vertrek"
vary = "leave_from"
teacher = "T05"
levels = ["2025-10-06", "2025-11-03"]
"#,
    );
    let loaded = load(&path).expect("loads").value;
    let axis = &loaded.spec.axes[0];
    let labels: Vec<_> = axis.variants.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(labels, ["2025-10-06", "2025-11-03"]);
    // Days from the term's start, 2025-09-01: 35 and 63.
    let levels: Vec<_> = axis.variants.iter().map(|v| v.level).collect();
    assert_eq!(levels, [Some(35.0), Some(63.0)]);
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
    let t05 = TeacherId::new("T05");
    let of_t05 = |s: &Schedule, keep: &dyn Fn(NaiveDate) -> bool| {
        let mut lessons: Vec<_> = s
            .timetable
            .iter()
            .filter(|r| r.teacher.as_ref() == Some(&t05) && keep(r.date))
            .map(|r| (r.date, r.time, r.course_code.clone()))
            .collect();
        lessons.sort();
        lessons
    };
    // The base plan: the sweep's change without the leave.
    let base = vary::apply(
        &loaded.instance,
        &loaded.rules,
        &loaded.spec.rule_sets,
        &runner.temporary,
        &Default::default(),
        0,
    );
    let base = crate::solve::solve(&base.instance, &base.rules, &runner.settings).expect("base");
    let (base, _) = base.schedule.expect("a base schedule");
    let mut forced = Vec::new();
    for (i, v) in axis.variants.iter().enumerate() {
        let from = v.change.leave[0].from;
        let (solved, derived) = runner
            .plan(&list[i], &apply(i), &runner.settings)
            .expect("replan");
        let (schedule, report) = solved.schedule.expect("a schedule");
        assert!(report.compliant, "{}: {:?}", v.label, report.findings);
        assert_eq!(
            of_t05(&schedule, &|d| d < from),
            of_t05(&base, &|d| d < from),
            "{}: T05's history stands",
            v.label
        );
        assert!(of_t05(&schedule, &|d| d >= from).is_empty(), "{}", v.label);
        let must_change = of_t05(&base, &|d| d >= from).len();
        let changed = crate::check::changes(&derived, &base, &schedule)
            .lessons
            .len();
        assert!(
            changed >= must_change,
            "{}: {changed} < {must_change}",
            v.label
        );
        forced.push(must_change);
    }
    assert!(forced[0] > forced[1], "forced changes {forced:?}");
}
