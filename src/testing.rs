//! Helpers shared by the unit tests: the crate root, the demo school (with its rule set, its
//! hand-made schedule and the checker's report), golden files `tests/golden/<name>` under the
//! crate root, compared exactly (`NT2PLAN_BLESS=1` rewrites them from the current output
//! instead), and the one directory walker.

use crate::check::{CheckReport, check};
use crate::domain::{Instance, RuleSet, Schedule};
use crate::validate::{load_instance, load_schedule};
use std::path::{Path, PathBuf};

/// The crate root, where `instances/` and `tests/` are.
pub(crate) fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `instances/demo`.
pub(crate) fn demo_dir() -> PathBuf {
    root().join("instances/demo")
}

/// The demo school and its rule set.
pub(crate) fn demo_instance() -> (Instance, RuleSet) {
    instance("demo")
}

/// A checked-in instance, `instances/<name>`, and its rule set.
pub(crate) fn instance(name: &str) -> (Instance, RuleSet) {
    let loaded = load_instance(&root().join("instances").join(name), None)
        .unwrap_or_else(|_| panic!("instances/{name} loads"))
        .value;
    (loaded.instance, loaded.rules)
}

/// The demo school, its rule set, the hand-made schedule and the checker's report.
pub(crate) fn demo() -> (Instance, RuleSet, Schedule, CheckReport) {
    let (instance, rules) = demo_instance();
    let schedule = load_schedule(&root().join("instances/demo-schedule"), &instance, &rules)
        .expect("the demo schedule loads")
        .value;
    let report = check(&instance, &rules, &schedule).expect("checkable");
    (instance, rules, schedule, report)
}

/// Every file under `dir`, recursively, in path order; none when `dir` does not exist.
pub(crate) fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn path(name: &str) -> PathBuf {
    root().join("tests/golden").join(name)
}

/// Asserts that `actual` equals the golden file `name`, or rewrites it when blessing.
pub(crate) fn assert_golden(name: &str, actual: &str) {
    let file = path(name);
    if std::env::var("NT2PLAN_BLESS").is_ok_and(|v| v == "1") {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).expect("create tests/golden");
        }
        std::fs::write(&file, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&file).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}; run with NT2PLAN_BLESS=1 to create it",
            file.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output, first at line {}; rerun with NT2PLAN_BLESS=1 if the \
             change is intended\n--- output ---\n{actual}",
            file.display(),
            first + 1
        );
    }
}

/// A reason's English message, as `report.json` gives it.
pub(crate) fn english(r: &crate::outcome::diagnosis::Reason) -> String {
    crate::report::reason_text::message(r, crate::report::Lang::En)
}
