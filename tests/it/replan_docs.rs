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
