//! `nt2plan sweep`: results equal separate solves, are reproducible whatever the number of
//! workers or shards, keep infeasible scenarios with their reason, and bisection agrees with
//! the full grid.

use crate::support::{copy_dir, demo, nt2plan, root, stderr, stdout, tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Writes a scenario file on the demo instance into `dir`.
fn scenario_file(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("scenarios.toml");
    let text = format!(
        "instance = \"{}\"\n{body}",
        demo().display().to_string().replace('\\', "/")
    );
    std::fs::write(&path, text).expect("write the scenario file");
    path
}

/// Every file of a results folder except the timings (wall clock), by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(dir);
    files.remove("timings.csv");
    files
}

fn results(dir: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join("results.json")).expect("results.json");
    serde_json::from_str(&text).expect("valid JSON")
}

fn sweep(args: &[&str]) -> std::process::Output {
    let o = nt2plan(args);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    o
}

const SHORTAGE: &str = r#"seeds = 2
[[axis]]
name = "regels"
[[axis.variant]]
label = "handleiding"
rules = "handleiding-2024"
[[axis.variant]]
label = "addendum"
rules = "addendum-2025"
[[axis]]
name = "weg"
vary = "remove_certified_count"
levels = [0, 1, 2, 4]
"#;

#[test]
fn each_row_equals_a_separate_solve_of_the_same_variation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(
        dir.path(),
        r#"[[axis]]
name = "variant"
[[axis.variant]]
label = "handleiding"
rules = "handleiding-2024"
[[axis.variant]]
label = "zonder T12"
remove_teachers = ["T12"]
"#,
    );
    let out = dir.path().join("out");
    sweep(&[
        "sweep",
        file.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--solver",
        "microlp",
    ]);
    let rows = results(&out)["rows"].as_array().cloned().expect("rows");
    assert_eq!(rows.len(), 2);

    // The same variations made by hand: a rule set on the command line, a teacher deleted
    // from a copy of teachers.csv.
    let without = dir.path().join("without-t12");
    copy_dir(&demo(), &without);
    let teachers = std::fs::read_to_string(without.join("teachers.csv")).expect("read");
    let kept: Vec<&str> = teachers
        .lines()
        .filter(|l| !l.starts_with("T12,"))
        .collect();
    std::fs::write(without.join("teachers.csv"), kept.join("\n") + "\n").expect("write");
    let single = [
        (vec!["--rules", "handleiding-2024"], demo()),
        (Vec::new(), without),
    ];
    for (row, (extra, instance)) in rows.iter().zip(single) {
        let solved = dir.path().join(format!("single-{}", row["index"]));
        let mut args = vec![
            "solve".to_string(),
            instance.display().to_string(),
            "-o".into(),
            solved.display().to_string(),
            "--solver".into(),
            "microlp".into(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        let o = nt2plan(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let report: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(solved.join("report.json")).expect("report.json"),
        )
        .expect("JSON");
        let totals = &report["check"]["totals"];
        assert_eq!(row["rules"], report["rules"]);
        assert_eq!(row["lessons"], totals["lessons_given"]);
        assert_eq!(row["certified_lessons"], totals["certified_lessons"]);
        assert_eq!(row["students_placed"], totals["students_placed"]);
        assert_eq!(row["students_not_placed"], totals["students_not_placed"]);
        assert_eq!(row["groups_opened"], totals["groups_running"]);
        let (a, b) = (
            row["objective"].as_f64().expect("objective"),
            report["objective"].as_f64().expect("objective"),
        );
        assert!((a - b).abs() < 1e-3, "objective {a} vs {b}");
    }
    assert_eq!(rows[1]["teachers_removed"], serde_json::json!(["T12"]));
    assert_eq!(rows[1]["teachers"], 11);
}

#[test]
fn results_are_byte_identical_for_one_or_two_workers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(dir.path(), SHORTAGE);
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    for (out, jobs) in [(&one, "1"), (&two, "2")] {
        sweep(&[
            "sweep",
            file.to_str().expect("path"),
            "-o",
            out.to_str().expect("path"),
            "--jobs",
            jobs,
            "--solver",
            "microlp",
        ]);
    }
    let (a, b) = (files(&one), files(&two));
    assert!(
        a.contains_key("results.csv")
            && a.contains_key("summary.md")
            && a.contains_key("certified_share.svg")
    );
    assert_eq!(a, b);
    // Level 0 draws nothing, so it is solved once per rule set; the others once per seed.
    assert_eq!(
        results(&one)["rows"].as_array().map(Vec::len),
        Some(2 * (1 + 3 * 2))
    );
    assert!(one.join("timings.csv").is_file());
}

