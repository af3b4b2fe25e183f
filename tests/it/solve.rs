//! `nt2plan solve` through the binary: the files it writes, what `check` makes of them,
//! determinism, atomic output, and infeasible instances explained in a planner's words.

use crate::support::{copy_dir, demo, load_demo, nt2plan, stderr, stdout, tree};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

/// `nt2plan solve INSTANCE -o OUT` with extra arguments.
pub fn solve(instance: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "solve".to_string(),
        instance.display().to_string(),
        "-o".to_string(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    nt2plan(&args)
}

/// A copy of the demo in a temp dir with `(file, from, to)` text replacements, each of
/// which must change the file.
pub fn edited_demo(edits: &[(&str, &str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    for (file, from, to) in edits {
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).expect("read file to edit");
        assert!(text.contains(from), "{file} lacks {from:?}");
        std::fs::write(&path, text.replace(from, to)).expect("write edited file");
    }
    dir
}

/// `(rule, message)` of every reason line `  - [rule] message` on stdout.
fn reasons(out: &Output) -> Vec<(String, String)> {
    stdout(out)
        .lines()
        .filter_map(|l| l.strip_prefix("  - ["))
        .filter_map(|l| l.split_once("] "))
        .map(|(r, m)| (r.to_string(), m.to_string()))
        .collect()
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read JSON")).expect("valid JSON")
}

#[test]
fn demo_solve_writes_six_files_that_check_accepts_with_the_same_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("schedule");
    let run = solve(&demo(), &out, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let names: Vec<String> = tree(&out).into_keys().collect();
    assert_eq!(
        names,
        [
            "mentoring.csv",
            "observations.csv",
            "placements.csv",
            "report.json",
            "report.md",
            "timetable.csv"
        ]
    );
    assert!(
        stdout(&run).contains(&format!("Schedule written to {}", out.display())),
        "{}",
        stdout(&run)
    );

    let check = nt2plan([
        "check",
        &demo().display().to_string(),
        &out.display().to_string(),
        "--json",
    ]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let mut checked: Value = serde_json::from_slice(&check.stdout).expect("check --json");
    // Beside its report, `check --json` gives the input's warnings: not part of the report.
    let warnings = checked
        .as_object_mut()
        .and_then(|o| o.remove("diagnostics"));
    assert!(warnings.is_some_and(|w| w.is_array()), "{checked:#}");
    let report = json(&out.join("report.json"));
    assert_eq!(report["check"]["compliant"], true);
    assert_eq!(report["rules"], "addendum-2025");
    assert!(
        ["optimal", "feasible"].contains(&report["status"].as_str().unwrap_or_default()),
        "{report:#}"
    );
    // The report's check is exactly what `check` re-derives from the written files.
    assert_eq!(report["check"], checked);
    let t = &checked["totals"];
    assert_eq!(t["lessons_given"], 251, "every lesson of the 8 groups");
    assert!(
        t["certified_lessons"].as_u64() >= t["min_certified_lessons"].as_u64(),
        "{t:#}"
    );
    // 121 students, of whom S0120 and S0121 fit no group (W502): all others placed.
    // Written for a Dutch Excel by default: a BOM and `;` between fields.
    let placements = std::fs::read_to_string(out.join("placements.csv")).expect("placements");
    assert!(
        placements.starts_with("\u{feff}student;course_code\n"),
        "{placements}"
    );
    let unplaced: Vec<&str> = placements
        .lines()
        .skip(1)
        .filter(|l| l.ends_with(';'))
        .collect();
    assert_eq!(unplaced, ["S0120;", "S0121;"]);
    assert_eq!(placements.lines().count(), 1 + 121);
    // The model's size in the report is the library's.
    let (instance, rules) = load_demo();
    let stats =
        nt2plan::solve::build_model(&instance, &rules, &nt2plan::solve::Settings::default())
            .stats();
    assert_eq!(report["model"]["variables"], stats.variables);
    assert_eq!(report["model"]["constraints"], stats.constraints);
}

#[test]
fn two_solves_of_the_demo_give_byte_identical_folders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let run = solve(&demo(), out, &["--seed", "7"]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    }
    let (fa, fb) = (tree(&a), tree(&b));
    assert_eq!(fa.len(), 6);
    for (name, bytes) in &fa {
        assert!(fb.get(name) == Some(bytes), "{name} differs between runs");
    }
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
}

#[test]
fn a_solve_into_an_earlier_schedule_folder_replaces_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("schedule");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("timetable.csv"), "old\n").expect("write");
    std::fs::write(out.join("notes.txt"), "from an older run\n").expect("write");
    let run = solve(&demo(), &out, &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let now = tree(&out);
    assert!(!now.contains_key("notes.txt"), "the old folder is replaced");
    assert_ne!(now["timetable.csv"], b"old\n");
    // Nothing left beside it: no temporary or backup folders.
    let beside: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(beside.len(), 1);
}

#[test]
fn a_failed_solve_leaves_the_earlier_schedule_untouched_byte_for_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("schedule");
    let first = solve(&demo(), &out, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = tree(&out);
    // Bad settings: usage errors, exit 2, nothing written.
    for (bad, flag) in [
        ("--time-limit=0", "--time-limit"),
        ("--time-limit=-3", "--time-limit"),
        ("--time-limit=soon", "--time-limit"),
        ("--gap=1.5", "--gap"),
    ] {
        let run = solve(&demo(), &out, &[bad]);
        assert_eq!(run.status.code(), Some(2), "{bad}: {}", stderr(&run));
        assert!(stderr(&run).contains(flag), "{}", stderr(&run));
        assert_eq!(tree(&out), before, "{bad}");
    }
    let beside: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert_eq!(beside.len(), 1, "no temporary folders left behind");
}

#[test]
fn out_pointing_to_a_folder_that_is_not_a_schedule_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("thesis");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("chapter1.docx"), "my work").expect("write");
    std::fs::write(out.join("placements.csv"), "student,course_code\n").expect("write");
    let before = tree(&out);
    let run = solve(&demo(), &out, &[]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    assert!(
        err.contains("is not a folder written by nt2plan") && err.contains("timetable.csv"),
        "{err}"
    );
    assert_eq!(tree(&out), before);
}

