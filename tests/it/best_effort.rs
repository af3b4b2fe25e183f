//! `nt2plan solve` when no schedule meets every norm: the plan that breaks them least,
//! written and marked NOT COMPLIANT everywhere (exit 1), and `--strict`, which writes none.

use crate::solve::{edited_demo, solve};
use crate::support::{nt2plan, stdout, tree};
use serde_json::Value;

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}

/// The demo with T10 and T11 not certified, under the Handleiding's 80%: certified teachers
/// can give at most 148 of the 206 lessons of the groups that must run (tests/it/solve.rs).
pub fn scarce() -> tempfile::TempDir {
    edited_demo(&[
        (
            "teachers.csv",
            "T10,Jolanda Peters,bvnt2",
            "T10,Jolanda Peters,none",
        ),
        (
            "teachers.csv",
            "T11,Karim Haddad,bvnt2",
            "T11,Karim Haddad,none",
        ),
    ])
}

#[test]
fn an_infeasible_school_gets_the_plan_that_misses_the_norms_least_marked_not_compliant() {
    let inst = scarce();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let run = solve(
        inst.path(),
        &out,
        &["--rules", "handleiding-2024", "--report"],
    );
    assert_eq!(run.status.code(), Some(1), "{}", stdout(&run));
    let text = stdout(&run);
    assert!(text.contains("NIET CONFORM / NOT COMPLIANT"), "{text}");
    let written = tree(&out);
    for file in [
        "timetable.csv",
        "placements.csv",
        "report.json",
        "index.html",
    ] {
        assert!(
            written.contains_key(file),
            "{file} missing: {:?}",
            written.keys()
        );
    }
    let report = json(&written["report.json"]);
    assert_eq!(report["status"], "infeasible");
    assert_eq!(report["check"]["compliant"], false);
    let shortfall = &report["best_effort"]["shortfall"];
    let floor = shortfall["floor_lessons_missing"]
        .as_u64()
        .expect("a number");
    // The checker's own numbers say the same: the plan misses the floor by exactly this.
    let totals = &report["check"]["totals"];
    let (need, got) = (
        totals["min_certified_lessons"].as_u64().expect("n"),
        totals["certified_lessons"].as_u64().expect("n"),
    );
    assert!(floor > 0);
    assert_eq!(need - got, floor);
    let md = String::from_utf8(written["report.md"].clone()).expect("UTF-8");
    assert!(md.contains("NIET CONFORM"), "{md}");
    // What would help: each change solved; the best of them restores compliance here
    // (registering one of the two who lost their registration, for one).
    let options = &report["options"];
    assert!(options["tried"].as_u64().is_some_and(|n| n > 0));
    assert_eq!(options["rows"][0]["compliant"], true);
    assert!(md.contains("## Wat zou helpen"), "{md}");
    let page = String::from_utf8(written["index.html"].clone()).expect("UTF-8");
    assert!(page.contains("VOLDOET NIET") && page.contains("C101"));
    // The options on the dashboard: every registration measured is on it.
    assert!(
        page.contains("<h2>Wat zou helpen</h2>"),
        "no options section"
    );
    let registered: Vec<&str> = options["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["change"]["kind"] == "register")
        .filter_map(|r| r["change"]["teacher"].as_str())
        .collect();
    assert!(!registered.is_empty());
    for t in registered {
        assert!(
            page.contains(&format!("{t} laten registreren")),
            "{t} is not on the dashboard"
        );
    }
    let declaration = String::from_utf8(written["verklaring.md"].clone()).expect("UTF-8");
    assert!(declaration.contains("NIET CONFORM"), "{declaration}");
    // `check` judges the written plan the same way: exit 1, C101.
    let check = nt2plan([
        "check".to_string(),
        inst.path().display().to_string(),
        out.display().to_string(),
        "--rules".into(),
        "handleiding-2024".into(),
        "--json".into(),
    ]);
    assert_eq!(check.status.code(), Some(1));
    let judged: Value = serde_json::from_slice(&check.stdout).expect("JSON");
    assert_eq!(judged["totals"], report["check"]["totals"]);
    // Same input, same files.
    let again = solve(
        inst.path(),
        &out,
        &["--rules", "handleiding-2024", "--report"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(tree(&out), written);
}

#[test]
fn strict_keeps_no_plan_for_an_infeasible_school_and_exits_1() {
    let inst = scarce();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let run = solve(
        inst.path(),
        &out,
        &["--rules", "handleiding-2024", "--strict"],
    );
    assert_eq!(run.status.code(), Some(1), "{}", stdout(&run));
    assert!(!stdout(&run).contains("NIET CONFORM"));
    let written = tree(&out);
    assert_eq!(
        written.keys().map(String::as_str).collect::<Vec<_>>(),
        ["report.json", "report.md"]
    );
    let report = json(&written["report.json"]);
    assert!(report["check"].is_null() && report["best_effort"].is_null());
}
