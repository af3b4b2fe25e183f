//! Bad values in good files: dates, numbers, ids that refer to nothing, and a school.toml
//! that is not TOML or says something impossible. Each is coded at its cell.

use super::{Case, err, replace, run};
use crate::broken::edit;
use crate::support::{copy_dir, demo, demo_schedule, nt2plan, stderr};

#[test]
fn dates_that_are_uncertain_or_do_not_exist_are_e202_with_the_iso_spelling_as_fix() {
    run(&[
        Case {
            name: "unavailability from 31-11-2025 (Dutch order, a day November lacks)",
            make: |d| replace(d, "unavailability.csv", "T04,2025-11-10", "T04,31-11-2025"),
            want: err("E202", "unavailability.csv", Some(2), Some(2), "YYYY-MM-DD"),
        },
        Case {
            name: "unavailability to 5/12/2025 (Dutch order with slashes)",
            make: |d| replace(d, "unavailability.csv", "2025-12-05", "5/12/2025"),
            want: err("E202", "unavailability.csv", Some(3), Some(3), "2025-12-05"),
        },
        Case {
            name: "group start 2025-02-30, a day that does not exist",
            make: |d| replace(d, "groups.csv", "2025-09-08", "2025-02-30"),
            want: err("E202", "groups.csv", Some(6), Some(6), "YYYY-MM-DD"),
        },
        Case {
            name: "term_start 2025-02-30 in school.toml",
            make: |d| replace(d, "school.toml", "\"2025-09-01\"", "\"2025-02-30\""),
            want: err("E202", "school.toml", Some(9), Some(14), "YYYY-MM-DD"),
        },
        Case {
            name: "term_start 01-09-2025 in school.toml",
            make: |d| replace(d, "school.toml", "\"2025-09-01\"", "\"01-09-2025\""),
            want: err("E202", "school.toml", Some(9), Some(14), "2025-09-01"),
        },
    ]);
}

#[test]
fn numbers_that_are_negative_too_large_or_decimal_are_e204_at_their_cell() {
    run(&[
        Case {
            name: "max_lessons_per_week = 99999999999999999999",
            make: |d| {
                replace(
                    d,
                    "teachers.csv",
                    "ONA-KNM,2,mon-*",
                    "ONA-KNM,99999999999999999999,mon-*",
                )
            },
            want: err("E204", "teachers.csv", Some(2), Some(6), "4294967295"),
        },
        Case {
            name: "a negative mentor capacity in mentors.csv",
            make: |d| replace(d, "mentors.csv", "Hoekstra,3", "Hoekstra,-3"),
            want: err("E204", "mentors.csv", Some(2), Some(3), "without sign"),
        },
        Case {
            name: "a negative min_size in groups.csv",
            make: |d| replace(d, "groups.csv", ",yes,8", ",yes,-8"),
            want: err("E204", "groups.csv", Some(4), Some(9), "whole number"),
        },
        Case {
            name: "a Dutch decimal comma \"2,5\" as weekly maximum",
            make: |d| {
                replace(
                    d,
                    "teachers.csv",
                    "Yilmaz,bvnt2,Amersfoort,B1-route;Alfabetisering;ONA-KNM,3,",
                    "Yilmaz,bvnt2,Amersfoort,B1-route;Alfabetisering;ONA-KNM,\"2,5\",",
                )
            },
            want: err(
                "E204",
                "teachers.csv",
                Some(6),
                Some(6),
                "without sign or decimals",
            ),
        },
        Case {
            name: "observations_per_teacher = 99999999999999999999 in school.toml",
            make: |d| {
                replace(
                    d,
                    "school.toml",
                    "observations_per_teacher = 2",
                    "observations_per_teacher = 99999999999999999999",
                )
            },
            want: err("E204", "school.toml", Some(13), Some(28), "whole number"),
        },
    ]);
}

#[test]
fn ids_that_refer_to_nothing_are_coded_at_their_cell() {
    run(&[
        Case {
            name: "unavailability of teacher T99",
            make: |d| replace(d, "unavailability.csv", "T10,", "T99,"),
            want: err(
                "E305",
                "unavailability.csv",
                Some(3),
                Some(1),
                "valid values: T01",
            ),
        },
        Case {
            name: "a student pinned to group B1-UTR-09",
            make: |d| {
                replace(
                    d,
                    "students.csv",
                    "S0001,B1-route,wi2021,Utrecht,*,B1-UTR-01",
                    "S0001,B1-route,wi2021,Utrecht,*,B1-UTR-09",
                )
            },
            want: err("E306", "students.csv", Some(2), Some(6), "B1-UTR-01"),
        },
        Case {
            name: "an external mentor with a teacher's id",
            make: |d| replace(d, "mentors.csv", "M01,", "T03,"),
            want: err("E309", "mentors.csv", Some(2), Some(1), "M prefix"),
        },
        Case {
            name: "a student pinned to a group at a location they did not list",
            make: |d| {
                replace(
                    d,
                    "students.csv",
                    "S0001,B1-route,wi2021,Utrecht,*,B1-UTR-01",
                    "S0001,B1-route,wi2021,Utrecht,*,B1-AMF-01",
                )
            },
            want: err("E407", "students.csv", Some(2), Some(6), "pin the student"),
        },
        Case {
            name: "an empty profile",
            make: |d| replace(d, "students.csv", "S0002,B1-route,", "S0002,,"),
            want: err(
                "E201",
                "students.csv",
                Some(3),
                Some(2),
                "fill in `profile`",
            ),
        },
    ]);
}

