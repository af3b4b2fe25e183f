//! Bad rows in `locks.csv`: each is coded at its cell, and every problem of the file is
//! listed at once.

use super::{Case, Want, err, run};
use crate::broken::validate_json;
use crate::support::{copy_dir, demo};
use std::path::Path;

const HEADER: &str = "teacher,course_code,slot,date,rule\n";

/// Writes a `locks.csv` with these rows into the copy of the demo.
fn locks(dir: &Path, rows: &str) {
    std::fs::write(dir.join("locks.csv"), format!("{HEADER}{rows}")).expect("write locks.csv");
}

#[test]
fn bad_lock_rows_are_coded_at_their_cell() {
    run(&[
        Case {
            name: "an unknown teacher",
            make: |d| locks(d, "T99,B1-UTR-01,,,gives\n"),
            want: err("E305", "locks.csv", Some(2), Some(1), "T0"),
        },
        Case {
            name: "an unknown course",
            make: |d| locks(d, "T01,B1-UTR-09,,,gives\n"),
            want: err("E306", "locks.csv", Some(2), Some(2), ""),
        },
        Case {
            name: "a slot the course does not meet in",
            make: |d| locks(d, "T01,B1-UTR-01,tue-morning,,gives\n"),
            want: err(
                "E411",
                "locks.csv",
                Some(2),
                Some(3),
                "mon-morning, wed-morning",
            ),
        },
        Case {
            name: "a slot that is not DAY-BLOCK",
            make: |d| locks(d, "T01,B1-UTR-01,monday,,gives\n"),
            want: err("E208", "locks.csv", Some(2), Some(3), "DAY-BLOCK"),
        },
        Case {
            name: "two slots in one lock",
            make: |d| locks(d, "T01,B1-UTR-01,mon-morning;wed-morning,,gives\n"),
            want: err("E208", "locks.csv", Some(2), Some(3), "one row per slot"),
        },
        Case {
            name: "a Tuesday for a course on Mondays and Wednesdays",
            make: |d| locks(d, "T01,B1-UTR-01,,2025-09-02,gives\n"),
            want: err("E412", "locks.csv", Some(2), Some(4), "leave date empty"),
        },
        Case {
            name: "a Monday in the autumn holiday",
            make: |d| locks(d, "T01,B1-UTR-01,mon-morning,2025-10-20,never\n"),
            want: err("E412", "locks.csv", Some(2), Some(4), "closed day"),
        },
        Case {
            name: "a date after the term",
            make: |d| locks(d, "T01,B1-UTR-01,,2026-01-05,gives\n"),
            want: err("E412", "locks.csv", Some(2), Some(4), ""),
        },
        Case {
            name: "a date that is not ISO",
            make: |d| locks(d, "T01,B1-UTR-01,,1/9/2025,gives\n"),
            want: err("E202", "locks.csv", Some(2), Some(4), ""),
        },
        Case {
            name: "a rule that is neither gives nor never",
            make: |d| locks(d, "T01,B1-UTR-01,,,always\n"),
            want: err("E210", "locks.csv", Some(2), Some(5), "gives"),
        },
        Case {
            name: "an empty rule",
            make: |d| locks(d, "T01,B1-UTR-01,,,\n"),
            want: err("E201", "locks.csv", Some(2), Some(5), ""),
        },
        Case {
            name: "a teacher of Amersfoort locked to give a course in Utrecht",
            make: |d| locks(d, "T06,B1-UTR-01,,,gives\n"),
            want: err(
                "E413",
                "locks.csv",
                Some(2),
                Some(1),
                "lock a teacher who can",
            ),
        },
        Case {
            name: "a teacher locked to give a lesson on a day in unavailability.csv",
            make: |d| locks(d, "T04,B1-UTR-01,mon-morning,2025-11-10,gives\n"),
            want: err("E413", "locks.csv", Some(2), Some(1), "unavailability.csv"),
        },
        Case {
            name: "a teacher locked to give a slot they are not available in",
            make: |d| locks(d, "T01,KNM-UTR-01,,,gives\n"),
            want: err("E413", "locks.csv", Some(2), Some(1), ""),
        },
        Case {
            name: "two teachers locked to give the same lesson",
            make: |d| {
                locks(
                    d,
                    "T01,B1-UTR-01,mon-morning,,gives\nT04,B1-UTR-01,,2025-09-08,gives\n",
                )
            },
            want: err("E414", "locks.csv", Some(3), Some(1), "keep one of the two"),
        },
        Case {
            name: "one teacher locked to give and never to give the same lesson",
            make: |d| {
                locks(
                    d,
                    "T01,B1-UTR-01,,,never\nT01,B1-UTR-01,wed-morning,,gives\n",
                )
            },
            want: err("E414", "locks.csv", Some(3), Some(1), "narrow them"),
        },
        Case {
            name: "an unknown column",
            make: |d| {
                std::fs::write(
                    d.join("locks.csv"),
                    "teacher,course_code,slot,date,rule,note\nT01,B1-UTR-01,,,gives,x\n",
                )
                .expect("write")
            },
            want: err("E105", "locks.csv", Some(1), Some(6), ""),
        },
        Case {
            name: "a header only",
            make: |d| locks(d, ""),
            want: Want::SameAsDemo,
        },
    ]);
}

/// Every bad row of a file is reported in one run, and the same lock twice is a warning
/// (W505) that leaves the instance usable.
#[test]
fn every_bad_lock_is_reported_at_once_and_a_repeat_is_w505() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    locks(
        dir.path(),
        "T99,B1-UTR-01,,,gives\nT01,B1-UTR-01,tue-morning,,gives\nT01,B1-UTR-01,,,sometimes\n",
    );
    let (exit, got) = validate_json(dir.path());
    assert_eq!(exit, Some(2));
    let codes: Vec<&str> = got["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for code in ["E305", "E411", "E210"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }

    locks(
        dir.path(),
        "T01,B1-UTR-01,mon-morning,,gives\nT01,B1-UTR-01,mon-morning,,gives\n",
    );
    let (exit, got) = validate_json(dir.path());
    assert_eq!(exit, Some(0), "{got}");
    let w505: Vec<_> = got["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "W505")
        .collect();
    assert_eq!(w505.len(), 1, "{got}");
    assert_eq!(w505[0]["line"], 3);
}
