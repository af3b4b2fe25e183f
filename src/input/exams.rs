//! Exam results: `student,law,profile,exam_date,passed`, one row per exam, in a CSV file the
//! user names (it is not part of an instance folder). Ids only: personal data.
//!
//! Diagnostics name the file as the user gave it, so that `path:line:column` points at it.

use super::Rows;
use super::cells::{self, Field};
use super::csvfile::{self, Cell, Spec};
use crate::diag::{Diagnostic, Diagnostics, ErrorCode, Loaded};
use crate::domain::{ExamResult, Law, Profile, StudentId};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::Path;

/// The columns; `file` is replaced by the path the user gave in every diagnostic.
pub const SPEC: Spec = Spec {
    file: "exams.csv",
    required: &["student", "law", "profile", "exam_date", "passed"],
    optional: &[],
    extra_allowed: false,
};

/// One row, parsed; the cells are kept so that later checks can point at them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExamRow {
    pub line: u64,
    pub student: Cell,
    pub law: Law,
    pub profile: Cell,
    pub exam_date: Field<NaiveDate>,
    pub passed: bool,
}

/// Reads the exam results at `path`: every problem at once, or the results with any warnings.
pub fn load(path: &Path) -> Result<Loaded<Vec<ExamResult>>, Diagnostics> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&file, &bytes),
        Err(e) => {
            let fix = format!(
                "give the path of a CSV file with the columns {}",
                SPEC.required.join(",")
            );
            let fix_nl = format!(
                "geef het pad van een CSV-bestand met de kolommen {}",
                SPEC.required.join(",")
            );
            let d = if e.kind() == std::io::ErrorKind::NotFound {
                Diagnostic::error(
                    ErrorCode::FileMissing,
                    &file,
                    format!("{file} does not exist"),
                )
                .nl(format!("{file} bestaat niet"))
            } else {
                Diagnostic::error(
                    ErrorCode::FileUnreadable,
                    &file,
                    format!("{file} cannot be read: {e}"),
                )
                .nl(format!(
                    "{file} is niet te lezen: {}",
                    crate::diag::io_error_nl(&e)
                ))
            };
            Err(Diagnostics(vec![d.fix(fix).fix_nl(fix_nl)]))
        }
    }
}

/// Reads exam results from the bytes of a CSV file; `file` names it in diagnostics.
pub fn load_bytes(file: &str, bytes: &[u8]) -> Result<Loaded<Vec<ExamResult>>, Diagnostics> {
    let mut diags = Diagnostics::default();
    let results = csvfile::parse(SPEC, bytes, &mut diags).map(|table| {
        let rows = read_rows(&table, &mut diags);
        duplicates(&rows, &mut diags);
        rows.rows.iter().map(to_result).collect::<Vec<_>>()
    });
    let diags = relabel(diags, file).sorted();
    match results {
        Some(value) if !diags.has_errors() => Ok(Loaded {
            value,
            warnings: diags,
        }),
        _ => Err(diags),
    }
}

/// Parses every row; a row with a bad cell is reported and left out.
pub fn read_rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<ExamRow> {
    super::read_rows(table, "student", diags, |t, r, d| {
        let student = t.cell(r, "student");
        let law = t.cell(r, "law");
        let profile = t.cell(r, "profile");
        let exam_date = t.cell(r, "exam_date");
        let passed = t.cell(r, "passed");
        let parsed = (
            cells::required(&student, d),
            cells::required(&law, d).and_then(|_| cells::law(&law, d)),
            cells::required(&profile, d),
            cells::required(&exam_date, d).and_then(|_| cells::date(&exam_date, d)),
            cells::required(&passed, d).and_then(|_| passed_yes_no(&passed, d)),
        );
        let (Some(_), Some(law), Some(_), Some(date), Some(passed)) = parsed else {
            return None;
        };
        Some(ExamRow {
            line: r.line,
            student,
            law,
            profile,
            exam_date: Field {
                value: date,
                cell: exam_date,
            },
            passed,
        })
    })
}

/// yes/no like [`cells::yes_no`], but empty is E201 (checked before): elsewhere empty means
/// no, while a result nobody filled in is not a failed exam.
fn passed_yes_no(cell: &Cell, diags: &mut Diagnostics) -> Option<bool> {
    let mut found = Diagnostics::default();
    let value = cells::yes_no(cell, &mut found);
    for d in found.0 {
        diags.push(d.fix("write yes or no (ja/nee also work); leave out an exam without a result"));
    }
    value
}

/// E309 for every row after the first with the same student, exam date and profile: counted
/// twice it would skew the pass rate, and two different results cannot both be true.
fn duplicates(rows: &Rows<ExamRow>, diags: &mut Diagnostics) {
    let mut first: BTreeMap<(&str, NaiveDate, &str), u64> = BTreeMap::new();
    for row in &rows.rows {
        let key = (
            row.student.text.as_str(),
            row.exam_date.value,
            row.profile.text.as_str(),
        );
        match first.get(&key) {
            Some(line) => diags.push(
                row.student
                    .error(
                        ErrorCode::DuplicateId,
                        format!(
                            "the exam of student \"{}\" in profile \"{}\" on {} appears twice",
                            key.0, key.2, key.1
                        ),
                    )
                    .fix(format!(
                        "it is already on line {line}; keep one row per exam with its final result"
                    )),
            ),
            None => {
                first.insert(key, row.line);
            }
        }
    }
}

fn to_result(row: &ExamRow) -> ExamResult {
    ExamResult {
        student: StudentId::new(row.student.text.as_str()),
        law: row.law,
        profile: Profile::new(row.profile.text.as_str()),
        date: row.exam_date.value,
        passed: row.passed,
    }
}

/// Names the file as the user gave it wherever the reader wrote [`SPEC`]'s file name.
fn relabel(diags: Diagnostics, file: &str) -> Diagnostics {
    let swap = |s: &str| s.replace(SPEC.file, file);
    Diagnostics(
        diags
            .0
            .into_iter()
            .map(|mut d| {
                d.file = file.to_string();
                d.message = swap(&d.message);
                d.fix = swap(&d.fix);
                d
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests;
