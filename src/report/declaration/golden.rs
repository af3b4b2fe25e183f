//! Test support for the document tests: the demo school with its hand-made schedule, and
//! golden files `tests/golden/<name>` under the crate root, compared exactly
//! (`NT2PLAN_BLESS=1` rewrites them from the current output instead).

use crate::check::{CheckReport, check};
use crate::domain::{Instance, RuleSet, Schedule};
use crate::validate::{load_instance, load_schedule};
use std::path::{Path, PathBuf};

/// The demo school, its rule set, the hand-made schedule and the checker's report.
pub(crate) fn demo() -> (Instance, RuleSet, Schedule, CheckReport) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = load_instance(&root.join("instances/demo"), None)
        .expect("the demo loads")
        .value;
    let schedule = load_schedule(
        &root.join("instances/demo-schedule"),
        &loaded.instance,
        &loaded.rules,
    )
    .expect("the demo schedule loads")
    .value;
    let report = check(&loaded.instance, &loaded.rules, &schedule).expect("checkable");
    (loaded.instance, loaded.rules, schedule, report)
}

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
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
