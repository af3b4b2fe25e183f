//! One worksheet as a table: a bold header row, typed cells, an autofilter over the data,
//! the top row frozen and column widths from the longest text.

use super::WorkbookError;
use crate::report::spreadsheet_safe;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Worksheet};

/// A cell value.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum Cell {
    /// Text; made safe from formula injection when written.
    Text(String),
    Number(f64),
    /// A real Excel date with the date format.
    Date(NaiveDate),
    #[default]
    Empty,
}

/// Text cell.
pub(super) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// Number cell from a count.
pub(super) fn count(n: impl Into<u64>) -> Cell {
    // Counts of lessons and students are far below 2^53: exact as f64.
    Cell::Number(n.into() as f64)
}

/// Text cell, or an empty cell for `None`.
pub(super) fn maybe(s: Option<impl Into<String>>) -> Cell {
    s.map_or(Cell::Empty, text)
}

/// The formats every table shares.
pub(super) struct Formats {
    header: Format,
    date: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        Formats {
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// Narrowest and widest column, in characters.
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 60;
/// Room for the autofilter's drop-down arrow beside the header text.
const ARROW: usize = 3;
/// `yyyy-mm-dd`.
const DATE_WIDTH: usize = 10;

/// Writes `headers` and `rows` as the worksheet `name`.
pub(super) fn write(
    sheet: &mut Worksheet,
    name: &str,
    headers: &[&str],
    rows: &[Vec<Cell>],
    formats: &Formats,
) -> Result<(), WorkbookError> {
    sheet.set_name(name)?;
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count() + ARROW).collect();
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col(c)?, spreadsheet_safe(header), &formats.header)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        let row = RowNum::try_from(r + 1).map_err(|_| WorkbookError::TooManyRows {
            sheet: name.to_string(),
        })?;
        for (c, cell) in cells.iter().enumerate() {
            let column = col(c)?;
            let width = match cell {
                Cell::Text(s) => {
                    let safe = spreadsheet_safe(s);
                    sheet.write_string(row, column, safe.as_ref())?;
                    safe.chars().count()
                }
                Cell::Number(n) => {
                    sheet.write_number(row, column, *n)?;
                    n.to_string().len()
                }
                Cell::Date(d) => {
                    sheet.write_datetime_with_format(
                        row,
                        column,
                        excel_date(*d)?,
                        &formats.date,
                    )?;
                    DATE_WIDTH
                }
                Cell::Empty => 0,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    let last_row = RowNum::try_from(rows.len()).map_err(|_| WorkbookError::TooManyRows {
        sheet: name.to_string(),
    })?;
    let last_col = col(headers.len().saturating_sub(1))?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_freeze_panes(1, 0)?;
    for (c, w) in widths.iter().enumerate() {
        // One character of margin; widths are small whole numbers, exact as f64.
        let width = (*w + 1).clamp(MIN_WIDTH, MAX_WIDTH) as f64;
        sheet.set_column_width(col(c)?, width)?;
    }
    Ok(())
}

fn col(c: usize) -> Result<ColNum, WorkbookError> {
    ColNum::try_from(c).map_err(|_| WorkbookError::TooManyColumns)
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, WorkbookError> {
    let (Ok(year), Ok(month), Ok(day)) = (
        u16::try_from(d.year()),
        u8::try_from(d.month()),
        u8::try_from(d.day()),
    ) else {
        return Err(WorkbookError::Date(d));
    };
    ExcelDateTime::from_ymd(year, month, day).map_err(|_| WorkbookError::Date(d))
}

/// The creation date of the document properties: a date of the data, never the clock.
pub(super) fn creation_date(d: NaiveDate) -> Result<ExcelDateTime, WorkbookError> {
    excel_date(d)
}
