//! What a replan hands to the people concerned, on the demo with T05 ill for three weeks
//! from 2025-11-03 (replan.rs's case): `wijzigingen.md` and `.html` name the ill teacher,
//! each lesson they lost and its substitute; the calendars keep each lesson's UID.

use crate::replan::{FROM, ILL, edited, rows};
use crate::support::{demo, nt2plan, stderr};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The demo solved with its documents (calendars too), and the ill-teacher replan of it
/// with its documents: (CURRENT, the replan's folder).
fn solved() -> &'static (PathBuf, PathBuf) {
    static BOTH: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    BOTH.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("replan-docs-{}", std::process::id()));
        let current = root.join("current");
        let run = nt2plan([
            "solve",
            &demo().display().to_string(),
            "-o",
            &current.display().to_string(),
            "--no-highest",
            "--report",
            "--csv-format",
            "plain",
        ]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        let instance = root.join("ill");
        edited(&instance, Some(ILL), "");
        let out = root.join("out");
        let run = nt2plan([
            "replan",
            &instance.display().to_string(),
            &current.display().to_string(),
            "--from",
            FROM,
            "-o",
            &out.display().to_string(),
            "--report",
            "--csv-format",
            "plain",
        ]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        (current, out)
    })
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// changes.csv's rows as (date, start, end, course, old, new, kind).
fn changed(out: &Path) -> Vec<Vec<String>> {
    rows(&out.join("changes.csv"))
        .iter()
        .map(|r| r.split(',').map(str::to_string).collect())
        .collect()
}

/// T05 (Esra Yilmaz) is away from FROM to 2025-11-21: every lesson they lose is a forced
/// change, listed under them as lost with its date, time and group and the teacher who takes
/// it over, and under that teacher as gained instead of T05; nothing is chosen.
#[test]
fn the_changes_document_names_the_ill_teacher_their_lessons_and_the_substitute() {
    let (_, out) = solved();
    let lost = changed(out);
    assert!(lost.len() >= 3, "{lost:?}");
    let md = read(&out.join("wijzigingen.md"));
    let html = read(&out.join("wijzigingen.html"));
    let (forced, chosen) = md
        .split_once("## Gekozen wijzigingen")
        .expect("both sections");
    assert!(chosen.contains("Geen."), "{md}");
    for doc in [forced, html.as_str()] {
        assert!(doc.contains("Esra Yilmaz (T05)"), "{doc}");
    }
    for c in &lost {
        let (date, time, course, old, new, kind) = (
            &c[0],
            format!("{}-{}", c[1], c[2]),
            &c[3],
            &c[4],
            &c[5],
            &c[6],
        );
        assert_eq!((old.as_str(), kind.as_str()), ("T05", "forced"));
        let substitute = forced
            .lines()
            .find(|l| l.starts_with(&format!("| {date} | {time} | {course} | ")))
            .and_then(|l| l.rsplit(" | ").next())
            .unwrap_or_else(|| panic!("{date} {time} {course} not in\n{md}"));
        assert!(substitute.ends_with(&format!("({new}) |")), "{substitute}");
        let gained = format!("| {date} | {time} | {course} | Esra Yilmaz (T05) |");
        assert!(forced.contains(&gained), "{gained} in\n{md}");
        assert!(
            html.contains(&format!("<td>{date}</td><td>{time}</td><td>{course}</td>")),
            "{date} in the html"
        );
    }
}

/// report.json of the replan counts the changes (all of T05's lost lessons forced, nothing
/// chosen, nobody moved) and lists them as changes.csv does; a plain solve has no section.
#[test]
fn report_json_lists_the_replan_s_changes_and_a_solve_s_has_none() {
    let (current, out) = solved();
    let json = |dir: &Path| -> serde_json::Value {
        serde_json::from_str(&read(&dir.join("report.json"))).expect("report.json")
    };
    assert!(json(current).get("changes").is_none());
    let v = json(out);
    let c = &v["changes"];
    let lost = changed(out);
    assert_eq!(c["from"], FROM, "{c}");
    assert_eq!(c["lessons_changed"], lost.len(), "{c}");
    assert_eq!(c["lessons_forced"], lost.len(), "{c}");
    assert_eq!(c["lessons_chosen"], 0, "{c}");
    assert_eq!(c["students_moved"], 0, "{c}");
    let listed = c["lessons"].as_array().expect("lessons");
    assert_eq!(listed.len(), lost.len());
    for (l, row) in listed.iter().zip(&lost) {
        assert_eq!(l["date"], row[0].as_str(), "{l}");
        assert_eq!(l["course_code"], row[3].as_str(), "{l}");
        assert_eq!(l["old_teacher"], "T05", "{l}");
        assert_eq!(l["new_teacher"], row[5].as_str(), "{l}");
        assert_eq!(l["kind"], "forced", "{l}");
    }
    assert_eq!(v["format_version"], 1, "an added section keeps the version");
}

