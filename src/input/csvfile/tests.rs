use super::*;
use crate::diag::Code;

const SPEC: Spec = Spec {
    file: "t.csv",
    required: &["id", "name"],
    optional: &["note"],
    extra_allowed: false,
};

fn parse_str(text: &str) -> (Option<Table>, Diagnostics) {
    let mut d = Diagnostics::default();
    let t = parse(SPEC, text.as_bytes(), &mut d);
    (t, d)
}

fn only(d: &Diagnostics) -> &Diagnostic {
    assert_eq!(d.0.len(), 1, "{d:?}");
    &d.0[0]
}

fn cells_of(t: &Table) -> Vec<(u64, String, String)> {
    t.rows
        .iter()
        .map(|r| (r.line, t.cell(r, "id").text, t.cell(r, "name").text))
        .collect()
}

#[test]
fn plain_and_excel_files_read_the_same() {
    let (plain, d1) = parse_str("id,name\nA,x y\nB,\"q,r\"\n");
    let (excel, d2) = parse_str("\u{feff} ID ; Name \r\n A ; x y \r\nB;\"q,r\"\r\n\r\n;\r\n\r\n");
    assert!(d1.is_empty() && d2.is_empty(), "{d1:?} {d2:?}");
    let (plain, excel) = (plain.expect("plain"), excel.expect("excel"));
    assert_eq!(cells_of(&plain), cells_of(&excel));
    assert_eq!(cells_of(&plain)[1], (3, "B".into(), "q,r".into()));
}

#[test]
fn lines_are_physical_lines_even_after_blank_lines_and_quoted_newlines() {
    let (t, d) = parse_str("id,name\n\nA,\"two\nlines\"\nB,b\n");
    assert!(d.is_empty(), "{d:?}");
    let rows = cells_of(&t.expect("table"));
    assert_eq!(rows[0].0, 3);
    assert_eq!(rows[1].0, 5);
}

#[test]
fn optional_column_absent_gives_an_empty_cell_without_column() {
    let (t, _) = parse_str("id,name\nA,x\n");
    let t = t.expect("table");
    let c = t.cell(&t.rows[0], "note");
    assert_eq!((c.text.as_str(), c.column), ("", None));
    assert_eq!(t.cell(&t.rows[0], "name").column, Some(2));
}

#[test]
fn e101_missing_required_file_and_silent_optional() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut d = Diagnostics::default();
    assert!(read(dir.path(), SPEC, true, &mut d).is_none());
    let e = only(&d);
    assert_eq!(
        (e.code(), e.file.as_str(), e.line),
        (Code::FileMissing, "t.csv", None)
    );
    let mut d = Diagnostics::default();
    assert_eq!(
        read_optional(dir.path(), SPEC, &mut d).map(|t| t.is_none()),
        Some(true)
    );
    assert!(d.is_empty());
}

#[test]
fn e102_windows_1252_reports_the_line() {
    let mut d = Diagnostics::default();
    let bytes = b"id,name\nA,x\nB,Ren\xe9\n";
    assert!(parse(SPEC, bytes, &mut d).is_none());
    let e = only(&d);
    assert_eq!((e.code(), e.line), (Code::FileUnreadable, Some(3)));
    assert!(e.fix.contains("CSV UTF-8"), "{}", e.fix);
}

#[test]
fn e103_wrong_number_of_fields_keeps_the_other_rows() {
    let (t, d) = parse_str("id,name\nA,x,extra\nB,y\nC\n");
    let codes: Vec<(Code, Option<u64>)> = d.iter().map(|e| (e.code(), e.line)).collect();
    assert_eq!(
        codes,
        [(Code::CsvSyntax, Some(2)), (Code::CsvSyntax, Some(4))]
    );
    assert_eq!(t.expect("table").rows.len(), 1);
}

#[test]
fn e104_missing_column_makes_the_file_unusable() {
    let (t, d) = parse_str("id\nA\n");
    assert!(t.is_none());
    let e = only(&d);
    assert_eq!(
        (e.code(), e.line, e.field.as_deref()),
        (Code::ColumnMissing, Some(1), Some("name"))
    );
}

