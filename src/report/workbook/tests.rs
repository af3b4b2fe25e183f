//! The workbook read back: with calamine for the cells, and as a zip for the parts calamine
//! does not show (autofilter, frozen pane, creation date, entry timestamps).

use super::*;
use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use std::io::{Cursor, Read};

struct Demo {
    instance: Instance,
    schedule: Schedule,
    report: CheckReport,
}

fn demo() -> Demo {
    let (instance, _, schedule, report) = crate::testing::demo();
    Demo {
        instance,
        schedule,
        report,
    }
}

fn build(d: &Demo, lang: Lang) -> Vec<u8> {
    timetable_xlsx(&d.instance, &d.schedule, &d.report, lang).expect("the workbook")
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("calamine opens it")
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    open(bytes).worksheet_range(name).expect("the sheet")
}

fn header(range: &Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default()
}

/// The data rows whose first cell is `first`.
fn rows_starting<'a>(range: &'a Range<Data>, first: &str) -> Vec<&'a [Data]> {
    range
        .rows()
        .filter(|r| matches!(r.first(), Some(Data::String(s)) if s == first))
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut file = archive.by_name(name).expect("the part");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("utf-8 xml");
    text
}

#[test]
fn demo_workbook_has_six_dutch_sheets_with_their_headers() {
    let d = demo();
    let bytes = build(&d, Lang::Nl);
    let names = open(&bytes).sheet_names();
    assert_eq!(
        names,
        [
            "Lessen",
            "Groepen",
            "Docenten",
            "Cursisten",
            "Observaties",
            "Naleving"
        ]
    );
    assert_eq!(
        header(&sheet(&bytes, "Lessen")),
        [
            "Datum",
            "Dag",
            "Tijd",
            "Cursuscode",
            "Locatie",
            "Leerprofiel",
            "Docent-id",
            "Docent",
            "Gecertificeerd"
        ]
    );
    assert_eq!(
        header(&sheet(&bytes, "Groepen")),
        [
            "Cursuscode",
            "Locatie",
            "Leerprofiel",
            "Grootteklasse",
            "Grootte",
            "Standaard max",
            "Tijdelijk max",
            "Status"
        ]
    );
    assert_eq!(
        header(&sheet(&bytes, "Docenten")),
        [
            "Id",
            "Naam",
            "Register",
            "Gecertificeerd",
            "Lessen gegeven",
            "Mentor"
        ]
    );
    assert_eq!(
        header(&sheet(&bytes, "Cursisten")),
        ["Id", "Leerprofiel", "Groep", "Waarom geen plaats"]
    );
    assert_eq!(
        header(&sheet(&bytes, "Naleving"))[..3],
        ["Onderdeel", "Onderwerp", "Waarde"]
    );
    let english = build(&d, Lang::En);
    assert_eq!(
        open(&english).sheet_names(),
        [
            "Lessons",
            "Groups",
            "Teachers",
            "Students",
            "Observations",
            "Compliance"
        ]
    );
}

#[test]
fn one_lesson_row_per_timetable_row_with_real_excel_dates() {
    let d = demo();
    let bytes = build(&d, Lang::Nl);
    let lessons = sheet(&bytes, "Lessen");
    assert_eq!(lessons.height(), 1 + d.schedule.timetable.len());
    let first = lessons.rows().nth(1).expect("a lesson");
    let Data::DateTime(date) = &first[0] else {
        panic!("the date is an Excel date, not {:?}", first[0]);
    };
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("Excel's epoch");
    let term_start = d.instance.school.term_start;
    assert_eq!(date.as_f64(), (term_start - epoch).num_days() as f64);
    assert_eq!(first[1].to_string(), "maandag");
    assert_eq!(first[2].to_string(), "09:00-12:00");
    let teachers = sheet(&bytes, "Docenten");
    let t04 = rows_starting(&teachers, "T04");
    assert_eq!(t04.len(), 1);
    let given = d
        .schedule
        .timetable
        .iter()
        .filter(|r| r.teacher.as_ref().is_some_and(|t| t.as_str() == "T04"))
        .count();
    assert_eq!(t04[0][4], Data::Float(given as f64));
    assert_eq!(t04[0][3].to_string(), "ja");
}

