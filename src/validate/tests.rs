//! Instance-level tests: the mini fixture loads, and broken variants of it (written into a
//! temp dir) give the expected codes at the expected places.

use super::*;
use crate::diag::{Code, Diagnostic, Severity};
use std::path::PathBuf;
use tempfile::TempDir;

mod alternative_codes;
mod instance_codes;
mod schedule_codes;

pub(crate) fn mini() -> PathBuf {
    crate::testing::root().join("tests/fixtures/mini")
}

/// A copy of the mini fixture with `files` replaced (an empty text removes the file).
pub(crate) fn variant(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in crate::testing::files(&mini()) {
        let name = file.file_name().expect("a file name");
        std::fs::copy(&file, dir.path().join(name)).expect("copy");
    }
    for (name, text) in files {
        let path = dir.path().join(name);
        if text.is_empty() {
            std::fs::remove_file(&path).expect("remove");
        } else {
            std::fs::write(&path, text).expect("write");
        }
    }
    dir
}

/// Every diagnostic of loading `dir`, errors and warnings.
pub(crate) fn all_diags(dir: &Path) -> Vec<Diagnostic> {
    match load_instance(dir, None) {
        Ok(l) => l.warnings.0,
        Err(d) => d.0,
    }
}

/// Loads a variant and returns its diagnostics.
pub(crate) fn diags_of(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let dir = variant(files);
    all_diags(dir.path())
}

/// Asserts that `code` was reported in `file` at `line` (and `column` when given).
#[track_caller]
pub(crate) fn assert_has(
    ds: &[Diagnostic],
    code: Code,
    file: &str,
    line: u64,
    column: Option<u64>,
) {
    let found = ds.iter().any(|d| {
        d.code() == code
            && d.file == file
            && d.line == Some(line)
            && (column.is_none() || d.column == column)
    });
    assert!(
        found,
        "expected {code} in {file}:{line}:{column:?}, got:\n{}",
        ds.iter().map(|d| format!("{d}\n")).collect::<String>()
    );
}

#[test]
fn the_mini_instance_loads_without_problems() {
    let loaded = load_instance(&mini(), None).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let LoadedInstance { instance, rules } = loaded.value;
    assert_eq!(rules.name, "addendum-2025");
    assert_eq!(instance.teachers.len(), 4);
    assert_eq!(instance.groups.len(), 3);
    assert_eq!(instance.students.len(), 5);
    assert_eq!(instance.mentors.len(), 1);
    assert_eq!(instance.unavailability.len(), 2);
    let names: Vec<&str> = instance
        .school
        .blocks
        .iter()
        .map(|b| b.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["morning", "afternoon", "evening"],
        "blocks sorted by start"
    );
    let locs: Vec<&str> = instance
        .school
        .locations
        .iter()
        .map(|l| l.as_str())
        .collect();
    assert_eq!(locs, ["Amersfoort", "Utrecht"]);
    let t01 = &instance.teachers[0];
    assert_eq!(t01.locations.len(), 2);
    assert_eq!(t01.profiles.len(), 2);
    assert_eq!(t01.available.0.len(), 21);
    assert_eq!(t01.mentor_capacity, 2);
    assert_eq!(instance.teachers[1].max_lessons_per_week, Some(6));
    assert_eq!(instance.teachers[1].available.0.len(), 7);
    let g2 = &instance.groups[1];
    assert!(g2.optional);
    assert_eq!(g2.min_size, 1);
    assert_eq!(g2.slots[0].to_string(), "mon-evening", "slots sorted");
    let s4 = &instance.students[3];
    let s4_locs: Vec<&str> = s4.locations.iter().map(|l| l.as_str()).collect();
    assert_eq!(s4_locs, ["Amersfoort", "Utrecht"]);
    assert_eq!(
        instance.students[0].pinned.as_ref().map(|c| c.as_str()),
        Some("UTR-B1-01")
    );
    assert!(!instance.lessons().is_empty());
}

