use super::*;

fn sheet(rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: "S".into(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect(),
    }
}

#[test]
fn column_names_are_spreadsheet_letters() {
    let names: Vec<String> = [1, 3, 26, 27, 52, 703].map(column_name).to_vec();
    assert_eq!(names, ["A", "C", "Z", "AA", "AZ", "AAA"]);
}

#[test]
fn a_sheet_becomes_one_csv_line_per_row_so_lines_are_rows() {
    let s = sheet(&[&["id", "name"], &[], &["A", "x\ny"], &["B", "p;q"]]);
    let text = String::from_utf8(s.csv()).expect("utf8");
    assert_eq!(
        text,
        "\"id\",\"name\"\n\"\"\n\"A\",\"x y\"\n\"B\",\"p;q\"\n"
    );
}

#[test]
fn school_rows_become_toml_lines_with_strings_quoted_and_values_kept() {
    let s = sheet(&[
        &["Sleutel", "Waarde"],
        &["name", "De Brug"],
        &["observations_per_teacher", "2"],
        &[],
        &["locations", "[\"Utrecht\"]"],
        &["profiles.B1-route", "NT2/B1"],
        &["profiles.Z route", "x"],
    ]);
    assert_eq!(
        s.school_toml(),
        "\nname = \"De Brug\"\nobservations_per_teacher = 2\n\nlocations = [\"Utrecht\"]\n\
         profiles.B1-route = \"NT2/B1\"\nprofiles.\"Z route\" = \"x\"\n"
    );
}

#[test]
fn excel_values_read_as_the_text_a_planner_typed() {
    use calamine::{ExcelDateTime, ExcelDateTimeType};
    let date = ExcelDateTime::new(45901.0, ExcelDateTimeType::DateTime, false);
    let time = ExcelDateTime::new(0.375, ExcelDateTimeType::DateTime, false);
    let got: Vec<String> = [
        Data::Float(2.0),
        Data::Float(0.5),
        Data::Int(7),
        Data::Bool(true),
        Data::DateTime(date),
        Data::DateTime(time),
        Data::String(" T01 ".into()),
        Data::Empty,
    ]
    .iter()
    .map(text)
    .collect();
    assert_eq!(
        got,
        ["2", "0.5", "7", "yes", "2025-09-01", "09:00", "T01", ""]
    );
}

#[test]
fn relocated_diagnostics_name_the_workbook_and_the_cell() {
    let mut d = Diagnostics::default();
    d.push(Diagnostic::error(ErrorCode::BadDate, "other.csv", "kept").at(2, Some(2)));
    d.push(Diagnostic::error(ErrorCode::BadDate, "teachers.csv", "moved").at(5, Some(3)));
    d.push(Diagnostic::error(ErrorCode::CsvSyntax, "teachers.csv", "row").at(6, None));
    relocate(&mut d, 0, "teachers.csv", "s.xlsx", "Docenten");
    let cells: Vec<(&str, Option<&str>)> = d
        .iter()
        .map(|x| (x.file.as_str(), x.cell.as_deref()))
        .collect();
    assert_eq!(
        cells,
        [
            ("other.csv", None),
            ("s.xlsx", Some("Docenten!C5")),
            ("s.xlsx", Some("Docenten!6:6"))
        ]
    );
}
