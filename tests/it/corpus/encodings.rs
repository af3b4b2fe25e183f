//! How a file was saved: encodings, byte order marks, separators, line ends, quoting, blank
//! lines. What Excel, LibreOffice or Notepad in a Dutch locale writes reads like the demo;
//! what cannot be read as text is E102 at the line of the first bad byte.

use super::{Case, Want, bytes, err, replace, resave, run, text};

/// `text` as UTF-16 LE with its BOM: Excel's "Unicode Text" and Notepad's "UTF-16 LE".
fn utf16_le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// Replaces the UTF-8 of `from` by the single byte `latin1` (Windows-1252 / Latin-1).
fn latin1(old: Vec<u8>, from: &str, latin1: u8) -> Vec<u8> {
    let from = from.as_bytes();
    let at = old
        .windows(from.len())
        .position(|w| w == from)
        .expect("the character to replace");
    let mut out = old;
    out.splice(at..at + from.len(), [latin1]);
    out
}

const ALL_FILES: [&str; 6] = [
    "school.toml",
    "teachers.csv",
    "groups.csv",
    "students.csv",
    "mentors.csv",
    "unavailability.csv",
];

#[test]
fn files_saved_in_another_encoding_are_e102_at_the_first_bad_byte() {
    run(&[
        Case {
            name: "teachers.csv saved as UTF-16 LE with BOM",
            make: |d| {
                bytes(d, "teachers.csv", |b| {
                    utf16_le(&String::from_utf8_lossy(&b))
                })
            },
            want: err("E102", "teachers.csv", Some(1), None, "CSV UTF-8"),
        },
        Case {
            name: "school.toml saved as UTF-16 LE with BOM by Notepad",
            make: |d| bytes(d, "school.toml", |b| utf16_le(&String::from_utf8_lossy(&b))),
            want: err("E102", "school.toml", Some(1), None, "UTF-8"),
        },
        Case {
            name: "school.toml in Windows-1252: \u{e9} as 0xE9 on line 4",
            make: |d| {
                replace(d, "school.toml", "De Brug", "Caf\u{e9} De Brug");
                bytes(d, "school.toml", |b| latin1(b, "\u{e9}", 0xE9));
            },
            want: err("E102", "school.toml", Some(4), None, "UTF-8"),
        },
        Case {
            name: "mentors.csv in Latin-1: \u{eb} as 0xEB on line 2",
            make: |d| {
                replace(d, "mentors.csv", "Marieke", "Mari\u{eb}ke");
                bytes(d, "mentors.csv", |b| latin1(b, "\u{eb}", 0xEB));
            },
            want: err("E102", "mentors.csv", Some(2), None, "CSV UTF-8"),
        },
        Case {
            name: "a NUL byte in students.csv on line 5",
            make: |d| replace(d, "students.csv", "S0004,", "S00\u{0}04,"),
            want: err("E102", "students.csv", Some(5), None, "CSV UTF-8"),
        },
    ]);
}

