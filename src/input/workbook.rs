//! A workbook (`.xlsx`) as an instance: one sheet per instance file, read with calamine and
//! handed to the same readers as the CSV files, so the validation and the codes are the
//! same. Every sheet row becomes one line and every sheet column one field, so a
//! diagnostic's line and column are the sheet's row and column; [`relocate`] names the
//! workbook and the cell (`Docenten!C5`) in it.
//!
//! Sheets are found by their Dutch or English name in any case (`Docenten` or `teachers`,
//! see [`SHEETS`]). The `School` sheet holds `key | value` rows, read as the lines of a
//! school.toml: `blocks.morning | 09:00-12:00` is `[blocks] morning = "09:00-12:00"`.

use super::csvfile::header;
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use calamine::{Data, Reader};
use std::path::Path;

/// Each instance file with the sheet names that stand for it, Dutch first.
pub const SHEETS: &[(&str, &[&str])] = &[
    ("school.toml", &["School"]),
    ("teachers.csv", &["Docenten", "teachers"]),
    ("groups.csv", &["Groepen", "groups"]),
    ("students.csv", &["Cursisten", "students"]),
    ("mentors.csv", &["Mentoren", "mentors"]),
    ("unavailability.csv", &["Afwezigheid", "unavailability"]),
    ("locks.csv", &["Vergrendelingen", "locks"]),
    ("rooms.csv", &["Lokalen", "rooms"]),
];

/// One sheet: its name and its cells as text, `rows[0]` being row 1 and `cells[0]` column A.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    rows: Vec<Vec<String>>,
}

/// The sheets of a workbook, with the file name diagnostics give.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    pub file: String,
    pub sheets: Vec<Sheet>,
}

/// Whether `path` names a workbook rather than an instance folder.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Opens the workbook at `path`; E101 when it is missing, E102 when it cannot be read.
pub fn open(path: &Path) -> Result<Workbook, Diagnostic> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if !path.exists() {
        return Err(Diagnostic::error(
            ErrorCode::FileMissing,
            file.as_str(),
            format!("{} does not exist", path.display()),
        )
        .fix("give the path of an instance folder or of an .xlsx workbook")
        .nl(format!("{} bestaat niet", path.display()))
        .fix_nl("geef het pad van een instantiemap of van een werkmap .xlsx"));
    }
    let unreadable = |why: String| {
        Diagnostic::error(
            ErrorCode::FileUnreadable,
            file.as_str(),
            format!("{file} cannot be read as a workbook: {why}"),
        )
        .fix("in Excel choose Opslaan als (Save as) > \"Excel-werkmap (*.xlsx)\" (in an English Excel \"Excel Workbook (*.xlsx)\")")
        .nl(format!("{file} is niet te lezen als werkmap: {why}"))
        .fix_nl("kies in Excel Bestand > Opslaan als > \"Excel-werkmap (*.xlsx)\"")
    };
    let mut book = calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| unreadable(format!("sheet {name}: {e}")))?;
        sheets.push(Sheet {
            rows: texts(&range),
            name,
        });
    }
    Ok(Workbook { file, sheets })
}

/// The cells of a range as text, padded so that the first row and column are row 1 and A.
fn texts(range: &calamine::Range<Data>) -> Vec<Vec<String>> {
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); left as usize];
        cells.extend(row.iter().map(text));
        rows.push(cells);
    }
    rows
}

/// A cell as the planner sees it: numbers without a trailing `.0`, dates as `YYYY-MM-DD`
/// and times as `HH:MM` (Excel stores both as numbers), yes/no for a checkbox value.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Data::DateTime(dt) => {
            let (y, m, d, h, min, _, _) = dt.to_ymd_hms_milli();
            if dt.as_f64() < 1.0 {
                format!("{h:02}:{min:02}")
            } else if h == 0 && min == 0 {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}")
            }
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e}"),
    }
}