/// Each event of a calendar file as (UID, SEQUENCE, STATUS), from the unfolded lines.
fn events(path: &Path) -> Vec<(String, u32, String)> {
    let text = read(path).replace("\r\n ", "");
    let mut out = Vec::new();
    for event in text.split("BEGIN:VEVENT").skip(1) {
        let get = |key: &str| {
            event
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .map(str::to_string)
        };
        out.push((
            get("UID:").expect("a UID"),
            get("SEQUENCE:").map_or(0, |s| s.parse().expect("a number")),
            get("STATUS:").unwrap_or_default(),
        ));
    }
    out
}

/// `<yyyymmdd>-<HHMM>-<course>@nt2plan` of a changes.csv row.
fn uid(row: &[String]) -> String {
    format!(
        "{}-{}-{}@nt2plan",
        row[0].replace('-', ""),
        row[1].replace(':', ""),
        row[3]
    )
}

/// Every lesson T05 lost is in CURRENT's T05.ics at SEQUENCE 0; in the replan it is in its
/// substitute's file with the same UID at SEQUENCE 1, and T05's file holds it CANCELLED at 1.
/// T05's lessons after the illness keep their UID and SEQUENCE 0.
#[test]
fn calendars_keep_each_lesson_s_uid_raise_its_sequence_and_cancel_it_for_the_ill_teacher() {
    let (current, out) = solved();
    let old = events(&current.join("calendars/T05.ics"));
    let ill = events(&out.join("calendars/T05.ics"));
    let lost = changed(out);
    for row in &lost {
        let uid = uid(row);
        assert!(
            old.contains(&(uid.clone(), 0, String::new())),
            "{uid} in {old:?}"
        );
        let substitute = events(&out.join(format!("calendars/{}.ics", row[5])));
        assert!(
            substitute.contains(&(uid.clone(), 1, String::new())),
            "{uid}"
        );
        assert!(ill.contains(&(uid.clone(), 1, "CANCELLED".into())), "{uid}");
    }
    let kept: Vec<_> = old
        .iter()
        .filter(|(u, _, _)| u.as_str() >= "20251124")
        .collect();
    assert!(!kept.is_empty(), "T05 teaches after the illness");
    for e in kept {
        assert!(ill.contains(e), "{e:?} unchanged");
    }
    let cancelled = ill.iter().filter(|e| e.2 == "CANCELLED").count();
    assert_eq!(cancelled, lost.len());
}

/// observations.csv rows dated before FROM (the date is the fourth column).
fn observed_before(dir: &Path) -> Vec<String> {
    rows(&dir.join("observations.csv"))
        .into_iter()
        .filter(|r| r.split(',').nth(3).is_some_and(|d| d < FROM))
        .collect()
}

/// The observation lessons before FROM are history: the replan has CURRENT's exactly, and
/// `check --against` finds one moved to another history lesson (C167, naming the observer).
#[test]
fn observation_lessons_before_the_date_stay_and_check_against_catches_one_changed() {
    let (current, out) = solved();
    let history = observed_before(current);
    assert!(!history.is_empty(), "the demo observes before {FROM}");
    assert_eq!(observed_before(out), history);

    let tmp = tempfile::tempdir().expect("temp dir");
    let judged = tmp.path().join("judged");
    crate::support::copy_dir(out, &judged);
    let path = judged.join("observations.csv");
    let text = read(&path);
    let row = &history[0];
    let moved = row.replacen(",2025-", ",2024-", 1);
    std::fs::write(&path, text.replace(row.as_str(), &moved)).expect("write");
    let instance = out.parent().expect("root").join("ill");
    let check = nt2plan([
        "check",
        &instance.display().to_string(),
        &judged.display().to_string(),
        "--against",
        &current.display().to_string(),
        "--from",
        FROM,
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&check.stdout).expect("JSON");
    let c167: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "C167")
        .collect();
    assert_eq!(c167.len(), 1, "{v}");
    let observer = row.split(',').next().expect("observer");
    assert_eq!(c167[0]["subject"], observer, "{}", c167[0]);
    let message = c167[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("left out") && message.contains("added"),
        "{message}"
    );
}
