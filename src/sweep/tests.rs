//! Scenario files: good ones load and expand, bad ones get coded errors at their line.

use super::file::load;
use super::spec::Vary;
use crate::diag::{Code, Diagnostics};
use std::path::PathBuf;

fn demo() -> String {
    let dir = crate::testing::demo_dir();
    dir.display().to_string().replace('\\', "/")
}

/// Writes `body` (after an `instance = ` line naming the demo, term 2025-09-01 to
/// 2025-12-19) as a scenario file; the scenario tests of the other modules use it too.
pub(super) fn file(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scenarios.toml");
    let text = format!("instance = \"{}\"\n{body}", demo());
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

fn errors(body: &str) -> Diagnostics {
    let (_dir, path) = file(body);
    load(&path).expect_err("the file is bad")
}

/// A problem code as the tests name it: the code itself, or its text (`"E612"`).
pub(super) trait CodeName {
    fn name(&self) -> &str;
}

impl CodeName for Code {
    fn name(&self) -> &str {
        self.as_str()
    }
}

impl CodeName for &str {
    fn name(&self) -> &str {
        self
    }
}

/// Asserts that `ds` has `code` at `line`, listing every problem when not.
#[track_caller]
pub(super) fn assert_code(ds: &Diagnostics, code: impl CodeName, line: u64) {
    let code = code.name();
    assert!(
        ds.iter()
            .any(|d| d.code().as_str() == code && d.line == Some(line)),
        "expected {code} at line {line}, got:\n{}",
        ds.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

const GOOD: &str = r#"title = "Tekort"
seeds = [1, 2]

[[axis]]
name = "regels"
[[axis.variant]]
label = "Handleiding"
rules = "handleiding-2024"
[[axis.variant]]
label = "Addendum"
rules = "addendum-2025"

[[axis]]
name = "tekort"
vary = "remove_certified_percent"
levels = { from = 0, to = 50, step = 25 }
"#;

#[test]
fn a_good_file_loads_with_its_axes_rules_and_seeds() {
    let (_dir, path) = file(GOOD);
    let l = load(&path).expect("loads").value;
    assert_eq!(l.spec.title, "Tekort");
    assert_eq!(l.spec.seeds, vec![1, 2]);
    assert_eq!(l.spec.axes.len(), 2);
    assert_eq!(l.spec.axes[1].vary, Some(Vary::RemoveCertifiedPercent));
    let labels: Vec<&str> = l.spec.axes[1]
        .variants
        .iter()
        .map(|v| v.label.as_str())
        .collect();
    assert_eq!(labels, vec!["0", "25", "50"]);
    assert!(l.spec.rule_sets.contains_key("handleiding-2024"));
    assert_eq!(l.instance.teachers.len(), 12);
    // 2 rule sets x (level 0 once + 2 levels x 2 seeds).
    assert_eq!(super::expand::scenarios(&l.spec).len(), 10);
}

#[test]
fn seeds_as_a_count_mean_one_to_n() {
    let (_dir, path) = file("seeds = 3\n");
    assert_eq!(load(&path).expect("loads").value.spec.seeds, vec![1, 2, 3]);
}

#[test]
fn every_problem_is_reported_at_once_with_its_line() {
    let ds = errors(
        r#"seeds = 0
[[axis]]
name = "a"
vary = "remove_everyone"
levels = [0, 10]
[[axis]]
name = "b"
vary = "certified_floor"
levels = [80, 60]
[[axis]]
name = "c"
[[axis.variant]]
label = "x"
remove_teachers = ["T99"]
certified_floor = 120
[[axis.variant]]
label = "x"
rules = "addendum-2099"
"#,
    );
    assert_code(&ds, Code::BadVariation, 2);
    assert_code(&ds, Code::BadVary, 5);
    assert_code(&ds, Code::BadLevels, 10);
    assert_code(&ds, Code::UnknownTeacher, 15);
    assert_code(&ds, Code::BadVariation, 16);
    assert_code(&ds, Code::DuplicateId, 18);
    assert_code(&ds, Code::UnknownRuleSet, 19);
}

#[test]
fn unknown_keys_and_wrong_types_get_toml_codes() {
    assert_code(&errors("sedes = 3\n"), Code::TomlUnknownKey, 2);
    assert_code(&errors("[[axis]]\nname = 3\n"), Code::TomlWrongType, 3);
    assert_code(&errors("[[axis\n"), Code::TomlSyntax, 2);
}

#[test]
fn a_missing_instance_is_e601_at_its_line_with_the_instance_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.toml");
    std::fs::write(&path, "title = \"x\"\ninstance = \"nowhere\"\n").expect("write");
    let ds = load(&path).expect_err("no instance");
    assert_code(&ds, Code::ScenarioInstance, 2);
    assert!(ds.iter().any(|d| d.code() == Code::FileMissing));
}

#[test]
fn students_axes_need_a_known_cell_and_cannot_remove_more_than_there_are() {
    let ds = errors(
        r#"[[axis]]
name = "meer"
vary = "add_students"
location = "Utrech"
profile = "B1-route"
levels = [0, 10]
[[axis]]
name = "minder"
vary = "remove_students"
location = "Utrecht"
profile = "B1-route"
levels = [0, 5000]
[[axis]]
name = "fout"
vary = "add_students"
levels = [1]
"#,
    );
    assert_code(&ds, Code::UnknownLocation, 5);
    assert!(
        ds.iter()
            .any(|d| d.code() == Code::UnknownLocation && d.fix.contains("Utrecht"))
    );
    assert_code(&ds, Code::BadVariation, 13);
    assert!(
        ds.iter()
            .any(|d| d.code() == Code::BadVary && d.message.contains("needs `location`"))
    );
}

#[test]
fn a_rule_set_that_does_not_cover_the_term_is_e404_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = crate::rules::builtin_text("addendum-2025")
        .expect("built in")
        .replace("addendum-2025", "ended")
        .replace("2025-12-31", "2025-06-30");
    std::fs::write(dir.path().join("ended.toml"), rules).expect("write");
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        format!(
            "instance = \"{}\"\n[base]\nrules = \"ended.toml\"\n",
            demo()
        ),
    )
    .expect("write");
    let ds = load(&path).expect_err("rules end before the term");
    assert!(
        ds.iter().any(|d| d.code() == Code::OutsideRuleValidity),
        "{ds:?}"
    );
}

