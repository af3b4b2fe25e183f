use super::*;

#[test]
fn school_rows_give_dotted_keys_and_toml_for_what_is_not_a_string() {
    let text = "name = \"X\"\nlocations = [\"A\", \"B\"]\nobservations_per_teacher = 2\n[blocks]\nmorning = \"09:00-12:00\"\n";
    let rows = school_rows("school.toml", text).expect("toml");
    let rows: Vec<(&str, &str)> = rows.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        rows,
        [
            ("blocks.morning", "09:00-12:00"),
            ("locations", "[\"A\", \"B\"]"),
            ("name", "X"),
            ("observations_per_teacher", "2"),
        ]
    );
}

#[test]
fn bad_toml_is_an_error_naming_the_file() {
    let err = school_rows("school.toml", "name = ").expect_err("not toml");
    assert!(
        err.to_string().starts_with("school.toml cannot be read"),
        "{err}"
    );
}

#[test]
fn the_example_workbook_loads_with_one_row_per_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(BOOK);
    std::fs::write(&path, book::school_xlsx(&example()).expect("xlsx")).expect("write");
    let loaded = crate::validate::load_instance(&path, None)
        .unwrap_or_else(|d| panic!("the example loads: {:#?}", d.0));
    let i = &loaded.value.instance;
    // One row per sheet, as written in example.rs.
    assert_eq!(
        (i.teachers.len(), i.groups.len(), i.students.len()),
        (1, 1, 1)
    );
    assert_eq!(
        (i.mentors.len(), i.unavailability.len(), i.locks.len()),
        (1, 1, 1)
    );
    assert_eq!(i.school.name, "Taalschool Voorbeeld");
}

#[test]
fn the_example_as_csv_files_loads_as_the_example_workbook() {
    let dir = tempfile::tempdir().expect("temp dir");
    let start = example();
    let folder = dir.path().join("csv");
    write(
        &folder,
        &start.csv_files(CsvFormat::Excel).expect("csv"),
        false,
    )
    .expect("write");
    let path = dir.path().join(BOOK);
    std::fs::write(&path, book::school_xlsx(&start).expect("xlsx")).expect("write");
    let from_csv = crate::validate::load_instance(&folder, None).expect("csv loads");
    let from_book = crate::validate::load_instance(&path, None).expect("book loads");
    assert_eq!(from_csv.value.instance, from_book.value.instance);
}

#[test]
fn the_workbook_is_the_same_bytes_every_time() {
    let a = book::school_xlsx(&example()).expect("xlsx");
    let b = book::school_xlsx(&example()).expect("xlsx");
    assert!(a == b, "two writes differ");
}

#[test]
fn a_folder_not_empty_is_kept_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("mine.txt"), "x").expect("write");
    let files = example().workbook_files().expect("files");
    let err = write(dir.path(), &files, false).expect_err("not empty");
    assert!(
        matches!(err, InitError::Output(OutputError::NotEmpty { .. })),
        "{err}"
    );
    assert!(dir.path().join("mine.txt").exists());
    write(dir.path(), &files, true).expect("with force");
    assert!(dir.path().join(BOOK).is_file() && !dir.path().join("mine.txt").exists());
}
