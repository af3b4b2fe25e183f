//! A schedule as a workbook: the `timetable.xlsx` that `report` writes, after a planner's
//! edit, read as the files of a schedule folder. Its sheets (Dutch or English names) stand
//! for the files: `Lessen` for timetable.csv (`Datum`, `Tijd` as `09:00-12:00`,
//! `Cursuscode`, `Locatie`, `Docent-id`, and `Lokaal` for a school with rooms), `Cursisten` for placements.csv (`Id`, `Groep`),
//! `Docenten` for mentoring.csv (`Id`, `Mentor` as `Name (ID)`, several joined by `, `) and
//! `Observaties` for observations.csv. Columns the files do not have (`Dag`, `Docent`,
//! `Gecertificeerd`...) and the other sheets are ignored: they are the report's, and are
//! not read back.
//!
//! Each sheet becomes the CSV file its reader takes, one line per lesson (or placement,
//! mentor), with where every line and field is in the sheet, so [`Places::apply`] names the
//! cell (`Lessen!G12`) of every problem, also of those found after reading.

use super::{Workbook, column_name};
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::input::placements::PlacementLine;
use crate::input::timetable::TimetableLine;
use crate::input::{Rows, mentoring, observations, placements, timetable};
use crate::input::{mentoring::MentoringLine, observations::ObservationLine};
use std::path::Path;

/// The lines of a schedule's files, from a folder or from a workbook.
#[derive(Clone, Debug, Default)]
pub struct Lines {
    pub timetable: Rows<TimetableLine>,
    pub placements: Rows<PlacementLine>,
    pub mentoring: Rows<MentoringLine>,
    pub observations: Rows<ObservationLine>,
}

impl Lines {
    /// The files of the schedule folder `dir`.
    pub fn read_folder(dir: &Path, diags: &mut Diagnostics) -> Lines {
        Lines {
            timetable: timetable::read(dir, diags).unwrap_or_default(),
            placements: placements::read(dir, diags).unwrap_or_default(),
            mentoring: mentoring::read(dir, diags).unwrap_or_default(),
            observations: observations::read(dir, diags).unwrap_or_default(),
        }
    }
}

/// How a column of a file is found in its sheet: the header names (Dutch, English), and
/// whether a cell lists several values (`, `) and holds labels `Name (ID)`.
struct Column {
    field: &'static str,
    names: &'static [&'static str],
    list: bool,
}

const fn col(field: &'static str, names: &'static [&'static str]) -> Column {
    Column {
        field,
        names,
        list: false,
    }
}

/// One file: its sheet names and its columns. `Tijd` (`09:00-12:00`) gives `start` and
/// `end` both.
struct FileSheet {
    file: &'static str,
    sheets: &'static [&'static str],
    required: bool,
    columns: &'static [Column],
}

const TIME: &[&str] = &["tijd", "time"];

const FILES: &[FileSheet] = &[
    FileSheet {
        file: "timetable.csv",
        sheets: &["Lessen", "Lessons"],
        required: true,
        columns: &[
            col("course_code", &["cursuscode", "course code"]),
            col("date", &["datum", "date"]),
            col("start", TIME),
            col("end", TIME),
            col("location", &["locatie", "location"]),
            col("teacher", &["docent-id", "teacher id"]),
            // Only when the school has rooms (rooms.csv); absent, the reader reads no room.
            col("room", &["lokaal", "room"]),
        ],
    },
    FileSheet {
        file: "placements.csv",
        sheets: &["Cursisten", "Students"],
        required: true,
        columns: &[
            col("student", &["id"]),
            Column {
                field: "course_code",
                names: &["groep", "group"],
                list: true,
            },
        ],
    },
    FileSheet {
        file: "mentoring.csv",
        sheets: &["Docenten", "Teachers"],
        required: false,
        columns: &[
            col("teacher", &["id"]),
            Column {
                field: "mentor",
                names: &["mentor"],
                list: true,
            },
        ],
    },
    FileSheet {
        file: "observations.csv",
        sheets: &["Observaties", "Observations"],
        required: false,
        columns: &[
            col("teacher", &["docent-id", "teacher id"]),
            col("observed", &["geobserveerd", "observed"]),
            col("course_code", &["cursuscode", "course code"]),
            col("date", &["datum", "date"]),
            col("start", TIME),
            col("end", TIME),
        ],
    },
];