impl Workbook {
    /// The sheet that stands for `file` (see [`SHEETS`]), by name in any case.
    pub fn sheet_for(&self, file: &str) -> Option<&Sheet> {
        let names = SHEETS.iter().find(|(f, _)| *f == file)?.1;
        self.sheets
            .iter()
            .find(|s| names.iter().any(|n| n.eq_ignore_ascii_case(s.name.trim())))
    }

    /// The sheet name a missing `file` should have, for the fix text.
    pub fn sheet_name_of(file: &str) -> &'static str {
        SHEETS
            .iter()
            .find(|(f, _)| *f == file)
            .and_then(|(_, n)| n.first())
            .copied()
            .unwrap_or("?")
    }
}

impl Sheet {
    /// The sheet as the bytes of a CSV file, one line per row (a line break inside a cell
    /// becomes a space, so that lines stay rows).
    pub fn csv(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .quote_style(csv::QuoteStyle::Always)
            .from_writer(Vec::new());
        for row in &self.rows {
            let cells = row.iter().map(|c| c.replace(['\r', '\n'], " "));
            // An empty row is one empty field: a blank line keeps the numbering.
            let cells: Vec<String> = cells.collect();
            let wrote = if cells.is_empty() {
                w.write_record([""])
            } else {
                w.write_record(&cells)
            };
            if wrote.is_err() {
                break; // writing to a Vec cannot fail
            }
        }
        w.into_inner().unwrap_or_default()
    }

    /// The `key | value` rows as the lines of a school.toml, one line per row. A value that
    /// is a TOML number, boolean, array or inline table stays one; any other is a string. A
    /// first row `key | value` (or `sleutel | waarde`) is a header and skipped.
    pub fn school_toml(&self) -> String {
        let mut out = String::new();
        for (i, row) in self.rows.iter().enumerate() {
            let key = row.first().map_or("", |k| k.trim());
            let value = row.get(1).map_or("", |v| v.trim());
            let header = i == 0 && matches!(header::normalize(key).as_str(), "key" | "sleutel");
            if !key.is_empty() && !header {
                out.push_str(&format!("{} = {}", toml_key(key), toml_value(value)));
            }
            out.push('\n');
        }
        out
    }
}

/// A dotted key with each part bare when it may be, quoted otherwise.
fn toml_key(key: &str) -> String {
    key.split('.')
        .map(|part| {
            let part = part.trim();
            let bare = !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if bare {
                part.to_string()
            } else {
                toml::Value::String(part.to_string()).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn toml_value(value: &str) -> String {
    let is_toml = format!("v = {value}")
        .parse::<toml::Table>()
        .is_ok_and(|t| !matches!(t.get("v"), Some(toml::Value::String(_)) | None));
    if is_toml && !value.is_empty() {
        value.to_string()
    } else {
        toml::Value::String(value.to_string()).to_string()
    }
}

/// The spreadsheet name of a 1-based column: 1 is `A`, 27 is `AA`.
pub fn column_name(column: u64) -> String {
    let mut n = column;
    let mut name = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        name.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Points the diagnostics about `file` pushed since `from` at `sheet` of `book`: the file
/// becomes the workbook and the cell is named (`Docenten!C5`). In the `School` sheet the
/// value of a key is in column B, whatever TOML column the reader saw.
pub fn relocate(diags: &mut Diagnostics, from: usize, file: &str, book: &str, sheet: &str) {
    let school = file == "school.toml";
    for d in diags.0.iter_mut().skip(from).filter(|d| d.file == file) {
        d.file = book.to_string();
        if school && d.line.is_some() {
            d.column = Some(2);
        }
        d.cell = Some(match (d.line, d.column) {
            (Some(line), Some(column)) => format!("{sheet}!{}{line}", column_name(column)),
            (Some(line), None) => format!("{sheet}!{line}:{line}"),
            _ => sheet.to_string(),
        });
    }
}

pub mod schedule;

#[cfg(test)]
mod tests;
