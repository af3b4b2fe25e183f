//! Issue 17, part 3: the demo as a Dutch planner types it (Dutch headers, Dutch day names,
//! ja/nee, words in any case, dates as a Dutch Excel saves them, a spreadsheet's trailing
//! separators) reads as exactly the same instance as the demo.

use crate::support::{copy_dir, demo, load_demo};
use nt2plan::diag::{Code, Diagnostics};
use std::path::Path;

/// The Dutch header names, written out here rather than taken from the library, so that the
/// test referees its table.
const DUTCH: &[(&str, &str)] = &[
    ("id", "Code"),
    ("name", "Naam"),
    ("register", "Register"),
    ("locations", "Locaties"),
    ("profiles", "Profielen"),
    ("max_lessons_per_week", "Max lessen per week"),
    ("available", "Beschikbaar"),
    ("mentor_capacity", "Mentorcapaciteit"),
    ("course_code", "Cursuscode"),
    ("location", "Locatie"),
    ("profile", "Profiel"),
    ("law", "Wet"),
    ("slots", "Lesmomenten"),
    ("start", "Begin"),
    ("end", "Einde"),
    ("optional", "Optioneel"),
    ("min_size", "Min_grootte"),
    ("group", "Groep"),
    ("capacity", "Capaciteit"),
    ("teacher", "Docent"),
    ("from", "Van"),
    ("to", "Tot en met"),
    ("reason", "Reden"),
    ("slot", "Lesmoment"),
    ("date", "Datum"),
    ("rule", "Regel"),
];

const DAYS: [(&str, &str); 7] = [
    ("mon", "ma"),
    ("tue", "di"),
    ("wed", "wo"),
    ("thu", "do"),
    ("fri", "vr"),
    ("sat", "za"),
    ("sun", "zo"),
];

/// The demo copied into a temporary folder with every CSV file's rows passed through
/// `edit` (the header is row 0), written back with `delimiter`.
fn demo_with(
    delimiter: u8,
    mut edit: impl FnMut(&str, usize, Vec<String>) -> Vec<String>,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    for file in [
        "teachers.csv",
        "groups.csv",
        "students.csv",
        "mentors.csv",
        "unavailability.csv",
        "locks.csv",
    ] {
        let path = dir.path().join(file);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(&path)
            .expect("demo file");
        let rows: Vec<Vec<String>> = reader
            .records()
            .enumerate()
            .map(|(i, r)| {
                let cells = r.expect("demo row").iter().map(str::to_string).collect();
                edit(file, i, cells)
            })
            .collect();
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_path(&path)
            .expect("write file");
        for row in rows {
            writer.write_record(&row).expect("write row");
        }
        writer.flush().expect("flush");
    }
    dir
}

fn load(dir: &Path) -> (nt2plan::domain::Instance, Diagnostics) {
    let loaded = nt2plan::validate::load_instance(dir, None)
        .unwrap_or_else(|d| panic!("the variant loads: {:#?}", d.0));
    (loaded.value.instance, loaded.warnings)
}

fn codes(d: &Diagnostics) -> Vec<(Code, String)> {
    d.iter().map(|x| (x.code(), x.file.clone())).collect()
}

#[test]
fn demo_with_dutch_headers_reads_as_the_demo() {
    let dir = demo_with(b',', |_, i, cells| {
        if i > 0 {
            return cells;
        }
        cells
            .iter()
            .map(|c| {
                let found = DUTCH.iter().find(|(e, _)| e == c);
                found.map_or_else(|| c.clone(), |(_, d)| d.to_string())
            })
            .collect()
    });
    let header = std::fs::read_to_string(dir.path().join("teachers.csv")).expect("teachers");
    assert!(
        header.starts_with("Code,Naam,Register,Locaties,"),
        "{header}"
    );
    let (demo, _) = load_demo();
    let (dutch, warnings) = load(dir.path());
    assert_eq!(dutch, demo);
    assert_eq!(codes(&warnings), codes(&demo_warnings()));
}

fn demo_warnings() -> Diagnostics {
    nt2plan::validate::load_instance(&demo(), None)
        .expect("demo loads")
        .warnings
}

#[test]
fn demo_with_dutch_days_words_and_any_case_reads_as_the_demo() {
    let dir = demo_with(b',', |file, i, cells| {
        if i == 0 {
            return cells;
        }
        cells
            .into_iter()
            .enumerate()
            .map(|(col, cell)| {
                let entries: Vec<String> = cell
                    .split(';')
                    .map(|entry| {
                        let dutch_day = DAYS.iter().find_map(|(en, nl)| {
                            entry
                                .strip_prefix(&format!("{en}-"))
                                .map(|rest| format!("{nl}-{rest}"))
                        });
                        dutch_day.unwrap_or_else(|| entry.to_string())
                    })
                    .collect();
                let cell = entries.join(";");
                match (file, col, cell.as_str()) {
                    (_, _, "yes") => "Ja".to_string(),
                    (_, _, "no") => "nee".to_string(),
                    ("teachers.csv", 2, _) => cell.to_uppercase(),
                    ("teachers.csv", 3, _) | ("students.csv", 3, _) | ("groups.csv", 1, _) => {
                        cell.to_lowercase()
                    }
                    _ => cell,
                }
            })
            .collect()
    });
    let groups = std::fs::read_to_string(dir.path().join("groups.csv")).expect("groups");
    assert!(
        groups.contains("utrecht,B1-route,wi2021,ma-morning;wo-morning,,,nee,"),
        "{groups}"
    );
    let teachers = std::fs::read_to_string(dir.path().join("teachers.csv")).expect("teachers");
    assert!(
        teachers.contains("T01,Anna de Vries,BVNT2,utrecht,"),
        "{teachers}"
    );
    let (demo, _) = load_demo();
    let (dutch, warnings) = load(dir.path());
    assert_eq!(dutch, demo);
    assert_eq!(codes(&warnings), codes(&demo_warnings()));
}