#[test]
fn shards_run_as_separate_processes_merge_into_the_unsharded_results() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(dir.path(), SHORTAGE);
    let whole = dir.path().join("whole");
    sweep(&[
        "sweep",
        file.to_str().expect("path"),
        "-o",
        whole.to_str().expect("path"),
        "--solver",
        "microlp",
    ]);
    let parts = dir.path().join("parts");
    let children: Vec<_> = (1..=3)
        .map(|k| {
            std::process::Command::new(env!("CARGO_BIN_EXE_nt2plan"))
                .args([
                    "sweep",
                    file.to_str().expect("path"),
                    "--solver",
                    "microlp",
                    "--jobs",
                    "1",
                    "--shard",
                    &format!("{k}/3"),
                    "-o",
                    parts.to_str().expect("path"),
                ])
                .output()
        })
        .collect();
    for c in children {
        let c = c.expect("shard runs");
        assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    }
    let merged = dir.path().join("merged");
    sweep(&[
        "sweep",
        "merge",
        parts.to_str().expect("path"),
        "-o",
        merged.to_str().expect("path"),
    ]);
    assert_eq!(files(&whole), files(&merged));

    // A missing shard, or one given twice, is refused with its code.
    let part = |k: usize| parts.join(format!("part-{k:03}-of-003.json"));
    let p1 = part(1).display().to_string();
    let p2 = part(2).display().to_string();
    let o = nt2plan([
        "sweep",
        "merge",
        &p1,
        &p2,
        "-o",
        dir.path().join("x").to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error[E608]") && stderr(&o).contains("3/3"),
        "{}",
        stderr(&o)
    );
    let o = nt2plan([
        "sweep",
        "merge",
        &p1,
        &p1,
        &p2,
        "-o",
        dir.path().join("x").to_str().expect("path"),
    ]);
    assert!(
        stderr(&o).contains("error[E608]") && stderr(&o).contains("twice"),
        "{}",
        stderr(&o)
    );
    // A part of another sweep.
    let other_dir = dir.path().join("other");
    std::fs::create_dir_all(&other_dir).expect("mkdir");
    let other = scenario_file(&other_dir, "seeds = 1\n");
    let other_parts = dir.path().join("other-parts");
    sweep(&[
        "sweep",
        other.to_str().expect("path"),
        "--solver",
        "microlp",
        "--shard",
        "1/3",
        "-o",
        other_parts.to_str().expect("path"),
        "--no-highest",
    ]);
    let foreign = other_parts
        .join("part-001-of-003.json")
        .display()
        .to_string();
    let o = nt2plan([
        "sweep",
        "merge",
        &foreign,
        &p2,
        &part(3).display().to_string(),
        "-o",
        dir.path().join("x").to_str().expect("path"),
    ]);
    assert!(stderr(&o).contains("error[E607]"), "{}", stderr(&o));
    std::fs::write(dir.path().join("junk.json"), "{\"kind\": 3}").expect("write");
    let o = nt2plan([
        "sweep",
        "merge",
        dir.path().join("junk.json").to_str().expect("path"),
        "-o",
        dir.path().join("x").to_str().expect("path"),
    ]);
    assert!(stderr(&o).contains("error[E606]"), "{}", stderr(&o));
    assert!(
        !dir.path().join("x").exists(),
        "nothing is written after a refused merge"
    );
}

#[test]
fn an_infeasible_scenario_keeps_its_reason_in_the_table_and_the_sweep_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(
        dir.path(),
        "[[axis]]\nname = \"minimum\"\nvary = \"certified_floor\"\nlevels = [60, 99]\n",
    );
    let out = dir.path().join("out");
    sweep(&[
        "sweep",
        file.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--solver",
        "microlp",
    ]);
    let rows = results(&out)["rows"].as_array().cloned().expect("rows");
    // A schedule, proven optimal or within the default gap of 1e-4.
    assert!(
        ["optimal", "feasible"].contains(&rows[0]["status"].as_str().unwrap_or("")),
        "{}",
        rows[0]
    );
    assert_eq!(rows[1]["status"], "infeasible");
    let reason = rows[1]["reason"].as_str().expect("reason");
    assert!(reason.contains("1.7.1a"), "{reason}");
    let csv = std::fs::read_to_string(out.join("results.csv")).expect("csv");
    assert!(
        csv.lines()
            .nth(2)
            .is_some_and(|l| l.contains("infeasible") && l.contains("1.7.1a")),
        "{csv}"
    );
    let md = std::fs::read_to_string(out.join("summary.md")).expect("md");
    assert!(
        md.contains("onhaalbaar") && md.contains("Waarom geen rooster"),
        "{md}"
    );
    // The highest reachable share says how far out of reach 99% is.
    let highest = rows[1]["highest_certified_share"]
        .as_f64()
        .expect("a highest share");
    assert!(highest < 99.0 && highest >= rows[0]["certified_share"].as_f64().expect("share"));
}

