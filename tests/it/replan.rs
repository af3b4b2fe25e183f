//! `nt2plan replan` on the demo school: the history before --from stays exactly, the ill
//! teacher's lessons go to others (forced), nothing else changes, and `check --against`
//! catches a changed history lesson.

use crate::support::{copy_dir, demo, nt2plan, stderr, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The first day that may change: a Monday in the middle of the demo's term.
pub(crate) const FROM: &str = "2025-11-03";
/// T05, certified, gives the Amersfoort groups; ill for three weeks from FROM.
pub(crate) const ILL: &str = "T05,2025-11-03,2025-11-21,ziek";

/// The demo solved once for all tests of this module: the schedule being replaced.
fn current() -> &'static Path {
    static CURRENT: OnceLock<PathBuf> = OnceLock::new();
    CURRENT.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("replan-current-{}", std::process::id()));
        let out = nt2plan([
            "solve",
            &demo().display().to_string(),
            "-o",
            &dir.display().to_string(),
            "--no-highest",
            // The tests split rows at commas.
            "--csv-format",
            "plain",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        dir
    })
}

/// Rows of a CSV file as lines without the header, sorted.
pub(crate) fn rows(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("read csv");
    let mut lines: Vec<String> = text.lines().skip(1).map(str::to_string).collect();
    lines.sort();
    lines
}

/// `timetable.csv` rows dated before FROM (the date is the second column).
fn history(dir: &Path) -> Vec<String> {
    rows(&dir.join("timetable.csv"))
        .into_iter()
        .filter(|r| r.split(',').nth(1).is_some_and(|d| d < FROM))
        .collect()
}

/// The demo with `line` added to unavailability.csv and `weights` under [weights].
pub(crate) fn edited(dir: &Path, line: Option<&str>, weights: &str) {
    copy_dir(&demo(), dir);
    if let Some(line) = line {
        let path = dir.join("unavailability.csv");
        let mut text = std::fs::read_to_string(&path).expect("unavailability");
        text.push_str(line);
        text.push('\n');
        std::fs::write(&path, text).expect("write");
    }
    if !weights.is_empty() {
        let path = dir.join("school.toml");
        let text = std::fs::read_to_string(&path).expect("school.toml");
        std::fs::write(
            &path,
            text.replace("[blocks]", &format!("[weights]\n{weights}\n\n[blocks]")),
        )
        .expect("write");
    }
}

fn replan(instance: &Path, out: &Path) -> std::process::Output {
    nt2plan([
        "replan",
        &instance.display().to_string(),
        &current().display().to_string(),
        "--from",
        FROM,
        "-o",
        &out.display().to_string(),
        "--csv-format",
        "plain",
    ])
}

/// changes.csv rows as (date, course, old, new, kind).
fn changes(out: &Path) -> Vec<[String; 5]> {
    rows(&out.join("changes.csv"))
        .iter()
        .map(|r| {
            let c: Vec<&str> = r.split(',').collect();
            [c[0], c[3], c[4], c[5], c[6]].map(str::to_string)
        })
        .collect()
}

#[test]
fn a_replan_with_nothing_edited_changes_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("out");
    let run = replan(&demo(), &out);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert!(changes(&out).is_empty(), "{:?}", changes(&out));
    assert!(rows(&out.join("moves.csv")).is_empty());
    assert_eq!(
        rows(&out.join("timetable.csv")),
        rows(&current().join("timetable.csv"))
    );
    assert_eq!(
        rows(&out.join("placements.csv")),
        rows(&current().join("placements.csv"))
    );
    assert!(
        stdout(&run).contains("0 lesson(s) (0 forced, 0 chosen)"),
        "{}",
        stdout(&run)
    );
}