/// The demo with Z-UTR-01's Friday lesson moved to the afternoon, when T03 (mornings only)
/// cannot and T08, the other Z-route teacher at Utrecht, no longer works on Fridays.
fn nobody_teaches_z_on_friday_afternoons() -> tempfile::TempDir {
    edited_demo(&[
        (
            "groups.csv",
            "tue-morning;thu-morning;fri-morning",
            "tue-morning;thu-morning;fri-afternoon",
        ),
        (
            "teachers.csv",
            "T08,Hanneke Mulder,bvnt2,Utrecht,Z-route;Alfabetisering;B1-route,1,*,0",
            "T08,Hanneke Mulder,bvnt2,Utrecht,Z-route;Alfabetisering;B1-route,1,mon-*;tue-*;wed-*;thu-*,0",
        ),
    ])
}

/// No schedule meets the rules is an outcome, not a failure: exit 1, and with `--strict`,
/// like every solve that got past its input, it writes report.json (the status and the
/// diagnosis with its reasons) and report.md only, in place of the earlier folder, as a
/// solve without a schedule in time does (exit 3).
#[test]
fn a_strict_infeasible_solve_writes_report_json_with_the_status_and_the_reasons_and_no_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("schedule");
    let first = solve(&demo(), &out, &[]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let nobody = nobody_teaches_z_on_friday_afternoons();
    let run = solve(nobody.path(), &out, &["--strict"]);
    assert_eq!(run.status.code(), Some(1), "{}", stdout(&run));
    let written = tree(&out);
    assert_eq!(
        written.keys().map(String::as_str).collect::<Vec<_>>(),
        ["report.json", "report.md"]
    );
    let report = json(&out.join("report.json"));
    assert_eq!(report["format_version"], 1);
    assert_eq!(report["status"], "infeasible");
    assert!(report["check"].is_null());
    assert!(report["objective"].is_null());
    let diagnosis = &report["diagnosis"];
    let reasons: Vec<(String, String)> = ["bounds", "relaxation"]
        .iter()
        .flat_map(|k| diagnosis[k].as_array().cloned().unwrap_or_default())
        .map(|r| {
            (
                r["rule"].as_str().unwrap_or("").to_string(),
                r["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    // The same reasons as on the terminal, in the same order.
    assert_eq!(reasons, self::reasons(&run));
    assert!(
        reasons.iter().any(|(rule, m)| rule == "staffing"
            && m.contains("course Z-UTR-01 has no teacher who can teach fri-afternoon")),
        "{reasons:?}"
    );
    let md = String::from_utf8(written["report.md"].clone()).expect("UTF-8");
    assert!(md.contains("status: onhaalbaar"), "{md}");
    assert!(md.contains("## Waarom") && md.contains("Z-UTR-01"), "{md}");
    // The same instance again: the same files, byte for byte.
    let again = solve(nobody.path(), &out, &["--strict"]);
    assert_eq!(again.status.code(), Some(1), "{}", stdout(&again));
    assert_eq!(tree(&out), written);
}

#[test]
fn infeasible_a_slot_nobody_can_teach_names_the_course_and_the_slot() {
    let inst = nobody_teaches_z_on_friday_afternoons();
    let dir = tempfile::tempdir().expect("temp dir");
    let run = solve(inst.path(), &dir.path().join("out"), &["--strict"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let text = stdout(&run);
    assert!(
        text.starts_with("No schedule meets every rule of addendum-2025"),
        "{text}"
    );
    let got = reasons(&run);
    assert!(
        got.iter().any(|(rule, m)| rule == "staffing"
            && m.contains(
                "course Z-UTR-01 has no teacher who can teach fri-afternoon in Utrecht (Z-route) on 15 of its 15 dates"
            )),
        "{text}"
    );
    assert!(
        got.iter()
            .all(|(_, m)| !m.contains("tue-morning") && !m.contains("thu-morning")),
        "only the Friday is a problem: {text}"
    );
    // With --strict no schedule is written: only the report of the solve.
    let out = dir.path().join("out");
    assert!(!out.join("timetable.csv").exists(), "no schedule written");
    assert!(out.join("report.json").is_file(), "the report is written");
}

/// The demo with T10 and T11 not certified: two of the eight certified teachers gone.
fn two_certified_teachers_leave() -> tempfile::TempDir {
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
fn infeasible_under_the_handleiding_when_certified_teachers_are_scarce_names_the_80_percent() {
    let inst = two_certified_teachers_leave();
    let dir = tempfile::tempdir().expect("temp dir");
    let run = solve(
        inst.path(),
        &dir.path().join("out"),
        &["--rules", "handleiding-2024"],
    );
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let got = reasons(&run);
    // 206 lessons of the groups that must run (the evening group may stay closed); 80% of
    // them is 165; the remaining certified teachers can reach 148.
    assert!(
        got.iter().any(|(r, m)| r == "1.7.1a" && m.contains(
            "certified teachers can give at most 148 of the 206 lessons of the groups that must run: 71.8%; rule set handleiding-2024 needs 80% (165 lessons)"
        )),
        "{}",
        stdout(&run)
    );
    // Under the Addendum's 60% the same staff suffices: a schedule below 80%, exception 1.
    let addendum = solve(inst.path(), &dir.path().join("out"), &[]);
    assert_eq!(addendum.status.code(), Some(0), "{}", stdout(&addendum));
    let report: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/report.json")).expect("report.json"),
    )
    .expect("JSON");
    assert_eq!(
        report["check"]["declaration"]["exception_1"]["in_use"],
        true
    );
}

#[test]
fn infeasible_without_mentors_when_a_non_certified_teacher_must_teach_is_a_supervision_reason() {
    // The certified teachers cannot give every lesson, so some non-certified teacher must
    // teach; with no mentor capacity anywhere and no mentors.csv nobody can supervise them.
    let inst = edited_demo(&[]);
    let teachers = inst.path().join("teachers.csv");
    let text = std::fs::read_to_string(&teachers).expect("teachers");
    let no_capacity: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| match (i, l.rsplit_once(',')) {
            (0, _) | (_, None) => l.to_string(),
            (_, Some((rest, _))) => format!("{rest},"),
        })
        .collect();
    std::fs::write(&teachers, no_capacity.join("\n") + "\n").expect("write");
    std::fs::remove_file(inst.path().join("mentors.csv")).expect("remove mentors.csv");

    let dir = tempfile::tempdir().expect("temp dir");
    let run = solve(inst.path(), &dir.path().join("out"), &[]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let got = reasons(&run);
    assert!(
        got.iter().any(|(r, m)| r == "supervision"
            && m.contains(
                "more mentor place(s) are needed for the non-certified teachers who must teach"
            )),
        "{}",
        stdout(&run)
    );
    // Under the Handleiding no mentor is required: the same instance has a schedule.
    let ok = solve(
        inst.path(),
        &dir.path().join("out"),
        &["--rules", "handleiding-2024"],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
}
