//! Issue 17, part 1: `nt2plan init DIR` writes a new school as `school.xlsx` (or CSV files)
//! that the workbook reader takes; its example rows are a tiny school that solves, and
//! `--from` moves an instance folder over without changing the timetable.

use crate::support::{demo, nt2plan, stderr, stdout};
use calamine::{Reader, Xlsx};
use std::io::Read;
use std::path::Path;

fn init(args: &[&str], dir: &Path) -> std::process::Output {
    let mut all = vec!["init".to_string(), dir.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    nt2plan(all)
}

/// The XML of one worksheet of the workbook (`sheet2.xml` is the second sheet).
fn sheet_xml(book: &Path, n: usize) -> String {
    let file = std::fs::File::open(book).expect("workbook");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .expect("sheet")
        .read_to_string(&mut xml)
        .expect("xml");
    xml
}

#[test]
fn init_writes_a_workbook_whose_example_validates_and_solves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let school = dir.path().join("school");
    let out = init(&[], &school);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let book = school.join("school.xlsx");
    let out = nt2plan(["validate".as_ref(), book.as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("1 teachers, 1 groups, 1 students, 8 lessons"),
        "{}",
        stdout(&out)
    );
    let solved = dir.path().join("solved");
    let out = nt2plan([
        "solve".as_ref(),
        book.as_os_str(),
        "-o".as_ref(),
        solved.as_os_str(),
        "--csv-format".as_ref(),
        "plain".as_ref(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    // Group B1-01 meets on Monday and Wednesday mornings (ma-morning;wo-morning) in the four
    // weeks from 2027-01-04 to 2027-01-29: 8 lessons, all by T01, the only teacher (away
    // only on Friday 15 January, when the group does not meet).
    let timetable = std::fs::read_to_string(solved.join("timetable.csv")).expect("timetable");
    let lessons: Vec<&str> = timetable.lines().skip(1).collect();
    assert_eq!(lessons.len(), 8, "{timetable}");
    assert!(
        lessons.iter().all(|l| l.contains(",T01,yes")),
        "{timetable}"
    );
    assert!(lessons[0].starts_with("B1-01,2027-01-04,09:00,12:00,Utrecht"));
}

#[test]
fn the_workbook_has_the_reader_sheets_dutch_headers_and_drop_down_lists() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = init(&[], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let book_path = dir.path().join("school.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook(&book_path).expect("open");
    assert_eq!(
        book.sheet_names(),
        [
            "School",
            "Docenten",
            "Groepen",
            "Cursisten",
            "Mentoren",
            "Afwezigheid",
            "Vergrendelingen",
            "Lokalen",
            "Lijsten",
            "Uitleg"
        ]
    );
    let teachers = book.worksheet_range("Docenten").expect("Docenten");
    let header: Vec<String> = teachers
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header,
        [
            "code",
            "naam",
            "register",
            "locaties",
            "profielen",
            "max_lessen_per_week",
            "beschikbaar",
            "mentorcapaciteit"
        ]
    );
    // One example row under the header.
    assert_eq!(teachers.height(), 2);
    let uitleg = book.worksheet_range("Uitleg").expect("Uitleg");
    let explained: Vec<String> = uitleg.rows().map(|r| r[1].to_string()).collect();
    assert!(explained.contains(&"mentorcapaciteit".to_string()));
    // Docenten (sheet 2): the register from Lijsten column D; Groepen (sheet 3): location,
    // profile, law and optional from columns A, B, E and F.
    let docenten = sheet_xml(&book_path, 2);
    assert!(
        docenten.contains("<formula1>Lijsten!$D$2:$D$200</formula1>"),
        "{docenten}"
    );
    let groepen = sheet_xml(&book_path, 3);
    for list in ["$A$2:$A$200", "$B$2:$B$200", "$E$2:$E$200", "$F$2:$F$200"] {
        assert!(
            groepen.contains(&format!("Lijsten!{list}")),
            "{list} in {groepen}"
        );
    }
}

#[test]
fn init_from_the_demo_solves_to_the_same_files_as_the_demo_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let moved = dir.path().join("moved");
    let out = init(&["--from", demo().to_str().expect("path")], &moved);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The same school, read from the workbook.
    let loaded = nt2plan::validate::load_instance(&moved.join("school.xlsx"), None)
        .unwrap_or_else(|d| panic!("the workbook loads: {:#?}", d.0));
    let (instance, rules) = crate::support::load_demo();
    assert_eq!(loaded.value.instance, instance);
    assert_eq!(loaded.value.rules, rules);
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    for (instance, to) in [(demo(), &a), (moved.join("school.xlsx"), &b)] {
        let out = nt2plan([
            "solve".as_ref(),
            instance.as_os_str(),
            "-o".as_ref(),
            to.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    for file in [
        "timetable.csv",
        "placements.csv",
        "mentoring.csv",
        "observations.csv",
    ] {
        let one = std::fs::read(a.join(file)).expect("from the folder");
        let other = std::fs::read(b.join(file)).expect("from the workbook");
        assert!(one == other, "{file} differs");
    }
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    let out = init(&[], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not empty"), "{}", stderr(&out));
    assert!(dir.path().join("notes.txt").is_file());
    assert!(!dir.path().join("school.xlsx").exists());
    let out = init(&["--force"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("school.xlsx").is_file());
}

#[test]
fn init_csv_writes_dutch_headers_that_validate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = init(&["--csv", "--csv-format", "plain"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let groups = std::fs::read_to_string(dir.path().join("groups.csv")).expect("groups");
    assert_eq!(
        groups,
        "cursuscode,locatie,profiel,wet,lesmomenten,begin,einde,optioneel,min_grootte\n\
         B1-01,Utrecht,B1-route,wi2021,ma-morning;wo-morning,,,nee,\n"
    );
    let out = nt2plan(["validate".as_ref(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn init_from_an_instance_with_errors_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).expect("dir");
    std::fs::write(broken.join("school.toml"), "name = 1\n").expect("write");
    let out_dir = dir.path().join("out");
    let out = init(&["--from", broken.to_str().expect("path")], &out_dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("error["), "{}", stderr(&out));
    assert!(!out_dir.exists());
}