#[test]
fn a_school_toml_that_is_not_toml_or_impossible_is_coded_at_its_place() {
    run(&[
        Case {
            name: "an unclosed string on line 4",
            make: |d| {
                replace(
                    d,
                    "school.toml",
                    "\"Taalschool De Brug\"",
                    "\"Taalschool De Brug",
                )
            },
            want: err("E108", "school.toml", Some(4), Some(27), "TOML syntax"),
        },
        Case {
            name: "a key without = on line 5",
            make: |d| replace(d, "school.toml", "bow_number = ", "bow_number "),
            want: err("E108", "school.toml", Some(5), Some(12), "TOML syntax"),
        },
        Case {
            name: "term_end before term_start",
            make: |d| replace(d, "school.toml", "\"2025-12-19\"", "\"2025-08-19\""),
            want: err(
                "E401",
                "school.toml",
                Some(10),
                Some(12),
                "term_start or term_end",
            ),
        },
        Case {
            name: "a closed period that ends before it starts",
            make: |d| {
                replace(
                    d,
                    "school.toml",
                    "to = \"2025-10-24\"",
                    "to = \"2025-10-14\"",
                )
            },
            want: err(
                "E401",
                "school.toml",
                Some(15),
                Some(31),
                "swap from and to",
            ),
        },
        Case {
            name: "an unknown key term_begin",
            make: |d| replace(d, "school.toml", "term_start =", "term_begin ="),
            want: err("E110", "school.toml", Some(9), Some(1), "remove the key"),
        },
        Case {
            name: "a number where text belongs: name = 42",
            make: |d| replace(d, "school.toml", "\"Taalschool De Brug\"", "42"),
            want: err("E111", "school.toml", Some(4), Some(8), "text in quotes"),
        },
    ]);
}

/// The mentoring.csv of a schedule names mentor M99: `check` reports E308 at its cell (on
/// stderr: `check --json` prints JSON only for a report, and there is none without a schedule).
#[test]
fn an_unknown_mentor_in_a_schedule_is_e308_at_its_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo_schedule(), dir.path());
    edit(dir.path(), "mentoring.csv", 3, "T06,T05", "T06,M99");
    let out = nt2plan([
        "check",
        &demo().display().to_string(),
        &dir.path().display().to_string(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("error[E308]: mentor \"M99\"")
            && err.contains("--> mentoring.csv:3:2 (mentor)"),
        "{err}"
    );
}

#[test]
fn bad_alternatives_of_meeting_times_are_coded_at_the_slots_cell() {
    const ROW: &str = "B1-UTR-02,Utrecht,B1-route,wi2021,tue-afternoon;thu-afternoon,";
    run(&[
        Case {
            name: "an empty alternative between two bars",
            make: |d| {
                replace(
                    d,
                    "groups.csv",
                    ROW,
                    "B1-UTR-02,Utrecht,B1-route,wi2021,tue-afternoon;thu-afternoon||mon-morning;wed-morning,",
                )
            },
            want: err("E421", "groups.csv", Some(3), Some(5), "single `|`"),
        },
        Case {
            name: "the same alternative twice",
            make: |d| {
                replace(
                    d,
                    "groups.csv",
                    ROW,
                    "B1-UTR-02,Utrecht,B1-route,wi2021,tue-afternoon;thu-afternoon|thu-afternoon;tue-afternoon,",
                )
            },
            want: err(
                "E422",
                "groups.csv",
                Some(3),
                Some(5),
                "each alternative once",
            ),
        },
        Case {
            name: "alternatives of two and one weekly lessons",
            make: |d| {
                replace(
                    d,
                    "groups.csv",
                    ROW,
                    "B1-UTR-02,Utrecht,B1-route,wi2021,tue-afternoon;thu-afternoon|mon-morning,",
                )
            },
            want: err("E423", "groups.csv", Some(3), Some(5), "same number"),
        },
    ]);
}