/// `2025-11-10` as a Dutch Excel saves it: `10-11-2025`, and `1-9-2025` without the zeros.
fn day_first(iso: &str, zeros: bool) -> Option<String> {
    let date = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
    Some(if zeros {
        date.format("%d-%m-%Y").to_string()
    } else {
        date.format("%-d-%-m-%Y").to_string()
    })
}

#[test]
fn demo_with_dutch_excel_dates_reads_as_the_demo_with_one_warning_per_file() {
    let mut n = 0;
    let dir = demo_with(b',', |_, _, cells| {
        cells
            .into_iter()
            .map(|c| {
                n += 1;
                day_first(&c, n % 2 == 0).unwrap_or(c)
            })
            .collect()
    });
    let unavailability =
        std::fs::read_to_string(dir.path().join("unavailability.csv")).expect("file");
    assert!(unavailability.contains("-11-2025,"), "{unavailability}");
    let (demo, _) = load_demo();
    let (dutch, warnings) = load(dir.path());
    assert_eq!(dutch, demo);
    let day_first: Vec<_> = warnings
        .iter()
        .filter(|d| d.code() == Code::DayFirstDates)
        .map(|d| (d.file.as_str(), d.line, d.column))
        .collect();
    // groups.csv has dates on lines 6 and 9 (start, end), unavailability.csv on 2 and 3.
    assert_eq!(
        day_first,
        [
            ("groups.csv", Some(6), Some(6)),
            ("unavailability.csv", Some(2), Some(2))
        ]
    );
    let first = warnings
        .iter()
        .find(|d| d.file == "unavailability.csv" && d.code() == Code::DayFirstDates)
        .expect("W201");
    assert!(
        first.message.contains("the other 3 day-first dates"),
        "{}",
        first.message
    );
    let others: Vec<_> = warnings
        .iter()
        .filter(|d| d.code() != Code::DayFirstDates)
        .map(|d| (d.code(), d.file.clone()))
        .collect();
    assert_eq!(others, codes(&demo_warnings()));
}

#[test]
fn demo_saved_by_a_dutch_excel_with_trailing_separators_reads_as_the_demo() {
    // `;` as the separator (the csv writer quotes the list cells), a BOM, and the empty
    // fields a spreadsheet leaves at the end of rows: two on the header, some on the rows.
    let dir = demo_with(b';', |_, i, mut cells| {
        cells.extend(std::iter::repeat_n(String::new(), [2, 0, 3][i % 3]));
        cells
    });
    let path = dir.path().join("teachers.csv");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).expect("teachers"));
    std::fs::write(&path, bytes).expect("write");
    let text = std::fs::read_to_string(&path).expect("teachers");
    assert!(text.contains("mentor_capacity;;\n"), "{text}");
    let (demo, _) = load_demo();
    let (excel, warnings) = load(dir.path());
    assert_eq!(excel, demo);
    assert_eq!(codes(&warnings), codes(&demo_warnings()));
}

#[test]
fn impossible_dates_stay_errors_with_file_line_and_column() {
    for (bad, from) in [
        ("31-02-2025", true),
        ("2025-13-01", false),
        ("1/9/2025", true),
    ] {
        let dir = demo_with(b',', |file, i, mut cells| {
            if file == "unavailability.csv" && i == 2 {
                cells[if from { 1 } else { 2 }] = bad.to_string();
            }
            cells
        });
        let errors = nt2plan::validate::load_instance(dir.path(), None)
            .err()
            .unwrap_or_else(|| panic!("{bad} is refused"));
        let found: Vec<_> = errors
            .iter()
            .map(|d| (d.code(), d.file.as_str(), d.line, d.column))
            .filter(|(c, ..)| *c == Code::BadDate)
            .collect();
        let column = if from { 2 } else { 3 };
        assert_eq!(
            found,
            [(Code::BadDate, "unavailability.csv", Some(3), Some(column))],
            "{bad}"
        );
    }
}

#[test]
fn an_unknown_dutch_header_gets_the_nearest_known_name() {
    let dir = demo_with(b',', |file, i, mut cells| {
        if file == "teachers.csv" && i == 0 {
            cells[6] = "beschikbaarheid".to_string();
        }
        cells
    });
    let Err(errors) = nt2plan::validate::load_instance(dir.path(), None) else {
        panic!("an unknown column is an error");
    };
    let unknown = errors
        .iter()
        .find(|d| d.code() == Code::ColumnUnknown)
        .expect("E105");
    assert_eq!(
        (unknown.file.as_str(), unknown.line, unknown.column),
        ("teachers.csv", Some(1), Some(7))
    );
    assert!(
        unknown.fix.starts_with("did you mean \"beschikbaar\"?"),
        "{}",
        unknown.fix
    );
}
