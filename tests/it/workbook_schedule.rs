//! Issue 17, part 2 (its end): a schedule can be a workbook. The `timetable.xlsx` that
//! `report` writes is read back by `check` as the schedule it shows; a planner's edit in it
//! is judged, and a problem in it names the sheet and the cell.

use crate::support::{demo, demo_schedule, nt2plan, stderr, stdout};
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};

/// Writes `report`'s timetable.xlsx of the demo schedule into `dir`.
fn report_workbook(dir: &Path) -> PathBuf {
    let out = dir.join("report");
    let o = nt2plan([
        "report".as_ref(),
        demo().as_os_str(),
        demo_schedule().as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    out.join("timetable.xlsx")
}

/// A copy of the workbook at `from` as a planner's Excel saves it after an edit: every
/// cell as it was (dates as dates), except the one `edit(sheet, row, column, text)` (all
/// 0-based) changes.
fn edited_copy(
    from: &Path,
    to: &Path,
    edit: impl Fn(&str, u32, u16, &str) -> Option<String>,
) -> PathBuf {
    let mut source: Xlsx<_> = calamine::open_workbook(from).expect("open");
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    for name in source.sheet_names() {
        let range = source.worksheet_range(&name).expect("sheet");
        let sheet = book.add_worksheet().set_name(&name).expect("name");
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some(text) = edit(&name, r, c, &cell.to_string()) {
                    sheet.write_string(r, c, text).expect("edit");
                    continue;
                }
                match cell {
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        let excel = ExcelDateTime::from_ymd(y, m, day).expect("date");
                        sheet
                            .write_datetime_with_format(r, c, &excel, &date)
                            .expect("date");
                    }
                    Data::Float(f) => {
                        sheet.write_number(r, c, *f).expect("number");
                    }
                    Data::Int(i) => {
                        sheet.write_number(r, c, *i as f64).expect("number");
                    }
                    Data::Empty => {}
                    other => {
                        sheet.write_string(r, c, other.to_string()).expect("text");
                    }
                }
            }
        }
    }
    book.save(to).expect("save");
    to.to_path_buf()
}

fn check(schedule: &Path) -> std::process::Output {
    nt2plan(["check".as_ref(), demo().as_os_str(), schedule.as_os_str()])
}

#[test]
fn check_reads_the_report_workbook_as_the_schedule_it_shows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = report_workbook(dir.path());
    // Unedited, and copied as Excel would save it: judged exactly as the folder.
    let copy = edited_copy(&book, &dir.path().join("copy.xlsx"), |_, _, _, _| None);
    let folder = check(&demo_schedule());
    for workbook in [&book, &copy] {
        let out = check(workbook);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out), stdout(&folder));
    }
}

#[test]
fn check_judges_a_teacher_changed_in_the_lessons_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = report_workbook(dir.path());
    // Row 2 of Lessen is the first lesson: B1-UTR-01 on Monday 2025-09-01 morning, given by
    // T04. T03 teaches only Z-route and Alfabetisering (teachers.csv) and gives two lessons
    // a week already in week 36 (their maximum): the edit is C146 (not qualified for
    // B1-route) and C149 (3 lessons in 2025-W36), so the schedule is not compliant.
    let edited = edited_copy(
        &book,
        &dir.path().join("edited.xlsx"),
        |sheet, r, c, text| {
            if sheet == "Lessen" && r == 1 && c == 6 {
                assert_eq!(text, "T04", "the first lesson's teacher");
                return Some("T03".into());
            }
            if sheet == "Lessen" && r == 1 && c == 3 {
                assert_eq!(text, "B1-UTR-01", "the first lesson's course");
            }
            None
        },
    );
    let out = check(&edited);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "violation[C146] teacher T03 gives 1 lesson(s) of course B1-UTR-01 (profile B1-route)"
        ),
        "{text}"
    );
    assert!(text.contains("violation[C149] teacher T03"), "{text}");
}

#[test]
fn an_unknown_teacher_in_the_workbook_is_e305_at_its_cell() {
    let dir = tempfile::tempdir().expect("temp dir");
    let book = report_workbook(dir.path());
    // Lessen!G5 is the teacher of the fourth lesson; Cursisten!C3 the group of S0002.
    let edited = edited_copy(
        &book,
        &dir.path().join("edited.xlsx"),
        |sheet, r, c, _| match (sheet, r, c) {
            ("Lessen", 4, 6) => Some("T99".into()),
            ("Cursisten", 2, 2) => Some("B1-XXX-01".into()),
            _ => None,
        },
    );
    let out = check(&edited);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let text = stderr(&out);
    assert!(text.contains("error[E305]"), "{text}");
    assert!(
        text.contains("edited.xlsx:5:7, Lessen!G5 (teacher)"),
        "{text}"
    );
    assert!(
        text.contains("edited.xlsx:3:3, Cursisten!C3 (course_code)"),
        "{text}"
    );
}

#[test]
fn a_workbook_without_its_lessons_sheet_is_e101_naming_the_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Blad1").expect("name");
    book.save(&path).expect("save");
    let out = check(&path);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("error[E101]"), "{text}");
    assert!(
        text.contains("has no sheet Lessen (for timetable.csv)"),
        "{text}"
    );
}
