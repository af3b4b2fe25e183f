//! Schedule folders read against the mini instance.

use super::*;

const TIMETABLE: &str = "course_code,date,start,end,location,teacher,room\n\
    UTR-B1-01,2025-09-01,09:00,12:00,Utrecht,T01,1.02\n\
    UTR-B1-01,2025-09-04,09:00,12:00,Utrecht,,1.02\n";
const PLACEMENTS: &str = "student,course_code\nS001,UTR-B1-01\nS002,\n";

fn loaded() -> LoadedInstance {
    load_instance(&mini(), None)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .value
}

fn schedule_dir(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn schedule_diags(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let l = loaded();
    let dir = schedule_dir(files);
    match load_schedule(dir.path(), &l.instance, &l.rules) {
        Ok(s) => s.warnings.0,
        Err(d) => d.0,
    }
}

#[test]
fn a_good_schedule_loads_with_extra_columns_and_without_mentoring() {
    let l = loaded();
    let dir = schedule_dir(&[("timetable.csv", TIMETABLE), ("placements.csv", PLACEMENTS)]);
    let s = load_schedule(dir.path(), &l.instance, &l.rules).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(s.warnings.is_empty());
    let s = s.value;
    assert_eq!(s.timetable.len(), 2);
    assert_eq!(s.timetable[0].time.to_string(), "09:00-12:00");
    assert_eq!(s.timetable[1].teacher, None);
    assert_eq!(s.placements[1].course_code, None);
    assert!(s.mentoring.is_empty());
    let dir = schedule_dir(&[
        ("timetable.csv", TIMETABLE),
        ("placements.csv", PLACEMENTS),
        ("mentoring.csv", "teacher,mentor\nT03,T01\nT04,M01\n"),
    ]);
    let s = load_schedule(dir.path(), &l.instance, &l.rules).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(s.value.mentoring.len(), 2);
}

#[test]
fn e101_timetable_and_placements_are_required() {
    let ds = schedule_diags(&[]);
    assert!(
        ds.iter()
            .any(|d| d.code() == Code::FileMissing && d.file == "timetable.csv")
    );
    assert!(
        ds.iter()
            .any(|d| d.code() == Code::FileMissing && d.file == "placements.csv")
    );
    assert_eq!(ds.len(), 2, "{ds:?}");
}

#[test]
fn unknown_references_in_every_file() {
    let t = "course_code,date,start,end,location,teacher\n\
        UTR-B1-1,2025-09-01,09:00,12:00,Utrecht,T01\n\
        UTR-B1-01,2025-09-01,09:00,12:00,Utrekt,T1\n";
    let p = "student,course_code\nS01,UTR-B1-01\nS001,AMF-Z01\n";
    let m = "teacher,mentor\nT3,T01\nT03,m01\n";
    let ds = schedule_diags(&[
        ("timetable.csv", t),
        ("placements.csv", p),
        ("mentoring.csv", m),
    ]);
    assert_has(&ds, Code::UnknownCourse, "timetable.csv", 2, Some(1));
    assert_has(&ds, Code::UnknownLocation, "timetable.csv", 3, Some(5));
    assert_has(&ds, Code::UnknownTeacher, "timetable.csv", 3, Some(6));
    assert_has(&ds, Code::UnknownStudent, "placements.csv", 2, Some(1));
    assert_has(&ds, Code::UnknownCourse, "placements.csv", 3, Some(2));
    assert_has(&ds, Code::UnknownTeacher, "mentoring.csv", 2, Some(1));
    assert_has(&ds, Code::UnknownMentor, "mentoring.csv", 3, Some(2));
    let d = ds
        .iter()
        .find(|d| d.code() == Code::UnknownMentor)
        .expect("E308");
    assert!(d.fix.contains("did you mean \"M01\"?"), "{}", d.fix);
    assert_eq!(ds.len(), 7, "{ds:?}");
}

#[test]
fn e202_e203_e401_dates_and_times() {
    let t = "course_code,date,start,end,location,teacher\n\
        UTR-B1-01,31-09-2025,09:00,12:00,Utrecht,T01\n\
        UTR-B1-01,2025-09-01,9u,12:00,Utrecht,T01\n\
        UTR-B1-01,2025-09-01,12:00,09:00,Utrecht,T01\n";
    let ds = schedule_diags(&[("timetable.csv", t), ("placements.csv", PLACEMENTS)]);
    assert_has(&ds, Code::BadDate, "timetable.csv", 2, Some(2));
    assert_has(&ds, Code::BadTime, "timetable.csv", 3, Some(3));
    assert_has(&ds, Code::EndBeforeStart, "timetable.csv", 4, Some(4));
}

#[test]
fn e404_once_per_file_with_the_first_line_and_the_count() {
    let t = "course_code,date,start,end,location,teacher\n\
        UTR-B1-01,2025-12-15,09:00,12:00,Utrecht,T01\n\
        UTR-B1-01,2026-01-05,09:00,12:00,Utrecht,T01\n\
        UTR-B1-01,2026-01-08,09:00,12:00,Utrecht,T01\n";
    let ds = schedule_diags(&[("timetable.csv", t), ("placements.csv", PLACEMENTS)]);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert_has(&ds, Code::OutsideRuleValidity, "timetable.csv", 3, Some(2));
    assert!(
        ds[0].message.starts_with("2 lesson(s)"),
        "{}",
        ds[0].message
    );
}

#[test]
fn a_dutch_excel_schedule_with_dutch_headers_and_a_location_in_any_case_reads_the_same() {
    let l = loaded();
    let plain = schedule_dir(&[("timetable.csv", TIMETABLE), ("placements.csv", PLACEMENTS)]);
    let excel = schedule_dir(&[
        (
            "timetable.csv",
            "\u{feff}Cursuscode;Datum;Begin;Einde;Locatie;Docent;room;;\r\n\
             UTR-B1-01;1-9-2025;09:00;12:00;utrecht;T01;1.02;;\r\n\
             UTR-B1-01;04-09-2025;09:00;12:00;UTRECHT;;1.02;;\r\n",
        ),
        (
            "placements.csv",
            "Cursist;Cursuscode\r\nS001;UTR-B1-01\r\nS002;\r\n",
        ),
    ]);
    let read = |dir: &TempDir| {
        load_schedule(dir.path(), &l.instance, &l.rules).unwrap_or_else(|d| panic!("{d:?}"))
    };
    let (plain, excel) = (read(&plain), read(&excel));
    assert_eq!(plain.value, excel.value);
    let codes: Vec<Code> = excel.warnings.iter().map(|d| d.code()).collect();
    assert_eq!(codes, [Code::DayFirstDates]);
}

#[test]
fn with_rooms_the_room_column_is_read_back_as_written_and_an_unknown_room_is_e420() {
    let inst = variant(&[(
        "rooms.csv",
        "id,location,capacity\nU1,Utrecht,20\nU2,Utrecht,20\nA1,Amersfoort,20\n",
    )]);
    let l = load_instance(inst.path(), None)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .value;
    let t = "course_code,date,start,end,location,teacher,room\n\
        UTR-B1-01,2025-09-01,09:00,12:00,Utrecht,T01,U1\n\
        UTR-B1-01,2025-09-04,09:00,12:00,Utrecht,T01,\n\
        UTR-B1-01,2025-09-08,09:00,12:00,Utrecht,T01,X9\n";
    let dir = schedule_dir(&[("timetable.csv", t), ("placements.csv", PLACEMENTS)]);
    let ds = match load_schedule(dir.path(), &l.instance, &l.rules) {
        Ok(s) => s.warnings.0,
        Err(d) => d.0,
    };
    assert_has(&ds, Code::UnknownRoom, "timetable.csv", 4, Some(7));
    assert_eq!(ds.len(), 1, "{ds:?}");
    // What solve writes (Excel's layout) reads back as the same rows.
    let rows: Vec<&str> = t.lines().take(3).collect();
    let dir = schedule_dir(&[
        ("timetable.csv", &rows.join("\n")),
        ("placements.csv", PLACEMENTS),
    ]);
    let s = load_schedule(dir.path(), &l.instance, &l.rules).unwrap_or_else(|d| panic!("{d:?}"));
    let written = crate::report::schedule_files::csv_files(
        &l.instance,
        &s.value,
        crate::report::CsvFormat::Excel,
    )
    .expect("csv");
    let again = schedule_dir(&[
        ("timetable.csv", &written[0].1),
        ("placements.csv", &written[1].1),
    ]);
    assert!(written[0].1.contains(";room\n"), "{}", written[0].1);
    let back =
        load_schedule(again.path(), &l.instance, &l.rules).unwrap_or_else(|d| panic!("{d:?}"));
    assert_eq!(back.value.timetable, s.value.timetable);
    assert_eq!(
        s.value.timetable[0].room,
        Some(crate::domain::RoomId::new("U1"))
    );
    assert_eq!(s.value.timetable[1].room, None);
}

#[test]
fn without_rooms_a_room_column_is_ignored_and_not_written() {
    let l = loaded();
    let dir = schedule_dir(&[("timetable.csv", TIMETABLE), ("placements.csv", PLACEMENTS)]);
    let s = load_schedule(dir.path(), &l.instance, &l.rules).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(s.value.timetable.iter().all(|r| r.room.is_none()));
    let written = crate::report::schedule_files::csv_files(
        &l.instance,
        &s.value,
        crate::report::CsvFormat::Plain,
    )
    .expect("csv");
    assert!(
        written[0]
            .1
            .starts_with("course_code,date,start,end,location,teacher,certified\n"),
        "{}",
        written[0].1
    );
}
