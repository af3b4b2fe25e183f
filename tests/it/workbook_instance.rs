//! Issue 17, part 2 (its start): an `.xlsx` workbook is an instance. The demo written as a
//! workbook (with rust_xlsxwriter, dates and numbers as Excel stores them) loads as the
//! same instance as the folder, and a problem names the workbook, the sheet and the cell.

use crate::support::{demo, load_demo, nt2plan, stdout};

use nt2plan::diag::Code;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use std::path::{Path, PathBuf};

/// The demo's school.toml as `key | value` rows (dates as Excel dates, numbers as numbers).
enum Value {
    Text(&'static str),
    Date(u16, u8, u8),
    Number(f64),
}

const SCHOOL: &[(&str, Value)] = &[
    ("name", Value::Text("Taalschool De Brug")),
    ("bow_number", Value::Text("BOW-12345")),
    ("main_location", Value::Text("Utrecht")),
    ("locations", Value::Text("[\"Utrecht\", \"Amersfoort\"]")),
    ("rules", Value::Text("addendum-2025")),
    ("term_start", Value::Date(2025, 9, 1)),
    ("term_end", Value::Date(2025, 12, 19)),
    ("observations_per_teacher", Value::Number(2.0)),
    (
        "closed",
        Value::Text(
            "[{ from = \"2025-10-20\", to = \"2025-10-24\", reason = \"herfstvakantie\" }]",
        ),
    ),
    ("blocks.morning", Value::Text("09:00-12:00")),
    ("blocks.afternoon", Value::Text("13:00-16:00")),
    ("blocks.evening", Value::Text("18:30-21:30")),
    ("profiles.B1-route", Value::Text("NT2/B1")),
    ("profiles.Z-route", Value::Text("Alfabetisering/Z-route")),
    (
        "profiles.Alfabetisering",
        Value::Text("Alfabetisering/Z-route"),
    ),
    ("profiles.ONA-KNM", Value::Text("ONA/KNM")),
];

/// Each demo CSV file with the sheet name it gets: Dutch, and one English.
const SHEETS: &[(&str, &str)] = &[
    ("teachers.csv", "Docenten"),
    ("groups.csv", "Groepen"),
    ("students.csv", "Cursisten"),
    ("mentors.csv", "Mentoren"),
    ("unavailability.csv", "Afwezigheid"),
    ("locks.csv", "locks"),
];

fn date_format() -> Format {
    Format::new().set_num_format("dd-mm-yyyy")
}

/// A cell as a planner's Excel holds it: ISO dates as dates, whole numbers as numbers.
fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, text: &str) {
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    if let Some(d) = date {
        use chrono::Datelike;
        let excel =
            ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).expect("date");
        sheet
            .write_datetime_with_format(row, col, &excel, &date_format())
            .expect("write date");
    } else if let Ok(n) = text.parse::<u32>()
        && !text.starts_with('0')
    {
        sheet
            .write_number(row, col, f64::from(n))
            .expect("write number");
    } else if !text.is_empty() {
        sheet.write_string(row, col, text).expect("write text");
    }
}

/// Writes the demo as `dir/demo.xlsx`, with `edit(sheet, row, col, text)` changing cells.
fn demo_workbook(dir: &Path, edit: impl Fn(&str, u32, u16, String) -> String) -> PathBuf {
    let mut book = Workbook::new();
    let school = book.add_worksheet().set_name("School").expect("name");
    school.write_string(0, 0, "sleutel").expect("header");
    school.write_string(0, 1, "waarde").expect("header");
    for (i, (key, value)) in SCHOOL.iter().enumerate() {
        let row = i as u32 + 1;
        school.write_string(row, 0, *key).expect("key");
        match value {
            Value::Text(t) => school.write_string(row, 1, *t).map(|_| ()),
            Value::Number(n) => school.write_number(row, 1, *n).map(|_| ()),
            Value::Date(y, m, d) => {
                let excel = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
                school
                    .write_datetime_with_format(row, 1, &excel, &date_format())
                    .map(|_| ())
            }
        }
        .expect("value");
    }
    for (file, name) in SHEETS {
        let sheet = book.add_worksheet().set_name(*name).expect("name");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(demo().join(file))
            .expect("demo file");
        for (r, record) in reader.records().enumerate() {
            for (c, cell) in record.expect("row").iter().enumerate() {
                let text = edit(name, r as u32 + 1, c as u16 + 1, cell.to_string());
                write_cell(sheet, r as u32, c as u16, &text);
            }
        }
    }
    let path = dir.join("demo.xlsx");
    book.save(&path).expect("save workbook");
    path
}

