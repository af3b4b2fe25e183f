//! Bad contract hours in `teachers.csv` (`min_lessons_per_week`, `min_lessons_per_term`,
//! `max_lessons_per_term`, columns 9 to 11 after the demo's eight) and bad wishes
//! (`prefers`, `avoids`, columns 9 and 10): each is coded at its cell.

use super::{Case, Want, err, run};
use std::path::Path;

/// Rewrites the demo's `teachers.csv` with the three contract columns, empty on every row
/// but T01's (line 2), which gets `t01` (the three cells, comma-separated).
fn contract(dir: &Path, t01: &str) {
    let path = dir.join("teachers.csv");
    let text = std::fs::read_to_string(&path).expect("read teachers.csv");
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push_str(match i {
            0 => ",min_lessons_per_week,min_lessons_per_term,max_lessons_per_term",
            _ => ",",
        });
        if i == 1 {
            out.push_str(t01);
        } else if i > 1 {
            out.push_str(",,");
        }
        out.push('\n');
    }
    std::fs::write(path, out).expect("write teachers.csv");
}

#[test]
fn bad_contract_hours_are_coded_at_their_cell() {
    run(&[
        Case {
            name: "a negative weekly minimum",
            make: |d| contract(d, "-1,,"),
            want: err(
                "E204",
                "teachers.csv",
                Some(2),
                Some(9),
                "without sign or decimals",
            ),
        },
        Case {
            name: "a weekly minimum with decimals",
            make: |d| contract(d, "1.5,,"),
            want: err("E204", "teachers.csv", Some(2), Some(9), ""),
        },
        Case {
            name: "a term maximum in words",
            make: |d| contract(d, ",,ten"),
            want: err("E204", "teachers.csv", Some(2), Some(11), ""),
        },
        Case {
            name: "a weekly minimum above max_lessons_per_week (T01: 2)",
            make: |d| contract(d, "3,,"),
            want: err(
                "E415",
                "teachers.csv",
                Some(2),
                Some(9),
                "raise max_lessons_per_week",
            ),
        },
        Case {
            name: "a term minimum above the term maximum",
            make: |d| contract(d, ",12,10"),
            want: err(
                "E415",
                "teachers.csv",
                Some(2),
                Some(10),
                "lower min_lessons_per_term",
            ),
        },
        Case {
            name: "the three columns, all empty",
            make: |d| contract(d, ",,"),
            want: Want::SameAsDemo,
        },
    ]);
}

/// Rewrites the demo's `teachers.csv` with `prefers,avoids`, empty but on T01's row.
fn wishes(dir: &Path, t01: &str) {
    let path = dir.join("teachers.csv");
    let text = std::fs::read_to_string(&path).expect("read teachers.csv");
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push_str(match i {
            0 => ",prefers,avoids",
            1 => t01,
            _ => ",,",
        });
        out.push('\n');
    }
    std::fs::write(path, out).expect("write teachers.csv");
}

#[test]
fn bad_wishes_are_coded_at_their_cell() {
    run(&[
        Case {
            name: "a block school.toml lacks",
            make: |d| wishes(d, ",mon-night,"),
            want: err("E416", "teachers.csv", Some(2), Some(9), "DAY-BLOCK"),
        },
        Case {
            name: "an unknown course code to avoid",
            make: |d| wishes(d, ",,B1-UTR-09"),
            want: err("E416", "teachers.csv", Some(2), Some(10), ""),
        },
        Case {
            name: "a slot, a course and a location, all known",
            make: |d| wishes(d, ",mon-morning;B1-UTR-01,Amersfoort"),
            want: Want::SameAsDemo,
        },
    ]);
}
