//! Reading one CSV file the way a Dutch Excel writes it: UTF-8 with or without a BOM,
//! `,`, `;` or a tab as the separator, quoted fields, CRLF (or CR) line ends, padded cells,
//! empty fields past the last column, trailing empty lines, and column names in Dutch or
//! English ([`header::DUTCH_NAMES`]). Everything found wrong is pushed as a coded diagnostic; the caller gets the
//! rows that could be read, each with its physical line number.

use crate::diag::{Diagnostic, Diagnostics, ErrorCode, WarningCode};
use lines::Lines;
use std::path::Path;

/// What a file's header must and may contain. Names are lowercase.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// File name relative to the folder, as diagnostics show it.
    pub file: &'static str,
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
    /// Whether columns outside `required` and `optional` are ignored rather than E105.
    pub extra_allowed: bool,
}

impl Spec {
    fn known(&self) -> impl Iterator<Item = &'static str> {
        self.required.iter().chain(self.optional).copied()
    }
}

/// One data row: its physical 1-based line and its trimmed cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: u64,
    cells: Vec<String>,
}

/// One cell of a row, with everything a diagnostic about it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub file: &'static str,
    pub line: u64,
    /// 1-based field number; `None` when the (optional) column is absent from the file.
    pub column: Option<u64>,
    pub field: &'static str,
    pub text: String,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// An error about this cell, placed at its line and column.
    pub fn error(&self, code: ErrorCode, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, self.file, message)
            .at(self.line, self.column)
            .field(self.field)
    }

    /// A warning about this cell, placed at its line and column.
    pub fn warning(&self, code: WarningCode, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(code, self.file, message)
            .at(self.line, self.column)
            .field(self.field)
    }
}

/// A CSV file read against its [`Spec`].
#[derive(Clone, Debug)]
pub struct Table {
    pub spec: Spec,
    /// Lowercase header names, in file order.
    pub columns: Vec<String>,
    pub rows: Vec<Record>,
}

impl Table {
    /// The cell of `record` in column `name` (empty, without a column, when the file has no
    /// such column). With a duplicated column, the first one counts.
    pub fn cell(&self, record: &Record, name: &'static str) -> Cell {
        let index = self.columns.iter().position(|c| c == name);
        Cell {
            file: self.spec.file,
            line: record.line,
            column: index.map(|i| i as u64 + 1),
            field: name,
            text: index
                .and_then(|i| record.cells.get(i))
                .map(|t| unescape(t))
                .unwrap_or_default(),
        }
    }
}

/// Undoes the spreadsheet escape that nt2plan's own CSV files apply (a `'` before a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return), so that ids round-trip.
pub fn unescape(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Reads `dir/spec.file`. A missing file is E101 when `required`, otherwise `None` without
/// a diagnostic. Returns `None` too when the file cannot be used at all (unreadable, empty,
/// or missing required columns); its problems are in `diags` then.
pub fn read(dir: &Path, spec: Spec, required: bool, diags: &mut Diagnostics) -> Option<Table> {
    let path = dir.join(spec.file);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if required {
                diags.push(
                    Diagnostic::error(
                        ErrorCode::FileMissing,
                        spec.file,
                        format!("{} is missing from {}", spec.file, dir.display()),
                    )
                    .fix(format!(
                        "add {} with the columns {}",
                        spec.file,
                        spec.required.join(",")
                    ))
                    .nl(format!("{} ontbreekt in {}", spec.file, dir.display()))
                    .fix_nl(format!(
                        "voeg {} toe met de kolommen {} (`nt2plan init` schrijft een voorbeeld)",
                        spec.file,
                        spec.required.join(",")
                    )),
                );
            }
            return None;
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    ErrorCode::FileUnreadable,
                    spec.file,
                    format!("{} cannot be read: {e}", spec.file),
                )
                .fix("check that the file exists, is a file and may be read")
                .nl(format!(
                    "{} is niet te lezen: {}",
                    spec.file,
                    crate::diag::io_error_nl(&e)
                ))
                .fix_nl("kijk of het bestand bestaat, een bestand is en gelezen mag worden"),
            );
            return None;
        }
    };
    parse(spec, &bytes, diags)
}

/// Reads an optional file: `Some(None)` when it is absent, `None` when it is unusable
/// (reported), `Some(Some(table))` otherwise.
pub fn read_optional(dir: &Path, spec: Spec, diags: &mut Diagnostics) -> Option<Option<Table>> {
    if !dir.join(spec.file).exists() {
        return Some(None);
    }
    read(dir, spec, false, diags).map(Some)
}