/// Every schedule must give each of T05's lessons from FROM to 2025-11-21 to someone else
/// (T05 is away): those changes are forced, and there are as many as CURRENT has such
/// lessons. That count is a lower bound on the changes of every schedule, so a replan with
/// exactly that many changes is one with the fewest, and it has no chosen change. A replan
/// that weighs a change 100,000 (above everything else) finds the same number.
#[test]
fn an_ill_teacher_s_three_weeks_go_to_others_and_nothing_else_changes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let instance = tmp.path().join("ill");
    edited(&instance, Some(ILL), "");
    let out = tmp.path().join("out");
    let run = replan(&instance, &out);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(
        history(&out),
        history(current()),
        "the history before {FROM} stands"
    );

    let away: Vec<String> = rows(&current().join("timetable.csv"))
        .into_iter()
        .filter(|r| {
            let c: Vec<&str> = r.split(',').collect();
            c[5] == "T05" && c[1] >= FROM && c[1] <= "2025-11-21"
        })
        .collect();
    assert!(away.len() >= 3, "T05 teaches in those weeks: {away:?}");
    let found = changes(&out);
    assert_eq!(found.len(), away.len(), "{found:?}");
    for [date, _, old, new, kind] in &found {
        assert_eq!((old.as_str(), kind.as_str()), ("T05", "forced"), "{date}");
        assert!(!new.is_empty() && new != "T05", "{date}: {new}");
        assert!(
            date.as_str() >= FROM && date.as_str() <= "2025-11-21",
            "{date}"
        );
    }
    assert!(rows(&out.join("moves.csv")).is_empty());
    let report = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(
        report.contains("## Wijzigingen vanaf 2025-11-03"),
        "{report}"
    );
    assert!(report.contains(&format!(
        "{} ({} afgedwongen, 0 gekozen)",
        away.len(),
        away.len()
    )));

    let heavy = tmp.path().join("heavy");
    edited(&heavy, Some(ILL), "changed_lesson = 100000");
    let least = tmp.path().join("least");
    let run = replan(&heavy, &least);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(changes(&least).len(), found.len());

    let check = nt2plan([
        "check",
        &instance.display().to_string(),
        &out.display().to_string(),
        "--against",
        &current().display().to_string(),
        "--from",
        FROM,
    ]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
}

/// S0001 left (removed from students.csv): moves.csv lists them, forced, without a new
/// group, and nobody else moves.
#[test]
fn a_student_who_left_is_listed_as_a_forced_move() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let instance = tmp.path().join("left");
    edited(&instance, None, "");
    let path = instance.join("students.csv");
    let text = std::fs::read_to_string(&path).expect("students");
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("S0001,")).collect();
    assert_eq!(kept.len() + 1, text.lines().count(), "S0001 is in the demo");
    std::fs::write(&path, kept.join("\n") + "\n").expect("write");
    let out = tmp.path().join("out");
    let run = replan(&instance, &out);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let moves = rows(&out.join("moves.csv"));
    assert_eq!(moves.len(), 1, "{moves:?}");
    assert!(
        moves[0].starts_with("S0001,") && moves[0].ends_with(",,forced"),
        "{moves:?}"
    );
    assert_eq!(history(&out), history(current()));
}

#[test]
fn check_against_catches_a_history_lesson_given_by_another_teacher() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let judged = tmp.path().join("judged");
    copy_dir(current(), &judged);
    let path = judged.join("timetable.csv");
    let text = std::fs::read_to_string(&path).expect("timetable");
    let row = text
        .lines()
        .find(|l| l.contains(",2025-10-0") && l.contains(",T05,"))
        .expect("T05 teaches in early October")
        .to_string();
    std::fs::write(&path, text.replace(&row, &row.replace(",T05,", ",T10,"))).expect("write");
    let check = nt2plan([
        "check",
        &demo().display().to_string(),
        &judged.display().to_string(),
        "--against",
        &current().display().to_string(),
        "--from",
        FROM,
        "--json",
    ]);
    assert_eq!(check.status.code(), Some(1), "{}", stdout(&check));
    let v: Value = serde_json::from_slice(&check.stdout).expect("JSON");
    let c159: Vec<&Value> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "C162")
        .collect();
    assert_eq!(c159.len(), 1, "{v}");
    let message = c159[0]["message"].as_str().unwrap_or("");
    assert!(message.contains("by T10 instead of T05"), "{message}");
}