/// Where the lines and fields of one file are in its sheet.
#[derive(Clone, Debug, Default)]
struct Placed {
    file: &'static str,
    sheet: String,
    /// The sheet row of CSV line `i + 1`.
    rows: Vec<u64>,
    /// The sheet column (1-based) of each field found in the header.
    columns: Vec<(&'static str, u64)>,
}

/// Where a schedule workbook's files are; nothing for a folder.
#[derive(Clone, Debug, Default)]
pub struct Places {
    book: String,
    files: Vec<Placed>,
}

impl Places {
    /// Points every diagnostic about one of the files at the workbook, its sheet and cell.
    pub fn apply(&self, mut diags: Diagnostics) -> Diagnostics {
        if self.files.is_empty() {
            return diags;
        }
        for placed in &self.files {
            for d in diags.0.iter_mut().filter(|d| d.file == placed.file) {
                d.line = d
                    .line
                    .map(|l| placed.rows.get(l as usize - 1).copied().unwrap_or(l));
                // A field's column in the sheet; none for a field the sheet lacks, and for
                // a problem with the whole line.
                d.column = d
                    .field
                    .as_deref()
                    .and_then(|f| placed.columns.iter().find(|(c, _)| *c == f))
                    .map(|(_, c)| *c);
                d.file = self.book.clone();
                d.cell = Some(match (d.line, d.column) {
                    (Some(l), Some(c)) => format!("{}!{}{l}", placed.sheet, column_name(c)),
                    (Some(l), None) => format!("{}!{l}:{l}", placed.sheet),
                    _ => placed.sheet.clone(),
                });
            }
        }
        diags.sorted()
    }
}

/// Reads the schedule workbook at `path`.
pub fn read(path: &Path, diags: &mut Diagnostics) -> (Lines, Places) {
    let book = match super::open(path) {
        Ok(b) => b,
        Err(d) => {
            diags.push(d);
            return (Lines::default(), Places::default());
        }
    };
    let mut places = Places {
        book: book.file.clone(),
        files: Vec::new(),
    };
    let mut bytes = |i: usize, diags: &mut Diagnostics| -> Option<Vec<u8>> {
        let (csv, placed) = file_of(&book, &FILES[i], diags)?;
        places.files.push(placed);
        Some(csv)
    };
    let lines = Lines {
        timetable: bytes(0, diags)
            .and_then(|b| timetable::parse(&b, diags))
            .unwrap_or_default(),
        placements: bytes(1, diags)
            .and_then(|b| placements::parse(&b, diags))
            .unwrap_or_default(),
        mentoring: bytes(2, diags)
            .and_then(|b| mentoring::parse(&b, diags))
            .unwrap_or_default(),
        observations: bytes(3, diags)
            .and_then(|b| observations::parse(&b, diags))
            .unwrap_or_default(),
    };
    (lines, places)
}

/// The CSV bytes a file's reader takes, made from its sheet; `None` without the sheet
/// (E101 when it is required).
fn file_of(
    book: &Workbook,
    spec: &FileSheet,
    diags: &mut Diagnostics,
) -> Option<(Vec<u8>, Placed)> {
    let sheet = book.sheets.iter().find(|s| {
        spec.sheets
            .iter()
            .any(|n| n.eq_ignore_ascii_case(s.name.trim()))
    });
    let Some(sheet) = sheet else {
        if spec.required {
            diags.push(
                Diagnostic::error(
                    ErrorCode::FileMissing,
                    book.file.as_str(),
                    format!(
                        "{} has no sheet {} (for {})",
                        book.file, spec.sheets[0], spec.file
                    ),
                )
                .fix(format!(
                    "give the timetable.xlsx that nt2plan report writes, with its sheet {}; the sheets are: {}",
                    spec.sheets[0],
                    book.sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
                ))
                .nl(format!(
                    "{} heeft geen blad {} (voor {})",
                    book.file, spec.sheets[0], spec.file
                ))
                .fix_nl(format!(
                    "geef de timetable.xlsx die nt2plan report schrijft, met het blad {}; de bladen zijn: {}",
                    spec.sheets[0],
                    book.sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
                )),
            );
        }
        return None;
    };
    let header_at = sheet
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_empty()))
        .unwrap_or(0);
    let header = sheet.rows.get(header_at).cloned().unwrap_or_default();
    let find = |names: &[&str]| {
        header.iter().position(|h| {
            let h = h.trim().to_lowercase();
            names.iter().any(|n| *n == h)
        })
    };
    // The fields found, with their sheet column (0-based); a missing one is left out of
    // the header, so that the reader reports it missing.
    let found: Vec<(&Column, usize)> = spec
        .columns
        .iter()
        .filter_map(|c| Some((c, find(c.names)?)))
        .collect();
    let mut placed = Placed {
        file: spec.file,
        sheet: sheet.name.clone(),
        rows: vec![header_at as u64 + 1],
        columns: found
            .iter()
            .map(|(c, i)| (c.field, *i as u64 + 1))
            .collect(),
    };
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let fields: Vec<&str> = found.iter().map(|(c, _)| c.field).collect();
    let _ = w.write_record(&fields);
    for (r, row) in sheet.rows.iter().enumerate().skip(header_at + 1) {
        if row.iter().all(String::is_empty) {
            continue;
        }
        let cell = |i: usize| row.get(i).map_or("", |c| c.as_str());
        // A list column gives one line per value; an empty list no line (a teacher without
        // a mentor, a student not placed is one line with an empty group).
        let list = found.iter().find(|(c, _)| c.list);
        let values: Vec<String> = match list {
            Some((c, i)) => {
                let items = split_list(cell(*i));
                if items.is_empty() && c.field == "mentor" {
                    continue;
                }
                if items.is_empty() {
                    vec![String::new()]
                } else {
                    items
                }
            }
            None => vec![String::new()],
        };
        for value in values {
            let record: Vec<String> = found
                .iter()
                .map(|(c, i)| match c.field {
                    _ if c.list => value.clone(),
                    "start" => time_part(cell(*i), 0),
                    "end" => time_part(cell(*i), 1),
                    _ => cell(*i).to_string(),
                })
                .collect();
            let _ = w.write_record(&record);
            placed.rows.push(r as u64 + 1);
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    Some((bytes, placed))
}

/// `09:00-12:00`: the start (`part` 0) or the end (1); the whole text as the start when
/// there is no `-`, so the reader says what is wrong with it.
fn time_part(text: &str, part: usize) -> String {
    match text.split_once('-') {
        Some((a, b)) => if part == 0 { a } else { b }.trim().to_string(),
        None if part == 0 => text.to_string(),
        None => String::new(),
    }
}

/// `Marieke Hoekstra (M01), T04`: the ids `M01`, `T04` (a label's id is in its last
/// parentheses).
fn split_list(text: &str) -> Vec<String> {
    text.split(", ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| match (t.rfind('('), t.ends_with(')')) {
            (Some(open), true) => t[open + 1..t.len() - 1].trim().to_string(),
            _ => t.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_cell_gives_start_and_end() {
        assert_eq!(time_part("09:00-12:00", 0), "09:00");
        assert_eq!(time_part("09:00 - 12:00", 1), "12:00");
        assert_eq!(
            (time_part("9 uur", 0), time_part("9 uur", 1)),
            ("9 uur".into(), String::new())
        );
    }

    #[test]
    fn mentor_labels_give_their_ids() {
        assert_eq!(split_list("Marieke Hoekstra (M01), T04"), ["M01", "T04"]);
        assert!(split_list("").is_empty());
    }
}