/// Parses the bytes of a CSV file; see [`read`].
pub fn parse(spec: Spec, bytes: &[u8], diags: &mut Diagnostics) -> Option<Table> {
    let text = match super::utf8_text(
        spec.file,
        bytes,
        (
            "in Excel choose Opslaan als (Save as) > \"CSV UTF-8 (door komma's gescheiden)\" (in an English Excel \"CSV UTF-8 (comma delimited)\"); or re-save the file as UTF-8",
            "kies in Excel Bestand > Opslaan als > \"CSV UTF-8 (door komma's gescheiden)\"; of sla het bestand in een teksteditor opnieuw op als UTF-8",
        ),
    ) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    if text.trim().is_empty() {
        diags.push(
            Diagnostic::error(
                ErrorCode::FileEmpty,
                spec.file,
                format!("{} is empty", spec.file),
            )
            .fix(format!(
                "write the header line: {}",
                spec.required.join(",")
            ))
            .nl(format!("{} is leeg", spec.file))
            .fix_nl(format!("schrijf de kopregel: {}", spec.required.join(","))),
        );
        return None;
    }
    let first_line = text
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    // Excel in a Dutch locale writes `;`, and rows pasted from a sheet into an editor are
    // separated by tabs: the header tells, since no column name has a `,`, `;` or tab.
    let delimiter = if first_line.contains(',') {
        b','
    } else if first_line.contains(';') {
        b';'
    } else if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let separator = match delimiter {
        b'\t' => "tab".to_string(),
        d => format!("`{}`", d as char),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = Lines::new(text);
    // The header as typed (normalized) and as the English column names.
    let mut header: Option<(u64, Vec<String>, Vec<String>)> = None;
    let mut rows = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| lines.at(p.byte()));
                let mut d = Diagnostic::error(
                    ErrorCode::CsvSyntax,
                    spec.file,
                    format!("this row cannot be read as CSV: {e}"),
                )
                .fix("check the quotes in this row: a quoted field must end with a quote")
                .nl(format!("deze regel is niet te lezen als CSV: {e}"))
                .fix_nl("kijk de aanhalingstekens in deze regel na: een veld dat met een aanhalingsteken begint, moet er ook op eindigen");
                if let Some(line) = line {
                    d = d.at(line, None);
                }
                diags.push(d);
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.iter().all(String::is_empty) {
            continue; // blank lines and Excel's `;;;;` rows
        }
        match &header {
            None => {
                let typed: Vec<String> = cells.iter().map(|c| header::normalize(c)).collect();
                let columns = typed.iter().map(|c| header::canonical(spec, c)).collect();
                header = Some((line, typed, columns));
            }
            Some((_, typed, columns)) => {
                fit_trailing_empty_fields(&mut cells, columns);
                if cells.len() != columns.len() {
                    diags.push(
                        Diagnostic::error(
                            ErrorCode::CsvSyntax,
                            spec.file,
                            format!(
                                "this row has {} fields, the header has {}",
                                cells.len(),
                                columns.len()
                            ),
                        )
                        .at(line, None)
                        .fix(format!(
                            "give every row the {} fields of the header ({}); quote a cell that contains a {separator}",
                            columns.len(),
                            typed.join(","),
                        ))
                        .nl(format!(
                            "deze regel heeft {} velden, de kopregel {}",
                            cells.len(),
                            columns.len()
                        ))
                        .fix_nl(format!(
                            "geef elke regel de {} velden van de kopregel ({}); zet een cel met een {separator} tussen aanhalingstekens (Excel doet dat zelf bij Bestand > Opslaan als > CSV UTF-8 (door komma's gescheiden))",
                            columns.len(),
                            typed.join(","),
                        )),
                    );
                    continue;
                }
                rows.push(Record { line, cells });
            }
        }
    }
    // Only empty cells on every line (Excel's `;;;;`, a lone `,`): no header to judge.
    let Some((header_line, typed, columns)) = header else {
        diags.push(
            Diagnostic::error(
                ErrorCode::FileEmpty,
                spec.file,
                format!(
                    "{} has no header: its lines hold only separators and spaces",
                    spec.file
                ),
            )
            .fix(format!(
                "write the header line: {}",
                spec.required.join(",")
            ))
            .nl(format!(
                "{} heeft geen kopregel: de regels bevatten alleen scheidingstekens en spaties",
                spec.file
            ))
            .fix_nl(format!("schrijf de kopregel: {}", spec.required.join(","))),
        );
        return None;
    };
    if !header::check(spec, header_line, &typed, &columns, diags) {
        return None;
    }
    header::unnamed_columns(spec, &columns, &rows, diags);
    Some(Table {
        spec,
        columns,
        rows,
    })
}

/// A spreadsheet pads rows with empty fields (`A;x;;`) for cells once formatted to the
/// right of the data, in some rows and not in others: empty fields past the header's last
/// column are dropped, and a row that stops short only of unnamed (empty) header columns is
/// padded, so that neither is a row of the wrong width.
fn fit_trailing_empty_fields(cells: &mut Vec<String>, columns: &[String]) {
    let width = columns.len();
    if cells.len() > width && cells[width..].iter().all(String::is_empty) {
        cells.truncate(width);
    } else if cells.len() < width && columns[cells.len()..].iter().all(String::is_empty) {
        cells.resize(width, String::new());
    }
}

pub mod header;
mod lines;

#[cfg(test)]
mod tests;