#[test]
fn the_demo_as_a_workbook_loads_as_the_demo_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = demo_workbook(dir.path(), |_, _, _, text| text);
    let loaded = nt2plan::validate::load_instance(&path, None)
        .unwrap_or_else(|d| panic!("the workbook loads: {:#?}", d.0));
    let (demo, rules) = load_demo();
    assert_eq!(loaded.value.instance, demo);
    assert_eq!(loaded.value.rules, rules);
    // The two students who fit no group (W502), at their cells in the Cursisten sheet.
    let places: Vec<_> = loaded
        .warnings
        .iter()
        .map(|d| (d.code(), d.file.as_str(), d.cell.as_deref(), d.line))
        .collect();
    assert_eq!(
        places,
        [
            (
                Code::StudentFitsNoGroup,
                "demo.xlsx",
                Some("Cursisten!A121"),
                Some(121)
            ),
            (
                Code::StudentFitsNoGroup,
                "demo.xlsx",
                Some("Cursisten!A122"),
                Some(122)
            ),
        ]
    );
    let out = nt2plan(["validate", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // The hand-made schedule of the demo folder is judged the same against the workbook.
    let schedule = crate::support::demo_schedule().display().to_string();
    let out = nt2plan(["check", &path.display().to_string(), &schedule]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn a_broken_workbook_names_the_sheet_and_the_cell_of_each_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = demo_workbook(dir.path(), |sheet, row, col, text| {
        match (sheet, row, col) {
            ("Docenten", 3, 3) => "bogus".into(),
            ("Groepen", 4, 1) => "B1-UTR-01".into(), // a duplicate course code
            ("Afwezigheid", 2, 2) => "31-02-2025".into(),
            _ => text,
        }
    });
    let Err(problems) = nt2plan::validate::load_instance(&path, None) else {
        panic!("the broken workbook is refused");
    };
    let found: Vec<_> = problems
        .iter()
        .map(|d| {
            (
                d.code(),
                d.file.as_str(),
                d.cell.as_deref(),
                d.line,
                d.column,
            )
        })
        .collect();
    for want in [
        (
            Code::BadRegister,
            "demo.xlsx",
            Some("Docenten!C3"),
            Some(3),
            Some(3),
        ),
        (
            Code::DuplicateId,
            "demo.xlsx",
            Some("Groepen!A4"),
            Some(4),
            Some(1),
        ),
        (
            Code::BadDate,
            "demo.xlsx",
            Some("Afwezigheid!B2"),
            Some(2),
            Some(2),
        ),
    ] {
        assert!(found.contains(&want), "{want:?} not in {found:#?}");
    }
    let out = nt2plan(["validate", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("demo.xlsx:3:3, Docenten!C3 (register)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_workbook_without_a_required_sheet_is_e101_naming_the_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Notities").expect("name");
    let path = dir.path().join("leeg.xlsx");
    book.save(&path).expect("save");
    let Err(problems) = nt2plan::validate::load_instance(&path, None) else {
        panic!("an empty workbook is refused");
    };
    let missing: Vec<&str> = problems
        .iter()
        .filter(|d| d.code() == Code::FileMissing)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        missing,
        [
            "leeg.xlsx has no sheet Cursisten (for students.csv)",
            "leeg.xlsx has no sheet Docenten (for teachers.csv)",
            "leeg.xlsx has no sheet Groepen (for groups.csv)",
            "leeg.xlsx has no sheet School (for school.toml)",
        ]
    );
    std::fs::write(dir.path().join("kapot.xlsx"), b"not a zip").expect("write");
    let Err(problems) = nt2plan::validate::load_instance(&dir.path().join("kapot.xlsx"), None)
    else {
        panic!("a file that is no workbook is refused");
    };
    assert_eq!(problems.0[0].code(), Code::FileUnreadable);
}
