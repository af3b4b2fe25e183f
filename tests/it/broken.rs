//! Broken variants of the demo instance, as a planner's spreadsheet might produce them: each
//! asserts its code, file and line through `nt2plan validate --json`.

use crate::support::{copy_dir, demo, nt2plan, stdout};
use serde_json::Value;
use std::path::Path;

/// (code, file, line) of one diagnostic.
pub(crate) type Place = (String, String, Option<u64>);

/// Replaces `from` by `to` on 1-based `line` of `file` (the text must be there).
pub(crate) fn edit(dir: &Path, file: &str, line: usize, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read file to edit");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert!(
        lines[line - 1].contains(from),
        "{file}:{line} lacks {from:?}"
    );
    lines[line - 1] = lines[line - 1].replacen(from, to, 1);
    std::fs::write(&path, lines.join("\n") + "\n").expect("write edited file");
}

/// The whole `validate --json` report on `dir`, and the exit code.
pub(crate) fn validate_json(dir: &Path) -> (Option<i32>, Value) {
    let out = nt2plan(["validate", &dir.display().to_string(), "--json"]);
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("JSON: {}", stdout(&out)));
    (out.status.code(), v)
}

/// (code, file, line) of every diagnostic of `validate --json` on `dir`, and the exit code.
pub(crate) fn validate(dir: &Path) -> (Option<i32>, Vec<Place>) {
    let (exit, v) = validate_json(dir);
    let ds = v["diagnostics"].as_array().expect("diagnostics").iter();
    let got = ds
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("code"), s("file"), d["line"].as_u64())
        })
        .collect();
    (exit, got)
}

fn broken(edits: &[(&str, usize, &str, &str)]) -> (Option<i32>, Vec<Place>) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    for (file, line, from, to) in edits {
        edit(dir.path(), file, *line, from, to);
    }
    validate(dir.path())
}

fn assert_reports(edits: &[(&str, usize, &str, &str)], code: &str, file: &str, line: u64) {
    let (exit, got) = broken(edits);
    assert_eq!(exit, Some(2), "{got:?}");
    let want = (code.to_string(), file.to_string(), Some(line));
    assert!(got.contains(&want), "expected {want:?} in {got:?}");
}

#[test]
fn misspelled_register_is_e205() {
    assert_reports(
        &[("teachers.csv", 3, ",none,", ",geen,")],
        "E205",
        "teachers.csv",
        3,
    );
}

#[test]
fn slashed_date_order_is_e202_since_day_and_month_may_be_either_way() {
    assert_reports(
        &[("groups.csv", 6, "2025-09-08", "08/09/2025")],
        "E202",
        "groups.csv",
        6,
    );
}

#[test]
fn misspelled_location_is_e302() {
    assert_reports(
        &[("students.csv", 2, ",Utrecht,", ",Utrekt,")],
        "E302",
        "students.csv",
        2,
    );
}

#[test]
fn duplicate_teacher_id_is_e309() {
    assert_reports(
        &[("teachers.csv", 3, "T02,", "T01,")],
        "E309",
        "teachers.csv",
        3,
    );
}

#[test]
fn unknown_block_in_a_slot_is_e301() {
    assert_reports(
        &[("groups.csv", 2, "mon-morning", "mon-ochtend")],
        "E301",
        "groups.csv",
        2,
    );
}

#[test]
fn block_ending_before_it_starts_is_e401() {
    assert_reports(
        &[("school.toml", 21, "18:30-21:30", "21:30-18:30")],
        "E401",
        "school.toml",
        21,
    );
}

#[test]
fn missing_column_is_e104_on_the_header() {
    assert_reports(
        &[("students.csv", 1, ",available,", ",beschikbaarheid,")],
        "E104",
        "students.csv",
        1,
    );
}

#[test]
fn group_whose_only_days_are_closed_is_e402() {
    // KNM-UTR-01 meets wed and fri; 2025-10-22 and 2025-10-24 fall in the autumn holiday.
    assert_reports(
        &[(
            "groups.csv",
            6,
            "2025-09-08,2025-12-12",
            "2025-10-21,2025-10-24",
        )],
        "E402",
        "groups.csv",
        6,
    );
}

