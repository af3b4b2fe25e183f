//! `nt2plan report` and `solve --report`: every document is written, the same twice, in
//! Dutch by default and in English on request, and a violating schedule still gets them.

use crate::support::{demo, demo_schedule, nt2plan, stderr, tree};
use std::path::Path;

fn report(out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "report".to_string(),
        demo().display().to_string(),
        demo_schedule().display().to_string(),
        "-o".into(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    nt2plan(&args)
}

#[test]
fn report_writes_every_document_the_same_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for out in [&a, &b] {
        let run = report(out, &[]);
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    }
    let (ta, tb) = (tree(&a), tree(&b));
    for name in [
        "index.html",
        "timetable.xlsx",
        "verklaring.md",
        "verklaring.html",
        "begeleiding/index.md",
        "begeleiding/T02.md",
        "begeleiding/T02.html",
        "presentielijsten/B1-UTR-01.html",
        "calendars/T01.ics",
        "calendars/T02.ics",
    ] {
        assert!(
            ta.contains_key(name),
            "{name} missing: {:?}",
            ta.keys().collect::<Vec<_>>()
        );
    }
    assert_eq!(ta, tb, "the same input gives the same bytes");
    let verklaring = String::from_utf8_lossy(&ta["verklaring.md"]).into_owned();
    assert!(
        verklaring.contains("Verklaring") && verklaring.contains("BOW-12345"),
        "{verklaring}"
    );
}

#[test]
fn english_on_request() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("en");
    let run = report(&out, &["--lang", "en"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(html.contains("lang=\"en\"") && html.contains("Week timetable"));
    let dossier = std::fs::read_to_string(out.join("begeleiding/T02.md")).expect("dossier");
    assert!(dossier.to_lowercase().contains("mentor"), "{dossier}");
}

#[test]
fn a_violating_schedule_still_gets_its_documents_and_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let run = report(&out, &["--rules", "handleiding-2024"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let html = std::fs::read_to_string(out.join("index.html")).expect("index.html");
    assert!(
        html.contains("VOLDOET NIET") && html.contains("C101"),
        "the dashboard shows the violation"
    );
    // In Dutch the finding leads with what its code means, its Dutch message with the
    // numbers after it, and never the English one.
    let c101 = "aandeel lessen door gecertificeerde docenten onder het minimum<br><small>\
                gecertificeerde docenten gaven 178 van 251 lessen (70.9%)";
    assert!(html.contains(c101), "the finding in Dutch");
    assert!(
        !html.contains("certified teachers gave"),
        "no English message"
    );
    let en = dir.path().join("en");
    let run = report(&en, &["--rules", "handleiding-2024", "--lang", "en"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let html = std::fs::read_to_string(en.join("index.html")).expect("index.html");
    assert!(html.contains("C101") && !html.contains("gecertificeerde docenten onder"));
}

#[test]
fn solve_with_report_writes_the_documents_beside_the_schedule() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("solved");
    let run = nt2plan([
        "solve",
        &demo().display().to_string(),
        "-o",
        &out.display().to_string(),
        "--report",
        "--solver",
        "microlp",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let files = tree(&out);
    for name in [
        "timetable.csv",
        "observations.csv",
        "report.md",
        "index.html",
        "timetable.xlsx",
        "verklaring.md",
    ] {
        assert!(files.contains_key(name), "{name} missing");
    }
    // The documents of the solved schedule equal those `report` makes from its folder, but
    // for the highest reachable share on solve's dashboard: it takes a solve to know it.
    let page = String::from_utf8(files["index.html"].clone()).expect("UTF-8");
    let (before, rest) = page
        .split_once("<div class=\"card\" id=\"highest\">")
        .expect("solve's dashboard shows the highest reachable share");
    let (_, after) = rest.split_once(")</div>").expect("the card ends");
    let mut files = files.clone();
    files.insert("index.html".into(), format!("{before}{after}").into_bytes());
    let again = dir.path().join("again");
    let run = nt2plan([
        "report",
        &demo().display().to_string(),
        &out.display().to_string(),
        "-o",
        &again.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let docs = tree(&again);
    for (name, bytes) in &docs {
        assert_eq!(
            files.get(name),
            Some(bytes),
            "{name} differs between solve --report and report"
        );
    }
}

#[test]
fn report_refuses_to_replace_a_folder_it_did_not_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("thesis");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("chapter.docx"), "mine").expect("write");
    let run = report(&out, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(out.join("chapter.docx").is_file() && !out.join("index.html").exists());
}
