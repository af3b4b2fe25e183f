//! A choice of meeting times (`|` in a group's `slots`) through the binary: `solve` picks one
//! alternative, the timetable follows it alone, `check` agrees, and report.md, report.json,
//! `check`'s text and `check --json` name the one chosen.

use crate::solve::{edited_demo, solve};
use crate::support::{nt2plan, stderr, stdout};
use serde_json::Value;

#[test]
fn solve_follows_one_alternative_and_every_report_names_it() {
    let dir = edited_demo(&[(
        "groups.csv",
        "B1-UTR-02,Utrecht,B1-route,wi2021,tue-afternoon;thu-afternoon,",
        "B1-UTR-02,Utrecht,B1-route,wi2021,tue-afternoon;thu-afternoon|mon-afternoon;fri-afternoon,",
    )]);
    let out = dir.path().join("out");
    let run = solve(dir.path(), &out, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let timetable = std::fs::read_to_string(out.join("timetable.csv")).expect("timetable");
    let days: std::collections::BTreeSet<String> = timetable
        .lines()
        .filter(|l| l.starts_with("B1-UTR-02;"))
        .filter_map(|l| l.split(';').nth(1))
        .map(|d| {
            let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("a date");
            chrono::Datelike::weekday(&d).to_string()
        })
        .collect();
    let first: std::collections::BTreeSet<String> = ["Tue", "Thu"].map(String::from).into();
    let second: std::collections::BTreeSet<String> = ["Mon", "Fri"].map(String::from).into();
    assert!(days == first || days == second, "{days:?}");
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("report.json")).expect("report.json"),
    )
    .expect("json");
    let chosen = &report["check"]["alternatives"][0];
    assert_eq!(chosen["course_code"], "B1-UTR-02");
    assert_eq!(chosen["of"], 2);
    let k = chosen["alternative"].as_u64().expect("an alternative");
    assert_eq!(k == 1, days == first);
    // Only the lessons of the alternative chosen are planned: none of the other is
    // reported without a teacher.
    assert_eq!(
        report["check"]["who_pays"]["lessons_without_teacher"],
        Value::Array(vec![])
    );
    let md = std::fs::read_to_string(out.join("report.md")).expect("report.md");
    assert!(md.contains("## Gekozen lesmomenten"), "{md}");
    assert!(
        md.contains(&format!("| B1-UTR-02 | alternatief {k} van 2 |")),
        "{md}"
    );
    let text = nt2plan([
        "check".to_string(),
        dir.path().display().to_string(),
        out.display().to_string(),
    ]);
    assert!(
        stdout(&text).contains(&format!("  B1-UTR-02: alternative {k} of 2: ")),
        "{}",
        stdout(&text)
    );
    let check = nt2plan([
        "check".to_string(),
        dir.path().display().to_string(),
        out.display().to_string(),
        "--json".to_string(),
    ]);
    let json: Value = serde_json::from_str(&stdout(&check)).expect("check --json");
    assert_eq!(json["compliant"], true, "{}", stdout(&check));
    assert_eq!(json["alternatives"][0]["alternative"], k);
}