#[test]
fn e105_unknown_column_with_suggestion_unless_extra_allowed() {
    let (t, d) = parse_str("id,name,nmae2,notes\nA,x,1,2\n");
    assert!(t.is_some());
    let got: Vec<(Code, Option<u64>, Option<u64>)> =
        d.iter().map(|e| (e.code(), e.line, e.column)).collect();
    assert_eq!(
        got,
        [
            (Code::ColumnUnknown, Some(1), Some(3)),
            (Code::ColumnUnknown, Some(1), Some(4))
        ]
    );
    assert!(
        d.0[1].fix.starts_with("did you mean \"note\"?"),
        "{}",
        d.0[1].fix
    );
    let mut d = Diagnostics::default();
    let extra = Spec {
        extra_allowed: true,
        ..SPEC
    };
    assert!(parse(extra, b"id,name,room\nA,x,1\n", &mut d).is_some());
    assert!(d.is_empty());
}

#[test]
fn e106_duplicated_column() {
    let (t, d) = parse_str("id,name,ID\nA,x,y\n");
    let e = only(&d);
    assert_eq!(
        (e.code(), e.line, e.column),
        (Code::ColumnDuplicated, Some(1), Some(3))
    );
    let t = t.expect("still usable");
    assert_eq!(t.cell(&t.rows[0], "id").text, "A");
}

/// Found by the fuzz targets mentors_csv and exams_csv (tests/fuzz-regressions/): a file of
/// only separators or empty quoted cells was refused without any diagnostic, so `validate`
/// printed "0 error(s)" and still exited with 2.
#[test]
fn e107_empty_file() {
    for text in [
        "",
        "\n\r\n  \n",
        "\u{feff}",
        ",",
        ";;;;\r\n;;;;\r\n",
        " , \n\n",
        "\"\"",
    ] {
        let (t, d) = parse_str(text);
        assert!(t.is_none());
        assert_eq!(only(&d).code(), Code::FileEmpty);
    }
}

