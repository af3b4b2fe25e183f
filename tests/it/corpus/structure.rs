//! The shape of a file: headers (missing, extra, duplicated columns), rows with the wrong
//! number of fields, broken quotes, missing files, and a school of 100,000 students.

use super::{Case, Want, err, replace, run, text};
use crate::broken::validate_json;
use crate::support::{copy_dir, demo};
use std::path::Path;
use std::time::Instant;

/// Removes field `index` (0-based) from every line of a CSV file without quotes.
fn drop_column(dir: &Path, file: &str, index: usize) {
    text(dir, file, |t| {
        t.lines()
            .map(|l| {
                let mut cells: Vec<&str> = l.split(',').collect();
                cells.remove(index);
                cells.join(",") + "\n"
            })
            .collect()
    });
}

/// Adds a column named `name` with empty cells to every line of a CSV file.
fn add_column(dir: &Path, file: &str, name: &str) {
    text(dir, file, |t| {
        let mut lines = t.lines();
        let header = lines.next().unwrap_or_default();
        let mut out = format!("{header},{name}\n");
        for l in lines {
            out.push_str(&format!("{l},\n"));
        }
        out
    });
}

#[test]
fn header_problems_are_coded_on_line_1_at_their_column() {
    run(&[
        Case {
            name: "students.csv header names id twice (instead of group)",
            make: |d| replace(d, "students.csv", "available,group", "available,id"),
            want: err("E106", "students.csv", Some(1), Some(6), "remove or rename"),
        },
        Case {
            name: "teachers.csv without its register column",
            make: |d| drop_column(d, "teachers.csv", 2),
            want: err("E104", "teachers.csv", Some(1), None, "register"),
        },
        Case {
            name: "groups.csv without its slots column",
            make: |d| drop_column(d, "groups.csv", 4),
            want: err("E104", "groups.csv", Some(1), None, "slots"),
        },
        Case {
            name: "an extra column opmerking in teachers.csv",
            make: |d| add_column(d, "teachers.csv", "opmerking"),
            want: err("E105", "teachers.csv", Some(1), Some(9), "the columns are"),
        },
        Case {
            name: "a misspelt column mentor_capacty gets a did-you-mean",
            make: |d| replace(d, "teachers.csv", "mentor_capacity", "mentor_capacty"),
            want: err(
                "E105",
                "teachers.csv",
                Some(1),
                Some(8),
                "did you mean \"mentor_capacity\"",
            ),
        },
        Case {
            name: "a value in a column without a name (Excel's trailing separator)",
            make: |d| {
                replace(d, "mentors.csv", "capacity", "capacity,");
                replace(d, "mentors.csv", "Hoekstra,3", "Hoekstra,3,zie mail");
            },
            want: err("E105", "mentors.csv", Some(2), Some(4), "remove the value"),
        },
    ]);
}

#[test]
fn rows_of_the_wrong_shape_are_e103_at_their_line() {
    run(&[
        Case {
            name: "a row with one field too many",
            make: |d| {
                replace(
                    d,
                    "teachers.csv",
                    "Dirk Visser,bvnt2,Utrecht,B1-route,2,*,1",
                    "Dirk Visser,bvnt2,Utrecht,B1-route,2,*,1,extra",
                )
            },
            want: err(
                "E103",
                "teachers.csv",
                Some(5),
                None,
                "give every row the 8 fields",
            ),
        },
        Case {
            name: "a row with a comma in an unquoted name",
            make: |d| replace(d, "teachers.csv", "Gerrit Smit", "Smit, Gerrit"),
            want: err(
                "E103",
                "teachers.csv",
                Some(8),
                None,
                "quote a cell that contains a `,`",
            ),
        },
        Case {
            name: "a row with one field too few",
            make: |d| {
                replace(
                    d,
                    "groups.csv",
                    "tue-evening,2025-09-02,2025-12-16,yes,6",
                    "tue-evening,2025-09-02,2025-12-16,yes",
                )
            },
            want: err("E103", "groups.csv", Some(9), None, "9 fields"),
        },
        Case {
            name: "a line of a million characters without separators",
            make: |d| {
                let long = "x".repeat(1_000_000);
                text(d, "students.csv", |t| {
                    t.replacen("S0010,", &format!("{long}\nS0010,"), 1)
                });
            },
            want: err("E103", "students.csv", Some(11), None, "6 fields"),
        },
        Case {
            name: "a quote that is never closed",
            make: |d| replace(d, "teachers.csv", "T11,Karim Haddad", "T11,\"Karim Haddad"),
            want: err("E103", "teachers.csv", Some(12), None, "quote"),
        },
    ]);
}

#[test]
fn missing_files_are_e101_and_the_other_files_are_still_read() {
    run(&[
        Case {
            name: "students.csv missing",
            make: |d| std::fs::remove_file(d.join("students.csv")).expect("remove"),
            want: err("E101", "students.csv", None, None, "id,profile,law"),
        },
        Case {
            name: "students.csv missing and a bad register in teachers.csv",
            make: |d| {
                std::fs::remove_file(d.join("students.csv")).expect("remove");
                replace(d, "teachers.csv", ",none,", ",geen,");
            },
            want: err("E205", "teachers.csv", Some(3), Some(3), "bvnt2"),
        },
        Case {
            name: "the optional unavailability.csv missing",
            make: |d| std::fs::remove_file(d.join("unavailability.csv")).expect("remove"),
            want: Want::Students(121),
        },
    ]);
}

/// A students.csv of `n` students, all of whom fit the demo's groups (or, with `stray`, none).
fn many_students(n: usize, stray: bool) -> String {
    let mut t = String::from("id,profile,law,locations,available,group\n");
    for i in 0..n {
        let profile = if stray { "Z-route" } else { "B1-route" };
        let location = if stray {
            "Amersfoort"
        } else {
            "Utrecht;Amersfoort"
        };
        t.push_str(&format!("S{i:06},{profile},wi2021,{location},*,\n"));
    }
    t
}

/// 100,000 students (far beyond any school) load, and so do 30,000 who fit no group (one
/// warning each): no step of validation may be quadratic in the students (before the fix,
/// 20,000 took 87 s in debug). No timing is asserted; `--nocapture` shows the times.
#[test]
fn a_hundred_thousand_students_load_in_seconds() {
    for (stray, n) in [(false, 100_000), (true, 30_000)] {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&demo(), dir.path());
        std::fs::write(dir.path().join("students.csv"), many_students(n, stray))
            .expect("write students");
        let started = Instant::now();
        let (exit, got) = validate_json(dir.path());
        eprintln!(
            "validate with {n} students (fit no group: {stray}): {:.2?}",
            started.elapsed()
        );
        assert_eq!(exit, Some(0), "{}", got["diagnostics"]);
        assert_eq!(got["students"].as_u64(), Some(n as u64));
        let w502 = got["diagnostics"]
            .as_array()
            .map_or(0, |ds| ds.iter().filter(|d| d["code"] == "W502").count());
        let warnings = if stray { n } else { 0 };
        assert_eq!(w502, warnings, "W502 warnings with stray = {stray}");
    }
}
