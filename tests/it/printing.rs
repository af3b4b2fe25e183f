//! Printable documents in a real headless browser (Chromium): each is printed to PDF on A4
//! and has exactly the number of pages worked out from the schedule. Skipped without
//! Chromium unless `NT2PLAN_REQUIRE_BROWSER` is set, like the dashboard's browser test.

use crate::browser::{browse, chromium_or_skip};
use crate::support::{demo, demo_schedule, nt2plan, stderr};
use std::collections::BTreeSet;
use std::path::Path;

/// The pages of a PDF: its `/Type /Page` objects (not the `/Pages` tree nodes). Chromium
/// writes page objects uncompressed, so the bytes can be searched.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let mut pages = 0;
    for key in ["/Type /Page", "/Type/Page"] {
        let mut rest: &str = &text;
        while let Some(i) = rest.find(key) {
            rest = &rest[i + key.len()..];
            if !rest.starts_with('s') {
                pages += 1;
            }
        }
    }
    pages
}

/// Prints `page` to a PDF next to it and returns its number of pages.
fn print_pages(browser: &Path, page: &Path, profile: &Path) -> usize {
    let pdf = page.with_extension("pdf");
    let _ = std::fs::remove_file(&pdf);
    browse(
        browser,
        &format!("file://{}", page.display()),
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
        profile,
    );
    let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
    assert!(bytes.starts_with(b"%PDF"), "{} is a PDF", pdf.display());
    pdf_pages(&bytes)
}

/// The demo schedule's lesson dates of `group`, from `timetable.csv`.
fn lesson_dates(group: &str) -> Vec<chrono::NaiveDate> {
    std::fs::read_to_string(demo_schedule().join("timetable.csv"))
        .expect("demo timetable")
        .lines()
        .filter(|l| l.starts_with(&format!("{group},")))
        .map(|l| {
            l.split(',')
                .nth(1)
                .and_then(|d| d.parse().ok())
                .expect("a date")
        })
        .collect()
}

fn report(out: &Path, extra: &[&str]) {
    let mut args = vec![
        "report".to_string(),
        demo().display().to_string(),
        demo_schedule().display().to_string(),
        "-o".into(),
        out.display().to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let run = nt2plan(&args);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
}

#[test]
fn attendance_lists_print_one_a4_page_per_lesson_or_per_week() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = dir.path().join("profile");
    // B1-UTR-01 has 30 lessons in the demo (20 students: a table that fits on one page).
    let dates = lesson_dates("B1-UTR-01");
    assert_eq!(dates.len(), 30);
    let weeks: BTreeSet<_> = dates.iter().map(chrono::Datelike::iso_week).collect();

    let per_lesson = dir.path().join("per-lesson");
    report(&per_lesson, &[]);
    let list = per_lesson.join("presentielijsten/B1-UTR-01.html");
    assert_eq!(print_pages(&browser, &list, &profile), dates.len());

    let per_week = dir.path().join("per-week");
    report(&per_week, &["--attendance", "per-week"]);
    let list = per_week.join("presentielijsten/B1-UTR-01.html");
    assert_eq!(print_pages(&browser, &list, &profile), weeks.len());
    assert!(weeks.len() < dates.len(), "some weeks have two lessons");
}

#[test]
fn the_supervision_dossier_prints_a_summary_a_page_per_observation_and_three_to_fill_in() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report");
    report(&out, &[]);
    // T02 observes two lessons in the demo: 1 summary + 2 observation pages + meetings,
    // lesson plans and training = 6 pages.
    let observations = std::fs::read_to_string(demo_schedule().join("observations.csv"))
        .expect("demo observations")
        .lines()
        .filter(|l| l.starts_with("T02,"))
        .count();
    assert_eq!(observations, 2);
    let page = out.join("begeleiding/T02.html");
    let pages = print_pages(&browser, &page, &dir.path().join("profile"));
    assert_eq!(pages, 1 + observations + 3);
}