#[test]
fn negative_weekly_maximum_is_e204() {
    assert_reports(
        &[("teachers.csv", 2, ",2,", ",-1,")],
        "E204",
        "teachers.csv",
        2,
    );
}

#[test]
fn unknown_profile_is_e303() {
    assert_reports(
        &[("students.csv", 2, "B1-route", "B2-route")],
        "E303",
        "students.csv",
        2,
    );
}

#[test]
fn unknown_rule_set_is_e405_at_the_rules_key() {
    assert_reports(
        &[("school.toml", 8, "addendum-2025", "addendum-2024")],
        "E405",
        "school.toml",
        8,
    );
}

#[test]
fn problems_in_several_files_are_all_reported_in_one_run() {
    let (exit, got) = broken(&[
        ("teachers.csv", 3, ",none,", ",geen,"),
        ("groups.csv", 2, "mon-morning", "mon-ochtend"),
        ("students.csv", 2, ",Utrecht,", ",Utrekt,"),
        ("school.toml", 21, "18:30-21:30", "21:30-18:30"),
    ]);
    assert_eq!(exit, Some(2));
    for (code, file, line) in [
        ("E205", "teachers.csv", 3),
        ("E301", "groups.csv", 2),
        ("E302", "students.csv", 2),
        ("E401", "school.toml", 21),
    ] {
        let want = (code.to_string(), file.to_string(), Some(line));
        assert!(got.contains(&want), "expected {want:?} in {got:?}");
    }
}

#[test]
fn dutch_excel_export_with_bom_and_semicolons_reads_like_the_original() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    // Rewrite teachers.csv the way Excel's "CSV UTF-8" does with a Dutch locale.
    let original = std::fs::read_to_string(dir.path().join("teachers.csv")).expect("teachers");
    let mut rdr = csv::Reader::from_reader(original.as_bytes());
    let mut wtr = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    wtr.write_record(rdr.headers().expect("header"))
        .expect("write header");
    for rec in rdr.records() {
        wtr.write_record(&rec.expect("record"))
            .expect("write record");
    }
    let bytes = wtr.into_inner().expect("bytes");
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && bytes.windows(2).any(|w| w == b"\r\n"));
    std::fs::write(dir.path().join("teachers.csv"), bytes).expect("write");
    let a = nt2plan(["validate", &demo().display().to_string(), "--json"]);
    let b = nt2plan(["validate", &dir.path().display().to_string(), "--json"]);
    assert_eq!(b.status.code(), Some(0), "{}", stdout(&b));
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn windows_1252_text_is_e102_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    let path = dir.path().join("teachers.csv");
    let text = std::fs::read_to_string(&path).expect("teachers");
    // "Esra Yılmaz" typed as "Esra Yélmaz" in Windows-1252: é is the single byte 0xE9.
    let bytes = text
        .replace("Esra Yilmaz", "Esra Y\u{FFFD}lmaz")
        .into_bytes();
    let pos = bytes
        .windows(3)
        .position(|w| w == "\u{FFFD}".as_bytes())
        .expect("marker");
    let mut bytes = bytes;
    bytes.splice(pos..pos + 3, [0xE9]);
    std::fs::write(&path, bytes).expect("write");
    let (exit, got) = validate(dir.path());
    assert_eq!(exit, Some(2));
    assert!(
        got.contains(&("E102".to_string(), "teachers.csv".to_string(), Some(6))),
        "{got:?}"
    );
}

#[test]
fn missing_instance_folder_is_e101() {
    let (exit, got) = validate(Path::new("/nonexistent/nt2plan-instance"));
    assert_eq!(exit, Some(2));
    assert!(
        got.iter()
            .any(|(code, file, _)| code == "E101" && file == "school.toml"),
        "{got:?}"
    );
}

#[test]
fn misspelled_group_location_is_e302_when_school_lists_its_locations() {
    assert_reports(
        &[("groups.csv", 3, ",Utrecht,", ",Utrect,")],
        "E302",
        "groups.csv",
        3,
    );
}

#[test]
fn a_mistyped_year_making_the_term_years_long_is_e410() {
    assert_reports(
        &[("school.toml", 10, "2025-12-19", "2205-12-19")],
        "E410",
        "school.toml",
        10,
    );
}
