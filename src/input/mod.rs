//! Reading instance and schedule folders: CSV and TOML rows with their positions.
//!
//! Parsing here is context-free: a cell becomes a date, a number, a list or slot entries,
//! or a coded diagnostic. Whether a block, location or id exists is for [`crate::validate`].

pub mod calendars;
pub mod cells;
pub mod csvfile;
pub mod exams;
pub mod groups;
pub mod locks;
pub mod mentoring;
pub mod mentors;
pub mod observations;
pub mod placements;
pub mod rooms;
pub mod school;
pub mod students;
pub mod suggest;
pub mod teachers;
pub mod timetable;
pub mod toml_support;
pub mod unavailability;
pub mod workbook;

use crate::diag::{Diagnostic, ErrorCode};

/// The text of a file read as UTF-8, without a leading BOM; E102 at the line of the first
/// byte that is not UTF-8 (a spreadsheet saved as Windows-1252, typically), on line 1 for a
/// file in UTF-16 (Excel's "Unicode text", Notepad's "UTF-16"), and at the line of a NUL byte
/// (UTF-16 without its BOM, or not a text file): no cell can hold one. `fix` says how to save
/// this kind of file as UTF-8.
pub fn utf8_text<'a>(
    file: &str,
    bytes: &'a [u8],
    (fix, fix_nl): (&str, &str),
) -> Result<&'a str, Diagnostic> {
    let unreadable = |at: usize, (why, why_nl): (String, String)| {
        let upto = bytes.get(..at).unwrap_or_default();
        let line = upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        Diagnostic::error(
            ErrorCode::FileUnreadable,
            file,
            format!("{file} is not UTF-8 text ({why})"),
        )
        .at(line, None)
        .fix(fix)
        .nl(format!("{file} is geen UTF-8-tekst ({why_nl})"))
        .fix_nl(fix_nl)
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(unreadable(
            0,
            (
                "it starts with the byte order mark of UTF-16, as Excel's \"Unicode text\" saves"
                    .into(),
                "het begint met het bytevolgordeteken van UTF-16, zoals Excel \"Unicode-tekst\" opslaat"
                    .into(),
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        unreadable(
            at,
            (
                format!(
                    "byte {} cannot be read; probably saved as Windows-1252",
                    at + 1
                ),
                format!(
                    "byte {} is niet te lezen; waarschijnlijk opgeslagen als Windows-1252",
                    at + 1
                ),
            ),
        )
    })?;
    if let Some(at) = text.find('\0') {
        return Err(unreadable(
            at,
            (
                format!(
                    "byte {} is a NUL byte; probably saved as UTF-16, or not a text file",
                    at + 1
                ),
                format!(
                    "byte {} is een NUL-byte; waarschijnlijk opgeslagen als UTF-16, of geen tekstbestand",
                    at + 1
                ),
            ),
        ));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The rows of one file that parsed, plus the keys (ids, course codes) of rows that did not:
/// a reference to a broken row is not reported again as unknown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rows<T> {
    pub rows: Vec<T>,
    /// The key cell (id or course code) of every row that had an error.
    pub broken: Vec<csvfile::Cell>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows {
            rows: Vec::new(),
            broken: Vec::new(),
        }
    }
}

/// Reads every row of `table` with `parse`; a row with any bad cell lands in `broken` with
/// the cell of its `key` column.
pub(crate) fn read_rows<T>(
    table: &csvfile::Table,
    key: &'static str,
    diags: &mut crate::diag::Diagnostics,
    mut parse: impl FnMut(&csvfile::Table, &csvfile::Record, &mut crate::diag::Diagnostics) -> Option<T>,
) -> Rows<T> {
    let mut out = Rows::default();
    let from = diags.0.len();
    for record in &table.rows {
        match parse(table, record, diags) {
            Some(row) => out.rows.push(row),
            None => out.broken.push(table.cell(record, key)),
        }
    }
    cells::collapse_day_first(diags, from, table.spec.file);
    out
}