#[test]
fn unnamed_empty_columns_from_excel_are_ignored_until_filled() {
    let (t, d) = parse_str("id;name;;\nA;x;;\nB;y;;\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(t.expect("table").rows.len(), 2);
    let (_, d) = parse_str("id;name;;\nA;x;;\nB;y;;z\n");
    let e = only(&d);
    assert_eq!(
        (e.code(), e.line, e.column),
        (Code::ColumnUnknown, Some(3), Some(4))
    );
}

#[test]
fn e102_utf16_and_nul_bytes_report_their_line() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("id,name\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let mut d = Diagnostics::default();
    assert!(parse(SPEC, &utf16, &mut d).is_none());
    let e = only(&d);
    assert_eq!((e.code(), e.line), (Code::FileUnreadable, Some(1)));
    assert!(e.message.contains("UTF-16"), "{}", e.message);

    let (t, d) = parse_str("id,name\nA,a\nB,b\u{0}\n");
    assert!(t.is_none());
    let e = only(&d);
    assert_eq!((e.code(), e.line), (Code::FileUnreadable, Some(3)));
    assert!(e.message.contains("NUL"), "{}", e.message);
}

#[test]
fn tabs_separate_fields_when_the_header_has_neither_comma_nor_semicolon() {
    let (plain, _) = parse_str("id,name\nA,x;y\nB,\"q,r\"\n");
    let (tabs, d) = parse_str("id\tname\nA\tx;y\nB\tq,r\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        cells_of(&plain.expect("plain")),
        cells_of(&tabs.expect("tabs"))
    );
    let (_, d) = parse_str("id\tname\nA\tx\ty\n");
    assert!(only(&d).fix.contains("quote a cell that contains a tab"));
}

#[test]
fn cr_line_ends_count_as_lines_like_lf_and_crlf() {
    let (t, d) = parse_str("id,name\r\rA,a\rB,b\r\nC,c\n");
    assert!(d.is_empty(), "{d:?}");
    let lines: Vec<u64> = cells_of(&t.expect("table")).iter().map(|r| r.0).collect();
    assert_eq!(lines, [3, 4, 5]);
}

#[test]
fn line_numbers_of_many_rows_are_counted_once_not_per_row() {
    // Counting from the start for every row took minutes for 100,000 rows; this takes
    // milliseconds, and the last row is still on its own line.
    let n = 100_000;
    let mut text = String::from("id,name\n");
    for i in 0..n {
        text.push_str(&format!("S{i},x\n"));
    }
    let (t, d) = parse_str(&text);
    assert!(d.is_empty());
    let t = t.expect("table");
    assert_eq!(t.rows.last().map(|r| r.line), Some(n + 1));
}

#[test]
fn dutch_headers_in_any_case_and_spacing_read_as_the_english_columns() {
    let (english, d1) = parse_str("id,name,note\nA,x,n\n");
    let (dutch, d2) = parse_str("Code;Naam;note\nA;x;n\n");
    assert!(d1.is_empty() && d2.is_empty(), "{d1:?} {d2:?}");
    let (english, dutch) = (english.expect("english"), dutch.expect("dutch"));
    assert_eq!(english.columns, dutch.columns);
    assert_eq!(cells_of(&english), cells_of(&dutch));
    let spec = Spec {
        required: &["max_lessons_per_week"],
        ..SPEC
    };
    let mut d = Diagnostics::default();
    let t = parse(spec, b"Max lessen  per week\n3\n", &mut d).expect("spaced Dutch");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(t.columns, ["max_lessons_per_week"]);
}

#[test]
fn a_dutch_and_an_english_name_of_one_column_are_a_duplicate() {
    let (_, d) = parse_str("id,naam,name\nA,x,y\n");
    let e = only(&d);
    assert_eq!(
        (e.code(), e.column, e.field.as_deref()),
        (Code::ColumnDuplicated, Some(3), Some("name"))
    );
}

#[test]
fn e105_unknown_dutch_looking_column_suggests_the_nearest_dutch_name() {
    let (_, d) = parse_str("id,naaam\nA,x\n");
    let unknown = d
        .iter()
        .find(|e| e.code() == Code::ColumnUnknown)
        .expect("E105");
    assert_eq!((unknown.line, unknown.column), (Some(1), Some(2)));
    assert!(
        unknown.fix.starts_with("did you mean \"naam\"?"),
        "{}",
        unknown.fix
    );
    assert!(
        unknown.fix.contains("(in Dutch: code,naam,note)"),
        "{}",
        unknown.fix
    );
}

#[test]
fn trailing_empty_fields_from_a_spreadsheet_give_no_errors() {
    for text in [
        "id;name\nA;x;;\nB;y;\nC;z\n",
        "id,name,,\nA,x\nB,y,,\nC,z,\n",
        "id;name;;\r\nA;x;;;;\r\nB;y;;\r\nC;z\r\n",
    ] {
        let (t, d) = parse_str(text);
        assert!(d.is_empty(), "{text:?}: {d:?}");
        let names: Vec<String> = cells_of(&t.expect("table"))
            .into_iter()
            .map(|(_, id, _)| id)
            .collect();
        assert_eq!(names, ["A", "B", "C"], "{text:?}");
    }
    // A value past the header stays an error: it is data, not padding.
    let (_, d) = parse_str("id;name\nA;x;;z\n");
    assert_eq!(only(&d).code(), Code::CsvSyntax);
}

#[test]
fn every_column_of_every_file_has_a_dutch_name_that_is_no_other_column() {
    use crate::input as i;
    for spec in [
        i::teachers::SPEC,
        i::groups::SPEC,
        i::students::SPEC,
        i::mentors::SPEC,
        i::unavailability::SPEC,
        i::locks::SPEC,
        i::rooms::SPEC,
        i::timetable::SPEC,
        i::placements::SPEC,
        i::mentoring::SPEC,
        i::observations::SPEC,
        i::exams::SPEC,
    ] {
        for column in spec.known() {
            let dutch = header::dutch_names(column);
            assert!(
                !dutch.is_empty(),
                "{}: {column} has no Dutch name",
                spec.file
            );
            for d in dutch {
                assert_eq!(header::canonical(spec, d), column, "{}: {d}", spec.file);
                let clash = spec.known().any(|other| other != column && other == *d);
                assert!(!clash, "{}: {d} is another column", spec.file);
            }
        }
    }
}
