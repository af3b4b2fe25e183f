//! `index.html` in a real headless browser (Chromium): the page loads without a JavaScript or
//! console error, draws the week timetable, and shows exactly the numbers of `check --json`.
//! A screenshot is kept as a test artifact in the target folder.
//!
//! Without Chromium on the machine the test says so and passes, so that `cargo test` works
//! with only the Rust toolchain; `.ci/run` installs Chromium and sets
//! `NT2PLAN_REQUIRE_BROWSER=1`, which turns a missing browser into a failure.

use crate::support::{demo, demo_schedule, nt2plan, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) fn chromium() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("NT2PLAN_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|p| p.is_file())
}

/// The browser, or `None` after saying the test is skipped; a missing browser fails when
/// `NT2PLAN_REQUIRE_BROWSER` is set (as in `.ci/run`).
pub(crate) fn chromium_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var("NT2PLAN_REQUIRE_BROWSER").is_err(),
            "NT2PLAN_REQUIRE_BROWSER is set but no Chromium was found (set NT2PLAN_CHROMIUM)"
        );
        eprintln!("skipped: no Chromium on this machine (apt-get install chromium)");
    }
    found
}

/// Runs the browser headless on `url`; `extra` adds e.g. `--dump-dom`. Returns stdout and
/// stderr.
pub(crate) fn browse(
    browser: &Path,
    url: &str,
    extra: &[&str],
    profile: &Path,
) -> (String, String) {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,2400",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("the browser runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Console messages the page caused (Chromium logs them as `CONSOLE(line)`).
fn console(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains(":CONSOLE(")).collect()
}

/// Every `data-num="POINTER">VALUE<` pair of a page.
fn numbers(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("data-num=\"") {
        rest = &rest[i + 10..];
        let (Some(end), Some(open)) = (rest.find('"'), rest.find('>')) else {
            break;
        };
        let Some(close) = rest[open..].find('<') else {
            break;
        };
        out.push((
            rest[..end].to_string(),
            rest[open + 1..open + close].to_string(),
        ));
    }
    out
}

#[test]
fn the_dashboard_loads_in_a_real_browser_without_errors_and_shows_the_checkers_numbers() {
    let Some(browser) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report");
    let run = nt2plan([
        "report",
        &demo().display().to_string(),
        &demo_schedule().display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let check = nt2plan([
        "check",
        &demo().display().to_string(),
        &demo_schedule().display().to_string(),
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&check)).expect("check --json");

    let page = out.join("index.html");
    let url = format!("file://{}", page.display());
    let profile = dir.path().join("profile");
    let (dom, log) = browse(&browser, &url, &["--dump-dom"], &profile);
    assert!(
        dom.contains("data-ready=\"1\""),
        "the script did not finish: {}",
        &log[..log.len().min(2000)]
    );
    assert!(!dom.contains("data-js-errors"), "JavaScript errors: {dom}");
    assert!(
        console(&log).is_empty(),
        "console messages: {:?}",
        console(&log)
    );
    assert!(
        dom.matches("class=\"lesson ").count() > 0,
        "the week timetable is drawn"
    );

    let shown = numbers(&dom);
    assert!(shown.len() > 20, "{} numbers on the page", shown.len());
    for (pointer, value) in &shown {
        let expected = json
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{pointer} not in check --json"));
        let expected = expected
            .as_str()
            .map_or_else(|| expected.to_string(), str::to_string);
        assert_eq!(value, &expected, "{pointer}");
    }

    // A link chooses the view: teacher T02 in the first week has exactly their lessons.
    let first_week = [
        "2025-09-01",
        "2025-09-02",
        "2025-09-03",
        "2025-09-04",
        "2025-09-05",
    ];
    let count = |file: &str, of_t02: &dyn Fn(&str) -> bool| {
        std::fs::read_to_string(demo_schedule().join(file))
            .unwrap_or_default()
            .lines()
            .filter(|l| of_t02(l) && first_week.iter().any(|d| l.contains(d)))
            .count()
    };
    let in_first_week = count("timetable.csv", &|l| l.contains(",T02"));
    let observing = count("observations.csv", &|l| l.starts_with("T02,"));
    let (dom, _) = browse(
        &browser,
        &format!("{url}#kind=teacher&who=T02&week=2025-W36"),
        &["--dump-dom"],
        &profile,
    );
    let (on_screen, printed) = dom
        .split_once("id=\"print-weeks\"")
        .expect("the weeks to print follow the week shown");
    assert_eq!(
        on_screen.matches("class=\"lesson ").count(),
        in_first_week + observing,
        "T02's first week"
    );
    assert!(in_first_week > 0);
    // For printing, every week of T02's view: all their lessons and observation lessons.
    let all = |file: &str, of_t02: &dyn Fn(&str) -> bool| {
        std::fs::read_to_string(demo_schedule().join(file))
            .unwrap_or_default()
            .lines()
            .filter(|l| of_t02(l))
            .count()
    };
    let every = all("timetable.csv", &|l| l.contains(",T02"))
        + all("observations.csv", &|l| l.starts_with("T02,"));
    assert_eq!(
        printed.matches("class=\"lesson ").count(),
        every,
        "T02's weeks to print"
    );
    assert!(printed.matches("class=\"print-week\"").count() > 10);
    assert!(
        dom.contains("class=\"link-note\"></p>"),
        "the week exists and has lessons"
    );

    // A link to a week in which the chosen group has no lessons (KNM-UTR-01 starts in week
    // 37) says so, and shows that empty week rather than another.
    let (dom, _) = browse(
        &browser,
        &format!("{url}#kind=group&who=KNM-UTR-01&week=2025-W36"),
        &["--dump-dom"],
        &profile,
    );
    assert!(
        dom.contains("class=\"link-note\">Deze link vraagt week"),
        "the empty week is named"
    );
    let (on_screen, _) = dom.split_once("id=\"print-weeks\"").expect("print weeks");
    assert_eq!(on_screen.matches("class=\"lesson ").count(), 0);

    // A link to a week without any lesson (outside the term) says so.
    let (dom, _) = browse(
        &browser,
        &format!("{url}#kind=teacher&who=T02&week=2030-W01"),
        &["--dump-dom"],
        &profile,
    );
    assert!(
        dom.contains(
            "class=\"link-note\">Deze link vraagt week 2030-W01: in die week staan geen lessen"
        ),
        "the unknown week is named"
    );

    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("index.png");
    let _ = std::fs::remove_file(&shot);
    browse(
        &browser,
        &url,
        &[&format!("--screenshot={}", shot.display())],
        &profile,
    );
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 10_000,
        "screenshot {} has {size} bytes",
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());
}
