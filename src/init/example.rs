//! The example `init` writes: one row per sheet that together make a tiny school which
//! validates and solves, so a planner sees what a filled-in row looks like and can run
//! `nt2plan solve` on it at once.
//!
//! One location (Utrecht), two blocks, one profile; teacher T01 (certified, BVNT2) gives the
//! one group B1-01 on Monday and Wednesday mornings for the four weeks of January 2027;
//! student S0001 is placed in it. T01 is away on Friday 15 January (no lessons then), the
//! lock says T01 gives B1-01, the external mentor M01 waits for a non-certified teacher, and
//! the group meets in room UTR-1.01 (20 seats).

use super::{Lists, Start, TableText, school_rows};
use crate::input;

const SCHOOL_TOML: &str = r#"# Voorbeeldschool van nt2plan init: vervang de gegevens door die van uw school.
name = "Taalschool Voorbeeld"
bow_number = "BOW-00000"
main_location = "Utrecht"
locations = ["Utrecht"]
rules = "handleiding-2024"
term_start = "2027-01-04"
term_end = "2027-01-29"

[blocks]
morning = "09:00-12:00"
afternoon = "13:00-16:00"

[profiles]
"B1-route" = "NT2/B1"
"#;

fn table(file: &'static str, columns: &[&'static str], row: &[&str]) -> TableText {
    TableText {
        file,
        columns: columns.to_vec(),
        rows: vec![row.iter().map(|c| c.to_string()).collect()],
    }
}

/// The example school.
pub fn example() -> Start {
    let school = school_rows(input::school::FILE, SCHOOL_TOML).unwrap_or_default();
    let tables = vec![
        table(
            input::teachers::SPEC.file,
            input::teachers::SPEC.required,
            &[
                "T01",
                "Anna de Vries",
                "bvnt2",
                "Utrecht",
                "B1-route",
                "4",
                "*",
                "0",
            ],
        ),
        table(
            input::groups::SPEC.file,
            input::groups::SPEC.required,
            &[
                "B1-01",
                "Utrecht",
                "B1-route",
                "wi2021",
                "ma-morning;wo-morning",
                "",
                "",
                "nee",
                "",
            ],
        ),
        table(
            input::students::SPEC.file,
            input::students::SPEC.required,
            &["S0001", "B1-route", "wi2021", "Utrecht", "*", "B1-01"],
        ),
        table(
            input::mentors::SPEC.file,
            input::mentors::SPEC.required,
            &["M01", "Marieke Hoekstra", "1"],
        ),
        table(
            input::unavailability::SPEC.file,
            &["teacher", "from", "to", "reason"],
            &["T01", "2027-01-15", "2027-01-15", "nascholing"],
        ),
        table(
            input::locks::SPEC.file,
            &["teacher", "course_code", "slot", "date", "rule"],
            &["T01", "B1-01", "", "", "geeft"],
        ),
        table(
            input::rooms::SPEC.file,
            &["id", "location", "capacity", "available"],
            &["UTR-1.01", "Utrecht", "20", ""],
        ),
    ];
    Start {
        school_toml: SCHOOL_TOML.to_string(),
        school,
        tables,
        lists: Lists {
            locations: vec!["Utrecht".into()],
            profiles: vec!["B1-route".into()],
            blocks: vec!["morning".into(), "afternoon".into()],
        },
        extra: Vec::new(),
        created: chrono::NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default(),
    }
}