#[test]
fn compliance_sheet_shows_the_check_reports_numbers() {
    let d = demo();
    let bytes = build(&d, Lang::Nl);
    let naleving = sheet(&bytes, "Naleving");
    let t = &d.report.totals;
    let share = rows_starting(&naleving, "Aandeel gecertificeerd");
    assert_eq!(share.len(), 1);
    assert_eq!(share[0][2].to_string(), t.certified_share.percent);
    assert_eq!(share[0][3], Data::Float(t.certified_lessons as f64));
    assert_eq!(share[0][4], Data::Float(t.lessons_given as f64));
    let minimum = rows_starting(&naleving, "Minimum (regelset)");
    assert_eq!(minimum[0][2].to_string(), "60%");
    assert_eq!(minimum[0][3], Data::Float(t.min_certified_lessons as f64));
    let aim = rows_starting(&naleving, "Streven");
    assert_eq!(aim[0][2].to_string(), "80%");
    assert_eq!(aim[0][3], Data::Float(t.target_certified_lessons as f64));
    let courses = rows_starting(&naleving, "Gecertificeerde lessen per cursus");
    assert_eq!(courses.len(), d.report.courses.len());
    for (row, course) in courses.iter().zip(&d.report.courses) {
        assert_eq!(row[1].to_string(), course.course_code.as_str());
        assert_eq!(row[3], Data::Float(course.certified_lessons as f64));
    }
    let findings = rows_starting(&naleving, "Bevinding");
    assert_eq!(findings.len(), d.report.findings.len());
    for (row, finding) in findings.iter().zip(&d.report.findings) {
        assert_eq!(row[5].to_string(), Lang::Nl.norm(finding.norm()));
        assert_eq!(row[6].to_string(), finding.code().as_str());
    }
    let rules = rows_starting(&naleving, "Regelset");
    assert_eq!(rules[0][1].to_string(), d.report.rules.name);
    assert_eq!(
        rules[0][7].to_string(),
        "geldig van 2025-01-01 t/m 2025-12-31"
    );
    let english = build(&d, Lang::En);
    let compliance = sheet(&english, "Compliance");
    let share = rows_starting(&compliance, "Certified share");
    assert_eq!(share[0][3], Data::Float(t.certified_lessons as f64));
    let groups = sheet_rows(&bytes, "Groepen");
    assert_eq!(groups, d.report.groups.len());
}

fn sheet_rows(bytes: &[u8], name: &str) -> usize {
    sheet(bytes, name).height() - 1
}

#[test]
fn students_sheet_holds_ids_profiles_groups_and_why_a_student_has_no_place_only() {
    let d = demo();
    let bytes = build(&d, Lang::Nl);
    let students = sheet(&bytes, "Cursisten");
    assert_eq!(students.height(), 1 + d.instance.students.len());
    assert_eq!(students.width(), 4);
    // Every student the checker lists without a place has its reason in the last column.
    assert!(!d.report.who_pays.students.is_empty());
    for s in &d.report.who_pays.students {
        let row = rows_starting(&students, s.student.as_str());
        let reason = crate::report::who_pays_text::reason(&s.reason, Lang::Nl);
        assert_eq!(row[0][3].to_string(), reason);
    }
    let placed = d
        .schedule
        .placements
        .iter()
        .find(|p| p.course_code.is_some());
    let placed = placed.expect("the demo places students");
    let row = rows_starting(&students, placed.student.as_str());
    let code = placed.course_code.as_ref().map(|c| c.as_str());
    assert_eq!(row[0][2].to_string(), code.unwrap_or_default());
}

/// Columns covered by `<col min=".." max=".." width=".."/>` (equal neighbours share one).
fn columns_with_width(xml: &str) -> usize {
    let attr = |col: &str, name: &str| -> usize {
        col.split(&format!(" {name}=\"")[..])
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    xml.split("<col ")
        .skip(1)
        .filter(|col| col.contains("width="))
        .map(|col| {
            let col = format!(" {col}");
            attr(&col, "max") + 1 - attr(&col, "min")
        })
        .sum()
}

#[test]
fn every_sheet_has_a_bold_header_an_autofilter_and_a_frozen_top_row() {
    let d = demo();
    let bytes = build(&d, Lang::Nl);
    let widths = [9, 8, 6, 4, 5, 8];
    for (i, columns) in widths.iter().enumerate() {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{}.xml", i + 1));
        assert!(xml.contains("<autoFilter ref=\"A1:"), "sheet {}", i + 1);
        assert!(xml.contains("state=\"frozen\"") && xml.contains("ySplit=\"1\""));
        assert_eq!(columns_with_width(&xml), *columns, "sheet {}", i + 1);
    }
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "a bold font for the headers");
    assert!(styles.contains("formatCode=\"yyyy-mm-dd\""));
}

