//! `nt2plan indicators`: pass rates of `instances/demo-exams.csv`, exception 3's mark, and
//! input errors with exit code 2.

use crate::support::{nt2plan, root, stderr, stdout};
use serde_json::Value;

fn demo_exams() -> String {
    root()
        .join("instances/demo-exams.csv")
        .display()
        .to_string()
}

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("JSON: {}", stdout(out)))
}

/// The row of `period`, `law` and `profile`.
fn row<'a>(json: &'a Value, period: &str, law: &str, profile: &str) -> &'a Value {
    json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["period"] == period && r["law"] == law && r["profile"] == profile)
        .unwrap_or_else(|| panic!("no row {period} {law} {profile}"))
}

#[test]
fn the_demo_results_give_their_pass_rates_as_json() {
    let out = nt2plan(["indicators", &demo_exams(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = json_of(&out);
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["ok"], true);
    assert_eq!(json["exams"], 29);
    assert_eq!(json["rows"].as_array().map(Vec::len), Some(9));

    // 2023-08-31 is the last day of 2022/2023: judged as a norm.
    let before = row(&json, "2022/2023", "wi2013", "B1-route");
    assert_eq!(
        (&before["exams"], &before["passed"]),
        (&4.into(), &3.into())
    );
    assert_eq!(before["pass_rate"], "75.0%");
    assert_eq!(before["judged_as_norm"], true);
    assert_eq!(before["counts_for_stars"], true);
    assert_eq!(before["note"], Value::Null);

    // 2023-09-01 and 2024-08-31 are in 2023/2024: exception 3, and 2 of 3 truncated.
    let first = row(&json, "2023/2024", "wi2013", "B1-route");
    assert_eq!((&first["exams"], &first["passed"]), (&3.into(), &2.into()));
    assert_eq!(first["pass_rate_permille"], 666);
    assert_eq!(first["pass_rate"], "66.6%");
    assert_eq!(first["period_start"], "2023-09-01");
    assert_eq!(first["period_end"], "2024-08-31");
    assert_eq!(first["judged_as_norm"], false);
    assert_eq!(first["counts_for_stars"], false);
    assert!(
        first["note"]
            .as_str()
            .is_some_and(|n| n.contains("exception 3"))
    );

    let later = row(&json, "2024/2025", "wi2013", "B1-route");
    assert_eq!(later["judged_as_norm"], false);
    let wi2021 = row(&json, "2024/2025", "wi2021", "Z-route");
    assert_eq!(wi2021["judged_as_norm"], true);
    assert_eq!(wi2021["pass_rate"], "66.6%");
}

#[test]
fn the_table_marks_wi2013_from_2023_2024_on() {
    let out = nt2plan(["indicators", &demo_exams()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let marked: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("20") && l.ends_with('*'))
        .collect();
    assert_eq!(marked.len(), 2, "{text}");
    assert!(marked.iter().all(|l| l.contains("wi2013")), "{text}");
    assert!(marked[0].starts_with("2023/2024"), "{text}");
    assert!(text.contains("* Exception 3 (Addendum)"), "{text}");
}

#[test]
fn bad_rows_are_all_listed_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("uitslagen.csv");
    std::fs::write(
        &path,
        "\u{feff}student;law;profile;exam_date;passed\r\n\
         S1;wi2013;B1-route;31/08/2024;ja\r\n\
         S2;wi2022;B1-route;2024-08-31;ja\r\n",
    )
    .expect("write");
    let file = path.display().to_string();
    let out = nt2plan(["indicators", file.as_str()]);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("error[E202]"), "{text}");
    assert!(text.contains(&format!("{file}:2:4 (exam_date)")), "{text}");
    assert!(text.contains("error[E206]"), "{text}");
    assert!(text.contains(&format!("{file}:3:2 (law)")), "{text}");
    assert!(text.contains("2 error(s)"), "{text}");

    let out = nt2plan(["indicators", file.as_str(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let json = json_of(&out);
    assert_eq!(json["ok"], false);
    assert_eq!(json["diagnostics"][0]["code"], "E202");
    assert_eq!(json["diagnostics"][0]["line"], 2);
}

#[test]
fn a_header_alone_is_exit_0_and_a_missing_file_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.csv");
    std::fs::write(&path, "student,law,profile,exam_date,passed\n").expect("write");
    let out = nt2plan(["indicators".as_ref(), path.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("no exam results"), "{}", stdout(&out));

    let out = nt2plan([
        "indicators".as_ref(),
        dir.path().join("none.csv").as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("error[E101]"), "{}", stdout(&out));
}

#[test]
fn the_readme_example_is_the_real_output() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nt2plan"))
        .args(["indicators", "instances/demo-exams.csv"])
        .current_dir(root())
        .output()
        .expect("the nt2plan binary runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let text = stdout(&out);
    assert!(
        readme.contains(&text),
        "README's indicators example differs from the output:\n{text}"
    );
}