#[test]
fn a_star_in_locations_accepts_every_location_and_prefers_none() {
    use crate::domain::{Location, LocationOrder, StudentId};
    let loaded = load_instance(&mini(), None).unwrap_or_else(|d| panic!("{d:?}"));
    let instance = loaded.value.instance;
    let student = |id: &str| {
        instance
            .student(&StudentId::new(id))
            .unwrap_or_else(|| panic!("{id} in the mini fixture"))
    };
    let (utr, amf) = (Location::new("Utrecht"), Location::new("Amersfoort"));
    // S004: `*`. Every location, both first choices.
    let all = student("S004");
    assert_eq!(all.location_order, LocationOrder::Unranked);
    assert_eq!(all.locations, [amf.clone(), utr.clone()]);
    assert_eq!(
        (all.location_rank(&utr), all.location_rank(&amf)),
        (Some(0), Some(0))
    );
    // S005: `Amersfoort;Utrecht`, a preference; S003: `Amersfoort` only.
    let listed = student("S005");
    assert_eq!(listed.location_order, LocationOrder::Preference);
    assert_eq!(
        (listed.location_rank(&amf), listed.location_rank(&utr)),
        (Some(0), Some(1))
    );
    assert_eq!(student("S003").location_rank(&utr), None);
}

#[test]
fn rules_override_replaces_the_school_rule_set() {
    let loaded = load_instance(
        &mini(),
        Some(&crate::rules::RuleChoice::parse("handleiding-2024")),
    )
    .unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(loaded.value.rules.name, "handleiding-2024");
    let err = load_instance(
        &mini(),
        Some(&crate::rules::RuleChoice::parse("addendum-2099")),
    )
    .expect_err("unknown rule set");
    assert!(
        err.iter()
            .any(|d| d.code() == Code::UnknownRuleSet && d.file == "--rules")
    );
}

#[test]
fn bom_and_semicolon_files_read_like_plain_ones() {
    let plain = load_instance(&mini(), None).unwrap_or_else(|d| panic!("{d:?}"));
    let excel_teachers = "\u{feff}ID;Name;Register;Locations;Profiles;Max_Lessons_Per_Week;Available;Mentor_Capacity\r\n\
        T01;Anna de Vries;bvnt2;*;*;;*;2\r\n\
        T02 ; Bram Jansen ;kwaliteitsregister;Utrecht;B1-route;6;\"mon-*;wed-*;thu-morning\";1\r\n\
        T03;Chris Bakker;none;\"Amersfoort;Utrecht\";\"Z-route;B1-route\";4;\"tue-afternoon;fri-afternoon;mon-morning\";\r\n\
        T04;Dewi Smit;NONE;Amersfoort;Z-route;;\"tue-*;fri-*\";0\r\n\r\n;;;;;;;\r\n\r\n";
    let excel_groups = "\u{feff}course_code;location;profile;law;slots;start;end;optional;min_size\r\n\
        UTR-B1-01;Utrecht;B1-route;wi2021;\"mon-morning;thu-morning\";;;no;8\r\n\
        UTR-B1-02;Utrecht;B1-route;wi2021;\"wed-evening;mon-evening\";2025-09-08;2025-12-15;yes;\r\n\
        AMF-Z-01;Amersfoort;Z-route;wi2013;\"tue-afternoon;fri-afternoon\";;;ja;4\r\n";
    let dir = variant(&[
        ("teachers.csv", excel_teachers),
        ("groups.csv", excel_groups),
    ]);
    let excel = load_instance(dir.path(), None).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(excel.value, plain.value);
}

#[test]
fn problems_in_several_files_are_reported_in_one_run() {
    let ds = diags_of(&[
        (
            "teachers.csv",
            "id,name,register,locations,profiles,max_lessons_per_week,available,mentor_capacity\n\
            T01,A,bvnt3,Amersfort,*,-1,*,\nT02,B,none,Utrecht,*,,sun-noon,\n",
        ),
        (
            "groups.csv",
            "course_code,location,profile,law,slots,start,end,optional,min_size\n\
            G1,Utrecht,B1-route,wi2021,mon-morning,01/09/2025,,no,\n",
        ),
        (
            "students.csv",
            "id,profile,law,locations,available,group\nS1,B2-route,wi2021,Utrecht,*,G9\n",
        ),
    ]);
    assert_has(&ds, Code::BadRegister, "teachers.csv", 2, Some(3));
    assert_has(&ds, Code::BadNumber, "teachers.csv", 2, Some(6));
    assert_has(&ds, Code::UnknownBlock, "teachers.csv", 3, Some(7));
    assert_has(&ds, Code::BadDate, "groups.csv", 2, Some(6));
    assert_has(&ds, Code::UnknownProfile, "students.csv", 2, Some(2));
    assert_has(&ds, Code::UnknownCourse, "students.csv", 2, Some(6));
    // unavailability.csv names T03, which is no longer defined.
    assert_has(&ds, Code::UnknownTeacher, "unavailability.csv", 3, Some(1));
    assert!(
        ds.iter()
            .filter(|d| d.severity() == Severity::Error)
            .count()
            >= 7
    );
}