#[test]
fn what_a_dutch_spreadsheet_or_editor_saves_reads_like_the_original() {
    run(&[
        Case {
            name: "students.csv with a UTF-8 BOM (Excel's CSV UTF-8)",
            make: |d| {
                bytes(d, "students.csv", |b| {
                    [&[0xEF, 0xBB, 0xBF], &b[..]].concat()
                })
            },
            want: Want::SameAsDemo,
        },
        Case {
            name: "school.toml with a UTF-8 BOM (Notepad)",
            make: |d| bytes(d, "school.toml", |b| [&[0xEF, 0xBB, 0xBF], &b[..]].concat()),
            want: Want::SameAsDemo,
        },
        Case {
            name: "groups.csv with ; as separator, slot lists quoted",
            make: |d| resave(d, "groups.csv", b';', false, false),
            want: Want::SameAsDemo,
        },
        Case {
            name: "every file with CRLF line ends",
            make: |d| {
                for f in ALL_FILES {
                    text(d, f, |t| t.replace('\n', "\r\n"));
                }
            },
            want: Want::SameAsDemo,
        },
        Case {
            name: "every CSV file as Excel's CSV UTF-8 with ; (BOM, ;, CRLF)",
            make: |d| {
                for f in &ALL_FILES[1..] {
                    resave(d, f, b';', true, true);
                }
            },
            want: Want::SameAsDemo,
        },
        Case {
            name: "teachers.csv with tabs as separator (pasted from Excel)",
            make: |d| resave(d, "teachers.csv", b'\t', false, false),
            want: Want::SameAsDemo,
        },
        Case {
            name: "quoted names with a comma, a semicolon and a quote",
            make: |d| {
                replace(d, "teachers.csv", "Anna de Vries", "\"Vries, Anna de\"");
                replace(d, "teachers.csv", "Bram Jansen", "\"Jansen; Bram\"");
                replace(
                    d,
                    "mentors.csv",
                    "Marieke Hoekstra",
                    "\"Marieke \"\"Mies\"\" Hoekstra\"",
                );
            },
            want: Want::SameAsDemo,
        },
        Case {
            name: "a quoted name spread over two lines",
            make: |d| replace(d, "teachers.csv", "Anna de Vries", "\"Anna\nde Vries\""),
            want: Want::SameAsDemo,
        },
        Case {
            name: "trailing empty lines and Excel's empty ;;; rows",
            make: |d| {
                text(d, "students.csv", |t| t + "\n\n   \n,,,,,\n\n");
                resave(d, "mentors.csv", b';', false, false);
                text(d, "mentors.csv", |t| t + ";;\n;;\n\n");
            },
            want: Want::SameAsDemo,
        },
        Case {
            name: "every CSV file with CR line ends (Excel for Mac's CSV (Macintosh))",
            make: |d| {
                for f in &ALL_FILES[1..] {
                    text(d, f, |t| t.replace('\n', "\r"));
                }
            },
            want: Want::SameAsDemo,
        },
        Case {
            name: "a header in capitals with spaces around the names",
            make: |d| {
                replace(
                    d,
                    "groups.csv",
                    "course_code,location,",
                    " Course_Code , LOCATION ,",
                )
            },
            want: Want::SameAsDemo,
        },
        Case {
            name: "a name of a million characters",
            make: |d| {
                let long = "x".repeat(1_000_000);
                replace(d, "teachers.csv", "Anna de Vries", &long);
            },
            want: Want::SameAsDemo,
        },
    ]);
}

#[test]
fn line_numbers_stay_physical_after_multi_line_fields_blank_lines_and_crlf() {
    run(&[
        Case {
            name: "an error on the row after a two-line quoted name",
            make: |d| {
                replace(d, "teachers.csv", "Anna de Vries", "\"Anna\nde Vries\"");
                replace(
                    d,
                    "teachers.csv",
                    ",none,Utrecht,B1-route;ONA-KNM,6",
                    ",geen,Utrecht,B1-route;ONA-KNM,6",
                );
            },
            want: err("E205", "teachers.csv", Some(4), Some(3), "bvnt2"),
        },
        Case {
            name: "an error on line 5 of a file with CR line ends",
            make: |d| {
                text(d, "students.csv", |t| t.replace('\n', "\r"));
                replace(
                    d,
                    "students.csv",
                    "S0004,B1-route,wi2021,Utrecht,",
                    "S0004,B1-route,wi2021,Utrekt,",
                );
            },
            want: err("E302", "students.csv", Some(5), Some(4), "Utrecht"),
        },
        Case {
            name: "an error after blank lines, with CRLF and ;",
            make: |d| {
                resave(d, "teachers.csv", b';', true, true);
                replace(d, "teachers.csv", "\r\nT01;", "\r\n\r\n\r\nT01;");
                replace(d, "teachers.csv", ";none;", ";geen;");
            },
            want: err("E205", "teachers.csv", Some(5), Some(3), "bvnt2"),
        },
    ]);
}

#[test]
fn files_without_rows_are_e107_or_read_as_empty() {
    run(&[
        Case {
            name: "teachers.csv of 0 bytes",
            make: |d| bytes(d, "teachers.csv", |_| Vec::new()),
            want: err("E107", "teachers.csv", None, None, "id,name,register"),
        },
        Case {
            name: "groups.csv of blank lines only",
            make: |d| text(d, "groups.csv", |_| "\n  \n\r\n".into()),
            want: err("E107", "groups.csv", None, None, "course_code"),
        },
        Case {
            name: "students.csv of a BOM only (Excel, empty sheet)",
            make: |d| bytes(d, "students.csv", |_| vec![0xEF, 0xBB, 0xBF]),
            want: err("E107", "students.csv", None, None, "id,profile"),
        },
        Case {
            name: "students.csv with its header only: a school without students yet",
            make: |d| {
                text(d, "students.csv", |t| {
                    t.lines().next().unwrap_or("").to_string() + "\n"
                })
            },
            want: Want::Students(0),
        },
    ]);
}