#[test]
fn too_many_scenarios_are_refused_before_solving() {
    let ds = errors(
        "seeds = 1000\n[[axis]]\nname = \"a\"\nvary = \"remove_certified_percent\"\nlevels = { from = 0, to = 100, step = 1 }\n",
    );
    assert!(ds.iter().any(|d| d.code() == Code::TooManyScenarios));
}

#[test]
fn an_unknown_solver_is_an_input_error_at_its_line_and_a_known_one_is_typed() {
    let ds = errors(&format!("solver = \"cplex\"\n{GOOD}"));
    assert_code(&ds, Code::UnknownSolver, 2);
    let d = ds
        .iter()
        .find(|d| d.code() == Code::UnknownSolver)
        .expect("E609");
    assert!(d.column.is_some() && d.message.contains("cplex"), "{d}");
    let (_dir, path) = file(&format!("solver = \"microlp\"\n{GOOD}"));
    let l = load(&path).expect("loads").value;
    assert_eq!(l.spec.solver, Some(crate::outcome::Backend::Microlp));
}

#[test]
fn scenario_file_errors_read_in_dutch_with_their_values() {
    let ds = errors(
        "seeds = 0\n[base]\nremove_certified_count = 999\n\
         [[axis]]\nname = \"a\"\nvary = \"remove_certifed_count\"\nlevels = [1]\n\
         [[axis]]\nname = \"a\"\nvary = \"add_students\"\nlevels = [1]\n",
    );
    let text: Vec<String> = ds
        .iter()
        .map(|d| crate::report::diag_text::render(d, crate::report::Lang::Nl))
        .collect();
    let text = text.join("\n");
    for dutch in [
        "seeds moet een aantal van 1 tot en met 1000 zijn",
        "`remove_certified_count` is 999; het moet een geheel getal van 0 tot en met",
        "houd het op of onder het aantal gecertificeerde docenten in de instantie",
        "`vary = \"remove_certifed_count\"` is geen variatie die een getal aanneemt",
        "twee assen heten \"a\"",
        "`vary = \"add_students\"` vraagt `location` en `profile` bij de as",
    ] {
        assert!(text.contains(dutch), "{dutch:?} not in:\n{text}");
    }
    for english in ["must be", "is not a variation", "two axes", "--lang en"] {
        assert!(!text.contains(english), "{english:?} in:\n{text}");
    }
}