#[test]
fn the_same_input_gives_byte_identical_workbooks() {
    let d = demo();
    let first = build(&d, Lang::Nl);
    // Past a second boundary: a wall-clock creation date would differ now.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = build(&d, Lang::Nl);
    assert!(first == second, "two runs differ");
    let core = part(&first, "docProps/core.xml");
    assert!(
        core.contains(">2025-09-01T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    let mut archive = zip::ZipArchive::new(Cursor::new(first.as_slice())).expect("a zip");
    for i in 0..archive.len() {
        let file = archive.by_index(i).expect("an entry");
        let stamp = file.last_modified().expect("a timestamp");
        assert_eq!(
            (stamp.year(), stamp.month(), stamp.day()),
            (1980, 1, 1),
            "{}",
            file.name()
        );
    }
}

#[test]
fn formulas_in_names_stay_text() {
    let mut d = demo();
    let evil = "=HYPERLINK(\"x\")";
    if let Some(t) = d
        .instance
        .teachers
        .iter_mut()
        .find(|t| t.id.as_str() == "T04")
    {
        t.name = evil.to_string();
    }
    let bytes = build(&d, Lang::Nl);
    let teachers = sheet(&bytes, "Docenten");
    let t04 = rows_starting(&teachers, "T04");
    assert_eq!(t04[0][1], Data::String(format!("'{evil}")));
    let lessons = sheet(&bytes, "Lessen");
    assert!(
        lessons
            .rows()
            .any(|r| r[7] == Data::String(format!("'{evil}")))
    );
    let mut book = open(&bytes);
    for name in ["Lessen", "Docenten"] {
        let formulas = book.worksheet_formula(name).expect("formulas");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula in {name}"
        );
    }
}

#[test]
fn with_rooms_the_lessons_sheet_has_a_room_column_after_the_location() {
    let mut d = demo();
    let plain = header(&sheet(&build(&d, Lang::Nl), "Lessen"));
    assert!(!plain.iter().any(|h| h == "Lokaal"), "{plain:?}");
    d.instance.rooms.push(crate::domain::Room {
        id: crate::domain::RoomId::new("UTR-1.01"),
        location: crate::domain::Location::new("Utrecht"),
        capacity: 25,
        available: Default::default(),
    });
    for r in &mut d.schedule.timetable {
        r.room = Some(crate::domain::RoomId::new("UTR-1.01"));
    }
    let lessons = sheet(&build(&d, Lang::Nl), "Lessen");
    let with = header(&lessons);
    assert_eq!(with[4..6], ["Locatie".to_string(), "Lokaal".to_string()]);
    let first = lessons.rows().nth(1).expect("a lesson");
    assert_eq!(first[5].to_string(), "UTR-1.01");
}

/// The room column of a school with rooms reads back from the workbook as `check` reads a
/// schedule workbook: every lesson keeps its room.
#[test]
fn with_rooms_a_schedule_read_back_from_the_workbook_keeps_every_room() {
    let mut d = demo();
    d.instance.rooms.push(crate::domain::Room {
        id: crate::domain::RoomId::new("UTR-1.01"),
        location: crate::domain::Location::new("Utrecht"),
        capacity: 25,
        available: Default::default(),
    });
    for r in &mut d.schedule.timetable {
        r.room = Some(crate::domain::RoomId::new("UTR-1.01"));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("timetable.xlsx");
    std::fs::write(&path, build(&d, Lang::Nl)).expect("write");
    let mut diags = crate::diag::Diagnostics::default();
    let (lines, _) = crate::input::workbook::schedule::read(&path, &mut diags);
    assert!(diags.0.is_empty(), "{diags:?}");
    assert_eq!(lines.timetable.rows.len(), d.schedule.timetable.len());
    assert!(
        lines
            .timetable
            .rows
            .iter()
            .all(|l| l.room.text == "UTR-1.01" && l.room.column.is_some())
    );
}

#[test]
fn the_norm_column_is_dutch_in_a_dutch_workbook_and_english_in_an_english_one() {
    use crate::check::{Finding, SubjectKind};
    use crate::diag::FindingCode;
    let mut d = demo();
    d.report.findings.push(Finding::new(
        FindingCode::MentorMissing,
        SubjectKind::Teacher,
        "T9",
        "teacher T9 teaches without a mentor",
    ));
    let naleving = sheet(&build(&d, Lang::Nl), "Naleving");
    let norms: Vec<String> = rows_starting(&naleving, "Bevinding")
        .iter()
        .map(|r| r[5].to_string())
        .collect();
    assert!(norms.iter().any(|n| n == "begeleiding"), "{norms:?}");
    assert!(!norms.iter().any(|n| n == "supervision"), "{norms:?}");
    let compliance = sheet(&build(&d, Lang::En), "Compliance");
    let norms: Vec<String> = rows_starting(&compliance, "Finding")
        .iter()
        .map(|r| r[5].to_string())
        .collect();
    assert!(norms.iter().any(|n| n == "supervision"), "{norms:?}");
}
