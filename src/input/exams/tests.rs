use super::*;
use crate::diag::Code;

const FILE: &str = "data/uitslagen.csv";

fn problems(text: &str) -> Diagnostics {
    match load_bytes(FILE, text.as_bytes()) {
        Ok(l) => panic!("expected errors, read {:?}", l.value),
        Err(d) => d,
    }
}

/// (code, line, column) of every diagnostic, all placed in [`FILE`].
fn places(ds: &Diagnostics) -> Vec<(Code, Option<u64>, Option<u64>)> {
    assert!(ds.iter().all(|d| d.file == FILE), "{ds:?}");
    ds.iter().map(|d| (d.code(), d.line, d.column)).collect()
}

#[test]
fn a_dutch_excel_export_is_read() {
    let text = "\u{feff}Student;Law;Profile;Exam_date;Passed\r\n\
                S001 ; Wi2013 ; B1-route ; 2023-06-12 ; ja\r\n\
                S002;wi2021;Z-route;2024-09-01;nee\r\n\
                ;;;;\r\n\r\n";
    let loaded = load_bytes(FILE, text.as_bytes()).expect("reads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let r = &loaded.value;
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].student.as_str(), "S001");
    assert_eq!(r[0].law, Law::Wi2013);
    assert_eq!(r[0].profile.as_str(), "B1-route");
    assert_eq!(r[0].date.to_string(), "2023-06-12");
    assert!(r[0].passed);
    assert_eq!((r[1].law, r[1].passed), (Law::Wi2021, false));
}

#[test]
fn a_header_alone_is_no_results_and_no_problem() {
    let loaded = load_bytes(FILE, b"student,law,profile,exam_date,passed\n").expect("reads");
    assert!(loaded.value.is_empty());
    assert!(loaded.warnings.is_empty());
}

#[test]
fn bad_rows_are_all_reported_with_code_file_line_and_column() {
    let ds = problems(
        "student,law,profile,exam_date,passed\n\
         S1,wi2013,B1-route,2024-03-01,yes\n\
         S2,wi2014,B1-route,12/03/2024,yes\n\
         S3,wi2021,B1-route,2024-03-01,maybe\n\
         ,wi2021,,2024-03-01,\n\
         S5,wi2021,B1-route\n",
    );
    assert_eq!(
        places(&ds),
        vec![
            (Code::BadLaw, Some(3), Some(2)),
            (Code::BadDate, Some(3), Some(4)),
            (Code::BadYesNo, Some(4), Some(5)),
            (Code::ValueEmpty, Some(5), Some(1)),
            (Code::ValueEmpty, Some(5), Some(3)),
            (Code::ValueEmpty, Some(5), Some(5)),
            (Code::CsvSyntax, Some(6), None),
        ]
    );
    assert!(!ds.0[2].fix.contains("empty"), "{:?}", ds.0[2]);
    let date = &ds.0[1];
    assert!(date.fix.contains("2024-03-12"), "{date}");
    assert!(
        date.to_string()
            .contains("--> data/uitslagen.csv:3:4 (exam_date)")
    );
}

#[test]
fn the_same_exam_twice_is_e309_at_the_second_row() {
    let ds = problems(
        "student,law,profile,exam_date,passed\n\
         S1,wi2013,B1-route,2024-03-01,yes\n\
         S1,wi2013,Z-route,2024-03-01,yes\n\
         S1,wi2013,B1-route,2024-03-02,no\n\
         S1,wi2013,B1-route,2024-03-01,no\n",
    );
    assert_eq!(places(&ds), vec![(Code::DuplicateId, Some(5), Some(1))]);
    assert!(ds.0[0].fix.contains("line 2"), "{:?}", ds.0[0]);
}

#[test]
fn header_problems_name_the_file_as_given() {
    let ds = problems("student;law;profile;date;passed;name\r\nS1;wi2013;B1;2024-03-01;yes;x\r\n");
    let codes: Vec<Code> = ds.iter().map(|d| d.code()).collect();
    assert_eq!(
        codes,
        vec![
            Code::ColumnMissing,
            Code::ColumnUnknown,
            Code::ColumnUnknown
        ]
    );
    assert!(
        ds.iter().all(|d| !d.message.contains("exams.csv")),
        "{ds:?}"
    );
    assert!(ds.0[1].message.contains(FILE), "{:?}", ds.0[1]);

    let empty = problems("");
    assert_eq!(places(&empty), vec![(Code::FileEmpty, None, None)]);
    assert!(empty.0[0].message.contains(FILE));
}

#[test]
fn a_missing_file_is_e101_and_a_folder_is_e102() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("none.csv");
    let ds = load(&missing).expect_err("missing");
    assert_eq!(ds.0.len(), 1);
    assert_eq!(ds.0[0].code(), Code::FileMissing);
    assert_eq!(ds.0[0].file, missing.display().to_string());
    let ds = load(dir.path()).expect_err("a folder");
    assert_eq!(ds.0[0].code(), Code::FileUnreadable);
}

#[test]
fn a_file_on_disk_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("exams.csv");
    std::fs::write(
        &path,
        "student,law,profile,exam_date,passed\nS1,wi2021,B1-route,2024-03-01,yes\n",
    )
    .expect("write");
    let loaded = load(&path).expect("reads");
    assert_eq!(loaded.value.len(), 1);
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Any cell in any column gives results or diagnostics, never a panic.
        #[test]
        fn any_cell_value_is_read_or_reported(
            cell in "(\\PC){0,30}|0000-01-01|9999-12-31|WI2013|Ja|NEE",
            col in 0usize..5,
        ) {
            let mut cells = ["S1", "wi2013", "B1-route", "2024-03-01", "yes"].map(String::from);
            cells[col] = format!("\"{}\"", cell.replace('"', "\"\""));
            let text = format!("student,law,profile,exam_date,passed\n{}\n", cells.join(","));
            if let Err(ds) = load_bytes(FILE, text.as_bytes()) {
                prop_assert!(ds.has_errors());
                prop_assert!(ds.iter().all(|d| d.file == FILE && d.line == Some(2)));
            }
        }
    }
}
