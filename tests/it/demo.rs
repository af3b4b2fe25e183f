//! The demo school and its hand-made schedule, judged through the binary.

use crate::support::{copy_dir, demo, demo_schedule, nt2plan, stderr, stdout};
use serde_json::Value;

/// The `key` of every object in the JSON list `list`, in order.
fn strings<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .map(|items| items.iter().filter_map(|x| x[key].as_str()).collect())
        .unwrap_or_default()
}

fn check_json(rules: Option<&str>) -> (Option<i32>, Value) {
    let mut args = vec![
        "check".to_string(),
        demo().display().to_string(),
        demo_schedule().display().to_string(),
        "--json".to_string(),
    ];
    if let Some(r) = rules {
        args.extend(["--rules".to_string(), r.to_string()]);
    }
    let out = nt2plan(&args);
    let json = serde_json::from_slice(&out.stdout).expect("check --json prints JSON");
    (out.status.code(), json)
}

#[test]
fn demo_validates_with_only_the_two_unplaceable_students_as_warnings() {
    let out = nt2plan(["validate", &demo().display().to_string(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["ok"], true);
    assert_eq!(
        (
            v["teachers"].as_u64(),
            v["groups"].as_u64(),
            v["students"].as_u64()
        ),
        (Some(12), Some(8), Some(121))
    );
    assert_eq!(v["lessons"], 251);
    let codes = strings(&v["diagnostics"], "code");
    assert_eq!(codes, ["W502", "W502"]);
}

#[test]
fn demo_schedule_is_compliant_under_the_addendum() {
    let (code, v) = check_json(None);
    assert_eq!(code, Some(0), "{v:#}");
    assert_eq!(v["compliant"], true);
    assert_eq!(v["rules"]["name"], "addendum-2025");
    let t = &v["totals"];
    assert_eq!(
        (t["lessons_given"].as_u64(), t["certified_lessons"].as_u64()),
        (Some(251), Some(178))
    );
    assert_eq!(t["certified_share"]["percent"], "70.9%");
    assert_eq!(t["min_certified_lessons"], 151);
    // Z-UTR-01 holds 14 in the only Z-route group at Utrecht: exception 2, allowed.
    let z = v["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["course_code"] == "Z-UTR-01")
        .expect("Z group");
    assert_eq!(z["status"], "above_standard_exception2");
    let decl = &v["declaration"];
    assert_eq!(decl["exception_1"]["in_use"], true);
    assert_eq!(decl["exception_2"]["in_use"], true);
    let names = strings(&decl["non_certified_teachers"], "id");
    assert_eq!(names, ["T02", "T06", "T09", "T12"]);
    // The input's warnings travel beside the report: the two students that fit no group.
    assert_eq!(strings(&v["diagnostics"], "code"), ["W502", "W502"]);
    let codes = strings(&v["findings"], "code");
    assert_eq!(codes, ["C102"], "only the 80% aim is missed");
}

#[test]
fn demo_schedule_violates_the_handleiding_share_and_group_size() {
    let (code, v) = check_json(Some("handleiding-2024"));
    assert_eq!(code, Some(1));
    assert_eq!(v["compliant"], false);
    let codes = strings(&v["findings"], "code");
    assert_eq!(codes, ["C101", "C121"]);
}

#[test]
fn check_json_on_a_broken_schedule_prints_its_coded_errors_as_json_and_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo_schedule(), dir.path());
    let timetable = dir.path().join("timetable.csv");
    let text = std::fs::read_to_string(&timetable).expect("timetable");
    let broken = text.replacen("T01", "T99", 1);
    assert_ne!(broken, text, "the demo timetable names T01");
    std::fs::write(&timetable, broken).expect("write");
    let out = nt2plan([
        "check",
        &demo().display().to_string(),
        &dir.path().display().to_string(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(v["ok"], false);
    let problem = &v["diagnostics"][0];
    assert_eq!(problem["file"], "timetable.csv");
    assert_eq!(problem["severity"], "error");
    assert!(problem["code"].as_str().is_some_and(|c| c.starts_with('E')));
    assert!(problem["line"].as_u64().is_some_and(|l| l >= 2), "{v:#}");
    // People still read the same problems on stderr.
    assert!(stderr(&out).contains("T99"), "{}", stderr(&out));
}

#[test]
fn check_summary_for_people_ends_with_the_verdict() {
    let out = nt2plan([
        "check",
        &demo().display().to_string(),
        &demo_schedule().display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("178 of 251"), "{text}");
    assert!(
        text.trim_end()
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("COMPLIANT")),
        "{text}"
    );
}

#[test]
fn check_output_is_byte_identical_between_runs() {
    let a = nt2plan([
        "check",
        &demo().display().to_string(),
        &demo_schedule().display().to_string(),
        "--json",
    ]);
    let b = nt2plan([
        "check",
        &demo().display().to_string(),
        &demo_schedule().display().to_string(),
        "--json",
    ]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn a_term_past_the_addendum_is_refused_with_e404_naming_the_end_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    let school = std::fs::read_to_string(dir.path().join("school.toml")).expect("school.toml");
    std::fs::write(
        dir.path().join("school.toml"),
        school.replace("term_end = \"2025-12-19\"", "term_end = \"2026-01-16\""),
    )
    .expect("write");
    let out = nt2plan(["validate", &dir.path().display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("E404") && text.contains("2025-12-31") && text.contains("addendum-2025"),
        "{text}"
    );
    // Under the open-ended Handleiding the same instance is fine.
    let ok = nt2plan([
        "validate",
        &dir.path().display().to_string(),
        "--rules",
        "handleiding-2024",
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
}

#[test]
fn a_timetable_row_after_the_addendum_is_an_error_not_a_verdict() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo_schedule(), dir.path());
    let path = dir.path().join("timetable.csv");
    let mut text = std::fs::read_to_string(&path).expect("timetable");
    text.push_str("B1-UTR-01,2026-01-05,09:00,12:00,Utrecht,T04\n");
    std::fs::write(&path, text).expect("write");
    let out = nt2plan([
        "check",
        &demo().display().to_string(),
        &dir.path().display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("E404") && err.contains("addendum-2025"),
        "{err}"
    );
}

#[test]
fn a_violating_change_to_the_demo_schedule_exits_1_with_its_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo_schedule(), dir.path());
    // T06's mentor row removed: a non-certified teacher without supervision.
    let path = dir.path().join("mentoring.csv");
    let text = std::fs::read_to_string(&path).expect("mentoring");
    std::fs::write(&path, text.replace("T06,T05\n", "")).expect("write");
    let out = nt2plan([
        "check",
        &demo().display().to_string(),
        &dir.path().display().to_string(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let f = &v["findings"]
        .as_array()
        .expect("list")
        .iter()
        .find(|f| f["code"] == "C131")
        .expect("C131");
    assert_eq!(f["subject"], "T06");
}

/// The demo's `locks.csv` says T07 gives KNM-AMF-01: the hand-made schedule keeps it, and
/// one of its lessons given by T05 instead is C158, naming the lock and the lesson.
#[test]
fn a_demo_lesson_given_against_its_lock_exits_1_with_c158() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo_schedule(), dir.path());
    let path = dir.path().join("timetable.csv");
    let text = std::fs::read_to_string(&path).expect("timetable");
    let from = "KNM-AMF-01,2025-09-09,18:30,21:30,Amersfoort,T07";
    assert!(
        text.contains(from),
        "the demo schedule has T07 on KNM-AMF-01"
    );
    std::fs::write(&path, text.replace(from, &from.replace("T07", "T05"))).expect("write");
    let out = nt2plan([
        "check",
        &demo().display().to_string(),
        &dir.path().display().to_string(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found: Vec<&Value> = v["findings"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|f| f["code"] == "C158")
        .collect();
    assert_eq!(found.len(), 1, "{v}");
    assert_eq!(found[0]["subject"], "T07");
    let message = found[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("T07 gives KNM-AMF-01") && message.contains("2025-09-09"),
        "{message}"
    );
}

/// Contract hours read from `teachers.csv` reach the checker: with T01 given a term minimum
/// of 20 (the demo schedule gives T01 16 lessons) and T02 a term maximum of 20 (it gives 28),
/// the demo schedule is C160 for T01 and C161 for T02.
#[test]
fn the_demo_schedule_against_contract_hours_exits_1_with_c160_and_c161() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    let path = dir.path().join("teachers.csv");
    let text = std::fs::read_to_string(&path).expect("teachers");
    let mut out = String::new();
    for line in text.lines() {
        let extra = match line.split(',').next() {
            Some("id") => ",min_lessons_per_term,max_lessons_per_term",
            Some("T01") => ",20,",
            Some("T02") => ",,20",
            _ => ",,",
        };
        out.push_str(&format!("{line}{extra}\n"));
    }
    std::fs::write(&path, out).expect("write");
    let got = nt2plan([
        "check",
        &dir.path().display().to_string(),
        &demo_schedule().display().to_string(),
        "--json",
    ]);
    assert_eq!(got.status.code(), Some(1), "{}", stdout(&got));
    let v: Value = serde_json::from_slice(&got.stdout).expect("JSON");
    let findings = v["findings"].as_array().expect("list");
    let of = |code: &str| -> Vec<&str> {
        findings
            .iter()
            .filter(|f| f["code"] == code)
            .filter_map(|f| f["subject"].as_str())
            .collect()
    };
    assert_eq!(of("C160"), ["T01"], "{v}");
    assert_eq!(of("C161"), ["T02"], "{v}");
    assert!(of("C159").is_empty(), "{v}");
}