/// Without a terminal (a Slurm job's log, here a pipe) the sweep tells every better schedule
/// of a scenario as it is found and every scenario as it finishes, by id: an analyst can
/// follow a long sweep in its log.
#[test]
fn without_a_terminal_the_log_shows_each_schedule_found_and_each_scenario_done() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(
        dir.path(),
        "[[axis]]\nname = \"minimum\"\nvary = \"certified_floor\"\nlevels = [60, 99]\n",
    );
    let out = dir.path().join("out");
    let o = sweep(&[
        "sweep",
        file.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--solver",
        "microlp",
        "--jobs",
        "1",
    ]);
    let log = stderr(&o);
    let lines: Vec<&str> = log.lines().collect();
    let objective = results(&out)["rows"][0]["objective"]
        .as_f64()
        .expect("s001 has a schedule");
    // s001 (60%) has a schedule: the first one found is told, and the last one told is the
    // one in the results.
    let found: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains(" s001: a schedule costing "))
        .collect();
    assert!(
        found.iter().any(|l| l.ends_with("(first schedule)")),
        "{log}"
    );
    let last = found.last().expect("s001's schedules are told");
    assert!(
        last.contains(&format!("costing {objective}")),
        "{last} against {objective}"
    );
    // One line per scenario done, in the order they finish (one worker: s001 first).
    let done: Vec<&&str> = lines.iter().filter(|l| l.contains(" done: ")).collect();
    assert_eq!(done.len(), 2, "{log}");
    assert!(done[0].contains("[1/2] s001 done: "), "{}", done[0]);
    assert!(
        done[1].contains("[2/2] s002 done: infeasible"),
        "{}",
        done[1]
    );
    // 99% has no schedule: nothing of s002 is told as found.
    assert!(!log.contains("s002: a schedule"), "{log}");
}

#[test]
fn bisection_finds_the_same_breaking_point_as_the_full_grid() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(
        dir.path(),
        "seeds = 2\n[base]\nrules = \"handleiding-2024\"\n[[axis]]\nname = \"weg\"\nvary = \"remove_certified_count\"\nlevels = [0, 1, 2, 3, 4, 5, 6]\n",
    );
    let (grid, bisect) = (dir.path().join("grid"), dir.path().join("bisect"));
    sweep(&[
        "sweep",
        file.to_str().expect("path"),
        "-o",
        grid.to_str().expect("path"),
        "--solver",
        "microlp",
        "--no-highest",
    ]);
    let o = sweep(&[
        "sweep",
        file.to_str().expect("path"),
        "-o",
        bisect.to_str().expect("path"),
        "--solver",
        "microlp",
        "--no-highest",
        "--find-breaking-point",
    ]);
    assert!(stdout(&o).contains("breaking point"), "{}", stdout(&o));
    let rows = results(&grid)["rows"].as_array().cloned().expect("rows");
    let points = results(&bisect)["breaking_points"]
        .as_array()
        .cloned()
        .expect("points");
    assert_eq!(points.len(), 2, "one line per seed");
    for p in &points {
        let seed = p["seed"].as_u64();
        let first = rows
            .iter()
            .filter(|r| r["seed"].as_u64() == seed || r["seed"].is_null())
            .find(|r| r["status"] == "infeasible")
            .map(|r| r["labels"][0].as_str().unwrap_or_default().to_string());
        assert_eq!(
            p["level"].as_str().map(str::to_string),
            first,
            "seed {seed:?}"
        );
        assert!(!p["reason"].as_str().unwrap_or_default().is_empty());
    }
    let solved = results(&bisect)["rows"]
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    assert!(
        solved < rows.len(),
        "bisection solved {solved} of {} scenarios",
        rows.len()
    );
    assert!(bisect.join("breaking_points.csv").is_file());
}

#[test]
fn a_bad_scenario_file_gets_coded_errors_with_lines_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(
        dir.path(),
        "[[axis]]\nname = \"x\"\nvary = \"remove_all\"\nlevels = [0, 1]\n[base]\ncertified_floor = 101\n",
    );
    let out = dir.path().join("out");
    let o = nt2plan([
        "sweep",
        file.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error[E603]") && err.contains("scenarios.toml:4:"),
        "{err}"
    );
    assert!(
        err.contains("error[E604]") && err.contains("scenarios.toml:7:"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn the_example_scenario_files_load() {
    for f in [
        "scenarios/demo-shortage.toml",
        "scenarios/medium-shortage.toml",
    ] {
        let path = root().join(f);
        let l = nt2plan::sweep::file::load(&path);
        assert!(l.is_ok(), "{f}: {:?}", l.err());
    }
}