#[test]
fn a_replan_from_outside_the_term_is_an_input_error_e415() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let run = nt2plan([
        "replan",
        &demo().display().to_string(),
        &current().display().to_string(),
        "--from",
        "2026-02-01",
        "-o",
        &tmp.path().join("out").display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("E417"), "{}", stderr(&run));
    assert!(!tmp.path().join("out").exists(), "nothing written");
}

/// Every certified teacher but T01 leaves on FROM (locks dropped, they would name them).
/// The rest of the term cannot meet the norms, and the replan says so as `solve` does: exit
/// 1, the plan that breaks them least written all the same with the history kept, the
/// reason and the options. Worked out: Z-UTR-01 (Z-route, Utrecht) meets tue, thu and fri
/// mornings; after T03 and T08 leave, only T06 has Z-route and T06 teaches in Amersfoort
/// only, so its lessons of the 7 weeks from 2025-11-03 to 2025-12-19 (3 × 7 = 21) have no
/// teacher in any schedule, and the plan leaves exactly those 21 without one.
#[test]
fn when_the_certified_teachers_leave_the_replan_writes_the_least_bad_plan_and_names_the_cause() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let instance = tmp.path().join("left");
    copy_dir(&demo(), &instance);
    let path = instance.join("unavailability.csv");
    let mut text = std::fs::read_to_string(&path).expect("unavailability");
    for t in ["T03", "T04", "T05", "T07", "T08", "T10", "T11"] {
        text.push_str(&format!("{t},{FROM},2025-12-19,vertrokken\n"));
    }
    std::fs::write(&path, text).expect("write");
    std::fs::write(
        instance.join("locks.csv"),
        "teacher,course_code,slot,date,rule\n",
    )
    .expect("write locks");
    let out = tmp.path().join("out");
    let run = replan(&instance, &out);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let said = stdout(&run);
    assert!(said.contains("NIET CONFORM / NOT COMPLIANT"), "{said}");
    assert!(said.contains("What would help"), "{said}");
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("report.json")).expect("report.json"),
    )
    .expect("json");
    assert_eq!(report["status"], "infeasible");
    let shortfall = &report["best_effort"]["shortfall"];
    assert_eq!(shortfall["lessons_without_teacher"], 21, "{shortfall}");
    // The cause is named: Z-UTR-01 has no teacher on the dates from FROM.
    let bounds = report["diagnosis"]["bounds"].as_array().expect("bounds");
    assert!(
        bounds.iter().any(|b| b["message"]
            .as_str()
            .is_some_and(|m| m.contains("Z-UTR-01") && m.contains("2025-11-04"))),
        "{bounds:?}"
    );
    assert!(
        !report["options"]["rows"]
            .as_array()
            .expect("options")
            .is_empty()
    );
    // A registration certifies no lesson given already: every option's certified lessons
    // leave out the history's lessons by non-certified teachers (T02, T06, T09, T12), and
    // registering T02 among them.
    let non_certified_history = history(current())
        .iter()
        .filter(|r| {
            let teacher = r.split(',').nth(5).unwrap_or("");
            ["T02", "T06", "T09", "T12"].contains(&teacher)
        })
        .count() as u64;
    assert!(non_certified_history > 0);
    let rows = report["options"]["rows"].as_array().expect("options");
    let register_t02 = rows
        .iter()
        .find(|r| r["change"]["kind"] == "register" && r["change"]["teacher"] == "T02")
        .expect("registering T02 is an option");
    for r in rows {
        let certified = r["certified_lessons"].as_u64().expect("certified");
        let given = r["lessons_given"].as_u64().expect("given");
        assert!(
            certified + non_certified_history <= given,
            "{r}: {non_certified_history} lessons before {FROM} by non-certified teachers"
        );
    }
    assert!(register_t02["certified_lessons"].as_u64().is_some());
    // The history stands, and the plan is marked in report.md as the auditor reads it.
    assert_eq!(history(&out), history(current()));
    let md = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(md.contains("NIET CONFORM"), "{md}");
}
